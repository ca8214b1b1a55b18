"""Sổ vàng: the record of one Giấy khen under its số vào sổ.

The loader gives it (pipeline.load.certificates), the manifest keeps it (pipeline.batch.manifest,
Entry.so_vao_so_cap), the register's sổ vàng keeps it for good (pipeline.register.golden_entries)
and verify checks the printed pages against it (pipeline.verify.certificate_book). It lives apart
from all four, importing nothing, so that each can name it without importing the others. So do
the overlaps of two batches' numbers or certificates, which the build finds (batch.book_claims)
and the loader words (load.certificates).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Given(NamedTuple):
    """One certificate of a batch: its số vào sổ, name, unit, row of the sheet and chức vụ.

    A tuple, so the manifest writes it as the list it always wrote."""

    number: int
    name: str
    unit: str
    row: int
    position: str | None  # None: a manifest written before chức vụ was kept (no change seen)


class Shared(NamedTuple):
    """Another batch `other` holding some of a refused batch's numbers (`numbers`: those
    shared)."""

    other: Path
    numbers: tuple[int, int]


class SameCertificates(NamedTuple):
    """Another batch `other` of the same decision printing some of a refused batch's
    certificates: those `rows` of the decision's list, which `other` numbered `their_numbers`."""

    other: Path
    rows: tuple[int, ...]
    their_numbers: tuple[int, ...]


# What a batch refused for another shares with it (batch.book_claims.book_overlaps).
Overlap = Shared | SameCertificates
