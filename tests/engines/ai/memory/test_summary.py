"""The extractive stream summary."""

from __future__ import annotations

from datetime import UTC, datetime

from engines import events as ev
from engines.ai.memory.summary import MAX_CHAT_LINES, MAX_MOMENTS, StreamDigest, clip

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


def test_the_recent_lines_for_a_model_and_how_many_there_were() -> None:
    d = StreamDigest(started=datetime(2026, 12, 6, tzinfo=UTC))
    d.add(ev.StreamState(channel="c", online=True, title="Maliketh", category="Elden Ring"))
    d.add(ev.StreamState(channel="c", online=True, title="Maliketh", category="Elden Ring"))  # no change
    d.add(ev.StreamerUtterance(channel="c", text="okay chat, one more try"))
    d.add(ev.StreamerUtterance(channel="c", text="we beat", final=False))  # preemptive: not kept
    d.add(ev.ChatMessage(channel="c", user=SAM, text="!uptime"))  # a command: not kept
    d.add(ev.ChatMessage(channel="c", user=SAM, text="you can do it, go go go"))
    d.add(ev.Follow(channel="c", user=SAM))  # counted only
    d.add(ev.GiftSubs(channel="c", user=None, total=3))
    assert [(x.source, x.text, x.author) for x in d.lines()] == [
        ("channel", "the stream is Elden Ring: Maliketh", ""),
        ("channel", "an anonymous viewer gifted 3 subs", ""),
        ("streamer", "okay chat, one more try", ""),
        ("chat", "you can do it, go go go", "sam"),
    ]
    assert d.changes == 4 and list(d.chatters) == ["sam"]
    for i in range(MAX_CHAT_LINES + 5):
        d.add(ev.ChatMessage(channel="c", user=SAM, text=f"chat line number {i}"))
    assert len(d.chatted) == MAX_CHAT_LINES and d.chatted[-1].text == f"chat line number {MAX_CHAT_LINES + 4}"


def test_the_text_in_a_size_leaves_out_the_oldest_moments_first() -> None:
    d = StreamDigest(started=datetime(2026, 12, 6, tzinfo=UTC))
    for i in range(4):
        d.add(ev.Raid(channel="c", from_user=SAM, viewers=i))
    d.add(ev.Subscription(channel="c", user=SAM))
    full = d.text()
    assert d.text(len(full)) == full
    short = d.text(80)
    assert len(short) <= 80 and "Sam raided with 3 viewers" in short and "with 0 viewers" not in short
    assert short.endswith("1 subs.")
    assert clip("one two three four five six", 12) == "one two…" and clip("short", 10) == "short"
