"""Files named as the clerk reads them (explore r10a F7/F8, r10b F5/F7): render's warnings after
the data file's name as check and build give them, inputs shown relative to the working folder
however they were typed, a taken typed number at the line of its `so:`, and a fault of the
office's own template copy said to be the copy in mau/."""

from __future__ import annotations

from pathlib import Path

import click
import docx
import pytest

from tests.test_daily_findings import _decision, _line_of, _run, xa

__all__ = ["xa"]  # the fixture, used by name


def test_render_names_the_file_of_each_warning_as_check_does(xa: Path, cli: click.Group) -> None:
    data = _decision(cli, xa, "qd-cn", ngay="01/03/2026")  # a Sunday
    name = data.relative_to(xa).as_posix()
    line = _line_of(data, "ngay")
    result = _run(cli, "render", name)
    assert result.exit_code == 0, result.output
    sunday = [x for x in result.stderr.splitlines() if "Chủ nhật" in x]
    assert sunday == [f"Cảnh báo: {name}: dòng {line}, trường 'ngay': ngày 01/03/2026 là Chủ "
                      "nhật: kiểm tra lại ngày văn bản"], result.stderr


def test_render_shows_an_input_typed_absolute_relative_to_the_working_folder(
    xa: Path, cli: click.Group
) -> None:
    data = _decision(cli, xa, "qd-abs")
    name = data.relative_to(xa).as_posix()
    result = _run(cli, "render", str(data.resolve()))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Đã dựng {name} → outputs/"), result.output


def test_a_typed_number_another_document_holds_is_refused_at_the_line_of_so(
    xa: Path, cli: click.Group
) -> None:
    first = _decision(cli, xa, "qd-mot", so="tu_dong")
    assert _run(cli, "render", str(first)).exit_code == 0
    second = _decision(cli, xa, "qd-hai", so="1", trich_yeu="Về việc khác hẳn")
    line = _line_of(second, "so")
    name = second.relative_to(xa).as_posix()
    for command in ("check", "render"):
        result = _run(cli, command, name)
        assert result.exit_code == 1, result.output
        assert f"Lỗi: {name}, dòng {line}, trường 'so': số 01/" in result.stderr, result.stderr


def test_a_fault_of_the_office_s_template_copy_says_it_is_the_copy_in_mau(
    xa: Path, cli: click.Group
) -> None:
    data = _decision(cli, xa, "qd-mau")
    assert _run(cli, "templates", "copy", "quyet-dinh").exit_code == 0
    copy = xa / "mau" / "quyet-dinh.docx"
    document = docx.Document(str(copy))
    document.add_paragraph("Điện thoại: {{ so_dien_thoai }}")
    document.save(str(copy))
    result = _run(cli, "render", data.relative_to(xa).as_posix())
    assert result.exit_code == 1, result.output
    assert "Lỗi: quyet-dinh.docx, bản riêng của cơ quan trong mau/, đoạn " in result.stderr, (
        result.stderr
    )
    assert "'so_dien_thoai'" in result.stderr


def test_build_names_a_document_once_whether_its_message_names_it_relatively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # r10a F8: "Lỗi: /abs/…/x.yaml: inputs/2026/x.yaml, dòng 3: …" named the file twice.
    from pipeline.batch.progress import located

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "inputs" / "2026" / "x.yaml"
    assert located(path, "inputs/2026/x.yaml, dòng 3: sai") == "inputs/2026/x.yaml, dòng 3: sai"
    assert located(path, "ds.csv, dòng 4: sai") == "inputs/2026/x.yaml: ds.csv, dòng 4: sai"
