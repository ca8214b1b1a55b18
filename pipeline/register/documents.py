"""A document and its row in the register: the columns vanthu fills in, the number it is given.

`numbered` gives a document whose data says `so: tu_dong` the next number of its office's
register for the time it takes to write it: the row is confirmed when the block ends, voided with
the error as reason when it raises (see Register.numbering). A document that already holds a
number for the same data file keeps it; so does one whose data file was renamed or moved, when
the register was opened for its workspace (Register.adopt_moved), unless a copy of it asks for
a number too: which of them is the file renamed cannot be told, and render, build and check
refuse both (Register.copies_of_renamed, unclear_holder_error). Other documents pass through
unchanged. A renamed file whose trích yếu was edited too is not known for the same document:
build refuses to number it anew while a number of its type and date is left to a file gone
(Register.left_behind, `left_behind_error`), and the number it then types is its own
(store.holds_for); not while another file asking for a number records that number's document
(`left_without_document`: the file renamed, which takes the number; this one, a copy of it
edited, is another document). A build of one folder reads the workspace's other documents
asking for a number when one of its own may take or leave such a number
(`with_documents_outside`), as a render of one file does: which file is the one renamed is
judged the same whatever part of the workspace is built.

`typed_number_holder` and `refuse_taken_number` look at a number the data types itself
(`so: 40`): the register row holding it for another document refuses the document (see
`store.holds_for` for when a row is the document's own). Render and build then record it
(`typed_request`, Register.record_typed), so the register never gives it to another document;
`order_warning` and `typed_warnings` are the warnings both print for a number out of date order.

`signer_changed_row` finds a document's issued row recording another signer than the document
now prints (a new head named in the profile, a title changed: Details.signer_title keeps the
lines printed above the name): render, build and check refuse to write it again
(`signer_change_error` says how to keep the former signer, or that `vanthu render --force FILE`
corrects the row), so the archived output and the sổ's Người ký stay those of the signed paper.

`lent_number` gives a document that prints another's number (a Giấy khen batch, its decision's:
`LoadedDocument.number_from`) the number the register holds for that data file, named as
render and build name it (Workspace.name_of); it never allocates one.

`workspace_register` opens the register a workspace numbers its documents in, and says which
workspace its data files are. A row names its data file by its path inside the workspace, the
same in every clerk's workspace (`inputs/2026/ke-hoach.yaml` is what `vanthu init` makes), so
on a register several workspaces can share (a PostgreSQL URL, a register file outside the
workspace folder) it also names the workspace: its identity, `dinh_danh` in vanthu.yaml, which
`vanthu init` writes and which moves and renames with the folder. A workspace made before that
is given one on first use of a shared register (written into its vanthu.yaml, comments kept,
and said as a warning). A workspace's own register file (so-van-ban.sqlite3 in its folder)
names no workspace, as before: nobody else numbers in it. Nor does a folder without vanthu.yaml
(no identity to keep): on a shared register, its rows are named by path alone. Rows made before
registers named workspaces (schema version 2) name none either; a workspace takes such a row
over when it records its own document (store.names_file), else numbers its document anew.

A dinh_danh copied with its folder would take a colleague's numbers: `place_workspace` records
where each dinh_danh was last used from and refuses a copy (its docstring says the rule). And
`refuse_other_register` refuses renumbering a document from another register than the one its
manifest entry says numbered it (VANTHU_DB forgotten); an output so numbered that is kept as it
is, while the register in use lacks its number, is warned of (`numbered_elsewhere`).
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from pipeline.context.addressing import addressee_names
from pipeline.context.common import filing_line, recipient_lines, signature_lines
from pipeline.context.quyet_dinh import printed_articles, with_executors
from pipeline.errors import InputError, RenderError, VanthuError
from pipeline.i18n import t
from pipeline.load.contract import LoadedDocument
from pipeline.model.quyet_dinh import DecisionData
from pipeline.paths import shown
from pipeline.patterns import lazy
from pipeline.register.backends import SqliteBackend, safe_location
from pipeline.register.columns import recipients_as_read
from pipeline.register.errors import RegisterError
from pipeline.register.field_lines import field_line, number_line
from pipeline.register.holders import (
    LOST,
    OWN,
    TAKEN,
    numbered_elsewhere,
    own_register_number,
    printed_number_holder,
)
from pipeline.register.location import (
    Registers,
    data_file_exists,
    open_register,
    register_exists,
    register_key,
    runnable_location,
)
from pipeline.register.model import Details, Entry, Origin, Status
from pipeline.register.restore import lacking_error, lacking_numbers, recorded_entries
from pipeline.register.rows import completed, summary_key
from pipeline.register.store import (
    Place,
    Register,
    TypedNumber,
    TypedRequest,
    copy_key,
    holds_for,
    is_form_record,
    records_document,
)
from pipeline.register.switched import elsewhere_error, not_migrated_error, unmigrated
from pipeline.register.year_start import late_first_notices
from pipeline.render.output import is_write_failure
from pipeline.rules.agency_names import ORGANS
from pipeline.text.legacy import is_vietnamese_syllable
from pipeline.text.listing import first_named
from pipeline.text.normalize import recipient_key
from pipeline.text.shared import same
from pipeline.text.tones import same_spelling
from pipeline.workspace.config import CONFIG_FILE, read_config

if TYPE_CHECKING:
    from pipeline.batch.discover import Layout
    from pipeline.batch.manifest import Entry as ManifestEntry
    from pipeline.batch.recorded import Recorded
    from pipeline.model.agency import Agency, Signer
    from pipeline.workspace.core import Workspace

def workspace_register(registers: Registers, workspace: Workspace,
                       notes: list[str] | None = None, *,
                       notices: list[VanthuError] | None = None) -> Register:
    """The register `workspace` numbers its documents in, naming its data files as its own (see
    above); a warning in `notes` (in `notices`, as the error saying it: a library caller asks
    for its words in either language) when this gave the workspace its identity. The identity
    is settled once, when the register is first opened: render and build ask for the register
    per document."""

    def name(register: Register) -> None:
        register.workspace = register_identity(register, workspace, notes, notices=notices)
        if register.workspace is not None:
            place_workspace(register, workspace, register.workspace)

    return registers.open(workspace.register_location, root=workspace.root, prepare=name)


MOVED_VARIABLE = "VANTHU_DA_CHUYEN"


def place_workspace(register: Register, workspace: Workspace, identity: str) -> None:
    """Tell a moved workspace from a copied one, by where `identity` used `register` last.

    The register records, per dinh_danh, the folder (resolved) and machine it was last used
    from. The same place, none recorded, or a folder on this machine that no longer holds a
    workspace of this dinh_danh (a move or rename): the place is recorded here. The recorded
    folder still holding it on this machine: two folders share one dinh_danh (a copy), refused.
    Another machine (this one cannot look): the workspace renders as before, but a document
    whose row records another date or trích yếu is refused (Register._same_place); its first
    unchanged document settles the move. VANTHU_DA_CHUYEN=1 says it is a move."""
    here = Place(str(workspace.root.resolve()), socket.gethostname())
    last = register.last_place(identity)
    register.here = here
    if last == here:
        return
    if (last is None or os.environ.get(MOVED_VARIABLE, "").strip() not in ("", "0")
            or (last.host == here.host and not _holds_identity(Path(last.root), identity))):
        register.settle_place(identity, here)
        return
    if last.host == here.host:
        raise RegisterError("register.workspace_copied", root=here.root, identity=identity,
                            other=last.root, location=safe_location(register.location))
    register.moved_from = last


def _holds_identity(root: Path, identity: str) -> bool:
    """Whether folder `root` is a workspace of dinh_danh `identity` (an unreadable vanthu.yaml
    is taken to be one: it is not known to have moved)."""
    config = root / CONFIG_FILE
    try:
        if not config.is_file():
            return False
        return read_config(config).dinh_danh == identity
    except (OSError, VanthuError):
        return True


def refuse_other_register(workspace: Workspace, path: Path, written: ManifestEntry | None,
                           register: Callable[[], Register] | None = None) -> None:
    """An InputError at `path`'s field `so` when its output was numbered (so: tu_dong) from the
    register its manifest entry `written` records and the register in use now is another: a
    clerk who forgot VANTHU_DB would otherwise be given a new number from an empty register.
    Nothing when there is no entry or it records no register (an older vanthu, or a typed
    number), nor when the register in use (`register`, None: not made yet) holds that number
    for this data file: the old sổ was moved over (`so xuat`, `so nhap`), and the row is taken
    over as the file's own (Register.adopt_recorded), so the rebuild keeps the number."""
    if written is None or not written.so_tu_dong or written.so_van_ban is None:
        return
    current = register_key(workspace)
    if current is None or current == written.so_van_ban:
        return
    year = written.ngay[:4]
    if register is not None and written.so is not None and year.isdigit():
        adopted = register().adopt_recorded(written.co_quan, int(year), written.so,
                                            workspace.name_of(path))
        if adopted is not None:
            return
    old = runnable_location(written.so_van_ban, workspace.root)
    if old is None:  # a URL recorded without its password: no command can name it
        raise InputError("register.numbered_elsewhere_url", file=path, field="so",
                         recorded=written.so_van_ban, current=current, year=year)
    raise InputError("register.numbered_elsewhere", file=path, field="so",
                     recorded=written.so_van_ban, current=current, old=old, year=year)


def refuse_renumbering(
    documents: Sequence[tuple[Workspace, LoadedDocument]],
    read: dict[Path, tuple[Layout, Recorded] | None] | None = None,
) -> None:
    """refuse_other_register and switched.unmigrated for `vanthu render`: what the build's
    manifests recorded of each so: tu_dong document's output, read once per workspace (into
    `read`, when the caller shares what it read: recorded.written_of; a document without an
    entry, or outside the data folder, passes), and the register opened only when a document
    needs it to be looked at (a register file not yet made holds nothing)."""
    from pipeline.batch.recorded import written_of

    if read is None:
        read = {}
    waiting: dict[Path, list[tuple[Path, int]]] = {}  # new numbers asked, per workspace
    workspaces: dict[Path, Workspace] = {}
    offices: dict[Path, str] = {}  # the office each of them is numbered for
    with ExitStack() as stack:
        opened: dict[Path, Register] = {}
        for workspace, document in documents:
            if not document.info.data.needs_number:
                continue
            try:
                written = written_of(workspace, document.path, read)
            except LookupError:  # no manifest to read, or outside the data folder: it passes
                continue
            reader = _reader(stack, opened, workspace)
            refuse_other_register(workspace, document.path, written, reader)
            if asks_new_number(written, workspace.name_of(document.path), reader):
                workspaces[workspace.root] = workspace
                waiting.setdefault(workspace.root, []).append(
                    (document.path, document_year(document)))
                offices[document.path] = document.info.data.co_quan
        for root, asked in waiting.items():
            found = read[root]
            assert found is not None
            errors = unmigrated_errors(workspaces[root], found[1], asked,
                                       _reader(stack, opened, workspaces[root]), offices)
            if errors:
                raise next(iter(errors.values()))


def _reader(stack: ExitStack, opened: dict[Path, Register],
            workspace: Workspace) -> Callable[[], Register] | None:
    """The register `workspace` numbers in, opened (once, closed with `stack`) when first
    asked for, naming the workspace's data files as its own; None when it is not made yet."""
    if not register_exists(workspace.register_location, root=workspace.root):
        return None

    def register() -> Register:
        if workspace.root not in opened:
            found = stack.enter_context(open_register(workspace.register_location,
                                                      root=workspace.root))
            found.workspace = register_identity(found, workspace, give=False)
            opened[workspace.root] = found
        return opened[workspace.root]

    return register


def holds_number_for(register: Register, agency: str, source: str) -> bool:
    """Whether `register` holds a live number for data file `source` of office `agency`: the
    file keeps it when numbered again (no new number asked), and what became of the number
    its output printed is that row's to say (renumbered since: build replaces it). A file
    whose rows are all void holds none: numbered again, it asks for a new number, as a file
    the register names in no row (store.SourceNumbers.named, the build's one read of it)."""
    return register.by_source(agency, source) is not None


def asks_new_number(written: ManifestEntry | None, source: str,
                    register: Callable[[], Register] | None) -> bool:
    """Whether a so: tu_dong document of data file `source` is given a new number when it is
    numbered now: its output (`written`, its manifest entry) holds none from a register, or
    the register in use (None: not made yet) holds no live number for the file
    (holds_number_for: emptied, or replaced by another sổ, since; or its number voided: its
    rows all void): else it keeps the number the register holds for it."""
    if written is None or not written.so_tu_dong:
        return True
    return register is None or not holds_number_for(register(), written.co_quan, source)


def lost_number(register: Register, workspace: Workspace, written: ManifestEntry,
                source: str) -> str | None:
    """TAKEN or LOST (printed_number_holder) for an output whose number came from the
    register in use (its manifest entry `written` names it) and that the register holds no
    live number for data file `source` of (holds_number_for, as asks_new_number: a file
    whose rows are all void holds none); None when the number still stands (a number
    voided is the file's own void row: voided_output says it, and build replaces it), or
    came from another register (documents.refuse_other_register's case). The output is out
    of date: the register gives its number to another document, or holds no row of it."""
    found = _lost_holder(register, workspace, written, source)
    return found[0] if found is not None else None


def _lost_holder(register: Register, workspace: Workspace, written: ManifestEntry,
                 source: str) -> tuple[str, Entry | None] | None:
    """lost_number's state with the row holding the number (printed_number_holder), read once
    for stale_output, which names that row."""
    if (own_register_number(written) is None or written.so_van_ban is None
            or written.so_van_ban != register_key(workspace)):
        return None
    if holds_number_for(register, written.co_quan, source):
        return None
    state, row = printed_number_holder(register, written, source)
    return None if state == OWN else (state, row)


def built_output(workspace: Workspace, source: str,
                 recorded: Recorded) -> tuple[ManifestEntry, Path] | None:
    """The manifest entry of data file `source` and its output, while that output is there
    (what check's warnings about a printed number speak of); None when it is not."""
    written = recorded.written(source)
    if written is None:
        return None
    output = workspace.output_dir / written.output
    return (written, output) if output.is_file() else None


def elsewhere_output(register: Register | None, workspace: Workspace, source: str,
                     recorded: Recorded) -> tuple[InputError, ...]:
    """Check's warning for data file `source` whose output prints a number another register
    gave, which the register in use (None: not made yet) does not hold for it
    (numbered_elsewhere): build keeps the output (its number was issued) and says so too
    (switched.outputs_numbered_elsewhere). Nothing when the output is gone."""
    built = built_output(workspace, source, recorded)
    if built is None:
        return ()
    written, output = built
    found = numbered_elsewhere(register, workspace, written, source)
    if found is None:
        return ()
    return (elsewhere_error(workspace, written, workspace.display(output), *found),)


def replaced_number_warning(register: Register, name: str, written: ManifestEntry | None,
                            number: int, reference: str, output: str) -> str | None:
    """The warning for data file `name`, numbered `number` (`reference`) now, whose output
    `output` printed another number from the register (`written`, its manifest entry): its
    number voided (`vanthu so huy`, perhaps by another clerk; the reason said), given to
    another document (an old sổ imported since: that document named), or no longer the
    file's. The output prints the new number now, and a copy already printed or signed
    carries the old one: the clerk must know. None when the number is the same."""
    printed = own_register_number(written) if written is not None else None
    if written is None or printed is None or printed == number:
        return None
    old = None
    if written.ngay[:4].isdigit():
        old = register.given_to(written.co_quan, int(written.ngay[:4]), printed, name)
    if old is not None and old.status is Status.VOID:
        return t("build.voided_number_replaced", name=name, old=written.so_ky_hieu,
                 reason=old.void_reason or "", new=reference, output=output)
    state, holder = printed_number_holder(register, written, name)
    if state == TAKEN and holder is not None and followed_document(register, holder, name):
        return t("build.number_followed_document", name=name, old=written.so_ky_hieu,
                 holder=holder.describe(), new=reference, output=output)
    if state == TAKEN and holder is not None:
        return t("build.number_taken_replaced", name=name, old=written.so_ky_hieu,
                 holder=holder.describe(), new=reference, output=output)
    return t("build.number_replaced", name=name, old=written.so_ky_hieu, new=reference,
             output=output)


def followed_document(register: Register, holder: Entry, name: str) -> bool:
    """Whether `holder`, the row of the number data file `name` printed, went with its
    document to another data file of this workspace (Register.hand_over: the file renamed,
    its old name reused): given by vanthu and naming that file, not an imported sổ's row."""
    return (holder.origin is Origin.REGISTER and holder.source is not None
            and holder.source != name and holder.workspace == register.workspace)


def stale_output(register: Register, workspace: Workspace, source: str,
                 recorded: Recorded) -> tuple[InputError, ...]:
    """Check's warning for data file `source` whose output prints a number the register in
    use gave it and now gives another document, or holds no row of (lost_number): build
    gives it a new number, or refuses, saying why (builder.drop_renumbered); a copy printed
    or signed carries the old number. Nothing when the output is gone."""
    built = built_output(workspace, source, recorded)
    if built is None:
        return ()
    written, output = built
    found = _lost_holder(register, workspace, written, source)
    if found is None:
        return ()
    state, holder = found
    shown_output = workspace.display(output)
    if state == LOST:
        return (InputError("register.output_number_lost", output=shown_output,
                           reference=written.so_ky_hieu, year=written.ngay[:4]),)
    return (InputError("register.output_number_taken", output=shown_output,
                       reference=written.so_ky_hieu,
                       holder=holder.describe() if holder is not None else ""),)


def document_year(document: LoadedDocument) -> int:
    """The register year a document asking for a number is numbered in (Register.year_of)."""
    return Register.year_of(Details(doc_date=document.info.data.ngay), None)


def unmigrated_errors(workspace: Workspace, recorded: Recorded,
                      waiting: Sequence[tuple[Path, int]],
                      register: Callable[[], Register] | None,
                      offices: Mapping[Path, str] | None = None) -> dict[Path, InputError]:
    """The refusal of each document `waiting` (data file, register year) for a new number of
    a year whose numbers, as the workspace's manifests (`recorded`) or its old register file
    show them, the register in use (`register`; None: not made yet) holds none of
    (switched.unmigrated): it would start again at 01; or of a year whose numbers it holds
    some of and lacks others the manifests record it giving (lacking_errors: an older copy
    of it put back): it would give them again; or of a year of its office whose restore
    (`vanthu so khoi-phuc`) the clerk has not confirmed (unconfirmed_errors; `offices`, the
    office of each data file when the caller knows it): it may give again a number `so cap`
    gave after the older copy was made."""
    entries = recorded_entries(recorded)
    current = register_key(workspace)
    years = unmigrated(workspace, entries, {year for _, year in waiting}, register, current)
    errors = {path: not_migrated_error(path, year, years[year], current or "", workspace.root)
              for path, year in waiting if year in years}
    rest = {year for _, year in waiting if year not in years}
    if rest and register is not None and current is not None:
        errors.update(lacking_errors(entries, waiting, rest, register(), current))
    if register is not None:
        errors.update(unconfirmed_errors(
            workspace, [(path, year) for path, year in waiting if path not in errors],
            register(), offices or {}))
    return errors


def unconfirmed_errors(workspace: Workspace, waiting: Sequence[tuple[Path, int]],
                       register: Register, offices: Mapping[Path, str]) -> dict[Path, InputError]:
    """The refusal of each document `waiting` (data file, register year) for a new number of
    a year whose restore in its office (`vanthu so khoi-phuc`) the clerk has not confirmed
    (restorations.py), said before any number is given, as Register.allocate would refuse
    it. One read per year; the office of a data file `offices` does not name is read from the
    file only then (a file that no longer loads is left to the build's own refusal)."""
    found = {year: register.unconfirmed_restore(year) for year in {y for _, y in waiting}}
    errors: dict[Path, InputError] = {}
    for path, year in waiting:
        restored = found[year]
        if restored is None:
            continue
        office = offices.get(path) or _office_of(workspace, path)
        mine = restored.of(office) if office is not None else None
        if mine is not None and office is not None:
            errors[path] = mine.error_at(office, path)
    return errors


def _office_of(workspace: Workspace, path: Path) -> str | None:
    """The office data file `path` is numbered for (its co_quan); None when it does not load."""
    try:
        return workspace.load(path).info.data.co_quan
    except (OSError, ValueError, VanthuError):
        return None


def lacking_errors(entries: Sequence[tuple[str, ManifestEntry]],
                   waiting: Sequence[tuple[Path, int]], years: set[int], register: Register,
                   current: str) -> dict[Path, InputError]:
    """The refusal of each document `waiting` for a new number of one of `years` from register
    `current` (the one in use), which lacks numbers the manifests' `entries` record it giving
    (restore.lacking_numbers: an older copy of it put back): numbered now, it would give
    numbers already issued again."""
    lacking = lacking_numbers(entries, years, register, current)
    return {path: lacking_error(path, year, lacking[year], current)
            for path, year in waiting if year in lacking}


def register_identity(register: Register, workspace: Workspace,
                      notes: list[str] | None = None, *, give: bool = True,
                      notices: list[VanthuError] | None = None) -> str | None:
    """The identity under which `register` names `workspace`'s data files: None for the
    workspace's own register file, else its dinh_danh (given one, unless not `give`, when its
    vanthu.yaml has none, said in `notes` or `notices`; None without a vanthu.yaml)."""
    backend = register.backend
    if isinstance(backend, SqliteBackend) and Path(backend.location).resolve().is_relative_to(
            workspace.root):
        return None
    if give and workspace.identity is None and workspace.config_file is not None:
        identity = workspace.give_identity()
        told = RenderError(
            "register.identity_written", config=workspace.display(workspace.config_file),
            identity=identity, location=safe_location(register.location))
        if notes is not None:
            notes.append(told.message())
        if notices is not None:
            notices.append(told)
    return workspace.identity


def register_details(document: LoadedDocument) -> Details:
    """The register's columns for `document`: date, type and trích yếu, signer, recipients, bản
    lưu, copies."""
    info = document.info
    data = info.data
    symbol = info.reference.split("/", 1)[1]
    # A build keeps this of every document with a typed number until it ends: the texts the
    # documents of an office share (symbol, signer, recipients, bản lưu) held once (same).
    return Details(
        doc_date=data.ngay,
        type_code=info.doc_type.abbreviation or None,
        symbol=same(symbol),
        summary=named_summary(info.doc_type.name, data.trich_yeu),
        signer=same(info.signer.ho_ten),
        signer_title=same(signer_title(info.signer)),
        recipients=_recipients_column(
            tuple(addressee_names(data.addressees)), tuple(printed_recipients(document))
        ),
        archive=_archive_column(filing_line(info)),
        copies=data.so_ban,
    )


# Worked out from the printed lines alone, which an office's documents share (its Nơi nhận,
# a drafter's "Lưu: VT, TH, H02b."): kept by those lines, each text held once (same).
@lru_cache(maxsize=256)
def _recipients_column(addressees: tuple[str, ...], recipients: tuple[str, ...]) -> str:
    """The sổ's Nơi nhận column of a document with these Kính gửi names and Nơi nhận lines, a
    group of them one entry as it reads (columns.recipients_as_read)."""
    return same(recipients_as_read("; ".join(register_recipients(list(addressees),
                                                                 list(recipients)))))


@lru_cache(maxsize=256)
def _archive_column(line: str) -> str:
    """The sổ's bản lưu column of a document printing this filing line ("VT, TH, H02b")."""
    return same(re.sub(r"^\s*Lưu\s*:\s*", "", line).rstrip(". "))


def printed_recipients(document: LoadedDocument) -> list[str]:
    """The Nơi nhận lines as the document prints them: a Quyết định opens them with 'Như Điều
    N', those who execute it (context.quyet_dinh.with_executors), its main recipients, which
    the sổ must not leave out."""
    info = document.info
    lines = recipient_lines(info.data, info.agency)
    if isinstance(info.data, DecisionData):
        lines = with_executors(info, printed_articles(info), lines)
    return lines


def signer_title(signer: Signer) -> str:
    """What the sổ keeps beside the Người ký's name (Details.signer_title): the lines the
    signature prints above it (ô 7a/7b, signature_lines: KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC), one a
    line."""
    return "\n".join(signature_lines(signer))


def _words(text: str | None) -> str:
    """`text` composed (NFC) on one line with single spaces: how two spellings of one name or
    title line are compared."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _title_lines(title: str) -> tuple[str, ...]:
    return tuple(_words(line) for line in title.splitlines() if line.strip())


def same_signer(recorded: Details, details: Details) -> bool:
    """Whether a row's Người ký (`recorded`) is the signer `details` gives: the same name, and
    the same title lines where both say them (a row entered by hand, or written before vanthu
    kept them, has the name alone). A row naming no signer (a number set aside) is anyone's."""
    if not recorded.signer or not details.signer:
        return True
    # A name as printed, whatever case it was typed in (a profile's "NGUYỄN VĂN A" prints, and
    # is recorded since, as "Nguyễn Văn A"): compared as spelt, case and tone place aside.
    if same_spelling(_words(recorded.signer)) != same_spelling(_words(details.signer)):
        return False
    if recorded.signer_title is None or details.signer_title is None:
        return True
    return _title_lines(recorded.signer_title) == _title_lines(details.signer_title)


def printed_signer(details: Details) -> str:
    """The signer a row or a document gives, as a message quotes it: its title lines, then the
    name (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Lê Văn B)."""
    lines = _title_lines(details.signer_title) if details.signer_title else ()
    return " / ".join((*lines, _words(details.signer)))


def signer_changed_row(register: Register, agency: str, details: Details, source: str,
                       number: int | None = None) -> Entry | None:
    """The issued row holding the number of data file `source` when it records another signer
    than `details` (the document as it stands: register_details) gives (same_signer): written
    again, the document would print, and its row record, a signer who did not sign the paper
    issued under that number (a new head named in the profile in place of the former one).
    The row is the file's live one (so: tu_dong, `number` None) or, for a number the document
    types (`number`), that number's row when it is the document's own (holds_for). None when no
    row holds it yet (documents not yet numbered are not concerned), or it records this signer."""
    if number is None:
        row = register.by_source(agency, source)
    else:
        when = details.doc_date
        if when is None:
            return None
        sequence = register.sequence_for(agency, completed(details))
        row = register.entry(agency, when.year, number, sequence)
        if row is not None and not holds_for(row, details, source, register.workspace,
                                             register.source_exists):
            return None  # another document's: refused as such (typed_number_holder)
    if row is None or row.status is not Status.ISSUED or same_signer(row.details, details):
        return None
    return row


def profile_signer(agency: Agency, recorded: Details, *, besides: str) -> str | None:
    """The key of a signer of the profile, other than `besides`, who prints the signer the sổ
    records (`recorded`): the one an issued document is to name to keep its signature."""
    for key, signer in agency.nguoi_ky.items():
        held = Details(signer=signer.ho_ten, signer_title=signer_title(signer))
        if key != besides and same_signer(recorded, held):
            return key
    return None


def signer_change_error(workspace: Workspace, document: LoadedDocument, row: Entry) -> InputError:
    """The refusal to write `document` again while the sổ's row `row` (signer_changed_row)
    records another signer for its number, at its `nguoi_ky:` line: the number and date, the
    signer the sổ holds and the one the document now prints, and the ways out. An issued
    document keeps its signer by naming a profile signer who prints it (one there already is
    named; else the former signer is to be added under a new key, such as `<key>-cu`); a
    correction (a misspelt name, a document not yet signed) is `vanthu render --force FILE`,
    which writes it and the row with the new signer."""
    data = document.info.data
    now = register_details(document)
    held = row.details
    key = data.nguoi_ky
    params: dict[str, Any] = {
        "reference": row.reference,
        "date": held.doc_date.strftime("%d/%m/%Y") if held.doc_date else "",
        "held": printed_signer(held),
        # Like with like: a row that records the name alone is compared on the name alone.
        "now": printed_signer(now if held.signer_title else replace(now, signer_title=None)),
        "key": key,
        "command": f"vanthu render --force {shlex.quote(shown(document.path))}",
    }
    kept = profile_signer(document.info.agency, held, besides=key)
    if kept is not None:
        key_name, params["kept"] = "register.signer_changed_kept", kept
    else:
        profile = workspace.agency_file(data.co_quan)
        key_name = "register.signer_changed"
        params.update(profile=workspace.display(profile) if profile is not None else data.co_quan,
                      new_key=f"{key}-cu", name=_words(held.signer))
    return InputError(key_name, file=document.path, line=field_line(document.path, "nguoi_ky"),
                      field="nguoi_ky", **params)


def signer_corrected(document: LoadedDocument, row: Entry, details: Details) -> str:
    """The notice of `vanthu render --force` writing a document whose row recorded another
    signer (signer_changed_row): the row now records the new one, after the data file's name."""
    return signer_corrected_notice(shown(document.path), row, details).message()


def signer_corrected_notice(name: str, row: Entry, details: Details,
                            key: str = "register.signer_corrected") -> RenderError:
    """signer_corrected's notice as an error (said in either language) for the document named
    `name`; `key`, the words for it (a form's correction is asked otherwise than --force)."""
    return RenderError(key, name=name, reference=row.reference,
                       old=printed_signer(row.details),
                       new=printed_signer(details if row.details.signer_title
                                          else replace(details, signer_title=None)))


def changed_signer(register: Register, document: LoadedDocument,
                   source: str) -> tuple[Entry, Details] | None:
    """The row of `register` holding `document`'s number (its data file `source`) with another
    signer than it now prints (signer_changed_row), and the columns the document gives now;
    None for a document not numbered yet, printing the signer its row records, or printing
    another's number (a Giấy khen batch: lender_signer_change)."""
    data = document.info.data
    if document.number_from is not None:
        return None
    if data.needs_number:
        details, number = register_details(document), None
    else:
        request = typed_request(document, source)
        if request is None:
            return None
        details, number = request.details, request.number
    row = signer_changed_row(register, data.co_quan, details, source, number)
    return (row, details) if row is not None else None


def lender_signer_change(register: Register, workspace: Workspace,
                         document: LoadedDocument) -> InputError | None:
    """The refusal of a document printing its decision's number and signer (a Giấy khen batch)
    while the register holds that number, issued, with another signer than the decision now
    gives (signer_changed_row), at the batch's quyet_dinh line, naming the decision: the
    decision is the one to settle (its own refusal says how), then the batch follows it.
    None for any other document."""
    lender = document.number_from
    decision = getattr(document.info.attachments, "decision", None)
    if lender is None or decision is None:
        return None
    signer = decision.signer
    details = Details(doc_date=decision.data.ngay, signer=signer.ho_ten,
                      signer_title=signer_title(signer))
    name = workspace.name_of(lender.path)
    row = signer_changed_row(register, lender.agency, details, name)
    if row is None:
        return None
    held = row.details
    return InputError(
        "register.lender_signer_changed", file=lender.file, line=lender.line, field=lender.field,
        decision=name, reference=row.reference,
        date=held.doc_date.strftime("%d/%m/%Y") if held.doc_date else "",
        held=printed_signer(held),
        now=printed_signer(details if held.signer_title else replace(details, signer_title=None)),
        command=f"vanthu check {shlex.quote(shown(lender.path))}")


def refuse_changed_signer(register: Register, document: LoadedDocument, source: str,
                          workspace: Workspace) -> None:
    """signer_change_error, raised, when `document`'s number is issued in `register` with
    another signer than it now prints (changed_signer), or lender_signer_change's refusal of a
    batch printing such a decision's; nothing for any other document."""
    found = changed_signer(register, document, source)
    if found is not None:
        raise signer_change_error(workspace, document, found[0])
    refused = lender_signer_change(register, workspace, document)
    if refused is not None:
        raise refused


@lru_cache(maxsize=256)  # an office's documents of a kind often share their trích yếu
def named_summary(kind_name: str, trich_yeu: str) -> str:
    """Tên loại và trích yếu, one phrase: 'Quyết định về việc ...', 'Báo cáo tổng kết ...' (the
    trích yếu continues the kind's name: continuing); one opening with the kind's name itself
    ('Công văn đề nghị ...') is not given it twice."""
    text = unicodedata.normalize("NFC", " ".join(trich_yeu.split()))
    name = unicodedata.normalize("NFC", kind_name)
    head = text[: len(name)]
    if head.casefold() == name.casefold() and text[len(name): len(name) + 1] in ("", " "):
        rest = text[len(name):].lstrip()  # 'Công văn đề nghị…', not 'Công văn Công văn…'
        return f"{name} {continuing(rest)}" if rest else name
    return f"{name} {continuing(text)}" if text else name


_ORGAN_WORDS = max(len(organ) for organ in ORGANS)
# Marks that may stand before or after a word without being part of it.
_QUOTES = "“”\"'‘’«»"
_WORD_MARKS = ",.;:()[]" + _QUOTES


def continuing(text: str) -> str:
    """A trích yếu written after its kind's name, as the sổ's column 'Tên loại và trích yếu'
    reads (Nghị định 30/2020, Phụ lục IV): its first word in lower case ('Tổng kết công tác
    ...' → 'tổng kết công tác ...', 'Về việc' → 'về việc') unless that word begins a name,
    which keeps its capital: an abbreviation or a word in capitals (UBND, HĐND, COVID-19, a
    word no Vietnamese syllable: agency_names.running_text_name keeps these as written), an
    organ's name (Ủy ban nhân dân ..., agency_names.ORGANS), or a word the next one continues
    with a capital (Hà Nội, Sở Tư pháp, Luật Thi đua: names capitalise each word or field);
    a quoted opening (“Tháng hành động ...”) is a title's name, as typed."""
    words = text.split(" ")
    first = words[0]
    bare = first.strip(_WORD_MARKS)
    if not bare[:1].isupper() or first[:1] in _QUOTES:
        return text
    lowered = bare.lower()
    if (len(bare) > 1 and bare.isupper()) or not is_vietnamese_syllable(lowered):
        return text
    opening = tuple(w.strip(_WORD_MARKS).lower() for w in words[:_ORGAN_WORDS])
    if any(opening[: len(organ)] == organ for organ in ORGANS):
        return text
    if (len(words) > 1 and words[1].strip(_WORD_MARKS)[:1].isupper()
            and lowered not in _NEVER_A_NAME):
        return text
    return " ".join([first.replace(bare, lowered, 1), *words[1:]])


# Words that open a trích yếu and never a name, whatever follows: "Dự Hội nghị tổng kết ..."
# (a Giấy mời's) is "Giấy mời dự Hội nghị ..." in the sổ, the event's name keeping its capital.
_NEVER_A_NAME = frozenset(("dự", "về", "v/v"))


# "Như trên" typed in Nơi nhận: those named in Kính gửi, already listed by name.
_as_above = lazy(r"^như\s+trên$", re.IGNORECASE)


def register_recipients(addressees: list[str], recipients: list[str]) -> list[str]:
    """Nơi nhận văn bản as the register lists it: the Kính gửi names, then the Nơi nhận lines,
    each once; a typed 'Như trên' stands for the names before it and is not one itself."""
    if addressees:
        recipients = [r for r in recipients if not _as_above().match(r.strip(" .;,"))]
    return unique_names(addressees + recipients)


def unique_names(names: list[str]) -> list[str]:
    """Nơi nhận names in order, each once: Kính gửi and Nơi nhận often name the same office
    (compared without case, spacing or a closing mark)."""
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        key = recipient_key(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def with_number(document: LoadedDocument, number: int) -> LoadedDocument:
    """The same document carrying `number`."""
    data = document.info.data.model_copy(update={"so": number})
    return replace(document, info=replace(document.info, data=data))


@contextmanager
def numbered(register: Register, document: LoadedDocument, source: str,
             warnings: list[VanthuError] | None = None) -> Iterator[LoadedDocument]:
    """`document` with its number from the register when its data asks for one (see above).
    Its row is confirmed with what the document says now (an edited document's row follows
    it); with `warnings`, the build's warning is added there (as an error, said in either
    language) when the number is dated before the number given before it (a new number, or
    one whose date was edited: order_warning), when a new number went to a copy of a
    document another file records (copy_warning), and when it is the year's first, dated
    after February (year_start.late_first_numbers)."""
    if not document.info.data.needs_number:
        yield document
        return
    details = register_details(document)
    follow_renamed(register, document, details, source)
    refuse_left_behind(register, document, details, source)
    if not is_form_record(source):  # a form's own refusal names its identifier (forms.py)
        refuse_other_run(register, document, details, source)
    with register.numbering(document.info.data.co_quan, details, source=source,
                            unwritten=is_write_failure) as entry:
        yield with_number(document, entry.number)
    if warnings is not None:
        now = replace(entry, details=completed(details))
        warning = order_notice(register, now, source, None if entry.fresh else entry)
        if warning is not None:
            warnings.append(warning)
        copy = copy_notice(register, now, source) if entry.fresh else None
        if copy is not None:
            warnings.append(copy)
        warnings.extend(late_first_notices(register, [(source, now)]))


def follow_renamed(register: Register, document: LoadedDocument, details: Details,
                   source: str) -> None:
    """Before data file `source` is numbered by itself (a render, which sees no other file),
    as the build hands numbers over (builder.hand_over_renamed): when its number could be
    another file's document's (Register.may_hand_over: its name reused for a new document
    after the issued one was renamed, two names swapped), the workspace's other documents
    asking for a number are read and the issued rows follow their documents
    (Register.renamed_rows, hand_over), so that the renamed document keeps its number and
    this one is given its own. When which document a row is cannot be told (two copies of
    it), `source` is refused as the build refuses it (unclear_holder_error)."""
    agency = document.info.data.co_quan
    if not register.may_hand_over(agency, details, source):
        return
    documents = {source: (agency, details), **_asking_documents(document.path, {source})}
    unclear = follow_documents(register, documents)
    if source in unclear:
        row, files = unclear[source]
        raise unclear_holder_error(document.path, row, files,
                                   named_office=len(register.agencies()) > 1)


def follow_documents(
    register: Register, documents: Mapping[str, tuple[str, Details]]
) -> Mapping[str, tuple[Entry, tuple[str, ...]]]:
    """Each issued row of `documents` (data file → office and register columns) handed to the
    data file now holding its document (Register.renamed_rows, hand_over), for render of one
    file (follow_renamed) and the build (builder.hand_over_renamed) alike; returned: the
    documents for which that cannot be told, with their row and the files that could hold it."""
    found = register.renamed_rows(documents)
    if found.moves:
        register.hand_over(found.moves)
    return found.unclear


# What one check (its Registers) read of each workspace's documents asking for a number, by
# workspace folder: read once for all the files it checks (refuse_unclear_copies), not once a
# file (a folder of files renamed would be read again for each of them).
_ASKED_IN_CHECK: WeakKeyDictionary[Registers, dict[Path, dict[str, tuple[str, Details]]]] = (
    WeakKeyDictionary())


def refuse_unclear_copies(registers: Registers, register: Register, workspace: Workspace,
                          document: LoadedDocument, source: str) -> None:
    """Check's refusal, as render and build refuse it (follow_renamed, builder.
    hand_over_renamed), of data file `source` holding no number while other files of its
    workspace asking for one record its document alike (copy_key) and an issued row whose
    data file is gone records it too (Register.copies_of_renamed): which of them is the file
    renamed cannot be told. Only reads; the workspace's documents asking for a number are
    read once for every file of one check (`registers`)."""
    agency, details = document.info.data.co_quan, register_details(document)
    key = copy_key(agency, completed(details))
    if key is None or not register.may_hand_over(agency, details, source):
        return
    asked = _asked_in_check(registers, workspace, document.path)
    alike = {name: found for name, found in asked.items()
             if name != source and copy_key(found[0], completed(found[1])) == key}
    if not alike:
        return
    unclear = register.renamed_rows({source: (agency, details), **alike}).unclear
    if source in unclear:
        row, files = unclear[source]
        raise unclear_holder_error(document.path, row, files,
                                   named_office=len(register.agencies()) > 1)


def _asked_in_check(registers: Registers, workspace: Workspace,
                    path: Path) -> dict[str, tuple[str, Details]]:
    """The documents asking for a number in `workspace` (that of data file `path`), every
    one of them, read once for all the files of one check (`registers`)."""
    asked = _ASKED_IN_CHECK.setdefault(registers, {})
    if workspace.root not in asked:
        asked[workspace.root] = _asking_documents(path, set())
    return asked[workspace.root]


def with_documents_outside(
    register: Register, documents: Mapping[str, tuple[str, Details]],
    outside: Callable[[], Mapping[str, tuple[str, Details]]],
) -> Mapping[str, tuple[str, Details]]:
    """The documents a build of one folder numbers (data file -> office and register
    columns), with the workspace's other documents asking for a number (`outside`, read only
    then) when one of them may take or leave a number that a file outside the folder holds or
    records (Register.may_hand_over: the file renamed out of the folder, or a copy of it left
    there), as render of one file reads them (follow_renamed): the renamed file and its copy
    are refused, and a row follows its document, whichever part of the workspace is built."""
    if any(register.may_hand_over(agency, details, name)
           for name, (agency, details) in documents.items()):
        return {**outside(), **documents}
    return documents


def left_without_document(register: Register, rows: Sequence[Entry],
                          asking: Mapping[str, tuple[str, Details]], source: str) -> list[Entry]:
    """`rows` (Register.left_behind for data file `source`: issued numbers of its type and
    date whose data files are gone) but those whose document another file of `asking` (data
    file -> office and register columns, documents asking for a number) records as issued
    (store.records_document) while it holds no number: that file is the one renamed, taking
    the number over when it is numbered (Register.adopt_moved; with a copy of it beside, once
    the clerk has said which: copies_of_renamed), so the number is not left without a
    document, and `source` is another document of that day (a copy of the renamed file, its
    trích yếu edited): it is given a new number."""

    def taken(row: Entry) -> bool:
        return any(name != source and agency == row.agency
                   and records_document(row, completed(details))
                   and not holds_number_for(register, agency, name)
                   for name, (agency, details) in asking.items())

    return [row for row in rows if not taken(row)]


def asking_documents(workspace: Workspace,
                     besides: Collection[str]) -> dict[str, tuple[str, Details]]:
    """The office and register columns of each document of `workspace` asking the register
    for its number (so: tu_dong), by data file, but those named in `besides`. A file not
    asking says nothing of tu_dong and is not loaded; one that cannot be loaded is left out,
    as the build leaves an invalid document out of its hand-over."""
    from pipeline.model.document import AUTO_NUMBER

    found: dict[str, tuple[str, Details]] = {}
    for other in workspace.documents():
        name = workspace.name_of(other)
        if name in besides or AUTO_NUMBER.encode() not in _bytes_of(other):
            continue
        try:
            loaded = workspace.load(other)
            if loaded.info.data.needs_number:
                found[name] = (loaded.info.data.co_quan, register_details(loaded))
        except VanthuError:
            continue
    return found


def _asking_documents(path: Path, besides: Collection[str]) -> dict[str, tuple[str, Details]]:
    """asking_documents of data file `path`'s workspace."""
    from pipeline.workspace.core import Workspace

    return asking_documents(Workspace.containing(path), besides)


def _bytes_of(path: Path) -> bytes:
    """The bytes of data file `path` (none when it cannot be read: it is not loaded)."""
    try:
        return path.read_bytes()
    except OSError:
        return b""


def copy_warning(register: Register, entry: Entry, name: str) -> str | None:
    """The warning for a number just given to a document another data file's row records (the
    same type, date and trích yếu): a file copied and not yet edited (last week's Giấy mời
    with its date and trích yếu left) takes a second number for one document; on a shared
    register, another clerk's file too (both asked to send one công văn), naming its
    workspace."""
    notice = copy_notice(register, entry, name)
    return notice.message() if notice is not None else None


def unnumbered_copies(documents: Sequence[tuple[str, LoadedDocument]]) -> list[str]:
    """`vanthu check`'s warning for each data file of `documents` (by name, as checked) asking
    for a number that is just like an earlier one asking too (the same office, type, date and
    trích yếu, as rows.same_summary compares it): a file copied and not yet edited, neither
    built yet, would get a second number for one document at the next build (which says it
    then: copy_warning). Said once a file, naming the first of its copies."""
    first: dict[tuple[str, str | None, object, str], str] = {}
    warnings: list[str] = []
    for name, document in documents:
        if not document.info.data.needs_number:
            continue
        details = register_details(document)
        if not details.summary or details.doc_date is None:
            continue
        key = (document.info.data.co_quan, details.type_code, details.doc_date,
               summary_key(details.summary))  # fmt: skip
        other = first.setdefault(key, name)
        if other != name:
            warnings.append(t("check.copy_to_be_numbered", name=name, other=other))
    return warnings


def copy_notice(register: Register, entry: Entry, name: str) -> RenderError | None:
    """copy_warning's warning as an error, to be said in either language (a form's)."""
    alike = register.alike(entry)
    if not alike:
        return None
    other = alike[0]
    if other.workspace is None or other.workspace == register.workspace:
        return RenderError("build.number_for_a_copy", name=name, reference=entry.reference,
                           other=other.describe(), file=other.source or "")
    return RenderError("build.number_for_a_copy_elsewhere", name=name,
                       reference=entry.reference, other=other.describe(),
                       file=other.source or "", identity=other.workspace,
                       place=register.place_words(other.workspace))


def lent_number(register: Register, document: LoadedDocument, source: str) -> LoadedDocument:
    """`document` carrying the number the register holds for `source`, the data file it takes
    its number from; a located InputError when the register holds none for it yet."""
    lender = document.number_from
    if lender is None:
        return document
    entry = register.by_source(lender.agency, source)
    if entry is None:
        raise lender.not_numbered(source)
    return with_number(document, entry.number)


def check_against_register(
    registers: Registers, workspace: Workspace, document: LoadedDocument,
    recorded: Recorded | None = None,
) -> tuple[InputError, ...]:
    """`vanthu check`'s refusals that render and build would make from the register: a number
    the document types (so: 33) held for another document, or void (refuse_taken_number), a
    new number asked while numbers of its type and date are left without their data files
    (left_behind_error), and a number issued with another signer than the document now prints
    (refuse_changed_signer). Returned: the warnings of an output that prints a number voided since
    (voided_output: `recorded`, the output folder's manifests, say what each output prints),
    given to another document or lost since (stale_output), or given by another register
    while the register in use lacks it (elsewhere_output), and the one render and build would
    give once the number is spent, said before (copy_of_numbered). Only reads the register; a
    register not yet made holds nothing. `registers`: each register opened once for all the
    files checked."""
    data = document.info.data
    typed = isinstance(getattr(data, "own_number", None), int)
    source = workspace.name_of(document.path)
    written = recorded.written(source) if recorded is not None else None
    from_register = written is not None and (written.so_tu_dong or written.lender is not None)
    if not typed and not data.needs_number and not from_register:
        return ()
    if not register_exists(workspace.register_location, root=workspace.root):
        # Holding nothing: an output another register numbered is not in it either.
        return (elsewhere_output(None, workspace, source, recorded)
                if recorded is not None and from_register else ())
    # Which data files exist, as render and build know it (Registers.open): a number a renamed
    # file held is its own to type (store.holds_for), and one whose file is gone may be left
    # behind.
    def identify(register: Register) -> None:
        register.workspace = register_identity(register, workspace, give=False)

    register = registers.open(workspace.register_location, root=workspace.root,
                              prepare=identify)
    voided = ((*voided_output(register, workspace, source, recorded),
               *stale_output(register, workspace, source, recorded),
               *elsewhere_output(register, workspace, source, recorded))
              if recorded is not None and from_register else ())
    if typed:
        refuse_taken_number(register, document, source)
        refuse_changed_signer(register, document, source, workspace)
        return voided
    if not data.needs_number:
        refuse_changed_signer(register, document, source, workspace)  # a batch: its decision's
        return voided
    refuse_unclear_copies(registers, register, workspace, document, source)
    refuse_left_behind(register, document, register_details(document), source,
                       lambda: _asked_in_check(registers, workspace, document.path))
    refuse_other_run(register, document, register_details(document), source)
    if recorded is not None:
        refuse_lacking(register, workspace, document, source, recorded)
    refuse_changed_signer(register, document, source, workspace)
    return (*voided, *copy_of_numbered(registers, register, workspace, document, source))


def refuse_lacking(register: Register, workspace: Workspace, document: LoadedDocument,
                   source: str, recorded: Recorded) -> None:
    """Check's refusal, as build and render refuse it (lacking_errors), of a document that
    would ask for a new number (the register holds no live number for its data file: no row
    at all, or void ones only) of a year whose numbers the register in use holds some of and
    lacks others the manifests (`recorded`) record it giving: an older copy of the register
    put back; or of a year whose restore in
    its office (`vanthu so khoi-phuc`) the clerk has not confirmed (restorations.py). One
    holding none of them (emptied: switched.unmigrated) is said per output, as before
    (stale_output)."""
    office = document.info.data.co_quan
    if holds_number_for(register, office, source):
        return
    year = document_year(document)
    current = register_key(workspace)
    if current is not None:
        entries = recorded_entries(recorded)
        if unmigrated(workspace, entries, {year}, lambda: register, current):
            return
        errors = lacking_errors(entries, [(document.path, year)], {year}, register, current)
        if document.path in errors:
            raise errors[document.path]
    restored = register.unconfirmed_restore(year, office)
    if restored is not None:
        raise restored.error_at(office, document.path)


def voided_output(register: Register, workspace: Workspace, source: str,
                  recorded: Recorded) -> tuple[InputError, ...]:
    """Check's warning for data file `source` whose output, as the manifests `recorded` say
    what it prints, carries a number from the register that the register now holds as void
    (`vanthu so huy`): its own (so: tu_dong), or its lender's (a Giấy khen batch, its
    decision's). Such an output is out of date and must be made again: build gives it a new
    number (builder.drop_renumbered), or the clerk types another; a copy printed or signed
    carries the void number. Nothing when the output is gone, or the number still stands."""
    written = recorded.written(source)
    if written is None:
        return ()
    if written.lender is not None and written.lent_number is not None:
        holder, number = written.lender, written.lent_number
        lender = recorded.written(holder)  # the decision's own date gives its number's year
        when = (lender or written).ngay
    elif written.so_tu_dong and written.so is not None:
        holder, number, when = source, written.so, written.ngay
    else:
        return ()
    output = workspace.output_dir / written.output
    if not when[:4].isdigit() or not output.is_file():
        return ()
    row = register.given_to(written.co_quan, int(when[:4]), number, holder)
    if row is None or row.status is not Status.VOID:
        return ()
    # A batch's own Số, ký hiệu is not the number it prints: the decision's, as its row says.
    own = holder == source
    key = "register.output_number_voided" if own else "register.output_lent_voided"
    return (InputError(key, output=workspace.display(output),
                       reference=written.so_ky_hieu if own else row.reference,
                       reason=row.void_reason or "", decision=holder),)


def copy_of_numbered(
    registers: Registers, register: Register, workspace: Workspace, document: LoadedDocument,
    source: str,
) -> tuple[InputError, ...]:
    """Check's warning for a document that would take a new number while another data file's
    issued row records one just like it (the same type, date and trích yếu: Register.alike), as
    copy_warning says it after render or build gave the number: a file copied and not yet
    edited. None for a document that already holds its number (render keeps it), nor for the
    file the build hands such a row over to, as its document renamed (takes_over_number)."""
    data = document.info.data
    if not data.needs_number or document.number_from is not None:
        return ()
    if holds_number_for(register, data.co_quan, source):
        return ()
    details = completed(register_details(document))
    if details.doc_date is None:
        return ()
    probe = Entry(id=-1, agency=data.co_quan, year=details.doc_date.year,
                  sequence=register.sequence_for(data.co_quan, details), number=0,
                  status=Status.PENDING, origin=Origin.REGISTER, details=details)  # fmt: skip
    alike = [row for row in register.alike(probe) if row.source != source]
    if not alike or takes_over_number(registers, register, workspace, document, source):
        return ()
    other = alike[0]
    if other.workspace is None or other.workspace == register.workspace:
        return (InputError("data.copy_of_numbered", other=other.describe()),)
    return (InputError("data.copy_of_numbered_elsewhere", other=other.describe(),
                       identity=other.workspace,
                       place=register.place_words(other.workspace)),)  # fmt: skip


def takes_over_number(registers: Registers, register: Register, workspace: Workspace,
                      document: LoadedDocument, source: str) -> bool:
    """Whether data file `source`, holding no number, is the one the build hands an issued row
    over to as its document renamed, keeping that number: the row's data file is gone
    (Register.renamed_row: adopt_moved), or now records another document (Register.
    renamed_rows, among the workspace's documents asking for a number, read once a check:
    `registers`). Only reads."""
    agency, details = document.info.data.co_quan, register_details(document)
    if not register.may_hand_over(agency, details, source):
        return False
    if register.renamed_row(agency, details, source) is not None:
        return True
    asked = _asked_in_check(registers, workspace, document.path)
    return source in register.renamed_rows({**asked, source: (agency, details)}).moves


def refuse_left_behind(
    register: Register, document: LoadedDocument, details: Details, source: str,
    asking: Callable[[], Mapping[str, tuple[str, Details]]] | None = None,
) -> None:
    """As the build refuses it (builder.refuse_left_behind): a document asking for a new number
    while the register holds numbers of its type and date whose data files are gone (a file
    renamed and edited would take a second number, its first left in the sổ without a
    document), unless another file of the workspace asking for a number records that number's
    document (left_without_document; `asking`: those files, read when needed, by default
    here); left_behind_error says both ways out."""
    left = register.left_behind(document.info.data.co_quan, details, source)
    if left:
        others = asking() if asking is not None else _asking_documents(document.path, {source})
        left = left_without_document(register, left, others, source)
    if left:
        raise left_behind_error(document.path, left, named_office=len(register.agencies()) > 1)


def typed_number_holder(register: Register, agency: str, number: int, details: Details,
                        source: str) -> Entry | None:
    """The register row that holds `number`, typed in a document's data, for another document
    (in the document's year and sequence); None when the register does not hold it or holds it
    for this very document (store.holds_for)."""
    when = details.doc_date
    if when is None:
        return None
    details = completed(details)
    sequence = register.sequence_for(agency, details)
    row = register.entry(agency, when.year, number, sequence)
    if row is None or holds_for(row, details, source, register.workspace,
                                register.source_exists):
        return None
    return row


def refuse_taken_number(register: Register, document: LoadedDocument, source: str) -> None:
    """An InputError at the document's field `so` when the number it types is held in the
    register for another document (typed_number_holder); nothing for any other document."""
    number = getattr(document.info.data, "own_number", None)
    if (not isinstance(number, int) or document.number_from is not None
            or document.info.data.needs_number):
        return
    details = register_details(document)
    holder = typed_number_holder(register, document.info.data.co_quan, number, details, source)
    if holder is not None:
        raise taken_number_error(document.path, document.info.reference, holder)


def typed_request(document: LoadedDocument, source: str) -> TypedRequest | None:
    """What to record of a document whose data types its own number (so: 40), None for any
    other (so: tu_dong, a Giấy khen batch printing its decision's number, no number, or a
    number without a ký hiệu)."""
    data = document.info.data
    number = getattr(data, "own_number", None)
    if (not isinstance(number, int) or document.number_from is not None or data.needs_number
            or "/" not in document.info.reference):
        return None
    return TypedRequest(data.co_quan, number, register_details(document), source)


def order_warning(register: Register, entry: Entry, name: str,
                  before: Entry | None = None) -> str | None:
    """The build's warning (build.number_out_of_order) when `entry`, as the register now holds
    it, is dated before the number given before it in its sequence (Register.out_of_order): for
    a number new to the register (`before` None), or whose date changed from `before`'s (a
    document written again after its date was edited)."""
    notice = order_notice(register, entry, name, before)
    return notice.message() if notice is not None else None


def order_notice(register: Register, entry: Entry, name: str,
                 before: Entry | None = None) -> RenderError | None:
    """order_warning's warning as an error, to be said in either language (a form's)."""
    when = entry.details.doc_date
    if when is None or (before is not None and before.details.doc_date == when):
        return None
    earlier = register.out_of_order(entry)
    if earlier is not None:
        return RenderError("build.number_out_of_order", name=name, reference=entry.reference,
                           date=when.strftime("%d/%m/%Y"), earlier=earlier.describe())
    # A date edited to after the numbers given since: the row moves with it, out of order.
    later = register.dated_after_next(entry) if before is not None else None
    if later is None or before is None or before.details.doc_date is None:
        return None
    return RenderError("build.number_dated_after_later", name=name, reference=entry.reference,
                       date=when.strftime("%d/%m/%Y"), later=later.describe(),
                       old=before.details.doc_date.strftime("%d/%m/%Y"))


def typed_warnings(register: Register, done: TypedNumber, name: str) -> list[str]:
    """The warnings of a typed number just recorded: numbers it skipped, out of date order."""
    return [notice.message() for notice in typed_notices(register, done, name)]


def typed_notices(register: Register, done: TypedNumber, name: str) -> list[RenderError]:
    """typed_warnings' warnings as errors, to be said in either language (a form's)."""
    if done.entry is None:
        return []
    found = []
    entry = done.entry
    if done.skipped is not None and typed_before_vanthu(register, entry):
        found.append(RenderError("register.typed_number_before_vanthu", name=name,
                                 reference=entry.reference, year=entry.year,
                                 skipped=done.skipped))
    elif done.skipped is not None:
        found.append(RenderError("build.typed_number_skips", name=name,
                                 reference=entry.reference, command=entry.void_command(
                                     named_office=len(register.agencies()) > 1),
                                 following=f"{done.following:02d}",
                                 skipped=done.skipped))
    notice = order_notice(register, done.entry, name, done.before)
    if notice is not None:
        found.append(notice)
    return found


def typed_before_vanthu(register: Register, entry: Entry) -> bool:
    """Whether a typed number went into a year before the office numbered with vanthu, among
    numbers typed in data alone (checks.before_vanthu): the numbers it skipped are the old
    sổ's, so the build says to import it, not to vào sổ or hủy each of them."""
    # Imported here: the register's checks (kiem-tra's report) are for this refusal alone in a
    # build, which most builds never meet (~23 M instructions of import, its dataclasses).
    from pipeline.register.checks import before_vanthu

    rows = register.entries(entry.year, entry.agency, entry.sequence)
    return before_vanthu(rows, entry.year, register.numbered_since(entry.agency))


def left_behind_error(path: Path | str, rows: Sequence[Entry], *,
                      named_office: bool = False) -> InputError:
    """The refusal to number data file `path` anew while `rows` (Register.left_behind) hold
    numbers of its type and date whose data files are gone: it may be one of them renamed and
    edited, or a new document. Both ways out are said: type the number to keep it (holds_for
    takes it as the file's own), or void the number of a document really dropped (the line
    `so kiem-tra` gives; `named_office` when the register holds several offices)."""
    first = rows[0]
    when = first.details.doc_date.strftime("%d/%m/%Y") if first.details.doc_date else ""
    commands = [row.void_command(named_office=named_office) for row in rows]
    if len(rows) == 1:
        return InputError("register.number_left_behind", file=path, line=number_line(path),
                          field="so",
                          reference=first.reference, date=when, old=first.source or "",
                          number=first.number_text, command=commands[0])
    return InputError("register.numbers_left_behind", file=path, line=number_line(path),
                      field="so", date=when,
                      count=len(rows),
                      rows=", ".join(f"{row.reference} ({row.source})" for row in rows),
                      commands="; ".join(commands))


def other_run_error(register: Register, path: Path | str, details: Details,
                    row: Entry) -> InputError:
    """The refusal to number data file `path` (its columns now, `details`) while its own row
    `row` holds a number of another year or sequence (Register.held_in_other_run: its date
    moved to another year, or its type to another run), at its `ngay:` line when the year
    moved, else at its `so:` line: keep the issued document as numbered, or void the number
    to give the new one a new number."""
    details = completed(details)
    when = details.doc_date
    assert when is not None  # held_in_other_run finds no row for an undated document
    field = "ngay" if when.year != row.year else "so"
    return InputError(
        "register.number_in_other_run", file=path, line=field_line(path, field), field=field,
        existing=row.describe(), year=row.year, sequence=row.sequence,
        date=when.strftime("%d/%m/%Y"), new_year=when.year,
        new_sequence=register.sequence_for(row.agency, details),
        command=row.void_command(named_office=len(register.agencies()) > 1))


def unclear_holder_error(path: Path | str, row: Entry, files: Sequence[str], *,
                         named_office: bool = False) -> InputError:
    """The refusal to number data file `path` while which document issued row `row` is
    cannot be told (Register.renamed_rows): its data file now records another document, and
    `files` record the one it was issued for, or the file taking it would leave its own number
    without a document. A number stays with its issued document: keep one file recording it
    (remove or edit the copies), or void the number of a document never issued. When the
    row's data file is gone (holder_gone: `files` are the file renamed and its copies,
    Register.copies_of_renamed), the copy is to be deleted, or edited to take its own
    number (the renamed file then keeps the row in the same build: left_without_document)."""
    if holder_gone(path, row):
        return InputError(
            "register.renamed_copies_unclear", file=path, line=number_line(path), field="so",
            existing=row.describe(), old=row.source or "", files=", ".join(files))
    return InputError(
        "register.number_holder_unclear", file=path, line=number_line(path), field="so",
        existing=row.describe(), old=row.source or "", files=", ".join(files) or row.source or "",
        command=row.void_command(named_office=named_office))


def holder_gone(path: Path | str, row: Entry) -> bool:
    """Whether the data file register row `row` names is gone from the workspace of data file
    `path` (as Register.source_exists judges it: a file that cannot be looked at is there)."""
    from pipeline.workspace.core import Workspace

    if row.source is None:
        return False
    try:
        root = Workspace.containing(Path(path)).root
    except VanthuError:
        return False
    return not data_file_exists(root)(row.source)


def refuse_other_run(register: Register, document: LoadedDocument, details: Details,
                     source: str) -> None:
    """As the build refuses it (builder.refuse_other_runs): a document asking for its
    number while its data file's number is of another year or sequence than it now belongs
    in (other_run_error)."""
    row = register.held_in_other_run(document.info.data.co_quan, details, source)
    if row is not None:
        raise other_run_error(register, document.path, details, row)


def typed_ahead_error(path: Path | str, reference: str, number: int, following: int,
                      gap: Sequence[int], earlier: Sequence[str], *,
                      allowed: bool = False) -> InputError:
    """The refusal of data file `path` typing `number` (`reference`) past the register's next
    number `following`, leaving the numbers `gap`, while so: tu_dong documents `earlier`
    (their data files, by date) dated before it would be numbered after it (builder.
    refuse_typed_ahead); `allowed` (build --bo-qua-so): the warning that they were."""
    shown_names = first_named(earlier, 5)
    first, last = gap[0], gap[-1]
    skipped = f"{first:02d}" if first == last else f"{first:02d}–{last:02d}"
    key = "register.typed_ahead_allowed" if allowed else "register.typed_ahead"
    return InputError(key, file=path, line=number_line(path), field="so", reference=reference,
                      number=f"{number:02d}", following=f"{following:02d}", skipped=skipped,
                      count=len(earlier), documents=shown_names)


def taken_number_error(path: Path | str, reference: str, holder: Entry) -> InputError:
    """The refusal of a data file typing number `reference` that `holder` holds, at the line
    of its `so:` as every other field's error is; a `holder` voided (`vanthu so huy`, perhaps
    this very file's number) is said as such: held for no document, never to be used again."""
    key = "register.typed_number_voided" if holder.status is Status.VOID else \
        "register.typed_number_taken"
    return InputError(key, file=path, line=number_line(path), field="so", number=reference,
                      existing=holder.describe())
