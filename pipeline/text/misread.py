"""Misread files: Vietnamese text in Windows-1258 or UTF-8 that a program read as Windows-1252.

A list exported in Windows-1258 and opened by Excel on a Windows whose ANSI code is 1252 shows
"Lò Thị Ươm" as "LoÌ Thiò Ýõm": Windows-1258 writes most toned letters as their vowel and a tone
byte (0xCC 0xEC 0xD2 0xDE 0xF2: huyền, sắc, hỏi, ngã, nặng), which Windows-1252 shows as
Ì ì Ò Þ ò, and ă ơ ư đ (0xE3 0xF5 0xFD 0xF0) as ã õ ý ð. Saved again (as "CSV UTF-8"), the
garbled text is good Unicode: only its words tell it apart. A UTF-8 file opened the same way
shows "Lò Thị" as "LÃ² Thá»‹".

pipeline.text.legacy finds text typed with TCVN3 and VNI fonts; this module finds these two
misreads (``misread_encoding``) and reads them back (``decode_misread``). Words are judged one
by one: a word is evidence when it is no Vietnamese word as it stands (no syllable, a capital
inside it, a tone on the glide as in "loì", "tôì") and one once read right ("lò", "tố"); a
Latin-1 word of real Vietnamese ("Phòng", "Hà") or a foreign one counts against.

It reads the codes' tables (pipeline.text.legacy_codes) and the syllable rules
(pipeline.text.syllables); pipeline.text.legacy asks it, never the other way round.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from pipeline.text.legacy_codes import UTF_8, WESTERN, WINDOWS_1258, byte_of
from pipeline.text.normalize import nfc
from pipeline.text.syllables import WORD, is_common, is_syllable
from pipeline.text.tones import TONE_MARKS

# Windows-1258's five tone bytes (0xCC 0xEC 0xD2 0xDE 0xF2) as Windows-1252 shows them: after a
# vowel, in a word of small letters or of capitals alike, evidence of a misread file.
CP1258_TONE_BYTES = frozenset("ÌìÒÞò")
# What Windows-1258 reads otherwise than Windows-1252, as Windows-1252 shows it: Ă Đ Ơ Ư ă đ ơ
# ư ₫, and the five tone bytes.
_CP1258_CHANGED = frozenset("ÃÐÕÝãðõýþ") | CP1258_TONE_BYTES
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED_VOWELS = frozenset("ăâêôơư")
# Open rhymes of two vowels whose tone stands on either, the old place or the new: hoà / hòa.
_EITHER_PLACE = frozenset({("o", "a"), ("o", "e"), ("u", "y")})
# What stands around a word in running text.
_PUNCTUATION = "".join(map(chr, range(0x21, 0x30))) + ":;<=>?@[\\]^_`{|}~“”‘’«»–—…"
# A token: what lies between spaces, tabs and new lines (a no-break space, 0xA0, may be a byte
# of a letter).
_TOKEN = re.compile(r"[^ \t\n\r\f\v]+")

# How a word reads in the other code: evidence for it (_MISREAD), either way (_EITHER), against
# it (_UNICODE: a Vietnamese word as it stands, garbled once read again), or no word in either
# (_FOREIGN: "Müller" does not change; "São" would read "Săo").
_SAME, _MISREAD, _EITHER, _UNICODE, _FOREIGN = range(5)


def misread_encoding(text: str) -> str | None:
    """The code ("windows-1258", "utf-8") whose bytes Unicode `text` is, shown as Windows-1252;
    None for Unicode Vietnamese, English, French and other text as it was typed. Text that
    reads as misread from both is the one whose reading is the better Vietnamese, UTF-8 on a
    tie (its bytes make whole letters)."""
    found = [code for code, misread in ((UTF_8, _utf8_misread), (WINDOWS_1258, _cp1258_misread))
             if misread(text)]  # fmt: skip
    if len(found) > 1:
        return max(found, key=lambda code: reading_quality(decode_misread(text, code)))
    return found[0] if found else None


@lru_cache(maxsize=8192)
def has_misread_word(part: str) -> bool:
    """Whether text without a space holds a word, or a token, that misread_encoding takes as
    evidence of a misread (_MISREAD) in either code. A text whose parts between spaces hold
    none is misread from neither (a word or a token never runs across a space): asked by part,
    as a list's new names are new texts of the same few words."""
    if any(_cp1258_word(word)[0] == _MISREAD for word in WORD.findall(part)):
        return True
    return any(kind == _MISREAD for kind, _, _ in _utf8_tokens(part))


def decode_misread(text: str, encoding: str) -> str:
    """`text` read back from its bytes in `encoding` (misread_encoding's), NFC: every word when
    the whole text is the misread one, else only its misread words and those next to them."""
    if encoding == UTF_8:
        return _decode_utf8(text)
    return _decode_cp1258(text)


def reading_quality(reading: str) -> tuple[int, int]:
    """How much a reading of a text reads as written Vietnamese: its tokens with a letter beyond
    ASCII that are one written Vietnamese word (_written) between punctuation, less the others
    ("DỈ°Ỉ¡ng"); then how many of them are frequent words of documents ("phòng", not
    "phoèng"). To choose between a misread and a font's code when a text reads in both."""
    quality = common = 0
    for token in _TOKEN.findall(reading):
        core = token.strip(_PUNCTUATION)
        if core.isascii():
            continue
        written = WORD.fullmatch(core) is not None and _written(core)
        quality += 1 if written else -1
        common += written and is_common(nfc(core.lower()))
    return quality, common


@lru_cache(maxsize=8192)
def _written(word: str) -> bool:
    """Whether a word is Vietnamese as people write it: one syllable, small, capitals or a
    capital first, its tone on the vowel that carries it (not "loì", "tôì", "thiũ")."""
    lower = word.lower()
    if not (word == lower or word.isupper() or word[1:] == lower[1:]):
        return False
    lower = nfc(lower)
    return is_syllable(lower) and _tone_placed(lower)


def _tone_placed(lower: str) -> bool:
    """Whether a syllable's tone mark stands where Vietnamese writes it: on the vowel with a
    mark of its own (ươ: on ơ), else on the last vowel before a final consonant, else on the
    first of two vowels (either of oa, oe, uy) or the middle of three. The checks of
    pipeline.text.syllables accept a tone on any vowel: "loì" (lò), "tôì" (tố) are no words."""
    letters: list[list[str]] = []  # [letter with its vowel mark, tone mark]
    for char in unicodedata.normalize("NFD", lower):
        if not letters:
            letters.append([char, ""])
        elif char in TONE_MARKS:
            letters[-1][1] += char
        elif unicodedata.combining(char):
            letters[-1][0] += char
        else:
            letters.append([char, ""])
    bases = [nfc(base) for base, _ in letters]
    toned = [index for index, (_, tone) in enumerate(letters) if tone]
    if not toned:
        return True
    start = 0
    if bases[:2] in (["q", "u"], ["g", "i"]) and len(bases) > 2 and bases[2] in _VOWELS:
        start = 2  # "quý", "già": the u, the i belong to the onset
    while start < len(bases) and bases[start] not in _VOWELS:
        start += 1
    end = start
    while end < len(bases) and bases[end] in _VOWELS:
        end += 1
    vowels, at = bases[start:end], toned[0] - start
    if not 0 <= at < len(vowels):
        return False
    marked = [index for index, vowel in enumerate(vowels) if vowel in _MARKED_VOWELS]
    if marked:
        return at == marked[-1]
    if end < len(bases) or len(vowels) == 1:  # a final consonant
        return at == len(vowels) - 1
    if len(vowels) == 2:
        return at == 0 or tuple(vowels) in _EITHER_PLACE
    return at == 1


def _shown_bytes(text: str) -> bytes | None:
    """The bytes Windows-1252 shows as `text`; None when a character is none of them."""
    out = bytearray()
    for char in text:
        byte = byte_of(char)
        if byte is None:
            return None
        out.append(byte)
    return bytes(out)


def _all_shown(text: str) -> bool:
    """Whether every character of `text` is one Windows-1252 shows: no ơ, ư, ộ typed in it."""
    return all(char < "\x80" or byte_of(char) is not None for char in text)


def _kind(typed: str, decoded: str) -> int:
    """What a word that reads otherwise in the other code is (see _MISREAD ...): a word either
    way is evidence still when only its reading is a frequent word ("nãm" is "năm")."""
    typed_ok, decoded_ok = _written(typed), _written(decoded)
    if decoded_ok:
        if not typed_ok or is_common(decoded.lower()) > is_common(nfc(typed.lower())):
            return _MISREAD
        return _EITHER
    return _UNICODE if typed_ok else _FOREIGN


def _evidence(kinds: list[int], whole: bool) -> bool:
    """Whether the words' kinds say the text is misread: more misread words than words against
    it. Real Vietnamese words count against only in text wholly shown as Windows-1252: in text
    holding ơ, ư, ộ ..., the misread words were pasted among them."""
    misread = kinds.count(_MISREAD)
    against = kinds.count(_FOREIGN) + (kinds.count(_UNICODE) if whole else 0)
    return misread > against


# --- Windows-1258 -------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _cp1258_word(word: str) -> tuple[int, str]:
    """A word's kind and its reading in Windows-1258 (itself when it reads the same)."""
    data = _shown_bytes(word)
    if data is None:  # a letter only Unicode has (ơ, ộ): Unicode as typed
        return _SAME, word
    if _CP1258_CHANGED.isdisjoint(word):  # "Hà", "Công" are Vietnamese; "Hµ", "c¸c" are not
        return (_SAME if word.isascii() or _written(word) else _FOREIGN), word
    try:
        decoded = nfc(data.decode("cp1258"))
    except UnicodeDecodeError:  # Š, Ž: bytes Windows-1258 has no letter for
        return _FOREIGN, word
    kind = _kind(word, decoded)
    if kind == _FOREIGN and len(word) > 1 and word.isupper():
        return _EITHER, decoded  # QÐ, HÐTÐKT: abbreviations (QĐ, HĐTĐKT) are no syllables
    return kind, decoded


def _cp1258_misread(text: str) -> bool:
    if _CP1258_CHANGED.isdisjoint(text):
        return False
    kinds = [_cp1258_word(word)[0] for word in WORD.findall(text)]
    # No misread word, no evidence (_evidence): Unicode Vietnamese ("Phòng", "Hòa" hold a tone
    # byte's letter) is not looked at character by character for _all_shown.
    return _MISREAD in kinds and _evidence(kinds, _all_shown(text))


def _decode_cp1258(text: str) -> str:
    matches = list(WORD.finditer(text))
    words = [_cp1258_word(match[0]) for match in matches]
    whole = _all_shown(text) and all(kind != _UNICODE for kind, _ in words)
    if whole:
        wanted = [kind != _SAME for kind, _ in words]
    else:
        wanted = _with_neighbours([kind == _MISREAD for kind, _ in words],
                                  [kind == _EITHER for kind, _ in words])  # fmt: skip
    out: list[str] = []
    end = 0
    for match, (_, decoded), decode in zip(matches, words, wanted, strict=True):
        out += [text[end : match.start()], decoded if decode else match[0]]
        end = match.end()
    out.append(text[end:])
    return nfc("".join(out))


def _with_neighbours(decoded: list[bool], either: list[bool]) -> list[bool]:
    """`decoded`, and every word reading as Vietnamese either way (`either`) next to a decoded
    one: a name pasted whole ("LoÌ Vãn Ðýìc") is misread whole, "Vãn" (Văn) too."""
    wanted = list(decoded)
    changed = True
    while changed:
        changed = False
        for index, maybe in enumerate(either):
            if maybe and not wanted[index]:
                near = wanted[index - 1 : index] + wanted[index + 1 : index + 2]
                if any(near):
                    wanted[index] = changed = True
    return wanted


# --- UTF-8 --------------------------------------------------------------------------------------

# Bytes that start a sequence of two or three in UTF-8 (the letters of Vietnamese), and those
# that continue one, as Windows-1252 shows them: a misread text has such a pair.
_LEAD = "".join(WESTERN[byte] for byte in range(0xC2, 0xF0))
_CONTINUATION = "".join(WESTERN[byte] for byte in range(0x80, 0xC0))
# A lead byte of a Vietnamese letter's two (Ã: à, Ä: đ, Æ: ơ ...) may have lost its pair to the
# text gate ("HÃ" for "Hà").
_PAIR = re.compile(f"[{re.escape(_LEAD)}][{re.escape(_CONTINUATION)}]|[ÂÃÄÅÆ]")
# The continuation bytes the text gate changes (pipeline.text.gate): a no-break space (0xA0)
# becomes a space, which ends the token; a soft hyphen (0xAD) is removed. Only the Vietnamese
# letters they end are put back.
_NO_BREAK, _SOFT_HYPHEN = 0xA0, 0xAD
_LOST_LETTERS = frozenset("àíậửẠỠƠ")


def _utf8_misread(text: str) -> bool:
    if _PAIR.search(text) is None:
        return False
    kinds = [kind for kind, _, _ in _utf8_tokens(text)]
    return _MISREAD in kinds and _evidence(kinds, _all_shown(text))  # as _cp1258_misread


def _utf8_tokens(text: str) -> Iterator[tuple[int, str, bool]]:
    for match in _TOKEN.finditer(text):
        yield _utf8_token(match[0])


@lru_cache(maxsize=8192)
def _utf8_token(token: str) -> tuple[int, str, bool]:
    """A token's kind, its reading as UTF-8 and whether that ended on a lost no-break space. A
    reading that needed a byte put back is evidence only when the token is no word as typed
    ("GiÃ", "phÃ"): "HÃ" may be "Hà" misread, or Unicode capitals as "XÃ" is (_EITHER)."""
    data = _shown_bytes(token)
    if data is None or data.isascii():
        return _SAME, token, False
    read = _repaired_utf8(data)
    if read is None:  # no UTF-8: "Hà", "Phòng", "Café" as typed
        words = [word for word in WORD.findall(token) if not word.isascii()]
        return (_UNICODE if all(map(_written, words)) else _FOREIGN), token, False
    decoded, repaired, lost_space = read
    words = [word for word in WORD.findall(decoded) if not word.isascii()]
    if not words:  # “ ” – … misread: punctuation, no evidence either way
        return _EITHER, decoded, lost_space
    if not all(map(_written, words)):
        return _FOREIGN, decoded, lost_space
    if repaired and all(map(_written, WORD.findall(token))):
        return _EITHER, decoded, lost_space  # "XÃ", "MÃ": capitals of Unicode as well
    return _MISREAD, decoded, lost_space


def _repaired_utf8(data: bytes) -> tuple[str, bool, bool] | None:
    """`data` (one token) read as UTF-8, putting back a continuation byte the text gate took:
    a soft hyphen removed inside the token, or at its end one of a soft hyphen and a no-break
    space made a space (whichever reads as a word: "chí", "Hà"). The reading, whether a byte was
    put back and whether it was a no-break space ending the token; None when `data` is no UTF-8
    even so."""
    out: list[str] = []
    index, repaired, lost_space = 0, False, False
    while index < len(data):
        size = _sequence_size(data[index])
        if size == 0:
            return None
        end = index + 1
        while end < len(data) and end - index < size and 0x80 <= data[end] <= 0xBF:
            end += 1
        sequence = data[index:end]
        short = end - index == size - 1 and size > 1  # one byte short: the gate took it
        if short and end < len(data):
            sequence += bytes([_SOFT_HYPHEN])
        elif short:
            sequence, lost_space = _lost_at_end(out, sequence)
        try:
            letter = sequence.decode("utf-8")
        except UnicodeDecodeError:
            return None
        if short and letter not in _LOST_LETTERS:
            return None
        repaired = repaired or short
        out.append(letter)
        index = end
    return "".join(out), repaired, lost_space


def _sequence_size(lead: int) -> int:
    """How many bytes a UTF-8 sequence starting with `lead` has; 0 for no lead byte."""
    if lead < 0x80:
        return 1
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    return 4 if 0xF0 <= lead <= 0xF4 else 0


def _lost_at_end(before: list[str], sequence: bytes) -> tuple[bytes, bool]:
    """The last sequence of a token, one byte short: a no-break space's 0xA0 ("Hà") or a soft
    hyphen's 0xAD ("chí"), whichever makes a written word, a frequent one, a small letter
    ("Cử", not "CỠ")."""
    head = re.split(r"[^\w]", "".join(before))[-1]
    scores = []
    for byte, lost_space in ((_NO_BREAK, True), (_SOFT_HYPHEN, False)):
        full = sequence + bytes([byte])
        try:
            letter = full.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if letter in _LOST_LETTERS:
            word = head + letter
            rank = (_written(word), is_common(word.lower()), letter.islower())
            scores.append((rank, full, lost_space))
    if not scores:
        return sequence, False
    best = max(scores, key=lambda score: score[0])  # the no-break space on a tie
    return best[1], best[2]


def _decode_utf8(text: str) -> str:
    tokens = list(_utf8_tokens(text))
    kinds = [kind for kind, _, _ in tokens]
    if _all_shown(text) and _UNICODE not in kinds:
        wanted = [kind != _SAME for kind in kinds]
    else:
        wanted = _with_neighbours([kind == _MISREAD for kind in kinds],
                                  [kind == _EITHER for kind in kinds])  # fmt: skip
    out: list[str] = []
    end, joined = 0, False
    matches = list(_TOKEN.finditer(text))
    for index, (match, (_, decoded, lost_space), decode) in enumerate(
        zip(matches, tokens, wanted, strict=True)
    ):
        out += ["" if joined else text[end : match.start()], decoded if decode else match[0]]
        end = match.end()
        joined = decode and lost_space and _joins(decoded, tokens[index + 1 : index + 2])
    out.append(text[end:])
    return nfc("".join(out))


def _joins(decoded: str, following: list[tuple[int, str, bool]]) -> bool:
    """Whether a token ending on a lost no-break space ran on into the next: the space was the
    no-break space itself ("hoà" "ng" is "hoàng"), not one between two words ("Hà" "Nội")."""
    if not following:
        return False
    head = WORD.findall(decoded)
    tail = WORD.match(following[0][1])
    if not head or tail is None or tail.start() != 0:
        return False
    word = tail[0].lower()
    # A vowel alone ("y", "o") is a word, but hardly one after a word ending in "à".
    alone = is_syllable(nfc(word)) and len(word) > 1
    return is_syllable(nfc(head[-1].lower() + word)) and not alone
