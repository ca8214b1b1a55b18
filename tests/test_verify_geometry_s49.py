"""verify reads where a line stands and how a rule is drawn, not only what the XML names them.

- A centred element (type name, trích yếu, date line, page number) whose left and right indents
  differ is pushed off the middle of its column; a Nơi nhận line indented (or with a first-line
  indent) does not start at the left edge. Equal indents and nudges below one ruler step pass.
- The rules under Tiêu ngữ, the agency and the trích yếu are solid (nét liền): a dashed or
  double line, drawn as a shape, a VML line or a paragraph border (its own or its style's), is
  reported.
- A rule drawn by hand as the bottom border of the empty paragraph under the text (or of the
  text's own paragraph) is a rule: found, and measured and centred like the others.

Every document is vanthu's rendered 2022 plan, edited with python-docx and lxml.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Twips
from docx.text.paragraph import Paragraph

from pipeline.api import Renderer
from pipeline.verify import verify_file
from pipeline.verify.document import read_document
from pipeline.verify.layout import find_layout

REPO = Path(__file__).resolve().parents[1]
PLAN = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
EMU_PER_TWIP = 635
VML = "urn:schemas-microsoft-com:vml"

TIEU_NGU = "Độc lập"
AGENCY = "VĂN PHÒNG"
TRICH_YEU = "Triển khai, thực hiện"
TITLE = "KẾ HOẠCH"
DATE = "Sơn La, ngày"
STARTS = {"tieu_ngu": TIEU_NGU, "co_quan": AGENCY, "trich_yeu": TRICH_YEU}

Edit = Callable[[DocxDocument], None]


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2022 plan as vanthu renders it."""
    out = tmp_path_factory.mktemp("geometry") / "plan.docx"
    return Renderer(REPO / "templates").render_file(PLAN, out)


@pytest.fixture(scope="module")
def room(plan: Path) -> dict[str, int]:
    """The width (twips) each rule's paragraph gives its lines: a border there is that long."""
    doc = read_document(plan)
    layout = find_layout(doc, None)
    width = doc.sections[0].text_width_pt
    marks = {
        "tieu_ngu": layout.tieu_ngu_rule,
        "co_quan": layout.co_quan_rule,
        "trich_yeu": layout.trich_yeu_rule,
    }
    found = {}
    for element, mark in marks.items():
        assert mark is not None and mark.kind == "shape", element
        available = mark.carrier.available_pt(width)
        assert available is not None
        found[element] = round(available * 20)
    return found


# --- finding and editing paragraphs ---------------------------------------------------------


def containers(doc: DocxDocument) -> Iterator[list[Paragraph]]:
    """The body's paragraphs, then each table cell's."""
    yield doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield cell.paragraphs


def find(doc: DocxDocument, start: str) -> tuple[list[Paragraph], int]:
    """The paragraphs around the first one starting `start`, and its position among them."""
    for paragraphs in containers(doc):
        for n, p in enumerate(paragraphs):
            if p.text.startswith(start):
                return paragraphs, n
    raise AssertionError(f"no paragraph starting {start!r}")


def paragraph(doc: DocxDocument, start: str) -> Paragraph:
    paragraphs, n = find(doc, start)
    return paragraphs[n]


def rule_under(doc: DocxDocument, start: str) -> Paragraph:
    """The empty paragraph holding the line shape vanthu draws under the text `start`."""
    paragraphs, n = find(doc, start)
    return next(p for p in paragraphs[n + 1 :] if p._p.find(".//" + qn("wp:inline")) is not None)


def recipients(doc: DocxDocument) -> list[Paragraph]:
    """The Nơi nhận lines under the heading."""
    paragraphs, n = find(doc, "Nơi nhận")
    return [p for p in paragraphs[n + 1 :] if p.text.startswith("- ")]


def page_number(doc: DocxDocument) -> Paragraph:
    """The header paragraph showing the page number (pages 2 on)."""
    return next(p for p in doc.sections[0].header.paragraphs if "PAGE" in p._p.xml)


def line_length(rule: Paragraph) -> int:
    """The length (twips) of the line shape in `rule`."""
    extent = rule._p.find(".//" + qn("wp:extent"))
    return int(extent.get("cx")) // EMU_PER_TWIP


def remove_line(rule: Paragraph) -> None:
    """Take the line shape's run out of `rule`."""
    drawing = rule._p.find(".//" + qn("w:drawing"))
    run = drawing.getparent()
    run.getparent().remove(run)


def set_border(p: Paragraph, edge: str = "bottom", value: str = "single") -> None:
    """A border on `edge` of p, drawn as Word's Borders button draws it."""
    p._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:{edge} w:val="{value}" w:sz="6" w:space="1" '
            'w:color="auto"/></w:pBdr>'
        )
    )


def as_border(
    doc: DocxDocument, room: dict[str, int], element: str, *, edge: str = "bottom",
    value: str = "single", shift: int = 0, length: int | None = None,
) -> Paragraph:  # fmt: skip
    """vanthu's line under `element` redrawn as a border of its empty paragraph, as long as the
    line was (or `length` twips), centred by equal indents (the left one `shift` twips more)."""
    rule = rule_under(doc, STARTS[element])
    length = line_length(rule) if length is None else length
    remove_line(rule)
    side = (room[element] - length) // 2
    rule.paragraph_format.left_indent = Twips(side + shift)
    rule.paragraph_format.right_indent = Twips(side - shift)
    set_border(rule, edge, value)
    return rule


def dashed_line(rule: Paragraph, *, dash: str | None = "dash", compound: str | None = None) -> None:
    """The line shape in `rule` drawn dashed (a:prstDash) or as a compound line (a:ln cmpd)."""
    line = rule._p.find(".//" + qn("a:ln"))
    assert line is not None
    if compound is not None:
        line.set("cmpd", compound)
    if dash is not None:
        line.append(parse_xml(f'<a:prstDash {nsdecls("a")} val="{dash}"/>'))


def verified(plan: Path, tmp_path: Path, edit: Edit) -> list[tuple[str, str]]:
    """(rule, where) of each violation of the plan after `edit`."""
    doc = Document(str(plan))
    edit(doc)
    path = tmp_path / "edited.docx"
    doc.save(str(path))
    report = verify_file(path)
    return [(v.rule, v.where.describe("en")) for v in report.violations]


def rules_of(found: list[tuple[str, str]]) -> set[str]:
    return {rule for rule, _ in found}


def test_the_plan_passes(plan: Path) -> None:
    assert verify_file(plan).violations == []


# --- 1. centred, and at the left edge, with indents -----------------------------------------


def test_a_title_pushed_right_by_its_indent_is_not_centred(plan: Path, tmp_path: Path) -> None:
    def edit(doc: DocxDocument) -> None:
        for start in (TITLE, TRICH_YEU):
            paragraph(doc, start).paragraph_format.left_indent = Cm(6)

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"ten_loai.align", "trich_yeu.align"}, found


def test_the_off_centre_line_is_told_in_centimetres(plan: Path, tmp_path: Path) -> None:
    doc = Document(str(plan))
    paragraph(doc, TITLE).paragraph_format.left_indent = Cm(6)
    doc.save(str(tmp_path / "title.docx"))
    [violation] = verify_file(tmp_path / "title.docx").violations
    assert "thụt lề trái 6 cm, lề phải 0 cm: dòng chữ lệch 3 cm khỏi giữa" in violation.line("vi")
    assert "indented 6 cm left and 0 cm right: the line 3 cm off the middle" in violation.line("en")


def test_a_date_line_indented_is_not_centred(plan: Path, tmp_path: Path) -> None:
    def edit(doc: DocxDocument) -> None:
        paragraph(doc, DATE).paragraph_format.left_indent = Cm(3)

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"dia_danh_ngay.align"}, found


def test_a_page_number_indented_is_not_centred(plan: Path, tmp_path: Path) -> None:
    def edit(doc: DocxDocument) -> None:
        page_number(doc).paragraph_format.left_indent = Cm(8)

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"so_trang.align"}, found


def test_a_first_line_indent_moves_a_centred_line(plan: Path, tmp_path: Path) -> None:
    """Word centres the first line between its first-line indent and the right one."""

    def edit(doc: DocxDocument) -> None:
        paragraph(doc, TITLE).paragraph_format.first_line_indent = Cm(1.27)

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"ten_loai.align"}, found


@pytest.mark.parametrize(
    "left, right",
    [(Cm(2), Cm(2)), (Twips(150), Twips(0)), (Twips(0), Twips(300)), (Twips(-108), Twips(-108))],
    ids=["equal", "a nudge left", "a nudge right", "cell margins taken back"],
)
def test_centred_lines_with_equal_or_tiny_indents_pass(
    plan: Path, tmp_path: Path, left: Twips, right: Twips
) -> None:
    def edit(doc: DocxDocument) -> None:
        for start in (TITLE, TRICH_YEU, DATE, TIEU_NGU, AGENCY):
            p = paragraph(doc, start)
            p.paragraph_format.left_indent = left
            p.paragraph_format.right_indent = right
        page_number(doc).paragraph_format.left_indent = left
        page_number(doc).paragraph_format.right_indent = right

    assert verified(plan, tmp_path, edit) == []


def test_recipients_indented_do_not_start_at_the_left_edge(plan: Path, tmp_path: Path) -> None:
    def edit(doc: DocxDocument) -> None:
        for p in recipients(doc):
            p.paragraph_format.left_indent = Cm(1)

    found = verified(plan, tmp_path, edit)
    lines = len(recipients(Document(str(plan))))
    assert [rule for rule, _ in found] == ["noi_nhan.align"] * lines, found


def test_a_first_line_indent_moves_a_recipient_line(plan: Path, tmp_path: Path) -> None:
    def edit(doc: DocxDocument) -> None:
        recipients(doc)[0].paragraph_format.first_line_indent = Cm(1)

    found = verified(plan, tmp_path, edit)
    assert [rule for rule, _ in found] == ["noi_nhan.align"], found
    assert "- Sở Nội vụ;" in found[0][1]


def test_a_centred_recipient_line_is_not_at_the_left_edge(plan: Path, tmp_path: Path) -> None:
    def edit(doc: DocxDocument) -> None:
        recipients(doc)[0].alignment = 1  # WD_ALIGN_PARAGRAPH.CENTER

    found = verified(plan, tmp_path, edit)
    assert [rule for rule, _ in found] == ["noi_nhan.align"], found


@pytest.mark.parametrize(
    "left, first",
    [(Cm(1), Cm(-1)), (Twips(-108), None), (Twips(120), None)],
    ids=["hanging indent back to the edge", "cell margin taken back", "a nudge"],
)
def test_recipients_starting_at_the_edge_pass(
    plan: Path, tmp_path: Path, left: Twips, first: Twips | None
) -> None:
    def edit(doc: DocxDocument) -> None:
        for p in recipients(doc):
            p.paragraph_format.left_indent = left
            if first is not None:
                p.paragraph_format.first_line_indent = first

    assert verified(plan, tmp_path, edit) == []


# --- 2. the rules are solid -----------------------------------------------------------------


def test_a_dashed_rule_under_tieu_ngu_is_reported(plan: Path, tmp_path: Path) -> None:
    found = verified(plan, tmp_path, lambda doc: dashed_line(rule_under(doc, TIEU_NGU)))
    assert rules_of(found) == {"tieu_ngu.rule_style"}, found


def test_a_double_rule_under_tieu_ngu_is_reported(plan: Path, tmp_path: Path) -> None:
    def edit(doc: DocxDocument) -> None:
        dashed_line(rule_under(doc, TIEU_NGU), dash=None, compound="dbl")

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"tieu_ngu.rule_style"}, found


def test_a_dashed_rule_under_the_trich_yeu_is_reported(plan: Path, tmp_path: Path) -> None:
    found = verified(plan, tmp_path, lambda doc: dashed_line(rule_under(doc, TRICH_YEU)))
    assert rules_of(found) == {"trich_yeu.rule_style"}, found


def test_a_solid_preset_dash_passes(plan: Path, tmp_path: Path) -> None:
    def edit(doc: DocxDocument) -> None:
        dashed_line(rule_under(doc, AGENCY), dash="solid", compound="sng")

    assert verified(plan, tmp_path, edit) == []


def test_the_stroke_is_named_in_the_message(plan: Path, tmp_path: Path) -> None:
    doc = Document(str(plan))
    dashed_line(rule_under(doc, TIEU_NGU), dash="sysDash")
    doc.save(str(tmp_path / "dashed.docx"))
    [violation] = verify_file(tmp_path / "dashed.docx").violations
    assert "thấy nét đứt (sysDash); cần đường kẻ nét liền, một nét" in violation.line("vi")
    assert "found a dashed line (sysDash); expected a solid line, one stroke" in violation.line(
        "en"
    )


def test_a_dashed_vml_rule_is_reported(plan: Path, tmp_path: Path) -> None:
    """Old Word's line (VML), dashed by its v:stroke."""

    def edit(doc: DocxDocument) -> None:
        rule = rule_under(doc, TRICH_YEU)
        remove_line(rule)
        rule._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")} xmlns:v="{VML}"><w:pict><v:line from="160pt,2pt" '
                'to="307.35pt,2pt" strokeweight=".5pt"><v:stroke dashstyle="dash"/></v:line>'
                "</w:pict></w:r>"
            )
        )

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"trich_yeu.rule_style"}, found


@pytest.mark.parametrize("value", ["dashed", "dotted", "double", "thinThickSmallGap", "wave"])
def test_a_border_rule_not_single_is_reported(plan: Path, tmp_path: Path, value: str) -> None:
    """Tiêu ngữ's rule as the bottom border of its own paragraph, indented to its length."""

    def edit(doc: DocxDocument) -> None:
        remove_line(rule_under(doc, TIEU_NGU))
        p = paragraph(doc, TIEU_NGU)
        set_border(p, "bottom", value)
        p.paragraph_format.left_indent = p.paragraph_format.right_indent = Twips(1212)

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"tieu_ngu.rule_style"}, found


@pytest.mark.parametrize("edge", ["top", "bottom"])
def test_a_dashed_border_of_an_empty_paragraph_is_reported(
    plan: Path, tmp_path: Path, room: dict[str, int], edge: str
) -> None:
    def edit(doc: DocxDocument) -> None:
        as_border(doc, room, "co_quan", edge=edge, value="dashSmallGap")

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"co_quan.rule_style"}, found


def test_a_double_border_from_the_paragraph_style_is_reported(
    plan: Path, tmp_path: Path, room: dict[str, int]
) -> None:
    """The border comes from the carrier's style (through basedOn), not its own pPr."""

    def edit(doc: DocxDocument) -> None:
        rule = as_border(doc, room, "trich_yeu")
        borders = rule._p.pPr.find(qn("w:pBdr"))
        rule._p.pPr.remove(borders)
        ruled = doc.styles.add_style("Ke doi", 1)  # WD_STYLE_TYPE.PARAGRAPH
        ruled.base_style = doc.styles["Normal"]
        child = doc.styles.add_style("Ke doi duoi trich yeu", 1)
        child.base_style = ruled
        set_border(Paragraph(ruled.element, None), "bottom", "double")
        rule.style = child

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"trich_yeu.rule_style"}, found


def test_border_strokes() -> None:
    from pipeline.verify.shapes import border_stroke  # what each w:val of a border draws

    assert border_stroke("single").solid and border_stroke("thick").solid
    assert border_stroke(None).solid
    assert border_stroke("dotDash").kind == "dashed"
    assert border_stroke("triple").kind == "double"
    assert border_stroke("threeDEmboss").kind == "other"


# --- 3. a rule drawn as a bottom border -----------------------------------------------------


def test_rules_as_bottom_borders_of_empty_paragraphs_pass(
    plan: Path, tmp_path: Path, room: dict[str, int]
) -> None:
    """The hand-made way: under each text an empty paragraph, its bottom border the rule."""

    def edit(doc: DocxDocument) -> None:
        for element in STARTS:
            as_border(doc, room, element)

    assert verified(plan, tmp_path, edit) == []


def test_a_rule_as_the_bottom_border_of_the_text_passes(plan: Path, tmp_path: Path) -> None:
    def edit(doc: DocxDocument) -> None:
        remove_line(rule_under(doc, TIEU_NGU))
        p = paragraph(doc, TIEU_NGU)
        set_border(p, "bottom")
        p.paragraph_format.left_indent = p.paragraph_format.right_indent = Twips(1212)

    assert verified(plan, tmp_path, edit) == []


def test_a_bottom_border_rule_is_measured(plan: Path, tmp_path: Path, room: dict[str, int]) -> None:
    """A border is as long as its paragraph's lines: without indents, the column's width."""

    def edit(doc: DocxDocument) -> None:
        as_border(doc, room, "co_quan", length=room["co_quan"])
        as_border(doc, room, "trich_yeu", length=room["trich_yeu"])

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"co_quan.rule_length", "trich_yeu.rule_length"}, found


def test_a_bottom_border_rule_off_centre_is_reported(
    plan: Path, tmp_path: Path, room: dict[str, int]
) -> None:
    """Unequal indents move a border off the middle, as they move text."""

    def edit(doc: DocxDocument) -> None:
        as_border(doc, room, "co_quan", shift=int(Cm(1).twips))
        as_border(doc, room, "tieu_ngu", shift=60)  # a nudge: passes

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"co_quan.rule_position"}, found
    doc = Document(str(plan))
    as_border(doc, room, "co_quan", shift=int(Cm(1).twips))
    doc.save(str(tmp_path / "off.docx"))
    [violation] = verify_file(tmp_path / "off.docx").violations
    assert "đường kẻ lệch 1 cm khỏi giữa" in violation.line("vi"), violation.line("vi")


def test_a_line_in_an_indented_paragraph_is_off_centre(plan: Path, tmp_path: Path) -> None:
    """vanthu's own line shape, its centred paragraph indented on one side."""

    def edit(doc: DocxDocument) -> None:
        rule_under(doc, TRICH_YEU).paragraph_format.left_indent = Cm(4)

    found = verified(plan, tmp_path, edit)
    assert rules_of(found) == {"trich_yeu.rule_position"}, found
