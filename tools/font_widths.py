"""Regenerate pipeline/rules/data/times-widths.json from Liberation Serif.

Liberation Serif has the advance widths of Times New Roman, so line lengths measured with these
widths are the ones Word and LibreOffice lay out. Run once when the table needs more characters:
    pip install fonttools && python tools/font_widths.py
"""

from __future__ import annotations

import json
import string
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")  # 2.x: it has ơ and ư (1.07 has not)
STYLES = {"regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf"}
VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯ"
CHARS = string.ascii_letters + string.digits + string.punctuation + " " + VIETNAMESE


def main() -> None:
    table: dict[str, dict[str, float]] = {}
    for style, file_name in STYLES.items():
        font = TTFont(FONT_DIR / file_name)
        units = font["head"].unitsPerEm
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths = {}
        for char in CHARS:
            glyph = cmap.get(ord(unicodedata.normalize("NFC", char)))
            if glyph:
                widths[char] = round(hmtx[glyph][0] / units, 4)
        table[style] = widths
    out = Path(__file__).resolve().parents[1] / "pipeline/rules/data/times-widths.json"
    out.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
