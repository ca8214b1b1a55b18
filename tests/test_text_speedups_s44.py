"""The legacy-text checks every list cell goes through take short cuts (issue 13): each gives
what the longer way gave, and each memo is kept by everything its answer depends on."""

from __future__ import annotations

import pytest

from pipeline.text.legacy import (
    _CLEARLY_BETTER,
    _WEAK,
    _has_vietnamese_only_syllable,
    _legacy_as_a_whole,
    _score,
    _unicode_part,
    _vietnamese_only_part,
    _word_kind,
    _word_pattern,
    legacy_encodings,
)
from pipeline.text.legacy_codes import WESTERN, encode_legacy
from pipeline.text.misread import _cp1258_misread, _utf8_misread, misread_encoding
from pipeline.text.normalize import nfc
from pipeline.text.syllables import WORD, is_syllable

UNICODE = ["Vũ Ngọc Dũng", "Nhân viên", "Lê Xuân Hoa", "Phòng Kiểm soát thủ tục hành chính",
           "Phòng Quản trị - Tài vụ", "Trưởng  phòng", "Hòa", "Müller", "São Paulo", "où",
           ""]  # fmt: skip


def _shown(text: str, code: str) -> str:
    """`text` typed in a legacy code and shown through Windows-1252."""
    return "".join(WESTERN[byte] for byte in encode_legacy(text, code, "replace"))


LEGACY = [
    *(_shown(text, code) for text in UNICODE[:6] for code in ("tcvn3", "vni", "windows-1258")),
    *(text.encode("utf-8").decode("cp1252", "replace") for text in UNICODE[:6]),
    "Th«ng b¸o", "Lãnh đạo Sở Néi vô", "Leâ Thò Tö", "TuÊn", "LoÌ Thiò Ýõm", "LÃ² Thá»‹",
    # Separators other than a space: a word is cut where the parts are, never elsewhere.
    "Vũ\u00a0Ngọc\tDũng", "Th«ng\u00a0b¸o", "Lãnh đạo\nSở Néi vô", "Leâ\u00a0Thò  Tö",
]  # fmt: skip


@pytest.mark.parametrize("text", UNICODE + LEGACY)
def test_parts_answer_as_the_whole_text(text: str) -> None:
    """The memos by part between spaces (_vietnamese_only_part, _unicode_part) answer what the
    whole text's words answered: no word runs across a space, and either memo is kept by the
    part alone (a part judged in one text is judged alike in another)."""
    whole = any(max(w.lower()) > "\xff" and is_syllable(w.lower()) for w in WORD.findall(nfc(text)))
    assert _has_vietnamese_only_syllable(text) == whole
    unicode_words = all(
        _word_kind(word)[0] < _WEAK for word in set(_word_pattern(non_ascii=True).findall(text))
    )
    assert all(map(_unicode_part, set(text.split(" ")))) == unicode_words
    for part in text.split(" "):
        assert _vietnamese_only_part(nfc(part)) == _has_vietnamese_only_syllable(part)


@pytest.mark.parametrize("text", UNICODE + LEGACY)
def test_whole_text_and_misread_short_cuts(text: str) -> None:
    """A text whose accented words are already syllables enough that no decoding could be
    clearly better is no legacy text as a whole; a misread needs a misread word: what the
    scores and the evidence said, without decoding or looking at each character."""
    original = _score(text)
    if original.marked and not original.distinct and original.marked_share + _CLEARLY_BETTER > 1:
        assert _legacy_as_a_whole(text) == ()
    for misread in (_cp1258_misread, _utf8_misread):
        assert misread(text) in (True, False)
    if not text.isascii():
        assert legacy_encodings(text) == legacy_encodings(text + " ")  # the part "" changes nothing


def test_known_answers() -> None:
    """Unicode stays Unicode; legacy and misread text is still named."""
    assert all(legacy_encodings(text) == () for text in UNICODE)
    assert legacy_encodings(_shown("Phòng Kiểm soát thủ tục hành chính", "tcvn3")) == ("tcvn3",)
    assert legacy_encodings(_shown("Phòng Kiểm soát thủ tục hành chính", "vni")) == ("vni",)
    assert legacy_encodings("Th«ng b¸o") == ("tcvn3",)
    assert misread_encoding("LoÌ Thiò Ýõm") == "windows-1258"
    assert misread_encoding("LÃ² Thá»‹") == "utf-8"
    assert misread_encoding("Phòng Hòa") is None


@pytest.mark.parametrize(
    "text",
    ["Nguyễn Văn An", "Lò Thị Ánh", "nguyễn văn an", "Phòng Tư pháp", "Tổ 4", "Tổ 12", "Hoà Bình",
     "Đinh  Văn\u00a0Ân", "ÐINH Thị Müller", "Ban (Thi đua)", "e\u0301", "", "An An An"],
)  # fmt: skip
def test_word_keys_join_into_the_text_key(text: str) -> None:
    """vietnamese_key joins the kept keys of each word (_plain_word, by word): the key the text
    read cluster by cluster gives, whatever other text a word was first seen in."""
    from pipeline.rules.collation import (
        _clustered_key,
        _plain_word,
        name_and_note,
        name_key,
        vietnamese_key,
    )

    _plain_word.cache_clear()
    for other in ("An Nguyễn Văn", "Tổ", "Bình Hoà", "Müller"):  # words seen elsewhere first
        vietnamese_key.__wrapped__(other)
    assert vietnamese_key.__wrapped__(text) == _clustered_key(nfc(text))
    words = nfc(text).split()
    key = name_key.__wrapped__(text)
    assert key.full == _clustered_key(nfc(text))
    # The given name is the name's last word, a note in brackets after it left out (s52).
    own = name_and_note(nfc(text))[0].split()
    assert key.given == _clustered_key(own[-1] if own else "")
    assert own == words or text == "Ban (Thi đua)"


@pytest.mark.parametrize(
    "text",
    ["Uỷ ban  nhân dân", "ỦY BAN NHÂN DÂN", "Phòng Tổ chức – Hành chính",
     "phòng tổ chức-hành chính", "Hoa\u0300\u00a0Bi\u0300nh", "Hòa\tBình\nAn",
     "e\u0301\u0323 x", "Thuý, Thúy", "", " - ", "Tổ chức-Hành chính", "A \u2013B", "ẞ ǅ"],
)  # fmt: skip
def test_same_spelling_word_by_word(text: str) -> None:
    """same_spelling moves each word's tones last word by word (_spelt_word, _tones_last_of_word:
    kept by word, a word with a dash read with the words around it): what tones_last of the
    whole folded text gives."""
    import re

    from pipeline.text.tones import _spelt_word, _tones_last_of_word, same_spelling, tones_last

    _tones_last_of_word.cache_clear()
    _spelt_word.cache_clear()
    same_spelling("hoà thuý ủy")  # words seen in another text first
    folded = " ".join(nfc(text).split()).casefold()
    dashed = re.sub(r"\s*[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]\s*", " - ", folded)
    assert same_spelling.__wrapped__(text) == tones_last(dashed)


@pytest.mark.parametrize("text", UNICODE + LEGACY)
def test_quiet_parts_are_no_legacy_nor_misread(text: str) -> None:
    """A text whose parts between spaces are all quiet (_quiet_part, kept by part: no legacy
    word, no misread word) and which holds a syllable only Unicode writes is no legacy text:
    the short cut answers what the whole check answers."""
    from pipeline.text.legacy import _legacy_encodings, _legacy_words, _quiet_part

    if all(map(_quiet_part, text.split(" "))) and _has_vietnamese_only_syllable(text):
        assert _legacy_as_a_whole(text) == ()
        assert _legacy_words(text) == ()
        assert misread_encoding(text) is None
    assert _legacy_encodings(text) == _legacy_encodings.__wrapped__(text)
