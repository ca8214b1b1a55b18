"""Paths as a user reads them. Kept apart from loading (pipeline.load.locations) so that the
error messages (pipeline.errors) can name their files the same way without importing loading."""

from __future__ import annotations

import os
from pathlib import Path


def shown(path: Path, cwd: str | None = None) -> str:
    """`path` as a user reads it: relative to the working folder (`cwd`, else asked for) when
    it lies inside it. Compared as text, as relative_to compares parts: a table of thousands of
    outputs asks for the working folder once and parses no path."""
    here = cwd if cwd is not None else os.getcwd()
    text = str(path) if path.is_absolute() else os.path.join(here, path)
    if os.path.normcase(text) == os.path.normcase(here):
        return "."
    prefix = here if here.endswith(os.sep) else here + os.sep
    if os.path.normcase(text).startswith(os.path.normcase(prefix)):  # Windows: any case
        return text[len(prefix) :].replace(os.sep, "/")
    return str(path)


def named_folder(path: Path) -> bool:
    """Whether a path a user named is a folder (Path.is_dir), False where that cannot be told:
    is_dir raises for a name too long for the system, or below a folder this user may not enter
    (PermissionError in Python 3.11). Such a path is taken for a file, whose reading then says
    why it cannot be read, in words."""
    try:
        return path.is_dir()
    except OSError:
        return False


def folder_entries(folder: str | Path) -> list[os.DirEntry[str]]:
    """The entries of `folder` (os.scandir: what a plain file is, without a stat each); none when
    it is gone while listed; any other OSError (no permission) raised, for the caller to say:
    a folder that cannot be listed is never taken for an empty one."""
    try:
        with os.scandir(folder) as listing:
            return list(listing)
    except (FileNotFoundError, NotADirectoryError):  # gone while listed: nothing in it
        return []
