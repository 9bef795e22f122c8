"""Settings of the long-term memory: what it embeds with, how it extracts facts, how much goes
into a prompt, and the chat command that makes the character forget a viewer."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from config.section import Section


class FactLLMSettings(Section):
    """An OpenAI-compatible chat model that extracts facts (and writes the stream's summary) as
    structured output."""

    base_url: str = Field(default="http://localhost:11434/v1", pattern=r"^https?://")
    """The /v1 base of the chat-completions endpoint (OpenAI, Ollama, vLLM, LM Studio...)."""
    model: str = Field(default="qwen2.5:7b-instruct", min_length=1, max_length=200)
    """The model's name on that server; it should follow a JSON schema (structured output)."""
    api_key: SecretStr = SecretStr("")
    """Secret, if the server wants one (local servers need none)."""
    timeout_s: float = Field(default=10.0, gt=0, le=120)
    """Seconds one batch's extraction may take; past it the batch keeps the rules' facts. Also
    one stream summary request's deadline."""
    batch: int = Field(default=20, ge=1, le=100)
    """Chat messages sent in one request (a larger batch is split)."""
    cooldown_s: float = Field(default=30.0, ge=0, le=3_600)
    """After a failure (down, slow, rate limited, garbage), the rules alone for this long (and
    no stream summary request either)."""
    summary: bool = True
    """The model also writes the stream's summary: the running one for idle turns and the one
    kept when the stream goes offline (checked, then passed by input safety; the extractive
    summary stays when it fails or is refused). false: the extractive summary alone."""
    summary_every_s: float = Field(default=60.0, ge=5, le=3_600)
    """At most one running-summary request this often (in the writer's background, within
    timeout_s)."""
    summary_min_events: int = Field(default=5, ge=1, le=10_000)
    """A running-summary request only after this many new lines since the last one (the
    streamer's final utterances, chat messages, raids, subs, gifts, cheers, title changes)."""
    summary_input_chars: int = Field(default=6_000, ge=500, le=100_000)
    """At most this many characters of the stream's recent lines in one summary request (the
    newest of each kind kept), besides the extractive summary and the model's previous one."""


class MemorySettings(Section):
    """Viewer memories, knowledge documents and their retrieval into the prompt."""

    enabled: bool = True
    """Remember what viewers say about themselves and recall it when they are answered."""
    embeddings: Literal["local", "openai"] = "local"
    """local: the bundled Universal Sentence Encoder (offline, numpy); openai: any
    OpenAI-compatible /v1/embeddings endpoint (see base_url, model, api_key)."""
    base_url: str = Field(default="http://localhost:11434/v1", pattern=r"^https?://")
    """The /v1 base of the embeddings endpoint, with embeddings = "openai"."""
    model: str = Field(default="nomic-embed-text", min_length=1, max_length=200)
    """The embedding model's name, with embeddings = "openai"."""
    api_key: SecretStr = SecretStr("")
    """The endpoint's API key, with embeddings = "openai" (local servers need none)."""
    vector_search: Literal["auto", "exact", "pgvector"] = "exact"
    """exact: compare the vectors in numpy on every database (faster and finds more at the
    benchmark's 100,000 memories and 10,000 chunks, see docs/memory.md); auto: pgvector's
    similarities and HNSW index where migration 0007 made its tables, the exact path elsewhere;
    pgvector: require them (startup fails without). Where the tables exist, the vectors are
    written into them in every mode."""
    keyword_search: Literal["database", "memory"] = "memory"
    """Where the keyword half of the hybrid search runs. database: the full-text index of
    migration 0008 (PostgreSQL tsvector with GIN, SQLite FTS5) supplies the keyword hits and
    their scores, fused with the vectors' as before (BM25 in memory where the index is
    missing); memory: BM25 in memory over the loaded chunks and the viewer's memories (the
    default: 0.03 ms against 3-11 ms per query on the benchmark, for one or two more of its
    300 queries found; docs/memory.md)."""
    extractor: Literal["rules", "llm"] = "rules"
    """rules: the extraction rules alone (made for the bundled 135M model); llm: the rules and a
    capable chat model's structured output (see llm), off the path to first audio."""
    llm: FactLLMSettings = FactLLMSettings()
    """The fact-extraction model, with extractor = "llm"."""
    forget_command: str = Field(default="!forgetme", pattern=r"^![A-Za-z0-9_]{2,30}$")
    """The chat command with which a viewer has everything about them forgotten (audited)."""
    prompt_tokens: int = Field(default=120, ge=0, le=2_000)
    """At most this many tokens (estimated) of memories and knowledge in one prompt (with
    notes = "lean": lean_prompt_tokens)."""
    notes: Literal["auto", "every_turn", "lean"] = "auto"
    """Which turns carry a viewer's memories. every_turn: every answered line, up to
    prompt_tokens. lean: the viewer's welcome turn (their first answered line in
    welcome_after_s) gets their best memories, later turns only the memories relevant to what
    they said (lean_min_score), at most lean_prompt_tokens in all, because every note token
    costs a small model on the CPU about 4 ms before its first audio (docs/memory.md). auto:
    lean with the local llama_cpp model, every_turn with a hosted one."""
    lean_prompt_tokens: int = Field(default=40, ge=0, le=2_000)
    """With notes = "lean": at most this many tokens (estimated) of notes in a viewer's turn
    (an idle turn, which nobody waits for, keeps prompt_tokens for the stream summary)."""
    lean_min_score: float = Field(default=0.2, ge=0, le=1)
    """With notes = "lean": beyond the welcome turn, a memory goes in when it is at least this
    relevant (0-1, vectors and keywords) to what the viewer said."""
    welcome_after_s: float = Field(default=1_800.0, ge=0, le=7 * 86_400)
    """With notes = "lean": a viewer's next answered line is a welcome turn again after this
    long (and after a restart)."""
    head_words: int = Field(default=4, ge=0, le=30)
    """A viewer's turn with notes, on a model whose chat template the bot knows (the bundled
    one, see llm.chat_template): the reply's first piece ("Oh, Sam!"), within this many words,
    is written from the prompt without the notes and spoken at once; the model reads the notes
    while it is heard and goes on from those words. 0: the notes come first, and first audio
    waits for them (about 4 ms a note token on the bundled model; docs/memory.md)."""
    summary_chars: int = Field(default=400, ge=0, le=4_000)
    """At most this many characters of the running stream summary (the model's or the
    extractive one, whose oldest moments go first) in an idle turn's prompt; 0: none. It also
    counts against prompt_tokens."""
    memories_per_turn: int = Field(default=4, ge=0, le=50)
    """A viewer's memories recalled for a turn (the most relevant to what they said)."""
    knowledge_per_turn: int = Field(default=2, ge=0, le=20)
    """Knowledge snippets recalled for a turn."""
    knowledge_min_score: float = Field(default=0.35, ge=0, le=1)
    """A knowledge snippet must score at least this (0-1, vectors and keywords) to be used."""
    recall_wait_ms: float = Field(default=30.0, ge=0, le=1_000)
    """How long a turn waits for its recall (started when the message arrived) before it goes
    on without it, so memory never holds up the first audio for long."""
