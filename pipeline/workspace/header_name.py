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

from pipeline.render.compose import builtin_templates
from pipeline.render.styles import StyleSheet
from pipeline.rules.metrics import (
    HEADER_OVERHANG_TWIPS,
    HEADER_WIDTH_TWIPS,
    Line,
    widest_twips,
)

# Where the clerk breaks a name typed on the command line.
_BREAK = re.compile(r"\s*[|\n]\s*")
# Organs whose name offices print on a line of its own above the place (Phụ lục I, ô 2).
_ORGANS = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


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
    right: tuple[Line, ...] = (
        (QUOC_HIEU, *_style("QuocHieu")),
        (TIEU_NGU, *_style("TieuNgu")),
    )
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


def _fitted(line: str, style_id: str) -> list[str]:
    """One line, or two or more when it is too wide for the column: broken next to a "VÀ" when
    that gives lines that fit ("SỞ NÔNG NGHIỆP VÀ" / "PHÁT TRIỂN NÔNG THÔN", "SỞ LAO ĐỘNG -
    THƯƠNG BINH" / "VÀ XÃ HỘI": a break elsewhere may split a word of two syllables such as
    "thương binh"), else at the most even break."""
    size, bold = _style(style_id)
    limit = _widest_left_twips()

    def need(text: str) -> int:
        return widest_twips(((text, size, bold),))

    words = line.split()
    if need(line) <= limit or len(words) < 2:
        return [line]

    def longer(cut: int) -> int:
        return max(need(" ".join(words[:cut])), need(" ".join(words[cut:])))

    cuts = range(1, len(words))
    at_and = [i for i in cuts if "VÀ" in (words[i - 1].upper(), words[i].upper())]
    fitting = [i for i in at_and if longer(i) <= limit]
    cut = min(fitting or cuts, key=longer)
    return [" ".join(words[:cut]), *_fitted(" ".join(words[cut:]), style_id)]
