"""The provider registry: every registered settings model has its adapter line, and the
settings pick the adapter (with piper behind a cloud voice)."""

from __future__ import annotations

import contextlib

import pytest

from config.persona import load_persona
from config.providers import TTS_PROVIDERS, TTSProviderSettings
from config.settings import load_settings
from engines.backends import TTSSetup
from engines.voice.fallback_tts import FallbackTTS
from integrations.elevenlabs import ElevenLabsTTS
from integrations.openai.guard import GuardModeration
from integrations.openai.llm import OpenAILLM
from integrations.openai.moderation import OpenAIModeration
from integrations.openai.tts import OpenAITTS
from integrations.piper.tts import PiperTTS
from integrations.registry import (
    MODERATION,
    TTS,
    LLMParts,
    UnknownProviderError,
    build_safety,
    build_tts,
    first_audio_hold,
    unregistered,
)


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


def test_the_model_server_pauses_for_first_audio_only_beside_the_local_voice() -> None:
    pause = contextlib.nullcontext
    parts = LLMParts(OpenAILLM(base_url="http://127.0.0.1:9/v1", model="m"), None, pause)
    assert first_audio_hold(load_settings(tts={"provider": "piper"}), parts) is pause
    cloud = load_settings(tts={"provider": "openai", "api_key": "k"})  # piper only as a fallback
    assert first_audio_hold(cloud, parts) is None
    assert (
        first_audio_hold(load_settings(tts={"provider": "piper"}), LLMParts(parts.llm)) is None
    )  # remote or off
    assert load_settings().llm.first_audio_pause_ms == 400  # type: ignore[union-attr]
    off = load_settings(llm={"provider": "llama_cpp", "first_audio_pause_ms": 0})
    assert off.llm.first_audio_pause_ms == 0  # type: ignore[union-attr]


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


async def test_the_guard_judge_is_built_from_its_settings() -> None:
    settings = load_settings(
        safety={
            "moderation": "guard",
            "judge": {"base_url": "http://gpu-box:8000/v1/", "model": "google/shieldgemma-2b",
                      "style": "shieldgemma", "timeout_s": 0.8, "fail_closed_input": True},
        }
    )  # fmt: skip
    judge = MODERATION["guard"](settings)
    assert isinstance(judge, GuardModeration)
    try:
        assert (judge.base_url, judge.model, judge.style) == (
            "http://gpu-box:8000/v1", "google/shieldgemma-2b", "shieldgemma"
        )  # fmt: skip
    finally:
        await judge.aclose()
    safety = build_safety(settings)
    built = safety._moderation
    assert isinstance(built, GuardModeration)
    try:
        assert safety.moderation_timeout_s == 0.8
        assert safety.moderation_fail_closed == frozenset({"input", "output"})
    finally:
        await built.aclose()


@pytest.mark.parametrize(
    ("safety", "base_url"),
    [
        ({"openai_moderation": {"api_key": "sk-mod"}}, "https://api.openai.com/v1"),
        (
            {"openai_moderation": {"api_key": "sk-mod", "base_url": "https://mod.example/v1"}},
            "https://mod.example/v1",
        ),
    ],
)
async def test_openai_moderation_has_its_own_endpoint(safety: dict[str, object], base_url: str) -> None:
    judge = MODERATION["openai"](load_settings(safety={"moderation": "openai", **safety}))
    assert isinstance(judge, OpenAIModeration)
    try:
        assert judge.base_url == base_url
    finally:
        await judge.aclose()


async def test_openai_moderation_defaults_to_the_openai_llms_endpoint() -> None:
    settings = load_settings(
        llm={"provider": "openai", "base_url": "https://llm.example/v1", "api_key": "sk-llm"},
        safety={"moderation": "openai"},
    )
    safety = build_safety(settings)
    judge = safety._moderation
    assert isinstance(judge, OpenAIModeration)
    try:
        assert judge.base_url == "https://llm.example/v1"
        assert safety.moderation_fail_closed == frozenset({"output"})
        assert safety.moderation_timeout_s == settings.safety.openai_moderation.timeout_s
    finally:
        await judge.aclose()
