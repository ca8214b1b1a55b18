"""Ô 2 against the office's profile: the cơ quan chủ quản and cơ quan ban hành lines an output
prints are the ones its profile (co-quan/<ref>.yaml) gives, word for word.

A template maintainer who typed a name into the template ("ỦY BAN NHÂN DÂN" above the tag), or
an output built before the profile was changed, prints a header that lost or gained words; Phụ
lục I's format rules do not see it. Known only for an output whose manifest records the
profile it was built with, in the workspace holding it (recorded_output.recorded_profile): for
any other document nothing is said. The expected lines are the renderer's own (header_names:
'|' and new lines break, capitals, a line too wide for the column broken where vanthu breaks
it), in the output's styles; both sides are compared in NFC, with single spaces, in capitals
where a run prints them (w:caps).
"""

from __future__ import annotations

import difflib
import unicodedata
from itertools import zip_longest

from pipeline.context.common import header_names
from pipeline.verify.document import Document, Paragraph
from pipeline.verify.layout import Layout
from pipeline.verify.recorded_output import RecordedProfile, recorded_profile
from pipeline.verify.report import Msg, Report, literal, msg

# The profile's field of each header line, and the tag a template prints it with.
FIELDS = {"co_quan_chu_quan": "co_quan_chu_quan", "co_quan": "ten_co_quan"}
TAGS = {"co_quan_chu_quan": "co_quan_chu_quan", "co_quan": "co_quan_ban_hanh"}

Line = tuple[str, str]  # (element: co_quan_chu_quan or co_quan, text)


def check_header_profile(doc: Document, layout: Layout, report: Report) -> None:
    """Each header line (ô 2) as the office's profile gives it: a line the profile does not
    have, or has otherwise, or one of its lines not printed, reported at the line. The chủ
    quản's lines and the agency's are compared apart when the layout told them apart."""
    groups = (("co_quan_chu_quan", layout.co_quan_chu_quan), ("co_quan", layout.co_quan))
    paragraphs = [(element, p) for element, group in groups for p in group]
    if layout.template or not layout.co_quan or any(p.has_tag for _, p in paragraphs):
        return
    profile = recorded_profile(doc.path)
    if profile is None:
        return
    expected = _expected(profile, doc)
    printed = [(element, line, p) for element, p in paragraphs for line in _printed_lines(p)]
    if not printed:
        return
    if layout.co_quan_chu_quan or all(element == "co_quan" for element, _ in expected):
        for part in FIELDS:
            wanted = [line for line in expected if line[0] == part]
            shown = [line for line in printed if line[0] == part]
            _compare(report, profile, (wanted, expected), shown, printed[-1][2])
    else:  # the layout read every line as the agency's: compared as one list
        _compare(report, profile, (expected, expected), printed, printed[-1][2])


def _compare(
    report: Report,
    profile: RecordedProfile,
    lines: tuple[list[Line], list[Line]],
    printed: list[tuple[str, str, Paragraph]],
    anchor: Paragraph,
) -> None:
    """Report each printed line that differs from the profile's (`lines`: those compared, and
    all the header's, which a line the profile does not have is told from), aligned as difflib
    aligns the two lists (a line replaced, one added, one missing), at its paragraph; a missing
    one at the paragraph after it, else the last (`anchor` when none is printed)."""
    expected, whole = lines
    matcher = difflib.SequenceMatcher(
        None, [text for _, text in expected], [text for _, text, _ in printed], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for want, got in zip_longest(range(i1, i2), range(j1, j2)):
            at = got if got is not None else min(j1, len(printed) - 1)
            where = printed[at][2].where if printed else anchor.where
            element = expected[want][0] if want is not None else printed[at][0]
            found = literal(printed[got][1]) if got is not None else msg("absent")
            report.add(f"{element}.profile", where, found,
                       _expected_msg(profile, expected, whole, want))  # fmt: skip


def _expected(profile: RecordedProfile, doc: Document) -> list[Line]:
    """The header lines the profile prints, as the renderer breaks them, in the output's styles."""
    chu_quan, name = header_names(profile.agency, doc.styles)
    texts = (("co_quan_chu_quan", chu_quan or ""), ("co_quan", name))
    return [(element, line) for element, text in texts for line in _lines(text)]


def _printed_lines(p: Paragraph) -> list[str]:
    """The lines of a header paragraph as they print: capitals where a run shows them."""
    text = "".join(r.text.upper() if r.caps else r.text for r in p.runs if not r.hidden)
    return _lines(text)


def _lines(text: str) -> list[str]:
    """The lines of a text in NFC, each with single spaces, none empty."""
    lines = (" ".join(line.split()) for line in unicodedata.normalize("NFC", text).split("\n"))
    return [line for line in lines if line]


def _expected_msg(
    profile: RecordedProfile, expected: list[Line], whole: list[Line], want: int | None
) -> Msg:
    """What the profile has in place of a printed line: its line `want` of `expected`, or none
    (the header's `whole` lines said)."""
    if want is None:
        lines = " / ".join(f"«{text}»" for _, text in whole)
        return msg("no_profile_line", file=profile.shown, lines=lines)
    element, line = expected[want]
    number = 1 + sum(1 for other, _ in expected[:want] if other == element)
    return msg("profile_line", line=line, field=FIELDS[element], file=profile.shown,
               number=number, tag=TAGS[element])  # fmt: skip
