"""The register's texts through the checks a data file's text passes, and out again printable.

What a clerk types after an option of `vanthu so` (--trich-yeu, --ky-hieu, --nguoi-ky, ...) is
written in the register as it stands, and from there into the sổ `so xuat` writes. It passes the
project's text gate (pipeline.text.gate: no control character, which neither an .xlsx nor a .docx
can hold, nor an emoji, a bidi control, a tone typed twice) and its legacy-font check
(pipeline.text.legacy: TCVN3 or VNI text pasted from a .VnTime document), and is kept in NFC,
as every text of a data file is (pipeline.load.yaml_source): a trích yếu typed in NFD would
not compare equal to the same words typed in NFC, nor sort with them. A refusal says what a
data file's text is refused with (data.bad_char, data.legacy_text, ...), naming the option.

A ký hiệu is too short for the legacy check, which judges words: "Q§-UBND" (QĐ-UBND typed with
a .VnTime font, whose Đ is byte 0xA7, §) is none of its words, yet no ký hiệu holds a §. Each
part of a ký hiệu (between its - and /) is letters and figures; a part that is not, and that
reads as capitals in TCVN3 or VNI, was typed in that code (legacy_symbol).

A register written before these checks may hold such a character already: `so xuat` writes
each as its code ("[U+000B]", printable) rather than fail the whole year (an .xlsx or .docx
cannot hold it), and says which row and column hold one (unprintable_cells), for the clerk to
correct the printed copy (see printable).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.register.columns import EXTRA_COLUMNS, FORM_COLUMNS
from pipeline.register.errors import RegisterError
from pipeline.register.model import Entry
from pipeline.render.phrase import Phrase
from pipeline.text.gate import (
    BadCharacter,
    gate,
    normalize_invisible,
    refused_character,
)
from pipeline.text.legacy import (
    TCVN3,
    VNI,
    decode_legacy,
    legacy_encodings,
    misread_with_control,
    named_encodings,
    refusal_key,
    suggested_unicode,
)
from pipeline.text.normalize import nfc

# A carriage return is a line break typed on Windows (a cell's "_x000D_\n", a pasted "\r\n"):
# one, as YAML and the list reader take it; the gate refuses a lone \r as a control character.
_LINE_BREAK = re.compile(r"\r\n?")


def line_breaks(text: str) -> str:
    """`text` with its Windows line breaks (\\r\\n, a lone \\r) as new lines."""
    return _LINE_BREAK.sub("\n", text) if "\r" in text else text


class RefusedText(ValueError):
    """A text the register does not take: `reason` says why, in a data file's words."""

    def __init__(self, reason: Phrase) -> None:
        super().__init__(reason.key)
        self.reason = reason


def checked(value: str, *, person: bool = False, legacy: bool = True,
            symbol: bool = False) -> str:
    """`value` as the register keeps it: NFC, Windows line breaks as new lines, invisible
    spaces normalised (text.gate.gate). RefusedText for a character the gate refuses, and
    (with `legacy`) for text typed with a legacy font, whose Unicode is suggested (as a
    person's name with `person`); with `symbol`, a ký hiệu's part so typed (legacy_symbol)."""
    typed = line_breaks(value)
    composed = nfc(typed)
    try:
        text = gate(composed)
    except BadCharacter as bad:
        raise RefusedText(_bad_character(typed, composed, bad, person)) from None
    if legacy:
        codes = legacy_encodings(text)
        if codes:
            raise RefusedText(legacy_reason(typed, codes, person=person))
        found = legacy_symbol(text) if symbol else None
        if found is not None:
            encoding, font = named_encodings((found[0],))
            raise RefusedText(Phrase("data.legacy_text", encoding=encoding, font=font,
                                     fixed=found[1]))
    return text


def legacy_reason(typed: str, codes: tuple[str, ...], *, person: bool = False) -> Phrase:
    """Why text typed in `codes` (legacy_encodings) is refused, as a data file's text is: its
    code and font, and the Unicode it stands for, read from it as `typed` (data.legacy_text),
    or (data.misread_text) a misread file's text and what it reads as."""
    encoding, font = named_encodings(codes)
    return Phrase(refusal_key("data.legacy_text", codes), encoding=encoding, font=font,
                  fixed=suggested_unicode(typed, codes[0], person=person)[:60])


def _bad_character(typed: str, composed: str, bad: BadCharacter, person: bool) -> Phrase:
    """Why a text the gate refuses for `bad` is refused, in the words yaml_source gives a data
    file's value: a tone typed twice on its letter, a C1 control of a misread UTF-8 text as
    that misread, an emoji as the clerk sees it, any other character by its code and name."""
    if bad.stray_mark:  # found in the text as gated: shown on its letter there
        return Phrase("data.stray_mark", char=bad.code,
                      letter=bad.on_its_letter(normalize_invisible(composed)))
    codes = misread_with_control(normalize_invisible(composed), bad.char)
    if codes:
        return legacy_reason(typed, codes, person=person)
    key = "data.pictograph" if bad.pictograph else "data.bad_char"
    return Phrase(key, char=bad.code, name=bad.name)


def option_text(option: str, value: str | None, *, person: bool = False,
                legacy: bool = True, symbol: bool = False) -> str | None:
    """The text typed after `option` as the register keeps it (checked), None for none;
    refused (register.option_text, naming the option) before anything is written."""
    if value is None:
        return None
    try:
        return checked(value, person=person, legacy=legacy, symbol=symbol)
    except RefusedText as refused:
        raise RegisterError("register.option_text", option=option,
                            reason=refused.reason) from None


# -- ký hiệu -------------------------------------------------------------------------------

# A ký hiệu's parts: between its dashes and slashes (2026/QĐ-UBND: 2026, QĐ, UBND).
_SYMBOL_PART = re.compile(r"[^-/\s]+")
# What a part of a ký hiệu is made of: capitals (Đ among them), the small letters of a few
# abbreviations (TTr, tờ trình) and figures. A part that is more (a §, an Ñ) and reads as
# this in a legacy code was typed in it.
_SYMBOL_LETTERS = re.compile(r"[A-Za-zĐđ0-9&.]+")


def legacy_symbol(symbol: str) -> tuple[str, str] | None:
    """(the code, the ký hiệu in Unicode) for a ký hiệu typed with a TCVN3 or VNI font: a part
    of it is not letters and figures as typed, and is once read in that code ("Q§-UBND" is
    TCVN3 "QĐ-UBND", "QÑ-UBND" VNI); None for a ký hiệu in Unicode."""
    if symbol.isascii():
        return None
    for code in (TCVN3, VNI):
        read = decode_legacy(symbol, code)
        if read == symbol:
            continue
        parts, read_parts = _SYMBOL_PART.findall(symbol), _SYMBOL_PART.findall(read)
        if len(parts) != len(read_parts):
            continue
        changed = [(typed, meant) for typed, meant in zip(parts, read_parts, strict=True)
                   if typed != meant]
        if changed and all(not _SYMBOL_LETTERS.fullmatch(typed)
                           and _SYMBOL_LETTERS.fullmatch(meant) for typed, meant in changed):
            return code, read
    return None


# -- out again: so xuat ----------------------------------------------------------------------


def printable(text: str) -> str:
    """`text` as an exported sổ can hold it: each character the text gate refuses (a control
    character above all, which neither an .xlsx nor a .docx can hold) written as its code,
    "[U+000B]", and Windows line breaks as new lines. Only a register written before its
    texts were checked holds such a character; the sổ is still written, the clerk told where
    (unprintable_cells)."""
    text = line_breaks(text)
    bad = refused_character(text)
    if bad is None:
        return text
    out: list[str] = []
    start = 0
    while bad is not None:
        at = start + bad.index
        out += [text[start:at], f"[{bad.code}]"]
        start = at + 1
        bad = refused_character(text[start:])
    out.append(text[start:])
    return "".join(out)


@dataclass(frozen=True)
class Unprintable:
    """A column of a row of the register holding a character printable writes as its code."""

    entry: Entry
    column: str  # the column's title, as the sổ prints it
    code: str  # the first such character's: U+000B


# The texts of a row `so xuat` writes besides its ký hiệu (in the Số, ký hiệu column), as the
# Details fields and Entry attributes holding them.
_DETAILS = ("summary", "signer", "recipients", "archive", "received_by", "note", "signer_title")
_ENTRY = ("sequence", "void_reason", "source")


# What the printable .docx does not write (the .xlsx's columns past the form's, but Dãy số, in
# each table's heading, and Lý do hủy, in Ghi chú).
_XLSX_ONLY = ("signer_title", "source")


def _texts(entry: Entry, form_only: bool) -> Iterator[tuple[str, str | None]]:
    """Each text of `entry` `so xuat` writes, with the title of its column (with `form_only`,
    those the .docx writes)."""
    titles = {column.key: column.title for column in FORM_COLUMNS + EXTRA_COLUMNS}
    yield titles["reference"], entry.details.symbol
    for key in _DETAILS:
        if not (form_only and key in _XLSX_ONLY):
            yield titles[key], getattr(entry.details, key)
    for key in _ENTRY:
        if not (form_only and key in _XLSX_ONLY):
            yield titles[key], getattr(entry, key)


def unprintable_cells(entries: list[Entry], *, form_only: bool = False) -> list[Unprintable]:
    """Each row and column of `entries` holding a character printable writes as its code
    (with `form_only`, of those the printable .docx writes)."""
    found = []
    for entry in entries:
        for title, text in _texts(entry, form_only):
            bad = refused_character(line_breaks(text)) if text else None
            if bad is not None:
                found.append(Unprintable(entry, title, bad.code))
    return found
