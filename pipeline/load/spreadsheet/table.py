"""The table of a danh sách: find the header row, map columns to fields, turn records into rows."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from openpyxl.utils import get_column_letter

from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import cell_text, clean, plain_text
from pipeline.load.spreadsheet.fields import Wanted, normalize_header

# Header rows sit under a few merged title rows (agency, "DANH SÁCH ..."), never far down.
HEADER_SCAN_ROWS = 20

# The "(1) (2) (3)" or "A B C" line many forms put under the headers to number the columns.
_COLUMN_MARK = re.compile(r"\(?(?:\d{1,2}|[A-Za-z])\)?")

Record = tuple[int, Sequence[object]]


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


def build_table(
    records: Iterable[Record], fields: list[Wanted], *, file: str, sheet: str | None
) -> Table:
    """The rows below the header, cleaned; InputError located at the cell for any bad one."""
    records = iter(records)
    prefix = list(islice(records, HEADER_SCAN_ROWS))
    try:
        scan = scan_header(prefix, fields)
    except InputError as exc:
        raise exc.at(file=file, sheet=sheet) from None
    if scan.header is None:
        raise _missing_columns(scan, fields, file, sheet)
    header = scan.header
    body = (r for r in chain(prefix, records) if r[0] > header.row)
    rows: list[Row] = []
    first = True
    for number, cells in body:
        if first and _is_column_numbering(cells):
            first = False
            continue
        values = {}
        for w in fields:
            column = header.columns.get(w.field.name)
            if column is None:
                values[w.field.name] = ""
                continue
            raw = cells[column - 1] if column <= len(cells) else None
            try:
                cell = f"{get_column_letter(column)}{number}"
                values[w.field.name] = cell_text(raw, w.field, cell)
            except InputError as exc:
                raise exc.at(
                    file=file,
                    sheet=sheet,
                    row=number,
                    column=column,
                    field=header.texts[w.field.name],
                ) from None
        if any(values.values()):
            first = False
            rows.append(Row(number, values, file, sheet, header))
    if not rows:
        raise InputError("sheet.no_rows", file=file, sheet=sheet, header_row=header.row)
    return Table(file, sheet, header, rows)


def _is_column_numbering(cells: Sequence[object]) -> bool:
    texts = [clean(plain_text(v)) for v in cells]
    marks = [t for t in texts if t]
    return len(marks) >= 2 and all(_COLUMN_MARK.fullmatch(t) for t in marks)
