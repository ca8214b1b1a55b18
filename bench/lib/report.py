"""The engine benchmark's table."""

from __future__ import annotations

from collections.abc import Sequence

from bench.lib.approaches import APPROACHES, ENGINE_1, ENGINE_2, LABELS, NAIVE
from bench.lib.measure import Results


def print_table(results: Results, names: Sequence[str]) -> None:
    """The results table, one row per type and approach."""
    header = f"{'type':<12} {'approach':<20} {'docs':>6} {'docs/s':>9} {'ms/doc':>8}"
    header += f" {'peak RSS MB':>11} {'× naive':>8}"
    print(header)
    print("-" * len(header))
    for name in names:
        naive = results.timings[(name, NAIVE)].rate
        for approach in APPROACHES:
            timing = results.timings[(name, approach)]
            rss = f"{timing.peak_rss_kb / 1024:.0f}" if timing.peak_rss_kb else "?"
            ms = 1000 * timing.seconds / timing.docs
            print(
                f"{name:<12} {LABELS[approach]:<20} {timing.docs:>6} {timing.rate:>9.1f}"
                f" {ms:>8.3f} {rss:>11} {timing.rate / naive:>8.1f}"
            )
    for name in names:
        one = results.timings[(name, ENGINE_1)].rate
        two = results.timings[(name, ENGINE_2)].rate
        print(f"{name}: 2 workers / 1 worker = {two / one:.2f}×")
