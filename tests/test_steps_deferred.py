"""StepsDeferred: a stop deferred around each of many steps (a build's documents put in place),
as interrupts_deferred around each one, its handler swapped in once for all of them."""

from __future__ import annotations

import os
import signal
from typing import Any

import pytest

from pipeline.batch.supervise import StepsDeferred


@pytest.fixture
def seen() -> Any:
    """The SIGTERMs the handler before the block got, in order."""
    got: list[str] = []
    outer = signal.signal(signal.SIGTERM, lambda signum, frame: got.append("handled"))
    yield got
    signal.signal(signal.SIGTERM, outer)


def test_a_signal_in_a_step_is_taken_at_its_end_and_between_steps_at_once(seen: list[str]) -> None:
    before = signal.getsignal(signal.SIGTERM)
    with StepsDeferred() as steps:
        with steps.step():
            os.kill(os.getpid(), signal.SIGTERM)
            seen.append("in the step")
        seen.append("after the step")
        os.kill(os.getpid(), signal.SIGTERM)
        seen.append("between steps")
        with steps.step():
            seen.append("a step without a signal")
    assert seen == ["in the step", "handled", "after the step", "handled", "between steps",
                    "a step without a signal"]  # fmt: skip
    assert signal.getsignal(signal.SIGTERM) is before  # put back


def test_a_stop_raised_at_a_step_s_end_leaves_the_handlers_as_they_were() -> None:
    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    outer = signal.signal(signal.SIGINT, stop)
    placed: list[int] = []
    try:
        with pytest.raises(KeyboardInterrupt), StepsDeferred() as steps:
            for number in range(3):
                with steps.step():
                    placed.append(number)  # in place and recorded before the stop is taken
                    if number == 1:
                        os.kill(os.getpid(), signal.SIGINT)
        assert placed == [0, 1]
        assert signal.getsignal(signal.SIGINT) is stop
    finally:
        signal.signal(signal.SIGINT, outer)


def test_an_ignored_signal_stays_ignored(seen: list[str]) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    with StepsDeferred() as steps:
        with steps.step():
            os.kill(os.getpid(), signal.SIGTERM)
        os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
    assert seen == []
