"""The entry a build's or render's manifest keeps of a .docx verify reads: what vanthu recorded
of the file when it wrote it (its hash, the sổ vàng numbers of a batch, the data file it was
built from)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry


def recorded_output(docx: Path) -> tuple[Path, Entry] | None:
    """The manifest beside `docx` (OUTPUT_DIR/<year>/manifest.json, or OUTPUT_DIR/manifest.json,
    naming outputs relative to OUTPUT_DIR) and its entry recording `docx` as an output; None
    when no manifest there records it."""
    found = _recorded(docx)
    return (found[0], found[2]) if found is not None else None


def recorded_source(docx: Path) -> Path | None:
    """The data file the manifest beside `docx` records it was built from, as that file is now:
    None when no manifest records `docx`, or the file is gone or has changed since (what it
    asks for now is not what the output printed)."""
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
        if source.is_file() and file_sha256(source) == entry.inputs.get(name):
            return source
    except (OSError, VanthuError):  # an unreadable file or workspace: nothing is known of it
        pass
    return None


def _recorded(docx: Path) -> tuple[Path, str, Entry] | None:
    """recorded_output with the name the manifest gives the data file of its entry."""
    # Imported here: verify reads files no build made, most of them without a manifest.
    from pipeline.batch.discover import MANIFEST
    from pipeline.batch.manifest import Manifest

    try:
        target = docx.resolve()
    except OSError:
        return None
    for folder in (docx.parent, docx.parent.parent):
        path = folder / MANIFEST
        if not path.is_file():
            continue
        bases = (folder.resolve().parent, folder.resolve())  # a year's manifest, or the root's
        for name, entry in Manifest.read(path, None).entries.items():
            if any((base / entry.output).resolve() == target for base in bases):
                return path, name, entry
    return None


def typed_subject(docx: Path) -> str | None:
    """The trích yếu as the data file `docx` was built from types it (recorded_source), its
    markup kept (*Chiến sĩ thi đua*); None when no such file is known or it does not load."""
    from pipeline.errors import VanthuError
    from pipeline.workspace import Workspace

    source = recorded_source(docx)
    if source is None:
        return None
    try:
        return str(Workspace.containing(source).load(source).info.data.trich_yeu)
    except (OSError, VanthuError):
        return None
