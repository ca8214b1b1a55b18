"""Âm tiết: what a well-formed Vietnamese syllable is, and the frequent words of documents.

A Vietnamese word is written as syllables of an onset (phụ âm đầu), a rhyme (vần: a vowel
nucleus and a final consonant) and one tone mark, by the rules of chính tả: "sở", "nghiêng" are
syllables, "ubnd", "hđnd", "cỏc" (thanh hỏi on a final c) are not. The legacy codes' detection
(pipeline.text.legacy, pipeline.text.misread) scores decoded text by how many of its words are
syllables, and by how many are frequent words of administrative Vietnamese.

The names of the Central Highlands and of other minority peoples are written with the same
letters in shapes Vietnamese words never take ("Đắk Lắk", "Krông Pắc", "Kdăm", "Chư Păh",
"Niê"): is_name_syllable accepts those too, for the legacy detection to read such names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from pipeline.text.tones import NANG, SAC, TONE_MARKS, split_tone, tones_last

# The five tone marks (thanh huyền, sắc, ngã, hỏi, nặng): pipeline.text.tones lists them.

_ALPHABET = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")

_ONSETS = ("", *"ngh ng nh ch gh gi kh ph th tr qu b c d đ g h k l m n p r s t v x".split())
# Rhymes with no final consonant (a vowel, or a vowel cluster ending in i/y/o/u/a).
_OPEN_RHYMES = frozenset(
    "a e ê i y o ô ơ u ư ia ua ưa oa oe uê uy uơ uya ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi "
    "ưu iêu yêu uôi ươi ươu oai oay oao oeo uây uyu".split()
)
# Vowels that take a final consonant.
# "y" only after "qu" ("quýt", "Quỳnh"), where the u belongs to the onset (_allowed).
_CLOSED_NUCLEI = frozenset("a ă â e ê i y o ô ơ u ư iê yê uô ươ oa oă oe uâ uê uy uyê oo".split())
_FINALS = ("ch", "c", "m", "nh", "ng", "n", "p", "t")
_STOP_FINALS = frozenset({"c", "ch", "p", "t"})
# Chính tả: k, gh, ngh stand before i, e, ê, y; c, ng (and g) before the other vowels.
_FRONT_ONLY_ONSETS = frozenset({"k", "gh", "ngh"})
_NOT_BEFORE = {"c": "ieêy", "ng": "ieêy", "g": "eêy"}
_CH_NH_NUCLEI = frozenset({"a", "ê", "i", "y", "oa", "uê", "uy"})
_NO_C_NG_NUCLEI = frozenset({"ê", "i", "y", "uê", "uy"})
# A syllable ending in c, ch, p or t carries thanh sắc or thanh nặng, never another tone.
_STOP_TONES = frozenset(SAC + NANG)

# Frequent words of administrative Vietnamese that carry marks; extra evidence, never proof.
# Compared with their tone marks placed one way (is_common): "hoà" is "hòa", "uỷ" is "ủy".
_COMMON_WORDS = frozenset(
    "của và các năm được người trong những với về để đã này một có không theo thực hiện công "
    "tác cộng hòa xã hội chủ nghĩa việt độc lập tự hạnh phúc tỉnh ủy ban nhân dân đơn vị "
    "kế hoạch khen thưởng đua số ngày tháng quyết định phòng văn bản đồng chí tổ chức cán bộ "
    "nhiệm vụ trên tại nội dung triển khai phát động thành tích tập thể cá nhân".split()
)

_COMMON_KEYS = frozenset(tones_last(word) for word in _COMMON_WORDS)


@lru_cache(maxsize=8192)
def is_common(lower: str) -> bool:
    """Whether a lower-case word is one of _COMMON_WORDS, whichever place its tone mark has."""
    return tones_last(lower) in _COMMON_KEYS


# A word of running text: a run of letters (digits and underscores cut it).
WORD = re.compile(r"[^\W\d_]+")
# A tone mark stands on a vowel, after the vowel's own mark if it has one (ấ: a, ^, ').
_TONE_ON_VOWEL = re.compile(f"[aeiouy][\u0302\u0306\u031b]?[{TONE_MARKS}]", re.I)


def _splits(rhyme: str) -> list[tuple[str, str]]:
    """The ways a rhyme (vần) divides into vowel nucleus and final consonant."""
    found = [(rhyme, "")] if rhyme in _OPEN_RHYMES else []
    for final in _FINALS:
        nucleus = rhyme[: -len(final)]
        if rhyme.endswith(final) and nucleus in _CLOSED_NUCLEI:
            found.append((nucleus, final))
    return found


def _allowed(onset: str, nucleus: str, final: str, tone: str, strict: bool) -> bool:
    """Whether the parts obey Vietnamese spelling; the tone rule only for words with marks."""
    first = nucleus[0]
    if onset in _FRONT_ONLY_ONSETS and first not in "ieêy":
        return False
    if first in _NOT_BEFORE.get(onset, ""):
        return False
    if onset == "qu" and first in "uo":
        return False
    if nucleus == "y" and final and onset != "qu":  # "tyn" is written "tin"
        return False
    if final in ("ch", "nh") and nucleus not in _CH_NH_NUCLEI:
        return False
    if final in ("c", "ng") and nucleus in _NO_C_NG_NUCLEI:
        return False
    return not (strict and final in _STOP_FINALS and tone not in _STOP_TONES)


class _Spelling(NamedTuple):
    """The letters and onsets a kind of syllable is spelt with, how its rhymes divide, and the
    rule that joins the parts (onset, nucleus, final, tone, strict)."""

    letters: frozenset[str]
    onsets: tuple[str, ...]
    splits: Callable[[str], list[tuple[str, str]]]
    allowed: Callable[[str, str, str, str, bool], bool]


_VIETNAMESE = _Spelling(_ALPHABET, _ONSETS, _splits, _allowed)


def _spelt(word: str, spelling: _Spelling) -> bool:
    """Whether a lower-case word is one onset, rhyme and tone mark as `spelling` writes them."""
    bare, tones = split_tone(word)
    if len(tones) > 1:
        return False
    # "ñ" is n with a tilde, not a syllable's tone
    if tones and not _TONE_ON_VOWEL.search(unicodedata.normalize("NFD", word)):
        return False
    if not set(bare) <= spelling.letters:
        return False
    tone = tones[0] if tones else ""
    strict = not word.isascii()  # a word written without marks may only have lost them
    return any(
        spelling.allowed(onset, nucleus, final, tone, strict)
        for onset in spelling.onsets
        if bare.startswith(onset) and len(bare) > len(onset)
        for nucleus, final in spelling.splits(bare[len(onset) :])
    )


# Tên riêng Tây Nguyên: syllables of the minority peoples' names (Ê Đê, Jrai, Bahnar, M'nông,
# Xơ Đăng, K'Ho) as Vietnamese letters write them in place and person names. Beyond Vietnamese
# spelling: an onset of two consonants (Krông, Plông, Kdăm, Đrắk, Glei, Chro), an onset j, w or
# y (Jút, Wy, Yang), k before any vowel (Kon, Kông); a final k, h, l or r (Đắk, Păh, Mil, M'gar);
# the open rhymes iê, ea, ei (Niê, Ea Kar, Glei). The consonant and apostrophe before a syllable
# (H'leo, M'gar, R'lấp) are no part of the word: WORD stops at the apostrophe.
#
# Those shapes take no tone, but sắc or nặng before a final stop (Đắk, Cư Jút, as Vietnamese
# writes them on c, t; "Đak Đoa" has none). Toned otherwise, they are what a legacy code shows
# of a Vietnamese word ("héi" is TCVN3's "hội", "theá" VNI's "thế") or of other text: the
# Cantonese "Káng" would read "kỏng", the watt-hour "W·h" "wãh", half an hour "½h" "ẵh".
_NAME_LETTERS = _ALPHABET | frozenset("jw")
_NAME_CLUSTERS = "bl br chr dr đr gl gr hl hr kb kd kl kn kp kr ks kt ml pl pr".split()
_NAME_ONSETS = (*_ONSETS, "j", "w", "y", *_NAME_CLUSTERS)
_NAME_OPEN_RHYMES = frozenset({"iê", "ea", "ei"})
_NAME_FINALS = ("k", "h", "l", "r")
_NAME_STOPS = _STOP_FINALS | {"k"}


def _name_splits(rhyme: str) -> list[tuple[str, str]]:
    """The ways a name's rhyme divides into vowel nucleus and final consonant (_splits, and
    the name's own open rhymes and finals)."""
    found = _splits(rhyme)
    if rhyme in _NAME_OPEN_RHYMES:
        found.append((rhyme, ""))
    nucleus = rhyme[:-1]
    if rhyme[-1:] in _NAME_FINALS and nucleus in _CLOSED_NUCLEI:
        found.append((nucleus, rhyme[-1]))
    return found


def _name_allowed(onset: str, nucleus: str, final: str, tone: str, strict: bool) -> bool:
    """Whether the parts make a name's syllable: Vietnamese spelling (_allowed) but for a
    name's own shapes, which take no tone but before a final stop (see above)."""
    own_final = final in _NAME_FINALS
    own = (
        own_final
        or (not final and nucleus in _NAME_OPEN_RHYMES)
        or (onset == "k" and nucleus[0] not in "ieêy")
        or onset in ("j", "w", "y")
    )
    if own and tone and not (final in _NAME_STOPS and tone in _STOP_TONES):
        return False
    # k before any vowel: _allowed's rule for it is Vietnamese spelling's, not a name's; nor
    # are its rules for finals those of a name's own.
    vietnamese_onset = "" if onset == "k" else onset
    return _allowed(vietnamese_onset, nucleus, "" if own_final else final, tone, strict)


_NAME = _Spelling(_NAME_LETTERS, _NAME_ONSETS, _name_splits, _name_allowed)


@lru_cache(maxsize=8192)
def is_name_syllable(word: str) -> bool:
    """Whether a lower-case word (NFC) is a syllable a name may have: a Vietnamese syllable
    (is_syllable), or one of a minority people's name as Vietnamese letters write it ("đắk",
    "krông", "kdăm", "păh", "niê", "gar"; see above)."""
    return is_syllable(word) or _spelt(word, _NAME)


def is_vietnamese_syllable(word: str) -> bool:
    """Whether a lower-case word is one well-formed Vietnamese syllable (âm tiết): "sở",
    "nghiêng" are, "ubnd", "hđnd" are not."""
    return is_syllable(unicodedata.normalize("NFC", word))


@lru_cache(maxsize=8192)
def is_syllable(word: str) -> bool:
    """Whether a lower-case word is one well-formed Vietnamese syllable (âm tiết). The
    detection passes words in NFC; is_vietnamese_syllable puts any other form in NFC first, so
    that the cache holds one entry a word."""
    return _spelt(word, _VIETNAMESE)
