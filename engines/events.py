"""Typed events: the only thing that travels on the bus.

Every event is a frozen pydantic model with a dotted ``type`` discriminator, a schema
version ``v``, a stable ``id`` (the Twitch message id where Twitch gives one, so a
redelivered event is recognised), the ``channel`` it belongs to and a UTC timestamp.

Each kind is declared once, here. It says:

- its stream, by its base (:class:`InputBase`, :class:`ControlBase`, :class:`OutputBase`
  set the ``stream`` class variable), and its place in one of the unions
  :data:`InputEvent`, :data:`ControlEvent` and :data:`OutputEvent` (a test checks both agree);
- its :attr:`~EventBase.actor` (the viewer behind it) and its :attr:`~EventBase.viewer_text`
  (what its author wrote or said), so no consumer works these out again;
- whether it alerts on stream: membership of :data:`AlertEvent` (the wording lives in
  :mod:`engines.alert_text`).

:data:`EVENT_TYPES`, the ``*_TYPES`` sets, :func:`stream_of` and the decoder are derived
from these declarations. Renderers match over the unions with ``assert_never``, so mypy
names every place a new kind must be handled. :func:`encode` and :func:`decode` are the one
JSON codec; :func:`decode` raises :class:`EventDecodeError` with a short, loggable reason
for anything it cannot accept.

This file is over 400 lines on purpose: every event kind is declared in this one place.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Final, Literal, TypeAlias, get_args

import orjson
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

SCHEMA_VERSION: Final = 1
"""The newest event schema this code understands. Older versions are accepted."""

MAX_TEXT_CHARS: Final = 2_000
"""Chat text longer than this is refused (Twitch caps chat at 500 characters)."""

MAX_ENCODED_BYTES: Final = 64 * 1024
"""An encoded event larger than this is refused before parsing."""


def new_id() -> str:
    """A fresh, sortable-enough unique id for events that Twitch does not name."""
    return uuid.uuid4().hex


def utcnow() -> datetime:
    return datetime.now(UTC)


_CONTROL_CHARS: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_control_chars(value: str) -> str:
    """Refuse C0/C1 control characters (NUL cannot even be stored in PostgreSQL text)."""
    match = _CONTROL_CHARS.search(value)
    if match:
        raise ValueError(f"control character U+{ord(match.group()):04X} at position {match.start()}")
    return value


Clean = AfterValidator(_no_control_chars)
Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS), Clean]
Name = Annotated[str, Field(min_length=1, max_length=64), Clean]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=False)


Stream = Literal["input", "control", "output"]
"""The bus stream an event travels on."""


class EventBase(_Model):
    """Fields every event carries, and what every kind declares."""

    stream: ClassVar[Stream]
    """The bus stream this kind travels on (set by :class:`InputBase`, :class:`ControlBase`
    or :class:`OutputBase`)."""

    type: str
    v: int = Field(default=SCHEMA_VERSION, ge=1, le=SCHEMA_VERSION)
    id: Annotated[str, Field(min_length=1, max_length=128)] = Field(default_factory=new_id)
    channel: Name
    ts: datetime = Field(default_factory=utcnow)

    @property
    def actor(self) -> Viewer | None:
        """The viewer behind the event (the raiding channel for a raid); None when there is
        none or they are anonymous."""
        return None

    @property
    def viewer_text(self) -> str:
        """What the event's author wrote or said (a viewer, the streamer or a moderator);
        "" when nothing."""
        return ""


class InputBase(EventBase):
    """Something that happened on stream, for the bot to consider."""

    stream: ClassVar[Stream] = "input"


class ControlBase(EventBase):
    """A command to the bot, from a moderator, the streamer or the system."""

    stream: ClassVar[Stream] = "control"
    by: Name = "system"


class OutputBase(EventBase):
    """What the bot did, decided or measured."""

    stream: ClassVar[Stream] = "output"


# ---------------------------------------------------------------- parts of events


class Role(StrEnum):
    BROADCASTER = "broadcaster"
    MODERATOR = "moderator"
    VIP = "vip"
    SUBSCRIBER = "subscriber"
    FOUNDER = "founder"
    BOT = "bot"


class Viewer(_Model):
    """A Twitch user as events name them."""

    id: Annotated[str, Field(min_length=1, max_length=32)]
    login: Name
    display_name: Name


class Badge(_Model):
    set_id: Annotated[str, Field(max_length=64)]
    id: Annotated[str, Field(max_length=64)] = ""
    info: Annotated[str, Field(max_length=64)] = ""


class Fragment(_Model):
    """A piece of a chat message: plain text, an emote, a cheermote or a mention."""

    kind: Literal["text", "emote", "cheermote", "mention"] = "text"
    text: Text
    emote_id: str | None = None


class ReplyTo(_Model):
    """The chat message this one answers in a reply thread."""

    message_id: str
    user: Viewer
    text: Text = ""


# ---------------------------------------------------------------- input events


class ChatMessage(InputBase):
    type: Literal["chat.message"] = "chat.message"
    user: Viewer
    text: Text
    badges: tuple[Badge, ...] = ()
    roles: frozenset[Role] = frozenset()
    fragments: tuple[Fragment, ...] = ()
    bits: int = Field(default=0, ge=0)
    reply_to: ReplyTo | None = None
    first_message: bool = False
    color: str | None = None
    source_channel: Name | None = None
    """Shared chat: the login of the other channel it was typed in. Stored, never answered."""

    @property
    def actor(self) -> Viewer | None:
        return self.user

    @property
    def viewer_text(self) -> str:
        return self.text


class Follow(InputBase):
    type: Literal["channel.follow"] = "channel.follow"
    user: Viewer

    @property
    def actor(self) -> Viewer | None:
        return self.user


SubTier = Literal["1000", "2000", "3000", "prime"]


class Subscription(InputBase):
    type: Literal["channel.subscribe"] = "channel.subscribe"
    user: Viewer
    tier: SubTier = "1000"
    is_gift: bool = False

    @property
    def actor(self) -> Viewer | None:
        return self.user


class ResubMessage(InputBase):
    type: Literal["channel.resub"] = "channel.resub"
    user: Viewer
    tier: SubTier = "1000"
    text: Text = ""
    cumulative_months: int = Field(default=1, ge=1)
    streak_months: int | None = Field(default=None, ge=0)
    duration_months: int = Field(default=1, ge=1)

    @property
    def actor(self) -> Viewer | None:
        return self.user

    @property
    def viewer_text(self) -> str:
        return self.text


class GiftSubs(InputBase):
    type: Literal["channel.gift"] = "channel.gift"
    user: Viewer | None = None
    """None when the gifter is anonymous."""
    tier: SubTier = "1000"
    total: int = Field(ge=1)
    cumulative_total: int | None = Field(default=None, ge=0)

    @property
    def actor(self) -> Viewer | None:
        return self.user


class Cheer(InputBase):
    type: Literal["channel.cheer"] = "channel.cheer"
    user: Viewer | None = None
    """None when the cheer is anonymous."""
    bits: int = Field(ge=1)
    text: Text = ""

    @property
    def actor(self) -> Viewer | None:
        return self.user

    @property
    def viewer_text(self) -> str:
        return self.text


class Raid(InputBase):
    type: Literal["channel.raid"] = "channel.raid"
    from_user: Viewer
    viewers: int = Field(ge=0)

    @property
    def actor(self) -> Viewer | None:
        return self.from_user


class Redemption(InputBase):
    type: Literal["channel.redemption"] = "channel.redemption"
    user: Viewer
    reward_id: str
    reward_title: Annotated[str, Field(max_length=64)]
    cost: int = Field(default=0, ge=0)
    user_input: Text = ""

    @property
    def actor(self) -> Viewer | None:
        return self.user

    @property
    def viewer_text(self) -> str:
        return self.user_input


class StreamerUtterance(InputBase):
    type: Literal["streamer.utterance"] = "streamer.utterance"
    text: Text
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    started_at: datetime | None = None
    ended_at: datetime | None = None
    addressed: bool = True
    """False in talk mode "name" when the streamer did not say the character's name: the
    words are stored and shown, and the selector drops them (not-addressed)."""
    final: bool = True
    """False: a preemptive utterance, transcribed while the end-of-speech silence was still
    running, so the reply can be prepared before it ends. Its audio waits for the
    ``streamer.utterance_end`` that keeps it; one that withdraws it (the streamer went on
    talking) drops the reply, and the whole utterance comes again later."""

    @property
    def viewer_text(self) -> str:
        return self.text


class UtteranceEnd(InputBase):
    """The fate of a preemptive (``final=False``) :class:`StreamerUtterance`: ``kept`` when the
    streamer stayed quiet to the end of the silence, withdrawn when they went on talking."""

    type: Literal["streamer.utterance_end"] = "streamer.utterance_end"
    utterance_id: Annotated[str, Field(min_length=1, max_length=128)]
    kept: bool


class ModeratorInput(InputBase):
    """Something a moderator or the streamer typed into the dashboard for the bot to answer."""

    type: Literal["moderator.input"] = "moderator.input"
    author: Name
    text: Text

    @property
    def viewer_text(self) -> str:
        return self.text


class StreamState(InputBase):
    """Stream online/offline and title/category changes (stream.online, channel.update)."""

    type: Literal["stream.state"] = "stream.state"
    online: bool | None = None
    title: Annotated[str, Field(max_length=200)] | None = None
    category: Annotated[str, Field(max_length=200)] | None = None


# ---------------------------------------------------------------- control events


class Interrupt(ControlBase):
    type: Literal["control.interrupt"] = "control.interrupt"
    reason: str = ""


class Skip(ControlBase):
    """Skip the current turn, or drop one queued input by its event id."""

    type: Literal["control.skip"] = "control.skip"
    target_id: str | None = None


class Mute(ControlBase):
    type: Literal["control.mute"] = "control.mute"
    muted: bool = True


class KillSwitch(ControlBase):
    """Engaged: the bot stays silent until released."""

    type: Literal["control.kill"] = "control.kill"
    engaged: bool = True
    reason: str = ""


class PersonaSwitch(ControlBase):
    type: Literal["control.persona"] = "control.persona"
    persona: Name
    version: int | None = Field(default=None, ge=1)


class ModelSwitch(ControlBase):
    """Point the persona at a trained model version (None: back to the base model). The bot
    loads it and answers with :class:`ModelApplied`, as it does a persona switch."""

    type: Literal["control.model"] = "control.model"
    persona: Name
    model_version: int | None = Field(default=None, ge=1)


class SceneSwitch(ControlBase):
    """Switch the OBS program scene (a moderator's or the streamer's command)."""

    type: Literal["control.scene"] = "control.scene"
    scene: Annotated[str, Field(min_length=1, max_length=100)]


class HoldMode(ControlBase):
    """Hold-for-review: while engaged, replies wait for a moderator's approve or reject."""

    type: Literal["control.hold"] = "control.hold"
    engaged: bool = True


class Review(ControlBase):
    """A moderator's verdict on a held reply; ``text`` replaces the reply when edited."""

    type: Literal["control.review"] = "control.review"
    turn_id: Annotated[str, Field(min_length=1, max_length=128)]
    approve: bool
    text: Text | None = None


class BlockViewer(ControlBase):
    """Stop (or resume) answering one viewer. Not a Twitch ban."""

    type: Literal["control.block"] = "control.block"
    user_id: Annotated[str, Field(max_length=32)] | None = None
    login: Name
    blocked: bool = True


class BannedWord(ControlBase):
    """Add (or remove) a word from the runtime blocklist of both safety stages."""

    type: Literal["control.banned_word"] = "control.banned_word"
    word: Annotated[str, Field(min_length=1, max_length=100), Clean]
    add: bool = True


class TwitchModeration(ControlBase):
    """A moderator action to carry out on Twitch (timeout, ban, unban, delete a message)."""

    type: Literal["control.moderate"] = "control.moderate"
    action: Literal["timeout", "ban", "unban", "delete"]
    user_id: Annotated[str, Field(max_length=32)] | None = None
    login: Name | None = None
    message_id: Annotated[str, Field(max_length=128)] | None = None
    duration_s: int | None = Field(default=None, ge=1, le=1_209_600)
    reason: Annotated[str, Field(max_length=500)] = ""


class PushToTalk(ControlBase):
    """Push-to-talk key state for the streamer's microphone (talk mode ``push_to_talk``)."""

    type: Literal["control.ptt"] = "control.ptt"
    pressed: bool


class SendChat(ControlBase):
    """A chat message for the bot's Twitch account to post, written by a moderator or the
    streamer (the crisis resource, for one); threaded on ``reply_to`` when given."""

    type: Literal["control.chat"] = "control.chat"
    text: Annotated[str, Field(min_length=1, max_length=500), Clean]
    """What to post (Twitch caps one chat message at 500 characters)."""
    reply_to: Annotated[str, Field(min_length=1, max_length=128)] | None = None
    """The chat message (its Twitch message id) to reply to."""


# ---------------------------------------------------------------- output events


class ReplyStarted(OutputBase):
    type: Literal["reply.started"] = "reply.started"
    turn_id: str
    trigger_ids: tuple[str, ...] = ()
    persona: Name = "default"
    reason: str = ""
    recalled: Text = ""
    """What long-term memory put into the prompt for this turn (empty: nothing)."""


class ReplySentence(OutputBase):
    type: Literal["reply.sentence"] = "reply.sentence"
    turn_id: str
    index: int = Field(ge=0)
    text: Text
    emotion: str = "neutral"


class ReplyBlocked(OutputBase):
    type: Literal["reply.blocked"] = "reply.blocked"
    turn_id: str | None = None
    target_id: str | None = None
    """The input event or sentence that was blocked."""
    stage: Literal["input", "output"] = "output"
    layer: str
    reason: str
    text: Text = ""


class ReplyHeld(OutputBase):
    type: Literal["reply.held"] = "reply.held"
    turn_id: str
    text: Text
    reason: str = "hold-for-review"


class ReplyInterrupted(OutputBase):
    type: Literal["reply.interrupted"] = "reply.interrupted"
    turn_id: str
    heard_text: Text = ""
    by: str = "system"


class ReplyFinished(OutputBase):
    type: Literal["reply.finished"] = "reply.finished"
    turn_id: str
    text: Text = ""
    sentences: int = Field(default=0, ge=0)
    latency_ms: float | None = Field(default=None, ge=0)


class CrisisFlagged(OutputBase):
    """A viewer's message reads as a self-harm crisis (:mod:`engines.ai.safety.crisis`): the
    character does not answer it, and moderators see it flagged on the chat monitor with
    ``resource``, a message they can send to the viewer (:class:`SendChat`)."""

    type: Literal["crisis.flagged"] = "crisis.flagged"
    target_id: Annotated[str, Field(min_length=1, max_length=128)]
    """The viewer's input event (for chat, the Twitch message id)."""
    user: Viewer
    text: Text
    reason: Annotated[str, Field(max_length=200)]
    """Which signal: a plan, hopelessness, intent, a wish to die, a method question, or a
    safety layer's self-harm block in the first person. Never the viewer's words."""
    resource: Annotated[str, Field(max_length=500), Clean] = ""
    """``safety.crisis_resource``: what moderators may send the viewer."""

    @property
    def actor(self) -> Viewer | None:
        return self.user


class SelectionDecision(OutputBase):
    """The selector picked an input to answer, or dropped it, and why (for the chat monitor)."""

    type: Literal["decision"] = "decision"
    target_id: str
    action: Literal["pick", "drop"]
    reason: Annotated[str, Field(max_length=200)]
    score: float | None = None
    turn_id: str | None = None


class ComponentStatus(OutputBase):
    """A side system's health changed (Twitch, OBS, VTube Studio, TTS...), for the dashboard."""

    type: Literal["status.component"] = "status.component"
    component: Name
    state: Literal["ok", "degraded", "down", "revoked"]
    detail: Annotated[str, Field(max_length=500)] = ""


class PersonaApplied(OutputBase):
    """The running bot's answer to a :class:`PersonaSwitch`: applied, or refused with why."""

    type: Literal["status.persona"] = "status.persona"
    persona: Name
    version: int | None = Field(default=None, ge=1)
    ok: bool = True
    error: Annotated[str, Field(max_length=500)] = ""


ComponentState = Literal["ok", "degraded", "down", "revoked", "off"]
"""A side system's health as the heartbeat reports it; ``off``: not configured for this show."""


class ComponentHealth(_Model):
    state: ComponentState
    detail: Annotated[str, Field(max_length=500)] = ""


class BotHeartbeat(OutputBase):
    """The running bot says it is alive, every ``every_s`` seconds, with what the dashboard's
    status bar shows: each side system's health (the last ``status.component`` of each), the
    kill switch and hold-for-review as the brain has them, and when the character last spoke.
    Not stored: a dashboard that hears none for a few beats shows the bot as down."""

    type: Literal["status.heartbeat"] = "status.heartbeat"
    every_s: float = Field(gt=0, le=60)
    started_at: datetime
    components: dict[Name, ComponentHealth] = Field(default_factory=dict)
    killed: bool = False
    holding: bool = False
    last_spoke: datetime | None = None
    persona: Name = "default"
    persona_version: int | None = Field(default=None, ge=1)


class ModelApplied(OutputBase):
    """The running bot's answer to a :class:`ModelSwitch`: serving it now, or refused with why."""

    type: Literal["status.model"] = "status.model"
    persona: Name
    model_version: int | None = Field(default=None, ge=1)
    ok: bool = True
    error: Annotated[str, Field(max_length=500)] = ""


class Metric(OutputBase):
    type: Literal["metric"] = "metric"
    name: Annotated[str, Field(min_length=1, max_length=100)]
    value: float
    labels: dict[str, str] = Field(default_factory=dict)


# ---------------------------------------------------------------- the single lists

InputEvent: TypeAlias = (
    ChatMessage
    | Follow
    | Subscription
    | ResubMessage
    | GiftSubs
    | Cheer
    | Raid
    | Redemption
    | StreamerUtterance
    | UtteranceEnd
    | ModeratorInput
    | StreamState
)
ControlEvent: TypeAlias = (
    Interrupt
    | Skip
    | Mute
    | KillSwitch
    | PersonaSwitch
    | ModelSwitch
    | SceneSwitch
    | HoldMode
    | Review
    | BlockViewer
    | BannedWord
    | TwitchModeration
    | PushToTalk
    | SendChat
)
OutputEvent: TypeAlias = (
    ReplyStarted
    | ReplySentence
    | ReplyBlocked
    | ReplyHeld
    | ReplyInterrupted
    | ReplyFinished
    | CrisisFlagged
    | SelectionDecision
    | ComponentStatus
    | PersonaApplied
    | ModelApplied
    | BotHeartbeat
    | Metric
)
AnyEvent: TypeAlias = InputEvent | ControlEvent | OutputEvent
"""Every kind this build knows; ``isinstance(e, AnyEvent)`` narrows an :class:`EventBase` for a
``match`` that ends in ``assert_never``."""
AlertEvent: TypeAlias = Follow | Subscription | ResubMessage | GiftSubs | Cheer | Raid | Redemption
"""The kinds that may show an on-stream alert (OBS and the overlay page); see :mod:`engines.alert_text`."""

Event = EventBase
"""Any event; concrete values are always one of the union members."""

STREAM_UNIONS: Final[dict[Stream, Any]] = {
    "input": InputEvent,
    "control": ControlEvent,
    "output": OutputEvent,
}
"""Each stream's union, for code (and tests) that walk the declarations."""

EVENT_TYPES: Final[dict[str, type[EventBase]]] = {
    cls.model_fields["type"].default: cls for union in STREAM_UNIONS.values() for cls in get_args(union)
}
INPUT_TYPES: Final = frozenset(t for t, cls in EVENT_TYPES.items() if cls.stream == "input")
CONTROL_TYPES: Final = frozenset(t for t, cls in EVENT_TYPES.items() if cls.stream == "control")
OUTPUT_TYPES: Final = frozenset(t for t, cls in EVENT_TYPES.items() if cls.stream == "output")
ALERT_TYPES: Final = frozenset(cls.model_fields["type"].default for cls in get_args(AlertEvent))

_ADAPTER: Final[TypeAdapter[Any]] = TypeAdapter(Annotated[AnyEvent, Field(discriminator="type")])


class EventDecodeError(ValueError):
    """Raised for bus data that is not a valid event. ``reason`` is short and safe to log."""

    def __init__(self, reason: str, *, kind: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
        """One of: too_large, bad_utf8, bad_json, not_object, unknown_type, newer_schema, invalid."""


def encode(event: EventBase) -> bytes:
    """Serialise an event to compact JSON bytes."""
    return event.model_dump_json(exclude_defaults=False).encode()


def decode(data: bytes | str) -> EventBase:
    """Parse and validate one encoded event, or raise :class:`EventDecodeError`."""
    if len(data) > MAX_ENCODED_BYTES:
        raise EventDecodeError(
            f"event is {len(data)} bytes, over the {MAX_ENCODED_BYTES} limit", kind="too_large"
        )
    if isinstance(data, bytes):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise EventDecodeError(f"invalid UTF-8 at byte {exc.start}", kind="bad_utf8") from None
    try:
        raw = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise EventDecodeError(f"malformed JSON: {exc}", kind="bad_json") from None
    if not isinstance(raw, dict):
        raise EventDecodeError(f"expected a JSON object, got {type(raw).__name__}", kind="not_object")
    etype = raw.get("type")
    if etype not in EVENT_TYPES:
        shown = repr(etype)[:60]
        raise EventDecodeError(f"unknown event type {shown}", kind="unknown_type")
    version = raw.get("v", SCHEMA_VERSION)
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise EventDecodeError(
            f"{etype} has schema version {version}; this build reads up to {SCHEMA_VERSION}",
            kind="newer_schema",
        )
    try:
        event: EventBase = _ADAPTER.validate_python(raw)
    except ValidationError as exc:
        raise EventDecodeError(f"invalid {etype}: {_summarise(exc)}", kind="invalid") from None
    return event


def _summarise(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False, include_input=False)[:3]:
        loc = ".".join(str(p) for p in err["loc"][1:]) or "event"
        parts.append(f"{loc}: {err['msg']}")
    more = exc.error_count() - len(parts)
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")


def stream_of(event: EventBase) -> Stream:
    """The bus stream an event travels on (its kind's declared ``stream``)."""
    return event.stream
