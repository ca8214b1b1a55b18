"""vanthu templates: list, fields, and check with located messages for broken templates."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

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
    path = root / f"{template}.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml, old
    parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
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
