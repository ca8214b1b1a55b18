"""templates check on the header block (khoi/dau-trang: Quốc hiệu and Tiêu ngữ every document
prints from it) and on a phôi whose name field has no width (Word's Width: Auto)."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.api import Renderer
from pipeline.cli import main
from pipeline.context.giay_khen import ACHIEVEMENT_STYLE, NAME_STYLE, UNIT_STYLE
from pipeline.errors import TemplateError
from pipeline.i18n import set_language
from pipeline.render.compose import TemplateLibrary, builtin_templates
from pipeline.render.structure import SIZED_FIELDS
from pipeline.template_tools.check import check_templates
from pipeline.verify import verify_file
from pipeline.workspace import Workspace
from tests.test_giay_khen import CERTIFICATE, LIST, example_rows, workspace

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
RULE_TAG = "{{r duong_ke_tieu_ngu }}"
NAME_FRAME = '<w:framePr w:w="13437" w:h="794" w:hRule="exact"'


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def _office_copy(folder: Path, name: str, change: Callable[[str], str]) -> Path:
    """The built-in template `name` copied into the office's folder, its body edited."""
    target = folder / f"{name}.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(builtin_templates() / f"{name}.docx", target)
    with zipfile.ZipFile(target) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    xml = members["word/document.xml"].decode("utf-8")
    edited = change(xml)
    assert edited != xml, "the edit must change the template"
    members["word/document.xml"] = edited.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return target


def _without_paragraph(xml: str, text: str) -> str:
    """`xml` without the paragraph whose text is `text`."""
    return re.sub(
        r"<w:p\b(?:(?!<w:p\b).)*?" + re.escape(text) + r".*?</w:p>", "", xml, count=1,
        flags=re.DOTALL,
    )  # fmt: skip


def _doan(xml: str) -> str:
    """A Đoàn's header: its own name in the Quốc hiệu's place, no Tiêu ngữ."""
    return _without_paragraph(xml.replace(QUOC_HIEU, "ĐOÀN TNCS HỒ CHÍ MINH"), TIEU_NGU)


def _errors(folder: Path, name: str) -> list[tuple[str, str]]:
    report = check_templates(TemplateLibrary([folder]), [name])
    return [(p.template, p.params.get("rule", p.key)) for p in report.problems if not p.warning]


# --- the header block ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["dau-trang", "dau-kem-theo", "ky-ten", "kinh-gui"])
def test_shipped_blocks_pass_with_their_tags(name: str) -> None:
    """The number, date and agency are tags in the block: nothing is missing from it."""
    report = verify_file(builtin_templates() / "khoi" / f"{name}.docx", template=True)
    assert report.violations == []


def test_a_replaced_quoc_hieu_fails_templates_check_at_the_block(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    _office_copy(folder, "khoi/dau-trang", _doan)
    report = check_templates(TemplateLibrary([folder]), ["khoi/dau-trang"])
    errors = [p for p in report.problems if not p.warning]
    assert not report.ok
    assert [(p.template, p.params["rule"]) for p in errors] == [
        ("khoi/dau-trang", "quoc_hieu.missing"),
        ("khoi/dau-trang", "tieu_ngu.missing"),
    ]
    # said where the Quốc hiệu should stand, quoting what stands there instead
    assert "hàng 1, ô 2" in errors[0].where
    assert "«ĐOÀN TNCS HỒ CHÍ MINH»" in errors[0].params["line"]
    assert QUOC_HIEU in errors[0].params["line"]
    assert TIEU_NGU in errors[1].params["line"]


def test_templates_check_command_names_the_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "vanthu.yaml").write_text("du_lieu: inputs\n", encoding="utf-8")
    (tmp_path / "inputs").mkdir()
    _office_copy(tmp_path / "mau", "khoi/dau-trang", _doan)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["templates", "check"])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if "quoc_hieu.missing" in line]
    assert len(lines) == 1
    assert lines[0].startswith("khoi/dau-trang.docx, ")
    assert "Traceback" not in result.output


def test_a_misspelt_quoc_hieu_or_tieu_ngu_is_quoted(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    _office_copy(
        folder, "khoi/dau-trang",
        lambda x: x.replace("CỘNG HÒA", "CỘNG HOÀ").replace("Tự do - Hạnh", "Tự do-Hạnh"),
    )  # fmt: skip
    assert _errors(folder, "khoi/dau-trang") == [
        ("khoi/dau-trang", "quoc_hieu.text"),
        ("khoi/dau-trang", "tieu_ngu.text"),
    ]


def test_a_removed_tieu_ngu_or_its_rule(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _office_copy(first, "khoi/dau-trang", lambda x: _without_paragraph(x, TIEU_NGU))
    assert _errors(first, "khoi/dau-trang") == [("khoi/dau-trang", "tieu_ngu.missing")]
    _office_copy(second, "khoi/dau-trang", lambda x: _without_paragraph(x, "duong_ke_tieu_ngu"))
    assert _errors(second, "khoi/dau-trang") == [("khoi/dau-trang", "tieu_ngu.rule")]


def test_any_block_holding_a_header_table_is_checked(tmp_path: Path) -> None:
    """Not khoi/dau-trang by name: khoi/dau-kem-theo heads the parts a decision issues."""
    folder = tmp_path / "mau"
    _office_copy(folder, "khoi/dau-kem-theo", _doan)
    assert _errors(folder, "khoi/dau-kem-theo") == [
        ("khoi/dau-kem-theo", "quoc_hieu.missing"),
        ("khoi/dau-kem-theo", "tieu_ngu.missing"),
    ]


def test_an_office_header_with_the_quoc_hieu_kept_passes(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    # an office's own edit that keeps the national parts (a tag retyped without spaces)
    _office_copy(
        folder, "khoi/dau-trang", lambda x: x.replace("{{ so_ky_hieu }}", "{{so_ky_hieu}}")
    )
    assert _errors(folder, "khoi/dau-trang") == []


# --- a phôi's name field without a width --------------------------------------------------


def _auto_width(xml: str) -> str:
    return xml.replace(NAME_FRAME, '<w:framePr w:h="794" w:hRule="exact"', 1)


def test_sized_fields_are_the_names_the_context_fits() -> None:
    assert SIZED_FIELDS == (NAME_STYLE, UNIT_STYLE, ACHIEVEMENT_STYLE)


def test_templates_check_names_the_field_not_a_row(tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    _office_copy(folder, "giay-khen", _auto_width)
    report = check_templates(TemplateLibrary([folder]), ["giay-khen"])
    errors = [p for p in report.problems if not p.warning]
    assert [p.key for p in errors] == ["tpl.form_field_no_width"]
    assert errors[0].params["style"] == "GiayKhenTen"
    assert "«{{r gk.ten }}»" in errors[0].where
    assert "mau/" in errors[0].where  # the office's copy
    assert " 237 mm" in str(errors[0].params["width"])  # centred on A4 landscape, as shipped


def test_a_phoi_without_width_is_refused_before_any_row(tmp_path: Path) -> None:
    rows = example_rows()
    rows[2] = {**rows[2], "Họ và tên": ("Ban Chỉ đạo phong trào thi đua " * 4).strip()}
    source = workspace(tmp_path, rows, CERTIFICATE)
    _office_copy(tmp_path / "mau", "giay-khen", _auto_width)
    ws = Workspace.containing(source)
    with pytest.raises(TemplateError) as caught:
        Renderer(ws).render(ws.load(source))
    assert caught.value.key == "tpl.form_field_no_width"
    assert "giay-khen.docx" in caught.value.location()
    assert "Width: Exactly 237 mm" in str(caught.value)


def test_cli_render_and_check_blame_the_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    _office_copy(tmp_path / "mau", "giay-khen", _auto_width)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    checked = runner.invoke(main, ["templates", "check", "giay-khen"])
    rendered = runner.invoke(main, ["--lang", "en", "render", str(source)])
    assert checked.exit_code == 1, checked.output
    assert "GiayKhenTen" in checked.output and "Width: Exactly" in checked.output
    assert rendered.exit_code != 0
    assert "GiayKhenTen has no fixed width" in rendered.output
    for output in (checked.output, rendered.output):
        assert LIST.name not in output and "Traceback" not in output
