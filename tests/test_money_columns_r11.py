"""Round 11 (r11b F1, F4): amounts of 1 tỷ or more on one line in the built-in money columns.

A Sở's list of 143 Chiến sĩ thi đua totals "1.003.860.000": the Danh sách's 28 mm column and
both Báo cáo tables' 27 and 29 mm columns broke it between its digits ("1.003.860.00" / "0").
tools/make_templates.py now sizes every built-in money column for "99.999.999.999" bold at
13 pt, taking the room from the name columns. verify applies its one-line rule
(bang.so_tien_mot_dong) to every table, the report's included, and tells the clerk what to do
by where the table comes from: the office's own template (widen it there), vanthu's built-in
one (check the amount: nothing to edit), or neither (make the document again).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from pipeline.render.compose import TemplateLibrary
from pipeline.rules.metrics import widest_twips
from pipeline.verify import verify_file
from tests.typed_docs import page_lines, to_pdf

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
DECISION = "2024/qd-bang-khen-ubnd-tinh.yaml"
LIST = "2024/danh-sach-bang-khen-ubnd-tinh.csv"
REPORT = "2024/bao-cao-r11.yaml"
FAMILY = ("Nguyễn", "Lò", "Hoàng", "Cầm", "Quàng", "Lường", "Tòng", "Điêu")
MIDDLE = ("Văn", "Thị", "Đức", "Minh")
GIVEN = ("An", "Bình", "Chi", "Dung", "Hà", "Khánh", "Lan", "Mai", "Nam", "Phúc")
TITLE = "Chiến sĩ thi đua bộ, ban, ngành, tỉnh"  # 3,0 × 2.340.000 = 7.020.000 đồng each
# 150 × 7.020.000 + one collective's Bằng khen (4.680.000)
TOTAL = "1.057.680.000"
TITLE_SUM = "1.053.000.000"
LONGEST = "99.999.999.999"  # the longest amount the built-in columns are made for
TOO_LONG = "123.456.789.012"
RULE = "bang.so_tien_mot_dong"
TEXT_WIDTH_TWIPS = 165 / 25.4 * 1440

REPORT_YAML = """\
loai: bao_cao
co_quan: ubnd-tinh-son-la
so: 200
ngay: 28/12/2024
nam: 2024
trich_yeu: Tổng kết công tác thi đua, khen thưởng năm 2024
mo_dau:
  - Ủy ban nhân dân tỉnh báo cáo kết quả công tác thi đua, khen thưởng năm 2024 như sau.
muc:
  - tieu_de: Kết quả khen thưởng
    khoan:
      - tieu_de: Công tác khen thưởng
        doan:
          - Năm {{ nam }}, tổng số tiền thưởng {{ tong.tien }} đồng. Kết quả cụ thể như sau
        bang: [khen_thuong, don_vi]
ket_thuc: Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2024
noi_nhan:
  - Sở Nội vụ
don_vi_soan_thao: NC
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: pho-chu-tich
"""


def big_year(root: Path) -> Path:
    """A workspace at `root` (inputs/ copied) whose 2024 Bằng khen decision gives 150 people
    the Chiến sĩ thi đua title (over 1 tỷ in all), and a Báo cáo of that year."""
    folder = root / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    names = [f"{f} {m} {g}" for f in FAMILY for m in MIDDLE for g in GIVEN][:150]
    lines = ["Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại"]
    lines += [f'{name},Chuyên viên,Sở Nội vụ,"{TITLE}",Cá nhân' for name in names]
    lines.append(
        "Phòng Tổ chức cán bộ,,Sở Giáo dục và Đào tạo,"
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh,Tập thể"
    )
    (folder / LIST).write_text("\n".join(lines) + "\n", "utf-8")
    (folder / REPORT).write_text(REPORT_YAML, "utf-8")
    return folder


def render(library: TemplateLibrary, source: Path, target: Path) -> Path:
    from pipeline.api import Renderer

    target.parent.mkdir(parents=True, exist_ok=True)
    return Renderer(library).render_file(source, target)


def replaced(docx: Path, target: Path, old: str, new: str) -> Path:
    """`docx` with every `old` of its body written `new` (an amount the data cannot reach)."""
    with zipfile.ZipFile(docx) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new).encode("utf-8")
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The decision and the report rendered with the built-in templates, each also with its
    totals written as the longest amount the columns are made for; their PDFs."""
    root = tmp_path_factory.mktemp("r11")
    folder = big_year(root)
    library = TemplateLibrary([BUILTIN])
    out = root / "outputs"
    docs = {
        "qd": render(library, folder / DECISION, out / "qd.docx"),
        "bc": render(library, folder / REPORT, out / "bc.docx"),
    }
    docs["qd_longest"] = replaced(docs["qd"], out / "qd-longest.docx", TOTAL, LONGEST)
    docs["bc_longest"] = replaced(docs["bc"], out / "bc-longest.docx", TOTAL, LONGEST)
    pdfs = to_pdf(list(docs.values()), root)
    return {**docs, **{f"{key}_pdf": pdf for key, pdf in zip(list(docs), pdfs, strict=True)}}


def grid_twips(table) -> list[int]:
    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def money_needs_twips() -> int:
    """What a column needs to hold LONGEST bold at 13 pt (padding and rounding slack in)."""
    return widest_twips(((LONGEST, 13, True),))


# --- the columns, read back from the rendered .docx ----------------------------------------


def test_the_danh_sach_money_column_holds_the_longest_amount(built: dict[str, Path]) -> None:
    doc = Document(str(built["qd"]))
    table = doc.tables[-1]
    assert table.rows[-1].cells[-1].text == TOTAL
    widths = grid_twips(table)
    assert len(widths) == 5 and widths[-1] >= money_needs_twips()
    assert sum(widths) == pytest.approx(TEXT_WIDTH_TWIPS, abs=20)
    # The Danh sách is printed on a portrait page whose text width the table fills.
    section = doc.sections[-1]
    assert section.page_width < section.page_height
    text_width = section.page_width - section.left_margin - section.right_margin
    assert round(text_width / 36000) == 165  # EMU → mm
    # The room came from the name columns, which wrap between words: STT is unchanged.
    assert widths[0] == pytest.approx(14 / 25.4 * 1440, abs=2)


def test_both_report_tables_hold_the_longest_amount(built: dict[str, Path]) -> None:
    doc = Document(str(built["bc"]))
    awards, units = doc.tables[1], doc.tables[2]
    assert awards.rows[-1].cells[-3].text == TOTAL and units.rows[-1].cells[-1].text == TOTAL
    for table, money in ((awards, 4), (units, 4)):
        widths = grid_twips(table)
        assert widths[money] >= money_needs_twips()
        assert sum(widths) == pytest.approx(TEXT_WIDTH_TWIPS, abs=20)
    # Bảng 1's counts hold a four-digit count bold ("9.999" lượt in the total row).
    counts = [grid_twips(awards)[i] for i in (2, 3, 5)]
    assert min(counts) >= widest_twips((("9.999", 13, True),))


# --- as LibreOffice prints them --------------------------------------------------------------


def total_lines(pdf: Path) -> list[str]:
    return [line for page in page_lines(pdf) for line in page if line.startswith("Tổng cộng")]


def amounts(line: str) -> list[str]:
    return re.findall(r"\d{1,3}(?:\.\d{3})+", line)


def test_the_danh_sach_total_prints_on_one_line(built: dict[str, Path]) -> None:
    """The tester's F1: "1.003.860.00" / "0" in the 28 mm column."""
    lines = total_lines(built["qd_pdf"])
    assert lines and lines[-1].split()[-1] == TOTAL, lines


@pytest.mark.parametrize(("key", "total"), [("bc_pdf", TOTAL), ("bc_longest_pdf", LONGEST)])
def test_the_report_amounts_print_on_one_line(
    built: dict[str, Path], key: str, total: str
) -> None:
    """The tester's F4: "1.003.860.0" / "00" in both tables, their rows and totals."""
    lines = total_lines(built[key])
    assert len(lines) == 2 and all(amounts(line) == [total] for line in lines), lines
    page = [line for p in page_lines(built[key]) for line in p]
    row = next(line for line in page if line.startswith("1") and "Chiến sĩ thi đua" in line)
    assert TITLE_SUM in row.split(), row


def test_the_longest_amount_prints_on_one_line_in_the_danh_sach(built: dict[str, Path]) -> None:
    lines = total_lines(built["qd_longest_pdf"])
    assert lines and lines[-1].split()[-1] == LONGEST, lines


# --- verify --------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["qd", "bc", "qd_longest", "bc_longest"])
def test_verify_passes_what_the_columns_hold(built: dict[str, Path], key: str) -> None:
    report = verify_file(built[key])
    assert RULE not in report.rules, report.format_text()


def narrowed_money(docx: Path, target: Path, table: int, twips: int) -> Path:
    """`docx` (a rendered document or a template) with the money column (the fifth) of its
    table number `table` (0-based, in body order) set to `twips`, as Bảng 1's 27 mm before."""
    with zipfile.ZipFile(docx) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    pieces = re.split(r"(<w:tbl>.*?</w:tbl>)", xml, flags=re.S)
    tables = [i for i, piece in enumerate(pieces) if piece.startswith("<w:tbl>")]
    piece = pieces[tables[table]]
    money = re.findall(r'<w:gridCol w:w="(\d+)"/>', piece)[4]
    assert re.findall(r'<w:gridCol w:w="(\d+)"/>', piece).count(money) == 1
    for old, new in (
        (f'w:type="dxa" w:w="{money}"', f'w:type="dxa" w:w="{twips}"'),
        (f'w:w="{money}" w:type="dxa"', f'w:w="{twips}" w:type="dxa"'),
        (f'<w:gridCol w:w="{money}"/>', f'<w:gridCol w:w="{twips}"/>'),
    ):
        piece = piece.replace(old, new)
    pieces[tables[table]] = piece
    parts["word/document.xml"] = "".join(pieces).encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


OLD_MONEY_TWIPS = 1531  # the 27 mm of Bảng 1 before


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_fails_a_report_table_too_narrow(
    built: dict[str, Path], tmp_path: Path, lang: str
) -> None:
    """A report made before (or its column narrowed by hand): Bảng 1's money column at 27 mm.
    Its table is no template's in force: the advice is to make it again, not to edit one."""
    docx = narrowed_money(built["bc"], tmp_path / "bc-hep.docx", 1, OLD_MONEY_TWIPS)
    report = verify_file(docx)
    found = [v for v in report.violations if v.rule == RULE]
    assert found and not report.ok
    # Bảng 1's row of the title and its total; Bảng 2 (table 3) keeps its column.
    assert [v.found.render(lang) for v in found] == [f"«{TITLE_SUM}»", f"«{TOTAL}»"]
    assert {v.where.table for v in found} == {2}
    line = found[0].line(lang)
    assert "27.0 mm" in line
    if lang == "vi":
        assert "dựng lại văn bản (vanthu build" in line and "templates copy" not in line
    else:
        assert "make it again (vanthu build" in line and "templates copy" not in line


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_of_the_built_in_template_does_not_say_to_edit_it(
    built: dict[str, Path], tmp_path: Path, lang: str
) -> None:
    """An amount longer than the built-in column is made for: check the amount."""
    docx = replaced(built["bc"], tmp_path / "bc-lon.docx", TOTAL, TOO_LONG)
    found = [v for v in verify_file(docx).violations if v.rule == RULE]
    assert len(found) == 2  # both tables' totals
    line = found[0].line(lang)
    for word in ("templates copy", "mẫu riêng", "sửa độ rộng", "widen", "own template"):
        assert word not in line, line
    if lang == "vi":
        assert "mẫu có sẵn của vanthu" in line and f"đến {LONGEST}" in line
        assert "xem lại số tiền" in line
    else:
        assert "vanthu's built-in template" in line and f"up to {LONGEST}" in line
        assert "check the amount" in line


def test_verify_names_the_office_template_that_prints_the_table(tmp_path: Path) -> None:
    """An office's own copy of khoi/bang-so-lieu with the old 27 mm column, in force in its
    workspace: verify names that copy and how to widen it or take the new one."""
    folder = big_year(tmp_path)
    own = tmp_path / "mau" / "khoi" / "bang-so-lieu.docx"
    narrowed_money(BUILTIN / "khoi" / "bang-so-lieu.docx", own, 0, OLD_MONEY_TWIPS)
    library = TemplateLibrary([tmp_path / "mau", BUILTIN])
    docx = render(library, folder / REPORT, tmp_path / "outputs" / "2024" / "bc.docx")
    found = [v for v in verify_file(docx).violations if v.rule == RULE]
    assert found
    line = found[0].line("vi")
    assert "mẫu riêng của cơ quan" in line and "khoi/bang-so-lieu.docx" in line
    assert "vanthu templates copy khoi/bang-so-lieu --force" in line
    assert "khoi/bang-so-lieu.docx" in found[0].line("en")
