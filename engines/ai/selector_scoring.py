"""Chat text features and scoring for the selector.

Everything here is a pure function of one message (plus a few per-user numbers the
selector passes in), cheap enough to run on every message of a 1,000 msg/s flood.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

from engines.events import ChatMessage, Role


class ScoreWeights(BaseModel):
    """Weights of the chat scoring components (additive unless named ``*_factor``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base: float = Field(default=1.0, gt=0)
    mention: float = 3.0
    """The message names the bot (name, alias, @login) or replies to it."""
    question: float = 1.5
    first_time: float = 1.0
    subscriber: float = 0.5
    vip: float = 0.75
    moderator: float = 0.5
    broadcaster: float = 2.0
    bits_per_100: float = 0.5
    bits_cap: float = 3.0
    novelty: float = 0.5
    """Scaled by how little the message overlaps the topics answered most recently."""
    short: float = -0.5
    """One-word messages ("lol", "W")."""
    reply_to_other: float = -0.5
    """Replies in a thread with another viewer who is not the bot."""
    same_question: float = 0.5
    """Per extra viewer who posted the same question."""
    batch_member: float = 0.25
    """Per extra member of a batched turn (greetings, similar questions)."""
    emote_only_factor: float = Field(default=0.1, ge=0, le=1)
    """Multiplies the score of emote-only messages."""
    chatty: float = Field(default=0.25, ge=0)
    """Score is divided by ``1 + chatty * n``, n the user's recent message count."""
    raid_greeting_factor: float = Field(default=2.0, ge=0)
    """Multiplies a greetings batch shortly after a raid."""


# ---------------------------------------------------------------- text features


def words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


_PUNCT: Final = re.compile(r"[!-/:-@\[-^`{-~\u2000-\u206f\u3000-\u303f]+")
"""ASCII punctuation except ``_`` (it belongs to logins), general and CJK punctuation."""
_REPEATS: Final = re.compile(r"(.)\1\1+")
_QUESTION_MARKS: Final = re.compile("[?¿؟⁇⁈]")
"""Checked after NFKC, which maps the full-width ？ to ?."""
QUESTION_WORDS: Final = words(
    "what why how who whom whose when where which is are am was were do does did can could would will "
    "should shall have has may might wanna wat wut "
    "qué que por cómo como cuál quién dónde cuándo pourquoi comment quoi qui où quand "
    "was warum wie wer wo wann welche"
)
STOPWORDS: Final = words(
    "a an the is are am was were be been do does did to of in on at for and or but it its it's this that "
    "these those i you your you're u ur me my we our they them he she his her what why how who when "
    "where which can could would will should have has had so just pls please plz hey hi hello yo"
)
GREETING_WORDS: Final = words(
    "hi hii hiii hey heya hiya hai hello helo hallo hola yo sup wassup howdy greetings bonjour ciao "
    "salut moin konnichiwa konichiwa ohayo hewwo henlo gm morning evening afternoon welcome o raid "
    "raiders raiding 👋 heyguys vohiyo gn goodnight night bye byee cya nacht"
)
_GREETING_FILLER: Final = words(
    "everyone everybody all chat guys yall y'all there friends folks and good from here we are 🎉 💜 ❤ ❤️"
)
COMMON_EMOTES: Final = words(
    "kappa pogchamp pog pogu poggers lul lulw kekw omegalul monkas sadge catjam 4head biblethump kreygasm "
    "residentsleeper trihard heyguys vohiyo coolcat notlikethis seemsgood ez pepelaugh peped clap gigachad "
    "copium xdd icant aware stare pepehands feelsbadman feelsgoodman kappapride wutface jebaited "
    "peepoclap pogslide ratjam bedge okayge widepeepohappy"
)
_CAMEL_EMOTE: Final = re.compile(r"^[a-z0-9]{2,12}[A-Z][A-Za-z0-9]*$")
"""Channel emotes look like ``hiyoriLove``: a lowercase prefix, then a capital."""


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """What the selector needs to know about one chat text."""

    norm: str
    """Casefolded, NFKC, punctuation-free, repeats collapsed: the copy-paste key."""
    tokens: tuple[str, ...]
    content: frozenset[str]
    """Tokens without stopwords and the bot's names: for topic similarity."""
    mention: bool
    question: bool
    emote_only: bool
    greeting: bool
    keys: tuple[str, ...]
    """Copy-paste keys under which near-identical texts meet: exact, same word set, same long prefix."""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().replace("<3", " ❤ ")


def _tokens(folded: str) -> tuple[str, ...]:
    raw = _REPEATS.sub(r"\1", _PUNCT.sub(" ", folded)).split()
    if len(set(raw)) == len(raw):
        return tuple(raw)
    tokens: list[str] = []
    for tok in raw:
        if not tokens or tokens[-1] != tok:
            tokens.append(tok)
    return tuple(tokens)


def normalise(text: str) -> tuple[str, tuple[str, ...]]:
    """The copy-paste key of a text and its tokens (runs of one repeated word collapsed)."""
    tokens = _tokens(_fold(text))
    return " ".join(tokens), tokens


def name_tokens(names: Iterable[str]) -> frozenset[str]:
    """The tokens of the bot's names, as :func:`normalise` splits chat text."""
    return frozenset(t for name in names for t in normalise(name)[1])


def name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for the bot's names: whole words (``@`` optional); names in scripts without spaces
    (ひより, 히요리) match anywhere."""
    alts: set[str] = set()
    for name in names:
        folded = _fold(name).strip()
        if folded:
            bounded = folded.isascii()
            alts.add(rf"(?<!\w)@?{re.escape(folded)}(?!\w)" if bounded else re.escape(folded))
    if not alts:
        return None
    return re.compile("|".join(sorted(alts, key=len, reverse=True)))


_ALNUM: Final = re.compile(r"[^\W_]")
_EMOTE_TOKENS: dict[str, bool] = {}
"""Memo of :func:`_is_emote_token` (chat repeats its words a lot); cleared when it grows large."""


def _is_emote_token(raw: str) -> bool:
    """Emoji and symbol runs, well-known emotes, and channel emotes like ``hiyoriLove``."""
    known = _EMOTE_TOKENS.get(raw)
    if known is None:
        known = (
            _ALNUM.search(raw) is None
            or raw.casefold() in COMMON_EMOTES
            or _CAMEL_EMOTE.match(raw) is not None
        )
        if len(_EMOTE_TOKENS) >= 50_000:
            _EMOTE_TOKENS.clear()
        _EMOTE_TOKENS[raw] = known
    return known


def is_question(text: str, tokens: tuple[str, ...]) -> bool:
    """A question mark in any common script, or a leading question word."""
    if _QUESTION_MARKS.search(text):
        return True
    if text.rstrip().endswith(("か", "吗", "嗎", "니")):
        return True
    return len(tokens) >= 3 and tokens[0] in QUESTION_WORDS


def analyse(msg: ChatMessage, names: re.Pattern[str] | None, name_tokens: frozenset[str]) -> TextFeatures:
    """Compute the features of a chat message."""
    folded = _fold(msg.text)
    tokens = _tokens(folded)
    mention = names is not None and names.search(folded) is not None
    if msg.fragments:
        emotes = {f.text.casefold() for f in msg.fragments if f.kind == "emote"}
        emote_only = bool(emotes) and all(f.kind == "emote" or not f.text.strip() for f in msg.fragments)
        if not mention:
            mention = any(
                f.kind == "mention" and f.text.lstrip("@").casefold() in name_tokens for f in msg.fragments
            )
    else:
        raw = [(t, _is_emote_token(t)) for t in msg.text.split()]
        emotes = {t.casefold() for t, is_emote in raw if is_emote}
        emote_only = bool(raw) and all(is_emote for _, is_emote in raw)
    question = not emote_only and is_question(folded, tokens)
    words = [t for t in tokens if t not in emotes and t not in COMMON_EMOTES]
    greeting = False
    if not question and (not GREETING_WORDS.isdisjoint(tokens) or any(e.endswith("raid") for e in emotes)):
        others = [
            t for t in words if t not in GREETING_WORDS and t not in _GREETING_FILLER and t not in name_tokens
        ]
        greeting = len(others) <= 1 and len(others) < max(len(words), 1)
    content = frozenset(t for t in words if t not in STOPWORDS and t not in name_tokens)
    norm = " ".join(tokens)
    keys = [norm]
    distinct = sorted(set(tokens))
    if len(distinct) >= 2:
        keys.append("w:" + " ".join(distinct))
    if len(norm) >= 60:
        keys.append("p:" + norm[:40])
    return TextFeatures(norm, tokens, content, mention, question, emote_only, greeting, tuple(keys))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def score_chat(
    msg: ChatMessage,
    feats: TextFeatures,
    w: ScoreWeights,
    *,
    mentions_bot: bool,
    novelty: float,
    recent_posts: float,
) -> float:
    """The undecayed score of a chat message; always > 0."""
    score = w.base
    if mentions_bot:
        score += w.mention
    if feats.question:
        score += w.question
    if msg.first_message:
        score += w.first_time
    roles = msg.roles
    if roles:
        if Role.SUBSCRIBER in roles or Role.FOUNDER in roles:
            score += w.subscriber
        if Role.VIP in roles:
            score += w.vip
        if Role.MODERATOR in roles:
            score += w.moderator
        if Role.BROADCASTER in roles:
            score += w.broadcaster
    if msg.bits:
        score += min(w.bits_cap, w.bits_per_100 * msg.bits / 100.0)
    score += w.novelty * novelty
    if len(feats.tokens) <= 1:
        score += w.short
    if msg.reply_to is not None and not mentions_bot:
        score += w.reply_to_other
    if feats.emote_only:
        score *= w.emote_only_factor
    score /= 1.0 + w.chatty * recent_posts
    return max(score, 1e-6)


def log2_score(score: float) -> float:
    return math.log2(max(score, 1e-6))
