"""Room of each field of a Giấy khen batch: its text ends before the field below it.

A phôi's fields are frames placed from the paper's edge; a frame of "at least" its height grows
with its text over the field below it, which Word and LibreOffice do not move (a unit needing
three lines printed over the thành tích). So on every page each field's text, wrapped in its
frame's width at its size, must end before the top of the next field below it that shares some
of its width (one that prints something), before the paper's bottom edge, and within its height
when that height is exact. Measured as the render fits the unit line (pipeline.rules.field_room):
a field a maintainer moved up, or a text longer than the field was made for, is caught alike.
"""

from __future__ import annotations

from pipeline.render.form import twips_to_mm
from pipeline.render.styles import Frame
from pipeline.rules.field_room import next_below, room_twips, text_height_pt, wrapped_lines
from pipeline.rules.metrics import TWIPS_PER_POINT
from pipeline.verify.document import Paragraph
from pipeline.verify.layout import flat
from pipeline.verify.layout_model import nfc
from pipeline.verify.report import Msg, Report, msg

RULE = "giay_khen.du_cho"


def frame_of(paragraph: Paragraph) -> Frame | None:
    frame = paragraph.props.get("frame")
    return frame if isinstance(frame, Frame) else None


def check_field_room(
    page: list[Paragraph], number: int, paper_height: int | None, report: Report, skip: set[int]
) -> None:
    """giay_khen.du_cho: each field of page `number` whose text runs past the room it has
    (the paragraphs in `skip`, already reported otherwise, left out)."""
    fields = [(p, f) for p in page if (f := frame_of(p)) is not None and flat(p.text).strip()]
    frames = [frame for _, frame in fields]
    style_of = {id(frame): p.style_id or "" for p, frame in fields}
    for p, frame in fields:
        if p.index in skip or frame.width <= 0:
            continue  # a frame without a width takes its text's width: nothing to wrap in
        below = next_below(frame, frames)
        room = room_twips(frame, below, paper_height)
        runs = p.visible_runs
        if room is None or not runs:
            continue
        size, bold = max(r.size for r in runs), any(r.bold for r in runs)
        text = printed_text(p)
        height = text_height_pt(text, size, frame.width, p.props, bold=bold) * TWIPS_PER_POINT
        if height <= room:
            continue
        lines = wrapped_lines(text, size, frame.width, bold=bold)
        found = msg("field_lines", page=number, field=p.style_id or "", lines=lines,
                    size=f"{size:g}", width=f"{twips_to_mm(frame.width):.0f}",
                    height=_mm(height))  # fmt: skip
        report.add(RULE, p.where, found, _limit(frame, below, style_of, room))


def printed_text(p: Paragraph) -> str:
    """The paragraph's text as it prints: NFC, in capitals where its runs set caps, its line
    breaks kept and any run of spaces or tabs one space."""
    caps = any(r.caps for r in p.visible_runs)
    lines = [" ".join(line.split()) for line in nfc(p.text).split("\n")]
    text = "\n".join(lines)
    return text.upper() if caps else text


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
