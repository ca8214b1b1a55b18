"""Where the files a document refers to are: the questions loading asks of a workspace.

Loading sits below the workspace (pipeline.workspace), so it names what it needs as a protocol;
the workspace answers it (and a test or the register can answer it differently).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Protocol

from pipeline.load import read_log
from pipeline.load.bounded import keep
from pipeline.patterns import lazy

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry


AGENCY_DIR = "co-quan"  # the agency profiles of a workspace: co-quan/<id>.yaml
# Parts a document attaches (a Quy chế a decision issues): data, not documents built alone.
ATTACHED_DIR = "kem-theo"


def resolved_path(path: Path) -> Path:
    """`path` resolved; for a symlink loop (which cannot be), made absolute: the reader then
    says what is wrong with it, at its name."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError for a loop before Python 3.13
        return Path(os.path.abspath(path))


class RealPaths:
    """Resolves paths as resolved_path does, asking the system once per folder, not per part.

    Path.resolve() checks every part of a path (an lstat each: six for inputs/2022/x.yaml)
    every time; a build resolves each document, its list and its agency profile several times,
    all in a few folders. This resolves each folder once, then checks only the file itself.
    So a folder replaced by a symlink while the object lives is not seen: one is made per
    workspace and per loader, which a build makes afresh.
    """

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}
        # An absolute path's text → its folder resolved and its name joined: a build asks for
        # each document's path several times (its load, its output's name, its list beside it).
        # Not for a relative one, which depends on the working folder.
        self._joined: dict[str, str] = {}

    def resolve(self, path: Path) -> Path:
        """`path` resolved (see resolved_path)."""
        text = os.fspath(path)
        found = self._found(text)
        if found is None:
            return resolved_path(path)
        try:
            # Within a document's load, once a file (read_log.looked_once): its stat then too.
            if not stat.S_ISLNK(read_log.link_stat(found).st_mode):
                return path if found == text else Path(found)
        except OSError:  # missing, or in a loop: as resolved_path says
            pass
        return resolved_path(path)

    def file(self, path: Path) -> Path | None:
        """`path` resolved (resolve) when a regular file is there (Path.is_file), else None:
        one look at a file that is no symlink (its lstat, which is its stat). A path below a
        folder that may not be looked into (no permission) is returned as it is: whether a file
        is there cannot be told, and its reader says it cannot be read, naming it."""
        text = os.fspath(path)
        found = self._found(text)
        if found is None:
            return resolved_path(path) if _is_file(path) else None
        try:
            info = read_log.link_stat(found)
        except PermissionError:
            return resolved_path(path)
        except OSError:  # missing, or in a loop: as Path.is_file and resolved_path say
            info = None
        if info is None or stat.S_ISLNK(info.st_mode):
            return resolved_path(path) if _is_file(path) else None
        if not stat.S_ISREG(info.st_mode):
            return None
        return path if found == text else Path(found)

    def beside(self, document: Path, name: str) -> Path | None:
        """File `name` in the folder of `document` resolved (resolve(document).parent / name,
        resolved), when `name` is a plain file name (plain_name) and what is found there is no
        symlink, its folder already resolved (the path found is that text itself): the file
        named beside a document, as Workspace.referenced_file finds it most of the time, made
        from the texts without a Path per step. None otherwise (missing, a symlink, not plain),
        for resolve and pathlib to say."""
        if not plain_name(name):
            return None
        resolved = self.resolve(document)
        text = os.path.join(os.path.dirname(os.fspath(resolved)), name)
        if self._found(text) != text:
            return None
        try:
            info = read_log.link_stat(text)  # as resolve looks at it (once within a load)
        except OSError:
            return None
        # with_name: the folder's parts kept, only the name parsed (Path(text) parses them all).
        return None if stat.S_ISLNK(info.st_mode) else resolved.with_name(name)

    def _found(self, text: str) -> str | None:
        """The path `text` with its folder resolved (_join), as kept; None for one going up a
        folder ("..": realpath reads "link/.." through the link), which resolved_path takes."""
        found = self._joined.get(text)
        if found is None:
            if ".." in text and ".." in _parts().split(text):
                return None
            found = self._join(text)
        return found

    def _join(self, text: str) -> str:
        """The path `text` with its folder resolved (once per folder) and its name joined."""
        absolute = os.path.isabs(text)
        # Only the folder's text is used as it stands, and realpath normalises that.
        folder, name = os.path.split(text if absolute else os.path.abspath(text))
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        found = os.path.join(real, name)
        if absolute:
            keep(self._joined, text, found, _JOINED_KEPT)
        return found


def _is_file(path: Path) -> bool:
    """Path.is_file, True below a folder that may not be looked into (Python 3.11 raises
    PermissionError there; RealPaths.file)."""
    try:
        return path.is_file()
    except PermissionError:
        return True


# Paths a RealPaths keeps joined: those of the last few hundred documents, not the year's (a
# build holding every path it met grew with the year: 3 MB at 5,000 decisions).
_JOINED_KEPT = 1024
_parts = lazy(r"[\\/]")


def plain_name(name: str) -> bool:
    """Whether `name` is a file's name alone: no folder, drive or separator of any system, not
    "." nor ".." nor empty, no NUL (which the system refuses). Joined to a folder, such a name
    stays in it, as pathlib's `folder / name` would have it, whatever its characters."""
    return (
        bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name
        and ":" not in name and "\0" not in name
    )  # fmt: skip


def within(path: Path, folder: Path) -> bool:
    """path.is_relative_to(folder) for resolved paths, from their text when it says yes."""
    text, prefix = str(path), str(folder)
    if text.startswith(prefix) and text[len(prefix) : len(prefix) + 1] in ("", os.sep):
        return True
    return path.is_relative_to(folder)  # what pathlib says otherwise (case on Windows, "/")


class Locations(Protocol):
    """Answers loading's questions about where files are; every path it returns is resolved."""

    def agency_file(self, ref: str) -> Path | None:
        """The profile of agency `ref`, None when the workspace has none by that id."""
        ...

    def agency_ids(self) -> list[str]:
        """Ids of every agency profile (for suggestions)."""
        ...

    def agency_expected(self, ref: str) -> str:
        """Where the profile of `ref` would be, as a user should read it."""
        ...

    def referenced_file(self, document: Path, name: str) -> Path | None:
        """A file named in `document` (relative to it), None when it lies outside the workspace."""
        ...

    def all_documents(self) -> tuple[Path, list[Path]]:
        """The data folder and every document in it, of every year."""
        ...

    def output_name(self, path: Path, year: int) -> PurePosixPath:
        """<year folder>/<name>.docx of data file `path` dated in `year` (Workspace.output_name):
        its first part is the year folder the file is kept in, else `year`."""
        ...

    def recorded_entry(self, data_file: Path, year: int) -> Entry | None:
        """What the last build or render recorded of `data_file` (None: nothing)."""
        ...
