"""A phôi's fields as templates check and verify read them (session 54, F3): a field placed
down from its paragraph, which the render refuses, is said by `templates check` in the render's
words; verify reads a field placed from the page margin where it prints, as the render places
it (render.form.placed_on_paper, one function for both). A field styled in a font of its own is
measured with that font's widths when it is installed (check warns when it is not), and one in
Small caps as the capitals it prints."""

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


# --- fonts and small caps: a field measured as it prints ---------------------------------------

# Installed by .ci/run (fonts-liberation2): monospaced, 0.6 em a letter, far wider than Times.
WIDE_FONT = "Liberation Mono"
MISSING_FONT = "Vanthu Khong Co Phong"  # installed nowhere
# 609 pt in Times New Roman bold at 26 pt (fits the shipped 237 mm name field: 672 pt), 718 in
# Liberation Mono bold: printed there at 26 pt it wraps.
LONG_NAME = "Nguyễn Thị Phương Thảo Nguyên Hạnh Lan Anh Thư"
# 651 pt in lower case at 26 pt (fits), 703 in small caps (does not), 826 in capitals.
SMALL_CAPS_NAME = "Nguyễn Thị Phương Thảo Nguyên Hạnh Lan Anh Thương"
NAME_STYLE = "GiayKhenTen"


def named_rows(name: str) -> list[dict[str, str]]:
    rows = example_rows()
    rows[0]["Họ và tên"] = name
    return rows


def styled_name(phoi: Path, *, font: str | None = None, small_caps: bool = False) -> None:
    """The phôi's name style set in `font` and/or Small caps (as Word writes them)."""
    doc = open_docx(phoi)
    style = doc.styles[NAME_STYLE]
    if font is not None:
        style.font.name = font
    if small_caps:
        style.font.small_caps = True
    doc.save(str(phoi))


def printed_name_size(batch: bytes, name: str, tmp_path: Path) -> float | None:
    """The size the batch's run of `name` sets (None: its style's)."""
    path = tmp_path / "printed.docx"
    path.write_bytes(batch)
    for paragraph in open_docx(path).paragraphs:
        if paragraph.style.name == NAME_STYLE and paragraph.text.strip() == name:
            run = next(r for r in paragraph.runs if r.text)
            return None if run.font.size is None else run.font.size.pt
    raise AssertionError(name)


def test_a_name_in_an_installed_wide_font_is_fitted_with_its_own_widths(tmp_path: Path) -> None:
    from pipeline.rules.metrics import Face, fits_one_line

    source = workspace(tmp_path, named_rows(LONG_NAME), CERTIFICATE)
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    assert printed_name_size(render(source), LONG_NAME, tmp_path) is None  # Times: 26 pt fits
    styled_name(phoi, font=WIDE_FONT)
    batch = render(source)
    size = printed_name_size(batch, LONG_NAME, tmp_path)
    # Before: None (26 pt, measured as Times New Roman), wrapping in the 26 pt mono face.
    assert size is not None and size < 26
    width = FormSheet(TemplateLibrary([phoi.parent]).package("giay-khen"), "giay-khen").frame(
        NAME_STYLE).width
    assert fits_one_line(LONG_NAME, size, width, Face(True, WIDE_FONT))
    assert not fits_one_line(LONG_NAME, size + 0.5, width, Face(True, WIDE_FONT))
    (tmp_path / "batch.docx").write_bytes(batch)
    assert verify_file(tmp_path / "batch.docx").violations == []


def test_verify_measures_a_name_in_its_own_font(tmp_path: Path) -> None:
    """A batch printed before the fix: the long name at 26 pt in the mono face wraps."""
    source = workspace(tmp_path, named_rows(LONG_NAME), CERTIFICATE)
    batch = Renderer(TEMPLATES).render_file(source, tmp_path / "batch.docx")
    assert verify_file(batch).violations == []
    styled_name(batch, font=WIDE_FONT)
    found = [v for v in verify_file(batch).violations if v.rule == "giay_khen.ten_mot_dong"]
    assert len(found) == 1 and LONG_NAME in found[0].line("vi")


def test_a_font_not_installed_is_measured_as_times_and_check_warns(tmp_path: Path) -> None:
    from pipeline.rules.font_widths import advances
    from pipeline.rules.metrics import text_width_pt

    assert advances(MISSING_FONT, True) is None
    assert text_width_pt(LONG_NAME, 26, bold=True, font=MISSING_FONT) == text_width_pt(
        LONG_NAME, 26, bold=True)
    source = workspace(tmp_path, named_rows(LONG_NAME), CERTIFICATE)
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    styled_name(phoi, font=MISSING_FONT)
    assert printed_name_size(render(source), LONG_NAME, tmp_path) is None  # as today
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    warned = [p for p in report.problems if p.key == "tpl.form_font_missing"]
    # Before: no word at all.
    assert [(p.template, p.params["style"], p.params["font"], p.warning) for p in warned] == [
        ("giay-khen", NAME_STYLE, MISSING_FONT, True)]
    line = t(warned[0].key, lang="vi", **warned[0].params)
    assert "Times New Roman" in line and MISSING_FONT in line
    assert "Times New Roman" in t(warned[0].key, lang="en", **warned[0].params)
    assert report.ok  # a warning: the render does as it always did


def test_installed_fonts_are_not_warned(tmp_path: Path) -> None:
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    styled_name(phoi, font=WIDE_FONT)
    report = check_templates(TemplateLibrary([phoi.parent]), ["giay-khen"])
    assert [p for p in report.problems if p.key == "tpl.form_font_missing"] == []


def test_small_caps_are_measured_as_capitals_at_eighty_percent() -> None:
    from pipeline.rules.metrics import SMALL_CAPS_SCALE, text_width_pt

    assert SMALL_CAPS_SCALE == 0.8
    upper, lower = text_width_pt("N", 26, bold=True), text_width_pt("GUYỄN", 26, bold=True)
    small = text_width_pt("Nguyễn", 26, bold=True, small_caps=True)
    assert small == pytest.approx(upper + 0.8 * lower)
    assert text_width_pt("Nguyễn", 26, bold=True) < small < text_width_pt("NGUYỄN", 26, bold=True)


def test_a_name_in_small_caps_is_fitted_as_it_prints(tmp_path: Path) -> None:
    source = workspace(tmp_path, named_rows(SMALL_CAPS_NAME), CERTIFICATE)
    phoi = office_phoi(tmp_path, UNIT_STYLE)
    assert printed_name_size(render(source), SMALL_CAPS_NAME, tmp_path) is None
    styled_name(phoi, small_caps=True)
    batch = render(source)
    size = printed_name_size(batch, SMALL_CAPS_NAME, tmp_path)
    # Before: None, 26 pt: measured in lower case, it wraps in small caps.
    assert size is not None and size < 26
    # verify measures it alike (before: as whole capitals, a name said to wrap that does not).
    (tmp_path / "batch.docx").write_bytes(batch)
    assert verify_file(tmp_path / "batch.docx").violations == []


def test_a_font_is_found_in_the_font_folders_without_fontconfig(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows and macOS have no fc-match: the font folders are read, each face by its name
    table, the upright face of the weight nearest the run's taken."""
    from pipeline.rules import font_widths

    monkeypatch.setattr(font_widths.shutil, "which", lambda name: None)
    bold = font_widths.font_file(WIDE_FONT, True)
    regular = font_widths.font_file(WIDE_FONT, False)
    assert bold is not None and bold[0].name == "LiberationMono-Bold.ttf"
    assert regular is not None and regular[0].name == "LiberationMono-Regular.ttf"
    assert font_widths.font_file(MISSING_FONT, True) is None
