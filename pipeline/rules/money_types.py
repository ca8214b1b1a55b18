"""Tiền thưởng data types: mức lương cơ sở, chế độ, danh hiệu / hình thức, làm tròn, the reward.

Pure, frozen data with no reading and no lookups: money_data builds these from the data files,
money answers questions with them. Amounts are Decimal until rounded to whole đồng.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum


class AwardKind(StrEnum):
    """Danh hiệu thi đua (a title) or hình thức khen thưởng (a form: bằng khen, giấy khen...)."""

    TITLE = "danh_hieu"
    FORM = "hinh_thuc"


class Recipient(StrEnum):
    """Cá nhân (an individual) or tập thể (a collective)."""

    INDIVIDUAL = "ca_nhan"
    COLLECTIVE = "tap_the"


ROUNDING_MODES = {"len": ROUND_CEILING, "gan_nhat": ROUND_HALF_UP, "xuong": ROUND_FLOOR}


@dataclass(frozen=True)
class BaseSalary:
    """Mức lương cơ sở: đồng per month from `since` until the next row."""

    amount: int
    since: date
    source: str
    note: str = ""


@dataclass(frozen=True)
class RoundingRule:
    """Làm tròn tiền thưởng: mode (len / gan_nhat / xuong) to a multiple of `step` đồng."""

    mode: str
    step: int
    source: str
    article: str = ""
    needs_verification: bool = False

    def apply(self, amount: Decimal) -> int:
        """The amount rounded by this rule (len: 447.000 → 450.000, exact multiples stay)."""
        steps = (amount / self.step).to_integral_value(rounding=ROUNDING_MODES[self.mode])
        return int(steps) * self.step


@dataclass(frozen=True)
class CollectiveFactor:
    """Hệ số tập thể: how many times the individual amount a collective gets for a form."""

    value: Decimal
    source: str
    article: str = ""
    needs_verification: bool = False
    note: str = ""


@dataclass(frozen=True)
class Award:
    """Một danh hiệu or hình thức khen thưởng as one decree sets its hệ số."""

    name: str
    kind: AwardKind
    recipients: frozenset[Recipient]
    coefficient: Decimal
    source: str
    article: str = ""
    regime: str = ""
    is_ceiling: bool = False  # "không quá": the coefficient is a maximum, not a fixed rate
    needs_verification: bool = False
    aliases: tuple[str, ...] = ()
    note: str = ""
    # Khen thưởng riêng (an office's own award, priced by its own rules, not by a decree): a
    # fixed sum in đồng, or None when the amount is the coefficient × mức lương cơ sở.
    fixed_amount: int | None = None
    office: bool = False

    @property
    def citation(self) -> str:
        """Căn cứ of the coefficient: 'Nghị định 98/2023/NĐ-CP, Điều 54'."""
        return f"{self.source}, {self.article}" if self.article else self.source

    def applies_to(self, *, collective: bool) -> bool:
        """Whether a cá nhân (or, when `collective`, a tập thể) can receive it."""
        return (Recipient.COLLECTIVE if collective else Recipient.INDIVIDUAL) in self.recipients


@dataclass(frozen=True)
class Regime:
    """Chế độ khen thưởng: the decree (and law) that applies to decisions in [since, until]."""

    code: str
    decree: str
    law: str
    since: date
    until: date | None
    rounding: RoundingRule
    collective_factor: CollectiveFactor
    awards: tuple[Award, ...] = field(default=(), repr=False)

    def covers(self, day: date) -> bool:
        """Whether a decision issued on `day` falls under this regime."""
        return self.since <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class Reward:
    """Tiền thưởng of one award on one decision date, with every figure that produced it."""

    award: Award
    collective: bool
    decision_date: date
    regime: Regime
    base_salary: BaseSalary
    coefficient: Decimal  # effective: the award's hệ số, times the collective factor if used
    collective_factor: Decimal  # 1 when not applied (individuals, and titles)
    raw_amount: Decimal
    rounded_amount: int
    needs_verification: bool
    is_ceiling: bool

    @property
    def amount(self) -> int:
        """The money paid (the rounded amount)."""
        return self.rounded_amount


@dataclass(frozen=True)
class OfficeRules:
    """An office's own money data (its profile): khen thưởng riêng and extra mức lương cơ sở.

    Each award applies to one recipient (an award for cá nhân and tập thể is two rows, each with
    its own rate); `base_salaries` extend the built-in table. Hashable, so prices stay cached.
    """

    awards: tuple[Award, ...] = ()
    base_salaries: tuple[BaseSalary, ...] = ()
