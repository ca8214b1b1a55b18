"""Nhập sổ cũ từ .xlsx: an office's existing register, read strictly, each bad row named.

Real sheets have merged title rows, blank rows and the header somewhere near the top; the header
is found by its column titles (several spellings each), the "(1) (2) ..." row under it skipped.
Every bad row is reported (sheet, row, column) and nothing is recorded until all are good.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from pipeline.errors import InputError
from pipeline.load.spreadsheet.limits import MAX_FILE_BYTES, check_size, refuse_large_parts
from pipeline.register.columns import EXTRA_COLUMNS, FORM_COLUMNS, STATUS_WORDS
from pipeline.register.errors import DuplicateNumberError, RegisterImportError
from pipeline.register.model import Details, Entry, Status
from pipeline.register.store import Register
from pipeline.rules.dates import years_said

HEADER_SEARCH_ROWS = 25
# Rows of one sheet, blank ones included: a busy office numbers a few thousand documents a year.
MAX_REGISTER_ROWS = 100_000
_TITLES = {c.key: c.title for c in FORM_COLUMNS + EXTRA_COLUMNS}

# Normalised header text → field. Offices spell the form's titles in several ways.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "reference": ("số ký hiệu văn bản", "số ký hiệu", "số và ký hiệu văn bản", "số và ký hiệu",
                  "số văn bản", "số ký hiệu vb"),
    "doc_date": ("ngày tháng văn bản", "ngày tháng", "ngày văn bản", "ngày ban hành",
                 "ngày tháng năm văn bản"),
    "summary": ("tên loại và trích yếu nội dung", "tên loại và trích yếu nội dung văn bản",
                "trích yếu nội dung", "trích yếu"),
    "signer": ("người ký",),
    "recipients": ("nơi nhận văn bản", "nơi nhận"),
    "archive": ("đơn vị người nhận bản lưu", "đơn vị người nhận bản lưu văn bản", "bản lưu",
                "nơi lưu"),
    "copies": ("số lượng bản", "số bản", "số lượng"),
    "transfer_date": ("ngày chuyển",),
    "received_by": ("ký nhận",),
    "note": ("ghi chú",),
    "sequence": ("dãy số",),
    "status": ("trạng thái",),
    "void_reason": ("lý do hủy",),
    "source": ("tệp nguồn",),
    "signer_title": ("chức danh người ký",),
}
_FIELD_OF = {text: key for key, texts in _SYNONYMS.items() for text in texts}
_STATUS_OF = {word: status for status, word in STATUS_WORDS.items()}
# "10/" (a blank ký hiệu, as older vanthu wrote one) is read as 10 without ký hiệu.
_REFERENCE = re.compile(r"^(?:số\s*:?\s*)?0*(\d{1,6})\s*(?:/\s*(\S.*?)?)?$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?$")


@dataclass(frozen=True)
class ImportedRow:
    """One register row read from a sheet, with where it was."""

    sheet: str
    row: int
    year: int
    number: int
    sequence: str | None  # None: the office's plan decides from the type
    details: Details
    status: Status
    void_reason: str | None
    source: str | None = None


def _norm(value: Any) -> str:
    text = unicodedata.normalize("NFC", str(value)).lower()
    text = re.sub(r"[,.;:()/\-–_\n\r\t]+", " ", text)
    return " ".join(text.split())


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).strip()
    return text or None


def _find_header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for position, value in enumerate(row):
            if value is not None:
                key = _FIELD_OF.get(_norm(value))
                if key is not None and key not in found:
                    found[key] = position
        if len(found) >= 3:
            return index, found
    return None


def _is_numbering_row(row: tuple[Any, ...]) -> bool:
    cells = [_text(v) for v in row if _text(v)]
    return len(cells) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", c or "") for c in cells)


class _RowReader:
    """Turns one sheet row into an ImportedRow, collecting its errors."""

    def __init__(self, file: str, sheet: str, columns: dict[str, int], year: int | None,
                 title_year: int | None, sequence: str | None) -> None:
        self.file, self.sheet, self.columns = file, sheet, columns
        self.year, self.title_year, self.sequence = year, title_year, sequence
        self.errors: list[InputError] = []

    def _error(self, key: str, row: int, field: str, **params: Any) -> None:
        self.errors.append(InputError(key, file=self.file, sheet=self.sheet, row=row,
                                      field=_TITLES[field], **params))

    def _get(self, values: tuple[Any, ...], key: str) -> Any:
        position = self.columns.get(key)
        return values[position] if position is not None and position < len(values) else None

    def _date(self, value: Any, row: int, key: str) -> tuple[date | None, bool]:
        """A date cell or text; (date, False) when it had no year and took the sheet's."""
        if value is None or _text(value) is None:
            return None, True
        if isinstance(value, datetime):
            return value.date(), True
        if isinstance(value, date):
            return value, True
        match = _DATE.match(_text(value) or "")
        if match:
            day, month, year_text = match.groups()
            year = self.year or self.title_year
            if year_text:
                year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            if year is not None:
                try:
                    return date(year, int(month), int(day)), True
                except ValueError:
                    pass
        self._error("register.bad_date", row, key, value=_text(value))
        return None, False

    def read(self, values: tuple[Any, ...], row: int) -> ImportedRow | None:
        errors_before = len(self.errors)
        raw = self._get(values, "reference")
        match = _REFERENCE.match(_text(raw) or "")
        if not match:
            self._error("register.bad_reference", row, "reference", value=_text(raw) or "")
        doc_date, _ = self._date(self._get(values, "doc_date"), row, "doc_date")
        transfer_date, _ = self._date(self._get(values, "transfer_date"), row, "transfer_date")
        copies_raw = self._get(values, "copies")
        copies: int | None = None
        if _text(copies_raw) is not None:
            text = _text(copies_raw) or ""
            if text.isdigit() and int(text) > 0:
                copies = int(text)
            else:
                self._error("register.bad_copies", row, "copies", value=text)
        year = doc_date.year if doc_date else (self.year or self.title_year)
        if year is None and match and _text(self._get(values, "doc_date")) is None:
            self._error("register.no_year", row, "doc_date")
        status_word = _text(self._get(values, "status"))
        status = _STATUS_OF.get((status_word or "").lower(), Status.ISSUED)
        if len(self.errors) > errors_before or match is None or year is None:
            return None
        details = Details(
            doc_date=doc_date, symbol=match.group(2), summary=_text(self._get(values, "summary")),
            signer=_text(self._get(values, "signer")),
            recipients=_text(self._get(values, "recipients")),
            archive=_text(self._get(values, "archive")), copies=copies,
            transfer_date=transfer_date, received_by=_text(self._get(values, "received_by")),
            note=_text(self._get(values, "note")),
            signer_title=_text(self._get(values, "signer_title")),
        )
        return ImportedRow(
            self.sheet, row, year, int(match.group(1)),
            self.sequence or _text(self._get(values, "sequence")), details, status,
            _text(self._get(values, "void_reason")), _text(self._get(values, "source")),
        )


def read_register_xlsx(path: Path, *, year: int | None = None,
                       sequence: str | None = None) -> list[ImportedRow]:
    """Every register row of every sheet that has a register header; all errors at once."""
    rows, errors = _read(path, year, sequence)
    if errors:
        raise RegisterImportError(errors, file=str(path))
    return rows


def _read(path: Path, year: int | None,
          sequence: str | None) -> tuple[list[ImportedRow], list[InputError]]:
    file = str(path)
    if not path.exists():
        raise InputError("register.not_found", file=file)
    # The limits of an award list, as hostile a file can be here: size, then each part's
    # inflated size from the zip's directory, before openpyxl inflates anything.
    check_size(path, MAX_FILE_BYTES)
    try:
        data = io.BytesIO(path.read_bytes())  # read once: the zip's directory, then openpyxl
        with zipfile.ZipFile(data) as archive:
            refuse_large_parts(archive, path)
        book = load_workbook(data, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError("sheet.bad_xlsx", file=file, reason=str(exc)) from None
    rows_out: list[ImportedRow] = []
    errors: list[InputError] = []
    found_header = False
    try:
        for sheet in book.worksheets:
            rows: list[tuple[Any, ...]] = []
            for values in sheet.iter_rows(values_only=True):
                if len(rows) >= MAX_REGISTER_ROWS:
                    raise InputError("register.too_many_rows", file=file, sheet=sheet.title,
                                     row=len(rows) + 1, limit=MAX_REGISTER_ROWS)  # fmt: skip
                rows.append(tuple(values))
            header = _find_header(rows)
            if header is None:
                continue
            found_header = True
            header_index, columns = header
            if "reference" not in columns:
                errors.append(InputError("register.no_number_column", file=file,
                                         sheet=sheet.title, row=header_index + 1))
                continue
            titles = " ".join(_text(v) or "" for r in rows[:header_index] for v in r)
            title_years = years_said(titles)  # "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2024"
            reader = _RowReader(file, sheet.title, columns, year,
                                title_years[0] if title_years else None, sequence)
            body = rows[header_index + 1:]
            first = True  # the "(1) (2) ..." row, if any, is the first one under the header
            for offset, values in enumerate(body):
                row_number = header_index + 2 + offset
                if all(_text(v) is None for v in values):
                    continue
                if first and _is_numbering_row(values):
                    first = False
                    continue
                first = False
                parsed = reader.read(values, row_number)
                if parsed is not None:
                    rows_out.append(parsed)
            errors.extend(reader.errors)
    finally:
        book.close()
    if not found_header:
        raise InputError("register.no_header", file=file, rows=HEADER_SEARCH_ROWS)
    return rows_out, errors


def import_xlsx(register: Register, agency: str, path: Path, *, year: int | None = None,
                sequence: str | None = None) -> list[Entry]:
    """Nhập sổ: record every row of the file for `agency` in one transaction, or none."""
    rows, errors = _read(path, year, sequence)
    file = str(path)
    seen: dict[tuple[int, str, int], ImportedRow] = {}
    resolved = []
    for row in rows:
        chosen = register.sequence_for(agency, row.details, row.sequence)
        key = (row.year, chosen, row.number)
        if key in seen:
            errors.append(InputError(
                "register.duplicate_in_file", file=file, sheet=row.sheet, row=row.row,
                field=_TITLES["reference"], reference=f"{row.number:02d}", year=row.year,
                other_row=seen[key].row,
            ))
            continue
        seen[key] = row
        resolved.append((row.year, row.number, chosen, row.details, row.status, row.void_reason,
                         row.source))
    if errors:
        sheets = {row.sheet: index for index, row in enumerate(rows)}
        errors.sort(key=lambda e: (sheets.get(e.sheet or "", 0), e.row or 0))
        raise RegisterImportError(errors, file=file)
    try:
        return register.record_many(agency, resolved)
    except DuplicateNumberError as exc:
        where = rows[exc.index] if exc.index is not None else None
        error = InputError(exc.key, file=file, sheet=where.sheet if where else None,
                           row=where.row if where else None, field=_TITLES["reference"],
                           **exc.params)
        raise RegisterImportError([error], file=file) from None
