"""`vanthu check` prepares each document's template as render does: a template render would
refuse (an office's block with an unclosed tag) fails its documents in check too, whether the
office keeps it in mau/ or names its folder with --templates, which check now reads (s49)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import REPO
from tests.new_office import new_office

UNCLOSED = "thẻ {{ chu_ky.ho_ten không được đóng trong cùng đoạn"


def broken_signature_block(folder: Path) -> Path:
    """khoi/ky-ten.docx in `folder`: vanthu's own with its signer's name tag left unclosed."""
    target = folder / "khoi" / "ky-ten.docx"
    target.parent.mkdir(parents=True)
    with zipfile.ZipFile(REPO / "templates" / "khoi" / "ky-ten.docx") as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:  # fmt: skip
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"{{ chu_ky.ho_ten }}", b"{{ chu_ky.ho_ten", 1)
            copy.writestr(item, data)
    return target


def vanthu(*args: str):
    result = CliRunner().invoke(main, ["--lang", "vi", *args])
    assert "Traceback" not in result.output
    return result


def test_check_reads_the_templates_folder_render_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = new_office(tmp_path, monkeypatch)
    broken_signature_block(tmp_path / "tpl")
    plan = next((office / "inputs").rglob("ke-hoach*.yaml"))
    assert vanthu("check").exit_code == 0  # the office's own templates: whole
    checked = vanthu("--templates", str(tmp_path / "tpl"), "check")
    rendered = vanthu("--templates", str(tmp_path / "tpl"), "render", str(plan))
    assert rendered.exit_code == 1 and UNCLOSED in rendered.output, rendered.output
    assert checked.exit_code == 1, checked.output
    assert UNCLOSED in checked.output and "Hợp lệ" not in checked.output, checked.output
    # Named after the data file it fails, as check names every file.
    assert f"Lỗi: {plan.relative_to(office)}: ke-hoach.docx, khoi/ky-ten.docx" in checked.output


def test_check_fails_a_document_of_a_broken_office_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = new_office(tmp_path, monkeypatch)
    broken_signature_block(office / "mau")
    checked = vanthu("check")
    assert checked.exit_code == 1 and UNCLOSED in checked.output, checked.output
    assert "bản riêng của cơ quan trong mau/" in checked.output


def test_check_says_a_data_file_linked_to_itself(tmp_path: Path, monkeypatch) -> None:
    """A symbolic link to itself: its error said after its name, never an internal error."""
    office = new_office(tmp_path, monkeypatch)
    loop = office / "inputs" / "vong.yaml"
    loop.symlink_to(loop.name)
    checked = vanthu("check", str(loop))
    assert checked.exit_code == 1, checked.output
    assert "vong.yaml: không đọc được tệp (đường dẫn có liên kết (symlink) vòng quanh" \
        in checked.output, checked.output
