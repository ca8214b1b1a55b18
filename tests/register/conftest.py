"""Register fixtures: a register file per test, and one real PostgreSQL server per session.

The server is started with initdb/pg_ctl (Debian's `postgresql` package); without it the
PostgreSQL tests fail with the reason (.ci/run installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.register.testing import TemporaryPostgres, find_pg_bin

BACKENDS = ("sqlite", "postgresql")


def _unavailable(reason: str) -> None:
    # .ci/run installs PostgreSQL; a register test that skipped would prove nothing.
    pytest.fail(f"PostgreSQL tests need a server: {reason}", pytrace=False)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TemporaryPostgres]:
    bin_dir = find_pg_bin()
    if bin_dir is None:
        _unavailable("PostgreSQL server binaries not found (apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg not installed (pip install -e '.[test]')")
    assert bin_dir is not None
    server = TemporaryPostgres(bin_dir, durable=False)
    try:
        server.start()
    except (RuntimeError, OSError) as exc:
        server.stop()
        _unavailable(f"cannot start PostgreSQL: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty register on each backend: a file path, or a fresh database's URL."""
    if request.param == "sqlite":
        return str(tmp_path / "so-van-ban.sqlite3")
    server: TemporaryPostgres = request.getfixturevalue("pg_server")
    return server.new_database()


@pytest.fixture()
def no_vanthu_db(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)


@pytest.fixture()
def so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `vanthu so ...` in an empty folder, with no VANTHU_DB from the machine."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    runner = CliRunner()

    def run(*args: str, lang: str | None = None):
        prefix = ["--lang", lang] if lang else []
        return runner.invoke(main, [*prefix, "so", *args], catch_exceptions=False)

    return run


@pytest.fixture()
def shared(pg_server: TemporaryPostgres) -> str:
    """An empty shared register: a PostgreSQL database's URL."""
    return pg_server.new_database()
