"""Ô 9b: a Nơi nhận that names the same recipient twice.

An office's old copy of the signature block that printed the last lines (`noi_nhan_tiep`) both
in the signature's row and in the row under it, or a hand edit, prints a recipient twice: the
document goes out with a list a reader takes for a mistake. Lines are compared as a clerk reads
them: without the dash, keyed as `vanthu check` keys a document's recipients
(text.normalize.recipient_key: case, spacing, tone placement and the closing ";" or "."
aside). A "+ " line belongs to the "- " group above it ("- UBND huyện A:" / "+ Phòng Nội vụ;"
and "- UBND huyện B:" / "+ Phòng Nội vụ;" are two recipients), and a line holding a template
tag is not compared (in a template, two loops may print their items with the same tag).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.text.normalize import recipient_key
from pipeline.verify.document import Paragraph
from pipeline.verify.layout import flat
from pipeline.verify.report import Location, Report, literal, msg

# The mark a Nơi nhận item starts with: "- " for a recipient, "+ " for one of a group's.
_ITEM = re.compile(r"^(?P<mark>[-+–])\s*")


def item_key(line: str) -> str:
    """A Nơi nhận line as compared for repeats: its recipient without the mark, keyed as
    text.normalize.recipient_key keys any recipient ("- Uỷ ban nhân dân tỉnh;" is "- ỦY BAN
    NHÂN DÂN TỈNH."); '' for a line with no recipient in it."""
    return recipient_key(_ITEM.sub("", flat(line), count=1))


def _items(lines: list[Paragraph]) -> Iterator[tuple[Paragraph, str, bool]]:
    """Each item of the Nơi nhận lines: its paragraph, its text and whether it is a group's
    ("+ "). A paragraph broken by hand (Shift+Enter) holds one item per line that starts with
    a mark; a line without one goes on the item before it."""
    for p in lines:
        if p.has_tag:
            continue
        item: list[str] = []
        for line in p.text.split("\n"):
            if _ITEM.match(flat(line)) and item:
                text = " ".join(item)
                yield p, text, flat(text).startswith("+")
                item = []
            item.append(line)
        text = " ".join(item)
        if flat(text):
            yield p, text, flat(text).startswith("+")


def check_repeated_recipients(lines: list[Paragraph], report: Report) -> None:
    """A recipient named twice in Nơi nhận: reported at the second line, with where the first
    one is; every copy after the first is reported, each against the first."""
    seen: dict[tuple[str, str], Location] = {}
    group = ""  # the "- " line a "+ " line belongs to
    for p, text, in_group in _items(lines):
        key = item_key(text)
        if not key:
            continue  # a line with its dash only: noi_nhan.empty says so
        if not in_group:
            group = key
        scoped = (group if in_group else "", key)
        if scoped not in seen:
            seen[scoped] = p.where
            continue
        first = seen[scoped]
        report.add("noi_nhan.repeated", p.where, literal(text), msg("recipient_once", first=first))
