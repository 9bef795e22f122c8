"""What every ``vtuber`` command shares: the console, the --config option, loading the
settings, and running a coroutine until it ends or Ctrl-C.

Command plugins (the dashboard's, in ``dashboard_api/cli.py``) import this module, never
``streamer.cli``, so the web package does not load the bot's composition root.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from config.settings import ConfigError, Settings, load_settings, secret_values
from streamer.logs import setup_logging

__all__ = ["ConfigOption", "console", "load", "run"]

console = Console()

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="TOML config file (default: $VTUBER_CONFIG or ./vtuber.toml).",
        show_default=False,
    ),
]


def load(config: Path | None) -> Settings:
    """The settings, with logging set up to redact their secrets; a bad config exits 2."""
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
        raise typer.Exit(2) from None
    setup_logging(settings.log_level, secrets=secret_values(settings))
    return settings


def run(coro: Coroutine[Any, Any, object]) -> None:
    """Run a coroutine; Ctrl-C or SIGTERM stops it cleanly."""
    try:
        asyncio.run(coro)
    except KeyboardInterrupt:
        console.print("[yellow]stopped[/yellow]")
