"""Tiền thưởng thi đua, khen thưởng: mức lương cơ sở, hệ số by decree, rounding, from data.

Reward money = hệ số × mức lương cơ sở in force on the date of the decision, rounded as the
decree in force on that date says (up to the next 10.000 đồng). The figures live in
data/luong-co-so.csv and data/khen-thuong.yaml, each row with its decree; this module only
reads them (once) and applies them. Money is Decimal from the data to the rounded int: a float
would turn 0,3 × 1.490.000 into 446999.99... and one rounding step away from the decree.

An office may add its own awards (khen thưởng riêng: a fixed sum, or a coefficient × mức lương
cơ sở, with the rule it comes from) and mức lương cơ sở rows in its profile; they come in as an
OfficeRules and are looked up before the decree's table (awards) or merged with it (salaries).

This module is the query API; the types are in money_types, reading and checking the data files
in money_data, and matching the award names users write in award_names.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache

from pipeline.errors import InputError
from pipeline.rules.award_names import display_name, match, name_index, name_key, suggestion
from pipeline.rules.money_data import (
    REWARD_FILE,
    SALARY_FILE,
    Rules,
    parse_base_salaries,
    parse_rules,
)
from pipeline.rules.money_data import data_text as _data_text
from pipeline.rules.money_types import (
    Award,
    AwardKind,
    BaseSalary,
    OfficeRules,
    Recipient,
    Regime,
    Reward,
)
from pipeline.rules.money_types import CollectiveFactor as CollectiveFactor
from pipeline.rules.money_types import RoundingRule as RoundingRule

__all__ = [
    "MAX_AMOUNT",
    "MAX_BASE_SALARY",
    "MAX_COEFFICIENT",
    "REWARD_FILE",
    "SALARY_FILE",
    "Award",
    "AwardKind",
    "BaseSalary",
    "CollectiveFactor",
    "OfficeRules",
    "Recipient",
    "Regime",
    "Reward",
    "RoundingRule",
    "applies",
    "base_salaries",
    "base_salary_on",
    "find_award",
    "format_money",
    "is_name",
    "named_award",
    "office_awards",
    "regime_on",
    "regimes",
    "reward_amount",
    "recipient_words",
    "reward_at",
    "salary_table",
]

# The most an office's own figures may state (its profile: khen_thuong_rieng, luong_co_so;
# a list's Số tiền), far above any real one, so that a slip (a sum typed with its zeros twice, a
# pasted row of digits) is refused at its line or cell rather than priced: a sum past 10**25
# cannot even be printed (babel's quantize), one past 10**18 not read in words. The decree's
# highest hệ số is 12,0 (Cờ thi đua của Chính phủ) and mức lương cơ sở 2.340.000 đồng (2024), so
# its largest reward is some 28 million đồng; the bounds leave decades of raises and any office's
# own award room, and keep every product and a list's total (20.000 rows) below 10**18.
MAX_COEFFICIENT = Decimal(50)
MAX_BASE_SALARY = 100_000_000
MAX_AMOUNT = 10_000_000_000

# Words for a recipient inside messages, by language (the message catalogue holds sentences).
_RECIPIENT_WORDS = {
    Recipient.INDIVIDUAL: ("cá nhân", "an individual"),
    Recipient.COLLECTIVE: ("tập thể", "a collective"),
}


def recipient_words(collective: bool) -> dict[str, str]:
    """Whom a reward is for, as a message's `recipient` and `recipient_en` name it."""
    vi, en = _RECIPIENT_WORDS[Recipient.COLLECTIVE if collective else Recipient.INDIVIDUAL]
    return {"recipient": vi, "recipient_en": en}


# --- the data, read once --------------------------------------------------------------------
# The files are read through this module's _data_text, and cached here, so that one patch of
# _data_text and one cache_clear() of these three functions give a fresh read of the data.


@cache
def base_salaries() -> tuple[BaseSalary, ...]:
    """Mức lương cơ sở rows, oldest first (data/luong-co-so.csv)."""
    return parse_base_salaries(_data_text(SALARY_FILE))


@cache
def _rules() -> Rules:
    return parse_rules(_data_text(REWARD_FILE))


@cache
def _indexes() -> dict[str, dict[str, Award]]:
    return {regime.code: name_index(regime) for regime in _rules().regimes}


def _match(key: str, regime: Regime) -> Award | None:
    return match(key, regime, _indexes()[regime.code], _rules().prefixes)


# --- the public functions -------------------------------------------------------------------


def regimes() -> tuple[Regime, ...]:
    """Every chế độ khen thưởng in the data, oldest first."""
    return _rules().regimes


def salary_table(extra: tuple[BaseSalary, ...] = ()) -> tuple[BaseSalary, ...]:
    """The built-in mức lương cơ sở rows with an office's `extra` rows, oldest first; an extra
    row on a date the table already has replaces it (the profile checks they agree)."""
    return _merged(base_salaries(), extra) if extra else base_salaries()


@lru_cache(maxsize=64)  # one office, one decision date after another
def _merged(
    built_in: tuple[BaseSalary, ...], extra: tuple[BaseSalary, ...]
) -> tuple[BaseSalary, ...]:
    rows = {row.since: row for row in built_in}
    rows.update((row.since, row) for row in extra)
    return tuple(rows[since] for since in sorted(rows))


def base_salary_on(d: date, extra: tuple[BaseSalary, ...] = ()) -> BaseSalary:
    """Mức lương cơ sở in force on `d` (the row with the latest start not after `d`), with an
    office's `extra` rows added to the built-in table."""
    rows = salary_table(extra)
    found = [row for row in rows if row.since <= d]
    if not found:
        raise InputError("money.no_base_salary", date=d, first=rows[0].since)
    return found[-1]


def regime_on(d: date) -> Regime:
    """Chế độ (decree and law) that governs a decision issued on `d`."""
    all_regimes = regimes()
    for regime in all_regimes:
        if regime.covers(d):
            return regime
    raise InputError("money.no_regime", date=d, first=all_regimes[0].since)


def awarded_by(name: str) -> tuple[str, str] | None:
    """For an award named with its giver ("Giấy khen của Chánh Văn phòng", a tiền tố of the
    data): the award and who gives it ("Giấy khen", "Chánh Văn phòng"); None for other names."""
    key = name_key(name)
    for award, prefixes in _rules().prefixes.items():
        for prefix in prefixes:
            if key.startswith(name_key(prefix) + " "):
                words = len(prefix.split())
                return award, " ".join(name.split()[words:])
    return None


def is_name(text: str) -> bool:
    """Whether `text` could name an award at all: "200000" or "0,3" cannot (no letters), and
    gets no 'did you mean' of a title."""
    return any(char.isalpha() for char in text)


def unknown_award(name: str) -> str | None:
    """None when some decree of the data knows the award `name`; else the closest name it
    knows, for 'did you mean'."""
    key = name_key(name)
    if any(_match(key, regime) is not None for regime in regimes()):
        return None
    return suggestion(key, [award for regime in regimes() for award in regime.awards])


def _unknown(name: str, key: str, regime: Regime, collective: bool | None) -> InputError:
    """Unknown award: 'did you mean' only a name of the row's kind (a title for tập thể is no
    answer for a cá nhân), and none for a text that is no name (a number)."""
    awards = [a for a in regime.awards if collective is None or a.applies_to(collective=collective)]
    closest = suggestion(key, awards) if is_name(name) else ""
    if not closest:
        return InputError(
            "money.unknown_award_plain", name=display_name(name), decree=regime.decree
        )
    return InputError(
        "money.unknown_award",
        name=display_name(name),
        suggestion=closest,
        decree=regime.decree,
    )


def find_award(name: str, d: date, *, collective: bool | None = None) -> Award:
    """The danh hiệu or hình thức called `name` under the decree in force on `d`; `collective`
    (when known) limits the 'did you mean' of an unknown name to awards of that recipient."""
    regime = regime_on(d)
    key = name_key(name)
    award = _match(key, regime)
    if award is not None:
        return award
    elsewhere = [r for r in regimes() if r is not regime and _match(key, r) is not None]
    if elsewhere:
        raise InputError(
            "money.award_not_in_regime",
            name=display_name(name),
            date=d,
            decree=regime.decree,
            known_in=", ".join(r.decree for r in elsewhere),
        )
    raise _unknown(name, key, regime, collective)


def office_awards(name: str, office: OfficeRules | None) -> tuple[Award, ...]:
    """The office's own awards (one per recipient) called `name`; () when it has none."""
    if office is None or not office.awards:
        return ()
    key = name_key(name)
    return tuple(a for a in office.awards if name_key(a.name) == key)


def applies(name: str, d: date, *, collective: bool, office: OfficeRules | None = None) -> bool:
    """Whether the award `name` (the office's own or the decree's in force on `d`) is given to
    a tập thể (`collective`) or a cá nhân; False for a name neither knows."""
    own = office_awards(name, office)
    if own:
        return any(a.applies_to(collective=collective) for a in own)
    try:
        return find_award(name, d).applies_to(collective=collective)
    except InputError:
        return False


def named_award(
    name: str, d: date, *, collective: bool, office: OfficeRules | None = None
) -> Award | None:
    """The award `name` names, unpriced: the office's own one for that recipient, else the
    decree's (its tên khác and tiền tố included: "Giấy khen của Giám đốc Sở" is Giấy khen) in
    force on `d`, else, as a list without money may be of any date, the newest decree's that
    knows it; None for a name none knows. A list without money counts under the same award as
    one with money (a report's {{ giay_khen.* }}), whatever it prints."""
    own = office_awards(name, office)
    if own:
        return next((a for a in own if a.applies_to(collective=collective)), own[0])
    key = name_key(name)
    in_force = [r for r in regimes() if r.covers(d)]
    for regime in [*in_force, *reversed(regimes())]:
        award = _match(key, regime)
        if award is not None:
            return award
    return None


def _not_for(name: str, collective: bool, rule: str) -> InputError:
    recipient = Recipient.COLLECTIVE if collective else Recipient.INDIVIDUAL
    words_vi, words_en = _RECIPIENT_WORDS[recipient]
    return InputError(
        "money.award_not_for",
        name=display_name(name),
        recipient=words_vi,
        recipient_en=words_en,
        decree=rule,
    )


@lru_cache(maxsize=1024)  # a list names a few awards many times; Reward is frozen
def reward_amount(
    award_name: str, decision_date: date, *, collective: bool, office: OfficeRules | None = None
) -> Reward:
    """Tiền thưởng for `award_name` given by a decision dated `decision_date`; `office`: the
    profile's own awards (looked up first) and extra mức lương cơ sở rows."""
    own = office_awards(award_name, office)
    if own:  # the office's own award: its fixed sum, or its hệ số as the decree rounds it
        found = next((a for a in own if a.applies_to(collective=collective)), None)
        if found is None:
            raise _not_for(award_name, collective, own[0].source)
        award = found
        regime = regime_on(decision_date)
    else:
        award = find_award(award_name, decision_date, collective=collective)
        regime = regime_on(decision_date)
        if not award.applies_to(collective=collective):
            raise _not_for(award_name, collective, regime.decree)
    salary = base_salary_on(decision_date, office.base_salaries if office else ())
    # Titles name their collective rate directly; a form's collective rate is a multiple (an
    # office's own award states each recipient's rate).
    uses_factor = collective and award.kind is AwardKind.FORM and not award.office
    factor = regime.collective_factor.value if uses_factor else Decimal(1)
    coefficient = award.coefficient * factor
    if award.fixed_amount is not None:
        raw = Decimal(award.fixed_amount)
        rounded = award.fixed_amount
    else:
        raw = coefficient * salary.amount
        rounded = regime.rounding.apply(raw)
    return Reward(
        award=award,
        collective=collective,
        decision_date=decision_date,
        regime=regime,
        base_salary=salary,
        coefficient=coefficient,
        collective_factor=factor,
        raw_amount=raw,
        rounded_amount=rounded,
        needs_verification=(
            not award.office  # an own award's amount is the office's to vouch for
            and (
                award.needs_verification
                or regime.rounding.needs_verification
                or (uses_factor and regime.collective_factor.needs_verification)
            )
        ),
        is_ceiling=award.is_ceiling,
    )


def reward_at(
    reward: Reward, *, coefficient: Decimal | None = None, amount: int | None = None
) -> Reward | None:
    """Tiền thưởng of a ceiling award (toi_da: "không quá", the Kỷ niệm chương's 0,6) at the
    rate a decision states for one recipient: its `coefficient` (the recipient's, as
    Reward.coefficient: a tập thể's includes the hệ số tập thể) × the same mức lương cơ sở,
    rounded as the regime rounds; else its `amount` in đồng, paid as stated. `reward` is the
    award at its ceiling (reward_amount), returned itself for a rate that is the ceiling's.
    None for a rate of 0 or less, or above the ceiling (for an amount: above the maximum as
    rounded): the caller names the row's cell."""
    assert reward.is_ceiling and (coefficient is None) != (amount is None)
    if coefficient is not None:
        if not 0 < coefficient <= reward.coefficient:
            return None
        if coefficient == reward.coefficient:
            return reward
        raw = coefficient * reward.base_salary.amount
        return replace(
            reward, coefficient=coefficient, raw_amount=raw,
            rounded_amount=reward.regime.rounding.apply(raw),
        )  # fmt: skip
    assert amount is not None
    if not 0 < amount <= reward.rounded_amount:
        return None
    if amount == reward.rounded_amount:
        return reward
    # The hệ số the amount stands for (nothing prints it: the row states the amount itself).
    stated = Decimal(amount) / reward.base_salary.amount
    return replace(reward, coefficient=stated, raw_amount=Decimal(amount), rounded_amount=amount)


# Below this, an int is grouped by Python itself exactly as babel's "vi" locale groups it
# ("#,##0.###": "." between groups of three, "-" before; tests/test_money.py compares them);
# babel fails from 10**25 on (its Decimal quantize), which is left to it as before.
_GROUPED_BELOW = 10**18


@lru_cache(maxsize=4096)  # a list repeats a few amounts many times; babel is slow per call
def format_money(n: int) -> str:
    """A sum of money with Vietnamese grouping: 1490000 → '1.490.000'."""
    if type(n) is int and -_GROUPED_BELOW < n < _GROUPED_BELOW:
        # Not babel: its first call loads the locale's data (some 60 M instructions, in the
        # first decision of every build, before its workers start), for what "," and "."
        # write alike. Imported only for what it formats otherwise (a Decimal, a float).
        return f"{n:,}".replace(",", ".")
    from babel.numbers import format_decimal

    return format_decimal(n, locale="vi")
