"""Threats, self-harm intent, sexual requests and sexualised minors by sentence shape."""

from __future__ import annotations

import pytest

from engines.ai.safety.harm import find_harm
from engines.ai.safety.normalize import normalize


def harm(text: str) -> str | None:
    found = find_harm(normalize(text))
    return None if found is None else found.category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i'll burn your house down", "threat"),
        ("i'm going to beat you to death", "threat"),
        ("ur dead when i find you", "threat"),
        ("i will stab you", "threat"),
        ("im gonna k1ll u", "threat"),
        ("someone should shoot the streamer", "threat"),
        ("i hope someone breaks your legs", "threat"),
        ("watch your back", "threat"),
        ("i'll make you pay", "threat"),
        ("hope you get hit by a bus", "threat"),
        ("how many pills does it take to overdose", "self_harm"),
        ("whats the easiest way to kill myself", "self_harm"),
        ("i want to cut myself tonight", "self_harm"),
        ("i'm going to end it all", "self_harm"),
        ("nobody would miss you", "self_harm"),
        ("the world would be better without you", "self_harm"),
        ("you should just die", "self_harm"),
        ("take off your clothes", "sexual"),
        ("spread your legs", "sexual"),
        ("moan for me", "sexual"),
        ("i want to breed you", "sexual"),
        ("your thighs look delicious", "sexual"),
        ("what color is your underwear", "sexual"),
        ("i'll put a bullet in your head", "threat"),
        ("imma put u in the ground", "threat"),
        ("im gonna blow your brains out", "threat"),
        ("the shota in this game is so hot", "minors"),
        ("any nsfw art of 12 year olds", "minors"),
        ("that 13 yo is so sexy", "minors"),
    ],
)
def test_harm_found(text: str, category: str) -> None:
    assert harm(text) == category


@pytest.mark.parametrize(
    "text",
    [
        "kill the dragon",
        "that boss killed me",
        "shoot him in the head",
        "did i kill you? sorry, friendly fire",
        "you killed me lol",
        "I'm going to beat you at chess",
        "I'll find you in the lobby",
        "this boss is going to kill you",
        "i'm dying lol",
        "i want to die laughing",
        "no one would notice if you went afk",
        "you deserve a break",
        "you should try the new dlc",
        "how do i beat this boss",
        "best way to kill the final boss?",
        "take off your armour before the swim",
        "show me your build",
        "hit him with the hammer",
        "break a leg tonight!",
        "I hope you have a great day",
        "I put a bullet in his head from 300m lol",
        "I will put you in the hall of fame",
        "put a hole in the wall",
        "hot take: 10 year olds are better at fortnite than me",
        "smash bros with my 8 year old tonight",
        "my 7 year old is hot from playing outside",
        "middle schoolers are the hardest lobby",
        "lolis in gacha games are overdone",
    ],
)
def test_game_talk_is_not_harm(text: str) -> None:
    assert harm(text) is None
