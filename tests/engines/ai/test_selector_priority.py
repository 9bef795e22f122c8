"""The priority desk's slots: every input kind has a tier, or is refused as not a priority event."""

from __future__ import annotations

import pytest

from engines import events as ev
from engines.ai.selector_priority import CHEER, DIRECT, FOLLOW, RAID, REDEMPTION, SUBS, slot_of

V = ev.Viewer(id="1", login="Kiri", display_name="Kiri")

SLOTS: list[tuple[ev.EventBase, tuple[int, object, str] | None]] = [
    (ev.ModeratorInput(id="m", channel="c", author="mia", text="hi"), (DIRECT, "m", "moderator")),
    (ev.StreamerUtterance(id="s", channel="c", text="hi"), (DIRECT, "s", "streamer")),
    (ev.Raid(id="r", channel="c", from_user=V, viewers=3), (RAID, "r", "raid")),
    (ev.GiftSubs(channel="c", user=V, total=5), (SUBS, ("gift", "kiri"), "gift")),
    (ev.Subscription(channel="c", user=V, is_gift=True), (SUBS, "gift-recipients", "gift-recipients")),
    (ev.Subscription(channel="c", user=V), (SUBS, "subs", "subscription")),
    (ev.ResubMessage(id="x", channel="c", user=V), (SUBS, "x", "resub")),
    (ev.Cheer(id="ch", channel="c", user=None, bits=5), (CHEER, "ch", "cheer")),
    (ev.Redemption(id="rd", channel="c", user=V, reward_id="r", reward_title="Ask"), (REDEMPTION, "rd", "redemption")),
    (ev.Follow(channel="c", user=V), (FOLLOW, "follows", "follows")),
    (ev.ChatMessage(channel="c", user=V, text="hi"), None),
    (ev.UtteranceEnd(channel="c", utterance_id="s", kept=True), None),
    (ev.StreamState(channel="c", online=True), None),
    (ev.Mute(channel="c"), None),
]  # fmt: skip


@pytest.mark.parametrize(("event", "slot"), SLOTS, ids=lambda x: getattr(x, "type", None))
def test_slot_of_each_kind(event: ev.EventBase, slot: tuple[int, object, str] | None) -> None:
    if slot is None:
        with pytest.raises(ValueError, match="not a priority event"):
            slot_of(event)
    else:
        assert slot_of(event) == slot


def test_every_input_kind_is_placed_or_refused() -> None:
    assert {e.type for e, _ in SLOTS} >= ev.INPUT_TYPES
