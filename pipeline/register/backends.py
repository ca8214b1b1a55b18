"""Storage behind one small interface: SQLite (one file) and PostgreSQL, the same SQL on both.

A backend runs a function inside one transaction and hands it a `Transaction` whose SQL uses `?`
placeholders. Write transactions take the write lock at their start (SQLite `BEGIN IMMEDIATE`;
PostgreSQL row locks taken by the statements themselves, with a retry when the server reports a
conflict), so nothing is read and then written outside the transaction that holds the lock.
"""

from __future__ import annotations

import re
import sqlite3
import stat
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import unquote

from pipeline.patterns import lazy
from pipeline.phrase import Phrase
from pipeline.register.errors import PostgresError, RegisterError

T = TypeVar("T")
Params = Sequence[Any]

# Long enough to queue behind every clerk of an office, short enough to say "busy" rather than hang.
BUSY_TIMEOUT_S = 60.0
PG_RETRIES = 20


def _switch_to_wal(connection: sqlite3.Connection) -> None:
    """PRAGMA journal_mode=WAL, retried: when clerks open a new register at the same moment,
    SQLite answers "database is locked" at once to all but one (it does not wait on its busy
    timeout for a journal-mode change), so wait for the one that is switching it."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# SQLite's primary result codes (the low byte of sqlite_errorcode) a clerk can act on, and
# the catalogue entry saying each: the file read-only, the disk full or failing, the file
# damaged or not a register, another writer holding it.
_SQLITE_CAUSES = {
    3: "register.read_only",  # SQLITE_PERM
    5: "register.busy",  # SQLITE_BUSY
    6: "register.busy",  # SQLITE_LOCKED
    8: "register.read_only",  # SQLITE_READONLY
    10: "register.disk_io",  # SQLITE_IOERR
    11: "register.corrupt",  # SQLITE_CORRUPT
    13: "register.disk_full",  # SQLITE_FULL
    26: "register.corrupt",  # SQLITE_NOTADB
}
# The same causes by SQLite's words, for an error that carries no code.
_SQLITE_WORDS = (
    ("readonly database", "register.read_only"),
    ("database or disk is full", "register.disk_full"),
    ("disk i/o error", "register.disk_io"),
    ("file is not a database", "register.corrupt"),
    ("malformed", "register.corrupt"),
    ("database is locked", "register.busy"),
    ("database table is locked", "register.busy"),
)


def sqlite_cause(exc: sqlite3.Error) -> str | None:
    """The catalogue key saying what SQLite's `exc` means for a clerk (sổ chỉ cho đọc, ổ đĩa
    đầy, lỗi ổ đĩa, sổ hỏng, sổ đang bận), None for any other error (vanthu's own, reported
    as such)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_CAUSES:
        return _SQLITE_CAUSES[code & 0xFF]
    lowered = str(exc).lower()
    return next((key for words, key in _SQLITE_WORDS if words in lowered), None)


def sqlite_failure(exc: sqlite3.Error, location: str,
                   default: str = "register.cannot_open") -> RegisterError:
    """The RegisterError saying SQLite's `exc` on register file `location` (sqlite_cause),
    naming the file and what to do; `default` the key for an error of no known cause."""
    return RegisterError(sqlite_cause(exc) or default, location=location, reason=str(exc))


class Transaction(Protocol):
    """What store code may do inside one transaction."""

    def execute(self, sql: str, params: Params = ()) -> None: ...
    def one(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None: ...
    def all(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]: ...


class Backend(Protocol):
    """One register database: where it is, transactions on it."""

    location: str
    id_column: str

    def run(self, work: Callable[[Transaction], T], *, write: bool) -> T: ...
    def lock_for_migration(self, tx: Transaction) -> None: ...
    def lock_plans(self, tx: Transaction, agency: str, *, exclusive: bool) -> None: ...
    def close(self) -> None: ...


_URI = r"[A-Za-z][A-Za-z0-9+.\-]+://"
_uri = lazy(_URI)
# A password given as a query parameter (postgresql://host/db?password=...), or as a libpq
# keyword (password=... in a key/value string).
_query_password = lazy(r"(?i)([?&](?:ssl)?password=)([^&#]*)")
_keyword_password = lazy(r"(?i)(\b(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)")


def _split_userinfo(rest: str) -> tuple[str | None, str]:
    """The user:password part of a URL without its scheme, and what follows it. Up to the
    last "@": a raw "@" in a password must not leave half of it in the host."""
    at = rest.rfind("@")
    return (rest[:at], rest[at:]) if at >= 0 else (None, rest)


def _hostless_credentials(rest: str) -> str | None:
    """In a URL without "@" (after its scheme), the "password" of a user:password written
    without its @host: libpq reads user:password as host:port, so a "port" that is not a number
    (nor a list of hosts, nor an IPv6 address) is taken for a password; everything after the
    ":" is then masked, for libpq may have cut the password at a "/" or "?" of it."""
    if "@" in rest:
        return None
    netloc = re.split(r"[/?]", rest, maxsplit=1)[0]
    if not netloc or netloc.startswith("[") or "," in netloc or ":" not in netloc:
        return None
    port = netloc.split(":", 1)[1]
    return rest.split(":", 1)[1] if port and not port.isdigit() else None


def safe_location(location: str) -> str:
    """The location as shown to people: a URL (or libpq key/value string) without its
    password, wherever the password is written: user:PASSWORD@, even with a raw "@" in it,
    or a password= parameter."""
    match = _uri().match(location)
    if match is None:
        return _keyword_password().sub(r"\1***", location)
    scheme, rest = match.group(), location[match.end():]
    if _hostless_credentials(rest) is not None:
        return scheme + rest.split(":", 1)[0] + ":***"
    userinfo, rest = _split_userinfo(rest)
    if userinfo is not None and ":" in userinfo:
        userinfo = userinfo.split(":", 1)[0] + ":***"
    shown = scheme + (userinfo or "") + rest
    return _query_password().sub(r"\1***", shown)


def _passwords(location: str) -> set[str]:
    """Every form in which the password of `location` may appear in a driver's message: as
    written, percent-decoded, and as libpq reads a URL (its user:password ends at the first
    "@" or "/")."""
    found: set[str] = set()
    match = _uri().match(location)
    if match is not None:
        rest = location[match.end():]
        userinfo, _ = _split_userinfo(rest)
        libpq_userinfo = re.split(r"[@/]", rest, maxsplit=1)[0] if "@" in rest else ""
        for part in (userinfo or "", libpq_userinfo):
            if ":" in part:
                found.add(part.split(":", 1)[1])
        hostless = _hostless_credentials(rest)
        if hostless is not None:
            # libpq's "port" ends at a "/" or "?"; what follows may be read as the database.
            found.update({hostless, *re.split(r"[/?]", hostless)})
        found.update(m.group(2) for m in _query_password().finditer(rest))
    else:
        found.update(m.group(2).strip("'") for m in _keyword_password().finditer(location))
    found |= {unquote(word) for word in found}
    return {word for word in found if word}


def scrub(text: str, location: str) -> str:
    """A driver's message about `location`, fit to show: on one line, every URI in it without
    its password, and no trace of the password itself."""
    # A URI first, whole (quoted, it may hold spaces), so that its password is masked in place.
    text = re.sub(f'"({_URI}[^"]*)"', lambda m: f'"{safe_location(m.group(1))}"', text)
    text = re.sub(rf"(?<![\w\"]){_URI}[^\s\"']*", lambda m: safe_location(m.group()), text)
    text = _keyword_password().sub(r"\1***", text)
    for word in sorted(_passwords(location), key=len, reverse=True):
        # A short password only where it stands alone, so that the message stays readable.
        pattern = re.escape(word) if len(word) >= 4 else rf"(?<!\w){re.escape(word)}(?!\w)"
        text = re.sub(pattern, "***", text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "; ".join(line for line in lines if line)


def check_url(url: str) -> None:
    """Refuse a postgresql:// URL that libpq would read otherwise than it was meant: a raw
    "@", "/", "?", "#" or space in the user name or password puts part of the password in the
    host or the database name (and so in the driver's messages)."""
    match = _uri().match(url)
    if match is not None and _hostless_credentials(url[match.end():]) is not None:
        # user:password without @host, or a URL cut short at a "#" (vanthu.yaml: " #" starts a
        # comment): libpq would look for a host named after the user, port the password.
        raise PostgresError("register.url_no_host", location=safe_location(url))
    userinfo, _ = _split_userinfo(url[match.end():]) if match else (None, "")
    if userinfo is not None and re.search(r"[@/?#\s]", userinfo):
        raise PostgresError("register.url_unreadable", location=safe_location(url))


class _Transaction:
    """A Transaction over a DB-API connection or cursor whose execute() returns the cursor."""

    def __init__(self, executor: Any) -> None:
        self._executor = executor

    def _sql(self, sql: str) -> str:
        return sql

    def _run(self, sql: str, params: Params) -> Any:
        return self._executor.execute(self._sql(sql), tuple(params))

    def execute(self, sql: str, params: Params = ()) -> None:
        self._run(sql, params)

    def one(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        row = self._run(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def all(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self._run(sql, params).fetchall()]


def refuse_unusable_file(path: Path, location: str) -> None:
    """A register path naming a folder, or a file emptied to 0 bytes, refused before SQLite
    opens it. SQLite says only "unable to open database file" of a folder; and it takes an
    empty file for a new database: the register would number again from 01, and SQLite
    deletes the -wal file beside an empty database, the last rows it may still hold. A
    register vanthu made is never empty (schema.create_file makes it whole or not at all)."""
    try:
        found = path.stat()
    except OSError:
        return  # not there (made new), or not looked at: SQLite says what it finds
    if stat.S_ISDIR(found.st_mode):
        raise RegisterError("register.is_folder", location=location)
    if stat.S_ISREG(found.st_mode) and found.st_size == 0:
        wal = path.with_name(path.name + "-wal")
        try:
            kept = wal.stat().st_size > 0
        except OSError:
            kept = False
        said = Phrase("register.emptied_wal", wal=str(wal)) if kept else ""
        raise RegisterError("register.emptied", location=location, wal=said)


class SqliteBackend:
    """One register file, for a clerk on one machine (not on a network share: use PostgreSQL)."""

    id_column = "INTEGER PRIMARY KEY"

    def __init__(self, path: Path) -> None:
        self.location = str(path)
        refuse_unusable_file(path, self.location)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: this module issues BEGIN itself, so the lock is taken first.
            self._connection = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None
            )
            # WAL: readers (vanthu so xem) never block a clerk allocating. FULL: a number given
            # is on disk before the document that prints it is written.
            _switch_to_wal(self._connection)
            self._connection.execute("PRAGMA synchronous=FULL")
            self._connection.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as exc:
            raise sqlite_failure(exc, self.location) from None
        except OSError as exc:
            raise RegisterError(
                "register.cannot_open", location=self.location, reason=str(exc)
            ) from None

    def run(self, work: Callable[[Transaction], T], *, write: bool) -> T:
        """`work` in one transaction (a write one takes the write lock first); SQLite's errors
        a clerk can act on (read-only file, full or failing disk, damaged file, busy) are said
        as such (sqlite_failure), after the transaction is rolled back."""
        connection = self._connection
        try:
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.Error as exc:
            raise sqlite_failure(exc, self.location) from None
        try:
            result = work(_Transaction(connection))
            connection.execute("COMMIT")
            return result
        except sqlite3.Error as exc:
            self._roll_back()
            if sqlite_cause(exc) is None:
                raise  # vanthu's own error (its SQL), reported as such
            raise sqlite_failure(exc, self.location) from None
        except BaseException:
            self._roll_back()
            raise

    def _roll_back(self) -> None:
        """The transaction a failure interrupted, undone; a rollback SQLite refuses after a
        disk error (it has undone it itself, or will on the next open) is no second error."""
        connection = self._connection
        if connection.in_transaction:
            try:
                connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def lock_for_migration(self, tx: Transaction) -> None:
        """Nothing to do: BEGIN IMMEDIATE already excludes every other writer."""

    def lock_plans(self, tx: Transaction, agency: str, *, exclusive: bool) -> None:
        """Nothing to do: BEGIN IMMEDIATE already excludes every other writer, and a read sees
        one committed state of the file."""

    def close(self) -> None:
        self._connection.close()


class _PostgresTransaction(_Transaction):
    """psycopg's placeholders are %s."""

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")


class PostgresBackend:
    """A register shared by an office's clerks on one PostgreSQL server."""

    id_column = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    # Any constant: the advisory lock that lets one process migrate at a time.
    _MIGRATION_LOCK = 0x7661_6E74_6875
    # Any constant: the first key of the offices' plan locks (lock_plans).
    _PLAN_LOCKS = 0x7670_6C6E

    def __init__(self, url: str) -> None:
        self.location = safe_location(url)
        self._url = url
        check_url(url)
        try:
            import psycopg
            from psycopg.conninfo import conninfo_to_dict
        except ImportError:
            raise RegisterError("register.no_psycopg") from None
        self._psycopg = psycopg
        try:
            conninfo_to_dict(url)
        except psycopg.Error as exc:
            raise PostgresError(
                "register.url_unreadable", location=self.location, driver=self._scrub(exc)
            ) from None
        try:
            self._connection = psycopg.connect(url, autocommit=True, connect_timeout=15)
        except psycopg.Error as exc:
            raise PostgresError(
                "register.cannot_open_postgres", location=self.location, driver=self._scrub(exc)
            ) from None

    def _scrub(self, exc: BaseException) -> str:
        """The driver's reason, without the password or the URL that holds it."""
        diag = getattr(exc, "diag", None)
        primary = getattr(diag, "message_primary", None)
        return scrub(primary or str(exc), self._url)

    def run(self, work: Callable[[Transaction], T], *, write: bool) -> T:
        errors = self._psycopg.errors
        # A unique-key race (two clerks numbering the same source at once) or a deadlock is
        # settled by running the whole transaction again: its reads then see the winner's row.
        retryable = (errors.UniqueViolation, errors.SerializationFailure, errors.DeadlockDetected)
        for attempt in range(PG_RETRIES):
            try:
                with self._connection.transaction(), self._connection.cursor() as cursor:
                    return work(_PostgresTransaction(cursor))
            except retryable:
                if attempt == PG_RETRIES - 1:
                    raise
                time.sleep(0.005 * (attempt + 1))
            except self._psycopg.OperationalError as exc:
                raise PostgresError(
                    "register.connection_lost_postgres", location=self.location,
                    driver=self._scrub(exc),
                ) from None
            except errors.InsufficientPrivilege as exc:
                info = self._connection.info
                raise PostgresError(
                    "register.no_privilege", location=self.location, role=info.user,
                    database=info.dbname, driver=self._scrub(exc),
                ) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def lock_for_migration(self, tx: Transaction) -> None:
        tx.execute("SELECT pg_advisory_xact_lock(?)", (self._MIGRATION_LOCK,))

    def lock_plans(self, tx: Transaction, agency: str, *, exclusive: bool) -> None:
        """Hold `agency`'s numbering plan until the transaction ends: shared while a number is
        given by the plan read (clerks numbering at once do not wait for each other here: the
        counter row orders them), exclusive while the plan changes. The counter row alone
        cannot order the two: an allocation reads the plan before it knows which counter to
        lock, so a plan written meanwhile would be judged without the number being given."""
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        # Two int4 keys: a space of their own, apart from the migration lock's one bigint.
        key = zlib.crc32(agency.encode("utf-8")) - 2**31
        tx.execute(f"SELECT {function}(CAST(? AS integer), CAST(? AS integer))",
                   (self._PLAN_LOCKS, key))

    def close(self) -> None:
        self._connection.close()
