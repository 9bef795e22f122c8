"""Layer 3: personal data, doxxing and links."""

from __future__ import annotations

import pytest

from engines.ai.safety.normalize import normalize
from engines.ai.safety.patterns import LinkFinder, find_pii, luhn_ok


def pii(text: str) -> str | None:
    found = find_pii(normalize(text))
    return None if found is None else found.category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("email me at cutegirl99@gmail.com", "email"),
        ("john.smith+tag@example.co.uk", "email"),
        ("johnny at gmail dot com", "email"),
        ("johnny(at)protonmail", "email"),
        ("call 555-867-5309", "phone"),
        ("(415) 555-2671", "phone"),
        ("+44 7700 900123", "phone"),
        ("+1 202 555 0143", "phone"),
        ("text 07911 123456", "phone"),
        ("card 4111 1111 1111 1111", "card"),
        ("4532015112830366", "card"),
        ("5555-5555-5555-4444", "card"),
        ("ssn 078-05-1120", "ssn"),
        ("my ip is 192.168.1.24", "ip"),
        ("2001:db8:85a3::8a2e:370:7334", "ip"),
        ("he lives at 221B Baker Street", "address"),
        ("1600 Pennsylvania Avenue", "address"),
        ("12 Maple Lane, Springfield", "address"),
        ("Musterstraße 12", "address"),
        ("12 rue de la Paix", "address"),
        ("where do you live", "doxxing"),
        ("wh3re d0 u l1ve", "doxxing"),
        ("what's your real name?", "doxxing"),
        ("whats ur home address", "doxxing"),
        ("what city do you live in", "doxxing"),
        ("which school do you go to", "doxxing"),
        ("i know where you live", "doxxing"),
        ("I found your house", "doxxing"),
        ("your real name is Jessica", "doxxing"),
        ("gonna dox you", "doxxing"),
        ("drop her phone number", "doxxing"),
    ],
)
def test_pii_found(text: str, category: str) -> None:
    assert pii(text) == category


@pytest.mark.parametrize(
    "text",
    [
        "my score was 1,234,567",
        "100000 gold",
        "1000000000 damage lol",
        "see you at 7:30",
        "patch 1.2.3.4 notes",
        "version 10.0.0.1 released",
        "stream starts 2024-05-01",
        "GG 3-2",
        "1 2 3 4 5 6 7 8 9 10",
        "4111 1111 1111 1112",  # fails Luhn, not a phone either
        "i have 2 hard drives full of games",
        "3 more road trips",
        "top 10 best way to win",
        "where are you from?",
        "is it cold where you live?",
        "what's your favourite number?",
        "what's your name?",
        "meet me at the lobby",
        "I live in the UK",
    ],
)
def test_not_pii(text: str) -> None:
    assert pii(text) is None


def test_luhn() -> None:
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")
    assert luhn_ok("0")


LINKS = LinkFinder()


@pytest.mark.parametrize(
    "text",
    [
        "https://bit.ly/3xYz12",
        "hxxps://malware.site/payload",
        "go to www.freenitro-claim.ru",
        "discord.gg/raidserver",
        "follow me on twitch.tv/somerandomguy",
        "visit cashnow.biz",
        "bigfollows .com",
        "streamboo dot com",
        "streamgrow[.]com",
        "site(dot)net",
        "t.me/cryptopumpgroup",
        "steamcommunity.com.trade-offer.ru/gift",
        "HTTPS://EXAMPLE.COM",
        "ｅｘａｍｐｌｅ．ｃｏｍ",
    ],
)
def test_links_found(text: str) -> None:
    assert LINKS.find(normalize(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "check this clip clips.twitch.tv/FunnyClip",
        "https://clips.twitch.tv/FunnyClip",
        "e.g. use the shield",
        "ok.so what now",
        "it.is what it is",
        "1.5x speed",
        "node.js and index.html",
        "wait... what?",
        "the end.",
        "a.m. or p.m.",
    ],
)
def test_not_links(text: str) -> None:
    assert LINKS.find(normalize(text)) is None


def test_allow_list_is_configurable() -> None:
    finder = LinkFinder(["twitch.tv", ".youtube.com "])
    assert finder.allowed_domains == ("twitch.tv", "youtube.com")
    assert finder.find(normalize("twitch.tv/someone")) is None
    assert finder.find(normalize("https://www.youtube.com/watch?v=x")) is None
    assert finder.find(normalize("m.youtube.com/watch")) is None
    assert finder.find(normalize("notyoutube.com/watch")) is not None
    assert LinkFinder([]).find(normalize("clips.twitch.tv/x")) is not None
