"""vanthu templates: list, fields, and check with located messages for broken templates."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.new_office import new_office

REPO = Path(__file__).resolve().parents[1]


def run(*args: str, templates: Path | None = None):
    options = ["--lang", "vi"] + (["--templates", str(templates)] if templates else [])
    return CliRunner().invoke(main, [*options, *args])


def test_list() -> None:
    result = run("templates", "list", templates=REPO / "templates")
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split()[1] for line in result.output.splitlines()[1:]}
    assert rows["ke-hoach"] == "ke_hoach" and rows["quyet-dinh"] == "quyet_dinh"
    assert rows["khoi/dau-trang"] == "khoi" and rows["khung"] == "khung"


def test_every_template_passes_check(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("templates", "check", templates=REPO / "templates")
    assert result.exit_code == 0, result.output
    assert "không có lỗi" in result.output


def test_fields_tree() -> None:
    result = run("templates", "fields", "ke-hoach", templates=REPO / "templates")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "cac_muc[]" in lines and "chu_ky" in lines
    assert "  khoan[]" in lines and "    tieu_de" in lines


def broken(tmp_path: Path, template: str, old: str, new: str) -> Path:
    """A copy of templates/ with one text edit in one template's document.xml."""
    root = tmp_path / "templates"
    shutil.copytree(REPO / "templates", root)
    edit_docx(root / f"{template}.docx", old, new)
    return root


@pytest.mark.parametrize(
    ("template", "old", "new", "expected"),
    [
        # A syntax error in a table cell of the Danh sách.
        ("quyet-dinh", "{{ dong.muc.ho_ten }}", "{{ dong.muc.ho_ten | }}",
         ["quyet-dinh.docx", "bảng 1, hàng 6, ô 2", "lỗi cú pháp"]),
        # A loop whose end tag was deleted.
        ("khoi/ky-ten", "{%p endfor %}", "", ["khoi/ky-ten.docx", "ô 1", "'for' mở mà không đóng"]),
        # A field the data does not have, read inside a shared block.
        ("khoi/ky-ten", "{{ chu_ky.ho_ten }}", "{{ chu_ky.ho_tenn }}",
         ["ke-hoach.docx", "khoi/ky-ten.docx", "ô 2", "chu_ky.ho_tenn"]),
        # A nested field the data does not have (the Danh sách's title misspelt).
        ("quyet-dinh", "{{ danh_sach.tieu_de }}", "{{ danh_sach.tieu_dee }}",
         ["quyet-dinh.docx", "đoạn", "«{{ danh_sach.tieu_dee }}»", "'danh_sach.tieu_dee'",
          "dữ liệu không có trường"]),
        # An unknown filter: located, and said in Vietnamese.
        ("quyet-dinh", "{{ theo_de_nghi }}", "{{ theo_de_nghi | upperx }}",
         ["quyet-dinh.docx", "đoạn 9", "không có bộ lọc 'upperx'"]),
    ],
)  # fmt: skip
def test_broken_templates_are_located(
    tmp_path: Path, monkeypatch, template: str, old: str, new: str, expected: list[str]
) -> None:
    root = broken(tmp_path, template, old, new)
    monkeypatch.chdir(REPO)
    result = run("templates", "check", templates=root)
    assert result.exit_code == 1, result.output
    line = next((ln for ln in result.output.splitlines() if all(e in ln for e in expected)), None)
    assert line is not None, result.output


def test_style_drift_is_a_warning(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "templates"
    shutil.copytree(REPO / "templates", root)
    path = root / "ke-hoach.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(b'w:val="28"', b'w:val="26"', 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    monkeypatch.chdir(REPO)
    result = run("templates", "check", "ke-hoach", templates=root)
    assert result.exit_code == 0
    assert "cảnh báo" in result.output and "khung" in result.output


def test_an_office_copy_without_a_newer_field_is_a_warning(tmp_path: Path) -> None:
    """An office's khoi/dau-trang copied before the V/v slot existed: check says what it lacks
    (a Công văn would print without its V/v), and still passes."""
    from docx import Document

    from pipeline.render.compose import TemplateLibrary
    from pipeline.template_tools.check import check_templates

    office = tmp_path / "mau"
    (office / "khoi").mkdir(parents=True)
    doc = Document(str(REPO / "templates" / "khoi" / "dau-trang.docx"))
    for paragraph in doc.tables[0].rows[1].cells[0].paragraphs:
        if paragraph.style.name == "TrichYeuCongVan":  # the V/v slot and its if / endif
            paragraph._p.getparent().remove(paragraph._p)
    doc.save(str(office / "khoi" / "dau-trang.docx"))
    report = check_templates(TemplateLibrary([office, REPO / "templates"]), ["khoi/dau-trang"])
    assert report.ok
    assert [(p.key, dict(p.params), p.warning) for p in report.problems] == [
        ("tpl.dropped_field", {"name": "trich_yeu_cong_van"}, True)
    ]


def test_nested_unknown_field_in_a_copy_without_examples(tmp_path: Path, monkeypatch) -> None:
    """The tester's case: a workspace whose only Quyết định has no Danh sách (danh_sach is None
    in every example), and an office copy reading danh_sach.tieu_dee: check knows the shape of
    danh_sach all the same (starters, and the fields the built-in template reads)."""
    new_office(tmp_path, monkeypatch)
    assert run("templates", "copy", "quyet-dinh").exit_code == 0
    assert run("templates", "check").exit_code == 0
    copy = tmp_path / "ws" / "mau" / "quyet-dinh.docx"
    edit_docx(copy, "{{ danh_sach.tieu_de }}", "{{ danh_sach.tieu_dee }}")
    result = run("templates", "check")
    assert result.exit_code == 1, result.output
    assert (
        "quyet-dinh.docx, bản riêng của cơ quan trong mau/, "
        "đoạn 18 «{{ danh_sach.tieu_dee }}»: mẫu dùng 'danh_sach.tieu_dee' "
        "nhưng dữ liệu không có trường này"
    ) in result.output
    english = CliRunner().invoke(main, ["--lang", "en", "templates", "check", "quyet-dinh"])
    assert "paragraph 18 «{{ danh_sach.tieu_dee }}»: the template uses 'danh_sach.tieu_dee'" in (
        english.output
    )


def edit_docx(path: Path, old: str, new: str) -> None:
    """One text edit in a template's document.xml, in place."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml, old
    parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(
    ("template", "old", "new", "render_as"),
    [
        ("quyet-dinh", "{{ theo_de_nghi }}", "{{ theo_de_nghi | upperx }}", "quyet-dinh"),
        ("quyet-dinh", "{%p endfor %}", "{%p endif %}", "quyet-dinh"),
        ("quyet-dinh", "{{ theo_de_nghi }}", "{% fooo %}", "quyet-dinh"),
        ("khoi/ky-ten", "{{ chu_ky.ho_ten }}", "{{ chu_ky.ho_ten | }}", "ke-hoach"),
    ],
)  # fmt: skip
def test_check_and_render_say_the_same_place(
    tmp_path: Path, template: str, old: str, new: str, render_as: str
) -> None:
    """One wording and numbering of places (pipeline.render.locate) for check and render."""
    from pipeline.errors import TemplateError
    from pipeline.i18n import set_language
    from pipeline.render.compose import TemplateLibrary
    from pipeline.render.engine import Engine
    from pipeline.template_tools.check import check_templates

    set_language("vi")
    root = broken(tmp_path, template, old, new)
    report = check_templates(TemplateLibrary(root), [template])
    syntax = [p for p in report.problems if p.key == "tpl.syntax"]
    assert len(syntax) == 1 and syntax[0].where, report.problems
    with pytest.raises(TemplateError) as caught:
        Engine(root).prepare(render_as)
    error = caught.value
    assert error.key == "render.syntax"
    assert error.location("vi").endswith(syntax[0].where)
    assert str(syntax[0].params["reason"]) == str(error.params["reason"])
    assert "Jinja" not in error.message("vi") and "expected" not in error.message("vi")
    assert "đoạn" not in error.message("en") and "paragraph" in error.message("en")


@pytest.mark.parametrize(
    ("source", "key", "vi"),
    [
        ("{% fooo %}", "jinja.unknown_tag", "không có thẻ 'fooo'"),
        ("{% for x in y %}{% endif %}", "jinja.unknown_tag_in",
         "thẻ 'endif' không đúng chỗ: khối 'for' đang mở, chờ một trong các thẻ 'endfor', 'else'"),
        ("{% for x in y %}", "jinja.unclosed", "khối 'for' mở mà không đóng"),
        ('{{ x "a" }}', "jinja.expected", "chờ '}}' mà gặp 'string'"),
        ("{{ x", "jinja.end_expected", "hết mẫu mà chưa gặp '}}'"),
        ("{{ x | upperx }}", "jinja.no_filter", "không có bộ lọc 'upperx'"),
        ("{{ x is fooo }}", "jinja.no_test", "không có phép thử 'fooo'"),
        ("{% %}", "jinja.tag_name", "thẻ lệnh thiếu tên"),
        ("{{ x ! }}", "jinja.unexpected_char", "ký tự không dùng được: '!'"),
        ("{{ }}", "jinja.expression", "thẻ thiếu biểu thức"),
        ("{{ x }", "jinja.unexpected", "'}' không đúng chỗ"),
    ],
)  # fmt: skip
def test_jinja_wording_is_recognised(source: str, key: str, vi: str) -> None:
    """Pinned against the installed Jinja: its English forms are said through the catalogue."""
    from jinja2 import TemplateSyntaxError

    from pipeline.render.compose import TemplateLibrary
    from pipeline.render.jinja_errors import jinja_reason

    with pytest.raises(TemplateSyntaxError) as caught:
        TemplateLibrary().environment().compile(source)
    reason = jinja_reason(caught.value.message)
    assert getattr(reason, "key", None) == key, caught.value.message
    assert vi in reason.describe("vi")  # type: ignore[attr-defined]
    assert reason.describe("en") != reason.describe("vi")  # type: ignore[attr-defined]


def test_unknown_jinja_wording_is_kept() -> None:
    from pipeline.render.jinja_errors import jinja_reason

    assert jinja_reason("something Jinja 4 says") == "something Jinja 4 says"
