"""An agency's name as the header prints it (ô 2): in the lines the office breaks it into.

The header's left column widens to fit the longest line (rules.metrics.header_columns), up to
what Quốc hiệu leaves of the page; a longer line would be broken by the page wherever it falls
("ỦY BAN NHÂN DÂN XÃ CHIỀNG" / "MUNG"), which `vanthu verify` refuses. So `vanthu init` writes
the name in lines: where the clerk broke it ("SỞ NÔNG NGHIỆP VÀ | PHÁT TRIỂN NÔNG THÔN"), after
the name of an elected body's organ as offices print it ("ỦY BAN NHÂN DÂN" / "TỈNH SƠN LA"),
or else, only when a line would not fit, at the word that makes its lines most even.
"""

from __future__ import annotations

import functools
import re
import zipfile

from pipeline.context.common import QUOC_HIEU, TIEU_NGU, styled_lines
from pipeline.render.compose import builtin_templates
from pipeline.render.styles import StyleSheet
from pipeline.rules.agency_names import ORGANS, PLACE_LEVELS
from pipeline.rules.metrics import (
    HEADER_OVERHANG_TWIPS,
    HEADER_WIDTH_TWIPS,
    TWIPS_PER_POINT,
    widest_twips,
)

# Where the clerk breaks a name typed on the command line.
_BREAK = re.compile(r"\s*[|\n]\s*")
# Organs whose name offices print on a line of its own above the place (Phụ lục I, ô 2).
_ORGANS = tuple(" ".join(organ).upper() for organ in ORGANS)


@functools.cache
def _frame_styles() -> StyleSheet:
    """The built-in frame's styles: what a new workspace prints its header with."""
    with zipfile.ZipFile(builtin_templates() / "khung.docx") as frame:
        return StyleSheet(frame.read("word/styles.xml"))


def _style(style_id: str) -> tuple[float, bool]:
    run = _frame_styles().paragraph_style_run(style_id)
    return run.size or 13, bool(run.bold)


def _widest_left_twips() -> int:
    """The widest the left column can be: the page's header width with its overhang, less what
    Quốc hiệu and Tiêu ngữ need."""
    styles = _frame_styles()
    right = styled_lines(styles, QUOC_HIEU, "QuocHieu") + styled_lines(styles, TIEU_NGU, "TieuNgu")
    return HEADER_WIDTH_TWIPS + 2 * HEADER_OVERHANG_TWIPS - widest_twips(right)


def header_lines(name: str, style_id: str = "CoQuanBanHanh") -> list[str]:
    """`name` in the lines the header prints, each one fitting the left column."""
    typed = [" ".join(part.split()) for part in _BREAK.split(name)]
    lines = [line for line in typed if line]
    if len(lines) != 1:
        return lines
    line = lines[0]
    for organ in _ORGANS:
        if line.upper().startswith(organ + " "):
            return [line[: len(organ)], *_fitted(line[len(organ) :].strip(), style_id)]
    return _fitted(line, style_id)


# Where a name breaks well: next to "VÀ", before the place ("... | TỈNH LÀO CAI"), after a
# comma. Elsewhere a break may split a word of two syllables ("CÔNG | NGHIỆP"); a line ending
# in a dash ("SỞ LAO ĐỘNG -") reads as cut off.
_PLACES = tuple(" ".join(level).upper() for level in PLACE_LEVELS)


def _good_break(words: list[str], at: int) -> bool:
    """Whether a line may end before words[at]."""
    before, after = words[at - 1].upper(), " ".join(words[at : at + 2]).upper()
    if "VÀ" in (before, words[at].upper()) or before.endswith(","):
        return True
    return any(after == place or after.startswith(place + " ") for place in _PLACES)


def _fitted(line: str, style_id: str) -> list[str]:
    """One line, or lines that each fit the column when it is too wide: the fewest breaks at
    no good place ("SỞ NÔNG NGHIỆP VÀ" / "PHÁT TRIỂN NÔNG THÔN", "... CỬA KHẨU" / "TỈNH LÀO
    CAI": a line more is better than a word split), then the fewest lines, then the most even
    (the sum of each line's unused width squared, as TeX breaks paragraphs)."""
    size, bold = _style(style_id)
    limit = _widest_left_twips()
    words = line.split()

    def width(first: int, end: int) -> int:
        return widest_twips(((" ".join(words[first:end]), size, bold),))

    if width(0, len(words)) <= limit or len(words) < 2:
        return [line]
    # best[i]: ((poor breaks, lines, unevenness), breaks) for words[:i], each line fitting (a
    # word too wide alone is a line of its own: nothing shorter exists).
    best: dict[int, tuple[tuple[int, int, int], list[int]]] = {0: ((0, 0, 0), [])}
    for end in range(1, len(words) + 1):
        options = []
        for first in range(end):
            if first not in best or (width(first, end) > limit and end - first > 1):
                continue
            (poor, lines, uneven), breaks = best[first]
            poor += 0 if first == 0 or _good_break(words, first) else 1
            slack = (limit - min(width(first, end), limit)) // TWIPS_PER_POINT
            options.append(((poor, lines + 1, uneven + slack * slack), [*breaks, first]))
        if options:
            best[end] = min(options)
    breaks = best[len(words)][1]
    ends = [*breaks[1:], len(words)]
    return [" ".join(words[a:b]) for a, b in zip(breaks, ends, strict=True)]
