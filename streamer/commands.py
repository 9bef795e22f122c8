"""The work behind the one-shot CLI commands: rehearse, ptt, obs setup, twitch login, doctor,
audio devices. ``streamer/cli.py`` parses and prints; this module does."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

from config.settings import ConfigError, Settings
from engines.checks import Check
from engines.events import PushToTalk
from integrations.audio.sounddevice_mic import AudioDevice
from integrations.audio.sounddevice_mic import audio_devices as list_audio_devices
from integrations.registry import obs_overlay
from streamer.app import broadcaster_login, build_app, build_show, twitch_tokens
from streamer.bus import BusError, make_bus
from streamer.logs import run_log
from streamer.rehearsal import RehearsalSummary, run_rehearsal
from streamer.sources.replay import SAMPLE_STREAM, ReplaySource
from streamer.store import make_engine, make_sessionmaker, upgrade
from streamer.twitch_doctor import local_checks, secret_key_check

__all__ = ["RehearsalSummary", "audio_devices", "doctor", "obs_setup", "rehearse", "send_ptt", "twitch_login"]


async def rehearse(
    settings: Settings,
    *,
    path: Path | None = None,
    speed: float | None = None,
    with_show: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
) -> RehearsalSummary:
    """Replay a chat log through the whole bot (or only into the store) and summarise it. The
    terminal shows only warnings meanwhile; the full log goes to ``rehearsal.log`` in the run's folder."""
    speed = settings.replay.speed if speed is None else speed
    # a rehearsal is a new performance each time: fresh ids, not the file's (which `run --replay` keeps)
    source = ReplaySource(
        path or settings.replay.path or SAMPLE_STREAM, channel=settings.channel, speed=speed,
        run_id=secrets.token_hex(4),
    )  # fmt: skip
    out_dir = settings.data_dir / "rehearsals" / source.run_id
    with run_log(out_dir / "rehearsal.log") as log_path:
        app = await build_app(settings)
        show = None
        try:
            if with_show:
                show = await build_show(app, audio_dir=out_dir / "audio", pace=speed or None)
            summary = await run_rehearsal(app.bus, app.sessions, app.recorder, show.brain if show else None,
                                          source, out_dir=out_dir, on_progress=on_progress,
                                          memory=show.memory if show else None)  # fmt: skip
        finally:
            if show is not None:
                await show.close()
            await app.close()
    summary.log_path = log_path
    return summary


def audio_devices() -> list[AudioDevice]:
    """Every sound device PortAudio sees (``vtuber audio devices``)."""
    return list_audio_devices()


async def send_ptt(settings: Settings, pressed: bool, *, by: str = "cli") -> None:
    """Publish a push-to-talk key change on the bus (``vtuber ptt down|up``)."""
    bus = make_bus(settings)
    try:
        delivered = (
            await bus.publish(PushToTalk(channel=settings.channel, by=by, pressed=pressed))
        ) is not None
    finally:
        await bus.close()
    if not delivered:  # only in the local outbox, which this short-lived command drops on exit
        raise BusError("Redis is unreachable: the push-to-talk change did not reach the bot")


async def obs_setup(settings: Settings) -> str:
    """Create the caption and alert sources OBS is missing (``vtuber obs setup``)."""
    overlay = obs_overlay(settings.obs)
    try:
        result = await overlay.setup()
    finally:
        await overlay.close()
    created = [*result.created_inputs, *result.created_scene_items]
    return f"scene {result.scene!r}: " + (
        f"created {', '.join(created)}" if created else "everything was there"
    )


async def twitch_login(
    settings: Settings, *, say: Callable[[str], None], roles: tuple[str, ...] = ("bot", "broadcaster")
) -> list[str]:
    """`vtuber twitch login`: device logins for the accounts, tokens stored encrypted in the database."""
    from integrations.twitch import login as twitch_login_flow

    if settings.secret_key is None:
        raise ConfigError(
            "VTUBER_SECRET_KEY is not set: Twitch tokens are stored encrypted with it. Run `vtuber config "
            "keygen`, export VTUBER_SECRET_KEY=<the key>, and run this again"
        )
    if (key := secret_key_check(settings)).status != "ok":
        raise ConfigError(f"{key.detail}: {key.fix}, and run this again")
    if not settings.twitch.client_id:
        raise ConfigError(
            "twitch.client_id is not set: register an application at dev.twitch.tv/console first"
        )
    url = settings.database_url.get_secret_value()
    await upgrade(url)
    engine = make_engine(url)
    try:
        tokens = twitch_tokens(settings, make_sessionmaker(engine))
        assert tokens is not None
        stored = await twitch_login_flow.login(
            settings.twitch, broadcaster_login=broadcaster_login(settings), tokens=tokens, say=say,
            roles=[r for r in ("bot", "broadcaster") if r in roles],
        )  # fmt: skip
    finally:
        await engine.dispose()
    return [t.login for t in stored]


async def doctor(settings: Settings) -> list[Check]:
    """`vtuber doctor`: key, database, Redis, then Twitch (credentials, tokens, scopes, connectivity)."""
    from integrations.twitch import TwitchTokenStores
    from integrations.twitch import doctor as twitch_doctor

    checks = await local_checks(settings)
    tokens: TwitchTokenStores | None = None
    failed = [c for c in checks if c.name in ("secret key", "database") and c.status != "ok"]
    engine = make_engine(settings.database_url.get_secret_value())
    try:
        if not failed:
            tokens = twitch_tokens(settings, make_sessionmaker(engine))
        no_tokens = (f"cannot read the stored tokens: {failed[0].detail}", failed[0].fix) if failed else None
        found = await twitch_doctor.run_checks(
            settings.twitch, broadcaster_login=broadcaster_login(settings), tokens=tokens, no_tokens=no_tokens
        )
    finally:
        await engine.dispose()
    return [*checks, *found]
