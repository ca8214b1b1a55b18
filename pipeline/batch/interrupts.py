"""How a stopped build ends: BuildInterrupted (one line, exit code 128 + the signal) and
Stopped (a stop signal raised as a Ctrl-C is). Apart from pipeline.batch.supervise, which
raises them, so that what only needs to tell them (the PDF converter) need not import it."""

from __future__ import annotations

import signal

from pipeline.errors import VanthuError
from pipeline.process_exit import INTERRUPTED_EXIT  # defined there, light; named here too


class BuildInterrupted(VanthuError):
    """The user stopped the build (Ctrl-C, or SIGTERM: `signum`); exit code 128 + signum."""

    exit_code = INTERRUPTED_EXIT

    def __init__(self, signum: int = signal.SIGINT) -> None:
        if signum == signal.SIGINT:
            super().__init__("build.interrupted")
        else:
            super().__init__("build.terminated", signal=signal.Signals(signum).name)
        self.signum = signum
        self.exit_code = 128 + signum


class Stopped(KeyboardInterrupt):
    """A stop signal, raised where a Ctrl-C raises KeyboardInterrupt: code that reports one
    document's error (`except Exception`) lets it through, and every cleanup on the way out
    (`finally`, `__exit__`) runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum
