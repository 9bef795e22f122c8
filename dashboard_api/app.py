"""The dashboard's FastAPI app factory.

``create_app(settings)`` builds the database sessions, the bus, the live feed hub, the login
limiter and the session signer in its lifespan. Collaborators that the dashboard may not
build itself (it never imports vendor SDKs) are injected: the model for persona previews,
and optionally the safety pipeline. ``vtuber dashboard`` wires them from the same settings
as the bot.

Routes: ``/health`` (public), ``/login`` and ``/public/*`` (public), ``/overlay`` (its own
token), and everything else behind a login: the pages, ``/static/*``, ``/api/*`` and the
``/api/feed`` websocket.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import redis.asyncio as aioredis
from argon2 import PasswordHasher
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from itsdangerous import Signer
from sqlalchemy import text

from config.settings import Settings, load_settings
from engines.ai.safety import DEFAULT_CLASSIFIER_THRESHOLD, SafetyPipeline
from engines.backends import LLMBackend
from streamer.bus import Bus, Keys, make_bus
from streamer.store import make_engine, make_sessionmaker

from . import (
    account_routes,
    actions,
    auth,
    memory_routes,
    monitor,
    overlay,
    pages,
    persona_editor,
    stats,
    studio_routes,
)
from .errors import validation_error
from .feed import FeedHub
from .inputs import forbid_control_in_schema
from .persona_editor import remember_status
from .ratelimit import Limits, LoginLimiter
from .state import Dashboard

log = logging.getLogger("dashboard_api")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def default_safety(settings: Settings) -> SafetyPipeline:
    """The local safety layers as the bot configures them (no remote moderation)."""
    return SafetyPipeline(
        allowed_domains=settings.safety.allowed_domains,
        classifier_threshold=settings.safety.classifier_threshold or DEFAULT_CLASSIFIER_THRESHOLD,
    )


SHUTDOWN_STEP_S = 10.0
"""The longest one step of the dashboard's shutdown may take before it is logged and skipped."""


async def _bounded(step: str, work: Awaitable[None], timeout_s: float = SHUTDOWN_STEP_S) -> None:
    """One shutdown step that cannot hold the dashboard up: a hang or an error is logged and skipped."""
    try:
        async with asyncio.timeout(timeout_s):
            await work
    except TimeoutError:
        log.error("shutdown: %s took over %.1f s; skipped", step, timeout_s)
    except Exception:
        log.exception("shutdown: %s failed; skipped", step)


def create_app(
    settings: Settings | None = None,
    *,
    preview_llm: LLMBackend | None = None,
    safety: SafetyPipeline | None = None,
    hasher: PasswordHasher | None = None,
    persona_apply_timeout_s: float = 10.0,
) -> FastAPI:
    """The dashboard app. ``preview_llm``: the model persona previews use (None: previews are off)."""
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        cfg = settings.dashboard
        engine = make_engine(settings.database_url.get_secret_value(), pool_size=settings.database.pool_size)
        bus = make_bus(settings)
        keys = Keys(settings.bus.prefix, settings.channel)
        redis = None
        if settings.redis_url is not None:
            redis = aioredis.from_url(
                settings.redis_url.get_secret_value(), decode_responses=False, socket_connect_timeout=2
            )
        elif settings.bus_backend == "memory":
            log.warning("dashboard without REDIS_URL: it sees only its own in-process bus, not a running bot")
        if settings.secret_key is not None:
            signing_key = settings.secret_key.get_secret_value()
        else:
            log.warning("VTUBER_SECRET_KEY is not set: dashboard logins end when the dashboard restarts")
            signing_key = secrets.token_urlsafe(32)
        pw_hasher = hasher or PasswordHasher()
        hub = FeedHub(
            bus, history=cfg.feed_history, batch_ms=cfg.feed_batch_ms, queue_frames=cfg.feed_queue_frames
        )
        d = Dashboard(
            settings=settings,
            sessions=make_sessionmaker(engine),
            bus=bus,
            hub=hub,
            limiter=LoginLimiter(
                Limits(cfg.login_window_s, cfg.login_attempts_per_ip, cfg.login_attempts_per_account),
                redis=redis,
                keys=keys,
            ),
            signer=Signer(signing_key, salt="vtuber-dashboard-session"),
            hasher=pw_hasher,
            dummy_hash=await asyncio.to_thread(pw_hasher.hash, secrets.token_urlsafe(16)),
            safety=safety or default_safety(settings),
            preview_llm=preview_llm,
            redis=redis,
            overlay_audio_channel=keys.overlay_audio if (cfg.overlay_audio and redis is not None) else None,
            persona_apply_timeout_s=persona_apply_timeout_s,
        )
        app.state.dash = d
        app.state.engine = engine
        app.state.bus = bus
        hub.listen(remember_status(d))
        hub.listen(d.status.on_delivery)
        await hub.start()
        try:
            yield
        finally:
            await hub.stop()
            await _bounded("closing the bus", bus.close())
            if redis is not None:
                await _bounded("closing the Redis client", redis.aclose())
            await _bounded("closing the database pool", engine.dispose())

    # the API description is served only to signed-in users (/api/openapi.json), not at /docs
    app = FastAPI(
        title="VTuber bot dashboard", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None
    )

    app.add_exception_handler(RequestValidationError, validation_error)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/health", tags=["health"])
    async def health() -> JSONResponse:
        """Database and bus reachability (public, for monitoring)."""
        checks: dict[str, Any] = {}
        try:
            async with app.state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            checks["database"] = "ok"
        except Exception as exc:  # report, never raise: this is the health endpoint
            checks["database"] = f"unreachable: {type(exc).__name__}"
        bus: Bus = app.state.bus
        try:
            checks["bus_input_length"] = await bus.length("input")
            checks["dead_letters"] = await bus.dead_letter_count()
            checks["bus"] = "ok"
        except Exception as exc:
            checks["bus"] = f"unreachable: {type(exc).__name__}"
        ok = checks["database"] == "ok" and checks["bus"] == "ok"
        return JSONResponse({"status": "ok" if ok else "degraded", **checks}, status_code=200 if ok else 503)

    plain_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        """The description, with the no-control-characters rule on the persona's strings too."""
        if app.openapi_schema is None:
            schema = plain_openapi()
            for name, component in schema.get("components", {}).get("schemas", {}).items():
                if name.split("-")[0] in ("Persona", "PersonaIn"):
                    forbid_control_in_schema(component)
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]

    @app.get("/api/openapi.json", include_in_schema=False)
    async def openapi_route(user: auth.SignedIn) -> JSONResponse:
        return JSONResponse(app.openapi())

    for module in (
        auth,
        account_routes,
        monitor,
        actions,
        persona_editor,
        stats,
        overlay,
        memory_routes,
        studio_routes,
        pages,
    ):
        app.include_router(module.router)
    return app
