"""Message language: Vietnamese by default, English on request (--lang en or an English locale)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.messages import CATALOGUE

SUPPORTED = ("vi", "en")
_current = "vi"


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """Pick 'en' when the locale variables name an English locale, else 'vi'."""
    env = os.environ if environ is None else environ
    for name in ("VANTHU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "vi"
    return "vi"


def set_language(lang: str | None) -> str:
    """Set the language of every later message; None means: from the environment."""
    global _current
    chosen = (lang or language_from_environment()).lower()[:2]
    _current = chosen if chosen in SUPPORTED else "vi"
    return _current


def current_language() -> str:
    return _current


def t(key: str, /, lang: str | None = None, **params: Any) -> str:
    """The message `key` in the current (or given) language, with params filled in."""
    entry = CATALOGUE.get(key)
    if entry is None:  # a missing key is a programming error, but never hide the params
        return f"{key} {params}" if params else key
    text = entry.get(lang or _current) or entry["vi"]
    return text.format(**params) if params else text


def library_wording(
    forms: Sequence[tuple[re.Pattern[str], str]], text: str
) -> tuple[str, re.Match[str]] | None:
    """Which of a library's known English wordings `text` is in: the catalogue key paired with
    the first pattern that matches, and the match (its groups are the message's params); None
    for a wording not known, which the caller then shows as the library put it. Used for the
    messages of Click (pipeline/usage_errors.py) and Jinja (pipeline/render/jinja_errors.py)."""
    for pattern, key in forms:
        match = pattern.match(text)
        if match is not None:
            return key, match
    return None
