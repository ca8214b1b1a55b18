"""Batch rendering benchmark (issue 6): naive docxtpl loop, vanthu's engine, the write floor.

Run from the project folder:  python bench/batch_bench.py --docs 1000  (see bench/README.md).
Every approach renders the same synthetic documents from the same composed templates; timings
are taken in interleaved rounds so that machine noise spreads evenly over the approaches, and
peak RSS is measured per approach in a fresh process. It is a benchmark, not a test: nothing
here asserts a timing. The work is done by the modules of bench/lib/; this file is the command.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

# Measure the pipeline of this checkout, whichever checkout the installed package points to.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.lib.approaches import APPROACHES, ENGINE_1, NAIVE, rss_child
from bench.lib.corpus import BENCH_TYPES, DECISION, FALLBACK, open_corpora
from bench.lib.pdf_compare import PDF_DOCS, pdf_bench
from bench.lib.project import TEMPLATES
from bench.lib.report import print_table
from bench.lib.rounds import measure_rss, timed_rounds
from pipeline.api import Renderer
from pipeline.kinds import KINDS

RSS_CHECK_SIZES = (100, 5000)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=1000, help="documents per type (1000)")
    parser.add_argument(
        "--types",
        default=",".join(t.name for t in BENCH_TYPES),
        help="comma-separated types (default: every type whose kind exists)",
    )
    # Two rounds: slices of N/2 documents, so the pool waking up for each slice (a few ms) is
    # small beside the work, as it is in a build that keeps its workers busy.
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (2)")
    parser.add_argument("--seed", type=int, default=2022, help="seed of the synthetic data (2022)")
    parser.add_argument("--pdf", action="store_true", help=f"also time PDF on {PDF_DOCS} docs")
    parser.add_argument(
        "--rss-check",
        action="store_true",
        help=f"also run the engine for N = {RSS_CHECK_SIZES[0]} and {RSS_CHECK_SIZES[1]}"
        " and compare peak RSS",
    )
    parser.add_argument("--no-rss", action="store_true", help="skip the per-approach RSS runs")
    parser.add_argument(
        "--write-files",
        action="store_true",
        help="write every rendered document to a file (default: keep the bytes in memory;"
        " the floor row always writes)",
    )
    parser.add_argument("--rss-child", choices=APPROACHES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.docs < 1 or args.rounds < 1:
        parser.error("--docs and --rounds must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table; the last line is the decision type's ratio."""
    args = parse_args(argv)
    names = [n.strip() for n in args.types.split(",") if n.strip()]
    if args.rss_child:
        peak = rss_child(args.rss_child, names[0], args.docs, args.seed, args.write_files)
        print(f"peak_rss_kb {peak}")
        return 0
    renderer = Renderer(TEMPLATES)
    corpora = open_corpora(names, renderer, args.seed)
    if not corpora:
        print("error: no document type to measure")
        return 1
    measured = [c.name for c in corpora]
    output = "written to files" if args.write_files else "kept in memory (floor: files)"
    print(
        f"{args.docs} documents per type, {args.rounds} interleaved rounds, output {output}, "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-") as tmp:
        results = timed_rounds(
            corpora, args.docs, args.rounds, args.seed, Path(tmp), args.write_files
        )
    if not args.no_rss:
        for name in measured:
            for approach in APPROACHES:
                rss = measure_rss(approach, name, args.docs, args.seed, args.write_files)
                results.timings[(name, approach)].peak_rss_kb = rss
    print()
    print_table(results, measured)
    print(
        f"machine during the rounds: 2 processes of pure CPU work did "
        f"{results.parallel_capacity:.2f}× one process's (2.00 on two free cores)"
    )
    report = DECISION if DECISION in measured else (FALLBACK if FALLBACK in measured else None)
    report = report or measured[0]
    if args.rss_check:
        small, large = RSS_CHECK_SIZES
        peaks = [
            measure_rss(ENGINE_1, report, n, args.seed, args.write_files) for n in (small, large)
        ]
        print()
        print(f"peak RSS, {report}, engine on 1 worker, in a fresh process:")
        if peaks[0] and peaks[1]:
            print(f"  N = {small:>5}: {peaks[0] / 1024:.1f} MB")
            print(f"  N = {large:>5}: {peaks[1] / 1024:.1f} MB")
            print(f"  rss_ratio_{large}_vs_{small} {peaks[1] / peaks[0]:.3f}")
    if args.pdf:
        print()
        pdf_corpus = next(c for c in corpora if c.name == report)
        pdf_bench(pdf_corpus, renderer.engine)
    if report != DECISION:
        why = "not in pipeline.kinds.KINDS yet" if "quyet_dinh" not in KINDS else "not measured"
        print(f"note: {DECISION} {why}; the ratio below is for {report}")
    timing = results.timings
    ratio = timing[(report, ENGINE_1)].rate / timing[(report, NAIVE)].rate
    print(f"ratio_vs_naive_docxtpl {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
