"""Limits on what one template render may cost: time, output size, loop and operator sizes.

Templates are maintainers' code, but a mistaken one (a loop nested in a loop over `range`, a
string repeated 10⁹ times, a macro calling itself) must stop with the template's name instead of
running until killed. Jinja's sandbox already caps one `range` at 100,000 items; loops that run
long without printing anything only show up between iterations, so `range` here is a counting
range that checks the clock, and every chunk of output is checked for time and size.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment

RENDER_SECONDS = 30.0  # one document; the largest real one renders in well under 0.1 s
OUTPUT_CHARS = 64 * 1024 * 1024  # word/document.xml; a 300-page plan is about 2 MB
_CHECK_EVERY = 1024  # iterations of a range between clock checks


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
    """The budget of one render (a context manager); checked by `tick` and `guarded_range`."""

    def __init__(self, seconds: float = RENDER_SECONDS, chars: int = OUTPUT_CHARS) -> None:
        self.seconds = seconds
        self.chars = chars
        self.used = 0

    def __enter__(self) -> Budget:
        _budget.deadline = time.monotonic() + self.seconds
        _budget.seconds = self.seconds
        return self

    def __exit__(self, *exc: object) -> None:
        _budget.deadline = None

    def output(self, chunk: str) -> None:
        """Count a chunk of output against the size and time budget."""
        self.used += len(chunk)
        if self.used > self.chars:
            raise BudgetExceeded("size", self.chars)
        tick()


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


_MAX_SEQUENCE = OUTPUT_CHARS
_MAX_POWER_BITS = 4096


def _binop(self: SandboxedEnvironment, context: Any, operator: str, left: Any, right: Any) -> Any:
    """`*` and `**` whose result would be huge are refused before Python builds it."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, str | list | tuple) and isinstance(count, int):
                if len(seq) * max(count, 0) > _MAX_SEQUENCE:
                    raise BudgetExceeded("operator", _MAX_SEQUENCE)
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
