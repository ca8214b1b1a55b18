"""A memo that stays small: what a build reads list after list is kept, never the whole year.

A build streams through a year's documents; the texts, header rows and paths it meets again
come soon after the first time. So a memo is let go whole when it is full, rather than kept in
order of use (an OrderedDict's bookkeeping on every hit would cost more than most misses).
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def keep(memo: dict[K, V], key: K, value: V, limit: int) -> None:
    """Put `value` in `memo` by `key`, emptying `memo` first when it holds `limit` entries."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
