"""The header row of a danh sách: find it among the title rows above it, map its columns to
fields, and refuse a header that cannot be read as one row holding one column per field (a field
in two columns, a column read as two fields, a name split in two columns, merged cells over it,
a header typed on two rows or in a legacy code), saying what the likeliest header row holds.

`table.build_table` reads the rows below the header found here.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from pipeline.errors import InputError
from pipeline.load.bounded import keep
from pipeline.load.spreadsheet.cells import clean, get_column_letter, plain_text
from pipeline.load.spreadsheet.fields import (
    GIVEN_NAME,
    STANDARD_FIELDS,
    SURNAME,
    UNIT_NAME_HEADERS,
    Field,
    Wanted,
    header_words,
    hinted,
    normalize_header,
)
from pipeline.load.spreadsheet.limits import MAX_ROWS
from pipeline.load.spreadsheet.reasons import shown_delimiter
from pipeline.render.phrase import Phrase
from pipeline.text.legacy import (
    legacy_encodings,
    named_encodings,
    refusal_key,
    suggested_unicode,
)
from pipeline.text.listing import first_named

# Header rows sit under a few merged title rows (agency, "DANH SÁCH ..."), never far down.
HEADER_SCAN_ROWS = 20

# The "(1) (2) (3)" or "A B C" line many forms put under the headers to number the columns.
_COLUMN_MARK = re.compile(r"\(?(?:\d{1,2}|[A-Za-z])\)?")

Record = tuple[int, Sequence[object]]

# A merged range as calamine gives it: ((first row, first column), (last row, last column)),
# 0-based.
Merged = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class Header:
    """Where the header row is and which column holds each field (1-based column numbers)."""

    row: int
    columns: Mapping[str, int]
    texts: Mapping[str, str]


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
        # The title and header rows of a year's lists, made from one template, are the same
        # rows list after list: what a row of text says is kept by the lookup it was read
        # against (_Lookup), and so is the header it makes at its row number.
        key = _text_row(cells)
        known = None if key is None else lookup.rows.get(key)
        if known is None:
            known = _row_headers(cells, lookup)
            if key is not None:
                keep(lookup.rows, key, known, _KEPT_ROWS)
        found, texts = known
        if found and needed <= found.keys():
            header = None if key is None else lookup.headers.get((number, key))
            if header is None:
                header = _header(number, cells, found, fields)
                if key is not None:
                    keep(lookup.headers, (number, key), header, _KEPT_ROWS)
            return HeaderScan(header, number, list(texts), frozenset(found))
        score = (len(found), len(texts))
        if texts and (best is None or score > best[0]):
            best = (score, number, list(texts), frozenset(found))
    if best is None:
        return HeaderScan(None, None, [], frozenset())
    return HeaderScan(None, best[1], best[2], best[3])


# A row of these types only is kept by its cells (two cells of other types may be equal and
# read otherwise: 1 and True, a Formula and its text).
_TEXT_TYPES = frozenset({str, type(None)})
# Rows (and headers) a lookup keeps at most: the title and header rows of a workspace's
# templates, not every row of a list whose header is not found.
_KEPT_ROWS = 256


def _text_row(cells: Sequence[object]) -> tuple[object, ...] | None:
    """The row's cells as a key of _Lookup.rows, if they are text or empty only; else None."""
    key = tuple(cells)
    return key if _TEXT_TYPES.issuperset(map(type, key)) else None


def _row_headers(
    cells: Sequence[object], lookup: _Lookup
) -> tuple[dict[str, list[int]], tuple[str, ...]]:
    """The columns (1-based) of the fields whose headers a row's cells name, by field (a
    field named twice has two), and the row's texts (its cells with content, cleaned)."""
    found: dict[str, list[int]] = {}
    texts: list[str] = []
    for column, value in enumerate(cells, start=1):
        text = clean(plain_text(value))
        if not text:
            continue
        texts.append(text)
        for name in lookup.get(normalize_header(text), ()):
            found.setdefault(name, []).append(column)
    if lookup.reads_units and len(found.get("ho_ten", ())) > 1:
        _units_beside_names(found, cells)
    return found, tuple(texts)


def _units_beside_names(found: dict[str, list[int]], cells: Sequence[object]) -> None:
    """Read a name column headed with a unit ("Tên đơn vị", UNIT_NAME_HEADERS) as the Đơn vị
    column when another column holds the names ("Họ và tên | Chức vụ | Tên đơn vị"): there it
    says the unit of each person, as in a list of tập thể alone it names the units awarded.
    Changes `found` (_row_headers') in place; a Đơn vị column besides is then a field in two
    columns, refused by _header naming both headers."""
    names = found["ho_ten"]
    units = [c for c in names if _heading_key(cells[c - 1]) in UNIT_NAME_HEADERS]
    if not units or len(units) == len(names):
        return
    found["ho_ten"] = [c for c in names if c not in units]
    found["don_vi"] = sorted({*found.get("don_vi", ()), *units})


def _heading_key(value: object) -> str:
    """A header cell as spellings are matched (normalize_header of its clean text)."""
    return normalize_header(clean(plain_text(value)))


class _Lookup(dict[str, tuple[str, ...]]):
    """Each accepted header spelling (normalized) → the fields it names (_header_lookup); and
    what the rows read against it found (`rows`: by a row's cells, its fields' columns and
    texts, as _row_headers says; `headers`: by row number and cells, the header _header made
    of it). Kept, never changed, by _lookup_of: what is kept is read, never changed either."""

    def __init__(self, reads_units: bool = False) -> None:
        super().__init__()
        self.reads_units = reads_units  # whether the fields include Đơn vị (don_vi)
        self.rows: dict[tuple[object, ...], tuple[dict[str, list[int]], tuple[str, ...]]] = {}
        self.headers: dict[tuple[int, tuple[object, ...]], Header] = {}


def _header_lookup(fields: list[Wanted]) -> _Lookup:
    """Each accepted header spelling (normalized) → the fields it names: one, but for a
    spelling `cot` gives a field that is another field's header too (refused by _header)."""
    return _lookup_of(tuple((w.field.name, w.field.headers) for w in fields))


@functools.lru_cache(maxsize=64)  # the same fields list after list (a `cot` gives its own)
def _lookup_of(spellings: tuple[tuple[str, tuple[str, ...]], ...]) -> _Lookup:
    """_header_lookup of the fields' names and spellings (kept: read, never changed)."""
    lookup = _Lookup(reads_units=any(name == "don_vi" for name, _ in spellings))
    for name, headers in spellings:
        for spelling in headers:
            key = normalize_header(spelling)
            names = lookup.get(key, ())
            if name not in names:
                lookup[key] = (*names, name)
    return lookup


def _header(
    number: int, cells: Sequence[object], found: dict[str, list[int]], fields: list[Wanted]
) -> Header:
    """The header on row `number`, each field at its column; refused when a field has two
    columns, a column stands for two fields, or "Tên" heads the given names of a name split
    in two columns."""
    texts = {}
    owner: dict[int, str] = {}  # column → the field read there
    for name, columns in found.items():
        texts[name] = clean(plain_text(cells[columns[0] - 1]))
        if len(columns) > 1:
            # Each cell with its header as typed: "Họ và tên" and "Họ tên" are one field.
            first, second = (
                f"{get_column_letter(c)}{number} «{clean(plain_text(cells[c - 1]))}»"
                for c in columns[:2]
            )
            raise InputError(
                "sheet.duplicate_column",
                row=number,
                field=texts[name],
                # The field as a user knows it: the two headers may both differ from it.
                field_name=next(w.label for w in fields if w.field.name == name),
                first=first,
                second=second,
            )
        if columns[0] in owner:
            raise _two_fields(number, columns[0], texts[name], (owner[columns[0]], name), fields)
        owner[columns[0]] = name
    placed = {n: c[0] for n, c in found.items()}
    _refuse_split_name(number, cells, placed, texts)
    return Header(number, placed, texts)


def _two_fields(
    number: int, column: int, text: str, names: tuple[str, str], fields: list[Wanted]
) -> InputError:
    """The refusal of one column read as two fields: `cot` gave one of them the header of the
    other ({ho_ten: "Đơn vị"}), and reading it so would print the units as the people's names."""
    wanted = {w.field.name: w for w in fields}
    first, second = (wanted[n] for n in names)
    declared = [w for w in (first, second) if w.declared]
    said = ", ".join(f'{w.field.name}: "{text}"' for w in declared)
    letter = get_column_letter(column)
    return InputError(
        "sheet.column_two_fields", row=number, column=column, field=text, letter=letter,
        header=text, first=first.label, second=second.label,
        declared=Phrase("sheet.column_declared", declared=said) if said else "",
    )  # fmt: skip


def _refuse_split_name(
    number: int, cells: Sequence[object], columns: Mapping[str, int], texts: Mapping[str, str]
) -> None:
    """Refuse a name split in two columns ("Họ và tên đệm" | "Tên", "Họ" | "Tên"): "Tên"
    reads as the whole name only in lists that have no surname column left of it; else only
    the given names ("An") would be printed."""
    column = columns.get("ho_ten")
    if column is None or column < 2 or normalize_header(texts["ho_ten"]) != GIVEN_NAME:
        return
    left = clean(plain_text(cells[column - 2]))
    words = header_words(left)
    if not words or words[0] != SURNAME or column - 1 in columns.values():
        return
    raise InputError(
        "sheet.split_name", row=number, column=column, field=texts["ho_ten"],
        surname=left, given=texts["ho_ten"],
        surname_cell=f"{get_column_letter(column - 1)}{number}",
        given_cell=f"{get_column_letter(column)}{number}",
        first_cell=f"{get_column_letter(column - 1)}{number + 1}",
        second_cell=f"{get_column_letter(column)}{number + 1}",
    )  # fmt: skip


def _missing_columns(
    scan: HeaderScan,
    fields: list[Wanted],
    file: str,
    sheet: str | None,
    prefix: Sequence[Record] = (),
    rest: Iterable[Record] = (),
) -> InputError:
    """The refusal of a list whose header is not in its first rows (`prefix`), saying what is
    there instead. `rest`: the records after them, read on (only here, as the list is refused
    anyway) to say where a header, or the content, further down is."""
    further = _header_further_down(scan, fields, file, sheet, rest)
    if further is not None:
        return further
    if scan.best_row is None:
        return InputError("sheet.empty_sheet", file=file, sheet=sheet, rows=HEADER_SCAN_ROWS)
    missing = [w.field for w in fields if w.required and w.field.name not in scan.best_matched]
    missing = missing or [w.field for w in fields]  # nothing required: any column would do
    legacy = _legacy_header(scan)
    if legacy is not None:  # typed in a .VnTime or VNI font: no header reads, nor any cell
        return InputError(legacy.pop("key"), file=file, sheet=sheet,
                          field=missing[0].label, **legacy)  # fmt: skip
    if sheet is not None:  # a CSV's separators are told from its lines (csv_files)
        joined = _joined_cell(prefix, fields, file, sheet)
        if joined is not None:
            return joined
    split = _split_header(scan, missing, fields, prefix)
    if split is not None:
        return InputError(split[0], file=file, sheet=sheet, field=missing[0].label, **split[1])
    closest = _closest_headers(scan.best_texts, missing, fields)
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


# How many rows below the first HEADER_SCAN_ROWS are read for a header further down, at most
# (the rows of a refused list, so bounded only to keep a huge sheet's refusal quick).
_FURTHER_ROWS = 200


def _header_further_down(
    scan: HeaderScan,
    fields: list[Wanted],
    file: str,
    sheet: str | None,
    rest: Iterable[Record],
) -> InputError | None:
    """The refusal of a list whose header is below the rows looked at: blank rows inserted
    above it (sheet.blank_rows_above, saying where the content starts), or title and note rows
    enough to push it down (sheet.header_below, saying where it is); None when there is none
    within reach, and the list is refused for what its first rows hold."""
    if scan.best_matched:  # the first rows name a field: their header is the list's
        return None
    records = iter(rest)
    first: int | None = None
    if scan.best_row is None:  # nothing at all in the first rows: where does content start?
        for number, cells in _read_on(islice(records, MAX_ROWS)):
            if any(clean(plain_text(value)) for value in cells):
                first = number
                records = chain([(number, cells)], records)
                break
        if first is None:
            return None
    reach = _FURTHER_ROWS if first is None else HEADER_SCAN_ROWS
    below = list(_read_on(islice(records, reach)))
    try:
        header = scan_header(below, fields).header
    except InputError:  # a header refused for how it names the fields: still a header
        header = None
    if first is not None:
        at = Phrase("sheet.header_at", header_row=header.row) if header is not None else ""
        return InputError("sheet.blank_rows_above", file=file, sheet=sheet, rows=HEADER_SCAN_ROWS,
                          first=first, blank_last=first - 1, header=at)  # fmt: skip
    if header is None:
        return None
    cells = next(c for n, c in below if n == header.row)
    found = [clean(plain_text(value)) for value in cells]
    return InputError(
        "sheet.header_below", file=file, sheet=sheet, rows=HEADER_SCAN_ROWS,
        header_row=header.row, found=", ".join(f"'{text}'" for text in found if text),
    )  # fmt: skip


def _read_on(records: Iterable[Record]) -> Iterator[Record]:
    """`records` until one cannot be read: a CSV read on strictly past its first rows may stop
    at a quote left open, which is no reason to say nothing of the rows before it."""
    try:
        yield from records
    except InputError:
        return


def joined_header(text: str, fields: list[Wanted], skip: str = "") -> str | None:
    """The character a whole header row is joined with in `text` ("Họ và tên|Chức vụ|Danh
    hiệu": '|'), when split on it the parts name two fields or more (the list's, or standard
    ones); None for any other text. `skip`: characters not to split on."""
    names: dict[str, set[str]] = {}
    for spelling, owners in _header_lookup(fields).items():
        names.setdefault(spelling, set()).update(owners)
    for field in STANDARD_FIELDS.values():
        for spelling in field.headers:
            names.setdefault(normalize_header(spelling), set()).add(field.name)
    if normalize_header(text) in names:
        return None
    marks = {c for c in text if not c.isalnum() and not c.isspace() and c not in skip}
    for separator in sorted(marks - set(_NO_SEPARATORS), key=lambda c: (-text.count(c), c)):
        named: set[str] = set()
        for part in text.split(separator):
            named |= names.get(normalize_header(part), set()) if part.strip() else set()
        if len(named) >= 2:
            return separator
    return None


# Never a separator of columns: quotes and brackets stand around text, not between columns.
_NO_SEPARATORS = "\"'()[]{}«»“”‘’"


def _joined_cell(
    prefix: Sequence[Record], fields: list[Wanted], file: str, sheet: str | None
) -> InputError | None:
    """The refusal of a sheet whose header row is one cell, its columns joined by a character
    (a CSV pasted or opened into Excel without being split into columns): the first row among
    the first ones whose only text is such a cell."""
    for number, cells in prefix:
        texts = [(column, clean(plain_text(value))) for column, value in enumerate(cells, 1)]
        texts = [(column, text) for column, text in texts if text]
        if len(texts) != 1:
            continue
        column, text = texts[0]
        separator = joined_header(text, fields)
        if separator is not None:
            letter = get_column_letter(column)
            return InputError(
                "sheet.joined_header", file=file, sheet=sheet, row=number, column=column,
                cell=f"{letter}{number}", letter=letter, separator=shown_delimiter(separator),
                text=shortened(text),
            )  # fmt: skip
    return None


def shortened(text: str, limit: int = 80) -> str:
    """`text` as a message quotes it: cut at `limit` characters, with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# The refusals whose advice places 'cot' "next to 'danh_sach' in the data file": each has a
# "_plain" twin (pipeline/messages/sheet.py) for a list named by a form, which has no data file.
COT_ADVICE = frozenset({
    "sheet.missing_column", "sheet.missing_column_close", "sheet.column_two_fields",
    "sheet.unread_column",
})  # fmt: skip


def said_to_form(error: InputError) -> InputError:
    """`error` as said of a list named by data not typed as YAML (a form, Workspace.load_mapping;
    the caller asks load.validation.typed_as_yaml of its source): a refusal whose advice says
    'cot' is in the data file gets its "_plain" twin, at the same place with the same values.
    Only these keys: another refusal of a list has a "_plain" key that is no form's wording
    (money.unknown_office_award_plain: the same without a "did you mean")."""
    if error.key not in COT_ADVICE:
        return error
    return InputError(
        f"{error.key}_plain", file=error.file, line=error.line, column=error.column,
        field=error.field, sheet=error.sheet, row=error.row, **error.params,
    )  # fmt: skip


def _legacy_header(scan: HeaderScan) -> dict[str, Any] | None:
    """What to say of a header row typed in TCVN3 or VNI (a whole sheet typed with a .VnTime
    or VNI-Times font, its header too): its legacy cells with the Unicode each stands for, and
    the code; None when no header cell is legacy text. Said instead of "column not found" and
    of a likely header ('Hä vµ tªn' → 'Họ và tên'), which would have the clerk retype the
    header alone."""
    cells: list[str] = []
    codes: tuple[str, ...] = ()
    for text in scan.best_texts:
        found = legacy_encodings(text)
        if found:
            codes = codes or found
            cells.append(f"«{text}» = «{suggested_unicode(text, found[0])[:40]}»")
    if not cells:
        return None
    encoding, font = named_encodings(codes)
    shown = first_named(cells, _LEGACY_CELLS_SHOWN)
    key = refusal_key("sheet.legacy_header", codes)
    return dict(key=key, header_row=scan.best_row, encoding=encoding, font=font, cells=shown)


# How many legacy header cells a message quotes.
_LEGACY_CELLS_SHOWN = 4


def _closest_headers(texts: Sequence[str], missing: list[Field], fields: list[Wanted]) -> list[str]:
    """The likely header of each missing field among those read as no field, "'Tên' → 'Họ và
    tên'": one holding a word of the field's (Field.hints) first, else the closest spelling.
    A header read as another field (the list's, or any standard one) is never suggested: a
    clerk who renamed 'Đơn vị' as told would print the units as the people's names."""
    known = set(_header_lookup(fields)) | {
        normalize_header(h) for f in STANDARD_FIELDS.values() for h in f.headers
    }
    spare = {normalize_header(t): t for t in texts if normalize_header(t) not in known}
    closest = []
    for f in missing:
        if not spare:
            break
        hinted_texts = [text for text in spare.values() if hinted(f, text)]
        if hinted_texts:
            text = hinted_texts[0]
        else:
            guesses = [
                (difflib.SequenceMatcher(None, normalize_header(h), n).ratio(), text)
                for h in f.headers
                for n, text in spare.items()
            ]
            ratio, text = max(guesses, default=(0.0, ""))
            if ratio < 0.6:
                continue
        del spare[normalize_header(text)]  # one header is suggested for one field
        closest.append(f"'{text}' → '{f.label}'")
    return closest


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
            names = lookup.get(normalize_header(text), ()) if text else ()
            for name in names:
                if name not in scan.best_matched:
                    headings.append((column, text, name))
                    break
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


def _range_text(merged: Merged) -> str:
    (top, left), (bottom, right) = merged
    return f"{get_column_letter(left + 1)}{top + 1}:{get_column_letter(right + 1)}{bottom + 1}"


def _merged_header(
    split: Sequence[Merged], merged: Sequence[Merged], file: str, sheet: str | None
) -> InputError:
    """The refusal of a header typed on several rows with merged cells, naming every merged
    range of it at once (A2:A3, B2:B3, ..., E2:F2 over "Hình thức | Loại"): told one range
    per run, the clerk would unmerge them one check at a time. The header's rows are those
    the ranges across rows (`split`) span; a range within them across columns is one too."""
    top = min(m[0][0] for m in split)
    bottom = max(m[1][0] for m in split)
    # No range reaching the header's top row starts above it: it would span rows, be in `split`.
    ranges = {m for m in merged if m[0][0] <= bottom and m[1][0] >= top}
    return _merged_over_header(ranges, file, sheet)


def _merged_over_header(ranges: Iterable[Merged], file: str, sheet: str | None) -> InputError:
    """The refusal of merged ranges over a header ("sheet.merged_header"), all named at once,
    top to bottom and left to right, at the row of the first."""
    ordered = sorted(ranges, key=lambda m: (m[0][0], m[0][1]))
    return InputError("sheet.merged_header", file=file, sheet=sheet, row=ordered[0][0][0] + 1,
                      cells=", ".join(_range_text(m) for m in ordered))  # fmt: skip


def _merged_below(
    merged: Sequence[Merged], header: Header, file: str, sheet: str | None
) -> list[Merged]:
    """Merged ranges below the header over a column the list reads, top first; a range over
    the header itself is refused here (it hides which header is whose). Title rows above the
    header may be merged freely."""
    used = set(header.columns.values())
    below: list[Merged] = []
    over: list[Merged] = []
    for item in merged:
        (top, left), (bottom, right) = item
        if bottom + 1 < header.row:
            continue
        if any(left + 1 <= column <= right + 1 for column in used):
            (over if top + 1 <= header.row else below).append(item)
    if over:  # every range over the header at once, as _merged_header says them
        raise _merged_over_header(over, file, sheet)
    return sorted(below)


def _is_column_numbering(cells: Sequence[object]) -> bool:
    """Whether a row holds two marks or more and nothing else: "(1) (2) (3)", "A B C". Asked
    of the first row under every header, most often a person's: its cells are read up to the
    first that is no mark (the name), not all of them cleaned first."""
    marks = 0
    for value in cells:
        text = clean(plain_text(value))
        if not text:
            continue
        if not _COLUMN_MARK.fullmatch(text):
            return False
        marks += 1
    return marks >= 2
