"""Every secret setting is found by walking the settings: a new provider's key is redacted from
``config check`` and from the logs without anyone listing it. These tests fill every ``SecretStr``
field of every section and every registered provider, so a field the walk misses fails here."""

from __future__ import annotations

import json
import typing
from typing import Any

import pytest
from pydantic import BaseModel, SecretStr

from config.providers import LLM_PROVIDERS, TTS_PROVIDERS, provider_name
from config.settings import Settings, load_settings, redacted, secret_values


def _is_secret(annotation: Any) -> bool:
    return annotation is SecretStr or SecretStr in typing.get_args(annotation)


def _secret_fields(model: type[BaseModel]) -> list[str]:
    return [name for name, field in model.model_fields.items() if _is_secret(field.annotation)]


def _sections(model: type[BaseModel] = Settings) -> dict[str, type[BaseModel]]:
    return {
        name: field.annotation
        for name, field in model.model_fields.items()
        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)
    }


def _plant(model: type[BaseModel], path: str, planted: list[str]) -> dict[str, Any]:
    """A value for every secret field of ``model`` and of the sections nested in it."""
    values: dict[str, Any] = {name: f"planted-{path}-{name}" for name in _secret_fields(model)}
    planted.extend(values.values())
    for name, nested in _sections(model).items():
        inner = _plant(nested, f"{path}.{name}", planted)
        if inner:
            values[name] = inner
    return values


def _provider_cases() -> list[tuple[type[BaseModel], type[BaseModel]]]:
    llm_default, tts_default = LLM_PROVIDERS[0], TTS_PROVIDERS[0]
    return [(m, tts_default) for m in LLM_PROVIDERS] + [(llm_default, m) for m in TTS_PROVIDERS]


@pytest.mark.parametrize(
    ("llm", "tts"), _provider_cases(), ids=lambda m: provider_name(m) if isinstance(m, type) else str(m)
)
def test_every_secret_field_is_redacted_and_filtered(llm: type[BaseModel], tts: type[BaseModel]) -> None:
    overrides: dict[str, Any] = {
        "redis_url": "redis://:pw-redis-1f9a@localhost:6379/0",
        "database_url": "postgresql://bot:pw-db-77c2@db.example/vtuber",
        "secret_key": "sk-secret-key-a1b2",
    }
    planted = ["pw-redis-1f9a", "pw-db-77c2", "sk-secret-key-a1b2"]
    for section, model in _sections().items():
        values = _plant(model, section, planted)
        if values:
            overrides[section] = values
    for section, model in (("llm", llm), ("tts", tts)):
        values = {name: f"planted-{section}-{provider_name(model)}-{name}" for name in _secret_fields(model)}
        overrides[section] = {"provider": provider_name(model), **values}
        planted.extend(values.values())

    settings = load_settings(**overrides)
    shown = json.dumps(redacted(settings))
    found = secret_values(settings)
    for secret in planted:
        assert secret not in shown, f"{secret} is shown by config check"
        assert secret in found, f"{secret} is not filtered from the logs"
    assert "db.example" in shown, "a URL keeps its host"


def test_unset_secrets_read_empty_and_are_not_filtered() -> None:
    settings = load_settings()
    data = redacted(settings)
    assert data["obs"]["password"] == ""
    assert data["secret_key"] is None
    assert data["redis_url"] is None
    assert "" not in secret_values(settings)


def test_the_walk_sees_the_provider_secret_fields() -> None:
    """The cloud voices and the hosted LLM have a key: the test above would be empty without them."""
    with_keys = [m.__name__ for m in (*LLM_PROVIDERS, *TTS_PROVIDERS) if _secret_fields(m)]
    assert {"OpenAILLMSettings", "ElevenLabsSettings", "OpenAITTSSettings"} <= set(with_keys)


def test_the_walk_sees_secret_fields_in_nested_sections() -> None:
    """A judge's key sits one section deeper (safety.judge.api_key): the tests above plant it too."""
    planted: list[str] = []
    _plant(Settings, "settings", planted)
    assert {
        "planted-settings.safety.judge-api_key",
        "planted-settings.safety.openai_moderation-api_key",
    } <= set(planted)
