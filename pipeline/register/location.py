"""Where the register is: a file path (SQLite) or a postgresql:// URL, VANTHU_DB overriding.

Anything else that looks like a database address (another scheme, a mistyped one, a libpq
key/value string) is refused: taken as a file name it would start a private register whose
numbers begin again at 01, in folders named after the password.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import VanthuError
from pipeline.paths import shown
from pipeline.patterns import lazy
from pipeline.register.backends import Backend, PostgresBackend, SqliteBackend, safe_location
from pipeline.register.errors import RegisterError
from pipeline.register.sequences import SequencePlan
from pipeline.register.store import Register, SourceExists

if TYPE_CHECKING:
    from pipeline.workspace.core import Workspace

ENV_VARIABLE = "VANTHU_DB"
FILE_NAME = "so-van-ban.sqlite3"
# The schemes libpq (and so psycopg) reads, in any case; libpq itself wants them in lower case.
_url = lazy(r"(?i)^(postgresql|postgres)://")
# scheme:/ or scheme:// (two letters at least: C:/ is a Windows drive, not a scheme).
_scheme = lazy(r"^([A-Za-z][A-Za-z0-9+.\-]+):/")
# A libpq key/value connection string: host=... dbname=... user=... password=...
_dsn_key = lazy(
    r"(?i)(?:^|[\s/\\])(?:host|hostaddr|port|dbname|user|password|passfile|service|sslmode"
    r"|connect_timeout|options|application_name)\s*="
)


def default_register_path(root: Path) -> Path:
    """The register file of a workspace (or any folder): <root>/so-van-ban.sqlite3."""
    return root / FILE_NAME


def is_url(location: str | Path) -> bool:
    """Whether `location` names a PostgreSQL register (postgresql:// or postgres://, any case)."""
    return isinstance(location, str) and _url().match(location) is not None


def checked_location(text: str) -> str | Path:
    """A location as written: a PostgreSQL URL (its scheme in lower case, as libpq needs it),
    else a file path; refused when it looks like a database address vanthu cannot use."""
    text = text.strip()
    url = _url().match(text)
    if url is not None:
        return url.group(1).lower() + text[len(url.group(1)):]
    scheme = _scheme().match(text)
    if scheme is not None:
        raise RegisterError("register.unsupported_location", location=safe_location(text),
                            scheme=scheme.group(1))
    if _dsn_key().search(text):
        raise RegisterError("register.dsn_location", location=safe_location(text))
    return Path(text).expanduser()


def resolve_location(location: str | Path | None, *, root: Path | None = None,
                     environ: Mapping[str, str] | None = None) -> str | Path:
    """The location to open: the one given, else VANTHU_DB, else <root or .>/so-van-ban.sqlite3.

    An explicit location (a --db option, a workspace's configured URL) wins, so that a test or a
    script naming its file never lands in the office register VANTHU_DB points at; VANTHU_DB
    overrides only the default file.
    """
    env = os.environ if environ is None else environ
    if location is not None and str(location).strip():
        return checked_location(str(location))
    chosen = env.get(ENV_VARIABLE, "").strip()
    if chosen:
        return checked_location(chosen)
    return default_register_path(root if root is not None else Path())


def data_file_exists(root: Path) -> SourceExists:
    """Whether a data file the register names (relative to the workspace `root`, or absolute)
    is still there; a file that cannot be looked at counts as there, so that nothing is taken
    over or reported on a guess."""

    def exists(source: str) -> bool:
        try:
            (root / source).stat()
        except (FileNotFoundError, NotADirectoryError):
            return False
        except (OSError, ValueError):
            return True
        return True

    return exists


def open_backend(location: str | Path) -> Backend:
    """The backend of the register at `location`: a PostgreSQL URL, else a file, made whole
    first when it is not there (schema.create_file: never left empty by a run interrupted)."""
    if is_url(location):
        return PostgresBackend(str(location))
    path = Path(location)
    if str(path) != ":memory:":
        # Here, not at the top: a build that opens no register never imports the migrations.
        from pipeline.register.schema import create_file

        create_file(path)
    return SqliteBackend(path)


def open_register(location: str | Path | None = None, *,
                  plans: Mapping[str, SequencePlan] | None = None,
                  root: Path | None = None,
                  environ: Mapping[str, str] | None = None,
                  source_exists: SourceExists | None = None) -> Register:
    """Open (creating and migrating if needed) the register at `location`.

    Without `location`, VANTHU_DB in the environment; with neither, the file
    so-van-ban.sqlite3 in `root` (default: the current folder). `source_exists` (see
    `data_file_exists`) lets a renamed data file keep its number (Register.adopt_moved); only
    for a register file of one workspace, not a shared PostgreSQL one.
    """
    backend = open_backend(resolve_location(location, root=root, environ=environ))
    if not isinstance(backend, SqliteBackend):
        # A shared register (PostgreSQL) numbers the documents of several clerks' workspaces:
        # a data file missing from this one may be another clerk's, never to be taken over.
        source_exists = None
    return Register(backend, plans, source_exists=source_exists)


class Registers:
    """Registers opened when first needed, each once, and closed with `stack`: the registers
    render and build number a workspace's documents in."""

    def __init__(self, stack: ExitStack) -> None:
        self.stack = stack
        self.opened: dict[tuple[str, Path | None], Register] = {}

    def open(self, location: str | Path | None, *, root: Path | None = None,
             prepare: Callable[[Register], object] | None = None) -> Register:
        """The register at `location` for the workspace at `root`, whose data files its rows
        name: a data file renamed or moved there keeps its number. `prepare` is called once,
        when the register is first opened (kept only once it succeeds)."""
        key = (str(location), root)
        if key not in self.opened:
            exists = data_file_exists(root) if root is not None else None
            register = self.stack.enter_context(
                open_register(location, root=root, source_exists=exists))
            if prepare is not None:
                prepare(register)
            self.opened[key] = register
        return self.opened[key]


def runnable_location(key: str, root: Path) -> str | None:
    """A register as a manifest records it (documents.register_key: a file by its path inside
    the workspace at `root`, else absolute; a URL with its password masked) as `--db` takes it
    from the working folder, quoted for a shell: a file's path shown from there (relative
    inside it, else absolute). None for a URL: the record lacks its password, so no command
    can name it; the clerk points vanthu at it as configured (VANTHU_DB, vanthu.yaml)."""
    if "://" in key:
        return None
    path = Path(key)
    return shlex.quote(shown(path if path.is_absolute() else root / path))


def blank_register() -> Register:
    """A register holding nothing, kept in memory: what a register not made yet answers (next
    number 01 in every sequence), asked without making its file (nor giving the workspace an
    identity) in a run that may stop before it numbers anything."""
    return Register(SqliteBackend(Path(":memory:")))


def register_exists(location: str | Path | None, *, root: Path | None = None) -> bool:
    """Whether the register at `location` (as open_register resolves it) may hold rows: a URL
    always may; a file only once it exists. Lets a caller that only reads skip creating one."""
    resolved = resolve_location(location, root=root)
    return is_url(resolved) or Path(resolved).exists()


def register_key(workspace: Workspace) -> str | None:
    """Which register numbers `workspace`'s so: tu_dong documents, as its manifest records it:
    its own register file by its path inside the workspace (the same after a move), any other
    by its location with the password masked; None when the location cannot be read."""
    try:
        location = resolve_location(workspace.register_location, root=workspace.root)
    except VanthuError:
        return None
    return location_key(location, workspace.root)


def location_key(location: str | Path, root: Path) -> str:
    """Register `location` (as resolve_location gives it) named as a manifest of the workspace
    at `root` records it (register_key): a file by its path inside the workspace, else
    absolute; a URL with its password masked. Lets `vanthu so --db` tell whether the register
    it names is the one the manifests say numbered the workspace's documents."""
    if isinstance(location, Path):
        resolved = location.resolve()
        inside = root.resolve()
        if resolved.is_relative_to(inside):
            return resolved.relative_to(inside).as_posix()
        return str(resolved)
    return safe_location(location)
