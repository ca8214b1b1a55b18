"""A workspace's folder named on the command line (findings r11a F11, r11b F10): `vanthu build
ws3` and `vanthu check ws3` take its data folder exactly as `cd ws3 && vanthu build`; vanthu.yaml
and scratch files beside it are never documents; outside any workspace build and check say so
and how to reach one; a report's warning names its file once."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.workspace import Workspace

INIT_FLAGS = ["--kieu", "hoi-dong-tdkt", "--dia-danh", "Sơn La", "--nguoi-ky", "Nguyễn Văn A",
              "--pho", "Lò Văn B"]  # fmt: skip
REPORT = Path("2022") / "bao-cao-tong-ket.yaml"


def run(cli: click.Group, *args: str, lang: str = "vi"):
    return CliRunner().invoke(cli, ["--lang", lang, *args], catch_exceptions=False)


@pytest.fixture()
def above(tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder above a workspace `ws3` made by `vanthu init ws3`, the working folder; the
    workspace holds a clerk's scratch YAML in nhap/ (no document)."""
    monkeypatch.chdir(tmp_path)
    made = run(cli, "init", "ws3", *INIT_FLAGS)
    assert made.exit_code == 0, made.output
    (tmp_path / "ws3" / "nhap").mkdir()
    (tmp_path / "ws3" / "nhap" / "ghi-chu.yaml").write_text("viec: goi dien\n", "utf-8")
    return tmp_path


def starters(workspace: Path) -> list[Path]:
    return sorted((workspace / "inputs").glob("20*/*.yaml"))


def test_build_of_the_workspace_folder_builds_it_as_from_inside(
    above: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = run(cli, "build", "ws3")
    assert built.exit_code == 0, built.output
    assert "loai" not in built.output and "vanthu.yaml" not in built.output
    assert "nhap" not in built.output
    (starter,) = starters(above / "ws3")
    year = starter.parent.name
    assert (above / "ws3" / "outputs" / year / f"{starter.stem}.docx").is_file()
    assert not (above / "outputs").exists()
    # The same build as from inside: nothing to do there, nothing removed.
    monkeypatch.chdir(above / "ws3")
    again = run(cli, "build")
    assert again.exit_code == 0, again.output
    assert "0 đã dựng, 1 không đổi, 0 lỗi" in again.output


def test_check_takes_a_workspace_folder_and_a_data_folder(above: Path, cli: click.Group) -> None:
    (starter,) = starters(above / "ws3")
    named = f"ws3/inputs/{starter.parent.name}/{starter.name}"
    for folder in ("ws3", "ws3/inputs", f"ws3/inputs/{starter.parent.name}"):
        done = run(cli, "check", folder)
        assert done.exit_code == 0, done.output
        assert done.output.splitlines() == [f"Hợp lệ: {named}"]
    # A file named beside its folder is checked once.
    both = run(cli, "check", "ws3", named)
    assert both.exit_code == 0, both.output
    assert both.output.splitlines() == [f"Hợp lệ: {named}"]


def test_check_from_inside_names_the_files_as_typed(
    above: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(above / "ws3")
    done = run(cli, "check")
    assert done.exit_code == 0, done.output
    (starter,) = starters(above / "ws3")
    assert done.output.splitlines() == [f"Hợp lệ: inputs/{starter.parent.name}/{starter.name}"]


def test_vanthu_yaml_is_never_a_document(above: Path, cli: click.Group) -> None:
    workspace = Workspace.containing(above / "ws3")
    listed = workspace.documents(workspace.root)
    assert listed and all(path.name != "vanthu.yaml" for path in listed)
    for command in ("check", "render"):
        done = run(cli, command, "ws3/vanthu.yaml")
        assert done.exit_code == 1
        assert "loai" not in done.output
        assert "tệp cài đặt của thư mục làm việc, không phải văn bản" in done.output
        assert "vanthu build ws3" in done.output
    english = run(cli, "check", "ws3/vanthu.yaml", lang="en")
    assert "holds a workspace's settings, not a document" in english.output


@pytest.mark.parametrize("command", ["build", "check"])
def test_outside_a_workspace_the_way_in_is_said(
    above: Path, cli: click.Group, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    done = run(cli, command)
    assert done.exit_code == 1
    assert "inputs: không tìm thấy thư mục đầu vào" not in done.output
    assert "không phải thư mục làm việc của vanthu" in done.output
    assert f"'cd ws3 && vanthu {command}'" in done.output
    assert f"'vanthu {command} ws3'" in done.output
    # A folder with no workspace in it: cd, name it, or make one.
    empty = above / "trong"
    empty.mkdir()
    monkeypatch.chdir(empty)
    alone = run(cli, command)
    assert alone.exit_code == 1
    assert "không phải thư mục làm việc của vanthu" in alone.output
    assert "vanthu init" in alone.output and f"vanthu {command} TÊN-THƯ-MỤC" in alone.output
    english = run(cli, command, lang="en")
    assert "is not a vanthu workspace" in english.output and "vanthu init" in english.output


def test_a_workspace_without_its_data_folder_still_says_the_folder(
    above: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(above / "ws3" / "inputs")
    monkeypatch.chdir(above / "ws3")
    done = run(cli, "build")
    assert done.exit_code == 1
    assert "inputs: không tìm thấy thư mục đầu vào" in done.output


def test_a_report_warning_names_its_file_once(inputs_copy: Path, cli: click.Group) -> None:
    shutil.rmtree(inputs_copy / "2021")
    report = str(inputs_copy / REPORT)
    for args in (["check", report], ["render", report, "-o", str(inputs_copy.parent / "bc.docx")]):
        done = run(cli, *args)
        assert done.exit_code == 0, done.output
        line = next(x for x in done.output.splitlines() if "không có số liệu" in x)
        assert line.count("bao-cao-tong-ket.yaml") == 1, line
        assert "bao-cao-tong-ket.yaml: dòng " in line
