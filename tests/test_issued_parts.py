"""Parts printed after a decision: the issued plan's header as the Quy chế's; the report's
"Tăng, giảm" and Số tiền columns wide enough for their values."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from pipeline.rules.metrics import text_width_pt
from tests.typed_docs import QUOC_HIEU, TEMPLATES, page_lines, to_pdf

REPO = Path(__file__).resolve().parents[1]
YEAR = REPO / "inputs" / "2022"


def test_issued_plan_has_the_header_block_like_the_regulation() -> None:
    xml = zipfile.ZipFile(TEMPLATES / "quyet-dinh.docx").read("word/document.xml").decode()
    text = re.sub(r"<[^>]+>", "", xml)
    plan = text[text.index("{%p if ke_hoach %}") : text.index("{{ ke_hoach.ten_loai }}")]
    regulation = text[text.index("{%p if quy_che %}") : text.index("{{ quy_che.ten_loai }}")]
    assert 'include "khoi/dau-kem-theo"' in plan.replace("&quot;", '"')
    assert 'include "khoi/dau-kem-theo"' in regulation.replace("&quot;", '"')


def test_change_column_holds_its_longest_usual_value() -> None:
    document = Document(str(TEMPLATES / "khoi" / "bang-so-lieu.docx"))
    table = document.tables[0]
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == pytest.approx(165 / 25.4 * 1440, abs=20)
    padding_pt = 2 * 108 / 20
    needed_pt = text_width_pt("tăng 1.250%", 13, bold=True) + padding_pt
    assert widths[-1] / 20 >= needed_pt
    # Số tiền holds any amount up to 99.999.999.999 bold (its Tổng cộng); the award's name
    # takes what is left and wraps between its words (tests/test_money_columns_r11.py).
    assert widths[4] / 20 >= text_width_pt("99.999.999.999", 13, bold=True) + padding_pt


def test_pdf_issued_plan_has_the_header(renderer, tmp_path: Path) -> None:
    plan = renderer.render_file(YEAR / "qd-ban-hanh-ke-hoach.yaml", tmp_path / "bh.docx")
    [plan_pdf] = to_pdf([plan], tmp_path)

    pages = page_lines(plan_pdf)
    start = next(i for i, page in enumerate(pages) if "KẾ HOẠCH" in page)
    page = pages[start]
    title = page.index("KẾ HOẠCH")
    head = " ".join(page[:title])
    assert "UBND TỈNH SƠN LA" in head and QUOC_HIEU in head and "VĂN PHÒNG" in head
    # No Số and date of its own: the decision's number stands only in its kèm theo line.
    assert not any(line.startswith("Số:") for line in page[:title])

