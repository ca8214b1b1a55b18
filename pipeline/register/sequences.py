"""Dãy số: which sequence a document type is numbered in, configured per office as data.

Nghị định 30/2020 numbers every outgoing document of an office in one run per year, but lets an
office keep separate runs (văn bản quy phạm pháp luật always have their own; some offices number
Quyết định apart). A plan maps the Phụ lục III abbreviation (QĐ, KH, BC; CV for công văn) to a
sequence name; anything unlisted goes to the default sequence, "chung".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DEFAULT_SEQUENCE = "chung"


@dataclass(frozen=True)
class SequencePlan:
    """Type code → sequence name for one office; unlisted types use `default`."""

    by_type: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    default: str = DEFAULT_SEQUENCE

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, str] | None, default: str = DEFAULT_SEQUENCE
    ) -> SequencePlan:
        """A plan from data such as {"QĐ": "quyet-dinh"} (keys are type codes, values names)."""
        cleaned = {str(k).strip(): str(v).strip() for k, v in (data or {}).items()}
        return cls(MappingProxyType(cleaned), default)

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
