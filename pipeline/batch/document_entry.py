"""The manifest entry of a document written where the build writes it: one definition for the
build's workers (pipeline.batch.runner) and for `vanthu render` (pipeline.render_record)."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from pipeline.batch.discover import Layout
from pipeline.batch.manifest import Entry
from pipeline.load.attachments import CertificateAttachments
from pipeline.load.certificates import book_numbers, book_record
from pipeline.load.contract import LoadedDocument
from pipeline.register.documents import register_key
from pipeline.text.shared import same


def document_entry(
    layout: Layout,
    printed: LoadedDocument,
    data: bytes,
    *,
    inputs: dict[str, str],
    output: str,
    template_sha256: str,
    auto: bool,
) -> Entry:
    """The entry of `printed` (the document as written: its register number, or its lender's,
    put in), written as `data` to `output` (named from the output folder); `auto`: its data
    asks the register for its number (so: tu_dong)."""
    info = printed.info.data
    lender = printed.number_from
    return Entry(
        inputs=inputs,
        template=same(printed.template),
        template_sha256=template_sha256,
        output=output,
        output_sha256=hashlib.sha256(data).hexdigest(),
        loai=printed.kind.code,
        so=info.own_number,
        ngay=same(info.ngay.isoformat()),
        so_ky_hieu=printed_reference(printed),
        co_quan=same(info.co_quan),
        so_tu_dong=auto,
        lender=layout.name_of(lender.path) if lender is not None else None,
        # The lender's number as printed (with_number put it into the data's so).
        lent_number=getattr(info, "so", None) if lender is not None else None,
        so_vao_so=book_numbers(printed),
        so_vao_so_cap=book_record(printed),
        so_van_ban=register_key(layout.workspace) if auto else None,
    )


def printed_reference(printed: LoadedDocument) -> str:
    """Số, ký hiệu as `printed` prints it: a Giấy khen batch has none of its own, its
    certificates print their award decision's (Quyết định số 01/QĐ-VPUBND), with the number
    the batch was given put in (the register's, for a decision saying so: tu_dong)."""
    attached = printed.info.attachments
    if not isinstance(attached, CertificateAttachments):
        return printed.info.reference
    decision = attached.decision
    number = {"so": printed.info.data.so}
    return replace(decision, data=decision.data.model_copy(update=number)).reference
