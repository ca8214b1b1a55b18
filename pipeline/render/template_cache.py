"""Prepared templates remembered between runs: docxtpl's tag clean-up and Jinja's compiled code.

Preparing the templates of a run (docxtpl's clean-up of each template's XML, then Jinja's
compilation of the result) costs some 100–150 ms, a third of it only to import docxtpl and
python-docx for the clean-up, and gives the same result every time for the same template: a
clerk's single `vanthu render` and every build paid it again. Both results are kept in the
user's cache folder (platformdirs: ~/.cache/vanthu on Linux), each under a key made from what it
is made of: the clean-up by the sha256 of the XML and the identity of docxtpl's code (its file's
size and modification time, as Python keys its own .pyc files), the compiled code by Jinja's
bytecode cache (the source's checksum, Jinja's and Python's versions) in a folder named for
the settings the code was compiled under. An edited template is simply another key; nothing is
ever looked up by a template's name alone. The same folder keeps what `vanthu templates check`
said of an office's templates (verdict/), keyed by their contents and the checker's code, so
that render and build can warn of a template it rejects without checking it on every run; and,
beside it, which templates were prepared without a fault (fault_free, render.fault_verdict), so
that they are not searched for faults again while their files and vanthu are the same, and
which .docx files were read whole (read_whole), so that only the parts of them a template's body
needs are read again; and what `vanthu render -o` last wrote where (note_written), so that it
writes again over its own unedited output outside a workspace's outputs, and over nothing else.

The cache only saves time: a folder that cannot be made or written, or an entry that cannot be
read, means the work is done as before, and the output is the same byte for byte.

Each edit of a template, and each new vanthu or Jinja, adds entries that are never read again;
so reading an entry marks it used (its modification time), and whenever a new entry is written
(the only time the cache grows) every entry unused for UNUSED_DAYS is removed, with the folders
left empty. A run whose templates are all known writes nothing and removes nothing.
VANTHU_CACHE_DIR names another folder; set and empty, nothing is cached. Compiled code from the
cache is run as Python runs a .pyc: the folder is the user's own, as is their site-packages.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import re
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from pipeline.patterns import lazy
from pipeline.render.output import write_atomic
from pipeline.render.zipwriter import Member

CACHE_ENV = "VANTHU_CACHE_DIR"
APP_NAME = "vanthu"
_FORMAT = b"vanthu-clean-4"  # bump when what is stored, or how it is made, changes
_CLEAN_DIR = "clean"
_VERDICT_DIR = "verdict"
_VERDICT_FORMAT = b"vanthu-verdict-1"  # bump when what a verdict holds changes
# A template prepared without a fault (fault_free), and a .docx read whole (read_whole), kept
# among the verdicts (as _NOTED).
_FAULTS_FORMAT = b"vanthu-faults-1"  # bump when what a key holds changes
_WHOLE_FORMAT = b"vanthu-whole-1"
_ANSWER_FORMAT = b"vanthu-answer-1"  # what a file answered to a question (answer_of)
_WRITTEN_FORMAT = b"vanthu-written-1"  # what render -o wrote where (note_written)
_NOTED = b"[]"
_JINJA_DIR = "jinja"
_DEFLATED_DIR = "deflated"  # large parts of templates, compressed (deflated)
_DEFLATED_FORMAT = b"vanthu-deflated-1"
_STYLES_DIR = "styles"  # the answers of a frame's styles (styles_answers)
_STYLES_FORMAT = b"vanthu-styles-1"
# The modules that set up the Jinja environment templates compile in (pipeline.render).
_ENVIRONMENT_MODULES = ("budget.py", "compose.py", "engine.py")
UNUSED_DAYS = 60  # an entry not read for this long is removed when the cache next grows


def cache_root() -> Path | None:
    """The cache folder (not necessarily existing yet), or None when caching is turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    # Imported here: only a run that prepares a template needs it.
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def _folder(name: str) -> Path | None:
    """`name` under the cache folder, made if need be; None if there is no usable one."""
    root = cache_root()
    if root is None:
        return None
    folder = root / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


@functools.cache  # a process runs one docxtpl
def cleaner_identity() -> bytes:
    """Which docxtpl does the clean-up: its template module's size and modification time."""
    spec = importlib.util.find_spec("docxtpl")
    if spec is None or not spec.submodule_search_locations:
        return b"?"
    module = Path(next(iter(spec.submodule_search_locations))) / "template.py"
    try:
        info = module.stat()
    except OSError:
        return b"?"
    return f"{module}\0{info.st_size}\0{info.st_mtime_ns}".encode()


def cleaned(xml: str, clean: Callable[[str], str]) -> str:
    """`clean(xml)`, read from the cache when this XML was cleaned by this docxtpl before."""
    key = _FORMAT + b"\0" + cleaner_identity() + b"\0" + xml.encode()
    return _remembered(_CLEAN_DIR, ".xml", key, lambda: clean(xml))


def verdict(key: bytes, judge: Callable[[], str]) -> str:
    """`judge()`, read from the cache when it was given for this `key` before: what `vanthu
    templates check` says of templates, keyed by their contents (pipeline.template_tools.
    verdict), so that render and build warn of a faulty template without checking it again."""
    return _remembered(_VERDICT_DIR, ".json", _VERDICT_FORMAT + b"\0" + key, judge)


def fault_free(key: bytes) -> bool:
    """Whether the template whose faults follow from `key` (render.fault_verdict) was prepared
    before without a fault (note_fault_free): kept among the verdicts."""
    return _known(_FAULTS_FORMAT + b"\0" + key)


def note_fault_free(key: bytes) -> None:
    """The template whose faults follow from `key` was just prepared without a fault."""
    _note(_FAULTS_FORMAT + b"\0" + key)


def read_whole(data: bytes) -> bool:
    """Whether a .docx of these bytes was read whole before, every part of it (note_read_whole):
    render.package.Package.read_body then reads only the parts a template's body needs."""
    return cache_root() is not None and _known(_WHOLE_FORMAT + b"\0" + _digest(data))


def note_read_whole(data: bytes) -> None:
    """A .docx of these bytes was just read whole (Package.read)."""
    if cache_root() is not None:
        _note(_WHOLE_FORMAT + b"\0" + _digest(data))


def deflated(name: str, data: bytes, level: int) -> Member:
    """Member.deflate(name, data, level), its compressed bytes read from the cache when bytes
    alike were compressed so before by the same zlib (zlib_identity): the same bytes. For a
    template's large parts (render.package.Package.members: its styles, 366 kB, compressed on
    every run for its outputs: measured, 2 ms and 8 M instructions of a build's first document)."""
    if cache_root() is None:
        return Member.deflate(name, data, level)
    key = b"\0".join((_DEFLATED_FORMAT, zlib_identity(level), _digest(data)))
    payload = _remembered_bytes(
        _DEFLATED_DIR, ".deflate", key, lambda: Member.deflate(name, data, level).payload
    )
    return Member(name, zlib.crc32(data), len(data), payload)


@functools.cache  # a process runs one zlib
def zlib_identity(level: int) -> bytes:
    """Which zlib compresses at `level`: its version, and what it makes of a sample of XML (a
    zlib built otherwise, under the same version, may compress otherwise)."""
    sample = b"".join(b'<w:style w:styleId="S%d"><w:name w:val="s %d"/></w:style>' % (i, i % 13)
                      for i in range(200))  # fmt: skip
    made = Member.deflate("", sample, level).payload
    return b"%s\0%d\0%s" % (zlib.ZLIB_RUNTIME_VERSION.encode(), level, made)


def styles_answers(key: bytes, make: Callable[[], str]) -> str:
    """`make()`, the answers of a frame's styles (render.kept_styles), read from the cache when
    made for `key` before."""
    return _remembered(_STYLES_DIR, ".json", _STYLES_FORMAT + b"\0" + key, make)


def answer_of(question: bytes, data: bytes, answer: Callable[[], str]) -> str:
    """`answer()`, what a file of these bytes answers to `question`, read from the cache when
    it was given for bytes alike before (kept among the verdicts)."""
    key = _ANSWER_FORMAT + b"\0" + question + b"\0" + _digest(data)
    return _remembered(_VERDICT_DIR, ".json", key, answer)


def note_written(path: Path, data: bytes) -> None:
    """That vanthu just wrote `data` to `path`, elsewhere than a workspace's outputs (render
    -o), whose manifests would record it: for written_as_noted, when render writes there again."""
    folder = _folder(_VERDICT_DIR)
    if folder is not None:
        digest = hashlib.sha256(data).hexdigest().encode()
        _write_bytes(_entry(folder, ".json", _written_key(path)), digest)


def written_as_noted(path: Path) -> bool:
    """Whether the file at `path` holds what note_written last noted vanthu writing there:
    vanthu's own output, unedited since. False when nothing was noted (another user's cache,
    one cleared or turned off): the file is then taken for the clerk's own."""
    folder = _folder(_VERDICT_DIR)
    if folder is None:
        return False
    entry = _entry(folder, ".json", _written_key(path))
    noted = _checked_bytes(entry)
    if noted is None:
        return False
    try:
        present = hashlib.sha256(path.read_bytes()).hexdigest().encode()
    except OSError:
        return False
    if present != noted:
        return False
    _mark_used(entry)
    return True


def _written_key(path: Path) -> bytes:
    try:
        where = path.resolve()
    except (OSError, RuntimeError):
        where = path.absolute()
    return _WRITTEN_FORMAT + b"\0" + os.fsencode(where)


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _known(key: bytes) -> bool:
    """Whether `key` was noted (_note) among the verdicts."""
    folder = _folder(_VERDICT_DIR)
    if folder is None:
        return False
    entry = _entry(folder, ".json", key)
    if _checked_bytes(entry) != _NOTED:
        return False
    _mark_used(entry)
    return True


def _note(key: bytes) -> None:
    """`key` noted among the verdicts, for _known."""
    folder = _folder(_VERDICT_DIR)
    if folder is not None:
        _write_bytes(_entry(folder, ".json", key), _NOTED)


def _entry(folder: Path, suffix: str, key: bytes) -> Path:
    """The file of `folder` that keeps what `key` gave."""
    return folder / f"{hashlib.sha256(key).hexdigest()}{suffix}"


def _remembered(kind: str, suffix: str, key: bytes, make: Callable[[], str]) -> str:
    """`make()`, a text, kept in the cache folder `kind` under the sha256 of `key`."""
    kept = _remembered_bytes(kind, suffix, key, lambda: make().encode("utf-8"))
    try:
        return kept.decode("utf-8")
    except UnicodeDecodeError:  # an entry no text was kept in (never written so): made anew
        return make()


def _remembered_bytes(kind: str, suffix: str, key: bytes, make: Callable[[], bytes]) -> bytes:
    """`make()`, kept in the cache folder `kind` under the sha256 of `key`."""
    folder = _folder(kind)
    if folder is None:
        return make()
    entry = _entry(folder, suffix, key)
    known = _checked_bytes(entry)
    if known is not None:
        _mark_used(entry)
        return known
    result = make()
    _write_bytes(entry, result)
    return result


def _write_bytes(entry: Path, data: bytes) -> None:
    """`data` kept in `entry` after its sha256 and a newline (_checked_bytes), the cache
    pruned after it."""
    try:
        write_atomic(entry, hashlib.sha256(data).hexdigest().encode() + b"\n" + data)
    except OSError:
        return  # a read-only or full disk: the next run makes it again
    prune()


def _mark_used(entry: Path) -> None:
    """The entry was just read: it is not pruned for another UNUSED_DAYS."""
    try:
        os.utime(entry)
    except OSError:
        pass  # a read-only cache: it may be pruned sooner, and is then made again


def prune(now: float | None = None) -> list[Path]:
    """Remove every entry not read for UNUSED_DAYS, and the compiled-code folders left empty;
    returns what was removed. Only vanthu's own entries are looked at (VANTHU_CACHE_DIR may
    name a folder that holds other files). Never raises: an entry another process removed or
    holds is left to the next time."""
    root = cache_root()
    if root is None:
        return []
    oldest = (time.time() if now is None else now) - UNUSED_DAYS * 86_400
    removed = _prune_files(root / _CLEAN_DIR, _clean_entry(), oldest)
    removed += _prune_files(root / _VERDICT_DIR, _verdict_entry(), oldest)
    removed += _prune_files(root / _DEFLATED_DIR, _deflated_entry(), oldest)
    removed += _prune_files(root / _STYLES_DIR, _verdict_entry(), oldest)
    jinja = root / _JINJA_DIR
    for folder in _subfolders(jinja):
        removed += _prune_files(folder, _jinja_entry(), oldest)
        if folder.name == _compiler_identity():
            continue  # this run's: kept for its next entry
        try:
            folder.rmdir()  # only when empty: code of an older vanthu or Jinja, all unused
            removed.append(folder)
        except OSError:
            pass
    return removed


# What the cache's folders hold: clean-up entries, Jinja's compiled code, and the temporary
# files of a write that was cut short.
_clean_entry = lazy(r"[0-9a-f]{64}\.xml|\..+\.tmp")
_verdict_entry = lazy(r"[0-9a-f]{64}\.json|\..+\.tmp")
_deflated_entry = lazy(r"[0-9a-f]{64}\.deflate|\..+\.tmp")
_jinja_entry = lazy(r"__jinja2_.+\.cache(.+\.tmp)?")


def _subfolders(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()]
    except OSError:
        return []


def _prune_files(folder: Path, names: re.Pattern[str], oldest: float) -> list[Path]:
    """Files of `folder` named like `names` and not modified since `oldest`, removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        try:
            if (
                names.fullmatch(entry.name)
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < oldest
            ):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _checked_bytes(entry: Path) -> bytes | None:
    """The bytes an entry keeps (after its sha256 and a newline), None unless whole."""
    try:
        stored = entry.read_bytes()
    except OSError:
        return None
    digest, _, data = stored.partition(b"\n")
    if hashlib.sha256(data).hexdigest().encode() != digest:
        return None  # cut short or altered since it was written
    return data


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, for which a damaged entry is a missing one
    and a failed write is no error (Jinja's own raises: a full disk would stop a build); the
    code of a `kind` ("document": the rendering engine's, which prints UTF-8) under keys of
    its own."""

    def __init__(self, directory: str, kind: str = "") -> None:
        super().__init__(directory)
        self.kind = kind

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{self.kind}\0{name}" if self.kind else name, filename)

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # truncated or foreign bytes: unpickling and unmarshalling raise anything
            bucket.reset()
        if bucket.code is not None:
            _mark_used(Path(self._get_cache_filename(bucket)))

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return
        prune()


@functools.cache
def _compiler_identity() -> str:
    """What Jinja's compiled code depends on besides the source, which Jinja's own key leaves
    out: Jinja's version and how vanthu sets up its environment (sandbox, autoescaping, the
    guards), i.e. the modules that do it, by size and modification time. Code compiled under
    other settings (autoescaping off, say) is then never run under these."""
    import jinja2

    from pipeline import __version__

    here = Path(__file__).resolve().parent  # the modules beside this one, found, not imported
    parts = [__version__, jinja2.__version__, *module_stamps(here, _ENVIRONMENT_MODULES)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def module_stamps(root: Path, modules: Iterable[str]) -> list[str]:
    """'name:size:mtime' of each module file below `root` (a folder: each .py file in it), found
    and not imported: what a cache keyed by vanthu's code compares."""
    stamps = []
    for name in modules:
        path = root / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            shown = file.relative_to(root).as_posix()
            try:
                info = file.stat()
                stamps.append(f"{shown}:{info.st_size}:{info.st_mtime_ns}")
            except OSError:
                stamps.append(f"{shown}:?")
    return stamps


def bytecode_cache(kind: str = "") -> BytecodeCache | None:
    """Jinja's cache of compiled templates in the cache folder (a folder per compiler identity),
    or None without one; `kind`: code compiled otherwise than for text ("document": the
    rendering engine's, which prints UTF-8), kept under keys of its own."""
    folder = _folder(f"{_JINJA_DIR}/{_compiler_identity()}")
    return _QuietBytecodeCache(str(folder), kind) if folder is not None else None
