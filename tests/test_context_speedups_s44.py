"""The award decision's values take short cuts (issue 13): each gives what the longer way gave."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.context.quyet_dinh import _award_values, _ordered_counts, counted
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
