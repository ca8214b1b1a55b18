"""Kiểu cơ quan: the office presets of kieu-co-quan.yaml, read once.

`vanthu init` fills an agency profile from them; the starters (`vanthu new`) take their
`van_ban:` wording for the kind of office a profile was made from.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from pipeline.text.tones import same_spelling

PRESETS_FILE = "kieu-co-quan.yaml"


@functools.cache
def presets() -> dict[str, dict[str, Any]]:
    """The office presets by name, in file order."""
    from ruamel.yaml import YAML  # here: a build reads no preset, and importing it costs ~10 ms

    text = resources.files("pipeline.workspace").joinpath(PRESETS_FILE).read_text("utf-8")
    data: dict[str, dict[str, Any]] = YAML(typ="safe").load(text)
    return data


# The signers of a UBND or a council for decisions in its head's own authority (no TM. line):
# `vanthu init` writes "chu-tich-ca-nhan" beside "chu-tich".
PERSONAL_SUFFIX = "-ca-nhan"

# The key of a preset listing the levels of place it is the office of ("xã", "phường" ...):
# read by `vanthu init`, never written into a profile.
LEVELS_KEY = "cap"


def levels(preset: dict[str, Any]) -> tuple[str, ...]:
    """The levels of place a preset is for, the first the one its names spell; () for a preset
    that is no place's own body (a Sở, a Hội đồng)."""
    return tuple(str(level) for level in preset.get(LEVELS_KEY) or ())


# The key of a preset listing the levels of place of the body its office belongs to (its cơ
# quan chủ quản: a Sở's UBND tỉnh, a phòng's UBND huyện or xã): {cap} is the level the chủ
# quản's name states, never one guessed. Read by `vanthu init`, never written into a profile.
CHIEF_LEVELS_KEY = "cap_chu_quan"
# The key of a preset giving the word an issuing agency's name starts with when it is of that
# kind ("PHÒNG": a phòng, headed by a Trưởng phòng): another kind is refused for such a name.
NAME_START_KEY = "ten_bat_dau"
# The key of a preset giving, for a level of place, what differs at that level: recipient
# groups (a council of a tỉnh also sends to the central council), the starters' words (a UBND
# quận's "Văn phòng HĐND và UBND quận"; a district council's proposals come from its Phòng Nội
# vụ, not a province's Ban Thi đua - Khen thưởng), units. Read by `vanthu init` and the
# starters (for_level), never written into a profile.
BY_LEVEL_KEY = "theo_cap"
# The key of a preset giving the levels of place (its own for a preset with cap, its chủ
# quản's for one with cap_chu_quan) gone from 01/07/2025, each with how a note names it: what
# the name alone does not tell (a ubnd-huyen's "thành phố" is a thành phố thuộc tỉnh, of
# district level; a UBND thành phố may be a city of the country's). Read by `vanthu init`,
# `vanthu new` and `vanthu check` (starters.levels.gone_level), never written into a profile.
GONE_LEVELS_KEY = "cap_khong_con"
# The key of a preset naming the cities run by the centre (thành phố trực thuộc Trung ương):
# a UBND thành phố of one is never of a gone level, whichever preset its profile resembles.
# Read with GONE_LEVELS_KEY (starters.levels.gone_level), never written into a profile.
CENTRAL_CITIES_KEY = "thanh_pho_trung_uong"
# The key of a preset of a place's own body (cap:) giving what differs when the body's chủ
# quản is a thành phố trực thuộc Trung ương (CENTRAL_CITIES_KEY of any preset): a phường of Hà
# Nội answers to the UBND thành phố, not a UBND tỉnh. Entry by entry as a theo_cap block, over
# it. Read by `vanthu init` from the chủ quản answered, never written into a profile.
CENTRAL_CHIEF_KEY = "chu_quan_thanh_pho_trung_uong"
# The key of a preset naming places named after a person or an event ("Hồ Chí Minh"), whose
# date line writes the unit's full name, its level word with a capital ("Thành phố Hồ Chí
# Minh, ngày ..."; Nghị định 30/2020, Phụ lục I, mục II.4), as it does for a unit named by a
# number. Read by `vanthu init` (workspace.places) of any preset, never written into a profile.
FULL_NAME_PLACES_KEY = "dia_danh_ghi_cap"
# The key of a preset giving, for the words an office's name starts with ("THANH TRA"), what
# differs for an office so named: the head's title its name says (a Thanh tra tỉnh of kind
# so-nganh is headed by a Chánh Thanh tra, not a Giám đốc: its signers, whole) and its groups,
# entry by entry as a theo_cap block. Read by `vanthu init` (for_name), never written into a
# profile.
BY_NAME_KEY = "theo_ten"
# Keys of a preset that describe it and are not written into a profile.
PRESET_ONLY_KEYS = (
    "mo_ta", "van_ban", LEVELS_KEY, CHIEF_LEVELS_KEY, NAME_START_KEY, BY_LEVEL_KEY,
    GONE_LEVELS_KEY, CENTRAL_CITIES_KEY, FULL_NAME_PLACES_KEY, CENTRAL_CHIEF_KEY, BY_NAME_KEY,
)  # fmt: skip
# What a level's block (theo_cap) gives entry by entry, the preset's other entries kept: the
# groups and words it names. Any other key it gives (don_vi: the office's units, whose first
# drafts the starters) it gives whole.
_BY_ENTRY = ("nhom_noi_nhan", "van_ban")


def chief_levels(preset: dict[str, Any]) -> tuple[str, ...]:
    """The levels of place of the chủ quản a preset's office may belong to; () for a preset
    whose names take no level from its chủ quản (a UBND names its own)."""
    return tuple(str(level) for level in preset.get(CHIEF_LEVELS_KEY) or ())


def gone_levels(preset: dict[str, Any]) -> dict[str, str]:
    """The levels of place of a preset gone from 01/07/2025 (GONE_LEVELS_KEY), each with the
    name a note gives it ("thành phố" → "thành phố thuộc tỉnh"); {} for a preset of none."""
    return {str(level): str(name) for level, name in (preset.get(GONE_LEVELS_KEY) or {}).items()}


def central_cities(preset: dict[str, Any]) -> tuple[str, ...]:
    """The places of the cities run by the centre a preset names (CENTRAL_CITIES_KEY): their
    thành phố is no district level even when the preset lists "thành phố" as gone."""
    return tuple(str(city) for city in preset.get(CENTRAL_CITIES_KEY) or ())


def all_central_cities() -> tuple[str, ...]:
    """The places of the cities run by the centre, as any preset names them: the place of a
    thành phố trực thuộc Trung ương whatever the kind of office (its UBND, a Sở of it)."""
    return _listed(CENTRAL_CITIES_KEY)


def full_name_places() -> tuple[str, ...]:
    """The places whose date line writes their level word though named in words
    (FULL_NAME_PLACES_KEY), as any preset names them."""
    return _listed(FULL_NAME_PLACES_KEY)


@functools.cache
def _listed(key: str) -> tuple[str, ...]:
    """The entries of the list `key` of every preset, each once, in file order."""
    found = [str(entry) for preset in presets().values() for entry in preset.get(key) or ()]
    return tuple(dict.fromkeys(found))


def name_starts(preset: dict[str, Any]) -> tuple[str, ...]:
    """The words an issuing agency's name starts with when it is of this preset's kind
    (NAME_START_KEY: one, or a list), in capitals; () for a preset that gives none."""
    starts = preset.get(NAME_START_KEY) or ()
    return tuple(str(start) for start in ([starts] if isinstance(starts, str) else starts))


def kinds_for_chief_level(level: str) -> tuple[str, ...]:
    """The presets of offices named by the clerk (--co-quan) that may belong to a chủ quản of
    `level` ("huyện" → phong): what to offer a clerk whose chủ quản does not fit the kind
    chosen. A preset of one body of its own name (a Hội đồng Thi đua - Khen thưởng) is no
    other office's kind, at whatever level it is."""
    return tuple(
        name for name, preset in presets().items()
        if level in chief_levels(preset) and "{ten_co_quan}" in str(preset.get("ten_co_quan"))
    )  # fmt: skip


def for_level(preset: dict[str, Any], level: str) -> dict[str, Any]:
    """A preset as it is for an office (or, with cap_chu_quan, a chủ quản) of `level`: what its
    theo_cap gives for that level in place of the preset's own (groups and words of the same
    name, _BY_ENTRY; any other key whole); the preset itself for a level it gives nothing."""
    return _merged(preset, (preset.get(BY_LEVEL_KEY) or {}).get(level) or {})


def for_name(preset: dict[str, Any], name: str) -> dict[str, Any]:
    """A preset as it is for an office whose issuing name is `name`: what its theo_ten gives for
    the words the name starts with (case, tone placement and Unicode form aside) in place of
    the preset's own, as for_level merges a level's block; the preset itself for a name it
    gives nothing for."""
    words = same_spelling(name).split()
    for start, block in (preset.get(BY_NAME_KEY) or {}).items():
        first = same_spelling(str(start)).split()
        if first and words[: len(first)] == first:
            return _merged(preset, block or {})
    return preset


def under_central_city(preset: dict[str, Any]) -> dict[str, Any]:
    """A preset as it is for a body whose chủ quản is a thành phố trực thuộc Trung ương: what
    its CENTRAL_CHIEF_KEY gives in place of its own, as for_level merges a level's block."""
    return _merged(preset, preset.get(CENTRAL_CHIEF_KEY) or {})


def _merged(preset: dict[str, Any], block: dict[str, Any]) -> dict[str, Any]:
    """`preset` with `block` over it: groups and words entry by entry (_BY_ENTRY), any other
    key whole."""
    merged = dict(preset)
    for key, value in block.items():
        merged[key] = {**(preset.get(key) or {}), **value} if key in _BY_ENTRY else value
    return merged


def needed_answers(preset: dict[str, Any]) -> tuple[str, ...]:
    """The answers (OfficeAnswers fields) a preset cannot do without besides the place and the
    signer: the agency's name for a preset of named bodies ({ten_co_quan}), its abbreviation
    when the preset has none, its chủ quản when the preset's names take their level from it
    and it has none of its own. `vanthu init` asks for each on a terminal."""
    needed = []
    if "{ten_co_quan}" in str(preset.get("ten_co_quan")):
        needed.append("ten_co_quan")
    if chief_levels(preset) and not preset.get("co_quan_chu_quan"):
        needed.append("co_quan_chu_quan")
    if not preset.get("viet_tat"):
        needed.append("viet_tat")
    return tuple(needed)


def level_names(preset: dict[str, Any], stated: str | None) -> dict[str, str]:
    """The {cap}, {CAP} of a preset for an office whose name states the level `stated`: that
    level when the preset is for it (a ubnd-xa of a phường writes "Văn phòng HĐND và UBND
    phường"), else the preset's first ("xã" for a name that states none)."""
    return _level_of(levels(preset), stated)


def chief_level_names(preset: dict[str, Any], stated: str | None) -> dict[str, str]:
    """The {cap}, {CAP} of a preset whose office belongs to a chủ quản (cap_chu_quan) that
    states the level `stated`, as the starters fill its words (a phòng of a UBND xã: "Quỹ thi
    đua, khen thưởng của xã"); `vanthu init` refuses a profile's level it is not for."""
    return _level_of(chief_levels(preset), stated)


def _level_of(known: tuple[str, ...], stated: str | None) -> dict[str, str]:
    level = stated if stated in known else (known[0] if known else "")
    return {"cap": level, "CAP": level.upper()}


def place_body(preset: dict[str, Any]) -> str | None:
    """The body a preset is the office of a place for ("ỦY BAN NHÂN DÂN"), read off its header
    "<body> <FIRST LEVEL> {DIA_DANH}"; None for a preset that is not a place's own body."""
    known = levels(preset)
    template = str(preset.get("ten_co_quan") or "")
    tail = f" {known[0].upper()} {{DIA_DANH}}" if known else ""
    if not tail or not template.endswith(tail):
        return None
    return template.removesuffix(tail).strip() or None
