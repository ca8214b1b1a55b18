"""Ô 1 of every header, Quốc hiệu and Tiêu ngữ, and text measured in the style that sets it.

Kept apart from the document contexts so that what sizes the header (rules.metrics, the name
breaking of workspace.header_name) can measure them without importing every document kind.
"""

from __future__ import annotations

from datetime import date

from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import date_line
from pipeline.rules.metrics import Line

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
# The style the date line (ô 4) is set in, and a date of its widest form: every date line has
# a two-digit day and month (date_phrase: "ngày 05 tháng 01") and digits are alike in width.
DATE_STYLE = "DiaDanhNgay"
WIDEST_DATE = date(2026, 12, 28)


def styled_lines(styles: StyleSheet, text: str | None, style_id: str) -> tuple[Line, ...]:
    """Each line of `text` with the size and weight of the style it is set in."""
    run = styles.paragraph_style_run(style_id)
    return tuple((line, run.size or 13, bool(run.bold)) for line in (text or "").splitlines())


def quoc_hieu_lines(styles: StyleSheet) -> tuple[Line, ...]:
    """Ô 1 (Quốc hiệu and Tiêu ngữ) as the header's right column holds them."""
    return styled_lines(styles, QUOC_HIEU, "QuocHieu") + styled_lines(styles, TIEU_NGU, "TieuNgu")


def date_line_lines(styles: StyleSheet, place: str | None) -> tuple[Line, ...]:
    """Ô 4, the date line of `place` in its widest form, as the header's right column holds it
    under Quốc hiệu and Tiêu ngữ; none without a place."""
    return styled_lines(styles, date_line(place, WIDEST_DATE) if place else None, DATE_STYLE)
