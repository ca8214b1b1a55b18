"""What the yearly build keeps or reads faster gives what it gave before (issue 13): a sort key
read letter by letter, a decision's phrase values worked out once per list."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.awards import read_award_list
from pipeline.context.quyet_dinh import KIND_ORDER, award_values
from pipeline.rules.collation import _PLAIN_LETTERS, _clustered_key, vietnamese_key
from tests.test_awards import ROWS, sheet

TEXTS = [
    "Nguyễn Thị Thuỷ", "NGUYỄN THỊ THỦY", "Đặng  Văn\tĐức", "ðinh Ðức", "Lò Văn Ước",
    "Phòng Tổ chức - Hành chính", "Tổ 4", "Tổ 12", "Trường THCS số 09", "Müller", "François",
    "  Hoà   hòa ", "ﬁ", "Ǆuro", "A.B", "(Phó) Trưởng phòng", "", " ", "ß", "İstanbul", "x\u0301y",
]  # fmt: skip


@pytest.mark.parametrize("text", [*TEXTS, *(unicodedata.normalize("NFD", t) for t in TEXTS)])
def test_plain_letters_give_the_clustered_key(text: str) -> None:
    assert vietnamese_key.__wrapped__(text) == _clustered_key(unicodedata.normalize("NFC", text))


def test_every_plain_letter_is_keyed_as_its_clusters() -> None:
    for char in _PLAIN_LETTERS:
        for text in (char, f"{char}a {char}", f"Ba{char}{char}"):
            assert vietnamese_key.__wrapped__(text) == _clustered_key(text), text


def _decision(thanh_tich: str) -> SimpleNamespace:
    section = SimpleNamespace(hanh_dong="Tặng Giấy khen", thanh_tich=thanh_tich,
                              nguon_kinh_phi="Quỹ thi đua, khen thưởng.")  # fmt: skip
    return SimpleNamespace(khen_thuong=section)


def test_award_values_whatever_was_asked_first(tmp_path: Path) -> None:
    path = sheet(tmp_path, ROWS)
    collectives_first = KIND_ORDER["tap_the_truoc"]
    data = _decision("Đã có thành tích.")
    first = read_award_list(path, date(2023, 1, 15))
    by_kind_first = award_values(data, first, kinds=collectives_first)  # type: ignore[arg-type]
    second = read_award_list(path, date(2023, 1, 15))
    plain = award_values(data, second)  # type: ignore[arg-type]
    by_kind_after = award_values(data, second, kinds=collectives_first)  # type: ignore[arg-type]
    assert list(by_kind_after.items()) == list(by_kind_first.items())
    assert plain["so_luong"] == "04 cá nhân và 01 tập thể"
    assert by_kind_after["so_luong"] == "01 tập thể và 04 cá nhân"
    assert {k: v for k, v in plain.items() if not k.startswith("so_luong")} == {
        k: v for k, v in by_kind_after.items() if not k.startswith("so_luong")
    }


def test_award_values_are_the_callers_own_and_follow_the_decision(tmp_path: Path) -> None:
    awards = read_award_list(sheet(tmp_path, ROWS), date(2023, 1, 15))
    values = award_values(_decision("Đã có thành tích."), awards)  # type: ignore[arg-type]
    values["tong_tien"] = "changed"
    values["extra"] = "added"
    again = award_values(_decision("Đã có thành tích."), awards)  # type: ignore[arg-type]
    assert again["tong_tien"] != "changed" and "extra" not in again
    assert again["thanh_tich"] == "Đã có thành tích"
    edited = award_values(_decision("Hoàn thành xuất sắc."), awards)  # type: ignore[arg-type]
    assert edited["thanh_tich"] == "Hoàn thành xuất sắc"
