"""One unit typed with a hyphen, an en dash (Word's AutoCorrect) or no spaces around the dash is
one unit (finding r10b F2): one person in it is one cá nhân, and the report has one row for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.awards import read_award_list
from pipeline.context.bao_cao import units_table
from pipeline.errors import InputError
from pipeline.figures import YearFigures, unit_key
from pipeline.text.tones import same_spelling
from tests.test_report import DECIDED, LIST_HEADER, award_list

SPELLINGS = (
    "Phòng Tổ chức - Hành chính",
    "Phòng Tổ chức – Hành chính",  # en dash
    "phòng tổ chức-hành chính",
    "Phòng Tổ chức — Hành chính",  # em dash
    "Phòng Tổ chức − Hành chính",  # minus sign
)


def test_a_dash_between_two_names_is_one_spelling() -> None:
    assert len({same_spelling(name) for name in SPELLINGS}) == 1
    assert same_spelling("Phòng Tổ chức") != same_spelling("Phòng Tổ chức - Hành chính")


def test_one_person_in_one_unit_typed_with_two_dashes_is_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    rows = [f"Lò Văn An,Chuyên viên,{unit},Giấy khen,Cá nhân\n" for unit in SPELLINGS[:2]]
    path.write_text(LIST_HEADER + "".join(rows), "utf-8")
    with pytest.raises(InputError) as caught:
        read_award_list(path, DECIDED)
    assert caught.value.key == "sheet.duplicate_entry"


def test_the_report_has_one_row_for_the_unit(tmp_path: Path) -> None:
    awards = award_list(tmp_path, "ds.csv", [
        f"Lò Văn An,Chuyên viên,{SPELLINGS[0]},Lao động tiên tiến,Cá nhân",
        f"Lò Văn An,Chuyên viên,{SPELLINGS[2]},Giấy khen,Cá nhân",
        f"Cầm Thị Bình,Kế toán,{SPELLINGS[1]},Lao động tiên tiến,Cá nhân",
    ])  # fmt: skip
    figures = YearFigures(2024)
    figures.add(awards)
    assert list(figures.by_unit) == [unit_key(SPELLINGS[0])]
    assert (figures.overall.individuals, figures.overall.collectives) == (2, 0)
    [row] = units_table(figures, 2)["dong"]
    assert row["ca_nhan"] == "2"
