"""A tag Word or LibreOffice split over two runs, its second half italic: the output prints the
first run's formatting (docxtpl makes the tag's runs one), so `templates check` warns of the
split but no longer says the Nơi nhận prints in italics. Its first half italic still is said."""

from __future__ import annotations

import copy
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from pipeline.api import Renderer
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import check_templates

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
LINE = "- {{ nguoi_nhan }};"


def split_copy(folder: Path, italic_half: int) -> TemplateLibrary:
    """mau/khoi/ky-ten.docx: the built-in with the first row's recipient line in two runs,
    "- {{ nguoi_" and "nhan }};", half `italic_half` (0 or 1) italic."""
    document = Document(str(BUILTIN / "khoi" / "ky-ten.docx"))
    cell = document.tables[0].rows[0].cells[0]
    paragraph = next(p for p in cell.paragraphs if p.text == LINE)
    (run,) = paragraph.runs
    second = copy.deepcopy(run._r)
    run._r.addnext(second)
    run.text = "- {{ nguoi_"
    second.find(qn("w:t")).text = "nhan }};"
    halves = paragraph.runs
    halves[italic_half].italic = True
    target = folder / "khoi" / "ky-ten.docx"
    target.parent.mkdir(parents=True)
    document.save(str(target))
    return TemplateLibrary([folder, BUILTIN])


def italic_findings(library: TemplateLibrary) -> list[str]:
    report = check_templates(library, ["khoi/ky-ten"])
    assert any(p.key == "tpl.split_tag" for p in report.problems)
    return [str(p.params.get("rule")) for p in report.problems
            if p.key == "tpl.layout" and "italic" in str(p.params.get("rule"))]  # fmt: skip


def printed_recipients(library: TemplateLibrary, out: Path) -> list[tuple[str, bool]]:
    data = REPO / "inputs" / "2024" / "cv-don-doc-bao-cao-tdkt.yaml"
    docx = Renderer(library).render_file(data, out)
    cell = Document(str(docx)).tables[-1].rows[0].cells[0]
    return [(p.text, any(r.italic for r in p.runs)) for p in cell.paragraphs
            if p.text.startswith("- ") and "Lưu" not in p.text]  # fmt: skip


def test_a_tag_whose_second_half_is_italic_is_judged_as_it_prints(tmp_path: Path) -> None:
    library = split_copy(tmp_path / "mau", italic_half=1)
    assert italic_findings(library) == []
    lines = printed_recipients(library, tmp_path / "cv.docx")
    assert lines and not any(italic for _, italic in lines), lines


def test_a_tag_whose_first_half_is_italic_is_still_said(tmp_path: Path) -> None:
    library = split_copy(tmp_path / "mau", italic_half=0)
    assert italic_findings(library), "the recipients print in italics"
    lines = printed_recipients(library, tmp_path / "cv.docx")
    assert lines and all(italic for _, italic in lines), lines


def test_the_built_in_block_passes() -> None:
    report = check_templates(TemplateLibrary([BUILTIN]), ["khoi/ky-ten"])
    assert not [p for p in report.problems if not p.warning]
