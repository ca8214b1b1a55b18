"""What the build and its workers hand each other: a job, and what a worker made of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.batch.manifest import Entry
from pipeline.pickled import by_arguments
from pipeline.register.model import Details
from pipeline.register.store import TypedRequest


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@by_arguments  # pickled to and from a build's workers (pipeline.pickled)
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class StageJob:
    """One input to load, render and stage; `number`: the register's number for a document
    whose data says `so: tu_dong`, or for one printing such a document's number (a Giấy khen
    batch: its decision's); without it such a document is only loaded and described. `read`:
    with a number, the digest of the files the first stage described it from (Staged.read):
    a document saved since is not staged (runner._stage)."""

    path: Path
    number: int | None = None
    read: bytes | None = None


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@by_arguments  # pickled to and from a build's workers (pipeline.pickled)
@dataclass(frozen=True, slots=True, eq=False, repr=False)
class Staged:
    """What a worker made of one input: the manifest entry of its output and the staged .docx;
    or `invalid` (the input cannot be loaded) or `failed` (it could not be rendered or written);
    or, for a document that waits for its number, `numbering`: what its register row says, or
    `lender`: whose number it prints."""

    path: Path
    name: str
    entry: Entry | None = None
    # The staged file's path as text: a build holds one per document until the end, and a
    # string is a fifth of a Path's memory (and of its pickle, from a worker).
    staged: str | None = None
    invalid: str | None = None
    failed: str | None = None
    # `failed` because the output could not be written (a read-only or full output folder),
    # or because its files were saved again between the stage that described it to the register
    # and the one printing its number: a number the register gave it stays pending for it, for
    # the next build to reuse.
    unwritten: bool = False
    # `failed` because its files were saved again since the first stage described it to the
    # register (runner._stage): its output and manifest entry stay as they were.
    saved_meanwhile: bool = False
    seconds: float = 0.0
    numbering: Numbering | None = None
    lender: Lender | None = None
    # Of a document waiting (numbering, lender): the digest of the files it was loaded from
    # (source_hashes.read_digest), which its second stage must find again.
    read: bytes | None = None
    # The stamp of each file of entry.inputs, in its order, as its hash was taken (packed by
    # pipeline.batch.hash_cache.read_stamp): the build remembers the hash while the file keeps it.
    read_stamps: bytes = b""
    # A Giấy khen batch waiting for its decision's number: its office, year and first and
    # last sổ vàng numbers (so_vao_so), which its entry records once it is staged.
    book: tuple[str, str, int, int] | None = None
    # A document whose data types its own number (so: 40): the register's columns of it
    # (`typed` makes the request of them with its entry's office and number, and its name: a
    # build holds one per document until it ends, and the request's object was 0.4 MB at
    # 5,000 documents).
    typed_details: Details | None = None
    # What loading the document warned of, worded as render words it (a Giấy khen batch's số
    # vào sổ given to another name, or freed); empty for every other document.
    warnings: tuple[str, ...] = ()
    # The warnings of the agency profile the document names (a line too wide for its column),
    # worded as render words them: the build says them once per office.
    office_warnings: tuple[str, ...] = ()

    def refused(self, why: str) -> Staged:
        """This input made invalid (`why`), its staged file dropped: nothing of it is written."""
        if self.staged is not None:
            Path(self.staged).unlink(missing_ok=True)
        return Staged(self.path, self.name, invalid=why)

    @property
    def typed(self) -> TypedRequest | None:
        """What the register records of a document whose data types its own number (so: 40),
        as runner._stage found it (register.documents.typed_request); None for any other."""
        entry = self.entry
        if self.typed_details is None or entry is None or entry.so is None:
            return None
        return TypedRequest(entry.co_quan, entry.so, self.typed_details, self.name)

    @property
    def asked_of_register(self) -> tuple[str, Details, int | None] | None:
        """What this valid document asks of the register: its office, its row's columns and
        the number its data types (None: so: tu_dong, a number to give); None when it is
        invalid or asks nothing. The before-any-number checks that concern both kinds read it
        here, alike."""
        if self.invalid is not None:
            return None
        if self.numbering is not None:
            return self.numbering.agency, self.numbering.details, None
        typed = self.typed
        if typed is not None:
            return typed.agency, typed.details, typed.number
        return None

    @property
    def book_claim(self) -> tuple[str, str, int, int] | None:
        entry = self.entry
        if entry is None or entry.so_vao_so is None:
            return self.book
        return entry.co_quan, entry.ngay[:4], *entry.so_vao_so

    @property
    def output(self) -> str | None:
        waiting = self.numbering or self.lender
        if waiting is not None:
            return waiting.output
        return self.entry.output if self.entry else None


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Numbering:
    """A document that takes its number from the register: its office, row and output."""

    agency: str
    details: Details
    output: str


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Lender:
    """The data file whose register number a document prints (`source`, named as the register
    names it), its office, the document's output, and the message refusing the document when
    the register holds no number for that file and the build gives it none."""

    agency: str
    source: str
    output: str
    refusal: str
