"""The approaches the engine benchmark compares: naive docxtpl, the engine on 1 and 2 workers,
the floor of writing built bytes; each runs one slice of documents at a time."""

from __future__ import annotations

import multiprocessing
import resource
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from bench.lib.corpus import Corpus, open_corpora
from bench.lib.measure import peak_rss_kb
from bench.lib.project import TEMPLATES
from pipeline.api import Renderer
from pipeline.render.engine import Engine

NAIVE, ENGINE_1, ENGINE_2, FLOOR = "naive", "engine-1", "engine-2", "floor"
APPROACHES = (NAIVE, ENGINE_1, ENGINE_2, FLOOR)
LABELS = {
    NAIVE: "docxtpl naive loop",
    ENGINE_1: "engine, 1 worker",
    ENGINE_2: "engine, 2 workers",
    FLOOR: "floor: write bytes",
}
FLOOR_POOL = 64  # distinct built documents the floor writes in turn


@dataclass
class WorkerState:
    """What a pool worker keeps between jobs: its engine, corpora and prebuilt contexts."""

    engine: Engine
    corpora: dict[str, Corpus]
    contexts: dict[str, list[dict[str, object]]]
    ready: Any  # a Barrier(2): both workers initialised


_WORKER: dict[str, WorkerState] = {}


def _init_worker(names: tuple[str, ...], seed: int, prebuild: int, ready: Any) -> None:
    """Pool initializer: one engine per worker, templates prepared once, contexts made ahead.

    With `prebuild` > 0 the worker builds the contexts of documents 0..prebuild-1 before the
    clock starts, as the parent does for the 1-worker loop, so both time the same work.
    """
    renderer = Renderer(TEMPLATES)
    corpora = {c.name: c for c in open_corpora(names, renderer, seed)}
    for corpus in corpora.values():
        renderer.engine.prepare(corpus.template)
    contexts = {name: [c.context(i) for i in range(prebuild)] for name, c in corpora.items()}
    _WORKER["state"] = WorkerState(renderer.engine, corpora, contexts, ready)


def _wait_ready(_: int) -> None:
    """Return once both workers have finished their initializer."""
    _WORKER["state"].ready.wait()


def _render_in_worker(job: tuple[str, int, str | None]) -> None:
    """Render document `index` of a type in a worker (and write it when given a path)."""
    name, index, path = job
    state = _WORKER["state"]
    corpus = state.corpora[name]
    prebuilt = state.contexts.get(name)
    context = prebuilt[index] if prebuilt and index < len(prebuilt) else corpus.context(index)
    keep(path, state.engine.render(corpus.template, context))


def keep(path: Path | str | None, data: bytes) -> None:
    """Write a rendered document to `path`; with no path it is only held, as bytes in memory."""
    if path is not None:
        Path(path).write_bytes(data)


def start_pool(names: tuple[str, ...], seed: int, prebuild: int) -> Any:
    """A pool of 2 workers preparing their templates and contexts; see `wait_ready`."""
    ready = multiprocessing.Barrier(2)
    return multiprocessing.Pool(2, _init_worker, (names, seed, prebuild, ready))


def wait_ready(pool: Any) -> None:
    """Return once both workers of `pool` have finished their initializer."""
    pool.map(_wait_ready, range(2), chunksize=1)


def naive_render(template_bytes: bytes, env: Any, context: Mapping[str, Any]) -> bytes:
    """docxtpl as usually written: a new DocxTemplate per document, render, save."""
    document = DocxTemplate(BytesIO(template_bytes))
    document.render(context, jinja_env=env)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


@dataclass
class Prepared:
    """One type ready for the timed rounds: contexts built, templates loaded, floor documents."""

    corpus: Corpus
    contexts: list[dict[str, object]]
    template_bytes: bytes
    env: Any
    floor_docs: list[bytes]


def run_slice(
    approach: str,
    item: Prepared,
    indices: Sequence[int],
    engine: Engine,
    pool: Any,
    outdir: Path | None,
) -> float:
    """Seconds `approach` takes for documents `indices` of one type, written to `outdir` if any.

    The floor always writes files: it is what the others would cost with nothing to render.
    """
    template = item.corpus.template
    paths = [outdir / f"{item.corpus.name}-{i:05d}.docx" if outdir else None for i in indices]
    start = time.perf_counter()
    if approach == NAIVE:
        for i, path in zip(indices, paths, strict=True):
            keep(path, naive_render(item.template_bytes, item.env, item.contexts[i]))
    elif approach == ENGINE_1:
        for i, path in zip(indices, paths, strict=True):
            keep(path, engine.render(template, item.contexts[i]))
    elif approach == ENGINE_2:
        # The workers hold the same contexts, built before the clock started: only the index
        # crosses the process boundary, as only the file name would in a real build.
        jobs = [(item.corpus.name, i, p and str(p)) for i, p in zip(indices, paths, strict=True)]
        # Small chunks: both workers stay busy to the end of each slice.
        pool.map(_render_in_worker, jobs, chunksize=max(1, len(jobs) // 64))
    else:
        assert outdir is not None
        docs = item.floor_docs
        for i in indices:
            (outdir / f"{item.corpus.name}-{i:05d}.docx").write_bytes(docs[i % len(docs)])
    return time.perf_counter() - start


def rss_child(approach: str, name: str, docs: int, seed: int, write: bool) -> int:
    """Peak RSS (KiB) of this process (and its workers) running `approach` for `docs` documents."""
    renderer = Renderer(TEMPLATES)
    (corpus,) = open_corpora([name], renderer, seed)
    engine = renderer.engine
    template = corpus.template
    with tempfile.TemporaryDirectory(prefix="vanthu-rss-") as tmp:
        out = Path(tmp)
        if approach == NAIVE:
            library = engine.library
            template_bytes, env = library.docx_bytes(template), library.environment()
            for i in range(docs):
                data = naive_render(template_bytes, env, corpus.context(i))
                keep(out / f"{i:05d}.docx" if write else None, data)
        elif approach == ENGINE_1:
            for i in range(docs):
                data = engine.render(template, corpus.context(i))
                keep(out / f"{i:05d}.docx" if write else None, data)
        elif approach == ENGINE_2:
            # Contexts are made in the workers one at a time, as a build would load its inputs.
            jobs = ((name, i, str(out / f"{i:05d}.docx") if write else None) for i in range(docs))
            pool = start_pool((name,), seed, 0)
            wait_ready(pool)
            for _ in pool.imap_unordered(_render_in_worker, jobs, chunksize=16):
                pass
            pool.close()
            pool.join()
        else:
            floor_docs = [engine.render(template, corpus.context(i)) for i in range(FLOOR_POOL)]
            for i in range(docs):
                (out / f"{i:05d}.docx").write_bytes(floor_docs[i % len(floor_docs)])
    # Pool workers are forked and never exec, so their ru_maxrss is their own peak.
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(peak_rss_kb(), workers)
