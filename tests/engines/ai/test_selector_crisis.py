"""The selector never answers a crisis message: the crisis hook drops it on sight with a
``crisis:`` reason (before any other reason but the bot's own), and so may the input check."""

from __future__ import annotations

import logging

import pytest

from engines.ai.safety.crisis import detect_crisis
from engines.ai.selector import CRISIS, Selector
from engines.events import Cheer, ModeratorInput, Redemption, StreamerUtterance
from tests.engines.ai.test_selector import chat, config, drops, picked_ids, viewer


def crisis_check(text: str) -> str | None:
    found = detect_crisis(text)
    return None if found is None else found.reason


def test_a_crisis_line_is_dropped_on_sight_with_its_reason() -> None:
    sel = Selector(config(), crisis_check=crisis_check)
    fan = chat("Hiyori what game is this?", "fan")
    crisis = chat("hiyori i bought a rope, nobody would care if i was gone", "kiri")
    assert sel.offer(fan, 0.0) is None
    dropped = sel.offer(crisis, 0.0)
    assert dropped is not None and dropped.event_id == crisis.id
    assert dropped.reason.startswith(CRISIS) and dropped.reason != CRISIS
    assert picked_ids(sel.pick(0.0)) == [fan.id]
    assert sel.pick(1.0) is None  # nothing else waits: the crisis line is never answered


def test_the_crisis_hook_sees_lines_other_reasons_would_drop_first() -> None:
    sel = Selector(config(max_age_s=10.0), crisis_check=crisis_check)
    sel.block_viewer("blocked_one")
    blocked = chat("i want to die", "blocked_one")
    command = chat("!hug i want to kill myself", "commander")
    stale = chat("i'm going to end it tonight", "late")
    first = chat("i don't want to live anymore", "repeat")
    again = chat("i don't want to live anymore", "repeat")
    reasons = [
        sel.offer(blocked, 0.0),
        sel.offer(command, 0.0),
        sel.offer(stale, 60.0),
        sel.offer(first, 60.0),
        sel.offer(again, 60.0),
    ]
    assert all(r is not None and r.reason.startswith(CRISIS) for r in reasons), reasons


def test_priority_events_with_viewer_text_are_checked_too() -> None:
    sel = Selector(config(), crisis_check=crisis_check)
    redemption = Redemption(
        channel="sora", user=viewer("r"), reward_id="ask", reward_title="Ask", user_input="i want to die"
    )
    cheer = Cheer(channel="sora", user=viewer("c"), bits=100, text="Cheer100 i'm going to kms")
    for event in (redemption, cheer):
        dropped = sel.offer(event, 0.0)
        assert dropped is not None and dropped.reason.startswith(CRISIS)


def test_the_bot_and_the_streamer_and_moderators_are_not_checked() -> None:
    seen: list[str] = []

    def check(text: str) -> str | None:
        seen.append(text)
        return "always"

    sel = Selector(config(), crisis_check=check)
    assert sel.offer(chat("i want to die of laughter", "hiyori_bot"), 0.0).reason == "self"  # type: ignore[union-attr]
    assert sel.offer(chat("i want to die", "nightbot"), 0.0).reason == "bot"  # type: ignore[union-attr]
    assert (
        sel.offer(StreamerUtterance(channel="sora", text="Hiyori, this boss makes me want to die"), 0.0)
        is None
    )
    assert sel.offer(ModeratorInput(channel="sora", author="mod", text="say hi"), 0.0) is None
    assert seen == []


def test_the_input_check_may_name_a_crisis_and_its_reason_is_kept() -> None:
    def check(text: str) -> tuple[bool, str]:
        return (
            (False, f"{CRISIS}self-harm in the first person (semantic)") if "bridge" in text else (True, "")
        )

    sel = Selector(config(), input_check=check, crisis_check=crisis_check)
    line = chat("everything hurts and i keep looking at the bridge", "kiri")
    dropped = sel.offer(line, 0.0)
    assert dropped is not None and dropped.reason == "crisis: self-harm in the first person (semantic)"
    assert drops(sel) == {line.id: dropped.reason}


def test_a_failing_crisis_hook_is_logged_and_the_input_check_still_runs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(text: str) -> str | None:
        raise RuntimeError("bug")

    sel = Selector(config(), input_check=lambda text: (False, "harm: self-harm intent"), crisis_check=broken)
    with caplog.at_level(logging.WARNING, logger="engines.ai.selector"):
        dropped = sel.offer(chat("i want to die", "kiri"), 0.0)
    assert dropped is not None and dropped.reason == "unsafe:harm: self-harm intent"
    assert any("crisis check failed" in r.getMessage() for r in caplog.records)


def test_a_caution_drops_the_line_without_calling_it_unsafe() -> None:
    from engines import events as ev
    from engines.ai.selector import CAUTION, Selector, SelectorConfig

    selector = Selector(
        SelectorConfig(bot_name="Hiyori"), input_check=lambda text: (False, f"{CAUTION}hate 0.93")
    )
    user = ev.Viewer(id="1", login="kiri", display_name="Kiri")
    selector.offer(ev.ChatMessage(channel="c", user=user, text="Hiyori, something borderline"), 0.0)
    drops = [d for d in selector.drain_decisions() if d.action == "drop"]
    assert [d.reason for d in drops] == ["caution: hate 0.93"]
