"""Số vào sổ of a Giấy khen batch: each page prints the number its batch gives the person named.

Which number a batch gives whom is not in the .docx: the build records it in the manifest of the
output's year folder (pipeline.batch.manifest, Entry.so_vao_so_cap: number, name, unit, sheet
row and chức vụ of every certificate of the batch), beside the output. A batch with no such
manifest beside it (copied elsewhere, rendered with -o outside the workspace's outputs) is not
checked: nothing says which number each person has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.golden_book import Given
from pipeline.paths import shown
from pipeline.render.form import NAME_STYLE, NUMBER_STYLE, UNIT_STYLE
from pipeline.text.tones import same_spelling
from pipeline.verify.document import Paragraph
from pipeline.verify.layout import flat
from pipeline.verify.recorded_output import recorded_output
from pipeline.verify.report import Msg, Report, msg

NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Book:
    """The batch's numbers, and the manifest that says so (named in messages)."""

    manifest: Path
    given: tuple[Given, ...]  # one certificate each, as the manifest records it


def recorded_book(docx: Path) -> Book | None:
    """The số vào sổ the build gave the batch written to `docx`, from the manifest beside it
    (recorded_output); None when no manifest there records this output with numbers."""
    found = recorded_output(docx)
    if found is None or not found[1].so_vao_so_cap:
        return None
    path, entry = found
    return Book(path, entry.so_vao_so_cap)


def check_book_numbers(pages: list[list[Paragraph]], book: Book, report: Report) -> None:
    """giay_khen.so_vao_so: a page whose printed number is not the one the batch gives the
    person it names (or that names no one of the batch). A phôi without a number field (no
    page prints one) is left alone: the number is then written by hand."""
    if not any(_field(page, NUMBER_STYLE) is not None for page in pages):
        return
    unclaimed = list(book.given)
    for number, page in enumerate(pages, start=1):
        name = _field(page, NAME_STYLE)
        if name is None:
            continue  # a blank page or none named: giay_khen.trang_trang, giay_khen.mot_ten
        field, line = _field(page, NUMBER_STYLE), _field(page, UNIT_STYLE)
        printed = [int(n) for n in NUMBER.findall(field.text)] if field is not None else []
        candidates = _candidates(name, line, unclaimed) or _candidates(name, line, [*book.given])
        right = next((g for g in candidates if g.number in printed), None)
        expected = right or (candidates[0] if candidates else None)
        if expected in unclaimed:
            unclaimed.remove(expected)  # a name printed twice: its second page is the next one
        if right is not None:
            continue
        report.add(
            "giay_khen.so_vao_so",
            (field or name).where,
            _found(number, flat(name.text), printed),
            _expected(expected, book.manifest),
        )


def _field(page: list[Paragraph], style: str) -> Paragraph | None:
    """The page's field in `style` that prints something."""
    return next((p for p in page if p.style_id == style and flat(p.text).strip()), None)


def _candidates(name: Paragraph, line: Paragraph | None, given: list[Given]) -> list[Given]:
    """The certificates of the batch the page may be: the name (compared as the build compares
    it: case, spacing and tone placement aside), and when several bear it, those whose chức
    vụ and unit the line under the name prints."""
    same = [g for g in given if same_spelling(g.name) == same_spelling(name.text)]
    if len(same) <= 1 or line is None:
        return same
    printed = same_spelling(line.text)
    placed = [g for g in same if all(same_spelling(part) in printed for part in _line_parts(g))]
    return placed or same


def _line_parts(given: Given) -> list[str]:
    """What the line under the name prints of a certificate: its chức vụ and unit (a unit that
    is the name itself is left out there)."""
    parts = [given.position or ""]
    if same_spelling(given.unit) != same_spelling(given.name):
        parts.append(given.unit)
    return [part for part in parts if part.strip()]


def _found(page: int, name: str, printed: list[int]) -> Msg:
    """What the page prints: its number, its name and its số vào sổ (or none)."""
    if not printed:
        return msg("book_number_missing", page=page, name=name)
    return msg("book_number_printed", page=page, name=name,
               number=", ".join(str(n) for n in printed))  # fmt: skip


def _expected(given: Given | None, manifest: Path) -> Msg:
    """The number the batch gives the person, or that the batch names no such person."""
    if given is None:
        return msg("book_number_unknown", manifest=shown(manifest))
    return msg("book_number_given", number=given.number, manifest=shown(manifest))
