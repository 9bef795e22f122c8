"""The web pages: plain HTML, JS and CSS from ``static/``, no build step, nothing from the network.

Pages and ``/static/*`` need a login (a page redirects to ``/login``); ``/login`` and
``/public/*`` (the login and overlay scripts and the stylesheet) do not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from .auth import COOKIE, session_user
from .state import dash

router = APIRouter(include_in_schema=False)
STATIC = Path(__file__).with_name("static")
PUBLIC = STATIC / "public"
AssetName = Annotated[str, PathParam(pattern=r"^[a-z0-9_-]{1,64}\.(js|css|svg)$")]
_TYPES = {"js": "text/javascript", "css": "text/css", "svg": "image/svg+xml"}
PAGES = {
    "monitor": "monitor.html",
    "persona": "persona.html",
    "stats": "stats.html",
    "accounts": "accounts.html",
    "memory": "memory.html",
    "studio": "studio.html",
}
REFUSED = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Streamer only · VTuber dashboard</title>'
    '<link rel="stylesheet" href="/public/style.css"></head><body><main>'
    '<div class="panel refused" role="alert"><h2>Streamer only</h2>'
    "<p>Only the streamer may open this page. Moderators have the chat monitor and the stats.</p>"
    '<p><a href="/monitor">Back to the chat monitor</a></p></div></main></body></html>'
)
"""The page a moderator gets for a streamer-only page (styled like the rest)."""
STREAMER_PAGES = frozenset({"persona", "accounts"})


def _asset(folder: Path, name: str) -> FileResponse:
    path = folder / name
    if not path.is_file():
        raise HTTPException(404, "not found")
    return FileResponse(
        path, media_type=_TYPES[name.rsplit(".", 1)[1]], headers={"Cache-Control": "no-cache"}
    )


@router.get("/")
async def home() -> RedirectResponse:
    return RedirectResponse("/monitor", status_code=303)


@router.get("/login")
async def login_page() -> FileResponse:
    return FileResponse(STATIC / "login.html", headers={"Cache-Control": "no-store"})


@router.get("/public/{name}")
async def public_asset(name: AssetName) -> FileResponse:
    return _asset(PUBLIC, name)


@router.get("/static/{name}")
async def asset(name: AssetName, request: Request) -> FileResponse:
    if await session_user(dash(request), request.cookies.get(COOKIE)) is None:
        raise HTTPException(401, "log in first")
    return _asset(STATIC, name)


def _page_route(page: str, filename: str) -> None:
    async def serve(request: Request) -> Response:
        user = await session_user(dash(request), request.cookies.get(COOKIE))
        if user is None:
            return RedirectResponse(f"/login?next=/{page}", status_code=303)
        if page in STREAMER_PAGES and not user.account.is_streamer:
            return HTMLResponse(REFUSED, status_code=403)
        return FileResponse(STATIC / filename, headers={"Cache-Control": "no-store"})

    serve.__name__ = f"page_{page}"
    router.add_api_route(f"/{page}", serve, methods=["GET"])


for _page, _file in PAGES.items():
    _page_route(_page, _file)
