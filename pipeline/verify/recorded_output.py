"""The entry a build's or render's manifest keeps of a .docx verify reads: what vanthu recorded
of the file when it wrote it (its hash, the sổ vàng numbers of a batch)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry


def recorded_output(docx: Path) -> tuple[Path, Entry] | None:
    """The manifest beside `docx` (OUTPUT_DIR/<year>/manifest.json, or OUTPUT_DIR/manifest.json,
    naming outputs relative to OUTPUT_DIR) and its entry recording `docx` as an output; None
    when no manifest there records it."""
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
        for entry in Manifest.read(path, None).entries.values():
            if any((base / entry.output).resolve() == target for base in bases):
                return path, entry
    return None
