"""The loader notes the hash of the bytes it parsed; the build takes it instead of reading again."""

from __future__ import annotations

import hashlib
import os
import time
from collections import OrderedDict
from pathlib import Path

import pytest

from pipeline.batch.manifest import file_sha256
from pipeline.load import read_log
from pipeline.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
DECISION = REPO / "inputs" / "2022" / "qd-lao-dong-tien-tien.yaml"


def test_the_hash_is_of_the_bytes_read_while_the_file_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"loai: ke_hoach\n")
    info = os.stat(path)
    read_log.note(path, info, path.read_bytes())
    assert read_log.recall(path, info) == hashlib.sha256(b"loai: ke_hoach\n").hexdigest()
    path.write_bytes(b"loai: bao_cao\n")  # another size: what was read is no longer there
    assert read_log.recall(path, os.stat(path)) is None
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert read_log.recall(path, os.stat(path)) is None


def test_a_file_rewritten_keeping_its_size_and_modification_time_is_not_what_was_read(
    tmp_path: Path,
) -> None:
    """Its change time moved (no program can set it back): the build hashes it again."""
    path = tmp_path / "a.yaml"
    path.write_bytes(b"loai: ke_hoach\n")
    info = os.stat(path)
    read_log.note(path, info, path.read_bytes())
    time.sleep(0.05)  # past the disk clock's tick, so that the change time moves
    path.write_bytes(b"loai: bao_cao_\n")  # the same size
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # as a copy keeping times
    now = os.stat(path)
    assert (now.st_size, now.st_mtime_ns) == (info.st_size, info.st_mtime_ns)
    assert now.st_ctime_ns != info.st_ctime_ns
    assert read_log.recall(path, now) is None


def test_bytes_that_do_not_match_the_stat_are_not_noted(tmp_path: Path) -> None:
    path = tmp_path / "grown.yaml"
    path.write_bytes(b"12345")
    info = os.stat(path)
    read_log.note(path, info, b"123456")  # the file grew between the stat and the read
    assert read_log.recall(path, info) is None


def test_only_the_last_files_read_are_kept(tmp_path: Path) -> None:
    paths = []
    for number in range(300):
        path = tmp_path / f"{number}.yaml"
        path.write_bytes(str(number).encode())
        read_log.note(path, os.stat(path), path.read_bytes())
        paths.append(path)
    assert read_log.recall(paths[0], os.stat(paths[0])) is None
    assert read_log.recall(paths[-1], os.stat(paths[-1])) == file_sha256(paths[-1])


def test_loading_a_decision_notes_its_data_file_and_its_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(read_log, "_read", OrderedDict())  # nothing noted by earlier tests
    document = Workspace.containing(REPO / "inputs").load(DECISION)
    spreadsheets = [f for f in document.files if f.suffix == ".xlsx"]
    assert spreadsheets
    for path in (document.path, *spreadsheets):
        assert read_log.recall(path, os.stat(path)) == file_sha256(path), path


def test_a_file_the_build_hashes_itself_is_kept_too(tmp_path: Path) -> None:
    from pipeline.batch.source_hashes import read_hash

    path = tmp_path / "profile.yaml"
    path.write_bytes(b"ten: X\n")
    assert read_log.recall(path, os.stat(path)) is None
    assert read_hash(path)[0] == file_sha256(path)
    assert read_log.recall(path, os.stat(path)) == file_sha256(path)
