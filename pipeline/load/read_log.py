"""The sha256 of each input file as this process last read it: the loader's bytes, as parsed.

A build records the hash of every file an output was made from (pipeline.batch.manifest). The
loader has the bytes in hand when it parses a data file or reads a list; hashing them there
costs microseconds and spares the build opening and reading each file again, and the record is
of the content actually parsed, even when the file is saved again while the build runs. A file
the build had to hash itself is kept here too. Kept per process for the files read last: a
build streams through the year and hashes each document's files right after loading it.
Threads loading at once (a portal sharing one workspace) share it under a lock.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat as kinds
from collections import OrderedDict
from contextvars import ContextVar, Token

from pipeline.load.locks import ForkSafeLock

_KEPT = 256
Stamp = tuple[int, int, int, int]  # size, inode, mtime_ns, ctime_ns

_read: OrderedDict[str, tuple[Stamp, str]] = OrderedDict()
# Held for each change and look-up: an OrderedDict reordered by two threads at once raises
# KeyError (a key moved to the end after another thread dropped it).
_lock = ForkSafeLock()


def note(path: str | os.PathLike[str], info: os.stat_result, data: bytes) -> None:
    """`data` was read whole from `path`, whose stat just before reading was `info`."""
    if len(data) != info.st_size:  # it changed while read: the build hashes it itself
        return
    keep(path, info, hashlib.sha256(data).hexdigest())


def keep(path: str | os.PathLike[str], info: os.stat_result, digest: str) -> None:
    """`digest` is the sha256 of `path` while its stat is `info`."""
    key, kept = os.fspath(path), (stamp(info), digest)
    with _lock:
        _read[key] = kept
        _read.move_to_end(key)
        while len(_read) > _KEPT:
            _read.popitem(last=False)


def recall(path: str | os.PathLike[str], info: os.stat_result) -> str | None:
    """The sha256 of what was read from `path`, if it was read while its stamp was that of
    `info`; None otherwise."""
    key = os.fspath(path)
    with _lock:
        found = _read.get(key)
    if found is not None and found[0] == stamp(info):
        return found[1]
    return None


def stamp(info: os.stat_result) -> Stamp:
    """What tells a file's content changed without reading it: size, inode, modification and
    change times. The change time too: a file rewritten with its size and modification time
    kept (a copy keeping times) is not what was read (pipeline.batch.hash_cache)."""
    return (info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)


# How vanthu opens a file it reads with the system's calls: in binary (Windows would otherwise
# turn its line ends), never inherited by a child process.
READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_whole(path: str | os.PathLike[str], info: os.stat_result) -> bytes:
    """The bytes of file `path`, to its end, `info` being its stat just before (its size read
    in one call and its end found by another, however it grew since): read straight from the
    file by the system's calls, without the five more a buffered reader costs to open one and
    read it to its end (its stat as it opens, is it a terminal, where it stands, twice, its
    size): some 3 µs each where a virtual machine stands between a process and its files."""
    handle = os.open(path, READ_FLAGS)
    try:
        data = read_up_to(handle, info.st_size + 1)
        if len(data) > info.st_size:  # grown since: the rest too
            while chunk := os.read(handle, _CHUNK):
                data += chunk
        return data
    finally:
        os.close(handle)


_CHUNK = 1 << 16


def read_up_to(handle: int, size: int) -> bytes:
    """At most `size` bytes from the file open as `handle` (os.open's), fewer only at its end:
    as a buffered reader's read(size), which asks again after a short read."""
    chunks: list[bytes] = []
    got = 0
    while got < size:
        chunk = os.read(handle, size - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


# The stats taken of the files one document's load looks at, by path as text: what it is and
# its stamp (os.stat), and, for a path found to be no symlink, its lstat, which is its stat too.
# A load asks each file it reads whether it is there, whether it is a symlink and what it is,
# from the workspace's paths, the loader's caches and the readers each: a decision, its profile
# and its list were 14 stats, three to six a file. While one load runs (looked_once) the first
# answer is the answer; per thread (a context variable); None outside a load.
_Looked = tuple[dict[str, os.stat_result], dict[str, os.stat_result]]
_LOOKED: ContextVar[_Looked | None] = ContextVar("files_looked_at", default=None)


class looked_once:  # noqa: N801 (a context manager named as what it does)
    """Within the block (one document's load, pipeline.load.documents), each file is stat'ed
    once (file_stat, link_stat): what a load makes of a file is what it found the first time
    it looked, as what it read is what it read then. A load within it (the decision a Tờ
    trình attaches, those a report counts) looks afresh at its own files; what it found is
    the outer load's first answer too after it, as the outer document rests on those files.
    What is held is the files of one document and of those it takes in.

    `files()`: what the block looked at so far, to tell later whether any of it changed
    (unchanged)."""

    __slots__ = ("_token", "_outer", "_looked")

    def __enter__(self) -> looked_once:
        self._outer = _LOOKED.get()
        self._looked: _Looked = ({}, {})
        self._token: Token[_Looked | None] = _LOOKED.set(self._looked)
        return self

    def __exit__(self, *exc: object) -> None:
        _LOOKED.reset(self._token)
        if self._outer is not None:
            for inner, outer in zip(self._looked, self._outer, strict=True):
                for path, info in inner.items():
                    outer.setdefault(path, info)

    def files(self) -> LookedAt:
        """The stamps of every file and folder stat'ed in the block so far (a symlink by its
        target's: the file read)."""
        return tuple((path, stamp(info)) for path, info in self._looked[0].items())


# What a load looked at: (path, stamp), as looked_once.files gives it.
LookedAt = tuple[tuple[str, Stamp], ...]


def unchanged(files: LookedAt) -> bool:
    """Whether every file in `files` is still there with the same stamp (a changed one, one
    gone, or one that cannot be looked at: False). Within a load, the looks count as its own."""
    try:
        return all(stamp(file_stat(path)) == kept for path, kept in files)
    except (OSError, ValueError):
        return False


def file_stat(path: str | os.PathLike[str]) -> os.stat_result:
    """os.stat(path) (its OSError too); within a load (looked_once), as first taken there."""
    looked = _LOOKED.get()
    if looked is None:
        return os.stat(path)
    key = os.fspath(path)
    info = looked[0].get(key)
    if info is None:
        info = looked[0][key] = os.stat(key)
    return info


def link_stat(path: str) -> os.stat_result:
    """os.lstat(path) (its OSError too); within a load (looked_once), as first taken there for
    a path that is no symlink, whose stat (file_stat) it is then too."""
    looked = _LOOKED.get()
    if looked is None:
        return os.lstat(path)
    info = looked[1].get(path)
    if info is None:
        info = os.lstat(path)
        if not kinds.S_ISLNK(info.st_mode):
            looked[0][path] = looked[1][path] = info
    return info


# What Path.exists and Path.is_file take for no file there rather than raise: missing, a part
# of the path that is no folder, a symlink loop (pathlib's own list; on Windows, its codes).
_NOT_THERE = frozenset((errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP))
_NOT_THERE_WINDOWS = frozenset((21, 123, 1921))


def stat_or_none(path: str | os.PathLike[str]) -> os.stat_result | None:
    """file_stat(path); None where Path.exists and Path.is_file say no file is there (see
    _NOT_THERE, and a path the system cannot take), any other OSError raised as they raise it:
    `path.is_file()` is `info is not None and S_ISREG(info.st_mode)` of it."""
    try:
        return file_stat(path)
    except OSError as exc:
        if exc.errno in _NOT_THERE or getattr(exc, "winerror", None) in _NOT_THERE_WINDOWS:
            return None
        raise
    except ValueError:  # a NUL in the path
        return None


def regular_file(path: str | os.PathLike[str]) -> bool | None:
    """Whether a regular file is at `path` (Path.is_file), False for another thing there (a
    folder, a FIFO), None for none (Path.exists): from stat_or_none."""
    info = stat_or_none(path)
    return None if info is None else kinds.S_ISREG(info.st_mode)
