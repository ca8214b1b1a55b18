"""A renamed or moved data file that asks for `so: tu_dong` keeps its number; kiem-tra warns of
issued numbers whose data file is gone.

Workspaces are made by the library's own `init_workspace`, as `vanthu init` makes them; the
register is the `location` fixture's (SQLite file or PostgreSQL database) through VANTHU_DB.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.register import Details, Status, open_register
from pipeline.register.location import data_file_exists
from pipeline.starters import write_starter
from pipeline.workspace.init import OfficeAnswers, init_workspace

TODAY = date(2026, 3, 2)
ANSWERS = OfficeAnswers(
    kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A", viet_tat="VPUBND"
)


@pytest.fixture()
def location(tmp_path: Path) -> str:
    """A register file of the workspace: only there are its rows' data files the workspace's
    (a shared PostgreSQL register never adopts: test_shared_register_never_adopts)."""
    return str(tmp_path / "so-van-ban.sqlite3")


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, location: str) -> Path:
    """A fresh workspace (the current folder) numbering in the `location` register."""
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    monkeypatch.chdir(made.root)
    monkeypatch.setenv("VANTHU_DB", location)
    return made.root


def plan(root: Path, name: str = "ke-hoach.yaml") -> Path:
    """A Kế hoạch data file asking the register for its number."""
    path = root / "inputs" / "2026" / name
    write_starter("ke-hoach", path, force=True, today=TODAY)
    text = re.sub(r"^so:[^\n#]*", "so: tu_dong  ", path.read_text("utf-8"), count=1,
                  flags=re.M)  # fmt: skip
    assert "so: tu_dong" in text
    path.write_text(text, "utf-8")
    return path


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def render(path: Path) -> Result:
    result = vanthu("render", str(path))
    assert result.exit_code == 0, result.output
    return result


def rows(location: str) -> list[tuple[int, Status, str | None]]:
    with open_register(location) as register:
        return [(e.number, e.status, e.source) for e in register.entries(2026)]


def test_renamed_file_keeps_its_number(root: Path, location: str) -> None:
    old = plan(root)
    assert "01/KH-VPUBND" in render(old).output
    new = old.with_name("ke-hoach-tdkt-2026.yaml")
    old.rename(new)
    assert "01/KH-VPUBND" in render(new).output
    assert rows(location) == [(1, Status.ISSUED, "inputs/2026/ke-hoach-tdkt-2026.yaml")]
    result = vanthu("so", "kiem-tra", "2026")
    assert result.exit_code == 0 and "không còn" not in result.output
    # Rendered again under its new name: still the same number, still one row.
    assert "01/KH-VPUBND" in render(new).output
    assert len(rows(location)) == 1


def test_moved_file_keeps_its_number(root: Path, location: str) -> None:
    old = plan(root)
    render(old)
    new = root / "inputs" / "2026" / "kh" / "ke-hoach.yaml"
    new.parent.mkdir()
    old.rename(new)
    assert "01/KH-VPUBND" in render(new).output
    assert rows(location) == [(1, Status.ISSUED, "inputs/2026/kh/ke-hoach.yaml")]


def test_copy_is_numbered_anew(root: Path, location: str) -> None:
    old = plan(root)
    render(old)
    copy = old.with_name("ke-hoach-ban-sao.yaml")
    shutil.copy(old, copy)
    assert "02/KH-VPUBND" in render(copy).output
    assert rows(location) == [
        (1, Status.ISSUED, "inputs/2026/ke-hoach.yaml"),
        (2, Status.ISSUED, "inputs/2026/ke-hoach-ban-sao.yaml"),
    ]


def test_changed_document_is_numbered_anew(root: Path, location: str) -> None:
    old = plan(root)
    render(old)
    new = old.with_name("ke-hoach-khac.yaml")
    text = old.read_text("utf-8")
    new.write_text(re.sub(r"^trich_yeu:.*$", "trich_yeu: Kế hoạch khác", text, count=1,
                          flags=re.M), "utf-8")  # fmt: skip
    old.unlink()
    # It may be the old one renamed and edited, or a new one beside one dropped: render, as
    # build, refuses to guess (test_register_rename_edit), and gives both ways out.
    refused = vanthu("render", str(new))
    assert refused.exit_code != 0
    assert "chưa cấp số: số 01/KH-VPUBND ngày " in refused.output
    assert " (cùng loại văn bản) đã cấp cho " in refused.output
    assert "inputs/2026/ke-hoach.yaml" in refused.output and "ghi so: 01" in refused.output
    assert not list((root / "outputs").rglob("ke-hoach-khac*.docx"))
    assert vanthu("so", "huy", "01", "--nam", "2026", "--ly-do", "bỏ").exit_code == 0
    assert "02/KH-VPUBND" in render(new).output


def test_two_candidates_are_not_guessed_between(root: Path, location: str) -> None:
    first = plan(root)
    render(first)
    second = first.with_name("ke-hoach-2.yaml")
    shutil.copy(first, second)
    render(second)
    first.unlink()
    second.unlink()
    third = plan(root, "ke-hoach-3.yaml")
    refused = vanthu("render", str(third))  # neither is guessed: both are named
    assert refused.exit_code != 0 and "01/KH-VPUBND (inputs/2026/ke-hoach.yaml)" in refused.output
    assert "02/KH-VPUBND (inputs/2026/ke-hoach-2.yaml)" in refused.output
    assert "so huy 01" in refused.output and "so huy 02" in refused.output
    # Once the clerk says they were dropped, the new one takes the next number.
    for number in ("01", "02"):
        assert vanthu("so", "huy", number, "--nam", "2026", "--ly-do", "bỏ").exit_code == 0
    assert "03/KH-VPUBND" in render(third).output
    assert [r[2] for r in rows(location)] == [
        "inputs/2026/ke-hoach.yaml", "inputs/2026/ke-hoach-2.yaml", "inputs/2026/ke-hoach-3.yaml"
    ]  # fmt: skip
    result = vanthu("so", "kiem-tra", "2026")
    assert result.exit_code == 0, result.output
    assert "tệp dữ liệu" not in result.output and "03/KH-VPUBND" not in result.output


def test_check_warns_of_a_deleted_data_file(root: Path, location: str) -> None:
    path = plan(root)
    render(path)
    path.unlink()
    result = vanthu("so", "kiem-tra", "2026")
    assert result.exit_code == 0, result.output  # a warning, not a failure
    assert (
        "Cảnh báo: số 01/KH-VPUBND: tệp dữ liệu inputs/2026/ke-hoach.yaml không còn; nếu đã bỏ "
        "văn bản, hãy hủy số: vanthu so huy 01 --nam 2026 --ly-do ...; nếu tệp đã đổi tên, dựng "
        "lại chỉ giữ số khi loại, ngày và trích yếu không đổi (đã sửa trích yếu thì ghi so: 01 "
        "vào tệp mới để giữ số)"
    ) in result.output
    assert "không thiếu số, không trùng số" in result.output
    english = vanthu("--lang", "en", "so", "kiem-tra", "2026")
    assert english.exit_code == 0
    assert "the data file inputs/2026/ke-hoach.yaml is gone" in english.output
    # The command it suggests voids that number; then nothing is left to warn of.
    assert vanthu("so", "huy", "01", "--nam", "2026", "--ly-do", "bỏ").exit_code == 0
    assert "không còn" not in vanthu("so", "kiem-tra", "2026").output


def test_build_keeps_the_number_of_a_renamed_file(root: Path, location: str) -> None:
    old = plan(root)
    assert vanthu("build").exit_code == 0
    new = old.with_name("ke-hoach-tdkt-2026.yaml")
    old.rename(new)
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert rows(location) == [(1, Status.ISSUED, "inputs/2026/ke-hoach-tdkt-2026.yaml")]


def test_register_without_a_workspace_does_not_adopt(location: str, tmp_path: Path) -> None:
    details = Details(doc_date=date(2026, 1, 5), symbol="KH-VPUBND", summary="Kế hoạch A")
    with open_register(location) as register:
        first = register.allocate("vp", details, source="inputs/2026/a.yaml")
        register.confirm(first)
        assert register.allocate("vp", details, source="inputs/2026/b.yaml").number == 2
    with open_register(location, source_exists=data_file_exists(tmp_path)) as register:
        # a.yaml is absent from tmp_path too: a workspace's register takes its number over.
        adopted = register.allocate("vp", details, source="inputs/2026/c.yaml")
        assert (adopted.number, adopted.fresh) == (1, False)
        assert adopted.source == "inputs/2026/c.yaml"
        (tmp_path / "inputs" / "2026").mkdir(parents=True)
        (tmp_path / "inputs" / "2026" / "c.yaml").write_text("", "utf-8")
        # A pending number (b.yaml) is another document being written: never taken over.
        assert register.allocate("vp", details, source="inputs/2026/d.yaml").number == 3


def test_shared_register_never_adopts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_server
) -> None:
    """Another clerk's data file is missing from this workspace by nature: a shared register
    numbers a renamed file anew, never taking a number over; kiem-tra warns of this clerk's own
    row whose file is gone (finding r8a F6), with the one way out there is: voiding it."""
    shared = pg_server.new_database()
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    monkeypatch.chdir(made.root)
    monkeypatch.setenv("VANTHU_DB", shared)
    old = plan(made.root)
    assert "01/KH-VPUBND" in render(old).output
    new = old.with_name("ke-hoach-tdkt-2026.yaml")
    old.rename(new)
    assert "02/KH-VPUBND" in render(new).output
    result = vanthu("so", "kiem-tra", "2026")
    assert (
        "số 01/KH-VPUBND: tệp dữ liệu inputs/2026/ke-hoach.yaml của thư mục làm việc này không "
        "còn (sổ dùng chung: tệp đổi tên được cấp số mới, không giữ số cũ)"
    ) in result.output, result.output
    assert "02/KH-VPUBND" not in result.output
