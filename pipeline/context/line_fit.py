"""Profile lines too wide for their column: an agency's name (ô 2) or a signer's title (ô 7).

A line the page cannot hold is wrapped wherever the page chooses ("BỆNH VIỆN ĐA KHOA KHU VỰC
THẢO NGUYÊN" / "MỘC CHÂU"), and the rule under the agency, sized for the line as typed, no longer
matches what prints. So such a line is printed broken where `vanthu init` would have broken it
(pipeline.workspace.header_name), the header's columns and rule are sized for those lines, and
render, build and check tell the clerk, at the profile's line, which lines to write instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pipeline.errors import InputError
from pipeline.model.agency import Agency, Signer
from pipeline.render.styles import StyleSheet
from pipeline.rules.metrics import (
    SIGNATURE_COLUMN_TWIPS,
    Line,
    fits_column,
    text_width_pt,
    widest_left_twips,
)

# The styles the lines are printed in (templates/khung.docx).
CHU_QUAN_STYLE = "CoQuanChuQuan"
AGENCY_STYLE = "CoQuanBanHanh"
TITLE_STYLE = "ChuKyThamQuyen"
_DASHES = ("-", "–")


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class LongLine:
    """One line of a profile's field too wide for its column, and the lines it prints as."""

    field: tuple[str, ...]  # ("ten_co_quan",), ("nguoi_ky", "tuq", "chuc_vu")
    index: int  # which line of the field (its item, when written as a list)
    typed: str
    lines: tuple[str, ...]
    header: bool  # ô 2 (the header's left column), else ô 7 (the signature's column)


def _style(styles: StyleSheet, style_id: str) -> tuple[float, bool]:
    run = styles.paragraph_style_run(style_id)
    return run.size or 13, bool(run.bold)


def _header_lines(line: str, style_id: str) -> list[str]:
    # Imported here: header_name imports pipeline.context.common, which imports this module.
    from pipeline.workspace.header_name import header_lines

    return header_lines(line, style_id)


def clerk_broken(text: str) -> str:
    """A profile's name or title with its lines where the clerk broke them: at each '|' too, as
    `vanthu init --co-quan` reads one (header_name.clerk_lines); never printed."""
    from pipeline.workspace.header_name import clerk_lines

    return "\n".join(clerk_lines(text))


def typed_line_breaks(
    line: str, breaks_of: Callable[[str], tuple[str, ...] | None]
) -> tuple[str, ...] | None:
    """The lines a profile's typed line prints as when one of its parts (clerk_broken) is too
    wide for its column: every part, each one too wide as `breaks_of` breaks it; None when
    every part fits."""
    parts = clerk_broken(line).splitlines()
    broken_parts = [breaks_of(part) for part in parts]
    if all(lines is None for lines in broken_parts):
        return None
    pairs = zip(parts, broken_parts, strict=True)
    return tuple(printed for part, lines in pairs for printed in lines or (part,))


def _in_typed_case(typed: list[str], printed: list[str]) -> list[str]:
    """`printed` lines (as header_lines broke the upper-cased words) in the words as typed."""
    out, start = [], 0
    for line in printed:
        end = start + len(line.split())
        out.append(" ".join(typed[start:end]))
        start = end
    return out


def agency_line_breaks(
    line: str, style_id: str, styles: StyleSheet, limit: int
) -> tuple[str, ...] | None:
    """The lines an agency line too wide for the header's left column prints as (where `vanthu
    init` breaks a name); None when it fits, or cannot be broken."""
    size, bold = _style(styles, style_id)
    if fits_column(line.upper(), size, limit, bold=bold):
        return None
    words = line.split()
    lines = _in_typed_case(words, _header_lines(" ".join(words).upper(), style_id))
    return tuple(lines) if len(lines) > 1 else None


def title_line_breaks(line: str, styles: StyleSheet) -> tuple[str, ...] | None:
    """The lines a signer's title line too wide for ô 7 prints as; None when it fits.

    A title typed as running text shows where the unit's name starts: its first capital after
    the first word ("Trưởng phòng | Tổ chức - Hành chính", "Chánh Văn phòng | Ủy ban nhân dân
    tỉnh ..."). Of those places, the one giving the fewest, then the most even lines wins, the
    unit's name broken as the header breaks a name when still too wide; a title in capitals
    (nothing to tell), or one no such place fits, is broken as the header breaks a name
    (header_lines alone would split "TỔ | CHỨC")."""
    size, bold = _style(styles, TITLE_STYLE)
    limit = SIGNATURE_COLUMN_TWIPS

    def fits(text: str) -> bool:
        return fits_column(text.upper(), size, limit, bold=bold)

    if fits(line):
        return None
    words = line.split()
    options: list[tuple[tuple[int, float], list[str]]] = []
    if line != line.upper():
        for at in range(1, len(words)):
            if not _title_break_before(words, at):
                continue
            head, rest = " ".join(words[:at]), words[at:]
            if not fits(head):
                break
            tail = _title_tail(rest, fits)
            lines = [head, *tail]
            if all(fits(part) for part in lines):
                widest = max(text_width_pt(part.upper(), size, bold=bold) for part in lines)
                options.append(((len(lines), widest), lines))
    if options:
        return tuple(min(options)[1])
    lines = _in_typed_case(words, _header_lines(" ".join(words).upper(), TITLE_STYLE))
    return tuple(lines) if len(lines) > 1 else None


# Words a title goes on with after a break: "... phụ trách ...", "... kiêm ...", "... và ...".
_TITLE_JOINS = ("phụ trách", "kiêm", "và")
# Words that belong to the title word after them ("Phó Hiệu trưởng", "Quyền Giám đốc").
_TITLE_PREFIXES = ("phó", "quyền")


def _title_break_before(words: list[str], at: int) -> bool:
    """Whether a title typed as running text may break before words[at]: where the unit's
    name starts (a capital, not after "Phó" or a dash), after a comma, before a joining word."""
    before, word = words[at - 1], words[at]
    if before in _DASHES or before.lower() in _TITLE_PREFIXES:
        return False
    rest = " ".join(words[at:]).lower()
    return word[:1].isupper() or before.endswith(",") or rest.startswith(
        tuple(join + " " for join in _TITLE_JOINS)
    )


def _title_tail(words: list[str], fits: Callable[[str], bool]) -> list[str]:
    """The rest of a title after its first break, in the fewest lines breaking only where
    _title_break_before allows; as the header breaks a name when no such lines fit."""
    text = " ".join(words)
    if fits(text):
        return [text]
    for at in range(len(words) - 1, 0, -1):
        head = " ".join(words[:at])
        if _title_break_before(words, at) and fits(head):
            tail = _title_tail(words[at:], fits)
            if all(fits(part) for part in tail):
                return [head, *tail]
    return _in_typed_case(words, _header_lines(text.upper(), TITLE_STYLE))


def long_lines(agency: Agency, styles: StyleSheet, quoc_hieu: tuple[Line, ...]) -> list[LongLine]:
    """Every line of the profile's header names and signers' titles too wide for its column."""
    found: list[LongLine] = []
    limit = widest_left_twips(quoc_hieu)
    for name, style_id in (("co_quan_chu_quan", CHU_QUAN_STYLE), ("ten_co_quan", AGENCY_STYLE)):
        text = getattr(agency, name) or ""
        for index, line in enumerate(text.splitlines()):
            breaks_of = partial(agency_line_breaks, style_id=style_id, styles=styles, limit=limit)
            lines = typed_line_breaks(line, breaks_of)
            if lines is not None:
                found.append(LongLine((name,), index, line, lines, header=True))
    for key, signer in agency.nguoi_ky.items():
        found.extend(_title_long_lines(key, signer, styles))
    return found


def _title_long_lines(key: str, signer: Signer, styles: StyleSheet) -> Iterator[LongLine]:
    if signer.tham_quyen == "Q.":  # "Q. <head>" alone: the signer's title is not printed
        return
    for index, line in enumerate(signer.chuc_vu.splitlines()):
        lines = typed_line_breaks(line, partial(title_line_breaks, styles=styles))
        if lines is not None:
            yield LongLine(("nguoi_ky", key, "chuc_vu"), index, line, lines, header=False)


def broken(text: str | None, breaks: dict[str, tuple[str, ...]]) -> str | None:
    """`text` with each of its lines that has `breaks` printed as those lines."""
    if text is None or not breaks:
        return text
    return "\n".join(part for line in text.splitlines() for part in breaks.get(line, (line,)))


def yaml_lines(lines: list[str]) -> str:
    """Lines as a YAML flow list, each quoted only when YAML needs it."""
    plain = (",", "[", "]", "{", "}", ":", "#", '"', "'", "&", "*", "!", "|", ">", "%", "@")
    items = [json.dumps(x, ensure_ascii=False) if any(c in x for c in plain) else x for x in lines]
    return "[" + ", ".join(items) + "]"


def long_line_warnings(
    agency: Agency, profile: Path, styles: StyleSheet, quoc_hieu: tuple[Line, ...],
    shown: str | None = None,
) -> list[str]:  # fmt: skip
    """One warning per long line of the profile at `profile` (shown as `shown`): its line and
    field, the line, and the field written as lines that fit."""
    found = long_lines(agency, styles, quoc_hieu)
    if not found:
        return []
    from pipeline.load.yaml_source import load_yaml

    try:
        source = load_yaml(profile)
    except InputError:
        source = None
    warnings = []
    for item in found:
        value = _field_value(agency, item.field)
        written = [*value.splitlines()]
        written[item.index : item.index + 1] = item.lines
        typed_as_list = source is not None and isinstance(_at(source.data, item.field), list)
        loc: tuple[str | int, ...] = (*item.field, item.index) if typed_as_list else item.field
        line = source.line_of(loc) if source is not None else None
        key = "wording.long_header_line" if item.header else "wording.long_title_line"
        error = InputError(
            key, file=shown or profile, line=line, field=".".join(item.field), text=item.typed,
            lines=" / ".join(part.upper() for part in item.lines),
            suggestion=f"{item.field[-1]}: {yaml_lines(written)}",
        )  # fmt: skip
        warnings.append(error.message())
    return warnings


def _field_value(agency: Agency, field: tuple[str, ...]) -> str:
    if field[0] == "nguoi_ky":
        return agency.nguoi_ky[field[1]].chuc_vu
    return str(getattr(agency, field[0]) or "")


def _at(data: object, field: tuple[str, ...]) -> object:
    for part in field:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data
