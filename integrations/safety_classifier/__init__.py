"""The fine-tuned safety classifier, offline: all-MiniLM-L6-v2 fine-tuned in this repository
(``tools/train_safety_classifier.py``) and run with onnxruntime and tokenizers, no torch."""

from integrations.safety_classifier.minilm import DEFAULT_DIR, MiniLMClassifier

__all__ = ["DEFAULT_DIR", "MiniLMClassifier"]
