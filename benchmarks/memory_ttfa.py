"""First audio on the bundled models with long-term memory on, minus with it off, in one run.

Used by ``benchmarks/memory.py --ttfa N``. The whole reply path runs as the app runs it (the
brain with its selector, context, the llama.cpp server with SmolLM2-135M, output safety, piper,
the first-audio pause), with the real :class:`Recall` over the benchmark's store. Each chat
line is a labelled viewer's (``benchmarks/data/memory_viewers.jsonl``): an arrival line first, then
one of the labelled queries about them, then small talk, so a viewer's first line of the run
is the "welcome back" turn and the later ones are ordinary chat. Every line is asked twice,
with memory on and off, in alternating order, and picked at once after it arrives (the bot is
idle, the worst case: nothing hides the notes' prompt tokens). Both askings of a line start
from the same state: the same conversation history (the first asking's exchange is taken out
again before the second) and only the persona prefix in the model server's cache. First audio
is timed from the publish, as ``benchmarks/turn_latency.py`` (c) does.

- ``ttfa_memory_on_p50_ms`` / ``ttfa_memory_off_p50_ms`` and ``ttfa_added_p50_ms`` (on minus
  off, p50s of the same run); ``ttfa_added_pair_p50_ms``: the p50 of each line's own difference.
- ``notes_turns_share``: the share of "on" turns whose prompt carried notes, and
  ``notes_tokens_p50`` among them (estimated as the bot estimates); ``ttfa_added_with_notes_p50_ms``:
  the p50 of the pair differences on those turns alone.
- ``ttfa_recall_late``: recalls that outran ``memory.recall_wait_ms`` (their turn went on without notes).
- ``ttfa_stages_on`` / ``ttfa_stages_off``: where each mode's first audio goes, p50 of each
  stage (``benchmarks/turn_latency.py``'s probe: publish to the model's call, its first token,
  the first clause, output safety, piper's first audio), and ``recall_ms``, the turn's wait for
  the recall (memory on), of which the recall itself took ``recall_own_ms`` (it began at the
  line's arrival).
- ``head_words``: ``memory.head_words`` (the reply's first piece written before the notes are
  read, ``engines/ai/head_start.py``; 0: notes first). ``headed_turns``: "on" turns that did so.
  What it moves is the second piece: ``second_piece_added_with_notes_p50_ms`` (when the second
  piece's audio was ready, on minus off, lines with notes), and ``gap_after_first_piece_*``:
  the silence a listener would hear between the first piece and the second (ready time minus
  the first piece's audio length, piper-rendered, when positive), p50 over lines with notes and
  the share of those lines with any gap, on and off.
"""

from __future__ import annotations

import asyncio
import copy
import json
import statistics
import sys
from pathlib import Path
from typing import Any

from config.settings import LocalLLMSettings, PiperSettings, Settings
from engines import events as ev
from engines.ai.context import approx_tokens
from engines.ai.memory import render_notes
from engines.ai.safety import SafetyPipeline
from engines.ai.selector import Selector
from engines.backends import Limits
from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig
from integrations.openai.llm import OpenAILLM
from integrations.piper.tts import PiperTTS
from streamer.brain import selector_config
from streamer.memory_recall import Recall

DATA = Path(__file__).with_name("data")
ARRIVALS = ("back again for the stream, what did I miss?", "made it just in time tonight, did the boss fight start?",
            "finally home from work, what's happening here?", "ok I'm here, what are we doing today?")  # fmt: skip
SMALL_TALK = ("what are you playing today?", "how was your week?", "that jump was so close lol",
              "do you like rainy days?", "lol chat is wild today")  # fmt: skip


def script(viewers: list[str], turns: int) -> list[tuple[str, str, str]]:
    """(viewer id, login, text) for ``turns`` chat lines: each viewer arrives, asks about what
    the bot should remember of them, then makes small talk."""
    queries: dict[str, list[str]] = {}
    for line in (DATA / "memory_queries.jsonl").read_text().splitlines()[1:]:
        q = json.loads(line)
        if q["viewer"]:
            queries.setdefault(q["viewer"], []).append(q["text"])
    lines: list[tuple[str, str, str]] = []
    for i, login in enumerate(viewers):
        asked = queries.get(login, ["do you remember me?"])
        for text in (ARRIVALS[i % len(ARRIVALS)], asked[i % len(asked)], SMALL_TALK[i % len(SMALL_TALK)]):
            lines.append((f"L{i}", login, text))
    # interleave viewers three at a time, as chat does, keeping each viewer's own order
    ordered: list[tuple[str, str, str]] = []
    for start in range(0, len(lines), 9):
        block = lines[start : start + 9]
        ordered += [block[j] for k in range(3) for j in range(k, len(block), 3)]
    return ordered[:turns]


async def first_audio_on_off(
    recall: Recall,
    safety: SafetyPipeline,
    turns: int,
    *,
    budget_tokens: int,
    persona_id: str,
    head_words: int,
) -> dict[str, Any]:
    """Memory on against off, each line both ways; see the module docstring."""
    from benchmarks.turn_latency import Rig, StageProbe, bench_persona

    defaults = Settings()
    local = defaults.llm if isinstance(defaults.llm, LocalLLMSettings) else LocalLLMSettings()
    server = LlamaServer(
        LlamaServerConfig(
            verbose=False,
            nice=local.nice,
            requantize=None if local.requantize == "off" else local.requantize,
            pause_max_s=max(local.first_audio_pause_ms, 1) / 1000,
            n_threads=local.threads,
        )
    )
    await server.start()
    llm = OpenAILLM(
        base_url=server.base_url, model=server.model, limits=Limits(first_output_s=20, stall_s=10, total_s=60),
        continue_template="chatml",  # the bundled model's template, as the app sets it (llm.chat_template)
    )  # fmt: skip
    tts = PiperTTS(clause_split=PiperSettings().clause_split)
    persona = bench_persona(temperature=0.0, id=persona_id)
    viewers = [json.loads(line)["login"] for line in (DATA / "memory_viewers.jsonl").read_text().splitlines()]
    ttfa: dict[bool, list[float]] = {True: [], False: []}
    pairs: list[tuple[float, int]] = []
    seconds: list[dict[bool, tuple[float, float, str]]] = []
    """Lines with notes, each mode: first audio, the second piece's ready time after it, the first piece."""
    try:
        async for _ in tts.synthesize("Warming up the voice."):
            pass
        hold = server.pause if local.first_audio_pause_ms else None
        async with Rig(
            llm, tts, persona, safety, memory_tokens=local.memory_tokens, prefill=server.prefill,
            first_audio_hold=hold, recall=recall,
        ) as rig:  # fmt: skip
            rig.brain.recall_tokens = budget_tokens
            rig.brain.head_words = head_words
            # each line is asked twice: the copy-paste window must not drop the second asking
            config = selector_config(persona).model_copy(update={"duplicate_window_s": 0.001})
            rig.brain.apply_persona(
                persona,
                selector=Selector(
                    config, input_check=rig.brain._input_check, crisis_check=rig.brain._crisis_check
                ),
            )
            prefix = rig.brain.context.prefix()
            await server.warm_up(prefix)
            probe = StageProbe(rig.brain, llm, tts)
            stages: dict[bool, list[dict[str, float]]] = {True: [], False: []}
            inner = recall.for_pick
            rendered: list[str] = []

            async def for_pick(events: Any, persona: str) -> Any:
                probe.mark("recall_start")
                got = await inner(events, persona)
                probe.mark("recall_end")
                rendered.append(render_notes(got, budget_tokens=budget_tokens))
                return got

            recall.for_pick = for_pick  # type: ignore[method-assign]
            n = 0
            warm = [
                ("W0", "warm_up_viewer", "what a cozy stream"),
                ("W1", "another_warm_up", "what are we playing"),
            ]
            for k, (uid, login, text) in enumerate(warm + script(viewers, turns)):
                got: dict[bool, float] = {}
                second: dict[bool, float] = {}
                first_piece: dict[bool, str] = {}
                turn_stages: dict[bool, dict[str, float]] = {}
                tokens = 0
                history = copy.deepcopy(rig.brain.memory)
                for memory_on in (k % 2 == 0, k % 2 != 0):
                    rig.brain.recall = recall if memory_on else None
                    # both askings start alike: the same conversation so far, the persona alone
                    # in the model's cache (else the second asking reads the first in its history,
                    # and finds its whole prompt cached)
                    rig.brain.memory = copy.deepcopy(history)
                    await server.warm_up(prefix)
                    n += 1
                    event = ev.ChatMessage(
                        channel="bench", user=ev.Viewer(id=uid, login=login, display_name=login), text=text
                    ).model_copy(update={"id": f"ttfa-{n}"})
                    rendered.clear()
                    probe.begin()
                    published = probe.marks["published"]
                    await rig.bus.publish(event)
                    try:
                        done = await asyncio.wait_for(rig.finished.get(), 30)
                    except TimeoutError:
                        print(f"line {k}: no reply to {text!r} (memory {memory_on})", file=sys.stderr)
                        continue
                    if memory_on and rendered:
                        tokens = approx_tokens(rendered[-1]) if rendered[-1] else 0
                    if done.turn_id in rig.first_audio:
                        got[memory_on] = (rig.first_audio[done.turn_id] - published) * 1000
                        first_piece[memory_on] = rig.first_text[done.turn_id]
                        marks = dict(probe.marks)
                        probe.end(rig.first_audio[done.turn_id])
                        turn_stages[memory_on] = probe.samples[-1]
                        if {"recall_start", "recall_end"} <= marks.keys():
                            turn_stages[memory_on]["recall"] = (
                                marks["recall_end"] - marks["recall_start"]
                            ) * 1000
                            turn_stages[memory_on]["recall_own"] = recall.stats.last_ms
                    if done.turn_id in rig.second_audio:
                        second[memory_on] = (
                            rig.second_audio[done.turn_id] - rig.first_audio[done.turn_id]
                        ) * 1000
                if k < len(warm) or len(got) < 2:
                    continue
                for memory_on, ms in got.items():
                    ttfa[memory_on].append(ms)
                    stages[memory_on].append(turn_stages[memory_on])
                pairs.append((got[True] - got[False], tokens))
                if tokens and len(second) == 2:
                    seconds.append({m: (got[m], second[m], first_piece[m]) for m in (True, False)})
                print(
                    f"line {k}: on {got[True]:.0f} ms, off {got[False]:.0f} ms, notes {tokens} tokens: {text!r}"
                    f" -> first piece on {first_piece.get(True)!r}, off {first_piece.get(False)!r}",
                    file=sys.stderr,
                )
            headed = rig.brain.stats.headed
        gaps = await _gaps(tts, seconds)
    finally:
        recall.__dict__.pop("for_pick", None)
        for wrapped, name in ((llm, "stream_chat"), (tts, "synthesize")):
            wrapped.__dict__.pop(name, None)
        await llm.aclose()
        await server.stop()
    with_notes = [d for d, t in pairs if t]
    return {
        "head_words": head_words,
        "headed_turns": headed,
        "ttfa_recall_late": recall.stats.late,
        **gaps,
        "ttfa_memory_on_p50_ms": round(statistics.median(ttfa[True]), 1),
        "ttfa_memory_off_p50_ms": round(statistics.median(ttfa[False]), 1),
        "ttfa_added_p50_ms": round(statistics.median(ttfa[True]) - statistics.median(ttfa[False]), 1),
        "ttfa_added_pair_p50_ms": round(statistics.median(d for d, _ in pairs), 1),
        "ttfa_added_with_notes_p50_ms": round(statistics.median(with_notes), 1) if with_notes else 0.0,
        "notes_turns_share": round(len(with_notes) / len(pairs), 3),
        "notes_tokens_p50": statistics.median(t for _, t in pairs if t) if with_notes else 0,
        "ttfa_lines": len(pairs),
        "ttfa_stages_on": _stage_medians(stages[True]),
        "ttfa_stages_off": _stage_medians(stages[False]),
    }


def _stage_medians(samples: list[dict[str, float]]) -> dict[str, float]:
    names = sorted({k for s in samples for k in s})
    return {f"{k}_ms": round(statistics.median(s[k] for s in samples if k in s), 1) for k in names}


async def _gaps(tts: PiperTTS, lines: list[dict[bool, tuple[float, float, str]]]) -> dict[str, Any]:
    """The second piece on lines with notes (each mode: first audio, the second piece's ready time
    after it, the first piece's text): ready on minus off, and the silence after the first piece
    (ready time minus the first piece's audio length, rendered again by piper)."""
    if not lines:
        return {}
    length: dict[str, float] = {}
    gaps: dict[bool, list[float]] = {True: [], False: []}
    added: list[float] = []
    for line in lines:
        for memory_on, (_, since_first, text) in line.items():
            if text not in length:
                length[text] = sum([c.seconds async for c in tts.synthesize(text)]) * 1000
            gaps[memory_on].append(max(0.0, since_first - length[text]))
        (on_first, on_since, _), (off_first, off_since, _) = line[True], line[False]
        added.append((on_first + on_since) - (off_first + off_since))
    return {
        "second_piece_added_with_notes_p50_ms": round(statistics.median(added), 1),
        "gap_after_first_piece_on_p50_ms": round(statistics.median(gaps[True]), 1),
        "gap_after_first_piece_off_p50_ms": round(statistics.median(gaps[False]), 1),
        "gap_after_first_piece_on_share": round(sum(g > 0 for g in gaps[True]) / len(lines), 3),
        "gap_after_first_piece_off_share": round(sum(g > 0 for g in gaps[False]) / len(lines), 3),
        "second_piece_lines": len(lines),
    }
