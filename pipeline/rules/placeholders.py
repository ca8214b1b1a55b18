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


# What a template language would read as a tag: any opening or closing of {{ }}, {% %}, {# #}.
_TAG_MARK = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
_FRAGMENT_CHARS = 40


def stray_tags(text: str) -> list[str]:
    """The tag-like pieces of `text` that are not a plain `{{ name }}`: an unclosed `{{`, a
    filter (`{{ x|upper }}`), a statement (`{% if %}`), a comment; each as typed (cut short).

    Such text is printed as it is, braces and all, so it is refused before anything is filled.
    """
    rest = PLACEHOLDER.sub(lambda match: "\0" * len(match[0]), text)
    found: list[str] = []
    position = 0
    while match := _TAG_MARK.search(rest, position):
        start = match.start()
        closing = {"{{": "}}", "{%": "%}", "{#": "#}"}.get(match[0])
        end = rest.find(closing, match.end()) if closing else -1
        stop = end + 2 if end >= 0 else match.end()
        if closing and end < 0:  # unclosed: show what follows, up to the next field or the end
            stop = min(len(rest), start + _FRAGMENT_CHARS)
            stop = next((i for i in range(match.end(), stop) if rest[i] == "\0"), stop)
        piece = text[start:stop]
        found.append(piece if len(piece) <= _FRAGMENT_CHARS else piece[: _FRAGMENT_CHARS - 1] + "…")
        position = max(stop, match.end())
    return found


_TAG_ENDS = re.compile(r"^\{[{%#]-?|-?[}%#]\}$")


def meant_name(piece: str) -> str:
    """The figure name a tag that stray_tags found was most likely meant to be: its text inside
    the braces, before any filter, in lower case ("{{ Giay_khen.ca_nhan }}" →
    "giay_khen.ca_nhan", "{{ tong.ca_nhan | int }}" → "tong.ca_nhan"), to look up the known
    name closest to it."""
    inside = _TAG_ENDS.sub("", piece.strip()).split("|")[0]
    return "".join(inside.split()).casefold()
