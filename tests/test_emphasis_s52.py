"""Emphasis inside a bold or italic element (s52, hunt6 bug 2): `*nghiêng*` in a bold line (the
trích yếu, a khoản's title) prints bold italic, `**đậm**` in an italic line bold italic:
emphasis adds to the paragraph's own, never switches it off, whatever the document type (they
all print with the frame's styles) and in Word too, where <w:b/> and <w:i/> in a style toggle;
verify reports a bold heading whose words lost the bold."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from pipeline.api import Renderer
from pipeline.render.fragments import rich_runs
from pipeline.render.styles import StyleSheet
from pipeline.verify import verify_file
from pipeline.verify.ooxml import NS, q
from pipeline.verify.reader import read_document
from pipeline.verify.runs import RunReader

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "templates"
EMPHASIS_STYLES = ("Strong", "Emphasis", "StrongEmphasis")
# The old frame's Emphasis, which switched the paragraph's bold off (what an office's copy of
# khung.docx made before s52 still says).
OLD_EMPHASIS = '<w:rPr><w:b w:val="0"/><w:i/><w:iCs/></w:rPr></w:style>'


def frame_styles() -> StyleSheet:
    """The shipped frame's styles, those every document type prints with."""
    with zipfile.ZipFile(TEMPLATES / "khung.docx") as frame:
        return StyleSheet(frame.read("word/styles.xml"))


FRAME = frame_styles()
PARAGRAPH_STYLES = [
    s.get(q("w:styleId"))
    for s in FRAME.root.iterfind("w:style", NS)
    if s.get(q("w:type")) == "paragraph"
]
BOLD_STYLES = [s for s in PARAGRAPH_STYLES if FRAME.resolve_run(s, None, None).get("bold")]
ITALIC_STYLES = [s for s in PARAGRAPH_STYLES if FRAME.resolve_run(s, None, None).get("italic")]


def printed(text: str, paragraph_style: str) -> list[tuple[str, bool, bool]]:
    """The runs of rich_runs(text) in a paragraph of `paragraph_style`: text, bold, italic, as
    verify resolves them (docDefaults < paragraph style < character style < the run's own)."""
    w = NS["w"]
    paragraph = etree.fromstring(f'<w:p xmlns:w="{w}">{rich_runs(text)}</w:p>')
    runs, _ = RunReader(FRAME, {}).runs(paragraph, paragraph_style)
    return [(r.text, r.bold, r.italic) for r in runs]


def test_the_frame_has_bold_and_italic_paragraph_styles() -> None:
    assert {"TrichYeu", "KhoanTieuDe", "Muc", "ChuKyThamQuyen"} <= set(BOLD_STYLES)
    assert {"CanCu", "DiaDanhNgay", "PhuLucKemTheo"} <= set(ITALIC_STYLES)


@pytest.mark.parametrize("paragraph_style", PARAGRAPH_STYLES)
def test_emphasis_adds_to_the_paragraphs_own(paragraph_style: str) -> None:
    own = FRAME.resolve_run(paragraph_style, None, None)
    bold, italic = bool(own.get("bold")), bool(own.get("italic"))
    assert printed("chữ **đậm** *nghiêng* ***cả hai***", paragraph_style) == [
        ("chữ ", bold, italic), ("đậm", True, italic), (" ", bold, italic),
        ("nghiêng", bold, True), (" ", bold, italic), ("cả hai", True, True),
    ]  # fmt: skip


def test_emphasis_is_set_on_the_run_as_well_as_named_by_its_style() -> None:
    # Word reads <w:b/> in a character style as a toggle: over a bold paragraph style it prints
    # regular. On the run itself it is absolute, and the style still names the emphasis.
    w = NS["w"]
    paragraph = etree.fromstring(f'<w:p xmlns:w="{w}">{rich_runs("a **b** *c* ***d***")}</w:p>')
    found = {
        "".join(run.itertext()): [etree.QName(child).localname for child in run.find("w:rPr", NS)]
        for run in paragraph.iterfind("w:r", NS)
        if run.find("w:rPr", NS) is not None
    }
    assert found == {
        "b": ["rStyle", "b"], "c": ["rStyle", "i"], "d": ["rStyle", "b", "i"],
    }  # fmt: skip
    assert "<w:rPr>" not in rich_runs("a b c")


@pytest.mark.parametrize(
    "template", sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.docx"))
)
def test_the_emphasis_styles_of_every_template_only_add(template: str) -> None:
    with zipfile.ZipFile(TEMPLATES / template) as archive:
        root = etree.fromstring(archive.read("word/styles.xml"))
    for name in EMPHASIS_STYLES:
        style = root.find(f"w:style[@w:styleId='{name}']", NS)
        assert style is not None, name
        switched = [
            etree.QName(p).localname
            for p in style.iterfind("w:rPr/*", NS)
            if etree.QName(p).localname in ("b", "bCs", "i", "iCs")
            and p.get(q("w:val")) in ("0", "false", "off")
        ]
        assert switched == [], (name, switched)


# --- rendered documents and verify -------------------------------------------------------------


def plan_with_emphasis(tmp_path: Path) -> Path:
    """The 2022 plan with an italic word in its trích yếu and in its first khoản's title."""
    inputs = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", inputs)
    path = inputs / "2022" / "ke-hoach-tdkt.yaml"
    text = path.read_text("utf-8")
    for old, new in (
        ("  Triển khai, thực hiện công tác thi đua", "  Triển khai, thực hiện *công tác* thi đua"),
        ("      - tieu_de: Mục đích\n", "      - tieu_de: Mục đích *cụ thể*\n"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    return path


def runs_of(docx: Path, start: str) -> list[tuple[str, bool, bool]]:
    """The visible runs (text, bold, italic) of the first paragraph starting with `start`."""
    doc = read_document(docx)
    found = next(p for p in doc.paragraphs if p.text.startswith(start))
    return [(r.text, r.bold, r.italic) for r in found.visible_runs]


def test_a_plans_italic_words_in_its_bold_lines_print_bold(tmp_path: Path) -> None:
    out = Renderer(TEMPLATES).render_file(plan_with_emphasis(tmp_path), tmp_path / "kh.docx")
    title = runs_of(out, "Triển khai, thực hiện")
    assert all(bold for _, bold, _ in title), title
    assert [text for text, _, italic in title if italic] == ["công tác"]
    item = runs_of(out, "1. Mục đích")
    assert item == [("1. ", True, False), ("Mục đích ", True, False), ("cụ thể", True, True)]
    rules = verify_file(out).rules
    assert "trich_yeu.bold" not in rules and "noi_dung.bold_kept" not in rules


def test_verify_reports_a_khoan_title_whose_italic_word_lost_the_bold(tmp_path: Path) -> None:
    # An office's khung.docx of before s52: its Emphasis switches bold off.
    office = tmp_path / "mau"
    office.mkdir()
    shutil.copy(TEMPLATES / "khung.docx", office / "khung.docx")
    with zipfile.ZipFile(office / "khung.docx") as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    styles = parts["word/styles.xml"].decode("utf-8")
    emphasis = styles.index('w:styleId="Emphasis"')
    now = "<w:rPr><w:i/><w:iCs/></w:rPr></w:style>"
    at = styles.index(now, emphasis)
    parts["word/styles.xml"] = (styles[:at] + OLD_EMPHASIS + styles[at + len(now) :]).encode()
    with zipfile.ZipFile(office / "khung.docx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    out = Renderer(office).render_file(plan_with_emphasis(tmp_path), tmp_path / "kh.docx")
    assert ("cụ thể", False, True) in runs_of(out, "1. Mục đích")
    report = verify_file(out)
    lost = [v for v in report.violations if v.rule == "noi_dung.bold_kept"]
    assert [v.where.excerpt for v in lost] == ["1. Mục đích cụ thể"], report.format_text()
    assert "cụ thể" in report.format_text()
    assert "trich_yeu.bold" in report.rules  # the trích yếu's own rule says it there


@pytest.mark.parametrize(("ending", "reported"), [("", True), (":", True), (".", False)])
def test_words_set_regular_in_a_bold_line(tmp_path: Path, ending: str, reported: bool) -> None:
    # A heading (a khoản's title, a line opening a list) is bold throughout; running text,
    # closing with a sentence's mark, sets its words as the writer likes.
    out = Renderer(TEMPLATES).render_file(plan_with_emphasis(tmp_path), tmp_path / "kh.docx")
    doc = Document(str(out))
    item = next(p for p in doc.paragraphs if p.text.startswith("1. Mục đích"))
    item.runs[-1].text = "cụ thể" + ending
    item.runs[-1].bold = False
    doc.save(str(out))
    assert ("noi_dung.bold_kept" in verify_file(out).rules) is reported
