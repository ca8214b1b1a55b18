"""PhraseOverrides (cau_chu:) checks each phrase by its own key, as a field: every bad entry of a
record is reported, in the order of data/cau-chu.yaml, with its catalogue message; text is
trimmed (a list phrase's lines too), None is no phrase. Its fields' schema is given directly
(model/wording._Phrase), not derived from `str | None` with a validator on every field."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from pipeline.i18n import set_language
from pipeline.model.wording import PhraseOverrides
from pipeline.phrase import Phrase
from pipeline.rules.phrases import FIELDS, LISTS, REQUIRED, default_phrases, known_names


def known(key: str) -> str:
    return ", ".join(f"{{{{ {n} }}}}" for n in known_names(key))


def test_each_bad_phrase_is_reported_at_its_key_in_the_table_s_order() -> None:
    set_language("vi")
    required = sorted(REQUIRED)[0]
    (listed,) = LISTS
    data = {
        "luu": "Lưu: {{ khong_co }}",  # an unknown field
        "nhu_dieu": 5,  # not text
        listed: ["a {{ x", "b"],  # a broken tag in a list phrase
        "theo_de_nghi": ["x"],  # a list where a text is
        required: "  ",  # a phrase that must say something, empty
        "phu_luc_ten": "Phụ lục {{ so }}",  # good
        "tong_cong": "x",  # no such phrase
    }
    with pytest.raises(ValidationError) as caught:
        PhraseOverrides.model_validate(data)
    errors = [(e["loc"], e["type"], e["msg"]) for e in caught.value.errors()]
    mine = {
        "luu": str(Phrase("wording.unknown_field", name="khong_co", known=known("luu"))),
        listed: str(Phrase("wording.bad_tag", tag="{{ x", known=known(listed))),
        required: str(
            Phrase(f"wording.empty_phrase.{REQUIRED[required]}",
                   default=default_phrases()[required])
        ),
    }  # fmt: skip
    in_order = [key for key in FIELDS if key in data and key != "phu_luc_ten"]
    assert [loc for loc, _, _ in errors] == [(key,) for key in in_order] + [("tong_cong",)]
    for loc, kind, message in errors:
        if loc[0] in mine:
            assert (kind, message) == ("vanthu", mine[loc[0]])
        else:
            assert kind == {"tong_cong": "extra_forbidden"}.get(loc[0], "string_type")


def test_phrases_are_trimmed_and_none_is_no_phrase() -> None:
    (listed,) = LISTS
    record = PhraseOverrides.model_validate(
        {listed: [" a ", "b"], "luu": " Lưu: VT ", "nhu_dieu": None}
    )
    assert record.model_dump(exclude_none=True) == {"luu": "Lưu: VT", listed: ["a", "b"]}
