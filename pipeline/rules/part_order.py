"""The parts of a document and their order (Nghị định 30/2020/NĐ-CP, Phụ lục I): the header
block (Quốc hiệu, agency, Số, date line) first; the tên loại and trích yếu, then Kính gửi (a Công
văn's, a Tờ trình's), before the body; the body before the signature and Nơi nhận. What follows
the signature is attached (a Phụ lục, an issued plan, a Tờ trình's draft), each starting with a
header, a tên loại or a Phụ lục heading.

One table for both readers of a document's parts: `templates check` (render.structure: the
parts a type template prints, known by their paragraph styles) and `vanthu verify`
(verify.rules_order: the parts of a finished .docx, known by what they say). Each finds the
parts its own way and says what is wrong in its own words; which part goes before which is
decided here.
"""

from __future__ import annotations

from collections.abc import Sequence

HEADER, TITLE, ADDRESSED, BODY, SIGNATURE, ATTACHED = (
    "header", "title", "addressed", "body", "signature", "attached"
)  # fmt: skip
ORDER = (HEADER, TITLE, ADDRESSED, BODY, SIGNATURE, ATTACHED)
# The parts between the header and the signature, in the decree's order. A document may lack
# some (a Công văn has no tên loại, only a Công văn or a Tờ trình has Kính gửi), never reorder
# them; none of them stands after the signature.
MIDDLE = ORDER[ORDER.index(HEADER) + 1 : ORDER.index(SIGNATURE)]
# The parts that open a document attached after the signature: its own header or tên loại, or
# a Phụ lục / Danh sách heading.
OPENS_ATTACHED = (HEADER, TITLE, ATTACHED)


def middle_out_of_order(parts: Sequence[str]) -> list[tuple[int, list[int]]]:
    """The MIDDLE parts standing after a part the decree puts after them, in `parts` (the part
    of each line between the header and the signature, in document order): for each such part,
    in ORDER, the index of its first line and the indexes of the later parts' lines before it."""
    out: list[tuple[int, list[int]]] = []
    for rank, part in enumerate(MIDDLE):
        if part not in parts:
            continue
        at = parts.index(part)
        later = MIDDLE[rank + 1 :]
        before = [i for i in range(at) if parts[i] in later]
        if before:
            out.append((at, before))
    return out


def attached_start(parts: Sequence[tuple[str, int]]) -> int:
    """Where a part attached after the signature starts, in the (part, section) of each line a
    document prints from its signature on (the signature's first): the first header, tên loại
    or Phụ lục heading, or the first line of another section; len(parts) when none is. What
    stands before it (but the signature's lines) is still the document's own."""
    if not parts:
        return 0
    section = parts[0][1]
    return next(
        (i for i, (part, at) in enumerate(parts[1:], start=1)
         if part in OPENS_ATTACHED or at != section),
        len(parts),
    )  # fmt: skip
