"""``vtuber dataset build|list|export``: the studio's dataset commands (parse and print only;
the work is in :mod:`streamer.studio`, imported when a command runs)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError
from rich.markup import escape
from rich.table import Table

from config.settings import Settings
from streamer.cli_common import ConfigOption, console
from streamer.cli_common import load as _settings
from streamer.cli_common import run as _run

if TYPE_CHECKING:
    from engines.training.validation import ModelScore
    from streamer.training_hosted import HostedValidation

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
    paraphrases: Annotated[
        int,
        typer.Option(
            min=0, max=5, help="Rewordings of each viewer line by the configured LLM (synthetic rows)."
        ),
    ] = 0,
    by: Annotated[str, typer.Option(help="Who built it (stored with the version).")] = "cli",
) -> None:
    """Select labelled turns, drop what today's safety pipeline blocks, scrub names and personal
    data, split by stream, and store the result as a new dataset version with its recipe.
    With --paraphrases, the configured LLM rewords each viewer line (rows marked synthetic)."""
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
            paraphrases=paraphrases,
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


def train(
    dataset: Annotated[str, typer.Argument(help="Dataset name (vtuber dataset list).")],
    config: ConfigOption = None,
    version: Annotated[int | None, typer.Option(help="Dataset version (default: the latest).")] = None,
    epochs: Annotated[int, typer.Option(min=1, max=100)] = 1,
    rank: Annotated[int, typer.Option(min=1, max=256, help="LoRA rank.")] = 8,
    learning_rate: Annotated[float, typer.Option(min=1e-6, max=1.0)] = 1e-3,
    batch_size: Annotated[int, typer.Option(min=1, max=256)] = 8,
    threads: Annotated[
        int | None, typer.Option(min=1, help="CPU threads (default: all cores but one).")
    ] = None,
    device: Annotated[
        str, typer.Option(help="auto (a CUDA GPU when torch sees one, else the CPU), cpu, or cuda[:N].")
    ] = "auto",
    compare_with: Annotated[
        int | None,
        typer.Option(
            help="Model version to validate against (default: the base model; openai: the deployed "
            "hosted version, else llm.model)."
        ),
    ] = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Ignore a checkpoint from an earlier run.")
    ] = False,
    by: Annotated[str, typer.Option(help="Who trained it (stored with the model version).")] = "cli",
    backend: Annotated[
        str,
        typer.Option(
            help="local (LoRA on the bundled model) or openai (the configured endpoint's fine-tuning API)."
        ),
    ] = "local",
    base_model: Annotated[str, typer.Option(help="openai backend: the model to fine-tune.")] = "gpt-4o-mini",
    poll_s: Annotated[
        float, typer.Option(min=0.01, help="openai backend: seconds between status reads.")
    ] = 10.0,
) -> None:
    """Fine-tune the bundled model on a dataset with LoRA (the optional `train` extra), on a CUDA
    GPU when torch sees one, else the CPU. Ctrl-C stops at the next step and keeps a checkpoint: the same command resumes.
    Then the candidate and the current model answer a fixed prompt suite; the model version
    is stored with validation loss, safety pass rate, persona adherence and time to first token."""
    import signal
    import threading

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from streamer.store.datasets import DatasetError
    from streamer.training import LoraSettings, TrainingUnavailable, train_local
    from streamer.training import Progress as TrainProgress

    settings = _settings(config)
    if backend == "openai":
        _train_hosted(
            settings, dataset, version, base_model=base_model, by=by, poll_s=poll_s, compare_with=compare_with
        )
        return
    if backend != "local":
        console.print(f"[red]unknown backend {escape(backend)}: local or openai[/red]", highlight=False)
        raise typer.Exit(2)
    lora = LoraSettings(
        rank=rank,
        alpha=2.0 * rank,
        learning_rate=learning_rate,
        epochs=epochs,
        batch_size=batch_size,
        threads=threads,
        device=device,
    )
    cancel = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.set())
    try:
        with Progress(
            TextColumn("training"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[info]}"),
            TimeElapsedColumn(),
            console=console,
        ) as bar:
            task = bar.add_task("train", total=None, info="loading the model")

            def progress(p: TrainProgress) -> None:
                info = f"loss {p.loss:.3f}  {p.examples_per_s:.2f} examples/s"
                bar.update(task, completed=p.step, total=p.total, info=info)

            try:
                done = asyncio.run(
                    train_local(
                        settings,
                        dataset,
                        version,
                        lora=lora,
                        by=by,
                        current_model=compare_with,
                        on_progress=progress,
                        cancel=cancel,
                        resume=not restart,
                    )
                )
            except (DatasetError, TrainingUnavailable) as exc:
                console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
                raise typer.Exit(1) from None
    finally:
        signal.signal(signal.SIGINT, previous)
    r = done.result
    if r.cancelled:
        console.print(
            f"[yellow]stopped at step {r.steps}; the checkpoint is kept: run the same command to resume[/yellow]"
        )
        raise typer.Exit(130)
    console.print(
        f"model version [bold]{done.model_version}[/bold] from {done.dataset} v{done.dataset_version}: "
        f"{r.steps} steps, {r.examples_per_s:.2f} examples/s, {r.seconds:.0f} s"
    )
    assert done.current is not None and done.candidate is not None
    _print_scores(done.current, done.candidate, done.deployable, done.refusal)


def _print_scores(cur: ModelScore, cand: ModelScore, deployable: bool, refusal: str) -> None:
    """The current model's and the candidate's figures side by side, and the verdict."""
    table = Table("", "current", "candidate")
    rows = [
        ("validation loss", cur.val_loss, cand.val_loss),
        ("safety pass rate", cur.safety_pass_rate, cand.safety_pass_rate),
        ("persona adherence", cur.adherence_rate, cand.adherence_rate),
        ("first token p50 ms", cur.first_token_p50_ms, cand.first_token_p50_ms),
    ]
    for name, a, b in rows:
        table.add_row(name, "-" if a is None else f"{a:.3f}", "-" if b is None else f"{b:.3f}")
    console.print(table)
    _print_verdict(deployable, refusal)


def _print_verdict(deployable: bool, refusal: str) -> None:
    if deployable:
        console.print("[green]deployable[/green]")
    else:
        console.print(f"[red]not deployable: {escape(refusal)}[/red]", highlight=False)


def _print_validation(checked: HostedValidation) -> None:
    if checked.current is None or checked.candidate is None:  # the endpoint could not answer
        _print_verdict(False, checked.refusal)
        return
    current = checked.current_model + (f" (v{checked.current_version})" if checked.current_version else "")
    console.print(
        f"current: {escape(current)}   candidate: {escape(checked.candidate_model)}", highlight=False
    )
    _print_scores(checked.current, checked.candidate, checked.deployable, checked.refusal)


def _train_hosted(
    settings: Settings,
    dataset: str,
    version: int | None,
    *,
    base_model: str,
    by: str,
    poll_s: float,
    compare_with: int | None,
) -> None:
    """`vtuber train --backend openai`: the job's status as it changes (Ctrl-C cancels the job),
    then the validation's figures."""
    import signal

    from streamer.store.datasets import DatasetError
    from streamer.training import FineTuneError, JobStatus, train_hosted

    def show(job: JobStatus) -> None:
        console.print(
            f"job {escape(job.id)}: {job.status}" + (f" ({escape(job.error)})" if job.error else "")
        )

    async def work() -> None:
        cancel = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, cancel.set)
        try:
            done = await train_hosted(
                settings,
                dataset,
                version,
                base_model=base_model,
                by=by,
                on_status=show,
                cancel=cancel,
                poll_s=poll_s,
                compare_with=compare_with,
            )
        except (DatasetError, FineTuneError) as exc:
            console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
            raise typer.Exit(1) from None
        if done.model_version is None or done.validation is None:
            console.print(f"[red]the job ended {done.job.status}; no model version stored[/red]")
            raise typer.Exit(1)
        console.print(
            f"model version [bold]{done.model_version}[/bold]: {escape(done.job.fine_tuned_model or '')}",
            highlight=False,
        )
        _print_validation(done.validation)

    asyncio.run(work())


def validate(
    model_version: Annotated[int, typer.Argument(help="A hosted model version (the studio's model list).")],
    config: ConfigOption = None,
    compare_with: Annotated[
        int | None,
        typer.Option(
            help="Hosted model version to compare with (default: the deployed one, else llm.model)."
        ),
    ] = None,
) -> None:
    """Validate a stored hosted model version again: it and the current model answer the prompt
    suite through the configured endpoint; its figures and whether it is deployable are replaced."""
    from streamer.store.datasets import DatasetError
    from streamer.training import FineTuneError, revalidate

    settings = _settings(config)

    async def work() -> None:
        try:
            checked = await revalidate(settings, model_version, compare_with=compare_with)
        except (DatasetError, FineTuneError) as exc:
            console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
            raise typer.Exit(1) from None
        _print_validation(checked)

    _run(work())
