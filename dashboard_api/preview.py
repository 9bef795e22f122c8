"""Persona preview: run one sample chat message through the model and safety, off air.

The same steps the bot takes for a turn: input safety, the persona's prompt, then the bot's
own :class:`ReplyStage` (the streamed reply split into sentences, emotion tags, scrubbing, the
echo check, output safety per sentence, the sentence cap). Nothing is published and nothing is
spoken; sentences the bot would drop are shown with the reason. The model is injected (an :class:`LLMBackend`), so the
dashboard stays free of vendor SDKs.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from config.persona import Persona
from engines import events as ev
from engines.ai.context import ContextBuilder, Memory
from engines.ai.emotions import EmotionMapper
from engines.ai.reply_stage import ReplyStage, Vetted
from engines.ai.safety import SafetyPipeline
from engines.ai.safety.decision import SafetyDecision
from engines.backends import BackendError, LLMBackend

PREVIEW_VIEWER = ev.Viewer(id="0", login="preview_viewer", display_name="PreviewViewer")


@dataclass(frozen=True, slots=True)
class Verdict:
    blocked: bool
    layer: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class PreviewSentence:
    text: str
    emotion: str
    safety: Verdict


@dataclass(slots=True)
class PreviewResult:
    input: Verdict
    sentences: list[PreviewSentence] = field(default_factory=list)
    prompt: str = ""
    error: str = ""
    first_token_ms: float | None = None
    total_ms: float = 0.0


def _verdict(decision: SafetyDecision) -> Verdict:
    if not decision.blocked:
        return Verdict(False)
    return Verdict(True, str(decision.layer), decision.reason[:200])


async def run_preview(
    llm: LLMBackend,
    safety: SafetyPipeline,
    persona: Persona,
    message: str,
    *,
    viewer: ev.Viewer = PREVIEW_VIEWER,
) -> PreviewResult:
    """What ``persona`` would say to ``message`` now, with every safety verdict."""
    started = time.perf_counter()
    safety = safety.with_blocklist(persona.blocklist, source=f"persona:{persona.id}")
    verdict = _verdict(
        await safety.acheck_input(message) if safety.has_moderation else safety.check_input(message)
    )
    result = PreviewResult(input=verdict)
    if verdict.blocked:  # the bot would drop it: no model call
        result.total_ms = (time.perf_counter() - started) * 1000
        return result
    context = ContextBuilder(persona, history_tokens=0, name_ok=safety.check_name)
    chat = ev.ChatMessage(channel="preview", user=viewer, text=message)
    prompt = context.describe("chat", [chat])
    result.prompt = prompt
    emotions = EmotionMapper(persona.emotions, default=persona.default_emotion)
    stage = ReplyStage(safety, emotions, max_sentences=persona.max_sentences)
    request = context.build(prompt, Memory())

    async def timed(deltas: AsyncIterator[str]) -> AsyncIterator[str]:
        async for delta in deltas:
            if result.first_token_ms is None:
                result.first_token_ms = (time.perf_counter() - started) * 1000
            yield delta

    try:
        async for vetted in stage.vet(
            timed(llm.stream_chat(request)),
            echo_of=request.messages[-1].content,
            system=request.messages[0].content,
        ):
            result.sentences.append(PreviewSentence(vetted.text, vetted.emotion, _sentence_verdict(vetted)))
    except BackendError as exc:
        result.error = f"the model failed: {exc}"[:500]
    if not result.error and not result.sentences:  # the bot would say nothing: never a silent success
        result.error = "the model answered with no words (is the prompt too long for its context?)"
    result.total_ms = (time.perf_counter() - started) * 1000
    return result


def _sentence_verdict(vetted: Vetted) -> Verdict:
    if vetted.outcome == "echo":
        return Verdict(True, "echo", "repeats the prompt instead of answering it")
    if vetted.outcome == "leak":
        return Verdict(True, "prompt_leak", "reads out the character's instructions")
    assert vetted.decision is not None
    return _verdict(vetted.decision)
