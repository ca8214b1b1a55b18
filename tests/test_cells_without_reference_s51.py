"""A sheet written by a program that leaves out the cells' and rows' references (r="..."), as
the format allows: a cell then follows the one before it in its row, a row the row before it.
Its uncomputed formulas and error values are found where calamine reads its values, not lost
as blank cells."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from pipeline.errors import InputError
from tests.test_spreadsheet import PEOPLE, error_of, standard


def without_references(path: Path, *, rows: bool = True) -> Path:
    """`path` with every cell's r="..." (and every row's, with `rows`) removed."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r'(<c\b[^>]*?) r="[A-Z]+\d+"', r"\1", sheet)
    if rows:
        sheet = re.sub(r'(<row\b[^>]*?) r="\d+"', r"\1", sheet)
    assert ' r="' not in sheet or not rows
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    edited = path.with_name("edited.xlsx")
    with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return edited


# The list's blank row above its header is not written: without the rows' references, the rows
# after it move up by one (as calamine, and Excel, read the file).
@pytest.mark.parametrize(("rows", "cell"), [(True, "B5"), (False, "B6")])
def test_formula_without_value_in_a_cell_without_reference(
    tmp_path: Path, rows: bool, cell: str
) -> None:
    path = standard(tmp_path / "ds.xlsx", [PEOPLE[0], [2, '=UPPER("an")', "CV", "P", "GK"]])
    err = error_of(without_references(path, rows=rows))
    assert err.key == "sheet.formula_no_value"
    assert f"{cell} " in str(err) and f"dòng {cell[1:]}," in str(err)
    assert '=UPPER("an")' in str(err)


def test_error_value_in_a_cell_without_reference(tmp_path: Path) -> None:
    path = standard(tmp_path / "ds.xlsx", [[1, "An", "CV", "P", "#N/A"]])
    err = error_of(without_references(path))
    assert isinstance(err, InputError)
    assert err.key == "sheet.error_value" and "E4 " in str(err) and "#N/A" in str(err)
