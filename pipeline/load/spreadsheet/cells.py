"""One cell of a danh sách as clean text, or the InputError that says what is wrong with it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from pipeline.errors import InputError
from pipeline.load.spreadsheet.fields import Field
from pipeline.text.legacy import decode_legacy, describe_encoding, looks_like_legacy_text

_NUMERIC = re.compile(r"[+-]?\d[\d.,]*%?")
_ALLOWED_CONTROLS = frozenset("\t\n\r")  # \r: Windows line breaks inside a quoted CSV cell


class Formula(str):
    """A formula cell whose computed value the file does not store."""


class ExcelError(str):
    """A cell holding an Excel error value such as #REF! or #N/A."""


def cell_text(raw: object, field: Field, cell: str) -> str:
    """Clean text of one cell, or InputError (without location) for a bad cell."""
    if isinstance(raw, Formula):
        raise InputError("sheet.formula_no_value", cell=cell, formula=f"={raw.lstrip('=')}")
    if isinstance(raw, ExcelError):
        raise InputError("sheet.error_value", cell=cell, value=str(raw))
    if isinstance(raw, str):
        for ch in raw:
            if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS:
                raise InputError("sheet.control_char", cell=cell, char=f"U+{ord(ch):04X}")
        text = clean(raw)
        if field.text_only and _NUMERIC.fullmatch(text):
            raise InputError("sheet.number_in_text", cell=cell, value=text)
        legacy = looks_like_legacy_text(text)
        if legacy:  # typed with a .VnTime or VNI-Times font: it would print garbled
            raise InputError(
                "sheet.legacy_text", cell=cell, encoding=describe_encoding(legacy),
                fixed=decode_legacy(text, legacy)[:60],
            )  # fmt: skip
        return text
    text = plain_text(raw)
    if field.text_only and raw is not None and not isinstance(raw, bool):
        raise InputError("sheet.number_in_text", cell=cell, value=text)
    return text


def plain_text(value: object) -> str:
    """A cell value as text: Excel's 3.0 is '3', dates are dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


def clean(text: str) -> str:
    """NFC, trimmed, runs of whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())
