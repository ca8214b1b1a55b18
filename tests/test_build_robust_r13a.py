"""An office PC's accidents during and between builds (tester r13a): a data file saved while the
build numbers it, a damaged or deleted manifest.json, two builds of one workspace at once, too
little room on the disk. The register and the printed document never disagree, a hand edit is
never lost without a copy, a second build stops with one message instead of failing documents
half-way, and the room check says how much room there is and how much is needed."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest

import pipeline.batch.builder as builder
import pipeline.workspace.lock as build_lock
from pipeline.batch import build
from pipeline.batch.room import Size
from pipeline.errors import RenderError
from pipeline.register import Status as RowStatus
from pipeline.register import open_register
from pipeline.render.output import clean_stale
from pipeline.workspace import Workspace
from tests.docx_text import paragraph_texts
from tests.test_build_hand_edits import fake_pdf  # noqa: F401
from tests.test_register_integrity import printed_number
from tests.test_register_order import numbers, office, plan, vanthu  # noqa: F401

EDIT = "GHI CHÚ SỬA TAY CỦA VĂN THƯ"


def rows(root: Path) -> list[tuple[int, str, str | None, RowStatus, str]]:
    """The register's rows of 2026: number, date, data file, status, trích yếu."""
    with open_register(root=root) as register:
        return [(e.number, e.details.doc_date.isoformat() if e.details.doc_date else "",
                 e.source, e.status, e.details.summary or "")
                for e in register.entries(2026)]  # fmt: skip


def texts(path: Path) -> str:
    return "\n".join(paragraph_texts(path))


def saved_after_numbering(monkeypatch: pytest.MonkeyPatch, path: Path,
                          edit: Callable[[str], str]) -> None:
    """`path` saved with `edit` applied at the exact step the tester hit by chance: once the
    build has numbered the documents it read, before it reads them again to print their
    numbers. Its times moved on, as a save moves them."""
    real = builder.allocate

    def allocate(*args, **kwargs):  # type: ignore[no-untyped-def]
        given = real(*args, **kwargs)
        path.write_text(edit(path.read_text("utf-8")), "utf-8")
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        return given

    monkeypatch.setattr(builder, "allocate", allocate)


def new_date(text: str) -> str:
    return re.sub(r"^ngay:.*$", "ngay: 04/03/2026", text, count=1, flags=re.M)


# Finding 2 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_date_saved_between_numbering_and_printing_never_splits_the_register_from_the_docx(
    office: Path, monkeypatch: pytest.MonkeyPatch, jobs: int,  # noqa: F811
) -> None:
    plan(office, "ke-hoach.yaml", "02/03/2026")
    edited = plan(office, "kh-02.yaml", "03/03/2026")
    output = office / "outputs/2026/kh-02.docx"
    with monkeypatch.context() as patch:
        saved_after_numbering(patch, edited, new_date)
        result = vanthu("build", "-j", str(jobs))
    # Not placed: said as saved during the build, to build again; its number kept for it.
    assert result.exit_code == 1
    assert "inputs/2026/kh-02.yaml: tệp dữ liệu (hoặc tệp nó dùng) được lưu lại trong lúc dựng" \
        in result.stderr
    assert "hãy chạy lại vanthu build. Số 02/KH-VPUBND đã cấp cho văn bản này vẫn giữ cho nó" \
        in result.stderr
    assert not output.exists() and not list(office.glob("outputs/**/.*.tmp"))
    assert (office / "outputs/2026/ke-hoach.docx").is_file()
    assert [(n, status) for n, _, _, status, _ in rows(office)] == [
        (1, RowStatus.ISSUED), (2, RowStatus.PENDING)]
    # The next build prints the same number with the date the register now records.
    result = vanthu("build", "-j", str(jobs))
    assert result.exit_code == 0, result.output
    assert "1 đã dựng, 1 không đổi" in result.stdout
    assert rows(office)[1][:4] == (2, "2026-03-04", "inputs/2026/kh-02.yaml", RowStatus.ISSUED)
    assert printed_number(output) == "02/KH-VPUBND"
    assert "ngày 04 tháng 3 năm 2026" in texts(output)
    assert "0 đã dựng, 2 không đổi" in vanthu("build").stdout


def test_a_trich_yeu_saved_between_numbering_and_printing_is_built_again_not_called_unchanged(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    edited = plan(office, "ke-hoach.yaml", "02/03/2026")
    with monkeypatch.context() as patch:
        saved_after_numbering(patch, edited, lambda text: text.replace(
            "Triển khai công tác thi đua", "Sửa trong lúc dựng: công tác thi đua", 1))
        result = vanthu("--lang", "en", "build", "-j", "1")
    assert result.exit_code == 1
    assert "was saved again during the build, after vanthu read it to number it" in result.stderr
    assert not (office / "outputs/2026/ke-hoach.docx").exists()
    assert vanthu("build").exit_code == 0
    ((number, _, _, status, summary),) = rows(office)
    assert (number, status) == (1, RowStatus.ISSUED)
    assert summary == "Kế hoạch sửa trong lúc dựng: công tác thi đua, khen thưởng năm 2026"
    assert "trong lúc dựng: công tác thi đua" in texts(office / "outputs/2026/ke-hoach.docx")


def test_a_document_saved_during_its_rebuild_keeps_its_output_and_its_hand_edits(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    """Issued already, edited, then saved again while the build numbers it: its output stays
    as it was, still known to vanthu (its hand edit kept as a copy when the next build writes
    over it), and its number stays its own."""
    plan(office, "ke-hoach.yaml", "02/03/2026")
    edited = plan(office, "kh-02.yaml", "03/03/2026")
    assert vanthu("build").exit_code == 0
    output = office / "outputs/2026/kh-02.docx"
    edit_by_hand(output)
    edited.write_text(edited.read_text("utf-8").replace(
        "Triển khai công tác thi đua", "Đổi: công tác thi đua", 1), "utf-8")
    before = output.read_bytes()
    with monkeypatch.context() as patch:
        saved_after_numbering(patch, edited, new_date)
        result = vanthu("build", "-j", "1")
    assert result.exit_code == 1 and "được lưu lại trong lúc dựng" in result.stderr
    assert output.read_bytes() == before
    assert [(n, d, s) for n, d, _, s, _ in rows(office)] == [
        (1, "2026-03-02", RowStatus.ISSUED), (2, "2026-03-03", RowStatus.ISSUED)]
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert EDIT in texts(office / "outputs/2026/kh-02.sua-tay.docx")
    assert "ngày 04 tháng 3 năm 2026" in texts(output) and EDIT not in texts(output)
    assert rows(office)[1][:4] == (2, "2026-03-04", "inputs/2026/kh-02.yaml", RowStatus.ISSUED)


def test_a_document_read_once_is_numbered_and_printed_as_read(office: Path) -> None:  # noqa: F811
    """Nothing saved meanwhile: the check lets every document through, as before."""
    plan(office, "ke-hoach.yaml", "02/03/2026")
    plan(office, "kh-02.yaml", "03/03/2026")
    result = vanthu("build", "-j", "2")
    assert result.exit_code == 0, result.output
    assert [(n, d, s) for n, d, _, s, _ in rows(office)] == [
        (1, "2026-03-02", RowStatus.ISSUED), (2, "2026-03-03", RowStatus.ISSUED)]


# Finding 3 ----------------------------------------------------------------------------------


def edit_by_hand(path: Path) -> None:
    document = docx.Document(str(path))
    document.add_paragraph(EDIT)
    document.save(str(path))


def three_built(root: Path) -> None:
    for index, day in enumerate(("02/03/2026", "03/03/2026", "05/03/2026"), start=1):
        plan(root, "ke-hoach.yaml" if index == 1 else f"kh-0{index}.yaml", day)
    assert vanthu("build").exit_code == 0


def damage(manifest: Path, how: str) -> None:
    if how == "garbage":
        manifest.write_text("garbage{", "utf-8")
    elif how == "truncated":
        data = manifest.read_bytes()
        manifest.write_bytes(data[: len(data) // 2])
    elif how == "emptied":
        manifest.write_bytes(b"")
    else:
        manifest.unlink()


@pytest.mark.parametrize("how", ["garbage", "truncated", "emptied", "deleted"])
def test_a_lost_manifest_never_loses_a_hand_edit(office: Path, how: str) -> None:  # noqa: F811
    three_built(office)
    edited = office / "outputs/2026/kh-02.docx"
    edit_by_hand(edited)
    damage(office / "outputs/2026/manifest.json", how)
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    copy = office / "outputs/2026/kh-02.sua-tay.docx"
    assert EDIT in texts(copy)  # the clerk's edit, kept
    assert EDIT not in texts(edited)  # the output, made again from the data
    assert sorted(p.name for p in office.glob("outputs/2026/*.sua-tay*")) == [copy.name]
    said = ("không có outputs/2026/manifest.json trong khi outputs/2026 đã có tệp kết quả"
            if how == "deleted" else "không đọc được outputs/2026/manifest.json (tệp hỏng")
    assert result.stderr.count(said) == 1  # once, not once per document
    assert "được giữ lại bên cạnh trước khi ghi đè: outputs/2026/kh-02.sua-tay.docx" \
        in result.stderr
    assert result.stderr.count("Cảnh báo:") == 1
    # The manifest is whole again: the next build keeps everything.
    assert "0 đã dựng, 3 không đổi" in vanthu("build").stdout


def test_a_lost_manifest_with_every_output_unchanged_is_said_once_and_copies_nothing(
    office: Path,  # noqa: F811
) -> None:
    three_built(office)
    damage(office / "outputs/2026/manifest.json", "garbage")
    result = vanthu("--lang", "en", "build")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("outputs/2026/manifest.json could not be read") == 1
    assert "Every file already there was identical to the new one: no edit was lost" \
        in result.stderr
    assert not list(office.glob("outputs/**/*.sua-tay*"))


def test_a_lost_manifest_keeps_every_pdf_a_pdf_build_writes_over(
    office: Path, fake_pdf: list[Path],  # noqa: F811
) -> None:
    """A PDF cannot be compared with the one a conversion would make (each differs): with no
    manifest to vouch for them, each PDF already there is kept (a signed scan put in its
    place is the clerk's), said once with the manifest."""
    three_built(office)
    assert vanthu("build", "--pdf").exit_code == 0 and len(fake_pdf) == 3
    signed = office / "outputs/2026/kh-02.pdf"
    signed.write_bytes(b"%PDF-1.7 signed by hand")
    damage(office / "outputs/2026/manifest.json", "deleted")
    result = vanthu("build", "--pdf")
    assert result.exit_code == 0, result.output
    copies = sorted(p.name for p in office.glob("outputs/2026/*.sua-tay*"))
    assert copies == ["ke-hoach.sua-tay.pdf", "kh-02.sua-tay.pdf", "kh-03.sua-tay.pdf"]
    assert (office / "outputs/2026/kh-02.sua-tay.pdf").read_bytes() == b"%PDF-1.7 signed by hand"
    assert signed.read_bytes() != b"%PDF-1.7 signed by hand"
    assert result.stderr.count("Cảnh báo:") == 1 and "3 tệp có thể đã sửa tay" in result.stderr


def test_a_year_built_for_the_first_time_says_nothing_of_a_manifest(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "02/03/2026")
    result = vanthu("build")
    assert result.exit_code == 0 and "manifest" not in result.stderr


# Finding 4 ----------------------------------------------------------------------------------


@contextmanager
def another_build(root: Path) -> Iterator[int]:
    """The workspace's build lock held, as a build running in another process holds it."""
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def test_a_second_build_of_a_workspace_stops_with_one_message(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    plan(office, "ke-hoach.yaml", "02/03/2026")
    waits: list[float] = []
    monkeypatch.setattr(build_lock, "pause", waits.append)  # no real waiting in a test
    with another_build(office):
        result = vanthu("build")
        english = vanthu("--lang", "en", "build")
    assert result.exit_code == 1
    assert result.stderr == (f"Lỗi: một lần dựng khác của thư mục làm việc {office} đang chạy "
                             "(đã chờ 5 giây): lần dựng này dừng, chưa ghi tệp nào, chưa cấp số "
                             "nào; hãy đợi lần dựng kia xong rồi chạy lại\n")
    assert english.exit_code == 1
    assert f"another build of the workspace {office} is running (waited 5 s)" in english.stderr
    # Each waited its while (in steps), then stopped.
    assert sum(waits) == pytest.approx(2 * build_lock.WAIT_SECONDS)
    assert numbers(office) == [] and not list(office.glob("outputs/**/*.*"))
    # Once the other build ends, the lock is gone with it.
    assert vanthu("build").exit_code == 0


def test_a_second_build_goes_on_when_the_first_ends_while_it_waits(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    plan(office, "ke-hoach.yaml", "02/03/2026")
    with another_build(office) as held:
        # The other build ends while this one waits for it.
        monkeypatch.setattr(build_lock, "pause", lambda _: fcntl.flock(held, fcntl.LOCK_UN))
        result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert [n for n, _, _ in numbers(office)] == [1]


def test_writers_sharing_the_lock_run_together_but_never_beside_a_build(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    """The shared form, for `vanthu render` of a few files: several at once, none beside a
    build."""
    monkeypatch.setattr(build_lock, "pause", lambda _: None)
    workspace = Workspace.containing(office)
    with build_lock.workspace_lock(workspace, shared=True):
        with build_lock.workspace_lock(workspace, shared=True, wait=0):
            pass
        with pytest.raises(RenderError) as refused:
            with build_lock.workspace_lock(workspace, wait=0):
                pass
        assert refused.value.key == "build.busy"
    with another_build(office), pytest.raises(RenderError):
        with build_lock.workspace_lock(workspace, shared=True, wait=0):
            pass


def test_a_build_killed_leaves_no_lock(office: Path) -> None:  # noqa: F811
    """The lock belongs to the process: a build killed outright never leaves it held."""
    plan(office, "ke-hoach.yaml", "02/03/2026")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); "
         "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
         str(office)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    holder.kill()
    holder.wait()
    result = build(Workspace.containing(office))
    assert result.ok


def staged_name(pid: int) -> str:
    return f".ke-hoach.docx.{pid}-1.tmp"


def test_clean_stale_leaves_the_files_a_running_process_is_writing(tmp_path: Path) -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])  # ended, not yet reaped
    running = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                               stdin=subprocess.PIPE)
    try:
        for pid in (ended.pid, running.pid, os.getpid()):
            (tmp_path / staged_name(pid)).write_bytes(b"PK")
        os.waitid(os.P_PID, zombie.pid, os.WEXITED | os.WNOWAIT)  # it has ended, unreaped
        (tmp_path / staged_name(zombie.pid)).write_bytes(b"PK")
        removed = clean_stale(tmp_path)
        assert sorted(p.name for p in removed) == sorted(
            staged_name(pid) for pid in (ended.pid, zombie.pid, os.getpid()))
        assert [p.name for p in tmp_path.iterdir()] == [staged_name(running.pid)]
    finally:
        running.kill()
        running.wait()
        zombie.wait()


# Finding 6, first item: the room check ---------------------------------------------------------


def test_too_little_room_says_the_room_found_and_the_room_needed(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    for index in range(1, 4):
        name = "ke-hoach.yaml" if index == 1 else f"kh-0{index}.yaml"
        plan(office, name, f"0{index + 1}/03/2026")
    usage = shutil.disk_usage(office)
    monkeypatch.setattr(builder.shutil, "disk_usage",
                        lambda _: usage._replace(free=1024 * 1024))
    result = vanthu("build")
    assert result.exit_code == 1
    folder = office / "outputs/2026"
    assert (f"không đủ chỗ trống trong thư mục {folder} cho 3 văn bản chờ cấp số: cần khoảng "
            "1,5 MB (vanthu dành 512 KB cho mỗi văn bản), hiện còn 1 MB; hãy giải phóng thêm "
            "chỗ trống rồi chạy lại") in result.stderr
    assert "ổ đĩa đã đầy" not in result.stderr  # a disk with room left is not full
    assert numbers(office) == []
    result = vanthu("--lang", "en", "build")
    assert (f"not enough free space in the folder {folder} for 3 documents waiting for a "
            "number: about 1.5 MB is needed (512 KB set aside per document), 1 MB is free") \
        in result.stderr


@pytest.mark.parametrize(("count", "vi", "en"), [
    (0, "0 byte", "0 bytes"),
    (900, "900 byte", "900 bytes"),
    (512 * 1024, "512 KB", "512 KB"),
    (int(3.5 * 1024 * 1024), "3,5 MB", "3.5 MB"),
    (33 * 1024 * 1024, "33 MB", "33 MB"),
    (int(2.5 * 1024**3), "2,5 GB", "2.5 GB"),
])  # fmt: skip
def test_sizes_are_said_as_people_read_them(count: int, vi: str, en: str) -> None:
    assert (Size(count).describe("vi"), Size(count).describe("en")) == (vi, en)


def test_render_waits_for_a_build_then_stops_with_its_own_message(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    """`vanthu render` into a workspace a build is writing: it would take the build's staged
    files for leftovers; it waits, then stops before writing or numbering anything."""
    data = plan(office, "kh-2.yaml", "02/03/2026")
    monkeypatch.setattr(build_lock, "pause", lambda _: None)
    with another_build(office):
        result = vanthu("render", str(data))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Lỗi: một lần dựng (vanthu build) của thư mục làm việc "
                                    f"{office} đang chạy"), result.stderr
    assert numbers(office) == [] and not list(office.glob("outputs/**/*.*"))
    assert vanthu("render", str(data)).exit_code == 0
