"""Ô 5b: where the trích yếu under the type's name breaks its lines, pointed out.

vanthu prints a trích yếu too wide for one line broken between its phrases
(pipeline.context.title_lines), never as Word or LibreOffice wrap it at the last space that fits
("… năm" / "2022", "… huyện Mai" / "Sơn"), which reads as a line the page ran out of room for.
A document verify is given may have been edited by hand or made elsewhere. Two things are
judged, with the same functions vanthu writes with, so that what vanthu prints never gets them:

- a line wider than the text's width (trich_yeu.wraps): the page breaks it where it chooses;
- a break the document makes where a title never breaks (trich_yeu.breaks: title_lines' BAD,
  e.g. a lone last word, a year apart from "năm", a line ending in "của"), when title_lines
  finds lines without such a break at that width (it keeps one only when none is avoidable).

Only pointed out (warnings): Nghị định 30 prescribes the trích yếu's font and alignment, not
where it breaks; a break between two other phrases than title_lines' is the office's choice and
is not judged.
"""

from __future__ import annotations

from pipeline.context.title_lines import BAD, break_costs, title_lines
from pipeline.verify.document import Document, Paragraph
from pipeline.verify.layout import Layout, flat
from pipeline.verify.report import Msg, Report, excerpt, literal, msg
from pipeline.verify.rules_header import lines_wider_than, section_width

# Words of the line before a break shown in the warning ("… huyện Mai» / «Sơn").
_SHOWN_BEFORE = 4


def check_title_breaks(doc: Document, layout: Layout, report: Report) -> None:
    """The trích yếu's lines: none wider than its width, no break title_lines never makes."""
    block = layout.trich_yeu
    if layout.template or not block or any(p.has_tag for p in block):
        return  # a template's trích yếu is a tag: vanthu breaks it when rendering
    runs = [r for p in block for r in p.visible_runs]
    width = block[0].available_pt(section_width(doc, block[0]))
    if not runs or width is None:
        return
    size, bold = max(r.size for r in runs), all(r.bold for r in runs)
    caps = all(r.caps for r in runs)
    printed = [(p, line.split()) for p in block for line in p.text.split("\n") if line.split()]
    words = [word for _, line in printed for word in line]
    suggested = title_lines(" ".join(words), size, width, bold=bold, upper=caps)
    expected = msg("title_lines", lines=_quoted(suggested))
    for p in block:
        for line in lines_wider_than(p, p.available_pt(section_width(doc, p))):
            report.warn("trich_yeu.wraps", p.where, literal(line), expected)
    costs = break_costs(words)
    if _bad_breaks([len(line.split()) for line in suggested], costs):
        return  # no lines without such a break fit: vanthu prints one too
    _check_breaks(printed, costs, report, expected)


def _check_breaks(
    printed: list[tuple[Paragraph, list[str]]], costs: list[int], report: Report, expected: Msg
) -> None:
    """Each break between two printed lines that title_lines never makes, at the line after it."""
    start = 0
    for n, (p, line) in enumerate(printed):
        if n and costs[start] == BAD:
            before = printed[n - 1][1]
            shown = msg(
                "title_break",
                before=excerpt(" ".join(before[-_SHOWN_BEFORE:]), 40),
                after=excerpt(flat(" ".join(line)), 40),
                cut="…" if len(before) > _SHOWN_BEFORE else "",
            )
            report.warn("trich_yeu.breaks", p.where, shown, expected)
        start += len(line)


def _bad_breaks(counts: list[int], costs: list[int]) -> int:
    """How many of the breaks between lines of `counts` words are BAD in `costs`."""
    bad, start = 0, 0
    for count in counts[:-1]:
        start += count
        bad += costs[start] == BAD
    return bad


def _quoted(lines: tuple[str, ...]) -> str:
    """Lines as the warning shows them: «…» / «…»."""
    return " / ".join(f"«{line}»" for line in lines)
