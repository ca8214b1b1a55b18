"""Worker processes that load and render documents, each with its own Renderer.

A pool initializer creates one Renderer per process, so each worker prepares a template once
and reuses it for every document of that type. Tasks never raise: they return the error
message (in the build's language), so one bad document cannot stop the others.

Workers are supervised (see pipeline/batch/supervise.py): they die with the build process,
even a killed one, and leave Ctrl-C to it; a Ctrl-C stops the workers at once and becomes
BuildInterrupted, one message and exit code 130.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from pipeline.api import Renderer
from pipeline.batch.supervise import BuildInterrupted, interrupts_held, start_worker, stop_now
from pipeline.errors import VanthuError
from pipeline.i18n import current_language, set_language, t
from pipeline.load.documents import LoadedDocument, load_document
from pipeline.render.output import write_atomic

T = TypeVar("T")
R = TypeVar("R")

_renderer: Renderer | None = None


def init_worker(templates_dir: Path, lang: str) -> None:
    """Pool initializer: the build's message language and one Renderer for this process."""
    global _renderer
    set_language(lang)
    _renderer = Renderer(templates_dir)


def _failure(exc: Exception) -> str:
    """A message for people, whatever went wrong."""
    if isinstance(exc, VanthuError):
        return exc.message()
    return t("build.internal_error", reason=f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class Loaded:
    """The outcome of loading one input: the document, or why it is invalid."""

    path: Path
    document: LoadedDocument | None = None
    error: str | None = None


def load_task(path: Path) -> Loaded:
    """Read and validate one input."""
    try:
        return Loaded(path, document=load_document(path))
    except Exception as exc:  # reported per document, never a traceback
        return Loaded(path, error=_failure(exc))


@dataclass(frozen=True)
class RenderJob:
    """One document to render and the .docx to write."""

    document: LoadedDocument
    output: Path


@dataclass(frozen=True)
class Rendered:
    """The outcome of rendering one document: the output's hash, or why it failed."""

    job: RenderJob
    sha256: str | None = None
    seconds: float = 0.0
    error: str | None = None


def render_task(job: RenderJob) -> Rendered:
    """Render one document and write its .docx atomically."""
    start = time.perf_counter()
    try:
        assert _renderer is not None, "init_worker was not called"
        data = _renderer.render(job.document)
        write_atomic(job.output, data)
        return Rendered(job, hashlib.sha256(data).hexdigest(), time.perf_counter() - start)
    except Exception as exc:  # reported per document, never a traceback
        return Rendered(job, seconds=time.perf_counter() - start, error=_failure(exc))


class Workers:
    """`jobs` worker processes, or this process itself when `jobs` is 1."""

    def __init__(self, jobs: int, templates_dir: Path) -> None:
        self.jobs = max(1, jobs)
        self.templates_dir = templates_dir
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        lang = current_language()
        if self.jobs == 1:
            init_worker(self.templates_dir, lang)
        else:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                initializer=start_worker,
                initargs=(os.getpid(), init_worker, (self.templates_dir, lang)),
            )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            if exc_type is None:
                pool.shutdown(wait=True, cancel_futures=True)
            else:  # Ctrl-C or an error: the documents still queued are not wanted
                stop_now(pool)
        if isinstance(exc, KeyboardInterrupt):
            raise BuildInterrupted() from None

    def run(
        self, task: Callable[[T], R], items: Iterable[T], lost: Callable[[T, str], R]
    ) -> Iterator[R]:
        """task(item) for every item, in the order they finish; `lost` stands in for a crash."""
        if self._pool is None:
            yield from map(task, items)
            return
        pool = self._pool
        with interrupts_held():  # the first submit starts the workers: none may see a Ctrl-C
            futures: dict[Future[R], T] = {pool.submit(task, item): item for item in items}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool as exc:  # a worker died (killed, out of memory)
                yield lost(futures[future], t("build.worker_lost", reason=str(exc)))
