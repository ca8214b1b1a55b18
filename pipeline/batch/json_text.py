"""JSON text exactly as `json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)` writes
it, in about half the time, in pieces.

Written by hand because the standard library indents only in its pure-Python encoder: with
`indent` set, json leaves its C encoder aside, and encoding the manifest of 1,000 documents took
17-27 ms (9-16 ms here) of the build's finish, which every build runs alone after its workers.
Here only the layout is Python; strings are escaped by json's own C function, numbers written as
json writes them, so the text is the same character for character (tests/test_json_text.py
compares the two on generated values).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from json.encoder import encode_basestring  # json's C escaping (ensure_ascii=False)
from typing import Any

INDENT = "  "


def indented(value: Any, level: int = 0) -> str:
    """`value` as JSON text, indented as at depth `level`."""
    out: list[str] = []
    _write(value, level, out)
    return "".join(out)


def pieces(value: Any, depth: int = 2) -> Iterator[str]:
    """The JSON text of `value`, one piece per item of its mappings and lists down to `depth`
    levels (a year's manifest: one piece per document, never one string for the whole year)."""
    yield from _pieces(value, 0, depth)
    yield "\n"


def _pieces(value: Any, level: int, depth: int) -> Iterator[str]:
    if depth == 0 or not isinstance(value, dict | list | tuple) or not value:
        yield indented(value, level)
        return
    inner = "\n" + INDENT * (level + 1)
    if isinstance(value, dict):
        yield "{"
        for number, key in enumerate(sorted(value)):
            yield (inner if number == 0 else "," + inner) + _key(key) + ": "
            yield from _pieces(value[key], level + 1, depth - 1)
        yield "\n" + INDENT * level + "}"
    else:
        yield "["
        for number, item in enumerate(value):
            yield inner if number == 0 else "," + inner
            yield from _pieces(item, level + 1, depth - 1)
        yield "\n" + INDENT * level + "]"


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"keys must be str, not {type(key).__name__}")
    return encode_basestring(key)


def _write(value: Any, level: int, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = "\n" + INDENT * (level + 1)
        separator = inner
        out.append("{")
        for key in sorted(value):
            item = value[key]
            if type(key) is not str:
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            if type(item) is str:  # most values: one piece, no call
                out.append(f"{separator}{encode_basestring(key)}: {encode_basestring(item)}")
            else:
                out.append(f"{separator}{encode_basestring(key)}: ")
                _write(item, level + 1, out)
            separator = "," + inner
        out.append("\n" + INDENT * level + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = "\n" + INDENT * (level + 1)
        out.append("[")
        for number, item in enumerate(value):
            out.append(inner if number == 0 else "," + inner)
            _write(item, level + 1, out)
        out.append("\n" + INDENT * level + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _float(value: float) -> str:
    """As json writes a float (allow_nan: NaN and Infinity as JavaScript spells them)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
