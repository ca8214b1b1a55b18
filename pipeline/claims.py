"""One rule for 'an input claims what an earlier one holds' (an output file, a typed number).

Render and build both use it; it lives apart from pipeline.api so that a build with nothing to
do can ask it without importing the loaders and the renderer.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def second_claims(claims: Iterable[tuple[Path, K]]) -> Iterator[tuple[Path, Path, K]]:
    """(first, second, key) for each input that claims a key an earlier input already holds: an
    output file (render and build), a number of one office and year (build)."""
    holders: dict[K, Path] = {}
    for source, key in claims:
        first = holders.setdefault(key, source)
        # `is` first: the holder set just now is the very object (a build of 5,000 documents
        # called PurePath.__ne__ here 10,000 times, two claims each); an equal copy of it is
        # still no second claim.
        if first is not source and first != source:
            yield first, source, key


def number_ranges(numbers: Sequence[int]) -> str:
    """101–103, 107: sorted numbers with runs written as first–last."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs)
