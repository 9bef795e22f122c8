"""Dashboard fixtures: the app on the test's PostgreSQL and Redis, with a streamer and a moderator."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from config.settings import Settings
from dashboard_api.app import create_app
from tests.support.browser_stack import Stack, chromium, running_stack
from tests.support.dashboard_env import FAST_HASHER, add_account, dashboard_settings

STREAMER = "streamer_sam"
MODERATOR = "mod_mia"


@pytest.fixture
def settings(pg_url: str, redis_url: str, redis_prefix: str) -> Settings:
    return dashboard_settings(pg_url, redis_url, redis_prefix)


@pytest.fixture
def accounts(pg_url: str) -> None:
    asyncio.run(add_account(pg_url, STREAMER, "streamer"))
    asyncio.run(add_account(pg_url, MODERATOR, "moderator"))


@pytest.fixture
def client(settings: Settings, accounts: None) -> Iterator[TestClient]:
    app = create_app(settings, hasher=FAST_HASHER, persona_apply_timeout_s=5.0)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def stack(pg_url: str, redis_url: str, redis_prefix: str, accounts: None) -> Iterator[Stack]:
    """The served dashboard and the real bot on the test's Redis and PostgreSQL."""
    with running_stack(pg_url, redis_url, redis_prefix) as s:
        yield s


@pytest.fixture
def browser(stack: Stack) -> Iterator[Browser]:
    """Set up after the stack (Playwright's sync API keeps an event loop running in this
    thread, so nothing may call asyncio.run while it is open)."""
    with chromium() as b:
        yield b
