"""Leaving the process when a command is done, without the interpreter's teardown.

At exit CPython clears every module and collects the whole heap: after a build that is
0.1–0.2 s (measured on the benchmark's machine: a one-document `vanthu build` spent about a
fifth of its time there, a 1,000-document one about 0.17 s), work whose only effect is freeing
memory the operating system takes back anyway. So the command line, once its command has
returned, does what a normal exit does that has an effect — waits for no thread (it leaves the
normal way if one still runs), flushes its output and runs the atexit handlers — and ends
with os._exit. (The pattern Instagram described for its servers, "Dismissing Python Garbage
Collection at Instagram", 2017.) Every file vanthu writes is written, closed and renamed into
place before the command returns, so nothing is left for the teardown to flush.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn

ExitCode = str | int | None  # what SystemExit takes
# 128 + SIGINT, what shells report for a Ctrl-C. Here, in a module that imports nothing of
# vanthu's: the command line's Ctrl-C handler needs it when the Ctrl-C came during an import,
# when importing anything more (pipeline.batch) could meet that import's half-loaded modules.
INTERRUPTED_EXIT = 130


def leave(code: ExitCode) -> NoReturn:
    """Exit with `code` (as SystemExit takes it) without tearing the interpreter down, unless
    that would lose something: then raise SystemExit as usual."""
    if code is None:
        code = 0
    if not isinstance(code, int) or _threads_running():
        sys.exit(code)  # a message to print, or a thread to wait for: the normal way
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # a closed pipe or stream, or none at all
        sys.exit(code)
    # Private but stable since Python 2: the handlers the normal exit runs, in the same order.
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass  # a handler's output that cannot be written; the code is what matters now
    os._exit(code)


def _threads_running() -> bool:
    """Whether a thread other than this one still runs that the normal exit would wait for."""
    main = threading.main_thread()
    return any(t is not main and t.is_alive() and not t.daemon for t in threading.enumerate())
