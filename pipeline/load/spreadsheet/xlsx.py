"""Reading a danh sách from an .xlsx sheet, telling uncomputed formulas and error cells apart.

Values come from python-calamine (Rust; an order of magnitude faster than openpyxl and streaming
in constant Python memory per row). Calamine shows an error value (#REF!) and a formula whose
result the file does not store (files written by scripts, not by Excel) both as an empty cell,
which would print a blank; those cells are found by one streaming pass over the sheet's XML with
lxml, made only when the sheet's bytes hold a formula or an error marker at all. Rows hidden in
Excel (by hand, by a filter, or in a collapsed group: <row hidden="1">) and hidden columns
(<col min max hidden="1">) are found the same way, in one pass made only when the bytes say
'hidden' at all, so that the table can refuse a hidden row that has content, or a hidden column
it reads that holds values: what the clerk sees is what gets awarded. Which sheets are hidden
comes from calamine's sheet metadata, merged cells from calamine too; openpyxl is no longer
needed.

The file is read once; its parts are listed from those bytes (`directory`, as zipfile lists
them: the zip-bomb check) and the few small parts looked at here are inflated from them directly
(`members`).
"""

from __future__ import annotations

import functools
import io
import json
import os
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

import python_calamine
from lxml import etree

from pipeline.errors import InputError
from pipeline.load import read_log
from pipeline.load.bounded import keep
from pipeline.load.spreadsheet.cells import ExcelError, Formula, get_column_letter
from pipeline.load.spreadsheet.detect import refuse_not_zip, refuse_ole2
from pipeline.load.spreadsheet.directory import Archive, Directory
from pipeline.load.spreadsheet.fields import Wanted, normalize_header
from pipeline.load.spreadsheet.header import HEADER_SCAN_ROWS, Record, scan_header
from pipeline.load.spreadsheet.limits import (
    MAX_FILE_BYTES,
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    check_size,
    read_failed,
    refuse_large_parts,
)
from pipeline.load.spreadsheet.members import member_bytes, packed_member, plain_member_bytes
from pipeline.load.spreadsheet.reasons import xlsx_reason
from pipeline.load.spreadsheet.shared_formulas import FormulaNotShown, Master, formula_at
from pipeline.load.spreadsheet.table import ColumnList, ColumnSpan, Table, build_table
from pipeline.ooxml_names import PACKAGE_RELS_CLARK, R_CLARK, SPREADSHEET
from pipeline.patterns import lazy
from pipeline.render.phrase import Phrase

_CALAMINE_ERRORS = (
    python_calamine.CalamineError,
    python_calamine.ZipError,
    python_calamine.XmlError,
    python_calamine.WorksheetNotFound,
)
# A formula (<f>, or <x:f> where the sheet's XML names its namespace with a prefix, as some
# programs write it and calamine reads it) or an error value (t="e" or t='e') in a sheet's XML:
# only then is it parsed here. Each is a pattern (re, bytes) searched for in the sheet's bytes:
# the two ways of quoting an error's type in one search, not one each (searching a sheet's XML
# costs more than all else this module does in Python).
_MARKERS = (rb"<f", rb":f[\s/>]", rb"t=(?:\"e\"|'e')")
# A hidden row (or column) in a sheet's XML: only then are its rows looked at.
_HIDDEN_MARKERS = (rb'hidden="1"', rb"hidden='1'", rb'hidden="true"', rb"hidden='true'")
_HIDDEN_VALUES = ("1", "true")
# A reference (r="...") that may be beyond the area a list may use (limits.MAX_SHEET_ROWS and
# MAX_SHEET_COLUMNS): a column of two letters or more or a row of five digits or more (AB7,
# C12345, <row r="12345">), in capitals or not, quoted either way, with spaces around '=' or
# not, wherever the attribute stands in its tag. Possessive, so that a list's own reference
# (r="G63") fails at its closing quote without trying again. Attributes whose name ends in r
# match too (operator="between"): only then are the cells looked at (_far_cell).
_FAR_MARKERS = (rb"r\s*+=\s*+[\"']\s*+[A-Za-z]?+[0-9]{0,4}+[^\"'.]",)
# Compiled at import: every list's sheet is searched with it.
_far_reference = re.compile(_FAR_MARKERS[0])
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def read_xlsx(path: Path, sheet: str | None, fields: list[Wanted]) -> Table:
    """The table on the named sheet of an .xlsx workbook; if None, on the first visible one,
    refused when another visible sheet holds a list too (_refuse_several_lists)."""
    stat = check_size(path, MAX_FILE_BYTES)
    try:
        data = read_log.read_whole(path, stat)
    except OSError as exc:  # the disk's, as a CSV's is said (csv_files._decode)
        raise read_failed(path, exc) from exc
    try:
        read_log.note(path, stat, data)
        refuse_ole2(path, data)
        refuse_not_zip(path, data)
        archive = Directory(data)  # zipfile.ZipFile as it lists the parts, sooner
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError("sheet.bad_xlsx", file=path, reason=xlsx_reason(exc)) from None
    with archive:
        refuse_large_parts(archive, path)
        try:
            # From the bytes already read: the file is read once (calamine reading it again
            # cost an open and some forty seeks and reads).
            book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        except python_calamine.PasswordError:
            raise InputError("sheet.encrypted", file=path, name=path.name) from None
        except _CALAMINE_ERRORS as exc:
            raise InputError("sheet.bad_xlsx", file=path, reason=xlsx_reason(exc)) from None
        title = _pick_sheet(book, sheet, path)
        part = _sheet_part(archive, data, title)
        formulas = hides = False
        if part is not None:
            # Before calamine reads the sheet: a cell far out makes it abort (_refuse_far_cells).
            formulas, hides, far = _mentions(
                archive, data, part, _MARKERS, _HIDDEN_MARKERS, _FAR_MARKERS
            )
            if far:
                _refuse_far_cells(archive, data, part, path, title)
        try:
            worksheet = book.get_sheet_by_name(title)
            merged = list(worksheet.merged_cell_ranges or [])
            special: dict[tuple[int, int], object] = {}
            hidden: frozenset[int] = frozenset()
            hidden_columns: tuple[ColumnSpan, ...] = ()
            if part is not None:
                special = _special_cells(archive, part, path) if formulas else {}
                if hides:
                    hidden, hidden_columns = _hidden_rows_and_columns(archive, part, path)
            if sheet is None and len(book.sheet_names) > 1:
                _refuse_several_lists(book, title, worksheet, fields, path, archive, data)
            records = _records(worksheet, special)
            return build_table(
                records, fields, file=str(path), sheet=title, merged=merged, hidden=hidden,
                hidden_columns=hidden_columns,
            )  # fmt: skip
        except _CALAMINE_ERRORS as exc:
            if part is not None:  # a row 0 (<row r="0">, A0) is said as such, not as damage
                _refuse_far_cells(archive, data, part, path, title)
            reason = xlsx_reason(exc)
            raise InputError("sheet.bad_xlsx", file=path, sheet=title, reason=reason) from None
        except InputError as exc:
            if exc.key in _NO_HEADER:
                elsewhere = _header_elsewhere(book, title, fields, path, archive, data)
            elif exc.key == "sheet.no_rows":
                elsewhere = _rows_elsewhere(book, exc, fields, path, archive, data)
            else:
                raise
            if elsewhere is None:
                raise
            raise elsewhere from None


# The refusals of a sheet without the list's header in its first rows (nothing there, or no
# column of the list): only then are the other sheets looked at (_header_elsewhere).
_NO_HEADER = frozenset({"sheet.empty_sheet", "sheet.missing_column", "sheet.missing_column_close"})


def _header_elsewhere(
    book: Any, title: str, fields: list[Wanted], path: Path, archive: Archive, data: bytes
) -> InputError | None:
    """The refusal of sheet `title`, without the list's header, naming the other sheets of the
    workbook (hidden ones too) whose first rows hold it, and the 'trang_tinh' that reads one
    (_named_instead): a list on a hidden sheet, or behind an instructions sheet, is not read
    unless named (_pick_sheet), and "the sheet is empty" alone leaves the clerk looking at the
    wrong one.
    None when no other sheet holds it. Made only for a list refused: it reads every sheet."""
    found = _sheets_holding(book, title, fields, archive, data, _holds_header)
    if not found:
        return None
    required = [w.field for w in fields if w.required] or [w.field for w in fields]
    return InputError(
        "sheet.list_on_other_sheet", file=path, sheet=title, rows=HEADER_SCAN_ROWS,
        missing=", ".join(f"'{f.label}'" for f in required),
        **_named_instead(found, _active_sheet(book, archive, data)),
    )  # fmt: skip


def _rows_elsewhere(
    book: Any,
    refused: InputError,
    fields: list[Wanted],
    path: Path,
    archive: Archive,
    data: bytes,
) -> InputError | None:
    """The refusal of an empty list (sheet.no_rows: a header and nothing under it, the form
    kept as a first sheet) naming the other sheets (hidden ones too) that hold rows of the
    list, and the 'trang_tinh' that reads one, as _header_elsewhere does; None when no other
    sheet holds any. Made only for a list refused: it reads every sheet."""
    title = str(refused.sheet)
    found = _sheets_holding(book, title, fields, archive, data, _holds_rows)
    if not found:
        return None
    return InputError(
        "sheet.rows_on_other_sheet", file=path, sheet=title,
        header_row=refused.params["header_row"],
        **_named_instead(found, _active_sheet(book, archive, data)),
    )  # fmt: skip


def _named_instead(found: list[Any], active: str | None) -> dict[str, Any]:
    """The params naming the sheets `found` (others, '(đang ẩn)' after a hidden one), the
    'trang_tinh' that reads one (name: the sheet the file was saved with open if it is one of
    them, else the first) and, if that one is hidden, that naming it reads it."""
    hidden = [m.visible != python_calamine.SheetVisibleEnum.Visible for m in found]
    others = ColumnList([
        Phrase("sheet.other_sheet_hidden" if h else "sheet.other_sheet", name=str(m.name))
        for m, h in zip(found, hidden, strict=True)
    ])  # fmt: skip
    names = [str(m.name) for m in found]
    named = names.index(active) if active in names else 0
    return {
        "others": others, "name": _yaml_text(names[named]),
        "hidden": Phrase("sheet.hidden_sheet_named") if hidden[named] else "",
    }  # fmt: skip


def _refuse_several_lists(
    book: Any,
    title: str,
    worksheet: Any,
    fields: list[Wanted],
    path: Path,
    archive: Archive,
    data: bytes,
) -> None:
    """InputError when no sheet is named and another visible sheet than `title` (the first
    visible one, about to be read) holds rows of the list as `title` does: last year's list
    and this year's in one workbook, the one read would be a guess ("2024" before "2025").
    The line naming one is given: the sheet the file was saved with open, if it holds a list
    (the one the clerk filled in), else the first. One visible sheet with a list is read."""
    others = _sheets_holding(book, title, fields, archive, data, _holds_rows, visible_only=True)
    if not others or not _holds_rows(worksheet, fields):
        return
    lists = [title, *(str(m.name) for m in others)]
    lists.sort(key=book.sheet_names.index)  # as the workbook's tabs stand
    active = _active_sheet(book, archive, data)
    named = active if active in lists else lists[0]
    raise InputError(
        "sheet.several_lists", file=path, count=len(lists),
        sheets=", ".join(f"'{name}'" for name in lists), name=_yaml_text(named),
        active=Phrase("sheet.saved_active", name=named) if named == active else "",
    )  # fmt: skip


def _sheets_holding(
    book: Any,
    title: str,
    fields: list[Wanted],
    archive: Archive,
    data: bytes,
    holds: Callable[[Any, list[Wanted]], bool],
    *,
    visible_only: bool = False,
) -> list[Any]:
    """The metadata of the worksheets other than `title` (hidden ones too unless
    `visible_only`) that `holds` says hold the list; one calamine cannot read, or not without a
    cell far out (_refuse_far_cells), holds none."""
    found = []
    for meta in book.sheets_metadata:
        if meta.typ != python_calamine.SheetTypeEnum.WorkSheet or meta.name == title:
            continue
        if visible_only and meta.visible != python_calamine.SheetVisibleEnum.Visible:
            continue
        other = _sheet_part(archive, data, meta.name)
        if other is None:
            continue
        if _mentions(archive, data, other, _FAR_MARKERS)[0]:
            if _far_cell(archive, other) is not None:
                continue
        try:
            held = holds(book.get_sheet_by_name(meta.name), fields)
        except _CALAMINE_ERRORS:
            continue
        if held:
            found.append(meta)
    return found


def _holds_header(worksheet: Any, fields: list[Wanted]) -> bool:
    """Whether the list's header is in the sheet's first rows."""
    prefix = list(islice(_records(worksheet, {}), HEADER_SCAN_ROWS))
    try:
        return scan_header(prefix, fields).header is not None
    except InputError:  # a header refused for how it names the fields: still the header
        return True


def _holds_rows(worksheet: Any, fields: list[Wanted]) -> bool:
    """Whether the sheet holds the list's header with a row under it that fills every column
    the list requires: a list, not the empty form it is typed in (pre-numbered STT alone)."""
    records = _records(worksheet, {})
    prefix = list(islice(records, HEADER_SCAN_ROWS))
    try:
        header = scan_header(prefix, fields).header
    except InputError:  # a header refused for how it names the fields: its rows are a list's
        return True
    if header is None:
        return False
    needed = [w.field.name for w in fields if w.required] or [w.field.name for w in fields]
    offsets = [header.columns[name] - 1 for name in needed if name in header.columns]
    below = chain((r for r in prefix if r[0] > header.row), records)
    return any(all(_filled(cells, offset) for offset in offsets) for _, cells in below)


def _filled(cells: Sequence[object], offset: int) -> bool:
    """Whether a row's cell at `offset` (0-based) holds anything but blanks."""
    value = cells[offset] if offset < len(cells) else None
    return value is not None and str(value).strip() != ""


def _active_sheet(book: Any, archive: Archive, data: bytes) -> str | None:
    """The name of the sheet the workbook was saved with open (workbook.xml's <workbookView
    activeTab>, the first sheet when it says none); None when it cannot be told."""
    try:
        workbook = etree.fromstring(member_bytes(archive, data, _WORKBOOK), _SAFE_XML)
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, OSError, ValueError):
        return None
    view = workbook.find(f"{{{SPREADSHEET}}}bookViews/{{{SPREADSHEET}}}workbookView")
    tab = (view.get("activeTab", "0") if view is not None else "0").strip()
    names = book.sheet_names
    return str(names[int(tab)]) if tab.isdigit() and int(tab) < len(names) else None


# A sheet's name YAML reads as text when written plainly: no mark YAML gives a meaning to.
_PLAIN_YAML = lazy(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#]*(?<!\s)")
# Plain words YAML reads as something else than text: numbers, true/false, null.
_NOT_TEXT_YAML = lazy(r"[-+.\d_:eE]+|true|false|yes|no|on|off|null|~", re.IGNORECASE)


def _yaml_text(name: str) -> str:
    """A sheet's name as it is written after 'trang_tinh: ', quoted only when YAML needs it."""
    if _PLAIN_YAML().fullmatch(name) and not _NOT_TEXT_YAML().fullmatch(name):
        return name
    return json.dumps(name, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def sheet_title(path: Path, name: str | None) -> str:
    """The sheet read for `name` in the workbook at `path` (the first visible one if None), as
    read_xlsx picks it; InputError as read_xlsx says it when there is none."""
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise InputError("sheet.encrypted", file=path, name=path.name) from None
    except OSError as exc:  # the disk's (calamine's own errors are no OSError)
        raise read_failed(path, exc) from exc
    except _CALAMINE_ERRORS as exc:
        raise InputError("sheet.bad_xlsx", file=path, reason=xlsx_reason(exc)) from None
    return _pick_sheet(book, name, path)


def _pick_sheet(book: Any, name: str | None, path: Path) -> str:
    sheets = [m for m in book.sheets_metadata if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
    if not sheets:
        raise InputError("sheet.no_sheets", file=path)
    if name is None:
        # A hidden sheet is never read unless named: its rows would print unseen by the clerk.
        visible = [m for m in sheets if m.visible == python_calamine.SheetVisibleEnum.Visible]
        if not visible:
            raise InputError("sheet.no_visible_sheet", file=path)
        return str(visible[0].name)
    for meta in sheets:
        if meta.name == name:
            return str(meta.name)
    loose = [m for m in sheets if normalize_header(m.name) == normalize_header(name)]
    if len(loose) == 1:
        return str(loose[0].name)
    available = ", ".join(f"'{m.name}'" for m in sheets)
    raise InputError("sheet.unknown_sheet", file=path, sheet=name, name=name, available=available)


def _records(worksheet: Any, special: dict[tuple[int, int], object]) -> Iterator[Record]:
    # Calamine's rows start at row 1 but at the first used column; the columns before it are
    # put back so that column numbers are the ones Excel shows. Its empty cells are '', which
    # the table reads as it reads None; durations are shown as times by plain_text.
    rows = worksheet.iter_rows()
    offset: list[object] = [None] * worksheet.start[1] if worksheet.start else []
    if not special:
        if offset:
            return ((number, offset + values) for number, values in enumerate(rows, start=1))
        return enumerate(rows, start=1)
    return _with_special(rows, offset, special)


def _with_special(
    rows: Iterator[list[object]], offset: list[object], special: dict[tuple[int, int], object]
) -> Iterator[Record]:
    """Rows with the formulas and error values calamine shows as empty cells put back.

    Calamine's rows end at the last row with a value: a row below it that holds only such
    cells (a total row written as a formula Excel never computed) is yielded too, so that it is
    refused like any other rather than lost.
    """
    by_row: dict[int, list[tuple[int, object]]] = {}
    for (row, column), value in special.items():
        by_row.setdefault(row, []).append((column, value))
    number = 0
    for number, values in enumerate(rows, start=1):
        cells = offset + [None if v == "" else v for v in values]
        _put_back(cells, by_row.get(number, ()))
        yield number, cells
    for row in sorted(r for r in by_row if r > number):
        cells = []
        _put_back(cells, by_row[row])
        yield row, cells


def _put_back(cells: list[object], found: Iterable[tuple[int, object]]) -> None:
    """Put the (1-based column, value) cells into a row where calamine left them empty."""
    for column, value in found:
        while len(cells) < column:
            cells.append(None)
        if cells[column - 1] is None:
            cells[column - 1] = value


def _sheet_part(archive: Archive, data: bytes, title: str) -> str | None:
    """The zip member holding sheet `title` (xl/worksheets/sheetN.xml)."""
    # Known without inflating the two parts when they are stored as they were in a list read
    # before (a year's lists from one template, written by one program, store them alike).
    try:
        first, second = packed_member(archive, data, _WORKBOOK), packed_member(archive, data, _RELS)
    except KeyError:
        first = second = None
    key = None
    if first is not None and second is not None:
        if first[1] + second[1] <= _REMEMBERED_PARTS_BYTES:
            key = (title, first, second)
            if key in _PART_BY_PACKED:
                return _PART_BY_PACKED[key]
    try:
        workbook = member_bytes(archive, data, _WORKBOOK)
        rels = member_bytes(archive, data, _RELS)
    except KeyError:
        return None
    if len(workbook) + len(rels) > _REMEMBERED_PARTS_BYTES:
        return _part_named.__wrapped__(workbook, rels, title)
    part = _part_named(workbook, rels, title)
    if key is not None:
        # The key is what both parts inflate from (method, sizes, CRC, stored bytes): whichever
        # reader inflated them, those bytes say the same part each time.
        keep(_PART_BY_PACKED, key, part, _REMEMBERED_PACKED)
    return part


_WORKBOOK = "xl/workbook.xml"
_RELS = "xl/_rels/workbook.xml.rels"
# Lists made from one office's template share these two parts byte for byte: parsing them is
# then done once. Only small ones are kept, so the cache stays small.
_REMEMBERED_PARTS_BYTES = 64 * 1024
# The sheet's part by title and the two parts' packed bytes (packed_member), for the plain case.
_PART_BY_PACKED: dict[tuple[object, ...], str | None] = {}
_REMEMBERED_PACKED = 64


@functools.lru_cache(maxsize=64)
def _part_named(workbook_xml: bytes, rels_xml: bytes, title: str) -> str | None:
    """The member named for sheet `title` by workbook.xml and its relationships."""
    try:
        workbook = etree.fromstring(workbook_xml, _SAFE_XML)
        rels = etree.fromstring(rels_xml, _SAFE_XML)
    except etree.XMLSyntaxError:
        return None
    relationships = rels.iter(f"{PACKAGE_RELS_CLARK}Relationship")
    targets = {r.get("Id"): r.get("Target", "") for r in relationships}
    for element in workbook.iter(f"{{{SPREADSHEET}}}sheet"):
        if element.get("name") == title:
            target = targets.get(element.get(f"{R_CLARK}id"), "")
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join("xl", target))
    return None


def _special_cells(archive: Archive, part: str, path: Path) -> dict[tuple[int, int], object]:
    """Error values and formulas without a stored result, by (row, column), 1-based.

    A cell or row may leave out its reference (r="..."), as programs other than Excel write
    them: it then follows the one before it, as calamine places its value."""
    found: dict[tuple[int, int], object] = {}
    # Shared formulas (shared_formulas): their masters by si, the cells without a value that
    # only refer to one, worked out once the sheet is read (a master may come after them).
    masters: dict[str, Master] = {}
    sharing: list[tuple[int, int, str]] = []
    row = column = 0
    try:
        with archive.open(part) as stream:
            for event, element in etree.iterparse(
                stream, events=("start", "end"), tag=(_ROW, _CELL), resolve_entities=False,
                no_network=True,
            ):  # fmt: skip
                if element.tag == _ROW:
                    if event == "start":  # its r is known before its cells are read
                        written = element.get("r", "")
                        row = int(written) if written.isdigit() else row + 1
                        column = 0
                    continue
                if event == "start":
                    continue
                where = _coordinates(element.get("r", ""))
                row, column = where if where is not None else (row, column + 1)
                kind = element.get("t")
                formula = element.find(_FORMULA)
                value = element.find(_VALUE)
                if formula is not None and formula.get("t") == "shared" and formula.text:
                    masters[formula.get("si", "")] = Master(row, column, formula.text)
                if kind == "e" and value is not None:
                    found[row, column] = ExcelError(value.text or "")
                elif formula is not None and kind != "str":
                    if value is None or not value.text:
                        if formula.get("t") == "shared" and not formula.text:
                            sharing.append((row, column, formula.get("si", "")))
                        else:
                            found[row, column] = Formula(formula.text or "")
                element.clear()
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile, OSError) as exc:
        raise InputError("sheet.bad_xlsx", file=path, reason=xlsx_reason(exc)) from None
    for row, column, index in sharing:
        found[row, column] = _shared_formula(masters.get(index), row, column, path)
    return found


def _shared_formula(master: Master | None, row: int, column: int, path: Path) -> Formula:
    """The formula Excel shows at (row, column), a cell of the shared formula `master`: the
    file is damaged when it has no such master or its text cannot be read (Excel repairs such
    a file when it opens it), which is said rather than a formula shown without its text."""
    if master is not None:
        try:
            return Formula(formula_at(master, row, column))
        except FormulaNotShown:
            pass
    raise InputError("sheet.bad_xlsx", file=path, reason=Phrase("sheet.xlsx_reason_xml"))


_ROW = f"{{{SPREADSHEET}}}row"
_COL = f"{{{SPREADSHEET}}}col"
_CELL = f"{{{SPREADSHEET}}}c"
_FORMULA = f"{{{SPREADSHEET}}}f"
_VALUE = f"{{{SPREADSHEET}}}v"


def _hidden_rows_and_columns(
    archive: Archive, part: str, path: Path
) -> tuple[frozenset[int], tuple[ColumnSpan, ...]]:
    """The rows (numbers as Excel shows them) and the spans of columns (first, last, 1-based)
    hidden in the sheet, from one pass over its XML (<cols> comes before the rows)."""
    hidden: set[int] = set()
    columns: list[ColumnSpan] = []
    number = 0
    try:
        with archive.open(part) as stream:
            for _, element in etree.iterparse(
                stream, tag=(_ROW, _COL), resolve_entities=False, no_network=True
            ):
                if element.tag == _ROW:
                    # r may be left out: the row then follows the one before it.
                    written = element.get("r", "")
                    number = int(written) if written.isdigit() else number + 1
                    if (element.get("hidden") or "").strip().lower() in _HIDDEN_VALUES:
                        hidden.add(number)
                elif (element.get("hidden") or "").strip().lower() in _HIDDEN_VALUES:
                    span = _column_span(element.get("min", ""), element.get("max", ""))
                    if span is not None:
                        columns.append(span)
                element.clear()
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile, OSError) as exc:
        raise InputError("sheet.bad_xlsx", file=path, reason=xlsx_reason(exc)) from None
    return frozenset(hidden), tuple(columns)


def _column_span(first: str, last: str) -> ColumnSpan | None:
    """A <col>'s min and max as numbers; None for a span no program writes (Excel requires
    both), which hides nothing that can be named."""
    first, last = first.strip(), last.strip()
    if not first.isdigit() or not last.isdigit() or int(first) > int(last):
        return None
    return int(first), int(last)


def _mentions(
    archive: Archive, data: bytes, part: str, *groups: tuple[bytes, ...]
) -> tuple[bool, ...]:
    """For each group of patterns, whether the part's bytes hold a match of any of them (the
    part inflated once for all groups; a large part read in chunks)."""
    try:
        whole = plain_member_bytes(archive, data, part)
    except KeyError:
        return tuple(False for _ in groups)
    if whole is not None:
        return tuple(_FAST_SEARCHES.get(group, _holds_any)(whole, group) for group in groups)
    found = [False] * len(groups)
    tail = b""
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(1 << 20):
                window = tail + chunk
                for index, group in enumerate(groups):
                    # A reference split by spaces across two chunks would be missed: a part
                    # this large (over members.WHOLE_PART_BYTES) has its cells looked at.
                    found[index] = found[index] or group is _FAR_MARKERS or any(
                        _finder(p)(window) for p in group
                    )
                if all(found):
                    break
                tail = window[-16:]
    except (KeyError, zipfile.BadZipFile, OSError):
        pass
    return tuple(found)


def _refuse_far_cells(archive: Archive, data: bytes, part: str, path: Path, title: str) -> None:
    """InputError naming a cell with a value beyond the area a list may use, or a reference to
    row 0: calamine makes a cell in memory for every cell up to the farthest one (one at
    XFD1048576 aborts the program asking for 550 GB), and fails on row 0 saying only that the
    file is damaged. Made only when the sheet's bytes hold such a reference (_FAR_MARKERS)."""
    far = _far_cell(archive, part)
    if far is None:
        return
    cell, row = far
    if row == 0:
        raise InputError("sheet.row_zero", file=path, sheet=title, cell=cell)
    raise InputError(
        "sheet.far_cell", file=path, sheet=title, cell=cell, rows=MAX_SHEET_ROWS,
        columns=get_column_letter(MAX_SHEET_COLUMNS),
    )  # fmt: skip


def _far_cell(archive: Archive, part: str) -> tuple[str, int] | None:
    """The first cell of the sheet with a value beyond MAX_SHEET_ROWS or MAX_SHEET_COLUMNS, or
    referring to row 0, as (its reference, its row); None if there is none. Cells and rows are
    placed as calamine places them: where their r says, else after the one before; a cell
    without a value (only a style) makes calamine's area no larger. None too when the XML
    cannot be read: calamine then says the file is damaged."""
    row = 0
    try:
        with archive.open(part) as stream:
            for event, element in etree.iterparse(
                stream, events=("start", "end"), tag=("{*}row", "{*}c"), resolve_entities=False,
                no_network=True, huge_tree=False,
            ):  # fmt: skip
                if etree.QName(element).localname == "row":
                    if event == "start":
                        written = (element.get("r") or "").strip()
                        row = int(written) if written.isdigit() else row + 1
                        column = 0
                        if row == 0:
                            return str(written), 0
                    else:
                        element.clear()
                    continue
                if event == "start":
                    continue
                written = (element.get("r") or "").strip()
                where = _coordinates(written) if written else (row, column + 1)
                if where is None:
                    continue
                cell_row, column = where
                if cell_row == 0:
                    return written, 0
                beyond = cell_row > MAX_SHEET_ROWS or column > MAX_SHEET_COLUMNS
                if beyond and _has_value(element):
                    return written or f"{get_column_letter(column)}{cell_row}", cell_row
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def _has_value(cell: Any) -> bool:
    """Whether a <c> holds a value calamine keeps (a <v> with text, an inline string)."""
    for child in cell:
        name = etree.QName(child).localname
        if name == "is" or (name == "v" and child.text):
            return True
    return False


def _holds_any(whole: bytes, patterns: tuple[bytes, ...]) -> bool:
    """Whether `whole` holds a match of any of `patterns`: none when it lacks what they all
    start with (b"hidden=" for the four ways of hiding, plain text each), a search of the part
    instead of one per pattern."""
    shared = _shared_finder(patterns)
    if shared is not None and not shared(whole):
        return False
    return any(_finder(pattern)(whole) for pattern in patterns)


@functools.cache
def _shared_finder(patterns: tuple[bytes, ...]) -> Callable[[bytes], object] | None:
    """The finder (_finder) of what `patterns` all start with, when it is longer than two
    bytes, else None: worked out once for each group read_xlsx looks for, not for each list
    (commonprefix and re.escape: 21 k instructions a list)."""
    shared = os.path.commonprefix(patterns) or b""
    return _finder(re.escape(shared)) if len(shared) > 2 else None


def _formula_or_error(whole: bytes, patterns: tuple[bytes, ...] = _MARKERS) -> bool:
    """_holds_any(whole, _MARKERS), told with fewer instructions (`patterns` is _MARKERS).

    A formula marker (<f, or :f then a space, / or >) is an f after < or :, and a sheet's XML
    has few f's (its tag and attribute names have some; cell text is in sharedStrings.xml, or
    written &#...; when not ASCII): each is found by bytes.find (memchr) and the byte before it
    and after it looked at, the first _F_LOOKED of them, the rest by a pattern searching from
    there. The error value's marker is t="e" or t='e', the second looked for only in a sheet
    holding a ' at all (memchr again). On ws50's sheets 147 k instructions a list instead of
    374 k (the markers' own searches: 167 k for the formula's, 152 k for the error's by re)."""
    find = whole.find
    at = find(b"f", 1)
    for _ in range(_F_LOOKED):
        if at < 0:
            break
        before = whole[at - 1]
        if before == _LT or (before == _COLON and whole[at + 1 : at + 2] in _AFTER_COLON_F):
            return True
        at = find(b"f", at + 1)
    else:
        if at >= 0 and _formula_after().search(whole, at - 1) is not None:
            return True
    return b't="e"' in whole or (b"'" in whole and b"t='e'" in whole)


# Bytes of the formula markers (_MARKERS): < or : before the f, and after :f one of \s, /, >
# (re's \s for bytes: space, \t, \n, \r, \v, \f). Tuples of one-byte strings: an empty slice
# past the end is none of them.
_LT, _COLON = ord("<"), ord(":")
_AFTER_COLON_F = tuple(bytes([byte]) for byte in b" \t\n\r\x0b\x0c/>")
_F_LOOKED = 32
# Both formula markers as one pattern, an f found first: for the f's after the first _F_LOOKED.
_formula_after = lazy(rb"f(?:(?<=<f)|(?<=:f)[\s/>])")
# Searches told apart from _holds_any's for the groups read_xlsx looks for.
_FAST_SEARCHES: dict[tuple[bytes, ...], Callable[[bytes, tuple[bytes, ...]], bool]] = {
    _MARKERS: _formula_or_error,
    _FAR_MARKERS: lambda whole, patterns: _far_reference.search(whole) is not None,
}


@functools.cache
def _finder(pattern: bytes) -> Callable[[bytes], object]:
    # A literal (<f, hidden="1", the shared b"hidden=") is looked for with `in`, a pattern with
    # a class or a choice by re. On ws200's sheets `in` takes a third to two thirds fewer
    # instructions than re's search for the same literal (73 k against 109 k for <f, 33 k against
    # 93 k for hidden=), in about the same time.
    if re.escape(pattern) == pattern:
        return lambda whole: pattern in whole
    return re.compile(pattern).search


def _coordinates(ref: str) -> tuple[int, int] | None:
    """(row, column) of 'C7', 1-based."""
    letters = ref.rstrip("0123456789")
    digits = ref[len(letters) :]
    if not letters or not digits or not letters.isalpha():
        return None
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - 64
    return int(digits), column
