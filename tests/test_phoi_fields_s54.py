"""A phôi's fields as templates check and verify read them (session 54, F3): a field placed
down from its paragraph, which the render refuses, is said by `templates check` in the render's
words; verify reads a field placed from the page margin where it prints, as the render places
it (render.form.placed_on_paper, one function for both)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from pipeline.api import Renderer
from pipeline.errors import TemplateError
from pipeline.i18n import t
from pipeline.render.compose import TemplateLibrary
from pipeline.render.form import (
    ACHIEVEMENT_STYLE,
    BORDER_STYLE,
    UNIT_STYLE,
    FormSheet,
    twips_to_mm,
)
from pipeline.render.styles import Frame
from pipeline.template_tools.check import check_templates
from pipeline.verify import verify_file
from pipeline.verify.document import read_document
from tests.test_certificate_room_r11b import office_phoi, render
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace
from tests.test_phoi_frames_s52 import anchored
from tests.typed_docs import TEMPLATES, open_docx

# --- templates check: a field with no place on the paper --------------------------------------


def test_check_says_a_field_placed_from_its_paragraph_in_the_renders_words(
    tmp_path: Path,
) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    anchored(phoi, UNIT_STYLE, vAnchor="text")
    with pytest.raises(TemplateError) as caught:
        render(source)
    refusal = caught.value
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    errors = [p for p in report.problems if not p.warning]
    # Before: none (the check read no field of a phôi it could not place, and said nothing).
    assert [(p.key, p.params["style"]) for p in errors] == [(refusal.key, UNIT_STYLE)]
    problem = errors[0]
    for lang in ("vi", "en"):
        words = t(problem.key, lang=lang, **problem.params)
        assert refusal.message(lang) == f"giay-khen.docx: {words}"
    assert "{{ gk.don_vi }}" in problem.where  # at the field's paragraph
    assert not report.ok


def test_check_is_quiet_on_a_field_placed_from_the_margin(tmp_path: Path) -> None:
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    anchored(phoi, UNIT_STYLE, vAnchor="margin", hAnchor="margin", y="4876")  # where it was
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    assert [p.key for p in report.problems if not p.warning] == []


def test_a_field_too_small_for_the_example_is_said_once(tmp_path: Path) -> None:
    """The unit field moved 10 mm down, over the thành tích: the render's refusal of the
    example batch says it; verify's finding of the template's own tag there is not said again
    (before: both, two errors at one paragraph for one fault)."""
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    shipped = FormSheet(TemplateLibrary([phoi.parent]).package("giay-khen"), "giay-khen")
    office_phoi(tmp_path, UNIT_STYLE, y=twips_to_mm(shipped.frame(UNIT_STYLE).y + 567))
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    errors = [p for p in report.problems if not p.warning]
    assert [(p.key, p.params.get("style")) for p in errors] == [
        ("tpl.form_example_no_room", UNIT_STYLE)]  # fmt: skip


# --- verify: a field placed from the margin, read where it prints ------------------------------


def margin_phoi(root: Path) -> Path:
    """The shipped phôi with every field but the test print's border placed from the page's
    margins at the place it had on the paper (the border keeps it a phôi: placed from the
    page, as render.compose.is_form reads one)."""
    phoi = office_phoi(root, UNIT_STYLE)
    doc = open_docx(phoi)
    section = doc.sections[-1]
    left, top = section.left_margin.twips, section.top_margin.twips
    for paragraph in doc.paragraphs:
        frame = paragraph._p.pPr.find(qn("w:framePr")) if paragraph._p.pPr is not None else None
        if frame is None or paragraph.style.name == BORDER_STYLE:
            continue
        frame.set(qn("w:hAnchor"), "margin")
        frame.set(qn("w:vAnchor"), "margin")
        frame.set(qn("w:x"), str(int(frame.get(qn("w:x"))) - left))
        frame.set(qn("w:y"), str(int(frame.get(qn("w:y"))) - top))
    doc.save(str(phoi))
    return phoi


def test_a_batch_printed_on_a_phoi_placed_from_the_margin_passes_verify(tmp_path: Path) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = margin_phoi(tmp_path)
    batch = tmp_path / "batch.docx"
    batch.write_bytes(render(source))
    # Before: not read as a batch of Giấy khen (its fields were not "from the paper's edge"),
    # judged by Phụ lục I instead: paper, margins, a Quốc hiệu, a signature ... (41 faults).
    assert verify_file(batch).violations == []
    # Each field read where the render placed it, by the same function.
    from pipeline.verify.certificate_room import frame_of, paper_margins

    doc = read_document(batch)
    margins = paper_margins(doc.sections[0])
    sheet = FormSheet(TemplateLibrary([phoi.parent]).package("giay-khen"), "giay-khen")
    for paragraph in doc.paragraphs:
        if paragraph.style_id in sheet.frames:
            assert frame_of(paragraph, margins) == sheet.frame(paragraph.style_id)


def test_verify_reads_a_field_placed_from_the_margin_where_it_prints(tmp_path: Path) -> None:
    """A printed batch whose unit field was set "relative to Margin" with its numbers kept
    (by hand, after the render): it prints 10 mm lower, over the thành tích."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    batch = Renderer(TEMPLATES).render_file(source, tmp_path / "batch.docx")
    assert verify_file(batch).violations == []
    anchored(batch, UNIT_STYLE, vAnchor="margin")
    found = verify_file(batch).violations
    # Before: no giay_khen rule at all (the batch was judged by Phụ lục I).
    assert {v.rule for v in found} == {"giay_khen.du_cho"}
    assert all(f"ô {UNIT_STYLE}" in v.line("vi") for v in found)
    assert all(f"trước ô {ACHIEVEMENT_STYLE} bên dưới" in v.line("vi") for v in found)


def test_a_field_counted_from_its_paragraph_has_no_place_on_paper() -> None:
    from pipeline.render.form import placed_on_paper

    frame = Frame(100, 200, 3000, 400, "margin", "margin", exact=False)
    assert placed_on_paper(frame, (567, 1134)) == Frame(667, 1334, 3000, 400, "page", "page",
                                                        exact=False)  # fmt: skip
    assert placed_on_paper(Frame(100, 200, 3000, 400, "page", "page", False), (567, 1134)) == \
        Frame(100, 200, 3000, 400, "page", "page", False)  # fmt: skip
    # w:framePr's "text" down, DrawingML's "paragraph" and "line": no place before layout.
    for anchor in ("text", "paragraph", "line"):
        assert placed_on_paper(Frame(0, 0, 1, 1, "page", anchor, False), (567, 567)) is None
