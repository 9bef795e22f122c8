"""A reply's first piece written without the notes, the rest going on from it with them
(engines/ai/head_start.py), over the OpenAI-compatible stand-in: a chat request, then a text
completion of the rendered prompt ending in the words written."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import pytest

from engines.ai.head_start import Head, head_start
from engines.ai.reply_stage import REPLY_SPLITTER
from engines.ai.sentences import SentenceSplitter
from engines.backends import BackendError, Limits, LLMRequest, Message
from integrations.openai.chat_template import render
from integrations.openai.llm import OpenAILLM
from tests.support.fake_openai import FakeBehavior, FakeOpenAI

NOTES = "You remember Sam: has a cat named Mochi."
WITHOUT = LLMRequest(messages=(Message("system", "You are Aiko."), Message("user", 'Sam says: "hi Aiko!"')))
WITH = LLMRequest(
    messages=(Message("system", "You are Aiko."), Message("user", f'Sam says: "hi Aiko!"\n{NOTES}'))
)
LIMITS = Limits(first_output_s=2.0, stall_s=1.0, total_s=10.0)


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    server = FakeOpenAI(FakeBehavior(ttft_s=0.01, tokens_per_s=500))
    await server.start()
    yield server
    await server.stop()


def local(fake: FakeOpenAI) -> OpenAILLM:
    return OpenAILLM(base_url=fake.base_url, model="fake", limits=LIMITS, continue_template="chatml")


async def spoken(deltas: AsyncIterator[str]) -> list[str]:
    splitter = SentenceSplitter(REPLY_SPLITTER)
    pieces = [p async for d in deltas for p in splitter.feed(d)]
    return pieces + splitter.flush()


async def test_the_first_piece_comes_without_the_notes_and_the_rest_goes_on_from_it(fake: FakeOpenAI) -> None:
    fake.behavior.reply = ["Oh, Sam! Did you forget the scarecrow?", " Sam! How is Mochi doing today?"]
    llm, head = local(fake), Head()
    try:
        pieces = await spoken(head_start(llm, WITHOUT, WITH, words=4, splitter=REPLY_SPLITTER, head=head))
    finally:
        await llm.aclose()
    # the first piece ("Oh,") went out on its own closing token, written without the notes; the
    # request closed there, and the rest came from the prompt with the notes, going on from it
    assert head.text == "Oh," and not head.whole and head.first_output_ms is not None
    assert pieces == ["Oh,", "Sam!", "How is Mochi doing today?"]
    [chat] = fake.chat_requests()
    assert all(NOTES not in m["content"] for m in chat.body["messages"])
    [going_on] = fake.completion_requests()
    assert going_on.body["prompt"] == render("chatml", WITH.messages, "Oh,")
    assert going_on.body["prompt"].endswith("<|im_start|>assistant\nOh,")
    assert going_on.body["stop"][0] == "<|im_end|>" and going_on.body["stream"] is True


async def test_a_head_without_a_piece_is_cut_after_its_words_and_not_spoken_alone(fake: FakeOpenAI) -> None:
    fake.behavior.reply = [
        "I think the pumpkins need water every day",
        " because Mochi knocked the can over.",
    ]
    llm, head = local(fake), Head()
    try:
        pieces = await spoken(head_start(llm, WITHOUT, WITH, words=3, splitter=REPLY_SPLITTER, head=head))
    finally:
        await llm.aclose()
    assert head.text == "I think the pumpkins"  # one word past the limit: the third was whole
    assert pieces == ["I think the pumpkins because Mochi knocked the can over."]
    assert fake.completion_requests()[0].body["prompt"].endswith("assistant\nI think the pumpkins")


async def test_an_emotion_tag_is_not_one_of_the_heads_words(fake: FakeOpenAI) -> None:
    fake.behavior.reply = ["[happy] I think the pumpkins need water", " because Mochi knocked the can over."]
    llm, head = local(fake), Head()
    try:
        pieces = await spoken(head_start(llm, WITHOUT, WITH, words=3, splitter=REPLY_SPLITTER, head=head))
    finally:
        await llm.aclose()
    assert head.text == "[happy] I think the pumpkins"
    assert pieces == ["[happy] I think the pumpkins because Mochi knocked the can over."]


async def test_a_reply_that_ends_within_its_head_sends_nothing_more(fake: FakeOpenAI) -> None:
    fake.behavior.reply = "Hey Sam"  # ended by the model before any piece was complete
    llm, head = local(fake), Head()
    try:
        pieces = await spoken(head_start(llm, WITHOUT, WITH, words=4, splitter=REPLY_SPLITTER, head=head))
    finally:
        await llm.aclose()
    assert pieces == ["Hey Sam"] and head.whole
    assert len(fake.chat_requests()) == 1 and fake.completion_requests() == []


async def test_a_piece_on_the_last_token_still_asks_for_the_rest(fake: FakeOpenAI) -> None:
    # the head cannot tell that "!" was the reply's last token: the model, now with the notes,
    # may go on or end at once (here: at once)
    fake.behavior.reply = ["Hi Sam!", ""]
    llm, head = local(fake), Head()
    try:
        pieces = await spoken(head_start(llm, WITHOUT, WITH, words=4, splitter=REPLY_SPLITTER, head=head))
    finally:
        await llm.aclose()
    assert pieces == ["Hi Sam!"] and not head.whole and len(fake.completion_requests()) == 1


async def test_a_failing_continuation_is_the_backends_error_after_the_head(fake: FakeOpenAI) -> None:
    fake.behavior.reply = "Oh, Sam! Hello there."
    llm = local(fake)
    got: list[str] = []

    async def read_all() -> None:
        async for delta in head_start(llm, WITHOUT, WITH, words=4, splitter=REPLY_SPLITTER):
            got.append(delta)
            fake.behavior.fail_status = 503  # the continuation is refused

    try:
        with pytest.raises(BackendError, match="503"):
            await read_all()
    finally:
        await llm.aclose()
    assert "".join(got) == "Oh,"  # what was written stays written (and spoken)


async def test_a_backend_that_cannot_continue_is_refused(fake: FakeOpenAI) -> None:
    llm = OpenAILLM(base_url=fake.base_url, model="fake", limits=LIMITS)
    try:
        assert not llm.continues
        with pytest.raises(ValueError, match="cannot continue"):
            [d async for d in head_start(llm, WITHOUT, WITH, words=4, splitter=REPLY_SPLITTER)]
        with pytest.raises(ValueError, match="cannot continue"):
            llm.stream_chat(dataclasses.replace(WITH, prefix="Oh,"))
    finally:
        await llm.aclose()
    assert fake.requests == []
