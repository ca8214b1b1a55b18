"""`templates check` on a maintainer's edits that it misread or missed: each rule at the paragraph
that breaks it (a type template's title lines read by their tags), nothing of a {{r }} tag's run
format that never prints, what only a render with the example data shows (a header column
narrowed, the căn cứ order changed), the seal space of khoi/ky-ten, and no style warning for a
Giấy khen, which prints with its own styles. The templates are edited here, with python-docx,
from the shipped ones."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from pipeline.api import example_contexts
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import Problem, check_templates
from pipeline.template_tools.verdict import errors_by_file
from tests.test_template_round2 import office_copy


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VANTHU_CACHE_DIR", str(tmp_path / "cache"))


def _problems(tmp_path: Path, names: list[str], samples: bool = False) -> list[Problem]:
    library = TemplateLibrary(tmp_path / "mau")
    contexts = example_contexts(library) if samples else {}
    return check_templates(library, names, contexts).problems


def _rules(problems: list[Problem], warning: bool = False) -> list[tuple[str, str, str]]:
    """(template, rule, where) of the errors (or the warnings) found."""
    return [
        (p.template, str(p.params.get("rule", p.key)), p.where)
        for p in problems
        if p.warning == warning
    ]


def _paragraph_with(document: Document, text: str) -> Paragraph:
    return next(p for p in document.paragraphs if text in p.text)


# 4. The title lines of a type template are read by the tags they hold.


def test_a_left_aligned_type_name_is_said_as_its_own_rule(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "quyet-dinh")
    document = docx.Document(str(path))
    _paragraph_with(document, "{{ ten_loai }}").alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.save(str(path))
    errors = _rules(_problems(tmp_path, ["quyet-dinh"]))
    assert [(t, rule) for t, rule, _ in errors] == [("quyet-dinh", "ten_loai.align")]
    assert "{{ ten_loai }}" in errors[0][2]


def test_a_deleted_type_name_is_said_missing(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "quyet-dinh")
    document = docx.Document(str(path))
    title = _paragraph_with(document, "{{ ten_loai }}")._p
    title.getparent().remove(title)
    document.save(str(path))
    errors = _rules(_problems(tmp_path, ["quyet-dinh"]))
    assert [(t, rule) for t, rule, _ in errors] == [("quyet-dinh", "ten_loai.missing")]


# 5. The format of a run holding a {{r }} tag never prints.


def test_the_format_of_a_rich_tags_run_is_no_error(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "quyet-dinh")
    document = docx.Document(str(path))
    for run in _paragraph_with(document, "{{r trich_yeu }}").runs:
        run.font.size, run.font.name = Pt(10), "Arial"
    document.save(str(path))
    assert _rules(_problems(tmp_path, ["quyet-dinh"])) == []
    library = TemplateLibrary(tmp_path / "mau")
    assert errors_by_file(library, "quyet-dinh", example_contexts) == {}


# 2. The header table's columns given fixed widths too narrow for the agency's lines.


def _narrow_header(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "khoi/dau-trang")
    document = docx.Document(str(path))
    table = document.tables[0]._tbl
    for n, column in enumerate(table.tblGrid.findall(qn("w:gridCol"))):
        column.set(qn("w:w"), "2000" if n == 0 else "7353")
    for n, width in enumerate(table.iter(qn("w:tcW"))):
        width.set(qn("w:w"), "2000" if n % 2 == 0 else "7353")
    document.save(str(path))


@pytest.mark.parametrize("names", [["khoi/dau-trang", "quyet-dinh"], ["khoi/dau-trang"]])
def test_agency_lines_too_wide_for_a_fixed_column_are_said(
    tmp_path: Path, names: list[str]
) -> None:
    _narrow_header(tmp_path)
    problems = _problems(tmp_path, names, samples=True)
    errors = [p for p in problems if not p.warning]
    assert [(p.template, p.key) for p in errors] == [("khoi/dau-trang", "tpl.example_fault")]
    assert errors[0].params["rule"] == "co_quan.wraps"
    fixed = [p for p in problems if p.warning and p.key == "tpl.header_widths_fixed"]
    assert [p.params["widths"] for p in fixed] == ["2000 + 7353"]
    library = TemplateLibrary(tmp_path / "mau")
    assert errors_by_file(library, "quyet-dinh", example_contexts) == {"khoi/dau-trang": 1}


# 7. More than "about 3–4" lines left for the seal in khoi/ky-ten.


def test_a_seal_space_far_too_tall_is_warned_once_at_the_block(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "khoi/ky-ten")
    document = docx.Document(str(path))
    cell = document.tables[0].rows[0].cells[1]
    name = next(p for p in cell.paragraphs if "chu_ky.ho_ten" in p.text)._p
    for _ in range(12):
        name.addprevious(name.makeelement(qn("w:p"), {}))
    document.save(str(path))
    problems = _problems(tmp_path, ["khoi/ky-ten"])
    assert _rules(problems) == []
    warned = _rules(problems, warning=True)
    assert [(t, rule) for t, rule, _ in warned] == [("khoi/ky-ten", "chu_ky.seal_space")]
    assert "chu_ky.ho_ten" in warned[0][2]


# 3. The căn cứ lines' order changed.


def test_theo_de_nghi_moved_above_the_can_cu_is_said(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "quyet-dinh")
    document = docx.Document(str(path))
    proposal = _paragraph_with(document, "{{ theo_de_nghi }}")._p
    _paragraph_with(document, "for dong in can_cu")._p.addprevious(proposal)
    document.save(str(path))
    problems = _problems(tmp_path, ["quyet-dinh"], samples=True)
    errors = [p for p in problems if not p.warning]
    assert [(p.template, p.key) for p in errors] == [("quyet-dinh", "tpl.example_fault")]
    assert errors[0].params["rule"] == "can_cu.punctuation"


def test_the_shipped_templates_render_their_examples_cleanly(tmp_path: Path) -> None:
    for name in ("quyet-dinh", "khoi/dau-trang"):
        office_copy(tmp_path, name)
    assert _rules(_problems(tmp_path, ["khoi/dau-trang", "quyet-dinh"], samples=True)) == []


# 6. A Giấy khen keeps its own styles: they differ from the frame's on purpose.


def test_a_giay_khen_with_styles_of_its_own_is_not_warned_of_drift(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "giay-khen")
    document = docx.Document(str(path))
    document.styles["Normal"].font.size = Pt(12)  # a style the frame has too
    document.styles["GiayKhenTen"].font.size = Pt(22)
    document.save(str(path))
    problems = _problems(tmp_path, ["giay-khen"])
    assert "tpl.style_drift" not in [p.key for p in problems]
