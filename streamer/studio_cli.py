"""``vtuber dataset build|list|export``: the studio's dataset commands (parse and print only;
the work is in :mod:`streamer.studio`, imported when a command runs)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.markup import escape
from rich.table import Table

from streamer.cli_common import ConfigOption, console
from streamer.cli_common import load as _settings
from streamer.cli_common import run as _run

dataset_cli = typer.Typer(help="Build training datasets from the recorded streams.", no_args_is_help=True)

Verdicts = Annotated[
    list[str] | None,
    typer.Option(
        "--label", "-l", help="Labels that qualify: good, bad (with an edit), unlabelled. Default: good."
    ),
]


@dataset_cli.command("build")
def dataset_build(
    config: ConfigOption = None,
    name: Annotated[str, typer.Option(help="Dataset name; each build is its next version.")] = "default",
    label: Verdicts = None,
    stream: Annotated[
        list[str] | None, typer.Option(help="Only this stream (its start, as `list` shows).")
    ] = None,
    persona_version: Annotated[
        list[int] | None, typer.Option(help="Only turns of this persona version.")
    ] = None,
    model_version: Annotated[list[int] | None, typer.Option(help="Only turns of this model version.")] = None,
    min_score: Annotated[
        float | None, typer.Option(help="Only turns with at least this engagement score.")
    ] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Only turns with one of these tags.")] = None,
    without_tag: Annotated[list[str] | None, typer.Option(help="Never turns with this tag.")] = None,
    validation: Annotated[float, typer.Option(help="Share of streams held out for validation.")] = 0.2,
    seed: Annotated[str, typer.Option(help="Changes which streams are held out.")] = "0",
    by: Annotated[str, typer.Option(help="Who built it (stored with the version).")] = "cli",
) -> None:
    """Select labelled turns, drop what today's safety pipeline blocks, scrub names and personal
    data, split by stream, and store the result as a new dataset version with its recipe."""
    from engines.training.dataset import Recipe
    from streamer.studio import build_dataset

    try:
        recipe = Recipe(
            name=name,
            verdicts=tuple(label or ("good",)),
            streams=tuple(stream or ()),
            persona_versions=tuple(persona_version or ()),
            model_versions=tuple(model_version or ()),
            min_score=min_score,
            tags_any=tuple(tag or ()),
            tags_none=tuple(without_tag or ()),
            validation_fraction=validation,
            seed=seed,
        )
    except ValidationError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
        raise typer.Exit(2) from None
    settings = _settings(config)

    async def work() -> None:
        info = await build_dataset(settings, recipe, by=by)
        report = info.report
        console.print(
            f"dataset [bold]{info.name}[/bold] v{info.version}: {info.train} train, {info.validation} validation "
            f"examples from {report.get('candidates', 0)} turns"
        )
        for why, n in sorted(dict(report.get("dropped") or {}).items()):  # type: ignore[call-overload]
            console.print(f"  dropped {n:>5}  {escape(why)}")

    _run(work())


@dataset_cli.command("list")
def dataset_list(config: ConfigOption = None) -> None:
    """Every dataset version, newest first."""
    from streamer.store.datasets import list_datasets
    from streamer.studio import open_store

    settings = _settings(config)

    async def work() -> None:
        async with open_store(settings) as sessions:
            infos = await list_datasets(sessions)
        table = Table("name", "version", "train", "validation", "by", "created")
        for i in infos:
            table.add_row(
                escape(i.name),
                str(i.version),
                str(i.train),
                str(i.validation),
                escape(i.created_by),
                i.created_at.strftime("%Y-%m-%d %H:%M"),
            )
        console.print(table if infos else "no datasets yet: vtuber dataset build")

    _run(work())


@dataset_cli.command("export")
def dataset_export(
    name: Annotated[str, typer.Argument(help="Dataset name.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSONL files.")],
    config: ConfigOption = None,
    version: Annotated[int | None, typer.Option(help="Version (default: the latest).")] = None,
) -> None:
    """Write the dataset as OpenAI chat fine-tuning JSONL (openai/) and Hugging Face datasets
    JSONL (hf/), a train and a validation file each."""
    from streamer.store.datasets import DatasetError
    from streamer.studio import export_dataset

    settings = _settings(config)

    async def work() -> None:
        try:
            done = await export_dataset(settings, name, version, out)
        except DatasetError as exc:
            console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
            raise typer.Exit(1) from None
        console.print(f"dataset {escape(done.dataset.name)} v{done.dataset.version}:")
        for key, path in done.files.items():
            console.print(f"  {key:<18} {escape(str(path))}")

    _run(work())
