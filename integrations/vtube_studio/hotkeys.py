"""The loaded model's hotkeys, found the way VTube Studio finds them.

``HotkeyTriggerRequest`` takes a hotkey's unique id or its name, case-insensitive; when
several hotkeys share a name, VTube Studio runs the first in the order its UI shows them
(the order of ``availableHotkeys``), and a hotkey without a name can only be triggered by
id (DenchiSoft/VTubeStudio README, "Requesting execution of hotkeys"). Ids belong to the
loaded model: another model has other ids, even for hotkeys of the same name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["EXPRESSION_SUFFIX", "Cue", "Hotkey", "Model", "cue_for"]

EXPRESSION_SUFFIX = ".exp3.json"


@dataclass(frozen=True, slots=True)
class Hotkey:
    hotkey_id: str
    name: str
    type: str
    file: str = ""

    def describe(self) -> str:
        what = f"{self.type} {self.file}" if self.file else self.type
        return f"{self.name!r} ({what})"


@dataclass(frozen=True, slots=True)
class Model:
    """``HotkeysInCurrentModelResponse``: the loaded model and its hotkeys, in UI order."""

    loaded: bool
    model_id: str
    name: str
    hotkeys: tuple[Hotkey, ...]

    @staticmethod
    def from_response(data: Mapping[str, Any]) -> Model:
        found = data.get("availableHotkeys")
        hotkeys = tuple(
            Hotkey(
                str(h.get("hotkeyID", "")),
                str(h.get("name", "")),
                str(h.get("type", "")),
                str(h.get("file", "")),
            )
            for h in (found if isinstance(found, list) else [])
            if isinstance(h, dict) and h.get("hotkeyID")
        )
        return Model(
            data.get("modelLoaded") is True,
            str(data.get("modelID", "")),
            str(data.get("modelName", "")),
            hotkeys,
        )

    def namesakes(self, name: str) -> list[Hotkey]:
        """Every hotkey VTube Studio would match by this name (case-insensitive), in UI order."""
        wanted = name.lower()
        return [h for h in self.hotkeys if h.name and h.name.lower() == wanted]

    def find(self, target: str) -> Hotkey | None:
        """The hotkey VTube Studio triggers for ``target``: the one with that id, else the
        first of that name."""
        by_id = next((h for h in self.hotkeys if h.hotkey_id == target), None)
        if by_id is not None:
            return by_id
        named = self.namesakes(target)
        return named[0] if named else None


@dataclass(frozen=True, slots=True)
class Cue:
    """What showing an emotion sends. ``toggle`` and ``expression`` stay on until turned
    off (a toggle by a second press); ``clear`` removes every expression; ``oneshot`` (an
    animation, or a hotkey of a model not read yet) leaves nothing on."""

    kind: Literal["expression", "toggle", "clear", "oneshot"]
    ref: str
    """The expression file, or the hotkey id (the name while the model is unknown)."""


def cue_for(target: str, model: Model | None) -> Cue | None:
    """The cue for a persona mapping on ``model``; None when the model has no such hotkey."""
    if target.endswith(EXPRESSION_SUFFIX):
        return Cue("expression", target)
    if model is None:
        return Cue("oneshot", target)
    hotkey = model.find(target)
    if hotkey is None:
        return None
    if hotkey.type == "ToggleExpression":
        return Cue("toggle", hotkey.hotkey_id)
    if hotkey.type == "RemoveAllExpressions":
        return Cue("clear", hotkey.hotkey_id)
    return Cue("oneshot", hotkey.hotkey_id)
