"""The load's per-document short cuts (issue 13) give what the longer way gave."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from pipeline.awards import Entry, Group
from pipeline.load.spreadsheet.header import Header
from pipeline.load.spreadsheet.row import Row


@pytest.mark.parametrize("cls", [Row, Entry])
def test_written_out_init_takes_the_dataclass_fields(cls: type) -> None:
    """Row and Entry write their __init__ out (a frozen dataclass's sets each field through
    object.__setattr__): it takes the fields dataclass would, in order, with their defaults,
    and sets every field, those it does not take to their default."""
    fields = dataclasses.fields(cls)
    taken = [f for f in fields if f.init]
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [p.name for p in parameters] == [f.name for f in taken]
    for parameter, field in zip(parameters, taken, strict=True):
        missing = field.default is dataclasses.MISSING
        assert parameter.default == (inspect.Parameter.empty if missing else field.default)
        assert parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    values = {f.name: object() for f in taken}
    made = cls(**values)
    assert {f.name: getattr(made, f.name) for f in taken} == values
    for field in fields:
        if not field.init:
            assert field.default_factory is not dataclasses.MISSING
            assert getattr(made, field.name) == field.default_factory()
    assert set(vars(made)) == {f.name for f in fields}
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, taken[0].name, None)


def test_each_row_has_its_own_parsed_cells() -> None:
    header = Header(3, {"ho_ten": 2}, {"ho_ten": "Họ và tên"})
    first, second = (Row(n, {"ho_ten": "An"}, "ds.xlsx", None, header) for n in (4, 5))
    first.parsed["so_tien"] = 1
    assert second.parsed == {}
    assert dataclasses.replace(first, number=6).parsed == {}


def test_group_total_is_its_entries_sum() -> None:
    entries = tuple(
        Entry(f"Người {n}", "", "Phòng A", "Lao động tiên tiến", False, None, "", n)
        for n in range(4, 7)
    )
    group = Group("Lao động tiên tiến", entries)
    assert group.total == sum(e.amount for e in entries) == 0
    assert group.total == 0  # asked again: the same
