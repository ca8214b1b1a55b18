"""A Ctrl-C (SIGINT) that reaches the command line before a build has set its own handlers.

A process started in the background of a shell script inherits SIGINT ignored; `vanthu build`
stops on it all the same (pipeline.batch.supervise.stop_on_signals), but sets its handlers only
once its modules are imported and its workspace found, some 0.2–0.4 s in: a SIGINT before that
was lost, and the build ran to its end (numbering every document). So the command line, from
its first moment, notes such a signal instead of ignoring it (`watch`); the build, as it sets
its handlers, stops at once if one came (`came`). Any other command keeps ignoring it, as it
was started to. Imports nothing of vanthu's: it is the first thing the command line does.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

_came: list[int] = []


def watch() -> None:
    """Note a SIGINT that would be ignored (SIG_IGN inherited), from now on."""
    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set a handler
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, _note)


def _note(signum: int, frame: FrameType | None) -> None:
    _came.append(signum)


def came() -> int | None:
    """The signal noted by `watch` since the process started, if one came."""
    return _came[0] if _came else None
