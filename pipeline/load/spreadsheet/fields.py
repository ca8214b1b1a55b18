"""The columns of a danh sách: the fields a caller asks for and the headers that name them."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from pipeline.errors import InputError
from pipeline.text.normalize import slug


@dataclass(frozen=True)
class Field:
    """A column of the danh sách: canonical name, accepted header spellings, text-only or not.

    `text_only` marks columns where a number is a mistake (a name column holding 12 means the
    columns are shifted or the STT was pasted there).
    """

    name: str
    headers: tuple[str, ...]
    text_only: bool = False

    @property
    def label(self) -> str:
        """The header to show a user: the first accepted spelling."""
        return self.headers[0] if self.headers else self.name


STANDARD_FIELDS: Mapping[str, Field] = {
    f.name: f
    for f in (
        Field(
            "ho_ten",
            (
                "Họ và tên",
                "Họ tên",
                "Tên tập thể",
                "Họ và tên / Tên tập thể",
                "Tên đơn vị",
                "Họ và tên / Tên đơn vị",
            ),
            text_only=True,
        ),
        Field("chuc_vu", ("Chức vụ", "Chức danh", "Chức vụ / Chức danh"), text_only=True),
        Field("don_vi", ("Đơn vị", "Đơn vị công tác", "Nơi công tác")),
        Field(
            "danh_hieu",
            (
                "Danh hiệu",
                "Hình thức",
                "Danh hiệu / Hình thức",
                "Danh hiệu thi đua",
                "Hình thức khen thưởng",
                "Danh hiệu / Hình thức khen thưởng",
            ),
            text_only=True,
        ),
        Field("ghi_chu", ("Ghi chú",)),
        Field("loai", ("Loại", "Cá nhân / Tập thể")),
        # Typed by the clerk (or the accountant); checked against the amount computed.
        Field(
            "so_tien",
            (
                "Số tiền",
                "Số tiền (đồng)",
                "Số tiền thưởng",
                "Số tiền thưởng (đồng)",
                "Tiền thưởng",
                "Tiền thưởng (đồng)",
                "Mức tiền thưởng",
                "Thành tiền",
            ),
        ),
    )
}


@functools.lru_cache(maxsize=1024)  # the same few spellings and headers, list after list
def normalize_header(text: str) -> str:
    """Header text for matching, without case, diacritics, spaces, punctuation: 'hovaten'."""
    return slug(str(text)).replace("_", "")


@dataclass(frozen=True)
class Wanted:
    """A field the caller asks for, and whether the file must have its column."""

    field: Field
    required: bool


def resolve_fields(
    required: Sequence[str | Field],
    optional: Sequence[str | Field],
    columns: Mapping[str, str | Sequence[str]],
) -> list[Wanted]:
    """The fields to read, with the header spellings from `columns` in place of the defaults."""

    def as_field(item: str | Field) -> Field:
        if isinstance(item, Field):
            return item
        if item not in STANDARD_FIELDS:
            raise ValueError(f"unknown field {item!r}; pass a Field for non-standard columns")
        return STANDARD_FIELDS[item]

    wanted = [Wanted(as_field(i), True) for i in required]
    wanted += [Wanted(as_field(i), False) for i in optional]
    names = [w.field.name for w in wanted]
    if len(set(names)) != len(names):
        raise ValueError(f"a field is asked for twice: {names}")
    for name in columns:
        if name not in names and name not in STANDARD_FIELDS:
            known = ", ".join(sorted(set(names) | set(STANDARD_FIELDS)))
            raise InputError("sheet.unknown_field", field=name, name=name, known=known)
    result = []
    for w in wanted:
        override = columns.get(w.field.name)
        if override:
            spellings = (override,) if isinstance(override, str) else tuple(override)
            w = Wanted(replace(w.field, headers=spellings), w.required)
        result.append(w)
    return result
