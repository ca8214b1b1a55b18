"""PDF through LibreOffice's own command line, for a vanthu installed without unoserver.

    soffice -env:UserInstallation=PROFILE --headless --convert-to pdf --outdir DIR A.docx ...

unoserver (the `[pdf]` extra) keeps one LibreOffice running for a whole build (pipeline.batch.pdf);
without it, or without a Python that can import LibreOffice's `uno`, `--pdf` still works whenever
LibreOffice is installed: `SofficeConverter` starts LibreOffice once per call, for as many
documents as the call is given (`convert_many`; a build or a render gives it all its documents at
once), as many in one run as RUN_DEADLINE lets. Each start costs about a second, otherwise it
behaves as the unoserver path does: a private profile in a temporary folder (it neither meets a
LibreOffice the user has open nor another build's), a deadline from the documents' pages
(pipeline.batch.pdf.document_timeout) after which LibreOffice's whole process group is killed, a
document that fails tried once more in a LibreOffice of its own, failures said in words, and each
PDF written atomically beside its .docx (pipeline.render.output.stage, then commit). LibreOffice
writes into the private folder only: a killed run leaves nothing half-written in the outputs,
and of a run that exits with an error code only the PDFs it finished (complete_pdf) are put in
place (each of its other documents is tried once more alone, then failed with the reason). A
PDF of a run that exits 0 is judged as well (pdf_limits.unfit_pdf): one cut short, or set in
LibreOffice's last-resort fonts instead of the document's, is tried once more alone, then
failed, the PDF already beside the .docx left as it was; one whose text holds characters its
font has no glyph for is failed at once (pdf_limits.retry_cures: a retry sets them alike).
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from pipeline.batch.pdf_limits import (
    DOCUMENT_FAILED,
    OWN_PROFILE,
    START_TIMEOUT,
    TIMEOUT_ENV,
    UNAVAILABLE,
    complete_pdf,
    document_failed,
    document_timeout,
    end_watchdog,
    not_made,
    office_environment,
    retry_cures,
    signal_group,
    start_watchdog,
    unfit_pdf,
)
from pipeline.batch.pdf_steady import steady_file
from pipeline.errors import ConversionError, RenderError
from pipeline.i18n import t
from pipeline.render.output import commit, stage

# Seconds each run may take on top of its documents' own deadlines: LibreOffice's start and
# exit (about a second on the 2-core machine, idle; several under load).
START_ALLOWANCE = 30.0
# Seconds a run of several documents may be given at most (its start's allowance and its
# documents' deadlines): a hang is noticed after this long however many documents a build has
# (a document whose own deadline is longer runs alone): 20 documents of a page or two a run.
RUN_DEADLINE = 650.0
_LOG_TAIL = 600
_CHUNK = 1 << 20

_runs = 0

# Told of each pair once its PDF is in place or has failed: its index in the pairs, its error
# (None: made) and its share of the time LibreOffice took, in seconds.
Done = Callable[[int, ConversionError | None, float], None]
# What a run made of one document: its PDF, why there is none (a catalogue key), or why the
# PDF it wrote may not be put in place (pdf_limits.unfit_pdf).
Outcome = Path | str | ConversionError


def soffice_runs() -> int:
    """How many conversion runs of LibreOffice's command line this process has started."""
    return _runs


class SofficeConverter:
    """LibreOffice's command line for many documents: `convert_many`, or `convert` one.

    `timeout`: seconds every document may take; None: each document's own, from its pages."""

    def __init__(
        self, soffice: str, scratch_parent: Path | None = None, timeout: float | None = None
    ) -> None:
        self.soffice = soffice
        self.scratch_parent = scratch_parent
        self.timeout = timeout
        self._scratch: Path | None = None  # the private profile and LibreOffice's output
        self._ready = False
        # Why LibreOffice could not be started for a run partway through: later runs fail at once
        self._unavailable: ConversionError | None = None

    def start(self) -> None:
        """Make the private folder (nothing runs until a conversion is asked for)."""
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix=OWN_PROFILE, dir=self.scratch_parent))

    def wait_ready(self) -> None:
        """Set up the private profile once (LibreOffice's first start, its slowest); a
        ConversionError when LibreOffice does not start."""
        if self._ready:
            return
        self.start()
        code = self._run(["--terminate_after_init"], START_TIMEOUT)
        if code is None:
            raise ConversionError("build.pdf_soffice_start_timeout", seconds=int(START_TIMEOUT))
        if code != 0:
            raise ConversionError(
                "build.pdf_soffice_start_failed", reason=self._log_tail() or f"exit {code}"
            )
        self._ready = True

    def timeout_for(self, source: Path) -> float:
        """Seconds the conversion of `source` may take: `timeout` when fixed, else its own."""
        return self.timeout if self.timeout is not None else document_timeout(source)

    def convert(self, source: Path, target: Path) -> None:
        """Write `target` (.pdf) from `source` (.docx), atomically; ConversionError when not."""
        failure = self.convert_many([(source, target)])[0]
        if failure is not None:
            raise failure

    def convert_many(
        self, pairs: Sequence[tuple[Path, Path]], done: Done | None = None
    ) -> list[ConversionError | None]:
        """Write each pair's PDF (.docx, .pdf), in as few LibreOffice runs as their names
        (one PDF name per run's output folder) and RUN_DEADLINE allow; for each pair None, or
        the error naming its document. A document that fails is tried once more in a
        LibreOffice of its own, so one bad document neither fails the others nor is failed by
        them. `done` is told of each pair as soon as it is settled (a build records each PDF
        in place, even when it is stopped before the last).

        LibreOffice that cannot be set up at all is the call's ConversionError (nothing was
        converted); one that cannot be started again partway (gone, its folder unwritable, the
        disk full) fails each document still without its PDF (not_made), the others kept."""
        self.wait_ready()
        results: list[ConversionError | None] = [None] * len(pairs)
        folders: list[Path] = []  # each run's output, removed once its PDFs are in place
        try:
            for batch in _batches(pairs, self.timeout_for):
                began = time.perf_counter()
                made, deadline = self._run_or_fail([pairs[i][0] for i in batch], folders)
                share = (time.perf_counter() - began) / len(batch)
                for index, outcome in zip(batch, made, strict=True):
                    seconds = share
                    if (not isinstance(outcome, Path) and outcome != UNAVAILABLE
                            and retry_cures(outcome)):  # fmt: skip
                        began = time.perf_counter()  # once more, in a LibreOffice of its own
                        (outcome,), deadline = self._run_or_fail([pairs[index][0]], folders)
                        seconds += time.perf_counter() - began
                    results[index] = self._finish(pairs[index], outcome, deadline)
                    if done is not None:
                        done(index, results[index], seconds)
        finally:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)
        return results

    def _finish(
        self, pair: tuple[Path, Path], outcome: Outcome, deadline: float
    ) -> ConversionError | None:
        """Put the PDF LibreOffice made in place, or say why there is none."""
        source, target = pair
        if outcome == UNAVAILABLE and self._unavailable is not None:
            return not_made(source.name, self._unavailable)
        if isinstance(outcome, Path):
            try:
                steady_file(outcome, source)  # in the private folder, before it is in place
                commit(stage(target, _chunks(outcome)), target)
            except RenderError as exc:  # the output folder's problem, said as for a .docx
                return ConversionError(exc.key, **exc.params)
            return None
        if isinstance(outcome, ConversionError):
            return document_failed(source.name, outcome)
        why = t(outcome, seconds=f"{deadline:g}")
        if outcome == "build.pdf_why_timeout" and self.timeout is None:
            why += t("build.pdf_timeout_hint", env=TIMEOUT_ENV)
        return ConversionError(DOCUMENT_FAILED, document=source.name, why=why)

    def _run_or_fail(self, sources: list[Path], folders: list[Path]) -> tuple[list[Outcome], float]:
        """`_run_on`, or UNAVAILABLE for each source when LibreOffice cannot be started for the
        run (its executable gone, the private folder or its log not writable): remembered, so
        that every later run fails at once rather than try again."""
        if self._unavailable is None:
            try:
                return self._run_on(sources, folders)
            except ConversionError as exc:
                self._unavailable = exc
            except OSError as exc:
                self._unavailable = ConversionError(
                    "build.pdf_soffice_start_failed", reason=str(exc)
                )
        return [UNAVAILABLE] * len(sources), 0.0

    def _run_on(self, sources: list[Path], folders: list[Path]) -> tuple[list[Outcome], float]:
        """One LibreOffice run converting `sources` (distinct names) into a folder of its own,
        added to `folders`: for each, the PDF made there or why none was (a catalogue key, or
        why the PDF it wrote is unfit); and the run's deadline in seconds."""
        global _runs
        assert self._scratch is not None
        folder = Path(tempfile.mkdtemp(prefix="pdf-", dir=self._scratch))
        folders.append(folder)
        deadline = START_ALLOWANCE + sum(self.timeout_for(source) for source in sources)
        _runs += 1
        code = self._run(
            ["--convert-to", "pdf", "--outdir", str(folder), *(str(s.resolve()) for s in sources)],
            deadline,
        )
        made: list[Outcome] = []
        for source in sources:
            pdf = folder / f"{source.stem}.pdf"
            if code is None:  # killed: even a PDF it wrote may be incomplete
                made.append("build.pdf_why_timeout")
            elif code != 0 and not complete_pdf(pdf):
                # It failed: a PDF it left may be half-written, never put in place (one it
                # finished before failing is kept: trying each again alone costs a start each).
                made.append("build.pdf_why_crashed")
            elif not pdf.is_file() or pdf.stat().st_size == 0:
                # LibreOffice said "source file could not be loaded", or wrote nothing
                made.append("build.pdf_why_empty" if pdf.is_file() else "build.pdf_why_rejected")
            else:  # exit 0 is no proof: a degraded LibreOffice exits 0 with a PDF of other fonts
                made.append(unfit_pdf(pdf, source) or pdf)
        return made, deadline

    def _run(self, arguments: list[str], deadline: float) -> int | None:
        """Run LibreOffice with the private profile; its exit code, None when it was killed
        at `deadline` (seconds). Its whole process group is killed whatever ends the wait (a
        deadline, a Ctrl-C), and a watchdog kills it if this process dies first."""
        assert self._scratch is not None
        command = [
            self.soffice,
            f"-env:UserInstallation={(self._scratch / 'profile').as_uri()}",
            "--headless", "--norestore", *arguments,
        ]  # fmt: skip
        with (self._scratch / "soffice.log").open("ab") as log:
            try:
                process = subprocess.Popen(
                    command,
                    env=office_environment(),  # in UTC: the same PDF in every time zone
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own group: killed with what it starts
                )
            except OSError as exc:
                raise ConversionError("build.pdf_soffice_start_failed", reason=str(exc)) from None
        watchdog = start_watchdog(process.pid)
        try:
            return process.wait(timeout=deadline)
        except subprocess.TimeoutExpired:
            return None
        finally:
            # Nothing of it may outlive the run: not on a deadline, a stop, nor a clean exit.
            signal_group(process, getattr(signal, "SIGKILL", signal.SIGTERM))
            process.wait()
            end_watchdog(watchdog)

    def _log_tail(self) -> str:
        """The end of what LibreOffice printed (for a start that failed)."""
        try:
            assert self._scratch is not None
            text = (self._scratch / "soffice.log").read_text("utf-8", errors="replace")
        except (OSError, AssertionError):
            return ""
        return text.strip()[-_LOG_TAIL:]

    def stop(self) -> None:
        """Remove the private folder (no LibreOffice runs between conversions)."""
        scratch, self._scratch = self._scratch, None
        self._ready = False
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _batches(
    pairs: Sequence[tuple[Path, Path]], timeout_for: Callable[[Path], float]
) -> list[list[int]]:
    """The pairs' indices grouped for runs, in their order: in each, no two .docx of the same
    name (LibreOffice names a PDF after its .docx, in the run's one output folder), and no
    more documents than fit in RUN_DEADLINE with their deadlines (`timeout_for`; at least one)."""
    batches: list[_Batch] = []
    for index, (source, _) in enumerate(pairs):
        seconds = timeout_for(source)
        batch = next((b for b in batches if b.takes(source.stem, seconds)), None)
        if batch is None:
            batch = _Batch()
            batches.append(batch)
        batch.add(index, source.stem, seconds)
    return [batch.indices for batch in batches]


class _Batch:
    """The documents of one run being grouped: their indices, names and deadlines' sum."""

    def __init__(self) -> None:
        self.indices: list[int] = []
        self.names: set[str] = set()
        self.seconds = START_ALLOWANCE

    def takes(self, name: str, seconds: float) -> bool:
        """Whether a document of this name and deadline can join the run."""
        return name not in self.names and self.seconds + seconds <= RUN_DEADLINE

    def add(self, index: int, name: str, seconds: float) -> None:
        self.indices.append(index)
        self.names.add(name)
        self.seconds += seconds


def _chunks(path: Path) -> Iterator[bytes]:
    """`path`'s bytes, a piece at a time (a PDF of hundreds of certificates is large)."""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            yield chunk
