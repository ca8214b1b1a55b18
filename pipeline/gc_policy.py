"""When Python's cycle collector runs during a command: less often where it can only find nothing.

vanthu's objects die by reference counting (a document's data, context and XML are freed as
soon as it is written); the cycle collector, which CPython starts every 700 new container
objects, walks them without finding garbage. Two places make many objects and free none:

- importing a command's package (tens of thousands of functions, classes and constants that
  live as long as the process): the collector is paused meanwhile, and what was made is then
  frozen (gc.freeze), so no later collection walks it again, nor, in a forked build worker,
  writes to its pages (which the worker would then copy); so are the modules a command
  imports once it finds it needs them (a build's workers, when it has documents to build:
  late_imports), while the command line runs the command (command_line);
- a build's documents: the first collection comes after 10,000 new objects instead of 700.

Measured on the benchmark's machine (gc.callbacks over a whole 1,000-document `vanthu build
-j 1`): the collector's time 102–108 ms → 33–46 ms; importing the build command 25–30 ms less
CPU; `-j 2`'s minor page faults about 35,300 → 29,500.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

BATCH_THRESHOLD = 10_000  # new container objects between young-generation collections

_command_line = False  # whether the command line is running a command (command_line)


@contextmanager
def lasting_objects() -> Iterator[None]:
    """No collection while the block makes objects that last as long as the process; they are
    frozen afterwards (command line only: a frozen cycle is never collected)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.freeze()


@contextmanager
def fewer_collections(threshold: int = BATCH_THRESHOLD) -> Iterator[None]:
    """The young generation collected every `threshold` new objects during the block (never
    more often than before; a threshold of 0, no collection, stays); the previous thresholds
    are back afterwards."""
    before = gc.get_threshold()
    if before[0]:
        gc.set_threshold(max(threshold, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def command_line() -> Iterator[None]:
    """The command line runs a command during the block: its late_imports are lasting_objects."""
    global _command_line
    was, _command_line = _command_line, True
    try:
        yield
    finally:
        _command_line = was


def late_imports() -> AbstractContextManager[None]:
    """lasting_objects around the modules a command imports once it finds it needs them, while
    the command line runs it (command_line); nothing for a library caller. Measured (`vanthu
    build -j 1`, 3 documents): the build's workers imported so, 11 M instructions less."""
    return lasting_objects() if _command_line else nullcontext()
