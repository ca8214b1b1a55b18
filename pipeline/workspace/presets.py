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
