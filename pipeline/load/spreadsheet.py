"""Danh sách: read the people and collectives of an award decision from an .xlsx or .csv file.

The caller names the fields it wants; each `Field` carries the header spellings an office
might use for it. `read_table` finds the header row (title rows above it are fine), maps
columns to fields and returns cleaned text, one `Row` per person or collective, each with the
row number Excel shows, so later checks can point at the cell:

    table = read_table(path, required=["ho_ten", "danh_hieu"], optional=["chuc_vu", "don_vi"])
    for row in table:
        row.values["ho_ten"]      # 'Nguyễn Văn An'
        row.error("data.unknown_title", "danh_hieu", value=...)   # an InputError at that cell

Fields are given by name (one of `STANDARD_FIELDS`) or as a `Field` for anything else.
`columns` (from the YAML) maps a field name to the header text an office actually uses and
replaces the default spellings of that field.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from pipeline.errors import InputError
from pipeline.text.normalize import slug

# Header rows sit under a few merged title rows (agency, "DANH SÁCH ..."), never far down.
HEADER_SCAN_ROWS = 20
XLSX_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
# Compound File Binary (OLE2): old .xls, and also the wrapper Excel puts around an encrypted .xlsx.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
CSV_DELIMITERS = (",", ";", "\t")

_NUMERIC = re.compile(r"[+-]?\d[\d.,]*%?")
# The "(1) (2) (3)" or "A B C" line many forms put under the headers to number the columns.
_COLUMN_MARK = re.compile(r"\(?(?:\d{1,2}|[A-Za-z])\)?")
# Excel writes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring); openpyxl leaves
# the escape as text, so a pasted control character would slip through unseen.
_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ALLOWED_CONTROLS = frozenset("\t\n\r")  # \r: Windows line breaks inside a quoted CSV cell


@dataclass(frozen=True)
class Field:
    """A column of the danh sách: canonical name, accepted header spellings, text-only or not.

    `text_only` marks columns where a number is a mistake (a name column holding 12 means the
    columns are shifted or the STT was pasted there).
    """

    name: str
    headers: tuple[str, ...]
    text_only: bool = False

    @property
    def label(self) -> str:
        """The header to show a user: the first accepted spelling."""
        return self.headers[0] if self.headers else self.name


STANDARD_FIELDS: Mapping[str, Field] = {
    f.name: f
    for f in (
        Field(
            "ho_ten",
            (
                "Họ và tên",
                "Họ tên",
                "Tên tập thể",
                "Họ và tên / Tên tập thể",
                "Tên đơn vị",
                "Họ và tên / Tên đơn vị",
            ),
            text_only=True,
        ),
        Field("chuc_vu", ("Chức vụ", "Chức danh", "Chức vụ / Chức danh"), text_only=True),
        Field("don_vi", ("Đơn vị", "Đơn vị công tác", "Nơi công tác")),
        Field(
            "danh_hieu",
            (
                "Danh hiệu",
                "Hình thức",
                "Danh hiệu / Hình thức",
                "Danh hiệu thi đua",
                "Hình thức khen thưởng",
                "Danh hiệu / Hình thức khen thưởng",
            ),
            text_only=True,
        ),
        Field("ghi_chu", ("Ghi chú",)),
        Field("loai", ("Loại", "Cá nhân / Tập thể")),
    )
}


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


class _Formula(str):
    """A formula cell whose computed value the file does not store."""


class _ExcelError(str):
    """A cell holding an Excel error value such as #REF! or #N/A."""


Record = tuple[int, Sequence[object]]


def normalize_header(text: str) -> str:
    """Header text for matching, without case, diacritics, spaces, punctuation: 'hovaten'."""
    return slug(str(text)).replace("_", "")


def read_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    columns: Mapping[str, str | Sequence[str]] | None = None,
    required: Sequence[str | Field],
    optional: Sequence[str | Field] = (),
) -> Table:
    """Read a danh sách (.xlsx sheet or .csv) into rows keyed by field name.

    Absent optional columns read as '' (see `Table.has`); fully empty rows are skipped.
    Raises InputError, located at the file, sheet, row and column, for any input problem.
    """
    path = Path(path)
    fields = _resolve_fields(required, optional, columns or {})
    kind = _file_kind(path)
    if kind == "csv":
        return _read_csv(path, fields)
    return _read_xlsx(path, sheet, fields)


# -- fields -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Wanted:
    field: Field
    required: bool


def _resolve_fields(
    required: Sequence[str | Field],
    optional: Sequence[str | Field],
    columns: Mapping[str, str | Sequence[str]],
) -> list[_Wanted]:
    def as_field(item: str | Field) -> Field:
        if isinstance(item, Field):
            return item
        if item not in STANDARD_FIELDS:
            raise ValueError(f"unknown field {item!r}; pass a Field for non-standard columns")
        return STANDARD_FIELDS[item]

    wanted = [_Wanted(as_field(i), True) for i in required]
    wanted += [_Wanted(as_field(i), False) for i in optional]
    names = [w.field.name for w in wanted]
    if len(set(names)) != len(names):
        raise ValueError(f"a field is asked for twice: {names}")
    for name in columns:
        if name not in names and name not in STANDARD_FIELDS:
            known = ", ".join(sorted(set(names) | set(STANDARD_FIELDS)))
            raise InputError("sheet.unknown_field", field=name, name=name, known=known)
    result = []
    for w in wanted:
        override = columns.get(w.field.name)
        if override:
            spellings = (override,) if isinstance(override, str) else tuple(override)
            w = _Wanted(replace(w.field, headers=spellings), w.required)
        result.append(w)
    return result


# -- file kinds ---------------------------------------------------------------------------


def _file_kind(path: Path) -> str:
    if not path.is_file():
        raise InputError("sheet.not_found", file=path)
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(OLE2_MAGIC))
    except OSError as exc:
        raise InputError("sheet.read_failed", file=path, reason=exc.strerror or exc) from exc
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError("sheet.xls_format", file=path, name=path.name)
    if magic == OLE2_MAGIC:
        # An encrypted .xlsx is an OLE2 container too; only the name tells it from an .xls.
        key = "sheet.encrypted" if suffix in XLSX_SUFFIXES else "sheet.xls_format"
        raise InputError(key, file=path, name=path.name)
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix in TEXT_SUFFIXES:
        return "csv"
    supported = ", ".join(XLSX_SUFFIXES + TEXT_SUFFIXES)
    raise InputError(
        "sheet.unsupported_format", file=path, suffix=suffix or path.name, supported=supported
    )


# -- xlsx ---------------------------------------------------------------------------------


def _read_xlsx(path: Path, sheet: str | None, fields: list[_Wanted]) -> Table:
    values_book = _open_workbook(path, data_only=True)
    try:
        # A second, formula view of the same sheet: data_only hides whether an empty cell is
        # really a formula Excel never computed (files written by scripts, not by Excel).
        formula_book = _open_workbook(path, data_only=False)
        try:
            values_ws = _pick_sheet(values_book, sheet, path)
            formula_ws = formula_book[values_ws.title]
            records = _xlsx_records(values_ws, formula_ws)
            return _build_table(records, fields, file=str(path), sheet=values_ws.title)
        finally:
            formula_book.close()
    finally:
        values_book.close()


def _open_workbook(path: Path, *, data_only: bool) -> Any:
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except zipfile.BadZipFile as exc:
        raise InputError("sheet.bad_xlsx", file=path, reason=exc) from exc
    except (InvalidFileException, KeyError, ValueError, TypeError, SyntaxError) as exc:
        # KeyError: a zip without the workbook parts; SyntaxError: broken XML inside it.
        raise InputError("sheet.bad_xlsx", file=path, reason=exc) from exc
    except OSError as exc:
        raise InputError("sheet.read_failed", file=path, reason=exc.strerror or exc) from exc


def _pick_sheet(book: Any, name: str | None, path: Path) -> Any:
    worksheets = book.worksheets
    if not worksheets:
        raise InputError("sheet.no_sheets", file=path)
    if name is None:
        return worksheets[0]
    for ws in worksheets:
        if ws.title == name:
            return ws
    loose = [ws for ws in worksheets if normalize_header(ws.title) == normalize_header(name)]
    if len(loose) == 1:
        return loose[0]
    available = ", ".join(f"'{ws.title}'" for ws in worksheets)
    raise InputError("sheet.unknown_sheet", file=path, sheet=name, name=name, available=available)


def _xlsx_records(values_ws: Any, formula_ws: Any) -> Iterator[Record]:
    # The dimension a file declares may be wrong (too small or the whole 1,048,576 rows);
    # without it openpyxl yields exactly the rows stored.
    values_ws.reset_dimensions()
    formula_ws.reset_dimensions()
    pairs = zip(values_ws.iter_rows(), formula_ws.iter_rows(), strict=False)
    for number, (value_cells, formula_cells) in enumerate(pairs, start=1):
        yield (
            number,
            [
                _xlsx_value(cell, formula_cells[i] if i < len(formula_cells) else None)
                for i, cell in enumerate(value_cells)
            ],
        )


def _xlsx_value(cell: Any, formula_cell: Any) -> object:
    value = cell.value
    if cell.data_type == "e":
        return _ExcelError(value)
    if value is None:
        # t="str" with an empty value is a formula that computed ''; no type means never computed.
        if formula_cell is not None and formula_cell.data_type == "f" and cell.data_type != "str":
            return _Formula(getattr(formula_cell.value, "text", formula_cell.value))
        return None
    if isinstance(value, str):
        return _XML_ESCAPE.sub(_unescape_control, value)
    return value


def _unescape_control(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if unicodedata.category(char) == "Cc" else match.group(0)


# -- csv ----------------------------------------------------------------------------------


def _read_csv(path: Path, fields: list[_Wanted]) -> Table:
    text = _decode(path)
    first_lines = list(islice(io.StringIO(text), HEADER_SCAN_ROWS))
    candidates = sorted(CSV_DELIMITERS, key=lambda d: -sum(line.count(d) for line in first_lines))
    # The right delimiter is the one under which the required headers appear.
    for delimiter in candidates:
        prefix = list(islice(_csv_records(text, delimiter, path), HEADER_SCAN_ROWS))
        if _scan_header(prefix, fields).header is not None:
            break
    else:
        delimiter = candidates[0]
    return _build_table(_csv_records(text, delimiter, path), fields, file=str(path), sheet=None)


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("sheet.read_failed", file=path, reason=exc.strerror or exc) from exc
    # Excel's "Unicode Text" export is UTF-16 with a byte order mark.
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError("sheet.csv_encoding", file=path, line=line, offset=exc.start) from exc


def _csv_records(text: str, delimiter: str, path: Path) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for record in reader:
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(
            "sheet.csv_malformed", file=path, line=reader.line_num, reason=exc
        ) from exc


# -- shared: header, rows, cells ----------------------------------------------------------


@dataclass(frozen=True)
class _Scan:
    header: Header | None
    best_row: int | None
    best_texts: list[str]
    best_matched: frozenset[str]


def _scan_header(prefix: Sequence[Record], fields: list[_Wanted]) -> _Scan:
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
            text = _clean(_plain_text(value))
            if not text:
                continue
            texts.append(text)
            name = lookup.get(normalize_header(text))
            if name:
                found.setdefault(name, []).append(column)
        if found and needed <= found.keys():
            return _Scan(_header(number, cells, found), number, texts, frozenset(found))
        score = (len(found), len(texts))
        if texts and (best is None or score > best[0]):
            best = (score, number, texts, frozenset(found))
    if best is None:
        return _Scan(None, None, [], frozenset())
    return _Scan(None, best[1], best[2], best[3])


def _header(number: int, cells: Sequence[object], found: dict[str, list[int]]) -> Header:
    texts = {}
    for name, columns in found.items():
        texts[name] = _clean(_plain_text(cells[columns[0] - 1]))
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
    scan: _Scan, fields: list[_Wanted], file: str, sheet: str | None
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


def _build_table(
    records: Iterable[Record], fields: list[_Wanted], *, file: str, sheet: str | None
) -> Table:
    records = iter(records)
    prefix = list(islice(records, HEADER_SCAN_ROWS))
    try:
        scan = _scan_header(prefix, fields)
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
                values[w.field.name] = _cell_text(raw, w.field, cell)
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
    texts = [_clean(_plain_text(v)) for v in cells]
    marks = [t for t in texts if t]
    return len(marks) >= 2 and all(_COLUMN_MARK.fullmatch(t) for t in marks)


def _cell_text(raw: object, field: Field, cell: str) -> str:
    """Clean text of one cell, or InputError (without location) for a bad cell."""
    if isinstance(raw, _Formula):
        raise InputError("sheet.formula_no_value", cell=cell, formula=f"={raw.lstrip('=')}")
    if isinstance(raw, _ExcelError):
        raise InputError("sheet.error_value", cell=cell, value=str(raw))
    if isinstance(raw, str):
        for ch in raw:
            if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS:
                raise InputError("sheet.control_char", cell=cell, char=f"U+{ord(ch):04X}")
        text = _clean(raw)
        if field.text_only and _NUMERIC.fullmatch(text):
            raise InputError("sheet.number_in_text", cell=cell, value=text)
        return text
    text = _plain_text(raw)
    if field.text_only and raw is not None and not isinstance(raw, bool):
        raise InputError("sheet.number_in_text", cell=cell, value=text)
    return text


def _plain_text(value: object) -> str:
    """A cell value as text: Excel's 3.0 is '3', dates are dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


def _clean(text: str) -> str:
    """NFC, trimmed, runs of whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())
