"""Figures named in narrative text: '{{ lao_dong_tien_tien.ca_nhan }} cá nhân'.

Only dotted names of computed figures are allowed, replaced by their printed value: this is a
lookup, not a template language, so the rest of the text stays exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{\{\s*([a-z0-9_]+(?:\.[a-z0-9_]+)*)\s*\}\}")


def names_in(text: str) -> list[str]:
    """The figure names a text refers to."""
    return PLACEHOLDER.findall(text)


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with every placeholder replaced by its value (KeyError for an unknown name)."""
    return PLACEHOLDER.sub(lambda match: values[match[1]], text)
