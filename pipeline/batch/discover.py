"""A build's inputs and where each one's output and manifest go, as the workspace says."""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.batch.manifest import listing_sha256
from pipeline.errors import InputError
from pipeline.load.locations import resolved_path
from pipeline.paths import named_folder, shown
from pipeline.text.listing import first_named
from pipeline.workspace import Workspace
from pipeline.workspace.config import CONFIG_FILE, DATA_DIR

if TYPE_CHECKING:
    from pipeline.load.contract import LoadedDocument
    from pipeline.render.compose import TemplateLibrary

MANIFEST = "manifest.json"


# Workspaces named in the message for a folder that is none (the first few found in it).
SHOWN_WORKSPACES = 5


def find_inputs(
    workspace: Workspace, folder: Path | None = None, *, command: str = "build"
) -> list[Path]:
    """Every document data file of the workspace (or of `folder` in it), sorted. A folder that
    is no workspace at all (no vanthu.yaml, no data folder: the folder above the one `vanthu
    init` made) is said as such, with the way to the workspace, for `vanthu {command}`."""
    if folder is None and workspace.config_file is None and not workspace.data_dir.is_dir():
        raise not_a_workspace(workspace.root, command)
    folder = folder or workspace.data_dir
    if not named_folder(folder):
        raise InputError("build.no_input_dir", file=folder)
    return workspace.documents(folder)


def workspace_of(folder: Path | None) -> tuple[Workspace, Path | None]:
    """The workspace a command given `folder` works in (None: the working folder's), and the
    folder whose documents it takes (None: the workspace's data folder). A workspace's own
    folder (the one `vanthu init` made) means its data folder, exactly as the command run
    inside it: never its settings, its templates or a clerk's scratch files beside them."""
    workspace = Workspace.containing(folder or Path.cwd())
    if folder is None or (resolved_path(folder) == workspace.root and not workspace.is_bare):
        return workspace, None
    return workspace, folder


def named_documents(inputs: list[Path], command: str = "check") -> list[Path]:
    """The data files `vanthu check` takes: a file as named, a folder for every document in it
    (a workspace's folder for its data folder, as `vanthu build` takes it), none for every
    document of the working folder's workspace. Found files are named as a user reads them
    (relative to the working folder), each once. A workspace's templates folder that cannot
    be listed is said once, before any of them is checked (refuse_unlisted_templates)."""
    found: list[Path] = []
    if not inputs:
        found = [Path(shown(p)) for p in find_inputs(*workspace_of(None), command=command)]
    for path in inputs:
        if named_folder(path):
            workspace, folder = workspace_of(path)
            found.extend(Path(shown(p)) for p in find_inputs(workspace, folder, command=command))
        else:
            found.append(path)
    documents = list(dict.fromkeys(found))
    refuse_unlisted_templates(documents)
    return documents


def refuse_unlisted_templates(documents: list[Path]) -> None:
    """The templates of each workspace holding one of `documents` looked up once, so that a
    templates folder of its own (mau/, mau/khoi/) that cannot be listed is said once, as `vanthu
    build` says it (TemplateError), not once for each of its documents, every one of which it
    fails: the same line a thousand times."""
    libraries: dict[Path, TemplateLibrary] = {}
    for folder in dict.fromkeys(path.parent for path in documents):
        workspace = Workspace.containing(folder)
        if workspace.root not in libraries:
            libraries[workspace.root] = workspace.templates


def not_a_workspace(folder: Path, command: str) -> InputError:
    """The error for `vanthu {command}` run in `folder`, which is no workspace: naming the
    workspaces inside it when there are (a clerk who skipped the `cd` of init's last line)."""
    below = [shown(path) for path in workspaces_in(folder)]
    said: dict[str, Any] = {
        "folder": str(folder), "config": CONFIG_FILE, "data": DATA_DIR, "command": command,
    }  # fmt: skip
    if not below:
        return InputError("build.not_workspace", **said)
    return InputError(
        "build.not_workspace.below", **said, first=shlex.quote(below[0]),
        found=first_named(below, SHOWN_WORKSPACES),
    )  # fmt: skip


def workspaces_in(folder: Path) -> list[Path]:
    """The folders directly inside `folder` that are workspaces (hold vanthu.yaml), sorted."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    return [
        Path(entry.path) for entry in entries
        if not entry.name.startswith(".") and entry.is_dir()
        and os.path.isfile(os.path.join(entry.path, CONFIG_FILE))
    ]  # fmt: skip


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
