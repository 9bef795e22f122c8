"""The bundled sample stream: valid, varied, and covering every situation the bot must face."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from engines.events import (
    INPUT_TYPES,
    ChatMessage,
    Cheer,
    GiftSubs,
    ModeratorInput,
    Raid,
    Redemption,
    ResubMessage,
    Role,
    StreamerUtterance,
    StreamState,
    Subscription,
)
from streamer.sources.replay import SAMPLE_STREAM, ReplayLine, load_replay

ROOT = Path(__file__).resolve().parents[4]
GENERATOR = ROOT / "tools" / "make_sample_stream.py"


@pytest.fixture(scope="module")
def sample() -> list[ReplayLine]:
    lines, problems = load_replay(SAMPLE_STREAM, channel="demo", run_id="sample")
    assert problems == []
    return lines


@pytest.fixture(scope="module")
def chats(sample: list[ReplayLine]) -> list[ChatMessage]:
    return [x.event for x in sample if isinstance(x.event, ChatMessage)]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sample_stream", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_sample_is_bundled_next_to_the_source() -> None:
    assert SAMPLE_STREAM.name == "sample_stream.jsonl"
    assert SAMPLE_STREAM.is_file()


def test_generator_reproduces_the_committed_file() -> None:
    assert _generator().render() == SAMPLE_STREAM.read_text(encoding="utf-8")


def test_raw_lines_follow_the_file_format() -> None:
    for lineno, raw in enumerate(SAMPLE_STREAM.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw or raw.startswith("#"):
            continue
        obj = json.loads(raw)
        assert set(obj) == {"at", "event"}, lineno
        assert not {"id", "channel", "ts", "v"} & set(obj["event"]), lineno


def test_size_duration_and_order(sample: list[ReplayLine]) -> None:
    assert len(sample) >= 300
    ats = [x.at for x in sample]
    assert ats == sorted(ats)
    assert ats[0] == 0.0
    assert 8 * 60 <= ats[-1] <= 12 * 60


def test_every_input_event_type_is_present(sample: list[ReplayLine]) -> None:
    counts = Counter(x.event.type for x in sample)
    # streamer.utterance_end only follows a preemptive utterance, live from the microphone
    assert set(counts) == set(INPUT_TYPES) - {"streamer.utterance_end"}
    assert counts["chat.message"] >= 250


def test_starts_online_with_title_and_category(sample: list[ReplayLine]) -> None:
    first = sample[0].event
    assert isinstance(first, StreamState)
    assert first.online is True and first.title and first.category
    states = [x.event for x in sample if isinstance(x.event, StreamState)]
    assert any(s.online is None and s.category and s.category != first.category for s in states)


def test_many_distinct_chatters_with_consistent_identities(chats: list[ChatMessage]) -> None:
    by_login: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in chats:
        by_login[m.user.login].add((m.user.id, m.user.display_name))
    assert len(by_login) >= 40
    assert all(len(ids) == 1 for ids in by_login.values())
    assert len({next(iter(ids))[0] for ids in by_login.values()}) == len(by_login)
    assert all(len(m.text) <= 500 for m in chats)


def test_fragments_match_text_and_emote_walls_exist(chats: list[ChatMessage]) -> None:
    for m in chats:
        if m.fragments:
            assert "".join(f.text for f in m.fragments) == m.text
            assert all(f.emote_id for f in m.fragments if f.kind == "emote")

    def wall_of(name: str) -> list[ChatMessage]:
        return [
            m
            for m in chats
            if sum(1 for f in m.fragments if f.kind == "emote" and f.text == name) >= 2
            and all(f.kind == "emote" or not f.text.strip() for f in m.fragments)
        ]

    assert len(wall_of("PogChamp")) >= 2
    assert len(wall_of("KEKW")) >= 1
    assert any(f.kind == "mention" and f.text.lower() == "@hiyori" for m in chats for f in m.fragments)


def test_questions_to_hiyori(chats: list[ChatMessage]) -> None:
    questions = [m for m in chats if "hiyori" in m.text.lower() and "?" in m.text]
    assert len(questions) >= 10
    assert len({m.user.login for m in questions}) >= 8


def test_copy_paste_pasta_from_several_users(chats: list[ChatMessage]) -> None:
    senders: dict[str, set[str]] = defaultdict(set)
    for m in chats:
        if len(m.text) >= 150:
            senders[m.text].add(m.user.login)
    assert max(len(users) for users in senders.values()) >= 3


def test_raid_followed_by_a_flood_of_hype(sample: list[ReplayLine]) -> None:
    raids = [(i, x) for i, x in enumerate(sample) if isinstance(x.event, Raid)]
    assert len(raids) == 1
    i, raid = raids[0]
    assert isinstance(raid.event, Raid) and raid.event.viewers > 0
    flood = [x for x in sample[i + 1 :] if x.at <= raid.at + 10 and isinstance(x.event, ChatMessage)]
    assert len(flood) >= 30
    assert len({x.event.user.login for x in flood if isinstance(x.event, ChatMessage)}) >= 20


def test_subs_resubs_gifts_and_cheers(sample: list[ReplayLine], chats: list[ChatMessage]) -> None:
    events = [x.event for x in sample]
    subs = [e for e in events if isinstance(e, Subscription)]
    assert any(not s.is_gift for s in subs) and any(s.is_gift for s in subs)
    resubs = [e for e in events if isinstance(e, ResubMessage)]
    assert any(r.text and r.cumulative_months > 1 for r in resubs)
    gifts = [e for e in events if isinstance(e, GiftSubs)]
    assert any(g.user is None for g in gifts), "an anonymous gift"
    assert any(g.user is not None for g in gifts)
    assert sum(g.total for g in gifts) == sum(1 for s in subs if s.is_gift)
    cheers = [e for e in events if isinstance(e, Cheer)]
    assert any(c.text for c in cheers)
    cheered_chat = [m for m in chats if m.bits > 0]
    assert cheered_chat
    for m in cheered_chat:
        cheermotes = [f.text for f in m.fragments if f.kind == "cheermote"]
        assert sum(int(re.sub(r"\D", "", t)) for t in cheermotes) == m.bits
        assert any(c.user and c.user.login == m.user.login and c.bits == m.bits for c in cheers)


def test_redemptions_with_user_input(sample: list[ReplayLine]) -> None:
    reds = [x.event for x in sample if isinstance(x.event, Redemption)]
    ask = [r for r in reds if r.reward_title == "Ask Hiyori anything"]
    assert len(ask) >= 2 and all(r.user_input for r in ask)
    assert any(not r.user_input for r in reds)


def test_hostile_and_baiting_messages(chats: list[ChatMessage], sample: list[ReplayLine]) -> None:
    texts = [m.text.lower() for m in chats]
    assert any("ignore previous instructions" in t for t in texts)
    assert any("where" in t or "what city" in t for t in texts if "sora" in t and "live" in t), "doxxing bait"
    assert sum(1 for t in texts if "http" in t or "www." in t) >= 2, "spam links"
    assert any("cringe" in t or "trash" in t or "shut up" in t for t in texts), "insults"
    reds = [x.event for x in sample if isinstance(x.event, Redemption)]
    assert any("real full name" in r.user_input for r in reds), "doxxing bait through a redemption"


def test_gaming_slang_that_naive_filters_trip_on(chats: list[ChatMessage]) -> None:
    texts = " | ".join(m.text.lower() for m in chats)
    for phrase in ("that boss killed me", "i'm dying lol", "shoot the cannon", "kill"):
        assert phrase in texts


def test_non_english_lines(chats: list[ChatMessage]) -> None:
    def count(pattern: str) -> int:
        return sum(1 for m in chats if re.search(pattern, m.text))

    assert count(r"[\u3040-\u30ff]") >= 3, "Japanese"
    assert count(r"[\uac00-\ud7af]") >= 3, "Korean"
    assert count(r"¿|jajaja|buenas noches") >= 3, "Spanish"
    assert count(r"\b(zusammen|Lieblingsspiel|Nacht|glaubst)\b") >= 3, "German"
    assert count(r"você|boa noite|kkkk|primeira") >= 3, "Portuguese"


def test_first_time_chatters_and_reply_threads(chats: list[ChatMessage]) -> None:
    firsts = [m for m in chats if m.first_message]
    assert len(firsts) >= 10
    assert len({m.user.login for m in firsts}) == len(firsts), "first_message only once per chatter"
    seen: set[str] = set()
    for m in chats:
        if m.first_message:
            assert m.user.login not in seen
        seen.add(m.user.login)
    by_id = {m.id: m for m in chats}
    replies = [m for m in chats if m.reply_to is not None]
    assert len(replies) >= 3
    for m in replies:
        assert m.reply_to is not None
        parent = by_id[m.reply_to.message_id]
        assert parent.user == m.reply_to.user and parent.text == m.reply_to.text
        assert chats.index(parent) < chats.index(m)


def test_roles_and_badges(chats: list[ChatMessage]) -> None:
    for role in (Role.BROADCASTER, Role.MODERATOR, Role.VIP, Role.SUBSCRIBER, Role.FOUNDER):
        holders = [m for m in chats if role in m.roles]
        assert holders, role
        assert all(any(b.set_id == role.value for b in m.badges) for m in holders)


def test_streamer_talks_to_hiyori_and_moderators_step_in(sample: list[ReplayLine]) -> None:
    utterances = [x.event for x in sample if isinstance(x.event, StreamerUtterance)]
    assert len(utterances) >= 5
    assert sum(1 for u in utterances if "hiyori" in u.text.lower()) >= 5
    mods = [x.event for x in sample if isinstance(x.event, ModeratorInput)]
    assert len(mods) >= 2 and all(m.author and m.text for m in mods)


def test_timing_is_bursty(sample: list[ReplayLine]) -> None:
    per_10s = Counter(int(x.at // 10) for x in sample)
    windows = [per_10s.get(i, 0) for i in range(int(sample[-1].at // 10) + 1)]
    assert max(windows) >= 4 * statistics.median(windows)
    gaps = [b.at - a.at for a, b in itertools.pairwise(sample)]
    assert statistics.pstdev(gaps) > statistics.mean(gaps), (
        "inter-arrival gaps vary more than a steady stream"
    )
