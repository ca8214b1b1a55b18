"""The sổ vàng kept in the register (register.golden_entries), not only in outputs/: a Giấy khen
batch keeps each certificate's số vào sổ when outputs/ is deleted or the build writes elsewhere
(-o), new people take the next numbers, a gone row's number is never given again, and a number
the book holds for someone else's certificate is refused at the batch's so_vao_so line. On a
register file and on the real PostgreSQL server the register tests start."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.api import check, render_documents
from pipeline.batch import build
from pipeline.errors import InputError
from pipeline.golden_book import Given
from pipeline.load.certificates import record_book
from pipeline.register import open_register
from pipeline.register.golden_entries import Batch, Recording, batch_entries
from pipeline.workspace import Workspace
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)
from tests.test_certificate_numbers import printed, write_rows
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace

BACKENDS = ("sqlite", "postgresql")
OFFICE = "ubnd-tinh-son-la"
BATCH = "inputs/2024/giay-khen.yaml"
DECISION = "inputs/2024/qd-bang-khen-ubnd-tinh.yaml"


@pytest.fixture(params=BACKENDS)
def batch(request: pytest.FixtureRequest, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example office's batch (so_vao_so 1201) of the example decision's seven rows, in a
    workspace numbering in its own register file (made, as `vanthu so` makes it) or in a
    PostgreSQL database."""
    monkeypatch.delenv("VANTHU_DB", raising=False)
    made = workspace(tmp_path, example_rows(), CERTIFICATE)
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_server").new_database()
        config = tmp_path / "vanthu.yaml"
        config.write_text(config.read_text("utf-8") + f"so_van_ban: {url}\n", "utf-8")
    else:
        open_register(root=tmp_path).close()
    return made


def ws(root: Path) -> Workspace:
    return Workspace.containing(root / "vanthu.yaml")


def built(
    root: Path, stem: str = "giay-khen", output: Path | None = None
) -> list[tuple[int, str]]:
    """(số vào sổ, name) of every certificate the batch `stem` prints once the workspace is
    built (into `output` when given)."""
    result = build(ws(root).with_output(output) if output else ws(root), jobs=1)
    assert result.ok, (result.invalid, result.errors)
    return printed((output or root / "outputs") / "2024" / f"{stem}.docx")


def changed_list(batch: Path) -> list[dict[str, str]]:
    """The list edited: a forgotten person put first, the third row (1203) taken out."""
    rows = example_rows()
    edited = [dict(rows[0], **{"Họ và tên": "Lò Thị Mai"}), *rows[:2], *rows[3:]]
    write_rows(batch, edited)
    return rows


def kept_numbers(before: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """What the batch prints after changed_list: everyone their number, the new person the
    next after the last ever given, 1203 given to no one."""
    return [(1208, "Lò Thị Mai"), *(pair for pair in before if pair[0] != 1203)]


def test_a_changed_list_keeps_its_numbers_after_outputs_is_deleted(batch: Path) -> None:
    root = batch.parents[2]
    before = built(root)
    assert [n for n, _ in before] == list(range(1201, 1208))
    shutil.rmtree(root / "outputs")
    changed_list(batch)
    # Before: numbered afresh from so_vao_so, "Lò Thị Mai" printed as 1201.
    assert built(root) == kept_numbers(before)
    shutil.rmtree(root / "outputs")
    assert built(root) == kept_numbers(before)  # built again: the same numbers


def test_builds_into_other_folders_keep_the_numbers(batch: Path, tmp_path: Path) -> None:
    root = batch.parents[2]
    before = built(root, output=tmp_path / "in-1")
    changed_list(batch)
    # Before: neither outputs/ nor in-2 had a manifest of the batch: numbered afresh.
    assert built(root, output=tmp_path / "in-2") == kept_numbers(before)
    assert built(root) == kept_numbers(before)


def test_the_book_records_whom_each_number_was_given_to(batch: Path) -> None:
    root = batch.parents[2]
    built(root)
    changed_list(batch)
    built(root)
    workspace_ = ws(root)
    with open_register(workspace_.register_location, root=root) as register:
        identity = workspace_.identity if "://" in register.location else None
        entries = register.read(lambda tx: batch_entries(
            tx, Batch(OFFICE, 2024, BATCH, identity, 1201)))
    assert [e.number for e in entries] == list(range(1201, 1209))
    first = entries[0]
    assert (first.given.name, first.given.unit, first.given.row) == (
        "Nguyễn Văn Hùng", "Sở Nội vụ", 3)
    assert (first.source, first.decision, first.first) == (BATCH, DECISION, 1201)
    # The row gone from the list keeps its number, freed: never given again.
    assert [(e.number, e.given.name) for e in entries if e.freed] == [(1203, "Hoàng Văn Minh")]


def second_batch(batch: Path, first: int, extra: str = "") -> Path:
    """Another batch of the office's 2024 sổ vàng, the decision's collectives, from `first`."""
    other = batch.with_name("gk-dot2.yaml")
    other.write_text(CERTIFICATE.replace("1201", str(first))
                     + "chon:\n  doi_tuong: tap_the\n" + extra, "utf-8")  # fmt: skip
    return other


def test_a_number_the_book_gave_someone_else_is_refused_at_so_vao_so(batch: Path) -> None:
    root = batch.parents[2]
    built(root)
    shutil.rmtree(root / "outputs")  # before: the manifest was the only record of 1201–1207
    other = second_batch(batch, 1205)
    result = build(ws(root), jobs=1)
    [(refused, message)] = result.invalid
    assert refused == other and not (root / "outputs" / "2024" / "gk-dot2.docx").exists()
    assert "gk-dot2.yaml, dòng 3, trường 'so_vao_so'" in message
    assert "số vào sổ 1205–1206 đã ghi trong sổ vàng năm 2024" in message
    assert f"số 1205 «Cầm Thị Mai» (đợt {BATCH})" in message
    assert "số tiếp theo chưa cấp trong sổ: 1208" in message
    # render and check say the same, naming the line and field.
    with pytest.raises(InputError) as caught:
        render_documents([other])
    assert (caught.value.line, caught.value.field) == (3, "so_vao_so")
    assert "1205 «Cầm Thị Mai» (batch inputs/2024/giay-khen.yaml)" in caught.value.message("en")
    report = check([other])
    [(path, error)] = report.errors
    assert path == other and error.key == "data.book_number_taken"


def test_a_test_print_is_neither_refused_nor_recorded(batch: Path) -> None:
    root = batch.parents[2]
    built(root)
    shutil.rmtree(root / "outputs")
    second_batch(batch, 1205, "in_thu: co\n")
    assert built(root, "gk-dot2")[0][0] == 1205
    with open_register(ws(root).register_location, root=root) as register:
        rows = register.read(lambda tx: tx.all("SELECT DISTINCT source FROM golden_entries"))
    assert rows == [(BATCH,)]


def test_without_a_register_none_is_made_and_the_manifest_keeps_the_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workspace typing its numbers has no register: made for the sổ vàng, every later build
    would enter the numbers its documents type in it. Its batches number as before."""
    monkeypatch.delenv("VANTHU_DB", raising=False)
    made = workspace(tmp_path, example_rows(), CERTIFICATE)
    assert check([made]).valid
    before = built(tmp_path)
    changed_list(made)
    assert built(tmp_path) == kept_numbers(before)
    assert not (tmp_path / "so-van-ban.sqlite3").exists()


def test_numbers_taken_since_loading_refuse_the_batch_when_recorded(batch: Path) -> None:
    """A colleague's batch on a shared register took the numbers between the load and the
    recording (record_book): refused at the batch's so_vao_so, nothing recorded for it."""
    root = batch.parents[2]
    workspace_ = ws(root)
    document = workspace_.load(batch)
    from pipeline.batch.discover import Layout
    from pipeline.batch.document_entry import document_entry
    from pipeline.register.documents import workspace_register
    from pipeline.register.location import Registers

    entry = document_entry(Layout(workspace_), document, b"", inputs={}, output="x.docx",
                           template_sha256="", auto=False)  # fmt: skip
    from contextlib import ExitStack

    with ExitStack() as stack:
        register = workspace_register(Registers(stack), workspace_)
        taken = Recording(Batch(OFFICE, 2024, "inputs/2024/khac.yaml", register.workspace, 1206),
                          (Given(1206, "Người Khác", "Sở Y tế", 2, None),))
        assert register.record_golden([taken]) == {}
        refused = record_book(lambda: register, workspace_, {batch: entry}, {})
        mine = register.read(lambda tx: batch_entries(
            tx, Batch(OFFICE, 2024, BATCH, register.workspace, 1201)))
    error = refused[batch]
    assert (error.line, error.field) == (3, "so_vao_so")
    assert "số 1206 «Người Khác» (đợt inputs/2024/khac.yaml)" in error.message()
    assert mine == []


def recording(source: str, first: int, *names: str) -> Recording:
    return Recording(Batch(OFFICE, 2024, source, None, first),
                     tuple(Given(first + i, name, "Sở Nội vụ", 2 + i, None)
                           for i, name in enumerate(names)))  # fmt: skip


def test_recording_frees_renumbers_and_refuses_in_one_transaction(location: str) -> None:  # noqa: F811
    with open_register(location) as register:
        assert register.record_golden([recording("a.yaml", 101, "An", "Bình", "Chi")]) == {}
        # a.yaml renumbered from 201 gives 101–103 up; b.yaml takes 102 in the same recording.
        done = register.record_golden([recording("b.yaml", 102, "Dung"),
                                       recording("a.yaml", 201, "An", "Bình", "Chi")])
        assert done == {}
        # c.yaml over a.yaml's 202: refused with the row holding it, nothing of it written.
        refused = register.record_golden([recording("c.yaml", 202, "Hà")])
        [(batch, [holder])] = refused.items()
        assert batch.source == "c.yaml"
        assert (holder.number, holder.given.name, holder.source) == (202, "Bình", "a.yaml")
        # Bình leaves a.yaml's list: 202 is freed, still a.yaml's.
        left = recording("a.yaml", 201, "An")
        assert register.record_golden([left]) == {}
        rows = register.read(lambda tx: tx.all(
            "SELECT number, source, name, freed FROM golden_entries ORDER BY number"))
    assert [tuple(row) for row in rows] == [
        (102, "b.yaml", "Dung", 0), (201, "a.yaml", "An", 0), (202, "a.yaml", "Bình", 1),
        (203, "a.yaml", "Chi", 1)]


def test_two_workspaces_sharing_a_register_share_its_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pg_server  # noqa: F811
) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    url = pg_server.new_database()
    roots = [tmp_path / "mot", tmp_path / "hai"]
    batches = []
    for root, first in zip(roots, (1201, 1205), strict=True):
        root.mkdir()
        batches.append(workspace(root, example_rows(), CERTIFICATE.replace("1201", str(first))))
        config = root / "vanthu.yaml"
        config.write_text(config.read_text("utf-8") + f"so_van_ban: {url}\n", "utf-8")
    decision = roots[1] / DECISION  # the second clerk's own decision: its own number
    decision.write_text(decision.read_text("utf-8").replace("so: 2150", "so: 2151"), "utf-8")
    built(roots[0])
    result = build(ws(roots[1]), jobs=1)
    assert len(result.invalid) == 1, result.invalid
    [(refused, message)] = result.invalid
    identity = ws(roots[0]).identity
    assert refused == batches[1] and identity is not None
    assert f"(đợt {BATCH} của thư mục làm việc {identity})" in message
    assert "dòng 3, trường 'so_vao_so'" in message


def test_a_register_lacking_an_older_version_is_given_it_again(tmp_path: Path) -> None:
    """An older copy's tables put back under a newer register's versions (a version's row and
    table gone, later ones there): opening applies the missing version, not only later ones."""
    import sqlite3

    path = tmp_path / "so-van-ban.sqlite3"
    with open_register(path) as register:
        assert register.schema_version() == 7
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE restorations")
        db.execute("DELETE FROM schema_version WHERE version = 6")
    db.close()
    with open_register(path) as register:  # before: "no such table: restorations" on use
        assert register.unconfirmed_restore(2026) is None
        assert register.read(lambda tx: tx.all(
            "SELECT version FROM schema_version ORDER BY version")) == [(v,) for v in range(1, 8)]


def test_a_renamed_batch_keeps_its_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Renamed (or moved) on a workspace's own register, a batch takes over the rows of its
    former name, as a renamed document keeps its register number."""
    monkeypatch.delenv("VANTHU_DB", raising=False)
    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    open_register(root=tmp_path).close()
    before = built(tmp_path)
    shutil.rmtree(tmp_path / "outputs")
    changed_list(batch)
    batch.rename(batch.with_name("giay-khen-dot-1.yaml"))
    assert built(tmp_path, "giay-khen-dot-1") == kept_numbers(before)
    with open_register(tmp_path / "so-van-ban.sqlite3") as register:
        rows = register.read(lambda tx: tx.all("SELECT DISTINCT source FROM golden_entries"))
    assert rows == [("inputs/2024/giay-khen-dot-1.yaml",)]
