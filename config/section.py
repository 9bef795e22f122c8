"""The base of every settings section: unknown keys are refused, values are frozen, and each
field's docstring is its description (``docs/configuration.md`` is generated from them)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)
