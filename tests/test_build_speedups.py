"""What makes a build fast must not make it wrong: remembered hashes, the plain-text table, the
streamed manifest, the remembered clean cells of a list, the hand-written column letters."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from openpyxl.utils import get_column_letter as openpyxl_column_letter

from pipeline.batch import Status, build
from pipeline.batch.hash_cache import CACHE_NAME, HashCache
from pipeline.batch.manifest import Entry, Manifest, file_sha256
from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import Formula, get_column_letter
from pipeline.load.spreadsheet.fields import resolve_fields
from pipeline.load.spreadsheet.table import build_table
from pipeline.workspace import Workspace
from tests.test_build import (
    AWARD_DECISION,
    AWARD_SHEET,
    BROKEN,
    break_line,
    documents_of,
    statuses,
)


def build_once(inputs: Path, out: Path):
    return build(Workspace.containing(inputs).with_output(out), inputs, jobs=1)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled at once (in a test every file was written a moment ago)."""
    monkeypatch.setattr("pipeline.batch.hash_cache.RACY_SECONDS", 0)


@pytest.fixture
def remembered(inputs_copy: Path, tmp_path: Path, settled: None) -> Path:
    """An output folder built, then built again with nothing changed: every hash remembered."""
    out = tmp_path / "out"
    assert build_once(inputs_copy, out).ok
    assert build_once(inputs_copy, out).ok  # hashes every file once and remembers them
    return out


def test_unchanged_files_are_not_read_again(
    inputs_copy: Path, remembered: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = remembered
    assert (out / CACHE_NAME).is_file()

    def must_not_read(path: Path) -> str:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr("pipeline.batch.hash_cache.file_sha256", must_not_read)
    again = build_once(inputs_copy, out)
    assert again.ok and set(statuses(again).values()) == {Status.UNCHANGED}


def test_an_edit_keeping_size_and_times_is_still_seen(inputs_copy: Path, remembered: Path) -> None:
    out = remembered
    sheet = inputs_copy / AWARD_SHEET
    before = sheet.stat()
    data = sheet.read_bytes()
    edited = data.replace("Nguyễn".encode(), "Nguyến".encode(), 1)  # same length in UTF-8
    assert edited != data and len(edited) == len(data)
    sheet.write_bytes(edited)
    os.utime(sheet, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a copy keeping times
    assert sheet.stat().st_size == before.st_size
    assert sheet.stat().st_mtime_ns == before.st_mtime_ns

    again = build_once(inputs_copy, out)
    assert statuses(again)[AWARD_DECISION] is Status.BUILT


def test_files_written_a_moment_ago_are_hashed_again(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("một", "utf-8")
    cache = HashCache(tmp_path / CACHE_NAME)
    first = cache.sha256(path)
    cache.save()
    assert not (tmp_path / CACHE_NAME).exists()  # nothing settled: nothing to remember
    assert first == HashCache(tmp_path / CACHE_NAME).sha256(path)
    assert HashCache(tmp_path / CACHE_NAME).sha256(tmp_path / "gone.txt") is None
    assert HashCache(tmp_path / CACHE_NAME).sha256(tmp_path) is None  # a folder


def cache_written_at(out: Path, nanoseconds: int) -> None:
    """Give the hash cache the modification time it gets when written at `nanoseconds`."""
    os.utime(out / CACHE_NAME, ns=(nanoseconds, nanoseconds))


def files_read_for_hashing(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the hash cache reads from now on, in order (it still hashes them)."""
    hashed: list[Path] = []

    def note_read(path: Path) -> str:
        hashed.append(path)
        return file_sha256(path)

    monkeypatch.setattr("pipeline.batch.hash_cache.file_sha256", note_read)
    return hashed


def newest_output_ns(result) -> int:
    return max(max(d.output.stat().st_mtime_ns, d.output.stat().st_ctime_ns)
               for d in result.documents if d.output is not None)  # fmt: skip


def test_the_first_build_with_nothing_to_do_after_a_build_reads_no_file(
    inputs_copy: Path, tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build remembers the hashes of the outputs it wrote (from the bytes written) and of
    the inputs its workers read (from the bytes parsed)."""
    out = tmp_path / "out"
    first = build_once(inputs_copy, out)
    assert first.ok and {d.status for d in first.documents} == {Status.BUILT}
    # A test build is quicker than the disk clock's tick: as in any real build, the cache is
    # taken to be written a tick after the last output was put in place.
    cache_written_at(out, newest_output_ns(first) + 10**9)
    hashed = files_read_for_hashing(monkeypatch)
    again = build_once(inputs_copy, out)
    assert again.ok and set(statuses(again).values()) == {Status.UNCHANGED}
    assert hashed == []


def test_inputs_changed_just_before_the_build_are_hashed_again(
    inputs_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An input whose times are under RACY_SECONDS older than the build's start (here: every
    input, copied a moment ago) is not remembered from the build: it is read next time."""
    # An hour, not 2 s: however slow the machine, the copy is still "a moment ago".
    monkeypatch.setattr("pipeline.batch.hash_cache.RACY_SECONDS", 3600)
    out = tmp_path / "out"
    first = build_once(inputs_copy, out)
    cache_written_at(out, newest_output_ns(first) + 10**9)
    hashed = files_read_for_hashing(monkeypatch)
    again = build_once(inputs_copy, out)
    assert again.ok and set(statuses(again).values()) == {Status.UNCHANGED}
    decision = inputs_copy / AWARD_DECISION.removeprefix("inputs/")
    assert {inputs_copy / AWARD_SHEET, decision} <= set(hashed)
    assert not [p for p in hashed if p.is_relative_to(out)]


def test_outputs_as_new_as_the_cache_are_read_again(
    inputs_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An output put in place in the same tick of the disk's clock as the cache was written
    (racily clean, as git says) could change again without its times moving: it is read."""
    out = tmp_path / "out"
    first = build_once(inputs_copy, out)
    newest = newest_output_ns(first)
    cache_written_at(out, newest)
    racy = {d.output for d in first.documents if d.output is not None
            and newest in (d.output.stat().st_mtime_ns, d.output.stat().st_ctime_ns)}  # fmt: skip
    hashed = files_read_for_hashing(monkeypatch)
    again = build_once(inputs_copy, out)
    assert again.ok and set(statuses(again).values()) == {Status.UNCHANGED}
    assert racy and racy <= set(hashed)


def test_an_input_changed_since_a_worker_hashed_it_is_not_remembered(tmp_path: Path) -> None:
    """The build remembers a worker's hash of an input only while the file's stamp (size,
    inode, modification and change times) is the one the worker saw, and only when its times
    had settled then."""
    from pipeline.batch.hash_cache import _STAMP, read_stamp

    same, moved, new = tmp_path / "same.yaml", tmp_path / "moved.xlsx", tmp_path / "new.yaml"
    for path in (same, moved, new):
        path.write_text("một", "utf-8")
    later = time.time_ns() + 10**12  # every file had settled by then
    info = moved.stat()
    other_time = _STAMP.pack(info.st_size, info.st_ino, info.st_mtime_ns - 1, info.st_ctime_ns)
    HashCache(tmp_path / CACHE_NAME).save(
        [(str(same), "ab" * 32, read_stamp(same.stat(), later)),
         (str(moved), "cd" * 32, other_time),  # rewritten since, its modification time kept
         (str(new), "ef" * 32, read_stamp(new.stat(), time.time_ns()))]  # not settled yet
    )  # fmt: skip
    newest = max(max(p.stat().st_mtime_ns, p.stat().st_ctime_ns) for p in (same, moved, new))
    cache_written_at(tmp_path, newest + 10**9)
    remembered = json.loads((tmp_path / CACHE_NAME).read_text("utf-8"))["files"]
    assert set(remembered) == {str(same)} and remembered[str(same)][4] == "ab" * 32
    assert HashCache(tmp_path / CACHE_NAME).sha256(same) == "ab" * 32  # taken from the cache


def test_a_cache_that_cannot_be_written_only_costs_hashing_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only output folder (root is not refused, so the write is made to fail here)."""
    from pipeline.errors import RenderError

    def refused(path: Path, data: object) -> Path:
        raise RenderError("render.write_failed", reason=f"{path}: Read-only file system")

    path = tmp_path / "a.txt"
    path.write_text("một", "utf-8")
    cache = HashCache(tmp_path / CACHE_NAME)
    cache.written(path, "ab" * 32)
    monkeypatch.setattr("pipeline.batch.hash_cache.stage", refused)
    cache.save()  # no error: the next build hashes the files again
    assert not (tmp_path / CACHE_NAME).exists()


def test_the_streamed_cache_is_the_json_it_always_was(tmp_path: Path) -> None:
    from pipeline.batch.hash_cache import _pieces, _record

    whole = {"/a.yaml": [1, 2, -3, 4, "0a" * 32], '/b/đơn "2".docx': [3, 4, 5, 6, "ff" * 32]}
    files = [(name, _record((a, b, c, d), digest)) for name, (a, b, c, d, digest) in whole.items()]
    compact = (",", ":")
    assert "".join(_pieces(files)) == json.dumps({"format": 1, "files": whole}, separators=compact)
    assert "".join(_pieces([])) == json.dumps({"format": 1, "files": {}}, separators=compact)


def test_an_output_edited_keeping_size_and_times_is_noticed(
    inputs_copy: Path, tmp_path: Path, settled: None
) -> None:
    out = tmp_path / "out"
    first = build_once(inputs_copy, out)
    cache_written_at(out, newest_output_ns(first) + 10**9)
    document = next(d for d in first.documents if d.name == AWARD_DECISION)
    assert document.output is not None and str(document.output) in json.loads(
        (out / CACHE_NAME).read_text("utf-8"))["files"]  # fmt: skip
    before = document.output.stat()
    data = bytearray(document.output.read_bytes())
    data[-30] ^= 1  # same size
    document.output.write_bytes(bytes(data))
    os.utime(document.output, ns=(before.st_atime_ns, before.st_mtime_ns))

    again = build_once(inputs_copy, out)  # seen as edited by hand: kept, not taken as current
    assert statuses(again)[AWARD_DECISION] is Status.KEPT


@pytest.mark.parametrize(
    "damage",
    [b"", b"{not json", b'{"format": 99, "files": {}}', b'{"format": 1, "files": {"x": 3}}',
     b"\xff\xfe", b'{"format": 1, "files": {"/x": [1, 2, 3, 4, "zz"], "/y": [-1, 2, 3, 4, ""]}}'],
)  # fmt: skip
def test_a_damaged_cache_only_costs_hashing(
    inputs_copy: Path, tmp_path: Path, settled: None, damage: bytes
) -> None:
    out = tmp_path / "out"
    assert build_once(inputs_copy, out).ok
    (out / CACHE_NAME).write_bytes(damage)
    again = build_once(inputs_copy, out)
    assert again.ok and set(statuses(again).values()) == {Status.UNCHANGED}
    data = json.loads((out / CACHE_NAME).read_text("utf-8"))  # written anew
    assert data["format"] == 1 and data["files"]


def test_a_wrong_remembered_hash_is_not_trusted_once_the_file_changes(
    inputs_copy: Path, remembered: Path
) -> None:
    out = remembered
    sheet = inputs_copy / AWARD_SHEET
    sheet.write_bytes(sheet.read_bytes().replace("Nguyễn".encode(), "Trần".encode(), 1))
    again = build_once(inputs_copy, out)
    assert statuses(again)[AWARD_DECISION] is Status.BUILT


def test_the_table_of_a_build_into_a_file_is_one_line_per_document(
    cli: click.Group, inputs_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(inputs_copy), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split(" │ ")[0].strip() == "Văn bản"
    rows = [line for line in lines if " │ đã dựng " in line]
    documents = documents_of(inputs_copy)
    assert len(rows) == len(documents)
    for row in rows:
        name, status, output, seconds = (cell.strip() for cell in row.split(" │ "))
        assert name.endswith(".yaml") and status == "đã dựng"
        assert output.endswith(".docx") and seconds.endswith(" s")
    assert lines[-1].startswith(f"{len(documents)} đã dựng, 0 không đổi, 0 lỗi")


def test_the_streamed_manifest_is_the_json_it_always_was(inputs_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build_once(inputs_copy, out).ok
    text = (out / "2022" / "manifest.json").read_text("utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _entry(so: int | None, **more: object) -> Entry:
    fields: dict = dict(
        inputs={"inputs/2022/qd.yaml": "a" * 64, "inputs/2022/": "b" * 64},
        template="quyet-dinh", template_sha256="c" * 64, output="2022/qd.docx",
        output_sha256="d" * 64, loai="quyet_dinh", so=so, ngay="2022-12-04",
        so_ky_hieu=f"{so}/QĐ-UBND",
    )  # fmt: skip
    return Entry(**{**fields, **more})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "entries, year",
    [
        ({}, "2022"),
        ({"inputs/2022/qd-1.yaml": _entry(1)}, None),
        (
            {
                "inputs/2022/Tờ trình \"số\" 2.yaml": _entry(None, co_quan="ubnd", so_tu_dong=True),
                "inputs/2022/giay-khen.yaml": _entry(4, lender="inputs/2022/a.yaml", lent_number=3),
                "inputs/2022/a.yaml": _entry(3, pdf="2022/a.pdf", pdf_sha256="e" * 64),
            },
            "2022",
        ),
    ],
)
def test_the_manifest_is_written_one_entry_at_a_time_as_json_would_write_it_whole(
    entries: dict[str, Entry], year: str | None
) -> None:
    manifest = Manifest(year=year, version="0.1.0", entries=entries)
    whole = {
        "documents": {name: entry.to_json() for name, entry in entries.items()},
        "vanthu": "0.1.0",
        "year": year,
    }
    expected = json.dumps(whole, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert manifest.to_json() == expected
    assert len(list(manifest._pieces())) >= len(entries)  # streamed, not one string


def test_a_formula_is_refused_even_after_the_same_text_was_clean() -> None:
    fields = resolve_fields(("ho_ten", "danh_hieu"), (), {})
    header = (1, ["Họ và tên", "Danh hiệu"])
    clean = [header, (2, ["Nguyễn Văn An", "Lao động tiên tiến"])]
    build_table(iter(clean), fields, file="a.xlsx", sheet="DS")
    formula = [header, (2, ["Nguyễn Văn An", Formula("Lao động tiên tiến")])]
    with pytest.raises(InputError) as raised:
        build_table(iter(formula), fields, file="b.xlsx", sheet="DS")
    assert raised.value.key == "sheet.formula_no_value"
    assert "B2" in raised.value.message()


def test_column_letters_are_excel_s() -> None:
    assert [get_column_letter(n) for n in (1, 26, 27, 52, 53, 702, 703, 16384)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
    ]  # fmt: skip
    assert all(get_column_letter(n) == openpyxl_column_letter(n) for n in range(1, 18279))


@pytest.mark.parametrize(
    "expression",
    [
        "{{ row.ho_ten }}", "{{ row._an }}", "{{ row.items is callable }}", "{{ row.missing }}",
        "{{ row.__class__.__mro__[1].__subclasses__() }}", "{{ row.pop.__self__ }}",
        "{{ row.keys() | list }}", "{{ row.__len__ }}", "{{ row.mro }}",
    ],
)  # fmt: skip
def test_the_sandbox_reads_dicts_exactly_as_jinja_s(expression: str) -> None:
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    from pipeline.render.compose import DataSandbox

    data = {"row": {"ho_ten": "A & B", "items": "key", "_an": "x", "__len__": "y"}}

    def outcome(env: SandboxedEnvironment) -> str:
        try:
            return env.from_string(expression).render(data)
        except SecurityError as exc:
            return f"refused: {exc}"

    ours = outcome(DataSandbox(autoescape=True))
    assert ours == outcome(SandboxedEnvironment(autoescape=True))
    if "__class__" in expression:
        assert ours.startswith("refused")


def test_documents_built_in_one_batch_come_out_as_built_one_at_a_time(
    inputs_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker takes its documents a few at a time and runs each step over the whole batch:
    a bad document in a batch must fail alone, and every other one come out byte for byte as
    when each is its own batch."""
    broken = inputs_copy / BROKEN
    break_line(broken, "ngay: 10/01/2022", "ngay: 31/02/2022")
    workspace = Workspace.containing(inputs_copy)

    def build_with_batches_of(size: int, out: Path):
        monkeypatch.setattr("pipeline.batch.runner.CHUNK_LIMIT", size)
        return build(workspace.with_output(out), inputs_copy, jobs=1, keep_going=True)

    alone = build_with_batches_of(1, tmp_path / "alone")
    batched = build_with_batches_of(8, tmp_path / "batched")
    assert statuses(batched) == statuses(alone)
    assert [d.name for d in batched.failed] == [d.name for d in alone.failed]
    assert any(d.input == broken for d in batched.failed)
    assert len(batched.failed) < len(batched.documents) - 5
    assert docx_files(tmp_path / "batched") == docx_files(tmp_path / "alone")


def docx_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.docx")}


def test_staged_documents_are_keyed_by_the_build_s_own_paths(
    inputs_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """stage_all keys each document by its job's own Path, not by the worker's copy of it: the
    checks and the placing look documents up by the build's objects, matched by identity.
    (Equal copies give the same results, only slower: this is the one way to see it.)"""
    from pipeline.batch import builder

    seen: list[tuple[list[Path], dict[Path, object]]] = []
    stage_all = builder.stage_all

    def watched(workspace, layout, todo, *args, **kwargs):  # type: ignore[no-untyped-def]
        staged = stage_all(workspace, layout, todo, *args, **kwargs)
        seen.append(([job.path for job in todo], dict(staged)))  # the build clears it
        return staged

    monkeypatch.setattr(builder, "stage_all", watched)
    workspace = Workspace.containing(inputs_copy).with_output(tmp_path / "out")
    assert build(workspace, inputs_copy, jobs=2).ok  # workers: each item a pickled copy
    assert seen and all(seen_todo for seen_todo, _ in seen)
    for paths, staged in seen:
        assert len(staged) == len(paths)
        assert all(any(key is path for path in paths) for key in staged)
