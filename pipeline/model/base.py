"""Shared pieces of every data model: strict records, dates as clerks write them."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(value: Any) -> date:
    """A date from 22/12/2021, 22-12-2021, 22.12.2021 or 2021-12-22; impossible dates refused."""
    if isinstance(value, date):
        return value
    if value is None or not str(value).strip():  # "ngay:" with nothing after it
        raise PydanticCustomError("date_empty", "date is empty")
    text = str(value)
    match = _DMY.match(text)
    parts = (match[3], match[2], match[1]) if match else None
    if parts is None and (iso := _ISO.match(text)):
        parts = (iso[1], iso[2], iso[3])
    if parts is None:
        raise PydanticCustomError("bad_date", "bad date", {"value": text})
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise PydanticCustomError("bad_date", "bad date", {"value": text}) from None


Date = Annotated[date, BeforeValidator(parse_date)]


class Record(BaseModel):
    """A record read from a data file: unknown keys are errors, text is trimmed, values fixed."""

    # Schemas are built when a model first validates: a build imports every kind's models and
    # uses one or two.
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True
    )
