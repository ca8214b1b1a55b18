"""Context of a batch of Giấy khen: what every certificate shares (computed once), then one
short record per certificate, the name sized to fit the phôi's name field on one line."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pipeline.awards import Entry
from pipeline.context.common import DocumentInfo, signature_lines
from pipeline.errors import InputError, TemplateError
from pipeline.figures import unit_key
from pipeline.load.attachments import CertificateAttachments
from pipeline.model.giay_khen import CertificateData
from pipeline.model.quyet_dinh import DecisionData
from pipeline.render.form import TEST_PRINT, FormSheet, twips_to_mm
from pipeline.render.fragments import literal_markup, rich_runs, sized_run
from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import date_phrase
from pipeline.rules.metrics import SMALLEST_NAME_PT, fitted_size

# The phôi's fields, by paragraph style (templates/giay-khen.docx; an office's own phôi in mau/
# uses the same style names, placed where its paper wants them).
NAME_STYLE = "GiayKhenTen"
NAME_HEADER = "Họ và tên"  # the list's column, for a refused name


def name_run(entry: Entry, sheet: FormSheet, list_file: Any) -> Any:
    """The name as one run, shrunk (never below SMALLEST_NAME_PT) until it fits its field."""
    field = sheet.frame(NAME_STYLE)
    look = sheet.paragraph_style_run(NAME_STYLE)
    largest = look.size or 26.0
    smallest = min(SMALLEST_NAME_PT, largest)
    size = fitted_size(entry.name, field.width, largest=largest, smallest=smallest, bold=look.bold)
    if size is None:
        raise InputError(
            "data.name_too_long", file=list_file, row=entry.row, field=NAME_HEADER,
            name=entry.name, width=round(twips_to_mm(field.width)), smallest=f"{smallest:g}",
            template=f"{sheet.name}.docx",
        )  # fmt: skip
    return sized_run(entry.name, None if size == largest else size)


def unit_line(entry: Entry) -> str:
    """The line under the name: chức vụ, đơn vị. A unit that is the name itself (a school's
    list gives a school's own row its own name as Đơn vị) is left out, not printed twice;
    compared as the list compares units (unit_key: NFC, any case and spacing)."""
    unit = "" if unit_key(entry.unit) == unit_key(entry.name) else entry.unit
    return ", ".join(part for part in (entry.position, unit) if part)


def achievement(decision: DecisionData, own: str | None = None) -> str:
    """The decision's thành tích (else the batch's own, for a decision that states none) as the
    certificate's sentence: capital first letter."""
    assert decision.khen_thuong is not None
    text = (decision.khen_thuong.thanh_tich or own or "").strip().rstrip(".")
    return text[:1].upper() + text[1:]


def certificate_context(
    info: DocumentInfo[CertificateAttachments], styles: StyleSheet
) -> dict[str, Any]:
    """Every certificate of the batch: one page each, in the list's order."""
    if not isinstance(styles, FormSheet):  # a template without positioned fields
        template = f"{info.data.template or 'giay-khen'}.docx"
        raise TemplateError("render.form_field_missing", template=template, style=NAME_STYLE)
    data = info.data
    assert isinstance(data, CertificateData)
    attached = info.attachments
    decision = attached.decision
    if data.so != decision.data.so:  # the register's number of a decision saying so: tu_dong
        decision = replace(decision, data=decision.data.model_copy(update={"so": data.so}))
    decision_data = decision.data
    assert isinstance(decision_data, DecisionData)
    signer = decision.signer
    thanh_tich = achievement(decision_data, data.thanh_tich)
    shared = {
        "so_quyet_dinh": decision.reference,
        "ngay_quyet_dinh": date_phrase(decision_data.ngay),
        "dia_danh": decision.agency.dia_danh,
        "thanh_tich": thanh_tich,
    }
    certificates = []
    for index, entry in enumerate(attached.entries):
        record = {
            "ten": name_run(entry, styles, attached.list_file),
            "don_vi": unit_line(entry),
            "khen_thuong": entry.award,
            "so_vao_so": "",
        }
        if attached.numbers:  # its number in the whole batch, kept from build to build
            record["so_vao_so"] = info.write(
                "giay_khen_so_vao_so", {**shared, "so_vao_so": str(attached.numbers[index])}
            )
        certificates.append(record)
    return {
        "giay_khen": certificates,
        "thanh_tich": info.write("giay_khen_thanh_tich", shared) if thanh_tich else "",
        "dia_danh_ngay": info.write("giay_khen_ngay", shared),
        "quyet_dinh": info.write("giay_khen_quyet_dinh", shared),
        "chuc_danh": rich_runs(literal_markup("\n".join(signature_lines(signer)))),
        "nguoi_ky": signer.ho_ten,
        TEST_PRINT: data.in_thu,
    }
