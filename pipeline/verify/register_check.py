"""verify --so-dang-ky: a document's Số, ký hiệu and date against the office's register.

The number must be in the register (sổ văn bản đi) of the year of the document's date, not void,
and dated as the document is. A batch of Giấy khen has no number of its own: the award decision
its certificates cite ("Quyết định số ... ngày ...", or the office's wording in the phôi's
decision field) is checked the same way. The other rules of verify do not need the register.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.register.model import Status
from pipeline.register.store import Register
from pipeline.render.form import DECISION_STYLE
from pipeline.verify.document import Document, read_document
from pipeline.verify.layout import find_layout
from pipeline.verify.own_reference import cited_decisions, own_date, own_number
from pipeline.verify.report import Location, Report, literal, msg
from pipeline.verify.rules_certificate import is_certificate_batch
from pipeline.verify.shapes import with_text_boxes


def check_register(path: Path, report: Report, register: Register) -> None:
    """Add to `report` what the register says against the document's number and date (for a
    batch of Giấy khen: against the number and date of the decision its certificates cite)."""
    doc = read_document(path)
    if is_certificate_batch(doc):
        _check_certificates(doc, report, register)
        return
    layout = find_layout(doc, None)
    if layout.so_ky_hieu is None or layout.dia_danh_ngay is None:
        return  # verify's own rules already say what is missing
    reference, dated = own_number(layout), own_date(layout)
    if reference is not None and dated is not None and dated.value is not None:
        _check_reference(report, register, reference, dated.value,
                         layout.so_ky_hieu.where, layout.dia_danh_ngay.where)  # fmt: skip


def _check_certificates(doc: Document, report: Report, register: Register) -> None:
    """Every page of a batch cites its award decision: that decision is checked, once."""
    checked: set[tuple[str, date]] = set()
    for cited in cited_decisions(with_text_boxes(doc.paragraphs), DECISION_STYLE):
        when = cited.dated.value
        if when is None or (cited.number, when) in checked:
            continue
        checked.add((cited.number, when))
        where = cited.paragraph.where
        _check_reference(report, register, cited.number, when, where, where)


def _check_reference(
    report: Report,
    register: Register,
    reference: str,
    when: date,
    number_at: Location,
    date_at: Location,
) -> None:
    """`reference` dated `when`: in the register of `when`'s year, not void, dated the same
    (a violation about the number reported at `number_at`, about the date at `date_at`)."""
    rows = register.by_reference(None, when.year, reference)  # whichever office gave it
    if not rows:
        report.add(
            "so_dang_ky.missing", number_at, literal(reference),
            msg("in_register", year=when.year),
        )  # fmt: skip
        return
    live = [row for row in rows if row.status is not Status.VOID]
    if not live:
        reason = next((row.void_reason for row in rows if row.void_reason), None)
        found = (
            msg("void_number_why", number=reference, year=when.year, reason=reason)
            if reason
            else msg("void_number", number=reference, year=when.year)
        )
        report.add("so_dang_ky.void", number_at, found, msg("live_number", year=when.year))
        return
    dated = live[0].details.doc_date
    if dated is not None and dated != when:
        found = literal(when.strftime("%d/%m/%Y"))
        report.add("so_dang_ky.date", date_at, found, literal(dated.strftime("%d/%m/%Y")))
