"""An office's Excel sổ whose Ghi chú says a number is kept aside ("Giữ số", "Để trống"): imported
as a reserved number, not as an issued document.

A clerk's sổ without vanthu's Trạng thái column says a number held for a document not yet issued
in Ghi chú alone; `so nhap` recorded it as issued (a document that never existed, and the
number never free for the document it was kept for). It is now a reserved row (as `so giu`
makes one), said once per sheet with the rows, and `so vao-so` fills it in when the document
is issued. Ghi chú saying something else ("Giữ số liệu gốc", "Giữ sổ tại văn phòng") stays the
clerk's note on an issued number.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.register import open_register
from pipeline.register.columns import printed_note, reserved_from_note
from pipeline.register.model import Status
from pipeline.register.xlsx_import import import_register
from tests.test_register_r12a_import import OFFICE, ROWS, sheet_file


def _with_notes(notes: dict[int, str], extra: list[list[Any]] | None = None
                ) -> list[list[Any]]:
    """ROWS (and `extra` rows after them) with Ghi chú (column 10) of the rows numbered as
    the keys."""
    rows = [[*r, *[None] * (10 - len(r))] for r in [*ROWS, *(extra or [])]]
    for number, note in notes.items():
        rows[number - 1][9] = note
    return rows


# Two numbers kept aside after the eight issued ones: no date, no trích yếu, as a clerk leaves it.
KEPT_ASIDE = [["09", None, None, None], ["10/QĐ-UBND", None, None, None]]


@pytest.mark.parametrize("note", ["Giữ số", "giữ số", "Giu so", "Số giữ", "để trống",
                                  "GIỮ SỐ", "Số để trống", "Giữ số 09"])
def test_a_number_kept_aside_in_ghi_chu_is_imported_as_reserved(tmp_path: Path,
                                                                  note: str) -> None:
    path = sheet_file(tmp_path / "so.xlsx", _with_notes({9: note}, KEPT_ASIDE[:1]))
    with open_register(tmp_path / "so.sqlite3") as register:
        result = import_register(register, OFFICE, path, today=date(2027, 1, 1))
        rows = {e.number: e for e in register.entries(2026)}
    assert (rows[9].status, rows[9].details.note) == (Status.RESERVED, None)
    assert printed_note(rows[9]) == "Giữ số"
    assert all(rows[n].status is Status.ISSUED for n in range(1, 9))
    # Said once, at its sheet and rows; a number kept aside is not "a row without a date".
    assert [w.key for w in result.warnings] == ["register.imported_reserved"]
    [said] = result.warnings
    assert (said.sheet, said.params["rows"], said.params["numbers"]) == ("Sổ đi", "11", "09")


def test_what_follows_the_words_stays_the_note_and_other_notes_stay_issued(
    tmp_path: Path
) -> None:
    notes = {
        2: "Giữ số liệu gốc tại phòng",  # data kept: an issued document's note
        3: "Giữ sổ tại văn phòng",  # the book, not a number
        4: "Số giữ nguyên theo QĐ cũ",
        9: "Giữ số (chờ ký Quyết định khen thưởng)",
        10: "Đã giữ số cho Quyết định phê duyệt",
    }
    path = sheet_file(tmp_path / "so.xlsx", _with_notes(notes, KEPT_ASIDE))
    with open_register(tmp_path / "so.sqlite3") as register:
        result = import_register(register, OFFICE, path, today=date(2027, 1, 1))
        rows = {e.number: e for e in register.entries(2026)}
    assert {n: (rows[n].status, rows[n].details.note) for n in (2, 3, 4, 9, 10)} == {
        2: (Status.ISSUED, "Giữ số liệu gốc tại phòng"),
        3: (Status.ISSUED, "Giữ sổ tại văn phòng"),
        4: (Status.ISSUED, "Số giữ nguyên theo QĐ cũ"),
        9: (Status.RESERVED, "chờ ký Quyết định khen thưởng"),
        10: (Status.RESERVED, "cho Quyết định phê duyệt"),
    }
    assert printed_note(rows[10]) == "Giữ số; cho Quyết định phê duyệt"
    [said] = [w for w in result.warnings if w.key == "register.imported_reserved"]
    assert (said.params["count"], said.params["rows"]) == (2, "11, 12")


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("Giữ số", (None,)),
        ("Giu so: cho QD 12", ("cho QD 12",)),
        ("Để trống", (None,)),
        ("Số bỏ trống", (None,)),
        ("Số được giữ lại", (None,)),
        ("Giữ số 04", (None,)),
        ("Giữ số 05 cho UBND huyện", None),  # another number's
        ("Giữ số liệu", None),
        ("Sở giữ bản gốc", None),
        ("Hủy số", None),
        (None, None),
    ],
)
def test_how_ghi_chu_says_a_number_kept_aside(note: str | None,
                                              said: tuple[str | None] | None) -> None:
    assert reserved_from_note(note, 4) == said


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_so_nhap_says_it_and_so_vao_so_fills_the_number_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    path = sheet_file(tmp_path / "so.xlsx", _with_notes({9: "Giữ số"}, KEPT_ASIDE[:1]))
    db = str(tmp_path / "so.sqlite3")
    imported = vanthu("--lang", "vi", "so", "--db", db, "--co-quan", OFFICE, "nhap", str(path))
    assert imported.exit_code == 0, imported.output
    text = " ".join(imported.output.split())
    assert "Sổ đi" in text and "dòng 11" in text, text
    assert "đã nhập là số giữ (09), không phải số đã cấp" in text
    assert "vanthu so vao-so 09" in text
    english = vanthu("--lang", "en", "so", "--db", str(tmp_path / "en.sqlite3"), "--co-quan",
                     OFFICE, "nhap", str(path))
    assert "imported as reserved numbers (09), not as issued ones" in " ".join(
        english.output.split()), english.output
    filled = vanthu("so", "--db", db, "--co-quan", OFFICE, "vao-so", "09", "--ngay",
                    "02/06/2026", "--ky-hieu", "QĐ-UBND", "--trich-yeu", "Quyết định khen thưởng")
    assert filled.exit_code == 0, filled.output
    with open_register(db) as register:
        row = register.entry(OFFICE, 2026, 9)
    assert row is not None and row.status is Status.ISSUED
    assert row.details.summary == "Quyết định khen thưởng"
