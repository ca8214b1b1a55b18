"""The award decision's values take short cuts (issue 13): each gives what the longer way gave."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from markupsafe import Markup

from pipeline.context.quyet_dinh import (
    _award_values,
    _ordered_counts,
    award_list_context,
    counted,
    in_listed_order,
    kind_order,
)
from pipeline.model.quyet_dinh import AwardSection, DecisionData
from pipeline.model.wording import ListLayout
from pipeline.rules.money import format_money
from tests.test_context_speedups_s43 import ROWS, _list, _section

# The rows above with a tập thể first, and each award given to one kind alone.
FIRST_COLLECTIVE = [ROWS[1], ROWS[0], *ROWS[2:]]
ONE_KIND_EACH = [ROWS[0], ROWS[5], ROWS[2], ROWS[6]]


@pytest.mark.parametrize("rows", [ROWS, FIRST_COLLECTIVE, ONE_KIND_EACH, ROWS[1:2], ROWS[:1]])
@pytest.mark.parametrize("priced", [True, False])
def test_counts_as_ordered_counts_gives_them(
    tmp_path: Path, rows: list[list[object]], priced: bool
) -> None:
    """The counts in the list's order and in Điều 1's are _ordered_counts's, the one with tập
    thể first counted's; each award's amounts read from its rewards are its entries' amounts."""
    awards = _list(tmp_path, rows, priced=priced)
    values = _award_values(_section(), awards)
    assert (values["so_luong"], values["so_luong_theo_thu_tu"]) == _ordered_counts(awards, None)
    assert values["so_luong_tap_the_truoc"] == counted(awards, collectives_first=True)
    for number, group in enumerate(awards.groups, start=1):
        for collective, word in ((False, "ca_nhan"), (True, "tap_the")):
            of_kind = [e for e in group.entries if e.collective == collective]
            key = f"khen_thuong_{number}.{word}"
            if priced and of_kind:
                assert values[key] == f"{of_kind[0].amount:,}".replace(",", ".")
            else:
                assert key not in values


@pytest.mark.parametrize("priced", [True, False])
@pytest.mark.parametrize(
    "layout",
    [
        ListLayout(),
        ListLayout(so_thu_tu="lien_tuc"),
        ListLayout(nhom="tap_the_truoc"),
        ListLayout(nhom="ca_nhan_truoc", so_thu_tu="lien_tuc"),
    ],
)
def test_list_rows_write_each_entry_amount_and_number(
    tmp_path: Path, priced: bool, layout: ListLayout
) -> None:
    """The Danh sách's rows (award_list_context) read each entry's amount from its reward,
    each amount written once for the list: every row says its own entry's amount, whatever the
    amounts before it, numbered from 1 in each group or through the list."""
    awards = _list(tmp_path, ROWS, priced=priced)
    section = AwardSection.model_construct(trinh_bay=layout)
    data = DecisionData.model_construct(khen_thuong=section)
    info = SimpleNamespace(data=data, agency=SimpleNamespace(danh_sach=None),
                           write=lambda key, values=None: key)  # fmt: skip
    rows = award_list_context(info, awards, Markup(""), {})["dong"]  # type: ignore[arg-type]
    listed = in_listed_order(awards, kind_order(layout))
    entries = [row["muc"] for row in rows if row["muc"] is not None]
    assert [e["ho_ten"] for e in entries] == [e.name for e in listed]
    assert [e["so_tien"] for e in entries] == [format_money(e.amount) for e in listed]
    expected, number = [], 0
    for row in rows:
        if row["muc"] is None:
            number = 0 if layout.so_thu_tu == "theo_nhom" else number
            continue
        number += 1
        expected.append(number)
    assert [e["stt"] for e in entries] == expected
