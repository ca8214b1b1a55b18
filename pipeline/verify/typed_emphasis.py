"""Italic in a title printed from the data: where the data file typed it as emphasis.

A clerk may set a phrase of a trích yếu in italic (*Chiến sĩ thi đua*); vanthu prints it so,
in the document's own trích yếu, a Công văn's V/v and the trích yếu of every part printed after
the document (a Quy chế or Kế hoạch a decision issues, a Tờ trình's draft decision). Phụ lục I
sets those titles upright, so such italic is accepted exactly where the data file the output's
manifest records typed it (recorded_output.typed_titles); any other italic is reported, and
italic in an output whose data file cannot be found (written outside its workspace) is
reported saying that what the data typed could not be read.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from pipeline.render.fragments import segments
from pipeline.verify.document import Document, Paragraph
from pipeline.verify.recorded_output import TypedTitles, typed_titles
from pipeline.verify.report import Report, msg
from pipeline.verify.specs import check_format

# Which of the typed titles a printed one may be: the document's own, or an attached part's.
TypedOf = Callable[[TypedTitles], Iterable[str]]


def own_subject(titles: TypedTitles) -> Iterable[str]:
    """The document's own trích yếu (a Công văn's V/v prints it too)."""
    return [titles.subject] if titles.subject is not None else []


def attached_subjects(titles: TypedTitles) -> Iterable[str]:
    """The trích yếu of the parts printed after the document."""
    return titles.attached


def check_typed_title(
    doc: Document, report: Report, element: str, paragraphs: list[Paragraph], typed: TypedOf
) -> None:
    """check_format of a title printed from the data (`element`, one paragraph or more): its
    italic characters not reported when they are exactly those one of its `typed` texts set as
    emphasis; reported saying so when the data file cannot be found. The data file is read
    only for a title with some italic."""
    printed = _printed(paragraphs)
    titles = typed_titles(doc.path) if any(italic for _, italic in printed) else None
    lost = titles.lost if titles is not None else None
    asked = titles is not None and any(
        _emphasis_as_asked(printed, _asked(text)) for text in typed(titles)
    )
    skip = ("italic",) if asked or lost is not None else ()
    for p in paragraphs:
        check_format(report, element, p, skip=skip)
    if lost is not None:
        for p in paragraphs:
            if any(r.italic for r in p.visible_runs):
                found = msg("italic_unchecked", file=lost)
                report.add(f"{element}.italic", p.where, found, msg("not_italic"))


def _printed(paragraphs: list[Paragraph]) -> list[tuple[str, bool]]:
    """Each printing character of `paragraphs` and whether it is italic."""
    return [(c, r.italic) for p in paragraphs for r in p.visible_runs for c in _shown(r.text)]


def _asked(typed: str) -> list[tuple[str, bool]]:
    """Each printing character of a typed text and whether its markup sets it in italic, read
    with the renderer's own markup (fragments.segments)."""
    return [(c, italic) for piece, _, italic in segments(typed) for c in _shown(piece)]


def _shown(text: str) -> str:
    """The characters of a text that print, in NFC: where lines break and spaces fall, the
    renderer decides (title_lines), not the data."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if not c.isspace())


def _emphasis_as_asked(printed: list[tuple[str, bool]], asked: list[tuple[str, bool]]) -> bool:
    """Whether `printed` (character, italic) ends as `asked` does from its first italic
    character, none italic before: what the template prints before the data's text (a Công
    văn's "V/v", the data's own "V/v" dropped: cong_van.about_line) is upright."""
    first = next((n for n, (_, italic) in enumerate(asked) if italic), None)
    if first is None or len(asked) - first > len(printed):
        return False
    start = len(printed) - (len(asked) - first)
    return printed[start:] == asked[first:] and not any(italic for _, italic in printed[:start])
