"""Layer 5: an offline toxicity classifier, behind a small interface.

:class:`Classifier` is what the pipeline needs: probabilities for a batch of texts.
:class:`ProfanityCheckClassifier` implements it with ``alt-profanity-check`` (a TF-IDF +
linear SVM model, calibrated; MIT licensed). Importing that package pulls in
scikit-learn and takes seconds, so it is loaded lazily, on the first call or on
:meth:`ProfanityCheckClassifier.load` (the pipeline's ``warm()``), and only once per
process. Once loaded, its weights are read out into plain dicts and scored in pure
Python, which is exact (the same formula as scikit-learn) and takes microseconds for
one chat line instead of the milliseconds scikit-learn spends on input validation.
If a future version of the package changes the model's shape, scoring falls back to
the package's own ``predict_prob``.

The model scores swearing as much as hostility and knows nothing about games, so
:func:`classifier_text` prepares the text first: violence words are dropped unless they
are aimed at a person ("kill the dragon", "that boss killed me", "shoot him in the head"
keep nothing of "kill"/"shoot"; "I will kill you" keeps it), and so are exclamations
("holy shit that was insane") unless they are aimed at a person ("shit you").
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Sequence
from typing import Any, Final, Protocol, runtime_checkable

__all__ = [
    "Classifier",
    "ProfanityCheckClassifier",
    "classifier_text",
    "default_classifier",
]


@runtime_checkable
class Classifier(Protocol):
    """Scores texts: the probability, 0..1, that each is hostile or profane."""

    def scores(self, texts: Sequence[str]) -> list[float]: ...


# ---------------------------------------------------------------- context


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SECOND_PERSON: Final = _words("you u ya yah ye yourself urself yourselves youre ur your yours thee streamer")
_VIOLENCE: Final = _words(
    """kill kills killed killing killer killers die dies died dying dead death deaths shoot shoots
    shooting shot shots headshot headshots murder murders murdered murdering destroy destroys
    destroyed destroying wreck wrecks wrecked rekt slay slays slayed slain stab stabs stabbed snipe
    sniped sniping nuke nuked nuking execute executed massacre massacred slaughter slaughtered beat
    beats beaten smash smashed bomb bombed explode exploded burn burned burning crush crushed bleed
    bleeding blood bloody gun guns punch punched choke choked brutal savage sick insane crazy mad
    nuts attack attacked fight hit hits hurt hurts violent violence gore gory corpse corpses
    assassin assassins assassinate assassinated"""
)
_EXCLAMATIONS: Final = _words(
    """shit shitty holy damn dammit damnit goddamn hell heck wtf omg omfg crap crappy frick fricking
    freaking fuck fucking fuckin fking effing bullshit lmao lmfao rofl af bruh jeez jesus god lord"""
)
_VIOLENCE_REACH: Final = 3
"""A violence word counts as aimed at a person when one follows within this many words."""


def classifier_text(tokens: Sequence[str]) -> str:
    """The words the classifier should score, with harmless gaming context removed."""
    kept: list[str] = []
    for i, tok in enumerate(tokens):
        if tok in _VIOLENCE:
            ahead = tokens[i + 1 : i + 1 + _VIOLENCE_REACH]
            if not any(t in _SECOND_PERSON for t in ahead):
                continue
        elif tok in _EXCLAMATIONS:
            near = (*tokens[max(i - 1, 0) : i], *tokens[i + 1 : i + 3])
            if not any(t in _SECOND_PERSON for t in near):
                continue
        kept.append(tok)
    return " ".join(kept)


# ---------------------------------------------------------------- profanity_check

_TOKEN: Final = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern


def _expit(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


class _LinearScorer:
    """TF-IDF (l2) → linear SVMs → sigmoid calibration, averaged over folds, in pure Python."""

    def __init__(
        self,
        weights: dict[str, tuple[float, tuple[float, ...]]],
        intercepts: tuple[float, ...],
        calibration: tuple[tuple[float, float], ...],
    ) -> None:
        self._weights = weights
        self._intercepts = intercepts
        self._calibration = calibration

    def score(self, text: str) -> float:
        counts: dict[str, int] = {}
        weights = self._weights
        for tok in _TOKEN.findall(text.lower()):
            if tok in weights:
                counts[tok] = counts.get(tok, 0) + 1
        k = len(self._intercepts)
        dots = [0.0] * k
        square = 0.0
        for tok, count in counts.items():
            idf, coefs = weights[tok]
            value = count * idf
            square += value * value
            for j in range(k):
                dots[j] += value * coefs[j]
        norm = math.sqrt(square) if square > 0 else 1.0
        total = 0.0
        for j in range(k):
            decision = dots[j] / norm + self._intercepts[j]
            a, b = self._calibration[j]
            total += _expit(-(a * decision + b))
        return total / k

    @classmethod
    def from_sklearn(cls, vectorizer: Any, model: Any) -> _LinearScorer | None:
        """Read the weights out of the fitted objects; ``None`` if they are not the expected kind."""
        try:
            params = vectorizer.get_params()
            if (
                params.get("analyzer") != "word"
                or params.get("ngram_range") != (1, 1)
                or params.get("norm") != "l2"
                or params.get("sublinear_tf")
                or params.get("binary")
                or not params.get("use_idf")
                or params.get("token_pattern") != _TOKEN.pattern
                or not params.get("lowercase")
            ):
                return None
            idf = vectorizer.idf_
            vocabulary: dict[str, int] = vectorizer.vocabulary_
            folds = model.calibrated_classifiers_
            coefs: list[Any] = []
            intercepts: list[float] = []
            calibration: list[tuple[float, float]] = []
            for fold in folds:
                if fold.method != "sigmoid" or len(fold.calibrators) != 1:
                    return None
                estimator = fold.estimator
                if estimator.coef_.shape[0] != 1:
                    return None
                coefs.append(estimator.coef_[0])
                intercepts.append(float(estimator.intercept_[0]))
                calibrator = fold.calibrators[0]
                calibration.append((float(calibrator.a_), float(calibrator.b_)))
            if not coefs:
                return None
            weights = {
                word: (float(idf[i]), tuple(float(c[i]) for c in coefs)) for word, i in vocabulary.items()
            }
        except (AttributeError, KeyError, IndexError, TypeError, ValueError):
            return None
        return cls(weights, tuple(intercepts), tuple(calibration))


class ProfanityCheckClassifier:
    """:class:`Classifier` backed by ``alt-profanity-check``, loaded on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._scorer: _LinearScorer | None = None
        self._fallback: Callable[[list[str]], Sequence[float]] | None = None

    @property
    def loaded(self) -> bool:
        return self._scorer is not None or self._fallback is not None

    def load(self) -> None:
        """Import the model now (seconds, once per process) instead of on the first message."""
        if self.loaded:
            return
        with self._lock:
            if self.loaded:
                return
            from profanity_check import profanity_check as pc

            scorer = _LinearScorer.from_sklearn(pc.vectorizer, pc.model)
            if scorer is not None:
                self._scorer = scorer
            else:

                def fallback(texts: list[str]) -> Sequence[float]:
                    return [float(p) for p in pc.predict_prob(texts)]

                self._fallback = fallback

    def scores(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        self.load()
        if self._scorer is not None:
            score = self._scorer.score
            return [score(t) for t in texts]
        assert self._fallback is not None
        return list(self._fallback(list(texts)))


_DEFAULT: ProfanityCheckClassifier | None = None
_DEFAULT_LOCK = threading.Lock()


def default_classifier() -> ProfanityCheckClassifier:
    """The process-wide :class:`ProfanityCheckClassifier` (constructed, not yet loaded)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = ProfanityCheckClassifier()
        return _DEFAULT
