"""PDF: one soffice process per file against one long-lived LibreOffice (unoserver)."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from xmlrpc.client import ServerProxy

from bench.lib.corpus import Corpus
from pipeline.render.engine import Engine

PDF_DOCS = 20


def free_port() -> int:
    """A free TCP port on localhost."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def python_with_uno(scratch: Path) -> tuple[str, dict[str, str]]:
    """A Python that can import LibreOffice's `uno` and the environment to run unoserver in it.

    pip installs unoserver into this interpreter, but its server needs `uno`, which usually
    lives only in the system Python; that one gets just unoserver on its path.
    """
    candidates = [sys.executable, "/usr/bin/python3", "/usr/lib/libreoffice/program/python"]
    for exe in candidates:
        if not Path(exe).exists():
            continue
        probe = subprocess.run([exe, "-c", "import uno"], capture_output=True, check=False)
        if probe.returncode != 0:
            continue
        if exe == sys.executable:
            return exe, dict(os.environ)
        dist = importlib.metadata.distribution("unoserver")
        site = Path(str(dist.locate_file("")))
        shim = scratch / "unoserver-path"
        shim.mkdir(exist_ok=True)
        for entry in ("unoserver", f"unoserver-{dist.version}.dist-info"):
            if (site / entry).exists() and not (shim / entry).exists():
                (shim / entry).symlink_to(site / entry)
        return exe, {**os.environ, "PYTHONPATH": str(shim)}
    raise RuntimeError("no Python with LibreOffice's uno module found")


def soffice_per_file(files: Sequence[Path], outdir: Path, profile: Path) -> float:
    """Seconds per document converting each file with its own soffice process."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("soffice not found")

    def convert(path: Path) -> None:
        """One soffice process for one file."""
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
            capture_output=True, check=True, timeout=180,
        )  # fmt: skip

    convert(files[0])  # creates the profile, which is not what a conversion costs
    start = time.perf_counter()
    for path in files:
        convert(path)
    return (time.perf_counter() - start) / len(files)


def unoserver_persistent(files: Sequence[Path], outdir: Path, scratch: Path) -> float:
    """Seconds per document converting through one long-lived LibreOffice (unoserver)."""
    from unoserver.client import UnoClient

    exe, env = python_with_uno(scratch)
    port, uno_port = free_port(), free_port()
    command = [
        exe, "-m", "unoserver.server", "--interface", "127.0.0.1", "--uno-interface",
        "127.0.0.1", "--port", str(port), "--uno-port", str(uno_port),
        "--user-installation", str(scratch / "uno-profile"), "--quiet",
    ]  # fmt: skip
    log = (scratch / "unoserver.log").open("wb")
    server = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"unoserver exited; see {scratch / 'unoserver.log'}")
            try:
                with ServerProxy(f"http://127.0.0.1:{port}") as proxy:
                    proxy.info()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("unoserver did not start in 120 s") from None
                time.sleep(0.25)
        client = UnoClient(server="127.0.0.1", port=str(port))
        # No index update: `soffice --convert-to` does none either, and our documents have no
        # table of contents.
        client.convert(
            inpath=str(files[0]), outpath=str(outdir / "warm-up.pdf"), update_index=False
        )
        start = time.perf_counter()
        for path in files:
            target = outdir / f"{path.stem}.pdf"
            client.convert(inpath=str(path), outpath=str(target), update_index=False)
        return (time.perf_counter() - start) / len(files)
    finally:
        # unoserver runs LibreOffice as its child: stop the whole group this script started.
        try:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(server.pid, 9)
            server.wait()
        log.close()


def pdf_bench(corpus: Corpus, engine: Engine) -> None:
    """Print per-document PDF times: soffice per file vs one long-lived LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="vanthu-pdf-") as tmp:
        scratch = Path(tmp)
        docx_dir = scratch / "docx"
        docx_dir.mkdir()
        files = []
        for i in range(PDF_DOCS):
            path = docx_dir / f"{corpus.name}-{i:02d}.docx"
            path.write_bytes(engine.render(corpus.template, corpus.context(i)))
            files.append(path)
        per_file_dir, persistent_dir = scratch / "pdf-per-file", scratch / "pdf-persistent"
        per_file_dir.mkdir()
        persistent_dir.mkdir()
        per_file = soffice_per_file(files, per_file_dir, scratch / "soffice-profile")
        persistent = unoserver_persistent(files, persistent_dir, scratch)
        made = sum(1 for p in persistent_dir.glob("*.pdf") if p.stat().st_size > 0)
        print(f"PDF, {PDF_DOCS} {corpus.name} documents ({made - 1} converted by unoserver):")
        print(f"  soffice --convert-to pdf per file : {1000 * per_file:8.1f} ms/doc")
        print(f"  one long-lived LibreOffice        : {1000 * persistent:8.1f} ms/doc")
        print(f"  pdf_ratio_persistent_vs_per_file {per_file / persistent:.2f}")
