"""``vtuber knowledge add|list|remove`` and ``vtuber memory show|forget`` (parse and print
only; the work is in :mod:`streamer.memory_commands`, imported when a command runs)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from streamer.cli_common import ConfigOption, console
from streamer.cli_common import load as _settings
from streamer.cli_common import run as _run

knowledge_cli = typer.Typer(
    help="The streamer's own documents (lore, FAQ, schedule, rules) the character knows.",
    no_args_is_help=True,
)
memory_cli = typer.Typer(help="What the character remembers about viewers.", no_args_is_help=True)


@knowledge_cli.command("add")
def knowledge_add(
    files: Annotated[
        list[Path], typer.Argument(help="Markdown files; one already added under the same name is replaced.")
    ],
    config: ConfigOption = None,
    by: Annotated[str, typer.Option(help="Who added them (stored with each).")] = "cli",
) -> None:
    """Chunk each file by headings and paragraphs, embed the chunks and index them."""
    from streamer.memory_commands import add_documents

    settings = _settings(config)

    async def go() -> None:
        try:
            added = await add_documents(settings, files, by=by)
        except ValueError as exc:
            console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
            raise typer.Exit(1) from None
        for a in added:
            console.print(f"{escape(a.name)}: document {a.id}, {a.chunks} chunks", highlight=False)

    _run(go())


@knowledge_cli.command("list")
def knowledge_list(config: ConfigOption = None) -> None:
    """The channel's knowledge documents."""
    from streamer.memory_commands import list_documents

    settings = _settings(config)

    async def go() -> None:
        docs = await list_documents(settings)
        table = Table(title=f"Knowledge documents: {len(docs)}", show_edge=False)
        for column in ("id", "name", "chunks", "chars", "by", "updated"):
            table.add_column(column)
        for d in docs:
            table.add_row(str(d.id), escape(d.name), str(d.chunks), str(d.chars), escape(d.created_by),
                          d.updated_at.strftime("%Y-%m-%d %H:%M"))  # fmt: skip
        console.print(table)

    _run(go())


@knowledge_cli.command("remove")
def knowledge_remove(
    doc_id: Annotated[int, typer.Argument(help="The document's id (from `vtuber knowledge list`).")],
    config: ConfigOption = None,
) -> None:
    """Remove a document and its chunks from the index."""
    from streamer.memory_commands import remove_document

    settings = _settings(config)

    async def go() -> None:
        if not await remove_document(settings, doc_id):
            console.print(f"[red]no knowledge document {doc_id}[/red]")
            raise typer.Exit(1)
        console.print(f"removed document {doc_id}")

    _run(go())


@memory_cli.command("show")
def memory_show(
    viewer: Annotated[str, typer.Argument(help="The viewer's login or Twitch id.")],
    config: ConfigOption = None,
    persona: Annotated[str | None, typer.Option(help="Only this persona's memories.")] = None,
) -> None:
    """What the character remembers about a viewer, newest first."""
    from streamer.memory_commands import viewer_memories

    settings = _settings(config)

    async def go() -> None:
        memories = await viewer_memories(settings, viewer, persona=persona)
        table = Table(title=f"Memories of {escape(viewer)}: {len(memories)}", show_edge=False)
        for column in ("id", "persona", "kind", "memory", "from event", "when"):
            table.add_column(column)
        for m in memories:
            table.add_row(escape(m.id), escape(m.persona), m.kind, escape(m.text), escape(m.source_event_id),
                          m.created_at.strftime("%Y-%m-%d %H:%M"))  # fmt: skip
        console.print(table)

    _run(go())


@memory_cli.command("forget")
def memory_forget(
    viewer: Annotated[str, typer.Argument(help="The viewer's login or Twitch id.")],
    config: ConfigOption = None,
    by: Annotated[str, typer.Option(help="Who asked (written to the audit log).")] = "cli",
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete everything the character remembers about a viewer, under every persona (audited)."""
    from streamer.memory_commands import forget_viewer

    if not yes:
        typer.confirm(f"Forget everything about {viewer}?", abort=True)
    settings = _settings(config)

    async def go() -> None:
        deleted = await forget_viewer(settings, viewer, by=by)
        console.print(f"forgot {escape(viewer)}: {deleted} memories deleted", highlight=False)

    _run(go())
