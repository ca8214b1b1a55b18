"""Sổ vàng in the register: each Giấy khen's số vào sổ, whom it was given to and by which batch.

A Giấy khen batch numbers its certificates from its so_vao_so (pipeline.load.certificates); the
numbers are the office's sổ vàng's, one book per office and year, and permanent: once a
certificate got 125 it keeps it, and no one else ever gets 125 in that book. The register keeps
the book (table `golden_entries`, schema version 7), so that neither deleting outputs/ nor
building into another folder (-o) forgets a number, and two clerks of a shared register never
give one number twice (UNIQUE (agency, year, number)).

A row is one number: the batch's data file (`source`, with `workspace` as the register's
entries name them: store.Register.workspace), the batch's so_vao_so then (`first`), the award
decision's data file, and the certificate (name, unit, chức vụ, row of the sheet); `freed` when
the person left the list (the number stays theirs, never given again). A batch whose so_vao_so
changed is numbered afresh (README: "a new so_vao_so numbers the list afresh"): its own rows
give way to the new numbering when it is recorded.

The loader reads a batch's rows, the rows of the numbers it would give and the certificates
other batches of its decision print, in one transaction (load.certificates.book_of); the build
and `vanthu render` record what they printed (`record_batches`, in one
transaction for the whole build, so that a batch renumbered frees its old numbers before another
batch of the build takes them), refusing a batch whose numbers another batch took meanwhile
(load.certificates.record_printed: only in a register that is there, never made for the book).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.golden_book import Given
from pipeline.register.backends import Transaction
from pipeline.register.rows import now

# Whether a data file the register names is still there (store.SourceExists).
SourceExists = Callable[[str], bool]

_COLUMNS = ("number, workspace, source, first_number, decision, name, unit, position, "
            "sheet_row, freed")


@dataclass(frozen=True)
class Batch:
    """A batch of Giấy khen as the book knows it: its office and year (the book), its data
    file as the register names it (`source`, of `workspace`), its so_vao_so and its decision."""

    agency: str
    year: int
    source: str
    workspace: str | None
    first: int
    decision: str | None = None

    def owns(self, entry: BookEntry) -> bool:
        """Whether `entry` is one of this batch's numbers."""
        return entry.source == self.source and entry.workspace == self.workspace


@dataclass(frozen=True)
class BookEntry:
    """One number of the sổ vàng: the certificate it was given for and the batch that gave it."""

    given: Given
    source: str
    workspace: str | None
    first: int
    decision: str | None
    freed: bool

    @property
    def number(self) -> int:
        return self.given.number


@dataclass(frozen=True)
class BatchRecord:
    """A batch's own numbers from its so_vao_so as the book keeps them (batch_record): those
    still printed (`given`) and the last it ever gave (a freed one too)."""

    given: tuple[Given, ...]
    last: int


@dataclass(frozen=True)
class Recording:
    """What the build records of one batch: the batch and every certificate it printed."""

    batch: Batch
    given: tuple[Given, ...]


def _entry(row: tuple[Any, ...]) -> BookEntry:
    """A row of golden_entries as read (_COLUMNS)."""
    number, workspace, source, first, decision, name, unit, position, sheet_row, freed = row
    given = Given(int(number), name, unit, int(sheet_row), position)
    return BookEntry(given, source, workspace, int(first), decision, bool(freed))


def batch_entries(tx: Transaction, batch: Batch) -> list[BookEntry]:
    """Every number the book holds for `batch`'s data file, freed ones too, in number order."""
    rows = tx.all(
        f"SELECT {_COLUMNS} FROM golden_entries WHERE agency = ? AND year = ? AND source = ? "
        "AND COALESCE(workspace, '') = ? ORDER BY number",
        (batch.agency, batch.year, batch.source, batch.workspace or ""))
    return [_entry(row) for row in rows]


def batch_record(entries: Sequence[BookEntry], first: int) -> BatchRecord | None:
    """The numbers `entries` (a batch's: batch_entries) give from so_vao_so `first`: the ones
    still printed and the last ever given; None when none were given from `first`."""
    same = [entry for entry in entries if entry.first == first]
    if not same:
        return None
    given = tuple(entry.given for entry in same if not entry.freed)
    return BatchRecord(given, max(entry.number for entry in same))


def holders(tx: Transaction, batch: Batch, numbers: Iterable[int],
            own: Sequence[BookEntry] = ()) -> list[BookEntry]:
    """The book's rows of `numbers` that another batch gave (freed ones too: never given
    again), in number order; `own`: rows the batch takes over (moved_entries)."""
    mine = {entry.number for entry in own}
    wanted = set(numbers) - mine
    if not wanted:
        return []
    rows = tx.all(
        f"SELECT {_COLUMNS} FROM golden_entries WHERE agency = ? AND year = ? "
        "AND number BETWEEN ? AND ? ORDER BY number",
        (batch.agency, batch.year, min(wanted), max(wanted)))
    found = (_entry(row) for row in rows)
    return [entry for entry in found if entry.number in wanted and not batch.owns(entry)]


def decision_entries(tx: Transaction, batch: Batch) -> list[BookEntry]:
    """The certificates other data files of `batch`'s workspace print for its decision (none
    freed), in number order: a row of the decision's list among them, printed by the batch too,
    would give one person two numbers (load.certificates.book_rows_taken)."""
    if batch.decision is None:
        return []
    rows = tx.all(
        f"SELECT {_COLUMNS} FROM golden_entries WHERE agency = ? AND year = ? AND decision = ? "
        "AND COALESCE(workspace, '') = ? AND source <> ? AND freed = 0 ORDER BY number",
        (batch.agency, batch.year, batch.decision, batch.workspace or "", batch.source))
    return [_entry(row) for row in rows]


def moved_entries(tx: Transaction, batch: Batch, exists: SourceExists | None) -> list[BookEntry]:
    """The rows a batch renamed or moved left under its former name: those of a data file of
    its workspace that is gone (`exists` says; known only for a workspace's own register, as
    store.left_behind_by), giving its decision's certificates from its so_vao_so. Taken over
    by the batch, as a renamed document keeps its number (store.Register.adopt_moved)."""
    if exists is None or batch.decision is None:
        return []
    rows = tx.all(
        f"SELECT {_COLUMNS} FROM golden_entries WHERE agency = ? AND year = ? "
        "AND first_number = ? AND decision = ? AND COALESCE(workspace, '') = ? AND source <> ? "
        "ORDER BY source, number",
        (batch.agency, batch.year, batch.first, batch.decision, batch.workspace or "",
         batch.source))
    by_source: dict[str, list[BookEntry]] = {}
    for row in rows:
        entry = _entry(row)
        by_source.setdefault(entry.source, []).append(entry)
    return next((found for source, found in by_source.items() if not exists(source)), [])


def own_entries(tx: Transaction, batch: Batch, exists: SourceExists | None) -> list[BookEntry]:
    """The batch's rows (batch_entries), else those it left under a former name
    (moved_entries)."""
    return batch_entries(tx, batch) or moved_entries(tx, batch, exists)


def book_last(tx: Transaction, batch: Batch) -> int:
    """The highest number `batch`'s book (its office and year) holds; 0 when it holds none."""
    row = tx.one("SELECT MAX(number) FROM golden_entries WHERE agency = ? AND year = ?",
                 (batch.agency, batch.year))
    return int(row[0]) if row is not None and row[0] is not None else 0


def record_batches(
    tx: Transaction, recordings: Sequence[Recording], exists: SourceExists | None = None
) -> dict[Batch, list[BookEntry]]:
    """Record what each batch printed, in the caller's write transaction; the batches not
    recorded because another batch holds some of their numbers, with those rows. A batch
    renumbered (its so_vao_so changed) first gives up its old rows, so that another batch of
    the same build may take them; a batch renamed or moved takes over the rows of its former
    name (moved_entries)."""
    for recording in recordings:
        batch = recording.batch
        entries = batch_entries(tx, batch)
        if any(entry.first != batch.first for entry in entries):
            tx.execute("DELETE FROM golden_entries WHERE agency = ? AND year = ? AND source = ? "
                       "AND COALESCE(workspace, '') = ?",
                       (batch.agency, batch.year, batch.source, batch.workspace or ""))
        elif not entries:
            _take_over(tx, batch, moved_entries(tx, batch, exists))
    refused: dict[Batch, list[BookEntry]] = {}
    for recording in recordings:
        taken = holders(tx, recording.batch, (given.number for given in recording.given))
        if taken:
            refused[recording.batch] = taken
        else:
            _record(tx, recording)
    return refused


def _take_over(tx: Transaction, batch: Batch, moved: Sequence[BookEntry]) -> None:
    """The rows `moved` (a former name's) named after `batch`'s data file."""
    if moved:
        tx.execute("UPDATE golden_entries SET source = ?, updated_at = ? WHERE agency = ? "
                   "AND year = ? AND source = ? AND COALESCE(workspace, '') = ?",
                   (batch.source, now(), batch.agency, batch.year, moved[0].source,
                    batch.workspace or ""))


def _record(tx: Transaction, recording: Recording) -> None:
    """A batch's certificates written over its rows: new numbers inserted, changed ones
    updated, the numbers it no longer prints marked freed (kept: never given again)."""
    batch, stamp = recording.batch, now()
    own = {entry.number: entry for entry in batch_entries(tx, batch)}
    for given in recording.given:
        before = own.pop(given.number, None)
        values = (given.name, given.unit, given.position, given.row, batch.decision)
        if before is None:
            tx.execute(
                "INSERT INTO golden_entries (agency, year, number, workspace, source, "
                "first_number, decision, name, unit, position, sheet_row, freed, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                (batch.agency, batch.year, given.number, batch.workspace, batch.source,
                 batch.first, batch.decision, given.name, given.unit, given.position, given.row,
                 stamp, stamp))
        elif before.freed or (*before.given[1:], before.decision) != (
                given.name, given.unit, given.row, given.position, batch.decision):
            tx.execute(
                "UPDATE golden_entries SET name = ?, unit = ?, position = ?, sheet_row = ?, "
                "decision = ?, freed = 0, updated_at = ? WHERE agency = ? AND year = ? "
                "AND number = ?",
                (*values, stamp, batch.agency, batch.year, given.number))
    for number, entry in own.items():
        if not entry.freed:
            tx.execute("UPDATE golden_entries SET freed = 1, updated_at = ? WHERE agency = ? "
                       "AND year = ? AND number = ?", (stamp, batch.agency, batch.year, number))
