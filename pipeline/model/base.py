"""Shared pieces of every data model: strict records, dates as clerks write them."""

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

from pipeline.model.errors import VANTHU_PHRASE
from pipeline.patterns import lazy
from pipeline.phrase import Phrase

_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_iso = lazy(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


# The years a date of a document, or of one it cites, can have: 4 digits are required, and a
# year outside these is a slip (0026 for 2026, 2206), which would print as typed.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def parse_date(value: Any) -> date:
    """A date from 22/12/2021, 22-12-2021, 22.12.2021 or 2021-12-22; impossible dates refused."""
    if isinstance(value, date):
        return value
    if value is None or not str(value).strip():  # "ngay:" with nothing after it
        raise PydanticCustomError("date_empty", "date is empty")
    text = str(value)
    match = _DMY.match(text)
    parts = (match[3], match[2], match[1]) if match else None
    if parts is None and (iso := _iso().match(text)):
        parts = (iso[1], iso[2], iso[3])
    if parts is None:
        raise PydanticCustomError("bad_date", "bad date", {"value": text})
    try:
        day = date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise PydanticCustomError("bad_date", "bad date", {"value": text}) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:  # 10/01/0026: a year typed short, printed "năm 26"
        raise PydanticCustomError("date_year", "year out of range", {"value": text})
    return day


Date = Annotated[date, BeforeValidator(parse_date)]


def not_punctuation_only(value: str | None) -> str | None:
    """A place, a time or a name that says nothing is empty: ".", "...", "-", "…" typed while
    the room or the person is not yet known would print "Địa điểm:." on a numbered document.
    Refused as an empty value is, at its line and field; any letter or digit makes it a value."""
    if value is None or not value.strip() or any(char.isalnum() for char in value):
        return value
    phrase = Phrase("data.punctuation_only", value=value.strip())
    raise PydanticCustomError("vanthu", str(phrase), {VANTHU_PHRASE: phrase})


# Text that must say something (a place, a name): not empty, not punctuation alone.
Filled = Annotated[str, AfterValidator(not_punctuation_only)]


def printed_name(value: str) -> str:
    """A person's họ tên as every document prints it, in the case the award lists print theirs
    (pipeline.text.person_names.person_name): one typed wholly in capitals ("NGUYỄN VĂN A", a
    habit from the signature's lines above it) in title case, a word typed in lower case with
    its capital.
    Phụ lục I (ô 7c) writes the signer's name in regular case, as `vanthu verify` holds every
    output to (chu_ky_ho_ten.case); changed once here, where the name is read, the decision,
    its Giấy khen, a Biên bản's lists and the sổ all print and record one name."""
    from pipeline.text.person_names import person_name

    return person_name(" ".join(value.split()))  # one space between words, as a list's cells


# A person's name (a signer's, someone at a meeting): filled, and printed as printed_name says.
PersonName = Annotated[Filled, AfterValidator(printed_name)]


def without_label(label: str) -> AfterValidator:
    """A validator dropping `label` and its colon ("Kính gửi:", "Địa điểm:") from the start of
    a text the document prints after that very label (its phrase table's words): typed again,
    it would print twice ("Kính gửi: Kính gửi: Sở Nội vụ"), as a Công văn's "V/v" typed before
    its trích yếu would. A list has it dropped from each of its texts; a text of the label
    alone stays as typed (it is refused as empty where a text is needed)."""
    folded = label.casefold()

    def drop(text: str) -> str:
        if not text[: len(label)].casefold() == folded:
            return text
        rest = text[len(label) :].lstrip()
        if not rest.startswith(":"):  # "Nội dung chính của ...": the text's own words
            return text
        return rest[1:].lstrip() or text

    def dropped(value: Any) -> Any:
        if isinstance(value, str):
            return drop(value)
        if isinstance(value, list):
            return [drop(item) if isinstance(item, str) else item for item in value]
        return value

    return AfterValidator(dropped)


class Record(BaseModel):
    """A record read from a data file: unknown keys are errors, text is trimmed, values fixed."""

    # Schemas are built when a model first validates: a build imports every kind's models and
    # uses one or two.
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True
    )


# The default of a field holding a list or a mapping, made anew for each record. Not the types
# themselves (default_factory=list): to know whether a factory takes the record's data, pydantic
# reads its signature, and a built-in type's is parsed from its text (inspect, with tokenize,
# whose pattern compiles first): 80 µs a field against 14 µs for a function, 6 ms of a build's
# first document (its models' schemas are built then: Record's defer_build).
def new_list() -> list[Any]:
    """An empty list: a list field's default."""
    return []


def new_dict() -> dict[Any, Any]:
    """An empty mapping: a mapping field's default."""
    return {}
