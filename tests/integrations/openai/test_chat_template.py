"""The prompt a continued reply is sent as is exactly what the bundled model's own chat
template (stored in its GGUF file, rendered by llama-cpp-python as its server does) makes."""

from __future__ import annotations

import pytest
from llama_cpp import Llama
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

from engines.backends import Message
from integrations.llama_cpp.model import bundled_model_path
from integrations.openai.chat_template import render

CHATS = [
    (
        Message("system", "You are Aiko."),
        Message("user", 'Sam says: "hi Aiko!"\nYou remember Sam: has a cat.'),
    ),
    (
        Message("system", "You are Aiko."),
        Message("user", "hi"),
        Message("assistant", "Hey!"),
        Message("user", "how are you?"),
    ),
    (Message("user", "no system message here"),),
]


@pytest.fixture(scope="module")
def formatter() -> Jinja2ChatFormatter:
    vocab = Llama(model_path=str(bundled_model_path()), vocab_only=True, verbose=False)
    template = vocab.metadata["tokenizer.chat_template"]
    eos = vocab._model.token_get_text(vocab.token_eos())
    bos = vocab._model.token_get_text(vocab.token_bos())
    return Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)


@pytest.mark.parametrize("chat", CHATS, ids=["system-and-notes", "history", "no-system"])
def test_chatml_is_the_bundled_models_own_template(
    formatter: Jinja2ChatFormatter, chat: tuple[Message, ...]
) -> None:
    own = formatter(messages=[{"role": m.role, "content": m.content} for m in chat])
    assert render("chatml", chat, "") == own.prompt
    assert render("chatml", chat, "Oh, Sam,") == own.prompt + "Oh, Sam,"
    assert own.stop == "<|im_end|>" or own.stop == ["<|im_end|>"]
