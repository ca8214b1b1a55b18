"""The workspace: one office's folder, and the one object that knows where its things are.

    office/
      vanthu.yaml          settings (optional: every key has a default)
      inputs/co-quan/      agency profiles (hồ sơ cơ quan)
      inputs/2026/         the year's data files and the lists they name
      mau/                 the office's own templates, overriding built-ins by name
      outputs/2026/        generated documents, one manifest per year

It answers which agency a document names, which file a document refers to, which documents a
year has, where a document's output goes and which templates are in force. Loading, rendering,
the build, the template tools and the CLI ask it instead of walking folders themselves. A
folder without vanthu.yaml whose data folder holds `co-quan/` is a workspace too (the layout
vanthu used before workspaces), with the default settings.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import threading
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from pipeline.errors import InputError, VanthuError
from pipeline.load.locations import (
    AGENCY_DIR,
    ATTACHED_DIR,
    RealPaths,
    resolved_path,
    within,
)
from pipeline.paths import folder_entries, named_folder
from pipeline.paths import shown as shown  # re-exported: pipeline.workspace.shown
from pipeline.render.compose import TemplateLibrary
from pipeline.render.output import folder_reason
from pipeline.workspace.config import (
    CONFIG_FILE,
    DATA_DIR,
    WorkspaceConfig,
    add_identity,
    read_config,
)

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry
    from pipeline.load.contract import LoadedDocument
    from pipeline.load.documents import DocumentLoader

YEAR = re.compile(r"^\d{4}$")
# Agency profile paths a workspace keeps joined (Workspace.agency_file): a few offices' each.
_PROFILE_PATHS_KEPT = 64
DOCUMENT_SUFFIX = ".yaml"
_SAFE_ID = re.compile(r"^[\w][\w.-]*$")
# The sample office every starter names (`vanthu new`); its profile ships with vanthu.
SAMPLE_AGENCY = "co-quan-mau"
# Where a form not saved anywhere stands (Workspace.load_mapping without a path): in the data
# folder, so that its references are found there.
FORM_NAME = "bieu-mau.yaml"

PathLike = str | os.PathLike[str]  # what the library takes for a path, as Python's own functions


def as_path(value: PathLike, argument: str) -> Path:
    """`value` (a str or any os.PathLike naming a path) as a Path. Anything else is refused
    naming `argument`, instead of failing deep inside on a missing Path method."""
    if isinstance(value, Path):
        return value
    if isinstance(value, str | os.PathLike):
        text = os.fspath(value)
        if isinstance(text, str):
            return Path(text)
    raise TypeError(
        f"{argument}: expected a path (str or os.PathLike[str]), got {type(value).__name__}"
    )


def sample_agency_file() -> Path:
    """The sample office's profile shipped with vanthu (pipeline/starters/), read where a
    folder is no workspace so that a starter renders as it is without an office folder."""
    return Path(str(resources.files("pipeline.starters").joinpath(f"{SAMPLE_AGENCY}.yaml")))


class Workspace:
    """One office's folder (see the module docstring); `Workspace.containing(path)` finds it.

    Paths are taken as str or os.PathLike. One workspace may be shared by threads (a web
    portal's requests): each load's progress is its thread's, and the caches are guarded.
    """

    def __init__(
        self,
        root: PathLike,
        config: WorkspaceConfig | None = None,
        *,
        data_dir: PathLike | None = None,
        output_dir: PathLike | None = None,
        template_dirs: tuple[PathLike, ...] = (),
        config_file: PathLike | None = None,
    ) -> None:
        root = as_path(root, "root")
        data_dir = None if data_dir is None else as_path(data_dir, "data_dir")
        output_dir = None if output_dir is None else as_path(output_dir, "output_dir")
        self.root = root.resolve()
        self._root_prefix = str(self.root).rstrip(os.sep) + os.sep
        self.config = config or WorkspaceConfig()
        self.config_file = None if config_file is None else as_path(config_file, "config_file")
        self.data_dir = (data_dir or self.root / self.config.du_lieu).resolve()
        self._data_prefix = str(self.data_dir).rstrip(os.sep) + os.sep
        # co-quan/<ref>.yaml by ref: joined once (a build asks for each document's office),
        # looked at on the disk every time (agency_file).
        self._profile_paths: dict[str, Path] = {}
        self.output_dir = (output_dir or self.root / self.config.ket_qua).absolute()
        self.own_templates = self.root / self.config.mau
        # --templates: before the workspace's own
        self.extra_templates = tuple(as_path(d, "template_dirs") for d in template_dirs)
        self._loader: DocumentLoader | None = None
        self._templates: TemplateLibrary | None = None
        self._making = threading.Lock()  # threads asking at once get one loader, one library
        self._paths = RealPaths()

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"

    def _settings(self) -> dict[str, Any]:
        """What makes this workspace (its constructor's arguments), without its caches."""
        return {
            "root": self.root,
            "config": self.config,
            "data_dir": self.data_dir,
            "output_dir": self.output_dir,
            "template_dirs": self.extra_templates,
            "config_file": self.config_file,
        }

    def __reduce__(self) -> tuple[Any, ...]:  # to worker processes: settings, not caches
        return (_rebuild, (self._settings(),))

    # Finding a workspace ------------------------------------------------------------------

    @classmethod
    def open(cls, root: PathLike) -> Workspace:
        """The workspace whose folder is `root` (its vanthu.yaml read when there is one)."""
        root = as_path(root, "root")
        config_file = root / CONFIG_FILE
        if config_file.is_file():
            return cls(root, read_config(config_file), config_file=config_file)
        if (root / AGENCY_DIR).is_dir() and not (root / DATA_DIR / AGENCY_DIR).is_dir():
            return cls(root, data_dir=root)  # data kept in the folder itself
        return cls(root)

    @classmethod
    def containing(cls, start: PathLike) -> Workspace:
        """The workspace holding `start` (a file or folder): the nearest folder above it with
        vanthu.yaml, else the nearest one holding co-quan/ or inputs/co-quan/, else a workspace
        with the default settings in `start`'s folder."""
        resolved = resolved_path(as_path(start, "start"))
        folder = resolved if named_folder(resolved) else resolved.parent
        chain = [folder, *folder.parents]
        for candidate in chain:
            if _looked(candidate / CONFIG_FILE, Path.is_file):
                return cls.open(candidate)
        for candidate in chain:
            if _looked(candidate / AGENCY_DIR, Path.is_dir):
                if candidate.name == DATA_DIR:
                    return cls(candidate.parent, data_dir=candidate)
                return cls(candidate, data_dir=candidate)
            if _looked(candidate / DATA_DIR / AGENCY_DIR, Path.is_dir):
                return cls(candidate)
        return cls(folder)

    def with_output(self, output_dir: PathLike | None) -> Workspace:
        """The same workspace writing to `output_dir` (None: unchanged)."""
        if output_dir is None:
            return self
        return Workspace(**{**self._settings(), "output_dir": output_dir})

    def with_templates(self, folder: PathLike | None) -> Workspace:
        """The same workspace with `folder` searched first for templates (None: unchanged)."""
        if folder is None:
            return self
        first = as_path(folder, "folder")
        return Workspace(**{**self._settings(), "template_dirs": (first, *self.extra_templates)})

    # Agencies and referenced files (pipeline.load.locations.Locations) -----------------------

    @property
    def agency_dir(self) -> Path:
        return self.data_dir / AGENCY_DIR

    @property
    def is_bare(self) -> bool:
        """Whether this is no office's workspace: no vanthu.yaml, no co-quan/ (a folder where
        a clerk keeps a starter made by `vanthu new`, nothing else)."""
        return self.config_file is None and not _looked(self.agency_dir, Path.is_dir, True)

    def agency_file(self, ref: str) -> Path | None:
        """co-quan/<ref>.yaml of this workspace; a ref that is not a plain name finds nothing.
        Outside any workspace the sample office (a starter's co_quan) is the one shipped."""
        if not _SAFE_ID.match(ref):
            return None
        path = self._profile_paths.get(ref)
        if path is None:
            path = self.agency_dir / f"{ref}.yaml"
            if len(self._profile_paths) < _PROFILE_PATHS_KEPT:
                self._profile_paths[ref] = path
        found = self._paths.file(path)  # one look: a file, no symlink (its stat kept for the load)
        if found is not None:
            return found
        if ref == SAMPLE_AGENCY and self.is_bare:
            return resolved_path(sample_agency_file())
        return None

    def agency_ids(self) -> list[str]:
        return (
            sorted(p.stem for p in self.agency_dir.glob("*.yaml"))
            if self.agency_dir.is_dir()
            else []
        )

    def agency_expected(self, ref: str) -> str:
        return self.display(self.agency_dir / f"{ref}.yaml")

    def referenced_file(self, document: Path, name: str) -> Path | None:
        """`name` relative to `document`; None when it leaves the workspace (or, for a document
        outside the workspace, the document's own folder)."""
        # A plain name (a list beside its decision: a build's case) found as it is: a file in
        # the resolved folder of the document, no symlink, so inside that folder and inside
        # whatever holds it (the checks below would say so too, with a Path made at each step).
        found = self._paths.beside(document, name)
        if found is not None:
            return found
        if Path(name).is_absolute():
            return None
        base = self._paths.resolve(document).parent
        path = self._paths.resolve(base / name)
        allowed = self.root if within(base, self.root) else base
        return path if within(path, allowed) else None

    def all_documents(self) -> tuple[Path, list[Path]]:
        """The data folder and every document in it (a report counts decisions by their date,
        whichever folder they are kept in)."""
        return self.data_dir, self.documents()

    # Documents ------------------------------------------------------------------------------

    def documents(self, folder: PathLike | None = None) -> list[Path]:
        """Every document data file under `folder` (default: the data folder), sorted; agency
        profiles, parts a document attaches (kem-theo/), a workspace's settings (vanthu.yaml)
        and hidden files and folders skipped. A folder that cannot be listed (no permission to
        read it) is an InputError naming it: its documents are not known, never taken for none
        (a build would remove their outputs as those of documents deleted, a report count a year
        without its decisions)."""
        base = resolved_path(self.data_dir if folder is None else as_path(folder, "folder"))
        agencies = str(self.agency_dir)
        found: list[tuple[str, Path]] = []
        # os.scandir and string paths: a year of thousands of files is listed in milliseconds,
        # which a build with nothing to do needs (pathlib's per-path parsing and a stat per file
        # are the cost; the directory entry says what a plain file is without one).
        folders = [(str(base), "")]
        while folders:
            current, relative = folders.pop()
            try:
                entries = folder_entries(current)
            except OSError as exc:
                raise unlisted_folder(Path(current), exc) from None
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                key = f"{relative}{name}"
                if entry.is_dir(follow_symlinks=False):  # as os.walk: links to folders not followed
                    if name != ATTACHED_DIR and entry.path != agencies:
                        folders.append((entry.path, key + "/"))
                elif name.endswith(DOCUMENT_SUFFIX) and name != CONFIG_FILE and entry.is_file():
                    found.append((key, Path(entry.path)))
        return [path for _, path in sorted(found)]

    def years(self) -> list[int]:
        """The years that have a folder of data."""
        if not self.data_dir.is_dir():
            return []
        try:
            names = os.listdir(self.data_dir)
        except OSError as exc:
            raise unlisted_folder(self.data_dir, exc) from None
        return sorted(
            int(name) for name in names
            if YEAR.match(name) and (self.data_dir / name).is_dir()
        )  # fmt: skip

    @property
    def loader(self) -> DocumentLoader:
        """This workspace's loader (each file parsed once while unchanged)."""
        if self._loader is None:
            # Imported here: the loader brings every kind's readers and contexts, and finding
            # where things are (a build with nothing to do) needs none of them.
            from pipeline.load.documents import DocumentLoader

            with self._making:
                if self._loader is None:
                    self._loader = DocumentLoader(self)
        return self._loader

    def forget_loaded(self) -> None:
        """Let go of the loader and all it keeps (files parsed, the last documents loaded, the
        index of the lists they name): the next load starts a loader afresh. A build calls this
        once its documents are staged: its end (placing, manifests) reuses that memory."""
        with self._making:
            self._loader = None

    def load(self, path: PathLike) -> LoadedDocument:
        """The document in data file `path`, validated, with everything it refers to. A
        workspace's settings file (vanthu.yaml) is never a document: refused as such, rather
        than read and refused for a missing `loai`."""
        path = as_path(path, "path")
        if path.name == CONFIG_FILE:
            folder = shlex.quote(shown(path.parent))
            raise InputError("ws.config_not_document", file=path, folder=folder)
        return self.loader.load(path)

    def load_mapping(
        self, data: Mapping[str, Any], path: PathLike | None = None
    ) -> LoadedDocument:
        """A document given as a dict (a form), validated as if it were the file `path`.

        `path` names the form in messages and places it: the files it names (`danh_sach:`, a
        plan, a draft decision) are found relative to its folder, and its output would go
        where that file's would. A relative `path` is taken from the workspace's folder (not
        the current directory): "inputs/2026/phieu.yaml". Without a path the form stands in
        the data folder as bieu-mau.yaml (FORM_NAME), so `danh_sach: 2026/ds-khen.xlsx` names
        inputs/2026/ds-khen.xlsx. No file is read or written at that path.
        """
        if path is None:
            placed = self.data_dir / FORM_NAME
        else:
            placed = as_path(path, "path")
            placed = placed if placed.is_absolute() else self.root / placed
        return self.loader.load_mapping(data, placed)

    # Outputs --------------------------------------------------------------------------------

    def output_name(self, path: Path, year: int) -> PurePosixPath:
        """<year>/<name>.docx: the path of a document's output below an output folder.

        A data file inside a year folder keeps its place below it (inputs/2022/qd/x.yaml →
        2022/qd/x.docx); any other file goes under the year of its date (x.yaml → 2022/x.docx).
        """
        resolved = self._paths.resolve(path)
        text = str(resolved)
        if text.startswith(self._data_prefix):  # the build's paths: no pathlib parsing
            return _output_name(text[len(self._data_prefix) :].replace(os.sep, "/"), year)
        if resolved.is_relative_to(self.data_dir):
            return _output_name(resolved.relative_to(self.data_dir).as_posix(), year)
        return PurePosixPath(str(year), resolved.with_suffix(".docx").name)

    def output_for(self, path: Path, year: int) -> Path:
        """Where the output of data file `path` (dated `year`) goes: outputs/<year>/<name>.docx."""
        return self.output_dir.joinpath(*self.output_name(path, year).parts)

    def name_of(self, path: Path) -> str:
        """How manifests and the register name a file: relative to the workspace (else absolute),
        posix style, so that the names do not depend on where the workspace lives."""
        text = str(path)
        if text.startswith(self._root_prefix) and "/.." not in text and "\\.." not in text:
            # Found below the root (the build's paths are): no resolve, no pathlib parsing.
            return text[len(self._root_prefix) :].replace(os.sep, "/")
        resolved = path.resolve()
        if resolved.is_relative_to(self.root):
            return resolved.relative_to(self.root).as_posix()
        return resolved.as_posix()

    def recorded_entry(self, data_file: Path, year: int) -> Entry | None:
        """What the manifest recorded of `data_file` (output dated `year`) when it was last built
        or rendered into this workspace's own outputs folder, whatever folder this one writes
        to (-o): a Giấy khen batch's sổ vàng numbers are the office's, not an output folder's;
        else into the folder it writes to; None when nothing was (or it cannot be read)."""
        own = (self.root / self.config.ket_qua).absolute()
        for output_dir in dict.fromkeys((own, self.output_dir)):
            entry = self._recorded_in(output_dir, data_file, year)
            if entry is not None:
                return entry
        return None

    def _recorded_in(self, output_dir: Path, data_file: Path, year: int) -> Entry | None:
        """What the manifest of output folder `output_dir` records of `data_file`, if anything."""
        from pipeline.batch.manifest import Manifest

        try:
            folder = self.output_name(data_file, year).parts[0]
            manifest = Manifest.read(output_dir / folder / "manifest.json", folder)
            return manifest.entries.get(self.name_of(data_file))
        except (OSError, ValueError, VanthuError):
            return None

    def display(self, path: Path) -> str:
        """`path` as a user reads it: relative to the workspace when inside it."""
        resolved = path.resolve() if path.exists() else path.absolute()
        if resolved.is_relative_to(self.root):
            return resolved.relative_to(self.root).as_posix()
        return str(path)

    # The register (sổ văn bản đi) ------------------------------------------------------------

    @property
    def identity(self) -> str | None:
        """Định danh: this workspace in a register several share (vanthu.yaml `dinh_danh`),
        the same wherever its folder is moved; None when it has none (see
        pipeline.register.documents)."""
        return self.config.dinh_danh

    def give_identity(self) -> str:
        """Write a new identity into this workspace's vanthu.yaml (comments kept) and take it;
        its identity. Only for a workspace with a vanthu.yaml."""
        assert self.config_file is not None
        identity = add_identity(self.config_file)
        self.config = self.config.model_copy(update={"dinh_danh": identity})
        return identity

    @property
    def register_location(self) -> str | Path | None:
        """The register vanthu.yaml names (a file in the workspace, or a URL); None: the default
        (VANTHU_DB, else so-van-ban.sqlite3 in the workspace)."""
        location = self.config.so_van_ban
        if not location:
            return None
        if "://" in location:
            return location
        return self.root / location

    # Templates ------------------------------------------------------------------------------

    def template_layers(self) -> list[Path]:
        """Folders searched for templates before the built-in ones."""
        own = [self.own_templates] if self.own_templates.is_dir() else []
        return [*self.extra_templates, *own]

    @property
    def templates(self) -> TemplateLibrary:
        """The templates in force: the workspace's own first, then the built-in ones."""
        if self._templates is None:
            with self._making:
                if self._templates is None:
                    self._templates = TemplateLibrary(self.template_layers())
        return self._templates


def unlisted_folder(folder: Path, exc: OSError) -> InputError:
    """The error of a data folder that could not be listed, naming it and why."""
    return InputError("ws.folder_unreadable", file=folder, reason=folder_reason(exc))


def _looked(path: Path, kind: Callable[[Path], bool], refused: bool = False) -> bool:
    """`kind(path)` (Path.is_file, Path.is_dir); `refused` where a folder above `path` may not be
    looked into (Python 3.11 raises PermissionError there): what that folder holds cannot be
    told, and the reader that lists or opens it then says so, naming it."""
    try:
        return kind(path)
    except PermissionError:
        return refused


@functools.lru_cache(maxsize=64)  # asked twice in a row for each document a build loads
def _output_name(relative: str, year: int) -> PurePosixPath:
    """Workspace.output_name of the data file at posix path `relative` below the data folder:
    its year folder kept, else `year`'s put before it (a PurePosixPath: kept, never changed)."""
    inside = PurePosixPath(relative)
    if len(inside.parts) > 1 and YEAR.match(inside.parts[0]):
        return inside.with_suffix(".docx")
    return PurePosixPath(str(year)) / inside.with_suffix(".docx")


def _rebuild(settings: dict[str, Any]) -> Workspace:
    return Workspace(**settings)
