"""Kế hoạch: a plan in Mục (I., II.), khoản (1., 2.), paragraphs, điểm and dash lists."""

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, model_validator

from pipeline.model.base import Record, new_list
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData
from pipeline.model.wording import invalid


def number_as_text(value: Any) -> Any:
    """A bare number typed for a free-text field (thoi_gian: 2026, which YAML reads as an int)
    as the text the clerk wrote."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


# Free text where a number alone is a natural answer: a year, a month.
TextOrNumber = Annotated[str, BeforeValidator(number_as_text), Field(min_length=1)]


class Item(Record):
    """Khoản: a numbered item, either a heading followed by paragraphs, or a numbered paragraph."""

    tieu_de: str | None = None
    noi_dung: str | None = Field(default=None, description="text on the same line as the number")
    doan: list[Block] = Field(default_factory=new_list)

    @model_validator(mode="after")
    def _one_shape(self) -> "Item":
        if self.tieu_de and self.noi_dung:
            raise invalid("wording.item_both_shapes")
        if not (self.tieu_de or self.noi_dung):
            raise invalid("wording.item_no_shape")
        return self


class Section(Record):
    """Mục: a part with a Roman numeral and an upper-case title."""

    # Its paragraphs printed before its items, the items, and its paragraphs printed after
    # them: `doan:` typed below `khoan:` still prints before the khoản, and is warned of at
    # its line (pipeline.context.sections.paragraph_order_warnings).
    PARAGRAPHS_AROUND: ClassVar[tuple[str, str, str]] = ("doan", "khoan", "doan_sau")

    tieu_de: str = Field(min_length=1)
    doan: list[Block] = Field(default_factory=new_list, description="paragraphs before the items")
    khoan: list[Item] = Field(default_factory=new_list)
    doan_sau: list[Block] = Field(
        default_factory=new_list, description="paragraphs after the items"
    )


class TaskRow(Record):
    """A row of the appendix of key tasks."""

    noi_dung: str = Field(min_length=1)
    chu_tri: str = Field(min_length=1)
    phoi_hop: str | None = None
    thoi_gian: TextOrNumber = Field(description="when: Quý I/2026, Tháng 6/2026, or a year")


class TaskAppendix(Record):
    """Phụ lục: the table of key tasks attached to the plan."""

    tieu_de: str = Field(min_length=1)
    nhiem_vu: list[TaskRow] = Field(min_length=1)


class PlanData(DocumentData):
    """A Kế hoạch as a clerk describes it."""

    loai: Literal["ke_hoach"]
    mo_dau: list[Block] = Field(min_length=1)
    muc: list[Section] = Field(min_length=1)
    ket_thuc: str = Field(min_length=1, description="closing sentence; './.' is added")
    phu_luc: list[TaskAppendix] = Field(default_factory=new_list)
