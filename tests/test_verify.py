"""vanthu verify: good outputs and templates pass; hand-made documents are read; the command.

The corpus of broken documents is in test_verify_corpus.py.
"""

from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from pipeline.api import Renderer
from pipeline.errors import InputError
from pipeline.i18n import CATALOGUE, set_language
from pipeline.render.styles import StyleSheet
from pipeline.verify import verify_file
from pipeline.verify.command import verify_command
from pipeline.verify.document import read_document
from pipeline.verify.layout import find_layout
from pipeline.verify.own_reference import OwnDate, own_date, own_number
from pipeline.verify.report import Location
from pipeline.verify.specs import PROPERTIES, SPECS

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((REPO / "templates").rglob("*.docx"))
EXAMPLES = sorted(p for p in (REPO / "inputs").glob("20*/*.yaml"))
PLAN = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
J = WD_ALIGN_PARAGRAPH


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("verify") / "ke-hoach-tdkt.docx"
    return Renderer(REPO / "templates").render_file(PLAN, out)


@pytest.fixture()
def english():
    set_language("en")
    yield
    set_language("vi")


def lines(report) -> str:
    return "\n".join(v.line("en") for v in report.violations)


# --- what must pass -----------------------------------------------------------------------------


def test_example_plan_passes(plan: Path) -> None:
    report = verify_file(plan)
    assert report.doc_type == "ke_hoach"
    assert report.ok, lines(report)


@pytest.mark.parametrize("source", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_output_passes(source: Path, tmp_path: Path) -> None:
    output = Renderer(REPO / "templates").render_file(source, tmp_path / f"{source.stem}.docx")
    report = verify_file(output)
    assert report.ok, lines(report)


@pytest.mark.parametrize("template", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_every_template_passes_in_template_mode(template: Path) -> None:
    report = verify_file(template, template=True)
    assert report.ok, lines(report)


def test_a_template_checked_as_a_document_shows_its_tags() -> None:
    report = verify_file(REPO / "templates" / "ke-hoach.docx")
    assert "text.template_tag" in report.rules


# --- a document typed by hand -------------------------------------------------------------------


def _run(p, text: str, size: float, bold: bool = False, italic: bool = False) -> None:
    run = p.add_run(text)
    run.font.name = "Times New Roman"
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic


def _para(
    container,
    text: str = "",
    size: float = 14,
    *,
    bold: bool = False,
    italic: bool = False,
    align=J.CENTER,
    before: float = 0,
    after: float = 0,
    indent=None,
):
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), 1.15
    if indent is not None:
        fmt.first_line_indent = indent
    if text:
        _run(p, text, size, bold, italic)
    return p


def _underline(p, indent_pt: float) -> None:
    """A rule drawn the hand-made way: a bottom border, indented to the wanted length."""
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    p._p.get_or_add_pPr().append(border)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(indent_pt)


def _page_field(paragraph) -> None:
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("t", "2"),
        ("end", None),
    ):
        run = paragraph.add_run()
        run.font.name, run.font.size = "Times New Roman", Pt(14)
        if kind == "instr":
            node = OxmlElement("w:instrText")
            node.text = text
        elif kind == "t":
            node = OxmlElement("w:t")
            node.text = text
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        run._r.append(node)


def _empty_cells(table) -> list:
    cells = table.rows[0].cells
    for cell in cells:
        cell._tc.remove(cell.paragraphs[0]._p)
    return cells


def hand_made_letter(
    path: Path,
    number: str = "Số: 123/SNV-TCBM",
    date_line: str = "Sơn La, ngày 05 tháng 3 năm 2022",
) -> Path:
    """A Công văn typed in Word's way: python-docx's own template, direct formatting only."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = J.CENTER
    _page_field(header)
    left, right = _empty_cells(doc.add_table(rows=1, cols=2))
    left.width, right.width = Mm(70), Mm(95)
    _para(left, "UBND TỈNH SƠN LA", 13)
    _underline(_para(left, "SỞ NỘI VỤ", 13, bold=True), 80)
    _para(left, number, 13, before=6)
    _para(left, "V/v hướng dẫn công tác thi đua năm 2022", 12, before=4)
    _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    _underline(_para(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True), 60)
    _para(right, date_line, 14, italic=True, before=6)
    _para(doc, "Kính gửi: Các sở, ban, ngành tỉnh.", 14, before=12, after=12)
    for text in (
        "Thực hiện Kế hoạch số 289/KH-UBND ngày 16/12/2021 của UBND tỉnh, Sở Nội vụ hướng dẫn:",
        "Các cơ quan, đơn vị triển khai các phong trào thi đua gắn với nhiệm vụ được giao.",
        "Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.",
    ):
        _para(doc, text, 14, align=J.JUSTIFY, after=6, indent=Mm(12.7))
    left, right = _empty_cells(doc.add_table(rows=1, cols=2))
    left.width, right.width = Mm(75), Mm(90)
    _para(left, "Nơi nhận:", 12, bold=True, italic=True, align=J.LEFT)
    for text in ("- Như trên;", "- UBND tỉnh (b/c);", "- Lưu: VT, TCBM."):
        _para(left, text, 11, align=J.LEFT)
    _para(right, "KT. GIÁM ĐỐC", 14, bold=True)
    _para(right, "PHÓ GIÁM ĐỐC", 14, bold=True)
    for _ in range(4):
        _para(right)
    _para(right, "Nguyễn Văn A", 14, bold=True)
    doc.save(str(path))
    return path


@pytest.mark.parametrize(
    ("number", "date_line", "reference", "dated"),
    [
        ("Số: 123/SNV-TCBM", "Sơn La, ngày 05 tháng 3 năm 2022", "123/SNV-TCBM",
         OwnDate("05 tháng 3 năm 2022", date(2022, 3, 5))),
        ("Số:45/SNV-TCBM", "Sơn La, ngày  9  tháng 12 năm 2021.", "45/SNV-TCBM",
         OwnDate("9 tháng 12 năm 2021", date(2021, 12, 9))),
        ("Số: 7/SNV-TCBM", "Sơn La, ngày 31 tháng 02 năm 2022", "7/SNV-TCBM",
         OwnDate("31 tháng 02 năm 2022", None)),
        ("Số:     /SNV-TCBM", "Sơn La, ngày … tháng … năm 2022", "/SNV-TCBM", None),
    ],
)  # fmt: skip
def test_the_number_and_date_a_document_prints_are_read_once_for_every_rule(
    tmp_path: Path, number: str, date_line: str, reference: str, dated: OwnDate | None
) -> None:
    """What the kèm theo rule compares and what verify --so-dang-ky looks up in the register."""
    letter = hand_made_letter(tmp_path / "cong-van.docx", number, date_line)
    layout = find_layout(read_document(letter), None)
    assert own_number(layout) == reference
    assert own_date(layout) == dated


def test_hand_made_letter_passes(tmp_path: Path) -> None:
    report = verify_file(hand_made_letter(tmp_path / "cong-van.docx"))
    assert report.ok, lines(report)


def test_hand_made_letter_checked_as_its_type(tmp_path: Path) -> None:
    report = verify_file(hand_made_letter(tmp_path / "cong-van.docx"), "cong-van")
    assert report.ok and report.doc_type == "cong_van", lines(report)


def test_hand_made_letter_with_a_plan_abbreviation(tmp_path: Path) -> None:
    path = hand_made_letter(tmp_path / "cv.docx", number="Số: 7/SNV-TCBM")
    report = verify_file(path)
    assert report.rules == {"so_ky_hieu.leading_zero"}
    assert report.violations[0].where.describe("en") == (
        "table 1, row 1, cell 1, paragraph 3 «Số: 7/SNV-TCBM»"
    )


def test_theme_fonts_of_a_plain_document_are_resolved(tmp_path: Path) -> None:
    """python-docx's template sets a theme font in docDefaults: it is named, and flagged."""
    doc = Document()
    doc.add_paragraph("Văn bản gõ bằng phông mặc định.")
    doc.save(str(tmp_path / "plain.docx"))
    report = verify_file(tmp_path / "plain.docx")
    fonts = [v for v in report.violations if v.rule == "font.name"]
    with zipfile.ZipFile(tmp_path / "plain.docx") as archive:
        theme = archive.read("word/theme/theme1.xml").decode("utf-8")
    minor = re.search(r'<a:minorFont>\s*<a:latin typeface="([^"]+)"', theme)
    assert minor and fonts and fonts[0].found.render("en") == minor[1]


# --- the library API ----------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as error:
        verify_file(tmp_path / "none.docx")
    assert error.value.key == "verify.no_file"


@pytest.mark.parametrize("name, data", [("notes.txt", b"text"), ("broken.docx", b"PK\x03\x04")])
def test_not_a_docx(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        verify_file(path)
    assert error.value.key == "verify.not_docx"
    assert str(path) in error.value.message("en")


def test_unknown_type(plan: Path) -> None:
    with pytest.raises(InputError) as error:
        verify_file(plan, "thu-tinh")
    assert error.value.key == "verify.unknown_type"


def test_every_rule_has_a_description_in_both_languages() -> None:
    sources = "\n".join(p.read_text("utf-8") for p in (REPO / "pipeline" / "verify").glob("*.py"))
    literal_ids = set(re.findall(r'report\.add\(\s*"([a-z_]+\.[a-z_]+)"', sources))
    spec_ids = {
        f"{element}.{name}"
        for element, spec in SPECS.items()
        for name in PROPERTIES
        if getattr(spec, name) is not None
    }
    assert len(literal_ids) > 40
    for rule in literal_ids | spec_ids:
        entry = CATALOGUE.get(f"verify.rule.{rule}")
        assert entry and entry.get("vi") and entry.get("en"), rule


def test_locations_in_both_languages() -> None:
    cell = Location("cell", table=1, row=2, column=1, paragraph=1, excerpt="Số: 05/KH-VPUBND")
    assert cell.describe("vi") == "bảng 1, hàng 2, ô 1, đoạn 1 «Số: 05/KH-VPUBND»"
    assert cell.describe("en") == "table 1, row 2, cell 1, paragraph 1 «Số: 05/KH-VPUBND»"
    assert Location("section", section=2).describe("en") == "section 2"


# --- the command --------------------------------------------------------------------------------


def test_command_passes_a_good_document(plan: Path) -> None:
    result = CliRunner().invoke(verify_command, [str(plan)])
    assert result.exit_code == 0, result.output
    assert "không có vi phạm" in result.output


def test_command_one_line_per_violation(tmp_path: Path, english: None) -> None:
    path = hand_made_letter(tmp_path / "cv.docx", number="Số: 7/SNV-TCBM")
    result = CliRunner().invoke(verify_command, [str(path)])
    assert result.exit_code == 1
    first, summary = result.output.strip().splitlines()
    assert first == (
        f"{path}: table 1, row 1, cell 1, paragraph 3 «Số: 7/SNV-TCBM»: "
        "[so_ky_hieu.leading_zero] Numbers below 10 with a leading zero: found «7»; expected «07»"
    )
    assert summary == f"{path}: 1 violation(s)"


def test_command_reads_every_docx_of_a_folder(tmp_path: Path, plan: Path) -> None:
    import shutil

    (tmp_path / "2024").mkdir()
    shutil.copy(plan, tmp_path / "ke-hoach.docx")
    bad = hand_made_letter(tmp_path / "2024" / "cv.docx", number="Số: 7/SNV-TCBM")
    (tmp_path / "~$ke-hoach.docx").write_bytes(b"Word's lock file")
    result = CliRunner().invoke(verify_command, [str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert f"{bad}:" in result.output and f"{tmp_path / 'ke-hoach.docx'}:" in result.output
    assert "~$" not in result.output and "không phải tệp .docx" not in result.output


def test_command_json(tmp_path: Path, plan: Path) -> None:
    bad = hand_made_letter(tmp_path / "cv.docx", number="Số: 7/SNV-TCBM")
    result = CliRunner().invoke(verify_command, ["--format", "json", str(plan), str(bad)])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False
    good, broken = data["files"]
    assert good["ok"] and good["type"] == "ke_hoach" and good["violations"] == []
    (violation,) = broken["violations"]
    assert violation["rule"] == "so_ky_hieu.leading_zero"
    assert violation["where"] == {
        "kind": "cell",
        "table": 1,
        "row": 1,
        "column": 1,
        "paragraph": 3,
        "excerpt": "Số: 7/SNV-TCBM",
    }
    assert violation["found"] == "«7»" and violation["expected"] == "«07»"


def test_command_type_option(plan: Path) -> None:
    result = CliRunner().invoke(verify_command, ["--type", "quyet-dinh", str(plan)])
    assert result.exit_code == 1
    assert "[ten_loai.text]" in result.output and "[so_ky_hieu.type]" in result.output


def test_command_template_option() -> None:
    template = REPO / "templates" / "ke-hoach.docx"
    assert CliRunner().invoke(verify_command, ["--template", str(template)]).exit_code == 0
    assert CliRunner().invoke(verify_command, [str(template)]).exit_code == 1


def test_command_bad_file_is_reported_as_that_files_error(tmp_path: Path) -> None:
    # An unreadable file is that file's error line, exit 2 (round 2: others are still checked).
    path = tmp_path / "notes.txt"
    path.write_text("x")
    result = CliRunner().invoke(verify_command, [str(path)])
    assert result.exit_code == 2
    assert f"{path}: không phải tệp .docx đọc được (.txt)" in result.output


# --- StyleSheet additions -----------------------------------------------------------------------


def test_stylesheet_paragraph_and_run_resolution(plan: Path) -> None:
    with zipfile.ZipFile(plan) as archive:
        styles = StyleSheet(archive.read("word/styles.xml"))
    body = styles.style_paragraph_props("NoiDung")
    assert body["alignment"] == "both" and body["first_line"] == 720 and body["after"] == 120
    assert styles.default_paragraph_style == "Normal"
    assert styles.style_paragraph_props(None)["line"] == 240  # Normal's own spacing
    strong = styles.resolve_run("NoiDung", "Strong", None)
    assert strong["bold"] is True and strong["size"] == 14
    assert strong["font"] == strong["font_hansi"] == "Times New Roman"


def test_shared_block_is_checked_as_a_fragment(tmp_path: Path) -> None:
    import shutil
    import zipfile

    block = tmp_path / "khoi" / "ky-ten.docx"
    block.parent.mkdir()
    shutil.copy(REPO / "templates" / "khoi" / "ky-ten.docx", block)
    assert verify_file(block, template=True).ok  # no header, title or body needed in a block
    with zipfile.ZipFile(block) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(b"Times New Roman", b"Arial")
    with zipfile.ZipFile(block, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert "font.name" in verify_file(block, template=True).rules


# --- legacy-encoded text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "encoding"),
    [
        ("Th«ng b¸o: các cơ quan, đơn vị triển khai các phong trào thi đua.", "TCVN3 (ABC)"),
        ("Lãnh đạo Sở Néi vô triển khai các phong trào thi đua.", "TCVN3 (ABC)"),
        ("Thoâng baùo: các cơ quan, đơn vị triển khai các phong trào thi đua.", "VNI"),
    ],
)
def test_short_legacy_text_in_a_document_is_flagged(
    tmp_path: Path, english: None, typed: str, encoding: str
) -> None:
    path = hand_made_letter(tmp_path / "cv.docx")
    doc = Document(str(path))
    (paragraph,) = [p for p in doc.paragraphs if p.text.startswith("Các cơ quan, đơn vị")]
    paragraph.runs[0].text = typed
    doc.save(str(path))
    report = verify_file(path)
    assert report.rules == {"text.legacy"}, lines(report)
    (violation,) = report.violations
    assert f"text typed in {encoding}" in violation.line("en")
    result = CliRunner().invoke(verify_command, [str(path)])
    assert result.exit_code == 1 and "[text.legacy]" in result.output
