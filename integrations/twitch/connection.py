"""The bot's link to one Twitch channel, over twitchio 3.3.2.

**In.** An EventSub WebSocket per account (chat on the bot's token, channel events on the
broadcaster's). Each notification is de-duplicated on its EventSub message id, filtered
(the bot's own messages, configured bots), normalised into the project's event (another
channel's shared chat is kept, marked with that channel) and queued for the bus
(:mod:`~integrations.twitch.publisher`). Handlers do nothing else. The bot's own message is
known by the id Twitch answers, or, when its echo comes first, by the text being sent.

**Out.** Chat replies as the bot account (split to Twitch's 500 characters, paced to the
account's rate, threaded on the triggering message) and moderation as the broadcaster.
Helix 429 and 5xx are retried with exponential back-off and jitter, a 429 no sooner than
Twitch's ``Ratelimit-Reset`` (a chat message only when it surely did not reach Twitch: a 429,
or a connection that never opened; twitchio's own retry after a 503 is off for chat, see
``patches``); every failure is logged with Twitch's reason and raised as a
:class:`~integrations.twitch.errors.TwitchError`. A reply whose parent is gone goes unthreaded.

**Status.** ``ComponentStatus(component="twitch")`` is published on connect, on a lost
connection, on each reconnect, on a revocation and on auth failures. A failing session is
retried forever (auth failures every ``auth_retry_s``, re-reading the stored tokens so a new
``vtuber twitch login`` is picked up). A revocation is renewed make-before-break:
``auth_retry_s`` later the stored tokens are read again and only the revoked subscriptions are
made again, on the running session, so the others (chat too) never stop; this repeats until
it works (``revoked`` stays shown until then). :meth:`TwitchConnection.run` never raises.

**Tokens** come from a :class:`~integrations.twitch.tokens.TwitchTokenStores`; every
refresh twitchio makes is written back at once, and on close.

Over 400 lines: the EventSub sessions, the publisher and the Helix calls share the
connection's token and reconnect state.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import aiohttp
import twitchio
from twitchio import eventsub

from config.settings import TwitchSettings
from engines import events as ev
from integrations.twitch import patches
from integrations.twitch.chat import RateWindow, split_message
from integrations.twitch.errors import (
    LOGIN_HINT,
    TwitchAuthError,
    TwitchError,
    TwitchRateLimited,
    TwitchRejected,
    TwitchScopeError,
    TwitchTokenRevoked,
    TwitchUnavailable,
    from_exception,
    twitch_reason,
)
from integrations.twitch.normalize import SUBSCRIPTION_TYPES, message_id, normalize
from integrations.twitch.publisher import EventQueue, Publish
from integrations.twitch.scopes import Role, missing_scopes
from integrations.twitch.tokens import StoredToken, TwitchTokenStores

__all__ = ["Publish", "TwitchConnection", "TwitchStats"]

log = logging.getLogger(__name__)
T = TypeVar("T")
State = Literal["ok", "degraded", "down", "revoked"]
_MAX_RESET_WAIT_S = 60.0
"""The longest wait for a Helix rate limit to reset (Twitch refills its bucket within a minute)."""
_OWN_ECHO_S = 10.0
"""How long a sent chat text is remembered, to know its EventSub echo before Twitch answers the send."""


@dataclass(slots=True)
class TwitchStats:
    published: int = 0
    duplicates: int = 0
    ignored: int = 0
    malformed: int = 0
    sessions: int = 0
    reconnects: int = 0
    revocations: int = 0
    refreshes: int = 0
    chat_sent: int = 0
    chat_failed: int = 0
    moderation_done: int = 0
    moderation_failed: int = 0
    retries: int = 0
    dropped: int = 0
    """Events dropped (the oldest first) because the bus was down and the queue was full."""


class _Recent:
    """A bounded set of recently seen keys."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._keys: OrderedDict[str, None] = OrderedDict()

    def add(self, key: str) -> bool:
        """Remember ``key``; False if it was already there."""
        if key in self._keys:
            return False
        self._keys[key] = None
        if len(self._keys) > self.limit:
            self._keys.popitem(last=False)
        return True

    def __contains__(self, key: object) -> bool:
        return key in self._keys


@dataclass(frozen=True, slots=True)
class _Accounts:
    bot: StoredToken
    broadcaster: StoredToken

    @property
    def user_ids(self) -> tuple[str, str]:
        return self.bot.user_id, self.broadcaster.user_id

    @property
    def access_tokens(self) -> tuple[str, str]:
        return self.bot.access_token, self.broadcaster.access_token

    @property
    def same(self) -> bool:
        return self.bot.user_id == self.broadcaster.user_id

    def roles_of(self, user_id: str) -> list[Role]:
        pairs: tuple[tuple[Role, StoredToken], ...] = (("bot", self.bot), ("broadcaster", self.broadcaster))
        return [role for role, token in pairs if token.user_id == user_id]


class _EventSubClient(twitchio.Client):
    """twitchio's Client with the bot's token storage, subscriptions and handlers."""

    def __init__(self, link: TwitchConnection, *, client_id: str, client_secret: str, bot_id: str) -> None:
        super().__init__(
            client_id=client_id, client_secret=client_secret, bot_id=bot_id, fetch_client_user=False
        )
        self.link = link

    def socket_health(self) -> tuple[int, int, bool]:
        """(connected, total, settling): the EventSub sockets twitchio holds, counting ones it is
        reconnecting; settling while one is still connecting or subscribing again."""
        sockets = [s for group in self._websockets.values() for s in group.values()]
        return sum(1 for s in sockets if s.connected), len(sockets), any(s._connecting for s in sockets)

    def subscribed_types(self) -> set[str]:
        return {str(s.type.value) for s in self.websocket_subscriptions().values()}

    # tokens: the database, never .tio.tokens.json
    async def load_tokens(self, path: str | None = None, /) -> None:
        await self.link._add_tokens(self)

    async def save_tokens(self, path: str | None = None, /) -> None:
        await self.link._save_current(self)

    async def setup_hook(self) -> None:
        await self.link._subscribe(self)

    async def event_token_refreshed(self, payload: twitchio.TokenRefreshedPayload) -> None:
        await self.link._token_refreshed(payload)

    async def event_websocket_welcome(self, payload: twitchio.WebsocketWelcome) -> None:
        self.link._welcomed(payload)

    async def event_subscription_revoked(self, payload: twitchio.SubscriptionRevoked) -> None:
        self.link._revoked(payload)

    async def event_malformed_notification(self, payload: dict[str, str]) -> None:
        self.link._malformed(payload)

    async def event_error(self, payload: twitchio.EventErrorPayload) -> None:
        name = getattr(payload.listener, "__qualname__", "listener")
        log.error("twitch: handler %s failed: %s", name, type(payload.error).__name__, exc_info=payload.error)

    # notifications: hand over and return
    async def event_message(self, payload: twitchio.ChatMessage) -> None:
        self.link._accept(payload)

    async def event_follow(self, payload: twitchio.ChannelFollow) -> None:
        self.link._accept(payload)

    async def event_subscription(self, payload: twitchio.ChannelSubscribe) -> None:
        self.link._accept(payload)

    async def event_subscription_message(self, payload: twitchio.ChannelSubscriptionMessage) -> None:
        self.link._accept(payload)

    async def event_subscription_gift(self, payload: twitchio.ChannelSubscriptionGift) -> None:
        self.link._accept(payload)

    async def event_cheer(self, payload: twitchio.ChannelCheer) -> None:
        self.link._accept(payload)

    async def event_raid(self, payload: twitchio.ChannelRaid) -> None:
        self.link._accept(payload)

    async def event_custom_redemption_add(self, payload: twitchio.ChannelPointsRedemptionAdd) -> None:
        self.link._accept(payload)

    async def event_stream_online(self, payload: twitchio.StreamOnline) -> None:
        self.link._accept(payload)

    async def event_stream_offline(self, payload: twitchio.StreamOffline) -> None:
        self.link._accept(payload)

    async def event_channel_update(self, payload: twitchio.ChannelUpdate) -> None:
        self.link._accept(payload)


class TwitchConnection:
    """EventSub in, chat and moderation out, for one channel. Run :meth:`run` as a task."""

    def __init__(
        self,
        settings: TwitchSettings,
        *,
        channel: str,
        broadcaster_login: str,
        publish: Publish,
        tokens: TwitchTokenStores,
        chat_replies_enabled: Callable[[], bool] = lambda: True,
        on_secret: Callable[[str], None] | None = None,
        auth_retry_s: float = 60.0,
        watch_interval_s: float = 1.0,
        queue_limit: int = 50_000,
    ) -> None:
        self.settings = settings
        self.channel = channel
        self.broadcaster_login = broadcaster_login.lower()
        self.publish = publish
        self.tokens = tokens
        self.chat_replies_enabled = chat_replies_enabled
        self.on_secret = on_secret or (lambda _secret: None)
        self.auth_retry_s = auth_retry_s
        self.watch_interval_s = watch_interval_s
        self.stats = TwitchStats()
        self.state: State | None = None
        self.detail = ""
        self.connected = asyncio.Event()
        self._ignored = frozenset(settings.ignored_bots)
        self._seen = _Recent(20_000)
        self._sent_ids = _Recent(1_000)
        self._own_texts: list[tuple[float, str]] = []
        """(when, text) of chat messages being sent: their echo may come before Twitch's answer."""
        self._events = EventQueue(lambda batch: self.publish(batch), channel=channel, limit=queue_limit,
                                  counts=self.stats)  # fmt: skip
        self._rate = RateWindow(settings.chat_rate_messages, settings.chat_rate_window_s)
        self._stop = asyncio.Event()
        self._client: _EventSubClient | None = None
        self._accounts: _Accounts | None = None
        self._welcomes = 0
        self._lost = False
        self._reconnected: str | None = None
        """The new EventSub session id, until the reconnect is reported."""
        self._revoked_at: float | None = None
        """When Twitch revoked a subscription not yet renewed (or a renewal last failed)."""
        self._revoked_types: dict[str, str] = {}
        """Subscription type → why Twitch revoked it, until it is subscribed again."""
        self._not_subscribed: list[str] = []

    # ------------------------------------------------------------------ running

    def stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        """Connect and stay connected until :meth:`stop`; failures are reported, never raised."""
        pump = asyncio.create_task(self._events.run(), name="twitch-publish")
        delay = 1.0
        try:
            while not self._stop.is_set():
                try:
                    await self._session()
                    delay = 1.0
                    if not self._stop.is_set():
                        self._status("degraded", "Twitch closed the EventSub subscriptions; connecting again")
                except TwitchAuthError as exc:
                    self._status("revoked" if isinstance(exc, TwitchTokenRevoked) else "down", exc.message)
                    delay = self.auth_retry_s
                except TwitchError as exc:
                    self._status("down", exc.message)
                except Exception as exc:  # a bug, not Twitch: say so, keep the bot up
                    log.exception("twitch: the connection failed unexpectedly")
                    self._status("down", f"unexpected {type(exc).__name__}; see the log")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), delay)
                delay = min(delay * 2, max(60.0, self.auth_retry_s))
        finally:
            self.connected.clear()
            await self._events.drain(pump)

    async def _session(self) -> None:
        """One login: tokens, app token, subscriptions; returns when twitchio holds no subscription,
        or when the stored tokens turn out to be other accounts'."""
        accounts = await self._load_accounts()
        cfg = self.settings
        patches.install()
        patches.point_at(
            helix_url=cfg.helix_url, oauth_url=cfg.oauth_url, eventsub_ws_url=cfg.eventsub_ws_url
        )
        client = _EventSubClient(
            self,
            client_id=cfg.client_id,
            client_secret=cfg.client_secret.get_secret_value(),
            bot_id=accounts.bot.user_id,
        )
        self._accounts = accounts
        self._welcomes = 0
        self._lost = False
        self._reconnected = None
        self._revoked_at = None
        self._revoked_types = {}
        self._not_subscribed = []
        self.stats.sessions += 1
        try:
            try:
                await client.login(load_tokens=True, save_tokens=True)
            except TwitchError:
                raise
            except Exception as exc:
                raise from_exception(exc, "log in to Twitch") from None
            self._client = client
            subs = len(client.websocket_subscriptions())
            connected = (
                f"connected as {accounts.bot.login} to #{accounts.broadcaster.login} ({subs} subscriptions)"
            )
            if self._not_subscribed:
                missing = ", ".join(self._not_subscribed)
                self._status("degraded", f"{connected}, but not {missing} (see the log; run `vtuber doctor`)")
            else:
                self._status("ok", connected)
            self.connected.set()
            await self._watch(client)
        finally:
            self._client = None
            self.connected.clear()
            with contextlib.suppress(Exception):
                await patches.stop_reconnects(client)
            with contextlib.suppress(Exception):
                await client.close()

    async def _watch(self, client: _EventSubClient) -> None:
        """Report lost and regained sockets (naming subscriptions a reconnect could not renew), and
        renew revoked subscriptions ``auth_retry_s`` after the revocation."""
        while not self._stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.watch_interval_s)
            up, total, settling = client.socket_health()
            if self._stop.is_set():
                return
            if self._revoked_at is not None:
                if time.monotonic() - self._revoked_at >= self.auth_retry_s and not await self._renew(client):
                    return
            elif not settling and not client.websocket_subscriptions():
                return
            if up < total:
                if not self._lost:
                    self._lost = True
                    self._status("degraded", "EventSub connection lost; reconnecting and subscribing again")
            elif self._reconnected is not None and not settling:
                done = f"reconnected to EventSub (session {self._reconnected})"
                self._reconnected, self._lost = None, False
                missing = [t for t in SUBSCRIPTION_TYPES if t not in client.subscribed_types()]
                if missing:
                    self._status("degraded", f"{done}, but not to {', '.join(missing)} (see the log)")
                else:
                    self._status("ok", done)

    async def _renew(self, client: _EventSubClient) -> bool:
        """Subscribe again to what Twitch revoked, on the running session: make before break, so
        every other subscription (chat too) keeps delivering. The stored tokens are read again
        first, so a new ``vtuber twitch login`` heals it. False: the stored tokens are other
        accounts', and only a new session can use them."""
        types = list(self._revoked_types)
        current = self._require_accounts()
        try:
            fresh = await self._load_accounts()
            if fresh.user_ids != current.user_ids:
                return False
            if fresh.access_tokens != current.access_tokens:  # a new login: hand its tokens to twitchio
                self._accounts = fresh
                try:
                    await self._add_tokens(client)
                except TwitchError:
                    self._accounts = current
                    raise
        except TwitchError as exc:
            self._revoked_at = time.monotonic()
            log.warning("twitch: cannot subscribe again to %s yet: %s", ", ".join(types), exc.message)
            return True
        renewed: list[str] = []
        for payload, token_for in self._plan(fresh):
            if payload.type in types:
                with contextlib.suppress(TwitchError):  # logged with Twitch's reason; tried again later
                    await self._subscribe_one(client, payload, token_for)
                    renewed.append(payload.type)
        for sub_type in renewed:
            self._revoked_types.pop(sub_type, None)
        if self._revoked_types:
            self._revoked_at = time.monotonic()
            log.warning("twitch: not subscribed again to %s; trying again in %.0f s",
                        ", ".join(self._revoked_types), self.auth_retry_s)  # fmt: skip
            return True
        self._revoked_at = None
        done = f"subscribed again to {', '.join(renewed)}"
        log.info("twitch: %s", done)
        missing = [t for t in SUBSCRIPTION_TYPES if t not in client.subscribed_types()]
        if missing:
            self._status("degraded", f"{done}, but not to {', '.join(missing)} (see the log)")
        else:
            self._status("ok", done)
        return True

    # ------------------------------------------------------------------ tokens

    async def _load_accounts(self) -> _Accounts:
        try:
            bot = await self.tokens.load("bot")
            broadcaster = await self.tokens.load("broadcaster")
        except TwitchError:
            raise
        except ValueError as exc:  # the key cannot decrypt them (SecretKeyError says what to do)
            raise TwitchAuthError(f"cannot read the stored Twitch tokens: {exc}") from None
        except Exception as exc:  # the database
            raise TwitchUnavailable(
                f"cannot read the stored Twitch tokens ({type(exc).__name__}); is the database up?"
            ) from None
        cfg = self.settings
        if broadcaster.login.lower() != self.broadcaster_login:
            raise TwitchAuthError(
                f"the stored broadcaster token is for {broadcaster.login}, but the channel is "
                f"{self.broadcaster_login}; run `vtuber twitch login` and log in as {self.broadcaster_login}"
            )
        expected_bot = cfg.bot_login or self.broadcaster_login
        if bot.login.lower() != expected_bot or (cfg.bot_id and bot.user_id != cfg.bot_id):
            raise TwitchAuthError(
                f"the stored bot token is for {bot.login} ({bot.user_id}), but the bot account is "
                f"{expected_bot}{f' ({cfg.bot_id})' if cfg.bot_id else ''}; run `vtuber twitch login`"
            )
        for token in (bot, broadcaster):
            self.on_secret(token.access_token)
            self.on_secret(token.refresh_token)
        return _Accounts(bot, broadcaster)

    async def _add_tokens(self, client: _EventSubClient) -> None:
        """twitchio's ``load_tokens``: validate (refreshing if needed) and check each account."""
        accounts = self._require_accounts()
        roles: list[tuple[Role, StoredToken]] = [("bot", accounts.bot)]
        if not accounts.same:
            roles.append(("broadcaster", accounts.broadcaster))
        for role, token in roles:
            who = "bot and broadcaster" if accounts.same else role
            try:
                valid = await client.add_token(token.access_token, token.refresh_token)
            except twitchio.InvalidTokenException as exc:
                raise TwitchTokenRevoked(
                    f"the {who} token ({token.login}) was revoked or has expired and could not be "
                    f"refreshed (Twitch: {twitch_reason(exc)}); {LOGIN_HINT}",
                    status=401,
                    reason=twitch_reason(exc),
                ) from None
            except Exception as exc:
                raise from_exception(exc, f"validate the {who} token") from None
            if valid.client_id != self.settings.client_id:
                raise TwitchAuthError(
                    f"the {who} token was issued to another client id than twitch.client_id; {LOGIN_HINT}"
                )
            if valid.user_id != token.user_id:
                raise TwitchAuthError(f"the {who} token now belongs to another user; {LOGIN_HINT}")
            missing = missing_scopes(role, valid.scopes, same_account=accounts.same)
            if missing:
                raise TwitchScopeError(
                    f"the {who} token ({token.login}) lacks the scopes {', '.join(missing)}; run "
                    "`vtuber twitch login` again to grant them (README: Connect Twitch)",
                    missing=missing,
                )

    async def _token_refreshed(self, payload: twitchio.TokenRefreshedPayload) -> None:
        accounts = self._accounts
        if accounts is None:
            return
        self.on_secret(payload.token)
        self.on_secret(payload.refresh_token)
        scopes = tuple(payload.scopes.selected) or None
        updated = {
            role: (accounts.bot if role == "bot" else accounts.broadcaster).refreshed(
                payload.token, payload.refresh_token, scopes
            )
            for role in accounts.roles_of(payload.user_id)
        }
        self._accounts = _Accounts(
            updated.get("bot", accounts.bot), updated.get("broadcaster", accounts.broadcaster)
        )
        self.stats.refreshes += 1
        for role, token in updated.items():
            await self._store(role, token)

    async def _store(self, role: Role, token: StoredToken, *, tries: int = 3) -> None:
        for attempt in range(1, tries + 1):
            try:
                await self.tokens.of(role).save(token.to_json())
                log.info("twitch: refreshed the %s token (%s) and stored it", role, token.login)
                return
            except Exception as exc:
                problem = f"could not store the refreshed {role} token ({type(exc).__name__})"
                log.error("twitch: %s, try %d of %d", problem, attempt, tries)
            if attempt < tries:
                await asyncio.sleep(1.0)
        self._status(
            "degraded", f"{problem}: is the database up? If this lasts, the next start needs {LOGIN_HINT}"
        )

    async def _save_current(self, client: _EventSubClient) -> None:
        """On close: store any token twitchio refreshed that is not stored yet."""
        accounts = self._accounts
        if accounts is None:
            return
        for data in client.tokens.values():
            for role in accounts.roles_of(data["user_id"]):
                token = accounts.bot if role == "bot" else accounts.broadcaster
                if token.access_token != data["token"]:
                    await self._store(role, token.refreshed(data["token"], data["refresh"], None))

    def _require_accounts(self) -> _Accounts:
        if self._accounts is None:
            raise TwitchUnavailable("Twitch is not connected yet")
        return self._accounts

    # ------------------------------------------------------------------ EventSub in

    async def _subscribe(self, client: _EventSubClient) -> None:
        failed = self._not_subscribed
        for payload, token_for in self._plan(self._require_accounts()):
            try:
                await self._subscribe_one(client, payload, token_for)
            except TwitchError:
                if isinstance(payload, eventsub.ChatMessageSubscription):
                    raise
                failed.append(str(payload.type))

    async def _subscribe_one(
        self, client: _EventSubClient, payload: eventsub.SubscriptionPayload, token_for: str
    ) -> None:
        """One subscription (429 and 5xx retried; a failure is logged with Twitch's reason)."""
        await self._helix(
            f"subscribe to {payload.type}",
            functools.partial(client.subscribe_websocket, payload, as_bot=False, token_for=token_for),
        )

    @staticmethod
    def _plan(accounts: _Accounts) -> list[tuple[eventsub.SubscriptionPayload, str]]:
        """Every subscription, with the user whose token makes it."""
        b, bot = accounts.broadcaster.user_id, accounts.bot.user_id
        return [
            (eventsub.ChatMessageSubscription(broadcaster_user_id=b, user_id=bot), bot),
            (eventsub.ChannelFollowSubscription(broadcaster_user_id=b, moderator_user_id=b), b),
            (eventsub.ChannelSubscribeSubscription(broadcaster_user_id=b), b),
            (eventsub.ChannelSubscribeMessageSubscription(broadcaster_user_id=b), b),
            (eventsub.ChannelSubscriptionGiftSubscription(broadcaster_user_id=b), b),
            (eventsub.ChannelCheerSubscription(broadcaster_user_id=b), b),
            (eventsub.ChannelRaidSubscription(to_broadcaster_user_id=b), b),
            (eventsub.ChannelPointsRedeemAddSubscription(broadcaster_user_id=b), b),
            (eventsub.StreamOnlineSubscription(broadcaster_user_id=b), b),
            (eventsub.StreamOfflineSubscription(broadcaster_user_id=b), b),
            (eventsub.ChannelUpdateSubscription(broadcaster_user_id=b), b),
        ]

    def _accept(self, payload: Any) -> None:
        """Every notification: de-duplicate, filter, normalise, queue. Nothing else."""
        key: object = None
        try:  # twitchio reads the metadata (message id, timestamp) lazily: it may fail here
            key = message_id(payload) or getattr(payload, "id", None)
            if key is not None and not self._seen.add(str(key)):
                self.stats.duplicates += 1
                return
            if isinstance(payload, twitchio.ChatMessage) and self._ignore(payload):
                self.stats.ignored += 1
                return
            event = normalize(payload, channel=self.channel)
        except Exception as exc:
            self._malformed(
                {
                    "subscription_type": str(getattr(payload, "subscription_type", "?")),
                    "message_id": str(key),
                    "problem": f"not a valid event: {type(exc).__name__}: {str(exc)[:150]}",
                }
            )
            return
        if event is not None:
            self._put(event)

    def _ignore(self, message: twitchio.ChatMessage) -> bool:
        accounts = self._accounts
        if self._own_echo(message):  # what the bot itself said
            return True
        if accounts is not None and not accounts.same and message.chatter.id == accounts.bot.user_id:
            return True
        return (message.chatter.name or "").lower() in self._ignored

    def _own_echo(self, message: twitchio.ChatMessage) -> bool:
        """The bot's own message: by the id Twitch answered, or, when the echo comes first, by the
        text being sent (one account as bot and broadcaster cannot be told apart by user id)."""
        accounts = self._accounts
        now = time.monotonic()
        self._own_texts = [(t, text) for t, text in self._own_texts if now - t < _OWN_ECHO_S]
        by_id = message.id in self._sent_ids
        if not by_id and (accounts is None or message.chatter.id != accounts.bot.user_id):
            return False
        text = " ".join(message.text.split())
        match = next((entry for entry in self._own_texts if entry[1] == text), None)
        if match is not None:
            self._own_texts.remove(match)
        return by_id or match is not None

    def _welcomed(self, payload: twitchio.WebsocketWelcome) -> None:
        self._welcomes += 1
        if self._welcomes > self._expected_sockets():
            self.stats.reconnects += 1
            self._reconnected = payload.id  # reported by _watch once it has subscribed again

    def _expected_sockets(self) -> int:
        accounts = self._accounts
        return 1 if accounts is None or accounts.same else 2

    def _revoked(self, payload: twitchio.SubscriptionRevoked) -> None:
        self.stats.revocations += 1
        reason = payload.status.value
        what = {
            "authorization_revoked": f"the account's authorisation was revoked; {LOGIN_HINT}",
            "user_removed": "the user no longer exists or was banned",
            "version_removed": "Twitch removed this subscription version; update the bot",
        }.get(reason, reason)
        log.error("twitch: Twitch revoked the %s subscription (%s): %s", payload.type, reason, what)
        self._revoked_types[payload.type] = reason
        if self._revoked_at is None:  # subscribed again auth_retry_s from now
            self._revoked_at = time.monotonic()
        self._status("revoked", f"{payload.type} revoked ({reason}): {what}")

    def _malformed(self, info: dict[str, str]) -> None:
        self.stats.malformed += 1
        log.error(
            "twitch: dropped a %s notification (message %s): %s",
            info.get("subscription_type"), info.get("message_id"), info.get("problem"),
        )  # fmt: skip
        self._put(
            ev.Metric(
                channel=self.channel,
                name="twitch_malformed_notifications",
                value=1.0,
                labels={"subscription_type": info.get("subscription_type", "?")[:64]},
            )
        )

    def _status(self, state: State, detail: str) -> None:
        if (state, detail) == (self.state, self.detail):
            return
        if self._revoked_at is not None and state in ("ok", "degraded"):
            return  # the revocation stays shown until it is subscribed again
        self.state, self.detail = state, detail
        level = logging.INFO if state == "ok" else logging.WARNING if state == "degraded" else logging.ERROR
        log.log(level, "twitch %s: %s", state, detail)
        self._put(
            ev.ComponentStatus(channel=self.channel, component="twitch", state=state, detail=detail[:500])
        )

    def _put(self, event: ev.EventBase) -> None:
        self._events.put(event)

    # ------------------------------------------------------------------ out: chat and moderation

    def _require(self) -> tuple[_EventSubClient, _Accounts]:
        client, accounts = self._client, self._accounts
        if client is None or accounts is None:
            raise TwitchUnavailable(f"Twitch is not connected ({self.detail or 'starting'})", retryable=True)
        return client, accounts

    async def reply(self, text: str, *, parent_id: str | None) -> list[str] | None:
        """Post a reply in chat when the persona enables chat replies; None when it does not."""
        if not self.chat_replies_enabled():
            return None
        return await self.send_chat(text, parent_id=parent_id)

    async def send_chat(self, text: str, *, parent_id: str | None = None) -> list[str]:
        """Send ``text`` as the bot (split, paced, threaded); returns the sent message ids."""
        client, accounts = self._require()
        channel = client.create_partialuser(accounts.broadcaster.user_id, accounts.broadcaster.login)
        bot = accounts.bot.user_id

        def send(part: str) -> Awaitable[twitchio.SentMessage]:
            call = functools.partial(
                channel.send_message, part, bot, token_for=bot, reply_to_message_id=parent_id
            )
            return self._helix("send a chat message", call, resend=False)

        ids: list[str] = []
        for part in split_message(text, max_parts=self.settings.chat_max_parts):
            waited = await self._rate.acquire()
            if waited > 0:
                log.info("twitch: waited %.1f s for the chat rate limit", waited)
            pending = (time.monotonic(), part)
            self._own_texts.append(pending)
            try:
                try:
                    sent = await send(part)
                except TwitchRejected as exc:
                    if parent_id is None or exc.status != 400:
                        raise
                    log.warning("twitch: cannot reply in the thread of %s (%s); sending it unthreaded",
                                parent_id, exc.reason)  # fmt: skip
                    parent_id = None
                    sent = await send(part)
            except TwitchError:
                with contextlib.suppress(ValueError):
                    self._own_texts.remove(pending)
                self.stats.chat_failed += 1
                raise
            self._sent_ids.add(sent.id)
            ids.append(sent.id)
            self.stats.chat_sent += 1
        return ids

    async def moderate(self, action: ev.TwitchModeration) -> str:
        """Carry out a timeout, ban, unban or delete as the broadcaster; returns what was done."""
        try:
            done = await self._moderate(action)
        except TwitchError:
            self.stats.moderation_failed += 1
            raise
        self.stats.moderation_done += 1
        log.info("twitch: %s (asked by %s)", done, action.by)
        return done

    async def _moderate(self, e: ev.TwitchModeration) -> str:
        client, accounts = self._require()
        channel = client.create_partialuser(accounts.broadcaster.user_id, accounts.broadcaster.login)
        mod = accounts.broadcaster.user_id
        reason = e.reason or None
        if e.action == "delete":
            if not e.message_id:
                raise self._refused("a delete needs the message_id of the chat message")
            message = e.message_id
            await self._helix(
                "delete a chat message",
                lambda: channel.delete_chat_messages(moderator=mod, message_id=message, token_for=mod),
            )
            return f"deleted chat message {message}"
        user = e.user_id or await self._user_id(client, e.login)
        who = e.login or user
        if e.action == "timeout":
            seconds = e.duration_s or 600
            await self._helix(
                "time out a viewer",
                lambda: channel.timeout_user(
                    moderator=mod, user=user, duration=seconds, reason=reason, token_for=mod
                ),
            )
            return f"timed out {who} for {seconds} s"
        if e.action == "ban":
            await self._helix(
                "ban a viewer",
                lambda: channel.ban_user(moderator=mod, user=user, reason=reason, token_for=mod),
            )
            return f"banned {who}"
        await self._helix(
            "unban a viewer", lambda: channel.unban_user(moderator=mod, user_id=user, token_for=mod)
        )
        return f"unbanned {who}"

    async def _user_id(self, client: _EventSubClient, login: str | None) -> str:
        if not login:
            raise self._refused("a timeout, ban or unban needs the viewer's user_id or login")
        users = await self._helix("look up a viewer", lambda: client.fetch_users(logins=[login]))
        if not users:
            raise self._refused(f"there is no Twitch user {login!r}")
        return str(users[0].id)

    @staticmethod
    def _refused(message: str) -> TwitchRejected:
        log.warning("twitch: %s", message)
        return TwitchRejected(message)

    async def _helix(self, what: str, call: Callable[[], Awaitable[T]], *, resend: bool = True) -> T:
        """One Helix call: 429 and 5xx retried with exponential back-off and jitter. With
        ``resend=False`` (a chat message: it must not be posted twice) only what surely did not
        reach Twitch is retried: a 429, or a connection that could not be opened."""
        cfg = self.settings
        attempt = 0
        while True:
            unsent = False
            try:
                return await call()
            except twitchio.MessageRejectedError as exc:
                error: TwitchError = TwitchRejected(
                    f"could not {what}: Twitch dropped it ({exc.message or 'no reason given'}, code {exc.code})",
                    reason=exc.message or "",
                )
            except Exception as exc:
                error = from_exception(exc, what)
                unsent = isinstance(exc, aiohttp.ClientConnectorError)
            if (
                error.retryable
                and (resend or unsent or isinstance(error, TwitchRateLimited))
                and attempt < cfg.retries
            ):
                delay = cfg.retry_base_s * 2**attempt * random.uniform(0.5, 1.5)
                if isinstance(error, TwitchRateLimited) and error.reset_at is not None:
                    delay = max(delay, min(error.reset_at - time.time(), _MAX_RESET_WAIT_S))
                attempt += 1
                self.stats.retries += 1
                log.warning(
                    "twitch: %s; retry %d of %d in %.2f s", error.message, attempt, cfg.retries, delay
                )
                await asyncio.sleep(delay)
                continue
            log.warning("twitch: %s", error.message)
            if isinstance(error, TwitchTokenRevoked):
                self._status("revoked", error.message)
            raise error
