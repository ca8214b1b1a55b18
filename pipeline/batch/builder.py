"""Build every document of a workspace: render what changed, all inputs valid first, record it.

1. find the inputs; a document whose manifest entry is still current (pipeline.batch.freshness:
   hashes, nothing parsed) is skipped, unless `force`;
2. the workers load, render and stage each other document beside its output (not yet in place)
   and send back only its manifest entry, so memory does not grow with the year;
3. any invalid input (or two inputs for one output) stops the build: the staged files are
   dropped and nothing is written, unless `keep_going` (a number typed in the data that the
   register holds for another document makes its input invalid too, and so does a so: tu_dong
   document while the register holds a number of its type and date for a data file gone: a
   file renamed and edited, refuse_left_behind; a new number of a year whose numbers the
   register in use lacks: a workspace switched registers, refuse_unmigrated; and a document
   whose number the register holds, issued, with another signer than it now prints: a new
   head named in the profile, refuse_changed_signers); so does an
   output folder that cannot take the outputs bound for it (read-only, full: refuse_unwritable,
   stop_unwritten), before any number is given; then the register numbers the documents
   whose data says so: tu_dong, in the order of their dates (then paths: a register runs in
   the order documents are issued; a number dated before the number given before it is a
   warning of the result), and they are staged again with their number, as is a document
   printing such a number (a Giấy khen batch, its decision's: the one given in this build,
   else the one the register holds; neither makes it invalid);
4. the staged outputs are put in place (a batch only when its decision was; an output whose
   file already holds the bytes made is left as it is, unchanged, and so is one out of date only
   because vanthu changed that came out as vanthu wrote it, pipeline.batch.restyled); with
   `pdf`, the new .docx are then converted, all in one call of a LibreOffice converter started
   for the build (its command line, without unoserver, runs once for many of them); then their
   numbers are confirmed (a register lost there: the manifests still record what is in place,
   and the next build confirms it, `unconfirmed`), and a printed number that changed is warned
   of;
5. every output an earlier build wrote (a manifest records it) for an input in the build's
   folder that no longer produces it (renamed, deleted, moved, or dated into another year) is
   removed while it is still exactly what that build wrote, and kept with a warning when it
   was edited since; a file no manifest records is never touched;
6. each year's manifest is written (only when its content changed).

A build holds the workspace's build lock while it runs (workspace.lock: a second build waits a
moment, then stops with one message); temporary files a killed run left in the output folder
are removed first.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from contextlib import ExitStack, nullcontext, suppress
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.batch.book_claims import (
    PRINTED,
    BookClaim,
    book_overlaps,
    entry_claim,
    held_claims_once,
    run_claim,
)
from pipeline.batch.discover import Layout, find_inputs
from pipeline.batch.freshness import (
    Edited,
    Freshness,
    drop_unneeded_copy,
    edited_since,
    settle_old_pdf,
)
from pipeline.batch.interrupts import BuildInterrupted
from pipeline.batch.lost_manifest import LostManifests
from pipeline.batch.manifest import Entry, Manifest, UnreadableFile, read_back
from pipeline.batch.progress import Reporter, SilentReporter
from pipeline.batch.recorded import Recorded
from pipeline.batch.repeated_numbers import entry_key, repeated_number_error
from pipeline.batch.restyled import as_written, rebuilt_warning
from pipeline.batch.result import BuildResult, DocumentResult, Status
from pipeline.batch.staged import Staged, StageJob
from pipeline.batch.supervise import StepsDeferred, interrupts_deferred
from pipeline.claims import second_claims
from pipeline.errors import ConversionError, RenderError, Said, VanthuError
from pipeline.gc_policy import fewer_collections, late_imports
from pipeline.i18n import t
from pipeline.paths import shown
from pipeline.register import Details, Register, RegisterError, Registers
from pipeline.register import Entry as RegisterEntry
from pipeline.register import Status as RowStatus
from pipeline.register.location import blank_register, register_exists, runnable_location
from pipeline.register.model import Origin
from pipeline.register.sequences import DEFAULT_SEQUENCE
from pipeline.register.store import VOID_REASON, TypedRequest
from pipeline.register.switched import outputs_numbered_elsewhere
from pipeline.register.year_start import late_first_numbers
from pipeline.render.output import (
    clean_stale,
    commit,
    folder_error,
    keep_edited_copy,
    os_words,
)
from pipeline.text.listing import first_named
from pipeline.workspace import Workspace
from pipeline.workspace.lock import one_build_at_a_time

if TYPE_CHECKING:
    from pipeline.batch.pdf import PdfConverter


@dataclass
class PendingPdf:
    """A document in place whose PDF is still to be made (Finisher.convert_pdfs)."""

    result: DocumentResult
    path: Path  # its input
    docx: Path  # its output, in place
    entry: Entry  # its manifest entry as it stands, without the PDF
    edited: list[Path]  # its files edited by hand since, written over
    copies: dict[Path, Path]  # where the edited ones were kept
    written: Entry | None = None  # what the manifest recorded of it before: its old PDF's


class Finisher:
    """Puts staged documents in place, then converts them to PDF if asked, all in one call of
    the converter (LibreOffice's command line then starts once for many documents, not once
    for each)."""

    def __init__(self, layout: Layout, freshness: Freshness, converter: PdfConverter | None,
                 lost: LostManifests | None = None, restyled: dict[Path, str] | None = None):
        self.layout = layout
        self.freshness = freshness
        self.converter = converter
        # The documents out of date only because vanthu changed (Freshness.restyled), each with
        # the version that wrote it: one that comes out as vanthu wrote it is left as it is
        # (restyled.as_written); those written anew (`rewritten`) are said once.
        self.restyled = restyled or {}
        self.rewritten: set[Path] = set()
        # The manifests that cannot vouch for the outputs already there (damaged or missing):
        # each output written over with none recorded is compared instead, and said once.
        self.lost = lost
        # Warnings: files edited by hand that were written over, and the PDFs a build without
        # --pdf left beside a new .docx they no longer match (_old_pdf_left).
        self.replaced: list[str] = []
        # Documents that failed only because their output could not be written (a read-only or
        # full output folder): a number given them stays pending for them (settle).
        self.unwritten: set[Path] = set()
        # Each document put in place, by input, with its entry as it stands (its PDF's once
        # made): what a build stopped midway records (record_placed).
        self.placed: dict[Path, Entry] = {}
        self.pending: list[PendingPdf] = []  # in place, their PDFs not made yet
        # Why no PDF was made (LibreOffice could not start): said once, after the table.
        self.pdf_error: str | None = None
        # The old .docx's PDFs, vanthu's own, that could not be removed when the new one's was
        # not made (_pdf_not_made, _old_pdf_left said so): the orphan step does not say them
        # again.
        self.unremoved_pdfs: set[Path] = set()
        # Each output folder (as text) by whether it held any file when this build first put
        # an output in it (_empty_before).
        self._held: dict[str, bool] = {}
        # While `finish` places the build's documents, a stop's deferral around each one, its
        # handler swapped in once for all of them; None: each placing swaps it in and out.
        self.steps: StepsDeferred | None = None

    def finish(
        self, item: Staged, written: Entry | None = None
    ) -> tuple[DocumentResult, Entry | None]:
        """The result of one rendered document and its manifest entry (None when it failed);
        with a converter, its PDF is made by `convert_pdfs`, which completes both.

        `written`: what the manifest records of the last build of it (any vanthu's), to tell
        when a file edited by hand since is written over, and what the PDF beside it is."""
        result = DocumentResult(item.path, item.name, Status.BUILT, seconds=item.seconds)
        if item.failed is not None or item.entry is None or item.staged is None:
            result.status, result.error = Status.FAILED, item.failed
            if item.unwritten:
                self.unwritten.add(item.path)
            return result, None
        output = self.layout.output_dir / item.entry.output
        if written is not None and item.path in self.restyled:
            same = as_written(self.layout, self.freshness, item, written,
                              pdf=self.converter is not None)
            if same is not None:  # made as vanthu wrote it: nothing to write
                self.placed[item.path] = same[1]
                return same
        # A folder that held no file when this build came to it (made by this build, as in a
        # first build) holds nothing of an earlier run: what writing the output there meets
        # (its file, its PDF) is not looked for, a stat each (6 ms at 1,000 documents).
        empty = self._empty_before(output)
        try:
            edited, unvouched, in_place = self._there(item.entry, written, output, empty)
        except UnreadableFile as exc:
            # What is there is not known (a clerk's edit, a signed PDF held open): the
            # document is not written, as one whose file cannot be written (its number, if
            # given, stays pending for it).
            with suppress(OSError):  # left behind, the next build removes it
                Path(item.staged).unlink(missing_ok=True)
            result.status, result.error = Status.FAILED, exc.message()
            self.unwritten.add(item.path)
            return result, None
        if in_place:
            edited = [path for path in edited if path != output]
        copies: dict[Path, Path] = {}
        try:
            # Only a document whose data, template or number changed (or --force) comes here
            # with a file edited by hand: keeping the old one would leave wrong data in place,
            # and replacing it would lose the clerk's edit, so a copy of it is kept beside it
            # first (none made: the file stays as it is) and the rebuild is warned of.
            for path in edited:
                copies[path] = keep_edited_copy(path)
            # Never in place without being recorded as placed.
            with interrupts_deferred() if self.steps is None else self.steps.step():
                if in_place:
                    with suppress(OSError):  # left behind, the next build removes it
                        Path(item.staged).unlink(missing_ok=True)
                else:
                    commit(Path(item.staged), output)
                self.placed[item.path] = item.entry
        except RenderError as exc:
            Path(item.staged).unlink(missing_ok=True)
            result.status, result.error = Status.FAILED, exc.message()
            self.unwritten.add(item.path)
            return result, None
        if unvouched is not None and self.lost is not None:  # said once, for its manifest
            self.lost.kept(item.entry.output, copies)
            edited = []
        if edited:
            self.replaced.extend(
                RenderError("build.edited_output_replaced", file=path, name=item.name,
                            copy=copies[path]).message()
                for path in edited if path.suffix != ".pdf"
            )  # fmt: skip
        result.output = output
        entry = item.entry
        if not in_place:
            self.freshness.hashes.written(output, entry.output_sha256)
            if item.path in self.restyled:
                self.rewritten.add(item.path)
        if self.converter is None:
            if not empty:  # else no PDF there to settle (settle_old_pdf: as it finds none)
                entry = self._old_pdf_left(written, entry, output)
            if in_place:
                result.status = Status.UNCHANGED
                result.pdf = self.layout.output_dir / entry.pdf if entry.pdf is not None else None
            return result, entry
        self.pending.append(PendingPdf(result, item.path, output, entry, edited, copies,
                                       written))
        return result, entry

    def _there(
        self, entry: Entry, written: Entry | None, output: Path, empty: bool = False
    ) -> tuple[list[Path], list[Path] | None, bool]:
        """What writing `entry`'s `output` (and its PDF, in a PDF build) meets there: the files
        edited by hand since (or, its year's manifest damaged or gone, not known to be
        vanthu's: `unvouched`) to copy aside first, and whether the output already holds the
        bytes just made. UnreadableFile when one of them cannot be read. `empty`: its folder
        held no file when the build came to it (_empty_before): no file of it is there."""
        with_pdf = self.converter is not None
        file_hash = _not_there if empty else self.freshness.file_hash
        edited = edited_since(self.layout, written, output, with_pdf=with_pdf,
                              file_hash=file_hash)
        unvouched = None
        if written is None and self.lost is not None:  # its year's manifest damaged or gone?
            unvouched = self.lost.unvouched(entry.output, entry.output_sha256, with_pdf=with_pdf,
                                            file_hash=file_hash)
            edited = unvouched or edited
        # The file there already holds the bytes just made (the same hash, the file's as the
        # manifest, a lost one's comparison and edited_since read it): it is not written again,
        # and the document is unchanged (its PDF, if one is to be made, is made from it).
        in_place = file_hash(output) == entry.output_sha256
        return edited, unvouched, in_place

    def _empty_before(self, output: Path) -> bool:
        """Whether `output`'s folder held no file (nor folder) but hidden ones when this build
        first came to it, before putting any output there: made by this build (its staged
        files are hidden), or left empty. An output or a PDF is never hidden, so no file of an
        earlier run is in it, nor one vanthu could write over (another build or render waits
        for this one's lock). One listing per folder, asked before its first output is placed."""
        folder = os.path.dirname(os.fspath(output))
        held = self._held.get(folder)
        if held is None:
            try:
                with os.scandir(folder) as listing:
                    held = any(not found.name.startswith(".") for found in listing)
            except OSError:  # not known: each file looked at, as before
                held = True
            self._held[folder] = held
        return not held

    def convert_pdfs(self, entries: dict[Path, Entry]) -> None:
        """Make the PDFs of the documents put in place (`pending`), in one call of the
        converter, and complete their results and their `entries` (those in place) as each
        PDF is made: one that fails fails its document, whose .docx stays in place."""
        pending, self.pending = self.pending, []
        if self.converter is None or not pending:
            return
        try:
            self.converter.wait_ready()  # LibreOffice's start is the build's, not a document's
        except ConversionError as exc:
            # The .docx are in place and valid: recorded as they are (`entries`), without PDFs.
            said = ConversionError("build.pdfs_not_made", count=len(pending), error=Said(exc))
            left = [note for job in pending if (note := self._pdf_not_made(job, entries))]
            self.pdf_error = "; ".join([said.message(), *left])
            return
        pairs = [(job.docx, job.docx.with_suffix(".pdf")) for job in pending]

        def done(index: int, failure: ConversionError | None, seconds: float) -> None:
            job, (_, target) = pending[index], pairs[index]
            job.result.seconds += seconds
            if failure is not None:
                left = self._pdf_not_made(job, entries)
                job.result.status = Status.FAILED
                job.result.error = "; ".join([failure.message(), *([left] if left else [])])
                return
            self.replaced.extend(
                RenderError("build.edited_output_replaced", file=path, name=job.result.name,
                            copy=job.copies[path]).message()
                for path in job.edited if path.suffix == ".pdf"
            )  # fmt: skip
            job.result.pdf = target
            pdf_sha256 = self.freshness.hashes.hash_written(target)
            if pdf_sha256 is None:  # taken by another program at once: read once more, or said
                pdf_sha256 = self._read_back(target)
            entry = replace(job.entry, pdf=self.layout.output_name(target), pdf_sha256=pdf_sha256)
            self.placed[job.path] = entries[job.path] = entry

        self.converter.convert_many(pairs, done)

    def _read_back(self, pdf: Path) -> str | None:
        """The sha256 of a PDF this build just put in place; None, and said (no hash of it is
        recorded: the next build with --pdf makes it again), when it cannot be read back, as
        render says it (manifest.read_back)."""
        sha256, unread = read_back(pdf)
        if unread is not None:
            self.replaced.append(t("render.new_pdf_unreadable", reason=unread,
                                   pdf=self.layout.workspace.display(pdf)))  # fmt: skip
        return sha256

    def _pdf_not_made(self, job: PendingPdf, entries: dict[Path, Entry]) -> str | None:
        """A document in place whose PDF was not made: the copy kept of its PDF edited by hand
        is dropped while that PDF is still there as it was (nothing wrote over it), and the
        PDF an earlier build left beside the .docx is removed when vanthu's own and out of
        date, else kept (freshness.settle_old_pdf); what to say of that PDF.

        One still made from this .docx, or edited (signed) since vanthu made it, stays
        recorded as vanthu made it, in `entries` (the document's, when in place): the build
        removing orphans leaves it, the next build keeps an edited one as edited by hand
        rather than convert over it without a copy."""
        for path in job.edited:
            if path.suffix == ".pdf" and path in job.copies:
                drop_unneeded_copy(path, job.copies.pop(path))
        if self.lost is not None:  # a copy kept for a lost manifest: dropped as well
            self.lost.not_written(job.docx.with_suffix(".pdf"))
        settled = settle_old_pdf(self.layout, job.written, job.docx, job.entry.output_sha256,
                                 self.layout.workspace.display)
        if settled.unremoved:
            self.unremoved_pdfs.add(job.docx.with_suffix(".pdf"))
        if job.path in entries:
            self.placed[job.path] = entries[job.path] = settled.recorded(job.entry, job.written)
        return settled.said

    def _old_pdf_left(self, written: Entry | None, entry: Entry, docx: Path) -> Entry:
        """`docx` put in place by a build without --pdf (its new `entry`): the PDF an earlier
        run left beside it is settled as when its PDF fails (freshness.settle_old_pdf, as
        _pdf_not_made): vanthu's own and out of date, removed; one still made from this .docx,
        or edited (signed) since vanthu made it, kept and still recorded as `written` (the
        document's last entry) names and hashes it, so that the next build with --pdf keeps it
        as edited by hand, or copies it aside (.sua-tay) before writing over it. The entry to
        record.

        Said (a warning): an edited one that no longer matches the .docx, and one vanthu's
        that cannot be removed (the orphan step then says it no more). Removing vanthu's own,
        or leaving one no manifest records, is not: no PDF was asked for."""
        settled = settle_old_pdf(self.layout, written, docx, entry.output_sha256,
                                 self.layout.workspace.display)
        if settled.unremoved:
            self.unremoved_pdfs.add(docx.with_suffix(".pdf"))
        if (said := settled.said_unasked) is not None:
            self.replaced.append(said)
        return settled.recorded(entry, written)


def _not_there(path: Path) -> str | None:
    """Freshness.file_hash of a file in a folder that held none (Finisher._empty_before)."""
    return None


def refuse_second_claims(
    staged: dict[Path, Staged], claims: Iterable[tuple[Path, Hashable]], error: Callable[..., str]
) -> None:
    """An input claiming what an earlier one holds becomes invalid, its staged file dropped;
    `error(refused, other, key)` says why, naming the refused input and the other one."""
    for first, second, key in second_claims(claims):
        # The one this build made gives way; two kept from earlier builds were already accepted.
        loser = second if second in staged else first if first in staged else None
        if loser is None:
            continue
        other = first if loser == second else second
        staged[loser] = staged[loser].refused(error(loser, other, key))


def refuse_shared_outputs(
    paths: list[Path], staged: dict[Path, Staged], kept: dict[Path, Entry]
) -> None:
    """Two inputs that would write the same output: the second is invalid, naming both."""
    outputs = ((p, kept[p].output if p in kept else staged[p].output) for p in paths)
    refuse_second_claims(
        staged,
        ((path, output) for path, output in outputs if output is not None),
        lambda refused, other, output: RenderError(
            "ws.output_collision", output=output, first=other, second=refused
        ).message(),
    )


@one_build_at_a_time  # two at once removed each other's staged files (workspace.lock)
def build(
    workspace: Workspace,
    input_dir: Path | None = None,
    *,
    jobs: int | None = None,
    pdf: bool = False,
    force: bool = False,
    keep_going: bool = False,
    skip_numbers: bool = False,
    reporter: Reporter | None = None,
) -> BuildResult:
    """Build every document of `workspace` (or of `input_dir` in it) into its output folder.

    `skip_numbers` (--bo-qua-so): a number typed in the data past the register's next one is
    taken even when so: tu_dong documents dated before it would be numbered after it
    (refuse_typed_ahead)."""
    started = time.perf_counter()
    layout = Layout(workspace)
    scope = (input_dir or workspace.data_dir).resolve()
    paths = find_inputs(workspace, input_dir)
    clean_stale(layout.output_dir)
    result = BuildResult()
    recorded = Recorded.read(layout)
    prefix = layout.name_of(scope) + "/"
    if not paths and not recorded.names_under(prefix):  # else what they recorded goes
        return result
    freshness = Freshness(layout, workspace.templates)
    progress = reporter or SilentReporter()
    settling = ExitStack()  # a stop waits once every document is in place (see below)
    with settling:
        with ExitStack() as stack:
            registers = Registers(stack)

            def register() -> Register:
                # Imported here: the register's document helpers bring the contexts, which a
                # build with nothing to number (a no-change rebuild) never needs.
                from pipeline.register.documents import workspace_register

                return workspace_register(registers, workspace, result.warnings)

            kept: dict[Path, Entry] = {}
            asked: set[str] = set()  # data files gone whose numbers a refusal names
            edited: dict[Path, Edited] = {}  # kept as they are, being edited by hand since
            # Out of date only because vanthu changed (an upgrade, its templates): rendered
            # again and compared with what vanthu wrote (Finisher); by the version that wrote it.
            restyled: dict[Path, str] = {}
            for path in paths:
                name = layout.name_of(path)
                entry = None if force else recorded.entry(name)
                current = freshness.judge(entry, pdf=pdf) if entry is not None else None
                if isinstance(current, Edited):
                    edited[path], current = current, current.entry
                if current is not None:
                    kept[path] = current
                elif (not force and (written := recorded.written(name)) is not None
                      and freshness.restyled(written, upgraded=entry is None)):
                    restyled[path] = recorded.written_by(name) or ""
            drop_renumbered(layout, paths, kept, register)
            # The batches outside the build, their data files hashed once for both checks.
            held = held_claims_once(layout, recorded, paths)
            drop_overlapping_kept(layout, paths, kept, held)
            drop_repeated_kept(paths, kept)
            result.warnings.extend(outputs_numbered_elsewhere(
                workspace, [(layout.name_of(p), e) for p, e in kept.items()], register))
            todo = [p for p in paths if p not in kept]
            # What a list's reading finds of the file itself is said by the first document
            # naming the list that this build loads: the workspace's first unless the build
            # keeps some documents or builds one folder of it (lists.loading_only).
            whole = not kept and scope == workspace.data_dir.resolve()
            rebuilt = None if whole or not todo else rebuilt_documents(todo)
            # Started before anything is staged: a missing LibreOffice stops the build here.
            converter = stack.enter_context(pdf_converter()) if pdf and todo else None
            folders_before = existing_folders(layout.output_dir) if todo else set()
            # From the staging to the hash cache, the cycle collector runs as during the staging
            # (gc_policy.fewer_collections): at the process's own threshold, placing and
            # recording thousands of documents set it off every 700 objects made, and its
            # older generation's runs walked the staged documents, which live until the end,
            # again each time (gc.callbacks: 45-80 ms of the serial end at 5,000 documents,
            # 12 ms with this; 3 ms at 1,000).
            if todo:
                settling.enter_context(fewer_collections())
            staged = stage_all(workspace, layout, [StageJob(p) for p in todo], jobs, progress,
                               rebuilt)  # fmt: skip
            refuse_shared_outputs(paths, staged, kept)
            refuse_repeated_numbers(paths, staged, kept)
            refuse_overlapping_book_numbers(layout, paths, staged, kept, recorded, held)
            made = register_exists(workspace.register_location, root=workspace.root)
            # Read before any refusal: a file refused (a renamed file and its copy) still
            # records its document (refuse_left_behind).
            asking = waiting_documents(todo, staged)
            outside = None if scope == workspace.data_dir.resolve() else (
                outside_documents(workspace, paths))
            refuse_other_registers(workspace, layout, todo, staged, recorded,
                                   register if made else None)
            refuse_unmigrated(workspace, todo, staged, recorded, register if made else None)
            if made:
                refuse_registered_numbers(layout, todo, staged, register)
                hand_over_renamed(todo, staged, register, outside)
                asked = refuse_left_behind(paths, todo, staged, kept, register,
                                           asking, outside)
                refuse_other_runs(todo, staged, register)
                refuse_changed_signers(workspace, todo, staged, register)
                refuse_unrecorded_runs(todo, staged, register)
            # A register not made yet holds nothing: asked as such, not made by a build that
            # may stop here on an invalid input.
            result.warnings.extend(refuse_typed_ahead(
                layout, todo, staged,
                register if made else lambda: stack.enter_context(blank_register()),
                allowed=skip_numbers))
            lenders: dict[Path, Path | int] = {}
            if keep_going or not any(staged[p].invalid for p in todo):
                lenders = find_lenders(todo, staged, register)
            result.invalid = [(p, staged[p].invalid or "") for p in todo if staged[p].invalid]
            if result.invalid and not keep_going:
                discard(staged, folders_before)
                result.stopped = True
                return result
            refuse_unwritable(layout, [p for p in todo if staged[p].numbering is not None],
                              staged, pdf=pdf)
            if not keep_going and stop_unwritten(todo, staged, folders_before, result):
                return result
            waiting = [p for p in todo if staged[p].numbering is not None]
            if waiting or (any(staged[p].typed is not None for p in todo)
                           and register_exists(workspace.register_location, root=workspace.root)):
                # Before any number is given: a number typed in this build is never given again.
                record_typed_numbers(register(), layout, paths, kept, staged, result,
                                     kept_too=bool(waiting))
            described = {p: numbering.details for p in waiting
                         if (numbering := staged[p].numbering) is not None}
            numbers = allocate(register(), waiting, staged) if waiting else {}
            if numbers:  # against the rows issued before this build (its own are pending)
                warn_copies(register(), layout, numbers, result)
                result.warnings.extend(late_first_numbers(
                    register(), [(layout.name_of(p), e) for p, e in numbers.items()]))
            # Said once the documents are in place (settle): what their outputs print now.
            changed = renumbered(register(), layout, numbers, recorded) if numbers else {}
            # Each with the digest of the files it was described from: one saved since is not
            # printed with a number its register row describes otherwise (runner._stage).
            second = [StageJob(p, numbers[p].number, staged[p].read) for p in waiting] + [
                StageJob(p, numbers[lender].number if isinstance(lender, Path) else lender,
                         staged[p].read)
                for p, lender in lenders.items()
            ]  # fmt: skip
            if second:
                staged.update(stage_all(workspace, layout, second, jobs, progress, rebuilt))
            # The sổ vàng: the numbers the Giấy khen batches built now print, in the register.
            books = {p: e for p in todo if (e := staged[p].entry) and e.so_vao_so is not None}
            if books:
                from pipeline.load.certificates import record_book

                for path, refusal in record_book(register, workspace, books, kept).items():
                    staged[path] = staged[path].refused(refusal.message())
                    result.invalid.append((path, refusal.message()))
            # Every document is staged: what the loader keeps (files parsed, the last documents
            # loaded, the year's list index) is not asked again, and the build's end reuses its
            # memory (peak RSS of a 5,000-document build 1.7 MB less; the same at 200).
            workspace.forget_loaded()
            for path in todo:  # a Giấy khen batch's số vào sổ given to another name, or freed
                item = staged[path]
                if item.entry is not None:
                    result.warnings.extend(f"{item.name}: {warning}" for warning in item.warnings)
            # The agency profiles of the documents rebuilt (lines too wide for their column), once
            # per office, in the order of their names.
            offices = {item.entry.co_quan: item.office_warnings
                       for p in todo if (item := staged[p]).entry is not None}  # fmt: skip
            for office in sorted(offices):
                result.warnings.extend(offices[office])
            if offices:  # an office's template that templates check fails, once per template
                from pipeline.api import example_contexts
                from pipeline.template_tools.verdict import template_warnings

                names = sorted({item.entry.template for p in todo
                                if (item := staged[p]).entry is not None})  # fmt: skip
                examples = example_contexts
                result.warnings.extend(
                    template_warnings(workspace.templates, names, examples, workspace)
                )
            finisher = Finisher(layout, freshness, converter, LostManifests(layout, recorded),
                                restyled)
            borrowers = {p: lender for p, lender in lenders.items() if isinstance(lender, Path)}
            try:
                entries = finish(layout, finisher, paths, kept, staged, recorded, result, borrowers,
                                 edited)  # fmt: skip
            except (KeyboardInterrupt, BuildInterrupted):
                with interrupts_deferred():
                    placed = finisher.placed
                    if numbers:  # confirmed for the documents in place; the others keep theirs
                        done = {p: number for p, number in numbers.items() if p in placed}
                        settle(register(), layout, done, described, placed, result,
                               finisher.unwritten)
                    record_placed(layout, recorded, scope, paths, kept, placed)
                raise
            # From here to the manifests a stop waits: the documents are in place, and the register
            # and the manifests must say so.
            settling.enter_context(interrupts_deferred())
            if numbers:
                try:
                    settle(register(), layout, numbers, described, entries, result,
                           finisher.unwritten)
                except VanthuError as exc:
                    # The documents are in place, printing their numbers: recorded as written,
                    # so that the next build confirms their numbers and keeps a file edited
                    # by hand since; the clerk is told what was written and what to do.
                    record_placed(layout, recorded, scope, paths, kept, entries)
                    raise unconfirmed(exc, layout, numbers, entries) from None
                result.warnings.extend(changed[p] for p in paths if p in changed and p in entries)
            unbuilt = keep_unbuilt(layout, recorded, todo, staged, entries)
            read_stamps = {p: staged[p].read_stamps for p in entries
                           if p not in kept and p not in unbuilt}  # fmt: skip
            staged.clear()  # what follows reuses its memory
            # Only now that the new outputs are in place, and before the manifests stop naming
            # them; while the register is open, for the rows of the numbers they leave.
            made = register_exists(workspace.register_location, root=workspace.root)
            remove_orphans(layout, freshness, recorded, prefix, paths, entries, result, asked,
                           register if made else None, said=finisher.unremoved_pdfs)
        try:
            result.manifests = write_manifests(layout, recorded, scope, paths, entries)
        except VanthuError as exc:
            # Said after the table: what was written, and every number voided or kept pending,
            # is the clerk's to know even when the manifest could not be saved.
            result.errors.append(exc.message())
            result.seconds = time.perf_counter() - started
            return result
    built = ((entries[p], stamps) for p, stamps in read_stamps.items())
    with fewer_collections() if todo else nullcontext():
        freshness.hashes.save(freshness.files_read(built))
    result.seconds = time.perf_counter() - started
    return result


def record_placed(
    layout: Layout,
    recorded: Recorded,
    scope: Path,
    paths: list[Path],
    kept: dict[Path, Entry],
    placed: dict[Path, Entry],
) -> None:
    """A build stopped while putting its documents in place: the manifests record those in
    place (`placed`) as this build made them, and every other document as before, so that the
    next build keeps what this one finished instead of taking vanthu's own files for files
    edited by hand, and builds again what it did not."""
    entries: dict[Path, Entry] = {}
    for path in paths:
        entry = placed.get(path) or kept.get(path) or recorded.entry(layout.name_of(path))
        if entry is not None:
            entries[path] = entry
    write_manifests(layout, recorded, scope, paths, entries)


def keep_unbuilt(layout: Layout, recorded: Recorded, todo: list[Path],
                 staged: dict[Path, Staged], entries: dict[Path, Entry]) -> set[Path]:
    """Each document of this build not made this time keeps, in `entries`, the manifest entry of
    its output as the last build left it (after settle: its number is not confirmed); returns
    those documents. A failed one (its data refused, or it could not be rendered or written)
    keeps it while its output is there: built again once its data are fixed, the build still
    tells a hand edit of that output from vanthu's own and keeps a copy of it, where without
    the entry it wrote over it unwarned. One saved while the build ran, not placed
    (runner._stage), keeps it as it is: a file edited by hand since stays known as such. The
    entry's input hashes, no longer the files', make the next build build it again; a document
    whose data file was deleted is not in `todo`, and goes as before (remove_orphans)."""
    unbuilt: set[Path] = set()
    for path in todo:
        if path in entries:
            continue
        before = recorded.last_written(layout.name_of(path))
        if before is None:
            continue
        if staged[path].saved_meanwhile or (layout.output_dir / before.output).is_file():
            entries[path] = before
            unbuilt.add(path)
    return unbuilt


def pdf_converter() -> PdfConverter:
    """The LibreOffice converter of a build asked for PDFs (its modules imported only then)."""
    from pipeline.batch.pdf import PdfConverter

    return PdfConverter()


def refuse_repeated_numbers(
    paths: list[Path], staged: dict[Path, Staged], kept: dict[Path, Entry]
) -> None:
    """Two documents of one office and year with the same number, whatever their kinds (152/KH
    and 152/QĐ too: an office numbers all it sends in one run per year, Nghị định 30/2020,
    Điều 15): the second is invalid (the one built now, when the other was kept), its message
    giving its own Số/ký hiệu and the other document's."""
    entries = ((p, kept[p] if p in kept else staged[p].entry) for p in paths)
    numbered = {p: e for p, e in entries if e is not None}
    refuse_second_claims(
        staged,
        ((p, key) for p, e in numbered.items() if (key := entry_key(e)) is not None),
        # The other named as the refused one is: from the working folder.
        lambda refused, other, _: repeated_number_error(
            refused, numbered[refused].so_ky_hieu, shown(other), numbered[other].so_ky_hieu
        ).message(),
    )


def drop_repeated_kept(paths: list[Path], kept: dict[Path, Entry]) -> None:
    """Of two kept documents (unchanged since made) with one number, the later is built again,
    so that refuse_repeated_numbers refuses it: two such outputs (written by an older vanthu,
    whose render did not ask) are refused whichever of them was touched, not left as they are
    because neither changed."""
    claims = ((p, key) for p in paths if p in kept and (key := entry_key(kept[p])) is not None)
    for _, second, _ in list(second_claims(claims)):
        kept.pop(second, None)


def drop_overlapping_kept(
    layout: Layout, paths: list[Path], kept: dict[Path, Entry],
    held: Callable[[], list[BookClaim]],
) -> None:
    """A kept batch whose numbers another kept batch (or one outside the build) holds is built
    again, so that refuse_overlapping_book_numbers refuses it: two batches both printed before
    (one accepted by an older vanthu) are refused whichever of them was touched, not only when
    one of them changes. `held`: the batches outside the build (book_claims.held_claims_once)."""
    claims = [
        claim for path in paths if path in kept
        and (claim := entry_claim(layout, path, kept[path], PRINTED)) is not None
    ]  # fmt: skip
    if not claims:
        return
    claims += held()
    for path in book_overlaps(claims):
        del kept[path]


def refuse_overlapping_book_numbers(
    layout: Layout, paths: list[Path], staged: dict[Path, Staged], kept: dict[Path, Entry],
    recorded: Recorded, held: Callable[[], list[BookClaim]],
) -> None:
    """Two Giấy khen batches of one office and year whose sổ vàng numbers (so_vao_so, one per
    certificate) overlap would print the same number twice: the one book_overlaps picks is
    invalid (the one built now, when the other was kept), its message naming every batch
    holding its numbers. The batches outside the build count as their manifests record them.
    Only manifest entries and staged results are read; a data file is parsed only to word the
    refusal (certificates.book_overlap_error). `held`: as drop_overlapping_kept's."""
    claims: list[BookClaim] = []
    for path in paths:
        if path in kept:
            claim = entry_claim(layout, path, kept[path], PRINTED)
        elif path in staged and (numbers := staged[path].book_claim) is not None:
            claim = run_claim(layout, path, numbers, recorded)
        else:
            claim = None
        if claim is not None:
            claims.append(claim)
    if not any(path in staged for path in (c.path for c in claims)):
        return
    claims += held()
    overlaps = book_overlaps(claims)
    if not overlaps:
        return
    from pipeline.load.certificates import book_overlap_error

    year = {c.path: c.key[2] for c in claims}
    for path, others in overlaps.items():
        if path in staged:
            error = book_overlap_error(path, others, year[path], in_build=True)
            staged[path] = staged[path].refused(error.message())


def refuse_other_registers(workspace: Workspace, layout: Layout, todo: list[Path],
                           staged: dict[Path, Staged], recorded: Recorded,
                           register: Callable[[], Register] | None = None) -> None:
    """Before any number is given: a so: tu_dong document whose output was numbered from
    another register than the one in use now is invalid (documents.refuse_other_register),
    unless the register in use (`register`, None: not made yet) holds its number, imported."""
    numbering = [path for path in todo if staged[path].numbering is not None]
    if not numbering:  # a no-change rebuild: the register's document helpers bring the contexts
        return
    from pipeline.register.documents import refuse_other_register

    for path in numbering:
        item = staged[path]
        try:
            refuse_other_register(workspace, path, recorded.written(layout.name_of(path)),
                                  register)
        except VanthuError as exc:
            staged[path] = replace(item, invalid=exc.message(), numbering=None)


def refuse_unmigrated(workspace: Workspace, todo: list[Path], staged: dict[Path, Staged],
                      recorded: Recorded, register: Callable[[], Register] | None) -> None:
    """Before any number is given: a document asking for a new number (its data file holds
    none from any register, as its manifest entry says, or the register in use holds no live
    number for the file: documents.asks_new_number) of a year whose numbers the register in
    use lacks (switched.unmigrated: the workspace was pointed at another register, or its
    register emptied) is invalid, saying how to move the old register over: it would be given 01
    again, a number issued already."""
    asking = [path for path in todo
              if staged[path].numbering is not None and staged[path].invalid is None]
    if not asking:
        return
    named: set[tuple[str, str]] | None = None  # the data files the register names, read once
    if register is not None and any(
            (written := recorded.written(staged[p].name)) is not None and written.so_tu_dong
            for p in asking):
        named = register().source_numbers().named()
    waiting = {}
    for path in asking:
        numbering = staged[path].numbering
        assert numbering is not None
        written = recorded.written(staged[path].name)
        # Its number, or what became of it, is the register's to say while a row names it
        # (documents.asks_new_number); one the register in use holds none for (emptied or
        # replaced since it was built) asks for a new number like a new document.
        if (written is not None and written.so_tu_dong and named is not None
                and (written.co_quan, staged[path].name) in named):
            continue
        waiting[path] = Register.year_of(numbering.details, None)
    if not waiting:
        return
    from pipeline.register.documents import unmigrated_errors

    errors = unmigrated_errors(workspace, recorded, list(waiting.items()), register)
    for path, error in errors.items():
        staged[path] = staged[path].refused(error.message())


def refuse_unrecorded_runs(todo: list[Path], staged: dict[Path, Staged],
                           register: Callable[[], Register]) -> None:
    """Before any number is given: a document to be numbered (so: tu_dong, or a number it
    types) in a run its office's plan sends it to, while the register numbers that year's
    documents of its ký hiệu in another run, by a plan it does not keep (an older vanthu's
    `so --tach`), is invalid, saying how to record the plan (Register.sequence_for:
    register.sequence_unrecorded); both runs would print the same numbers."""
    for path in todo:
        item = staged[path]
        asked = item.asked_of_register
        if asked is None:
            continue
        agency, details, _number = asked
        try:
            register().sequence_for(agency, details)
        except RegisterError as exc:
            staged[path] = item.refused(exc.message())


def drop_renumbered(
    layout: Layout, paths: list[Path], kept: dict[Path, Entry], register: Callable[[], Register]
) -> None:
    """A kept Giấy khen batch printing its decision's register number is rebuilt when the
    register now holds another number for the decision's data file (voided and given anew), and
    so is every kept so: tu_dong document the register holds another number for, or whose
    number it holds as void (`vanthu so huy`): the rebuild gives it a new one. So is one whose
    number the register that gave it (its manifest says which) holds no row for the file of,
    but gives to another document (an old sổ imported after it was built: renumbered,
    saying so) or to none (a register emptied or replaced: refuse_unmigrated refuses it,
    saying how to restore it) (documents.lost_number): an output is current only while the
    register holds its number for it. One numbered from another register than the one in use
    is left as it is. A batch is also rebuilt with its decision, whose number this build may
    give anew. One read of the register, opened only when such a document is kept, so a build
    without any never waits for it."""
    printed: dict[Path, tuple[str, str, int]] = {}
    for path, entry in kept.items():
        if entry.lender is not None and entry.lent_number is not None:
            printed[path] = (entry.co_quan, entry.lender, entry.lent_number)
        elif entry.so_tu_dong and entry.so is not None:
            printed[path] = (entry.co_quan, layout.name_of(path), entry.so)
    if printed:
        held = register().source_numbers()
        named = held.named()
        for path, (agency, source, number) in printed.items():
            now = held.live.get((agency, source))
            if (now is not None and now != number) or (agency, source, number) in held.void:
                del kept[path]
            elif (pending := held.pending.get((agency, source, number))) is not None:
                confirm_written(register(), path, kept, pending)
            elif (agency, source) not in named and kept[path].lender is None:
                from pipeline.register.documents import lost_number

                if lost_number(register(), layout.workspace, kept[path], source) is not None:
                    del kept[path]
    rebuilt = {layout.name_of(p) for p in paths if p not in kept}
    for path, entry in list(kept.items()):
        if entry.lender is not None and entry.lender in rebuilt:
            del kept[path]


def confirm_written(register: Register, path: Path, kept: dict[Path, Entry],
                    pending: tuple[int, date | None]) -> None:
    """A kept so: tu_dong document whose number is still pending (a build lost the register
    once its output was written: unconfirmed): confirmed now, its output kept as it is (as
    written, or as edited by hand since). One whose row records another date than its output
    (a document edited, the row not yet told) is built again, which confirms it with what the
    document says now."""
    entry = kept[path]
    row_id, when = pending
    if entry.lender is not None:
        return
    if when is not None and when.isoformat() != entry.ngay:
        del kept[path]
        return
    register.confirm(row_id)


def refuse_registered_numbers(
    layout: Layout, todo: list[Path], staged: dict[Path, Staged],
    register: Callable[[], Register],
) -> None:
    """A document of this build typing its own number (so: 40) that the register holds for
    another document becomes invalid, its message naming that row (store.holds_for
    says when a row is the document's own); the register is opened only when there is one."""
    # Imported here: the register's document helpers bring the contexts, which a
    # build with nothing to number (a no-change rebuild) never needs.
    from pipeline.register.documents import taken_number_error, typed_number_holder

    for path in todo:
        item = staged[path]
        entry = item.entry
        if (item.invalid is not None or entry is None or entry.so is None or entry.so_tu_dong
                or item.lender is not None or "/" not in entry.so_ky_hieu):
            continue
        holder = typed_number_holder(register(), entry.co_quan, entry.so, typed_details(entry),
                                     layout.name_of(path))
        if holder is not None:
            staged[path] = item.refused(
                taken_number_error(path, entry.so_ky_hieu, holder).message())


def refuse_left_behind(
    paths: list[Path], todo: list[Path], staged: dict[Path, Staged], kept: dict[Path, Entry],
    register: Callable[[], Register], asking: Mapping[str, tuple[str, Details]],
    outside: Callable[[], Mapping[str, tuple[str, Details]]] | None = None,
) -> set[str]:
    """A document of this build asking for a new number (so: tu_dong) while the register holds
    numbers of its type and date whose data files are gone (Register.left_behind) becomes
    invalid, before any number is given: a file renamed and edited (its trích yếu) would
    otherwise take a second number for one document, its first left in the sổ without one,
    and only the clerk knows whether it is that document or a new one beside one deleted
    (documents.left_behind_error says both ways out). A number another document of this
    build types (so: 06, kept or not) is its own, not left behind, nor is one whose document
    another file asking for a number records (documents.left_without_document: the file
    renamed takes it, and a copy of it edited is numbered anew): one of `asking` (this
    build's, waiting_documents) or, for a build of one folder, of `outside` (the workspace's
    others, read then). Returns the data files gone that the refusals name (their numbers
    said: remove_orphans says no more of them)."""
    from pipeline.register.documents import left_behind_error, left_without_document

    asked: set[str] = set()
    waiting = [p for p in todo if staged[p].numbering is not None and staged[p].invalid is None]
    if not waiting:
        return asked
    entries = ((kept[p] if p in kept else staged[p].entry) for p in paths)
    typed = {(e.co_quan, e.ngay[:4], e.so) for e in entries
             if e is not None and e.so is not None and not e.so_tu_dong}
    book = register()
    named_office: bool | None = None  # read once, when a refusal needs it
    others: Mapping[str, tuple[str, Details]] | None = None  # with `outside`, read once
    for path in waiting:
        item = staged[path]
        numbering = item.numbering
        assert numbering is not None
        rows = [row for row in book.left_behind(numbering.agency, numbering.details, item.name)
                if (row.agency, str(row.year), row.number) not in typed]
        if rows:
            if others is None:
                others = {**outside(), **asking} if outside is not None else asking
            rows = left_without_document(book, rows, others, item.name)
        if rows:
            if named_office is None:
                named_office = len(book.agencies()) > 1
            error = left_behind_error(path, rows, named_office=named_office)
            staged[path] = item.refused(error.message())
            asked.update(row.source for row in rows if row.source is not None)
    return asked


def hand_over_renamed(
    todo: list[Path], staged: dict[Path, Staged], register: Callable[[], Register],
    outside: Callable[[], Mapping[str, tuple[str, Details]]] | None = None,
) -> None:
    """Before any number is given: an issued number follows its document to another data
    file of this build when its own file now records another document (a file renamed and a
    new one written under its old name; two files' names swapped: Register.renamed_rows), so
    that the issued document keeps its number and the new one is given a new number, instead
    of its row being rewritten for the new one. A document for which that cannot be told is
    invalid (documents.unclear_holder_error), its number left as it is. A build of one folder
    judges with the workspace's other documents asking for a number (`outside`, read only
    when one of its own may take or leave a number: documents.with_documents_outside), as
    render of one file does: a file renamed out of the folder and its copy left in it are
    two claimants too; a file outside the build is refused when it is built."""
    from pipeline.register.documents import (
        follow_documents,
        unclear_holder_error,
        with_documents_outside,
    )

    valid = [p for p in todo if staged[p].invalid is None]
    waiting = {staged[p].name: p for p in valid}
    documents: Mapping[str, tuple[str, Details]] = waiting_documents(valid, staged)
    if not documents or (outside is None and len(documents) < 2):
        return
    book = register()
    if outside is not None:
        documents = with_documents_outside(book, documents, outside)
        if len(documents) < 2:
            return
    unclear = follow_documents(book, documents)
    named_office: bool | None = None  # read once, when a refusal needs it
    for name, (row, files) in unclear.items():
        path = waiting.get(name)
        if path is None:
            continue  # outside the build
        if named_office is None:
            named_office = len(book.agencies()) > 1
        error = unclear_holder_error(path, row, files, named_office=named_office)
        staged[path] = staged[path].refused(error.message())


def waiting_documents(todo: list[Path],
                      staged: dict[Path, Staged]) -> dict[str, tuple[str, Details]]:
    """The office and register columns of each document of this build asking for its number
    (so: tu_dong), by data file."""
    return {staged[p].name: (numbering.agency, numbering.details) for p in todo
            if (numbering := staged[p].numbering) is not None}


def outside_documents(
    workspace: Workspace, paths: list[Path]
) -> Callable[[], Mapping[str, tuple[str, Details]]]:
    """For a build of one folder (`paths`, its inputs): the workspace's other documents asking
    for a number (documents.asking_documents), read once, when first asked."""

    @cache
    def read() -> Mapping[str, tuple[str, Details]]:
        from pipeline.register.documents import asking_documents

        return asking_documents(workspace, {workspace.name_of(p) for p in paths})

    return read


def refuse_other_runs(todo: list[Path], staged: dict[Path, Staged],
                      register: Callable[[], Register]) -> None:
    """Before any number is given: a document of this build asking for its number (so:
    tu_dong) whose data file holds one of another year or sequence (its date corrected into
    the next year: Register.held_in_other_run) is invalid, at its field
    (documents.other_run_error), as check says it; the other documents are built.
    The register would refuse it while numbering (register.source_elsewhere), stopping the
    whole build."""
    from pipeline.register.documents import other_run_error

    for path in todo:
        item = staged[path]
        numbering = item.numbering
        if numbering is None or item.invalid is not None:
            continue
        book = register()
        row = book.held_in_other_run(numbering.agency, numbering.details, item.name)
        if row is not None:
            error = other_run_error(book, path, numbering.details, row)
            staged[path] = item.refused(error.message())


def refuse_changed_signers(
    workspace: Workspace, todo: list[Path], staged: dict[Path, Staged],
    register: Callable[[], Register],
) -> None:
    """Before any number is given: a document of this build whose number the register holds,
    issued, with another signer than the document now prints (a new head named in the
    profile: documents.signer_changed_row) is invalid, its output and its row left as they
    are: written again, the archived output and the sổ's Người ký would name someone who did
    not sign the paper issued under that number. Its message (documents.signer_change_error)
    names the number, its date, both signers and the ways out: name a profile signer who
    prints the former one, or `vanthu render --force FILE` for a correction (the build has no
    such option: a correction is said file by file). --force does not lift it either: it
    rebuilds what is unchanged, and says nothing about who signed. The document is loaded
    again, here, only to word the refusal; a document the register holds nothing for (not yet
    numbered) is not concerned. A Giấy khen batch printing a refused decision's number (and
    signer) is refused with it (build.lender_not_written)."""
    from pipeline.register.documents import signer_change_error, signer_changed_row

    refused: set[str] = set()
    for path in todo:
        item = staged[path]
        asked = item.asked_of_register
        if asked is None or item.failed is not None:
            continue
        agency, details, number = asked
        row = signer_changed_row(register(), agency, details, item.name, number)
        if row is None:
            continue
        try:
            why = signer_change_error(workspace, workspace.load(path), row).message()
        except VanthuError as exc:  # loaded by the worker a moment ago: changed since
            why = exc.message()
        staged[path] = item.refused(why)
        refused.add(item.name)
    # A Giấy khen batch prints its decision's number and signer: it waits with its decision.
    for path in todo:
        lender = staged[path].lender
        if lender is not None and lender.source in refused:
            staged[path] = staged[path].refused(
                RenderError("build.lender_not_written", name=lender.source).message())


def refuse_typed_ahead(
    layout: Layout, todo: list[Path], staged: dict[Path, Staged],
    register: Callable[[], Register], *, allowed: bool,
) -> list[str]:
    """Before any number is given: a number typed in the data (so: 145) past the register's
    next one, leaving numbers no other document of this build types, while so: tu_dong
    documents of its office, year and sequence dated before it wait for new numbers. Given
    now, those would all follow it (146, 147... on documents of January), out of the order of
    issue and for good: the typed document is invalid, its message naming them and the ways
    out (documents.typed_ahead_error). With `allowed` (build --bo-qua-so: the clerk confirms
    the number), nothing is refused and the warning of each such typed number is returned."""
    typed = [p for p in todo if staged[p].invalid is None and staged[p].typed is not None]
    waiting = [p for p in todo if staged[p].invalid is None and staged[p].numbering is not None]
    if not typed or not waiting:
        return []
    book = register()
    # (office, year, sequence) → the numbers typed in this build, and each waiting document
    # that holds no number yet, with its date.
    typed_here: dict[tuple[str, int, str], set[int]] = {}
    ahead: list[tuple[Path, tuple[str, int, str], int, date]] = []
    for path in typed:
        request = staged[path].typed
        assert request is not None
        year, sequence, following = book.following(request.agency, request.details)
        key = (request.agency, year, sequence)
        typed_here.setdefault(key, set()).add(request.number)
        when = request.details.doc_date
        if (request.number > following and when is not None
                and book.entry(request.agency, year, request.number, sequence) is None):
            ahead.append((path, key, following, when))
    if not ahead:
        return []
    new: dict[tuple[str, int, str], list[tuple[date, str]]] = {}
    for path in waiting:
        numbering = staged[path].numbering
        assert numbering is not None
        when = numbering.details.doc_date
        if when is None or book.by_source(numbering.agency, staged[path].name) is not None:
            continue  # undated, or keeps the number it holds
        year, sequence, _ = book.following(numbering.agency, numbering.details)
        new.setdefault((numbering.agency, year, sequence), []).append((when, staged[path].name))
    warnings: list[str] = []
    for path, key, following, when in ahead:
        request = staged[path].typed
        assert request is not None
        gap = [n for n in range(following, request.number) if n not in typed_here[key]]
        earlier = sorted(item for item in new.get(key, []) if item[0] < when)
        if not gap or not earlier:
            continue
        from pipeline.register.documents import typed_ahead_error

        error = typed_ahead_error(path, staged_reference(staged[path]), request.number,
                                  following, gap, [name for _, name in earlier], allowed=allowed)
        if allowed:
            warnings.append(error.message())
        else:
            staged[path] = staged[path].refused(error.message())
    return warnings


# The room a document waiting for its number needs in its output folder, at least: a .docx of
# a few pages is tens of KB, a long list's a few hundred; its PDF about as much again.
ROOM_PER_DOCUMENT = 512 * 1024


def refuse_unwritable(
    layout: Layout, waiting: list[Path], staged: dict[Path, Staged], *, pdf: bool = False
) -> None:
    """Before any number is given: the so: tu_dong documents whose output folder cannot take a
    file (read-only, a file in the way, no permission) or has too little room
    (ROOM_PER_DOCUMENT each) fail with the reason, numbered by no one: a number given and
    then not written would be voided, one more on every retry."""
    folders: dict[Path, list[Path]] = {}
    for path in waiting:
        numbering = staged[path].numbering
        if staged[path].invalid is None and numbering is not None:
            folders.setdefault((layout.output_dir / numbering.output).parent, []).append(path)
    for folder, paths in folders.items():
        error = folder_problem(folder, len(paths), ROOM_PER_DOCUMENT * (2 if pdf else 1))
        if error is None:
            continue
        for path in paths:
            staged[path] = Staged(path, staged[path].name, failed=error, unwritten=True)


def stop_unwritten(todo: list[Path], staged: dict[Path, Staged], folders_before: set[Path],
                   result: BuildResult) -> bool:
    """Before any number is given or any output put in place: when an output folder cannot
    take the outputs bound for it (read-only, no permission, full: refuse_unwritable, or a
    worker's staging), the build stops as for an invalid input: every staged file is dropped
    (the room they took freed), nothing is written, the register is not touched (a number a
    document holds pending stays so), and `result` holds those documents, failed with their
    folder's error (said once per folder: progress.print_report). Whether it stopped."""
    unwritten = [p for p in todo if staged[p].unwritten]
    if not unwritten:
        return False
    discard(staged, folders_before)
    result.documents = [DocumentResult(p, staged[p].name, Status.FAILED, error=staged[p].failed,
                                       seconds=staged[p].seconds) for p in unwritten]
    result.stopped = True
    return True


def folder_problem(folder: Path, count: int, each: int) -> str | None:
    """Why `folder` (made when missing) cannot take `count` new documents of `each` bytes at
    most: a test file written and removed, then its free space, said with the room found and
    the room wanted (a disk with a few MB free is not full: the clerk is told how much to free);
    None when it can."""
    try:
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".vanthu-", suffix=".tmp", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        return folder_error(folder, exc).message()
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return None  # not known here: the write says it, if it fails
    if free < count * each:
        from pipeline.batch.room import Size  # imported for this refusal alone (~3 M instructions)

        return RenderError("build.too_little_room", folder=str(folder), count=count,
                           needed=Size(count * each), each=Size(each), free=Size(free)).message()
    return None


def typed_details(entry: Entry) -> Details:
    """What the register records of a document typing its own number, from its manifest entry:
    its date and ký hiệu (the part of its Số/ký hiệu after the "/"), all an entry says."""
    symbol = entry.so_ky_hieu.split("/", 1)[1]
    return Details(doc_date=date.fromisoformat(entry.ngay), symbol=symbol)


def find_lenders(
    todo: list[Path], staged: dict[Path, Staged], register: Callable[[], Register]
) -> dict[Path, Path | int]:
    """For each document printing another's register number (a Giấy khen batch: its
    decision's): the document of this build that is to be numbered, else the number the
    register already holds; a document whose lender has neither becomes invalid, at its
    reference to it."""
    numbered_here = {staged[p].name: p for p in todo if staged[p].numbering is not None}
    found: dict[Path, Path | int] = {}
    for path in todo:
        lender = staged[path].lender
        if lender is None:
            continue
        if lender.source in numbered_here:
            found[path] = numbered_here[lender.source]
            continue
        entry = register().by_source(lender.agency, lender.source)
        if entry is None:
            staged[path] = staged[path].refused(lender.refusal)
        else:
            found[path] = entry.number
    return found


def allocate(
    register: Register, waiting: list[Path], staged: dict[Path, Staged]
) -> dict[Path, RegisterEntry]:
    """The register's number of each document that asks for one, in the order of their dates
    (ties and undated documents in the inputs' order, undated last): a register runs in the
    order documents are issued. A data file that already holds a number keeps it."""
    numbers = {}
    for path in sorted(waiting, key=lambda p: issue_order(staged[p])):
        numbering = staged[path].numbering
        assert numbering is not None
        numbers[path] = register.allocate(numbering.agency, numbering.details,
                                          source=staged[path].name)  # fmt: skip
    return {path: numbers[path] for path in waiting}


def issue_order(item: Staged) -> tuple[bool, date]:
    """Where a document waiting for its number comes in the register: by its date, undated
    last (sorted() keeps the inputs' order within one key)."""
    when = item.numbering.details.doc_date if item.numbering is not None else None
    return (when is None, when or date.min)


def record_typed_numbers(
    register: Register, layout: Layout, paths: list[Path], kept: dict[Path, Entry],
    staged: dict[Path, Staged], result: BuildResult, *, kept_too: bool,
) -> None:
    """Vào sổ the number each document of this build types in its data (so: 40), in one
    transaction (Register.record_typed): the counter moves past it, so the numbers this build
    then gives never repeat it, nor do later ones. With `kept_too` (the build numbers documents,
    so the register is open anyway), the typed numbers of kept documents the register lacks are
    filled in too (date and ký hiệu, all a manifest says). A number another row took meanwhile
    makes the document invalid (kept ones: a warning); a number skipping the register's next
    ones, or out of date order, is a warning."""
    # Imported here: the register's document helpers bring the contexts, which a
    # build with nothing to number (a no-change rebuild) never needs.
    from pipeline.register.documents import taken_number_error, typed_warnings

    requests: dict[Path, TypedRequest] = {}
    for path in paths:
        if path not in kept:
            item = staged[path]
            if item.invalid is None and item.typed is not None:
                requests[path] = item.typed
            continue
        entry = kept[path]
        if kept_too and entry.typed_number and entry.so is not None:  # so: for the type checker
            requests[path] = TypedRequest(entry.co_quan, entry.so, typed_details(entry),
                                          layout.name_of(path), update=False)
    done = register.record_typed(requests.values())
    for (path, request), typed in zip(requests.items(), done, strict=True):
        if typed.holder is not None:
            reference = kept[path].so_ky_hieu if path in kept else staged_reference(staged[path])
            why = taken_number_error(path, reference, typed.holder).message()
            if path in kept:
                result.warnings.append(why)
            else:
                staged[path] = staged[path].refused(why)
        elif request.update:
            result.warnings.extend(typed_warnings(register, typed, layout.name_of(path)))


def staged_reference(item: Staged) -> str:
    return item.entry.so_ky_hieu if item.entry is not None else item.name


def settle(
    register: Register,
    layout: Layout,
    numbers: dict[Path, RegisterEntry],
    described: dict[Path, Details],
    entries: dict[Path, Entry],
    result: BuildResult,
    unwritten: set[Path] | None = None,
) -> None:
    """Confirm the numbers of the documents now in place, with what each document says now (a
    document numbered before and edited since: its row follows it); void the new ones that
    were not written, with the reason (a number once given is never given again), except a
    document of `unwritten`, which failed only because its output could not be written (a
    read-only or full output folder): its number stays pending for it, so that the next
    build, once the folder takes it, prints that number instead of voiding one per try. Then, with
    every row of the build as it ends (a date this build changes is never compared in its
    old state), warn of a number dated out of order: a new one, or one whose date changed
    (order_warning)."""
    # Imported here: the register's document helpers bring the contexts, which a
    # build with nothing to number (a no-change rebuild) never needs.
    from pipeline.register.documents import order_warning

    failed = {d.input: d for d in result.documents if d.error is not None}
    confirmed: dict[Path, RegisterEntry] = {}
    pending: dict[str, list[tuple[DocumentResult, RegisterEntry]]] = {}  # by the shared error
    for path, number in numbers.items():
        if path in entries:
            confirmed[path] = register.confirm(number, described.get(path))
        elif number.status is RowStatus.PENDING and path in (unwritten or set()):
            document = failed.get(path)
            if document is not None and document.error is not None:
                pending.setdefault(document.error, []).append((document, number))
        elif number.status is RowStatus.PENDING:
            # The error is the clerk's to read (the build says it); the printed sổ says why
            # in a few words, never a machine's path.
            register.void_entry(number, t(VOID_REASON, lang="vi"))
            document = failed.get(path)
            if document is not None and document.error is not None:  # say so with its error
                document.error = t("register.number_voided", error=document.error.rstrip(" ."),
                                   reference=number.reference, reason=t(VOID_REASON))
    say_kept_pending(pending, result)
    for path, entry in confirmed.items():
        before = numbers[path]
        warning = order_warning(register, entry, layout.name_of(path),
                                None if before.fresh else before)
        if warning is not None:
            result.warnings.append(warning)


# How many numbers kept pending one warning names before "…".
_PENDING_LISTED = 10


def say_kept_pending(pending: dict[str, list[tuple[DocumentResult, RegisterEntry]]],
                     result: BuildResult) -> None:
    """Say that each number given to a document left unwritten (settle) stays pending for it:
    after the document's error when it alone failed so; once, as a warning naming the numbers,
    for the documents an output folder failed alike (a disk filled up while they were
    written), whose shared error the build says once (progress.failures)."""
    for error, group in pending.items():
        if len(group) == 1:
            document, number = group[0]
            document.error = t("register.number_kept_pending", error=error.rstrip(" ."),
                               reference=number.reference)
            continue
        references = first_named([number.reference for _, number in group], _PENDING_LISTED)
        result.warnings.append(t("register.numbers_kept_pending", count=len(group),
                                 references=references))


def warn_copies(
    register: Register, layout: Layout, numbers: dict[Path, RegisterEntry], result: BuildResult
) -> None:
    """A warning for each number given in this build to a copy of a document another data
    file's row records (copy_warning)."""
    from pipeline.register.documents import copy_warning

    for path, entry in numbers.items():
        if entry.fresh and (warning := copy_warning(register, entry, layout.name_of(path))):
            result.warnings.append(warning)


def renumbered(
    register: Register, layout: Layout, numbers: dict[Path, RegisterEntry], recorded: Recorded
) -> dict[Path, str]:
    """The warning for each document of this build whose output printed another number from
    the register than the one it is given now (documents.replaced_number_warning: voided,
    given to another document, or no longer the file's). The rebuilt output prints the new
    number, and a copy already printed or signed carries the old one: the clerk must know."""
    from pipeline.register.documents import replaced_number_warning
    from pipeline.register.holders import own_register_number

    found: dict[Path, str] = {}
    for path, entry in numbers.items():
        name = layout.name_of(path)
        written = recorded.written(name)
        if written is None or own_register_number(written) in (None, entry.number):
            continue
        output = layout.workspace.display(layout.output_dir / written.output)
        warning = replaced_number_warning(register, name, written, entry.number,
                                          entry.reference, output)
        if warning is not None:
            found[path] = warning
    return found


# How many outputs an error names before "…".
_LISTED = 20


def unconfirmed(error: VanthuError, layout: Layout, numbers: dict[Path, RegisterEntry],
                entries: dict[Path, Entry]) -> VanthuError:
    """`error` (the register lost, or refusing a confirmation) saying that the documents of
    this build are in place and recorded, printing numbers the register has not confirmed,
    and to build again once the register answers: that build confirms them (drop_renumbered)
    and keeps the files as they are."""
    written = [layout.workspace.display(layout.output_dir / entries[path].output)
               for path in numbers if path in entries]
    shown = first_named(written, _LISTED)
    return RegisterError("build.written_unconfirmed", error=Said(error, located=True),
                         count=len(written), files=shown)


def stage_all(
    workspace: Workspace,
    layout: Layout,
    todo: list[StageJob],
    jobs: int | None,
    progress: Reporter,
    rebuilt: frozenset[Path] | None = None,
) -> dict[Path, Staged]:
    """Load, render and stage every input of `todo` in the workers; `rebuilt`: see
    runner._rebuilt."""
    staged: dict[Path, Staged] = {}
    if not todo:
        return staged
    # Imported here: the workers bring the renderer and every kind's readers, which a build
    # with nothing to do never needs; on the command line, modules that last (late_imports).
    with late_imports():
        from pipeline.batch.runner import Workers, stage_batch

    # Each document keyed by its job's own Path (the caller's, from the build's `paths`), not
    # by the worker's unpickled copy of it: the checks and the placing after this look every
    # document up some 25 times by the build's own objects, which a dict matches by identity;
    # by an equal copy, each look-up called PurePath.__eq__ (the checks took 10 ms at 1,000
    # documents, 5 ms so). One job stages in this process: its results hold the jobs' own.
    workers_wanted = min(jobs or os.cpu_count() or 1, len(todo))
    own = {job.path: job.path for job in todo} if workers_wanted > 1 else {}
    with Workers(workers_wanted, workspace, rebuilt) as workers:
        progress.start(len(todo))
        try:
            lost = lambda job, why: Staged(job.path, layout.name_of(job.path), failed=why)  # noqa: E731
            for item in workers.run(stage_batch, todo, lost):
                path = own.get(item.path, item.path)
                staged[path] = item
                status = Status.FAILED if item.invalid or item.failed else Status.BUILT
                progress.advance(DocumentResult(path, item.name, status))
        finally:
            progress.stop()
    return staged


def rebuilt_documents(todo: list[Path]) -> frozenset[Path]:
    """The documents a build loads, as the list readers compare them (lists.asked_documents)."""
    # Imported here: the list readers bring the awards and contexts, which a build with
    # nothing to do never needs.
    from pipeline.load.lists import asked_documents

    return asked_documents(todo)


def existing_folders(root: Path) -> set[Path]:
    """`root` and every folder below it, as they are before the build writes anything."""
    if not root.is_dir():
        return set()
    return {root, *(p for p in root.rglob("*") if p.is_dir())}


def discard(staged: dict[Path, Staged], folders_before: set[Path]) -> None:
    """Drop the staged files, and the folders staging made, so that nothing was written."""
    made: set[Path] = set()
    for item in staged.values():
        if item.staged is not None:
            staged_file = Path(item.staged)
            staged_file.unlink(missing_ok=True)
            made.update(f for f in [staged_file.parent, *staged_file.parents] if f.is_dir())
    for folder in sorted(made - folders_before, key=lambda f: len(f.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


def finish(
    layout: Layout,
    finisher: Finisher,
    paths: list[Path],
    kept: dict[Path, Entry],
    staged: dict[Path, Staged],
    recorded: Recorded,
    result: BuildResult,
    borrowers: dict[Path, Path] | None = None,
    edited: dict[Path, Edited] | None = None,
) -> dict[Path, Entry]:
    """Put every staged document in place (and its PDF); the entries of the documents now done.

    `borrowers`: documents printing the number given in this build to another (a Giấy khen
    batch, its decision's); they are put in place after it, and only when it was. `edited`:
    kept documents whose files were edited by hand since (Freshness.judge): left as they are,
    manifest entry too, with a warning saying how to make them again."""
    borrowers = borrowers or {}
    edited = edited or {}
    entries: dict[Path, Entry] = {}
    # The results in the order of `paths`; the borrowers' by input (placed last, as they come
    # after their lenders). A list, not a dict of every document: 0.15 MB less at 5,000.
    documents: list[DocumentResult] = []
    borrowed: dict[Path, DocumentResult] = {}
    # A stop deferred around each document's placing (Finisher.finish), its handler swapped in
    # once for all of them.
    try:
        with StepsDeferred() as finisher.steps:
            for path in sorted(paths, key=lambda p: p in borrowers):  # stable: lenders first
                document, done = _placed(layout, finisher, path, kept, staged, recorded,
                                         borrowers, edited, entries)  # fmt: skip
                if path in borrowers:
                    borrowed[path] = document
                else:
                    documents.append(document)
                if done is not None:
                    entries[path] = done
    finally:
        finisher.steps = None
    finisher.convert_pdfs(entries)  # once every .docx is in place: one converter call for all
    if borrowed:  # each where its input is
        others = iter(documents)
        documents = [borrowed[p] if p in borrowed else next(others) for p in paths]
    result.documents.extend(documents)
    if finisher.lost is not None:
        result.warnings.extend(finisher.lost.warnings())
    upgraded = rebuilt_warning(result.documents, finisher.restyled, finisher.rewritten)
    if upgraded is not None:  # before the hand edits it replaced: it says why
        result.warnings.append(upgraded)
    result.warnings.extend(finisher.replaced)
    if finisher.pdf_error is not None:
        result.errors.append(finisher.pdf_error)
    return entries


def _placed(
    layout: Layout,
    finisher: Finisher,
    path: Path,
    kept: dict[Path, Entry],
    staged: dict[Path, Staged],
    recorded: Recorded,
    borrowers: dict[Path, Path],
    edited: dict[Path, Edited],
    entries: dict[Path, Entry],
) -> tuple[DocumentResult, Entry | None]:
    """One document of `finish`: its result, and its entry now (None when it is not done);
    `entries`: those of the documents before it."""
    name = layout.name_of(path)
    if path in kept:
        entry = kept[path]
        output = layout.output_dir / entry.output
        pdf_path = layout.output_dir / entry.pdf if entry.pdf else None
        document = DocumentResult(path, name, Status.UNCHANGED, output, pdf_path)
        if path in edited:
            document.status = Status.KEPT
            document.error = edited[path].said(layout, name)
        return document, entry
    item = staged[path]
    lender = borrowers.get(path)
    if lender is not None and lender not in entries:
        why = RenderError("build.lender_not_written", name=layout.name_of(lender)).message()
        item = item.refused(why)
    if item.invalid is not None:
        return DocumentResult(path, name, Status.FAILED, error=item.invalid), None
    return finisher.finish(item, recorded.written(name))


def remove_orphans(
    layout: Layout,
    freshness: Freshness,
    recorded: Recorded,
    prefix: str,
    paths: list[Path],
    entries: dict[Path, Entry],
    result: BuildResult,
    asked: set[str] | None = None,
    register: Callable[[], Register] | None = None,
    *,
    said: Collection[Path] = (),
) -> None:
    """Remove each output (.docx, .pdf) a manifest records for an input named below `prefix`
    (this build's folder) that no input produces any more, while its sha256 is still the one
    recorded; one edited since, or that cannot be removed, is kept with a warning, unless
    `said` names it: the build said already what it left of it (Finisher.unremoved_pdfs: an
    old .docx's PDF, vanthu's own, that could not be removed when the new one's failed). The
    number the register gave a removed input stays in the sổ, which a warning says with the
    line that voids it (from its row in `register`, the register in use when made), unless
    `asked` names the input: a refused document's message said so already (refuse_left_behind).

    Only the manifests' entries are compared (no file is read on a build that changed
    nothing); a file is hashed only once it is to go. What an input of this build that
    failed had written stays, and so does every output a manifest still names."""
    if not any(manifest.entries for manifest in recorded.manifests.values()):
        # Nothing recorded (a first build): nothing to remove, and the sets below, which hold
        # every document of the build, are not made (at 5,000 documents they were 1.3 MB of
        # the build's peak RSS, made at its very end).
        return
    failed = {layout.name_of(p) for p in paths if p not in entries}  # still there: kept
    wanted: set[str] = set()  # output names that stay: this build's, or not its to remove
    candidates: dict[str, list[tuple[str, str | None]]] = {}
    numbered: dict[str, Entry] = {}  # a removed input's entry, when the register numbered it
    taken: set[tuple[str, str]] | None = None  # this build's numbers, made once one is asked
    for entry in entries.values():
        wanted.add(entry.output)
        if entry.pdf is not None:
            wanted.add(entry.pdf)
    for manifest in recorded.manifests.values():
        for name, entry in manifest.entries.items():
            if entry.output in wanted and (entry.pdf is None or entry.pdf in wanted):
                continue  # a build that changed nothing ends here for every entry
            files: list[tuple[str, str | None]] = [(entry.output, entry.output_sha256)]
            if entry.pdf is not None:
                files.append((entry.pdf, entry.pdf_sha256))
            if not name.startswith(prefix) or name in failed:
                wanted.update(f for f, _ in files)
                continue
            candidates.setdefault(name, []).extend(files)
            # A number the register gave it, unless a renamed file of this build took it.
            if entry.so_tu_dong and name not in (asked or set()):
                if taken is None:
                    taken = {(done.so_ky_hieu, done.ngay[:4]) for done in entries.values()}
                if (entry.so_ky_hieu, entry.ngay[:4]) not in taken:
                    numbered[name] = entry
    for name, outputs in sorted(candidates.items()):
        removed: list[Path] = []
        for output, recorded_sha256 in outputs:
            if output in wanted:
                continue
            path = layout.output_dir / output
            if not freshness.inside_outputs(path) or not path.is_file() or path in said:
                continue  # gone already, a manifest naming what is not the build's, or said
            why = orphan_kept(path, recorded_sha256, freshness)
            if why is None:
                removed.append(path)
                continue
            message = RenderError(why[0], file=path, name=name, **why[1]).message()
            result.documents.append(
                DocumentResult(layout.path_of(name), name, Status.KEPT, path, error=message)
            )
        if removed:
            docx = next((p for p in removed if p.suffix != ".pdf"), None)
            pdf = next((p for p in removed if p.suffix == ".pdf"), None)
            result.documents.append(
                DocumentResult(layout.path_of(name), name, Status.REMOVED, docx, pdf)
            )
        # Its number stays in the sổ whether its output went or was kept as edited by hand.
        if ((gone := numbered.get(name)) is not None and gone.so is not None
                and (warning := removed_number_warning(layout, name, gone,
                                                       register)) is not None):
            result.warnings.append(warning)


def _moved_over(register: Callable[[], Register] | None, gone: Entry, name: str) -> bool:
    """Whether the register in use holds the number the manifest records from another one as
    data file `name`'s own (the workspace moved its sổ over: `so xuat`, `so nhap`), so that it
    is voided there. A build leaving the document unchanged does not write the manifest's
    register again, whichever register holds its row."""
    from pipeline.register.holders import OWN, printed_number_holder

    if register is None:
        return False
    try:
        return printed_number_holder(register(), gone, name)[0] == OWN
    except VanthuError:  # the outputs are in place: the warning is said as recorded
        return False


def removed_number_warning(layout: Layout, name: str, gone: Entry,
                           register: Callable[[], Register] | None = None) -> str | None:
    """The warning that the number the register gave a removed input stays in the sổ, with the
    line voiding it, made from the register's row (Entry.void_command: its sequence, and its
    office when the register holds several, so that it voids no other document's number): in
    the register that gave it, named (--db, as it runs from the working folder) when that is
    not the one in use (the workspace switched registers: the one in use may hold another row
    of that number); a PostgreSQL register, recorded without its password, is to be pointed
    at as configured instead. None when the row is void already. `register`: the register in
    use, None when it is not made; a row not found is voided as the manifest records it."""
    from pipeline.register.documents import register_key
    from pipeline.register.switched import row_in_file

    workspace = layout.workspace
    assert gone.so is not None
    year = int(gone.ngay[:4])
    row: RegisterEntry | None = None
    named_office = False
    where = gone.so_van_ban
    if where is not None and where != register_key(workspace) and _moved_over(register, gone,
                                                                             name):
        where = register_key(workspace)  # void it in the register it moved to
    elsewhere = where is not None and where != register_key(workspace)
    db = runnable_location(where, workspace.root) if where is not None and elsewhere else None
    if not elsewhere and register is not None:
        try:
            book = register()
            row = book.given_to(gone.co_quan, year, gone.so, name)
            named_office = row is not None and len(book.agencies()) > 1
        except VanthuError:  # the outputs are in place: the warning is said as recorded
            row = None
    elif db is not None and where is not None:
        path = Path(where) if Path(where).is_absolute() else workspace.root / where
        row, named_office = row_in_file(path, gone.co_quan, year, gone.so, name,
                                        workspace.identity)
    if row is not None and row.status is RowStatus.VOID:
        return None  # voided already: nothing left to do
    if row is None:  # as the manifest records it
        row = RegisterEntry(0, gone.co_quan, year, DEFAULT_SEQUENCE, gone.so, RowStatus.ISSUED,
                            Origin.REGISTER)
        named_office = elsewhere and db is None  # a shared register: its office named
    params = {"name": name, "reference": gone.so_ky_hieu, "register": where or ""}
    if not elsewhere:
        return t("build.removed_number_kept", command=row.void_command(named_office=named_office),
                 **params)
    if db is None:
        return t("build.removed_number_elsewhere_url",
                 command=row.void_command(named_office=named_office), **params)
    return t("build.removed_number_elsewhere",
             command=row.void_command(named_office=named_office, db=db), **params)


def orphan_kept(
    path: Path, recorded_sha256: str | None, freshness: Freshness
) -> tuple[str, dict[str, str]] | None:
    """Remove `path` when it is still what the manifest recorded (its hash as Freshness knows
    it: from the hash cache while the file is unchanged); else the message (key and
    arguments) saying why it was kept."""
    try:
        if recorded_sha256 is None or freshness.file_hash(path) != recorded_sha256:
            return "build.orphan_edited", {}
        path.unlink()
    except UnreadableFile as exc:  # not known to be vanthu's as it wrote it: never removed
        return "build.orphan_not_removed", {"reason": t("build.orphan_why_unreadable",
                                                        reason=exc.reason.describe())}
    except OSError as exc:
        return "build.orphan_not_removed", {"reason": os_words(exc)}
    return None


def write_manifests(
    layout: Layout, recorded: Recorded, scope: Path, paths: list[Path], entries: dict[Path, Entry]
) -> list[Path]:
    """Write each year's manifest (only when its content changed); returns the ones this build
    concerns. Entries of inputs outside the build's folder are kept as they were."""
    fresh: dict[str | None, Manifest] = {}
    touched: set[str | None] = set()
    prefix = layout.name_of(scope) + "/"

    def fresh_of(year: str | None) -> Manifest:  # made once a year, not one per entry to drop
        found = fresh.get(year)
        if found is None:
            found = fresh[year] = Manifest(year=year)
        return found

    for year, manifest in recorded.manifests.items():
        for name, entry in manifest.entries.items():
            if name.startswith(prefix):
                touched.add(year)  # in this build's folder: its entry is this build's to say
                continue
            fresh_of(year).entries[name] = entry
    for path in paths:
        done = entries.get(path)
        if done is not None:
            output_year: str | None = done.output.split("/", 1)[0]
            touched.add(output_year)
            fresh_of(output_year).entries[layout.name_of(path)] = done
    written = []
    for year in sorted(touched, key=lambda y: y or ""):
        manifest = fresh.get(year, Manifest(year=year))
        manifest.entries = dict(sorted(manifest.entries.items()))
        target = layout.manifest_for(year)
        if recorded.manifests.get(year) != manifest:  # else the file already says this
            manifest.write(target)
        written.append(target)
    return written
