"""Numbering a form: a document a program (a web portal) holds, numbered from the office's sổ.

A data file's register row names that file (its `source`), and the register's rules read the
name: the same file asking again keeps its number (Register.allocate), and a row whose file is
gone is a number left without its document (build refuses a clerk's next file of the same type
and date, Register.left_behind; `so kiem-tra` names the row). A form has no data file, so the
workspace keeps a record of each form numbered, FORMS_DIR/<identifier>.json, and the form's
row names that record: the identifier the program gives it (its own id of the document), its
Số, ký hiệu, date and trích yếu, and where the program keeps the document (`kept_at`). The
rules then hold as they are: the same identifier keeps its number, a clerk's files are
numbered after it, and a record removed says the document is gone (its number is then voided
with `vanthu so huy`, as a dropped data file's is). A record is JSON, never a data file: a
build does not take it for a document, even in a workspace whose data folder is its root.

The number is given as `vanthu render` gives it (documents.numbered): from the register the
workspace numbers in (documents.workspace_register: the same sequences and ký hiệu, and on a
shared register the workspace's identity), with the same row (documents.register_details:
date, trích yếu, signer, Nơi nhận, bản lưu, copies), confirmed once the record is written and
voided when it cannot be. A form is refused the number of a year a switched register lacks
(switched.unmigrated), as render and build refuse a data file. One thing differs, because a
form is no data file: a clerk's data file that is gone is never taken for this form renamed,
so the form neither takes its number over (Register.adopt_moved) nor is refused for it
(Register.left_behind), as on a register clerks share.
"""

from __future__ import annotations

import json
import re
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import UsageError, VanthuError
from pipeline.i18n import t
from pipeline.load.contract import LoadedDocument
from pipeline.register.documents import (
    document_year,
    numbered,
    unmigrated_errors,
    workspace_register,
)
from pipeline.register.location import Registers
from pipeline.register.store import Register
from pipeline.render.output import write_atomic

if TYPE_CHECKING:
    from pipeline.workspace.core import Workspace

# The folder of the workspace holding a record of each form numbered (see above).
FORMS_DIR = "bieu-mau"
RECORD_SUFFIX = ".json"
# A form's identifier names its record: a plain file name, the same on every system.
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# Why a form's former number is voided when it is numbered anew (the sổ is in Vietnamese).
RENUMBERED_REASON = "register.form_renumbered"


@dataclass(frozen=True)
class NumberedForm:
    """A form numbered from the register (number_form): the document carrying its number,
    ready for Renderer.render; its Số, ký hiệu; the record its register row names; and the
    warnings the build would give of its number (dated before the number given before it, a
    number given to a copy of a document the sổ holds, an identity written for a shared
    register)."""

    document: LoadedDocument
    number: str
    record: Path
    warnings: tuple[str, ...] = ()


def form_source(identifier: str) -> str:
    """How the register names the form `identifier` (its record, relative to the workspace:
    bieu-mau/<identifier>.json); a UsageError for an identifier that is no plain file name."""
    if not isinstance(identifier, str) or _IDENTIFIER.fullmatch(identifier) is None:
        raise UsageError("register.form_identifier", identifier=identifier, folder=FORMS_DIR)
    return f"{FORMS_DIR}/{identifier}{RECORD_SUFFIX}"


def number_form(
    workspace: Workspace, document: LoadedDocument, identifier: str, *,
    kept_at: str | None = None, new_number: bool = False,
) -> NumberedForm:
    """Give form `document` (Workspace.load_mapping, so: tu_dong) its number from the
    workspace's register, as `vanthu render` numbers a data file (see above), under
    `identifier`, the program's own id of it: the same identifier asking again keeps its
    number (its row follows what the form says now), unless `new_number`, which voids that
    number first. `kept_at`: where the program keeps the issued document (a URL, a path), said
    in the record. A UsageError for a form that asks for no number (a typed so:, none, a Giấy
    khen batch printing its decision's) or an identifier that is no plain file name."""
    if not isinstance(document, LoadedDocument):
        raise TypeError(f"number_form takes a loaded document, not {type(document).__name__}: "
                        "load the form's data first with workspace.load_mapping(data)")
    data = document.info.data
    if not data.needs_number or document.number_from is not None:
        raise UsageError("register.form_not_automatic", identifier=identifier,
                         so="" if data.so is None else data.so)
    source = form_source(identifier)
    record = workspace.root / source
    warnings: list[str] = []
    with ExitStack() as stack:
        register = form_register(stack, workspace, warnings)
        held = register.by_source(data.co_quan, source)
        if held is not None and new_number:
            register.void_entry(held, t(RENUMBERED_REASON, lang="vi", identifier=identifier))
            held = None
        if held is None:
            refuse_unmigrated(workspace, register, document)
        with numbered(register, document, source, warnings) as done:
            write_atomic(record, form_record(done, identifier, kept_at))
    return NumberedForm(done, done.info.reference, record, tuple(warnings))


def form_register(stack: ExitStack, workspace: Workspace, notes: list[str]) -> Register:
    """The register `workspace` numbers in (closed with `stack`), as render opens it, but
    knowing no data file: a clerk's file gone is never a form renamed (see above)."""
    register = workspace_register(Registers(stack), workspace, notes)
    register.source_exists = None
    return register


def refuse_unmigrated(workspace: Workspace, register: Register,
                      document: LoadedDocument) -> None:
    """As render and build refuse a data file: a new number of a year whose numbers the
    workspace's manifests, or its old register file, show and the register in use lacks (it
    was switched and not moved over: it would start again at 01). Manifests that cannot be
    read show nothing, as render takes them."""
    from pipeline.batch.discover import Layout
    from pipeline.batch.recorded import Recorded

    try:
        recorded = Recorded.read(Layout(workspace))
    except (OSError, ValueError, VanthuError):
        recorded = Recorded()
    errors = unmigrated_errors(workspace, recorded, [(document.path, document_year(document))],
                               lambda: register)
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
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
