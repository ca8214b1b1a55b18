"""Thanh điệu placement: one spelling key for words typed with the old or the new tone place.

Vietnamese puts the tone mark of some syllables in two places, both correct and both in use:
"hoà" / "hòa", "thuý" / "thúy", "uỷ" / "ủy". A clerk's list or an office's award names mix
them, so comparisons (an award name, the same person twice in a list) key words with their
tone marks at the end of the word instead of where they were typed.
"""

from __future__ import annotations

import unicodedata

# The five thanh điệu marks as combining characters (huyền, sắc, ngã, hỏi, nặng). The vowel
# marks (circumflex, breve, horn) belong to the letter and stay where they are.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


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
