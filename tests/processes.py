"""Processes as Linux's /proc shows them, for the supervision tests (no process left behind)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import NamedTuple


class ProcState(NamedTuple):
    pid: int
    name: str
    state: str  # "Z" for a zombie: ended, waiting to be reaped
    ppid: int
    pgid: int


def proc_state(pid: int | str) -> ProcState | None:
    """What /proc/PID/stat says of a process, None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    state, ppid, pgid = stat[stat.rindex(")") + 2 :].split()[:3]
    return ProcState(int(pid), name, state, int(ppid), int(pgid))


def live_processes() -> list[ProcState]:
    """Every process that runs (zombies count as ended)."""
    found = (proc_state(entry) for entry in os.listdir("/proc") if entry.isdigit())
    return [p for p in found if p is not None and p.state != "Z"]


def children(pid: int) -> list[int]:
    """Live children of `pid`."""
    return [p.pid for p in live_processes() if p.ppid == pid]


def group_members(pgid: int) -> list[tuple[int, str]]:
    """(pid, name) of every live process in process group `pgid`."""
    return [(p.pid, p.name) for p in live_processes() if p.pgid == pgid]


def alive(pids: list[int]) -> list[int]:
    """Those of `pids` that still run."""
    return [pid for pid in pids if (p := proc_state(pid)) is not None and p.state != "Z"]


def alive_after(pids: list[int], seconds: float) -> list[int]:
    """Those of `pids` still running after waiting up to `seconds` for them to end."""
    deadline = time.monotonic() + seconds
    while (running := alive(pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return running


def descends_from(pid: int, ancestor: int) -> bool:
    """Whether `ancestor` is `pid`'s parent, grandparent, ..."""
    while pid > 1:
        state = proc_state(pid)
        if state is None:
            return False
        pid = state.ppid
        if pid == ancestor:
            return True
    return False


def descendants(pid: int) -> list[int]:
    """Every live process started by `pid`, however deep (LibreOffice in its own session too)."""
    return [p.pid for p in live_processes() if descends_from(p.pid, pid)]
