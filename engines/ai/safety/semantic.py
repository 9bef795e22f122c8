"""The semantic layer: what a line means, not which words it uses.

A multilingual sentence embedding (an :class:`Embedder`, from ``integrations/``), beside hashed
character and word n-grams of the line (TF-IDF weighted; they carry spellings, slurs and set
phrases in any language), goes through a head trained in this repository
(``tools/train_safety_head.py`` on ``tools/safety_data/``): one hidden layer of rectified
units, then a softmax (or, for an older head, the softmax alone), which gives the probability
of each class: ``harmless`` and the
hostile ones (hate, harassment and threats, sexual, minors, self-harm, personal data, spam and
scams, prompt injection, other). A line is blocked when the hostile classes together reach
the threshold for its side (viewer input, the bot's own sentence, a display name), or when
one class reaches its own, lower, threshold (minors and self-harm).

The head is two matrix products and a softmax (the n-grams' product only reads the rows of
the n-grams present); the embedding is the cost, about a millisecond per sentence in a batch
on one core. The n-grams are hashed with scikit-learn's
``HashingVectorizer`` (already loaded for the profanity classifier), so no vocabulary ships.

A :class:`Classifier` fine-tuned for moderation may read each line beside the head, on its own
thresholds; either reader's block stands (``SemanticLayer(classifier=...)``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal, Protocol

import numpy as np

from engines.ai.safety.decoders import strip_address
from engines.backends import BackendError

__all__ = ["DEFAULT_HEAD", "Classifier", "Embedder", "SemanticHead", "SemanticHit", "SemanticLayer", "Side"]

DEFAULT_HEAD: Final = Path(__file__).with_name("data") / "semantic_head.npz"
"""The head trained by ``tools/train_safety_head.py`` (shipped with the package)."""

Side = Literal["input", "output", "name"]
CAUTION_MIN_WORDS: Final = 4
"""A caution needs a line of at least this many words: a greeting or an emote carries too
little meaning for the embedding to lean on (the block thresholds still apply to them)."""
log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (one row each). Implementations translate their
    failures into ``BackendError``."""

    name: str

    def warm(self) -> None: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class Classifier(Protocol):
    """A classifier fine-tuned on the head's classes (``classes`` in the head's order), read
    beside the head. ``meta["own"]`` holds its own thresholds (``thresholds`` per side,
    ``class_thresholds``, ``caution``), set on validation lines as the head's are. Failures are
    ``BackendError``."""

    name: str
    classes: tuple[str, ...]

    @property
    def meta(self) -> Mapping[str, Any]: ...

    def warm(self) -> None: ...

    def probabilities(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class SemanticHit:
    """Why the layer objects: the likeliest hostile class and the total hostile probability.
    ``blocked`` False: only a caution (above the side's caution threshold, below its block one)."""

    category: str
    score: float
    blocked: bool = True


CHAR_FEATURES: Final = 2**18
WORD_FEATURES: Final = 2**17


@cache
def _vectorizers(char_features: int = CHAR_FEATURES, word_features: int = WORD_FEATURES) -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import HashingVectorizer

    chars = HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), n_features=char_features, alternate_sign=False, norm=None
    )
    words = HashingVectorizer(
        analyzer="word", ngram_range=(1, 2), n_features=word_features, alternate_sign=False, norm=None,
        token_pattern=r"(?u)\b\w+\b",  # noqa: S106 - a regular expression, not a password
    )  # fmt: skip
    return chars, words


def ngram_features(texts: Sequence[str], idf: np.ndarray, char_features: int = CHAR_FEATURES) -> Any:
    """TF-IDF over hashed character (2-5, within words) and word (1-2) n-grams: a sparse
    (n, len(idf)) matrix (the first ``char_features`` columns are the characters'), sublinear
    counts, each row L2-normalised."""
    from scipy import sparse

    chars, words = _vectorizers(char_features, len(idf) - char_features)
    counts = sparse.hstack([chars.transform(texts), words.transform(texts)]).tocsr()
    counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    # float32 like the head's weights: a float64 matrix would make scipy copy all of them per call
    return (sparse.diags(1.0 / norms) @ counts).astype(np.float32)


@dataclass(frozen=True)
class SemanticHead:
    """A head over embeddings and n-grams. ``classes[0]`` is ``harmless``.

    The first layer adds the embedding's and the n-grams' products and ``bias``. With
    ``out_weight`` it is a hidden layer (rectified, then ``out_weight`` and ``out_bias`` give
    the logits); without, its sums are the logits."""

    classes: tuple[str, ...]
    weight: np.ndarray
    """(dimensions, units): the embedding's weights (units: hidden units, or classes)"""
    bias: np.ndarray
    """(units,)"""
    thresholds: Mapping[str, float]
    """Per side: block when the hostile probability reaches it."""
    class_thresholds: Mapping[str, float] = field(default_factory=dict)
    """Per class: block when that class alone reaches it (stricter for minors, self-harm)."""
    caution: Mapping[str, float] = field(default_factory=dict)
    """Per side: below the block threshold but at or above this, the line is allowed with a
    caution (the bot does not answer it as ordinary chat)."""
    embedder: str = ""
    """The embedder the head was trained on; another one's vectors mean nothing to it."""
    ngram_weight: np.ndarray | None = None
    """(CHAR_FEATURES + WORD_FEATURES, classes), or None for an embedding-only head."""
    idf: np.ndarray | None = None
    """The n-grams' inverse document frequencies."""
    embedding_scale: float = 1.0
    out_weight: np.ndarray | None = None
    """(hidden units, classes), or None for a head with no hidden layer."""
    out_bias: np.ndarray | None = None
    char_features: int = CHAR_FEATURES
    """How many of the n-gram columns are character n-grams (the rest are words)."""
    classifier_veto: float = 0.0
    """Below this hostile probability the profanity classifier's block is overruled: it reads
    words ("negro" is Spanish for black, "dumb as hell" is banter), the head reads meaning.
    0: no veto. Set by the trainer on validation lines."""
    rule_veto: float = 0.0
    """The same for the soft rules (``pipeline.SOFT_RULES``: a sexual word of the global list,
    a roleplay request). 0: no veto."""

    @classmethod
    def load(cls, path: Path = DEFAULT_HEAD) -> SemanticHead:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            return cls(
                classes=tuple(meta["classes"]),
                weight=np.asarray(data["weight"], dtype=np.float32),
                bias=np.asarray(data["bias"], dtype=np.float32),
                thresholds=dict(meta["thresholds"]),
                class_thresholds=dict(meta.get("class_thresholds", {})),
                embedder=str(meta.get("embedder", "")),
                ngram_weight=np.asarray(data["ngram_weight"], dtype=np.float32)
                if "ngram_weight" in data
                else None,
                idf=np.asarray(data["idf"], dtype=np.float32) if "idf" in data else None,
                embedding_scale=float(meta.get("embedding_scale", 1.0)),
                caution=dict(meta.get("caution", {})),
                out_weight=np.asarray(data["out_weight"], dtype=np.float32) if "out_weight" in data else None,
                out_bias=np.asarray(data["out_bias"], dtype=np.float32) if "out_bias" in data else None,
                char_features=int(meta.get("char_features", CHAR_FEATURES)),
                classifier_veto=float(meta.get("classifier_veto", 0.0)),
                rule_veto=float(meta.get("rule_veto", 0.0)),
            )

    def save(self, path: Path, **extra: object) -> None:
        meta = {
            "classes": list(self.classes),
            "thresholds": dict(self.thresholds),
            "class_thresholds": dict(self.class_thresholds),
            "embedder": self.embedder,
            "embedding_scale": self.embedding_scale,
            "caution": dict(self.caution),
            "char_features": self.char_features,
            "classifier_veto": self.classifier_veto,
            "rule_veto": self.rule_veto,
            **extra,
        }
        arrays: dict[str, np.ndarray] = {
            "weight": self.weight,
            "bias": self.bias,
            "meta": np.array(json.dumps(meta)),
        }
        if self.ngram_weight is not None and self.idf is not None:
            arrays["ngram_weight"] = self.ngram_weight.astype(np.float16)
            arrays["idf"] = self.idf.astype(np.float16)
        if self.out_weight is not None and self.out_bias is not None:
            arrays["out_weight"] = self.out_weight
            arrays["out_bias"] = self.out_bias
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    def probabilities(self, vectors: np.ndarray, texts: Sequence[str] = ()) -> np.ndarray:
        """(n, classes) class probabilities for (n, dimensions) embeddings of ``texts``."""
        logits = (vectors * self.embedding_scale) @ self.weight + self.bias
        if self.ngram_weight is not None and self.idf is not None and len(texts):
            logits = logits + np.asarray(
                ngram_features(texts, self.idf, self.char_features) @ self.ngram_weight
            )
        if self.out_weight is not None and self.out_bias is not None:
            logits = np.maximum(logits, 0.0) @ self.out_weight + self.out_bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        out: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return out

    def judge(self, probabilities: np.ndarray, side: Side) -> SemanticHit | None:
        """The verdict for one row of :meth:`probabilities`."""
        hostile = float(1.0 - probabilities[0])
        best = int(np.argmax(probabilities[1:])) + 1
        category = self.classes[best]
        if hostile >= self.thresholds[side]:
            return SemanticHit(category, hostile)
        for name, limit in self.class_thresholds.items():
            p = float(probabilities[self.classes.index(name)])
            if p >= limit:
                return SemanticHit(name, p)
        if side in self.caution and hostile >= self.caution[side]:
            return SemanticHit(category, hostile, blocked=False)
        return None


class SemanticLayer:
    """The embedder and the head together; shared by every copy of a safety pipeline.

    The head loads on first use. A missing or unreadable head file (a broken install) is logged
    as an error once and the layer stands aside; ``tests/engines/ai/safety/test_semantic.py``
    fails the build if the shipped head is missing."""

    def __init__(
        self,
        embedder: Embedder,
        head: SemanticHead | None = None,
        *,
        path: Path = DEFAULT_HEAD,
        classifier: Classifier | None = None,
    ) -> None:
        self.embedder = embedder
        self._head = head
        self._path = path
        self._broken = False
        self.classifier = classifier
        """The fine-tuned classifier read beside the head, or None."""
        self._second: SemanticHead | None = None
        self._classifier_failed = False

    @property
    def head(self) -> SemanticHead | None:
        if self._head is None and not self._broken:
            try:
                self._head = SemanticHead.load(self._path)
            except (OSError, ValueError, KeyError) as exc:
                self._broken = True
                log.error("the semantic safety layer is off: cannot read its head %s (%s)", self._path, exc)
        return self._head

    def warm(self) -> None:
        if self.head is None:
            return
        self.embedder.warm()
        self.embedder.embed(["warm up"])
        if self.second is not None and self.classifier is not None:
            try:
                self.classifier.warm()
                self.classifier.probabilities(["warm up"])
            except BackendError as exc:
                self._classifier_down(exc)

    @property
    def second(self) -> SemanticHead | None:
        """The classifier's own judge (the head's classes with the classifier's thresholds), or
        None: no classifier, it is down, or its classes are not the head's."""
        if self.classifier is None or self._classifier_failed:
            return None
        head = self.head
        if head is None:
            return None
        if self._second is None:
            own = self.classifier.meta.get("own", {})
            if tuple(self.classifier.classes) != head.classes or "thresholds" not in own:
                log.warning(
                    "the safety classifier %s does not fit the head %s: the head reads alone",
                    self.classifier.name, self._path.name,
                )  # fmt: skip
                self._classifier_failed = True
                return None
            self._second = replace(
                head,
                thresholds=dict(own["thresholds"]),
                class_thresholds=dict(own.get("class_thresholds", {})),
                caution=dict(own.get("caution", {})),
            )
        return self._second

    def _classifier_down(self, exc: Exception) -> None:
        log.error("the safety classifier is off, the head reads alone: %s", exc)
        self._classifier_failed = True

    def check(self, texts: Sequence[str], sides: Sequence[Side]) -> list[SemanticHit | None]:
        """One verdict per text (one batch through the embedder), read without a leading
        address: hostile lines are said *to* the character more often than friendly ones, and
        the head must not learn the character's name as a sign of abuse."""
        return [hit for hit, _ in self.assess(texts, sides)]

    def assess(self, texts: Sequence[str], sides: Sequence[Side]) -> list[tuple[SemanticHit | None, float]]:
        """:meth:`check`'s verdicts, each with the head's total hostile probability for the line
        (0.0 when the layer stands aside)."""
        head = self.head
        if not texts or head is None:
            return [(None, 0.0)] * len(texts)
        texts = [strip_address(t) for t in texts]
        probabilities = head.probabilities(self.embedder.embed(texts), texts)
        hits = [head.judge(row, side) for row, side in zip(probabilities, sides, strict=True)]
        second = self.second
        if second is not None and self.classifier is not None:
            # Either reader's block stands; a line the head already blocks is not asked.
            asked = [i for i, hit in enumerate(hits) if hit is None or not hit.blocked]
            if asked:
                try:
                    theirs = self.classifier.probabilities([texts[i] for i in asked])
                except BackendError as exc:
                    self._classifier_down(exc)
                else:
                    for i, row in zip(asked, theirs, strict=True):
                        other = second.judge(row, sides[i])
                        if other is not None and (other.blocked or hits[i] is None):
                            hits[i] = other
        out: list[tuple[SemanticHit | None, float]] = []
        for hit, row, text in zip(hits, probabilities, texts, strict=True):
            if hit is not None and not hit.blocked and len(text.split()) < CAUTION_MIN_WORDS:
                hit = None
            # The head's own probability: the vetoes' floors were set on it.
            out.append((hit, float(1.0 - row[0])))
        return out

    @property
    def classifier_veto(self) -> float:
        """The head's :attr:`SemanticHead.classifier_veto` (0.0 without a head)."""
        head = self.head
        return head.classifier_veto if head is not None else 0.0

    @property
    def rule_veto(self) -> float:
        """The head's :attr:`SemanticHead.rule_veto` (0.0 without a head)."""
        head = self.head
        return head.rule_veto if head is not None else 0.0
