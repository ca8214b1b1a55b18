"""A paragraph border's style (w:val: single, dashed, double, ...) and width (w:sz) are resolved
through the styles as whether it prints is (render.styles), and verify reads a rule's stroke
from there: the nearest level that sets an edge gives all of it.

- StyleSheet.paragraph_props and style_paragraph_props give border_<edge>_style and
  border_<edge>_size beside border_<edge>, through basedOn, and the template cache keeps them.
- verify reports a dashed rule a carrier's style gives it, and passes one whose own single
  border (or a nearer style's) stands over a dashed style.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from pipeline.api import Renderer
from pipeline.render.kept_styles import kept_styles
from pipeline.render.styles import NS, StyleSheet
from pipeline.render.template_cache import CACHE_ENV
from pipeline.verify import verify_file
from pipeline.verify.document import read_document
from pipeline.verify.layout import find_layout
from pipeline.verify.shapes import edge_stroke

REPO = Path(__file__).resolve().parents[1]
PLAN = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
TRICH_YEU = "Triển khai, thực hiện"
EMU_PER_TWIP = 635
W = NS["w"]


def border(edge: str, value: str, size: int | None = 6) -> str:
    sz = f' w:sz="{size}"' if size is not None else ""
    return f'<w:{edge} w:val="{value}"{sz} w:space="1" w:color="auto"/>'


def ppr(*edges: str) -> etree._Element:
    return etree.fromstring(f'<w:pPr xmlns:w="{W}"><w:pBdr>{"".join(edges)}</w:pBdr></w:pPr>')


def styles_xml(*styles: tuple[str, str | None, str]) -> bytes:
    """A styles part of paragraph styles (id, basedOn, their pBdr's edges)."""
    parts = []
    for style_id, based, edges in styles:
        based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
        parts.append(
            f'<w:style w:type="paragraph" w:styleId="{style_id}">{based_on}'
            f"<w:pPr><w:pBdr>{edges}</w:pBdr></w:pPr></w:style>"
        )
    return f'<w:styles xmlns:w="{W}">{"".join(parts)}</w:styles>'.encode()


SHEET = styles_xml(
    ("KeDut", None, border("bottom", "dashed", 4)),
    ("KeDutCon", "KeDut", border("top", "double")),  # its bottom is the base's
    ("KeLien", "KeDut", border("bottom", "single", None)),  # the whole edge, width too
    ("KhongKe", "KeDut", border("bottom", "nil", None)),
)


# --- 1. render.styles keeps the style ------------------------------------------------------


def test_a_ppr_gives_each_edge_whole() -> None:
    props = StyleSheet.paragraph_props(ppr(border("bottom", "dashed", 6), border("top", "nil")))
    assert props["border_bottom"] is True
    assert props["border_bottom_style"] == "dashed"
    assert props["border_bottom_size"] == 0.75
    assert props["border_top"] is False
    assert props["border_top_style"] == "nil"
    assert props["border_top_size"] == 0.75
    unsized = StyleSheet.paragraph_props(ppr(border("bottom", "single", None)))
    assert unsized["border_bottom_size"] is None


def test_a_width_that_is_no_number_is_not_refused() -> None:
    props = StyleSheet.paragraph_props(ppr('<w:bottom w:val="single" w:sz="x"/>'))
    assert props["border_bottom"] is True and props["border_bottom_size"] is None


@pytest.mark.parametrize(
    ("style_id", "bottom"),
    [
        ("KeDut", (True, "dashed", 0.5)),
        ("KeDutCon", (True, "dashed", 0.5)),
        ("KeLien", (True, "single", None)),
        ("KhongKe", (False, "nil", None)),
    ],
)
def test_the_nearest_style_that_sets_an_edge_gives_it(
    style_id: str, bottom: tuple[bool, str, float | None]
) -> None:
    props = StyleSheet(SHEET).style_paragraph_props(style_id)
    keys = ("border_bottom", "border_bottom_style", "border_bottom_size")
    assert tuple(props[key] for key in keys) == bottom


def test_the_template_cache_keeps_the_border_style(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    kept_styles(SHEET)
    warm = kept_styles(SHEET)
    props = warm.style_paragraph_props("KeDutCon")
    assert "root" not in vars(warm)  # answered from the cache
    assert (props["border_bottom_style"], props["border_bottom_size"]) == ("dashed", 0.5)
    assert (props["border_top_style"], props["border_top_size"]) == ("double", 0.75)


def test_the_stroke_is_read_from_the_resolved_props() -> None:
    props = StyleSheet(SHEET).style_paragraph_props("KeDutCon")
    assert edge_stroke(props, "bottom").kind == "dashed"
    assert edge_stroke(props, "top").kind == "double"
    assert edge_stroke(StyleSheet(SHEET).style_paragraph_props("KeLien"), "bottom").solid


# --- 2. verify reads it ------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2022 plan as vanthu renders it."""
    out = tmp_path_factory.mktemp("border-style") / "plan.docx"
    return Renderer(REPO / "templates").render_file(PLAN, out)


@pytest.fixture(scope="module")
def room(plan: Path) -> int:
    """The width (twips) the trích yếu's rule paragraph gives its lines."""
    doc = read_document(plan)
    mark = find_layout(doc, None).trich_yeu_rule
    assert mark is not None and mark.kind == "shape"
    available = mark.carrier.available_pt(doc.sections[0].text_width_pt)
    assert available is not None
    return round(available * 20)


def rule_under_trich_yeu(doc: DocxDocument) -> Paragraph:
    """The empty paragraph holding the line vanthu draws under the trích yếu."""
    paragraphs = doc.paragraphs
    for n, p in enumerate(paragraphs):
        if p.text.startswith(TRICH_YEU):
            later = paragraphs[n + 1 :]
            return next(x for x in later if x._p.find(".//" + qn("wp:inline")) is not None)
    raise AssertionError("no trích yếu")


def set_border(element: etree._Element, value: str) -> None:
    """A bottom border on the paragraph or style `element`, as Word's Borders button draws it."""
    ppr = element.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.SubElement(element, qn("w:pPr"))
    ppr.append(parse_xml(f"<w:pBdr {nsdecls('w')}>{border('bottom', value)}</w:pBdr>"))


def as_styled_border(doc: DocxDocument, room: int, *, base: str, child: str | None) -> Paragraph:
    """The line under the trích yếu redrawn as the bottom border of its empty paragraph, as
    long and centred as the line was, the border given by its style: `base`'s, or the nearer
    `child`'s (a style based on it) when given."""
    rule = rule_under_trich_yeu(doc)
    extent = rule._p.find(".//" + qn("wp:extent"))
    length = int(extent.get("cx")) // EMU_PER_TWIP
    run = rule._p.find(".//" + qn("w:drawing")).getparent()
    run.getparent().remove(run)
    side = (room - length) // 2
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Twips(side)
    ruled = doc.styles.add_style("Ke duoi", 1)  # WD_STYLE_TYPE.PARAGRAPH
    ruled.base_style = doc.styles["Normal"]
    set_border(ruled.element, base)
    style = ruled
    if child is not None:
        style = doc.styles.add_style("Ke duoi con", 1)
        style.base_style = ruled
        set_border(style.element, child)
    rule.style = style
    return rule


def violations(plan: Path, tmp_path: Path, edit: Callable[[DocxDocument], object]) -> list[str]:
    doc = Document(str(plan))
    edit(doc)
    doc.save(str(tmp_path / "edited.docx"))
    return [v.line("en") for v in verify_file(tmp_path / "edited.docx").violations]


def test_a_dashed_border_from_the_style_is_reported(plan: Path, tmp_path: Path, room: int) -> None:
    found = violations(
        plan, tmp_path, lambda doc: as_styled_border(doc, room, base="dashed", child=None)
    )
    assert len(found) == 1 and "trich_yeu.rule_style" in found[0], found
    assert "found a dashed line (dashed)" in found[0]


def test_a_nearer_style_s_dotted_border_is_reported(plan: Path, tmp_path: Path, room: int) -> None:
    found = violations(
        plan, tmp_path, lambda doc: as_styled_border(doc, room, base="single", child="dotted")
    )
    assert len(found) == 1 and "found a dashed line (dotted)" in found[0], found


def test_a_nearer_style_s_single_border_over_a_dashed_one_passes(
    plan: Path, tmp_path: Path, room: int
) -> None:
    found = violations(
        plan, tmp_path, lambda doc: as_styled_border(doc, room, base="dashed", child="single")
    )
    assert found == []


def test_the_paragraph_s_own_single_border_over_a_dashed_style_passes(
    plan: Path, tmp_path: Path, room: int
) -> None:
    def edit(doc: DocxDocument) -> None:
        set_border(as_styled_border(doc, room, base="dashed", child=None)._p, "single")

    assert violations(plan, tmp_path, edit) == []
