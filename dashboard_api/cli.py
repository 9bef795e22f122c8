"""The dashboard's ``vtuber`` commands: ``dashboard``, ``user add|list|remove`` and
``overlay rotate-token``.

They reach the ``vtuber`` command as a plugin: pyproject.toml names :data:`commands` in the
``vtuber.commands`` entry-point group and ``streamer/cli.py`` merges it into its own, so the
bot's package never imports this one. This module is the web process's composition root: it
builds the preview model through the provider registry, never through ``streamer.app``.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.markup import escape
from rich.table import Table
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from config.settings import Settings
from streamer.cli_common import ConfigOption, console, load, run

if TYPE_CHECKING:
    import uvicorn

__all__ = ["commands"]

T = TypeVar("T")

commands = typer.Typer(add_completion=False)
"""Merged into the top level of ``vtuber``: each command and group keeps its name."""

user_cli = typer.Typer(help="Dashboard accounts: the streamer (admin) and moderators.", no_args_is_help=True)
overlay_cli = typer.Typer(help="The OBS overlay page (a browser source).", no_args_is_help=True)
commands.add_typer(user_cli, name="user")
commands.add_typer(overlay_cli, name="overlay")


async def _on_store(
    settings: Settings, work: Callable[[async_sessionmaker[AsyncSession]], Awaitable[T]]
) -> T:
    """Run ``work(sessions)`` on the configured database, migrated to the newest schema first."""
    from streamer.store import make_engine, make_sessionmaker, upgrade

    url = settings.database_url.get_secret_value()
    await upgrade(url)
    engine = make_engine(url)
    try:
        return await work(make_sessionmaker(engine))
    finally:
        await engine.dispose()


@user_cli.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Login name: letters, digits, '_', '.' or '-'.")],
    role: Annotated[str, typer.Option(help="streamer (may do everything) or moderator.")] = "moderator",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from the first line of stdin.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Create a dashboard account (the first one should be the streamer: --role streamer)."""
    settings = load(config)
    from argon2 import PasswordHasher

    from dashboard_api.accounts import AccountError, check_name, check_password, create_account

    try:
        check_name(name)
        if role not in ("streamer", "moderator"):
            raise AccountError("--role must be streamer or moderator")
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        check_password(password)
    except AccountError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from None

    try:
        asyncio.run(_on_store(
            settings, lambda s: create_account(s, name, role, password, by="cli", hasher=PasswordHasher())
        ))  # fmt: skip
    except AccountError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None
    console.print(f"[green]account {escape(name)} ({role}) created[/green]")


@user_cli.command("list")
def user_list(config: ConfigOption = None) -> None:
    """List the dashboard accounts."""
    settings = load(config)
    from dashboard_api.accounts import list_accounts

    accounts = asyncio.run(_on_store(settings, list_accounts))
    if not accounts:
        console.print("no accounts yet: `vtuber user add NAME --role streamer`")
        return
    table = Table(title="Dashboard accounts", show_edge=False)
    for column in ("name", "role", "created by", "created"):
        table.add_column(column)
    for a in accounts:
        table.add_row(escape(a.name), a.role, escape(a.created_by), f"{a.created_at:%Y-%m-%d %H:%M}")
    console.print(table)


@user_cli.command("remove")
def user_remove(
    name: Annotated[str, typer.Argument(help="The account to remove.")], config: ConfigOption = None
) -> None:
    """Remove a dashboard account and end its sessions (not the last streamer)."""
    settings = load(config)
    from dashboard_api.accounts import AccountError, delete_account

    try:
        removed = asyncio.run(_on_store(settings, lambda s: delete_account(s, name)))
    except AccountError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None
    if not removed:
        console.print(f"[red]no account {escape(name)}[/red]")
        raise typer.Exit(1)
    console.print(f"account {escape(name)} removed")


@overlay_cli.command("rotate-token")
def overlay_rotate_token(config: ConfigOption = None) -> None:
    """Make a new overlay URL (the old one stops working) and print it once."""
    settings = load(config)
    from dashboard_api.overlay import rotate_overlay_token

    token = asyncio.run(_on_store(settings, lambda s: rotate_overlay_token(s, by="cli")))
    cfg = settings.dashboard
    base = (cfg.public_url or f"http://{cfg.host}:{cfg.port}").rstrip("/")
    sys.stdout.write(f"{base}/overlay?token={token}\n")


def server_config(app: Any, host: str, port: int, **options: Any) -> uvicorn.Config:
    """uvicorn's settings for the dashboard. X-Forwarded-For is left to the app, which believes it
    only from ``dashboard.trusted_proxies`` (uvicorn would believe it from loopback by default):
    see :mod:`dashboard_api.client_address`."""
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, proxy_headers=False, **options)


@commands.command()
def dashboard(
    config: ConfigOption = None,
    preview: Annotated[
        bool, typer.Option("--preview/--no-preview", help="Start the model for persona previews.")
    ] = True,
) -> None:
    """Serve the dashboard (chat monitor, persona editor, stats, overlay) on dashboard.host:port."""
    settings = load(config)
    import uvicorn

    from dashboard_api.app import create_app
    from integrations.registry import build_llm, build_safety
    from streamer.store import upgrade

    async def go() -> None:
        await upgrade(settings.database_url.get_secret_value())
        parts = await build_llm(settings) if preview else None
        try:
            app = create_app(
                settings, preview_llm=None if parts is None else parts.llm, safety=build_safety(settings)
            )
            cfg = settings.dashboard
            console.print(f"dashboard on http://{cfg.host}:{cfg.port} (Ctrl-C stops it)")
            await uvicorn.Server(server_config(app, cfg.host, cfg.port, log_config=None)).serve()
        finally:
            if parts is not None:
                await parts.llm.aclose()
                if parts.server is not None:
                    await parts.server.stop()

    run(go())
