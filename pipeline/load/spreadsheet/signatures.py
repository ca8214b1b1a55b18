"""The signature lines a clerk keeps under a danh sách's total row.

Lists are printed and signed as they are: under "Tổng cộng" come "NGƯỜI LẬP BIỂU" and "THỦ
TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên)", a place and date, blank rows for the signatures, then
the signers' names. None of it is a row of the list. The table (table.build_table) asks here
whether a row below the total row is such a line, and ends the list there only if nothing but
such lines and blank rows follows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from pipeline.patterns import lazy

# A merged range as calamine gives it: ((first row, first column), (last row, last column)),
# 0-based (as header.Merged).
Merged = tuple[tuple[int, int], tuple[int, int]]

# A signature line is short: a longer cell is text of some other kind, and is not searched.
_LONGEST_LINE = 200

_WORD = r"[^\W\d_]+"
# More words after a title ("GIÁM ĐỐC SỞ", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG").
_MORE_WORDS = rf"(?:[\s\-–/,]+{_WORD})*"
# Who signs, as a form says it (case-folded, NFC, single spaces): the clerk who made the list,
# the head of the unit or of an office, on whose behalf ("TM.", "KT.", "TL.", "TUQ.", "Q.").
_TITLE = (
    rf"(?:(?:kt|tm|tl|tuq|q)\s?\.\s?{_WORD}"
    r"|người (?:lập biểu|lập bảng|lập danh sách|lập|tổng hợp|kiểm tra|duyệt|ký)"
    r"|thủ trưởng|kế toán|thủ quỹ|xác nhận|đại diện|lãnh đạo|chánh"
    r"|(?:phó )?(?:tổng giám đốc|giám đốc|hiệu trưởng|chủ tịch|bí thư|trưởng)"
    r"|(?:phó )?(?:viện|cục|vụ|chi cục|tổ|khoa|hạt|đội|trạm|văn phòng) trưởng)"
    rf"{_MORE_WORDS}"
)
# What a form asks of the signer, in brackets: "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)",
# "(Đã ký)"; or without them.
_NOTE = r"\([^()]*(?:ký|họ tên|đóng dấu)[^()]*\)|đã ký|ký tên|ký và ghi rõ họ tên"
# The place and date above the head's signature: "Hà Nội, ngày 15 tháng 01 năm 2026", or left
# to be filled in: "........, ngày ... tháng ... năm 20..".
_DATE = r"(?:[^\d,]{1,60},\s?)?ngày[\s\d.…_/-]*tháng[\s\d.…_/-]*năm[\s\d.…_/-]*"
_PHRASE = rf"(?:{_NOTE}|{_DATE}|{_TITLE})"
# A degree a signer puts before the name ("ThS. Lê Văn Bình").
_degree = lazy(r"^(?:(?:gs|pgs|ts|ths|bs|ks|cn|ls)\s?\.\s?)+", re.IGNORECASE)


@cache
def _signature_line() -> re.Pattern[str]:
    """Signature lines: a cell may hold several ("Người lập biểu (Ký, ghi rõ họ tên)"). Compiled
    when a list first has a line to judge: ~19 M instructions (a few ms), which a build whose
    lists end at their total row never needs."""
    return re.compile(rf"{_PHRASE}(?:[\s,;:\-]*{_PHRASE})*")


def folded(text: str) -> str:
    """`text` as the signature and total patterns are written: NFC, case-folded, single spaces
    (a clerk's "Người  lập   BIỂU" is "người lập biểu"). Shared with the register's import,
    whose lines under the table are read the same way."""
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


def is_signature_line(text: str) -> bool:
    """Whether a cell's text is a signature line: who signs ("NGƯỜI LẬP BIỂU", "KT. HIỆU
    TRƯỞNG"), what the signer is asked ("(Ký, ghi rõ họ tên)"), or the place and date."""
    return len(text) <= _LONGEST_LINE and _signature_line().fullmatch(folded(text)) is not None


def is_signer_name(text: str) -> bool:
    """Whether a cell's text reads as a person's name signed under a signature line: two to
    six words of letters, each capitalised ("Nguyễn Thị Hoa", "TRẦN VĂN NAM"), after a degree
    if any. An award ("Lao động tiên tiến") or a unit ("Phòng Tư pháp") writes some word in
    lower case, an amount or a number has digits: neither is taken for a name."""
    words = _degree().sub("", unicodedata.normalize("NFC", text).strip()).split()
    return 2 <= len(words) <= 6 and all(w.isalpha() and w[0].isupper() for w in words)


def signature_columns(
    number: int, cells: Sequence[object], signing: frozenset[int], merged: Sequence[Merged]
) -> frozenset[int] | None:
    """The columns (0-based) of the signature lines in a row below the total row, when the row
    holds nothing else but, in a column under such a line (`signing`: the columns of the lines
    above it), a signer's name; None for any other row.

    A number anywhere (an STT, an amount), a date, a formula or any other text makes it no
    row of signatures. A line merged across several columns signs for all of them (`merged`:
    the ranges below the header; `number`: the row as Excel numbers it).
    """
    columns: set[int] = set()
    for offset, raw in enumerate(cells):
        if raw is None or raw == "":
            continue
        if type(raw) is not str:  # a number, a date, a boolean, a formula, an error value
            return None
        if not raw.strip():
            continue
        if is_signature_line(raw):
            columns.update(_spanned(number, offset, merged))
        elif offset not in signing or not is_signer_name(raw):
            return None
    if not columns and not signing:
        return None  # names alone, under no signature line: not for this module to pass
    return frozenset(columns)


def _spanned(number: int, offset: int, merged: Sequence[Merged]) -> range:
    """The columns a cell covers: its own, or every column of the merged range it opens."""
    row = number - 1
    for (top, left), (bottom, right) in merged:
        if top <= row <= bottom and left <= offset <= right:
            return range(left, right + 1)
    return range(offset, offset + 1)


# A row held back as signature lines: its number, the values the list read in it, and the
# first required field it leaves empty (None if none), to be read as any row should a row of
# the list follow it after all.
Held = tuple[int, dict[str, str], str | None]


class SignatureLines:
    """The signature lines found so far below a list's total row.

    Rows that are signature lines (or signers' names under them) are held back, not read: the
    list ends above them if nothing but such lines and blank rows follows. Should a row of the
    list come after them (an STT, an award, any other text), they were no end of the list:
    the table reads them as it reads any row (`release`), so that a bad one is refused as
    before and nothing is passed over unseen.
    """

    def __init__(self, merged: Sequence[Merged]) -> None:
        self._merged = merged
        self.columns: frozenset[int] | None = None  # None: no signature line yet
        self.held: list[Held] = []

    def take(self, number: int, cells: Sequence[object], values: dict[str, str],
             missing: str | None) -> bool:  # fmt: skip
        """Hold the row back when it is one of signature lines; False for any other row."""
        if not self.note(number, cells):
            return False
        self.held.append((number, values, missing))
        return True

    def note(self, number: int, cells: Sequence[object]) -> bool:
        """Whether the row is one of signature lines (its columns then sign too); for a row
        the list reads nothing in, which is passed over in any case."""
        found = signature_columns(number, cells, self.columns or frozenset(), self._merged)
        if found is None:
            return False
        self.columns = found if self.columns is None else self.columns | found
        return True

    def release(self) -> list[Held]:
        """The rows held back, in order, to be read as rows of the list after all."""
        held, self.held, self.columns = self.held, [], None
        return held
