"""Thứ tự chữ cái tiếng Việt: sort keys for words and for people's names.

Order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (foreign f j w z take their
Latin places). Tones are a second level, ngang < huyền < hỏi < ngã < sắc < nặng: the letters
of the whole text decide first, then the tones word by word, then case (lower first). Digits
come before letters, and a run of digits compares as the number it writes ("Tổ 4" before
"Tổ 12"), as units and collectives are numbered.

Written by hand rather than taken from a library because:
- pyuca (the Unicode default table, DUCET) treats ă â đ ê ô ơ ư as a, d, e, o, u with accents,
  so "âm" sorts before "an" and "đa" before "dz"; tests/test_collation.py pins this.
- PyICU with the 'vi' locale is right (the tests compare against it when it is importable), but
  it ships no wheels: it must be compiled against the system ICU, which an office PC lacks.
- the rule is small and fixed, and a hand-written key can also treat "hoà" and "hòa" (old and
  new tone placement) as the same word, which ICU does not.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from pipeline.text.tones import HOI, HUYEN, NANG, NGA, SAC

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}

# Marks that make a different letter (primary level), by base letter.
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
# Tone marks (secondary level), ngang = 0: huyền, hỏi, ngã, sắc, nặng.
TONES = {HUYEN: 1, HOI: 2, NGA: 3, SAC: 4, NANG: 5}
# Legacy fonts and VNI-era data type Icelandic eth for Đ; it is meant as đ.
_LOOKALIKES = {"ð": "đ"}

# Primary weights: spaces, then punctuation and symbols, then digits, then letters.
_SPACE, _SYMBOL, _DIGIT, _LETTER, _OTHER_LETTER = (g << 21 for g in range(5))
# The longest run of digits weighed by its length (see _number_weights); within the band.
_MAX_RUN = (1 << 21) - 1


class SortKey(NamedTuple):
    """Levels of comparison; compares as a tuple, so it can be given to sorted()."""

    letters: tuple[int, ...]
    tones: tuple[tuple[int, ...], ...]
    case: tuple[int, ...]
    text: str  # NFC text: a last tie-break, so that different texts never compare equal


class NameKey(NamedTuple):
    """Given name, middle names, family name, then the whole name."""

    given: SortKey
    middle: SortKey
    family: SortKey
    full: SortKey


@functools.lru_cache(maxsize=4096)  # lists repeat units and names: bounded, memory stays flat
def vietnamese_key(text: str) -> SortKey:
    """Key that sorts text in Vietnamese alphabet order (letters, then tones, then case)."""
    nfc = unicodedata.normalize("NFC", text)
    return _words_key(nfc, nfc.split())


def _words_key(nfc: str, words: list[str]) -> SortKey:
    """vietnamese_key of NFC text, split into its words (`words`: nfc.split())."""
    # Most texts (names, units) are words of letters alone: each word's weights, tone marks and
    # case (_plain_word, kept by word: a list's names are new texts of the same few words),
    # joined by a space's; any other character, the whole text read by clusters.
    letters: list[int] = []
    tones: list[tuple[int, ...]] = []
    case: list[int] = []
    for word in words:
        found = _plain_word(word)
        if found is None:
            return _clustered_key(nfc)
        if letters:
            letters.append(_SPACE)
            case.append(0)
        letters += found[0]
        tones.append(found[1])
        case += found[2]
    return SortKey(tuple(letters), tuple(tones), tuple(case), nfc)


@functools.lru_cache(maxsize=4096)
def _plain_word(word: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None:
    """The letters' weights, the tone marks ((0,) for none) and the case of one NFC word of
    letters alone (_PLAIN_LETTERS), as vietnamese_key puts them in its key; None for a word
    with any other character, which _clustered_key reads."""
    plain = _PLAIN_LETTERS
    letters: list[int] = []
    marks: list[int] = []
    case: list[int] = []
    for char in word:
        found = plain.get(char)
        if found is None:
            return None
        letters.append(found[0])
        marks += found[1]
        case.append(found[2])
    return tuple(letters), tuple(marks) or (0,), tuple(case)


def _clustered_key(nfc: str) -> SortKey:
    """vietnamese_key of NFC text, read cluster by cluster (a base character and its marks)."""
    letters: list[int] = []
    tones: list[tuple[int, ...]] = []
    case: list[int] = []
    word_marks: list[int] = []
    in_word = False
    digits: list[int] = []  # the run of digits being read, weighed as one number when it ends
    for base, marks in _clusters(" ".join(nfc.split())):
        if digits and not base.isdecimal():
            letters.extend(_number_weights(digits))
            digits = []
        if base.isalnum():
            in_word = True
            lower, toned, foreign = _letter_and_marks(base, marks)
            word_marks += toned
            word_marks.extend(sorted(foreign))  # marks foreign to Vietnamese: after every tone
            if base.isdecimal():
                digits.append(unicodedata.decimal(base))
            else:
                letters.append(_letter_weight(lower))
            case.append(1 if base.isupper() else 0)
            continue
        if in_word:
            tones.append(tuple(word_marks) or (0,))
            word_marks, in_word = [], False
        letters.append(_SPACE if base.isspace() else _SYMBOL + ord(base))
        case.append(0)
    if digits:
        letters.extend(_number_weights(digits))
    if in_word:
        tones.append(tuple(word_marks) or (0,))
    return SortKey(tuple(letters), tuple(tones), tuple(case), nfc)


@functools.lru_cache(maxsize=4096)  # sorting a list asks for each name's key; names recur
def name_key(full_name: str) -> NameKey:
    """Key for a person's name: given name (last word), then middle, then family (first word);
    a note in brackets after the name ("Lê Văn Bình (truy tặng)": name_and_note) is no part of
    it, and only tells two names alike apart (the whole text, last)."""
    nfc = unicodedata.normalize("NFC", full_name)
    own, note = name_and_note(nfc)
    words = own.split()
    given = words[-1] if words else ""
    family = words[0] if len(words) > 1 else ""
    middle = " ".join(words[1:-1])
    return NameKey(
        vietnamese_key(given),
        vietnamese_key(middle),
        vietnamese_key(family),
        # vietnamese_key(full_name) from the words split above: a new name is asked once, and
        # no other caller asks for a person's whole name by that key.
        _words_key(nfc, nfc.split() if note else words),
    )


def name_and_note(full_name: str) -> tuple[str, str]:
    """A person's name and the note a clerk types after it in brackets, the space before the
    bracket kept with the note: "Lò Văn Tám (truy tặng)" → ("Lò Văn Tám", " (truy tặng)"). The
    note ("truy tặng", "sinh năm 1985", "liệt sĩ") is no part of the name: neither written with
    a name's capitals nor sorted on. Text starting with a bracket is all name."""
    start = full_name.find("(")
    if start <= 0:
        return full_name, ""
    own = full_name[:start].rstrip()
    return own, full_name[len(own) :]


def _clusters(text: str) -> list[tuple[str, list[str]]]:
    """Split NFD text into (base character, combining marks)."""
    clusters: list[tuple[str, list[str]]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and clusters:
            clusters[-1][1].append(ch)
        else:
            clusters.append((ch, []))
    return clusters


def _number_weights(digits: list[int]) -> list[int]:
    """A run of digits weighed as the number it writes: its length first (without leading
    zeros), then its digits, so that "Tổ 4" sorts before "Tổ 12" and "số 9" before "số 10", as a
    clerk sorts them (compared digit by digit, 12 would come before 4).

    The length stays within the digits' band of weights (below every letter), capped for a run
    longer than any number: such runs still sort, digit by digit.
    """
    start = 0
    while start < len(digits) and digits[start] == 0:
        start += 1
    significant = digits[start:]
    return [_DIGIT + min(len(significant), _MAX_RUN), *(_DIGIT + d for d in significant)]


def _letter_weight(letter: str) -> int:
    if letter in _LETTER_RANK:
        return _LETTER + _LETTER_RANK[letter]
    if letter.isdigit():
        return _DIGIT + unicodedata.digit(letter, 0)
    return _OTHER_LETTER + ord(letter)


def _plain_letter(char: str) -> tuple[int, tuple[int, ...], int] | None:
    """What a letter adds to a word's key as _clustered_key reads it (weight, tone marks, case),
    for a precomposed letter of the alphabet whose marks are all its own or tones; None for any
    other character."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    if unicodedata.normalize("NFC", char) != char or not base.isalpha() or base.isdecimal():
        return None
    lower, tones, foreign = _letter_and_marks(base, marks)
    if foreign or lower not in _LETTER_RANK:
        return None
    return _letter_weight(lower), tuple(tones), 1 if base.isupper() else 0


def _letter_and_marks(base: str, marks: Iterable[str]) -> tuple[str, list[int], list[int]]:
    """A cluster's letter, small, with the marks that make it a letter of the alphabet (â, ơ,
    đ); the weights of its tone marks, in order; and those of its marks foreign to Vietnamese
    (ü, ç), which sort after every tone."""
    lower = base.lower()
    lower = _LOOKALIKES.get(lower, lower)
    tones: list[int] = []
    foreign: list[int] = []
    for mark in marks:
        if (lower, mark) in _LETTER_MARKS:
            lower = _LETTER_MARKS[lower, mark]
        elif mark in TONES:
            tones.append(TONES[mark])
        else:
            foreign.append(len(TONES) + 1 + ord(mark))
    return lower, tones, foreign


# The letters of Vietnamese (and Latin) text, with their marks, in either case.
_PLAIN_LETTERS = {
    char: found
    for code in (*range(0x41, 0x250), *range(0x1E00, 0x1F00))
    if (found := _plain_letter(char := chr(code))) is not None
}
