"""Địa danh as `vanthu init` reads an answer: the level word it may start with, and the place the
date line (ô 4) prints.

A clerk may type the place with its level ("Xã Mường Bú", "phường Tô Hiệu", "TP. Hà Nội"): the
word says the level of the unit (a ubnd-xa of "Phường Tô Hiệu" is a UBND phường), and the names
init writes take it from there rather than spell a level twice ("XÃ XÃ MƯỜNG BÚ"). The date line
writes a place without its level (Nghị định 30/2020, Phụ lục I, mục II.4: "Mường Bú, ngày ...")
except for a unit named by a number ("Phường 1", "Quận 3") or after a person ("Thành phố Hồ Chí
Minh"), whose full name it writes, the level word with a capital (Phụ lục II, mục III.1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules.agency_names import PLACE_LEVELS
from pipeline.text.normalize import nfc
from pipeline.text.tones import same_spelling
from pipeline.workspace.presets import all_central_cities, full_name_places

# "TP. Hà Nội", "TP Huế", "Tp.Hồ Chí Minh": how clerks shorten "thành phố" before a name.
_CITY_SHORT = re.compile(r"^tp(?:\.\s*|\s+)(?=\S)", re.IGNORECASE)
# The levels of PLACE_LEVELS as their words' comparison keys, the longest first ("thị xã"
# before "xã" cannot clash, as "thị" opens no other level; the order only keeps it plain).
_LEVELS = sorted(
    ((tuple(same_spelling(word) for word in level), " ".join(level)) for level in PLACE_LEVELS),
    key=lambda level: -len(level[0]),
)
_HOI = same_spelling("hội")


@dataclass(frozen=True)
class Place:
    """A place answered: the level word it starts with, as PLACE_LEVELS spell it ("phường"),
    None when it has none; and the place's own name after it ("Tô Hiệu", "1")."""

    level: str | None
    name: str


def _proper(name: str) -> str:
    """A name typed all in small letters ("mường bú") with each word capitalised, as Vietnamese
    writes places; a name with any capital stays as typed."""
    if name != name.lower():
        return name
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


def read_place(text: str | None) -> Place:
    """`text` as a place: its level word, if it starts with one and a name follows, apart from
    the name ("Xã Mường Bú" → xã, Mường Bú); NFC, one space between words."""
    words = nfc(text or "").split()
    short = _CITY_SHORT.match(" ".join(words))
    if short:
        return Place("thành phố", _proper(" ".join(words)[short.end() :]))
    keys = [same_spelling(word) for word in words]
    for level_keys, level in _LEVELS:
        size = len(level_keys)
        # "Xã Hội" alone is no commune; "Xã Hội An" is the xã Hội An, as after "Ủy ban nhân
        # dân" (agency_names): a place answered is never a field's "xã hội".
        hoi = keys[size : size + 1] == [_HOI] and len(words) == size + 1
        if tuple(keys[:size]) == level_keys and len(words) > size and not hoi:
            return Place(level, _proper(" ".join(words[size:])))
    return Place(None, _proper(" ".join(words)))


def is_numbered(name: str) -> bool:
    """Whether a unit is named by a number ("1" of Phường 1, "10" of Quận 10)."""
    return name[:1].isdigit()


def is_central_city(name: str) -> bool:
    """Whether `name` is the place of a thành phố trực thuộc Trung ương (Hà Nội, Huế ...), as
    the presets list them (thanh_pho_trung_uong)."""
    key = same_spelling(name)
    return any(same_spelling(city) == key for city in all_central_cities())


def keeps_level(name: str) -> bool:
    """Whether the date line writes the place `name` with its level word: a unit named by a
    number, or one the presets list as named after a person (dia_danh_ghi_cap)."""
    key = same_spelling(name)
    return is_numbered(name) or any(same_spelling(place) == key for place in full_name_places())


def with_level(level: str, name: str) -> str:
    """The full name of a place as a date line starts with it: the level word with a capital
    ("Phường 1", "Thành phố Hồ Chí Minh")."""
    return f"{level[:1].upper()}{level[1:]} {name}"


def date_place(level: str | None, name: str) -> str:
    """The place the date line prints for a unit of `level` named `name`: the name alone
    ("Mường Bú"), or its full name when it keeps its level word (keeps_level)."""
    return with_level(level, name) if level and keeps_level(name) else name


def has_letter(text: str) -> bool:
    """Whether `text` holds a letter: a place or a person's name is written in words ("Phường
    1" is; "123", "..." are not)."""
    return any(char.isalpha() for char in text)
