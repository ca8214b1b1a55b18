"""Faults around a shared register (findings r8a): a workspace switched from its own register
file to PostgreSQL, numbers voided by another clerk, a server lost at the end of a build,
date-order warnings about dates the same build changes, copies and data files gone across
clerks, and PostgreSQL's reasons in the catalogue's words.

The shared register is a real PostgreSQL server (conftest.pg_server); SQLite where the fault
is not PostgreSQL's.
"""

from __future__ import annotations

import re
import shlex
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result

from pipeline.register import open_register
from tests.register.test_register_workspaces import clerk, document, identity, run


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    monkeypatch.delenv("VANTHU_DA_CHUYEN", raising=False)


def use_register(root: Path, location: str) -> None:
    config = root / "vanthu.yaml"
    config.write_text(config.read_text("utf-8") + f"so_van_ban: {location}\n", "utf-8")


def build(root: Path, monkeypatch: pytest.MonkeyPatch, *flags: str, code: int = 0) -> Result:
    result = run(root, monkeypatch, "--lang", "vi", "build", *flags)
    assert result.exit_code == code, result.output
    return result


def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> Path:
    """A clerk on its own register file with x.yaml (a `kind`, dated 02/04/2026) built."""
    root = clerk(tmp_path, "c", None)
    document(root, "x", kind, "02/04/2026")
    build(root, monkeypatch)
    return root


def two_clerks_built(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """Two clerks on the shared register, each with a Kế hoạch built: 01 clerk1's x.yaml,
    02 clerk2's y.yaml."""
    one, two = clerk(tmp_path, "clerk1", shared), clerk(tmp_path, "clerk2", shared)
    document(one, "x", "ke-hoach", "02/04/2026")
    build(one, monkeypatch)
    document(two, "y", "ke-hoach", "03/04/2026")
    build(two, monkeypatch)
    return one, two


def rows(location: str) -> dict[str, tuple[int, str, date | None]]:
    """data file → (number, status, date) of every 2026 row naming one."""
    with open_register(location) as register:
        return {e.source: (e.number, e.status.value, e.details.doc_date)
                for e in register.entries(2026) if e.source is not None}


def printed_number(path: Path) -> str:
    """The "Số: ..." line of an output .docx, as Word shows it."""
    from docx import Document
    from docx.oxml.ns import qn

    for paragraph in Document(str(path)).element.body.iter(qn("w:p")):
        text = "".join(node.text or "" for node in paragraph.iter(qn("w:t"))).strip()
        if text.startswith("Số:"):
            return text
    raise AssertionError(f"no Số: in {path}")


# --- F5: a workspace switched from its register file to PostgreSQL --------------------------


def test_switch_to_shared_register_refuses_until_the_old_one_is_imported(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = clerk(tmp_path, "c", None)
    document(root, "x", "cong-van", "02/04/2026")
    document(root, "y", "thong-bao", "03/04/2026")
    build(root, monkeypatch)
    assert rows(str(root / "so-van-ban.sqlite3"))["inputs/2026/x.yaml"][0] == 1
    use_register(root, shared)
    document(root, "z", "ke-hoach", "04/04/2026")
    refused = build(root, monkeypatch, code=1)
    assert "chưa cấp số" in refused.output and "bắt đầu lại từ 01" in refused.output
    assert "inputs/2026/z.yaml" in refused.output
    assert not (root / "outputs" / "2026" / "z.docx").exists()
    assert rows(shared) == {}
    english = run(root, monkeypatch, "--lang", "en", "build")
    assert "would start again at 01" in english.output
    # render refuses it too
    rendered = run(root, monkeypatch, "render", "inputs/2026/z.yaml")
    assert rendered.exit_code == 1 and "chưa cấp số" in rendered.output
    # the commands the message gives move the old sổ over
    commands = re.search(r"chạy trong thư mục làm việc này: (.*?); rồi dựng lại",
                         refused.output.replace("\n", " ")).group(1)
    for command in commands.split("; "):
        words = shlex.split(command)
        assert words[0] == "vanthu"
        done = run(root, monkeypatch, *words[1:])
        assert done.exit_code == 0, (command, done.output)
    build(root, monkeypatch)
    held = rows(shared)
    assert held["inputs/2026/z.yaml"][0] == 3
    assert "03/KH" in printed_number(root / "outputs" / "2026" / "z.docx")
    # an old document edited (its date) is accepted and keeps its imported number
    document(root, "x", "cong-van", "01/04/2026")
    result = build(root, monkeypatch)
    assert "01/" in printed_number(root / "outputs" / "2026" / "x.docx")
    with open_register(shared) as register:
        mine = {e.source: e for e in register.entries(2026)}
    assert mine["inputs/2026/x.yaml"].number == 1
    assert mine["inputs/2026/x.yaml"].workspace == identity(root)
    assert mine["inputs/2026/x.yaml"].details.doc_date == date(2026, 4, 1)
    assert "Traceback" not in result.output


def test_old_register_file_alone_is_evidence(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outputs deleted (no manifest): the old register file in the workspace still shows the
    year's numbers."""
    import shutil

    root = built(tmp_path, monkeypatch, "cong-van")
    shutil.rmtree(root / "outputs")
    use_register(root, shared)
    refused = build(root, monkeypatch, code=1)
    assert "so-van-ban.sqlite3" in refused.output and "chưa cấp số" in refused.output
    # another year is not concerned: its numbers start at 01 in any register
    document(root, "x", "cong-van", "02/04/2027")
    build(root, monkeypatch)
    assert printed_number(root / "outputs" / "2026" / "x.docx").startswith("Số: 01/")


def test_emptied_register_is_not_numbered_from_01_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = built(tmp_path, monkeypatch, "cong-van")
    (root / "so-van-ban.sqlite3").unlink()
    document(root, "y", "thong-bao", "03/04/2026")
    refused = build(root, monkeypatch, code=1)
    assert "không còn số nào" in refused.output
    # A trial build: its way out is said, and taken it numbers from 01 again.
    said = " ".join(refused.output.split())
    assert "nếu các số đó chỉ là bản dựng thử, hãy xóa các văn bản đã dựng của năm 2026" in said
    shutil.rmtree(root / "outputs" / "2026")
    build(root, monkeypatch)
    assert sorted(n for n, _, _ in rows(str(root / "so-van-ban.sqlite3")).values()) == [1, 2]


# --- F2: a voided number replaced at the next build -------------------------------------------


def test_number_voided_by_another_clerk_is_said_by_so_huy_and_by_the_build(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = two_clerks_built(tmp_path, shared, monkeypatch)
    voided = run(two, monkeypatch, "so", "huy", "01", "--nam", "2026", "--ly-do", "in hỏng")
    assert voided.exit_code == 0, voided.output
    assert "thư mục làm việc khác" in voided.output and identity(one) in voided.output
    assert str(one.resolve()) in voided.output
    # a row of the clerk's own workspace is voided without a word more
    own = run(two, monkeypatch, "so", "huy", "02", "--nam", "2026", "--ly-do", "hỏng")
    assert "thư mục làm việc khác" not in own.output
    result = build(one, monkeypatch)
    said = " ".join(result.output.split())
    assert "số 01/KH-VPUBND của văn bản này đã bị hủy trong sổ (lý do: in hỏng)" in said, said
    assert "03/KH-VPUBND" in said and "outputs/2026/x.docx nay in số 03" in said
    assert printed_number(one / "outputs" / "2026" / "x.docx").startswith("Số: 03/")


def test_voided_number_replaced_is_said_on_sqlite_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = built(tmp_path, monkeypatch, "ke-hoach")
    assert run(root, monkeypatch, "so", "huy", "01", "--nam", "2026", "--ly-do",
               "in hỏng").exit_code == 0
    english = run(root, monkeypatch, "--lang", "en", "build")
    assert english.exit_code == 0, english.output
    said = " ".join(english.output.split())
    assert "number 01/KH-VPUBND was voided in the register (reason: in hỏng)" in said, said
    assert "02/KH-VPUBND" in said


# --- F4: the register lost once the documents are written -------------------------------------


def _cut_connections(location: str) -> None:
    """Every other connection to the database ended by the server, as `pg_ctl stop` ends them."""
    import psycopg

    with psycopg.connect(location, autocommit=True) as connection:
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()")


def test_register_lost_after_writing_records_the_documents_and_keeps_hand_edits(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docx import Document

    import pipeline.batch.builder as builder

    root = clerk(tmp_path, "c", shared)
    document(root, "a", "ke-hoach", "02/04/2026")
    document(root, "b", "thong-bao", "03/04/2026")
    settle = builder.settle

    def lost(register, *args, **kwargs):  # the server stops as the build confirms
        _cut_connections(shared)
        return settle(register, *args, **kwargs)

    monkeypatch.setattr(builder, "settle", lost)
    failed = build(root, monkeypatch, code=1)
    said = " ".join(failed.output.split())
    assert "mất kết nối" in said and "2 văn bản đã ghi ra" in said, said
    assert "a.docx" in said and "b.docx" in said and "chạy lại vanthu build" in said
    monkeypatch.setattr(builder, "settle", settle)
    manifest = (root / "outputs" / "2026" / "manifest.json").read_text("utf-8")
    assert "inputs/2026/a.yaml" in manifest and "inputs/2026/b.yaml" in manifest
    assert {status for _, status, _ in rows(shared).values()} == {"pending"}
    # the clerk edits a.docx by hand; the next build keeps it and confirms the numbers
    output = root / "outputs" / "2026" / "a.docx"
    edited = Document(str(output))
    edited.add_paragraph("Sửa tay")
    edited.save(str(output))
    again = build(root, monkeypatch)
    assert "Sửa tay" in [p.text for p in Document(str(output)).paragraphs]
    assert "sửa" in again.output.lower()
    assert {status for _, status, _ in rows(shared).values()} == {"issued"}
    assert sorted(number for number, _, _ in rows(shared).values()) == [1, 2]


# --- F1: a date-order warning about a date the same build changes ----------------------------


def test_no_order_warning_for_a_date_the_same_build_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = clerk(tmp_path, "c", None)
    document(root, "a", "ke-hoach", "03/04/2026")
    document(root, "b", "thong-bao", "02/04/2026")
    build(root, monkeypatch)
    location = str(root / "so-van-ban.sqlite3")
    assert rows(location)["inputs/2026/b.yaml"][0] == 1
    document(root, "a", "ke-hoach", "01/04/2026")
    document(root, "b", "thong-bao", "01/04/2026")
    result = build(root, monkeypatch)
    assert "ghi ngày trước" not in result.output, result.output
    assert {when for _, _, when in rows(location).values()} == {date(2026, 4, 1)}
    # an order still wrong at the end is said
    document(root, "a", "ke-hoach", "05/04/2026")
    document(root, "b", "thong-bao", "06/04/2026")
    result = build(root, monkeypatch)
    assert "ghi ngày" in result.output


# --- F3 and F6: copies and data files gone on a shared register -------------------------------


def test_copy_of_another_clerks_document_is_warned(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = clerk(tmp_path, "clerk1", shared), clerk(tmp_path, "clerk2", shared)
    document(one, "cong-van-chung", "ke-hoach", "02/04/2026", "Kiểm tra công tác văn thư")
    build(one, monkeypatch)
    document(two, "ban-sao", "ke-hoach", "02/04/2026", "Kiểm tra công tác văn thư")
    said = " ".join(build(two, monkeypatch).output.split())
    assert "giống hệt số 01/KH-VPUBND" in said and "thư mục làm việc khác" in said, said
    assert identity(one) in said and "inputs/2026/cong-van-chung.yaml" in said


def test_check_reports_own_data_files_gone_on_a_shared_register(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = two_clerks_built(tmp_path, shared, monkeypatch)
    (one / "inputs" / "2026" / "x.yaml").unlink()
    checked = run(one, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 0, checked.output
    said = " ".join(checked.output.split())
    assert "01/KH-VPUBND: tệp dữ liệu inputs/2026/x.yaml của thư mục làm việc này" in said
    assert "1 số của các thư mục làm việc khác" in checked.output
    # the other clerk's check says nothing of a file that is not theirs
    other = run(two, monkeypatch, "so", "kiem-tra", "2026")
    assert "không còn" not in other.output


# --- M1: PostgreSQL's reasons in the catalogue's words ----------------------------------------


def test_common_connection_failures_are_explained(
    so, pg_server, tmp_path: Path
) -> None:
    from pipeline.register.errors import cause_key

    missing = pg_server.url("khong_co_csdl")
    result = so("--db", missing, "--co-quan", "vp", "xem", "2026")
    assert result.exit_code == 1 and "chưa có cơ sở dữ liệu này" in result.output
    english = so("--db", missing, "--co-quan", "vp", "xem", "2026", lang="en")
    assert "has no such database" in english.output
    with socket_closed() as port:
        down = so("--db", f"postgresql://vanthu@127.0.0.1:{port}/so", "--co-quan", "vp",
                  "xem", "2026")
    assert "máy chủ chưa chạy" in down.output and "Connection refused" in down.output
    assert cause_key('FATAL: password authentication failed for user "van-thu"') == (
        "register.pg_cause_password")
    assert cause_key("terminating connection due to administrator command") is None


class socket_closed:
    """A port on 127.0.0.1 nobody listens on."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return int(sock.getsockname()[1])

    def __exit__(self, *exc: object) -> None:
        return None
