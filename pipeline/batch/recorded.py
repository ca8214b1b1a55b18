"""What the output folder's manifests recorded, by input name: what the last build wrote."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.batch.discover import MANIFEST, Layout
from pipeline.batch.manifest import Entry, Manifest, UnlistedFolder, output_entries
from pipeline.errors import VanthuError

if TYPE_CHECKING:
    from pipeline.workspace import Workspace


@dataclass
class Recorded:
    """Every entry the output folder's manifests hold, by input name, with its year."""

    manifests: dict[str | None, Manifest] = field(default_factory=dict)
    entries: dict[str, tuple[str | None, Entry]] = field(default_factory=dict)

    @classmethod
    def read(cls, layout: Layout) -> Recorded:
        recorded = cls()
        for path in manifest_paths(layout.output_dir):
            year = None if path.parent == layout.output_dir else path.parent.name
            try:
                there = path.is_file()
            except OSError as exc:  # a folder this user may not enter: is_file raises
                raise UnlistedFolder(path.parent, exc) from None
            if not there:
                continue
            manifest = Manifest.read(path, year)
            recorded.manifests[year] = manifest
            if manifest.version == __version__:  # another vanthu may have rendered differently
                for name, entry in manifest.entries.items():
                    recorded.entries[name] = (year, entry)
        return recorded

    def entry(self, name: str) -> Entry | None:
        found = self.entries.get(name)
        return found[1] if found else None

    def written(self, name: str) -> Entry | None:
        """What the last build recorded writing for input `name`, whichever vanthu it was."""
        found = self.entries.get(name)
        if found is not None:
            return found[1]
        return next((m.entries[name] for m in self.manifests.values() if name in m.entries), None)

    def last_written(self, name: str) -> Entry | None:
        """What the last build recorded writing for input `name`, to be recorded again as it is
        by a build that did not make it anew (builder.keep_unbuilt). Another vanthu's entry
        loses its template hash (as a test print's: render_record.RenderRecord): written into
        this vanthu's manifest, it must never be taken for current (that vanthu may have
        rendered otherwise), while its output hash still tells a hand edit."""
        if name in self.entries:
            return self.entries[name][1]
        written = self.written(name)
        return replace(written, template_sha256="") if written is not None else None

    def written_by(self, name: str) -> str | None:
        """The vanthu version whose manifest records `written(name)`; None when none does."""
        if name in self.entries:
            return __version__
        return next((m.version for m in self.manifests.values() if name in m.entries), None)

    def names_under(self, prefix: str) -> bool:
        """Whether any manifest (of any vanthu version) records an input named below `prefix`."""
        return any(name.startswith(prefix) for m in self.manifests.values() for name in m.entries)


def manifest_paths(output_dir: Path) -> list[Path]:
    """The manifests an output folder may hold: its own, then each year folder's (there or
    not), by year. UnlistedFolder when it cannot be listed: pathlib's glob takes such a folder
    for one without manifests, and what they record (the numbers, the outputs edited by hand)
    was then unknown to every command without a word."""
    years = sorted(entry.name for entry in output_entries(output_dir) if entry.is_dir())
    return [output_dir / MANIFEST, *(output_dir / year / MANIFEST for year in years)]


def written_of(
    workspace: Workspace, document: Path, read: dict[Path, tuple[Layout, Recorded] | None]
) -> Entry | None:
    """What the manifests of `workspace`'s output folder record writing for data file
    `document` (None: nothing), read once per workspace into `read` (render and check ask it of
    many documents). LookupError when it cannot be told: the manifests cannot be read, or the
    document is outside the workspace's data folder."""
    if workspace.root not in read:
        try:
            layout = Layout(workspace)
            read[workspace.root] = (layout, Recorded.read(layout))
        except (OSError, ValueError, VanthuError):
            read[workspace.root] = None
    found = read[workspace.root]
    if found is None:
        raise LookupError(workspace.root)
    layout, recorded = found
    try:
        return recorded.written(layout.name_of(document))
    except (OSError, ValueError):
        raise LookupError(document) from None
