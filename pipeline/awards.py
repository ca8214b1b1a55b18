"""Danh sách khen thưởng: the rows of an office's spreadsheet turned into priced, ordered entries.

Reads the list with pipeline.load.spreadsheet, matches each title or form against the regime in
force on the decision date (pipeline.rules.money), refuses duplicates, orders the entries as the
decision asks (as in the sheet, by unit, or by Vietnamese name order) and groups them by title
with totals and the total in words.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from pipeline.errors import InputError
from pipeline.load.spreadsheet import Row, Table, read_table
from pipeline.rules.award_names import display_name, office_award
from pipeline.rules.award_names import name_key as award_key
from pipeline.rules.collation import name_key, vietnamese_key
from pipeline.rules.money import (
    OfficeRules,
    Reward,
    applies,
    awarded_by,
    is_name,
    reward_amount,
)
from pipeline.rules.words import money_in_words
from pipeline.text.normalize import slug

Order = Literal["don_vi", "ten"] | None
COLLECTIVE_WORDS = ("tap the", "tập thể")


@dataclass(frozen=True)
class Entry:
    """One person or collective with the award they receive and its money."""

    name: str
    position: str
    unit: str
    award: str
    collective: bool
    reward: Reward | None  # None in a list without money (tien_thuong: khong)
    note: str
    row: int

    @property
    def amount(self) -> int:
        return self.reward.amount if self.reward is not None else 0


@dataclass(frozen=True)
class Group:
    """Entries of one title or form (a group row in the Danh sách)."""

    award: str
    entries: tuple[Entry, ...]

    @property
    def total(self) -> int:
        return sum(e.amount for e in self.entries)


@dataclass(frozen=True)
class AwardList:
    """The priced list: groups in order of first appearance, totals and the total in words.

    The figures are worked out once per list (cached_property): a decision asks for them many
    times, once per phrase and per group.
    """

    groups: tuple[Group, ...]
    entries: tuple[Entry, ...] = field(default=())

    @functools.cached_property
    def total(self) -> int:
        return sum(g.total for g in self.groups)

    @functools.cached_property
    def total_in_words(self) -> str:
        return money_in_words(self.total)

    @functools.cached_property
    def priced(self) -> bool:
        """Whether the list carries money (every entry priced)."""
        return all(e.reward is not None for e in self.entries)

    @functools.cached_property
    def _collectives(self) -> int:
        return sum(1 for e in self.entries if e.collective)

    def count(self, *, collective: bool) -> int:
        return self._collectives if collective else len(self.entries) - self._collectives


INDIVIDUAL_WORDS = ("ca nhan",)


def _is_collective(row: Row) -> bool:
    """Tập thể or cá nhân from the Loại column (empty: cá nhân); anything else is refused."""
    text = row.values.get("loai") or ""
    collective = _kind(text)
    if collective is None:
        raise row.error("sheet.bad_kind", "loai", cell=row.cell("loai"), value=text[:60])
    return collective


@functools.lru_cache(maxsize=256)  # a list says 'Cá nhân' or 'Tập thể', row after row
def _kind(text: str) -> bool | None:
    """True for tập thể, False for cá nhân (or nothing written), None for anything else."""
    kind = slug(text).replace("_", " ")
    if not text or kind.startswith(INDIVIDUAL_WORDS):
        return False
    if kind.startswith(COLLECTIVE_WORDS):
        return True
    return None


# How alike a row's name and a known one must be to be offered as "did you mean" (difflib ratio).
CLOSE = 0.6
UNKNOWN = {
    "money.unknown_award": "money.unknown_office_award",
    "money.unknown_award_plain": "money.unknown_office_award_plain",
}


def _unknown_in_list(
    exc: InputError,
    title: str,
    decision_date: date,
    collective: bool,
    aliases: Mapping[str, str],
    office: OfficeRules | None,
) -> InputError:
    """An unknown award of a row: 'did you mean' the closest name of the row's kind among the
    decree's, the office's names (ten_khen_thuong) and its own awards (khen_thuong_rieng); no
    suggestion for a text that is no name, nor a far one ("Học sinh Xuất sắc" is no misspelt
    "Chiến sĩ thi đua cấp bộ"). Says where an office's own award is priced."""
    if exc.key not in UNKNOWN:
        return exc
    names = [exc.params.get("suggestion", "")]
    names += [n for n, decree in aliases.items()
              if applies(decree, decision_date, collective=collective)]  # fmt: skip
    names += [a.name for a in (office.awards if office else ())
              if a.applies_to(collective=collective)]  # fmt: skip
    candidates = {award_key(n): n for n in names if n}
    best = difflib.get_close_matches(award_key(title), list(candidates), n=1, cutoff=CLOSE)
    params = {k: v for k, v in exc.params.items() if k != "suggestion"}
    if best and is_name(title):
        return InputError("money.unknown_office_award", suggestion=candidates[best[0]], **params)
    return InputError("money.unknown_office_award_plain", **params)


def _priced_award(
    path: Path,
    row: Row,
    decision_date: date,
    collective: bool,
    aliases: Mapping[str, str],
    priced: bool,
    office: OfficeRules | None = None,
) -> tuple[str, Reward | None]:
    """The award name to print for a row's title or form, and its money (None if unpriced)."""
    title = row.values["danh_hieu"]
    written, decree_name = office_award(title, aliases)
    reward = None
    try:
        if priced:
            reward = reward_amount(decree_name, decision_date, collective=collective, office=office)
    except InputError as exc:
        exc = _unknown_in_list(exc, title, decision_date, collective, aliases, office)
        # The column as the clerk sees it ("Hình thức"), not the internal field name.
        field = row.header.texts.get("danh_hieu", "danh_hieu")
        raise exc.at(file=path, sheet=row.sheet, row=row.number, field=field) from None
    return written or (reward.award.name if reward else display_name(decree_name)), reward


class Givers:
    """One giver per award named with its giver in a list: "Giấy khen của Chánh Văn phòng" on
    one row and "... của Giám đốc Sở Nội vụ" (or a misspelt "... của Chánh Văn phòn") on
    another cannot both be given by one decision; the later row is refused, naming the first."""

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, str, int]] = {}  # award → giver key, name, row

    def check(self, row: Row) -> None:
        """Checks the first row of each title (later rows of it name the same giver)."""
        title = row.values["danh_hieu"]
        given = awarded_by(title)
        if given is None:
            return
        award, giver = given
        key = award_key(giver)
        first = self._first.setdefault(award, (key, title, row.number))
        if first[0] != key:
            raise row.error("money.other_giver", "danh_hieu", name=title, award=award,
                            first=first[2], first_name=first[1])  # fmt: skip


def read_award_list(
    path: Path,
    decision_date: date,
    *,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    order: Order = None,
    aliases: Mapping[str, str] | None = None,
    priced: bool = True,
    office: OfficeRules | None = None,
) -> AwardList:
    """The award list in `path`, priced for a decision issued on `decision_date`.

    `aliases` maps the office's award names to the decree's (the office's name is printed);
    `office` holds the office's own awards (khen_thuong_rieng, priced by its own rules and
    looked up first) and its extra mức lương cơ sở rows; an unpriced list (a decision stating
    no money) reads the names as written, for any date.
    """
    table: Table = read_table(
        path,
        sheet=sheet,
        columns=columns,
        required=("ho_ten", "danh_hieu"),
        optional=("chuc_vu", "don_vi", "ghi_chu", "loai"),
    )
    entries: list[Entry] = []
    seen: dict[tuple[str, str, str], int] = {}
    givers = Givers()
    # A list names a few titles many times: each (title, tập thể or not) is priced once.
    awards: dict[tuple[str, bool], tuple[str, Reward | None]] = {}
    for row in table:
        values = row.values
        collective = _is_collective(row)
        title = (values["danh_hieu"], collective)
        found = awards.get(title)
        if found is None:
            found = awards[title] = _priced_award(
                path, row, decision_date, collective, aliases or {}, priced, office
            )
            givers.check(row)
        award, reward = found
        name = values["ho_ten"]
        unit = values.get("don_vi", "")
        # The same name in another unit may be another person: both must match. (Cells come
        # from the table cleaned: spaces are already single.)
        key = (name.casefold(), unit.casefold(), award)
        if key in seen:
            raise row.error(
                "sheet.duplicate_entry", "ho_ten", name=name, award=award, first=seen[key]
            )
        seen[key] = row.number
        entries.append(
            Entry(
                name=name,
                position=values.get("chuc_vu", ""),
                unit=unit,
                award=award,
                collective=collective,
                reward=reward,
                note=values.get("ghi_chu", ""),
                row=row.number,
            )
        )
    if order == "ten":
        entries.sort(key=lambda e: (e.collective, name_key(e.name)))
    elif order == "don_vi":
        entries.sort(key=lambda e: (e.collective, vietnamese_key(e.unit), name_key(e.name)))
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.award, []).append(entry)
    return AwardList(
        groups=tuple(Group(award, tuple(items)) for award, items in groups.items()),
        entries=tuple(entries),
    )
