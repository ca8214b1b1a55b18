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
Vietnamese uses (ơ, ư, đ, ộ, ...). Text too short for a score, or mixing Unicode and legacy words
("Th«ng b¸o", "Lãnh đạo Sở Néi vô"), is judged word by word (see _legacy_words).

Python has no TCVN3 or VNI codec; their tables are data files,
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


# The font a legacy code was typed with, as a clerk sees it in Word's font list.
_FONTS = {WINDOWS_1258: "Windows-1258", TCVN3: ".VnTime", VNI: "VNI-Times"}


def legacy_font(name: str) -> str:
    """The font family people typed a legacy code with: ".VnTime" (TCVN3), "VNI-Times" (VNI)."""
    try:
        return _FONTS[canonical_encoding(name)]
    except ValueError:
        return name


def named_encodings(codes: tuple[str, ...]) -> tuple[str, str]:
    """A message's `encoding` and `font` for the code(s) a text was typed in: the one detected,
    or both ("TCVN3 (ABC) hoặc VNI") only when the text reads the same in either."""
    from pipeline.render.phrase import Phrase  # said again in the language a message is shown in

    def either(names: list[str]) -> str:
        return Phrase("data.either", first=names[0], second=names[1]) if names[1:] else names[0]

    return either([describe_encoding(c) for c in codes]), either([legacy_font(c) for c in codes])


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
    are; in text that also holds Unicode Vietnamese (a syllable with ơ, ư, đ, ộ, ...), only the
    words that are Vietnamese syllables once decoded and not before are decoded. TCVN3 has no
    toned capitals (they were typed in .VnTimeH), so those come out small.
    """
    encoding = canonical_encoding(encoding)
    if isinstance(text_or_bytes, bytes | bytearray):
        return nfc(_decode_raw(bytes(text_or_bytes), encoding))
    if _has_vietnamese_only_syllable(text_or_bytes):
        # Unicode Vietnamese around a few legacy words ("C¬ quan th«ng b¸o để các phòng"):
        # decoding "các" too would give "cỏc", so only the words that read as Vietnamese once
        # decoded, and not before, are decoded.
        return nfc(
            _word_pattern().sub(lambda word: _decoded_word(word[0], encoding), text_or_bytes)
        )
    return nfc(_decode_shown(text_or_bytes, encoding))


# The field holding a person's name, in a document's data and in a list's columns: its
# suggested Unicode gets its capitals back (suggested_unicode's `person`).
PERSON_NAME = "ho_ten"


def suggested_unicode(typed: str, encoding: str, *, person: bool = False) -> str:
    """The Unicode text a legacy value stands for, one space between words, as a message
    suggests it; a person's họ tên (`person`) decoded from TCVN3 gets back its capitals."""
    fixed = " ".join(decode_legacy(typed, encoding).split())
    if person and canonical_encoding(encoding) == TCVN3 and _capitals_lost_only(fixed):
        return person_name_case(fixed)
    return fixed


def person_name_case(name: str) -> str:
    """A person's name with each word capitalised ("Phạm Minh ánh" → "Phạm Minh Ánh"), the rest
    of each word as it is (NFC): TCVN3 has no toned capitals, which were typed in .VnTimeH,
    so a name decoded from it loses them."""
    return nfc(" ".join(word[:1].upper() + word[1:] for word in name.split()))


@cache
def _small_only() -> frozenset[str]:
    """Letters TCVN3 writes only in small form (á, ạ, ế ...): their capitals were a font away."""
    table = _table(TCVN3)
    return frozenset(c for c in table.encode if c.islower() and c.upper() not in table.encode)


def _capitals_lost_only(text: str) -> bool:
    """Whether every word of decoded `text` starts with a capital or a letter TCVN3 has no
    capital of: a name as a person's is written ("Phạm Minh ánh"), not a unit's name with a
    small word the clerk typed so ("Phòng Tư pháp", "Tập thể lớp 12A")."""
    firsts = [word[0] for word in text.split()]
    return bool(firsts) and all(c.isupper() or c in _small_only() for c in firsts)


def _decode_shown(text: str, encoding: str) -> str:
    """Every run of characters a byte stands for decoded as `encoding`; the rest as it is."""
    out: list[str] = []
    run = bytearray()
    for char in text:
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
    return "".join(out)


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
# A tone mark stands on a vowel, after the vowel's own mark if it has one (ấ: a, ^, ').
_TONE_ON_VOWEL = re.compile("[aeiouy][\u0302\u0306\u031b]?[\u0300\u0301\u0303\u0309\u0323]", re.I)


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


def is_vietnamese_syllable(word: str) -> bool:
    """Whether a lower-case word is one well-formed Vietnamese syllable (âm tiết): "sở",
    "nghiêng" are, "ubnd", "hđnd" are not."""
    return _is_syllable(unicodedata.normalize("NFC", word))


@lru_cache(maxsize=8192)
def _is_syllable(word: str) -> bool:
    """Whether a lower-case word is one well-formed Vietnamese syllable (âm tiết)."""
    parts = unicodedata.normalize("NFD", word)
    tones = [mark for mark in parts if mark in _TONE_MARKS]
    if len(tones) > 1:
        return False
    if tones and not _TONE_ON_VOWEL.search(parts):  # "ñ" is n with a tilde, not a syllable's tone
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
    """For Unicode text that is TCVN3 or VNI bytes shown as Windows-1252: "tcvn3" or "vni"
    (TCVN3 when the text reads as Vietnamese in both alike: see legacy_encodings)."""
    codes = legacy_encodings(text)
    return codes[0] if codes else None


def legacy_encodings(text: str) -> tuple[str, ...]:
    """The codes Unicode text was typed in as TCVN3 or VNI bytes shown as Windows-1252: one
    when the text tells them apart, (TCVN3, VNI) when it reads as Vietnamese in either alike
    ("tö" is VNI "tư" and TCVN3 "tử"), () when it is no legacy text."""
    if text.isascii():  # ASCII decodes to itself
        return ()
    # A list repeats its titles, units and positions in every row: each text is judged once.
    return _legacy_encodings(text)


@lru_cache(maxsize=8192)
def _legacy_encodings(text: str) -> tuple[str, ...]:
    """legacy_encodings for text with a character beyond ASCII.

    () for Unicode Vietnamese, English and any other text. A text is judged as a whole first
    (a sentence or more of legacy text), then word by word (a title of two words, a legacy word
    pasted among Unicode ones).
    """
    return _legacy_as_a_whole(text) or _legacy_words(text)


def _legacy_as_a_whole(text: str) -> tuple[str, ...]:
    """The code the whole text reads as Vietnamese in, clearly better than as it stands.

    Text that already holds syllables with Vietnamese-only letters (ơ, ư, đ, ộ, ...) is not
    legacy as a whole, since Windows-1252 has none of them; _legacy_words looks at its words.
    """
    if _has_vietnamese_only_syllable(text):  # original.distinct > 0 below, known sooner
        return ()
    # Symbols standing alone (« », 10 µ, a · b) are no letters of legacy words; inside a word
    # ("th«ng") they are.
    text = _lone_symbols().sub(" ", text)
    original = _score(text)
    if original.marked == 0 or original.distinct > 0:  # ASCII decodes to itself
        return ()
    ranks: dict[str, tuple[float, int, int]] = {}
    for encoding in (TCVN3, VNI):
        score = _score(_decode_shown(text, encoding))
        better = score.marked_share >= original.marked_share + _CLEARLY_BETTER
        # Two words at least that decoding makes Vietnamese: one stray symbol ("NHÂN DÂN µ",
        # "µ" reading as "à") is no legacy text. Fewer legacy words are for _legacy_words.
        better = better and score.marked_syllables >= original.marked_syllables + 2
        if better and score.looks_vietnamese():
            ranks[encoding] = score.rank()
    if not ranks:
        return ()
    best = max(ranks.values())
    return tuple(code for code, rank in ranks.items() if rank == best)  # both: a tie


# --- legacy words among others ------------------------------------------------------------------
#
# A short text ("Th«ng b¸o", "Ban Thi ®ua") has too few words for a score, and a text mixing
# Unicode and legacy words ("Lãnh đạo Sở Néi vô") scores as Unicode. Each word is judged instead:
# one that is no Vietnamese syllable as it stands but becomes one once decoded is a legacy word.
#
# TCVN3 puts letters on Latin-1 symbols (« = ô, ¸ = á, ® = đ, ¬ = ơ, ¹ = ạ, ...). Real text has
# those between words (« » quotes, © 2024, 10 µm), never inside one: a word of ASCII letters with
# such a symbol in it that decodes to a syllable is legacy whatever stands around it. A word of
# letters alone ("Néi", VNI "Thoâng") could be a foreign word ("på" decodes to "pồ"), so it counts
# only where the text around it reads as Vietnamese too.

_UNICODE, _FOREIGN, _OTHER, _WEAK, _STRONG = range(5)
# Units whose micro sign is TCVN3's "à": "10 µm" must not read as "10 àm".
_UNIT_WORDS = frozenset({"µm", "µM"})
# A product or quotient of two letters: "m×n" is not "mìn".
_OPERATION = re.compile("[A-Za-z][×÷][A-Za-z]")
# What a word of ASCII letters shares with Vietnamese words once decoded: enough of them must be
# syllables (English and Norwegian words around "på" are not).
_SYLLABLE_SHARE = 0.75


@cache
def _tcvn3_symbols() -> frozenset[str]:
    """The Latin-1 characters that are no Latin letter but a Vietnamese letter in TCVN3."""
    chars = (_WESTERN[byte] for byte in _table(TCVN3).occupied)
    return frozenset(ch for ch in chars if not unicodedata.name(ch, "").startswith("LATIN"))


@cache
def _word_pattern(non_ascii: bool = False) -> re.Pattern[str]:
    """A word: letters, and the TCVN3 symbols that stand for letters; or only such a word with
    a character beyond ASCII."""
    symbols = re.escape("".join(sorted(_tcvn3_symbols())))
    if non_ascii:  # possessive, and never from the middle of a word: linear on ASCII text
        return re.compile(
            rf"(?<![A-Za-z])[A-Za-z]*+(?:[^\W\d_\x00-\x7f]|[{symbols}])(?:[^\W\d_]|[{symbols}])*+"
        )
    return re.compile(rf"(?:[^\W\d_]|[{symbols}])+")


@cache
def _lone_symbols() -> re.Pattern[str]:
    """A run of TCVN3 symbols with no letter on either side."""
    symbols = re.escape("".join(sorted(_tcvn3_symbols())))
    return re.compile(rf"(?<![^\W\d_])[{symbols}]+(?![^\W\d_])")


@lru_cache(maxsize=8192)
def _decoded_if_legacy(word: str, encoding: str) -> str | None:
    """The word decoded, small, when it is a Vietnamese syllable then and was not before."""
    lower = nfc(word).lower()
    decoded = nfc(_decode_shown(word, encoding)).lower()
    if decoded != lower and _is_syllable(decoded) and not _is_syllable(lower):
        return decoded
    return None


def _decoded_word(word: str, encoding: str) -> str:
    """`word` decoded when it is a legacy word in `encoding`, else as it stands."""
    if word.isascii() or _decoded_if_legacy(word, encoding) is None:
        return word
    return _decode_shown(word, encoding)


@lru_cache(maxsize=8192)
def _word_kind(word: str) -> tuple[int, tuple[str, ...], bool]:
    """What a word with a letter beyond ASCII is, the codes it decodes in, and whether the word
    (decoded, if legacy) holds a letter only Vietnamese writes."""
    if word.startswith("«") and (word[1:2].isupper() or len(word) == 2):
        rest = word[1:]  # a quote opening on a capital or a letter: «I. », «n ≥ 1»
        return (_OTHER, (), False) if rest.isascii() else _word_kind(rest)
    lower = nfc(word).lower()
    if _is_syllable(lower):
        return _UNICODE, (), max(lower) > "\xff"
    symbols = _tcvn3_symbols()
    if word in _UNIT_WORDS or _OPERATION.fullmatch(word) or set(word) <= symbols:
        return _OTHER, (), False
    legacy = all(_byte_of(char) is not None for char in word)  # as Word shows legacy bytes
    decoded = {code: _decoded_if_legacy(word, code) if legacy else None for code in (TCVN3, VNI)}
    found_tcvn3, found_vni = decoded[TCVN3], decoded[VNI]
    if found_tcvn3 and found_vni and len(found_vni) < len(found_tcvn3):
        decoded[TCVN3] = None  # VNI wrote a mark after its vowel ("oâ" = ô): "Thoâng" is VNI
    codes = tuple(code for code, found in decoded.items() if found is not None)
    if codes:
        if TCVN3 in codes and not symbols.isdisjoint(word) and any(c.isascii() for c in word):
            return _STRONG, (TCVN3,), False
        return _WEAK, codes, any(max(found) > "\xff" for found in decoded.values() if found)
    stripped = word.strip("«»")  # quotes typed against the word they open or close
    if stripped != word:
        return _word_kind(stripped) if stripped and not stripped.isascii() else (_OTHER, (), False)
    if len(word) > 1 and word.isupper():  # QĐ, TĐKT: abbreviations, as UBND is
        return _OTHER, (), False
    return _FOREIGN, (), False


def _legacy_words(text: str) -> tuple[str, ...]:
    """The code of the legacy words of `text`, when they are evidence enough (see above); both
    when as many of them read as Vietnamese in one code as in the other."""
    pattern = _word_pattern(non_ascii=True)
    # Words with a letter beyond ASCII first: in Unicode text every one is a syllable. Each word
    # once: a text repeats its syllables, and this is most of the time spent on Unicode text.
    if all(_word_kind(word)[0] < _WEAK for word in set(pattern.findall(text))):
        return ()
    weak = {TCVN3: 0, VNI: 0}
    words = syllables = found = 0
    foreign = distinct = False
    for match in pattern.finditer(text):
        start, end = match.span()
        if text[start - 1 : start].isdigit() or text[end : end + 1].isdigit():
            continue  # a unit or a measure: "2m×3m", "5µm"
        kind, codes, vietnamese_only = _word_kind(match[0])
        if kind == _STRONG:
            return (TCVN3,)
        if kind == _OTHER:
            continue
        words += 1
        syllables += kind in (_UNICODE, _WEAK)
        foreign = foreign or kind == _FOREIGN
        found += kind == _WEAK
        distinct = distinct or (kind == _WEAK and vietnamese_only)
        for code in codes:
            weak[code] += 1
    # A word of letters alone is evidence only among Vietnamese words: one foreign word (the
    # Norwegian "søndag") and the text is not Vietnamese. Alone, it must decode to a letter only
    # Vietnamese writes ("Néi" is "nội"; the French "où" would only be "ó").
    if foreign or not found or (found < 2 and not distinct):
        return ()
    for match in _word_pattern().finditer(text):
        word = match[0]
        if word.isascii() and not (len(word) > 1 and word.isupper()):  # UBND, KH say nothing
            words += 1
            syllables += _is_syllable(word.lower())
    if syllables < _SYLLABLE_SHARE * words:
        return ()
    if weak[TCVN3] == weak[VNI]:
        return (TCVN3, VNI)
    return (TCVN3,) if weak[TCVN3] > weak[VNI] else (VNI,)
