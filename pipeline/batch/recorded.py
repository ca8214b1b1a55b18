"""What the output folder's manifests recorded, by input name: what the last build wrote."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline import __version__
from pipeline.batch.discover import MANIFEST, Layout
from pipeline.batch.manifest import Entry, Manifest


@dataclass
class Recorded:
    """Every entry the output folder's manifests hold, by input name, with its year."""

    manifests: dict[str | None, Manifest] = field(default_factory=dict)
    entries: dict[str, tuple[str | None, Entry]] = field(default_factory=dict)

    @classmethod
    def read(cls, layout: Layout) -> Recorded:
        recorded = cls()
        paths = [layout.output_dir / MANIFEST, *sorted(layout.output_dir.glob(f"*/{MANIFEST}"))]
        for path in paths:
            year = None if path.parent == layout.output_dir else path.parent.name
            if not path.is_file():
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

    def names_under(self, prefix: str) -> bool:
        """Whether any manifest (of any vanthu version) records an input named below `prefix`."""
        return any(name.startswith(prefix) for m in self.manifests.values() for name in m.entries)
