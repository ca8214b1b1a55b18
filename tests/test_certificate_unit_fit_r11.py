"""Giấy khen (r11b F2): the unit line (chức vụ, đơn vị) ends before the thành tích below it.

A unit needing three lines at the style's 16 pt grew its "at least" frame down over the thành
tích line, and verify passed the batch. Now the unit is shrunk by half points (not below 13 pt)
until it ends before the field below it, else its row is refused naming file, sheet, row and
column; and verify fails any field of a batch whose text runs into the field below it, the
unit of an older batch or a field a maintainer moved up in the phôi alike.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from openpyxl import Workbook

from pipeline.api import Renderer
from pipeline.errors import InputError, TemplateError, VanthuError
from pipeline.verify import verify_file
from pipeline.workspace import Workspace
from tests.test_giay_khen import CERTIFICATE, DECISION, LIST, example_rows, workspace
from tests.typed_docs import TEMPLATES, open_docx, to_pdf

TWIPS_PER_MM = 1440 / 25.4
# r11b F2's unit: 196 characters, three lines at 16 pt in the shipped phôi's 237 mm field.
LONG_UNIT = (
    "Trung tâm Phục vụ hành chính công và Hỗ trợ doanh nghiệp, đổi mới sáng tạo, chuyển đổi số "
    "tỉnh Sơn La thuộc Văn phòng Ủy ban nhân dân tỉnh Sơn La, chi nhánh các huyện miền núi phía "
    "Tây Bắc"
)
# Three lines even at 13 pt: more than the 12 mm between the unit and the thành tích hold.
TOO_LONG_UNIT = (
    f"{LONG_UNIT} và các điểm phục vụ tại các xã vùng cao biên giới của các huyện Sốp Cộp, "
    "Sông Mã, Thuận Châu, Quỳnh Nhai"
)
UNIT_STYLE, ACHIEVEMENT_STYLE = "GiayKhenDonVi", "GiayKhenThanhTich"
THANH_TICH_TOP_MM = 108  # the shipped phôi's thành tích field


def rows_with(unit: str) -> list[dict[str, str]]:
    """The example list with one more person, in `unit`."""
    rows = example_rows()
    extra = {**rows[0], "Họ và tên": "Đinh Văn Quý", "Chức vụ": "Chuyên viên", "Đơn vị": unit}
    return [*rows, extra]


def unit_sizes(docx: Path) -> list[float | None]:
    """The size each page's unit line is printed at (None: its style's)."""
    sizes = []
    for p in open_docx(docx).paragraphs:
        if p.style.name == UNIT_STYLE:
            run = next(r for r in p.runs if r.text)
            sizes.append(None if run.font.size is None else run.font.size.pt)
    return sizes


def page_words(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """The words of one PDF page: (text, top, bottom) in mm from the paper's top."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    found = re.finditer(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', html)
    return [(m[3], float(m[1]) * 25.4 / 72, float(m[2]) * 25.4 / 72) for m in found]


def test_a_unit_needing_three_lines_is_shrunk_to_end_above_the_thanh_tich(
    tmp_path: Path,
) -> None:
    rows = rows_with(LONG_UNIT)
    source = workspace(tmp_path, rows, CERTIFICATE)
    docx = Renderer(TEMPLATES).render_file(source, tmp_path / "batch.docx")
    sizes = unit_sizes(docx)
    assert sizes[:-1] == [None] * (len(rows) - 1)  # units on one line keep the style's 16 pt
    assert sizes[-1] is not None and 13 <= sizes[-1] < 16
    unit = [p for p in open_docx(docx).paragraphs if p.style.name == UNIT_STYLE][-1]
    assert unit.text == f"Chuyên viên, {LONG_UNIT}"
    assert verify_file(docx).ok, [v.line() for v in verify_file(docx).violations]
    pdf = to_pdf([docx], tmp_path)[0]
    words = page_words(pdf, len(rows))
    first = next(i for i, w in enumerate(words) if w[0] == "Chuyên")
    start = next(i for i, w in enumerate(words) if w[0] == "Đã")  # the thành tích's first word
    achievement_top = words[start][1]
    assert abs(achievement_top - THANH_TICH_TOP_MM) < 1.5
    unit_words = words[first:start]
    assert " ".join(w[0] for w in unit_words).endswith("phía Tây Bắc")
    tops = sorted({round(w[1], 1) for w in unit_words})
    assert len(tops) == 2  # two lines, not three
    pitch = tops[1] - tops[0]
    assert tops[-1] + pitch <= achievement_top + 0.2  # the last line ends above the thành tích
    assert all(w[1] < achievement_top - pitch / 2 for w in unit_words)


def xlsx_workspace(tmp_path: Path, rows: list[dict[str, str]], sheet: str) -> Path:
    """The example workspace with its list as a workbook whose only sheet is `sheet`."""
    source = workspace(tmp_path, rows, CERTIFICATE)
    book = Workbook()
    book.active.title = sheet
    book.active.append(list(rows[0]))
    for row in rows:
        book.active.append(list(row.values()))
    year = source.parent
    book.save(str(year / f"{LIST.stem}.xlsx"))
    (year / LIST.name).unlink()
    decision = year / DECISION.name
    text = decision.read_text(encoding="utf-8")
    decision.write_text(text.replace(LIST.name, f"{LIST.stem}.xlsx"), encoding="utf-8")
    return source


def test_a_unit_too_long_even_at_13_pt_is_refused_naming_its_row(tmp_path: Path) -> None:
    rows = rows_with(TOO_LONG_UNIT)
    source = xlsx_workspace(tmp_path, rows, "Khen thưởng")
    with pytest.raises(InputError) as caught:
        Renderer(TEMPLATES).render_file(source, tmp_path / "x.docx")
    error = caught.value
    assert error.key == "data.unit_too_long"
    where = (Path(error.file or "").name, error.sheet, error.row, error.field)
    assert where == (f"{LIST.stem}.xlsx", "Khen thưởng", len(rows) + 1, "Đơn vị")
    vi, en = error.message("vi"), error.message("en")
    assert f"trang tính 'Khen thưởng', dòng {len(rows) + 1}, trường 'Đơn vị'" in vi
    assert f"sheet 'Khen thưởng', row {len(rows) + 1}, field 'Đơn vị'" in en
    assert "cần 3 dòng kể cả khi thu nhỏ cỡ chữ tới 13 pt" in vi
    assert "rộng 237 mm" in vi and "chỉ đủ chỗ cho 2 dòng" in vi
    needed = re.search(r"ô cần rộng khoảng (\d+) mm", vi)
    assert needed is not None and 237 < int(needed[1]) < 400
    assert "needs 3 lines even at 13 pt" in en and "room for 2" in en
    assert f"about {needed[1]} mm wide" in en and "giay-khen.docx" in en


def test_a_unit_field_with_no_room_for_a_line_is_the_phois_fault(tmp_path: Path) -> None:
    """A thành tích moved up to 4 mm under the unit's top: no unit fits; the phôi is named,
    not every row of the list."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = open_docx(TEMPLATES / "giay-khen.docx")
    field = next(p for p in phoi.paragraphs if p.style.name == ACHIEVEMENT_STYLE)
    field._p.pPr.find(qn("w:framePr")).set(qn("w:y"), str(round(100 * TWIPS_PER_MM)))
    (tmp_path / "mau").mkdir()
    phoi.save(str(tmp_path / "mau" / "giay-khen.docx"))
    ws = Workspace.containing(source)
    with pytest.raises(TemplateError) as caught:
        Renderer(ws).render(ws.load(source))
    assert caught.value.key == "render.form_field_no_room"
    assert "GiayKhenDonVi" in caught.value.message("vi") and "13 pt" in caught.value.message("en")


def without_sizes(docx: Path, out: Path) -> Path:
    """`docx` as a batch made before units were fitted printed it: every run at its style's
    size (a sized run's w:sz taken out)."""
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = re.sub(rb'<w:sz w:val="\d+"/><w:szCs w:val="\d+"/>', b"", data)
            copy.writestr(item, data)
    return out


def test_verify_fails_a_unit_printed_over_the_thanh_tich(tmp_path: Path) -> None:
    rows = rows_with(LONG_UNIT)
    source = workspace(tmp_path, rows, CERTIFICATE)
    docx = Renderer(TEMPLATES).render_file(source, tmp_path / "batch.docx")
    report = verify_file(without_sizes(docx, tmp_path / "old.docx"))
    found = [v for v in report.violations if v.rule == "giay_khen.du_cho"]
    assert len(found) == 1 and not report.ok
    vi, en = found[0].line("vi"), found[0].line("en")
    assert f"trang {len(rows)}, ô GiayKhenDonVi (rộng 237 mm): 3 dòng cỡ 16 pt" in vi
    assert "trước ô GiayKhenThanhTich bên dưới" in vi
    assert "3 lines at 16 pt" in en and "before the field GiayKhenThanhTich below it" in en


def test_render_refuses_a_field_a_maintainer_moved_over_another(tmp_path: Path) -> None:
    """The date line moved up to 118 mm, 10 mm under the thành tích's two lines: the batch is
    refused before any page is written (verify's side of it, on pages rendered with the shipped
    phôi and moved afterwards: tests/test_certificate_room_r11b.py)."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = open_docx(TEMPLATES / "giay-khen.docx")
    field = next(p for p in phoi.paragraphs if p.style.name == "GiayKhenNgay")
    field._p.pPr.find(qn("w:framePr")).set(qn("w:y"), str(round(118 * TWIPS_PER_MM)))
    (tmp_path / "mau").mkdir()
    phoi.save(str(tmp_path / "mau" / "giay-khen.docx"))
    ws = Workspace.containing(source)
    with pytest.raises(VanthuError) as caught:
        Renderer(ws).render(ws.load(source))
    assert "GiayKhenNgay" in caught.value.message("vi")
    shutil.copy(TEMPLATES / "giay-khen.docx", tmp_path / "mau" / "giay-khen.docx")
    docx = tmp_path / "shipped.docx"
    ws = Workspace.containing(source)
    docx.write_bytes(Renderer(ws).render(ws.load(source)))
    assert verify_file(docx).ok  # the shipped phôi's fields leave the thành tích its room
