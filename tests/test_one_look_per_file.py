"""A document's load looks at each file it reads once (read_log.looked_once), and only while it
loads: a file changed between two loads is seen by the second."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from pipeline.load import read_log
from pipeline.workspace import Workspace

DECISION = "2022/qd-lao-dong-tien-tien.yaml"  # its profile and its .xlsx list
OTHER = "2022/qd-thanh-lap-hoi-dong.yaml"  # the same profile, a .csv list
PROFILE = "co-quan/van-phong-ubnd-son-la.yaml"
LIST = "2022/danh-sach-ldtt-2022.xlsx"


def looks(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every stat and lstat asked of the system from now on, by path."""
    asked: Counter[str] = Counter()
    for name in ("stat", "lstat"):
        real = getattr(os, name)

        def counted(path, *args, real=real, **kwargs):  # type: ignore[no-untyped-def]
            asked[os.fspath(path)] += 1
            return real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, counted)
    return asked


def test_a_decision_s_load_looks_at_each_of_its_files_once(
    inputs_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = Workspace.containing(inputs_copy)
    workspace.load(inputs_copy / OTHER)  # the year's list index made: its own reading aside
    asked = looks(monkeypatch)
    document = workspace.load(inputs_copy / DECISION)
    assert [os.fspath(f) for f in document.files] == [
        os.fspath(inputs_copy / name) for name in (DECISION, PROFILE, LIST)
    ]
    assert {os.fspath(inputs_copy / name): asked[os.fspath(inputs_copy / name)]
            for name in (DECISION, PROFILE, LIST)} == dict.fromkeys(
        (os.fspath(inputs_copy / name) for name in (DECISION, PROFILE, LIST)), 1
    )  # fmt: skip
    assert read_log._LOOKED.get() is None  # nothing held once the load is done


def test_what_a_load_found_is_not_what_the_next_one_finds(
    inputs_copy: Path, tmp_path: Path
) -> None:
    """A profile replaced by a symlink between two loads of one loader is followed: the first
    load's look at it is not the second's."""
    workspace = Workspace.containing(inputs_copy)
    first = workspace.load(inputs_copy / DECISION)
    profile = inputs_copy / PROFILE
    other = tmp_path / "elsewhere.yaml"
    text = profile.read_text("utf-8")
    signer = first.info.agency.nguoi_ky[first.info.data.nguoi_ky].ho_ten
    other.write_text(text.replace(signer, "Lò Văn Mới"), "utf-8")
    profile.unlink()
    profile.symlink_to(other)
    again = workspace.load(inputs_copy / OTHER)
    assert again.files[1] == other.resolve()  # the profile followed to its new place, read there
    assert again.info.agency.nguoi_ky[again.info.data.nguoi_ky].ho_ten == "Lò Văn Mới"


def test_looks_within_a_load_are_the_first_ones(tmp_path: Path) -> None:
    """Inside looked_once a file's stat is the one first taken (its size as read), an lstat of
    a file that is no symlink is its stat, and one of a symlink is never taken for its
    target's; outside it, each is asked again."""
    path, link = tmp_path / "a.yaml", tmp_path / "b.yaml"
    path.write_text("a: 1\n", "utf-8")
    link.symlink_to(path)
    with read_log.looked_once():
        first = read_log.link_stat(str(path))
        path.write_text("a: 12\n", "utf-8")
        assert read_log.file_stat(path) is first
        assert read_log.regular_file(path) is True
        assert os.path.islink(link) and not os.path.islink(path)
        assert read_log.link_stat(str(link)).st_ino != first.st_ino  # the link's own
        assert read_log.file_stat(link).st_ino == first.st_ino  # its target's
        assert read_log.regular_file(tmp_path / "gone.yaml") is None
        assert read_log.regular_file(tmp_path) is False
    assert read_log.file_stat(path).st_size == len("a: 12\n")
