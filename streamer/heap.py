"""Keep Python's cycle collector from stalling the show.

After start-up the process holds ~190,000 long-lived objects (the safety classifier,
SciPy, the openai SDK's types, the voice). A full collection walks all of them: 100-190 ms
on this CPU with the GIL held, so the event loop and the audio callback thread both stop.
CPython runs one whenever enough objects have survived since the last, which in a stream of
several hours means mid-sentence. :func:`settle` collects once while nothing is playing and
then freezes what is left (:func:`gc.freeze`): later collections skip it.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger(__name__)


def settle() -> int:
    """Collect garbage, then freeze the surviving heap. Returns how many objects are frozen."""
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    log.debug("heap: %d objects frozen in %.0f ms", frozen, (time.perf_counter() - started) * 1000)
    return frozen
