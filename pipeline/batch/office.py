"""Where LibreOffice and unoserver are: the executable, a Python that can `import uno`, the package.

unoserver's server needs LibreOffice's `uno` module, which usually lives only in the system
Python: when this interpreter cannot import it, the server runs in a Python that can, with
just the unoserver package of this interpreter put on its path (`unoserver_path`).
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from pipeline.errors import ConversionError

HOST = "127.0.0.1"
UNO_PYTHON_ENV = "VANTHU_UNO_PYTHON"  # a Python that can `import uno`, when the guesses miss


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
