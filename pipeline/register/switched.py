"""A workspace pointed at a register that lacks its numbers: refused before it starts again at 01.

A workspace that numbered its documents from its own register file (so-van-ban.sqlite3) and is
then pointed at another one (a shared PostgreSQL register in vanthu.yaml or VANTHU_DB, or a
register emptied or replaced) would be given 01 again for its next document, a number its
office already issued that year. vanthu knows better from two records: each build's manifest
(outputs/<year>/manifest.json) names the register each so: tu_dong number came from
(`so_van_ban`), and the old register file itself stays in the workspace. When either shows
numbers of a year (`Given`) and the register in use holds none of them (for this workspace, or
for none: Register.holds_any), no new number of that year is given (`unmigrated`); the
refusal (`not_migrated_error`) gives the way to move the old sổ over: `so xuat` from the old
register, `so nhap` into the one in use, from the workspace folder. After that the register
holds them, new documents continue after them, and an old document rebuilt keeps its
imported number (documents.refuse_other_register, Register.adopt_recorded). A register in use
that holds some of the numbers the manifests record it giving and lacks others (an older copy
of it put back) is restore.py's case.

An output already built from the old register is kept as it is (its number was issued), but
while the register in use lacks its number, build and check say so, with the same commands
(`outputs_numbered_elsewhere`, documents.elsewhere_output): nothing else would tell the clerk
before a document of that year asks for a number.
"""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pipeline.errors import InputError, VanthuError
from pipeline.i18n import t
from pipeline.register import rows as db
from pipeline.register.field_lines import number_line
from pipeline.register.holders import TAKEN, numbered_elsewhere, own_register_number
from pipeline.register.location import (
    default_register_path,
    register_key,
    resolve_location,
    runnable_location,
)
from pipeline.register.model import Entry
from pipeline.register.store import Register
from pipeline.render.phrase import Phrase
from pipeline.text.listing import first_named

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry as ManifestEntry
    from pipeline.workspace.core import Workspace


_T = TypeVar("_T")


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Given:
    """A number a register gave one of the workspace's data files (named as the register
    names it: relative to the workspace)."""

    agency: str
    year: int
    number: int
    source: str
    symbol: str | None = None  # the ký hiệu printed after the number, when known (a manifest)
    # The data file types the number itself (so: 2): the register entered it (record_typed),
    # it did not give it.
    typed: bool = False


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Elsewhere:
    """The numbers of one year a register (`location`, as the manifest records it or the old
    file's name) gave the workspace's data files, and where that is known from (`evidence`:
    "manifest" or "file")."""

    location: str
    evidence: str
    numbers: tuple[Given, ...]


def given_by_register(entries: Iterable[tuple[str, ManifestEntry]]
                      ) -> dict[int, dict[str, list[Given]]]:
    """Per year and register (as the manifests name it), the so: tu_dong numbers the
    manifests' `entries` record that register giving."""
    found: dict[int, dict[str, list[Given]]] = {}
    for name, entry in entries:
        if not entry.so_tu_dong or entry.so_van_ban is None:
            continue
        given = printed_number(name, entry)
        if given is not None:
            found.setdefault(given.year, {}).setdefault(entry.so_van_ban, []).append(given)
    return found


def typed_by_year(entries: Iterable[tuple[str, ManifestEntry]]) -> dict[int, list[Given]]:
    """Per year, the numbers the manifests' `entries` record data files typing themselves
    (so: 2, with a ký hiệu: what render and build enter in the register, Register.record_typed;
    no manifest names that register)."""
    found: dict[int, list[Given]] = {}
    for name, entry in entries:
        if not entry.typed_number:
            continue
        given = printed_number(name, entry, typed=True)
        if given is not None:
            found.setdefault(given.year, []).append(given)
    return found


def printed_number(name: str, entry: ManifestEntry, *, typed: bool = False) -> Given | None:
    """The number the output of data file `name` prints, as its manifest `entry` records it,
    with the ký hiệu after it; None when it prints none or its date does not read."""
    if entry.so is None:
        return None
    try:
        year = int(entry.ngay[:4])
    except ValueError:
        return None
    return Given(entry.co_quan, year, entry.so, name,
                 entry.so_ky_hieu.partition("/")[2].strip() or None, typed)


def recorded_numbers(entries: Iterable[tuple[str, ManifestEntry]]) -> dict[int, Elsewhere]:
    """Per year, the so: tu_dong numbers the manifests record with the register that gave them
    (the register of most of them, when several did)."""
    found = given_by_register(entries)
    return {
        year: Elsewhere(location, "manifest", tuple(by_register[location]))
        for year, by_register in found.items()
        for location in [max(by_register, key=lambda key: len(by_register[key]))]
    }


def old_file_numbers(workspace: Workspace) -> dict[int, Elsewhere]:
    """Per year, the numbers the workspace's own register file (so-van-ban.sqlite3) gave its
    data files, when that file is there and is not the register in use; read only, without
    making or changing anything (a file being written has its WAL read too)."""
    rows = _old_file_rows(workspace, "SELECT agency, year, number, source FROM entries "
                                     "WHERE source IS NOT NULL AND status <> 'void'")
    found: dict[int, list[Given]] = {}
    for agency, year, number, source in rows:
        found.setdefault(int(year), []).append(Given(str(agency), int(year), int(number),
                                                     str(source)))
    name = default_register_path(workspace.root).name
    return {year: Elsewhere(name, "file", tuple(numbers)) for year, numbers in found.items()}


# A number as a workspace's records show it given to one of its data files: (office, year,
# number, data file, the document's date as ISO text).
OwnNumber = tuple[str, int, int, str, str]


def own_numbers(workspace: Workspace, entries: Iterable[tuple[str, ManifestEntry]]
                ) -> set[OwnNumber]:
    """Every number the workspace's records show it was given, with its data file and date:
    the numbers its outputs print (its manifests' `entries`, whichever register gave them or
    the data file typed them) and the rows naming a data file in its own register file
    (so-van-ban.sqlite3) when that is not the register in use. A row an import brings that
    is one of these came from the workspace's own export (so nhap gives it its identity)."""
    found: set[OwnNumber] = set()
    for name, entry in entries:
        given = printed_number(name, entry)
        if given is not None:
            found.add((given.agency, given.year, given.number, given.source, entry.ngay))
    rows = _old_file_rows(workspace, "SELECT agency, year, number, source, doc_date FROM "
                                     "entries WHERE source IS NOT NULL AND doc_date IS NOT NULL")
    found.update((str(agency), int(year), int(number), str(source), str(day))
                 for agency, year, number, source, day in rows)
    return found


def _old_file_rows(workspace: Workspace, query: str) -> list[tuple[Any, ...]]:
    """The rows `query` reads from the workspace's own register file (so-van-ban.sqlite3), read
    only, when that file is there and is not the register in use; none when it is not, or is
    not a register vanthu can read (nothing known from it)."""
    path = default_register_path(workspace.root)
    if not path.is_file() or _in_use(workspace, path):
        return []
    rows = read_from(path, lambda connection: connection.execute(query).fetchall())
    return rows or []


def _in_use(workspace: Workspace, path: Path) -> bool:
    """Whether register file `path` is the one the workspace numbers in (unknown: taken so,
    nothing is read from it)."""
    try:
        current = resolve_location(workspace.register_location, root=workspace.root)
    except VanthuError:
        return True
    return isinstance(current, Path) and current.resolve() == path.resolve()


def read_only(path: Path) -> sqlite3.Connection:
    """A connection reading register file `path` without making or changing anything (a file
    being written has its WAL read too)."""
    mode = "mode=ro" if path.with_name(path.name + "-wal").exists() else "immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)


def read_from(path: Path, query: Callable[[sqlite3.Connection], _T]) -> _T | None:
    """`query`'s answer from register file `path`, read only (read_only); None when the file
    cannot be read as a register."""
    try:
        connection = read_only(path)
        try:
            return query(connection)
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def row_in_file(path: Path, agency: str, year: int, number: int, source: str,
                workspace: str | None) -> tuple[Entry | None, bool]:
    """The latest row of `number` (office, year) naming data file `source` (of `workspace`, or
    of none) in register file `path`, read only, and whether that register holds several
    offices (a line voiding the number then names its office); (None, False) when the file
    is not there or cannot be read: a register the workspace numbered from before."""
    if not path.is_file():
        return None, False

    def query(connection: sqlite3.Connection) -> tuple[Any, Any]:
        present = {str(column[1]) for column in
                   connection.execute("PRAGMA table_info(entries)").fetchall()}
        row = connection.execute(
            f"{db.select_of(present)} WHERE agency = ? AND year = ? AND number = ? AND source = ? "
            "AND (workspace IS NULL OR workspace = ?) ORDER BY id DESC LIMIT 1",
            (agency, year, number, source, workspace or "")).fetchone()
        return row, connection.execute("SELECT COUNT(DISTINCT agency) FROM entries").fetchone()

    found = read_from(path, query)
    if found is None:
        return None, False
    row, offices = found
    if row is None:
        return None, False
    return db.entry_from_row(row), bool(offices and offices[0] > 1)


def unmigrated(workspace: Workspace, entries: Iterable[tuple[str, ManifestEntry]],
               years: Iterable[int], register: Callable[[], Register] | None,
               current: str | None = None) -> dict[int, Elsewhere]:
    """The years of `years` for which the workspace's records (its manifests' `entries`, its
    old register file) show numbers given while the register in use (`register`; None: not
    made yet, so holding nothing) holds none of them: a new number of such a year would
    repeat one already issued. Each with what shows it (the manifests first: they name the
    register). A number the manifests record from the register in use (`current`, as
    documents.register_key names it) that it now holds for another document is no evidence
    (`superseded`): the register was replaced by a sổ that numbers on past it (an old sổ
    imported after a trial build), and that document is numbered anew."""
    wanted = set(years)
    if not wanted:
        return {}
    shown = {year: found for year, found in recorded_numbers(entries).items() if year in wanted}
    if current is not None and register is not None:
        shown = superseded(shown, current, register)
    for year, found in old_file_numbers(workspace).items():
        if year not in wanted:
            continue
        if year in shown:  # one more proof; the manifests name the register
            held = shown[year]
            found = Elsewhere(held.location, held.evidence, held.numbers + found.numbers)
        shown[year] = found
    if not shown or register is None:
        return shown
    opened = register()
    return {year: found for year, found in shown.items()
            if not opened.holds_any(year, ((g.agency, g.number, g.source) for g in found.numbers))}


def superseded(shown: dict[int, Elsewhere], current: str,
               register: Callable[[], Register]) -> dict[int, Elsewhere]:
    """`shown` (the manifests' numbers per year) without the numbers recorded from register
    `current` (the one in use) that it holds for another document now, and without a year
    left with none; looked at only for a year whose numbers the register holds none of."""
    kept: dict[int, Elsewhere] = {}
    for year, found in shown.items():
        if found.location != current:
            kept[year] = found
            continue
        opened = register()
        if opened.holds_any(year, ((g.agency, g.number, g.source) for g in found.numbers)):
            kept[year] = found
            continue
        left = tuple(given for given in found.numbers if not taken_over(opened, given))
        if left:
            kept[year] = Elsewhere(found.location, found.evidence, left)
    return kept


def taken_over(register: Register, given: Given) -> bool:
    """Whether `register` holds number `given` (in the run its ký hiệu is numbered in) for
    another document than its data file's."""
    row = register.number_holder(given.agency, given.year, given.number, given.symbol)
    return row is not None and (row.source != given.source or (
        row.workspace is not None and row.workspace != register.workspace))


def not_migrated_error(path: Path | str | None, year: int, found: Elsewhere, current: str,
                       root: Path) -> InputError:
    """The refusal to give data file `path` a number of `year` from register `current` (as
    shown), which holds none of the numbers `found` records: how to move the old sổ over
    (one `so xuat` and `so nhap` per office), or to point vanthu back at the old register.
    The old register is named in the commands as --db takes it from the working folder (a
    file's path relative to the workspace at `root` would not run from elsewhere); one
    recorded as a URL, without its password, is to be pointed at as configured instead.
    `path` None: asked by no data file (`vanthu so cap`, `so giu`), so named with no file."""
    numbers = sorted(found.numbers, key=lambda g: (g.agency, g.number))
    example = numbers[-1]
    evidence = (Phrase("register.evidence_file", file=found.location)
                if found.evidence == "file" else Phrase("register.evidence_manifest"))
    common: dict[str, Any] = {"year": year, "current": current,
              "count": len({(g.agency, g.number) for g in numbers}), "evidence": evidence,
              "example": f"{example.number:02d} ({example.source})"}
    where: dict[str, Any] = {} if path is None else {"file": path, "line": number_line(path),
                                                     "field": "so"}
    if found.location == current:  # the register that gave them no longer holds them
        return InputError("register.numbers_gone", **where, **common)
    steps = migration_steps(found.location, {g.agency for g in numbers}, year, root)
    if steps.commands is None:
        return InputError("register.not_migrated_url", **where,
                          old=found.location, exports=steps.exports, imports=steps.imports,
                          **common)
    return InputError("register.not_migrated", **where, old=found.location,
                      commands=steps.commands, **common)


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Steps:
    """The commands that move one year of an old register over to the one in use, run from
    the workspace's folder: `exports` (so xuat from the old one) and `imports` (so nhap into
    the one in use), and both in the order to run them (`commands`; None when the old
    register is a URL recorded without its password, which no command can name: vanthu is
    to be pointed at it as configured instead)."""

    exports: str
    imports: str
    commands: str | None


def migration_steps(location: str, agencies: Iterable[str], year: int, root: Path) -> Steps:
    """How to move the numbers of `year` that register `location` (as a manifest records it,
    or the old file's name) gave offices `agencies` over to the register in use: one `so xuat`
    and `so nhap` per office, the old register named as --db takes it from the working folder
    (a file's path relative to the workspace at `root` would not run from elsewhere)."""
    old = runnable_location(location, root)
    exports, imports = [], []
    offices = sorted(set(agencies))
    for agency in offices:
        office = f" --co-quan {shlex.quote(agency)}" if agency else ""
        sheet = f"so-cu-{agency + '-' if len(offices) > 1 else ''}{year}.xlsx"
        exports.append(f"vanthu so{f' --db {old}' if old else ''}{office} xuat {year} -o {sheet}")
        imports.append(f"vanthu so{office} nhap {sheet}")
    commands = None if old is None else "; ".join(
        f"{export}; {load}" for export, load in zip(exports, imports, strict=True))
    return Steps("; ".join(exports), "; ".join(imports), commands)


def moving_over(location: str, agencies: Iterable[str], year: int, root: Path) -> Phrase:
    """How to move the numbers of `year` register `location` gave over to the register in use,
    in words for a message (migration_steps): the commands, or, for a URL recorded without its
    password, what to point vanthu at to run each."""
    steps = migration_steps(location, agencies, year, root)
    if steps.commands is None:
        return Phrase("register.move_over_url", exports=steps.exports, imports=steps.imports)
    return Phrase("register.move_over", commands=steps.commands)


def elsewhere_error(workspace: Workspace, written: ManifestEntry, output: str, state: str,
                    holder: Entry | None) -> InputError:
    """What check says of output `output` (shown), whose manifest entry `written` records a
    number another register gave that the register in use holds for another document
    (TAKEN, `holder`) or not at all (documents.numbered_elsewhere)."""
    params: dict[str, Any] = {"output": output, "reference": written.so_ky_hieu,
                              "old": written.so_van_ban, "year": written.ngay[:4],
                              "current": register_key(workspace) or ""}
    if state == TAKEN and holder is not None:
        return InputError("register.output_elsewhere_taken", holder=holder.describe(), **params)
    return InputError("register.output_numbered_elsewhere", how=moving_over(
        written.so_van_ban or "", [written.co_quan], int(written.ngay[:4]), workspace.root),
        **params)


# How many outputs a warning names before "…".
_OUTPUTS_NAMED = 5


def outputs_numbered_elsewhere(workspace: Workspace,
                               kept: Iterable[tuple[str, ManifestEntry]],
                               register: Callable[[], Register]) -> list[str]:
    """Build's warnings for the outputs it keeps, (data file, manifest entry) in `kept`, that
    print so: tu_dong numbers another register gave and the register in use (opened only when
    there is such an output) does not hold for them (documents.numbered_elsewhere): once per
    old register and year for the numbers it lacks, with the commands that move the old sổ
    over; one per output whose number it holds for another document. The outputs stay as they
    are: their numbers were issued, and a new one would be a second number for one document."""
    current = register_key(workspace)
    if current is None:
        return []
    asked = [(source, written) for source, written in kept
             if own_register_number(written) is not None
             and written.so_van_ban is not None and written.so_van_ban != current]
    if not asked:
        return []
    opened = register()
    warnings: list[str] = []
    lacking: dict[tuple[str, int], list[ManifestEntry]] = {}
    for source, written in asked:
        found = numbered_elsewhere(opened, workspace, written, source)
        if found is None:
            continue
        state, holder = found
        output = workspace.display(workspace.output_dir / written.output)
        if state == TAKEN and holder is not None:
            warnings.append(elsewhere_error(workspace, written, output, state, holder).message())
            continue
        lacking.setdefault((written.so_van_ban or "", int(written.ngay[:4])), []).append(written)
    for (old, year), group in lacking.items():
        group.sort(key=lambda w: (w.co_quan, w.so or 0))  # in the old sổ's order
        outputs = [workspace.display(workspace.output_dir / w.output) for w in group]
        shown = first_named(outputs, _OUTPUTS_NAMED)
        warnings.append(t("register.outputs_numbered_elsewhere", outputs=shown,
                          count=len(group), year=year, old=old, current=current,
                          how=moving_over(old, {w.co_quan for w in group}, year,
                                          workspace.root)))
    return warnings
