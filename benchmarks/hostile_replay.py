"""End to end: what the character says when hostile chat is addressed to it by name.

    .venv/bin/python benchmarks/hostile_replay.py                      # 12 per category, seed 19
    .venv/bin/python benchmarks/hostile_replay.py --per-category 4     # a quicker pass
    .venv/bin/python benchmarks/hostile_replay.py --parse data/rehearsals/<run>   # re-read a run

Takes the hostile viewer lines (``side == "input"``, ``label == "hostile"``) of
``tests/data/safety_eval.jsonl``, a seeded sample stratified by category (round-robin over
the category's techniques, so every technique appears at least once, then up to
``--per-category``), prefixes each with the persona's name ("Hiyori, ..."), and writes a
chat replay file (one viewer per line, ``--gap`` real seconds apart, in shuffled order).
It then runs ``vtuber rehearse --file`` on it (the embedded defaults: in-process bus,
SQLite in ./data, the bundled LLM and voice; no accounts), and reads the run's events back
from the database:

- input safety blocked the line (a selector drop ``unsafe:...``, or the picked line blocked
  again before the turn);
- the line was dropped for another reason (``caution``, ``crisis``, ``stale``, ...);
- the character answered it (a turn was started for it): every sentence spoken in that turn
  (``reply.sentence``) and every sentence output safety blocked (``reply.blocked``, stage
  output).

Written under the run's folder ``data/rehearsals/<run>/``: the replay file
(``hostile_replay.jsonl``), one JSON object per sampled line (``hostile_results.jsonl``)
and the readable transcript of answered lines (``hostile_answers.md``: viewer line, then
the sentences spoken and blocked). Printed: progress on stderr, one JSON object on stdout.

The sample is deterministic for a seed; the model's answers are not quite (sampling at the
persona's temperature, and timing). The replay file carries the run's start time in a
comment, so each run gets its own run id and folder.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from config.persona import load_persona  # noqa: E402
from config.settings import Settings, load_settings  # noqa: E402
from engines import events as ev  # noqa: E402
from streamer.sources.replay import file_run_id  # noqa: E402
from streamer.store import make_engine, make_sessionmaker  # noqa: E402
from streamer.store.models import EventRow  # noqa: E402

EVAL = ROOT / "tests" / "data" / "safety_eval.jsonl"
REPLAY_NAME = "hostile_replay.jsonl"
RESULTS_NAME = "hostile_results.jsonl"
ANSWERS_NAME = "hostile_answers.md"
LEAD_S = 3.0
"""Real seconds before the first viewer line (the stream state goes first)."""
OUTPUT_TYPES = (
    "decision", "reply.started", "reply.sentence", "reply.blocked", "reply.finished",
    "reply.interrupted", "reply.held", "crisis.flagged",
)  # fmt: skip


@dataclass(frozen=True)
class Sample:
    text: str
    category: str
    technique: str


@dataclass
class Outcome:
    """What became of one sampled line."""

    line: int
    event_id: str
    category: str
    technique: str
    original: str
    sent: str
    status: str = "no-decision"
    """input-blocked, dropped, answered, or no-decision (the bot never decided on it)."""
    reason: str = ""
    turns: list[str] = field(default_factory=list)
    spoken: list[str] = field(default_factory=list)
    blocked_output: list[dict[str, str]] = field(default_factory=list)
    interrupted: bool = False


# ------------------------------------------------------------------ the sample


def hostile_inputs(path: Path) -> list[Sample]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        row = json.loads(raw)
        if row.get("side") == "input" and row.get("label") == "hostile":
            out.append(Sample(row["text"], row["category"], row["technique"]))
    return out


def stratified(rows: list[Sample], per_category: int, rng: random.Random) -> list[Sample]:
    """Per category: round-robin over its techniques (each shuffled) until ``per_category``
    lines, but always at least one line per technique. The result is shuffled."""
    by_cat: dict[str, dict[str, list[Sample]]] = defaultdict(lambda: defaultdict(list))
    seen: set[str] = set()
    for row in rows:
        if row.text not in seen:
            seen.add(row.text)
            by_cat[row.category][row.technique].append(row)
    picked: list[Sample] = []
    for cat in sorted(by_cat):
        techniques = sorted(by_cat[cat])
        rng.shuffle(techniques)
        pools = {t: rng.sample(by_cat[cat][t], len(by_cat[cat][t])) for t in techniques}
        want = max(per_category, len(techniques))
        taken: list[Sample] = []
        while len(taken) < want and any(pools.values()):
            for t in techniques:
                if pools[t] and len(taken) < want:
                    taken.append(pools[t].pop())
        picked.extend(taken)
    rng.shuffle(picked)
    return picked


def addressed(name: str, text: str) -> str:
    return f"{name}, {text}"


def replay_lines(samples: list[Sample], name: str, *, gap_s: float, speed: float, stamp: str) -> list[str]:
    """The replay file's lines; viewer line i (0-based) is on file line i + 4."""
    scale = speed if speed > 0 else 1.0
    out = [
        f"# hostile_replay: {len(samples)} hostile viewer lines addressed to {name}; run {stamp}",
        "# Format: {\"at\": seconds since stream start, \"event\": input event fields without id/channel/ts/v}",
        orjson.dumps({"at": 0.0, "event": {
            "type": "stream.state", "online": True, "title": "cozy chat and drawing", "category": "Just Chatting",
        }}).decode(),
    ]  # fmt: skip
    for i, s in enumerate(samples):
        login = f"viewer_{i:03d}"
        event = {
            "type": "chat.message",
            "user": {"id": str(70_000_000 + i), "login": login, "display_name": login},
            "text": addressed(name, s.text),
        }
        out.append(orjson.dumps({"at": round((LEAD_S + i * gap_s) * scale, 3), "event": event}).decode())
    return out


# ------------------------------------------------------------------ the run


def rehearse(replay: Path, *, speed: float, config: Path | None, timeout_s: float) -> int:
    exe = Path(sys.executable).with_name("vtuber")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "streamer"]
    cmd += ["rehearse", "--file", str(replay), "--speed", f"{speed:g}"]
    if config is not None:
        cmd += ["--config", str(config)]
    print("running:", " ".join(cmd), file=sys.stderr, flush=True)
    try:
        done = subprocess.run(
            cmd, cwd=ROOT, stdout=sys.stderr, stderr=sys.stderr, timeout=timeout_s, check=False
        )
    except subprocess.TimeoutExpired:
        print(f"vtuber rehearse ran past {timeout_s:.0f} s; reading what it stored", file=sys.stderr)
        return 124
    return done.returncode


async def rehearsal_run_id(settings: Settings, since: datetime) -> str | None:
    """The run id ``vtuber rehearse`` gave this replay (a fresh one per rehearsal): the most
    common ``replay-<run>-<line>`` among the chat stored since ``since``."""
    engine = make_engine(settings.database_url.get_secret_value())
    try:
        async with make_sessionmaker(engine)() as s:
            ids = (
                await s.execute(
                    select(EventRow.id).where(
                        EventRow.ts >= since, EventRow.type == "chat.message", EventRow.id.like("replay-%")
                    )
                )
            ).scalars()
            runs = Counter(i.removeprefix("replay-").rsplit("-", 1)[0] for i in ids)
    finally:
        await engine.dispose()
    return runs.most_common(1)[0][0] if runs else None


async def stored_events(settings: Settings, since: datetime, ids: set[str]) -> list[ev.EventBase]:
    """This run's output events and its input events, decoded, in time order."""
    engine = make_engine(settings.database_url.get_secret_value())
    try:
        async with make_sessionmaker(engine)() as s:
            outputs = (
                await s.execute(
                    select(EventRow.payload)
                    .where(EventRow.ts >= since, EventRow.type.in_(OUTPUT_TYPES))
                    .order_by(EventRow.ts)
                )
            ).scalars()
            payloads = list(outputs)
            inputs = (await s.execute(select(EventRow.payload).where(EventRow.id.in_(ids)))).scalars()
            payloads += list(inputs)
    finally:
        await engine.dispose()
    out = []
    for p in payloads:
        try:
            out.append(ev.decode(orjson.dumps(p)))
        except ev.EventDecodeError:
            continue
    return sorted(out, key=lambda e: e.ts)


def classify(outcomes: list[Outcome], events: list[ev.EventBase]) -> dict[str, Any]:
    by_id = {o.event_id: o for o in outcomes}
    by_turn: dict[str, list[Outcome]] = defaultdict(list)
    stored_inputs = set()
    other_turns: set[str] = set()
    for e in events:
        if isinstance(e, ev.ChatMessage) and e.id in by_id:
            stored_inputs.add(e.id)
        elif isinstance(e, ev.SelectionDecision) and e.target_id in by_id:
            o = by_id[e.target_id]
            if e.action == "pick":
                o.status, o.reason = "answered", e.reason
            elif e.reason.startswith(("unsafe:", "input-check-error")):
                o.status, o.reason = "input-blocked", e.reason
            else:
                o.status, o.reason = "dropped", e.reason
        elif isinstance(e, ev.ReplyBlocked) and e.stage == "input" and e.target_id in by_id:
            o = by_id[e.target_id]
            if o.status in ("answered", "no-decision"):  # picked, then refused before the turn
                o.status, o.reason = "input-blocked", f"unsafe:{e.layer}: {e.reason}"
        elif isinstance(e, ev.CrisisFlagged) and e.target_id in by_id:
            o = by_id[e.target_id]
            if o.status in ("answered", "no-decision"):
                o.status, o.reason = "dropped", f"crisis: {e.reason}"
        elif isinstance(e, ev.ReplyStarted):
            mine = [by_id[t] for t in e.trigger_ids if t in by_id]
            for o in mine:
                o.turns.append(e.turn_id)
                by_turn[e.turn_id].append(o)
            if not mine:
                other_turns.add(e.turn_id)
    other_spoken: list[str] = []
    turn_sentences: dict[str, int] = Counter()
    turn_blocked: dict[str, int] = Counter()
    for e in events:
        if isinstance(e, ev.ReplySentence):
            if e.turn_id in by_turn:
                turn_sentences[e.turn_id] += 1
                for o in by_turn[e.turn_id]:
                    o.spoken.append(e.text)
            elif e.turn_id in other_turns:
                other_spoken.append(e.text)
        elif isinstance(e, ev.ReplyBlocked) and e.stage == "output" and e.turn_id in by_turn:
            turn_blocked[e.turn_id] += 1
            for o in by_turn[e.turn_id]:
                o.blocked_output.append({"layer": e.layer, "reason": e.reason, "text": e.text})
        elif isinstance(e, ev.ReplyInterrupted) and e.turn_id in by_turn:
            for o in by_turn[e.turn_id]:
                o.interrupted = True
    for o in outcomes:  # picked but the turn never started (a failed LLM, say)
        if o.status == "answered" and not o.turns:
            o.status, o.reason = "dropped", f"picked, no turn ({o.reason})"
    dropped = Counter(_reason_key(o.reason) for o in outcomes if o.status == "dropped")
    blocked_layers = Counter(_layer(o.reason) for o in outcomes if o.status == "input-blocked")
    answered = [o for o in outcomes if o.status == "answered"]
    by_cat: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        by_cat[o.category][o.status] += 1
        by_cat[o.category]["lines"] += 1
    return {
        "lines": len(outcomes),
        "stored_inputs": len(stored_inputs),
        "input_blocked": sum(o.status == "input-blocked" for o in outcomes),
        "input_blocked_by_layer": dict(sorted(blocked_layers.items())),
        "dropped_other": dict(sorted(dropped.items())),
        "dropped_other_total": sum(dropped.values()),
        "no_decision": sum(o.status == "no-decision" for o in outcomes),
        "answered": len(answered),
        "answered_with_speech": sum(bool(o.spoken) for o in answered),
        "turns": len(by_turn),
        "sentences_spoken": sum(turn_sentences.values()),
        "sentences_blocked_on_output": sum(turn_blocked.values()),
        "turns_interrupted": len({t for o in answered if o.interrupted for t in o.turns}),
        "other_turns": len(other_turns),
        "other_sentences_spoken": len(other_spoken),
        "by_category": {
            c: {k: n[k] for k in ("lines", "input-blocked", "dropped", "answered", "no-decision") if n[k]}
            for c, n in sorted(by_cat.items())
        },
    }


def _reason_key(reason: str) -> str:
    head = reason.split(":")[0].strip()
    return head or "unknown"


def _layer(reason: str) -> str:
    rest = reason.removeprefix("unsafe:")
    return rest.split(":")[0].strip() or "input"


def answers_markdown(outcomes: list[Outcome], name: str, summary: dict[str, Any]) -> str:
    lines = [
        "# Hostile lines the character answered",
        "",
        f"{summary['answered']} of {summary['lines']} hostile viewer lines addressed to {name} were answered; "
        f"{summary['sentences_spoken']} sentences spoken, {summary['sentences_blocked_on_output']} blocked by "
        "output safety.",
        "",
    ]
    for o in sorted((o for o in outcomes if o.status == "answered"), key=lambda o: o.line):
        lines.append(f"## line {o.line} ({o.category} / {o.technique}, picked: {o.reason})")
        lines.append("")
        lines.append(f"- viewer: {o.sent!r}")
        for text in o.spoken:
            lines.append(f"  - SAID: {text!r}")
        for b in o.blocked_output:
            lines.append(f"  - BLOCKED ({b['layer']}: {b['reason']}): {b['text']!r}")
        if not o.spoken and not o.blocked_output:
            lines.append("  - (nothing spoken)")
        if o.interrupted:
            lines.append("  - (turn interrupted)")
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--eval", type=Path, default=EVAL, help="labelled set (default: tests/data/safety_eval.jsonl)"
    )
    ap.add_argument(
        "--per-category", type=int, default=12, help="lines per category (at least one per technique)"
    )
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--gap", type=float, default=2.0, help="real seconds between two viewer lines")
    ap.add_argument("--speed", type=float, default=4.0, help="rehearse --speed (also the audio pace)")
    ap.add_argument(
        "--config", type=Path, default=None, help="TOML config for vtuber rehearse (default: none)"
    )
    ap.add_argument("--name", default=None, help="the name to address (default: the configured persona's)")
    ap.add_argument("--timeout", type=float, default=1200.0, help="seconds before the rehearsal is stopped")
    ap.add_argument("--parse", type=Path, default=None, help="only re-read the run in this folder")
    args = ap.parse_args(argv)

    settings = load_settings(args.config)
    name = args.name or load_persona(settings.persona).name
    if args.parse is not None:
        run_dir = args.parse
        replay = run_dir / REPLAY_NAME
        meta = json.loads((run_dir / "hostile_meta.json").read_text(encoding="utf-8"))
        since = datetime.fromisoformat(meta["since"])
        samples = [Sample(**s) for s in meta["samples"]]
        name = meta["name"]
        rc = meta.get("rc", 0)
        elapsed = meta.get("seconds", 0.0)
    else:
        rng = random.Random(args.seed)
        samples = stratified(hostile_inputs(args.eval), args.per_category, rng)
        since = datetime.now(UTC)
        text = (
            "\n".join(replay_lines(samples, name, gap_s=args.gap, speed=args.speed, stamp=since.isoformat()))
            + "\n"
        )
        run_id = file_run_id(text.encode(), settings.channel)
        run_dir = settings.data_dir / "rehearsals" / run_id
        if not run_dir.is_absolute():
            run_dir = ROOT / run_dir
        run_dir.mkdir(parents=True, exist_ok=True)
        replay = run_dir / REPLAY_NAME
        replay.write_text(text, encoding="utf-8")
        print(f"{len(samples)} hostile lines, {len({s.category for s in samples})} categories, "
              f"{len({(s.category, s.technique) for s in samples})} techniques; replay {replay}",
              file=sys.stderr, flush=True)  # fmt: skip
        started = time.monotonic()
        rc = rehearse(replay, speed=args.speed, config=args.config, timeout_s=args.timeout)
        elapsed = time.monotonic() - started
        meta = {
            "since": since.isoformat(), "name": name, "rc": rc, "seconds": elapsed, "seed": args.seed,
            "per_category": args.per_category, "gap": args.gap, "speed": args.speed,
            "samples": [s.__dict__ for s in samples],
        }  # fmt: skip
        (run_dir / "hostile_meta.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8"
        )

    run_id = asyncio.run(rehearsal_run_id(settings, since)) or file_run_id(
        replay.read_bytes(), settings.channel
    )
    outcomes = [
        Outcome(line=i + 4, event_id=f"replay-{run_id}-{i + 4}", category=s.category, technique=s.technique,
                original=s.text, sent=addressed(name, s.text))
        for i, s in enumerate(samples)
    ]  # fmt: skip
    events = asyncio.run(stored_events(settings, since, {o.event_id for o in outcomes}))
    summary = classify(outcomes, events)
    results = run_dir / RESULTS_NAME
    results.write_text(
        "".join(json.dumps(o.__dict__, ensure_ascii=False) + "\n" for o in outcomes), encoding="utf-8"
    )
    answers = run_dir / ANSWERS_NAME
    answers.write_text(answers_markdown(outcomes, name, summary), encoding="utf-8")
    summary = {
        **summary,
        "name": name,
        "rehearse_rc": rc,
        "seconds": round(elapsed, 1),
        "run_dir": str(run_dir),
        "answers": str(answers),
        "results": str(results),
        "transcript": str(run_dir / "transcript.md"),
    }
    print(f"answered lines: {answers}", file=sys.stderr)
    print(json.dumps(summary, ensure_ascii=False))
    return 0 if rc == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
