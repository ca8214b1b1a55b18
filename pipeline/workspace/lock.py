"""One build at a time in a workspace.

Two builds of one workspace at once each took the other's staged files for a killed run's
leftovers and removed them, so one of them failed documents half-way, and each wrote the year's
manifests over the other's. A build holds an exclusive lock (POSIX flock) on the workspace's
folder while it runs; a second build waits up to WAIT_SECONDS for it, then stops with one
message before it reads, numbers or writes anything.

The folder itself is locked, not a lock file in it: a build refused for an invalid input leaves
the workspace exactly as it was (no outputs/ made, no file added). An flock belongs to the open
folder, so it ends with the process that holds it, even a killed one: no lock is ever left
behind to be removed by hand. Where there is no flock (Windows), or the folder's file system
refuses one (some network shares), builds run as before, unlocked.
"""

from __future__ import annotations

import errno
import functools
import math
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Concatenate, ParamSpec, TypeVar

from pipeline.errors import RenderError
from pipeline.workspace.core import Workspace

P = ParamSpec("P")
R = TypeVar("R")

# How long a second build waits for the first before it stops: a double-click or a second
# terminal's build of a few documents goes through once the first ends; a year's build is not
# waited for.
WAIT_SECONDS = 5.0
_POLL_SECONDS = 0.1
pause = time.sleep  # between two tries (a test ends the other build there)


@contextmanager
def workspace_lock(
    workspace: Workspace, *, wait: float | None = None, shared: bool = False
) -> Iterator[None]:
    """Hold the workspace's build lock within the block: waiting up to `wait` seconds
    (WAIT_SECONDS) while another process holds it, then RenderError build.busy. `shared`: as
    one of several writers that may run together (`vanthu render` of a few files) but never
    beside a build, which holds it alone; refused with render.busy."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(workspace.root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    except OSError:  # not there or unreadable: the build says what is wrong with it
        yield
        return
    try:
        how = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
        _take(fd, fcntl.flock, how, workspace, WAIT_SECONDS if wait is None else wait,
              "render.busy" if shared else "build.busy")
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _take(fd: int, flock: Callable[[int, int], None], how: int, workspace: Workspace,
          wait: float, busy: str) -> None:
    """Lock `fd`, trying again every _POLL_SECONDS for `wait` seconds; a file system that
    cannot lock leaves the build unlocked rather than stopping it."""
    pauses = max(0, math.ceil(wait / _POLL_SECONDS))
    for tried in range(pauses + 1):
        try:
            flock(fd, how)
            return
        except BlockingIOError:
            pass
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):  # busy, in some systems' words
                return  # no locks here (ENOLCK, EINVAL, EBADF on a network share)
        if tried < pauses:
            pause(_POLL_SECONDS)
    raise RenderError(busy, folder=str(workspace.root), seconds=f"{wait:g}")


def one_build_at_a_time(
    run: Callable[Concatenate[Workspace, P], R],
) -> Callable[Concatenate[Workspace, P], R]:
    """`run(workspace, ...)` within the workspace's build lock (workspace_lock)."""

    @functools.wraps(run)
    def locked(workspace: Workspace, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with workspace_lock(workspace):
            return run(workspace, *args, **kwargs)

    return locked
