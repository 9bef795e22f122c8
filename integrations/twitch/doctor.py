"""`vtuber doctor`, the Twitch part: is everything in place for a live stream, and if not, what to do.

Checks, in order: the settings; the client id and secret (an app token from
``oauth2/token``); each stored token (``oauth2/validate``: right client id, right account,
every scope; an expired one is refreshed and stored); the accounts on Helix; and the EventSub
WebSocket (a welcome within ``ws_timeout_s``). Each check says what is wrong and how to fix it.
When one account plays both parts, both stored copies are checked if they differ (the bot's
copy is the one the bot uses).
"""

from __future__ import annotations

import asyncio
import time

import aiohttp
import twitchio
from twitchio.authentication import OAuth

from config.settings import TwitchSettings
from engines.checks import Check
from integrations.twitch import patches
from integrations.twitch.errors import (
    LOGIN_HINT,
    TwitchError,
    TwitchTokenRevoked,
    TwitchUnavailable,
    from_exception,
)
from integrations.twitch.scopes import Role, missing_scopes, why
from integrations.twitch.tokens import TwitchTokenStores

__all__ = ["run_checks"]


async def run_checks(
    settings: TwitchSettings,
    *,
    broadcaster_login: str,
    tokens: TwitchTokenStores | None,
    no_tokens: tuple[str, str] | None = None,
    ws_timeout_s: float = 10.0,
) -> list[Check]:
    """``no_tokens``: (why, fix) when ``tokens`` is None; by default, VTUBER_SECRET_KEY is not set."""
    checks: list[Check] = []
    if not settings.enabled:
        checks.append(
            Check("twitch", "warn", "twitch.enabled is false: `vtuber run` will not connect to Twitch",
                  "set enabled = true under [twitch] in vtuber.toml (README: Connect Twitch)")
        )  # fmt: skip
        if not settings.client_id:
            return checks
    if not settings.client_id or not settings.client_secret.get_secret_value():
        checks.append(
            Check("client id and secret", "fail", "twitch.client_id or twitch.client_secret is not set",
                  "register an application at dev.twitch.tv/console (README: Connect Twitch), put its Client ID "
                  "in twitch.client_id and its secret in VTUBER_TWITCH__CLIENT_SECRET")
        )  # fmt: skip
        return checks
    patches.point_at(
        helix_url=settings.helix_url, oauth_url=settings.oauth_url, eventsub_ws_url=settings.eventsub_ws_url
    )
    oauth = OAuth(client_id=settings.client_id, client_secret=settings.client_secret.get_secret_value())
    try:
        app_token = await _app_token(oauth, checks, settings)
        if app_token is None:
            return checks
        same = (settings.bot_login or broadcaster_login) == broadcaster_login
        user_ids: dict[str, str] = {}
        if tokens is None:
            why, fix = no_tokens or (
                "VTUBER_SECRET_KEY is not set, so no Twitch token can be stored",
                "create a key with `vtuber config keygen`, export VTUBER_SECRET_KEY, then `vtuber twitch login`",
            )
            checks.append(Check("stored tokens", "fail", why, fix))
        else:
            groups: list[tuple[Role, ...]] = [("bot",), ("broadcaster",)]
            if same and await _one_copy(tokens):
                groups = [("bot", "broadcaster")]
            for roles in groups:
                expected = (
                    broadcaster_login if "broadcaster" in roles else settings.bot_login or broadcaster_login
                )
                user_id = await _token_check(oauth, tokens, roles, expected, same, checks, settings)
                if user_id:
                    user_ids[expected] = user_id
        await _users_check(oauth, app_token, settings, broadcaster_login, user_ids, checks)
    finally:
        await oauth.close()
    checks.append(await _eventsub_check(settings.eventsub_ws_url, ws_timeout_s))
    return checks


async def _app_token(oauth: OAuth, checks: list[Check], settings: TwitchSettings) -> str | None:
    try:
        payload = await oauth.client_credentials_token()
    except Exception as exc:
        error = from_exception(exc, "get an app token")
        fix = (
            f"check the network, or twitch.oauth_url ({settings.oauth_url})"
            if isinstance(error, TwitchUnavailable)
            else "fix twitch.client_id / VTUBER_TWITCH__CLIENT_SECRET"
        )
        checks.append(Check("client id and secret", "fail", str(error), fix))
        return None
    checks.append(Check("client id and secret", "ok", f"Twitch accepts client id {settings.client_id}"))
    return payload.access_token


async def _one_copy(tokens: TwitchTokenStores) -> bool:
    """Whether both stores hold the same token (as `vtuber twitch login` leaves them)."""
    try:
        return await tokens.bot.load() == await tokens.broadcaster.load()
    except Exception:
        return True  # the check itself says why they cannot be read


async def _token_check(
    oauth: OAuth,
    tokens: TwitchTokenStores,
    roles: tuple[Role, ...],
    expected: str,
    same: bool,
    checks: list[Check],
    settings: TwitchSettings,
) -> str | None:
    role = roles[0]
    name = " and ".join(roles) + " token"
    try:
        token = await tokens.load(role)
    except TwitchError as exc:
        checks.append(Check(name, "fail", str(exc), LOGIN_HINT))
        return None
    except ValueError as exc:  # the key cannot decrypt it (streamer.store.secrets.SecretKeyError)
        checks.append(Check(name, "fail", f"cannot read the stored token: {exc}",
                            f"set the VTUBER_SECRET_KEY it was stored with, or {LOGIN_HINT}"))  # fmt: skip
        return None
    except Exception as exc:  # the database
        checks.append(Check(name, "fail", f"cannot read the stored token ({type(exc).__name__})",
                            "start the database, and run `vtuber db upgrade`"))  # fmt: skip
        return None
    note = ""
    try:
        valid = await oauth.validate_token(token.access_token)
    except twitchio.HTTPException as exc:
        if exc.status != 401:
            checks.append(Check(name, "fail", str(from_exception(exc, "validate the token")), ""))
            return None
        try:  # expired: refresh and store, as the bot would
            fresh = await oauth.refresh_token(token.refresh_token)
        except Exception as exc:
            error = from_exception(exc, f"refresh the {name} ({token.login})")
            revoked = isinstance(error, TwitchTokenRevoked)
            detail = f"the {name} ({token.login}) was revoked or has expired and cannot be refreshed ({error.reason})"
            checks.append(
                Check(name, "fail", detail if revoked else str(error), LOGIN_HINT if revoked else "")
            )
            return None
        token = token.refreshed(fresh.access_token, fresh.refresh_token, None)
        try:
            for each in roles:
                await tokens.of(each).save(token.to_json())
        except Exception as exc:
            checks.append(Check(name, "fail", f"the {name} was refreshed, but could not be stored "
                                f"({type(exc).__name__})", "start the database, and run `vtuber db upgrade`"))  # fmt: skip
            return None
        try:
            valid = await oauth.validate_token(token.access_token)
        except Exception as exc:
            checks.append(Check(name, "fail", str(from_exception(exc, "validate the refreshed token")), ""))
            return None
        note = "; it had expired and was refreshed and stored"
    except Exception as exc:
        checks.append(Check(name, "fail", str(from_exception(exc, "validate the token")), ""))
        return None
    problems: list[str] = []
    if valid.client_id != settings.client_id:
        problems.append(f"it was issued to client id {valid.client_id}, not twitch.client_id")
    if (valid.login or "").lower() != expected:
        problems.append(f"it belongs to {valid.login}, not {expected}")
    missing = missing_scopes(role, valid.scopes, same_account=same)
    if missing:
        problems.append("it lacks " + ", ".join(f"{s} ({why(s)})" for s in missing))
    if problems:
        checks.append(Check(name, "fail", "; ".join(problems), LOGIN_HINT))
        return None
    hours = valid.expires_in / 3600
    checks.append(
        Check(name, "ok", f"{valid.login} (id {valid.user_id}), all scopes, valid for {hours:.1f} h "
              f"(refreshed automatically){note}")
    )  # fmt: skip
    return valid.user_id


async def _users_check(
    oauth: OAuth,
    app_token: str,
    settings: TwitchSettings,
    broadcaster_login: str,
    user_ids: dict[str, str],
    checks: list[Check],
) -> None:
    logins = sorted({broadcaster_login, settings.bot_login or broadcaster_login})
    route = twitchio.Route(
        "GET", "users", params={"login": logins}, headers={"Authorization": f"Bearer {app_token}"}
    )
    try:
        data = await oauth.request_json(route)
    except Exception as exc:
        checks.append(Check("accounts", "fail", str(from_exception(exc, "look up the accounts")), ""))
        return
    found = {str(u["login"]).lower(): str(u["id"]) for u in data.get("data", [])}
    missing = [login for login in logins if login not in found]
    if missing:
        checks.append(
            Check("accounts", "fail", f"no Twitch user {', '.join(missing)}",
                  "fix `channel`, twitch.broadcaster_login or twitch.bot_login")
        )  # fmt: skip
        return
    wrong = [f"{login} is {found[login]}" for login, uid in user_ids.items() if found.get(login) != uid]
    if wrong:
        checks.append(
            Check("accounts", "fail", "stored tokens name other ids: " + ", ".join(wrong), LOGIN_HINT)
        )
        return
    checks.append(Check("accounts", "ok", ", ".join(f"{login} = {found[login]}" for login in logins)))


async def _eventsub_check(url: str, timeout_s: float) -> Check:
    started = time.perf_counter()
    try:
        async with (
            aiohttp.ClientSession() as session,
            asyncio.timeout(timeout_s),
            session.ws_connect(url) as ws,
        ):
            message = await ws.receive_json()
    except Exception as exc:
        return Check("eventsub", "fail", f"cannot open the EventSub WebSocket {url}: {type(exc).__name__}",
                     "check the network, a firewall or proxy, or twitch.eventsub_ws_url")  # fmt: skip
    kind = message.get("metadata", {}).get("message_type") if isinstance(message, dict) else None
    if kind != "session_welcome":
        return Check(
            "eventsub",
            "fail",
            f"{url} answered {kind!r}, not session_welcome",
            "check twitch.eventsub_ws_url",
        )
    ms = (time.perf_counter() - started) * 1000
    return Check("eventsub", "ok", f"welcome from {url} in {ms:.0f} ms")
