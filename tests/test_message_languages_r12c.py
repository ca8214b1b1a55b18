"""vanthu as a library behind a web portal: an error's message in the language asked for, and
form errors without advice about typing YAML.

A portal serving Vietnamese and English pages asks each error for `message("vi")` or
`message("en")`; whatever language the process last set (pipeline.i18n.set_language), each
must be wholly in the language asked for. Data given as a mapping (Workspace.load_mapping) was
never typed as YAML: its errors say the value in plain terms and name a field to highlight.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from pipeline.api import load_document
from pipeline.errors import InputError
from pipeline.i18n import set_language
from pipeline.load.yaml_source import load_yaml
from pipeline.model.errors import library_reason
from pipeline.paths import shown
from pipeline.phrase import Phrase
from pipeline.workspace import Workspace

# Words only one of the two languages uses (whole words), as a message's frame would say them.
VIETNAMESE_ONLY = ("phải", "không", "trường", "dòng", "nhận được", "hoặc", "của", "đơn vị",
                   "giá trị", "có phải", "thiếu", "ngày", "khoản")  # fmt: skip
ENGLISH_ONLY = ("must", "field", "line", "invalid", "did you mean", "got", "value", "or",
                "needs", "unit", "correct", "missing", "date", "item", "number")  # fmt: skip

Mutation = Callable[[dict[str, Any]], None]


def _set(key: str, value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        data[key] = value

    return mutate


def _drop(key: str) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        del data[key]

    return mutate


def _first_item(item: dict[str, Any]) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        data["muc"][0]["khoan"][0] = item

    return mutate


# A sample of pydantic's and vanthu's own reasons, with suggestions, a date and a number.
CASES: dict[str, Mutation] = {
    "ge": _set("so", -5),
    "min_length": _set("trich_yeu", ""),
    "missing": _drop("trich_yeu"),
    "extra_with_suggestion": _set("trich_yue", "x"),
    "bad_date": _set("ngay", "31/02/2026"),
    "number_text": _set("so_ban", "hai"),
    "number_or_auto": _set("so", "tudong"),
    "list_where_text": _set("ket_thuc", ["a", "b"]),
    "item_without_heading": _first_item({"doan": ["x"]}),
}


@pytest.fixture()
def current_language() -> Iterator[Callable[[str], None]]:
    """Set the process's language for the test; Vietnamese again after it."""
    yield set_language
    set_language("vi")


def plan(inputs_copy: Path) -> tuple[Path, dict[str, Any]]:
    path = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    return path, load_yaml(path).data


def words_of(error: InputError, lang: str) -> str:
    """The message in `lang` without the file's name (a tmp path may hold any word)."""
    assert error.file is not None
    return error.message(lang).replace(shown(Path(error.file)), "")


def foreign_words(message: str, lang: str) -> list[str]:
    """Words of the other language in a message said in `lang`."""
    others = VIETNAMESE_ONLY if lang == "en" else ENGLISH_ONLY
    return [w for w in others if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", message, re.I)]


def assert_each_language_whole(error: InputError) -> None:
    for lang in ("vi", "en"):
        message = words_of(error, lang)
        assert not foreign_words(message, lang), (lang, message)


@pytest.mark.parametrize("raised_in", ["vi", "en"])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_form_error_is_wholly_in_the_language_asked_for(
    inputs_copy: Path, current_language: Callable[[str], None], case: str, raised_in: str
) -> None:
    path, data = plan(inputs_copy)
    CASES[case](data)
    current_language(raised_in)
    with pytest.raises(InputError) as caught:
        Workspace.containing(path).load_mapping(data, path)
    assert_each_language_whole(caught.value)


@pytest.mark.parametrize("raised_in", ["vi", "en"])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_file_error_is_wholly_in_the_language_asked_for(
    inputs_copy: Path, current_language: Callable[[str], None], case: str, raised_in: str
) -> None:
    path, data = plan(inputs_copy)
    CASES[case](data)
    written = path.with_name("sua.yaml")
    written.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    current_language(raised_in)
    with pytest.raises(InputError) as caught:
        load_document(written)
    assert_each_language_whole(caught.value)


def test_the_suggestion_follows_the_language_of_the_message(
    inputs_copy: Path, current_language: Callable[[str], None]
) -> None:
    path, data = plan(inputs_copy)
    data["trich_yue"] = data.pop("trich_yeu")
    current_language("en")
    with pytest.raises(InputError) as caught:
        Workspace.containing(path).load_mapping(data, path)
    assert caught.value.message("vi").endswith("(có phải 'trich_yeu'?)")
    assert caught.value.message("en").endswith("(did you mean 'trich_yeu'?)")


def test_a_profiles_own_check_says_its_parts_in_the_language_asked_for(
    inputs_copy: Path, current_language: Callable[[str], None]
) -> None:
    """A vanthu validator's message (an agency's unit written in mixed case) and the phrases
    inside it (where the abbreviation prints, what else to correct)."""
    profile = inputs_copy / "co-quan" / "van-phong-ubnd-son-la.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("  TTTT:", "  TTtt:"),
                       encoding="utf-8")  # fmt: skip
    current_language("en")
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / "2022" / "ke-hoach-tdkt.yaml")
    assert caught.value.field == "don_vi.TTtt"
    vietnamese = words_of(caught.value, "vi")
    assert "công văn của đơn vị in «Số: 01/...-TTtt»" in vietnamese
    assert "và sửa don_vi_soan_thao: TTTT" in vietnamese
    assert_each_language_whole(caught.value)


class _Choice(BaseModel):
    kind: Literal["mot", "hai", "ba"]


def test_the_choices_a_field_takes_are_joined_in_the_language_asked_for(
    current_language: Callable[[str], None],
) -> None:
    current_language("en")
    with pytest.raises(ValidationError) as caught:
        _Choice.model_validate({"kind": "bon"})
    reason = library_reason(caught.value.errors()[0])
    assert isinstance(reason, Phrase)
    assert reason.describe("vi") == "chỉ nhận 'mot', 'hai' hoặc 'ba'"
    assert reason.describe("en") == "must be 'mot', 'hai' or 'ba'"


# --- a form is not typed as YAML ------------------------------------------------------------

YAML_ADVICE = ("YAML", "quotes", "colon", "'- '", "indented", "nháy", "hai chấm", "thụt")


def form_error(inputs_copy: Path, mutate: Mutation) -> InputError:
    path, data = plan(inputs_copy)
    mutate(data)
    with pytest.raises(InputError) as caught:
        Workspace.containing(path).load_mapping(data, path)
    return caught.value


def file_error(inputs_copy: Path, mutate: Mutation) -> InputError:
    path, data = plan(inputs_copy)
    mutate(data)
    written = path.with_name("sua.yaml")
    written.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_document(written)
    return caught.value


@pytest.mark.parametrize(
    ("mutate", "english"),
    [
        (_set("trich_yeu", None), "this field has no value but needs one"),
        (_set("trich_yeu", {"Tháng 6": "sơ kết"}), "must be text (got: a group of named values)"),
        (_set("ket_thuc", ["a"]), "must be text (got: a list of values)"),
        (_set("muc", "một mục"), "must be a list (got: 'một mục')"),
    ],
    ids=["empty", "mapping_for_text", "list_for_text", "text_for_list"],
)
def test_a_form_error_says_the_value_without_yaml_advice(
    inputs_copy: Path, mutate: Mutation, english: str
) -> None:
    error = form_error(inputs_copy, mutate)
    assert error.message("en").endswith(english)
    for lang in ("vi", "en"):
        message = words_of(error, lang)
        assert not [w for w in YAML_ADVICE if w in message], message


@pytest.mark.parametrize(
    ("mutate", "advice"),
    [
        (_set("trich_yeu", None), "write it after the colon"),
        (_set("trich_yeu", {"Tháng 6": "sơ kết"}), "put the whole text in double quotes"),
        (_set("ket_thuc", ["a"]), "a list of '- ...' items"),
        (_set("muc", "một mục"), "one item per line starting with '- '"),
    ],
    ids=["empty", "colon_in_text", "list_for_text", "text_for_list"],
)
def test_a_file_error_keeps_its_yaml_advice(
    inputs_copy: Path, mutate: Mutation, advice: str
) -> None:
    assert advice in file_error(inputs_copy, mutate).message("en")


@pytest.mark.parametrize("key", [1, "Trích yếu", "2026"], ids=["int", "words", "digits"])
def test_a_forms_unknown_key_names_the_field_as_given(inputs_copy: Path, key: Any) -> None:
    """A key no field has, even one that is no name (1, "Trích yếu"): the form can point at
    it."""
    error = form_error(inputs_copy, _set(key, "x"))
    assert error.key == "data.unknown_field"
    assert error.field == str(key)
    assert f"field '{key}'" in error.message("en")
