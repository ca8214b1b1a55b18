"""File hashes remembered between builds, so that a build with nothing to do reads no file.

A build judges every document by the sha256 of what it was made from and of its output
(pipeline.batch.freshness). Reading thousands of files to hash them again is most of a build
with nothing to do; like git's index, this cache keeps each hash with the file's size, inode,
modification and change times, and trusts it only while all four are the same. The change time
(ctime) cannot be set by a program and moves on every write, rename or copy over the file, so
a file edited since is always hashed again. A hash is remembered only for a file whose times
were at least RACY_SECONDS old when it was read: a file written in the same instant as the
cache could otherwise change again without its times moving (git calls this "racily clean").

The cache lives in the output folder (.vanthu-hashes.json) and is only an accelerator: a
missing, unreadable or foreign cache is ignored and the files are hashed.
"""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path
from typing import Any

from pipeline.batch.manifest import file_sha256
from pipeline.render.output import write_atomic

CACHE_NAME = ".vanthu-hashes.json"
RACY_SECONDS = 2
MAX_ENTRIES = 200_000
_FORMAT = 1

Stamp = tuple[int, int, int, int]  # size, inode, mtime_ns, ctime_ns


def _stamp(result: os.stat_result) -> Stamp:
    return (result.st_size, result.st_ino, result.st_mtime_ns, result.st_ctime_ns)


class HashCache:
    """sha256 of files by path, from the cache while a file's stamp is unchanged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known = self._read(path)
        self._seen: dict[str, tuple[Stamp, str]] = {}

    @staticmethod
    def _read(path: Path) -> dict[str, tuple[Stamp, str]]:
        try:
            data: Any = json.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            return {}
        known: dict[str, tuple[Stamp, str]] = {}
        files = data.get("files")
        for name, item in files.items() if isinstance(files, dict) else ():
            if (
                isinstance(item, list) and len(item) == 5
                and all(isinstance(n, int) for n in item[:4]) and isinstance(item[4], str)
            ):  # fmt: skip
                known[name] = ((item[0], item[1], item[2], item[3]), item[4])
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
        stamp = _stamp(result)
        known = self._known.get(name)
        if known is not None and known[0] == stamp:
            self._seen[name] = known
            return known[1]
        digest = file_sha256(Path(name))
        settled = time.time_ns() - RACY_SECONDS * 1_000_000_000
        if max(stamp[2], stamp[3]) < settled:
            self._seen[name] = (stamp, digest)
        return digest

    def save(self) -> None:
        """Keep the hashes known so far, this build's replacing older ones; written only when
        something changed. A build of one year keeps the other years' hashes; past
        MAX_ENTRIES, only this build's are kept (files long gone drop out)."""
        merged = {**self._known, **self._seen}
        if len(merged) > MAX_ENTRIES:
            merged = dict(self._seen)
        if merged == self._known or not self.path.parent.is_dir():
            return
        files = {name: [*stamp, digest] for name, (stamp, digest) in sorted(merged.items())}
        data = json.dumps({"format": _FORMAT, "files": files}, separators=(",", ":"))
        try:
            write_atomic(self.path, data.encode("utf-8"))
        except OSError:  # a read-only output folder: the next build hashes again
            pass
