"""`vanthu check` of a numbered data file renamed (s57 R6): the build hands the issued number over
to the renamed file (Register.adopt_moved when its old name is gone, Register.renamed_rows when
a new document took that name), so check does not warn it as a copy not yet edited that would
take a second number (documents.copy_of_numbered, takes_over_number), whether one file or the
whole workspace is checked. A real copy, its original still there, is still warned of; a renamed
file and a copy of it are still refused (tests/test_renamed_and_copied_s56.py).

Only a workspace's own register knows which data files are gone (a shared PostgreSQL register
gives a renamed file a new number, and check rightly warns it): the first tests use that
register; the old name reused is judged alike on SQLite and PostgreSQL (`location`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.register import Status
from tests.register.conftest import location, pg_server  # noqa: F401  (fixtures)
from tests.test_register_identity_s54 import OTHER, fresh_office, plan
from tests.test_register_identity_s54 import rows as rows_in
from tests.test_renamed_and_copied_s56 import ISSUED, root, rows
from tests.test_s55_t5_register import said, vanthu

__all__ = ["root"]  # the fixture, used by name

RENAMED = "inputs/2026/ke-hoach-doi-ten.yaml"
COPY_VI = "tệp được chép mà chưa sửa"
COPY_EN = "a file copied and not yet edited"


def built_and_renamed(root: Path) -> Path:
    """inputs/2026/ke-hoach.yaml built as 01/KH-SNV, then renamed RENAMED: the renamed file."""
    original = plan(root, "ke-hoach.yaml", "05/03/2026")
    vanthu("build")
    return original.rename(root / RENAMED)


def test_check_of_a_renamed_file_warns_of_no_copy(root: Path) -> None:
    built_and_renamed(root)
    for args in (("check", RENAMED), ("check",)):
        words = said(vanthu(*args).output)
        assert COPY_VI not in words and "Cảnh báo" not in words, words
        assert f"Hợp lệ: {RENAMED}" in words
        english = said(vanthu("--lang", "en", *args).output)
        assert COPY_EN not in english and "Warning" not in english, english
    assert rows(root) == ISSUED  # check only reads


def test_the_renamed_file_keeps_its_number_as_check_said(root: Path) -> None:
    built_and_renamed(root)
    assert COPY_VI not in said(vanthu("check").output)
    rendered = said(vanthu("--lang", "en", "render", RENAMED).output)
    assert "Number from the register: 01/KH-SNV" in rendered and "Warning" not in rendered
    words = said(vanthu("build").output)
    assert "Cảnh báo" not in words, words
    assert rows(root) == [(1, RENAMED, Status.ISSUED)]


def test_a_copy_with_its_original_there_is_still_warned_of(root: Path) -> None:
    original = plan(root, "ke-hoach.yaml", "05/03/2026")
    vanthu("build")
    shutil.copy(original, original.with_name("ke-hoach-ban-sao.yaml"))
    words = said(vanthu("check").output)
    copy = "inputs/2026/ke-hoach-ban-sao.yaml: văn bản giống hệt số 01/KH-SNV 05/03/2026"
    assert copy in words and words.count(COPY_VI) == 1, words
    english = said(vanthu("--lang", "en", "check", "inputs/2026/ke-hoach-ban-sao.yaml").output)
    assert COPY_EN in english, english


def test_a_renamed_file_whose_old_name_a_new_document_took_is_warned_of_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, location: str,  # noqa: F811
) -> None:
    root = fresh_office(tmp_path, monkeypatch, location)
    built_and_renamed(root)
    plan(root, "ke-hoach.yaml", "05/03/2026", OTHER)
    for args in (("check", RENAMED), ("check",)):
        words = said(vanthu(*args).output)
        assert COPY_VI not in words, words
    assert COPY_EN not in said(vanthu("--lang", "en", "check").output)
    vanthu("build")  # as check said: the renamed file keeps 01, the new document takes 02
    assert [(number, source) for number, _, _, source, _ in rows_in(location)] == [
        (1, RENAMED), (2, "inputs/2026/ke-hoach.yaml")]
