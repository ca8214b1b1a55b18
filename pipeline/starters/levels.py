"""Whether an agency profile's office is of a level of local government gone from 01/07/2025.

From that day local government has two levels (tỉnh, thành phố trực thuộc Trung ương; xã,
phường, đặc khu): a UBND huyện, quận, thị xã or thành phố thuộc tỉnh, and the offices under one,
no longer exist. `vanthu init` and `vanthu new` date such an office's starter before that day;
`vanthu check` and the build warn of its documents dated from it (load.documents
check_local_level). All ask gone_level, so that they agree on which office is of a gone level.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pipeline.rules.agency_names import abolished_level
from pipeline.starters.office import name_place, one_line, preset_of, stated_level
from pipeline.text.tones import same_spelling
from pipeline.workspace.presets import central_cities, gone_levels


def gone_level(profile: Mapping[str, Any]) -> tuple[str, str] | None:
    """(name, level) of the body of a level of local government gone from 01/07/2025 that the
    profile's office is or belongs to (a UBND huyện; a phòng of one), as its name says it
    (rules.agency_names.abolished_level), or as the preset the profile was made from says
    (_preset_gone_level: a ubnd-huyen's thành phố, and a phòng's chủ quản's, is a thành phố
    thuộc tỉnh, gone as a huyện is); None for any other, a city of the country's (Hà Nội, Huế
    ...) whatever preset its profile looks like."""
    for key in ("ten_co_quan", "co_quan_chu_quan"):
        name = one_line(profile.get(key))
        level = abolished_level(name)
        if level is not None:
            return name, level
    return _preset_gone_level(profile)


def _preset_gone_level(profile: Mapping[str, Any]) -> tuple[str, str] | None:
    """(name, level) when the level of place the profile's office is at (stated_level) is one
    its preset lists as gone (presets.gone_levels), the level as the preset names it: a
    name alone does not tell a thành phố thuộc tỉnh (district level, gone) from a thành phố
    trực thuộc Trung ương, but a ubnd-huyen's thành phố (and the UBND thành phố a phòng
    belongs to: its phòng are a district's) is the former, unless the place is one of the
    country's cities (presets.central_cities): a hand-written profile of UBND thành phố Hà Nội
    whose units are a district's is still the city's."""
    preset = preset_of(profile)
    stated = stated_level(profile, preset) if preset is not None else None
    if preset is None or stated is None:
        return None
    level, name = stated
    gone = gone_levels(preset).get(level)
    if not gone or _of_central_city(name, preset):
        return None
    return name, gone


def _of_central_city(name: str, preset: dict[str, Any]) -> bool:
    """Whether the place `name` holds is one of the cities the preset says are run by the
    centre (thành phố trực thuộc Trung ương): their level remains."""
    found = name_place(name)
    if found is None:
        return False
    place = same_spelling(found[1])
    return any(same_spelling(city) == place for city in central_cities(preset))
