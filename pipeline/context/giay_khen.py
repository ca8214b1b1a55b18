"""Context of a batch of Giấy khen: what every certificate shares (computed once), then one
short record per certificate, the name sized to fit the phôi's name field on one line and the
unit line sized to end before the field below it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from pipeline.awards import Entry
from pipeline.context.common import DocumentInfo, signature_lines
from pipeline.errors import InputError, TemplateError
from pipeline.figures import unit_key
from pipeline.load.attachments import CertificateAttachments
from pipeline.model.giay_khen import CertificateData
from pipeline.model.quyet_dinh import DecisionData, SheetRef
from pipeline.render.form import TEST_PRINT, FormSheet, Frame, twips_to_mm
from pipeline.render.fragments import literal_markup, rich_runs, sized_run
from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import date_phrase
from pipeline.rules.field_room import (
    SMALLEST_UNIT_PT,
    lines_in_room,
    next_below,
    room_twips,
    size_in_room,
    width_for_lines,
    wrapped_lines,
)
from pipeline.rules.metrics import SMALLEST_NAME_PT, fitted_size

# The phôi's fields, by paragraph style (templates/giay-khen.docx; an office's own phôi in mau/
# uses the same style names, placed where its paper wants them).
NAME_STYLE = "GiayKhenTen"
NAME_HEADER = "Họ và tên"  # the list's column, for a refused name
UNIT_STYLE = "GiayKhenDonVi"
# The list's columns the unit line prints (a decision's cot: may name them otherwise).
POSITION_HEADER, UNIT_HEADER = "Chức vụ", "Đơn vị"


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


@dataclass(frozen=True)
class UnitField:
    """The phôi's unit field as the batch fits its lines: its frame, the twips its text may
    take before the field below it, its style's paragraph spacing and run (a phôi's fields
    take their look from their styles: README, "Giấy khen: a phôi")."""

    frame: Frame
    room: int
    props: dict[str, object]
    largest: float
    smallest: float
    bold: bool
    template: str  # the phôi's file, where the field can be widened or moved

    @classmethod
    def of(cls, sheet: FormSheet) -> UnitField | None:
        """The field, measured once per batch; None for a phôi without one, with no width
        (its frame takes its text's width) or with nothing below it: nothing to fit."""
        frame = sheet.frames.get(UNIT_STYLE)
        if frame is None or frame.width <= 0:
            return None
        room = room_twips(frame, next_below(frame, sheet.frames.values()), None)
        if room is None:
            return None
        look = sheet.paragraph_style_run(UNIT_STYLE)
        largest = look.size or 16.0
        return cls(frame, room, sheet.style_paragraph_props(UNIT_STYLE), largest,
                   min(SMALLEST_UNIT_PT, largest), look.bold, f"{sheet.name}.docx")  # fmt: skip


@dataclass(frozen=True)
class ListPlace:
    """Where a refused unit line is typed: the decision's list, its sheet and columns."""

    file: Path
    ref: SheetRef

    def sheet(self) -> str | None:
        """The sheet the list was read from: the one the decision names, else the workbook's
        first visible one (as the list's reader picks it); a .csv has none."""
        if self.file.suffix.lower() == ".csv":
            return None
        if self.ref.trang_tinh:
            return self.ref.trang_tinh
        import python_calamine

        from pipeline.load.spreadsheet.xlsx import _pick_sheet

        try:
            return _pick_sheet(python_calamine.CalamineWorkbook.from_path(str(self.file)),
                               None, self.file)  # fmt: skip
        except Exception:  # noqa: BLE001 - the row and field still say where the line is
            return None

    def header(self, field: str, default: str) -> str:
        return self.ref.cot.get(field) or default


def unit_text(entry: Entry, field: UnitField | None, place: ListPlace) -> str | Markup:
    """The unit line at its style's size when it ends before the field below it, else shrunk
    by half points (never below SMALLEST_UNIT_PT) until it does; refused naming its row when
    even that size overflows: its last lines would print over the thành tích."""
    line = unit_line(entry)
    if field is None or not line:
        return line
    frame = field.frame
    size = size_in_room(line, frame.width, field.room, field.props, largest=field.largest,
                        smallest=field.smallest, bold=field.bold)  # fmt: skip
    if size == field.largest:
        return line
    if size is not None:
        return sized_in_tag_run(line, size)
    smallest = field.smallest
    room = lines_in_room(smallest, field.room, field.props)
    if room == 0:  # the phôi's fault, not the row's: no unit at all would fit
        raise TemplateError("render.form_field_no_room", template=field.template,
                            style=UNIT_STYLE, mm=round(twips_to_mm(field.room)),
                            smallest=f"{smallest:g}")  # fmt: skip
    unit = line != entry.position  # the unit printed: its column is the one to shorten
    column = place.header("don_vi", UNIT_HEADER) if unit else place.header(
        "chuc_vu", POSITION_HEADER)
    raise InputError(
        "data.unit_too_long", file=place.file, sheet=place.sheet(), row=entry.row,
        field=column, text=line, smallest=f"{smallest:g}",
        lines=wrapped_lines(line, smallest, frame.width, bold=field.bold), room=room,
        width=round(twips_to_mm(frame.width)),
        needed=round(twips_to_mm(width_for_lines(line, smallest, room, bold=field.bold))),
        template=field.template,
    )  # fmt: skip


def sized_in_tag_run(text: str, size_pt: float) -> Markup:
    """`text` at `size_pt` where the template prints it with a plain tag ({{ gk.don_vi }},
    inside a run of its own): that run is closed, a run of the size put after it, and a new
    run opened for the rest of the tag's run, as docxtpl itself opens a {{r }} tag's run."""
    return Markup("</w:t></w:r>") + sized_run(text, size_pt) + Markup(
        '<w:r><w:t xml:space="preserve">')


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
    assert decision_data.khen_thuong is not None
    unit_field = UnitField.of(styles)
    place = ListPlace(attached.list_file, decision_data.khen_thuong)
    certificates = []
    for index, entry in enumerate(attached.entries):
        record = {
            "ten": name_run(entry, styles, attached.list_file),
            "don_vi": unit_text(entry, unit_field, place),
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
