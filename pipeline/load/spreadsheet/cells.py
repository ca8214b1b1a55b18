"""One cell of a danh sách as clean text, or the InputError that says what is wrong with it;
and the letters Excel names a cell's column by (get_column_letter)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from pipeline.errors import InputError
from pipeline.load.spreadsheet.fields import Field
from pipeline.load.spreadsheet.limits import MAX_CELL_CHARS
from pipeline.text.gate import (
    BadCharacter,
    emoji_at,
    normalize_invisible,
    passes_unchanged,
    refused_character,
    stray_mark_at,
)
from pipeline.text.legacy import (
    PERSON_NAME,
    legacy_encodings,
    misread_with_control,
    named_encodings,
    refusal_key,
    suggested_unicode,
)

_NUMERIC = re.compile(r"[+-]?\d[\d.,]*%?")


def get_column_letter(column: int) -> str:
    """Excel's letters of a 1-based column number: 1 → A, 27 → AA.

    Written here rather than imported from openpyxl: importing openpyxl (and numpy with it)
    costs a build a third of a second, and reading a list needs only this.
    """
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


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
    if isinstance(raw, bool):  # TRUE in a Loại or name column is a shifted or typed-over cell
        raise InputError("sheet.boolean_cell", cell=cell, value=plain_text(raw))
    if isinstance(raw, str):
        if len(raw) > MAX_CELL_CHARS:
            raise InputError("sheet.cell_too_long", cell=cell, limit=MAX_CELL_CHARS)
        if passes_unchanged(raw):
            # Most cells (a new name): nothing refused nor made visible, in one search instead
            # of refused_character's and normalize_invisible's (a \r is refused: not here).
            text = clean(raw)
        else:
            # \r: Windows line breaks inside a quoted CSV cell; tab and new line become spaces.
            bad = refused_character(raw.replace("\r", ""))
            if bad is not None:
                raise _refused(raw, bad, field, cell)
            text = clean(normalize_invisible(raw))
            mark = stray_mark_at(text)
            if mark is not None:  # a tone typed twice: a second accent printed on its letter
                raise InputError("sheet.stray_mark", cell=cell, char=mark.code,
                                 letter=mark.on_its_letter(text))  # fmt: skip
        if field.text_only and _NUMERIC.fullmatch(text):
            raise InputError("sheet.number_in_text", cell=cell, value=text)
        legacy = legacy_encodings(text)
        if legacy:  # typed with a .VnTime or VNI-Times font: it would print garbled
            raise _legacy_refusal(raw, legacy, field, cell)
        return text
    text = plain_text(raw)
    if field.text_only and isinstance(raw, (dt.date, dt.time, dt.timedelta)):
        # A date (or time) cell: Excel stores it as a number, but the clerk typed a date.
        raise InputError("sheet.date_in_text", cell=cell, value=text)
    if field.text_only and raw is not None:
        raise InputError("sheet.number_in_text", cell=cell, value=text)
    return text


def _legacy_refusal(raw: str, codes: tuple[str, ...], field: Field, cell: str) -> InputError:
    """The error for a cell typed with a legacy font, or (sheet.misread_text) of a file opened
    in the wrong code and saved again, in `codes` (legacy_encodings): the Unicode it stands for
    as a suggestion."""
    encoding, font = named_encodings(codes)
    return InputError(
        refusal_key("sheet.legacy_text", codes), cell=cell, encoding=encoding, font=font,
        # From the cell as typed: TCVN3's ư is a soft hyphen there, which clean() drops.
        fixed=suggested_unicode(raw, codes[0], person=field.name == PERSON_NAME)[:60],
    )  # fmt: skip


def _refused(raw: str, bad: BadCharacter, field: Field, cell: str) -> InputError:
    """The error for a character the text gate refuses in a cell: an emoji shown as the clerk
    sees it (a "❤️" is refused for its invisible U+FE0F), a control character said to be one;
    a C1 control of a UTF-8 file opened in the wrong code ("Nguyá»\\x85n") as that misread, whose
    mending is to open the file again in its code (misread_with_control)."""
    # Not clean(): str.split() takes U+0085 and U+001C-U+001F for spaces.
    misread = misread_with_control(unicodedata.normalize("NFC", normalize_invisible(raw)), bad.char)
    if misread:
        return _legacy_refusal(raw, misread, field, cell)
    text = raw.replace("\r", "")
    if bad.pictograph:
        emoji = emoji_at(text, bad.index)
        codes = " ".join(f"U+{ord(char):04X}" for char in emoji[:8])
        return InputError("sheet.pictograph", cell=cell, symbol=emoji[:8], char=codes)
    key = "sheet.control_char" if unicodedata.category(bad.char) == "Cc" else "sheet.bad_char"
    return InputError(key, cell=cell, char=bad.code)


def plain_text(value: object) -> str:
    """A cell value as text: Excel's 3.0 is '3', dates are dd/mm/yyyy, durations hh:mm."""
    if type(value) is str:  # most cells (a Formula or ExcelError takes the last line)
        return value
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
    if isinstance(value, dt.timedelta):  # a duration cell (calamine): as Excel shows a time
        # Hours and minutes within the day, computed (a date arithmetic would overflow on a
        # duration of millennia or fail on a negative one).
        sign, length = ("-", -value) if value < dt.timedelta(0) else ("", value)
        seconds = int(length.total_seconds()) % 86_400
        return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
    return str(value)


def clean(text: str) -> str:
    """NFC, trimmed, runs of whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())
