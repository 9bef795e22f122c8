"""The persona preview runs the bot's own reply stage: what it shows is what the bot would say,
with the sentences the bot would drop shown with why."""

from __future__ import annotations

from collections.abc import AsyncIterator

from config.persona import load_persona
from dashboard_api.preview import run_preview
from engines.ai.emotions import EmotionMapper
from engines.ai.reply_stage import ReplyStage
from engines.ai.safety import SafetyPipeline
from engines.backends import LLMBackend, LLMRequest


class Scripted(LLMBackend):
    """Answers every request with the same text, a word at a time; keeps the last prompt."""

    def __init__(self, reply: str) -> None:
        super().__init__()
        self.reply = reply
        self.prompt = ""

    async def _stream_impl(self, request: LLMRequest) -> AsyncIterator[str]:
        if request.messages:
            self.prompt = request.messages[-1].content
        for word in self.reply.split(" "):
            yield word + " "


REPLY = "Oh hi, what a question! The pineapple is my secret. what is your favourite snack today. I love it."


async def test_the_preview_shows_what_the_reply_stage_lets_through_and_why_not() -> None:
    persona = load_persona("hiyori")
    safety = SafetyPipeline(classifier=None, extra_blocklist=["pineapple"])
    llm = Scripted(REPLY)
    result = await run_preview(llm, safety, persona, "what is your favourite snack today")

    stage = ReplyStage(
        safety.with_blocklist(persona.blocklist, source="persona"),
        EmotionMapper(persona.emotions, default=persona.default_emotion),
        max_sentences=persona.max_sentences,
    )
    expected = [v async for v in stage.vet(Scripted(REPLY).stream_chat(LLMRequest(())), echo_of=llm.prompt)]
    assert [(s.text, s.safety.blocked) for s in result.sentences] == [
        (v.text, v.utterance is None) for v in expected
    ]
    layers = {s.text: s.safety.layer for s in result.sentences if s.safety.blocked}
    assert "blocklist" in layers.get("The pineapple is my secret.", "")
    assert layers.get("what is your favourite snack today.") == "echo"
