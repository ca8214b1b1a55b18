"""Reading and checking the tiền thưởng data files: data/luong-co-so.csv and data/khen-thuong.yaml.

Each row of the data is checked as it is read, so a mistake in a file is reported once, with its
file, line or field, as an InputError ("money.bad_data"), never as a wrong amount later.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any

import yaml

from pipeline.errors import InputError
from pipeline.rules.award_names import name_key
from pipeline.rules.money_types import (
    ROUNDING_MODES,
    Award,
    AwardKind,
    BaseSalary,
    CollectiveFactor,
    Recipient,
    Regime,
    RoundingRule,
)

SALARY_FILE = "luong-co-so.csv"
REWARD_FILE = "khen-thuong.yaml"


def data_text(name: str) -> str:
    """The text of data file `name` shipped in pipeline/rules/data."""
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


def parse_base_salaries(text: str) -> tuple[BaseSalary, ...]:
    """Mức lương cơ sở rows from the text of data/luong-co-so.csv, checked, oldest first."""
    rows: list[BaseSalary] = []
    reader = csv.DictReader(text.splitlines())
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
    if mode not in ROUNDING_MODES:
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
class Rules:
    """Chế độ khen thưởng, oldest first, and each award's tiền tố (name prefixes) from the data."""

    regimes: tuple[Regime, ...]
    prefixes: Mapping[str, tuple[str, ...]]


def parse_rules(text: str) -> Rules:
    """Chế độ khen thưởng from the text of data/khen-thuong.yaml, checked."""
    try:
        # libyaml (PyYAML's C loader): the file is the package's own, written without YAML 1.1
        # surprises (yes/no, sexagesimals), and ruamel's pure-Python safe loader took longer
        # than a small build's first document.
        raw = yaml.load(text, Loader=yaml.CSafeLoader)
    except ValueError as exc:  # a date that does not exist (2017-13-01) fails inside the parser
        raise _bad(str(exc), REWARD_FILE) from None
    except yaml.YAMLError as exc:
        raise _bad(str(exc).splitlines()[0], REWARD_FILE) from None
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
                clash = keys.setdefault(name_key(spelling), award.name)
                if clash != award.name:
                    raise _bad(f"{spelling!r} ({clash})", REWARD_FILE, field=regime.code)
    return Rules(regimes, prefixes)
