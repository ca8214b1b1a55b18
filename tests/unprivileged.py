"""Running a command as a user whom a file's mode binds, for the tests of files and folders the
user may not read. Run by any user but root, a command runs as is. Root ignores a mode: its
command runs through setpriv (util-linux, on every Debian and Ubuntu) without its capabilities,
so that the mode of the files root owns binds it as it binds any owner. A test that cannot make
a file unreadable fails, saying why: skipped, it would prove nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

_DROPPED = ("--inh-caps=-all", "--bounding-set=-all")


def unprivileged() -> tuple[str, ...]:
    """What goes before a command to run it so (nothing unless run by root)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    assert setpriv is not None, "root ignores file modes, and setpriv (util-linux) is missing"
    return (setpriv, *_DROPPED, "--")


def assert_unreadable(path: Path) -> None:
    """That `path` (chmod 0 already) cannot be read by a command run unprivileged()."""
    tried = subprocess.run(
        [*unprivileged(), sys.executable, "-c", f"open({str(path)!r}).close()"],
        capture_output=True,
    )
    assert tried.returncode != 0 and b"PermissionError" in tried.stderr, (
        f"{path} is still readable to an unprivileged command: {tried.stderr!r}"
    )
