"""What loading hands over: a document's kind, the loaded document, and what attachers may ask.

pipeline.kinds registers the kinds; pipeline.load.documents loads documents of any kind; each
kind's attacher (pipeline.load.lists, pipeline.load.report) reads the files a document refers to
through a Resolver. Kept in one module that imports none of them, so none imports another back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pipeline.context.common import DocumentInfo
from pipeline.errors import InputError, VanthuError
from pipeline.load.attachments import CertificateAttachments
from pipeline.load.yaml_source import Path_, Source
from pipeline.model.agency import Agency
from pipeline.model.document import DocumentData
from pipeline.render.styles import StyleSheet

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry
    from pipeline.load.locations import Locations

ContextBuilder = Callable[[DocumentInfo[Any], StyleSheet], dict[str, Any]]


@dataclass(frozen=True)
class NumberFrom:
    """The data file whose register number a document prints, never allocating one itself (a
    Giấy khen batch: its award decision's, when the decision says so: tu_dong), and where the
    document names that file, for the message when the register holds no number for it yet."""

    path: Path
    agency: str  # the office whose register numbers `path`
    file: Path
    line: int | None
    field: str

    def not_numbered(self, name: str) -> InputError:
        """The document cannot print yet: `name` (as the register names it) has no number."""
        return InputError(
            "register.lender_not_numbered", file=self.file, line=self.line, field=self.field,
            name=name,
        )  # fmt: skip


@dataclass(frozen=True)
class Attached:
    """An attacher's result: the kind's attachments, every file they were read from, the
    folders whose list of documents they depend on (a report counts every decision of a year),
    the document whose register number it prints (NumberFrom), and what it found valid but
    worth a word (an award list's same name in two units, a report's figure with nothing to
    print): the document's warnings with those loading finds (pipeline.load.documents)."""

    attachments: object
    files: tuple[Path, ...] = ()
    folders: tuple[Path, ...] = ()
    number_from: NumberFrom | None = None
    warnings: tuple[InputError, ...] = ()


class Resolver(Protocol):
    """What an attacher may ask while a document loads."""

    def referenced_file(self, source: Source, name: str, loc: Path_) -> Path:
        """A file `source` names at `loc`, beside it in the workspace; located error otherwise."""
        ...

    def agency(self, ref: str, document: Source) -> tuple[Agency, Path]:
        """The agency profile `ref` a document names, and its file (parsed once)."""
        ...

    def parse(self, path: Path) -> Source:
        """A data file parsed (once while it is unchanged)."""
        ...

    def load(self, path: Path) -> LoadedDocument:
        """Another document (a plan a decision issues, a decision a report counts)."""
        ...

    def load_inline(self, source: Source) -> LoadedDocument:
        """A document written inside another one's file (a Tờ trình's draft decision)."""
        ...

    def all_documents(self) -> tuple[Path, list[Path]]:
        """The data folder and every document file in it, of every year."""
        ...

    def recorded_entry(self, data_file: Path, year: int) -> Entry | None:
        """What the last build or render recorded of `data_file` (a batch's số vào sổ)."""
        ...

    def workspace(self) -> Locations:
        """Where the documents load from: a pipeline.workspace.Workspace for render, check and
        build (typed as the Locations it is: the workspace imports the loader), whose register
        keeps the sổ vàng a Giấy khen batch is numbered in (load.certificates.book_register)."""
        ...


class Attacher(Protocol):
    def __call__(self, data: Any, source: Source, resolver: Resolver, /) -> Attached: ...


class Inheritor(Protocol):
    """Field values a document takes from the one it refers to (a Giấy khen batch: its award
    decision's number, date, office and signer), read before the document is validated."""

    def __call__(self, source: Source, resolver: Resolver, /) -> dict[str, Any]: ...


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: `loai` code in data, its model, template and context builder.

    `attachments` is the type its attacher returns and its context builder reads (a kind
    without an attacher gets an empty one).
    """

    code: str
    model: type[DocumentData]
    template: str
    build_context: ContextBuilder
    attachments: type
    attach: Attacher | None = None
    starter: str | None = None  # name of the commented starter YAML (vanthu new)
    more_starters: tuple[str, ...] = ()  # other starters of the kind: quyet-dinh-chung ...
    inherit: Inheritor | None = None

    @property
    def starters(self) -> tuple[str, ...]:
        """Every starter of the kind, the main one first."""
        return (self.starter, *self.more_starters) if self.starter else self.more_starters


@dataclass(frozen=True)
class LoadedDocument:
    """A valid document ready to render, every file its output depends on, the folders whose
    list of documents it depends on, the document whose register number it prints, and what
    loading found valid but worth a word (warnings: a head's decision signed TM.)."""

    path: Path
    kind: DocumentKind
    info: DocumentInfo[Any]
    files: tuple[Path, ...] = field(default=())
    folders: tuple[Path, ...] = field(default=())
    number_from: NumberFrom | None = None
    warnings: tuple[VanthuError, ...] = field(default=())

    @property
    def template(self) -> str:
        """The template it renders with: the one its data names (a phôi), else its kind's."""
        return self.info.data.template or self.kind.template


def document_warnings(document: LoadedDocument) -> tuple[str, ...]:
    """The warnings of one document that render and build print: what loading found valid but
    worth a word (LoadedDocument.warnings: a head's decision signed TM.), and a batch's số vào
    sổ given to another name since the last build (a corrected name), or no longer printed (a
    row gone from the list): the sổ vàng and phôi printed before differ."""
    found = tuple(warning.message() for warning in document.warnings)
    attached = document.info.attachments
    if not isinstance(attached, CertificateAttachments):
        return found
    return (*found, *(change.message() for change in attached.changes))
