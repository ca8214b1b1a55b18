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


_FILE_WIDTH = 400
_STATUS_STYLE = {Status.BUILT: "green", Status.UNCHANGED: "dim", Status.FAILED: "bold red"}


def result_table(result: BuildResult) -> Table:
    """Văn bản, trạng thái, kết quả, thời gian: one row per document built or failed (the
    unchanged ones are counted in the summary: a year of thousands stays readable)."""
    table = Table(show_edge=False, pad_edge=False)
    table.add_column(t("build.col_document"), overflow="fold")
    table.add_column(t("build.col_status"))
    table.add_column(t("build.col_output"), overflow="fold")
    table.add_column(t("build.col_time"), justify="right")
    for document in result.documents:
        if document.status is Status.UNCHANGED:
            continue
        outputs = [shown(p) for p in (document.output, document.pdf) if p is not None]
        table.add_row(
            document.name,
            Text(t(f"build.status_{document.status.value}"), style=_STATUS_STYLE[document.status]),
            "\n".join(outputs) or "—",
            f"{document.seconds:.2f} s" if document.status is not Status.UNCHANGED else "",
        )
    return table


def located(path: Path, message: str) -> str:
    """A document's problem, prefixed with the document unless the message starts with it.

    A problem in a spreadsheet names the spreadsheet; the prefix says which document read it.
    """
    return message if message.startswith(str(path)) else f"{path}: {message}"


def wide(console: Console) -> Console:
    """`console` itself on a terminal; elsewhere a console that keeps each table row on a line."""
    if console.is_terminal:
        return console
    return Console(file=console.file, width=_FILE_WIDTH, no_color=True, highlight=False)


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
        wide(console).print(result_table(result))
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
