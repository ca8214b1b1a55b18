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

Readers fail loudly: a CSV is read strictly (a quote left open, a line with the wrong number of
fields), a row with content but an empty required cell is refused with its row, a hidden sheet
is read only when named, so is one of several visible sheets holding a list, a file is told by
its first bytes (a real .xlsx named .xls is read, a web page named .xls is said to be one),
merged cells at or below the header are refused by their range (all of the header's at once),
one column read as two fields (a `columns` spelling that is another field's header) is refused,
and so is a column the list does not read whose header names a field it lacks (Field.hints:
"Cơ quan, bộ phận" with no Đơn vị column) when it holds values.
A header or a CSV file in a legacy code (TCVN3, VNI, Windows-1258) is refused naming the code.
`limits` caps file size, rows and cell length.

Modules: `fields` (the fields and their header spellings), `detect` (which kind of file),
`xlsx` (python-calamine) and `csv_files` (reading each kind into records), `members` (an
.xlsx part inflated from the file's bytes), `header` (finding and checking the header row),
`table` (the rows below it), `row` (a row as read), `totals` (the list's own total and subtotal
rows), `signatures` (the signature lines under a list's total row), `cells` (one cell as clean
text, through pipeline.text.gate), `shared_formulas` (the formula Excel shows in a cell of a
filled-down formula), `limits`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from pipeline.load.spreadsheet.csv_files import CSV_DELIMITERS, read_csv
from pipeline.load.spreadsheet.detect import OLE2_MAGIC, TEXT_SUFFIXES, XLSX_SUFFIXES, file_kind
from pipeline.load.spreadsheet.fields import (
    STANDARD_FIELDS,
    Field,
    normalize_header,
    resolve_fields,
)
from pipeline.load.spreadsheet.header import HEADER_SCAN_ROWS, Header, Record
from pipeline.load.spreadsheet.row import Row
from pipeline.load.spreadsheet.table import Table
from pipeline.load.spreadsheet.totals import typed_amount, typed_money
from pipeline.load.spreadsheet.xlsx import read_xlsx

__all__ = [
    "typed_amount",
    "typed_money",
    "CSV_DELIMITERS",
    "HEADER_SCAN_ROWS",
    "OLE2_MAGIC",
    "STANDARD_FIELDS",
    "TEXT_SUFFIXES",
    "XLSX_SUFFIXES",
    "Field",
    "Header",
    "Record",
    "Row",
    "Table",
    "normalize_header",
    "read_table",
]


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
    path = path if isinstance(path, Path) else Path(path)
    fields = resolve_fields(required, optional, columns or {})
    kind = file_kind(path)
    if kind == "csv":
        return read_csv(path, fields)
    return read_xlsx(path, sheet, fields)
