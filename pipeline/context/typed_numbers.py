"""Numbers a clerk typed in front of text that vanthu numbers itself.

Điều, khoản, điểm and Mục are numbered from their order, never from the data: a clerk pasting
"Điều 3. Quyết định này có hiệu lực ..." or "1. Thời gian ..." from an old document would get
"Điều 3. Điều 3. ..." and "1. 1. ...". The typed number is dropped, whatever it was (it is the
old document's), as a typed "Căn cứ" or "- " is. Word's other ways of numbering are dropped too,
each at the level that prints its kind of number: "I- ", "II.Tổ chức", "Phần III." at a Mục;
"1.1. ", "2.1 Mục tiêu", "1/ ", "(2) " at a khoản; "a. ", "b- ", "(c) ", "c/ " at a điểm. Text
that merely starts with a number ("2025 là năm ...", "1.490.000 đồng", "3 đơn vị") is kept.

A typed number that is not the one vanthu prints in its place ("3." typed on the first khoản)
is still dropped, and said at its line (renumbered_warnings): an item of the clerk's source
may have been skipped or moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel

from pipeline.errors import InputError
from pipeline.model.blocks import PointList
from pipeline.model.ke_hoach import Item, Section
from pipeline.rules.numbering import point_letter, roman

if TYPE_CHECKING:
    from pipeline.load.yaml_source import Source

# "Điều 3." / "Điều 3:" / "điều 12 ." at the head of an article's text.
_ARTICLE = re.compile(r"^\s*điều\s+\d{1,3}\s*[.:]\s*", re.IGNORECASE)

# What ends a typed number: "." or ")" before a space, or touching a letter ("II.Tổ chức",
# "1.Thời gian"; "1.490.000" is a figure); "-", "–", "/" or ":" before a space and no digit
# ("1- Ưu tiên", but "1 - 2 ngày" and "01/01/2026" are text).
_MARK = r"(?:\s*[.)](?:\s+|(?=[^\W\d_]))|\s*[-–—/:]\s+(?=\D))"
# A letter's mark: as a number's, but "." only before a space ("a.m." is no điểm).
_LETTER_MARK = r"(?:\s*\)(?:\s+|(?=[^\W\d_]))|\s*\.\s+|\s*[-–—/:]\s+(?=\D))"
# In brackets, the number or letter needs no other mark: "(2) ", "(c)Tổ chức".
_BRACKETED = r"\((?P<bracketed>{})\)(?:\s+|(?=[^\W\d_]))"


# The patterns of a khoản, a điểm and a Mục are compiled when a document first has one (each
# once, functools.cache), not at import: ~10 M instructions of every build's start, which a
# build of documents without them (award decisions) never needs.
@cache
def _item() -> re.Pattern[str]:
    """A khoản: "1. ", "2) ", "1.1. ", "3/ ", "4- ", "(5) "; a number of levels ("2.1") may also
    be followed by a space alone when a capital starts the text ("2.1 Mục tiêu", not "1.5 tỷ
    đồng")."""
    return re.compile(
        r"^\s*(?:" + _BRACKETED.format(r"\d{1,2}") + r"|(?P<number>\d{1,2}(?:\.\d{1,2})*)"
        + _MARK + r"|(?P<levels>\d{1,2}(?:\.\d{1,2})+)\s+(?=[^\W\d_]))"
    )


@cache
def _point() -> re.Pattern[str]:
    """A điểm: "a) ", "đ. ", "b- ", "c/ ", "(c) "; a capital only as "A) " or "(A) " ("A.
    Lincoln" may be a name)."""
    return re.compile(
        r"^\s*(?:" + _BRACKETED.format(r"[a-zđA-ZĐ]") + r"|(?P<letter>[a-zđ])" + _LETTER_MARK
        + r"|(?P<capital>[A-ZĐ])\)(?:\s+|(?=[^\W\d_])))"
    )


@cache
def _section() -> re.Pattern[str]:
    """A Mục: "I. ", "II.Tổ chức", "III- ", "IV) ", with "Phần" or "Mục" before it or not; an
    Arabic number too ("1. Mục tiêu"), its source's Mục numbered so."""
    return re.compile(
        r"^\s*(?:(?i:phần|mục)\s+)?(?:(?P<roman>[IVXL]{1,7})|(?P<number>\d{1,2}))" + _MARK
    )


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Typed:
    """A number typed at the head of a text: as typed, what it counts (1, 2 ... or a letter),
    and the text after it."""

    mark: str
    value: int | str
    rest: str


# Each Roman numeral as vanthu writes them (I to L), by its text: built once, not per title.
_ROMAN_VALUES = {roman(n): n for n in range(1, 51)}


def _roman_value(text: str) -> int | None:
    """The value of a Roman numeral as vanthu writes them (I to L), else None ("IIII", "VX")."""
    return _ROMAN_VALUES.get(text)


def _typed(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The typed number at the head of `text`, unless it is all the text (a number alone is
    the clerk's text, not a typed number)."""
    found = pattern.match(text)
    if found is None or not text[found.end() :].strip():
        return None
    return found


def _result(found: re.Match[str], value: int | str, text: str) -> Typed:
    return Typed(text[: found.end()].strip(), value, text[found.end() :])


def typed_item(text: str) -> Typed | None:
    """The number typed at the head of a khoản (its last level: "1.2." counts 2)."""
    found = _typed(_item(), text)
    if found is None:
        return None
    if found["levels"] and not text[found.end()].isupper():
        return None  # "1.5 tỷ đồng" is a figure
    number = found["bracketed"] or found["number"] or found["levels"]
    return _result(found, int(number.rsplit(".", 1)[-1]), text)


def typed_point(text: str) -> Typed | None:
    """The letter typed at the head of a điểm, lower case."""
    found = _typed(_point(), text)
    if found is None:
        return None
    letter = found["bracketed"] or found["letter"] or found["capital"]
    return _result(found, letter.lower(), text)


def typed_section(text: str) -> Typed | None:
    """The number typed at the head of a Mục's title (Roman, or Arabic)."""
    found = _typed(_section(), text)
    if found is None:
        return None
    if found["roman"]:
        value = _roman_value(found["roman"])
        if value is None:
            return None
        return _result(found, value, text)
    return _result(found, int(found["number"]), text)


def article_text(text: str) -> str:
    """An article's text without a typed 'Điều N.'."""
    rest = _ARTICLE.sub("", text, count=1)
    return rest if rest.strip() else text  # a number alone is text, not a typed number


def item_text(text: str) -> str:
    """A khoản's text without a typed '1.'."""
    typed = typed_item(text)
    return typed.rest if typed else text


def point_text(text: str) -> str:
    """A điểm's text without a typed 'a)'."""
    typed = typed_point(text)
    return typed.rest if typed else text


def section_title(text: str) -> str:
    """A Mục's title without a typed 'I.'."""
    typed = typed_section(text)
    return typed.rest if typed else text


Loc = tuple[str | int, ...]


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Renumbered:
    """A typed number that is not the one vanthu prints in its place: where, as typed, printed."""

    loc: Loc
    typed: str
    printed: str


def _item_text_loc(item: Item) -> tuple[str, str]:
    return ("tieu_de", item.tieu_de) if item.tieu_de else ("noi_dung", item.noi_dung or "")


# What the walks over a document's data look into (_numbered, sections._paragraphs_around): a
# value of any other type (a text, a date, a number) holds no record, and is passed by.
RECORD_HOLDERS = (list, BaseModel)


def _numbered(value: object, loc: Loc, found: list[Renumbered]) -> None:
    """The typed numbers under `value` (a record of the data, or a list of them) that differ
    from the ones printed, added to `found`: Mục I., II. and khoản 1., 2. of each list, điểm
    a), b) of each điểm list, counted from the first of their list as sections_context and
    block_context number them."""
    if isinstance(value, list):
        for index, element in enumerate(value):
            if isinstance(element, Section):
                typed = typed_section(element.tieu_de)
                if typed is not None and typed.value != index + 1:
                    found.append(Renumbered((*loc, index, "tieu_de"), typed.mark,
                                            f"{roman(index + 1)}."))  # fmt: skip
            elif isinstance(element, Item):
                key, text = _item_text_loc(element)
                typed = typed_item(text)
                if typed is not None and typed.value != index + 1:
                    found.append(Renumbered((*loc, index, key), typed.mark, f"{index + 1}."))
            if isinstance(element, RECORD_HOLDERS):
                _numbered(element, (*loc, index), found)
    elif isinstance(value, PointList):
        for index, line in enumerate(value.diem):
            typed = typed_point(line)
            if typed is not None and typed.value != point_letter(index):
                found.append(Renumbered((*loc, "diem", index), typed.mark,
                                        f"{point_letter(index)})"))  # fmt: skip
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            field = getattr(value, name)
            if isinstance(field, RECORD_HOLDERS):
                _numbered(field, (*loc, name), found)


def renumbered(data: BaseModel) -> list[Renumbered]:
    """Every typed number of a document's data that vanthu prints otherwise."""
    found: list[Renumbered] = []
    _numbered(data, (), found)
    return found


def renumbered_warnings(data: BaseModel, source: Source) -> tuple[InputError, ...]:
    """A warning at the line of each typed number that vanthu prints otherwise (check, render
    and build say them): the number is the old document's, and the clerk may have skipped or
    moved an item since."""
    from pipeline.load.yaml_source import dotted

    return tuple(
        InputError("data.typed_number_renumbered", line=source.line_of(found.loc),
                   field=dotted(found.loc), typed=found.typed, printed=found.printed)
        for found in renumbered(data)
    )  # fmt: skip
