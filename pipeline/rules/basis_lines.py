"""Căn cứ lines: where a document's data cites the laws and decrees it rests on.

A Quyết định lists them (can_cu); the other types write them in their text: a Tờ trình's mở đầu
"Căn cứ Luật ...; Căn cứ Nghị định ...", a Kế hoạch's "Căn cứ ..., Ủy ban nhân dân xã ban hành Kế
hoạch ..." or a section "I. CĂN CỨ" with the laws as dash lines. These are found in the data as
the clerk typed it (plain mappings, lists and text), each with its place, so that a warning
names its line and field (rules.cited_decrees says what is stale in them).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

Place = tuple[str | int, ...]

# A Quyết định's căn cứ: every line is one.
BASIS_KEY = "can_cu"
# A document written inside another's file (a Tờ trình's draft decision): its own căn cứ, of its
# own date, are its own to check.
_INNER_DOCUMENTS = frozenset({"du_thao"})
# "Căn cứ", "căn cứ" as a word of the text or of a section's heading (tieu_de).
_SAYS_BASIS = re.compile(r"\bcăn\s+cứ\b", re.IGNORECASE)
_HEADING = "tieu_de"


def basis_lines(data: Mapping[str, Any], *, every_text: bool = False) -> list[tuple[Place, str]]:
    """(place, text) of each căn cứ line of a document's data, in the file's order: a can_cu
    item, a text saying "căn cứ", a text of a section whose heading says it; with `every_text`,
    every text of the document (a Kế hoạch: what it plans is done under the laws in force, so
    a law it names anywhere is one it rests on). The texts of a document written inside it
    (du_thao) are left to that document."""
    found: list[tuple[Place, str]] = []
    _walk(data, (), every_text, found)
    return found


def _walk(value: Any, place: Place, under: bool, found: list[tuple[Place, str]]) -> None:
    """The căn cứ lines at and below `place` added to `found`; `under`: inside a part whose
    texts all are.

    Not pipeline.load.yaml_source.strings (every text with its place, as check_typed_weekdays
    and the legacy-text gate read them): whether a text counts depends on the parts above it
    (a section whose heading says căn cứ, the can_cu list), carried down as `under`, and a
    draft written inside the document (du_thao) is skipped whole; and the rules layer reads
    no module of pipeline.load.

    A text below is judged here, without a call of its own, and a call is made only for a
    list or a mapping below: a document's data is mostly texts, dates and numbers."""
    if isinstance(value, str):
        if under or _says_basis(value):
            found.append((place, value))
        return
    if isinstance(value, list):
        items: Iterable[tuple[str | int, Any]] = enumerate(value)
        inside = top = False
    elif isinstance(value, Mapping):
        heading = value.get(_HEADING)
        inside = under or (isinstance(heading, str) and _says_basis(heading))
        items, top = value.items(), not place
    else:
        return
    for key, item in items:
        below = under
        if top:
            if key in _INNER_DOCUMENTS:
                continue
            below = inside or key == BASIS_KEY
        elif inside:
            below = True
        if isinstance(item, str):
            if below or _says_basis(item):
                found.append(((*place, key), item))
        elif isinstance(item, (list, Mapping)):
            _walk(item, (*place, key), below, found)


@functools.lru_cache(maxsize=4096)  # a workspace's documents repeat most of their texts
def _says_basis(text: str) -> bool:
    return _SAYS_BASIS.search(unicodedata.normalize("NFC", text)) is not None
