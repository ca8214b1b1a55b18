"""The register runs in date order: kiem-tra warns of a number dated before a lower one, an
allocation says when its number is dated before the last one, and a typed number may not skip
numbers without being asked to; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.register import Details, RegisterError, open_register
from pipeline.register.checks import check_year
from pipeline.register.documents import typed_number_holder
from pipeline.register.store import holds_for

AGENCY = "vp-ubnd"


def kh(day: date, summary: str = "Kế hoạch") -> Details:
    return Details(doc_date=day, type_code="KH", symbol="KH-VPUBND", summary=summary)


def test_check_warns_of_a_number_dated_before_a_lower_one(location: str) -> None:
    with open_register(location) as register:
        register.allocate(AGENCY, kh(date(2026, 12, 25), "cuối năm"), source="a.yaml")
        register.allocate(AGENCY, kh(date(2026, 1, 5), "đầu năm"), source="b.yaml")
        register.allocate(AGENCY, kh(date(2026, 12, 26), "sau"), source="c.yaml")
        report = check_year(register, 2026)
        assert report.ok  # a warning: the exit code does not change
        assert [(o.entry.number, o.earlier.number) for o in report.out_of_order] == [(2, 1)]


def test_check_passes_over_void_rows(location: str) -> None:
    with open_register(location) as register:
        register.allocate(AGENCY, kh(date(2026, 12, 25)), source="a.yaml")
        register.allocate(AGENCY, kh(date(2026, 1, 5)), source="b.yaml")
        register.void(AGENCY, 2026, 1, "sai ngày")
        assert check_year(register, 2026).out_of_order == []


def test_out_of_order_names_the_last_number_before(location: str) -> None:
    with open_register(location) as register:
        first = register.allocate(AGENCY, kh(date(2026, 3, 1)), source="a.yaml")
        later = register.allocate(AGENCY, kh(date(2026, 2, 1)), source="b.yaml")
        assert register.out_of_order(first) is None
        earlier = register.out_of_order(later)
        assert earlier is not None and earlier.number == 1
        same_day = register.allocate(AGENCY, kh(date(2026, 2, 1)), source="c.yaml")
        assert register.out_of_order(same_day) is None
        register.void(AGENCY, 2026, 2, "nhầm")
        assert register.out_of_order(same_day) is not None  # void 02 aside: 01 is the last


def test_record_refuses_to_skip_numbers_unless_allowed(location: str) -> None:
    with open_register(location) as register:
        register.allocate(AGENCY, kh(date(2026, 1, 5)), source="a.yaml")
        with pytest.raises(RegisterError) as caught:
            register.record(AGENCY, 152, kh(date(2026, 6, 1)), allow_gap=False)
        message = caught.value.message()
        assert "02–151" in message and "--bo-qua-so" in message
        assert [e.number for e in register.entries(2026)] == [1]
        assert register.counters(2026)[(AGENCY, "chung")] == 1  # nothing written
        assert register.record(AGENCY, 2, kh(date(2026, 1, 6)), allow_gap=False).number == 2
        with pytest.raises(RegisterError, match="04"):
            register.record(AGENCY, 4, kh(date(2026, 1, 7)), allow_gap=False)
        assert register.record(AGENCY, 152, kh(date(2026, 6, 1)), allow_gap=True).number == 152


def test_source_numbers_reads_live_and_void_numbers(location: str) -> None:
    with open_register(location) as register:
        register.allocate(AGENCY, kh(date(2026, 1, 5)), source="a.yaml")
        register.void(AGENCY, 2026, 1, "sai")
        register.allocate(AGENCY, kh(date(2026, 1, 5)), source="a.yaml")
        held = register.source_numbers()
        assert held.live == {(AGENCY, "a.yaml"): 2}
        assert held.void == {(AGENCY, "a.yaml", 1)}


def test_a_typed_number_held_for_another_document(location: str) -> None:
    with open_register(location) as register:
        register.record(AGENCY, 1, Details(doc_date=date(2026, 3, 1), symbol="QĐ-VPUBND",
                                           summary="QĐ ghi tay"))
        register.allocate(AGENCY, kh(date(2026, 3, 2)), source="kh.yaml")
        register.allocate(AGENCY, Details(), source=None, year=2026)  # bare `so cap`
        register.record(AGENCY, 4, Details(doc_date=date(2026, 3, 2), symbol="KH-VPUBND"))
        mine = kh(date(2026, 3, 2))
        holder = typed_number_holder(register, AGENCY, 1, mine, "kh-tay.yaml")
        assert holder is not None and holder.details.summary == "QĐ ghi tay"
        # another data file's number; its own
        assert typed_number_holder(register, AGENCY, 2, mine, "kh-tay.yaml") is not None
        assert typed_number_holder(register, AGENCY, 2, mine, "kh.yaml") is None
        # rows without a data file: nothing recorded, or the same date and type
        assert typed_number_holder(register, AGENCY, 3, mine, "kh-tay.yaml") is None
        assert typed_number_holder(register, AGENCY, 4, mine, "kh-tay.yaml") is None
        other_day = kh(date(2026, 3, 3))
        assert typed_number_holder(register, AGENCY, 4, other_day, "kh-tay.yaml") is not None
        assert typed_number_holder(register, AGENCY, 9, mine, "kh-tay.yaml") is None  # not held
        register.void(AGENCY, 2026, 4, "nhầm")
        void = register.entry(AGENCY, 2026, 4)
        assert void is not None and not holds_for(void, mine, "kh-tay.yaml")
