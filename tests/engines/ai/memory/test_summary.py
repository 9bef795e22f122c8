"""The extractive stream summary."""

from __future__ import annotations

from datetime import UTC, datetime

from engines import events as ev
from engines.ai.memory.summary import MAX_MOMENTS, StreamDigest

SAM = ev.Viewer(id="1", login="sam", display_name="Sam")


def test_moments_in_order_and_counts() -> None:
    d = StreamDigest(started=datetime(2026, 12, 6, 20, 0, tzinfo=UTC))
    for e in [
        ev.StreamState(channel="c", online=True, title="Maliketh, no summons", category="Elden Ring"),
        ev.StreamerUtterance(channel="c", text="okay chat, one more try"),
        ev.Raid(channel="c", from_user=SAM, viewers=42),
        ev.StreamerUtterance(channel="c", text="WE FINALLY BEAT HIM!! Maliketh is down"),
        ev.StreamerUtterance(channel="c", text="we beat him", final=False),  # preemptive: not kept
        ev.Subscription(channel="c", user=SAM),
        ev.GiftSubs(channel="c", user=SAM, total=5),
        ev.Cheer(channel="c", user=SAM, bits=100),
        ev.Follow(channel="c", user=SAM),
        ev.ChatMessage(channel="c", user=SAM, text="GG"),
    ]:
        d.add(e)
    assert d.text() == (
        "Stream on 2026-12-06 (Elden Ring: Maliketh, no summons). Sam raided with 42 viewers. "
        'the streamer said "WE FINALLY BEAT HIM!! Maliketh is down". 6 subs, 1 follows, 100 bits.'
    )
    assert d.name == "Past stream 2026-12-06 20:00 - Maliketh, no summons"
    assert d.chat == 1


def test_only_the_newest_moments_are_kept() -> None:
    d = StreamDigest(started=datetime(2026, 12, 6, tzinfo=UTC))
    for i in range(MAX_MOMENTS + 3):
        d.add(ev.Raid(channel="c", from_user=SAM, viewers=i))
    assert len(d.moments) == MAX_MOMENTS
    assert d.moments[-1] == f"Sam raided with {MAX_MOMENTS + 2} viewers"
    assert StreamDigest(started=datetime(2026, 12, 6, tzinfo=UTC)).text() == "Stream on 2026-12-06."
