"""`vtuber twitch login`: authorise the bot and broadcaster accounts with the device code flow.

For each account the command prints Twitch's activation address and a code; the person logs
in to Twitch as that account, enters the code and allows the scopes. The token is checked
(right account, every scope granted) and saved in the token store (the app's is encrypted in
the database). When one account is both bot and broadcaster, one login grants both sets.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import twitchio
from twitchio.authentication import OAuth

from config.settings import TwitchSettings
from integrations.twitch import patches
from integrations.twitch.errors import TwitchAuthError, TwitchError, TwitchScopeError, from_exception
from integrations.twitch.scopes import Role, scopes_for
from integrations.twitch.tokens import StoredToken, TwitchTokenStores

__all__ = ["LoginStep", "login", "plan_login"]


@dataclass(frozen=True, slots=True)
class LoginStep:
    """One device login: which account, the scopes it grants, the stores it fills."""

    label: str
    login: str
    scopes: tuple[str, ...]
    roles: tuple[Role, ...]


def plan_login(settings: TwitchSettings, *, broadcaster_login: str, roles: Sequence[Role]) -> list[LoginStep]:
    """The logins to do: one when the bot speaks as the broadcaster, else one per asked role."""
    bot_login = settings.bot_login or broadcaster_login
    if bot_login == broadcaster_login:
        scopes = scopes_for("broadcaster", same_account=True)
        return [LoginStep("bot and broadcaster", broadcaster_login, scopes, ("bot", "broadcaster"))]
    logins = {"bot": bot_login, "broadcaster": broadcaster_login}
    return [LoginStep(role, logins[role], scopes_for(role, same_account=False), (role,)) for role in roles]


async def login(
    settings: TwitchSettings,
    *,
    broadcaster_login: str,
    tokens: TwitchTokenStores,
    say: Callable[[str], None],
    roles: Sequence[Role] = ("bot", "broadcaster"),
) -> list[StoredToken]:
    """Run the device code flow for each planned account and store the tokens."""
    patches.point_at(
        helix_url=settings.helix_url, oauth_url=settings.oauth_url, eventsub_ws_url=settings.eventsub_ws_url
    )
    oauth = OAuth(
        client_id=settings.client_id, client_secret=settings.client_secret.get_secret_value() or None
    )
    stored: list[StoredToken] = []
    try:
        for step in plan_login(settings, broadcaster_login=broadcaster_login, roles=roles):
            token = await _device_login(oauth, step, say)
            for role in step.roles:
                await tokens.of(role).save(token.to_json())
            say(f"Stored the {step.label} token for {token.login} (user id {token.user_id}), encrypted.")
            stored.append(token)
    finally:
        await oauth.close()
    return stored


async def _device_login(oauth: OAuth, step: LoginStep, say: Callable[[str], None]) -> StoredToken:
    scopes = twitchio.Scopes(list(step.scopes))
    try:
        code = await oauth.device_code_flow(scopes=scopes)
        say(
            f"Log in to Twitch as {step.login} ({step.label} account), then open "
            f"{code['verification_uri']} and enter the code {code['user_code']}. Waiting…"
        )
        async with _expiry(code["expires_in"]):
            granted = await oauth.device_code_authorization(
                scopes=scopes, device_code=code["device_code"], interval=int(code["interval"])
            )
        valid = await oauth.validate_token(granted["access_token"])
    except TimeoutError:
        raise TwitchAuthError(
            "the code expired before it was entered; run `vtuber twitch login` again"
        ) from None
    except twitchio.DeviceCodeFlowException as exc:
        raise TwitchAuthError(
            f"Twitch refused the device login ({exc.reason.value}); run `vtuber twitch login` again"
        ) from None
    except ValueError as exc:  # twitchio meets a refusal reason it does not know
        raise TwitchAuthError(
            f"Twitch refused the device login ({exc}); run `vtuber twitch login` again"
        ) from None
    except TwitchError:
        raise
    except Exception as exc:
        raise from_exception(exc, "log in to Twitch") from None
    if not valid.login or not valid.user_id or valid.login.lower() != step.login:
        raise TwitchAuthError(
            f"you authorised as {valid.login}, but the {step.label} account is {step.login}: run `vtuber "
            f"twitch login` again and log in to Twitch as {step.login} first (a private window helps)"
        )
    missing = tuple(s for s in step.scopes if s not in valid.scopes)
    if missing:
        raise TwitchScopeError(
            f"the {step.label} login did not grant {', '.join(missing)}; run `vtuber twitch login` again",
            missing=missing,
        )
    return StoredToken(
        user_id=valid.user_id,
        login=valid.login,
        access_token=granted["access_token"],
        refresh_token=granted["refresh_token"],
        scopes=tuple(sorted(valid.scopes)),
    )


def _expiry(seconds: object) -> asyncio.Timeout:
    return asyncio.timeout(float(seconds) if isinstance(seconds, int | float) else 1_800.0)
