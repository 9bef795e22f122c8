"""Train the semantic safety layer's head (engines/ai/safety/data/semantic_head.npz).

    .venv/bin/python tools/train_safety_head.py            # train, pick thresholds, write the head
    .venv/bin/python tools/train_safety_head.py --report   # only print the validation figures

Data: ``tools/safety_data/train.jsonl`` (written for this head, by technique, plus the training
half of the red-team lines other projects ship, technique ``registry:*``) and
``tests/data/safety_labelled.jsonl`` (the rules' tuning set). The ``registry:*`` lines are never
in the validation 20%, so the thresholds are set on lines written for this bot. Never the evaluation set
``tests/data/safety_eval.jsonl``, ``tests/data/safety_registry.jsonl`` or the frozen holdout
``tests/data/safety_holdout.jsonl`` and ``tests/data/safety_fresh.jsonl``: this script refuses them.

Method: every line is embedded once with the bot's own embedder (USE multilingual) and hashed
into character and word n-grams (TF-IDF, ``engines.ai.safety.semantic.ngram_features``); a
network with one hidden layer of ``--hidden`` rectified units (scikit-learn's
``MLPClassifier``, seeded; ``--hidden 0``: a multinomial logistic regression with balanced
class weights) over both is fitted on 80% of the lines (stratified by category, seeded); on the other 20% the per-side threshold on the total
hostile probability is the lowest that keeps harmless lines of that side at or under
``--max-fpr`` blocked, and the per-class thresholds for minors and self-harm are set the same
way at half that rate. The head is then refitted on every line with those thresholds.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engines.ai.safety.decoders import strip_address  # noqa: E402
from engines.ai.safety.semantic import DEFAULT_HEAD, SemanticHead, SemanticHit, _vectorizers, ngram_features  # noqa: E402
from integrations.sentence_encoder import USEEmbedder  # noqa: E402

TRAIN = ROOT / "tools" / "safety_data" / "train.jsonl"
TUNE = ROOT / "tests" / "data" / "safety_labelled.jsonl"
EVAL = ROOT / "tests" / "data" / "safety_eval.jsonl"
REGISTRY = ROOT / "tests" / "data" / "safety_registry.jsonl"
HOLDOUT = ROOT / "tests" / "data" / "safety_holdout.jsonl"
FRESH = ROOT / "tests" / "data" / "safety_fresh.jsonl"

CLASSES = (
    "harmless",
    "hate",
    "harassment",
    "sexual",
    "minors",
    "self_harm",
    "pii",
    "spam",
    "injection",
    "other",
)
GROUP = {
    "slur": "hate", "obfuscated_slur": "hate", "hate_no_slur": "hate", "hate": "hate",
    "harassment_threat": "harassment", "harassment": "harassment", "threat": "harassment",
    "sexual": "sexual", "minors": "minors", "self_harm": "self_harm",
    "doxxing_pii": "pii", "doxxing": "pii", "pii": "pii",
    "spam_scam": "spam", "spam": "spam",
    "prompt_injection": "injection", "injection": "injection", "jailbreak_roleplay": "injection",
    "username": "other", "encoding_translation": "other",
}  # fmt: skip
ENCODED = (
    "base64",
    "rot13",
    "revers",
    "morse",
    "a1z26",
    "nato",
    "pig",
    "spaced",
    "homoglyph",
    "scrambl",
    "zero",
)
"""Techniques whose lines are encodings: the decoders read them, the head would learn noise."""


def load(path: Path) -> list[dict[str, Any]]:
    if path.resolve() in (EVAL.resolve(), REGISTRY.resolve(), HOLDOUT.resolve(), FRESH.resolve()):
        raise SystemExit("refusing to train on an evaluation set")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        label = "harmless" if row["label"] in ("ok", "harmless") else "hostile"
        technique = str(row.get("technique", ""))
        if label == "hostile" and any(t in technique.lower() for t in ENCODED):
            continue
        group = "harmless" if label == "harmless" else GROUP.get(row["category"], "other")
        if row.get("side") == "output" and row["category"] == "jailbreak_roleplay":
            group = "other"  # the bot in an evil persona: what it says, not an injection
        rows.append(
            {
                "text": row["text"],
                "group": group,
                "side": row.get("side", "input"),
                "category": row["category"],
                "registry": technique.startswith("registry:"),
            }
        )
    return rows


EMBEDDING_SCALE = 3.0
"""The embedding's weight beside the n-grams (both rows have unit length)."""


@dataclasses.dataclass(frozen=True)
class Shape:
    """The head's form: hidden units (0: none) and the hashed n-gram columns."""

    hidden: int = 256
    seeds: int = 1
    """Networks trained side by side from different seeds; their logits are averaged."""
    alpha: float = 1e-4
    iterations: int = 60
    char_features: int = 2**15
    word_features: int = 2**14
    c: float = 4.0


def idf_of(texts: list[str], shape: Shape) -> np.ndarray:
    """Smoothed inverse document frequency of every hashed n-gram, as scikit-learn computes it."""
    from scipy import sparse

    chars, words = _vectorizers(shape.char_features, shape.word_features)
    present = sparse.hstack([chars.transform(texts), words.transform(texts)]).tocsc()
    df = np.diff(present.indptr)
    idf: np.ndarray = (np.log((1 + len(texts)) / (1 + df)) + 1.0).astype(np.float32)
    return idf


def fit(texts: list[str], x: np.ndarray, y: np.ndarray, shape: Shape) -> SemanticHead:
    from scipy import sparse

    idf = idf_of(texts, shape)
    ngrams = ngram_features(texts, idf, shape.char_features)
    features = sparse.hstack([ngrams, sparse.csr_matrix(x * EMBEDDING_SCALE)]).tocsr()
    if shape.hidden:
        return fit_hidden(features, y, idf, ngrams, shape)
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=shape.c, class_weight="balanced", max_iter=3000)
    model.fit(features, y)
    split = features.shape[1] - x.shape[1]
    ngram = np.zeros((split, len(CLASSES)), dtype=np.float32)
    weight = np.zeros((x.shape[1], len(CLASSES)), dtype=np.float32)
    bias = np.full(len(CLASSES), -30.0, dtype=np.float32)  # a class with no examples never wins
    for column, cls in enumerate(model.classes_):
        ngram[:, cls] = model.coef_[column][:split]
        weight[:, cls] = model.coef_[column][split:]
        bias[cls] = model.intercept_[column]
    return SemanticHead(
        CLASSES, weight, bias, {}, ngram_weight=ngram, idf=idf, embedding_scale=EMBEDDING_SCALE,
        char_features=shape.char_features,
    )  # fmt: skip


def fit_hidden(features: Any, y: np.ndarray, idf: np.ndarray, ngrams: Any, shape: Shape) -> SemanticHead:
    """The network with one hidden layer. The rows of n-grams no training line has are zeroed:
    they keep their random start otherwise, and would add noise for every unseen spelling."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    split = ngrams.shape[1]
    unseen = np.diff(ngrams.tocsc().indptr) == 0
    ngrams_w, embed_w, hidden_b, outs_w, outs_b = [], [], [], [], []
    for seed in range(shape.seeds):
        model = MLPClassifier(
            hidden_layer_sizes=(shape.hidden,),
            alpha=shape.alpha,
            max_iter=shape.iterations,
            random_state=seed,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # a fixed number of passes, by choice
            model.fit(features, y)
        first, second = model.coefs_
        ngram = np.asarray(first[:split], dtype=np.float32)
        ngram[unseen] = 0.0
        out_weight = np.zeros((shape.hidden, len(CLASSES)), dtype=np.float32)
        out_bias = np.full(len(CLASSES), -30.0, dtype=np.float32)  # a class with no examples never wins
        for column, cls in enumerate(model.classes_):
            out_weight[:, cls] = second[:, column]
            out_bias[cls] = model.intercepts_[1][column]
        ngrams_w.append(ngram)
        embed_w.append(np.asarray(first[split:], dtype=np.float32))
        hidden_b.append(np.asarray(model.intercepts_[0], dtype=np.float32))
        outs_w.append(out_weight / shape.seeds)
        outs_b.append(out_bias)
    # Several seeded networks side by side are one wider network whose logits are their mean:
    # the same file format and the same code at run time.
    return SemanticHead(
        CLASSES,
        np.hstack(embed_w),
        np.concatenate(hidden_b),
        {},
        ngram_weight=np.hstack(ngrams_w),
        idf=idf,
        embedding_scale=EMBEDDING_SCALE,
        out_weight=np.vstack(outs_w),
        out_bias=np.mean(outs_b, axis=0).astype(np.float32),
        char_features=shape.char_features,
    )


def validation_mask(rows: list[dict[str, Any]]) -> np.ndarray:
    """The 20% of each category and side that sets the thresholds (seeded). Lines from other
    projects' red-team data only train: the thresholds hold the false positives of lines shaped
    like this bot's chat and sentences. The groups go in sorted order: a set's order changes
    with each process's string hashing, and with it which lines were held out."""
    rng = np.random.default_rng(20261206)
    val = np.zeros(len(rows), dtype=bool)
    for group in sorted(set(r["category"] + r["side"] for r in rows)):
        idx = [i for i, r in enumerate(rows) if r["category"] + r["side"] == group and not r["registry"]]
        rng.shuffle(idx)
        val[idx[: max(1, len(idx) // 5)]] = True
    return val


def threshold_for(scores: np.ndarray, max_fpr: float) -> float:
    """The lowest threshold that blocks at most ``max_fpr`` of these harmless scores."""
    if len(scores) == 0:
        return 0.5
    ranked = np.sort(scores)[::-1]
    allowed = int(np.floor(max_fpr * len(ranked)))
    return float(min(0.9995, max(0.35, float(np.nextafter(ranked[allowed], 1.0)))))


def classifier_veto(texts: list[str], hostile: np.ndarray, harmless: np.ndarray, max_lost: float) -> float:
    """The highest hostile probability below which the profanity classifier's blocks may be
    overruled, losing at most ``max_lost`` of the hostile lines it blocks (validation lines)."""
    from engines.ai.safety.classifier import classifier_text, default_classifier
    from engines.ai.safety.normalize import normalize
    from engines.ai.safety.pipeline import DEFAULT_CLASSIFIER_THRESHOLD

    scored = []
    for text in texts:
        norm = normalize(text)
        scored.append(classifier_text(norm.joined if norm.joined is not None else norm.tokens))
    flagged = np.array(default_classifier().scores(scored)) >= DEFAULT_CLASSIFIER_THRESHOLD
    return veto_floor(hostile[flagged & ~harmless], max_lost)


def rule_veto(
    texts: list[str], sides: np.ndarray, hostile: np.ndarray, harmless: np.ndarray, max_lost: float
) -> float:
    """:func:`classifier_veto` for the soft rules (``pipeline.SOFT_RULES``)."""
    from engines.ai.safety import SafetyPipeline

    rules = SafetyPipeline(classifier=None)
    soft = np.array([
        side != "name" and rules.soft_rule(text, "output" if side == "output" else "input") is not None
        for text, side in zip(texts, sides, strict=True)
    ])  # fmt: skip
    return veto_floor(hostile[soft & ~harmless], max_lost)


def veto_floor(caught: np.ndarray, max_lost: float) -> float:
    """The highest floor (0.01 to 0.25: a line the head finds a quarter hostile keeps the
    layer's block) under which at most ``max_lost`` of ``caught`` (the
    hostile probabilities of hostile lines a layer blocks) fall."""
    best = 0.0
    for floor in np.arange(0.01, 0.26, 0.01):
        if (caught < floor).sum() <= max_lost * max(len(caught), 1):
            best = float(round(floor, 2))
    return best


def _blocks(hit: SemanticHit | None) -> bool:
    return hit is not None and hit.blocked


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--max-fpr", type=float, default=0.01, help="harmless lines blocked per side on validation"
    )
    ap.add_argument("--hidden", type=int, default=Shape.hidden, help="hidden units; 0: logistic regression")
    ap.add_argument("--seeds", type=int, default=Shape.seeds, help="networks averaged (seeds 0..N-1)")
    ap.add_argument("--alpha", type=float, default=Shape.alpha, help="the network's L2 penalty")
    ap.add_argument("--iterations", type=int, default=Shape.iterations, help="the network's passes")
    ap.add_argument("--c", type=float, default=Shape.c, help="the regression's inverse regularisation")
    ap.add_argument(
        "--max-caution",
        type=float,
        default=0.05,
        help="harmless input lines not answered (caution) on validation",
    )
    ap.add_argument(
        "--max-veto-loss",
        type=float,
        default=0.01,
        help="hostile lines the profanity classifier (or a soft rule) blocks that the head's veto may let through",
    )
    ap.add_argument(
        "--output-threshold",
        type=float,
        default=None,
        help="fix the bot-sentence threshold instead of the --max-fpr rule (the shipped head: 0.9513, "
        "the previous head's; the rule gave 0.990 once the short harmless bot lines were in)",
    )
    ap.add_argument("--report", action="store_true", help="do not write the head")
    ap.add_argument("--out", type=Path, default=DEFAULT_HEAD)
    args = ap.parse_args()

    rows = (load(TRAIN) if TRAIN.exists() else []) + load(TUNE)
    texts = [strip_address(r["text"]) for r in rows]  # as SemanticLayer.check reads them
    embedder = USEEmbedder(threads=1)
    x = np.concatenate([embedder.embed(texts[i : i + 256]) for i in range(0, len(texts), 256)])
    y = np.array([CLASSES.index(r["group"]) for r in rows])
    sides = np.array([r["side"] for r in rows])

    val = validation_mask(rows)

    array = np.array(texts, dtype=object)
    shape = Shape(
        hidden=args.hidden, seeds=args.seeds, alpha=args.alpha, iterations=args.iterations, c=args.c
    )
    probe = fit(list(array[~val]), x[~val], y[~val], shape)
    p = probe.probabilities(x[val], list(array[val]))
    hostile = 1.0 - p[:, 0]
    harmless = y[val] == 0
    thresholds = {}
    for side in ("input", "output", "name"):
        mask = harmless & (sides[val] == side)
        thresholds[side] = threshold_for(hostile[mask], args.max_fpr)
    if args.output_threshold is not None:
        thresholds["output"] = args.output_threshold
    class_thresholds = {}
    for cls in ("minors", "self_harm"):
        col = CLASSES.index(cls)
        class_thresholds[cls] = max(threshold_for(p[harmless, col], args.max_fpr / 2), 0.3)
    mask = harmless & (sides[val] == "input")
    caution = {"input": min(threshold_for(hostile[mask], args.max_caution), thresholds["input"] - 0.01)}
    veto = classifier_veto(list(array[val]), hostile, harmless, args.max_veto_loss)
    soft_veto = rule_veto(list(array[val]), sides[val], hostile, harmless, args.max_veto_loss)
    head = dataclasses.replace(
        probe, thresholds=thresholds, class_thresholds=class_thresholds, caution=caution,
        classifier_veto=veto, rule_veto=soft_veto,
    )  # fmt: skip

    report: dict[str, Any] = {"train_lines": int((~val).sum()), "validation_lines": int(val.sum())}
    blocked = np.array([_blocks(head.judge(row, str(side))) for row, side in zip(p, sides[val], strict=True)])  # type: ignore[arg-type]
    by: dict[str, list[int]] = {}
    for ok, r in zip(blocked, [rows[i] for i in np.flatnonzero(val)], strict=True):
        key = f"{'harmless' if r['group'] == 'harmless' else 'hostile'}:{r['category']}"
        by.setdefault(key, [0, 0])
        by[key][0] += int(ok)
        by[key][1] += 1
    report["validation"] = {k: round(v[0] / v[1], 3) for k, v in sorted(by.items())}
    val_rows = [rows[i] for i in np.flatnonzero(val)]
    for side in ("input", "output", "name"):
        for label in ("hostile", "harmless"):
            picked = [
                bool(b) for b, r in zip(blocked, val_rows, strict=True)
                if r["side"] == side and (r["group"] == "harmless") == (label == "harmless")
            ]  # fmt: skip
            if picked:
                report[f"blocked_{label}_{side}"] = round(sum(picked) / len(picked), 3)
    report["thresholds"] = thresholds
    report["caution"] = caution
    report["class_thresholds"] = class_thresholds
    report["classifier_veto"] = veto
    report["rule_veto"] = soft_veto
    verdicts = [head.judge(row, str(side)) for row, side in zip(p, sides[val], strict=True)]  # type: ignore[arg-type]
    for label in ("hostile", "harmless"):
        picked = [
            v is not None for v, r in zip(verdicts, val_rows, strict=True)
            if r["side"] == "input" and (r["group"] == "harmless") == (label == "harmless")
        ]  # fmt: skip
        report[f"not_answered_{label}_input"] = round(sum(picked) / max(len(picked), 1), 3)
    print(json.dumps(report, indent=1))
    if args.report:
        return
    final = dataclasses.replace(
        fit(texts, x, y, shape),
        thresholds=thresholds,
        class_thresholds=class_thresholds,
        caution=caution,
        classifier_veto=veto,
        rule_veto=soft_veto,
        embedder=embedder.name,
    )
    digest = hashlib.sha256((TRAIN.read_bytes() if TRAIN.exists() else b"") + TUNE.read_bytes()).hexdigest()[
        :16
    ]
    counts = Counter(r["group"] for r in rows)
    final.save(
        args.out,
        data_sha256=digest,
        lines=len(rows),
        counts=dict(counts),
        shape=dataclasses.asdict(shape),
        max_fpr=args.max_fpr,
    )
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) from {len(rows)} lines")


if __name__ == "__main__":
    main()
