"""NotesGate: a viewer's welcome turn carries their best memories, later turns only what is
relevant to what they said, and the welcome comes round again after its interval."""

from __future__ import annotations

from engines.ai.memory.gate import NotesGate
from engines.ai.memory.prompt import Recalled

SAM = Recalled(
    viewer="Sam",
    memories=("likes to be called Sam", "has a cat named Mochi", "plays Celeste"),
    knowledge=("The stream runs on Fridays.",),
    memory_ids=("m1", "m2", "m3"),
    memory_scores=(0.0, 0.62, 0.05),
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_welcome_turn_carries_everything_then_only_what_is_relevant() -> None:
    clock = Clock()
    gate = NotesGate(min_score=0.2, welcome_after_s=600, clock=clock)
    assert gate.welcome("hiyori\n101")
    first = gate.apply(SAM, "hiyori\n101")
    assert first == SAM
    gate.given(first, "hiyori\n101", welcomed=True)

    later = gate.apply(SAM, "hiyori\n101")
    assert later.memories == ("has a cat named Mochi",)
    assert later.memory_ids == ("m2",) and later.memory_scores == (0.62,)
    assert later.knowledge == SAM.knowledge  # knowledge has its own floor
    assert gate.apply(SAM, "sora\n101") == SAM  # another persona's welcome is its own

    clock.now += 600
    assert gate.apply(SAM, "hiyori\n101") == SAM  # welcome again after the interval


def test_no_interval_means_every_turn_carries_everything() -> None:
    gate = NotesGate(min_score=0.9, welcome_after_s=None)
    gate.given(SAM, "hiyori\n101", welcomed=True)
    assert gate.apply(SAM, "hiyori\n101") == SAM


def test_a_turn_without_memories_does_not_use_up_the_welcome() -> None:
    gate = NotesGate(min_score=0.2, welcome_after_s=600)
    gate.given(Recalled(viewer="Sam", knowledge=("x",)), "hiyori\n101", welcomed=True)
    assert gate.welcome("hiyori\n101")
    gate.given(SAM, "hiyori\n101", welcomed=False)  # a gated turn does not restart the quiet time
    assert gate.welcome("hiyori\n101")


def test_the_welcome_state_is_bounded() -> None:
    gate = NotesGate(min_score=0.2, welcome_after_s=600, max_viewers=2)
    for viewer in ("a", "b", "c"):
        gate.given(SAM, viewer, welcomed=True)
    assert gate.welcome("a") and not gate.welcome("b") and not gate.welcome("c")
