"""Quyết định: thẩm quyền, căn cứ, articles; award lists and council members from spreadsheets.

A general decision (điều động, phê duyệt ...) is the same kind with only written articles
(`dieu:`, each with khoản and điểm); one that issues a Quy chế attaches it in Chương and Điều.
"""

import re
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from pipeline.model.base import Record, new_dict, new_list
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData, not_in_capitals
from pipeline.model.ke_hoach import Item, Section, number_as_text
from pipeline.model.wording import ListLayout, YesNo, invalid


class SheetRef(Record):
    """A spreadsheet the office keeps (.xlsx or .csv), relative to the decision's YAML."""

    danh_sach: str = Field(min_length=1, description="file name: danh-sach-ldtt-2022.xlsx")
    # A sheet named by its year (trang_tinh: 2025, which YAML reads as a number) is that text.
    trang_tinh: Annotated[str, BeforeValidator(number_as_text)] | None = Field(
        default=None, description="sheet name (default: the only one holding a list)"
    )
    cot: dict[str, str] = Field(default_factory=new_dict, description="field → header in the sheet")


class AwardSection(SheetRef):
    """Khen thưởng: who receives which title or form, with money from the sheet."""

    hanh_dong: str = Field(
        min_length=1, description="Điều 1's verb phrase: Công nhận danh hiệu ... năm 2022"
    )
    thanh_tich: str | None = Field(
        default=None, description="why: đã có thành tích xuất sắc trong ... năm 2022"
    )
    # Asked for only when the list has more than 5 names and is attached (load.lists): up to
    # 5 are named in Điều 1 and no Danh sách is printed.
    tieu_de_danh_sach: str | None = Field(
        default=None,
        min_length=1,
        description="title of the attached Danh sách (upper-cased when printed)",
    )
    sap_xep: Literal["don_vi", "ten"] | None = None
    tien_thuong: YesNo = Field(
        default=True, description="khong: the decision states no money (no column, no Điều 2)"
    )
    nguon_kinh_phi: str | None = Field(
        default=None, min_length=1, description="where the money is paid from"
    )
    trinh_bay: ListLayout | None = Field(
        default=None, description="grouping and numbering of the Danh sách (default: the office's)"
    )

    @model_validator(mode="after")
    def _money_has_a_source(self) -> "AwardSection":
        if self.tien_thuong and not self.nguon_kinh_phi:
            raise invalid("wording.money_needs_source")
        return self


class CouncilSection(SheetRef):
    """Thành lập Hội đồng: members with their role (vai trò), no money."""

    hanh_dong: str = Field(min_length=1, description="Thành lập Hội đồng thi đua, khen thưởng ...")


class Article(Record):
    """Điều: an article written in the data (after the ones vanthu writes from the lists).

    Its text follows 'Điều N.' (noi_dung), or its bold title does (tieu_de) with the text in
    khoản 1., 2. under it; Điều, khoản and điểm numbers are computed, never typed.
    """

    # As a Mục's (Section.PARAGRAPHS_AROUND): `doan:` prints before the khoản wherever it is
    # typed, and is warned of at its line when typed below them; `doan_sau:` prints after them.
    PARAGRAPHS_AROUND: ClassVar[tuple[str, str, str]] = Section.PARAGRAPHS_AROUND

    tieu_de: str | None = Field(default=None, description="bold title after 'Điều N.'")
    noi_dung: str | None = Field(default=None, min_length=1)
    doan: list[Block] = Field(default_factory=new_list, description="paragraphs before the khoản")
    khoan: list[Item] = Field(
        default_factory=new_list, description="khoản 1., 2. (with điểm a), b))"
    )
    doan_sau: list[Block] = Field(
        default_factory=new_list, description="paragraphs after the khoản"
    )

    @model_validator(mode="after")
    def _has_text(self) -> "Article":
        if not (self.noi_dung or self.tieu_de or self.khoan):
            raise invalid("wording.empty_article")
        return self


class Chapter(Record):
    """Chương: a Roman-numbered part of a Quy chế with its title and articles."""

    tieu_de: str = Field(min_length=1, description="printed upper-case under 'Chương I'")
    dieu: list[Article] = Field(min_length=1)


class Regulation(Record):
    """Quy chế (or Quy định) issued with the decision: Chương with Điều numbered through."""

    loai_van_ban: Literal["quy_che", "quy_dinh"] = "quy_che"
    # Printed as the Quy chế's title and after "Quy chế" in Điều 1: in regular case, as the
    # decision's own (document.not_in_capitals).
    trich_yeu: Annotated[str, AfterValidator(not_in_capitals)] = Field(
        min_length=1, description="Hoạt động của Hội đồng Thi đua - ..."
    )
    chuong: list[Chapter] = Field(default_factory=new_list)
    dieu: list[Article] = Field(default_factory=new_list, description="a Quy chế without chapters")

    @model_validator(mode="after")
    def _chapters_or_articles(self) -> "Regulation":
        if bool(self.chuong) == bool(self.dieu):
            raise invalid("wording.chapters_or_articles")
        return self


class IssuedPlan(Record):
    """Ban hành: the Kế hoạch (a ke_hoach YAML beside this one) or the Quy chế (written here,
    or a YAML file of its own under kem-theo/) issued with the decision."""

    ke_hoach: str | None = Field(default=None, min_length=1, description="ke-hoach-tdkt.yaml")
    quy_che: Regulation | str | None = Field(
        default=None, description="the Quy chế itself, or its file: kem-theo/quy-che.yaml"
    )

    @model_validator(mode="after")
    def _one_document(self) -> "IssuedPlan":
        if (self.ke_hoach is None) == (self.quy_che is None):
            raise invalid("wording.one_issued")
        return self


# "căn cứ", "CĂN CỨ" typed at the head of a căn cứ line: the context adds "Căn cứ" unless the
# line already opens with it, so the typed words are first written the one way it recognises.
_TYPED_BASIS = re.compile(r"^\s*căn\s+cứ(?=\s|$)", re.IGNORECASE)


def _basis_opening(lines: list[str]) -> list[str]:
    return [_TYPED_BASIS.sub("Căn cứ", line, count=1) for line in lines]


class DecisionData(DocumentData):
    """A Quyết định as a clerk describes it."""

    loai: Literal["quyet_dinh"]
    tham_quyen: str = Field(min_length=1, description="ô 5b: Chánh Văn phòng UBND tỉnh Sơn La")
    can_cu: Annotated[list[str], AfterValidator(_basis_opening)] = Field(min_length=1)
    theo_de_nghi: str = Field(min_length=1, description="… in 'Theo đề nghị của …'")
    khen_thuong: AwardSection | None = None
    hoi_dong: CouncilSection | None = None
    ban_hanh: IssuedPlan | None = None
    dieu: list[Article] = Field(min_length=1, description="the last one names who executes it")

    @model_validator(mode="after")
    def _one_list(self) -> "DecisionData":
        if sum(x is not None for x in (self.khen_thuong, self.hoi_dong, self.ban_hanh)) > 1:
            raise invalid("wording.one_list")
        return self
