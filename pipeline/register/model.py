"""The register's rows as plain data: one entry per number, what a request to number asks for."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pipeline.i18n import t
from pipeline.pickled import by_arguments
from pipeline.register.sequences import DEFAULT_SEQUENCE

# The highest number a sequence of the register gives or takes: a document's data types its
# number up to it (pipeline.model.document.Number, five figures), and no office numbers 100,000
# documents of one type in a year. A number past it is a slip (a date, a phone number typed as
# SỐ), which the register refuses in words: the database would refuse it as an internal error
# (past 2**31 - 1, PostgreSQL's INTEGER; past 2**63 - 1, SQLite's), and below that it would
# move the sequence's counter so far that every later number followed it.
MAX_NUMBER = 99_999
# The most copies (Số lượng bản) a row records: far beyond any office's print run (a document
# sent to every household of a xã is a few thousand copies), and what the form's narrow column
# prints; the INTEGER column of either database holds it.
MAX_COPIES = 99_999


class Status(StrEnum):
    """Where a number stands; a number once in the register never leaves it."""

    PENDING = "pending"  # allocated for a document that is being written
    ISSUED = "issued"  # the document exists with this number
    RESERVED = "reserved"  # kept aside, no document yet (giữ số)
    VOID = "void"  # never to be used again, with its reason (hủy số)


class Origin(StrEnum):
    """How the number came in: given by the register, typed by a clerk, or read from a file."""

    REGISTER = "register"
    TYPED = "typed"
    IMPORTED = "imported"


@by_arguments  # pickled to and from a build's workers (pipeline.pickled)
@dataclass(frozen=True, slots=True)
class Details:
    """The columns of the sổ đăng ký văn bản đi that a caller can fill (all optional)."""

    doc_date: date | None = None  # Ngày tháng văn bản
    type_code: str | None = None  # QĐ, KH, BC, CV ... decides the sequence
    symbol: str | None = None  # ký hiệu after the number: QĐ-VPUBND, 2026/QĐ-UBND, VPUBND-TH
    summary: str | None = None  # Tên loại và trích yếu nội dung
    signer: str | None = None  # Người ký: the name, as the form's column shows it
    # The lines the signature prints above that name (ô 7a/7b: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
    # one a line: kept beside the name, never printed in the form, so that a document written
    # again is known to print the signer the sổ records (documents.signer_change). None: not
    # known (a row entered by hand, or written before vanthu kept it).
    signer_title: str | None = None
    recipients: str | None = None  # Nơi nhận văn bản
    archive: str | None = None  # Đơn vị, người nhận bản lưu
    copies: int | None = None  # Số lượng bản
    transfer_date: date | None = None  # Ngày chuyển
    received_by: str | None = None  # Ký nhận
    note: str | None = None  # Ghi chú


@dataclass(frozen=True)
class Entry:
    """One row of the register, as stored."""

    id: int
    agency: str
    year: int
    sequence: str
    number: int
    status: Status
    origin: Origin
    details: Details = field(default_factory=Details)
    source: str | None = None
    void_reason: str | None = None
    created_at: str = ""
    updated_at: str = ""
    fresh: bool = False  # True when this call allocated it; False when it already existed
    # The workspace whose data file `source` is (its dinh_danh), on a shared register; None on
    # a workspace's own register file, and on rows made before workspaces had one.
    workspace: str | None = None

    @property
    def number_text(self) -> str:
        """The number as printed: leading zero below 10 (05)."""
        return f"{self.number:02d}"

    @property
    def reference(self) -> str:
        """Số, ký hiệu văn bản: 05/QĐ-VPUBND, or just 05 when no ký hiệu is known."""
        symbol = self.details.symbol
        return f"{self.number_text}/{symbol}" if symbol else self.number_text

    def void_command(self, *, named_office: bool = False, db: str | None = None) -> str:
        """The `vanthu so huy` line that voids this number, naming its year (and its sequence,
        and with `named_office` its office: the register holds several) so that it voids no
        other row, and with `db` (as a shell takes it) the register it is in, when that is
        not the one in use; the reason (--ly-do) is the clerk's to add."""
        where = f" --db {db}" if db else ""
        office = f" --co-quan {self.agency}" if named_office else ""
        sequence = f" --day {self.sequence}" if self.sequence != DEFAULT_SEQUENCE else ""
        return f"vanthu so{where}{office} huy {self.number_text} --nam {self.year}{sequence}"

    def describe(self, lang: str | None = None) -> str:
        """A short identification for messages: number, date, trích yếu or source, and a void
        or reserved row's state, in `lang` (the current language by default; errors.said
        passes the language a message is shown in)."""
        parts = [self.reference]
        if self.details.doc_date:
            parts.append(self.details.doc_date.strftime("%d/%m/%Y"))
        if self.details.summary:
            parts.append(f"“{self.details.summary}”")
        if self.source:
            parts.append(f"[{self.source}]")
        if self.status is Status.VOID:
            parts.append(t("register.describe_void", lang=lang, reason=self.void_reason)
                         if self.void_reason else t("register.describe_void_bare", lang=lang))
        elif self.status is Status.RESERVED:
            parts.append(t("register.describe_reserved", lang=lang))
        return " ".join(parts)
