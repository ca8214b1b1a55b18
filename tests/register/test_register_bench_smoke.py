"""bench/register_bench.py runs end to end with a few allocations; no timing is asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.register.testing import find_pg_bin

BENCH = Path(__file__).resolve().parents[2] / "bench" / "register_bench.py"


def test_bench_prints_a_row_per_backend_and_process_count(tmp_path: Path) -> None:
    backends = "sqlite,postgresql" if find_pg_bin() else "sqlite"
    done = subprocess.run(
        [sys.executable, str(BENCH), "--allocations", "10", "--processes", "1,2",
         "--backends", backends],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["backend", "processes", "allocations", "seconds", "alloc/s",
                                "numbers"]
    rows = [line.split() for line in lines[1:]]
    expected = [(b, p) for b in backends.split(",") for p in ("1", "2")]
    assert [(r[0], r[1]) for r in rows] == expected
    assert all(r[-2:] == ["once", "each"] for r in rows)
    if "postgresql" not in backends:
        pytest.fail("PostgreSQL binaries not found: only SQLite was measured", pytrace=False)
