"""What a PDF already beside a .docx is, when this run made no PDF of that .docx (its
conversion failed, or none was asked for): by the manifest entry of the document's last output,
vanthu's own still matching, vanthu's own out of date, edited or signed since, or not known to be
vanthu's. Below the manifest (manifest.with_previous_pdf asks it) and the freshness rules
(freshness.settle_old_pdf acts on it): it reads no module of theirs."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Protocol


class Recorded(Protocol):
    """What old_pdf reads of a manifest entry (manifest.Entry): the output's hash, and the PDF
    it records beside it, with that PDF's hash."""

    @property
    def output_sha256(self) -> str: ...

    @property
    def pdf(self) -> str | None: ...

    @property
    def pdf_sha256(self) -> str | None: ...


class OldPdf(Enum):
    """A PDF already beside a .docx whose own PDF this run did not make (its conversion
    failed, or none was asked for): what it is, for build and render to decide whether it may
    stay, and stay recorded (old_pdf)."""

    MATCHING = "matching"  # recorded, made from these very .docx bytes: still right
    STALE = "stale"  # vanthu's own as recorded, made from another .docx: to be removed
    EDITED = "edited"  # recorded, other bytes now (edited, signed), its .docx another: kept
    UNRECORDED = "unrecorded"  # no manifest records it: not known to be vanthu's, kept

    @property
    def still_recorded(self) -> bool:
        """Whether it stays recorded as the document's last entry recorded it: still made from
        the .docx there, or edited (signed) since, so that the next run with --pdf keeps it as
        edited by hand, or copies it aside before writing over it."""
        return self in (OldPdf.MATCHING, OldPdf.EDITED)


def old_pdf(
    output_dir: Path | None, written: Recorded | None, pdf: Path, docx_sha256: str,
    file_hash: Callable[[Path], str | None],
) -> OldPdf | None:
    """What the PDF `pdf` beside a .docx now holding `docx_sha256` is, by the manifest entry
    `written` (the document's last output recorded before this run, in the output folder
    `output_dir`: a Layout's, where manifests name files from); None when no file is there.
    Only a file the entry names, with the hash it records, is vanthu's to remove: an edited
    or signed PDF is never deleted."""
    there = file_hash(pdf)
    if there is None:
        return None
    if output_dir is None or written is None or written.pdf_sha256 is None:
        return OldPdf.UNRECORDED
    try:
        named = pdf.relative_to(output_dir).as_posix()  # as Layout.output_name names it
    except ValueError:  # outside the output folder (render -o): no manifest's
        return OldPdf.UNRECORDED
    if written.pdf != named:
        return OldPdf.UNRECORDED
    if written.output_sha256 == docx_sha256:  # made from this content (an edit kept on it)
        return OldPdf.MATCHING
    return OldPdf.STALE if there == written.pdf_sha256 else OldPdf.EDITED
