"""Find a build's document inputs and decide where each one's outputs and manifest go."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pipeline.errors import InputError
from pipeline.load.documents import AGENCY_DIR

INPUT_PATTERN = "*.yaml"
MANIFEST = "manifest.json"
YEAR = re.compile(r"^\d{4}$")


def find_inputs(input_dir: Path) -> list[Path]:
    """Every document YAML under `input_dir`, sorted; agency profiles and hidden files skipped."""
    if not input_dir.is_dir():
        raise InputError("build.no_input_dir", file=input_dir)
    found = []
    for path in input_dir.rglob(INPUT_PATTERN):
        parts = path.relative_to(input_dir).parts
        if AGENCY_DIR in parts[:-1] or any(part.startswith(".") for part in parts):
            continue
        if path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(input_dir).as_posix())


@dataclass(frozen=True)
class Layout:
    """Where a build reads and writes: the inputs tree (`base`) mirrored under `output_dir`.

    `base` is INPUT_DIR, or its parent when INPUT_DIR is a year folder (inputs/2022), so that
    outputs always land in OUTPUT_DIR/<year>/. Manifests name input files relative to `root`,
    the project folder holding `base`, so they do not depend on where the project lives.
    """

    input_dir: Path
    output_dir: Path
    base: Path
    root: Path

    @classmethod
    def of(cls, input_dir: Path, output_dir: Path) -> Layout:
        resolved = input_dir.resolve()
        base = resolved.parent if YEAR.match(resolved.name) else resolved
        return cls(input_dir=input_dir, output_dir=output_dir, base=base, root=base.parent)

    def relative(self, path: Path) -> PurePosixPath:
        """`path` below the inputs tree."""
        return PurePosixPath(path.resolve().relative_to(self.base).as_posix())

    def output_for(self, path: Path) -> Path:
        """OUTPUT_DIR/<path below the inputs tree>.docx."""
        return self.output_dir / Path(*self.relative(path).with_suffix(".docx").parts)

    def year_of(self, path: Path) -> str | None:
        """The year folder (4 digits) an input lies in, None when it lies in none."""
        return next((part for part in self.relative(path).parts[:-1] if YEAR.match(part)), None)

    def manifest_for(self, year: str | None) -> Path:
        """OUTPUT_DIR/<year>/manifest.json (OUTPUT_DIR/manifest.json outside year folders)."""
        return self.output_dir / year / MANIFEST if year else self.output_dir / MANIFEST

    def name_of(self, path: Path) -> str:
        """How manifests name a file: relative to the project root, else absolute; posix style."""
        resolved = path.resolve()
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return resolved.as_posix()

    def output_name(self, path: Path) -> str:
        """How manifests name an output: relative to OUTPUT_DIR, posix style."""
        return path.relative_to(self.output_dir).as_posix()
