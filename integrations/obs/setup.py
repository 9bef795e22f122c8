"""Creates the overlay's OBS sources when they are missing (``vtuber obs setup``).

``ensure_sources(client, scene)`` is synchronous (it takes an ``obsws_python.ReqClient``);
run it from the overlay's worker thread with :meth:`ObsOverlay.setup`, or directly from a CLI.
Existing inputs are left as they are; an input that exists but is not in ``scene`` gets a
scene item there. The alert's scene item is created hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "DEFAULT_ALERT_SOURCE",
    "DEFAULT_CAPTION_SOURCE",
    "SetupResult",
    "ensure_sources",
    "text_input_kind",
]

DEFAULT_CAPTION_SOURCE = "VTuber Caption"
DEFAULT_ALERT_SOURCE = "VTuber Alert"
TEXT_KINDS = ("text_ft2_source_v2", "text_gdiplus_v3", "text_gdiplus_v2", "text_gdiplus")
"""Text source kinds, preferred first (Linux FreeType, then Windows GDI+); all use the key ``text``."""
_FT2_FONT = {"face": "DejaVu Sans", "size": 48, "style": "Bold", "flags": 0}


@dataclass(slots=True)
class SetupResult:
    scene: str
    created_inputs: list[str] = field(default_factory=list)
    created_scene_items: list[str] = field(default_factory=list)


def text_input_kind(client: Any) -> str:
    """The text source kind this OBS offers (``text_ft2_source_v2`` on Linux)."""
    kinds = set(client.send("GetInputKindList", {"unversioned": False}, raw=True)["inputKinds"])
    for kind in TEXT_KINDS:
        if kind in kinds:
            return kind
    raise RuntimeError("this OBS has no text source kind")


def _settings(kind: str, size: int) -> dict[str, Any]:
    settings: dict[str, Any] = {"text": ""}
    if kind.startswith("text_ft2"):
        settings.update(font={**_FT2_FONT, "size": size}, outline=True, drop_shadow=True)
    return settings


def _place(client: Any, scene: str, item_id: int, x: float, y: float) -> None:
    client.send(
        "SetSceneItemTransform",
        {"sceneName": scene, "sceneItemId": item_id, "sceneItemTransform": {"positionX": x, "positionY": y}},
    )


def ensure_sources(
    client: Any,
    scene: str | None = None,
    *,
    caption_source: str = DEFAULT_CAPTION_SOURCE,
    alert_source: str = DEFAULT_ALERT_SOURCE,
) -> SetupResult:
    """Create the caption and alert text sources (and their scene items) where missing."""
    if scene is None:
        scene = str(client.send("GetCurrentProgramScene", raw=True)["currentProgramSceneName"])
    result = SetupResult(scene=scene)
    inputs = {i["inputName"] for i in client.send("GetInputList", raw=True)["inputs"]}
    in_scene = {
        i["sourceName"] for i in client.send("GetSceneItemList", {"sceneName": scene}, raw=True)["sceneItems"]
    }
    video = client.send("GetVideoSettings", raw=True)
    width, height = float(video["baseWidth"]), float(video["baseHeight"])
    kind: str | None = None
    plan = (
        (caption_source, True, int(height / 15), (width * 0.05, height * 0.82)),
        (alert_source, False, int(height / 12), (width * 0.05, height * 0.08)),
    )
    for name, enabled, size, (x, y) in plan:
        if name not in inputs:
            kind = kind or text_input_kind(client)
            item = client.send(
                "CreateInput",
                {
                    "sceneName": scene,
                    "inputName": name,
                    "inputKind": kind,
                    "inputSettings": _settings(kind, size),
                    "sceneItemEnabled": enabled,
                },
                raw=True,
            )
            result.created_inputs.append(name)
            result.created_scene_items.append(name)
            _place(client, scene, int(item["sceneItemId"]), x, y)
        elif name not in in_scene:
            item = client.send(
                "CreateSceneItem",
                {"sceneName": scene, "sourceName": name, "sceneItemEnabled": enabled},
                raw=True,
            )
            result.created_scene_items.append(name)
            _place(client, scene, int(item["sceneItemId"]), x, y)
    return result
