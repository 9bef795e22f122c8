"""Safety layers for chat input and for every sentence the bot is about to say.

Use :class:`SafetyPipeline`; the layer modules are importable on their own for tests and
tools. Importing this package is cheap: the classifier model and the Unicode tables
load on first use (or on :meth:`SafetyPipeline.warm`).
"""

from engines.ai.safety.blocklist import Blocklist, BlockMatch
from engines.ai.safety.classifier import Classifier, ProfanityCheckClassifier, default_classifier
from engines.ai.safety.decision import (
    Layer,
    ModerationBackend,
    ModerationResult,
    SafetyDecision,
    Stage,
    Verdict,
)
from engines.ai.safety.normalize import Normalized, normalize
from engines.ai.safety.patterns import DEFAULT_ALLOWED_DOMAINS
from engines.ai.safety.pipeline import DEFAULT_CLASSIFIER_THRESHOLD, SafetyPipeline

__all__ = [
    "DEFAULT_ALLOWED_DOMAINS",
    "DEFAULT_CLASSIFIER_THRESHOLD",
    "BlockMatch",
    "Blocklist",
    "Classifier",
    "Layer",
    "ModerationBackend",
    "ModerationResult",
    "Normalized",
    "ProfanityCheckClassifier",
    "SafetyDecision",
    "SafetyPipeline",
    "Stage",
    "Verdict",
    "default_classifier",
    "normalize",
]
