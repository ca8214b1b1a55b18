"""`templates check` on an office's copies that break the decree's layout or drop data where it
said nothing: a {{r }} tag deleted or replaced (ket_thuc, trich_yeu), the rule under the trích
yếu deleted, the Lưu line's "- " deleted, frame styles of the body's lines (CanCu, Muc,
TieuDeGiua, KhoanTieuDe) changed, and a frame style whose fault shows in a built-in block
(SoKyHieu made bold): said, at the office's file, and warned of by render and build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.api import example_contexts
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import check_templates
from pipeline.template_tools.verdict import errors_by_file, template_warnings
from tests.test_template_round2 import edit_part, office_copy
from tests.test_template_tools import edit_docx


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VANTHU_CACHE_DIR", str(tmp_path / "cache"))


def _errors(library: TemplateLibrary, names: list[str] | None = None) -> list:
    samples = example_contexts(library) if names is None or any(
        n in library.type_names() for n in names
    ) else {}
    report = check_templates(library, names, samples)
    return [p for p in report.problems if not p.warning]


def _style(path: Path, style_id: str, old: str, new: str) -> None:
    """One edit inside style `style_id` of the frame's styles.xml, as Word saves it."""

    def edit(data: bytes) -> bytes:
        xml = data.decode("utf-8")
        pattern = rf'<w:style [^>]*w:styleId="{re.escape(style_id)}".*?</w:style>'
        found = re.search(pattern, xml, re.S)
        assert found is not None and old in found[0], (style_id, old)
        return xml.replace(found[0], found[0].replace(old, new, 1)).encode("utf-8")

    edit_part(path, "word/styles.xml", edit)


# 1. A rich value ({{r }}) no longer printed.


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("<w:r><w:t>{{r ket_thuc }}</w:t></w:r>", "", "ket_thuc"),
        ("<w:r><w:t>{{r trich_yeu }}</w:t></w:r>", "", "trich_yeu"),
        ("{{r trich_yeu }}", "Kế hoạch công tác năm", "trich_yeu"),
    ],
)
def test_a_rich_field_no_longer_printed_is_said(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    path = office_copy(tmp_path, "ke-hoach")
    edit_docx(path, old, new)
    library = TemplateLibrary(tmp_path / "mau")
    errors = _errors(library, ["ke-hoach"])
    assert [(p.key, p.params["field"]) for p in errors] == [("tpl.rich_not_printed", field)]
    # the trích yếu's deletion is said once, not as the faults of the rule taken for it
    assert errors_by_file(library, "ke-hoach", example_contexts) == {"ke-hoach": 1}


def test_the_rich_message_names_the_rich_tag() -> None:
    from pipeline.i18n import t

    text = t("tpl.rich_not_printed", field="trich_yeu", text="Triển khai")
    assert "không còn in trường 'trich_yeu'" in text and "{{r trich_yeu }}" in text


# 2. The rule under the trích yếu deleted.


@pytest.mark.parametrize("name", ["ke-hoach", "quyet-dinh"])
def test_a_type_without_the_rule_under_its_trich_yeu_is_said(tmp_path: Path, name: str) -> None:
    path = office_copy(tmp_path, name)
    edit_docx(path, "<w:r><w:t>{{r duong_ke_trich_yeu }}</w:t></w:r>", "")
    library = TemplateLibrary(tmp_path / "mau")
    errors = _errors(library, [name])
    assert [(p.template, p.params.get("rule")) for p in errors] == [(name, "trich_yeu.rule")]


# 3. The Lưu line without its "- ".


@pytest.mark.parametrize("typed", ["{{ luu }}", "-{{ luu }}"])
def test_a_luu_line_without_its_dash_is_said(tmp_path: Path, typed: str) -> None:
    path = office_copy(tmp_path, "khoi/ky-ten")
    edit_docx(path, "<w:t>- {{ luu }}</w:t>", f"<w:t>{typed}</w:t>")
    library = TemplateLibrary(tmp_path / "mau")
    errors = _errors(library, ["khoi/ky-ten"])
    assert ("khoi/ky-ten", "tpl.archive_dash") in [(p.template, p.key) for p in errors]
    assert errors_by_file(library, "ke-hoach", example_contexts) == {"khoi/ky-ten": len(errors)}


# 4. The frame's styles of the body's lines.


@pytest.mark.parametrize(
    ("style", "old", "new", "rule"),
    [
        ("CanCu", "<w:i/>", '<w:i w:val="0"/>', "can_cu.italic"),
        ("Muc", "<w:b/>", '<w:b w:val="0"/>', "muc.bold"),
        ("TieuDeGiua", "<w:b/>", '<w:b w:val="0"/>', "quyet_dinh.bold"),
        ("KhoanTieuDe", "<w:b/>", '<w:b w:val="0"/>', "dieu.bold"),
    ],
)
def test_a_frame_style_of_the_body_broken_is_said_at_the_frame(
    tmp_path: Path, style: str, old: str, new: str, rule: str
) -> None:
    path = office_copy(tmp_path, "khung")
    _style(path, style, old, new)
    library = TemplateLibrary(tmp_path / "mau")
    errors = _errors(library, ["khung"])
    assert [(p.template, p.params.get("rule")) for p in errors] == [("khung", rule)]
    assert style in errors[0].where


# 5. A frame style whose fault shows in a built-in block: the frame's, and warned of.


def test_a_frame_fault_found_in_a_builtin_block_is_the_frames(tmp_path: Path) -> None:
    path = office_copy(tmp_path, "khung")
    _style(path, "SoKyHieu", '<w:b w:val="0"/>', "<w:b/>")
    library = TemplateLibrary(tmp_path / "mau")
    errors = _errors(library)
    assert [(p.template, p.params.get("rule")) for p in errors] == [("khung", "so_ky_hieu.bold")]
    assert "SoKyHieu" in errors[0].where
    assert errors_by_file(library, "ke-hoach", example_contexts) == {"khung": 1}
    warnings = template_warnings(library, ["ke-hoach"], example_contexts)
    assert len(warnings) == 1 and "khung.docx" in warnings[0]


def test_the_shipped_templates_still_pass(tmp_path: Path) -> None:
    for name in ("khung", "khoi/ky-ten", "ke-hoach", "quyet-dinh", "khoi/cac-muc"):
        office_copy(tmp_path, name)
    library = TemplateLibrary(tmp_path / "mau")
    assert _errors(library) == []
