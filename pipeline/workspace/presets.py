"""Kiểu cơ quan: the office presets of kieu-co-quan.yaml, read once.

`vanthu init` fills an agency profile from them; the starters (`vanthu new`) take their
`van_ban:` wording for the kind of office a profile was made from.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

PRESETS_FILE = "kieu-co-quan.yaml"


@functools.cache
def presets() -> dict[str, dict[str, Any]]:
    """The office presets by name, in file order."""
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


def level_names(preset: dict[str, Any], stated: str | None) -> dict[str, str]:
    """The {cap}, {CAP} of a preset for an office whose name states the level `stated`: that
    level when the preset is for it (a ubnd-xa of a phường writes "Văn phòng HĐND và UBND
    phường"), else the preset's first ("xã" for a name that states none)."""
    known = levels(preset)
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
