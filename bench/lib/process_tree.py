"""Run a command and measure it as its user feels it: wall time and the memory of its process tree.

Peak memory is sampled (Linux /proc): every `interval` seconds the resident sets (VmRSS) of
the process and all its descendants are summed; the largest sum is the tree's peak. A spike
shorter than the interval can be missed, so the figure is a lower bound. The largest single
process's own peak (VmHWM, kept by the kernel, so never missed while the process is sampled)
is reported beside it. Where /proc is missing, both are None.
"""

from __future__ import annotations

import encodings.ascii  # noqa: F401 - see _status_kb
import os
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class Run:
    """One measured run of a command."""

    seconds: float
    returncode: int
    peak_tree_kb: int | None
    peak_process_kb: int | None
    stdout: str
    stderr: str


def _status_kb(pid: int, field: str) -> int:
    # Read in the sampler's thread: its codec is imported with this module, not by the first
    # open(), so that the thread never waits on the import lock (held for good by a thread a
    # signal interrupted inside an import, it hung a test run).
    try:
        with open(PROC / str(pid) / "status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (via each thread's /proc children list)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = os.listdir(PROC / str(current) / "task")
        except OSError:
            continue
        for task in tasks:
            try:
                text = (PROC / str(current) / "task" / task / "children").read_text()
            except OSError:
                continue
            queue.extend(int(child) for child in text.split())
    return found


JOIN_SECONDS = 5.0


class TreeSampler:
    """Samples the memory of a process tree in a thread until stopped."""

    def __init__(self, pid: int, interval: float) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_tree_kb = 0
        self.peak_process_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = descendants(self.pid)
            self.peak_tree_kb = max(self.peak_tree_kb, sum(_status_kb(p, "VmRSS:") for p in tree))
            hwm = max((_status_kb(p, "VmHWM:") for p in tree), default=0)
            self.peak_process_kb = max(self.peak_process_kb, hwm)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        # A sample takes milliseconds: a thread not back by then is stuck, and the figures it
        # gathered stand (it is a daemon; nothing waits for it).
        self._thread.join(timeout=JOIN_SECONDS)


def run_measured(
    command: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    interval: float = 0.1,
) -> Run:
    """Run `command` to its end; its wall seconds and sampled peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=dict(env) if env is not None else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    available = PROC.is_dir()
    sampler = TreeSampler(process.pid, interval)
    if available:
        with sampler:
            stdout, stderr = process.communicate()
    else:  # pragma: no cover - not Linux
        stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    return Run(
        seconds,
        process.returncode,
        sampler.peak_tree_kb if available else None,
        sampler.peak_process_kb if available else None,
        stdout,
        stderr,
    )
