"""The voice settings: which input runs, and bad combinations named clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import ConfigError, load_settings


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in list(__import__("os").environ):
        if key.startswith("VTUBER_") or key in ("REDIS_URL", "DATABASE_URL"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)


def test_auto_picks_the_wav_when_one_is_set_else_no_voice(tmp_path: Path) -> None:
    assert load_settings().voice.input == "none"
    assert load_settings(voice={"wav": tmp_path / "a.wav"}).voice.input == "wav"
    assert load_settings(voice={"source": "mic", "wav": tmp_path / "a.wav"}).voice.input == "mic"
    assert load_settings(voice={"source": "none", "wav": tmp_path / "a.wav"}).voice.input == "none"


def test_defaults_are_the_safe_ones() -> None:
    voice = load_settings().voice
    assert (voice.talk_mode, voice.barge_in_action, voice.echo_gate) == ("always", "stop", "on")
    assert voice.device is None and voice.min_barge_in_ms == 300.0


def test_environment_chooses_the_microphone_and_modes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VTUBER_VOICE__SOURCE", "mic")
    monkeypatch.setenv("VTUBER_VOICE__DEVICE", "Yeti")
    monkeypatch.setenv("VTUBER_VOICE__TALK_MODE", "push_to_talk")
    monkeypatch.setenv("VTUBER_VOICE__BARGE_IN_ACTION", "duck")
    voice = load_settings().voice
    assert (voice.input, voice.device, voice.talk_mode, voice.barge_in_action) == (
        "mic", "Yeti", "push_to_talk", "duck",
    )  # fmt: skip


def test_a_wav_source_without_a_wav_names_the_keys() -> None:
    with pytest.raises(ConfigError, match=r"voice\.source is 'wav' but voice\.wav is not set"):
        load_settings(voice={"source": "wav"})


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("talk_mode", "shout", "'always', 'name' or 'push_to_talk'"),
        ("echo_gate", "maybe", "'off', 'on' or 'half_duplex'"),
        ("barge_in_action", "pause", "'stop' or 'duck'"),
    ],
)
def test_bad_values_say_what_is_allowed(
    monkeypatch: pytest.MonkeyPatch, key: str, value: str, allowed: str
) -> None:
    monkeypatch.setenv(f"VTUBER_VOICE__{key.upper()}", value)
    with pytest.raises(ConfigError) as info:
        load_settings()
    message = str(info.value)
    assert f"voice.{key}" in message and allowed in message and f"VTUBER_VOICE__{key.upper()}" in message
