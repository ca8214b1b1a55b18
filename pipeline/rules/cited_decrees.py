"""A decision's căn cứ and its Điều 2 under one decree: vanthu prices the awards under the
chế độ khen thưởng in force on the decision's date (rules/data/khen-thuong.yaml) and names its
decree in Điều 2, while the căn cứ lines are the clerk's text, often copied from last period's
decision. A căn cứ that cites the decree of another chế độ and not the one in force makes a
decision that cites one decree and pays under another (the tester's 10/01/2025 decision citing
Nghị định 152/2025 while Điều 2 pays under 98/2023). The same holds for the Luật Thi đua, khen
thưởng: a 2024 decision citing the law of 2003 (replaced by Luật 06/2022/QH15 from 01/01/2024)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from pipeline.rules.money import regime_on, regimes

# "Nghị định số 98/2023/NĐ-CP", "Nghị định 91/2017/NĐ-CP" (NĐ with a Đ or a D, any case).
_CITED = re.compile(r"(\d+)\s*/\s*(\d{4})\s*/\s*N[ĐD]\s*-\s*CP", re.IGNORECASE)


@dataclass(frozen=True)
class OtherDecree:
    """A căn cứ line (`index` in the list) citing `cited`, while `in_force` applies."""

    index: int
    cited: str
    in_force: str


@cache
def _decrees() -> dict[tuple[str, str], str]:
    """Each chế độ's decree by its number and year ("98", "2023") → "Nghị định 98/2023/NĐ-CP"."""
    found = {}
    for regime in regimes():
        match = _CITED.search(regime.decree)
        if match is not None:
            found[(match.group(1), match.group(2))] = regime.decree
    return found


def other_decree_cited(lines: Sequence[str], day: date) -> OtherDecree | None:
    """The first căn cứ line citing the decree of a chế độ khen thưởng other than the one in
    force on `day`, when no line cites that one; None when they agree or none is cited."""
    in_force = regime_on(day).decree
    known = _decrees()
    found: OtherDecree | None = None
    for index, line in enumerate(lines):
        for match in _CITED.finditer(line):
            cited = known.get((match.group(1), match.group(2)))
            if cited == in_force:
                return None  # the decree in force is cited: another one beside it is history
            if found is None and cited is not None:
                found = OtherDecree(index, cited, in_force)
    return found


# "Luật Thi đua, khen thưởng" (the comma optional, any case); the citation runs to the next ';'.
_LAW = re.compile(r"luật\s+thi\s+đua\s*,?\s*khen\s+thưởng([^;]*)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@cache
def _law_years() -> dict[str, frozenset[str]]:
    """Each chế độ's law by the years its name gives: the law of 2003 as amended in 2005 and
    2013, the law 06/2022/QH15."""
    return {regime.law: frozenset(_YEAR.findall(regime.law)) for regime in regimes()}


def other_law_cited(lines: Sequence[str], day: date) -> OtherDecree | None:
    """The first căn cứ line citing the Luật Thi đua, khen thưởng of another chế độ than the
    one in force on `day` (by the years the citation names: "ngày 26 tháng 11 năm 2003",
    "số 06/2022/QH15"), when no line cites the law in force; None when they agree."""
    in_force = regime_on(day).law
    laws = _law_years()
    found: OtherDecree | None = None
    for index, line in enumerate(lines):
        for match in _LAW.finditer(unicodedata.normalize("NFC", line)):
            years = set(_YEAR.findall(match.group(1)))
            if years & laws[in_force]:
                return None
            other = next((law for law, named in laws.items() if years & named), None)
            if found is None and other is not None:
                found = OtherDecree(index, other, in_force)
    return found
