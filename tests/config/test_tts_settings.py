"""The voice settings (tts: piper | elevenlabs | openai) and the persona's voice per provider."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.persona import load_persona
from config.settings import (
    ConfigError,
    ElevenLabsSettings,
    OpenAITTSSettings,
    PiperSettings,
    load_settings,
    redacted,
    secret_values,
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)


def test_piper_is_the_default_voice() -> None:
    assert isinstance(load_settings().tts, PiperSettings)


def test_elevenlabs_from_the_file_with_the_key_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "vtuber.toml").write_text(
        '[tts]\nprovider = "elevenlabs"\nmode = "http"\nsample_rate = 24000\n'
    )
    monkeypatch.setenv("VTUBER_TTS__API_KEY", "sk_live_abcdef123456")
    s = load_settings()
    assert isinstance(s.tts, ElevenLabsSettings)
    assert (s.tts.mode, s.tts.sample_rate, s.tts.fallback, s.tts.model) == (
        "http",
        24000,
        True,
        "eleven_flash_v2_5",
    )
    assert redacted(s)["tts"]["api_key"] == "***"
    assert "sk_live_abcdef123456" in secret_values(s)  # so the log filter masks it
    assert "sk_live_abcdef123456" not in repr(s.tts)


def test_elevenlabs_without_a_key_says_where_to_put_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VTUBER_TTS__PROVIDER", "elevenlabs")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert "tts.api_key: required for ElevenLabs: set VTUBER_TTS__API_KEY" in str(info.value)
    assert "tts.elevenlabs" not in str(info.value)  # the union's tag is not part of the key


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"VTUBER_TTS__SAMPLE_RATE": "8000"}, "tts.sample_rate: must be 16000, 22050, 24000 or 44100"),
        ({"VTUBER_TTS__MODE": "grpc"}, "tts.mode: Input should be 'http' or 'websocket'"),
        ({"VTUBER_TTS__WS_URL": "http://x"}, "tts.ws_url: String should match pattern '^wss?://'"),
    ],
)
def test_bad_elevenlabs_values_are_named(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], message: str
) -> None:
    monkeypatch.setenv("VTUBER_TTS__PROVIDER", "elevenlabs")
    monkeypatch.setenv("VTUBER_TTS__API_KEY", "k")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(ConfigError, match="invalid configuration") as info:
        load_settings()
    assert message in str(info.value)


def test_openai_tts_and_an_unknown_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VTUBER_TTS__PROVIDER", "openai")
    monkeypatch.setenv("VTUBER_TTS__VOICE", "nova")
    s = load_settings()
    assert isinstance(s.tts, OpenAITTSSettings) and s.tts.voice == "nova" and s.tts.model == "gpt-4o-mini-tts"
    assert redacted(s)["tts"]["api_key"] == ""
    monkeypatch.setenv("VTUBER_TTS__PROVIDER", "azure")
    with pytest.raises(ConfigError, match="'piper', 'elevenlabs', 'openai'"):
        load_settings()


def test_a_persona_names_a_voice_per_provider(tmp_path: Path) -> None:
    hiyori = load_persona("hiyori")
    assert hiyori.voice_for("elevenlabs") is None
    persona = hiyori.model_copy(update={"voice": "shared-voice", "voices": {"elevenlabs": "el-voice-id"}})
    assert persona.voice_for("elevenlabs") == "el-voice-id"
    assert persona.voice_for("openai") == "shared-voice"
    text = (Path(__file__).parents[2] / "config" / "personas" / "hiyori.toml").read_text()
    path = tmp_path / "p.toml"
    path.write_text(text + '\n[voices]\nopenai = "nova"\npiper = "/voices/x.onnx"\n')
    loaded = load_persona(path)
    assert loaded.voices == {"openai": "nova", "piper": "/voices/x.onnx"}
    path.write_text(text + '\n[voices]\nazure = "x"\n')
    with pytest.raises(ValueError, match="voices"):
        load_persona(path)
