"""Dãy số: which sequence a document type is numbered in, configured per office as data.

Nghị định 30/2020 numbers every outgoing document of an office in one run per year, but lets an
office keep separate runs (văn bản quy phạm pháp luật always have their own; some offices number
Quyết định apart). A plan maps the Phụ lục III abbreviation (QĐ, KH, BC; CV for công văn) to a
sequence name; anything unlisted goes to the default sequence, "chung".

How an office splits its numbering is the office's setting, kept in the register itself (table
`sequence_plans`, one row per office and the year from which a plan holds: `StoredPlan`), so
that build, render, check and every `vanthu so` command, and every clerk sharing a PostgreSQL
register, number each type in the same run. A plan holds from its year until the next year a
plan is kept from; the years before an office's first stored plan number every type in
"chung". An office with no
stored plan at all numbers by the plan its caller gives (`vanthu so --tach`, which then stores
it), else in "chung". A plan never changes for a year that already holds numbers given under
another one (`conflicting_rows`): one type numbered in two runs within a year would repeat its
numbers.

Two run names are one run when they differ only in surrounding spaces or in case (`run_key`):
"CHUNG" and "chung " are "chung", and a name given (`so cap --day`, a sổ's Dãy số column, a
plan) is written as the register already spells that run. Each run numbers from 01, so a run
started by a slip would give the office's numbers again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.register.backends import Transaction

DEFAULT_SEQUENCE = "chung"


def run_key(name: str) -> str:
    """What a run's name is compared by: without surrounding spaces, nor case ("CHUNG " is
    "chung"); a run named otherwise would number from 01 again."""
    return name.strip().casefold()


def spelled_as(name: str, runs: Iterable[str]) -> str | None:
    """The one of `runs` that is the run `name` says (run_key): spelt as `name` (spaces
    aside), else the first; None when none is. A register holding one run in two spellings
    (written before names were compared so) keeps each spelling's numbers where they are."""
    matching = [run for run in runs if run_key(run) == run_key(name)]
    return next((run for run in matching if run == name.strip()), None) or next(
        iter(matching), None)


@dataclass(frozen=True)
class SequencePlan:
    """Type code → sequence name for one office; unlisted types use `default`."""

    by_type: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    default: str = DEFAULT_SEQUENCE

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, str] | None, default: str = DEFAULT_SEQUENCE
    ) -> SequencePlan:
        """A plan from data such as {"QĐ": "quyet-dinh"} (keys are type codes, values names);
        a type sent to the default sequence is the same as a type not listed."""
        cleaned = {str(k).strip(): str(v).strip() for k, v in (data or {}).items()}
        kept = {code: name for code, name in sorted(cleaned.items())
                if run_key(name) != run_key(default)}
        return cls(MappingProxyType(kept), default)

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """(type code, sequence) of each type numbered apart, sorted: what two plans compare."""
        return tuple(sorted(self.by_type.items()))

    def same_as(self, other: SequencePlan) -> bool:
        """Whether both plans number every type in the same sequence (run_key: names differing
        in case or spaces alone are one run)."""
        def keys(plan: SequencePlan) -> tuple[tuple[str, str], ...]:
            return tuple((code, run_key(name)) for code, name in plan.pairs)

        return keys(self) == keys(other) and run_key(self.default) == run_key(other.default)

    def spelled(self, runs: Iterable[str]) -> SequencePlan:
        """This plan with each run's name as `runs` (the runs a register holds) spell it, when
        one of them is that run (spelled_as): numbers go on in the run the register holds."""
        runs = list(runs)
        mapping = {code: spelled_as(name, runs) or name for code, name in self.pairs}
        return SequencePlan.from_mapping(mapping, spelled_as(self.default, runs) or self.default)

    @property
    def sequences(self) -> set[str]:
        """Every sequence this plan numbers in: the default and each type's own."""
        return {self.default, *self.by_type.values()}

    def option_text(self) -> str:
        """The plan as `vanthu so day-so` takes it: 'QĐ=quyet-dinh KH=ke-hoach' ('' for one
        run)."""
        return " ".join(f"{code}={name}" for code, name in self.pairs)

    def describe(self, lang: str | None = None) -> str:
        """The plan in words for a message: 'QĐ → quyet-dinh; other types → chung'."""
        from pipeline.i18n import t

        rest = t("register.plan_rest" if self.pairs else "register.plan_one_run", lang=lang,
                 default=self.default)
        return "; ".join([*(f"{code} → {name}" for code, name in self.pairs), rest])

    def sequence_for(self, type_code: str | None) -> str:
        """The sequence a document of this type is numbered in."""
        if type_code is None:
            return self.default
        return self.by_type.get(type_code.strip(), self.default)


def parse_pairs(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """'QĐ=quyet-dinh' pairs (from a command line) as a mapping; ValueError names a bad one."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        code, sep, name = pair.partition("=")
        if not sep or not code.strip() or not name.strip():
            raise ValueError(pair)
        mapping[code.strip()] = name.strip()
    return mapping


def type_code_from_symbol(symbol: str | None) -> str | None:
    """The Phụ lục III abbreviation inside a ký hiệu (QĐ-VPUBND → QĐ, 2026/QĐ-UBND → QĐ).

    A ký hiệu without one (VPUBND-TH) is a công văn: "CV". None when there is no ký hiệu.
    """
    from pipeline.rules.doc_types import type_by_abbreviation

    if not symbol or not symbol.strip():
        return None
    head = symbol.strip().rsplit("/", 1)[-1].split("-", 1)[0].strip()
    return head if type_by_abbreviation(head) is not None else "CV"


def check_plan_pairs(mapping: Mapping[str, str]) -> str | None:
    """The first 'LOẠI=DÃY' whose type is not a Phụ lục III abbreviation (nor CV, công văn), or
    None when every type is one: a mistyped type would be numbered in the default run."""
    for code, name in mapping.items():
        if not known_type(code):
            return f"{code}={name}"
    return None


def known_type(code: str) -> bool:
    """Whether `code` names a type of document: a Phụ lục III abbreviation, or CV (công văn,
    which has none); shared by --tach and --loai."""
    from pipeline.rules.doc_types import type_by_abbreviation

    return code == LETTER or type_by_abbreviation(code) is not None


# Công văn has no abbreviation in Phụ lục III: its ký hiệu names the office (VPUBND-TH).
LETTER = "CV"


# -- plans kept in the register (table sequence_plans, schema version 5) ---------------------


@dataclass(frozen=True)
class StoredPlan:
    """An office's plan as the register keeps it: from year `since` (0: every year) on."""

    since: int
    plan: SequencePlan

    def describe(self, lang: str | None = None) -> str:
        """When it holds, in words for a message: 'from 2026' (or 'every year')."""
        from pipeline.i18n import t

        if self.since <= 0:
            return t("register.plan_every_year", lang=lang)
        return t("register.plan_since", lang=lang, year=self.since)


def plan_text(plan: SequencePlan) -> str:
    """A plan as the register stores it: a JSON object, type code → sequence, sorted."""
    return json.dumps(dict(plan.pairs), ensure_ascii=False, sort_keys=True)


def plan_from_text(text: str) -> SequencePlan:
    """A stored plan read back (a value that is not an object reads as one run)."""
    data: Any = json.loads(text) if text else {}
    return SequencePlan.from_mapping(data if isinstance(data, dict) else {})


def stored_plans(tx: Transaction, agency: str) -> list[StoredPlan]:
    """The plans the register keeps for `agency`, earliest first ([]: never set)."""
    rows = tx.all("SELECT since_year, plan FROM sequence_plans WHERE agency = ? "
                  "ORDER BY since_year", (agency,))
    return [StoredPlan(int(since), plan_from_text(str(text))) for since, text in rows]


def plan_in_year(plans: list[StoredPlan], year: int) -> SequencePlan | None:
    """The plan of `year` among an office's stored `plans`: the latest set from that year or
    before; one run for the years before the first; None when the office has none stored."""
    if not plans:
        return None
    held = [stored for stored in plans if stored.since <= year]
    return held[-1].plan if held else SequencePlan()


def write_plan(tx: Transaction, agency: str, since: int, plan: SequencePlan,
               stamp: str) -> None:
    """Store `plan` for `agency` from year `since` (in place of one set from that very
    year): it holds until the next year a plan is kept from, which it leaves as it is."""
    tx.execute(
        "INSERT INTO sequence_plans (agency, since_year, plan, set_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (agency, since_year) DO UPDATE SET plan = excluded.plan, "
        "set_at = excluded.set_at", (agency, since, plan_text(plan), stamp))


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Misplaced:
    """A number given under another plan: its year, sequence, number, ký hiệu and type."""

    year: int
    sequence: str
    number: int
    symbol: str | None
    type_code: str

    @property
    def reference(self) -> str:
        number = f"{self.number:02d}"
        return f"{number}/{self.symbol}" if self.symbol else number


def conflicting_rows(rows: Iterable[tuple[Any, ...]], plan: SequencePlan,
                     earlier: Iterable[str] = ()) -> list[Misplaced]:
    """The rows (year, sequence, number, symbol, type code) that `plan` would have numbered in
    another run than they were: their type goes elsewhere under it, and the run they are in is
    one a plan numbers in (the default, a type's own under `plan`, or one of `earlier`, the
    runs of the plans they were given under). A run no plan names (`so cap --day qppl`) is the
    clerk's own, and not the plan's to judge."""
    planned = plan.sequences | set(earlier)
    found = []
    for year, sequence, number, symbol, code in rows:
        if code is None or sequence not in planned:
            continue
        if plan.sequence_for(str(code)) != sequence:
            found.append(Misplaced(int(year), str(sequence), int(number), symbol, str(code)))
    return found
