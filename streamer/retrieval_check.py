"""Safety on retrieval for long-term memory: what the recall found is checked again before it
goes into a prompt (``streamer.memory_recall.Recall`` calls it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from engines.ai.safety import SafetyPipeline
from engines.ai.safety.normalize import normalize


class RetrievalCheck:
    """Safety on retrieval: a memory is checked as the character's own words (the output stage:
    every local layer but injection, which reads third-person notes as instructions); a
    knowledge snippet against the blocklists (:meth:`documents`). Answers are cached per pipeline; the
    brain builds a new pipeline when a moderator bans a word or the persona changes, and then
    everything is checked again."""

    def __init__(self, pipeline: Callable[[], SafetyPipeline], *, max_cached: int = 20_000) -> None:
        self.pipeline = pipeline
        self.max_cached = max_cached
        self._for: SafetyPipeline | None = None
        self._cache: dict[str, bool] = {}
        self._documents_for: SafetyPipeline | None = None
        self._documents: dict[str, bool] = {}

    def __call__(self, texts: Sequence[str]) -> list[bool]:
        pipeline = self.pipeline()
        if pipeline is not self._for or len(self._cache) > self.max_cached:
            self._for, self._cache = pipeline, {}
        cache = self._cache
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            for text, d in zip(missing, pipeline.check_outputs(missing), strict=True):
                cache[text] = not (d.blocked or d.caution)
        return [cache[t] for t in texts]

    def documents(self, texts: Sequence[str]) -> list[bool]:
        """For the streamer's own documents: the blocklists only (the default list, the
        persona's, the moderators' banned words). The semantic layer read harmless FAQ
        paragraphs ("The moderators are ...", "the subathon record is 41 hours") as hostile.
        Cached per pipeline like :meth:`__call__`."""
        pipeline = self.pipeline()
        if pipeline is not self._documents_for or len(self._documents) > self.max_cached:
            self._documents_for, self._documents = pipeline, {}
        cache = self._documents
        out = []
        for text in texts:
            ok = cache.get(text)
            if ok is None:
                ok = cache[text] = pipeline.blocklist.match(normalize(text), output=True) is None
            out.append(ok)
        return out
