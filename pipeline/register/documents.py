"""A document and its row in the register: the columns vanthu fills in, the number it is given.

`numbered` gives a document whose data says `so: tu_dong` the next number of its office's
register for the time it takes to write it: the row is confirmed when the block ends, voided with
the error as reason when it raises (see Register.numbering). A document that already holds a
number for the same data file keeps it; so does one whose data file was renamed or moved, when
the register was opened for its workspace (Register.adopt_moved). Other documents pass through
unchanged.

`typed_number_holder` and `refuse_taken_number` look at a number the data types itself
(`so: 40`): the register row holding it for another document refuses the document (see
`holds_for_this` for when a row is the document's own); a number the register does not hold is
left alone, as render and build record no typed number.

`lent_number` gives a document that prints another's number (a Giấy khen batch, its decision's:
`LoadedDocument.number_from`) the number the register holds for that data file, named as
render and build name it (Workspace.name_of); it never allocates one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from pipeline.context.addressing import addressee_names
from pipeline.context.common import filing_line, recipient_lines
from pipeline.errors import InputError
from pipeline.load.contract import LoadedDocument
from pipeline.register.model import Details, Entry, Status
from pipeline.register.rows import completed
from pipeline.register.store import Register

_ABOUT = re.compile(r"^Về(?= việc\b)")


def register_details(document: LoadedDocument) -> Details:
    """The register's columns for `document`: date, type and trích yếu, signer, recipients, bản
    lưu, copies."""
    info = document.info
    data = info.data
    symbol = info.reference.split("/", 1)[1]
    return Details(
        doc_date=data.ngay,
        type_code=info.doc_type.abbreviation or None,
        symbol=symbol,
        summary=named_summary(info.doc_type.name, data.trich_yeu),
        signer=info.signer.ho_ten,
        recipients="; ".join(
            unique_names(addressee_names(data.addressees) + recipient_lines(data, info.agency))
        ),
        archive=re.sub(r"^\s*Lưu\s*:\s*", "", filing_line(info)).rstrip(". "),
        copies=data.so_ban,
    )


def named_summary(kind_name: str, trich_yeu: str) -> str:
    """Tên loại và trích yếu: 'Quyết định về việc ...'; a trích yếu opening with 'Về việc'
    continues the kind's name, so that word alone is lower-cased."""
    text = _ABOUT.sub("về", unicodedata.normalize("NFC", " ".join(trich_yeu.split())), count=1)
    return f"{kind_name} {text}"


def unique_names(names: list[str]) -> list[str]:
    """Nơi nhận names in order, each once: Kính gửi and Nơi nhận often name the same office
    (compared without case, spacing or a closing mark)."""
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        key = " ".join(unicodedata.normalize("NFC", name).rstrip(" .;,").split()).casefold()
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def with_number(document: LoadedDocument, number: int) -> LoadedDocument:
    """The same document carrying `number`."""
    data = document.info.data.model_copy(update={"so": number})
    return replace(document, info=replace(document.info, data=data))


@contextmanager
def numbered(register: Register, document: LoadedDocument, source: str) -> Iterator[LoadedDocument]:
    """`document` with its number from the register when its data asks for one (see above)."""
    if not document.info.data.needs_number:
        yield document
        return
    details = register_details(document)
    with register.numbering(document.info.data.co_quan, details, source=source) as entry:
        yield with_number(document, entry.number)


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


def holds_for_this(row: Entry, details: Details, source: str) -> bool:
    """Whether register row `row`, holding the number a document types, is that document's own.

    A void row never is (its number is never to be printed again). A row naming a data file is
    the document's when it names this one (`source`). A row naming none (entered by `so vao-so`,
    `so cap` or `so giu`) is when each of its date and type code that it records equals the
    document's: a row that records neither (a bare `so cap` or `so giu`) is taken to be the
    number the clerk set aside for it."""
    if row.status is Status.VOID:
        return False
    if row.source is not None:
        return row.source == source
    recorded = row.details
    if recorded.doc_date is not None and recorded.doc_date != details.doc_date:
        return False
    return recorded.type_code is None or recorded.type_code == details.type_code


def typed_number_holder(register: Register, agency: str, number: int, details: Details,
                        source: str) -> Entry | None:
    """The register row that holds `number`, typed in a document's data, for another document
    (in the document's year and sequence); None when the register does not hold it or holds it
    for this very document (holds_for_this)."""
    when = details.doc_date
    if when is None:
        return None
    details = completed(details)
    sequence = register.sequence_for(agency, details)
    row = register.entry(agency, when.year, number, sequence)
    if row is None or holds_for_this(row, details, source):
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


def taken_number_error(path: Path | str, reference: str, holder: Entry) -> InputError:
    """The refusal of a data file typing number `reference` that `holder` holds."""
    return InputError("register.typed_number_taken", file=path, field="so", number=reference,
                      existing=holder.describe())
