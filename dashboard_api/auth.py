"""Logins, sessions and who may do what.

- A session is a random token in an HttpOnly, SameSite=Strict cookie (Secure unless
  ``dashboard.cookie_secure`` is off), signed with ``VTUBER_SECRET_KEY`` so a forged
  cookie is refused without a database query. The database stores only its SHA-256.
- Every state-changing request must carry the session's CSRF token in ``X-CSRF-Token``.
- Websockets need the cookie and a same-origin ``Origin``.
- Roles: ``streamer`` may do everything; ``moderator`` may not touch personas or accounts.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request, Response, WebSocket, status
from itsdangerous import BadSignature
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, select

from streamer.store.models import DashboardAccount, DashboardSession

from .accounts import MAX_PASSWORD, Account, account_of, authenticate
from .client_address import client_address
from .inputs import NO_CONTROL
from .state import Dashboard, dash

log = logging.getLogger("dashboard_api.auth")

COOKIE = "vtuber_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SIGNED_IN_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "the request body could not be read (not UTF-8 JSON)"},
    401: {"description": "not logged in"},
    403: {"description": "missing CSRF token, or a moderator asked for a streamer-only route"},
}
"""Documented on every route behind a login."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class User:
    """The signed-in account of a request, with its session's CSRF token."""

    account: Account
    csrf: str

    @property
    def name(self) -> str:
        return self.account.name

    @property
    def role(self) -> str:
        return self.account.role


# ---------------------------------------------------------------- sessions


async def open_session(d: Dashboard, account: Account) -> tuple[str, str]:
    """A new session for ``account``: (cookie value, CSRF token)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = datetime.now(UTC) + timedelta(hours=d.settings.dashboard.session_hours)
    async with d.sessions() as s, s.begin():
        s.add(
            DashboardSession(
                token_hash=token_hash(token), account_id=account.id, csrf=csrf, expires_at=expires
            )
        )
        await s.execute(delete(DashboardSession).where(DashboardSession.expires_at < datetime.now(UTC)))
    return d.signer.sign(token).decode(), csrf


def _unsign(d: Dashboard, cookie: str | None) -> str | None:
    if not cookie or len(cookie) > 512:
        return None
    try:
        return d.signer.unsign(cookie).decode()
    except (BadSignature, UnicodeDecodeError):
        return None


async def session_user(d: Dashboard, cookie: str | None) -> User | None:
    """The user a session cookie belongs to, or None (absent, forged, expired or revoked)."""
    token = _unsign(d, cookie)
    if token is None:
        return None
    query = (
        select(DashboardAccount, DashboardSession.csrf)
        .join(DashboardSession, DashboardSession.account_id == DashboardAccount.id)
        .where(
            DashboardSession.token_hash == token_hash(token), DashboardSession.expires_at > datetime.now(UTC)
        )
    )
    async with d.sessions() as s:
        row = (await s.execute(query)).first()
    if row is None:
        return None
    return User(account_of(row[0]), row[1])


async def close_session(d: Dashboard, cookie: str | None) -> None:
    token = _unsign(d, cookie)
    if token is not None:
        async with d.sessions() as s, s.begin():
            await s.execute(delete(DashboardSession).where(DashboardSession.token_hash == token_hash(token)))


# ---------------------------------------------------------------- dependencies


async def current_user(request: Request) -> User:
    """Any signed-in account; state-changing methods must also send the CSRF token."""
    user = await session_user(dash(request), request.cookies.get(COOKIE))
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "log in first")
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent.encode(), user.csrf.encode()):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"missing or wrong {CSRF_HEADER} header")
    return user


async def streamer_user(user: Annotated[User, Depends(current_user)]) -> User:
    """The streamer only (personas, accounts, the overlay token)."""
    if not user.account.is_streamer:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only the streamer may do this")
    return user


SignedIn = Annotated[User, Depends(current_user)]
Streamer = Annotated[User, Depends(streamer_user)]


def same_origin(headers: Any) -> bool:
    """True when the Origin header is absent or names the host the request was sent to."""
    origin: str | None = headers.get("origin")
    if origin is None:
        return True
    host: str = headers.get("host", "")
    return urlsplit(origin).netloc.lower() == host.lower()


async def websocket_user(websocket: WebSocket) -> User | None:
    """The signed-in user of a websocket handshake (cookie and same origin), or None."""
    if not same_origin(websocket.headers):
        return None
    return await session_user(dash(websocket), websocket.cookies.get(COOKIE))


# ---------------------------------------------------------------- routes

router = APIRouter(prefix="/api", tags=["auth"])
_signed_in = SIGNED_IN_RESPONSES


class LoginIn(BaseModel):
    model_config = ConfigDict(strict=True)
    name: str = Field(min_length=1, max_length=64, pattern=NO_CONTROL)
    password: str = Field(min_length=1, max_length=MAX_PASSWORD, pattern=NO_CONTROL)


class Me(BaseModel):
    name: str
    role: str
    csrf: str


@router.post(
    "/login",
    responses={
        400: SIGNED_IN_RESPONSES[400],
        401: {"description": "wrong name or password"},
        429: {"description": "too many failed logins"},
    },
)
async def login(body: LoginIn, request: Request, response: Response) -> Me:
    """Sign in; sets the session cookie and returns the CSRF token for later requests."""
    d = dash(request)
    ip = client_address(request, d.settings.dashboard.trusted_proxies)
    wait = await d.limiter.retry_after(ip, body.name)
    if wait is not None:
        log.warning("dashboard login refused for %r from %s: rate limited", body.name, ip)
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS, "too many failed logins; try again later",
            headers={"Retry-After": str(wait)},
        )  # fmt: skip
    account = await authenticate(
        d.sessions, body.name, body.password, hasher=d.hasher, dummy_hash=d.dummy_hash
    )
    if account is None:
        await d.limiter.failed(ip, body.name)
        log.warning("dashboard login failed for %r from %s", body.name, ip)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong name or password")
    await d.limiter.succeeded(ip, body.name)
    cookie, csrf = await open_session(d, account)
    response.set_cookie(
        COOKIE, cookie, max_age=int(d.settings.dashboard.session_hours * 3600), path="/",
        httponly=True, samesite="strict", secure=d.settings.dashboard.cookie_secure,
    )  # fmt: skip
    log.info("dashboard login: %s (%s) from %s", account.name, account.role, ip)
    return Me(name=account.name, role=account.role, csrf=csrf)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, responses=_signed_in)
async def logout(user: SignedIn, request: Request, response: Response) -> None:
    """End this session."""
    await close_session(dash(request), request.cookies.get(COOKIE))
    response.delete_cookie(
        COOKIE,
        path="/",
        httponly=True,
        samesite="strict",
        secure=dash(request).settings.dashboard.cookie_secure,
    )
    log.info("dashboard logout: %s", user.name)


@router.get("/me", responses=_signed_in)
async def me(user: SignedIn) -> Me:
    """Who is signed in, their role, and the CSRF token to send with changes."""
    return Me(name=user.name, role=user.role, csrf=user.csrf)
