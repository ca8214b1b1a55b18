"""Write outputs atomically: a temporary file beside the target, renamed only when complete.

`stage` writes the temporary file and `commit` renames it into place, so that a build can render
every document before any output changes (and drop the staged files when an input is invalid);
`write_atomic` does both at once. The temporary file is created private (mode 0600, by mkstemp);
it gets the mode any new file gets here (0666 less the umask) so a colleague can open the output.
Temporary files left by a killed run (`.NAME.XXXX.tmp`) are removed by `clean_stale`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import RenderError

TMP_SUFFIX = ".tmp"


def _default_mode() -> int:
    """0666 less the process umask (read without changing it where the OS allows)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    umask = os.umask(0o022)  # elsewhere: the only portable way to read it is to set it back
    os.umask(umask)
    return 0o666 & ~umask


def stage(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write `data` (bytes, or pieces of them) to a temporary file beside `path` (not yet in
    place); returns its path."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise RenderError("render.write_failed", reason=f"{path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
        os.chmod(tmp, _default_mode())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RenderError("render.write_failed", reason=f"{path}: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def commit(staged: Path, path: Path) -> None:
    """Put a staged file in place: readers see the old file or the new one, never half."""
    try:
        os.replace(staged, path)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise RenderError("render.write_failed", reason=f"{path}: {exc.strerror}") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half."""
    commit(stage(path, data), path)


def clean_stale(folder: Path) -> list[Path]:
    """Remove the temporary files a killed run left below `folder`; returns what was removed."""
    removed = []
    if folder.is_dir():
        for path in folder.rglob(f".*{TMP_SUFFIX}"):
            if path.is_file() and path.name.count(".") >= 3:  # .NAME.XXXX.tmp, as stage names
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed
