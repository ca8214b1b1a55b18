"""Reading .xlsx parts from the file's bytes: the plain case by hand, the rest through zipfile,
and the sheet reader giving the same answer on either path."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.load.spreadsheet import directory, members, read_table, xlsx
from pipeline.load.spreadsheet.cells import plain_text
from pipeline.load.spreadsheet.fields import resolve_fields
from pipeline.load.spreadsheet.table import build_table

FIELDS = {"required": ["ho_ten", "danh_hieu"], "optional": ["ghi_chu"]}
SHEET = "xl/worksheets/sheet1.xml"


def zip_bytes(parts: dict[str, bytes], compression: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return buffer.getvalue()


def opened(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_plain_member_reads_as_zipfile_reads_it(compression: int) -> None:
    parts = {"a.xml": b"<a>" + "Nguyễn Văn An ".encode() * 500 + b"</a>", "empty": b""}
    data = zip_bytes(parts, compression)
    archive = opened(data)
    for name, content in parts.items():
        assert members.plain_member_bytes(archive, data, name) == content
        assert members.member_bytes(archive, data, name) == archive.read(name) == content
    with pytest.raises(KeyError):
        members.member_bytes(archive, data, "missing.xml")


def test_a_damaged_member_is_left_to_zipfile_and_fails_as_it_did() -> None:
    content = b"<a>" + b"x" * 2000 + b"</a>"
    data = zip_bytes({"a.xml": content}, zipfile.ZIP_STORED)
    damaged = data.replace(b"x" * 10, b"y" * 10, 1)  # the CRC no longer matches
    archive = opened(damaged)
    assert members.plain_member_bytes(archive, damaged, "a.xml") is None
    with pytest.raises(zipfile.BadZipFile):
        members.member_bytes(archive, damaged, "a.xml")


def test_a_member_larger_than_its_directory_says_is_not_inflated_whole() -> None:
    content = b"<a>" + b"x" * 100_000 + b"</a>"
    data = zip_bytes({"a.xml": content}, zipfile.ZIP_DEFLATED)
    archive = opened(data)
    archive.getinfo("a.xml").file_size = 1000  # what a zip bomb's directory would claim
    assert members.plain_member_bytes(archive, data, "a.xml") is None


def test_a_large_member_is_left_to_zipfile(monkeypatch: pytest.MonkeyPatch) -> None:
    data = zip_bytes({"a.xml": b"<a>" + b"x" * 5000 + b"</a>"}, zipfile.ZIP_DEFLATED)
    archive = opened(data)
    monkeypatch.setattr(members, "WHOLE_PART_BYTES", 1000)
    assert members.plain_member_bytes(archive, data, "a.xml") is None
    assert members.member_bytes(archive, data, "a.xml") == archive.read("a.xml")


def two_sheet_book(folder: Path) -> bytes:
    """The bytes of a workbook whose second sheet is "Danh sách" (xl/worksheets/sheet2.xml)."""
    book = openpyxl.Workbook()
    book.active.title = "Trang 1"
    book.create_sheet("Danh sách")
    path = folder / "ds.xlsx"
    book.save(path)
    return path.read_bytes()


def formula_book(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Danh hiệu", "Ghi chú"])
    book.active.append(["An", "Lao động tiên tiến", None])
    book.active.append(["=A1", "Lao động tiên tiến", None])
    book.save(path)
    return path


@pytest.mark.parametrize("streamed", [False, True])
@pytest.mark.parametrize("prefix", [False, True])
def test_formula_cells_are_found_whole_or_streamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: bool, prefix: bool
) -> None:
    # `prefix`: the sheet's XML names its namespace by a prefix (<x:f>); calamine reads such a
    # sheet and shows a formula without a value as an empty cell.
    if streamed:
        monkeypatch.setattr(members, "WHOLE_PART_BYTES", 0)
    path = formula_book(tmp_path / "ds.xlsx")
    if prefix:
        path = prefixed(path)
        assert b"<x:f>" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    with pytest.raises(InputError, match="công thức =A1") as caught:
        read_table(path, **FIELDS)  # type: ignore[arg-type]
    assert caught.value.row == 3


@pytest.mark.parametrize("remembered", [True, False])
def test_the_sheet_member_is_the_same_remembered_or_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, remembered: bool
) -> None:
    if not remembered:
        monkeypatch.setattr(xlsx, "_REMEMBERED_PARTS_BYTES", 0)
    data = two_sheet_book(tmp_path)
    archive = opened(data)
    assert xlsx._sheet_part(archive, data, "Danh sách") == "xl/worksheets/sheet2.xml"
    assert xlsx._sheet_part(archive, data, "Không có") is None


def test_a_formula_in_a_sheet_that_starts_right_of_column_a(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C1"], sheet["D1"] = "Họ và tên", "Danh hiệu"
    sheet["C2"], sheet["D2"] = "An", "Lao động tiên tiến"
    sheet["C3"], sheet["D3"] = "Bình", "=C1"
    path = tmp_path / "ds.xlsx"
    book.save(path)
    with pytest.raises(InputError, match="công thức =C1") as caught:
        read_table(path, **FIELDS)  # type: ignore[arg-type]
    assert (caught.value.row, caught.value.column) == (3, 4)


def test_a_duration_reads_as_the_time_excel_shows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Danh hiệu", "Ghi chú"])
    book.active.append(["An", "Lao động tiên tiến", dt.timedelta(hours=1, minutes=30)])
    book.active.append(["Bình", "Lao động tiên tiến", dt.time(7, 5)])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    table = read_table(path, **FIELDS)  # type: ignore[arg-type]
    assert [row.values["ghi_chu"] for row in table] == ["01:30", "07:05"]
    assert plain_text(dt.timedelta(hours=1, minutes=30)) == plain_text(dt.time(1, 30)) == "01:30"
    # Past a day it wraps as Excel's h:mm shows it; negative or huge durations never crash.
    assert plain_text(dt.timedelta(days=2, hours=3, minutes=5, seconds=59)) == "03:05"
    assert plain_text(dt.timedelta(hours=-1, minutes=-30)) == "-01:30"
    assert plain_text(dt.timedelta(days=999_999_999)) == "00:00"


def test_empty_cells_read_alike_as_none_or_empty_text() -> None:
    fields = resolve_fields(["ho_ten", "danh_hieu"], ["ghi_chu", "don_vi"], {})
    rows: list[list[object]] = [
        ["Họ và tên", "Danh hiệu", "Ghi chú"],
        ["An", "Lao động tiên tiến", None],
        [None, None, None],
        ["Bình", "Lao động tiên tiến", "x"],
    ]
    with_none = build_table(enumerate(rows, 1), fields, file="ds", sheet=None)
    as_text = [["" if v is None else v for v in row] for row in rows]
    with_text = build_table(enumerate(as_text, 1), fields, file="ds", sheet=None)
    assert [(r.number, r.values) for r in with_none] == [(r.number, r.values) for r in with_text]
    assert [r.values for r in with_none] == [
        {"ho_ten": "An", "danh_hieu": "Lao động tiên tiến", "ghi_chu": "", "don_vi": ""},
        {"ho_ten": "Bình", "danh_hieu": "Lao động tiên tiến", "ghi_chu": "x", "don_vi": ""},
    ]


def directory_outcome(make: object, data: bytes) -> tuple[object, ...]:
    """What reading a zip's directory gives: its parts as read here, or the error raised."""
    try:
        listed = make(data)  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001 (the error is what is compared)
        return ("error", type(exc), str(exc))
    fields = directory.Part._fields
    return ("parts", [tuple(getattr(info, f) for f in fields) for info in listed.infolist()])


def unusual_zips() -> list[bytes]:
    """Zips Directory leaves to zipfile, or that zipfile refuses: a comment, extra fields, a
    name given twice, bytes before the zip or after it, a cut file, a damaged directory."""
    plain = zip_bytes({"a.xml": b"<a/>", "b.xml": b"<b>" * 50}, zipfile.ZIP_DEFLATED)
    found = [plain, b"junk" + plain, plain + b"x", plain[:-1], plain[:30]]
    found.append(b"PK\x05\x06" + b"\0" * 18)  # an empty zip: its end record alone
    commented = io.BytesIO()
    with zipfile.ZipFile(commented, "w") as z:
        z.writestr("a.xml", b"<a/>")
        z.comment = b"a comment"
    found.append(commented.getvalue())
    unusual = io.BytesIO()
    with zipfile.ZipFile(unusual, "w") as z:
        info = zipfile.ZipInfo("b.xml")
        info.extra = b"\xfe\xca\x02\x00xy"
        z.writestr(info, b"<b/>")
        z.writestr("ü.xml", b"<c/>")
        with pytest.warns(UserWarning):
            z.writestr("ü.xml", b"<d/>")
    found.append(unusual.getvalue())
    end = len(plain)
    for position in range(end - 120, end):  # each byte of the directory, changed
        for value in (0, 0xFF):
            damaged = bytearray(plain)
            damaged[position] = value
            found.append(bytes(damaged))
    return found


def test_the_directory_lists_what_zipfile_lists() -> None:
    """Directory lists each part as zipfile does (a name given twice: the later one), or
    raises what zipfile raises; open and read are zipfile's."""
    zips = unusual_zips()
    for data in zips:
        assert directory_outcome(directory.Directory, data) == directory_outcome(opened, data)
    assert sum(directory._plain_directory(data) is not None for data in zips) > 100
    data = zips[0]
    listed = directory.Directory(data)
    assert listed.getinfo("b.xml").file_size == 150
    assert listed.read("b.xml") == opened(data).read("b.xml") == b"<b>" * 50
    with listed.open("a.xml") as stream:
        assert stream.read() == b"<a/>"
    with pytest.raises(KeyError, match="There is no item named 'c.xml' in the archive"):
        listed.getinfo("c.xml")
    assert members.member_bytes(listed, data, "b.xml") == b"<b>" * 50


def test_either_way_of_quoting_an_error_value_is_searched_for() -> None:
    for sheet in (b'<c r="A1" t="e"><v>#N/A</v></c>', b"<c r='A1' t='e'><v>#N/A</v></c>"):
        assert xlsx._holds_any(sheet, xlsx._MARKERS)
    assert xlsx._holds_any(b"<c><f>A1</f></c>", xlsx._MARKERS)
    assert not xlsx._holds_any(b'<c r="A1" t="s"><v>0</v></c>', xlsx._MARKERS)


def test_the_sheet_member_is_known_by_the_parts_as_stored(tmp_path: Path) -> None:
    """The sheet's member is kept by how workbook.xml and its relationships are stored: read
    again from a list storing them alike, not inflated again; a damaged part fails as it
    did (zipfile), and nothing is kept of it."""
    data = two_sheet_book(tmp_path)
    xlsx._PART_BY_PACKED.clear()
    for _ in range(2):
        archive = directory.Directory(data)
        assert xlsx._sheet_part(archive, data, "Danh sách") == "xl/worksheets/sheet2.xml"
        assert len(xlsx._PART_BY_PACKED) == 1
    assert xlsx._sheet_part(archive, data, "Trang 1") == "xl/worksheets/sheet1.xml"
    assert xlsx._sheet_part(archive, data, "Không có") is None
    assert len(xlsx._PART_BY_PACKED) == 3
    info = archive.getinfo("xl/workbook.xml")
    damaged = opened(data)
    damaged.getinfo("xl/workbook.xml").CRC = info.CRC ^ 1
    xlsx._PART_BY_PACKED.clear()
    with pytest.raises(zipfile.BadZipFile):
        xlsx._sheet_part(damaged, data, "Danh sách")
    assert not xlsx._PART_BY_PACKED


def prefixed(path: Path) -> Path:
    """`path`'s workbook with its sheet's XML naming the spreadsheet namespace by a prefix
    (<x:worksheet xmlns:x="...">, <x:c>, <x:f>), as some programs write it."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    xml = re.sub(r"<(/?)([A-Za-z]+)([ />])", r"<\1x:\2\3", xml)
    xml = xml.replace('xmlns="http://schemas', 'xmlns:x="http://schemas', 1)
    parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


# Bytes the sheet markers are made of, and others: a sheet's XML as far as they can tell.
_MARKER_BYTES = st.lists(
    st.sampled_from([b"<", b":", b"f", b"t", b"=", b'"', b"'", b"e", b" ", b"\t", b"\n", b"\r",
                     b"\x0b", b"\x0c", b"/", b">", b"x", b't="e"', b"<f", b":f", b"ff"]),
    max_size=120,
).map(b"".join)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(_MARKER_BYTES)
def test_formulas_and_errors_are_told_as_by_their_patterns(sheet: bytes) -> None:
    """_formula_or_error says what searching for each of _MARKERS says, past its first
    _F_LOOKED f's too (where a pattern searches the rest)."""
    expected = any(re.search(pattern, sheet) for pattern in xlsx._MARKERS)
    assert xlsx._formula_or_error(sheet) == expected
    assert xlsx._FAST_SEARCHES[xlsx._MARKERS] is xlsx._formula_or_error


def test_formulas_past_the_first_fs_are_found() -> None:
    many = b"<c r='A1'>" + b"ref " * (xlsx._F_LOOKED + 5)
    for tail in (b"<f>A1</f>", b"<x:f>A1</x:f>", b"<x:f/>", b":f\x0b", b""):
        sheet = many + tail
        expected = any(re.search(pattern, sheet) for pattern in xlsx._MARKERS)
        assert xlsx._formula_or_error(sheet) == expected == bool(tail)


def test_the_directory_reads_zipfiles_entry() -> None:
    """The fields Directory reads of a part's entry are those of zipfile's structCentralDir,
    at their places: the same size, and each read field where zipfile reads it."""
    assert directory._CENTRAL_READ.size == struct.calcsize(zipfile.structCentralDir)
    entry = bytes(range(directory._CENTRAL_READ.size))
    full = struct.unpack(zipfile.structCentralDir, entry)
    read = directory._CENTRAL_READ.unpack(entry)
    assert read == tuple(full[i] for i in (0, 3, 5, 6, 9, 10, 11, 12, 13, 14, 18))
    part = directory._plain_directory(zip_bytes({"a.xml": b"<a/>"}, zipfile.ZIP_DEFLATED))
    assert part is not None and type(part[0]) is directory.Part


@pytest.mark.parametrize("name", [b"x.xml", b"\x81.xml", b"\xe9t\xe9.xml", b"xl/\x9a.xml"])
def test_a_name_without_the_utf8_flag_reads_as_zipfile_reads_it(name: bytes) -> None:
    """A name in ASCII is read as UTF-8 (the same text, fewer instructions); any other byte
    of a name without the UTF-8 flag as zipfile reads it, in cp437 ("\\x81" is ü)."""
    plain = zip_bytes({"a.xml": b"<a/>", "x" * len(name): b"<x/>"}, zipfile.ZIP_DEFLATED)
    data = plain.replace(b"x" * len(name), name)
    assert directory._plain_directory(data) is not None
    assert directory_outcome(directory.Directory, data) == directory_outcome(opened, data)
    assert [part.filename for part in directory.Directory(data).infolist()][1] == name.decode(
        "cp437"
    )
