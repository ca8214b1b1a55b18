"""What a build shows: a table of the documents built or failed and a summary when it ends.

On a terminal a progress bar runs meanwhile (pipeline.batch.terminal) and the table is rich's;
in a file or a pipe the table is plain text, and rich is not imported (it is much of a small
build's start-up).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from pipeline.batch.result import BuildResult, DocumentResult, Status
from pipeline.i18n import t
from pipeline.text.listing import SHARED_NAMED, first_named, said_once
from pipeline.workspace import shown

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


class Reporter(Protocol):
    """Told when rendering starts, as each document finishes, and when it stops."""

    def start(self, total: int) -> None: ...

    def advance(self, document: DocumentResult) -> None: ...

    def stop(self) -> None: ...


class SilentReporter:
    """Shows nothing (not a terminal, or a library caller)."""

    def start(self, total: int) -> None:
        """Nothing to show."""

    def advance(self, document: DocumentResult) -> None:
        """Nothing to show."""

    def stop(self) -> None:
        """Nothing to show."""


def table_rows(result: BuildResult) -> list[tuple[DocumentResult, list[str]]]:
    """The table's rows: each document built or failed, each old output removed or kept (the
    unchanged ones are counted in the summary: a year of thousands stays readable)."""
    rows = []
    here = os.getcwd()
    said: dict[Status, str] = {}  # each status in words, once
    for document in result.documents:
        status = document.status
        if status is Status.UNCHANGED:
            continue
        outputs = [shown(p, here) for p in (document.output, document.pdf) if p is not None]
        words = said.get(status)
        if words is None:
            words = said[status] = t(f"build.status_{status.value}")
        cells = [document.name, words, "\n".join(outputs) or "—", f"{document.seconds:.2f} s"]
        rows.append((document, cells))
    return rows


def table_headings() -> list[str]:
    """The table's column headings, in the build's language."""
    return [t(f"build.col_{c}") for c in ("document", "status", "output", "time")]


_STATUS_STYLE = {
    Status.BUILT: "green",
    Status.UNCHANGED: "dim",
    Status.FAILED: "bold red",
    Status.REMOVED: "yellow",
    Status.KEPT: "bold yellow",
}


def result_table(result: BuildResult) -> Table:
    """Văn bản, trạng thái, kết quả, thời gian: one row per document built or failed (rich's
    table, for a terminal: imported only then)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False)
    document_column, status_column, output_column, time_column = table_headings()
    table.add_column(document_column, overflow="fold")
    table.add_column(status_column)
    table.add_column(output_column, overflow="fold")
    table.add_column(time_column, justify="right")
    for document, (name, status, outputs, seconds) in table_rows(result):
        table.add_row(name, Text(status, style=_STATUS_STYLE[document.status]), outputs, seconds)
    return table


def plain_table(result: BuildResult) -> str:
    """The same table as plain text, one line per row, for a file or a pipe.

    Written by hand because rich lays out a table of thousands of rows in about a millisecond
    per row, as long as the rest of a build that renders them.
    """
    return "\n".join(plain_lines(result))


def plain_lines(result: BuildResult) -> Iterator[str]:
    """plain_table's lines, one at a time."""
    rows = [[cell.replace("\n", ", ") for cell in cells] for _, cells in table_rows(result)]
    headings = table_headings()
    widths = [max(len(r[i]) for r in [headings, *rows]) for i in range(len(headings))]

    # Each cell padded to its column's width (as str.ljust, the last one as str.rjust) by one
    # format for every line, rather than a padding call a cell.
    line = " │ ".join([*(f"{{:<{w}}}" for w in widths[:-1]), f"{{:>{widths[-1]}}}"]).format
    yield line(*headings)
    yield "─┼─".join("─" * w for w in widths)
    for row in rows:
        yield line(*row)


# Lines of the plain table written at once: a year's table is never one string (nor its
# encoded copy), each of them a block of the build's peak RSS (at 5,000 documents, 0.7 MB).
_LINES_AT_ONCE = 256


def located(path: Path, message: str) -> str:
    """A document's problem, prefixed with the document unless the message starts with it.

    A problem in a spreadsheet names the spreadsheet; the prefix says which document read it.
    The document is named as its messages name it: relative to the working folder when inside
    it (shown), as typed otherwise.
    """
    name = shown(path)
    if message.startswith((name, str(path))):
        return message
    return f"{name}: {message}"


# The summary line by whether it counts outputs kept (edited by hand) and removed ones: each
# count is said only when there is one, and together they add up to the build's documents.
_SUMMARY_KEYS = {
    (False, False): "build.summary",
    (False, True): "build.summary_removed",
    (True, False): "build.summary_kept",
    (True, True): "build.summary_kept_removed",
}


def summary(result: BuildResult) -> str:
    """The line that closes a build: how many documents were built, unchanged, kept as edited
    by hand, failed and removed, every document counted once."""
    kept, removed = result.count(Status.KEPT), result.count(Status.REMOVED)
    return t(
        _SUMMARY_KEYS[kept > 0, removed > 0],
        built=result.count(Status.BUILT),
        unchanged=result.count(Status.UNCHANGED),
        kept=kept,
        failed=result.count(Status.FAILED),
        removed=removed,
        seconds=f"{result.seconds:.1f}",
    )


def failures(documents: list[DocumentResult]) -> list[str]:
    """The failed documents' problems, one line each, except that a problem several documents
    share word for word (an output folder that cannot take their outputs: folder_error in
    pipeline.render.output) is said once, with how many documents it left unwritten and the
    first of them (text.listing.said_once): a read-only folder is one line, not one per
    document of the year."""
    lines: list[str] = []
    for document, group in said_once(documents, _problem, lambda d, _: not d.error):
        if len(group) == 1:
            lines.append(located(document.input, document.error or ""))
            continue
        names = first_named([shown(d.input) for d in group], SHARED_NAMED)
        lines.append(t("build.not_written_for", count=len(group), documents=names,
                       error=document.error))  # fmt: skip
    return lines


def _problem(document: DocumentResult) -> str:
    return document.error or ""


def print_report(result: BuildResult, console: Console | None = None) -> None:
    """The closing table and summary on stdout (`console`: a terminal's); every problem on
    stderr, one line each (one for the documents a problem shares: failures)."""
    prefix = t("common.error")
    if result.stopped and not result.invalid and result.failed:  # stopped: a folder unwritable
        for line in failures(result.failed):
            click.echo(f"{prefix}: {line}", err=True)
        click.echo(t("build.stopped_unwritten", count=len(result.failed)), err=True)
        return
    if result.stopped:
        for path, message in result.invalid:
            click.echo(f"{prefix}: {located(path, message)}", err=True)
        click.echo(t("build.stopped", count=len(result.invalid)), err=True)
        return
    say = console.print if console is not None else click.echo
    if not result.documents:
        say(t("build.nothing"))
        return
    if result.count(Status.UNCHANGED) < len(result.documents):
        if console is not None:
            console.print(result_table(result))
        else:
            lines = plain_lines(result)
            while chunk := list(islice(lines, _LINES_AT_ONCE)):
                click.echo("\n".join(chunk))
    say(summary(result))
    for document in result.kept:
        click.echo(f"{t('build.warning')}: {document.error or ''}", err=True)
    for line in failures(result.failed):
        click.echo(f"{prefix}: {line}", err=True)
