"""Text widths in Times New Roman, for the rules (đường kẻ) under Tiêu ngữ, agency and trích yếu.

Phụ lục I sizes these rules by the text above them (as long as Tiêu ngữ; 1/3 to 1/2 of the agency
name or trích yếu), so their length is derived from the text, not fixed in a template. Widths come
from Liberation Serif, metric-compatible with Times New Roman (tools/font_widths.py).
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from importlib import resources

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


def char_width_em(char: str, *, bold: bool) -> float:
    """Advance of one character in em; a Vietnamese letter is as wide as its base letter."""
    table = _widths()["bold" if bold else "regular"]
    if char in table:
        return table[char]
    base = unicodedata.normalize("NFD", char)[0]
    return table.get(base, table.get(unicodedata.normalize("NFD", char.upper())[0], 0.5))


def text_width_pt(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Width in points of one line of `text` at `size_pt`."""
    text = unicodedata.normalize("NFC", text)
    return sum(char_width_em(c, bold=bold) for c in text) * size_pt


def longest_line_pt(text: str, size_pt: float, *, bold: bool = False, limit_pt: float) -> float:
    """Width of the longest line of a possibly multi-line text, capped where lines wrap."""
    widths = [text_width_pt(line, size_pt, bold=bold) for line in text.splitlines() or [""]]
    return min(max(widths), limit_pt)


def rule_length_pt(text: str, size_pt: float, *, bold: bool, ratio: float) -> float:
    """Length of the rule under `text`: `ratio` of its longest line."""
    return ratio * longest_line_pt(text, size_pt, bold=bold, limit_pt=PORTRAIT_TEXT_WIDTH_PT)
