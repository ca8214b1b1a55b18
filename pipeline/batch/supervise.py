"""Build workers that end with their build, and a Ctrl-C that stops it with one line.

- A worker dies with the build process, however it ends (kill -9 included): on Linux the
  kernel sends it SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere a thread
  in the worker sees its parent change and exits. Without this, a worker of a killed build
  waits forever for work on a queue that nothing will ever write to.
- Ctrl-C belongs to the build process: workers ignore SIGINT (the terminal sends it to the
  whole process group), so none of them prints a traceback; the build stops its workers at
  once (`stop_now`) and raises BuildInterrupted, which prints one line and exits with 130.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from pipeline.errors import VanthuError

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_POLL = 1.0  # seconds between a fallback watcher's looks at its parent
STOP_GRACE = 5.0  # seconds a terminated worker gets before it is killed

INTERRUPTED_EXIT = 130  # 128 + SIGINT, what shells report for a Ctrl-C


class BuildInterrupted(VanthuError):
    """The user stopped the build (Ctrl-C)."""

    exit_code = INTERRUPTED_EXIT

    def __init__(self) -> None:
        super().__init__("build.interrupted")


def die_with_parent(parent: int) -> None:
    """End this process when process `parent` ends, and leave Ctrl-C to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _kernel_kills_us_with_parent():
        thread = threading.Thread(
            target=_watch_parent, args=(parent,), name="vanthu-parent-watch", daemon=True
        )
        thread.start()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _kernel_kills_us_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    """Exit as soon as the parent is gone (orphans are re-parented, so getppid changes)."""
    while os.getppid() == parent:
        threading.Event().wait(PARENT_POLL)
    os._exit(1)


def start_worker(parent: int, initializer: Callable[..., None], args: tuple[Any, ...]) -> None:
    """Pool initializer: supervise this worker, then run the real `initializer(*args)`."""
    die_with_parent(parent)
    initializer(*args)


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold SIGINT back while starting workers: a child forked in between would get it before
    it ignores it (and print a traceback); the parent gets it as soon as the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def stop_now(pool: ProcessPoolExecutor) -> None:
    """Drop the queued work and end the workers now, not after the documents they hold."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(STOP_GRACE)
        if worker.is_alive():
            worker.kill()
            worker.join()
