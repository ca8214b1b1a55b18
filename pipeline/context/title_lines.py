"""A centred title in capitals too wide for one line, broken between its phrases.

Word and LibreOffice wrap a title at the last space that fits, wherever it falls: "… CỦA CHÁNH
VĂN" / "PHÒNG UBND TỈNH", "… DANH HIỆU THI ĐUA NĂM" / "2022". A Vietnamese word is often two
syllables, and a break between them reads as a mistake in an official title. The clerk types the
title in running text ("Cá nhân, tập thể được tặng Giấy khen của Chánh Văn phòng UBND tỉnh"),
which shows where its phrases start: after a comma, before a joining word (của, được, năm, xét
…) and before a capital that starts a name. The title is printed in the fewest lines that fit
the page, breaking there when it can ("CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN" / "CỦA CHÁNH VĂN
PHÒNG UBND TỈNH"), between two words in lower case (it may be inside a word) or, worse, inside a
name ("Hội đồng" / "Thi đua - Khen thưởng") only when it must, and never inside "năm (học) 2022",
"số 12", "đợt 2", around a dash ("Văn hóa - Xã hội"), after "Phó", nor before a word left
alone on the last line ("… trên địa bàn huyện Mai" / "Sơn"); the most even such lines win.

Written here because no library breaks Vietnamese lines by phrase: the line-breaking libraries
(uniseg, pyphen) know spaces and hyphenation, not where a Vietnamese word ends.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate

from pipeline.patterns import lazy
from pipeline.rules.metrics import FIT_SLACK_TWIPS, TWIPS_PER_POINT, text_width_pt

# Lowered words a phrase starts with: a break before them is a good one.
_JOINS = frozenset({
    "của", "được", "năm", "về", "cho", "tại", "theo", "thuộc", "trực", "với", "và", "trong",
    "đã", "giai", "đợt", "kèm", "từ", "đến", "để",
    # Verbs a trích yếu's next phrase opens with ("Họp Hội đồng Thi đua - Khen thưởng" / "xét
    # khen thưởng …"); not those a name goes on with ("Quyết định phê duyệt", "Kế hoạch tổ
    # chức", "Ban chỉ đạo phong trào …").
    "xét", "nhằm",
})  # fmt: skip
# Words that belong to the word after them: never the last word of a line ("… được" / "tặng").
_BOUND_BEFORE = frozenset({
    "phó", "quyền", "-", "–", "các", "những", "đã", "của", "về", "được", "cho", "và", "năm",
    "tại", "theo", "với", "trong", "từ", "đến", "để",
    "v/v",  # a Công văn's "V/v" and the trích yếu it opens (pipeline.context.cong_van)
})  # fmt: skip
# A year or a school year after "năm": "năm 2022", "năm học 2022-2023".
_year = lazy(r"^\d{4}(?:\s*[-–]\s*\d{4})?[,.;:]?$")
# Words a number after them belongs to: "số 12/QĐ-UBND", "đợt 2", "giai đoạn 2021 - 2025".
_COUNTED = frozenset({
    "số", "đợt", "lần", "thứ", "tháng", "ngày", "quý", "khóa", "kỳ", "giai đoạn", "tổ",
})  # fmt: skip
_DASHES = ("-", "–")

# How much a break before a word costs: GOOD after a comma or before a joining word; NAME
# before a capital that follows a word in lower case (a name may start there: "… được tặng |
# Bằng khen", though "Học sinh | Xuất sắc" is one name); POOR between two words in lower case
# (maybe one word: "thi | đua"); INSIDE_NAME before a capital that goes on a name begun just
# before ("Hội đồng | Thi đua - Khen thưởng"); BAD never wanted.
GOOD, NAME, POOR, INSIDE_NAME, BAD = 0, 1, 2, 3, 4


def break_costs(words: list[str]) -> list[int]:
    """The cost of a line ending before each word of a title typed in running text (index 0
    unused)."""
    costs = [BAD] * len(words)
    for at in range(1, len(words)):
        costs[at] = _break_cost(words, at)
    return costs


def _break_cost(words: list[str], at: int) -> int:
    """The cost of a line ending before words[at] (see break_costs)."""
    before, word = words[at - 1].lower(), words[at]
    if _never_apart(words, at):
        return BAD
    if before.endswith((",", ";", ":")) or word.lower() in _JOINS:
        return GOOD
    if word[:1].isupper() and not words[at - 1][:1].isupper():
        # "Hội đồng Thi đua": a capital word and its lower-case syllable before this capital
        # are the start of the same name (the title's first word is capital as a sentence's).
        if at >= 3 and words[at - 2][:1].isupper() and before not in _JOINS:
            return INSIDE_NAME
        return NAME
    return POOR


def _never_apart(words: list[str], at: int) -> bool:
    """Whether words[at - 1] and words[at] must stay on one line: a word bound to the next,
    "năm (học) 2022", a number and the word it counts, a dash between names, a word (a number
    or any other) that would be the last line alone: a centred title or V/v block whose last
    line is one word ("Sơn") reads as a line the page ran out of room for."""
    before, word = words[at - 1].lower(), words[at]
    pair = " ".join(words[max(at - 2, 0) : at]).lower()
    number = word[:1].isdigit()
    return (
        before in _BOUND_BEFORE
        or word in _DASHES
        or (before in ("năm", "học") and bool(_year().match(word)))
        or (before == "năm" and word.lower() == "học")
        or (number and (before in _COUNTED or pair in _COUNTED))
        or at == len(words) - 1
    )


@lru_cache(maxsize=256)  # a year's decisions share their list titles and many trích yếu
def title_lines(
    typed: str, size_pt: float, width_pt: float, *, bold: bool, upper: bool = True
) -> tuple[str, ...]:
    """`typed` (in capitals with `upper`), in lines that each fit `width_pt` at `size_pt` (see
    the module's docstring); a title typed in lines keeps them, each fitted alone."""
    lines: list[str] = []
    for line in typed.splitlines():
        words = line.split()
        if words:
            lines.extend(_fitted(words, size_pt, width_pt, bold=bold, upper=upper))
    return tuple(lines)


def _fitted(
    words: list[str], size_pt: float, width_pt: float, *, bold: bool, upper: bool
) -> list[str]:
    """One typed line: the fewest bad breaks, then the fewest lines, then the fewest breaks
    inside a name, then the fewest poor breaks, then the fewest at a name, then the most even
    lines (the sum of each line's unused width squared)."""
    limit = width_pt - FIT_SLACK_TWIPS / TWIPS_PER_POINT

    printed = [word.upper() for word in words] if upper else words
    # Widths add up (no kerning): a line's is its words' and the spaces between them, from
    # running sums, so that the search below measures no text again.
    space = text_width_pt(" ", size_pt, bold=bold)
    ends = list(accumulate((text_width_pt(w, size_pt, bold=bold) for w in printed), initial=0.0))

    def width(first: int, end: int) -> float:
        return ends[end] - ends[first] + space * (end - first - 1)

    if width(0, len(words)) <= limit or len(words) < 2:
        return [" ".join(printed)]
    costs = break_costs(words)
    # best[i]: ((bad breaks, lines, breaks inside a name, poor breaks, breaks at a name,
    # unevenness), starts of lines) for words[:i] with every line fitting (a word too wide
    # alone is a line of its own).
    Score = tuple[int, int, int, int, int, float]
    best: dict[int, tuple[Score, list[int]]] = {0: ((0, 0, 0, 0, 0, 0.0), [])}
    for end in range(1, len(words) + 1):
        options = []
        for first in range(end - 1, -1, -1):  # the line growing leftwards until too wide
            if width(first, end) > limit and end - first > 1:
                break
            if first not in best:
                continue
            (bad, lines, inside, poor, named, uneven), starts = best[first]
            cost = costs[first] if first else GOOD
            slack = max(limit - width(first, end), 0.0)
            score = (bad + (cost == BAD), lines + 1, inside + (cost == INSIDE_NAME),
                     poor + (cost == POOR), named + (cost == NAME), uneven + slack**2)  # fmt: skip
            options.append((score, [*starts, first]))
        best[end] = min(options)
    starts = best[len(words)][1]
    stops = [*starts[1:], len(words)]
    return [" ".join(printed[a:b]) for a, b in zip(starts, stops, strict=True)]
