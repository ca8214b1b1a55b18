"""What bounds one LibreOffice conversion, whichever path runs it (unoserver's server,
pipeline.batch.pdf; LibreOffice's command line, pipeline.batch.pdf_soffice): its deadline,
grown from the document's pages, and its process group, killed at that deadline, or by a
watchdog process when vanthu dies first; the mark of the private profiles and the environment
it runs with; and what a PDF it wrote must be to be put in place, whatever its exit code:
whole (complete_pdf), and set in the document's own fonts (unfit_pdf). LibreOffice that lacks
a font, or cannot use it (a full temporary folder), sets the text in its last resort (DejaVu)
and still exits 0: other letters, other line breaks, another number of pages. It does the same
for a character of the text its font has no glyph for (℃, ✓ in Times New Roman): that PDF is
refused as well, naming the characters (GLYPHS_MISSING), and not tried again (retry_cures):
another LibreOffice sets them in the same fallback.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from pipeline.errors import ConversionError, Said
from pipeline.ooxml_names import q, w
from pipeline.phrase import Phrase
from pipeline.rules.font_coverage import described, missing_glyphs, replacements_said
from pipeline.rules.font_widths import is_times

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
# Why a PDF was refused: characters of the text Times New Roman has no glyph for, set in another
# face; the document's own, so a retry in a restarted LibreOffice makes the same PDF.
GLYPHS_MISSING = "build.pdf_why_glyphs"
# A document without its PDF: tried twice; refused once, when a retry cannot cure it.
DOCUMENT_FAILED, DOCUMENT_REFUSED = "build.pdf_document_failed", "build.pdf_document_refused"
# LibreOffice writes the moment of a conversion in the machine's zone, "+07'00'" or "Z'":
# run in UTC, it writes the same length everywhere, so that pdf_steady's PDF is the same bytes
# in every zone. (A DATE field of a template would show UTC's day; vanthu's have PAGE only.)
OFFICE_ZONE = "UTC"

# A PDF ends with this line (PDF 1.7, 7.5.5), after its last cross-reference section: one cut
# short while it was written does not.
_PDF_END = b"%%EOF"
# Faces LibreOffice (through fontconfig's metric aliases) sets a font in when the font itself
# is not installed: the same widths, so the same lines and pages as in Word; with the Debian
# package of the first. Keys as _font_key makes them.
_SUBSTITUTES: dict[str, tuple[tuple[str, ...], str]] = {
    "timesnewroman": (("Liberation Serif", "Tinos"), "fonts-liberation2"),
    "times": (("Liberation Serif", "Tinos"), "fonts-liberation2"),
    "arial": (("Liberation Sans", "Arimo"), "fonts-liberation2"),
    "helvetica": (("Liberation Sans", "Arimo"), "fonts-liberation2"),
    "arialnarrow": (("Liberation Sans Narrow",), "fonts-liberation2"),
    "couriernew": (("Liberation Mono", "Cousine"), "fonts-liberation2"),
    "courier": (("Liberation Mono", "Cousine"), "fonts-liberation2"),
    "calibri": (("Carlito",), "fonts-crosextra-carlito"),
    "cambria": (("Caladea",), "fonts-crosextra-caladea"),
    "symbol": (("OpenSymbol",), "fonts-opensymbol"),
    "wingdings": (("OpenSymbol",), "fonts-opensymbol"),
}
# Word's font when a .docx names none (no w:rFonts in its defaults), as LibreOffice reads it.
_DEFAULT_FONT = "Times New Roman"
# The fonts a .docx sets its text in: w:rFonts of its runs, styles, headers and footers; and
# the fonts it names besides: its numbering's (a bullet's Symbol, on levels often unused), its
# font table's, its theme's Latin fonts.
_TEXT_PARTS = re.compile(r"word/(?:document|styles|header\d*|footer\d*|footnotes|endnotes)\.xml")
_OTHER_PARTS = re.compile(r"word/(?:numbering|fontTable|theme/theme\d*)\.xml")
_RUN_FONTS, _TEXT = w("rFonts"), w("t")
_RUN_FONT_ATTRIBUTES = tuple(w(name) for name in ("ascii", "hAnsi", "cs", "eastAsia"))
_TABLE_FONT, _THEME_FONT = w("font"), q("a:latin")
# What reading a .docx that is not one (or is damaged) raises.
_UNREADABLE = (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError,
               etree.XMLSyntaxError)  # fmt: skip
# A font dictionary's name and its descriptor's, as pdffonts lists them ("BAAAAA+LiberationSerif":
# a subset's tag, then the face's PostScript name, #xx for a byte outside names' letters). Read
# from the file's bytes: LibreOffice writes every font dictionary and descriptor as a plain,
# uncompressed object (no object streams, PDF 1.7 7.5.7; checked on LibreOffice 7.4's PDFs of
# all the example documents, whose names here are those pdffonts lists), so reading them costs
# one pass of a regular expression, not a PDF library nor a process, for every PDF.
_PDF_FONT = re.compile(rb"/(?:BaseFont|FontName)\s*/([^\s/<>\[\]()%{}]+)")
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
_NAME_BYTE = re.compile(rb"#([0-9A-Fa-f]{2})")

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


def office_environment() -> dict[str, str]:
    """The environment LibreOffice runs in: this process's, in OFFICE_ZONE."""
    return {**os.environ, "TZ": OFFICE_ZONE}


def complete_pdf(pdf: Path) -> bool:
    """Whether `pdf` is a whole PDF file: it starts as one and ends with its %%EOF line (blanks
    after it allowed). LibreOffice writes each PDF to the end before the next document, so a
    run that fails partway leaves those before the failure whole and the one it was writing
    cut short."""
    try:
        with pdf.open("rb") as stream:
            if stream.read(5) != b"%PDF-":
                return False
            stream.seek(0, os.SEEK_END)
            stream.seek(max(0, stream.tell() - 1024))
            return stream.read().rstrip().endswith(_PDF_END)
    except OSError:
        return False


def unfit_pdf(pdf: Path, docx: Path) -> ConversionError | None:
    """Why the PDF LibreOffice wrote of `docx` (a file, not empty) may not be put in place,
    whatever LibreOffice's exit code: cut short (build.pdf_why_incomplete), or its text set in
    a face that is neither a font the .docx names nor that font's metric-compatible substitute
    (build.pdf_why_fonts: LibreOffice's last resort, DejaVu, when it found neither), or, when
    the faces of its fonts are all there, set so for characters of its text Times New Roman
    has no glyph for (GLYPHS_MISSING); None when it may. A .docx that cannot be read is not
    judged by its fonts."""
    if not complete_pdf(pdf):
        return ConversionError("build.pdf_why_incomplete")
    fonts = docx_fonts(docx)
    if fonts is None:
        return None
    text_fonts, named = fonts
    try:
        found = pdf_fonts(pdf.read_bytes())
    except OSError:
        return None  # putting it in place reads it again, and says why it cannot
    allowed = {_font_key(face) for font in named for face in (font, *_substitutes(font))}
    allowed.discard("")
    foreign = [face for face in found if not _font_key(face).startswith(tuple(allowed))]
    if not foreign:
        return None
    keys = [_font_key(face) for face in found]
    # The document's fonts of which the PDF holds no face.
    absent = [font for font in text_fonts if not any(
        key.startswith(_font_key(face)) for face in (font, *_substitutes(font)) for key in keys
    )]  # fmt: skip
    # A face of each font there (Times New Roman's), and characters of the text it has no
    # glyph for: those are what LibreOffice set in another face, no font is missing.
    if not absent and any(is_times(font) for font in text_fonts):
        if chars := docx_missing_glyphs(docx):
            return glyphs_missing(chars, foreign)
    # All the document's fonts when the PDF holds a face of each (one without the Vietnamese
    # letters, filled from another: fonts-liberation 1.07).
    missing = absent or text_fonts
    packages = dict.fromkeys(
        _SUBSTITUTES[_font_key(font)][1] for font in missing if _font_key(font) in _SUBSTITUTES
    )
    return ConversionError(
        "build.pdf_why_fonts",
        foreign=", ".join(sorted(foreign)),
        found=", ".join(sorted(found)),
        missing=", ".join("/".join((font, *_substitutes(font)[:1])) for font in missing),
        install=", ".join(packages or missing),
    )


def glyphs_missing(chars: list[str], foreign: list[str]) -> ConversionError:
    """The refusal of a PDF whose text holds `chars`, which Times New Roman has no glyph for,
    set in the `foreign` faces (GLYPHS_MISSING): naming each, and what to type instead."""
    pairs = replacements_said(chars)
    fix = (Phrase("build.pdf_glyphs_fix", pairs=pairs) if pairs
           else Phrase("build.pdf_glyphs_no_fix"))  # fmt: skip
    return ConversionError(GLYPHS_MISSING, chars=", ".join(described(char) for char in chars),
                           foreign=", ".join(sorted(foreign)), fix=fix)  # fmt: skip


def retry_cures(why: str | ConversionError) -> bool:
    """Whether a conversion that failed for `why` may succeed when tried again in a restarted
    LibreOffice: not when the document's own text is why (GLYPHS_MISSING)."""
    return not (isinstance(why, ConversionError) and why.key == GLYPHS_MISSING)


def document_failed(document: str, why: ConversionError) -> ConversionError:
    """The error of `document`, whose PDF was refused for `why`: tried twice, or once when a
    retry cannot cure it (retry_cures)."""
    key = DOCUMENT_FAILED if retry_cures(why) else DOCUMENT_REFUSED
    return ConversionError(key, document=document, why=Said(why))


def docx_fonts(docx: Path) -> tuple[list[str], list[str]] | None:
    """The fonts `docx` sets its text in (its w:rFonts; Word's default when it names none), and
    every font it names (those, its font table, its theme's Latin fonts); None when it cannot
    be read."""
    text: dict[str, None] = {}
    named: dict[str, None] = {}
    try:
        with zipfile.ZipFile(docx) as archive:
            for name in archive.namelist():
                if _TEXT_PARTS.fullmatch(name):
                    text.update(dict.fromkeys(_run_fonts(etree.fromstring(archive.read(name)))))
                elif _OTHER_PARTS.fullmatch(name):
                    root = etree.fromstring(archive.read(name))
                    named.update(dict.fromkeys(_run_fonts(root)))
                    for element in root.iter(_TABLE_FONT, _THEME_FONT):
                        font = element.get(w("name")) or element.get("typeface") or ""
                        named[font.strip()] = None
    except _UNREADABLE:
        return None
    text.pop("", None)
    named.pop("", None)
    fonts = list(text) or [_DEFAULT_FONT]
    return fonts, [*fonts, *(font for font in named if font not in text)]


def docx_missing_glyphs(docx: Path) -> list[str]:
    """The characters of `docx`'s text (its runs' w:t) Times New Roman has no glyph for, each
    once; none when it cannot be read."""
    found: dict[str, None] = {}
    try:
        with zipfile.ZipFile(docx) as archive:
            for name in archive.namelist():
                if _TEXT_PARTS.fullmatch(name):
                    for text in etree.fromstring(archive.read(name)).iter(_TEXT):
                        found.update(dict.fromkeys(missing_glyphs(text.text or "")))
    except _UNREADABLE:
        return []
    return list(found)


def _run_fonts(root: etree._Element) -> Iterator[str]:
    """The fonts the w:rFonts under `root` name."""
    for fonts in root.iter(_RUN_FONTS):
        for attribute in _RUN_FONT_ATTRIBUTES:
            if value := (fonts.get(attribute) or "").strip():
                yield value


def pdf_fonts(pdf: bytes) -> list[str]:
    """The faces a PDF's font dictionaries name (their subset tags dropped), in the order of
    their first mention: what `pdffonts` lists, read from the bytes."""
    faces: dict[str, None] = {}
    for raw in _PDF_FONT.findall(pdf):
        name = _NAME_BYTE.sub(lambda m: bytes([int(m[1], 16)]), raw)
        faces[_SUBSET_TAG.sub("", name.decode("utf-8", "replace"))] = None
    return list(faces)


def _substitutes(font: str) -> tuple[str, ...]:
    """The faces metric-compatible with `font` LibreOffice may set it in (none known: ())."""
    return _SUBSTITUTES.get(_font_key(font), ((), ""))[0]


def _font_key(name: str) -> str:
    """A font's name as compared: letters and digits, case folded ("Times New Roman" and a
    PDF's "TimesNewRomanPS-BoldMT" start alike)."""
    return "".join(c for c in name.casefold() if c.isalnum())


def not_made(document: str, cause: ConversionError) -> ConversionError:
    """The error of a document left without its PDF because LibreOffice stopped partway
    through a batch and could not be started again (`cause`): its .docx is in place, and the
    message names it and says that the next `vanthu build --pdf` makes its PDF."""
    reason = cause.params.get("reason") if cause.key == UNAVAILABLE else Said(cause)
    return ConversionError("build.pdf_not_made", document=document, reason=reason)
