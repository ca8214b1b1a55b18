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

import hashlib
import io
import os
from collections import OrderedDict

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


def read_whole(path: str | os.PathLike[str], info: os.stat_result) -> bytes:
    """The bytes of file `path`, to its end, `info` being its stat just before (its size read
    in one call and its end found by another, however it grew since): read straight from the
    file, without the four more system calls a buffered reader costs to open one and read it to
    its end (is it a terminal, where it stands, twice, its size): some 5 µs each where a
    sandbox stands between a process and the files it reads."""
    with open(path, "rb", buffering=0) as handle:
        data = read_up_to(handle, info.st_size + 1)
        if len(data) > info.st_size:  # grown since: the rest too
            data += handle.readall()
        return data


def read_up_to(handle: io.RawIOBase, size: int) -> bytes:
    """At most `size` bytes from an unbuffered `handle`, fewer only at its end: as a buffered
    reader's read(size), which asks again after a short read."""
    chunks: list[bytes] = []
    got = 0
    while got < size:
        chunk = handle.read(size - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)
