"""PDF beside each .docx through ONE long-lived LibreOffice, started, watched and stopped here.

    with PdfConverter() as converter:
        converter.convert(Path("a.docx"), Path("a.pdf"))

The converter runs `unoserver` (LibreOffice plus a small XML-RPC server) on free localhost
ports with a private LibreOffice profile, so it neither meets nor disturbs a LibreOffice the
user has open; starting it costs seconds, each conversion after that a fraction of one.

LibreOffice is supervised: each conversion has a deadline that grows with the document
(pdf_limits.document_timeout: 30 s for a few pages, some minutes for a batch of hundreds of
Giấy khen, never more than TIMEOUT_CEILING; `timeout` or VANTHU_PDF_TIMEOUT fix one for every
document), and when LibreOffice crashes, is killed or stops answering (a hang, a SIGSTOP) the
whole server is killed and started afresh, and the document is tried once more; a document that
fails twice is reported by name, in words, never with LibreOffice's own error text. A PDF
LibreOffice reports as written is put in place only when it is whole and set in the document's
own fonts (pdf_limits.unfit_pdf): a degraded LibreOffice writes one in its last-resort fonts
without an error. When LibreOffice cannot be started again, every later document fails at once
with that reason instead of waiting. A watchdog process kills LibreOffice when this process dies
without stopping it (kill -9), so no LibreOffice outlives its build.

unoserver is the `[pdf]` extra of the wheel. Without it (or without a Python that can import
LibreOffice's `uno`) the converter uses LibreOffice's own command line instead
(pipeline.batch.pdf_soffice: one LibreOffice run for up to 20 documents, about a second each
run, with the same private profile, deadlines, retry and messages), so `--pdf` works wherever
LibreOffice is installed; only a missing LibreOffice is an error.
"""

from __future__ import annotations

import glob
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from pipeline.batch import office
from pipeline.batch.interrupts import BuildInterrupted
from pipeline.batch.office import HOST
from pipeline.batch.pdf_limits import (
    DOCUMENT_FAILED,
    DOCUMENT_REFUSED,
    OWN_PROFILE,
    START_TIMEOUT,
    TIMEOUT_CEILING,
    TIMEOUT_ENV,
    UNAVAILABLE,
    conversion_timeout,
    document_failed,
    document_timeout,
    end_watchdog,
    estimate_pages,
    not_made,
    office_environment,
    retry_cures,
    signal_group,
    start_watchdog,
    timeout_for_pages,
    unfit_pdf,
)
from pipeline.batch.pdf_steady import steady_file
from pipeline.errors import ConversionError
from pipeline.i18n import t

if TYPE_CHECKING:
    from pipeline.batch.pdf_soffice import Done, SofficeConverter

# The deadlines live in pdf_limits (shared with pdf_soffice) and are still read from here.
__all__ = [
    "OWN_PROFILE",
    "TIMEOUT_CEILING",
    "TIMEOUT_ENV",
    "PdfConverter",
    "conversion_timeout",
    "document_timeout",
    "estimate_pages",
    "process_alive",
    "remove_stale_files",
    "server_starts",
    "timeout_for_pages",
]

STOP_TIMEOUT = 10.0  # seconds LibreOffice gets to close cleanly before it is killed
_LOG_TAIL = 600
_TMP_AGE = 5.0  # seconds: an lu*.tmp older than this is no live LibreOffice's save

_starts = 0

def server_starts() -> int:
    """How many LibreOffice servers this process has started (a build starts at most one,
    plus one per restart after LibreOffice crashed or hung)."""
    return _starts


class _TimeoutTransport(xmlrpc.client.Transport):
    """XML-RPC over HTTP with a deadline on every socket operation."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host: object) -> http.client.HTTPConnection:
        connection = super().make_connection(host)  # type: ignore[arg-type]
        connection.timeout = self._timeout
        return connection


@dataclass(frozen=True)
class _Failure:
    """Why one attempt failed (a catalogue key, or why the PDF written is unfit) and whether
    LibreOffice is past saving."""

    why: str | ConversionError
    restart: bool


class PdfConverter:
    """One unoserver process: `start()` it, `convert()` many files, `stop()` it; without
    unoserver, LibreOffice's command line (`command_line`) does the same work.

    `timeout`: seconds every document may take; None (and no VANTHU_PDF_TIMEOUT): each
    document's own, from its pages (`document_timeout`)."""

    def __init__(self, scratch_parent: Path | None = None, timeout: float | None = None) -> None:
        self.scratch_parent = scratch_parent
        self.timeout: float | None = timeout if timeout is not None else conversion_timeout()
        self.port = 0
        self.uno_port = 0
        self.restarts = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None
        self._scratch: Path | None = None
        self._ready = False
        self._unavailable: str | None = None  # why LibreOffice could not be started again
        # The conversion under way (.docx, .pdf, when it began), while one runs
        self._in_flight: tuple[Path, Path, float] | None = None
        self.command_line: SofficeConverter | None = None  # used instead of unoserver

    @property
    def log_path(self) -> Path | None:
        return self._scratch / "unoserver.log" if self._scratch else None

    @property
    def server_pid(self) -> int | None:
        """The server's pid, which is also its process group (LibreOffice is in it)."""
        return self._process.pid if self._process is not None else None

    def start(self) -> None:
        """Launch the server (without waiting for it); ConversionError when it cannot run,
        its private folder, log or ports included (a full disk after some documents)."""
        if self._process is not None or self.command_line is not None:
            return
        try:
            self._start()
        except OSError as exc:
            self._cleanup()
            raise ConversionError("build.pdf_start_failed", reason=str(exc)) from None

    def _start(self) -> None:
        """`start`'s work; an OSError when the private folder, its log or a port fails."""
        global _starts
        soffice = office.find_soffice()
        try:
            office.unoserver_dist()
            python = office.uno_python(soffice)
        except ConversionError:  # the wheel without its [pdf] extra: LibreOffice alone
            from pipeline.batch.pdf_soffice import SofficeConverter

            self.command_line = SofficeConverter(soffice, self.scratch_parent, self.timeout)
            try:
                self.command_line.start()
            except OSError as exc:
                self.command_line = None
                raise ConversionError("build.pdf_soffice_start_failed", reason=str(exc)) from None
            return
        self._scratch = Path(tempfile.mkdtemp(prefix=OWN_PROFILE, dir=self.scratch_parent))
        env = office_environment()  # in UTC: the same PDF in every time zone
        if python != sys.executable:
            extra = [str(office.unoserver_path(self._scratch)), env.get("PYTHONPATH", "")]
            env["PYTHONPATH"] = os.pathsep.join(p for p in extra if p)
        self.port = office.free_port()
        self.uno_port = uno_port = office.free_port()
        command = [
            python, "-m", "unoserver.server",
            "--interface", HOST, "--uno-interface", HOST,
            "--port", str(self.port), "--uno-port", str(uno_port),
            "--user-installation", str(self._scratch / "profile"),
            "--executable", soffice,
            # The server's own deadline, a little after the longest of ours: we restart it first.
            "--conversion-timeout", str(int(self.timeout or TIMEOUT_CEILING) + 5),
        ]  # fmt: skip
        assert self.log_path is not None
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # LibreOffice is its child: stop them as a group
            )
        self._watchdog = start_watchdog(self._process.pid)
        _starts += 1

    def _log_tail(self) -> str:
        try:
            assert self.log_path is not None
            text = self.log_path.read_text("utf-8", errors="replace").strip()
        except (OSError, AssertionError):
            return ""
        return text[-_LOG_TAIL:]

    def wait_ready(self) -> None:
        """Wait until the server answers; ConversionError when it dies or takes too long."""
        if (command_line := self._command_line()) is not None:
            command_line.wait_ready()
            return
        if self._unavailable is not None:
            raise ConversionError(UNAVAILABLE, reason=self._unavailable)
        if self._ready:
            return
        self.start()
        assert self._process is not None
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self._process.poll() is not None:
                raise ConversionError("build.pdf_start_failed", reason=self._log_tail())
            try:
                transport = _TimeoutTransport(5.0)
                with xmlrpc.client.ServerProxy(self._url, transport=transport) as proxy:
                    proxy.info()
                self._ready = True
                return
            except (OSError, xmlrpc.client.Error, http.client.HTTPException):
                if time.monotonic() > deadline:
                    raise ConversionError(
                        "build.pdf_start_timeout", seconds=int(START_TIMEOUT)
                    ) from None
                time.sleep(0.2)

    def _command_line(self) -> SofficeConverter | None:
        """The command-line converter when unoserver is not there; which of the two is decided
        by `start`, run here when nothing is started yet (as `wait_ready` would)."""
        if self._process is None and self.command_line is None and self._unavailable is None:
            self.start()
        return self.command_line

    @property
    def _url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def timeout_for(self, source: Path) -> float:
        """Seconds the conversion of `source` may take: `timeout` when fixed, else its own."""
        if self.command_line is not None:
            return self.command_line.timeout_for(source)
        return self.timeout if self.timeout is not None else document_timeout(source)

    def convert(self, source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        """Write `target` (.pdf) from `source` (.docx), atomically; each a str or os.PathLike
        (anything else a TypeError naming it).

        Tried twice, the second time in a restarted LibreOffice (once when the document itself
        is why: pdf_limits.retry_cures); ConversionError naming the document (and why, in
        words) when the tries fail, with nothing of them (partial PDF, LibreOffice's lock files)
        left beside it.
        """
        from pipeline.workspace.core import as_path

        source, target = as_path(source, "source"), as_path(target, "target")
        if (command_line := self._command_line()) is not None:
            command_line.convert(source, target)
            return
        timeout = self.timeout_for(source)
        failure = self._attempt(source, target, timeout)
        if failure is None:
            return
        if retry_cures(failure.why):
            # Always afresh: LibreOffice's error can arrive before its crash shows (port open).
            self._restart()  # its kill removes what the failed try left
            failure = self._attempt(source, target, timeout)
            if failure is None:
                return
        if failure.restart or not self._healthy():
            self._kill()  # the next document starts a fresh LibreOffice rather than wait again
        else:
            self._in_flight = None
            remove_stale_files(source, target)
        if isinstance(failure.why, ConversionError):
            raise document_failed(source.name, failure.why)
        why = t(failure.why, seconds=f"{timeout:g}")
        if failure.why == "build.pdf_why_timeout" and self.timeout is None:
            why += t("build.pdf_timeout_hint", env=TIMEOUT_ENV)
        raise ConversionError(DOCUMENT_FAILED, document=source.name, why=why)

    def convert_many(
        self, pairs: Sequence[tuple[str | os.PathLike[str], str | os.PathLike[str]]],
        done: Done | None = None,
    ) -> list[ConversionError | None]:
        """Write each pair's PDF (.docx, .pdf); for each pair None, or the error naming its
        document. LibreOffice's command line converts them in as few runs as it can (each run
        costs a start); unoserver one after another, in the LibreOffice it keeps running.
        `done` is told of each pair as soon as it is settled: its index, its error or None,
        and the seconds it took (a build records each PDF made before it is stopped). Paths
        may be str or os.PathLike, as convert takes them.

        A LibreOffice that does not start at all is the call's ConversionError (nothing was
        converted); one that stops partway and cannot be started again fails each document
        left without its PDF by name (not_made), the PDFs made kept."""
        from pipeline.workspace.core import as_path

        paths = [(as_path(source, "source"), as_path(target, "target"))
                 for source, target in pairs]
        if (command_line := self._command_line()) is not None:
            return command_line.convert_many(paths, done)
        if paths:  # a LibreOffice that does not start at all is the call's error, as there
            self.wait_ready()
        failures: list[ConversionError | None] = []
        for index, (source, target) in enumerate(paths):
            start = time.perf_counter()
            failure: ConversionError | None = None
            try:
                self.convert(source, target)
            except ConversionError as exc:
                failure = self._named(source, exc)
            failures.append(failure)
            if done is not None:
                done(index, failure, time.perf_counter() - start)
        return failures

    def _named(self, source: Path, failure: ConversionError) -> ConversionError:
        """A document's failure as convert_many reports it: naming the document. One that
        LibreOffice not starting (again) caused is remembered, so that the documents after it
        fail at once rather than each wait for a start, and said as a document left without
        its PDF that the next build makes (not_made)."""
        if failure.key in (DOCUMENT_FAILED, DOCUMENT_REFUSED):
            return failure
        if self._unavailable is None:
            self._kill()
            self._unavailable = failure.message()
        return not_made(source.name, failure)

    def _attempt(self, source: Path, target: Path, timeout: float) -> _Failure | None:
        """One conversion; None when `target` was written, else why not.

        Remembered as in flight until it succeeds: when the build is stopped in the middle of
        it (Ctrl-C), or it failed and LibreOffice is killed, `_kill` removes what LibreOffice
        was writing (a lock of the partial PDF, its lu*.tmp)."""
        self.wait_ready()
        remove_stale_files(source, target)  # a lock left by a killed try blocks the next one
        self._in_flight = (source, target, time.time())
        failure = self._convert(source, target, timeout)
        if failure is None:
            self._in_flight = None
        return failure

    def _convert(self, source: Path, target: Path, timeout: float) -> _Failure | None:
        partial = target.with_name(f".{target.stem}.{os.getpid()}.partial.pdf")
        transport = _TimeoutTransport(timeout)
        try:
            with xmlrpc.client.ServerProxy(
                self._url, transport=transport, allow_none=True
            ) as proxy:
                # unoserver's convert(inpath, indata, outpath, convert_to, filtername,
                # filter_options, update_index, ...): the arguments every version since 2 takes.
                # Called directly rather than through UnoClient, which has no deadline and
                # retries a dead server for 50 s.
                proxy.convert(
                    str(source.resolve()), None, str(partial.resolve()), "pdf", None, [], True
                )
            if not partial.is_file() or partial.stat().st_size == 0:
                return _Failure("build.pdf_why_empty", restart=False)
            # A degraded LibreOffice answers as when it did well: its PDF says which it was.
            if (unfit := unfit_pdf(partial, source)) is not None:
                return _Failure(unfit, restart=False)
            steady_file(partial, source)
            os.replace(partial, target)
            return None
        except TimeoutError:
            return _Failure("build.pdf_why_timeout", restart=True)
        except xmlrpc.client.Fault:  # LibreOffice's own error: the file, or LibreOffice dying
            if self._healthy():
                return _Failure("build.pdf_why_rejected", restart=False)
            return _Failure("build.pdf_why_crashed", restart=True)
        except (OSError, xmlrpc.client.Error, http.client.HTTPException):
            return _Failure("build.pdf_why_crashed", restart=True)
        finally:
            partial.unlink(missing_ok=True)

    def _healthy(self) -> bool:
        """Whether the server runs and LibreOffice still listens on its UNO port."""
        return (
            self._process is not None and self._process.poll() is None and _listening(self.uno_port)
        )

    def _restart(self) -> None:
        """Kill the server and LibreOffice and start them again; remember when that fails."""
        self._kill()
        self.restarts += 1
        try:
            self.wait_ready()
        except ConversionError as exc:
            self._kill()
            self._unavailable = exc.message()

    def _kill(self) -> None:
        """Kill the server and LibreOffice at once (a stopped process ignores anything else)."""
        command_line, self.command_line = self.command_line, None
        if command_line is not None:  # its LibreOffice runs only inside a conversion
            command_line.stop()
        process, self._process = self._process, None
        self._ready = False
        if process is not None:
            signal_group(process, getattr(signal, "SIGKILL", signal.SIGTERM))
            process.wait()
        self._end_watchdog()
        self._cleanup()
        flight, self._in_flight = self._in_flight, None
        if flight is not None:  # stopped mid-conversion: its LibreOffice is dead now
            remove_stale_files(*flight)

    def stop(self) -> None:
        """Stop LibreOffice and the server, and remove the private profile.

        SIGTERM lets LibreOffice end cleanly; its launcher (oosplash) ignores SIGTERM and the
        server waits for the launcher, so once LibreOffice has closed its UNO port whatever
        is left of the process group is killed.
        """
        process = self._process
        if process is not None and process.poll() is None:
            signal_group(process, signal.SIGTERM)
            deadline = time.monotonic() + STOP_TIMEOUT
            while _listening(self.uno_port) and time.monotonic() < deadline:
                time.sleep(0.05)
        self._kill()

    def _end_watchdog(self) -> None:
        watchdog, self._watchdog = self._watchdog, None
        end_watchdog(watchdog)

    def _cleanup(self) -> None:
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self) -> PdfConverter:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if isinstance(exc, (KeyboardInterrupt, BuildInterrupted)):
            self._kill()  # the build was stopped: at once, not after LibreOffice's own close
        else:
            self.stop()


def remove_stale_files(source: Path, target: Path, since: float | None = None) -> None:
    """Remove what a killed conversion of this document left beside it.

    Its partial PDF (unless the process named in it still runs), LibreOffice's lock files
    of the .docx and of the partial PDF (only when a vanthu converter's private LibreOffice
    wrote them: they name its profile; never the lock of a document someone has open), and
    LibreOffice's `lu*.tmp` save files in the output folder that nothing has touched for a
    while (one being written by a live LibreOffice is seconds old), or, with `since`
    (when the conversion began whose LibreOffice was just killed), written after it began.
    """
    folder = target.parent
    for partial in folder.glob(f".{glob.escape(target.stem)}.*.partial.pdf"):
        pid = partial.name[len(target.stem) + 2 : -len(".partial.pdf")]
        if not (pid.isdigit() and int(pid) != os.getpid() and process_alive(int(pid))):
            partial.unlink(missing_ok=True)
    locks = [source.with_name(f".~lock.{source.name}#")]
    locks += folder.glob(f".~lock..{glob.escape(target.stem)}.*.partial.pdf#")
    for lock in locks:
        try:
            owner = lock.read_text("utf-8", errors="replace")
        except OSError:
            continue
        if OWN_PROFILE in owner:
            lock.unlink(missing_ok=True)
    now = time.time()
    for leftover in folder.glob("lu*.tmp"):
        try:
            changed = leftover.stat().st_mtime
            if now - changed > _TMP_AGE or (since is not None and changed >= since - 1):
                leftover.unlink()
        except OSError:
            continue


def process_alive(pid: int) -> bool:
    """Whether process `pid` runs (ours or anyone's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _listening(port: int) -> bool:
    """Whether something still accepts connections on localhost:`port`."""
    try:
        with socket.create_connection((HOST, port), timeout=1):
            return True
    except OSError:
        return False
