"""The ``vtuber`` command line."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from config.settings import ConfigError, Settings, load_settings, redacted, secret_values
from streamer import app as bot
from streamer.bus import BusError
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
twitch_cli = typer.Typer(help="Connect the bot to a Twitch channel.", no_args_is_help=True)
cli.add_typer(twitch_cli, name="twitch")

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


@twitch_cli.command("login")
def twitch_login(
    config: ConfigOption = None,
    account: Annotated[
        str, typer.Option(help="Which account to authorise: bot, broadcaster or both.")
    ] = "both",
) -> None:
    """Authorise the bot and broadcaster accounts (device code: open a URL, enter a code).

    The tokens are stored encrypted in the database (VTUBER_SECRET_KEY), never in a file.
    When the bot speaks as the broadcaster (no twitch.bot_login), one login does both.
    """
    settings = _settings(config)
    from engines.backends import BackendError

    if account not in ("bot", "broadcaster", "both"):
        console.print("[red]--account must be bot, broadcaster or both[/red]")
        raise typer.Exit(2)
    roles = ("bot", "broadcaster") if account == "both" else (account,)
    try:
        logins = asyncio.run(
            bot.twitch_login(settings, say=lambda line: console.print(escape(line)), roles=roles)
        )
    except (ConfigError, BackendError) as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None
    console.print(f"[green]Twitch login done for {', '.join(logins)}. Check it with `vtuber doctor`.[/green]")


@cli.command()
def doctor(config: ConfigOption = None) -> None:
    """Check everything live mode needs: key, database, Redis, and Twitch (credentials, tokens,
    scopes, connectivity). Says what is wrong and how to fix it; exits 1 if anything failed."""
    settings = _settings(config)
    checks = asyncio.run(bot.doctor(settings))
    colour = {"ok": "green", "warn": "yellow", "fail": "red"}
    for check in checks:
        console.print(
            f"[{colour[check.status]}]{check.status:>4}[/] {escape(check.name)}: {escape(check.detail)}",
            highlight=False,
        )
        if check.fix and check.status != "ok":
            console.print(f"       fix: {escape(check.fix)}", highlight=False)
    if any(c.status == "fail" for c in checks):
        raise typer.Exit(1)
    console.print("[green]ready to go live[/green]")


audio_cli = typer.Typer(
    help="Sound devices for the streamer's microphone and the bot's voice.", no_args_is_help=True
)
cli.add_typer(audio_cli, name="audio")


@audio_cli.command("devices")
def audio_devices() -> None:
    """List the sound devices: index, name, input/output channels, default rate, and which
    are the system defaults. Use the index or part of the name for voice.device."""
    from engines.backends import BackendError

    try:
        devices = bot.audio_devices()
    except BackendError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None
    if not devices:
        console.print("[yellow]PortAudio sees no sound device on this machine[/yellow]")
        raise typer.Exit(1)
    table = Table(title="Sound devices", show_edge=False)
    for column in ("index", "name", "host API", "in", "out", "default rate", "default"):
        table.add_column(column, justify="right" if column in ("index", "in", "out") else "left")
    for d in devices:
        default = ", ".join(k for k, on in (("input", d.default_input), ("output", d.default_output)) if on)
        table.add_row(
            str(d.index), escape(d.name), escape(d.hostapi), str(d.input_channels), str(d.output_channels),
            f"{d.default_samplerate:.0f} Hz", default,
        )  # fmt: skip
    console.print(table)


@cli.command()
def ptt(
    state: Annotated[str, typer.Argument(help="down (start talking to the character) or up (stop).")],
    config: ConfigOption = None,
) -> None:
    """Press or release push-to-talk (voice.talk_mode = push_to_talk) on the running bot.
    It travels on the bus, so it needs the Redis bus the bot uses (REDIS_URL)."""
    if state not in ("down", "up"):
        console.print("[red]the state must be down or up[/red]")
        raise typer.Exit(2)
    settings = _settings(config)
    if settings.bus_backend != "redis":
        console.print(
            "[red]`vtuber ptt` reaches the running bot over Redis: set REDIS_URL as the bot has it[/red]"
        )
        raise typer.Exit(2)
    try:
        asyncio.run(bot.send_ptt(settings, state == "down"))
    except BusError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None
    console.print(f"push-to-talk {state}")


# ---------------------------------------------------------------- dashboard, accounts, overlay

user_cli = typer.Typer(help="Dashboard accounts: the streamer (admin) and moderators.", no_args_is_help=True)
overlay_cli = typer.Typer(help="The OBS overlay page (a browser source).", no_args_is_help=True)
cli.add_typer(user_cli, name="user")
cli.add_typer(overlay_cli, name="overlay")


async def _on_dashboard_store(settings: Settings, work: Callable[[Any], Awaitable[Any]]) -> Any:
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
    settings = _settings(config)
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
        asyncio.run(_on_dashboard_store(
            settings, lambda s: create_account(s, name, role, password, by="cli", hasher=PasswordHasher())
        ))  # fmt: skip
    except AccountError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None
    console.print(f"[green]account {escape(name)} ({role}) created[/green]")


@user_cli.command("list")
def user_list(config: ConfigOption = None) -> None:
    """List the dashboard accounts."""
    settings = _settings(config)
    from dashboard_api.accounts import Account, list_accounts

    accounts: list[Account] = asyncio.run(_on_dashboard_store(settings, list_accounts))
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
    settings = _settings(config)
    from dashboard_api.accounts import AccountError, delete_account

    try:
        removed = asyncio.run(_on_dashboard_store(settings, lambda s: delete_account(s, name)))
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
    settings = _settings(config)
    from dashboard_api.overlay import rotate_overlay_token

    token = asyncio.run(_on_dashboard_store(settings, lambda s: rotate_overlay_token(s, by="cli")))
    cfg = settings.dashboard
    base = (cfg.public_url or f"http://{cfg.host}:{cfg.port}").rstrip("/")
    sys.stdout.write(f"{base}/overlay?token={token}\n")


@cli.command()
def dashboard(
    config: ConfigOption = None,
    preview: Annotated[
        bool, typer.Option("--preview/--no-preview", help="Start the model for persona previews.")
    ] = True,
) -> None:
    """Serve the dashboard (chat monitor, persona editor, stats, overlay) on dashboard.host:port."""
    settings = _settings(config)
    import uvicorn

    from dashboard_api.app import create_app
    from streamer.store import upgrade

    async def go() -> None:
        await upgrade(settings.database_url.get_secret_value())
        llm, server = await bot.build_llm(settings) if preview else (None, None)
        try:
            app = create_app(settings, preview_llm=llm, safety=bot.build_safety(settings))
            cfg = settings.dashboard
            console.print(f"dashboard on http://{cfg.host}:{cfg.port} (Ctrl-C stops it)")
            await uvicorn.Server(uvicorn.Config(app, host=cfg.host, port=cfg.port, log_config=None)).serve()
        finally:
            if llm is not None:
                await llm.aclose()
            if server is not None:
                await server.stop()

    _run(go())


def main() -> None:
    cli()
