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
import zipfile

from pipeline.render import builtin
from pipeline.render.header_texts import date_line_lines, quoc_hieu_lines
from pipeline.render.styles import StyleSheet
from pipeline.rules.agency_names import name_parts, organ_length
from pipeline.rules.metrics import TWIPS_PER_POINT, widest_left_twips, widest_twips
from pipeline.rules.titles import typed_lines

_DASHES = ("-", "–")


@functools.cache
def frame_styles() -> StyleSheet:
    """The built-in frame's styles: what a new workspace prints its header with."""
    with zipfile.ZipFile(builtin.builtin_templates() / "khung.docx") as frame:
        return StyleSheet(frame.read("word/styles.xml"))


def _style(style_id: str) -> tuple[float, bool]:
    run = frame_styles().paragraph_style_run(style_id)
    return run.size or 13, bool(run.bold)


def _widest_left_twips(place: str | None = None) -> int:
    """The widest the left column can be beside Quốc hiệu and Tiêu ngữ and, when given, the
    date line of `place` (ô 4), in the built-in frame (metrics.widest_left_twips)."""
    styles = frame_styles()
    return widest_left_twips(quoc_hieu_lines(styles) + date_line_lines(styles, place))


def header_lines(name: str, style_id: str = "CoQuanBanHanh", place: str | None = None) -> list[str]:
    """`name` in the lines the header prints, each one fitting the left column; with `place`,
    a column that leaves the right one room for its date line (ô 4) on one line, unless no
    break of the name can (a word wider than that column): then as Quốc hiệu alone allows."""
    if place:
        limit = _widest_left_twips(place)
        fitted = _lines(name, style_id, limit)
        if _fit(fitted, style_id, limit):
            return fitted
    return _lines(name, style_id, _widest_left_twips())


def _fit(lines: list[str], style_id: str, limit: int) -> bool:
    size, bold = _style(style_id)
    return widest_twips(tuple((line, size, bold) for line in lines)) <= limit


def clerk_lines(name: str) -> list[str]:
    """`name` in the lines the clerk broke it into, at a new line or a '|' (on the command line
    or in a profile's names and titles alike), each with single spaces, none empty: the rule
    the profile's model reads its titles with too (rules.titles.typed_lines)."""
    return typed_lines(name)


def _lines(name: str, style_id: str, limit: int) -> list[str]:
    """header_lines in a left column at most `limit` twips wide."""
    lines = clerk_lines(name)
    if len(lines) != 1:
        return lines
    line = lines[0]
    # An organ's name (Phụ lục I, ô 2) on a line of its own above the place, whichever place
    # its tone marks have: "UỶ BAN NHÂN DÂN" is "ỦY BAN NHÂN DÂN" (agency_names.organ_length).
    words = line.split()
    organ = organ_length(words)
    if organ and len(words) > organ:
        return [" ".join(words[:organ]), *_fitted(" ".join(words[organ:]), style_id, limit)]
    return _fitted(line, style_id, limit)


# How bad a break before a word is: 0 where offices break (before the place: "... | TỈNH LÀO
# CAI", before a proper name: "TRƯỜNG TRUNG HỌC PHỔ THÔNG | CHU VĂN AN", next to a field's "VÀ",
# after a comma), 1 between two words of the name ("... CÁC KHU CÔNG NGHIỆP | VÀ ..."), 2 inside
# one ("CÔNG | NGHIỆP", "GIÁO DỤC VÀ | ĐÀO TẠO", "CHU VĂN | AN").
def _break_costs(words: list[str]) -> list[int]:
    """The cost of a line ending before each word (index 0 unused)."""
    costs = [2] * len(words)
    parts = name_parts(words)
    for before, part in zip(parts, parts[1:], strict=False):
        good = (
            part.role in ("level", "name")
            or words[before.end - 1].endswith(",")
            or "và" in (words[before.end - 1].lower(), words[part.start].lower())
        )
        costs[part.start] = 0 if good else 1
    # A dash joining two parts of a name ends its line, never opens one: "HỘI ĐỒNG THI ĐUA -" /
    # "KHEN THƯỞNG" (verify reads a line ending with it as going on in the next).
    for at, word in enumerate(words[1:], start=1):
        if word in _DASHES:
            costs[at] = 2
            if at + 1 < len(words):
                costs[at + 1] = min(costs[at + 1], 1)
    return costs


def _fitted(line: str, style_id: str, limit: int) -> list[str]:
    """One line, or lines that each fit the column when it is too wide: the fewest breaks
    inside a word, then at no good place ("SỞ NÔNG NGHIỆP VÀ" / "PHÁT TRIỂN NÔNG THÔN", "...
    CỬA KHẨU" / "TỈNH LÀO CAI": a line more is better than a word split), then the fewest
    lines, then the most even (the sum of each line's unused width squared, as TeX breaks
    paragraphs)."""
    size, bold = _style(style_id)
    words = line.split()

    def width(first: int, end: int) -> int:
        return widest_twips(((" ".join(words[first:end]), size, bold),))

    if width(0, len(words)) <= limit or len(words) < 2:
        return [line]
    costs = _break_costs(words)
    # best[i]: ((breaks inside a word, other poor breaks, lines, unevenness), breaks) for
    # words[:i], each line fitting (a word too wide alone is a line of its own).
    best: dict[int, tuple[tuple[int, int, int, int], list[int]]] = {0: ((0, 0, 0, 0), [])}
    for end in range(1, len(words) + 1):
        options = []
        for first in range(end):
            if first not in best or (width(first, end) > limit and end - first > 1):
                continue
            (inside, poor, lines, uneven), breaks = best[first]
            cost = costs[first] if first else 0
            inside, poor = inside + (cost == 2), poor + (cost == 1)
            slack = (limit - min(width(first, end), limit)) // TWIPS_PER_POINT
            options.append(((inside, poor, lines + 1, uneven + slack * slack), [*breaks, first]))
        if options:
            best[end] = min(options)
    breaks = best[len(words)][1]
    ends = [*breaks[1:], len(words)]
    return [" ".join(words[a:b]) for a, b in zip(breaks, ends, strict=True)]
