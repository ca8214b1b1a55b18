"""Read what a batch of Giấy khen refers to: its award decision and the rows of its list."""

from __future__ import annotations

from typing import Any

from pipeline.awards import Entry
from pipeline.load.attachments import CertificateAttachments, DecisionAttachments
from pipeline.load.contract import Attached, LoadedDocument, NumberFrom, Resolver
from pipeline.load.lists import referenced_document, sheet_path
from pipeline.load.yaml_source import Source, load_yaml
from pipeline.model.giay_khen import INHERITED, CertificateData, RowFilter
from pipeline.model.quyet_dinh import DecisionData

DECISION_KEY = "quyet_dinh"
ACHIEVEMENT_KEY = "thanh_tich"


def award_decision(source: Source, resolver: Resolver) -> LoadedDocument:
    """The award decision a batch names, loaded like any decision; located errors otherwise."""
    name = source.data.get(DECISION_KEY)
    if not isinstance(name, str) or not name.strip():
        raise source.error("data.missing_field", (DECISION_KEY,))
    loc = (DECISION_KEY,)
    decision, path = referenced_document(source, name.strip(), loc, resolver)
    data = decision.info.data
    if not isinstance(data, DecisionData) or data.khen_thuong is None:
        raise source.error("data.not_an_award_decision", loc, name=path.name)
    return decision


def decision_fields(source: Source, resolver: Resolver) -> dict[str, Any]:
    """The decision's number, date, office, signer ...: the batch may not restate them."""
    for key in INHERITED:
        if key in source.data:
            raise source.error("data.inherited_field", (key,), decision=DECISION_KEY)
    data = award_decision(source, resolver).info.data
    assert isinstance(data, DecisionData) and data.khen_thuong is not None
    if ACHIEVEMENT_KEY in source.data and data.khen_thuong.thanh_tich:
        # The decision states why: its certificates print that, never another reason.
        raise source.error("data.inherited_field", (ACHIEVEMENT_KEY,), decision=DECISION_KEY)
    return {key: getattr(data, key) for key in INHERITED}


def refuse_unnumbered_decision(document: LoadedDocument) -> None:
    """A batch printed on the phôi (not in_thu: co) whose decision has no number yet (so: left
    blank) is refused at its quyet_dinh: line: every certificate would print "Quyết định số
    ..../QĐ-...". A decision saying so: tu_dong is the register's business (NumberFrom)."""
    data = document.info.data
    if not isinstance(data, CertificateData) or data.in_thu or document.number_from is not None:
        return
    if data.so is not None:
        return
    source = load_yaml(document.path)
    raise source.error("data.decision_not_numbered", (DECISION_KEY,), name=data.quyet_dinh)


def book_numbers(document: LoadedDocument) -> tuple[int, int] | None:
    """so_vao_so: the first and last numbers in the sổ vàng a batch's certificates print (one
    each, in order); none for a batch without them or a test print (in_thu: co)."""
    data = document.info.data
    attached = document.info.attachments
    if not isinstance(data, CertificateData) or data.so_vao_so is None or data.in_thu:
        return None
    if not isinstance(attached, CertificateAttachments) or not attached.entries:
        return None
    return data.so_vao_so, data.so_vao_so + len(attached.entries) - 1


def book_claim(document: LoadedDocument) -> tuple[str, str, int, int] | None:
    """The batch's office, year and first and last sổ vàng numbers (book_numbers)."""
    numbers = book_numbers(document)
    if numbers is None:
        return None
    data = document.info.data
    return data.co_quan, str(data.ngay.year), *numbers


def chosen(entries: tuple[Entry, ...], rows: RowFilter | None, source: Source) -> tuple[Entry, ...]:
    """The entries the filter keeps, in the list's order; a row that is not in it is an error."""
    if rows is None:
        return entries
    if rows.dong:
        known = {entry.row for entry in entries}
        for index, row in enumerate(rows.dong):
            if row not in known:
                raise source.error("data.no_such_row", ("chon", "dong", index), number=row)
        entries = tuple(e for e in entries if e.row in set(rows.dong))
    if rows.doi_tuong is not None:
        entries = tuple(e for e in entries if e.collective == (rows.doi_tuong == "tap_the"))
    if rows.khen_thuong is not None:
        wanted = " ".join(rows.khen_thuong.split()).casefold()
        entries = tuple(e for e in entries if " ".join(e.award.split()).casefold() == wanted)
    if not entries:
        raise source.error("data.no_rows_chosen", ("chon",))
    return entries


def certificate_attachments(data: CertificateData, source: Source, resolver: Resolver) -> Attached:
    """The decision (loaded once per loader), the rows that get a certificate, and, when the
    decision takes its number from the register, the decision's file as the number's source."""
    decision = award_decision(source, resolver)
    info = decision.info
    attachments = info.attachments
    assert isinstance(attachments, DecisionAttachments) and attachments.awards is not None
    decision_data = info.data
    assert isinstance(decision_data, DecisionData) and decision_data.khen_thuong is not None
    list_file = sheet_path(
        decision_data.khen_thuong, resolver.parse(decision.path), "khen_thuong", resolver
    )
    entries = chosen(attachments.awards.entries, data.chon, source)
    lender: NumberFrom | None = None
    if decision_data.needs_number:  # so: tu_dong: the number the register holds for its file
        lender = NumberFrom(
            decision.path, decision_data.co_quan, source.path,
            source.line_of((DECISION_KEY,)), DECISION_KEY,
        )  # fmt: skip
    attached = CertificateAttachments(info, entries, list_file)
    return Attached(attached, decision.files, number_from=lender)
