"""A batch of Giấy khen printed on a phôi: its own rules, not Phụ lục I's (the heading, Quốc
hiệu and border are pre-printed; vanthu prints only positioned fields).

A batch is recognised by its shape: every paragraph with text stands in a frame positioned from
the paper's edge or its margin (w:framePr), or in a text box so placed (read as a frame,
render.form.box_frame), read where it prints as the render places it. Pages are cut at page
breaks, a text box's paragraphs on the page of the paragraph holding it. Each page holds one
name (the field in style GiayKhenTen), on one line at its size; no page is blank (a trailing
page break prints an empty phôi); every field lies inside the paper, its text ending before the
field below it (certificate_room); and, when the manifest beside the batch records it, each
page prints the số vào sổ the batch gives the person it names (certificate_book).
"""

from __future__ import annotations

from pipeline.render.form import NAME_STYLE, twips_to_mm
from pipeline.rules.metrics import fits_one_line
from pipeline.verify.certificate_book import check_book_numbers, recorded_book
from pipeline.verify.certificate_room import (
    Overrun,
    field_overruns,
    frame_of,
    paper_margins,
    printed_face,
    printed_text,
    report_overruns,
)
from pipeline.verify.document import Document, Paragraph
from pipeline.verify.layout import flat
from pipeline.verify.report import DOCUMENT, Report, literal, msg
from pipeline.verify.shapes import with_text_boxes

CODE = "giay_khen"


def is_certificate_batch(doc: Document) -> bool:
    """Whether every paragraph with text is a field with its place on the paper: a frame (or
    text box) positioned from the paper's edge or its margin (certificate_room.frame_of)."""
    texts = [p for p in with_text_boxes(doc.paragraphs) if flat(p.text).strip()]
    if not texts or doc.tables:
        return False
    margins = paper_margins(doc.sections[0] if doc.sections else None)
    return all(frame_of(p, margins) is not None for p in texts)


def pages(doc: Document) -> list[list[Paragraph]]:
    """The body's paragraphs and their text boxes' page by page (a paragraph starting with a
    page break opens one)."""
    out: list[list[Paragraph]] = [[]]
    for p in with_text_boxes(doc.paragraphs):
        if p.page_break and out[-1]:
            out.append([])
        out[-1].append(p)
    return out


def check_certificates(doc: Document, report: Report) -> None:
    """One name per page, each on one line; no blank page; every field inside the paper, its
    text within its room; the số vào sổ the batch gives each name."""
    section = doc.sections[0] if doc.sections else None
    width = section.width if section is not None else None
    height = section.height if section is not None else None
    margins = paper_margins(section)
    batch = pages(doc)
    overruns: list[Overrun] = []  # said once every page is read: alike on many pages, once
    for number, page in enumerate(batch, start=1):
        names = [p for p in page if p.style_id == NAME_STYLE and flat(p.text).strip()]
        where = page[0].where if page else DOCUMENT
        if not any(flat(p.text).strip() for p in page):
            report.add("giay_khen.trang_trang", where, msg("blank_page", page=number),
                       msg("one_certificate"))  # fmt: skip
            continue
        if len(names) != 1:
            report.add("giay_khen.mot_ten", where, msg("names", count=len(names), page=number),
                       msg("one_name"))  # fmt: skip
        wrapped: set[int] = set()  # a name told off the line is not told again off its field
        for p in names:
            frame = frame_of(p, margins)
            run = next((r for r in p.runs if r.text.strip()), None)
            if frame is None or run is None or not frame.width:
                continue
            if not fits_one_line(printed_text(p), run.size, frame.width, printed_face(p)):
                report.add("giay_khen.ten_mot_dong", p.where, literal(p.text), msg("one_line"))
                wrapped.add(id(p))
        overruns += field_overruns(page, number, section, wrapped)
        for p in page:
            frame = frame_of(p, margins)
            if frame is None or width is None or height is None:
                continue
            right, bottom = frame.x + frame.width, frame.y + frame.height
            if frame.x < 0 or frame.y < 0 or right > width or bottom > height:
                report.add(
                    "giay_khen.trong_trang", p.where,
                    msg("field_box", x=_mm(frame.x), y=_mm(frame.y), right=_mm(right),
                        bottom=_mm(bottom)),
                    msg("paper", width=_mm(width), height=_mm(height)),
                )  # fmt: skip
    report_overruns(overruns, report)
    book = recorded_book(doc.path)
    if book is not None:
        check_book_numbers(batch, book, report)


def _mm(twips: int) -> str:
    return f"{twips_to_mm(twips):.0f}"
