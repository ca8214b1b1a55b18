"""A list named by a form (data given as a mapping, Workspace.load_mapping) has no data file to
write 'cot' in: the refusals of its columns that advise on 'cot' say "in the form" (their
"_plain" twins in pipeline/messages/sheet.py, chosen when the source was not typed as YAML:
load.validation.typed_as_yaml, load.spreadsheet.header.said_to_form); a YAML file's are
unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import InputError
from pipeline.load.spreadsheet.header import COT_ADVICE, said_to_form
from pipeline.messages import CATALOGUE
from tests.test_form_messages_s39 import AWARD, Mutation, file_error, form_error, here

__all__ = ["here"]  # the fixture, used by name

COUNCIL = Path("2022") / "qd-thanh-lap-hoi-dong.yaml"
# What only a message about a data file says.
FILE_WORDS = ("data file", "tệp dữ liệu", "YAML")
FORM_WORDS = {"en": "next to 'danh_sach' in the form", "vi": "cạnh 'danh_sach' của biểu mẫu"}


def unknown_name_column(data: dict[str, Any]) -> None:
    data["khen_thuong"]["cot"] = {"ho_ten": "Tên cán bộ"}


def unit_as_name(data: dict[str, Any]) -> None:
    data["khen_thuong"]["cot"] = {"ho_ten": "Đơn vị"}


def council_unknown_role(data: dict[str, Any]) -> None:
    data["hoi_dong"]["cot"] = {"vai_tro": "Nhiệm vụ được giao"}


def unit_under_another_header(here: Path) -> Mutation:
    """A list whose units are under "Bộ phận" (no Đơn vị column), named by the decision."""
    (here / "2022" / "ds-bo-phan.csv").write_text(
        "Họ và tên,Chức vụ,Bộ phận,Hình thức,Loại\n"
        "Nguyễn Đức Thọ,Chuyên viên,Phòng Tổng hợp,Giấy khen của Chánh Văn phòng,Cá nhân\n",
        encoding="utf-8",
    )

    def name(data: dict[str, Any]) -> None:
        data["khen_thuong"]["danh_sach"] = "ds-bo-phan.csv"

    return name


def assert_said_to_form(error: InputError, key: str) -> None:
    assert error.key == f"{key}_plain", error.message("en")
    for lang, words in FORM_WORDS.items():
        message = error.message(lang)
        assert words in message, message
        assert not [w for w in FILE_WORDS if w in message], message


def assert_said_of_file(error: InputError, key: str) -> None:
    assert error.key == key, error.message("en")
    assert "next to 'danh_sach' in the data file" in error.message("en")
    assert "cạnh 'danh_sach' trong tệp dữ liệu" in error.message("vi")


# --- the refusals of a list a form names, and of the same list a YAML file names -----------

CASES = [
    (AWARD, unknown_name_column, "sheet.missing_column"),
    (AWARD, unit_as_name, "sheet.column_two_fields"),
    (COUNCIL, council_unknown_role, "sheet.missing_column"),
]


@pytest.mark.parametrize(("relative", "mutate", "key"), CASES)
def test_a_forms_list_column_says_the_form(
    here: Path, relative: Path, mutate: Mutation, key: str
) -> None:
    assert_said_to_form(form_error(here, relative, mutate), key)


@pytest.mark.parametrize(("relative", "mutate", "key"), CASES)
def test_a_yaml_files_list_column_still_says_the_data_file(
    here: Path, relative: Path, mutate: Mutation, key: str
) -> None:
    assert_said_of_file(file_error(here, relative, mutate), key)


def test_a_forms_unread_unit_column_says_the_form(here: Path) -> None:
    error = form_error(here, AWARD, unit_under_another_header(here))
    assert_said_to_form(error, "sheet.unread_column")
    assert error.row == 2 and error.file is not None and error.file.endswith("ds-bo-phan.csv")
    assert "in 'cot' the key don_vi with the value \"Bộ phận\"" in error.message("en")
    assert "trong 'cot' khóa don_vi với giá trị \"Bộ phận\"" in error.message("vi")


def test_a_yaml_files_unread_unit_column_still_says_the_data_file(here: Path) -> None:
    error = file_error(here, AWARD, unit_under_another_header(here))
    assert_said_of_file(error, "sheet.unread_column")
    assert 'cot: {don_vi: "Bộ phận"}' in error.message("en")


def test_a_form_with_a_close_header_says_the_form(here: Path) -> None:
    """"Họ tên" misspelt: the likely header is offered, and 'cot' placed in the form."""
    (here / "2022" / "ds-ho-ten.csv").write_text(
        "Họ và tênn,Chức vụ,Đơn vị,Hình thức,Loại\n"
        "Nguyễn Đức Thọ,Chuyên viên,Phòng Tổng hợp,Giấy khen của Chánh Văn phòng,Cá nhân\n",
        encoding="utf-8",
    )

    def name(data: dict[str, Any]) -> None:
        data["khen_thuong"]["danh_sach"] = "ds-ho-ten.csv"

    assert_said_to_form(form_error(here, AWARD, name), "sheet.missing_column_close")
    assert_said_of_file(file_error(here, AWARD, name), "sheet.missing_column_close")


# --- the twins themselves ----------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(COT_ADVICE))
def test_each_cot_advice_has_a_form_twin_in_both_languages(key: str) -> None:
    plain = CATALOGUE[f"{key}_plain"]
    for lang, words in FORM_WORDS.items():
        assert words in plain[lang], plain[lang]
        assert words not in CATALOGUE[key][lang]
        assert not [w for w in FILE_WORDS if w in plain[lang]], plain[lang]


def test_said_to_form_keeps_the_place_and_the_values() -> None:
    error = InputError("sheet.column_two_fields", file="ds.xlsx", sheet="DS", row=3, column=2,
                       field="Đơn vị", letter="B", header="Đơn vị", first="Họ và tên",
                       second="Đơn vị", declared="")  # fmt: skip
    plain = said_to_form(error)
    assert plain.key == "sheet.column_two_fields_plain"
    assert (plain.file, plain.sheet, plain.row, plain.column, plain.field) == (
        "ds.xlsx", "DS", 3, 2, "Đơn vị"
    )
    assert plain.params == error.params


def test_said_to_form_leaves_other_refusals_alone() -> None:
    """A key of a list's refusal whose "_plain" key means something else (no suggestion)."""
    error = InputError("money.unknown_office_award", suggestion="Giấy khen", name="x")
    assert said_to_form(error) is error
