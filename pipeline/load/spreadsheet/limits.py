"""Limits on a danh sách, so that a wrong or hostile file is refused at once, with a message.

An office's award list has tens to hundreds of rows; the limits are two orders of magnitude
above that and below what would take minutes or gigabytes to read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pipeline.errors import InputError
from pipeline.load import read_log
from pipeline.load.spreadsheet.directory import Archive
from pipeline.part_limit import MAX_PART_BYTES  # one part of an .xlsx once inflated

MAX_FILE_BYTES = 50 * 1024 * 1024  # the .xlsx or .csv file itself
MAX_ROWS = 20_000  # people and collectives in one list
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
# The area of a sheet a list may use (a cell with a value beyond it is refused before the sheet
# is read: calamine makes one cell in memory for every cell of the rectangle up to the farthest
# cell with a value, 550 GB for one at XFD1048576): the rows of a list as long as allowed, with
# its title and header and blank rows between groups; columns as many as Excel 2003 had (IV).
MAX_SHEET_ROWS = MAX_ROWS + 1_000
MAX_SHEET_COLUMNS = 256
# Lines of a CSV file, blank ones too (read one by one, they took 5 s a million): ten for each
# row of a list as long as allowed, for cells of several lines and an export's blank rows. Blank
# lines at the end of the file, however many, are not read (csv_files._without_blank_end).
MAX_CSV_LINES = 10 * MAX_ROWS


def check_size(path: Path, limit: int) -> os.stat_result:
    """InputError unless `path` is a regular file of at most `limit` bytes (no FIFO wait);
    its stat otherwise (within its document's load, the one the load took: read_log)."""
    try:
        info = read_log.file_stat(path)
    except OSError as exc:
        raise read_failed(path, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("data.not_regular_file", file=path)
    if info.st_size > limit:
        raise InputError("data.file_too_large", file=path, size=info.st_size, limit=limit)
    return info


def read_failed(path: Path, exc: OSError) -> InputError:
    """The error of a list file the OS would not let be read (no permission, gone since), its
    reason in the message's language (render.output.ReadReason), not the OS's strerror, which
    is English whatever the user's. Imported here, for a file that could not be read."""
    from pipeline.render.output import ReadReason

    return InputError("sheet.read_failed", file=path, reason=ReadReason(exc))


def refuse_large_parts(archive: Archive, path: Path) -> None:
    """InputError if a part of the .xlsx would inflate past MAX_PART_BYTES (one 1.5 GB cell, a
    zip bomb), judged from the zip's directory before anything is inflated."""
    for info in archive.infolist():
        if info.file_size > MAX_PART_BYTES:
            raise InputError(
                "sheet.part_too_large", file=path, part=info.filename, limit=MAX_PART_BYTES
            )
