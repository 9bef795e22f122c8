"""Layer 1: normalisation folds every evasion we know into plain words."""

from __future__ import annotations

import pytest

from engines.ai.safety.normalize import fold_text, normalize, split_name


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Hello World", ("hello", "world")),
        ("ｆｕｌｌｗｉｄｔｈ", ("fullwidth",)),  # NFKC
        ("𝐛𝐨𝐥𝐝 𝓼𝓬𝓻𝓲𝓹𝓽", ("bold", "script")),  # mathematical alphabets
        ("ⓒⓘⓡⓒⓛⓔ", ("circle",)),
        ("zero\u200bwidth", ("zerowidth",)),  # ZWSP
        ("z\u200cw\u200dn\u2060j\ufeffx", ("zwnjx",)),  # ZWNJ, ZWJ, WJ, BOM
        ("soft\u00adhyphen", ("softhyphen",)),
        ("\u202eevil\u202c", ("evil",)),  # bidi override
        ("\u0441\u0430t", ("cat",)),  # Cyrillic с, а
        ("ΤΑΒΟΟ", ("taboo",)),  # Greek capitals
        ("héllo çà", ("hello", "ca")),  # diacritics
        ("z̷a̷l̷g̷o̷", ("zalgo",)),  # combining overlays
        ("sh1t $tuff @ss b!tch", ("shit", "stuff", "ass", "bitch")),  # leetspeak inside words
        ("n3w l3v3l", ("new", "level")),
        ("I have 4 lives and 100 gold", ("i", "have", "4", "lives", "and", "100", "gold")),
        ("it's don't", ("its", "dont")),
        ("f*ck *hugs*", ("f*ck", "hugs")),  # censoring star kept, role-play stars dropped
        ("wow!!! ok...", ("wow", "ok")),
        ("🇫🇺🇳", ("fun",)),  # regional indicators
    ],
)
def test_tokens(text: str, tokens: tuple[str, ...]) -> None:
    assert normalize(text).tokens == tokens


def test_original_is_kept() -> None:
    text = "Ｈｉ\u200b there"
    norm = normalize(text)
    assert norm.original == text
    assert norm.clean == "hi there"


def test_clean_keeps_digits_and_punctuation() -> None:
    assert normalize("Call 555-867-5309, OK?").clean == "call 555-867-5309, ok?"


@pytest.mark.parametrize(
    ("text", "joined", "glued"),
    [
        ("f u c k off", ("fuck", "off"), ("fuck",)),
        ("n.i.g.g.e.r", ("nigger",), ("nigger",)),
        ("K-Y-S now", ("kys", "now"), ("kys",)),
        ("i g n o r e previous", ("ignore", "previous"), ("ignore",)),
    ],
)
def test_single_letters_are_glued(text: str, joined: tuple[str, ...], glued: tuple[str, ...]) -> None:
    norm = normalize(text)
    assert norm.joined == joined
    assert norm.glued == glued
    assert " ".join(joined) in norm.word_forms


def test_no_glue_without_single_letter_runs() -> None:
    norm = normalize("a normal sentence")
    assert norm.joined is None
    assert norm.word_forms == ("a normal sentence",)


def test_non_latin_text_survives_folding() -> None:
    assert fold_text("こんにちは 世界") == "こんにちは 世界"
    assert normalize("こんにちは").tokens == ()


def test_whitespace_collapsed() -> None:
    assert fold_text("  a \t b\n\nc ") == "a b c"


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("xX_DarkLord_Xx", "x X Dark Lord Xx"),
        ("ScunthorpeFan", "Scunthorpe Fan"),
        ("HTMLParser", "HTML Parser"),
        ("plain", "plain"),
    ],
)
def test_split_name(name: str, split: str) -> None:
    assert split_name(name) == split
