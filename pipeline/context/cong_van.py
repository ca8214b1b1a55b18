"""Context of a Công văn: 'V/v ...' under Số, Kính gửi, the answer's opening, text and './.'."""

from __future__ import annotations

from typing import Any

from pipeline.context.addressing import addressed_recipients, kinh_gui_context
from pipeline.context.common import DocumentInfo, block_context, closing, common_context
from pipeline.model.cong_van import LetterData
from pipeline.render.fragments import rich_runs
from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import date_phrase

ABOUT = "V/v"


def about_line(subject: str) -> str:
    """The trích yếu without a 'V/v' a clerk may have typed (the template prints it)."""
    text = subject.strip()
    if text[: len(ABOUT)].lower() == ABOUT.lower():
        text = text[len(ABOUT) :].lstrip(" :.")
    return text


def letter_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/cong-van.docx prints."""
    data = info.data
    assert isinstance(data, LetterData)
    context = common_context(info, styles)
    opening: list[dict[str, Any]] = []
    if data.tra_loi is not None:
        answered = data.tra_loi
        values = {
            "so_den": answered.so,
            "ngay_den": date_phrase(answered.ngay),
            "noi_gui": answered.cua,
            "ve_viec_den": answered.ve_viec,
        }
        opening = [block_context(info.write("tra_loi", values))]
    context.update(
        trich_yeu_cong_van=rich_runs(about_line(data.trich_yeu)),
        kinh_gui=kinh_gui_context(data.kinh_gui),
        noi_dung=opening + [block_context(b) for b in data.noi_dung],
        ket_thuc=rich_runs(closing(data.ket_thuc)),
        noi_nhan=addressed_recipients(info, context["noi_nhan"]),
    )
    return context
