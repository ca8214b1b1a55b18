"""Vietnamese alphabet order: words, tones, names; checked against ICU when it is installed."""

from __future__ import annotations

import random
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from pipeline.rules.collation import name_key, vietnamese_key

# Hand-ordered: ă/â after a, đ after d, ô/ơ after o, ư after u, tones within a letter sequence
# ordered ngang, huyền, hỏi, ngã, sắc, nặng (ma mà mả mã má mạ), letters before tones.
WORDS = [
    "an", "anh", "ảnh", "ánh", "ăn", "ắt", "âm", "ấm",
    "ba", "bà", "bác", "bạc", "ban", "bàn", "bản", "bán",
    "da", "dạ", "dung", "đa", "đà", "đông",
    "em", "êm", "giang", "hoa", "hòa", "hỏa", "họa",
    "ma", "mà", "mả", "mã", "má", "mạ",
    "ong", "ông", "ơn", "thu", "thú", "thư", "thứ", "ung", "ưng", "xa", "yên",
]  # fmt: skip

# Hand-ordered by given name, then middle, then family name.
NAMES = [
    "Trần An",
    "Lê Thị An",
    "Nguyễn Văn An",
    "Phạm Văn An",
    "Lê Văn Anh",
    "Vũ Thị Ánh",
    "Trịnh Thị Ân",
    "Bùi Văn Bình",
    "Dương Văn Bình",
    "Đặng Văn Bình",
    "Hồ Thị Dung",
    "Lý Văn Dũng",
    "Lê Văn Đức",
    "Phan Thị Hoa",
    "Ngô Thị Hòa",
    "Mai Văn Hòa",
    "Đinh Thị Lan",
    "Trương Thị Lân",
    "Võ Văn Long",
    "Tạ Văn Lộc",
    "Châu Văn Sơn",
    "Hà Văn Sơn",
    "Kiều Thị Thu",
    "Đoàn Thị Thủy",
    "Lương Thị Thư",
    "Lê Thị Yến",
]


def shuffled(items: list[str], seed: int = 7) -> list[str]:
    out = list(items)
    random.Random(seed).shuffle(out)
    return out


def test_words_sort_in_vietnamese_alphabet_order() -> None:
    assert sorted(shuffled(WORDS), key=vietnamese_key) == WORDS


def test_every_tone_in_order() -> None:
    tones = ["ngang", "huyền", "hỏi", "ngã", "sắc", "nặng"]
    marks = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
    syllables = [unicodedata.normalize("NFC", "ma" + m) for m in marks]
    assert sorted(reversed(syllables), key=vietnamese_key) == syllables, tones


def test_letters_of_the_whole_text_decide_before_tones() -> None:
    # bác < ban although á is a tone above a: tones only break ties between equal letters.
    assert vietnamese_key("bác") < vietnamese_key("ban")
    assert vietnamese_key("bạc") < vietnamese_key("bàn")


def test_case_comes_after_tones_lower_first() -> None:
    assert sorted(["ánh", "Anh", "anh"], key=vietnamese_key) == ["anh", "Anh", "ánh"]


def test_d_stroke_is_its_own_letter_in_either_case() -> None:
    assert sorted(["Đa", "dz", "Da", "Dư"], key=vietnamese_key) == ["Da", "Dư", "dz", "Đa"]


def test_names_sort_by_given_then_middle_then_family() -> None:
    assert sorted(shuffled(NAMES), key=name_key) == NAMES


def test_one_word_and_empty_names() -> None:
    assert sorted(["Bình", "", "Lê An"], key=name_key) == ["", "Lê An", "Bình"]


def test_old_and_new_tone_placement_compare_as_the_same_word() -> None:
    old, new = vietnamese_key("Hoà"), vietnamese_key("Hòa")
    assert (old.letters, old.tones, old.case) == (new.letters, new.tones, new.case)
    assert old != new  # the text tie-break still tells them apart


def test_spacing_does_not_change_the_order() -> None:
    assert vietnamese_key("  Lê   Văn An ").letters == vietnamese_key("Lê Văn An").letters


def test_pyuca_does_not_know_vietnamese_letters() -> None:
    """Why collation.py is hand-written: DUCET treats ă â đ as a, d with accents."""
    import pyuca

    collator = pyuca.Collator()
    assert sorted(["an", "ăn", "âm"], key=collator.sort_key) != ["an", "ăn", "âm"]
    assert sorted(["dz", "đa"], key=collator.sort_key) == ["đa", "dz"]
    assert sorted(["an", "ăn", "âm"], key=vietnamese_key) == ["an", "ăn", "âm"]
    assert sorted(["dz", "đa"], key=vietnamese_key) == ["dz", "đa"]


# -- properties ---------------------------------------------------------------------------

_BASES = "aăâeêioôơuưy"
_CHARS = sorted(
    {
        unicodedata.normalize("NFC", b + m)
        for b in _BASES
        for m in ("", *"\u0300\u0309\u0303\u0301\u0323")
    }
    | set("bcdđghklmnpqrstvx")
)
_CHARS += [c.upper() for c in _CHARS] + [" "]
texts = st.text(alphabet=st.sampled_from(_CHARS), max_size=10)


@given(texts)
def test_key_of_decomposed_text_equals_key_of_composed(text: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    assert vietnamese_key(nfd) == vietnamese_key(text)
    assert name_key(nfd) == name_key(text)


@given(texts, texts)
def test_keys_are_equal_only_for_the_same_text(a: str, b: str) -> None:
    same = unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)
    assert (vietnamese_key(a) == vietnamese_key(b)) is same


@given(texts, texts, texts)
def test_order_is_total_and_transitive(a: str, b: str, c: str) -> None:
    ka, kb, kc = vietnamese_key(a), vietnamese_key(b), vietnamese_key(c)
    assert (ka < kb) + (ka == kb) + (ka > kb) == 1
    if ka <= kb and kb <= kc:
        assert ka <= kc


@given(st.lists(texts, max_size=12), st.randoms(use_true_random=False))
def test_sorting_does_not_depend_on_input_order(items: list[str], rnd: random.Random) -> None:
    items = [unicodedata.normalize("NFC", s) for s in items]
    other = list(items)
    rnd.shuffle(other)
    assert sorted(items, key=vietnamese_key) == sorted(other, key=vietnamese_key)
    assert sorted(items, key=name_key) == sorted(other, key=name_key)
