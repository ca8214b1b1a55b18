"""pipeline.load.locations: RealPaths resolves as resolved_path (Path.resolve) does; within
answers as Path.is_relative_to."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.load.locations import RealPaths, resolved_path, within


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """inputs/2022/x.yaml, a symlinked file, a symlinked folder and a symlink loop."""
    year = tmp_path / "inputs" / "2022"
    year.mkdir(parents=True)
    (year / "x.yaml").write_text("a: 1\n", "utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "y.yaml").write_text("a: 1\n", "utf-8")
    (year / "link.yaml").symlink_to(tmp_path / "elsewhere" / "y.yaml")
    (tmp_path / "inputs" / "linked").symlink_to(tmp_path / "elsewhere")
    (year / "loop.yaml").symlink_to(year / "loop.yaml")
    return tmp_path


@pytest.mark.parametrize(
    "relative",
    [
        "inputs/2022/x.yaml",
        "inputs/2022/link.yaml",  # the file is a symlink
        "inputs/linked/y.yaml",  # its folder is
        "inputs/linked/../2022/x.yaml",  # ".." after a symlink: read through the link
        "inputs/2022/../2022/./x.yaml",
        "inputs//2022/x.yaml",
        "inputs/2022/missing.yaml",
        "inputs/missing/x.yaml",
        "inputs/2022/loop.yaml",
        "inputs/2022",
        "inputs/2022/",
    ],
)
def test_same_answer_as_resolved_path(tree: Path, relative: str) -> None:
    paths = RealPaths()
    for _ in range(2):  # the second time from what it remembers of the folder
        assert paths.resolve(tree / relative) == resolved_path(tree / relative)
        assert paths.resolve(Path(str(tree) + "/" + relative)) == resolved_path(tree / relative)


def test_relative_paths_from_the_working_folder(tree: Path, monkeypatch) -> None:
    monkeypatch.chdir(tree / "inputs")
    paths = RealPaths()
    for relative in ("2022/x.yaml", "linked/y.yaml", "x.yaml", "."):
        assert paths.resolve(Path(relative)) == resolved_path(Path(relative))


def test_a_file_that_becomes_a_symlink_is_seen(tree: Path) -> None:
    paths = RealPaths()
    path = tree / "inputs" / "2022" / "x.yaml"
    assert paths.resolve(path) == path
    os.remove(path)
    path.symlink_to(tree / "elsewhere" / "y.yaml")
    assert paths.resolve(path) == tree / "elsewhere" / "y.yaml"


@pytest.mark.parametrize(
    "path, folder",
    [
        ("/a/b/c.yaml", "/a/b"),
        ("/a/b", "/a/b"),
        ("/a/bc/d.yaml", "/a/b"),  # the same text, another folder
        ("/a/b/c.yaml", "/"),
        ("/x/c.yaml", "/a"),
        ("/a", "/a/b"),
    ],
)
def test_within_is_is_relative_to(path: str, folder: str) -> None:
    assert within(Path(path), Path(folder)) == Path(path).is_relative_to(Path(folder))


def test_real_paths_keep_recent_paths_not_the_years(tmp_path: Path) -> None:
    # A build streams through a year's documents: the joined paths kept stay bounded however
    # many are asked, and a path asked after the kept ones were let go resolves as before.
    from pipeline.load import locations

    # A few hundred documents' paths (three each), far fewer than a year's 5,000 decisions ask.
    assert locations._JOINED_KEPT <= 1024
    folder = tmp_path / "2022"
    folder.mkdir()
    real = locations.RealPaths()
    count = locations._JOINED_KEPT * 2 + 5
    for number in range(count):
        path = folder / f"qd-{number:05d}.yaml"
        assert real.resolve(path) == path.resolve()
        assert len(real._joined) <= locations._JOINED_KEPT
    first = folder / "qd-00000.yaml"
    assert real.resolve(first) == first.resolve()
