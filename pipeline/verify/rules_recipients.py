"""Ô 9b: a Nơi nhận that names the same recipient twice, that puts a "+ " line outside a group,
or (a Quyết định's) that does not address those who execute the decision.

An office's old copy of the signature block that printed the last lines (`noi_nhan_tiep`) both
in the signature's row and in the row under it, or a hand edit, prints a recipient twice: the
document goes out with a list a reader takes for a mistake. Lines are compared as a clerk reads
them: without the dash, keyed as `vanthu check` keys a document's recipients
(text.normalize.recipient_key: case, spacing, tone placement and the closing ";" or "."
aside). A "+ " line belongs to the "- " group above it ("- UBND huyện A:" / "+ Phòng Nội vụ;"
and "- UBND huyện B:" / "+ Phòng Nội vụ;" are two recipients), and a line holding a template
tag is not compared (in a template, two loops may print their items with the same tag).

Each recipient starts with "- " (Phụ lục I); "+ " marks a member of a group only, under the
"- " line that opens the group with ":". A Quyết định addresses those who execute it: "- Như
Điều 3;" (Phụ lục I), or, as the Thủ tướng's award decisions do (an office's câu chữ nhu_dieu:
""), a list that opens with one of those its execution article names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.rules.agency_names import spelt_out
from pipeline.text.normalize import recipient_key
from pipeline.text.tones import same_spelling
from pipeline.verify.document import Paragraph
from pipeline.verify.layout import Layout, flat
from pipeline.verify.report import Location, Report, excerpt, literal, msg

# The mark a Nơi nhận item starts with: "- " for a recipient, "+ " for one of a group's.
_ITEM = re.compile(r"^(?P<mark>[-+–])\s*")
# "Như Điều 3", "Như Điều 3, 4", "Như các Điều 2, 3", "Như Điều 3 (thực hiện)": any article,
# any list of them and any purpose after them address the executors the articles name.
NHU_DIEU = re.compile(r"^Như\s+(?:các\s+)?Điều\s+\d+", re.IGNORECASE)
ARTICLE = re.compile(r"^Điều\s+(?P<number>\d+)\.")
EXECUTES = "thi hành"  # "... chịu trách nhiệm thi hành Quyết định này."
# A recipient named by fewer words ("Văn phòng") is found in any article ("Chánh Văn phòng").
MIN_NAME_WORDS = 3


def item_key(line: str) -> str:
    """A Nơi nhận line as compared for repeats: its recipient without the mark, keyed as
    text.normalize.recipient_key keys any recipient ("- Uỷ ban nhân dân tỉnh;" is "- ỦY BAN
    NHÂN DÂN TỈNH."); '' for a line with no recipient in it."""
    return recipient_key(_ITEM.sub("", flat(line), count=1))


def _items(lines: list[Paragraph]) -> Iterator[tuple[Paragraph, str, bool]]:
    """Each item of the Nơi nhận lines: its paragraph, its text and whether it is a group's
    ("+ "). A paragraph broken by hand (Shift+Enter) holds one item per line that starts with
    a mark; a line without one goes on the item before it."""
    for p in lines:
        if p.has_tag:
            continue
        item: list[str] = []
        for line in p.text.split("\n"):
            if _ITEM.match(flat(line)) and item:
                text = " ".join(item)
                yield p, text, flat(text).startswith("+")
                item = []
            item.append(line)
        text = " ".join(item)
        if flat(text):
            yield p, text, flat(text).startswith("+")


def check_repeated_recipients(lines: list[Paragraph], report: Report) -> None:
    """A recipient named twice in Nơi nhận: reported at the second line, with where the first
    one is; every copy after the first is reported, each against the first."""
    seen: dict[tuple[str, str], Location] = {}
    group = ""  # the "- " line a "+ " line belongs to
    for p, text, in_group in _items(lines):
        key = item_key(text)
        if not key:
            continue  # a line with its dash only: noi_nhan.empty says so
        if not in_group:
            group = key
        scoped = (group if in_group else "", key)
        if scoped not in seen:
            seen[scoped] = p.where
            continue
        first = seen[scoped]
        report.add("noi_nhan.repeated", p.where, literal(text), msg("recipient_once", first=first))


def check_group_items(lines: list[Paragraph], report: Report) -> None:
    """A "+ " line outside a group: "+ " marks the members of a group under the "- " line that
    opens it ("- UBND huyện Mai Sơn:" / "+ Phòng Nội vụ;"); a recipient of its own starts with
    "- " (an office's copy of the signature block printing "+ {{ nguoi_nhan }};" put it on every
    line). Reported as noi_nhan.dash, at the line."""
    group = False  # whether the last "- " line opened a group
    for p, text, member in _items(lines):
        line = flat(text)
        if not member:
            group = line.endswith(":")
        elif not group:
            found = msg("line_start", text=excerpt(line, 20))
            report.add("noi_nhan.dash", p.where, found, msg("group_dash"))


def check_executors(layout: Layout, report: Report) -> None:
    """A Quyết định's Nơi nhận addresses those who execute it: a "- Như Điều N;" line, or a
    first line naming one of those its execution article (the last that says "thi hành", else
    the last) charges with it. Reported at the heading, with the article's number."""
    heading = layout.noi_nhan_tieu_de
    if layout.template or layout.type_code != "quyet_dinh" or heading is None:
        return
    items = [_ITEM.sub("", flat(text), count=1) for _, text, _ in _items(layout.noi_nhan)]
    # A first line with its dash only lost its text where "Như Điều" stands: noi_nhan.empty
    # says so, once.
    if not items or not items[0] or any(NHU_DIEU.match(item) for item in items):
        return
    article = _execution_article(layout.body)
    if article is None:
        return  # no article to execute: the decision's form is reported by its own rules
    number, text = article
    if _named_in(items[0], text):
        return
    report.add("noi_nhan.nhu_dieu", heading.where, msg("absent"), msg("nhu_dieu", article=number))


def _execution_article(body: list[Paragraph]) -> tuple[str, str] | None:
    """(number, text) of the article that names the decision's executors: the last whose text
    (its paragraph and those under it) says "thi hành", else the last article."""
    articles: list[tuple[str, list[str]]] = []
    for p in body:
        text = flat(p.text)
        match = ARTICLE.match(text)
        if match:
            articles.append((match["number"], [text]))
        elif articles:
            articles[-1][1].append(text)
    texts = [(number, " ".join(lines)) for number, lines in articles]
    executing = [found for found in texts if EXECUTES in found[1].lower()]
    found = executing or texts
    return found[-1] if found else None


def _named_in(recipient: str, article: str) -> bool:
    """Whether the recipient (its purpose in brackets aside) is named in the article, whole
    words of three or more, short forms written out, case and tone placement aside."""
    name = _words(re.sub(r"\([^()]*\)", " ", recipient))
    return len(name.split()) >= MIN_NAME_WORDS and name in _words(article)


def _words(text: str) -> str:
    """Text as compared for a name: its words only, short forms written out as its article
    writes them ("UBND tỉnh" for "Ủy ban nhân dân tỉnh": agency_names.spelt_out), each word's
    case and tone placement folded (text.tones.same_spelling), padded so a name is found whole."""
    words = spelt_out(re.findall(r"\w+", text))
    return f" {same_spelling(' '.join(words))} "
