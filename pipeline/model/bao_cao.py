"""Báo cáo: a report in Mục and khoản whose figures come from the year's decisions."""

from typing import Any, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from pipeline.model.base import new_list
from pipeline.model.blocks import Block
from pipeline.model.document import DocumentData
from pipeline.model.ke_hoach import Item, Section
from pipeline.model.wording import invalid

TableKind = Literal["khen_thuong", "don_vi"]


class ReportItem(Item):
    """A khoản that may also show tables of figures after its paragraphs."""

    bang: list[TableKind] = Field(default_factory=new_list)


def table_misplaced(value: Any, place: str, place_en: str) -> PydanticCustomError:
    """`bang:` written where no table prints (under a Mục, at the top of the file): where it
    belongs, rather than a bare 'unknown field' (the README shows the tables, not their key's
    place)."""
    tables = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return invalid(
        "data.table_not_in_item", place=place, place_en=place_en, tables=f"[{tables}]",
        where="muc[…].khoan[…].bang",
    )  # fmt: skip


class ReportSection(Section):
    """A Mục of the report."""

    khoan: list[ReportItem] = Field(default_factory=new_list)  # type: ignore[assignment]
    # Never valid here: read only to say that tables go in a khoản.
    bang: Any = Field(default=None, exclude=True)

    @field_validator("bang")
    @classmethod
    def _table_in_item(cls, value: Any) -> Any:
        raise table_misplaced(value, "Mục", "a Mục")


class ReportData(DocumentData):
    """A yearly Báo cáo tổng kết as a clerk describes it; {{ so_lieu }} names computed figures."""

    loai: Literal["bao_cao"]
    nam: int = Field(
        ge=2000, le=2100,
        description="the year reported on: award decisions dated in it, in any folder, count",
    )  # fmt: skip
    mo_dau: list[Block] = Field(min_length=1)
    muc: list[ReportSection] = Field(min_length=1)
    ket_thuc: str = Field(min_length=1)
    # Never valid here: read only to say that tables go in a khoản.
    bang: Any = Field(default=None, exclude=True)

    @field_validator("bang")
    @classmethod
    def _table_in_item(cls, value: Any) -> Any:
        raise table_misplaced(value, "đầu tệp", "the top of the file")
