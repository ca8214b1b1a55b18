"""A Quyết định's articles and what it issues: Điều numbered in order (through the Chương of an
issued Quy chế, and in a draft decision after a Tờ trình), Chương I, II ... in order and in their
form, and every '(... kèm theo Quyết định số ... ngày ...)' line naming the decision's own number
and date."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.rules.numbering import roman
from pipeline.verify.document import Document, Paragraph
from pipeline.verify.layout import Layout, flat, is_decision_label
from pipeline.verify.own_reference import cited_decisions, own_date, own_number
from pipeline.verify.report import Report, literal, msg
from pipeline.verify.rules_body import check_running_text
from pipeline.verify.rules_recipients import check_template_executors
from pipeline.verify.specs import Spec, check_format
from pipeline.verify.typed_emphasis import attached_subjects, check_typed_title

LABEL = "QUYẾT ĐỊNH:"
ARTICLE_NUMBER = re.compile(r"^Điều\s+(?P<number>\d+)\.")
CHAPTER = re.compile(r"^Chương\s+(?P<number>[IVXLCDM]+)$")
# The shared block a decision template prints each Điều with.
ARTICLES_BLOCK = re.compile(r"""\binclude\s+["']khoi/dieu["']""")
SPECS = {
    # Nghị định 30/2020, Phụ lục I: "Chương" and its Roman number bold, centred, 13–14 pt; the
    # chapter's title under it upper-case, bold, centred.
    "chuong": Spec((13, 14), bold=True, italic=False, align="center"),
    "chuong_tieu_de": Spec((13, 14), bold=True, italic=False, case="upper", align="center"),
}


def check_decision(doc: Document, layout: Layout, report: Report) -> None:
    """A decision's articles, the parts it issues and the lines that name it; the title and
    articles of a document printed after any signature (a Tờ trình's draft decision)."""
    decision = layout.type_code == "quyet_dinh"
    if layout.template:
        if decision:
            _template_label(doc, layout, report)
            check_template_executors(doc, layout, report)
        return
    if decision:
        _label(layout.body, layout.quyet_dinh, report)
        _label_colon(layout.body, layout.quyet_dinh, report)
        _articles(layout.body, report)
    for part in layout.attached:
        check_format(report, "ten_loai", part.title)
        if part.trich_yeu is not None:  # printed from the data: its emphasis as typed
            check_typed_title(doc, report, "trich_yeu", [part.trich_yeu], attached_subjects)
        if part.kem_theo is not None:
            check_format(report, "phu_luc_kem_theo", part.kem_theo)
        check_running_text(doc, part.body, report)
        _articles(part.body, report)
        _chapters(part.body, report)
    if decision:
        lines = [a.attached for a in layout.appendices] + [p.kem_theo for p in layout.attached]
        _attached_lines([p for p in lines if p is not None], layout, report)


def _label(body: list[Paragraph], labels: list[Paragraph], report: Report) -> None:
    """"QUYẾT ĐỊNH:" on a line of its own above Điều 1. (Phụ lục I: upper-case, bold, centred);
    a line that is the label written otherwise ("Quyết định:") is quoted."""
    first = next((p for p in body if ARTICLE_NUMBER.match(flat(p.text))), None)
    if first is None or any(p.index < first.index for p in labels):
        return
    near = next((p for p in body if p.index < first.index and is_decision_label(p.text)), None)
    found = literal(flat(near.text)) if near is not None else msg("absent")
    report.add("quyet_dinh.missing", (near or first).where, found, msg("decision_label"))


def _label_colon(
    articles: Iterable[Paragraph], labels: list[Paragraph], report: Report
) -> None:
    """The label above the articles written with its colon: Phụ lục I's line is "QUYẾT ĐỊNH:"
    (the articles follow from it); "QUYẾT ĐỊNH" alone reads as the type name. `articles`: the
    paragraphs whose first article the label stands above."""
    first = next((p for p in articles if _prints_articles(p)), None)
    if first is None:
        return
    above = [p for p in labels if p.index < first.index]
    if above and not flat(above[-1].text).endswith(":"):
        label = above[-1]
        report.add("quyet_dinh.colon", label.where, literal(flat(label.text)), literal(LABEL))


def _template_label(doc: Document, layout: Layout, report: Report) -> None:
    """A decision template: "QUYẾT ĐỊNH:" above the paragraph that prints the articles (an
    include of khoi/dieu, or "Điều ..." written in the template)."""
    body = [p for p in doc.paragraphs if p.cell is None]
    first = next((p for p in body if _prints_articles(p)), None)
    if first is None:
        return
    if any(p.index < first.index for p in layout.quyet_dinh):
        _label_colon(body, layout.quyet_dinh, report)
        return
    report.add("quyet_dinh.missing", first.where, msg("absent"), msg("decision_label"))


def _prints_articles(p: Paragraph) -> bool:
    text = flat(p.text)
    return bool(ARTICLES_BLOCK.search(text)) or text.startswith("Điều ")


def _articles(paragraphs: Iterable[Paragraph], report: Report) -> None:
    """Điều 1., Điều 2. ... each one more than the one before (first one: Điều 1.); none
    without content (text after its number, or paragraphs before the next Điều)."""
    wanted = 1
    empty: Paragraph | None = None  # the last article, while nothing has followed its number
    for p in paragraphs:
        text = flat(p.text)
        match = ARTICLE_NUMBER.match(text)
        if not match:
            if text and not CHAPTER.match(text):
                empty = None
            continue
        _empty_article(empty, report)
        empty = p if not text[match.end() :].strip() else None
        number = int(match["number"])
        if number != wanted:
            report.add(
                "dieu.order", p.where, literal(f"Điều {number}."), literal(f"Điều {wanted}.")
            )
        wanted = number + 1
    _empty_article(empty, report)


def _empty_article(article: Paragraph | None, report: Report) -> None:
    if article is not None:
        text = flat(article.text)
        report.add("dieu.empty", article.where, literal(text), msg("article_content"))


def _chapters(paragraphs: list[Paragraph], report: Report) -> None:
    """Chương I, II ... in order; the word and number, then the title, in their form."""
    wanted = 1
    for n, p in enumerate(paragraphs):
        match = CHAPTER.match(flat(p.text))
        if not match:
            continue
        if match["number"] != roman(wanted):
            report.add(
                "chuong.order", p.where, literal(f"Chương {match['number']}"),
                literal(f"Chương {roman(wanted)}"),
            )  # fmt: skip
        wanted += 1
        check_format(report, "chuong", p, SPECS["chuong"])
        if n + 1 < len(paragraphs) and paragraphs[n + 1].alignment == "center":
            check_format(report, "chuong_tieu_de", paragraphs[n + 1], SPECS["chuong_tieu_de"])


def _attached_lines(lines: list[Paragraph], layout: Layout, report: Report) -> None:
    """'kèm theo Quyết định số X ngày D' names this decision's Số and date."""
    number, dated = own_number(layout), own_date(layout)
    for cited in cited_decisions(lines):
        p = cited.paragraph
        if number is not None and cited.number != number:
            report.add("kem_theo.so", p.where, literal(cited.number), literal(number))
        if dated is not None and cited.dated.text != dated.text:
            report.add(
                "kem_theo.ngay", p.where, literal(f"ngày {cited.dated.text}"),
                literal(f"ngày {dated.text}"),
            )  # fmt: skip
