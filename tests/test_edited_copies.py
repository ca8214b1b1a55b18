"""The copies of hand-edited outputs vanthu keeps before writing them again (cv-05.sua-tay.docx)
are the clerk's: `vanthu verify outputs` does not take them for outputs."""

from __future__ import annotations

from pathlib import Path

from pipeline.render.output import is_edited_copy, keep_edited_copy
from pipeline.verify.command import docx_under


def test_the_copies_keep_edited_copy_makes_are_known_by_their_names(tmp_path: Path) -> None:
    output = tmp_path / "cv-05.docx"
    output.write_bytes(b"edited by hand")
    first, second = keep_edited_copy(output), keep_edited_copy(output)
    assert (first.name, second.name) == ("cv-05.sua-tay.docx", "cv-05.sua-tay-2.docx")
    assert is_edited_copy(first) and is_edited_copy(second)
    assert not is_edited_copy(output)
    for name in ("sua-tay.docx", "cv-sua-tay.docx", "cv.sua-tay-x.docx", "cv.sua-tay-.docx"):
        assert not is_edited_copy(tmp_path / name), name


def test_verify_outputs_leaves_the_copies_out(tmp_path: Path) -> None:
    year = tmp_path / "2026"
    year.mkdir()
    for name in ("cv-05.docx", "cv-05.sua-tay.docx", "cv-05.sua-tay-2.docx", "~$cv-05.docx"):
        (year / name).write_bytes(b"")
    assert docx_under(tmp_path) == [year / "cv-05.docx"]
