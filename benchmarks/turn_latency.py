"""Turn latency: what the pipeline adds, what streaming saves, and what the local models give.

    .venv/bin/python benchmarks/turn_latency.py [--turns 40] [--local-turns 12] [--skip-local]

(a) Pipeline overhead: the real brain (bus, selector, context, OpenAI client, splitter,
    emotions, safety, performer) against an OpenAI-compatible stand-in with fixed timing
    (200 ms to first token, then 50 tokens/s, on its own thread) and a TTS with fixed timing
    (100 ms to first audio). Overhead = (event published -> first audio) minus the model
    time: the stand-in's schedule for the token that released the first chunk, plus the TTS
    delay. The stand-in runs on its own thread, so client work cannot delay its schedule.
    ``overhead_wait_as_overhead_*`` counts the model time only to the token that holds the
    chunk's closing mark: a splitter that waits for the next token pays that wait as overhead.
(b) Streaming advantage on the bundled local models (SmolLM2-135M on llama.cpp + piper):
    time to first audio with sentence streaming, divided by the time with the whole reply
    generated first (the same sentences, up to the persona's limit) and then synthesised as
    one WAV, same prompts.
(c) Event to first audio on the local models, p50 and p95, warm, and where it goes: ``stages``
    holds the p50 of each stage, from a probe on the turn's own calls (:class:`StageProbe`):
    the publish to the model call (bus, selector, context), the first token, the first
    clause (the reply splitter's release), output safety on it, the hand-off to the TTS (emotion
    tag, scrub, queues), the TTS's first audio, and that audio to the performer's sentence.
    Also counted: turns whose first audio came after a dropped sentence (prompt debris, an
    echo, output safety), dropped sentences per turn, and turns that said nothing at all.
    ``--no-examples`` runs (c) without the persona's sample exchanges. As the app does, (c)
    pauses the model server while piper renders each turn's first audio
    (``llm.first_audio_pause_ms``); ``--no-first-audio-pause`` runs it without.
    ``--first-clause-words N`` and ``--conjunction-words N`` (0: off) change the reply
    splitter's first-chunk rules for (c).
(d) Selector cost per chat message during a 1,000 msg/s flood (benchmarks/selector_flood.py).
(e) A message that waits: each question is sent when the turn before starts speaking (played in
    real time), so it waits in the selector while the character talks, as chat does on a
    stream. First audio is timed from its pick. Turns alternate with and without the brain's
    prefill of the waiting prompt (``LlamaServer.prefill``), in one sitting; ``queued_notes``
    repeats it with long-term memory's notes in the prompt (a recall stand-in: each viewer its own).

Beside (a) it prints the 1-minute load and the CPU steal (the share of CPU time the
hypervisor took from this VM) during the measurement: millisecond figures measured under
steal are the host's, not the code's.

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncGenerator, Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, cast

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import MachineWatch
from benchmarks.selector_flood import make_flood
from benchmarks.selector_flood import run as run_flood
from config.persona import Persona, load_persona
from config.settings import LocalLLMSettings, PiperSettings, Settings
from engines import events as ev
from engines.ai.memory.prompt import Recalled
from engines.ai.reply_stage import REPLY_SPLITTER, ReplyStage, Utterance
from engines.ai.safety import SafetyPipeline
from engines.ai.sentences import SentenceSplitter, SplitterConfig
from engines.backends import AudioChunk, Limits, LLMBackend, LLMRequest, TTSBackend
from engines.voice.sinks import NullSink
from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig
from integrations.openai.llm import OpenAILLM
from integrations.piper.tts import PiperTTS
from integrations.registry import build_safety
from streamer.brain import Brain, Prefill
from streamer.bus import MemoryBus
from streamer.memory_recall import Recall
from streamer.performer import Performer
from tests.support.fake_openai import tokenize
from tests.support.fixed_tts import FixedTimingTTS

TTFT_S = 0.2
TOKENS_PER_S = 50.0
TTS_FIRST_AUDIO_S = 0.1
REPLY = "Oh hi there, welcome to the stream! I love this cozy game so much. Tell me what you think of it."
QUESTIONS = [
    "what game is this?", "how are you today?", "what is your favourite snack?", "do you like cats?",
    "what should we name the farm?", "can you sing a song?", "who is the best streamer?", "is it raining there?",
]  # fmt: skip


WORDS = [
    "apple",
    "river",
    "castle",
    "pixel",
    "dragon",
    "comet",
    "violin",
    "garden",
    "rocket",
    "pepper",
    "lantern",
    "meadow",
    "harbor",
    "cactus",
    "glacier",
    "puzzle",
    "falcon",
    "biscuit",
    "thunder",
    "velvet",
    "canyon",
    "mango",
    "orbit",
    "pebble",
    "saddle",
    "tundra",
    "whistle",
    "yarn",
    "zebra",
    "anchor",
    "blossom",
    "crayon",
    "dune",
    "ember",
    "fjord",
    "goblin",
    "hammock",
    "igloo",
    "jigsaw",
    "kettle",
    "lagoon",
    "marble",
]


def question(i: int) -> str:
    """A distinct question per turn (the selector drops repeated or near-repeated texts)."""
    return f"Hiyori {QUESTIONS[i % len(QUESTIONS)][:-1]} {WORDS[i % len(WORDS)]}?"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def bench_persona(**update: Any) -> Persona:
    return load_persona("hiyori").model_copy(
        update={
            "min_gap_s": 0.0,
            "reply_frequency": 1.0,
            "user_cooldown_s": 0.0,
            "idle_chatter_after_s": None,
            **update,
        }
    )


class Rig:
    """A brain on an in-process bus whose performer reports when each turn's first audio starts."""

    def __init__(
        self,
        llm: LLMBackend,
        tts: TTSBackend,
        persona: Persona,
        safety: SafetyPipeline,
        memory_tokens: int = 600,
        *,
        pace: float | None = None,
        recall: Recall | None = None,
        prefill: Prefill | None = None,
        first_audio_hold: Callable[[], AbstractContextManager[object]] | None = None,
        splitter: SplitterConfig | None = None,
    ) -> None:
        self.bus = MemoryBus()
        self.performer = Performer(tts, NullSink(pace=pace), first_audio_hold=first_audio_hold)
        self.brain = Brain(
            bus=self.bus, channel="bench", persona=persona, llm=llm, performer=self.performer, safety=safety,
            memory_tokens=memory_tokens, recall=recall, prefill=prefill, splitter=splitter,
        )  # fmt: skip
        self.first_audio: dict[str, float] = {}
        self.first_text: dict[str, str] = {}
        """Each turn's first spoken piece."""
        self.dropped_at_first_audio: dict[str, int] = {}
        """Sentences dropped (echo, leak, output safety) so far, when each turn's first audio began."""
        self.second_audio: dict[str, float] = {}
        """When each turn's second piece began (its audio was ready: no pacing, ``pace=None``)."""
        self.started: asyncio.Queue[float] = asyncio.Queue()
        self.finished: asyncio.Queue[ev.ReplyFinished] = asyncio.Queue()

        async def on_sentence(turn_id: str, u: Utterance) -> None:
            if turn_id not in self.first_audio:
                self.first_audio[turn_id] = time.perf_counter()
                self.first_text[turn_id] = u.text
                self.dropped_at_first_audio[turn_id] = self.dropped()
                self.started.put_nowait(self.first_audio[turn_id])
            elif turn_id not in self.second_audio:
                self.second_audio[turn_id] = time.perf_counter()
            await self.brain.on_sentence(turn_id, u)

        self.performer.on_sentence = on_sentence

    def dropped(self) -> int:
        return self.brain.stats.echoes + self.brain.stats.blocked_sentences

    async def __aenter__(self) -> Rig:
        self.task = asyncio.create_task(self.brain.run())
        self.watch = asyncio.create_task(self._watch())
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.brain.stop()
        self.watch.cancel()
        await asyncio.gather(self.task, self.watch, return_exceptions=True)

    async def _watch(self) -> None:
        while True:
            for d in await self.bus.read("bench", "w", ["output"], count=100, block_ms=100):
                if isinstance(d.event, ev.ReplyFinished):
                    self.finished.put_nowait(d.event)

    async def turn(self, i: int) -> tuple[float, ev.ReplyFinished]:
        """Publish one question; return (perf_counter at publish, the finished event)."""
        event = chat(i)
        published = time.perf_counter()
        await self.bus.publish(event)
        done = await asyncio.wait_for(self.finished.get(), 120)  # past the model's 60 s limit
        return published, done


def first_chunk_token_index(brain: Brain, reply: str) -> int:
    """Which token (0-based) makes the splitter release the first chunk."""
    splitter = SentenceSplitter(brain.splitter)
    for k, token in enumerate(tokenize(reply)):
        if splitter.feed(token):
            return k
    return len(tokenize(reply)) - 1


def first_chunk_close_index(brain: Brain, reply: str) -> int:
    """Which token (0-based) holds the first chunk's last character (its closing mark)."""
    tokens = tokenize(reply)
    splitter = SentenceSplitter(brain.splitter)
    first = next((got[0] for t in tokens if (got := splitter.feed(t))), None) or reply
    text = ""
    for k, token in enumerate(tokens):
        text += token
        if " ".join(text.split()).startswith(first):
            return k
    return len(tokens) - 1


STAGES = ("select_context", "first_token", "first_clause", "safety", "to_tts", "tts_first_audio", "to_sink")


class StageProbe:
    """Timestamps of one turn's path to first audio, taken on the calls the brain makes: the
    model's stream (its start, first token, and the token on which the bot's own splitter
    releases the first clause), output safety on the first sentence, and the TTS's first call
    and first audio. :meth:`stages` turns them into durations; missing marks give no stage."""

    def __init__(self, brain: Brain, llm: LLMBackend, tts: TTSBackend) -> None:
        self.marks: dict[str, float] = {}
        self.samples: list[dict[str, float]] = []
        self._wrap_llm(brain, llm)
        self._wrap_safety(brain)
        self._wrap_tts(tts)

    def mark(self, name: str) -> None:
        self.marks.setdefault(name, time.perf_counter())

    def begin(self) -> None:
        self.marks = {"published": time.perf_counter()}

    def end(self, first_audio: float) -> None:
        """The turn's first audio started at ``first_audio``: keep its stages."""
        m = {**self.marks, "first_audio": first_audio}
        spans = {
            "select_context": ("published", "llm_call"), "first_token": ("llm_call", "first_token"),
            "first_clause": ("first_token", "first_clause"), "safety": ("safety_start", "safety_end"),
            "tts_first_audio": ("tts_call", "tts_audio"), "to_sink": ("tts_audio", "first_audio"),
        }  # fmt: skip
        out = {k: (m[b] - m[a]) * 1000 for k, (a, b) in spans.items() if a in m and b in m}
        if {"first_clause", "tts_call"} <= m.keys():
            out["to_tts"] = (m["tts_call"] - m["first_clause"]) * 1000 - out.get("safety", 0.0)
        self.samples.append(out)

    def stages(self) -> dict[str, float]:
        return {
            f"{k}_ms": statistics.median(v) for k in STAGES if (v := [s[k] for s in self.samples if k in s])
        }

    def _wrap_llm(self, brain: Brain, llm: LLMBackend) -> None:
        inner = llm.stream_chat
        probe = self

        async def stream_chat(request: LLMRequest) -> AsyncGenerator[str, None]:
            probe.mark("llm_call")
            splitter = SentenceSplitter(brain.splitter)
            stream = inner(request)
            try:
                async for delta in stream:
                    if delta:
                        probe.mark("first_token")
                        if "first_clause" not in probe.marks and splitter.feed(delta):
                            probe.mark("first_clause")
                    yield delta
            finally:  # the brain stops reading at its sentence cap: stop the model's stream now
                await stream.aclose()

        llm.stream_chat = stream_chat  # type: ignore[method-assign]

    def _wrap_safety(self, brain: Brain) -> None:
        inner = brain.safety.check_output
        probe = self

        def check_output(text: str) -> Any:
            first = "safety_start" not in probe.marks
            probe.mark("safety_start")
            try:
                return inner(text)
            finally:
                if first:
                    probe.mark("safety_end")

        brain.safety.check_output = check_output  # type: ignore[method-assign]

    def _wrap_tts(self, tts: TTSBackend) -> None:
        inner = tts.synthesize
        probe = self

        async def synthesize(text: str, *, voice: str | None = None) -> AsyncGenerator[AudioChunk, None]:
            probe.mark("tts_call")
            audio = inner(text, voice=voice)
            try:
                async for chunk in audio:
                    probe.mark("tts_audio")
                    yield chunk
            finally:
                await audio.aclose()

        tts.synthesize = synthesize  # type: ignore[method-assign]


class FixedRecall:
    """Long-term memory's recall as a stand-in, ready at once: each viewer gets notes of their
    own (memories and a knowledge snippet), so the notes are new prompt tokens every turn, as
    they are on a stream."""

    FACTS = (
        "has a cat called Miso", "plays the cello", "is saving up for a trip to Japan",
        "grows tomatoes on a balcony", "speedruns old platformers", "works night shifts at a bakery",
        "is learning Korean", "built a keyboard from a kit", "has two dogs, Pip and Bean",
    )  # fmt: skip
    KNOWLEDGE = (
        "The stream runs Monday, Wednesday and Friday at 7 pm; the farm is called Sunpatch.",
        "The community goal is a thousand followers by Friday; the prize is a cozy horror stream.",
        "Emotes were drawn by a viewer called Lumi; the sub badge is a little pumpkin.",
    )

    def __init__(self) -> None:
        self._events: dict[str, ev.EventBase] = {}

    def notes(self, event: ev.EventBase) -> Recalled:
        k = int(event.actor.id) if event.actor is not None and event.actor.id.isdigit() else 0
        facts = tuple(self.FACTS[(k + j) % len(self.FACTS)] for j in range(3))
        name = event.actor.display_name if event.actor is not None else None
        return Recalled(viewer=name, memories=facts, knowledge=(self.KNOWLEDGE[k % len(self.KNOWLEDGE)],))

    def prefetch(self, event: ev.EventBase, persona: str) -> None:
        self._events[event.id] = event

    async def prefetched(self, event_id: str, *, timeout_s: float) -> Recalled | None:
        event = self._events.get(event_id)
        return None if event is None else self.notes(event)

    async def for_pick(self, events: Any, persona: str) -> Recalled:
        return self.notes(events[0])


async def queued(
    llm: LLMBackend, tts: TTSBackend, server: LlamaServer, safety: SafetyPipeline, turns: int, *, notes: bool
) -> dict[str, Any]:
    """(e): pick -> first audio of messages that waited while the character spoke, alternating
    turns with and without the prefill, and the stages of each (p50)."""
    recall = cast(Recall, FixedRecall()) if notes else None
    persona = bench_persona(temperature=0.0)
    async with Rig(llm, tts, persona, safety, memory_tokens=0, pace=1.0, recall=recall) as rig:
        probe = StageProbe(rig.brain, llm, tts)
        inner = rig.brain.selector.pick
        picked: list[float] = []

        def pick(now: float) -> Any:
            got = inner(now)
            if got is not None and got.events:
                probe.begin()
                picked.append(probe.marks["published"])
            return got

        rig.brain.selector.pick = pick  # type: ignore[method-assign]
        ttfa: dict[bool, list[float]] = {True: [], False: []}
        stages: dict[bool, list[dict[str, float]]] = {True: [], False: []}
        mode: bool | None = None  # the answered question's: prefilled, not, or it did not wait
        await rig.bus.publish(chat(100))
        for k in range(turns + 1):
            audio = asyncio.ensure_future(rig.started.get())
            done = asyncio.ensure_future(rig.finished.get())
            await asyncio.wait({audio, done}, timeout=120, return_when=asyncio.FIRST_COMPLETED)
            spoke = audio.done()
            if spoke:
                probe.end(audio.result())
                if mode is not None:
                    ttfa[mode].append((audio.result() - picked[-1]) * 1000)
                    stages[mode].append(probe.samples[-1])
            else:
                audio.cancel()  # a turn with nothing spoken: the next question will not wait
            # alternate, shifting by one every 8 turns so each of the 8 question stems (whose
            # replies differ in how soon a clause ends) is asked both ways
            mode = ((k + k // len(QUESTIONS)) % 2 == 0) if spoke else None
            rig.brain.prefill = server.prefill if mode else None
            if k < turns:
                await rig.bus.publish(chat(101 + k))
            await asyncio.wait_for(done, 120)
        hits = rig.brain.stats.prefill_hits
    with contextlib.suppress(AttributeError):
        del llm.stream_chat, tts.synthesize
    key = "queued_notes" if notes else "queued"
    return {
        f"{key}_prefill_ttfa_p50_ms": statistics.median(ttfa[True]),
        f"{key}_prefill_ttfa_p95_ms": pct(ttfa[True], 0.95),
        f"{key}_plain_ttfa_p50_ms": statistics.median(ttfa[False]),
        f"{key}_plain_ttfa_p95_ms": pct(ttfa[False], 0.95),
        f"{key}_prefill_stages": _medians(stages[True]),
        f"{key}_plain_stages": _medians(stages[False]),
        f"{key}_prefill_hits": hits,
        f"{key}_turns_each": min(len(ttfa[True]), len(ttfa[False])),
    }


def _medians(samples: list[dict[str, float]]) -> dict[str, float]:
    return {f"{k}_ms": statistics.median(v) for k in STAGES if (v := [s[k] for s in samples if k in s])}


def chat(i: int) -> ev.ChatMessage:
    user = ev.Viewer(id=str(5000 + i), login=f"viewer{i}", display_name=f"Viewer{i}")
    return ev.ChatMessage(channel="bench", user=user, text=question(i))


async def whole_reply(brain: Brain, llm: LLMBackend, request: LLMRequest) -> str:
    """The reply the non-streaming way would speak: the bot's own reply stage (no early first
    clause), every sentence written before any is spoken."""
    stage = ReplyStage(
        brain.safety, brain.emotions, max_sentences=brain.persona.max_sentences,
        splitter=SplitterConfig(early_first_clause=False),
    )  # fmt: skip
    vetted = stage.vet(llm.stream_chat(request), echo_of=request.messages[-1].content)
    return " ".join([v.text async for v in vetted if v.utterance is not None])


async def overhead(turns: int, safety: SafetyPipeline) -> dict[str, float]:
    # the stand-in runs as its own process, as a model server would: in a thread of this
    # process it competed with the brain for the GIL and added its own jitter to the figure
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.support.fake_openai", REPLY, str(TTFT_S), str(TOKENS_PER_S)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    assert server.stdout is not None
    port = int(server.stdout.readline())
    llm = OpenAILLM(
        base_url=f"http://127.0.0.1:{port}/v1",
        model="fixed",
        limits=Limits(first_output_s=5, stall_s=5, total_s=30),
    )
    tts = FixedTimingTTS(first_audio_s=TTS_FIRST_AUDIO_S)
    samples: list[float] = []
    machine = MachineWatch()
    try:
        async with Rig(llm, tts, bench_persona(), safety) as rig:
            k = first_chunk_token_index(rig.brain, REPLY)
            wait_s = (k - first_chunk_close_index(rig.brain, REPLY)) / TOKENS_PER_S
            model_s = TTFT_S + k / TOKENS_PER_S + TTS_FIRST_AUDIO_S
            with machine:
                for i in range(turns + 3):
                    published, done = await rig.turn(i)
                    first = rig.first_audio[done.turn_id]
                    if i >= 3:  # after warm-up turns (first HTTP connection, caches)
                        samples.append((first - published - model_s) * 1000)
    finally:
        await llm.aclose()
        server.terminate()
        server.wait(10)
    with_wait = [v + wait_s * 1000 for v in samples]
    return {
        "overhead_p50_ms": statistics.median(samples),
        "overhead_p99_ms": pct(samples, 0.99),
        "overhead_wait_as_overhead_p50_ms": statistics.median(with_wait),
        "overhead_wait_as_overhead_p99_ms": pct(with_wait, 0.99),
        "first_chunk_tokens": k + 1,
        "splitter_wait_ms": wait_s * 1000,
        **machine.report("overhead"),
    }


async def local_models(
    turns: int,
    safety: SafetyPipeline,
    *,
    nice: int | None = None,
    quant: str | None = None,
    queued_turns: int = 0,
    examples: bool = True,
    threads: int | None = None,
    threads_batch: int | None = None,
    piper_threads: int | None = None,
    pause: bool = True,
    splitter: SplitterConfig | None = None,
) -> dict[str, Any]:
    defaults = Settings()
    local = defaults.llm if isinstance(defaults.llm, LocalLLMSettings) else LocalLLMSettings()
    requantize = None if (quant or local.requantize) == "off" else (quant or local.requantize)
    server = LlamaServer(
        LlamaServerConfig(
            verbose=False,
            nice=local.nice if nice is None else nice,
            requantize=requantize,
            pause_max_s=max(local.first_audio_pause_ms, 1) / 1000,
            n_threads=threads or local.threads,
            n_threads_batch=threads_batch,
        )
    )
    started = time.perf_counter()
    await server.start()
    start_s = time.perf_counter() - started
    persona = bench_persona(temperature=0.0, **({} if examples else {"examples": ()}))
    llm = OpenAILLM(
        base_url=server.base_url, model=server.model, limits=Limits(first_output_s=20, stall_s=10, total_s=60)
    )
    tts = PiperTTS(clause_split=PiperSettings().clause_split, threads=piper_threads)
    try:
        async for _ in tts.synthesize("Warming up the voice."):
            pass
        hold = server.pause if pause and local.first_audio_pause_ms else None
        async with Rig(
            llm, tts, persona, safety, memory_tokens=defaults.llm.memory_tokens, prefill=server.prefill,
            first_audio_hold=hold, splitter=splitter,
        ) as rig:  # fmt: skip
            await server.warm_up(rig.brain.context.prefix())
            stream_ttfa: list[float] = []
            sentences: list[int] = []
            dropped_first: list[int] = []
            dropped_all: list[int] = []
            silent = 0
            probe = StageProbe(rig.brain, llm, tts)
            for i in range(turns + 2):
                probe.begin()
                dropped = rig.dropped()
                published, done = await rig.turn(i)
                if i >= 2:
                    dropped_all.append(rig.dropped() - dropped)
                if i >= 2 and done.turn_id in rig.first_audio:
                    stream_ttfa.append((rig.first_audio[done.turn_id] - published) * 1000)
                    sentences.append(done.sentences)
                    probe.end(rig.first_audio[done.turn_id])
                    dropped_first.append(rig.dropped_at_first_audio[done.turn_id] - dropped)
                    parts = ", ".join(
                        f"{k.removesuffix('_ms')} {v:.0f}" for k, v in probe.samples[-1].items()
                    )
                    print(
                        f"turn {i}: {stream_ttfa[-1]:.0f} ms ({parts}; dropped {dropped_all[-1]},"
                        f" {dropped_first[-1]} before the first audio): {rig.first_text[done.turn_id]!r}",
                        file=sys.stderr,
                    )
                elif i >= 2:
                    silent += 1  # every sentence dropped: the turn said nothing
                    print(f"turn {i}: silent (dropped {dropped_all[-1]})", file=sys.stderr)
            stages = probe.stages()
            with contextlib.suppress(AttributeError):
                del llm.stream_chat, tts.synthesize  # the whole-reply path below, unprobed
            # the same prompts the whole-reply way: full LLM reply, then one WAV for all of it
            full_ttfa: list[float] = []
            for i in range(2, turns + 2):
                text = question(i)
                prompt = rig.brain.context.describe(
                    "chat",
                    [
                        ev.ChatMessage(
                            channel="bench",
                            user=ev.Viewer(id="1", login="v", display_name="Viewer"),
                            text=text,
                        )
                    ],
                )
                request = rig.brain.context.build(prompt, rig.brain.memory)
                t0 = time.perf_counter()
                spoken = await whole_reply(rig.brain, llm, request)
                async for _chunk in tts.synthesize(spoken):
                    pass
                full_ttfa.append((time.perf_counter() - t0) * 1000)
        waited: dict[str, Any] = {}
        if queued_turns:
            for notes in (False, True):
                waited.update(await queued(llm, tts, server, safety, queued_turns, notes=notes))
    finally:
        await llm.aclose()
        await server.stop()
    ratio = statistics.median(stream_ttfa) / statistics.median(full_ttfa)
    stages["residual_ms"] = statistics.median(stream_ttfa) - sum(stages.values())
    return {
        "stages": stages,
        "local_ttfa_p50_ms": statistics.median(stream_ttfa),
        "local_ttfa_p95_ms": pct(stream_ttfa, 0.95),
        "local_full_reply_ttfa_p50_ms": statistics.median(full_ttfa),
        "streaming_ttfa_ratio": ratio,
        "local_sentences_per_reply": statistics.mean(sentences) if sentences else 0.0,
        "local_dropped_sentences_per_turn": statistics.mean(dropped_all) if dropped_all else 0.0,
        "local_turns_dropped_before_first_audio": sum(1 for n in dropped_first if n),
        "local_turns_silent": silent,
        "local_turns": turns,
        "llama_server_start_s": start_s,
        **waited,
    }


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--turns", type=int, default=40, help="turns for the overhead measurement")
    ap.add_argument("--local-turns", type=int, default=12, help="turns on the local models")
    ap.add_argument(
        "--queued-turns",
        type=int,
        default=12,
        help="(e) turns that wait while the character speaks (0: skip)",
    )
    ap.add_argument("--skip-local", action="store_true", help="skip the real-model measurements")
    ap.add_argument("--only-local", action="store_true", help="only the real-model measurements")
    ap.add_argument("--llm-nice", type=int, default=None, help="override settings.llm.nice")
    ap.add_argument(
        "--llm-quant", choices=["off", "q8_0"], default=None, help="override settings.llm.requantize"
    )
    ap.add_argument(
        "--rules-only", action="store_true", help="safety without the semantic layer (as before it existed)"
    )
    ap.add_argument(
        "--no-examples",
        action="store_true",
        help="(c) without the persona's sample exchanges (as before them)",
    )
    ap.add_argument("--llm-threads", type=int, default=None, help="override settings.llm.threads")
    ap.add_argument(
        "--llm-threads-batch",
        type=int,
        default=None,
        help="the server's prompt threads (default: as --llm-threads)",
    )
    ap.add_argument("--piper-threads", type=int, default=None, help="onnxruntime threads for piper")
    ap.add_argument(
        "--no-first-audio-pause",
        action="store_true",
        help="(c) without pausing the model server while piper renders a turn's first audio",
    )
    ap.add_argument(
        "--first-clause-words",
        type=int,
        default=None,
        help="(c) with the reply splitter's first clause at this many words (default: the bot's)",
    )
    ap.add_argument(
        "--conjunction-words",
        type=int,
        default=None,
        help="(c) with the splitter's first-chunk cut before a conjunction after N words (0: off; default: the bot's)",
    )
    args = ap.parse_args()
    safety = build_safety(Settings(), semantic=not args.rules_only)
    safety.warm()
    report: dict[str, Any] = {}
    if not args.only_local:
        report.update(await overhead(args.turns, safety))
        print(json.dumps(rounded(report, 2)), flush=True)
    if args.only_local or not args.skip_local:
        report.update(
            await local_models(
                args.local_turns,
                safety,
                nice=args.llm_nice,
                quant=args.llm_quant,
                queued_turns=args.queued_turns,
                examples=not args.no_examples,
                threads=args.llm_threads,
                threads_batch=args.llm_threads_batch,
                piper_threads=args.piper_threads,
                pause=not args.no_first_audio_pause,
                splitter=splitter_for(args.first_clause_words, args.conjunction_words),
            )
        )
    if args.only_local:
        print(json.dumps(rounded(report, 3)))
        return
    run_flood(make_flood(2_000, 8), 1_000.0, 2.0)  # warm-up
    flood = run_flood(make_flood(20_000, 7), 1_000.0, 2.0)
    report["selector_us_per_msg"] = float(str(flood["selector_us_per_msg"]))
    print(json.dumps(rounded(report, 3)))


def splitter_for(first_clause_words: int | None, conjunction_words: int | None) -> SplitterConfig | None:
    """The bot's reply splitter with the options' changes (None: as the bot has it)."""
    if first_clause_words is None and conjunction_words is None:
        return None
    config = REPLY_SPLITTER
    if first_clause_words is not None:
        config = dataclasses.replace(config, first_clause_min_words=first_clause_words)
    if conjunction_words is not None:
        config = dataclasses.replace(config, first_chunk_conjunction_words=conjunction_words or None)
    return config


def rounded(report: dict[str, Any], digits: int) -> dict[str, Any]:
    return {
        k: rounded(v, digits) if isinstance(v, dict) else round(float(v), digits) for k, v in report.items()
    }


if __name__ == "__main__":
    asyncio.run(main())
