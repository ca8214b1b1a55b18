"""The year's first number given to a document dated well after January: build and render warn
that the office's earlier numbers of the year may be in a paper or Excel sổ not imported.

A commune starting with vanthu in July, its January–June numbers in its Excel sổ, was given
01/QĐ-UBND for July's decision without a word: a number already issued in January. The warning
(once per office and year, Vietnamese or English) names the document and the command that
imports the old sổ over the numbers just given; it is not said for a document of January or
February, nor once the register holds any row of the year (an imported sổ, an earlier build).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.register.test_shared_register_r8 import printed_number
from tests.register_setup import no_register_env  # noqa: F401  (fixture)
from tests.test_register_r12a_numbering import (
    OLD_BOOK,
    book,
    build,
    document,
    manifest_number,
    office,
    output,
    said,
    two_documents,
    vanthu,
)

FIRST = "là số đầu tiên năm 2026 trong sổ văn bản đi"


def test_build_warns_once_when_01_goes_to_a_july_document_and_the_hint_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two_documents(tmp_path, monkeypatch)
    result = build(root, monkeypatch)
    text = said(result)
    assert text.count(FIRST) == 1, result.output
    assert (f"inputs/2026/qd-07.yaml: 01/QĐ-UBND {FIRST}, nhưng văn bản đề ngày 15/07/2026"
            in text)
    assert "sổ giấy hoặc sổ Excel" in text
    hint = "vanthu so nhap --doi-so-da-cap SO-DI-2026.xlsx"
    assert hint in text
    # The next numbers of the year are not the year's first: nothing more is said.
    document(root, monkeypatch, "kh-08", "03/08/2026", kind="ke-hoach")
    assert FIRST not in said(build(root, monkeypatch))
    # As the warning says: the old sổ imported over the numbers given, the build reprints.
    sheet = book(root / "SO-DI-2026.xlsx", {"Sổ đi 2026": OLD_BOOK})
    imported = vanthu(root, monkeypatch, *hint.split()[1:-1], str(sheet))
    assert imported.exit_code == 0, imported.output
    build(root, monkeypatch)
    assert manifest_number(root, "qd-07") == "07/QĐ-UBND"
    assert printed_number(output(root, "qd-07")).startswith("Số: 07/QĐ-UBND")


def test_build_says_it_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = office(tmp_path)
    document(root, monkeypatch, "qd-07", "15/07/2026")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["--lang", "en", "build"])
    assert result.exit_code == 0, result.output
    text = said(result)
    assert ("inputs/2026/qd-07.yaml: 01/QĐ-UBND is the first number of 2026 in the register, "
            "but the document is dated 15/07/2026") in text, result.output
    assert "vanthu so nhap --doi-so-da-cap SO-DI-2026.xlsx" in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_render_warns_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    root = office(tmp_path)
    path = document(root, monkeypatch, "qd-07", "15/07/2026")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["--lang", lang, "render", str(path)])
    assert result.exit_code == 0, result.output
    words = {"vi": FIRST, "en": "is the first number of 2026 in the register"}[lang]
    assert said(result).count(words) == 1, result.output
    again = CliRunner().invoke(main, ["--lang", lang, "render", str(
        document(root, monkeypatch, "qd-08", "01/08/2026"))])
    assert words not in said(again), again.output


@pytest.mark.parametrize("day", ["05/01/2026", "27/02/2026"])
def test_not_for_a_document_of_january_or_february(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day: str
) -> None:
    root = office(tmp_path)
    document(root, monkeypatch, "qd", day)
    assert FIRST not in said(build(root, monkeypatch))


def test_not_when_the_build_numbers_a_january_document_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build numbering the year from January (its July decision in a run of its own): the
    year's numbering began in January."""
    root = office(tmp_path)
    assert vanthu(root, monkeypatch, "so", "day-so", "QĐ=quyet-dinh", "--tu-nam",
                  "2026").exit_code == 0
    document(root, monkeypatch, "qd-07", "15/07/2026")
    document(root, monkeypatch, "cv-01", "12/01/2026", kind="cong-van")
    result = build(root, monkeypatch)
    assert manifest_number(root, "qd-07") == "01/QĐ-UBND"
    assert FIRST not in said(result), result.output


def test_not_once_the_old_sorted_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    sheet = book(tmp_path / "so-di-2026.xlsx", {"Sổ đi 2026": OLD_BOOK})
    assert vanthu(root, monkeypatch, "so", "nhap", str(sheet)).exit_code == 0
    document(root, monkeypatch, "qd-07", "15/07/2026")
    result = build(root, monkeypatch)
    assert manifest_number(root, "qd-07") == "07/QĐ-UBND"
    assert FIRST not in said(result), result.output
