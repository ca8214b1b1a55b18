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
from pipeline.load.spreadsheet.fields import Wanted
from pipeline.load.spreadsheet.table import (
    HEADER_SCAN_ROWS,
    Record,
    Table,
    build_table,
    scan_header,
)

CSV_DELIMITERS = (",", ";", "\t")


def read_csv(path: Path, fields: list[Wanted]) -> Table:
    """The table of a delimited text file, with the delimiter under which its headers appear."""
    text = _decode(path)
    first_lines = list(islice(io.StringIO(text), HEADER_SCAN_ROWS))
    candidates = sorted(CSV_DELIMITERS, key=lambda d: -sum(line.count(d) for line in first_lines))
    # The right delimiter is the one under which the required headers appear.
    for delimiter in candidates:
        prefix = list(islice(_csv_records(text, delimiter, path), HEADER_SCAN_ROWS))
        try:
            found = scan_header(prefix, fields).header
        except InputError as exc:  # e.g. two columns for one field: say which file
            raise exc.at(file=path) from None
        if found is not None:
            break
    else:
        delimiter = candidates[0]
    return build_table(_csv_records(text, delimiter, path), fields, file=str(path), sheet=None)


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
