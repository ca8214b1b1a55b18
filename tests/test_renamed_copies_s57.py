"""A numbered data file renamed and copied, its old name gone (s57 R3), when only one folder of
the workspace is built, and when the copy is edited before the next build.

Which of the renamed file and its copy holds the number cannot be told, so build, render and
check refuse both (tests/test_renamed_and_copied_s56.py): a build of one folder judges it with
the workspace's files outside the folder too, as a render of one file does, and the number never
goes to the copy built alone. A copy whose trích yếu is edited is another document of that day:
the renamed file, still recording the issued document, keeps the number and the copy is given
the next one, in the same build (not refused as a number "left behind" by a renamed and edited
file), whatever part of the workspace is built first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.register import Status
from tests.test_register_identity_s54 import OTHER, SUMMARY, plan
from tests.test_renamed_and_copied_s56 import ISSUED, NUMBER_LINE, root, rows
from tests.test_s55_t5_register import said, vanthu

__all__ = ["root"]  # the fixture, used by name

FOLDER = "inputs/2026/quyet-dinh"
RENAMED = "inputs/2026/ke-hoach-doi-ten.yaml"
COPY = f"{FOLDER}/ke-hoach-ban-sao.yaml"
LEFT_BEHIND = "(cùng loại văn bản) đã cấp cho"  # the refusal of a renamed and edited file


def renamed_and_copied(root: Path, renamed: str = RENAMED, copy: str = COPY) -> tuple[Path, Path]:
    """inputs/2026/ke-hoach.yaml built as 01/KH-SNV, then copied to `copy` and renamed
    `renamed` (one of them in inputs/2026/quyet-dinh/): the renamed file and the copy."""
    original = plan(root, "ke-hoach.yaml", "05/03/2026")
    vanthu("build")
    (root / FOLDER).mkdir()
    shutil.copy(original, root / copy)
    original.rename(root / renamed)
    return root / renamed, root / copy


BOTH = (f"tệp inputs/2026/ke-hoach.yaml giữ số đó không còn nữa (đã đổi tên hoặc chuyển đi), "
        f"còn {RENAMED}, {COPY} đều ghi văn bản đã cấp số ấy")


def refusal(name: str) -> str:
    """The refusal of data file `name`, at its `so:` line (BOTH: the files it names)."""
    return f"{name}, dòng {NUMBER_LINE}, trường 'so': chưa cấp số: không rõ số 01/KH-SNV 05/03/2026"


def edit_summary(path: Path) -> None:
    """`path`'s trích yếu made OTHER: another document of the same type and date."""
    path.write_text(path.read_text("utf-8").replace(SUMMARY, OTHER), "utf-8")


def test_a_build_of_the_copys_folder_refuses_it_the_row_left_as_issued(root: Path) -> None:
    renamed_and_copied(root)
    result = vanthu("build", FOLDER, code=1)
    words = said(result.output)
    assert refusal(COPY) in words and BOTH in words, result.output
    assert rows(root) == ISSUED
    assert not (root / "outputs/2026/quyet-dinh/ke-hoach-ban-sao.docx").exists()
    # The way out said is the one that works: edit the copy and build again.
    assert ("nếu bản sao là một văn bản khác, hãy sửa trích yếu của nó (giữ so: tu_dong) rồi "
            "dựng lại: tệp đã đổi tên giữ số đã cấp, bản sao được cấp số mới") in words
    english = said(vanthu("--lang", "en", "build", FOLDER, code=1).output)
    assert ("if the copy is another document, edit its trích yếu (keeping so: tu_dong) and "
            "build again: the renamed file keeps the number and the copy is given a new "
            "one") in english, english
    assert rows(root) == ISSUED


def test_a_build_of_the_renamed_files_folder_refuses_it(root: Path) -> None:
    renamed, copy = f"{FOLDER}/ke-hoach-doi-ten.yaml", "inputs/2026/ke-hoach-ban-sao.yaml"
    renamed_and_copied(root, renamed, copy)
    result = vanthu("build", FOLDER, code=1)
    assert (f"{renamed}, dòng {NUMBER_LINE}, trường 'so': chưa cấp số: không rõ số "
            "01/KH-SNV") in said(result.output), result.output
    assert f"còn {copy}, {renamed} đều ghi văn bản đã cấp số ấy" in said(result.output)
    assert rows(root) == ISSUED


def test_render_and_check_of_the_copy_in_its_folder_refuse_it_alike(root: Path) -> None:
    renamed_and_copied(root)
    for command in ("render", "check"):
        words = said(vanthu(command, COPY, code=1).output)
        assert refusal(COPY) in words and BOTH in words, words
    assert rows(root) == ISSUED


def test_the_copy_deleted_a_build_of_its_folder_then_of_the_workspace(root: Path) -> None:
    _, copy = renamed_and_copied(root)
    vanthu("build", FOLDER, code=1)
    copy.unlink()
    vanthu("build")
    assert rows(root) == [(1, RENAMED, Status.ISSUED)]


def test_a_name_reused_in_the_folder_leaves_the_number_to_the_file_renamed_out(
    root: Path,
) -> None:
    """A file of the folder built, renamed out of it, and a new document written under its old
    name: a build of the folder hands the number to the renamed file outside it (as render
    does), and numbers the new document anew, instead of rewriting the row for it."""
    (root / FOLDER).mkdir(parents=True)
    old = plan(root, "quyet-dinh/ke-hoach.yaml", "05/03/2026")
    vanthu("build")
    old.rename(root / RENAMED)
    plan(root, "quyet-dinh/ke-hoach.yaml", "05/03/2026", OTHER)
    result = vanthu("build", FOLDER)
    assert "02/KH-SNV" in said(result.output), result.output
    assert rows(root) == [(1, RENAMED, Status.ISSUED),
                          (2, f"{FOLDER}/ke-hoach.yaml", Status.ISSUED)]


def test_the_copy_edited_and_built_at_once_each_has_its_number(root: Path) -> None:
    renamed, copy = renamed_and_copied(root, copy="inputs/2026/ke-hoach-ban-sao.yaml")
    vanthu("build", code=1)
    edit_summary(copy)
    result = vanthu("build")
    assert LEFT_BEHIND not in said(result.output), result.output
    assert rows(root) == [(1, RENAMED, Status.ISSUED),
                          (2, "inputs/2026/ke-hoach-ban-sao.yaml", Status.ISSUED)]
    assert (root / "outputs/2026/ke-hoach-doi-ten.docx").is_file()


def test_the_copy_edited_built_alone_in_its_folder_first(root: Path) -> None:
    _, copy = renamed_and_copied(root)
    edit_summary(copy)
    result = vanthu("build", FOLDER)
    assert LEFT_BEHIND not in said(result.output), result.output
    assert rows(root) == [*ISSUED, (2, COPY, Status.ISSUED)]
    vanthu("build")
    assert rows(root) == [(1, RENAMED, Status.ISSUED), (2, COPY, Status.ISSUED)]


@pytest.mark.parametrize("command", ["render", "check"])
def test_render_and_check_of_the_edited_copy_alone_are_not_refused(
    root: Path, command: str,
) -> None:
    _, copy = renamed_and_copied(root)
    edit_summary(copy)
    assert LEFT_BEHIND not in said(vanthu(command, COPY).output)
    vanthu("render", RENAMED)
    assert rows(root)[0] == (1, RENAMED, Status.ISSUED)


def test_an_edited_copy_beside_the_renamed_file_and_an_unedited_copy(root: Path) -> None:
    """The renamed file and its unedited copy are refused until the clerk says which is which;
    the edited copy, another document, is numbered anew meanwhile (--keep-going)."""
    _, copy = renamed_and_copied(root)
    edited = root / FOLDER / "ke-hoach-khac.yaml"
    shutil.copy(copy, edited)
    edit_summary(edited)
    result = vanthu("build", "--keep-going", code=1)
    words = said(result.output)
    assert refusal(COPY) in words and refusal(RENAMED) in words and BOTH in words, words
    assert LEFT_BEHIND not in words
    assert rows(root) == [*ISSUED, (2, f"{FOLDER}/ke-hoach-khac.yaml", Status.ISSUED)]
