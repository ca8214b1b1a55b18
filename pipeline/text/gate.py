"""The one gate every text from data passes before it can reach a document's XML.

A text either comes out printable as typed (after the normalisation below) or is refused with the
offending character, so the reader can say where it stands (file, line or cell, field).

Refused (they cannot be written in XML 1.0, or they change the document behind the clerk's back):
- C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F) except tab and line feed:
  a BEL would split a paragraph, a form feed insert a page break, most would make the file invalid;
- lone surrogates (U+D800–U+DFFF) and the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF;
- bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they
  reorder what a reader sees without being seen;
- the Hangul fillers U+115F, U+1160, U+3164, U+FFA0: letters that print as nothing;
- emoji and pictographs (which ones: see below): a 🌸 typed in a name from a phone's keyboard
  has no place in an official document, is in none of its fonts (the PDF shows nothing, the
  .docx a coloured picture) and sorts the name first.

Normalised (invisible in print, but they break comparisons, sorting and look-ups of names):
- other spaces become an ordinary space: no-break space U+00A0, U+1680, U+2000–U+200A,
  narrow no-break space U+202F, U+205F, ideographic space U+3000;
- zero-width characters are removed: zero-width space U+200B, zero-width non-joiner and joiner
  U+200C/U+200D, word joiner and invisible operators U+2060-U+2064, zero-width no-break space
  (BOM) U+FEFF, soft hyphen U+00AD, Mongolian vowel separator U+180E, left-to-right,
  right-to-left and Arabic letter marks U+200E/U+200F/U+061C; but a soft hyphen that is TCVN3's ư
  ("H\u00adng" is "Hưng" typed with a .VnTime font) is kept, for the legacy check to refuse
  the text with its Unicode (pipeline.text.legacy.keep_tcvn3_u_horns says which);
- line and paragraph separators U+2028/U+2029 become a line break (as a typed new line).
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.patterns import lazy

# Emoji and pictographs. Not the Unicode category So as a whole: most symbols of the BMP are a
# document's own (° © ® № ™ ℃, ☐ ✓ ■ ● as boxes and bullets, arrows, ★), and symbols of other
# categories (± × ÷ − ≤ Sm, § ¶ ‰ … Po, – — Pd, quotes Pi/Pf, ₫ Sc) are not touched at all. (Of
# those Times New Roman has no glyph for, ℃ ✓ ★ among them, loading warns: Word prints them in
# another font, and no PDF is made of them; pipeline.rules.font_coverage.) Refused:
# - the characters of the BMP that show as a coloured emoji by default (Unicode's
#   Emoji_Presentation property, emoji-data.txt of Unicode 15.1: ⌚ ☕ ⚡ ⚽ ✅ ❌ ❗ ➕ ⭐ ...);
#   the others (❤ ☎ ✔) are text symbols, refused only with the U+FE0F that makes them emoji;
# - U+1F000–U+1FFFF, all of it: the emoji and pictograph blocks (🀄 cards, 🅰 enclosed letters,
#   🇻🇳 regional indicators, 🌸 and every other pictograph, 🏻 skin tones, 🟥 geometric shapes,
#   symbols for legacy computing) and the range Unicode keeps for future pictographs, so that
#   an emoji newer than this Python's Unicode tables is refused too;
# - what only builds an emoji sequence and is invisible on its own: the variation selectors
#   (U+FE00–U+FE0F, U+E0100–U+E01EF; U+FE0F makes "❤️" of ❤, none changes a glyph of the
#   document's fonts), the keycap mark U+20E3 ("1️⃣"), the tag characters U+E0000–U+E007F
#   (subdivision flags). A ZWJ (U+200D) only joins emoji, which are refused themselves.
_EMOJI_PRESENTATION_BMP = (
    "\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693"
    "\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa"
    "\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf"
    "\u2b1b\u2b1c\u2b50\u2b55"
)
_PICTOGRAPHS_BMP = _EMOJI_PRESENTATION_BMP + "\u20e3\ufe00-\ufe0f"
# U+1FFFE and U+1FFFF, the plane's two noncharacters, are refused as such, not as pictographs.
_PICTOGRAPHS_ASTRAL = "\U0001f000-\U0001fffd\U000e0000-\U000e007f\U000e0100-\U000e01ef"

_REFUSED_BMP = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
_REFUSED_BMP += "\u202a-\u202e\u2066-\u2069" + _PICTOGRAPHS_BMP
# The Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) are letters that print as nothing: refused
# with their name, not removed, as a letter is never dropped from a name unseen; in a list they
# are the way to make a name look like another's, or like none ("Nguyễn\u3164Văn A").
_REFUSED_BMP += "\u115f\u1160\u3164\uffa0"
REFUSED_PATTERN = (
    f"[{_REFUSED_BMP}{_PICTOGRAPHS_ASTRAL}"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000"
# Removed, not refused: each is invisible and changes nothing a reader sees in Vietnamese text
# (they come with text copied from web pages, Word and PDFs), so the text means the same without
# them, and kept they would make "Nguyễn Đ\u200dức Thọ" a second person beside "Nguyễn Đức Thọ",
# printed alike and paid twice. Besides the zero-width space and the BOM: the zero-width
# non-joiner and joiner U+200C/U+200D (they only choose a ligature or an emoji's shape; an emoji
# itself is refused before this), the word joiner and the invisible operators of mathematics
# U+2060-U+2064, and the Arabic letter mark U+061C, a directional mark like U+200E/U+200F (marks
# only settle the direction of the characters beside them; the embeddings and overrides that
# reorder a run are refused above).
_REMOVED = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u200e\u200f\u061c"
_TABLE = str.maketrans(
    {**{c: " " for c in _SPACES}, **{c: None for c in _REMOVED}, "\u2028": "\n", "\u2029": "\n"}
)
# _TABLE without the soft hyphen's removal: for text holding one, which may be TCVN3's ư.
_SOFT_HYPHEN = "\u00ad"
_TABLE_BUT_SOFT_HYPHEN = {**_TABLE}
del _TABLE_BUT_SOFT_HYPHEN[ord(_SOFT_HYPHEN)]
# Combining marks (U+0300-U+036F: the tones and the circumflex, breve and horn; and the blocks
# of other such marks). NFC joins each to the letter before it where the two make a letter of
# their own, as every Vietnamese letter is: one left after NFC sits on a letter that takes no
# more (a tone typed twice, "phò̀ng"), and prints as a second accent on it.
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# The two searches below in one pass, for text where neither finds anything (most of it); and
# the combining marks, whose text the gate looks at again once composed (gate).
_REFUSED_OR_ASTRAL_OR_INVISIBLE = re.compile(
    f"[{_REFUSED_BMP}\U00010000-\U0010ffff{_SPACES}{_REMOVED}\u2028\u2029{_COMBINING}]"
)


# The patterns below are needed only for text the search above stops at (an invisible space, a
# character beyond U+FFFF or one the gate refuses): compiled then, once (patterns.lazy), not at
# import, where they were ~20 M instructions of every build's start.

# REFUSED_PATTERN's search, ten times faster: re tries a class holding characters beyond U+FFFF
# (the 32 noncharacters of planes 1-16) item by item on every character, and one without them as
# a bitmap. So this class holds the refused characters of the BMP and every character beyond it;
# from a match beyond it (rarely: a Hán Nôm character of CJK Extension B, an emoji) the full
# class searches on.
_refused_or_astral = lazy(f"[{_REFUSED_BMP}\U00010000-\U0010ffff]")


# A character normalize_invisible changes.
_needs_work = lazy(f"[{_SPACES}{_REMOVED}\u2028\u2029]")


# Every character the gate refuses (REFUSED_PATTERN).
_refused = lazy(REFUSED_PATTERN)


# A combining mark (in composed text: one no letter took).
_stray_mark = lazy(f"[{_COMBINING}]")


# An emoji or pictograph.
_pictograph = lazy(f"[{_PICTOGRAPHS_BMP}{_PICTOGRAPHS_ASTRAL}]")


# The characters an emoji sequence is made of besides its pictographs: ZWJ, the variation
# selectors, the keycap mark, skin tones (in the pictograph range) and tags.
_sequence_part = lazy(f"[\u200d{_PICTOGRAPHS_BMP}{_PICTOGRAPHS_ASTRAL}]")


# What modifies the character before it: the keycap mark, variation selectors, tags.
_modifier = lazy("[\u20e3\ufe00-\ufe0f\U000e0000-\U000e007f\U000e0100-\U000e01ef]")


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

    @property
    def name(self) -> str:
        """Its Unicode name, as messages show it, or what it is when it has none: a control
        character, a surrogate, an emoji newer than this Python's tables, a noncharacter."""
        kind = unicodedata.category(self.char)
        fallback = "emoji" if self.pictograph else {"Cc": "control", "Cs": "surrogate"}.get(
            kind, "noncharacter"
        )
        return unicodedata.name(self.char, "") or fallback

    @property
    def stray_mark(self) -> bool:
        """Whether it is a combining mark left over once the text is composed (a tone typed
        twice): refused for the second accent it prints (stray_mark_at)."""
        return _stray_mark().match(self.char) is not None

    def on_its_letter(self, text: str) -> str:
        """A stray mark as the clerk sees it in `text` (the composed text it was found in): on
        the letter before it («ò̀»), or alone at the start."""
        return text[self.index - 1 : self.index + 1] if self.index > 0 else self.char

    @property
    def pictograph(self) -> bool:
        """Whether it is refused as an emoji or pictograph (else XML or the reading order
        cannot have it)."""
        return _pictograph().match(self.char) is not None


def emoji_at(text: str, index: int) -> str:
    """The emoji sequence around the refused pictograph at `index`, as the clerk sees it: "❤️"
    for the variation selector after ❤, "👨‍👩‍👧" for any part of the family."""
    start = end = index
    part = _sequence_part()
    while start > 0 and part.match(text[start - 1]):
        start -= 1
    if start > 0 and _modifier().match(text[start]):  # the base it modifies: ❤, 1, ☎
        start -= 1
    while end + 1 < len(text) and part.match(text[end + 1]):
        end += 1
    return text[start : end + 1]


def refused_character(text: str) -> BadCharacter | None:
    """The first character of `text` the gate refuses, or None."""
    match = _refused_or_astral().search(text)
    if match is not None and match[0] > "\uffff":
        match = _refused().search(text, match.start())
    return BadCharacter(match[0], match.start()) if match else None


def gate(text: str) -> str:
    """`text` (composed: NFC) with invisible spaces normalised; BadCharacter for a character
    XML must not get, or a combining mark no letter took (stray_mark_at)."""
    bad = refused_character(text)
    if bad is not None:
        raise bad
    shown = normalize_invisible(text)  # a zero-width space between a letter and its mark gone
    mark = stray_mark_at(shown)
    if mark is not None:
        raise mark
    return shown


def stray_mark_at(text: str) -> BadCharacter | None:
    """The first combining mark of composed (NFC) `text`: a tone or other mark typed twice, or
    on a letter that takes none, which NFC could not join to a letter; None when there is
    none (every mark of a Vietnamese text is joined to its letter)."""
    if not text.isascii():
        found = _stray_mark().search(text)
        if found is not None:
            return BadCharacter(found[0], found.start())
    return None


def has_invisible(text: str) -> bool:
    """Whether `text` holds a character normalize_invisible changes."""
    return _needs_work().search(text) is not None


def passes_unchanged(text: str) -> bool:
    """Whether `text` holds nothing the gate refuses and nothing it normalises (NFC aside), nor
    a combining mark (composed, it may be one the gate refuses)."""
    if _REFUSED_OR_ASTRAL_OR_INVISIBLE.search(text) is None:
        return True
    return (refused_character(text) is None and not has_invisible(text)
            and _stray_mark().search(text) is None)  # fmt: skip


def normalize_invisible(text: str) -> str:
    """Other spaces → ' ', zero-width characters removed (a soft hyphen that is TCVN3's ư
    aside), U+2028/U+2029 → new line."""
    if _needs_work().search(text) is None:
        return text
    if _SOFT_HYPHEN not in text:
        # Removing a zero-width character may bring a letter and its combining mark together.
        return unicodedata.normalize("NFC", text.translate(_TABLE))
    # Imported here: only text with a soft hyphen, rare, needs the legacy codes' tables.
    from pipeline.text.legacy import keep_tcvn3_u_horns

    # The soft hyphens judged in the text as it reads once the rest is normalised and composed.
    shown = unicodedata.normalize("NFC", text.translate(_TABLE_BUT_SOFT_HYPHEN))
    kept = keep_tcvn3_u_horns(shown)
    return kept if kept == shown else unicodedata.normalize("NFC", kept)
