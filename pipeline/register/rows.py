"""The SQL of the register's two tables, one statement each, run in a caller's transaction.

`counters` holds the last number given per (office, year, sequence); `entries` one row per number.
Store code (store.py) composes these steps into transactions; nothing here commits.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from pipeline.register.backends import Transaction
from pipeline.register.errors import RegisterError
from pipeline.register.model import Details, Entry, Origin, Status
from pipeline.register.sequences import type_code_from_symbol

DETAIL_COLUMNS = (
    "doc_date", "type_code", "symbol", "summary", "signer", "recipients", "archive", "copies",
    "transfer_date", "received_by", "note", "signer_title",
)  # fmt: skip
COLUMNS = (
    "id", "agency", "year", "sequence", "number", "status", "origin", *DETAIL_COLUMNS,
    "source", "void_reason", "created_at", "updated_at", "workspace",
)  # fmt: skip
SELECT = f"SELECT {', '.join(COLUMNS)} FROM entries"


def select_of(present: set[str]) -> str:
    """SELECT as above from a register file read as it is (never migrated: switched.row_in_file),
    NULL for each column its older schema lacks (signer_title, before version 4)."""
    return "SELECT " + ", ".join(name if name in present else f"NULL AS {name}"
                                 for name in COLUMNS) + " FROM entries"
DATE_COLUMNS = {"doc_date", "transfer_date"}


def now() -> str:
    """A timestamp for created_at/updated_at: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def entry_from_row(row: tuple[Any, ...], fresh: bool = False) -> Entry:
    values = dict(zip(COLUMNS, row, strict=True))
    details: dict[str, Any] = {
        name: (date.fromisoformat(values[name]) if name in DATE_COLUMNS and values[name] else
               values[name])
        for name in DETAIL_COLUMNS
    }
    return Entry(
        id=int(values["id"]),
        agency=values["agency"],
        year=int(values["year"]),
        sequence=values["sequence"],
        number=int(values["number"]),
        status=Status(values["status"]),
        origin=Origin(values["origin"]),
        details=Details(**details),
        source=values["source"],
        void_reason=values["void_reason"],
        created_at=values["created_at"],
        updated_at=values["updated_at"],
        fresh=fresh,
        workspace=values["workspace"],
    )


def completed(details: Details) -> Details:
    """Details with the type code filled in from the ký hiệu when it was left out."""
    if details.type_code is None and details.symbol:
        return replace(details, type_code=type_code_from_symbol(details.symbol))
    return details


def detail_values(details: Details) -> list[Any]:
    values = []
    for name in DETAIL_COLUMNS:
        value = getattr(details, name)
        values.append(value.isoformat() if isinstance(value, date) else value)
    return values


def detail_columns(details: Details) -> dict[str, Any]:
    """The detail columns and their stored values, for an UPDATE."""
    return dict(zip(DETAIL_COLUMNS, detail_values(details), strict=True))


# The columns a document itself says (documents.register_details); the others (ngày chuyển, ký
# nhận, ghi chú) are the clerk's, and a document written again leaves them as they are.
DOCUMENT_COLUMNS = (
    "doc_date", "type_code", "symbol", "summary", "signer", "recipients", "archive", "copies",
    "signer_title",
)  # fmt: skip


def document_columns(details: Details) -> dict[str, Any]:
    """The columns a document says, for an UPDATE, plus any of the clerk's given (not None)."""
    columns = detail_columns(details)
    return {name: value for name, value in columns.items()
            if name in DOCUMENT_COLUMNS or value is not None}

def next_number(tx: Transaction, agency: str, year: int, sequence: str) -> int:
    """Take the next number: the counter row's update holds its lock until commit."""
    tx.execute(
        "INSERT INTO counters (agency, year, sequence, last_number) VALUES (?, ?, ?, 0) "
        "ON CONFLICT (agency, year, sequence) DO NOTHING",
        (agency, year, sequence),
    )
    row = tx.one(
        "UPDATE counters SET last_number = last_number + 1 "
        "WHERE agency = ? AND year = ? AND sequence = ? RETURNING last_number",
        (agency, year, sequence),
    )
    assert row is not None
    return int(row[0])

def last_number(tx: Transaction, agency: str, year: int, sequence: str) -> int:
    """The counter of a sequence: the last number given (0 before the first)."""
    row = tx.one(
        "SELECT last_number FROM counters WHERE agency = ? AND year = ? AND sequence = ?",
        (agency, year, sequence),
    )
    return int(row[0]) if row else 0

def raise_counter(tx: Transaction, agency: str, year: int, sequence: str, number: int) -> int:
    """Lock the counter and lift it to `number` if it was lower; the counter after."""
    row = tx.one(
        "INSERT INTO counters (agency, year, sequence, last_number) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (agency, year, sequence) DO UPDATE SET last_number = CASE "
        "WHEN excluded.last_number > counters.last_number THEN excluded.last_number "
        "ELSE counters.last_number END RETURNING last_number",
        (agency, year, sequence, number),
    )
    assert row is not None
    return int(row[0])

def insert(tx: Transaction, agency: str, year: int, sequence: str, number: int, status: Status,
           origin: Origin, details: Details, source: str | None,
           void_reason: str | None = None, workspace: str | None = None) -> Entry:
    stamp = now()
    row = tx.one(
        f"INSERT INTO entries ({', '.join(COLUMNS[1:])}) "
        f"VALUES ({', '.join('?' * (len(COLUMNS) - 1))}) RETURNING {', '.join(COLUMNS)}",
        (agency, year, sequence, number, status.value, origin.value,
         *detail_values(details), source, void_reason, stamp, stamp,
         workspace if source is not None else None),
    )
    assert row is not None
    return entry_from_row(row, fresh=True)

def find(tx: Transaction, agency: str, year: int, sequence: str, number: int) -> Entry | None:
    row = tx.one(
        f"{SELECT} WHERE agency = ? AND year = ? AND sequence = ? AND number = ?",
        (agency, year, sequence, number),
    )
    return entry_from_row(row) if row else None

# A row's workspace compared with one (None: rows naming none), the same SQL on both engines.
SAME_WORKSPACE = "COALESCE(workspace, '') = ?"


def by_source(tx: Transaction, agency: str, source: str,
              workspace: str | None = None) -> Entry | None:
    """The live row of data file `source` of `workspace` (None: rows naming no workspace)."""
    row = tx.one(
        f"{SELECT} WHERE agency = ? AND source = ? AND status <> 'void' AND {SAME_WORKSPACE}",
        (agency, source, workspace or ""),
    )
    return entry_from_row(row) if row else None


def claim(tx: Transaction, entry: Entry, workspace: str) -> Entry | None:
    """The row `entry`, named by its data file alone, now `workspace`'s (None when another
    workspace claimed it meanwhile)."""
    row = tx.one(
        f"UPDATE entries SET workspace = ?, updated_at = ? WHERE id = ? AND workspace IS NULL "
        f"AND status <> 'void' RETURNING {', '.join(COLUMNS)}",
        (workspace, now(), entry.id),
    )
    return entry_from_row(row) if row else None

def given_row(tx: Transaction, agency: str, year: int, number: int, source: str,
              workspace: str | None, *, adoptable: bool = False) -> Entry | None:
    """The row of `number` (office, year) naming data file `source` of `workspace`, in any
    state, the latest: what became of a number an output printed. With `adoptable`, the first
    live one of `workspace` or of none (`so nhap` writes rows naming none): the number another
    register gave the file, to take over."""
    whose = f"(workspace IS NULL OR {SAME_WORKSPACE})" if adoptable else SAME_WORKSPACE
    state = "AND status <> 'void' " if adoptable else ""
    order = "id" if adoptable else "id DESC"
    row = tx.one(
        f"{SELECT} WHERE agency = ? AND year = ? AND number = ? AND source = ? {state}"
        f"AND {whose} ORDER BY {order} LIMIT 1",
        (agency, year, number, source, workspace or ""))
    return entry_from_row(row) if row else None


def issued_alike(tx: Transaction, agency: str, year: int, sequence: str,
                 details: Details, workspace: str | None = None, *,
                 every_workspace: bool = False, pending_below: int | None = None) -> list[Entry]:
    """Issued rows of a sequence with a data file of `workspace` (or, `every_workspace`, of
    any) and the same trích yếu (same_summary), date and type code; with `pending_below`,
    the rows given a lower number and still pending too (issued_on)."""
    assert details.doc_date is not None
    found = issued_on(tx, agency, year, sequence, details.doc_date, workspace,
                      every_workspace=every_workspace, pending_below=pending_below)
    return [e for e in found if e.details.type_code == details.type_code
            and same_summary(e.details.summary, details.summary)]


def issued_on(tx: Transaction, agency: str, year: int, sequence: str, when: date,
              workspace: str | None = None, *, every_workspace: bool = False,
              pending_below: int | None = None) -> list[Entry]:
    """Issued rows of a sequence dated `when`, with a data file of `workspace` (or,
    `every_workspace`, of any), in number order: the rows a document of that date may be
    (issued_alike, Register.left_behind). With `pending_below`, also the rows still pending
    numbered below it: those a build gave just before, in the same run (two copies of one
    file numbered together)."""
    whose = "" if every_workspace else f" AND {SAME_WORKSPACE}"
    state = "status = 'issued'"
    params: tuple[Any, ...] = (agency, year, sequence)
    if pending_below is not None:
        state = "(status = 'issued' OR (status = 'pending' AND number < ?))"
        params = (*params, pending_below)
    params = (*params, when.isoformat())
    rows = tx.all(
        f"{SELECT} WHERE agency = ? AND year = ? AND sequence = ? AND {state} "
        f"AND source IS NOT NULL AND doc_date = ?{whose} ORDER BY number",
        params if every_workspace else (*params, workspace or ""),
    )
    return [entry_from_row(row) for row in rows]


def same_summary(recorded: str | None, summary: str | None) -> bool:
    """Whether two 'Tên loại và trích yếu' are one document's, case and spacing aside: a row
    written before the trích yếu's first word was lower-cased (documents.continuing) still
    reads 'Báo cáo Tổng kết ...' (SQL's LOWER knows no Vietnamese capitals, so not in SQL)."""
    if not recorded or not summary:
        return False
    return summary_key(recorded) == summary_key(summary)


def summary_key(summary: str) -> str:
    """A trích yếu as same_summary compares it: case and spacing aside."""
    return " ".join(summary.split()).casefold()


def symbol_key(symbol: str) -> str:
    """A ký hiệu as typed (NFC), compared without its spaces nor case: 'qđ-vpubnd ' is
    QĐ-VPUBND. Đ and D stay apart: HD (Hướng dẫn) and HĐ (Hợp đồng), DA (Dự án) and ĐA (Đề
    án) are two types of Phụ lục III, so two documents."""
    return "".join(unicodedata.normalize("NFC", symbol).split()).casefold()


def same_symbol(recorded: str | None, symbol: str | None) -> bool:
    """Whether two ký hiệu, both known, are one: compared as symbol_key (spaces and case
    aside: QĐ-UBND and ' qđ-ubnd'). The register's one comparison of ký hiệu: imports, the
    rows a build's outputs hold, `so huy`, `so kiem-tra`."""
    if not recorded or not symbol:
        return False
    return symbol_key(recorded) == symbol_key(symbol)

def move_source(tx: Transaction, entry: Entry, source: str | None) -> Entry | None:
    """The row now naming `source` (None: set aside for a moment, Register.hand_over), if it
    is still issued under its old one (else None)."""
    row = tx.one(
        f"UPDATE entries SET source = ?, updated_at = ? WHERE id = ? "
        f"AND COALESCE(source, '') = ? AND status = 'issued' RETURNING {', '.join(COLUMNS)}",
        (source, now(), entry.id, entry.source or ""),
    )
    return entry_from_row(row) if row else None

def update(tx: Transaction, entry_id: int, **values: Any) -> Entry:
    values["updated_at"] = now()
    assignments = ", ".join(f"{name} = ?" for name in values)
    row = tx.one(
        f"UPDATE entries SET {assignments} WHERE id = ? RETURNING {', '.join(COLUMNS)}",
        (*values.values(), entry_id),
    )
    if row is None:
        raise RegisterError("register.no_entry", id=entry_id)
    return entry_from_row(row)
