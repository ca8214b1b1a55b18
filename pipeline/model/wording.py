"""Câu chữ and trình bày an office or a document sets: phrase overrides, list layout, lines.

Errors raised here are catalogue phrases (pipeline.i18n), so the message a clerk reads has no
validation-library English in it, and says itself in the language it is shown in.
"""

from functools import partial
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    ValidationError,
    create_model,
)
from pydantic_core import CoreSchema, InitErrorDetails, PydanticCustomError, core_schema

from pipeline.model.base import Record
from pipeline.model.errors import VANTHU_PHRASE
from pipeline.phrase import Phrase
from pipeline.rules.dates import time_text
from pipeline.rules.phrases import (
    FIELDS,
    LISTS,
    broken_tags,
    default_phrases,
    empty_required,
    known_names,
    unknown_names,
)

YES = ("co", "có", "yes", "true", "1")
NO = ("khong", "không", "no", "false", "0")


def invalid(key: str, **params: Any) -> PydanticCustomError:
    """A validation error whose message is the catalogue's `key` in the user's language, kept
    as a Phrase in its context so the InputError made from it says it in any language."""
    phrase = Phrase(key, **params)
    # pydantic fills only the template's {names} that are context keys (none here): the text
    # is printed as it is, braces included.
    return PydanticCustomError("vanthu", str(phrase), {VANTHU_PHRASE: phrase})


def located(loc: tuple[str | int, ...], key: str, value: Any, **params: Any) -> ValidationError:
    """A catalogue error at `loc` below the model that raises it (pydantic prefixes the model's
    own place), so the message names the very line: the second "Trần Văn C", not the list."""
    # A mapping as the input: the message then says the reason alone, not "(got: ...)" again.
    detail = InitErrorDetails(type=invalid(key, **params), loc=loc, input={loc[-1]: value})
    return ValidationError.from_exception_data("vanthu", [detail])


def clock_hour(value: str | None) -> str | None:
    """An hour as clerks type it (8:00, 8 giờ 30, 14h30), written '08 giờ 00'; None stays."""
    if value is None:
        return None
    text = time_text(value)
    if text is None:
        raise invalid("data.bad_time", value=value)
    return text


def hour_not_number(value: Any) -> Any:
    """Refuse an hour YAML read as a number (gio: 7.30 is the number 7.3, gio: 8 the number 8),
    saying so and how to write it, instead of "must be text"."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    whole, _, fraction = repr(value).partition(".")
    meant = f"{whole}:{fraction.ljust(2, '0')}"  # 7.3 (typed 7.30) → 7:30, 7.05 → 7:05, 8 → 8:00
    words = time_text(meant) if len(fraction) <= 2 else None
    if words is None:  # no hour of the day (25.3, -1, 7.125): the usual example
        meant, words = "8:30", "08 giờ 30"
    raise invalid("data.time_as_number", value=value, colon=meant, words=words)


def yes_no(value: Any) -> Any:
    """co / khong (also có / không, true / false) as a bool."""
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().casefold()
    if text in YES:
        return True
    if text in NO:
        return False
    raise invalid("wording.yes_no", value=value)


YesNo = Annotated[bool, BeforeValidator(yes_no)]
# An hour of a meeting or a schedule row, as written: "08 giờ 00".
ClockHour = Annotated[str, BeforeValidator(hour_not_number), AfterValidator(clock_hour)]


def lines(value: Any) -> Any:
    """A name printed on several lines: a list of lines, or one text (lines kept as typed)."""
    if isinstance(value, list):
        if not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise invalid("wording.bad_lines")
        return "\n".join(v.strip() for v in value)
    return value


# A text that may be given as a list of lines; kept as one text with "\n" between lines.
Lines = Annotated[str, BeforeValidator(lines)]


# Phrases printed as a signature's lines above the name (a Biên bản's THƯ KÝ and CHỦ TỌA, ô 7):
# in capitals, as Phụ lục I prints them and `vanthu verify` holds every output to
# (chu_ky_tham_quyen.case). An office's or a document's own wording typed otherwise ("Chủ
# tọa") is printed so, as a signer's chuc_vu is (context.common.signature_lines). They read no
# field (rules.phrases.FIELDS), so no tag's name is changed with them.
CAPITAL_PHRASES = frozenset({"ky_thu_ky", "ky_chu_toa"})


def checked_phrase(key: str, value: Any) -> Any:
    """Phrase `key` as written under cau_chu, refused when a tag is broken, a field unknown, or
    a phrase that must say something is empty; one of CAPITAL_PHRASES in capitals."""
    if value is None:
        return value
    known = ", ".join(f"{{{{ {n} }}}}" for n in known_names(key))
    broken = broken_tags(value)
    if broken:
        raise invalid("wording.bad_tag", tag=broken[0], known=known)
    bad = unknown_names(key, value)
    if bad:
        raise invalid("wording.unknown_field", name=bad[0], known=known)
    why = empty_required(key, value)
    if why:
        default = default_phrases()[key]
        raise invalid(f"wording.empty_phrase.{why}", default=default)
    if key in CAPITAL_PHRASES and isinstance(value, str):
        return value.upper()
    return value


class _Phrase:
    """A phrase's type under cau_chu: its text (texts, for a phrase of LISTS) or nothing, checked
    by checked_phrase for the field's own key.

    Given as the core schema itself, not as `str | None` with a field_validator("*"): pydantic
    inspects a validator's signature again for each field it applies to, and derives each
    field's schema from its type, 93 times at a build's first document (its profile's cau_chu).
    The same schema (nullable text, an after-validator), the same JSON schema and messages;
    callgrind, `vanthu build -j 1` of 3 decisions: 1,966.7 M -> 1,931.8 M instructions.
    """

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        key = handler.field_name
        assert key is not None  # a field of PhraseOverrides
        text = core_schema.str_schema()
        inner = core_schema.list_schema(text) if key in LISTS else text
        check = partial(checked_phrase, key)
        return core_schema.no_info_after_validator_function(
            check, core_schema.nullable_schema(inner)
        )


# cau_chu: any phrase of data/cau-chu.yaml, by its key.
PhraseOverrides: type[Record] = create_model(  # type: ignore[call-overload]
    "PhraseOverrides",
    __base__=Record,
    __doc__="Câu chữ: phrases of data/cau-chu.yaml an office or a document writes its own way.",
    **dict.fromkeys(FIELDS, (_Phrase, None)),
)


class ListLayout(Record):
    """Trình bày danh sách: grouping by tập thể / cá nhân within an award, and numbering."""

    nhom: Literal["khong", "tap_the_truoc", "ca_nhan_truoc"] = Field(
        default="khong",
        description="split each award into tập thể and cá nhân, in this order; the awards given "
        "only to the first kind come first, those given only to the other last",
    )
    so_thu_tu: Literal["theo_nhom", "lien_tuc"] = Field(
        default="theo_nhom", description="number from 1 in each group, or through the list"
    )
