"""Documents out of date only because vanthu changed: built again, and compared with what it wrote.

A new vanthu (or new built-in templates: a shared block changed for other documents) leaves
every document's data as it was, but its manifest entry no longer vouches for it: another
version wrote it, or its templates hash otherwise (Freshness.restyled). Such a document is
rendered again, and what it makes is compared with what the manifest records vanthu writing
(the sha256 of the bytes just made, already known, against the recorded one: nothing is read
again). The same bytes: the output needs no change, so the build leaves the file as it is, an
output edited by hand since included (no copy, nothing written over: as_written), and records
the new template hash. Other bytes: the document is built as any other (a hand edit keeps its
.sua-tay copy), and the build says once which documents vanthu's change rebuilt
(rebuilt_warning), so that the clerk knows why a document whose data were not touched changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress
from pathlib import Path

from pipeline import __version__
from pipeline.batch.discover import Layout
from pipeline.batch.freshness import Edited, Freshness
from pipeline.batch.manifest import Entry
from pipeline.batch.result import DocumentResult, Status
from pipeline.batch.staged import Staged
from pipeline.i18n import t
from pipeline.text.listing import first_named

# How many documents the warning names before "…".
_LISTED = 10


def as_written(
    layout: Layout, freshness: Freshness, item: Staged, written: Entry, *, pdf: bool
) -> tuple[DocumentResult, Entry] | None:
    """The result and manifest entry of `item`, a restyled document rendered again, when it
    came out as `written` (its manifest entry, any vanthu's) records vanthu writing it: judged
    then as an unchanged document is (Freshness.judge), with the new template hash: unchanged,
    or kept as edited by hand (never written over, no copy made); its staged file dropped.
    None when it is to be written as any rebuilt document: made otherwise, its output deleted,
    or (`pdf`) its PDF to be made."""
    entry = item.entry
    if entry is None or entry.output != written.output:
        return None
    if entry.output_sha256 != written.output_sha256:
        return None
    recorded = entry.with_pdf_of(written)
    judged = freshness.judge(recorded, pdf=pdf)
    if judged is None:
        return None
    if item.staged is not None:
        with suppress(OSError):  # a staged file left behind is removed by the next build
            Path(item.staged).unlink(missing_ok=True)
    kept = judged.entry if isinstance(judged, Edited) else judged
    output = layout.output_dir / kept.output
    pdf_path = layout.output_dir / kept.pdf if kept.pdf is not None else None
    result = DocumentResult(item.path, item.name, Status.UNCHANGED, output, pdf_path,
                            seconds=item.seconds)  # fmt: skip
    if isinstance(judged, Edited):
        result.status, result.error = Status.KEPT, judged.said(layout, item.name)
    return result, kept


def rebuilt_warning(
    documents: Iterable[DocumentResult], written_by: Mapping[Path, str], rewritten: set[Path]
) -> str | None:
    """The warning, said once, naming the documents built again only because vanthu changed
    (`written_by`: each restyled document's input, with the vanthu version that wrote it) whose
    output was written anew (`rewritten`) and is in place: how many, which, and why (vanthu
    upgraded from another version, or its templates changed). None when there is none."""
    rebuilt = [d for d in documents if d.status is Status.BUILT and d.input in rewritten]
    if not rebuilt:
        return None
    shown = first_named([d.name for d in rebuilt], _LISTED)
    one = ".one" if len(rebuilt) == 1 else ""
    before = sorted({written_by[d.input] for d in rebuilt} - {__version__})
    if before:
        return t(f"build.rebuilt_upgraded{one}", count=len(rebuilt), documents=shown,
                 before=", ".join(before), now=__version__)
    return t(f"build.rebuilt_restyled{one}", count=len(rebuilt), documents=shown)
