"""Mục and khoản of running text (Kế hoạch, Báo cáo; khoản of an Điều): numbered, text filled in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pipeline.context.common import block_context, body_runs, same
from pipeline.context.typed_numbers import item_text, section_title
from pipeline.model.ke_hoach import Item, Section
from pipeline.render.fragments import paragraph_runs
from pipeline.rules.numbering import roman
from pipeline.text.lead_in import leads_in

TablesOf = Callable[[Item], list[dict[str, Any]]]


def no_tables(item: Item) -> list[dict[str, Any]]:
    return []


def _item_body(item: Item) -> str:
    """A khoản's text, without a typed number when it is what follows the khoản's own."""
    assert item.noi_dung is not None
    return item.noi_dung if item.tieu_de else item_text(item.noi_dung)


def items_context(
    items: Sequence[Item], *, text: Callable[[str], str] = same, tables: TablesOf = no_tables
) -> list[dict[str, Any]]:
    """Khoản 1., 2. of a Mục or of an Điều: a heading or a numbered paragraph (a new line in
    either starts a paragraph of its kind, as in any body text; a bullet typed before the
    numbered text is dropped, as a typed number is), then its text."""
    return [
        {
            "so": number,
            "tieu_de": paragraph_runs(text(item_text(item.tieu_de))) if item.tieu_de else None,
            "noi_dung": (
                body_runs(text(_item_body(item)), "drop")
                if item.noi_dung else None
            ),
            # "2. Các nhiệm vụ sau:" is kept with what it introduces.
            "cau_dan": bool(item.noi_dung) and leads_in(_item_body(item)),
            "doan": [block_context(b, text) for b in item.doan],
            "bang": tables(item),
        }
        for number, item in enumerate(items, start=1)
    ]


def sections_context(
    sections: Sequence[Section], *, text: Callable[[str], str] = same, tables: TablesOf = no_tables
) -> list[dict[str, Any]]:
    """What khoi/cac-muc prints: Mục I., II. with khoản 1., 2. and their paragraphs and tables."""
    return [
        {
            "so": roman(number),
            "tieu_de": text(section_title(section.tieu_de)).upper(),
            "doan": [block_context(b, text) for b in section.doan],
            "khoan": items_context(section.khoan, text=text, tables=tables),
            "doan_sau": [block_context(b, text) for b in section.doan_sau],
        }
        for number, section in enumerate(sections, start=1)
    ]
