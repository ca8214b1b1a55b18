"""The load's per-document short cuts (issue 13) give what the longer way gave."""

from __future__ import annotations

import dataclasses
import inspect
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from pipeline.awards import Entry, Group, read_award_list
from pipeline.load import read_log
from pipeline.load.spreadsheet.fields import resolve_fields
from pipeline.load.spreadsheet.header import (
    Header,
    _header_lookup,
    _is_column_numbering,
    scan_header,
)
from pipeline.load.spreadsheet.row import Row
from pipeline.rules.basis_lines import basis_lines
from pipeline.rules.cited_decrees import other_law_cited, stale_basis
from pipeline.rules.words import money_in_words
from pipeline.text.tones import same_spelling
from pipeline.workspace import Workspace


@pytest.mark.parametrize("cls", [Row, Entry])
def test_written_out_init_takes_the_dataclass_fields(cls: type) -> None:
    """Row and Entry write their __init__ out (a frozen dataclass's sets each field through
    object.__setattr__): it takes the fields dataclass would, in order, with their defaults,
    and sets every field, those it does not take to their default."""
    fields = dataclasses.fields(cls)
    taken = [f for f in fields if f.init]
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [p.name for p in parameters] == [f.name for f in taken]
    for parameter, field in zip(parameters, taken, strict=True):
        missing = field.default is dataclasses.MISSING
        assert parameter.default == (inspect.Parameter.empty if missing else field.default)
        assert parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    values = {f.name: object() for f in taken}
    made = cls(**values)
    assert {f.name: getattr(made, f.name) for f in taken} == values
    for field in fields:
        if not field.init:
            assert field.default_factory is not dataclasses.MISSING
            assert getattr(made, field.name) == field.default_factory()
    assert set(vars(made)) == {f.name for f in fields}
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, taken[0].name, None)


def test_each_row_has_its_own_parsed_cells() -> None:
    header = Header(3, {"ho_ten": 2}, {"ho_ten": "Họ và tên"})
    first, second = (Row(n, {"ho_ten": "An"}, "ds.xlsx", None, header) for n in (4, 5))
    first.parsed["so_tien"] = 1
    assert second.parsed == {}
    assert dataclasses.replace(first, number=6).parsed == {}


def test_group_total_is_its_entries_sum(repo: Path) -> None:
    priced = read_award_list(repo / "inputs/2021/danh-sach-ldtt-2021.xlsx", date(2021, 12, 20))
    entries = priced.groups[0].entries
    group = Group(priced.groups[0].award, entries)
    assert "total" not in vars(group)
    assert group.total == sum(e.amount for e in entries) > 0
    assert vars(group)["total"] == group.total  # kept, and asked again: the same
    unpriced = tuple(dataclasses.replace(e, reward=None) for e in entries)
    assert Group(group.award, unpriced).total == 0


def test_recipient_is_worked_out_once_and_kept() -> None:
    """Entry.recipient (a cached property without cached_property's lock) gives the duplicate
    check's key, works it out on the first ask only, and is the descriptor on the class."""
    entry = Entry("Cầm Thị  Lan", "", "Phòng Tổ chức – Hành chính", "Giấy khen", False, None, "", 4)
    assert "recipient" not in vars(entry)
    first = entry.recipient
    assert first == (False, same_spelling("Cầm Thị  Lan"), same_spelling(entry.unit))
    assert vars(entry)["recipient"] is first
    vars(entry)["recipient"] = marker = (True, "kept", "")
    assert entry.recipient is marker  # read back, not worked out again
    descriptor = Entry.__dict__["recipient"]
    assert Entry.recipient is descriptor  # asked of the class: the property itself
    same = Entry("cầm thị lan", "", "phòng tổ chức-hành chính", "Giấy khen", False, None, "", 9)
    assert same.recipient == first


def test_a_listed_entry_keeps_the_recipient_entry_recipient_works_out(repo: Path) -> None:
    """read_award_list works each entry's recipient out as it makes the entry (the duplicate
    check asks it at once): what Entry.recipient gives, kept where it keeps it."""
    listed = read_award_list(repo / "inputs/2021/danh-sach-ldtt-2021.xlsx", date(2021, 12, 20))
    assert listed.entries
    for entry in listed.entries:
        again = dataclasses.replace(entry)
        assert "recipient" in vars(entry) and "recipient" not in vars(again)
        assert entry.recipient == again.recipient
        assert list(vars(entry)) == list(vars(again))  # the fields, then the recipient


def test_header_rows_are_kept_by_their_text_and_row() -> None:
    """What a row of text says as a header is kept by the lookup it was read with: the same
    rows give the same header, at the row they are at; a row holding a number (1 is True, as
    a key) is read each time."""
    fields = resolve_fields(("ho_ten", "danh_hieu"), ("don_vi",), {})
    lookup = _header_lookup(fields)
    rows = [["DANH SÁCH", None], ["Họ và tên", "Danh hiệu", "Đơn vị"]]
    first = scan_header(list(enumerate(rows, 1)), fields)
    again = scan_header(list(enumerate([list(r) for r in rows], 1)), fields)
    assert first == again and first.header is again.header is not None
    assert first.header.row == 2 and first.header.columns == {
        "ho_ten": 1, "danh_hieu": 2, "don_vi": 3}  # fmt: skip
    lower = scan_header(list(enumerate([["x"], *rows], 1)), fields)
    assert lower.header is not None and lower.header.row == 3 and lower.header != first.header
    numbered = [1, "Họ và tên", "Danh hiệu"]
    assert scan_header([(1, numbered)], fields).header == Header(
        1, {"ho_ten": 2, "danh_hieu": 3}, {"ho_ten": "Họ và tên", "danh_hieu": "Danh hiệu"})
    assert tuple(numbered) not in lookup.rows
    assert (True, "Họ và tên", "Danh hiệu") not in lookup.rows
    missing = scan_header([(1, ["Họ và tên"]), (2, ["Họ và tên", "Đơn vị"])], fields)
    assert missing.header is None and missing.best_row == 2
    assert missing.best_texts == ["Họ và tên", "Đơn vị"]


def test_a_column_numbering_row_holds_marks_only() -> None:
    assert _is_column_numbering(["(1)", "(2)", None, "(3)"])
    assert _is_column_numbering([1.0, 2.0, "", "C"])
    assert not _is_column_numbering(["(1)", None])  # one mark: a row of its own
    assert not _is_column_numbering([1.0, "Nguyễn Văn An", "(3)"])
    assert not _is_column_numbering(["(1)", "(2)", "Ghi chú"])


LAW_2003 = "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"
DECREE_91 = "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017"


def test_cited_laws_are_read_once_per_line_and_told_per_day() -> None:
    """What a căn cứ line cites is kept by the line (the documents of a workspace repeat
    theirs): each day is still told against its own law and decree, in either order, and a
    line typed in another Unicode form reads alike."""
    lines = [LAW_2003, DECREE_91]
    old, new = date(2022, 12, 20), date(2024, 3, 1)
    for _ in range(2):
        assert stale_basis(lines, old, awards=True) == ()
        told = stale_basis(lines, new, awards=True)
        assert [(s.what, s.other.index) for s in told] == [("law", 0), ("decree", 1)]
        nfd = [unicodedata.normalize("NFD", line) for line in lines]
        assert stale_basis(nfd, new, awards=True) == told
        assert stale_basis(list(reversed(lines)), new, awards=True) != told  # by its index
    first, second = other_law_cited([LAW_2003], new), other_law_cited(["x", LAW_2003], new)
    assert first is not None and second is not None
    assert (first.index, second.index) == (0, 1)


def test_says_basis_kept_by_text() -> None:
    data = {"can_cu": ["Luật A"], "mo_dau": "Căn cứ Luật B;", "ket": "Trân trọng."}
    assert basis_lines(data) == [(("can_cu", 0), "Luật A"), (("mo_dau",), "Căn cứ Luật B;")]
    assert basis_lines({"ket": "Căn cứ Luật B;"}) == [(("ket",), "Căn cứ Luật B;")]
    assert basis_lines({"mo_dau": "Trân trọng."}) == []


def test_fields_and_their_header_lookup_kept_per_spellings() -> None:
    """The fields a list asks for, and which header names which, are worked out once for the
    same fields: a list of its own each time (changing it changes no later one), and a `cot`
    naming other headers gives its own lookup, before and after the default one."""
    asked = (("ho_ten", "danh_hieu"), ("don_vi",))
    first = resolve_fields(*asked, {})
    first.append(first[0])
    again = resolve_fields(*asked, {})
    assert len(first) == 4 and len(again) == 3
    assert again == resolve_fields(list(asked[0]), list(asked[1]), {})
    renamed = resolve_fields(*asked, {"don_vi": "Chỗ làm"})
    for fields in (again, renamed, again):
        lookup = _header_lookup(fields)
        assert ("cholam" in lookup) == (fields is renamed)
        assert ("donvi" in lookup) == (fields is again)
    assert _header_lookup(renamed)["cholam"] == ("don_vi",)
    with pytest.raises(ValueError, match="twice"):
        resolve_fields(("ho_ten", "ho_ten"), (), {})
    with pytest.raises(ValueError, match="twice"):
        resolve_fields(("ho_ten", "ho_ten"), (), {})  # an error is no answer kept


def test_an_edited_document_is_loaded_and_parsed_again(inputs_copy: Path) -> None:
    """A document and its parse are kept apart by one stat of the file: edited between two
    loads of one loader, both are made again from the new text; unchanged, both are kept."""
    path = inputs_copy / "2022" / "qd-lao-dong-tien-tien.yaml"
    ws = Workspace.containing(inputs_copy)
    first = ws.load(path)
    parsed = ws.loader.parse(path)
    assert ws.load(path) is first and ws.loader.parse(path) is parsed
    text = path.read_text("utf-8")
    assert "\nso_ban: " in text
    path.write_text(re.sub(r"\nso_ban: \d+", "\nso_ban: 12", text), "utf-8")
    again = ws.load(path)
    assert again is not first and again.info.data.so_ban == 12 != first.info.data.so_ban
    assert ws.loader.parse(path) is not parsed and ws.loader.parse(path).data["so_ban"] == 12


def _trickling(monkeypatch: pytest.MonkeyPatch) -> None:
    """os.read, as read_log calls it, handing out at most three bytes a call, as a network
    share may."""
    real = os.read
    monkeypatch.setattr(read_log.os, "read", lambda fd, size: real(fd, min(3, size)))


def test_read_up_to_asks_again_after_a_short_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _trickling(monkeypatch)
    for data, wanted in ((b"0123456789", b"01234567"), (b"0123", b"0123")):
        path = tmp_path / "short"
        path.write_bytes(data)
        handle = os.open(path, os.O_RDONLY)
        try:
            assert read_log.read_up_to(handle, 8) == wanted
        finally:
            os.close(handle)


def test_read_whole_reads_a_trickling_file_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"PK" + bytes(range(256)))
    before = os.stat(path)
    _trickling(monkeypatch)
    assert read_log.read_whole(path, before) == path.read_bytes()


def test_read_whole_reads_to_the_end_however_the_file_grew(tmp_path: Path) -> None:
    """Read unbuffered from the stat taken before: the file's bytes, all of them even when it
    grew since (a zip read short would be refused as damaged), and nothing when it is empty."""
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"PK" + bytes(range(256)) * 40)
    assert read_log.read_whole(path, os.stat(path)) == path.read_bytes()
    before = os.stat(path)
    path.write_bytes(path.read_bytes() * 3)
    assert read_log.read_whole(path, before) == path.read_bytes()
    path.write_bytes(b"")
    assert read_log.read_whole(path, os.stat(path)) == b""


def test_a_lists_figures_kept_once_worked_out_are_its_entries(repo: Path) -> None:
    """An award list's figures (kept without cached_property's lock) are those of its entries,
    asked once or again."""
    awards = read_award_list(repo / "inputs/2021/danh-sach-ldtt-2021.xlsx", date(2021, 12, 20))
    entries = awards.entries
    assert entries and awards.priced
    for _ in range(2):
        assert awards.total == sum(e.amount for e in entries) > 0
        assert [g.total for g in awards.groups] == [
            sum(e.amount for e in g.entries) for g in awards.groups
        ]
        assert awards.total_in_words == money_in_words(awards.total)
        assert awards.count(collective=True) == sum(e.collective for e in entries)
        assert awards.recipients(collective=False) == len(
            {e.recipient for e in entries if not e.collective}
        )
    assert "total" in vars(awards) and "_recipients" in vars(awards)


def test_output_names_kept_by_place_and_year(inputs_copy: Path) -> None:
    """Workspace.output_name's pure part is kept by the file's place below the data folder and
    the year: each place and year still gives its own name, asked in any order."""
    ws = Workspace.containing(inputs_copy)
    loose = inputs_copy / "x.yaml"
    nested = inputs_copy / "2022" / "qd" / "x.yaml"
    unnamed_year = inputs_copy / "ke-hoach" / "x.yaml"
    for _ in range(2):
        assert str(ws.output_name(loose, 2021)) == "2021/x.docx"
        assert str(ws.output_name(loose, 2022)) == "2022/x.docx"
        assert str(ws.output_name(nested, 2019)) == "2022/qd/x.docx"
        assert str(ws.output_name(unnamed_year, 2023)) == "2023/ke-hoach/x.docx"
        assert ws.output_for(nested, 2019) == ws.output_dir / "2022" / "qd" / "x.docx"


def test_an_office_profile_path_is_joined_once_and_looked_at_every_time(
    inputs_copy: Path,
) -> None:
    """agency_file keeps a profile's path joined, not whether it is there: a profile removed
    is no office any more, and one put back is found again."""
    ws = Workspace.containing(inputs_copy)
    profile = next((inputs_copy / "co-quan").glob("*.yaml"))
    ref, text = profile.stem, profile.read_bytes()
    assert ws.agency_file(ref) == profile.resolve()
    profile.unlink()
    assert ws.agency_file(ref) is None
    profile.write_bytes(text)
    assert ws.agency_file(ref) == profile.resolve()
    assert ws.agency_file("khong-co") is None
