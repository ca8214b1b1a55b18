"""What find_layout returns: the Phụ lục I elements of one document, and the text forms compared."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field

from pipeline.rules.doc_types import DocumentType
from pipeline.verify.document import Paragraph, Section, Table
from pipeline.verify.shapes import SOLID, Stroke


def nfc(text: str) -> str:
    """The text in NFC."""
    return unicodedata.normalize("NFC", text)


def flat(text: str) -> str:
    """One line, single spaces, NFC."""
    return " ".join(nfc(text).split())


def similarity(a: str, b: str) -> float:
    """How alike two strings are, 0 to 1."""
    return difflib.SequenceMatcher(None, a, b).ratio()


@dataclass
class RuleMark:
    """The solid rule (đường kẻ) under an element: a line shape, a border, or a template tag;
    how it is stroked (Phụ lục I: nét liền, one solid stroke)."""

    kind: str  # "shape" | "border" | "tag"
    width_pt: float | None
    carrier: Paragraph
    inline: bool = False
    stroke: Stroke = SOLID


@dataclass
class Appendix:
    """A Phụ lục (or attached Danh sách): its heading lines and tables."""

    start: Paragraph
    title: Paragraph | None
    attached: Paragraph | None
    section: Section
    at_section_start: bool
    tables: list[Table] = field(default_factory=list)


@dataclass
class AttachedPart:
    """A document issued with a decision and printed after it (Quy chế, Kế hoạch): its type
    name, trích yếu, '(Ban hành kèm theo Quyết định số ...)' line and its text."""

    title: Paragraph
    trich_yeu: Paragraph | None
    kem_theo: Paragraph | None
    body: list[Paragraph] = field(default_factory=list)


@dataclass
class Layout:
    """The elements found in one document (None or [] when absent)."""

    template: bool
    doc_type: DocumentType | None = None
    title_type: DocumentType | None = None
    is_cong_van: bool = False
    header_table: Table | None = None
    quoc_hieu: Paragraph | None = None
    tieu_ngu: Paragraph | None = None
    tieu_ngu_rule: RuleMark | None = None
    co_quan_chu_quan: list[Paragraph] = field(default_factory=list)
    co_quan: list[Paragraph] = field(default_factory=list)
    co_quan_rule: RuleMark | None = None
    so_ky_hieu: Paragraph | None = None
    trich_yeu_cong_van: list[Paragraph] = field(default_factory=list)
    dia_danh_ngay: Paragraph | None = None
    ten_loai: Paragraph | None = None
    trich_yeu: list[Paragraph] = field(default_factory=list)
    trich_yeu_rule: RuleMark | None = None
    tham_quyen: list[Paragraph] = field(default_factory=list)
    kinh_gui: list[Paragraph] = field(default_factory=list)
    quyet_dinh: list[Paragraph] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    noi_nhan_tieu_de: Paragraph | None = None
    noi_nhan: list[Paragraph] = field(default_factory=list)
    chu_ky_tham_quyen: list[Paragraph] = field(default_factory=list)
    chu_ky_ho_ten: Paragraph | None = None
    # A second signature, on the left (a Biên bản's thư ký), when Nơi nhận is not there.
    chu_ky_trai_tham_quyen: list[Paragraph] = field(default_factory=list)
    chu_ky_trai_ho_ten: Paragraph | None = None
    appendices: list[Appendix] = field(default_factory=list)
    attached: list[AttachedPart] = field(default_factory=list)

    @property
    def type_code(self) -> str | None:
        """The code of the type the document is read as (quyet_dinh), None when not known."""
        return self.doc_type.code if self.doc_type is not None else None
