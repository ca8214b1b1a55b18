"""Shared formulas: the formula Excel shows in a cell of a filled-down (or filled-right) column.

Excel writes a formula filled over a range once, in its first cell (the master:
<f t="shared" ref="G2:G30" si="0">ROUNDUP(F2*2340000/10000,0)*10000</f>), and in each other cell
only <f t="shared" si="0"/>: the cell's formula is the master's with its relative references
moved by the cell's distance from the master, the parts anchored with $ kept. A message about
such a cell (a formula whose result the file does not store) shows that formula, as Excel's
formula bar does, not the empty text the cell holds.

The references are moved with openpyxl's formula tokenizer and translator (openpyxl is already a
dependency, for the register's workbooks): they tell a reference from a string, a function's
name, a sheet's name and a defined name, which a pattern alone would not. Imported only when
such a cell is met (openpyxl takes half a second to import). A reference moved off the sheet's
top or left is written #REF!, as Excel writes it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Master:
    """The cell a shared formula is written in (row, column, 1-based) and its text (no '=')."""

    row: int
    column: int
    text: str


class FormulaNotShown(Exception):
    """A formula whose text cannot be worked out: its tokens cannot be read."""


def formula_at(master: Master, row: int, column: int) -> str:
    """The formula (without '=') Excel shows at (row, column) for the shared formula `master`."""
    from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError

    try:
        tokens = Tokenizer(f"={master.text}").items
    except TokenizerError as exc:
        raise FormulaNotShown(master.text) from exc
    rows, columns = row - master.row, column - master.column
    return "".join(
        _moved(token.value, rows, columns)
        if token.type == Token.OPERAND and token.subtype == Token.RANGE
        else token.value
        for token in tokens
    )


def _moved(reference: str, rows: int, columns: int) -> str:
    """A reference (A1, $B$2, C:C, 3:4, Sheet2!D5, a defined name) moved by rows and columns."""
    from openpyxl.formula.translate import Translator, TranslatorError

    try:
        return str(Translator.translate_range(reference, rows, columns))
    except TranslatorError:  # moved above row 1 or left of column A
        sheet, _ = Translator.strip_ws_name(reference)
        return f"{sheet}#REF!"
