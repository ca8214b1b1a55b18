"""How a message of `init_workspace` names an answer it asks for: as the caller gives it.

A library caller gives `OfficeAnswers(dia_danh=...)`, a clerk `vanthu init --dia-danh ...`. The
library's errors name its own parameters (`Parameter("dia_danh")` says `dia_danh=...`); the
CLI, which alone knows its flags, says them as flags when it reports the error
(workspace.command.said_as_flags), so neither caller is told to type what it cannot.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    """An answer named in a message (a parameter of it, said through `describe`): the
    OfficeAnswers field `name`, with the value to give it (`example`) or "..." for any;
    `flag` once the CLI names its option instead."""

    name: str
    example: str | None = None
    flag: str | None = None

    def describe(self, lang: str | None = None) -> str:
        """`dia_danh=...`, `co_quan_chu_quan='UBND TỈNH ...'`; with a flag, `--dia-danh ...`,
        `--chu-quan 'UBND TỈNH ...'` (quoted as a shell takes it). The same in every
        language: what is typed."""
        if self.flag is not None:
            value = "..." if self.example is None else shlex.quote(self.example)
            return f"--{self.flag} {value}"
        return f"{self.name}=" + ("..." if self.example is None else repr(self.example))
