"""The timed rounds of the engine benchmark (interleaved), and each approach's peak RSS alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bench.lib.approaches import (
    APPROACHES,
    ENGINE_2,
    FLOOR,
    FLOOR_POOL,
    Prepared,
    naive_render,
    run_slice,
    start_pool,
    wait_ready,
)
from bench.lib.corpus import Corpus
from bench.lib.measure import Results, parallel_capacity
from bench.lib.project import ROOT, TEMPLATES
from pipeline.render.engine import Engine

PROBE_SECONDS = 0.2  # CPU seconds of the per-round probe of how parallel the machine is
SCRIPT = ROOT / "bench" / "batch_bench.py"  # re-run with --rss-child for each RSS figure


def timed_rounds(
    corpora: list[Corpus], docs: int, rounds: int, seed: int, workdir: Path, write: bool
) -> Results:
    """Run every approach on every type in `rounds` interleaved slices."""
    # Workers are forked before this process holds its contexts, so that their heaps (and the
    # work their garbage collector does) are the size of the 1-worker loop's, not twice it.
    pool = start_pool(tuple(c.name for c in corpora), seed, docs)
    engine = Engine(TEMPLATES)
    prepared = []
    for corpus in corpora:
        engine.prepare(corpus.template)
        contexts = [corpus.context(i) for i in range(docs)]
        library = engine.library
        floor_docs = [engine.render(corpus.template, c) for c in contexts[:FLOOR_POOL]]
        item = Prepared(
            corpus,
            contexts,
            library.docx_bytes(corpus.template),
            library.environment(),
            floor_docs,
        )
        naive_render(item.template_bytes, item.env, contexts[0])  # warm-up
        prepared.append(item)
    results = Results()
    with pool:
        wait_ready(pool)
        warm = workdir / "warm"
        warm.mkdir()
        for item in prepared:
            run_slice(ENGINE_2, item, range(min(4, docs)), engine, pool, warm)
        for round_no in range(rounds):
            indices = range(round_no * docs // rounds, (round_no + 1) * docs // rounds)
            if not indices:
                continue
            one, two = parallel_capacity(pool, PROBE_SECONDS)
            results.probe_one += one
            results.probe_two += two
            order = APPROACHES[round_no % 4 :] + APPROACHES[: round_no % 4]
            for item in prepared:
                for approach in order:
                    outdir = workdir / approach
                    outdir.mkdir(exist_ok=True)
                    target = outdir if write or approach == FLOOR else None
                    seconds = run_slice(approach, item, indices, engine, pool, target)
                    results.add(item.corpus.name, approach, len(indices), seconds)
                    shutil.rmtree(outdir)
    return results


def measure_rss(approach: str, name: str, docs: int, seed: int, write: bool) -> int | None:
    """Peak RSS (KiB) of `approach` run alone in a fresh Python process; None if it failed."""
    command = [
        sys.executable, str(SCRIPT), "--rss-child", approach,
        "--types", name, "--docs", str(docs), "--seed", str(seed),
    ] + (["--write-files"] if write else [])  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("peak_rss_kb "):
            return int(line.split()[1])
    print(f"note: RSS child {approach}/{name} failed: {done.stderr.strip()[-300:]}")
    return None
