"""Kính gửi: who a letter or a submission is addressed to (Công văn, Tờ trình), as data."""

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from pipeline.model.base import Filled
from pipeline.model.document import group_named
from pipeline.model.wording import invalid


def _not_a_group(value: Any) -> Any:
    """An addressee, not a recipient group of the profile: Kính gửi (Kính mời, Thành phần)
    prints what it names, so "nhom: cap-tren" would print as it is; groups are Nơi nhận's."""
    name = group_named(value)
    if name is not None:
        raise invalid("data.group_in_addressees", group=name or "...")
    return value


# One recipient on the line ("Kính gửi: Ủy ban nhân dân tỉnh"), or a list of "- ...;" lines; a
# name of punctuation alone ("...", "-": not yet known) is empty (base.not_punctuation_only).
Addressee = Annotated[Filled, Field(min_length=1), BeforeValidator(_not_a_group)]
Addressees = Annotated[
    Addressee | Annotated[list[Addressee], Field(min_length=1)], BeforeValidator(_not_a_group)
]


def as_list(value: str | list[str]) -> list[str]:
    """One recipient or several, as a list."""
    return [value] if isinstance(value, str) else list(value)
