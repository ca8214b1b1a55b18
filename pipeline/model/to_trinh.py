"""Tờ trình: a submission to a superior: Kính gửi, căn cứ and reasons, proposal, 'Kính trình'."""

from typing import Annotated, Any, Literal

from pydantic import Field

from pipeline.model.addressing import Addressees, as_list
from pipeline.model.base import new_list, without_label
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData
from pipeline.model.ke_hoach import Section


class SubmissionData(DocumentData):
    """A Tờ trình as a clerk describes it; the closing 'Kính trình ...' comes from câu chữ."""

    loai: Literal["to_trinh"]
    kinh_gui: Annotated[Addressees, without_label("Kính gửi")]  # printed after "Kính gửi:"
    mo_dau: list[Block] = Field(default_factory=new_list, description="căn cứ, reasons")
    muc: list[Section] = Field(default_factory=new_list, description="Mục I., II. (optional)")
    doan_cuoi: list[Block] = Field(
        default_factory=new_list, description="paragraphs before the closing 'Kính trình ...'"
    )
    kinh_trinh: str | None = Field(
        default=None, min_length=1, description="who is asked to decide; default: Kính gửi"
    )
    du_thao: str | dict[str, Any] | None = Field(
        default=None, min_length=1,
        description="the draft Quyết định (its file, or its data written here), printed after "
        "the Tờ trình marked DỰ THẢO",
    )  # fmt: skip

    @property
    def addressees(self) -> list[str]:
        return as_list(self.kinh_gui)
