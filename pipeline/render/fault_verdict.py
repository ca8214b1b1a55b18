"""Whether a template's files were prepared before without a fault, remembered in the template
cache so that render and build do not look for the same faults again in the same files.

Preparing a template (pipeline.render.engine) looks through its files for the faults that break
or empty an output (render.structure: tags, styles, sections, a phôi's fields): some 17 ms for
a Quyết định with its nine blocks, in a build's first document (before its workers start), on
every run, though nothing changed since the last. A fault is looked for in the files and with
the code alone, the same every time; so once a template's files came through, that is kept in
the cache (render.template_cache.note_fault_free) under everything the search reads: the
template's name, each of its files in force (itself, the frame, every shared block) by name,
layer and content, the built-in copy an office's file is compared with, and the code
(fault_code_identity). An edited file, another vanthu or another library is another key, whose
files are searched again. Only the absence of faults is kept: a template with one is searched
each time, and refused with the same words.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path

from pipeline.render.compose import TemplateLibrary
from pipeline.render.template_cache import cleaner_identity

_PIPELINE = Path(__file__).resolve().parents[1]
# The files of vanthu's own folder the search may read: its code and its data (phrases, the
# rules' tables).
_CODE_SUFFIXES = (".py", ".yaml", ".csv", ".json")


def fault_key(library: TemplateLibrary, name: str) -> bytes | None:
    """What the faults of template `name` in `library` follow from (see the module), as a
    cache key; None when a file cannot be read (preparing the template says why)."""
    code = fault_code_identity()
    if code is None:
        return None
    digest = hashlib.sha256(code.encode())
    digest.update(f"\0{name}".encode())
    try:
        for path in library.source_files(name):
            relative = library.relative_name(path)
            office = library.is_override(relative.removesuffix(".docx"))
            digest.update(f"\0{relative}\0{office}\0{_sha256(path)}".encode())
            builtin = library.builtin / relative
            if office and builtin.is_file():  # what an office's copy is compared with
                digest.update(f"\0{_sha256(builtin)}".encode())
    except OSError:
        return None
    return digest.hexdigest().encode()


def _sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@functools.cache  # a process runs one vanthu
def fault_code_identity() -> str | None:
    """The code a fault search runs: Python's, lxml's and Jinja's versions, docxtpl's (which
    cleans a template's tags up), and the size and modification time of every module and data
    file of vanthu (about 300, listed in a millisecond): any change of vanthu's is another
    key, rather than a list of the modules the search reaches kept by hand. None when vanthu's
    folder cannot be listed."""
    import jinja2
    from lxml import etree

    parts = [sys.version, str(etree.LXML_VERSION), jinja2.__version__, cleaner_identity().hex()]
    folders = [str(_PIPELINE)]
    try:
        while folders:
            with os.scandir(folders.pop()) as listing:
                for entry in listing:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            folders.append(entry.path)
                    elif entry.name.endswith(_CODE_SUFFIXES):
                        info = entry.stat()
                        parts.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}")
    except OSError:
        return None
    return "\n".join(sorted(parts))
