"""A field of runs (trich_yeu, ket_thuc, duong_ke_*) printed otherwise than `{{r field }}`:
refused when the template is prepared (render, build, templates check), never written, and a
document holding a run inside a <w:t> not passed by verify."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import InputError, TemplateError
from pipeline.render.engine import RUN_IN_TEXT, Engine
from pipeline.render.fragments import RICH_FIELDS
from pipeline.render.structure import rich_field_fault

REPO = Path(__file__).resolve().parents[1]


def _edit(path: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode()
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new, 1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("{{ trich_yeu }}", "{{r trich_yeu }}"),
        ("{{ trich_yeu|upper }}", "{{r trich_yeu }}"),
        ("{{r trich_yeu|truncate(30) }}", "{{r trich_yeu }}"),
        ("{{ trich_yeu|title }}", "{{r trich_yeu }}"),
        ("Kết: {{ ket_thuc }}", "{{r ket_thuc }}"),
        ("{{ duong_ke_co_quan }}", "{{r duong_ke_co_quan }}"),
        ("{{p ke_hoach.trich_yeu }}", "{{r ke_hoach.trich_yeu }}"),
        ("{{r trich_yeu ~ '.' }}", "{{r trich_yeu }}"),
    ],
)
def test_rich_field_printed_otherwise_is_a_fault(text: str, fix: str) -> None:
    found = rich_field_fault(text)
    assert found is not None and found["fix"] == fix


@pytest.mark.parametrize(
    "text",
    ["{{r trich_yeu }}", "{{r ke_hoach.trich_yeu }}", "{{r duong_ke_trich_yeu}}",
     "{{ trich_yeu_x }}", "{{ so_ky_hieu }}", "{% if trich_yeu %}x{% endif %}",
     "{{ 'trich_yeu' }}", "{{ ten_loai }}"],
)  # fmt: skip
def test_rich_field_printed_with_r_is_fine(text: str) -> None:
    assert rich_field_fault(text) is None


def test_rich_fields_are_printed_with_r_in_builtin_templates() -> None:
    for path in (REPO / "templates").rglob("*.docx"):
        xml = zipfile.ZipFile(path).read("word/document.xml").decode()
        for field in RICH_FIELDS:
            assert f"{{{{ {field}" not in xml, path


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("{{r trich_yeu }}", "{{ trich_yeu|upper }}", "trich_yeu"),
        ("{{r trich_yeu }}", "{{ trich_yeu }}", "trich_yeu"),
        ("{{r ket_thuc }}", "{{ ket_thuc }}", "ket_thuc"),
    ],
)
def test_prepare_refuses_rich_field_without_r(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    root = tmp_path / "templates"
    shutil.copytree(REPO / "templates", root)
    _edit(root / "ke-hoach.docx", old, new)
    with pytest.raises(TemplateError) as caught:
        Engine(root).prepare("ke-hoach")
    assert caught.value.key == "tpl.rich_field"
    message = caught.value.message("vi")
    assert "ke-hoach.docx" in message and new in message and f"{{{{r {field} }}}}" in message


def test_shared_block_rule_without_r_refused(tmp_path: Path) -> None:
    root = tmp_path / "templates"
    shutil.copytree(REPO / "templates", root)
    _edit(root / "khoi" / "dau-trang.docx", "{{r duong_ke_co_quan }}", "{{ duong_ke_co_quan }}")
    with pytest.raises(TemplateError) as caught:
        Engine(root).prepare("ke-hoach")
    assert caught.value.key == "tpl.rich_field"
    assert "{{r duong_ke_co_quan }}" in caught.value.message("en")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copy(REPO / "vanthu.yaml", ws)
    shutil.copytree(REPO / "inputs", ws / "inputs")
    return ws


def _run(ws: Path, *args: str):
    old = Path.cwd()
    os.chdir(ws)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


def test_check_and_build_refuse_office_copy(workspace: Path) -> None:
    assert _run(workspace, "templates", "copy", "ke-hoach").exit_code == 0
    copy = next(workspace.rglob("ke-hoach.docx"))
    _edit(copy, "{{r trich_yeu }}", "{{ trich_yeu|upper }}")
    checked = _run(workspace, "templates", "check")
    assert checked.exit_code != 0
    assert "{{ trich_yeu|upper }}" in checked.output and "{{r trich_yeu }}" in checked.output
    built = _run(workspace, "build")
    assert built.exit_code != 0
    assert not list((workspace / "outputs").rglob("ke-hoach*.docx"))
    assert list((workspace / "outputs").rglob("qd-*.docx"))  # the other types are built


def test_output_with_run_in_text_is_never_written(tmp_path: Path) -> None:
    assert RUN_IN_TEXT.search(b'<w:p><w:r><w:t xml:space="preserve"><w:r><w:t>x</w:t>')
    assert RUN_IN_TEXT.search(b"<w:t><w:r><w:drawing/></w:r></w:t>")
    assert RUN_IN_TEXT.search(b'<w:t xml:space="preserve"><W:R>X</W:R></w:t>')
    assert not RUN_IN_TEXT.search(b'<w:t xml:space="preserve">a &lt;w:r&gt;</w:t><w:tab/>')
    assert not RUN_IN_TEXT.search(b'<w:r><w:t xml:space="preserve"/></w:r><w:r><w:t>a</w:t></w:r>')
    prepared = Engine().prepare("ke-hoach")
    with pytest.raises(TemplateError) as caught:
        prepared._refuse_run_in_text(b'<w:p><w:r><w:t>V/v <w:r><w:t>abc</w:t></w:r></w:t></w:r>')
    assert caught.value.key == "render.run_in_text"
    assert "ke-hoach.docx" in caught.value.message("vi")


def _docx_with(tmp_path: Path, inner: str) -> Path:
    source = REPO / "templates" / "ke-hoach.docx"
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(source) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body><w:p>{inner}</w:p>'
        "<w:sectPr/></w:body></w:document>"
    ).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("element", ["w:r", "w:drawing"])
def test_verify_refuses_markup_inside_text(tmp_path: Path, element: str) -> None:
    from pipeline.verify.reader import read_document

    inner = f"<w:r><w:t>Kế hoạch <{element}><w:t>Triển khai</w:t></{element}></w:t></w:r>"
    with pytest.raises(InputError) as caught:
        read_document(_docx_with(tmp_path, inner))
    message = caught.value.message("en")
    assert element in message and "Kế hoạch" in message
    read_document(_docx_with(tmp_path, "<w:r><w:t>Kế hoạch</w:t></w:r>"))  # a sound one reads
