"""A year's first number given to a document dated well after January: the office's earlier
numbers of that year may be in a paper or Excel sổ that was never imported.

Nghị định 30/2020 (Điều 15) numbers an office's documents from 01 on 1 January. An office that
starts with vanthu in July while its January–June numbers are in its own sổ would be given
01 again: a number already issued. vanthu cannot know whether those numbers exist (an office
may truly issue nothing before July, or start a new run), so build and render warn, once,
when the register held no row of the office's year before the numbers just given and the
first of them, 01, goes to a document dated after February; the warning says how to import the
old sổ over the numbers just given (`so nhap --doi-so-da-cap`: they move after its numbers,
and the next build prints the new ones). A register that holds any row of the year (a
number given, kept, voided, typed or imported, by any clerk) is past its start.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.errors import RenderError
from pipeline.register.model import Entry
from pipeline.register.store import Register

# The last month whose documents may well open a year's numbering: a document of January or
# February taking 01 is ordinary (the office's first document of the year, after Tết).
LAST_EARLY_MONTH = 2


def late_first_numbers(register: Register, given: Iterable[tuple[str, Entry]]) -> list[str]:
    """The warning for each office and year whose numbering the numbers just `given` (data
    file name, entry: only the fresh ones count) began: the register held no other row of
    that year before them, one of them is 01, and the earliest dated of them is dated after
    February. Named by that document."""
    return [notice.message() for notice in late_first_notices(register, given)]


def late_first_notices(register: Register,
                       given: Iterable[tuple[str, Entry]]) -> list[RenderError]:
    """late_first_numbers' warnings as errors, to be said in either language (a form's)."""
    fresh = [(name, entry) for name, entry in given if entry.fresh]
    by_year: dict[tuple[str, int], list[tuple[str, Entry]]] = {}
    for name, entry in fresh:
        by_year.setdefault((entry.agency, entry.year), []).append((name, entry))
    warnings = []
    for (agency, year), group in by_year.items():
        first = _opening(group)
        if first is None:
            continue
        if register.holds_other_rows(agency, year, (entry.id for _, entry in group)):
            continue
        name, entry = first
        office = f" --co-quan {agency}" if len(register.agencies()) > 1 else ""
        warnings.append(RenderError("register.late_first_number", name=name,
                                    reference=entry.reference, year=year,
                                    date=entry.details.doc_date, office=office))
    return warnings


def _opening(group: list[tuple[str, Entry]]) -> tuple[str, Entry] | None:
    """The number 01 of `group` (one office's year) dated earliest, when the earliest dated
    document of the group is dated after February; None otherwise (an undated 01 says
    nothing)."""
    dated = [(when, name, entry) for name, entry in group
             if (when := entry.details.doc_date) is not None]
    if not dated or min(when for when, _, _ in dated).month <= LAST_EARLY_MONTH:
        return None
    ones = [(when, name, entry) for when, name, entry in dated if entry.number == 1]
    if not ones:
        return None
    _when, name, entry = min(ones, key=lambda item: item[0])
    return name, entry
