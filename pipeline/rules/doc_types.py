"""Tên loại văn bản and their abbreviations (Nghị định 30/2020, Phụ lục III), read from data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class DocumentType:
    """One row of Phụ lục III: code used in data files, name, abbreviation in ký hiệu."""

    code: str
    name: str
    abbreviation: str
    source: str

    @property
    def title(self) -> str:
        """Tên loại as printed above the trích yếu: KẾ HOẠCH, QUYẾT ĐỊNH, ..."""
        return self.name.upper()


@cache
def document_types() -> dict[str, DocumentType]:
    """All document types by code (ke_hoach, quyet_dinh, ...)."""
    text = resources.files("pipeline.rules").joinpath("data/loai-van-ban.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {
        row["ma"]: DocumentType(row["ma"], row["ten"], row["viet_tat"], row["nguon"])
        for row in rows
    }


def document_type(code: str) -> DocumentType:
    """The type with this code; KeyError when there is none."""
    return document_types()[code]


def type_by_title(title: str) -> DocumentType | None:
    """The type whose name, upper-cased, is `title` (KẾ HOẠCH → ke_hoach); None when unknown."""
    wanted = " ".join(title.split()).upper()
    for doc_type in document_types().values():
        if doc_type.title == wanted:
            return doc_type
    return None


def type_by_abbreviation(abbreviation: str) -> DocumentType | None:
    """The type with this Phụ lục III abbreviation (exact case: QyĐ differs from QĐ)."""
    for doc_type in document_types().values():
        if doc_type.abbreviation and doc_type.abbreviation == abbreviation:
            return doc_type
    return None
