"""What a build did: one result per document, and the problems that stopped it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import StrEnum
from os import PathLike
from pathlib import Path
from typing import overload


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


class _PathAsText:
    """An attribute given as a Path (or None) and held as its text, in the slot named like it
    with a leading underscore."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._slot = f"_{name}"

    @overload
    def __get__(self, instance: None, owner: type) -> _PathAsText: ...
    @overload
    def __get__(self, instance: object, owner: type) -> Path | None: ...
    def __get__(self, instance: object, owner: type) -> _PathAsText | Path | None:
        if instance is None:
            return self
        text = getattr(instance, self._slot)
        return Path(text) if text is not None else None

    def __set__(self, instance: object, path: PathLike[str] | str | None) -> None:
        setattr(instance, self._slot, os.fspath(path) if path is not None else None)


@dataclass(slots=True, init=False)
class DocumentResult:
    """One document of a build: its input, status, output and the time it took.

    Its output and PDF are held as text and given as Paths (`output`, `pdf`): a build holds
    one result per document until it ends, and a Path costs four times its text (at 5,000
    documents, 1.7 MB of the build's peak RSS; the text is the one the build's hash look-ups
    keep of the output anyway)."""

    input: Path
    name: str  # the input's path relative to the project root, as the manifest names it
    status: Status
    _output: str | None
    _pdf: str | None
    seconds: float
    error: str | None
    output = _PathAsText()
    pdf = _PathAsText()

    def __init__(
        self,
        input: Path,  # noqa: A002 - the field's name
        name: str,
        status: Status,
        output: PathLike[str] | str | None = None,
        pdf: PathLike[str] | str | None = None,
        seconds: float = 0.0,
        error: str | None = None,
    ) -> None:
        self.input = input
        self.name = name
        self.status = status
        self.output = output
        self.pdf = pdf
        self.seconds = seconds
        self.error = error


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
