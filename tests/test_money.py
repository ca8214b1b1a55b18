"""Tiền thưởng: base salary by date, regimes, coefficients, rounding, name matching."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from pipeline.errors import InputError
from pipeline.rules import money
from pipeline.rules.money import (
    AwardKind,
    Recipient,
    RoundingRule,
    base_salary_on,
    find_award,
    format_money,
    regime_on,
    regimes,
    reward_amount,
)

ND91 = date(2020, 1, 15)  # Nghị định 91/2017/NĐ-CP, base salary 1.490.000
ND98 = date(2024, 3, 1)  # Nghị định 98/2023/NĐ-CP, base salary 1.800.000
ND152 = date(2025, 8, 1)  # Nghị định 152/2025/NĐ-CP, base salary 2.340.000

IND, COL = "ca_nhan", "tap_the"
TITLE, FORM = "danh_hieu", "hinh_thuc"

# (name, kind, who, coefficient, is a maximum, marked "verify") per regime, from the reference.
TITLES_91_98_152 = [
    ("Chiến sĩ thi đua toàn quốc", TITLE, {IND}, "4.5", False, False),
    ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", TITLE, {IND}, "3.0", False, False),
    ("Chiến sĩ thi đua cơ sở", TITLE, {IND}, "1.0", False, False),
    ("Lao động tiên tiến", TITLE, {IND}, "0.3", False, False),
    ("Tập thể lao động xuất sắc", TITLE, {COL}, "1.5", False, False),
    ("Tập thể lao động tiên tiến", TITLE, {COL}, "0.8", False, False),
    ("Cờ thi đua của Chính phủ", TITLE, {COL}, "12", False, False),
    ("Cờ thi đua của bộ, ban, ngành, tỉnh", TITLE, {COL}, "8", False, False),
    ("Thôn, tổ dân phố văn hóa", TITLE, {COL}, "1.5", False, False),
]
VILLAGE_TITLE = ("Xã, phường, thị trấn tiêu biểu", TITLE, {COL}, "2.0", False, False)
EXPECTED = {
    "nd91_2017": [
        *TITLES_91_98_152,
        ("Bằng khen của Thủ tướng Chính phủ", FORM, {IND, COL}, "3.5", False, False),
        ("Bằng khen của bộ, ban, ngành, tỉnh", FORM, {IND, COL}, "1.0", False, False),
        ("Giấy khen", FORM, {IND, COL}, "0.3", False, False),
    ],
    "nd98_2023": [
        *TITLES_91_98_152,
        VILLAGE_TITLE,
        ("Bằng khen của Thủ tướng Chính phủ", FORM, {IND, COL}, "3.5", False, True),
        ("Bằng khen của bộ, ban, ngành, tỉnh", FORM, {IND, COL}, "1.0", False, True),
        ("Giấy khen", FORM, {IND, COL}, "0.3", False, True),
        ("Kỷ niệm chương của bộ, ban, ngành, tỉnh", FORM, {IND}, "0.6", True, False),
    ],
    "nd152_2025": [
        *TITLES_91_98_152,
        VILLAGE_TITLE,
        ("Bằng khen của Thủ tướng Chính phủ", FORM, {IND, COL}, "3.5", False, False),
        ("Bằng khen của bộ, ban, ngành, tỉnh", FORM, {IND, COL}, "1.5", False, False),
        ("Giấy khen", FORM, {IND, COL}, "0.3", False, False),
        ("Kỷ niệm chương của bộ, ban, ngành, tỉnh", FORM, {IND}, "0.6", True, False),
    ],
}
DECREES = {
    "nd91_2017": "Nghị định 91/2017/NĐ-CP",
    "nd98_2023": "Nghị định 98/2023/NĐ-CP",
    "nd152_2025": "Nghị định 152/2025/NĐ-CP",
}


# --- the data as a whole ------------------------------------------------------------------


def test_regimes_in_order_with_their_dates_and_laws() -> None:
    assert [(r.code, r.decree, r.since, r.until) for r in regimes()] == [
        ("nd91_2017", "Nghị định 91/2017/NĐ-CP", date(2017, 10, 1), date(2023, 12, 31)),
        ("nd98_2023", "Nghị định 98/2023/NĐ-CP", date(2024, 1, 1), date(2025, 6, 30)),
        ("nd152_2025", "Nghị định 152/2025/NĐ-CP", date(2025, 7, 1), None),
    ]
    assert regimes()[0].law.startswith("Luật Thi đua, khen thưởng 2003")
    assert regimes()[1].law == regimes()[2].law == "Luật Thi đua, khen thưởng số 06/2022/QH15"


@pytest.mark.parametrize("code", list(EXPECTED))
def test_every_coefficient_of_every_regime(code: str) -> None:
    regime = next(r for r in regimes() if r.code == code)
    got = {
        a.name: (
            a.kind.value,
            {r.value for r in a.recipients},
            a.coefficient,
            a.is_ceiling,
            a.needs_verification,
        )
        for a in regime.awards
    }
    want = {n: (k, w, Decimal(c), m, v) for n, k, w, c, m, v in EXPECTED[code]}
    assert len(regime.awards) == len(want)
    assert got == want


@pytest.mark.parametrize("code", list(EXPECTED))
def test_every_row_names_its_decree(code: str) -> None:
    regime = next(r for r in regimes() if r.code == code)
    assert {a.source for a in regime.awards} == {DECREES[code]}
    assert all(a.regime == code for a in regime.awards)
    assert regime.rounding.source == regime.collective_factor.source == DECREES[code]


def test_articles_where_known() -> None:
    by_regime = {r.code: {a.name: a.article for a in r.awards} for r in regimes()}
    assert by_regime["nd91_2017"]["Lao động tiên tiến"] == "Điều 69"
    assert by_regime["nd91_2017"]["Giấy khen"] == "Điều 73"
    assert by_regime["nd98_2023"]["Cờ thi đua của Chính phủ"] == "Điều 54"
    assert by_regime["nd98_2023"]["Giấy khen"] == "Điều 58"
    assert by_regime["nd152_2025"]["Giấy khen"] == "khoản 1 Điều 54"
    award = find_award("Lao động tiên tiến", ND98)
    assert award.citation == "Nghị định 98/2023/NĐ-CP, Điều 54"


def test_rounding_and_collective_factor_are_data() -> None:
    for regime in regimes():
        assert (regime.rounding.mode, regime.rounding.step) == ("len", 10_000)
        assert regime.collective_factor.value == Decimal(2)
    verify = {r.code: r.collective_factor.needs_verification for r in regimes()}
    assert verify == {"nd91_2017": False, "nd98_2023": True, "nd152_2025": True}
    assert regimes()[0].rounding.article == "khoản 2 Điều 68"


def test_data_is_loaded_once() -> None:
    assert money.base_salaries() is money.base_salaries()
    assert regimes() is regimes()


# --- mức lương cơ sở by date --------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "amount", "source"),
    [
        (date(2017, 7, 1), 1_300_000, "Nghị định 47/2017/NĐ-CP"),
        (date(2018, 6, 30), 1_300_000, "Nghị định 47/2017/NĐ-CP"),
        (date(2018, 7, 1), 1_390_000, "Nghị định 72/2018/NĐ-CP"),
        (date(2019, 6, 30), 1_390_000, "Nghị định 72/2018/NĐ-CP"),
        (date(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
        (date(2023, 6, 30), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
        (date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
        (date(2024, 6, 30), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
        (date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
        (date(2030, 1, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
    ],
)
def test_base_salary_boundaries(day: date, amount: int, source: str) -> None:
    salary = base_salary_on(day)
    assert (salary.amount, salary.source) == (amount, source)
    assert salary.since <= day


def test_date_before_first_base_salary() -> None:
    with pytest.raises(InputError) as caught:
        base_salary_on(date(2017, 6, 30))
    error = caught.value
    assert error.key == "money.no_base_salary"
    assert error.params == {"date": date(2017, 6, 30), "first": date(2017, 7, 1)}
    assert "30/06/2017" in error.message("vi") and "01/07/2017" in error.message("vi")
    assert "01/07/2017" in error.message("en")
    # Callers add where the date came from.
    assert error.at(file="ds.xlsx", row=4).message("vi").startswith("ds.xlsx, dòng 4: ")


# --- regimes by date ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2017, 10, 1), "nd91_2017"),
        (date(2023, 12, 31), "nd91_2017"),
        (date(2024, 1, 1), "nd98_2023"),
        (date(2025, 6, 30), "nd98_2023"),
        (date(2025, 7, 1), "nd152_2025"),
        (date(2040, 1, 1), "nd152_2025"),
    ],
)
def test_regime_boundaries(day: date, code: str) -> None:
    assert regime_on(day).code == code


def test_date_before_first_regime() -> None:
    with pytest.raises(InputError) as caught:
        regime_on(date(2017, 9, 30))
    assert caught.value.key == "money.no_regime"
    assert "01/10/2017" in caught.value.message("vi")


# --- amounts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "rounded"),
    [
        (447_000, 450_000),  # 0,3 × 1.490.000
        (1_112_000, 1_120_000),  # Ban Thi đua - Khen thưởng Trung ương, 2018
        (834_000, 840_000),  # idem
        (440_001, 450_000),
        (449_999, 450_000),
        (450_000, 450_000),  # exact multiples stay
        (1_490_000, 1_490_000),
        (0, 0),
    ],
)
def test_rounding_up_to_ten_thousand(raw: int, rounded: int) -> None:
    assert regime_on(ND91).rounding.apply(Decimal(raw)) == rounded
    assert regime_on(ND152).rounding.apply(Decimal(raw)) == rounded


def test_other_rounding_modes_from_data() -> None:
    assert RoundingRule("gan_nhat", 10_000, "x").apply(Decimal(444_999)) == 440_000
    assert RoundingRule("gan_nhat", 10_000, "x").apply(Decimal(445_000)) == 450_000
    assert RoundingRule("xuong", 10_000, "x").apply(Decimal(449_999)) == 440_000


def test_reward_example_from_the_reference() -> None:
    reward = reward_amount("Lao động tiên tiến", ND91, collective=False)
    assert reward.coefficient == Decimal("0.3")
    assert reward.base_salary.amount == 1_490_000
    assert reward.raw_amount == Decimal(447_000)
    assert isinstance(reward.raw_amount, Decimal)
    assert reward.rounded_amount == reward.amount == 450_000
    assert type(reward.rounded_amount) is int
    assert reward.regime.code == "nd91_2017"
    assert reward.collective_factor == 1
    assert not reward.needs_verification
    assert not reward.is_ceiling


@pytest.mark.parametrize(
    ("name", "day", "collective", "coefficient", "base", "raw", "rounded"),
    [
        # the 2018 examples of the Ban Thi đua - Khen thưởng Trung ương (base 1.390.000)
        ("Tập thể lao động tiên tiến", date(2018, 12, 1), True, "0.8", 1_390_000, 1_112_000,
         1_120_000),
        ("Giấy khen", date(2019, 6, 30), True, "0.6", 1_390_000, 834_000, 840_000),
        ("Giấy khen", date(2019, 6, 30), False, "0.3", 1_390_000, 417_000, 420_000),
        # forms: collective = 2 × individual
        ("Bằng khen của Thủ tướng Chính phủ", ND91, False, "3.5", 1_490_000, 5_215_000,
         5_220_000),
        ("Bằng khen của Thủ tướng Chính phủ", ND91, True, "7.0", 1_490_000, 10_430_000,
         10_430_000),
        ("Bằng khen của bộ, ban, ngành, tỉnh", date(2025, 6, 30), False, "1.0", 2_340_000,
         2_340_000, 2_340_000),
        ("Bằng khen của bộ, ban, ngành, tỉnh", date(2025, 7, 1), False, "1.5", 2_340_000,
         3_510_000, 3_510_000),
        ("Bằng khen của bộ, ban, ngành, tỉnh", date(2025, 7, 1), True, "3.0", 2_340_000,
         7_020_000, 7_020_000),
        ("Giấy khen", ND152, True, "0.6", 2_340_000, 1_404_000, 1_410_000),
        # titles: their own individual or collective rate, never the factor
        ("Chiến sĩ thi đua toàn quốc", date(2024, 6, 30), False, "4.5", 1_800_000, 8_100_000,
         8_100_000),
        ("Chiến sĩ thi đua toàn quốc", date(2024, 7, 1), False, "4.5", 2_340_000, 10_530_000,
         10_530_000),
        ("Chiến sĩ thi đua cơ sở", date(2023, 7, 1), False, "1.0", 1_800_000, 1_800_000,
         1_800_000),
        ("Lao động tiên tiến", date(2018, 6, 30), False, "0.3", 1_300_000, 390_000, 390_000),
        ("Lao động tiên tiến", date(2018, 7, 1), False, "0.3", 1_390_000, 417_000, 420_000),
        ("Tập thể lao động xuất sắc", ND98, True, "1.5", 1_800_000, 2_700_000, 2_700_000),
        ("Tập thể lao động tiên tiến", ND152, True, "0.8", 2_340_000, 1_872_000, 1_880_000),
        ("Cờ thi đua của Chính phủ", ND98, True, "12", 1_800_000, 21_600_000, 21_600_000),
        ("Cờ thi đua của bộ, ban, ngành, tỉnh", ND91, True, "8", 1_490_000, 11_920_000,
         11_920_000),
        ("Xã, phường, thị trấn tiêu biểu", date(2024, 1, 1), True, "2.0", 1_800_000, 3_600_000,
         3_600_000),
        ("Thôn, tổ dân phố văn hóa", ND91, True, "1.5", 1_490_000, 2_235_000, 2_240_000),
        ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", ND91, False, "3.0", 1_490_000, 4_470_000,
         4_470_000),
    ],
)  # fmt: skip
def test_reward_amounts(
    name: str,
    day: date,
    collective: bool,
    coefficient: str,
    base: int,
    raw: int,
    rounded: int,
) -> None:
    reward = reward_amount(name, day, collective=collective)
    assert reward.coefficient == Decimal(coefficient)
    assert reward.base_salary.amount == base
    assert reward.raw_amount == raw
    assert reward.rounded_amount == rounded
    assert reward.collective == collective


def test_collective_form_uses_the_factor_and_flags_verification() -> None:
    individual = reward_amount("Giấy khen", ND98, collective=False)
    collective = reward_amount("Giấy khen", ND98, collective=True)
    assert collective.collective_factor == Decimal(2)
    assert collective.raw_amount == 2 * individual.raw_amount
    assert (individual.rounded_amount, collective.rounded_amount) == (540_000, 1_080_000)
    assert individual.needs_verification and collective.needs_verification  # "(verify)" rows
    assert not reward_amount("Giấy khen", ND91, collective=True).needs_verification
    # 152/2025: the rate is confirmed, the collective factor is not.
    assert not reward_amount("Giấy khen", ND152, collective=False).needs_verification
    assert reward_amount("Giấy khen", ND152, collective=True).needs_verification


def test_commemorative_medal_is_a_ceiling_for_individuals_only() -> None:
    reward = reward_amount("Kỷ niệm chương của bộ, ban, ngành, tỉnh", ND98, collective=False)
    assert reward.is_ceiling
    assert reward.rounded_amount == 1_080_000  # at most 0,6 × 1.800.000
    with pytest.raises(InputError) as caught:
        reward_amount("Kỷ niệm chương của bộ, ban, ngành, tỉnh", ND98, collective=True)
    assert caught.value.key == "money.award_not_for"


@pytest.mark.parametrize(
    ("name", "collective", "who_vi", "who_en"),
    [
        ("Lao động tiên tiến", True, "tập thể", "a collective"),
        ("Chiến sĩ thi đua cơ sở", True, "tập thể", "a collective"),
        ("Tập thể lao động xuất sắc", False, "cá nhân", "an individual"),
        ("Cờ thi đua của Chính phủ", False, "cá nhân", "an individual"),
    ],
)
def test_title_for_the_wrong_recipient(
    name: str, collective: bool, who_vi: str, who_en: str
) -> None:
    with pytest.raises(InputError) as caught:
        reward_amount(name, ND91, collective=collective)
    error = caught.value
    assert error.key == "money.award_not_for"
    assert f"“{name}” không dành cho {who_vi}" in error.message("vi")
    assert f"not awarded to {who_en}" in error.message("en")


def test_award_missing_from_the_regime_of_the_date() -> None:
    with pytest.raises(InputError) as caught:
        find_award("Xã, phường, thị trấn tiêu biểu", date(2023, 12, 31))
    error = caught.value
    assert error.key == "money.award_not_in_regime"
    assert "Nghị định 91/2017/NĐ-CP" in error.message("vi")
    assert "Nghị định 98/2023/NĐ-CP" in error.message("vi")
    assert find_award("Xã, phường, thị trấn tiêu biểu", date(2024, 1, 1)).coefficient == 2


# --- matching names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical", "kind"),
    [
        ("Lao động tiên tiến", "Lao động tiên tiến", AwardKind.TITLE),
        ("lao động tiên tiến", "Lao động tiên tiến", AwardKind.TITLE),
        ("  LAO   ĐỘNG  TIÊN TIẾN ", "Lao động tiên tiến", AwardKind.TITLE),
        ("“Lao động tiên tiến”", "Lao động tiên tiến", AwardKind.TITLE),
        ('"Lao động tiên tiến"', "Lao động tiên tiến", AwardKind.TITLE),
        ("'Lao động tiên tiến'", "Lao động tiên tiến", AwardKind.TITLE),
        ("«Lao động tiên tiến»", "Lao động tiên tiến", AwardKind.TITLE),
        ('Danh hiệu "Lao động tiên tiến"', "Lao động tiên tiến", AwardKind.TITLE),
        (unicodedata.normalize("NFD", "Lao động tiên tiến"), "Lao động tiên tiến", AwardKind.TITLE),
        ("Chiến sĩ tiên tiến", "Lao động tiên tiến", AwardKind.TITLE),
        ("Chiến sỹ thi đua cơ sở", "Chiến sĩ thi đua cơ sở", AwardKind.TITLE),
        ("Đơn vị quyết thắng", "Tập thể lao động xuất sắc", AwardKind.TITLE),
        ("Đơn vị tiên tiến", "Tập thể lao động tiên tiến", AwardKind.TITLE),
        ("Thôn, tổ dân phố văn hoá", "Thôn, tổ dân phố văn hóa", AwardKind.TITLE),
        ("Thôn văn hóa", "Thôn, tổ dân phố văn hóa", AwardKind.TITLE),
        ("Chiến sĩ thi đua bộ,ban , ngành,tỉnh", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh",
         AwardKind.TITLE),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Bằng khen của bộ, ban, ngành, tỉnh",
         AwardKind.FORM),
        ("giấy khen", "Giấy khen", AwardKind.FORM),
        ("Giấy khen của Giám đốc Sở Nội vụ", "Giấy khen", AwardKind.FORM),
        ("Giấy khen của Chủ tịch UBND huyện", "Giấy khen", AwardKind.FORM),
    ],
)  # fmt: skip
def test_find_award_tolerates_spelling(written: str, canonical: str, kind: AwardKind) -> None:
    award = find_award(written, ND91)
    assert award.name == canonical
    assert award.kind is kind
    assert award.kind == kind.value


def test_aliases_keep_the_recipient_of_their_title() -> None:
    award = find_award("Đơn vị quyết thắng", ND98)
    assert award.recipients == frozenset({Recipient.COLLECTIVE})
    assert "Đơn vị quyết thắng" in award.aliases


def test_new_name_in_152_matches() -> None:
    award = find_award("Xã, phường, đặc khu tiêu biểu", ND152)
    assert award.name == "Xã, phường, thị trấn tiêu biểu"


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("Lao động tiên tến", "Lao động tiên tiến"),
        ("Lao dong tien tien", "Lao động tiên tiến"),
        ("Chiến sĩ thi đua cấp cơ sở", "Chiến sĩ thi đua cơ sở"),
        ("Bằng khen Thủ tướng", "Bằng khen Thủ tướng Chính phủ"),
        ("Giấy khn", "Giấy khen"),
    ],
)
def test_unknown_award_suggests_the_closest_name(written: str, suggestion: str) -> None:
    with pytest.raises(InputError) as caught:
        find_award(written, ND91)
    error = caught.value
    assert error.key == "money.unknown_award"
    assert error.params["suggestion"] == suggestion
    assert f"“{suggestion}”" in error.message("vi")
    assert f"“{suggestion}”" in error.message("en")
    assert f"“{written}”" in error.message("vi")


def test_unknown_award_through_reward_amount() -> None:
    with pytest.raises(InputError) as caught:
        reward_amount("Huân chương Lao động hạng Ba", ND152, collective=False)
    assert caught.value.key == "money.unknown_award"
    assert caught.value.params["suggestion"]


# --- format -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "0"), (999, "999"), (1_000, "1.000"), (450_000, "450.000"), (1_490_000, "1.490.000"),
     (10_530_000, "10.530.000"), (1_000_000_000, "1.000.000.000")],
)  # fmt: skip
def test_format_money(amount: int, text: str) -> None:
    assert format_money(amount) == text


# --- broken data files --------------------------------------------------------------------


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """Empty the loaded-data caches before and after, so a patched file never leaks."""

    def clear() -> None:
        for cached in (money.base_salaries, money._rules, money._indexes):
            cached.cache_clear()

    clear()
    yield
    clear()


def test_gap_between_regimes_is_reported(
    monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    original = money._data_text
    text = original(money.REWARD_FILE).replace("tu_ngay: 2024-01-01", "tu_ngay: 2024-01-02")
    monkeypatch.setattr(
        money, "_data_text", lambda name: text if name == money.REWARD_FILE else original(name)
    )
    with pytest.raises(InputError) as caught:
        regimes()
    assert caught.value.key == "money.bad_data"
    assert "khen-thuong.yaml" in caught.value.message("vi")


def test_bad_salary_row_is_reported_with_its_line(
    monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    original = money._data_text
    text = original(money.SALARY_FILE).replace("1490000", "mot trieu")
    monkeypatch.setattr(
        money, "_data_text", lambda name: text if name == money.SALARY_FILE else original(name)
    )
    with pytest.raises(InputError) as caught:
        base_salary_on(ND91)
    assert caught.value.key == "money.bad_data"
    assert caught.value.line == 4


def test_format_money_groups_as_babel_does() -> None:
    """format_money groups an int itself (not by babel, whose locale data its first call would
    load): the same text babel's "vi" locale writes, negative and large alike; what it does not
    group itself (a Decimal, an int too large for babel) is babel's as before."""
    from decimal import Decimal, InvalidOperation

    from babel.numbers import format_decimal

    amounts = [*range(-2_000, 2_000, 7), 9_999, 10_000, 999_999, 1_000_000, -1_490_000,
               10**17 + 3, -(10**17) - 3, 10**18 - 1, 10**18, 10**24 - 1,
               -(10**24) + 1]  # fmt: skip
    for amount in amounts:
        assert format_money(amount) == format_decimal(amount, locale="vi"), amount
    assert format_money(Decimal("1490000.5")) == format_decimal(Decimal("1490000.5"), locale="vi")
    with pytest.raises(InvalidOperation):
        format_money(10**26)
