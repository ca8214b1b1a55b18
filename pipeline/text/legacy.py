"""Bảng mã cũ: Vietnamese text still typed in the 8-bit codes that came before Unicode.

Offices still hold documents typed in TCVN3 (the ABC fonts, .VnTime), in VNI (VNI-Times) and in
Windows-1258. vanthu reads UTF-8 only; this module recognises those codes, so that a message can
name the one a file or a string was typed in, and converts them to Unicode for a suggested fix.

Two shapes of the same problem:

* bytes that are not UTF-8 (a YAML or CSV file saved by an old editor): ``guess_legacy_bytes``;
* Unicode text that is really legacy bytes read as Windows-1252, as in a Word document typed with
  a .VnTime font: "Céng hoµ x· héi chñ nghÜa ViÖt Nam", or with VNI-Times: "Coäng hoøa xaõ
  hoäi chuû nghóa Vieät Nam": ``looks_like_legacy_text``. A file in Windows-1258 or UTF-8
  that Excel opened as Windows-1252 and saved again shows the same way ("LoÌ Thiò Ýõm" is "Lò
  Thị Ươm"): pipeline.text.misread finds those misreads, and ``legacy_encodings`` names them too.

Both decode the candidates and score how much the result looks like Vietnamese: the share of the
accented words that are well-formed Vietnamese syllables, with at least one letter that only
Vietnamese uses (ơ, ư, đ, ộ, ...). Text too short for a score, or mixing Unicode and legacy words
("Th«ng b¸o", "Lãnh đạo Sở Néi vô"), is judged word by word (see _legacy_words).

The codes' names, tables and conversions are pipeline.text.legacy_codes, what a Vietnamese
syllable is pipeline.text.syllables; callers import the codes' names, ``encode_legacy`` and
``is_vietnamese_syllable`` from here as well.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from pipeline.phrase import Phrase  # said again in the language a message is shown in
from pipeline.text.legacy_codes import (
    LEGACY_ENCODINGS,
    MISREAD_AS,
    MISREAD_ENCODINGS,
    TCVN3,
    UTF_8,
    VNI,
    WESTERN,
    byte_of,
    canonical_encoding,
    code_table,
    decode_raw,
    decode_shown,
    describe_encoding,
    legacy_font,
)
from pipeline.text.legacy_codes import WINDOWS_1258 as WINDOWS_1258  # re-exported
from pipeline.text.legacy_codes import encode_legacy as encode_legacy  # re-exported
from pipeline.text.misread import (
    CP1258_TONE_BYTES,
    decode_misread,
    has_misread_word,
    misread_encoding,
    reading_quality,
)
from pipeline.text.normalize import nfc
from pipeline.text.syllables import WORD, is_common, is_name_syllable, is_syllable
from pipeline.text.syllables import is_vietnamese_syllable as is_vietnamese_syllable  # re-exported

# How much of a file is enough to judge its encoding.
_SAMPLE_BYTES = 256 * 1024
# How much larger the share of accented words that are syllables must be after decoding.
_CLEARLY_BETTER = 0.3


# Each refusal of text typed with a legacy font, and its variant for a misread file's text:
# spelt out, so that every key a refusal may use is found in the source as it is.
MISREAD_KEYS = {
    "data.legacy_text": "data.misread_text",
    "sheet.legacy_text": "sheet.misread_text",
    "sheet.legacy_header": "sheet.misread_header",
    "ws.legacy_answer": "ws.misread_answer",
}


def refusal_key(key: str, codes: tuple[str, ...]) -> str:
    """The message `key` for text typed with a legacy font ("sheet.legacy_text"), or its misread
    variant ("sheet.misread_text", MISREAD_KEYS) when legacy_encodings found a file opened in the
    wrong code and saved again: that text is mended by opening the original in its code, not by
    a font converter, and has no font to name."""
    if codes and canonical_encoding(codes[0]) in MISREAD_ENCODINGS:
        return MISREAD_KEYS[key]
    return key


def misread_with_control(text: str, char: str) -> tuple[str, ...]:
    """legacy_encodings of `text`, which the text gate refuses for `char`, when `char` is a C1
    control character (U+0080-U+009F) and the text is a misread file's; () otherwise.

    A UTF-8 file opened as Latin-1, or as Windows-1252 (which has no character for 0x81, 0x8D,
    0x8F, 0x90, 0x9D), keeps those bytes of its letters as C1 controls: "Nguyễn" shows as
    "Nguyá»\\x85n", "Đức" as "Ä\\x90á»©c". Such text is to be refused as misread, with the advice
    to open the file again in its code, not for an unprintable character to retype."""
    if not "\x80" <= char <= "\x9f":
        return ()
    codes = legacy_encodings(text)
    return codes if codes and canonical_encoding(codes[0]) in MISREAD_ENCODINGS else ()


def named_encodings(codes: tuple[str, ...]) -> tuple[str, str]:
    """A message's `encoding` and `font` for the code(s) a text was typed in: the one detected,
    or both ("TCVN3 (ABC) hoặc VNI") only when the text reads the same in either; a misread
    file's code with what it was read as ("Windows-1258 đọc nhầm thành Windows-1252")."""
    def either(names: list[str]) -> str:
        return Phrase("data.either", first=names[0], second=names[1]) if names[1:] else names[0]

    def named(code: str) -> str:
        if canonical_encoding(code) in MISREAD_ENCODINGS:
            return misread_name(code)
        return describe_encoding(code)

    return either([named(c) for c in codes]), either([legacy_font(c) for c in codes])


def misread_name(code: str) -> str:
    """What text misread from `code` is said to be: "Windows-1258 đọc nhầm thành Windows-1252",
    in the language a message is shown in."""
    return Phrase("common.misread_encoding", encoding=describe_encoding(code), shown=MISREAD_AS)


def decode_legacy(text_or_bytes: str | bytes | bytearray, encoding: str) -> str:
    """Unicode (NFC) for legacy bytes, or for legacy bytes already shown as Windows-1252 text.

    In text, characters that no byte stands for (already Unicode Vietnamese, say) stay as they
    are; in text that also holds Unicode Vietnamese (a syllable with ơ, ư, đ, ộ, ...), only the
    words that are Vietnamese syllables once decoded and not before are decoded (and a word
    that is one either way, next to them: _decoded_words). TCVN3 has no toned capitals (they
    were typed in .VnTimeH), so those come out small. Text misread from Windows-1258 or UTF-8
    is read back by pipeline.text.misread.
    """
    encoding = canonical_encoding(encoding)
    if isinstance(text_or_bytes, bytes | bytearray):
        return nfc(decode_raw(bytes(text_or_bytes), encoding))
    if encoding in MISREAD_ENCODINGS:
        return decode_misread(text_or_bytes, encoding)
    if _has_vietnamese_only_syllable(text_or_bytes):
        # Unicode Vietnamese around a few legacy words ("C¬ quan th«ng b¸o để các phòng"):
        # decoding "các" too would give "cỏc", so only the words that read as Vietnamese once
        # decoded, and not before, are decoded.
        return _decoded_words(text_or_bytes, encoding)
    return nfc(decode_shown(text_or_bytes, encoding))


# The field holding a person's name, in a document's data and in a list's columns: its
# suggested Unicode gets its capitals back (suggested_unicode's `person`).
PERSON_NAME = "ho_ten"


# How long each reading may be when a message shows two (suggested_unicode): both must fit in
# the 60 characters a message quotes of a suggestion.
_READING_CHARS = 16


def suggested_unicode(typed: str, encoding: str, *, person: bool = False) -> str:
    """The Unicode text a legacy value stands for, one space between words, as a message
    suggests it; a person's họ tên (`person`) decoded from TCVN3 gets back its capitals.

    A value that reads as Vietnamese equally well in TCVN3 and in VNI (legacy_encodings gives
    both, `encoding` among them) gets both readings, each with its font ("Phòng tử pháp
    (.VnTime) hay Phòng tư pháp (VNI-Times)"): vanthu cannot tell which the clerk meant, and
    one of them alone would be a wrong fix presented as the right one."""
    codes = legacy_encodings(typed)
    if len(codes) > 1 and canonical_encoding(encoding) in codes:
        readings = [_suggested_reading(typed, code, person) for code in codes]
        if readings[0] != readings[1]:
            return Phrase(  # said in the message's language
                "common.legacy_readings",
                first=_shortened(readings[0]), first_font=legacy_font(codes[0]),
                second=_shortened(readings[1]), second_font=legacy_font(codes[1]),
            )  # fmt: skip
    return _suggested_reading(typed, encoding, person)


def _suggested_reading(typed: str, encoding: str, person: bool) -> str:
    fixed = " ".join(_reading(typed, encoding).split())
    if canonical_encoding(encoding) != TCVN3:
        return fixed
    fixed = vntimeh_capitals(fixed)
    return person_name_case(fixed) if person and _capitals_lost_only(fixed) else fixed


def vntimeh_capitals(text: str, *, kept: Collection[str] = ()) -> str:
    """Decoded TCVN3 text with the words typed in capitals (the .VnTimeH font) in capitals again:
    TCVN3 has no toned capitals, so "LÒ THỊ ƯƠM" typed so decodes as "Lò THị ƯƠM". A word is
    in capitals when its letters that TCVN3 has capitals of are capitals, two at least ("THị");
    a word with fewer ("Lò", "ở") when no such letter of the text is small. A word of `kept`
    stays as it is."""
    small_only = _small_only()
    words = WORD.findall(text)
    if not any(char in small_only for word in words for char in word):
        return text
    cased = [[char for char in word if char not in small_only] for word in words]
    all_capitals = not any(char.islower() for letters in cased for char in letters) and any(
        len(letters) > 1 for letters in cased
    )

    def capitals(match: re.Match[str]) -> str:
        word = match[0]
        if word in kept:
            return word
        letters = [char for char in word if char not in small_only]
        if len(letters) > 1 and all(char.isupper() for char in letters):
            return word.upper()
        return word.upper() if all_capitals else word

    return nfc(WORD.sub(capitals, text))


def _shortened(text: str) -> str:
    """`text` cut after a word to _READING_CHARS characters at most, "…" marking the cut."""
    if len(text) <= _READING_CHARS:
        return text
    kept = ""
    for word in text.split():
        longer = f"{kept} {word}".lstrip()
        if len(longer) >= _READING_CHARS:
            break
        kept = longer
    return f"{kept or text[: _READING_CHARS - 1]}…"


def _reading(text: str, encoding: str) -> str:
    """The Unicode legacy text stands for in `encoding`: decoded as a whole (decode_legacy),
    or only its legacy words (those a syllable once decoded and not before) when that gives
    more syllables (_reading_rank's first count): in "Phòng tö pháp" the Unicode "Phòng"
    stays, where decoding it too would give "Phũng" (TCVN3) or "Phịng" (VNI). Only then: a
    legacy word may read as a Unicode word too (VNI "hoà" is "hồ")."""
    whole = decode_legacy(text, encoding)
    encoding = canonical_encoding(encoding)
    if encoding in MISREAD_ENCODINGS:
        return whole
    words = _decoded_words(text, encoding)
    return words if _reading_rank(words)[0] > _reading_rank(whole)[0] else whole


def person_name_case(name: str) -> str:
    """A person's name with each word capitalised ("Phạm Minh ánh" → "Phạm Minh Ánh"), the rest
    of each word as it is (NFC): TCVN3 has no toned capitals, which were typed in .VnTimeH,
    so a name decoded from it loses them."""
    return nfc(" ".join(word[:1].upper() + word[1:] for word in name.split()))


@cache
def _small_only() -> frozenset[str]:
    """Letters TCVN3 writes only in small form (á, ạ, ế ...): their capitals were a font away."""
    table = code_table(TCVN3)
    return frozenset(c for c in table.encode if c.islower() and c.upper() not in table.encode)


def _capitals_lost_only(text: str) -> bool:
    """Whether every word of decoded `text` starts with a capital or a letter TCVN3 has no
    capital of: a name as a person's is written ("Phạm Minh ánh"), not a unit's name with a
    small word the clerk typed so ("Phòng Tư pháp", "Tập thể lớp 12A")."""
    firsts = [word[0] for word in text.split()]
    return bool(firsts) and all(c.isupper() or c in _small_only() for c in firsts)


# --- does it look like Vietnamese? --------------------------------------------------------------



# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
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
    for word in WORD.findall(nfc(text)):
        lower = word.lower()
        words += 1
        syllable = is_syllable(lower)
        syllables += syllable
        if lower.isascii():
            continue
        marked += 1
        common += is_common(lower)
        if syllable:
            marked_syllables += 1
            distinct += max(lower) > "\xff"
    return _Score(words, syllables, marked, marked_syllables, distinct, common)


def _has_vietnamese_only_syllable(text: str) -> bool:
    """Whether a word of `text` is a syllable with a letter beyond Latin-1 (ơ, ư, đ, ộ, ...),
    as _score counts `distinct`; the first such word answers (Unicode text has one early)."""
    # Asked of every cell of every list, whose names and units are new texts of words seen
    # before: each part between spaces is judged once (no word runs across a space).
    return any(map(_vietnamese_only_part, nfc(text).split(" ")))


@lru_cache(maxsize=8192)
def _vietnamese_only_part(part: str) -> bool:
    """_has_vietnamese_only_syllable of text without a space (NFC)."""
    for match in WORD.finditer(part):
        lower = match[0].lower()
        if max(lower) > "\xff" and is_name_syllable(lower):
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
        score = _score(decode_raw(sample, encoding))
        if score.looks_vietnamese() and (best is None or score.rank() > best[0]):
            best = (score.rank(), encoding)
    return best[1] if best else None


def looks_like_legacy_text(text: str) -> str | None:
    """For Unicode text that is TCVN3 or VNI bytes shown as Windows-1252: "tcvn3" or "vni"
    (TCVN3 when the text reads as Vietnamese in both alike: see legacy_encodings); for a
    misread Windows-1258 or UTF-8 file's text: "windows-1258" or "utf-8"."""
    if text.isascii():  # legacy_encodings's own first test, without its call for each text
        return None
    codes = _legacy_encodings(text)
    return codes[0] if codes else None


def legacy_encodings(text: str) -> tuple[str, ...]:
    """The codes Unicode text was typed in as TCVN3 or VNI bytes shown as Windows-1252: one
    when the text tells them apart, (TCVN3, VNI) when it reads as Vietnamese in either alike
    ("tö" is VNI "tư" and TCVN3 "tử"), () when it is no legacy text. Text of a Windows-1258 or
    UTF-8 file opened as Windows-1252 ("LoÌ Thiò Ýõm", "LÃ² Thá»‹") gives its code, alone
    (MISREAD_ENCODINGS: named_encodings names it as misread)."""
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
    if all(map(_quiet_part, set(text.split(" ")))) and _has_vietnamese_only_syllable(text):
        # Unicode Vietnamese, as nearly every cell of a list is: no legacy word (_legacy_words),
        # a syllable only Unicode writes (not legacy as a whole), no misread word; judged from
        # its parts between spaces, each once.
        return ()
    codes = _legacy_as_a_whole(text) or _legacy_words(text) or _tcvn3_by_its_capitals(text)
    if len(codes) > 1:
        codes = _better_readings(text, codes)
    misread = misread_encoding(text)
    if misread is not None and (not codes or _reads_better(text, misread, codes[0])):
        return (misread,)
    return codes


def _reads_better(text: str, misread: str, code: str) -> bool:
    """Whether `text` reads as better Vietnamese misread from `misread` than typed in `code`:
    "Hoàng Thiò Duyên" is Windows-1258 ("Thị"), though TCVN3 reads a word of it ("Thiũ"). A
    word both read gets no capitals back in TCVN3 (_misread_words: "LoÌ PHUÒ" is "Lò PHỦ", not
    "Loè PHUỀ"). On a tie, UTF-8 (its bytes make whole letters: "LÆ°u" is "Lưu"), else the
    font's code ("Cao Duy Vuõ" is VNI "Vũ", not Windows-1258 "Vuơ")."""
    mine = reading_quality(_reading(text, misread))
    theirs = reading_quality(_as_seen(_reading(text, code), code, _misread_words(text, misread)))
    return mine > theirs or (mine == theirs and misread == UTF_8)


def _as_seen(reading: str, encoding: str, kept: Collection[str] = ()) -> str:
    """A reading as the clerk saw the text: in TCVN3, with the capitals typed in .VnTimeH
    ("TUấN" is "TUẤN": vntimeh_capitals), so that a name in capitals reads as well as one in
    small letters when readings are compared; the words of `kept` as they were decoded."""
    if canonical_encoding(encoding) != TCVN3:
        return reading
    return vntimeh_capitals(reading, kept=kept)


def _misread_words(text: str, misread: str) -> frozenset[str]:
    """The TCVN3 readings of the words of `text` that the misread from `misread` reads as other
    words, written Vietnamese: beside that misread they get no capitals back (_as_seen). A
    Windows-1258 tone byte after a vowel in capitals ("PHUÒ": "PHỦ") is what a misread file
    shows, and TCVN3 reads it as a small letter ("PHUề") that .VnTimeH would show as a capital;
    when both codes read a word, the misread wins, as it did before TCVN3's capitals were
    restored for the comparison ("LoÌ PHUÒ" is "Lò PHỦ"). The cost: a name TCVN3 typed in
    capitals that Windows-1258 reads too ("HUYÒN": TCVN3 "HUYỀN", Windows-1258 "HUỶN") is said
    to be a misread file's."""
    kept = set()
    for word in _word_pattern().findall(text):
        reading = decode_misread(word, misread)
        if reading != nfc(word) and reading_quality(reading)[0] > 0:
            kept.add(nfc(decode_shown(word, TCVN3)))
    return frozenset(kept)


def _better_readings(text: str, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Of the codes `text` reads as Vietnamese in, the one whose reading is the better
    Vietnamese (_reading_rank: "soá tö" is VNI "số tư", not TCVN3 "soỏ tử"), then whose reading
    of the whole text is ("chí tö" is VNI "chí tư" as a whole, TCVN3 "chớ tử"), then whose
    reading is shorter: VNI writes a mark as a byte after its vowel, so where its pairs make
    letters, the text is VNI ("Leâ Thò Tö" is "Lê Thị Tư", not TCVN3 "Leõ Thũ Tử"); all of
    them when they read equally well ("tö": VNI "tư", TCVN3 "tử")."""
    ranks = {}
    for code in codes:
        reading = _as_seen(_reading(text, code), code)
        whole = _as_seen(decode_legacy(text, code), code)
        ranks[code] = (_reading_rank(reading), _reading_rank(whole), -len(reading))
    best = max(ranks.values())
    return tuple(code for code in codes if ranks[code] == best)


def _reading_rank(reading: str) -> tuple[int, int]:
    """How much a decoded text reads as Vietnamese: its words that are syllables written as
    words are (small, all capitals or a capital first: "thĨ" is a letter of the other code),
    then those of them that are frequent words of documents."""
    syllables = common = 0
    for word in WORD.findall(nfc(reading)):
        lower = word.lower()
        if is_name_syllable(lower) and (word.isupper() or word[1:] == lower[1:]):
            syllables += 1
            common += is_common(lower)
    return syllables, common


def _legacy_as_a_whole(text: str) -> tuple[str, ...]:
    """The codes the whole text reads as Vietnamese in, clearly better than as it stands.

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
    if original.marked_share + _CLEARLY_BETTER > 1.0:
        # No decoding can be clearly better: its share is 1.0 at most. Most Unicode text of
        # Latin-1 letters alone ("Nhân viên", "Lê Xuân Hoa": every accented word a syllable)
        # ends here, without decoding it twice and scoring words no one writes.
        return ()
    ranks: dict[str, tuple[float, int, int]] = {}  # the codes it reads as Vietnamese in
    for encoding in (TCVN3, VNI):
        score = _score(decode_shown(text, encoding))
        better = score.marked_share >= original.marked_share + _CLEARLY_BETTER
        # Two words at least that decoding makes Vietnamese: one stray symbol ("NHÂN DÂN µ",
        # "µ" reading as "à") is no legacy text. Fewer legacy words are for _legacy_words.
        better = better and score.marked_syllables >= original.marked_syllables + 2
        if better and encoding == VNI and not score.looks_vietnamese():
            # VNI's pairs are evidence as letters beyond Latin-1 are: "Leâ Coâng Trí"
            score = replace(score, distinct=score.distinct + _merged_words(text))
        if better and score.looks_vietnamese():
            ranks[encoding] = score.rank()
    # Both codes may read the text as Vietnamese ("PHAN TROÏNG HAØ": TCVN3 "PHAN TROẽNG HAỉ",
    # VNI "PHAN TRỌNG HÀ"): _better_readings chooses, by how its words are written.
    return tuple(ranks)


def _merged_words(text: str) -> int:
    """How many words of `text` VNI reads as syllables spelt as only VNI explains: a vowel and
    its mark typed after it as two characters ("Leâ Coâng": "Lê Công"; _spelt_only_in)."""
    return sum(
        _decoded_if_legacy(word, VNI) is not None and _spelt_only_in(word, VNI)
        for word in _word_pattern().findall(text)
        if not word.isascii()
    )


# --- legacy words among others ------------------------------------------------------------------
#
# A short text ("Th«ng b¸o", "Ban Thi ®ua") has too few words for a score, and a text mixing
# Unicode and legacy words ("Lãnh đạo Sở Néi vô") scores as Unicode. Each word is judged instead:
# one that is no Vietnamese syllable as it stands but becomes one once decoded is a legacy word;
# so is one in a case no word is written in that decoding puts right ("TuÊn": TCVN3 "Tuấn").
#
# TCVN3 puts letters on Latin-1 symbols (« = ô, ¸ = á, ® = đ, ¬ = ơ, ¹ = ạ, ...). Real text has
# those between words (« » quotes, © 2024, 10 µm), never inside one: a word of ASCII letters with
# such a symbol in it that decodes to a syllable is legacy whatever stands around it. A word of
# letters alone ("Néi", VNI "Thoâng") could be a foreign word ("på" decodes to "pồ"), so it counts
# only where the text around it reads as Vietnamese too; alone among such words, only when its
# reading has a letter only Vietnamese writes, it is spelt as only its code explains
# (_spelt_only_in), the text is a name's words (_corroborated), or it is written as no
# Vietnamese word is ("Hïng": no Vietnamese keyboard types an ï) and the whole text reads as
# Vietnamese in its code ("Phan Hïng" is TCVN3 "Phan Hùng": _written_as_no_vietnamese).
#
# The names of the Central Highlands and of other minority peoples ("Đắk Lắk", "Krông Pắc", "Ea
# H'leo", "Niê Kdăm") are written with Vietnamese letters in shapes no Vietnamese syllable has:
# their syllables (is_name_syllable) count as words, as typed and once decoded, and the capital
# and apostrophe before one ("H'", "M'") as none (_name_prefix). A name's shapes are looser than
# a syllable's, so its reading alone is evidence only with TCVN3's symbols in it ("Kr«ng",
# _STRONG) or spelt as only its code explains (VNI "Kroâng"), never by its letters alone.

_UNICODE, _FOREIGN, _OTHER, _WEAK, _STRONG = range(5)
# Units whose micro sign is TCVN3's "à": "10 µm" must not read as "10 àm".
_UNIT_WORDS = frozenset({"µm", "µM"})
# A product or quotient of two letters: "m×n" is not "mìn", "A×B" not "aìb". A capital before a
# small letter, or a quotient of capitals, is a name's letters: "H÷u", "H÷U" are TCVN3 "Hữu".
_OPERATION = re.compile("[a-z][×÷][A-Za-z]|[A-Z]×[A-Z]")
# What a word of ASCII letters shares with Vietnamese words once decoded: enough of them must be
# syllables (English and Norwegian words around "på" are not).
_SYLLABLE_SHARE = 0.75


@cache
def _tcvn3_symbols() -> frozenset[str]:
    """The Latin-1 characters that are no Latin letter but a Vietnamese letter in TCVN3."""
    chars = (WESTERN[byte] for byte in code_table(TCVN3).occupied)
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
    """The word decoded, small, when it is a Vietnamese syllable then, or a name's ("§¾k" is
    TCVN3 "đắk", "Kroâng" VNI "krông": is_name_syllable), and was not before: no such syllable
    as typed, or one in a case no word is written in that decoding puts right ("TuÊn" is TCVN3
    "Tuấn", "AÙnh" VNI "Ánh": the code's small letters show as Latin-1 capitals)."""
    typed, shown = nfc(word), nfc(decode_shown(word, encoding))
    lower, decoded = typed.lower(), shown.lower()
    if decoded == lower or not is_name_syllable(decoded):
        return None
    if not is_name_syllable(lower) or (_case_broken(typed) and not _case_broken(shown)):
        return decoded
    return None


# A consonant and apostrophe before a name's syllable: the "H'" of "Ea H'leo", "Cư M'gar".
_APOSTROPHE_LETTER = re.compile(r"['’][^\W\d_]")


def _name_prefix(text: str, match: re.Match[str]) -> bool:
    """Whether the word `match` of `text` is the capital before an apostrophe that opens a
    name's syllable ("Ea H'leo", "Cư M'gar", "Đắk R'lấp"): no word, as an abbreviation is none."""
    word = match[0]
    return len(word) == 1 and word.isupper() and bool(_APOSTROPHE_LETTER.match(text, match.end()))


def _case_broken(word: str) -> bool:
    """Whether a word is in a case no word is written in: a capital after its first letter in a
    word not all in capitals ("TuÊn"), not counting a misread file's tone bytes
    (CP1258_TONE_BYTES: "LoÌ", "PHUÒ", "THIò" are Windows-1258 "Lò", "PHỦ", "THỊ")."""
    tones = CP1258_TONE_BYTES
    letters = word[:1] + "".join(char for char in word[1:] if char not in tones)
    if len(letters) < 2 or letters.isupper():
        return False
    return not letters[1:].islower()


def _spelt_only_in(word: str, encoding: str) -> bool:
    """Whether a legacy word is spelt as only `encoding` explains, evidence as strong as a
    letter only Vietnamese writes: a capital inside a word that is none as typed, which the
    code's reading puts right ("BÝch", "AÙnh": TCVN3 "Bích", VNI "Ánh"), or, in VNI, a vowel
    and its mark typed after it as two characters that make one letter ("Hoaøng", "Lyù",
    "Taâm"). Three characters at least: the French "où" is two."""
    shown = nfc(decode_shown(word, encoding))
    if _case_broken(word) and not _case_broken(shown):
        return True
    return encoding == VNI and len(word) >= 3 and len(shown) < len(nfc(word))


def _decoded_word(word: str, encoding: str) -> str:
    """`word` decoded when it is a legacy word in `encoding`, else as it stands."""
    if word.isascii() or _decoded_if_legacy(word, encoding) is None:
        return word
    return decode_shown(word, encoding)


def _decoded_words(text: str, encoding: str) -> str:
    """`text` with its legacy words decoded (_decoded_word), NFC; and a word that is a syllable
    as it stands and once decoded, next to a legacy word, when its legacy reading is the
    likelier: a frequent word of documents where the word as typed is none ("thùc hiÖn nhiÖm
    vô": TCVN3 "vô" is "vụ"), or between two legacy words. "Phòng" next to "tö" stays."""
    matches = list(_word_pattern().finditer(text))
    decoded = [_decoded_word(match[0], encoding) for match in matches]
    legacy = [word != match[0] for word, match in zip(decoded, matches, strict=True)]
    for index, match in enumerate(matches):
        before, after = legacy[index - 1 : index], legacy[index + 1 : index + 2]
        if legacy[index] or not any(before + after):
            continue
        reading = _either_reading(match[0], encoding)
        if reading is None:
            continue
        typed = match[0].strip("«»")
        likelier = is_common(reading.strip("«»").lower()) and not is_common(nfc(typed).lower())
        if likelier or (len(before + after) == 2 and all(before + after)):
            decoded[index] = reading
    out: list[str] = []
    end = 0
    for match, word in zip(matches, decoded, strict=True):
        out += [text[end : match.start()], word]
        end = match.end()
    out.append(text[end:])
    return nfc("".join(out))


@lru_cache(maxsize=8192)
def _either_reading(word: str, encoding: str) -> str | None:
    """The reading in `encoding` of a word that is a syllable as it stands and another once
    decoded ("vô": TCVN3 "vụ"; quotes typed against it kept: "vô»"); None for any other."""
    core = word.strip("«»")
    if core.isascii() or any(byte_of(char) is None for char in core):
        return None
    lower = nfc(core).lower()
    reading = nfc(decode_shown(core, encoding))
    if reading.lower() == lower or not (is_syllable(lower) and is_syllable(reading.lower())):
        return None
    start = word.index(core)
    return word[:start] + reading + word[start + len(core) :]


@lru_cache(maxsize=8192)
def _word_kind(word: str) -> tuple[int, tuple[str, ...], bool]:
    """What a word with a letter beyond ASCII is, the codes it decodes in, and whether the word
    (decoded, if legacy) holds a letter only Vietnamese writes, or is spelt as only its code
    explains (_spelt_only_in): evidence enough alone."""
    if word.startswith("«") and (word[1:2].isupper() or len(word) == 2):
        rest = word[1:]  # a quote opening on a capital or a letter: «I. », «n ≥ 1»
        return (_OTHER, (), False) if rest.isascii() else _word_kind(rest)
    lower = nfc(word).lower()
    # A syllable of Vietnamese or of a minority people's name ("Krông", "Đắk": is_name_syllable)
    syllable = is_name_syllable(lower)
    if syllable and not _case_broken(word):
        return _UNICODE, (), max(lower) > "\xff"
    symbols = _tcvn3_symbols()
    if word in _UNIT_WORDS or _OPERATION.fullmatch(word) or set(word) <= symbols:
        return _OTHER, (), False
    legacy = all(byte_of(char) is not None for char in word)  # as Word shows legacy bytes
    decoded = {code: _decoded_if_legacy(word, code) if legacy else None for code in (TCVN3, VNI)}
    found_tcvn3, found_vni = decoded[TCVN3], decoded[VNI]
    if found_tcvn3 and found_vni and len(found_vni) < len(found_tcvn3):
        decoded[TCVN3] = None  # VNI wrote a mark after its vowel ("oâ" = ô): "Thoâng" is VNI
    codes = tuple(code for code, found in decoded.items() if found is not None)
    if codes:
        if TCVN3 in codes and not symbols.isdisjoint(word) and any(c.isascii() for c in word):
            return _STRONG, (TCVN3,), False
        if syllable:  # legacy by its case alone ("TuÊn"), as a slip of the Shift key makes
            return _WEAK, codes, False  # a word ("trÊn"): evidence only with others
        # A name's syllable (is_name_syllable: "đak", "lưr") is looser than a Vietnamese one,
        # and foreign words fit it more often (the German "Jän" is TCVN3 "jọn", "lör" VNI
        # "lưr"): its letters are no evidence alone, its spelling by its code is ("Kroâng").
        distinct = any(
            max(found) > "\xff" and is_syllable(found) for found in decoded.values() if found
        )
        return _WEAK, codes, distinct or any(_spelt_only_in(word, code) for code in codes)
    if syllable:  # a syllable in an odd case that no code puts right: "NguyỄn" as typed
        return _UNICODE, (), max(lower) > "\xff"
    stripped = word.strip("«»")  # quotes typed against the word they open or close
    if stripped != word:
        return _word_kind(stripped) if stripped and not stripped.isascii() else (_OTHER, (), False)
    if len(word) > 1 and word.isupper():  # QĐ, TĐKT: abbreviations, as UBND is
        return _OTHER, (), False
    return _FOREIGN, (), False


# --- TCVN3's ư, a soft hyphen once pasted ---------------------------------------------------------
#
# TCVN3 writes ư as byte 0xAD, which text pasted as Latin-1 or Windows-1252 shows as U+00AD SOFT
# HYPHEN ("H\u00adng" is "Hưng", "tr\u00adêng" "trường"). The text gate removes soft hyphens,
# which are invisible in print; removing this one would leave "Hng", which no legacy check
# finds and which prints as it stands. So the gate asks keep_tcvn3_u_horns which to keep.
#
# The rule: a soft hyphen is TCVN3's ư when the word it stands in (its letters and TCVN3's
# symbols on either side, _word_pattern) reads as a Vietnamese syllable in TCVN3, with it as ư,
# and is a legacy word _legacy_words refuses on its own (_STRONG: not a syllable as typed, an
# ASCII letter in it, no digit next to it); unless it stands between two whole syllables, the
# place of the optional hyphen Word puts between syllables typed without their space
# ("chuyên\u00adviên": "chuyên" and "viên"). That hyphen splits a word where both sides have a
# vowel; TCVN3's ư has only an onset before it ("H", "Tr", "L", "ng": no syllable) or nothing
# ("\u00adu": "ưu"), and the gi of "gi\u00ad¬ng" ("giương") has a rest after it ("¬ng") that is
# no syllable as typed. Whether the letters without it join into a syllable says nothing: "Lu" is
# one, yet "L\u00adu" is "Lưu". A soft hyphen kept so is in a _STRONG word: every text holding
# one is legacy text (legacy_encodings), refused with its Unicode as a suggestion.

SOFT_HYPHEN = "\u00ad"


def keep_tcvn3_u_horns(text: str) -> str:
    """`text` (NFC) without its soft hyphens, but those that are TCVN3's ư (see above)."""
    if SOFT_HYPHEN not in text:
        return text

    def word(match: re.Match[str]) -> str:
        found = match[0]
        if SOFT_HYPHEN not in found or _is_tcvn3_u_horn(text, match):
            return found
        return found.replace(SOFT_HYPHEN, "")

    return _word_pattern().sub(word, text)


def _is_tcvn3_u_horn(text: str, match: re.Match[str]) -> bool:
    """Whether the soft hyphens of a word of `text` (`match`) are TCVN3's ư (see above)."""
    start, end = match.span()
    if text[start - 1 : start].isdigit() or text[end : end + 1].isdigit():
        return False  # a measure's, as _legacy_words skips it
    word = match[0]
    if _word_kind(word)[:2] != (_STRONG, (TCVN3,)):
        return False
    return not all(is_syllable(nfc(piece).lower()) for piece in word.split(SOFT_HYPHEN))


@lru_cache(maxsize=8192)
def _unicode_part(part: str) -> bool:
    """Whether no word with a letter beyond ASCII of text without a space is legacy
    (_word_kind): _legacy_words's first test, part by part."""
    return all(_word_kind(word)[0] < _WEAK for word in _word_pattern(non_ascii=True).findall(part))


@lru_cache(maxsize=8192)
def _quiet_part(part: str) -> bool:
    """Whether text without a space holds no legacy word (_unicode_part) and no misread one
    (has_misread_word): what a text of such parts alone needs to be neither."""
    return _unicode_part(part) and not has_misread_word(part)


def _all_shown(text: str) -> bool:
    """Whether every character of `text` is one Windows-1252 (or Latin-1) shows: legacy bytes."""
    return all(byte_of(char) is not None for char in text)


# How many words a text of one legacy word with no Vietnamese-only letter must have, all of
# them syllables, to be a name ("Bïi Anh Minh" is TCVN3 "Bùi Anh Minh").
_NAME_WORDS = 3


def _corroborated(
    text: str, codes: tuple[str, ...], typed: list[str], words: int, syllables: int
) -> bool:
    """Whether one legacy word whose reading has no letter only Vietnamese writes (TCVN3 "Bïi",
    "Thóy": "bùi", "thúy"), or words legacy by their case alone ("TuÊn"), are evidence enough:
    among _NAME_WORDS words or more that are all syllables, as a person's name is ("Cao Thóy
    Nam", "BïI QUANG LOAN"), in text legacy bytes can show as (no ơ, ư, đ, ộ ...: "Trưởng
    thÔn" is Unicode with a slip of the Shift key); or with a word, syllable as it stands
    (`typed`, none for words legacy by their case), that reads in the same code as one with
    such a letter ("Thóy Dòng": "Thúy Dũng"). A foreign word in Vietnamese or English text
    ("où") has neither."""
    if words >= _NAME_WORDS and syllables == words and _all_shown(text):
        return True
    return any(
        max(reading) > "\xff"
        for word in typed
        for code in codes
        if (reading := _either_reading(word, code)) is not None
    )


@cache
def _vietnamese_letters() -> frozenset[str]:
    """The 134 letters of the Vietnamese alphabet beyond ASCII, small and capital (ă, Ấ, đ,
    ỹ ...): the VNI table writes each of them, and nothing else."""
    return frozenset(code_table(VNI).encode)


def _written_as_no_vietnamese(text: str, legacy: list[str]) -> bool:
    """Whether a legacy word of `text` (of `legacy`: a syllable once decoded) is written as no
    Vietnamese word is, in a way its code puts right, and the whole text reads as Vietnamese
    in that code: evidence enough for a text of one such word, even a name of two ("Phan
    Hïng" is TCVN3 "Phan Hùng").

    Written as no Vietnamese word is: with a character that is no letter of the alphabet
    (_vietnamese_letters: no Vietnamese keyboard types the "ï" of "Hïng" nor the "ß" of
    "Tßng", TCVN3's ù and ò); or with a capital after its small letters whose reading has a
    letter only Vietnamese writes ("TuÊn": "Tuấn"), in text legacy bytes can show as (in
    Unicode text, "Trưởng thÔn", that is a slip of the Shift key). A foreign word is no
    syllable once decoded (Müller, Chloé, François, São: _legacy_words has refused the text)
    or none written as Vietnamese is (the German "Heß": _reads_as_vietnamese)."""
    letters = _vietnamese_letters()
    for word in legacy:
        impossible = not letters.issuperset(char for char in word if not char.isascii())
        for code in _word_kind(word)[1]:
            if not impossible and not (_capital_inside(word, code) and _all_shown(text)):
                continue
            if _reads_as_vietnamese(text, code):
                return True
    return False


def _capital_inside(word: str, encoding: str) -> bool:
    """Whether a legacy word has a capital after its small letters that its reading in
    `encoding` puts right, as a letter only Vietnamese writes ("TuÊn": TCVN3 "tuấn")."""
    reading = _decoded_if_legacy(word, encoding)
    return reading is not None and _case_broken(word) and max(reading) > "\xff"


def _reads_as_vietnamese(text: str, encoding: str) -> bool:
    """Whether every word of `text`'s reading in `encoding` (_reading, with .VnTimeH's
    capitals: _as_seen) is a syllable written as words are, its tone where Vietnamese puts it
    (reading_quality), abbreviations in capitals (UBND) aside: "Phan Hùng", "Tòng Oanh"; not
    "Tòng Oanh Ltd", nor the German "Heß" (TCVN3 "heò", where "hèo" is written)."""
    reading = _as_seen(_reading(text, encoding), encoding)
    words = [word for word in WORD.findall(reading) if not _abbreviation(word)]
    spelt = " ".join(words)
    marked = sum(not word.isascii() for word in words)
    return (
        bool(words)
        and _reading_rank(spelt)[0] == len(words)
        and reading_quality(spelt)[0] == marked
    )


@cache
def _tcvn3_small_as_capitals() -> frozenset[str]:
    """The Latin-1 capitals that are a small letter in TCVN3 ("Ì" is "è", "Ö" "ễ", "Ý" "ị"):
    the code writes the letters of a word of small letters with them."""
    chars = (WESTERN[byte] for byte in code_table(TCVN3).occupied)
    return frozenset(ch for ch in chars if ch.isupper() and decode_shown(ch, TCVN3).islower())


def _tcvn3_by_its_capitals(text: str) -> tuple[str, ...]:
    """(TCVN3,) for text whose only letters beyond ASCII are TCVN3's small letters shown as
    Latin-1 capitals inside words of small letters ("Ea KnÌp"), where no Unicode text, of
    Vietnamese or of another language, writes a capital; its reading need not be a syllable,
    as a name's often is none. A name too short to corroborate (_corroborated) is caught so.
    Unless such a word is a syllable whatever its case: a slip of the Shift key in Unicode
    ("Kon PlÔng", "Trưởng thÔn"), as _word_kind takes it."""
    words = _word_pattern(non_ascii=True).findall(text)
    return (TCVN3,) if words and all(map(_small_shown_as_capital, words)) else ()


def _small_shown_as_capital(word: str) -> bool:
    """Whether every character beyond ASCII of `word` is a capital of _tcvn3_small_as_capitals
    after a small letter, and the word is no syllable in any case (see _tcvn3_by_its_capitals).
    A Windows-1258 tone byte (CP1258_TONE_BYTES: "Ì", "Ò", "Þ") counts after a consonant only:
    after a vowel it is a misread file's tone ("ToÌng": "Tòng"), pipeline.text.misread's."""
    capitals = _tcvn3_small_as_capitals()
    beyond = [index for index, char in enumerate(word) if not char.isascii()]
    return all(_placed_as_small(word, index, capitals) for index in beyond) and not (
        is_name_syllable(nfc(word).lower())
    )


def _placed_as_small(word: str, index: int, capitals: frozenset[str]) -> bool:
    """Whether `word[index]` is one of `capitals` standing for a small letter: after a small
    letter, and after a consonant of ASCII when it is a Windows-1258 tone byte too."""
    char, before = word[index], word[index - 1] if index else ""
    if char not in capitals or not before.islower():
        return False
    return char not in CP1258_TONE_BYTES or (before.isascii() and before not in "aeiouy")


def _abbreviation(word: str) -> bool:
    """Whether a word is capitals of ASCII, two at least: UBND, KH say nothing of a code."""
    return len(word) > 1 and word.isascii() and word.isupper()


def _legacy_words(text: str) -> tuple[str, ...]:
    """The code of the legacy words of `text`, when they are evidence enough (see above); both
    when as many of them read as Vietnamese in one code as in the other."""
    pattern = _word_pattern(non_ascii=True)
    # Words with a letter beyond ASCII first: in Unicode text every one is a syllable. Each part
    # between spaces once (no word runs across a space, and the pattern looks no further back
    # than a letter: a part's words are those the whole text has there): a text repeats its
    # syllables, a list its names' words, and this is most of the time spent on Unicode text.
    if all(map(_unicode_part, set(text.split(" ")))):
        return ()
    weak = {TCVN3: 0, VNI: 0}
    words = syllables = found = slips = toned = 0
    foreign = distinct = False
    typed: list[str] = []  # the words that are syllables as they stand
    legacy: list[str] = []  # the words that are syllables once decoded (_WEAK)
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
        # Legacy by its case alone ("TuÊn"): a slip of the Shift key in Unicode ("Phòng kÝ")
        # looks so too, which the words around it do not tell apart; a name's words may.
        slip = kind == _WEAK and is_name_syllable(nfc(match[0]).lower())
        found += kind == _WEAK and not slip
        slips += slip
        toned += kind == _WEAK and not CP1258_TONE_BYTES.isdisjoint(match[0])
        distinct = distinct or (kind == _WEAK and vietnamese_only)
        for code in codes:
            weak[code] += 1
        if kind == _UNICODE:
            typed.append(match[0])
        elif kind == _WEAK:
            legacy.append(match[0])
    # A word of letters alone is evidence only among Vietnamese words: one foreign word (the
    # Norwegian "søndag") and the text is not Vietnamese. Alone, it must decode to a letter only
    # Vietnamese writes ("Néi" is "nội"; the French "où" would only be "ó"), or be corroborated.
    if foreign or not (found or slips):
        return ()
    every, every_syllable = words, syllables  # and words in capitals: a name in capitals
    for match in _word_pattern().finditer(text):
        word = match[0]
        if not word.isascii() or _name_prefix(text, match):
            continue
        syllable = is_name_syllable(word.lower())
        every += 1
        every_syllable += syllable
        if not (len(word) > 1 and word.isupper()):  # UBND, KH say nothing
            words += 1
            syllables += syllable
    if found < 2 and not distinct:
        # A Windows-1258 tone byte after a vowel ("ToÌng": TCVN3 "toèng") is a misread file's
        # word as much as a font's: such words alone are left to pipeline.text.misread ("ToÌng
        # Giám" is "Tòng Giám"), not corroborated.
        codes = tuple(code for code, count in weak.items() if count)
        if toned == found + slips or not (
            _corroborated(text, codes, [] if slips else typed, every, every_syllable)
            or _written_as_no_vietnamese(text, legacy)
        ):
            return ()
    if syllables < _SYLLABLE_SHARE * words:
        return ()
    if weak[TCVN3] == weak[VNI]:
        return (TCVN3, VNI)
    return (TCVN3,) if weak[TCVN3] > weak[VNI] else (VNI,)
