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
    `hints`: words that, in a header no field reads, say the column most likely holds this
    field ("tên" in "Tên người được khen"). Such a header is the one suggested when the field's
    column is not found; and when an optional field's column is not found, such a column that
    holds values is refused rather than passed over: its values would be left out of the
    document without a word ("Cơ quan, bộ phận": every name printed without its unit).
    `tallied`: whether a number alone in the column on a total row ("Tổng cộng") states a
    figure of the rows above it (people under a name column, money under Số tiền); the sum of
    a Hệ số column is no count of anything.
    """

    name: str
    headers: tuple[str, ...]
    text_only: bool = False
    hints: tuple[str, ...] = ()
    tallied: bool = True

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
                # A list of tập thể names its units so; beside a column of people's names,
                # the heading names the unit each is of (UNIT_NAME_HEADERS).
                "Tên đơn vị",
                "Tên tập thể/đơn vị",
                "Họ và tên / Tên đơn vị",
                # Old lists head the name column with "Tên" (read so only without a surname
                # column left of it: see GIVEN_NAME), or name both kinds of recipient.
                "Tên",
                "Tên cá nhân",
                "Tên cá nhân, tập thể",
                "Tên tập thể, cá nhân",
                "Họ tên cá nhân, tập thể",
                "Họ và tên cá nhân, tập thể",
                "Họ và tên cá nhân / Tên tập thể",
            ),
            text_only=True,
            hints=("tên",),
        ),
        Field("chuc_vu", ("Chức vụ", "Chức danh", "Chức vụ / Chức danh"), text_only=True),
        Field(
            "don_vi",
            (
                "Đơn vị",
                "Đơn vị công tác",
                "Nơi công tác",
                "Cơ quan, đơn vị",
                "Cơ quan, đơn vị công tác",
                "Cơ quan công tác",
                "Đơn vị, bộ phận",
                "Đơn vị, bộ phận công tác",
                "Bộ phận, đơn vị",
            ),
            # A unit's name as a person's: a number alone ("3") is a shifted column or the STT
            # pasted there, printed in Điều 1 and on the Giấy khen as the unit otherwise. A
            # count under it on a total row ("Tổng cộng") is still read as the row's figure.
            text_only=True,
            hints=("đơn vị", "cơ quan", "bộ phận", "phòng ban", "nơi làm việc"),
        ),
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
        # Hệ số × mức lương cơ sở, typed beside Số tiền; checked against the award's. No
        # hints: "Hệ số lương" (the person's salary grade) is another column, left alone.
        Field(
            "he_so",
            (
                "Hệ số",
                "Hệ số thưởng",
                "Hệ số khen thưởng",
                "Hệ số tiền thưởng",
                "Hệ số mức thưởng",
            ),
            tallied=False,
        ),
    )
}


@functools.lru_cache(maxsize=1024)  # the same few spellings and headers, list after list
def normalize_header(text: str) -> str:
    """Header text for matching, without case, diacritics, spaces, punctuation: 'hovaten'."""
    return slug(str(text)).replace("_", "")


# Headings of a name column that name units: the units awarded in a list of tập thể, but the
# unit of each person beside a column of people's names ("Họ và tên | Tên đơn vị"), where the
# list reads them as its Đơn vị column (header._units_beside_names).
UNIT_NAME_HEADERS = frozenset(
    normalize_header(header) for header in ("Tên đơn vị", "Tên tập thể/đơn vị")
)

# "Tên" heads the whole name in old lists, but only the given name in lists that split the name
# in two ("Họ và tên đệm" | "Tên", "Họ" | "Tên"): read as the name only when the column left of
# it is no surname column (a header whose first word is SURNAME).
GIVEN_NAME = normalize_header("Tên")
SURNAME = "ho"
# A hint read in these is no hint: "Đơn vị tính: đồng" heads an amount, not a unit.
_NOT_HINTS = (("don", "vi", "tinh"),)


# Headers of the columns a list keeps for itself, which no clerk expects a decision to print:
# the row number (the Danh sách numbers its rows itself), the unit of its amounts, the receipt
# signature of a payment list, and the office's own notes (Ghi chú: an award list reads it and
# prints it nowhere by design, awards.UNPRINTED_FIELDS; a council's member list, which does not
# read it, says nothing of it either). A column no field reads under any other header, and
# holding content on the list's rows, is warned of (table.Table.unprinted_warning).
BOOKKEEPING_HEADERS = frozenset(
    normalize_header(header)
    for header in ("STT", "TT", "Số TT", "Số thứ tự", "Đơn vị tính", "Ký nhận", "Ghi chú")
)


def header_words(text: str) -> tuple[str, ...]:
    """A header's words without case or diacritics: 'Cơ quan, đơn vị' → ('co', 'quan', 'don',
    'vi')."""
    return tuple(word for word in slug(str(text)).split("_") if word)


def hinted(field: Field, text: str) -> bool:
    """Whether a header holds one of the field's `hints` as whole words ("Tên người được
    khen" for ho_ten, not "Tiền thưởng"; "Cơ quan, bộ phận" for don_vi, not "Đơn vị tính")."""
    words = header_words(text)
    for phrase in _NOT_HINTS:
        if _holds(words, phrase):
            return False
    return any(_holds(words, header_words(hint)) for hint in field.hints)


def _holds(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return size > 0 and any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


@dataclass(frozen=True)
class Wanted:
    """A field the caller asks for, whether the file must have its column, and whether its
    header was declared by the office (the YAML's `cot`) in place of the usual spellings."""

    field: Field
    required: bool
    declared: bool = False

    @property
    def label(self) -> str:
        """The field as a user knows it ('Họ và tên'), even when `cot` renamed its header."""
        standard = STANDARD_FIELDS.get(self.field.name)
        return standard.label if standard is not None and self.declared else self.field.label


def resolve_fields(
    required: Sequence[str | Field],
    optional: Sequence[str | Field],
    columns: Mapping[str, str | Sequence[str]],
) -> list[Wanted]:
    """The fields to read, with the header spellings from `columns` in place of the defaults."""
    if not columns:
        try:
            return list(_default_fields(tuple(required), tuple(optional)))
        except TypeError:  # a Field holding a list: worked out each time
            pass
    return _resolve_fields(required, optional, columns)


@functools.lru_cache(maxsize=64)  # every list of a kind asks for the same fields
def _default_fields(
    required: tuple[str | Field, ...], optional: tuple[str | Field, ...]
) -> tuple[Wanted, ...]:
    return tuple(_resolve_fields(required, optional, {}))


def _resolve_fields(
    required: Sequence[str | Field],
    optional: Sequence[str | Field],
    columns: Mapping[str, str | Sequence[str]],
) -> list[Wanted]:
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
            w = Wanted(replace(w.field, headers=spellings), w.required, declared=True)
        result.append(w)
    return result
