"""Tiền thưởng thi đua, khen thưởng: mức lương cơ sở, hệ số by decree, rounding, from data.

Reward money = hệ số × mức lương cơ sở in force on the date of the decision, rounded as the
decree in force on that date says (up to the next 10.000 đồng). The figures live in
data/luong-co-so.csv and data/khen-thuong.yaml, each row with its decree; this module only
reads them (once) and applies them. Money is Decimal from the data to the rounded int: a float
would turn 0,3 × 1.490.000 into 446999.99... and one rounding step away from the decree.

This module is the query API; the types are in money_types, reading and checking the data files
in money_data, and matching the award names users write in award_names.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache, lru_cache

from babel.numbers import format_decimal

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
from pipeline.rules.money_types import Award, AwardKind, BaseSalary, Recipient, Regime, Reward
from pipeline.rules.money_types import CollectiveFactor as CollectiveFactor
from pipeline.rules.money_types import RoundingRule as RoundingRule

__all__ = [
    "REWARD_FILE",
    "SALARY_FILE",
    "Award",
    "AwardKind",
    "BaseSalary",
    "CollectiveFactor",
    "Recipient",
    "Regime",
    "Reward",
    "RoundingRule",
    "base_salaries",
    "base_salary_on",
    "find_award",
    "format_money",
    "regime_on",
    "regimes",
    "reward_amount",
]

# Words for a recipient inside messages, by language (the message catalogue holds sentences).
_RECIPIENT_WORDS = {
    Recipient.INDIVIDUAL: ("cá nhân", "an individual"),
    Recipient.COLLECTIVE: ("tập thể", "a collective"),
}


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


def base_salary_on(d: date) -> BaseSalary:
    """Mức lương cơ sở in force on `d` (the row with the latest start not after `d`)."""
    rows = base_salaries()
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


def unknown_award(name: str) -> str | None:
    """None when some decree of the data knows the award `name`; else the closest name it
    knows, for 'did you mean'."""
    key = name_key(name)
    if any(_match(key, regime) is not None for regime in regimes()):
        return None
    return suggestion(key, [award for regime in regimes() for award in regime.awards])


def find_award(name: str, d: date) -> Award:
    """The danh hiệu or hình thức called `name` under the decree in force on `d`."""
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
    raise InputError(
        "money.unknown_award",
        name=display_name(name),
        suggestion=suggestion(key, regime.awards),
        decree=regime.decree,
    )


@lru_cache(maxsize=1024)  # a list names a few awards many times; Reward is frozen
def reward_amount(award_name: str, decision_date: date, *, collective: bool) -> Reward:
    """Tiền thưởng for `award_name` given by a decision dated `decision_date`."""
    award = find_award(award_name, decision_date)
    regime = regime_on(decision_date)
    if not award.applies_to(collective=collective):
        recipient = Recipient.COLLECTIVE if collective else Recipient.INDIVIDUAL
        words_vi, words_en = _RECIPIENT_WORDS[recipient]
        raise InputError(
            "money.award_not_for",
            name=display_name(award_name),
            recipient=words_vi,
            recipient_en=words_en,
            decree=regime.decree,
        )
    salary = base_salary_on(decision_date)
    # Titles name their collective rate directly; a form's collective rate is a multiple.
    uses_factor = collective and award.kind is AwardKind.FORM
    factor = regime.collective_factor.value if uses_factor else Decimal(1)
    coefficient = award.coefficient * factor
    raw = coefficient * salary.amount
    return Reward(
        award=award,
        collective=collective,
        decision_date=decision_date,
        regime=regime,
        base_salary=salary,
        coefficient=coefficient,
        collective_factor=factor,
        raw_amount=raw,
        rounded_amount=regime.rounding.apply(raw),
        needs_verification=(
            award.needs_verification
            or regime.rounding.needs_verification
            or (uses_factor and regime.collective_factor.needs_verification)
        ),
        is_ceiling=award.is_ceiling,
    )


@lru_cache(maxsize=4096)  # a list repeats a few amounts many times; babel is slow per call
def format_money(n: int) -> str:
    """A sum of money with Vietnamese grouping: 1490000 → '1.490.000'."""
    return format_decimal(n, locale="vi")
