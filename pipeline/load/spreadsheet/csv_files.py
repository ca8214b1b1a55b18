"""Reading a danh sách from a .csv (or .tsv, .txt) file: its encoding and its delimiter.

Named csv_files, not csv, so that it does not shadow the standard library's csv module.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from pipeline.errors import InputError
from pipeline.load import read_log
from pipeline.load.spreadsheet.cells import get_column_letter
from pipeline.load.spreadsheet.detect import UTF16_BOMS
from pipeline.load.spreadsheet.fields import Wanted
from pipeline.load.spreadsheet.header import (
    HEADER_SCAN_ROWS,
    Record,
    joined_header,
    scan_header,
    shortened,
)
from pipeline.load.spreadsheet.limits import (
    MAX_CSV_LINES,
    MAX_FILE_BYTES,
    check_size,
    read_failed,
)
from pipeline.load.spreadsheet.reasons import csv_reason, shown_delimiter
from pipeline.load.spreadsheet.table import Table, build_table
from pipeline.render.phrase import Phrase
from pipeline.text.legacy import (
    TCVN3,
    VNI,
    WINDOWS_1258,
    decode_legacy,
    describe_encoding,
    guess_legacy_bytes,
    legacy_font,
)

CSV_DELIMITERS = (",", ";", "\t")
# The source code a TCVN3 or VNI file is converted from, as Unikey Toolkit's list names it.
_UNIKEY_SOURCE = {TCVN3: "TCVN3 (ABC)", VNI: "VNI Windows"}


def read_csv(path: Path, fields: list[Wanted]) -> Table:
    """The table of a delimited text file, with the delimiter under which its headers appear."""
    text = _without_blank_end(_decode(path))
    # Every line counts, blank or not: 45 million blank lines under the size limit took minutes
    # to read one by one (the list's own limit counts only rows with content).
    if max(text.count("\n"), text.count("\r")) > MAX_CSV_LINES:
        raise InputError("sheet.csv_too_many_lines", file=path, limit=MAX_CSV_LINES)
    first_lines = list(islice(io.StringIO(text), HEADER_SCAN_ROWS))
    candidates = sorted(CSV_DELIMITERS, key=lambda d: -sum(line.count(d) for line in first_lines))
    # The right delimiter is the one under which the required headers appear.
    for delimiter in candidates:
        prefix = list(islice(_csv_records(text, delimiter, path, strict=False), HEADER_SCAN_ROWS))
        try:
            found = scan_header(prefix, fields).header
        except InputError as exc:  # e.g. two columns for one field: say which file
            raise exc.at(file=path) from None
        if found is not None:
            break
    else:
        # No header under any delimiter read: the file is refused (build_table says why), and
        # one joined by a character vanthu does not read ('|') is said to be so first.
        _refuse_other_separator(first_lines, fields, path)
        delimiter = candidates[0]
        found = None
    records = _csv_records(text, delimiter, path)
    if found is not None:
        records = _strict_rows(records, found.row, delimiter, path)
    return build_table(records, fields, file=str(path), sheet=None)


# What the blank lines an export ends with are made of: delimiters and white space.
_BLANK = "".join(CSV_DELIMITERS) + " \r\n"


def _without_blank_end(text: str) -> str:
    """`text` without the blank lines after its last line with content (an export's empty rows,
    in any number), that line kept whole, its empty cells too: dropped by one search in C
    instead of read one by one."""
    content = len(text.rstrip(_BLANK))
    end = text.find("\n", content)
    return text if end < 0 else text[: end + 1]


def _refuse_other_separator(lines: list[str], fields: list[Wanted], path: Path) -> None:
    """InputError at the first of the first lines that is a header row joined by a character
    that is no delimiter vanthu reads ("Họ và tên|Chức vụ|Danh hiệu"): read with ',', it is
    one cell, and its "closest header" would be nonsense."""
    for number, line in enumerate(lines, start=1):
        separator = joined_header(line.strip(), fields, skip="".join(CSV_DELIMITERS))
        if separator is not None:
            raise InputError(
                "sheet.csv_separator", file=path, line=number,
                separator=shown_delimiter(separator), text=shortened(line.strip()),
            )  # fmt: skip


def _strict_rows(
    records: Iterator[Record], header_row: int, delimiter: str, path: Path
) -> Iterator[Record]:
    """Rows below the header with as many fields as the header; blank lines skipped.

    A quote left open swallows the line after it into one cell: the record then has too many
    fields, or (open in the last column) a cell that holds a whole row, delimiters and all.
    """
    width = None
    for number, cells in records:
        if number == header_row:
            width = len(cells)
        elif width is not None and number > header_row and any(str(c).strip() for c in cells):
            for cell in map(str, cells):
                if "\n" in cell:
                    for offset, line in enumerate(cell.split("\n")[1:], start=1):
                        if width > 1 and line.count(delimiter) >= width - 1:
                            raise InputError("sheet.csv_unclosed_quote", file=path,
                                             line=number, swallowed=number + offset)  # fmt: skip
            if len(cells) != width:
                raise InputError("sheet.csv_field_count", file=path, line=number,
                                 found=len(cells), expected=width)  # fmt: skip
        yield number, cells


def _decode(path: Path) -> str:
    info = check_size(path, MAX_FILE_BYTES)
    try:
        data = read_log.read_whole(path, info)
    except OSError as exc:
        raise read_failed(path, exc) from exc
    read_log.note(path, info, data)  # the build hashes these bytes, not the file read again
    # Excel's "Unicode Text" export is UTF-16 with a byte order mark.
    encoding = "utf-16" if data.startswith(UTF16_BOMS) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        legacy = guess_legacy_bytes(data) if encoding == "utf-8-sig" else None
        if legacy is not None:
            raise _legacy_file(path, data, exc.start, line, legacy) from None
        raise InputError("sheet.csv_encoding", file=path, line=line, offset=exc.start) from exc


def _legacy_file(path: Path, data: bytes, start: int, line: int, encoding: str) -> InputError:
    """The refusal of a CSV saved in Windows-1258, TCVN3 or VNI (old software's export, a
    list typed with a .VnTime font): the code named, the first cell that is not UTF-8 shown
    as it reads in that code, and the way to convert it that does not garble it (opening the
    file straight in Excel reads it as Windows-1252: see sheet.convert_*)."""
    begin = data.rfind(b"\n", 0, start) + 1
    end = data.find(b"\n", start)
    raw_line = data[begin : len(data) if end < 0 else end].rstrip(b"\r")
    column, raw_cell = _bad_cell(raw_line)
    text = " ".join(decode_legacy(raw_cell, encoding).split())
    advice = "sheet.convert_cp1258" if encoding == WINDOWS_1258 else "sheet.convert_font"
    return InputError(
        "sheet.csv_legacy_encoding", file=path, line=line, encoding=describe_encoding(encoding),
        cell=f"{get_column_letter(column)}{line}", text=text[:60],
        advice=Phrase(advice, source=_UNIKEY_SOURCE.get(encoding, ""), font=legacy_font(encoding)),
    )  # fmt: skip


def _bad_cell(raw_line: bytes) -> tuple[int, bytes]:
    """The 1-based column and the bytes of the first cell of a line that is not UTF-8 (the
    delimiter the line uses most; quotes as the csv module reads them); the whole line, as
    column 1, when no cell of it is to blame (a quoted cell running on from the line above)."""
    # Latin-1 gives each byte one character and back: the cells' bytes are kept as they are.
    shown = raw_line.decode("latin-1")
    delimiter = max(CSV_DELIMITERS, key=shown.count)
    for column, cell in enumerate(next(csv.reader([shown], delimiter=delimiter), []), start=1):
        raw = cell.encode("latin-1")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return column, raw
    return 1, raw_line


def _csv_records(text: str, delimiter: str, path: Path, *, strict: bool = True) -> Iterator[Record]:
    # strict: a quote that is never closed is an error, not the rest of the file in one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    start = 1
    try:
        for record in reader:
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        # csv's English is said in the catalogue's words (reasons.csv_reason), never as it is.
        reason = csv_reason(exc)
        if reason.key in _QUOTE_REASONS:
            # A quote opened in the record that starts here and never closed where it should.
            raise InputError(
                "sheet.csv_quote", file=path, line=start, end=reader.line_num, reason=reason
            ) from None
        raise InputError(
            "sheet.csv_malformed", file=path, line=reader.line_num, reason=reason
        ) from exc


# The reasons of a quote left open (csv_reason): said as sheet.csv_quote, at the line it opens.
_QUOTE_REASONS = frozenset({"sheet.csv_reason_after_quote", "sheet.csv_reason_end_of_data"})
