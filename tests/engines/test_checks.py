"""`vtuber doctor`'s one result shape, shared by the local checks and the Twitch checks."""

from __future__ import annotations

import dataclasses
from typing import get_type_hints

import pytest

import integrations.twitch.doctor as twitch_doctor
import streamer.twitch_doctor as local_doctor
from engines.checks import Check


def test_a_check_is_frozen_and_fix_is_optional() -> None:
    check = Check("redis", "ok", "answers")
    assert check.fix == ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        check.status = "fail"  # type: ignore[misc]


def test_local_and_twitch_checks_return_the_one_type() -> None:
    assert get_type_hints(local_doctor.local_checks)["return"] == list[Check]
    assert get_type_hints(twitch_doctor.run_checks)["return"] == list[Check]
