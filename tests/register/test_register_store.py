"""The register's operations, the same on SQLite and PostgreSQL (no mocks)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.register import (
    Details,
    DuplicateNumberError,
    RegisterError,
    SequencePlan,
    Status,
    default_register_path,
    open_register,
    resolve_location,
)
from pipeline.register.checks import check_year
from pipeline.register.schema import LATEST

AGENCY = "vp-ubnd"


def qd(day: date, summary: str = "Quyết định khen thưởng") -> Details:
    return Details(doc_date=day, type_code="QĐ", symbol="QĐ-VPUBND", summary=summary,
                   signer="Nguyễn Văn A", recipients="Như Điều 3", archive="VT, TH", copies=5)


def test_schema_is_migrated_once(location: str) -> None:
    with open_register(location) as register:
        assert register.schema_version() == LATEST
    with open_register(location) as register:  # reopening applies nothing twice
        assert register.migrate() == LATEST
        rows = register.read(lambda tx: tx.all("SELECT version FROM schema_version"))
        assert rows == [(v,) for v in range(1, LATEST + 1)]


def test_allocate_records_every_column_and_numbers_with_leading_zero(location: str) -> None:
    with open_register(location) as register:
        first = register.allocate(AGENCY, qd(date(2026, 2, 3)), source="2026/qd-a.yaml")
        assert (first.number, first.reference, first.status) == (1, "01/QĐ-VPUBND",
                                                                  Status.PENDING)
        stored = register.entries(2026, AGENCY)[0]
        assert stored.details == qd(date(2026, 2, 3))
        assert stored.source == "2026/qd-a.yaml"


def test_same_source_gets_the_same_number(location: str) -> None:
    with open_register(location) as register:
        first = register.allocate(AGENCY, qd(date(2026, 2, 3)), source="a.yaml")
        register.allocate(AGENCY, qd(date(2026, 2, 3)), source="b.yaml")
        again = register.allocate(AGENCY, qd(date(2026, 2, 4)), source="a.yaml")
        assert again.number == first.number and not again.fresh and first.fresh
        with pytest.raises(RegisterError, match="a.yaml"):  # moved to another year: say so
            register.allocate(AGENCY, qd(date(2027, 1, 5)), source="a.yaml")


def test_year_rollover_starts_at_01_and_keeps_old_year(location: str) -> None:
    with open_register(location) as register:
        for day in (1, 2, 3):
            register.allocate(AGENCY, qd(date(2026, 12, 29 + day - 1)))
        new_year = register.allocate(AGENCY, qd(date(2027, 1, 1)))
        assert new_year.number == 1 and new_year.year == 2027
        late = register.allocate(AGENCY, qd(date(2026, 12, 31)))  # late entry of the old year
        assert late.number == 4
        assert register.counters(2026) == {(AGENCY, "chung"): 4}
        assert register.counters(2027) == {(AGENCY, "chung"): 1}
        assert [e.number for e in register.entries(2026)] == [1, 2, 3, 4]


def test_offices_and_sequences_are_numbered_apart(location: str) -> None:
    plan = SequencePlan.from_mapping({"QĐ": "quyet-dinh"})
    with open_register(location, plans={AGENCY: plan}) as register:
        decision = register.allocate(AGENCY, qd(date(2026, 3, 1)))
        plan_doc = register.allocate(AGENCY, Details(doc_date=date(2026, 3, 1), symbol="KH-VPUBND"))
        letter = register.allocate(AGENCY, Details(doc_date=date(2026, 3, 1), symbol="VPUBND-TH"))
        other = register.allocate("so-noi-vu", qd(date(2026, 3, 1)))
        assert (decision.sequence, decision.number) == ("quyet-dinh", 1)
        assert (plan_doc.sequence, plan_doc.number) == ("chung", 1)
        assert (letter.sequence, letter.number) == ("chung", 2)
        assert (other.sequence, other.number) == ("chung", 1)


def test_reserve_then_use_the_reserved_number(location: str) -> None:
    with open_register(location) as register:
        register.allocate(AGENCY, qd(date(2026, 4, 1)))
        kept = register.reserve(AGENCY, Details(note="giữ cho QĐ của Chủ tịch"), year=2026,
                                count=2)
        assert [(e.number, e.status) for e in kept] == [(2, Status.RESERVED), (3, Status.RESERVED)]
        assert register.allocate(AGENCY, qd(date(2026, 4, 2))).number == 4
        used = register.record(AGENCY, 2, qd(date(2026, 4, 3), "dùng số đã giữ"))
        assert used.status is Status.ISSUED and used.details.summary == "dùng số đã giữ"
        assert check_year(register, 2026).ok


def test_void_keeps_the_number_and_it_is_never_given_again(location: str) -> None:
    with open_register(location) as register:
        first = register.allocate(AGENCY, qd(date(2026, 4, 1)))
        voided = register.void(AGENCY, 2026, first.number, "in hỏng, ký lại số khác")
        assert voided.status is Status.VOID and voided.void_reason == "in hỏng, ký lại số khác"
        assert register.allocate(AGENCY, qd(date(2026, 4, 1))).number == 2
        with pytest.raises(RegisterError, match="đã bị hủy"):
            register.void(AGENCY, 2026, 1, "lần nữa")
        with pytest.raises(RegisterError, match="lý do"):
            register.void(AGENCY, 2026, 2, "  ")
        with pytest.raises(RegisterError, match="chưa được cấp"):
            register.void(AGENCY, 2026, 9, "chưa cấp")
        with pytest.raises(DuplicateNumberError):
            register.record(AGENCY, 1, qd(date(2026, 4, 1)))


def test_typed_duplicate_is_refused_naming_the_existing_row(location: str) -> None:
    with open_register(location) as register:
        register.record(AGENCY, 152, qd(date(2026, 6, 1), "Công nhận Lao động tiên tiến"),
                        source="2026/qd-ldtt.yaml")
        with pytest.raises(DuplicateNumberError) as caught:
            register.record(AGENCY, 152, qd(date(2026, 6, 9), "Tặng Giấy khen"),
                            source="2026/qd-giay-khen.yaml")
        message = caught.value.message()
        assert "152/QĐ-VPUBND" in message and "Công nhận Lao động tiên tiến" in message
        assert "2026/qd-ldtt.yaml" in message
        # a typed number lifts the counter: the register never hands 152 out again
        assert register.allocate(AGENCY, qd(date(2026, 6, 10))).number == 153


def test_check_finds_gaps_and_duplicates(location: str) -> None:
    with open_register(location) as register:
        for _ in range(3):
            register.allocate(AGENCY, qd(date(2026, 1, 5)))
        register.record(AGENCY, 7, qd(date(2026, 1, 6)))
        report = check_year(register, 2026)
        assert not report.ok
        assert [(g.start, g.end, g.numbers) for g in report.gaps] == [(4, 6, "04–06")]
        assert len(report.pending) == 3
        register.void(AGENCY, 2026, 4, "bỏ trống khi vào sổ tay")
        register.reserve(AGENCY, year=2026)  # 8: reserved, not a gap
        assert [(g.start, g.end) for g in check_year(register, 2026).gaps] == [(5, 6)]
        # the same số, ký hiệu in two sequences (a plan changed mid-year) is a duplicate
        register.record(AGENCY, 2, qd(date(2026, 1, 7)), sequence="quyet-dinh", open_run=True)
        report = check_year(register, 2026)
        assert [d.reference for d in report.duplicates] == ["02/QĐ-VPUBND"]


def test_numbering_confirms_on_success_and_voids_on_failure(location: str) -> None:
    with open_register(location) as register:
        with register.numbering(AGENCY, qd(date(2026, 7, 1)), source="ok.yaml") as entry:
            assert entry.status is Status.PENDING
        assert register.by_source(AGENCY, "ok.yaml").status is Status.ISSUED  # type: ignore[union-attr]
        with pytest.raises(OSError), register.numbering(AGENCY, qd(date(2026, 7, 1)),
                                                        source="bad.yaml"):
            raise OSError("disk full")
        failed = register.entry(AGENCY, 2026, 2)
        assert failed is not None and failed.status is Status.VOID
        # The printed sổ says why in a few words; the error (the clerk's to read) goes on.
        assert failed.void_reason == "dựng văn bản bị lỗi, số không dùng"
        # re-rendering the failed document gives a new number; the void one stays
        retry = register.allocate(AGENCY, qd(date(2026, 7, 1)), source="bad.yaml")
        assert retry.number == 3
        # a re-render of an issued document that fails does not void its number
        with pytest.raises(OSError), register.numbering(AGENCY, qd(date(2026, 7, 1)),
                                                        source="ok.yaml"):
            raise OSError("again")
        assert register.entry(AGENCY, 2026, 1).status is Status.ISSUED  # type: ignore[union-attr]


def test_location_resolution(tmp_path: Path) -> None:
    assert default_register_path(tmp_path) == tmp_path / "so-van-ban.sqlite3"
    env = {"VANTHU_DB": "postgresql://u@h/db"}
    assert resolve_location(None, root=tmp_path, environ=env) == "postgresql://u@h/db"
    assert resolve_location(None, root=tmp_path, environ={}) == tmp_path / "so-van-ban.sqlite3"
    assert resolve_location(tmp_path / "x.sqlite3", environ=env) == tmp_path / "x.sqlite3"
    assert resolve_location("postgres://a@b/c", environ={}) == "postgres://a@b/c"


def test_unreachable_server_is_one_message() -> None:
    with pytest.raises(RegisterError) as caught:
        open_register("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in caught.value.message()
    assert "không mở được sổ văn bản" in caught.value.message()


def test_find_by_reference_for_verify(location: str) -> None:
    with open_register(location) as register:
        register.allocate(AGENCY, qd(date(2026, 8, 1), "Quyết định A"))
        register.reserve(AGENCY, year=2026)
        [found] = register.by_reference(AGENCY, 2026, "01/QĐ-VPUBND")
        assert found.details.summary == "Quyết định A"
        assert register.by_reference(AGENCY, 2026, "01/KH-VPUBND") == []
        assert [e.number for e in register.by_reference(AGENCY, 2026, "02")] == [2]
        assert register.by_reference(AGENCY, 2026, "..../QĐ-VPUBND") == []
