"""Layer 2: blocklists match obfuscated words but never words that merely contain them."""

from __future__ import annotations

import pytest

from engines.ai.safety.blocklist import Blocklist
from engines.ai.safety.normalize import normalize

GLOBAL = Blocklist.default()


def hit(text: str, *, output: bool = False, blocklist: Blocklist = GLOBAL) -> str | None:
    match = blocklist.match(normalize(text), output=output)
    return None if match is None else match.category


@pytest.mark.parametrize(
    "text",
    [
        "Scunthorpe United won again",
        "the assassin class is OP",
        "have a cocktail",
        "world class play",
        "my therapist is great",
        "shiitake mushrooms",
        "the cockpit view",
        "reading Dickens",
        "Essex and Sussex",
        "analysis paralysis",
        "I assume so",
        "raccoon city",
        "cumulative damage",
        "grape juice",
        "Arsenal tonight",
        "button mashing",
        "bass boosted",
        "as if",  # 'ass' needs two s
        "but why",  # not 'butt'
        "the pen is mightier",  # two ordinary words never glue into one
        "an alpaca",
        "Penistone station",
        "sniggering",
        "Nigeria and Niger",
        "the new fire retardant",
        "cockatoo",
        "specialist",
        "I'll go die to this boss again",  # anchored entry only at the start
    ],
)
def test_scunthorpe_words_pass(text: str) -> None:
    assert hit(text) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("n1gg3r", "slur"),
        ("ni\u200bgger", "slur"),  # zero-width space inside
        ("fa\u00adggot", "slur"),  # soft hyphen inside
        ("n\u0456gg\u0435r", "slur"),  # Cyrillic і and е
        ("ｎｉｇｇｅｒ", "slur"),  # fullwidth
        ("NIGGAAAAA", "slur"),  # repeated letters
        ("fffaaaggggottt", "slur"),
        ("n.i.g.g.e.r", "slur"),  # dotted
        ("N-I-G-G-E-R", "slur"),
        ("t r a n n y", "slur"),  # spaced
        ("nig ger", "slur"),  # split pieces
        ("ur a r e t a r d lol", "slur"),
        ("nIgger", "slur"),  # I/l skeleton
        ("n1ggers everywhere", "slur"),  # stem
        ("what a f@g", "slur"),
        ("say the n-word", "slur"),
        ("c*nt", "harassment"),  # censored with a star
        ("b*tch", "harassment"),  # censored stem
        ("motherf*cker", "harassment"),
        ("fuuuck youuu", "harassment"),  # phrase with repeats
        ("f u c k you", "harassment"),  # glued then phrase
        ("k1ll y0urself", "self_harm"),
        ("kys", "self_harm"),
        ("k y s", "self_harm"),
        ("go die", "self_harm"),
        ("s3nd nud3s", "sexual"),
        ("\u0455\u0435\u0445y", "sexual"),  # Cyrillic ѕ е х
        ("buy followers at a good price", "spam"),
    ],
)
def test_obfuscated_entries_match(text: str, category: str) -> None:
    assert hit(text) == category


def test_output_only_entries_block_output_only() -> None:
    assert hit("holy shit that was close") is None
    assert hit("holy shit that was close", output=True) == "profanity"
    assert hit("wtf", output=True) == "profanity"


def test_whole_words_and_stems() -> None:
    bl = Blocklist.from_words(["grape", "zorp*", "bad phrase", "^start here"])
    assert hit("grape", blocklist=bl) == "custom"
    assert hit("grapes", blocklist=bl) is None  # exact word only
    assert hit("grapefruit", blocklist=bl) is None
    assert hit("zorpification", blocklist=bl) == "custom"  # stem
    assert hit("a bad phrase here", blocklist=bl) == "custom"
    assert hit("bad, phrase!", blocklist=bl) == "custom"  # punctuation between words
    assert hit("bad other phrase", blocklist=bl) is None
    assert hit("start here please", blocklist=bl) == "custom"
    assert hit("please start here", blocklist=bl) is None  # anchored


def test_extended_adds_without_touching_the_original() -> None:
    bl = Blocklist.from_words(["alpha"])
    bigger = bl.extended(["beta"], source="persona", category="persona")
    assert len(bl) == 1
    assert len(bigger) == 2
    assert hit("beta", blocklist=bl) is None
    match = bigger.match(normalize("b3ta"))
    assert match is not None
    assert (match.category, match.source) == ("persona", "persona")
    assert bl.extended([]) is bl
    assert bl.extended(["  ", "# only a comment"]) is bl


def test_parse_sections_and_comments() -> None:
    bl = Blocklist.from_text(
        """
        # comment
        [spam]
        cheap stuff   # trailing comment
        [mild output]
        darn
        """
    )
    assert [(e.category, e.output_only) for e in bl.entries] == [("spam", False), ("mild", True)]
    assert hit("cheap stuff", blocklist=bl) == "spam"
    assert hit("darn", blocklist=bl) is None
    assert hit("darn", blocklist=bl, output=True) == "mild"


def test_empty_section_header_is_an_error() -> None:
    with pytest.raises(ValueError, match="empty section header"):
        Blocklist.from_text("[]\nword")


def test_default_list_is_shared_and_reasonable() -> None:
    assert Blocklist.default() is GLOBAL
    assert 100 < len(GLOBAL) < 1000
    categories = {e.category for e in GLOBAL.entries}
    assert {"slur", "sexual", "harassment", "threat", "self_harm", "spam", "profanity"} <= categories


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("ScunthorpeFan", True),
        ("AssassinMain", True),
        ("Cocktail_Queen", True),
        ("therapist_mike", True),
        ("Nigeria_Travel", True),
        ("sniggering_cat", True),
        ("xXfaggotXx", False),
        ("N1gg3rK1ll3r", False),
        ("ihateniggers", False),
        ("retardedkid", False),
        ("FuckYouStreamer", False),
    ],
)
def test_match_name_searches_inside_names(name: str, safe: bool) -> None:
    from engines.ai.safety.normalize import split_name

    assert (GLOBAL.match_name(normalize(split_name(name))) is None) is safe
