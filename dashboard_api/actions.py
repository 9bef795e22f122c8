"""Moderator actions, sent to the bot as control events on the bus.

Each action is signed with the acting account's name (``by``); the recorder audits every
control event into ``moderation_actions`` (who, what, when), and the feed shows it.
Inputs are checked here first, so a bad request is a clear 422 and never a bad event.

An action is never reported done when it cannot be carried out now (the bot's heartbeat says,
:mod:`.bot_health`): a Twitch action while Twitch is not connected, or an action on what the
bot is doing now (skip, interrupt, review, push-to-talk) while the bot is not running, is
refused with 409 and the reason, and nothing is sent. A mode (kill switch, hold, a block, a
banned word) set while the bot is down is sent and answered ``waiting_for_bot``: the bot
takes it when it starts.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from engines import events as ev
from streamer.bus import BusError

from .auth import SIGNED_IN_RESPONSES, SignedIn, Streamer, User
from .inputs import NO_CONTROL, NOT_BLANK, JsonBool, json_int
from .state import dash

log = logging.getLogger("dashboard_api.actions")
router = APIRouter(
    prefix="/api/actions",
    tags=["actions"],
    responses={
        **SIGNED_IN_RESPONSES,
        409: {
            "description": "cannot be carried out now (the bot is not running, or Twitch is not connected)"
        },
        503: {"description": "the bus is unavailable"},
    },
)

Id = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")]
Login = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^@?[A-Za-z0-9_]{1,25}$")]
UserId = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[0-9]+$")]
Reason = Annotated[str, Field(max_length=500, pattern=NO_CONTROL)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SkipIn(_In):
    target_id: Id | None = None
    """A queued chat message's event id to drop; none: cut the current reply now."""


class InterruptIn(_In):
    reason: Annotated[str, Field(max_length=200, pattern=NO_CONTROL)] = ""


class KillIn(_In):
    engaged: JsonBool
    reason: Annotated[str, Field(max_length=200, pattern=NO_CONTROL)] = ""


class HoldIn(_In):
    engaged: JsonBool


class ReviewIn(_In):
    turn_id: Id
    approve: JsonBool
    text: Annotated[str, Field(min_length=1, max_length=ev.MAX_TEXT_CHARS, pattern=NOT_BLANK)] | None = None
    """Approve with this text instead of the held reply (edit before approve)."""


class BlockIn(_In):
    login: Login
    user_id: UserId | None = None
    blocked: JsonBool = True


class PttIn(_In):
    pressed: JsonBool


class ChatIn(_In):
    text: Annotated[str, Field(min_length=1, max_length=500, pattern=NOT_BLANK)]
    """What the bot's account posts (one Twitch chat message: at most 500 characters)."""
    reply_to: Id | None = None
    """The chat message to reply to (its event id, the Twitch message id); none: a plain message."""


class BannedWordIn(_In):
    word: Annotated[str, Field(min_length=1, max_length=100, pattern=NOT_BLANK)]
    add: JsonBool = True


_SOMEONE: dict[str, Any] = {
    "anyOf": [
        {"required": ["login"], "properties": {"login": {"type": "string"}}},
        {"required": ["user_id"], "properties": {"user_id": {"type": "string"}}},
    ]
}
"""JSON-schema form of "login or user_id" (so the API description says it too)."""


class _Someone(_In):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_SOMEONE)
    login: Login | None = None
    user_id: UserId | None = None
    reason: Reason = ""

    @model_validator(mode="after")
    def _someone(self) -> _Someone:
        if not (self.login or self.user_id):
            raise ValueError("needs login or user_id")
        return self


class TimeoutIn(_Someone):
    action: Literal["timeout"]
    duration_s: json_int(ge=1, le=1_209_600)  # type: ignore[valid-type]


class BanIn(_Someone):
    action: Literal["ban", "unban"]


class DeleteIn(_In):
    action: Literal["delete"]
    message_id: Id
    login: Login | None = None
    user_id: UserId | None = None
    reason: Reason = ""


ModerateIn = Annotated[TimeoutIn | BanIn | DeleteIn, Field(discriminator="action")]


class Sent(BaseModel):
    id: str
    type: str
    queued: bool = False
    """True when the bus was unreachable and the event waits in the local outbox."""
    waiting_for_bot: bool = False
    """True when the bot is not running: it takes the event when it starts."""


Needs = Literal["bot", "twitch"] | None
"""What an action needs running now: the bot, the bot's Twitch connection, or nothing (a mode
the bot takes when it starts)."""


async def _send(
    request: Request, user: User, make: type[ev.EventBase], *, needs: Needs, **fields: object
) -> Sent:
    d = dash(request)
    if needs is not None and (why := d.status.refusal("twitch" if needs == "twitch" else None)):
        log.warning("action %s by %s refused: %s", make.model_fields["type"].default, user.name, why)
        raise HTTPException(status.HTTP_409_CONFLICT, f"not sent: {why}")
    try:
        event = make(channel=d.settings.channel, by=user.name, **fields)
    except ValidationError as exc:  # the input models above should make this unreachable
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"invalid action: {exc.error_count()} errors"
        ) from None
    try:
        entry = await d.bus.publish(event)
    except BusError as exc:
        log.error("action %s by %s not sent: %s", event.type, user.name, exc)
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE, "the bus is unavailable; try again"
        ) from None
    log.info("action %s by %s", event.type, user.name)
    waiting = d.status.bot_state() != "up"
    return Sent(id=event.id, type=event.type, queued=entry is None, waiting_for_bot=waiting)


_ACCEPTED = status.HTTP_202_ACCEPTED


@router.post("/skip", status_code=_ACCEPTED)
async def skip(body: SkipIn, user: SignedIn, request: Request) -> Sent:
    """Skip the reply being spoken now, or drop one queued message (``target_id``)."""
    return await _send(request, user, ev.Skip, needs="bot", target_id=body.target_id)


@router.post("/interrupt", status_code=_ACCEPTED)
async def interrupt(body: InterruptIn, user: SignedIn, request: Request) -> Sent:
    """Cut the bot off now."""
    return await _send(request, user, ev.Interrupt, needs="bot", reason=body.reason)


@router.post("/kill", status_code=_ACCEPTED)
async def kill(body: KillIn, user: SignedIn, request: Request) -> Sent:
    """Kill switch: engaged, the bot stays silent until it is released."""
    return await _send(request, user, ev.KillSwitch, needs=None, engaged=body.engaged, reason=body.reason)


@router.post("/hold", status_code=_ACCEPTED)
async def hold(body: HoldIn, user: SignedIn, request: Request) -> Sent:
    """Hold-for-review: while engaged, replies wait for approve or reject."""
    return await _send(request, user, ev.HoldMode, needs=None, engaged=body.engaged)


@router.post("/review", status_code=_ACCEPTED)
async def review(body: ReviewIn, user: SignedIn, request: Request) -> Sent:
    """Approve (optionally with edited text) or reject a held reply."""
    return await _send(
        request, user, ev.Review, needs="bot", turn_id=body.turn_id, approve=body.approve, text=body.text
    )


@router.post("/block", status_code=_ACCEPTED)
async def block(body: BlockIn, user: SignedIn, request: Request) -> Sent:
    """Stop (or resume) answering one viewer. Not a Twitch ban."""
    return await _send(
        request,
        user,
        ev.BlockViewer,
        needs=None,
        login=body.login.lstrip("@").lower(),
        user_id=body.user_id,
        blocked=body.blocked,
    )


@router.post("/banned-word", status_code=_ACCEPTED)
async def banned_word(body: BannedWordIn, user: SignedIn, request: Request) -> Sent:
    """Add (or remove) a word on the bot's runtime blocklist."""
    return await _send(request, user, ev.BannedWord, needs=None, word=body.word.strip(), add=body.add)


@router.post("/moderate", status_code=_ACCEPTED)
async def moderate(body: ModerateIn, user: SignedIn, request: Request) -> Sent:
    """Timeout, ban, unban or delete a message on Twitch (carried out by the bot's Twitch part)."""
    return await _send(
        request, user, ev.TwitchModeration, needs="twitch", action=body.action,
        login=body.login.lstrip("@").lower() if body.login else None, user_id=body.user_id,
        message_id=getattr(body, "message_id", None), duration_s=getattr(body, "duration_s", None),
        reason=body.reason,
    )  # fmt: skip


@router.post("/chat", status_code=_ACCEPTED)
async def chat(body: ChatIn, user: SignedIn, request: Request) -> Sent:
    """Post a message in chat as the bot, as a reply to ``reply_to`` when given: the crisis
    resource a moderator sends to a viewer whose message was flagged, for one. Carried out by
    the bot's Twitch part, whatever the persona's chat-reply setting."""
    return await _send(
        request, user, ev.SendChat, needs="twitch", text=body.text.strip(), reply_to=body.reply_to
    )


@router.post("/ptt", status_code=_ACCEPTED)
async def push_to_talk(body: PttIn, user: Streamer, request: Request) -> Sent:
    """The streamer's push-to-talk key (voice talk mode ``push_to_talk``): pressed opens the
    microphone to the character, released closes it and ends the utterance at once. The
    streamer's own button: a moderator cannot open the streamer's microphone."""
    return await _send(request, user, ev.PushToTalk, needs="bot", pressed=body.pressed)
