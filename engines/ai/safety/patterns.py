"""Layer 3: personal data, doxxing and links.

Finds, in chat or in the bot's own sentences: email addresses, phone numbers, payment
card numbers (Luhn-checked), IP addresses, street addresses, requests for or threats
with someone's personal data ("where do you live", "what's your real name", "I know
your address"), and links: URLs, ``www.`` hosts, bare domains with a known TLD and the
spelled-out forms (``site dot com``, ``site[.]com``). Domains on an allow-list (by
default Twitch clips) pass.

Everything here reads :attr:`Normalized.clean` (casefolded, homoglyphs folded,
digits and punctuation kept) or :attr:`Normalized.words` (punctuation-free words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from engines.ai.safety.normalize import Normalized

__all__ = ["DEFAULT_ALLOWED_DOMAINS", "LinkFinder", "PatternHit", "find_pii", "luhn_ok"]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


DEFAULT_ALLOWED_DOMAINS: Final = ("clips.twitch.tv",)
"""Domains (and their subdomains) whose links are allowed by default."""


@dataclass(frozen=True, slots=True)
class PatternHit:
    category: str
    """``email``, ``phone``, ``card``, ``ip``, ``address``, ``doxxing`` or ``link``."""
    reason: str


# ---------------------------------------------------------------- personal data

_EMAIL: Final = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_EMAIL_SPELLED: Final = re.compile(
    r"\b[a-z0-9._%+-]{2,}\s*(?:@|\(at\)|\[at\]|\{at\}|\sat\s)\s*"
    r"(?:gmail|googlemail|yahoo|hotmail|outlook|proton|protonmail|icloud|aol|gmx|yandex)"
    r"(?:\s*(?:\.|dot|\(dot\)|\[dot\])\s*[a-z]{2,})?\b"
)
_NUMBERISH: Final = re.compile(r"(?<![\w.])(?:\+|00)?\(?\d(?:[\s().\-]{0,2}\d){6,18}(?![\w])")
_SSN: Final = re.compile(r"(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}")
_GROUP_SPLIT: Final = re.compile(r"[\s().\-]+")
_IPV4: Final = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w.])"
)
_IPV6: Final = re.compile(
    r"(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])"
    r"|(?<![\w:])(?:[0-9a-f]{1,4}:){2,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?(?![\w:])"
)
_VERSION_BEFORE: Final = re.compile(r"(?:version|ver|patch|build|update|v)\s*$")
_STREET_SUFFIX: Final = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|terrace|crescent|parkway|pkwy|"
    r"highway|hwy"
)
_NOT_A_STREET_NAME: Final = (
    r"(?:more|hard|bot|top|mid|big|small|long|short|other|different|main|side|back|front|the|a|an|my|"
    r"your|of|in|more|test|disk|solid|state|usb|flash|new|old|good|bad|fast|slow|lane|lanes|km|miles?|"
    r"mins?|minutes?|hours?|hrs?|times?|x|and|or|to|at|on|for|with|by|per|cool|nice|extra)\b"
)
_STREET: Final = re.compile(
    rf"\b\d{{1,6}}[a-z]?,?\s+(?!{_NOT_A_STREET_NAME})(?:[a-z][a-z'.-]*\s+){{1,3}}(?:{_STREET_SUFFIX})\b"
    r"|\b\d{1,5}[a-z]?,?\s+(?:rue|calle|avenida|rua|carrer)\s+[a-z]"
    r"|\b(?:rue|calle|avenida|rua|carrer)\s+(?:[a-z]+\s+){1,3}\d{1,5}\b"
    r"|\b[a-z]{3,}(?:strasse|straße|str\.|weg|gasse|allee)\s+\d{1,4}[a-z]?\b"
)
_DOXXING: Final = re.compile(
    r"\bwhere (?:do|did|does) (?:you|u|ya|she|he|they) (?:live|stay|reside|sleep|go to school|work)\b"
    r"|\bwhere (?:are|r) (?:you|u|ya) (?:located|living|staying)\b"
    r"|\bwhere(?:s| is) (?:your|ur|her|his) (?:house|home|apartment|flat|school|work)\b"
    r"|\b(?:what|whats|which|tell me|give me|send me|drop|post|leak|share|dm me|i need|i want) "
    r"(?:is |are |s )?(?:your|ur|yo|her|his|the streamers|streamers) "
    r"(?:home |real |full |street |house |irl |legal |actual |exact |true |personal |mobile |cell )?"
    r"(?:address|addy|adress|phone|phone number|cell number|mobile number|number|ip|ip address|location|"
    r"real name|name irl|full name|last name|surname|legal name|irl name|school|workplace|zip|zip code|"
    r"postcode|postal code|coordinates|social security|ssn|credit card|face irl)\b"
    r"|\b(?:what|which) (?:city|town|state|street|neighbou?rhood|school|college|university|village|"
    r"apartment|building|zip code) (?:do|are|did|does) (?:you|u|ya) (?:live|stay|go|attend|work|in|from)\b"
    r"|\b(?:i|we|they) (?:know|found|have|got|will find|can find|figured out|leaked|traced) "
    r"(?:out )?(?:where (?:you|u) live|(?:your|ur) (?:real )?(?:address|addy|real name|name|house|home|ip|"
    r"location|phone|number|school|family|parents|workplace|face))\b"
    r"|\b(?:your|ur) (?:real|irl|legal|full|actual) name is\b"
    r"|\b(?:your|ur) (?:address|ip|phone number|number|house) is\b"
    r"|\b(?:dox|doxx|doxxed|doxed|doxxing|doxing|doxes|doxxes)\b"
    r"|\b(?:lives|live|living|stays) (?:at|on) \d"
)


def luhn_ok(digits: str) -> bool:
    """True when ``digits`` passes the Luhn checksum used by payment cards."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _number_kind(candidate: str) -> str | None:
    if _SSN.fullmatch(candidate):
        return "ssn"
    digits = "".join(ch for ch in candidate if ch.isdigit())
    n = len(digits)
    if 13 <= n <= 19 and luhn_ok(digits) and len(set(digits)) > 1:
        return "card"
    if len(set(digits)) <= 2 or digits.endswith("000000"):
        return None
    groups = [g for g in _GROUP_SPLIT.split(candidate.lstrip("+(")) if g]
    if len(groups) > 6 or any(len(g) < 2 for g in groups[1:]):
        return None
    if 10 <= n <= 15:
        return "phone"
    if n == 7 and re.fullmatch(r"\d{3}[\s.\-]\d{4}", candidate):
        return "phone"
    return None


_NUMBER_REASONS: Final = {
    "card": "payment card number",
    "phone": "phone number",
    "ssn": "social security number",
}


def find_pii(norm: Normalized) -> PatternHit | None:
    """Personal data or a doxxing request/threat in ``norm``, if any."""
    clean = norm.clean
    maybe_email = "@" in clean or " at " in clean or "(at)" in clean or "[at]" in clean
    if maybe_email and (_EMAIL.search(clean) or _EMAIL_SPELLED.search(clean)):
        return PatternHit("email", "email address")
    if any(ch.isdigit() for ch in clean):
        for m in _NUMBERISH.finditer(clean):
            kind = _number_kind(m.group())
            if kind is not None:
                return PatternHit(kind, _NUMBER_REASONS[kind])
        for m in _IPV4.finditer(clean):
            if not _VERSION_BEFORE.search(clean, 0, m.start()):
                return PatternHit("ip", "IP address")
        if _STREET.search(clean):
            return PatternHit("address", "street address")
    if ":" in clean and _IPV6.search(clean):
        return PatternHit("ip", "IP address")
    if any(_DOXXING.search(form) for form in norm.word_forms):
        return PatternHit("doxxing", "asks for or threatens with personal data")
    return None


# ---------------------------------------------------------------- links

_TLDS: Final = (
    "com|net|org|info|biz|io|gg|tv|ru|su|xyz|ly|me|co|uk|de|fr|nl|pl|eu|es|ca|au|br|cn|jp|kr|"
    "top|live|app|dev|link|click|shop|store|site|online|cc|ws|club|icu|vip|pw|ml|tk|ga|cf|gq|"
    "pro|tech|space|website|stream|tk|gift|gifts|promo|sale|cam|sex|porn|xxx|ink|fans|tube|"
    "social|chat|media|buzz|monster|rest|bar|mobi|name|today|world|news|zone|email|us|tw|vn|"
    "in|id|ph|my|sg|th|ro|ua|by|kz|ir|tr|gr|se|no|dk|fi|cz|sk|hu|at|ch|be|pt|it|mx|ar|cl|nz|za"
)
# Two-letter TLDs that are also everyday words are only taken with a scheme, "www." or a
# path, never bare: "go.to", "it.is" and "ok.so" are chat, not links.
_AMBIGUOUS_BARE: Final = _wordset(
    "in id my no at be it us to so is me am do go he tv ch by gg ar co th se pt ph"
)
_SCHEME_URL: Final = re.compile(r"\b(?:https?|ftp|hxxps?)\s*:\s*/\s*/\s*([^\s/?#]+)")
_WWW: Final = re.compile(r"\bwww\s*\.\s*([a-z0-9.-]+)")
_DOMAIN: Final = re.compile(
    rf"(?<![@\w.-])((?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+({_TLDS}))(?![\w-])(/\S*)?"
)
_SPELLED_DOT: Final = re.compile(
    rf"\s*(?:[\[({{]\s*(?:dot|\.)\s*[\])}}]|\s+dot\s+|\s+\.\s*)(?=(?:{_TLDS})\b)"
)


class LinkFinder:
    """Finds links whose host is not on the allow-list."""

    def __init__(self, allowed_domains: Iterable[str] = DEFAULT_ALLOWED_DOMAINS) -> None:
        self.allowed_domains: tuple[str, ...] = tuple(
            d.strip().lower().lstrip(".") for d in allowed_domains if d.strip()
        )

    def allowed(self, host: str) -> bool:
        host = host.strip(".").lower()
        host = host.removeprefix("www.")
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def find(self, norm: Normalized) -> PatternHit | None:
        clean = norm.clean
        if "." not in clean and "dot" not in clean and "/" not in clean:
            return None
        for m in _SCHEME_URL.finditer(clean):
            if not self.allowed(m.group(1)):
                return PatternHit("link", "link")
        for m in _WWW.finditer(clean):
            if not self.allowed(m.group(1)):
                return PatternHit("link", "link")
        spelled = "dot" in clean or " ." in clean or "[" in clean or "(" in clean or "{" in clean
        text = _SPELLED_DOT.sub(".", clean) if spelled else clean
        for m in _DOMAIN.finditer(text):
            host, tld, path = m.group(1), m.group(2), m.group(3)
            if tld in _AMBIGUOUS_BARE and not path:
                continue
            if not any(ch.isalpha() for ch in host.rsplit(".", 1)[0]):
                continue
            if not self.allowed(host):
                return PatternHit("link", "link")
        return None
