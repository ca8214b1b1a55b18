"""Unicode NFC for every text vanthu reads, so one Vietnamese letter is always one code point.

Vietnamese can be typed two ways that look the same: "ộ" as one code point (NFC, what Unikey and
Word produce) or as "o" + combining circumflex + combining dot below (NFD, what macOS file names
and some converters produce). Comparisons, abbreviation look-ups and width measurements only
work when every string is in the same form, so data is brought to NFC once, on reading.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from pipeline.text.tones import same_spelling

# The text in Unicode NFC (composed) form. A partial of the C function, not a function of
# our own around it: every text the loader reads is brought to NFC here, and a Python call
# for each cost more than the normalizing (already-NFC text is checked, not rebuilt).
nfc: Callable[[str], str] = functools.partial(unicodedata.normalize, "NFC")


def is_nfc(text: str) -> bool:
    """Whether the text is already in NFC form."""
    return unicodedata.is_normalized("NFC", text)


def normalize_tree(obj: Any) -> Any:
    """The same nested structure (dicts, lists, tuples, str) with every str, keys too, in NFC.

    Plain ``dict``, ``list`` and ``tuple`` objects are rebuilt, so the caller's data is not
    changed. Subclasses of ``dict`` and ``list`` -- ruamel.yaml's ``CommentedMap`` and
    ``CommentedSeq`` above all -- are updated *in place* and returned, so that their type, their
    comments and the line numbers that error messages point at survive; when a key changes, its
    comment and line entries move with it. Subclasses of ``str`` (ruamel's quoted scalar strings)
    keep their type. Shared and self-referencing containers (YAML anchors and aliases) stay
    shared. Any other value (numbers, dates, None) is returned as it is.
    """
    return _normalize(obj, {})


def _normalize(obj: Any, memo: dict[int, Any]) -> Any:
    if isinstance(obj, str):
        return _normalize_str(obj)
    if id(obj) in memo:
        return memo[id(obj)]
    if isinstance(obj, dict):
        return _normalize_dict(obj, memo)
    if isinstance(obj, list):
        return _normalize_list(obj, memo)
    if isinstance(obj, tuple):
        items = [_normalize(item, memo) for item in obj]
        if type(obj) is tuple:
            return tuple(items)
        if hasattr(obj, "_fields"):  # a namedtuple takes its fields as arguments
            return type(obj)(*items)
        return type(obj)(items)
    return obj


def _normalize_str(text: str) -> str:
    if is_nfc(text):
        return text
    if type(text) is str:
        return nfc(text)
    try:  # ruamel's ScalarString subclasses take the value as their first argument
        return type(text)(nfc(text))
    except TypeError:
        return nfc(text)


def _normalize_dict(obj: dict[Any, Any], memo: dict[int, Any]) -> dict[Any, Any]:
    if type(obj) is dict:
        out: dict[Any, Any] = {}
        memo[id(obj)] = out
        for key, value in obj.items():
            out[_normalize(key, memo)] = _normalize(value, memo)
        return out
    memo[id(obj)] = obj
    items = [(key, _normalize(key, memo), _normalize(value, memo)) for key, value in obj.items()]
    if all(new_key == key for key, new_key, _ in items):
        for key, _, value in items:
            if value is not obj[key]:
                obj[key] = value
        return obj
    # A key changed: rebuild in the same order, carrying ruamel's per-key metadata along.
    for key, new_key, _ in items:
        if new_key != key:
            _move_metadata(obj, key, new_key)
    obj.clear()
    for _, new_key, value in items:
        obj[new_key] = value
    return obj


def _move_metadata(obj: Any, old: Any, new: Any) -> None:
    """Move ruamel's comment (``ca.items``) and position (``lc.data``) entries to a new key."""
    for holder_name, table_name in (("ca", "items"), ("lc", "data")):
        holder = getattr(obj, holder_name, None)
        table = getattr(holder, table_name, None) if holder is not None else None
        if isinstance(table, dict) and old in table:
            table[new] = table.pop(old)


def _normalize_list(obj: list[Any], memo: dict[int, Any]) -> list[Any]:
    if type(obj) is list:
        out: list[Any] = []
        memo[id(obj)] = out
        out.extend(_normalize(item, memo) for item in obj)
        return out
    memo[id(obj)] = obj
    for index, item in enumerate(obj):
        new = _normalize(item, memo)
        if new is not item:
            obj[index] = new
    return obj


@functools.lru_cache(maxsize=8192)  # units, titles and kinds repeat down a list
def slug(text: str) -> str:
    """A data key from Vietnamese text: 'Lao động tiên tiến' → 'lao_dong_tien_tien'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return "_".join(re.findall(r"[a-z0-9]+", ascii_text))


def recipient_key(name: str) -> str:
    """A recipient (Kính gửi, Nơi nhận) as compared for "the same one": without case, spacing,
    tone placement or a closing mark ("Phòng Kinh tế;" is "phòng kinh tế", "Uỷ ban nhân dân
    tỉnh" is "Ủy ban nhân dân tỉnh"); a key only, never text to print."""
    return same_spelling(unicodedata.normalize("NFC", name).rstrip(" .;,"))
