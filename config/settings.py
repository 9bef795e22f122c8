"""Runtime settings: environment variables plus one optional TOML file.

Precedence, highest first: explicit arguments, environment variables, the config file,
the defaults below. Environment variables use the ``VTUBER_`` prefix and ``__`` for nesting
(``VTUBER_BUS__MAXLEN=200000``); the well-known ``REDIS_URL`` and ``DATABASE_URL`` are read
as they are. The config file is ``vtuber.toml`` in the working directory, or the path in
``VTUBER_CONFIG``. ``docs/configuration.md`` lists every key.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

DEFAULT_CONFIG_FILE = "vtuber.toml"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/vtuber.db"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class BusSettings(_Section):
    """The event bus between sources, brain, performer, recorder and dashboard."""

    backend: Literal["auto", "memory", "redis"] = "auto"
    """auto: Redis when a Redis URL is set, else the in-process bus."""
    prefix: str = Field(default="vtuber", pattern=r"^[A-Za-z0-9_.-]{1,32}$")
    """First part of every Redis key, so one Redis can serve several deployments."""
    maxlen: int = Field(default=200_000, ge=1_000, le=50_000_000)
    """Approximate cap on each stream's length (XADD MAXLEN ~)."""
    claim_idle_ms: int = Field(default=30_000, ge=1_000)
    """Entries pending longer than this with a silent consumer are reclaimed (XAUTOCLAIM)."""
    max_deliveries: int = Field(default=5, ge=1, le=1_000)
    """An entry delivered this many times without an ack is dead-lettered as poison."""


class DatabaseSettings(_Section):
    echo: bool = False
    """Log every SQL statement (debugging only)."""
    pool_size: int = Field(default=5, ge=1, le=100)
    """PostgreSQL connections kept open (the pool may grow to twice this)."""


class RecorderSettings(_Section):
    """The batched writer that logs every event to the database."""

    batch_size: int = Field(default=1_000, ge=1, le=20_000)
    """Most events written in one transaction."""
    block_ms: int = Field(default=200, ge=1, le=60_000)
    """How long one read waits for new entries."""
    retry_max_s: float = Field(default=5.0, gt=0, le=300)
    """Ceiling of the exponential back-off while the database is unreachable."""


class ReplaySettings(_Section):
    speed: float = Field(default=20.0, ge=0)
    """Replay speed multiplier; 0 means as fast as possible."""
    path: Path | None = None
    """A JSONL chat log; None means the bundled sample stream."""


class LocalLLMSettings(_Section):
    """The bundled SmolLM2-135M on a llama.cpp server the bot starts and stops itself."""

    provider: Literal["llama_cpp"] = "llama_cpp"
    model_path: Path | None = None
    """A .gguf file; None means the bundled SmolLM2-135M-Instruct."""
    threads: int = Field(default=2, ge=1, le=256)
    context_tokens: int = Field(default=2_048, ge=256, le=131_072)
    start_timeout_s: float = Field(default=60.0, gt=0)
    memory_tokens: int = Field(default=0, ge=0, le=100_000)
    """Recent conversation sent with each turn. 0 by default: on a 135M model on a CPU each
    changed history token costs prompt time (150 tokens: about +300 ms to first audio)."""
    nice: int = Field(default=0, ge=0, le=19)
    """How much nicer (lower CPU priority) the llama.cpp server runs than the bot, so that
    speech synthesis is not starved by token generation on a small CPU."""


class OpenAILLMSettings(_Section):
    """Any OpenAI-compatible endpoint: OpenAI, Ollama, vLLM, LM Studio, OpenRouter."""

    provider: Literal["openai"] = "openai"
    base_url: str = Field(default="https://api.openai.com/v1", pattern=r"^https?://")
    model: str = Field(default="gpt-4o-mini", min_length=1)
    api_key: SecretStr = SecretStr("")
    """Secret. Local servers accept any non-empty value."""
    memory_tokens: int = Field(default=600, ge=0, le=100_000)
    """Recent conversation sent with each turn, trimmed oldest first."""


class LLMTimeouts(_Section):
    first_token_s: float = Field(default=15.0, gt=0)
    """A reply whose first token takes longer is abandoned; the stream goes on."""
    stall_s: float = Field(default=5.0, gt=0)
    """Longest silence between two tokens."""
    total_s: float = Field(default=60.0, gt=0)


class PiperSettings(_Section):
    provider: Literal["piper"] = "piper"
    model_path: Path | None = None
    """A piper .onnx voice; None means the bundled CC0 voice en_US-joe-medium (or the persona's voice)."""
    length_scale: float = Field(default=1.0, gt=0.2, le=3.0)
    """Speaking rate: below 1 is faster."""
    clause_split: Literal["none", "first", "all"] = "first"
    """Synthesise a sentence's first clause on its own so its audio starts sooner."""


class PerformerSettings(_Section):
    sink: Literal["wav", "device", "none"] = "wav"
    """Where speech goes: WAV files per turn, the sound device, or nowhere (tests)."""
    device: str | None = None
    """Sound device name or index for sink=device."""
    tts_first_audio_s: float = Field(default=10.0, gt=0)
    """A sentence whose audio does not start within this is skipped."""


class VTubeStudioSettings(_Section):
    """The avatar: expressions per emotion and lip-sync through VTube Studio's public API."""

    enabled: bool = False
    url: str = Field(default="ws://localhost:8001", pattern=r"^wss?://")
    """VTube Studio's API address (VTube Studio: Settings -> Start API)."""
    speaking_hz: float = Field(default=60.0, ge=30.0, le=60.0)
    """Mouth updates per second while speaking."""


class OBSSettings(_Section):
    """Captions and alerts in OBS through obs-websocket v5 (OBS 28+: Tools -> WebSocket Server Settings)."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(default=4455, ge=1, le=65_535)
    password: SecretStr = SecretStr("")
    """Secret: set VTUBER_OBS__PASSWORD in the environment, not in the file."""
    caption_source: str = Field(default="VTuber Caption", min_length=1)
    alert_source: str = Field(default="VTuber Alert", min_length=1)
    alert_seconds: float = Field(default=5.0, gt=0, le=60)


class VoiceSettings(_Section):
    """The streamer's voice: VAD endpointing, then faster-whisper (bundled tiny.en by default)."""

    wav: Path | None = None
    """A WAV file that stands in for the microphone (live capture is not wired yet)."""
    stt_model: str | None = None
    """A faster-whisper model name or directory; None means the bundled tiny.en."""
    language: str | None = None
    """None: English for *.en models."""
    min_speech_ms: float = Field(default=250.0, ge=0, le=5_000)
    end_silence_ms: float = Field(default=500.0, gt=0, le=5_000)
    """Silence that ends an utterance: lower answers sooner, but splits at pauses."""
    barge_in: bool = True
    """Streamer speech longer than ``min_barge_in_ms`` cuts the bot off (use a headset: the
    bot's own voice must not reach the microphone)."""
    min_barge_in_ms: float = Field(default=300.0, ge=100, le=5_000)


class SafetySettings(_Section):
    classifier_threshold: float | None = Field(default=None, gt=0, lt=1)
    """Offline profanity classifier threshold; None uses the tuned default."""
    allowed_domains: tuple[str, ...] = ("twitch.tv", "clips.twitch.tv")
    """Links to these domains are not blocked."""
    moderation: Literal["none", "openai"] = "none"
    """Also ask a moderation endpoint (uses the OpenAI LLM settings' base_url and api_key)."""


class Settings(BaseSettings):
    """Every setting of the bot. Build with :func:`load_settings` for friendly errors."""

    model_config = SettingsConfigDict(
        env_prefix="VTUBER_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
        use_attribute_docstrings=True,
    )
    config_file: ClassVar[Path | None] = None

    channel: str = Field(default="demo", pattern=r"^[a-z0-9_]{1,25}$")
    """The Twitch channel login this bot serves; also the bus key prefix's second part."""
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    """Lowest level of log lines shown."""
    data_dir: Path = Path("data")
    """Where the SQLite file, rehearsal audio and transcripts go."""
    redis_url: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("REDIS_URL", "VTUBER_REDIS_URL", "redis_url")
    )
    """Redis for the bus (redis://...); unset means the in-process bus. Env: REDIS_URL."""
    database_url: SecretStr = Field(
        default=SecretStr(DEFAULT_DATABASE_URL),
        validation_alias=AliasChoices("DATABASE_URL", "VTUBER_DATABASE_URL", "database_url"),
    )
    """postgresql+asyncpg://... (or postgresql://...) or sqlite+aiosqlite:///path. Env: DATABASE_URL."""
    secret_key: SecretStr | None = None
    """Key that encrypts stored tokens (VTube Studio, Twitch); `vtuber config keygen` makes one.
    Without it, tokens are kept in memory only and must be authorised again after a restart."""
    persona: str = "hiyori"
    """A bundled persona id or a path to a persona .toml file."""
    llm: LocalLLMSettings | OpenAILLMSettings = Field(
        default_factory=LocalLLMSettings, discriminator="provider"
    )
    """The language model: provider llama_cpp (bundled, local) or openai (any compatible endpoint)."""
    llm_timeouts: LLMTimeouts = LLMTimeouts()
    tts: PiperSettings = Field(default_factory=PiperSettings)
    performer: PerformerSettings = PerformerSettings()
    vtube_studio: VTubeStudioSettings = VTubeStudioSettings()
    obs: OBSSettings = OBSSettings()
    voice: VoiceSettings = VoiceSettings()
    safety: SafetySettings = SafetySettings()
    bus: BusSettings = BusSettings()
    database: DatabaseSettings = DatabaseSettings()
    recorder: RecorderSettings = RecorderSettings()
    replay: ReplaySettings = ReplaySettings()

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(
            ("redis://", "rediss://", "unix://")
        ):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    @field_validator("database_url")
    @classmethod
    def _database_scheme(cls, value: SecretStr) -> SecretStr:
        url = value.get_secret_value()
        if url.startswith("postgresql://"):
            return SecretStr("postgresql+asyncpg://" + url.removeprefix("postgresql://"))
        if url.startswith("postgres://"):
            return SecretStr("postgresql+asyncpg://" + url.removeprefix("postgres://"))
        if not url.startswith(("postgresql+asyncpg://", "sqlite+aiosqlite://")):
            raise ValueError(
                "must be postgresql+asyncpg://... (or postgresql://) or sqlite+aiosqlite:///path"
            )
        return value

    @property
    def bus_backend(self) -> Literal["memory", "redis"]:
        """The bus that will actually run."""
        if self.bus.backend == "auto":
            return "redis" if self.redis_url else "memory"
        return self.bus.backend

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if cls.config_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=cls.config_file))
        return tuple(sources)


class ConfigError(ValueError):
    """A bad setting. The message names each key, the bad value's source and what is allowed."""


def config_path(explicit: Path | None = None) -> Path | None:
    """The config file in use: explicit, ``$VTUBER_CONFIG``, or ./vtuber.toml if it exists."""
    if explicit is not None:
        return explicit
    env = os.environ.get("VTUBER_CONFIG")
    if env:
        return Path(env)
    default = Path(DEFAULT_CONFIG_FILE)
    return default if default.exists() else None


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Build the settings, turning validation errors into one readable :class:`ConfigError`."""
    path = config_path(config_file)
    if path is not None and not path.is_file():
        raise ConfigError(f"config file {path} does not exist")

    class _Bound(Settings):
        pass

    _Bound.config_file = path
    try:
        return _Bound(**overrides)
    except ValidationError as exc:
        raise ConfigError(_explain(exc, path)) from None
    except (OSError, ValueError) as exc:  # a TOML syntax error surfaces as ValueError
        raise ConfigError(f"cannot read config file {path}: {exc}") from None


_ALIASES = {"REDIS_URL": "redis_url", "DATABASE_URL": "database_url"}


def _explain(exc: ValidationError, path: Path | None) -> str:
    lines = ["invalid configuration:"]
    for err in exc.errors(include_url=False):
        loc = [_ALIASES.get(str(p), str(p)) for p in err["loc"]]
        key = ".".join(loc) or "(root)"
        env = {"redis_url": "REDIS_URL", "database_url": "DATABASE_URL"}.get(key) or "VTUBER_" + "__".join(
            loc
        ).upper()
        shown = "" if "input" not in err or _looks_secret(key) else f" (got {err['input']!r:.80})"
        if err["type"] == "extra_forbidden":
            lines.append(f"  {key}: unknown setting{shown}; see docs/configuration.md for the keys")
            continue
        message = err["msg"].removeprefix("Value error, ")
        lines.append(f"  {key}: {message}{shown} [env {env}" + (f", or file {path}]" if path else "]"))
    return "\n".join(lines)


def _looks_secret(key: str) -> bool:
    return any(word in key.lower() for word in ("url", "token", "key", "secret", "password"))


def redact_url(url: str) -> str:
    """Hide the password in a URL: ``redis://:***@host:6379/0``."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, _, host = rest.rpartition("@")
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if user else f"{scheme}://:***@{host}"


def redacted(settings: Settings) -> dict[str, Any]:
    """The effective settings as plain data, with every secret masked (for ``config check``)."""
    data: dict[str, Any] = settings.model_dump(mode="json")
    for key in ("redis_url", "database_url"):
        secret = getattr(settings, key)
        data[key] = None if secret is None else redact_url(secret.get_secret_value())
    data["bus"]["effective_backend"] = settings.bus_backend
    data["secret_key"] = "***" if settings.secret_key else None
    data["obs"]["password"] = "***" if settings.obs.password.get_secret_value() else ""
    if isinstance(settings.llm, OpenAILLMSettings):
        data["llm"]["api_key"] = "***" if settings.llm.api_key.get_secret_value() else ""
    return data


def secret_values(settings: Settings) -> list[str]:
    """Every secret string in the settings, for the log redaction filter."""
    found: list[str] = []
    for key in ("redis_url", "database_url"):
        secret = getattr(settings, key)
        if secret is None:
            continue
        url = secret.get_secret_value()
        creds = url.partition("://")[2].rpartition("@")[0]
        if ":" in creds and creds.split(":", 1)[1]:
            found.append(creds.split(":", 1)[1])
    if isinstance(settings.llm, OpenAILLMSettings) and settings.llm.api_key.get_secret_value():
        found.append(settings.llm.api_key.get_secret_value())
    if settings.secret_key is not None:
        found.append(settings.secret_key.get_secret_value())
    if settings.obs.password.get_secret_value():
        found.append(settings.obs.password.get_secret_value())
    return found
