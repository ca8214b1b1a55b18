"""Text widths in Times New Roman, for the rules (đường kẻ) under Tiêu ngữ, agency and trích yếu.

Phụ lục I sizes these rules by the text above them (as long as Tiêu ngữ; 1/3 to 1/2 of the agency
name or trích yếu), so their length is derived from the text, not fixed in a template. Widths come
from Liberation Serif, metric-compatible with Times New Roman (tools/font_widths.py); a phôi's
field in a font of its own is measured with that font's widths when it is installed
(rules.font_widths).
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from pipeline.rules.font_widths import advances, is_times
from pipeline.text.tones import split_tone

EMU_PER_POINT = 12700
TWIPS_PER_POINT = 20

# Width of the text area of a portrait A4 page with the frame's margins (210 - 30 - 15 mm);
# a trích yếu line cannot be longer than this.
PORTRAIT_TEXT_WIDTH_PT = (210 - 30 - 15) / 25.4 * 72

# Share of the text's length taken by a rule: Tiêu ngữ's rule as long as it, the others 1/3–1/2.
RULE_RATIO_FULL = 1.0
RULE_RATIO_PART = 0.4


@cache
def _widths() -> dict[str, dict[str, float]]:
    text = resources.files("pipeline.rules").joinpath("data/times-widths.json").read_text("utf-8")
    data: dict[str, dict[str, float]] = json.loads(text)
    return data


@lru_cache(maxsize=512)  # a workspace's names repeat their letters
def _untoned(char: str) -> str:
    """The letter `char` without its tone mark: 'ờ' → 'ơ', 'Ừ' → 'Ư', 'ấ' → 'â'. A tone mark,
    drawn above or below, leaves the letter's advance as it is; the horn of ơ and ư widens it
    (bold ư is 0.60 em, u 0.56), and the table holds ơ, ư, â, ă ... with their own marks."""
    return split_tone(char)[0]


# Small caps (w:smallCaps) draw a lower-case letter as its capital at this share of the size:
# LibreOffice's SMALL_CAPS_PERCENTAGE (80, editeng/svxfont.hxx), with which vanthu prints its
# PDFs; Word draws its synthesized small caps at about 70-80% of the size, so a text measured at
# the larger share fits in either.
SMALL_CAPS_SCALE = 0.8


def widths_table(*, bold: bool, font: str | None = None) -> Mapping[str, float]:
    """Advances in em of the font a run prints in: installed font `font`'s own
    (rules.font_widths); Times New Roman's (the shipped table) for it, for no font named, or
    for one not installed."""
    if font is not None and not is_times(font):
        own = advances(font, bold)
        if own is not None:
            return own
    return _widths()["bold" if bold else "regular"]


def char_width_em(char: str, *, bold: bool, font: str | None = None) -> float:
    """Advance of one character in em; a Vietnamese letter is as wide as the letter without its
    tone mark ('ờ' as 'ơ'), one the table does not hold as wide as its base letter."""
    return _char_em(char, widths_table(bold=bold, font=font))


def _char_em(char: str, table: Mapping[str, float]) -> float:
    """char_width_em in widths `table`."""
    if char in table:
        return table[char]
    untoned = _untoned(char)
    if untoned in table:
        return table[untoned]
    base = unicodedata.normalize("NFD", char)[0]
    return table.get(base, table.get(unicodedata.normalize("NFD", char.upper())[0], 0.5))


def text_width_pt(
    text: str, size_pt: float, *, bold: bool = False, font: str | None = None,
    small_caps: bool = False,
) -> float:  # fmt: skip
    """Width in points of one line of `text` at `size_pt`, in `font` (None: Times New Roman);
    in `small_caps`, each lower-case letter drawn as its capital at SMALL_CAPS_SCALE."""
    text = unicodedata.normalize("NFC", text)
    table = widths_table(bold=bold, font=font)
    if not small_caps:
        return sum(_char_em(c, table) for c in text) * size_pt
    return sum(_small_cap_em(c, table) for c in text) * size_pt


@dataclass(frozen=True)
class Face:
    """How a field's letters are drawn, for their widths: bold or not, in `font` (None: Times
    New Roman), in small caps or not (All caps is the text's own: measured in capitals)."""

    bold: bool = False
    font: str | None = None
    small_caps: bool = False

    def width_pt(self, text: str, size_pt: float) -> float:
        """Width in points of one line of `text` at `size_pt` in this face."""
        return text_width_pt(text, size_pt, bold=self.bold, font=self.font,
                             small_caps=self.small_caps)  # fmt: skip


def _small_cap_em(char: str, table: Mapping[str, float]) -> float:
    """Advance of `char` in small caps: a capital (or any other character) as it is, a
    lower-case letter as its capital (or capitals: 'ß', 'SS') scaled down."""
    capital = char.upper()
    if capital == char:
        return _char_em(char, table)
    return SMALL_CAPS_SCALE * sum(_char_em(c, table) for c in capital)


def longest_line_pt(text: str, size_pt: float, *, bold: bool = False, limit_pt: float) -> float:
    """Width of the longest line of a possibly multi-line text, capped where lines wrap."""
    widths = [text_width_pt(line, size_pt, bold=bold) for line in text.splitlines() or [""]]
    return min(max(widths), limit_pt)


@lru_cache(maxsize=1024)  # the same agency and title lines, document after document
def rule_length_pt(text: str, size_pt: float, *, bold: bool, ratio: float) -> float:
    """Length of the rule under `text`: `ratio` of its longest line."""
    return ratio * longest_line_pt(text, size_pt, bold=bold, limit_pt=PORTRAIT_TEXT_WIDTH_PT)


# Header table (ô 1–4): the text area's width, the left column's usual width and the cells'
# left + right padding, in twips (tools/make_templates.py builds the table with these).
HEADER_WIDTH_TWIPS = 9353  # the columns' sum (the table's own width rounds to 9354)
HEADER_LEFT_TWIPS = 3543
CELL_PADDING_TWIPS = 2 * 108
# A line set exactly as wide as its cell may still wrap on rounding in Word or LibreOffice.
FIT_SLACK_TWIPS = 40

Line = tuple[str, float, bool]  # text, size in points, bold


@lru_cache(maxsize=1024)  # the header's and the signer's lines, document after document
def widest_twips(lines: tuple[Line, ...]) -> int:
    """Width in twips a cell needs to hold each of `lines` on one line."""
    widest = max((text_width_pt(text, size, bold=bold) for text, size, bold in lines), default=0)
    return round(widest * TWIPS_PER_POINT) + CELL_PADDING_TWIPS + FIT_SLACK_TWIPS


# The centred header table may reach this far into each side margin (5 mm) when an agency's
# line and Quốc hiệu need it, as offices' own templates do; the margins stay at least 25 and 10.
HEADER_OVERHANG_TWIPS = 283


def widest_left_twips(right: tuple[Line, ...]) -> int:
    """The widest the header's left column can be: the text area with its overhang into both
    margins, less what Quốc hiệu and Tiêu ngữ (`right`) need. An agency line wider than this is
    broken by the page wherever it falls."""
    return HEADER_WIDTH_TWIPS + 2 * HEADER_OVERHANG_TWIPS - widest_twips(right)


# Ô 7's column in the built-in signature block: the text area less Nơi nhận's 75 mm
# (tools/make_templates.py, SIGNATURE_WIDTHS). A title line wider than this is broken by the page.
SIGNATURE_COLUMN_TWIPS = 5102


def fits_column(text: str, size_pt: float, width_twips: int, *, bold: bool) -> bool:
    """Whether one line of `text` stays on one line of a table column `width_twips` wide
    (its cell padding included), as header_columns sizes the header's columns."""
    return widest_twips(((text, size_pt, bold),)) <= width_twips


@cache
def header_columns(
    left: tuple[Line, ...], right: tuple[Line, ...], date: tuple[Line, ...] = ()
) -> tuple[int, int]:
    """Widths in twips of the header's columns: the agency's lines, Quốc hiệu and the date line
    (ô 4, `date`: its widest form, under Tiêu ngữ in the right column) each on one line.

    The left column keeps its usual width unless the agency's longest line needs more, or the
    date line needs the room it does not use; the right keeps what Quốc hiệu and the date line
    need. When both need more than the text area, the table reaches into the margins, up to
    HEADER_OVERHANG_TWIPS each side; a still longer agency line must be broken in the data,
    where the office breaks it (verify flags a name the page breaks). The agency's lines are
    never given up for the date line: one that cannot fit beside them is said where the profile
    is checked (date_line_fits).
    """
    need_motto = widest_twips(right)
    need_right = max(need_motto, widest_twips(date))
    need_left = widest_twips(left)
    usual_left = max(HEADER_LEFT_TWIPS, need_left)
    if usual_left + need_right <= HEADER_WIDTH_TWIPS:
        return usual_left, HEADER_WIDTH_TWIPS - usual_left
    total = min(max(HEADER_WIDTH_TWIPS, need_left + need_right),
                HEADER_WIDTH_TWIPS + 2 * HEADER_OVERHANG_TWIPS)  # fmt: skip
    width = min(max(need_left, total - need_right), total - need_motto)
    return width, total - width


def date_line_fits(left: tuple[Line, ...], right: tuple[Line, ...], date: tuple[Line, ...]) -> bool:
    """Whether the header's right column (header_columns) holds the date line `date` on one
    line beside the agency's lines `left` and Quốc hiệu `right`."""
    return header_columns(left, right, date)[1] >= widest_twips(date)


# A name on a Giấy khen shrinks in half-point steps (Word's smallest font size step) from its
# style's size down to this, then is refused: below 18 pt a name no longer reads as the
# certificate's heading line (offices' phôi print it at 24-28 pt).
SMALLEST_NAME_PT = 18.0
SIZE_STEP_PT = 0.5


def fits_one_line(text: str, size_pt: float, width_twips: int, face: Face) -> bool:
    """Whether `text` at `size_pt` in `face` stays on one line of a field `width_twips` wide."""
    need = face.width_pt(" ".join(text.split()), size_pt) * TWIPS_PER_POINT
    return need + FIT_SLACK_TWIPS <= width_twips


def fitted_size(
    text: str, width_twips: int, face: Face, *, largest: float, smallest: float
) -> float | None:
    """The largest size from `largest` down to `smallest` (half points) at which `text` in
    `face` stays on one line of a field `width_twips` wide; None when even `smallest` is too
    large."""
    size = largest
    while size >= smallest:
        if fits_one_line(text, size, width_twips, face):
            return size
        size -= SIZE_STEP_PT
    return None
