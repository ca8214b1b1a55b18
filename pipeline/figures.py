"""Số liệu of a year: awards counted and summed over that year's award decisions.

The decisions' spreadsheets are the year's register of awards, so a yearly report's figures are
computed from them, never typed; the same figures fill the report's tables and its text.

By title or form a figure counts the awards given (one row, one person or collective); overall
and by unit it counts the people and collectives commended, as a decision's Điều 1 does ("cho
01 cá nhân" over one person given two titles), across all the year's decisions. Money is the sum
over every award either way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.awards import AwardList, Entry, YearNamesakes, untold_recipient
from pipeline.rules.money import format_money, regime_on
from pipeline.rules.phrases import Phrases
from pipeline.rules.words import money_in_words
from pipeline.text.normalize import slug
from pipeline.text.tones import same_spelling


@dataclass
class Count:
    """Cá nhân, tập thể and money of one award or unit."""

    individuals: int = 0
    collectives: int = 0
    amount: int = 0

    @property
    def total(self) -> int:
        return self.individuals + self.collectives

    def add(self, *, collective: bool, amount: int, counted: bool = False) -> None:
        """One award more; `counted` when its recipient is already counted here (a person's
        second award adds its money, not a second cá nhân)."""
        self.amount += amount
        if counted:
            return
        if collective:
            self.collectives += 1
        else:
            self.individuals += 1


@dataclass
class NameInTwoUnits:
    """Cá nhân of one name that two of the year's decisions list under two units ("Phòng Tổng
    hợp", then "Phòng Tổng hợp - Hành chính"): two people of one name, or one person whose unit
    was renamed during the year, which only the clerk can tell. Counted as two, each name in
    each unit (Entry.recipient): never merged unseen, nor doubled unsaid."""

    first_unit: str  # as the first list types it
    unit: str
    first: Any  # the decisions (LoadedDocument) naming them so, as given to YearFigures.add
    second: Any
    names: list[str] = field(default_factory=list)  # as the later list types them


@dataclass
class NamesakesCounted:
    """Cá nhân of one name and unit that a list of the year tells apart by their chức vụ
    (awards.YearNamesakes), as the figures count them over the year's decisions."""

    name: str  # as first typed
    unit: str
    # The chức vụ the lists tell them apart by, as compared → as first typed.
    positions: dict[str, str] = field(default_factory=dict)
    told: Any = None  # the first decision whose list tells them apart
    # The decisions naming them (as given to YearFigures.add), by their number in the year.
    decisions: dict[int, Any] = field(default_factory=dict)
    people: set[tuple[bool, str, str]] = field(default_factory=set)  # each counted once
    untold: bool = False  # a row naming them without a chức vụ (counted as the first)

    @property
    def others(self) -> list[Any]:
        """The decisions naming them other than `told`."""
        return [d for d in self.decisions.values() if d is not self.told]


@dataclass
class YearFigures:
    """Awards of one year: by title or form (awards), by unit and overall (people and
    collectives, each once however many awards they were given)."""

    year: int
    decisions: list[Any] = field(default_factory=list)  # the LoadedDocuments counted
    # The names of the office whose figures these are (its profile's ten_day_du): a tập thể
    # whose row names it as its unit is a unit of its own (by_unit).
    office: tuple[str, ...] = ()
    # By award (Entry.award_key: an award named by one of its other names is counted as one
    # award), each shown as the year's lists most often spell it (award_name).
    by_award: dict[str, Count] = field(default_factory=dict)
    award_spellings: dict[str, Counter[str]] = field(default_factory=dict)
    # The people's units (by unit_key); tập thể are placed in by_unit once all are seen.
    people_units: dict[str, Count] = field(default_factory=dict)
    overall: Count = field(default_factory=Count)
    kinds: dict[str, str] = field(default_factory=dict)  # award → danh_hieu | hinh_thuc
    # award → its decree award's hệ số: the higher award of a kind is listed first (an office's
    # own award, priced by its own rules, has none)
    ranks: dict[str, Decimal] = field(default_factory=dict)
    # By the decree's award each row is priced by: the office's "Giấy khen của Hiệu trưởng"
    # rows count in {{ giay_khen.* }} too.
    by_decree: dict[str, Count] = field(default_factory=dict)

    spellings: dict[str, Counter[str]] = field(default_factory=dict)  # unit_key → as typed
    # Everyone counted in by_unit and overall so far, by Entry.recipient: over all the year's
    # decisions, not one list's.
    recipients: set[tuple[bool, str, str]] = field(default_factory=set)
    # The people and collectives of each award (as by_award, by_decree), each once: a report's
    # "tặng Giấy khen cho {{ giay_khen.ca_nhan }} cá nhân" counts a person given two once.
    people_by_award: dict[str, Count] = field(default_factory=dict)
    people_by_decree: dict[str, Count] = field(default_factory=dict)
    _given: set[tuple[str, str, tuple[bool, str, str]]] = field(default_factory=set)
    # Each award given to a tập thể, and whether its tập thể was counted before (by_unit).
    _collectives: list[tuple[Entry, bool]] = field(default_factory=list)
    # Each cá nhân's name (same_spelling) → its units (unit_key) → the first list naming it
    # there: (the list's number, its decision, the unit and the name as typed).
    _units_of_name: dict[str, dict[str, tuple[int, Any, str, str]]] = field(default_factory=dict)
    _lists: int = 0
    # Namesakes of one unit a list tells apart by their chức vụ, known over the whole year
    # before its lists are added (YearNamesakes.of): each is one person across the decisions.
    namesakes: YearNamesakes = field(default_factory=YearNamesakes)
    # How they were counted, by their name and unit (untold_recipient), for the report to say.
    _namesakes_counted: dict[tuple[bool, str, str], NamesakesCounted] = field(default_factory=dict)

    def add(self, awards: AwardList, decision: Any = None) -> None:
        """The awards of one decision's list (`decision`: the decision, named by a warning)."""
        self._lists += 1
        for entry in awards.entries:
            # A list without money knows its awards too, unpriced (Entry.known_award): its
            # "Giấy khen của Giám đốc Sở" is counted under Giấy khen as a paid one is.
            known = entry.known_award
            award = entry.award_key
            self.award_spellings.setdefault(award, Counter())[entry.award] += 1
            if known is not None:
                self.kinds[award] = known.kind
                if not known.office:
                    self.ranks[award] = known.coefficient
            recipient = self.namesakes.person(entry)
            self._note_namesake(entry, recipient, decision)
            self._count(self.by_award, self.people_by_award, "", award, entry, recipient)
            if known is not None:
                self._count(self.by_decree, self.people_by_decree, "decree", known.name, entry,
                            recipient)  # fmt: skip
            # A recipient's unit row is fixed by its key (the same unit), so one seen overall
            # is one seen in its unit too.
            counted = recipient in self.recipients
            self.recipients.add(recipient)
            self.overall.add(collective=entry.collective, amount=entry.amount, counted=counted)
            # One unit typed in two cases is one unit (keyed by unit_key, unit_name gives
            # the spelling shown); a tập thể's row names two, itself and its unit (by_unit).
            if entry.collective:
                self._collectives.append((entry, counted))
                self._spell(entry.name)
                if entry.unit:
                    self._spell(entry.unit)
                continue
            unit = entry.unit or ""
            self._spell(unit)
            if unit:
                self._units_of_name.setdefault(same_spelling(entry.name), {}).setdefault(
                    unit_key(unit), (self._lists, decision, unit, entry.name)
                )
            self.people_units.setdefault(unit_key(unit), Count()).add(
                collective=False, amount=entry.amount, counted=counted
            )

    def _note_namesake(self, entry: Entry, recipient: tuple[bool, str, str], decision: Any) -> None:
        """Keep how a row naming namesakes told apart (namesakes) was counted."""
        untold = untold_recipient(entry)
        if untold not in self.namesakes.positions:
            return
        found = self._namesakes_counted.setdefault(untold, NamesakesCounted(entry.name, entry.unit))
        found.decisions.setdefault(self._lists, decision)
        found.people.add(recipient)
        if entry.recipient != untold:  # its own list tells it apart
            found.positions.setdefault(same_spelling(entry.position), entry.position)
            if found.told is None:
                found.told = decision
        found.untold = found.untold or not entry.position

    def namesakes_across_decisions(self) -> list[NamesakesCounted]:
        """The namesakes a list tells apart by their chức vụ that other decisions of the year
        name too, counted across them by name, unit and chức vụ (YearNamesakes)."""
        return [found for found in self._namesakes_counted.values() if found.others]

    def names_in_two_units(self) -> list[NameInTwoUnits]:
        """The cá nhân whose name one list gives under one unit and another list under
        another, by pair of units (a unit renamed has all its staff so). The same name in two
        units of one list is that list's to warn of (awards.Namesakes)."""
        pairs: dict[tuple[str, str], NameInTwoUnits] = {}
        for units in self._units_of_name.values():
            (first, *others) = units.items()
            for key, (number, decision, unit, name) in others:
                if number == first[1][0]:
                    continue
                found = pairs.setdefault((first[0], key), NameInTwoUnits(
                    first[1][2], unit, first[1][1], decision,
                ))  # fmt: skip
                found.names.append(name)
        return list(pairs.values())

    def _spell(self, unit: str) -> None:
        self.spellings.setdefault(unit_key(unit), Counter())[unit] += 1

    @property
    def by_unit(self) -> dict[str, Count]:
        """The people and collectives of each unit (by unit_key), each once.

        A tập thể is the unit it is when people of its name are counted (Phòng Tổng hợp and
        its staff: one row). Else it is counted under the unit its row names when another
        tập thể of its name belongs to another unit (each Sở's Phòng Tổ chức cán bộ is its
        Sở's, not one made-up unit), or when people of that unit are counted and that unit is
        not the office itself (`office`): Phòng Tổ chức cán bộ of Sở Y tế under Sở Y tế, but
        the Văn phòng's Nhà khách, whose row names the Văn phòng, where its leaders work, a
        unit of its own, as is a Sở of "tỉnh Sơn La"."""
        units = {key: Count(c.individuals, c.collectives, c.amount)
                 for key, c in self.people_units.items()}  # fmt: skip
        homes: dict[str, set[str]] = {}
        for entry, _ in self._collectives:
            homes.setdefault(unit_key(entry.name), set()).add(unit_key(entry.unit or ""))
        for entry, counted in self._collectives:
            own, home = unit_key(entry.name), unit_key(entry.unit or "")
            # A unit of people that is not the office itself: its tập thể are its own.
            parent = home in self.people_units and not self._is_office(home)
            under_home = bool(home) and own not in self.people_units and (
                len(homes[own]) > 1 or parent
            )
            units.setdefault(home if under_home else own, Count()).add(
                collective=True, amount=entry.amount, counted=counted
            )
        return units

    def _is_office(self, key: str) -> bool:
        return any(office_key(key) == office_key(name) for name in self.office)

    def _count(
        self, awards: dict[str, Count], people: dict[str, Count], table: str, name: str,
        entry: Entry, recipient: tuple[bool, str, str],
    ) -> None:
        """One award `name` more in `awards` (lượt) and, unless its `recipient` (who the entry
        names over the year) already has one, in `people`."""
        awards.setdefault(name, Count()).add(collective=entry.collective, amount=entry.amount)
        given = (table, name, recipient)
        counted = given in self._given
        self._given.add(given)
        people.setdefault(name, Count()).add(
            collective=entry.collective, amount=entry.amount, counted=counted
        )

    def awarded(self) -> Count:
        """Every award of the year (lượt): the sum of the rows by title or form."""
        total = Count()
        for count in self.by_award.values():
            total.individuals += count.individuals
            total.collectives += count.collectives
            total.amount += count.amount
        return total

    def of_award(self, name: str) -> Count:
        """The figures of award `name`: all rows priced by it when it is a decree's award the
        office names its own way, else the rows naming it (lượt: every row counts)."""
        return self.by_decree.get(name) or self.by_award.get(name) or Count()

    def people_of_award(self, name: str) -> Count:
        """As of_award, each person or collective counted once."""
        return self.people_by_decree.get(name) or self.people_by_award.get(name) or Count()

    def award_name(self, award: str) -> str:
        """An award of by_award as shown: the spelling the year's lists give it most often
        (the first typed of equals): an army unit's "Chiến sĩ tiên tiến" stays so named."""
        spellings = self.award_spellings.get(award)
        return spellings.most_common(1)[0][0] if spellings else award

    def spelled(self) -> dict[str, str]:
        """Each spelling of an award the year's lists give (Entry.award) → its by_award key."""
        return {name: award for award, names in self.award_spellings.items() for name in names}

    def unit_name(self, key: str) -> str:
        """A unit as shown: its most typed spelling (the first typed of equals)."""
        return self.spellings[key].most_common(1)[0][0]

    @property
    def files(self) -> list[Path]:
        """Every file these figures were computed from."""
        return [f for d in self.decisions for f in d.files]


def office_key(name: str) -> str:
    """An office's name compared with a unit typed in a list: as unit_key, its organs'
    abbreviations written in full ("Văn phòng UBND tỉnh" is "Văn phòng Ủy ban nhân dân tỉnh")."""
    from pipeline.rules.agency_names import spelt_out

    return unit_key(" ".join(spelt_out(name.split())))


def unit_key(name: str) -> str:
    """A unit's name compared as a list compares its recipients' (text.tones.same_spelling:
    case, spacing and tone placement aside): 'Phòng tổng hợp' is 'Phòng Tổng hợp', 'Trường Hoà
    Bình' is 'Trường Hòa Bình', so a recipient's unit row is fixed by Entry.recipient."""
    return same_spelling(name)


def format_count(n: int) -> str:
    """A number of people or awards as a report prints it, grouped as money is: 1.002."""
    return format_money(n)


# Phrase `key` of a report's wording filled with `values` (DocumentInfo.write: the office's
# and the report's own câu chữ over vanthu's).
Write = Callable[[str, Mapping[str, str]], str]


@cache
def _default_phrases() -> Phrases:
    return Phrases.layered(common={})


def default_write(key: str, values: Mapping[str, str]) -> str:
    """Phrase `key` in vanthu's own wording, for figures worded without a document's."""
    return _default_phrases().write(key, values)


def change(current: int, previous: int | None, write: Write = default_write) -> str:
    """Year-on-year change as the report words it (câu chữ bao_cao_tang, bao_cao_giam,
    bao_cao_khong_doi, bao_cao_moi: 'tăng 12,5%', 'giảm 3%', 'không đổi', 'mới'), with the
    change in per cent ({{ ty_le }}) and the difference ({{ chenh_lech }}); '' without data."""
    if previous is None:
        return ""
    if current == previous:
        return write("bao_cao_khong_doi", {})
    difference = {"chenh_lech": format_count(abs(current - previous))}
    if previous == 0:
        return write("bao_cao_moi", difference)
    # Imported here: a build of award decisions alone formats no percentage, nor (format_money)
    # anything else with babel, whose import costs every build's start some 9 ms.
    from babel.numbers import format_decimal

    # Half up to one decimal (6,25% → 6,3%), as a percentage is rounded by hand and the
    # Biên bản's votes are (rules.votes); babel's own rounding is half to even.
    exact = Decimal(abs(current - previous) * 100) / Decimal(previous)
    rounded = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    percent = format_decimal(rounded, "#,##0.#", locale="vi")
    key = "bao_cao_tang" if current > previous else "bao_cao_giam"
    return write(key, {"ty_le": percent, **difference})


def decree_awards(year: int) -> list[str]:
    """The decree's awards in force at the end of `year`: figures of that year's report (the
    `known` of figure_values) even when none was given."""
    return [award.name for award in regime_on(date(year, 12, 31)).awards]


def figure_values(
    current: YearFigures, previous: YearFigures | None, known: Iterable[str] = (),
    write: Write = default_write,
) -> dict[str, str]:
    """Every figure a report's text may name, printed the Vietnamese way: the awards of the
    year, those of the year before, and the `known` ones (the decree's), 0 when none was
    given; a name of no award at all is still unknown. `tong.*` and `<award>.*` count people
    and collectives (each once) in both years, so that a change compares like with like;
    `tong.luot*` and `<award>.luot*` count the awards (lượt). A change is worded by `write`
    (change)."""

    def counts(prefix: str, now: Count, before: Count | None) -> dict[str, str]:
        return {
            f"{prefix}.ca_nhan": format_count(now.individuals),
            f"{prefix}.tap_the": format_count(now.collectives),
            f"{prefix}.tong": format_count(now.total),
            f"{prefix}.tien": format_money(now.amount),
            f"{prefix}.nam_truoc": format_count(before.total) if before else "",
            f"{prefix}.tang_giam": change(now.total, before.total if before else None, write),
        }

    values = {
        "nam": str(current.year),
        "nam_truoc": str(current.year - 1),
        "so_quyet_dinh": format_count(len(current.decisions)),
        "tong.tien_bang_chu": money_in_words(current.overall.amount),
    }
    values.update(counts("tong", current.overall, previous.overall if previous else None))
    # The awards (lượt), for a text that counts them: "{{ tong.luot }} lượt khen thưởng".
    awarded, awarded_before = current.awarded(), previous.awarded() if previous else None
    values.update({
        "tong.luot": format_count(awarded.total),
        "tong.luot_nam_truoc": format_count(awarded_before.total) if awarded_before else "",
        "tong.luot_tang_giam": change(awarded.total,
                                      awarded_before.total if awarded_before else None, write),
    })  # fmt: skip
    # An award named by one of its other names in either year is one award: its figures are
    # named by each spelling ({{ chien_si_tien_tien.tong }} and {{ lao_dong_tien_tien.tong }}
    # alike), and both years' are compared however each year's lists named it.
    spelled = {**(previous.spelled() if previous else {}), **current.spelled()}
    given_before = [*previous.by_award, *previous.by_decree] if previous else []
    awards = [*known, *given_before, *current.by_award, *current.by_decree, *spelled]
    for name in dict.fromkeys(awards):
        prefix = slug(name)
        award = spelled.get(name, name)
        before = previous.people_of_award(award) if previous else None
        values.update(counts(prefix, current.people_of_award(award), before))
        given = previous.of_award(award) if previous else None
        values.update({
            f"{prefix}.luot": format_count(current.of_award(award).total),
            f"{prefix}.luot_nam_truoc": format_count(given.total) if given else "",
            f"{prefix}.luot_tang_giam": change(current.of_award(award).total,
                                               given.total if given else None, write),
        })  # fmt: skip
    return values


# The figures of a report's text that count people, collectives, awards or decisions
# (pipeline.figures.figure_values): {{ so_quyet_dinh }} and {{ <award or tong>.<one of these> }}.
# Money, the change in % and the years are not counts.
COUNT_SUFFIXES = frozenset({"ca_nhan", "tap_the", "tong", "nam_truoc", "luot", "luot_nam_truoc"})
_ONE_DIGIT = frozenset("123456789")


def in_running_text(values: Mapping[str, str]) -> dict[str, str]:
    """The report's figures as its text prints them: a count from 1 to 9 with a leading zero,
    as a decision's Điều 1 counts ("cho 03 tập thể và 07 cá nhân", quyet_dinh.two_digits), so
    that "đã ban hành 01 quyết định, khen thưởng cho 07 cá nhân" reads as the decisions it
    sums up; 0 and the tables' figures stay plain, as the Danh sách's counts and columns do.

    Pads the text itself rather than calling two_digits: quyet_dinh imports pipeline.load,
    whose attachments import this module, so importing it here makes an import cycle
    (tests/test_packaging.py). The figures are already text (format_count), and only "1" to
    "9" change, which two_digits prints the same way."""
    return {name: f"0{value}" if _is_count(name) and value in _ONE_DIGIT else value
            for name, value in values.items()}  # fmt: skip


def _is_count(name: str) -> bool:
    """Whether figure `name` counts (so_quyet_dinh, tong.ca_nhan, giay_khen.luot ...)."""
    prefix, _, suffix = name.rpartition(".")
    return name == "so_quyet_dinh" or (bool(prefix) and suffix in COUNT_SUFFIXES)
