"""The same sổ, the same file: an exported register's package made byte for byte the same
for an unchanged register, as a document is (render/zipwriter.py).

openpyxl and python-docx stamp what they save with the time of saving: each zip entry's date,
and (openpyxl) the package's created and modified dates. Two exports of one register would
differ, and a clerk comparing last month's copy with today's, or a folder kept under version
control, would see a change where there is none. So the package is written again by the
documents' own zip writer (render/zipwriter.py: every entry dated 1980-01-01, nothing of the
platform's), and its created and modified dates are the time of the register's last change
(`register_time`): what the file says of itself stays true.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime

from pipeline.register.model import Entry
from pipeline.render.zipwriter import Member, write_zip

# The package's created and modified dates for a register without rows (W3CDTF).
NO_TIME = "1980-01-01T00:00:00Z"
_CORE = "docProps/core.xml"
_STAMP = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def register_time(entries: Iterable[Entry]) -> str:
    """When the rows exported last changed (the newest updated_at, else created_at), in UTC as
    a package's dates are written (2026-02-05T08:30:00Z); NO_TIME when no row says."""
    times = []
    for entry in entries:
        try:
            when = datetime.fromisoformat(entry.updated_at or entry.created_at)
        except ValueError:
            continue
        times.append(when if when.tzinfo is not None else when.replace(tzinfo=UTC))
    if not times:
        return NO_TIME
    return max(times).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def steady(package: bytes, stamp: str) -> bytes:
    """`package` (an .xlsx or .docx's bytes) written by zipwriter, its created and modified
    dates `stamp`; its entries, their order and their contents otherwise kept."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    return write_zip(
        Member.deflate(name, _STAMP.sub(lambda found: found[1] + stamp.encode() + found[3], data)
                       if name == _CORE else data)
        for name, data in parts
    )  # fmt: skip
