"""Which kind of file a danh sách is; refuses early what cannot be read (.xls, encrypted)."""

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


def file_kind(path: Path) -> str:
    """'xlsx' or 'csv', by the file's name and first bytes; InputError for anything else.

    An .xlsx is not opened here: its reader reads the whole file once and looks at the first
    bytes itself (refuse_ole2). Any other name is told by its first bytes first: web portals
    export a real .xlsx, or an HTML table, under a name ending .xls (and a clerk renames one
    .csv), so a zip is read as the .xlsx it is and a web page said to be one, whatever its name.
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
    if _opening(head).startswith(_WEB_PAGE_STARTS):
        raise InputError("sheet.web_page_named", file=path, name=path.name, suffix=suffix)
    if suffix == ".xls":
        raise InputError("sheet.xls_format", file=path, name=path.name)
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
    saved under the name, sometimes an HTML page Excel was given; said in those terms rather
    than as zipfile's "File is not a zip file"."""
    if data.startswith(ZIP_MAGIC):
        return
    if _opening(data).startswith(_MARKUP_STARTS):
        raise InputError("sheet.markup_named_xlsx", file=path, name=path.name)
    try:
        data[:HEAD_BYTES].decode("utf-8")
        text = b"\x00" not in data[:HEAD_BYTES]
    except UnicodeDecodeError as exc:
        text = exc.start > HEAD_BYTES - 6 and b"\x00" not in data[:HEAD_BYTES]  # cut in a letter
    key = "sheet.text_named_xlsx" if text and data.strip() else "sheet.not_xlsx"
    raise InputError(key, file=path, name=path.name)


def _opening(data: bytes) -> bytes:
    """A file's first bytes as markup starts, lower-cased: without a BOM and the blanks before."""
    return data[:HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
