"""A readable transcript of a stream: what chat said, what the bot picked and why, what it
said with which emotion, and what safety blocked. Built from the logged events."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import assert_never

from engines import events as ev

_SHOW_DROPS = {"copy-paste", "stale", "duplicate", "pool-full", "blocked", "self", "bot", "crisis"}


def _clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _who(user: ev.Viewer | None) -> str:
    return user.display_name if user else "anonymous"


def describe_input(e: ev.EventBase) -> str:
    """One line for an input event (the type alone for any other)."""
    return _describe(e) if isinstance(e, ev.InputEvent) else e.type


def _describe(e: ev.InputEvent) -> str:
    match e:
        case ev.ChatMessage():
            return f"chat    {e.user.display_name}: {_clip(e.text)}"
        case ev.StreamerUtterance():
            early = "" if e.final else " (early, before the end of the silence)"
            return f"voice   streamer: {_clip(e.text)}{early}"
        case ev.UtteranceEnd():
            return "voice   (kept)" if e.kept else "voice   (the streamer went on talking: withdrawn)"
        case ev.ModeratorInput():
            return f"mod     {e.author}: {_clip(e.text)}"
        case ev.Raid():
            return f"raid    {e.from_user.display_name} with {e.viewers} viewers"
        case ev.Follow():
            return f"follow  {e.user.display_name}"
        case ev.Subscription():
            return f"sub     {e.user.display_name} (tier {e.tier}{', gift' if e.is_gift else ''})"
        case ev.ResubMessage():
            return f"resub   {e.user.display_name} {e.cumulative_months} months: {_clip(e.text)}"
        case ev.GiftSubs():
            return f"gift    {_who(e.user)} gifted {e.total}"
        case ev.Cheer():
            return f"cheer   {_who(e.user)} {e.bits} bits: {_clip(e.text)}"
        case ev.Redemption():
            return f"redeem  {e.user.display_name} '{e.reward_title}': {_clip(e.user_input)}"
        case ev.StreamState():
            return f"stream  online={e.online} title={e.title!r} category={e.category!r}"
        case _:
            assert_never(e)


def render(
    events: Iterable[ev.EventBase], *, start: datetime | None = None, show_all_drops: bool = False
) -> str:
    """Markdown transcript, one line per event, times relative to ``start``."""
    ordered = sorted(events, key=lambda e: e.ts)
    if not ordered:
        return "# Transcript\n\n(nothing happened)\n"
    t0 = start or ordered[0].ts
    by_id = {e.id: e for e in ordered}
    lines = ["# Transcript", "", "```"]
    for e in ordered:
        secs = (e.ts - t0).total_seconds()
        stamp = f"{int(secs // 60):02d}:{secs % 60:04.1f}"
        line = _line(e, by_id, show_all_drops)
        if line:
            lines.append(f"{stamp}  {line}")
    lines += ["```", ""]
    return "\n".join(lines)


def _line(e: ev.EventBase, by_id: dict[str, ev.EventBase], show_all_drops: bool) -> str | None:
    if not isinstance(e, ev.AnyEvent):
        return e.type
    match e:
        case ev.SelectionDecision():
            target = by_id.get(e.target_id)
            what = _clip(describe_input(target).split(None, 1)[-1], 60) if target else e.target_id
            score = f", score {e.score:.2f}" if e.score is not None else ""
            if e.action == "pick":
                return f"PICK    {what}  <- {e.reason}{score}"
            if show_all_drops or e.reason.split(":")[0] in _SHOW_DROPS or e.reason.startswith("unsafe"):
                return f"drop    {what}  <- {e.reason}"
            return None
        case ev.ReplyStarted():
            recalled = "".join(f"\n          MEMORY  {line}" for line in e.recalled.splitlines())
            return f"TURN    {e.turn_id[:8]} ({e.reason}){recalled}"
        case ev.ReplySentence():
            return f"SAY     [{e.emotion}] {e.text}"
        case ev.ReplyBlocked():
            return f"BLOCK   {e.stage} {e.layer}: {e.reason} | {_clip(e.text, 60)}"
        case ev.CrisisFlagged():
            return f"CRISIS  {e.user.display_name}: {_clip(e.text, 60)}  <- {e.reason}; not answered, flagged for moderators"
        case ev.SendChat():
            reply = f" (reply to {e.reply_to})" if e.reply_to else ""
            return f"CHAT    by {e.by}{reply}: {_clip(e.text, 70)}"
        case ev.ReplyInterrupted():
            return f"CUT     by {e.by}; heard: {_clip(e.heard_text, 70)}"
        case ev.ReplyFinished():
            latency = f", first audio after {e.latency_ms:.0f} ms" if e.latency_ms is not None else ""
            return f"done    {e.sentences} sentence(s){latency}"
        case ev.Interrupt() | ev.Skip() | ev.KillSwitch() | ev.Mute():
            return f"CONTROL {e.type} by {e.by}"
        case ev.Metric():
            return None
        case (
            ev.PersonaSwitch() | ev.SceneSwitch() | ev.HoldMode() | ev.Review() | ev.BlockViewer()
            | ev.BannedWord() | ev.TwitchModeration() | ev.PushToTalk()
            | ev.ReplyHeld() | ev.ComponentStatus() | ev.PersonaApplied() | ev.ModelSwitch() | ev.ModelApplied()
        ):  # fmt: skip
            return e.type
        case ev.BotHeartbeat():
            return None  # the bot's pulse, every few seconds: not part of the show
        case _:  # the input kinds: a control or output kind missing above fails the type check here
            return _describe(e)
