"""Rules on every run and paragraph: Times New Roman in black, no tags left, NFC, no TCVN3/VNI
nor text of a misread file (Windows-1258 or UTF-8 read as Windows-1252)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path

from pipeline.text.legacy import looks_like_legacy_text as legacy_code
from pipeline.text.legacy import named_encodings
from pipeline.verify.document import TAG, Document, Paragraph
from pipeline.verify.layout import Layout
from pipeline.verify.recorded_output import recorded_output
from pipeline.verify.report import Report, literal, msg
from pipeline.verify.shapes import boxed_paragraphs, with_text_boxes

FONT = "Times New Roman"
BLACK = {"auto", "000000"}
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
# The decree's closing mark after a sentence or line ("ký./."); a path's "./.env" is none.
DECREE_MARK = re.compile(r"\./\.(?=\s|$)")
EARLY_CLOSING_CONTEXT = 30  # characters of the sentence quoted before a "./." printed early


def all_paragraphs(doc: Document) -> Iterator[Paragraph]:
    """Body paragraphs (tables included), each followed by those of its floating text boxes
    (a phôi's field may be typed in one), then those of headers and footers and of their text
    boxes: every line that prints is held to the rules on runs and text."""
    yield from with_text_boxes(doc.paragraphs)
    for part in doc.parts.values():
        yield from part.paragraphs
        yield from boxed_paragraphs(part)


def _same_font(name: str) -> bool:
    """Whether a font name is Times New Roman."""
    return name.strip().lower() == FONT.lower()


def check_fonts(doc: Document, layout: Layout, report: Report) -> None:
    """Every visible run in Times New Roman (for its ASCII and its Vietnamese letters), black."""
    for p in all_paragraphs(doc):
        wrong: set[str] = set()
        colours: set[str] = set()
        for run in p.visible_runs:
            text = run.text
            if any(c.isascii() and not c.isspace() for c in text) and not _same_font(run.font):
                wrong.add(run.font)
            if any(not c.isascii() for c in text) and not _same_font(run.font_hansi):
                wrong.add(run.font_hansi)
            if run.color and run.color.lower() not in BLACK:
                colours.add(run.color.upper())
        if wrong:
            report.add(
                "font.name",
                p.where,
                msg("font", font=", ".join(sorted(wrong))),
                msg("font", font=FONT),
            )
        if colours:
            report.add(
                "font.color",
                p.where,
                msg("colour", colour=", ".join(sorted(colours))),
                msg("black"),
            )


def typed_by_hand(tag: str) -> bool:
    """Whether a tag-shaped text ('{{ năm }}') can only have been typed: a letter with
    diacritics outside its quoted strings. Template fields are data keys, which have none
    ('{{ nam }}', '{{ muc.tieu_de }}'), so no template leaves such a tag behind."""
    code = QUOTED.sub("", tag[2:-2])
    return any(c.isalpha() and not c.isascii() for c in code)


def rendered_by_vanthu(docx: Path) -> bool:
    """Whether `docx` is, byte for byte, an output vanthu's render or build recorded in the
    manifest beside it (recorded_output): its sha256 the one recorded. Rendering consumes every
    tag of its template, so tag-shaped text in such a file was printed from the data, as typed."""
    found = recorded_output(docx)
    if found is None:
        return False
    try:
        return found[1].output_sha256 == hashlib.sha256(docx.read_bytes()).hexdigest()
    except OSError:
        return False


def _tags(p: Paragraph, report: Report, recorded: Callable[[], bool]) -> None:
    """A template tag left in a document: a violation. Text only shaped like one, a warning:
    '{{ năm }}' (typed_by_hand), or any in a file vanthu rendered as it recorded it
    (`recorded`: rendered_by_vanthu), where render printed braces typed in the data as typed."""
    text = p.text
    tags = list(TAG.finditer(text))
    leftover = next((t for t in tags if not typed_by_hand(t.group(0))), None)
    stray = LEFTOVER.search(TAG.sub("", text))  # a brace pair alone: '{{' without its '}}'
    if leftover is None and stray is None:
        if tags:
            report.warn("text.typed_tag", p.where, literal(tags[0].group(0)), msg("typed_tag"))
        return
    found = leftover.group(0) if leftover is not None else stray.group(0) if stray else ""
    if recorded():
        report.warn("text.typed_tag", p.where, literal(found), msg("typed_tag_recorded"))
    else:
        report.add("text.template_tag", p.where, literal(found), msg("no_tag"))


def check_early_closing(layout: Layout, report: Report) -> None:
    """The decree's "./." closes the content once, at the end of its last paragraph (ô 6): one
    at the end of an earlier paragraph, article or line ("... kể từ ngày ký./." in Điều 2 of
    three, copied from an old decision) prints mid-document. The same for a Quy chế or Kế
    hoạch printed after the decision, at the end of its own text."""
    for body in (layout.body, *(part.body for part in layout.attached)):
        for n, p in enumerate(body):
            text = p.text.rstrip()
            last = n == len(body) - 1
            early = next(
                (f for f in DECREE_MARK.finditer(text) if not (last and f.end() == len(text))),
                None,
            )
            if early is not None:
                shown = text[max(0, early.start() - EARLY_CLOSING_CONTEXT) : early.end()]
                report.add("noi_dung.closing_early", p.where, literal(shown), msg("closing_at_end"))


def check_text(doc: Document, layout: Layout, report: Report) -> None:
    """Leftover template tags (documents only), text not in NFC, text typed in TCVN3 or VNI or
    misread from Windows-1258 or UTF-8; a "./." before the end of the content (documents only)."""
    if not layout.template:
        check_early_closing(layout, report)
    recorded = cache(partial(rendered_by_vanthu, doc.path))  # read once, for a tag only
    for p in all_paragraphs(doc):
        text = p.text
        if not text.strip():
            continue
        if not layout.template:
            _tags(p, report, recorded)
        if not unicodedata.is_normalized("NFC", text):
            report.add("text.nfc", p.where, msg("not_nfc"), msg("nfc"))
        code = legacy_code(unicodedata.normalize("NFC", text))
        if code:
            report.add(
                "text.legacy",
                p.where,
                msg("legacy", encoding=named_encodings((code,))[0]),
                msg("unicode"),
            )
