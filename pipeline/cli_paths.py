"""Paths typed on the command line, as every command of vanthu takes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def command_line_path(**checks: Any) -> click.Path:
    """A click.Path (with `checks`: exists, file_okay, dir_okay) giving a pathlib.Path, not
    checked for reading by Click (its readable=True): a file or folder that cannot be read is
    said by the reader that opens it, exit 1 and naming it as for one found in a folder (verify:
    in its place, the others still checked), not as a usage error (exit 2); so is an output
    not to be written (PermissionError in pipeline.cli.VanthuGroup)."""
    return click.Path(readable=False, path_type=Path, **checks)
