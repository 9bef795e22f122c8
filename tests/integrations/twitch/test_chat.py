"""Chat rules without Twitch: the 500-character split and the send-rate window."""

from __future__ import annotations

import asyncio

from integrations.twitch.chat import ELLIPSIS, MAX_CHARS, RateWindow, split_message


def test_a_short_reply_is_one_message_with_whitespace_collapsed() -> None:
    assert split_message("  Hello   chat!\n How are you? ") == ["Hello chat! How are you?"]
    assert split_message("   ") == []


def test_a_long_reply_splits_at_sentence_ends_within_the_limit() -> None:
    sentence = "This sentence is exactly long enough to matter here. "  # 53 characters
    text = sentence * 15  # about 800 characters
    parts = split_message(text, max_parts=2)
    assert len(parts) == 2
    assert all(len(p) <= MAX_CHARS for p in parts)
    assert parts[0].endswith("here.")
    assert " ".join(parts) == text.strip()


def test_what_does_not_fit_is_cut_politely_at_a_word() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(100))  # about 2,800 characters
    parts = split_message(text, max_parts=2)
    assert len(parts) == 2
    assert all(len(p) <= MAX_CHARS for p in parts)
    assert parts[1].endswith(ELLIPSIS)
    assert parts[1].removesuffix(ELLIPSIS).split()[-1] in text.split()  # cut between words


def test_one_sentence_longer_than_a_message_breaks_at_words() -> None:
    text = "word " * 300  # one 1,499-character "sentence"
    parts = split_message(text, max_parts=5)
    assert len(parts) == 4
    assert all(490 <= len(p) <= MAX_CHARS for p in parts[:-1])  # full messages, cut between words
    assert " ".join(parts).split() == text.split()


def test_the_rate_window_allows_the_limit_then_says_how_long_to_wait() -> None:
    now = [100.0]
    window = RateWindow(2, 30.0, clock=lambda: now[0])
    assert window.wait_s() == 0
    window._sent.append(now[0])
    now[0] += 10
    window._sent.append(now[0])
    assert window.wait_s() == 20.0  # the first send leaves the window 30 s after it went out
    now[0] += 20
    assert window.wait_s() == 0


async def test_acquire_waits_for_room_and_records_each_send() -> None:
    now = [100.0]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:  # a fake clock: sleeping moves it on
        slept.append(seconds)
        now[0] += seconds

    window = RateWindow(2, 30.0, clock=lambda: now[0], sleep=sleep)
    assert await window.acquire() == 0.0
    now[0] += 5
    assert await window.acquire() == 0.0
    assert slept == []
    assert await window.acquire() == 25.0  # the first send leaves the 30 s window at 130
    assert slept == [25.0] and now[0] == 130.0
    # concurrent senders queue: each takes the next free slot, none exceeds the limit
    waits = await asyncio.gather(window.acquire(), window.acquire())
    assert waits == [5.0, 25.0]
    assert now[0] == 160.0
