"""Numbers a clerk typed in front of text that vanthu numbers itself.

Điều, khoản, điểm and Mục are numbered from their order, never from the data: a clerk pasting
"Điều 3. Quyết định này có hiệu lực ..." or "1. Thời gian ..." from an old document would get
"Điều 3. Điều 3. ..." and "1. 1. ...". The typed number is dropped, whatever it was (it is the
old document's), as a typed "Căn cứ" or "- " is.
"""

from __future__ import annotations

import re

# "Điều 3." / "Điều 3:" / "điều 12 ." at the head of an article's text.
_ARTICLE = re.compile(r"^\s*điều\s+\d{1,3}\s*[.:]\s*", re.IGNORECASE)
# "1. " / "2) " at the head of a khoản: one or two digits and a space after the mark, so that
# "1.500 người" or "2025 là năm ..." stay as they are.
_ITEM = re.compile(r"^\s*\d{1,2}\s*[.)]\s+")
# "a) " / "đ) " at the head of a điểm.
_POINT = re.compile(r"^\s*[a-zđ]\)\s+")
# "I. " / "IV. " at the head of a Mục's title.
_SECTION = re.compile(r"^\s*[IVXL]{1,6}\.\s+")


def _dropped(pattern: re.Pattern[str], text: str) -> str:
    rest = pattern.sub("", text, count=1)
    return rest if rest.strip() else text  # a number alone is text, not a typed number


def article_text(text: str) -> str:
    """An article's text without a typed 'Điều N.'."""
    return _dropped(_ARTICLE, text)


def item_text(text: str) -> str:
    """A khoản's text without a typed '1.'."""
    return _dropped(_ITEM, text)


def point_text(text: str) -> str:
    """A điểm's text without a typed 'a)'."""
    return _dropped(_POINT, text)


def section_title(text: str) -> str:
    """A Mục's title without a typed 'I.'."""
    return _dropped(_SECTION, text)
