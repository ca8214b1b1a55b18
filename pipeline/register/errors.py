"""The register's errors: subclasses of the project's one hierarchy (pipeline/errors.py)."""

from __future__ import annotations

from typing import Any

from pipeline.errors import InputError, VanthuError
from pipeline.i18n import t


class RegisterError(VanthuError):
    """The register cannot do what was asked: cannot be opened, number unknown, refused."""


class PostgresError(RegisterError):
    """A PostgreSQL register that cannot be used (unreadable URL, server not reached, missing
    rights): PostgreSQL's own reason, already rid of the password, labelled as its own."""

    def __init__(self, key: str, /, *, driver: str | None = None, **params: Any) -> None:
        super().__init__(key, **params)
        self.driver = driver
        # What the driver's reason means for a clerk, in the catalogue's words (cause_key).
        self.cause = cause_key(driver or "")

    def detail(self, lang: str | None = None) -> str:
        # Composed at display time, as every message, so that --lang applies to each part.
        said_by = (
            t("register.postgres_detail", lang=lang, reason=self.driver) if self.driver else ""
        )
        text = t(self.key, lang=lang, **self.params, driver=said_by)
        return f"{text}. {t(self.cause, lang=lang)}" if self.cause else text


# libpq's words (English, whatever the server's language) for the causes a clerk meets most,
# and the catalogue entry saying each: server not running or not reached, wrong password,
# unknown user, missing database.
_CAUSES = (
    ("password authentication failed", "register.pg_cause_password"),
    ("role \"", "register.pg_cause_role"),
    ("database \"", "register.pg_cause_database"),
    ("connection refused", "register.pg_cause_not_running"),
    ("no such file or directory", "register.pg_cause_not_running"),
    ("could not translate host name", "register.pg_cause_host"),
    ("name or service not known", "register.pg_cause_host"),
)


def cause_key(reason: str) -> str | None:
    """The catalogue key explaining PostgreSQL's `reason` (a connection that failed), None
    when it is none of the common causes (the reason is shown as PostgreSQL gives it)."""
    lowered = reason.lower()
    for words, key in _CAUSES:
        if words in lowered and (not words.endswith('"') or "does not exist" in lowered):
            return key
    return None


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


class UnknownOfficeError(RegisterError):
    """An office id (--co-quan) that is neither an agency profile nor in the register: names
    the value, the known ids and, when one is close, the id it was probably meant to be."""

    def __init__(
        self, key: str, /, *, value: str, known: list[str], suggestion: str | None, **params: Any
    ) -> None:
        super().__init__(key, value=value, known=", ".join(known), **params)
        self.value, self.known, self.suggestion = value, known, suggestion

    def detail(self, lang: str | None = None) -> str:
        # Composed at display time, as every message, so that --lang applies to each part.
        hint = t("data.did_you_mean", lang=lang, name=self.suggestion) if self.suggestion else ""
        listed = (
            t("register.office_known", lang=lang, known=", ".join(self.known))
            if self.known
            else t("register.office_none_known", lang=lang)
        )
        return t(self.key, lang=lang, **self.params, hint=hint, listed=listed)
