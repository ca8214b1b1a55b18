"""A decision's căn cứ and its Điều 2 under one decree: vanthu prices the awards under the
chế độ khen thưởng in force on the decision's date (rules/data/khen-thuong.yaml) and names its
decree in Điều 2, while the căn cứ lines are the clerk's text, often copied from last period's
decision. A căn cứ that cites the decree of another chế độ and not the one in force makes a
decision that cites one decree and pays under another (the tester's 10/01/2025 decision citing
Nghị định 152/2025 while Điều 2 pays under 98/2023). The same holds for the Luật Thi đua, khen
thưởng: a 2024 decision citing the law of 2003 (replaced by Luật 06/2022/QH15 from 01/01/2024).

Both hold for every document about thi đua, khen thưởng (a Tờ trình and the draft it sends up, a
Kế hoạch): its căn cứ rest on the law and decree of its date. And any document's căn cứ may cite
a law that another of the same name has since replaced (rules/data/luat-thay-the.yaml: the Luật
Tổ chức chính quyền địa phương of 2015, replaced from 01/03/2025, and its successor from
01/07/2025): each law kept as the chế độ
keeps the Luật Thi đua, khen thưởng, a name with the periods of its laws."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property, lru_cache

import yaml

from pipeline.errors import InputError
from pipeline.patterns import lazy
from pipeline.rules.money import regime_on, regimes
from pipeline.rules.money_data import data_text

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
        for number in _decrees_in(line):
            cited = known.get(number)
            if cited == in_force:
                return None  # the decree in force is cited: another one beside it is history
            if found is None and cited is not None:
                found = OtherDecree(index, cited, in_force)
    return found


@lru_cache(maxsize=4096)  # a workspace's documents repeat their căn cứ lines
def _decrees_in(line: str) -> tuple[tuple[str, str], ...]:
    """The (number, year) of each decree a line cites, in order."""
    return tuple((match.group(1), match.group(2)) for match in _CITED.finditer(line))


# A year as a citation gives it: "năm 2003", "19/6/2015", "số 06/2022/QH15".
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
LAWS_FILE = "luat-thay-the.yaml"


@dataclass(frozen=True)
class LawPeriod:
    """One law of a name (the Luật Thi đua, khen thưởng of 2003, of 2022), in force from `since`
    to `until`: how a warning names it, and the years its citations give (those its name gives:
    "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013)")."""

    said: str
    since: date
    until: date | None

    @cached_property
    def years(self) -> frozenset[str]:
        """Read once: each căn cứ line of each document is compared with it."""
        return frozenset(_YEAR.findall(self.said))

    def covers(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class LawLine:
    """The laws of one name, each replacing the one before: a căn cứ names which by its years."""

    name: str
    periods: tuple[LawPeriod, ...]

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The name, any case, a comma or spaces between its words, and what follows it up to
        the citation's end: the next ';' or the next law named ("..., Luật sửa đổi ...").
        Compiled once per law (the laws are read once: award_law, replaced_laws)."""
        words = (re.escape(word.strip(",")) for word in self.name.split())
        name = r"(?:\s*,\s*|\s+)".join(words)
        return re.compile(rf"{name}(.*?)(?=;|\bluật\b|$)", re.IGNORECASE | re.DOTALL)


@cache
def award_law() -> LawLine:
    """The Luật Thi đua, khen thưởng of each chế độ khen thưởng (rules/data/khen-thuong.yaml):
    the law of 2003 as amended in 2005 and 2013, the law 06/2022/QH15."""
    periods = tuple(LawPeriod(regime.law, regime.since, regime.until) for regime in regimes())
    return LawLine("Luật Thi đua, khen thưởng", periods)


@cache
def replaced_laws() -> tuple[LawLine, ...]:
    """The laws replaced by a law of the same name (rules/data/luat-thay-the.yaml): the Luật
    Tổ chức chính quyền địa phương of 2015 by that of 19/02/2025 from 01/03/2025, and that one
    by the law of 16/6/2025 from 01/07/2025."""
    table = yaml.safe_load(data_text(LAWS_FILE))
    return tuple(
        LawLine(str(law["ten"]), tuple(
            LawPeriod(str(period["goi"]), _day(period["tu_ngay"]),
                      None if period.get("den_ngay") is None else _day(period["den_ngay"]))
            for period in law["lan_luot"]
        ))
        for law in table["luat"]
    )  # fmt: skip


def _day(value: object) -> date:
    """A date of the table (YAML reads 2025-07-01 as one already)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value).strip())


def other_period_cited(lines: Sequence[str], day: date, law: LawLine) -> OtherDecree | None:
    """The first line citing a law of `law`'s name other than the one in force on `day` (by
    the years the citation names: "ngày 26 tháng 11 năm 2003", "số 06/2022/QH15"), when no line
    cites the one in force; None when they agree, or when none of them was in force then."""
    in_force = next((period for period in law.periods if period.covers(day)), None)
    if in_force is None:
        return None
    found: OtherDecree | None = None
    for index, line in enumerate(lines):
        for years in _years_cited(law.pattern, line):
            if years & in_force.years:
                return None
            other = next((period.said for period in law.periods
                          if period.said != in_force.said and years & period.years), None)
            if found is None and other is not None:
                found = OtherDecree(index, other, in_force.said)
    return found


@lru_cache(maxsize=4096)  # a workspace's documents repeat their căn cứ lines
def _years_cited(pattern: re.Pattern[str], line: str) -> tuple[frozenset[str], ...]:
    """The years each citation of a law (LawLine.pattern) in `line` gives, in order."""
    cited = pattern.finditer(unicodedata.normalize("NFC", line))
    return tuple(frozenset(_YEAR.findall(match.group(1))) for match in cited)


def other_law_cited(lines: Sequence[str], day: date) -> OtherDecree | None:
    """The first căn cứ line citing the Luật Thi đua, khen thưởng of another chế độ than the
    one in force on `day`, when no line cites the law in force; None when they agree."""
    return other_period_cited(lines, day, award_law())


def replaced_law_cited(lines: Sequence[str], day: date) -> tuple[OtherDecree, ...]:
    """For each law of the table (replaced_laws), the first căn cứ line citing one of its
    name other than the one in force on `day` (other_period_cited)."""
    found = (other_period_cited(lines, day, law) for law in replaced_laws())
    return tuple(other for other in found if other is not None)


@dataclass(frozen=True)
class StaleBasis:
    """A căn cứ line citing what another law or decree replaced, or replaces later: `what` is
    "law" (the Luật Thi đua, khen thưởng), "decree" (a chế độ khen thưởng's decree) or
    "replaced" (a law of the table)."""

    what: str
    other: OtherDecree


def stale_basis(lines: Sequence[str], day: date, *, awards: bool) -> tuple[StaleBasis, ...]:
    """Every law or decree of another period than `day`'s that `lines` (a document's căn cứ
    lines) cite: a law of the table in any document; the Luật Thi đua, khen thưởng and the
    decree of a chế độ khen thưởng in one about thi đua, khen thưởng (`awards`), while the
    reward data covers `day` (before it, a decision is refused elsewhere)."""
    return _stale_basis(tuple(lines), day, awards)


@lru_cache(maxsize=1024)  # an office's decisions of one day repeat their căn cứ lines
def _stale_basis(lines: tuple[str, ...], day: date, awards: bool) -> tuple[StaleBasis, ...]:
    """stale_basis, kept by its arguments: the laws and decrees it compares them with are the
    package's own data (khen-thuong.yaml, luat-thay-the.yaml), read once a process."""
    found = [StaleBasis("replaced", other) for other in replaced_law_cited(lines, day)]
    if not awards:
        return tuple(found)
    try:
        law, decree = other_law_cited(lines, day), other_decree_cited(lines, day)
    except InputError:
        return tuple(found)
    pairs = (("law", law), ("decree", decree))
    return (*(StaleBasis(what, other) for what, other in pairs if other is not None), *found)


# A text that opens a thi đua, khen thưởng matter: "khen thưởng", "Bằng khen", "Giấy khen",
# "thi đua" (a phong trào, a Hội đồng Thi đua - Khen thưởng).
_awards = lazy(r"\b(?:khen|thi\s+đua)\b", re.IGNORECASE)


def names_awards(text: str) -> bool:
    """Whether a trích yếu says the document is about thi đua, khen thưởng."""
    return _awards().search(unicodedata.normalize("NFC", text)) is not None
