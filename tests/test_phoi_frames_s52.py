"""A phôi's fields measured where and as they print (bug hunt 5: 3, 2). A field placed from
the page margin is read as the paper places it, its x and y plus the page's margin, so render
and `templates check` measure where it prints; a field placed down from its own paragraph,
which has no place on the paper, is refused naming the field and what to set in Word. A name
style in All caps (w:caps) is measured in capitals."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from pipeline.errors import InputError, TemplateError
from pipeline.render.compose import TemplateLibrary
from pipeline.render.form import FormSheet
from pipeline.template_tools.check import check_templates
from tests.test_certificate_room_r11b import office_phoi, render
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace
from tests.typed_docs import open_docx

UNIT_STYLE = "GiayKhenDonVi"


def anchored(phoi: Path, style: str, **anchors: str) -> tuple[int, int]:
    """Field `style` of `phoi` counted from another origin (vAnchor=, hAnchor=), its numbers
    kept; returns the page's left and top margins in twips."""
    doc = open_docx(phoi)
    for paragraph in doc.paragraphs:
        if paragraph.style.name == style:
            frame = paragraph._p.pPr.find(qn("w:framePr"))
            for key, value in anchors.items():
                frame.set(qn(f"w:{key}"), value)
    doc.save(str(phoi))
    section = doc.sections[-1]
    return section.left_margin.twips, section.top_margin.twips


def sheet_of(phoi: Path) -> FormSheet:
    library = TemplateLibrary([phoi.parent])
    return FormSheet(library.package("giay-khen"), "giay-khen")


def test_a_field_placed_from_the_margin_is_read_where_it_prints(tmp_path: Path) -> None:
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    before = sheet_of(phoi).frame(UNIT_STYLE)
    left, top = anchored(phoi, UNIT_STYLE, vAnchor="margin", hAnchor="margin")
    assert top > 0 and left > 0
    moved = sheet_of(phoi).frame(UNIT_STYLE)
    # Before: read at (before.x, before.y), as if counted from the paper's edge.
    assert (moved.x, moved.y) == (before.x + left, before.y + top)
    assert (moved.h_anchor, moved.v_anchor) == ("page", "page")
    # Across, "relative to Column" (hAnchor="text") is counted from the left margin too.
    anchored(phoi, UNIT_STYLE, vAnchor="page", hAnchor="text")
    assert sheet_of(phoi).frame(UNIT_STYLE).x == before.x + left


def test_a_unit_field_moved_down_by_the_margin_onto_the_thanh_tich_is_refused(
    tmp_path: Path,
) -> None:
    """The bug's phôi: the unit field's Vertical changed to "relative to Margin", its number
    kept: it prints 10 mm lower, over the thành tích; render and templates check say so."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    anchored(phoi, UNIT_STYLE, vAnchor="margin")
    with pytest.raises(TemplateError) as caught:
        render(source)
    assert caught.value.key == "render.form_field_no_room"
    assert caught.value.params["style"] == UNIT_STYLE
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    errors = [p for p in report.problems if not p.warning]
    assert [(p.key, p.params["style"]) for p in errors] == [
        ("tpl.form_example_no_room", UNIT_STYLE)
    ]


def test_a_field_placed_from_the_margin_where_it_was_prints_as_before(tmp_path: Path) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    expected = sheet_of(phoi).frame(UNIT_STYLE)
    doc = open_docx(phoi)
    top = doc.sections[-1].top_margin.twips
    for paragraph in doc.paragraphs:
        if paragraph.style.name == UNIT_STYLE:
            frame = paragraph._p.pPr.find(qn("w:framePr"))
            frame.set(qn("w:vAnchor"), "margin")
            frame.set(qn("w:y"), str(expected.y - top))
    doc.save(str(phoi))
    assert sheet_of(phoi).frame(UNIT_STYLE) == expected
    assert render(source)


def test_a_field_placed_from_its_paragraph_is_refused_naming_it(tmp_path: Path) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    anchored(phoi, UNIT_STYLE, vAnchor="text")
    with pytest.raises(TemplateError) as caught:
        render(source)
    error = caught.value
    assert error.key == "tpl.form_field_paragraph_anchor"
    assert error.message().startswith("giay-khen.docx: ô GiayKhenDonVi của phôi")
    assert "relative to Page" in error.message()
    assert "Vertical … relative to Page" in error.message("en")


def test_page_margins_are_read_from_the_section() -> None:
    from pipeline.render.form import page_margins

    xml = '<w:sectPr><w:pgSz w:w="16838" w:h="11906"/><w:pgMar w:top="567" w:right="1" ' \
        'w:bottom="2" w:left="1134.0" w:header="3"/></w:sectPr>'
    assert page_margins(xml) == (1134, 567)
    assert page_margins("<w:sectPr/>") == (0, 0)


LONG_COLLECTIVE = "Trường Phổ thông dân tộc bán trú Trung học cơ sở Chiềng Mung"


def caps_name_style(phoi: Path) -> None:
    """The phôi's name style set to All caps (Word writes <w:caps/>)."""
    doc = open_docx(phoi)
    doc.styles["GiayKhenTen"].font.all_caps = True
    doc.save(str(phoi))


def test_a_name_style_in_all_caps_is_measured_in_capitals(tmp_path: Path) -> None:
    rows = example_rows()
    collective = next(row for row in rows if row["Loại"] == "Tập thể")
    collective["Họ và tên"] = LONG_COLLECTIVE
    source = workspace(tmp_path, rows, CERTIFICATE)
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    assert render(source)  # in lower case the name fits one line, shrunk
    caps_name_style(phoi)
    # Before: accepted, the name wrapping to a second line cut off by its exact-height frame.
    with pytest.raises(InputError) as caught:
        render(source)
    assert caught.value.key == "data.name_too_long"
    assert caught.value.params["name"] == LONG_COLLECTIVE
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    errors = [p for p in report.problems if not p.warning]
    assert [(p.key, p.params["style"]) for p in errors] == [
        ("tpl.form_example_no_room", "GiayKhenTen")
    ]

