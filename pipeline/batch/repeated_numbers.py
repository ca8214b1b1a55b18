"""Two documents of one office and year with one number (Nghị định 30/2020, Điều 15: an office
numbers all it sends in one run a year, whatever their kinds): the rule check, render and build
share.

A number is claimed by a document typing it (so: 13) and by each output a manifest records
with its number (the workspace's own documents, built or rendered before). The build refuses
the second of two claims as it stages (builder.refuse_repeated_numbers); check and render ask
it here before anything is written, of the documents they are given against each other and
against what the manifests record of the workspace's other data files, so that two documents
typed with one number are never both written, whichever command makes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.claims import second_claims
from pipeline.errors import InputError
from pipeline.register.field_lines import number_line

if TYPE_CHECKING:
    from pipeline.batch.discover import Layout
    from pipeline.batch.manifest import Entry
    from pipeline.batch.recorded import Recorded
    from pipeline.load.contract import LoadedDocument
    from pipeline.workspace import Workspace

NumberKey = tuple[str, str, int]  # office (agency profile id), year, number


def entry_key(entry: Entry) -> NumberKey | None:
    """The number key of an output a manifest records (None: printed with no number)."""
    return None if entry.so is None else number_key(entry.co_quan, entry.ngay[:4], entry.so)


def number_key(co_quan: str, year: int | str, number: int) -> NumberKey:
    """What two documents with one number share: their office, year (a document's date, or a
    manifest's ISO date's first four characters) and number."""
    return (co_quan, str(year), number)


def repeated_numbers(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
    recorded: Mapping[Path, tuple[Layout, Recorded] | None],
) -> dict[Path, InputError]:
    """By data file, the refusal of each of `documents` typing a number that an earlier one of
    them (one whose output prints it already before any other), or an output the workspace's
    manifests (`recorded`, by workspace root) record for another of its data files still
    there, already has."""
    numbered = [(ws, d) for ws, d in documents if d.info.data.own_number is not None]
    if not numbered:
        return {}
    given = {d.path.resolve() for _, d in numbered}
    claims: list[tuple[Path, NumberKey]] = []
    shown: dict[Path, tuple[str, str]] = {}  # data file → (as named, Số/ký hiệu)
    for root in dict.fromkeys(ws.root for ws, _ in numbered):
        known = recorded.get(root)
        if known is None:
            continue
        layout, record = known
        for path, entry, key in _recorded_numbers(layout, record):
            if path.resolve() not in given:
                claims.append((path, key))
                shown[path] = (layout.name_of(path), entry.so_ky_hieu)
    typed: list[tuple[Path, NumberKey]] = []
    for workspace, document in numbered:
        data = document.info.data
        own = data.own_number
        assert own is not None
        typed.append((document.path, number_key(data.co_quan, data.ngay.year, own)))
        shown[document.path] = (workspace.name_of(document.path), document.info.reference)
    # An output already printing its number claims it first, as the build keeps it: of a file
    # built with 05 and its copy (A-ban-sao.yaml typing 05 too), the copy is refused.
    printed = _printed_claims(numbered, recorded)
    claims += sorted(typed, key=lambda claim: claim not in printed)
    asked = {d.path for _, d in numbered}  # a manifest's claim is refused by no one here
    errors: dict[Path, InputError] = {}
    for first, second, _ in second_claims(claims):
        if second in errors or second not in asked:
            continue
        (other, other_number), said = shown[first], shown[second][1]
        errors[second] = repeated_number_error(second, said, other, other_number)
    return errors


def repeated_number_error(path: Path, number: str, other: str, other_number: str) -> InputError:
    """The refusal of data file `path` typing Số/ký hiệu `number`, which `other` (as a message
    names it) has already (`other_number`): at the line of its `so:`, as the register's other
    refusals of a number (field_lines.number_line)."""
    return InputError("build.repeated_number", file=path, line=number_line(path), field="so",
                      number=number, other=other, other_number=other_number)


def _printed_claims(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
    recorded: Mapping[Path, tuple[Layout, Recorded] | None],
) -> set[tuple[Path, NumberKey]]:
    """(data file, number key) of each of `documents` whose output, as its workspace's
    manifests record it, prints that number already."""
    printed: set[tuple[Path, NumberKey]] = set()
    for workspace, document in documents:
        known = recorded.get(workspace.root)
        if known is None:
            continue
        layout, record = known
        entry = record.written(layout.name_of(document.path))
        key = entry_key(entry) if entry is not None and entry.co_quan else None
        if key is not None:
            printed.add((document.path, key))
    return printed


def _recorded_numbers(layout: Layout,
                      recorded: Recorded) -> Iterable[tuple[Path, Entry, NumberKey]]:  # fmt: skip
    """(data file, entry, its number key) of each output the manifests record with a number,
    its data file still there (one deleted since is the build's to remove, not a claim)."""
    for manifest in recorded.manifests.values():
        for name, entry in manifest.entries.items():
            key = entry_key(entry) if entry.co_quan else None
            if key is not None and (path := layout.path_of(name)).is_file():
                yield path, entry, key
