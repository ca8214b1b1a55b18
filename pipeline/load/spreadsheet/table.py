"""The table of a danh sách: find the header row, map columns to fields, turn records into rows."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, Generic, NamedTuple, TypeVar

from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import cell_text, clean, plain_text
from pipeline.load.spreadsheet.fields import Field, Wanted, normalize_header
from pipeline.load.spreadsheet.limits import MAX_ROWS
from pipeline.load.spreadsheet.signatures import Held, SignatureLines, is_signature_line
from pipeline.render.phrase import Phrase
from pipeline.rules.money import format_money

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
class StatedTotal:
    """A figure the list's own total row states ("Tổng cộng: 25 người", a sum under Số tiền):
    what it counts, where it is written, and which rows it can be the total of."""

    row: int  # the total row, as Excel numbers it
    column: int  # 1-based column of the cell holding the figure
    field: str | None  # the header of that column when the list reads it
    kind: str  # one of TOTAL_KINDS
    value: int
    text: str  # the cell as written, for the message
    since: int  # index in Table.rows of the first row after the total row before it (0 if none)
    upto: int  # how many rows of the list are above it

    @property
    def cell(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"

    @property
    def grouped(self) -> bool:
        """Whether the figure may count a group of its own: rows since the total row before
        it. Right under another total row (a Tổng cộng under the last Cộng) there is none, and
        the figure counts every row above it: an empty group is no licence for any figure."""
        return 0 < self.since < self.upto

    def spans(self) -> tuple[range, ...]:
        """The rows (indexes in Table.rows) the figure may count: all the rows above it (a
        Tổng cộng), or those since the total row before it (a group's Cộng)."""
        spans = (range(0, self.upto), range(self.since, self.upto))
        return spans if self.grouped else spans[:1]

    def error(self, key: str, file: str, sheet: str | None, **params: Any) -> InputError:
        """An InputError at the cell of the figure, saying what it counts in both languages."""
        what, what_en = TOTAL_KINDS[self.kind]
        return InputError(
            key, file=file, sheet=sheet, row=self.row, field=self.field, cell=self.cell,
            stated=format_money(self.value), text=self.text, what=what,
            what_en=what_en, **params,
        )  # fmt: skip


@dataclass(frozen=True)
class Table:
    """The rows of a danh sách, with the file, sheet and header they were read from, and the
    figures its own total rows state (checked against the rows as far as the rows tell)."""

    file: str
    sheet: str | None
    header: Header
    rows: list[Row]
    totals: tuple[StatedTotal, ...] = ()

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, field_name: str) -> bool:
        """Whether the file has a column for the field (optional fields may be absent)."""
        return field_name in self.header.columns

    def check_counts(self, recipients: Sequence[tuple[bool, Hashable]]) -> None:
        """Refuse a total row whose count of người, cá nhân or tập thể is none of the ways of
        counting the rows above it: the check that needs to know which rows are tập thể, made
        by the caller who knows it (the table alone refuses only a count above its rows).

        `recipients`: for each row, in the table's order, whether it is a tập thể's, and who
        it is (one person given two titles is one cá nhân, as Điều 1 counts).
        """
        tallies = RunningTallies(recipients, _Recipients, _Recipients.add)
        for total in self.totals:
            if total.kind not in ("nguoi", "ca_nhan", "tap_the"):
                continue
            counted = [tally.counts() for tally in tallies.at(total)]
            if any(total.value in _accepted(total.kind, c) for c in counted):
                continue
            individuals, collectives, rows = counted[0][1], counted[0][3], total.upto
            raise total.error(
                "sheet.total_count_differs", self.file, self.sheet, individuals=individuals,
                collectives=collectives, rows=rows,
            )  # fmt: skip


@dataclass(frozen=True)
class HeaderScan:
    """The header row if found; else the likeliest row, to say what was there instead."""

    header: Header | None
    best_row: int | None
    best_texts: list[str]
    best_matched: frozenset[str]


def scan_header(prefix: Sequence[Record], fields: list[Wanted]) -> HeaderScan:
    """Look for the first row that holds every required field's header."""
    lookup = _header_lookup(fields)
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


def _header_lookup(fields: list[Wanted]) -> dict[str, str]:
    """Each accepted header spelling (normalized) → the field it names."""
    lookup: dict[str, str] = {}
    for w in fields:
        for spelling in w.field.headers:
            lookup.setdefault(normalize_header(spelling), w.field.name)
    return lookup


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
    scan: HeaderScan,
    fields: list[Wanted],
    file: str,
    sheet: str | None,
    prefix: Sequence[Record] = (),
) -> InputError:
    if scan.best_row is None:
        return InputError("sheet.empty_sheet", file=file, sheet=sheet, rows=HEADER_SCAN_ROWS)
    missing = [w.field for w in fields if w.required and w.field.name not in scan.best_matched]
    missing = missing or [w.field for w in fields]  # nothing required: any column would do
    split = _split_header(scan, missing, fields, prefix)
    if split is not None:
        return InputError(split[0], file=file, sheet=sheet, field=missing[0].label, **split[1])
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


def _split_header(
    scan: HeaderScan, missing: list[Field], fields: list[Wanted], prefix: Sequence[Record]
) -> tuple[str, dict[str, Any]] | None:
    """The message for a header typed on two rows, when the row just below (or above) the
    likeliest header row holds the headings it lacks: "Khen thưởng" over "Hình thức | Loại |
    Số tiền". Renaming the shared heading (the closest spelling) would not help; one row of
    headers, each column its own, would. None for any other header."""
    assert scan.best_row is not None
    lookup = _header_lookup(fields)
    records = dict(prefix)
    best = records.get(scan.best_row, ())
    wanted = {f.name for f in missing}
    for other in (scan.best_row + 1, scan.best_row - 1):
        if other not in records:
            continue
        headings = []  # (0-based column, text, field) of fields the header row does not name
        for column, value in enumerate(records[other]):
            text = clean(plain_text(value))
            name = lookup.get(normalize_header(text)) if text else None
            if name is not None and name not in scan.best_matched:
                headings.append((column, text, name))
        if not wanted & {name for _, _, name in headings}:
            continue
        shared = []  # the header row's cells over them: a heading they share ("Khen thưởng")
        for column, _, _ in headings:
            text = clean(plain_text(best[column])) if column < len(best) else ""
            if text and lookup.get(normalize_header(text)) is None:
                cell = f"'{text}' ({get_column_letter(column + 1)}{scan.best_row})"
                if cell not in shared:
                    shared.append(cell)
        return "sheet.header_two_rows", dict(
            missing=", ".join(f"'{f.label}'" for f in missing), header_row=scan.best_row,
            first=min(other, scan.best_row), last=max(other, scan.best_row), other_row=other,
            below=", ".join(f"'{text}'" for _, text, _ in headings),
            shared=Phrase("sheet.header_shared", above=", ".join(shared)) if shared else "",
        )  # fmt: skip
    return None


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
    `merged`: merged ranges; one over a person's row, or over the header, is refused (only its
    first cell holds the value), one over a row the list does not read as a person's (the
    total row laid out across the table, a group heading) is not.
    A total row ("Tổng cộng: 25 người", a sum under Số tiền) is no person: its figures are kept
    in Table.totals, and one that cannot be a total of the rows above it is refused at its cell.
    It is recognised only on rows that are no person's anyway (nothing read, or a name or a
    title missing), so reading a person's row costs nothing more.
    The signature lines under a total row ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", the signers'
    names) end the list when nothing but such lines and blank rows follows them; otherwise
    they are read, and refused, as any row (pipeline.load.spreadsheet.signatures).
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
        raise _missing_columns(scan, fields, file, sheet, prefix)
    header = scan.header
    # Merged ranges over the rows below the header, refused at the first person's row they
    # cover (a total row or a group heading may be merged across the table).
    spans = _merged_below(merged, header, file, sheet)
    merged_from = spans[0][0][0] + 1 if spans else _NO_ROW  # the first row they cover
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
    totals: list[StatedTotal] = []
    sums = RunningTallies(rows, _TypedSum, _TypedSum.add)  # the Số tiền typed, for the totals
    since = 0  # index of the first row after the last total row
    first = True
    # Below the total row: the signature lines, if any (None until a total row is read).
    signatures: SignatureLines | None = None

    def read_held() -> None:
        """Read the rows held back as signature lines as rows of the list: one follows them."""
        nonlocal merged_from
        assert signatures is not None
        held = signatures.release()
        merged_from = _read_held(held, rows, spans, merged_from, header, file, sheet)

    # The loop below runs for every cell of every list: the common cells (empty, or text
    # already found clean) are decided inline, the rest by _cell.
    for number, cells in body:
        if first and _is_column_numbering(cells):
            first = False
            continue
        if concealed or (hidden and number in hidden):
            try:
                _refuse_unseen(number, cells, present, concealed, hidden, required, header,
                               file, sheet)  # fmt: skip
            except InputError:
                if signatures is not None and signatures.held:
                    read_held()  # a bad row held back is refused first, as it comes first
                raise
        width = len(cells)
        values = empty.copy()
        try:
            for name, index, known, field in present:
                raw = cells[index] if index < width else None
                if raw is None:
                    continue
                # type(), not isinstance: a Formula or ExcelError is a str that must be refused
                text = known.get(raw) if type(raw) is str else None
                if text is None:
                    text = _cell(raw, field, index + 1, number, header, file, sheet)
                values[name] = text
        except InputError as exc:
            # A count under Họ và tên (=COUNTA) on a total row is its figure, not a shifted name.
            if signatures is not None and signatures.held:
                read_held()
            if exc.key != "sheet.number_in_text" or (label := _total_label(cells)) is None:
                raise
            totals += _total_row(label, number, cells, present, header, sums, since, file, sheet)
            since = len(rows)
            signatures = SignatureLines(spans)
            continue
        if not any(values.values()):
            # Nothing the list reads: a blank row, a group heading, or a total row whose label
            # and figures are in the STT column ("Tổng cộng: 25 người").
            if any(cells) and (label := _total_label(cells)) is not None:
                if signatures is not None and signatures.held:
                    read_held()
                totals += _total_row(label, number, cells, present, header, sums, since, file,
                                     sheet)  # fmt: skip
                since = len(rows)
                signatures = SignatureLines(spans)
            elif signatures is not None and any(cells):
                # A signature line in columns the list does not read ("THỦ TRƯỞNG ĐƠN VỊ" far
                # right): passed over as always, its columns sign for the names below it.
                signatures.note(number, cells)
            continue
        complete = True
        for name in required:
            if not values[name]:
                complete = False
                break
        if not complete and (label := _total_label(cells)) is not None:
            if signatures is not None and signatures.held:
                read_held()
            totals += _total_row(label, number, cells, present, header, sums, since, file, sheet)
            since = len(rows)
            signatures = SignatureLines(spans)
            continue
        if signatures is not None:
            # Below the total row (Tổng cộng), the lines a clerk keeps for the list to be
            # signed ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên)", then the
            # signers' names) are the end of the table, not rows of it: held back, and passed
            # over if nothing but such lines and blank rows follows. A row of the list (an STT,
            # an award) after them is read as before, and so are they (see SignatureLines).
            # A complete row opens the signature lines only with such a line in its first
            # required column: no other complete row is looked at.
            if (
                signatures.columns is not None
                or not complete
                or (required and is_signature_line(values[required[0]]))
            ) and signatures.take(number, cells, values, None if complete else name):
                continue
            if signatures.held:
                read_held()
        if not complete and _group_heading(number, cells, header, spans):
            # A group's heading between its rows ("I | TRƯỜNG MẦM NON HOA SEN", merged across
            # the table or not): no person's row, as a Cộng under the group is none. Only a
            # row that can be nothing else is passed over: see _group_heading.
            continue
        if number >= merged_from:
            merged_from = _refuse_merged_row(number, spans, file, sheet)
        first = False
        _add_row(rows, Row(number, values, file, sheet, header), None if complete else name)
    if not rows:
        raise InputError("sheet.no_rows", file=file, sheet=sheet, header_row=header.row)
    return Table(file, sheet, header, rows, tuple(totals))


def _read_held(
    held: Sequence[Held],
    rows: list[Row],
    spans: Sequence[Merged],
    merged_from: int,
    header: Header,
    file: str,
    sheet: str | None,
) -> int:
    """Read rows held back as signature lines as rows of the list after all, each as any row
    is read (a merged range over it, an empty required cell refused at its cell); the next
    row a merged range covers, as _refuse_merged_row says."""
    for number, values, missing in held:
        if number >= merged_from:
            merged_from = _refuse_merged_row(number, spans, file, sheet)
        _add_row(rows, Row(number, values, file, sheet, header), missing)
    return merged_from


def _add_row(rows: list[Row], row: Row, missing: str | None) -> None:
    """`row` added to the list's rows; refused at its cell when a required field (`missing`)
    is empty (a title without a name would be printed and paid), and past MAX_ROWS."""
    if missing is not None:
        raise row.error("sheet.missing_cell", missing, cell=row.cell(missing),
                        column_name=row.header.texts[missing])  # fmt: skip
    rows.append(row)
    if len(rows) > MAX_ROWS:
        raise InputError("sheet.too_many_rows", file=row.file, sheet=row.sheet,
                         row=row.number, limit=MAX_ROWS)  # fmt: skip


# A group's number before its heading: I, II, IV., A, B), a) (no digits: an STT is a person's).
_GROUP_MARK = re.compile(r"(?:[IVXLC]{1,7}|[A-Za-z])[.)]?")
# A heading with its number in the same cell: "I. TRƯỜNG MẦM NON HOA SEN", "A) TẬP THỂ" (no
# hyphen: "Y-Bih Niê" is a person's name).
_MARKED_HEADING = re.compile(r"(?:[IVXLC]{1,7}|[A-Z])\s*[.)]\s*\w")


def _group_heading(
    number: int, cells: Sequence[object], header: Header, spans: Sequence[Merged]
) -> bool:
    """Whether a row the list cannot read as a person's is a group's heading, typed as
    schools type their lists: text in the first column the list reads (the names) and, if
    any, in the columns left of it (the STT's), nothing else. And it must say it is a heading:
    a group number before it ("I | TRƯỜNG MẦM NON HOA SEN", "I. TRƯỜNG ..."), or the text
    merged across the table, over cells a person's row would fill. A name alone, with no
    number and not merged, may be a person whose title is forgotten: it is refused as
    before, at its empty cell."""
    leftmost = min(header.columns.values()) - 1
    content = [(offset, raw) for offset, raw in enumerate(cells)
               if raw is not None and raw != ""]  # fmt: skip
    if not content or len(content) > 2 or content[-1][0] != leftmost:
        return False
    if any(type(raw) is not str or not raw.strip() for _, raw in content):
        return False  # an STT typed as a number, a date, a formula: a person's row
    if len(content) == 2:
        return _GROUP_MARK.fullmatch(str(content[0][1]).strip()) is not None
    if _MARKED_HEADING.match(str(content[0][1]).strip()):
        return True
    row = number - 1
    others = [c - 1 for c in header.columns.values() if c - 1 != leftmost]
    return any(
        top == row and left == leftmost and any(left < c <= right for c in others)
        for (top, left), (_, right) in spans
    )


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


def _merged_below(
    merged: Sequence[Merged], header: Header, file: str, sheet: str | None
) -> list[Merged]:
    """Merged ranges below the header over a column the list reads, top first; a range over
    the header itself is refused here (it hides which header is whose). Title rows above the
    header may be merged freely."""
    used = set(header.columns.values())
    below = []
    for item in merged:
        (top, left), (bottom, right) = item
        if bottom + 1 < header.row:
            continue
        if any(left + 1 <= column <= right + 1 for column in used):
            if top + 1 <= header.row:
                raise _merged_error("sheet.merged_header", item, file, sheet)
            below.append(item)
    return sorted(below)


def _refuse_merged_row(number: int, spans: Sequence[Merged], file: str, sheet: str | None) -> int:
    """Refuse a merged range over a person's row (1-based `number`); else the next row one
    covers, so that the rows before it are not looked at.

    Only the first cell of a merged range holds the value, so a unit or a title merged over
    several people would be read for the first of them only, and cells merged across one
    person's row leave the others of the row empty. A total row, a group heading or a note
    merged across the table is no person's row and is never passed here.
    """
    for item in spans:
        (top, _), (bottom, _) = item
        if top + 1 > number:
            return top + 1  # sorted by top row: the first still to come
        if number <= bottom + 1:
            key = "sheet.merged_cells" if bottom > top else "sheet.merged_row"
            raise _merged_error(key, item, file, sheet)
    return _NO_ROW


# Past every row of a sheet: no merged range still to come.
_NO_ROW = 1 << 62


# -- the list's own total rows ---------------------------------------------------------------

# What a total row's figure counts: kind → how it is said (vi, en).
TOTAL_KINDS = {
    "nguoi": ("người", "people"),
    "ca_nhan": ("cá nhân", "individuals"),
    "tap_the": ("tập thể", "collectives"),
    "luot": ("lượt", "awards"),
    "tien": ("đồng", "đồng"),
}
_UNIT_KINDS = {
    "người": "nguoi",
    "cá nhân": "ca_nhan",
    "tập thể": "tap_the",
    "đơn vị": "tap_the",
    "lượt": "luot",
    "trường hợp": "luot",
    "danh hiệu": "luot",
    "đồng": "tien",
    "đ": "tien",
    "vnđ": "tien",
    "vnd": "tien",
    "tiền": "tien",  # said before the figure: "Số tiền: 4.260.000"
    "tiền thưởng": "tien",
}
_UNIT = r"người|cá nhân|tập thể|đơn vị|lượt|trường hợp|danh hiệu|vnđ|vnd|đồng|đ"
# The label a row opens with ("Tổng cộng", "Tổng số", or "Tổng"/"Cộng" followed by a figure or
# nothing), on the NFC, case-folded text of the row's first non-empty cell. Tones matter: the
# surname "Tống" is no "Tổng", and "Tổng công ty ..." or "Cộng đồng ..." (collectives) are names.
_TOTAL_LABEL = re.compile(r"(?:tổng cộng|tổng số)(?!\w)|(?:tổng|cộng)(?=\s*[:.]?\s*(?:\d|$))")
# A figure: 25, 4.260.000, 4,260,000, 4 260 000, with what it counts after it if said.
_FIGURE = re.compile(
    rf"(?<![\d.,])(\d{{1,3}}(?:([.,\s])\d{{3}})(?:\2\d{{3}})*|\d+)(?![.,]?\d)"
    rf"(?:\s*({_UNIT})(?!\w))?"
)
# What a figure without a unit after it counts, when the words before it say: "Số người: 6".
_SAID_BEFORE = re.compile(rf"(?:^|\W)({_UNIT}|tiền|tiền thưởng)\W*$")
_NON_DIGIT = re.compile(r"\D")
# Figures a clerk writes in a Số tiền cell: 710000, 710.000, 710,000, 710 000, with đ/đồng.
_AMOUNT = re.compile(
    r"(\d{1,3}(?:([.,\s])\d{3})?(?:\2\d{3})*|\d+)\s*(?:đ|đồng|vnđ|vnd)?\.?", re.I
)


def typed_money(text: str) -> int | None:
    """The amount a clerk typed in a Số tiền cell ("710.000 đ" → 710000); None when the text
    does not read as one (pipeline.awards refuses it at its cell)."""
    match = _AMOUNT.fullmatch(unicodedata.normalize("NFC", text).strip())
    return int(_NON_DIGIT.sub("", match.group(1))) if match else None


def _total_label(cells: Sequence[object]) -> tuple[int, str] | None:
    """(0-based column, the text after the label) when the row's first non-empty cell opens
    with a total label; None for any other row. Looked at only for rows the list would not
    read as a person's: blank ones, and ones missing a name or a title."""
    for offset, raw in enumerate(cells):
        if raw is None or raw == "":
            continue
        if not isinstance(raw, str):
            return None
        text = unicodedata.normalize("NFC", " ".join(raw.split())).casefold()
        match = _TOTAL_LABEL.match(text)
        return (offset, text[match.end() :]) if match else None
    return None


def _figures(text: str, bare: str | None) -> Iterator[tuple[str, int]]:
    """The (kind, value) figures said in a total row's cell text (NFC, case-folded).

    A figure says what it counts after it ("25 người") or just before it ("Số tiền: 4.260.000");
    one alone in the text counts `bare` (a cell's whole content, or the text after the label:
    "Tổng cộng: 25"). Any other number ("năm 2025", "2 phòng") is no figure.
    """
    matches = list(_FIGURE.finditer(text))
    for index, match in enumerate(matches):
        before = text[matches[index - 1].end() if index else 0 : match.start()]
        after = text[match.end() : matches[index + 1].start() if index + 1 < len(matches) else None]
        unit = match.group(3)
        if not unit:
            said = _SAID_BEFORE.search(before)
            unit = said.group(1) if said else None
        kind: str | None
        if unit:
            kind = _UNIT_KINDS[unit]
        elif index == 0 and not any(c.isalnum() for c in before + after):
            kind = bare  # alone: "Tổng cộng: 25", not "Tổng cộng: 2 phòng, 3 tổ"
        else:
            kind = None
        if kind is not None:
            yield kind, int(_NON_DIGIT.sub("", match.group(1)))


def _total_row(
    label: tuple[int, str],
    number: int,
    cells: Sequence[object],
    present: Sequence[_Column],
    header: Header,
    sums: RunningTallies[Row, _TypedSum],
    since: int,
    file: str,
    sheet: str | None,
) -> list[StatedTotal]:
    """The figures a total row states, each checked against the rows above it as far as the
    rows tell; an InputError at the figure's cell for one that disagrees.

    Where a figure is: in the label's own cell (whatever it says), or in another cell of the
    row. A number alone in a cell counts what its column holds: money under Số tiền, people
    under a column the list reads (=COUNTA under Họ và tên); alone in a column the list does
    not read, it may be anything (another sum, a year) and is no figure.
    """
    first, rest = label
    read = {c.offset: c.name for c in present}
    found: list[StatedTotal] = []
    for offset, raw in enumerate(cells):
        if raw is None or raw == "" or isinstance(raw, bool):
            continue
        shown = clean(plain_text(raw))
        bare: str | None
        if offset == first:
            text, bare = rest, "nguoi"
        elif isinstance(raw, (str, int, float)):
            text = unicodedata.normalize("NFC", shown).casefold()
            name = read.get(offset)
            bare = None if name is None else "tien" if name == "so_tien" else "nguoi"
        else:  # a date or a time is no figure
            continue
        for kind, value in _figures(text, bare):
            field = header.texts.get(read[offset]) if offset in read else None
            total = StatedTotal(number, offset + 1, field, kind, value, shown[:60], since,
                                len(sums.items))  # fmt: skip
            _check_total(total, sums, file, sheet, header)
            found.append(total)
    return found


def _check_total(
    total: StatedTotal,
    sums: RunningTallies[Row, _TypedSum],
    file: str,
    sheet: str | None,
    header: Header,
) -> None:
    """Refuse a figure that cannot be a total of the rows above it.

    Lượt count rows: exactly. Người, cá nhân or tập thể cannot be told from rows here (which
    rows are tập thể, and one person given two titles, are the award list's to say: it calls
    Table.check_counts), but never exceed the rows. Money is compared with the sum of the
    amounts typed in the Số tiền column, as the clerk's own SUM adds them up; when no row
    types an amount, the amounts are vanthu's to compute (the decision prints its own total)
    and the figure is left unchecked, as it is when a typed amount is unreadable (the award
    list then refuses that cell by name). The sums are running ones (`sums`): a list with a
    Cộng under each group is added up once, not once per total row.
    """
    if total.kind in ("nguoi", "ca_nhan", "tap_the"):
        if total.value > total.upto:
            raise total.error("sheet.total_over_rows", file, sheet, counted=total.upto)
        return
    if total.kind == "luot":
        if all(total.value != len(span) for span in total.spans()):
            raise total.error("sheet.total_rows_differ", file, sheet, counted=total.upto)
        return
    tallies = sums.at(total)
    typed = [tally.value() for tally in tallies]
    if any(s is None or s == total.value for s in typed):
        return
    # Said: the sum the clerk can check by hand. A group's Cộng is refused with its group's
    # sum (the running total from the top would be no figure of theirs), then the other.
    compared = tallies[-1]
    span: str = Phrase("sheet.span_above")
    overall: str = ""
    if total.grouped:
        rows = sums.items
        span = Phrase("sheet.span_group", first=rows[total.since].number,
                      last=rows[total.upto - 1].number)  # fmt: skip
        overall = Phrase("sheet.span_overall", overall=format_money(typed[0]))
    column = header.texts.get("so_tien", "")
    raise total.error("sheet.total_amount_differs", file, sheet, column_name=column,
                      counted=format_money(compared.total), span=span, overall=overall,
                      blank=compared.blank())  # fmt: skip


_Item = TypeVar("_Item")
_Tally = TypeVar("_Tally")


class RunningTallies(Generic[_Item, _Tally]):
    """Tallies of the rows above each total row, and of those since the total row before it
    (a group's Cộng), made in one pass over the rows: a list with a Cộng under each of its
    groups and a Tổng cộng would otherwise be added up again at every total row.

    `items`: the rows (or what is tallied of each), in order; it may still grow while totals
    are asked for. `add` adds one item to each of the tallies it is given (the item is then
    read once for both). Totals must be asked for top to bottom (Table.totals' order).
    """

    def __init__(
        self,
        items: Sequence[_Item],
        new: Callable[[], _Tally],
        add: Callable[[_Item, Sequence[_Tally]], None],
    ) -> None:
        self.items = items
        self._new, self._add = new, add
        self._overall, self._group = new(), new()
        self._position = 0  # the items tallied so far
        self._group_start = 0  # where the group being tallied starts

    def at(self, total: StatedTotal) -> list[_Tally]:
        """The tallies of the spans `total` may count (StatedTotal.spans, in that order). They
        keep running: read them before asking for the next total."""
        if total.since != self._group_start:
            # A new group starts under the total row before this one, never above the rows
            # tallied so far (totals come top to bottom); those before it count overall only.
            assert total.since >= self._position, (total.since, self._position)
            self._advance(total.since, (self._overall,))
            self._group, self._group_start = self._new(), total.since
        self._advance(total.upto, (self._overall, self._group))
        return [self._overall, self._group] if total.grouped else [self._overall]

    def _advance(self, stop: int, tallies: Sequence[_Tally]) -> None:
        for item in self.items[self._position : stop]:
            self._add(item, tallies)
        self._position = max(self._position, stop)


class _TypedSum:
    """The amounts typed in the Số tiền cells of a run of rows, and the first cell left empty
    (a row whose amount is missing from the sum: said when the sum is refused)."""

    __slots__ = ("total", "typed", "unreadable", "empty", "empties")

    def __init__(self) -> None:
        self.total, self.typed, self.unreadable = 0, False, False
        self.empty: Row | None = None  # the first row with an empty Số tiền cell
        self.empties = 0

    @staticmethod
    def add(row: Row, tallies: Sequence[_TypedSum]) -> None:
        text = row.values.get("so_tien") or ""
        if not text:
            for tally in tallies:
                tally.empties += 1
                tally.empty = tally.empty or row
            return
        amount = typed_money(text)
        for tally in tallies:
            if amount is None:
                tally.unreadable = True
            else:
                tally.total += amount
                tally.typed = True

    def value(self) -> int | None:
        """The sum; None when no row types an amount, or one does not read as an amount."""
        return self.total if self.typed and not self.unreadable else None

    def blank(self) -> str:
        """The empty Số tiền cells, said after the sum ("(ô G44 để trống)"); '' if none."""
        cell = self.empty.cell("so_tien") if self.empty is not None else None
        if cell is None:  # no empty cell, or no Số tiền column (no sum refused then)
            return ""
        if self.empties == 1:
            return Phrase("sheet.total_blank_amount", blank_cell=cell)
        return Phrase("sheet.total_blank_amounts", blank_cell=cell, more=self.empties - 1)


class _Recipients:
    """Who a run of rows awards: rows and distinct recipients, of cá nhân and of tập thể."""

    __slots__ = ("people_rows", "people", "group_rows", "groups")

    def __init__(self) -> None:
        self.people_rows, self.group_rows = 0, 0
        self.people: set[Hashable] = set()
        self.groups: set[Hashable] = set()

    @staticmethod
    def add(recipient: tuple[bool, Hashable], tallies: Sequence[_Recipients]) -> None:
        collective, who = recipient
        for tally in tallies:
            if collective:
                tally.group_rows += 1
                tally.groups.add(who)
            else:
                tally.people_rows += 1
                tally.people.add(who)

    def counts(self) -> tuple[int, int, int, int]:
        """Rows of cá nhân, distinct cá nhân, rows of tập thể, distinct tập thể."""
        return self.people_rows, len(self.people), self.group_rows, len(self.groups)


def _accepted(kind: str, counts: tuple[int, int, int, int]) -> set[int]:
    """The figures a count of `kind` may rightly state: by rows or by recipients, and for
    người, the cá nhân only or every row (clerks count a tập thể as one too)."""
    people_rows, people, group_rows, groups = counts
    if kind == "ca_nhan":
        return {people_rows, people}
    if kind == "tap_the":
        return {group_rows, groups}
    return {people_rows, people, people_rows + group_rows, people + groups}


def _is_column_numbering(cells: Sequence[object]) -> bool:
    texts = [clean(plain_text(v)) for v in cells]
    marks = [t for t in texts if t]
    return len(marks) >= 2 and all(_COLUMN_MARK.fullmatch(t) for t in marks)
