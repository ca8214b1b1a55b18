"""The header and the signature sit in tables without borders (Phụ lục I, ô 1–4 and ô 7–9)."""

from __future__ import annotations

from pipeline.verify.document import Document, Paragraph, Table
from pipeline.verify.layout_model import Layout
from pipeline.verify.report import Location, Report, msg


def check_borders(doc: Document, layout: Layout, report: Report) -> None:
    """A line printed around or between the cells of the header's or the signature's table:
    one violation per table, at its first cell that prints one."""
    del doc  # every check takes it; the tables hang from the layout's paragraphs
    header = [layout.quoc_hieu, layout.tieu_ngu, *layout.co_quan_chu_quan, *layout.co_quan,
              layout.so_ky_hieu, layout.dia_danh_ngay]  # fmt: skip
    signature = [layout.noi_nhan_tieu_de, *layout.chu_ky_tham_quyen, layout.chu_ky_ho_ten,
                 *layout.chu_ky_trai_tham_quyen, layout.chu_ky_trai_ho_ten]  # fmt: skip
    seen: set[int] = set()
    found = (("header.borders", header, layout.header_table), ("chu_ky.borders", signature, None))
    for rule, paragraphs, extra in found:
        for table in _tables_of(paragraphs, extra):
            if table.number in seen:
                continue
            seen.add(table.number)
            lined = next((cell for cell in table.cells() if cell.borders), None)
            if lined is None:
                continue
            where = Location("cell", table=table.number, row=lined.row, column=lined.column,
                             paragraph=1 if lined.paragraphs else None)  # fmt: skip
            report.add(rule, where, msg("borders"), msg("no_borders"))


def _tables_of(paragraphs: list[Paragraph | None], extra: Table | None) -> list[Table]:
    """The tables holding `paragraphs` (and `extra`), in document order, each once."""
    tables = [p.cell.table for p in paragraphs if p is not None and p.cell is not None]
    if extra is not None:
        tables.append(extra)
    unique = {table.number: table for table in tables}
    return [unique[number] for number in sorted(unique)]
