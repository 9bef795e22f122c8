"""Account management for the streamer: add moderators, change passwords, remove accounts."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request, status
from pydantic import BaseModel, ConfigDict, Field

from .accounts import (
    MAX_PASSWORD,
    MIN_PASSWORD,
    NAME_PATTERN,
    AccountError,
    Role,
    create_account,
    delete_account,
    list_accounts,
    set_password,
)
from .auth import SIGNED_IN_RESPONSES, Streamer
from .inputs import NO_CONTROL
from .state import dash

log = logging.getLogger("dashboard_api.accounts")
router = APIRouter(prefix="/api/accounts", tags=["accounts"], responses=SIGNED_IN_RESPONSES)
AccountName = Annotated[str, Path(pattern=NAME_PATTERN)]
Password = Annotated[str, Field(min_length=MIN_PASSWORD, max_length=MAX_PASSWORD, pattern=NO_CONTROL)]


class AccountOut(BaseModel):
    name: str
    role: str
    created_by: str
    created_at: datetime


class AccountIn(BaseModel):
    model_config = ConfigDict(strict=True)
    name: Annotated[str, Field(pattern=NAME_PATTERN)]
    role: Role
    password: Password


class PasswordIn(BaseModel):
    model_config = ConfigDict(strict=True)
    password: Password


@router.get("")
async def accounts(user: Streamer, request: Request) -> list[AccountOut]:
    """Every dashboard account."""
    return [
        AccountOut(name=a.name, role=a.role, created_by=a.created_by, created_at=a.created_at)
        for a in await list_accounts(dash(request).sessions)
    ]


@router.post("", status_code=status.HTTP_201_CREATED, responses={409: {"description": "name taken"}})
async def add_account(body: AccountIn, user: Streamer, request: Request) -> AccountOut:
    """Add a moderator (or another streamer account)."""
    d = dash(request)
    try:
        a = await create_account(
            d.sessions, body.name, body.role, body.password, by=user.name, hasher=d.hasher
        )
    except AccountError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    log.info("account %s (%s) added by %s", a.name, a.role, user.name)
    return AccountOut(name=a.name, role=a.role, created_by=a.created_by, created_at=a.created_at)


@router.post(
    "/{name}/password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={404: {"description": "no such account"}},
)
async def change_password(name: AccountName, body: PasswordIn, user: Streamer, request: Request) -> None:
    """Set a new password; that account's sessions end."""
    d = dash(request)
    if not await set_password(d.sessions, name, body.password, hasher=d.hasher):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no account {name!r}")
    log.info("password of %s changed by %s", name, user.name)


@router.delete(
    "/{name}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={
        404: {"description": "no such account"},
        409: {"description": "the last streamer, or the signed-in account itself"},
    },
)
async def remove_account(name: AccountName, user: Streamer, request: Request) -> None:
    """Remove an account and end its sessions (not the last streamer account, not one's own)."""
    d = dash(request)
    if name == user.name:
        log.warning("%s tried to remove their own account", user.name)
        raise HTTPException(status.HTTP_409_CONFLICT, "you cannot remove your own account")
    try:
        removed = await delete_account(d.sessions, name)
    except AccountError as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, str(exc)) from None
    if not removed:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no account {name!r}")
    log.info("account %s removed by %s", name, user.name)
