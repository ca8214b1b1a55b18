"""What a build shows: a progress bar while it runs (on a terminal), a table when it ends."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from pipeline.batch.result import BuildResult, DocumentResult, Status
from pipeline.i18n import t
from pipeline.workspace import shown


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


class RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if speed is None:
            return Text("")
        return Text(t("build.rate", rate=f"{speed:.1f}"), style="progress.data.speed")


class ProgressBar:
    """A rich progress bar: done/total, documents per second, time remaining."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task: TaskID | None = None

    def start(self, total: int) -> None:
        """Show the bar for `total` documents."""
        self._task = self._progress.add_task(t("build.progress"), total=total)
        self._progress.start()

    def advance(self, document: DocumentResult) -> None:
        """One more document done."""
        if self._task is not None:
            self._progress.advance(self._task)

    def stop(self) -> None:
        """Remove the bar."""
        self._progress.stop()


_STATUS_STYLE = {Status.BUILT: "green", Status.UNCHANGED: "dim", Status.FAILED: "bold red"}


def _rows(result: BuildResult) -> list[tuple[DocumentResult, list[str]]]:
    """The table's rows: each document built or failed (the unchanged ones are counted in the
    summary: a year of thousands stays readable)."""
    rows = []
    for document in result.documents:
        if document.status is Status.UNCHANGED:
            continue
        outputs = [shown(p) for p in (document.output, document.pdf) if p is not None]
        cells = [
            document.name,
            t(f"build.status_{document.status.value}"),
            "\n".join(outputs) or "—",
            f"{document.seconds:.2f} s",
        ]
        rows.append((document, cells))
    return rows


def _headings() -> list[str]:
    return [t(f"build.col_{c}") for c in ("document", "status", "output", "time")]


def result_table(result: BuildResult) -> Table:
    """Văn bản, trạng thái, kết quả, thời gian: one row per document built or failed."""
    table = Table(show_edge=False, pad_edge=False)
    document_column, status_column, output_column, time_column = _headings()
    table.add_column(document_column, overflow="fold")
    table.add_column(status_column)
    table.add_column(output_column, overflow="fold")
    table.add_column(time_column, justify="right")
    for document, (name, status, outputs, seconds) in _rows(result):
        table.add_row(name, Text(status, style=_STATUS_STYLE[document.status]), outputs, seconds)
    return table


def plain_table(result: BuildResult) -> str:
    """The same table as plain text, one line per row, for a file or a pipe.

    Written by hand because rich lays out a table of thousands of rows in about a millisecond
    per row, as long as the rest of a build that renders them.
    """
    rows = [[cell.replace("\n", ", ") for cell in cells] for _, cells in _rows(result)]
    headings = _headings()
    widths = [max(len(r[i]) for r in [headings, *rows]) for i in range(len(headings))]

    def line(cells: list[str]) -> str:
        *left, last = cells
        padded = [c.ljust(w) for c, w in zip(left, widths[:-1], strict=True)]
        return " │ ".join([*padded, last.rjust(widths[-1])])

    rule = "─┼─".join("─" * w for w in widths)
    return "\n".join([line(headings), rule, *(line(r) for r in rows)])


def located(path: Path, message: str) -> str:
    """A document's problem, prefixed with the document unless the message starts with it.

    A problem in a spreadsheet names the spreadsheet; the prefix says which document read it.
    """
    return message if message.startswith(str(path)) else f"{path}: {message}"


def print_report(result: BuildResult, console: Console) -> None:
    """The closing table and summary on `console`; every problem on stderr, one line each."""
    prefix = t("common.error")
    if result.stopped:
        for path, message in result.invalid:
            click.echo(f"{prefix}: {located(path, message)}", err=True)
        click.echo(t("build.stopped", count=len(result.invalid)), err=True)
        return
    if not result.documents:
        console.print(t("build.nothing"))
        return
    if result.count(Status.UNCHANGED) < len(result.documents):
        if console.is_terminal:
            console.print(result_table(result))
        else:
            click.echo(plain_table(result), file=console.file)
    console.print(
        t(
            "build.summary",
            built=result.count(Status.BUILT),
            unchanged=result.count(Status.UNCHANGED),
            failed=result.count(Status.FAILED),
            seconds=f"{result.seconds:.1f}",
        )
    )
    for document in result.failed:
        click.echo(f"{prefix}: {located(document.input, document.error or '')}", err=True)
