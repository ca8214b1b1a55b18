"""The characters Times New Roman prints: those every face of Liberation Serif 2.x holds.

Nghị định 30 sets a document in Times New Roman; on Linux its metric twin Liberation Serif 2.x
(fonts-liberation2) prints vanthu's PDFs. A character the font has no glyph for (℃, ✓, ★, ⇒)
passes the text gate, as a document's own symbol, but prints in a fallback font: Word picks one,
and LibreOffice sets it in another typeface (DejaVu), which a PDF may not hold
(pipeline.batch.pdf_limits.unfit_pdf). Loading warns of each such character, in the document's
data and its agency profile (source_warnings) and in the cells of a list it reads (cell_warnings),
and the PDF's refusal names them.

Which characters the faces hold is a table shipped with vanthu (data/liberation-serif-coverage.txt,
made from the font files by tools/font_coverage.py), read once when first asked: never the font
files, so a machine without the font answers alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any, Protocol, TypeVar

from pipeline.errors import InputError
from pipeline.phrase import Phrase

Place = TypeVar("Place")

COVERAGE_FILE = "data/liberation-serif-coverage.txt"
# What a character typed in place of one the font lacks may be, where it says the same (each
# one the font holds: tests pin it). Beyond these, a character's compatibility form (NFKC) when
# the font holds it: °C for ℃, IV for Ⅳ, kg for ㎏.
_REPLACEMENTS = {
    "\u2713": "\u221a",  # ✓ → √
    "\u2714": "\u221a",  # ✔ → √
    "\u2717": "\u00d7",  # ✗ → ×
    "\u2718": "\u00d7",  # ✘ → ×
    "\u2605": "*",  # ★
    "\u2606": "*",  # ☆
    "\u21d2": "\u2192",  # ⇒ → →
    "\u21d0": "\u2190",  # ⇐ → ←
    "\u2610": "\u25a1",  # ☐ → □
    "\u25ef": "\u25cb",  # ◯ → ○
    "\u27a2": "-",  # ➢, a list's mark: Nghị định 30 marks items with "-"
    "\u27a4": "-",  # ➤
    "\u2756": "-",  # ❖
    "\u2023": "-",  # ‣
    "\u2043": "-",  # ⁃
    "\u33a1": "m\u00b2",  # ㎡ → m²
}
# Compatibility forms that drop what the character shows: ① is not 1.
_LOSSY_FORMS = ("<circle>",)
# No glyph, no character missing: a tab and a line break are laid out, not printed.
_LAID_OUT = "\t\n"


@cache
def _missing() -> re.Pattern[str]:
    """A character no face of the font holds (COVERAGE_FILE's ranges, negated)."""
    table = resources.files("pipeline.rules").joinpath(COVERAGE_FILE).read_text("utf-8")
    spans = []
    for line in table.splitlines():
        if line.startswith("#"):
            continue
        for item in line.split():
            first, _, last = item.partition("-")
            spans.append(f"\\U{int(first, 16):08x}" + (f"-\\U{int(last, 16):08x}" if last else ""))
    return re.compile(f"[^{re.escape(_LAID_OUT)}{''.join(spans)}]")


def held(char: str) -> bool:
    """Whether Times New Roman (every face of Liberation Serif 2.x) has a glyph for `char`."""
    return char in _LAID_OUT or _missing().match(char) is None


def missing_glyphs(text: str) -> list[str]:
    """The characters of `text` the font has no glyph for, each once, in the text's order."""
    if text.isascii():  # the gate refuses every control character but a tab and a line break
        return []
    return list(dict.fromkeys(_missing().findall(text)))


def first_missing(texts: Iterable[tuple[Place, str]]) -> list[tuple[Place, str]]:
    """Each character of `texts` (place, text) the font has no glyph for, once, with the place
    of the first text that holds it."""
    found: dict[str, Place] = {}
    for place, text in texts:
        for char in missing_glyphs(text):
            found.setdefault(char, place)
    return [(place, char) for char, place in found.items()]


def described(char: str) -> str:
    """A character as messages name it: '℃' (DEGREE CELSIUS, U+2103)."""
    name = unicodedata.name(char, "")
    return f"'{char}' ({name}, U+{ord(char):04X})" if name else f"'{char}' (U+{ord(char):04X})"


def replacement(char: str) -> str | None:
    """What to type instead of `char`, which the font lacks, where something the font holds
    says the same (°C for ℃, √ for ✓); None when nothing does."""
    instead = _REPLACEMENTS.get(char)
    if instead is None and not unicodedata.decomposition(char).startswith(_LOSSY_FORMS):
        instead = unicodedata.normalize("NFKC", char)
    if instead is None or instead == char or not all(held(c) for c in instead):
        return None
    return instead


def replacements_said(chars: Iterable[str]) -> str:
    """The replacements of those of `chars` that have one, as messages give them: "℃ → °C,
    ✓ → √"; empty when none has."""
    pairs = ((char, replacement(char)) for char in chars)
    return ", ".join(f"{char} \u2192 {instead}" for char, instead in pairs if instead)


def glyph_warning(char: str, line: int | None, field: str | None) -> InputError:
    """The warning at a data text (its line and field) holding `char`, which the font lacks."""
    return InputError("data.glyph_missing", line=line, field=field, **_glyph_said(char))


class DataSource(Protocol):
    """A data file as read (load.yaml_source.Source): its texts with where they stand, and the
    line of a place."""

    def texts(self) -> list[tuple[Any, str]]: ...

    def line_of(self, loc: Any) -> int | None: ...


def source_warnings(source: DataSource) -> tuple[InputError, ...]:
    """A warning at the first text of a data file (its line and field) holding each character
    Times New Roman has no glyph for (℃, ✓): Word prints it in another font, and no PDF is
    made of it. A document's own data (load.documents) and an agency profile's
    (context.common.profile_glyph_warnings)."""
    from pipeline.load.yaml_source import dotted

    return tuple(glyph_warning(char, source.line_of(loc), dotted(loc) or None)
                 for loc, char in first_missing(source.texts()))  # fmt: skip


def _glyph_said(char: str) -> dict[str, Any]:
    """The parameters of data.glyph_missing for `char`: the character named, and what to type
    instead when something the font holds says the same."""
    instead = replacement(char)
    hint = Phrase("data.glyph_replacement", char=char, instead=instead) if instead else ""
    return {"char": described(char), "hint": hint}


class ListRow(Protocol):
    """A row of a list as read (load.spreadsheet.Row): its cells' text by field, and a warning
    located at one of its cells."""

    @property
    def values(self) -> Mapping[str, str]: ...

    def error(self, key: str, /, field_name: str | None = None, **params: Any) -> InputError: ...


def cell_warnings(rows: Sequence[ListRow]) -> tuple[InputError, ...]:
    """A warning at the first cell of a list (its file, sheet, row and column) holding each
    character the font has no glyph for. One scan of the list's text joined when none does,
    as nearly every list: a build reads many lists."""
    joined = "\n".join([text for row in rows for text in row.values.values()])
    if joined.isascii() or _missing().search(joined) is None:
        return ()
    cells = (((row, name), text) for row in rows for name, text in row.values.items())
    return tuple(row.error("data.glyph_missing", name, **_glyph_said(char))
                 for (row, name), char in first_missing(cells))  # fmt: skip
