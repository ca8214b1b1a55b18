"""End-to-end build benchmark (issue 13): `vanthu build -j 1`, `-j 2` and a plain docxtpl script.

Run from anywhere:  python bench/build_bench.py --sizes 200,1000,5000  (see bench/README.md).
For each N it generates N award decisions (Quyết định with a 30-row .xlsx list each) in a
temporary workspace, then runs the three approaches as separate processes over the same
inputs in interleaved rounds, each into a new output folder, and prints docs/s, peak memory
of each run's process tree and the ratios. Before each `-j 2` run it measures whether two cores
are free. At the largest N it times a rebuild with nothing changed. Nothing here asserts a
timing. The last line is `ratio_build_vs_docxtpl_script <float>`: build -j 1 docs/s over the
plain script's, at N = 1000 when measured, else at the largest N.

Nothing the benchmark writes is deleted before the end of the whole run: on a file system
that checks recently freed inodes when it makes a file (ext4 without a journal skips every
inode freed in the last 5 minutes whose table block is still dirty, one lookup each), deleting
one run's thousands of outputs made the next run's file creation several times slower, a cost
of the benchmark's own clean-up charged to whichever approach ran next.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Measure the pipeline of this checkout, whichever checkout the installed package points to.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.lib.end_to_end import (
    APPROACHES,
    BUILD_1,
    BUILD_2,
    FIXED_RUNS,
    LABELS,
    PLAIN,
    WARM_UP_DOCUMENTS,
    RunFailed,
    Tally,
    compile_checkout,
    file_creation_ms,
    fixed_seconds,
    install_wheel,
    prepare,
    rebuild,
    run,
    side_by_side,
    small_workspace,
    warm_up,
)
from bench.lib.measure import parallel_capacity
from bench.lib.scaling import Scaling, largest_fixed_part
from bench.lib.workspace import generate
from pipeline.render.template_cache import CACHE_ENV

PROBE_SECONDS = 0.3  # CPU seconds of the two-core probe before each -j 2 run
FREE_CORES = 1.8  # two processes doing at least this many times one's work: two cores free
REPORTED_N = 1000  # the size the last line reports, when it was run
TARGET_RATIO = 20.0  # issue 13: build -j 1 this many times the plain script's docs/s
TARGET_SPEEDUP = 1.8  # issue 13: build -j 2 this many times build -j 1


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes", default="200,1000,5000", help="comma-separated N (200,1000,5000)"
    )
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds per N (2)")
    parser.add_argument("--seed", type=int, default=2022, help="seed of the generated data")
    parser.add_argument(
        "--approaches",
        default=",".join(APPROACHES),
        help=f"comma-separated subset of {','.join(APPROACHES)} (all)",
    )
    parser.add_argument(
        "--interval", type=float, default=0.1, help="seconds between memory samples (0.1)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated workspaces")
    parser.add_argument(
        "--scratch",
        type=Path,
        default=None,
        help="folder to generate the workspaces in (default: the system's temporary folder)",
    )
    parser.add_argument(
        "--installed",
        action="store_true",
        help="run every approach with a venv holding vanthu's wheel and its dependencies, as a "
        "user installs it (default: this Python, with this checkout on its path)",
    )
    parser.add_argument(
        "--no-bytecode",
        action="store_true",
        help="let Python compile vanthu's modules in every run when PYTHONDONTWRITEBYTECODE "
        "is set (default: cache them, as an installed package has them)",
    )
    args = parser.parse_args(argv)
    args.sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
    args.approaches = [a.strip() for a in args.approaches.split(",") if a.strip()]
    unknown = set(args.approaches) - set(APPROACHES)
    if unknown or not args.approaches:
        parser.error(f"--approaches: choose among {', '.join(APPROACHES)}")
    if not args.sizes or min(args.sizes) < 1 or args.rounds < 1:
        parser.error("--sizes and --rounds must be at least 1")
    return args


def mb(value: float | None) -> str:
    return f"{value:.0f}" if value is not None else "?"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; the last line is the build-vs-plain-script ratio."""
    args = parse_args(argv)
    print(
        f"vanthu build end to end: award decisions with a 30-row .xlsx list each; "
        f"N = {', '.join(map(str, args.sizes))}; {args.rounds} interleaved round(s); "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    print(
        "docs/s = N / wall seconds of the whole process (start-up included); peak RSS = largest "
        f"sum of VmRSS over the process and its children, sampled every {args.interval} s; "
        "largest process = the biggest single process's VmHWM"
    )
    tallies: dict[tuple[int, str], Tally] = {}
    probes: list[tuple[int, float, float]] = []  # (N, capacity, load average)
    # N: wall seconds of build -j 1 alone and of two side by side, each round
    pairs: dict[int, list[tuple[float, float]]] = {}
    rebuild_line = ""
    if args.scratch is not None:
        args.scratch.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="vanthu-build-bench-", dir=args.scratch))
    # Prepared templates (pipeline.render.template_cache) in a folder of the benchmark's, made
    # by prepare() before any clock starts and used by every run.
    os.environ[CACHE_ENV] = str(scratch / "template-cache")
    bytecode = None if args.no_bytecode else scratch / "pycache"
    print(
        f"workspaces in {scratch}: creating and writing a 30 KB file there takes "
        f"{file_creation_ms(scratch):.2f} ms; "
        + (
            "modules compiled in every run"
            if bytecode is None
            else "every module a run imports compiled once, as installed (vanthu's ahead, the "
            "others in an untimed warm-up run of each approach)"
        )
        + "; templates prepared once, in vanthu's template cache"
    )
    args.bytecode = bytecode
    try:
        if args.installed:
            print(f"every run with vanthu's wheel in a venv of its own: {install_wheel(scratch)}")
        small = small_workspace(scratch)
        if bytecode is not None and not args.installed:
            compile_checkout(bytecode)
            warm_up(small, args.approaches, bytecode)
        fixed = {a: fixed_seconds(small, a, bytecode) for a in args.approaches}
        print(
            f"fixed part (whole process over {WARM_UP_DOCUMENTS} documents, median of "
            f"{FIXED_RUNS} runs): "
            + ", ".join(f"{LABELS[a]} {seconds:.2f} s" for a, seconds in fixed.items()),
            flush=True,
        )
        with multiprocessing.Pool(2) as pool:
            for size in args.sizes:
                rebuild_line = (
                    measure_size(args, size, scratch, pool, tallies, probes, pairs)
                    or rebuild_line
                )
    except RunFailed as exc:
        print(f"error: {exc}")
        return 1
    finally:
        if args.keep:
            print(f"workspaces kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print_report(args, tallies, probes, pairs, rebuild_line, fixed)
    return 0


def measure_size(
    args: argparse.Namespace,
    size: int,
    scratch: Path,
    pool: Any,
    tallies: dict[tuple[int, str], Tally],
    probes: list[tuple[int, float, float]],
    pairs: dict[int, list[tuple[float, float]]],
) -> str:
    """Generate N documents and run every approach over them in interleaved rounds; after
    each -j 2 run, one -j 1 run alone and two side by side (what two processes of this work
    get from this machine).

    Returns the incremental-rebuild line at the largest N (else "").
    """
    started = time.perf_counter()
    workspace = generate(scratch / f"n{size}", size, args.seed)
    prepare(workspace)
    print(f"N = {size}: workspace generated in {time.perf_counter() - started:.1f} s", flush=True)
    outputs = scratch / f"n{size}" / "out"
    last_build: Path | None = None
    for round_no in range(args.rounds):
        shift = round_no % len(args.approaches)
        for approach in args.approaches[shift:] + args.approaches[:shift]:
            if approach == BUILD_2:
                one, two = parallel_capacity(pool, PROBE_SECONDS)
                probes.append((size, 2 * one / two, os.getloadavg()[0]))
            output = outputs / f"{approach}-{round_no + 1}"  # a new folder: nothing deleted
            done = run(approach, workspace, output, args.interval, args.bytecode)
            tallies.setdefault((size, approach), Tally()).add(size, done)
            if approach == BUILD_1:
                last_build = output
            if approach == BUILD_2 and BUILD_1 in args.approaches:
                folder = outputs / f"side-by-side-{round_no + 1}"
                pairs.setdefault(size, []).append(side_by_side(workspace, folder, args.bytecode))
    line = ""
    if size == max(args.sizes) and last_build is not None:
        # The last -j 1 run left its output folder complete, its manifest up to date and the
        # hashes of its inputs and outputs remembered (pipeline/batch/hash_cache.py): the first
        # rebuild, as a user's right after a build, and a second one.
        first = rebuild(workspace, last_build, args.interval, args.bytecode)
        second = rebuild(workspace, last_build, args.interval, args.bytecode)
        line = (
            f"incremental rebuild, nothing changed, N = {size}, build -j 1 (whole process): "
            f"{first.seconds:.2f} s right after the build, {second.seconds:.2f} s the next "
            f"time; peak RSS {mb(_mb(first.peak_tree_kb))} / {mb(_mb(second.peak_tree_kb))} MB"
        )
    return line  # the workspace is deleted with the scratch folder, after every size


def _mb(kb: int | None) -> float | None:
    return kb / 1024 if kb is not None else None


def print_report(
    args: argparse.Namespace,
    tallies: dict[tuple[int, str], Tally],
    probes: list[tuple[int, float, float]],
    pairs: dict[int, list[tuple[float, float]]],
    rebuild_line: str,
    fixed: dict[str, float],
) -> None:
    """The table, the two-core check, the ratios; the last line is the reported ratio."""
    print()
    header = (
        f"{'N':>6} {'approach':<22} {'docs/s':>8} {'s/run':>8} {'peak RSS MB':>11}"
        f" {'largest process MB':>18} {'× plain script':>14}"
    )
    print(header)
    print("-" * len(header))
    for size in args.sizes:
        plain = tallies.get((size, PLAIN))
        for approach in args.approaches:
            tally = tallies[(size, approach)]
            ratio = f"{tally.rate / plain.rate:.2f}" if plain and plain.rate else "?"
            per_run = tally.seconds / args.rounds
            print(
                f"{size:>6} {LABELS[approach]:<22} {tally.rate:>8.1f} {per_run:>8.1f}"
                f" {mb(tally.tree_mb):>11} {mb(tally.process_mb):>18} {ratio:>14}"
            )
    print()
    for size, capacity, load in probes:
        verdict = "yes" if capacity >= FREE_CORES else "NO: the -j 2 row measures the machine"
        print(
            f"two cores free before build -j 2, N = {size}: 2 processes of pure CPU work did "
            f"{capacity:.2f}× one's (2.00 on two free cores; load average {load:.2f}): {verdict}"
        )
    for size in args.sizes:
        one, two = tallies.get((size, BUILD_1)), tallies.get((size, BUILD_2))
        if one and two and one.rate:
            spread = round_by_round(one.round_seconds, two.round_seconds)
            print(f"N = {size}: build -j 2 / build -j 1 = {two.rate / one.rate:.2f}×{spread}")
            if pairs.get(size):
                print(side_by_side_line(size, one, two, pairs[size]))
    print_scaling(args, tallies, fixed)
    small, large = min(args.sizes), max(args.sizes)
    for approach in args.approaches:
        low, high = tallies[(small, approach)].tree_mb, tallies[(large, approach)].tree_mb
        if large != small and low and high:
            print(f"{LABELS[approach]}: peak RSS at N = {large} / N = {small} = {high / low:.2f}×")
    if rebuild_line:
        print(rebuild_line)
    reported = REPORTED_N if REPORTED_N in args.sizes else large
    plain, build = tallies.get((reported, PLAIN)), tallies.get((reported, BUILD_1))
    if plain and build and plain.rate:
        spread = round_by_round(plain.round_seconds, build.round_seconds)
        print(f"ratio at N = {reported}: build -j 1 docs/s ÷ plain script docs/s{spread}")
        print(f"ratio_build_vs_docxtpl_script {build.rate / plain.rate:.2f}")
    else:
        print("note: the ratio needs both the plain script and build -j 1")
        print("ratio_build_vs_docxtpl_script nan")


def side_by_side_line(
    size: int, one: Tally, two: Tally, pairs: list[tuple[float, float]]
) -> str:
    """How much work two independent build -j 1 processes did at once against one alone just
    before (the ceiling of -j 2 on this machine), and how much of it -j 2 reached."""
    alone, together = [a for a, _ in pairs], [b for _, b in pairs]
    capacity = 2 * sum(alone) / sum(together)
    reached = (two.rate / one.rate) / capacity
    spread = round_by_round([2 * seconds for seconds in alone], together)
    return (
        f"N = {size}: two build -j 1 side by side (independent processes, each over all {size} "
        f"documents) did {capacity:.2f}× the work of one run alone just before{spread}: the "
        f"most two processes of this work get from this machine; build -j 2 / build -j 1 "
        f"reached {100 * reached:.0f} % of it"
    )


def round_by_round(slower: list[float], faster: list[float]) -> str:
    """' (round by round: 1.62, 1.75)': the ratio of two approaches' times in each round, to
    show how much the machine moved between rounds; empty for one round."""
    if len(slower) < 2:
        return ""
    ratios = ", ".join(f"{a / b:.2f}" for a, b in zip(slower, faster, strict=True) if b)
    return f" (round by round: {ratios})"


def print_scaling(
    args: argparse.Namespace, tallies: dict[tuple[int, str], Tally], fixed: dict[str, float]
) -> None:
    """At the reported N: build -j 1 as its fixed part plus a time per document, and what that
    leaves for the targets (see bench/lib/scaling.py)."""
    size = REPORTED_N if REPORTED_N in args.sizes else max(args.sizes)
    if BUILD_1 not in args.approaches or size <= WARM_UP_DOCUMENTS:
        return
    one = Scaling.from_runs(
        (WARM_UP_DOCUMENTS, fixed[BUILD_1]), (size, tallies[(size, BUILD_1)].seconds / args.rounds)
    )
    print(
        f"N = {size}: build -j 1 = {one.fixed:.2f} s whatever N + "
        f"{1000 * one.per_document:.2f} ms per document"
    )
    best = one.best_split(size, fixed[BUILD_2]) if BUILD_2 in fixed else None
    if best is not None:
        print(
            f"N = {size}: build -j 2, its fixed part {fixed[BUILD_2]:.2f} s and build -j 1's "
            f"documents shared perfectly by two workers, would be at most {best:.2f}× build -j 1"
        )
    plain = tallies.get((size, PLAIN))
    if plain is not None and plain.rate:
        seconds = size / (TARGET_RATIO * plain.rate)
        print(
            f"N = {size}: {TARGET_RATIO:g}× the plain script is {seconds:.2f} s per run: after "
            f"build -j 1's fixed part, {1000 * one.per_document_for(seconds, size):.2f} ms per "
            f"document"
        )
        largest = largest_fixed_part(seconds, TARGET_SPEEDUP)
        if largest is not None and BUILD_2 in fixed:
            print(
                f"N = {size}: both at once ({TARGET_RATIO:g}× the plain script with -j 1, -j 2 "
                f"≥ {TARGET_SPEEDUP:g}× -j 1) need a fixed part two workers do not share of at "
                f"most {largest:.2f} s, whatever a document costs; build -j 2's is "
                f"{fixed[BUILD_2]:.2f} s"
            )


if __name__ == "__main__":
    sys.exit(main())
