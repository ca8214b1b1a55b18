"""A lock for caches that a build's forked workers inherit.

A worker forked while another thread of the build process held a lock would start with it held
and no thread to release it: every such lock is made anew in a forked child.
"""

from __future__ import annotations

import os
import threading
import weakref


class ForkSafeLock:
    """A threading.Lock (used with `with`) that a forked child gets free."""

    __slots__ = ("_lock", "__weakref__")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        _ALL.add(self)

    def __enter__(self) -> ForkSafeLock:
        self._lock.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()

    def _renew(self) -> None:
        self._lock = threading.Lock()


_ALL: weakref.WeakSet[ForkSafeLock] = weakref.WeakSet()


def _renew_all() -> None:
    """In a forked child: every lock free (the thread holding it is not there)."""
    for lock in list(_ALL):
        lock._renew()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_renew_all)
