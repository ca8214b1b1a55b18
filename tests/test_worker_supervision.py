"""Build workers supervised (issue 12): they die with a killed build, and Ctrl-C stops a build
with one line, exit code 130 and no traceback. Real processes, a real `vanthu build -j 2`."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch.hash_cache import CACHE_NAME
from pipeline.batch.supervise import BuildInterrupted, die_with_parent
from tests.processes import alive_after, children
from tests.test_interrupt import busy

REPO = Path(__file__).resolve().parents[1]
EXTRA_DECISIONS = 60  # enough work that the build is still running when it is stopped
ORPHAN_GRACE = 5.0


@pytest.fixture()
def busy_inputs(inputs_copy: Path) -> Path:
    """inputs/ with many more award decisions (each with its own list), so a -j 2 build runs
    for a few seconds."""
    return busy(inputs_copy, EXTRA_DECISIONS)


def start_build(inputs: Path, out: Path, **popen: object) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "pipeline.cli", "build", str(inputs), "-o", str(out)]
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [*command, "-j", "2"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "VANTHU_LANG": "vi"},
        text=True,
        **popen,
    )


def wait_for_workers(build: subprocess.Popen[str], count: int = 2) -> list[int]:
    """The build's worker processes, once it has started them."""
    deadline = time.monotonic() + 120
    while len(workers := children(build.pid)) < count:
        assert build.poll() is None, "the build ended before its workers were seen"
        assert time.monotonic() < deadline, "no workers after 120 s"
        time.sleep(0.02)
    return workers


def test_workers_die_with_a_killed_build(busy_inputs: Path, tmp_path: Path) -> None:
    build = start_build(
        busy_inputs, tmp_path / "out", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        workers = wait_for_workers(build)
    finally:
        build.kill()  # SIGKILL: nothing of the build's own code runs after this
        build.wait()
    assert workers
    assert not alive_after(workers, ORPHAN_GRACE)


def test_ctrl_c_stops_the_build_with_one_line(busy_inputs: Path, tmp_path: Path) -> None:
    build = start_build(
        busy_inputs,
        tmp_path / "out",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        workers = wait_for_workers(build)
        os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C does: the whole group gets it
        stdout, stderr = build.communicate(timeout=120)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    assert build.returncode == 130, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Ctrl-C" in lines[0]
    for noise in ("Traceback", "Aborted", "KeyboardInterrupt"):
        assert noise not in stderr and noise not in stdout
    assert not alive_after(workers, ORPHAN_GRACE)


def test_interrupted_is_an_error_with_exit_130_and_a_message() -> None:
    error = BuildInterrupted()
    assert error.exit_code == 130
    assert "Ctrl-C" in error.message() and "Ctrl-C" in error.message("en")


def test_a_worker_of_a_gone_parent_exits_at_once() -> None:
    # Told its parent is a process that has already ended: it ends at once.
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from {die_with_parent.__module__} import die_with_parent as d; "
            f"d({int(gone.stdout)}); print('still here')",
        ],  # fmt: skip
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode == 1 and "still here" not in probe.stdout


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (hidden temporary files included), by relative name; not the
    hash cache, which remembers only the files that were old enough when a build ended (so
    its content depends on how long ago each build ran)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != CACHE_NAME}  # fmt: skip


def kill_worker(build: subprocess.Popen[str], workers: list[int]) -> None:
    os.kill(workers[0], signal.SIGKILL)


def kill_build(build: subprocess.Popen[str], workers: list[int]) -> None:
    os.kill(build.pid, signal.SIGKILL)


def interrupt(build: subprocess.Popen[str], workers: list[int]) -> None:
    os.killpg(build.pid, signal.SIGINT)


@pytest.mark.parametrize("stop", [kill_build, kill_worker, interrupt], ids=lambda f: f.__name__)
@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8])
def test_after_a_stop_the_next_build_matches_a_clean_one(
    busy_inputs: Path, tmp_path: Path, stop, delay: float
) -> None:
    """Stopped at some point of its work (kill -9 of the build or of a worker, Ctrl-C), a build
    leaves nothing that the next build does not finish or clean: the result is byte for byte
    what a build that was never stopped makes, and no process of the stopped one is left."""
    from pipeline.batch import build
    from pipeline.workspace import Workspace

    out = tmp_path / "out"
    started = start_build(busy_inputs, out, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    try:
        workers = wait_for_workers(started)
        time.sleep(delay)
        try:
            stop(started, workers)
        except ProcessLookupError:
            pass  # it had already finished: the next build then has nothing to do
        started.wait(timeout=120)
    finally:
        if started.poll() is None:
            os.killpg(started.pid, signal.SIGKILL)
            started.wait()
    assert not alive_after(workers, ORPHAN_GRACE)

    workspace = Workspace.containing(busy_inputs)
    again = build(workspace.with_output(out), jobs=2)
    assert again.ok, again.invalid or [d.error for d in again.failed]
    clean = build(workspace.with_output(tmp_path / "clean"), jobs=2)
    assert clean.ok
    assert snapshot(out) == snapshot(tmp_path / "clean")


def squares_or_die(numbers: list[int]) -> list[int]:
    """A task that kills its own worker process when its batch holds 13."""
    if 13 in numbers:
        os.kill(os.getpid(), signal.SIGKILL)
    return [number * number for number in numbers]


@pytest.mark.parametrize(("count", "jobs", "size"), [(1, 2, 1), (7, 2, 1), (64, 2, 8), (1000, 2, 8),
                                                     (40, 3, 3)])  # fmt: skip
def test_workers_hand_over_a_few_items_at_a_time(count: int, jobs: int, size: int) -> None:
    from pipeline.batch.runner import chunk_size

    assert chunk_size(count, jobs) == size


def test_every_item_of_a_dead_workers_chunks_is_reported_lost_once() -> None:
    """Items go to the workers in chunks: when a worker dies, every item not done is reported
    as lost (through `lost`), none twice and none missing."""
    from pipeline.batch.runner import Workers
    from pipeline.i18n import t
    from pipeline.workspace import Workspace

    items = list(range(64))
    with Workers(2, Workspace.containing(REPO / "inputs")) as workers:
        results = list(workers.run(squares_or_die, items, lambda item, why: ("lost", item, why)))
    assert len(results) == len(items)
    lost = {r[1] for r in results if isinstance(r, tuple)}
    done = {int(r**0.5) for r in results if not isinstance(r, tuple)}
    assert 13 in lost and lost.isdisjoint(done) and lost | done == set(items)
    prefix = t("build.worker_lost", reason="").split("(")[0]
    assert all(r[2].startswith(prefix) for r in results if isinstance(r, tuple))


def test_one_job_imports_no_multiprocessing() -> None:
    # In a process of its own: the builder, the runner and a run of one job in this process,
    # which needs no pool (multiprocessing is imported when one is made).
    probe = (
        "import sys\n"
        "import pipeline.batch.builder\n"
        "from pipeline.batch.runner import Workers\n"
        "from pipeline.workspace import Workspace\n"
        f"with Workers(1, Workspace.containing({str(REPO / 'inputs')!r})) as workers:\n"
        "    done = list(workers.run(lambda items: items, [1, 2, 3], lambda item, why: why))\n"
        "assert done == [1, 2, 3], done\n"
        "print('multiprocessing' in sys.modules, 'ctypes' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True,
                         check=True)  # fmt: skip
    assert run.stdout.split() == ["False", "False"]


@pytest.mark.parametrize(("count", "jobs"), [(1, 2), (7, 2), (64, 2), (200, 2), (1000, 2),
                                             (5000, 2), (40, 3), (1000, 4)])  # fmt: skip
def test_workers_take_many_items_at_first_and_a_few_at_the_end(count: int, jobs: int) -> None:
    """Hand-overs to workers cover every item once, in order of size from large to the few
    of chunk_size, never above HANDOVER_LIMIT: the end is as balanced as with hand-overs of a
    few, with far fewer of them when there are many items."""
    from pipeline.batch.runner import HANDOVER_LIMIT, chunk_size, handover_sizes

    sizes = handover_sizes(count, jobs)
    few = chunk_size(count, jobs)
    assert sum(sizes) == count
    assert sizes == sorted(sizes, reverse=True)
    assert all(few <= size <= max(few, HANDOVER_LIMIT) for size in sizes[:-1])
    assert 1 <= sizes[-1] <= few
    # The last hand-overs (a quarter of what each worker does at the end) are the few.
    assert sum(sizes[-jobs:]) <= few * jobs
    if count >= 1000:
        assert len(sizes) < count // few / 2


@pytest.mark.parametrize("count", [1, 5, 8, 9, 33, 64, 100])
def test_one_job_runs_its_items_in_order_a_batch_of_chunk_size_at_a_time(count: int) -> None:
    """This process (one job) hands its task every item once, in order, in batches of
    chunk_size (the last one smaller): the batch's steps run over all of it."""
    from pipeline.batch.runner import Workers, chunk_size

    batches: list[list[int]] = []

    def task(items: list[int]) -> list[int]:
        batches.append(items)
        return [-item for item in items]

    items = list(range(count))
    done = list(Workers(1, workspace=None).run(task, items, lambda item, why: why))  # type: ignore[arg-type]
    size = chunk_size(count, 1)
    assert done == [-item for item in items]
    assert [item for batch in batches for item in batch] == items
    assert all(len(batch) == size for batch in batches[:-1]) and 1 <= len(batches[-1]) <= size


def test_cut_gives_consecutive_batches_of_the_sizes_asked() -> None:
    from pipeline.batch.runner import cut

    assert list(cut(list(range(10)), [4, 4, 2])) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert list(cut([], [])) == []
    # Sizes past the end (this process's endless batches of one size): stops when none is left.
    assert list(cut(list(range(10)), itertools.repeat(4))) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert list(cut([], itertools.repeat(4))) == []
