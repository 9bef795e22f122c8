"""GuardModeration against a guard-model stand-in that answers as Llama Guard 3 and ShieldGemma
are documented to (tests/support/fake_guard.py): the verdicts, the turn each stage is sent as,
every failure as a BackendError, and no secret or judged text in an error."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from config.settings import load_settings
from engines.ai.safety import Layer, ModerationBackend, ModerationResult, SafetyPipeline
from engines.backends import BackendError
from integrations.openai.guard import (
    LLAMA_GUARD_CATEGORIES,
    OUTPUT_CONTEXT,
    GuardModeration,
    parse_llama_guard,
    parse_shieldgemma,
)
from integrations.registry import build_safety
from tests.support.fake_guard import FakeGuard

KEY = "sk-guard-0123456789abcdef"


@pytest.fixture
async def fake() -> AsyncIterator[FakeGuard]:
    async with FakeGuard() as server:
        yield server


@pytest.fixture
async def guard(fake: FakeGuard) -> AsyncIterator[GuardModeration]:
    judge = GuardModeration(base_url=fake.base_url, model="llama-guard3", api_key=KEY, timeout_s=5.0)
    yield judge
    await judge.aclose()


@pytest.fixture
async def shieldgemma(fake: FakeGuard) -> AsyncIterator[GuardModeration]:
    fake.guard.style = "shieldgemma"
    judge = GuardModeration(base_url=fake.base_url, model="shieldgemma", style="shieldgemma", timeout_s=5.0)
    yield judge
    await judge.aclose()


async def test_is_a_moderation_backend(guard: GuardModeration) -> None:
    assert isinstance(guard, ModerationBackend)
    assert KEY not in repr(guard)


# ---------------------------------------------------------------- Llama Guard 3


async def test_llama_guard_judges_a_viewer_message_as_the_user_turn(
    fake: FakeGuard, guard: GuardModeration
) -> None:
    result = await guard.check("I will stab you", stage="input")
    assert result == ModerationResult(flagged=True, categories=("violent_crimes",))
    assert fake.judged == [("User", "I will stab you")]
    [req] = fake.guard_requests()
    assert req.path == "/v1/chat/completions"
    assert req.body["model"] == "llama-guard3"
    assert req.body["messages"] == [{"role": "user", "content": "I will stab you"}]
    assert req.body["temperature"] == 0
    assert not req.body.get("stream")
    assert req.headers["authorization"] == f"Bearer {KEY}"


async def test_llama_guard_judges_the_bots_sentence_as_the_assistant_turn(
    fake: FakeGuard, guard: GuardModeration
) -> None:
    result = await guard.check("Those people are vermin.", stage="output")
    assert result.flagged and result.categories == ("hate",)
    assert fake.judged == [("Agent", "Those people are vermin.")]
    [req] = fake.guard_requests()
    assert req.body["messages"] == [
        {"role": "user", "content": OUTPUT_CONTEXT},
        {"role": "assistant", "content": "Those people are vermin."},
    ]


async def test_the_stage_defaults_to_input(fake: FakeGuard, guard: GuardModeration) -> None:
    assert not (await guard.check("what a lovely stream")).flagged
    assert fake.judged == [("User", "what a lovely stream")]


async def test_llama_guard_codes_become_category_names(fake: FakeGuard, guard: GuardModeration) -> None:
    result = await guard.check("stab the vermin and send nudes", stage="output")
    assert result.categories == ("violent_crimes", "hate", "sexual_content")
    assert result.score is None


async def test_safe(guard: GuardModeration) -> None:
    assert await guard.check("gg, that boss fight was close", stage="output") == ModerationResult(False)


def test_every_llama_guard_3_hazard_code_has_a_name() -> None:
    assert list(LLAMA_GUARD_CATEGORIES) == [f"S{n}" for n in range(1, 15)]
    assert LLAMA_GUARD_CATEGORIES["S4"] == "child_sexual_exploitation"
    assert LLAMA_GUARD_CATEGORIES["S11"] == "self_harm"
    assert LLAMA_GUARD_CATEGORIES["S14"] == "code_interpreter_abuse"


@pytest.mark.parametrize(
    ("answer", "flagged", "categories"),
    [
        ("safe", False, ()),
        ("\n\nsafe\n", False, ()),
        ("unsafe\nS1", True, ("violent_crimes",)),
        ("unsafe\nS1,S10", True, ("violent_crimes", "hate")),
        ("unsafe\nS10, S1, S10", True, ("hate", "violent_crimes")),
        ("UNSAFE\ns11", True, ("self_harm",)),
        ("unsafe S4", True, ("child_sexual_exploitation",)),
        ("unsafe", True, ("unsafe",)),
        ("unsafe\nS15", True, ("s15",)),
    ],
)
def test_llama_guard_answers(answer: str, flagged: bool, categories: tuple[str, ...]) -> None:
    assert parse_llama_guard(answer) == ModerationResult(flagged, categories)


@pytest.mark.parametrize(
    "answer", ["", "Safe to say it is fine", "I can't help with that.", "unsafety", "yes"]
)
def test_llama_guard_garbage_is_refused(answer: str) -> None:
    with pytest.raises(ValueError, match=r"answer|verdict"):
        parse_llama_guard(answer)


# ---------------------------------------------------------------- ShieldGemma


async def test_shieldgemma_input_and_output(fake: FakeGuard, shieldgemma: GuardModeration) -> None:
    flagged = await shieldgemma.check("I will stab you", stage="input")
    assert flagged == ModerationResult(flagged=True, categories=("policy_violation",))
    assert not (await shieldgemma.check("Thanks for the follow!", stage="output")).flagged
    assert (await shieldgemma.check("Go stab them.", stage="output")).flagged
    assert fake.judged == [
        ("User", "I will stab you"),
        ("Agent", "Thanks for the follow!"),
        ("Agent", "Go stab them."),
    ]
    first, second, _ = fake.guard_requests()
    assert first.body["messages"] == [{"role": "user", "content": "I will stab you"}]
    assert second.body["messages"][-1] == {"role": "assistant", "content": "Thanks for the follow!"}
    # the policy travels as the chat template's guideline (vLLM); the prompt's subject follows the stage
    assert "The prompt shall not" in first.body["chat_template_kwargs"]["guideline"]
    assert "The chatbot shall not" in second.body["chat_template_kwargs"]["guideline"]


@pytest.mark.parametrize(
    ("answer", "flagged"),
    [("Yes", True), ("No", False), ("yes.", True), ("No, because it is a greeting.", False)],
)
def test_shieldgemma_answers(answer: str, flagged: bool) -> None:
    assert parse_shieldgemma(answer).flagged is flagged


@pytest.mark.parametrize("answer", ["", "safe", "Maybe", "Nope"])
def test_shieldgemma_garbage_is_refused(answer: str) -> None:
    with pytest.raises(ValueError, match="verdict"):
        parse_shieldgemma(answer)


async def test_the_wrong_style_is_a_clear_error(fake: FakeGuard) -> None:
    """A Llama Guard server with style = shieldgemma: its "safe" is not a ShieldGemma answer."""
    judge = GuardModeration(base_url=fake.base_url, model="llama-guard3", style="shieldgemma")
    try:
        with pytest.raises(BackendError, match=r"shieldgemma format.*safety\.judge\.style"):
            await judge.check("hello")
    finally:
        await judge.aclose()


def test_an_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="style"):
        GuardModeration(base_url="http://127.0.0.1:9/v1", model="m", style="wildguard")  # type: ignore[arg-type]


# ---------------------------------------------------------------- failures


@pytest.mark.parametrize("status", [500, 502, 503, 429])
async def test_server_errors_and_rate_limits_are_retryable_backend_errors(
    fake: FakeGuard, guard: GuardModeration, status: int
) -> None:
    fake.guard.fail_status = status
    with pytest.raises(BackendError) as info:
        await guard.check("hello", stage="output")
    assert info.value.retryable and str(status) in str(info.value)
    assert info.value.backend == "judge"


async def test_a_wrong_key_names_the_setting(fake: FakeGuard, guard: GuardModeration) -> None:
    fake.guard.fail_status = 401
    with pytest.raises(BackendError, match=r"check safety\.judge\.api_key") as info:
        await guard.check("hello")
    assert not info.value.retryable


async def test_a_closed_connection(fake: FakeGuard, guard: GuardModeration) -> None:
    fake.guard.drop_after = 0
    with pytest.raises(BackendError, match=r"cannot connect|unexpected response") as info:
        await guard.check("hello", stage="output")
    assert info.value.retryable
    assert fake.judged == []


async def test_a_server_that_is_down(fake: FakeGuard) -> None:
    url = fake.base_url
    await fake.stop()
    judge = GuardModeration(base_url=url, model="llama-guard3", timeout_s=5.0)
    try:
        with pytest.raises(BackendError, match="cannot connect"):
            await judge.check("hello")
    finally:
        await judge.aclose()


async def test_a_late_answer_times_out_and_the_client_hangs_up(fake: FakeGuard) -> None:
    fake.guard.stall_after = 0  # never answers
    judge = GuardModeration(base_url=fake.base_url, model="llama-guard3", timeout_s=0.2)
    try:
        with pytest.raises(BackendError, match="timed out") as info:
            await judge.check("hello", stage="output")
        assert info.value.retryable
        await fake.wait_for(lambda: fake.hangups == 1)
    finally:
        await judge.aclose()


@pytest.mark.parametrize("garbage", ["I'm sorry, I can't help with that.", "maybe", "   "])
async def test_an_unparseable_answer_is_a_backend_error(
    fake: FakeGuard, guard: GuardModeration, garbage: str
) -> None:
    fake.guard.garbage = garbage
    with pytest.raises(BackendError):
        await guard.check("hello", stage="output")


async def test_a_body_that_is_not_json_is_a_backend_error(fake: FakeGuard, guard: GuardModeration) -> None:
    fake.guard.raw_body = b"<html>502 Bad Gateway</html>"
    with pytest.raises(BackendError, match="unexpected response"):
        await guard.check("hello")


async def test_a_refused_conversation_is_a_backend_error(fake: FakeGuard) -> None:
    """The stand-in refuses what Llama Guard 3's template refuses: our client never sends it."""
    judge = GuardModeration(base_url=fake.base_url, model="llama-guard3")
    try:
        judge.messages = lambda text, stage: [{"role": "assistant", "content": text}]  # type: ignore[method-assign]
        with pytest.raises(BackendError, match="400 bad request"):
            await judge.check("hello", stage="output")
    finally:
        await judge.aclose()


# ---------------------------------------------------------------- secrets and texts stay out


async def test_errors_never_carry_the_key_or_the_judged_text(fake: FakeGuard, guard: GuardModeration) -> None:
    text = "my address is 12 Hidden Lane, stab"
    fake.guard.fail_status = 400
    fake.guard.fail_message = f"bad request from key {KEY} about {text!r}"
    with pytest.raises(BackendError) as info:
        await guard.check(text, stage="output")
    assert KEY not in str(info.value) and text not in str(info.value)
    assert "[api key]" in str(info.value)

    fake.guard.fail_status = None
    fake.guard.garbage = f"I will not judge {text!r} with {KEY}"
    with pytest.raises(BackendError) as info:
        await guard.check(text, stage="output")
    assert KEY not in str(info.value) and text not in str(info.value)


# ---------------------------------------------------------------- in the pipeline, from the settings


@pytest.fixture
async def built() -> AsyncIterator[list[SafetyPipeline]]:
    """Pipelines built from the settings; their judge's HTTP client is closed afterwards."""
    pipelines: list[SafetyPipeline] = []
    yield pipelines
    for pipeline in pipelines:
        judge = pipeline._moderation
        assert isinstance(judge, GuardModeration)
        await judge.aclose()


def _judge_settings(built: list[SafetyPipeline], fake: FakeGuard, **judge: object) -> SafetyPipeline:
    settings = load_settings(
        safety={"moderation": "guard", "judge": {"base_url": fake.base_url, "api_key": KEY, **judge}}
    )
    built.append(build_safety(settings))
    return built[-1]


async def test_the_configured_judge_blocks_what_the_local_layers_pass(
    built: list[SafetyPipeline], fake: FakeGuard
) -> None:
    fake.guard.unsafe_words = {"pineapple": ("S10",)}  # only the judge objects to it
    pipeline = _judge_settings(built, fake, timeout_s=5.0)
    blocked = await pipeline.acheck_output("Pineapple belongs on pizza.")
    assert blocked.blocked and blocked.layer is Layer.MODERATION
    assert blocked.category == "hate" and "hate" in blocked.reason
    assert (await pipeline.acheck_output("Thanks for the follow!")).allowed
    assert fake.judged == [("Agent", "Pineapple belongs on pizza."), ("Agent", "Thanks for the follow!")]


async def test_a_late_judge_drops_the_sentence_and_lets_chat_through(
    built: list[SafetyPipeline], fake: FakeGuard, caplog: pytest.LogCaptureFixture
) -> None:
    fake.guard.stall_after = 0
    pipeline = _judge_settings(built, fake, timeout_s=0.2)
    with caplog.at_level(logging.WARNING, logger="engines.ai.safety.pipeline"):
        dropped = await pipeline.acheck_output("Thanks for the follow!")
        passed = await pipeline.acheck_input("what a lovely stream")
    assert dropped.blocked and dropped.layer is Layer.MODERATION
    assert dropped.reason == "moderation timed out (fail-closed)"
    assert passed.allowed
    assert "dropped the sentence: moderation timed out (fail-closed)" in caplog.text
    assert "Thanks for the follow" not in caplog.text and KEY not in caplog.text


async def test_a_judge_that_is_down_drops_the_sentence(
    built: list[SafetyPipeline], fake: FakeGuard, caplog: pytest.LogCaptureFixture
) -> None:
    fake.guard.fail_status = 503
    pipeline = _judge_settings(built, fake, timeout_s=5.0)
    with caplog.at_level(logging.WARNING, logger="engines.ai.safety.pipeline"):
        dropped = await pipeline.acheck_output("Thanks for the follow!")
    assert dropped.blocked and dropped.reason == "moderation unavailable (fail-closed)"
    assert "503 server error" in caplog.text and "dropped the sentence" in caplog.text


async def test_input_can_fail_closed_too(built: list[SafetyPipeline], fake: FakeGuard) -> None:
    fake.guard.fail_status = 503
    pipeline = _judge_settings(built, fake, timeout_s=5.0, fail_closed_input=True)
    assert (await pipeline.acheck_input("what a lovely stream")).blocked
