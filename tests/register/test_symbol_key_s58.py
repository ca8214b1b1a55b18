"""One comparison of ký hiệu across the register (s58): rows.symbol_key, spaces and case aside.

`so huy` and `so cap --nguon` compared a ký hiệu without spaces nor case (rows.symbol_key), an
import and the book-keeping of a build without spaces only (same_symbol), `so kiem-tra`
as typed. One old sổ typing "01/nq-hđnd" in another run than the register's "01/NQ-HĐND" was
imported, and `so kiem-tra` passed with the two. Now every one of them compares as symbol_key.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.register import Details, open_register
from pipeline.register.checks import check_year
from pipeline.register.errors import RegisterImportError
from pipeline.register.rows import same_symbol
from pipeline.register.xlsx_import import import_register
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)
from tests.test_register_s49 import OFFICE, _no_env  # noqa: F401  (_no_env: autouse)
from tests.test_register_s51 import sheet


def test_same_symbol_is_symbol_key_of_both() -> None:
    assert same_symbol("QĐ-UBND", " qđ-ubnd ")
    assert same_symbol("QĐ - UBND", "QĐ-UBND")
    assert not same_symbol("HĐ-UBND", "HD-UBND")  # Đ and D: two types of Phụ lục III
    assert not same_symbol(None, "QĐ-UBND") and not same_symbol("QĐ-UBND", "")


def test_an_import_over_a_number_held_in_another_run_in_other_capitals_is_refused(
    location: str, tmp_path: Path,  # noqa: F811
) -> None:
    first = sheet(tmp_path / "a.xlsx", [("01/NQ-HĐND", date(2026, 1, 5), "Nghị quyết", "qppl")])
    again = sheet(tmp_path / "b.xlsx", [("01/nq-hđnd", date(2026, 1, 5), "Nghị quyết", "chung")])
    with open_register(location) as register:
        import_register(register, OFFICE, first)
        with pytest.raises(RegisterImportError) as refused:
            import_register(register, OFFICE, again)
        [error] = refused.value.errors
        assert error.key == "register.duplicate_other_run" and error.row == 3
        assert len(register.entries(2026)) == 1  # nothing imported


def test_kiem_tra_finds_one_number_in_two_runs_spelt_in_other_capitals(
    location: str,  # noqa: F811
) -> None:
    with open_register(location) as register:
        register.record(OFFICE, 2, Details(doc_date=date(2026, 1, 6), symbol="QĐ-VPUBND",
                                           summary="Khen thưởng"))  # fmt: skip
        register.record(OFFICE, 2, Details(doc_date=date(2026, 1, 7), symbol="qđ-vpubnd",
                                           summary="Khen thưởng 2"),
                        sequence="quyet-dinh", open_run=True)  # fmt: skip
        report = check_year(register, 2026)
        assert [len(d.entries) for d in report.duplicates] == [2]
        assert not report.ok
