"""s57 R5: an office's copy of a template made by an older vanthu, still marked en-US or with a
table's properties (w:tblPr) out of the schema's order, is warned of by `templates check`,
saying how to fix it; the built-in templates and a fresh copy of them are not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import check_templates
from tests.office_templates import builtin_check_report, office_folder
from tests.test_template_check_frame import _edit

COPY_KEYS = ("tpl.copy_language", "tpl.copy_table_order")


def _in_english(styles: str) -> str:
    """styles.xml as vanthu wrote it before s56: python-docx's en-US."""
    return styles.replace('w:val="vi-VN" w:eastAsia="vi-VN"',
                          'w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"')  # fmt: skip


def _borders_after_look(document: str) -> str:
    """document.xml as vanthu wrote it before s56: each table's tblBorders after its tblLook."""
    return re.sub(r"(<w:tblBorders>.*?</w:tblBorders>)(.*?)(<w:tblLook\b[^>]*/>)",
                  r"\2\3\1", document, flags=re.DOTALL)  # fmt: skip


@pytest.fixture
def old_copy(tmp_path: Path) -> Path:
    """mau/ with a khoi/ky-ten copied from an older vanthu: en-US, tblBorders after tblLook."""
    folder = office_folder(tmp_path, "khoi/ky-ten")
    _edit(folder / "khoi/ky-ten.docx", "word/styles.xml", _in_english)
    _edit(folder / "khoi/ky-ten.docx", "word/document.xml", _borders_after_look)
    return folder


def test_an_old_copy_is_warned_of_for_its_language_and_its_tables(old_copy: Path) -> None:
    report = check_templates(TemplateLibrary([old_copy]), ["khoi/ky-ten"])
    found = {p.key: p for p in report.problems if p.key in COPY_KEYS}
    assert set(found) == set(COPY_KEYS)
    assert all(p.warning and p.template == "khoi/ky-ten" for p in found.values())
    assert report.ok  # the template still works
    assert found["tpl.copy_language"].params["language"] == "en-US"
    order = found["tpl.copy_table_order"].params
    assert order["part"] == "word/document.xml" and order["count"] >= 1
    assert str(order["found"]).index("tblLook") < str(order["found"]).index("tblBorders")


def test_the_command_says_how_to_fix_it_in_vietnamese_and_english(old_copy: Path) -> None:
    folder = str(old_copy)
    result = CliRunner().invoke(main, ["--lang", "vi", "--templates", folder, "templates",
                                       "check", "khoi/ky-ten"])  # fmt: skip
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("khoi/ky-ten.docx: cảnh báo: bản riêng của cơ quan được chép từ phiên bản vanthu cũ "
            "và vẫn ghi ngôn ngữ en-US, không phải tiếng Việt (vi-VN)") in said, said  # fmt: skip
    assert "vanthu templates copy khoi/ky-ten --force" in said
    assert "Language ▸ Vietnamese" in said
    assert "bảng ghi thuộc tính (w:tblPr) không theo thứ tự chuẩn Office Open XML" in said
    assert "0 lỗi, 2 cảnh báo" in said
    result = CliRunner().invoke(main, ["--lang", "en", "--templates", folder, "templates",
                                       "check", "khoi/ky-ten"])  # fmt: skip
    said = " ".join(result.output.split())
    assert ("khoi/ky-ten.docx: warning: the office's copy was made by an older vanthu and is "
            "still marked en-US, not Vietnamese (vi-VN)") in said, said  # fmt: skip
    assert "out of the Office Open XML schema's order" in said
    assert "copy the template again (vanthu templates copy khoi/ky-ten --force" in said


def test_a_copy_marked_vietnamese_in_word_is_not_warned_of_its_language(old_copy: Path) -> None:
    """Word's cure (Normal ▸ Modify ▸ Language ▸ Vietnamese) marks the Normal style: the
    document defaults' en-US then no longer reaches the text."""

    def normal_in_vietnamese(styles: str) -> str:
        return re.sub(r'(<w:style [^>]*w:styleId="Normal".*?<w:rPr>)',
                      r'\1<w:lang w:val="vi-VN"/>', styles, count=1, flags=re.DOTALL)  # fmt: skip

    _edit(old_copy / "khoi/ky-ten.docx", "word/styles.xml", normal_in_vietnamese)
    report = check_templates(TemplateLibrary([old_copy]), ["khoi/ky-ten"])
    assert [p.key for p in report.problems if p.key in COPY_KEYS] == ["tpl.copy_table_order"]


def test_a_fresh_copy_and_the_builtin_templates_are_not_warned_of(tmp_path: Path) -> None:
    folder = office_folder(tmp_path, "khung", "khoi/ky-ten", "khoi/dau-trang", "quyet-dinh")
    report = check_templates(TemplateLibrary([folder]),
                             ["khung", "khoi/ky-ten", "khoi/dau-trang", "quyet-dinh"])  # fmt: skip
    assert [p for p in report.problems if p.key in COPY_KEYS] == []
    assert [p for p in builtin_check_report().problems if p.key in COPY_KEYS] == []


def test_a_copy_of_the_article_block_without_doan_sau_is_warned_of(tmp_path: Path) -> None:
    """khoi/dieu copied before an Điều printed doan_sau (its tags read dieu.doan there) drops
    the paragraphs after the khoản: said, as other fields added to the blocks are."""
    folder = office_folder(tmp_path, "khoi/dieu")
    _edit(folder / "khoi/dieu.docx", "word/document.xml",
          lambda xml: xml.replace("dieu.doan_sau", "dieu.doan"))  # fmt: skip
    report = check_templates(TemplateLibrary([folder]), ["khoi/dieu"])
    dropped = [(p.key, p.params, p.warning) for p in report.problems
               if p.key == "tpl.dropped_field"]  # fmt: skip
    assert dropped == [("tpl.dropped_field", {"name": "dieu.doan_sau"}, True)]
    fresh = office_folder(tmp_path / "fresh", "khoi/dieu")
    assert not check_templates(TemplateLibrary([fresh]), ["khoi/dieu"]).problems
