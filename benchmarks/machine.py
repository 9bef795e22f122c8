"""What the machine was doing during a measurement: CPU steal and load.

On a shared VM the hypervisor can take the CPU away from this guest ("steal"); latency
figures measured then are the host's, not the code's. Benchmarks print these beside
their figures so a reader can tell a noisy run from a slow change.
"""

from __future__ import annotations

import os
from pathlib import Path


def _cpu_jiffies() -> tuple[int, int] | None:
    """(steal, total) jiffies of all CPUs since boot, or None off Linux."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    values = [int(v) for v in fields[:8]]  # user nice system idle iowait irq softirq steal
    return values[7] if len(values) > 7 else 0, sum(values)


class MachineWatch:
    """``with MachineWatch() as m: ...``; then ``m.report()``: steal % and the 1-minute load."""

    def __enter__(self) -> MachineWatch:
        self._start = _cpu_jiffies()
        self._load_before = os.getloadavg()[0]
        return self

    def __exit__(self, *exc: object) -> None:
        self._end = _cpu_jiffies()
        self._load_after = os.getloadavg()[0]

    def report(self, prefix: str) -> dict[str, float]:
        out = {f"{prefix}_load_1m": round(max(self._load_before, self._load_after), 2)}
        if self._start is not None and self._end is not None:
            total = self._end[1] - self._start[1]
            steal = self._end[0] - self._start[0]
            out[f"{prefix}_cpu_steal_pct"] = round(100 * steal / total, 2) if total > 0 else 0.0
        return out
