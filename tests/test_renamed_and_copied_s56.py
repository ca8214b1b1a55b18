"""A numbered data file renamed and copied, its old name gone (s56 R4): the renamed file and
its copy both record the document issued under the number, and neither holds a number. Which
is the file renamed cannot be told, so build, render (of either) and check refuse both at
their `so:` line, naming the files and the number, and the register row stays as issued; the
number is not given to whichever file comes first. Settled as the message says (the copy
deleted, or its trích yếu edited and the renamed file rendered first), the renamed file keeps
the number.

The register is the workspace's own SQLite file: the rows are found by the same SQL on
PostgreSQL, and only a workspace's register knows which data files are gone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.register import Status, open_register
from pipeline.workspace.init import init_workspace
from tests.test_register_identity_s54 import ANSWERS, OTHER, SUMMARY, TODAY, plan
from tests.test_s55_t5_register import said, vanthu

NUMBER_LINE = 8  # the `so:` line of the Kế hoạch starter
FILES = "inputs/2026/ke-hoach-ban-sao.yaml, inputs/2026/ke-hoach-doi-ten.yaml"


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh workspace (the current folder) numbering in its own register file."""
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    for data in (made.root / "inputs").rglob("*.yaml"):
        data.unlink()
    monkeypatch.chdir(made.root)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    return made.root


def rows(root: Path) -> list[tuple[int, str | None, Status]]:
    """Each 2026 row: number, data file, state."""
    with open_register(root / "so-van-ban.sqlite3") as register:
        return [(e.number, e.source, e.status) for e in register.entries(2026)]


def renamed_and_copied(root: Path) -> tuple[Path, Path]:
    """ke-hoach.yaml built as 01, copied to ke-hoach-ban-sao.yaml and renamed
    ke-hoach-doi-ten.yaml: the renamed file and the copy."""
    original = plan(root, "ke-hoach.yaml", "05/03/2026")
    vanthu("build")
    copy = original.with_name("ke-hoach-ban-sao.yaml")
    shutil.copy(original, copy)
    renamed = original.with_name("ke-hoach-doi-ten.yaml")
    original.rename(renamed)
    return renamed, copy


ISSUED = [(1, "inputs/2026/ke-hoach.yaml", Status.ISSUED)]


def refusal(name: str) -> str:
    """The refusal of data file `name` (of inputs/2026/), at its `so:` line."""
    return (f"inputs/2026/{name}, dòng {NUMBER_LINE}, trường 'so': chưa cấp số: không rõ số "
            "01/KH-SNV 05/03/2026")


def test_build_refuses_the_renamed_file_and_its_copy_the_row_left_as_issued(root: Path) -> None:
    renamed_and_copied(root)
    result = vanthu("build", "--keep-going", code=1)
    words = said(result.output)
    for name in ("ke-hoach-ban-sao.yaml", "ke-hoach-doi-ten.yaml"):
        assert refusal(name) in words, result.output
    assert ("thuộc tệp nào: tệp inputs/2026/ke-hoach.yaml giữ số đó không còn nữa (đã đổi tên "
            f"hoặc chuyển đi), còn {FILES} đều ghi văn bản đã cấp số ấy") in words
    assert "Hãy xóa bản sao rồi dựng lại; nếu bản sao là một văn bản khác" in words
    assert "vừa cấp cho văn bản giống hệt" not in words  # no second number given
    assert rows(root) == ISSUED
    english = said(vanthu("--lang", "en", "build", code=1).output)
    assert (f"the file holding it, inputs/2026/ke-hoach.yaml, is gone (renamed or moved), "
            f"while {FILES} all record the document issued under it") in english, english
    assert rows(root) == ISSUED


@pytest.mark.parametrize("name", ["ke-hoach-ban-sao.yaml", "ke-hoach-doi-ten.yaml"])
def test_render_of_either_file_is_refused_alike(root: Path, name: str) -> None:
    renamed_and_copied(root)
    result = vanthu("render", f"inputs/2026/{name}", code=1)
    assert refusal(name) in said(result.output), result.output
    assert FILES in said(result.output)
    assert rows(root) == ISSUED
    assert not (root / "outputs" / "2026" / name.replace(".yaml", ".docx")).exists()


def test_check_refuses_both_as_the_build_does(root: Path) -> None:
    renamed_and_copied(root)
    result = vanthu("check", code=1)
    words = said(result.output)
    for name in ("ke-hoach-ban-sao.yaml", "ke-hoach-doi-ten.yaml"):
        assert refusal(name) in words, result.output
    # Not the warning that a build would give the copy a new number: it refuses both.
    assert "cấp thêm một số mới" not in words
    assert rows(root) == ISSUED


def test_the_copy_deleted_the_renamed_file_keeps_its_number(root: Path) -> None:
    _, copy = renamed_and_copied(root)
    vanthu("build", code=1)
    copy.unlink()
    vanthu("build")
    assert rows(root) == [(1, "inputs/2026/ke-hoach-doi-ten.yaml", Status.ISSUED)]


def test_the_copy_edited_and_the_renamed_file_rendered_first_each_has_its_number(
    root: Path,
) -> None:
    renamed, copy = renamed_and_copied(root)
    vanthu("build", code=1)
    copy.write_text(copy.read_text("utf-8").replace(SUMMARY, OTHER), "utf-8")
    assert "01/KH-SNV" in said(vanthu("render", str(renamed)).output)
    vanthu("build")
    assert rows(root) == [(1, "inputs/2026/ke-hoach-doi-ten.yaml", Status.ISSUED),
                          (2, "inputs/2026/ke-hoach-ban-sao.yaml", Status.ISSUED)]
