"""The local LLM: a llama.cpp server (llama-cpp-python) run as a child process.

Talk to it with the OpenAI-compatible client in ``integrations.openai`` (``base_url`` of
the running :class:`LlamaServer`); this package only manages the process and the model file.
"""

from integrations.llama_cpp.model import ModelNotFound, bundled_model_path
from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig, LlamaServerError

__all__ = ["LlamaServer", "LlamaServerConfig", "LlamaServerError", "ModelNotFound", "bundled_model_path"]
