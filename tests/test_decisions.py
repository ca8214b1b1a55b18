"""Quyết định: the three 2022 examples render with the Decree 30 parts and the money right."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from pipeline.api import load_document
from pipeline.awards import read_award_list
from pipeline.cli import main
from pipeline.rules.words import money_in_words
from tests.typed_docs import to_pdf

REPO = Path(__file__).resolve().parents[1]
YEAR = REPO / "inputs" / "2022"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, renderer) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("qd")
    result = {}
    for name in ("qd-lao-dong-tien-tien", "qd-giay-khen", "qd-thanh-lap-hoi-dong"):
        result[name] = renderer.render_file(YEAR / f"{name}.yaml", out / f"{name}.docx")
    return result


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text]


def test_award_decision_parts(rendered: dict[str, Path]) -> None:
    document = Document(str(rendered["qd-lao-dong-tien-tien"]))
    lines = [p.text for p in document.paragraphs if p.text]
    assert lines[:3] == [
        "QUYẾT ĐỊNH",
        "Về việc công nhận danh hiệu thi đua năm 2022",
        "CHÁNH VĂN PHÒNG UBND TỈNH SƠN LA",
    ]
    preamble = [p for p in document.paragraphs if p.style.style_id == "CanCu" and p.text]
    assert all(p.text.startswith("Căn cứ") and p.text.endswith(";") for p in preamble[:-1])
    assert (
        preamble[-1].text == "Theo đề nghị của Hội đồng thi đua, khen thưởng Văn phòng UBND tỉnh."
    )
    assert "QUYẾT ĐỊNH:" in lines
    articles = [t for t in lines if t.startswith("Điều ")]
    assert [a.split(".")[0] for a in articles] == ["Điều 1", "Điều 2", "Điều 3"]
    assert "(có danh sách kèm theo)" in articles[0]
    assert articles[-1].endswith("./.")
    header = document.tables[0]
    assert header.cell(1, 0).text == "Số: 152/QĐ-VPUBND"
    recipients = [p.text for p in document.tables[1].cell(0, 0).paragraphs if p.text]
    assert recipients[1] == "- Như Điều 3;"


def test_money_matches_the_list(rendered: dict[str, Path]) -> None:
    awards = read_award_list(YEAR / "danh-sach-ldtt-2022.xlsx", load_document(
        YEAR / "qd-lao-dong-tien-tien.yaml").info.data.ngay)  # fmt: skip
    lines = texts(rendered["qd-lao-dong-tien-tien"])
    total = f"{awards.total:,}".replace(",", ".")
    assert f"Tổng số tiền thưởng: {total} đồng." in lines
    assert f"Bằng chữ: {money_in_words(awards.total)}" in lines
    table = Document(str(rendered["qd-lao-dong-tien-tien"])).tables[2]
    amounts = [
        int(row.cells[4].text.replace(".", ""))
        for row in table.rows[1:-1]
        if row.cells[0].text.isdigit()
    ]
    assert sum(amounts) == awards.total
    assert table.rows[-1].cells[0].text == "Tổng cộng"
    assert table.rows[-1].cells[-1].text == total


def test_danh_sach_grouped_numbered_and_attached(rendered: dict[str, Path]) -> None:
    document = Document(str(rendered["qd-lao-dong-tien-tien"]))
    attached = [p.text for p in document.paragraphs if p.style.style_id.startswith("PhuLuc")]
    assert attached == [
        "DANH SÁCH",
        # Too wide for one line: broken after the comma, not before "2022" as Word would.
        "CÁ NHÂN, TẬP THỂ\nĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA NĂM 2022",
        "(Kèm theo Quyết định số 152/QĐ-VPUBND ngày 20 tháng 12 năm 2022 "
        "của Chánh Văn phòng UBND tỉnh Sơn La)",
    ]
    table = document.tables[2]
    groups = [r.cells[0].text for r in table.rows[1:] if not r.cells[0].text.isdigit()]
    assert groups[0].startswith("I. LAO ĐỘNG TIÊN TIẾN (")
    assert groups[-1] == "Tổng cộng"
    # Numbered within each group, from 1.
    numbers: list[list[int]] = []
    for row in table.rows[1:]:
        if row.cells[0].text.isdigit():
            numbers[-1].append(int(row.cells[0].text))
        else:
            numbers.append([])
    assert all(group == list(range(1, len(group) + 1)) for group in numbers if group)
    assert len(document.sections) == 2


def test_sorted_by_unit_then_name(rendered: dict[str, Path]) -> None:
    from pipeline.rules.collation import name_key, vietnamese_key

    table = Document(str(rendered["qd-lao-dong-tien-tien"])).tables[2]
    first_group = []
    for row in table.rows[2:]:
        if not row.cells[0].text.isdigit():
            break
        first_group.append((row.cells[3].text, row.cells[1].text))
    keys = [(vietnamese_key(unit), name_key(name)) for unit, name in first_group]
    assert keys == sorted(keys) and len(first_group) >= 40


def test_few_entries_named_in_article_one(tmp_path: Path, renderer) -> None:
    import shutil

    folder = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    lines = (folder / "2022" / "danh-sach-giay-khen-2022.csv").read_text("utf-8-sig").splitlines()
    (folder / "2022" / "danh-sach-giay-khen-2022.csv").write_text(
        "\n".join(lines[:4]) + "\n", "utf-8-sig"
    )
    out = renderer.render_file(folder / "2022" / "qd-giay-khen.yaml", tmp_path / "gk.docx")
    document = Document(str(out))
    lines = [p.text for p in document.paragraphs if p.text]
    article = next(t for t in lines if t.startswith("Điều 1."))
    assert article.endswith("đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2022, gồm:")
    named = lines[lines.index(article) + 1 : lines.index(article) + 4]
    assert all(t.startswith("- ") for t in named)
    assert [t[-1] for t in named] == [";", ";", "."]  # the last line closes the list
    assert "DANH SÁCH" not in lines and len(document.sections) == 1


def test_council_decision(rendered: dict[str, Path]) -> None:
    lines = texts(rendered["qd-thanh-lap-hoi-dong"])
    article = next(t for t in lines if t.startswith("Điều 1."))
    members = lines[lines.index(article) + 1 : lines.index(article) + 8]
    assert all(t.startswith("- ") for t in members)
    assert any("Chủ tịch Hội đồng" in t for t in members)
    assert "a) Phát động, tổ chức, chỉ đạo các phong trào thi đua của Văn phòng;" in lines
    assert not any("đồng." in t and "Tổng" in t for t in lines)  # no money


def test_libreoffice_repeats_the_danh_sach_header(
    rendered: dict[str, Path], tmp_path: Path
) -> None:
    docx = rendered["qd-lao-dong-tien-tien"]
    to_pdf([docx], tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / f"{docx.stem}.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    # The signature never stands alone: its page also ends the content ("./.").
    signed = next(p for p in pages if "Nguyễn Huy Anh" in p)
    assert "./." in signed and "CHÁNH VĂN PHÒNG" in signed
    list_pages = [p for p in pages[1:] if "450.000" in p]
    assert len(list_pages) >= 2
    for page in list_pages:
        assert "Họ và tên" in page and "Số tiền" in page


BAD = {
    "unknown title": ("E", 10, "Lao đông tiên tiền", "Lao động tiên tiến"),
    "number as name": ("B", 10, 12345, "Họ và tên"),
    "control character": ("C", 10, "Chuyên_x0007_viên", "C10"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_sheet_refused(case: str, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    column, row, value, expected = BAD[case]
    sheet = folder / "2022" / "danh-sach-ldtt-2022.xlsx"
    book = load_workbook(sheet)
    book.active[f"{column}{row}"] = value
    book.save(sheet)
    output = tmp_path / "qd.docx"
    result = CliRunner().invoke(
        main, ["--lang", "vi", "render", str(folder / "2022" / "qd-lao-dong-tien-tien.yaml"),
               "-o", str(output)],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "danh-sach-ldtt-2022.xlsx" in result.output and "Danh sách" in result.output
    assert str(expected) in result.output
    assert not output.exists()


def test_decision_date_before_first_base_salary(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    plan = folder / "2022" / "qd-lao-dong-tien-tien.yaml"
    plan.write_text(plan.read_text("utf-8").replace("ngay: 20/12/2022", "ngay: 20/12/2012"))
    result = CliRunner().invoke(main, ["--lang", "vi", "check", str(plan)])
    assert result.exit_code == 1
    assert "trường 'ngay'" in result.output and "dòng 8" in result.output


def test_decision_issuing_a_plan(renderer, tmp_path: Path) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    from tests.conftest import reference_body_paragraphs

    out = renderer.render_file(YEAR / "qd-ban-hanh-ke-hoach.yaml", tmp_path / "bh.docx")
    document = Document(str(out))
    lines = [p.text for p in document.paragraphs if p.text]
    assert (
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai, thực hiện công tác"
        in (lines[lines.index("QUYẾT ĐỊNH:") + 1][:80])
    )
    start = lines.index("KẾ HOẠCH")
    assert lines[start + 2] == (
        "(Ban hành kèm theo Quyết định số 02/QĐ-VPUBND ngày 05 tháng 01 năm 2022 "
        "của Chánh Văn phòng UBND tỉnh Sơn La)"
    )
    # The attached plan is the Kế hoạch rendering: the reference text, in order, then its
    # appendix of key tasks on a landscape page.
    reference = reference_body_paragraphs()
    assert lines[start + 3 : start + 3 + len(reference)] == reference
    assert lines[start + 3 + len(reference) :] == [
        "Phụ lục",
        "NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2022",
        "(Kèm theo Kế hoạch ban hành kèm theo Quyết định số 02/QĐ-VPUBND ngày 05 tháng 01 "
        "năm 2022 của Chánh Văn phòng UBND tỉnh Sơn La)",
    ]
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    restarts = [s._sectPr.find(qn("w:pgNumType")) is not None for s in document.sections]
    assert restarts == [False, True, True]
    assert load_document(YEAR / "qd-ban-hanh-ke-hoach.yaml").files[-1].name.startswith("van-phong")


def test_decision_layout(rendered: dict[str, Path]) -> None:
    import zipfile

    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from pipeline.render.styles import StyleSheet

    path = rendered["qd-lao-dong-tien-tien"]
    styles = StyleSheet(zipfile.ZipFile(path).read("word/styles.xml"))
    document = Document(str(path))

    def look(paragraph):
        run = styles.paragraph_style_run(paragraph.style.style_id)
        style = paragraph.style
        alignment = None
        while alignment is None and style is not None:
            alignment = style.paragraph_format.alignment
            style = style.base_style
        return run.size, run.bold, run.italic, alignment

    by_text = {p.text: p for p in document.paragraphs if p.text}
    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    assert look(by_text["CHÁNH VĂN PHÒNG UBND TỈNH SƠN LA"]) == (14, True, False, center)
    assert look(by_text["QUYẾT ĐỊNH:"]) == (14, True, False, center)
    for paragraph in document.paragraphs:
        if paragraph.style.style_id == "CanCu" and paragraph.text:
            assert look(paragraph) == (14, False, True, justify)
        if paragraph.text.startswith("Điều "):
            first = next(r for r in paragraph.runs if r.text)
            assert first.text.startswith("Điều ") and first.style.style_id == "Strong"
            assert look(paragraph)[3] == justify
    assert look(by_text["DANH SÁCH"]) == (14, True, False, center)
    kem_theo = next(t for t in by_text if t.startswith("(Kèm theo Quyết định"))
    assert look(by_text[kem_theo]) == (14, False, True, center)


def _decision_copy(tmp_path: Path) -> tuple[Path, Path]:
    import shutil

    folder = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    return folder / "2022" / "qd-lao-dong-tien-tien.yaml", folder / "2022"


def _render_refused(decision: Path, tmp_path: Path, *expected: str) -> None:
    output = tmp_path / "qd.docx"
    output.write_bytes(b"old")
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(decision), "-o", str(output)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for words in expected:
        assert words in result.output, result.output
    assert output.read_bytes() == b"old"


def test_old_xls_is_refused_with_advice(tmp_path: Path) -> None:
    decision, year = _decision_copy(tmp_path)
    (year / "ds.xls").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    decision.write_text(
        decision.read_text("utf-8").replace("danh-sach-ldtt-2022.xlsx", "ds.xls"), "utf-8"
    )
    _render_refused(decision, tmp_path, "ds.xls", ".xlsx")


def test_misnamed_column_is_refused(tmp_path: Path) -> None:
    decision, year = _decision_copy(tmp_path)
    sheet = year / "danh-sach-ldtt-2022.xlsx"
    book = load_workbook(sheet)
    for row in book.active.iter_rows(min_row=1, max_row=5):
        for cell in row:
            if cell.value == "Danh hiệu":
                cell.value = "Danh hieu thi dua nam"
    book.save(sheet)
    _render_refused(decision, tmp_path, "danh-sach-ldtt-2022.xlsx", "Danh hiệu")


def test_same_person_twice_is_refused(tmp_path: Path) -> None:
    decision, year = _decision_copy(tmp_path)
    sheet = year / "danh-sach-ldtt-2022.xlsx"
    book = load_workbook(sheet)
    ws = book.active
    ws.append([99, *[c.value for c in ws[4][1:]]])
    book.save(sheet)
    _render_refused(decision, tmp_path, "danh-sach-ldtt-2022.xlsx", "dòng 4", "hai lần")


def test_empty_list_is_refused(tmp_path: Path) -> None:
    decision, year = _decision_copy(tmp_path)
    csv = year / "danh-sach-giay-khen-2022.csv"
    csv.write_text(csv.read_text("utf-8-sig").splitlines()[0] + "\n", "utf-8-sig")
    giay_khen = year / "qd-giay-khen.yaml"
    _render_refused(giay_khen, tmp_path, "danh-sach-giay-khen-2022.csv")


def test_tcvn3_name_in_the_sheet_is_refused(tmp_path: Path) -> None:
    decision, year = _decision_copy(tmp_path)
    sheet = year / "danh-sach-ldtt-2022.xlsx"
    book = load_workbook(sheet)
    book.active["B10"] = "NguyÔn V¨n Thµnh"
    book.save(sheet)
    _render_refused(decision, tmp_path, "danh-sach-ldtt-2022.xlsx", "B10", "TCVN3", "Nguyễn Văn")


def test_titles_and_forms_cite_both_articles(tmp_path: Path, renderer) -> None:
    decision, year = _decision_copy(tmp_path)
    csv = year / "danh-sach-giay-khen-2022.csv"
    lines = csv.read_text("utf-8-sig").splitlines()
    lines.append("Hà Văn Tâm,Chuyên viên,Phòng Kinh tế,Lao động tiên tiến,Cá nhân,")
    csv.write_text("\n".join(lines) + "\n", "utf-8-sig")
    out = renderer.render_file(year / "qd-giay-khen.yaml", tmp_path / "gk.docx")
    article = next(p.text for p in Document(str(out)).paragraphs if p.text.startswith("Điều 2."))
    assert "theo quy định tại Điều 73 và Điều 69 Nghị định số 91/2017/NĐ-CP," in article


@pytest.mark.parametrize(
    "other", ["Giấy khen của Giám đốc Sở Nội vụ", "Giấy khen của Chánh Văn phòn"]
)
def test_one_decision_gives_the_award_of_one_giver(tmp_path: Path, other: str) -> None:
    decision, year = _decision_copy(tmp_path)
    csv = year / "danh-sach-giay-khen-2022.csv"
    lines = csv.read_text("utf-8-sig").splitlines()
    lines[3] = lines[3].replace("Giấy khen của Chánh Văn phòng", other)
    csv.write_text("\n".join(lines) + "\n", "utf-8-sig")
    _render_refused(
        year / "qd-giay-khen.yaml", tmp_path, "danh-sach-giay-khen-2022.csv", "dòng 4",
        f"“{other}”", "dòng 2", "Có phải là “Giấy khen của Chánh Văn phòng”?",
    )  # fmt: skip


def test_the_same_giver_spelt_in_other_case_is_one_giver(tmp_path: Path, renderer) -> None:
    decision, year = _decision_copy(tmp_path)
    csv = year / "danh-sach-giay-khen-2022.csv"
    text = csv.read_text("utf-8-sig")
    lower = text.replace("Giấy khen của Chánh Văn phòng,", "Giấy khen của chánh văn phòng,", 1)
    csv.write_text(lower, "utf-8-sig")
    renderer.render_file(year / "qd-giay-khen.yaml", tmp_path / "gk.docx")
