"""Why a list file could not be read, in the catalogue's words rather than a library's.

The csv module, zipfile, python-calamine and lxml say what went wrong in English and in their
own terms ("',' expected after '\"'", "File is not a zip file", "syntax error: tag not closed");
put inside a Vietnamese message, that is text the clerk cannot read and could not act on if
they did. The common reasons are said as what happened to the file; any other is said as
unknown, the library's words left out (as pipeline.render.output.ReadReason does for OSError).
"""

from __future__ import annotations

import csv
import re
import zipfile

import python_calamine
from lxml import etree

from pipeline.patterns import lazy
from pipeline.phrase import Phrase

# csv's "'%c' expected after '%c'": a quote closing a cell, then no delimiter nor line end.
_AFTER_QUOTE = lazy(r"'(.)' expected after '(.)'", re.DOTALL)
# csv's "field larger than field limit (%ld)": a quote left open swallowing the rest of the file.
_FIELD_LIMIT = lazy(r"field larger than field limit \((\d+)\)")
# A delimiter as the clerk would name it: a tab is not seen in a quoted «».
_DELIMITER_NAMES = {"\t": "Tab"}


def shown_delimiter(delimiter: str) -> str:
    """A delimiter as a message shows it: «,», «;», «Tab»."""
    return _DELIMITER_NAMES.get(delimiter, delimiter)


def csv_reason(exc: csv.Error) -> Phrase:
    """What a csv.Error says, as a catalogue phrase (sheet.csv_reason_*)."""
    text = str(exc)
    after = _AFTER_QUOTE().search(text)
    if after is not None:
        return Phrase("sheet.csv_reason_after_quote", delimiter=shown_delimiter(after.group(1)))
    if "unexpected end of data" in text:
        return Phrase("sheet.csv_reason_end_of_data")
    limit = _FIELD_LIMIT().search(text)
    if limit is not None:
        return Phrase("sheet.csv_reason_field_limit", limit=int(limit.group(1)))
    return Phrase("sheet.csv_reason_unknown")


# Calamine's XmlError for a part it could not inflate (not its XML): the zip is damaged.
_INFLATE_WORDS = ("I/O error", "deflate", "checksum", "declared", "crc", "CRC", "eof", "EOF")


def xlsx_reason(exc: BaseException) -> Phrase:
    """What zipfile, calamine or lxml said of an .xlsx, as a catalogue phrase (sheet.xlsx_reason_*):
    damaged or cut short (the zip), damaged inside (a part's XML), parts missing (no workbook,
    no sheet: another kind of zip named .xlsx), or unknown."""
    text = str(exc)
    if isinstance(exc, (zipfile.BadZipFile, python_calamine.ZipError, EOFError)):
        return Phrase("sheet.xlsx_reason_damaged")
    if isinstance(exc, python_calamine.XmlError):
        if any(word in text for word in _INFLATE_WORDS):
            return Phrase("sheet.xlsx_reason_damaged")
        return Phrase("sheet.xlsx_reason_xml")
    if isinstance(exc, etree.XMLSyntaxError):
        return Phrase("sheet.xlsx_reason_xml")
    if isinstance(exc, (python_calamine.WorksheetNotFound, KeyError)):
        return Phrase("sheet.xlsx_reason_parts")
    if isinstance(exc, python_calamine.CalamineError) and "detect file format" in text:
        return Phrase("sheet.xlsx_reason_parts")
    if isinstance(exc, ValueError) or (isinstance(exc, OSError) and exc.errno is None):
        return Phrase("sheet.xlsx_reason_damaged")  # zipfile's and zlib's, not the disk's
    return Phrase("sheet.xlsx_reason_unknown")
