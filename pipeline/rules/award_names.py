"""Tên danh hiệu, hình thức khen thưởng: matching the names users write against the data's.

Users write 'Danh hiệu "LAO ĐỘNG TIÊN TIẾN"', "Chiến sỹ thi đua cơ sở" or "Giấy khen của Giám đốc
Sở" for the data's "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở" and "Giấy khen": a comparison key
folds case, quotes, spacing and spelling, the data's tên khác and tiền tố cover the rest, and the
nearest known spelling is offered when nothing matches.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping

from pipeline.rules.money_types import Award, Regime
from pipeline.text.tones import TONE_MARKS, tones_last

_QUOTES = "\"'“”‘’«»„‟‹›`´"
# A lone y after a one-letter onset, its tone mark after it as tones_last leaves it: sỹ / sĩ.
_LONE_Y = re.compile(rf"(?<=\b[bcdđghklmnpqrstvx])y(?=[{TONE_MARKS}]*\b)")


@functools.lru_cache(maxsize=1 << 12)  # the same few award names, row after row
def name_key(name: str) -> str:
    """Comparison key of an award name: case, quotes, spaces, Unicode form and tone place folded."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = text.translate({ord(q): " " for q in _QUOTES})
    text = re.sub(r"\s*,\s*", ", ", " ".join(text.split())).strip(" ,.")
    # 'Danh hiệu "Lao động tiên tiến"' names the title itself.
    text = re.sub(r"^danh hiệu\s+", "", text)
    # After a one-letter onset a lone y/i vowel is spelled both ways (sỹ / sĩ, kỹ / kĩ).
    return _LONE_Y.sub("i", tones_last(text))


def display_name(name: str) -> str:
    """The name as the user wrote it, tidied for a message (NFC, single spaces, no quotes)."""
    return " ".join(unicodedata.normalize("NFC", name).split()).strip(_QUOTES + " ")


def name_index(regime: Regime) -> dict[str, Award]:
    """Every spelling (name and tên khác) of the regime's awards, by comparison key."""
    return {name_key(spelling): a for a in regime.awards for spelling in (a.name, *a.aliases)}


def match(
    key: str,
    regime: Regime,
    index: Mapping[str, Award],
    prefixes: Mapping[str, tuple[str, ...]],
) -> Award | None:
    """The award of `regime` whose spelling is `key`, or whose tiền tố (prefix) starts it."""
    if key in index:
        return index[key]
    for award in regime.awards:
        for prefix in prefixes.get(award.name, ()):
            if key.startswith(name_key(prefix) + " "):
                return award
    return None


def suggestion(key: str, awards: Iterable[Award]) -> str:
    """The known spelling closest to `key`, for 'did you mean'."""
    spellings = {name_key(s): s for a in awards for s in (a.name, *a.aliases)}
    best = difflib.get_close_matches(key, list(spellings), n=1, cutoff=0.0)
    return spellings[best[0]] if best else ""


def other_name(name: str, award: Award) -> str | None:
    """The award's other name (tên khác, as the data spells it) that `name` is, when the list
    names the award so: printed as the list names it ("Đơn vị quyết thắng" in an army unit's
    decision, "Bằng khen của Chủ tịch UBND tỉnh" in a province's), not as the decree's
    category ("Tập thể lao động xuất sắc", "Bằng khen của bộ, ban, ngành, tỉnh"); None when
    `name` is the award's own name in any spelling ("Chiến sỹ ..." prints "Chiến sĩ ...")."""
    key = name_key(name)
    if key == name_key(award.name):
        return None
    return next((alias for alias in award.aliases if name_key(alias) == key), None)


def office_award(name: str, aliases: Mapping[str, str]) -> tuple[str | None, str]:
    """The office's own name (as its profile spells it) and the decree's name to price it by.

    `aliases` is the profile's ten_khen_thuong: "Bằng khen của Chủ tịch UBND tỉnh" → "Bằng khen
    của bộ, ban, ngành, tỉnh". A name the table does not hold is the decree's name itself.
    """
    key = name_key(name)
    for office_name, decree_name in aliases.items():
        if name_key(office_name) == key:
            return office_name, decree_name
    return None, name
