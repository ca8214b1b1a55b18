"""What verify found: violations with their place, rule, found and expected values; text and JSON.

Values stay message references (key + parameters) until shown, so the same report prints in
Vietnamese or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline.errors import VanthuError, said
from pipeline.i18n import t

EXCERPT_CHARS = 40


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first words of a text, on one line, cut with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Location:
    """Where a violation is: a paragraph, a table cell, a section, a header/footer, the file."""

    kind: str  # "paragraph" | "cell" | "table" | "section" | "part" | "document"
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    section: int | None = None
    part: str | None = None
    excerpt: str = ""

    def with_excerpt(self, text: str) -> Location:
        return replace(self, excerpt=excerpt(text))

    def describe(self, lang: str | None = None) -> str:
        """'đoạn 12 «Thực hiện Kế hoạch…»', 'bảng 1, hàng 1, ô 2, đoạn 1 «…»', 'phần 2'."""
        if self.kind == "section":
            return t("verify.loc.section", lang=lang, section=self.section)
        if self.kind == "document":
            return t("verify.loc.document", lang=lang)
        if self.kind == "table":
            return t("verify.loc.table", lang=lang, table=self.table)
        if self.kind == "cell":
            place = t(
                "verify.loc.cell",
                lang=lang,
                table=self.table,
                row=self.row,
                column=self.column,
                paragraph=self.paragraph,
            )
        elif self.kind == "part":
            place = t("verify.loc.part", lang=lang, part=self.part, paragraph=self.paragraph)
        else:
            place = t("verify.loc.paragraph", lang=lang, paragraph=self.paragraph)
        return f"{place} «{self.excerpt}»" if self.excerpt else place

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


DOCUMENT = Location("document")  # the file as a whole: what is missing from it


@dataclass(frozen=True)
class Msg:
    """A value shown to people: a message key with parameters, or a literal text."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str | None = None) -> str:
        """The value in a language."""
        # a Phrase param (a legacy code's name, pipeline.text.legacy) says itself in `lang` too
        params = {
            k: (v.render(lang) if isinstance(v, Msg) else said(v, lang)) for k, v in self.params
        }
        return t(self.key, lang=lang, **params)


def msg(key: str, **params: Any) -> Msg:
    """A message reference: msg('verify.v.size', size=12)."""
    return Msg(f"verify.v.{key}", tuple(sorted(params.items())))


def literal(text: str) -> Msg:
    """Text taken from the document, shown as it is (quoted, on one line)."""
    return msg("quoted", text=excerpt(text, 80))


@dataclass(frozen=True)
class Violation:
    """One rule a document breaks, at one place."""

    rule: str
    where: Location
    found: Msg
    expected: Msg

    def describe_rule(self, lang: str | None = None) -> str:
        return t(f"verify.rule.{self.rule}", lang=lang)

    def line(self, lang: str | None = None, *, warning: bool = False) -> str:
        """The violation (or, `warning`, what is only pointed out) as one line of text."""
        return t(
            "verify.warning_line" if warning else "verify.line",
            lang=lang,
            where=self.where.describe(lang),
            rule=self.rule,
            description=self.describe_rule(lang),
            found=self.found.render(lang),
            expected=self.expected.render(lang),
        )

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "description": self.describe_rule(lang),
            "where": self.where.to_dict(),
            "location": self.where.describe(lang),
            "found": self.found.render(lang),
            "expected": self.expected.render(lang),
        }


@dataclass
class Report:
    """Everything verify found in one file."""

    path: Path
    doc_type: str | None = None  # code of the document type checked against (ke_hoach, ...)
    template: bool = False
    violations: list[Violation] = field(default_factory=list)
    # What may be meant and is only pointed out: it does not fail the file.
    warnings: list[Violation] = field(default_factory=list)
    # Why the file could not be checked at all (not found, not a .docx): no rule ran on it.
    error: VanthuError | None = None

    @classmethod
    def unreadable(cls, path: Path, error: VanthuError, *, template: bool = False) -> Report:
        """The report of a file that could not be read: its error, nothing checked."""
        return cls(path, None, template, error=error)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.violations

    @property
    def rules(self) -> set[str]:
        """Ids of the rules that failed."""
        return {v.rule for v in self.violations}

    def add(self, rule: str, where: Location, found: Msg, expected: Msg) -> None:
        """Record one violation."""
        self.violations.append(Violation(rule, where, found, expected))

    def warn(self, rule: str, where: Location, found: Msg, expected: Msg) -> None:
        """Record something to point out that does not fail the file."""
        self.warnings.append(Violation(rule, where, found, expected))

    def format_text(self, lang: str | None = None) -> str:
        """One line per violation, then per warning, prefixed by the file; a summary line.

        A file that could not be read: one error line naming it, as the CLI writes errors.
        """
        if self.error is not None:
            return f"{t('common.error', lang=lang)}: {self.error.message(lang)}"
        lines = [f"{self.path}: {v.line(lang)}" for v in self.violations]
        lines += [f"{self.path}: {w.line(lang, warning=True)}" for w in self.warnings]
        if self.ok and self.warnings:
            lines.append(
                t("verify.summary_ok_warnings", lang=lang, path=self.path, count=len(self.warnings))
            )
        elif self.ok:
            lines.append(t("verify.summary_ok", lang=lang, path=self.path))
        else:
            lines.append(
                t("verify.summary_fail", lang=lang, path=self.path, count=len(self.violations))
            )
        return "\n".join(lines)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": str(self.path),
            "type": self.doc_type,
            "template": self.template,
            "ok": self.ok,
            "violations": [v.to_dict(lang) for v in self.violations],
            "warnings": [w.to_dict(lang) for w in self.warnings],
        }
        if self.error is not None:
            data["error"] = self.error.message(lang)
        return data
