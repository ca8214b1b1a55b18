"""An output that cannot be written is said in the user's language, naming the path: a folder
in the way, no permission, no space left, a read-only disk (not the OS's English words)."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from pipeline.errors import RenderError
from pipeline.i18n import set_language
from pipeline.render.output import os_words, write_atomic, write_error

REPO = Path(__file__).resolve().parents[1]


def test_a_folder_in_the_way_is_said_in_vietnamese(tmp_path: Path) -> None:
    target = tmp_path / "gm-01.docx"
    target.mkdir()
    with pytest.raises(RenderError) as caught:
        write_atomic(target, b"x")
    message = caught.value.message()
    assert str(target) in message and "thư mục cùng tên" in message
    assert "Is a directory" not in message
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        (errno.EISDIR, "thư mục cùng tên", "folder of that name"),
        (errno.EACCES, "không có quyền ghi", "permission denied"),
        (errno.EPERM, "không có quyền ghi", "permission denied"),
        (errno.ENOSPC, "ổ đĩa đã đầy", "no space left"),
        (errno.EROFS, "chỉ cho đọc", "read-only"),
        (errno.ENOTDIR, "không phải thư mục", "not a folder"),
    ],
)
def test_common_cases_in_both_languages(code: int, vi: str, en: str) -> None:
    exc = OSError(code, os.strerror(code))
    error = write_error(Path("/x/out.docx"), exc)
    assert error.message().startswith("không ghi được tệp kết quả: /x/out.docx: ")
    assert vi in error.message() and os.strerror(code) not in error.message()
    assert en in error.message("en")
    set_language("en")
    try:
        assert en in os_words(exc)
    finally:
        set_language("vi")


def test_other_cases_keep_the_os_words() -> None:
    exc = OSError(errno.EIO, os.strerror(errno.EIO))
    assert os_words(exc) == os.strerror(errno.EIO)


def test_build_names_the_folder_in_the_way(tmp_path: Path) -> None:
    """Finding 8: `mkdir outputs/2026/gm-01.docx` before a build."""
    from pipeline.batch import Status, build
    from pipeline.workspace import Workspace

    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    (tmp_path / "inputs" / "2024").mkdir()
    name = "tb-lich-cong-tac-tuan"
    shutil.copy(REPO / "inputs" / "2024" / f"{name}.yaml", tmp_path / "inputs" / "2024")
    (tmp_path / "outputs" / "2024" / f"{name}.docx").mkdir(parents=True)
    result = build(Workspace.containing(tmp_path / "vanthu.yaml"), jobs=1)
    failed = [d for d in result.documents if d.status is Status.FAILED]
    assert len(failed) == 1
    assert f"{name}.docx: ở chỗ này đã có một thư mục cùng tên" in (failed[0].error or "")
    assert "Is a directory" not in (failed[0].error or "")


def test_a_staged_document_is_written_whole_however_the_os_takes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # stage writes a document's bytes by os.write: what the OS did not take in one call (a
    # pipe, a full quota's last blocks) is written after it, in order.
    from pipeline.render import output

    real_write, calls = os.write, []

    def a_few_bytes(fd: int, data: bytes) -> int:
        calls.append(len(data))
        return real_write(fd, bytes(data[:7]))

    monkeypatch.setattr(output.os, "write", a_few_bytes)
    data = "Điều 1. ế".encode() * 9
    staged = output.stage(tmp_path / "qd.docx", data)
    assert staged.read_bytes() == data and len(calls) == -(-len(data) // 7)
    assert staged.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_a_disk_full_while_staging_names_the_folder_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.render import output

    closed = []
    real_close = os.close

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "write", full)
    monkeypatch.setattr(output.os, "close", lambda fd: (closed.append(fd), real_close(fd)))
    with pytest.raises(RenderError) as caught:
        output.stage(tmp_path / "qd.docx", b"PK")
    assert caught.value.key == "render.folder_write_failed" and len(closed) == 1
    assert list(tmp_path.iterdir()) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
