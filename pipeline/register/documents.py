"""A document and its row in the register: the columns vanthu fills in, the number it is given.

`numbered` gives a document whose data says `so: tu_dong` the next number of its office's
register for the time it takes to write it: the row is confirmed when the block ends, voided with
the error as reason when it raises (see Register.numbering). A document that already holds a
number for the same data file keeps it; so does one whose data file was renamed or moved, when
the register was opened for its workspace (Register.adopt_moved). Other documents pass through
unchanged.

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

from pipeline.context.addressing import addressee_names
from pipeline.context.common import filing_line, recipient_lines
from pipeline.load.contract import LoadedDocument
from pipeline.register.model import Details
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
