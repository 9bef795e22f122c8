"""The dashboard's FastAPI app factory.

So far it serves only ``/health`` (database and bus reachability); the chat monitor, the
persona editor and the overlay page are built on this factory.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from sqlalchemy import text

from config.settings import Settings, load_settings
from streamer.bus import Bus, make_bus
from streamer.store import make_engine


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = make_engine(settings.database_url.get_secret_value())
        app.state.bus = make_bus(settings)
        yield
        await app.state.bus.close()
        await app.state.engine.dispose()

    app = FastAPI(title="VTuber bot dashboard", lifespan=lifespan)

    @app.get("/health")
    async def health() -> JSONResponse:
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
            checks["bus"] = "ok"
        except Exception as exc:
            checks["bus"] = f"unreachable: {type(exc).__name__}"
        ok = checks["database"] == "ok" and checks["bus"] == "ok"
        return JSONResponse({"status": "ok" if ok else "degraded", **checks}, status_code=200 if ok else 503)

    return app
