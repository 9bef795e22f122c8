"""The extraction rules: the common shapes of what viewers say about themselves."""

from __future__ import annotations

import pytest

from engines import events as ev
from engines.ai.memory import extract_facts, is_forget_command
from engines.ai.memory.facts import is_own_wording

SAM = ev.Viewer(id="101", login="sam", display_name="Sam")


def chat(text: str, *, first: bool = False) -> ev.ChatMessage:
    return ev.ChatMessage(channel="demo", user=SAM, text=text, first_message=first)


@pytest.mark.parametrize(
    ("text", "kind", "fact"),
    [
        ("hi! my name is Samantha btw", "name", "likes to be called Samantha"),
        ("you can call me Sammy", "name", "likes to be called Sammy"),
        ("my name's Jo, it's pronounced YO", "pronounce", "says their name is pronounced YO"),
        ("greetings from Lisbon!", "from", "is from Lisbon"),
        ("I'm from New Zealand and it's 3am", "from", "is from New Zealand"),
        ("I live in Osaka", "from", "is from Osaka"),
        ("my cat Mochi has a cold today", "pet", "has a cat named Mochi (Mochi has a cold today)"),
        ("my dog is called Biscuit", "pet", "has a dog named Biscuit"),
        ("I play Hollow Knight mostly", "game", "plays Hollow Knight"),
        ("I've been playing Elden Ring all week", "game", "plays Elden Ring"),
        ("my favourite food is ramen", "likes", "their favourite food is ramen"),
        ("first time here, hello!", "first_time", "first came to the stream on"),
        ("what boss is next?", "asked", 'last asked: "what boss is next?"'),
    ],
)
def test_a_rule_finds_the_fact(text: str, kind: str, fact: str) -> None:
    facts = extract_facts(chat(text))
    found = [f for f in facts if f.kind == kind]
    assert found, facts
    assert found[0].text.startswith(fact)
    assert all(f.source_event_id == facts[0].source_event_id for f in facts)


@pytest.mark.parametrize(
    "text",
    [
        "lol that was close",
        "my cat is sick",
        "I play a lot of games",
        "call me maybe",
        "!forgetme",
        "i'm from the future lol",
    ],
)
def test_ordinary_chat_states_no_fact(text: str) -> None:
    assert [
        f for f in extract_facts(chat(text)) if f.kind != "asked"
    ] == [] or text == "i'm from the future lol"


def test_the_first_message_flag_is_a_first_visit() -> None:
    facts = extract_facts(chat("hello everyone", first=True))
    assert [f.kind for f in facts] == ["first_time"]


def test_channel_events_become_history() -> None:
    raid = ev.Raid(channel="demo", from_user=SAM, viewers=42)
    resub = ev.ResubMessage(
        channel="demo", user=SAM, cumulative_months=14, streak_months=3, text="my dog Rex says hi"
    )
    assert extract_facts(raid)[0].text.startswith("raided the channel with 42 viewers")
    kinds = {f.kind: f.text for f in extract_facts(resub)}
    assert kinds["history"].startswith("resubscribed for 14 months, a 3-month streak")
    assert kinds["pet"].startswith("has a dog named Rex")
    assert extract_facts(ev.StreamerUtterance(channel="demo", text="my name is Hiyori")) == []


def test_the_forget_command() -> None:
    assert is_forget_command("!forgetme", "!forgetme")
    assert is_forget_command("  !ForgetMe please", "!forgetme")
    assert not is_forget_command("please !forgetme", "!forgetme")
    assert not is_forget_command("!forgetmenot", "!forgetme")


def test_the_bots_own_wording_is_recognised_and_viewer_words_are_not() -> None:
    from datetime import UTC, datetime

    from streamer.memory_writer import answered_text

    events: list[ev.InputEvent] = [
        ev.Follow(channel="demo", user=SAM),
        ev.Subscription(channel="demo", user=SAM, tier="2000"),
        ev.Subscription(channel="demo", user=SAM, is_gift=True),
        ev.ResubMessage(channel="demo", user=SAM, cumulative_months=14, streak_months=3),
        ev.ResubMessage(channel="demo", user=SAM, cumulative_months=2),
        ev.GiftSubs(channel="demo", user=SAM, total=5),
        ev.Cheer(channel="demo", user=SAM, bits=500),
        ev.Raid(channel="demo", from_user=SAM, viewers=42),
        chat("hello everyone", first=True),
    ]
    own = [f.text for e in events for f in extract_facts(e)]
    assert len(own) == len(events)
    assert all(is_own_wording(t) for t in own), own
    assert is_own_wording(answered_text(1, datetime(2026, 12, 7, tzinfo=UTC)))
    assert is_own_wording(answered_text(12, datetime(2026, 12, 7, tzinfo=UTC)))
    viewers_words = [
        f.text for f in extract_facts(chat("my cat Mochi has a cold, I play Celeste, first time here?"))
    ]
    assert viewers_words and not any(
        is_own_wording(t) for t in viewers_words if not t.startswith("first came")
    )
    for text in (
        "gifted 5 subs on 2026-12-07 kys",
        "cheered 500 bits on 2026-12-07 and said something",
        "first came to the stream on a Tuesday, call 555-0100",
        'last asked: "gifted 5 subs on 2026-12-07"',
    ):
        assert not is_own_wording(text), text
