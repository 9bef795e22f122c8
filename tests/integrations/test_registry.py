"""The provider registry: every registered settings model has its adapter line, and the
settings pick the adapter (with piper behind a cloud voice)."""

from __future__ import annotations

import pytest

from config.persona import load_persona
from config.providers import TTS_PROVIDERS, TTSProviderSettings
from config.settings import load_settings
from engines.backends import TTSSetup
from engines.voice.fallback_tts import FallbackTTS
from integrations.elevenlabs import ElevenLabsTTS
from integrations.openai.tts import OpenAITTS
from integrations.piper.tts import PiperTTS
from integrations.registry import TTS, UnknownProviderError, build_safety, build_tts, unregistered


def test_every_provider_settings_model_has_an_adapter() -> None:
    assert unregistered() == []
    assert set(TTS) == set(TTS_PROVIDERS)


@pytest.mark.parametrize(
    ("tts", "adapter"),
    [
        ({"provider": "piper"}, PiperTTS),
        ({"provider": "elevenlabs", "api_key": "k", "fallback": False}, ElevenLabsTTS),
        ({"provider": "openai", "api_key": "k", "fallback": False}, OpenAITTS),
    ],
)
def test_the_settings_pick_the_adapter(tts: dict[str, object], adapter: type) -> None:
    voice = build_tts(load_settings(tts=tts), load_persona("hiyori"))
    assert type(voice) is adapter


def test_a_cloud_voice_gets_piper_behind_it() -> None:
    voice = build_tts(load_settings(tts={"provider": "openai", "api_key": "k"}), load_persona("hiyori"))
    assert isinstance(voice, FallbackTTS)
    assert isinstance(voice.primary, OpenAITTS)
    assert isinstance(voice.fallback, PiperTTS)


def test_the_configured_voice_wins_over_the_persona() -> None:
    settings = load_settings(tts={"provider": "openai", "api_key": "k", "voice": "nova", "fallback": False})
    voice = build_tts(settings, load_persona("hiyori"))
    assert isinstance(voice, OpenAITTS)
    assert voice.voice == "nova"


def test_an_unregistered_model_is_a_clear_error() -> None:
    class Unlisted(TTSProviderSettings):
        provider: str = "unlisted"

    with pytest.raises(UnknownProviderError, match="no tts adapter is registered for Unlisted"):
        TTS.build(Unlisted(), TTSSetup())


def test_a_provider_is_registered_once() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        TTS.register(TTS_PROVIDERS[0], PiperTTS.from_settings)


def test_safety_without_moderation_has_none() -> None:
    assert not build_safety(load_settings()).has_moderation
