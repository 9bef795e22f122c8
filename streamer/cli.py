"""The ``vtuber`` command line."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from config.settings import ConfigError, Settings, load_settings, redacted, secret_values
from streamer import app as bot
from streamer.logs import setup_logging

console = Console()
cli = typer.Typer(
    help="An AI VTuber for Twitch: reads chat and events, answers in character, performs the reply.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
config_cli = typer.Typer(help="Inspect the configuration.", no_args_is_help=True)
db_cli = typer.Typer(help="Manage the database schema.", no_args_is_help=True)
obs_cli = typer.Typer(help="Prepare OBS for captions and alerts.", no_args_is_help=True)
cli.add_typer(config_cli, name="config")
cli.add_typer(db_cli, name="db")
cli.add_typer(obs_cli, name="obs")

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="TOML config file (default: $VTUBER_CONFIG or ./vtuber.toml).",
        show_default=False,
    ),
]


def _settings(config: Path | None) -> Settings:
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
        raise typer.Exit(2) from None
    setup_logging(settings.log_level, secrets=secret_values(settings))
    return settings


def _run(coro: object) -> None:
    """Run a coroutine; Ctrl-C or SIGTERM stops it cleanly."""
    try:
        asyncio.run(coro)  # type: ignore[arg-type]
    except KeyboardInterrupt:
        console.print("[yellow]stopped[/yellow]")


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)


@cli.command()
def rehearse(
    config: ConfigOption = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Chat log to replay (JSONL). Default: the bundled sample stream."),
    ] = None,
    speed: Annotated[
        float | None,
        typer.Option(help="Replay speed multiplier; 0 = as fast as possible. Default: replay.speed."),
    ] = None,
    show: Annotated[
        bool,
        typer.Option("--show/--no-show", help="Run the character (LLM, safety, TTS), or only log the chat."),
    ] = True,
) -> None:
    """Rehearse a stream offline: replay a chat log through the whole bot on the local models.

    The character answers on the bundled LLM and voice. Spoken audio goes to WAV files and a
    readable transcript (what chat said, what the bot picked and why, what it said with which
    emotion, what safety blocked) to data/rehearsals/<run>/; everything is logged to the database.
    Runs on the embedded defaults (in-process bus, SQLite in ./data): no accounts, no network.
    """
    settings = _settings(config)
    console.print(
        f"[bold]Rehearsal[/bold] channel [cyan]{settings.channel}[/cyan], bus {settings.bus_backend}, "
        f"database {redacted(settings)['database_url']}"
    )
    with Progress(
        TextColumn("replaying"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    ) as progress:
        task = progress.add_task("replay", total=None)

        def on_progress(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        summary_box: list[bot.RehearsalSummary] = []

        async def go() -> None:
            summary_box.append(
                await bot.rehearse(settings, path=file, speed=speed, with_show=show, on_progress=on_progress)
            )

        _run(go())
    if not summary_box:
        raise typer.Exit(1)
    _print_summary(summary_box[0])


def _print_summary(summary: bot.RehearsalSummary) -> None:
    table = Table(title="Recorded this run", show_edge=False)
    table.add_column("event type")
    table.add_column("count", justify="right")
    for etype, n in sorted(summary.by_type.items(), key=lambda kv: -kv[1]):
        table.add_row(etype, str(n))
    console.print(table)
    stored = summary.stored
    console.print(
        f"published {summary.published}, stored {stored} in {summary.seconds:.1f}s; "
        f"{summary.viewers} viewers and {summary.stored_total} events in the database in all; "
        f"{summary.dead_letters} dead letters"
    )
    if summary.brain is not None:
        b = summary.brain
        console.print(
            f"the character took {b.turns} turns ({b.finished} finished, {b.interrupted} interrupted, "
            f"{b.failed} failed); safety blocked {b.blocked_sentences} sentences and {b.blocked_inputs} inputs"
        )
        for line in summary.excerpt:
            console.print(f"  {escape(line)}", highlight=False)
        console.print(f"transcript: {summary.transcript_path}\naudio:      {summary.audio_dir}")
    for problem in summary.problems:
        console.print(f"[yellow]skipped: {escape(problem)}[/yellow]")
    if stored < summary.published:
        console.print("[red]some events were not stored[/red]")
        raise typer.Exit(1)


@cli.command()
def run(
    config: ConfigOption = None,
    replay: Annotated[
        Path | None, typer.Option(help="Also replay this chat log (JSONL) as a live source.")
    ] = None,
) -> None:
    """Run the bot until stopped (Ctrl-C): the bus, every configured source and the recorder."""
    settings = _settings(config)

    last: list[str] = []

    def status(app: bot.App) -> None:
        s = app.recorder.stats
        line = (
            f"stored {s.stored} events in {s.batches} batches; duplicates {s.duplicates}; "
            f"db failures {s.db_failures}"
        )
        if last != [line]:  # only when something changed
            last[:] = [line]
            console.print(f"[dim]{line}[/dim]")

    async def go() -> None:
        stop = asyncio.Event()
        _stop_on_signals(stop)
        await bot.run_bot(settings, replay=replay, stop=stop, on_status=status)

    _run(go())


@cli.command()
def record(
    config: ConfigOption = None,
    consumer: Annotated[
        str | None, typer.Option(help="Consumer name (default: recorder-<host>-<pid>).")
    ] = None,
) -> None:
    """Run only the recorder: a worker that logs every bus event to the database (needs Redis)."""
    settings = _settings(config)
    if settings.bus_backend != "redis":
        console.print("[red]`vtuber record` runs beside the bot and needs a shared bus: set REDIS_URL[/red]")
        raise typer.Exit(2)

    async def go() -> None:
        stop = asyncio.Event()
        _stop_on_signals(stop)
        await bot.run_recorder(settings, consumer=consumer, stop=stop)

    _run(go())


@config_cli.command("check")
def config_check(
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Validate the configuration and print the effective values, secrets redacted."""
    settings = _settings(config)
    data = redacted(settings)
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2, default=str) + "\n")
        return
    table = Table(title="Effective configuration", show_edge=False)
    table.add_column("key")
    table.add_column("value")
    for key, value in _flatten(data):
        table.add_row(key, escape(str(value)))
    console.print(table)
    console.print("[green]configuration OK[/green]")


@config_cli.command("keygen")
def config_keygen() -> None:
    """Print a new key for VTUBER_SECRET_KEY (encrypts stored tokens). Keep it secret and stable."""
    from streamer.store.secrets import new_key

    sys.stdout.write(new_key() + "\n")


def _flatten(data: dict[str, object], prefix: str = "") -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            rows.extend(_flatten(value, f"{prefix}{key}."))
        else:
            rows.append((f"{prefix}{key}", value))
    return rows


@db_cli.command("upgrade")
def db_upgrade(config: ConfigOption = None) -> None:
    """Apply every pending migration to the configured database."""
    settings = _settings(config)
    from streamer.store import upgrade

    revision = asyncio.run(upgrade(settings.database_url.get_secret_value()))
    console.print(f"[green]database at revision {revision}[/green]")


@obs_cli.command("setup")
def obs_setup(config: ConfigOption = None) -> None:
    """Create the caption and alert text sources that OBS is missing (safe to run again)."""
    settings = _settings(config)
    from engines.backends import BackendError

    try:
        console.print(f"[green]{escape(asyncio.run(bot.obs_setup(settings)))}[/green]")
    except BackendError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None


def main() -> None:
    cli()
