"""Thanh điệu placement: one spelling key for words typed with the old or the new tone place.

Vietnamese puts the tone mark of some syllables in two places, both correct and both in use:
"hoà" / "hòa", "thuý" / "thúy", "uỷ" / "ủy". A clerk's list or an office's award names mix
them, so comparisons (an award name, the same person twice in a list, an agency's name: "UỶ
BAN NHÂN DÂN" is "ỦY BAN NHÂN DÂN") key words with their tone marks at the end of the word
instead of where they were typed.

The five tone marks are listed here once, for this module, for pipeline.text.syllables (which
reads a syllable's tone to tell Vietnamese from text in an old 8-bit code) and for
pipeline.text.legacy_codes (which writes a tone as a byte of Windows-1258).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# The five thanh điệu marks as combining characters: huyền, sắc, ngã, hỏi, nặng. The vowel
# marks (circumflex, breve, horn) belong to the letter and stay where they are.
HUYEN, SAC, NGA, HOI, NANG = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
# In that order, as one string: the inside of a regular expression's [...] too.
TONE_MARKS = HUYEN + SAC + NGA + HOI + NANG
_TONES = frozenset(TONE_MARKS)


def split_tone(syllable: str) -> tuple[str, list[str]]:
    """A syllable without its tone marks (NFC), and the marks it has, in order: one for a word
    of Vietnamese, none or several for anything else ("ñ" has a tilde, not a tone)."""
    parts = unicodedata.normalize("NFD", syllable)
    tones = [mark for mark in parts if mark in _TONES]
    bare = unicodedata.normalize("NFC", "".join(mark for mark in parts if mark not in _TONES))
    return bare, tones


def tones_last(text: str) -> str:
    """The text in NFD with each word's tone mark moved to the end of the word: a comparison
    key only ("Hoà" and "Hòa" give the same), never text to print."""
    out: list[str] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if char in _TONES:
            tones.append(char)
        elif char.isalnum() or unicodedata.combining(char):
            out.append(char)
        else:
            out += tones
            tones.clear()
            out.append(char)
    return "".join(out + tones)


# A dash between two names ("Phòng Tổ chức - Hành chính"), typed with a hyphen, an en or em dash
# (Word's AutoCorrect), a minus sign, with spaces around it or without.
# The dashes a name may be joined by ("Tổ chức – Hành chính"), and one with the spaces around it.
_DASHES = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"
_DASH = re.compile(rf"\s*{_DASHES}\s*")


@functools.lru_cache(maxsize=8192)  # agencies' names and their words repeat
def same_spelling(text: str) -> str:
    """`text` as compared for "the same words": one line, single spaces, case, tone placement
    and the dash between two names folded ("Uỷ ban  nhân dân" and "ỦY BAN NHÂN DÂN" give the
    same, "Phòng Tổ chức – Hành chính" and "phòng tổ chức-hành chính" too), whatever its Unicode
    form; a comparison key only, never text to print."""
    words = unicodedata.normalize("NFC", text).split()
    # Word by word, each word kept (_spelt_word): a space ends a word's tones as it ends the
    # word, and the names compared (every new name and unit of a list) are new texts of the
    # same few words. A word with a dash in it is read with the words around it (_DASH).
    keys = list(map(_spelt_word, words))
    if None not in keys:
        return " ".join(keys)  # type: ignore[arg-type]
    text = " ".join(words).casefold()
    return " ".join(map(_tones_last_of_word, _DASH.sub(" - ", text).split(" ")))


@functools.lru_cache(maxsize=8192)
def _spelt_word(word: str) -> str | None:
    """same_spelling of one word (NFC, no space in it); None for a word with a dash, which
    _DASH reads with the spaces around it."""
    if _HAS_DASH.search(word):
        return None
    return tones_last(word.casefold())


_HAS_DASH = re.compile(_DASHES)


@functools.lru_cache(maxsize=8192)
def _tones_last_of_word(word: str) -> str:
    """tones_last of text without a space."""
    return tones_last(word)
