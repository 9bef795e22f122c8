"""Knowledge search in fewer dimensions: recall@5 and the scan's time, exact (512) against PCA
projections (256, 128), on the memory benchmark's 10,000 chunks.

    .venv/bin/python benchmarks/memory_dimensions.py

The chunks are the fictional streamer's lore plus generated game notes (as in
``benchmarks/memory.py``), embedded by the bundled sentence encoder; the queries are the
labelled knowledge queries of ``benchmarks/data/memory_queries.jsonl`` (both sets). The PCA is
fitted on the chunks only (``engines.ai.memory.rank.Projection``), never on the queries.
The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import MachineWatch
from benchmarks.memory import DATA, embed_distinct, filler_chunks
from engines.ai.memory import chunk_markdown
from engines.ai.memory.rank import KeywordIndex, Projection, hybrid_top
from integrations.sentence_encoder import USEEmbedder


def main() -> None:
    embedder = USEEmbedder()
    embedder.warm()
    lore = chunk_markdown((DATA / "memory_lore.md").read_text())
    filler = filler_chunks(10_000 - len(lore), random.Random(16))
    texts = [c.searchable for c in lore] + [c.searchable for c in filler]
    vectors = embed_distinct(embedder, texts)
    matrix = np.vstack([vectors[t] for t in texts]).astype(np.float32)
    lines = (DATA / "memory_queries.jsonl").read_text().splitlines()[1:]
    queries = [q for q in map(json.loads, lines) if q["viewer"] is None]
    query_vectors = embedder.embed([q["text"] for q in queries])
    keywords = KeywordIndex(texts)
    headings = [c.heading for c in lore]
    result: dict[str, float] = {"chunks": len(texts), "queries": len(queries)}
    with MachineWatch() as machine:
        for dims in (512, 256, 128):
            if dims == 512:
                searched, asked = matrix, query_vectors
            else:
                projection = Projection.fit(matrix, dims)
                searched, asked = projection.apply(matrix), projection.apply(query_vectors)
            hits = 0
            for q, v in zip(queries, asked, strict=True):
                top = hybrid_top(v, searched, keywords.scores(q["text"]), 5)
                hits += any(i < len(lore) and headings[i].endswith(q["expect"]) for i, _ in top)
            started = time.perf_counter()
            for _ in range(100):
                searched @ asked[0]
            result[f"recall_at_5_{dims}"] = round(hits / len(queries), 3)
            result[f"scan_ms_{dims}"] = round((time.perf_counter() - started) * 10, 2)
    result.update(machine.report("measured"))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
