"""Layer 4: prompt-injection heuristics (viewer input only).

Chat that tries to take over the character: "ignore all previous instructions", "you
are now DAN", "pretend to be...", "repeat after me", "what is your system prompt",
chat-template role tags (``<|im_start|>``, ``[INST]``, ``### Instruction``) and the
usual jailbreak words. Phrases are matched on the punctuation-free, leet-folded words
of the message (so ``1gn0re prev10us 1nstruct10ns`` is caught), tags on the folded text.

These are heuristics, not a guarantee: the reply stage must still keep viewer text in
the user role and never splice it into the system prompt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from engines.ai.safety.normalize import Normalized

__all__ = ["InjectionHit", "find_injection"]


@dataclass(frozen=True, slots=True)
class InjectionHit:
    category: str
    reason: str


_TAGS: Final = re.compile(
    r"<\|\s*[a-z_]+\s*\|>"  # <|im_start|>, <|system|>, <|endoftext|>
    r"|\[/?\s*inst\s*\]|<<\s*/?\s*sys\s*>>|</?\s*(?:system|assistant|sys|instructions?)\s*>"
    r"|\[\s*(?:system|assistant|instructions?)\s*\]|\{\{\s*system"
    r"|#{2,}\s*(?:instruction|instructions|system|response|new task|prompt)\b"
    r"|(?:^|\n)\s*(?:system|assistant|developer)\s*:"
    r"|</s>|\bbegin(?:_| )system\b"
)

_IGNORE_VERB = r"(?:ignore|disregard|forget|override|bypass|discard|neglect|abandon)"
_QUALIFIER = (
    r"(?:all|any|every|each|the|your|ur|my|of|these|those|previous|previously|prior|above|earlier|"
    r"preceding|initial|original|old|existing|former|given|current|system|developer|safety|default|"
    r"standard|programmed|built in|and|everything|that|what|you|were|told|before|now)"
)
_RULES_NOUN = (
    r"(?:instructions?|prompts?|rules|directives?|guidelines?|programming|constraints?|restrictions?|"
    r"filters?|safety|policies|guardrails?|limitations?)"
)
_ROLE_NOUN = (
    r"(?:ai|a i|assistant|bot|chatbot|model|llm|gpt|chatgpt|character|persona|entity|version|mode|"
    r"system|program|machine|robot)"
)

_PHRASES: Final[tuple[tuple[str, str, re.Pattern[str]], ...]] = tuple(
    (category, reason, re.compile(pattern))
    for category, reason, pattern in (
        (
            "ignore_instructions",
            "asks to ignore the bot's instructions",
            rf"\b{_IGNORE_VERB} (?:{_QUALIFIER} ){{0,4}}{_RULES_NOUN}\b",
        ),
        (
            "ignore_instructions",
            "asks to ignore the bot's instructions",
            r"\b(?:forget|ignore|disregard) (?:everything|all|anything) "
            r"(?:you|u|that|i|weve|we|above|before)\b",
        ),
        (
            "new_identity",
            "tries to give the bot a new identity",
            rf"\b(?:you are|youre|you r|u r|ur|u are|you will be|youll be|you must be) now "
            rf"(?:(?:a|an|the|my|called|named|in|no longer|free|evil|unfiltered|uncensored|jailbroken|"
            rf"unrestricted|dan)\b.*\b{_ROLE_NOUN}\b|dan\b|evil\b|unfiltered\b|uncensored\b|jailbroken\b|"
            rf"unrestricted\b|free from\b|no longer\b|called\b|named\b|in \w+ mode\b)",
        ),
        (
            "new_identity",
            "tries to give the bot new rules",
            r"\bfrom now on (?:you|u|your|ur|ull|youll|you will|you must|you are|you should|you only|"
            r"only|always|never|act|respond|reply|answer|speak|talk|say|call yourself)\b",
        ),
        (
            "new_identity",
            "tries to give the bot new rules",
            rf"\b(?:your|ur) (?:new|real|true|actual|updated|secret|hidden) (?:{_RULES_NOUN}|role|task|"
            r"purpose|name|identity|persona|personality|goal|mission|job)\b",
        ),
        (
            "new_identity",
            "tries to give the bot new rules",
            rf"\bnew (?:system )?{_RULES_NOUN} "
            r"(?:are|is|follow|below|for you|you must|you will|you are|you have to)\b",
        ),
        (
            "roleplay_override",
            "asks the bot to pretend or role-play as someone else",
            r"\b(?:pretend (?:to be|you are|youre|ur|you r|u r|u are|that you|that youre|you have no|"
            r"to have no)|roleplay as|role play as|play the role of|"
            r"act as (?:a|an|my|if you|though you|the)(?! (?:team|group|unit|whole|family|squad|duo|pair)\b)|"
            r"impersonate|simulate (?:a|an|being)|you will act as|behave as (?:a|an|if))\b",
        ),
        (
            "roleplay_override",
            "asks the bot to leave its character",
            rf"\b(?:break|leave|drop|exit|step out of|get out of|stop playing) (?:your |ur |the )?"
            rf"(?:character|persona|role|act)\b|\b(?:stop|quit) (?:being|acting like|pretending to be) "
            rf"(?:a |an |the )?(?:vtuber|{_ROLE_NOUN})\b",
        ),
        (
            "dictation",
            "dictates words for the bot to say",
            r"\b(?:repeat after me|say exactly|say this exactly|say it exactly|say the following|"
            r"repeat the following|repeat exactly|repeat this exactly|repeat these words|word for word|"
            r"verbatim|read this out loud|read this aloud|read the following|type exactly|copy paste this|"
            r"(?:respond|reply|answer) (?:only with|with only)|only (?:respond|reply|answer) with|"
            r"just say the words|say the words)\b",
        ),
        (
            "prompt_extraction",
            "asks for the bot's hidden prompt",
            r"\b(?:system prompt|system message|system instructions?|initial prompt|original prompt|"
            r"hidden prompt|secret prompt|pre ?prompt|your prompt|ur prompt|developer message)\b"
            r"|\b(?:reveal|show|print|output|tell me|repeat|display|leak|dump|give me|list|paste|what are|"
            r"what is|whats|what were) (?:me )?(?:all )?(?:of )?(?:your|ur|the) (?:full |entire |original |"
            r"initial |hidden |secret |exact |first |internal )?(?:system )?"
            r"(?:prompt|instructions|directives|guidelines|programming|configuration|config|context window|"
            r"rules you follow)\b",
        ),
        (
            "jailbreak",
            "jailbreak attempt",
            r"\b(?:jailbreak|jailbroken|jail break|jailbreaking|do anything now|dan mode|stay dan|"
            r"(?:are|be|as|become|act like|now) dan\b|(?:enter|enable|activate|switch to|turn on|you are in|"
            r"youre in|go into) (?:developer|dev|dan|jailbreak|unrestricted|unfiltered|uncensored|evil|admin|"
            r"sudo|debug|god) mode|(?:developer|dan|unrestricted|unfiltered|uncensored|evil|sudo) mode "
            r"(?:on|enabled|activated)|(?:without|with no|no) (?:any )?(?:restrictions|filters|censorship|"
            r"guidelines|guardrails)|(?:bypass|disable|turn off|remove|"
            r"circumvent|get around) (?:the |your |ur |all |any )?(?:filters?|safety|rules|restrictions|"
            r"moderation|censorship|guardrails|content policy)|sudo (?:mode|command)|admin override|"
            r"override code|opposite mode|anti ?dan|evil confidant|uncensored ai)\b",
        ),
    )
)


def find_injection(norm: Normalized) -> InjectionHit | None:
    """A prompt-injection pattern in ``norm``, if any."""
    if _TAGS.search(norm.clean):
        return InjectionHit("role_tag", "contains chat-template role tags")
    for form in norm.word_forms:
        for category, reason, pattern in _PHRASES:
            if pattern.search(form):
                return InjectionHit(category, reason)
    return None
