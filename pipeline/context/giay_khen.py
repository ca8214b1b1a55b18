"""Context of a batch of Giấy khen: what every certificate shares (computed once), then one
short record per certificate, the name sized to fit the phôi's name field on one line, and every
other field's text ending before the field below it: the unit line and the thành tích shrunk to
fit, any other text (the office's wording, its signer) refused otherwise (README, "Giấy khen: a
phôi")."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup

from pipeline.awards import Entry
from pipeline.context.common import DocumentInfo, signature_lines
from pipeline.errors import InputError, TemplateError, VanthuError
from pipeline.figures import unit_key
from pipeline.load.attachments import CertificateAttachments
from pipeline.model.giay_khen import CertificateData
from pipeline.model.quyet_dinh import DecisionData, SheetRef
from pipeline.phrase import Phrase
from pipeline.render.form import (
    ACHIEVEMENT_STYLE,
    BORDER_STYLE,
    DATE_STYLE,
    DECISION_STYLE,
    NAME_STYLE,
    NUMBER_STYLE,
    SIGNER_STYLE,
    TEST_PRINT,
    TITLE_STYLE,
    UNIT_STYLE,
    FormSheet,
    twips_to_mm,
)
from pipeline.render.fragments import literal_markup, rich_runs, sized_run
from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import date_phrase
from pipeline.rules.field_room import (
    SMALLEST_ACHIEVEMENT_PT,
    SMALLEST_UNIT_PT,
    FieldRoom,
    next_below,
    room_twips,
)
from pipeline.rules.metrics import SMALLEST_NAME_PT, fitted_size

# The phôi's fields are named by paragraph style (pipeline.render.form: NAME_STYLE ...).
NAME_HEADER = "Họ và tên"  # the list's column, for a refused name
# The list's columns the unit line prints (a decision's cot: may name them otherwise).
POSITION_HEADER, UNIT_HEADER = "Chức vụ", "Đơn vị"
# A field whose styles set no size prints at w:sz's default, as verify reads it (verify.model).
DEFAULT_SIZE_PT = 10.0
ACHIEVEMENT_KEY = "thanh_tich"  # the batch's own, for a decision stating none
# The layers of a batch's phrases (DocumentInfo.phrases): the office's profile, then its file.
OFFICE_LAYER, OWN_LAYER = 1, 2


def name_run(entry: Entry, sheet: FormSheet, list_file: Any) -> Any:
    """The name as one run, shrunk (never below SMALLEST_NAME_PT) until it fits its field."""
    field = sheet.frame(NAME_STYLE)
    look = sheet.paragraph_style_run(NAME_STYLE)
    largest = look.size or 26.0
    smallest = min(SMALLEST_NAME_PT, largest)
    # Measured as it prints: a style in All caps (w:caps) prints the name in capitals; in its
    # style's font and small caps (FormSheet.face).
    printed = entry.name.upper() if look.caps else entry.name
    face = sheet.face(NAME_STYLE)
    size = fitted_size(printed, field.width, face, largest=largest, smallest=smallest)
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
class PhoiField:
    """A field of the phôi as the batch fits its text: its style, its room (the twips its text
    may take before the field below it, its paragraph spacing and run: a phôi's fields take
    their look from their styles, README "Giấy khen: a phôi") and the phôi's file, where the
    field can be widened or moved."""

    style: str
    room: FieldRoom
    template: str
    below: str | None  # the field the room ends at; None: its own exact height

    def no_room(self) -> TemplateError | None:
        """The phôi's fault, not the text's, when not one line of the smallest size fits."""
        room = self.room
        if room.lines_room(room.smallest) > 0:
            return None
        return TemplateError("render.form_field_no_room", template=self.template,
                             style=self.style, mm=round(twips_to_mm(room.room)),
                             smallest=f"{room.smallest:g}")  # fmt: skip


class PhoiLayout:
    """The phôi's fields as this batch prints them, each measured once per batch: a field's
    room ends at the next field below it that prints something (the test print's border and a
    field the batch leaves empty, a thành tích or số vào sổ it has none of, print nothing)."""

    def __init__(self, sheet: FormSheet, blank: Collection[str] = ()) -> None:
        self.sheet = sheet
        self.printing = {
            id(frame): style for style, frame in sheet.frames.items()
            if style != BORDER_STYLE and style not in blank
        }  # fmt: skip
        self.frames = [sheet.frames[style] for style in self.printing.values()]

    def field(self, style: str, smallest: float | None = None) -> PhoiField | None:
        """Field `style`, its text shrinking to `smallest` (None: printed at its style's size
        only); None for a phôi without it, with no width (its frame takes its text's width:
        render.structure.SIZED_FIELDS refuses that for a field that shrinks) or with nothing
        below it: nothing to fit."""
        sheet = self.sheet
        frame = sheet.frames.get(style)
        if frame is None or frame.width <= 0:
            return None
        below = next_below(frame, self.frames)
        room = room_twips(frame, below, None)
        if room is None:
            return None
        bound = self.printing[id(below)] if below and room == below.y - frame.y else None
        look = sheet.paragraph_style_run(style)
        largest = look.size or DEFAULT_SIZE_PT
        least = largest if smallest is None else min(smallest, largest)
        face = sheet.face(style)
        fitted = FieldRoom(frame.width, room, sheet.style_paragraph_props(style), largest, least,
                           look.bold, look.caps, face.font, face.small_caps)  # fmt: skip
        return PhoiField(style, fitted, f"{sheet.name}.docx", bound)


@dataclass(frozen=True)
class ListPlace:
    """Where a refused unit line is typed: the decision's list, its sheet and columns."""

    file: Path
    ref: SheetRef

    def sheet(self) -> str | None:
        """The sheet the list was read from: the one the decision names, else the workbook's
        first visible one (as the list's reader picks it); a CSV has none, told as the reader
        tells it (file_kind: by its first bytes, a workbook named .csv is one)."""
        from pipeline.load.spreadsheet.detect import file_kind
        from pipeline.load.spreadsheet.xlsx import sheet_title

        try:
            if file_kind(self.file) == "csv":
                return None
            return self.ref.trang_tinh or sheet_title(self.file, None)
        except VanthuError:  # the row and field still say where the line is
            return None

    def header(self, field: str, default: str) -> str:
        return self.ref.cot.get(field) or default


def unit_text(entry: Entry, field: PhoiField | None, place: ListPlace) -> str | Markup:
    """The unit line at its style's size when it ends before the field below it, else shrunk
    by half points (never below SMALLEST_UNIT_PT) until it does; refused naming its row when
    even that size overflows: its last lines would print over the thành tích."""
    line = unit_line(entry)
    if field is None or not line:
        return line

    def too_long() -> InputError:
        room, smallest = field.room, field.room.smallest
        lines = room.lines_room(smallest)
        unit = line != entry.position  # the unit printed: its column is the one to shorten
        column = place.header("don_vi", UNIT_HEADER) if unit else place.header(
            "chuc_vu", POSITION_HEADER)
        return InputError(
            "data.unit_too_long", file=place.file, sheet=place.sheet(), row=entry.row,
            field=column, text=line, smallest=f"{smallest:g}", lines=room.lines(line, smallest),
            room=lines, width=round(twips_to_mm(room.width)),
            needed=round(twips_to_mm(room.width_needed(line, smallest, lines))),
            template=field.template,
        )  # fmt: skip

    return sized_to_room(line, field, too_long)


def sized_to_room(
    text: str, field: PhoiField, overrun: Callable[[], InputError]
) -> str | Markup:
    """`text` at its field's size when it ends before the field below it, else at the largest
    size down to the field's smallest that does (a field that does not shrink has only its
    own); else the phôi's error when no text at all would fit there (field.no_room), or
    `overrun()`: the text's."""
    room = field.room
    size = room.size_for(text)
    if size == room.largest:
        return text
    if size is not None:
        return sized_in_tag_run(text, size)
    no_room = field.no_room()
    if no_room is not None:  # the phôi's fault, not the text's
        raise no_room
    raise overrun()


def sized_in_tag_run(text: str, size_pt: float) -> Markup:
    """`text` at `size_pt` where the template prints it with a plain tag ({{ gk.don_vi }},
    inside a run of its own): that run is closed, a run of the size put after it, and a new
    run opened for the rest of the tag's run, as docxtpl itself opens a {{r }} tag's run."""
    return Markup("</w:t></w:r>") + sized_run(text, size_pt) + Markup(
        '<w:r><w:t xml:space="preserve">')


@dataclass(frozen=True)
class Origin:
    """Where the text of a field the batch shares is written, for its refusal: the key, what it
    is and what the clerk may shorten (empty: only the phôi can change, for a signer's title or
    name, or an issued decision's thành tích), and the file and line it is written at (none
    for vanthu's default wording, which no file of the workspace writes)."""

    said: Phrase
    field: str
    fix: Phrase | str = ""
    file: Path | None = None
    line: int | None = None


class Origins:
    """Where each shared text of a batch comes from: the office's profile (its wording, its
    signer), the batch's own file, or its award decision, each at its file and line as the
    loader parsed them (CertificateSources); the office named by its id (co_quan) in the
    words, and a batch given without its files (no sources) by its id alone."""

    def __init__(self, info: DocumentInfo[CertificateAttachments]) -> None:
        self.info = info
        self.office = info.data.co_quan  # the profile: co-quan/<id>.yaml
        self.sources = info.attachments.sources

    def at(self, which: str, loc: tuple[str, ...]) -> dict[str, Any]:
        """file= and line= of `loc` in source `which` (batch, profile, decision), for Origin;
        none without the batch's sources."""
        if self.sources is None:
            return {}
        source = getattr(self.sources, which)
        return {"file": source.path, "line": source.line_of(loc)}

    def phrase(self, key: str) -> Origin:
        """Phrase `key`: the office's (at its profile's cau_chu line), the batch's own (at its
        cau_chu line), or vanthu's default (to be overridden in the office's profile)."""
        field = f"cau_chu.{key}"
        layer = self.info.phrases.layer(key)
        if layer == OWN_LAYER:
            return Origin(Phrase("data.origin.own_phrase", phrase=key), field,
                          Phrase("data.fix.phrase", phrase=key),
                          **self.at("batch", ("cau_chu", key)))  # fmt: skip
        if layer == OFFICE_LAYER:
            return Origin(Phrase("data.origin.office_phrase", phrase=key, office=self.office),
                          field, Phrase("data.fix.phrase", phrase=key),
                          **self.at("profile", ("cau_chu", key)))  # fmt: skip
        return Origin(Phrase("data.origin.default_phrase", phrase=key), field,
                      Phrase("data.fix.default_phrase", phrase=key, office=self.office))

    def signer(self, key: str) -> Origin:
        """The signer's title lines (chuc_vu) or name (ho_ten), at their line in the office's
        profile."""
        signer = self.info.data.nguoi_ky
        said = Phrase("data.origin.signer", signer=signer, office=self.office)
        return Origin(said, f"nguoi_ky.{signer}.{key}",
                      **self.at("profile", ("nguoi_ky", signer, key)))  # fmt: skip

    def achievement(self) -> Origin:
        """The thành tích: the award decision's (issued words, at its line in the decision),
        else the batch's own (at its line in the batch)."""
        decision = self.info.attachments.decision.data
        assert isinstance(decision, DecisionData) and decision.khen_thuong is not None
        data = self.info.data
        assert isinstance(data, CertificateData)
        if decision.khen_thuong.thanh_tich:
            field = "khen_thuong.thanh_tich"
            where = self.at("decision", ("khen_thuong", "thanh_tich")) or {
                "file": Path(data.quyet_dinh)}  # the decision as the batch names it
            return Origin(Phrase("data.origin.decision_achievement"), field, **where)
        return Origin(Phrase("data.origin.own_achievement"), ACHIEVEMENT_KEY,
                      Phrase("data.fix.achievement", field=ACHIEVEMENT_KEY),
                      **self.at("batch", (ACHIEVEMENT_KEY,)))  # fmt: skip


def fitted_text(text: str, field: PhoiField | None, origin: Callable[[], Origin]) -> str | Markup:
    """A text every certificate of the batch prints (the thành tích, the date, the decision
    line, the signer, the số vào sổ line) at its field's size when it ends before the field
    below it; else, in a field that shrinks (the thành tích), at the largest size down to its
    smallest that does; else refused, naming where the text is written (`origin`): on every
    certificate its last lines would print over the field below."""
    if field is None or not text.strip():
        return text
    return sized_to_room(text, field, lambda: overrun_error(text, field, origin()))


def overrun_error(text: str, field: PhoiField, origin: Origin) -> InputError:
    """The refusal of `text`, too long for `field` even at its smallest size, at `origin`."""
    room = field.room
    size = room.smallest
    lines = room.lines_room(size)
    at = "data.field_at" if size == room.largest else "data.field_at_smallest"
    return InputError(
        "data.field_too_long", file=origin.file, line=origin.line, field=origin.field,
        text=" / ".join(text.splitlines()), origin=origin.said, fix=origin.fix,
        lines=room.lines(text, size), at=Phrase(at, size=f"{size:g}"), style=field.style,
        limit=Phrase("data.field_limit_below", below=field.below) if field.below else Phrase(
            "data.field_limit_exact"),
        width=round(twips_to_mm(room.width)), room=lines, template=field.template,
        needed=round(twips_to_mm(room.width_needed(text, size, lines))),
    )  # fmt: skip


def achievement(decision: DecisionData, own: str | None = None) -> str:
    """The decision's thành tích (else the batch's own, for a decision that states none) as the
    certificate's sentence: capital first letter."""
    assert decision.khen_thuong is not None
    text = (decision.khen_thuong.thanh_tich or own or "").strip().rstrip(".")
    return text[:1].upper() + text[1:]


def certificate_context(
    info: DocumentInfo[CertificateAttachments], styles: StyleSheet
) -> dict[str, Any]:
    """Every certificate of the batch: one page each, in the list's order; each field's text
    ending before the field below it (fitted or refused before any page is written)."""
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
    numbers = [
        info.write("giay_khen_so_vao_so", {**shared, "so_vao_so": str(number)})
        for number in attached.numbers  # each one's number in the whole batch, kept
    ]  # fmt: skip
    texts = {
        ACHIEVEMENT_STYLE: info.write("giay_khen_thanh_tich", shared) if thanh_tich else "",
        DATE_STYLE: info.write("giay_khen_ngay", shared),
        DECISION_STYLE: info.write("giay_khen_quyet_dinh", shared),
        TITLE_STYLE: "\n".join(signature_lines(signer)),
        SIGNER_STYLE: signer.ho_ten,
        NUMBER_STYLE: max(numbers, key=len, default=""),
    }
    layout = PhoiLayout(styles, blank=[style for style, text in texts.items() if not text])
    fitted = fitted_fields(texts, layout, Origins(info))
    unit_field = layout.field(UNIT_STYLE, SMALLEST_UNIT_PT)
    place = ListPlace(attached.list_file, decision_data.khen_thuong)
    certificates = []
    for index, entry in enumerate(attached.entries):
        certificates.append({
            "ten": name_run(entry, styles, attached.list_file),
            "don_vi": unit_text(entry, unit_field, place),
            "khen_thuong": entry.award,
            "so_vao_so": numbers[index] if numbers else "",
        })  # fmt: skip
    return {
        "giay_khen": certificates,
        "thanh_tich": fitted[ACHIEVEMENT_STYLE],
        "dia_danh_ngay": texts[DATE_STYLE],
        "quyet_dinh": texts[DECISION_STYLE],
        "chuc_danh": rich_runs(literal_markup(texts[TITLE_STYLE])),
        "nguoi_ky": signer.ho_ten,
        TEST_PRINT: data.in_thu,
    }


def fitted_fields(
    texts: dict[str, str], layout: PhoiLayout, origins: Origins
) -> dict[str, str | Markup]:
    """Each shared text as its field prints it: the thành tích shrunk to end before the field
    below it, the others at their style's size (the office's wording, its signer: reworded or
    the phôi's field moved, never printed smaller than the phôi was made for); any refused
    (fitted_text). The số vào sổ line is measured at its widest number."""
    where: dict[str, Callable[[], Origin]] = {
        ACHIEVEMENT_STYLE: origins.achievement,
        DATE_STYLE: lambda: origins.phrase("giay_khen_ngay"),
        DECISION_STYLE: lambda: origins.phrase("giay_khen_quyet_dinh"),
        TITLE_STYLE: lambda: origins.signer("chuc_vu"),
        SIGNER_STYLE: lambda: origins.signer("ho_ten"),
        NUMBER_STYLE: lambda: origins.phrase("giay_khen_so_vao_so"),
    }
    smallest = {ACHIEVEMENT_STYLE: SMALLEST_ACHIEVEMENT_PT}
    return {
        style: fitted_text(text, layout.field(style, smallest.get(style)), where[style])
        for style, text in texts.items()
    }
