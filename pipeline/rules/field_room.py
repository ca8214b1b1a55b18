"""Room of a phôi's field: how many lines of text it holds before the field below it.

A phôi's fields are frames placed from the paper's edge (pipeline.render.form). A frame whose
height is "at least" its height grows with its text, down over whatever field stands below it:
Word and LibreOffice do not move the lower frame, they print one text over the other (a unit
needing three lines printed over the thành tích line). So a field's lines must end before the
top of the next frame below it that shares some of its width, and before the paper's bottom
edge; a frame of exact height holds no more than its height (the rest is cut off).

The render (pipeline.context.giay_khen, which shrinks the unit line and the thành tích to fit
and refuses any other text that does not), `templates check` (pipeline.render.structure, with
example batches) and verify (pipeline.verify.certificate_room, which checks every field of a
printed batch) measure alike:
widths are the field's font's (metrics.Face: Times New Roman's, or an installed font's own), in
small caps where its style sets them, lines are broken at spaces as Word and LibreOffice break
them, each line with metrics.FIT_SLACK_TWIPS to spare.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

from pipeline.rules.metrics import FIT_SLACK_TWIPS, SIZE_STEP_PT, TWIPS_PER_POINT, Face

# Height of a single line in em: Times New Roman's (and Liberation Serif's) ascent, descent and
# line gap, (1825 + 443 + 87) / 2048; LibreOffice sets a 16 pt line 18.4 pt below the last.
SINGLE_LINE_EM = 1.15
# The unit line (chức vụ, đơn vị) under the name shrinks in half points from its style's size
# down to this, then is refused: 13 pt is the smallest body text Nghị định 30 (Phụ lục I) sets,
# and the line must still read beside a 15 pt thành tích.
SMALLEST_UNIT_PT = 13.0
# The thành tích shrinks alike, to the same floor: it is the decision's own words (issued, they
# cannot be reworded to fit a phôi), and it prints beside the unit line.
SMALLEST_ACHIEVEMENT_PT = SMALLEST_UNIT_PT
# The line count of text in a field too narrow for any character (a frame without a width).
NO_LINE_HOLDS_IT = 1_000_000


class Box(Protocol):
    """A positioned frame (pipeline.render.styles.Frame), in twips from the paper's edge."""

    @property
    def x(self) -> int: ...
    @property
    def y(self) -> int: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def exact(self) -> bool: ...


B = TypeVar("B", bound=Box)


def line_height_pt(size_pt: float, props: Mapping[str, object]) -> float:
    """Height in points of one line at `size_pt` under a paragraph's line spacing (`props` as
    StyleSheet.paragraph_props gives them: line in twips or 240ths, line_rule)."""
    natural = size_pt * SINGLE_LINE_EM
    line = props.get("line")
    if not isinstance(line, int | float) or line <= 0:
        return natural
    rule = props.get("line_rule", "auto")
    if rule == "exact":
        return line / TWIPS_PER_POINT
    if rule == "atLeast":
        return max(line / TWIPS_PER_POINT, natural)
    return natural * line / 240


def wrapped_lines(text: str, size_pt: float, width_twips: int, face: Face) -> int:
    """How many lines `text` takes in `face` in a field `width_twips` wide: broken at spaces (a
    word longer than the line broken inside it), each line break typed in the text kept."""
    limit = (width_twips - FIT_SLACK_TWIPS) / TWIPS_PER_POINT
    if limit <= 0:
        return NO_LINE_HOLDS_IT
    space = face.width_pt(" ", size_pt)
    count = 0
    for typed in text.split("\n"):
        lines, used = 1, 0.0
        for word in typed.split():
            width = face.width_pt(word, size_pt)
            if used and used + space + width <= limit:
                used += space + width
                continue
            if used:
                lines += 1
            extra = max(0, math.ceil(width / limit) - 1)  # a word wider than a whole line
            lines += extra
            used = width - extra * limit
        count += lines
    return count


def text_height_pt(
    text: str, size_pt: float, width_twips: int, props: Mapping[str, object], face: Face
) -> float:
    """Points from a frame's top to the foot of its text's last line: space before, then the
    lines the text wraps to."""
    before = props.get("before", 0)
    space = before / TWIPS_PER_POINT if isinstance(before, int | float) else 0.0
    lines = wrapped_lines(text, size_pt, width_twips, face)
    return space + lines * line_height_pt(size_pt, props)


def next_below(frame: Box, others: Iterable[B]) -> B | None:
    """The frame whose top stands nearest below `frame`'s top and shares some of its width:
    the field `frame`'s text would print over if it grew that far."""
    below = [
        other for other in others
        if other is not frame and other.y > frame.y
        and other.x < frame.x + frame.width and frame.x < other.x + other.width
    ]  # fmt: skip
    return min(below, key=lambda other: other.y, default=None)


def room_twips(frame: Box, below: Box | None, paper_height: int | None) -> int | None:
    """Twips `frame`'s text may take from its top: to the top of the field `below` it, the
    paper's bottom edge, or (exact height) its own height, whichever is nearest; None when
    nothing bounds it."""
    bounds = [b for b in (below.y if below else None, paper_height) if b is not None]
    limits = [bound - frame.y for bound in bounds]
    if frame.exact and frame.height > 0:
        limits.append(frame.height)
    return min(limits, default=None)


def fits_room(
    text: str, size_pt: float, width_twips: int, room: int, props: Mapping[str, object],
    face: Face,
) -> bool:  # fmt: skip
    """Whether `text` at `size_pt`, wrapped in `width_twips`, ends within `room` twips."""
    height = text_height_pt(text, size_pt, width_twips, props, face)
    return height * TWIPS_PER_POINT <= room


def size_in_room(
    text: str, width_twips: int, room: int, props: Mapping[str, object],
    face: Face, *, largest: float, smallest: float,
) -> float | None:  # fmt: skip
    """The largest size from `largest` down to `smallest` (half points) at which `text` ends
    within `room` twips of a field `width_twips` wide; None when even `smallest` overflows."""
    size = largest
    while size >= smallest:
        if fits_room(text, size, width_twips, room, props, face):
            return size
        size -= SIZE_STEP_PT
    return None


def lines_in_room(size_pt: float, room: int, props: Mapping[str, object]) -> int:
    """How many lines of `size_pt` a room of `room` twips holds (space before taken off)."""
    before = props.get("before", 0)
    space = before if isinstance(before, int | float) else 0
    height = line_height_pt(size_pt, props) * TWIPS_PER_POINT
    return max(0, math.floor((room - space) / height))


def width_for_lines(text: str, size_pt: float, lines: int, face: Face) -> int:
    """The narrowest field width in twips (to 10 twips) in which `text` at `size_pt` takes no
    more than `lines` lines: what a field must be widened to (or the text shortened to fit)."""
    lines = max(lines, 1)
    high = round(face.width_pt(text, size_pt) * TWIPS_PER_POINT) + FIT_SLACK_TWIPS + 10
    low = FIT_SLACK_TWIPS
    while high - low > 10:
        middle = (low + high) // 2
        if wrapped_lines(text, size_pt, middle, face) <= lines:
            high = middle
        else:
            low = middle
    return high


@dataclass(frozen=True)
class FieldRoom:
    """A phôi field as a batch fits its text: its width, the twips its text may take before
    the field below it (room_twips), its paragraph's spacing and its run's look; its text
    prints at `largest` (its style's size), shrinking by half points to no less than
    `smallest` (the same size for a field that does not shrink), in its style's `font` (None:
    Times New Roman) and caps: All caps (`caps`, the text printed in capitals) or Small caps."""

    width: int
    room: int
    props: Mapping[str, object]
    largest: float
    smallest: float
    bold: bool
    caps: bool = False
    font: str | None = None
    small_caps: bool = False

    @property
    def face(self) -> Face:
        return Face(self.bold, self.font, self.small_caps)

    def printed(self, text: str) -> str:
        """`text` as the field prints it: in capitals where its style sets them."""
        return text.upper() if self.caps else text

    def size_for(self, text: str) -> float | None:
        """The size `text` prints at to end within the room; None: not even at `smallest`."""
        return size_in_room(self.printed(text), self.width, self.room, self.props, self.face,
                            largest=self.largest, smallest=self.smallest)  # fmt: skip

    def lines(self, text: str, size_pt: float) -> int:
        """The lines `text` takes at `size_pt`."""
        return wrapped_lines(self.printed(text), size_pt, self.width, self.face)

    def lines_room(self, size_pt: float) -> int:
        """The lines of `size_pt` the room holds."""
        return lines_in_room(size_pt, self.room, self.props)

    def width_needed(self, text: str, size_pt: float, lines: int) -> int:
        """The width the field would need for `text` at `size_pt` in `lines` lines."""
        return width_for_lines(self.printed(text), size_pt, lines, self.face)
