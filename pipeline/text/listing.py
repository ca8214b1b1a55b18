"""The first few of many, as a message names them: "a, b, c, …"."""

from __future__ import annotations

from collections.abc import Sequence


def first_named(items: Sequence[str], limit: int) -> str:
    """The first `limit` of `items` joined by ", ", and ", …" after them when there are more:
    a message names a few of many (files, numbers, rows) and says that others follow."""
    shown = ", ".join(items[:limit])
    return f"{shown}, …" if len(items) > limit else shown
