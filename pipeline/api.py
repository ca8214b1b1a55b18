"""The library API behind the CLI: load, check and render documents of a workspace.

from pipeline.api import Renderer, render_documents
from pipeline.workspace import Workspace

workspace = Workspace.containing(Path("inputs/2022/ke-hoach-tdkt.yaml"))
document = workspace.load(Path("inputs/2022/ke-hoach-tdkt.yaml"))
data = Renderer(workspace).render(document)            # .docx bytes
render_documents([Path("inputs/2022/ke-hoach-tdkt.yaml")])   # → outputs/2022/....docx

A program's form (a web portal): the fields its type asks for, and its number from the office's
register (so: tu_dong), as `vanthu build` numbers a data file, under the program's own id:

form_fields("ke_hoach")                                 # [FormField(name="loai", ...), ...]
numbered = number_form(workspace, workspace.load_mapping(form), "phieu-1234")
data = Renderer(workspace).render(numbered.document)    # prints numbered.number: 01/KH-...
void_form(workspace, "phieu-1234", "sai nội dung")      # hủy số: kept in the sổ with why
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.claims import second_claims
from pipeline.errors import InputError, RenderError, TemplateError, UsageError, VanthuError
from pipeline.i18n import t
from pipeline.load.certificates import (
    book_claim,
    book_overlap_error,
    record_rendered,
    refuse_unnumbered_decision,
)
from pipeline.load.contract import LoadedDocument, document_warnings
from pipeline.load.lists import documents_asked
from pipeline.model.guards import is_certificate
from pipeline.paths import shown
from pipeline.register import Register, Registers
from pipeline.register.documents import (
    changed_signer,
    check_against_register,
    lender_signer_change,
    lent_number,
    numbered,
    refuse_renumbering,
    refuse_taken_number,
    replaced_number_warning,
    signer_change_error,
    signer_corrected,
    taken_number_error,
    typed_request,
    typed_warnings,
    unnumbered_copies,
    workspace_register,
)
from pipeline.register.location import register_exists
from pipeline.register.store import TypedRequest
from pipeline.render.compose import TemplateLibrary
from pipeline.render.engine import Engine
from pipeline.render.form import TEST_PRINT
from pipeline.render.kept_styles import kept_styles
from pipeline.render.output import (
    folder_error,
    is_folder,
    keep_edited_copy,
    write_atomic,
    write_error,
)
from pipeline.render.structure import whole_list_warning
from pipeline.render.styles import StyleSheet
from pipeline.render_record import RenderRecord
from pipeline.template_tools.verdict import template_warnings
from pipeline.text.listing import SHARED_NAMED, first_named, said_once
from pipeline.workspace import Workspace
from pipeline.workspace.core import as_path
from pipeline.workspace.lock import workspace_lock
from pipeline.workspace.profiles import agency_warnings, workspace_styles

if TYPE_CHECKING:
    from pipeline.batch.discover import Layout
    from pipeline.batch.freshness import Settled
    from pipeline.batch.lost_manifest import LostManifests
    from pipeline.batch.manifest import Entry as ManifestEntry
    from pipeline.batch.pdf import PdfConverter
    from pipeline.batch.recorded import Recorded
    from pipeline.form_fields import FormField as FormField
    from pipeline.form_fields import form_fields as form_fields
    from pipeline.register.forms import NumberedForm as NumberedForm
    from pipeline.register.forms import number_form as number_form
    from pipeline.register.forms import void_form as void_form

DOCX, PDF = ".docx", ".pdf"

# A program's form (form_fields, number_form, void_form: the module's docstring) is the only
# use of pipeline.form_fields and pipeline.register.forms here: their names are imported when
# first asked for (PEP 562's module __getattr__), not by every build, which imports this module
# for its Renderer and never numbers a form (9 M instructions of its start).
_FORM_NAMES = {
    "FormField": "pipeline.form_fields",
    "form_fields": "pipeline.form_fields",
    "NumberedForm": "pipeline.register.forms",
    "number_form": "pipeline.register.forms",
    "void_form": "pipeline.register.forms",
}


def __getattr__(name: str) -> Any:
    """A program form's name (_FORM_NAMES), imported now and kept as this module's own."""
    module = _FORM_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def load_document(path: str | os.PathLike[str]) -> LoadedDocument:
    """The document in data file `path` (a str or os.PathLike), loaded in the workspace that
    holds it."""
    path = as_path(path, "path")
    return Workspace.containing(path).load(path)


class Renderer:
    """Renders loaded documents; templates are prepared once and reused."""

    def __init__(
        self,
        templates: Workspace | TemplateLibrary | str | os.PathLike[str] | None = None,
        *,
        test_print: bool = False,
    ) -> None:
        """`templates`: a workspace (its templates/ over the built-in ones), a TemplateLibrary,
        a templates folder (a str or os.PathLike), or None for the built-in templates only."""
        library: TemplateLibrary | Path | None
        if isinstance(templates, Workspace):
            library = templates.templates
        elif isinstance(templates, TemplateLibrary) or templates is None:
            library = templates
        else:
            library = as_path(templates, "templates")
        self.engine = Engine(library)
        self._styles: StyleSheet | None = None
        self.test_print = test_print  # print on a phôi's test pages: draw its border

    @property
    def styles(self) -> StyleSheet:
        if self._styles is None:
            self._styles = kept_styles(self.engine.library.frame.parts["word/styles.xml"])
        return self._styles

    def context(self, document: LoadedDocument) -> dict[str, Any]:
        # A phôi brings its own styles and the places of its fields (names are fitted to them).
        form = self.engine.library.is_form(document.template)
        styles = self.engine.form_sheet(document.template) if form else self.styles
        context = document.kind.build_context(document.info, styles)
        if form and self.test_print:
            context[TEST_PRINT] = True
        return context

    def render(self, document: LoadedDocument) -> bytes:
        """The .docx bytes of one loaded document (Workspace.load, Workspace.load_mapping)."""
        return self.render_noted(document)[0]

    def render_noted(self, document: LoadedDocument) -> tuple[bytes, tuple[str, ...]]:
        """render's bytes and what the office's templates cost this document, said once per
        document (structure.whole_list_warning: a long Nơi nhận an old copy of khoi/ky-ten
        prints whole in the signature's row)."""
        if not isinstance(document, LoadedDocument):  # a form's dict, a path: not loaded yet
            raise TypeError(
                f"Renderer.render takes a loaded document, not {type(document).__name__}: load "
                "a form's data first with workspace.load_mapping(data), a data file with "
                "workspace.load(path)"
            )
        if not self.test_print:  # a batch for the phôi citing a decision without a number
            refuse_unnumbered_decision(document)
        try:
            context = self.context(document)
            prepared = self.engine.prepare(document.template)
        except TemplateError as exc:
            raise missing_template(exc, document, self.engine.library) from None
        data = prepared.render(context)
        if prepared.continued:  # each document of the built-in block: nothing to say
            return data, ()
        library, name, source = self.engine.library, prepared.name, prepared.source
        warning = whole_list_warning(library, name, source, context)
        return data, () if warning is None else (warning,)

    def render_file(
        self, input_path: str | os.PathLike[str], output: str | os.PathLike[str] | None = None
    ) -> Path:
        """Load `input_path`, render it and write the .docx atomically (each a str or
        os.PathLike); returns the output path."""
        input_path = as_path(input_path, "input_path")
        output = as_path(output, "output") if output is not None else None
        workspace = Workspace.containing(input_path)
        document = workspace.load(input_path)
        target = output or workspace.output_for(input_path, document.info.data.ngay.year)
        if target.resolve() == input_path.resolve():
            raise RenderError("render.output_is_input")
        write_atomic(target, self.render(document))
        return target


@dataclass(frozen=True)
class Rendered:
    """One document written: its data file, its .docx, (with --pdf) its PDF, and the Số, ký hiệu
    the register gave it (so: tu_dong)."""

    input: Path
    docx: Path
    pdf: Path | None = None
    number: str | None = None
    # The register's warnings about its number (dated before the number given before it, a
    # typed number skipping numbers), as the build gives them; and its agency profile's (a line
    # too wide for its column), the first time the call meets the profile.
    warnings: tuple[str, ...] = ()


def output_targets(
    documents: Sequence[tuple[Workspace, LoadedDocument]], output: Path | None, pdf: bool
) -> list[Path]:
    """The .docx each document goes to (one rule for render and build); UsageError when `output`
    cannot hold them and RenderError when two documents would write the same file."""
    suffix = output.suffix.lower() if output is not None else ""
    if output is not None and suffix in (DOCX, PDF):
        if suffix == PDF and not pdf:
            raise UsageError("ws.output_pdf_needs_flag", path=output)
        if len(documents) > 1:
            raise UsageError("ws.output_many_to_file", path=output)
        targets = [output.with_suffix(DOCX)]
    elif output is not None and suffix and not is_folder(output):
        hint = t("ws.output_pdf_hint") if pdf else ""
        raise UsageError("ws.output_suffix", path=output, pdf_hint=hint)
    else:
        targets = [
            (output.joinpath(*ws.output_name(d.path, d.info.data.ngay.year).parts)
             if output is not None else ws.output_for(d.path, d.info.data.ngay.year))
            for ws, d in documents
        ]  # fmt: skip
    refuse_collisions([d.path for _, d in documents], targets)
    for (_, document), target in zip(documents, targets, strict=True):
        if target.resolve() == document.path.resolve():
            raise RenderError("render.output_is_input")
        for path in (target, target.with_suffix(PDF)) if pdf else (target,):
            refuse_unwritable(path)
    return targets


def refuse_unwritable(path: Path) -> None:
    """The write error of an output that a folder stands in the way of (a folder of its name,
    or a file where a folder of its path should be), before anything is written or numbered;
    the folder's error (folder_error) when a folder above it may not be entered (no search
    permission), where Path.is_dir and Path.exists raise PermissionError instead of answering."""
    try:
        if path.is_dir():
            raise write_error(path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
        for folder in path.parents:
            if folder.exists():
                if not folder.is_dir():
                    raise write_error(path, NotADirectoryError(errno.ENOTDIR,
                                                               os.strerror(errno.ENOTDIR)))
                return
    except OSError as exc:
        raise folder_error(path.parent, exc) from None


def book_number_overlaps(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
) -> dict[Path, VanthuError]:
    """The Giấy khen batches of `documents` whose sổ vàng numbers (so_vao_so) another batch of
    the same office and year holds, by data file, each with its error naming every batch
    holding them: another of `documents`, or one outside them as its manifest records it (a
    batch printed before, so that a reprint made as a file of its own is refused at once).
    The same rule as the build's (book_claims.book_overlaps), so that render, check and build
    refuse the same batch."""
    from pipeline.batch.book_claims import BookClaim, book_overlaps, held_claims, run_claim
    from pipeline.batch.discover import Layout
    from pipeline.batch.recorded import Recorded

    seen: dict[Path, tuple[Layout, Recorded]] = {}
    names: dict[Path, set[str]] = {}
    claims: list[BookClaim] = []
    for workspace, document in documents:
        claim = book_claim(document)
        if claim is None:
            continue
        if workspace.root not in seen:
            layout = Layout(workspace)
            seen[workspace.root] = (layout, Recorded.read(layout))
        layout, recorded = seen[workspace.root]
        names.setdefault(workspace.root, set()).add(workspace.name_of(document.path))
        claims.append(run_claim(layout, document.path, claim, recorded))
    if not claims:
        return {}
    for root, (layout, recorded) in seen.items():
        claims += held_claims(layout, recorded, names[root])
    years = {c.path: c.key[2] for c in claims}
    return {
        path: book_overlap_error(path, others, years[path], in_build=False)
        for path, others in book_overlaps(claims).items()
    }


def refuse_overlapping_book_numbers(documents: Sequence[tuple[Workspace, LoadedDocument]]) -> None:
    """RenderError naming the data files and the numbers when a Giấy khen batch would print
    sổ vàng numbers (so_vao_so) another batch of its office and year prints, as the build
    refuses (book_number_overlaps)."""
    for error in book_number_overlaps(documents).values():
        raise error


def refuse_repeated_numbers(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
    manifests: dict[Path, tuple[Layout, Recorded] | None],
) -> None:
    """The first of `documents` typing a number another of them, or an output of the
    workspace's other data files (as its manifests record it), already has, refused before
    anything is written, as the build refuses it (batch.repeated_numbers). The manifests are
    read into `manifests`, once per workspace, for the call's other checks."""
    from pipeline.batch.discover import Layout
    from pipeline.batch.recorded import Recorded
    from pipeline.batch.repeated_numbers import repeated_numbers

    for workspace, _ in documents:
        if workspace.root not in manifests:
            layout = Layout(workspace)
            manifests[workspace.root] = (layout, Recorded.read(layout))
    for error in repeated_numbers(documents, manifests).values():
        raise error


def refuse_collisions(inputs: Sequence[Path], targets: Sequence[Path]) -> None:
    """RenderError naming both inputs when two of them would write the same output."""
    claims = (
        (source.resolve(), target.resolve()) for source, target in zip(inputs, targets, strict=True)
    )
    for first, second, target in second_claims(claims):
        raise RenderError("ws.output_collision", output=target, first=first, second=second)


def render_documents(
    paths: Sequence[Path],
    output: Path | None = None,
    *,
    pdf: bool = False,
    templates: Path | None = None,
    test_print: bool = False,
    force: bool = False,
) -> list[Rendered]:
    """Load every input (all valid before anything is written), then render each to its output
    (and PDF); the outputs follow the workspace's rule unless `output` says otherwise.
    `test_print`: a phôi's pages draw the phôi's border (Giấy khen, in_thu).

    An output edited by hand since vanthu wrote it (its manifest says what it wrote: build
    keeps such a file) is refused, before anything is written or numbered, unless `force`:
    then a copy of it is kept beside it (keep_edited_copy) and the document says where. So is
    a document whose number the register holds, issued, with another signer than it now
    prints (refuse_changed_signers): with `force`, its row takes the new signer, as said.
    The outputs and manifests are judged as they stand once the workspaces' locks are held
    (workspace_lock, shared): after a build the call waited for, never as read before it ended.

    A document printing another's register number (a Giấy khen batch whose decision says
    so: tu_dong) is written after the documents numbered in the same call, with the number the
    register holds for that data file; when it holds none and none is given here, nothing is
    written."""
    workspaces: dict[Path, Workspace] = {}
    documents: list[tuple[Workspace, LoadedDocument]] = []
    # A list's warnings of its own file are said by the first of these documents naming it.
    with documents_asked(paths):
        for path in paths:
            found = Workspace.containing(path).with_templates(templates)
            workspace = workspaces.setdefault(found.root, found)
            documents.append((workspace, workspace.load(path)))
    targets = output_targets(documents, output, pdf)
    with ExitStack() as stack:
        # Never beside a build of the same workspace, which would take this call's files for
        # a killed run's leftovers (renders of a few files may run together). Taken before
        # the manifests and outputs are read: a build waited for has written them by then.
        for root in sorted({workspace.root for workspace, _ in documents}):
            stack.enter_context(workspace_lock(workspaces[root], shared=True))
        # What each workspace's manifests record, read once for the checks that ask it.
        manifests: dict[Path, tuple[Layout, Recorded] | None] = {}
        edited = edited_outputs(documents, targets, pdf, manifests)
        elsewhere = written_elsewhere(documents, targets)
        foreign = foreign_outputs(documents, targets, pdf, elsewhere, manifests)
        for index, already in foreign.items():
            edited.setdefault(index, []).extend(already)
        if edited and not force:
            first = next(iter(edited.values()))[0]
            raise RenderError(first.refusal, file=shown(first.file), name=first.name,
                              owner=first.owner,
                              count=sum(len(found) for found in edited.values()))
        refuse_overlapping_book_numbers(documents)
        for _, document in documents:
            if test_print and not is_certificate(document.info.data):
                raise UsageError("render.test_print_not_certificate", path=document.path)
            if not test_print:
                refuse_unnumbered_decision(document)
        refuse_renumbering(documents, manifests)  # before a register is opened (or made)
        before = recorded_outputs(documents, manifests)
        lost = lost_manifests(documents, elsewhere, manifests)
        renderers: dict[Path, Renderer] = {}
        written: dict[int, Rendered] = {}
        profiles: set[Path] = set()
        record = RenderRecord(test_print=test_print)
        kept: list[str] = []  # the copies of hand-edited outputs kept so far, as render says
        # What a PDF not made leaves beside its new .docx (PdfsLeft): the copies of the
        # hand-edited PDFs kept before it, by document index.
        pdf_copies: dict[int, list[KeptCopy]] = {}
        left = PdfsLeft(documents, manifests, pdf_copies, kept, record, lost)
        # Entered before anything is written, so left after all that writes: whatever stops
        # the call, its error says these copies.
        stack.enter_context(copies_said_on_failure(kept, lost))
        registers = Registers(stack)
        told: list[str] = []  # a workspace given its identity (documents.workspace_register)

        def register_of(ws: Workspace) -> Register:
            return workspace_register(registers, ws, told)

        refuse_unnumbered_lenders(documents, register_of)
        refuse_taken_numbers(documents, register_of)  # the register's words first, when it has one
        refuse_repeated_numbers(documents, manifests)  # then the outputs': no register asked
        corrected = refuse_changed_signers(documents, register_of, force=force)
        notes = record_typed_numbers(documents, register_of)
        # Started before anything is written: without LibreOffice or unoserver nothing is.
        converter = stack.enter_context(_pdf_converter()) if pdf else None
        # Whatever is written is recorded, even when a later document or its PDF fails.
        stack.callback(record.save)
        # Borrowers last: the documents whose numbers they print are numbered first.
        order = sorted(range(len(documents)), key=lambda i: documents[i][1].number_from is not None)
        for index in order:
            (workspace, loaded), target = documents[index], targets[index]
            renderer = renderers.setdefault(
                workspace.root, Renderer(workspace, test_print=test_print)
            )
            document = loaded
            noted = agency_warnings(workspace, loaded, renderer.styles, profiles)
            # As check and build say them, after the file's name: render takes many files.
            noted = [*named_warnings(loaded), *noted]  # số vào sổ given to another name
            if index in corrected:  # render --force: the sổ's Người ký corrected
                noted.insert(0, corrected[index])
            # Said here, the copies are made once the document has rendered: one whose data
            # fails leaves its edited output as it is, with no copy, said or not.
            at = len(noted)
            if document.number_from is not None:
                source = workspace.name_of(document.number_from.path)
                document = lent_number(register_of(workspace), document, source)
            if not document.info.data.needs_number:
                data, said = renderer.render_noted(document)
                noted.extend(f"{shown(loaded.path)}: {warning}" for warning in said)
                keep_unvouched(lost.get(index), target, data, pdf=pdf)
                # A Giấy khen batch's numbers in the sổ vàng, as the build records them (not a
                # test print's): a refusal (taken since the load) writes nothing.
                if not test_print:
                    record_rendered(partial(register_of, workspace), workspace, document)
                noted[at:at] = keep_edited_copies(edited.get(index, []), kept, pdf_copies, index)
                write_atomic(target, data)
                note_elsewhere(index, elsewhere, target, data)
                record.add(workspace, renderer.engine.library, loaded, document, target, data)
                noted.extend(left.not_asked(index, target) if converter is None else ())
                written[index] = Rendered(document.path, target,
                                          warnings=(*notes.get(index, ()), *noted))
                continue
            source = workspace.name_of(document.path)
            notices: list[VanthuError] = []
            with numbered(register_of(workspace), document, source, notices) as document:
                data, said = renderer.render_noted(document)
                noted.extend(f"{shown(loaded.path)}: {warning}" for warning in said)
                keep_unvouched(lost.get(index), target, data, pdf=pdf)
                noted[at:at] = keep_edited_copies(edited.get(index, []), kept, pdf_copies, index)
                write_atomic(target, data)
                note_elsewhere(index, elsewhere, target, data)
            warnings = [notice.message() for notice in notices]
            number = document.info.data.so
            replaced = replaced_number_warning(
                register_of(workspace), source, before.get(index), number,
                document.info.reference, shown(target)) if isinstance(number, int) else None
            if replaced is not None:
                warnings.insert(0, replaced)
            record.add(workspace, renderer.engine.library, loaded, document, target, data)
            noted.extend(left.not_asked(index, target) if converter is None else ())
            written[index] = Rendered(document.path, target, number=document.info.reference,
                                      warnings=(*warnings, *noted))
        rendered = [written[index] for index in range(len(documents))]
        for root, renderer in renderers.items():  # an office's template templates check fails
            names = [d.template for ws, d in documents if ws.root == root]
            office = next(ws for ws, _ in documents if ws.root == root)
            told.extend(template_warnings(renderer.engine.library, names, example_contexts,
                                          office))  # fmt: skip
        told.extend(lost_manifest_warnings(lost))
        if told and rendered:
            rendered[0] = replace(rendered[0], warnings=(*told, *rendered[0].warnings))
        if converter is not None:
            rendered = convert_to_pdf(rendered, converter, record, not_made=left.not_made)
            for index, item in enumerate(rendered):
                if item.pdf is not None:
                    note_elsewhere(index, elsewhere, item.pdf)
    return rendered


def example_contexts(
    library: TemplateLibrary, office: Workspace | None = None
) -> dict[str, list[Mapping[str, Any]]]:
    """The contexts of vanthu's own examples of every type, made with `library`'s templates
    (for `office`'s own profile, as `templates check` writes them): what the template verdict
    compares an office's copies with (template_tools.verdict)."""
    from pipeline.template_tools.examples import starter_contexts

    return starter_contexts(Renderer(library), office)


def missing_template(error: TemplateError, document: LoadedDocument,
                     library: TemplateLibrary) -> VanthuError:
    """`error`, or, when it is that the document's template is in none of the folders
    templates are taken from (a phôi named in a Giấy khen's mau: and not copied into mau/), the
    error of its data file naming the template and where it was looked for: not a path inside
    vanthu's installation, which TemplateLibrary.file names for a template found nowhere."""
    if error.key != "render.template_missing":
        return error
    return unfound_template(document, library) or error


def unfound_template(document: LoadedDocument, library: TemplateLibrary) -> InputError | None:
    """The error of a document whose template is in none of `library`'s folders (see
    missing_template); None when it is found."""
    name = document.template
    if library.file(name).is_file():
        return None
    places = [f"{shown(layer)}/" for layer in library.layers[:-1]]  # the last: vanthu's own
    said: dict[str, Any] = {
        "name": name, "places": ", ".join(places) if places else t("render.no_own_templates"),
    }
    if is_certificate(document.info.data):  # named by the clerk: its mau: line
        from pipeline.load.yaml_source import load_yaml

        line = load_yaml(document.path).line_of(("mau",))
        return InputError("render.form_missing", file=document.path, line=line, field="mau",
                          **said)  # fmt: skip
    return InputError("render.template_missing_named", file=document.path, **said)


def named_warnings(document: LoadedDocument) -> list[str]:
    """The document's own warnings (a Sunday, a date after today ...), each after its data
    file's name as check and build give them: render takes several files, and its warnings go
    to stderr apart from the "Đã dựng" lines that name the file."""
    name = shown(document.path)
    return [f"{name}: {warning}" for warning in document_warnings(document)]


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class EditedOutput:
    """An output (.docx, or its PDF) vanthu wrote for data file `name` and a hand edited since;
    or, `foreign`, a file already where render -o writes that is not this document's own output
    (a file of the clerk's own, or vanthu's from an earlier render there: nothing tells them
    apart). One in the workspace's outputs folder is `in_outputs`, and the output of data file
    `owner` when a manifest records it so (another document's, which build writes there)."""

    file: Path
    name: str
    foreign: bool = False
    in_outputs: bool = False
    owner: str = ""

    @property
    def refusal(self) -> str:
        """The message key of render refusing to write over it without --force."""
        if not self.foreign:
            return "render.output_edited"
        if self.owner:
            return "render.output_of_another"
        return "render.output_in_outputs" if self.in_outputs else "render.output_exists"


def edited_outputs(
    documents: Sequence[tuple[Workspace, LoadedDocument]], targets: Sequence[Path], pdf: bool,
    read: dict[Path, tuple[Layout, Recorded] | None],
) -> dict[int, list[EditedOutput]]:
    """By document index, the files this call would write over that a manifest records vanthu
    writing for that document and that differ from what it wrote (build's rule, Freshness:
    edited by hand since). A file no manifest records is not vanthu's to judge. The manifests
    are read into `read`, once per workspace, for recorded.written_of to reuse; here, one that
    cannot be read stops the call."""
    from pipeline.batch.discover import Layout
    from pipeline.batch.freshness import edited_since
    from pipeline.batch.manifest import present_sha256
    from pipeline.batch.recorded import Recorded

    found: dict[int, list[EditedOutput]] = {}
    for index, ((workspace, document), target) in enumerate(zip(documents, targets, strict=True)):
        if workspace.root not in read:
            layout = Layout(workspace)
            read[workspace.root] = (layout, Recorded.read(layout))
        known = read[workspace.root]
        if known is None:  # left unread by another check: nothing recorded of it
            continue
        layout, recorded = known
        try:
            name = layout.name_of(document.path)
            edited = edited_since(layout, recorded.written(name), target, with_pdf=pdf,
                                  file_hash=present_sha256)
            if edited:
                found[index] = [EditedOutput(path, name) for path in edited]
        except (OSError, ValueError):
            continue  # outside the workspace's outputs, or unreadable: nothing recorded of it
    return found


def written_elsewhere(
    documents: Sequence[tuple[Workspace, LoadedDocument]], targets: Sequence[Path]
) -> set[int]:
    """The indexes of the documents written elsewhere than their workspace's own outputs (-o),
    where no manifest records what vanthu wrote."""
    found = set()
    for index, ((workspace, document), target) in enumerate(zip(documents, targets, strict=True)):
        try:
            own = workspace.output_for(document.path, document.info.data.ngay.year)
            if target.resolve() == own.resolve():
                continue  # the build's own place: its manifest's to judge (edited_outputs)
        except (OSError, ValueError):
            pass
        found.add(index)
    return found


def foreign_outputs(
    documents: Sequence[tuple[Workspace, LoadedDocument]], targets: Sequence[Path], pdf: bool,
    elsewhere: set[int], read: Mapping[Path, tuple[Layout, Recorded] | None] | None = None,
) -> dict[int, list[EditedOutput]]:
    """By document index (of `elsewhere`: written_elsewhere), the files already where this call
    writes that are not vanthu's own as it last wrote them there (template_cache.note_written:
    a clerk's own file, or one edited since). Render writes over none of them unless --force,
    which keeps a copy of each first. `read`: the workspaces' manifests (edited_outputs), which
    say whose output a file in the workspace's outputs folder is."""
    from pipeline.render.template_cache import written_as_noted

    found: dict[int, list[EditedOutput]] = {}
    for index in sorted(elsewhere):
        (workspace, document), target = documents[index], targets[index]
        files = (target, target.with_suffix(PDF)) if pdf else (target,)
        known = (read or {}).get(workspace.root)
        there = [_foreign(workspace, path, workspace.name_of(document.path), known)
                 for path in files if path.is_file() and not written_as_noted(path)]  # fmt: skip
        if there:
            found[index] = there
    return found


def _foreign(
    workspace: Workspace, path: Path, name: str, known: tuple[Layout, Recorded] | None
) -> EditedOutput:
    """A file already where render -o writes for data file `name`, with where it stands: in the
    workspace's outputs folder or not, and whose output there the manifests say it is."""
    try:
        placed = path.resolve().relative_to(workspace.output_dir.resolve()).as_posix()
    except (OSError, ValueError):  # elsewhere than the outputs folder
        return EditedOutput(path, name, foreign=True)
    owner = ""
    if known is not None:
        owner = next((other for manifest in known[1].manifests.values()
                      for other, entry in manifest.entries.items()
                      if placed in (entry.output, entry.pdf)), "")  # fmt: skip
    return EditedOutput(path, name, foreign=True, in_outputs=True, owner=owner)


def note_elsewhere(index: int, elsewhere: set[int], path: Path, data: bytes | None = None) -> None:
    """What render just wrote to `path` for document `index`, noted when it is written
    elsewhere than its workspace's outputs (foreign_outputs asks it next time); `data`: the
    bytes written, read back from `path` when not given (a PDF LibreOffice wrote)."""
    if index not in elsewhere:
        return
    from pipeline.render.template_cache import note_written

    try:
        note_written(path, data if data is not None else path.read_bytes())
    except OSError:
        return  # unread: taken for the clerk's own next time, and refused without --force


def recorded_outputs(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
    read: dict[Path, tuple[Layout, Recorded] | None],
) -> dict[int, ManifestEntry]:
    """By document index, what the manifests record of its last output, for a document that
    asks the register for its number (so: tu_dong): render says when the number it prints now
    is another (documents.replaced_number_warning), as build does. The manifests are read once
    per workspace, into `read` (shared with the other checks of the call); one that cannot be
    read records nothing."""
    from pipeline.batch.recorded import written_of

    found: dict[int, ManifestEntry] = {}
    for index, (workspace, document) in enumerate(documents):
        if not document.info.data.needs_number:
            continue
        try:
            written = written_of(workspace, document.path, read)
        except LookupError:  # nothing can be recorded of it
            continue
        if written is not None:
            found[index] = written
    return found


def lost_manifests(
    documents: Sequence[tuple[Workspace, LoadedDocument]], elsewhere: set[int],
    read: dict[Path, tuple[Layout, Recorded] | None],
) -> dict[int, LostManifests]:
    """By document index, for each document written where the build writes it (its workspace's
    own output: not in `elsewhere`, written_elsewhere's): what its workspace's manifests, read
    into `read`, cannot vouch for (one
    damaged, or missing while its folder holds outputs), one per workspace, as the build asks
    it (lost_manifest.LostManifests). With no record to tell a hand edit from vanthu's own
    output, render keeps a copy of a differing file before writing over it (keep_unvouched)."""
    from pipeline.batch.lost_manifest import LostManifests

    per_workspace: dict[Path, LostManifests] = {}
    found: dict[int, LostManifests] = {}
    for index, (workspace, _) in enumerate(documents):
        known = read.get(workspace.root)
        if known is None or index in elsewhere:  # unread, or written elsewhere (-o): no manifest's
            continue
        if workspace.root not in per_workspace:
            per_workspace[workspace.root] = LostManifests(*known)
        found[index] = per_workspace[workspace.root]
    return found


def keep_unvouched(lost: LostManifests | None, target: Path, data: bytes, *, pdf: bool) -> None:
    """Before `target` is written with `data` (and, with `pdf`, its PDF after it): when its
    year's manifest cannot vouch for the files there (`lost`, lost_manifests), the one differing
    from `data`, and the PDF, are kept beside it first, as the build keeps them."""
    if lost is not None:
        lost.keep_copies(target, hashlib.sha256(data).hexdigest(), with_pdf=pdf)


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class KeptCopy:
    """A copy kept of a hand-edited output before render writes over it, and what says so."""

    file: Path
    copy: Path
    said: str


def keep_edited_copies(
    edited: Sequence[EditedOutput], said: list[str], pdfs: dict[int, list[KeptCopy]],
    index: int,
) -> list[str]:
    """Copy each output edited by hand beside it before it is written over (render --force),
    once its document has rendered, just before its .docx is written; the warnings saying
    where each copy is, each also added to `said` as soon as its copy is made: a copy that
    cannot be made, or a later document that fails, stops the call with the copies already
    made said (copies_said_on_failure). The PDF's copy is made with the .docx's, and noted in
    `pdfs` under document `index`: its PDF not made, it is dropped again (PdfsLeft)."""
    warnings = []
    for item in edited:
        copy = keep_edited_copy(item.file)
        key = "render.existing_output_copied" if item.foreign else "render.edited_output_copied"
        warnings.append(t(key, file=shown(item.file), copy=shown(copy)))
        said.append(warnings[-1])
        if item.file.suffix == PDF:
            pdfs.setdefault(index, []).append(KeptCopy(item.file, copy, warnings[-1]))
    return warnings


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class PdfsLeft:
    """What render settles of a document whose new .docx got no PDF (convert_to_pdf's
    `not_made`): by document index, the documents, what their manifests recorded before the
    call (`manifests`, render_documents'), the copies of their hand-edited PDFs (`pdfs`) and
    the copies the call says it kept (`kept`, copies_said_on_failure's); what the call records
    (`record`) and the manifests found lost, whose copies it keeps (`lost`, lost_manifests')."""

    documents: Sequence[tuple[Workspace, LoadedDocument]]
    manifests: Mapping[Path, tuple[Layout, Recorded] | None]
    pdfs: Mapping[int, list[KeptCopy]]
    kept: list[str]
    record: RenderRecord
    lost: Mapping[int, LostManifests]

    def not_made(self, index: int, docx: Path) -> str | None:
        """The copy of its hand-edited PDF is dropped while nothing wrote over that PDF (and no
        longer said), as is the copy kept of a PDF no lost manifest vouched for; the PDF an
        earlier run left is removed when it is vanthu's own and out of date, else kept
        (freshness.settle_old_pdf: a PDF no manifest records is not known to be vanthu's), and
        one kept as vanthu made it or edited since stays recorded (RenderRecord.keep_pdf), as
        the build's Finisher keeps it; what to say of it, None when nothing."""
        from pipeline.batch.freshness import drop_unneeded_copy

        for kept in self.pdfs.get(index, ()):
            if drop_unneeded_copy(kept.file, kept.copy) and kept.said in self.kept:
                self.kept.remove(kept.said)
        lost = self.lost.get(index)
        if lost is not None:
            lost.not_written(docx.with_suffix(PDF))
        return self._settled(index, docx).said

    def not_asked(self, index: int, docx: Path) -> list[str]:
        """A document rendered without --pdf, its new .docx written and recorded: the PDF an
        earlier run left beside it settled as when its PDF fails (_settled), so that one edited
        or signed since stays recorded and the next render or build with --pdf keeps a .sua-tay
        copy of it before writing over it. What to say (a warning): an edited one that no
        longer matches the .docx, or vanthu's that cannot be removed; removing vanthu's own,
        or leaving one no manifest records, is not said: no PDF was asked for."""
        said = self._settled(index, docx).said_unasked
        return [said] if said is not None else []

    def _settled(self, index: int, docx: Path) -> Settled:
        """The PDF an earlier run left beside document `index`'s new `docx`, by what its
        manifest recorded before the call: removed when vanthu's own and out of date, else
        kept (freshness.settle_old_pdf), and one still made from this .docx or edited since
        kept recorded (RenderRecord.keep_pdf); what it was and what to say of it."""
        from pipeline.batch.freshness import Settled, settle_old_pdf
        from pipeline.batch.manifest import UnreadableFile, present_sha256
        from pipeline.batch.old_pdf import OldPdf
        from pipeline.batch.recorded import written_of

        workspace, document = self.documents[index]
        try:
            written = written_of(workspace, document.path, dict(self.manifests))
        except LookupError:
            written = None
        try:
            docx_sha256 = present_sha256(docx)
        except UnreadableFile as exc:  # just written, then taken by another program
            if not docx.with_suffix(PDF).exists():
                return Settled(None, None)  # no PDF there to settle
            # Whether the PDF there matches is not known: never removed; one recorded stays
            # recorded (the next run with --pdf compares it again), as an unreadable PDF.
            recorded = written is not None and written.pdf is not None
            return Settled(OldPdf.EDITED if recorded else None, t(
                "render.new_docx_unreadable", docx=shown(docx),
                pdf=shown(docx.with_suffix(PDF)), reason=exc.reason))
        if docx_sha256 is None:  # the .docx gone meanwhile: nothing its PDF could match
            return Settled(None, None)
        known = self.manifests.get(workspace.root)
        layout = known[0] if known else None
        settled = settle_old_pdf(layout, written, docx, docx_sha256, shown)
        if settled.fate is not None and settled.fate.still_recorded and written is not None:
            self.record.keep_pdf(docx, written)
        return settled


def lost_manifest_warnings(lost: Mapping[int, LostManifests]) -> list[str]:
    """What render says of the manifests found damaged or missing (`lost`, by document, one
    LostManifests shared by a workspace's documents): once per manifest, as build says it,
    the copies kept in its folder named."""
    shared = {id(found): found for found in lost.values()}.values()
    return [warning for found in shared for warning in found.warnings("render")]


@contextmanager
def copies_said_on_failure(kept: list[str], lost: Mapping[int, LostManifests]) -> Iterator[None]:
    """A render stopped partway (a later document's data refused, a PDF not made, Ctrl-C)
    keeps the .sua-tay copies it made of hand-edited outputs before writing over them: its
    error then says which, once each, in the words a finished render says them (`kept`:
    keep_edited_copies'; the lost manifests' copies: lost_manifest_warnings), as notes the
    command line says as warnings before the error (a Python caller finds them in the error's
    __notes__)."""
    try:
        yield
    except (VanthuError, KeyboardInterrupt) as exc:
        for warning in [*lost_manifest_warnings(lost), *kept]:
            exc.add_note(warning)
        raise


def refuse_unnumbered_lenders(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
    register_of: Callable[[Workspace], Register],
) -> None:
    """Before anything is written: a document printing the number of a data file that neither
    holds one in the register nor is numbered among `documents` is refused, at its reference."""
    numbered_here = {
        (ws.root, ws.name_of(d.path)) for ws, d in documents if d.info.data.needs_number
    }
    for workspace, document in documents:
        lender = document.number_from
        if lender is None:
            continue
        source = workspace.name_of(lender.path)
        if (workspace.root, source) not in numbered_here:
            lent_number(register_of(workspace), document, source)


def refuse_taken_numbers(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
    register_of: Callable[[Workspace], Register],
) -> None:
    """Before anything is written: a document typing its own number (so: 40) that the register
    holds for another document is refused, naming that row (documents.typed_number_holder).
    A register file not yet made holds nothing, and is not made for this."""
    for workspace, document in documents:
        if getattr(document.info.data, "own_number", None) is None:
            continue
        if not register_exists(workspace.register_location, root=workspace.root):
            continue
        refuse_taken_number(register_of(workspace), document, workspace.name_of(document.path))


def refuse_changed_signers(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
    register_of: Callable[[Workspace], Register], *, force: bool = False,
) -> dict[int, str]:
    """Before anything is written or numbered: a document whose number the register holds,
    issued, with another signer than it now prints (documents.signer_changed_row: a new head
    named in the profile) is refused as the build refuses it (signer_change_error), unless
    `force` (render --force FILE: the clerk says the sổ was wrong, a misspelt name): then it is
    written with the new signer, its row takes it too, and the notice saying so is returned,
    by document index. A Giấy khen batch printing such a decision's number and signer is
    refused too (documents.lender_signer_change). A register file not yet made holds nothing,
    and is not made for this."""
    notices: dict[int, str] = {}
    here = {(ws.root, ws.name_of(d.path)) for ws, d in documents}
    for index, (workspace, document) in enumerate(documents):
        data = document.info.data
        holds_number = data.needs_number or data.own_number is not None
        if not (holds_number or document.number_from is not None) or not register_exists(
                workspace.register_location, root=workspace.root):
            continue  # nothing the register holds: not opened for it
        register = register_of(workspace)
        found = changed_signer(register, document, workspace.name_of(document.path))
        if found is not None:
            row, details = found
            if not force:
                raise signer_change_error(workspace, document, row)
            notices[index] = signer_corrected(document, row, details)
            continue
        # A Giấy khen batch prints its decision's signer: refused while the decision would be,
        # unless the decision is corrected (--force) in this very call, before it.
        lender = document.number_from
        if (force and lender is not None
                and (workspace.root, workspace.name_of(lender.path)) in here):
            continue
        refused = lender_signer_change(register, workspace, document)
        if refused is not None:
            raise refused
    return notices


def record_typed_numbers(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
    register_of: Callable[[Workspace], Register],
) -> dict[int, list[str]]:
    """Before any number is given: vào sổ the number each document types in its data (so: 40),
    as the build does (Register.record_typed), in the register of a workspace that has one or
    that this call numbers documents in (a register file is never made for typed numbers
    alone); the warnings of each document (by its index) about its number."""
    auto = {ws.root for ws, d in documents if d.info.data.needs_number}
    requests: dict[Path, list[tuple[int, TypedRequest]]] = {}
    spaces: dict[Path, Workspace] = {}
    for index, (workspace, document) in enumerate(documents):
        request = typed_request(document, workspace.name_of(document.path))
        if request is None:
            continue
        if workspace.root not in auto and not register_exists(
            workspace.register_location, root=workspace.root
        ):
            continue
        spaces[workspace.root] = workspace
        requests.setdefault(workspace.root, []).append((index, request))
    notes: dict[int, list[str]] = {}
    for root, items in requests.items():
        register = register_of(spaces[root])
        done = register.record_typed(request for _, request in items)
        for (index, request), typed in zip(items, done, strict=True):
            if typed.holder is not None:  # taken between the check and now: refused
                document = documents[index][1]
                raise taken_number_error(document.path, document.info.reference, typed.holder)
            notes[index] = typed_warnings(register, typed, request.source)
    return notes


def _pdf_converter() -> PdfConverter:
    """One LibreOffice for the call's PDFs (its modules imported only when asked for)."""
    from pipeline.batch.pdf import PdfConverter

    return PdfConverter()


def convert_to_pdf(
    written: list[Rendered], converter: PdfConverter, record: RenderRecord | None = None,
    *, not_made: Callable[[int, Path], str | None] | None = None,
) -> list[Rendered]:
    """A PDF beside each .docx, all in one call of `converter` (LibreOffice's command line,
    without unoserver, then starts once for many documents, not once for each): `written`
    with their PDFs.

    Every PDF made is recorded in `record` as soon as it is in place, even when another
    document's fails or the call is stopped (Ctrl-C). A failure does not stop the others: once
    all were tried, a ConversionError names each document without its PDF (its own error when
    it is the only one), so the call still fails (exit code 1) while the PDFs made stay
    recorded and in place.

    `not_made` is told of each document left without its PDF (its index, its .docx): what it
    says of the PDF left beside it (render_documents': PdfsLeft.not_made) is a note of the
    error, which the command line says as a warning before it."""
    from pipeline.errors import ConversionError

    pairs = [(item.docx, item.docx.with_suffix(PDF)) for item in written]
    converted = list(written)
    left: list[str] = []

    def done(index: int, failure: ConversionError | None, seconds: float) -> None:
        docx, target = pairs[index]
        if failure is None:
            said = record.add_pdf(docx, target) if record is not None else None
            converted[index] = replace(written[index], pdf=target, warnings=(
                *written[index].warnings, *([said] if said is not None else [])))
        elif not_made is not None and (said := not_made(index, docx)) is not None:
            left.append(said)

    try:
        failures = [error for error in converter.convert_many(pairs, done) if error is not None]
    except ConversionError as exc:  # LibreOffice not set up at all: no PDF made
        for index, (docx, _) in enumerate(pairs):
            if not_made is not None and (said := not_made(index, docx)) is not None:
                exc.add_note(said)
        raise
    if failures:
        error = failures[0] if len(failures) == 1 else ConversionError(
            "render.pdf_failed", count=len(failures), failures=PdfFailures(tuple(failures)))
        for said in left:
            error.add_note(said)
        raise error
    return converted


# A message's parameter, said through describe(); never compared nor printed: no __eq__ nor
# __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class PdfFailures:
    """The errors of the documents without a PDF, said one after the other in the language
    the message that holds them is asked in (a parameter of render.pdf_failed)."""

    errors: tuple[VanthuError, ...]

    def describe(self, lang: str | None = None) -> str:
        return "; ".join(error.message(lang).rstrip(" .") for error in self.errors)


@dataclass
class CheckReport:
    """What `check` found: the documents that are valid and the errors of the others."""

    valid: list[LoadedDocument] = field(default_factory=list)
    errors: list[tuple[Path, VanthuError]] = field(default_factory=list)
    # What is valid but will not print as written (an agency profile's line too wide for its
    # column), once per profile.
    warnings: list[str] = field(default_factory=list)


def failed_because(path: Path, error: VanthuError) -> str:
    """Why `path` failed its check: the error, after the file's name when the error is in
    another file (a report refused for a decision it counts) or names none (its template),
    as build says it."""
    file = getattr(error, "file", None)
    # realpath, not Path.resolve: a file that is a symbolic link to itself is an error said
    # here, where resolve would raise.
    if file is not None and os.path.realpath(file) == os.path.realpath(path):
        return error.message()
    return f"{shown(path)}: {error.message()}"


def failure_lines(errors: Sequence[tuple[Path, VanthuError]]) -> list[str]:
    """The failed checks, one line each (failed_because), except that a problem several
    documents share word for word (an unreadable outputs/ or agency profile, a templates folder
    that cannot be listed) is said once, with how many documents it failed and the first of
    them (text.listing.said_once), as build says a folder that cannot take its outputs: not the
    same line a thousand times. A document's own problem, which others fail by (a report
    counting a decision whose list is missing), is said at each (_in_one_of)."""
    lines = []
    for (path, error), group in said_once(errors, _message, _in_one_of):
        if len(group) == 1:
            lines.append(failed_because(path, error))
            continue
        named = first_named([shown(p) for p, _ in group], SHARED_NAMED)
        lines.append(t("cli.failed_for", count=len(group), documents=named,
                       error=error.message()))  # fmt: skip
    return lines


def _message(failed: tuple[Path, VanthuError]) -> str:
    return failed[1].message()


def _in_one_of(failed: tuple[Path, VanthuError], group: list[tuple[Path, VanthuError]]) -> bool:
    """Whether the error of `failed` is located in one of the documents of `group` (its file
    is one of them)."""
    file = getattr(failed[1], "file", None)
    if file is None:
        return False
    where = os.path.realpath(file)
    return any(os.path.realpath(path) == where for path, _ in group)


def check(paths: list[Path], templates: str | os.PathLike[str] | None = None) -> CheckReport:
    """Validate every input, collecting one error per invalid file; writes nothing. Warned of
    too: an output whose printed number the register has voided since (voided_output). Each
    document's template is prepared as render prepares it (`templates`: a folder searched
    first, as render's --templates), so that a template render would refuse fails the
    documents made with it here too."""
    from pipeline.batch.discover import Layout
    from pipeline.batch.recorded import Recorded
    from pipeline.batch.repeated_numbers import repeated_numbers

    report = CheckReport()
    styles: dict[Path, StyleSheet] = {}
    profiles: set[Path] = set()
    used: dict[Path, tuple[Workspace, list[str]]] = {}  # the templates of each workspace
    loaded: list[tuple[Workspace, LoadedDocument]] = []
    recorded: dict[Path, Recorded] = {}  # what each output folder's manifests say, read once
    engines: dict[Path, Engine] = {}  # each workspace's templates, prepared once each
    copy_warned: set[Path] = set()  # said a copy of a numbered file (check_against_register)
    # Each register opened once for every file checked, only read.
    with ExitStack() as stack:
        registers = Registers(stack)
        stack.enter_context(documents_asked(paths))
        for path in paths:
            try:
                workspace = Workspace.containing(path).with_templates(templates)
                document = workspace.load(path)
                # As render and build refuse it; and their warning for a copy of a numbered file.
                if workspace.root not in recorded:
                    recorded[workspace.root] = Recorded.read(Layout(workspace))
                copied = check_against_register(registers, workspace, document,
                                                recorded[workspace.root])
                # As render says it; each workspace's templates looked up by one library, and
                # prepared by one engine, which refuses what render refuses.
                engine = engines.get(workspace.root)
                if engine is None:
                    engine = engines[workspace.root] = Engine(workspace.templates)
                unfound = unfound_template(document, engine.library)
                if unfound is not None:
                    raise unfound
                engine.prepare(document.template)
            except VanthuError as exc:
                report.errors.append((path, exc))
                continue
            report.valid.append(document)
            # As render and build say them, after the file's name: check lists many files.
            name = shown(document.path)
            report.warnings.extend(named_warnings(document))
            report.warnings.extend(f"{name}: {warning}" for warning in copied)
            if copied:
                copy_warned.add(document.path)
            if workspace.root not in styles:
                styles[workspace.root] = workspace_styles(workspace)
            report.warnings.extend(
                agency_warnings(workspace, document, styles[workspace.root], profiles)
            )
            used.setdefault(workspace.root, (workspace, []))[1].append(document.template)
            loaded.append((workspace, document))
    # Batches whose sổ vàng numbers another batch holds, as render and build refuse them; and
    # documents typing a number another already has.
    refused = book_number_overlaps(loaded)
    read = {ws.root: (Layout(ws), recorded[ws.root]) for ws, _ in loaded if ws.root in recorded}
    for path, error in repeated_numbers(loaded, read).items():
        refused.setdefault(path, error)
    report.valid = [d for d in report.valid if d.path not in refused]
    report.errors.extend(refused.items())
    # Two copies of one document, neither built: the build would number both (copy_warning
    # says it then, and check above for a copy of one already numbered).
    unbuilt = [(shown(d.path), d) for ws, d in loaded if d.path not in refused
               and d.path not in copy_warned
               and recorded[ws.root].written(ws.name_of(d.path)) is None]  # fmt: skip
    report.warnings.extend(unnumbered_copies(unbuilt))
    for workspace, names in used.values():  # an office's template templates check fails
        report.warnings.extend(
            template_warnings(workspace.templates, names, example_contexts, workspace)
        )
    return report
