"""Where the files a document refers to are: the questions loading asks of a workspace.

Loading sits below the workspace (pipeline.workspace), so it names what it needs as a protocol;
the workspace answers it (and a test or the register can answer it differently).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

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

    def year_documents(self, year: int) -> tuple[Path, list[Path]]:
        """The folder of `year`'s documents (it may not exist) and the documents in it."""
        ...
