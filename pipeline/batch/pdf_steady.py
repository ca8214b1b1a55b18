"""A PDF from LibreOffice made the same, byte for byte, each time its .docx is converted.

The same .docx converted twice gives two PDFs that differ only where LibreOffice writes the
moment of the conversion, in the time zone of the machine (TZ): the Info dictionary's
/CreationDate (and /ModDate, when there is one), the XMP metadata's xmp:CreateDate, ModifyDate
and MetadataDate (a PDF/A has them), and the trailer's /ID and LibreOffice's own /DocChecksum,
which it derives from that moment. `steady` writes there instead the date the .docx itself
carries (its docProps/core.xml, which vanthu takes from the template, never from the clock), in
UTC and said so (Z), whatever the machine's zone, and a digest of the PDF's own bytes.

Written by hand: no PDF library in reach keeps the rest of the file untouched (pikepdf or pypdf
would write the file anew). Each value is replaced by one of the same length, so the byte
offsets of the cross-reference table stay true: a date shorter than the one LibreOffice wrote
(Z where it wrote +07'00') is followed by blanks, which PDF and XML both allow between
tokens; a value of another shape is left as it is.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

# The date a PDF gets when its .docx carries none: a constant, never the clock.
FALLBACK_DATE = "20000101000000"

# "/CreationDate(D:20261207135037+07'00')": the 14 digits of year to second and the machine's
# time zone (PDF 1.7, 7.9.4), which LibreOffice writes "Z'" in UTC, "+07'00'" elsewhere.
_DATES = re.compile(rb"(/(?:CreationDate|ModDate)\s*\()(D:\d{14}[Z+\-0-9']{0,8}\))")
# The date as written in UTC: LibreOffice's own form when the machine's zone is UTC; in the
# room of a date written without a zone, the digits alone (still UTC's, still steady).
_UTC_PDF = ("D:{digits}Z')", "D:{digits})")
# "<xmp:CreateDate>2026-12-07T13:50:37+07:00</xmp:CreateDate>" (ISO 8601), in the XMP packet
# LibreOffice writes uncompressed (a PDF/A's); ModifyDate and MetadataDate alike.
_XMP_DATES = re.compile(
    rb"(<xmp:(CreateDate|ModifyDate|MetadataDate)>)([0-9T:.+\-Z]{10,40})(</xmp:\2>)"
)
# The trailer's "/ID [ <hex> <hex> ]" (14.4) and LibreOffice's "/DocChecksum /hex".
_IDS = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")
# The .docx's own date: dcterms:modified, else dcterms:created.
_CORE_DATE = re.compile(rb"<dcterms:(modified|created)\b[^>]*>([^<]+)</dcterms:")


def docx_date(docx: Path) -> str:
    """The 14 digits (YYYYMMDDHHmmSS), in UTC, of the date `docx` carries in docProps/core.xml
    (modified, else created; one without a zone taken as UTC, as Word writes it), or
    FALLBACK_DATE when it has none that reads."""
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
            if when.tzinfo is not None:
                when = when.astimezone(UTC)
        except (ValueError, OverflowError):  # OverflowError: a zone past year 1 or 9999
            continue
        if 1 <= when.year <= 9999:
            return when.strftime("%Y%m%d%H%M%S").zfill(14)
    return FALLBACK_DATE


def steady(pdf: bytes, date: str) -> bytes:
    """`pdf` with its dates set to `date` (14 digits, UTC) and its /ID and /DocChecksum set to
    a digest of the rest: the same for the same document, wherever and whenever it is
    converted."""
    written = [form.format(digits=date) for form in _UTC_PDF]
    dated = _DATES.sub(lambda m: m[1] + _fitted(m[2], written), pdf)
    iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}T{date[8:10]}:{date[10:12]}:{date[12:14]}Z"
    dated = _XMP_DATES.sub(lambda m: m[1] + _fitted(m[3] + m[4], [iso + m[4].decode()]), dated)
    blank = b"0" * 32
    unmarked = _CHECKSUM.sub(lambda m: m[1] + blank, _IDS.sub(
        lambda m: m[1] + blank + m[3] + blank + m[5], dated))  # fmt: skip
    digest = hashlib.md5(unmarked, usedforsecurity=False).hexdigest().upper().encode("ascii")
    marked = _IDS.sub(lambda m: m[1] + digest + m[3] + digest + m[5], unmarked)
    return _CHECKSUM.sub(lambda m: m[1] + digest, marked)


def _fitted(old: bytes, forms: list[str]) -> bytes:
    """The first of `forms` that fits in the room of `old`, blanks after it; `old` itself when
    none does (a date of a shape LibreOffice does not write), so that no byte offset moves."""
    for form in forms:
        if len(form) <= len(old):
            return form.encode("ascii") + b" " * (len(old) - len(form))
    return old


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
