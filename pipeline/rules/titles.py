"""A person's title (chức vụ) as a sentence writes it, from the capitals of a signature block.

A signature block prints its lines in capitals, the signer's own title last, under the
authority it signs with (Phụ lục I, ô 7a: "TM. HỘI ĐỒNG / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"). A
sentence that names the person ("Chủ trì: đồng chí ..., Phó Chủ tịch Hội đồng ...", a thẩm
quyền ban hành "Chánh Văn phòng UBND tỉnh ...") takes the title alone, in running-text case,
and names the body after a head's title that names none.
"""

from __future__ import annotations

import re

from pipeline.patterns import lazy
from pipeline.rules.agency_names import HEAD_TITLES, running_text_name
from pipeline.text.syllables import is_vietnamese_syllable
from pipeline.text.tones import same_spelling

# Where a clerk breaks a name or a title into the lines it prints in: a new line (a profile's
# list, a line an item) or a '|' (`vanthu init --co-quan` documents it, on the command line or in
# a profile), the blanks around it dropped. Compiled at import: every build reads its signers.
_LINE_BREAK = re.compile(r"\s*[|\n]\s*")
# The authority a signature line opens with (TM., KT., TL., TUQ., Q.): the signature's, no
# part of the person's title.
_AUTHORITY = lazy(r"^\s*(?:T\.?\s?M|KT|TL|TUQ|Q)\.\s*", re.IGNORECASE)
# Words before a title that make another of it, written with their own capital ("Phó Chủ tịch").
_TITLE_PREFIXES = {"phó": "Phó", "quyền": "Quyền"}
# Heads' titles (agency_names.HEAD_TITLES) whose words after the first are not all small in
# running text: the agency's kind a title names keeps its capital ("Chánh Văn phòng"), as the
# presets of `vanthu init` write them; any other opens with a capital alone ("Chủ tịch").
_TITLE_SPELLINGS = {"CHÁNH VĂN PHÒNG": "Chánh Văn phòng", "CHÁNH THANH TRA": "Chánh Thanh tra",
                    "TỔNG GIÁM ĐỐC": "Tổng Giám đốc"}  # fmt: skip
_UNIT_KINDS = {same_spelling("phòng"), same_spelling("ban")}


def typed_lines(text: str) -> list[str]:
    """`text` in the lines the clerk broke it into, at a new line or a '|' (_LINE_BREAK), each
    with single spaces, none empty: "GIÁM ĐỐC TRUNG TÂM | PHỤC VỤ HÀNH CHÍNH CÔNG" is two."""
    typed = [" ".join(part.split()) for part in _LINE_BREAK.split(text)]
    return [line for line in typed if line]


def own_title(chuc_vu: str) -> str:
    """The signer's own title among a signature block's lines (typed_lines: those under its last
    TM., KT. ... line), on one line: "TM. HỘI ĐỒNG\\nKT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH" → "PHÓ CHỦ
    TỊCH", "GIÁM ĐỐC TRUNG TÂM | PHỤC VỤ HÀNH CHÍNH CÔNG" → the two lines as one title."""
    lines = typed_lines(chuc_vu)
    if not lines:
        return ""
    last = max((n for n, line in enumerate(lines) if _AUTHORITY().match(line)), default=-1)
    own = lines[last + 1 :]
    return " ".join(own) if own else _AUTHORITY().sub("", lines[-1])


def running_title(title: str) -> tuple[str, bool]:
    """A title in running-text case ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; one typed in small
    letters is kept as typed), and whether it is a head's title alone, naming no body."""
    title = " ".join(title.split())
    words = title.split()
    prefix = []
    while words and words[0].casefold() in _TITLE_PREFIXES:
        prefix.append(words.pop(0))
    head = _head_title(words)
    rest = words[head:]
    bare = head > 0 and not rest
    if title != title.upper():
        return title, bare
    if not head:
        return _opening_capital(" ".join([*prefix, *words])), bare
    spelt = " ".join(words[:head])
    opening = [_TITLE_PREFIXES[word.casefold()] for word in prefix]
    opening.append(_TITLE_SPELLINGS.get(spelt, _opening_capital(spelt)))
    if rest:  # the body named after the title: an agency's or a place's name ("UBND TỈNH ...")
        # Read with the unit's kind the title ends with ("TRƯỞNG PHÒNG" + "TỔ CHỨC CÁN BỘ" as
        # "Phòng Tổ chức cán bộ"), whose own word the title has already written.
        kind = [words[head - 1]] if same_spelling(words[head - 1]) in _UNIT_KINDS else []
        named = running_text_name(" ".join([*kind, *rest])).split()
        opening.append(" ".join(named[len(kind) :]))
    return " ".join(opening), bare


def join_title(title: str, body: str) -> str:
    """'Chánh Văn phòng' + 'Văn phòng UBND tỉnh Sơn La' → 'Chánh Văn phòng UBND tỉnh Sơn La':
    the words the title ends with and the name opens with said once ('Trưởng phòng' + 'Phòng
    Kinh tế' → 'Trưởng phòng Kinh tế'; compared as same_spelling does: 'Chủ tịch Uỷ ban' +
    'Ủy ban ...' too)."""
    words, names = title.split(), body.split()
    for size in range(min(len(words), len(names)), 0, -1):
        if [same_spelling(w) for w in words[-size:]] == [same_spelling(n) for n in names[:size]]:
            return " ".join([*words, *names[size:]])
    return " ".join([*words, *names])


def _head_title(words: list[str]) -> int:
    """How many of `words` make the head's title they open with (HEAD_TITLES), else 0."""
    keys = [same_spelling(word) for word in words]
    titles = [same_spelling(title).split() for title in HEAD_TITLES]
    return max((len(title) for title in titles if keys[: len(title)] == title), default=0)


def _opening_capital(text: str) -> str:
    """Text in capitals as a sentence writes it: the first letter a capital, the rest small;
    an abbreviation (UBND, HĐND: no Vietnamese syllable) stays as written."""
    words = [
        word.lower() if is_vietnamese_syllable(word.lower().strip(",.;:()")) else word
        for word in text.split()
    ]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]
