"""Render docs/configuration.md from the Settings model (``--check`` fails if it is stale)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config.settings import Settings

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"
ENV_NAMES = {"redis_url": "REDIS_URL", "database_url": "DATABASE_URL"}


def _rows(model: type[BaseModel], prefix: list[str]) -> list[str]:
    rows = []
    for name, field in model.model_fields.items():
        ann: Any = field.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            rows.extend(_rows(ann, [*prefix, name]))
            continue
        members = [m for m in get_args(ann) if isinstance(m, type) and issubclass(m, BaseModel)]
        if members:  # a discriminated union: one block per provider
            for member in members:
                rows.extend(_rows(member, [*prefix, name]))
            continue
        key = ".".join([*prefix, name])
        env = ENV_NAMES.get(key) or "VTUBER_" + "__".join([*prefix, name]).upper()
        default = (
            field.get_default(call_default_factory=True) if field.default is not PydanticUndefined else ""
        )
        if hasattr(default, "get_secret_value"):
            default = default.get_secret_value()
        allowed = ", ".join(_constraint(m) for m in field.metadata)
        desc = (field.description or "").replace("\n", " ")
        rows.append(
            f"| `{key}` | `{env}` | `{default}` | {desc} {('(allowed: ' + allowed + ')') if allowed else ''} |"
        )
    return rows


def _constraint(meta: object) -> str:
    for attr, sign in (("ge", ">="), ("gt", ">"), ("le", "<="), ("lt", "<"), ("pattern", "matches")):
        value = getattr(meta, attr, None)
        if value is not None:
            return f"{sign} {value}"
    return str(meta)


def render() -> str:
    head = [
        "# Configuration",
        "",
        "Generated from `config/settings.py` by `tools/config_doc.py`; do not edit by hand.",
        "",
        "Precedence: environment variables, then the TOML file (`./vtuber.toml`, `$VTUBER_CONFIG` or",
        "`--config`), then these defaults. In the file, nested keys are tables: `[bus]` `maxlen = 500000`.",
        "",
        "| key | environment variable | default | meaning |",
        "|---|---|---|---|",
    ]
    return "\n".join([*head, *_rows(Settings, [])]) + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if DOC.read_text() == text else "docs/configuration.md is stale: run tools/config_doc.py")
    DOC.write_text(text)
