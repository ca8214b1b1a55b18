"""Write outputs atomically: a temporary file beside the target, renamed only when complete.

`stage` writes the temporary file and `commit` renames it into place, so that a build can render
every document before any output changes (and drop the staged files when an input is invalid);
`write_atomic` does both at once. The temporary file gets the mode any new file gets here (0666
less the umask) so a colleague can open the output. Temporary files left by a killed run
(`.NAME.PID-N.tmp`, of a process that has ended) are removed by `clean_stale`.
"""

from __future__ import annotations

import errno
import itertools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import RenderError
from pipeline.i18n import t
from pipeline.paths import shown
from pipeline.phrase import Phrase

TMP_SUFFIX = ".tmp"

# The OS's own words for the common failures are English whatever the user's language: these
# are said in the catalogue's (render.os_*), naming the path; any other keeps the OS's words.
_OS_REASONS = {
    errno.EISDIR: "render.os_is_directory",
    errno.ENOTDIR: "render.os_not_directory",
    errno.EACCES: "render.os_permission",
    errno.EPERM: "render.os_permission",
    errno.ENOSPC: "render.os_no_space",
    getattr(errno, "EDQUOT", errno.ENOSPC): "render.os_no_space",  # a user's disk quota
    errno.EROFS: "render.os_read_only",
    errno.ELOOP: "common.os_loop",
    errno.ENAMETOOLONG: "common.os_name_too_long",  # render -o with a name past 255 bytes
}
# The same for a file that could not be read (a data file, a danh sách, an output compared):
# reading's words, not writing's ("no permission to read", not "read-only").
_READ_REASONS = {
    errno.EACCES: "build.os_read_permission",
    errno.EPERM: "build.os_read_permission",
    errno.ENOENT: "build.os_read_gone",
    errno.ENOTDIR: "common.os_read_not_directory",
    errno.ELOOP: "common.os_loop",
    errno.ENAMETOOLONG: "common.os_name_too_long",  # a name typed or pasted past 255 bytes
    errno.EISDIR: "common.os_read_is_directory",
    # A disk that fails, a network share or USB drive that drops out under the read.
    errno.EIO: "common.os_read_io",
    getattr(errno, "ESTALE", errno.EIO): "common.os_read_io",  # an NFS/SMB handle gone stale
}


def _reason(exc: OSError, reasons: Mapping[int, str], lang: str | None) -> str:
    """`exc` in the catalogue's words of `reasons` when they have its case, else the OS's."""
    key = reasons.get(exc.errno or 0)
    return t(key, lang=lang) if key is not None else str(exc.strerror or exc)


def os_words(exc: OSError) -> str:
    """Why a file could not be written or removed, in the user's language where the case is
    common (a folder in the way, no permission, disk full, read-only disk)."""
    return _reason(exc, _OS_REASONS, None)


# A message's parameter, said through describe(); never compared nor printed: no __eq__ nor
# __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class ReadReason:
    """Why a file could not be read, as a message's parameter (data.file_unreadable,
    sheet.read_failed), said in the language the message is asked in: the OS's strerror is
    English whatever the user's language, and a Vietnamese message must not quote it for the
    common cases (no permission, gone, a symlink loop)."""

    exc: OSError

    def describe(self, lang: str | None = None) -> str:
        return _reason(self.exc, _READ_REASONS, lang)

    def __str__(self) -> str:
        return self.describe()


def folder_reason(exc: OSError) -> object:
    """Why a folder could not be listed or looked into, as a message's parameter said in the
    message's language: "không có quyền đọc" for no permission, else as a file's (ReadReason:
    the OS's strerror is English)."""
    if isinstance(exc, PermissionError):
        return Phrase("ws.folder_no_permission")
    return ReadReason(exc)


@dataclass(frozen=True)
class OsReason:
    """`path: why` as a message parameter, said in the language the message is asked in."""

    path: str
    exc: OSError

    def describe(self, lang: str | None = None) -> str:
        return f"{self.path}: {_reason(self.exc, _OS_REASONS, lang)}"

    def __str__(self) -> str:
        return self.describe()


def write_error(path: Path, exc: OSError) -> RenderError:
    """The error of an output that could not be written, naming it."""
    return RenderError("render.write_failed", reason=OsReason(str(path), exc))


def folder_error(folder: Path, exc: OSError) -> RenderError:
    """The error of a folder that cannot take an output (read-only, no permission, a file where
    it should be, its disk full), naming the folder: the same for every output bound there.
    A folder not made yet is named by the nearest one above it that exists: the one that
    refused to make it (outputs/ read-only, not the outputs/2026 it would hold). So is one
    below a folder this user may not enter (no search permission): the folder named is the
    one that can be looked at, which is the one refusing."""
    there = next((f for f in (folder, *folder.parents) if _stands(f)), folder)
    return RenderError("render.folder_write_failed", reason=OsReason(str(there), exc))


def _stands(path: Path) -> bool:
    """Whether `path` is there, as far as this user can tell: not Path.exists, which raises
    PermissionError (Python 3.11) for a path below a folder the user may not enter, instead of
    answering; such a path is not named, the folder that refused is."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def is_folder(path: Path) -> bool:
    """Path.is_dir for an output path, folder_error when it cannot be told: is_dir raises
    PermissionError (Python 3.11) for a path below a folder this user may not enter, and no
    output can be written there either."""
    try:
        return path.is_dir()
    except OSError as exc:
        raise folder_error(path, exc) from None


def is_write_failure(exc: BaseException) -> bool:
    """Whether `exc` is write_error's or folder_error's: the document was made, only its file
    could not be written (a full disk, a read-only folder), so its number is kept for the next
    run."""
    return isinstance(exc, RenderError) and exc.key in ("render.write_failed",
                                                        "render.folder_write_failed")


# Each staged file's name is unique within the process; O_EXCL refuses a name a stale file or
# another process already holds, and the next number is tried.
_serial = itertools.count()
_OPEN_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
)


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new empty file beside `path` (.NAME.PID-N.tmp), open for writing, and its path.

    Opened with mode 0666, which the OS reduces by the umask: the mode any new file gets here,
    so a colleague can open the output (no chmod afterwards). Created by hand rather than by
    tempfile.mkstemp, whose random names, private mode and the chmod after it cost a build of
    thousands of files more than the kernel's own work; the folder is made only when missing.
    """
    for _ in range(10_000):
        tmp = path.parent / f".{path.name}.{os.getpid()}-{next(_serial)}{TMP_SUFFIX}"
        try:
            return os.open(tmp, _OPEN_FLAGS, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(tmp, _OPEN_FLAGS, 0o666), tmp
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(path))


# A file being written that fails with one of these fails for its folder's disk, not for itself.
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def stage(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write `data` (bytes, or pieces of them) to a temporary file beside `path` (not yet in
    place); returns its path.

    A folder that cannot take a new file (read-only, no permission, a file where it should be)
    or whose disk is full is the error's (folder_error), not `path`'s: every output bound for
    it fails with the same words, which a build then says once (progress.print_report)."""
    try:
        fd, tmp = _create_beside(path)
    except OSError as exc:
        raise folder_error(path.parent, exc) from None
    try:
        if isinstance(data, bytes):
            try:
                _write_all(fd, data)
            finally:
                os.close(fd)
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.writelines(data)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise (folder_error(path.parent, exc) if exc.errno in _DISK_FULL
               else write_error(path, exc)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _write_all(fd: int, data: bytes) -> None:
    """Write `data` to the open file `fd` whole, by os.write: a document's bytes go out in one
    call as a file object's write sends them (its buffer is smaller), without making one (io's
    FileIO and BufferedWriter around the file, for each output of a build). What the OS
    writes of it at a time (all, for a file on disk), the rest after it."""
    written = os.write(fd, data)
    if written < len(data):
        view = memoryview(data)
        while written < len(data):
            written += os.write(fd, view[written:])


def commit(staged: Path, path: Path) -> None:
    """Put a staged file in place: readers see the old file or the new one, never half."""
    try:
        os.replace(staged, path)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise write_error(path, exc) from None


# What a copy of an output edited by hand is named, beside it, before vanthu writes it again:
# cv-05.docx → cv-05.sua-tay.docx (then .sua-tay-2.docx...): the clerk's edits are never lost.
EDITED_COPY = ".sua-tay"
EDITED_COPIES = 9_999  # the copies kept of one output, at most


def is_edited_copy(path: Path) -> bool:
    """Whether `path` is a copy keep_edited_copy made (cv-05.sua-tay.docx, cv-05.sua-tay-2.docx):
    the clerk's edits, kept; not an output of vanthu."""
    stem = path.stem
    mark = stem.rfind(EDITED_COPY)
    if mark <= 0:
        return False
    rest = stem[mark + len(EDITED_COPY) :]
    return rest == "" or (rest.startswith("-") and rest[1:].isdigit())


def edited_copy_name(path: Path, index: int) -> Path:
    """The `index`-th name keep_edited_copy tries for a copy of `path` (1: cv-05.sua-tay.docx,
    2: cv-05.sua-tay-2.docx ...)."""
    mark = EDITED_COPY if index == 1 else f"{EDITED_COPY}-{index}"
    return path.with_name(f"{path.stem}{mark}{path.suffix}")


def keep_edited_copy(path: Path) -> Path:
    """Copy `path`, an output edited by hand about to be written over, beside it under a name
    no file has (EDITED_COPY); returns the copy. RenderError when it cannot be copied: the
    caller then leaves `path` as it is."""
    for index in range(1, EDITED_COPIES + 1):
        copy = edited_copy_name(path, index)
        if not copy.exists():
            break
    else:  # every name taken: writing over the last copy would lose an earlier edit
        raise RenderError("render.edited_copies_full", file=shown(path), count=EDITED_COPIES,
                          first=edited_copy_name(path, 1).name,
                          last=edited_copy_name(path, EDITED_COPIES).name)
    try:
        write_atomic(copy, path.read_bytes())
    except OSError as exc:
        raise write_error(copy, exc) from None
    return copy


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half."""
    commit(stage(path, data), path)


def clean_stale(folder: Path) -> list[Path]:
    """Remove the temporary files a killed run left below `folder`; returns what was removed.

    Only those of a process that has ended (or of this one): a file of a process still running
    is being written (a `vanthu render` beside the build), and removing it would fail that
    write half-way with the OS's words.

    folder_error when `folder` cannot be looked at (a folder above it this user may not
    enter): nothing can be written there either, and the build stops at once, naming it. A
    file the folder does not let go (read-only since) stays, for a later run to remove."""
    removed = []
    if is_folder(folder):
        for path in folder.rglob(f".*{TMP_SUFFIX}"):
            if path.is_file() and path.name.count(".") >= 3:  # .NAME.PID-N.tmp, as stage names
                if _writer_alive(path.name):
                    continue
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    continue
                removed.append(path)
    return removed


def _writer_alive(name: str) -> bool:
    """Whether the process a staged file is named for (.NAME.PID-N.tmp) is running and is not
    this one. Never asked where a PID cannot be probed (Windows: the file was removed as
    before)."""
    pid = name[: -len(TMP_SUFFIX)].rsplit(".", 1)[-1].split("-", 1)[0]
    if os.name != "posix" or not pid.isdigit() or int(pid) in (0, os.getpid()):
        return False
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):  # ended, or no process's number
        return False
    except OSError:  # there, someone else's
        pass
    return not _ended(int(pid))


def _ended(pid: int) -> bool:
    """Whether process `pid`, still listed, has ended all the same: a zombie no one reaped yet
    (a killed build's workers, where the system's first process does not reap orphans), as
    Linux's /proc says; False where it cannot be told."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
    except OSError:
        return False
    state = stat[stat.rfind(b")") + 1 :].split(maxsplit=1)[:1]  # after the command's name
    return state in ([b"Z"], [b"X"])
