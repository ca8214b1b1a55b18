"""Nhập sổ cũ từ .xlsx: an office's existing register, read strictly, each bad row named.

Real sheets have merged title rows, blank rows and the header somewhere near the top; the header
is found by its column titles (several spellings each; Số and Ký hiệu may be two columns), the
"(1) (2) ..." row under it skipped, and the lines under the table (Tổng số, Người lập sổ, the
signers' names) passed over. Every bad row is reported (sheet, row, column) and nothing is
recorded until all are good: a row dated in another year than its sheet's is one (a mistyped
year would file it in another year's sổ). A sổ without vanthu's Trạng thái column says a void
or a number kept aside in Ghi chú ("Hủy số (in sai)", "Giữ số"): read so (columns.py). Once
recorded, what `vanthu so kiem-tra` would say of the imported rows (gaps, dates out of number
order, with a hint when Excel swapped day and month) comes back as warnings, while the clerk
still has the file open.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import Formula, get_column_letter, plain_text
from pipeline.load.spreadsheet.limits import MAX_FILE_BYTES, check_size, refuse_large_parts
from pipeline.load.spreadsheet.signatures import folded, is_signature_line, is_signer_name
from pipeline.model.base import FIRST_YEAR, LAST_YEAR
from pipeline.phrase import Phrase
from pipeline.register.checks import CheckReport, OutOfOrder, check_year, dated_out_of_order
from pipeline.register.columns import (
    EXTRA_COLUMNS,
    FORM_COLUMNS,
    STATUS_WORDS,
    note_from_printed,
    reserved_from_note,
    void_from_note,
)
from pipeline.register.documents import register_identity
from pipeline.register.errors import DuplicateNumberError, RegisterImportError
from pipeline.register.model import MAX_COPIES, MAX_NUMBER, Details, Entry, Status
from pipeline.register.restore import read_recorded, recorded_entries
from pipeline.register.store import Register
from pipeline.register.switched import own_numbers
from pipeline.register.texts import RefusedText, checked
from pipeline.rules.dates import years_said
from pipeline.text.listing import first_named
from pipeline.text.tones import same_spelling

if TYPE_CHECKING:
    from pipeline.workspace.core import Workspace

HEADER_SEARCH_ROWS = 25
# Rows of one sheet, blank ones included: a busy office numbers a few thousand documents a year.
MAX_REGISTER_ROWS = 100_000
_TITLES = {c.key: c.title for c in FORM_COLUMNS + EXTRA_COLUMNS}
_TITLES.update(number="Số", symbol="Ký hiệu")

# Normalised header text → field. Offices spell the form's titles in several ways.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "reference": ("số ký hiệu văn bản", "số ký hiệu", "số và ký hiệu văn bản", "số và ký hiệu",
                  "số văn bản", "số ký hiệu vb", "số kh"),
    # A sổ keeping the number and the ký hiệu in two columns: joined as "05/QĐ-UBND".
    "number": ("số", "số đi"),
    "symbol": ("ký hiệu", "ký hiệu văn bản", "ký hiệu vb"),
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
# Trạng thái as a clerk writes it in a sổ `so xuat` wrote: vanthu's own words (STATUS_WORDS)
# and their short forms, compared as text.tones.same_spelling keys (case, spacing and tone
# placement aside: "Đã huỷ", typed by Unikey's "kiểu cũ", is "đã hủy"). Any other word is
# refused: taken as đã cấp, a "Hủy" would give a void number back to a document.
_STATUS_SAID = {
    Status.ISSUED: ("cấp", "cấp số", "đã cấp số"),
    Status.PENDING: (),
    Status.RESERVED: ("giữ", "đã giữ", "đã giữ số", "số giữ"),
    Status.VOID: ("hủy", "hủy số", "đã hủy số", "bị hủy", "số bị hủy"),
}
_STATUS_OF = {same_spelling(word): status for status, words in _STATUS_SAID.items()
              for word in (STATUS_WORDS[status], *words)}
# The columns of a row holding text, and how each is checked (texts.checked): the ký hiệu with
# the number (Số, ký hiệu), the signer's name as a person's; a file's or a run's name is no
# Vietnamese text, for the legacy check.
_CHECKED_AS: dict[str, dict[str, bool]] = {
    "reference": {"symbol": True},
    "summary": {}, "signer": {"person": True}, "recipients": {}, "archive": {},
    "received_by": {}, "note": {}, "signer_title": {}, "void_reason": {}, "status": {},
    "sequence": {"legacy": False}, "source": {"legacy": False},
}
# "10/" (a blank ký hiệu, as older vanthu wrote one) is read as 10 without ký hiệu.
_REFERENCE = re.compile(r"^(?:số\s*:?\s*)?0*(\d{1,6})\s*(?:/\s*(\S.*?)?)?$", re.IGNORECASE)
_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?$")
# A ký hiệu opening with its year, as a legal normative document's does ("2026/NQ-HĐND").
_YEAR_FIRST = re.compile(r"(?:19|20)\d{2}\s*/")
# A year in a sheet's name ("Sổ đi 2026", "2025").
_NAMED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# Excel's day numbers of 01/01/1990 and 31/12/2100: a number in a date column between them is
# a date whose cell lost its date format (values pasted), read as Excel reads it.
_SERIALS = (32874, 73415)
# The label a total row under the table opens with, as pipeline/load/spreadsheet/totals.py
# reads it in an award list: "Tổng số: 08 văn bản", "Tổng cộng", "Cộng: 8" (not "Cộng đồng").
_TOTAL_LABEL = re.compile(r"(?:tổng cộng|tổng số)(?!\w)|(?:tổng|cộng)(?=\s*[:.]?\s*(?:\d|$))")
# How a date was written: an Excel date (or day number), text with its year, text without one.
CELL, TEXT, YEARLESS = "cell", "text", "yearless"
# How many rows a warning names before "…"; how many conflicting rows are tried one by one.
_NAMED = 5
_TRIED = 20
# The first bytes of an Excel 97–2003 workbook (.xls): an OLE2 compound file, not a zip.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
    date_kind: str | None = None  # CELL, TEXT or YEARLESS; None: no document date
    # Status.RESERVED read from Ghi chú ("Giữ số"), the sổ having no Trạng thái column.
    reserved_in_note: bool = False


@dataclass
class ImportResult:
    """What `so nhap` recorded, and what to tell the clerk about it (InputErrors used as
    warnings, each naming its sheet and row): the rows are in the register."""

    entries: list[Entry]
    warnings: list[InputError] = field(default_factory=list)


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
        # A bare Số counts only beside a Ký hiệu (_number_column): a sheet of other data with
        # a Số column is no register.
        lone = "number" in found and "symbol" not in found
        if len(found) - lone >= 3:
            return index, found
    return None


def _is_numbering_row(row: tuple[Any, ...]) -> bool:
    cells = [_text(v) for v in row if _text(v)]
    return len(cells) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", c or "") for c in cells)


def _number_column(columns: dict[str, int]) -> str | None:
    """The column holding the number: Số, ký hiệu; else a Số column beside a Ký hiệu column
    (a bare Số alone may be the row count, STT, and is not taken for the number)."""
    if "reference" in columns:
        return "reference"
    return "number" if "number" in columns and "symbol" in columns else None


@dataclass(frozen=True)
class _SheetYear:
    """The year a sheet says it is: in its title rows, else in its name."""

    year: int
    why: Phrase


def _sheet_year(title: str, above_header: list[tuple[Any, ...]]) -> _SheetYear | None:
    for index, row in enumerate(above_header):
        said = years_said(" ".join(_text(v) or "" for v in row))  # "... ĐI NĂM 2026"
        if said:
            return _SheetYear(said[0], Phrase("register.year_from_title", row=index + 1))
    named = set(_NAMED_YEAR.findall(title))
    if len(named) == 1:
        return _SheetYear(int(named.pop()), Phrase("register.year_from_sheet_name"))
    return None


def _is_line_under_table(values: tuple[Any, ...], after_such_lines: bool) -> bool:
    """Whether a row without a number is a line a clerk keeps under the table: a total
    ("Tổng số: 08 văn bản"), a signature line ("Người lập sổ", "(Ký, ghi rõ họ tên)", a place
    and date) or, under such lines, a signer's name (signatures.py of the award lists)."""
    filled = [v for v in values if _text(v) is not None]
    if not filled:
        return False
    if isinstance(filled[0], str) and _TOTAL_LABEL.match(folded(filled[0])):
        return True
    return all(isinstance(v, str) and (is_signature_line(v.strip()) or (
        after_such_lines and is_signer_name(v))) for v in filled)


class _RowReader:
    """Turns one sheet row into an ImportedRow, collecting its errors."""

    def __init__(self, file: str, sheet: str, columns: dict[str, int], year: int | None,
                 sheet_year: _SheetYear | None, sequence: str | None,
                 epoch: datetime) -> None:  # fmt: skip
        self.file, self.sheet, self.columns = file, sheet, columns
        self.sequence, self.epoch = sequence, epoch
        # The year of a date typed without one: --nam, else the sheet's own.
        self.stated = sheet_year
        self.year = year or (sheet_year.year if sheet_year else None)
        self.number_key = _number_column(columns)
        self.errors: list[InputError] = []
        self.parsed: list[ImportedRow] = []  # the rows read (_read_body)

    def _error(self, key: str, row: int, field: str, **params: Any) -> None:
        self.errors.append(InputError(key, file=self.file, sheet=self.sheet, row=row,
                                      field=_TITLES[field], **params))

    def _get(self, values: tuple[Any, ...], key: str) -> Any:
        position = self.columns.get(key)
        return values[position] if position is not None and position < len(values) else None

    def _checked(self, text: str | None, row: int, key: str) -> str | None:
        """A text of the row's `key` column as the register keeps it (texts.checked: NFC,
        through the text gate, no legacy-font text), as a typed option's is; None for none, or
        for one refused, whose error is collected in the words a data file's text is refused
        with (data.bad_char, data.legacy_text ...)."""
        if text is None:
            return None
        try:
            return checked(text, **_CHECKED_AS[key])
        except RefusedText as refused:
            self._error(refused.reason.key, row, key, **refused.reason.params)
            return None

    def _cell(self, values: tuple[Any, ...], row: int, key: str) -> str | None:
        """_checked of the row's `key` cell."""
        return self._checked(_text(self._get(values, key)), row, key)

    def _uncomputed(self, values: tuple[Any, ...], row: int) -> bool:
        """Whether a cell of the row read is a formula the file stores no result of (written
        by a script, not by Excel): each is refused, naming its cell and formula; read as
        empty, it would leave the trích yếu (or the number) of the sổ blank."""
        found = False
        for key, position in self.columns.items():
            value = values[position] if position < len(values) else None
            if isinstance(value, Formula):
                found = True
                self._error("sheet.formula_no_value", row, key,
                            cell=f"{get_column_letter(position + 1)}{row}",
                            formula=f"={value.lstrip('=')}")
        return found

    def reference(self, values: tuple[Any, ...]) -> tuple[str | None, str | None]:
        """The row's số, ký hiệu as one text, and the ký hiệu cell when it cannot be joined to
        the number (None when it can, or there is none): "05" | "QĐ-UBND" is "05/QĐ-UBND"."""
        raw = _text(self._get(values, self.number_key or "reference"))
        symbol = _text(self._get(values, "symbol"))
        if symbol is not None:  # "/QĐ-UBND", as some sổ write the ký hiệu after its number
            symbol = symbol.lstrip("/ ").strip() or None
        if raw is None or symbol is None:
            return raw, None
        if raw.isdigit():
            # A Ký hiệu cell may hold the whole "05/QĐ-UBND"; a ký hiệu of its own may open
            # with a year ("2026/NQ-HĐND" of 05/2026/NQ-HĐND).
            whole = _REFERENCE.match(symbol)
            if whole is None or _YEAR_FIRST.match(symbol):
                return f"{raw}/{symbol}", None
            return (symbol, None) if whole.group(2) and int(whole.group(1)) == int(raw) else (
                raw, symbol)
        match = _REFERENCE.match(raw)
        if match and (match.group(2) or "").casefold() == symbol.casefold():
            return raw, None
        return raw, symbol

    def has_number(self, values: tuple[Any, ...]) -> bool:
        text, _ = self.reference(values)
        return _REFERENCE.match(text or "") is not None

    def _date(self, value: Any, row: int, key: str) -> tuple[date | None, str | None]:
        """A date cell, day number or text, and how it was written (CELL, TEXT, YEARLESS);
        (None, None) for an empty cell or one in error."""
        text = _text(value)
        if value is None or text is None:
            return None, None
        if isinstance(value, date):
            cell = value.date() if isinstance(value, datetime) else value
            try:
                shown = f"{cell.day:02d}/{cell.month:02d}/{cell.year:04d}"
                return self._in_years(cell, shown, row, key), CELL
            except ValueError:
                return None, None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if _SERIALS[0] <= value <= _SERIALS[1]:
                read = from_excel(value, self.epoch)
                return (read.date() if isinstance(read, datetime) else read), CELL
            self._error("register.date_number", row, key, value=text)
            return None, None
        if text.isdigit():
            self._error("register.date_number", row, key, value=text)
            return None, None
        match = _DATE.match(text)
        if match is None:
            self._error("register.bad_date", row, key, value=text)
            return None, None
        day, month, year_text = (int(g) if g else None for g in match.groups())
        assert day is not None and month is not None
        year = self.year
        if year_text is not None:
            year = year_text + (2000 if year_text < 100 else 0)
        if year is None:
            self._error("register.date_no_year", row, key, value=text)
            return None, None
        if month > 12 >= day:  # "01/13/2026": written month first, as an American Excel does
            self._error("register.date_month_first", row, key, value=text, month=month,
                        meant=f"{month:02d}/{day:02d}/{year}")
            return None, None
        try:
            return self._in_years(date(year, month, day), text, row, key), (
                TEXT if year_text is not None else YEARLESS)
        except ValueError:
            self._error("register.bad_date", row, key, value=text)
            return None, None

    def _in_years(self, day: date, text: str, row: int, key: str) -> date:
        """`day`, when of a year a register can be of (FIRST_YEAR to LAST_YEAR, as a data
        file's dates: `so xem` shows no other); else ValueError, its error collected."""
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            return day
        self._error("data.date_year", row, key, value=text, first=FIRST_YEAR, last=LAST_YEAR)
        raise ValueError(text)

    def read(self, values: tuple[Any, ...], row: int) -> ImportedRow | None:
        errors_before = len(self.errors)
        if self._uncomputed(values, row):
            return None
        text, symbol = self.reference(values)
        if symbol is None:
            text = self._checked(text, row, "reference")
        match = _REFERENCE.match(text or "") if symbol is None else None
        if symbol is not None:
            self._error("register.number_symbol_apart", row, "reference", number=text,
                        symbol=symbol)
        elif len(self.errors) > errors_before:
            pass  # the reference refused by the text checks
        elif text is None:
            self._error("register.no_reference", row, "reference")
        elif not match:
            self._error("register.bad_reference", row, "reference", value=text)
        elif int(match.group(1)) < 1:  # 0, 00/QĐ: numbers start at 01, said at its row
            self._error("register.bad_number", row, "reference", number=text)
        elif int(match.group(1)) > MAX_NUMBER:
            self._error("register.number_too_large", row, "reference",
                        number=match.group(1), limit=MAX_NUMBER)
        doc_date, kind = self._date(self._get(values, "doc_date"), row, "doc_date")
        transfer_date, _ = self._date(self._get(values, "transfer_date"), row, "transfer_date")
        copies = self._copies(self._get(values, "copies"), row)
        year = doc_date.year if doc_date else self.year
        if year is None and match and _text(self._get(values, "doc_date")) is None:
            self._error("register.no_year", row, "doc_date")
        texts = {key: self._cell(values, row, key) for key in (
            "summary", "signer", "recipients", "archive", "received_by", "note",
            "signer_title", "void_reason", "sequence", "source")}
        status_word = self._cell(values, row, "status")
        void_reason = texts["void_reason"]
        status = self._status(status_word, void_reason, row)
        said_in_note = False  # a number kept aside, said in Ghi chú alone
        if len(self.errors) > errors_before or match is None or year is None or status is None:
            return None
        note = texts["note"]
        if status_word is not None:  # a vanthu export: its Ghi chú says the status too
            note = note_from_printed(note, status, void_reason)
        elif (void := void_from_note(note, int(match.group(1)))) is not None:
            # A clerk's sổ says a void in Ghi chú alone ("Hủy số (in sai)"): read it so.
            status, note = Status.VOID, void[1]
            void_reason = void_reason or void[0]
        elif status is Status.ISSUED and (
                kept := reserved_from_note(note, int(match.group(1)))) is not None:
            # ... and a number kept aside ("Giữ số", "Để trống"): no document holds it yet
            # (not one whose Lý do hủy says it was voided).
            status, note, said_in_note = Status.RESERVED, kept[0], True
        details = Details(
            doc_date=doc_date, symbol=match.group(2), summary=texts["summary"],
            signer=texts["signer"], recipients=texts["recipients"], archive=texts["archive"],
            copies=copies, transfer_date=transfer_date, received_by=texts["received_by"],
            note=note, signer_title=texts["signer_title"],
        )
        return ImportedRow(
            self.sheet, row, year, int(match.group(1)), self.sequence or texts["sequence"],
            details, status, void_reason, texts["source"], kind, said_in_note,
        )

    def _copies(self, raw: Any, row: int) -> int | None:
        """Số lượng bản: a whole number from 1 to MAX_COPIES; None for an empty cell, or one
        in error (said: a number past MAX_COPIES, 1e300, as too many, shown as Excel shows
        it, not as its 301 figures)."""
        text = _text(raw)
        if text is None:
            return None
        if isinstance(raw, int | float) and not isinstance(raw, bool) and raw > MAX_COPIES:
            self._error("register.copies_too_many", row, "copies", value=plain_text(raw),
                        limit=MAX_COPIES)
        elif not text.isdigit() or not text.strip("0"):
            self._error("register.bad_copies", row, "copies", value=text[:20])
        elif len(text.lstrip("0")) > len(str(MAX_COPIES)) or int(text) > MAX_COPIES:
            # Its length first: int() of thousands of figures is refused by Python itself.
            self._error("register.copies_too_many", row, "copies", value=text[:20],
                        limit=MAX_COPIES)
        else:
            return int(text)
        return None

    def _status(self, word: str | None, void_reason: str | None, row: int) -> Status | None:
        """Trạng thái: one of _STATUS_OF's words; empty, đã cấp, or đã hủy when Lý do hủy says
        why the number was voided. None, its error collected, for any other word (which
        vanthu would take for đã cấp) and for a status other than đã hủy beside a Lý do hủy:
        the row says two things, and which is meant is the clerk's to say."""
        if word is None:
            return Status.VOID if void_reason is not None else Status.ISSUED
        status = _STATUS_OF.get(same_spelling(word))
        if status is None:
            known = ", ".join(f"'{said}'" for said in STATUS_WORDS.values())
            self._error("register.bad_status", row, "status", value=word, known=known)
        elif void_reason is not None and status is not Status.VOID:
            self._error("register.status_reason_contradicts", row, "status", value=word,
                        reason=void_reason)
            return None
        return status


@dataclass
class _Read:
    """A workbook read: its rows, the errors that refuse it, warnings, the sheets in order."""

    rows: list[ImportedRow] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    # Sheets already warned of day and month swapped (_swapped_sheet): not warned again.
    swapped: set[str] = field(default_factory=set)


def read_register_xlsx(path: Path, *, year: int | None = None, sequence: str | None = None,
                       other_years: bool = False) -> list[ImportedRow]:
    """Every register row of every sheet that has a register header; all errors at once."""
    read = _read(path, year, sequence, other_years)
    if read.errors:
        raise RegisterImportError(read.errors, file=str(path))
    return read.rows


# A formula in a sheet's XML (<f>, or <x:f> with a prefix): only then is the workbook read a
# second time, for its formulas (_Books).
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


@dataclass
class _Books:
    """The workbook's values (what Excel last computed), and, when a sheet of it holds a formula,
    the workbook's formulas: a formula cell the file stores no result of (a script wrote it)
    reads as empty among the values, and is told from an empty cell by its formula."""

    values: Any
    formulas: Any | None = None

    def close(self) -> None:
        self.values.close()
        if self.formulas is not None:
            self.formulas.close()


def _uncomputed_marked(rows: Iterator[tuple[Any, ...]],
                       formulas: Iterator[tuple[Any, ...]] | None) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows of values, with each empty cell that holds a formula as that Formula
    (cells.Formula, which the row reader refuses naming the cell)."""
    if formulas is None:
        yield from rows
        return
    for values, written in zip(rows, formulas, strict=False):
        marked = [Formula(text) if value is None and isinstance(
                      text := getattr(formula, "text", formula), str) and text.startswith("=")
                  else value for value, formula in zip(values, written, strict=False)]
        yield (*marked, *values[len(marked):])


def _open(path: Path) -> _Books:
    """The workbook, read only; an .xls or a file that is no .xlsx refused in words."""
    file = str(path)
    if not path.exists():
        raise InputError("register.not_found", file=file)
    # The limits of an award list, as hostile a file can be here: size, then each part's
    # inflated size from the zip's directory, before openpyxl inflates anything.
    check_size(path, MAX_FILE_BYTES)
    content = path.read_bytes()  # read once: the zip's directory, then openpyxl
    if content.startswith(_OLE2):
        raise InputError("register.xls_file", file=file)
    try:
        data = io.BytesIO(content)
        with zipfile.ZipFile(data) as archive:
            refuse_large_parts(archive, path)
            formulas = any(_FORMULA.search(archive.read(name)) for name in archive.namelist()
                           if name.startswith("xl/worksheets/") and name.endswith(".xml"))
        books = _Books(load_workbook(data, read_only=True, data_only=True))
        if formulas:
            books.formulas = load_workbook(io.BytesIO(content), read_only=True)
        return books
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        # The library's reason is English and says nothing a clerk can act on.
        raise InputError("register.bad_xlsx", file=file) from None


def _read(path: Path, year: int | None, sequence: str | None, other_years: bool) -> _Read:
    file = str(path)
    books = _open(path)
    book = books.values
    read = _Read()
    found_header = False
    try:
        for index, sheet in enumerate(book.worksheets):
            rows: list[tuple[Any, ...]] = []
            written = (books.formulas.worksheets[index].iter_rows(values_only=True)
                       if books.formulas is not None else None)
            for values in _uncomputed_marked(sheet.iter_rows(values_only=True), written):
                if len(rows) >= MAX_REGISTER_ROWS:
                    raise InputError("register.too_many_rows", file=file, sheet=sheet.title,
                                     row=len(rows) + 1, limit=MAX_REGISTER_ROWS)  # fmt: skip
                rows.append(tuple(values))
            header = _find_header(rows)
            if header is None:
                continue
            found_header = True
            reader = _read_sheet(read, file, sheet.title, rows, header, year, sequence,
                                 book.epoch)  # fmt: skip
            if reader is not None and not other_years:
                read.errors.extend(_other_years(file, sheet.title, reader.parsed, reader.stated))
    finally:
        books.close()
    if not found_header:
        raise InputError("register.no_header", file=file, rows=HEADER_SEARCH_ROWS)
    return read


def _read_sheet(read: _Read, file: str, title: str, rows: list[tuple[Any, ...]],
                header: tuple[int, dict[str, int]], year: int | None, sequence: str | None,
                epoch: datetime) -> _RowReader | None:
    """Read one sheet with a register header into `read`; its reader (None when the header
    has no number column)."""
    read.sheets.append(title)
    header_index, columns = header
    if _number_column(columns) is None:
        read.errors.append(InputError("register.no_number_column", file=file, sheet=title,
                                      row=header_index + 1))
        return None
    stated = _sheet_year(title, rows[:header_index])
    reader = _RowReader(file, title, columns, year, stated, sequence, epoch)
    reader.parsed = _read_body(reader, rows, header_index)
    read.errors.extend(reader.errors)
    swapped = _swapped_sheet(file, title, reader.parsed)
    if swapped is not None:
        read.warnings.append(swapped)
        read.swapped.add(title)
    read.rows.extend(reader.parsed)
    return reader


def _read_body(reader: _RowReader, rows: list[tuple[Any, ...]],
               header_index: int) -> list[ImportedRow]:
    """The rows under the header. Rows without a number that read as lines under the table
    (a total, "Người lập sổ", a name) are held back, and passed over if nothing but such lines
    and blank rows follows them; a register row after them makes them rows of the sổ again,
    read (and refused) as any row."""
    parsed: list[ImportedRow] = []
    held: list[tuple[int, tuple[Any, ...]]] = []

    def take(values: tuple[Any, ...], row_number: int) -> None:
        row = reader.read(values, row_number)
        if row is not None:
            parsed.append(row)

    first = True  # the "(1) (2) ..." row, if any, is the first one under the header
    for offset, values in enumerate(rows[header_index + 1:]):
        row_number = header_index + 2 + offset
        if all(_text(v) is None for v in values):
            continue
        if first and _is_numbering_row(values):
            first = False
            continue
        first = False
        if not reader.has_number(values) and _is_line_under_table(values, bool(held)):
            held.append((row_number, values))
            continue
        for held_number, held_values in held:
            take(held_values, held_number)
        held.clear()
        take(values, row_number)
    return parsed


def _other_years(file: str, sheet: str, parsed: list[ImportedRow],
                 stated: _SheetYear | None) -> list[InputError]:
    """Rows dated (with a year typed) in another year than their sheet's: the year the sheet's
    title or name says, else the one most of its rows are in. A mistyped year (08/01/2025 in
    the 2026 sổ) would otherwise file the row in 2025's sổ, leaving a gap in 2026's and taking
    a number of 2025's. A sheet whose rows are mostly of another year than its title says is
    one error: the title, or every date, is wrong."""
    typed = [r for r in parsed if r.date_kind in (CELL, TEXT)]
    counts = Counter(r.year for r in typed)
    if not counts:
        return []
    if stated is None:
        ranked = counts.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return []  # no year most rows are in
        expected = ranked[0][0]
        why = Phrase("register.year_from_rows", count=ranked[0][1], total=len(typed))
    else:
        expected, why = stated.year, stated.why
        if counts[expected] * 2 < len(typed):
            years = ", ".join(str(y) for y, _ in counts.most_common() if y != expected)
            return [InputError("register.sheet_other_year", file=file, sheet=sheet,
                               year=expected, why=why, years=years,
                               count=len(typed) - counts[expected], total=len(typed))]
    return [
        InputError("register.row_other_year", file=file, sheet=sheet, row=r.row,
                   field=_TITLES["doc_date"], date=r.details.doc_date, year=r.year,
                   expected=expected, why=why)
        for r in typed if r.year != expected
    ]


def _swappable(row: ImportedRow) -> date | None:
    """The date an Excel date cell would be with day and month swapped, when that is another
    date: an Excel set to month/day read "05/01/2026" as 1 May (a day above 12 it cannot read
    as a month, and leaves such a date as text)."""
    when = row.details.doc_date
    if row.date_kind != CELL or when is None or when.day > 12 or when.day == when.month:
        return None
    return date(when.year, when.day, when.month)


def _swapped_sheet(file: str, sheet: str, parsed: list[ImportedRow]) -> InputError | None:
    """The warning for a sheet whose dates look typed day/month into an Excel set to read
    month/day: every date Excel kept as text has a day above 12 (which it could not read as
    a month) while every date it read has a day of 12 or less, and some would change."""
    texts = [r for r in parsed if r.date_kind in (TEXT, YEARLESS) and r.details.doc_date]
    cells = [r for r in parsed if r.date_kind == CELL and r.details.doc_date]
    changed = [r for r in cells if _swappable(r) is not None]
    if not texts or len(changed) < 2:
        return None
    if any(r.details.doc_date.day <= 12 for r in texts if r.details.doc_date):
        return None
    if any(r.details.doc_date.day > 12 for r in cells if r.details.doc_date):
        return None
    example = changed[0]
    return InputError("register.dates_month_first", file=file, sheet=sheet,
                      field=_TITLES["doc_date"], text_row=texts[0].row,
                      text_date=texts[0].details.doc_date, count=len(changed),
                      rows=_row_list(changed), example_row=example.row,
                      date=example.details.doc_date, swapped=_swappable(example))


def _row_list(rows: list[ImportedRow]) -> str:
    return first_named([str(r.row) for r in rows], _NAMED)


def import_xlsx(register: Register, agency: str, path: Path, *, year: int | None = None,
                sequence: str | None = None, other_years: bool = False) -> list[Entry]:
    """Nhập sổ: record every row of the file for `agency` in one transaction, or none."""
    return import_register(register, agency, path, year=year, sequence=sequence,
                           other_years=other_years).entries


def import_register(register: Register, agency: str, path: Path, *, year: int | None = None,
                    sequence: str | None = None, other_years: bool = False,
                    today: date | None = None,
                    workspace: Workspace | None = None) -> ImportResult:
    """Nhập sổ: record every row of the file for `agency` in one transaction, or none; then
    what `so kiem-tra` would say of the rows recorded, as warnings (`other_years`: rows dated
    in another year than their sheet's go to their own year's sổ, not refused). `workspace`:
    the workspace running the import, whose own rows name it (_owners)."""
    read = _read(path, year, sequence, other_years)
    rows = read.rows
    file = str(path)

    def refuse(runs: list[str]) -> None:
        # Every problem of the file at once: those read, and two rows holding one number of
        # a run, judged by the runs the import writes them in (record_many chooses them in
        # its transaction, under the office's plan it holds).
        errors = [*read.errors, *_duplicates_in_file(file, rows, runs)]
        if errors:
            order = {name: index for index, name in enumerate(read.sheets)}
            errors.sort(key=lambda e: (order.get(e.sheet or "", -1), e.row or 0))
            raise RegisterImportError(errors, file=file)

    given = [(row.year, row.number, row.sequence, row.details, row.status, row.void_reason,
              row.source) for row in rows]
    owners = _owners(register, workspace, agency, rows) if workspace is not None else None
    try:
        entries = register.record_many(agency, given, check=refuse, workspaces=owners)
    except DuplicateNumberError as exc:
        where = rows[exc.index] if exc.index is not None else None
        error = InputError(exc.key, file=file, sheet=where.sheet if where else None,
                           row=where.row if where else None, field=_TITLES["reference"],
                           **exc.params)
        raise RegisterImportError([error], file=file) from None
    imported = dict(zip((e.id for e in entries), rows, strict=True))
    checked = _as_checked(register, agency, entries, imported, file, today, read.swapped)
    return ImportResult(entries, read.warnings + _reserved_said(file, rows) + checked)


def _owners(register: Register, workspace: Workspace, agency: str,
            rows: list[ImportedRow]) -> list[str | None]:
    """The workspace each imported row names: on a register several workspaces share, the
    importing workspace's identity for a row its records show it was given (the same office,
    year, number, data file and date: switched.own_numbers), so the sổ it moved over from its
    own register is its own, as the numbers were; none for any other row (another office's or
    clerk's sổ: their rows are not this workspace's to claim, and a row naming no workspace
    stays the document's that it records, store.names_file). None each on the workspace's own
    register file, whose rows name no workspace."""
    identity = register_identity(register, workspace, give=False)
    if identity is None:
        return [None] * len(rows)
    own = own_numbers(workspace, recorded_entries(read_recorded(workspace)))
    return [identity if row.source is not None and row.details.doc_date is not None and (
        agency, row.year, row.number, row.source, row.details.doc_date.isoformat()) in own
        else None for row in rows]


def _reserved_said(file: str, rows: list[ImportedRow]) -> list[InputError]:
    """Per sheet, the rows imported as numbers kept aside because their Ghi chú says so
    ("Giữ số", "Để trống"): the clerk checks them, and records each one's document when it is
    issued (so vao-so fills a number kept aside in; a document typing it takes it too)."""
    said: dict[str, list[ImportedRow]] = {}
    for row in rows:
        if row.reserved_in_note:
            said.setdefault(row.sheet, []).append(row)
    return [InputError("register.imported_reserved", file=file, sheet=sheet,
                       field=_TITLES["note"], count=len(kept), rows=_row_list(kept),
                       numbers=first_named([f"{row.number:02d}" for row in kept], _NAMED),
                       example=f"{kept[0].number:02d}")
            for sheet, kept in said.items()]


def _duplicates_in_file(file: str, rows: list[ImportedRow], runs: list[str]) -> list[InputError]:
    """Each row of the file holding the number of a year and run that an earlier row holds
    (`runs`: the run each row is written in)."""
    seen: dict[tuple[int, str, int], ImportedRow] = {}
    found = []
    for row, run in zip(rows, runs, strict=True):
        key = (row.year, run, row.number)
        other = seen.get(key)
        if other is not None:
            found.append(_duplicate_in_file(file, row, other))
            continue
        seen[key] = row
    return found


def _duplicate_in_file(file: str, row: ImportedRow, other: ImportedRow) -> InputError:
    """Two rows of the file with one number of a year and sequence; the other row is named by
    its sheet too when it is on another one (a sổ kept per type, each sheet from 01)."""
    reference = f"{other.number:02d}/{other.details.symbol}" if other.details.symbol else (
        f"{other.number:02d}")
    params: dict[str, Any] = {"reference": f"{row.number:02d}", "year": row.year,
                              "other_row": other.row, "other_reference": reference}
    key = "register.duplicate_in_file"
    if other.sheet != row.sheet:
        key, params["other_sheet"] = "register.duplicate_in_other_sheet", other.sheet
    return InputError(key, file=file, sheet=row.sheet, row=row.row, field=_TITLES["reference"],
                      **params)


def _as_checked(register: Register, agency: str, entries: list[Entry],
                imported: dict[int, ImportedRow], file: str, today: date | None,
                swapped_sheets: set[str]) -> list[InputError]:  # fmt: skip
    """What `so kiem-tra` (checks.check_year) says of the years imported, about the rows
    imported: gaps in their sequences, dates out of number order (with the day/month swap
    that would put them in order, when one does), dates after today, rows without a date or
    ký hiệu, a số, ký hiệu held twice. Each at the row of the sheet it was read from."""
    warnings: list[InputError] = []
    for year in sorted({e.year for e in entries}):
        report = check_year(register, year, agency, today=today)
        touched = {e.sequence for e in entries if e.year == year}
        warnings += [InputError("register.import_gap", file=file, year=year, agency=gap.agency,
                                sequence=gap.sequence, numbers=gap.numbers)
                     for gap in report.gaps if gap.sequence in touched]  # fmt: skip
        warnings += _rows_checked(report, imported, file)
        warnings += _swap_hints(register.entries(year, agency), imported, file,
                                swapped_sheets)
    return warnings


def _at(row: ImportedRow, file: str, key: str, field: str, **params: Any) -> InputError:
    return InputError(key, file=file, sheet=row.sheet, row=row.row, field=_TITLES[field],
                      **params)


def _rows_checked(report: CheckReport, imported: dict[int, ImportedRow],
                  file: str) -> list[InputError]:
    """The row-level findings of a check (checks.CheckReport) that concern imported rows."""
    found: list[InputError] = []

    def names(entry: Entry) -> dict[str, Any]:
        return {"reference": entry.reference, "year": entry.year, "agency": entry.agency,
                "sequence": entry.sequence}

    for disorder in report.out_of_order:
        entry, other = disorder.entry, disorder.other
        mine = imported.get(entry.id) or imported.get(other.id)
        if mine is None:
            continue
        if disorder.other_higher:
            found.append(_at(mine, file, "register.out_of_order_later", "doc_date",
                             entry=entry, later=other, count=disorder.count,
                             agency=entry.agency, sequence=entry.sequence))
        else:
            found.append(_at(mine, file, "register.out_of_order", "doc_date", entry=entry,
                             earlier=other, agency=entry.agency, sequence=entry.sequence))
    for entry in report.future:
        if entry.id in imported:
            found.append(_at(imported[entry.id], file, "register.import_in_future", "doc_date",
                             date=entry.details.doc_date, **names(entry)))
    for entry in report.undated:
        if entry.id in imported:
            found.append(_at(imported[entry.id], file, "register.row_no_date", "doc_date",
                             **names(entry)))
    for entry in report.without_symbol:
        if entry.id in imported:
            found.append(_at(imported[entry.id], file, "register.row_no_symbol", "reference",
                             **names(entry)))
    for duplicate in report.duplicates:
        mine = next((imported[e.id] for e in duplicate.entries if e.id in imported), None)
        if mine is not None:
            found.append(_at(mine, file, "register.duplicate_found", "reference",
                             agency=duplicate.agency, reference=duplicate.reference,
                             count=len(duplicate.entries), entries="; ".join(
                                 e.describe() for e in duplicate.entries)))
    return found


def _swap_hints(entries: list[Entry], imported: dict[int, ImportedRow], file: str,
                swapped_sheets: set[str]) -> list[InputError]:
    """For each sequence with imported rows out of date order: the imported Excel date cells
    whose day and month swapped back put the sequence in order (all of them at once), else
    each such cell, among the rows in conflict, whose swap alone leaves fewer rows out of
    order: a sign Excel read dd/mm as mm/dd. Sheets already warned of it (_swapped_sheet)
    are passed over."""
    hints: list[InputError] = []
    by_sequence: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_sequence[entry.sequence].append(entry)
    for group in by_sequence.values():
        before = dated_out_of_order(group)
        involved = {e.id for d in before for e in (d.entry, d.other) if e.id in imported}
        if not involved:
            continue
        swappable = {e.id: s for e in group if e.id in imported
                     and imported[e.id].sheet not in swapped_sheets
                     and (s := _swappable(imported[e.id])) is not None}
        if not swappable:
            continue
        if len(swappable) > 1 and not _swapped(group, swappable):
            rows = [imported[i] for i in swappable]
            for sheet in dict.fromkeys(r.sheet for r in rows):
                on_sheet = [r for r in rows if r.sheet == sheet]
                first = on_sheet[0]
                hints.append(InputError(
                    "register.swap_fits_all", file=file, sheet=sheet, field=_TITLES["doc_date"],
                    count=len(on_sheet), rows=_row_list(on_sheet), example_row=first.row,
                    date=first.details.doc_date, swapped=_swappable(first)))
            continue
        for entry_id in [i for i in swappable if i in involved][:_TRIED]:
            one = {entry_id: swappable[entry_id]}
            if len(_swapped(group, one)) < len(before):
                row = imported[entry_id]
                hints.append(_at(row, file, "register.swap_fits", "doc_date",
                                 date=row.details.doc_date, swapped=one[entry_id]))
    return hints


def _swapped(group: list[Entry], dates: dict[int, date]) -> list[OutOfOrder]:
    """The sequence's rows out of date order (checks.dated_out_of_order) with `dates` (entry
    id → date) in place of theirs."""
    moved = [replace(e, details=replace(e.details, doc_date=dates[e.id])) if e.id in dates
             else e for e in group]
    return dated_out_of_order(moved)
