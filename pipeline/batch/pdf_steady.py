"""A PDF from LibreOffice made the same, byte for byte, each time its .docx is converted.

The same .docx converted twice gives two PDFs that differ only where LibreOffice writes the
moment of the conversion: the Info dictionary's /CreationDate (and /ModDate, when there is one),
and the trailer's /ID and LibreOffice's own /DocChecksum, which it derives from that moment.
`steady` writes there instead the date the .docx itself carries (its docProps/core.xml, which
vanthu takes from the template, never from the clock) and a digest of the PDF's own bytes.

Written by hand: no PDF library in reach keeps the rest of the file untouched (pikepdf or pypdf
would write the file anew). Each value is replaced by one of the same length, so the byte
offsets of the cross-reference table stay true; a value of another shape is left as it is.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import datetime
from pathlib import Path

# The date a PDF gets when its .docx carries none: a constant, never the clock.
FALLBACK_DATE = "20000101000000"

# "/CreationDate(D:20261207002514Z')": the 14 digits of year to second (PDF 1.7, 7.9.4); the
# time zone after them, of the machine's clock, is left as written.
_DATES = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")
# The trailer's "/ID [ <hex> <hex> ]" (14.4) and LibreOffice's "/DocChecksum /hex".
_IDS = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")
# The .docx's own date: dcterms:modified, else dcterms:created.
_CORE_DATE = re.compile(rb"<dcterms:(modified|created)\b[^>]*>([^<]+)</dcterms:")


def docx_date(docx: Path) -> str:
    """The 14 digits (YYYYMMDDHHmmSS) of the date `docx` carries in docProps/core.xml (modified,
    else created), or FALLBACK_DATE when it has none that reads."""
    try:
        with zipfile.ZipFile(docx) as archive:
            core = archive.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return FALLBACK_DATE
    found = dict((kind, value) for kind, value in _CORE_DATE.findall(core))
    for kind in (b"modified", b"created"):
        text = found.get(kind, b"").decode("ascii", "replace").strip()
        try:
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            continue
        if 1 <= when.year <= 9999:
            return when.strftime("%Y%m%d%H%M%S").zfill(14)
    return FALLBACK_DATE


def steady(pdf: bytes, date: str) -> bytes:
    """`pdf` with its dates set to `date` (14 digits) and its /ID and /DocChecksum set to a
    digest of the rest: the same for the same document, whenever it is converted."""
    dated = _DATES.sub(lambda m: m[1] + date.encode("ascii"), pdf)
    blank = b"0" * 32
    unmarked = _CHECKSUM.sub(lambda m: m[1] + blank, _IDS.sub(
        lambda m: m[1] + blank + m[3] + blank + m[5], dated))  # fmt: skip
    digest = hashlib.md5(unmarked, usedforsecurity=False).hexdigest().upper().encode("ascii")
    marked = _IDS.sub(lambda m: m[1] + digest + m[3] + digest + m[5], unmarked)
    return _CHECKSUM.sub(lambda m: m[1] + digest, marked)


def steady_file(pdf: Path, docx: Path) -> None:
    """`pdf` (LibreOffice's output, not yet in place) made steady in place, dated as `docx`.
    A file that cannot be read or written here is left as it is: putting it in place says
    why, as for any PDF."""
    try:
        data = pdf.read_bytes()
        settled = steady(data, docx_date(docx))
        if settled != data:
            pdf.write_bytes(settled)
    except OSError:
        pass
