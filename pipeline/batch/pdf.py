"""PDF beside each .docx through ONE long-lived LibreOffice, started and stopped by its user.

    with PdfConverter() as converter:
        converter.convert(Path("a.docx"), Path("a.pdf"))

The converter runs `unoserver` (LibreOffice plus a small XML-RPC server) on free localhost
ports with a private LibreOffice profile, so it neither meets nor disturbs a LibreOffice the
user has open; starting it costs seconds, each conversion after that a fraction of one.
unoserver's server needs LibreOffice's `uno` module, which usually lives only in the system
Python: when this interpreter cannot import it, the server runs in a Python that can, with
just the unoserver package of this interpreter put on its path.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from pathlib import Path
from types import TracebackType

from pipeline.errors import ConversionError

HOST = "127.0.0.1"
START_TIMEOUT = 120.0  # seconds; a cold LibreOffice with a fresh profile takes ~10 s
CONVERSION_TIMEOUT = 300  # seconds; the server stops LibreOffice when one conversion hangs
STOP_TIMEOUT = 30.0
UNO_PYTHON_ENV = "VANTHU_UNO_PYTHON"  # a Python that can `import uno`, when the guesses miss
_LOG_TAIL = 600

_starts = 0


def server_starts() -> int:
    """How many LibreOffice servers this process has started (a build starts at most one)."""
    return _starts


def free_port() -> int:
    """A free TCP port on localhost."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def find_soffice() -> str:
    """The LibreOffice executable; ConversionError when LibreOffice is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise ConversionError("build.pdf_no_libreoffice")
    return found


def unoserver_dist() -> importlib.metadata.Distribution:
    """The installed unoserver package; ConversionError when it is missing."""
    if importlib.util.find_spec("unoserver") is None:
        raise ConversionError("build.pdf_no_unoserver")
    return importlib.metadata.distribution("unoserver")


@functools.lru_cache(maxsize=8)
def _imports_uno(python: str) -> bool:
    try:
        probe = subprocess.run(
            [python, "-c", "import uno"], capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def uno_python(soffice: str) -> str:
    """A Python that can import LibreOffice's `uno`; ConversionError when there is none."""
    program = Path(soffice).resolve().parent
    candidates = [
        os.environ.get(UNO_PYTHON_ENV, ""),
        sys.executable,
        "/usr/bin/python3",
        str(program / "python"),  # LibreOffice's own Python (Windows, macOS, TDF packages)
        str(program.parent / "Resources" / "python"),  # macOS app bundle
    ]
    for python in candidates:
        if python and Path(python).is_file() and _imports_uno(python):
            return python
    raise ConversionError("build.pdf_no_uno", python=sys.executable)


def unoserver_path(scratch: Path) -> Path:
    """A folder holding just this interpreter's unoserver package (and its metadata)."""
    dist = unoserver_dist()
    metadata_file = next(f for f in dist.files or [] if f.name == "METADATA")
    dist_info = Path(str(metadata_file.locate())).parent
    package = dist_info.parent / "unoserver"
    shim = scratch / "pythonpath"
    shim.mkdir(exist_ok=True)
    for entry in (package, dist_info):
        target = shim / entry.name
        try:
            target.symlink_to(entry, target_is_directory=True)
        except OSError:  # no symlinks (some Windows set-ups): copy the few small files
            shutil.copytree(entry, target)
    return shim


class PdfConverter:
    """One unoserver process: `start()` it, `convert()` many files, `stop()` it."""

    def __init__(self, scratch_parent: Path | None = None) -> None:
        self.scratch_parent = scratch_parent
        self.port = 0
        self.uno_port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._scratch: Path | None = None
        self._ready = False

    @property
    def log_path(self) -> Path | None:
        return self._scratch / "unoserver.log" if self._scratch else None

    def start(self) -> None:
        """Launch the server (without waiting for it); ConversionError when it cannot run."""
        global _starts
        if self._process is not None:
            return
        soffice = find_soffice()
        unoserver_dist()
        python = uno_python(soffice)
        self._scratch = Path(tempfile.mkdtemp(prefix="vanthu-pdf-", dir=self.scratch_parent))
        env = dict(os.environ)
        if python != sys.executable:
            extra = [str(unoserver_path(self._scratch)), env.get("PYTHONPATH", "")]
            env["PYTHONPATH"] = os.pathsep.join(p for p in extra if p)
        self.port = free_port()
        self.uno_port = uno_port = free_port()
        command = [
            python, "-m", "unoserver.server",
            "--interface", HOST, "--uno-interface", HOST,
            "--port", str(self.port), "--uno-port", str(uno_port),
            "--user-installation", str(self._scratch / "profile"),
            "--executable", soffice,
            "--conversion-timeout", str(CONVERSION_TIMEOUT),
        ]  # fmt: skip
        assert self.log_path is not None
        with self.log_path.open("wb") as log:
            try:
                self._process = subprocess.Popen(
                    command,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # LibreOffice is its child: stop them as a group
                )
            except OSError as exc:
                self._cleanup()
                raise ConversionError("build.pdf_start_failed", reason=str(exc)) from None
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
        if self._ready:
            return
        self.start()
        assert self._process is not None
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self._process.poll() is not None:
                raise ConversionError("build.pdf_start_failed", reason=self._log_tail())
            try:
                with xmlrpc.client.ServerProxy(f"http://{HOST}:{self.port}") as proxy:
                    proxy.info()
                self._ready = True
                return
            except (OSError, xmlrpc.client.Error):
                if time.monotonic() > deadline:
                    raise ConversionError(
                        "build.pdf_start_timeout", seconds=int(START_TIMEOUT)
                    ) from None
                time.sleep(0.2)

    def convert(self, source: Path, target: Path) -> None:
        """Write `target` (.pdf) from `source` (.docx), atomically."""
        from unoserver.client import UnoClient

        self.wait_ready()
        assert self._process is not None
        if self._process.poll() is not None:
            raise ConversionError("build.pdf_server_died", reason=self._log_tail())
        partial = target.with_name(f".{target.stem}.{os.getpid()}.partial.pdf")
        try:
            UnoClient(server=HOST, port=str(self.port)).convert(
                inpath=str(source.resolve()), outpath=str(partial.resolve())
            )
            if not partial.is_file() or partial.stat().st_size == 0:
                raise ConversionError("build.pdf_failed", reason=source.name)
            os.replace(partial, target)
        except (OSError, RuntimeError, xmlrpc.client.Error) as exc:
            if self._process.poll() is not None:
                raise ConversionError("build.pdf_server_died", reason=self._log_tail()) from None
            raise ConversionError("build.pdf_failed", reason=f"{source.name}: {exc}") from None
        finally:
            partial.unlink(missing_ok=True)

    def stop(self) -> None:
        """Stop LibreOffice and the server, and remove the private profile.

        SIGTERM lets LibreOffice end cleanly; its launcher (oosplash) ignores SIGTERM and the
        server waits for the launcher, so once LibreOffice has closed its UNO port whatever
        is left of the process group is killed.
        """
        process, self._process = self._process, None
        self._ready = False
        if process is not None:
            if process.poll() is None:
                _signal_group(process, signal.SIGTERM)
                deadline = time.monotonic() + STOP_TIMEOUT
                while _listening(self.uno_port) and time.monotonic() < deadline:
                    time.sleep(0.05)
            _signal_group(process, getattr(signal, "SIGKILL", signal.SIGTERM))
            process.wait()
        self._cleanup()

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
        self.stop()


def _listening(port: int) -> bool:
    """Whether something still accepts connections on localhost:`port`."""
    try:
        with socket.create_connection((HOST, port), timeout=1):
            return True
    except OSError:
        return False


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    """Signal the server and the LibreOffice it started (the session this module created)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signum)
        else:  # pragma: no cover - Windows has no process groups of this kind
            process.terminate()
    except ProcessLookupError:
        pass
