"""Mục and khoản of running text (Kế hoạch, Báo cáo; khoản of an Điều): numbered, text filled in."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from pipeline.context.common import block_context, body_runs, same
from pipeline.context.typed_numbers import RECORD_HOLDERS, Loc, item_text, section_title
from pipeline.errors import InputError
from pipeline.model.ke_hoach import Item, Section
from pipeline.model.quyet_dinh import Article
from pipeline.render.fragments import paragraph_runs
from pipeline.rules.numbering import roman
from pipeline.text.lead_in import leads_in

if TYPE_CHECKING:
    from pipeline.load.yaml_source import Source

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


# A record's keys of its paragraphs printed before its items, of the items, and of its
# paragraphs printed after them (Section.PARAGRAPHS_AROUND, Article's alike).
Around = tuple[str, str, str]
# The key of a Mục's (and an Điều's) paragraphs printed before its items, as the file's lines
# name it.
_BEFORE = (Section.PARAGRAPHS_AROUND[0],)


def _paragraphs_around(value: object, loc: Loc) -> Iterator[tuple[Loc, BaseModel, Around]]:
    """Every record under `value` (a document's data, a record or a list of them) with
    paragraphs printed before and after its items (a Mục, an Điều), with where it stands and
    its keys."""
    if isinstance(value, list):
        for index, element in enumerate(value):
            if isinstance(element, RECORD_HOLDERS):
                yield from _paragraphs_around(element, (*loc, index))
    elif isinstance(value, BaseModel):
        around: Around | None = getattr(type(value), "PARAGRAPHS_AROUND", None)
        if around is not None:
            yield loc, value, around
        for name in type(value).model_fields:
            field = getattr(value, name)
            if isinstance(field, RECORD_HOLDERS):
                yield from _paragraphs_around(field, (*loc, name))


def _order_warning(record: BaseModel) -> str:
    """The warning's key for a record's `doan:` typed below its items, which says where those
    paragraphs print: after the line of 'Điều N.' for an Điều, under the title for a Mục (a
    plan's, a report's, a notice's)."""
    if isinstance(record, Article):
        return "data.article_paragraphs_typed_after_items"
    return "data.paragraphs_typed_after_items"


def _typed_below(source: Source, loc: Loc, upper: str, lower: str) -> bool:
    """Whether key `lower` of the mapping at `loc` is typed below (or, on one line, after) key
    `upper` in the file; a key without a line of its own (merged in with <<, or given by a
    program) never is."""
    upper_line, lower_line = source.lines.get((*loc, upper)), source.lines.get((*loc, lower))
    if upper_line is None or lower_line is None:
        return False
    if lower_line != upper_line:
        return lower_line > upper_line
    mapping: Any = source.data
    for part in loc:
        mapping = mapping[part]
    keys = list(mapping)  # one line, {khoan: [...], doan: [...]}: in the order typed
    return keys.index(lower) > keys.index(upper)


def paragraph_order_warnings(data: BaseModel, source: Source) -> tuple[InputError, ...]:
    """A warning at each Mục's (or Điều's) `doan:` typed below its `khoan:` (both filled): its
    paragraphs print right under the Mục's title (after the line of 'Điều N.'), before the
    khoản, whatever the order of the keys; those printed after the khoản are `doan_sau:`'s. A
    clerk copying a plan whose Mục ends with a line ("(Có nhiệm vụ trọng tâm kèm theo)"), or a
    decision whose Điều ends with one, types it last, as read."""
    from pipeline.load.yaml_source import dotted

    if not any(path[-1:] == _BEFORE for path in source.lines):
        return ()  # no `doan:` typed anywhere (an award decision): no record walked
    return tuple(
        InputError(_order_warning(record), line=source.line_of((*loc, before)),
                   field=dotted((*loc, before)), before=before, items=items, after=after)
        for loc, record, (before, items, after) in _paragraphs_around(data, ())
        if getattr(record, before) and getattr(record, items)
        and _typed_below(source, loc, items, before)
    )  # fmt: skip
