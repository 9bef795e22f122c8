"""Runtime settings: environment variables plus one optional TOML file.

Precedence, highest first: explicit arguments, environment variables, the config file,
the defaults below. Environment variables use the ``VTUBER_`` prefix and ``__`` for nesting
(``VTUBER_BUS__MAXLEN=200000``); the well-known ``REDIS_URL`` and ``DATABASE_URL`` are read
as they are. The config file is ``vtuber.toml`` in the working directory, or the path in
``VTUBER_CONFIG``. ``docs/configuration.md`` lists every key.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    Field,
    IPvAnyNetwork,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from config.memory import MemorySettings
from config.providers import (
    LLM_PROVIDERS,
    TTS_PROVIDERS,
    CloudTTSSettings,
    ElevenLabsSettings,
    LLMConfig,
    LocalLLMSettings,
    OpenAILLMSettings,
    OpenAITTSSettings,
    PiperSettings,
    TTSConfig,
)
from config.section import Section
from config.studio import StudioSettings

__all__ = [
    "CloudTTSSettings",
    "ConfigError",
    "ElevenLabsSettings",
    "LocalLLMSettings",
    "OpenAILLMSettings",
    "OpenAITTSSettings",
    "PiperSettings",
    "Settings",
    "TwitchSettings",
    "load_settings",
    "redact_url",
    "redacted",
    "secret_values",
]

DEFAULT_CONFIG_FILE = "vtuber.toml"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/vtuber.db"
DEFAULT_CRISIS_RESOURCE = (
    "You don't have to go through this alone. You can talk to someone right now, for free and in "
    "confidence: findahelpline.com lists the helplines in your country, and in the US you can call "
    "or text 988. We're glad you're here."
)
"""What moderators can send to a viewer whose message reads as a self-harm crisis."""


_Section = Section


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
    block_ms: int = Field(default=200, ge=1, le=5_000)
    """How long one read waits for new entries."""
    retry_max_s: float = Field(default=5.0, gt=0, le=300)
    """Ceiling of the exponential back-off while the database is unreachable."""


class ReplaySettings(_Section):
    speed: float = Field(default=20.0, ge=0)
    """Replay speed multiplier; 0 means as fast as possible."""
    path: Path | None = None
    """A JSONL chat log; None means the bundled sample stream."""


class LLMTimeouts(_Section):
    first_token_s: float = Field(default=15.0, gt=0)
    """A reply whose first token takes longer is abandoned; the stream goes on."""
    stall_s: float = Field(default=5.0, gt=0)
    """Longest silence between two tokens."""
    total_s: float = Field(default=60.0, gt=0)


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
    """The streamer's voice: a microphone (or a WAV standing in for one), VAD endpointing,
    then faster-whisper (bundled tiny.en by default)."""

    source: Literal["auto", "none", "mic", "wav"] = "auto"
    """Where the streamer's voice comes from: mic (a live input device), wav (the file in
    voice.wav), none; auto: wav when voice.wav is set, else none."""
    device: str | None = None
    """Input device for source=mic: an index or part of its name (`vtuber audio devices`);
    None: the system default."""
    wav: Path | None = None
    """A WAV file that stands in for the microphone (source=wav)."""
    talk_mode: Literal["always", "name", "push_to_talk"] = "always"
    """always: everything the streamer says is for the character; name: only what names it
    (persona name or alias; the rest is stored, not answered); push_to_talk: only speech
    while the push-to-talk key is down (control.ptt events, e.g. from `vtuber ptt down|up`)."""
    stt_model: str | None = None
    """A faster-whisper model name or directory; None means the bundled tiny.en."""
    stt_beam_size: int = Field(default=5, ge=1, le=10)
    """Whisper beam search width. On the short window (stt_window_s) beam 5 costs ~20 ms more
    than greedy and makes fewer mistakes (benchmarks/stt_window.py: word error rate 0.045
    against 0.11 greedy, 0.067 for greedy on the full 30 s window)."""
    stt_window_s: int = Field(default=10, ge=0, le=30)
    """Utterances shorter than this (minus 1 s) are decoded with Whisper's encoder on a window
    this long instead of 30 s: about 4x faster on a CPU for the same words (0: always 30 s)."""
    language: str | None = None
    """None: English for *.en models."""
    min_speech_ms: float = Field(default=250.0, ge=0, le=5_000)
    end_silence_ms: float = Field(default=500.0, gt=0, le=5_000)
    """Silence that ends an utterance: lower answers sooner, but splits at pauses."""
    early_stt_ms: float = Field(default=64.0, ge=0, le=5_000)
    """Start transcribing after this much silence, while end_silence_ms is still running
    (0: off); the transcript is used if the streamer said nothing more."""
    turn_end_ms: float | None = Field(default=200.0, ge=50, le=5_000)
    """With early_stt_ms: an early transcript that reads as a finished sentence or question
    ends the turn after this much silence instead of end_silence_ms (None: off)."""
    turn_end_min_confidence: float = Field(default=0.72, ge=0, le=1)
    """The early transcript's Whisper confidence needed for that quick turn end. Whisper
    finishes a cut-off sentence with a guess ("what do you think of" heard as "what do you
    think come?"), and such guesses score low; below this, the turn waits end_silence_ms."""
    preemptive_reply: bool = True
    """With early_stt_ms: start the reply on the early transcript and hold its audio until the
    silence ends (dropped unheard if the streamer goes on talking). Answers up to
    end_silence_ms - early_stt_ms sooner, at the cost of some wasted model time."""
    barge_in: bool = True
    """Streamer speech longer than ``min_barge_in_ms`` (or a short real word, once
    transcribed) cuts the bot off, or ducks it."""
    min_barge_in_ms: float = Field(default=300.0, ge=100, le=5_000)
    barge_in_action: Literal["stop", "duck"] = "stop"
    """stop: the bot stops talking; duck: it talks on, duck_db quieter, until the streamer stops."""
    duck_db: float = Field(default=-15.0, ge=-60, le=0)
    """How much quieter the bot talks while ducked (barge_in_action=duck)."""
    echo_gate: Literal["off", "on", "half_duplex"] = "on"
    """Keeps the bot's own voice, picked up by the microphone, from counting as the streamer's:
    on: learns the echo and lets clearly louder speech through (speakers); half_duplex: ignores
    the microphone while the bot talks; off: nothing gated (a headset)."""
    echo_delay_ms: float = Field(default=300.0, ge=0, le=2_000)
    """Longest delay from the bot's audio playing to its echo in the microphone (device
    buffers included)."""
    echo_margin_db: float = Field(default=6.0, ge=0, le=40)
    """How much louder than the expected echo the streamer must be to count (echo_gate=on)."""

    @model_validator(mode="after")
    def _source_has_input(self) -> VoiceSettings:
        if self.source == "wav" and self.wav is None:
            raise ValueError("voice.source is 'wav' but voice.wav is not set")
        return self

    @property
    def input(self) -> Literal["none", "mic", "wav"]:
        """The voice input that will actually run."""
        if self.source == "auto":
            return "wav" if self.wav is not None else "none"
        return self.source


class DashboardSettings(_Section):
    """The moderators' web dashboard (`vtuber dashboard`): chat monitor, persona editor, stats, overlay."""

    host: str = "127.0.0.1"
    """Address the dashboard listens on; put it behind HTTPS before exposing it beyond this machine."""
    port: int = Field(default=8000, ge=1, le=65_535)
    """Port the dashboard listens on."""
    public_url: str | None = Field(default=None, pattern=r"^https?://")
    """The address people open (for printing the overlay URL); None: http://<host>:<port>."""
    cookie_secure: bool = True
    """Send the login cookie only over HTTPS. Set false only for plain http on a trusted machine."""
    session_hours: float = Field(default=12.0, gt=0, le=24 * 30)
    """A login lasts this long."""
    login_window_s: int = Field(default=300, ge=10, le=86_400)
    """The window the login limits count in."""
    login_attempts_per_ip: int = Field(default=20, ge=1, le=10_000)
    """Failed logins from one address in the window before it must wait."""
    login_attempts_per_account: int = Field(default=5, ge=1, le=10_000)
    """Failed logins for one account from one address in the window before that address must wait
    for that account (a flood from elsewhere never locks the account out)."""
    trusted_proxies: tuple[IPvAnyNetwork, ...] = ()
    """Addresses (or networks) of reverse proxies whose X-Forwarded-For names the client; none by
    default: the client is the address that connected."""
    feed_history: int = Field(default=500, ge=0, le=10_000)
    """Recent events a chat monitor receives when it connects."""
    feed_batch_ms: int = Field(default=50, ge=5, le=1_000)
    """The monitor feed sends events in batches this often."""
    feed_queue_frames: int = Field(default=100, ge=2, le=10_000)
    """Batches queued per monitor; a monitor further behind loses batches (marked 'skipped N')."""
    overlay_audio: bool = False
    """The bot also sends its speech to the OBS overlay page (needs Redis: the bot and the dashboard
    are separate processes)."""


TWITCH_DEFAULT_IGNORED_BOTS = (
    "nightbot", "streamelements", "streamlabs", "moobot", "fossabot", "wizebot", "botrixoficial",
    "sery_bot", "soundalerts", "kofistreambot", "pokemoncommunitygame", "commanderroot",
)  # fmt: skip


class TwitchSettings(_Section):
    """Twitch: EventSub in (chat and channel events), chat replies and moderation out.

    Set-up steps: README, "Connect Twitch". Tokens come from `vtuber twitch login` and are
    stored encrypted in the database, never in this file."""

    enabled: bool = False
    """Connect to Twitch when the bot runs (needs client_id, client_secret and `vtuber twitch login`)."""
    client_id: str = Field(default="", pattern=r"^[A-Za-z0-9]{0,64}$")
    """Your application's Client ID from dev.twitch.tv/console."""
    client_secret: SecretStr = SecretStr("")
    """Secret: set VTUBER_TWITCH__CLIENT_SECRET in the environment, not in the file."""
    bot_login: str | None = Field(default=None, pattern=r"^[a-z0-9_]{1,25}$")
    """The account the bot chats as; None: the broadcaster's own account."""
    bot_id: str | None = Field(default=None, pattern=r"^[0-9]{1,20}$")
    """The bot account's user id; None: taken from its stored token."""
    broadcaster_login: str | None = Field(default=None, pattern=r"^[a-z0-9_]{1,25}$")
    """The channel's account; None: the `channel` setting."""
    helix_url: str = Field(default="https://api.twitch.tv/helix/", pattern=r"^https?://")
    """Helix API base (a proxy or a test stand-in may replace it)."""
    oauth_url: str = Field(default="https://id.twitch.tv/", pattern=r"^https?://")
    """OAuth base: oauth2/token, oauth2/validate, oauth2/device are under it."""
    eventsub_ws_url: str = Field(default="wss://eventsub.wss.twitch.tv/ws", pattern=r"^wss?://")
    """EventSub WebSocket address."""
    ignored_bots: tuple[str, ...] = TWITCH_DEFAULT_IGNORED_BOTS
    """Chat from these logins is not published (the bot's own messages never are)."""
    chat_rate_messages: int = Field(default=20, ge=1, le=7_500)
    """Most chat messages the bot sends per window: 20 per 30 s for an ordinary account; a
    moderator or the broadcaster may send 100."""
    chat_rate_window_s: float = Field(default=30.0, gt=0, le=3_600)
    chat_max_parts: int = Field(default=2, ge=1, le=5)
    """A reply longer than Twitch's 500 characters is split into at most this many messages;
    the rest is cut at a word with an ellipsis."""
    chat_reply_max_age_s: float = Field(default=60.0, gt=0, le=3_600)
    """A finished reply older than this (a backlog after a restart) is not posted."""
    retries: int = Field(default=3, ge=0, le=10)
    """Extra tries for a Helix call that got 429 or 5xx."""
    retry_base_s: float = Field(default=1.0, gt=0, le=60)
    """First back-off before a retry; it doubles each time, with jitter."""

    @field_validator("helix_url", "oauth_url")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"

    @field_validator("ignored_bots")
    @classmethod
    def _logins(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(v.strip().lstrip("@").lower() for v in value if v.strip())

    @model_validator(mode="after")
    def _credentials_when_enabled(self) -> TwitchSettings:
        if self.enabled and not (self.client_id and self.client_secret.get_secret_value()):
            raise ValueError(
                "enabled needs client_id and client_secret (from dev.twitch.tv/console; put the secret "
                "in VTUBER_TWITCH__CLIENT_SECRET)"
            )
        return self


class ModerationPolicy(_Section):
    """What a judge may take, and what its silence means (shared by every judge's section)."""

    timeout_s: float = Field(default=1.5, gt=0, le=30)
    """Seconds the judge may take on one text; past it the judge counts as down for that text."""
    fail_closed_output: bool = True
    """When the judge is late or down, drop the bot's sentence (the drop is logged with the
    reason). False: the local layers' decision stands."""
    fail_closed_input: bool = False
    """When the judge is late or down, block the viewer's message too. False: the local layers'
    decision stands."""

    @property
    def fail_closed_stages(self) -> tuple[Literal["input", "output"], ...]:
        """The stages where a late or failed judge blocks the text."""
        stages: list[Literal["input", "output"]] = []
        if self.fail_closed_input:
            stages.append("input")
        if self.fail_closed_output:
            stages.append("output")
        return tuple(stages)


class GuardJudgeSettings(ModerationPolicy):
    """A guard model (Llama Guard 3, ShieldGemma) behind an OpenAI-compatible chat endpoint."""

    base_url: str = Field(default="http://localhost:11434/v1", pattern=r"^https?://")
    """The server's OpenAI-compatible root: Ollama http://localhost:11434/v1, vLLM http://host:8000/v1."""
    model: str = Field(default="llama-guard3", min_length=1)
    """The guard model's name on that server (Ollama: llama-guard3, shieldgemma; vLLM: the served name)."""
    api_key: SecretStr = SecretStr("")
    """Secret, if the server wants one (Ollama and vLLM accept any)."""
    style: Literal["llama_guard", "shieldgemma"] = "llama_guard"
    """How the model answers: llama_guard ("safe", or "unsafe" and hazard codes S1-S14) or
    shieldgemma ("Yes"/"No" to a policy question)."""


class OpenAIModerationSettings(ModerationPolicy):
    """OpenAI's moderation endpoint (/v1/moderations)."""

    base_url: str | None = Field(default=None, pattern=r"^https?://")
    """None: llm.base_url when llm.provider is openai, else https://api.openai.com/v1."""
    api_key: SecretStr | None = None
    """Secret. None: llm.api_key when llm.provider is openai (then required here otherwise)."""
    model: str = Field(default="omni-moderation-latest", min_length=1)
    """The moderation model."""


class SafetySettings(_Section):
    classifier_threshold: float | None = Field(default=None, gt=0, lt=1)
    """Offline profanity classifier threshold; None uses the tuned default."""
    allowed_domains: tuple[str, ...] = ("twitch.tv", "clips.twitch.tv")
    """Links to these domains are not blocked."""
    semantic: bool = True
    """The semantic layer: a multilingual sentence encoder shipped in a PyPI package and a head
    trained in this repository judge what a line means (hate, threats, sexual content, minors,
    self-harm, personal data, scams, injection), offline. Off: rules and word lists only."""
    fine_tuned: bool = True
    """Within the semantic layer, also read each line with a small encoder fine-tuned for
    moderation in this repository (all-MiniLM-L6-v2, int8 ONNX); its block stands beside the
    head's (see docs/safety.md). Off: the head alone."""
    moderation: Literal["none", "openai", "guard"] = "none"
    """Also ask a judge once the local layers pass: openai (OpenAI's moderation endpoint, see
    openai_moderation) or guard (a guard model on an OpenAI-compatible server, see judge)."""
    judge: GuardJudgeSettings = GuardJudgeSettings()
    """The guard model, with moderation = "guard"."""
    openai_moderation: OpenAIModerationSettings = OpenAIModerationSettings()
    """OpenAI's moderation endpoint, with moderation = "openai"."""
    crisis_resource: str = Field(default=DEFAULT_CRISIS_RESOURCE, min_length=1, max_length=500)
    """The message moderators can send, as a reply, to a viewer whose message reads as a self-harm
    crisis. The character never answers those; the chat monitor flags them with this text and a
    button that posts it. Point it to helplines for your audience (at most 500 characters, one
    Twitch chat message)."""

    @field_validator("crisis_resource")
    @classmethod
    def _one_chat_line(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("write the message moderators can send (it is empty)")
        if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
            raise ValueError("one line of plain text: no line breaks or control characters")
        return value

    @property
    def moderation_policy(self) -> ModerationPolicy | None:
        """The configured judge's timeout and fail-closed policy (None without a judge)."""
        if self.moderation == "guard":
            return self.judge
        if self.moderation == "openai":
            return self.openai_moderation
        return None


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
    """Where rehearsals (audio, transcript) and the WAV files of `run` go. The default SQLite
    database is ./data/vtuber.db whatever this says (see database_url)."""
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
    llm: LLMConfig = Field(default_factory=LLM_PROVIDERS[0])
    """The language model: provider llama_cpp (bundled, local) or openai (any compatible endpoint)."""
    llm_timeouts: LLMTimeouts = LLMTimeouts()
    tts: TTSConfig = Field(default_factory=TTS_PROVIDERS[0])
    """The voice: provider piper (bundled, local), elevenlabs or openai (cloud, with piper as fallback)."""
    performer: PerformerSettings = PerformerSettings()
    vtube_studio: VTubeStudioSettings = VTubeStudioSettings()
    obs: OBSSettings = OBSSettings()
    voice: VoiceSettings = VoiceSettings()
    safety: SafetySettings = SafetySettings()
    bus: BusSettings = BusSettings()
    database: DatabaseSettings = DatabaseSettings()
    recorder: RecorderSettings = RecorderSettings()
    replay: ReplaySettings = ReplaySettings()
    dashboard: DashboardSettings = DashboardSettings()
    twitch: TwitchSettings = TwitchSettings()
    memory: MemorySettings = MemorySettings()
    """Long-term memory: viewers' facts and the streamer's knowledge documents."""
    studio: StudioSettings = StudioSettings()
    """The training studio: engagement scoring weights and window."""

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

    @model_validator(mode="after")
    def _moderation_needs_an_endpoint(self) -> Settings:
        if (
            self.safety.moderation == "openai"
            and self.safety.openai_moderation.api_key is None
            and not isinstance(self.llm, OpenAILLMSettings)
        ):
            raise ValueError(
                'safety.moderation = "openai" uses llm.base_url and llm.api_key: it needs '
                'llm.provider = "openai" (the local llama.cpp server has no moderation endpoint), '
                "or a key of its own in safety.openai_moderation.api_key"
            )
        return self

    @property
    def memory_notes(self) -> tuple[int, float, float | None]:
        """(the notes' token budget, a memory's relevance floor beyond the welcome turn, the
        welcome interval or None for every turn) as ``memory.notes`` resolves for this model."""
        m = self.memory
        lean = m.notes == "lean" or (m.notes == "auto" and isinstance(self.llm, LocalLLMSettings))
        if lean:
            return m.lean_prompt_tokens, m.lean_min_score, m.welcome_after_s
        return m.prompt_tokens, 0.0, None

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
        field = Settings.model_fields.get(loc[0]) if loc else None
        if field is not None and field.discriminator and len(loc) > 2:
            del loc[1]  # the provider tag of a union (llm.openai.base_url is llm.base_url)
        key = ".".join(loc) or "(root)"
        env = {"redis_url": "REDIS_URL", "database_url": "DATABASE_URL"}.get(key) or "VTUBER_" + "__".join(
            loc
        ).upper()
        value = err.get("input")
        # a whole section (a model or union error) may hold secrets under any key: never echo one
        scalar = isinstance(value, str | int | float | bool) or value is None
        shown = "" if "input" not in err or not scalar or _looks_secret(key) else f" (got {value!r:.80})"
        if err["type"] == "extra_forbidden":
            lines.append(f"  {key}: unknown setting{shown}; see docs/configuration.md for the keys")
            continue
        message = err["msg"].removeprefix("Value error, ")
        if not loc:  # a rule across settings: no single variable to name
            lines.append(f"  {message}" + (f" [file {path}]" if path else ""))
            continue
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


def _secrets(model: BaseModel, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], SecretStr]]:
    """Every ``SecretStr`` in a settings tree, with its path: found by walking the fields, so a
    new provider's key is redacted without anyone listing it."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, SecretStr):
            yield (*path, name), value
        elif isinstance(value, BaseModel):
            yield from _secrets(value, (*path, name))


def _is_url(path: tuple[str, ...]) -> bool:
    return path[-1].endswith("_url")


def redacted(settings: Settings) -> dict[str, Any]:
    """The effective settings as plain data, with every secret masked (for ``config check``).
    URLs keep their host and lose their password; other secrets read ``***`` when set."""
    data: dict[str, Any] = settings.model_dump(mode="json")
    for path, secret in _secrets(settings):
        *parents, key = path
        node = data
        for part in parents:
            node = node[part]
        value = secret.get_secret_value()
        node[key] = redact_url(value) if _is_url(path) else ("***" if value else "")
    data["bus"]["effective_backend"] = settings.bus_backend
    return data


def secret_values(settings: Settings) -> list[str]:
    """Every secret string in the settings, for the log redaction filter: each ``SecretStr``
    field's value, and only the password of a URL (its host is not a secret)."""
    found: list[str] = []
    for path, secret in _secrets(settings):
        value = secret.get_secret_value()
        if _is_url(path):
            creds = value.partition("://")[2].rpartition("@")[0]
            value = creds.split(":", 1)[1] if ":" in creds else ""
        if value:
            found.append(value)
    return found
