"""File hashes remembered between builds, so that a build with nothing to do reads no file.

A build judges every document by the sha256 of what it was made from and of its output
(pipeline.batch.freshness). Reading thousands of files to hash them again is most of a build
with nothing to do; like git's index, this cache keeps each hash with the file's size, inode,
modification and change times, and trusts it only while all four are the same. The change time
(ctime) cannot be set by a program and moves on every write, rename or copy over the file, so
a file edited since is always hashed again. A hash is remembered only for a file whose times
were at least RACY_SECONDS old when it was read: a file written in the same instant as the
cache could otherwise change again without its times moving (git calls this "racily clean").

A build also remembers the hashes it already has. Of the inputs its workers read, it knows
the hash of the bytes parsed and the file's stamp then: it keeps the hash of each file whose
times had settled when read (as above) and whose stamp has not changed since. Of
what it writes itself (each output, and its PDF), it knows the hash of the bytes put in place
and takes their stamp right then. Those times are new, so such an entry is trusted the way
git's index trusts the files a checkout writes: only while the file's times are older than the
cache file's own modification time, the moment the cache was written, on the same disk's
clock. A write to the file after that moves its times past the recorded ones; an entry whose
times reach the cache's is hashed again. (What no stamp can show, here as in git, is a write
within the same tick of the disk's clock as the build's own, in the instant after the output
appeared.) So the first build with nothing to do after a build reads no file either: at 5,000
documents, reading them all again was most of its time.

The cache lives in the output folder (.vanthu-hashes.json) and is only an accelerator: a
missing, unreadable or foreign cache is ignored and the files are hashed.
"""

from __future__ import annotations

import json
import os
import stat
import struct
import time
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from pathlib import Path
from typing import Any

from pipeline.batch.manifest import file_sha256
from pipeline.errors import RenderError
from pipeline.load.read_log import Stamp, stamp
from pipeline.render.output import commit, stage

CACHE_NAME = ".vanthu-hashes.json"
RACY_SECONDS = 2
MAX_ENTRIES = 200_000
_FORMAT = 1

# What is kept of one file, packed in one bytes object: its stamp, then the 32 bytes of its
# sha256. A build of 5,000 documents holds 15,000 of them until it ends; as a tuple of ints and
# a hex string each took about 380 bytes (the build's peak RSS grew by 4 MB), packed about 100.
_STAMP = struct.Struct("<QQqq")
STAMP_SIZE = _STAMP.size
_UNSETTLED = bytes(STAMP_SIZE)  # a worker's stamp of a file not to remember (see read_stamp)


def _record(stamp: Stamp, digest: str) -> bytes | None:
    """The packed record of a file; None when these are not a stamp and a sha256."""
    try:
        packed = _STAMP.pack(*stamp) + bytes.fromhex(digest)
    except (struct.error, ValueError):
        return None
    return packed if len(packed) == _STAMP.size + 32 else None


def _packed(info: os.stat_result) -> bytes:
    """The file's stamp as a record starts with it."""
    return _STAMP.pack(*stamp(info))


def read_stamp(info: os.stat_result, at_ns: int) -> bytes:
    """What a worker reports of a file it hashed at `at_ns` (a time.time_ns()) while its stat
    was `info`: its packed stamp if its times had settled then, else zeros (not remembered)."""
    return _packed(info) if _settled(stamp(info), at_ns) else _UNSETTLED


def _settled(file: Stamp, at_ns: int) -> bool:
    """The file's times were at least RACY_SECONDS old at `at_ns` (see the module's text)."""
    return max(file[2], file[3]) < at_ns - RACY_SECONDS * 1_000_000_000


def _on_disk(name: str, digest: str) -> bytes | None:
    """The record of file `name` as it is now, with hash `digest`; None when it is not a
    regular file (or gone)."""
    try:
        result = os.stat(name)
    except (OSError, ValueError):
        return None
    return _record(stamp(result), digest) if stat.S_ISREG(result.st_mode) else None


class HashCache:
    """sha256 of files by path, from the cache while a file's stamp is unchanged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # There but not readable (no permission, held open): left as it is, never written over.
        self._unreadable = False
        self._known = self._read(path)
        self._seen: dict[str, bytes] = {}  # records (see _record) by path

    def _read(self, path: Path) -> dict[str, bytes]:
        try:
            with path.open("rb") as handle:
                written_ns = os.fstat(handle.fileno()).st_mtime_ns  # when this text was written
                data: Any = json.loads(handle.read().decode("utf-8"))
        except FileNotFoundError:
            return {}
        except OSError:
            self._unreadable = path.exists()
            return {}
        except (UnicodeDecodeError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return {}
        known: dict[str, bytes] = {}
        files = data.get("files")
        for name, item in files.items() if isinstance(files, dict) else ():
            if (
                isinstance(item, list) and len(item) == 5
                and all(isinstance(n, int) for n in item[:4]) and isinstance(item[4], str)
            ):  # fmt: skip
                record = _record((item[0], item[1], item[2], item[3]), item[4])
                if record is not None and max(item[2], item[3]) < written_ns:  # else racily
                    known[name] = record  # clean, hashed again
        return known

    def sha256(self, path: Path | str) -> str | None:
        """The file's sha256; None when it is not a regular file."""
        name = str(path)
        try:
            result = os.stat(name)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(result.st_mode):
            return None
        known = self._known.get(name)
        if known is not None and known.startswith(_packed(result)):
            self._seen[name] = known
            return known[_STAMP.size :].hex()
        now = stamp(result)
        digest = file_sha256(Path(name))
        record = _record(now, digest)
        if record is not None and _settled(now, time.time_ns()):
            self._seen[name] = record
        return digest

    def written(self, path: Path | str, digest: str) -> None:
        """`path` was just put in place by this build with content of hash `digest`."""
        record = _on_disk(str(path), digest)
        if record is not None:
            self._seen[str(path)] = record

    def hash_written(self, path: Path) -> str | None:
        """The sha256 of a file this build just had written (a PDF), remembered as `written`;
        None when it cannot be read back (another program took hold of it at once, or it is
        gone): no hash is known of it then, and none is recorded."""
        try:
            before = _packed(os.stat(path))
            digest = file_sha256(path)
        except OSError:
            return None
        record = _on_disk(str(path), digest)
        if record is not None and record.startswith(before):  # not being written still
            self._seen[str(path)] = record
        return digest

    def save(self, read: Iterable[tuple[str, str, bytes]] = ()) -> None:
        """Keep the hashes known so far, this build's replacing older ones; written only when
        something changed. A build of one year keeps the other years' hashes; past
        MAX_ENTRIES, only this build's are kept (files long gone drop out).

        `read`: (path, sha256, read_stamp) of each file a worker of this build hashed, each
        once; kept while the file still has that stamp (unchanged since). Taken one at a time
        as the cache is written: at the end of a build of thousands of documents they are
        never all held. So are the known ones: their names sorted, no copy of the cache
        when it was empty (a first build), nor a pair made for each but as it is written."""
        merged = {**self._known, **self._seen} if self._known else self._seen
        if len(merged) > MAX_ENTRIES:
            merged = self._seen
        more = _unchanged(read, merged)
        first = next(more, None)
        if (merged == self._known and first is None) or not self.path.parent.is_dir() \
                or self._unreadable:
            return
        known = ((name, merged[name]) for name in sorted(merged))
        files = chain(known, [first] if first else [], more)
        try:
            commit(stage(self.path, (piece.encode("utf-8") for piece in _pieces(files))), self.path)
        except RenderError:  # a read-only output folder: the next build hashes again
            pass


def _unchanged(
    read: Iterable[tuple[str, str, bytes]], known: Mapping[str, bytes]
) -> Iterator[tuple[str, bytes]]:
    """The record of each file of `read` (each named once) whose stamp is still the one
    given, unless `known` has it."""
    for path, digest, then in read:
        if path in known or then == _UNSETTLED:
            continue
        record = _on_disk(path, digest)
        if record is not None and record.startswith(then):
            yield path, record


# A name as json.dumps writes it (its ASCII form, json's default), by json's C function.
_NAME = json.encoder.encode_basestring_ascii


def _pieces(files: Iterable[tuple[str, bytes]]) -> Iterator[str]:
    """The cache's JSON text, json's compact form, one file at a time: written at the end of a
    build of thousands, it is never one string nor a second copy of every entry.

    Byte for byte what json.dumps(name) and a compact json.JSONEncoder write of each file's
    name and [size, inode, mtime, ctime, sha256] (ints as int.__repr__, a hex digest needs no
    escaping), laid out here: json's encoder made a C encoder anew for each entry's list, half
    the cost of writing the cache (~4 ms of the build's serial end at 1,000 documents)."""
    yield f'{{"format":{_FORMAT},"files":{{'
    separator = ""
    for name, record in files:
        size, inode, mtime, ctime = _STAMP.unpack_from(record)
        digest = record[_STAMP.size :].hex()
        yield f'{separator}{_NAME(name)}:[{size},{inode},{mtime},{ctime},"{digest}"]'
        separator = ","
    yield "}}"
