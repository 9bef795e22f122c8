"""Twitch out: chat replies and moderation, each in its own consumer group on the bus.

**Chat** (group ``twitch-chat``, reading ``input`` and ``output``). It remembers recent chat
messages (id, author, roles) and each turn's triggers (``reply.started``). On
``reply.finished`` it posts the text the audience heard, threaded on the first triggering chat
message. One message per finished turn, not one per sentence: a turn is one to three
sentences, and Twitch allows an ordinary account 20 messages per 30 seconds, so sentence by
sentence would spend the limit three times faster and scatter one answer over several lines.
Posting after the turn also means an interrupted turn or a blocked sentence never reaches chat.
Replies older than ``max_reply_age_s`` (a backlog after a restart) are skipped.

**The persona's rules.** When input safety blocks a viewer's chat message (``reply.blocked``,
stage ``input``) and the persona sets ``auto_timeout_s``, a ``control.moderate`` timeout is
published by ``persona:<id>``: the recorder audits it like a moderator's action and the
moderation worker carries it out. Moderators and the broadcaster are never timed out.

**Moderation** (group ``twitch-moderation``, reading ``control``): each ``control.moderate``
(timeout, ban, unban, delete) from the dashboard or the rules is carried out on Twitch, and
each ``control.chat`` (a message a moderator wrote, such as the crisis resource sent as a reply
to a flagged message) is posted by the bot's account, whatever the persona's chat-reply setting.
Commands older than ``MODERATION_MAX_AGE_S`` are not (a backlog must not ban people hours later).

The Twitch side is injected (:class:`TwitchActions`); it logs every failure with Twitch's
reason. Here each failure is logged again with what was lost (a send can fail before it
reaches Twitch: not connected), counted and published as a ``metric`` event, and the entry is
acked: a failed send is reported, not retried forever. Both workers read through
:meth:`Bus.consume <streamer.bus.Bus.consume>` (replay after a restart, back-off while the bus
is down, ack after the batch). A worker never dies: an unexpected error (a bug, in the bus or
here) is logged and the worker goes on after ``RETRY_S``.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final, Protocol

from config.persona import Persona
from engines import events as ev
from engines.backends import BackendError
from streamer.bus import Bus, BusError, Delivery, Handler, StreamName
from streamer.bus.keys import GROUP_TWITCH_CHAT, GROUP_TWITCH_MODERATION

log = logging.getLogger("streamer.twitch_out")

MODERATION_MAX_AGE_S: Final = 600.0
RETRY_S: Final = 1.0
_CHAT_READ: Final = 10_000
"""Entries per stream and read for the chat worker. It reads input and output together (one
atomic read), and a reply's trigger is published before the reply, so the read that brings a
reply also brings its trigger, unless more than this many chat messages wait (a flood)."""
_PROTECTED: Final = frozenset({ev.Role.BROADCASTER, ev.Role.MODERATOR})


class TwitchActions(Protocol):
    """What the Twitch adapter does for this worker."""

    async def reply(self, text: str, *, parent_id: str | None) -> list[str] | None:
        """Post in chat (None: the persona has chat replies off)."""

    async def moderate(self, action: ev.TwitchModeration) -> str:
        """Carry out a moderation action; returns what was done."""

    async def send_chat(self, text: str, *, parent_id: str | None = None) -> list[str]:
        """Post a moderator's message as the bot, threaded on ``parent_id``; the sent ids."""


@dataclass(slots=True)
class TwitchOutStats:
    replies: int = 0
    replies_off: int = 0
    """Finished turns not posted because the persona has chat replies off."""
    reply_failures: int = 0
    stale_replies: int = 0
    blocked_chat: int = 0
    """Chat messages input safety blocked (each one a candidate for the auto-timeout rule)."""
    auto_timeouts: int = 0
    moderations: int = 0
    moderation_failures: int = 0
    stale_moderations: int = 0
    moderator_chats: int = 0
    """Messages moderators sent through the bot (``control.chat``)."""
    moderator_chat_failures: int = 0


@dataclass(frozen=True, slots=True)
class _Author:
    """Who wrote a chat message: enough to thread a reply on it or time its author out."""

    user_id: str
    login: str
    protected: bool
    """A moderator or the broadcaster."""


class _Bounded(OrderedDict[str, object]):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: str, value: object) -> None:
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.limit:
            self.popitem(last=False)


class TwitchOut:
    """Runs the chat and moderation workers until :meth:`stop`."""

    def __init__(
        self,
        bus: Bus,
        actions: TwitchActions,
        *,
        channel: str,
        persona: Callable[[], Persona],
        max_reply_age_s: float = 60.0,
        consumer: str = "twitch",
    ) -> None:
        self.bus = bus
        self.actions = actions
        self.channel = channel
        self.persona = persona
        self.max_reply_age_s = max_reply_age_s
        self.consumer = consumer
        self.stats = TwitchOutStats()
        self._chats = _Bounded(50_000)
        self._turns = _Bounded(1_000)
        self._timed_out = _Bounded(1_000)
        self._stop = asyncio.Event()

    def stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        tasks = [
            asyncio.create_task(
                self._worker(
                    "chat", GROUP_TWITCH_CHAT, ["input", "output"], self._chat_batch, _CHAT_READ, 200
                ),
                name="twitch-chat",
            ),
            asyncio.create_task(
                self._worker(
                    "moderation", GROUP_TWITCH_MODERATION, ["control"], self._moderation_batch, 500, 500
                ),
                name="twitch-moderation",
            ),
        ]
        try:
            await self._stop.wait()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    # ------------------------------------------------------------------ reading

    async def _worker(
        self, worker: str, group: str, streams: list[StreamName], handle: Handler, count: int, block_ms: int
    ) -> None:
        """Consume until :meth:`stop`; an error that is not the bus being down is logged, then
        the worker starts again (first re-reading what it had not acked)."""
        while not self._stop.is_set():
            try:
                await self.bus.consume(
                    group, self.consumer, streams, handle, stop=self._stop, count=count, block_ms=block_ms
                )
            except Exception as exc:
                await self._failing(worker, exc)

    async def _chat_batch(self, batch: list[Delivery]) -> None:
        """Learn the batch's chat messages, then handle its output events in order."""
        for d in batch:  # input first: a reply's trigger is always published before it
            if d.stream == "input" and isinstance(d.event, ev.ChatMessage):
                e = d.event
                self._chats.remember(e.id, _Author(e.user.id, e.user.login, bool(e.roles & _PROTECTED)))
        for d in batch:
            if d.stream == "output":
                await self._guarded(self._on_output(d.event), d)

    async def _moderation_batch(self, batch: list[Delivery]) -> None:
        for d in batch:
            if isinstance(d.event, ev.TwitchModeration):
                await self._guarded(self._moderate(d.event), d)
            elif isinstance(d.event, ev.SendChat):
                await self._guarded(self._send_chat(d.event), d)

    @staticmethod
    async def _failing(worker: str, exc: Exception) -> None:
        log.error("twitch out: the %s worker failed; going on in %.0f s", worker, RETRY_S, exc_info=exc)
        await asyncio.sleep(RETRY_S)

    @staticmethod
    async def _guarded(work: Awaitable[None], d: Delivery) -> None:
        """A bug handling one event is logged and that event skipped; the worker goes on."""
        try:
            await work
        except Exception:
            log.exception("twitch out: could not handle %s %s", d.event.type, d.event.id)

    # ------------------------------------------------------------------ chat

    async def _on_output(self, e: ev.EventBase) -> None:
        match e:
            case ev.ReplyStarted():
                self._turns.remember(e.turn_id, e.trigger_ids)
            case ev.ReplyInterrupted():
                self._turns.pop(e.turn_id, None)
            case ev.ReplyFinished():
                triggers = self._turns.pop(e.turn_id, ())
                await self._reply(e, triggers if isinstance(triggers, tuple) else ())
            case ev.ReplyBlocked(stage="input", target_id=str() as target):
                await self._rule_auto_timeout(e, target)

    async def _reply(self, e: ev.ReplyFinished, triggers: tuple[str, ...]) -> None:
        if not e.text.strip():
            return
        age = (ev.utcnow() - e.ts).total_seconds()
        if age > self.max_reply_age_s:
            self.stats.stale_replies += 1
            log.info("twitch out: not posting turn %s in chat: it finished %.0f s ago", e.turn_id, age)
            return
        parent = next((t for t in triggers if t in self._chats), None)
        try:
            sent = await self.actions.reply(e.text, parent_id=parent)
        except BackendError as exc:
            self.stats.reply_failures += 1
            await self._failed("chat", exc)
            return
        if sent is None:
            self.stats.replies_off += 1
        else:
            self.stats.replies += 1

    async def _rule_auto_timeout(self, e: ev.ReplyBlocked, target: str) -> None:
        author = self._chats.get(target)
        if not isinstance(author, _Author):
            return
        self.stats.blocked_chat += 1
        persona = self.persona()
        if persona.auto_timeout_s is None:
            return
        if author.protected:
            log.info("twitch out: not timing out %s: a moderator or the broadcaster", author.login)
            return
        if target in self._timed_out:
            return
        self._timed_out.remember(target, True)
        self.stats.auto_timeouts += 1
        action = ev.TwitchModeration(
            channel=self.channel, by=f"persona:{persona.id}", action="timeout", user_id=author.user_id,
            login=author.login, duration_s=persona.auto_timeout_s,
            reason=f"automatic: input safety blocked a message ({e.layer}: {e.reason})"[:500],
        )  # fmt: skip
        log.info("twitch out: persona rule: time out %s for %d s", author.login, persona.auto_timeout_s)
        await self._publish(action)

    # ------------------------------------------------------------------ moderation

    async def _moderate(self, e: ev.TwitchModeration) -> None:
        age = (ev.utcnow() - e.ts).total_seconds()
        if age > MODERATION_MAX_AGE_S:
            self.stats.stale_moderations += 1
            log.warning("twitch out: not carrying out a %s by %s from %.0f s ago", e.action, e.by, age)
            return
        try:
            await self.actions.moderate(e)
        except BackendError as exc:
            self.stats.moderation_failures += 1
            await self._failed(e.action, exc)
            return
        self.stats.moderations += 1

    async def _send_chat(self, e: ev.SendChat) -> None:
        age = (ev.utcnow() - e.ts).total_seconds()
        if age > MODERATION_MAX_AGE_S:
            self.stats.stale_moderations += 1
            log.warning("twitch out: not posting a chat message by %s from %.0f s ago", e.by, age)
            return
        try:
            await self.actions.send_chat(e.text, parent_id=e.reply_to)
        except BackendError as exc:
            self.stats.moderator_chat_failures += 1
            await self._failed("moderator chat", exc)
            return
        self.stats.moderator_chats += 1
        log.info("twitch out: posted a chat message by %s%s", e.by, " as a reply" if e.reply_to else "")

    async def _failed(self, kind: str, exc: BackendError) -> None:
        log.warning("twitch out: %s not done: %s", "chat reply" if kind == "chat" else kind, exc)
        await self._publish(
            ev.Metric(
                channel=self.channel, name="twitch_send_failures", value=1.0,
                labels={"kind": kind, "error": type(exc).__name__, "retryable": str(exc.retryable).lower()},
            )
        )  # fmt: skip

    async def _publish(self, event: ev.EventBase) -> None:
        try:
            await self.bus.publish(event)
        except BusError as exc:
            log.warning("twitch out: could not publish %s: %s", event.type, exc)
