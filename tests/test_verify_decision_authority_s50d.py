"""verify reads a Quyết định's thẩm quyền ban hành (ô 5b), round s50d: a decision without it is
reported (tham_quyen_ban_hanh.missing), whether issued by a collective (ỦY BAN NHÂN DÂN ...) or
by a head (TRƯỞNG PHÒNG ...); "QUYẾT ĐỊNH:" is never read as its line, so that a decision
without căn cứ is not told that its label is missing; the thẩm quyền is not read as a trích yếu
line when the trích yếu's rule is left out.

Each document is the Quyết định starter of a workspace made by `vanthu init`, rendered, then
edited with python-docx as a clerk would in Word.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph as DocxParagraph

from pipeline.verify import verify_file
from pipeline.verify.document import read_document
from pipeline.verify.layout import find_layout, flat
from tests.test_verify_header_s49 import edited
from tests.test_verify_parent_agency_s50d import rendered_starters

WORKSPACES = {
    "ubnd-huyen": ["--dia-danh", "Sơn Tây", "--co-quan", "ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY",
                   "--viet-tat", "UBND", "--nguoi-ky", "Nguyễn Văn A"],
    "phong": ["--chu-quan", "ỦY BAN NHÂN DÂN HUYỆN MAI SƠN", "--co-quan", "PHÒNG NỘI VỤ",
              "--viet-tat", "PNV", "--nguoi-ky", "Nguyễn Văn A"],
}  # fmt: skip
AUTHORITY = {"ubnd-huyen": "ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY",
             "phong": "TRƯỞNG PHÒNG NỘI VỤ HUYỆN MAI SƠN"}  # fmt: skip
AUTHORITY_STYLE = "ThamQuyenBanHanh"
PREAMBLE_STYLE = "CanCu"
RULE_STYLE = "DuongKeTrichYeu"


@pytest.fixture(scope="module")
def decisions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Quyết định starter of a UBND thị xã (a collective's authority) and of a phòng (its
    head's), rendered."""
    return rendered_starters(tmp_path_factory.mktemp("s50d-decision"), WORKSPACES, "quyet-dinh")


def deleting(*styles: str) -> Callable[[DocxDocument], None]:
    """An edit deleting every top-level paragraph of these styles."""

    def edit(doc: DocxDocument) -> None:
        found = [p for p in doc.paragraphs if p.style.name in styles]
        assert found, styles
        for p in found:
            p._p.getparent().remove(p._p)

    return edit


def rules(path: Path) -> list[str]:
    return [v.rule for v in verify_file(path).violations]


@pytest.mark.parametrize("kind", list(WORKSPACES))
def test_starter_passes_with_its_authority(decisions: dict[str, Path], kind: str) -> None:
    """The award decision vanthu makes has its thẩm quyền, read as such, and passes."""
    assert rules(decisions[kind]) == []
    layout = find_layout(read_document(decisions[kind]), None)
    assert [flat(p.text) for p in layout.tham_quyen] == [AUTHORITY[kind]]


@pytest.mark.parametrize("kind", list(WORKSPACES))
def test_missing_authority_is_reported(
    decisions: dict[str, Path], tmp_path: Path, kind: str
) -> None:
    """The tester's reproduction: the thẩm quyền's paragraph deleted passed; ô 5b is required of
    every Quyết định, a collective's or a head's."""
    path = edited(decisions[kind], tmp_path, deleting(AUTHORITY_STYLE))
    report = verify_file(path)
    assert [v.rule for v in report.violations] == ["tham_quyen_ban_hanh.missing"]
    assert "Về việc" in report.violations[0].where.excerpt  # said under the trích yếu


def test_decision_without_preamble_keeps_its_label(
    decisions: dict[str, Path], tmp_path: Path
) -> None:
    """The tester's reproduction: with the căn cứ deleted, "QUYẾT ĐỊNH:" was read as a second
    line of the thẩm quyền and reported missing."""
    path = edited(decisions["ubnd-huyen"], tmp_path, deleting(PREAMBLE_STYLE))
    assert "quyet_dinh.missing" not in rules(path)
    layout = find_layout(read_document(path), None)
    assert [flat(p.text) for p in layout.tham_quyen] == [AUTHORITY["ubnd-huyen"]]
    assert [flat(p.text) for p in layout.quyet_dinh] == ["QUYẾT ĐỊNH:"]


def test_neither_authority_nor_preamble(decisions: dict[str, Path], tmp_path: Path) -> None:
    """Both deleted: "QUYẾT ĐỊNH:" is still the label, the thẩm quyền is what is missing."""
    path = edited(decisions["ubnd-huyen"], tmp_path, deleting(PREAMBLE_STYLE, AUTHORITY_STYLE))
    assert rules(path) == ["tham_quyen_ban_hanh.missing"]


def test_authority_set_left_is_its_alignment(decisions: dict[str, Path], tmp_path: Path) -> None:
    """The thẩm quyền set left, not centred, is still the thẩm quyền: its alignment is reported,
    not its absence."""

    def edit(doc: DocxDocument) -> None:
        p = next(p for p in doc.paragraphs if p.style.name == AUTHORITY_STYLE)
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    assert rules(edited(decisions["ubnd-huyen"], tmp_path, edit)) == ["tham_quyen_ban_hanh.align"]


def test_authority_without_the_rule_above_it(decisions: dict[str, Path], tmp_path: Path) -> None:
    """The trích yếu's rule deleted: only the rule is reported; the thẩm quyền under it is not
    read as a trích yếu line in capitals (trich_yeu.case), nor found missing."""
    path = edited(decisions["ubnd-huyen"], tmp_path, deleting(RULE_STYLE))
    assert rules(path) == ["trich_yeu.rule"]


def test_trich_yeu_line_in_capitals_over_its_rule(
    decisions: dict[str, Path], tmp_path: Path
) -> None:
    """A trích yếu line typed in capitals, the rule under it: still a line of the trích yếu (its
    case reported), not the thẩm quyền."""

    def edit(doc: DocxDocument) -> None:
        p = next(p for p in doc.paragraphs if p.style.name == "TrichYeu")
        line = copy.deepcopy(p._p)
        p._p.addnext(line)
        runs = DocxParagraph(line, p._parent).runs
        runs[0].text = "CHO CÁ NHÂN"
        for run in runs[1:]:
            run.text = ""

    path = edited(decisions["ubnd-huyen"], tmp_path, edit)
    assert rules(path) == ["trich_yeu.case"]
    layout = find_layout(read_document(path), None)
    assert [flat(p.text) for p in layout.tham_quyen] == [AUTHORITY["ubnd-huyen"]]
