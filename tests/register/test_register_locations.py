"""Where the register is, and what is said about it: a location that is neither an SQLite path
nor a postgresql:// URL is refused (never taken for a file name), no message shows any part of
a password, PostgreSQL's own reason is labelled as such, and the numbers and years `vanthu so`
is given are checked before the register sees them."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.register import open_register
from pipeline.register.backends import safe_location, scrub
from pipeline.register.errors import RegisterError
from pipeline.register.location import is_url, resolve_location
from pipeline.register.testing import TemporaryPostgres


@pytest.fixture()
def so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `vanthu so ...` in an empty folder, VANTHU_DB as given (never the machine's)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    runner = CliRunner()

    def run(*args: str, lang: str | None = None, db: str | None = None):
        prefix = ["--lang", lang] if lang else []
        env = {"VANTHU_DB": db} if db is not None else {}
        return runner.invoke(main, [*prefix, "so", *args], env=env, catch_exceptions=False)

    return run


def _closed_port() -> int:
    """A port nothing listens on: the connection is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- Finding 2: what is a register location ------------------------------------------------


@pytest.mark.parametrize("text", [
    "PostgreSQL://van-thu@127.0.0.1:5432/so_van_ban",
    "POSTGRES://van-thu@127.0.0.1:5432/so_van_ban",
    "postgres://van-thu@127.0.0.1:5432/so_van_ban",
])  # fmt: skip
def test_postgres_schemes_in_any_case_are_urls(text: str) -> None:
    resolved = resolve_location(text)
    assert isinstance(resolved, str) and is_url(resolved)
    # libpq reads the scheme only in lower case; the rest is kept as written.
    assert resolved.split("://")[0] in ("postgresql", "postgres")
    assert resolved.split("://")[1] == text.split("://")[1]


@pytest.mark.parametrize("text, password", [
    ("mysql://u:SaiMatKhau99@h/db", "SaiMatKhau99"),
    ("sqlite:///so-van-ban.sqlite3", None),
    ("HTTPS://may-chu/so", None),
    ("postgresql:/127.0.0.1/so_van_ban", None),  # a slash short
    ("host=127.0.0.1 port=55432 dbname=so_van_ban user=van-thu password=SaiMatKhau99",
     "SaiMatKhau99"),
    ("dbname=so_van_ban user=van-thu", None),
])  # fmt: skip
def test_other_database_addresses_are_refused_and_nothing_created(
    so, tmp_path: Path, text: str, password: str | None
) -> None:
    with pytest.raises(RegisterError) as raised:
        open_register(text)
    with pytest.raises(RegisterError):
        open_register(None, environ={"VANTHU_DB": text}, root=tmp_path)
    result = so("--co-quan", "vp", "cap", "--ngay", "02/04/2026", "--ky-hieu", "VPUBND-TH",
                "--trich-yeu", "x", db=text)
    assert result.exit_code == 1
    assert "Lỗi: không dùng được sổ văn bản" in result.output
    assert "postgresql://" in result.output and "SQLite" in result.output  # what is supported
    assert "Chưa tạo sổ nào" in result.output
    english = so("--co-quan", "vp", "xem", "2026", db=text, lang="en").output
    assert "Error: cannot use the register" in english and "No register was created" in english
    if password:
        for shown in (raised.value.message(), result.output, english):
            assert password not in shown
    assert list(tmp_path.iterdir()) == []  # no register file, no folder named after the URL


def test_file_paths_stay_files(tmp_path: Path) -> None:
    for text in ("so-van-ban.sqlite3", "du-lieu/so.sqlite3", str(tmp_path / "a b" / "so.db")):
        assert resolve_location(text) == Path(text)
    assert isinstance(resolve_location("C:/van-thu/so.sqlite3"), Path)  # a drive, not a scheme


def test_a_capitalised_url_numbers_in_the_shared_register(
    so, pg_server: TemporaryPostgres
) -> None:
    url = pg_server.new_database()
    first = so("--co-quan", "vp", "cap", "--ngay", "01/04/2026", "--ky-hieu", "VPUBND-TH",
               "--trich-yeu", "clerk1", db=url)
    assert first.exit_code == 0 and "01/VPUBND-TH" in first.output
    for n, scheme in ((2, "PostgreSQL"), (3, "postgres"), (4, "POSTGRES")):
        other = scheme + url.removeprefix("postgresql")
        result = so("--co-quan", "vp", "cap", "--ngay", "02/04/2026", "--ky-hieu", "VPUBND-TH",
                    "--trich-yeu", f"clerk2 {scheme}", db=other)
        assert result.exit_code == 0 and f"0{n}/VPUBND-TH" in result.output, result.output
    with open_register(url) as register:
        assert [e.number for e in register.entries(2026)] == [1, 2, 3, 4]


# --- Finding 3: no password in any message ---------------------------------------------------


@pytest.mark.parametrize("url, secrets", [
    ("postgresql://van-thu:Bi mat@123@127.0.0.1:55432/so_van_ban", ["Bi mat", "123@", "mat@"]),
    ("postgresql://van-thu:MatKhau@2026!@127.0.0.1:55432/so_van_ban", ["MatKhau", "2026!"]),
    ("postgresql://van-thu@127.0.0.1:55432/so_van_ban?password=SaiMatKhau99", ["SaiMatKhau99"]),
    ("postgresql:///so_van_ban?user=van-thu&password=SaiMatKhau99&host=127.0.0.1",
     ["SaiMatKhau99"]),
    ("postgresql://van-thu:SaiMatKhau99@[::1:55432/so_van_ban", ["SaiMatKhau99"]),
    ("postgresql://van-thu:MatKhau%402026%21@127.0.0.1:55432/so_van_ban",
     ["MatKhau", "%402026", "2026!"]),
    ("host=127.0.0.1 password='Bi mat 99' user=van-thu", ["Bi mat", "mat 99"]),
])  # fmt: skip
def test_safe_location_shows_no_part_of_the_password(url: str, secrets: list[str]) -> None:
    shown = safe_location(url)
    assert "***" in shown
    for secret in secrets:
        assert secret not in shown
    assert "van-thu" in shown and "so_van_ban" in shown or "host=127.0.0.1" in shown


def test_scrub_rids_driver_text_of_the_password_and_the_uri() -> None:
    url = "postgresql://van-thu:SaiMatKhau99@[::1:55432/so_van_ban"
    driver = ('end of string reached when looking for matching "]" in IPv6 host address in '
              f'URI: "{url}"\n')
    said = scrub(driver, url)
    assert "SaiMatKhau99" not in said
    assert '"postgresql://van-thu:***@[::1:55432/so_van_ban"' in said
    # A percent-encoded password is also hidden in its decoded form, and a short one alone.
    encoded = "postgresql://van-thu:Mat%21Khau@h/db"
    assert scrub("no luck for Mat!Khau\n\tor Mat%21Khau", encoded) == "no luck for ***; or ***"
    assert scrub("port pw refused; pwned", "postgresql://u:pw@h/db") == (
        "port *** refused; pwned")


@pytest.mark.parametrize("url, secrets, hint", [
    ("postgresql://van-thu:Bi mat@123@127.0.0.1:{port}/so_van_ban", ["Bi mat", "mat@"], True),
    ("postgresql://van-thu:MatKhau@2026!@127.0.0.1:{port}/so_van_ban", ["MatKhau", "2026!"],
     True),
    ("postgresql://van-thu:Mat/Khau@127.0.0.1:{port}/so_van_ban", ["Mat/Khau", "Khau@"], True),
    ("postgresql://van-thu:SaiMatKhau99@[::1:{port}/so_van_ban", ["SaiMatKhau99"], True),
    ("postgresql://van-thu:Mat%Khau99@127.0.0.1:{port}/so_van_ban", ["Mat%Khau99"], True),
    ("postgresql://van-thu@127.0.0.1:{port}/so_van_ban?password=SaiMatKhau99",
     ["SaiMatKhau99"], False),
    ("postgresql:///so_van_ban?user=van-thu&password=SaiMatKhau99&host=127.0.0.1&port={port}",
     ["SaiMatKhau99"], False),
    ("postgresql://van-thu:SaiMatKhau99@127.0.0.1:{port}/so_van_ban", ["SaiMatKhau99"], False),
])  # fmt: skip
def test_cli_messages_never_show_the_password(
    so, tmp_path: Path, url: str, secrets: list[str], hint: bool
) -> None:
    url = url.format(port=_closed_port())
    for lang in ("vi", "en"):
        result = so("--co-quan", "vp", "xem", "2026", db=url, lang=lang)
        assert result.exit_code == 1
        assert "Lỗi nội bộ" not in result.output and "Traceback" not in result.output
        for secret in secrets:
            assert secret not in result.output, result.output
        assert "***" in result.output
        said_by = "chi tiết từ PostgreSQL: " if lang == "vi" else "PostgreSQL says: "
        if hint:  # a URL libpq cannot read as meant: how to write the password
            assert "%40" in result.output and "%23" in result.output
        else:  # the server was not reached: PostgreSQL's reason, labelled as its own
            assert said_by in result.output and "Connection refused" in result.output
            assert "\n\t" not in result.output
    assert list(tmp_path.iterdir()) == []


# --- Finding 9: a role without rights --------------------------------------------------------


def test_role_without_rights_is_told_to_ask_the_administrator(
    so, pg_server: TemporaryPostgres
) -> None:
    import psycopg

    url = pg_server.new_database()
    database = url.rsplit("/", 1)[1]
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DO $$ BEGIN CREATE ROLE khach LOGIN; "
                           "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        connection.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    # The server trusts local connections: the password is only there to be hidden.
    guest = url.replace("postgresql://vanthu@", "postgresql://khach:BiMatKhach99@")
    result = so("--co-quan", "vp", "xem", "2026", db=guest)
    assert result.exit_code == 1
    assert "Lỗi nội bộ" not in result.output
    assert "tài khoản PostgreSQL 'khach' không đủ quyền trên cơ sở dữ liệu " + database in (
        result.output)
    assert "nhờ người quản trị PostgreSQL cấp quyền" in result.output
    assert "chi tiết từ PostgreSQL: permission denied for schema public" in result.output
    assert "BiMatKhach99" not in result.output and "CREATE TABLE" not in result.output
    english = so("--co-quan", "vp", "xem", "2026", db=guest, lang="en").output
    assert "the PostgreSQL role 'khach' lacks rights" in english
    assert "Ask the PostgreSQL administrator" in english and "BiMatKhach99" not in english
    assert "(PostgreSQL says: permission denied" in english


# --- Finding 8: numbers and years ------------------------------------------------------------


def _one_number(so) -> None:
    result = so("--co-quan", "vp", "cap", "--ngay", "10/03/2026", "--ky-hieu", "VPUBND-TH",
                "--trich-yeu", "x")
    assert result.exit_code == 0


def test_void_number_zero_and_text_are_refused(so, tmp_path: Path) -> None:
    _one_number(so)
    result = so("huy", "0", "--ly-do", "z", "--nam", "2026")
    assert result.exit_code == 1 and "Lỗi nội bộ" not in result.output
    assert "Lỗi: số văn bản bắt đầu từ 01 (nhận 0)" in result.output
    result = so("huy", "abc", "--ly-do", "z")
    assert result.exit_code == 1 and "Invalid value" not in result.output
    assert "số văn bản phải là số nguyên từ 01 trở lên, ví dụ 05 (nhận 'abc')" in result.output
    assert "a whole number from 01 up" in so("huy", "1x", "--ly-do", "z", lang="en").output
    assert "document numbers start at 01" in so("huy", "00", "--ly-do", "z", lang="en").output
    # 01/VPUBND-TH, as printed on the document, is its number.
    assert so("huy", "01/VPUBND-TH", "--ly-do", "gõ nhầm", "--nam", "2026").exit_code == 0


@pytest.mark.parametrize("year", ["0", "26", "-2026", "20260", "1800"])
def test_years_are_four_digits(so, tmp_path: Path, year: str) -> None:
    _one_number(so)
    result = so("huy", "1", "--ly-do", "x", "--nam", year)
    assert result.exit_code == 1
    assert f"năm phải ghi đủ bốn chữ số, từ 1900 đến 2100, ví dụ 2026 (nhận {int(year)})" in (
        result.output)
    positional = [] if year.startswith("-") else [["xem", year], ["kiem-tra", year]]
    for command in (*positional, ["giu", "--nam", year]):
        said = so(*command, lang="en")
        assert said.exit_code == 1 and "a year is written with four digits" in said.output
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        assert [e.status.value for e in register.entries(2026)] == ["issued"]  # nothing voided


# --- Finding 10: English wording -------------------------------------------------------------


def test_gap_is_said_in_the_singular_and_plural(so) -> None:
    _one_number(so)
    assert so("vao-so", "3", "--ngay", "11/03/2026", "--ky-hieu", "VPUBND-TH",
              "--trich-yeu", "Công văn đôn đốc nộp báo cáo", "--bo-qua-so").exit_code == 0
    one = so("kiem-tra", "2026", lang="en")
    assert one.exit_code == 1 and "sequence 'chung': number 02 missing" in one.output
    assert so("vao-so", "6", "--ngay", "12/03/2026", "--ky-hieu", "VPUBND-TH",
              "--trich-yeu", "Công văn góp ý dự thảo", "--bo-qua-so").exit_code == 0
    several = so("kiem-tra", "2026", lang="en").output
    assert "numbers 04–05 missing" in several and "number 02 missing" in several
    assert "thiếu số 02" in so("kiem-tra", "2026").output
