"""Quyết định: thẩm quyền, căn cứ, articles; award lists and council members from spreadsheets."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from pipeline.model.base import Record
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData
from pipeline.model.wording import ListLayout, YesNo, invalid


class SheetRef(Record):
    """A spreadsheet the office keeps (.xlsx or .csv), relative to the decision's YAML."""

    danh_sach: str = Field(min_length=1, description="file name: danh-sach-ldtt-2022.xlsx")
    trang_tinh: str | None = Field(default=None, description="sheet name (default: the first)")
    cot: dict[str, str] = Field(default_factory=dict, description="field → header in the sheet")


class AwardSection(SheetRef):
    """Khen thưởng: who receives which title or form, with money from the sheet."""

    hanh_dong: str = Field(
        min_length=1, description="Điều 1's verb phrase: Công nhận danh hiệu ... năm 2022"
    )
    thanh_tich: str | None = Field(
        default=None, description="why: đã có thành tích xuất sắc trong ... năm 2022"
    )
    tieu_de_danh_sach: str = Field(
        min_length=1, description="title of the attached Danh sách (upper-cased when printed)"
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
    def _money_has_a_source(self) -> AwardSection:
        if self.tien_thuong and not self.nguon_kinh_phi:
            raise invalid("wording.money_needs_source")
        return self


class CouncilSection(SheetRef):
    """Thành lập Hội đồng: members with their role (vai trò), no money."""

    hanh_dong: str = Field(min_length=1, description="Thành lập Hội đồng thi đua, khen thưởng ...")


class IssuedPlan(Record):
    """Ban hành Kế hoạch: the plan (a ke_hoach YAML beside this one) issued with the decision."""

    ke_hoach: str = Field(min_length=1, description="file name: ke-hoach-tdkt.yaml")


class Article(Record):
    """Điều: an article written in the data (after the ones vanthu writes from the lists)."""

    tieu_de: str | None = None
    noi_dung: str = Field(min_length=1)
    doan: list[Block] = Field(default_factory=list)


class DecisionData(DocumentData):
    """A Quyết định as a clerk describes it."""

    loai: Literal["quyet_dinh"]
    tham_quyen: str = Field(min_length=1, description="ô 5b: Chánh Văn phòng UBND tỉnh Sơn La")
    can_cu: list[str] = Field(min_length=1)
    theo_de_nghi: str = Field(min_length=1, description="… in 'Theo đề nghị của …'")
    khen_thuong: AwardSection | None = None
    hoi_dong: CouncilSection | None = None
    ban_hanh: IssuedPlan | None = None
    dieu: list[Article] = Field(min_length=1, description="the last one names who executes it")

    @model_validator(mode="after")
    def _one_list(self) -> DecisionData:
        if sum(x is not None for x in (self.khen_thuong, self.hoi_dong, self.ban_hanh)) > 1:
            raise invalid("wording.one_list")
        return self
