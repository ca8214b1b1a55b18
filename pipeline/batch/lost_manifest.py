"""Outputs no manifest vouches for: a year's manifest.json damaged, or gone while its folder
holds outputs.

The build keeps a clerk's hand edits by comparing each output it would write over with the
hash its manifest recorded (freshness.edited_since). With the manifest unreadable (garbage, cut
short, emptied) or deleted, nothing is recorded and every output of its year is built again:
written over as they were, the edits were lost without a word. So each .docx already there is
compared with the one just built instead: identical (vanthu's output, unchanged: a build is
byte for byte the same), it is left as it is (builder.Finisher: an output already holding
the bytes just made is never written again); different (edited by hand, or made from older
data: the build cannot tell which), a copy is kept beside it first, as for an output edited
by hand (render.output.keep_edited_copy). A PDF cannot be compared (each conversion differs),
so a PDF already there that a build with --pdf would write over is always kept so. The build
then says once, per manifest, that it was damaged, could not be read (no permission, held
open: why is said, ReadReason), or was missing, and what was kept. A PDF not
written over after all (its conversion failed) needs no copy: one still holding its bytes is
dropped, and said left as it was (LostManifests.not_written), as for a PDF edited by hand
(freshness.drop_unneeded_copy).

`vanthu render` writing into such a folder does the same, file by file, before it writes each
output (LostManifests.keep_copies), and says it in its own words (it leaves the manifest to the
next build: manifest.record_entries).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.batch.discover import Layout
from pipeline.batch.freshness import drop_unneeded_copy
from pipeline.batch.manifest import output_entries, present_sha256
from pipeline.batch.recorded import Recorded
from pipeline.i18n import t
from pipeline.render.output import ReadReason, keep_edited_copy
from pipeline.text.listing import first_named

# How many copies the warning names before "…".
_LISTED = 10

# The messages of who writes over the outputs: (damaged, missing, copies kept, none needed,
# none needed with PDFs left as they were, not readable).
_SAID_BY = {
    "build": ("build.manifest_damaged", "build.manifest_missing", "build.manifest_lost.copied",
              "build.manifest_lost.same", "build.manifest_lost.spared",
              "build.manifest_unreadable"),
    "render": ("render.manifest_damaged", "render.manifest_missing",
               "render.manifest_lost.copied", "render.manifest_lost.same",
               "render.manifest_lost.spared", "render.manifest_unreadable"),
}


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(eq=False, repr=False)
class _Lost:
    """A manifest found damaged or missing, and the copies kept in its folder."""

    manifest: Path
    damaged: bool  # there but unreadable; else missing
    copies: list[Path] = field(default_factory=list)
    # Why it could not be read at all (no permission, held open), when it is not damaged but
    # refused: said instead of "damaged" (the clerk has nothing to repair, only to close it).
    unreadable: ReadReason | None = None
    # The files copied, then not written over after all (a PDF not made): their copies dropped.
    spared: list[Path] = field(default_factory=list)


class LostManifests:
    """What a build learns, output by output, of the manifests that cannot vouch for them."""

    def __init__(self, layout: Layout, recorded: Recorded) -> None:
        self.layout = layout
        self.recorded = recorded
        self.found: dict[str, _Lost] = {}
        self._held: dict[str, bool] = {}  # by year: its folder held outputs before this build
        self._copied: dict[Path, Path] = {}  # each file kept, and where its copy is

    def _held_outputs(self, year: str, folder: Path) -> bool:
        """Whether `folder`, a year's without a manifest, held any output when this build came
        to it (asked before the first of its outputs is put in place; the files it staged there
        are hidden): one listing per year, not a look-up per document of a new year.
        UnlistedFolder when it cannot be listed: never taken for empty, which would let its
        outputs be written over, edits and all, with no copy kept."""
        if year not in self._held:
            self._held[year] = any(not e.name.startswith(".") for e in output_entries(folder))
        return self._held[year]

    def unvouched(
        self, output_name: str, sha256: str, *, with_pdf: bool,
        file_hash: Callable[[Path], str | None],
    ) -> list[Path] | None:
        """The files writing output `output_name` (as manifests name it; its new content hashes
        to `sha256`), and with `with_pdf` its PDF, would write over without knowing them for
        vanthu's own: those to keep a copy of first. None when the output's manifest is as it
        should be: what it records (or does not) is the rule then. `file_hash`: a file's hash as
        it is now, None when it is not there. UnlistedFolder (an UnreadableFile: the build fails
        the document, render writes nothing) when the output's folder, its manifest missing,
        cannot be listed."""
        year = output_name.split("/", 1)[0]  # as write_manifests files an entry
        manifest = self.recorded.manifests.get(year)
        if manifest is not None and not manifest.damaged:
            return None
        if manifest is None and self._held.get(year) is False:
            return None  # as below, known without a Path (once per document of a new year)
        output = self.layout.output_dir / output_name
        if manifest is None and not self._held_outputs(year, output.parent):
            return None  # a year's first build: nothing there to vouch for
        there = file_hash(output)
        kept = [output] if there not in (None, sha256) else []
        pdf = output.with_suffix(".pdf")
        if with_pdf and file_hash(pdf) is not None:
            kept.append(pdf)
        if manifest is None and there is None and not kept:
            return None  # a year's first output: nothing there to vouch for
        if year not in self.found:
            refused = manifest.refused if manifest is not None else None
            self.found[year] = _Lost(self.layout.manifest_for(year), manifest is not None,
                                     unreadable=refused)  # fmt: skip
        return kept

    def keep_copies(self, output: Path, sha256: str, *, with_pdf: bool) -> None:
        """Before `vanthu render` writes `output` (its new content hashing to `sha256`; with
        `with_pdf`, its PDF after it): a copy of each file there that no manifest vouches for
        and that it would write over (unvouched), kept beside it as the build keeps it and
        recorded for `warnings`. An output outside the output folder is no manifest's. A
        RenderError when a copy cannot be made: the caller writes nothing then."""
        try:
            name = self.layout.output_name(output)
        except ValueError:
            return
        for path in self.unvouched(name, sha256, with_pdf=with_pdf, file_hash=present_sha256) or ():
            self.kept(name, {path: keep_edited_copy(path)})

    def kept(self, output_name: str, copies: Mapping[Path, Path]) -> None:
        """The copies kept of what writing `output_name` wrote over (unvouched's files), by
        the file each copies."""
        lost = self.found.get(output_name.split("/", 1)[0])
        if lost is not None:
            lost.copies.extend(copies.values())
            self._copied.update(copies)

    def not_written(self, path: Path) -> None:
        """`path`, copied aside (kept) before a write over it that did not happen (its PDF not
        made): the copy is removed while `path` still holds the very bytes copied, and no
        longer said kept before being written over; the warning says the file was left as it
        was instead. A copy that differs (the file touched since) stays, and is said."""
        copy = self._copied.get(path)
        if copy is None or not drop_unneeded_copy(path, copy):
            return
        del self._copied[path]
        for lost in self.found.values():
            if copy in lost.copies:
                lost.copies.remove(copy)
                lost.spared.append(path)

    def warnings(self, said_by: str = "build") -> list[str]:
        """One warning per manifest found damaged or missing: what was done, what was kept, in
        the words of the command that did it (`said_by`: build or render)."""
        damaged_key, missing_key, copied_key, same_key, spared_key, unreadable_key = \
            _SAID_BY[said_by]
        said = []
        display = self.layout.workspace.display
        for lost in self.found.values():
            if lost.copies:
                shown = first_named([display(copy) for copy in lost.copies], _LISTED)
                outcome = t(copied_key, count=len(lost.copies), copies=shown)
            elif lost.spared:  # no copy left: every PDF there was left as it was
                spared = first_named([display(path) for path in lost.spared], _LISTED)
                outcome = t(spared_key, pdfs=spared)
            else:
                outcome = t(same_key)
            key = damaged_key if lost.damaged else missing_key
            if lost.unreadable is not None:  # refused, not damaged: why is said instead
                key = unreadable_key
            said.append(t(key, manifest=display(lost.manifest), reason=lost.unreadable,
                          folder=display(lost.manifest.parent), outcome=outcome))
        return said


