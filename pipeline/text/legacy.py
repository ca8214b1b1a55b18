"""Bảng mã cũ: Vietnamese text still typed in the 8-bit codes that came before Unicode.

Offices still hold documents typed in TCVN3 (the ABC fonts, .VnTime), in VNI (VNI-Times) and in
Windows-1258. vanthu reads UTF-8 only; this module recognises those codes, so that a message can
name the one a file or a string was typed in, and converts them to Unicode for a suggested fix.

Two shapes of the same problem:

* bytes that are not UTF-8 (a YAML or CSV file saved by an old editor): ``guess_legacy_bytes``;
* Unicode text that is really legacy bytes read as Windows-1252, as in a Word document typed with
  a .VnTime font: "Céng hoµ x· héi chñ nghÜa ViÖt Nam", or with VNI-Times: "Coäng hoøa xaõ
  hoäi chuû nghóa Vieät Nam": ``looks_like_legacy_text``.

Both decode the candidates and score how much the result looks like Vietnamese: the share of the
accented words that are well-formed Vietnamese syllables, with at least one letter that only
Vietnamese uses (ơ, ư, đ, ộ, ...). Python has no TCVN3 or VNI codec; their tables are data files,
``pipeline/rules/data/tcvn3.txt`` and ``vni.txt``, each naming its source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from pipeline.text.normalize import nfc

WINDOWS_1258 = "windows-1258"
TCVN3 = "tcvn3"
VNI = "vni"
LEGACY_ENCODINGS = (WINDOWS_1258, TCVN3, VNI)

_HUMAN_NAMES = {WINDOWS_1258: "Windows-1258", TCVN3: "TCVN3 (ABC)", VNI: "VNI"}
_ALIASES = {
    "windows1258": WINDOWS_1258,
    "cp1258": WINDOWS_1258,
    "win1258": WINDOWS_1258,
    "tcvn3": TCVN3,
    "tcvn3abc": TCVN3,
    "tcvn": TCVN3,
    "abc": TCVN3,
    "vn3": TCVN3,
    "vni": VNI,
    "vniwin": VNI,
    "vniwindows": VNI,
}

# The five tone marks: thanh huyền, sắc, ngã, hỏi, nặng.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# How much of a file is enough to judge its encoding.
_SAMPLE_BYTES = 256 * 1024
# How much larger the share of accented words that are syllables must be after decoding.
_CLEARLY_BETTER = 0.3


def canonical_encoding(name: str) -> str:
    """The module's name ("windows-1258", "tcvn3", "vni") for a common spelling of a legacy code."""
    key = re.sub(r"[\s_\-.:()]", "", name.lower())
    try:
        return _ALIASES[key]
    except KeyError:
        raise ValueError(f"unknown legacy Vietnamese encoding: {name!r}") from None


def describe_encoding(name: str) -> str:
    """The name people know a legacy code by: "Windows-1258", "TCVN3 (ABC)", "VNI"."""
    try:
        return _HUMAN_NAMES[canonical_encoding(name)]
    except ValueError:
        return name


# --- tables -------------------------------------------------------------------------------------


def _western_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five holes of Windows-1252 keep their Latin-1 meaning
        return chr(byte)


# What a byte that is not part of a Vietnamese letter shows as: Windows-1252, as in Word.
_WESTERN = tuple(_western_char(byte) for byte in range(256))
_WESTERN_BYTE = {char: byte for byte, char in enumerate(_WESTERN)}


@dataclass(frozen=True)
class _Table:
    """One legacy code: letters by byte sequence, and back."""

    decode: dict[str, str]  # byte sequence spelt as Latin-1 text -> Unicode
    encode: dict[str, bytes]
    occupied: frozenset[int]  # bytes above ASCII that belong to Vietnamese letters
    pattern: re.Pattern[str]


@cache
def _table(encoding: str) -> _Table:
    """The TCVN3 or VNI table, read from pipeline/rules/data."""
    text = files("pipeline.rules").joinpath("data", f"{encoding}.txt").read_text(encoding="utf-8")
    decode: dict[str, str] = {}
    encode: dict[str, bytes] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, letter = line.split("\t")[:2]
        raw = bytes.fromhex(code)
        decode[raw.decode("latin-1")] = letter
        encode[letter] = raw
    occupied = frozenset(byte for raw in encode.values() for byte in raw if byte >= 0x80)
    for byte in range(256):
        decode.setdefault(chr(byte), _WESTERN[byte])
    # Two-byte letters first, so "oä" is read as "ộ" and not as "o" then "ä".
    longest_first = sorted((key for key in decode if len(key) > 1), key=len, reverse=True)
    pattern = re.compile("|".join([*map(re.escape, longest_first), "."]), re.DOTALL)
    return _Table(decode, encode, occupied, pattern)


def _decode_raw(data: bytes, encoding: str) -> str:
    if encoding == WINDOWS_1258:
        return data.decode("cp1258", errors="replace")
    table = _table(encoding)
    return table.pattern.sub(lambda match: table.decode[match.group()], data.decode("latin-1"))


def _byte_of(char: str) -> int | None:
    """The byte a character shown through Windows-1252 (or Latin-1) stands for."""
    byte = _WESTERN_BYTE.get(char)
    if byte is None and ord(char) < 0x100:
        byte = ord(char)
    return byte


def decode_legacy(text_or_bytes: str | bytes | bytearray, encoding: str) -> str:
    """Unicode (NFC) for legacy bytes, or for legacy bytes already shown as Windows-1252 text.

    In text, characters that no byte stands for (already Unicode Vietnamese, say) stay as they
    are. TCVN3 has no toned capitals (they were typed in .VnTimeH), so those come out small.
    """
    encoding = canonical_encoding(encoding)
    if isinstance(text_or_bytes, bytes | bytearray):
        return nfc(_decode_raw(bytes(text_or_bytes), encoding))
    out: list[str] = []
    run = bytearray()
    for char in text_or_bytes:
        byte = _byte_of(char)
        if byte is not None:
            run.append(byte)
            continue
        if run:
            out.append(_decode_raw(bytes(run), encoding))
            run.clear()
        out.append(char)
    if run:
        out.append(_decode_raw(bytes(run), encoding))
    return nfc("".join(out))


def encode_legacy(text: str, encoding: str, errors: str = "strict") -> bytes:
    """The bytes a legacy editor would have saved for this text.

    TCVN3 writes a toned capital ("Ộ") as its small letter's code, as .VnTimeH users typed it.
    Windows-1258 writes a precomposed letter where the code has one, else base letter and tone
    mark. errors="strict" raises UnicodeEncodeError for what the code cannot hold; "replace"
    writes "?".
    """
    encoding = canonical_encoding(encoding)
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    text = nfc(text)
    out = bytearray()
    for index, char in enumerate(text):
        raw = _encode_char(char, encoding)
        if raw is None:
            if errors == "strict":
                reason = f"not representable in {describe_encoding(encoding)}"
                raise UnicodeEncodeError(encoding, text, index, index + 1, reason)
            raw = b"?"
        out += raw
    return bytes(out)


def _encode_char(char: str, encoding: str) -> bytes | None:
    if char < "\x80":
        return char.encode("ascii")
    if encoding == WINDOWS_1258:
        return _encode_cp1258(char)
    table = _table(encoding)
    raw = table.encode.get(char)
    if raw is None and encoding == TCVN3:
        raw = table.encode.get(char.lower())
    if raw is not None:
        return raw
    byte = _WESTERN_BYTE.get(char)
    return bytes([byte]) if byte is not None and byte not in table.occupied else None


def _encode_cp1258(char: str) -> bytes | None:
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        pass
    parts = unicodedata.normalize("NFD", char)
    tones = [mark for mark in parts if mark in _TONE_MARKS]
    base = nfc("".join(mark for mark in parts if mark not in _TONE_MARKS))
    if len(tones) != 1:
        return None
    try:
        return base.encode("cp1258") + tones[0].encode("cp1258")
    except UnicodeEncodeError:
        return None


# --- does it look like Vietnamese? --------------------------------------------------------------

_ALPHABET = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")

_ONSETS = ("", *"ngh ng nh ch gh gi kh ph th tr qu b c d đ g h k l m n p r s t v x".split())
# Rhymes with no final consonant (a vowel, or a vowel cluster ending in i/y/o/u/a).
_OPEN_RHYMES = frozenset(
    "a e ê i y o ô ơ u ư ia ua ưa oa oe uê uy uơ uya ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi "
    "ưu iêu yêu uôi ươi ươu oai oay oao oeo uây uyu".split()
)
# Vowels that take a final consonant.
_CLOSED_NUCLEI = frozenset("a ă â e ê i o ô ơ u ư iê yê uô ươ oa oă oe uâ uê uy uyê oo".split())
_FINALS = ("ch", "c", "m", "nh", "ng", "n", "p", "t")
_STOP_FINALS = frozenset({"c", "ch", "p", "t"})
# Chính tả: k, gh, ngh stand before i, e, ê, y; c, ng (and g) before the other vowels.
_FRONT_ONLY_ONSETS = frozenset({"k", "gh", "ngh"})
_NOT_BEFORE = {"c": "ieêy", "ng": "ieêy", "g": "eêy"}
_CH_NH_NUCLEI = frozenset({"a", "ê", "i", "oa", "uê", "uy"})
_NO_C_NG_NUCLEI = frozenset({"ê", "i", "uê", "uy"})
# A syllable ending in c, ch, p or t carries thanh sắc or thanh nặng, never another tone.
_STOP_TONES = frozenset("\u0301\u0323")

# Frequent words of administrative Vietnamese that carry marks; extra evidence, never proof.
_COMMON_WORDS = frozenset(
    "của và các năm được người trong những với về để đã này một có không theo thực hiện công "
    "tác cộng hòa hoà xã hội chủ nghĩa việt độc lập tự hạnh phúc tỉnh ủy ủy ban nhân dân đơn vị "
    "kế hoạch khen thưởng đua số ngày tháng quyết định phòng văn bản đồng chí tổ chức cán bộ "
    "nhiệm vụ trên tại nội dung triển khai phát động thành tích tập thể cá nhân".split()
)

_WORD = re.compile(r"[^\W\d_]+")


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
    if final in ("ch", "nh") and nucleus not in _CH_NH_NUCLEI:
        return False
    if final in ("c", "ng") and nucleus in _NO_C_NG_NUCLEI:
        return False
    return not (strict and final in _STOP_FINALS and tone not in _STOP_TONES)


@lru_cache(maxsize=8192)
def _is_syllable(word: str) -> bool:
    """Whether a lower-case word is one well-formed Vietnamese syllable (âm tiết)."""
    parts = unicodedata.normalize("NFD", word)
    tones = [mark for mark in parts if mark in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = nfc("".join(mark for mark in parts if mark not in _TONE_MARKS))
    if not set(bare) <= _ALPHABET:
        return False
    tone = tones[0] if tones else ""
    strict = not word.isascii()  # a word written without marks may only have lost them
    return any(
        _allowed(onset, nucleus, final, tone, strict)
        for onset in _ONSETS
        if bare.startswith(onset) and len(bare) > len(onset)
        for nucleus, final in _splits(bare[len(onset) :])
    )


@dataclass(frozen=True)
class _Score:
    """Counts of words in a text, by how Vietnamese they look."""

    words: int = 0
    syllables: int = 0  # words that are Vietnamese syllables
    marked: int = 0  # words with a letter outside ASCII
    marked_syllables: int = 0
    distinct: int = 0  # syllables with a letter beyond Latin-1: only Vietnamese writes those
    common: int = 0

    @property
    def marked_share(self) -> float:
        return self.marked_syllables / self.marked if self.marked else 0.0

    @property
    def syllable_share(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    def looks_vietnamese(self) -> bool:
        """Two or more accented syllables, few accented non-words, some Vietnamese-only letters."""
        return (
            self.marked_syllables >= 2
            and (self.distinct >= 1 or self.common >= 2)
            and self.marked_share >= 0.8
            and self.syllable_share >= 0.75
        )

    def rank(self) -> tuple[float, int, int]:
        return (self.marked_share, self.common, self.distinct)


def _score(text: str) -> _Score:
    words = syllables = marked = marked_syllables = distinct = common = 0
    for word in _WORD.findall(nfc(text)):
        lower = word.lower()
        words += 1
        is_syllable = _is_syllable(lower)
        syllables += is_syllable
        if lower.isascii():
            continue
        marked += 1
        common += lower in _COMMON_WORDS
        if is_syllable:
            marked_syllables += 1
            distinct += max(lower) > "\xff"
    return _Score(words, syllables, marked, marked_syllables, distinct, common)


def _has_vietnamese_only_syllable(text: str) -> bool:
    """Whether a word of `text` is a syllable with a letter beyond Latin-1 (ơ, ư, đ, ộ, ...),
    as _score counts `distinct`; the first such word answers (Unicode text has one early)."""
    for match in _WORD.finditer(nfc(text)):
        lower = match[0].lower()
        if max(lower) > "\xff" and _is_syllable(lower):
            return True
    return False


def guess_legacy_bytes(data: bytes) -> str | None:
    """For non-UTF-8 bytes: the code ("windows-1258", "tcvn3", "vni") they read as Vietnamese in."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    sample = data[:_SAMPLE_BYTES]
    best: tuple[tuple[float, int, int], str] | None = None
    for encoding in LEGACY_ENCODINGS:
        score = _score(_decode_raw(sample, encoding))
        if score.looks_vietnamese() and (best is None or score.rank() > best[0]):
            best = (score.rank(), encoding)
    return best[1] if best else None


def looks_like_legacy_text(text: str) -> str | None:
    """For Unicode text that is TCVN3 or VNI bytes shown as Windows-1252: "tcvn3" or "vni"."""
    if text.isascii():  # ASCII decodes to itself
        return None
    # A list repeats its titles, units and positions in every row: each text is judged once.
    return _looks_like_legacy_text(text)


@lru_cache(maxsize=8192)
def _looks_like_legacy_text(text: str) -> str | None:
    """For Unicode text that is TCVN3 or VNI bytes shown as Windows-1252: "tcvn3" or "vni".

    None for Unicode Vietnamese, English and any other text: the decoded text must read as
    Vietnamese, clearly better than the text as it stands. Text that already holds syllables
    with Vietnamese-only letters (ơ, ư, đ, ộ, ...) is Unicode, since Windows-1252 has none of
    them; so a string mixing Unicode and legacy words is not flagged.
    """
    if _has_vietnamese_only_syllable(text):  # original.distinct > 0 below, known sooner
        return None
    original = _score(text)
    if original.marked == 0 or original.distinct > 0:  # ASCII decodes to itself
        return None
    best: tuple[tuple[float, int, int], str] | None = None
    for encoding in (TCVN3, VNI):
        score = _score(decode_legacy(text, encoding))
        better = score.marked_share >= original.marked_share + _CLEARLY_BETTER
        if better and score.looks_vietnamese() and (best is None or score.rank() > best[0]):
            best = (score.rank(), encoding)
    return best[1] if best else None
