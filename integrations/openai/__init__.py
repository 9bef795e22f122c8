"""OpenAI and every OpenAI-compatible server: the chat LLM and the moderation endpoint."""

from integrations.openai.llm import OpenAILLM
from integrations.openai.moderation import OpenAIModeration

__all__ = ["OpenAILLM", "OpenAIModeration"]
