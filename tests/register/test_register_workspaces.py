"""Clerks' workspaces sharing one register: a row names its data file and the workspace it is in.

Each clerk's `vanthu init` makes the same `inputs/2026/ke-hoach.yaml`; on a shared register
(PostgreSQL here, a real server: conftest.pg_server) the two are two documents with two
numbers. A workspace's identity is `dinh_danh` in vanthu.yaml, so a moved folder keeps its
numbers; a workspace's own register file names no workspace, as before; rows made before
registers named workspaces stay the documents' that made them.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.api import render_documents
from pipeline.cli import main
from pipeline.register import Details, open_register
from pipeline.register.backends import SqliteBackend
from pipeline.register.schema import LATEST, MIGRATIONS, VERSION_TABLE
from pipeline.register.store import Register
from pipeline.starters import write_starter
from pipeline.workspace.config import read_config
from pipeline.workspace.init import OfficeAnswers, init_workspace

TODAY = date(2026, 3, 2)
ANSWERS = OfficeAnswers(
    kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A", viet_tat="VPUBND"
)



@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)


def clerk(tmp_path: Path, name: str, register: str | None) -> Path:
    """A clerk's workspace made by `vanthu init`, numbering in `register` (vanthu.yaml)."""
    root = init_workspace(tmp_path / name, ANSWERS, today=TODAY).root
    if register is not None:
        config = root / "vanthu.yaml"
        config.write_text(config.read_text("utf-8") + f"so_van_ban: {register}\n", "utf-8")
    return root


def plan(root: Path, day: str = "21/04/2026", about: str | None = None) -> Path:
    """The workspace's inputs/2026/ke-hoach.yaml asking the register for its number."""
    return document(root, "ke-hoach", "ke-hoach", day, about)


def document(root: Path, name: str, kind: str, day: str, about: str | None = None) -> Path:
    """inputs/2026/<name>.yaml: the `kind` starter asking the register for its number."""
    path = root / "inputs" / "2026" / f"{name}.yaml"
    write_starter(kind, path, force=True, today=TODAY)
    text = re.sub(r"^so:[^\n#]*", "so: tu_dong  ", path.read_text("utf-8"), count=1, flags=re.M)
    text = re.sub(r"^ngay:[^\n#]*", f"ngay: {day}  ", text, count=1, flags=re.M)
    if about is not None:
        text = re.sub(r"^trich_yeu:[^\n]*", f"trich_yeu: {about}", text, count=1, flags=re.M)
    path.write_text(text, "utf-8")
    return path


def run(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    """`vanthu *args` in the workspace `root`."""
    monkeypatch.chdir(root)
    return CliRunner().invoke(main, list(args))


def render(root: Path, monkeypatch: pytest.MonkeyPatch, lang: str = "vi") -> Result:
    result = run(root, monkeypatch, "--lang", lang, "render", "inputs/2026/ke-hoach.yaml")
    assert result.exit_code == 0, result.output
    return result


def numbers(location: str) -> list[tuple[int, str | None, str | None]]:
    """(number, data file, workspace) of every 2026 row."""
    with open_register(location) as register:
        return [(e.number, e.source, e.workspace) for e in register.entries(2026)]


def identity(root: Path) -> str:
    found = read_config(root / "vanthu.yaml").dinh_danh
    assert found is not None
    return found


def test_init_gives_each_workspace_its_own_identity(tmp_path: Path) -> None:
    one, two = clerk(tmp_path, "clerk1", None), clerk(tmp_path, "clerk2", None)
    assert identity(one) != identity(two)
    # init --force over a workspace keeps the identity its register rows name
    again = init_workspace(one, ANSWERS, today=TODAY, force=True).root
    assert identity(again) == identity(one)


def test_two_clerks_same_file_name_get_two_numbers(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = clerk(tmp_path, "clerk1", shared), clerk(tmp_path, "clerk2", shared)
    plan(one, "21/04/2026")
    plan(two, "22/04/2026", "Tổ chức Hội nghị tổng kết năm 2026")
    assert "01/KH-VPUBND" in render(one, monkeypatch).output
    assert "02/KH-VPUBND" in render(two, monkeypatch).output
    source = "inputs/2026/ke-hoach.yaml"
    assert numbers(shared) == [(1, source, identity(one)), (2, source, identity(two))]
    # written again, each keeps its own number and its own row
    assert "01/KH-VPUBND" in render(one, monkeypatch).output
    assert "02/KH-VPUBND" in render(two, monkeypatch).output
    with open_register(shared) as register:
        rows = {e.workspace: e.details.doc_date for e in register.entries(2026)}
    assert rows == {identity(one): date(2026, 4, 21), identity(two): date(2026, 4, 22)}
    monkeypatch.chdir(one)
    check = CliRunner().invoke(main, ["so", "kiem-tra", "2026"])
    assert check.exit_code == 0 and "2 dòng" in check.output


def test_moved_workspace_keeps_its_numbers(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = clerk(tmp_path, "clerk1", shared)
    plan(one)
    assert "01/KH-VPUBND" in render(one, monkeypatch).output
    moved = tmp_path / "elsewhere" / "phong-van-thu"
    moved.parent.mkdir()
    shutil.move(str(one), moved)
    assert "01/KH-VPUBND" in render(moved, monkeypatch).output
    assert len(numbers(shared)) == 1


def test_workspace_made_before_identities_is_given_one_keeping_comments(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = clerk(tmp_path, "clerk1", shared)
    config = one / "vanthu.yaml"
    old = re.sub(r"^dinh_danh:[^\n]*\n", "", config.read_text("utf-8"), flags=re.M)
    old = old.replace("ten:", "# sổ dùng chung của văn phòng\nten:", 1)
    config.write_text(old, "utf-8")
    assert read_config(config).dinh_danh is None
    plan(one)
    result = render(one, monkeypatch)
    assert "đã ghi định danh thư mục làm việc vào vanthu.yaml" in result.output
    assert "giữ nguyên các dòng ghi chú" in result.output
    text = config.read_text("utf-8")
    assert "# sổ dùng chung của văn phòng" in text
    assert "# Thư mục làm việc vanthu của" in text  # init's comments, too
    assert "# tệp dữ liệu theo năm" in text
    assert numbers(shared) == [(1, "inputs/2026/ke-hoach.yaml", identity(one))]
    # given once: the next render neither writes it again nor says so
    again = render(one, monkeypatch)
    assert "định danh" not in again.output and "01/KH-VPUBND" in again.output
    assert config.read_text("utf-8") == text


def test_rows_made_before_workspaces_stay_their_documents(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row naming a data file but no workspace (made by an earlier vanthu): the workspace
    whose document it records keeps its number; the other clerk's file of that name gets its
    own, never the same one."""
    one, two = clerk(tmp_path, "clerk1", shared), clerk(tmp_path, "clerk2", shared)
    plan(one, "21/04/2026")
    plan(two, "22/04/2026", "Tổ chức Hội nghị tổng kết năm 2026")
    render(one, monkeypatch)
    with open_register(shared) as register:  # as an earlier vanthu left it: no workspace
        register.backend.run(lambda tx: tx.execute("UPDATE entries SET workspace = NULL"),
                             write=True)
    assert numbers(shared) == [(1, "inputs/2026/ke-hoach.yaml", None)]
    assert "02/KH-VPUBND" in render(two, monkeypatch).output  # not clerk1's 01
    assert "01/KH-VPUBND" in render(one, monkeypatch).output  # taken over by its own
    assert numbers(shared) == [(1, "inputs/2026/ke-hoach.yaml", identity(one)),
                               (2, "inputs/2026/ke-hoach.yaml", identity(two))]


def test_own_register_file_names_no_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default register, so-van-ban.sqlite3 in the workspace: rows as before."""
    one = clerk(tmp_path, "clerk1", None)
    plan(one)
    render(one, monkeypatch)
    location = str(one / "so-van-ban.sqlite3")
    assert numbers(location) == [(1, "inputs/2026/ke-hoach.yaml", None)]


def test_library_render_numbers_per_workspace(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = clerk(tmp_path, "clerk1", shared), clerk(tmp_path, "clerk2", shared)
    monkeypatch.chdir(tmp_path)
    first = render_documents([plan(one, "21/04/2026")])
    second = render_documents([plan(two, "22/04/2026", "Hội nghị")])
    assert [first[0].number, second[0].number] == ["01/KH-VPUBND", "02/KH-VPUBND"]


def test_version_1_register_is_migrated_and_its_rows_kept(tmp_path: Path) -> None:
    """A register made at schema version 1 (rows naming data files, no workspace)."""
    path = tmp_path / "cu.sqlite3"
    backend = SqliteBackend(path)

    def version_1(tx):  # type: ignore[no-untyped-def]
        tx.execute(VERSION_TABLE)
        for statement in MIGRATIONS[0].statements:
            tx.execute(statement.format(id=backend.id_column))
        tx.execute("INSERT INTO schema_version VALUES (1, 'v1', '2026-01-01T00:00:00+00:00')")

    backend.run(version_1, write=True)
    backend.close()
    details = Details(doc_date=date(2026, 4, 21), symbol="KH-VPUBND", summary="Kế hoạch x")
    old = SqliteBackend(path)
    old.run(lambda tx: tx.execute(
        "INSERT INTO counters VALUES ('vp', 2026, 'chung', 1)"), write=True)
    old.run(lambda tx: tx.execute(
        "INSERT INTO entries (agency, year, sequence, number, status, origin, doc_date, "
        "type_code, symbol, summary, source, created_at, updated_at) VALUES ('vp', 2026, "
        "'chung', 1, 'issued', 'register', '2026-04-21', 'KH', 'KH-VPUBND', 'Kế hoạch x', "
        "'inputs/2026/ke-hoach.yaml', 'x', 'x')"), write=True)
    old.close()
    with Register(SqliteBackend(path)) as register:
        assert register.schema_version() == LATEST
        # the workspace that made it (its own file: no workspace) keeps number 1
        assert register.allocate("vp", details, source="inputs/2026/ke-hoach.yaml").number == 1
        register.workspace = "vt-abc123def456"  # a workspace of another name: its own number
        other = Details(doc_date=date(2026, 4, 22), symbol="KH-VPUBND", summary="Khác")
        assert register.allocate("vp", other, source="inputs/2026/ke-hoach.yaml").number == 2


def build(root: Path, monkeypatch: pytest.MonkeyPatch, *flags: str) -> Result:
    result = run(root, monkeypatch, "--lang", "vi", "build", *flags)
    assert result.exit_code == 0, result.output
    return result


def test_two_clerks_build_their_own_numbers(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = clerk(tmp_path, "clerk1", shared), clerk(tmp_path, "clerk2", shared)
    plan(one, "21/04/2026")
    plan(two, "22/04/2026", "Tổ chức Hội nghị tổng kết năm 2026")
    build(one, monkeypatch)
    build(two, monkeypatch)
    build(one, monkeypatch, "--force")
    with open_register(shared) as register:
        rows = {e.workspace: (e.number, e.details.doc_date) for e in register.entries(2026)}
    assert rows == {identity(one): (1, date(2026, 4, 21)), identity(two): (2, date(2026, 4, 22))}


def test_identities_read_back_as_text(tmp_path: Path) -> None:
    """An identity of digits and 'e' would be a YAML number (1e10): never written so."""
    from pipeline.workspace.config import add_identity, identity_line, new_identity

    for _ in range(200):
        path = tmp_path / "vanthu.yaml"
        path.write_text(identity_line(), "utf-8")
        assert isinstance(read_config(path).dinh_danh, str)
        path.write_text("ten: x\n", "utf-8")
        assert read_config(path).dinh_danh is None
        assert read_config(path).model_copy().dinh_danh is None
        assert add_identity(path) == read_config(path).dinh_danh
    assert new_identity() != new_identity()
