"""A typed "./." is taken off a decision's award articles before vanthu ends their lines, so that
a list cell ending with "/" keeps it; a cell typed with "./." loses it when read (awards.trimmed),
a phrase typed so when written (tests/test_typed_text_s52.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from docx import Document

from pipeline.api import Renderer, load_document

REPO = Path(__file__).resolve().parent.parent
HEADER = "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại\n"


def _decision(folder: Path, unit: str) -> Path:
    shutil.copytree(REPO / "inputs" / "co-quan", folder / "co-quan")
    decision = folder / "qd.yaml"
    shutil.copy(REPO / "inputs" / "2022" / "qd-giay-khen.yaml", decision)
    row = f"Cầm Thị Lan,Chuyên viên,{unit},Giấy khen của Chánh Văn phòng,Cá nhân\n"
    (folder / "danh-sach-giay-khen-2022.csv").write_text(HEADER + row, "utf-8")
    return decision


def _printed(decision: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "qd.docx"
    out.write_bytes(Renderer().render(load_document(decision)))
    return [p.text for p in Document(str(out)).paragraphs]


def test_a_unit_ending_with_a_slash_keeps_it(tmp_path: Path) -> None:
    lines = _printed(_decision(tmp_path, "Tổ 3/"), tmp_path)
    assert "- Cầm Thị Lan, Chuyên viên, Tổ 3/." in lines, lines


def test_a_unit_typed_with_the_decree_mark_loses_it(tmp_path: Path) -> None:
    # The last line of a list pasted from a decision: its mark closes that decision, not this.
    lines = _printed(_decision(tmp_path, "Văn phòng./."), tmp_path)
    assert "- Cầm Thị Lan, Chuyên viên, Văn phòng." in lines, lines
    assert sum(line.endswith("./.") for line in lines) == 1, lines  # the last article's only
