"""Room of each field of a Giấy khen batch: its text ends before the field below it.

A phôi's fields are frames or text boxes placed from the paper's edge or its margin (read where
they print, as the render reads them: render.form.placed_on_paper, a text box as the frame of
its text, render.form.box_frame); a frame of "at least" its height (a text box resizing to fit
its text) grows with its text over the field below it, which Word and LibreOffice do not move (a
unit needing three lines printed over the thành tích). So on every page each field's text,
wrapped in its frame's width at its size, must end before the top of the next field below it
that shares some of its width (one that prints something), before the paper's bottom edge, and
within its height when that height is exact. Measured as the render fits the unit line
(pipeline.rules.field_room): a field a maintainer moved up, or a text longer than the field was
made for, is caught alike. A field overrunning alike on many pages (the decision line an office
words too long, on all 500 certificates of a batch) is said once, with its pages; one whose text
is its page's own (a name, a unit) once per page it overruns on.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pipeline.render.form import NAME_STYLE, placed_on_paper, twips_to_mm
from pipeline.render.styles import Frame
from pipeline.rules.field_room import next_below, room_twips, text_height_pt, wrapped_lines
from pipeline.rules.metrics import TWIPS_PER_POINT, Face
from pipeline.text.listing import first_named
from pipeline.verify.document import Paragraph
from pipeline.verify.layout import flat
from pipeline.verify.layout_model import nfc
from pipeline.verify.model import Section
from pipeline.verify.report import Location, Msg, Report, msg

RULE = "giay_khen.du_cho"
# How many runs of pages a field overrunning on many pages names ("trang 1–3, 5, 9–12, …"):
# the count that follows says how many there are in all.
PAGE_RUNS_SHOWN = 6


def frame_of(paragraph: Paragraph, margins: tuple[int, int]) -> Frame | None:
    """The paragraph's frame where it prints, from the paper's edge, placed as the render
    places a phôi's field (render.form.placed_on_paper: one counted from the margin moved by
    the page's left and top `margins`); None for a paragraph in no frame, or in one counted
    from its own paragraph (no place on the paper)."""
    frame = paragraph.props.get("frame")
    return placed_on_paper(frame, margins) if isinstance(frame, Frame) else None


def paper_margins(section: Section | None) -> tuple[int, int]:
    """The left and top margins in twips of the batch's `section` (none read: 0), which a
    field placed from the margin counts from."""
    margins = section.margins if section is not None else {}
    return margins.get("left", 0), margins.get("top", 0)


@dataclass(frozen=True)
class Overrun:
    """A field of one page whose text runs past its room: what verify says of it, and what
    makes it the same overrun as another page's (`same`: the field, its frame, its printed
    text and look, and what bounds it)."""

    page: int
    where: Location
    same: tuple[object, ...]
    name: str  # the page's name, which says whose certificate a text of its own is on
    field: str
    lines: int
    size: float
    width: int
    height: float
    limit: Msg


def field_overruns(
    page: list[Paragraph], number: int, section: Section | None, skip: set[int]
) -> list[Overrun]:
    """The fields of page `number` whose text runs past the room it has on the paper of
    `section` (the paragraphs in `skip`, by id, already reported otherwise, left out: a text
    box's paragraphs are numbered in their box, not among the body's)."""
    paper_height, margins = (section.height if section else None), paper_margins(section)
    fields = [
        (p, f) for p in page if (f := frame_of(p, margins)) is not None and flat(p.text).strip()
    ]  # fmt: skip
    frames = [frame for _, frame in fields]
    style_of = {id(frame): p.style_id or "" for p, frame in fields}
    name = next((flat(p.text).strip() for p, _ in fields if p.style_id == NAME_STYLE), "")
    found = []
    for p, frame in fields:
        if id(p) in skip or frame.width <= 0:
            continue  # a frame without a width takes its text's width: nothing to wrap in
        below = next_below(frame, frames)
        room = room_twips(frame, below, paper_height)
        runs = p.visible_runs
        if room is None or not runs:
            continue
        size, face = max(r.size for r in runs), printed_face(p)
        text = printed_text(p)
        height = text_height_pt(text, size, frame.width, p.props, face) * TWIPS_PER_POINT
        if height <= room:
            continue
        limit = _limit(frame, below, style_of, room)
        same = (p.style_id, text, size, face, frame, limit)
        lines = wrapped_lines(text, size, frame.width, face)
        found.append(Overrun(number, p.where, same, name, p.style_id or "", lines, size,
                             frame.width, height, limit))  # fmt: skip
    return found


def report_overruns(overruns: list[Overrun], report: Report) -> None:
    """giay_khen.du_cho, once for each field overrunning alike on several pages (a text every
    certificate prints, the decision line or the date: "trang 1–500 (500 trang)"), at its
    first page; a text a page prints of its own (a unit) once per page, naming whose
    certificate it is, as giay_khen.ten_mot_dong quotes the name of its page."""
    alike: dict[tuple[object, ...], list[Overrun]] = defaultdict(list)
    for overrun in overruns:
        alike[overrun.same].append(overrun)
    for group in alike.values():
        first = group[0]
        look = {"field": first.field, "lines": first.lines, "size": f"{first.size:g}",
                "width": f"{twips_to_mm(first.width):.0f}", "height": _mm(first.height)}
        if len(group) == 1 and first.name and first.field != NAME_STYLE:
            found = msg("field_lines_named", page=first.page, name=first.name, **look)
        elif len(group) == 1:
            found = msg("field_lines", page=first.page, **look)
        else:
            pages = [o.page for o in group]
            found = msg("field_lines_pages", pages=page_runs(pages), count=len(pages), **look)
        report.add(RULE, first.where, found, first.limit)


def page_runs(pages: list[int]) -> str:
    """Page numbers as runs, "1–500" or "2, 4–6, 9", the first PAGE_RUNS_SHOWN of them."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    said = [str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs]
    return first_named(said, PAGE_RUNS_SHOWN)


def printed_text(p: Paragraph) -> str:
    """The paragraph's text as it prints: NFC, in capitals where its runs set All caps (small
    caps are the face's: printed_face), its line breaks kept and any run of spaces or tabs one
    space."""
    caps = any(r.caps and not r.small_caps for r in p.visible_runs)
    lines = [" ".join(line.split()) for line in nfc(p.text).split("\n")]
    text = "\n".join(lines)
    return text.upper() if caps else text


def printed_face(p: Paragraph) -> Face:
    """How the paragraph's letters print, as the render fits a field's text: bold where a run
    is, in the font and small caps of its first run with text (a field's runs take their look
    from its style)."""
    runs = p.visible_runs
    if not runs:
        return Face()
    return Face(any(r.bold for r in runs), runs[0].font, runs[0].small_caps)


def _limit(frame: Frame, below: Frame | None, style_of: dict[int, str], room: int) -> Msg:
    """What bounds the field: the field below it, its own exact height, or the paper's foot."""
    if below is not None and room == below.y - frame.y:
        return msg("field_room_below", below=style_of[id(below)], mm=_mm(room))
    if frame.exact and room == frame.height:
        return msg("field_room_exact", mm=_mm(room))
    return msg("field_room_paper", mm=_mm(room))


def _mm(twips: float) -> str:
    """A height for messages, to a tenth of a mm: a line over by half a point still shows."""
    return f"{twips_to_mm(twips):.1f}"
