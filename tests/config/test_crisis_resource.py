"""``safety.crisis_resource``: what moderators send a viewer in crisis, one chat line."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from config.settings import DEFAULT_CRISIS_RESOURCE, SafetySettings, Settings


def test_the_default_points_to_helplines_and_fits_one_chat_message() -> None:
    resource = Settings().safety.crisis_resource
    assert resource == DEFAULT_CRISIS_RESOURCE
    assert "findahelpline.com" in resource and "988" in resource
    assert len(resource) <= 500


def test_the_streamer_writes_their_own() -> None:
    assert SafetySettings.model_validate(
        {"crisis_resource": "Samaritans: call 116 123 (UK & IE)."}
    ).crisis_resource.startswith("Samaritans")


@pytest.mark.parametrize("bad", ["", "   ", "two\nlines", "tab\there", "bell\x07", "x" * 501])
def test_an_empty_multi_line_or_too_long_resource_is_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        SafetySettings.model_validate({"crisis_resource": bad})
