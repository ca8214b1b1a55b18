"""Context of a yearly Báo cáo: its text with figures filled in, and tables of those figures."""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

from pipeline.context.common import (
    DocumentInfo,
    block_context,
    closing_runs,
    common_context,
    without_decree_mark,
)
from pipeline.context.sections import sections_context
from pipeline.figures import (
    Count,
    Write,
    YearFigures,
    change,
    decree_awards,
    default_write,
    figure_values,
    format_count,
    in_running_text,
)
from pipeline.load.attachments import ReportAttachments
from pipeline.model.bao_cao import ReportData, ReportItem
from pipeline.model.ke_hoach import Item
from pipeline.rules.money import AwardKind, format_money
from pipeline.rules.phrases import fill_text


def award_order(
    figures: YearFigures, previous: YearFigures | None, award: str
) -> tuple[int, int, int, Decimal, str]:
    """Danh hiệu before hình thức, awards of people before those of collectives (as given
    this year, else last year for an award given only then), and of those the higher first:
    by the decree's hệ số (Chiến sĩ thi đua cơ sở before Lao động tiên tiến, Tập thể lao động
    xuất sắc before Tập thể lao động tiên tiến), an office's own awards after the decree's, by
    name."""
    count = figures.by_award.get(award)
    if count is None and previous is not None:
        count = previous.by_award[award]
    kinds = {**(previous.kinds if previous else {}), **figures.kinds}
    ranks = {**(previous.ranks if previous else {}), **figures.ranks}
    # An award no decree nor the office knows (a list without money may name any): counted
    # as a form.
    title = kinds.get(award) == AwardKind.TITLE
    rank = ranks.get(award)
    return (
        0 if title else 1,
        0 if count is not None and count.individuals else 1,
        0 if rank is not None else 1,
        -(rank or Decimal(0)),
        award,
    )


def award_name(figures: YearFigures, previous: YearFigures | None, award: str) -> str:
    """An award of the table as its row names it: as this year's lists spell it, else as last
    year's did (an award given only then)."""
    if award in figures.by_award or previous is None:
        return figures.award_name(award)
    return previous.award_name(award)


def table_words(
    write: Write, caption: str, number: int, year: int, name: str, *, awards: bool = False
) -> dict[str, Any]:
    """What a table prints besides its figures, each a phrase of the office's wording: its
    caption (`caption`, numbered `number`, of `year`), its column headings (the name column's
    `name`) and the total row's label. The awards table (`awards`) counts lượt, one per award
    given, and its headings say so ("Lượt cá nhân", "Lượt tập thể"): beside the units
    table and the text, which count each person once, its larger figures would read as a
    mistake."""
    fields = {"so": str(number), "nam": str(year), "nam_truoc": str(year - 1)}
    counted = "_luot" if awards else ""
    headings = {
        "stt": "bao_cao_cot_stt", "ten": name, "ca_nhan": f"bao_cao_cot_ca_nhan{counted}",
        "tap_the": f"bao_cao_cot_tap_the{counted}", "tien": "bao_cao_cot_so_tien",
        "nam_truoc": "bao_cao_cot_nam_truoc", "tang_giam": "bao_cao_cot_tang_giam",
    }  # fmt: skip
    return {
        "tieu_de": write(caption, fields),
        "cot": {column: write(key, fields) for column, key in headings.items()},
        "tong_cong": write("bao_cao_tong_cong", fields),
    }


def awards_table(
    figures: YearFigures,
    previous: YearFigures | None,
    number: int,
    none: str,
    write: Write = default_write,
) -> dict[str, Any]:
    """Table of awards by title and form, with last year's totals and the change; `none` in
    both when the year before has no decisions to compare with. A row counts the awards of its
    title or form, and Tổng cộng is the rows' sum (lượt, the text's {{ tong.luot }}): a table
    whose total is not the sum of its rows reads as a mistake. The units table and the text's
    {{ tong.* }} count people. The change is worded by `write` (figures.change)."""
    rows = []
    # An award given last year and not this one keeps its row (0 now), so that the column of
    # last year adds up to last year's awards.
    awards = dict.fromkeys([*figures.by_award, *(previous.by_award if previous else ())])
    order = partial(award_order, figures, previous)
    for index, award in enumerate(sorted(awards, key=order), 1):
        count = figures.by_award.get(award, Count())
        before = previous.by_award.get(award, Count()) if previous else None
        rows.append(
            {
                "stt": index,
                "ten": award_name(figures, previous, award),
                "ca_nhan": format_count(count.individuals),
                "tap_the": format_count(count.collectives),
                "tien": format_money(count.amount),
                "nam_truoc": format_count(before.total) if before else none,
                "tang_giam": change(count.total, before.total, write) if before else none,
            }
        )
    overall, before_all = figures.awarded(), previous.awarded() if previous else None
    words = table_words(
        write, "bao_cao_bang_khen_thuong", number, figures.year, "bao_cao_cot_khen_thuong",
        awards=True,
    )
    return {
        "kieu": "khen_thuong",
        **words,
        # The last year's column heading, as a template copied before bang.cot names it.
        "nam_truoc": words["cot"]["nam_truoc"],
        "dong": rows,
        "tong": {
            "ca_nhan": format_count(overall.individuals),
            "tap_the": format_count(overall.collectives),
            "tien": format_money(overall.amount),
            "nam_truoc": format_count(before_all.total) if before_all else none,
            "tang_giam": change(overall.total, before_all.total, write) if before_all else none,
        },
    }


def units_table(figures: YearFigures, number: int, write: Write = default_write) -> dict[str, Any]:
    """Table of awards by unit: the people and collectives of each unit, each once however many
    awards they were given, and the money of all their awards."""
    from pipeline.rules.collation import vietnamese_key

    by_unit = figures.by_unit  # worked out from the year's rows: once for the table
    names = {key: figures.unit_name(key) for key in by_unit}
    units = sorted(by_unit, key=lambda key: vietnamese_key(names[key]))
    return {
        "kieu": "don_vi",
        **table_words(write, "bao_cao_bang_don_vi", number, figures.year, "bao_cao_cot_don_vi"),
        "dong": [
            {
                "stt": index,
                "ten": names[unit] or "—",
                "ca_nhan": format_count(by_unit[unit].individuals),
                "tap_the": format_count(by_unit[unit].collectives),
                "tien": format_money(by_unit[unit].amount),
            }
            for index, unit in enumerate(units, start=1)
        ],
        "tong": {
            "ca_nhan": format_count(figures.overall.individuals),
            "tap_the": format_count(figures.overall.collectives),
            "tien": format_money(figures.overall.amount),
        },
    }


def report_context(info: DocumentInfo[ReportAttachments], styles: Any) -> dict[str, Any]:
    """Everything templates/bao-cao.docx prints."""
    report = info.data
    assert isinstance(report, ReportData)
    attached = info.attachments
    assert isinstance(attached, ReportAttachments)
    figures, previous = attached.figures, attached.previous
    # The figures as loaded (attached.values), their changes worded as this report's câu chữ
    # says (bao_cao_tang ...): the office's or its own wording, not vanthu's.
    values = figure_values(figures, previous, decree_awards(report.nam), info.write)
    filled = partial(fill_text, values=in_running_text(values))

    def text(typed: str) -> str:
        """A paragraph or title typed in the report, its figures filled in, without a typed
        "./." (common.without_decree_mark): the decree's mark closes ket_thuc only."""
        return without_decree_mark(filled(typed))

    none = info.write("bao_cao_khong_so_sanh")
    numbered = iter(range(1, 1000))

    def tables(item: Item) -> list[dict[str, Any]]:
        kinds = item.bang if isinstance(item, ReportItem) else []
        return [
            awards_table(figures, previous, next(numbered), none, info.write)
            if kind == "khen_thuong"
            else units_table(figures, next(numbered), info.write)
            for kind in kinds
        ]

    context = common_context(info, styles)
    context.update(
        mo_dau=[block_context(b, text) for b in report.mo_dau],
        cac_muc=sections_context(report.muc, text=text, tables=tables),
        ket_thuc=closing_runs(filled(report.ket_thuc)),
    )
    return context
