"""The register's schema as numbered migrations, the same SQL on SQLite and PostgreSQL.

Each migration is a version number and its statements; `{id}` stands for the auto-numbered key
column, the only spelling the two engines do not share. Applied versions are rows of
`schema_version`; a register opened by a newer vanthu is migrated forward in one transaction (all
missing versions or none), under the backend's migration lock so that clerks opening it at once
apply it once.
Never edit a released migration: add the next one.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from pipeline.register.backends import Backend, SqliteBackend, Transaction
from pipeline.register.errors import RegisterError
from pipeline.register.rows import now


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "counters and entries of the sổ đăng ký văn bản đi",
        (
            # One row per (office, year, sequence): the last number given. Allocation updates it
            # in the same transaction that inserts the entry, so it is never behind the entries.
            """
            CREATE TABLE counters (
                agency TEXT NOT NULL,
                year INTEGER NOT NULL,
                sequence TEXT NOT NULL,
                last_number INTEGER NOT NULL CHECK (last_number >= 0),
                PRIMARY KEY (agency, year, sequence)
            )
            """,
            """
            CREATE TABLE entries (
                id {id},
                agency TEXT NOT NULL,
                year INTEGER NOT NULL,
                sequence TEXT NOT NULL,
                number INTEGER NOT NULL CHECK (number >= 1),
                status TEXT NOT NULL
                    CHECK (status IN ('pending', 'issued', 'reserved', 'void')),
                origin TEXT NOT NULL CHECK (origin IN ('register', 'typed', 'imported')),
                doc_date TEXT,
                type_code TEXT,
                symbol TEXT,
                summary TEXT,
                signer TEXT,
                recipients TEXT,
                archive TEXT,
                copies INTEGER,
                transfer_date TEXT,
                received_by TEXT,
                note TEXT,
                source TEXT,
                void_reason TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (agency, year, sequence, number)
            )
            """,
            # One live number per source file: a re-render finds the number it was given.
            """
            CREATE UNIQUE INDEX entries_live_source ON entries (agency, source)
                WHERE source IS NOT NULL AND status <> 'void'
            """,
            "CREATE INDEX entries_year ON entries (year, agency, sequence, number)",
        ),
    ),
    Migration(
        2,
        "the workspace whose data file a row names (shared registers)",
        (
            # NULL: a row of a workspace's own register file, or made before this version.
            "ALTER TABLE entries ADD COLUMN workspace TEXT",
            "DROP INDEX entries_live_source",
            # One live number per data file of one workspace: clerks' files of the same name
            # (inputs/2026/ke-hoach.yaml in each workspace) are different documents.
            """
            CREATE UNIQUE INDEX entries_live_source
                ON entries (agency, (COALESCE(workspace, '')), source)
                WHERE source IS NOT NULL AND status <> 'void'
            """,
        ),
    ),
    Migration(
        3,
        "where each workspace last used a shared register (a copied workspace is refused)",
        (
            # documents.place_workspace: the folder (resolved) and machine a dinh_danh was last
            # used from.
            """
            CREATE TABLE workspace_places (
                workspace TEXT PRIMARY KEY,
                root TEXT NOT NULL,
                host TEXT NOT NULL,
                seen_at TEXT NOT NULL
            )
            """,
        ),
    ),
    Migration(
        4,
        "the signer's title lines beside the Người ký (a signer changed in the profile)",
        (
            # Details.signer_title: NULL on rows written before (only their name is compared).
            "ALTER TABLE entries ADD COLUMN signer_title TEXT",
        ),
    ),
    Migration(
        5,
        "how each office splits its numbering into sequences, from a year on",
        (
            # sequences.StoredPlan: `plan` a JSON object, type code → sequence (QĐ →
            # quyet-dinh); since_year 0 for every year. The office's setting, the same for
            # every clerk and command numbering in this register.
            """
            CREATE TABLE sequence_plans (
                agency TEXT NOT NULL,
                since_year INTEGER NOT NULL CHECK (since_year >= 0),
                plan TEXT NOT NULL,
                set_at TEXT NOT NULL,
                PRIMARY KEY (agency, since_year)
            )
            """,
        ),
    ),
    Migration(
        6,
        "each `vanthu so khoi-phuc`: when, the highest number entered again per run, and the "
        "clerk's word that the numbers given after the older copy are entered",
        (
            # restorations.py: one row per (office, year, sequence) a restore entered numbers
            # of. confirmed_at NULL: the numbers `so cap`/`so giu` gave after the copy are
            # not yet said to be entered, and no new number of that office and year is given.
            """
            CREATE TABLE restorations (
                id {id},
                agency TEXT NOT NULL,
                year INTEGER NOT NULL,
                sequence TEXT NOT NULL,
                last_number INTEGER NOT NULL CHECK (last_number >= 1),
                restored_at TEXT NOT NULL,
                confirmed_at TEXT
            )
            """,
            "CREATE INDEX restorations_year ON restorations (year, agency)",
        ),
    ),
    Migration(
        7,
        "the sổ vàng: each Giấy khen's số vào sổ, whom it was given to and by which batch",
        (
            # golden_entries.py: one row per (office, year, number), the number never given to
            # anyone else. `source` the batch's data file (with `workspace` as entries name
            # it), `first_number` its so_vao_so then, `decision` the award decision's data
            # file; freed 1: the person left the list, the number stays theirs.
            """
            CREATE TABLE golden_entries (
                id {id},
                agency TEXT NOT NULL,
                year INTEGER NOT NULL,
                number INTEGER NOT NULL CHECK (number >= 1),
                workspace TEXT,
                source TEXT NOT NULL,
                first_number INTEGER NOT NULL CHECK (first_number >= 1),
                decision TEXT,
                name TEXT NOT NULL,
                unit TEXT NOT NULL,
                position TEXT,
                sheet_row INTEGER NOT NULL,
                freed INTEGER NOT NULL DEFAULT 0 CHECK (freed IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (agency, year, number)
            )
            """,
            "CREATE INDEX golden_entries_batch ON golden_entries (agency, year, source)",
        ),
    ),
)

LATEST = MIGRATIONS[-1].version

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


def current_version(tx: Transaction) -> int:
    """The schema version a register is at (0 before any migration)."""
    row = tx.one("SELECT MAX(version) FROM schema_version")
    return int(row[0]) if row and row[0] is not None else 0


def applied_versions(tx: Transaction) -> set[int]:
    """The versions whose migration a register records as applied."""
    return {int(row[0]) for row in tx.all("SELECT version FROM schema_version")}


def migrate(backend: Backend) -> int:
    """Apply the migrations a register lacks, in one transaction; the version it ends at. A
    version without its row is applied even below the highest one recorded (a register file
    an older vanthu's copy was put back over, its tables of that version not there)."""

    def apply(tx: Transaction) -> int:
        backend.lock_for_migration(tx)
        tx.execute(VERSION_TABLE)
        applied = applied_versions(tx)
        current = max(applied, default=0)
        if current > LATEST:
            raise RegisterError("register.newer_schema", version=current, known=LATEST)
        for migration in MIGRATIONS:
            if migration.version not in applied:
                for statement in migration.statements:
                    tx.execute(statement.format(id=backend.id_column))
                tx.execute(
                    "INSERT INTO schema_version (version, description, applied_at) "
                    "VALUES (?, ?, ?)",
                    (migration.version, migration.description,
                     now()),
                )
        return LATEST

    return backend.run(apply, write=True)


def create_file(path: Path) -> None:
    """A new register file at `path` (nothing done when one is there), appearing whole, its
    schema in it, or not at all: made under a name of its own beside `path`, then linked
    there. SQLite creates a database's file empty and writes it later, so a run interrupted
    while making a register in place (power cut, Ctrl+C, full disk) would leave an empty file,
    which cannot be told from a register emptied (a failed copy) and is refused as one
    (backends.refuse_unusable_file). Linking never replaces a register another run made
    meanwhile: that one is used. On a file system without hard links (a FAT USB stick) the
    file is made in place, as SQLite makes it."""
    try:
        if path.exists():
            return
    except OSError:
        return  # not looked at: SqliteBackend says what it finds
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RegisterError("register.cannot_open", location=str(path), reason=str(exc)) from None
    # Hidden, and named so that a leftover of a crash says what it was.
    made = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.dang-tao")
    try:
        if not _made_whole(made, path):
            return  # made in place instead, as SQLite makes it
        try:
            os.link(made, path)
        except FileExistsError:
            return  # another run made the register meanwhile: it is the one to use
        except OSError:
            return  # no hard links here: SqliteBackend makes the file in place
        _sync_folder(path.parent)
    finally:
        for leftover in (made, made.with_name(made.name + "-wal"),
                         made.with_name(made.name + "-shm")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass


def _made_whole(made: Path, path: Path) -> bool:
    """The register file `made`, its schema applied, errors naming the register `path` it is
    made for; whether everything is in the file itself (its WAL checkpointed into it on
    close), so that the file alone may be linked."""
    try:
        backend = SqliteBackend(made)
    except RegisterError as exc:
        exc.params["location"] = str(path)
        raise
    backend.location = str(path)
    try:
        migrate(backend)
    finally:
        backend.close()
    return not made.with_name(made.name + "-wal").exists()


def _sync_folder(folder: Path) -> None:
    """The folder's entry of a new file on disk (fsync of the folder), where the system
    allows it: the register file then survives a power cut as the numbers in it do."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows opens no folder so; its file system keeps the entry itself
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
