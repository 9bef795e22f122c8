"""What is worth remembering about a viewer: rules for the common shapes of chat.

The bundled 135M model cannot extract facts as structured output, so these rules cover what
viewers say about themselves most often ("my name is", "call me", "I'm from", "my cat Mochi",
"I play", "first time here") and what a channel event says about them (subs, raids, gifts,
cheers). Every fact keeps the id of the event it came from. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from engines import events as ev

SINGLE: Final = frozenset({"name", "pronounce", "from", "asked"})
"""Kinds a viewer has one of: a newer fact replaces the older one."""

_END: Final = r"(?=\s*(?:[.,!?;:)]|$|\band\b|\bbut\b|\bso\b|\bwhich\b|\bbtw\b|\blol\b))"
_NAME: Final = r"([A-Z\u00c0-\u024f][\w'\u00c0-\u024f-]{0,23})"
_STOP: Final = frozenset(
    {
        "a",
        "an",
        "the",
        "is",
        "was",
        "has",
        "just",
        "not",
        "so",
        "very",
        "really",
        "here",
        "there",
        "back",
        "my",
    }
    | {"your", "our", "his", "her", "its", "this", "that", "sick", "ill", "tired", "sad", "happy", "okay"}
    | {"ok", "fine", "good", "bad", "home", "maybe"}
)
_PETS: Final = (
    "cat|dog|kitten|kitty|puppy|pup|hamster|rabbit|bunny|parrot|bird|snake|turtle|tortoise|fish|"
    "ferret|guinea pig|gecko|lizard|horse|rat|chinchilla|hedgehog"
)
_PLACE: Final = r"([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})"
_TITLE: Final = r"([A-Z0-9][\w:'&-]*(?:\s+(?:of|the|and|[A-Z0-9][\w:'&-]*)){0,5})"

# The lead-in is matched in any case ((?i:...)); a name, place or title must start upper-case.
_NAME_IS: Final = re.compile(rf"(?i:\bmy name(?:'s|\s+is))\s+{_NAME}")
_CALL_ME: Final = re.compile(rf"(?i:\bcall me)\s+{_NAME}")
_PRONOUNCED: Final = re.compile(
    r"\b(?:it's|its|it is|name is|name's) pronounced\s+([\w' -]{2,30}?)" + _END, re.I
)
_FROM: Final = re.compile(
    rf"(?i:\b(?:i'?m|i am|greetings|hello|hi|hey|watching|lurking) from\s+(?:the\s+)?){_PLACE}"
)
_LIVE_IN: Final = re.compile(rf"(?i:\bi live in\s+(?:the\s+)?){_PLACE}")
_PET: Final = re.compile(
    rf"(?i:\bmy ({_PETS})(?:'s name is|\s+is\s+(?:called|named)|\s+called|\s+named|,)?)\s+{_NAME}(\s+[^.!?]{{2,60}})?"
)
_PLAY: Final = re.compile(
    rf"(?i:\bi(?:'ve been| have been|'m| am)?\s+(?:also\s+|mostly\s+|mainly\s+|still\s+)?play(?:ing)?)\s+{_TITLE}"
)
_FAVOURITE: Final = re.compile(
    rf"\bmy fav(?:ou?rite)?\s+(game|food|anime|song|movie|colou?r|snack|drink|band|book|show)\s+is\s+([^.!?,]{{2,40}}?){_END}",
    re.I,
)
_FIRST_TIME: Final = re.compile(
    r"\bfirst time (?:here|watching|in (?:the |your )?(?:chat|stream)|catching)", re.I
)


@dataclass(frozen=True, slots=True)
class Fact:
    """One thing to remember about a viewer, in the third person ("has a cat named Mochi")."""

    kind: str
    text: str
    source_event_id: str


def is_forget_command(text: str, command: str) -> bool:
    """The viewer asks to be forgotten (``!forgetme``, the command alone or with words after)."""
    first = text.strip().split(maxsplit=1)
    return bool(first) and first[0].lower() == command.lower()


def extract_facts(event: ev.InputEvent) -> list[Fact]:
    """The facts an input event states about its viewer (none for most chat)."""
    match event:
        case ev.ChatMessage():
            return _chat_facts(
                event.text, event.id, day=event.ts.date().isoformat(), first=event.first_message
            )
        case ev.Subscription():
            what = "got a gifted sub" if event.is_gift else f"subscribed (tier {_tier(event.tier)})"
            return [Fact("history", f"{what} on {event.ts.date().isoformat()}", event.id)]
        case ev.ResubMessage():
            streak = f", a {event.streak_months}-month streak" if event.streak_months else ""
            said = _chat_facts(event.text, event.id, day=event.ts.date().isoformat()) if event.text else []
            text = (
                f"resubscribed for {event.cumulative_months} months{streak} on {event.ts.date().isoformat()}"
            )
            return [Fact("history", text, event.id), *said]
        case ev.GiftSubs():
            if event.user is None:
                return []
            return [Fact("history", f"gifted {event.total} subs on {event.ts.date().isoformat()}", event.id)]
        case ev.Cheer():
            said = _chat_facts(event.text, event.id, day=event.ts.date().isoformat()) if event.text else []
            return [
                Fact("history", f"cheered {event.bits} bits on {event.ts.date().isoformat()}", event.id),
                *said,
            ]
        case ev.Raid():
            text = f"raided the channel with {event.viewers} viewers on {event.ts.date().isoformat()}"
            return [Fact("history", text, event.id)]
        case ev.Follow():
            return [Fact("history", f"followed on {event.ts.date().isoformat()}", event.id)]
        case (
            ev.Redemption()
            | ev.StreamerUtterance()
            | ev.ModeratorInput()
            | ev.UtteranceEnd()
            | ev.StreamState()
        ):
            return []
        case _:
            from typing import assert_never

            assert_never(event)


def _tier(tier: str) -> str:
    return "Prime" if tier == "prime" else tier[0]


def _chat_facts(text: str, event_id: str, *, day: str, first: bool = False) -> list[Fact]:
    if text.lstrip().startswith("!"):
        return []
    found: list[Fact] = []

    def add(kind: str, fact: str) -> None:
        if all(f.text != fact for f in found):
            found.append(Fact(kind, fact, event_id))

    for pattern in (_NAME_IS, _CALL_ME):
        if (m := pattern.search(text)) and m.group(1).lower() not in _STOP:
            add("name", f"likes to be called {m.group(1)}")
            break
    if m := _PRONOUNCED.search(text):
        add("pronounce", f"says their name is pronounced {_tidy(m.group(1))}")
    for pattern in (_FROM, _LIVE_IN):
        if (m := pattern.search(text)) and m.group(1).split()[0].lower() not in _STOP:
            add("from", f"is from {_tidy(m.group(1))}")
            break
    for m in _PET.finditer(text):
        animal, name, rest = m.group(1).lower(), m.group(2), (m.group(3) or "").strip()
        if name.lower() in _STOP:
            continue
        detail = f" ({name} {_tidy(rest)})" if rest and not rest.lower().startswith(("and ", "but ")) else ""
        add("pet", f"has a {animal} named {name}{detail}")
    if (m := _PLAY.search(text)) and m.group(1).split()[0].lower() not in _STOP | {"I", "i"}:
        add("game", f"plays {_tidy(m.group(1))}")
    for m in _FAVOURITE.finditer(text):
        add("likes", f"their favourite {m.group(1).lower()} is {_tidy(m.group(2))}")
    if first or _FIRST_TIME.search(text):
        add("first_time", f"first came to the stream on {day}")
    if text.rstrip().endswith("?") and 8 <= len(text) <= 160 and not found:
        add("asked", f'last asked: "{" ".join(text.split())}"')
    return found


def _tidy(text: str) -> str:
    return " ".join(text.strip(" .,'-").split())


_DATE = r"\d{4}-\d{2}-\d{2}"
_OWN_WORDING: Final = re.compile(
    rf"(?:subscribed \(tier \d\)|got a gifted sub|resubscribed for \d+ months(?:, a \d+-month streak)?"
    rf"|gifted \d+ subs|cheered \d+ bits|raided the channel with \d+ viewers|followed"
    rf"|first came to the stream) on {_DATE}"
    rf"|was answered (?:once|\d+ times) on stream \(last on {_DATE}\)"
)
"""The texts this module and the writer write themselves, with only numbers and dates filled in."""


def is_own_wording(text: str) -> bool:
    """Whether a memory's text is one of the bot's own templates (no viewer's words in it):
    safety on retrieval checks it against the blocklists only, as the streamer's documents."""
    return _OWN_WORDING.fullmatch(text) is not None
