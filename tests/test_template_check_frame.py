"""templates check on the frame's styles, missing styles, stray files in mau/ and --templates."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import TemplateError
from pipeline.i18n import set_language
from pipeline.render.compose import TemplateLibrary, builtin_templates
from pipeline.render.engine import Engine
from pipeline.template_tools.check import STYLE_ELEMENTS, check_templates
from tests.office_templates import builtin_check_report, office_folder


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def _edit(path: Path, part: str, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members[part] = change(members[part].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)




def _style(xml: str, style_id: str, change) -> str:  # type: ignore[no-untyped-def]
    pattern = re.compile(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', re.DOTALL)
    return pattern.sub(lambda m: change(m[0]), xml, count=1)


def test_builtin_templates_have_no_errors() -> None:
    report = builtin_check_report()
    assert report.ok, [p for p in report.problems if not p.warning]


def test_style_table_names_frame_styles() -> None:
    styles = (builtin_templates() / "khung.docx").read_bytes()
    with zipfile.ZipFile(builtin_templates() / "khung.docx") as archive:
        styles = archive.read("word/styles.xml")
    for style in STYLE_ELEMENTS:
        assert f'w:styleId="{style}"'.encode() in styles


def test_frame_style_fault_reported_once_at_khung(tmp_path: Path) -> None:
    folder = office_folder(tmp_path, "khung")

    def plain_left(style: str) -> str:
        style = re.sub(r"<w:b/>|<w:bCs/>", "", style)
        return re.sub(r'<w:jc w:val="center"/>', '<w:jc w:val="left"/>', style)

    _edit(folder / "khung.docx", "word/styles.xml", lambda x: _style(x, "TenLoai", plain_left))
    report = check_templates(TemplateLibrary([folder]))
    errors = [p for p in report.problems if not p.warning]
    assert {p.template for p in errors} == {"khung"}
    rules = {p.params["rule"] for p in errors}
    assert {"ten_loai.bold", "ten_loai.align"} <= rules
    assert all("TenLoai" in p.where for p in errors)
    # the unchanged templates are not blamed for the frame's change
    assert not [p for p in report.problems if p.key == "tpl.style_drift"]


def test_renamed_style_said_once_and_refused_by_render(tmp_path: Path) -> None:
    folder = office_folder(tmp_path, "quyet-dinh")
    _edit(
        folder / "quyet-dinh.docx", "word/document.xml",
        lambda x: x.replace('w:val="TenLoai"/>', 'w:val="TenLoai1"/>'),
    )  # fmt: skip
    library = TemplateLibrary([folder])
    report = check_templates(library, ["quyet-dinh"])
    problems = [p for p in report.problems if not p.warning]
    assert [p.key for p in problems] == ["tpl.style_missing"]
    assert problems[0].params["style"] == "TenLoai1"
    assert "TenLoai'" in str(problems[0].params["hint"])
    with pytest.raises(TemplateError) as caught:
        Engine(library).prepare("quyet-dinh")
    assert caught.value.key == "tpl.style_missing"


def test_frame_margins_not_blamed_on_type_template(tmp_path: Path) -> None:
    folder = office_folder(tmp_path, "quyet-dinh")
    _edit(
        folder / "quyet-dinh.docx", "word/document.xml",
        lambda x: re.sub(r'w:left="\d+"', 'w:left="1440"', x),
    )  # fmt: skip
    report = check_templates(TemplateLibrary([folder]), ["quyet-dinh"])
    assert not [p for p in report.problems if p.params.get("rule") == "page.margin"]


def test_frame_without_page_number(tmp_path: Path) -> None:
    folder = office_folder(tmp_path, "khung")
    with zipfile.ZipFile(folder / "khung.docx") as archive:
        headers = [n for n in archive.namelist() if n.startswith("word/header")]
    for part in headers:
        _edit(folder / "khung.docx", part, lambda x: x.replace("PAGE", "DATE"))
    report = check_templates(TemplateLibrary([folder]), ["khung"])
    assert "so_trang.missing" in {p.params.get("rule") for p in report.problems}


def test_misnamed_and_empty_files_in_mau(tmp_path: Path) -> None:
    folder = office_folder(tmp_path)
    shutil.copy(builtin_templates() / "quyet-dinh.docx", folder / "quyet_dinh.docx")
    (folder / "khoi").mkdir()
    (folder / "khoi" / "empty.docx").write_bytes(b"")
    library = TemplateLibrary([folder])
    unused = dict(library.unmatched())
    assert unused[folder / "quyet_dinh.docx"] == "quyet-dinh"
    Engine(library).prepare("quyet-dinh")  # the stray block blocks no render
    report = check_templates(library)
    keys = {(p.template, p.key) for p in report.problems}
    assert ("quyet_dinh", "tpl.unused_override") in keys
    assert ("khoi/empty", "tpl.unreadable") in keys


def test_templates_option_given_a_file(tmp_path: Path) -> None:
    file = tmp_path / "x.docx"
    file.write_bytes(b"x")
    runner = CliRunner()
    vi = runner.invoke(main, ["--lang", "vi", "--templates", str(file), "templates", "list"])
    missing = runner.invoke(
        main, ["--lang", "vi", "--templates", str(tmp_path / "no"), "templates", "list"]
    )
    en = runner.invoke(main, ["--lang", "en", "--templates", str(file), "templates", "list"])
    assert vi.exit_code == missing.exit_code == en.exit_code == 1
    assert "không phải tệp" in vi.output
    assert "not a file" in en.output
