"""The register's errors: subclasses of the project's one hierarchy (pipeline/errors.py)."""

from __future__ import annotations

from typing import Any

from pipeline.errors import InputError, VanthuError


class RegisterError(VanthuError):
    """The register cannot do what was asked: cannot be opened, number unknown, refused."""


class DuplicateNumberError(RegisterError):
    """A typed number that the register already holds; names the row that has it."""

    def __init__(self, key: str, /, *, existing: Any, **params: Any) -> None:
        super().__init__(key, existing=existing.describe(), **params)
        self.existing = existing
        self.index: int | None = None


class RegisterImportError(InputError):
    """An existing register (.xlsx) with bad rows: every problem, each with its sheet and row."""

    def __init__(self, errors: list[InputError], *, file: str) -> None:
        first = errors[0]
        super().__init__(
            "register.import_failed",
            file=file,
            count=len(errors),
            first=first.message(),
        )
        self.errors = errors
