"""Tiền thưởng thi đua, khen thưởng: mức lương cơ sở, hệ số by decree, rounding, from data.

Reward money = hệ số × mức lương cơ sở in force on the date of the decision, rounded as the
decree in force on that date says (up to the next 10.000 đồng). The figures live in
data/luong-co-so.csv and data/khen-thuong.yaml, each row with its decree; this module only
reads them (once) and applies them. Money is Decimal from the data to the rounded int: a float
would turn 0,3 × 1.490.000 into 446999.99... and one rounding step away from the decree.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from babel.numbers import format_decimal
from ruamel.yaml import YAML

from pipeline.errors import InputError

SALARY_FILE = "luong-co-so.csv"
REWARD_FILE = "khen-thuong.yaml"


class AwardKind(StrEnum):
    """Danh hiệu thi đua (a title) or hình thức khen thưởng (a form: bằng khen, giấy khen...)."""

    TITLE = "danh_hieu"
    FORM = "hinh_thuc"


class Recipient(StrEnum):
    """Cá nhân (an individual) or tập thể (a collective)."""

    INDIVIDUAL = "ca_nhan"
    COLLECTIVE = "tap_the"


# Words for a recipient inside messages, by language (the message catalogue holds sentences).
_RECIPIENT_WORDS = {
    Recipient.INDIVIDUAL: ("cá nhân", "an individual"),
    Recipient.COLLECTIVE: ("tập thể", "a collective"),
}

_ROUNDING_MODES = {"len": ROUND_CEILING, "gan_nhat": ROUND_HALF_UP, "xuong": ROUND_FLOOR}


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
        steps = (amount / self.step).to_integral_value(rounding=_ROUNDING_MODES[self.mode])
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


# --- reading the data -----------------------------------------------------------------------


def _data_text(name: str) -> str:
    return resources.files("pipeline.rules").joinpath("data", name).read_text("utf-8")


def _bad(problem: str, file: str, **where: Any) -> InputError:
    path = f"pipeline/rules/data/{file}"
    return InputError("money.bad_data", file=path, problem=problem, **where)


def _as_date(value: object, file: str, **where: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise _bad(f"ngày không hợp lệ / invalid date: {value!r}", file, **where) from None


def _as_decimal(value: object, file: str, **where: Any) -> Decimal:
    # Floats come from YAML numbers; str() gives their shortest text (0.3, not 0.299...).
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise _bad(f"số không hợp lệ / invalid number: {value!r}", file, **where)
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise _bad(f"số không hợp lệ / invalid number: {value!r}", file, **where) from None
    if not number.is_finite() or number <= 0:
        raise _bad(f"số phải dương / must be positive: {value!r}", file, **where)
    return number


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


@cache
def base_salaries() -> tuple[BaseSalary, ...]:
    """Mức lương cơ sở rows, oldest first (data/luong-co-so.csv)."""
    rows: list[BaseSalary] = []
    reader = csv.DictReader(_data_text(SALARY_FILE).splitlines())
    for line, row in enumerate(reader, start=2):
        since = _as_date(row["tu_ngay"], SALARY_FILE, line=line, field="tu_ngay")
        amount = _as_decimal(row["muc_luong"], SALARY_FILE, line=line, field="muc_luong")
        if amount != amount.to_integral_value():
            raise _bad(f"muc_luong: {row['muc_luong']!r}", SALARY_FILE, line=line)
        if rows and since <= rows[-1].since:
            raise _bad(f"tu_ngay {since} <= {rows[-1].since}", SALARY_FILE, line=line)
        rows.append(BaseSalary(int(amount), since, _text(row["nguon"]), _text(row.get("ghi_chu"))))
    if not rows:
        raise _bad("no rows", SALARY_FILE)
    return tuple(rows)


def _recipients(value: object, file: str, where: str) -> frozenset[Recipient]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise _bad(f"doi_tuong: {value!r}", file, field=where)
    try:
        return frozenset(Recipient(_text(item)) for item in items)
    except ValueError:
        raise _bad(f"doi_tuong: {value!r}", file, field=where) from None


def _awards(
    rows: object, kind: AwardKind, regime: str, aliases: Mapping[str, tuple[str, ...]], where: str
) -> list[Award]:
    if not isinstance(rows, list):
        raise _bad(f"{kind.value}: {rows!r}", REWARD_FILE, field=where)
    awards = []
    for i, row in enumerate(rows):
        here = f"{where}.{kind.value}[{i}]"
        if not isinstance(row, dict) or not _text(row.get("ten")):
            raise _bad(f"ten: {row!r}", REWARD_FILE, field=here)
        recipients = _recipients(row.get("doi_tuong"), REWARD_FILE, f"{here}.doi_tuong")
        if kind is AwardKind.TITLE and len(recipients) != 1:
            # A danh hiệu is for individuals or for collectives, each with its own row.
            raise _bad(f"doi_tuong: {row.get('doi_tuong')!r}", REWARD_FILE, field=here)
        if kind is AwardKind.FORM and Recipient.INDIVIDUAL not in recipients:
            # A form's hệ số is the individual rate; the collective one is derived from it.
            raise _bad(f"doi_tuong: {row.get('doi_tuong')!r}", REWARD_FILE, field=here)
        name = _text(row["ten"])
        awards.append(
            Award(
                name=name,
                kind=kind,
                recipients=recipients,
                coefficient=_as_decimal(row.get("he_so"), REWARD_FILE, field=f"{here}.he_so"),
                source=_text(row.get("nguon")),
                article=_text(row.get("dieu")),
                regime=regime,
                is_ceiling=bool(row.get("toi_da", False)),
                needs_verification=bool(row.get("can_xac_minh", False)),
                aliases=aliases.get(name, ()),
                note=_text(row.get("ghi_chu")),
            )
        )
    return awards


def _regime(raw: object, index: int, aliases: Mapping[str, tuple[str, ...]]) -> Regime:
    where = f"che_do[{index}]"
    if not isinstance(raw, dict):
        raise _bad(repr(raw), REWARD_FILE, field=where)
    rounding_raw = raw.get("lam_tron")
    factor_raw = raw.get("he_so_tap_the")
    if not isinstance(rounding_raw, dict) or not isinstance(factor_raw, dict):
        raise _bad("lam_tron / he_so_tap_the", REWARD_FILE, field=where)
    factor = _as_decimal(factor_raw.get("gia_tri"), REWARD_FILE, field=f"{where}.he_so_tap_the")
    mode = _text(rounding_raw.get("cach"))
    if mode not in _ROUNDING_MODES:
        raise _bad(f"cach: {mode!r}", REWARD_FILE, field=f"{where}.lam_tron")
    step = _as_decimal(rounding_raw.get("boi_so"), REWARD_FILE, field=f"{where}.lam_tron.boi_so")
    if step != step.to_integral_value():
        raise _bad(f"boi_so: {step}", REWARD_FILE, field=f"{where}.lam_tron.boi_so")
    code = _text(raw.get("ma")) or f"che_do_{index}"
    until = raw.get("den_ngay")
    awards = _awards(raw.get("danh_hieu") or [], AwardKind.TITLE, code, aliases, where)
    awards += _awards(raw.get("hinh_thuc") or [], AwardKind.FORM, code, aliases, where)
    return Regime(
        code=code,
        decree=_text(raw.get("nghi_dinh")),
        law=_text(raw.get("luat")),
        since=_as_date(raw.get("tu_ngay"), REWARD_FILE, field=f"{where}.tu_ngay"),
        until=None if until in (None, "") else _as_date(until, REWARD_FILE, field=where),
        rounding=RoundingRule(
            mode=mode,
            step=int(step),
            source=_text(rounding_raw.get("nguon")),
            article=_text(rounding_raw.get("dieu")),
            needs_verification=bool(rounding_raw.get("can_xac_minh", False)),
        ),
        collective_factor=CollectiveFactor(
            value=factor,
            source=_text(factor_raw.get("nguon")),
            article=_text(factor_raw.get("dieu")),
            needs_verification=bool(factor_raw.get("can_xac_minh", False)),
            note=_text(factor_raw.get("ghi_chu")),
        ),
        awards=tuple(awards),
    )


def _name_lists(raw: object, key: str) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _bad(f"{key}: {raw!r}", REWARD_FILE, field=key)
    return {_text(name): tuple(_text(i) for i in (items or [])) for name, items in raw.items()}


@dataclass(frozen=True)
class _Rules:
    regimes: tuple[Regime, ...]
    prefixes: Mapping[str, tuple[str, ...]]


@cache
def _rules() -> _Rules:
    raw = YAML(typ="safe").load(_data_text(REWARD_FILE))
    if not isinstance(raw, dict) or not isinstance(raw.get("che_do"), list) or not raw["che_do"]:
        raise _bad("che_do", REWARD_FILE)
    aliases = _name_lists(raw.get("ten_khac"), "ten_khac")
    prefixes = _name_lists(raw.get("tien_to"), "tien_to")
    regimes = tuple(_regime(item, i, aliases) for i, item in enumerate(raw["che_do"]))
    for i, (before, after) in enumerate(zip(regimes, regimes[1:], strict=False), start=1):
        # Regimes must tile the calendar: a gap or an overlap would leave a date ambiguous.
        if before.until is None or before.until + timedelta(days=1) != after.since:
            raise _bad(f"{before.until} → {after.since}", REWARD_FILE, field=f"che_do[{i}].tu_ngay")
    known = {award.name for regime in regimes for award in regime.awards}
    for name in (*aliases, *prefixes):
        if name not in known:
            raise _bad(f"{name!r}", REWARD_FILE, field="ten_khac/tien_to")
    for regime in regimes:
        keys: dict[str, str] = {}
        for award in regime.awards:
            for spelling in (award.name, *award.aliases):
                clash = keys.setdefault(_key(spelling), award.name)
                if clash != award.name:
                    raise _bad(f"{spelling!r} ({clash})", REWARD_FILE, field=regime.code)
    return _Rules(regimes, prefixes)


# --- matching award names -------------------------------------------------------------------

_QUOTES = "\"'“”‘’«»„‟‹›`´"
# Thanh điệu marks; their place inside a syllable differs between old and new spelling
# ("hoá" / "hóa", "thuỷ" / "thủy"), so keys carry them at the end of the word instead.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_LONE_Y = re.compile(r"(?<=\b[bcdđghklmnpqrstvx])y(?=[\u0300\u0301\u0303\u0309\u0323]*\b)")


def _tones_last(text: str) -> str:
    out: list[str] = []
    tones: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if char in _TONES:
            tones.append(char)
        elif char.isalnum() or unicodedata.combining(char):
            out.append(char)
        else:
            out += tones
            tones.clear()
            out.append(char)
    return "".join(out + tones)


def _key(name: str) -> str:
    """Comparison key of an award name: case, quotes, spaces, Unicode form and tone place folded."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = text.translate({ord(q): " " for q in _QUOTES})
    text = re.sub(r"\s*,\s*", ", ", " ".join(text.split())).strip(" ,.")
    # 'Danh hiệu "Lao động tiên tiến"' names the title itself.
    text = re.sub(r"^danh hiệu\s+", "", text)
    # After a one-letter onset a lone y/i vowel is spelled both ways (sỹ / sĩ, kỹ / kĩ).
    return _LONE_Y.sub("i", _tones_last(text))


def _display(name: str) -> str:
    """The name as the user wrote it, tidied for a message (NFC, single spaces, no quotes)."""
    return " ".join(unicodedata.normalize("NFC", name).split()).strip(_QUOTES + " ")


def _index(regime: Regime) -> dict[str, Award]:
    return {_key(spelling): a for a in regime.awards for spelling in (a.name, *a.aliases)}


@cache
def _indexes() -> dict[str, dict[str, Award]]:
    return {regime.code: _index(regime) for regime in _rules().regimes}


def _match(key: str, regime: Regime) -> Award | None:
    index = _indexes()[regime.code]
    if key in index:
        return index[key]
    for award in regime.awards:
        for prefix in _rules().prefixes.get(award.name, ()):
            if key.startswith(_key(prefix) + " "):
                return award
    return None


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


def find_award(name: str, d: date) -> Award:
    """The danh hiệu or hình thức called `name` under the decree in force on `d`."""
    regime = regime_on(d)
    key = _key(name)
    award = _match(key, regime)
    if award is not None:
        return award
    elsewhere = [r for r in regimes() if r is not regime and _match(key, r) is not None]
    if elsewhere:
        raise InputError(
            "money.award_not_in_regime",
            name=_display(name),
            date=d,
            decree=regime.decree,
            known_in=", ".join(r.decree for r in elsewhere),
        )
    raise InputError(
        "money.unknown_award",
        name=_display(name),
        suggestion=_suggestion(key, regime.awards),
        decree=regime.decree,
    )


def _suggestion(key: str, awards: Iterable[Award]) -> str:
    """The known spelling closest to `key`, for 'did you mean'."""
    spellings = {_key(s): s for a in awards for s in (a.name, *a.aliases)}
    best = difflib.get_close_matches(key, list(spellings), n=1, cutoff=0.0)
    return spellings[best[0]] if best else ""


def reward_amount(award_name: str, decision_date: date, *, collective: bool) -> Reward:
    """Tiền thưởng for `award_name` given by a decision dated `decision_date`."""
    award = find_award(award_name, decision_date)
    regime = regime_on(decision_date)
    if not award.applies_to(collective=collective):
        recipient = Recipient.COLLECTIVE if collective else Recipient.INDIVIDUAL
        words_vi, words_en = _RECIPIENT_WORDS[recipient]
        raise InputError(
            "money.award_not_for",
            name=_display(award_name),
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


def format_money(n: int) -> str:
    """A sum of money with Vietnamese grouping: 1490000 → '1.490.000'."""
    return format_decimal(n, locale="vi")
