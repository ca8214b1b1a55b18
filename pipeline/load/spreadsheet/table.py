"""The table of a danh sách: read the records below the header row into rows, one per person or
collective, and refuse what a clerk would not see printed (hidden rows and columns, merged
cells over a person's row, a unit column the list does not read that holds values); the other
columns it does not read that hold values on its rows are kept to be warned of (Table.unread).

The header row is found and checked by `header`, the list's own total rows read and checked by
`totals`; a row as read is `row.Row`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import NamedTuple

from pipeline.errors import InputError
from pipeline.load.bounded import keep
from pipeline.load.spreadsheet.cells import cell_text, clean, get_column_letter, plain_text
from pipeline.load.spreadsheet.fields import (
    BOOKKEEPING_HEADERS,
    Field,
    Wanted,
    header_words,
    hinted,
    normalize_header,
)
from pipeline.load.spreadsheet.header import (
    HEADER_SCAN_ROWS,
    Header,
    Merged,
    Record,
    _is_column_numbering,
    _merged_below,
    _merged_header,
    _missing_columns,
    _range_text,
    scan_header,
)
from pipeline.load.spreadsheet.limits import MAX_ROWS
from pipeline.load.spreadsheet.row import Row, _Column
from pipeline.load.spreadsheet.signatures import Held, SignatureLines, is_signature_line
from pipeline.load.spreadsheet.totals import (
    RunningTallies,
    StatedTotal,
    _accepted,
    _Recipients,
    _total_label,
    _total_row,
    _TypedSum,
    check_words_line,
    words_line,
)
from pipeline.patterns import lazy
from pipeline.render.phrase import Phrase
from pipeline.text.tones import same_spelling

# Columns hidden together in Excel (a <col min max>): first and last, 1-based.
ColumnSpan = tuple[int, int]


class Heading(NamedTuple):
    """A group's heading between the rows of a danh sách ("I | Phòng Tổng hợp"): its row, as
    Excel numbers it, its text without the group's number, and the column of its cell (from 1;
    0 when not known)."""

    row: int
    text: str
    column: int = 0

    @property
    def cell(self) -> str | None:
        """The cell reference Excel shows (B5) for the heading's text."""
        return f"{get_column_letter(self.column)}{self.row}" if self.column else None


# Where a row's unit was taken from a group heading (_units_from_headings), its Heading, kept
# with the row (Row.parsed): the row has no Đơn vị cell of its own for a warning to name.
UNIT_HEADING = "don_vi_heading"


def read_from(row: Row, field_name: str) -> tuple[int, str | None]:
    """The row and the cell (C7) a row's field was read from: the row's own (Row.cell), or for
    a unit given by a group heading, the heading's."""
    heading = row.parsed.get(UNIT_HEADING) if field_name == "don_vi" else None
    if isinstance(heading, Heading):
        return heading.row, heading.cell
    return row.number, row.cell(field_name)


class UnreadColumn(NamedTuple):
    """A visible column of a danh sách no field reads, and how many of the list's rows have
    content in it: what it says is printed nowhere."""

    column: int  # 1-based
    header: str
    rows: int


class ColumnList(str):
    """Columns named one after another, each a catalogue phrase said in the language the message
    is shown in (VanthuError.detail asks `describe`)."""

    phrases: tuple[Phrase, ...]

    def __new__(cls, phrases: Sequence[Phrase]) -> ColumnList:
        listed = super().__new__(cls, ", ".join(phrases))
        listed.phrases = tuple(phrases)
        return listed

    def describe(self, lang: str | None = None) -> str:
        return ", ".join(phrase.describe(lang) for phrase in self.phrases)

    def __reduce__(self) -> tuple[type[ColumnList], tuple[tuple[Phrase, ...]]]:
        return ColumnList, (self.phrases,)  # made again from its phrases (a build's workers)


@dataclass(frozen=True)
class Table:
    """The rows of a danh sách, with the file, sheet and header they were read from, and the
    figures its own total rows state (checked against the rows as far as the rows tell)."""

    file: str
    sheet: str | None
    header: Header
    rows: list[Row]
    totals: tuple[StatedTotal, ...] = ()
    # The visible columns no field reads that hold content on rows of the list, left to right
    # (bookkeeping columns aside: BOOKKEEPING_HEADERS).
    unread: tuple[UnreadColumn, ...] = ()
    # The group headings whose text neither says what their rows are (a unit, an award, tập
    # thể or cá nhân) nor is a unit the rows take (_units_from_headings): printed nowhere.
    headings: tuple[Heading, ...] = ()

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, field_name: str) -> bool:
        """Whether the file has a column for the field (optional fields may be absent)."""
        return field_name in self.header.columns

    def unprinted_warning(
        self, unprinted: Sequence[str] = (), key: str = "sheet.columns_not_printed"
    ) -> InputError | None:
        """One warning for the list, at its file and sheet, naming each column whose content no
        document prints, by letter and header, with how many of its rows have content there:
        the columns no field reads (Table.unread: "Ngày sinh", "Thành tích") and the fields in
        `unprinted`, read but printed by no document of the caller's (an award list's Ghi
        chú). None when there is none: an empty column loses nothing. `key`: the message, one
        saying what the caller's document prints (a council's member list). The group headings
        printed nowhere (Table.headings) are named with them, after the columns; alone, in a
        warning of their own (sheet.headings_not_printed), which says to type the unit."""
        columns = list(self.unread)
        for name in unprinted:
            column = self.header.columns.get(name)
            if column is None:
                continue
            rows = sum(1 for row in self.rows if row.values[name])
            if rows:
                columns.append(UnreadColumn(column, self.header.texts[name], rows))
        if not columns and self.headings:
            key = "sheet.headings_not_printed"
        return self.columns_warning(key, columns, self.headings)

    def columns_warning(
        self, key: str, columns: Sequence[UnreadColumn], headings: Sequence[Heading] = ()
    ) -> InputError | None:
        """The warning `key` at the list's file and sheet naming `columns` in the sheet's order,
        each by letter and header with its count of rows (sheet.column_not_printed), then
        `headings` by row and text (sheet.heading_not_printed); None for neither."""
        if not columns and not headings:
            return None
        phrases = [
            Phrase("sheet.column_not_printed", letter=get_column_letter(c.column),
                   header=c.header, rows=c.rows)  # fmt: skip
            for c in sorted(columns)
        ]
        phrases += [Phrase("sheet.heading_not_printed", row=h.row, heading=h.text[:60])
                    for h in headings]  # fmt: skip
        return InputError(key, file=self.file, sheet=self.sheet,
                          columns=ColumnList(phrases))  # fmt: skip

    def check_counts(self, recipients: Sequence[tuple[bool, Hashable]]) -> None:
        """Refuse a total row whose count of người, cá nhân or tập thể is none of the ways of
        counting the rows above it: the check that needs to know which rows are tập thể, made
        by the caller who knows it (the table alone refuses only a count above its rows).

        `recipients`: for each row, in the table's order, whether it is a tập thể's, and who
        it is (one person given two titles is one cá nhân, as Điều 1 counts). A group's Cộng
        counts its group only (StatedTotal.rightful).
        """
        tallies = RunningTallies(recipients, _Recipients, _Recipients.add)
        for total in self.totals:
            if total.kind not in ("nguoi", "ca_nhan", "tap_the"):
                continue
            counted = [tally.counts() for tally in tallies.at(total)]
            if any(total.value in _accepted(total.kind, c) for c in total.rightful(counted)):
                continue
            if any(total.value in _accepted(total.kind, c) for c in counted):
                # Right for the rows from the top, under a group's Cộng.
                _, people, _, groups = counted[-1]
                group = Phrase("sheet.subtotal_group_count", individuals=people,
                               collectives=groups, rows=total.upto - total.since)  # fmt: skip
                raise total.from_top(group, self.rows, self.file, self.sheet)
            individuals, collectives, rows = counted[0][1], counted[0][3], total.upto
            raise total.error(
                "sheet.total_count_differs", self.file, self.sheet, individuals=individuals,
                collectives=collectives, rows=rows,
            )  # fmt: skip


# Text cells already found clean, by text-only column or not, then raw text: units, titles and
# kinds repeat down a list and across a year's lists, and checking a cell is most of reading one.
# Only cells that passed are kept (a bad cell is checked again, to be named at its place).
_CLEAN: dict[bool, dict[str, str]] = {False: {}, True: {}}
_CLEAN_LIMIT = 4096


def _remember(raw: str, text_only: bool, text: str) -> None:
    keep(_CLEAN[text_only], raw, text, _CLEAN_LIMIT)


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
    they are read, and refused, as any row (pipeline.load.spreadsheet.signatures). The amount
    in words under a total row ("Bằng chữ: Một triệu ... đồng") is no row either: refused at
    its cell when it is not the amount the total row states (totals.check_words_line).
    A group's heading between the rows ("I | Phòng Tổng hợp") is no row: in a list without a
    Đơn vị column it gives its rows their unit, in one with it, it is warned of when printed
    nowhere (_units_from_headings).
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
            raise _merged_header(split, merged, file, sheet)
        raise _missing_columns(scan, fields, file, sheet, prefix, records)
    header = scan.header
    # Merged ranges over the rows below the header, refused at the first person's row they
    # cover (a total row or a group heading may be merged across the table).
    spans = _merged_below(merged, header, file, sheet)
    # Columns no field reads: one whose header names a field the list has no column for ("Cơ
    # quan, bộ phận" for Đơn vị) is refused when it holds values (see _refuse_unread), any
    # other is warned of (Table.unread). Their cells are noted on each row, as whether a row is
    # one of the list's is known only once the list is read.
    unread = _unread_columns(prefix, header, fields, hidden_columns)
    notes = [(column.offset, column.filled) for column in unread]  # unpacked once per cell
    merged_from = spans[0][0][0] + 1 if spans else _NO_ROW  # the first row they cover
    required = [w.field.name for w in fields if w.required]
    # Absent optional columns read as ''; each row's values start as a copy of this.
    empty = {w.field.name: "" for w in fields}
    present = [
        _Column(w.field.name, header.columns[w.field.name] - 1, _CLEAN[w.field.text_only], w.field)
        for w in fields
        if w.field.name in header.columns
    ]
    # The columns whose number alone on a total row is a figure of the rows (Field.tallied): a
    # Hệ số column's sum is none, and read as a count of people it would be refused.
    tallied = [column for column in present if column.field.tallied]
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
    # The group headings between the rows, each with the index in `rows` of its first row.
    headings: list[tuple[Heading, int]] = []

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
        if notes:
            _note_filled(number, cells, notes)
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
            totals += _total_row(label, number, cells, tallied, header, sums, since, file, sheet)
            since = len(rows)
            signatures = SignatureLines(spans)
            continue
        # A row holding its required cells holds something: only the others are asked whether
        # they hold anything at all (23 k of a 30-row list's 783 k instructions).
        complete = True
        for name in required:
            if not values[name]:
                complete = False
                break
        if not (complete and required) and not any(values.values()):
            # Nothing the list reads: a blank row, a group heading, or a total row whose label
            # and figures are in the STT column ("Tổng cộng: 25 người").
            if any(cells) and (label := _total_label(cells)) is not None:
                if signatures is not None and signatures.held:
                    read_held()
                totals += _total_row(label, number, cells, tallied, header, sums, since, file,
                                     sheet)  # fmt: skip
                since = len(rows)
                signatures = SignatureLines(spans)
            elif signatures is not None and (line := words_line(cells)) is not None:
                check_words_line(line, number, totals, header, file, sheet)
            elif any(cells):
                # A signature line in columns the list does not read ("THỦ TRƯỞNG ĐƠN VỊ" far
                # right): passed over as always, its columns sign for the names below it. Or
                # a group's heading in the STT column ("I. PHÒNG TỔNG HỢP"), passed over too.
                signed = signatures is not None and signatures.note(number, cells)
                if not signed and (heading := _group_heading(number, cells, header, spans)):
                    headings.append((heading, len(rows)))
            continue
        if not complete and (label := _total_label(cells)) is not None:
            if signatures is not None and signatures.held:
                read_held()
            totals += _total_row(label, number, cells, tallied, header, sums, since, file, sheet)
            since = len(rows)
            signatures = SignatureLines(spans)
            continue
        if signatures is not None and not complete and (line := words_line(cells)) is not None:
            # The amount in words under the total row ("Bằng chữ: Một triệu ... đồng"): no
            # row of the list, checked against the total it says in words.
            check_words_line(line, number, totals, header, file, sheet)
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
        if not complete and (heading := _group_heading(number, cells, header, spans)):
            # A group's heading between its rows ("I | TRƯỜNG MẦM NON HOA SEN", merged across
            # the table or not): no person's row, as a Cộng under the group is none. Only a
            # row that can be nothing else is passed over: see _group_heading. What it says
            # is the unit of its rows, or printed nowhere: see _units_from_headings.
            headings.append((heading, len(rows)))
            continue
        if number >= merged_from:
            merged_from = _refuse_merged_row(number, spans, file, sheet)
        first = False
        if complete and len(rows) < MAX_ROWS:
            rows.append(Row(number, values, file, sheet, header))  # _add_row's, one call fewer
        else:
            _add_row(rows, Row(number, values, file, sheet, header), None if complete else name)
    if not rows:
        raise InputError("sheet.no_rows", file=file, sheet=sheet, header_row=header.row)
    if totals:
        _refuse_rows_after_the_total(totals[-1], rows)
    said: tuple[UnreadColumn, ...] = ()
    if any(column.filled for column in unread):
        _refuse_unread(unread, rows, file, sheet)
        said = _unread_on_rows([c for c in unread if c.wanted is None], rows)
    unsaid: tuple[Heading, ...] = ()
    if headings and "don_vi" in empty:  # a list that reads units
        unsaid = _units_from_headings(headings, rows, header)
    return Table(file, sheet, header, rows, tuple(totals), said, unsaid)


def _units_from_headings(
    headings: Sequence[tuple[Heading, int]], rows: Sequence[Row], header: Header
) -> tuple[Heading, ...]:
    """The units a list grouped by unit names in its group headings ("I | Phòng Tổng hợp"
    above the unit's people), each heading with the index of its first row (up to the next
    heading). With no Đơn vị column, a heading's text is the unit of its rows: Điều 1 would
    print them without one otherwise. With one, the headings printed nowhere, to be warned
    of as columns printed nowhere are (Table.unprinted_warning). A heading that says what its
    rows are (tập thể or cá nhân, their award, their unit as typed: _said_by) is neither, nor
    is one over no row (a parent's over its units' headings, a line under the list)."""
    unsaid = []
    ends = [start for _, start in headings[1:]] + [len(rows)]
    for (heading, start), end in zip(headings, ends, strict=True):
        group = rows[start:end]
        if not group or _said_by(heading.text, group):
            continue
        if "don_vi" in header.columns:
            unsaid.append(heading)
            continue
        for row in group:
            row.values["don_vi"] = heading.text
            row.parsed[UNIT_HEADING] = heading
    return tuple(unsaid)


# Words of a heading that groups rows by kind ("I. TẬP THỂ", "II. CÁ NHÂN"), as header_words
# spells them.
_KIND_WORDS = (("tap", "the"), ("ca", "nhan"))


def _said_by(text: str, rows: Sequence[Row]) -> bool:
    """Whether a group heading says what its rows are: tập thể or cá nhân, or a value one of
    them holds (their award "LAO ĐỘNG TIÊN TIẾN", their unit), compared as names are (case and
    tone placement aside)."""
    words = header_words(text)
    if any(words[i : i + len(kind)] == kind for kind in _KIND_WORDS for i in range(len(words))):
        return True
    key = same_spelling(text)
    return any(same_spelling(value) == key for row in rows for value in row.values.values())


def _refuse_rows_after_the_total(last: StatedTotal, rows: Sequence[Row]) -> None:
    """Refuse a person's row below the list's last total row when that is the list's own
    (Tổng cộng, Tổng số, Tổng: not a group's Cộng, which a group without one may follow): the
    total the list states, and its signers signed, does not count that row, and the decision
    would award (and pay) it all the same. Said at the first such row, with the total row."""
    if last.subtotal or last.upto >= len(rows):
        return
    raise rows[last.upto].error("sheet.row_after_total", "ho_ten", total_row=last.row,
                                total=last.text)  # fmt: skip


class _Unread(NamedTuple):
    """A visible column the list does not read, and the values noted in it."""

    offset: int  # 0-based column
    header: str
    # The field its header names that the list has no column for ("Cơ quan, bộ phận" for Đơn
    # vị); None for any other column.
    wanted: Wanted | None
    filled: dict[int, object]  # row number → value, for the rows with content in it


def _unread_columns(
    prefix: Sequence[Record],
    header: Header,
    fields: list[Wanted],
    hidden_columns: Sequence[ColumnSpan],
) -> list[_Unread]:
    """The visible columns with a header that the list does not read, each with the wanted
    field it has no column for whose word its header holds (Field.hints): "Cơ quan, bộ phận"
    when no column is Đơn vị. Left alone, and so costing a row nothing: a hidden column (no
    part of the list the clerk sees), a column without a header (no column of the table, as
    the clerk laid it out: scratch beside it, an empty formatted column Excel keeps in the
    sheet's range) and a bookkeeping column no clerk expects printed (BOOKKEEPING_HEADERS)."""
    lacking = [w for w in fields if w.field.hints and w.field.name not in header.columns]
    cells = next((c for n, c in prefix if n == header.row), ())
    read = set(header.columns.values())
    found = []
    for offset, value in enumerate(cells):
        if value is None or offset + 1 in read:
            continue
        text = clean(plain_text(value))
        # No bookkeeping header holds a field's hint ("Đơn vị tính" is none: fields._NOT_HINTS).
        if not text or normalize_header(text) in BOOKKEEPING_HEADERS:
            continue
        if not _within(offset + 1, hidden_columns):
            wanted = next((w for w in lacking if hinted(w.field, text)), None)
            found.append(_Unread(offset, text, wanted, {}))
    return found


def _note_filled(
    number: int, cells: Sequence[object], notes: Sequence[tuple[int, dict[int, object]]]
) -> None:
    """Note the values of the unread columns on a row (each column's offset and _Unread.filled):
    whether the row is one of the list's is known only once the list is read (signature lines
    are held back). Run on every row of a list with such columns: a value is content as
    clean(plain_text()) would find it (text of more than whitespace, any number, date or
    formula), without cleaning it."""
    width = len(cells)
    for offset, filled in notes:
        if offset < width:
            raw = cells[offset]
            if raw is not None and (type(raw) is not str or raw.strip()):
                filled[number] = raw


def _unread_on_rows(unread: Sequence[_Unread], rows: Sequence[Row]) -> tuple[UnreadColumn, ...]:
    """The unread columns with content on rows of the list, and on how many: a value under the
    list only (a signature line below the total row) or on a group heading is no row's."""
    found = []
    for column in unread:
        if column.filled:
            count = sum(1 for row in rows if row.number in column.filled)
            if count:
                found.append(UnreadColumn(column.offset + 1, column.header, count))
    return tuple(found)


def _refuse_unread(
    unread: Sequence[_Unread],
    rows: Sequence[Row],
    file: str,
    sheet: str | None,
) -> None:
    """Refuse an unread column whose header names a field the list lacks (_Unread.wanted) that
    holds a value on a row of the list, at the first such row: a unit column headed "Cơ quan,
    bộ phận" would otherwise be passed over, and every name printed without its unit, as
    silently as a hidden column's values would be printed. A value under the list only (a
    signature line "THỦ TRƯỞNG ĐƠN VỊ" below the total row) is no row's: passed over. The
    message says the way out: name the column under `cot`, or remove it."""
    named = [column for column in unread if column.wanted is not None and column.filled]
    if not named:
        return
    for row in rows:
        for column in named:
            raw = column.filled.get(row.number)
            if raw is None or column.wanted is None:
                continue
            letter = get_column_letter(column.offset + 1)
            raise InputError(
                "sheet.unread_column", file=file, sheet=sheet, row=row.number,
                column=column.offset + 1, field=column.header, letter=letter,
                header=column.header, cell=f"{letter}{row.number}",
                value=clean(plain_text(raw))[:60], label=column.wanted.label,
                key=column.wanted.field.name,
            )  # fmt: skip


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
_group_mark = lazy(r"(?:[IVXLC]{1,7}|[A-Za-z])[.)]?")
# A heading with its number in the same cell: "I. TRƯỜNG MẦM NON HOA SEN", "A) TẬP THỂ" (no
# hyphen: "Y-Bih Niê" is a person's name); the match ends where its text starts.
_marked_heading = lazy(r"(?:[IVXLC]{1,7}|[A-Z])\s*[.)]\s*(?=\w)")


def _group_heading(
    number: int, cells: Sequence[object], header: Header, spans: Sequence[Merged]
) -> Heading | None:
    """A group's heading, its text without its number, when a row the list cannot read as
    a person's is one, typed as schools type their lists: text in the first column the list
    reads (the names) and, if any, in the columns left of it (the STT's), nothing else; or
    the heading with its number alone in a column left of the names ("I. PHÒNG TỔNG HỢP" in
    the STT column). And it must say it is a heading: a group number before it ("I | TRƯỜNG
    MẦM NON HOA SEN", "I. TRƯỜNG ..."), or the text merged across the table, over cells a
    person's row would fill. None for any other row: a name alone, with no number and not
    merged, may be a person whose title is forgotten, refused as before at its empty cell."""
    leftmost = min(header.columns.values()) - 1
    content = [(offset, raw) for offset, raw in enumerate(cells)
               if raw is not None and raw != ""]  # fmt: skip
    if not content or len(content) > 2 or content[-1][0] > leftmost:
        return None
    if any(type(raw) is not str or not raw.strip() for _, raw in content):
        return None  # an STT typed as a number, a date, a formula: a person's row
    offset, text = content[-1][0], str(content[-1][1]).strip()
    if len(content) == 2:
        numbered = _group_mark().fullmatch(str(content[0][1]).strip()) is not None
        return _heading(number, offset, text) if numbered and offset == leftmost else None
    mark = _marked_heading().match(text)
    if mark:
        return _heading(number, offset, text[mark.end() :])
    if offset != leftmost:
        return None  # text left of the names without a number: a note, no heading
    row = number - 1
    others = [c - 1 for c in header.columns.values() if c - 1 != leftmost]
    merged = any(
        top == row and left == leftmost and any(left < c <= right for c in others)
        for (top, left), (_, right) in spans
    )
    return _heading(number, offset, text) if merged else None


def _heading(number: int, offset: int, text: str) -> Heading | None:
    """The heading of row `number` whose text is `text` in its 0-based column `offset`, the
    text as a unit is printed: clean, without the colon after it; None when nothing is left."""
    said = clean(plain_text(text)).rstrip(" :")
    return Heading(number, said, offset + 1) if said else None


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


def _merged_error(key: str, merged: Merged, file: str, sheet: str | None) -> InputError:
    return InputError(key, file=file, sheet=sheet, row=merged[0][0] + 1, cells=_range_text(merged))


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
