"""Settings: env + one TOML file, readable errors, secrets redacted."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import ConfigError, load_settings, redact_url, redacted, secret_values


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in ("REDIS_URL", "DATABASE_URL", "VTUBER_CONFIG"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults_need_no_accounts_and_no_network() -> None:
    s = load_settings()
    assert s.bus_backend == "memory"
    assert s.database_url.get_secret_value().startswith("sqlite+aiosqlite:///")
    assert s.channel == "demo"


def test_file_then_env_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "vtuber.toml"
    cfg.write_text('channel = "mychan"\n[bus]\nmaxlen = 5000\nprefix = "prod"\n')
    s = load_settings()
    assert (s.channel, s.bus.maxlen, s.bus.prefix) == ("mychan", 5000, "prod")
    monkeypatch.setenv("VTUBER_BUS__MAXLEN", "7000")
    assert load_settings().bus.maxlen == 7000


def test_well_known_urls_choose_redis_and_postgres(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://:s3cretpw@127.0.0.1:6379/0")
    monkeypatch.setenv("DATABASE_URL", "postgresql://bot:dbpass99@db:5432/vtuber")
    s = load_settings()
    assert s.bus_backend == "redis"
    assert s.database_url.get_secret_value() == "postgresql+asyncpg://bot:dbpass99@db:5432/vtuber"
    shown = str(redacted(s))
    assert "s3cretpw" not in shown and "dbpass99" not in shown
    assert "redis://:***@127.0.0.1:6379/0" in shown
    assert sorted(secret_values(s)) == ["dbpass99", "s3cretpw"]
    assert "s3cretpw" not in repr(s)


@pytest.mark.parametrize(
    ("env", "value", "expected"),
    [
        ("VTUBER_BUS__MAXLEN", "lots", ["bus.maxlen", "valid integer", "VTUBER_BUS__MAXLEN"]),
        ("VTUBER_BUS__MAXLEN", "10", ["bus.maxlen", "greater than or equal to 1000"]),
        ("VTUBER_BUS__BACKEND", "kafka", ["bus.backend", "'auto', 'memory' or 'redis'", "kafka"]),
        ("VTUBER_LOG_LEVEL", "LOUD", ["log_level", "'DEBUG', 'INFO', 'WARNING' or 'ERROR'"]),
        ("VTUBER_CHANNEL", "Bad Channel!", ["channel", "should match pattern"]),
        ("REDIS_URL", "http://x", ["redis_url", "redis://"]),
        ("DATABASE_URL", "mysql://root@x/db", ["database_url", "postgresql+asyncpg://"]),
    ],
)
def test_a_bad_value_names_the_key_and_what_is_allowed(
    monkeypatch: pytest.MonkeyPatch, env: str, value: str, expected: list[str]
) -> None:
    monkeypatch.setenv(env, value)
    with pytest.raises(ConfigError) as err:
        load_settings()
    for fragment in expected:
        assert fragment in str(err.value)


def test_a_bad_secret_is_not_echoed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://root:topsecret@x/db")
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert "topsecret" not in str(err.value)


@pytest.mark.parametrize(
    "env",
    [
        # a section-level error: the whole [twitch] section is the "input"
        {"VTUBER_TWITCH__ENABLED": "true", "VTUBER_TWITCH__CLIENT_SECRET": "supersecretvalue123"},
        # a bad union tag: the whole [tts] section, API key included, is the "input"
        {"VTUBER_TTS__PROVIDER": "elevenlab", "VTUBER_TTS__API_KEY": "supersecretvalue123"},
    ],
)
def test_a_section_error_never_echoes_the_section(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert "invalid configuration" in str(err.value)
    assert "supersecretvalue123" not in str(err.value)


def test_unknown_key_in_file(tmp_path: Path) -> None:
    (tmp_path / "vtuber.toml").write_text("[bus]\nmaxlenn = 5\n")
    with pytest.raises(ConfigError, match=r"bus\.maxlenn: unknown setting"):
        load_settings()


def test_missing_or_broken_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("channel = [unclosed\n")
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_settings(broken)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("redis://:pw@h:1/0", "redis://:***@h:1/0"),
        ("postgresql+asyncpg://u:p@h/db", "postgresql+asyncpg://u:***@h/db"),
        ("sqlite+aiosqlite:///data/x.db", "sqlite+aiosqlite:///data/x.db"),
    ],
)
def test_redact_url(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_configuration_doc_is_up_to_date() -> None:
    import tools.config_doc as doc

    assert doc.DOC.read_text() == doc.render(), "run: .venv/bin/python tools/config_doc.py"


def test_openai_moderation_without_an_openai_llm_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VTUBER_SAFETY__MODERATION", "openai")
    with pytest.raises(ConfigError, match=r"needs llm\.provider"):
        load_settings()
    monkeypatch.setenv("VTUBER_LLM__PROVIDER", "openai")
    monkeypatch.setenv("VTUBER_LLM__BASE_URL", "https://api.openai.com/v1")
    monkeypatch.setenv("VTUBER_LLM__MODEL", "gpt-4o-mini")
    assert load_settings().safety.moderation == "openai"


def test_openai_moderation_with_its_own_key_works_beside_the_local_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VTUBER_SAFETY__MODERATION", "openai")
    monkeypatch.setenv("VTUBER_SAFETY__OPENAI_MODERATION__API_KEY", "sk-mod")
    s = load_settings()
    assert s.llm.provider == "llama_cpp"
    assert s.safety.openai_moderation.api_key is not None
    assert s.safety.moderation_policy is s.safety.openai_moderation


def test_the_guard_judge_from_a_file_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "vtuber.toml").write_text(
        '[safety]\nmoderation = "guard"\n'
        '[safety.judge]\nbase_url = "http://gpu-box:8000/v1"\nmodel = "meta-llama/Llama-Guard-3-1B"\n'
    )
    monkeypatch.setenv("VTUBER_SAFETY__JUDGE__STYLE", "shieldgemma")
    monkeypatch.setenv("VTUBER_SAFETY__JUDGE__FAIL_CLOSED_INPUT", "true")
    judge = load_settings().safety.judge
    assert (judge.base_url, judge.model, judge.style) == (
        "http://gpu-box:8000/v1",
        "meta-llama/Llama-Guard-3-1B",
        "shieldgemma",
    )
    assert judge.timeout_s == 1.5
    assert judge.fail_closed_stages == ("input", "output")


def test_a_judge_fails_closed_on_output_only_by_default() -> None:
    s = load_settings(safety={"moderation": "guard"})
    assert s.safety.moderation_policy is s.safety.judge
    assert s.safety.judge.fail_closed_stages == ("output",)
    assert s.safety.openai_moderation.fail_closed_stages == ("output",)
    assert load_settings().safety.moderation_policy is None


@pytest.mark.parametrize(
    "judge",
    [{"style": "wildguard"}, {"timeout_s": 0}, {"base_url": "localhost:11434"}, {"model": ""}],
)
def test_bad_judge_settings_are_refused(judge: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"safety\.judge"):
        load_settings(safety={"moderation": "guard", "judge": judge})


def test_memory_notes_are_lean_on_the_local_model_and_full_on_a_hosted_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = load_settings()
    assert local.memory.notes == "auto"
    assert local.memory_notes == (local.memory.lean_prompt_tokens, local.memory.lean_min_score, 1800.0)
    monkeypatch.setenv("VTUBER_LLM__PROVIDER", "openai")
    monkeypatch.setenv("VTUBER_LLM__BASE_URL", "https://api.openai.com/v1")
    monkeypatch.setenv("VTUBER_LLM__MODEL", "gpt-4o-mini")
    hosted = load_settings()
    assert hosted.memory_notes == (hosted.memory.prompt_tokens, 0.0, None)
    monkeypatch.setenv("VTUBER_MEMORY__NOTES", "lean")
    monkeypatch.setenv("VTUBER_MEMORY__WELCOME_AFTER_S", "60")
    assert load_settings().memory_notes[2] == 60.0
    for name in ("PROVIDER", "BASE_URL", "MODEL"):
        monkeypatch.delenv(f"VTUBER_LLM__{name}")
    monkeypatch.setenv("VTUBER_MEMORY__NOTES", "every_turn")
    assert load_settings().memory_notes == (120, 0.0, None)
