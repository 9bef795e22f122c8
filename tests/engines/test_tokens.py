"""The one token-store interface every login-holding integration shares."""

from __future__ import annotations

import integrations.twitch as twitch
import integrations.vtube_studio as vts
from engines.tokens import MemoryTokenStore, NullTokenStore, TokenStore


async def test_memory_store_loads_what_it_saved_and_keeps_the_history() -> None:
    store = MemoryTokenStore("first")
    assert await store.load() == "first"
    await store.save("second")
    await store.save("third")
    assert await store.load() == "third"
    assert store.saved == ["second", "third"]
    assert await MemoryTokenStore().load() is None


async def test_null_store_forgets_everything() -> None:
    store = NullTokenStore()
    await store.save("anything")
    assert await store.load() is None


def test_both_integrations_use_the_one_definition() -> None:
    assert twitch.MemoryTokenStore is vts.MemoryTokenStore is MemoryTokenStore
    assert twitch.TokenStore is vts.TokenStore is TokenStore
    assert vts.NullTokenStore is NullTokenStore
