"""`vanthu render` of a file while `vanthu build` runs in the same workspace (finding s56 R3):
the render waits for the build's lock, and judges the outputs and manifests it writes over only
once it holds the lock, never as it read them before the build had finished writing them. Read
too early, a manifest the build was making whole again was taken for lost ("manifest bị xóa?"),
and an output the build had just made again was taken for one edited by hand.

Real processes: a build, stopped (SIGSTOP) as soon as it holds the workspace's lock, so that
a render reading anything before it holds the lock reads the workspace as it was before the
build; the render, stopped in its turn once it waits for the lock; then the build goes on to its
end, and the render after it. No sleep
stands for an order: each step waits for what /proc shows of the processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pipeline.batch.manifest import file_sha256
from tests.test_build_robust_r13a import EDIT, edit_by_hand, texts
from tests.test_interrupt import REPO
from tests.test_pdf_without_unoserver import entries
from tests.test_register_order import numbers, office, plan, vanthu  # noqa: F401

DOCUMENTS = 6  # the last one, kh-6.yaml, is the one the clerk renders during the build
LIMIT = 120.0  # seconds for each step: generous, this is not a timing test


def holds_lock(pid: int, folder: Path) -> bool:
    """Whether process `pid` holds an flock on `folder` (/proc/locks names it by inode)."""
    inode = os.stat(folder).st_ino
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if "FLOCK" in fields and fields[4] == str(pid) and fields[5].endswith(f":{inode}"):
            return True
    return False


def waits_for_lock(pid: int, folder: Path) -> bool:
    """Whether process `pid` has `folder` open as workspace_lock opens it (O_DIRECTORY, blocking:
    a listing's opendir is O_NONBLOCK) while it holds no lock on it: it waits for the lock."""
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") != str(folder):
                continue
            flags = next(int(line.split()[1], 8) for line in
                         Path(f"/proc/{pid}/fdinfo/{fd}").read_text().splitlines()
                         if line.startswith("flags:"))  # fmt: skip
        except OSError:  # closed meanwhile
            continue
        if flags & os.O_DIRECTORY and not flags & os.O_NONBLOCK:
            return not holds_lock(pid, folder)
    return False


def vanthu_process(root: Path, *args: str) -> subprocess.Popen[str]:
    """`vanthu ARGS` run in `root`, in its own process group (a build's workers with it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "--lang", "vi", *args],
        cwd=root, env={**os.environ, "PYTHONPATH": str(REPO)}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip


def wait_until(process: subprocess.Popen[str], ready: Callable[[], bool]) -> None:
    """Poll until `ready()`; a process that ends first fails the test with its own words."""
    deadline = time.monotonic() + LIMIT
    while not ready():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"ended first, exit {process.returncode}:\n{out}{err}")
        assert time.monotonic() < deadline, "never got there"
        time.sleep(0.01)


@contextmanager
def killed_on_failure(*processes: subprocess.Popen[str]) -> Iterator[None]:
    """The processes, stopped or not, killed when the test fails while they run."""
    try:
        yield
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()


def render_during_build(root: Path, data: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    """`vanthu render DATA` started while `vanthu build` holds the workspace's lock, having read
    nothing yet: the render's result, and what the build said (its output and its warnings)."""
    build = vanthu_process(root, "build")
    with killed_on_failure(build):
        wait_until(build, lambda: holds_lock(build.pid, root))
        os.killpg(build.pid, signal.SIGSTOP)
        render = vanthu_process(root, "render", str(data.relative_to(root)))
        with killed_on_failure(render):
            wait_until(render, lambda: waits_for_lock(render.pid, root))
            os.killpg(render.pid, signal.SIGSTOP)
            os.killpg(build.pid, signal.SIGCONT)
            said, warned = build.communicate(timeout=LIMIT)
            assert build.returncode == 0, warned
            os.killpg(render.pid, signal.SIGCONT)
            out, err = render.communicate(timeout=LIMIT)
    return subprocess.CompletedProcess(render.args, render.returncode, out, err), said + warned


def built_year(root: Path) -> Path:
    """DOCUMENTS Kế hoạch (so: tu_dong), built once; the one the clerk renders later."""
    for index in range(1, DOCUMENTS + 1):
        plan(root, f"kh-{index}.yaml", f"{index + 1:02d}/03/2026")
    (root / "inputs/2026/ke-hoach.yaml").unlink()
    assert vanthu("build").exit_code == 0
    return root / f"inputs/2026/kh-{DOCUMENTS}.yaml"


def recorded_as_written(root: Path) -> None:
    """Every document has its output, recorded in the manifest as it is, and one number."""
    recorded = entries(root / "outputs")
    assert len(recorded) == DOCUMENTS
    for entry in recorded.values():
        output = root / "outputs" / entry["output"]["path"]
        assert entry["output"]["sha256"] == file_sha256(output)
    assert [number for number, _, _ in numbers(root)] == list(range(1, DOCUMENTS + 1))


def test_a_manifest_the_build_makes_whole_again_is_not_said_lost_by_the_render(
    office: Path,  # noqa: F811
) -> None:
    """The year's manifest deleted: the build makes it whole again while the render waits; the
    render, once it holds the lock, finds it there, says nothing of a lost manifest and keeps
    no copy of the build's output as if edited by hand."""
    data = built_year(office)
    (office / "outputs/2026/manifest.json").unlink()

    result, built = render_during_build(office, data)

    assert result.returncode == 0, result.stderr
    assert "manifest" not in result.stderr and "sua-tay" not in result.stderr, result.stderr
    # The build, which found it missing, says so (rightly), each output as it was.
    assert built.count("không có outputs/2026/manifest.json") == 1
    assert "Mọi tệp có sẵn đều giống hệt bản vừa dựng" in built
    assert not list(office.glob("outputs/**/*.sua-tay*"))
    recorded_as_written(office)


def test_an_output_the_build_made_again_is_not_refused_as_edited_by_hand(
    office: Path,  # noqa: F811
) -> None:
    """An output edited by hand, then its data changed: the build makes it again from the data
    (saying the hand edits were replaced) while the render waits; the render, once it holds the
    lock, finds the build's own output there, not the hand-edited one it could have read
    before: it renders, refused nothing."""
    data = built_year(office)
    output = office / f"outputs/2026/{data.stem}.docx"
    edit_by_hand(output)
    data.write_text(data.read_text("utf-8").replace("Triển khai", "Tổ chức triển khai", 1),
                    "utf-8")

    result, built = render_during_build(office, data)

    assert result.returncode == 0, result.stderr
    assert "sửa tay" not in result.stderr, result.stderr
    assert EDIT not in texts(output) and "Tổ chức triển khai" in texts(output)
    assert f"outputs/2026/{data.stem}.docx" in built  # the build said whose hand edits went
    recorded_as_written(office)

