"""templates check leaves to the rendered document what a Nơi nhận line's tag prints (session
50g): a line starting with a tag ("{{ nguoi_nhan }};", its dash the data's) is not refused for
its dash, nor a type template's own "- {{ luu }}" for the archive line's shape; a block and a
type template are judged alike, and fixed text still is."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from pipeline.render.builtin import builtin_templates
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import check_templates
from pipeline.verify import verify_file
from tests.test_template_recipients_s50 import block_lines, block_with, own_signature_table

BLOCK = "khoi/ky-ten"
LINE = "- {{ nguoi_nhan }};"


def office(tmp_path: Path) -> Path:
    """An office's mau/ folder in tmp_path (with its khoi/)."""
    folder = tmp_path / "mau"
    (folder / "khoi").mkdir(parents=True)
    return folder


def letter(folder: Path, recipients: list[str]) -> Path:
    """The office's cong-van.docx printing its own signature table, Nơi nhận `recipients`, in
    place of khoi/ky-ten."""
    doc = Document(str(builtin_templates() / "cong-van.docx"))
    own_signature_table(doc, recipients)
    target = folder / "cong-van.docx"
    doc.save(str(target))
    return target


def said(folder: Path, name: str, rule: str) -> list[str]:
    """Where templates check says verify's `rule` of template `name`."""
    report = check_templates(TemplateLibrary(folder), [name])
    return [p.where for p in report.problems if p.params.get("rule") == rule]


# 1. A line starting with a tag: its dash may be the data's


@pytest.mark.parametrize("line", ["{{ nguoi_nhan }};", "{{ nguoi_nhan }}", "{%- if x %}- Sở Y;"])
def test_a_recipients_line_starting_with_a_tag_is_not_refused_for_its_dash(
    tmp_path: Path, line: str
) -> None:
    path = block_with(office(tmp_path), LINE, line)
    assert said(tmp_path / "mau", BLOCK, "noi_nhan.dash") == []
    assert "noi_nhan.dash" not in verify_file(path, template=True).rules


def test_a_line_that_is_a_tag_is_judged_in_the_document_only(tmp_path: Path) -> None:
    """A line "{{ nhom }}" prints the data's line whole: its dash and its ';' alike."""
    path = block_lines(office(tmp_path), ["{{ nhom }}", "- Sở Nội vụ;"])
    rules = verify_file(path, template=True).rules
    assert "noi_nhan.dash" not in rules and "noi_nhan.semicolon" not in rules
    assert said(tmp_path / "mau", BLOCK, "noi_nhan.dash") == []


def test_a_fixed_line_without_its_dash_still_fails(tmp_path: Path) -> None:
    block_lines(office(tmp_path), ["Sở Nội vụ {{ tinh }};"])
    assert said(tmp_path / "mau", BLOCK, "noi_nhan.dash") == [
        "bảng 1, hàng 1, ô 1, đoạn 2 «Sở Nội vụ {{ tinh }};»"
    ]


# 2. The archive line's tag as a type template's own last line


@pytest.mark.parametrize("last", ["- {{ luu }}", "{{ luu }}", "- {{luu}}"])
def test_a_type_templates_own_archive_tag_is_no_fault(tmp_path: Path, last: str) -> None:
    folder = office(tmp_path)
    path = letter(folder, ["{%p for nguoi_nhan in noi_nhan %}", LINE, "{%p endfor %}", last])
    assert said(folder, "cong-van", "noi_nhan.last") == []
    assert "noi_nhan.last" not in verify_file(path, template=True).rules


def test_a_fixed_archive_line_is_judged_in_a_type_template_and_a_block_alike(
    tmp_path: Path,
) -> None:
    """A fixed "- Lưu VT" (no colon, no full stop) is the template's own: refused in both."""
    folder = office(tmp_path)
    letter(folder, ["- Như trên;", "- Lưu VT"])
    block_with(folder, "- {{ luu }}", "- Lưu VT")
    assert said(folder, "cong-van", "noi_nhan.last") == ["bảng 1, hàng 1, ô 1, đoạn 3 «- Lưu VT»"]
    assert said(folder, BLOCK, "noi_nhan.last") == ["bảng 1, hàng 1, ô 1, đoạn 6 «- Lưu VT»"]
