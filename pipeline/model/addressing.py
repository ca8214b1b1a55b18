"""Kính gửi: who a letter or a submission is addressed to (Công văn, Tờ trình), as data."""

from typing import Annotated

from pydantic import Field

from pipeline.model.base import Filled

# One recipient on the line ("Kính gửi: Ủy ban nhân dân tỉnh"), or a list of "- ...;" lines; a
# name of punctuation alone ("...", "-": not yet known) is empty (base.not_punctuation_only).
Addressee = Annotated[Filled, Field(min_length=1)]
Addressees = Addressee | Annotated[list[Addressee], Field(min_length=1)]


def as_list(value: str | list[str]) -> list[str]:
    """One recipient or several, as a list."""
    return [value] if isinstance(value, str) else list(value)
