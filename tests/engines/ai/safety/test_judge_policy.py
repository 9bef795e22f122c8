"""What a late or failed judge means, per stage: the bot's sentence is dropped (fail closed) and
the drop is logged with its reason; a viewer's message keeps the local decision (fail open)
unless configured otherwise. The judge is told which stage it judges."""

from __future__ import annotations

import asyncio
import logging

import pytest

from engines.ai.safety import Layer, ModerationBackend, ModerationResult, SafetyPipeline, Stage
from engines.backends import BackendError

LOGGER = "engines.ai.safety.pipeline"


class Judge:
    """A judge that answers, never answers (``late``), or fails (``down``)."""

    def __init__(self, *, late: bool = False, down: bool = False, flagged: bool = False) -> None:
        self.late, self.down, self.flagged = late, down, flagged
        self.calls: list[tuple[str, Stage]] = []
        self.cancelled = 0
        self._never = asyncio.Event()

    async def check(self, text: str, *, stage: Stage = "input") -> ModerationResult:
        self.calls.append((text, stage))
        if self.late:
            try:
                await self._never.wait()
            except asyncio.CancelledError:
                self.cancelled += 1
                raise
        if self.down:
            raise BackendError("judge", "503 server error (model 'llama-guard3')", retryable=True)
        return ModerationResult(self.flagged, ("hate",) if self.flagged else ())


def pipeline(judge: Judge, **kwargs: object) -> SafetyPipeline:
    return SafetyPipeline(classifier=None, moderation=judge, moderation_timeout_s=0.05, **kwargs)  # type: ignore[arg-type]


def test_the_fake_is_a_judge() -> None:
    assert isinstance(Judge(), ModerationBackend)


async def test_the_judge_is_told_the_stage() -> None:
    judge = Judge()
    p = pipeline(judge)
    await p.acheck_input("what game is this?")
    await p.acheck_output("It is a farming game!")
    assert judge.calls == [("what game is this?", "input"), ("It is a farming game!", "output")]


async def test_by_default_output_fails_closed_and_input_fails_open() -> None:
    assert pipeline(Judge()).moderation_fail_closed == frozenset({"output"})


async def test_a_late_judge_drops_the_sentence_with_its_reason(caplog: pytest.LogCaptureFixture) -> None:
    judge = Judge(late=True)
    p = pipeline(judge)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        d = await p.acheck_output("Thanks for the raid, everyone!")
    assert d.blocked and d.stage == "output" and d.layer is Layer.MODERATION
    assert d.reason == "moderation timed out (fail-closed)" and d.category == "unavailable"
    assert judge.cancelled == 1  # the pipeline stopped waiting
    [record] = [r for r in caplog.records if r.name == LOGGER]
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    assert "on output" in message and "TimeoutError" in message
    assert "dropped the sentence: moderation timed out (fail-closed)" in message
    assert "Thanks for the raid" not in caplog.text  # the sentence stays out of the logs


async def test_a_judge_that_is_down_drops_the_sentence(caplog: pytest.LogCaptureFixture) -> None:
    p = pipeline(Judge(down=True))
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        d = await p.acheck_output("Thanks for the raid, everyone!")
    assert d.blocked and d.reason == "moderation unavailable (fail-closed)"
    assert "BackendError: judge: 503 server error" in caplog.text
    assert "dropped the sentence: moderation unavailable (fail-closed)" in caplog.text


@pytest.mark.parametrize("judge", [Judge(late=True), Judge(down=True)], ids=["late", "down"])
async def test_viewer_input_keeps_the_local_decision(judge: Judge, caplog: pytest.LogCaptureFixture) -> None:
    p = pipeline(judge)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        allowed = await p.acheck_input("what a lovely stream")
        blocked = await p.acheck_input("n1gg3r")
    assert allowed.allowed and allowed.layer is Layer.NONE
    assert blocked.blocked and blocked.layer is Layer.BLOCKLIST  # the local layers still decide
    assert "on input" in caplog.text and "using the local decision" in caplog.text
    assert "lovely stream" not in caplog.text


async def test_input_can_fail_closed_too(caplog: pytest.LogCaptureFixture) -> None:
    p = pipeline(Judge(down=True), moderation_fail_closed=("input", "output"))
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        d = await p.acheck_input("what a lovely stream")
    assert d.blocked and d.stage == "input" and d.reason == "moderation unavailable (fail-closed)"
    assert "blocked the message: moderation unavailable (fail-closed)" in caplog.text


async def test_the_old_boolean_still_works() -> None:
    closed = pipeline(Judge(down=True), moderation_fail_closed=True)
    assert closed.moderation_fail_closed == frozenset({"input", "output"})
    assert (await closed.acheck_input("hello")).blocked
    opened = pipeline(Judge(down=True), moderation_fail_closed=False)
    assert opened.moderation_fail_closed == frozenset()
    assert (await opened.acheck_output("Hello chat!")).allowed


async def test_output_can_fail_open_when_configured() -> None:
    p = pipeline(Judge(late=True), moderation_fail_closed=())
    assert (await p.acheck_output("Hello chat!")).allowed


def test_unknown_stages_are_refused() -> None:
    with pytest.raises(ValueError, match="moderation_fail_closed"):
        pipeline(Judge(), moderation_fail_closed=("outputs",))


async def test_a_judge_that_answers_decides_on_both_stages() -> None:
    p = pipeline(Judge(flagged=True))
    out = await p.acheck_output("a sentence only the judge objects to")
    assert out.blocked and out.layer is Layer.MODERATION and out.category == "hate"
    assert (await p.acheck_input("a line only the judge objects to")).blocked
    assert (await pipeline(Judge()).acheck_output("Hello chat!")).allowed


async def test_without_a_judge_nothing_fails_closed() -> None:
    p = SafetyPipeline(classifier=None)
    assert not p.has_moderation
    assert (await p.acheck_output("Hello chat!")).allowed
