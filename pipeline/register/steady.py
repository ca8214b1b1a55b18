"""The same sổ, the same file: an exported register's package made byte for byte the same
for an unchanged register, as a document is (render/zipwriter.py).

openpyxl and python-docx stamp what they save with the time of saving: each zip entry's date,
and (openpyxl) the package's created and modified dates. Two exports of one register would
differ, and a clerk comparing last month's copy with today's, or a folder kept under version
control, would see a change where there is none. The entries' dates are fixed at 1980-01-01
(the first a zip can hold, as the documents'), and the package's dates are the time of the
register's last change (`register_time`): what the file says of itself stays true.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime

from pipeline.register.model import Entry

# Every zip entry's date and time: 1980-01-01 00:00, as the documents' zip writer writes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# The package's created and modified dates for a register without rows (W3CDTF).
NO_TIME = "1980-01-01T00:00:00Z"
_CORE = "docProps/core.xml"
_STAMP = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")
# An entry's permissions as openpyxl writes them (rw-------), for every package alike.
_MODE = 0o600 << 16


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
    """`package` (an .xlsx or .docx's bytes) with every entry dated ZIP_TIME and its created
    and modified dates `stamp`; the entries, their order and their contents otherwise kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == _CORE:
                content = _STAMP.sub(
                    lambda found: found.group(1) + stamp.encode("ascii") + found.group(3),
                    content)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = info.compress_type
            fixed.create_system = 0  # not the platform's: the same bytes on every computer
            fixed.external_attr = _MODE
            target.writestr(fixed, content)
    return out.getvalue()
