"""The persona editor as a live deploy, in headless Chromium at 1600 and 900 px, with the real
bot: it opens on the running version and marks it, invalid fields are highlighted and the first
is focused, a persona the bot cannot run is refused with the reason on the page, and a rollback
asks first.

Screenshots go to tests/output/ (gitignored)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Dialog, Page, expect

from engines.ai.persona_fit import prompt_fit
from tests.dashboard_api.conftest import STREAMER
from tests.support.browser_stack import BOT_CONTEXT, WAIT_MS, Stack, log_in
from tests.support.dashboard_env import OUTPUT

WIDTHS = (1600, 900)
RULE = "Describe the castle in loving detail, every tower, every stair and every window, always. "


def open_editor(stack: Stack, browser: Browser, width: int) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.set_default_timeout(WAIT_MS)
    log_in(page, stack.served.url, STREAMER, "persona")
    expect(page.locator("#sb-bot")).to_have_text("Bot running")
    expect(page.locator("#version-label")).to_contain_text("editing version")  # loaded
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_invalid_fields_are_highlighted_and_the_first_is_focused(
    stack: Stack, browser: Browser, width: int
) -> None:
    page = open_editor(stack, browser, width)
    # it opens on the version the bot runs, marked in the history
    expect(page.locator("#version-label")).to_have_text("editing version 1, the one running on the bot")
    expect(page.locator("#versions tr[data-version='1'] .badge")).to_be_visible()
    page.fill("#f-style_rules", "Keep it short.\n" + RULE * 4)  # one rule over 300 characters
    page.fill("#f-reply_frequency", "3")
    page.click("#save")
    rules = page.locator("#f-style_rules")
    expect(rules).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-reply_frequency")).to_have_attribute("aria-invalid", "true")
    expect(rules).to_be_focused()  # the first invalid field, though reply frequency's error came first
    expect(page.locator('[data-error="style_rules"]')).to_contain_text("at most 300 characters")
    expect(page.locator('[data-error="reply_frequency"]')).to_contain_text("less than or equal to 1")
    expect(page.locator("#form-status")).to_have_text("Some fields are not valid; see the messages above.")
    expect(page.locator("#form-status")).to_be_in_viewport()
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"persona_invalid_{width}.png"))
    # every rule short enough, but together too long for the model's context
    page.fill("#f-reply_frequency", "0.5")
    page.fill("#f-style_rules", "\n".join([RULE * 3] * 40))
    page.click("#save")
    expect(page.locator('[data-error="style_rules"]')).to_contain_text(
        "too long for the model: the prompt needs about"
    )
    expect(rules).to_be_focused()
    expect(page.locator("#f-reply_frequency")).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#versions tr[data-version]")).to_have_count(1)  # nothing saved
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_persona_the_bot_cannot_run_is_refused_with_the_reason_on_the_page(
    stack: Stack, browser: Browser, width: int
) -> None:
    page = open_editor(stack, browser, width)
    rules = [RULE * 2] * 12
    # fits the dashboard's configured model, not the smaller one this bot runs
    persona = stack.bot.brain.persona.model_copy(update={"style_rules": tuple(r.strip() for r in rules)})
    assert prompt_fit(persona, context_tokens=2_048, memory_tokens=120).fits
    assert not prompt_fit(persona, context_tokens=BOT_CONTEXT, history_tokens=600).fits
    page.fill("#f-style_rules", "\n".join(rules))
    page.fill("#note", "castle lore")
    page.click("#save-apply")
    status = page.locator("#form-status")
    expect(status).to_contain_text(
        "The bot refused version 2: cannot run hiyori version 2: the prompt needs about"
    )
    expect(status).to_contain_text(f"context holds {BOT_CONTEXT:,}")
    expect(status).to_have_class("error")
    expect(status).to_be_in_viewport()  # at the top, beside what runs
    # then, from the bot's next heartbeat: what it still runs, beside what it refused
    expect(page.locator("#running")).to_contain_text(
        "Running on the bot: version 1. It refused version 2: cannot run"
    )
    assert stack.bot.brain.persona_version == 1
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"persona_refused_{width}.png"))
    page.close()


def test_roll_back_asks_first(stack: Stack, browser: Browser) -> None:
    page = open_editor(stack, browser, 1600)
    page.fill("#f-system_prompt", "You are Hiyori, and today you talk like a friendly pirate captain.")
    page.click("#save-apply")
    expect(page.locator("#form-status")).to_have_text("The bot confirmed: now running version 2.")
    expect(page.locator("#versions tr[data-version='2'] .badge")).to_be_visible()
    asked: list[str] = []

    def answer(accept: bool) -> None:
        def on(d: Dialog) -> None:
            asked.append(d.message)
            d.accept() if accept else d.dismiss()

        page.once("dialog", on)

    answer(False)
    page.locator("#versions tr[data-version='1'] button.rollback").click()
    page.wait_for_timeout(500)
    assert asked and "Roll the live bot back to version 1" in asked[0]
    assert stack.bot.brain.persona_version == 2  # nothing happened
    expect(page.locator("#versions tr[data-version]")).to_have_count(2)
    answer(True)
    page.locator("#versions tr[data-version='1'] button.rollback").click()
    expect(page.locator("#form-status")).to_have_text("The bot confirmed: now running version 3.")
    expect(page.locator("#versions tr[data-version='3'] .badge")).to_be_visible()
    expect(page.locator("#versions tr[data-version='2'] .badge")).to_be_hidden()
    assert stack.bot.brain.persona_version == 3
    expect(page.locator("#running")).to_have_text(re.compile(r"^Running on the bot: version 3"))
    page.close()


def test_sample_exchanges_are_edited_one_per_line_and_reach_the_bot(stack: Stack, browser: Browser) -> None:
    page = open_editor(stack, browser, 1600)
    examples = page.locator("#f-examples")
    running = stack.bot.brain.persona.examples
    assert running  # the bundled persona has some
    first = running[0]
    expect(examples).to_have_value(
        re.compile("^" + re.escape(f"{first.viewer} | {first.says} | {first.reply}"))
    )
    examples.fill("Sam | hi there | [furious] Hi.")  # not one of the persona's emotions
    page.click("#save")
    expect(examples).to_have_attribute("aria-invalid", "true")
    expect(page.locator('[data-error="examples"]')).to_contain_text("emotion tags not in the set: furious")
    examples.fill(
        "Sam | hi there | [happy] Hi, welcome in!\nBo | what game is this? | A cozy one, come and see!"
    )
    page.click("#save-apply")
    expect(page.locator("#form-status")).to_have_text(
        re.compile(r"^The bot confirmed: now running version \d+\.$")
    )
    persona = stack.bot.brain.persona
    assert [(e.viewer, e.says, e.reply) for e in persona.examples] == [
        ("Sam", "hi there", "[happy] Hi, welcome in!"),
        ("Bo", "what game is this?", "A cozy one, come and see!"),
    ]
    sent = [m.content for m in stack.bot.brain.context.examples]  # what every turn now sends
    assert sent == ['Sam says: "hi there"', "[happy] Hi, welcome in!",
                    'Bo says: "what game is this?"', "A cozy one, come and see!"]  # fmt: skip
    page.close()
