"""What bounds one LibreOffice conversion, whichever path runs it (unoserver's server,
pipeline.batch.pdf; LibreOffice's command line, pipeline.batch.pdf_soffice): its deadline,
grown from the document's pages, and its process group, killed at that deadline, or by a
watchdog process when vanthu dies first; and the mark of the private profiles it runs with.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import IO

from pipeline.errors import ConversionError, Said

START_TIMEOUT = 120.0  # seconds; a cold LibreOffice with a fresh profile takes ~10 s
# A document's deadline, in seconds, from its pages p: TIMEOUT_BASE + TIMEOUT_PER_PAGE * p
# + p² / TIMEOUT_PAGES_SQUARED, at most TIMEOUT_CEILING. A decision converts in well under a
# second, so a hang of a short document is still noticed after about 30 s. LibreOffice's time
# grows faster than its pages when each page holds positioned frames (Giấy khen, measured with
# the test print's border on the 2-core machine, idle: 200 pages 8 s, 350 pages 23 s, 500 pages
# 69 s; 143 s under load): the deadline for 500 pages is 330 s, for 1000 pages 1130 s.
TIMEOUT_BASE = 30.0
TIMEOUT_PER_PAGE = 0.1
TIMEOUT_PAGES_SQUARED = 1000.0
TIMEOUT_CEILING = 1800.0  # hard limit of a computed deadline; VANTHU_PDF_TIMEOUT may exceed it
TIMEOUT_ENV = "VANTHU_PDF_TIMEOUT"  # seconds: one fixed deadline for every document
_XML_BYTES_PER_PAGE = 20_000  # document.xml of a dense page of text; most pages hold less
# What ends a page: a page break, a paragraph that starts a page, a section (the body's last one
# included, so a document without breaks has one page).
_PAGE_MARKS = (
    b'w:type="page"', b"<w:pageBreakBefore", b"<w:sectPr>", b"<w:sectPr ", b"<w:sectPr/>"
)  # fmt: skip
OWN_PROFILE = "vanthu-pdf-"  # prefix of the private profiles: marks LibreOffice files we left
# Why no PDF: LibreOffice could not be started again (its reason a parameter of this message).
UNAVAILABLE = "build.pdf_unavailable"

# Runs beside LibreOffice: when the build's end of the pipe closes (the build ended, however it
# ended), kill LibreOffice's process group (unoserver's server with it).
_WATCHDOG = """\
import os, signal, sys
sys.stdin.buffer.read()
try:
    os.killpg(int(sys.argv[1]), signal.SIGKILL)
except OSError:
    pass
"""


def conversion_timeout() -> float | None:
    """Seconds every document may take when VANTHU_PDF_TIMEOUT says so, else None (each
    document's deadline is computed from its pages)."""
    try:
        value = float(os.environ.get(TIMEOUT_ENV, ""))
    except ValueError:
        return None
    return value if value > 0 and math.isfinite(value) else None


def timeout_for_pages(pages: int) -> float:
    """Seconds LibreOffice may take to convert a document of `pages` pages."""
    pages = max(pages, 1)
    seconds = TIMEOUT_BASE + TIMEOUT_PER_PAGE * pages + pages * pages / TIMEOUT_PAGES_SQUARED
    return float(min(math.ceil(seconds), TIMEOUT_CEILING))


def estimate_pages(docx: Path) -> int:
    """Pages of a .docx, estimated without laying it out: its explicit page breaks and
    sections (one Giấy khen a page), or its document.xml's size for running text, whichever
    says more; 1 when the file cannot be read (LibreOffice will say what is wrong with it)."""
    try:
        with zipfile.ZipFile(docx) as archive:
            info = archive.getinfo("word/document.xml")
            with archive.open(info) as body:
                breaks = _count_marks(body)
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
        return 1
    return max(breaks, math.ceil(info.file_size / _XML_BYTES_PER_PAGE), 1)


def _count_marks(body: IO[bytes]) -> int:
    """How many _PAGE_MARKS a stream holds, read in chunks (a mark may straddle two)."""
    keep = max(len(mark) for mark in _PAGE_MARKS) - 1
    count, tail = 0, b""
    while chunk := body.read(1 << 20):
        window = tail + chunk
        # Count only marks that end in the new bytes: the tail's own were counted before.
        count += sum(window.count(mark) - tail.count(mark) for mark in _PAGE_MARKS)
        tail = window[-keep:]
    return count


def document_timeout(source: Path) -> float:
    """Seconds the conversion of `source` may take: VANTHU_PDF_TIMEOUT when set, else
    `timeout_for_pages` of its estimated pages."""
    fixed = conversion_timeout()
    return fixed if fixed is not None else timeout_for_pages(estimate_pages(source))


def start_watchdog(group: int) -> subprocess.Popen[bytes] | None:
    """A process that kills `group` when this process's end of its stdin closes."""
    if not hasattr(os, "killpg"):  # pragma: no cover - Windows
        return None
    try:
        return subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, str(group)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C of the build's terminal does not reach it
        )
    except OSError:  # pragma: no cover - only the orphan guard is lost
        return None


def end_watchdog(watchdog: subprocess.Popen[bytes] | None) -> None:
    """Stop a watchdog of start_watchdog's whose group has ended (or was killed) already."""
    if watchdog is not None:
        watchdog.kill()
        watchdog.wait()
        if watchdog.stdin is not None:
            watchdog.stdin.close()


def signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    """Signal `process` and what it started (the session it was started in: LibreOffice)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signum)
        else:  # pragma: no cover - Windows has no process groups of this kind
            process.terminate()
    except ProcessLookupError:
        pass


def not_made(document: str, cause: ConversionError) -> ConversionError:
    """The error of a document left without its PDF because LibreOffice stopped partway
    through a batch and could not be started again (`cause`): its .docx is in place, and the
    message names it and says that the next `vanthu build --pdf` makes its PDF."""
    reason = cause.params.get("reason") if cause.key == UNAVAILABLE else Said(cause)
    return ConversionError("build.pdf_not_made", document=document, reason=reason)
