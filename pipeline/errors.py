"""One exception hierarchy; every error carries a message for people, never a traceback.

Messages are looked up in the catalogue (pipeline/messages.py) at display time, so the same
error prints in Vietnamese or English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.i18n import t
from pipeline.paths import shown


class VanthuError(Exception):
    """Base of every error vanthu reports to a user."""

    exit_code = 1

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(key)

    def detail(self, lang: str | None = None) -> str:
        """The message itself, without location."""
        return t(self.key, lang=lang, **{k: said(v, lang) for k, v in self.params.items()})

    def location(self, lang: str | None = None) -> str:
        """Where the problem is ('' when nowhere in particular)."""
        return ""

    def message(self, lang: str | None = None) -> str:
        where = self.location(lang)
        return f"{where}: {self.detail(lang)}" if where else self.detail(lang)

    def __str__(self) -> str:
        return self.message()


def said(value: Any, lang: str | None) -> Any:
    """A param or place in `lang` when it can say itself in several (render.phrase.Phrase)."""
    describe = getattr(value, "describe", None)
    return describe(lang) if callable(describe) else value


# A message's parameter, said through describe(); never compared nor printed: no __eq__ nor
# __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Said:
    """An error's own words as a parameter of another message (one error said inside another),
    said in the language that message is asked in: its detail, or with `located` its whole
    message, place first."""

    error: VanthuError
    located: bool = False

    def describe(self, lang: str | None = None) -> str:
        words = self.error.message(lang) if self.located else self.error.detail(lang)
        return words.rstrip(" .")


class InputError(VanthuError):
    """Bad input data: carries the file, the line (or sheet and row) and the field."""

    def __init__(
        self,
        key: str,
        /,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        **params: Any,
    ) -> None:
        super().__init__(key, **params)
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column
        self.field = field
        self.sheet = sheet
        self.row = row

    def location(self, lang: str | None = None) -> str:
        parts: list[str] = []
        if self.file:
            # As the documents are named: relative to the working folder when inside it (a
            # list's path is resolved, the data file's as the clerk typed it).
            parts.append(shown(Path(self.file)))
        if self.sheet:
            parts.append(t("loc.sheet", lang=lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(t("loc.row", lang=lang, row=self.row))
        if self.line is not None:
            parts.append(t("loc.line", lang=lang, line=self.line))
        if self.column is not None and self.row is None:
            parts.append(t("loc.column", lang=lang, column=self.column))
        if self.field:
            parts.append(t("loc.field", lang=lang, field=self.field))
        return ", ".join(parts)

    def at(self, **where: Any) -> InputError:
        """The same error with location details filled in where they were missing."""
        for name, value in where.items():
            if getattr(self, name, None) is None and value is not None:
                setattr(self, name, str(value) if name == "file" else value)
        return self


class TemplateError(VanthuError):
    """A template that cannot be prepared or rendered: carries the template and the place in it."""

    def __init__(
        self, key: str, /, *, template: str | None = None, where: object = None, **params: Any
    ) -> None:
        super().__init__(key, **params)
        self.template = template
        self.where = where  # a str, or a place that can `describe(lang)` itself

    def location(self, lang: str | None = None) -> str:
        return ", ".join(p for p in (self.template, said(self.where, lang)) if p)


class RenderError(VanthuError):
    """A document that could not be produced or written."""


class ConversionError(VanthuError):
    """PDF conversion failed or LibreOffice is missing."""


class UsageError(VanthuError):
    """Options that contradict each other or the inputs (an -o that cannot hold the outputs)."""

    exit_code = 2
