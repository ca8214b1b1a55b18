"""Where a field stands in a data file, for the register's refusals: they come after loading,
from a document that keeps no lines, so the file is read again, once, for the error alone."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import VanthuError


def number_line(path: Path | str) -> int | None:
    """The line of `so:` in data file `path` (None when it has none or cannot be read again)."""
    return field_line(path, "so")


def field_line(path: Path | str, field: str) -> int | None:
    """The line of top-level `field` in data file `path` (None when it has none or cannot be
    read again), as number_line finds `so:`."""
    from pipeline.load.yaml_source import load_yaml

    try:
        return load_yaml(Path(path)).lines.get((field,))
    except (OSError, VanthuError):
        return None
