"""Where a long Nơi nhận breaks: the lines printed beside the signature, the rest below them.

The signature block is one table row that never splits (khoi/ky-ten), and the closing paragraph
is kept with it, so the block moves to a new page whole, with the closing paragraph, when it
does not fit under the body. For a long Nơi nhận that costs a page: moved whole, it left the
page where the body ends blank under the body (33 to 46 lines: two thirds of it), and one too
long for a page of its own left the closing paragraph alone on a page and the signature on the
next, with no text of the document above it. Such a list is printed in two rows instead: the
first lines beside the signature, in the unsplittable row kept with the closing paragraph, and
the others in a row under it, which flows on to the next page. Where the block fits under the
body the two rows print as one (the first is as tall as the signature), so the list breaks
whenever moving it whole could leave much of a page blank (MOST_BLANK): where the body ends is
the page's business, not known here.

The heights are worked out as LibreOffice and Word set Times New Roman (its metric twin
Liberation Serif): a line is 1.15 times the font size, times the paragraph's line spacing.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.render.styles import StyleSheet
from pipeline.rules.metrics import CELL_PADDING_TWIPS, TWIPS_PER_POINT, text_width_pt

# The text area of a portrait A4 page with the frame's margins (297 - 20 - 20 mm).
PORTRAIT_TEXT_HEIGHT_PT = (297 - 20 - 20) / 25.4 * 72
# Nơi nhận's column in the built-in signature block (tools/make_templates.py, SIGNATURE_WIDTHS).
RECIPIENTS_COLUMN_TWIPS = 4252
# A line of Times New Roman (Liberation Serif) set single: ascent, descent and gap of the font.
LINE_HEIGHT_EM = 1.15
# What moves to the next page with a Nơi nhận printed whole: the closing paragraph, kept with
# it, counted in lines of body text (NoiDung).
CLOSING_LINES = 2
# The share of a page a block moved whole may leave blank above it: a block taller than this
# breaks (the block moves when it does not fit the room left, so the room was smaller).
MOST_BLANK = 1 / 3
# Lines printed beside the signature past the height of its column: the estimate rounds, and a
# row as tall as the signature leaves no gap in the Nơi nhận column where the rows meet.
EXTRA_BESIDE = 1

HEADING_STYLE, LINE_STYLE, BODY_STYLE = "NoiNhanTieuDe", "NoiNhan", "NoiDung"
TITLE_STYLE, SPACE_STYLE, NAME_STYLE = "ChuKyThamQuyen", "ChuKyKhoangTrong", "ChuKyHoTen"
SEAL_SPACE_LINES = 4  # the empty paragraphs for the signature and seal (khoi/ky-ten)


def wrapped_lines(text: str, size_pt: float, width_pt: float) -> int:
    """How many lines `text` takes at `size_pt` in a column `width_pt` wide, broken between
    words as a word processor breaks them (a word wider than the column takes lines of its own)."""
    space = text_width_pt(" ", size_pt)
    lines, used = 1, 0.0
    for word in text.split():
        width = text_width_pt(word, size_pt)
        if used and used + space + width > width_pt:
            lines, used = lines + 1, 0.0
        used = used + space + width if used else width
        if used > width_pt:
            extra = math.ceil(used / width_pt) - 1
            lines, used = lines + extra, used - extra * width_pt
    return lines


class Heights:
    """Heights in points of paragraphs of the template's styles (StyleSheet), each worked out
    once (heights_of keeps one Heights per style sheet: a build asks the same styles, and mostly
    the same recipients, for every document)."""

    # Recipients' heights remembered at most: an office names a few hundred places.
    REMEMBERED = 4096

    def __init__(self, styles: StyleSheet) -> None:
        self.styles = styles
        self._lines: dict[str, float] = {}
        self._paragraphs: dict[tuple[str, int], float] = {}
        self._recipients: dict[str, float] = {}

    def line(self, style_id: str) -> float:
        """One line of a paragraph of `style_id` (_line), remembered."""
        found = self._lines.get(style_id)
        if found is None:
            found = self._lines[style_id] = self._line(style_id)
        return found

    def _line(self, style_id: str) -> float:
        """One line of a paragraph of `style_id`: its size, times its line spacing if it is a
        multiple ("auto"); an exact or at-least spacing is the line's height itself."""
        size = self.styles.paragraph_style_run(style_id).size or 14
        props = self.styles.style_paragraph_props(style_id)
        natural = size * LINE_HEIGHT_EM
        spacing = props.get("line")
        if not isinstance(spacing, int):
            return natural
        if props.get("line_rule") == "exact":
            return spacing / TWIPS_PER_POINT
        if props.get("line_rule") == "atLeast":
            return max(natural, spacing / TWIPS_PER_POINT)
        return natural * spacing / 240

    def paragraph(self, style_id: str, lines: int = 1) -> float:
        """A paragraph of `lines` lines with the space its style sets before and after it."""
        found = self._paragraphs.get((style_id, lines))
        if found is None:
            props = self.styles.style_paragraph_props(style_id)
            around = sum(v for k, v in props.items()
                         if k in ("before", "after") and isinstance(v, int))  # fmt: skip
            found = lines * self.line(style_id) + around / TWIPS_PER_POINT
            self._paragraphs[(style_id, lines)] = found
        return found

    def recipient(self, name: str) -> float:
        """One "- ...;" line of Nơi nhận as the template prints it, wrapped in its column; a
        group's lines ("Các thôn, bản:\n+ Bản Ít", context.common.grouped_lines) each from the
        left edge, as the line breaks between them print them."""
        found = self._recipients.get(name)
        if found is None:
            size = self.styles.paragraph_style_run(LINE_STYLE).size or 11
            width = (RECIPIENTS_COLUMN_TWIPS - CELL_PADDING_TWIPS) / TWIPS_PER_POINT
            lines = f"- {name};".split("\n")
            found = self.paragraph(LINE_STYLE, sum(wrapped_lines(line, size, width)
                                                   for line in lines))  # fmt: skip
            if len(self._recipients) >= self.REMEMBERED:
                self._recipients.clear()
            self._recipients[name] = found
        return found

    def signature(self, titles: Sequence[str]) -> float:
        """Ô 7's column: the authority and title lines, the room to sign, the name."""
        # Contextual spacing: the title lines after the first have no space between them.
        first = self.paragraph(TITLE_STYLE) if titles else 0.0
        rest = max(len(titles) - 1, 0) * self.line(TITLE_STYLE)
        return first + rest + SEAL_SPACE_LINES * self.paragraph(SPACE_STYLE) + self.paragraph(
            NAME_STYLE)  # fmt: skip


_HEIGHTS: weakref.WeakKeyDictionary[StyleSheet, Heights] = weakref.WeakKeyDictionary()


def heights_of(styles: StyleSheet) -> Heights:
    """The Heights of `styles`, one per style sheet (a template's: the same for a build's
    documents). Threads sharing a renderer may each make one the first time: the same."""
    found = _HEIGHTS.get(styles)
    if found is None:
        found = _HEIGHTS[styles] = Heights(styles)
    return found


def beside_signature(
    lines: Sequence[str], filing: str, titles: Sequence[str], styles: StyleSheet
) -> int | None:
    """How many Nơi nhận lines print beside the signature, the others in a row under it;
    None when the whole list, its "- Lưu: ..." line and the closing paragraph are short enough
    to move as one (moved to the next page, they leave at most MOST_BLANK of a page blank
    under the body), or when the list is no taller than the signature (nothing goes on)."""
    heights = heights_of(styles)
    heading = heights.paragraph(HEADING_STYLE)
    column = heading + sum(map(heights.recipient, lines)) + heights.recipient(filing)
    moved = column + CLOSING_LINES * heights.line(BODY_STYLE)
    if moved <= MOST_BLANK * PORTRAIT_TEXT_HEIGHT_PT:
        return None
    room, used = heights.signature(titles), heading
    for count, name in enumerate(lines):
        if used >= room:
            count = min(count + EXTRA_BESIDE, len(lines))
            return count if count < len(lines) else None
        used += heights.recipient(name)
    return None  # a list no taller than the signature: nothing goes on under it


def recipients_context(
    lines: list[str], context: Mapping[str, Any], styles: StyleSheet
) -> dict[str, Any]:
    """Nơi nhận's lines (`noi_nhan`, all of them: a kind derives its own from them, "Như
    trên" first) and the last of them, printed in the row under the signature (`noi_nhan_tiep`;
    none when the list prints whole beside it: beside_signature), for the signature in
    `context`: set together whenever a kind changes the lines.

    A template is never given a line twice: rendering hands `noi_nhan` the lines beside the
    signature only to a template that prints `noi_nhan_tiep`, and the whole list, with no
    `noi_nhan_tiep`, to one that does not (an office's copy of khoi/ky-ten made before it had
    the row): pipeline.render.structure.recipients_as_printed."""
    count = beside_signature(lines, context["luu"], context["chu_ky"]["tham_quyen"], styles)
    return {"noi_nhan": lines, "noi_nhan_tiep": [] if count is None else lines[count:]}
