"""Stand-ins the memory writer's tests share: the safety predicate it is given and a tiny
embedder (what is stored matters in those tests, not how it is found)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from engines.ai.safety import SafetyPipeline

SAFETY = SafetyPipeline()
SAFETY.warm()


def allowed(texts: Sequence[str]) -> list[bool]:
    """The writer's safety predicate: neither blocked nor cautioned on input."""
    return [not (d.blocked or d.caution) for d in SAFETY.check_inputs(texts)]


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit vector per text."""
    out = np.zeros((len(texts), 8), dtype=np.float32)
    for i, text in enumerate(texts):
        out[i, sum(map(ord, text)) % 8] = 1.0
    return out
