"""Command plugins: the dashboard's commands reach `vtuber` through an entry point, and the
bot's package never imports the web package."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import dashboard_api.cli
from streamer.cli import PLUGIN_GROUP, add_plugins, full_cli

ROOT = Path(__file__).resolve().parents[2]

extra = typer.Typer()


@extra.command()
def hello(name: str) -> None:
    """Say hello."""
    typer.echo(f"hello {name}")


not_a_typer = object()


def loaded_modules(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('--modules--', *sys.modules)"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return set(out.stdout.rpartition("--modules--")[2].split())


def test_the_dashboard_plugin_is_installed_as_an_entry_point() -> None:
    found = {ep.name: ep for ep in entry_points(group=PLUGIN_GROUP)}
    assert found["dashboard"].value == "dashboard_api.cli:commands"
    assert found["dashboard"].load() is dashboard_api.cli.commands


def test_vtuber_help_lists_the_plugin_commands_beside_the_bots_own() -> None:
    result = CliRunner().invoke(full_cli(), ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    listed = {line.split()[1] for line in result.output.splitlines() if line.startswith("│ ")}
    assert {"dashboard", "user", "overlay", "run", "rehearse", "doctor"} <= listed
    user_help = CliRunner().invoke(full_cli(), ["user", "--help"], env={"COLUMNS": "200"})
    assert all(sub in user_help.output for sub in ("add", "list", "remove"))
    overlay_help = CliRunner().invoke(full_cli(), ["overlay", "--help"], env={"COLUMNS": "200"})
    assert "rotate-token" in overlay_help.output


def test_importing_the_bots_cli_does_not_import_the_web_package() -> None:
    modules = loaded_modules("import streamer.cli")
    assert "streamer.cli" in modules
    assert not any(m == "dashboard_api" or m.startswith("dashboard_api.") for m in modules)


def test_the_dashboard_commands_do_not_load_the_bots_composition_root() -> None:
    modules = loaded_modules("import dashboard_api.cli")
    assert "dashboard_api.cli" in modules
    assert not {"streamer.app", "streamer.cli", "streamer.commands"} & modules


@pytest.mark.parametrize("argv", [["dashboard", "--help"], ["user", "list", "--help"]])
def test_the_dashboard_commands_run_without_the_bots_composition_root(argv: list[str]) -> None:
    modules = loaded_modules(
        f"import sys\nsys.argv = ['vtuber', *{argv!r}]\nfrom streamer.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code"
    )
    assert "dashboard_api.cli" in modules
    assert not {"streamer.app", "streamer.commands", "streamer.supervisor"} & modules


def test_a_plugin_joins_the_top_level_and_a_broken_one_is_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    app = typer.Typer()

    @app.command()
    def base() -> None:
        typer.echo("base ran")

    here = __name__
    add_plugins(
        app,
        [
            EntryPoint("missing", "tests.streamer.no_such_module:commands", PLUGIN_GROUP),
            EntryPoint("odd", f"{here}:not_a_typer", PLUGIN_GROUP),
            EntryPoint("extra", f"{here}:extra", PLUGIN_GROUP),
        ],
    )
    warned = capsys.readouterr().err
    assert "skipped the missing commands" in warned and "ModuleNotFoundError" in warned
    assert "skipped the odd commands" in warned and "is not a typer.Typer" in warned
    assert CliRunner().invoke(app, ["hello", "sam"]).output == "hello sam\n"
    assert CliRunner().invoke(app, ["base"]).output == "base ran\n"
