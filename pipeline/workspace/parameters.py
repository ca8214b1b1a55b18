"""How a message of `init_workspace` names an answer it asks for: as the caller gives it.

A library caller gives `OfficeAnswers(dia_danh=...)`, a clerk `vanthu init --dia-danh ...`. The
library's errors name its own parameters (`Parameter("dia_danh")` says `dia_danh=...`); the
CLI, which alone knows its flags, says them as flags when it reports the error
(workspace.command.said_as_flags), so neither caller is told to type what it cannot. A choice of
answers (`Parameters`) and a message inside another (`Hint`) carry their answers to be said the
same way.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import said
from pipeline.i18n import t

# Each answer of init_workspace (an OfficeAnswers field) with the option of `vanthu init` that
# gives it: what a clerk is told to add when the library names the answer it lacks
# (command.said_as_flags), and, but for the kind chosen among the presets, what is typed.
OPTIONS = {"kieu": "kieu", "dia_danh": "dia-danh", "nguoi_ky": "nguoi-ky", "pho": "pho",
           "ten_co_quan": "co-quan", "ten_day_du": "ten-day-du",
           "co_quan_chu_quan": "chu-quan", "viet_tat": "viet-tat"}  # fmt: skip
# The answers typed or pasted as text (all but kieu, a choice): those a legacy font may have
# garbled (init.refuse_legacy_answers), in the order they are checked.
TYPED_ANSWERS = tuple(name for name in OPTIONS if name != "kieu")


@dataclass(frozen=True)
class Parameter:
    """An answer named in a message (a parameter of it, said through `describe`): the
    OfficeAnswers field (or init_workspace keyword) `name`, with the value to give it
    (`example`) or "..." for any; `switch` for an on/off one (force), given without a value as
    a flag; `flag` once the CLI names its option instead."""

    name: str
    example: str | None = None
    flag: str | None = None
    switch: bool = False
    # The catalogue key of the question `vanthu init` asked at its terminal for an answer typed
    # there (ws.ask.dia_danh): the answer is then said as that question's, not as a flag.
    question: str | None = None

    def describe(self, lang: str | None = None) -> str:
        """`dia_danh=...`, `co_quan_chu_quan='UBND TỈNH ...'`, `force=True`; with a flag,
        `--dia-danh ...`, `--chu-quan 'UBND TỈNH ...'` (quoted as a shell takes it), `--force`.
        The same in every language: what is typed. An answer to a question: the answer and
        the question, in `lang`."""
        if self.question is not None:
            return t("ws.answer_to", lang=lang, value=self.example or "",
                     question=t(self.question, lang=lang, kinds=""))  # fmt: skip
        if self.flag is not None:
            if self.switch:
                return f"--{self.flag}"
            value = "..." if self.example is None else shlex.quote(self.example)
            return f"--{self.flag} {value}"
        if self.switch:
            return f"{self.name}=True"
        return f"{self.name}=" + ("..." if self.example is None else repr(self.example))


@dataclass(frozen=True)
class Parameters:
    """Answers any one of which will do (kieu='phong' or kieu='so-nganh'), said joined by the
    catalogue's "or" in the language of the message."""

    choices: tuple[Parameter, ...]

    def describe(self, lang: str | None = None) -> str:
        return t("value.or", lang=lang).join(choice.describe(lang) for choice in self.choices)


@dataclass(frozen=True)
class Hint:
    """A catalogue message said inside another (a hint of what else to do), in that message's
    language, its answers (Parameter, Parameters) said as the caller gives them; `cli_key` its
    words for `vanthu init` when they differ from a library caller's (a pointer to --help),
    used once the CLI sets `cli`."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    cli_key: str | None = None
    cli: bool = False

    def describe(self, lang: str | None = None) -> str:
        return _say(self.cli_key if self.cli and self.cli_key else self.key, lang, self.params)


def _say(key: str, lang: str | None, params: Mapping[str, Any]) -> str:
    """The catalogue message `key` in `lang`, each of its params said in that language."""
    return t(key, lang=lang, **{name: said(value, lang) for name, value in params.items()})


# The kinds of the office that does the work of a gone level's from 01/07/2025: a UBND xã, or a
# phòng of one; said as the caller gives them (kieu='ubnd-xa' ...; vanthu init --kieu ubnd-xa).
# Named by `vanthu init`'s note and `vanthu new`'s (starters) alike.
PRESENT_OFFICE = Hint(
    "ws.present_office",
    {"xa": Parameter("kieu", "ubnd-xa"), "phong": Parameter("kieu", "phong"),
     "chu_quan": Parameter("co_quan_chu_quan", "ỦY BAN NHÂN DÂN XÃ ...")},
    cli_key="ws.present_office_cli",
)  # fmt: skip


class Note(str):
    """A message init_workspace returns rather than raises (NewWorkspace.notes), kept with its
    key, params and language so that `vanthu init` can say its answers as flags
    (command.said_as_flags); as a str, said for a library caller in `lang`."""

    key: str
    params: dict[str, Any]
    lang: str | None

    def __new__(cls, key: str, /, lang: str | None = None, **params: Any) -> Note:
        note = super().__new__(cls, _say(key, lang, params))
        note.key, note.params, note.lang = key, params, lang
        return note

    def describe(self, lang: str | None = None) -> str:
        return _say(self.key, lang or self.lang, self.params)
