"""Danh sách khen thưởng: the rows of an office's spreadsheet turned into priced, ordered entries.

Reads the list with pipeline.load.spreadsheet, matches each title or form against the regime in
force on the decision date (pipeline.rules.money), refuses duplicates, orders the entries as the
decision asks (as in the sheet, by unit, or by Vietnamese name order) and groups them by title
with totals and the total in words.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any, Generic, Literal, Self, TypeVar, overload

from pipeline.errors import InputError
from pipeline.load.spreadsheet import Row, Table, read_table
from pipeline.load.spreadsheet import typed_amount as read_amount
from pipeline.load.spreadsheet.table import UnreadColumn, read_from
from pipeline.patterns import lazy
from pipeline.phrase import Phrase
from pipeline.rules.award_names import display_name, office_award, other_name
from pipeline.rules.award_names import name_key as award_key
from pipeline.rules.collation import (
    NameKey,
    SortKey,
    name_key,
    vietnamese_key,
)
from pipeline.rules.font_coverage import cell_warnings
from pipeline.rules.money import (
    MAX_AMOUNT,
    Award,
    OfficeRules,
    Reward,
    applies,
    awarded_by,
    format_money,
    is_name,
    named_award,
    recipient_words,
    reward_amount,
    reward_at,
)
from pipeline.rules.money_types import AwardKind
from pipeline.rules.words import money_in_words
from pipeline.text.listing import first_named
from pipeline.text.normalize import slug
from pipeline.text.person_names import (
    person_name,
    reads_as_collective,
    trimmed,
)
from pipeline.text.syllables import is_syllable
from pipeline.text.tones import same_spelling

Order = Literal["don_vi", "ten"] | None
COLLECTIVE_WORDS = ("tap the", "tập thể")


_Owner = TypeVar("_Owner")
_Value = TypeVar("_Value")


class _computed_once(Generic[_Owner, _Value]):  # noqa: N801 (used as a decorator)
    """functools.cached_property without its lock, as Python 3.12's has none: 3.11's takes one
    lock for the property of every instance, each first time, and a list asks for each of
    its entries' recipient once, a decision for each of its list's figures. For a value worked
    out from the instance's fields alone: two threads asking at once both work out the same
    value."""

    def __init__(self, compute: Callable[[_Owner], _Value]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type[_Owner], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type[_Owner] | None = None) -> Self: ...

    @overload
    def __get__(self, instance: _Owner, owner: type[_Owner] | None = None) -> _Value: ...

    def __get__(self, instance: _Owner | None, owner: type[_Owner] | None = None) -> Any:
        if instance is None:
            return self
        # A non-data descriptor: once kept in the instance's __dict__, asked no more.
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


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
    # The award the row names, looked up without a price in a list without money (the
    # priced one is its reward's): None for a name no decree nor the office knows.
    named: Award | None = None

    def __init__(
        self, name: str, position: str, unit: str, award: str, collective: bool,
        reward: Reward | None, note: str, row: int, named: Award | None = None,
    ) -> None:  # fmt: skip
        # Written out: dataclass makes a frozen class's __init__ set each field through
        # object.__setattr__, twice as slow, and every row of every list is made here.
        # tests/test_load_speedups_s42.py holds these to the fields above.
        self.__dict__.update(
            name=name, position=position, unit=unit, award=award, collective=collective,
            reward=reward, note=note, row=row, named=named,
        )  # fmt: skip

    @property
    def amount(self) -> int:
        return self.reward.amount if self.reward is not None else 0

    @property
    def known_award(self) -> Award | None:
        """The decree's (or the office's own) award the row is given, priced or not: a report
        counts "Giấy khen của Giám đốc Sở" under Giấy khen whether its decision pays money."""
        return self.reward.award if self.reward is not None else self.named

    @property
    def award_key(self) -> str:
        """The award as one: the decree's (or the office's) award when the row names it by its
        own name or one of its other names (tên khác: "Chiến sĩ tiên tiến" is Lao động tiên
        tiến), so that a duplicate check or a report's count takes the two as the same award;
        a name the office gives it (ten_khen_thuong: a Giấy khen of its own giver) stays its
        own, as does a name no decree nor office knows."""
        known = self.known_award
        if known is None:
            return self.award
        award = self.award
        # Entry.award is the award's name, or the spelling of one of its other names as the
        # data spells it (_priced_award), or the office's: compared as is.
        return known.name if award == known.name or award in known.aliases else award

    @_computed_once  # asked for by the duplicate check, the counts and the report
    def recipient(self) -> tuple[bool, str, str]:
        """Who receives the award, as the list's duplicate check takes it: the same name in the
        same unit (cells come cleaned: NFC, single spaces) is one person, in another unit maybe
        another; a tập thể is its name and the unit it belongs to. Two namesakes of one unit
        that a list tells apart by their chức vụ are two (read_award_list's told_apart)."""
        return recipient_of(self.collective, self.name, self.unit)


def recipient_of(collective: bool, name: str, unit: str) -> tuple[bool, str, str]:
    """Entry.recipient of an entry of this kind, name and unit."""
    return collective, same_spelling(name), same_spelling(unit)


@dataclass(frozen=True)
class Group:
    """Entries of one title or form (a group row in the Danh sách)."""

    award: str
    entries: tuple[Entry, ...]

    @_computed_once  # asked for by the list's total and each figure a phrase types
    def total(self) -> int:
        return sum(e.amount for e in self.entries)


@dataclass(frozen=True)
class AwardList:
    """The priced list: groups in order of first appearance, totals and the total in words.

    The figures are worked out once per list (_computed_once; phrase_values, a memo filled
    by its callers, a cached_property): a decision asks for them many times, once per phrase
    and per group.
    """

    groups: tuple[Group, ...]
    entries: tuple[Entry, ...] = field(default=())
    # What reading the list found valid but worth a word, each at its file, sheet and row
    # (the same name in two units: two people, or one listed twice).
    warnings: tuple[InputError, ...] = field(default=())
    # Those of them that say what the file holds, whichever document reads it so (its columns
    # printed nowhere, a name in two units, cells typed in capitals): said once for the file and
    # sheet, by the first document naming it (load.lists.ListUsers), not once per decision.
    of_the_file: tuple[InputError, ...] = field(default=())
    # The one of them saying the amounts typed on a list read without money (unpaid_money): said
    # once for the file and sheet too, by the first document reading it without money.
    unpaid: InputError | None = None

    @_computed_once
    def total(self) -> int:
        return sum(g.total for g in self.groups)

    @_computed_once
    def total_in_words(self) -> str:
        return money_in_words(self.total)

    @_computed_once
    def priced(self) -> bool:
        """Whether the list carries money (every entry priced)."""
        return all(e.reward is not None for e in self.entries)

    @functools.cached_property
    def phrase_values(self) -> dict[tuple[str | None, ...], dict[str, str]]:
        """The named fields of a decision's phrases for this list (context.quyet_dinh's
        award_values), by the decision's fields they read: worked out once, though the load's
        checks and the render both ask."""
        return {}

    @_computed_once
    def _collectives(self) -> int:
        return sum(1 for e in self.entries if e.collective)

    def count(self, *, collective: bool) -> int:
        """Lượt: the awards given to tập thể (or cá nhân), one per entry."""
        return self._collectives if collective else len(self.entries) - self._collectives

    @_computed_once
    def _recipients(self) -> tuple[int, int]:
        # One person given two titles is one cá nhân: the same name in the same unit (as the
        # list's duplicate check takes it).
        people = {e.recipient for e in self.entries if not e.collective}
        groups = {e.recipient for e in self.entries if e.collective}
        return len(people), len(groups)

    def recipients(self, *, collective: bool) -> int:
        """Distinct tập thể (or cá nhân) awarded, whatever the number of awards each gets: what
        a decision's "cho 02 cá nhân" counts."""
        return self._recipients[1] if collective else self._recipients[0]


INDIVIDUAL_WORDS = ("ca nhan",)


def _stated_kind(row: Row) -> bool | None:
    """Tập thể (True) or cá nhân (False) as the Loại column says; None when it says nothing
    (no column, or an empty cell); anything else is refused."""
    text = row.values.get("loai") or ""
    if not text:
        return None
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


def typed_amount(row: Row) -> int | None:
    """The amount written in the row's Số tiền cell (None if empty), as the list's totals read
    it (parsed once, kept on the row); an unreadable one is refused at its cell, as is one past
    MAX_AMOUNT (a slip no reward comes near, which could not even be printed past 10**25)."""
    amount = read_amount(row)
    if amount is None and row.values.get("so_tien"):
        raise row.error("sheet.bad_amount", "so_tien", cell=row.cell("so_tien"),
                        value=row.values["so_tien"][:60])  # fmt: skip
    if amount is not None and amount > MAX_AMOUNT:
        raise row.error("sheet.amount_too_large", "so_tien", cell=row.cell("so_tien"),
                        value=row.values["so_tien"][:60],
                        limit=format_money(MAX_AMOUNT))  # fmt: skip
    return amount


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
) -> tuple[str, Reward | None, Award | None]:
    """The award name to print for a row's title or form, its money (None if unpriced) and
    the award it names. Priced or not, the name is found by the same rule: the office's name
    (ten_khen_thuong) is printed, else the award's other name (tên khác) the list names it by
    ("Đơn vị quyết thắng", "Bằng khen của Chủ tịch UBND tỉnh": other_name), else the award's
    own ("Giấy khen của Giám đốc Sở" is the decree's Giấy khen, "Chiến sỹ ..." its "Chiến sĩ
    ..."), else, unpriced, the name as typed."""
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
    if reward is not None:
        award = reward.award
        return written or other_name(title, award) or award.name, reward, award
    named = named_award(decree_name, decision_date, collective=collective, office=office)
    if named is None:
        return written or display_name(decree_name), None, None
    return written or other_name(title, named) or named.name, None, named


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


class Namesakes:
    """A cá nhân's name given the same award in two units ("Tòng Thị Kim Phượng" of a Mầm non
    and of a Tiểu học): two people sharing a name, or one person listed by two schools, which
    only the clerk can tell; a warning at the later row, naming the first. Names are compared
    as the duplicate check compares them (Entry.recipient: case and tone placement aside), and
    the same name in the same unit is that check's to refuse. A tập thể's name in two units
    ("Tổ Mẫu giáo lớn" of two schools) is two collectives, and no warning."""

    def __init__(self) -> None:
        # (name, award) → the first row's unit (as compared, as typed) and row number
        self._first: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.warnings: list[InputError] = []

    def check(self, row: Row, entry: Entry) -> None:
        if entry.collective:
            return
        _, name, unit = entry.recipient
        first = self._first.setdefault((name, entry.award_key), (unit, entry.unit, row.number))
        if first[0] == unit:
            return
        self.warnings.append(row.error(
            "sheet.same_name_two_units", "ho_ten", name=entry.name[:60], award=entry.award,
            first=first[2], first_unit=first[1][:60], unit=entry.unit[:60], second=row.number,
        ))  # fmt: skip


@functools.lru_cache(maxsize=4096)  # units repeat down a list
def in_capitals(text: str) -> bool:
    """Whether a collective's name, a chức vụ or a unit is typed wholly in capitals ("VĂN PHÒNG
    SỞ", "UBND XÃ CHIỀNG SINH"): some word of it, of two letters or more, is a Vietnamese
    syllable; an abbreviation alone ("UBND", "THCS", "BCH ĐTN") is rightly in capitals."""
    if not text.isupper():
        return False
    words = ("".join(c for c in word if c.isalpha()) for word in text.split())
    return any(len(word) > 1 and is_syllable(word.lower()) for word in words)


# A warning names this many cells of the list at most, "…" marking the others.
LISTED_CELLS = 10


class Capitals:
    """A collective's name, a chức vụ or a unit typed in capitals ("PHÒNG TỔ CHỨC CÁN BỘ",
    "VĂN PHÒNG SỞ") prints so in a sentence of Điều 1 and on the Giấy khen, and vanthu cannot
    write it in lower case as it does a person's name (person_name): only the clerk knows which
    of its words keep a capital ("Phòng Tổ chức cán bộ"). One warning for the list, naming the
    rows and cells: a list typed in capitals has it on every row. A unit a group heading gives
    its rows ("I | PHÒNG TỔNG HỢP") is named at the heading's row and cell (read_from), once."""

    def __init__(self) -> None:
        self._cells: list[tuple[Row, str, str]] = []  # row, field name, text

    def check(self, row: Row, entry: Entry) -> None:
        # Each cell asked in turn (no tuple of the three made for each row of every list).
        if entry.collective and entry.name and in_capitals(entry.name):
            self._cells.append((row, "ho_ten", entry.name))
        if entry.position and in_capitals(entry.position):
            self._cells.append((row, "chuc_vu", entry.position))
        if entry.unit and in_capitals(entry.unit):
            self._cells.append((row, "don_vi", entry.unit))

    @property
    def warnings(self) -> list[InputError]:
        if not self._cells:
            return []
        first, _, example = self._cells[0]
        read = [read_from(row, name) for row, name, _ in self._cells]
        rows = [str(number) for number in sorted({number for number, _ in read})]
        cells = list(dict.fromkeys(cell or str(number) for number, cell in read))
        return [InputError(
            "sheet.capitals_kept", file=first.file, sheet=first.sheet, rows=_listed(rows),
            cells=_listed(cells), example=example[:60],
        )]  # fmt: skip


def _listed(items: list[str]) -> str:
    """'3, 4, 7', the first LISTED_CELLS of them and '…' for more."""
    return first_named(items, LISTED_CELLS)


def _for_collectives_only(
    title: str, decision_date: date, aliases: Mapping[str, str], office: OfficeRules | None
) -> bool:
    """Whether the title or form is given to tập thể only (Tập thể lao động tiên tiến): a row
    of it needs no Loại to be a tập thể's."""
    decree_name = office_award(title, aliases)[1]
    return applies(decree_name, decision_date, collective=True, office=office) and not applies(
        decree_name, decision_date, collective=False, office=office
    )


def _kind_missing(row: Row) -> InputError:
    """A row that reads as a collective's, with no Loại to say so: cá nhân or tập thể is the
    clerk's to say, as the count and the money depend on it."""
    name = row.values["ho_ten"][:60]
    if row.header.columns.get("loai"):
        return row.error("sheet.kind_missing", "loai", cell=row.cell("loai"), name=name)
    return row.error("sheet.kind_column_missing", "ho_ten", name=name)


def _unit_missing(row: Row, name: str) -> InputError:
    """A row with no Đơn vị in a list whose other rows name theirs: the decision and the
    Giấy khen would print the name alone ("Tổ Mẫu giáo lớn" of which school?)."""
    return row.error("sheet.unit_missing", "don_vi", cell=row.cell("don_vi"), name=name[:60],
                     column_name=row.header.texts["don_vi"])  # fmt: skip


def _coefficient_multiple(reward: Reward) -> Phrase | str:
    """A tập thể's hệ số said as the award's own times its factor ("0,3 × 2"), else ""."""
    if reward.collective_factor == 1:
        return ""
    return Phrase("sheet.coefficient_multiple", own=coefficient_text(reward.award.coefficient),
                  factor=coefficient_text(reward.collective_factor))  # fmt: skip


def _check_typed_amount(row: Row, award: str, reward: Reward, collective: bool) -> None:
    """A Số tiền typed on the row must be the amount computed for it: the decision and the
    accountant's sheet would otherwise disagree."""
    typed = typed_amount(row)
    if typed is None or typed == reward.amount:
        return
    raise row.error(
        "sheet.amount_differs", "so_tien", cell=row.cell("so_tien"), typed=format_money(typed),
        amount=format_money(reward.amount), award=award, **recipient_words(collective),
        source=reward.award.source, base=format_money(reward.base_salary.amount),
    )  # fmt: skip


# A hệ số as clerks type it: 0,3 or 0.3 (Excel's number), 1, 1,5; nothing else reads as one.
_coefficient = lazy(r"^(\d+)(?:[.,](\d+))?$")


def typed_coefficient(text: str) -> Decimal | None:
    """The hệ số typed in a Hệ số cell ("0,3" → 0.3); None when the text does not read as one.
    A comma or a point is the decimal mark either way: a hệ số has no thousands."""
    found = _coefficient().fullmatch(unicodedata.normalize("NFC", text).strip())
    if found is None:
        return None
    return Decimal(f"{found[1]}.{found[2] or 0}")


def coefficient_text(value: Decimal) -> str:
    """A hệ số as a Vietnamese reader writes it: 0,3, 1,5, 2."""
    return f"{value.normalize():f}".replace(".", ",")


def _check_typed_coefficient(row: Row, award: str, reward: Reward, collective: bool) -> None:
    """A Hệ số typed on the row must be the one vanthu prices the row's award by (the decree's,
    times the tập thể multiple for a form given to a tập thể; the office's own award's): the
    clerk's 0,5 for a title of 0,3 would otherwise be dropped without a word, the decision
    paying 0,3. An empty cell says nothing; an award paid a fixed sum has no hệ số."""
    text = row.values.get("he_so") or ""
    if not text:
        return
    typed = typed_coefficient(text)
    cell = row.cell("he_so")
    if typed is None:
        raise row.error("sheet.bad_coefficient", "he_so", cell=cell, value=text[:60])
    who = recipient_words(collective)
    if reward.award.fixed_amount is not None:
        raise row.error(
            "sheet.coefficient_fixed_sum", "he_so", cell=cell, typed=text[:60], award=award,
            amount=format_money(reward.amount), source=reward.award.citation, **who,
        )  # fmt: skip
    if typed == reward.coefficient:
        return
    multiple = _coefficient_multiple(reward)
    raise row.error(
        "sheet.coefficient_differs", "he_so", cell=cell, typed=text[:60], award=award,
        coefficient=coefficient_text(reward.coefficient), multiple=multiple,
        source=reward.award.citation, amount=format_money(reward.amount),
        base=format_money(reward.base_salary.amount), **who,
    )  # fmt: skip


def _stated_rate(
    row: Row,
    award: str,
    reward: Reward,
    collective: bool,
    coefficients: bool,
    amounts: bool,
    rates: dict[tuple[str, bool, Decimal | None, int | None], Reward],
) -> Reward:
    """The reward of a row of a ceiling award (toi_da: the Kỷ niệm chương's "không quá 0,6"),
    `reward` being its maximum: at the Hệ số the row states, else at its Số tiền, else (no
    rate stated) the maximum, as before. A rate above the maximum (or not above 0) is refused
    at its cell, naming the maximum and its decree; a Số tiền beside a Hệ số is then checked
    against the amount of that hệ số (_check_typed_amount), as for any award."""
    text = (row.values.get("he_so") or "") if coefficients else ""
    coefficient = typed_coefficient(text) if text else None
    if text and coefficient is None:
        return reward  # not a hệ số: _check_typed_coefficient refuses it at its cell
    amount = typed_amount(row) if amounts and coefficient is None else None
    if coefficient is None and amount is None:
        return reward
    key = (award, collective, coefficient, amount)
    found = rates.get(key)
    if found is None:
        found = reward_at(reward, coefficient=coefficient, amount=amount)
        if found is None:
            raise _above_ceiling(row, award, reward, collective, text, amount)
        rates[key] = found
    return found


def _above_ceiling(
    row: Row, award: str, reward: Reward, collective: bool, text: str, amount: int | None
) -> InputError:
    """A row's Hệ số (`text`) or Số tiền (`amount`) above its ceiling award's maximum."""
    figures = {"award": award, "coefficient": coefficient_text(reward.coefficient),
               "source": reward.award.citation, "amount": format_money(reward.amount),
               "base": format_money(reward.base_salary.amount),
               **recipient_words(collective)}  # fmt: skip
    if amount is None:
        return row.error("sheet.coefficient_above_ceiling", "he_so", cell=row.cell("he_so"),
                         typed=text[:60], multiple=_coefficient_multiple(reward),
                         **figures)  # fmt: skip
    return row.error("sheet.amount_above_ceiling", "so_tien", cell=row.cell("so_tien"),
                     typed=format_money(amount), **figures)  # fmt: skip


def _recipient_key(entry: Entry) -> SortKey | NameKey:
    """Where an entry's name sorts: a cá nhân by given name first (Vietnamese name order), a
    tập thể by its whole name ("Phòng Tư pháp" is no person called "pháp"), numbers in it as
    numbers ("Tổ 4" before "Tổ 12"). Entries are sorted with tập thể apart from cá nhân, so the
    two kinds of key are never compared."""
    return vietnamese_key(entry.name) if entry.collective else name_key(entry.name)


def _unit_ranks(entries: list[Entry]) -> dict[str, int]:
    """Each entry's unit's place in Vietnamese alphabet order (vietnamese_key), units of equal
    keys sharing one: entries sorted by these numbers come in the order the keys give (and
    stably alike), without two rows' unit keys compared as the sort goes, tuple in tuple,
    each level scanned again for where they differ (a list names ten units for thirty rows:
    52 k of its 990 k instructions, warm)."""
    ranks: dict[str, int] = {}
    previous: SortKey | None = None
    rank = -1
    for current, unit in sorted([(vietnamese_key(u), u) for u in {e.unit for e in entries}],
                                key=itemgetter(0)):  # fmt: skip
        if current != previous:
            rank += 1
            previous = current
        ranks[unit] = rank
    return ranks


def _unit_spellings(entries: list[Entry]) -> dict[str, dict[str, list[int]]]:
    """The units of the list as the report keys them (figures.unit_key, the unit of
    Entry.recipient: case, spacing and tone placement aside), each with its spellings as typed,
    in the order first typed, and their rows."""
    units: dict[str, dict[str, list[int]]] = {}
    for entry in entries:
        if entry.unit:
            spelt = units.setdefault(entry.recipient[2], {})
            spelt.setdefault(entry.unit, []).append(entry.row)
    return units


def _first_spellings(units: dict[str, dict[str, list[int]]]) -> dict[str, str]:
    """Each unit as typed → the spelling of its unit typed first (_unit_spellings): "Phòng
    tổng hợp" sorts as the "Phòng Tổng hợp" above it, one unit, as the report counts it."""
    return {typed: next(iter(spelt)) for spelt in units.values() for typed in spelt}


def _units_typed_two_ways(units: dict[str, dict[str, list[int]]], table: Table) -> list[InputError]:
    """A warning for each other spelling of a unit (_unit_spellings) than the one typed first,
    naming both with their rows: sorted and counted as one unit, the rows print each as typed,
    two spellings of one unit in one decision."""
    warnings = []
    for spelt in units.values():
        (unit, first), *others = spelt.items()
        for other, rows in others:
            warnings.append(InputError(
                "sheet.unit_two_spellings", file=table.file, sheet=table.sheet, row=rows[0],
                field=table.header.texts.get("don_vi"), unit=unit[:60], other=other[:60],
                first_rows=_listed([str(n) for n in first]), rows=_listed([str(n) for n in rows]),
            ))  # fmt: skip
    return warnings


# The fields an award list reads that neither the decision nor its Danh sách prints, and that
# a clerk could expect printed: none. The Ghi chú is read (a hidden one with values is refused)
# but is the office's own record ("Nghỉ thai sản từ 15/8", "Hợp đồng lao động"): Nghị định 30's
# Danh sách kèm theo has no such column, and lists keep one as a matter of course, so warning of
# it would be said of nearly every list. Columns no field reads are warned of (Ngày sinh,
# Thành tích: table.Table.unprinted_warning).
UNPRINTED_FIELDS: tuple[str, ...] = ()


# The columns a list without money (tien_thuong: khong) reads and neither prints nor checks:
# the money a priced list checks against each row's reward.
MONEY_FIELDS = ("so_tien", "he_so")


def unpaid_money(table: Table) -> InputError | None:
    """One warning for a list whose decision states no money (tien_thuong: khong) that has
    amounts (Số tiền) or hệ số typed on its rows, at its file and sheet, naming each such
    column by letter and header with how many rows: the decision prints no money, so they are
    printed nowhere and checked against nothing, and the clerk who typed them most likely
    expects them paid. Warned, not refused: the decision's khong is the clerk's own word, and
    the list may be the accountant's, kept for the payment made otherwise. A 0 is no money, and
    says nothing. None when no such column holds an amount."""
    columns = []
    for name in MONEY_FIELDS:
        column = table.header.columns.get(name)
        if column is None:
            continue
        rows = sum(1 for row in table if _money_typed(row, name))
        if rows:
            columns.append(UnreadColumn(column, table.header.texts[name], rows))
    return table.columns_warning("sheet.money_not_printed", columns)


def _money_typed(row: Row, name: str) -> bool:
    """Whether the row's Số tiền (or Hệ số) cell holds money: anything but empty or a 0 (text
    that reads as no amount is money the clerk meant all the same)."""
    text = row.values[name]
    if not text:
        return False
    typed = read_amount(row) if name == "so_tien" else typed_coefficient(text)
    return typed != 0


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
        optional=("chuc_vu", "don_vi", "ghi_chu", "loai", "so_tien", "he_so"),
    )
    entries: list[Entry] = []
    seen: dict[tuple[tuple[bool, str, str], str], list[tuple[int, str, str]]] = {}
    namesakes = Namesakes()
    capitals = Capitals()
    givers = Givers()
    # A list names a few titles many times: each (title, tập thể or not) is priced once, and
    # whether a title is given to tập thể only is worked out once.
    awards: dict[tuple[str, bool], tuple[str, Reward | None, Award | None]] = {}
    only_collective: dict[str, bool] = {}
    # The rates rows state for a ceiling award, each priced once: (award, tập thể, hệ số,
    # số tiền) → its reward.
    rates: dict[tuple[str, bool, Decimal | None, int | None], Reward] = {}
    amounts = table.has("so_tien") and priced
    coefficients = table.has("he_so") and priced
    # The groups, by award, in the order the sheet first names each (AwardList.groups): made
    # as each title is first priced, so that a sort of the rows (sap_xep) orders the rows
    # inside each group, never the groups themselves.
    groups: dict[str, list[Entry]] = {}
    # A list whose Đơn vị column other rows fill: an empty one is a unit forgotten (a "Tổ Mẫu
    # giáo lớn" of one of five schools), not a row without one.
    units = table.has("don_vi") and any(row.values["don_vi"] for row in table)
    for row in table:
        values = row.values
        # _stated_kind written out for a Loại it knows (most rows say 'Cá nhân' or 'Tập thể').
        stated = values.get("loai")
        collective = _kind(stated) if stated else None
        if collective is None and stated:
            collective = _stated_kind(row)  # refused
        if collective is None:
            collective = only_collective.get(values["danh_hieu"])
            if collective is None:
                collective = only_collective[values["danh_hieu"]] = _for_collectives_only(
                    values["danh_hieu"], decision_date, aliases or {}, office
                )
            if (
                not collective
                and not values.get("chuc_vu")
                and reads_as_collective(values["ho_ten"])
            ):
                raise _kind_missing(row)
        title = (values["danh_hieu"], collective)
        found = awards.get(title)
        if found is None:
            found = awards[title] = _priced_award(
                path, row, decision_date, collective, aliases or {}, priced, office
            )
            groups.setdefault(found[0], [])
            givers.check(row)
        award, reward, named = found
        if reward is not None and reward.is_ceiling and (coefficients or amounts):
            # Paid "không quá" its hệ số (Kỷ niệm chương): the row's own rate, if it states one.
            reward = _stated_rate(row, award, reward, collective, coefficients, amounts, rates)
        name = trimmed(values["ho_ten"]) if collective else person_name(values["ho_ten"])
        unit = trimmed(values.get("don_vi", ""))
        if units and not unit:
            raise _unit_missing(row, name)
        # Positional (each row of every list is made here: keywords cost a third more), and
        # its recipient, which the duplicate check asks at once, kept where Entry.recipient
        # keeps it (_computed_once), without the two calls of asking it.
        entry = Entry(
            name, trimmed(values.get("chuc_vu", "")), unit, award, collective, reward,
            values.get("ghi_chu", ""), row.number, named,
        )  # fmt: skip
        recipient = entry.__dict__["recipient"] = recipient_of(collective, name, unit)
        # The same name in another unit may be another person: both must match; an award by
        # its other name is the same award (Entry.award_key). Two rows of one name and unit
        # with two chức vụ typed are two namesakes (told_apart).
        key = (recipient, entry.award_key)
        position = same_spelling(entry.position) if entry.position else ""
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = [(row.number, award, position)]
        else:
            _refuse_duplicate(row, name, award, position, earlier)
            earlier.append((row.number, award, position))
        namesakes.check(row, entry)
        capitals.check(row, entry)
        # The hệ số first: a wrong one makes the amount beside it wrong too.
        if coefficients and reward is not None:
            _check_typed_coefficient(row, award, reward, collective)
        if amounts and reward is not None:
            _check_typed_amount(row, award, reward, collective)
        entries.append(entry)
    told_apart(entries)
    # A total row the clerk typed ("Tổng cộng: 25 người") must count these rows.
    if table.totals:
        table.check_counts([(e.collective, e.recipient) for e in entries])
    # Columns whose content no document prints ("Ngày sinh", "Thành tích"): one warning for
    # the list; and, in a list without money, the amounts and hệ số typed on its rows.
    unprinted = table.unprinted_warning(UNPRINTED_FIELDS)
    unpaid = None if priced else unpaid_money(table)
    spellings = _unit_spellings(entries)  # in the list's order: each unit's spelling typed first
    if order == "ten":
        entries.sort(key=lambda e: (e.collective, _recipient_key(e)))
    elif order == "don_vi":
        # One unit typed two ways ("Phòng tổng hợp") sorts as its spelling typed first.
        places, spelt = _unit_ranks(entries), _first_spellings(spellings)
        entries.sort(key=lambda e: (e.collective, places[spelt.get(e.unit, e.unit)],
                                    _recipient_key(e)))  # fmt: skip
    for entry in entries:
        groups[entry.award].append(entry)
    # What the rows hold whoever reads them so: with the columns, said once for the file
    # (AwardList.of_the_file). Capitals.warnings makes its warning anew: asked once.
    on_rows = (*namesakes.warnings, *capitals.warnings, *_units_typed_two_ways(spellings, table),
               *cell_warnings(table.rows))
    unread = (unprinted,) if unprinted is not None else ()
    return AwardList(
        groups=tuple(Group(award, tuple(items)) for award, items in groups.items()),
        entries=tuple(entries),
        warnings=(*unread, *((unpaid,) if unpaid is not None else ()), *on_rows),
        of_the_file=(*unread, *on_rows),
        unpaid=unpaid,
    )


def _refuse_duplicate(
    row: Row, name: str, award: str, position: str, earlier: list[tuple[int, str, str]]
) -> None:
    """Refuse a row giving an award to a name and unit an `earlier` row of the list gives it
    (row, award as written, chức vụ as compared), unless both rows type a chức vụ and they
    differ: two teachers named Nguyễn Văn An of one school, told apart as the clerk tells them
    ("Giáo viên", "Bảo vệ"). A chức vụ typed on one row only tells nobody apart."""
    for first, first_award, first_position in earlier:
        if position and first_position and position != first_position:
            continue
        if first_award != award:  # the same award by its other name
            raise row.error("sheet.duplicate_entry_other_name", "ho_ten", name=name,
                            award=award, first=first, first_award=first_award)  # fmt: skip
        raise row.error("sheet.duplicate_entry", "ho_ten", name=name, award=award, first=first)


def told_apart(entries: list[Entry]) -> None:
    """Give each cá nhân whose name and unit other rows of the list share under another chức
    vụ (both typed) a recipient of its own, its chức vụ in it: two people, whom Điều 1 counts
    and a total row (Tổng cộng) counts as two, not one person given two awards. Kept where
    Entry.recipient keeps it; a row of that name and unit without a chức vụ stays as it is."""
    positions: dict[tuple[bool, str, str], set[str]] = {}
    for entry in entries:
        if not entry.collective and entry.position:
            positions.setdefault(entry.recipient, set()).add(same_spelling(entry.position))
    if all(len(found) == 1 for found in positions.values()):
        return
    for entry in entries:
        if entry.position and len(positions.get(entry.recipient, ())) > 1:
            entry.__dict__["recipient"] = _with_position(entry.recipient, entry.position)


def _with_position(recipient: tuple[bool, str, str], position: str) -> tuple[bool, str, str]:
    """A cá nhân's recipient told apart by its chức vụ (told_apart): its name and chức vụ (as
    compared) in one, and its unit."""
    _, name, unit = recipient
    # A cell holds no line break (cells come cleaned): no typed name reads so.
    return False, f"{name}\n{same_spelling(position)}", unit


@dataclass(frozen=True)
class YearNamesakes:
    """Cá nhân of one name and unit that a list of the year tells apart by their chức vụ
    (told_apart), as the year's figures count them over all its decisions: another decision
    naming one of them with the same name and unit is the same person when its chức vụ is one
    of theirs, and names no third person when it types none (counted as the first of them,
    who cannot be told). A chức vụ of none of theirs is one more namesake. A name and unit no
    list tells apart is counted as its lists count it (Entry.recipient), whatever chức vụ each
    types: one person promoted during the year stays one."""

    # Each such name and unit (its recipient untold: recipient_of) → the chức vụ its lists
    # tell them apart by, as compared, in the order first typed.
    positions: Mapping[tuple[bool, str, str], tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, lists: list[AwardList]) -> YearNamesakes:
        """The namesakes the year's `lists` tell apart."""
        positions: dict[tuple[bool, str, str], dict[str, None]] = {}
        for awards in lists:
            for entry in awards.entries:
                untold = untold_recipient(entry)
                if entry.recipient != untold:  # told apart in its own list
                    positions.setdefault(untold, {})[same_spelling(entry.position)] = None
        return cls({key: tuple(found) for key, found in positions.items()})

    def person(self, entry: Entry) -> tuple[bool, str, str]:
        """Who `entry` names over the year: its recipient, its chức vụ in it when its name and
        unit are of namesakes told apart (the first of them when it types no chức vụ)."""
        untold = untold_recipient(entry)
        told = self.positions.get(untold)
        if not told:
            return entry.recipient
        return _with_position(untold, entry.position or told[0])


def untold_recipient(entry: Entry) -> tuple[bool, str, str]:
    """Entry.recipient as it is before its list tells namesakes apart: name and unit."""
    return recipient_of(entry.collective, entry.name, entry.unit)


def is_title(entry: Entry) -> bool:
    """A danh hiệu thi đua of the decree (Lao động tiên tiến, Chiến sĩ thi đua cơ sở ...): not
    a Giấy khen. An office's own award ("Học sinh Xuất sắc", khen_thuong_rieng) is printed on
    its Giấy khen whatever its kind: a school gives its pupils' titles that way. A row of a list
    without money is judged by the award its name names (Entry.known_award); a name no decree
    knows is a form."""
    award = entry.known_award
    return award is not None and award.kind == AwardKind.TITLE and not award.office
