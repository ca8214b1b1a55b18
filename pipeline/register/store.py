"""The register: numbers given, reserved, typed and voided, each in one transaction.

`Register` is the whole library surface; it holds a backend (backends.py) and the offices'
sequence plans, and never reads a number outside the transaction that writes it.

A row names the data file it numbers (`source`, relative to its workspace) and, on a register
several workspaces share, the workspace (`Register.workspace`, its `dinh_danh`: see
documents.workspace_register): two clerks' `inputs/2026/ke-hoach.yaml` are two documents with
two numbers. A row naming a data file but no workspace (a workspace's own register file, or a
row made before registers recorded workspaces) is taken over by the first workspace asking
for that data file whose document it records (same date and trích yếu: `same_document`);
any other workspace's document of that name is numbered anew. A number stays with the document
issued under it, not with a file name: a row whose data file now records another document
follows its document to the data file of the build that records it (renamed_rows, hand_over).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from pipeline.errors import Said, VanthuError
from pipeline.i18n import t
from pipeline.model.base import FIRST_YEAR, LAST_YEAR
from pipeline.register import rows as db
from pipeline.register.backends import Backend, Transaction
from pipeline.register.errors import DuplicateNumberError, RegisterError
from pipeline.register.model import MAX_NUMBER, Details, Entry, Origin, Status
from pipeline.register.sequences import (
    Misplaced,
    SequencePlan,
    StoredPlan,
    conflicting_rows,
    plan_in_year,
    run_key,
    spelled_as,
    stored_plans,
    type_code_from_symbol,
    write_plan,
)
from pipeline.render.phrase import Phrase
from pipeline.text.listing import first_named

# Imported where a register is opened (schema: its migrations) or a restore is looked at: a
# build that opens no register (none made yet, no number asked) never needs them (11.5 M
# instructions of every build's start, callgrind).
if TYPE_CHECKING:
    from pipeline.register.golden_entries import Batch, BookEntry, Recording
    from pipeline.register.restorations import Unconfirmed

T = TypeVar("T")
# How many rows a message names before "…".
_NAMED = 5
# A year after every year a register numbers (the open end of a plan's years).
_NO_YEAR = 10_000
# Whether the data file a row names (its `source`, relative to the workspace) is still there.
SourceExists = Callable[[str], bool]
# The folder of a workspace holding the record of each form a program numbered
# (register/forms.py): a row naming a record there numbers a form, not a data file.
FORMS_DIR = "bieu-mau"
FORM_RECORD_SUFFIX = ".json"


def is_form_record(source: str | None) -> bool:
    """Whether a row's `source` names a form's record (bieu-mau/<identifier>.json), not a data
    file: a record removed is a form's document gone, never a data file renamed. A clerk's data
    file is therefore never taken for a form (its number neither taken over, adopt_moved, nor
    typed back, holds_for, nor left behind for it, left_behind), and a form never for a data
    file: two documents would print one number."""
    return (source is not None and source.startswith(f"{FORMS_DIR}/")
            and source.endswith(FORM_RECORD_SUFFIX))


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(eq=False, repr=False)
class SourceNumbers:
    """The numbers the register gave data files: the live one of each (office, data file), and
    every voided (office, data file, number)."""

    live: dict[tuple[str, str], int] = field(default_factory=dict)
    void: set[tuple[str, str, int]] = field(default_factory=set)
    # The live numbers still pending (given, their document never confirmed: a build that
    # lost the register once its documents were written), (office, data file, number) → the
    # row's id and date.
    pending: dict[tuple[str, str, int], tuple[int, date | None]] = field(default_factory=dict)

    def named(self) -> set[tuple[str, str]]:
        """Every (office, data file) the register holds a live number for: rebuilt, the file
        keeps that number (the register's to say, and no new number is given). A file whose
        rows are all void is not among them: rebuilt, it is given a new number, which the
        build's early checks (builder.refuse_unmigrated: numbers an older copy put back lacks,
        a restore not confirmed) judge as any new document's, naming its data file, instead
        of the allocation stopping the whole build (or repeating a number issued)."""
        return set(self.live)


@dataclass(frozen=True, slots=True)
class TypedRequest:
    """A number a document's data types itself, to record (Register.record_typed): its office,
    number, columns and data file; `update` False only fills in a number the register lacks
    (a document kept from an earlier build, whose columns are not at hand)."""

    agency: str
    number: int
    details: Details
    source: str
    update: bool = True


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class TypedNumber:
    """What record_typed did: the row now holding the typed number (None when `holder`, a row
    of another document, holds it), the row as it was before (None when the number is new to
    the register), and the number the sequence would have given next before it (a typed number
    above it leaves the numbers between unused)."""

    entry: Entry | None
    before: Entry | None
    following: int
    holder: Entry | None = None

    @property
    def skipped(self) -> str | None:
        """The numbers the typed one jumped over ('03' or '03–04'), None when none."""
        if self.entry is None or self.before is not None or self.entry.number <= self.following:
            return None
        last = self.entry.number - 1
        return (f"{self.following:02d}" if last == self.following
                else f"{self.following:02d}–{last:02d}")


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Displaced:
    """A number vanthu gave that an imported sổ holds for one of its own documents (`so nhap
    --doi-so-da-cap`): the row as it was, and the number it holds now, after the imported
    ones (None: a void number, dropped). Its document prints the new number at its next
    build (builder.drop_renumbered). A void row among the numbers moved that no imported row
    holds stays void at its number (`kept`): the moved ones are numbered past it."""

    entry: Entry
    number: int | None

    @property
    def kept(self) -> bool:
        """A void number left where it was, still void (never given again)."""
        return self.entry.status is Status.VOID and self.number == self.entry.number


# Numbers above this are rows an import sets aside for the time of its transaction
# (Register._park_given); a sổ numbers far below (so nhap reads six digits at most).
_PARKED = 10_000_000


@dataclass(frozen=True, eq=False, repr=False)
class Handover:
    """Register.renamed_rows: the issued rows that follow their document to another data file
    of the build (`moves`: data file -> the row it takes over), and the data files refused
    because which document a row is cannot be told (`unclear`: data file -> that row, and the
    files that record its document; a row whose data file is gone, two copies of its
    document holding no number: copies_of_renamed)."""

    moves: dict[str, Entry] = field(default_factory=dict)
    unclear: dict[str, tuple[Entry, tuple[str, ...]]] = field(default_factory=dict)


def records_document(row: Entry, details: Details) -> bool:
    """Whether `row` records, as issued, the document `details` (completed) describes: the
    same type code, date and trích yếu (same_document)."""
    return row.details.type_code == details.type_code and same_document(row.details, details)


def handover(own: Mapping[str, Entry | None], claims: Mapping[str, Sequence[Entry]],
             refused: Mapping[str, tuple[Entry, tuple[str, ...]]] | None = None) -> Handover:
    """renamed_rows's judgement, given each data file's own row (`own`) and the rows recording
    its document that another data file of the build holds while it records another one
    (`claims`). A row claimed by one file that claims no other moves to it; several files
    recording one row's document (copies), or one recording several rows', cannot be told:
    they and the rows' holders are refused. A file taking a row while its own row stays
    behind it (its own document gone with no file) is refused too, and so is that row's
    holder: the number it held would be left without a document. The files of `refused`
    (Register.copies_of_renamed) are refused as they are, taking no row."""
    claimers: dict[int, list[str]] = {}
    for name, rows in claims.items():
        for row in rows:
            claimers.setdefault(row.id, []).append(name)
    result = Handover(unclear=dict(refused or {}))

    def refuse(row: Entry, *names: str) -> None:
        files = tuple(sorted(claimers.get(row.id, ())))
        for name in names:
            result.unclear.setdefault(name, (row, files))

    for name, rows in claims.items():
        if len(rows) == 1 and len(claimers[rows[0].id]) == 1:
            result.moves[name] = rows[0]
        else:
            for row in rows:
                refuse(row, name, row.source or "")
    changed = True
    while changed:  # a move leaving its taker's own row behind is dropped, and so on
        moved = {row.id for row in result.moves.values()}
        changed = False
        for name, row in list(result.moves.items()):
            kept = own.get(name)
            if kept is not None and kept.id not in moved or name in result.unclear:
                del result.moves[name]
                refuse(row, name, row.source or "")
                changed = True
    return result


@dataclass(frozen=True)
class Place:
    """Where a workspace used a shared register: its folder (resolved) and machine."""

    root: str
    host: str


def copy_key(agency: str, details: Details) -> tuple[str, str | None, date, str] | None:
    """What the copies of one document share (`details` completed): office, type code, date
    and trích yếu as same_summary compares it; None for a document without date or trích yếu
    (never taken for another one renamed: adopt_moved)."""
    if details.doc_date is None or not details.summary:
        return None
    return agency, details.type_code, details.doc_date, db.summary_key(details.summary)


def check_number(number: int) -> None:
    """Refuse a number no sequence gives: below 01, or above MAX_NUMBER (a slip, which the
    database would refuse as an internal error, or take and number every later one after)."""
    if number < 1:
        raise RegisterError("register.bad_number", number=number)
    if number > MAX_NUMBER:
        raise RegisterError("register.number_too_large", number=number, limit=MAX_NUMBER)


def _checked(number: int) -> int:
    """`number`, given next: check_number's refusal past MAX_NUMBER (the transaction undone)."""
    check_number(number)
    return number


def typed_in_data(entry: Entry) -> bool:
    """Whether a row is a number a document's data typed itself (so: 230), recorded by render
    or build (record_typed): issued, typed, naming its data file; no clerk entered it in the
    register by hand."""
    return (entry.origin is Origin.TYPED and entry.status is Status.ISSUED
            and entry.source is not None)


def same_document(recorded: Details, details: Details) -> bool:
    """Whether a row's columns record the document `details` describes: the same date and
    trích yếu (how a row naming no workspace is known to be a workspace's own)."""
    return (recorded.doc_date is not None and recorded.doc_date == details.doc_date
            and db.same_summary(recorded.summary, details.summary))


def names_file(row: Entry, details: Details, source: str, workspace: str | None) -> bool:
    """Whether `row` names data file `source` of `workspace`: the same file and workspace, or
    (a row naming no workspace, asked by one that has one) the same file recording this
    document (`same_document`)."""
    if row.source != source:
        return False
    if row.workspace == workspace:
        return True
    return row.workspace is None and workspace is not None and same_document(
        row.details, db.completed(details))


def left_behind_by(row: Entry, details: Details, source: str, workspace: str | None,
                   exists: SourceExists | None) -> bool:
    """Whether `row` may be the number of data file `source` under its earlier name: issued for
    another data file of `workspace` that is gone (`exists` says; known only for a workspace's
    register: on a shared one another clerk's file is missing here by nature), recording the
    same date and type code as `details` (completed). A file renamed and then edited (its trích
    yếu) is such a document; so is a new one of the day after another was deleted. Which it is
    is the clerk's to say: build refuses to number it anew (Register.left_behind), and the
    number it types is taken as its own (holds_for). A form's record is no data file: a row
    naming one is never another file's, nor is a form any data file's (is_form_record)."""
    recorded = row.details
    return (exists is not None and row.status is Status.ISSUED and row.source is not None
            and row.source != source and row.workspace == workspace
            and not is_form_record(row.source) and not is_form_record(source)
            and recorded.doc_date is not None and recorded.doc_date == details.doc_date
            and recorded.type_code == details.type_code and not exists(row.source))


def holds_for(row: Entry, details: Details, source: str, workspace: str | None = None,
              exists: SourceExists | None = None) -> bool:
    """Whether register row `row`, holding the number a document types, is that document's own.

    A void row never is (its number is never to be printed again). A row naming a data file is
    the document's when it names this one (`source` of `workspace`: names_file), or names one
    that is gone and records the document's date and type code (left_behind_by: the clerk typed
    the number a renamed and edited file held, to keep it). A row naming none (entered by
    `so vao-so`, `so cap` or `so giu`) is when each of its date and type code that it records
    equals the document's: a row that records neither (a bare `so cap` or `so giu`) is taken
    to be the number the clerk set aside for it."""
    if row.status is Status.VOID:
        return False
    if row.source is not None:
        return names_file(row, details, source, workspace) or left_behind_by(
            row, db.completed(details), source, workspace, exists)
    recorded = row.details
    if recorded.doc_date is not None and recorded.doc_date != details.doc_date:
        return False
    return recorded.type_code is None or recorded.type_code == details.type_code


# The reason recorded for a number given to a document that then could not be written.
VOID_REASON = "register.void_reason_failed"


def voided(error: VanthuError, entry: Entry) -> VanthuError:
    """`error` (same kind, same place) also saying that number `entry`, given for the document
    it stopped, is now void and why."""
    return _told(error, "register.number_voided", reference=entry.reference,
                 reason=Phrase(VOID_REASON))


def kept_pending(error: VanthuError, entry: Entry) -> VanthuError:
    """`error` (same kind, same place) also saying that number `entry` stays the document's,
    pending, for the next run once its file can be written (a full disk, a read-only folder)."""
    return _told(error, "register.number_kept_pending", reference=entry.reference)


def _told(error: VanthuError, key: str, **params: Any) -> VanthuError:
    """`error` as another message `key` saying it (`error`) and more (`params`)."""
    # Not copy.copy: that calls the class's __init__, whose keyword parameters it lacks.
    told = error.__class__.__new__(error.__class__)
    told.__dict__.update(error.__dict__)
    told.args = error.args
    told.key = key
    told.params = {"error": Said(error), **params}
    return told


class Register:
    """Sổ đăng ký văn bản đi of one or more offices, on one backend."""

    def __init__(self, backend: Backend, plans: Mapping[str, SequencePlan] | None = None, *,
                 source_exists: SourceExists | None = None) -> None:
        self.backend = backend
        self.plans: dict[str, SequencePlan] = dict(plans or {})
        # Known only for a workspace's register (location.Registers); without it a renamed data
        # file is numbered anew, never matched to a row whose file vanished.
        self.source_exists = source_exists
        # The workspace whose data files `source` names (documents.workspace_register sets it
        # for a shared register); None: rows naming no workspace, as a workspace's own file.
        self.workspace: str | None = None
        # Where the workspace used this register last, when that is another folder or machine
        # and not yet known to be a move (documents.place_workspace); `here` is where it is now.
        self.moved_from: Place | None = None
        self.here: Place | None = None
        # (office, year, ký hiệu, run) found sound by _check_run: not asked again.
        self._runs_checked: set[tuple[str, int, str, str]] = set()
        # While `displacing` (so nhap --doi-so-da-cap): the numbers vanthu gave that an import
        # moved after the imported ones (record_many).
        self._displaced: list[Displaced] | None = None
        self.migrate()

    # -- lifecycle ------------------------------------------------------------------------------

    @property
    def location(self) -> str:
        return self.backend.location

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        from pipeline.register.schema import current_version

        return self.read(current_version)

    def migrate(self) -> int:
        """Apply the migrations this register lacks; the schema version it ends at."""
        from pipeline.register.schema import migrate

        return migrate(self.backend)

    # -- sequences ------------------------------------------------------------------------------

    def plan_for(self, agency: str) -> SequencePlan:
        """The plan a caller gave for `agency` (its default sequence names the run a number
        without a type is in); the register's own plans are `plan_in`'s."""
        return self.plans.get(agency) or SequencePlan()

    def sequence_for(self, agency: str, details: Details, sequence: str | None = None,
                     year: int | None = None, *, open_run: bool = False) -> str:
        """The sequence a document is numbered in: given (as the register spells that run:
        `_chosen_run`), or from its type by the office's plan for its year (the document's
        date, else `year`, else this year), as the register keeps it (`plan_in`); refused when
        the register shows that year's numbers of its ký hiệu in another run (`_check_run`)."""
        return self.read(lambda tx: self._sequence(tx, agency, details, sequence, year,
                                                   open_run=open_run))

    def _sequence(self, tx: Transaction, agency: str, details: Details, sequence: str | None,
                  year: int | None, *, open_run: bool = False) -> str:
        """sequence_for, in the caller's transaction (an allocation reads the plan it numbers
        by in the transaction that gives the number). A run asked for is judged as the plan's
        own choice is (`_check_run`), whoever asks (a clerk's --day, a program): only with
        `open_run` (an import's Dãy số: record_many) is any name taken, spelt as the register
        spells it."""
        chosen, when, code = self._chosen_run(tx, agency, details, sequence, year,
                                              open_run=open_run)
        if sequence is None or not sequence.strip() or not open_run:
            self._check_run(tx, agency, when, details.symbol, code, chosen)
        return chosen

    def _chosen_run(self, tx: Transaction, agency: str, details: Details, sequence: str | None,
                    year: int | None, *, open_run: bool = False,
                    known: list[str] | None = None) -> tuple[str, int, str | None]:
        """The run a document is numbered in, its year and type code: the one the office's plan
        for that year gives its type, or `sequence` when given, spelt as the register (or the
        plan) spells that run (sequences.run_key: "CHUNG " is "chung").

        Without `open_run` (`vanthu so cap`, `giu`, `vao-so` with --day), `sequence` must be
        a run the plan gives the type (any of the plan's runs for a number of no type) or a
        run of the clerk's own the register already holds numbers of in the office's year (one
        no plan names: an imported sổ's `qppl`): any other is refused (register.run_unknown),
        as a new run would number from 01 again; a run of its own for a type is recorded with
        `vanthu so day-so`. With `open_run` a name no run has starts one. `known`: the
        runs of the year (_known_runs), when the caller read them already."""
        when = (details.doc_date.year if details.doc_date is not None
                else year if year is not None else date.today().year)
        code = details.type_code or type_code_from_symbol(details.symbol)
        plan = self._plan_in(tx, agency, when)
        if sequence is None or not sequence.strip():
            return plan.sequence_for(code), when, code
        held = self._known_runs(tx, agency, when) if known is None else known
        planned = sorted(plan.sequences)
        if open_run:
            return spelled_as(sequence, [*held, *planned]) or sequence.strip(), when, code
        own = [run for run in held if spelled_as(run, planned) is None]
        allowed = [plan.sequence_for(code)] if code else planned
        found = spelled_as(sequence, [*allowed, *own])
        if found is None:
            kind = (Phrase("register.run_for_type", code=code) if code
                    else Phrase("register.run_for_any"))
            raise RegisterError(
                "register.run_unknown", name=sequence.strip(), agency=agency, year=when,
                kind=kind, runs=", ".join(f"'{run}'" for run in [*allowed, *own]),
                pairs=f"{code or 'LOẠI'}={sequence.strip()}",
                office=self._office_option(tx, agency))
        return found, when, code

    @staticmethod
    def _known_runs(tx: Transaction, agency: str, year: int) -> list[str]:
        """The runs `agency`'s `year` holds numbers in (a row, or a counter past 0), the
        earliest begun first."""
        rows = tx.all("SELECT sequence FROM entries WHERE agency = ? AND year = ? "
                      "GROUP BY sequence ORDER BY MIN(id)", (agency, year))
        runs = [str(row[0]) for row in rows]
        counted = tx.all("SELECT sequence FROM counters WHERE agency = ? AND year = ? "
                         "AND last_number > 0 ORDER BY sequence", (agency, year))
        return runs + [str(row[0]) for row in counted if str(row[0]) not in runs]

    def plan_in(self, agency: str, year: int) -> SequencePlan:
        """How `agency` numbers in `year`: the plan the register keeps for that year; for an
        office without one, the plan its caller gave (`plans`), else every type in one run."""
        return self.read(lambda tx: self._plan_in(tx, agency, year))

    def _plan_in(self, tx: Transaction, agency: str, year: int) -> SequencePlan:
        """plan_in, in the caller's transaction, which holds the office's plan (shared) until
        it ends: a number given by it is in the register before the plan can change
        (set_plan waits for it, and then sees it)."""
        self.backend.lock_plans(tx, agency, exclusive=False)
        given = self.plans.get(agency)
        kept = plan_in_year(stored_plans(tx, agency), year)
        if kept is None:
            # --tach QĐ=Quyet-Dinh numbers on in the run 'quyet-dinh' the year holds.
            return given.spelled(self._known_runs(tx, agency, year)) if given else SequencePlan()
        if given is not None and not given.same_as(kept):
            # A caller's plan (vanthu so --tach) never silently overrides the office's.
            raise RegisterError("register.plan_contradicts", agency=agency, year=year,
                                kept=kept, given=given, pairs=given.option_text())
        return kept

    def stored_plans(self, agency: str) -> list[StoredPlan]:
        """The plans the register keeps for `agency`, earliest first ([]: none set)."""
        return self.read(lambda tx: stored_plans(tx, agency))

    def _check_run(self, tx: Transaction, agency: str, year: int, symbol: str | None,
                   code: str | None, chosen: str) -> None:
        """Refuse to number ký hiệu `symbol` in run `chosen` of `year` while that year's
        numbers of the same ký hiệu are all in another run (numbered apart by a plan the
        register does not keep: an older vanthu's `--tach`, a sổ imported with its Dãy số):
        both runs would give the same "NN/QĐ-UBND". Each (office, year, ký hiệu, run) found
        sound is not asked again by this Register."""
        if not symbol or not symbol.strip() or code is None:
            return
        key = (agency, year, symbol, chosen)
        if key in self._runs_checked:
            return
        if tx.one("SELECT 1 FROM entries WHERE agency = ? AND year = ? AND sequence = ? "
                  "AND symbol = ? LIMIT 1", (agency, year, chosen, symbol)) is None:
            row = tx.one(f"{db.SELECT} WHERE agency = ? AND year = ? AND sequence <> ? "
                         "AND symbol = ? ORDER BY number DESC LIMIT 1",
                         (agency, year, chosen, symbol))
            if row is not None:
                other = db.entry_from_row(row)
                raise RegisterError("register.sequence_unrecorded", agency=agency, year=year,
                                    symbol=symbol, found=other.sequence, chosen=chosen,
                                    example=other.describe(), code=code,
                                    office=self._office_option(tx, agency))
        self._runs_checked.add(key)

    def _office_option(self, tx: Transaction, agency: str) -> str:
        """' --co-quan ID' when the register numbers several offices (a command line for one
        of them names it), else ''."""
        row = tx.one("SELECT COUNT(DISTINCT agency) FROM entries")
        return f" --co-quan {agency}" if row is not None and int(row[0]) > 1 else ""

    def set_plan(self, agency: str, plan: SequencePlan, since: int | None = None, *,
                 this_year: int | None = None, check_only: bool = False
                 ) -> tuple[StoredPlan, bool]:
        """Keep `plan` as how `agency` numbers from year `since` until the next year the
        register keeps a plan from (none: every year after); the plan kept and whether this
        changed anything (with `check_only`, what it would keep, nothing written).

        A year whose numbers were given under another plan is never changed (a type numbered
        in two runs within a year would repeat its numbers: sequences.conflicting_rows): with
        `since`, such a year refuses it (register.plan_conflicts). Without `since`, the plan
        holds from the first year that has numbers of the office, or from `this_year` (today's
        by default) when the register keeps a plan for it already or holds no numbers of it,
        but never from a year so numbered: then from the year after the last one, refused
        when that is after `this_year` (register.plan_conflicts_now). The change and the
        numbers given by the plan it replaces take one lock (Backend.lock_plans): a clerk's
        number given at the same moment is either judged here or given by the new plan."""
        current = date.today().year if this_year is None else this_year

        def work(tx: Transaction) -> tuple[StoredPlan, bool]:
            # Before anything is read: a number being given by the plan now in force (it holds
            # the plan shared: _plan_in) is waited for, and then among the rows judged.
            self.backend.lock_plans(tx, agency, exclusive=True)
            kept = stored_plans(tx, agency)
            # Its runs as the register spells them (QĐ=Quyet-Dinh numbers on in quyet-dinh).
            runs = [str(row[0]) for row in tx.all(
                "SELECT sequence FROM entries WHERE agency = ? GROUP BY sequence "
                "ORDER BY MIN(id)", (agency,))]
            wanted = plan.spelled([*(name for stored in kept
                                     for name in sorted(stored.plan.sequences)), *runs])
            first = since
            if first is None:
                row = tx.one("SELECT MIN(year) FROM entries WHERE agency = ?", (agency,))
                earliest = int(row[0]) if row is not None and row[0] is not None else current
                first = current if kept else min(earliest, current)
            until = min((s.since for s in kept if s.since > first), default=None)
            rows = tx.all(
                "SELECT year, sequence, number, symbol, type_code FROM entries "
                "WHERE agency = ? AND year >= ? AND year < ? ORDER BY year, sequence, number",
                (agency, first, until if until is not None else _NO_YEAR))
            earlier = {name for stored in kept for name in stored.plan.sequences}
            conflicts = conflicting_rows(rows, wanted, earlier)
            start = first
            if conflicts:
                following = max(c.year for c in conflicts) + 1
                if since is not None:
                    raise self._conflict("register.plan_conflicts", agency, wanted, conflicts,
                                         following)
                if following > current:
                    raise self._conflict("register.plan_conflicts_now", agency, wanted,
                                         conflicts, following)
                start = following
            held = [stored for stored in kept if stored.since <= start]
            if held and held[-1].plan.same_as(wanted):
                return held[-1], False  # the office numbers so already
            if not check_only:
                write_plan(tx, agency, start, wanted, db.now())
            return StoredPlan(start, wanted), True

        return self.backend.run(work, write=not check_only)

    @staticmethod
    def _conflict(key: str, agency: str, plan: SequencePlan, conflicts: list[Misplaced],
                  following: int) -> RegisterError:
        """The refusal to change `agency`'s plan over numbers given under another one: the
        first few of them, each with its run, and the year from which it may change."""
        shown = [f"{c.reference} ({c.year}, {c.sequence})" for c in conflicts]
        return RegisterError(key, agency=agency, plan=plan, count=len(conflicts),
                             rows=first_named(shown, _NAMED), year=conflicts[-1].year,
                             following=following, pairs=plan.option_text() or "--chung")

    def number_holder(self, agency: str, year: int, number: int,
                      symbol: str | None) -> Entry | None:
        """The row holding `number` of `year` in the run a document of ký hiệu `symbol` is
        numbered in (by the office's plan for that year); None when no row holds it: what
        the register says now of a number an output prints."""

        def work(tx: Transaction) -> Entry | None:
            code = type_code_from_symbol(symbol)
            try:
                sequence = self._plan_in(tx, agency, year).sequence_for(code)
            except RegisterError:
                sequence = SequencePlan().sequence_for(code)
            return db.find(tx, agency, year, sequence, number)

        return self.read(work)

    @staticmethod
    def year_of(details: Details, year: int | None) -> int:
        """The register year: the document's date decides; else the given year; else today's.
        A year no register is of (outside FIRST_YEAR..LAST_YEAR, as a data file's dates) is
        refused: its sổ could never be shown, checked nor exported (so xem 1800 refuses it)."""
        if details.doc_date is not None:
            if year is not None and year != details.doc_date.year:
                raise RegisterError("register.year_mismatch", year=year,
                                    date=details.doc_date.strftime("%d/%m/%Y"))
            year = details.doc_date.year
        if year is None:
            return date.today().year
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise RegisterError("register.bad_year", value=year, low=FIRST_YEAR, high=LAST_YEAR)
        return year

    # -- operations -----------------------------------------------------------------------------

    def allocate(self, agency: str, details: Details, *, source: str | None = None,
                 sequence: str | None = None, year: int | None = None,
                 open_run: bool = False, typed: bool = False) -> Entry:
        """Cấp số: the next number of the document's sequence, recorded as pending.

        With a `source` (the data file a document is rendered from) that already holds a live
        number, that entry is returned instead (`fresh` False): re-rendering keeps its number.
        A source holding none takes over the number of a renamed or moved data file
        (`adopt_moved`), in the same transaction. A new number is refused while a restore of
        the office's year (`vanthu so khoi-phuc`) is not confirmed (restorations.py).
        `open_run`: whether `sequence` may start a run (_chosen_run; not by default: a run
        typed wrong would number from 01 again). With `typed` (`so cap
        --nguon`: the columns a clerk typed, not a document vanthu reads), the source's row
        recording another date, type or signer is refused (register.source_other_document:
        another document under the same name, or the old number to void first); one recording
        the same takes the other columns typed, as a document written again does.
        """
        details = db.completed(details)
        year = self.year_of(details, year)
        asked = sequence

        def work(tx: Transaction) -> Entry:
            if source is not None:
                existing = self._own_row(tx, agency, details, source)
                if existing is not None:
                    self._same_place(tx, existing, details)
                    if self._elsewhere(tx, existing, details, asked, year, open_run=open_run):
                        raise RegisterError(
                            "register.source_elsewhere", source=source,
                            existing=existing.describe(), year=existing.year,
                            sequence=existing.sequence,
                        )
                    return self._typed_again(tx, existing, details) if typed else existing
            sequence = self._sequence(tx, agency, details, asked, year, open_run=open_run)
            if source is not None:
                moved = self.adopt_moved(tx, agency, year, sequence, details, source)
                if moved is not None:
                    return moved
            # A new number: none while a restore of the year is not confirmed (it may be one
            # `so cap` gave a paper letter after the older copy was made).
            from pipeline.register.restorations import refuse_unconfirmed

            refuse_unconfirmed(tx, agency, year)
            number = db.next_number(tx, agency, year, sequence)
            check_number(number)  # a run at MAX_NUMBER (so vao-so 99999) gives no more
            return db.insert(tx, agency, year, sequence, number, Status.PENDING,
                             Origin.REGISTER, details, source, workspace=self.workspace)

        return self.backend.run(work, write=True)

    def _elsewhere(self, tx: Transaction, existing: Entry, details: Details,
                   sequence: str | None, year: int, *, open_run: bool = False) -> bool:
        """Whether the live row `existing` of a data file is in another year or sequence than
        the document (`details`, completed) is numbered in now: its date moved to another
        year, or its type to another run. allocate refuses it (register.source_elsewhere):
        a number never moves between years or runs."""
        wanted, _, _ = self._chosen_run(tx, existing.agency, details, sequence, year,
                                        open_run=open_run)
        return existing.year != year or existing.sequence != wanted

    def held_in_other_run(self, agency: str, details: Details, source: str) -> Entry | None:
        """The live row of data file `source` when it is in another year or sequence than the
        document `details` describes would be numbered in (_elsewhere): allocate would refuse
        it; None for a file holding no number, or holding it where it belongs. Only reads:
        a build and check refuse that document alone before any number is given
        (builder.refuse_other_runs, documents.other_run_error)."""
        details = db.completed(details)
        if details.doc_date is None:
            return None
        year = details.doc_date.year

        def work(tx: Transaction) -> Entry | None:
            existing = self._find_own(tx, agency, details, source)
            if existing is None or not self._elsewhere(tx, existing, details, None, year):
                return None
            return existing

        return self.read(work)

    def _typed_again(self, tx: Transaction, existing: Entry, details: Details) -> Entry:
        """allocate's `typed` row `existing` of the data file asked for again with `details`:
        refused when they differ in date, type or signer (another document: what differs is
        named); else `existing` with the columns `details` gives (the document edited)."""
        recorded = existing.details
        differs = []
        if recorded.doc_date and details.doc_date and recorded.doc_date != details.doc_date:
            differs.append(Phrase("register.differs_date",
                                  old=recorded.doc_date.strftime("%d/%m/%Y"),
                                  new=details.doc_date.strftime("%d/%m/%Y")))
        if recorded.type_code and details.type_code and recorded.type_code != details.type_code:
            differs.append(Phrase("register.differs_type", old=recorded.type_code,
                                  new=details.type_code))
        if recorded.signer and details.signer and (
                " ".join(recorded.signer.split()).casefold()
                != " ".join(details.signer.split()).casefold()):
            differs.append(Phrase("register.differs_signer", old=recorded.signer,
                                  new=details.signer))
        if differs:
            raise RegisterError(
                "register.source_other_document", source=existing.source,
                existing=existing.describe(), changes="; ".join(differs),
                command=existing.void_command(
                    named_office=bool(self._office_option(tx, existing.agency))))
        before = db.detail_columns(recorded)
        given = {name: value for name, value in db.detail_columns(details).items()
                 if value is not None and value != before[name]}
        return db.update(tx, existing.id, **given) if given else existing

    def _own_row(self, tx: Transaction, agency: str, details: Details,
                 source: str) -> Entry | None:
        """The live row of data file `source` of this register's workspace; a row naming the
        file but no workspace is taken over when it records this document (names_file)."""
        found = self._find_own(tx, agency, details, source)
        if found is None or self.workspace is None or found.workspace == self.workspace:
            return found
        return db.claim(tx, found, self.workspace)

    def _find_own(self, tx: Transaction, agency: str, details: Details,
                  source: str) -> Entry | None:
        """The row _own_row returns, without taking a row naming no workspace over."""
        existing = db.by_source(tx, agency, source, self.workspace)
        if existing is not None or self.workspace is None:
            return existing
        unclaimed = db.by_source(tx, agency, source, None)
        if unclaimed is None or not names_file(unclaimed, details, source, self.workspace):
            return None
        return unclaimed

    def _same_place(self, tx: Transaction, row: Entry, details: Details) -> None:
        """For a workspace seen elsewhere before (`moved_from`): its own row `row` recording this
        document proves a move, and the workspace's place is settled here; a row recording
        another document is a copy's, and refused (register.workspace_copied_row)."""
        last, here, identity = self.moved_from, self.here, self.workspace
        if last is None or here is None or identity is None or row.workspace != identity:
            return
        if not same_document(row.details, details):
            raise RegisterError("register.workspace_copied_row", root=here.root,
                                identity=identity, other=last.root, host=last.host,
                                source=row.source or "", existing=row.describe())
        self._write_place(tx, identity, here)
        self.moved_from = None

    def last_place(self, workspace: str) -> Place | None:
        """Where workspace `workspace` used this register last (None: never recorded)."""
        row = self.read(lambda tx: tx.one(
            "SELECT root, host FROM workspace_places WHERE workspace = ?", (workspace,)))
        return Place(str(row[0]), str(row[1])) if row else None

    def place_words(self, workspace: str) -> str:
        """', in the folder ... on machine ...' where workspace `workspace` last used this
        register (documents.place_workspace records it), to name another clerk's row in a
        message; '' when it is not known."""
        place = self.last_place(workspace)
        if place is None:
            return ""
        return t("register.workspace_place", root=place.root, host=place.host)

    def settle_place(self, workspace: str, place: Place) -> None:
        """Record that workspace `workspace` uses this register from `place` now."""
        self.backend.run(lambda tx: self._write_place(tx, workspace, place), write=True)

    @staticmethod
    def _write_place(tx: Transaction, workspace: str, place: Place) -> None:
        tx.execute(
            "INSERT INTO workspace_places (workspace, root, host, seen_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (workspace) DO UPDATE SET root = excluded.root, "
            "host = excluded.host, seen_at = excluded.seen_at",
            (workspace, place.root, place.host, db.now()))

    def alike(self, entry: Entry) -> list[Entry]:
        """The other issued rows of `entry`'s sequence recording the same trích yếu, date and
        type code for a data file of this workspace, or of any on a shared register
        (rows.issued_alike): a file copied and not yet edited, when `entry` was just given.
        For an entry still pending (a build's), the lower numbers pending with it too: two
        copies of one file numbered in the same build, the second said."""
        details = entry.details
        if not details.summary or details.doc_date is None:
            return []
        pending_below = entry.number if entry.status is Status.PENDING else None
        # On a register clerks share, another clerk's row too (two clerks asked to send the
        # same công văn): this workspace's rows first.
        rows = self.read(lambda tx: db.issued_alike(
            tx, entry.agency, entry.year, entry.sequence, details, self.workspace,
            every_workspace=self.workspace is not None, pending_below=pending_below))
        rows.sort(key=lambda row: row.workspace != self.workspace)
        return [row for row in rows if row.id != entry.id]

    def holds_any(self, year: int, given: Iterable[tuple[str, int, str]]) -> bool:
        """Whether this register holds any of `given`, (office, number, data file) of `year`,
        for this workspace or for none: the numbers another register gave the workspace's data
        files, imported here (`so xuat` there, `so nhap` here; switched.unmigrated)."""
        wanted = set(given)
        if not wanted:
            return False
        rows = self.read(lambda tx: tx.all(
            "SELECT agency, number, source FROM entries WHERE year = ? AND source IS NOT NULL "
            f"AND (workspace IS NULL OR {db.SAME_WORKSPACE})", (year, self.workspace or "")))
        return any((agency, int(number), source) in wanted for agency, number, source in rows)

    def lacking(self, year: int,
                numbers: Iterable[tuple[str, int, str | None]]) -> set[tuple[str, int, str | None]]:
        """Of `numbers`, (office, number, ký hiệu) of `year`, those no row holds (in any state
        or workspace) in the run a document of that ký hiệu is numbered in: numbers an output
        prints that this register has no trace of (restore.lacking_numbers: a copy of the
        register from before they were given, put back). One read."""
        wanted = set(numbers)
        if not wanted:
            return set()

        def work(tx: Transaction) -> set[tuple[str, int, str | None]]:
            held = {(str(agency), str(sequence), int(number)) for agency, sequence, number in
                    tx.all("SELECT agency, sequence, number FROM entries WHERE year = ?",
                           (year,))}
            runs: dict[tuple[str, str | None], str] = {}
            missing = set()
            for agency, number, symbol in wanted:
                code = type_code_from_symbol(symbol)
                if (agency, code) not in runs:
                    try:
                        runs[(agency, code)] = self._plan_in(tx, agency, year).sequence_for(code)
                    except RegisterError:
                        runs[(agency, code)] = SequencePlan().sequence_for(code)
                if (agency, runs[(agency, code)], number) not in held:
                    missing.add((agency, number, symbol))
            return missing

        return self.read(work)

    def restore_given(self, rows: Iterable[tuple[str, int, int, Details, str, Origin]]
                      ) -> list[Entry]:
        """Vào sổ again, all at once or none, numbers this register gave or entered as typed
        in their data and no longer holds (`vanthu so khoi-phuc`: a copy of the register from
        before they were given put back), as the outputs printing them record them: (office,
        year, number, columns, data file, origin: Origin.REGISTER, or Origin.TYPED for a
        number typed in its data) each, issued; each run's counter lifted to them. The restore is
        recorded with them (restorations.record): no new number of those offices' years is
        given until the clerk confirms that the numbers nothing records are entered too."""
        rows = list(rows)

        def work(tx: Transaction) -> list[Entry]:
            done = []
            for agency, year, number, details, source, origin in rows:
                details = db.completed(details)
                sequence = self._sequence(tx, agency, details, None, year)
                db.raise_counter(tx, agency, year, sequence, number)
                done.append(self._record(tx, agency, year, sequence, number, details, source,
                                         origin, workspace=self.workspace))
            from pipeline.register.restorations import record

            record(tx, done)
            return done

        return self.backend.run(work, write=True)

    def unconfirmed_restore(self, year: int, agency: str | None = None) -> Unconfirmed | None:
        """The restores (`vanthu so khoi-phuc`) of `year`, of office `agency` or of every office,
        whose clerk has not yet confirmed that the numbers given after the older copy are
        entered (restorations.py); None when there are none."""
        from pipeline.register.restorations import unconfirmed

        return self.read(lambda tx: unconfirmed(tx, year, agency))

    def confirm_restore(self, year: int, agency: str | None = None) -> Unconfirmed | None:
        """`vanthu so khoi-phuc NAM --da-kiem-tra`: the restores of `year` (of office `agency`,
        or every office) confirmed, returned as they were; None when none was waiting."""
        from pipeline.register.restorations import confirm

        return self.backend.run(lambda tx: confirm(tx, year, agency), write=True)

    def adopt_recorded(self, agency: str, year: int, number: int, source: str) -> Entry | None:
        """The live row of `number` (office, year) naming data file `source`, this workspace's
        (a row naming no workspace, as `so nhap` writes it, taken over): the number another
        register gave the file and its output prints, imported here. It is the file's own
        whatever date or trích yếu it records (the file may have been edited since), so a
        rebuild keeps it (documents.refuse_other_register). None when there is no such row."""

        def work(tx: Transaction) -> Entry | None:
            entry = db.given_row(tx, agency, year, number, source, self.workspace,
                                 adoptable=True)
            if entry is None:
                return None
            if self.workspace is None or entry.workspace == self.workspace:
                return entry
            if db.by_source(tx, agency, source, self.workspace) is not None:
                return None  # the file holds another number here already
            return db.claim(tx, entry, self.workspace)

        return self.backend.run(work, write=True)

    def left_behind(self, agency: str, details: Details, source: str) -> list[Entry]:
        """The numbers a new number for data file `source` would leave without a document: the
        issued rows of its office, year and sequence whose data file is gone and that record its
        date and type code (left_behind_by), when `source` holds no number (allocate keeps
        that) and none of them is taken over as this document renamed (the one row also
        recording its trích yếu: adopt_moved). A file renamed and then edited would otherwise
        silently take a second number for one document; whether it is that document, or a
        new one beside a deleted one, only the clerk knows. [] when the register cannot tell
        (no `source_exists`: a shared register) or the document is undated."""
        details = db.completed(details)
        exists, when = self.source_exists, details.doc_date
        if exists is None or when is None:
            return []

        def work(tx: Transaction) -> list[Entry]:
            if self._find_own(tx, agency, details, source) is not None:
                return []
            sequence = self._sequence(tx, agency, details, None, when.year)
            rows = db.issued_on(tx, agency, when.year, sequence, when, self.workspace)
            gone = [row for row in rows
                    if left_behind_by(row, details, source, self.workspace, exists)]
            if details.summary and sum(
                    db.same_summary(row.details.summary, details.summary) for row in gone) == 1:
                return []  # adopt_moved takes that one over
            return gone

        return self.read(work)

    def renamed_rows(self, documents: Mapping[str, tuple[str, Details]]) -> Handover:
        """Which issued rows follow their document to another data file among `documents`
        (data file -> office and columns: the documents a build numbers, so: tu_dong): a row
        whose data file now records another document (type, date or trích yếu changed) while
        another file records, unchanged, the document it was issued for (the file renamed and
        its old name reused, two files' names swapped, a copy kept while the first file was
        rewritten). The number stays with the document issued under it, not with a file name
        (handover judges, and refuses what cannot be told). Only reads: hand_over moves them."""
        now = {name: (agency, db.completed(details))
               for name, (agency, details) in documents.items()}

        def work(tx: Transaction) -> Handover:
            own = {name: self._find_own(tx, agency, details, name)
                   for name, (agency, details) in now.items()}
            copies = self.copies_of_renamed(tx, now, own)
            # The issued rows whose data file now records another document: the only ones
            # that may follow their document (compared here, not asked of the database).
            stale = [row for name, row in own.items()
                     if row is not None and row.status is Status.ISSUED
                     and not is_form_record(name) and not records_document(row, now[name][1])]
            if not stale:
                return Handover(unclear=copies)
            claims: dict[str, list[Entry]] = {}
            for name, (agency, details) in now.items():
                mine, when = own[name], details.doc_date
                if (mine is not None and mine not in stale) or when is None or is_form_record(
                        name):
                    continue
                found = [row for row in stale if row.source != name and row.agency == agency
                         and row.year == when.year and records_document(row, details)]
                if found and all(row.sequence == self._sequence(tx, agency, details, None,
                                                                 when.year) for row in found):
                    claims[name] = found
            return handover(own, claims, copies)

        return self.read(work)

    def copies_of_renamed(
        self, tx: Transaction, now: Mapping[str, tuple[str, Details]],
        own: Mapping[str, Entry | None],
    ) -> dict[str, tuple[Entry, tuple[str, ...]]]:
        """renamed_rows's refusal of the data files of `now` (office and completed columns)
        holding no row (`own`) that record alike (copy_key) the document of one issued row
        whose data file is gone (_gone_rows): alone, a file would take that row over as the
        document renamed (adopt_moved); a renamed file and its copy cannot be told apart, and
        the number is not given to whichever is numbered first. Data file -> that row, and
        the files (each of them refused)."""
        alike: dict[tuple[str, str | None, date, str], list[str]] = {}
        for name, (agency, details) in now.items():
            key = copy_key(agency, details)
            if key is not None and own[name] is None and not is_form_record(name):
                alike.setdefault(key, []).append(name)
        refused: dict[str, tuple[Entry, tuple[str, ...]]] = {}
        for (agency, _, when, _), names in alike.items():
            if len(names) < 2:
                continue
            details = now[names[0]][1]
            sequence, _, _ = self._chosen_run(tx, agency, details, None, when.year)
            gone = self._gone_rows(tx, agency, when.year, sequence, details, names[0])
            if len(gone) == 1:
                refused.update(dict.fromkeys(names, (gone[0], tuple(sorted(names)))))
        return refused

    def may_hand_over(self, agency: str, details: Details, source: str) -> bool:
        """Whether numbering data file `source` alone (a render of its own, which sees no
        other file) could take or leave a number renamed_rows would hand over: its own issued
        row records another document now (its name reused, or the document edited), or it
        holds no row while an issued row of another data file records its document (it may be
        that document renamed, its old name reused, or its old file gone while a copy of it
        waits for a number too: copies_of_renamed; any other file's, on a shared register,
        which cannot tell which files are there). Only then are the workspace's other files
        worth reading (documents.follow_renamed)."""
        details = db.completed(details)
        when = details.doc_date
        if when is None or is_form_record(source):
            return False

        def work(tx: Transaction) -> bool:
            own = self._find_own(tx, agency, details, source)
            if own is not None:
                return own.status is Status.ISSUED and not records_document(own, details)
            if not details.summary:
                return False
            sequence = self._sequence(tx, agency, details, None, when.year)
            return any(row.source is not None and row.source != source
                       for row in db.issued_alike(tx, agency, when.year, sequence, details,
                                                  self.workspace))

        return self.read(work)

    def hand_over(self, moves: Mapping[str, Entry]) -> None:
        """Each row of `moves` (renamed_rows) now naming its data file, in one transaction: the
        rows are first set aside (a swap of two files' rows would otherwise name one file twice
        for a moment, which the register's index refuses). A row changed meanwhile (voided,
        moved: another process) is left as it is, and its document numbered as allocate finds
        it."""

        def work(tx: Transaction) -> None:
            aside = [(name, row) for name, row in moves.items()
                     if db.move_source(tx, row, None) is not None]
            for name, row in aside:
                db.move_source(tx, replace(row, source=None), name)

        self.backend.run(work, write=True)

    def adopt_moved(self, tx: Transaction, agency: str, year: int, sequence: str,
                    details: Details, source: str) -> Entry | None:
        """The issued row of a renamed or moved data file, now naming `source`; None when there
        is none to take over.

        A row qualifies when it is issued in the same office, year and sequence, records the
        same trích yếu, date and type code, and its data file no longer exists. Several such rows
        are not guessed between: the document is numbered anew (kiem-tra lists them); nor are
        several files that would each take the one row (the renamed file and a copy of it:
        render and build refuse them before, copies_of_renamed). A form's record is no data
        file (is_form_record): a form's row is never taken over by a data file while its
        record is away, nor a data file's by a form.
        """
        moved = self._one_gone_row(tx, agency, year, sequence, details, source)
        if moved is None:
            return None
        # None when another clerk took the row over between the read and this write (PostgreSQL
        # re-reads the row it waited for): then this document is numbered anew.
        return db.move_source(tx, moved, source)

    def renamed_row(self, agency: str, details: Details, source: str) -> Entry | None:
        """The issued row allocate would take over for data file `source` as its document
        renamed or moved (adopt_moved), read beforehand: the file keeps that number, and check
        warns it of no copy (documents.copy_of_numbered). None when the file holds a row of
        its own, or no one row is there to take over."""
        details = db.completed(details)
        when = details.doc_date
        if when is None:
            return None

        def work(tx: Transaction) -> Entry | None:
            if self._find_own(tx, agency, details, source) is not None:
                return None
            sequence = self._sequence(tx, agency, details, None, when.year)
            return self._one_gone_row(tx, agency, when.year, sequence, details, source)

        return self.read(work)

    def _one_gone_row(self, tx: Transaction, agency: str, year: int, sequence: str,
                      details: Details, source: str) -> Entry | None:
        """The row adopt_moved takes over: the only one of _gone_rows (several are not
        guessed between)."""
        gone = self._gone_rows(tx, agency, year, sequence, details, source)
        return gone[0] if len(gone) == 1 else None

    def _gone_rows(self, tx: Transaction, agency: str, year: int, sequence: str,
                   details: Details, source: str) -> list[Entry]:
        """The rows adopt_moved may take over for data file `source` (`details` completed):
        issued in the same office, year and sequence, recording the same trích yếu, date and
        type code, their data file gone (`source_exists`; [] when the register cannot tell).
        No form's record among them, nor for one (is_form_record)."""
        exists = self.source_exists
        if (exists is None or not details.summary or details.doc_date is None
                or is_form_record(source)):
            return []
        return [
            row for row in db.issued_alike(tx, agency, year, sequence, details, self.workspace)
            if row.source is not None and row.source != source and not exists(row.source)
            and not is_form_record(row.source)
        ]

    def confirm(self, entry: Entry | int, details: Details | None = None) -> Entry:
        """The document with this number now exists: pending → issued (details updated if given)."""
        entry_id = entry if isinstance(entry, int) else entry.id

        def work(tx: Transaction) -> Entry:
            row = tx.one(f"{db.SELECT} WHERE id = ?", (entry_id,))
            if row is None:
                raise RegisterError("register.no_entry", id=entry_id)
            current = db.entry_from_row(row)
            if current.status is Status.VOID:
                raise RegisterError("register.confirm_void", entry=current.describe())
            values: dict[str, Any] = {"status": Status.ISSUED.value}
            if details is not None:  # ngày chuyển, ký nhận, ghi chú stay the clerk's
                values.update(db.document_columns(db.completed(details)))
            return db.update(tx, entry_id, **values)

        return self.backend.run(work, write=True)

    def refresh(self, entry: Entry, details: Details) -> Entry:
        """The live row `entry` with the columns its document says now (date, trích yếu,
        recipients...: the document was written again after an edit); the clerk's columns
        (ngày chuyển, ký nhận, ghi chú) stay. A row voided meanwhile is left as it is."""

        def work(tx: Transaction) -> Entry:
            row = tx.one(f"{db.SELECT} WHERE id = ?", (entry.id,))
            if row is None:
                raise RegisterError("register.no_entry", id=entry.id)
            current = db.entry_from_row(row)
            if current.status is Status.VOID:
                return current
            return db.update(tx, entry.id, **db.document_columns(db.completed(details)))

        return self.backend.run(work, write=True)

    def record_typed(self, requests: Iterable[TypedRequest]) -> list[TypedNumber]:
        """Vào sổ the numbers documents' data type themselves (so: 40), as `so vao-so` records
        a hand-written one, all in one transaction: the counter moves past each, so the
        register never gives it again.

        The row already holding a number for its document (holds_for: its data file's, or a
        row `so vao-so`, `so cap` or `so giu` made for it) takes the document's columns now
        (unless the request says `update` False); a row holding it for another document is
        left alone and returned as `holder` (render and build refuse such a document). A data
        file holding another live number (it typed another one, or said so: tu_dong, before)
        keeps that row: the new one names no data file."""
        todo = [replace(r, details=db.completed(r.details)) for r in requests]

        def work(tx: Transaction) -> list[TypedNumber]:
            return [self._record_typed(tx, request) for request in todo]

        return self.backend.run(work, write=True) if todo else []

    def _record_typed(self, tx: Transaction, request: TypedRequest) -> TypedNumber:
        agency, number, details, source = (request.agency, request.number, request.details,
                                           request.source)
        check_number(number)
        year = self.year_of(details, None)
        sequence = self._sequence(tx, agency, details, None, year)
        following = db.last_number(tx, agency, year, sequence) + 1
        existing = db.find(tx, agency, year, sequence, number)
        if existing is not None:
            if not holds_for(existing, details, source, self.workspace, self.source_exists):
                return TypedNumber(None, existing, following, holder=existing)
            if not request.update:
                return TypedNumber(existing, existing, following)
            values = db.document_columns(details)
            if existing.status is not Status.ISSUED:
                values["status"] = Status.ISSUED.value
            if (existing.source is None or left_behind_by(
                    existing, details, source, self.workspace, self.source_exists)) and (
                    db.by_source(tx, agency, source, self.workspace) is None):
                values["source"] = source  # a gone file's row now names the file typing it
                values["workspace"] = self.workspace
            elif existing.source is not None and existing.workspace != self.workspace:
                values["workspace"] = self.workspace  # a row naming no workspace, taken over
            db.raise_counter(tx, agency, year, sequence, number)
            return TypedNumber(db.update(tx, existing.id, **values), existing, following)
        db.raise_counter(tx, agency, year, sequence, number)
        holder = db.by_source(tx, agency, source, self.workspace)
        entry = db.insert(tx, agency, year, sequence, number, Status.ISSUED, Origin.TYPED,
                          details, source if holder is None else None,
                          workspace=self.workspace)
        return TypedNumber(entry, None, following)

    def reserve(self, agency: str, details: Details | None = None, *, count: int = 1,
                sequence: str | None = None, year: int | None = None,
                open_run: bool = False) -> list[Entry]:
        """Giữ số: the next `count` numbers kept aside, rows without a document (refused, as
        allocate, while a restore of the office's year is not confirmed; `open_run` as
        allocate's)."""
        if count < 1:
            raise RegisterError("register.bad_count", count=count)
        if count > MAX_NUMBER:  # more than a run holds: refused before a row is written
            raise RegisterError("register.count_too_large", count=count, limit=MAX_NUMBER)
        details = db.completed(details or Details())
        year = self.year_of(details, year)
        asked = sequence

        def work(tx: Transaction) -> list[Entry]:
            sequence = self._sequence(tx, agency, details, asked, year, open_run=open_run)
            from pipeline.register.restorations import refuse_unconfirmed  # as allocate

            refuse_unconfirmed(tx, agency, year)
            return [
                db.insert(tx, agency, year, sequence, _checked(db.next_number(
                    tx, agency, year, sequence)), Status.RESERVED, Origin.REGISTER, details, None)
                for _ in range(count)
            ]

        return self.backend.run(work, write=True)

    def void(self, agency: str, year: int, number: int, reason: str, *,
             sequence: str | None = None) -> Entry:
        """Hủy số: the number is kept with its reason and never given again.

        A number below the counter that no row holds (a gap) is recorded as void, too.
        """
        if not reason or not reason.strip():
            raise RegisterError("register.void_needs_reason")
        asked = sequence if sequence and sequence.strip() else self.plan_for(agency).default

        def work(tx: Transaction) -> Entry:
            # --day CHUNG voids in chung (sequences.run_key).
            sequence = spelled_as(asked, self._known_runs(tx, agency, year)) or asked.strip()
            counter = tx.one(
                "SELECT last_number FROM counters WHERE agency = ? AND year = ? AND sequence = ?",
                (agency, year, sequence),
            )
            existing = db.find(tx, agency, year, sequence, number)
            if existing is None:
                if counter is None or number > int(counter[0]):
                    raise RegisterError("register.not_given", number=number, year=year,
                                        sequence=sequence, agency=agency)
                return db.insert(tx, agency, year, sequence, number, Status.VOID,
                                    Origin.TYPED, Details(), None, reason.strip())
            if existing.status is Status.VOID:
                raise RegisterError("register.already_void", entry=existing.describe())
            return db.update(tx, existing.id, status=Status.VOID.value,
                             void_reason=reason.strip())

        return self.backend.run(work, write=True)

    def void_entry(self, entry: Entry, reason: str) -> Entry:
        """Hủy số of an entry at hand (a render that failed after allocating)."""
        return self.void(entry.agency, entry.year, entry.number, reason, sequence=entry.sequence)

    def record(self, agency: str, number: int, details: Details, *, source: str | None = None,
               sequence: str | None = None, year: int | None = None,
               origin: Origin = Origin.TYPED, allow_gap: bool = True,
               open_run: bool = False) -> Entry:
        """Vào sổ a number given by hand; a reserved number is filled in, a taken one refused.

        Without `allow_gap`, a number past the sequence's next one (which would leave the
        numbers between never given) is refused, naming them (`vanthu so vao-so` asks for
        --bo-qua-so to go on). `open_run` as allocate's."""
        check_number(number)  # before the counter is raised to it
        details = db.completed(details)
        year = self.year_of(details, year)
        asked = sequence

        def work(tx: Transaction) -> Entry:
            sequence = self._sequence(tx, agency, details, asked, year, open_run=open_run)
            if not allow_gap:
                following = db.last_number(tx, agency, year, sequence) + 1
                if number > following:
                    skipped = (f"{following:02d}" if number - 1 == following
                               else f"{following:02d}–{number - 1:02d}")
                    raise RegisterError("register.would_skip", number=f"{number:02d}",
                                        following=f"{following:02d}", skipped=skipped,
                                        year=year, sequence=sequence)
            db.raise_counter(tx, agency, year, sequence, number)
            return self._record(tx, agency, year, sequence, number, details, source, origin,
                                workspace=self.workspace)

        return self.backend.run(work, write=True)

    def _record(self, tx: Transaction, agency: str, year: int, sequence: str, number: int,
                details: Details, source: str | None, origin: Origin,
                status: Status = Status.ISSUED, void_reason: str | None = None, *,
                workspace: str | None) -> Entry:
        """Write number `number` for `source` of `workspace` (the one its row names: this
        register's, or an imported row's own, record_many)."""
        check_number(number)
        existing = db.find(tx, agency, year, sequence, number)
        if existing is not None and origin is Origin.IMPORTED and typed_in_data(existing) and (
            db.same_symbol(existing.details.symbol, details.symbol)
        ):
            # The old sổ's row of a document whose data typed its number (a last year's decision
            # cited by a report): one document, already recorded from its data; kept as it is.
            return existing
        if existing is not None and not (
            existing.status is Status.RESERVED and status is Status.ISSUED
        ):
            # A number vanthu gave itself, met by an old sổ being imported: most likely given
            # before the sổ was brought in; the import's refusal says how to bring it in.
            given = origin is Origin.IMPORTED and existing.origin is Origin.REGISTER
            raise DuplicateNumberError(
                "register.duplicate_given" if given else "register.duplicate",
                existing=existing, number=f"{number:02d}", year=year, sequence=sequence)
        if source is not None and status is not Status.VOID:  # void rows give their source up
            holder = db.by_source(tx, agency, source, workspace)
            if holder is not None:
                raise DuplicateNumberError("register.source_taken", existing=holder,
                                           source=source)
        if existing is not None:  # a reserved number, now used
            return db.update(tx, existing.id, status=status.value, source=source,
                             workspace=workspace if source is not None else None,
                             **db.detail_columns(details))
        return db.insert(tx, agency, year, sequence, number, status, origin, details, source,
                         void_reason, workspace=workspace)

    @staticmethod
    def _refuse_held_elsewhere(
        tx: Transaction, agency: str,
        rows: list[tuple[int, int, str, Details, Status, str | None, str | None]],
    ) -> None:
        """Refuse the first of an import's `rows` whose số, ký hiệu the register holds in
        another run of its year (spaces and case aside: rows.same_symbol), as it was before the
        import: `so kiem-tra` would count the two as one number given twice. The file's own rows are
        not judged against each other (a sổ exported with such a pair is imported as it is,
        and the check after the import says so)."""
        # Per year, number → the rows holding it with a ký hiệu: one read a year, not a row.
        years: dict[int, dict[int, list[Entry]]] = {}
        for index, (year, number, sequence, details, *_rest) in enumerate(rows):
            if not (details.symbol or "").strip():
                continue
            if year not in years:
                years[year] = {}
                for row in tx.all(f"{db.SELECT} WHERE agency = ? AND year = ? "
                                  "AND symbol IS NOT NULL ORDER BY id", (agency, year)):
                    entry = db.entry_from_row(row)
                    years[year].setdefault(entry.number, []).append(entry)
            held = next((entry for entry in years[year].get(number, [])
                         if entry.sequence != sequence
                         and db.same_symbol(entry.details.symbol, details.symbol)), None)
            if held is not None:
                error = DuplicateNumberError(
                    "register.duplicate_other_run", existing=held, year=year,
                    reference=f"{number:02d}/{details.symbol}", sequence=held.sequence)
                error.index = index  # which of the rows, for a reader to name its line
                raise error

    def record_many(self, agency: str, rows: Iterable[tuple[int, int, str | None, Details,
                                                             Status, str | None, str | None]],
                    *, check: Callable[[list[str]], None] | None = None,
                    workspaces: Sequence[str | None] | None = None) -> list[Entry]:
        """Vào sổ many rows at once (an imported register): all of them or none.

        Each row is (year, number, sequence, details, status, void reason, source); a row
        without a sequence is numbered in the run the office's plan for its year sends its
        type to, read in the transaction that writes it. The transaction holds the office's
        plan exclusively from its start (Backend.lock_plans, as set_plan does): a plan change
        or an allocation of the office never interleaves with an import, so no row goes into
        a run by a plan changed meanwhile (a type numbered in two runs of one year).
        `check`, when given, is called there with each row's run, before any row is written:
        the caller's refusal of its rows judged by the runs they are written in (so nhap: two
        rows of its file holding one number of a run), which leaves the register as it was.
        `workspaces`, when given, is the workspace each row names (so nhap: the importing
        workspace for the rows its own records show, none for the others); else this
        register's.
        """
        given = list(rows)
        owners = list(workspaces) if workspaces is not None else [self.workspace] * len(given)
        displacing = self._displaced is not None

        def work(tx: Transaction) -> tuple[list[Entry], list[Displaced]]:
            self.backend.lock_plans(tx, agency, exclusive=True)
            rows = self._runs_of(tx, agency, given)
            if check is not None:
                check([sequence for _, _, sequence, *_ in rows])
            self._refuse_held_elsewhere(tx, agency, rows)
            parked, kept = self._park_given(tx, agency, rows) if displacing else ({}, [])
            done = []
            for index, (year, number, sequence, details, status, reason, source) in enumerate(
                rows
            ):
                check_number(number)  # before the counter is raised to it
                db.raise_counter(tx, agency, year, sequence, number)
                try:
                    done.append(self._record(tx, agency, year, sequence, number,
                                             db.completed(details), source, Origin.IMPORTED,
                                             status, reason, workspace=owners[index]))
                except DuplicateNumberError as exc:
                    exc.index = index  # which of the rows, for a reader to name its line
                    raise
            return done, self._place_parked(tx, agency, parked) + kept

        done, moved = self.backend.run(work, write=True)
        if self._displaced is not None:
            self._displaced[:] = moved
        return done

    def _runs_of(self, tx: Transaction, agency: str,
                 rows: list[tuple[int, int, str | None, Details, Status, str | None, str | None]]
                 ) -> list[tuple[int, int, str, Details, Status, str | None, str | None]]:
        """record_many's rows, each with its run: given, spelt as the register or an earlier
        row spells that run (a Dãy số 'Chung' or --day CHUNG is chung: sequences.run_key),
        else the one the office's plan for its year sends its type to (as sequence_for, in the
        caller's transaction), every one chosen before any is written (a run is judged against
        the register as it was)."""
        known: dict[int, list[str]] = {}
        chosen = []
        for year, number, sequence, details, status, reason, source in rows:
            if sequence is None or not sequence.strip():
                run = self._sequence(tx, agency, details, None, year)
            else:
                if year not in known:
                    known[year] = self._known_runs(tx, agency, year)
                runs = known[year]
                run, _, _ = self._chosen_run(tx, agency, details, sequence, year, open_run=True,
                                             known=runs)
                if run not in runs:
                    runs.append(run)  # a run the file begins: its later rows spell it so
            chosen.append((year, number, run, details, status, reason, source))
        return chosen

    @contextmanager
    def displacing(self) -> Iterator[list[Displaced]]:
        """While open, an import (record_many) moves the numbers vanthu gave (build, render,
        `so cap`, `so giu`) out of the way of the imported rows, instead of refusing the rows
        they collide with: the old sổ kept before vanthu holds those numbers for its own
        documents (`so nhap --doi-so-da-cap`, a clerk who built before importing). Yields the
        list that the import fills with what it moved (Displaced)."""
        moved: list[Displaced] = []
        self._displaced = moved
        try:
            yield moved
        finally:
            self._displaced = None

    def _park_given(self, tx: Transaction, agency: str,
                    rows: list[tuple[int, int, str, Details, Status, str | None, str | None]]
                    ) -> tuple[dict[tuple[int, str], list[Entry]], list[Displaced]]:
        """Per (year, run) of the imported `rows`: the rows the register gave itself there
        (origin register) from the lowest number an imported row also holds on, set aside
        (numbers above _PARKED) for _place_parked. A void one an imported row holds the number
        of is deleted (its number is the imported document's now: the old sổ gave it first);
        a void one no imported row holds stays where it is, void: `so huy` promises its number
        is never given again, and moving it would hand that number to a moved row. A row
        naming the data file the imported row names is the same document, never moved. With
        the rows set aside, the void ones kept (Displaced.kept), for the clerk to be told."""
        incoming: dict[tuple[int, str], dict[int, str | None]] = {}
        for year, number, sequence, _details, _status, _reason, source in rows:
            incoming.setdefault((year, sequence), {})[number] = source
        parked: dict[tuple[int, str], list[Entry]] = {}
        kept: list[Displaced] = []
        for (year, sequence), numbers in incoming.items():
            db.raise_counter(tx, agency, year, sequence, 0)  # its lock, before reading the run
            given = [db.entry_from_row(row) for row in tx.all(
                f"{db.SELECT} WHERE agency = ? AND year = ? AND sequence = ? AND origin = ? "
                "ORDER BY number", (agency, year, sequence, Origin.REGISTER.value))]

            def same(entry: Entry, numbers: dict[int, str | None] = numbers) -> bool:
                return entry.source is not None and numbers.get(entry.number) == entry.source

            hit = [e.number for e in given if e.number in numbers and not same(e)]
            if not hit:
                continue
            after = [e for e in given if e.number >= min(hit) and not same(e)]
            staying = [e for e in after if e.status is Status.VOID and e.number not in numbers]
            moving = [e for e in after if e not in staying]
            kept += [Displaced(e, e.number) for e in staying]
            for entry in moving:
                if entry.status is Status.VOID:
                    tx.execute("DELETE FROM entries WHERE id = ?", (entry.id,))
                else:
                    tx.execute("UPDATE entries SET number = ? WHERE id = ?",
                               (entry.number + _PARKED, entry.id))
            parked[(year, sequence)] = moving
        return parked, kept

    @staticmethod
    def _place_parked(tx: Transaction, agency: str,
                      parked: dict[tuple[int, str], list[Entry]]) -> list[Displaced]:
        """The rows _park_given set aside numbered after every number their run holds now (the
        imported ones too), in their former order; the run's counter set to its last number
        (the numbers above it were only the moved rows' and the void ones dropped)."""
        moved: list[Displaced] = []
        for (year, sequence), entries in parked.items():
            row = tx.one("SELECT MAX(number) FROM entries WHERE agency = ? AND year = ? "
                         "AND sequence = ? AND number < ?", (agency, year, sequence, _PARKED))
            last = int(row[0]) if row is not None and row[0] is not None else 0
            for entry in entries:
                if entry.status is Status.VOID:
                    moved.append(Displaced(entry, None))
                    continue
                last += 1
                tx.execute("UPDATE entries SET number = ?, updated_at = ? WHERE id = ?",
                           (last, db.now(), entry.id))
                moved.append(Displaced(entry, last))
            tx.execute("UPDATE counters SET last_number = ? WHERE agency = ? AND year = ? "
                       "AND sequence = ?", (last, agency, year, sequence))
        return moved

    @contextmanager
    def numbering(self, agency: str, details: Details, *, source: str | None = None,
                  sequence: str | None = None,
                  unwritten: Callable[[BaseException], bool] | None = None) -> Iterator[Entry]:
        """Number a document for the time it takes to write it.

        Yields the entry (a fresh pending number, or the one `source` already holds); when the
        block ends normally the entry is confirmed, when it raises a number that was not yet
        issued is voided with a short reason (VOID_REASON: the sổ is printed, and the error
        itself is the clerk's to read, not the sổ's), and the error goes on, saying so. An
        error `unwritten` says is only the file's (a full disk) leaves the number pending, the
        source's for its next run, as the build keeps it: a retry would void one more each time.
        """
        entry = self.allocate(agency, details, source=source, sequence=sequence)
        try:
            yield entry
        except BaseException as exc:
            if entry.status is Status.PENDING:
                if source is not None and unwritten is not None and unwritten(exc):
                    if isinstance(exc, VanthuError):
                        raise kept_pending(exc, entry) from exc
                    raise
                self.void_entry(entry, t(VOID_REASON, lang="vi"))
                if isinstance(exc, VanthuError):
                    raise voided(exc, entry) from exc
            raise
        self.confirm(entry, details)

    # -- the sổ vàng (golden_entries.py) ---------------------------------------------------------

    def record_golden(self, recordings: Sequence[Recording]) -> dict[Batch, list[BookEntry]]:
        """Record in the sổ vàng what Giấy khen batches printed, in one transaction; the batches
        refused because another batch holds some of their numbers, with those rows
        (golden_entries.record_batches)."""
        from pipeline.register.golden_entries import record_batches

        return self.backend.run(lambda tx: record_batches(tx, recordings, self.source_exists),
                                write=True)

    # -- reading --------------------------------------------------------------------------------

    def read(self, work: Callable[[Transaction], T]) -> T:
        return self.backend.run(work, write=False)

    def entries(self, year: int, agency: str | None = None,
                sequence: str | None = None) -> list[Entry]:
        """The rows of a year in register order (office, sequence, number)."""
        sql = f"{db.SELECT} WHERE year = ?"
        params: list[Any] = [year]
        if agency is not None:
            sql += " AND agency = ?"
            params.append(agency)
        sql += " ORDER BY agency, sequence, number, id"
        rows = [db.entry_from_row(r) for r in self.read(lambda tx: tx.all(sql, params))]
        if sequence is None:
            return rows
        # Compared as run names are (sequences.run_key): `so xem --day CHUNG` shows chung.
        return [row for row in rows if run_key(row.sequence) == run_key(sequence)]

    def entry(self, agency: str, year: int, number: int,
              sequence: str | None = None) -> Entry | None:
        sequence = sequence or self.plan_for(agency).default
        return self.read(lambda tx: db.find(tx, agency, year, sequence, number))

    def by_reference(self, agency: str | None, year: int, reference: str) -> list[Entry]:
        """The rows whose số, ký hiệu reads `reference` (05/QĐ-VPUBND), of one office or (None)
        of every office in order: for checking a .docx."""
        number_text, _, symbol = reference.strip().partition("/")
        if not number_text.strip().isdigit():
            return []
        sql = f"{db.SELECT} WHERE year = ? AND number = ? AND "
        sql += "symbol = ?" if symbol else "symbol IS NULL"
        params: list[Any] = [year, int(number_text)] + ([symbol.strip()] if symbol else [])
        if agency is not None:
            sql += " AND agency = ?"
            params.append(agency)
        sql += " ORDER BY agency, id"
        return [db.entry_from_row(r) for r in self.read(lambda tx: tx.all(sql, params))]

    def by_source(self, agency: str, source: str) -> Entry | None:
        """The live entry numbered for this source (of this register's workspace), if any."""
        return self.read(lambda tx: db.by_source(tx, agency, source, self.workspace))

    def numbers_by_source(self) -> dict[tuple[str, str], int]:
        """(office, data file) → the live number given for that file of this register's
        workspace: one read for a build to check the numbers its outputs print."""
        rows = self.read(lambda tx: tx.all(
            "SELECT agency, source, number FROM entries WHERE source IS NOT NULL "
            f"AND status <> 'void' AND {db.SAME_WORKSPACE}", (self.workspace or "",)))
        return {(a, s): int(n) for a, s, n in rows}

    def source_numbers(self) -> SourceNumbers:
        """Every number the register gave a data file of this register's workspace, live and
        void, in one read: for a build to check the numbers its kept outputs print."""
        rows = self.read(lambda tx: tx.all(
            "SELECT agency, source, number, status, id, doc_date FROM entries "
            f"WHERE source IS NOT NULL AND {db.SAME_WORKSPACE}", (self.workspace or "",)))
        found = SourceNumbers()
        for agency, source, number, status, row_id, when in rows:
            if status == Status.VOID.value:
                found.void.add((agency, source, int(number)))
                continue
            found.live[(agency, source)] = int(number)
            if status == Status.PENDING.value:
                found.pending[(agency, source, int(number))] = (
                    int(row_id), date.fromisoformat(when) if when else None)
        return found

    def given_to(self, agency: str, year: int, number: int, source: str) -> Entry | None:
        """The row of `number` (office, year) naming data file `source` of this workspace, in
        any state: what became of a number an output printed (voided, and why)."""
        return self.read(lambda tx: db.given_row(tx, agency, year, number, source,
                                                 self.workspace))

    def last_voided(self, agency: str, source: str) -> Entry | None:
        """The latest void row naming `source` of this workspace (None: none): the number a
        form held until it was voided (`so huy`), which the form asking again is told of."""
        row = self.read(lambda tx: tx.one(
            f"{db.SELECT} WHERE agency = ? AND source = ? AND status = 'void' "
            f"AND {db.SAME_WORKSPACE} ORDER BY id DESC LIMIT 1",
            (agency, source, self.workspace or "")))
        return db.entry_from_row(row) if row else None

    def out_of_order(self, entry: Entry) -> Entry | None:
        """The sequence's last number below `entry` (void rows aside) when it is dated after
        `entry`: a register runs in the order documents are issued, so this number is out of
        place. None when in order, or when either has no date."""
        return self._dated_neighbour(entry, after=False)

    def dated_after_next(self, entry: Entry) -> Entry | None:
        """The sequence's first number above `entry` (void rows aside) when it is dated before
        `entry` (a date edited later than the numbers given after it); None when in order, or
        when either has no date."""
        return self._dated_neighbour(entry, after=True)

    def _dated_neighbour(self, entry: Entry, *, after: bool) -> Entry | None:
        """The next dated number above (`after`) or below `entry` when its date is out of
        order with `entry`'s."""
        when = entry.details.doc_date
        if when is None:
            return None
        side, order = (">", "ASC") if after else ("<", "DESC")
        row = self.read(lambda tx: tx.one(
            f"{db.SELECT} WHERE agency = ? AND year = ? AND sequence = ? AND number {side} ? "
            f"AND status <> 'void' AND doc_date IS NOT NULL ORDER BY number {order} LIMIT 1",
            (entry.agency, entry.year, entry.sequence, entry.number)))
        other = db.entry_from_row(row) if row else None
        if other is None or other.details.doc_date is None:
            return None
        out = other.details.doc_date < when if after else other.details.doc_date > when
        return other if out else None

    def following(self, agency: str, details: Details) -> tuple[int, str, int]:
        """Where a document of `details` would be numbered now, read only: its year, sequence
        and the number the register would give next in it (1 before the first)."""
        details = db.completed(details)
        year = self.year_of(details, None)

        def work(tx: Transaction) -> tuple[str, int]:
            sequence = self._sequence(tx, agency, details, None, year)
            return sequence, db.last_number(tx, agency, year, sequence)

        sequence, last = self.read(work)
        return year, sequence, last + 1

    def holds_other_rows(self, agency: str, year: int, besides: Iterable[int]) -> bool:
        """Whether the register holds any row of `agency`'s `year` (any run, state or
        workspace: a number given, kept, voided, typed or imported) but rows `besides` (ids):
        whether the year's numbering began before them."""
        skipped = sorted(set(besides))
        sql = "SELECT 1 FROM entries WHERE agency = ? AND year = ?"
        if skipped:
            sql += f" AND id NOT IN ({', '.join('?' * len(skipped))})"
        row = self.read(lambda tx: tx.one(sql + " LIMIT 1", (agency, year, *skipped)))
        return row is not None

    def counters(self, year: int) -> dict[tuple[str, str], int]:
        """(office, sequence) → last number given in the year."""
        rows = self.read(lambda tx: tx.all(
            "SELECT agency, sequence, last_number FROM counters WHERE year = ?", (year,)))
        return {(a, s): int(n) for a, s, n in rows}

    def numbered_since(self, agency: str) -> int:
        """The year `agency` began numbering with vanthu: the first the register gave it a
        number itself (cap, giu, render, build; not a number typed or imported), this year
        when it has not yet."""
        row = self.read(lambda tx: tx.one(
            "SELECT MIN(year) FROM entries WHERE agency = ? AND origin = ?",
            (agency, Origin.REGISTER.value)))
        return int(row[0]) if row and row[0] is not None else date.today().year

    def agencies(self) -> list[str]:
        rows = self.read(lambda tx: tx.all(
            "SELECT agency FROM counters UNION SELECT agency FROM entries ORDER BY 1"))
        return [r[0] for r in rows]
