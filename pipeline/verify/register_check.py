"""verify --so-dang-ky: a document's Số, ký hiệu and date against the office's register.

The number must be in the register (sổ văn bản đi) of the year of the document's date, not void,
and dated as the document is. The other rules of verify do not need the register.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.register.model import Status
from pipeline.register.store import Register
from pipeline.verify.document import read_document
from pipeline.verify.layout import find_layout
from pipeline.verify.own_reference import own_date, own_number
from pipeline.verify.report import Report, literal, msg


def check_register(path: Path, report: Report, register: Register) -> None:
    """Add to `report` what the register says against the document's number and date."""
    layout = find_layout(read_document(path), None)
    if layout.so_ky_hieu is None or layout.dia_danh_ngay is None:
        return  # verify's own rules already say what is missing
    reference, dated_line = own_number(layout), own_date(layout)
    when = dated_line.value if dated_line is not None else None
    if reference is None or when is None:
        return
    rows = register.by_reference(None, when.year, reference)  # whichever office gave it
    where = layout.so_ky_hieu.where
    if not rows:
        report.add(
            "so_dang_ky.missing", where, literal(reference), msg("in_register", year=when.year)
        )
        return
    live = [row for row in rows if row.status is not Status.VOID]
    if not live:
        report.add("so_dang_ky.void", where, literal(reference), msg("in_register", year=when.year))
        return
    dated = live[0].details.doc_date
    if dated is not None and dated != when:
        found = literal(when.strftime("%d/%m/%Y"))
        report.add("so_dang_ky.date", layout.dia_danh_ngay.where, found,
                   literal(dated.strftime("%d/%m/%Y")))  # fmt: skip
