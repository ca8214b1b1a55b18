"""The table of a danh sách: find the header row, map columns to fields, turn records into rows."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, NamedTuple

from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import cell_text, clean, plain_text
from pipeline.load.spreadsheet.fields import Field, Wanted, normalize_header
from pipeline.load.spreadsheet.limits import MAX_ROWS

# Header rows sit under a few merged title rows (agency, "DANH SÁCH ..."), never far down.
HEADER_SCAN_ROWS = 20

# The "(1) (2) (3)" or "A B C" line many forms put under the headers to number the columns.
_COLUMN_MARK = re.compile(r"\(?(?:\d{1,2}|[A-Za-z])\)?")

Record = tuple[int, Sequence[object]]
# A merged range as calamine gives it: ((first row, first column), (last row, last column)),
# 0-based.
Merged = tuple[tuple[int, int], tuple[int, int]]
# Columns hidden together in Excel (a <col min max>): first and last, 1-based.
ColumnSpan = tuple[int, int]


def get_column_letter(column: int) -> str:
    """Excel's letters of a 1-based column number: 1 → A, 27 → AA.

    Written here rather than imported from openpyxl: importing openpyxl (and numpy with it)
    costs a build a third of a second, and reading a list needs only this.
    """
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Header:
    """Where the header row is and which column holds each field (1-based column numbers)."""

    row: int
    columns: Mapping[str, int]
    texts: Mapping[str, str]


@dataclass(frozen=True)
class Row:
    """One person or collective: cleaned text by field name, and where it came from."""

    number: int
    values: dict[str, str]
    file: str
    sheet: str | None
    header: Header

    def cell(self, field_name: str) -> str | None:
        """The cell reference Excel shows (C7) for a field of this row, None if no such column."""
        column = self.header.columns.get(field_name)
        return f"{get_column_letter(column)}{self.number}" if column else None

    def error(self, key: str, /, field_name: str | None = None, **params: Any) -> InputError:
        """An InputError located at this row (and field), for checks made after reading."""
        header_text = self.header.texts.get(field_name, field_name) if field_name else None
        return InputError(
            key,
            file=self.file,
            sheet=self.sheet,
            row=self.number,
            field=header_text,
            column=self.header.columns.get(field_name) if field_name else None,
            **params,
        )


@dataclass(frozen=True)
class Table:
    """The rows of a danh sách, with the file, sheet and header they were read from."""

    file: str
    sheet: str | None
    header: Header
    rows: list[Row]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, field_name: str) -> bool:
        """Whether the file has a column for the field (optional fields may be absent)."""
        return field_name in self.header.columns


@dataclass(frozen=True)
class HeaderScan:
    """The header row if found; else the likeliest row, to say what was there instead."""

    header: Header | None
    best_row: int | None
    best_texts: list[str]
    best_matched: frozenset[str]


def scan_header(prefix: Sequence[Record], fields: list[Wanted]) -> HeaderScan:
    """Look for the first row that holds every required field's header."""
    lookup: dict[str, str] = {}
    for w in fields:
        for spelling in w.field.headers:
            lookup.setdefault(normalize_header(spelling), w.field.name)
    needed = {w.field.name for w in fields if w.required}
    best: tuple[tuple[int, int], int, list[str], frozenset[str]] | None = None
    for number, cells in prefix:
        found: dict[str, list[int]] = {}
        texts: list[str] = []
        for column, value in enumerate(cells, start=1):
            text = clean(plain_text(value))
            if not text:
                continue
            texts.append(text)
            name = lookup.get(normalize_header(text))
            if name:
                found.setdefault(name, []).append(column)
        if found and needed <= found.keys():
            return HeaderScan(_header(number, cells, found), number, texts, frozenset(found))
        score = (len(found), len(texts))
        if texts and (best is None or score > best[0]):
            best = (score, number, texts, frozenset(found))
    if best is None:
        return HeaderScan(None, None, [], frozenset())
    return HeaderScan(None, best[1], best[2], best[3])


def _header(number: int, cells: Sequence[object], found: dict[str, list[int]]) -> Header:
    texts = {}
    for name, columns in found.items():
        texts[name] = clean(plain_text(cells[columns[0] - 1]))
        if len(columns) > 1:
            first, second = (f"{get_column_letter(c)}{number}" for c in columns[:2])
            raise InputError(
                "sheet.duplicate_column",
                row=number,
                field=texts[name],
                field_name=texts[name],
                first=first,
                second=second,
            )
    return Header(number, {n: c[0] for n, c in found.items()}, texts)


def _missing_columns(
    scan: HeaderScan, fields: list[Wanted], file: str, sheet: str | None
) -> InputError:
    if scan.best_row is None:
        return InputError("sheet.empty_sheet", file=file, sheet=sheet, rows=HEADER_SCAN_ROWS)
    missing = [w.field for w in fields if w.required and w.field.name not in scan.best_matched]
    missing = missing or [w.field for w in fields]  # nothing required: any column would do
    spare = {normalize_header(t): t for t in scan.best_texts}
    closest = []
    for f in missing:
        guesses = [
            (difflib.SequenceMatcher(None, normalize_header(h), n).ratio(), text)
            for h in f.headers
            for n, text in spare.items()
        ]
        ratio, text = max(guesses, default=(0.0, ""))
        if ratio >= 0.6:
            closest.append(f"'{text}' → '{f.label}'")
    params: dict[str, Any] = dict(
        missing=", ".join(f"'{f.label}'" for f in missing),
        found=", ".join(f"'{t}'" for t in scan.best_texts),
        header_row=scan.best_row,
        rows=HEADER_SCAN_ROWS,
    )
    key = "sheet.missing_column"
    if closest:
        key, params["closest"] = "sheet.missing_column_close", ", ".join(closest)
    return InputError(key, file=file, sheet=sheet, field=missing[0].label, **params)


# Text cells already found clean, by text-only column or not, then raw text: units, titles and
# kinds repeat down a list and across a year's lists, and checking a cell is most of reading one.
# Only cells that passed are kept (a bad cell is checked again, to be named at its place).
_CLEAN: dict[bool, dict[str, str]] = {False: {}, True: {}}
_CLEAN_LIMIT = 4096


def _remember(raw: str, text_only: bool, text: str) -> None:
    known = _CLEAN[text_only]
    if len(known) >= _CLEAN_LIMIT:
        known.clear()
    known[raw] = text


class _Column(NamedTuple):
    """A wanted field this table has a column for (a tuple: unpacked once per cell)."""

    name: str
    offset: int  # 0-based column
    known: dict[str, str]  # its entry of _CLEAN
    field: Field


def build_table(
    records: Iterable[Record],
    fields: list[Wanted],
    *,
    file: str,
    sheet: str | None,
    merged: Sequence[Merged] = (),
    hidden: frozenset[int] = frozenset(),
    hidden_columns: Sequence[ColumnSpan] = (),
) -> Table:
    """The rows below the header, cleaned; InputError located at the cell for any bad one.

    An empty cell may be None or ''. Record numbers increase (lines, or rows of a sheet).
    `hidden`: the rows Excel hides (by hand, a filter, a collapsed group); one of them with
    content is refused, as the clerk does not see it in the list they checked.
    `hidden_columns`: the columns Excel hides; one the list reads that holds a value below the
    header is refused for the same reason (a hidden column the list does not read is no part
    of it). Both are refused before any of their cells is checked: a bad cell the clerk cannot
    see would be a riddle.
    """
    records = iter(records)
    prefix = list(islice(records, HEADER_SCAN_ROWS))
    try:
        scan = scan_header(prefix, fields)
    except InputError as exc:
        raise exc.at(file=file, sheet=sheet) from None
    if scan.header is None:
        split = [m for m in merged if m[0][0] < HEADER_SCAN_ROWS and m[1][0] > m[0][0]]
        if split:  # a two-row header: its merged cells hide which header is whose
            raise _merged_error("sheet.merged_header", split[0], file, sheet)
        raise _missing_columns(scan, fields, file, sheet)
    header = scan.header
    _refuse_merged_body(merged, header, file, sheet)
    required = [w.field.name for w in fields if w.required]
    # Absent optional columns read as ''; each row's values start as a copy of this.
    empty = {w.field.name: "" for w in fields}
    present = [
        _Column(w.field.name, header.columns[w.field.name] - 1, _CLEAN[w.field.text_only], w.field)
        for w in fields
        if w.field.name in header.columns
    ]
    # Left to right: the first hidden column with a value is the one named.
    concealed = sorted((c for c in present if _within(c.offset + 1, hidden_columns)),
                       key=lambda c: c.offset)  # fmt: skip
    # The header is in the prefix, so every record after the prefix is below it.
    body = chain([r for r in prefix if r[0] > header.row], records)
    rows: list[Row] = []
    first = True
    # The loop below runs for every cell of every list: the common cells (empty, or text
    # already found clean) are decided inline, the rest by _cell.
    for number, cells in body:
        if first and _is_column_numbering(cells):
            first = False
            continue
        if concealed or (hidden and number in hidden):
            _refuse_unseen(number, cells, present, concealed, hidden, required, header, file,
                           sheet)  # fmt: skip
        width = len(cells)
        values = empty.copy()
        for name, index, known, field in present:
            raw = cells[index] if index < width else None
            if raw is None:
                continue
            # type(), not isinstance: a Formula or ExcelError is a str that must be refused
            text = known.get(raw) if type(raw) is str else None
            if text is None:
                text = _cell(raw, field, index + 1, number, header, file, sheet)
            values[name] = text
        if any(values.values()):
            first = False
            row = Row(number, values, file, sheet, header)
            for name in required:
                if not values[name]:  # a title without a name would be printed and paid
                    raise row.error("sheet.missing_cell", name, cell=row.cell(name),
                                    column_name=header.texts[name])  # fmt: skip
            rows.append(row)
            if len(rows) > MAX_ROWS:
                raise InputError("sheet.too_many_rows", file=file, sheet=sheet, row=number,
                                 limit=MAX_ROWS)  # fmt: skip
    if not rows:
        raise InputError("sheet.no_rows", file=file, sheet=sheet, header_row=header.row)
    return Table(file, sheet, header, rows)


def _within(column: int, spans: Sequence[ColumnSpan]) -> bool:
    """Whether a 1-based column is in one of the spans Excel hides."""
    return any(first <= column <= last for first, last in spans)


def _seen_text(raw: object, field: Field) -> str | None:
    """A cell's text as the row would read it ('' for an empty cell); None for a bad cell,
    which has content all the same."""
    if raw is None:
        return ""
    try:
        return cell_text(raw, field, "")
    except InputError:
        return None


def _refuse_unseen(
    number: int,
    cells: Sequence[object],
    present: Sequence[_Column],
    concealed: Sequence[_Column],
    hidden: frozenset[int],
    required: Sequence[str],
    header: Header,
    file: str,
    sheet: str | None,
) -> None:
    """Refuse a row the clerk cannot see that has content, or a value in a column the list
    reads that Excel hides; rows and columns that hide nothing pass."""
    width = len(cells)
    for column in concealed:
        raw = cells[column.offset] if column.offset < width else None
        if _seen_text(raw, column.field) != "":
            letter = get_column_letter(column.offset + 1)
            header_text = header.texts[column.name]
            raise InputError(
                "sheet.hidden_column", file=file, sheet=sheet, row=number,
                column=column.offset + 1, field=header_text, letter=letter, header=header_text,
                cell=f"{letter}{number}", value=clean(plain_text(raw))[:60],
            )  # fmt: skip
    if number not in hidden:
        return
    values: dict[str, str] = {}
    for column in present:
        raw = cells[column.offset] if column.offset < width else None
        text = _seen_text(raw, column.field)
        values[column.name] = clean(plain_text(raw)) if text is None else text
    if any(values.values()):
        raise InputError("sheet.hidden_row", file=file, sheet=sheet, row=number, number=number,
                         name=_row_name(values, required))  # fmt: skip


def _row_name(values: Mapping[str, str], required: Sequence[str]) -> str:
    """What a row says first (its name, in a danh sách), to show which row is meant."""
    first = next((values[n] for n in required if values[n]), "")
    first = first or next((v for v in values.values() if v), "")
    return first[:60]


def _cell(
    raw: object,
    field: Field,
    column: int,
    number: int,
    header: Header,
    file: str,
    sheet: str | None,
) -> str:
    """Clean text of a cell not seen before, remembered if it is text; InputError at the cell."""
    try:
        text = cell_text(raw, field, f"{get_column_letter(column)}{number}")
    except InputError as exc:
        raise exc.at(
            file=file, sheet=sheet, row=number, column=column, field=header.texts[field.name]
        ) from None
    if type(raw) is str:
        _remember(raw, field.text_only, text)
    return text


def _range_text(merged: Merged) -> str:
    (top, left), (bottom, right) = merged
    return f"{get_column_letter(left + 1)}{top + 1}:{get_column_letter(right + 1)}{bottom + 1}"


def _merged_error(key: str, merged: Merged, file: str, sheet: str | None) -> InputError:
    return InputError(key, file=file, sheet=sheet, row=merged[0][0] + 1, cells=_range_text(merged))


def _refuse_merged_body(
    merged: Sequence[Merged], header: Header, file: str, sheet: str | None
) -> None:
    """Merged cells at or below the header, in a column that is read: refused.

    Only the first cell of a merged range holds the value, so a unit or a title merged over
    several people would be read for the first of them only. Title rows above the header may be
    merged freely.
    """
    used = set(header.columns.values())
    for item in merged:
        (top, left), (bottom, right) = item
        if bottom + 1 < header.row:
            continue
        if any(left + 1 <= column <= right + 1 for column in used):
            key = "sheet.merged_header" if top + 1 <= header.row else "sheet.merged_cells"
            raise _merged_error(key, item, file, sheet)


def _is_column_numbering(cells: Sequence[object]) -> bool:
    texts = [clean(plain_text(v)) for v in cells]
    marks = [t for t in texts if t]
    return len(marks) >= 2 and all(_COLUMN_MARK.fullmatch(t) for t in marks)
