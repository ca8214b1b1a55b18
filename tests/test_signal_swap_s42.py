"""swap_handler: signal.signal without its enum conversions, for handlers swapped around short
steps (a render's alarm, a document put in place)."""

from __future__ import annotations

import os
import signal
from typing import Any

import pytest

from pipeline.batch.supervise import interrupts_deferred
from pipeline.render.budget import swap_handler


def _mine(signum: int, frame: Any) -> None:
    raise AssertionError("not called in these tests")


@pytest.mark.parametrize("before", [signal.SIG_DFL, signal.SIG_IGN, _mine])
def test_a_swapped_handler_is_the_one_signal_signal_would_give_and_put_back(before: Any) -> None:
    outer = signal.signal(signal.SIGUSR1, before)
    try:
        replaced = swap_handler(signal.SIGUSR1, _mine)
        assert replaced == before  # SIG_DFL and SIG_IGN as the ints they equal
        assert signal.getsignal(signal.SIGUSR1) is _mine
        assert swap_handler(signal.SIGUSR1, replaced) is _mine
        assert signal.getsignal(signal.SIGUSR1) == before
    finally:
        signal.signal(signal.SIGUSR1, outer)


def test_a_signal_in_a_deferred_block_reaches_the_handler_after_it() -> None:
    seen: list[int] = []

    def handler(signum: int, frame: Any) -> None:
        seen.append(signum)

    outer = signal.signal(signal.SIGTERM, handler)
    try:
        with interrupts_deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            assert seen == []
            assert signal.getsignal(signal.SIGTERM) is not handler
        assert seen == [signal.SIGTERM]
        assert signal.getsignal(signal.SIGTERM) is handler
    finally:
        signal.signal(signal.SIGTERM, outer)
