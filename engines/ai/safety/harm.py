"""Threats, self-harm intent and sexual requests: sentence shapes a word list cannot see.

"I'll burn your house down", "I'm going to beat you to death", "ur dead when I find you",
"how many pills to overdose", "take off your clothes", "the loli in this game is so hot"
contain no blocked word, and the
classifier, which is mostly a swearing detector, scores them low. These patterns look
for the shape instead: a first-person (or "someone should") intent, a harm verb, and a
person as its object; a wish or method for self-harm; a sexual demand aimed at the
streamer. Game talk stays out because the object must be a person ("kill the dragon",
"beat the boss") and the ambiguous verbs ("beat", "break", "burn") need a tell-tale
ending ("to death", "your legs", "your house").

Patterns run on :attr:`Normalized.word_forms` (punctuation-free, leet-folded words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from engines.ai.safety.normalize import Normalized

__all__ = ["HarmHit", "find_harm"]


@dataclass(frozen=True, slots=True)
class HarmHit:
    category: str
    """``minors``, ``threat``, ``self_harm`` or ``sexual``."""
    reason: str


_PERSON = r"(?:you|u|ya|yo|ur|your|youre|the streamer|this streamer|streamer)"
_INTENT = (
    r"(?:ill|i will|i shall|im going to|im gonna|i am going to|i am gonna|imma|ima|ama|im about to|"
    r"well|we will|were going to|were gonna|i want to|i wanna|i would|id|i could|i can|i should|"
    r"someone (?:should|will|needs to|gonna|has to|must|ought to)|somebody (?:should|will|needs to|gonna)|"
    r"(?:i )?hope (?:someone|somebody|they|a car|a bus|a truck))"
)
_CLEAR_VERB = (
    r"(?:kill|murder|stab|shoot|strangle|behead|decapitate|torture|rape|slit|hurt|choke|kidnap|hunt|"
    r"lynch|gut|dismember|swat|run over)(?:s|es|ed|ing)?"
)
_UNCLEAR_VERB = (
    r"(?:hit|burn|beat|break|smash|punch|curb stomp|stomp|find|track|doxx?|visit|bash|cut)(?:s|es|ed|ing)?"
)
_THREAT_PATTERNS: Final = (
    # "I'll <clear harm verb> you"
    rf"\b{_INTENT} (?:\w+ ){{0,3}}{_CLEAR_VERB} (?:\w+ )?{_PERSON}\b",
    # ambiguous verbs ("beat you at chess" is fine) need a telling ending
    rf"\b{_INTENT} (?:\w+ ){{0,3}}(?:{_UNCLEAR_VERB}|{_CLEAR_VERB}) {_PERSON} (?:\w+ ){{0,2}}"
    r"(?:to death|to a pulp|up irl|irl|in real life|down|face|legs?|arms?|neck|bones|skull|teeth|house|home|"
    r"family|kids|car|windows|door)\b",
    r"\b(?:ur|your|youre|you are|you r|u r|u are) (?:so |already |gonna be |going to be )?"
    r"(?:dead|done for|a dead man|a dead woman|gonna die|going to die|next|finished) "
    r"(?:when|once|if|after) (?:i|we|someone)\b",
    r"\bwhen (?:i|we) (?:find|catch|see|get) (?:you|u|ya)\b.*\b(?:dead|die|pay|regret|sorry|hurt|kill)",
    r"\b(?:better )?watch (?:your|ur) back\b|\bsleep with one eye open\b|\byour days are numbered\b",
    r"\b(?:i|we|ill|well|im gonna|im going to) (?:make|will make) (?:you|u) (?:pay|suffer|bleed|regret)\b",
    r"\b(?:hope|wish) (?:you|u) (?:\w+ )?"
    r"(?:die|get (?:shot|stabbed|cancer|killed|raped|hit by a (?:car|bus|truck)))\b",
    r"\b(?:hope|wish) (?:your|ur) (?:family|mom|dad|kids?|parents|mother|father|sister|brother) "
    r"(?:dies?|gets? (?:shot|stabbed|cancer|killed|raped))\b",
    # a weapon into the person's body, or the person into a grave: no harm verb needed
    r"\b(?:put|pump|stick|shove|send|plant|sink|bury|lodge) (?:a |an |some |\w+ )?"
    r"(?:bullets?|rounds?|slugs?|knife|knives|blade|lead|hole|holes|axe) (?:\w+ )?(?:in|into|through|between) "
    rf"(?:{_PERSON}|ya) (?:\w+ )?(?:head|skull|face|brain|brains|chest|heart|neck|back|gut|eyes|throat)\b",
    rf"\b{_INTENT} (?:\w+ ){{0,2}}(?:put|send|leave) (?:you|u|ya) (?:in|into|six feet) "
    r"(?:a |the )?(?:ground|grave|body bag|coffin|hospital|morgue|under)\b",
    rf"\b{_INTENT} (?:\w+ ){{0,2}}(?:blow|shoot|bash|cave|kick|knock|rip|tear) (?:your|ur) "
    r"(?:head|brains?|face|skull|teeth|throat|heart) (?:off|out|in)\b",
)
_MINOR_TERM = r"(?:loli|lolis|lolicon|shota|shotas|shotacon|jailbait|underage (?:girls?|boys?|kids?))"
_MINOR_AGE = r"(?:preteens?|middle schoolers?|(?:1[0-5]|[5-9]) ?(?:yo|y o|years? old|year olds?))"
_LEWD = r"sexy|lewd|hentai|nsfw|horny|fuckable|naked|nudes?|porn|turns? me on"
_MINORS_PATTERNS: Final = (
    # a minor together with a sexual word, either order, a few words apart; "hot" and "thicc"
    # only with the coded terms ("my 7 year old is hot from playing outside" is not this)
    rf"\b{_MINOR_TERM}\b(?: \w+){{0,5}} (?:hot|thicc|thick|{_LEWD})\b",
    rf"\b{_MINOR_AGE}\b(?: \w+){{0,5}} (?:{_LEWD})\b",
    rf"\b(?:{_LEWD}|fuck|fucking) (?:\w+ ){{0,3}}(?:{_MINOR_TERM}|{_MINOR_AGE})\b",
)
_SELF_HARM_PATTERNS: Final = (
    r"\b(?:how (?:many|much)|what dose|what amount|easiest way|painless way|quickest way|fastest way|"
    r"best way|how (?:do|can|would|should) (?:i|you|u|someone|one)|ways? to) (?:\w+ ){0,6}"
    r"(?:overdose|od|kill (?:my ?self|your ?self|yourself|urself|myself)|end (?:it|my life|it all)|suicide|"
    r"hang (?:my ?self|myself)|cut (?:my ?self|myself)|slit|unalive)\b",
    r"\b(?:i|im|i am|ima|imma|gonna|going to) (?:\w+ ){0,3}(?:want to|wanna|going to|gonna|will|should|"
    r"might|about to|need to|plan to|planning to) (?:\w+ )?"
    r"(?:kill|cut|hurt|end|off|hang|unalive|harm|starve) "
    r"(?:my ?self|myself|it all|my life)\b",
    r"\b(?:i|im|i am) (?:\w+ ){0,2}(?:want to|wanna|going to|gonna) die\b"
    r"(?! (?:of|from|laughing|lol|lmao|inside))",
    r"\b(?:nobody|no one|noone) (?:would|will|is going to|gonna|wud) (?:even )?(?:miss (?:you|u)|"
    r"care if (?:you|u) (?:die|died|disappear|disappeared|were gone|was gone|killed|left forever)|"
    r"notice if (?:you|u) (?:die|died|disappear|disappeared|were gone))\b",
    r"\b(?:world|everyone|everybody|we) (?:would|will|d) be better (?:off )?without (?:you|u)\b",
    r"\bbetter off dead\b|\b(?:you|u|ya|streamer) (?:should|need to|needs to|deserve to|must) (?:just |go )?"
    r"(?:die|rot|suffer)\b",
)
_BODY = r"(?:body|boobs|chest|butt|ass|feet|thighs|legs|toes|tits|breasts|booty|cleavage)"
_SEXUAL_PATTERNS: Final = (
    r"\b(?:take off|remove|strip|lose|pull down|pull up|show us|show me|flash) "
    r"(?:\w+ )?(?:your|ur|her|those) "
    rf"(?:\w+ )?(?:clothes|clothing|shirt|top|pants|bra|panties|underwear|skirt|dress|{_BODY})\b",
    r"\bspread (?:your|ur|her|them|those) (?:legs|thighs|cheeks)\b|\bsit on my (?:face|lap|dick)\b",
    r"\b(?:moan|strip|twerk|undress|get naked) (?:for|4) (?:me|us|chat)\b|\b(?:get|be) naked\b",
    r"\b(?:breed|impregnate|knock up|grope|fondle|molest|lick) (?:you|u|ya|her|the streamer)\b",
    r"\b(?:wanna|want to|would|let me|can i|gonna|going to|i will|ill|id) (?:\w+ )?(?:touch|lick|kiss|smell|"
    rf"sniff|grope|squeeze|bite|taste|suck|eat) (?:your|ur|her) (?:\w+ )?{_BODY}\b",
    rf"\b(?:your|ur|her) (?:{_BODY}|lips) (?:look|are|is|looks) "
    r"(?:so )?(?:delicious|tasty|hot|sexy|thick|juicy|edible|suckable)\b",
    r"\bwhat (?:colou?r|kind|type) (?:of )?(?:is|are) (?:your|ur|her) (?:underwear|panties|bra|thong)\b",
)


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_CHECKS: Final = (
    ("minors", "sexualising a minor", _compile(_MINORS_PATTERNS)),
    ("threat", "threat of violence", _compile(_THREAT_PATTERNS)),
    ("self_harm", "self-harm intent or method", _compile(_SELF_HARM_PATTERNS)),
    ("sexual", "sexual request", _compile(_SEXUAL_PATTERNS)),
)


def find_harm(norm: Normalized) -> HarmHit | None:
    """A threat, self-harm intent/method or sexual request in ``norm``, if any."""
    for form in norm.word_forms:
        for category, reason, pattern in _CHECKS:
            if pattern.search(form):
                return HarmHit(category, reason)
    return None
