"""Crisis messages: a viewer speaking about harming themselves is told apart from telling
someone else to, and from gaming talk and hyperbole, in several languages."""

from __future__ import annotations

import pytest

from engines.ai.safety import SafetyPipeline
from engines.ai.safety.crisis import detect_crisis, is_self_harm_category
from engines.ai.safety.decision import Layer, SafetyDecision, Verdict

PIPELINE = SafetyPipeline(classifier=None)
"""The rule layers only: what the crisis check is given as the line's decision."""

CRISIS = [
    # intent and wishes, plain and in algospeak
    "i want to die",
    "i honestly just want to die",
    "i want to kill myself",
    "i'm gonna kms",
    "kms",
    "i wanna unalive myself",
    "i want to unalive",
    "i keep thinking about ending it",
    "I've been thinking about suicide a lot",
    "i want to self delete",
    "gonna commit sewerslide",
    "im gonna kermit sewer slide after stream",
    "tonight's my last stream watching, i'm going to end it after",
    "i feel like k1ll1ng mys3lf",
    "i tried to kill myself last year",
    "i wish i was dead",
    "please someone kill me",
    "i want to disappear",
    "im not okay. i want to die",
    # a plan, the means, a time, a goodbye
    "i'm going to end it tonight",
    "i bought a rope",
    "I have enough pills saved up",
    "i just took a whole bottle of sleeping pills",
    "i'm going to take all my pills tonight",
    "i wrote my goodbye letter",
    "gonna kill myself after this stream",
    "i won't be alive tomorrow",
    # hopelessness
    "nobody would care if i was gone",
    "no one would even notice if i died",
    "everyone would be better off without me",
    "theyd all be better off without me",
    "i don't want to live anymore",
    "i have no reason to live",
    "i'm suicidal",
    "i feel like such a burden to everyone",
    "i just want to sleep and never wake up",
    "i just want it all to end",
    "i'm so tired of being alive",
    "life isn't worth living",
    # disclosures and method questions
    "i've been cutting again",
    "i hurt myself again",
    "how many pills would it take to die",
    "what's the most painless way to die",
    "how do i kill myself",
    # spanish
    "me quiero morir",
    "quiero matarme",
    "me voy a suicidar",
    "ya no quiero vivir",
    "nadie me extrañaría",
    "todos estarían mejor sin mí",
    "compré una soga",
    "esta noche me mato",
    "quiero quitarme la vida",
    # portuguese
    "eu quero morrer",
    "quero me matar",
    "vou me matar hoje",
    "não quero mais viver",
    "ninguém sentiria minha falta",
    "tô me cortando de novo",
    "quero acabar com a minha vida",
    # german
    "ich will sterben",
    "ich bring mich um",
    "ich will mich umbringen",
    "ich will nicht mehr leben",
    "niemand würde mich vermissen",
    # french
    "je veux mourir",
    "j'ai envie de mourir",
    "je vais me tuer",
    "je veux en finir",
    "personne ne me regretterait",
    "je ne veux plus vivre",
    # italian, japanese, korean, russian
    "voglio morire",
    "死にたい",
    "自殺したい",
    "죽고 싶어",
    "хочу умереть",
    # an explicit act, a plan or hopelessness stays a crisis behind laughter
    "i want to kill myself lol",
    "i wanna unalive myself 😂",
    "gonna end it tonight lmao",
    "nobody would care if i was gone haha",
]

NOT_CRISIS = [
    # a last stream that ends with something, not a goodbye
    "this is my last stream of the year, i will end it with a boss fight",
    "my last stream of the season, we end it after the raid boss lol",
    # encouragement aimed at someone else: an ordinary hostile block
    "kys",
    "k y s",
    "kill yourself",
    "go unalive yourself",
    "you should just die",
    "nobody would miss you",
    "the world would be better without you",
    "i hope you die",
    "i hope you get cancer",
    "hang yourself loser",
    "do the world a favor and off yourself",
    "matate",
    "vai se matar",
    "bring dich um",
    "tue-toi",
    # gaming
    "I died to the boss",
    "i keep dying to the second phase",
    "my character keeps dying",
    "how do i kill myself in minecraft to respawn",
    "i killed myself with my own grenade",
    "gonna die to this boss again",
    "i'm going to kill it tonight",
    "i'd die for this character",
    # hyperbole
    "i'm dying lol",
    "im dead 💀",
    "dying of laughter",
    "this boss makes me want to die 😂",
    "this lag makes me want to kms",
    "if i miss this jump again im gonna kill myself",
    "omg i want to die lmao",
    "i want to die laughing",
    "i want to die on this hill",
    "just kill me now this pun",
    "i want to die happy",
    "that voice is to die for",
    "this game is killing me",
    "me muero de risa",
    "me quiero morir de la risa jajaja",
    "quero morrer kkkkk",
    "vou me matar de rir",
    "je veux mourir mdr",
    "ich will sterben haha",
    "ich sterbe vor Lachen",
    "死にたいｗｗｗ",
    # everyday words that look like it
    "i would never kill myself",
    "he told me to kill myself, reported",
    "i don't want to die in this game",
    "the suicide squad movie was bad",
    "i cut myself cooking lol",
    "i bought a jump rope",
    "i don't want to live in texas",
    "i'm tired of living in this city",
    "i have 2 pills left for my allergy",
    "it's 5 kms away",
    "i won't be here tomorrow, work",
    "this is my last message before bed, gn chat",
    "no one would notice if i skipped the tutorial",
    "i'm gonna jump in the pool tonight",
    "nobody would care about that game",
    "me quiero cortar el pelo",
    "tô cortando cebola",
    "hiyori what game is this?",
]


def crisis(text: str) -> str | None:
    found = detect_crisis(text, PIPELINE.check_input(text))
    return None if found is None else found.signal


@pytest.mark.parametrize("text", CRISIS)
def test_a_first_person_crisis_is_caught(text: str) -> None:
    assert crisis(text) is not None


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_encouragement_gaming_and_hyperbole_are_not_a_crisis(text: str) -> None:
    assert crisis(text) is None


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("i bought a rope", "plan"),
        ("nobody would care if i was gone", "hopeless"),
        ("i wanna unalive myself", "intent"),
        ("how many pills would it take to die", "method"),
        ("i want to die", "wish"),
    ],
)
def test_the_signal_is_named_and_the_reason_never_quotes_the_viewer(text: str, signal: str) -> None:
    found = detect_crisis(text)
    assert found is not None and found.signal == signal
    assert found.reason and text not in found.reason


def test_the_rules_need_no_decision_a_crisis_no_layer_blocked_is_caught() -> None:
    text = "i have enough pills saved up"
    assert PIPELINE.check_input(text).allowed
    assert detect_crisis(text) is not None
    assert detect_crisis(text, PIPELINE.check_input(text)) is not None


def _decision(category: str) -> SafetyDecision:
    """A semantic-layer block, as the classifier another layer adds would give it."""
    return SafetyDecision(Verdict.BLOCK, Layer.SEMANTIC, "self-harm", "input", "", 0.97, category)


def test_a_self_harm_block_in_the_first_person_is_a_crisis_the_rules_missed() -> None:
    text = "everything hurts and i keep looking at the bridge near my place"
    assert detect_crisis(text) is None  # the rules alone do not see it
    found = detect_crisis(text, _decision("self_harm"))
    assert found is not None and found.signal == "layer"
    assert found.reason.startswith("self-harm in the first person")
    assert detect_crisis(text, _decision("self-harm/intent")) is not None  # OpenAI's name
    assert detect_crisis(text, _decision("harassment")) is None
    allowed = SafetyDecision(Verdict.ALLOW, Layer.NONE, "passed all layers", "input", "", 0.1, "")
    assert detect_crisis(text, allowed) is None
    # allowed, but the semantic layer leans self-harm (a caution): better flagged for a human
    leaning = SafetyDecision(
        Verdict.ALLOW, Layer.NONE, "passed all layers", "input", "", 0.1, "", "self_harm 0.62"
    )
    found = detect_crisis(text, leaning)
    assert found is not None and found.reason == "self-harm in the first person (semantic, caution)"
    hate = SafetyDecision(Verdict.ALLOW, Layer.NONE, "passed all layers", "input", "", 0.1, "", "hate 0.91")
    assert detect_crisis(text, hate) is None


@pytest.mark.parametrize(
    "text",
    [
        "cut deeper next time",  # aimed at someone, no first person
        "i hope you get cancer",
        "go play in traffic lol",
        "my guy just jump off a bridge",
        "this boss makes me want to jump off a bridge",
        "i would never kill myself",
    ],
)
def test_a_self_harm_block_aimed_at_others_or_in_jest_is_not_a_crisis(text: str) -> None:
    assert detect_crisis(text, _decision("self_harm")) is None


@pytest.mark.parametrize(
    ("category", "self_harm"),
    [("self_harm", True), ("self-harm", True), ("self-harm/intent", True), ("Self Harm", True),
     ("suicide", True), ("harassment", False), ("threat", False), ("", False)],
)  # fmt: skip
def test_self_harm_categories_are_recognised_by_any_layer(category: str, self_harm: bool) -> None:
    assert is_self_harm_category(category) is self_harm


def test_blank_and_empty_lines_are_not_a_crisis() -> None:
    assert detect_crisis("") is None
    assert detect_crisis("   ") is None
    assert detect_crisis("😂😂😂") is None
