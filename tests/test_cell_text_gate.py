"""cell_text's quick way for a cell the text gate has nothing to do in (passes_unchanged) says
what the gate's two steps say: the same text, the same refusal."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.load.spreadsheet import cells
from pipeline.load.spreadsheet.fields import Field, resolve_fields
from pipeline.text.gate import normalize_invisible, refused_character
from pipeline.text.legacy import legacy_encodings

# Letters of names and the characters the gate refuses or changes (controls, \r, C1, spaces of
# other widths, zero-width ones, a soft hyphen, bidi controls, an emoji, a variation selector).
_TYPED = st.text(
    st.sampled_from(list("Nguyễn Thị Hoà ạ1,.%") + ["\r", "\n", "\t", "\x07", "\x85", "\xa0",
                    "\u00ad", "\u200b", "\u2009", "\u202e", "\u2028", "\ufeff", "\ufe0f",
                    "\u2764", "\U0001f600", "\U00020000", "\ud800", "\x7f", "ð", "Õ"]),
    max_size=12,
)  # fmt: skip
_FIELDS = [wanted.field for wanted in resolve_fields(("ho_ten", "danh_hieu"), ("ghi_chu",), {})]


def _before(raw: str, field: Field, cell: str) -> str:
    """cell_text of a str as it was written before its quick way: refused_character, then
    normalize_invisible, for every cell."""
    bad = refused_character(raw.replace("\r", ""))
    if bad is not None:
        raise cells._refused(raw, bad, field, cell)
    text = cells.clean(normalize_invisible(raw))
    if field.text_only and cells._NUMERIC.fullmatch(text):
        raise InputError("sheet.number_in_text", cell=cell, value=text)
    legacy = legacy_encodings(text)
    if legacy:
        raise cells._legacy_refusal(raw, legacy, field, cell)
    return text


def _outcome(read: Callable[[str, Field, str], str], raw: str, field: Field) -> object:
    try:
        return read(raw, field, "B4")
    except InputError as exc:
        return exc.key, repr(sorted(exc.params.items()))


@settings(max_examples=2000, deadline=None)
@given(_TYPED)
def test_a_cell_reads_as_the_gates_two_steps_read_it(raw: str) -> None:
    for field in _FIELDS:
        assert _outcome(cells.cell_text, raw, field) == _outcome(_before, raw, field)
