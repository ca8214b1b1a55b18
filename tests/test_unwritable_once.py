"""An output folder that cannot take the year's outputs (read-only, full, a file where it should
be) stops `vanthu build` with its reason said once, naming the folder and how many documents were
not written, instead of once per document; nothing is written, no number is given, and a number
a document holds pending stays so. --keep-going builds the others and still says it once."""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import pipeline.batch.builder as builder
from pipeline.batch.result import DocumentResult, Status
from pipeline.register import Status as RowStatus
from pipeline.register import open_register
from tests.test_register_integrity import printed_number
from tests.test_register_order import numbers, office, plan, vanthu  # noqa: F401
from tests.test_year_build_r9 import failing_commit, statuses

FOLDER_ERROR = "không ghi được tệp kết quả vào thư mục"


def year_of_plans(root: Path, count: int) -> None:
    """`count` so: tu_dong plans beside the starter (which has no number)."""
    for index in range(1, count + 1):
        plan(root, f"kh-{index:02d}.yaml", f"{index:02d}/03/2026")


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Lỗi:")]


def leftovers(root: Path) -> list[Path]:
    """What a build left in the output folder: outputs, staged files, manifests."""
    outputs = root / "outputs"
    return [p for p in outputs.rglob("*") if p.is_file()] if outputs.is_dir() else []


@contextmanager
def immutable(folder: Path) -> Iterator[None]:
    """`folder` refusing new files, as a read-only folder does. Not root: its mode (0555).
    Root, whom a mode does not stop: `chattr +i`, which stops root too. Where that is not
    allowed (a container without CAP_LINUX_IMMUTABLE, as CI may be), the refusal the kernel
    would give, EACCES, raised by os.open and os.mkdir for anything made in the folder: the
    build meets the same PermissionError either way, and the test runs everywhere."""
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is not None and _takes_no_files(folder, chattr):
        try:
            yield
        finally:
            subprocess.run([chattr, "-i", str(folder)], check=True)
        return
    with pytest.MonkeyPatch.context() as patch:
        for name in ("open", "mkdir"):
            patch.setattr(os, name, _refused_in(folder, getattr(os, name)))
        yield


def _takes_no_files(folder: Path, chattr: str) -> bool:
    """Whether `chattr +i` made `folder` refuse a new file (undone when it did not)."""
    if subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0:
        return False
    try:
        (folder / "probe").touch()
    except PermissionError:
        return True
    (folder / "probe").unlink()
    subprocess.run([chattr, "-i", str(folder)], check=True)
    return False


def _refused_in(folder: Path, real: Callable[..., Any]) -> Callable[..., Any]:
    """`real` (os.open, os.mkdir), refusing with EACCES to make anything directly in
    `folder`, as the kernel refuses it in a read-only folder."""
    inside = os.fspath(folder.resolve())

    def refused(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.path.dirname(os.path.abspath(os.fspath(path))) == inside:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real(path, *args, **kwargs)

    return refused


def test_a_file_where_the_year_folder_should_be_is_said_once(office: Path) -> None:  # noqa: F811
    year_of_plans(office, 5)
    (office / "outputs").mkdir(exist_ok=True)
    (office / "outputs/2026").write_text("x")
    result = vanthu("build")
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)  # one line for six documents, not six
    assert f"{FOLDER_ERROR} {office / 'outputs/2026'}: " in line
    assert line.startswith("Lỗi: 6 văn bản chưa ghi (inputs/2026/ke-hoach.yaml, ")
    assert result.stderr.count(FOLDER_ERROR) == 1
    assert "chưa ghi tệp nào, chưa cấp số mới nào" in result.stderr
    assert "--keep-going" in result.stderr
    assert numbers(office) == []
    assert leftovers(office) == [office / "outputs/2026"]  # nothing written, nothing staged
    (office / "outputs/2026").unlink()
    assert vanthu("build").exit_code == 0
    assert [n for n, _, _ in numbers(office)] == [1, 2, 3, 4, 5]  # none voided on the way


def test_a_read_only_year_folder_is_said_once(office: Path) -> None:  # noqa: F811
    year_of_plans(office, 4)
    folder = office / "outputs/2026"
    folder.mkdir(parents=True, exist_ok=True)
    with immutable(folder):
        result = vanthu("build")
        english = vanthu("--lang", "en", "build")
    assert result.exit_code == 1 and english.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith("Lỗi: 5 văn bản chưa ghi (")
    assert f"{FOLDER_ERROR} {folder}: không có quyền ghi" in line
    assert "5 văn bản không ghi được tệp kết quả; chưa ghi tệp nào" in result.stderr
    (line,) = [row for row in english.stderr.splitlines() if row.startswith("Error:")]
    assert line.startswith("Error: 5 documents not written (")
    assert f"cannot write output files into the folder {folder}: permission denied" in line
    assert "nothing was written and no new number was given" in english.stderr
    assert numbers(office) == [] and leftovers(office) == []
    assert vanthu("build").exit_code == 0
    assert [n for n, _, _ in numbers(office)] == [1, 2, 3, 4]


def test_a_read_only_output_folder_is_named_not_the_year_it_would_hold(
    office: Path,  # noqa: F811
) -> None:
    year_of_plans(office, 2)
    folder = office / "outputs"
    folder.mkdir(exist_ok=True)
    with immutable(folder):
        result = vanthu("build")
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert line.endswith(f"{FOLDER_ERROR} {folder}: không có quyền ghi (tệp hoặc thư mục chỉ "
                         "cho đọc, hoặc đang bị chương trình khác giữ); hãy kiểm tra quyền hoặc "
                         "đóng tệp")
    assert numbers(office) == []


def test_keep_going_writes_the_other_folders_and_says_the_reason_once(
    office: Path,  # noqa: F811
) -> None:
    year_of_plans(office, 3)
    earlier = office / "inputs/2025/ke-hoach-2025.yaml"
    earlier.parent.mkdir()
    text = (office / "inputs/2026/kh-01.yaml").read_text("utf-8")
    earlier.write_text(re.sub(r"^ngay:.*$", "ngay: 05/12/2025", text, flags=re.M), "utf-8")
    (office / "outputs").mkdir(exist_ok=True)
    (office / "outputs/2026").write_text("x")
    result = vanthu("build", "--keep-going")
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith("Lỗi: 4 văn bản chưa ghi (") and FOLDER_ERROR in line
    assert "1 đã dựng, 0 không đổi, 4 lỗi" in result.stdout
    assert (office / "outputs/2025/ke-hoach-2025.docx").is_file()
    assert not list(office.glob("outputs/**/*.tmp"))
    with open_register(root=office) as register:
        assert [e.number for e in register.entries(2025)] == [1]
        assert register.entries(2026) == []  # refused before numbering, none voided


def test_too_little_room_is_said_once(office: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    year_of_plans(office, 3)
    usage = shutil.disk_usage(office)
    monkeypatch.setattr(builder.shutil, "disk_usage",
                        lambda _: usage._replace(free=builder.ROOM_PER_DOCUMENT))
    result = vanthu("build")
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith("Lỗi: 3 văn bản chưa ghi (inputs/2026/kh-01.yaml, ")
    said = "không đủ chỗ trống trong thư mục"
    assert said in line and result.stderr.count(said) == 1, result.stderr
    assert "vanthu dành 512 KB cho mỗi văn bản), hiện còn 512 KB" in line, line
    assert numbers(office) == []
    # The starter, which waits for no number, was staged: dropped with the rest.
    assert leftovers(office) == []


def test_a_number_held_pending_stays_pending_while_the_folder_is_unwritable(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    plan(office, "kh-01.yaml", "02/03/2026")
    plan(office, "kh-02.yaml", "03/03/2026")
    (office / "inputs/2026/ke-hoach.yaml").unlink()
    with monkeypatch.context() as patch:
        failing_commit(patch, "kh-01.docx")
        assert vanthu("build").exit_code == 1
    assert statuses(office) == [(1, RowStatus.PENDING), (2, RowStatus.ISSUED)]
    shutil.rmtree(office / "outputs/2026")
    (office / "outputs/2026").write_text("x")
    result = vanthu("build")
    assert result.exit_code == 1 and len(error_lines(result.stderr)) == 1
    assert statuses(office) == [(1, RowStatus.PENDING), (2, RowStatus.ISSUED)]
    (office / "outputs/2026").unlink()
    assert vanthu("build").exit_code == 0
    assert statuses(office) == [(1, RowStatus.ISSUED), (2, RowStatus.ISSUED)]
    assert printed_number(office / "outputs/2026/kh-01.docx") == "01/KH-VPUBND"


def test_failures_say_a_shared_problem_once_and_the_others_per_document(tmp_path: Path) -> None:
    from pipeline.batch.progress import failures

    shared = f"{FOLDER_ERROR} /x/outputs/2026: ổ đĩa đã đầy"
    documents = [
        DocumentResult(tmp_path / f"kh-{i}.yaml", f"kh-{i}.yaml", Status.FAILED, error=shared)
        for i in range(1, 6)
    ] + [DocumentResult(tmp_path / "tb.yaml", "tb.yaml", Status.FAILED, error="mẫu không có")]
    lines = failures(documents)
    assert lines == [
        f"5 văn bản chưa ghi ({tmp_path / 'kh-1.yaml'}, {tmp_path / 'kh-2.yaml'}, "
        f"{tmp_path / 'kh-3.yaml'}, …): {shared}",
        f"{tmp_path / 'tb.yaml'}: mẫu không có",
    ]
    assert failures(documents[:1]) == [f"{tmp_path / 'kh-1.yaml'}: {shared}"]


def test_a_folder_error_names_the_nearest_folder_that_exists(tmp_path: Path) -> None:
    from pipeline.render.output import folder_error, is_write_failure

    error = folder_error(tmp_path / "outputs" / "2026", OSError(errno.EROFS, "Read-only"))
    assert error.message() == f"{FOLDER_ERROR} {tmp_path}: ổ đĩa chỉ cho đọc, không ghi được; " \
        "hãy ghi kết quả vào ổ đĩa khác"
    assert is_write_failure(error)  # a number given for it stays pending (Register.numbering)


def test_a_disk_filling_once_numbers_are_given_says_it_and_the_numbers_once(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    """Room enough when the build looked (refuse_unwritable), none left once the numbers were
    given: each number stays pending for its document, said once with the folder's error."""
    import pipeline.batch.runner as runner
    from pipeline.render.output import folder_error

    year_of_plans(office, 3)
    (office / "inputs/2026/ke-hoach.yaml").unlink()
    real = runner.stage

    def full(path: Path, data: bytes) -> Path:
        if path.name.startswith("kh-"):  # staged only once numbered: so: tu_dong
            raise folder_error(path.parent, OSError(errno.ENOSPC, "No space left on device"))
        return real(path, data)

    with monkeypatch.context() as patch:
        patch.setattr(runner, "stage", full)
        result = vanthu("build", "-j", "1")
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith("Lỗi: 3 văn bản chưa ghi (inputs/2026/kh-01.yaml, ")
    assert "ổ đĩa đã đầy" in line
    assert ("Cảnh báo: 3 số đã cấp cho các văn bản chưa ghi ở trên vẫn giữ cho chúng (chờ ghi "
            "tệp, chưa xác nhận trong sổ): 01/KH-VPUBND, 02/KH-VPUBND, 03/KH-VPUBND;"
            ) in result.stderr
    assert statuses(office) == [(n, RowStatus.PENDING) for n in (1, 2, 3)]
    assert vanthu("build").exit_code == 0
    assert statuses(office) == [(n, RowStatus.ISSUED) for n in (1, 2, 3)]
