"""What a build did: one result per document, and the problems that stopped it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Status(StrEnum):
    """What happened to one document in a build."""

    BUILT = "built"
    # Not written: current, or made again into the very bytes its file already holds
    UNCHANGED = "unchanged"
    FAILED = "failed"
    # An output a previous build wrote (its manifest says so) that no input produces any more:
    REMOVED = "removed"  # removed, being still exactly what that build wrote
    # ... kept, being edited since (or not removable); or the output of an unchanged input,
    # edited by hand since vanthu wrote it, left as it is (not written over): `error` says why
    KEPT = "kept"


@dataclass(slots=True)
class DocumentResult:
    """One document of a build: its input, status, output and the time it took."""

    input: Path
    name: str  # the input's path relative to the project root, as the manifest names it
    status: Status
    output: Path | None = None
    pdf: Path | None = None
    seconds: float = 0.0
    error: str | None = None


@dataclass
class BuildResult:
    """Every document's result; `stopped` when the build wrote nothing: invalid inputs (listed
    in `invalid`; among them a document whose issued number the register holds with another
    signer, builder.refuse_changed_signers), or an output folder that cannot take the outputs
    bound for it (`invalid` empty, the documents failed with the folder's error:
    builder.stop_unwritten)."""

    documents: list[DocumentResult] = field(default_factory=list)
    invalid: list[tuple[Path, str]] = field(default_factory=list)
    stopped: bool = False
    manifests: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    # Warnings about what was done: a number given out of date order, an output edited by
    # hand that a rebuild (its data changed) wrote over.
    warnings: list[str] = field(default_factory=list)
    # What went wrong once the documents were done (a manifest that could not be saved):
    # said after the table, which still says what was written.
    errors: list[str] = field(default_factory=list)

    @property
    def kept(self) -> list[DocumentResult]:
        """The outputs left in place with a warning: edited by hand since vanthu wrote them
        (of an unchanged input, or of one that no longer produces them), or not removable."""
        return [d for d in self.documents if d.status is Status.KEPT]

    @property
    def failed(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.status is Status.FAILED]

    @property
    def ok(self) -> bool:
        """True when every input was valid and every document was built or up to date (an
        output left in place with a warning is not a failure)."""
        return not self.invalid and not self.failed and not self.stopped and not self.errors

    def count(self, status: Status) -> int:
        """How many documents ended with `status`."""
        return sum(1 for d in self.documents if d.status is status)
