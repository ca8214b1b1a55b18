"""What a document's output depends on, hashed as manifests record it: each file read once per
process while its stamp stays the same, and repeated names held as one string."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Mapping
from pathlib import Path

from pipeline.batch.discover import Layout
from pipeline.batch.hash_cache import read_stamp
from pipeline.batch.manifest import file_sha256
from pipeline.load import read_log
from pipeline.load.contract import LoadedDocument
from pipeline.text.shared import same


def read_hash(path: Path) -> tuple[str, bytes]:
    """sha256 of a file, once per process while its stamp stays the same: the hash of the
    bytes the loader parsed when it just read them (pipeline.load.read_log); and the stamp as
    it was then (pipeline.batch.hash_cache.read_stamp): the build remembers the hash while the
    file keeps it."""
    info = os.stat(path)
    digest = read_log.recall(path, info)
    if digest is None:
        digest = file_sha256(path)
        read_log.keep(path, info, digest)
    return digest, read_stamp(info, time.time_ns())


def source_hashes(layout: Layout, document: LoadedDocument) -> tuple[dict[str, str], bytes]:
    """What the document's output depends on, named as manifests name it: each file's hash,
    and for each folder whose documents it counts ("inputs/2022/"), the hash of that list;
    with the stamps of the files as read_hash gives them, in their order."""
    hashes, stamps = file_hashes(layout, document)
    for folder in document.folders:
        hashes[same(layout.name_of(folder) + "/")] = layout.listing_hash(folder)
    return hashes, stamps


def file_hashes(layout: Layout, document: LoadedDocument) -> tuple[dict[str, str], bytes]:
    """The hash of each file the document was loaded from (source_hashes without the folders
    it counts), with their stamps."""
    hashes: dict[str, str] = {}
    stamps = []
    for file in document.files:
        name = same(layout.name_of(file))
        if name not in hashes:
            hashes[name], stamp = read_hash(file)
            stamps.append(stamp)
    return hashes, b"".join(stamps)


def read_digest(hashes: Mapping[str, str]) -> bytes:
    """One digest of the files of `hashes` (a manifest entry's inputs, or file_hashes'; the
    folders' lists left out): a document loaded to be numbered and loaded again to be printed
    with its number was read from the same bytes both times only when both digests are equal
    (runner._stage). 32 bytes: a build holds one per document waiting for its number."""
    digest = hashlib.sha256()
    for name in sorted(hashes):
        if not name.endswith("/"):
            digest.update(f"{name}\0{hashes[name]}\n".encode())
    return digest.digest()


