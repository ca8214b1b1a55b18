"""Sổ vàng: the record of one Giấy khen under its số vào sổ.

The loader gives it (pipeline.load.certificates), the manifest keeps it (pipeline.batch.manifest,
Entry.so_vao_so_cap) and verify checks the printed pages against it
(pipeline.verify.certificate_book). It lives apart from all three, importing nothing, so that
each can name it without importing the others.
"""

from __future__ import annotations

from typing import NamedTuple


class Given(NamedTuple):
    """One certificate of a batch: its số vào sổ, name, unit, row of the sheet and chức vụ.

    A tuple, so the manifest writes it as the list it always wrote."""

    number: int
    name: str
    unit: str
    row: int
    position: str | None  # None: a manifest written before chức vụ was kept (no change seen)
