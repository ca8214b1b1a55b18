"""Kiểm tra sổ: gaps and duplicates in a year, and counters that fell behind their entries;
as warnings, the gaps of a year before the office numbered with vanthu (before_vanthu),
numbers not yet confirmed, numbers whose data file is gone, numbers dated before a lower
number of their sequence (a register runs in the order documents are issued), and numbers
given to a document whose row lacks its date or its ký hiệu.

The unique key already refuses two rows with one number; these checks still look, because a
register can be edited by hand or carried over from elsewhere, and a check should not trust the
rule it checks.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from pipeline.register.model import Entry, Status
from pipeline.register.rows import symbol_key
from pipeline.register.store import Register, SourceExists, typed_in_data


@dataclass(frozen=True)
class Gap:
    """Numbers start..end of a sequence that no row holds (neither used, reserved nor void)."""

    agency: str
    sequence: str
    start: int
    end: int

    @property
    def numbers(self) -> str:
        return f"{self.start:02d}" if self.start == self.end else f"{self.start:02d}–{self.end:02d}"


@dataclass(frozen=True)
class Duplicate:
    """One số, ký hiệu held by several rows."""

    agency: str
    reference: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class CounterBehind:
    """A counter lower than a number its sequence holds: the next allocation would collide."""

    agency: str
    sequence: str
    counter: int
    highest: int


@dataclass(frozen=True)
class OutOfOrder:
    """A number out of its sequence's date order (void rows aside), reported once: `entry`,
    and `other`, the nearest number it conflicts with: a lower number dated after it, or (with
    `other_higher`) a higher number dated before it (an early number dated at the year's end)."""

    entry: Entry
    other: Entry
    other_higher: bool = False
    count: int = 1  # how many numbers of the run it conflicts with

    @property
    def earlier(self) -> Entry:
        return self.other


@dataclass(frozen=True)
class BeforeVanthu:
    """A sequence of a year before the office numbered with vanthu (`since`), holding only
    numbers documents' data typed themselves (`held`: a last year's decision a report compares
    with, so: 230): its gaps are the numbers of the sổ kept before vanthu, not the register's
    to account for. Reported, not a failure; `vanthu so nhap` of the old sổ fills them in."""

    agency: str
    sequence: str
    held: tuple[Entry, ...]
    gaps: tuple[Gap, ...]
    since: int


@dataclass
class CheckReport:
    year: int
    gaps: list[Gap] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    counters_behind: list[CounterBehind] = field(default_factory=list)
    pending: list[Entry] = field(default_factory=list)  # allocated, document not confirmed
    # Issued, but the data file it names is gone: renamed (a rebuild takes the number over) or
    # dropped (the number should be voided).
    missing_sources: list[Entry] = field(default_factory=list)
    out_of_order: list[OutOfOrder] = field(default_factory=list)  # a warning, not a failure
    # Given to a document, yet without its date or its ký hiệu (imported, or made before cap and
    # vao-so required them): warnings, the numbering itself being sound.
    undated: list[Entry] = field(default_factory=list)
    without_symbol: list[Entry] = field(default_factory=list)
    # Dated after the day of the check: a date typed wrong took a number (of next year's sổ).
    future: list[Entry] = field(default_factory=list)
    # Sequences of a year before vanthu: their gaps are reported, not failures.
    before_vanthu: list[BeforeVanthu] = field(default_factory=list)
    rows: int = 0
    # Issued rows of other workspaces (a shared register) whose data files were not looked for.
    not_checked: int = 0

    @property
    def ok(self) -> bool:
        return not (self.gaps or self.duplicates or self.counters_behind)


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def needs_document_columns(entry: Entry) -> bool:
    """Whether the row stands for a document, so the form's date and ký hiệu columns must be
    filled: issued or pending rows; a reserved number has no document yet, and a void one
    (often a reserved number given up) never will."""
    return entry.status in (Status.ISSUED, Status.PENDING)


def check_year(register: Register, year: int, agency: str | None = None, *,
               source_exists: SourceExists | None = None,
               today: date | None = None, workspace: str | None = None) -> CheckReport:
    """Gaps, duplicates and counter problems of one year (one office, or every office), and
    the document rows without a date or a ký hiệu or dated after `today`; with `source_exists`
    (location.data_file_exists), the issued numbers whose data file is gone: with `workspace`
    (a register clerks share), only of the rows naming that workspace, the others counted
    (`not_checked`: their data files are in other folders)."""
    today = today or date.today()
    entries = register.entries(year, agency)
    counters = {
        key: value for key, value in register.counters(year).items()
        if agency is None or key[0] == agency
    }
    report = CheckReport(year, rows=len(entries))
    by_sequence: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    by_reference: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        by_sequence[(entry.agency, entry.sequence)].append(entry)
        # Across sequences only a full số, ký hiệu can clash (its ký hiệu compared as
        # rows.symbol_key compares: spaces and case aside); within one, the bare number does.
        symbol = entry.details.symbol
        clash = (f"{entry.number_text}/{symbol_key(symbol)}" if symbol
                 else f"{entry.sequence}:{entry.number_text}")
        by_reference[(entry.agency, clash)].append(entry)
        if needs_document_columns(entry):
            if entry.details.doc_date is None:
                report.undated.append(entry)
            if not (entry.details.symbol or "").strip():
                report.without_symbol.append(entry)
            if entry.details.doc_date is not None and entry.details.doc_date > today:
                report.future.append(entry)
        if entry.status is Status.PENDING:
            report.pending.append(entry)
        elif (entry.status is Status.ISSUED and entry.source is not None
              and source_exists is not None):
            if workspace is not None and entry.workspace != workspace:
                report.not_checked += 1
            elif not source_exists(entry.source):
                report.missing_sources.append(entry)
    since: dict[str, int] = {}
    for key in sorted(by_sequence.keys() | counters.keys()):
        held = [e.number for e in by_sequence.get(key, [])]
        highest = max(held, default=0)
        counter = counters.get(key, 0)
        missing = sorted(set(range(1, max(highest, counter) + 1)) - set(held))
        gaps = [Gap(key[0], key[1], a, b) for a, b in _runs(missing)]
        if key[0] not in since:
            since[key[0]] = register.numbered_since(key[0])
        if gaps and before_vanthu(by_sequence.get(key, []), year, since[key[0]]):
            report.before_vanthu.append(BeforeVanthu(key[0], key[1], tuple(by_sequence[key]),
                                                     tuple(gaps), since[key[0]]))
        else:
            report.gaps.extend(gaps)
        if counter < highest:
            report.counters_behind.append(CounterBehind(key[0], key[1], counter, highest))
    for key in sorted(by_sequence):
        report.out_of_order.extend(dated_out_of_order(by_sequence[key]))
    for (office, _key), group in sorted(by_reference.items()):
        if len(group) > 1:
            report.duplicates.append(Duplicate(office, group[0].reference, tuple(group)))
    return report


def before_vanthu(entries: list[Entry], year: int, since: int) -> bool:
    """Whether a sequence's rows of `year` are numbers of a sổ kept before vanthu: the year is
    before `since`, the first the office numbered with vanthu (this year when it has not yet),
    and every row is a number a document's data typed itself (store.typed_in_data).

    Such a year's gaps are not failures. A clerk who starts with vanthu in 2023 and types a
    2022 decision's number (so: 230) to compare with it has not kept the 2022 sổ in vanthu:
    asking to vào sổ or hủy 01–229 would ask for a sổ vanthu never held, and `kiem-tra 2022`
    would fail for good. The numbers below (and between) are outside vanthu's register until
    the old sổ is imported (so nhap), which the report says. A year vanthu numbered in, a row
    entered by hand (vao-so, huy, cap) or an imported sổ keeps every gap a failure."""
    return year < since and bool(entries) and all(typed_in_data(e) for e in entries)


def dated_out_of_order(entries: list[Entry]) -> list[OutOfOrder]:
    """The rows of one sequence (in number order) out of date order, each once: the rows
    outside a longest run of numbers whose dates never go back (patience sorting; of several
    such runs, the one keeping the lowest numbers), so one number dated at the year's end among
    the early ones is one warning, not one for every number after it. Each names the nearest
    number of the run it conflicts with. Void and undated rows are passed over."""
    dated = [e for e in entries if e.status is not Status.VOID and e.details.doc_date is not None]
    days = [e.details.doc_date.toordinal() for e in dated if e.details.doc_date is not None]
    count = len(days)
    # longest[i]: the longest run starting at row i; best[k]: minus the latest date a run of
    # k + 1 rows can start at (found from the right), non-decreasing.
    longest = [0] * count
    best: list[int] = []
    for i in range(count - 1, -1, -1):
        k = bisect_right(best, -days[i])
        longest[i] = k + 1
        if k == len(best):
            best.append(-days[i])
        else:
            best[k] = min(best[k], -days[i])
    kept: list[int] = []
    want = max(longest, default=0)
    for i in range(count):
        if want and longest[i] == want and (not kept or days[i] >= days[kept[-1]]):
            kept.append(i)
            want -= 1
    in_run = set(kept)
    found: list[OutOfOrder] = []
    for i in range(count):
        if i in in_run:
            continue
        lower = [j for j in kept if j < i and days[j] > days[i]]
        if lower:
            found.append(OutOfOrder(dated[i], dated[lower[-1]], count=len(lower)))
            continue
        higher = [j for j in kept if j > i and days[j] < days[i]]
        if higher:  # always, else the run could hold row i too
            found.append(OutOfOrder(dated[i], dated[higher[0]], other_higher=True,
                                    count=len(higher)))
    return found
