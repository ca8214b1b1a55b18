"""A form (data given as a mapping, Workspace.load_mapping) is no YAML file: a message about a
file it names that is missing says the folder the form's names are looked for from, and a
yes/no value it gives is not said to be YAML's reading; a YAML file's messages are unchanged.

The form variants are chosen as the others are (typed_as_yaml, the "_plain" keys of
pipeline/messages/data.py).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml
from pipeline.workspace import Workspace

AWARD = Path("2022") / "qd-giay-khen.yaml"
CERTIFICATES = Path("2024") / "giay-khen-bang-khen-ubnd-tinh.yaml"
SUBMISSION = Path("2024") / "to-trinh-kem-du-thao.yaml"
DRAFT = Path("2024") / "kem-theo" / "du-thao-qd-bang-khen.yaml"
PLAN = Path("2022") / "ke-hoach-tdkt.yaml"

# What only a YAML file's message says: its file, or how to type a value in it.
YAML_WORDS = ("YAML", "quotes", "nháy")

Mutation = Callable[[dict[str, Any]], None]


def data_of(inputs: Path, relative: Path) -> dict[str, Any]:
    """A sample document's data, as a form would give it."""
    return copy.deepcopy(load_yaml(inputs / relative).data)


def form_error(
    inputs: Path, relative: Path, mutate: Mutation, *, placed: bool = True
) -> InputError:
    """The error of the sample at `relative`, changed by `mutate`, given as a form placed at
    that file's path (or, `placed=False`, with no path: bieu-mau.yaml in the data folder)."""
    data = data_of(inputs, relative)
    mutate(data)
    workspace = Workspace.containing(inputs / relative)
    with pytest.raises(InputError) as caught:
        workspace.load_mapping(data, inputs / relative if placed else None)
    return caught.value


def file_error(inputs: Path, relative: Path, mutate: Mutation) -> InputError:
    """The error of the same change written into the YAML file itself."""
    path = inputs / relative
    data = data_of(inputs, relative)
    mutate(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Workspace.containing(path).load(path)
    return caught.value


def missing_list(data: dict[str, Any]) -> None:
    data["khen_thuong"]["danh_sach"] = "khong-co.csv"


def missing_decision(data: dict[str, Any]) -> None:
    data["quyet_dinh"] = "qd-khong-co.yaml"


def assert_no_yaml(error: InputError) -> None:
    for lang in ("vi", "en"):
        message = error.message(lang)
        assert not [word for word in YAML_WORDS if word in message], message


@pytest.fixture()
def here(inputs_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The copy of inputs/, with the working folder its parent (folders shown as inputs/...)."""
    monkeypatch.chdir(inputs_copy.parent)
    return inputs_copy


def test_a_forms_missing_list_names_its_folder(here: Path) -> None:
    error = form_error(here, AWARD, missing_list)
    assert error.field == "khen_thuong.danh_sach"
    assert error.message("vi").endswith(
        "không tìm thấy danh sách 'khong-co.csv' (đặt tệp vào thư mục inputs/2022: tệp mà "
        "biểu mẫu nêu được tìm từ thư mục này)"
    )
    assert error.message("en").endswith(
        "list 'khong-co.csv' not found (put the file in the folder inputs/2022: the files a "
        "form names are looked for from there)"
    )
    assert_no_yaml(error)


def test_a_form_without_a_path_names_the_data_folder(here: Path) -> None:
    error = form_error(here, AWARD, missing_list, placed=False)
    assert "(put the file in the folder inputs:" in error.message("en")
    assert "(đặt tệp vào thư mục inputs:" in error.message("vi")
    assert_no_yaml(error)


def test_a_forms_missing_named_file_names_its_folder(here: Path) -> None:
    error = form_error(here, CERTIFICATES, missing_decision)
    assert error.field == "quyet_dinh"
    assert "(put it in the folder inputs/2024, under that name:" in error.message("en")
    assert "(đặt tệp vào thư mục inputs/2024, đúng tên:" in error.message("vi")
    assert_no_yaml(error)


def test_a_draft_written_in_a_form_names_the_forms_folder(here: Path) -> None:
    """A Tờ trình's draft decision written inside the form is a form too."""
    draft = data_of(here, DRAFT)
    draft.pop("loai", None)
    missing_list(draft)

    def inline(data: dict[str, Any]) -> None:
        data["du_thao"] = draft

    error = form_error(here, SUBMISSION, inline)
    assert error.field == "du_thao.khen_thuong.danh_sach"
    assert "(put the file in the folder inputs/2024:" in error.message("en")
    assert_no_yaml(error)


def test_a_draft_written_in_a_yaml_file_still_says_beside_the_yaml_file(here: Path) -> None:
    draft = data_of(here, DRAFT)
    draft.pop("loai", None)
    missing_list(draft)

    def inline(data: dict[str, Any]) -> None:
        data["du_thao"] = draft

    error = file_error(here, SUBMISSION, inline)
    assert error.field == "du_thao.khen_thuong.danh_sach"
    assert error.message("en").endswith("(put the file beside the YAML file)")


@pytest.mark.parametrize("value", [True, False])
def test_a_forms_yes_no_value_is_not_yamls_reading(here: Path, value: bool) -> None:
    def give(data: dict[str, Any]) -> None:
        data["so_ban"] = value

    error = form_error(here, PLAN, give)
    assert error.field == "so_ban"
    said = str(value).lower()
    assert error.message("en").endswith(
        f"a yes/no value ({said}) where text or a number was expected"
    )
    assert error.message("vi").endswith(f"giá trị đúng/sai ({said}) ở chỗ cần chữ hoặc số")
    assert_no_yaml(error)


def test_a_yaml_files_missing_list_still_says_beside_the_yaml_file(here: Path) -> None:
    error = file_error(here, AWARD, missing_list)
    assert error.message("vi").endswith(
        "không tìm thấy danh sách 'khong-co.csv' (đặt tệp cạnh tệp YAML)"
    )
    assert error.message("en").endswith(
        "list 'khong-co.csv' not found (put the file beside the YAML file)"
    )


def test_a_yaml_files_missing_named_file_still_says_beside_the_yaml_file(here: Path) -> None:
    error = file_error(here, CERTIFICATES, missing_decision)
    assert error.message("en").endswith(
        "the file 'qd-khong-co.yaml' this field names is not found (put it beside the YAML "
        "file, under that name)"
    )


def test_a_yaml_files_yes_no_value_keeps_its_advice(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("loai: ke_hoach\nso_ban: false\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert caught.value.message("en").endswith(
        "YAML reads 'false' as true/false, but text or a number belongs here; if it is text, "
        "put it in double quotes"
    )


# --- advice a model's validator gives (model.errors.library_reason: its "_plain" twin) -------

INVITATION = Path("2024") / "giay-moi-hoi-nghi-tong-ket.yaml"
LETTER = Path("2024") / "cv-don-doc-bao-cao-tdkt.yaml"


def time_as_number(data: dict[str, Any]) -> None:
    data["thoi_gian"]["gio"] = 7.3


def group_as_text(data: dict[str, Any]) -> None:
    data["noi_nhan"] = [line if line != {"nhom": "noi-bo"} else "nhom:noi-bo"
                        for line in data["noi_nhan"]]  # fmt: skip


def list_as_text(data: dict[str, Any]) -> None:
    data["noi_dung"].append("gach:[a, b]")


@pytest.mark.parametrize(
    ("relative", "mutate", "words"),
    [
        (INVITATION, time_as_number, 'give "7:30" (with a colon)'),
        (PLAN, group_as_text, "give that item as a key and its value (nhom: noi-bo)"),
        (LETTER, list_as_text, "give that item as a key and its value (gach: [a, b])"),
    ],
)
def test_a_forms_value_gets_no_advice_on_typing_yaml(
    here: Path, relative: Path, mutate: Mutation, words: str
) -> None:
    form = form_error(here, relative, mutate)
    assert words in form.message("en"), form.message("en")
    assert_no_yaml(form)
    typed = file_error(here, relative, mutate)  # the same in the YAML file: how to type it
    assert words not in typed.message("en")
    assert "quotes" in typed.message("en"), typed.message("en")
