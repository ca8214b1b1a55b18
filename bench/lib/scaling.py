"""What a run's time is made of: a fixed part and a part per document.

A build's wall time is `fixed + per_document × N`: the fixed part is what every run pays once
whatever N is (starting Python, importing, each process's first document, writing the
manifests), the rest grows with N. The fixed part is measured directly, as the time of a run
over a few documents (a line fitted through the big runs alone would drown it in their
noise: 5 % of a 17 s run is more than the whole fixed part). With both parts known:

- two workers sharing the documents perfectly finish in (their own fixed part) + w·N/2 at
  best (Amdahl's law), which bounds what `-j 2` can gain over `-j 1` at N;
- a target rate at N leaves, after the fixed part, so much time per document;
- both at once (a run within `seconds`, and `workers` of them at least `speedup` times as fast)
  bound the fixed part itself, whatever a document costs: the faster the documents, the more
  the fixed part weighs against the workers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scaling:
    """seconds = fixed + per_document × N."""

    fixed: float  # seconds
    per_document: float  # seconds

    @classmethod
    def from_runs(cls, small: tuple[int, float], large: tuple[int, float]) -> Scaling:
        """The line through a run over a few documents and a run over many ((N, seconds))."""
        (few, short), (many, long) = small, large
        per_document = (long - short) / (many - few)
        return cls(fixed=short - per_document * few, per_document=per_document)

    def seconds(self, size: int) -> float:
        """The time of a run over `size` documents."""
        return self.fixed + self.per_document * size

    def best_split(self, size: int, fixed: float, workers: int = 2) -> float | None:
        """The most `workers` processes with their own fixed part `fixed` can gain over this one
        at `size`, sharing its documents perfectly; None when this one's line means nothing
        (no time per document: the runs too small or too noisy to tell)."""
        if self.per_document <= 0:
            return None
        return self.seconds(size) / (fixed + self.per_document * size / workers)

    def per_document_for(self, seconds: float, size: int) -> float:
        """The time per document that would make a run over `size` documents take `seconds`,
        this fixed part paid (negative: not even the fixed part fits)."""
        return (seconds - self.fixed) / size


def largest_fixed_part(seconds: float, speedup: float, workers: int = 2) -> float | None:
    """The largest fixed part (not shared by the workers) with which one process can finish
    within `seconds` and `workers` sharing its documents perfectly can be `speedup` times as
    fast: none at all (0) for `speedup` equal to `workers`, None above it.

    With f the fixed part and w the time of the documents, (f + w) / (f + w / workers) is at
    least `speedup` when w is at least f (speedup - 1) / (1 - speedup / workers); f + w within
    `seconds` then leaves f at most seconds / (1 + (speedup - 1) / (1 - speedup / workers)):
    a ninth of `seconds` for 1.8× on two workers."""
    if speedup >= workers:
        return 0.0 if speedup == workers else None
    return seconds / (1 + (speedup - 1) / (1 - speedup / workers))
