"""Whether a document's recorded output is still current, decided from hashes without loading it.

An entry is current when vanthu's version is the one that wrote it, every file it was built from
still hashes the same (and each folder it counted still lists the same documents), its template
hashes the same, and its output (and PDF, when one is wanted) still has the recorded hash. A
change to any of these rebuilds the document; nothing is parsed to find out, and a file whose
size, inode and times are those of the last build is not even read (pipeline.batch.hash_cache).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.batch.discover import Layout
from pipeline.batch.hash_cache import CACHE_NAME, STAMP_SIZE, HashCache
from pipeline.batch.manifest import Entry, template_hash
from pipeline.errors import VanthuError
from pipeline.load.locations import resolved_path
from pipeline.render.compose import TemplateLibrary


class Freshness:
    """Hashes each file and template at most once per build, and judges entries with them."""

    def __init__(
        self, layout: Layout, library: TemplateLibrary, hashes: HashCache | None = None
    ) -> None:
        self.layout = layout
        self.library = library
        self.hashes = hashes or HashCache(layout.output_dir / CACHE_NAME)
        self._files: dict[str, str | None] = {}  # by path: strings, for thousands of files
        self._templates: dict[str, str | None] = {}
        self._root = str(layout.root)
        self._output_dir = str(layout.output_dir)
        self._outputs = self._output_dir.rstrip(os.sep) + os.sep

    def file_hash(self, path: Path | str) -> str | None:
        """The file's sha256, None when it is gone."""
        key = str(path)
        if key not in self._files:
            self._files[key] = self.hashes.sha256(key)
        return self._files[key]

    def files_read(self, built: Iterable[tuple[Entry, bytes]]) -> Iterator[tuple[str, str, bytes]]:
        """(path, sha256, stamp) of each file the entries made in this build were made from, as
        the workers hashed them (Staged.read_stamps), for HashCache.save."""
        for entry, read_stamps in built:
            files = [name for name in entry.inputs if not name.endswith("/")]  # not a folder's
            if len(read_stamps) != STAMP_SIZE * len(files):  # not this entry's: none kept
                continue
            for index, name in enumerate(files):
                stamp = read_stamps[index * STAMP_SIZE : (index + 1) * STAMP_SIZE]
                yield self._file_path(name), entry.inputs[name], stamp

    def template_hash(self, name: str) -> str | None:
        if name not in self._templates:
            try:
                self._templates[name] = template_hash(self.library, name)
            except VanthuError:
                self._templates[name] = None  # missing: the render reports it
        return self._templates[name]

    def source_hash(self, name: str) -> str | None:
        """The current hash of what a manifest names: a file, or a folder's list ("x/")."""
        if not name.endswith("/"):
            return self.file_hash(self._file_path(name))
        return self.layout.listing_hash(self.layout.path_of(name.rstrip("/")))

    def _file_path(self, name: str) -> str:
        """The path of a file a manifest names, as a string (Path parsing is the cost)."""
        return name if os.path.isabs(name) else os.path.join(self._root, name)

    def current(self, entry: Entry, *, pdf: bool) -> Entry | None:
        """The entry as it stands when its output need not be rebuilt, else None."""
        if any(self.source_hash(name) != sha for name, sha in entry.inputs.items()):
            return None
        if self.template_hash(entry.template) != entry.template_sha256:
            return None
        output = os.path.join(self._output_dir, entry.output)
        if not self.inside_outputs(output) or self.file_hash(output) != entry.output_sha256:
            return None
        has_pdf = entry.pdf is not None and self.recorded_pdf_matches(entry)
        if pdf and not has_pdf:
            return None
        if has_pdf or (entry.pdf is None and entry.pdf_sha256 is None):
            return entry
        return entry.without_pdf()

    def recorded_pdf_matches(self, entry: Entry) -> bool:
        if entry.pdf is None:
            return False
        target = os.path.join(self._output_dir, entry.pdf)
        return self.inside_outputs(target) and self.file_hash(target) == entry.pdf_sha256

    def inside_outputs(self, path: Path | str) -> bool:
        """A manifest never makes the build read or touch a file outside its output folder."""
        text = str(path)
        if text.startswith(self._outputs) and "/.." not in text and "\\.." not in text:
            return True  # named below the output folder, no way up: no resolve needed
        return resolved_path(Path(text)).is_relative_to(resolved_path(self.layout.output_dir))
