"""The build on a terminal: rich's progress bar while it runs."""

from __future__ import annotations

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
from rich.text import Text

from pipeline.batch.result import DocumentResult
from pipeline.i18n import t


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
