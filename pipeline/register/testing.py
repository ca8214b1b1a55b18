"""A throwaway PostgreSQL server for the register's tests and benchmark (initdb + pg_ctl).

Started from the server binaries of Debian's `postgresql` package (or VANTHU_PG_BIN); as root it
runs them as the `postgres` user, since initdb refuses root. Its data, socket and log live in one
temporary folder that `stop()` removes.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path


def find_pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: VANTHU_PG_BIN, Debian's newest, or the PATH."""
    configured = os.environ.get("VANTHU_PG_BIN")
    if configured:
        return Path(configured) if (Path(configured) / "initdb").exists() else None
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TemporaryPostgres:
    """One PostgreSQL server on 127.0.0.1 and a free port; `new_database()` gives a fresh URL."""

    def __init__(self, bin_dir: Path, *, durable: bool = True) -> None:
        self.bin_dir = bin_dir
        self.durable = durable  # False: fsync off, for tests that do not time anything
        self.port = 0
        self.folder: Path | None = None

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.folder / "server.log" if self.folder else None
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}{result.stdout}{tail}")

    def start(self) -> TemporaryPostgres:
        # Under /tmp itself: pytest's own temporary folders are private to root.
        self.folder = Path(tempfile.mkdtemp(prefix="vanthu-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        data = self.folder / "data"
        self._run("initdb", "-D", str(data), "-U", "vanthu", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        self.port = _free_port()
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c max_connections=60"
            + ("" if self.durable else " -c fsync=off -c synchronous_commit=off")
        )
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "-t", "60", "start")
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://vanthu@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database on the server; its URL."""
        import psycopg

        name = f"so_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.folder is None:
            return
        try:
            if self.port:
                self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w",
                          "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
