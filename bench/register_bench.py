"""Register benchmark (issue 14): allocations per second, SQLite and PostgreSQL, 1 and 8 processes.

Run from anywhere:  python bench/register_bench.py [--allocations 500] [--processes 1,8]
                                                   [--backends sqlite,postgresql]
Each run starts from an empty register (a new file; a new database on a PostgreSQL server this
script starts itself with initdb/pg_ctl, fsync on, and stops at the end). P processes wait at a
start line, then each allocates N numbers, every one its own transaction; the clock runs from the
start signal to the last process's end. Both engines are durable as configured for clerks:
SQLite WAL with synchronous=FULL, PostgreSQL with fsync and synchronous_commit on. After each run
the numbers are checked (1..P×N, each once). A benchmark, not a test: nothing asserts a timing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

# Measure the pipeline of this checkout, whichever checkout the installed package points to.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.register import Details, open_register  # noqa: E402
from pipeline.register.testing import TemporaryPostgres, find_pg_bin  # noqa: E402

AGENCY = "bench"
DETAILS = Details(doc_date=date(2026, 6, 1), symbol="QĐ-BENCH", summary="Benchmark")
ctx = multiprocessing.get_context("fork")


def _worker(location: str, count: int, ready: Any, start: Any, out: Any) -> None:
    with open_register(location) as register:
        ready.release()
        start.wait()
        numbers = [register.allocate(AGENCY, DETAILS).number for _ in range(count)]
    out.put(numbers)


def run(location: str, processes: int, count: int) -> tuple[float, bool]:
    """Seconds for `processes` × `count` allocations, and whether the numbers came out right."""
    open_register(location).close()
    ready, start, out = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(location, count, ready, start, out))
               for _ in range(processes)]
    for worker in workers:
        worker.start()
    for _ in workers:  # every process connected before the clock starts
        ready.acquire()
    began = time.perf_counter()
    start.set()
    results = [out.get() for _ in workers]
    elapsed = time.perf_counter() - began
    for worker in workers:
        worker.join()
    numbers = sorted(n for result in results for n in result)
    return elapsed, numbers == list(range(1, processes * count + 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allocations", type=int, default=500, help="per process (500)")
    parser.add_argument("--processes", default="1,8", help="comma-separated counts (1,8)")
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    counts = [int(p) for p in args.processes.split(",")]
    backends = args.backends.split(",")
    server: TemporaryPostgres | None = None
    rows: list[tuple[str, int, int, float, bool]] = []
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-") as folder:
        try:
            for backend in backends:
                for processes in counts:
                    if backend == "sqlite":
                        location = str(Path(folder) / f"so-{processes}.sqlite3")
                    else:
                        if server is None:
                            bin_dir = find_pg_bin()
                            if bin_dir is None:
                                print("postgresql: server binaries not found, skipped",
                                      file=sys.stderr)
                                break
                            server = TemporaryPostgres(bin_dir, durable=True).start()
                        location = server.new_database()
                    total = processes * args.allocations
                    seconds, correct = run(location, processes, args.allocations)
                    rows.append((backend, processes, total, seconds, correct))
        finally:
            if server is not None:
                server.stop()
    print(f"{'backend':<11} {'processes':>9} {'allocations':>11} {'seconds':>8} "
          f"{'alloc/s':>9}  numbers")
    for backend, processes, total, seconds, correct in rows:
        print(f"{backend:<11} {processes:>9} {total:>11} {seconds:>8.2f} {total / seconds:>9.0f}"
              f"  {'1..' + str(total) + ' once each' if correct else 'WRONG'}")
    return 0 if all(row[4] for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
