"""vanthu verify: check any .docx against the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I and III.

    report = verify_file(Path("ke-hoach.docx"))            # type read from the title
    report = verify_file(path, "quyet_dinh")                # or given
    report = verify_file(Path("templates/ke-hoach.docx"), template=True)
    for violation in report.violations: print(violation.line())

A template is checked for layout only: tags stand for text, control paragraphs ({%p %}) are left
out, elements a template includes from elsewhere are not required, text rules are skipped.
A shared block (templates/khoi/*.docx) is a fragment of a page, not a document: only the rules
on every run, its tables' widths on the page, the space for the seal in a signature it holds
and, in a block holding the header table (khoi/dau-trang), the Quốc hiệu and Tiêu ngữ every
document prints from it apply to it; the rest of its layout is checked where it prints, in every
rendered document.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import InputError
from pipeline.phrase import Phrase
from pipeline.rules.doc_types import DocumentType, document_types
from pipeline.verify.document import Document, read_document
from pipeline.verify.layout import Layout, find_layout
from pipeline.verify.report import Location, Report, Violation
from pipeline.verify.rules_addressed import check_addressed
from pipeline.verify.rules_amounts import check_amounts
from pipeline.verify.rules_body import check_body
from pipeline.verify.rules_borders import check_borders
from pipeline.verify.rules_certificate import CODE as CERTIFICATES
from pipeline.verify.rules_certificate import check_certificates, is_certificate_batch
from pipeline.verify.rules_decision import check_decision
from pipeline.verify.rules_header import check_header, check_header_block, check_title
from pipeline.verify.rules_header_profile import check_header_profile
from pipeline.verify.rules_invitation import check_invitation
from pipeline.verify.rules_minutes import check_minutes
from pipeline.verify.rules_order import check_part_order
from pipeline.verify.rules_page import check_page_numbers, check_pages, check_table_widths
from pipeline.verify.rules_seal import check_block_seal_space
from pipeline.verify.rules_signature import check_appendices, check_recipients, check_signature
from pipeline.verify.rules_template_tags import check_template_tags
from pipeline.verify.rules_text import check_fonts, check_text
from pipeline.verify.rules_title_breaks import check_title_breaks

__all__ = [
    "CHECKS",
    "Location",
    "Report",
    "Violation",
    "resolve_type",
    "type_choices",
    "verify_document",
    "verify_file",
    "verify_files",
]

Check = Callable[[Document, Layout, Report], None]

BLOCKS_FOLDER = "khoi"

# In the order a reader meets them: page, every run, header, title, body, signature, appendix.
CHECKS: tuple[Check, ...] = (
    check_pages,
    check_table_widths,
    check_page_numbers,
    check_fonts,
    check_text,
    check_header,
    check_header_profile,
    check_title,
    check_title_breaks,
    check_body,
    check_decision,
    check_addressed,
    check_invitation,
    check_minutes,
    check_recipients,
    check_signature,
    check_borders,
    check_appendices,
    check_amounts,
    # Last: it takes back the "missing" a misplaced part made the rules above report.
    check_part_order,
)


# A shared block's signature (khoi/ky-ten) is where an office sets the space for the seal;
# the header's and the signature's tables are drawn in their blocks (khoi/dau-trang, ky-ten).
# The header table's block is where every document's Quốc hiệu and Tiêu ngữ come from: an office
# that replaces them there (a Đoàn's own name) fails every output's quoc_hieu.missing, said here
# once, at the block. Any block holding a header table (its Quốc hiệu, or the agency's tag in a
# row of two cells) gets them, not only khoi/dau-trang by name: khoi/dau-kem-theo heads the
# parts a decision issues, and an office may name its own header block otherwise.
FRAGMENT_CHECKS: tuple[Check, ...] = (
    check_table_widths,
    check_fonts,
    check_header_block,
    check_block_seal_space,
    check_borders,
)


def type_choices() -> list[str]:
    """Document type codes as the command line spells them: ke-hoach, quyet-dinh, ..."""
    return [code.replace("_", "-") for code in document_types()]


def resolve_type(doc_type: str | DocumentType | None) -> DocumentType | None:
    """A DocumentType from a code ('ke_hoach' or 'ke-hoach'); InputError when unknown."""
    if doc_type is None or isinstance(doc_type, DocumentType):
        return doc_type
    code = doc_type.strip().lower().replace("-", "_")
    types = document_types()
    if code not in types:
        raise InputError("verify.unknown_type", type=doc_type, known=", ".join(type_choices()))
    return types[code]


def verify_document(
    doc: Document,
    doc_type: str | DocumentType | None = None,
    *,
    template: bool = False,
    fragment: bool = False,
) -> Report:
    """Run every check on a document already read (only the run rules on a `fragment`)."""
    resolved = resolve_type(doc_type)
    batch = resolved.code == CERTIFICATES if resolved else is_certificate_batch(doc)
    if batch and not fragment:
        # A phôi's fields are not Phụ lục I's elements: the batch has rules of its own, and the
        # text rules of every document (no template tag left, NFC, no TCVN3/VNI text). Not
        # Phụ lục I's Times New Roman in black: a phôi may print its fields in its own font
        # and colour.
        report = Report(doc.path, CERTIFICATES, template)
        check_certificates(doc, report)
        check_text(doc, Layout(template=template), report)
        return report
    if template:
        broken = Report(doc.path, resolved.code if resolved else None, template)
        if check_template_tags(doc, broken):
            return broken  # its layout is read by its tags: a broken one misreads it
    layout = find_layout(doc, resolved, template)
    report = Report(doc.path, layout.type_code, template)
    for check in FRAGMENT_CHECKS if fragment else CHECKS:
        check(doc, layout, report)
    return report


def verify_file(
    path: str | Path, doc_type: str | DocumentType | None = None, *, template: bool = False
) -> Report:
    """Check one .docx against Phụ lục I; `doc_type` None: detected from the title.

    With `template`, only the layout rules run (see the module docstring), and a template named
    after a type (quyet-dinh.docx) is read as that type.
    """
    path = Path(path)
    if path.suffix.lower() not in (".docx", ".docm", ".dotx"):
        if not path.exists():  # a folder or file mistyped: not there, whatever its name
            raise InputError("verify.no_file", file=path)
        reason = path.suffix or Phrase("verify.reason_no_suffix")
        raise InputError("verify.not_docx", file=path, reason=reason)
    if template and doc_type is None and path.stem in type_choices():
        doc_type = path.stem  # a template is named after the type it serves: quyet-dinh.docx
    fragment = template and path.parent.name == BLOCKS_FOLDER
    return verify_document(read_document(path), doc_type, template=template, fragment=fragment)


def verify_files(
    paths: list[Path], doc_type: str | DocumentType | None = None, *, template: bool = False
) -> list[Report]:
    """One report per file, in order; a file that cannot be read gets a report with its error
    (Report.error) and the others are still checked."""
    resolved = resolve_type(doc_type)  # an unknown type is the caller's error, not a file's
    reports = []
    for path in paths:
        try:
            reports.append(verify_file(path, resolved, template=template))
        except InputError as exc:
            reports.append(Report.unreadable(Path(path), exc, template=template))
        except Exception as exc:  # a bug met in one file: said at that file, the others checked
            reports.append(Report.unreadable(Path(path), _failed(path, exc), template=template))
    return reports


def _failed(path: Path, exc: Exception) -> InputError:
    """The error line of a file whose check failed in vanthu itself (a bug, memory run out):
    named as vanthu's, not the file's, with the exception's name; the traceback on stderr
    with VANTHU_DEBUG, as the command line shows one."""
    if os.environ.get("VANTHU_DEBUG"):
        traceback.print_exception(exc)
    return InputError("verify.internal_error", file=path, reason=f"{type(exc).__name__}: {exc}")
