"""Which kind of file a danh sách is; refuses early what cannot be read (.xls, encrypted).

Web systems export lists Excel opens under a name ending .xls that are no Excel workbook: a
tab- or comma-separated text file (read as the CSV it is), an Excel 2003 XML Spreadsheet or an
HTML table (each said to be what it is, with how to save it as .xlsx).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError
from pipeline.load import read_log

XLSX_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
# Compound File Binary (OLE2): old .xls, and also the wrapper Excel puts around an encrypted .xlsx.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC = b"PK"  # every .xlsx is a zip archive
# A zip's first member header: what a file not named .xlsx must start with to be read as one
# (a CSV whose first cell starts "PK" is none).
ZIP_LOCAL_MAGIC = b"PK\x03\x04"
# The bytes of a file's start looked at to tell its kind (markup may follow a BOM and blanks).
HEAD_BYTES = 4096
# How a web page starts (an HTML table Excel opens, a portal's "Excel" export), lower-cased;
# with an XML declaration, any markup (SpreadsheetML 2003, XHTML).
_WEB_PAGE_STARTS = (b"<!doctype html", b"<html", b"<table")
_MARKUP_STARTS = (*_WEB_PAGE_STARTS, b"<?xml")
# Excel 2003's XML Spreadsheet ("SpreadsheetML"): its workbook's namespace, lower-cased.
_SPREADSHEET_ML = b"urn:schemas-microsoft-com:office:spreadsheet"
# Excel's "Unicode Text" (a tab-separated export) is UTF-16 with a byte order mark.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def file_kind(path: Path) -> str:
    """'xlsx' or 'csv', by the file's name and first bytes; InputError for anything else.

    An .xlsx is not opened here: its reader reads the whole file once and looks at the first
    bytes itself (refuse_ole2, refuse_not_zip). Any other name is told by its first bytes
    first: web portals export a real .xlsx, an HTML table, an XML Spreadsheet or a
    tab-separated text under a name ending .xls (and a clerk renames one .csv), so a zip is
    read as the .xlsx it is, a text as the CSV it is, and markup said to be what it is,
    whatever its name; only an OLE2 file is the old binary .xls.
    """
    try:
        there = read_log.regular_file(path)  # Path.is_file, from its load's look at it
    except OSError as exc:  # below a folder this user may not enter: is_file raises, no answer
        raise _read_failed(path, exc) from None
    if not there:
        raise InputError("sheet.not_found", file=path)
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise _read_failed(path, exc) from exc
    if head.startswith(ZIP_LOCAL_MAGIC):
        return "xlsx"
    refuse_ole2(path, head)
    _refuse_markup(path, head)
    if suffix == ".xls":
        # Not OLE2: no old binary .xls, whatever its name says; a web system's text export.
        if head.strip() and is_text(head):
            return "csv"
        raise InputError("sheet.no_spreadsheet_named", file=path, name=path.name, suffix=suffix)
    if suffix in TEXT_SUFFIXES:
        return "csv"
    supported = ", ".join(XLSX_SUFFIXES + TEXT_SUFFIXES)
    raise InputError(
        "sheet.unsupported_format", file=path, suffix=suffix or path.name, supported=supported
    )


def _read_failed(path: Path, exc: OSError) -> InputError:
    """limits.read_failed, imported for a file that could not be read: not for the magic bytes
    alone (yaml_source takes them from here, for a data file that is no text)."""
    from pipeline.load.spreadsheet.limits import read_failed

    return read_failed(path, exc)


def refuse_ole2(path: Path, head: bytes) -> None:
    """InputError if the file starts as an OLE2 container: an old .xls, or an encrypted .xlsx
    (Excel wraps those in OLE2 too; only the name tells them apart)."""
    if head[: len(OLE2_MAGIC)] == OLE2_MAGIC:
        key = "sheet.encrypted" if path.suffix.lower() in XLSX_SUFFIXES else "sheet.xls_format"
        raise InputError(key, file=path, name=path.name)


def refuse_not_zip(path: Path, data: bytes) -> None:
    """InputError if a file named .xlsx is no zip archive at all: most often a CSV or text file
    saved under the name, sometimes an HTML page Excel was given or an Excel 2003 XML
    Spreadsheet; said in those terms rather than as zipfile's "File is not a zip file"."""
    if data.startswith(ZIP_MAGIC):
        return
    opening = _opening(data)
    if _is_spreadsheet_ml(opening):
        raise _spreadsheet_ml(path)
    if opening.startswith(_MARKUP_STARTS):
        raise InputError("sheet.markup_named_xlsx", file=path, name=path.name)
    # UTF-16 and a legacy code too: renamed .csv, it is read (or its code named) as a CSV.
    text = bool(data.strip()) and is_text(data[:HEAD_BYTES])
    key = "sheet.text_named_xlsx" if text else "sheet.not_xlsx"
    raise InputError(key, file=path, name=path.name)


def is_text(head: bytes) -> bool:
    """Whether a file's first bytes are text the CSV reader reads, or refuses naming its code:
    UTF-16 with its byte order mark, UTF-8 (the last letter may be cut by the head's end), or
    Vietnamese in a legacy code (TCVN3, VNI, Windows-1258). A NUL byte makes any other no text."""
    if head.startswith(UTF16_BOMS):
        return True
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4 and exc.reason == "unexpected end of data":
            return True
        from pipeline.text.legacy import guess_legacy_bytes  # only for a head that is no UTF-8

        return guess_legacy_bytes(head) is not None
    return True


def _refuse_markup(path: Path, head: bytes) -> None:
    """InputError for a file not named .xlsx that is an HTML page (a portal's "Excel" export)
    or an Excel 2003 XML Spreadsheet: each said to be what it is, and how to save it as .xlsx."""
    opening = _opening(head)
    if _is_spreadsheet_ml(opening):
        raise _spreadsheet_ml(path)
    if opening.startswith(_WEB_PAGE_STARTS) or (
        opening.startswith(b"<?xml") and any(start in opening for start in _WEB_PAGE_STARTS)
    ):  # XHTML: an XML declaration, then the page
        suffix = path.suffix.lower()
        raise InputError("sheet.web_page_named", file=path, name=path.name, suffix=suffix)


def _is_spreadsheet_ml(opening: bytes) -> bool:
    """Whether a file's opening (_opening) is an Excel 2003 XML Spreadsheet's: an XML
    declaration (or the <Workbook> itself), the SpreadsheetML namespace within the head."""
    return opening.startswith((b"<?xml", b"<workbook")) and _SPREADSHEET_ML in opening


def _spreadsheet_ml(path: Path) -> InputError:
    suffix = path.suffix.lower()
    return InputError(
        "sheet.spreadsheet_ml_named", file=path, name=path.name, suffix=suffix,
        xlsx=f"{path.stem}.xlsx",
    )  # fmt: skip


def _opening(data: bytes) -> bytes:
    """A file's first bytes as markup starts, lower-cased: without a BOM and the blanks before
    (UTF-16 markup, as some exports write it, in UTF-8)."""
    head = data[:HEAD_BYTES]
    if head.startswith(UTF16_BOMS):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
