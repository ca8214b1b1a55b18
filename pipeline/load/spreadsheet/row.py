"""A row of a danh sách as read (`Row`), and a column it is read from (`_Column`): what the
table (`table.build_table`) makes of each record and the total rows (`totals`) add up."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import get_column_letter
from pipeline.load.spreadsheet.fields import Field
from pipeline.load.spreadsheet.header import Header


@dataclass(frozen=True)
class Row:
    """One person or collective: cleaned text by field name, and where it came from."""

    number: int
    values: dict[str, str]
    file: str
    sheet: str | None
    header: Header
    # What the cells read as once parsed, kept for whoever asks again: the Số tiền amount
    # (totals.typed_amount), which the list's totals add up and pipeline.awards checks.
    parsed: dict[str, Any] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __init__(
        self, number: int, values: dict[str, str], file: str, sheet: str | None, header: Header
    ) -> None:
        # Written out: dataclass makes a frozen class's __init__ set each field through
        # object.__setattr__, twice as slow, and every row of every list is made here.
        # tests/test_load_speedups_s42.py holds these to the fields above.
        self.__dict__.update(
            number=number, values=values, file=file, sheet=sheet, header=header, parsed={}
        )

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


class _Column(NamedTuple):
    """A wanted field this table has a column for (a tuple: unpacked once per cell)."""

    name: str
    offset: int  # 0-based column
    known: dict[str, str]  # its entry of table._CLEAN
    field: Field
