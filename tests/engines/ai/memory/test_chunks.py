"""Markdown chunking by heading and paragraph."""

from __future__ import annotations

from engines.ai.memory import chunk_markdown

DOC = """# Lore

Intro paragraph.

## The Shop
The shop is called the Crater Cup.
It sells Crater Chai.

- a list item
- another item

### Pebble

The shop cat.

## Schedule

Tuesday and Friday.
"""


def test_paragraphs_keep_their_heading_path() -> None:
    chunks = chunk_markdown(DOC)
    assert [(c.heading, c.text) for c in chunks] == [
        ("Lore", "Intro paragraph."),
        ("Lore > The Shop", "The shop is called the Crater Cup. It sells Crater Chai."),
        ("Lore > The Shop", "a list item another item"),
        ("Lore > The Shop > Pebble", "The shop cat."),
        ("Lore > Schedule", "Tuesday and Friday."),
    ]
    assert chunks[3].searchable == "Lore > The Shop > Pebble: The shop cat."
    assert [c.index for c in chunks] == list(range(5))


def test_a_long_paragraph_is_cut_at_sentence_ends() -> None:
    long = " ".join(f"Sentence number {i} is here." for i in range(60))
    chunks = chunk_markdown(long, max_chars=200)
    assert len(chunks) > 1
    assert all(len(c.text) <= 200 for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)
    assert " ".join(c.text for c in chunks) == long


def test_empty_text_has_no_chunks() -> None:
    assert chunk_markdown("\n\n# Only a heading\n") == []
