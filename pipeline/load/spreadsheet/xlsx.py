"""Reading a danh sách from an .xlsx sheet, telling uncomputed formulas and error cells apart."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import ExcelError, Formula
from pipeline.load.spreadsheet.fields import Wanted, normalize_header
from pipeline.load.spreadsheet.table import Record, Table, build_table

# Excel writes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring); openpyxl leaves
# the escape as text, so a pasted control character would slip through unseen.
_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def read_xlsx(path: Path, sheet: str | None, fields: list[Wanted]) -> Table:
    """The table on the named sheet (the first one if None) of an .xlsx workbook."""
    values_book = _open_workbook(path, data_only=True)
    try:
        # A second, formula view of the same sheet: data_only hides whether an empty cell is
        # really a formula Excel never computed (files written by scripts, not by Excel).
        formula_book = _open_workbook(path, data_only=False)
        try:
            values_ws = _pick_sheet(values_book, sheet, path)
            formula_ws = formula_book[values_ws.title]
            records = _xlsx_records(values_ws, formula_ws)
            return build_table(records, fields, file=str(path), sheet=values_ws.title)
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
        return ExcelError(value)
    if value is None:
        # t="str" with an empty value is a formula that computed ''; no type means never computed.
        if formula_cell is not None and formula_cell.data_type == "f" and cell.data_type != "str":
            return Formula(getattr(formula_cell.value, "text", formula_cell.value))
        return None
    if isinstance(value, str):
        return _XML_ESCAPE.sub(_unescape_control, value)
    return value


def _unescape_control(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if unicodedata.category(char) == "Cc" else match.group(0)
