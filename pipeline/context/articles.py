"""Điều, khoản and điểm of a Quyết định and of the Quy chế it issues, as khoi/dieu prints them.

Articles are numbered here, never in the data: through the decision, and through every Chương of
a Quy chế (Chương I ends at Điều 4, Chương II starts at Điều 5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.context.common import block_context, body_runs, closing
from pipeline.context.sections import items_context
from pipeline.context.typed_numbers import article_text
from pipeline.model.blocks import Block, DashList, PointList
from pipeline.model.ke_hoach import Item
from pipeline.model.quyet_dinh import Article, Regulation
from pipeline.rules.numbering import roman
from pipeline.text.lead_in import leads_in


@dataclass(frozen=True)
class Written:
    """One article before numbering: the text after 'Điều N.', its paragraphs, its khoản and
    the paragraphs after them."""

    mo_dau: str
    doan: list[Block] = field(default_factory=list)
    khoan: list[Item] = field(default_factory=list)
    heading: bool = False  # a title alone on the line of 'Điều N.', the text under it
    doan_sau: list[Block] = field(default_factory=list)


# What a title may already end with; any other ending gets a full stop before the text runs on.
TITLE_ENDINGS = (".", "!", "?", ":", "…")


def run_in_title(title: str) -> str:
    """A title followed by its text on the same line, ended with a full stop when the clerk
    left it out ("Điều 2. Kinh phí. Kinh phí tổ chức ..."), else the bold title runs into the
    text's first sentence; one typed with its period, "!", "?" or ":" prints as typed."""
    text = title.rstrip()
    return text if text.endswith(TITLE_ENDINGS) else f"{text}."


def written(article: Article) -> Written:
    """An article of the data: its bold title, then the text on the same line; a title with
    no text after it stands alone on the line of 'Điều N.' as typed ("Phạm vi điều chỉnh")."""
    heading = bool(article.tieu_de) and not article.noi_dung
    title = article_text(article.tieu_de) if article.tieu_de else ""
    if title and not heading:
        title = run_in_title(title)
    title = f"**{title}**" if title else ""
    body = article_text(article.noi_dung or "") if not title else article.noi_dung or ""
    text = " ".join(part for part in (title, body) if part)
    return Written(text, list(article.doan), list(article.khoan), heading, list(article.doan_sau))


def closed_blocks(blocks: list[Block]) -> list[Block]:
    """Paragraphs whose last line ends with './.' (a dash line or điểm, or a paragraph)."""
    *head, tail = blocks
    if isinstance(tail, DashList):
        return [*head, DashList(gach=[*tail.gach[:-1], closing(tail.gach[-1])])]
    if isinstance(tail, PointList):
        return [*head, PointList(diem=[*tail.diem[:-1], closing(tail.diem[-1])])]
    return [*head, closing(tail)]


def closed_item(item: Item) -> Item:
    """A khoản whose last paragraph ends with './.'."""
    if item.doan:
        return item.model_copy(update={"doan": closed_blocks(item.doan)})
    if item.noi_dung:
        return item.model_copy(update={"noi_dung": closing(item.noi_dung)})
    return item


def closed(articles: Sequence[Written]) -> list[Written]:
    """The articles with the last paragraph of the last one ending './.'."""
    *head, last = articles
    # Written's fields set directly (dataclasses.replace works them out for every decision).
    mo_dau, doan, khoan, doan_sau = last.mo_dau, last.doan, last.khoan, last.doan_sau
    if doan_sau:
        doan_sau = closed_blocks(doan_sau)
    elif khoan:
        *items, final = khoan
        khoan = [*items, closed_item(final)]
    elif doan:
        doan = closed_blocks(doan)
    else:
        mo_dau = closing(mo_dau)
    return [*head, Written(mo_dau, doan, khoan, last.heading, doan_sau)]


def article_context(number: int, article: Written, *, last: bool) -> dict[str, Any]:
    """What khoi/dieu prints for one article: its text, paragraphs, khoản and the paragraphs
    after them (`doan_sau`); `cuoi`: a last one-line article, kept with what follows it (the
    signature); `cau_dan`: its text introduces its paragraphs or khoản ("... gồm các nội dung
    sau:"), kept with them. A new line in its text starts a paragraph; a bullet typed before
    it is dropped ("Điều 2." is its mark), one before a later paragraph prints "- "
    (typed_bullets)."""
    return {
        "so": number,
        "mo_dau": body_runs(article.mo_dau, "drop"),
        "doan": [block_context(b) for b in article.doan],
        "khoan": items_context(article.khoan),
        "doan_sau": [block_context(b) for b in article.doan_sau],
        "cuoi": last and not (article.doan or article.khoan or article.doan_sau),
        "cau_dan": not article.heading and leads_in(article.mo_dau),
        "tieu_de_rieng": article.heading,
    }


def articles_context(articles: Sequence[Written], start: int = 1) -> list[dict[str, Any]]:
    """Điều `start`, `start` + 1 ... of a list of articles whose last one closes the text."""
    return [
        article_context(number, article, last=number == start + len(articles) - 1)
        for number, article in enumerate(articles, start=start)
    ]


def chapters_context(regulation: Regulation) -> list[dict[str, Any]]:
    """Chương I, II ... (Roman) with their titles upper-cased and Điều numbered through them;
    a Quy chế without chapters is one part without a heading."""
    parts: list[tuple[str | None, list[Article]]] = [
        (c.tieu_de, c.dieu) for c in regulation.chuong
    ] or [(None, regulation.dieu)]
    every = closed([written(a) for _, articles in parts for a in articles])
    chapters: list[dict[str, Any]] = []
    start = 1
    for number, (title, articles) in enumerate(parts, start=1):
        own = every[start - 1 : start - 1 + len(articles)]
        chapters.append(
            {
                "so": roman(number) if title is not None else None,
                "tieu_de": " ".join(title.split()).upper() if title is not None else None,
                "cac_dieu": [
                    article_context(n, a, last=n == len(every))
                    for n, a in enumerate(own, start=start)
                ],
            }
        )
        start += len(articles)
    return chapters
