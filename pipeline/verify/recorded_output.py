"""The entry a build's or render's manifest keeps of a .docx verify reads: what vanthu recorded
of the file when it wrote it (its hash, the sổ vàng numbers of a batch, the data file it was
built from, the office's profile it was built with)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pipeline.load.read_log import Stamp, stamp

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry
    from pipeline.context.common import DocumentInfo
    from pipeline.model.agency import Agency


@dataclass(frozen=True)
class RecordedData:
    """The data file a manifest records an output was built from: its name there (relative to
    the workspace, else absolute) and the file as it is now, when found at that name unchanged;
    `missing`: no file (or none to read) at that name, so what it typed is not known: an output
    written outside its workspace (`vanthu build -o`) names its data relative to a workspace
    verify cannot find from the output."""

    name: str
    path: Path | None
    missing: bool = False


@dataclass(frozen=True)
class TypedTitles:
    """The titles the data file of an output types, their markup kept (*Chiến sĩ thi đua*): its
    trích yếu, and those of the parts printed after it (attached_titles); or, `lost`, the name
    of a data file recorded where none is found (RecordedData.missing): what it typed unknown."""

    subject: str | None = None
    attached: tuple[str, ...] = ()
    lost: str | None = None


@dataclass(frozen=True)
class RecordedProfile:
    """The office's profile (co-quan/<ref>.yaml) an output was built with, as it is now."""

    shown: str  # as messages name it (Workspace.display)
    agency: Agency


def recorded_output(docx: Path) -> tuple[Path, Entry] | None:
    """The manifest beside `docx` (OUTPUT_DIR/<year>/manifest.json, or OUTPUT_DIR/manifest.json,
    naming outputs relative to OUTPUT_DIR) and its entry recording `docx` as an output; None
    when no manifest there records it."""
    found = _recorded(docx)
    return (found[0], found[2]) if found is not None else None


def recorded_data(docx: Path) -> RecordedData | None:
    """The data file the manifest beside `docx` records it was built from (RecordedData);
    None when no manifest records `docx`."""
    from pipeline.batch.manifest import file_sha256
    from pipeline.errors import VanthuError
    from pipeline.workspace import Workspace

    found = _recorded(docx)
    if found is None:
        return None
    manifest, name, entry = found
    try:
        # Manifests name inputs relative to the workspace (discover.Layout.name_of).
        source = Path(name)
        if not source.is_absolute():
            source = Workspace.containing(manifest).root / name
        if not source.is_file():
            return RecordedData(name, None, missing=True)
        current = file_sha256(source) == entry.inputs.get(name)
        return RecordedData(name, source if current else None)
    except (OSError, VanthuError):  # an unreadable file or workspace: nothing is known of it
        return RecordedData(name, None, missing=True)


def _recorded(docx: Path) -> tuple[Path, str, Entry] | None:
    """recorded_output with the name the manifest gives the data file of its entry."""
    # Imported here: verify reads files no build made, most of them without a manifest.
    from pipeline.batch.discover import MANIFEST

    try:
        target = docx.resolve()
    except OSError:
        return None
    for folder in (docx.parent, docx.parent.parent):
        path = folder / MANIFEST
        found = _outputs_of(path).get(target)
        if found is not None:
            return path, *found
    return None


def _outputs_of(manifest: Path) -> Mapping[Path, tuple[str, Entry]]:
    """The outputs `manifest` records, by their resolved path, with their data file's name and
    entry; none when it is not there. Read once while the file is unchanged: verify asks it of
    every document of a year, each one in the same manifest."""
    try:
        stat = manifest.stat()
    except OSError:
        return {}
    if not S_ISREG(stat.st_mode):
        return {}
    # A manifest is replaced whole (written aside, then renamed): a new file, a new inode.
    return _indexed(manifest, stamp(stat))


@lru_cache(maxsize=8)
def _indexed(manifest: Path, version: Stamp) -> Mapping[Path, tuple[str, Entry]]:
    """_outputs_of for the manifest as it is in `version` (read_log.stamp: the cache's key)."""
    from pipeline.batch.manifest import Manifest

    folder = manifest.parent.resolve()
    bases = (folder.parent, folder)  # a year's manifest, or the root's
    index: dict[Path, tuple[str, Entry]] = {}
    for name, entry in Manifest.read(manifest, None).entries.items():
        for base in bases:
            index.setdefault((base / entry.output).resolve(), (name, entry))
    return MappingProxyType(index)


def typed_titles(docx: Path) -> TypedTitles | None:
    """The titles as the data file `docx` was built from types them (recorded_data), or the
    name of that file when it cannot be found (TypedTitles.lost); None when no manifest records
    `docx`, or its data file has changed since or does not load."""
    from pipeline.errors import VanthuError
    from pipeline.workspace import Workspace

    data = recorded_data(docx)
    if data is None:
        return None
    if data.missing:
        return TypedTitles(lost=data.name)
    if data.path is None:
        return None
    try:
        info = Workspace.containing(data.path).load(data.path).info
    except (OSError, VanthuError):
        return None
    return TypedTitles(str(info.data.trich_yeu), tuple(attached_titles(info)))


def attached_titles(info: DocumentInfo[Any]) -> Iterator[str]:
    """The trích yếu of each part printed after a document, as typed, in the order they print:
    the Kế hoạch or Quy chế a decision issues; a Tờ trình's draft decision, then what it issues."""
    from pipeline.load.attachments import DecisionAttachments, SubmissionAttachments

    attached = info.attachments
    if isinstance(attached, SubmissionAttachments) and attached.draft is not None:
        yield str(attached.draft.data.trich_yeu)
        yield from attached_titles(attached.draft)
    if isinstance(attached, DecisionAttachments):
        if attached.plan is not None:
            yield str(attached.plan.data.trich_yeu)
        if attached.regulation is not None:
            yield attached.regulation.trich_yeu


def recorded_profile(docx: Path) -> RecordedProfile | None:
    """The office's profile the manifest beside `docx` records it was built with (its entry's
    co_quan, a file among its inputs), as that file is now in the workspace holding the
    manifest: changed since, it is what the office prints now. None when no manifest records
    `docx`, that workspace holds no such profile (an output written outside its workspace:
    `vanthu build -o`) or the profile does not load."""
    from pipeline.errors import VanthuError
    from pipeline.workspace import Workspace

    found = _recorded(docx)
    if found is None or not found[2].co_quan:
        return None
    manifest, _, entry = found
    try:
        workspace = Workspace.containing(manifest)
        path = workspace.agency_file(entry.co_quan)
        if path is None or workspace.name_of(path) not in entry.inputs:
            return None
        agency = _profile(path, stamp(path.stat()))
        return RecordedProfile(workspace.display(path), agency)
    except (OSError, VanthuError):
        return None


@lru_cache(maxsize=8)
def _profile(path: Path, version: Stamp) -> Agency:
    """The profile at `path` as it is in `version` (read_log.stamp: the cache's key, as
    _indexed's), validated as the loader validates one, without the loader (and the readers of
    lists and awards it imports: verify starts without them): once for a year's outputs."""
    from pipeline.load.built_models import built
    from pipeline.load.validation import validate
    from pipeline.load.yaml_source import load_yaml
    from pipeline.model.agency import Agency

    return validate(built(Agency), load_yaml(path))
