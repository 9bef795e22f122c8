"""Long-term memory, the pure parts: what is worth remembering (extraction rules), how
documents are chunked, how remembered things are ranked and how they go into the prompt."""

from engines.ai.memory.chunks import Chunk, chunk_markdown
from engines.ai.memory.facts import Fact, extract_facts, is_forget_command
from engines.ai.memory.prompt import Recalled, render_notes
from engines.ai.memory.rank import KeywordIndex, hybrid_top

__all__ = [
    "Chunk",
    "Fact",
    "KeywordIndex",
    "Recalled",
    "chunk_markdown",
    "extract_facts",
    "hybrid_top",
    "is_forget_command",
    "render_notes",
]
