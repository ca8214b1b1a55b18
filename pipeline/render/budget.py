"""Limits on what one template render may cost: time, output size, loop and operator sizes.

Templates are maintainers' code, but a mistaken one (a loop nested in a loop over `range`, a
string repeated 10⁹ times, a macro calling itself) must stop with the template's name instead of
running until killed. Jinja's sandbox already caps one `range` at 100,000 items; loops that run
long without printing anything only show up between iterations, so `range` here is a counting
range that checks the clock, and the output is checked for time and size every few chunks.
"""

from __future__ import annotations

import signal
import threading
import time
from _signal import signal as _set_handler
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment

RENDER_SECONDS = 30.0  # one document; the largest real one renders in well under 0.1 s
OUTPUT_CHARS = 64 * 1024 * 1024  # word/document.xml; a 300-page plan is about 2 MB
_CHECK_EVERY = 1024  # iterations of a range between clock checks
_CHUNKS_BETWEEN_CHECKS = 64  # pieces of a render's output between size and clock checks
_HAS_ALARM = hasattr(signal, "setitimer")  # not on Windows: the cooperative checks remain


class BudgetExceeded(Exception):
    """A render went over its budget: `what` is 'time', 'size', 'range' or 'operator'."""

    def __init__(self, what: str, limit: float) -> None:
        super().__init__(what)
        self.what = what
        self.limit = limit


class _Budget(threading.local):
    deadline: float | None = None
    seconds: float = RENDER_SECONDS


_budget = _Budget()


class Budget:
    """The budget of one render (a context manager); checked by `tick` and `guarded_range`.

    In the main thread (the CLI, each build worker) a timer signal backs the checks up: a loop
    over a list or a string prints nothing and calls nothing the budget can see, so only an
    alarm can stop it. An alarm already set by the caller is put back afterwards.
    """

    def __init__(self, seconds: float = RENDER_SECONDS, chars: int = OUTPUT_CHARS) -> None:
        self.seconds = seconds
        self.chars = chars
        self.used = 0
        self._alarm: tuple[Any, float, float] | None = None

    def __enter__(self) -> Budget:
        _budget.deadline = time.monotonic() + self.seconds
        _budget.seconds = self.seconds
        if _HAS_ALARM and threading.current_thread() is threading.main_thread():
            outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
            if not outer_left or outer_left > self.seconds:
                handler = swap_handler(signal.SIGALRM, _expired)
                signal.setitimer(signal.ITIMER_REAL, self.seconds)
                self._alarm = (handler, outer_left, time.monotonic())
        return self

    def __exit__(self, *exc: object) -> None:
        _budget.deadline = None
        if self._alarm is not None:
            handler, outer_left, started = self._alarm
            signal.setitimer(signal.ITIMER_REAL, 0)
            swap_handler(signal.SIGALRM, handler)
            if outer_left:  # the caller's alarm, less the time this render took
                left = outer_left - (time.monotonic() - started)
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
            self._alarm = None

    def collect(self, chunks: Iterable[str], head: str = "", tail: str = "") -> str:
        """`head`, the output of a render and `tail` joined; the output is counted against the
        size budget and the clock every few chunks (a template's output comes in hundreds of
        pieces; checking each one cost a tenth of a render)."""
        return "".join(self._counted(chunks, head, tail))  # type: ignore[arg-type]

    def collect_utf8(
        self, chunks: Iterable[bytes | str], head: bytes = b"", tail: bytes = b""
    ) -> bytes:
        """collect for a template printing UTF-8 (compose.DocumentSandbox): `head`, the output's
        pieces (bytes, or text where Jinja's own code prints text) and `tail` joined as UTF-8.
        UnicodeEncodeError for text that UTF-8 cannot hold (a lone surrogate)."""
        parts = self._counted(chunks, head, tail)
        try:
            return b"".join(parts)  # type: ignore[arg-type]
        except TypeError:  # text among the pieces
            return b"".join(p.encode("utf-8") if isinstance(p, str) else p for p in parts)

    def _counted(
        self, chunks: Iterable[bytes | str], head: bytes | str, tail: bytes | str
    ) -> list[bytes | str]:
        """`head`, the pieces of `chunks` and `tail`, the pieces counted against the size budget
        and the clock every few chunks.

        A piece is counted by its length: a text's characters, or a UTF-8 piece's bytes, never
        fewer than its characters; once that count passes the limit, the pieces are counted
        again in characters (perhaps within the limit): UTF-8 and text go over the budget alike."""
        parts: list[bytes | str] = [head]
        used, limit = self.used, self.chars
        count: Any = len
        chunks = iter(chunks)
        while batch := list(islice(chunks, _CHUNKS_BETWEEN_CHECKS)):
            parts += batch
            used += sum(map(count, batch))
            if used > limit and count is len:  # in characters now: perhaps within the limit
                count = _characters
                used = self.used + sum(map(count, parts[1:]))
            if used > limit:
                raise BudgetExceeded("size", limit)
            tick()
        self.used = used
        tick()  # a render that printed nothing was not checked yet
        parts.append(tail)
        return parts


def _characters(piece: bytes | str) -> int:
    """How many characters a piece of output holds (UTF-8 bytes or text)."""
    return len(piece.decode("utf-8")) if type(piece) is bytes else len(piece)


def swap_handler(signum: int, handler: Any) -> Any:
    """signal.signal(signum, handler), for a handler swapped in and out around a short step (a
    render, a document put in place): the same call without signal.signal's conversion of the
    handlers to and from its enums, which for a Python function raises and catches a TypeError
    each time. The handler it replaces: a function, SIG_DFL or SIG_IGN as the int it equals,
    or None (set outside Python)."""
    return _set_handler(signum, handler)


def _expired(signum: int, frame: object) -> None:
    raise BudgetExceeded("time", _budget.seconds)


def tick() -> None:
    """BudgetExceeded('time') once the current render's deadline has passed."""
    deadline = _budget.deadline
    if deadline is not None and time.monotonic() > deadline:
        raise BudgetExceeded("time", _budget.seconds)


def guarded_range(*args: int) -> Iterator[int]:
    """Jinja's sandboxed range, checking the render's clock as it goes."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise BudgetExceeded("range", MAX_RANGE)
    for index, number in enumerate(numbers):
        if index % _CHECK_EVERY == 0:
            tick()
        yield number


# A list or text built by `*` in a template: as long as the longest range, a page of text.
_MAX_ITEMS = MAX_RANGE
_MAX_CHARS = 1_000_000
_MAX_POWER_BITS = 4096


def _binop(self: SandboxedEnvironment, context: Any, operator: str, left: Any, right: Any) -> Any:
    """`*` and `**` whose result would be huge are refused before Python builds it."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(count, int):
                limit = _MAX_CHARS if isinstance(seq, str) else _MAX_ITEMS
                if len(seq) * max(count, 0) > limit:
                    raise BudgetExceeded("operator", limit)
        return left * right
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            if right * max(abs(left).bit_length(), 1) > _MAX_POWER_BITS:
                raise BudgetExceeded("operator", _MAX_POWER_BITS)
        return left**right
    return SandboxedEnvironment.call_binop(self, context, operator, left, right)


def guard(env: SandboxedEnvironment) -> SandboxedEnvironment:
    """`env` with the guarded range and size-checked `*` and `**` (before any compilation)."""
    env.globals["range"] = guarded_range
    env.intercepted_binops = frozenset({"*", "**"})
    env.call_binop = _binop.__get__(env)  # type: ignore[method-assign]
    return env
