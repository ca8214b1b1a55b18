"""Context of a Giấy mời: Trân trọng kính mời, Thời gian with its computed weekday, Địa điểm,
Nội dung, Thành phần, './.'; every label is câu chữ."""

from __future__ import annotations

from typing import Any

from pipeline.context.addressing import addressed_recipients, addressee_names
from pipeline.context.common import (
    DocumentInfo,
    block_context,
    closing,
    common_context,
    listed,
    without_decree_mark,
)
from pipeline.context.signature_room import recipients_context
from pipeline.model.blocks import Block, DashList
from pipeline.model.giay_moi import InvitationData
from pipeline.render.fragments import literal_markup, paragraph_runs
from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import weekday_date


def _value(text: str) -> str:
    """A value that a phrase closes itself: no '.' or ';' of its own."""
    return text.rstrip().rstrip(".;").rstrip()


def attendance_blocks(info: DocumentInfo, attending: str | list[str] | None) -> list[Block]:
    """Thành phần: one line 'Thành phần: X.' for one (typed as a line or a one-item list, as
    Kính gửi prints one recipient), else 'Thành phần:' and its '- ...;' lines."""
    if not attending:
        return []
    names = addressee_names(attending)
    if len(names) == 1:
        return [info.sentence("thanh_phan", {"thanh_phan": _value(names[0])})]
    return [info.write("thanh_phan_danh_sach"), listed([literal_markup(n) for n in names])]


def invitation_blocks(info: DocumentInfo) -> list[Block]:
    """The paragraphs of the invitation, in order, before the closing './.' is added."""
    data = info.data
    assert isinstance(data, InvitationData)
    blocks: list[Block] = list(data.mo_dau)
    invite = info.write("kinh_moi")
    guests = addressee_names(data.kinh_moi)
    # One guest, typed as a line or as a one-item list, is the single form (as Kính gửi is).
    if len(guests) == 1:
        blocks.append(f"{invite} {literal_markup(guests[0])}.")
    else:
        blocks += [invite, listed([literal_markup(g) for g in guests])]
    when = data.thoi_gian
    hours = when.gio
    if when.den:
        hours = info.write("khoang_gio", {"bat_dau": when.gio, "ket_thuc": when.den})
    blocks.append(info.write("thoi_gian", {"gio": hours, "thu_ngay": weekday_date(when.ngay)}))
    blocks.append(info.sentence("dia_diem", {"dia_diem": _value(data.dia_diem)}))
    if data.noi_dung:
        blocks.append(info.sentence("noi_dung_moi", {"noi_dung": _value(data.noi_dung)}))
    blocks += attendance_blocks(info, data.thanh_phan)
    if data.ket_thuc:
        blocks.append(data.ket_thuc)
    return blocks


def invitation_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/giay-moi.docx prints: the last line closes with './.'."""
    context = common_context(info, styles)
    blocks = invitation_blocks(info)
    last = blocks.pop()
    if isinstance(last, DashList):
        *lines, final = last.gach
        if lines:
            blocks.append(DashList(gach=lines))
        last_line = f"- {closing(final)}"
    else:
        assert isinstance(last, str)
        last_line = closing(last)
    context.update(
        noi_dung=[block_context(b, without_decree_mark) for b in blocks],
        ket_thuc=paragraph_runs(last_line),
        **recipients_context(addressed_recipients(info, context["noi_nhan"]), context, styles),
    )
    return context
