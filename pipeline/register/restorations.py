"""A register entered again by `vanthu so khoi-phuc`, recorded in it, and what it cannot know.

recovery.restore_recorded enters again the numbers the workspace's manifests record the
register giving. A number given after the older copy was made by `vanthu so cap` (a paper
letter) or kept by `vanthu so giu` is recorded nowhere but in the register that was lost:
between numbers it shows as a gap (`so kiem-tra`); after the last one it leaves no trace, and
the next number given would be it again, two documents with one number (r14c F2).

So each restore is recorded in the register (table `restorations`, schema version 6: when,
and per office, year and sequence the highest number entered again: `record`), and until the
clerk says that those numbers are entered (`vanthu so khoi-phuc NĂM --da-kiem-tra`, after
`vanthu so vao-so` for each: `confirm`), no new number of that office and year is given:
Register.allocate and Register.reserve refuse (`Unconfirmed.error`), build, render and check
refuse each document asking for one before any number is given (documents.unmigrated_errors,
documents.refuse_lacking), and `so kiem-tra` counts it as a fault. Once confirmed, nothing
more is said.

Refused, not warned: a warning comes once the number is given, printed in a document or written
on a letter, and the duplicate is made (undoing it is a void and a renumbered document); the way
out is one command, which every refusal names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.i18n import t
from pipeline.register import rows as db
from pipeline.register.backends import Transaction
from pipeline.register.errors import RegisterError
from pipeline.register.field_lines import number_line
from pipeline.register.model import Entry
from pipeline.register.sequences import DEFAULT_SEQUENCE


@dataclass(frozen=True)
class RunRestored:
    """The highest number a restore not yet confirmed entered again in one run (office,
    sequence), its Số, ký hiệu as the register holds it, and when (UTC, ISO) the latest
    such restore was made."""

    agency: str
    sequence: str
    number: int
    reference: str
    restored_at: str


class LastRestored(str):
    """The last number entered again in each run, said in the language of the message that
    names it (VanthuError.detail asks `describe`): 19/UBND-VP alone for one office's one
    shared run, else each with its run (and its office, when several)."""

    runs: tuple[RunRestored, ...]

    def __new__(cls, runs: Sequence[RunRestored]) -> LastRestored:
        listed = super().__new__(cls, _last_words(tuple(runs), None))
        listed.runs = tuple(runs)
        return listed

    def describe(self, lang: str | None = None) -> str:
        return _last_words(self.runs, lang)

    def __reduce__(self) -> tuple[type[LastRestored], tuple[tuple[RunRestored, ...]]]:
        return LastRestored, (self.runs,)  # made again from its runs (a build's workers)


def _last_words(runs: tuple[RunRestored, ...], lang: str | None) -> str:
    """LastRestored's words in `lang`."""
    offices = {run.agency for run in runs}
    if len(runs) == 1 and runs[0].sequence == DEFAULT_SEQUENCE:
        return runs[0].reference
    key = "register.restored_last_of_office" if len(offices) > 1 else "register.restored_last"
    return ", ".join(t(key, lang=lang, reference=run.reference, sequence=run.sequence,
                       agency=run.agency) for run in runs)


@dataclass(frozen=True)
class Unconfirmed:
    """A year's restores the clerk has not confirmed (one office's, or every office's): what
    each run had entered again, and whether the register numbers several offices (the
    command confirming one names it)."""

    year: int
    runs: tuple[RunRestored, ...]
    several_offices: bool

    def of(self, agency: str) -> Unconfirmed | None:
        """Those of office `agency` (None: it has none)."""
        runs = tuple(run for run in self.runs if run.agency == agency)
        return Unconfirmed(self.year, runs, self.several_offices) if runs else None

    @property
    def command(self) -> str:
        """The command confirming them: `vanthu so khoi-phuc NĂM --da-kiem-tra`, naming the
        office when the register numbers several and these are one office's."""
        offices = {run.agency for run in self.runs}
        office = (f" --co-quan {next(iter(offices))}"
                  if self.several_offices and len(offices) == 1 else "")
        return f"vanthu so{office} khoi-phuc {self.year} --da-kiem-tra"

    def params(self) -> dict[str, Any]:
        """What a message says of them: the year, when the latest restore was made (local
        time and day), the last number entered again per run, and the command confirming."""
        when = datetime.fromisoformat(max(run.restored_at for run in self.runs)).astimezone()
        return {"year": self.year, "time": when.strftime("%H:%M"),
                "day": when.strftime("%d/%m/%Y"), "last": LastRestored(self.runs),
                "command": self.command}

    def error(self, agency: str) -> RegisterError:
        """The refusal to give office `agency` a new number of the year (so cap, so giu, a
        library caller numbering: Register.allocate, Register.reserve)."""
        return RegisterError("register.restore_unconfirmed", **self.params(), agency=agency)

    def error_at(self, agency: str, file: str | Path) -> InputError:
        """The same refusal for data file `file`, at its `so:` line (build, render, check)."""
        return InputError("register.restore_unconfirmed", file=file, line=number_line(file),
                          field="so", **self.params(), agency=agency)


def record(tx: Transaction, entries: Sequence[Entry]) -> None:
    """Record, in the transaction that entered them again, that `entries` were restored: per
    office, year and sequence the highest number, now, not yet confirmed."""
    highest: dict[tuple[str, int, str], int] = {}
    for entry in entries:
        key = (entry.agency, entry.year, entry.sequence)
        highest[key] = max(highest.get(key, 0), entry.number)
    stamp = db.now()
    for (agency, year, sequence), number in sorted(highest.items()):
        tx.execute("INSERT INTO restorations (agency, year, sequence, last_number, restored_at) "
                   "VALUES (?, ?, ?, ?, ?)", (agency, year, sequence, number, stamp))


def unconfirmed(tx: Transaction, year: int, agency: str | None = None) -> Unconfirmed | None:
    """The restores of `year` (of office `agency`, or every office) not yet confirmed, per
    run; None when there are none (the common case: one read of a small table)."""
    sql = ("SELECT agency, sequence, MAX(last_number), MAX(restored_at) FROM restorations "
           "WHERE year = ? AND confirmed_at IS NULL")
    params: list[object] = [year]
    if agency is not None:
        sql += " AND agency = ?"
        params.append(agency)
    found = tx.all(sql + " GROUP BY agency, sequence ORDER BY agency, sequence", params)
    if not found:
        return None
    runs = []
    for office, sequence, number, stamp in found:
        row = db.find(tx, str(office), year, str(sequence), int(number))
        reference = row.reference if row is not None else f"{int(number):02d}"
        runs.append(RunRestored(str(office), str(sequence), int(number), reference, str(stamp)))
    offices = tx.one("SELECT COUNT(DISTINCT agency) FROM entries")
    several = offices is not None and int(offices[0]) > 1
    return Unconfirmed(year, tuple(runs), several)


def confirm(tx: Transaction, year: int, agency: str | None = None) -> Unconfirmed | None:
    """The clerk's word that the numbers given after the older copy are entered: the restores
    of `year` (of office `agency`, or every office) not yet confirmed are confirmed now, and
    returned as they were (None: there were none)."""
    found = unconfirmed(tx, year, agency)
    if found is None:
        return None
    sql = "UPDATE restorations SET confirmed_at = ? WHERE year = ? AND confirmed_at IS NULL"
    params: list[object] = [db.now(), year]
    if agency is not None:
        sql += " AND agency = ?"
        params.append(agency)
    tx.execute(sql, params)
    return found


def refuse_unconfirmed(tx: Transaction, agency: str, year: int) -> None:
    """In the transaction about to give office `agency` a new number of `year`: refused while a
    restore of that year is not confirmed (see above)."""
    found = unconfirmed(tx, year, agency)
    if found is not None:
        raise found.error(agency)
