"""Round 7 of the template findings: what an office's copy of a type template or of khoi/ky-ten
prints is checked as a whole. The signature block's parts in each case (one signer, two), the
order of a document's parts (Phụ lục I), the signature block's thể thức by verify's own rules;
the margin warning only for margins the office set; a phôi is not said to use khung.docx."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm, Pt

from pipeline.errors import TemplateError
from pipeline.i18n import t
from pipeline.render.compose import TemplateLibrary
from pipeline.render.phrase import Phrase
from pipeline.template_tools.check import Problem, check_templates
from pipeline.template_tools.verdict import template_warnings
from tests.test_libreoffice_roundtrip import needs_soffice, saved  # noqa: F401 - the fixture

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
LETTER = "2024/cv-don-doc-bao-cao-tdkt.yaml"  # a Công văn signed KT. by a deputy
DECISION = "2024/qd-bang-khen-ubnd-tinh.yaml"
SIGNATURE = '{%p include "khoi/ky-ten" %}'
ADDRESSED = '{%p include "khoi/kinh-gui" %}'
HEADER = '{%p include "khoi/dau-trang" %}'


def office_copy(folder: Path, name: str, edit: Callable[[Document], None]) -> TemplateLibrary:
    """The office's copy of built-in template `name` in `folder` (mau/), edited with python-docx
    as a maintainer would in Word."""
    target = folder / f"{name}.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    doc = Document(str(BUILTIN / f"{name}.docx"))
    edit(doc)
    doc.save(str(target))
    return TemplateLibrary([folder, BUILTIN])


def said(problem: Problem, lang: str = "vi") -> str:
    params = {k: v.describe(lang) if isinstance(v, Phrase) else v
              for k, v in problem.params.items()}  # fmt: skip
    return t(problem.key, lang=lang, **params)


def errors(report_problems: list[Problem], key: str) -> list[Problem]:
    return [p for p in report_problems if p.key == key and not p.warning]


def render(library: TemplateLibrary, document: str, out: Path) -> Path:
    from pipeline.api import Renderer

    return Renderer(library).render_file(REPO / "inputs" / document, out)


# --- F2: the signature block's parts, in each case ------------------------------------------


def empty_recipients_cell(doc: Document) -> None:
    """The one-signer table's Nơi nhận cell emptied; the two-signer part keeps its own."""
    cell = doc.tables[0].rows[0].cells[0]
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    for run in cell.paragraphs[0].runs:
        run.text = ""


def typed_signer_name(doc: Document) -> None:
    """The director's name typed over {{ chu_ky.ho_ten }} in the one-signer table."""
    paragraph = next(p for p in doc.tables[0].rows[0].cells[1].paragraphs
                     if p.text == "{{ chu_ky.ho_ten }}")  # fmt: skip
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = "Nguyễn Văn An"


def test_an_emptied_recipients_cell_is_an_error_said_once_at_the_block(tmp_path: Path) -> None:
    library = office_copy(tmp_path / "mau", "khoi/ky-ten", empty_recipients_cell)
    report = check_templates(library)
    found = errors(report.problems, "tpl.signature_missing")
    assert not report.ok
    assert [(p.template, p.where) for p in found] == [
        ("khoi/ky-ten", "bản riêng của cơ quan trong mau/")
    ]
    vi, en = said(found[0]), said(found[0], "en")
    assert "Nơi nhận (thẻ {{ noi_nhan }}) ở văn bản một người ký" in vi, vi
    assert "dòng Lưu (thẻ {{ luu }}) ở văn bản một người ký" in vi, vi
    assert "vanthu templates copy khoi/ky-ten --force" in vi
    assert "on a document with one signer" in en and "--force" in en, en


@pytest.mark.parametrize("edit", [empty_recipients_cell, typed_signer_name])
def test_render_refuses_a_signature_block_that_lost_a_part(tmp_path: Path, edit: Callable) -> None:
    library = office_copy(tmp_path / "mau", "khoi/ky-ten", edit)
    with pytest.raises(TemplateError) as caught:
        render(library, LETTER, tmp_path / "cv.docx")
    assert caught.value.key == "tpl.signature_missing"
    assert "khoi/ky-ten.docx" in caught.value.location("vi")
    assert "vanthu templates copy khoi/ky-ten --force" in caught.value.message("en")
    assert not (tmp_path / "cv.docx").exists()


def test_a_typed_signer_name_is_named(tmp_path: Path) -> None:
    library = office_copy(tmp_path / "mau", "khoi/ky-ten", typed_signer_name)
    found = errors(check_templates(library, ["khoi/ky-ten"]).problems, "tpl.signature_missing")
    assert len(found) == 1
    assert "họ tên người ký (thẻ {{ chu_ky.ho_ten }}) ở văn bản một người ký" in said(found[0])


def test_a_type_checked_alone_names_its_blocks_lost_part(tmp_path: Path) -> None:
    library = office_copy(tmp_path / "mau", "khoi/ky-ten", empty_recipients_cell)
    found = errors(check_templates(library, ["cong-van"]).problems, "tpl.signature_missing")
    assert [(p.template, p.where) for p in found] == [
        ("cong-van", "khoi/ky-ten.docx, bản riêng của cơ quan trong mau/")
    ]


def test_an_unchanged_copy_of_the_signature_block_passes(tmp_path: Path) -> None:
    library = office_copy(tmp_path / "mau", "khoi/ky-ten", lambda doc: None)
    report = check_templates(library)
    assert report.ok, [(p.template, p.where, p.key) for p in report.problems]


# --- F6: the order and presence of the document's parts ----------------------------------


def paragraph(doc: Document, text: str):  # noqa: ANN201 - python-docx's Paragraph
    return next(p for p in doc.paragraphs if p.text == text)


def moved(text: str, anchor: str, after: bool = True) -> Callable[[Document], None]:
    """An edit moving the body paragraph `text` right after (or before) paragraph `anchor`."""

    def edit(doc: Document) -> None:
        element = paragraph(doc, text)._p
        target = paragraph(doc, anchor)._p
        (target.addnext if after else target.addprevious)(element)

    return edit


def deleted(text: str) -> Callable[[Document], None]:
    def edit(doc: Document) -> None:
        element = paragraph(doc, text)._p
        element.getparent().remove(element)

    return edit


@pytest.mark.parametrize(
    ("name", "edit", "key", "where", "words"),
    [
        ("quyet-dinh", moved(SIGNATURE, "QUYẾT ĐỊNH:", after=False), "tpl.part_before",
         SIGNATURE, ("phần ký tên và Nơi nhận", "đứng trước nội dung văn bản", "«QUYẾT ĐỊNH:»")),
        ("cong-van", moved(SIGNATURE, ADDRESSED), "tpl.part_before", SIGNATURE,
         ("phần ký tên và Nơi nhận", "đứng trước nội dung văn bản")),
        ("cong-van", moved(ADDRESSED, "{{r ket_thuc }}"), "tpl.part_after", ADDRESSED,
         ("Kính gửi", "đứng sau nội dung văn bản")),
        ("cong-van", moved(HEADER, SIGNATURE), "tpl.part_after", HEADER,
         ("phần đầu văn bản", "đứng sau Kính gửi")),
        ("cong-van", deleted(HEADER), "tpl.part_missing", None,
         ("mẫu không in phần đầu văn bản", "vanthu templates copy cong-van --force")),
    ],
)  # fmt: skip
def test_parts_out_of_order_or_missing_are_errors(
    tmp_path: Path, name: str, edit: Callable, key: str, where: str | None,
    words: tuple[str, ...],
) -> None:  # fmt: skip
    library = office_copy(tmp_path / "mau", name, edit)
    report = check_templates(library, [name])
    found = errors(report.problems, key)
    assert len(found) == 1, [(p.key, p.where) for p in report.problems]
    assert not report.ok and found[0].template == name
    if where is not None:
        assert f"«{where}»" in found[0].where and "mau/" in found[0].where, found[0].where
    vi = said(found[0])
    assert all(word in vi for word in words), vi
    assert "Phụ lục I" in said(found[0], "en")
    # render and build warn of it (the verdict of templates check)
    warnings = template_warnings(library, [name])
    assert len(warnings) == 1 and f"{name}.docx" in warnings[0]


def test_the_built_in_templates_print_their_parts_in_order() -> None:
    from pipeline.render.structure import part_order_faults

    library = TemplateLibrary([BUILTIN])
    found = {name: part_order_faults(library, name) for name in library.type_names()}
    assert found == dict.fromkeys(library.type_names(), [])


# --- F7: the signature block's thể thức -----------------------------------------------------


def runs_of(doc: Document, text: str, table: int = 0):  # noqa: ANN201
    for row in doc.tables[table].rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                if p.text == text:
                    yield from p.runs


def plain_name(doc: Document) -> None:
    for run in runs_of(doc, "{{ chu_ky.ho_ten }}"):
        run.bold, run.font.size = False, Pt(12)


def upright_heading(doc: Document) -> None:
    for run in runs_of(doc, "Nơi nhận:"):
        run.italic, run.font.size = False, Pt(14)


def swapped_cells(doc: Document) -> None:
    row = doc.tables[0].rows[0]._tr
    cells = row.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc")
    cells[0].addprevious(cells[1])


def plain_left_signer(doc: Document) -> None:
    for run in runs_of(doc, "{{ chu_ky_trai.ho_ten }}", table=1):
        run.bold = False


@pytest.mark.parametrize(
    ("edit", "rules"),
    [
        (plain_name, {"chu_ky_ho_ten.size", "chu_ky_ho_ten.bold"}),
        (upright_heading, {"noi_nhan_tieu_de.size", "noi_nhan_tieu_de.italic"}),
        (swapped_cells, {"chu_ky.position"}),
        (plain_left_signer, {"chu_ky_ho_ten.bold"}),
    ],
)
def test_the_signature_blocks_layout_is_checked(
    tmp_path: Path, edit: Callable, rules: set[str]
) -> None:
    library = office_copy(tmp_path / "mau", "khoi/ky-ten", edit)
    report = check_templates(library, ["khoi/ky-ten"])
    found = [p for p in report.problems if p.key == "tpl.layout"]
    assert {p.params["rule"] for p in found} == rules
    assert all(p.template == "khoi/ky-ten" and p.where.startswith("bảng") for p in found)
    assert not report.ok
    assert template_warnings(library, ["cong-van"])  # render and build warn


# --- F1: margins only when the office set them ----------------------------------------------


def frame_margins(doc: Document) -> None:
    for section in doc.sections:
        section.top_margin = section.bottom_margin = Mm(25)
        section.left_margin, section.right_margin = Mm(35), Mm(20)


def test_the_office_frames_margins_do_not_warn_of_built_in_types(tmp_path: Path) -> None:
    library = office_copy(tmp_path / "mau", "khung", frame_margins)
    report = check_templates(library)
    assert "tpl.own_margins" not in [p.key for p in report.problems]


def test_margins_set_in_one_section_of_an_office_copy_are_named(tmp_path: Path) -> None:
    """Word's Layout ▸ Margins ▸ Apply to: This section, in a Kế hoạch's first section (the
    built-in template sets none there)."""

    def first_section(doc: Document) -> None:
        section = doc.sections[0]
        section.top_margin = section.bottom_margin = Mm(25)
        section.left_margin, section.right_margin = Mm(35), Mm(20)

    library = office_copy(tmp_path / "mau", "ke-hoach", first_section)
    found = [p for p in check_templates(library, ["ke-hoach"]).problems
             if p.key == "tpl.own_margins"]  # fmt: skip
    assert len(found) == 1 and found[0].warning
    vi, en = said(found[0]), said(found[0], "en")
    assert "bản riêng của cơ quan đặt lề trang riêng ở phần 1 (trên 25, dưới 25, trái 35" in vi
    assert "in section 1 (top 25, bottom 25, left 35, right 20 mm)" in en
    assert en.endswith("set them back to the built-in template's to avoid confusion"), en


@needs_soffice
def test_an_unchanged_libreoffice_save_gets_no_margin_warning(saved: Path) -> None:  # noqa: F811
    with zipfile.ZipFile(saved / "ke-hoach.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    # LibreOffice wrote its 1 inch into the inner sections the built-in leaves without w:pgMar
    assert re.search(r'<w:pgMar[^>]*w:top="1440"', xml)
    report = check_templates(TemplateLibrary([saved, BUILTIN]))
    assert "tpl.own_margins" not in [p.key for p in report.problems]


# --- F5: a phôi is not made with khung.docx ------------------------------------------------


def test_a_faulty_frame_is_not_said_of_the_certificate(tmp_path: Path) -> None:
    def larger_text(doc: Document) -> None:
        doc.styles["NoiDung"].font.size = Pt(15)

    library = office_copy(tmp_path / "mau", "khung", larger_text)
    assert template_warnings(library, ["cong-van"])  # the fault is one the check finds
    assert template_warnings(library, ["giay-khen"]) == []

