"""Advance widths of an installed font, for fitting a phôi's field styled in a font of its own.

vanthu ships Times New Roman's widths (rules/data/times-widths.json, from Liberation Serif): every
document of Nghị định 30 prints in it. A phôi may print a field in the office's own font (a wide
decorative or sans face for the name): its text is measured with that font's real advances,
read with fontTools from the font file fontconfig finds for it (`fc-match`), else from the usual
font folders; each font read once. A font not installed is measured as Times New Roman (the
render fits as it always did; `templates check` warns: pipeline.template_tools.check).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

# The names of Times New Roman and its metric twins: measured with the shipped table, never
# looked up (the same widths on every machine, with or without the font).
TIMES_NAMES = frozenset({"times new roman", "liberation serif", "tinos", "times"})
# Fonts metric-compatible with a Windows font (same advance for every letter), which
# fontconfig prints in its place: an office's phôi in Arial is measured with Liberation Sans
# where Arial is not installed (Liberation's own README names these pairs).
METRIC_TWINS = {"arial": "liberation sans", "courier new": "liberation mono"}
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
# OS/2 usWeightClass of a Regular and a Bold face: a font's face nearest these is the one
# Word prints a run in, regular or bold.
REGULAR_WEIGHT, BOLD_WEIGHT = 400, 700
FC_TIMEOUT_S = 10


def is_times(font: str | None) -> bool:
    """Whether `font` (None: no font named, Word's default) is measured as Times New Roman
    with the shipped table."""
    return font is None or font.strip().lower() in TIMES_NAMES


@cache
def advances(font: str, bold: bool) -> Mapping[str, float] | None:
    """Advance in em of every character of installed font `font` (its bold face when `bold`
    and it has one); None when the font is not installed."""
    found = font_file(font, bold)
    if found is None:
        return None
    path, number = found
    return _read_advances(path, number)


def font_file(font: str, bold: bool) -> tuple[Path, int] | None:
    """The file (and its number in a collection) of `font`'s face, or of its metric twin: by
    fontconfig where it runs, else from the usual font folders; None when neither has it."""
    for name in (font, METRIC_TWINS.get(font.strip().lower())):
        if name is None:
            continue
        found = _fc_match(name, bold) if shutil.which("fc-match") else _folder_match(name, bold)
        if found is not None:
            return found
    return None


def _fc_match(font: str, bold: bool) -> tuple[Path, int] | None:
    """fontconfig's file for `font`, when the font it matches is that font (fc-match always
    answers: a font not installed is matched by the system's default, which is not it)."""
    import subprocess  # here: only a phôi in a font of its own asks, not every build's start

    pattern = f"{font}:weight={'bold' if bold else 'regular'}"
    try:
        done = subprocess.run(
            ["fc-match", "--format", "%{file}\n%{index}\n%{family}", pattern],
            capture_output=True, text=True, timeout=FC_TIMEOUT_S, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.split("\n")
    if done.returncode != 0 or len(lines) < 3:
        return None
    families = {family.strip().lower() for family in lines[2].split(",")}
    if font.strip().lower() not in families:
        return None
    return Path(lines[0]), int(lines[1] or 0)


def _folder_match(font: str, bold: bool) -> tuple[Path, int] | None:
    """`font`'s face in the usual font folders (Windows, macOS and Linux without fontconfig):
    upright, of the weight nearest Regular's or Bold's, as fontconfig would pick it."""
    faces = _folder_faces().get(font.strip().lower(), [])
    upright = [face for face in faces if not face.italic] or faces
    wanted = BOLD_WEIGHT if bold else REGULAR_WEIGHT
    best = min(upright, key=lambda face: abs(face.weight - wanted), default=None)
    return (best.path, best.number) if best is not None else None


def font_folders() -> list[Path]:
    """The folders fonts are usually installed in, for this system and user."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local" / "share" / "fonts"]  # fmt: skip


class Installed(NamedTuple):
    """One face of a font file in the font folders."""

    path: Path
    number: int  # in a collection (.ttc)
    weight: int  # OS/2 usWeightClass: 400 Regular, 700 Bold
    italic: bool


@cache
def _folder_faces() -> dict[str, list[Installed]]:
    """Family name (lower case) → the faces of it in font_folders()."""
    faces: dict[str, list[Installed]] = {}
    for path in _font_paths():
        for family, face in _faces_of(path):
            faces.setdefault(family, []).append(face)
    return faces


def _font_paths() -> Iterator[Path]:
    for folder in font_folders():
        if folder.is_dir():
            yield from (p for p in sorted(folder.rglob("*")) if p.suffix.lower() in FONT_SUFFIXES)


def _faces_of(path: Path) -> list[tuple[str, Installed]]:
    """(family, face) of each font in file `path`; none for a file fontTools cannot read (a
    damaged or unusual font is left out, as if not installed)."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError

    try:
        if path.suffix.lower() == ".ttc":
            with TTCollection(str(path), lazy=True) as collection:
                return [_face(font, path, n) for n, font in enumerate(collection.fonts)]
        with TTFont(str(path), lazy=True) as font:
            return [_face(font, path, 0)]
    except (OSError, TTLibError, KeyError, ValueError, AssertionError):
        return []


def _face(font: Any, path: Path, number: int) -> tuple[str, Installed]:
    """(family, face) of fontTools' TTFont `font`, number `number` of file `path`."""
    family = font["name"].getBestFamilyName() or ""
    weight, italic = REGULAR_WEIGHT, False
    if "OS/2" in font:
        weight, italic = font["OS/2"].usWeightClass, bool(font["OS/2"].fsSelection & 1)
    return str(family).strip().lower(), Installed(path, number, weight, italic)


@cache
def _read_advances(path: Path, number: int) -> Mapping[str, float] | None:
    """Advance in em of each character font number `number` of `path` maps; None when the
    file cannot be read."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(path), fontNumber=number, lazy=True) as font:
            per_em = font["head"].unitsPerEm
            metrics = font["hmtx"].metrics
            return {
                chr(code): metrics[glyph][0] / per_em
                for code, glyph in font.getBestCmap().items()
                if glyph in metrics
            }
    except (OSError, TTLibError, KeyError, ValueError, AssertionError):
        return None
