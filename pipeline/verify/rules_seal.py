"""Ô 7: the space for the signature and seal between the signer's last title line and name.

Phụ lục I asks "about 3–4 blank lines". The space is measured in points as Word and LibreOffice
lay it out, whichever way the office made it: empty paragraphs (each as high as its paragraph
mark's size and line spacing), the spacing before and after every paragraph from the title to the
name (contextual spacing honoured), line breaks at the end of the title or the start of the name,
a "(Đã ký)" line standing in the space. It is compared with lines of the name's size.

Too little space fails: the seal would cover the title or the name. Far more than "about 3–4"
is only pointed out (a warning): the signature still prints, only set apart from its name, and
verify cannot see why an office left it (a seal of an unusual size).
"""

from __future__ import annotations

from pipeline.verify.document import Document, Paragraph
from pipeline.verify.layout import Layout, block_signatures
from pipeline.verify.report import Report, msg
from pipeline.verify.rules_body import SINGLE_LINE_EM

# "about 3–4 blank lines": three lines of the name's size is the least; a quarter line of slack
# lets through three blank lines set one point smaller than the name (3 × 13 / 14 ≈ 2.8 lines).
MIN_LINES = 3
SLACK_LINES = 0.25
# "about 3–4" gives no upper bound to measure, but twice the four lines it names is not "about"
# any more: eight lines still leave room for an office's larger seal or a line or two more kept
# by habit, while twelve empty lines set the name far below its title, off on its own.
MAX_LINES = 8


def check_seal_space(
    titles: list[Paragraph], name: Paragraph | None, report: Report, template: bool
) -> None:
    """One signature: at least about three lines between its last title line and its name;
    more than MAX_LINES is pointed out."""
    if not titles or name is None:
        return
    title = titles[-1]
    if title.cell is None or title.cell is not name.cell:
        return  # a signature laid out some other way: nothing to measure reliably
    cell = title.cell.paragraphs
    start = next(i for i, p in enumerate(cell) if p is title)
    end = next(i for i, p in enumerate(cell) if p is name)
    # A template's control paragraphs ({%p endfor %}) are removed when it is rendered.
    between = [p for p in cell[start + 1 : end] if not (template and p.is_control)]
    space = seal_space(title, between, name)
    if space is None:
        return
    size = max((r.size for r in name.visible_runs), default=name.mark_size)
    line = size * SINGLE_LINE_EM
    if space > (MAX_LINES + SLACK_LINES) * line:
        report.warn(
            "chu_ky.seal_space",
            name.where,
            msg("seal_space", lines=_number(space / line), pt=_number(space)),
            msg("seal_space_most", size=f"{size:g}", pt=_number(MAX_LINES * line)),
        )
        return
    if space >= (MIN_LINES - SLACK_LINES) * line:
        return
    report.add(
        "chu_ky.seal_space",
        name.where,
        msg("seal_space", lines=_number(space / line), pt=_number(space)),
        msg("seal_space_needed", size=f"{size:g}", pt=_number(MIN_LINES * line)),
    )


def check_block_seal_space(doc: Document, layout: Layout, report: Report) -> None:
    """Every signature of a shared block (khoi/ky-ten): its seal space, where it is defined."""
    for titles, name in block_signatures(doc, layout.template):
        check_seal_space(titles, name, report, layout.template)


def seal_space(title: Paragraph, between: list[Paragraph], name: Paragraph) -> float | None:
    """Points from the bottom of `title` to the top of `name`; None when a drawing (a scanned
    signature or seal) stands between them."""
    if any(not s.is_line for p in between for s in p.shapes):
        return None
    chain = [title, *between, name]
    total = 0.0
    for upper, lower in zip(chain, chain[1:], strict=False):
        total += _spacing(upper, "after", lower) + _spacing(lower, "before", upper)
    for p in between:
        total += (p.text.count("\n") + 1) * line_height(p, _size(p))
    total += _breaks(title.text[::-1]) * line_height(title, _size(title))
    total += _breaks(name.text) * line_height(name, _size(name))
    return total


def line_height(p: Paragraph, size: float) -> float:
    """Height in points of one line of p at `size`, under p's line spacing."""
    natural = size * SINGLE_LINE_EM
    line = p.props.get("line")
    if not isinstance(line, int | float) or line <= 0:
        return natural
    rule = p.props.get("line_rule", "auto")
    if rule == "exact":
        return line / 20
    if rule == "atLeast":
        return max(line / 20, natural)
    return natural * line / 240


def _spacing(p: Paragraph, side: str, neighbour: Paragraph) -> float:
    """p's space before or after, in points; none beside a paragraph of its own style when p
    has contextual spacing ("don't add space between paragraphs of the same style")."""
    if p.props.get("contextual") and p.style_id == neighbour.style_id:
        return 0.0
    return p.twips(side) / 20


def _size(p: Paragraph) -> float:
    """The size p's lines are set in: its largest text, else its paragraph mark."""
    return max([r.size for r in p.runs if not r.hidden] + [p.mark_size])


def _breaks(text: str) -> int:
    """Line breaks before the first visible character of `text` (empty lines it starts with)."""
    stripped = text.lstrip(" \t")
    count = 0
    for char in stripped:
        if char == "\n":
            count += 1
        elif not char.isspace():
            break
    return count


def _number(value: float) -> str:
    """A measure for messages: one decimal, no trailing zero."""
    return f"{value:.1f}".rstrip("0").rstrip(".")
