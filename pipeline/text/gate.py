"""The one gate every text from data passes before it can reach a document's XML.

A text either comes out printable as typed (after the normalisation below) or is refused with the
offending character, so the reader can say where it stands (file, line or cell, field).

Refused (they cannot be written in XML 1.0, or they change the document behind the clerk's back):
- C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F) except tab and line feed:
  a BEL would split a paragraph, a form feed insert a page break, most would make the file invalid;
- lone surrogates (U+D800–U+DFFF) and the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF;
- bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they
  reorder what a reader sees without being seen.

Normalised (invisible in print, but they break comparisons, sorting and look-ups of names):
- other spaces become an ordinary space: no-break space U+00A0, U+1680, U+2000–U+200A,
  narrow no-break space U+202F, U+205F, ideographic space U+3000;
- zero-width characters are removed: zero-width space U+200B, word joiner U+2060, zero-width
  no-break space (BOM) U+FEFF, soft hyphen U+00AD, Mongolian vowel separator U+180E,
  left-to-right and right-to-left marks U+200E/U+200F;
- line and paragraph separators U+2028/U+2029 become a line break (as a typed new line).
"""

from __future__ import annotations

import re
import unicodedata

_REFUSED_BMP = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_REFUSED_BMP += "\u202a-\u202e\u2066-\u2069"
REFUSED_PATTERN = (
    f"[{_REFUSED_BMP}"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_REFUSED = re.compile(REFUSED_PATTERN)
# The same search, ten times faster: re tries a class holding characters beyond U+FFFF (the 32
# noncharacters of planes 1-16) item by item on every character, and one without them as a
# bitmap. So this class holds the refused characters of the BMP and every character beyond it;
# from a match beyond it (an emoji, rarely) the full class searches on.
_REFUSED_OR_ASTRAL = re.compile(f"[{_REFUSED_BMP}\U00010000-\U0010ffff]")
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000"
_REMOVED = "\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f"
_TABLE = str.maketrans(
    {**{c: " " for c in _SPACES}, **{c: None for c in _REMOVED}, "\u2028": "\n", "\u2029": "\n"}
)
_NEEDS_WORK = re.compile(f"[{_SPACES}{_REMOVED}\u2028\u2029]")
# Both searches in one pass, for text where neither finds anything (most of it).
_REFUSED_OR_ASTRAL_OR_INVISIBLE = re.compile(
    f"[{_REFUSED_BMP}\U00010000-\U0010ffff{_SPACES}{_REMOVED}\u2028\u2029]"
)


class BadCharacter(Exception):
    """A character the gate refuses, and its 0-based index in the text."""

    def __init__(self, char: str, index: int) -> None:
        super().__init__(f"U+{ord(char):04X} at {index}")
        self.char = char
        self.index = index

    @property
    def code(self) -> str:
        """'U+0007', as messages show it."""
        return f"U+{ord(self.char):04X}"


def refused_character(text: str) -> BadCharacter | None:
    """The first character of `text` the gate refuses, or None."""
    match = _REFUSED_OR_ASTRAL.search(text)
    if match is not None and match[0] > "\uffff":
        match = _REFUSED.search(text, match.start())
    return BadCharacter(match[0], match.start()) if match else None


def gate(text: str) -> str:
    """`text` with invisible spaces normalised; BadCharacter for a character XML must not get."""
    bad = refused_character(text)
    if bad is not None:
        raise bad
    return normalize_invisible(text)


def has_invisible(text: str) -> bool:
    """Whether `text` holds a character normalize_invisible changes."""
    return _NEEDS_WORK.search(text) is not None


def passes_unchanged(text: str) -> bool:
    """Whether `text` holds nothing the gate refuses and nothing it normalises (NFC aside)."""
    if _REFUSED_OR_ASTRAL_OR_INVISIBLE.search(text) is None:
        return True
    return refused_character(text) is None and not has_invisible(text)


def normalize_invisible(text: str) -> str:
    """Other spaces → ' ', zero-width characters removed, U+2028/U+2029 → new line."""
    if _NEEDS_WORK.search(text) is None:
        return text
    # Removing a zero-width character may bring a letter and its combining mark together.
    return unicodedata.normalize("NFC", text.translate(_TABLE))
