"""Fixtures for the safety tests: one warmed pipeline per session (the model loads once)."""

from __future__ import annotations

import pytest

from engines.ai.safety import SafetyPipeline


@pytest.fixture(scope="session")
def pipeline() -> SafetyPipeline:
    p = SafetyPipeline()
    p.warm()
    return p
