"""A register put back from an older copy: the numbers it gave since are refused, then restored.

The IT person's way after a crash is to put back last week's copy of so-van-ban.sqlite3. That
copy lacks every number given since, and its counters stand where they stood: numbered from
it, the documents issued since would be given their numbers again, and other documents the
numbers they print. vanthu knows better from the manifests (outputs/<year>/manifest.json):
each records the number every so: tu_dong output prints and the register that gave it
(`so_van_ban`). A number the manifests record the register in use giving, of which it holds
no row at all (in the run its ký hiệu is numbered in: Register.lacking), is the sign
(`lacking_numbers`); so, in a year it gave numbers of, is a number a data file types itself
(so: 2), which render and build entered in it (Register.record_typed) and its output prints.
A register holding none of a year's numbers is switched.unmigrated's case (emptied, or
another register); one that holds some and lacks others is refused here:
build and render give no number of that year (`lacking_error`, named by
documents.unmigrated_errors), check says so for a document that would ask for one, and
`vanthu so kiem-tra` counts the numbers lacking as a fault (`manifest_numbers_lacking`).

The ways out, as the refusal says them: put back the newest copy of the register; or enter
the numbers again from the manifests (`vanthu so khoi-phuc NĂM`: `restore_recorded`), each
row with its data file, date and ký hiệu as its output prints them and the document's other
columns as its data file gives them now. A number given since the copy that no output
records (`vanthu so cap` for a paper letter) cannot be known from the outputs: between numbers
it shows as a gap in `so kiem-tra`, after the last one it leaves none. The restore is therefore
recorded, and no new number of its offices' year is given until the clerk confirms that such
numbers are entered (`so vao-so`, then `so khoi-phuc NĂM --da-kiem-tra`): restorations.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import InputError, VanthuError
from pipeline.register.field_lines import number_line
from pipeline.register.location import (
    is_url,
    location_key,
)
from pipeline.register.store import Register
from pipeline.register.switched import (
    Elsewhere,
    Given,
    given_by_register,
    typed_by_year,
    unmigrated,
)
from pipeline.text.listing import first_named

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry as ManifestEntry
    from pipeline.batch.recorded import Recorded
    from pipeline.workspace.core import Workspace

# How many lacking numbers a message names before "…".
_NAMED = 10


def lacking_numbers(entries: Iterable[tuple[str, ManifestEntry]], years: Iterable[int] | None,
                    register: Register, current: str) -> dict[int, tuple[Given, ...]]:
    """Per year of `years` (None: every year), the so: tu_dong numbers the manifests'
    `entries` record register `current` (the one in use, `register`, as register_key names
    it) giving and, in a year it gave any, the numbers data files type themselves (so: 2,
    entered in it as they were built: Register.record_typed; the outputs print them too), of
    which it holds no row at all (Register.lacking), in the register's order; a year lacking
    none is left out."""
    entries = list(entries)
    wanted = None if years is None else set(years)
    typed = typed_by_year(entries)
    found: dict[int, tuple[Given, ...]] = {}
    for year, by_register in sorted(given_by_register(entries).items()):
        given = by_register.get(current)
        if not given or (wanted is not None and year not in wanted):
            continue
        printed = given + typed.get(year, [])
        missing = register.lacking(year, ((g.agency, g.number, g.symbol) for g in printed))
        if not missing:
            continue
        once: dict[tuple[str, int, str | None], Given] = {}
        for number in printed:
            key = (number.agency, number.number, number.symbol)
            if key in missing:
                once.setdefault(key, number)
        found[year] = tuple(sorted(once.values(), key=lambda g: (g.agency, g.number)))
    return found


def recorded_entries(recorded: Recorded) -> list[tuple[str, ManifestEntry]]:
    """Every (data file, entry) the manifests hold, whichever vanthu wrote them."""
    return [(name, entry) for manifest in recorded.manifests.values()
            for name, entry in manifest.entries.items()]


def numbers_named(lacking: Iterable[Given]) -> str:
    """The numbers a message names: their Số, ký hiệu as the outputs print them, in order, the
    first _NAMED of them and "…"."""
    shown = [f"{g.number:02d}/{g.symbol}" if g.symbol else f"{g.number:02d}" for g in lacking]
    return first_named(shown, _NAMED)


def lacking_error(path: Path | str, year: int, lacking: tuple[Given, ...],
                  current: str) -> InputError:
    """The refusal to give data file `path` a number of `year` from register `current`, which
    lacks the numbers `lacking` that the manifests record it giving: numbered now, it would
    give them again. Names how many and which, and the ways out."""
    return InputError("register.numbers_lacking", file=path, line=number_line(path),
                      field="so", year=year,
                      current=current, count=len(lacking), numbers=numbers_named(lacking))


def opened_key(register: Register, root: Path) -> str:
    """The register at hand named as the manifests of the workspace at `root` name the
    register that gave a number (location.register_key): `vanthu so --db` may open another
    one than the workspace's."""
    location = register.location
    return location_key(location if is_url(location) else Path(location), root)


def read_recorded(workspace: Workspace) -> Recorded:
    """What the workspace's manifests record; nothing when they cannot be read (as render takes
    them)."""
    from pipeline.batch.discover import Layout
    from pipeline.batch.recorded import Recorded

    try:
        return Recorded.read(Layout(workspace))
    except (OSError, ValueError, VanthuError):
        return Recorded()


def numbers_given_elsewhere(workspace: Workspace, register: Register, year: int,
                            agency: str) -> Elsewhere | None:
    """The numbers of `year` of office `agency` that the workspace's records (its manifests,
    its old register file) show another register giving while `register` (the one a `so`
    command opened: --db or VANTHU_DB may name another, or a new file) holds none of them
    (switched.unmigrated, as build and render ask it): numbering from it would start again at
    01. None when there are none."""
    current = opened_key(register, workspace.root)
    entries = recorded_entries(read_recorded(workspace))
    found = unmigrated(workspace, entries, {year}, lambda: register, current).get(year)
    if found is None or found.location == current:  # its own, gone: manifest_numbers_lacking's
        return None
    numbers = tuple(given for given in found.numbers if given.agency == agency)
    return Elsewhere(found.location, found.evidence, numbers) if numbers else None


def manifest_numbers_lacking(workspace: Workspace, register: Register, year: int,
                             agency: str | None = None, *,
                             current: str | None = None) -> tuple[Given, ...]:
    """`vanthu so kiem-tra`'s fault: the numbers of `year` (of office `agency`, or every
    office) the workspace's manifests record `register` giving that it holds no row of (an
    emptied register, or an older copy put back). `current`: the register the manifests
    name, when `register` stands for it (a register file not made: an empty one in memory);
    else `register` itself (opened_key)."""
    recorded = read_recorded(workspace)
    key = current if current is not None else opened_key(register, workspace.root)
    found = lacking_numbers(recorded_entries(recorded), [year], register, key).get(year, ())
    return tuple(g for g in found if agency is None or g.agency == agency)
