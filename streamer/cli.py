"""The ``vtuber`` command line."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import signal
import sys
from collections.abc import Awaitable, Callable, Iterable
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from config.settings import ConfigError, redacted
from streamer.bus import Bus, BusError, DeadLetter
from streamer.cli_common import ConfigOption, console
from streamer.cli_common import load as _settings
from streamer.cli_common import run as _run
from streamer.memory_cli import knowledge_cli, memory_cli
from streamer.studio_cli import dataset_cli, train, validate

if TYPE_CHECKING:
    from streamer.app import App
    from streamer.rehearsal import RehearsalSummary

T = TypeVar("T")

# The bot's work (streamer.commands, streamer.supervisor) is imported inside each command, so
# `vtuber dashboard` and `vtuber user ...` never load the bot's composition root.

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
cli.add_typer(dataset_cli, name="dataset")
cli.command()(train)
cli.command()(validate)
cli.add_typer(knowledge_cli, name="knowledge")
cli.add_typer(memory_cli, name="memory")


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
    from streamer import commands

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

        summary_box: list[RehearsalSummary] = []

        async def go() -> None:
            summary_box.append(
                await commands.rehearse(
                    settings, path=file, speed=speed, with_show=show, on_progress=on_progress
                )
            )

        _run(go())
    if not summary_box:
        raise typer.Exit(1)
    _print_summary(summary_box[0])


def _print_summary(summary: RehearsalSummary) -> None:
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
        crises = f"; {b.crises} crisis messages flagged for moderators, not answered" if b.crises else ""
        console.print(
            f"the character took {b.turns} turns ({b.finished} finished, {b.interrupted} interrupted, "
            f"{b.failed} failed); safety blocked {b.blocked_sentences} sentences and {b.blocked_inputs} inputs"
            f"{crises}"
        )
        for line in summary.excerpt:
            console.print(f"  {escape(line)}", highlight=False)
        console.print(f"transcript: {summary.transcript_path}\naudio:      {summary.audio_dir}")
    if summary.log_path is not None:
        console.print(f"full log:   {summary.log_path}")
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
    replay_from: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Resume the --replay at a line (120) or a time offset (90s, 1m30s, 1:30). Lines "
            "played before keep their ids, so nothing is stored twice.",
        ),
    ] = None,
) -> None:
    """Run the bot until stopped (Ctrl-C): the bus, every configured source and the recorder."""
    from streamer.sources.replay import ReplayStart, parse_start

    start: ReplayStart | None = None
    if replay_from is not None:
        if replay is None:
            console.print("[red]--from resumes a replay: give the file with --replay[/red]")
            raise typer.Exit(2)
        try:
            start = parse_start(replay_from)
        except ValueError as exc:
            console.print(f"[red]{escape(str(exc))}[/red]")
            raise typer.Exit(2) from None
    settings = _settings(config)
    from streamer import supervisor

    last: list[str] = []

    def status(app: App) -> None:
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
        await supervisor.run_bot(settings, replay=replay, replay_from=start, stop=stop, on_status=status)

    _run(go())


@cli.command()
def record(
    config: ConfigOption = None,
    consumer: Annotated[
        str | None,
        typer.Option(help="Consumer name, kept across restarts (default: recorder-<host>-worker)."),
    ] = None,
) -> None:
    """Run only the recorder: a worker that logs every bus event to the database (needs Redis)."""
    settings = _settings(config)
    if settings.bus_backend != "redis":
        console.print("[red]`vtuber record` runs beside the bot and needs a shared bus: set REDIS_URL[/red]")
        raise typer.Exit(2)
    from streamer import supervisor

    async def go() -> None:
        stop = asyncio.Event()
        _stop_on_signals(stop)
        await supervisor.run_recorder(settings, consumer=consumer, stop=stop)

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
    from streamer import commands

    try:
        console.print(f"[green]{escape(asyncio.run(commands.obs_setup(settings)))}[/green]")
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
    from streamer import commands

    if account not in ("bot", "broadcaster", "both"):
        console.print("[red]--account must be bot, broadcaster or both[/red]")
        raise typer.Exit(2)
    roles = ("bot", "broadcaster") if account == "both" else (account,)
    try:
        logins = asyncio.run(
            commands.twitch_login(settings, say=lambda line: console.print(escape(line)), roles=roles)
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
    from streamer import commands

    checks = asyncio.run(commands.doctor(settings))
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
    from streamer import commands

    try:
        devices = commands.audio_devices()
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
    from streamer import commands

    try:
        asyncio.run(commands.send_ptt(settings, state == "down"))
    except BusError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None
    console.print(f"push-to-talk {state}")


# ---------------------------------------------------------------- dead letters

deadletter_cli = typer.Typer(
    help="Events a consumer could not handle: list, show, put back (replay) or drop them. "
    "They live in Redis (REDIS_URL), as the bot's bus does.",
    no_args_is_help=True,
)
cli.add_typer(deadletter_cli, name="deadletter")
LetterIds = Annotated[
    list[str] | None, typer.Argument(help="Dead letter ids (from `vtuber deadletter list`).")
]
AllOption = Annotated[bool, typer.Option("--all", help="Every dead letter (of --kind, if given).")]
KindOption = Annotated[
    str | None, typer.Option(help="With --all: only letters of this kind, e.g. store_rejected.")
]


def _on_letters(config: Path | None, work: Callable[[Bus], Awaitable[T]]) -> T:
    """Run ``work`` on the configured Redis bus; a clear exit when there is none or it fails."""
    settings = _settings(config)
    if settings.bus_backend != "redis":
        console.print("[red]dead letters are kept in Redis: set REDIS_URL as the bot has it[/red]")
        raise typer.Exit(2)
    from streamer.bus import make_bus

    async def go() -> T:
        bus = make_bus(settings)
        try:
            return await work(bus)
        finally:
            await bus.close()

    try:
        return asyncio.run(go())
    except BusError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None


@deadletter_cli.command("list")
def deadletter_list(
    config: ConfigOption = None,
    limit: Annotated[int, typer.Option(min=1, help="The newest this many.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")] = False,
) -> None:
    """The newest dead letters, oldest first: id, stream, group, kind, why, and the event."""
    from streamer.deadletter import describe

    async def work(bus: Bus) -> tuple[int, list[DeadLetter]]:
        return await bus.dead_letter_count(), await bus.dead_letters(limit)

    total, letters = _on_letters(config, work)
    views = [describe(d) for d in letters]
    if as_json:
        for v in views:
            row = {"id": v.letter.id, "stream": v.letter.stream, "entry_id": v.letter.entry_id,
                   "group": v.letter.group, "kind": v.letter.kind, "reason": v.letter.reason,
                   "event_id": v.event.id if v.event else None, "type": v.event.type if v.event else None,
                   "replayable": v.replayable, "problem": v.problem}  # fmt: skip
            sys.stdout.write(json.dumps(row) + "\n")
        return
    table = Table(title=f"Dead letters: {total}", show_edge=False)
    for column in ("id", "stream", "group", "kind", "reason", "event"):
        table.add_column(column)
    for v in views:
        event = f"{v.event.type} {v.event.id}" if v.event else f"(not an event: {v.problem})"
        table.add_row(v.letter.id, v.letter.stream, v.letter.group, v.letter.kind, escape(v.letter.reason[:80]),
                      escape(event))  # fmt: skip
    console.print(table)
    if total:
        console.print(
            "`vtuber deadletter show ID` for one; `replay ID...` puts events back, `drop ID...` deletes"
        )


@deadletter_cli.command("show")
def deadletter_show(
    letter_id: Annotated[str, typer.Argument(help="A dead letter id.")], config: ConfigOption = None
) -> None:
    """One dead letter in full: where it came from, why, and its raw event."""
    from streamer.deadletter import describe

    async def work(bus: Bus) -> DeadLetter | None:
        return await bus.find_dead_letter(letter_id)

    letter = _on_letters(config, work)
    if letter is None:
        console.print(f"[red]no dead letter {escape(letter_id)}[/red]")
        raise typer.Exit(1)
    view = describe(letter)
    for key, value in (("id", letter.id), ("stream", f"{letter.stream} (entry {letter.entry_id})"),
                       ("group", letter.group), ("kind", letter.kind), ("reason", letter.reason),
                       ("replayable", "yes" if view.replayable else f"no: {view.problem}")):  # fmt: skip
        console.print(f"[bold]{key}[/bold]: {escape(value)}", highlight=False)
    try:
        raw = json.dumps(json.loads(letter.raw), indent=2, ensure_ascii=False)
    except ValueError:
        raw = letter.raw.decode("utf-8", errors="replace")
    sys.stdout.write(raw + "\n")


@deadletter_cli.command("replay")
def deadletter_replay(
    letter_ids: LetterIds = None,
    config: ConfigOption = None,
    every: AllOption = False,
    kind: KindOption = None,
) -> None:
    """Put events back on the stream they came from, ids unchanged (the recorder stores each
    once, however often it is replayed), and delete their letters."""
    from streamer import deadletter

    if not letter_ids and not every:
        console.print("[red]name the letters to replay, or --all[/red]")
        raise typer.Exit(2)

    async def work(bus: Bus) -> deadletter.ReplayResult:
        return await deadletter.replay(
            bus, await deadletter.select(bus, letter_ids or [], every=every, kind=kind)
        )

    result = _on_letters(config, work)
    console.print(f"replayed {len(result.replayed)}")
    for letter_id, why in result.kept:
        console.print(
            f"[yellow]kept {escape(letter_id)}: {escape(why)} (drop it once you have read it)[/yellow]"
        )
    for letter_id in result.missing:
        console.print(f"[yellow]no dead letter {escape(letter_id)}[/yellow]")
    if result.kept or result.missing:
        raise typer.Exit(1)


@deadletter_cli.command("drop")
def deadletter_drop(
    letter_ids: LetterIds = None,
    config: ConfigOption = None,
    every: AllOption = False,
    kind: KindOption = None,
) -> None:
    """Delete dead letters for good."""
    from streamer import deadletter

    if not letter_ids and not every:
        console.print("[red]name the letters to drop, or --all[/red]")
        raise typer.Exit(2)

    async def work(bus: Bus) -> int:
        return await deadletter.drop(
            bus, await deadletter.select(bus, letter_ids or [], every=every, kind=kind)
        )

    console.print(f"dropped {_on_letters(config, work)}")


# ---------------------------------------------------------------- command plugins

PLUGIN_GROUP = "vtuber.commands"
"""Entry-point group of command plugins: each names a typer.Typer (the dashboard's commands
come from ``dashboard_api.cli``, declared in pyproject.toml)."""


def add_plugins(app: typer.Typer, plugins: Iterable[EntryPoint]) -> None:
    """Merge each plugin's commands and groups into ``app``'s top level. One that fails to load
    is skipped with a warning on stderr, so a broken plugin never stops the bot's own commands."""
    for ep in plugins:
        try:
            plugin = ep.load()
        except Exception as exc:
            typer.echo(
                f"vtuber: skipped the {ep.name} commands ({ep.value}): {type(exc).__name__}: {exc}", err=True
            )
            continue
        if not isinstance(plugin, typer.Typer):
            typer.echo(f"vtuber: skipped the {ep.name} commands: {ep.value} is not a typer.Typer", err=True)
            continue
        app.add_typer(plugin)


@functools.cache
def full_cli() -> typer.Typer:
    """``vtuber`` as installed: the bot's own commands, then every plugin's. The plugins load
    here, not on import, so importing this module never imports the web package."""
    add_plugins(cli, entry_points(group=PLUGIN_GROUP))
    return cli


def main() -> None:
    full_cli()()
