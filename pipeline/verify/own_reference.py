"""The document's own Số, ký hiệu and date, as its header prints them; a decision cited by number
and date (in a '(... kèm theo Quyết định số ... ngày ...)' line, on a Giấy khen).

Read by the rule that every kèm theo line names the decision's own number and date
(rules_decision) and by `verify --so-dang-ky`, which looks them up in the register: one reading,
so that both find the same number and date in the same lines. Whether those lines have the
shape Phụ lục I asks for is rules_header's business; here they are only read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from pipeline.verify.layout_model import Layout, flat
from pipeline.verify.model import Paragraph

# "Số: 05/QĐ-UBND" → "05/QĐ-UBND" (the text is flat: single spaces, trimmed).
_NUMBER = re.compile(r"^Số\s*:\s*(?P<number>\S+)")
# "Sơn La, ngày 12 tháng 3 năm 2024" → 12, 3, 2024
_DATE = re.compile(r"ngày (?P<day>\d{1,2}) tháng (?P<month>\d{1,2}) năm (?P<year>\d{4})")
# "(Ban hành kèm theo Quyết định số 05/QĐ-UBND ngày 12 tháng 3 năm 2024 của ...)" under a
# decision's appendix, or a Giấy khen's "Quyết định số 01/QĐ-UBND ngày 15 tháng 10 năm 2024"
# (the default wording of the phrase giay_khen_quyet_dinh).
# A comma after the number ("Quyết định số 01/QĐ-UBND, ngày ...", an office's wording) is
# punctuation, not part of it.
_CITED_DECISION = re.compile(
    r"Quyết định số (?P<number>[^\s,;]+)[,;]? " + _DATE.pattern, re.IGNORECASE
)
# In the phôi's decision field, worded by the office ("Theo QĐ số 01/QĐ-UBND, ngày ..."): the
# number is the one word with a slash that starts with its digits.
_REFERENCE = re.compile(r"(?<!\S)(?P<number>\d+/[^\s,;()]*[^\s,;().])")


@dataclass(frozen=True)
class OwnDate:
    """The date line's date as written ('12 tháng 3 năm 2024') and as a date (None when no
    such day exists: 31 tháng 02)."""

    text: str
    value: date | None


def own_number(layout: Layout) -> str | None:
    """The Số, ký hiệu the document prints, None when its number line holds none."""
    if layout.so_ky_hieu is None:
        return None
    match = _NUMBER.match(flat(layout.so_ky_hieu.text))
    return match["number"] if match else None


def own_date(layout: Layout) -> OwnDate | None:
    """The date of the document's place-and-date line, None when it holds none."""
    if layout.dia_danh_ngay is None:
        return None
    match = _DATE.search(flat(layout.dia_danh_ngay.text))
    return _dated(match) if match is not None else None


@dataclass(frozen=True)
class CitedDecision:
    """A decision a paragraph names by number and date."""

    paragraph: Paragraph
    number: str
    dated: OwnDate


def cited_decisions(
    paragraphs: Iterable[Paragraph], field_style: str | None = None
) -> Iterator[CitedDecision]:
    """Each 'Quyết định số X ngày D' line (a kèm theo line; a Giấy khen prints its decision's on
    every page);
    in paragraphs of `field_style` (a phôi's decision field), any wording that holds a number
    and a date."""
    for paragraph in paragraphs:
        text = flat(paragraph.text)
        match = _CITED_DECISION.search(text)
        if match is not None:
            yield CitedDecision(paragraph, match["number"], _dated(match))
        elif field_style is not None and paragraph.style_id == field_style:
            number, dated = _REFERENCE.search(text), _DATE.search(text)
            if number is not None and dated is not None:
                yield CitedDecision(paragraph, number["number"], _dated(dated))


def _dated(match: re.Match[str]) -> OwnDate:
    day, month, year = (int(match[name]) for name in ("day", "month", "year"))
    try:
        value: date | None = date(year, month, day)
    except ValueError:
        value = None
    text = f"{match['day']} tháng {match['month']} năm {match['year']}"
    return OwnDate(text, value)
