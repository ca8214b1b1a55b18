"""Running text as clerks write it: paragraphs, dash lines (gạch đầu dòng) and điểm a), b)."""

from __future__ import annotations

from pydantic import Field

from pipeline.model.base import Record


class DashList(Record):
    """Gạch đầu dòng: lines that start with '- '."""

    gach: list[str] = Field(min_length=1)


class PointList(Record):
    """Điểm: a), b), c) ... in Vietnamese letter order."""

    diem: list[str] = Field(min_length=1)


Block = str | DashList | PointList
