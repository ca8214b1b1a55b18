"""The format Phụ lục I gives each element, as data, and the check that compares a paragraph to it.

Sizes are in points; a range (13, 14) means any value in it conforms. None: not prescribed.
Source of every row: Nghị định 30/2020/NĐ-CP, Phụ lục I.

Where a line stands is its alignment and its indents together: a centred paragraph indented
6 cm on the left prints 3 cm right of the middle, a Nơi nhận line indented 1 cm does not start
at the left edge. Both are read, with INDENT_SLACK for what does not show.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pipeline.verify.document import Paragraph
from pipeline.verify.report import Msg, Report, msg


@dataclass(frozen=True)
class Spec:
    """How an element must look: size range, weight, slant, case, alignment."""

    size: tuple[float, float] | None = None
    bold: bool | None = None
    italic: bool | None = None
    case: str | None = None  # "upper" | "not_upper"
    align: str | None = None  # "center" | "both"
    edge: str | None = None  # "left": the line starts at the left edge (sát lề trái)


SPECS: dict[str, Spec] = {
    # Ô 1: Quốc hiệu and Tiêu ngữ.
    "quoc_hieu": Spec((12, 13), bold=True, italic=False, case="upper", align="center"),
    "tieu_ngu": Spec((13, 14), bold=True, italic=False, align="center"),
    # Ô 2: agencies.
    "co_quan_chu_quan": Spec((12, 13), bold=False, italic=False, case="upper", align="center"),
    "co_quan": Spec((12, 13), bold=True, italic=False, case="upper", align="center"),
    # Ô 3, 4: number and date line.
    "so_ky_hieu": Spec((13, 13), italic=False, align="center"),
    "trich_yeu_cong_van": Spec((12, 13), bold=False, italic=False, align="center"),
    "dia_danh_ngay": Spec((13, 14), italic=True, align="center"),
    # Ô 5a: title.
    "ten_loai": Spec((13, 14), bold=True, italic=False, case="upper", align="center"),
    "trich_yeu": Spec((13, 14), bold=True, italic=False, case="not_upper", align="center"),
    "tham_quyen_ban_hanh": Spec((13, 14), bold=True, case="upper", align="center"),
    # Ô 6: body headings that have a prescribed form.
    "quyet_dinh": Spec((13, 14), bold=True, case="upper", align="center"),
    "kinh_gui": Spec((13, 14)),
    # Ô 7: signature.
    "chu_ky_tham_quyen": Spec((13, 14), bold=True, italic=False, case="upper", align="center"),
    "chu_ky_ho_ten": Spec((13, 14), bold=True, italic=False, case="not_upper", align="center"),
    # Ô 9b: Nơi nhận.
    "noi_nhan_tieu_de": Spec((12, 12), bold=True, italic=True),
    "noi_nhan": Spec((11, 11), bold=False, italic=False, edge="left"),
    # Appendix.
    "phu_luc": Spec((14, 14), bold=True, align="center"),
    "phu_luc_tieu_de": Spec((13, 14), bold=True, case="upper", align="center"),
    "phu_luc_kem_theo": Spec((14, 14), italic=True, align="center"),
    # Page numbers: 13–14 pt, upright, centred in the top margin.
    "so_trang": Spec((13, 14), italic=False, align="center"),
}

PROPERTIES = ("size", "bold", "italic", "case", "align")

# How far (twips) indents may move a line from where Phụ lục I puts it (the middle of its
# column, the left edge) before it is reported: 1/8 inch, 0.32 cm, one step of Word's ruler.
# A nudge that small does not show in print, nor does a negative indent taking back a cell's
# margin (0.19 cm) or equal indents on both sides of a centred line (vanthu's own outputs have
# none); a title pushed 3 cm off the middle, a Nơi nhận line starting 1 cm in, do show.
INDENT_SLACK = 180
TWIPS_PER_CM = 1440 / 2.54


def letters(text: str) -> str:
    """The letters of a text (what upper/lower case is judged on)."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if c.isalpha())


def is_upper(paragraph: Paragraph) -> bool:
    """Whether the paragraph reads in capitals (its letters upper-case, or shown with caps)."""
    runs = [r for r in paragraph.visible_runs if letters(r.text)]
    return all(r.caps or letters(r.text) == letters(r.text).upper() for r in runs)


def has_lower_words(paragraph: Paragraph) -> bool:
    """Whether some of the paragraph's letters are lower-case (and shown so)."""
    return any(
        not r.caps and letters(r.text) != letters(r.text).upper() for r in paragraph.visible_runs
    )


def centre_shift(paragraph: Paragraph) -> float:
    """How far (twips) the paragraph's indents move a line's centre off the middle of its
    column: Word centres a line between its indents, so by half their difference; the first
    line's left indent counts its first-line (or hanging) indent too."""
    left, right = paragraph.twips("left"), paragraph.twips("right")
    first = left + paragraph.first_line
    return max(abs(left - right), abs(first - right)) / 2


def edge_offset(paragraph: Paragraph) -> int:
    """Where (twips from the left edge of its column) the paragraph's first character stands:
    its left indent plus its first-line indent (less a hanging one). A hanging indent taking
    back the left indent puts it at the edge, the wrapped lines under its text."""
    return paragraph.twips("left") + paragraph.first_line


def cm_text(twips: float) -> str:
    """Twips as centimetres, for messages: '6', '1.5', '-0.19'."""
    return f"{twips / TWIPS_PER_CM:.2f}".rstrip("0").rstrip(".")


def off_centre_msg(paragraph: Paragraph) -> Msg:
    """'căn giữa nhưng thụt lề trái 6 cm, lề phải 0 cm: ... lệch 3 cm' for a centred line."""
    left, right, first = paragraph.twips("left"), paragraph.twips("right"), paragraph.first_line
    shift = cm_text(centre_shift(paragraph))
    if first:
        return msg("off_centre_first", left=cm_text(left), right=cm_text(right),
                   first=cm_text(first), shift=shift)  # fmt: skip
    return msg("off_centre", left=cm_text(left), right=cm_text(right), shift=shift)


def size_text(sizes: list[float]) -> str:
    """Sizes found, for messages: '12, 14'."""
    return ", ".join(f"{s:g}" for s in sorted(set(sizes)))


def range_text(low: float, high: float) -> str:
    """A size range for messages: '13–14' or '12'."""
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def check_format(
    report: Report,
    element: str,
    paragraph: Paragraph,
    spec: Spec | None = None,
    *,
    skip: tuple[str, ...] = (),
) -> None:
    """Compare one paragraph with its element's spec; one violation per failing property."""
    spec = spec or SPECS[element]
    runs = paragraph.visible_runs
    if not runs:
        return
    where = paragraph.where
    if spec.size and "size" not in skip:
        low, high = spec.size
        wrong = [r.size for r in runs if not low - 0.01 <= r.size <= high + 0.01]
        if wrong:
            report.add(
                f"{element}.size",
                where,
                msg("size", size=size_text(wrong)),
                msg("size", size=range_text(low, high)),
            )
    for name, wanted in (("bold", spec.bold), ("italic", spec.italic)):
        if wanted is None or name in skip:
            continue
        if wanted and not all(getattr(r, name) for r in runs):
            report.add(f"{element}.{name}", where, msg(f"not_{name}"), msg(name))
        elif not wanted and any(getattr(r, name) for r in runs):
            report.add(f"{element}.{name}", where, msg(name), msg(f"not_{name}"))
    if spec.case and "case" not in skip and not paragraph.has_tag:
        if spec.case == "upper" and not is_upper(paragraph):
            report.add(f"{element}.case", where, msg("mixed_case"), msg("upper"))
        elif spec.case == "not_upper" and len(letters(paragraph.text)) > 1:
            if not has_lower_words(paragraph):
                report.add(f"{element}.case", where, msg("upper"), msg("not_upper"))
    if spec.align and "align" not in skip:
        if paragraph.alignment != spec.align:
            report.add(
                f"{element}.align", where, align_msg(paragraph.alignment), align_msg(spec.align)
            )
        elif spec.align == "center" and centre_shift(paragraph) > INDENT_SLACK:
            report.add(f"{element}.align", where, off_centre_msg(paragraph), msg("centred_indents"))
    if spec.edge == "left" and "align" not in skip:
        _at_left_edge(report, element, paragraph)


def _at_left_edge(report: Report, element: str, paragraph: Paragraph) -> None:
    """A line Phụ lục I starts at the left edge (Nơi nhận's "- ..."): not centred or set right,
    its first character not indented. Justified or left-aligned, it starts there."""
    if paragraph.alignment in ("center", "right"):
        found = align_msg(paragraph.alignment)
        report.add(f"{element}.align", paragraph.where, found, msg("left_edge"))
        return
    offset = edge_offset(paragraph)
    if abs(offset) > INDENT_SLACK:
        found = msg("edge_indent", value=cm_text(offset))
        report.add(f"{element}.align", paragraph.where, found, msg("left_edge"))


ALIGNMENTS = ("left", "center", "right", "both", "distribute")


def align_msg(alignment: str) -> Msg:
    """'căn giữa', 'căn đều hai bên', ... for a w:jc value."""
    return msg(f"align_{alignment}" if alignment in ALIGNMENTS else "align_other", value=alignment)
