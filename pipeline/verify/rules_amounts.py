"""Amounts in tables on one line of their cell (bang.so_tien_mot_dong), and what to do when one
is not: the advice depends on which template the table was printed from.

An amount wider than its cell is wrapped inside the number ("131.780.00" / "0"), which reads as
another sum. Any table of a rendered document is checked: a decision's Danh sách and Phụ lục,
a Báo cáo's tables of figures (templates/khoi/bang-so-lieu.docx), an office's own tables.

Which template a table comes from is read off its grid (its columns' widths): the templates in
force for the document's workspace (its own folder of templates, then vanthu's built-in ones)
are searched for a table with the same columns. Found in the office's own copy, that copy is
what to widen; found in vanthu's built-in templates, there is nothing for the clerk to edit
(the built-in money columns hold any amount up to tens of tỷ: a longer one is to be checked);
found nowhere, the document was made with other templates (an earlier vanthu's built-in
ones, an office template since changed) or its columns were changed by hand, and rendering it
again prints it with the templates in force.

A count is grouped with dots as an amount is ("10.500" lượt): a figure under a heading that
names no money (Cá nhân, Tập thể, Năm 2025) is a count, said in a count's words
(bang.so_luong_mot_dong); one under a money heading (Số tiền (đồng)), or with no heading found,
is an amount.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from pipeline.errors import VanthuError
from pipeline.rules.metrics import text_width_pt
from pipeline.rules.money import format_money
from pipeline.verify.document import Cell, Document, Paragraph, Table
from pipeline.verify.layout import Layout, flat
from pipeline.verify.ooxml import q, table_grid
from pipeline.verify.report import Msg, Report, literal, msg
from pipeline.verify.rules_header import WRAP_SLACK_PT, lines_wider_than

# An amount as vanthu prints it in a table: thousands grouped with dots ("131.780.000").
AMOUNT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
# The most digits an amount is tried with when saying what a column holds (a thousand tỷ).
MOST_DIGITS = 16
BUILTIN, OFFICE, ELSEWHERE = "builtin", "office", "elsewhere"
# Words of a column heading that say its figures are money: Số tiền (đồng), Thành tiền, Kinh phí.
MONEY_HEADING_WORDS = ("tiền", "đồng", "kinh phí")
# How far apart (twips) two cells' left edges may be and still start one column.
SAME_EDGE_TWIPS = 20


def check_amounts(doc: Document, layout: Layout, report: Report) -> None:
    """Each amount of a table on one line of its cell, measured in its own size and weight
    (a total row's bold). Templates are left out: their cells hold tags, not amounts."""
    if layout.template:
        return
    origins: dict[int, TableOrigin] = {}  # each table's looked up once, and only when needed
    for p in doc.paragraphs:
        cell = p.cell
        if cell is None or cell.table is layout.header_table or not AMOUNT.match(flat(p.text)):
            continue
        if not lines_wider_than(p, cell.available_pt):
            continue
        table = cell.table
        if table.number not in origins:
            origins[table.number] = table_origin(doc, table)
        mm = round((cell.width or 0) / 1440 * 25.4, 1)
        heading = column_heading(cell)
        if heading is not None and not names_money(heading):
            advice = _count_advice(origins[table.number], p, cell.available_pt, mm, heading)
            report.add("bang.so_luong_mot_dong", p.where, literal(p.text), advice)
            continue
        advice = _advice(origins[table.number], p, cell.available_pt, mm)
        report.add("bang.so_tien_mot_dong", p.where, literal(p.text), advice)


def _advice(origin: TableOrigin, p: Paragraph, available: float | None, mm: float) -> Msg:
    """What the clerk can do about an amount its column cannot hold, by where the table was
    printed from (module docstring)."""
    if origin.kind == OFFICE:
        return msg("amount_one_line", mm=mm, file=origin.file, template=origin.template)
    if origin.kind == BUILTIN:
        return msg("amount_one_line_builtin", mm=mm, longest=longest_amount(p, available))
    return msg("amount_one_line_rerender", mm=mm)


def _count_advice(origin: TableOrigin, p: Paragraph, available: float | None, mm: float,
                  heading: str) -> Msg:
    """What the clerk can do about a count its column (headed `heading`) cannot hold, by
    where the table was printed from, as _advice says of an amount."""
    if origin.kind == OFFICE:
        return msg("count_one_line", heading=heading, mm=mm, file=origin.file,
                   template=origin.template)
    if origin.kind == BUILTIN:
        return msg("count_one_line_builtin", heading=heading, mm=mm,
                   longest=longest_amount(p, available))
    return msg("count_one_line_rerender", heading=heading, mm=mm)


def names_money(heading: str) -> bool:
    """Whether a column heading says its figures are money (Số tiền (đồng)), not counts."""
    words = heading.casefold()
    return any(word in words for word in MONEY_HEADING_WORDS)


def column_heading(cell: Cell) -> str | None:
    """The text of the first row's cell over `cell`'s column, matched by its left edge (a
    total row's label spans two columns, so a cell's index is not its column); None for a
    cell of the first row, or when no heading cell starts where it does."""
    table = cell.table
    if cell.row == 1 or not table.rows:
        return None
    left = left_edge(cell)
    if left is None:
        return None
    for head in table.rows[0]:
        edge = left_edge(head)
        if edge is not None and abs(edge - left) <= SAME_EDGE_TWIPS:
            return flat(" ".join(part.text for part in head.paragraphs)) or None
    return None


def left_edge(cell: Cell) -> int | None:
    """Where `cell` starts in its row (twips from the row's first cell); None when a cell
    before it has no width."""
    before = cell.table.rows[cell.row - 1][: cell.column - 1]
    widths = [c.width for c in before]
    if any(w is None for w in widths):
        return None
    return sum(w for w in widths if w is not None)


def longest_amount(p: Paragraph, available: float | None) -> str:
    """The longest amount of nines ("99.999.999.999") `available` points hold on one line in
    p's size and weight: what the built-in column is made for, said beside an amount (or a
    count, grouped as an amount is) it cannot hold."""
    runs = p.visible_runs
    size = max(r.size for r in runs)
    bold = all(r.bold for r in runs)
    longest = "0"
    if available is None:
        return longest
    for digits in range(1, MOST_DIGITS + 1):
        amount = format_money(10**digits - 1)
        if text_width_pt(amount, size, bold=bold) > available + WRAP_SLACK_PT:
            break
        longest = amount
    return longest


@dataclass(frozen=True)
class TableOrigin:
    """Where a table was printed from: vanthu's built-in templates, the office's own template
    `file` (named `template` as `vanthu templates copy` takes it), or none of those in force."""

    kind: str
    file: str = ""
    template: str = ""


def table_origin(doc: Document, table: Table) -> TableOrigin:
    """The template in force (for the workspace holding `doc`) printing a table with `table`'s
    columns; ELSEWHERE when none does, or when the templates cannot be read."""
    from pipeline.paths import shown
    from pipeline.render.compose import FRAME_NAME
    from pipeline.workspace import Workspace

    if not table.grid:
        return TableOrigin(ELSEWHERE)
    try:
        library = Workspace.containing(doc.path).templates
        names = [FRAME_NAME, *library.type_names(), *library.block_names()]
        for name in names:
            path = library.file(name)
            if table.grid not in _grids_of(path):
                continue
            if library.is_override(name):
                return TableOrigin(OFFICE, shown(path), name)
            return TableOrigin(BUILTIN)
    except (VanthuError, OSError):
        pass
    return TableOrigin(ELSEWHERE)


def _grids_of(path: Path) -> frozenset[tuple[int, ...]]:
    """The grids of every table of template `path` (none when it cannot be read)."""
    try:
        return _grids(path, path.stat().st_mtime_ns)
    except OSError:
        return frozenset()


@lru_cache(maxsize=128)  # verify of a whole outputs folder asks of the same templates
def _grids(path: Path, stamp: int) -> frozenset[tuple[int, ...]]:
    """The grids of `path`'s tables as it stood at `stamp` (its mtime)."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = etree.fromstring(archive.read("word/document.xml"))
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError):
        return frozenset()
    return frozenset(table_grid(table) for table in root.iter(q("w:tbl")))
