"""Số, ký hiệu and the numbering of parts: leading zeros, Roman numerals, điểm letters."""

from __future__ import annotations

from functools import lru_cache

from pipeline.rules.doc_types import DocumentType

# Agency abbreviations written in mixed case by the agencies themselves (ký hiệu of their
# documents, e.g. Quyết định số 345/QĐ-TTg); every other agency group is upper case.
MIXED_CASE_AGENCIES = frozenset({"TTg"})

# The number is left blank as dots when the register has not allocated it yet.
BLANK_NUMBER = "...."

# Điểm are lettered in Vietnamese alphabet order: đ follows d, and there is no f, j, w, z.
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def with_leading_zero(number: int) -> str:
    """Numbers below 10 take a leading zero (05), as Phụ lục I asks of số văn bản."""
    if number < 1:
        raise ValueError(f"document numbers start at 1, got {number}")
    return f"{number:02d}"


def reference_code(
    number: int | None,
    doc_type: DocumentType,
    agency_abbreviation: str,
    unit_abbreviation: str | None = None,
) -> str:
    """Số, ký hiệu without 'Số: ': 05/KH-VPUBND, or 123/VPUBND-TH for a Công văn."""
    shown = BLANK_NUMBER if number is None else with_leading_zero(number)
    if doc_type.abbreviation:
        return f"{shown}/{doc_type.abbreviation}-{agency_abbreviation}"
    # Công văn: no type abbreviation; agency then drafting unit.
    groups = [agency_abbreviation] + ([unit_abbreviation] if unit_abbreviation else [])
    return f"{shown}/{'-'.join(groups)}"


@lru_cache(maxsize=64)  # a few small numbers, asked for every Mục and every award of a list
def roman(number: int) -> str:
    """Roman numeral for a Mục or Phụ lục (1 → I, 4 → IV)."""
    if not 0 < number < 4000:
        raise ValueError(f"no Roman numeral for {number}")
    out = []
    for value, symbol in _ROMAN:
        count, number = divmod(number, value)
        out.append(symbol * count)
    return "".join(out)


def point_letter(index: int) -> str:
    """Letter of the index-th điểm (0 → a, 4 → đ); past y it doubles (aa, ăă are not used)."""
    if index < 0:
        raise ValueError("point index must be >= 0")
    count, position = divmod(index, len(POINT_LETTERS))
    return POINT_LETTERS[position] * (count + 1)
