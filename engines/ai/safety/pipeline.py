"""The safety pipeline: every layer, in order, for chat input and for the bot's sentences.

Layers (the first that objects decides):

1. normalisation (:mod:`~engines.ai.safety.normalize`), always;
2. blocklist: global list + persona words + runtime bans (:mod:`~engines.ai.safety.blocklist`),
   then abuse in Cyrillic, CJK and Hangul read on the original text (:mod:`~engines.ai.safety.foreign`);
3. personal data / doxxing, then links (:mod:`~engines.ai.safety.patterns`);
4. prompt injection, input only (:mod:`~engines.ai.safety.injection`);
5. threats, self-harm intent and sexual requests by sentence shape (:mod:`~engines.ai.safety.harm`),
   then the offline classifier on the text with harmless gaming context removed
   (:mod:`~engines.ai.safety.classifier`);
6. the moderation backend, async paths only, when one is configured.

What counts as hostile (the labelled set in ``tests/data/safety_labelled.jsonl`` is the
reference): slurs, harassment and insults, threats, sexual content, self-harm bait,
doxxing and personal data, prompt injection, spam links. Mild swearing used as an
exclamation ("holy shit that was insane") and in-game violence ("kill the dragon") are
ordinary chat on input; on output the ``[profanity output]`` part of the blocklist
keeps the character from swearing (``block_output_profanity``).

Cost: the local path is pure Python over precompiled tables, tens of microseconds for a
chat line once warm. The classifier model is loaded lazily (seconds, once per process):
call :meth:`SafetyPipeline.warm` at start-up, or let the async methods load it in a
worker thread.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import logging
import re
from collections.abc import Iterable, Sequence
from typing import Final, Literal

from engines.ai.safety.blocklist import Blocklist, BlockMatch
from engines.ai.safety.classifier import (
    Classifier,
    ProfanityCheckClassifier,
    classifier_text,
    default_classifier,
)
from engines.ai.safety.decision import Layer, ModerationBackend, SafetyDecision, Stage, Verdict
from engines.ai.safety.decoders import variants
from engines.ai.safety.foreign import find_foreign
from engines.ai.safety.harm import find_harm
from engines.ai.safety.injection import find_injection
from engines.ai.safety.names import is_prank_name
from engines.ai.safety.normalize import Normalized, normalize, split_name
from engines.ai.safety.patterns import DEFAULT_ALLOWED_DOMAINS, LinkFinder, find_pii
from engines.ai.safety.semantic import SemanticLayer, Side

__all__ = ["DEFAULT_CLASSIFIER_THRESHOLD", "SafetyPipeline"]

log = logging.getLogger(__name__)

DEFAULT_CLASSIFIER_THRESHOLD: Final = 0.8
"""Middle of the best plateau (0.70-0.85) on the tune split (``benchmarks/safety_eval.py --sweep``)."""
DEFAULT_MODERATION_TIMEOUT_S: Final = 1.5

_REASONS: Final = {
    "slur": "blocked term (slur)",
    "sexual": "blocked term (sexual)",
    "harassment": "blocked term (harassment)",
    "threat": "blocked term (threat)",
    "self_harm": "blocked term (self-harm)",
    "spam": "blocked term (spam)",
    "profanity": "blocked term (profanity)",
}


_HANDLE: Final = re.compile(r"\b(?=\w*(?:[a-z][A-Z]|_|[A-Za-z]\d|\d[A-Za-z]))\w{4,}\b")
"""A word shaped like a username: camel case, an underscore, or letters and digits mixed."""
SOFT_RULES: Final = frozenset({(Layer.BLOCKLIST, "sexual"), (Layer.INJECTION, "roleplay_override")})
"""Rule hits that words alone make and meaning may overrule ("Moby Dick", "blue tits",
"pretend you're a tour guide"): the semantic head's ``rule_veto`` decides them."""


def _without_soft(blocklist: Blocklist) -> Blocklist:
    """The global list less its soft sections (a persona's or a moderator's words stay hard)."""
    soft = {category for layer, category in SOFT_RULES if layer is Layer.BLOCKLIST}
    return Blocklist(e for e in blocklist.entries if not (e.source == "global" and e.category in soft))


def _blocklist_reason(hit: BlockMatch) -> str:
    reason = _REASONS.get(hit.category, f"blocked term ({hit.category})")
    if hit.source != "global":
        reason += f" [{hit.source} list]"
    return reason


class SafetyPipeline:
    """Checks viewer input and the bot's output sentences. Immutable once built; share it.

    ``extra_blocklist``: a persona's words/phrases (``stem*`` allowed) added to the global list.
    ``blocklist``: replaces the global list entirely (tests, a custom deployment).
    ``allowed_domains``: link hosts that pass (subdomains included).
    ``classifier``: ``"default"`` for the shared profanity_check model, ``None`` to skip layer 5.
    ``classifier_threshold``: probability at or above which layer 5 blocks.
    ``moderation``: optional remote backend, consulted by the ``acheck_*`` methods after the
    local layers allow; ``moderation_timeout_s`` bounds it. On error or timeout the local
    decision stands (fail open) unless the stage is in ``moderation_fail_closed``: then the
    text is blocked, with the reason logged (fail closed). ``moderation_fail_closed`` takes the
    stages, or a bool for both stages or neither. The default, ``("output",)``, drops the bot's
    sentence when the judge is late or down and lets viewer chat through on the local layers.
    ``block_output_profanity``: block mild swearing in the bot's own sentences.
    ``semantic``: the semantic layer (an embedder and its trained head), run on the text and
    on its decoded variants after the rules; ``None`` skips it (the registry always sets it).
    """

    def __init__(
        self,
        *,
        extra_blocklist: Iterable[str] = (),
        blocklist: Blocklist | None = None,
        allowed_domains: Iterable[str] = DEFAULT_ALLOWED_DOMAINS,
        classifier: Classifier | Literal["default"] | None = "default",
        classifier_threshold: float = DEFAULT_CLASSIFIER_THRESHOLD,
        moderation: ModerationBackend | None = None,
        moderation_timeout_s: float = DEFAULT_MODERATION_TIMEOUT_S,
        moderation_fail_closed: bool | Iterable[Stage] = ("output",),
        block_output_profanity: bool = True,
        semantic: SemanticLayer | None = None,
    ) -> None:
        if not 0.0 < classifier_threshold <= 1.0:
            raise ValueError("classifier_threshold must be in (0, 1]")
        if moderation_timeout_s <= 0:
            raise ValueError("moderation_timeout_s must be positive")
        if isinstance(moderation_fail_closed, bool):
            fail_closed: frozenset[Stage] = (
                frozenset(("input", "output")) if moderation_fail_closed else frozenset()
            )
        else:
            fail_closed = frozenset(moderation_fail_closed)
            if not fail_closed <= {"input", "output"}:
                raise ValueError('moderation_fail_closed takes the stages "input" and "output"')
        base = blocklist if blocklist is not None else Blocklist.default()
        self._blocklist = base.extended(extra_blocklist, source="persona", category="persona")
        self._hard_blocklist = _without_soft(self._blocklist)
        self._links = LinkFinder(allowed_domains)
        self._classifier: Classifier | None = default_classifier() if classifier == "default" else classifier
        self.classifier_threshold = classifier_threshold
        self._moderation = moderation
        self.moderation_timeout_s = moderation_timeout_s
        self.moderation_fail_closed = fail_closed
        """The stages where a late or failed moderation backend blocks the text."""
        self.block_output_profanity = block_output_profanity
        self._semantic = semantic
        self._names: dict[str, bool] = {}
        """check_name's answers: a viewer's name is checked on every turn that mentions them."""

    # ------------------------------------------------------------ configuration

    @property
    def blocklist(self) -> Blocklist:
        return self._blocklist

    @property
    def has_moderation(self) -> bool:
        """A remote moderation backend is configured (use the ``acheck_*`` methods)."""
        return self._moderation is not None

    @property
    def allowed_domains(self) -> tuple[str, ...]:
        return self._links.allowed_domains

    def with_blocklist(self, words: Iterable[str], *, source: str = "runtime") -> SafetyPipeline:
        """A copy with ``words`` banned too (a moderator's ban, a persona switch). Cheap:
        only the blocklist index is rebuilt; the classifier and patterns are shared."""
        clone = copy.copy(self)
        clone._blocklist = self._blocklist.extended(words, source=source, category=source)
        clone._hard_blocklist = _without_soft(clone._blocklist)
        clone._names = {}
        return clone

    def warm(self) -> None:
        """Load the classifier model now (seconds) rather than on the first message."""
        normalize("warm up ｔｈｅ tables")
        if isinstance(self._classifier, ProfanityCheckClassifier):
            self._classifier.load()
        if self._semantic is not None:
            self._semantic.warm()

    def _needs_warming(self) -> bool:
        semantic_cold = self._semantic is not None and not getattr(self._semantic.embedder, "loaded", True)
        return semantic_cold or (
            isinstance(self._classifier, ProfanityCheckClassifier) and not self._classifier.loaded
        )

    @property
    def has_semantic(self) -> bool:
        """The semantic layer runs."""
        return self._semantic is not None

    @property
    def semantic(self) -> SemanticLayer | None:
        """The semantic layer, or None."""
        return self._semantic

    # ------------------------------------------------------------ sync, local layers

    def check_input(self, text: str) -> SafetyDecision:
        """All local layers, injection included, for one viewer message."""
        return self._check_batch([text], "input")[0]

    def check_output(self, text: str) -> SafetyDecision:
        """All local layers except injection, for one sentence the bot is about to say."""
        return self._check_batch([text], "output")[0]

    def check_inputs(self, texts: Sequence[str]) -> list[SafetyDecision]:
        """:meth:`check_input` for many messages, with one classifier call for the batch."""
        return self._check_batch(texts, "input")

    def check_outputs(self, texts: Sequence[str]) -> list[SafetyDecision]:
        return self._check_batch(texts, "output")

    def check_name(self, display_name: str) -> bool:
        """True if a viewer's display name is safe to read aloud.

        Names run words together, so besides the normal word matching, long blocked
        terms are searched inside the name (with ordinary words such as "Scunthorpe" or
        "assassin" taken out first), and links, personal data and injection phrases in
        a name make it unsafe too. An unsafe name should be replaced ("someone"), not
        reason to ignore the viewer.
        """
        known = self._names.get(display_name)
        if known is None:
            known = self._names[display_name] = self._name_ok(display_name)
            if len(self._names) > 10_000:
                self._names.pop(next(iter(self._names)))
        return known

    def _reads_unsafe_name(self, sentence: str) -> bool:
        """The sentence says a handle (``MoeLester``, ``xX_name_Xx``, ``Hugh_Jass99``) that the
        name check's word rules would not read aloud (a blocked term inside it, or a prank name
        by sound): a viewer's name inside chat or event text reaches the character's reply
        without passing the name check. The name check's semantic and classifier layers are
        not used here; they read ordinary brand words ("PlayStation") as names too strictly."""
        return any(
            self._name_words_unsafe(handle, normalize(split_name(handle)))
            for handle in _HANDLE.findall(sentence)
        )

    def _name_words_unsafe(self, display_name: str, norm: Normalized) -> bool:
        """The name's word rules: a blocked term inside it, or a prank name by sound."""
        return self._blocklist.match_name(norm) is not None or is_prank_name(display_name)

    def _name_ok(self, display_name: str) -> bool:
        norm = normalize(split_name(display_name))
        if not norm.tokens:
            return True
        if self._name_words_unsafe(display_name, norm):
            return False
        if self._links.find(norm) is not None or find_pii(norm) is not None:
            return False
        if find_injection(norm) is not None:
            return False
        if (
            self._semantic is not None
            and self._semantic.check([" ".join(norm.tokens)], ["name"])[0] is not None
        ):
            return False
        if self._classifier is not None:
            text = classifier_text(norm.tokens)
            if text and self._classifier.scores([text])[0] >= self.classifier_threshold:
                return False
        return True

    def soft_rule(self, text: str, stage: Stage) -> SafetyDecision | None:
        """The rules' block when its only grounds are a soft rule (:data:`SOFT_RULES`), else None."""
        norm = normalize(text)
        decision = self._rules(norm, stage)
        return decision if self._only_soft(norm, stage, decision) else None

    def _only_soft(self, norm: Normalized, stage: Stage, decision: SafetyDecision | None) -> bool:
        """``decision`` (the rules' first block) is soft, and no hard rule blocks too."""
        return (
            decision is not None
            and (decision.layer, decision.category) in SOFT_RULES
            and self._rules(norm, stage, hard=True) is None
        )

    def _rules(self, norm: Normalized, stage: Stage, *, hard: bool = False) -> SafetyDecision | None:
        """The first rule that blocks; ``hard``: ignoring :data:`SOFT_RULES`."""
        blocklist = self._hard_blocklist if hard else self._blocklist
        hit = blocklist.match(norm, output=stage == "output" and self.block_output_profanity)
        if hit is not None:
            return self._block(norm, stage, Layer.BLOCKLIST, _blocklist_reason(hit), hit.category)
        foreign = find_foreign(norm.original)
        if foreign is not None:
            reason = _REASONS.get(foreign.category, f"blocked term ({foreign.category})")
            return self._block(norm, stage, Layer.BLOCKLIST, reason, foreign.category)
        pii = find_pii(norm)
        if pii is not None:
            return self._block(norm, stage, Layer.PII, pii.reason, pii.category)
        link = self._links.find(norm)
        if link is not None:
            return self._block(norm, stage, Layer.LINK, link.reason, link.category)
        if stage == "input":
            injection = find_injection(norm)
            if injection is not None and not (hard and (Layer.INJECTION, injection.category) in SOFT_RULES):
                return self._block(norm, stage, Layer.INJECTION, injection.reason, injection.category)
        harm = find_harm(norm)
        if harm is not None:
            return self._block(norm, stage, Layer.HARM, harm.reason, harm.category)
        return None

    def _check_batch(self, texts: Sequence[str], stage: Stage) -> list[SafetyDecision]:
        results: list[SafetyDecision | None] = [None] * len(texts)
        forms: list[tuple[int, Normalized, list[str]]] = []
        soft: dict[int, SafetyDecision] = {}
        vetoable = self._semantic is not None and self._semantic.rule_veto > 0
        for i, text in enumerate(texts):
            norm = normalize(text)
            decision = self._rules(norm, stage)
            if vetoable and decision is not None and self._only_soft(norm, stage, decision):
                soft[i], decision = decision, None
            if decision is None and stage == "output" and self._reads_unsafe_name(text):
                decision = self._block(
                    norm, stage, Layer.BLOCKLIST, "reads out a name unsafe to say", "unsafe_name"
                )
            decoded = variants(text) if decision is None else []
            for plain in decoded:
                hit = self._rules(normalize(plain), stage)
                if hit is not None:
                    decision = self._block(norm, stage, hit.layer, f"{hit.reason} (decoded)", hit.category)
                    break
            if decision is not None:
                results[i] = decision
            else:
                forms.append((i, norm, decoded))
        cautions: dict[int, str] = {}
        hostile: dict[int, float] = {}
        if self._semantic is not None and forms:
            forms = self._semantic_pass(texts, forms, stage, results, cautions, hostile)
        if soft:
            forms = self._soft_pass(forms, soft, hostile, results)
        self._classifier_pass(forms, stage, results, hostile)
        for i, caution in cautions.items():
            decision = results[i]
            if decision is not None and not decision.blocked:
                results[i] = dataclasses.replace(decision, caution=caution)
        return [r for r in results if r is not None]

    def _semantic_pass(
        self,
        texts: Sequence[str],
        forms: list[tuple[int, Normalized, list[str]]],
        stage: Stage,
        results: list[SafetyDecision | None],
        cautions: dict[int, str],
        hostile: dict[int, float],
    ) -> list[tuple[int, Normalized, list[str]]]:
        """Block what the semantic layer objects to (the text or any decoding); the rest goes on,
        with a caution (in ``cautions``, by text index) where the layer leans hostile. ``hostile``
        gets every text's highest hostile probability (over it and its decodings)."""
        assert self._semantic is not None
        batch: list[str] = []
        owner: list[int] = []
        for k, (i, _norm, decoded) in enumerate(forms):
            for text in (texts[i], *decoded):
                batch.append(text)
                owner.append(k)
        side: Side = "output" if stage == "output" else "input"
        hits = self._semantic.assess(batch, [side] * len(batch))
        flagged: dict[int, tuple[str, float]] = {}
        for k, (hit, score) in zip(owner, hits, strict=True):
            i = forms[k][0]
            hostile[i] = max(hostile.get(i, 0.0), score)
            if hit is None:
                continue
            if hit.blocked and k not in flagged:
                flagged[k] = (hit.category, hit.score)
            elif not hit.blocked:
                cautions.setdefault(forms[k][0], f"{hit.category} {hit.score:.2f}")
        rest = []
        for k, (i, norm, decoded) in enumerate(forms):
            if k in flagged:
                category, score = flagged[k]
                results[i] = self._block(
                    norm, stage, Layer.SEMANTIC, f"meaning ({category})", category, score
                )
            else:
                rest.append((i, norm, decoded))
        return rest

    def _soft_pass(
        self,
        forms: list[tuple[int, Normalized, list[str]]],
        soft: dict[int, SafetyDecision],
        hostile: dict[int, float],
        results: list[SafetyDecision | None],
    ) -> list[tuple[int, Normalized, list[str]]]:
        """A soft rule's block stands unless the semantic layer read the line (and every
        decoding of it) as plainly harmless: under the head's ``rule_veto``."""
        veto = self._semantic.rule_veto if self._semantic is not None else 0.0
        rest = []
        for form in forms:
            i = form[0]
            if i in soft and hostile.get(i, 1.0) >= veto:
                results[i] = soft[i]
            else:
                rest.append(form)
        return rest

    def _classifier_pass(
        self,
        forms: list[tuple[int, Normalized, list[str]]],
        stage: Stage,
        results: list[SafetyDecision | None],
        hostile: dict[int, float],
    ) -> None:
        """The profanity classifier, overruled where the semantic layer read the line (and its
        decodings) as plainly harmless: below the head's ``classifier_veto``."""
        veto = self._semantic.classifier_veto if self._semantic is not None else 0.0
        pending: list[tuple[int, Normalized, str]] = []
        for i, norm, _decoded in forms:
            scored = classifier_text(norm.joined if norm.joined is not None else norm.tokens)
            if self._classifier is not None and scored:
                pending.append((i, norm, scored))
            else:
                results[i] = self._allow(norm, stage)
        if not pending or self._classifier is None:
            return
        scores = self._classifier.scores([scored for _, _, scored in pending])
        for (i, norm, _), score in zip(pending, scores, strict=True):
            if score >= self.classifier_threshold and not (i in hostile and hostile[i] < veto):
                results[i] = self._block(
                    norm, stage, Layer.CLASSIFIER, "toxicity classifier", "toxicity", score
                )
            else:
                results[i] = self._allow(norm, stage, score)

    @staticmethod
    def _block(
        norm: Normalized, stage: Stage, layer: Layer, reason: str, category: str, score: float | None = None
    ) -> SafetyDecision:
        return SafetyDecision(Verdict.BLOCK, layer, reason, stage, norm.clean, score, category)

    @staticmethod
    def _allow(norm: Normalized, stage: Stage, score: float | None = None) -> SafetyDecision:
        return SafetyDecision(Verdict.ALLOW, Layer.NONE, "passed all layers", stage, norm.clean, score)

    # ------------------------------------------------------------ async, with moderation

    async def acheck_input(self, text: str) -> SafetyDecision:
        """:meth:`check_input`, then the moderation backend if configured and the text passed."""
        return await self._acheck(text, "input")

    async def acheck_output(self, text: str) -> SafetyDecision:
        """:meth:`check_output`, then the moderation backend if configured and the text passed."""
        return await self._acheck(text, "output")

    async def _acheck(self, text: str, stage: Stage) -> SafetyDecision:
        if self._needs_warming():
            await asyncio.to_thread(self.warm)
        local = self._check_batch([text], stage)[0]
        if local.blocked or self._moderation is None:
            return local
        try:
            async with asyncio.timeout(self.moderation_timeout_s):
                result = await self._moderation.check(text, stage=stage)
        except Exception as exc:  # any backend failure, timeouts included
            late = isinstance(exc, TimeoutError)
            detail = str(exc) or (f"no answer within {self.moderation_timeout_s:g} s" if late else "")
            if stage not in self.moderation_fail_closed:
                log.warning(
                    "moderation backend failed on %s (%s: %s); using the local decision",
                    stage,
                    type(exc).__name__,
                    detail,
                )
                return local
            reason = f"moderation {'timed out' if late else 'unavailable'} (fail-closed)"
            log.warning(
                "moderation backend failed on %s (%s: %s); %s: %s",
                stage,
                type(exc).__name__,
                detail,
                "dropped the sentence" if stage == "output" else "blocked the message",
                reason,
            )
            return SafetyDecision(
                Verdict.BLOCK, Layer.MODERATION, reason, stage, local.normalized, None, "unavailable"
            )
        if result.flagged:
            categories = ", ".join(result.categories) or "flagged"
            return SafetyDecision(
                Verdict.BLOCK,
                Layer.MODERATION,
                f"moderation service: {categories}",
                stage,
                local.normalized,
                result.score,
                result.categories[0] if result.categories else "flagged",
            )
        return local
