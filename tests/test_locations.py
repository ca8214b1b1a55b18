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


def _referenced_by_pathlib(workspace_root: Path, document: Path, name: str) -> Path | None:
    """Workspace.referenced_file as it was before its plain-name shortcut: a Path at each step."""
    if Path(name).is_absolute():
        return None
    base = resolved_path(document).parent
    path = resolved_path(base / name)
    allowed = workspace_root if within(base, workspace_root) else base
    return path if within(path, allowed) else None


@pytest.mark.parametrize(
    "name",
    [
        "x.yaml",  # plain, beside the document: the shortcut
        "link.yaml",  # a symlink beside it, to a file outside the workspace: refused
        "loop.yaml",
        "missing.xlsx",
        "../2022/x.yaml",
        "./x.yaml",
        "sub/x.yaml",
        "..",
        ".",
        "",
        "x.yaml ",
        "a:b.xlsx",
        "a\\b.xlsx",
    ],
)
def test_referenced_file_shortcut_gives_what_pathlib_gives(tree: Path, name: str) -> None:
    from pipeline.workspace import Workspace

    (tree / "inputs" / "co-quan").mkdir()
    (tree / "inputs" / "2022" / "x.yaml ").write_text("a: 1\n", "utf-8")
    (tree / "inputs" / "2022" / "a:b.xlsx").write_text("", "utf-8")
    workspace = Workspace(tree)
    for document in (tree / "inputs" / "2022" / "x.yaml", tree / "inputs/linked/y.yaml"):
        wanted = _referenced_by_pathlib(workspace.root, document, name)
        for _ in range(2):  # the second time from what its RealPaths remembers
            found = workspace.referenced_file(document, name)
            assert found == wanted
            assert found is None or str(found) == str(wanted)


def test_beside_takes_only_a_plain_file_that_is_no_symlink(tree: Path) -> None:
    paths = RealPaths()
    document = tree / "inputs" / "2022" / "x.yaml"
    assert paths.beside(document, "x.yaml") == document
    for name in ("link.yaml", "loop.yaml", "missing.yaml", "../2022/x.yaml", "", ".", ".."):
        assert paths.beside(document, name) is None
    # Through a symlinked folder: the file in the folder the link leads to.
    assert paths.beside(tree / "inputs" / "linked" / "y.yaml", "y.yaml") == (
        tree / "elsewhere" / "y.yaml"
    )


def test_a_list_that_becomes_a_symlink_between_two_loads_is_seen(tree: Path) -> None:
    """The shortcut looks at the file each time (once per load): a list replaced by a symlink
    leading out of the workspace is refused the next time, as pathlib's steps refuse it."""
    from pipeline.load.read_log import looked_once
    from pipeline.workspace import Workspace

    (tree / "inputs" / "co-quan").mkdir()
    outside = tree.parent / f"{tree.name}-outside.xlsx"
    outside.write_text("", "utf-8")
    workspace = Workspace(tree)
    document = tree / "inputs" / "2022" / "x.yaml"
    listed = tree / "inputs" / "2022" / "ds.xlsx"
    listed.write_text("", "utf-8")
    with looked_once():
        assert workspace.referenced_file(document, "ds.xlsx") == listed
    listed.unlink()
    listed.symlink_to(outside)
    with looked_once():
        assert workspace.referenced_file(document, "ds.xlsx") is None


@pytest.mark.parametrize(
    ("name", "plain"),
    [("ds.xlsx", True), ("Danh sách 2022.xlsx", True), ("..x", True), ("", False),
     (".", False), ("..", False), ("a/b", False), ("a\\b", False), ("C:x", False),
     ("a\0b", False)],
)  # fmt: skip
def test_plain_name(name: str, plain: bool) -> None:
    from pipeline.load.locations import plain_name

    assert plain_name(name) is plain
