"""Whether a document's recorded output is still current, decided from hashes without loading it.

An entry is current when vanthu's version is the one that wrote it, every file it was built from
still hashes the same (and each folder it counted still lists the same documents), its template
hashes the same, and its output (and PDF, when one is wanted) still has the recorded hash. A
change to any of these rebuilds the document; nothing is parsed to find out, and a file whose
size, inode and times are those of the last build is not even read (pipeline.batch.hash_cache).

An output (or its PDF, in a build asked for PDFs) that is there but no longer has the recorded
hash while everything it was built from is unchanged was edited by hand since vanthu wrote it:
the build keeps it as it is (`Edited`) instead of writing the same data over the clerk's edit.
A deleted output is simply built again.

A document whose data are unchanged but whose templates hash otherwise, or whose manifest
another vanthu wrote (an upgrade: `restyled`), cannot be judged from hashes: what the new
templates make of the same data may be the very bytes the old ones made (a shared block changed
for other documents), or not. It is rendered again, and the build compares what it made with
what the manifest records vanthu writing (builder.Finisher): the same, its output is judged as
an unchanged document's is, here, with the new template hash (kept, edited by hand or not).

An output printing a number from the register is current only while the register holds that
number for it; that is the register's to say, not the hashes': the build asks it once for the
outputs judged current here (builder.drop_renumbered: a number voided, moved, given to another
document, or held by no row).

A .docx written anew whose PDF is then not made (its conversion failed, or no PDF was asked
for) leaves the PDF of an earlier run beside it: removed when it is exactly what vanthu recorded
making from another .docx, lest a clerk print or sign the old content; kept, with a warning,
when it was edited or signed since, or when no manifest records it (not known to be vanthu's):
settle_old_pdf, one rule for build (builder.Finisher) and render (api.PdfsLeft), and for what
render records (manifest.with_previous_pdf). One edited or signed since, or still made from
the very .docx there, stays recorded as vanthu made it, whether or not this run was asked for
PDFs (judge too keeps it so): the next run that writes over it keeps a .sua-tay copy first
(edited_since).
"""

from __future__ import annotations

import filecmp
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.batch.discover import Layout
from pipeline.batch.hash_cache import CACHE_NAME, STAMP_SIZE, HashCache
from pipeline.batch.manifest import Entry, UnreadableFile, present_sha256
from pipeline.batch.old_pdf import OldPdf, old_pdf
from pipeline.batch.template_hash import template_hash
from pipeline.errors import RenderError, VanthuError
from pipeline.i18n import t
from pipeline.load.locations import resolved_path
from pipeline.render.compose import TemplateLibrary
from pipeline.render.output import os_words


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Edited:
    """A recorded entry whose data and template are unchanged but whose output (or PDF) was
    edited by hand since vanthu wrote it: kept as it is, entry and file alike."""

    entry: Entry
    files: tuple[str, ...]  # the edited files, as the manifest names them (output folder's)

    def said(self, layout: Layout, name: str) -> str:
        """Why the files of input `name` are kept as they are, and how to make them again."""
        files = ", ".join(str(layout.output_dir / f) for f in self.files)
        return RenderError("build.output_edited", file=files, name=name).message()


def edited_since(
    layout: Layout, written: Entry | None, output: Path, *, with_pdf: bool,
    file_hash: Callable[[Path], str | None],
) -> list[Path]:
    """The files of `written` (the manifest entry of the last build of a document) that writing
    `output` (and its PDF, `with_pdf`) would write over and that are there but not what the
    manifest recorded: edited by hand since vanthu wrote them. `file_hash` is None for a file
    not there. A file the entry does not name is not vanthu's to judge. One rule for build
    (Finisher) and render (api.edited_outputs)."""
    if written is None:
        return []
    recorded: list[tuple[Path, str, str | None]] = [
        (output, written.output, written.output_sha256)
    ]
    if with_pdf and written.pdf is not None:
        recorded.append((output.with_suffix(".pdf"), written.pdf, written.pdf_sha256))
    return [
        path for path, name, sha256 in recorded
        if layout.output_name(path) == name and sha256 is not None
        and file_hash(path) not in (None, sha256)
    ]  # fmt: skip


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Settled:
    """What settle_old_pdf did with the PDF an earlier run left beside a new .docx: what it was
    (`fate`: None when no PDF is there, or one vanthu's that could not be removed) and what to
    say of it (`said`: None for nothing)."""

    fate: OldPdf | None
    said: str | None

    @property
    def unremoved(self) -> bool:
        """vanthu's own out-of-date PDF, still there: said here, so the orphan step says it no
        more."""
        return self.fate is None and self.said is not None

    @property
    def said_unasked(self) -> str | None:
        """What to say when no PDF was asked for: an edited one no longer matching, or one that
        could not be removed; removing vanthu's own, or leaving one no manifest records, not."""
        return self.said if self.fate in (None, OldPdf.EDITED) else None

    def recorded(self, entry: Entry, written: Entry | None) -> Entry:
        """`entry` (the new .docx's) recording the PDF as `written` (the document's last entry)
        did, when that PDF stays recorded (OldPdf.still_recorded); else as it is."""
        if self.fate is not None and self.fate.still_recorded and written is not None:
            return entry.with_pdf_of(written)
        return entry


_NO_PDF = Settled(None, None)  # settle_old_pdf where no PDF is there: nothing done, nothing said


def settle_old_pdf(
    layout: Layout | None, written: Entry | None, docx: Path, docx_sha256: str,
    display: Callable[[Path], str],
) -> Settled:
    """A .docx now holding `docx_sha256` whose PDF was not made (its conversion failed, or
    none was asked for): the PDF an earlier run left beside it is removed when it is vanthu's
    own and out of date (OldPdf.STALE), lest a clerk print or sign it, and kept otherwise. What
    it was (None: no PDF there, or one vanthu's that could not be removed) and what to say of
    it (None: nothing, one still matching the .docx). Read afresh: the failed conversion may
    have touched it. The caller keeps a MATCHING or EDITED one recorded as `written` names it."""
    try:
        if not stat.S_ISREG(os.stat(_pdf_beside(docx)).st_mode):
            return _NO_PDF  # a folder, say: no file there to settle, as old_pdf finds
    except (FileNotFoundError, NotADirectoryError):
        # Most documents: no PDF there. Said by one stat, without old_pdf's hashing function
        # asking Path.is_file (a build of thousands settles each in its serial last step).
        return _NO_PDF
    except (OSError, ValueError):
        pass  # not to be looked at (no permission): old_pdf says what it finds, as before
    pdf = docx.with_suffix(".pdf")
    output_dir = layout.output_dir if layout is not None else None

    def names() -> dict[str, str]:
        # Only for a message: most documents have no PDF to settle, and a build of thousands
        # settles each one in its serial last step (display resolves the path).
        return {"pdf": display(pdf), "docx": display(docx)}

    try:
        fate = old_pdf(output_dir, written, pdf, docx_sha256, present_sha256)
    except UnreadableFile as exc:  # not known to be vanthu's as made: never removed
        said = t("build.old_pdf_unreadable", reason=exc.reason.describe(), **names())
        # One the manifest records stays recorded (the next run with --pdf reads it again,
        # and keeps a copy of it before writing over it when it was edited); else kept unsaid
        # as vanthu's, as one vanthu could not remove.
        recorded = written is not None and written.pdf is not None and layout is not None \
            and _named(layout, pdf) == written.pdf
        return Settled(OldPdf.EDITED if recorded else None, said)
    if fate is None or fate is OldPdf.MATCHING:
        return Settled(fate, None)
    if fate is OldPdf.UNRECORDED:
        return Settled(fate, t("build.old_pdf_unrecorded", **names()))
    if fate is OldPdf.EDITED:
        return Settled(fate, t("build.old_pdf_kept", why=t("build.old_pdf_why_edited"),
                               then=t("build.old_pdf_then_edited"), **names()))
    shown = names()  # while the PDF is there: display resolves it as it is
    try:
        pdf.unlink()
    except FileNotFoundError:
        return Settled(None, None)
    except OSError as exc:
        why = t("build.old_pdf_why_unremovable", reason=os_words(exc))
        return Settled(None, t("build.old_pdf_kept", why=why, then=t("build.old_pdf_then_again"),
                               **shown))
    return Settled(fate, t("build.old_pdf_removed", **shown))


def _pdf_beside(docx: Path) -> str:
    """str(docx.with_suffix(".pdf")), without making the Path for a name ending in ".docx"
    (its suffix then, as pathlib takes it: a dot inside the name, not at its start)."""
    name = docx.name
    if len(name) > len(".docx") and name.endswith(".docx"):
        return str(docx)[: -len(".docx")] + ".pdf"
    return str(docx.with_suffix(".pdf"))


def _named(layout: Layout, path: Path) -> str | None:
    """`path` as manifests name it; None outside the output folder."""
    try:
        return layout.output_name(path)
    except ValueError:
        return None


def drop_unneeded_copy(original: Path, copy: Path) -> bool:
    """Remove `copy`, kept of `original` (edited by hand) before a write over it that did not
    happen (its PDF not made), when `original` still holds the very bytes copied: the copy
    keeps nothing the original does not. Whether it was removed."""
    try:
        if filecmp.cmp(original, copy, shallow=False):
            copy.unlink()
            return True
    except OSError:
        pass
    return False


class Freshness:
    """Hashes each file and template at most once per build, and judges entries with them."""

    def __init__(
        self, layout: Layout, library: TemplateLibrary, hashes: HashCache | None = None
    ) -> None:
        self.layout = layout
        self.library = library
        self.hashes = hashes or HashCache(layout.output_dir / CACHE_NAME)
        self._files: dict[str, str | None] = {}  # by path: strings, for thousands of files
        self._templates: dict[str, str | None] = {}
        self._root = str(layout.root)
        self._output_dir = str(layout.output_dir)
        self._outputs = self._output_dir.rstrip(os.sep) + os.sep

    def file_hash(self, path: Path | str) -> str | None:
        """The file's sha256, None when it is gone. UnreadableFile when it is there but cannot
        be read (no permission; on Windows, held open by another program): asked again, it is
        tried again (the build's each look at it says so, none takes it for gone)."""
        key = str(path)
        if key not in self._files:
            try:
                self._files[key] = self.hashes.sha256(key)
            except OSError as exc:
                raise UnreadableFile(key, exc) from None
        return self._files[key]

    def files_read(self, built: Iterable[tuple[Entry, bytes]]) -> Iterator[tuple[str, str, bytes]]:
        """(path, sha256, stamp) of each file the entries made in this build were made from, as
        the workers hashed them (Staged.read_stamps), once each, for HashCache.save."""
        # The names given so far, as the entries hold them (a file named by a thousand
        # documents, the office's profile, is given once): a set of the entries' own strings
        # makes no object per file (a set of their paths' hashes made one int for each: 0.5 MB
        # at the very end of a 5,000-document build, its peak).
        given: set[str] = set()
        for entry, read_stamps in built:
            files = [name for name in entry.inputs if not name.endswith("/")]  # not a folder's
            if len(read_stamps) != STAMP_SIZE * len(files):  # not this entry's: none kept
                continue
            for index, name in enumerate(files):
                if name in given:
                    continue
                given.add(name)
                stamp = read_stamps[index * STAMP_SIZE : (index + 1) * STAMP_SIZE]
                yield self._file_path(name), entry.inputs[name], stamp

    def template_hash(self, name: str) -> str | None:
        if name not in self._templates:
            try:
                self._templates[name] = template_hash(self.library, name)
            except VanthuError:
                self._templates[name] = None  # missing: the render reports it
        return self._templates[name]

    def source_hash(self, name: str) -> str | None:
        """The current hash of what a manifest names: a file, or a folder's list ("x/")."""
        if not name.endswith("/"):
            try:
                return self.file_hash(self._file_path(name))
            except UnreadableFile:  # changed, as far as the build knows: its load says why
                return None
        return self.layout.listing_hash(self.layout.path_of(name.rstrip("/")))

    def _file_path(self, name: str) -> str:
        """The path of a file a manifest names, as a string (Path parsing is the cost)."""
        return name if os.path.isabs(name) else os.path.join(self._root, name)

    def current(self, entry: Entry, *, pdf: bool) -> Entry | None:
        """The entry as it stands when its output need not be rebuilt, else None."""
        judged = self.judge(entry, pdf=pdf)
        return judged if isinstance(judged, Entry) else None

    def judge(self, entry: Entry, *, pdf: bool) -> Entry | Edited | None:
        """The entry as it stands when its output need not be rebuilt; Edited when it need
        not but was edited by hand since (a rebuild would write over the edit); else None.

        The same files are hashed as to find it current: nothing more is read."""
        if any(self.source_hash(name) != sha for name, sha in entry.inputs.items()):
            return None
        if self.template_hash(entry.template) != entry.template_sha256:
            return None
        output = os.path.join(self._output_dir, entry.output)
        if not self.inside_outputs(output):
            return None
        try:
            output_sha256 = self.file_hash(output)
        except UnreadableFile:  # not known to be current: made again, and then not written
            return None  # over (builder.Finisher fails the document, naming the file)
        if output_sha256 is None:
            return None  # deleted: made again
        edited = [] if output_sha256 == entry.output_sha256 else [entry.output]
        if edited and not pdf:
            return Edited(entry, tuple(edited))  # its PDF, if any, is not this build's concern
        try:
            has_pdf = entry.pdf is not None and self.recorded_pdf_matches(entry)
        except UnreadableFile:
            # A PDF build would convert over it: made again, and failed there, as above. A
            # build without PDFs only compares it: kept as it is, and still recorded.
            return None if pdf else entry
        if pdf and not has_pdf and entry.pdf is not None and entry.pdf_sha256 is not None:
            target = os.path.join(self._output_dir, entry.pdf)
            if self.inside_outputs(target) and self.file_hash(target) is not None:
                edited.append(entry.pdf)  # there with other bytes: a PDF build converts over it
        if edited:
            return Edited(entry, tuple(edited))
        if pdf and not has_pdf:
            return None
        if has_pdf or (entry.pdf is None and entry.pdf_sha256 is None):
            return entry
        return entry if self._pdf_kept_recorded(entry, output_sha256) else entry.without_pdf()

    def _pdf_kept_recorded(self, entry: Entry, output_sha256: str) -> bool:
        """Whether the PDF `entry` records, not as vanthu made it, stays recorded by a build
        without --pdf keeping the entry's .docx (now `output_sha256`): there beside it, edited
        or signed since (old_pdf: made from this very .docx). Dropped from the entry, the next
        build with --pdf would take it for no file of vanthu's and convert over it without the
        .sua-tay copy it keeps of a PDF edited by hand (edited_since). One gone is dropped."""
        pdf = Path(self._output_dir, entry.output).with_suffix(".pdf")  # judge's output's
        try:
            fate = old_pdf(self.layout.output_dir, entry, pdf, output_sha256, self.file_hash)
        except UnreadableFile:  # not known to be anything else: recorded as it was
            return True
        return fate is OldPdf.MATCHING

    def restyled(self, written: Entry, *, upgraded: bool) -> bool:
        """Whether the document `written` records (its last build, by any vanthu) is out of date
        only because vanthu changed: every file it was built from (and every folder's list)
        hashes the same, and its templates hash otherwise or another vanthu wrote it
        (`upgraded`). The same hashes as judge's: nothing more is read. One recording no
        template hash is not a build's output (render --in-thu: a test print): never so."""
        if not written.template_sha256:
            return False
        if any(self.source_hash(name) != sha for name, sha in written.inputs.items()):
            return False
        return upgraded or self.template_hash(written.template) != written.template_sha256

    def recorded_pdf_matches(self, entry: Entry) -> bool:
        if entry.pdf is None:
            return False
        target = os.path.join(self._output_dir, entry.pdf)
        return self.inside_outputs(target) and self.file_hash(target) == entry.pdf_sha256

    def inside_outputs(self, path: Path | str) -> bool:
        """A manifest never makes the build read or touch a file outside its output folder."""
        text = str(path)
        if text.startswith(self._outputs) and "/.." not in text and "\\.." not in text:
            return True  # named below the output folder, no way up: no resolve needed
        return resolved_path(Path(text)).is_relative_to(resolved_path(self.layout.output_dir))
