"""bench/batch_bench.py runs end to end on a few documents; no timing is asserted."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "batch_bench.py"
LABELS = ("docxtpl naive loop", "engine, 1 worker", "engine, 2 workers", "floor: write bytes")
NUMBER = r"\d+(?:\.\d+)?"


def test_bench_prints_table_and_ratio_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--docs", "5", "--types", "ke-hoach", "--rounds", "2"],
        cwd=tmp_path,  # the script finds the project from its own path, not the working folder
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith("type "))
    for column in ("approach", "docs/s", "ms/doc", "peak RSS MB", "× naive"):
        assert column in header
    for label in LABELS:
        row = next(line for line in lines if line.startswith("ke-hoach") and label in line)
        docs, rate, ms, rss, ratio = row.split(label)[1].split()
        assert docs == "5"
        for value in (rate, ms, rss, ratio):
            assert re.fullmatch(NUMBER, value), row
    assert re.fullmatch(rf"ratio_vs_naive_docxtpl {NUMBER}", lines[-1])
    assert float(lines[-1].split()[1]) > 0
    # Only the plan type was asked for: the line before says the ratio is not the decision's.
    assert lines[-2].startswith("note: quyet-dinh") and lines[-2].endswith("for ke-hoach")


BUILD_BENCH = BENCH.with_name("build_bench.py")
BUILD_LABELS = ("plain docxtpl script", "vanthu build -j 1", "vanthu build -j 2")


def test_build_bench_prints_table_checks_and_ratio_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BUILD_BENCH), "--sizes", "2,5", "--rounds", "1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.split()[:2] == ["N", "approach"])
    for column in ("docs/s", "s/run", "peak RSS MB", "largest process MB", "× plain script"):
        assert column in header
    for size in ("2", "5"):
        for label in BUILD_LABELS:
            row = next(line for line in lines if line.split()[:1] == [size] and label in line)
            values = row.split(label)[1].split()
            assert len(values) == 5, row
            for value in values:
                assert re.fullmatch(NUMBER, value), row
        assert any(
            line.startswith(f"two cores free before build -j 2, N = {size}:") for line in lines
        )
        side_by_side = (
            rf"N = {size}: two build -j 1 side by side \(independent processes, each over all "
            rf"{size} documents\) did {NUMBER}× the work of one run alone just before: .* "
            rf"build -j 2 / build -j 1 reached {NUMBER} % of it"
        )
        assert any(re.fullmatch(side_by_side, line) for line in lines), lines
    assert any(line.startswith("incremental rebuild, nothing changed, N = 5") for line in lines)
    fixed = next(line for line in lines if line.startswith("fixed part (whole process over 3"))
    for label in BUILD_LABELS:
        assert re.search(rf"{label} {NUMBER} s", fixed), fixed
    parts = rf"N = 5: build -j 1 = -?{NUMBER} s whatever N \+ -?{NUMBER} ms per document"
    assert any(re.fullmatch(parts, line) for line in lines)
    assert any(
        re.match(rf"N = 5: 20× the plain script is {NUMBER} s per run", line) for line in lines
    )
    creation = next(line for line in lines if line.startswith("workspaces in "))
    compiled = rf"takes {NUMBER} ms; every module a run imports compiled once"
    assert re.search(compiled, creation), creation
    assert re.fullmatch(rf"ratio_build_vs_docxtpl_script {NUMBER}", lines[-1])
    assert float(lines[-1].split()[1]) > 0


def test_build_bench_warm_up_leaves_the_compiled_code_every_run_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PYTHONPYCACHEPREFIX moves the standard library's and docxtpl's compiled code too: the
    # warm-up must leave it there, or the first timed run compiles them on the clock.
    monkeypatch.syspath_prepend(str(BENCH.parent.parent))  # as the benchmark's scripts do
    from bench.lib.end_to_end import BUILD_1, PLAIN, compile_checkout, small_workspace, warm_up

    bytecode = tmp_path / "pycache"

    def compiled() -> set[str]:
        return {p.relative_to(bytecode).as_posix() for p in bytecode.rglob("*.pyc")}

    compile_checkout(bytecode)
    assert not any("/docxtpl/" in name for name in compiled())  # only vanthu's, so far
    warm_up(small_workspace(tmp_path), (PLAIN, BUILD_1), bytecode)
    after = compiled()
    assert any("/docxtpl/" in name for name in after)  # the plain script's
    assert any("/jinja2/" in name for name in after)  # the build's
    assert any("/json/decoder." in name for name in after)  # the standard library's


def test_scaling_splits_a_run_into_its_fixed_part_and_its_part_per_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(BENCH.parent.parent))
    from bench.lib.scaling import Scaling

    # 0.5 s whatever N, 2.7 ms per document: 0.5081 s over 3 documents, 3.2 s over 1000
    one = Scaling.from_runs((3, 0.5081), (1000, 3.2))
    assert one.fixed == pytest.approx(0.5, abs=1e-6)
    assert one.per_document == pytest.approx(0.0027)
    # Two workers starting in 0.6 s share the 2.7 s: 3.2 / (0.6 + 1.35)
    assert one.best_split(1000, fixed=0.6) == pytest.approx(3.2 / 1.95)
    assert Scaling(fixed=0.0, per_document=0.001).best_split(1000, fixed=0.0) == pytest.approx(2)
    # 20x a plain script of 20 docs/s at N = 1000 is 2.5 s: 2.0 ms per document after 0.5 s
    assert one.per_document_for(2.5, 1000) == pytest.approx(0.002)
    # Runs too noisy to tell the parts apart: no bound rather than a wrong one
    assert Scaling.from_runs((3, 0.6), (1000, 0.5)).best_split(1000, fixed=0.6) is None


def test_both_targets_bound_the_fixed_part_whatever_a_document_costs() -> None:
    from bench.lib.scaling import Scaling, largest_fixed_part

    # 1.8x on two workers needs the documents' time at least 8 times the fixed part: within
    # 2.3 s, the fixed part at most 2.3 / 9 s.
    largest = largest_fixed_part(2.3, 1.8)
    assert largest == pytest.approx(2.3 / 9)
    # At that fixed part, a run of 2.3 s split perfectly by two workers is exactly 1.8x.
    edge = Scaling(fixed=largest, per_document=(2.3 - largest) / 1000)
    assert edge.seconds(1000) == pytest.approx(2.3)
    assert edge.best_split(1000, fixed=largest) == pytest.approx(1.8)
    # A larger fixed part misses one target or the other, whatever the documents cost.
    for per_document in (0.0015, 0.0019, 0.0025):
        wider = Scaling(fixed=largest * 1.1, per_document=per_document)
        assert wider.seconds(1000) > 2.3 or wider.best_split(1000, fixed=largest * 1.1) < 1.8
    assert largest_fixed_part(2.3, 2.0) == 0  # twice as fast on two: no fixed part at all
    assert largest_fixed_part(2.3, 2.1) is None


def test_build_bench_shows_each_rounds_ratio_when_there_are_several() -> None:
    from bench.build_bench import round_by_round

    assert round_by_round([4.0, 5.0], [2.5, 2.0]) == " (round by round: 1.60, 2.50)"
    assert round_by_round([4.0], [2.5]) == ""


def test_build_bench_side_by_side_line_is_two_processes_work_against_one() -> None:
    from bench.build_bench import side_by_side_line
    from bench.lib.end_to_end import Tally

    one = Tally(docs=2000, round_seconds=[4.5, 5.0])
    two = Tally(docs=2000, round_seconds=[3.0, 3.0])
    # One alone took 4 s then 5 s, two side by side 5 s and 5 s right after: 2 x 9 / 10
    line = side_by_side_line(1000, one, two, [(4.0, 5.0), (5.0, 5.0)])
    assert "did 1.80× the work of one run alone just before (round by round: 1.60, 2.00)" in line
    # -j 2 / -j 1 = 9.5 / 6 = 1.58, of 1.8
    assert line.endswith("build -j 2 / build -j 1 reached 88 % of it")


def test_build_bench_workspace_is_valid_and_draws_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The benchmark measures a clean year's build: a generated decision dated on a Sunday (or
    # any other warning) would print a warning per document, which no office's build does.
    monkeypatch.syspath_prepend(str(BENCH.parent.parent))
    from bench.lib.workspace import generate
    from pipeline import api

    workspace = generate(tmp_path / "ws", 40)
    report = api.check(sorted(p.yaml for p in workspace.documents))
    assert [(path.name, error.message()) for path, error in report.errors] == []
    assert len(report.valid) == 40
    assert report.warnings == []
