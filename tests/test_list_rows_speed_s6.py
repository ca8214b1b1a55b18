"""Reading an award list by fewer steps a row (session 6): the order by unit ranks each unit
once (awards._unit_ranks) instead of comparing units' keys pair by pair; the order it gives
must be the one the keys themselves give."""

from __future__ import annotations

import random
import unicodedata
from datetime import date
from pathlib import Path

from pipeline.awards import Entry, _recipient_key, _unit_ranks, read_award_list
from pipeline.rules.collation import vietnamese_key
from tests.test_awards import sheet

UNITS = [
    "Tổ 12", "Tổ 4", "Tổ 4A", "Phòng Tư pháp", "Phòng Tổng hợp", "Ủy ban nhân dân xã",
    "Uỷ ban nhân dân xã", "Đội Quản lý", "Dội Quản lý", "Ban Tiếp công dân", "ban tiếp công dân",
    "", "Phòng Hòa Bình",
]  # fmt: skip
NAMES = ["Lò Văn An", "Cầm Thị Ánh", "Đinh Văn Ân", "Hà Thị Bình", "Nguyễn Văn Em", "Lò Văn Ân"]


def _entry(name: str, unit: str, collective: bool, row: int) -> Entry:
    return Entry(name, "", unit, "Giấy khen", collective, None, "", row)


def test_unit_ranks_order_as_the_keys_do() -> None:
    picked = random.Random(6)
    for _ in range(200):
        entries = [
            _entry(picked.choice(NAMES), picked.choice(UNITS), picked.random() < 0.2, row)
            for row in range(picked.randint(1, 40))
        ]
        by_keys = sorted(
            entries, key=lambda e: (e.collective, vietnamese_key(e.unit), _recipient_key(e))
        )
        units = _unit_ranks(entries)
        by_ranks = sorted(entries, key=lambda e: (e.collective, units[e.unit], _recipient_key(e)))
        assert [e.row for e in by_ranks] == [e.row for e in by_keys]


def test_units_of_one_key_share_a_rank_and_keep_the_rows_order() -> None:
    # The same unit in two Unicode forms: one key (vietnamese_key reads NFC), so one place,
    # and its rows stay in the list's order (the sort is stable), not in the strings' order.
    nfc = "Phòng Hòa Bình"
    nfd = unicodedata.normalize("NFD", nfc)
    entries = [_entry("Lò Văn An", nfd, False, 1), _entry("Lò Văn An", nfc, False, 2),
               _entry("Hà Thị Bình", "Phòng Tư pháp", False, 3)]  # fmt: skip
    ranks = _unit_ranks(entries)
    assert ranks[nfc] == ranks[nfd] < ranks["Phòng Tư pháp"]


def test_a_list_by_unit_in_alphabet_order(tmp_path: Path) -> None:
    rows = [
        [1, "Trần Văn Bình", "Chuyên viên", "Tổ 12", "Lao động tiên tiến", "Cá nhân"],
        [2, "Lò Thị Ánh", "Kế toán viên", "Tổ 4", "Lao động tiên tiến", "Cá nhân"],
        [3, "Nguyễn Văn An", "Tổ trưởng", "Tổ 12", "Lao động tiên tiến", "Cá nhân"],
        [4, "Đinh Văn Ân", "Lái xe", "Đội Xe", "Lao động tiên tiến", "Cá nhân"],
        [5, "Hà Văn Dũng", "Nhân viên", "Dội Xe", "Lao động tiên tiến", "Cá nhân"],
        [6, "Tổ 4", "", "Dội Xe", "Tập thể lao động tiên tiến", "Tập thể"],
    ]
    awards = read_award_list(sheet(tmp_path, rows), date(2023, 1, 15), order="don_vi")
    # Cá nhân first; d before đ, "Tổ 4" before "Tổ 12"; in one unit, by given name.
    assert [(e.unit, e.name) for e in awards.entries] == [
        ("Dội Xe", "Hà Văn Dũng"), ("Đội Xe", "Đinh Văn Ân"), ("Tổ 4", "Lò Thị Ánh"),
        ("Tổ 12", "Nguyễn Văn An"), ("Tổ 12", "Trần Văn Bình"), ("Dội Xe", "Tổ 4"),
    ]  # fmt: skip
