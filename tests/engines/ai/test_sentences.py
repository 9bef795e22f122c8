"""Streaming sentence splitter: boundary rules, chunking invariance, cap, early first clause."""

from __future__ import annotations

import random
import re
import time
from collections.abc import AsyncIterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engines.ai.sentences import SentenceSplitter, SplitterConfig, split_stream

NO_CLAUSE = SplitterConfig(early_first_clause=False)


def split_whole(text: str, config: SplitterConfig = NO_CLAUSE) -> list[str]:
    splitter = SentenceSplitter(config)
    return splitter.feed(text) + splitter.flush()


def split_chunks(chunks: list[str], config: SplitterConfig = NO_CLAUSE) -> list[str]:
    splitter = SentenceSplitter(config)
    out: list[str] = []
    for chunk in chunks:
        out += splitter.feed(chunk)
    return out + splitter.flush()


def split_chars(text: str, config: SplitterConfig = NO_CLAUSE) -> list[str]:
    return split_chunks(list(text), config)


def check(text: str, expected: list[str], config: SplitterConfig = NO_CLAUSE) -> None:
    assert split_whole(text, config) == expected
    assert split_chars(text, config) == expected


# --- boundary rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello there. How are you?", ["Hello there.", "How are you?"]),
        ("Hi! I'm here.", ["Hi!", "I'm here."]),
        ("one sentence without an end", ["one sentence without an end"]),
        ("  Spaces   inside   collapse.  Next.  ", ["Spaces inside collapse.", "Next."]),
        ("hello. lowercase start still splits.", ["hello.", "lowercase start still splits."]),
    ],
)
def test_basic(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He liked it.", ["Mr. Smith went to Washington.", "He liked it."]),
        ("Mrs. Jones and Dr. Who met. Fun.", ["Mrs. Jones and Dr. Who met.", "Fun."]),
        ("We live on St. Mark's road. Nice.", ["We live on St. Mark's road.", "Nice."]),
        ("Fruit, e.g. apples, is good. Yes.", ["Fruit, e.g. apples, is good.", "Yes."]),
        ("One thing, i.e. this one. Okay.", ["One thing, i.e. this one.", "Okay."]),
        ("Apples, pears, etc. are fruit.", ["Apples, pears, etc. are fruit."]),
        ("Apples, pears, etc. Then we ate.", ["Apples, pears, etc.", "Then we ate."]),
        ("It's Mario vs. Luigi tonight.", ["It's Mario vs. Luigi tonight."]),
        ("He moved to the U.S. last year.", ["He moved to the U.S. last year."]),
        ("I love the U.S. It is big.", ["I love the U.S.", "It is big."]),
        ("Stream starts at 7 a.m. sharp.", ["Stream starts at 7 a.m. sharp."]),
        ("Stream ends at 9 p.m. See you!", ["Stream ends at 9 p.m.", "See you!"]),
        ("Martin Luther King Jr. was great. Yes.", ["Martin Luther King Jr. was great.", "Yes."]),
        ("Track No. 5 is my favourite. Play it.", ["Track No. 5 is my favourite.", "Play it."]),
        ("I said no. Then I left.", ["I said no.", "Then I left."]),
        ("J. K. Rowling wrote it. Read it.", ["J. K. Rowling wrote it.", "Read it."]),
        ("So did I. Then we slept.", ["So did I.", "Then we slept."]),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pi is 3.14 roughly. Yes.", ["Pi is 3.14 roughly.", "Yes."]),
        ("Version v1.2.3 is out. Update now.", ["Version v1.2.3 is out.", "Update now."]),
        ("It costs $4.99. Cheap!", ["It costs $4.99.", "Cheap!"]),
        ("Send 0.5 coins. Thanks.", ["Send 0.5 coins.", "Thanks."]),
        ("We hit 1,000.5 viewers. Wow.", ["We hit 1,000.5 viewers.", "Wow."]),
        ("The score was 3. Then it was 4.", ["The score was 3.", "Then it was 4."]),
    ],
)
def test_decimals_and_versions(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Well... I guess so.", ["Well... I guess so."]),
        ("Well... I'm not sure.", ["Well... I'm not sure."]),
        ("Hmm... maybe later.", ["Hmm... maybe later."]),
        ("I waited... Then it came.", ["I waited...", "Then it came."]),
        ("Wait… What happened?", ["Wait…", "What happened?"]),
        ("So... It begins.", ["So...", "It begins."]),
        ("Well...I guess.", ["Well...I guess."]),
        ("And then.... nothing.", ["And then.... nothing."]),
        ("Hmm... [happy] Okay!", ["Hmm...", "[happy] Okay!"]),
    ],
)
def test_ellipses(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That's amazing! 😂 Let's go.", ["That's amazing! 😂", "Let's go."]),
        ("Great!😂😂 Next one.", ["Great!😂😂", "Next one."]),
        ("Bye! 👋", ["Bye! 👋"]),
        ("Good night! ❤️ See you.", ["Good night! ❤️", "See you."]),
        ("Family time! 👨‍👩‍👧 Yes.", ["Family time! 👨‍👩‍👧", "Yes."]),
        ("Thumbs up! 👍🏽 Cool.", ["Thumbs up! 👍🏽", "Cool."]),
        ("Done. 🎉 🎉\nNext line.", ["Done. 🎉 🎉", "Next line."]),
        ("Nice! :) See you.", ["Nice! :)", "See you."]),
        ("Love you all! <3", ["Love you all! <3"]),
        ("Hehe! xD Okay.", ["Hehe! xD", "Okay."]),
        ("Wow! xylophones are loud.", ["Wow!", "xylophones are loud."]),
        ("Done!   ", ["Done!"]),
        ("😂", ["😂"]),
        ("😂 That was funny.", ["😂 That was funny."]),
    ],
)
def test_emoji_stay_with_their_sentence(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What?! No way!!! Really?", ["What?!", "No way!!!", "Really?"]),
        ("Huh?? Okay.", ["Huh??", "Okay."]),
        ("Seriously?!?! Yes.", ["Seriously?!?!", "Yes."]),
        ("Is it 5?! what", ["Is it 5?!", "what"]),
    ],
)
def test_multiple_punctuation(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Really?" she said. "Yes!"', ['"Really?" she said.', '"Yes!"']),
        ("(like this.) Next.", ["(like this.)", "Next."]),
        ('She said "stop." Then she left.', ['She said "stop."', "Then she left."]),
        ('He yelled "Run!" They ran.', ['He yelled "Run!"', "They ran."]),
        ("It's “fine.” Sure.", ["It's “fine.”", "Sure."]),
        ("That was **great!** Next.", ["That was **great!**", "Next."]),
        ("Yay!~ Thanks.", ["Yay!~", "Thanks."]),
    ],
)
def test_closing_quotes_and_brackets(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Visit https://example.com/docs?q=1&x=2.5 for info. Thanks!",
            ["Visit https://example.com/docs?q=1&x=2.5 for info.", "Thanks!"],
        ),
        ("Mail a.b@example.co.uk today. Bye.", ["Mail a.b@example.co.uk today.", "Bye."]),
        ("Check example.com. It works.", ["Check example.com.", "It works."]),
        ("Go to www.twitch.tv/some.channel now!", ["Go to www.twitch.tv/some.channel now!"]),
    ],
)
def test_urls_and_emails(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("你好。今天天气很好！你呢？", ["你好。", "今天天气很好！", "你呢？"]),
        ("こんにちは！元気？", ["こんにちは！", "元気？"]),
        ("「はい。」そうです。", ["「はい。」", "そうです。"]),
        ("Hello。World", ["Hello。", "World"]),
    ],
)
def test_cjk_full_stops(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Line one\nLine two", ["Line one", "Line two"]),
        ("Line one\n\n\nLine two\n", ["Line one", "Line two"]),
        ("Options:\n1. Apples\n2. Pears", ["Options:", "1. Apples", "2. Pears"]),
        ("1. First thing. 2. Second thing.", ["1. First thing.", "2. Second thing."]),
        ("- one\n- two", ["- one", "- two"]),
        ("Hello.\nWorld.", ["Hello.", "World."]),
        ("Ask Dr.\nWho.", ["Ask Dr.", "Who."]),
        ("Windows\r\nline", ["Windows", "line"]),
    ],
)
def test_newlines_and_lists(text: str, expected: list[str]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[happy] Hello there.", ["[happy] Hello there."]),
        ("[happy]\nHello there!", ["[happy] Hello there!"]),
        ("Hi! [surprised] Wow.", ["Hi!", "[surprised] Wow."]),
        ("[happy. excited] Hi there. Bye.", ["[happy. excited] Hi there.", "Bye."]),
        ("*laughs*\nOkay then.", ["*laughs* Okay then."]),
        ("Good. [happy]", ["Good."]),
        ("[happy]", []),
        ("! Hello.", ["! Hello."]),
    ],
)
def test_tags_are_never_split_or_alone(text: str, expected: list[str]) -> None:
    check(text, expected)


# --- waiting for the next character ---------------------------------------------------------


def test_terminator_at_end_of_buffer_waits() -> None:
    splitter = SentenceSplitter(NO_CLAUSE)
    assert splitter.feed("Pi is 3.") == []
    assert splitter.feed("14 exactly.") == []
    assert splitter.feed(" And") == ["Pi is 3.14 exactly."]
    assert splitter.flush() == ["And"]


def test_sentence_is_released_by_the_next_non_space_character() -> None:
    splitter = SentenceSplitter(NO_CLAUSE)
    assert splitter.feed("Hello.") == []
    assert splitter.feed("   ") == []
    assert splitter.feed("W") == ["Hello."]
    assert splitter.feed("orld! ") == []
    assert splitter.flush() == ["World!"]


def test_emoji_wait_then_release() -> None:
    splitter = SentenceSplitter(NO_CLAUSE)
    assert splitter.feed("Yay! ") == []
    assert splitter.feed("🎉") == []
    assert splitter.feed(" Next") == ["Yay! 🎉"]


def test_emoticon_prefix_waits() -> None:
    splitter = SentenceSplitter(NO_CLAUSE)
    assert splitter.feed("Nice! :") == []
    assert splitter.feed(")") == []
    assert splitter.feed(" Bye") == ["Nice! :)"]


def test_long_look_ahead_in_tiny_deltas() -> None:
    # The look-ahead resumes where it stopped (no re-reading): still the same answer.
    deltas = ["Hello.", *[" "] * 3000, *["😂", " "] * 500, ":", ")", " ", "World"]
    splitter = SentenceSplitter(NO_CLAUSE)
    out = [s for d in deltas for s in splitter.feed(d)] + splitter.flush()
    assert out == ["Hello. " + " ".join(["😂"] * 500) + " :)", "World"]
    assert out == split_whole("".join(deltas))


def test_feed_empty_and_flush_empty() -> None:
    splitter = SentenceSplitter()
    assert splitter.feed("") == []
    assert splitter.flush() == []
    assert splitter.feed("   \n ") == []
    assert splitter.flush() == []


def test_flush_resets_for_the_next_reply() -> None:
    splitter = SentenceSplitter(SplitterConfig())
    assert splitter.feed("One two three four, five six. Seven") == ["One two three four,", "five six."]
    assert splitter.flush() == ["Seven"]
    # The early clause applies again to the next reply.
    assert splitter.feed("Eight nine ten eleven, twelve. ") == ["Eight nine ten eleven,"]
    assert splitter.flush() == ["twelve."]


# --- early first clause -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Oh wow, hello there everyone, welcome to the stream. It's great, really, yes.",
            ["Oh wow, hello there everyone,", "welcome to the stream.", "It's great, really, yes."],
        ),
        ("We have 1,000 followers now, thank you!", ["We have 1,000 followers now,", "thank you!"]),
        ("Here is the plan for tonight: games.", ["Here is the plan for tonight:", "games."]),
        ("It starts at 3:30 today, okay?", ["It starts at 3:30 today,", "okay?"]),
        ("I was going to say - never mind.", ["I was going to say -", "never mind."]),
        ("I was going to say—never mind.", ["I was going to say—", "never mind."]),
        ("A well-known long-time co-op fan, hi.", ["A well-known long-time co-op fan,", "hi."]),
        ("[happy] [excited] Hi chat, welcome back!", ["[happy] [excited] Hi chat, welcome back!"]),
        ("Short, sweet.", ["Short, sweet."]),
        ("One two three four; five.", ["One two three four;", "five."]),
        ("Thanks for the raid everyone, 😂 wow.", ["Thanks for the raid everyone, 😂", "wow."]),
    ],
)
def test_early_first_clause(text: str, expected: list[str]) -> None:
    check(text, expected, SplitterConfig())


def test_early_first_clause_can_be_disabled_and_tuned() -> None:
    text = "Hello there my friends, welcome to the show."
    assert split_whole(text, NO_CLAUSE) == [text]
    assert split_whole(text, SplitterConfig(first_clause_min_words=5)) == [text]
    assert split_whole(text, SplitterConfig(first_clause_min_words=2)) == [
        "Hello there my friends,",
        "welcome to the show.",
    ]


# --- length cap -----------------------------------------------------------------------------


CONJUNCTION = SplitterConfig(first_chunk_conjunction_words=5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The game is called "Saddle" and it\'s a fun one. Want to try?',
         ['The game is called "Saddle",', "and it's a fun one.", "Want to try?"]),
        ("My favourite colour is blue because it reminds me of the sea and the sky.",
         ["My favourite colour is blue,", "because it reminds me of the sea and the sky."]),
        ("Bread and butter and jam are great and so is tea.", ["Bread and butter and jam are great,", "and so is tea."]),
        ("[happy] I really really like that song so much and I sing it.",
         ["[happy] I really really like that song so much,", "and I sing it."]),
        ("I think so and you?", ["I think so and you?"]),  # too few words ahead of it
        ("Yes, I love playing with my friends and we laugh.", ["Yes, I love playing with my friends and we laugh."]),
        ("I love playing with my friends or my brother.", ["I love playing with my friends or my brother."]),
        ("I love playing with my friends android phones.", ["I love playing with my friends android phones."]),
        ("We played it for hours. And then we slept and ate.", ["We played it for hours.", "And then we slept and ate."]),
    ],
)  # fmt: skip
def test_a_long_first_chunk_is_cut_before_a_conjunction(text: str, expected: list[str]) -> None:
    check(text, expected, CONJUNCTION)


def test_the_conjunction_cut_waits_for_the_whole_word() -> None:
    splitter = SentenceSplitter(CONJUNCTION)
    assert splitter.feed("I love playing with my friends and") == []  # "and" or "android"?
    assert splitter.feed(" we") == ["I love playing with my friends,"]
    assert splitter.feed(" laugh.") == []
    assert splitter.flush() == ["and we laugh."]
    with pytest.raises(ValueError, match="first_chunk_conjunction_words"):
        SplitterConfig(first_chunk_conjunction_words=1)


def test_cap_cuts_long_runs_at_spaces() -> None:
    words = [f"word{i}" for i in range(120)]
    text = " ".join(words)
    config = SplitterConfig(max_chars=60, early_first_clause=False)
    out = split_whole(text, config)
    assert len(out) > 5
    assert all(len(s) <= 60 for s in out)
    assert " ".join(out).split() == words  # cuts only between words
    assert split_chars(text, config) == out


def test_cap_prefers_the_last_comma_or_space_before_the_cap() -> None:
    config = SplitterConfig(max_chars=30, early_first_clause=False)
    out = split_whole("aaaa bbbb cccc dddd eeee ff,ffffff gggg hhhh", config)
    assert out[0] == "aaaa bbbb cccc dddd eeee ff,"
    assert all(len(s) <= 30 for s in out)


def test_cap_hard_cut_without_spaces() -> None:
    config = SplitterConfig(max_chars=20, early_first_clause=False)
    text = "无" * 50
    out = split_whole(text, config)
    assert all(len(s) <= 20 for s in out)
    assert "".join(out) == text
    assert split_chars(text, config) == out


def test_cap_does_not_break_an_emoji_sequence() -> None:
    config = SplitterConfig(max_chars=16, early_first_clause=False)
    family = "👨\u200d👩\u200d👧"
    text = "x" * 14 + family + "y" * 10
    out = split_whole(text, config)
    assert "".join(out) == text
    assert any(family in s for s in out)


def test_cap_never_cuts_inside_a_tag() -> None:
    config = SplitterConfig(max_chars=30, early_first_clause=False)
    out = split_whole("aaaa bbbb cccc dddd [very happy] eeee ffff gggg", config)
    assert out[0] == "aaaa bbbb cccc dddd"
    assert out[1].startswith("[very happy]")


def test_config_validation() -> None:
    with pytest.raises(ValueError, match="max_chars"):
        SplitterConfig(max_chars=5)
    with pytest.raises(ValueError, match="first_clause_min_words"):
        SplitterConfig(first_clause_min_words=0)
    with pytest.raises(ValueError, match="min_chars"):
        SplitterConfig(min_chars=0)


def test_min_chars_merges_short_pieces_forward() -> None:
    config = SplitterConfig(early_first_clause=False, min_chars=6)
    assert split_whole("Hi. Hello there. Yes.", config) == ["Hi. Hello there.", "Yes."]


# --- async ----------------------------------------------------------------------------------


async def test_split_stream_yields_sentences_before_the_stream_ends() -> None:
    seen: list[str] = []

    async def deltas() -> AsyncIterator[str]:
        for d in ["Hel", "lo the", "re. ", "How", " are", " you? I'm", " fine"]:
            seen.append(d)
            yield d

    out: list[tuple[str, int]] = []
    async for sentence in split_stream(deltas(), NO_CLAUSE):
        out.append((sentence, len(seen)))
    assert out == [("Hello there.", 4), ("How are you?", 6), ("I'm fine", 7)]


async def test_split_stream_default_config_cuts_the_first_clause() -> None:
    async def deltas() -> AsyncIterator[str]:
        for d in ["Welcome", "back", "to", "the", "stream,", "everyone.", "Today", "we", "play."]:
            yield d + " "

    assert [s async for s in split_stream(deltas())] == [
        "Welcome back to the stream,",
        "everyone.",
        "Today we play.",
    ]


# --- chunking invariance (property based) ---------------------------------------------------

FRAGMENTS = [
    "Hello", "world", "chat", "I", "It", "it's", "x", "wow", "Mr.", "Dr.", "St.", "No.", "5",
    "3.14", "$4.99", "v1.2.3", "e.g.", "i.e.", "etc.", "U.S.", "a.m.", "vs.", "J.", "1.", "1,000",
    ".", "!", "?", "?!", "!!!", "...", "…", ",", ";", ":", " - ", "—", "-", "'", '"', "“", "”",
    "(", ")", "[happy]", "[ surprised ]", "(sad)", "*laughs*", "😂", "👨\u200d👩\u200d👧", "❤️",
    "👍🏽", ":)", ":", "xD", "<3", "\n", "\n\n", "https://example.com/a?b=1.5", "me@mail.co.uk",
    "。", "！", "你好", "こんにちは", "  ",
]  # fmt: skip

texts = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from([" ", "", " ", "\n"])), max_size=60
).map(lambda parts: "".join(f + sep for f, sep in parts))

configs = st.sampled_from(
    [
        SplitterConfig(), NO_CLAUSE, SplitterConfig(max_chars=24), SplitterConfig(max_chars=40, min_chars=4),
        SplitterConfig(first_chunk_conjunction_words=2), SplitterConfig(first_chunk_conjunction_words=3, max_chars=30),
    ]
)  # fmt: skip


def _chunk(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c for c in cuts if 0 < c < len(text)})
    return [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]


def _squash(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, config=configs, data=st.data())
def test_any_chunking_gives_the_same_sentences(
    text: str, config: SplitterConfig, data: st.DataObject
) -> None:
    whole = split_whole(text, config)
    cuts = data.draw(st.lists(st.integers(0, max(len(text), 1)), max_size=40))
    assert split_chunks(_chunk(text, cuts), config) == whole
    assert split_chars(text, config) == whole
    for sentence in whole:
        assert sentence
        assert sentence == sentence.strip()
    # Lossless apart from whitespace and a trailing tag-only / punctuation-only remainder.
    joined, original = _squash("".join(whole)), _squash(text)
    assert original.startswith(joined)
    leftover = re.sub(r"\[[^\[\]]*\]|\*[^*]*\*|\(\s*\w+\s*\)", "", original[len(joined) :])
    assert not re.search(r"[^\W_]", leftover)


@settings(max_examples=100, deadline=None)
@given(text=texts)
def test_cap_holds_for_arbitrary_text(text: str) -> None:
    config = SplitterConfig(max_chars=24, early_first_clause=False)
    # Boundaries add the terminator run, closers and absorbed emoji after the cap position,
    # and flush returns the tail as is; cut pieces themselves never pass the cap.
    long_text = text.replace(" ", "") * 3
    for sentence in split_whole(long_text, config):
        assert len(sentence) <= 24 + 40


def test_random_chunkings_of_a_realistic_reply() -> None:
    reply = (
        "[happy] Oh my gosh, thank you so much for the raid, Mr. Streamer! 😂 "
        "Welcome everyone... I hope you're ready. We're playing v2.0.1 today (the new patch.) "
        "It costs $19.99, i.e. a lot!!! Check https://example.com/patch-notes?v=2.0.1 for details.\n"
        "1. Be nice\n2. Have fun\n"
        '"Really?" she asked. "Yes!" I said. Anyway... let\'s go! <3'
    )
    expected = split_whole(reply, SplitterConfig())
    assert expected[0] == "[happy] Oh my gosh, thank you so much for the raid,"
    assert "Mr. Streamer! 😂" in expected
    assert "Welcome everyone... I hope you're ready." in expected
    assert "1. Be nice" in expected
    assert '"Really?" she asked.' in expected
    assert expected[-1] == "Anyway... let's go! <3"
    rng = random.Random(1234)
    for _ in range(200):
        cuts = [rng.randrange(len(reply)) for _ in range(rng.randrange(1, 80))]
        assert split_chunks(_chunk(reply, cuts), SplitterConfig()) == expected


# --- speed (information only) -----------------------------------------------------------------


def _best_ms(tokens: list[str]) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(10):
        splitter = SentenceSplitter()
        out: list[str] = []
        start = time.perf_counter()
        for token in tokens:
            out += splitter.feed(token)
        out += splitter.flush()
        best = min(best, time.perf_counter() - start)
        count = len(out)
    return best * 1000, count


def test_timing_of_a_2000_token_reply(capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(7)
    plain = [
        "the",
        "stream",
        "is",
        "really",
        "great",
        "today",
        "and",
        "chat",
        "is",
        "being",
        "so",
        "nice",
        "to",
        "me",
        "thank",
        "you",
        "all",
    ]
    realistic: list[str] = []
    while len(realistic) < 2000:
        r = rng.random()
        realistic.append(
            " " + rng.choice(plain) + ("." if r < 0.04 else "!" if r < 0.06 else "," if r < 0.09 else "")
        )
    # A worst case: almost half the words carry dots (abbreviations, decimals, ellipses).
    words = ["the", "stream", "is", "great", "Mr.", "3.14", "chat", "wow", "really", "e.g.", "U.S."]
    enders = [".", "!", "?", "...", "! 😂", ",", ""]
    dense = [
        " " + rng.choice(words) + rng.choice(enders if rng.random() < 0.15 else [""]) for _ in range(2000)
    ]
    with capsys.disabled():
        for name, tokens in (("realistic", realistic), ("abbreviation-dense", dense)):
            ms, count = _best_ms(tokens)
            print(f"\n[sentences] {name}: 2000 tokens ({sum(map(len, tokens))} chars) -> {count} sentences "
                  f"in {ms:.2f} ms (best of 10)", end="")  # fmt: skip
            assert count > 50
        print()
