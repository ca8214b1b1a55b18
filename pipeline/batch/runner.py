"""Worker processes that load, render and stage documents, each with its own Renderer.

A pool initializer gives each process the build's workspace (whose loader parses each file once
while it is unchanged) and one Renderer (each template prepared once). A task takes a few
documents: it loads them, renders them and stages each .docx beside its output (not yet in
place), and sends back only what the manifest will record: the build never holds the year's
documents in memory. Tasks never raise: they return each document's error message (in the
build's language), so one bad document cannot stop the others.

Workers are supervised (see pipeline/batch/supervise.py): they die with the build process,
even a killed one, and leave Ctrl-C to it; a Ctrl-C (or a SIGTERM, see stop_on_signals) stops
the workers at once and becomes BuildInterrupted, one message and exit code 130 (143).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from pipeline.api import Renderer
from pipeline.batch.discover import Layout
from pipeline.batch.document_entry import document_entry
from pipeline.batch.source_hashes import file_hashes, read_digest, source_hashes
from pipeline.batch.staged import Lender, Numbering, Staged, StageJob
from pipeline.batch.supervise import interrupted, interrupts_held, start_worker, stop_now
from pipeline.batch.template_hash import template_hash
from pipeline.errors import RenderError, VanthuError
from pipeline.gc_policy import fewer_collections
from pipeline.i18n import current_language, set_language, t
from pipeline.load.certificates import book_claim
from pipeline.load.contract import LoadedDocument, document_warnings
from pipeline.load.lists import loading_only
from pipeline.model.agency import Agency
from pipeline.register.documents import (
    register_details,
    typed_request,
    with_number,
)
from pipeline.render.output import stage
from pipeline.text.shared import same as _same
from pipeline.workspace import Workspace
from pipeline.workspace.profiles import office_warnings

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

_renderer: Renderer | None = None
_workspace: Workspace | None = None
# The documents this build rebuilds (resolved) while it keeps others unchanged, else None: what
# a list's reading finds of the file is then said by the first of them (lists.loading_only).
_rebuilt: frozenset[Path] | None = None
_template_hashes: dict[str, str] = {}
# The warnings of each agency profile a document of this build named (office_warnings), worked
# out once per profile in this process, where the profile is already parsed (the build process
# itself never loads the documents its workers build). Kept by the profile the loader gave the
# document (one object per profile file while the file is unchanged), with it: a document's
# profile is not found again (a path made, a stat, a resolve) to look its warnings up, and a
# profile edited and parsed again is another object, its warnings worked out anew.
_agency_warnings: dict[int, tuple[Agency, tuple[str, ...]]] = {}


def init_worker(workspace: Workspace, lang: str, rebuilt: frozenset[Path] | None = None) -> None:
    """Pool initializer: the build's message language, its workspace (whose loader parses each
    file once in this process), the documents it rebuilds when it keeps others (_rebuilt) and
    one Renderer for this process."""
    global _renderer, _workspace, _rebuilt
    set_language(lang)
    _rebuilt = rebuilt
    _agency_warnings.clear()  # a profile edited since an earlier build in this process
    _template_hashes.clear()  # a template edited since (a library caller's second build)
    if _workspace is workspace and _renderer is not None:
        return  # forked from the build process, which made them (see Workers.__enter__)
    _workspace = workspace
    _renderer = Renderer(workspace)


def _failure(exc: BaseException) -> str:
    """A message for people, whatever went wrong."""
    if isinstance(exc, VanthuError):
        return exc.message()
    return t("build.internal_error", reason=f"{type(exc).__name__}: {exc}")


@dataclass(slots=True)
class _Loaded:
    """A document loaded and ready to render, with what its manifest entry needs."""

    job: StageJob
    name: str
    document: LoadedDocument
    output: Path
    auto: bool  # its data says so: tu_dong (before the register's number was put in)
    seconds: float
    notes: tuple[str, ...] = ()  # what its render found worth a word (Renderer.render_noted)


def stage_batch(jobs: list[StageJob]) -> list[Staged]:
    """Load, render and stage a few inputs, one step at a time over all of them.

    Each step runs over the whole batch before the next: the same code and data stay in the
    processor's caches (measured: about a tenth of a build's time per document, most of it in
    rendering and writing). A batch is a few documents, a few dozen at most (chunk_size,
    handover_sizes), so memory stays flat. Each document keeps its own result and its own error.
    """
    assert _workspace is not None and _renderer is not None, "init_worker was not called"
    layout = Layout(_workspace)
    with loading_only(_rebuilt) if _rebuilt is not None else nullcontext():
        loaded = [_load(layout, job) for job in jobs]
    rendered = [_render(item) if isinstance(item, _Loaded) else item for item in loaded]
    return [_stage(layout, *item) if isinstance(item, tuple) else item for item in rendered]


def _load(layout: Layout, job: StageJob) -> _Loaded | Staged:
    """The document of one input, or what stops it here: invalid, or waiting for a number."""
    assert _workspace is not None
    start = time.perf_counter()
    path = job.path
    name = _same(layout.name_of(path))
    try:
        document = _workspace.load(path)
    except Exception as exc:  # reported per document, never a traceback
        return Staged(path, name, invalid=_failure(exc), seconds=time.perf_counter() - start)
    try:
        output = layout.output_for(document)
        auto = document.info.data.needs_number
        if auto and job.number is None:
            waiting = Numbering(document.info.data.co_quan, register_details(document),
                                layout.output_name(output))  # fmt: skip
            return Staged(path, name, numbering=waiting, seconds=time.perf_counter() - start,
                          read=_read(layout, document))
        if document.number_from is not None:
            lender = document.number_from
            source = layout.name_of(lender.path)
            if job.number is None:
                refusal = lender.not_numbered(source).message()
                waits = Lender(lender.agency, source, layout.output_name(output), refusal)
                return Staged(path, name, lender=waits, seconds=time.perf_counter() - start,
                              book=book_claim(document), read=_read(layout, document))
        if job.number is not None:
            document = with_number(document, job.number)
    except Exception as exc:  # reported per document, never a traceback
        return Staged(path, name, failed=_failure(exc), seconds=time.perf_counter() - start)
    return _Loaded(job, name, document, output, auto, time.perf_counter() - start)


def _read(layout: Layout, document: LoadedDocument) -> bytes:
    """The digest of the files a document waiting for its number was just loaded from: the
    hashes of the bytes the loader parsed (pipeline.load.read_log), no file read again."""
    return read_digest(file_hashes(layout, document)[0])


def _render(item: _Loaded) -> tuple[_Loaded, bytes] | Staged:
    """The .docx bytes of a loaded document, or its failure."""
    assert _renderer is not None
    start = time.perf_counter()
    try:
        # Rendered first: a template found nowhere is said as render_noted says it (at the
        # data file's mau: for a phôi), not as the hash's missing file.
        data, item.notes = _renderer.render_noted(item.document)
        template = item.document.template
        if template not in _template_hashes:
            _template_hashes[template] = template_hash(_renderer.engine.library, template)
    except Exception as exc:  # reported per document, never a traceback
        item.seconds += time.perf_counter() - start
        return Staged(item.job.path, item.name, failed=_failure(exc), seconds=item.seconds)
    item.seconds += time.perf_counter() - start
    return item, data


def _stage(layout: Layout, item: _Loaded, data: bytes) -> Staged:
    """The rendered .docx written beside its output, with its manifest entry."""
    assert _renderer is not None
    start = time.perf_counter()
    document, path = item.document, item.job.path
    try:
        inputs, read_stamps = source_hashes(layout, document)
        if item.job.read is not None and read_digest(inputs) != item.job.read:
            # Saved again since the first stage described it to the register: printed now, it
            # would show what its register row does not (another date, another trích yếu),
            # for good. Not written; its number stays its own for the next build.
            seconds = item.seconds + time.perf_counter() - start
            failed = RenderError("build.changed_while_building").message()
            return Staged(path, item.name, failed=failed, seconds=seconds, unwritten=True,
                          saved_meanwhile=True)
        entry = document_entry(
            layout, document, data, inputs=inputs, output=layout.output_name(item.output),
            template_sha256=_template_hashes[document.template], auto=item.auto,
        )  # fmt: skip
        typed = typed_request(document, item.name) if not item.auto else None
        profile = _office_warnings(layout, document)
    except Exception as exc:  # reported per document, never a traceback
        seconds = item.seconds + time.perf_counter() - start
        return Staged(path, item.name, failed=_failure(exc), seconds=seconds)
    try:
        staged = os.fspath(stage(item.output, data))
    except RenderError as exc:  # its output folder (read-only, full): a retry may reuse its number
        seconds = item.seconds + time.perf_counter() - start
        return Staged(path, item.name, failed=exc.message(), seconds=seconds, unwritten=True)
    seconds = item.seconds + time.perf_counter() - start
    # Of a request, its columns alone: Staged.typed makes it again of the entry's office and
    # number (the data's own, as typed_request's) and the document's name.
    return Staged(path, item.name, entry, staged, seconds=seconds, read_stamps=read_stamps,
                  typed_details=typed.details if typed is not None else None,
                  warnings=(*document_warnings(document), *item.notes), office_warnings=profile)


def _office_warnings(layout: Layout, document: LoadedDocument) -> tuple[str, ...]:
    """office_warnings of the document's agency profile, once per profile the loader gave."""
    assert _renderer is not None
    agency = document.info.agency
    known = _agency_warnings.get(id(agency))
    if known is None or known[0] is not agency:
        found = office_warnings(layout.workspace, document, _renderer.styles, {})
        known = _agency_warnings[id(agency)] = (agency, found)
    return known[1]


class Workers:
    """`jobs` worker processes, or this process itself when `jobs` is 1."""

    def __init__(
        self, jobs: int, workspace: Workspace, rebuilt: frozenset[Path] | None = None
    ) -> None:
        self.jobs = max(1, jobs)
        self.workspace = workspace
        self.rebuilt = rebuilt  # see _rebuilt
        self._pool: ProcessPoolExecutor | None = None
        self._restore = ExitStack()  # what __enter__ changed, undone by __exit__

    def __enter__(self) -> Workers:
        with ExitStack() as stack:
            stack.enter_context(fewer_collections())  # forked workers start with it too
            lang = current_language()
            # Made here even for several workers: where workers are forked (Linux) they start
            # with the renderer, its modules and the workspace's loader ready instead of each
            # importing and preparing them again, which at a few hundred documents is much of
            # the work.
            init_worker(self.workspace, lang, self.rebuilt)
            if self.jobs > 1:
                # Imported here: multiprocessing is for several workers, not a build of one job.
                from concurrent.futures import ProcessPoolExecutor

                self._pool = ProcessPoolExecutor(
                    max_workers=self.jobs,
                    initializer=start_worker,
                    initargs=(os.getpid(), init_worker, (self.workspace, lang, self.rebuilt)),
                )
            self._restore = stack.pop_all()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        pool, self._pool = self._pool, None
        with self._restore:
            if pool is not None:
                if exc_type is None:
                    pool.shutdown(wait=True, cancel_futures=True)
                else:  # Ctrl-C or an error: the documents still queued are not wanted
                    stop_now(pool)
        if isinstance(exc, KeyboardInterrupt):  # Ctrl-C, or SIGTERM under stop_on_signals
            raise interrupted(exc) from None

    def run(
        self, task: Callable[[list[T]], list[R]], items: Iterable[T], lost: Callable[[T, str], R]
    ) -> Iterator[R]:
        """task(batch) for every batch of a few items, one result per item, batches in the
        order they finish; `lost` stands in for an item whose worker crashed.

        Workers take the items many at a time, fewer as the end nears (handover_sizes): each
        hand-over is two pickles, a pipe and a wake-up in the build process, which the build
        process's CPU would otherwise spend beside the workers on every document. This process
        (one job) takes them in batches of a few (chunk_size): the task runs each of its steps
        over a whole batch.
        """
        todo = list(items)
        if self._pool is not None and len(todo) > 1:
            # The first item in this process, before any worker starts: the workers are forked
            # with what its load and render prepared on first use (schemas, compiled templates,
            # the office's profile) instead of each preparing it again at the same time.
            yield from task(todo[:1])
            todo = todo[1:]
        if self._pool is None:
            for chunk in cut(todo, repeat(chunk_size(len(todo), self.jobs))):
                yield from task(chunk)
            return
        # Imported with the pool: concurrent.futures (and logging, which it imports) is for
        # several workers, not a build of one job (9.9 M instructions, callgrind).
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        pool = self._pool
        with interrupts_held():  # the first submit starts the workers: none may see a Ctrl-C
            futures: dict[Future[list[R]], list[T]] = {
                pool.submit(task, chunk): chunk
                for chunk in cut(todo, handover_sizes(len(todo), self.jobs))
            }
        for future in as_completed(futures):
            try:
                results = future.result()
            except BrokenProcessPool as exc:  # a worker died (killed, out of memory)
                results = [
                    lost(item, t("build.worker_lost", reason=str(exc))) for item in futures[future]
                ]
            yield from results


def cut(items: list[T], sizes: Iterable[int]) -> Iterator[list[T]]:
    """`items` in consecutive batches of `sizes`, in order, until none is left (the last batch
    shorter when the sizes run past the end; `sizes` may be endless)."""
    start = 0
    for size in sizes:
        if start >= len(items):
            return
        yield items[start : start + size]
        start += size


CHUNK_LIMIT = 8  # documents per batch at most: a batch is ~20 ms of a worker's time


def chunk_size(count: int, jobs: int) -> int:
    """Items per batch of this process (one job), and the fewest a worker is handed at once
    (handover_sizes): up to CHUNK_LIMIT, and small enough that every worker gets at least four
    (the last ones finish together)."""
    return max(1, min(CHUNK_LIMIT, count // (jobs * 4)))


HANDOVER_LIMIT = 32  # documents per hand-over to a worker at most


def handover_sizes(count: int, jobs: int) -> list[int]:
    """Items per hand-over to `jobs` workers, in the order they are handed over: a quarter of
    a worker's share of what is left (up to HANDOVER_LIMIT), never fewer than chunk_size's
    few at the end. Large while much is left, smaller as the end nears, so the last ones
    still finish together (guided self-scheduling): a hand-over costs the build process two
    pickles, a pipe and a wake-up beside the workers, and at 1,000 documents on two workers
    125 hand-overs of 8 became 42.
    """
    sizes = []
    left = count
    while left > 0:
        size = min(left, max(chunk_size(count, jobs), min(HANDOVER_LIMIT, left // (jobs * 4))))
        sizes.append(size)
        left -= size
    return sizes
