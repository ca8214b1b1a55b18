"""Số tiền bằng chữ: a hand-checked table, then properties over the whole range."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.rules.words import DIGITS, LIMIT, VOCABULARY, amount_in_words, money_in_words

# Each row checked by hand against the rules in pipeline/rules/words.py (and the reference:
# 1.005.000, 21, 25, 15, 24, 10, 110.000). Grouped by what they pin.
TABLE = [
    # units, tens, and the special unit words
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (41, "bốn mươi mốt"),
    (44, "bốn mươi tư"),
    (45, "bốn mươi lăm"),
    (50, "năm mươi"),
    (51, "năm mươi mốt"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    # hundreds: "linh" after zero tens, never "mốt"/"lăm"/"tư" after linh
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (400, "bốn trăm"),
    (405, "bốn trăm linh năm"),
    (500, "năm trăm"),
    (514, "năm trăm mười bốn"),
    (999, "chín trăm chín mươi chín"),
    # thousands: a later group always says its hundreds, "không trăm" included
    (1_000, "một nghìn"),
    (1_001, "một nghìn không trăm linh một"),
    (1_004, "một nghìn không trăm linh bốn"),
    (1_005, "một nghìn không trăm linh năm"),
    (1_010, "một nghìn không trăm mười"),
    (1_015, "một nghìn không trăm mười lăm"),
    (1_021, "một nghìn không trăm hai mươi mốt"),
    (1_100, "một nghìn một trăm"),
    (4_000, "bốn nghìn"),
    (5_000, "năm nghìn"),
    (5_005, "năm nghìn không trăm linh năm"),
    (10_000, "mười nghìn"),
    (14_000, "mười bốn nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (24_000, "hai mươi tư nghìn"),
    (25_000, "hai mươi lăm nghìn"),
    (100_000, "một trăm nghìn"),
    (101_010, "một trăm linh một nghìn không trăm mười"),
    (105_000, "một trăm linh năm nghìn"),
    (110_000, "một trăm mười nghìn"),
    (447_000, "bốn trăm bốn mươi bảy nghìn"),
    (450_000, "bốn trăm năm mươi nghìn"),
    # millions; zero groups skipped at the end and in the middle
    (1_000_000, "một triệu"),
    (1_000_001, "một triệu không trăm linh một"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_001_000, "một triệu không trăm linh một nghìn"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (1_010_000, "một triệu không trăm mười nghìn"),
    (1_015_000, "một triệu không trăm mười lăm nghìn"),
    (1_100_000, "một triệu một trăm nghìn"),
    (1_112_000, "một triệu một trăm mười hai nghìn"),
    (1_120_000, "một triệu một trăm hai mươi nghìn"),
    (1_490_000, "một triệu bốn trăm chín mươi nghìn"),
    (2_340_000, "hai triệu ba trăm bốn mươi nghìn"),
    (4_005_004, "bốn triệu không trăm linh năm nghìn không trăm linh bốn"),
    (5_024_000, "năm triệu không trăm hai mươi tư nghìn"),
    (10_000_000, "mười triệu"),
    (15_000_000, "mười lăm triệu"),
    (21_000_000, "hai mươi mốt triệu"),
    (24_000_000, "hai mươi tư triệu"),
    (105_000_000, "một trăm linh năm triệu"),
    (110_000_000, "một trăm mười triệu"),
    # billions; "tỷ" once, the part before it read as a number of its own
    (1_000_000_000, "một tỷ"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
    (1_000_005_000, "một tỷ không trăm linh năm nghìn"),
    (1_005_000_000, "một tỷ không trăm linh năm triệu"),
    (1_010_010_010, "một tỷ không trăm mười triệu không trăm mười nghìn không trăm mười"),
    (
        1_234_567_890,
        "một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi",
    ),
    (4_000_000_000, "bốn tỷ"),
    (5_000_000_000, "năm tỷ"),
    (10_000_000_000, "mười tỷ"),
    (15_000_000_000, "mười lăm tỷ"),
    (21_000_000_000, "hai mươi mốt tỷ"),
    (24_000_000_000, "hai mươi tư tỷ"),
    (105_000_000_000, "một trăm linh năm tỷ"),
    (110_000_000_000, "một trăm mười tỷ"),
    (1_000_000_000_000, "một nghìn tỷ"),
    (1_000_000_000_001, "một nghìn tỷ không trăm linh một"),
    (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
    (1_000_000_000_000_000, "một triệu tỷ"),
    (1_000_001_000_000_000, "một triệu không trăm linh một tỷ"),
    (
        999_999_999_999_999_999,
        "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"
        " tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn"
        " chín trăm chín mươi chín",
    ),
]


def test_table_is_large_and_unique() -> None:
    amounts = [n for n, _ in TABLE]
    assert len(amounts) >= 45
    assert len(set(amounts)) == len(amounts)


@pytest.mark.parametrize(("amount", "words"), TABLE)
def test_amount_in_words_table(amount: int, words: str) -> None:
    assert amount_in_words(amount) == words


@pytest.mark.parametrize(
    ("amount", "chan", "sentence"),
    [
        (1_005_000, False, "Một triệu không trăm linh năm nghìn đồng."),
        (1_005_000, True, "Một triệu không trăm linh năm nghìn đồng chẵn."),
        (450_000, True, "Bốn trăm năm mươi nghìn đồng chẵn."),
        (447_001, True, "Bốn trăm bốn mươi bảy nghìn không trăm linh một đồng."),
        (1_500, True, "Một nghìn năm trăm đồng."),
        (21, False, "Hai mươi mốt đồng."),
        (0, False, "Không đồng."),
        (0, True, "Không đồng."),
    ],
)
def test_money_in_words(amount: int, chan: bool, sentence: str) -> None:
    assert money_in_words(amount, chan=chan) == sentence


@pytest.mark.parametrize("bad", [-1, LIMIT, LIMIT + 1])
def test_out_of_range_is_an_input_error(bad: int) -> None:
    with pytest.raises(InputError) as caught:
        amount_in_words(bad)
    assert caught.value.key == "money.amount_out_of_range"
    assert str(bad) in caught.value.message("vi")


@pytest.mark.parametrize("bad", [1.0, "1", True])
def test_non_int_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        amount_in_words(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.0, True])
def test_money_in_words_refuses_equal_values_of_other_types(bad: object) -> None:
    assert money_in_words(1) == "Một đồng."
    with pytest.raises(TypeError):
        money_in_words(bad)  # type: ignore[arg-type]


# --- properties ---------------------------------------------------------------------------

amounts = st.integers(min_value=0, max_value=LIMIT - 1)
# Amounts with many zero digits reach the skipped-group and "không trăm linh" paths far more
# often than uniform integers do.
sparse_amounts = st.lists(st.sampled_from([0, 0, 0, 1, 4, 5, 9]), min_size=1, max_size=18).map(
    lambda digits: int("".join(map(str, digits)))
)

_VALUES = {word: i for i, word in enumerate(DIGITS)} | {"mốt": 1, "tư": 4, "lăm": 5}
_SCALES = {"nghìn": 10**3, "triệu": 10**6}


def _parse(words: str) -> int:
    """Read the words back into a number; independent of the generator's structure."""
    billions, section, group, pending = 0, 0, 0, 0
    for word in words.split(" "):
        if word in _VALUES:
            pending = _VALUES[word]
        elif word == "trăm":
            group, pending = group + pending * 100, 0
        elif word == "mươi":
            group, pending = group + pending * 10, 0
        elif word == "mười":
            group += 10
        elif word == "linh":
            pass
        elif word in _SCALES:
            section, group, pending = section + (group + pending) * _SCALES[word], 0, 0
        elif word == "tỷ":
            billions, section, group, pending = section + group + pending, 0, 0, 0
        else:
            raise AssertionError(f"unknown word {word!r}")
    return billions * 10**9 + section + group + pending


@given(st.one_of(amounts, sparse_amounts))
def test_words_read_back_to_the_amount(n: int) -> None:
    assert _parse(amount_in_words(n)) == n


@given(st.one_of(amounts, sparse_amounts))
def test_spacing_and_vocabulary(n: int) -> None:
    words = amount_in_words(n)
    assert words == words.strip()
    assert "  " not in words
    assert words == words.lower()
    assert set(words.split(" ")) <= VOCABULARY


@given(st.one_of(amounts, sparse_amounts))
def test_special_unit_words_only_where_they_belong(n: int) -> None:
    words = amount_in_words(n).split(" ")
    for before, word in zip(words, words[1:], strict=False):
        if word in ("mốt", "tư"):
            assert before == "mươi"
        if word == "lăm":
            assert before in ("mươi", "mười")
        if before == "linh":
            assert word in DIGITS[1:]
        if word == "linh":
            assert before == "trăm"
    assert words[0] not in ("mốt", "tư", "lăm", "linh", "mươi", "trăm", "nghìn", "triệu", "tỷ")


@given(st.one_of(amounts, sparse_amounts))
def test_every_group_after_a_scale_word_says_its_hundreds(n: int) -> None:
    words = amount_in_words(n).split(" ")
    for i, word in enumerate(words[:-1]):
        if word in ("nghìn", "triệu", "tỷ"):
            after = words[i + 1]
            # Either the next scale of a number before "tỷ" ("một nghìn tỷ"), or "<digit> trăm".
            assert after == "tỷ" or (after in DIGITS and words[i + 2] == "trăm")


@given(st.one_of(amounts, sparse_amounts))
def test_scale_words_descend(n: int) -> None:
    """After "tỷ" the groups run triệu → nghìn → units, each scale word at most once."""
    words = amount_in_words(n).split(" ")
    assert words.count("tỷ") <= 1
    for part in " ".join(words).split("tỷ"):
        scales = [w for w in part.split() if w in _SCALES]
        assert scales == sorted(scales, key=_SCALES.__getitem__, reverse=True)
        assert len(scales) == len(set(scales))


@given(st.integers(min_value=1, max_value=999), st.sampled_from([10**3, 10**6, 10**9]))
def test_a_round_leading_group_is_the_group_and_its_scale(n: int, scale: int) -> None:
    name = {10**3: "nghìn", 10**6: "triệu", 10**9: "tỷ"}[scale]
    assert amount_in_words(n * scale) == f"{amount_in_words(n)} {name}"


@given(st.integers(min_value=1, max_value=10**9 - 1), st.integers(min_value=0, max_value=10**9 - 1))
def test_billions_are_a_number_then_ty(upper: int, lower: int) -> None:
    words = amount_in_words(upper * 10**9 + lower)
    assert words.startswith(amount_in_words(upper) + " tỷ")


@given(amounts, amounts)
def test_different_amounts_have_different_words(a: int, b: int) -> None:
    if a != b:
        assert amount_in_words(a) != amount_in_words(b)


def test_injective_on_a_dense_range() -> None:
    low = range(0, 30_000)
    around_a_million = range(999_000, 1_030_000)
    seen = {amount_in_words(n) for n in (*low, *around_a_million)}
    assert len(seen) == len(low) + len(around_a_million)


@given(amounts, st.booleans())
def test_sentence_shape(n: int, chan: bool) -> None:
    sentence = money_in_words(n, chan=chan)
    assert sentence[0].isupper()
    expected_end = "đồng chẵn." if chan and n and n % 1000 == 0 else "đồng."
    assert sentence.endswith(" " + expected_end)
    assert sentence.lower() == f"{amount_in_words(n)} {expected_end}"
