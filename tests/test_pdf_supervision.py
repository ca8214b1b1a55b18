"""LibreOffice supervised (issue 12): killed, stopped or hung mid-PDF, it is restarted and the
document retried; what is left of it never outlives its converter. Real LibreOffice, no mocks."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.batch.pdf import OWN_PROFILE, PdfConverter, remove_stale_files
from pipeline.errors import ConversionError
from tests.processes import descends_from, group_members

REPO = Path(__file__).resolve().parents[1]
ORPHAN_GRACE = 5.0  # seconds after which nothing of a stopped converter may run


def office_pid(converter: PdfConverter) -> int:
    """The running LibreOffice (soffice.bin) of `converter`."""
    assert converter.server_pid is not None
    pids = [p for p, name in group_members(converter.server_pid) if name.startswith("soffice")]
    assert pids, group_members(converter.server_pid)
    return pids[-1]


def gone_within(pgid: int, seconds: float) -> list[tuple[int, str]]:
    """What still runs in group `pgid` after waiting up to `seconds` for it to end."""
    deadline = time.monotonic() + seconds
    while (left := group_members(pgid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def finishes(action: Callable[[], None], limit: float = 180.0) -> None:
    """Run `action`; fail (instead of hanging the suite) if it has not returned after `limit`."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as exc:  # handed to the test below
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(limit)
    assert not thread.is_alive(), "the conversion stalled"
    if errors:
        raise errors[0]


def is_pdf(path: Path) -> bool:
    return path.is_file() and path.read_bytes().startswith(b"%PDF")


@pytest.fixture()
def docx(plan_docx: Path, tmp_path: Path) -> Path:
    """A copy of the rendered 2022 plan (a few pages: LibreOffice takes a moment on it)."""
    target = tmp_path / "ke-hoach.docx"
    shutil.copy(plan_docx, target)
    return target


# LibreOffice is required (.ci/run installs it), as is Linux's /proc: without them these tests
# fail rather than skip, since a skipped supervision test proves nothing.


def test_killed_libreoffice_is_restarted_and_the_document_retried(
    docx: Path, tmp_path: Path
) -> None:
    with PdfConverter(timeout=30) as converter:
        converter.convert(docx, tmp_path / "a.pdf")
        first_group = converter.server_pid
        assert first_group is not None
        victim = office_pid(converter)
        killer = threading.Timer(0.2, os.kill, (victim, signal.SIGKILL))
        killer.start()
        finishes(lambda: converter.convert(docx, tmp_path / "b.pdf"))  # killed mid-way
        killer.join()
        finishes(lambda: converter.convert(docx, tmp_path / "c.pdf"))
        assert converter.restarts == 1
        assert converter.server_pid != first_group
        assert not gone_within(first_group, ORPHAN_GRACE)
        last_group = converter.server_pid
    assert all(is_pdf(tmp_path / f"{n}.pdf") for n in "abc")
    assert not list(tmp_path.glob(".*partial*")) and not list(tmp_path.glob(".~lock*"))
    assert last_group is not None and not gone_within(last_group, ORPHAN_GRACE)


def test_stopped_libreoffice_times_out_and_is_replaced(docx: Path, tmp_path: Path) -> None:
    with PdfConverter(timeout=5) as converter:
        converter.convert(docx, tmp_path / "a.pdf")
        first_group = converter.server_pid
        assert first_group is not None
        os.kill(office_pid(converter), signal.SIGSTOP)
        finishes(lambda: converter.convert(docx, tmp_path / "b.pdf"))
        assert converter.restarts == 1
        assert not gone_within(first_group, ORPHAN_GRACE)  # a stopped process is killed too
        converter.convert(docx, tmp_path / "c.pdf")
        last_group = converter.server_pid
    assert all(is_pdf(tmp_path / f"{n}.pdf") for n in "abc")
    assert last_group is not None and not gone_within(last_group, ORPHAN_GRACE)


def test_a_document_failing_twice_is_named_without_libreoffice_text(
    docx: Path, tmp_path: Path
) -> None:
    # A deadline no conversion can meet: both tries time out, with a restart between them.
    with PdfConverter(timeout=0.05) as converter:
        with pytest.raises(ConversionError) as failed:
            converter.convert(docx, tmp_path / "a.pdf")
        assert converter.restarts == 1
        message = failed.value.message()
        assert message.startswith("ke-hoach.docx: không xuất được PDF")
        assert "không trả lời sau 0.05 giây" in message
        for raw in ("uno", "Fault", "Traceback", "xmlrpc", "RuntimeException"):
            assert raw not in message
        assert not (tmp_path / "a.pdf").exists()
        converter.timeout = 30  # LibreOffice was killed after the second try: a fresh one serves
        converter.convert(docx, tmp_path / "b.pdf")
    assert is_pdf(tmp_path / "b.pdf")
    assert not list(tmp_path.glob(".*partial*"))


def test_converter_owner_killed_leaves_no_libreoffice(tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from pipeline.batch.pdf import PdfConverter\n"
        "c = PdfConverter()\n"
        "c.wait_ready()\n"
        "print(c.server_pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    owner = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert owner.stdout is not None
        group = int(owner.stdout.readline())
        assert any(name.startswith("soffice") for _, name in group_members(group))
    finally:
        owner.kill()
        owner.wait()
    assert not gone_within(group, ORPHAN_GRACE)


def test_stale_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    source, target = tmp_path / "qd.docx", tmp_path / "qd.pdf"
    dead = tmp_path / ".qd.99999999.partial.pdf"
    dead_lock = tmp_path / ".~lock..qd.99999999.partial.pdf#"
    docx_lock = tmp_path / ".~lock.qd.docx#"
    others_lock = tmp_path / ".~lock.khac.docx#"  # someone has khac.docx open: not ours
    leftover = tmp_path / "lu12345abc.tmp"
    mine = f",root,host,02.12.2026 05:08,file:///tmp/{OWN_PROFILE}x1/profile;"
    for path, text in ((dead, "%PDF"), (dead_lock, mine), (docx_lock, mine), (leftover, "")):
        path.write_text(text)
    others_lock.write_text(",clerk,pc,02.12.2026 05:08,file:///home/clerk/.config/lo;")
    os.utime(leftover, (time.time() - 60, time.time() - 60))
    live = tmp_path / f".qd.{os.getppid()}.partial.pdf"  # a running conversion's: kept
    live.write_text("%PDF")
    remove_stale_files(source, target)
    assert not dead.exists() and not dead_lock.exists() and not docx_lock.exists()
    assert not leftover.exists()
    assert others_lock.exists() and live.exists()


def test_build_survives_libreoffice_killed_mid_build(inputs_copy: Path, tmp_path: Path) -> None:
    from pipeline.batch import build
    from pipeline.batch.discover import find_inputs
    from pipeline.workspace import Workspace

    out = tmp_path / "out"
    killed: list[int] = []

    def kill_libreoffice_after_first_pdf() -> None:
        deadline = time.monotonic() + 300
        while not list(out.rglob("*.pdf")) and time.monotonic() < deadline:
            time.sleep(0.05)
        for entry in os.listdir("/proc"):
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            # Only this test's LibreOffice: others may be converting on the same machine.
            if b"soffice.bin" in cmdline and descends_from(int(entry), os.getpid()):
                os.kill(int(entry), signal.SIGKILL)
                killed.append(int(entry))

    killer = threading.Thread(target=kill_libreoffice_after_first_pdf, daemon=True)
    killer.start()
    workspace = Workspace.containing(inputs_copy).with_output(out)
    result = build(workspace, jobs=1, pdf=True)
    killer.join(60)
    assert killed  # there was a LibreOffice of ours to kill
    assert result.ok, [d.error for d in result.documents]
    for source in find_inputs(workspace):
        assert is_pdf(out / source.relative_to(inputs_copy).with_suffix(".pdf")), source
    assert not list(out.rglob(".*partial*")) and not list(out.rglob(".~lock*"))


def test_a_document_failing_twice_leaves_no_lock_or_partial_file(
    docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice stopped while it writes the PDF (its lock of the partial PDF and its lu*.tmp
    made), on both tries, until the deadline VANTHU_PDF_TIMEOUT sets: nothing is left beside
    the PDF that was not written."""
    monkeypatch.setenv("VANTHU_PDF_TIMEOUT", "6")
    out = tmp_path / "out"
    out.mkdir()
    stopped: list[int] = []
    done = threading.Event()

    def stop_libreoffice_while_it_writes(converter: PdfConverter) -> None:
        while not done.is_set():
            if list(out.glob(".~lock..a.*.partial.pdf#")):
                try:
                    victim = office_pid(converter)
                except AssertionError:  # between two LibreOffices
                    continue
                if victim not in stopped:
                    os.kill(victim, signal.SIGSTOP)
                    stopped.append(victim)
            time.sleep(0.002)

    with PdfConverter() as converter:
        assert converter.timeout == 6
        watcher = threading.Thread(target=stop_libreoffice_while_it_writes, args=(converter,))
        watcher.start()
        try:
            with pytest.raises(ConversionError) as failed:
                finishes(lambda: converter.convert(docx, out / "a.pdf"))
        finally:
            done.set()
            watcher.join()
        assert os.listdir(out) == []  # no .~lock..a.*.partial.pdf#, no partial, no lu*.tmp
        assert len(stopped) == 2 and converter.restarts == 1  # caught writing, both tries
        assert "không trả lời sau 6 giây" in failed.value.message()
        converter.timeout = 30
        converter.convert(docx, out / "b.pdf")  # a fresh LibreOffice serves the next one
    assert is_pdf(out / "b.pdf") and os.listdir(out) == ["b.pdf"]
