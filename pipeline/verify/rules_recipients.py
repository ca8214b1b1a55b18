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

In a template both rules are said only where its fixed text decides them for every document it
prints: its lines stand among docxtpl's control paragraphs ({%p for %}, {%p if %}) and hold tags
the data fills in, which may print a "- " or a "+ ", a group's ":", or "Như Điều 3" (a
decision's context puts it first in `noi_nhan`). `vanthu templates check` says them so, before
any document is made with the template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeAlias

from pipeline.model.blocks import own_line_key, without_bullet
from pipeline.rules.agency_names import spelt_out
from pipeline.text.normalize import recipient_key
from pipeline.text.tones import same_spelling
from pipeline.verify.document import TAG, Document, Paragraph
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


# The lines vanthu writes itself, which a clerk may type again with a purpose in brackets or
# an old document's article: "Như trên (để thực hiện)", "Như Điều 4 (b/c)"
# (context.addressing.with_own_line prints each once).
_OWN_LINE = re.compile(r"^Như\s+(?:trên\b|(?:các\s+)?Điều\s+\d)", re.IGNORECASE)


def item_key(line: str) -> str:
    """A Nơi nhận line as compared for repeats: its recipient without the mark, keyed as
    text.normalize.recipient_key keys any recipient ("- Uỷ ban nhân dân tỉnh;" is "- ỦY BAN
    NHÂN DÂN TỈNH."); '' for a line with no recipient in it. A line vanthu writes itself is
    keyed as the renderer keys it (model.blocks.own_line_key): "Như trên" and "Như Điều 3"
    are the same lines with a purpose after them or without ("- Như Điều 3 (để thực hiện);")."""
    item = _ITEM.sub("", flat(line), count=1)
    return own_line_key(item) if _OWN_LINE.match(item) else recipient_key(item)


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
    line). Reported as noi_nhan.dash, at the line; in a template, where every document it prints
    has it so (_template_group_faults)."""
    if report.template:
        for p, text in _template_group_faults(lines):
            found = msg("line_start", text=excerpt(text, 20))
            report.add("noi_nhan.dash", p.where, found, msg("group_dash"))
        return
    group = False  # whether the last "- " line opened a group
    for p, text, member in _items(lines):
        line = flat(text)
        if doubled_mark(line):
            found = msg("line_start", text=excerpt(line, 20))
            report.add("noi_nhan.dash", p.where, found, msg("one_mark"))
        if not member:
            group = line.endswith(":")
        elif not group:
            found = msg("line_start", text=excerpt(line, 20))
            report.add("noi_nhan.dash", p.where, found, msg("group_dash"))


def doubled_mark(line: str) -> bool:
    """Whether a list line prints a bullet after its own mark ("- – UBND tỉnh;", "- • Sở Y;",
    "- + Bản Ít;"): one typed or pasted from Word before the text that the list's "- " then
    doubled. A bullet as model.blocks.without_bullet tells it from the text's own sign
    ("- -5 độ C" is not one)."""
    item = _ITEM.sub("", line, count=1)
    return item != line and without_bullet(item) != item


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


# Whether a "+ " line printed at a point of a template's Nơi nhận is in a group: the last "- "
# line before it opened one (ended ":"), did not, or its text is the data's (UNKNOWN).
CLOSED, OPEN, UNKNOWN = "closed", "open", "unknown"
# A control tag's word ({%p for ... %}: "for"); a row's or a cell's ({%tr if %}) decides
# whether the cell prints, not the order of its lines, and is left aside.
_CONTROL_WORD = re.compile(r"\{%-?\s*(?:(?P<level>tr|tc|p|r|c)\s+)?(?P<word>\w+)")
_ENDS_WITH_TAG = re.compile(r"(\}\}|%\}|#\})$")
# Control tags that print nothing themselves and keep the lines in order.
_TRANSPARENT = frozenset({"set", "endset", "with", "endwith", "do"})
# The archive line's tag (khoi/ky-ten: "- {{ luu }}"): it prints "Lưu: VT, ...", never an
# executor of the decision.
ARCHIVE_TAG = re.compile(r"\{\{-?\s*luu\s*-?\}\}")
ARCHIVE = re.compile(r"^Lưu\s*:", re.IGNORECASE)
# What a template's control tags let a check read of its lines' order.
_FLOW_WORDS = frozenset({"if", "elif", "else", "endif", "for", "endfor"}) | _TRANSPARENT


@dataclass
class _Line:
    """One item of a template's Nơi nhận: its paragraph and text, tags as typed."""

    paragraph: Paragraph
    text: str


@dataclass
class _Opaque:
    """What a check cannot follow: an include, a macro, paragraphs it does not see."""


@dataclass
class _Block:
    """{%p if %} / {%p for %} and its arms (if: one per branch; for: the body, then an else)."""

    kind: str
    arms: list[list[_Node]] = field(default_factory=lambda: [[]])
    has_else: bool = False


_Node: TypeAlias = _Line | _Opaque | _Block


def _template_items(p: Paragraph) -> list[str]:
    """A template paragraph's items: a line that starts with a mark or a tag starts one."""
    items: list[str] = []
    for line in p.text.split("\n"):
        text = flat(line)
        if items and not _ITEM.match(text) and not text.startswith("{"):
            items[-1] += " " + text
        elif text:
            items.append(text)
    return items


def _parse(paragraphs: list[Paragraph | None]) -> list[_Node]:
    """The lines of a template's Nơi nhận, nested in the {%p if %} and {%p for %} blocks they
    stand in; None in `paragraphs` for paragraphs not seen (_Opaque)."""
    root: list[_Node] = []
    stack: list[_Block] = []

    def current() -> list[_Node]:
        return stack[-1].arms[-1] if stack else root

    for p in paragraphs:
        if p is None:
            current().append(_Opaque())
        elif p.is_control:
            for match in _CONTROL_WORD.finditer(p.text):
                _control(match["word"], match["level"], stack, current)
        elif not p.is_empty:
            current().extend(_Line(p, text) for text in _template_items(p))
    while stack:  # a block left open: tpl.unclosed says so; its lines read as they stand
        block = stack.pop()
        current().append(block)
    return root


def _control(
    word: str, level: str | None, stack: list[_Block], current: Callable[[], list[_Node]]
) -> None:
    """One control tag's effect on the blocks being read (_parse)."""
    if level in ("tr", "tc") or word in _TRANSPARENT:
        return
    top = stack[-1] if stack else None
    if word in ("if", "for"):
        stack.append(_Block(word))
    elif word == "elif" and top is not None and top.kind == "if":
        top.arms.append([])
    elif word == "else" and top is not None and not top.has_else:
        top.arms.append([])
        top.has_else = True
    elif word in ("endif", "endfor") and top is not None and top.kind == word[3:]:
        stack.pop()
        current().append(top)
    else:  # include, macro, call, a stray end: what prints after it is not known
        current().append(_Opaque())


def _merge(states: list[str]) -> str:
    return states[0] if len(set(states)) == 1 else UNKNOWN


def _after_line(text: str, state: str) -> str:
    """The group state after an item of a template's Nơi nhận."""
    if text.startswith("+"):
        return state
    if text.startswith("{") or _ENDS_WITH_TAG.search(text):
        return UNKNOWN  # the data prints its mark, or how it ends
    return OPEN if text.endswith(":") else CLOSED


def _run(nodes: list[_Node], state: str, found: list[tuple[Paragraph, str]] | None) -> str:
    """The group state after `nodes`, entered in `state`; the "+ " lines outside a group added
    to `found` (None: a pass that only works out the state)."""
    for node in nodes:
        if isinstance(node, _Opaque):
            state = UNKNOWN
        elif isinstance(node, _Line):
            if node.text.startswith("+") and state == CLOSED and found is not None:
                found.append((node.paragraph, node.text))
            state = _after_line(node.text, state)
        elif node.kind == "if":
            ends = [_run(arm, state, found) for arm in node.arms]
            state = _merge(ends if node.has_else else [*ends, state])
        else:
            state = _loop(node, state, found)
    return state


def _loop(node: _Block, state: str, found: list[tuple[Paragraph, str]] | None) -> str:
    """A {%p for %} block: its body entered in the state before it or after a pass of itself
    (the second item follows the first), so that no line is said of the first item only."""
    start = state
    while True:
        end = _run(node.arms[0], start, None)
        merged = _merge([start, end])
        if merged == start:
            break
        start = merged
    _run(node.arms[0], start, found)
    ends = [start] + [_run(arm, state, found) for arm in node.arms[1:]]
    return _merge(ends)


def _template_group_faults(lines: list[Paragraph]) -> list[tuple[Paragraph, str]]:
    """(paragraph, item) of each "+ " line of a template's Nơi nhận that every document prints
    outside a group: after the heading, or a "- " line of fixed text that does not end with
    ":", whichever branch of an {%p if %} or pass of a {%p for %} it follows."""
    if not lines:
        return []
    cell = lines[0].cell
    paragraphs: list[Paragraph | None]
    if cell is not None and all(p.cell is cell for p in lines):
        own = cell.paragraphs
        first = next(n for n, p in enumerate(own) if p is lines[0])
        last = next(n for n, p in enumerate(own) if p is lines[-1])
        while first > 0 and (own[first - 1].is_control or own[first - 1].is_empty):
            first -= 1  # the control paragraphs between the heading and the first line
        paragraphs = list(own[first : last + 1])
    else:  # lines outside a cell: what stands between two of them is not seen
        paragraphs = []
        for before, p in zip([None, *lines], lines, strict=False):
            if before is not None and p.index != before.index + 1:
                paragraphs.append(None)
            paragraphs.append(p)
    found: list[tuple[Paragraph, str]] = []
    _run(_parse(paragraphs), CLOSED, found)
    return found


def check_template_executors(doc: Document, layout: Layout, report: Report) -> None:
    """A Quyết định template whose Nơi nhận can print no line addressing the executors in any
    document (check_executors): no "Như Điều N" in its fixed lines, no line the data fills in
    (the context puts "Như Điều N" first in `noi_nhan`), and a first line, printed in every
    document, that no execution article can name (fewer words than a name; or the template's
    own articles, when it writes them, do not). Reported as check_executors reports it."""
    heading = layout.noi_nhan_tieu_de
    if layout.type_code != "quyet_dinh" or heading is None or not layout.noi_nhan:
        return
    container = (heading.cell.paragraphs if heading.cell is not None
                 else [p for p in doc.paragraphs if p.cell is None])  # fmt: skip
    start = next((n for n, p in enumerate(container) if p is heading), None)
    end = next((n for n, p in enumerate(container) if p is layout.noi_nhan[-1]), None)
    if start is None or end is None:
        return
    lines = [p for p in container[start + 1 : end + 1] if not p.is_empty]
    if not lines or lines[0].is_control or any(_may_address(p) for p in lines):
        return
    names = [_ITEM.sub("", flat(text), count=1) for _, text, _ in _items(lines)]
    if any(NHU_DIEU.match(name) for name in names):
        return
    first = _ITEM.sub("", flat(lines[0].text), count=1)
    article = _template_article(doc, layout)
    if lines[0].has_tag or ARCHIVE.match(first):
        pass  # the archive line first: no recipient before it
    elif not first:
        return  # a line with its dash only: noi_nhan.empty says so
    elif len(_words(re.sub(r"\([^()]*\)", " ", first)).split()) >= MIN_NAME_WORDS:
        if article is None or _named_in(first, article[1]):
            return  # the data's articles may name it; or the template's do
    number = article[0] if article is not None else "N"
    report.add("noi_nhan.nhu_dieu", heading.where, msg("absent"), msg("nhu_dieu", article=number))


def _may_address(p: Paragraph) -> bool:
    """Whether a paragraph of a template's Nơi nhận may print the executors' line: a tag other
    than the archive line's, or a control tag that prints what the check cannot read."""
    if p.is_control:
        return any(m["word"] not in _FLOW_WORDS and m["level"] not in ("tr", "tc")
                   for m in _CONTROL_WORD.finditer(p.text))  # fmt: skip
    return bool(TAG.search(ARCHIVE_TAG.sub("", p.text)))


def _template_article(doc: Document, layout: Layout) -> tuple[str, str] | None:
    """The execution article a decision template writes in fixed text (_execution_article);
    None when a tag before its Nơi nhận may print articles (an include of khoi/dieu)."""
    heading = layout.noi_nhan_tieu_de
    if heading is None:
        return None
    header = layout.header_table
    for p in doc.paragraphs[: heading.index]:
        if p.has_tag and (p.cell is None or p.cell.table is not header):
            return None
    return _execution_article(layout.body)
