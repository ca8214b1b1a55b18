"""Rules on every run and paragraph: Times New Roman in black, no tags left, NFC, no TCVN3/VNI
nor text of a misread file (Windows-1258 or UTF-8 read as Windows-1252)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from pipeline.text.legacy import looks_like_legacy_text as legacy_code
from pipeline.text.legacy import named_encodings
from pipeline.verify.document import TAG, Document, Paragraph
from pipeline.verify.layout import Layout
from pipeline.verify.report import Report, literal, msg

FONT = "Times New Roman"
BLACK = {"auto", "000000"}
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def all_paragraphs(doc: Document) -> Iterator[Paragraph]:
    """Body paragraphs (tables included), then those of headers and footers."""
    yield from doc.paragraphs
    for part in doc.parts.values():
        yield from part.paragraphs


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


def _tags(p: Paragraph, report: Report) -> None:
    """A template tag left in a document: a violation; text only shaped like one ('{{ năm }}',
    typed in the data and printed as typed, since render escapes the data): a warning."""
    text = p.text
    tags = list(TAG.finditer(text))
    leftover = next((t for t in tags if not typed_by_hand(t.group(0))), None)
    stray = LEFTOVER.search(TAG.sub("", text))  # a brace pair alone: '{{' without its '}}'
    if leftover is not None or stray is not None:
        found = leftover.group(0) if leftover is not None else stray.group(0) if stray else ""
        report.add("text.template_tag", p.where, literal(found), msg("no_tag"))
    elif tags:
        report.warn("text.typed_tag", p.where, literal(tags[0].group(0)), msg("typed_tag"))


def check_text(doc: Document, layout: Layout, report: Report) -> None:
    """Leftover template tags (documents only), text not in NFC, text typed in TCVN3 or VNI or
    misread from Windows-1258 or UTF-8."""
    for p in all_paragraphs(doc):
        text = p.text
        if not text.strip():
            continue
        if not layout.template:
            _tags(p, report)
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
