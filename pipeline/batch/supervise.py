"""Build workers that end with their build, and a Ctrl-C that stops it with one line.

- A worker dies with the build process, however it ends (kill -9 included): on Linux the
  kernel sends it SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere a thread
  in the worker sees its parent change and exits. Without this, a worker of a killed build
  waits forever for work on a queue that nothing will ever write to.
- Ctrl-C belongs to the build process: workers ignore SIGINT (the terminal sends it to the
  whole process group), so none of them prints a traceback; the build stops its workers at
  once (`stop_now`) and raises BuildInterrupted, which prints one line and exits with 130.
- `stop_on_signals` makes SIGINT and SIGTERM stop a build wherever they come from, even when
  the build was started with SIGINT ignored (a shell script's `vanthu build &`: the shell
  sets SIG_IGN for it, and Python then never raises KeyboardInterrupt, so a Ctrl-C or a
  `kill -INT` went unheard and the build ran to its end). SIGTERM stops it the same way
  (exit code 143). Once stopped, the staged files and LibreOffice leftovers of this build
  are removed: what is in place is what was committed before the stop, nothing half-written.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from pipeline import early_interrupt
from pipeline.batch.interrupts import BuildInterrupted, Stopped
from pipeline.render.budget import swap_handler

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_POLL = 1.0  # seconds between a fallback watcher's looks at its parent
STOP_GRACE = 5.0  # seconds a terminated worker gets before it is killed
_AGAIN = 0.01  # seconds before a stop signal that reached a finalizer is sent again

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def interrupted(exc: BaseException) -> BuildInterrupted:
    """The BuildInterrupted that a KeyboardInterrupt (or Stopped) becomes."""
    if isinstance(exc, BuildInterrupted):
        return exc
    return BuildInterrupted(getattr(exc, "signum", signal.SIGINT))


def die_with_parent(parent: int) -> None:
    """End this process when process `parent` ends, and leave Ctrl-C to the parent; SIGTERM
    (the build's `stop_now`, or a `kill` of the whole group) ends it at once, quietly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the build's handler, forked with it
    if hasattr(signal, "pthread_sigmask"):  # forked inside interrupts_held: blocked until now
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
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
    import ctypes  # here: only a worker needs it, not a build of one job

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
    """Hold SIGINT and SIGTERM back while starting workers: a child forked in between would
    get them in the build's handler before it sets its own (and print a traceback); the
    parent gets them as soon as the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(STOP_SIGNALS))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM received in the block take effect at its end, as they would have
    then: for steps that must not be cut in two (an output put in place and recorded as
    vanthu's). Python runs signal handlers in the main thread whichever thread the signal
    reached, so the handler is swapped rather than the signal masked."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (and Python runs them only there)
        return
    caught: list[signal.Signals] = []

    def defer(signum: int, frame: FrameType | None) -> None:
        caught.append(signal.Signals(signum))

    previous = {signum: swap_handler(signum, defer) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            if handler is not None:  # None: set outside Python, which cannot put it back
                swap_handler(signum, handler)
        if caught:
            _deliver(caught[0], previous[caught[0]])


class StepsDeferred:
    """interrupts_deferred around each of many short steps in a row (a build's documents put in
    place one after another), its handler swapped in once for all of them: within the block,
    a SIGINT or SIGTERM received inside a step (`with steps.step():`) takes effect at the
    step's end, and one received between two steps at once, as the handler before would have
    taken it; after the block, the handlers before are put back. Each step costs no system
    call (interrupts_deferred swaps two handlers in and out: 3 us a document of the build's
    serial end)."""

    def __init__(self) -> None:
        self._previous: dict[int, Any] = {}
        self._inside = False
        self._caught: list[signal.Signals] = []
        self._step = _Step(self)

    def __enter__(self) -> StepsDeferred:
        if threading.current_thread() is threading.main_thread():  # as interrupts_deferred
            self._previous = {signum: swap_handler(signum, self._received)
                              for signum in STOP_SIGNALS}  # fmt: skip
        return self

    def __exit__(self, *exc: object) -> None:
        previous, self._previous = self._previous, {}
        for signum, handler in previous.items():
            if handler is not None:  # None: set outside Python, which cannot put it back
                swap_handler(signum, handler)

    def step(self) -> _Step:
        """The block of one step (a context manager)."""
        return self._step

    def _received(self, signum: int, frame: FrameType | None) -> None:
        if self._inside:
            self._caught.append(signal.Signals(signum))
        else:
            self._act(signum, frame)

    def _end_step(self) -> None:
        self._inside = False
        if self._caught:
            signum = self._caught[0]
            self._caught.clear()
            self._act(signum, None)

    def _act(self, signum: int, frame: FrameType | None) -> None:
        """What the handler before this block does with `signum` (_deliver), this block's own
        handler first taken away where that is the default action (ending the process)."""
        handler = self._previous.get(signum)
        if handler == signal.SIG_DFL:
            swap_handler(signum, signal.SIG_DFL)
        _deliver(signum, handler, frame)


class _Step:
    """One step of StepsDeferred."""

    __slots__ = ("_steps",)

    def __init__(self, steps: StepsDeferred) -> None:
        self._steps = steps

    def __enter__(self) -> None:
        self._steps._inside = True

    def __exit__(self, *exc: object) -> None:
        self._steps._end_step()


def _deliver(signum: int, handler: Any, frame: FrameType | None = None) -> None:
    """Act on a deferred signal as `handler` (what was set before) would have."""
    if callable(handler):
        handler(signum, frame)
    elif handler == signal.SIG_DFL:
        os.kill(os.getpid(), signum)  # the default action: SIGINT and SIGTERM end the process


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


@contextlib.contextmanager
def stop_on_signals(output_dir: Path) -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM stop the build: they raise Stopped (a
    KeyboardInterrupt) in this process, which the workers and LibreOffice's converter answer
    by ending at once; then this build's leftovers below `output_dir` are removed and
    BuildInterrupted is raised (one line, exit code 128 + the signal).

    Installed whatever the signals' handlers were, SIG_IGN included: a process started in the
    background of a shell script inherits an ignored SIGINT, and a build is a long command
    that someone who sends it a signal wants stopped. A second signal while the build stops
    is ignored: every step of the stop is bounded (workers: STOP_GRACE, then SIGKILL;
    LibreOffice: SIGKILL at once), and cut short it would leave them behind. The handlers
    before the block are put back after it.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (and Python runs them only there)
        return
    stopping: list[int] = []
    active = [True]  # cleared when the block ends: a signal sent again after it is not sent
    # Held while a signal is sent again and while the block ends: sent after `active` was
    # checked but after the handlers were put back, it would reach the handler before the
    # block (Python's KeyboardInterrupt, raised while the process waits for its threads at
    # exit: "Exception ignored in: <module 'threading'>" printed under the build's one line).
    sending = threading.Lock()

    def again(signum: int) -> None:
        with sending:
            if active:
                os.kill(os.getpid(), signum)

    def stop(signum: int, frame: FrameType | None) -> None:
        if stopping:
            return
        if frame is not None and frame.f_code.co_name == "__del__":
            # Raised in a finalizer (a ZipFile collected), the stop would be printed as
            # "Exception ignored in …" and dropped, and the build would run to its end: the
            # signal comes again a moment later, outside it.
            # Not once the block has ended: the handler put back would get it at any moment
            # (inside an import, it would leave the import lock held for good).
            timer = threading.Timer(_AGAIN, again, (signum,))
            timer.daemon = True  # never what the process waits for when it leaves
            timer.start()
            return
        stopping.append(signum)
        raise Stopped(signum)

    previous = {signum: signal.signal(signum, stop) for signum in STOP_SIGNALS}
    try:
        if (early := early_interrupt.came()) is not None:  # sent before the handlers were set
            stopping.append(early)
            raise Stopped(early)
        yield
    except (KeyboardInterrupt, BuildInterrupted) as exc:
        error = interrupted(exc)
        stopping.append(error.signum)  # any further signal is ignored while we clean up
        remove_leftovers(output_dir)
        raise error from None
    finally:
        with sending:  # a signal being sent again is sent first, to `stop`
            active.clear()
        for signum, handler in previous.items():
            if handler is not None:  # None: set outside Python, which cannot put it back
                signal.signal(signum, handler)


def _ours(pid: str) -> bool:
    """Whether a file named for process `pid` was left by this build: written by this process,
    or by one that has ended (a stopped worker; a build running beside it is alive)."""
    from pipeline.batch.pdf import process_alive

    return pid.isdigit() and (int(pid) == os.getpid() or not process_alive(int(pid)))


def remove_leftovers(output_dir: Path) -> list[Path]:
    """Remove below `output_dir` what a stopped build left and no build running beside it is
    writing: staged outputs never put in place (.NAME.PID-N.tmp, see pipeline.render.output)
    and partial PDFs (.NAME.PID.partial.pdf, see pipeline.batch.pdf) of this process or of
    ended ones, and the lock files of a LibreOffice of vanthu whose private profile is gone."""
    from pipeline.batch.pdf import OWN_PROFILE
    from pipeline.render.output import TMP_SUFFIX

    removed: list[Path] = []
    if not output_dir.is_dir():
        return removed
    for path in output_dir.rglob(".*"):
        name = path.name
        if name.endswith(TMP_SUFFIX) and name.count(".") >= 3:
            pid = name[: -len(TMP_SUFFIX)].rsplit(".", 1)[1].split("-", 1)[0]
            gone = _ours(pid)
        elif name.endswith(".partial.pdf"):
            gone = _ours(name[: -len(".partial.pdf")].rsplit(".", 1)[-1])
        elif name.startswith(".~lock.") and name.endswith("#"):
            gone = _stale_lock(path, OWN_PROFILE)
        else:
            continue
        if gone and path.is_file():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _stale_lock(lock: Path, own_profile: str) -> bool:
    """Whether LibreOffice's lock file `lock` names a private profile of vanthu's converter
    (never a person's LibreOffice) that no longer exists: its LibreOffice has ended."""
    try:
        owner = lock.read_text("utf-8", errors="replace")
    except OSError:
        return False
    start = owner.find("file://")
    if start < 0 or own_profile not in owner[start:]:
        return False
    profile = owner[start + len("file://") :].split(";", 1)[0].strip()
    return not Path(unquote(profile)).exists()
