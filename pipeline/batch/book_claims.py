"""Giấy khen batches' sổ vàng numbers as claims: which batch gives way when two claim the
same numbers. Read from manifest entries and staged results, never by parsing; used by the build
(pipeline.batch.builder) and by render and check (pipeline.api)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.batch.discover import Layout
from pipeline.batch.manifest import Entry, file_sha256
from pipeline.batch.recorded import Recorded
from pipeline.errors import VanthuError
from pipeline.golden_book import Given, Overlap, SameCertificates, Shared

if TYPE_CHECKING:
    from pipeline.workspace.core import Workspace

# The standing of a Giấy khen batch's sổ vàng numbers when two batches claim the same ones
# (book_overlaps): a batch outside the run, as its manifest records it, is never refused by the
# run (HELD); one of the run whose numbers are those its last build or render printed (PRINTED)
# keeps them against one whose numbers are new or changed (NEW).
HELD, PRINTED, NEW = 0, 1, 2


@dataclass(frozen=True, slots=True)
class BookClaim:
    """One Giấy khen batch's sổ vàng numbers (so_vao_so): its data file, its workspace, office
    and year (numbers are unique in each), its first and last number, and its standing."""

    path: Path
    key: tuple[str, str, str]
    numbers: tuple[int, int]
    standing: int
    # Its certificates (số, name, unit, sheet row ...): a manifest's record; a batch of the run
    # reads them from its data file, only when a batch of its decision asks (same_rows).
    certificates: Callable[[], tuple[Given, ...]] = tuple


def book_overlaps(claims: list[BookClaim]) -> dict[Path, list[Overlap]]:
    """The batches to refuse because another batch holds some of their numbers, or prints the
    same certificates (same_rows: a reprint made as a file of its own would give each a second
    sổ vàng number), in the order of `claims`, each with every other batch sharing its numbers
    or certificates. Of two such batches, the one whose standing is further from HELD gives
    way (a new batch to one already printed, either to one outside the run); of two alike, the
    later by name; two outside the run refuse neither. So `check`, `render` and `build` refuse
    the same batch whichever of the two was touched last. Used by the build and by render and
    check (pipeline.api), on claims read without parsing but for the decision a batch names,
    and a batch's certificates when another batch names the same decision."""
    from pipeline.load.certificates import batch_decision

    decision_of = cache(batch_decision)
    shared: dict[Path, list[Overlap]] = {}
    refused: set[Path] = set()
    for index, first in enumerate(claims):
        for second in claims[index + 1 :]:
            if first.key != second.key or first.path == second.path:
                continue
            found = shared_numbers(first, second) or same_rows(first, second, decision_of)
            if found is None:
                continue
            shared.setdefault(first.path, []).append(found[0])
            shared.setdefault(second.path, []).append(found[1])
            if first.standing == second.standing == HELD:
                continue
            # Ties by file name, not by the order the claims came in: `render b a` and a
            # build refuse the same batch.
            loser = max((first.standing, str(first.path)), (second.standing, str(second.path)))
            refused.add(Path(loser[1]))
    return {c.path: shared[c.path] for c in claims if c.path in refused}


def shared_numbers(first: BookClaim, second: BookClaim) -> tuple[Shared, Shared] | None:
    """The numbers two batches both give, as each says of the other; None when none."""
    low = max(first.numbers[0], second.numbers[0])
    high = min(first.numbers[1], second.numbers[1])
    if low > high:
        return None
    return Shared(second.path, (low, high)), Shared(first.path, (low, high))


def same_rows(
    first: BookClaim, second: BookClaim, decision_of: Callable[[Path], Path | None]
) -> tuple[SameCertificates, SameCertificates] | None:
    """The certificates two batches of one decision both print (the same rows of its list),
    as each says of the other, with the other's numbers for them; None when none."""
    decision = decision_of(first.path)
    if decision is None or decision != decision_of(second.path):
        return None
    mine = {given.row: given.number for given in first.certificates()}
    theirs = {given.row: given.number for given in second.certificates()}
    rows = tuple(sorted(mine.keys() & theirs.keys()))
    if not rows:
        return None
    return (
        SameCertificates(second.path, rows, tuple(theirs[row] for row in rows)),
        SameCertificates(first.path, rows, tuple(mine[row] for row in rows)),
    )


def entry_claim(
    layout: Layout, path: Path, entry: Entry | None, standing: int
) -> BookClaim | None:
    """The sổ vàng numbers a manifest entry records for batch `path` (None: it has none)."""
    if entry is None or entry.so_vao_so is None:
        return None
    key = (str(layout.root), entry.co_quan, entry.ngay[:4])
    return BookClaim(path, key, entry.so_vao_so, standing, partial(tuple, entry.so_vao_so_cap))


def run_claim(
    layout: Layout, path: Path, claim: tuple[str, str, int, int], recorded: Recorded
) -> BookClaim:
    """The numbers a batch of this run gives (`claim`: office, year, first, last), PRINTED
    when they are those its last build or render recorded, else NEW."""
    before = entry_claim(layout, path, recorded.written(layout.name_of(path)), PRINTED)
    key = (str(layout.root), claim[0], claim[1])
    numbers = (claim[2], claim[3])
    printed = before is not None and (before.key, before.numbers) == (key, numbers)
    certificates = cache(partial(loaded_certificates, layout.workspace, path))
    return BookClaim(path, key, numbers, PRINTED if printed else NEW, certificates)


def loaded_certificates(workspace: Workspace, path: Path) -> tuple[Given, ...]:
    """The certificates batch `path` of the run numbers, as it loads now (the workspace's
    loader keeps what it loaded); none when it does not load (refused on its own)."""
    from pipeline.load.certificates import book_record

    try:
        return book_record(workspace.load(path))
    except VanthuError:
        return ()


def held_claims(layout: Layout, recorded: Recorded, names: set[str]) -> list[BookClaim]:
    """The sổ vàng numbers of the batches outside the run (not named in `names`) as their
    manifests record them: every batch printed into the workspace's outputs and still there,
    its data file unchanged since (an edited one is compared when it is rendered or built)."""
    held: list[BookClaim] = []
    for manifest in recorded.manifests.values():
        for name, entry in sorted(manifest.entries.items()):
            if entry.so_vao_so is None or name in names:
                continue
            path = layout.path_of(name)
            try:
                unchanged = entry.inputs.get(name) == file_sha256(path)
            except OSError:  # gone (or unreadable): nothing of it is printed again
                continue
            if unchanged and (claim := entry_claim(layout, path, entry, HELD)) is not None:
                held.append(claim)
    return held


def held_claims_once(
    layout: Layout, recorded: Recorded, paths: Sequence[Path]
) -> Callable[[], list[BookClaim]]:
    """held_claims of the run of `paths`, read at the first call and kept: a build asks for
    them twice (its kept batches, then its staged ones) and each reading hashes every data
    file outside the run. Not at all when neither asks (a build without Giấy khen batches),
    nor are the run's names made until then: a build holds this for its whole year."""
    held: list[list[BookClaim]] = []

    def claims() -> list[BookClaim]:
        if not held:
            held.append(held_claims(layout, recorded, {layout.name_of(p) for p in paths}))
        return held[0]

    return claims
