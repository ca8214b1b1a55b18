"""Sizes said in a message: a number of bytes as people read it, in the message's language."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.i18n import current_language

_UNITS = ("KB", "MB", "GB", "TB")


@dataclass(frozen=True)
class Size:
    """`count` bytes as a message parameter: "3,5 MB" in Vietnamese, "3.5 MB" in English (one
    decimal below 10 of a unit, none above), so that a clerk told there is too little room
    knows how much there is and how much to free."""

    count: int

    def describe(self, lang: str | None = None) -> str:
        value = float(max(self.count, 0))
        vietnamese = (lang or current_language()) == "vi"
        if value < 1024:
            return f"{int(value)} byte" if vietnamese else f"{int(value)} bytes"
        index = 0
        value /= 1024
        while value >= 1024 and index < len(_UNITS) - 1:
            value /= 1024
            index += 1
        unit = _UNITS[index]
        text = f"{value:.1f}".removesuffix(".0") if value < 10 else f"{value:.0f}"
        if vietnamese:
            text = text.replace(".", ",")
        return f"{text} {unit}"

    def __str__(self) -> str:
        return self.describe()
