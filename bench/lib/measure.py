"""Timings, peak memory and how parallel the machine is: what the benchmarks measure with."""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Timing:
    """Documents done and seconds spent by one approach on one type."""

    docs: int = 0
    seconds: float = 0.0
    peak_rss_kb: int | None = None

    @property
    def rate(self) -> float:
        """Documents per second."""
        return self.docs / self.seconds if self.seconds else 0.0


@dataclass
class Results:
    """Timings by (type, approach)."""

    timings: dict[tuple[str, str], Timing] = field(default_factory=dict)
    # Wall seconds of the CPU probe on 1 process and on 2, summed over the rounds.
    probe_one: float = 0.0
    probe_two: float = 0.0

    @property
    def parallel_capacity(self) -> float:
        """How many times one process's CPU work two processes did in the same wall time."""
        return 2 * self.probe_one / self.probe_two if self.probe_two else 0.0

    def add(self, name: str, approach: str, docs: int, seconds: float) -> None:
        """Count one slice of `docs` documents done in `seconds`."""
        timing = self.timings.setdefault((name, approach), Timing())
        timing.docs += docs
        timing.seconds += seconds


def peak_rss_kb() -> int:
    """Peak resident set of this process in KiB.

    VmHWM rather than ru_maxrss on Linux: a process started by (v)fork and exec keeps its
    parent's ru_maxrss across the exec, so a child of this benchmark would report the parent's
    peak (≈ the size of all contexts it holds) instead of its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _spin(seconds: float) -> int:
    """Pure-Python work for about `seconds` of CPU time; returns the loops done."""
    end = time.process_time() + seconds
    loops = 0
    while time.process_time() < end:
        sum(range(1000))
        loops += 1
    return loops


def parallel_capacity(pool: Any, seconds: float) -> tuple[float, float]:
    """Wall seconds for `seconds` of CPU work in this process, and for twice it over 2 workers.

    Two free cores give equal times; a second time near twice the first means the machine
    (other load, a shared host) did not give the 2-worker row its second core.
    """
    start = time.perf_counter()
    _spin(seconds)
    one = time.perf_counter() - start
    start = time.perf_counter()
    pool.map(_spin, [seconds, seconds], chunksize=1)
    return one, time.perf_counter() - start
