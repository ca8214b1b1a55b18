"""Sổ đăng ký văn bản đi: the office's register of outgoing documents and their numbers.

Numbers run from 01 on 1 January to 31 December, per office (agency id) and per sequence (one
"chung" run by default; an office's `SequencePlan` may number e.g. Quyết định apart). The register
lives in one SQLite file (`default_register_path(root)`) or, shared by clerks, on PostgreSQL
(`postgresql://` URL); `VANTHU_DB` names it when the caller does not. Every allocation is one
transaction that locks the sequence's counter row, so two clerks never get one number, and
holds the office's numbering plan while it numbers by it, so a plan change (`set_plan`) waits
for it and it for the change (Backend.lock_plans); a number once in the register stays there
(used, reserved or void with its reason).

Numbering a document from render/build::

    from pipeline.register import Details, open_register

    with open_register(root=workspace_root) as register:
        details = Details(doc_date=..., type_code="QĐ", symbol="QĐ-VPUBND", summary=...,
                          signer=..., recipients=..., archive=..., copies=...)
        with register.numbering("van-phong-ubnd-son-la", details, source="2026/qd-x.yaml") as entry:
            write_document(number=entry.number)   # entry.reference == "05/QĐ-VPUBND"

`numbering` allocates (or, for a source that already holds a number, returns that entry so a
re-render keeps its number; with `source_exists`, as `Registers.open(..., root=)` sets it, a
renamed or moved data file takes over its old number), commits, and yields the entry; when
the block ends it confirms the row (pending → issued, details stored); when the block raises, a
number this render was given is recorded as void with the error as reason and the error
propagates. The same steps are available one by one: `allocate` → `confirm` or `void_entry`.

Other operations: `reserve` (giữ số), `void` (hủy số), `record` (a typed number; a duplicate is
refused naming the row that holds it), `entries` (a year's rows), `by_reference` (for verify),
`checks.check_year` (gaps, duplicates), `xlsx_export.export_xlsx`, `xlsx_import.import_xlsx`,
`docx_export.export_docx`, `recovery.restore_recorded` (numbers an older copy of the register
lacks, entered again from the manifests: `vanthu so khoi-phuc`; no new number of the year until
the clerk confirms the restore, restorations.py); the form and its sources:
so-dang-ky-van-ban-di.md.
"""

from pipeline.register.errors import DuplicateNumberError, RegisterError, RegisterImportError
from pipeline.register.location import (
    Registers,
    default_register_path,
    open_register,
    resolve_location,
)
from pipeline.register.model import Details, Entry, Origin, Status
from pipeline.register.sequences import DEFAULT_SEQUENCE, SequencePlan
from pipeline.register.store import Register

__all__ = [
    "DEFAULT_SEQUENCE",
    "Details",
    "DuplicateNumberError",
    "Entry",
    "Origin",
    "Register",
    "RegisterError",
    "RegisterImportError",
    "Registers",
    "SequencePlan",
    "Status",
    "default_register_path",
    "open_register",
    "resolve_location",
]
