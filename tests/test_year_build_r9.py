"""A year built at once and worked on for weeks (exploratory round r9b): a number typed far
ahead of the sổ does not drag the automatic numbers of documents dated before it (F1); render
protects an output edited by hand as build does (F2); a replaced edited output is kept as a
copy, and the advice names a per-file way (F3); an unwritable output folder wastes no number
(F4); a manifest that cannot be saved still reports what was done (F5); Ctrl-C is a stop, not
an error."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import docx
import pytest

import pipeline.batch.builder as builder
from pipeline.batch.interrupts import BuildInterrupted
from pipeline.register import Status, open_register
from pipeline.render.output import write_error
from tests.test_register_integrity import printed_number
from tests.test_register_order import numbers, office, plan, vanthu  # noqa: F401


def statuses(root: Path) -> list[tuple[int, Status]]:
    with open_register(root=root) as register:
        return [(e.number, e.status) for e in register.entries(2026)]


def hand_edit(path: Path) -> bytes:
    """The clerk adds a paragraph in Word (python-docx here); the edited bytes."""
    document = docx.Document(str(path))
    document.add_paragraph("Ghi chú tay của văn thư")
    document.save(str(path))
    return path.read_bytes()


# -- F1 ---------------------------------------------------------------------------------------


def year_with_a_typed_decision(root: Path) -> None:
    plan(root, "ke-hoach.yaml", "14/01/2026")
    plan(root, "kh-phong-chay.yaml", "26/02/2026")
    plan(root, "kh-kinh-phi.yaml", "21/10/2026", number="45")


def test_a_typed_number_ahead_of_earlier_automatic_documents_gives_no_number(
    office: Path,  # noqa: F811
) -> None:
    year_with_a_typed_decision(office)
    result = vanthu("build")
    assert result.exit_code == 1
    assert "inputs/2026/kh-kinh-phi.yaml" in result.stderr
    assert "2 văn bản so: tu_dong ghi ngày trước nó" in result.stderr
    assert "inputs/2026/ke-hoach.yaml, inputs/2026/kh-phong-chay.yaml" in result.stderr
    assert "Chưa cấp số nào" in result.stderr and "--bo-qua-so" in result.stderr
    assert numbers(office) == []  # nothing given, nothing recorded
    assert not list((office / "outputs").rglob("*.docx"))
    # The way out it names: number the others first, then record the typed one.
    assert vanthu("build", "--keep-going").exit_code == 1
    assert vanthu("build").exit_code == 0
    assert numbers(office) == [
        (1, "2026-01-14", "inputs/2026/ke-hoach.yaml"),
        (2, "2026-02-26", "inputs/2026/kh-phong-chay.yaml"),
        (45, "2026-10-21", "inputs/2026/kh-kinh-phi.yaml"),
    ]


def test_bo_qua_so_takes_the_typed_number_and_says_how_many_follow_it(
    office: Path,  # noqa: F811
) -> None:
    year_with_a_typed_decision(office)
    result = vanthu("build", "--bo-qua-so")
    assert result.exit_code == 0, result.output
    assert "theo --bo-qua-so, 2 văn bản so: tu_dong ghi ngày trước nó" in result.stderr
    assert [n for n, _, _ in numbers(office)] == [45, 46, 47]


def test_a_typed_number_ahead_of_later_documents_only_is_taken(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "22/10/2026")
    plan(office, "kh-kinh-phi.yaml", "21/10/2026", number="45")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert [n for n, _, _ in numbers(office)] == [45, 46]
    # The warning no longer says fixing the data is enough: the number is the file's now.
    assert "vanthu so huy 45 --nam 2026" in result.stderr


# -- F2, F3 -----------------------------------------------------------------------------------


def test_render_refuses_an_output_edited_by_hand_and_force_keeps_a_copy(
    office: Path,  # noqa: F811
) -> None:
    data = plan(office, "ke-hoach.yaml", "14/01/2026")
    assert vanthu("build").exit_code == 0
    output = office / "outputs/2026/ke-hoach.docx"
    edited = hand_edit(output)
    kept = vanthu("build")
    assert "vanthu render --force inputs/2026/ke-hoach.yaml" in kept.stderr  # per file
    result = vanthu("render", str(data))
    assert result.exit_code == 1
    assert "đã bị sửa sau khi vanthu ghi nó" in result.stderr and "--force" in result.stderr
    assert output.read_bytes() == edited
    result = vanthu("render", "--force", str(data))
    assert result.exit_code == 0, result.output
    copy = office / "outputs/2026/ke-hoach.sua-tay.docx"
    assert copy.read_bytes() == edited and output.read_bytes() != edited
    assert "ke-hoach.sua-tay.docx" in result.stderr
    assert printed_number(output) == "01/KH-VPUBND"
    assert vanthu("build").exit_code == 0  # render recorded it: build keeps it, no warning


def test_build_keeps_a_copy_of_an_edited_output_it_replaces(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "14/01/2026")
    assert vanthu("build").exit_code == 0
    output = office / "outputs/2026/ke-hoach.docx"
    first = hand_edit(output)
    assert vanthu("build", "--force").exit_code == 0
    assert (office / "outputs/2026/ke-hoach.sua-tay.docx").read_bytes() == first
    second = hand_edit(output)
    result = vanthu("build", "--force")
    assert result.exit_code == 0
    assert (office / "outputs/2026/ke-hoach.sua-tay-2.docx").read_bytes() == second
    assert "ke-hoach.sua-tay-2.docx" in result.stderr


# -- F4, F5 -----------------------------------------------------------------------------------


def test_an_unwritable_output_folder_gives_no_number(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "14/01/2026")
    # Tests run as root, whom a chmod'ed folder does not stop: a file where the year's folder
    # should be stops every user's writes alike.
    (office / "outputs").mkdir(exist_ok=True)
    (office / "outputs/2026").write_text("x")
    for _ in range(2):
        result = vanthu("build")
        assert result.exit_code == 1
        assert "không ghi được tệp kết quả" in result.stderr
        assert numbers(office) == []
    (office / "outputs/2026").unlink()
    assert vanthu("build").exit_code == 0
    assert statuses(office) == [(1, Status.ISSUED)]


def test_too_little_room_gives_no_number(office: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "14/01/2026")
    usage = shutil.disk_usage(office)
    monkeypatch.setattr(builder.shutil, "disk_usage",
                        lambda _: usage._replace(free=builder.ROOM_PER_DOCUMENT - 1))
    result = vanthu("build")
    assert result.exit_code == 1 and "không đủ chỗ trống" in result.stderr, result.stderr
    assert numbers(office) == []


def failing_commit(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Writing output `name` into place fails as on a disk that just filled."""
    real = builder.commit

    def commit(staged: Path, path: Path) -> None:
        if path.name == name:
            os.unlink(staged)
            raise write_error(path, OSError(errno.ENOSPC, "No space left on device"))
        real(staged, path)

    monkeypatch.setattr(builder, "commit", commit)


def test_a_number_whose_output_could_not_be_written_stays_pending_for_the_retry(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    plan(office, "ke-hoach.yaml", "14/01/2026")
    with monkeypatch.context() as patch:
        failing_commit(patch, "ke-hoach.docx")
        result = vanthu("build")
    assert result.exit_code == 1
    assert "Số 01/KH-VPUBND đã cấp cho văn bản này vẫn giữ cho nó" in result.stderr
    assert statuses(office) == [(1, Status.PENDING)]
    assert vanthu("build").exit_code == 0
    assert statuses(office) == [(1, Status.ISSUED)]  # the same number, no void one per try
    assert printed_number(office / "outputs/2026/ke-hoach.docx") == "01/KH-VPUBND"


def test_a_manifest_that_cannot_be_saved_still_reports_every_document(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    plan(office, "ke-hoach.yaml", "14/01/2026")
    plan(office, "kh-phong-chay.yaml", "26/02/2026")
    failing_commit(monkeypatch, "kh-phong-chay.docx")

    def write_manifests(*_: object) -> list[Path]:
        manifest = office / "outputs/2026/manifest.json"
        raise write_error(manifest, OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(builder, "write_manifests", write_manifests)
    result = vanthu("build")
    assert result.exit_code == 1
    assert "1 đã dựng" in result.stdout  # the summary, and the table, still said
    assert "Số 02/KH-VPUBND đã cấp cho văn bản này vẫn giữ cho nó" in result.stderr
    assert "manifest.json" in result.stderr


# -- Ctrl-C -----------------------------------------------------------------------------------


def test_a_stopped_build_is_labelled_stopped_not_error(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    import pipeline.batch.command as command

    def stopped(*_: object, **__: object) -> None:
        raise BuildInterrupted()

    monkeypatch.setattr(command, "build", stopped)
    result = vanthu("build")
    assert result.exit_code == 130
    assert result.stderr.startswith("Đã dừng: theo yêu cầu (Ctrl-C), không phải lỗi")
    assert "Lỗi" not in result.stderr
