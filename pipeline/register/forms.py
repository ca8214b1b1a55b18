"""Numbering a form: a document a program (a web portal) holds, numbered from the office's sổ.

A data file's register row names that file (its `source`), and the register's rules read the
name: the same file asking again keeps its number (Register.allocate), and a row whose file is
gone is a number left without its document (`so kiem-tra` names the row). A form has no data
file, so the workspace keeps a record of each form numbered, FORMS_DIR/<identifier>.json, and
the form's row names that record: the identifier the program gives it (its own id of the
document), its Số, ký hiệu, date and trích yếu, and where the program keeps the document
(`kept_at`). The rules then hold as they are: the same identifier keeps its number, a clerk's
files are numbered after it, and a record removed says the document is gone (`so kiem-tra`
names it; its number is voided with `vanthu so huy` or void_form). A record is JSON, never a
data file: a build does not take it for a document, even in a workspace whose data folder is
its root.

The number is given as `vanthu render` gives it (documents.numbered): from the register the
workspace numbers in (documents.workspace_register: the same sequences and ký hiệu, and on a
shared register the workspace's identity), with the same row (documents.register_details:
date, trích yếu, signer, Nơi nhận, bản lưu, copies), confirmed once the record is written and
voided when it cannot be. A form typing its own number (so: 40) is checked and entered as
render and build check and enter a data file's (documents.refuse_taken_number, Register.
record_typed): a number the sổ holds for another document is refused. A form is refused the
number of a year a switched register lacks (switched.unmigrated), as render and build refuse a
data file; and, as render refuses a data file, an issued number's signer or type changed
(documents.changed_signer): the paper signed under it says otherwise. A number voided since
(`so huy`) is replaced by a new one, said in the warnings as the build says it.

One thing differs, because a form is no data file: a form's record and a data file are never
taken one for the other (store.is_form_record). A clerk's data file never takes over the
number of a form whose record is away (Register.adopt_moved), nor is refused for it
(Register.left_behind), and a form never takes a gone data file's number.
"""

from __future__ import annotations

import json
import os
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import InputError, RenderError, UsageError, VanthuError
from pipeline.i18n import t
from pipeline.load.contract import LoadedDocument
from pipeline.patterns import lazy
from pipeline.register.documents import (
    changed_signer,
    document_year,
    numbered,
    printed_signer,
    refuse_taken_number,
    register_details,
    signer_corrected_notice,
    taken_number_error,
    typed_notices,
    typed_request,
    unmigrated_errors,
    with_number,
    workspace_register,
)
from pipeline.register.errors import RegisterError
from pipeline.register.location import Registers
from pipeline.register.model import Entry, Status
from pipeline.register.restore import read_recorded
from pipeline.register.rows import completed
from pipeline.register.store import FORM_RECORD_SUFFIX, FORMS_DIR, VOID_REASON, Register
from pipeline.render.output import write_atomic

if TYPE_CHECKING:
    from pipeline.workspace.core import Workspace

RECORD_SUFFIX = FORM_RECORD_SUFFIX
# A form's identifier names its record: a plain file name, the same on every system.
_identifier = lazy(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# Names Windows keeps for its devices, whatever follows a dot (NUL.json is no file there).
_DEVICE_NAMES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)),
                           *(f"LPT{n}" for n in range(10))})
# Why a form's former number is voided when it is numbered anew (the sổ is in Vietnamese).
RENUMBERED_REASON = "register.form_renumbered"


@dataclass(frozen=True)
class NumberedForm:
    """A form numbered from the register (number_form): the document carrying its number,
    ready for Renderer.render; its Số, ký hiệu; the record its register row names; and the
    warnings the build would give of its number (dated before the number given before it, a
    number given to a copy of a document the sổ holds, a number voided since and replaced, a
    typed number skipping numbers, an identity written for a shared register), each a
    VanthuError: `message(lang)` and `detail(lang)` say it in "vi" or "en", `key` and
    `params` let a program word it its own way."""

    document: LoadedDocument
    number: str
    record: Path
    warnings: tuple[VanthuError, ...] = ()

    def messages(self, lang: str | None = None) -> tuple[str, ...]:
        """The warnings in `lang` ("vi", "en"; None: the process's language)."""
        return tuple(warning.message(lang) for warning in self.warnings)


def form_source(identifier: str) -> str:
    """How the register names the form `identifier` (its record, relative to the workspace:
    bieu-mau/<identifier>.json); a UsageError for an identifier that is no plain file name,
    or names a Windows device (CON, NUL, COM1...: no file can bear it there), a TypeError
    for one that is no str."""
    if not isinstance(identifier, str):
        raise TypeError(f"a form's identifier is a str, not {type(identifier).__name__}: "
                        f"give str({identifier!r})")
    if _identifier().fullmatch(identifier) is None:
        raise UsageError("register.form_identifier", identifier=identifier, folder=FORMS_DIR)
    if identifier.split(".", 1)[0].upper() in _DEVICE_NAMES:
        raise UsageError("register.form_identifier_device", identifier=identifier)
    return f"{FORMS_DIR}/{identifier}{RECORD_SUFFIX}"


def refuse_case_twin(workspace: Workspace, identifier: str) -> None:
    """A UsageError when a record of the workspace bears `identifier` but for case (ABC and
    abc): one file on Windows and macOS, where the second would write over the first's."""
    wanted = f"{identifier}{RECORD_SUFFIX}"
    try:
        names = os.listdir(workspace.root / FORMS_DIR)
    except OSError:  # no record yet, or none readable: nothing to collide with
        return
    for name in names:
        if name != wanted and name.casefold() == wanted.casefold():
            raise UsageError("register.form_identifier_case", identifier=identifier,
                             other=name[: -len(RECORD_SUFFIX)], folder=FORMS_DIR)


def number_form(
    workspace: Workspace, document: LoadedDocument, identifier: str, *,
    kept_at: str | None = None, new_number: bool = False, correct_signer: bool = False,
) -> NumberedForm:
    """Give form `document` (Workspace.load_mapping, so: tu_dong) its number from the
    workspace's register, as `vanthu render` numbers a data file (see above), under
    `identifier`, the program's own id of it: the same identifier asking again keeps its
    number (its row follows what the form says now), unless `new_number`, which voids that
    number first. A form typing its number (so: 40) has it checked and entered in the sổ:
    refused when the sổ holds it for another document. `kept_at`: where the program keeps
    the issued document (a URL, a path), said in the record. Refused (InputError at the
    field): a number issued with another signer (unless `correct_signer`: the sổ was wrong,
    the paper not yet signed; its row takes the new one) or as another type. A UsageError
    for a form that asks for no number (none, a Giấy khen batch printing its decision's) or
    an identifier that is no plain file name."""
    if not isinstance(document, LoadedDocument):
        raise TypeError(f"number_form takes a loaded document, not {type(document).__name__}: "
                        "load the form's data first with workspace.load_mapping(data)")
    source = form_source(identifier)
    data = document.info.data
    typed = typed_request(document, source)
    if document.number_from is not None or not (data.needs_number or typed is not None):
        raise UsageError("register.form_not_automatic", identifier=identifier,
                         so="" if data.so is None else data.so)
    refuse_case_twin(workspace, identifier)
    record = workspace.root / source
    notices: list[VanthuError] = []
    with ExitStack() as stack:
        register = form_register(stack, workspace, notices)
        held = register.by_source(data.co_quan, source)
        replaced = register.last_voided(data.co_quan, source) if held is None else None
        if held is not None and new_number:
            register.void_entry(held, t(RENUMBERED_REASON, lang="vi", identifier=identifier))
            held = replaced = None
        if held is not None:
            corrected = refuse_changed_form(register, document, identifier, held,
                                            correct_signer)
            if corrected is not None:
                notices.append(corrected)
        if typed is not None:
            done = enter_typed(register, document, identifier, held, notices)
            write_atomic(record, form_record(done, identifier, kept_at))
            return NumberedForm(done, done.info.reference, record, tuple(notices))
        if held is None:
            refuse_unmigrated(workspace, register, document)
        try:
            with numbered(register, document, source, notices) as done:
                write_atomic(record, form_record(done, identifier, kept_at))
        except RegisterError as error:
            if error.key != "register.source_elsewhere":
                raise
            raise RegisterError("register.form_elsewhere", identifier=identifier,
                                existing=error.params["existing"],
                                year=error.params["year"]) from None
    notice = voided_notice(replaced, identifier, done.info.reference)
    if notice is not None:
        notices.insert(0, notice)
    return NumberedForm(done, done.info.reference, record, tuple(notices))


def form_register(stack: ExitStack, workspace: Workspace, notes: list[VanthuError]) -> Register:
    """The register `workspace` numbers in (closed with `stack`), as render opens it, but
    knowing no data file: a clerk's file gone is never a form renamed (see above)."""
    register = workspace_register(Registers(stack), workspace, notices=notes)
    register.source_exists = None
    return register


def refuse_changed_form(register: Register, document: LoadedDocument, identifier: str,
                        held: Entry, correct_signer: bool) -> RenderError | None:
    """As render refuses a data file written again (documents.changed_signer): an InputError
    when the number the form `identifier` holds, issued (`held`), was issued as another type
    (the paper printed another ký hiệu) or with another signer than the form now gives, at
    the form's field; its way out is a new number (new_number=True). A signer corrected
    (`correct_signer`: the sổ was wrong, the document not yet signed) is the notice saying
    so; None when nothing changed."""
    if held.status is not Status.ISSUED:
        return None
    details = completed(register_details(document))
    if completed(held.details).type_code != details.type_code:
        now = with_number(document, held.number).info.reference
        raise InputError("register.form_type_changed", file=document.path, field="loai",
                         identifier=identifier, reference=held.reference, now=now,
                         date=_day(held))
    found = changed_signer(register, document, form_source(identifier))
    if found is None:
        return None
    row, now_details = found
    if correct_signer:
        return signer_corrected_notice(identifier, row, now_details,
                                       key="register.form_signer_corrected")
    # Like with like: a row that records the name alone is compared on the name alone.
    shown_now = now_details if row.details.signer_title else replace(now_details,
                                                                     signer_title=None)
    raise InputError("register.form_signer_changed", file=document.path, field="nguoi_ky",
                     identifier=identifier, reference=row.reference, date=_day(row),
                     held=printed_signer(row.details), now=printed_signer(shown_now),
                     key=document.info.data.nguoi_ky)


def _day(entry: Entry) -> str:
    when = entry.details.doc_date
    return when.strftime("%d/%m/%Y") if when is not None else ""


def enter_typed(register: Register, document: LoadedDocument, identifier: str,
                held: Entry | None, notices: list[VanthuError]) -> LoadedDocument:
    """Vào sổ the number form `identifier` types (so: 40), as render and build enter a data
    file's: refused when the sổ holds it for another document (refuse_taken_number), or when
    the identifier holds another number (its paper printed that one: new_number=True voids
    it); the build's warnings (numbers skipped, out of date order) added to `notices`."""
    source = form_source(identifier)
    request = typed_request(document, source)
    assert request is not None
    if held is not None and (held.number, held.year) != (request.number,
                                                         document_year(document)):
        raise InputError("register.form_number_changed", file=document.path, field="so",
                         identifier=identifier, existing=held.reference,
                         number=document.info.reference)
    refuse_taken_number(register, document, source)
    (done,) = register.record_typed([request])
    if done.holder is not None:  # taken between the check and now
        raise taken_number_error(document.path, document.info.reference, done.holder)
    notices.extend(typed_notices(register, done, source))
    return document


def voided_notice(voided: Entry | None, identifier: str, reference: str) -> RenderError | None:
    """The warning for form `identifier` numbered `reference` now while its former number
    (`voided`) was voided since (`so huy`, void_form), as the build says it of a data file: a
    copy printed or signed carries the void number. None when there was none, or it was voided
    only because its record could not be written (the program was never given it)."""
    if voided is None or voided.void_reason == t(VOID_REASON, lang="vi"):
        return None
    return RenderError("register.form_voided_renumbered", identifier=identifier,
                       old=voided.reference, reason=voided.void_reason or "", new=reference)


def void_form(workspace: Workspace, identifier: str, reason: str) -> Entry:
    """Hủy số: void the number form `identifier` holds, with `reason` (kept in the sổ), as
    `vanthu so huy` does; its record says so (da_huy, ly_do_huy), and the same identifier
    asking again is given a new number, with a warning. The voided row is returned. A
    UsageError when the identifier holds no live number; a RegisterError for an empty
    reason."""
    source = form_source(identifier)
    record = workspace.root / source
    with ExitStack() as stack:
        register = form_register(stack, workspace, [])
        kept = read_record(record).get("co_quan")
        offices = [kept] if isinstance(kept, str) else register.agencies()
        held = next((row for office in offices
                     if (row := register.by_source(office, source)) is not None), None)
        if held is None:
            raise UsageError("register.form_not_numbered", identifier=identifier)
        voided = register.void_entry(held, reason)
    mark_record_void(record, voided)
    return voided


def read_record(record: Path) -> dict[str, Any]:
    """A form's record as written (form_record); {} when it is gone or unreadable."""
    try:
        found = json.loads(record.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def mark_record_void(record: Path, entry: Entry) -> bool:
    """Write into form record `record` that its number (`entry`, just voided) is void, and
    why, so that a program listing its records shows it void; only when the record still
    names that number (a record gone, or naming a newer number, is left alone). Whether it
    was written."""
    found = read_record(record)
    if found.get("so_ky_hieu") != entry.reference:
        return False
    found.update(da_huy=True, ly_do_huy=entry.void_reason or "")
    try:
        write_atomic(record, _record_bytes(found))
    except OSError:  # the void stands in the sổ, which is what counts; the record lags
        return False
    return True


def refuse_unmigrated(workspace: Workspace, register: Register,
                      document: LoadedDocument) -> None:
    """As render and build refuse a data file: a new number of a year whose numbers the
    workspace's manifests, or its old register file, show and the register in use lacks (it
    was switched and not moved over: it would start again at 01). Manifests that cannot be
    read show nothing, as render takes them (restore.read_recorded)."""
    errors = unmigrated_errors(workspace, read_recorded(workspace),
                               [(document.path, document_year(document))],
                               lambda: register, {document.path: document.info.data.co_quan})
    for error in errors.values():
        raise error


def form_record(document: LoadedDocument, identifier: str, kept_at: str | None) -> bytes:
    """The record of a numbered form (see above), JSON in UTF-8, keys as the data's."""
    data = document.info.data
    record = {
        "ma_bieu_mau": identifier,
        "so_ky_hieu": document.info.reference,
        "ngay": data.ngay.strftime("%d/%m/%Y"),
        "co_quan": data.co_quan,
        "loai": data.loai,
        "trich_yeu": data.trich_yeu,
        "noi_luu": kept_at,
    }
    return _record_bytes(record)


def _record_bytes(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
