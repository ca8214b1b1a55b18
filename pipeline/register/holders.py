"""What a register holds at the number an output prints: the output's own row, another
document's, or none; and, for an output another register numbered, whether the register in use
holds its number for it. Read by documents (render, check) and switched (build) alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.register.location import register_key
from pipeline.register.model import Entry, Status
from pipeline.register.rows import same_symbol
from pipeline.register.store import Register

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry as ManifestEntry
    from pipeline.workspace.core import Workspace


# What the register that gave it says now of the number an output prints
# (printed_number_holder): the file's own, another document's, or nobody's.
OWN, TAKEN, LOST = "own", "taken", "lost"


def own_register_number(written: ManifestEntry) -> int | None:
    """The number output `written` (its manifest entry) prints that a register gave its own
    data file (so: tu_dong, the number recorded): what the register holds at that number
    says whether the output is current. None for a typed number, or a Giấy khen batch
    printing its decision's (`lender`: the decision's output says what became of it)."""
    return written.so if written.so_tu_dong and written.lender is None else None


def printed_number_holder(register: Register, written: ManifestEntry,
                          source: str) -> tuple[str, Entry | None]:
    """What `register` holds at the number the output of data file `source` prints (`written`,
    its manifest entry of a so: tu_dong document), in its office, year and the run its ký hiệu
    is numbered in, and that row: TAKEN, the row of another document (another data file, or
    none: a row an imported sổ brought, one entered by hand); LOST, no row; OWN, the file's
    own row, or one naming no file that records its date and ký hiệu (the same document,
    typed into the sổ)."""
    year = written.ngay[:4]
    if written.so is None or not year.isdigit():
        return OWN, None
    symbol = written.so_ky_hieu.partition("/")[2].strip() or None
    row = register.number_holder(written.co_quan, int(year), written.so, symbol)
    if row is None:
        return LOST, None
    if row.source == source and row.workspace in (None, register.workspace):
        return OWN, row
    if (row.source is None and row.status is not Status.VOID
            and row.details.doc_date is not None and row.details.doc_date.isoformat()
            == written.ngay and same_symbol(row.details.symbol, symbol)):
        return OWN, row
    return TAKEN, row


def numbered_elsewhere(register: Register | None, workspace: Workspace, written: ManifestEntry,
                       source: str) -> tuple[str, Entry | None] | None:
    """LOST or TAKEN (printed_number_holder), with the row holding it, for data file `source`
    whose output prints a so: tu_dong number (its manifest entry `written`) that another
    register than the one in use gave, which the register in use (`register`; None: not made
    yet, holding nothing) does not hold for it: the workspace was pointed at another register
    (moved to PostgreSQL, vanthu.yaml edited) and the old sổ not moved over. None when the
    register in use numbered it (lost_number's case), or holds its number for the file (moved
    over: `so xuat`, `so nhap`), or the output prints none of its own (a Giấy khen batch)."""
    if (own_register_number(written) is None or written.so_van_ban is None
            or not written.ngay[:4].isdigit()):
        return None
    current = register_key(workspace)
    if current is None or current == written.so_van_ban:
        return None
    if register is None:
        return LOST, None
    state, row = printed_number_holder(register, written, source)
    return None if state == OWN else (state, row)
