"""A build's inputs and where each one's output and manifest go, as the workspace says."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.batch.manifest import listing_sha256
from pipeline.errors import InputError
from pipeline.workspace import Workspace

if TYPE_CHECKING:
    from pipeline.load.contract import LoadedDocument

MANIFEST = "manifest.json"


def find_inputs(workspace: Workspace, folder: Path | None = None) -> list[Path]:
    """Every document data file of the workspace (or of `folder` in it), sorted."""
    folder = folder or workspace.data_dir
    if not folder.is_dir():
        raise InputError("build.no_input_dir", file=folder)
    return workspace.documents(folder)


@dataclass(frozen=True)
class Layout:
    """How a build names things: inputs relative to the workspace, outputs by year.

    Every output goes to OUTPUT_DIR/<year>/<name>.docx (the workspace's one rule, shared with
    `vanthu render`), and each year has its manifest OUTPUT_DIR/<year>/manifest.json. Manifests
    name input files relative to the workspace, so they do not depend on where it lives.
    """

    workspace: Workspace

    @property
    def output_dir(self) -> Path:
        return self.workspace.output_dir

    @property
    def root(self) -> Path:
        return self.workspace.root

    def output_for(self, document: LoadedDocument) -> Path:
        return self.workspace.output_for(document.path, document.info.data.ngay.year)

    def year_of(self, document: LoadedDocument) -> str:
        """The year folder the document's output goes to."""
        return self.workspace.output_name(document.path, document.info.data.ngay.year).parts[0]

    def manifest_for(self, year: str | None) -> Path:
        """OUTPUT_DIR/<year>/manifest.json (OUTPUT_DIR/manifest.json without a year)."""
        return self.output_dir / year / MANIFEST if year else self.output_dir / MANIFEST

    def name_of(self, path: Path) -> str:
        """How manifests name a file: relative to the workspace, else absolute; posix style."""
        return self.workspace.name_of(path)

    def listing_hash(self, folder: Path) -> str:
        """What a manifest records of a folder whose documents one counts ("inputs/2022/"):
        the hash of their names (none when the folder is gone)."""
        documents = self.workspace.documents(folder) if folder.is_dir() else []
        return listing_sha256([self.name_of(p) for p in documents])

    def path_of(self, name: str) -> Path:
        """The file a manifest names (the inverse of name_of)."""
        path = Path(name)
        return path if path.is_absolute() else self.root / path

    def output_name(self, path: Path) -> str:
        """How manifests name an output: relative to OUTPUT_DIR, posix style."""
        return path.relative_to(self.output_dir).as_posix()
