"""A workspace moving its sổ to a shared register (`so xuat` from its own register file, `so
nhap` into the one in use): the rows of its own export name the workspace, as the numbers
vanthu gave it there would; another sổ's rows are not claimed.

The register in use is another SQLite file (outside the workspace folder, so shared) and a
real PostgreSQL database (conftest.location). The import is `vanthu so nhap` run in the
workspace, with vanthu.yaml naming the register in use.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result

from pipeline.register import open_register
from pipeline.workspace.init import OfficeAnswers, init_workspace
from tests.register.test_register_workspaces import ANSWERS, TODAY, clerk, document, identity, run

OFFICE = "van-phong-ubnd-tinh-son-la"


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    monkeypatch.delenv("VANTHU_DA_CHUYEN", raising=False)


def vanthu(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str, code: int = 0) -> Result:
    result = run(root, monkeypatch, "--lang", "en", *args)
    assert result.exit_code == code, result.output
    return result


def typed(root: Path, name: str, number: int, day: str) -> Path:
    """inputs/2026/<name>.yaml: a Kế hoạch typing its own number (so: `number`)."""
    path = document(root, name, "ke-hoach", day)
    text = re.sub(r"^so:[^\n#]*", f"so: {number}  ", path.read_text("utf-8"), count=1,
                  flags=re.M)
    path.write_text(text, "utf-8")
    return path


def export_own(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The workspace's own register file's 2026, exported as README says to move it over."""
    vanthu(root, monkeypatch, "so", "--db", "so-van-ban.sqlite3", "xuat", "2026", "-o",
           "so-cu-2026.xlsx")
    return root / "so-cu-2026.xlsx"


def import_into(root: Path, monkeypatch: pytest.MonkeyPatch, sheet: Path,
                office: str = OFFICE) -> None:
    """`vanthu so nhap` of `sheet` run in workspace `root`, into the register in use (the one
    its vanthu.yaml names: point_at)."""
    vanthu(root, monkeypatch, "so", "--co-quan", office, "nhap", str(sheet))


def point_at(root: Path, location: str) -> None:
    config = root / "vanthu.yaml"
    config.write_text(config.read_text("utf-8") + f"so_van_ban: {location}\n", "utf-8")


def moved_over(tmp_path: Path, location: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clerk who numbered x.yaml (01) and y.yaml (02) from its own register file and typed
    03 in t.yaml, then moved the sổ to the register at `location`."""
    root = clerk(tmp_path, "c", None)
    document(root, "x", "cong-van", "02/04/2026")
    document(root, "y", "thong-bao", "03/04/2026")
    vanthu(root, monkeypatch, "build")
    typed(root, "t", 3, "06/04/2026")
    vanthu(root, monkeypatch, "build")
    point_at(root, location)
    import_into(root, monkeypatch, export_own(root, monkeypatch))
    return root


def owners(location: str) -> dict[str, str | None]:
    """data file → the workspace its 2026 row names."""
    with open_register(location) as register:
        return {e.source: e.workspace for e in register.entries(2026) if e.source is not None}


def test_own_export_names_the_workspace(
    tmp_path: Path, location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = moved_over(tmp_path, location, monkeypatch)
    mine = identity(root)
    assert owners(location) == {"inputs/2026/x.yaml": mine, "inputs/2026/y.yaml": mine,
                                "inputs/2026/t.yaml": mine}


def test_typed_number_imported_is_the_documents_own(
    tmp_path: Path, location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = moved_over(tmp_path, location, monkeypatch)
    forced = vanthu(root, monkeypatch, "build", "--force")
    assert "already in the register" not in forced.output
    assert "another workspace" not in forced.output
    # edited, it keeps the number it types, its row updated
    typed(root, "t", 3, "07/04/2026")
    edited = vanthu(root, monkeypatch, "build")
    assert "another" not in edited.output, edited.output
    with open_register(location) as register:
        row = next(e for e in register.entries(2026) if e.source == "inputs/2026/t.yaml")
    assert (row.number, row.details.doc_date) == (3, date(2026, 4, 7))


def test_check_counts_imported_rows_as_the_workspaces_own(
    tmp_path: Path, location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = moved_over(tmp_path, location, monkeypatch)
    vanthu(root, monkeypatch, "build")
    (root / "inputs" / "2026" / "y.yaml").unlink()
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    said = " ".join(checked.output.split())
    assert "other workspaces" not in said, said
    # its own row whose data file is gone is checked here, not left to another workspace
    assert "02/TB-VPUBND" in said and "inputs/2026/y.yaml" in said


def test_a_removed_imported_document_is_voided_in_the_register_in_use(
    tmp_path: Path, location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build's warning for y.yaml removed names the register it moved to (no --db of the
    old file, whose manifest entry the unchanged builds never rewrote)."""
    root = moved_over(tmp_path, location, monkeypatch)
    vanthu(root, monkeypatch, "build")
    (root / "inputs" / "2026" / "y.yaml").unlink()
    said = " ".join(vanthu(root, monkeypatch, "build").output.split())
    assert "inputs/2026/y.yaml: its output was removed" in said, said
    assert "vanthu so huy 02 --nam 2026" in said and "--db" not in said, said


def test_another_clerks_sheet_is_not_claimed(
    tmp_path: Path, location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sổ of another clerk of the office, its data files named as this workspace's (x.yaml
    numbered 01, another day): imported here, its rows name no workspace, and stay the
    documents' that they record (the other clerk's, once it numbers in this register)."""
    root = clerk(tmp_path, "c", None)
    document(root, "x", "cong-van", "02/04/2026")
    vanthu(root, monkeypatch, "build")
    other = clerk(tmp_path, "other", None)
    document(other, "x", "cong-van", "03/04/2026")
    vanthu(other, monkeypatch, "build")
    sheet = export_own(other, monkeypatch)
    point_at(root, location)
    import_into(root, monkeypatch, sheet)
    assert owners(location) == {"inputs/2026/x.yaml": None}
    # the other clerk's document keeps its number in the register it moves to
    point_at(other, location)
    document(other, "x", "cong-van", "03/04/2026", "V/v báo cáo tháng 4")
    vanthu(other, monkeypatch, "build")
    assert owners(location) == {"inputs/2026/x.yaml": identity(other)}


def test_another_offices_sheet_is_not_claimed(
    tmp_path: Path, location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = moved_over(tmp_path, location, monkeypatch)
    answers = OfficeAnswers(kieu="van-phong", dia_danh="Lai Châu", nguoi_ky="Trần Văn B",
                            viet_tat="VPUBND")
    other = init_workspace(tmp_path / "lai-chau", answers, today=TODAY).root
    document(other, "x", "cong-van", "02/04/2026")
    vanthu(other, monkeypatch, "build")
    with open_register(str(other / "so-van-ban.sqlite3")) as theirs:
        (office,) = theirs.agencies()
    assert office != OFFICE and ANSWERS.dia_danh != answers.dia_danh
    profile = f"inputs/co-quan/{office}.yaml"  # so nhap numbers for an office it knows
    (root / profile).write_bytes((other / profile).read_bytes())
    import_into(root, monkeypatch, export_own(other, monkeypatch), office)
    with open_register(location) as register:
        rows = {(e.agency, e.source): e.workspace for e in register.entries(2026)}
    assert rows[(office, "inputs/2026/x.yaml")] is None
    assert rows[(OFFICE, "inputs/2026/x.yaml")] == identity(root)
