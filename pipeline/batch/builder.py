"""Build every document of an input folder: validate all, render what changed, record it.

1. find the inputs and load every one (in the workers); any invalid input stops the build
   before anything is written, unless `keep_going`;
2. compare each document's input files and template with its year's manifest: unchanged
   documents whose output still has the recorded hash are skipped (all rebuilt with `force`);
3. render the rest in the workers; with `pdf`, convert each new .docx as it arrives through
   one LibreOffice started for the build;
4. write each year's manifest.
"""

from __future__ import annotations

import os
import time
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.batch.discover import Layout, find_inputs
from pipeline.batch.manifest import Entry, Manifest, file_sha256, matches, template_hash
from pipeline.batch.pdf import PdfConverter
from pipeline.batch.progress import Reporter, SilentReporter
from pipeline.batch.result import BuildResult, DocumentResult, Status
from pipeline.batch.runner import Loaded, Rendered, RenderJob, Workers, load_task, render_task
from pipeline.errors import ConversionError, RenderError, VanthuError
from pipeline.load.contract import LoadedDocument
from pipeline.render.compose import TemplateLibrary
from pipeline.workspace import Workspace


@dataclass
class Pending:
    """A document to render: what its manifest entry will say, and what it said before."""

    document: LoadedDocument
    name: str
    output: Path
    wanted: Entry
    previous: Entry | None


class Planner:
    """Works out each document's manifest entry and whether it must be rebuilt."""

    def __init__(self, layout: Layout, library: TemplateLibrary, pdf: bool, force: bool) -> None:
        self.layout = layout
        self.library = library
        self.pdf = pdf
        self.force = force
        self.manifests: dict[str | None, Manifest] = {}
        self._file_hashes: dict[Path, str] = {}
        self._template_hashes: dict[str, str] = {}

    def manifest(self, year: str | None) -> Manifest:
        """The year's manifest as the last build left it."""
        if year not in self.manifests:
            self.manifests[year] = Manifest.read(self.layout.manifest_for(year), year)
        return self.manifests[year]

    def _file_hash(self, path: Path) -> str:
        resolved = path.resolve()
        if resolved not in self._file_hashes:
            self._file_hashes[resolved] = file_sha256(resolved)
        return self._file_hashes[resolved]

    def _template_hash(self, name: str) -> str:
        if name not in self._template_hashes:
            self._template_hashes[name] = template_hash(self.library, name)
        return self._template_hashes[name]

    def entry(self, document: LoadedDocument, output: Path) -> Entry:
        """The manifest entry of `document`, before its output exists."""
        data = document.info.data
        template = document.kind.template
        return Entry(
            inputs={self.layout.name_of(f): self._file_hash(f) for f in document.files},
            template=template,
            template_sha256=self._template_hash(template),
            output=self.layout.output_name(output),
            output_sha256="",
            loai=document.kind.code,
            so=data.so,
            ngay=data.ngay.isoformat(),
            so_ky_hieu=document.info.reference,
        )

    def plan(self, document: LoadedDocument) -> Pending | Entry:
        """The recorded entry when `document` is up to date, else what to render."""
        name = self.layout.name_of(document.path)
        output = self.layout.output_for(document)
        wanted = self.entry(document, output)
        manifest = self.manifest(self.layout.year_of(document))
        if not self.force:
            current = manifest.up_to_date(name, wanted, self.layout.output_dir, self.pdf)
            if current is not None:
                return current
        return Pending(document, name, output, wanted, manifest.entries.get(name))


class Finisher:
    """Turns a rendered document into its result and entry, converting it to PDF if asked."""

    def __init__(self, layout: Layout, converter: PdfConverter | None) -> None:
        self.layout = layout
        self.converter = converter

    def finish(self, pending: Pending, rendered: Rendered) -> tuple[DocumentResult, Entry | None]:
        """The result of one rendered document and its manifest entry (None when it failed)."""
        result = DocumentResult(
            input=pending.document.path,
            name=pending.name,
            status=Status.BUILT,
            output=pending.output,
            seconds=rendered.seconds,
        )
        if rendered.error is not None or rendered.sha256 is None:
            result.status, result.output, result.error = Status.FAILED, None, rendered.error
            return result, None
        entry = replace(pending.wanted, output_sha256=rendered.sha256)
        target = pending.output.with_suffix(".pdf")
        if self.converter is not None:
            self.converter.wait_ready()  # LibreOffice's start is the build's, not this document's
            start = time.perf_counter()
            try:
                self.converter.convert(pending.output, target)
            except ConversionError as exc:
                result.status, result.error = Status.FAILED, exc.message()
                return result, entry
            finally:
                result.seconds += time.perf_counter() - start
            result.pdf = target
            entry = replace(
                entry, pdf=self.layout.output_name(target), pdf_sha256=file_sha256(target)
            )
        else:
            entry = self._keep_pdf(pending.previous, entry, target)
        return result, entry

    def _keep_pdf(self, previous: Entry | None, entry: Entry, target: Path) -> Entry:
        """Keep the last build's PDF when the .docx came out the same; remove it when stale."""
        if previous is None or previous.pdf is None:
            return entry
        recorded = self.layout.output_dir / previous.pdf
        if not recorded.resolve().is_relative_to(self.layout.output_dir.resolve()):
            return entry  # a manifest never makes the build touch a file outside its outputs
        if not matches(recorded, previous.pdf_sha256):
            return entry
        if previous.output_sha256 == entry.output_sha256 and recorded == target:
            return replace(entry, pdf=previous.pdf, pdf_sha256=previous.pdf_sha256)
        recorded.unlink()  # it shows the old content and this build made no new one
        return entry


@dataclass
class Outcome:
    """What the build has found so far: each document's result and manifest entry."""

    documents: dict[Path, DocumentResult] = field(default_factory=dict)
    entries: dict[Path, Entry] = field(default_factory=dict)
    pending: dict[Path, Pending] = field(default_factory=dict)

    def fail(self, path: Path, name: str, error: str | None) -> None:
        self.documents[path] = DocumentResult(path, name, Status.FAILED, error=error)


def plan(planner: Planner, loaded: dict[Path, Loaded], paths: list[Path]) -> Outcome:
    """Sort the inputs into invalid, unchanged and to be rendered."""
    layout = planner.layout
    outcome = Outcome()
    for path in paths:
        name = layout.name_of(path)
        document = loaded[path].document
        # every year seen gets its manifest
        planner.manifest(layout.year_of(document) if document else layout.folder_year(path))
        if document is None:
            outcome.fail(path, name, loaded[path].error)
            continue
        try:
            planned = planner.plan(document)
        except VanthuError as exc:  # its template is missing
            outcome.fail(path, name, exc.message())
            continue
        if isinstance(planned, Pending):
            outcome.pending[path] = planned
            continue
        outcome.entries[path] = planned
        output = layout.output_dir / planned.output
        pdf = layout.output_dir / planned.pdf if planned.pdf else None
        outcome.documents[path] = DocumentResult(path, name, Status.UNCHANGED, output, pdf)
    return outcome


def render(
    workers: Workers, outcome: Outcome, layout: Layout, pdf: bool, reporter: Reporter
) -> None:
    """Render the pending documents in the workers, converting each to PDF as it arrives."""
    jobs = [RenderJob(p.document, p.output) for p in outcome.pending.values()]
    if not jobs:
        return
    with ExitStack() as stack:
        # Started before the first .docx exists: a missing LibreOffice stops the build here.
        finisher = Finisher(layout, stack.enter_context(PdfConverter()) if pdf else None)
        reporter.start(len(jobs))
        stack.callback(reporter.stop)
        lost = lambda job, why: Rendered(job, error=why)  # noqa: E731
        for rendered in workers.run(render_task, jobs, lost):
            path = rendered.job.document.path
            outcome.documents[path], entry = finisher.finish(outcome.pending[path], rendered)
            if entry is not None:
                outcome.entries[path] = entry
            reporter.advance(outcome.documents[path])


def build(
    workspace: Workspace,
    input_dir: Path | None = None,
    *,
    jobs: int | None = None,
    pdf: bool = False,
    force: bool = False,
    keep_going: bool = False,
    reporter: Reporter | None = None,
) -> BuildResult:
    """Build every document of `workspace` (or of `input_dir` in it) into its output folder."""
    started = time.perf_counter()
    layout = Layout(workspace)
    library = workspace.templates
    paths = find_inputs(workspace, input_dir)
    result = BuildResult()
    if not paths:
        return result
    with Workers(min(jobs or os.cpu_count() or 1, len(paths)), workspace) as workers:
        invalid = lambda path, why: Loaded(path, error=why)  # noqa: E731
        loaded = {item.path: item for item in workers.run(load_task, paths, invalid)}
        refuse_shared_outputs(layout, paths, loaded)
        result.invalid = [(p, loaded[p].error or "") for p in paths if loaded[p].document is None]
        if result.invalid and not keep_going:
            result.stopped = True
            return result
        planner = Planner(layout, library, pdf, force)
        outcome = plan(planner, loaded, paths)
        render(workers, outcome, layout, pdf, reporter or SilentReporter())
    result.documents = [outcome.documents[p] for p in paths]
    result.manifests = write_manifests(layout, planner, paths, outcome.entries)
    result.seconds = time.perf_counter() - started
    return result


def refuse_shared_outputs(layout: Layout, paths: list[Path], loaded: dict[Path, Loaded]) -> None:
    """Two inputs that would write the same output: the second is invalid, naming both."""
    claimed: dict[Path, Path] = {}
    for path in paths:
        document = loaded[path].document
        if document is None:
            continue
        target = layout.output_for(document)
        first = claimed.setdefault(target, path)
        if first != path:
            error = RenderError("ws.output_collision", output=target, first=first, second=path)
            loaded[path] = Loaded(path, error=error.message())


def write_manifests(
    layout: Layout, planner: Planner, paths: list[Path], entries: dict[Path, Entry]
) -> list[Path]:
    """Write each year's manifest (only when its content changed); returns their paths."""
    fresh: dict[str | None, Manifest] = {year: Manifest(year=year) for year in planner.manifests}
    for path in paths:
        if path in entries:
            year: str | None = entries[path].output.split("/", 1)[0]
            manifest = fresh.setdefault(year, Manifest(year=year))
            manifest.entries[layout.name_of(path)] = entries[path]
    written = []
    for year, manifest in sorted(fresh.items(), key=lambda item: item[0] or ""):
        target = layout.manifest_for(year)
        text = manifest.to_json()
        if not (target.is_file() and target.read_text("utf-8") == text):
            manifest.write(target)
        written.append(target)
    return written
