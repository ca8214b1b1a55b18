"""A workspace copied from a colleague's (the same dinh_danh) is refused, a moved one is not;
a document numbered from one register is not renumbered from another (VANTHU_DB forgotten).

The shared register is PostgreSQL (conftest.pg_server, a real server); see
documents.place_workspace and documents.refuse_other_register.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.register import open_register
from pipeline.workspace.config import read_config
from tests.register.test_register_workspaces import clerk, identity, numbers, plan, run

DOC = "inputs/2026/ke-hoach.yaml"



@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    monkeypatch.delenv("VANTHU_DA_CHUYEN", raising=False)


def summaries(location: str) -> list[str | None]:
    with open_register(location) as register:
        return [e.details.summary for e in register.entries(2026)]


def copy_of(one: Path, name: str) -> Path:
    """`cp -r` of a colleague's workspace, outputs emptied, and a plan of its own."""
    copy = one.parent / name
    shutil.copytree(one, copy)
    shutil.rmtree(copy / "outputs")
    plan(copy, "22/04/2026", "Kiểm tra công tác văn thư năm 2026")
    return copy


def test_copied_workspace_on_the_same_machine_is_refused(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = clerk(tmp_path, "c1", shared)
    plan(one)
    assert "01/KH-VPUBND" in run(one, monkeypatch, "render", DOC).output
    copy = copy_of(one, "c3")
    for args in (["render", DOC], ["build"]):
        result = run(copy, monkeypatch, *args)
        assert result.exit_code == 1, result.output
        assert "cùng định danh" in result.output and str(one.resolve()) in result.output
        assert "xóa dòng dinh_danh" in result.output and "Traceback" not in result.output
    english = run(copy, monkeypatch, "--lang", "en", "render", DOC)
    assert "Delete the dinh_danh line" in english.output
    assert "P@ss" not in english.output
    # the colleague's row is untouched; the copy wrote nothing
    assert len(summaries(shared)) == 1 and "Kiểm tra" not in str(summaries(shared))
    assert not (copy / "outputs" / "2026" / "ke-hoach.docx").exists()
    # the way out: the copy's dinh_danh line deleted, vanthu gives it its own identity
    config = copy / "vanthu.yaml"
    config.write_text("".join(line for line in config.read_text("utf-8").splitlines(True)
                              if not line.startswith("dinh_danh")), "utf-8")
    result = run(copy, monkeypatch, "render", DOC)
    assert result.exit_code == 0 and "02/KH-VPUBND" in result.output, result.output
    assert identity(copy) != identity(one)
    assert "01/KH-VPUBND" in run(one, monkeypatch, "render", DOC).output
    assert sorted(n for n, _, _ in numbers(shared)) == [1, 2]


def test_copy_from_another_machine_is_refused_for_a_row_of_another_document(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = clerk(tmp_path, "c1", shared)
    plan(one)
    monkeypatch.setattr("socket.gethostname", lambda: "may-cua-chi-lan")
    assert run(one, monkeypatch, "render", DOC).exit_code == 0
    monkeypatch.setattr("socket.gethostname", lambda: "may-cua-anh-binh")
    copy = copy_of(one, "c3")
    shutil.rmtree(one)  # not on this machine
    result = run(copy, monkeypatch, "render", DOC)
    assert result.exit_code == 1, result.output
    assert "may-cua-chi-lan" in result.output and "VANTHU_DA_CHUYEN=1" in result.output
    assert len(summaries(shared)) == 1 and "Kiểm tra" not in str(summaries(shared))
    # a real move with an edited document: the clerk says so
    monkeypatch.setenv("VANTHU_DA_CHUYEN", "1")
    result = run(copy, monkeypatch, "render", DOC)
    assert result.exit_code == 0 and "01/KH-VPUBND" in result.output, result.output


def test_move_to_another_machine_is_settled_by_an_unchanged_document(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = clerk(tmp_path, "c1", shared)
    plan(one)
    monkeypatch.setattr("socket.gethostname", lambda: "may-cu")
    assert run(one, monkeypatch, "render", DOC).exit_code == 0
    monkeypatch.setattr("socket.gethostname", lambda: "may-moi")
    moved = tmp_path / "moi" / "c1"
    moved.parent.mkdir()
    shutil.move(str(one), moved)
    assert "01/KH-VPUBND" in run(moved, monkeypatch, "render", DOC).output
    # settled: now an edit of the document is its own
    plan(moved, "23/04/2026", "Kế hoạch đã sửa")
    result = run(moved, monkeypatch, "render", DOC)
    assert result.exit_code == 0 and "01/KH-VPUBND" in result.output, result.output


def test_moved_workspace_on_the_same_machine_keeps_its_numbers_in_build(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = clerk(tmp_path, "c1", shared)
    plan(one)
    assert run(one, monkeypatch, "build").exit_code == 0
    moved = tmp_path / "sub" / "c1-doiten"
    moved.parent.mkdir()
    shutil.move(str(one), moved)
    result = run(moved, monkeypatch, "build", "--force")
    assert result.exit_code == 0, result.output
    assert [n for n, _, _ in numbers(shared)] == [1]


def test_dinh_danh_with_a_stray_space_is_the_same_identity(tmp_path: Path) -> None:
    config = tmp_path / "vanthu.yaml"
    config.write_text('dinh_danh: "vt-9af1b9d3e503 "\n', "utf-8")
    assert read_config(config).dinh_danh == "vt-9af1b9d3e503"


def test_document_numbered_from_a_shared_register_is_not_renumbered_locally(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = clerk(tmp_path, "c5", None)
    plan(one)
    monkeypatch.setenv("VANTHU_DB", shared)
    assert "01/KH-VPUBND" in run(one, monkeypatch, "render", DOC).output
    manifest = json.loads((one / "outputs" / "2026" / "manifest.json").read_text("utf-8"))
    recorded = json.dumps(manifest, ensure_ascii=False)
    assert '"so_van_ban": "postgresql://' in recorded
    docx = (one / "outputs" / "2026" / "ke-hoach.docx").read_bytes()
    monkeypatch.delenv("VANTHU_DB")
    for args in (["render", DOC], ["build", "--force"]):
        result = run(one, monkeypatch, *args)
        assert result.exit_code == 1, result.output
        assert "đã được cấp số từ sổ văn bản postgresql://" in result.output
        assert "VANTHU_DB" in result.output and "Traceback" not in result.output
    assert not (one / "so-van-ban.sqlite3").exists()
    assert (one / "outputs" / "2026" / "ke-hoach.docx").read_bytes() == docx
    english = run(one, monkeypatch, "--lang", "en", "render", DOC)
    assert "was numbered from the register postgresql://" in english.output
    monkeypatch.setenv("VANTHU_DB", shared)
    assert "01/KH-VPUBND" in run(one, monkeypatch, "render", DOC).output


def test_workspace_own_register_file_is_the_same_after_a_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = clerk(tmp_path, "c1", None)
    plan(one)
    assert "01/KH-VPUBND" in run(one, monkeypatch, "render", DOC).output
    moved = tmp_path / "moved"
    shutil.move(str(one), moved)
    result = run(moved, monkeypatch, "render", DOC)
    assert result.exit_code == 0 and "01/KH-VPUBND" in result.output, result.output
