"""The decree's "./." typed by a clerk at the end of a line: it closes a document's content once,
where vanthu writes it, so text read from the data leaves it out (Phụ lục I: the mark after the
last paragraph of the content only)."""

from __future__ import annotations

import re

# The decree's "./." (or "./", "/.") typed at the end of a line, after the sentence's own mark
# (`before`) or in its place: "... kể từ ngày ký./." copied from an old decision's last article.
# A "/" alone stays (an address, "sonla.gov.vn/"), as in _TYPED_ENDING.
_TYPED_DECREE_MARK = re.compile(
    r"(?P<before>[.;:,!?…]?)[ \t]*(?:\.[ \t]*/(?:[ \t]*\.)?|/[ \t]*\.)[ \t]*$", re.M
)


def without_decree_mark(text: str) -> str:
    """Body text whose lines (its paragraphs) end without a typed "./.", the sentence's own mark
    kept or a full stop in its place ("ký./." → "ký.", "thực hiện;./." → "thực hiện;"): the
    decree's mark closes the content's last paragraph only, where closing writes it."""
    return _TYPED_DECREE_MARK.sub(lambda found: found["before"] or ".", text)
