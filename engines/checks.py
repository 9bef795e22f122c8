"""The result shape of `vtuber doctor`: one finding per check, shared by every part that checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Check", "Status"]

Status = Literal["ok", "warn", "fail"]


@dataclass(frozen=True, slots=True)
class Check:
    """One finding: what was checked, ok/warn/fail, what was found, and how to fix it."""

    name: str
    status: Status
    detail: str
    fix: str = ""
