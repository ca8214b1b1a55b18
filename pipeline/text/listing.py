"""The first few of many, as a message names them: "a, b, c, …"."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
# How many of the documents a problem is said once for a line names, before "…" (said_once).
SHARED_NAMED = 3


def first_named(items: Sequence[str], limit: int) -> str:
    """The first `limit` of `items` joined by ", ", and ", …" after them when there are more:
    a message names a few of many (files, numbers, rows) and says that others follow."""
    shown = ", ".join(items[:limit])
    return f"{shown}, …" if len(items) > limit else shown


def said_once(
    items: Sequence[T], problem: Callable[[T], str], own: Callable[[T, list[T]], bool]
) -> Iterator[tuple[T, list[T]]]:
    """`items` (failed documents, checks) in order, each with those it is said with: a problem
    several share word for word (an unwritable output folder, an unreadable agency profile) is
    said once, at the first of them, with all of them (the others left out), not the same line
    a thousand times; one no other shares, or one `own` says is the item's own (a document's
    own problem which others fail by), is said at each item alone."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(problem(item), []).append(item)
    for item in items:
        group = groups.get(problem(item))
        if group is None:
            continue  # said with the first of its group
        if len(group) == 1 or own(item, group):
            yield item, [item]
            continue
        yield item, group
        del groups[problem(item)]
