"""Emotion tags in LLM output, mapped onto a persona's emotion set.

The model is prompted to mark sentences with tags such as "[happy]", "[ surprised ]",
"(sad)" or stage directions such as "*laughs*". `EmotionMapper.tag` runs once per complete
sentence (after `engines.ai.sentences`): it removes tags and stage directions from the
speakable text and picks the sentence's emotion. The first tag that names an emotion of the
set (directly, through a built-in synonym, or through a persona alias) wins; otherwise a
small keyword/emoji/punctuation heuristic decides, then the previous sentence's explicit
emotion carries over, then the default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = ["EmotionMapper", "TaggedSentence"]


@dataclass(frozen=True)
class TaggedSentence:
    """A sentence ready to perform.

    text: what to say and caption; tags and stage directions removed, whitespace tidied;
        empty when nothing speakable (no letter or digit) remains.
    emotion: a name from the persona's emotion set.
    explicit: True when the model tagged this sentence itself.
    """

    text: str
    emotion: str
    explicit: bool


# Synonym groups: a tag naming any word of a group maps to the first word of the group that
# the persona's set contains (so "[joy]" becomes "happy", and "[happy]" becomes "joy" for a
# persona whose set says "joy"). A word that is itself in the set always maps to itself.
_GROUPS: Final[tuple[tuple[str, ...], ...]] = (
    ("happy", "joy", "joyful", "excited", "excitement", "glad", "laugh", "giggle", "chuckle",
     "cheerful", "delighted", "smile", "grin", "amused", "elated", "cheer", "yay", "hype",
     "love", "loving", "affectionate", "content", "pleased", "beam"),
    ("sad", "sadness", "sorrow", "upset", "cry", "sob", "unhappy", "depressed", "disappointed",
     "tearful", "melancholy", "hurt", "gloomy", "sniffle", "heartbroken", "lonely", "down"),
    ("angry", "anger", "mad", "annoyed", "furious", "rage", "irritated", "frustrated",
     "grumpy", "pout", "huff", "grr", "fume", "glare"),
    ("surprised", "surprise", "shocked", "shock", "wow", "astonished", "amazed", "gasp",
     "startled", "stunned", "whoa", "omg"),
    ("embarrassed", "embarrassment", "blush", "shy", "flustered", "awkward", "sheepish",
     "bashful"),
    ("smug", "proud", "confident", "smirk", "cocky", "teasing", "tease", "mischievous", "sly",
     "playful", "wink"),
    ("scared", "fear", "afraid", "frightened", "terrified", "nervous", "anxious", "worried",
     "panic"),
    ("thinking", "think", "thoughtful", "pondering", "ponder", "curious", "wonder", "hmm"),
    ("confused", "puzzled", "perplexed", "unsure"),
    ("disgusted", "disgust", "gross", "eww"),
    ("sleepy", "tired", "yawn", "bored"),
    ("neutral", "calm", "normal", "default", "idle", "serious", "none"),
)  # fmt: skip

# Verbs that open a stage direction: "*laughs*", "(sighs softly)", "*looking away*". Only
# the forms in _STAGE_BASE count bare; the rest need -s/-ing, so "*look* at this" stays speech.
_STAGE_WORDS: Final = frozenset(
    {
        "laugh", "giggle", "chuckle", "snicker", "sigh", "smile", "grin", "smirk", "wink",
        "nod", "shrug", "gasp", "blush", "pout", "cry", "sob", "sniffle", "sniff", "wave",
        "clap", "cough", "clear", "yawn", "hum", "whisper", "huff", "groan", "scream",
        "squeal", "lean", "look", "tilt", "stretch", "bow", "facepalm", "sip", "stare",
        "blink", "scratch", "hide", "cheer", "dance", "jump", "spin", "hug", "pat", "mutter",
        "mumble", "sing", "beam", "frown", "glare", "cover", "point", "wiggle", "gulp",
        "shiver", "tremble", "grumble", "pause", "sneeze", "snort", "cackle", "whimper",
    }
)  # fmt: skip
_STAGE_BASE: Final = frozenset(
    {
        "laugh", "giggle", "chuckle", "snicker", "sigh", "gasp", "blush", "pout", "sniffle",
        "yawn", "cough", "sneeze", "gulp", "smirk", "wink", "shrug", "facepalm", "huff", "nod",
        "grin", "cackle", "whimper", "snort",
    }
)  # fmt: skip

_TAGS: Final = re.compile(
    r"\[(?P<sq>[^\[\]\n]{0,48})\]"
    r"|\((?P<pa>[^()\n]{1,40})\)"
    r"|(?P<stars>\*{1,2})(?P<st>[^*\n]{1,60}?)(?P=stars)"
)
_KEY_PREFIX: Final = re.compile(r"^\s*(?:emotion|emote|expression|mood|face|feeling)\s*[:=]\s*", re.I)
_WORDS: Final = re.compile(r"[a-z]+", re.I)
_ALNUM: Final = re.compile(r"[^\W_]")
_SPACE_BEFORE_PUNCT: Final = re.compile(r"\s+([,.!?;:…。！？、，]+)(?=\s|$)")  # not ":(" or ":)"
_LEADING_PUNCT: Final = re.compile(r"^[\s,;:]+")

# Heuristic cues: (emotion, pattern, needs "!"); patterns are searched in the tidied text.
_CUES: Final[tuple[tuple[str, re.Pattern[str], bool], ...]] = (
    ("happy", re.compile(
        r"\b(?:a?ha(?:ha)+h?|he(?:he)+|lol+|lmao|rofl|ya+y+|yippee+|hooray|woo+ho+o*|love|glad"
        r"|thank(?:s| you))\b|:-?\)|:-?D(?![a-z])|\bxD\b|\^_?\^|<3"
        r"|[😂🤣😄😁😊😀😆😃🥰😍❤💖💕🎉✨🥳☺]", re.I), False),
    ("happy", re.compile(
        r"\b(?:great|awesome|amazing|nice|cool|fun|wonderful|fantastic|excited|best|perfect"
        r"|sweet|yes|welcome|congrats|congratulations)\b", re.I), True),
    ("surprised", re.compile(
        r"\b(?:wo+w+|who+a+|woah|omg|no way|oh my (?:god|gosh|goodness)|holy (?:cow|moly|crap)"
        r"|(?:can't|cannot|can not) believe|unbelievable)\b|\?!|!\?|‽|:-?[oO](?![a-z])"
        r"|[😮😲😱🤯😯🫢🙀]", re.I), False),
    ("sad", re.compile(
        r"\b(?:sorry|sad|sadly|unfortunately|cry|crying|tears|heartbroken|lonely"
        r"|miss (?:you|them|him|her|it))\b|(?<!>):'?-?\(|\bT_T\b|;_;|[😢😭😞😔🥺💔☹🙁😿]",
        re.I), False),
    ("angry", re.compile(
        r"\b(?:gr+r|ugh+|argh+|hmph|annoying|how dare|shut up|furious|angry)\b|>:-?\("
        r"|[😠😡🤬💢👿]", re.I), False),
    ("embarrassed", re.compile(
        r"\b(?:blush(?:ing|es)?|embarrass\w*|flustered|awkward)\b|>///?<|[😳🙈😅]", re.I),
        False),
    ("smug", re.compile(
        r"\b(?:heh|obviously|of course|as expected|told you so|naturally)\b|[😏😎]", re.I),
        False),
)  # fmt: skip


def _build_vocabulary() -> dict[str, tuple[str, ...]]:
    vocab: dict[str, tuple[str, ...]] = {}
    for group in _GROUPS:
        for word in group:
            if word in vocab:
                raise AssertionError(f"synonym {word!r} is in two groups")
            vocab[word] = group
    return vocab


_VOCABULARY: Final = _build_vocabulary()


def _stems(word: str) -> Iterable[str]:
    """The word and a few plausible stems: laughs/laughing/laughed -> laugh, sobbing -> sob."""
    w = word.lower()
    yield w
    if len(w) <= 3:
        return
    for suffix in ("ing", "ed", "es", "s", "ly", "d"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            base = w[: -len(suffix)]
            yield base
            if suffix in ("ing", "ed"):
                yield base + "e"  # smiling -> smile
                if len(base) > 2 and base[-1] == base[-2]:
                    yield base[:-1]  # sobbing -> sob
            if suffix == "ly" and base.endswith("i"):
                yield base[:-1] + "y"  # happily -> happy


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _LEADING_PUNCT.sub("", text).strip()


class EmotionMapper:
    """Maps tagged sentences onto a persona's emotion set."""

    def __init__(
        self,
        emotions: Sequence[str],
        *,
        default: str = "neutral",
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        names = tuple(dict.fromkeys(e.strip().lower() for e in emotions if e.strip()))
        if not names:
            raise ValueError("the emotion set is empty")
        default = default.strip().lower()
        if default not in names:
            raise ValueError(f"default emotion {default!r} is not in the set {list(names)}")
        self._emotions = names
        self._default = default
        lookup: dict[str, str] = {}
        for group in _GROUPS:
            target = next((w for w in group if w in names), None)
            if target is not None:
                for word in group:
                    lookup[word] = target
        for name in names:
            lookup[name] = name
        for alias, target in (aliases or {}).items():
            target_key = target.strip().lower()
            if target_key not in names:
                raise ValueError(f"alias {alias!r} points at {target!r}, which is not in the set")
            lookup[alias.strip().lower()] = target_key
        self._lookup = lookup

    @property
    def emotions(self) -> tuple[str, ...]:
        return self._emotions

    @property
    def default(self) -> str:
        return self._default

    def resolve(self, name: str) -> str | None:
        """The set's emotion for a tag word (exact, alias, synonym or stem), or None."""
        key = name.strip().lower()
        if key in self._lookup:
            return self._lookup[key]
        for stem in _stems(key):
            if stem in self._lookup:
                return self._lookup[stem]
        return None

    def tag(self, sentence: str, *, previous: str | TaggedSentence | None = None) -> TaggedSentence:
        """Strip tags from one sentence and decide its emotion.

        previous: the sentence before; its emotion carries over when this one has neither a
        tag nor a heuristic cue and it was explicit. A plain string is taken as an explicit
        emotion (pass it only when the previous sentence was tagged).
        """
        explicit: str | None = None
        parts: list[str] = []
        pos = 0
        for m in _TAGS.finditer(sentence):
            parts.append(sentence[pos : m.start()])
            pos = m.end()
            if m.group("sq") is not None:
                inner = m.group("sq")  # square brackets are never speech
            else:
                inner = m.group("pa") if m.group("pa") is not None else m.group("st")
                at_start = not any(_ALNUM.search(part) for part in parts)
                if not _is_direction(inner, at_start=at_start or m.group("pa") is not None):
                    # "(like this.)" is content; "*really*" is emphasis: say the words.
                    parts.append(m.group(0) if m.group("pa") is not None else inner)
                    continue
            if explicit is None:
                explicit = self._tag_emotion(inner)
        parts.append(sentence[pos:])
        text = _tidy(" ".join(parts))
        speakable = text if _ALNUM.search(text) else ""
        if explicit is not None:
            return TaggedSentence(speakable, explicit, True)
        emotion = self._guess(text) or self._carry(previous) or self._default
        return TaggedSentence(speakable, emotion, False)

    def _tag_emotion(self, inner: str) -> str | None:
        inner = _KEY_PREFIX.sub("", inner)
        whole = self._lookup.get(inner.strip().lower())
        if whole is not None:
            return whole  # a multi-word alias, or a name with a hyphen
        for word in _WORDS.findall(inner):
            found = self.resolve(word)
            if found is not None:
                return found
        return None

    def _guess(self, text: str) -> str | None:
        """Keyword, emoji and punctuation cues; only emotions the set can express."""
        if not text:
            return None
        exclaimed = "!" in text or "！" in text
        scores: dict[str, tuple[int, int]] = {}  # emotion -> (count, -first position)
        for emotion, pattern, needs_exclaim in _CUES:
            if needs_exclaim and not exclaimed:
                continue
            target = self._lookup.get(emotion)
            if target is None:
                continue
            hits = [m.start() for m in pattern.finditer(text)]
            if not hits:
                continue
            count, neg_first = scores.get(target, (0, -len(text)))
            scores[target] = (count + len(hits), max(neg_first, -hits[0]))
        if not scores:
            return None
        return max(scores, key=lambda e: scores[e])  # most cues; ties: the earliest cue

    def _carry(self, previous: str | TaggedSentence | None) -> str | None:
        if previous is None:
            return None
        if isinstance(previous, TaggedSentence):
            if not previous.explicit:
                return None
            previous = previous.emotion
        return self.resolve(previous)


def _is_direction(inner: str, *, at_start: bool) -> bool:
    """Whether "(...)" / "*...*" content is a stage direction or emotion rather than speech.

    A direction opens with a stage verb ("laughs", "sighing", "giggle"); a lone emotion word
    ("(sad)", "*excited*") counts only where a tag would stand (parentheses, or the start of
    the sentence), so "I'm *so* happy" keeps its emphasis.
    """
    words = _WORDS.findall(_KEY_PREFIX.sub("", inner))
    if not words or len(inner.split()) > 8:
        return False
    first = words[0].lower()
    if first in _STAGE_BASE:
        return True
    if first.endswith(("s", "ing")) and any(stem in _STAGE_WORDS for stem in _stems(first)):
        return True
    return at_start and len(words) == 1 and any(stem in _VOCABULARY for stem in _stems(first))
