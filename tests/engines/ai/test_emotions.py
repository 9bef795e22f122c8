"""Emotion tags: stripping, synonyms, aliases, heuristic fallback and continuity."""

from __future__ import annotations

import pytest

from engines.ai.emotions import _GROUPS, EmotionMapper, TaggedSentence
from engines.ai.sentences import SentenceSplitter

PERSONA = ["neutral", "happy", "sad", "angry", "surprised", "embarrassed", "smug"]


@pytest.fixture
def mapper() -> EmotionMapper:
    return EmotionMapper(PERSONA)


# --- explicit tags ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "emotion"),
    [
        ("[happy] Hello!", "Hello!", "happy"),
        ("[ surprised ] What?", "What?", "surprised"),
        ("(sad) Oh no.", "Oh no.", "sad"),
        ("( angry ) Stop that.", "Stop that.", "angry"),
        ("Hello [happy] there.", "Hello there.", "happy"),
        ("That's great [happy]", "That's great", "happy"),
        ("Hello [happy] !", "Hello!", "happy"),
        ("[HAPPY] Loud.", "Loud.", "happy"),
        ("[emotion: angry] Hey.", "Hey.", "angry"),
        ("[expression=smug] Obviously.", "Obviously.", "smug"),
        ("[very embarrassed] Um.", "Um.", "embarrassed"),
        ("[happy]", "", "happy"),
        ("[sad] 😢", "", "sad"),
        ("[happy], sure!", "sure!", "happy"),
    ],
)
def test_explicit_tags(mapper: EmotionMapper, sentence: str, text: str, emotion: str) -> None:
    assert mapper.tag(sentence) == TaggedSentence(text, emotion, True)


@pytest.mark.parametrize(
    ("sentence", "text", "emotion"),
    [
        ("*laughs* That's funny.", "That's funny.", "happy"),
        ("*giggles softly* Okay.", "Okay.", "happy"),
        ("*blushes* Stop it.", "Stop it.", "embarrassed"),
        ("Oh wow *gasps* really.", "Oh wow really.", "surprised"),
        ("**smirks** Told you.", "Told you.", "smug"),
        ("(sobbing) I can't.", "I can't.", "sad"),
        ("*excited* Hi!", "Hi!", "happy"),
    ],
)
def test_stage_directions_are_removed_and_tagged(
    mapper: EmotionMapper, sentence: str, text: str, emotion: str
) -> None:
    assert mapper.tag(sentence) == TaggedSentence(text, emotion, True)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("*sighs* Fine.", "Fine."),  # a direction without an emotion word: removed, not tagged
        ("[dances] Let's go.", "Let's go."),  # unknown square tag: removed
        ("I *really* mean it.", "I really mean it."),  # emphasis: keep the word
        ("I'm *so* tired.", "I'm so tired."),
        ("Just *look* at this.", "Just look at this."),
        ("It was **huge**.", "It was huge."),
        ("Do it (like this.) now.", "Do it (like this.) now."),  # parentheses with speech stay
        ("I (honestly) agree.", "I (honestly) agree."),
        ("I am *happy* today.", "I am happy today."),  # a mid-sentence emotion word is emphasis
    ],
)
def test_untagged_text_is_kept_speakable(mapper: EmotionMapper, sentence: str, text: str) -> None:
    result = mapper.tag(sentence)
    assert result.text == text
    assert not result.explicit


def test_first_recognised_tag_wins(mapper: EmotionMapper) -> None:
    assert mapper.tag("[happy] Hi [sad] there.") == TaggedSentence("Hi there.", "happy", True)
    assert mapper.tag("[dances] [sad] Oh.") == TaggedSentence("Oh.", "sad", True)


# --- synonyms, sets and aliases -------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "emotion"),
    [
        ("joy", "happy"), ("excited", "happy"), ("glad", "happy"), ("laugh", "happy"),
        ("laughing", "happy"), ("smiling", "happy"), ("upset", "sad"), ("cry", "sad"),
        ("crying", "sad"), ("mad", "angry"), ("annoyed", "angry"), ("furious", "angry"),
        ("shocked", "surprised"), ("wow", "surprised"), ("gasps", "surprised"),
        ("blush", "embarrassed"), ("blushing", "embarrassed"), ("shy", "embarrassed"),
        ("proud", "smug"), ("smirk", "smug"), ("calm", "neutral"),
    ],
)  # fmt: skip
def test_builtin_synonyms(mapper: EmotionMapper, tag: str, emotion: str) -> None:
    assert mapper.tag(f"[{tag}] Okay.") == TaggedSentence("Okay.", emotion, True)
    assert mapper.resolve(tag) == emotion


def test_synonyms_only_map_into_the_set() -> None:
    small = EmotionMapper(["neutral", "happy"])
    assert small.resolve("sad") is None
    assert small.tag("[sad] I'm fine.") == TaggedSentence("I'm fine.", "neutral", False)
    assert small.tag("[scared] Eek.").emotion == "neutral"


def test_synonym_group_maps_to_whatever_name_the_set_uses() -> None:
    joyful = EmotionMapper(["calm", "joy", "sorrow"], default="calm")
    assert joyful.tag("[happy] hi").emotion == "joy"
    assert joyful.tag("[excited] hi").emotion == "joy"
    assert joyful.tag("[sad] hi").emotion == "sorrow"
    assert joyful.tag("[neutral] hi").emotion == "calm"
    assert joyful.tag("haha").emotion == "joy"  # the heuristic maps through the set too


def test_aliases() -> None:
    mapper = EmotionMapper(PERSONA, aliases={"hype": "surprised", "Pog": "happy", "big mad": "angry"})
    assert mapper.tag("[pog] Let's go!") == TaggedSentence("Let's go!", "happy", True)
    assert mapper.tag("[hype] Whoa.").emotion == "surprised"  # an alias beats the built-in synonym
    assert mapper.tag("[big mad] Grr.").emotion == "angry"
    with pytest.raises(ValueError, match="alias"):
        EmotionMapper(PERSONA, aliases={"hype": "ecstatic"})


def test_set_validation() -> None:
    with pytest.raises(ValueError, match="empty"):
        EmotionMapper([])
    with pytest.raises(ValueError, match="default"):
        EmotionMapper(["happy", "sad"])
    mapper = EmotionMapper([" Neutral ", "HAPPY", "happy"], default="NEUTRAL")
    assert mapper.emotions == ("neutral", "happy")
    assert mapper.default == "neutral"


def test_synonym_groups_do_not_overlap() -> None:
    words = [w for group in _GROUPS for w in group]
    assert len(words) == len(set(words))


# --- heuristic fallback ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "emotion"),
    [
        ("haha that's funny", "happy"),
        ("Hahaha okay", "happy"),
        ("hehe", "happy"),
        ("Yay!", "happy"),
        ("I love you chat", "happy"),
        ("That's great!", "happy"),
        ("That's great.", "neutral"),  # positive words need "!"
        ("Thanks for the follow", "happy"),
        ("See you :)", "happy"),
        ("That was close 😂", "happy"),
        ("sorry about that", "sad"),
        ("I miss you", "sad"),
        ("It broke 😢", "sad"),
        ("Oh no :(", "sad"),
        ("What?!", "surprised"),
        ("No way", "surprised"),
        ("Wow", "surprised"),
        ("Whoa, look at that", "surprised"),
        ("grr", "angry"),
        ("Ugh, lag again", "angry"),
        ("Hey >:(", "angry"),
        ("You're making me blush", "embarrassed"),
        ("Heh, obviously.", "smug"),
        ("Okay, next game.", "neutral"),
    ],
)
def test_heuristic(mapper: EmotionMapper, sentence: str, emotion: str) -> None:
    result = mapper.tag(sentence)
    assert result.emotion == emotion
    assert not result.explicit


def test_heuristic_only_returns_emotions_in_the_set() -> None:
    small = EmotionMapper(["neutral", "happy"])
    assert small.tag("sorry about that").emotion == "neutral"
    assert small.tag("grr").emotion == "neutral"
    assert small.tag("sorry, haha").emotion == "happy"


def test_heuristic_counts_cues_and_ties_go_to_the_earliest(mapper: EmotionMapper) -> None:
    assert mapper.tag("Sorry, haha, lol").emotion == "happy"  # two happy cues beat one sad
    assert mapper.tag("Sorry, haha").emotion == "sad"  # a tie: the first cue wins


def test_emoji_only_sentence_is_not_speakable_but_has_an_emotion(mapper: EmotionMapper) -> None:
    assert mapper.tag("😂") == TaggedSentence("", "happy", False)
    assert mapper.tag("...") == TaggedSentence("", "neutral", False)
    assert mapper.tag("   ") == TaggedSentence("", "neutral", False)


def test_text_keeps_emoji_and_emoticons_when_there_is_speech(mapper: EmotionMapper) -> None:
    assert mapper.tag("Ugh, lag again :(").text == "Ugh, lag again :("
    assert mapper.tag("[happy] Great! 😂").text == "Great! 😂"


# --- continuity -------------------------------------------------------------------------------


def test_previous_explicit_emotion_carries_over(mapper: EmotionMapper) -> None:
    first = mapper.tag("[happy] Hi chat!")
    second = mapper.tag("How is everyone?", previous=first)
    assert second == TaggedSentence("How is everyone?", "happy", False)
    # Carried emotions are not explicit, so they carry only one sentence.
    assert mapper.tag("Okay then.", previous=second).emotion == "neutral"


def test_previous_as_a_string_is_carried(mapper: EmotionMapper) -> None:
    assert mapper.tag("How is everyone?", previous="surprised").emotion == "surprised"
    assert mapper.tag("How is everyone?", previous="shocked").emotion == "surprised"
    assert mapper.tag("How is everyone?", previous="ecstatic").emotion == "neutral"


def test_heuristic_beats_carry_and_tags_beat_both(mapper: EmotionMapper) -> None:
    assert mapper.tag("I'm so sorry.", previous="happy").emotion == "sad"
    assert mapper.tag("[angry] haha.", previous="happy") == TaggedSentence("haha.", "angry", True)


def test_non_explicit_previous_is_not_carried(mapper: EmotionMapper) -> None:
    guessed = mapper.tag("haha")
    assert guessed == TaggedSentence("haha", "happy", False)
    assert mapper.tag("Anyway.", previous=guessed).emotion == "neutral"


# --- with the splitter ------------------------------------------------------------------------


def test_splitter_then_mapper_over_a_streamed_reply(mapper: EmotionMapper) -> None:
    deltas = ["[hap", "py]", "\nHel", "lo chat", "! 😂 How", " are you? [sur", "prised] No", " way", "!"]
    splitter = SentenceSplitter()
    sentences: list[str] = []
    for delta in deltas:
        sentences += splitter.feed(delta)
    sentences += splitter.flush()
    assert sentences == ["[happy] Hello chat! 😂", "How are you?", "[surprised] No way!"]
    tagged: list[TaggedSentence] = []
    previous: TaggedSentence | None = None
    for sentence in sentences:
        previous = mapper.tag(sentence, previous=previous)
        tagged.append(previous)
    assert tagged == [
        TaggedSentence("Hello chat! 😂", "happy", True),
        TaggedSentence("How are you?", "happy", False),
        TaggedSentence("No way!", "surprised", True),
    ]
