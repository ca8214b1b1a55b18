"""Context of a Công văn: 'V/v ...' under Số, Kính gửi, the answer's opening, text and './.'."""

from __future__ import annotations

from functools import cache
from typing import Any

from pipeline.context.addressing import addressed_recipients, kinh_gui_context
from pipeline.context.common import (
    DocumentInfo,
    block_context,
    closing_runs,
    columns_for,
    common_context,
    header_names,
    without_decree_mark,
)
from pipeline.context.signature_room import recipients_context
from pipeline.context.title_lines import title_lines
from pipeline.errors import InputError
from pipeline.load.attachments import NoAttachments
from pipeline.load.contract import Attached, Resolver
from pipeline.load.yaml_source import Source
from pipeline.model.cong_van import LetterData
from pipeline.render.builtin import builtin_templates
from pipeline.render.form import twips_to_mm
from pipeline.render.fragments import rich_runs
from pipeline.render.package import Package
from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import date_phrase
from pipeline.rules.metrics import CELL_PADDING_TWIPS, TWIPS_PER_POINT

ABOUT = "V/v"
ABOUT_IN_FULL = "Về việc"  # what "V/v" abbreviates
ABOUT_STYLE = "TrichYeuCongVan"  # the V/v block under Số (templates/khung.docx: 12 pt)
# The most lines a V/v block may take before its trích yếu is said to be too long. The block
# stands in the header's left column, beside the date line: the usual column (3543 twips, its
# cell padding aside about 59 mm) holds some 30 characters a line at 12 pt, so four lines carry
# some 120 characters, 25 words, as much as a Quyết định's trích yếu says in two lines across
# the page. A longer one is a paragraph of the letter in the header, pushing Kính gửi and the
# text down, where Nghị định 30 asks for a short summary of what the letter is about. Counted
# in lines as printed, not in characters: a column widened for a long agency name holds more
# a line, and the height of the block is what the page shows.
MOST_ABOUT_LINES = 4


def about_line(subject: str) -> str:
    """The trích yếu without a 'V/v' (or the 'Về việc' it stands for) a clerk may have typed:
    the template prints 'V/v'."""
    text = subject.strip()
    for label in (ABOUT, ABOUT_IN_FULL):  # in this order: "V/v Về việc ..." typed too
        if text[: len(label)].casefold() == label.casefold():
            rest = text[len(label) :].lstrip(" :.")
            # "Về việc" opens the text only as a label, a word away from what follows it.
            if rest and (label == ABOUT or text[len(label)] in " :"):
                text = rest
    return text


def about_lines(subject: str, styles: StyleSheet, column_twips: int) -> tuple[str, ...]:
    """The V/v block as printed under Số: "V/v" and the trích yếu in even lines that each fit
    the header's left column `column_twips` wide (its cell padding included), broken between
    phrases as a centred title is (title_lines), never "V/v" alone nor a last word alone: the
    page would break it wherever a line runs out ("… huyện Mai" / "Sơn")."""
    run = styles.paragraph_style_run(ABOUT_STYLE)
    width = (column_twips - CELL_PADDING_TWIPS) / TWIPS_PER_POINT
    typed = f"{ABOUT} {about_line(subject)}"
    return title_lines(typed, run.size or 12, width, bold=bool(run.bold), upper=False)


def about_text(lines: tuple[str, ...]) -> str:
    """The V/v block's lines as the template's slot takes them: without the "V/v" it prints
    itself before them."""
    first, *rest = lines
    return "\n".join((first[len(ABOUT) :].lstrip(), *rest))


@cache
def _builtin_styles() -> StyleSheet:
    """The styles of vanthu's own frame (khung.docx), read once; read from the package, not
    through render.compose, which the kinds (and so this module) are below."""
    return StyleSheet(Package.read(builtin_templates() / "khung.docx").parts["word/styles.xml"])


def letter_attachments(data: LetterData, source: Source, resolver: Resolver) -> Attached:
    """No attachments; a warning while the Công văn loads (so check, render and build say it)
    when its V/v block needs more than MOST_ABOUT_LINES lines under Số. Measured with the
    frame's own styles and the header's left column as this agency's lines size it; an
    office's template restyling the block may print it a line longer or shorter."""
    agency, _ = resolver.agency(data.co_quan, source)
    styles = _builtin_styles()
    column = columns_for(*header_names(agency, styles), styles, agency.dia_danh)["trai"]
    lines = about_lines(data.trich_yeu, styles, column)
    if len(lines) <= MOST_ABOUT_LINES:
        return Attached(NoAttachments())
    # At its line and field, without the file: the document's warnings are said after its
    # file's name (named_warnings, check, build), as the date warnings are.
    warning = InputError(
        "data.about_too_long", line=source.line_of(("trich_yeu",)), field="trich_yeu",
        lines=len(lines), most=MOST_ABOUT_LINES,
        width=round(twips_to_mm(column - CELL_PADDING_TWIPS)),
    )  # fmt: skip
    return Attached(NoAttachments(), warnings=(warning,))


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
        opening = [block_context(info.sentence("tra_loi", values))]
    context.update(
        trich_yeu_cong_van=rich_runs(
            about_text(about_lines(data.trich_yeu, styles, context["dau_trang"]["trai"]))
        ),
        kinh_gui=kinh_gui_context(data.kinh_gui),
        noi_dung=opening + [block_context(b, without_decree_mark) for b in data.noi_dung],
        ket_thuc=closing_runs(data.ket_thuc),
        **recipients_context(addressed_recipients(info, context["noi_nhan"]), context, styles),
    )
    return context
