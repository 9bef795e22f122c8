"""Abuse in Cyrillic, Japanese, Chinese and Korean script (read on the original text), and the
German, Spanish, Portuguese and French lines of the blocklist; friendly chat in those
languages, and the look-alikes the lists leave out, pass."""

from __future__ import annotations

import pytest

from engines.ai.safety import SafetyPipeline
from engines.ai.safety.foreign import find_foreign


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("сдохни уже", "self_harm"),
        ("ты тупая шлюха", "harassment"),
        ("ТЫ ДОЛБОЁБ", "harassment"),
        ("я тебя убью", "threat"),
        ("お前なんか死ね", "self_harm"),
        ("殺すぞ、マジで", "threat"),
        ("그냥 죽어라", "self_harm"),
        ("죽어라 병신아", "harassment"),  # the first term of the list decides
        ("ㅅㅂ 진짜", "harassment"),
        ("你这个傻逼", "harassment"),
    ],
)
def test_abuse_in_other_scripts_is_found(text: str, category: str) -> None:
    hit = find_foreign(text)
    assert hit is not None and hit.category == category


@pytest.mark.parametrize(
    "text",
    [
        "привет, как дела?",
        "сукно и урожай",  # words that start like an entry without one
        "こんにちは、今日の配信楽しみ！",
        "불이 꺼져서 무서웠어요",  # "the light went off": not "get lost"
        "이게 시발점이었어요",  # "starting point"
        "안녕하세요 히요리, 오늘 방송 재밌어요",
        "",
    ],
)
def test_friendly_text_and_look_alikes_pass(text: str) -> None:
    assert find_foreign(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "du bist ein hurensohn",
        "halt die fresse du missgeburt",
        "ich bring dich um",
        "eres un pendejo",
        "tú eres una puta",
        "vai se foder, sua vadia",
        "ta gueule sale pute",
        "сдохни тварь",
        "殺すぞ",
    ],
)
def test_the_pipeline_blocks_them_on_input_and_output(pipeline: SafetyPipeline, text: str) -> None:
    assert pipeline.check_input(text).blocked
    assert pipeline.check_output(text).blocked


@pytest.mark.parametrize(
    "text",
    [
        "puta madre, qué susto me dio ese zombi",
        "à plus tard tout le monde !",
        "ma mère va me tuer si je rentre tard",
        "hallo hiyori, wie geht's dir heute?",
        "oi hiyori, tudo bem? adoro suas lives",
        "привет хиёри, как дела?",
    ],
)
def test_friendly_chat_passes_the_rules(pipeline: SafetyPipeline, text: str) -> None:
    assert not pipeline.check_input(text).blocked
