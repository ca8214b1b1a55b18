"""Regenerate pipeline/rules/data/liberation-serif-coverage.txt from Liberation Serif 2.x.

The characters every face of Liberation Serif (Regular, Bold, Italic, Bold Italic) holds, as
ranges of code points: Times New Roman's metric twin, which prints vanthu's PDFs on Linux. vanthu
reads the table at run time (pipeline.rules.font_coverage), never the font files, so a machine
without the font gives the same answers. Run once when the font's version changes:
    python tools/font_coverage.py
The faces are found with fontconfig (`fc-list`); their cmap is read with fontTools when it is
installed, else with `fc-query --format '%{charset}'`.
"""

from __future__ import annotations

import subprocess
from functools import reduce
from pathlib import Path

FAMILY = "Liberation Serif"
STYLES = ("Regular", "Bold", "Italic", "Bold Italic")
MAJOR_VERSION = 2  # 2.x has ơ and ư (1.07 has not): the version CI installs (fonts-liberation2)
OUT = Path(__file__).resolve().parents[1] / "pipeline/rules/data/liberation-serif-coverage.txt"
RANGES_PER_LINE = 8


def faces() -> dict[str, tuple[Path, str]]:
    """Each style's font file and version ("2.1"), as fontconfig lists them."""
    listed = subprocess.run(
        ["fc-list", "--format", "%{file}|%{style[0]}|%{fontversion}\n", FAMILY],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    found: dict[str, tuple[Path, str]] = {}
    for line in listed.splitlines():
        file, style, version = line.split("|")
        number = int(version) / 65536  # 16.16 fixed point: 137625 is 2.1 (its 2.1.5)
        if style in STYLES and int(number) == MAJOR_VERSION:
            found[style] = (Path(file), f"{round(number, 3):g}")
    missing = [style for style in STYLES if style not in found]
    if missing:
        raise SystemExit(f"{FAMILY} {MAJOR_VERSION}.x not installed ({', '.join(missing)})")
    return found


def code_points(font: Path) -> set[int]:
    """The code points `font`'s cmap maps to a glyph."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        charset = subprocess.run(
            ["fc-query", "--format", "%{charset}", str(font)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        return {point for item in charset.split() for point in _span(item)}
    return set(TTFont(font).getBestCmap())


def _span(item: str) -> range:
    """The code points of fontconfig's "20-7e" or "a0"."""
    first, _, last = item.partition("-")
    return range(int(first, 16), int(last or first, 16) + 1)


def ranges(points: set[int]) -> list[str]:
    """`points` as sorted ranges of hexadecimal code points: "20-7e", "2105"."""
    spans: list[list[int]] = []
    for point in sorted(points):
        if spans and spans[-1][1] == point - 1:
            spans[-1][1] = point
        else:
            spans.append([point, point])
    return [f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in spans]


def main() -> None:
    found = faces()
    held = reduce(set.intersection, (code_points(path) for path, _ in found.values()))
    versions = sorted({version for _, version in found.values()})
    spans = ranges(held)
    lines = [
        f"# Characters every face of {FAMILY} {'/'.join(versions)} ({', '.join(STYLES)}) holds:",
        "# code points in hexadecimal, a range as first-last. From the files",
        f"# {', '.join(path.name for path, _ in found.values())}",
        "# by tools/font_coverage.py: run it again rather than edit by hand.",
        *(" ".join(spans[i : i + RANGES_PER_LINE]) for i in range(0, len(spans), RANGES_PER_LINE)),
    ]
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{OUT}: {len(held)} characters in {len(spans)} ranges")


if __name__ == "__main__":
    main()
