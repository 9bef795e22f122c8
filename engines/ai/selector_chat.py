"""The chat side of the selector: scoring, copy-paste, greetings, fairness and the chat pick."""

from __future__ import annotations

import math
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from engines.ai.selector_pool import Candidate, ChatPool, Decision, DupEntry, DupIndex, Ledger, Pick
from engines.ai.selector_scoring import (
    TextFeatures,
    analyse,
    jaccard,
    log2_score,
    name_pattern,
    name_tokens,
    score_chat,
)
from engines.events import ChatMessage, EventBase

if TYPE_CHECKING:
    from engines.ai.selector import SelectorConfig

Ranked = list[tuple[float, Candidate]]


class ChatDesk:
    """Chat candidates: admitted cheaply on offer, ranked and batched on pick."""

    def __init__(self, cfg: SelectorConfig, ledger: Ledger, check: Callable[[str], str | None]) -> None:
        self.cfg = cfg
        self._ledger = ledger
        self._check = check
        names = (cfg.bot_name, *cfg.aliases, *cfg.bot_logins)
        self._names = name_pattern(names)
        self._name_tokens = name_tokens(names)
        self._feature_memo: dict[Hashable, TextFeatures] = {}
        self.pool = ChatPool(cfg.pool_limit)
        self._dups = DupIndex(cfg.duplicate_window_s)
        self.greetings: OrderedDict[str, Candidate] = OrderedDict()
        self._posts: dict[str, tuple[float, float]] = {}
        self._answered: dict[str, float] = {}
        self._topics: deque[frozenset[str]] = deque(maxlen=5)
        self.cheers: dict[tuple[str, int], float] = {}
        """(login, bits) of recent channel.cheer events: the same cheer as a chat message is dropped."""
        self.t0 = 0.0
        self.last_pick = self.last_raid = self._last_greeting_turn = -math.inf

    @property
    def pending(self) -> int:
        return sum(1 + len(c.echoes) for c in self.pool.by_id.values()) + len(self.greetings)

    # ------------------------------------------------------------ offer

    def offer(self, msg: ChatMessage, login: str, arrival: float, now: float) -> Decision | None:
        """Score and admit a chat message that passed the selector's checks on sight.

        Copies are sorted out before scoring, so a flood of them costs little (their drop
        decisions carry no score).
        """
        cfg = self.cfg
        if msg.bits and self.cheers.get((login, msg.bits), -math.inf) >= now - cfg.duplicate_window_s:
            return self._ledger.decide(msg.id, "drop", "cheer-duplicate")
        feats = self._features(msg)
        posts = self._bump_posts(login, now)
        if feats.greeting:
            return self._offer_greeting(self._candidate(msg, login, arrival, feats, posts))
        keys = feats.keys
        self._dups.expire(now)
        entry = self._dups.find(keys)
        if entry is None:
            cand = self._candidate(msg, login, arrival, feats, posts)
            self._dups.touch(DupEntry(cand, set(), now), keys, login, now)
            return self._admit(cand)
        repeat = login in entry.users
        self._dups.touch(entry, keys, login, now)
        first = entry.cand
        if repeat or (first is not None and first.state == "picked"):
            return self._ledger.decide(msg.id, "drop", "duplicate")
        if first is None or first.state == "dropped":
            if len(entry.users) >= cfg.spam_users:
                return self._ledger.decide(msg.id, "drop", "copy-paste")
            cand = entry.cand = self._candidate(msg, login, arrival, feats, posts)
            return self._admit(cand)  # the original left unanswered: this copy takes its place
        asks = first.feats.question and len(first.feats.norm) < cfg.copypasta_chars
        if asks and len(first.echoes) < cfg.max_batch - 1:
            refused = self._check(msg.text)
            if refused:
                return self._ledger.decide(msg.id, "drop", refused)
            first.echoes.append(msg)  # another viewer asks the same: answered together
            first.score += cfg.weights.same_question
            self.pool.rekey(first, self._key(first.score, first.arrival))
            return None
        if not asks and len(entry.users) >= cfg.spam_users:
            self.pool.remove(first)
            self._drop(first, "copy-paste", now)
        return self._ledger.decide(msg.id, "drop", "copy-paste")

    def _candidate(
        self, msg: ChatMessage, login: str, arrival: float, feats: TextFeatures, posts: float
    ) -> Candidate:
        cfg = self.cfg
        mention = feats.mention or (
            msg.reply_to is not None and msg.reply_to.user.login.lower() in cfg.bot_logins
        )
        novelty = 1.0 - max((jaccard(feats.content, t) for t in self._topics), default=0.0)
        score = score_chat(msg, feats, cfg.weights, mentions_bot=mention, novelty=novelty, recent_posts=posts)
        cand = Candidate(msg, login, arrival, score, feats, mention)
        cand.key = self._key(score, arrival)
        return cand

    def _admit(self, cand: Candidate) -> Decision | None:
        if not self.pool.would_admit(cand.key):
            return self._drop(cand, "pool-full", cand.arrival)
        refused = self._check(cand.event.text)
        if refused:
            return self._drop(cand, refused, cand.arrival)
        loser = self.pool.admit(cand)
        if loser is not None:
            self._drop(loser, "pool-full", cand.arrival)
        return None

    def _offer_greeting(self, cand: Candidate) -> Decision | None:
        if cand.login in self.greetings:
            return self._drop(cand, "duplicate", cand.arrival)
        weakest = None
        if len(self.greetings) >= self.cfg.max_batch:  # full: a better greeter replaces the weakest
            weakest = min(self.greetings.values(), key=lambda c: c.key)
            if cand.key <= weakest.key:
                return self._drop(cand, "batch-full", cand.arrival)
        refused = self._check(cand.event.text)
        if refused:
            return self._drop(cand, refused, cand.arrival)
        if weakest is not None:
            del self.greetings[weakest.login]
            self._drop(weakest, "batch-full", cand.arrival)
        self.greetings[cand.login] = cand
        return None

    # ------------------------------------------------------------ pick

    def pick(self, now: float) -> Pick | None:
        """The best chat turn now, honouring the gaps, cooldowns and ``min_score``."""
        cfg = self.cfg
        since = now - self.last_pick
        if since < cfg.min_gap_s:
            return None
        everyone = cfg.reply_frequency > 0 and since >= cfg.min_gap_s / cfg.reply_frequency
        ready: Ranked = []
        cooling: Ranked = []
        for cand in self.pool:
            if now - cand.arrival > cfg.max_age_s:
                self.pool.remove(cand)
                self._drop(cand, "stale", now)
                continue
            score = self._decayed(cand, now)
            if score >= cfg.min_score and (everyone or cand.mention):
                (cooling if self._cooling(cand.login, now) else ready).append((score, cand))
        ready.sort(key=_first, reverse=True)
        greet_score, greeters = self._greeting_batch(now, everyone)
        if greeters and (not ready or greet_score >= ready[0][0]):
            chosen: Ranked = [(greet_score, c) for c in greeters]
            self._last_greeting_turn = now
            reason = "raid-greetings" if now - self.last_raid <= cfg.raid_window_s else "greetings"
        else:
            if not ready:  # only viewers who were just answered are waiting: let them in
                ready = sorted(cooling, key=_first, reverse=True)
            if not ready:
                return None
            chosen = self._batch(ready)
            reason = _why(chosen)
        events: list[EventBase] = []
        for _, cand in chosen:
            events.extend(self._take(cand, now))
        self.last_pick = now
        self._topics.append(chosen[0][1].feats.content)
        score = chosen[0][0] + cfg.weights.batch_member * (len(events) - 1)
        return Pick("batch" if len(events) > 1 else "chat", tuple(events), reason, score)

    def take_greeters(self, now: float) -> list[ChatMessage]:
        """The best ``max_batch - 1`` waiting greetings, for a raid welcome (the rest wait their turn)."""
        self.last_raid = self._last_greeting_turn = now
        greeters = sorted(self.greetings.values(), key=lambda c: c.key, reverse=True)
        return [ev for cand in greeters[: self.cfg.max_batch - 1] for ev in self._take(cand, now)]

    def _take(self, cand: Candidate, now: float) -> tuple[ChatMessage, ...]:
        self.pool.remove(cand)
        self.greetings.pop(cand.login, None)
        cand.state = "picked"
        for ev in cand.events:
            self._answered[ev.user.login.lower()] = now
        return cand.events

    def _batch(self, ranked: Ranked) -> Ranked:
        """The best candidate plus, when it is a question, others asking much the same."""
        best = ranked[0][1]
        out = ranked[:1]
        count = len(best.events)
        if best.feats.question and best.feats.content:
            for item in ranked[1:]:
                other = item[1]
                if (
                    other.feats.question
                    and count + len(other.events) <= self.cfg.max_batch
                    and jaccard(best.feats.content, other.feats.content) >= self.cfg.batch_similarity
                ):
                    out.append(item)
                    count += len(other.events)
        return out

    def _greeting_batch(self, now: float, everyone: bool) -> tuple[float, list[Candidate]]:
        """The greetings turn (score, members): greeters not just answered, boosted after a raid."""
        if now - self._last_greeting_turn < self.cfg.greeting_gap_s:
            return 0.0, []
        members = [
            c for c in self.greetings.values() if (everyone or c.mention) and not self._cooling(c.login, now)
        ]
        if not members:
            return 0.0, []
        w = self.cfg.weights
        score = max(self._decayed(c, now) for c in members) + w.batch_member * (len(members) - 1)
        if now - self.last_raid <= self.cfg.raid_window_s:
            score *= w.raid_greeting_factor
        return (score, members) if score >= self.cfg.min_score else (0.0, [])

    # ------------------------------------------------------------ upkeep

    def expire(self, now: float, sweep: bool) -> None:
        """Drop stale greetings; on ``sweep``, forget per-viewer numbers that no longer matter."""
        cfg = self.cfg
        for login in [lg for lg, c in self.greetings.items() if now - c.arrival > cfg.max_age_s]:
            self._drop(self.greetings.pop(login), "stale", now)
        if sweep:
            hl = cfg.chatty_half_life_s
            self._posts = {
                k: v for k, v in self._posts.items() if v[0] * math.exp2(-(now - v[1]) / hl) > 0.05
            }
            self._answered = {k: t for k, t in self._answered.items() if now - t < cfg.user_cooldown_s}
            self.cheers = {k: t for k, t in self.cheers.items() if now - t < cfg.duplicate_window_s}
            self._dups.expire(now)

    def purge(self, hit: Callable[[EventBase], bool], reason: str, now: float) -> int:
        """Drop every waiting chat message that ``hit`` selects; returns how many."""
        dropped = 0
        for cand in [*self.pool, *self.greetings.values()]:
            innocent = [e for e in cand.echoes if not hit(e)]
            if hit(cand.event):
                self.pool.remove(cand)
                self.greetings.pop(cand.login, None)
                cand.echoes = [e for e in cand.echoes if e not in innocent]
                dropped += len(cand.events)
                self._drop(cand, reason, now)
                if innocent:  # others asked the same: the first of them inherits the place
                    heir = Candidate(
                        innocent[0],
                        innocent[0].user.login.lower(),
                        cand.arrival,
                        cand.score,
                        cand.feats,
                        cand.mention,
                    )
                    heir.echoes, heir.key = innocent[1:], cand.key
                    self.pool.admit(heir)
                continue
            gone = [e for e in cand.echoes if hit(e)]
            for echo in gone:
                cand.echoes.remove(echo)
                self._ledger.decide(echo.id, "drop", reason)
            dropped += len(gone)
        return dropped

    # ------------------------------------------------------------ helpers

    def _features(self, msg: ChatMessage) -> TextFeatures:
        """:func:`analyse`, memoised on the text and its fragments (floods repeat themselves)."""
        frags = msg.fragments
        key = (msg.text, tuple((f.kind, f.text) for f in frags)) if frags else msg.text
        feats = self._feature_memo.get(key)
        if feats is None:
            feats = analyse(msg, self._names, self._name_tokens)
            if len(self._feature_memo) >= 4_096:
                self._feature_memo.clear()
            self._feature_memo[key] = feats
        return feats

    def _drop(self, cand: Candidate, reason: str, now: float) -> Decision:
        cand.state = "dropped"
        score = self._decayed(cand, now)
        for echo in cand.echoes:
            self._ledger.decide(echo.id, "drop", reason, score)
        return self._ledger.decide(cand.event.id, "drop", reason, score)

    def _key(self, score: float, arrival: float) -> float:
        return log2_score(score) + (arrival - self.t0) / self.cfg.recency_half_life_s

    def _decayed(self, cand: Candidate, now: float) -> float:
        return cand.score * math.exp2(-(now - cand.arrival) / self.cfg.recency_half_life_s)

    def _cooling(self, login: str, now: float) -> bool:
        return now - self._answered.get(login, -math.inf) < self.cfg.user_cooldown_s

    def _bump_posts(self, login: str, now: float) -> float:
        """The viewer's decayed count of earlier messages; counts this one."""
        count, at = self._posts.get(login, (0.0, now))
        count *= math.exp2(-(now - at) / self.cfg.chatty_half_life_s)
        self._posts[login] = (count + 1.0, now)
        return count


def _first(item: tuple[float, Candidate]) -> float:
    return item[0]


def _why(chosen: Ranked) -> str:
    """A short reason for a chat pick: what made the top message win."""
    top = chosen[0][1]
    if len(chosen) > 1 or top.echoes:
        return "same-question"
    parts = [p for p, on in (("mention", top.mention), ("question", top.feats.question)) if on]
    if top.event.first_message:
        parts.append("first-time")
    return "+".join(parts) or "top-score"
