"""Tag mistakes that Jinja compiles without a word but that break or empty the output.

Found when a template is prepared (so `render` and `build` refuse it) and by `vanthu templates
check`, each at the paragraph of the .docx that holds it:

- a `{{` or `{%` whose `}}` / `%}` is not in the same paragraph (docxtpl tags never span
  paragraphs: an unclosed one swallows the rest of the document), or a `}}` / `%}` with no
  opening;
- a `{%p %}` / `{%tr %}` / `{%tc %}` tag sharing its paragraph with other text or tags (docxtpl
  replaces the whole paragraph, row or cell by the tag: the rest vanishes);
- `{%p include "khoi/…" %}` naming a block that does not exist;
- a tag in a header or footer (vanthu renders the body only: the frame's print it as typed);
- a block opened and closed (or continued, `else`/`elif`) at different XML levels once docxtpl
  has removed the paragraphs and rows of its marked tags (`{%tr if %}` … `{%p endif %}`): the
  output is malformed XML whenever the data takes that branch.

Pure functions of a template's XML: a parse of its body and a scan of the cleaned-up source,
a few milliseconds per template, paid once per preparation.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from lxml import etree
from markupsafe import Markup

from pipeline.i18n import current_language, t
from pipeline.ooxml_blocks import paragraph_text
from pipeline.ooxml_names import MC_CLARK, PACKAGE_RELS_CLARK, R_CLARK, W_CLARK
from pipeline.patterns import lazy
from pipeline.render.compose import (
    BLOCKS_DIR,
    FRAME_NAME,
    preprocess,
    split_body,
    strip_comments,
)
from pipeline.render.form import ACHIEVEMENT_STYLE, MM_PER_TWIP, NAME_STYLE, UNIT_STYLE
from pipeline.render.fragments import RICH_FIELDS
from pipeline.render.locate import (
    ANY_TAG,
    Place,
    RunningSpot,
    office_folder,
    paragraph_with_tag,
    paragraph_with_text,
    paragraphs_of,
    place_of_paragraph,
    tag_key,
)
from pipeline.render.package import (
    DOCUMENT_PART,
    Package,
    Relationship,
    carriable,
    part_of,
    relationship_reference,
    relationships,
)
from pipeline.render.phrase import Phrase
from pipeline.render.styles import bad_value
from pipeline.rules.part_order import (
    ADDRESSED,
    ATTACHED,
    BODY,
    HEADER,
    MIDDLE,
    SIGNATURE,
    TITLE,
    attached_start,
    middle_out_of_order,
)

if TYPE_CHECKING:
    from pipeline.render.compose import TemplateLibrary
    from pipeline.verify.document import Paragraph

_delimiter = lazy(r"\{\{|\}\}|\{%|%\}")
_CLOSING = {"{{": "}}", "{%": "%}"}
# docxtpl's marked tags that stand for their whole paragraph, row or cell.
_control = lazy(r"\{([%{])-?\s*(p|tr|tc)\s.*?-?[%}]\}", re.DOTALL)
_include = lazy(r"""\{%-?\s*(?:p\s+)?include\s+["'“”‘’]([^"'“”‘’]*)["'“”‘’]""")
# The cleaned-up source: an XML tag, or a Jinja statement and its first word.
_token = lazy(r"<(/?)([\w:]+)[^>]*?(/?)>|\{%-?\s*(\w+).*?%\}", re.DOTALL)
_OPENERS = {"for", "if", "with", "macro", "call", "filter", "block"}
_MIDDLES = {"else": ("if", "for"), "elif": ("if",)}
# What a maintainer calls the place where a tag ended up, innermost element first.
_LEVELS = (("w:tc", "cell"), ("w:tr", "row"), ("w:tbl", "table"), ("w:p", "paragraph"))


@dataclass(frozen=True)
class Fault:
    """One mistake: catalogue key and params, and how to find its paragraph again: the `nth`
    (from 0) paragraph whose text is `text`, or, with `tag`, holding a tag that reads as it."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    tag: str = ""
    nth: int = 0


def _delimiters(text: str) -> tuple[str, str] | None:
    """(key, tag) of the first unbalanced `{{`/`{%`/`}}`/`%}` of a paragraph's text."""
    opened: int | None = None
    for match in _delimiter().finditer(text):
        mark = match[0]
        if mark in _CLOSING:
            if opened is not None:
                return "tpl.unclosed_tag", text[opened : match.start()].rstrip()
            opened = match.start()
        elif opened is not None and _CLOSING[text[opened : opened + 2]] == mark:
            opened = None
        elif opened is not None:
            return "tpl.unclosed_tag", text[opened : match.end()]
        else:
            return "tpl.stray_close", text[max(0, match.start() - 30) : match.end()].lstrip()
    if opened is not None:
        return "tpl.unclosed_tag", text[opened:].rstrip()
    return None


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def paragraph_faults(document_xml: str, blocks: Collection[str] | None = None) -> list[Fault]:
    """Unbalanced delimiters, marked tags not alone, includes of unknown blocks (`blocks`: the
    include names that exist; None: not checked)."""
    faults: list[Fault] = []
    body = etree.fromstring(document_xml.encode("utf-8")).find(f"{W_CLARK}body")
    numbered = _numbered_paragraphs(body) if body is not None else {}
    for text, nth in numbered.values():
        if "{" not in text and "}" not in text:
            continue
        found = _delimiters(text)
        if found is not None:
            faults.append(Fault(found[0], {"tag": _shown(found[1])}, text=text, nth=nth))
            continue
        rich = rich_field_fault(text)
        if rich is not None:
            faults.append(Fault("tpl.rich_field", rich, text=text, nth=nth))
            continue
        control = _control().search(text)
        if control is not None:
            rest = (text[: control.start()] + text[control.end() :]).strip()
            if rest:
                params = {"tag": _shown(control[0]), "rest": _shown(rest)}
                faults.append(Fault("tpl.control_not_alone", params, text=text, nth=nth))
                continue
        if blocks is not None:
            for include in _include().finditer(text):
                name = include[1].strip()
                if name not in blocks:
                    close = difflib.get_close_matches(name, list(blocks), n=1)
                    params = {"name": name, "known": ", ".join(sorted(blocks)),
                              "hint": close[0] if close else ""}  # fmt: skip
                    faults.append(Fault("tpl.unknown_block", params, text=text, nth=nth))
    return faults


# A tag that prints ({{ x }}, docxtpl's {{r x }} and {{p x }}): its marker and expression.
_printing = lazy(r"\{\{-?(?:(r|p|tr|tc)(?=\s))?(.*?)-?\}\}", re.DOTALL)
# A field holding runs, read in an expression as a name or an attribute (not in a string).
_rich = lazy(r"(?<![\w'\"])((?:[A-Za-z_]\w*\.)*(?:" + "|".join(sorted(RICH_FIELDS))
             + r"))(?![\w'\"])")  # fmt: skip


def rich_field_fault(text: str) -> dict[str, str] | None:
    """The first tag of a paragraph's `text` printing a field that holds runs (RICH_FIELDS)
    otherwise than docxtpl's `{{r field }}`: without the `r` the runs land inside the tag's
    <w:t> (a document no reader opens, or whose text is lost), through a filter or an
    expression their XML is changed or printed as text. Params of tpl.rich_field: the tag,
    the field and the tag to write."""
    if "{{" not in text:
        return None
    for match in _printing().finditer(text):
        expression = match[2].strip()
        read = _rich().search(expression)
        if read is None:
            continue
        if match[1] == "r" and expression == read[1]:
            continue
        fix = f"{{{{r {read[1]} }}}}"
        return {"tag": _shown(match[0]), "field": read[1].rsplit(".", 1)[-1], "fix": fix}
    return None


def _level(path: tuple[str, ...]) -> str:
    """'cell', 'row', 'table', 'paragraph' or 'body': the innermost of them around a tag."""
    for element in reversed(path):
        for name, level in _LEVELS:
            if element == name:
                return level
    return "body"


def nesting_faults(source: str) -> list[Fault]:
    """Blocks of a cleaned-up source (compose.preprocess) whose tags stand at different XML
    nesting: what lies between them is not a whole number of elements."""
    faults: list[Fault] = []
    path: list[str] = []
    opened: list[tuple[str, tuple[str, ...], str, int]] = []  # word, path, tag, nth
    counts: dict[str, int] = {}
    raw = False
    for match in _token().finditer(source):
        word = match[4]
        if word is None:
            if raw:
                continue
            closing, name, empty = match[1], match[2], match[3]
            if closing:
                if name in path:  # unbalanced XML is Word's or docxtpl's business, not ours
                    del path[len(path) - 1 - path[::-1].index(name) :]
            elif not empty:
                path.append(name)
            continue
        if raw:
            raw = word != "endraw"
            continue
        if word == "raw":
            raw = True
            continue
        tag = match[0]
        key = " ".join(tag[2:-2].strip("-").split())
        nth = counts.get(key, 0)
        counts[key] = nth + 1
        here = tuple(path)
        if word in _OPENERS:
            opened.append((word, here, tag, nth))
        elif word in _MIDDLES or (word.startswith("end") and word[3:] in _OPENERS):
            wanted = _MIDDLES.get(word, (word[3:],))
            if not opened or opened[-1][0] not in wanted:
                continue  # a wrong or stray closing tag: Jinja's syntax error says it
            block, where, open_tag, open_nth = opened[-1]
            if word.startswith("end"):
                opened.pop()
            if where != here:
                params = {
                    "block": block,
                    "open": " ".join(open_tag.split()),
                    "open_nth": open_nth,
                    "close": " ".join(tag.split()),
                    "open_level": f"tpl.level.{_level(where)}",
                    "close_level": f"tpl.level.{_level(here)}",
                }
                faults.append(Fault("tpl.level_mismatch", params, tag=tag, nth=nth))
    return faults


@dataclass(frozen=True)
class Found:
    """A fault of template file `name` ('quyet-dinh', 'khoi/ky-ten'), said as a TemplateError or
    a check problem says it: catalogue key, params (Phrases where they are words), place."""

    name: str
    key: str
    params: dict[str, Any]
    where: Place | ValuePlace | None


def template_faults(library: TemplateLibrary, name: str, named: bool = True) -> list[Found]:
    """The faults of template file `name` itself (a type, a phôi or a shared block); `named`:
    a block's place names its file (for a message about the type including it). A type that
    would print none of them, but drops the data's Nơi nhận, has that fault
    (recipients_faults), and one including an office's signature block that no longer prints
    a part of the signature or Nơi nhận in some case (signature_faults)."""
    return (
        _tag_faults(library, name, named)
        or recipients_faults(library, name)
        or signature_faults(library, name)
    )


# The field of the Nơi nhận list (khoi/ky-ten prints it), as a tag's expression reads it: not
# another value's field of that name (a Tờ trình's draft decision: du_thao.noi_nhan), nor the
# name a {% with %} binds (noi_nhan = du_thao.noi_nhan).
RECIPIENTS_FIELD = "noi_nhan"
_recipients = lazy(rf"(?<![.\w]){RECIPIENTS_FIELD}\b(?!\s*=(?!=))")


def _plain_type(library: TemplateLibrary, name: str) -> bool:
    """Whether `name` is a type template with a document of its own: not a shared block, the
    frame or a phôi (a page of its own)."""
    if name.startswith(f"{BLOCKS_DIR}/") or name == FRAME_NAME or _is_form(library, name):
        return False
    return library.stored_document_xml(name) is not None


def recipients_faults(library: TemplateLibrary, name: str) -> list[Found]:
    """Type template `name` printing no Nơi nhận although its document type's data carries one
    that Nghị định 30 requires (ô 9a; a Biên bản's is optional): the data's `noi_nhan` would be
    dropped from every document without a word. Happens when a maintainer deletes the Nơi nhận
    block from the office's khoi/ky-ten, or replaces the include of the signature block in a
    type template by a signature of their own. Said at the office's block that lost it (one
    the type includes whose built-in copy prints it), else at the type template itself."""
    if name.startswith(f"{BLOCKS_DIR}/") or name == FRAME_NAME or not _requires_recipients(name):
        return []
    document_xml = library.stored_document_xml(name)
    if document_xml is None or _is_form(library, name):
        return []
    included = library.included_blocks(name)
    if any(_reads_recipients(library.block_sources.get(block, "")) for block in included):
        return []  # the usual case: khoi/ky-ten prints it
    if _reads_recipients(preprocess(split_body(document_xml, f"{name}.docx")[1])):
        return []
    lost = [block for block in included if library.is_override(block)
            and _builtin_reads_recipients(library, block)]  # fmt: skip
    file = lost[0] if lost else name
    fix = Phrase("tpl.recipients_fix_block" if lost else "tpl.recipients_fix_type", name=file)
    place = Place(None, f"{file}.docx" if lost else "", office_folder(library, file))
    return [Found(name, "tpl.recipients_missing", {"field": RECIPIENTS_FIELD, "fix": fix}, place)]


def _requires_recipients(name: str) -> bool:
    """Whether the document type template `name` serves has a Nơi nhận its form requires: its
    data model requires `noi_nhan` (a Biên bản's may be left out: verify's RECIPIENTS_OPTIONAL;
    a phôi, which also has one, is told apart by the caller)."""
    from pipeline.kinds import KINDS, TEMPLATES  # the kinds' context builders import render

    for code, template in TEMPLATES.items():  # only the kind of `name` imported (KINDS)
        found = KINDS[code].model.model_fields.get(RECIPIENTS_FIELD) if template == name else None
        if found is not None and found.is_required():
            return True
    return False


def _reads_recipients(source: str) -> bool:
    """Whether a tag of the cleaned-up `source` reads the Nơi nhận field."""
    return any(_recipients().search(tag) for tag in ANY_TAG.findall(source))


def _builtin_reads_recipients(library: TemplateLibrary, block: str) -> bool:
    """Whether the built-in copy of shared block `block` prints the Nơi nhận field."""
    if not (library.builtin / f"{block}.docx").is_file():
        return False
    return _reads_recipients(preprocess(library.builtin_body(block)))


# The signature block's parts a document must print (Phụ lục I ô 7a, 7b, 9a): each field with
# what it is called, read through a probe value vanthu would never print. Whether a part prints
# depends on the data (one signer, or a Biên bản's two: chu_ky_trai), so the block is rendered
# for each case: looking for the field's name anywhere in the block let a maintainer empty the
# one-signer table's Nơi nhận while the two-signer branch still read `noi_nhan`.
SIGNATURE_FIELDS = (
    ("chu_ky.ho_ten", "tpl.sign.name"),
    ("chu_ky.tham_quyen", "tpl.sign.title"),
    ("chu_ky_trai.ho_ten", "tpl.sign.left_name"),
    ("chu_ky_trai.tham_quyen", "tpl.sign.left_title"),
    (RECIPIENTS_FIELD, "tpl.sign.recipients"),
    ("luu", "tpl.sign.archive"),
)
SIGNATURE_CASES = ("one", "two")  # tpl.sign.case.one / .two
ARCHIVE_FIELD = "luu"


def _probe(field_path: str) -> str:
    return f"\u27e6{field_path}\u27e7"  # ⟦chu_ky.ho_ten⟧: no text of a template reads so


# The last lines of a long Nơi nhận, printed in the row under the signature's
# (context.signature_room). The context gives `noi_nhan` whole and these as its end; a template
# is handed each line once (recipients_as_printed), so that an office's copy printing both
# lists, whatever it does, never prints a line twice.
CONTINUED_FIELD = f"{RECIPIENTS_FIELD}_tiep"
_CONTINUED = re.compile(rf"(?<![.\w]){CONTINUED_FIELD}\b(?!\s*=(?!=))")


# `noi_nhan` or `noi_nhan_tiep` given another value by a tag ({% with noi_nhan = ... %}).
_RECIPIENTS_BOUND = re.compile(rf"(?<![.\w]){RECIPIENTS_FIELD}\s*=(?!=)")
_continued_bound = lazy(rf"(?<![.\w]){CONTINUED_FIELD}\s*=(?!=)")


def reads_continued(sources: Iterable[str]) -> bool:
    """Whether a tag of one of the cleaned-up `sources` (a type template and its blocks) reads
    `noi_nhan_tiep`: not another value's field of that name, nor the name a {% with %} binds
    (a Tờ trình's draft decision: noi_nhan_tiep = du_thao.noi_nhan_tiep). Not when they bind
    `noi_nhan` but never `noi_nhan_tiep` (binds_recipients_only): the block inside such a
    binding would print the draft's first lines and the outer document's last."""
    sources = list(sources)
    return not binds_recipients_only(sources) and any(
        _CONTINUED.search(tag)
        for source in sources if CONTINUED_FIELD in source
        for tag in ANY_TAG.findall(source)
    )  # fmt: skip


def binds_recipients_only(sources: Iterable[str]) -> bool:
    """Whether the cleaned-up `sources` give `noi_nhan` another value and never `noi_nhan_tiep`:
    an office's copy of to-trinh made before a long Nơi nhận went on under the signature, whose
    draft decision rebinds `noi_nhan = du_thao.noi_nhan` only."""
    tags = [tag for source in sources if RECIPIENTS_FIELD in source
            for tag in ANY_TAG.findall(source) if RECIPIENTS_FIELD in tag]  # fmt: skip
    bound = any(_RECIPIENTS_BOUND.search(tag) for tag in tags)
    return bound and not any(_continued_bound().search(tag) for tag in tags)


# The types most of a context's values are, none of them a Mapping: recipients_as_printed skips
# them (and takes a dict as one) before asking isinstance(value, Mapping), which calls the ABC's
# __instancecheck__ in Python each time (a fortieth of a document's render, two dozen values).
_NOT_MAPPINGS = frozenset({str, Markup, list, tuple, int, float, bool, type(None)})


def recipients_as_printed(context: Mapping[str, Any], continued: bool) -> Mapping[str, Any]:
    """`context` as a template is rendered with, each Nơi nhận line once: a template that
    prints `noi_nhan_tiep` (`continued`) gets in `noi_nhan` the lines before those (the ones
    beside the signature), one that does not (an office's copy of khoi/ky-ten made before the
    row under the signature existed) the whole list and no `noi_nhan_tiep`. Handing it the
    whole list and its end, as the context holds them, printed the end twice in a copy whose
    maintainer added a loop over `noi_nhan_tiep`. A draft decision's own lists (a Tờ trình's
    du_thao) likewise. `context` itself when no list goes on under its signature."""
    changed = _printed_lists(context, continued)
    for key, value in context.items():
        kind = type(value)
        if kind in _NOT_MAPPINGS:
            continue
        if (kind is dict or isinstance(value, Mapping)) and value.get(CONTINUED_FIELD):
            inner = _printed_lists(value, continued)
            if inner is not None:
                changed = {**(changed or context), key: inner}
    return context if changed is None else changed


def _printed_lists(values: Mapping[str, Any], continued: bool) -> dict[str, Any] | None:
    """recipients_as_printed of one context (None: no list of it goes on)."""
    found = _whole_list(values)
    if found is None:
        return None
    whole, tail = found
    if continued:
        return {**values, RECIPIENTS_FIELD: whole[: len(whole) - len(tail)]}
    return {**values, RECIPIENTS_FIELD: whole, CONTINUED_FIELD: []}


def _whole_list(values: Mapping[str, Any]) -> tuple[list[Any], list[Any]] | None:
    """The whole Nơi nhận of one context and its last lines going on under the signature
    (`noi_nhan_tiep`); None when none go on."""
    tail = list(values.get(CONTINUED_FIELD) or [])
    if not tail:
        return None
    lines = list(values.get(RECIPIENTS_FIELD) or [])
    # The context's list ends with them; a list given without them (its head) is taken so.
    whole = lines if lines[len(lines) - len(tail) :] == tail else lines + tail
    return whole, tail


def list_goes_on(context: Mapping[str, Any]) -> int:
    """How many lines the longest Nơi nhận of `context` has when the context breaks it (its
    last lines in `noi_nhan_tiep`: too long to move whole with the signature; a Tờ trình's
    draft decision's too), else 0."""
    found = [_whole_list(values) for values in
             (context, *(v for v in context.values() if isinstance(v, Mapping)))]  # fmt: skip
    return max((len(whole) for whole, _ in filter(None, found)), default=0)


def printed_whole(library: TemplateLibrary, name: str, source: str) -> Found | None:
    """The office's file that makes type `name` (`source`: its cleaned-up body) print a long
    Nơi nhận whole in the signature's row, which never splits (reads_continued false): a copy
    of the type whose draft decision binds `noi_nhan` only (binds_recipients_only), else the
    first copy among the type and the blocks it includes that prints Nơi nhận without its last
    lines apart (a khoi/ky-ten copied before it had the rows under the signature). None when a
    long list goes on under the signature, or when no such copy prints it. Found once per
    library: every document of the type asks (whole_list_warning)."""
    return library.remember("printed_whole", name, lambda: _printed_whole(library, name, source))


def _printed_whole(library: TemplateLibrary, name: str, source: str) -> Found | None:
    """printed_whole, found."""
    blocks = library.included_blocks(name)
    sources = library.block_sources
    if reads_continued([source, *(sources[block] for block in blocks)]):
        return None
    if library.is_override(name) and binds_recipients_only([source]):
        return _office_copy(library, name, "tpl.recipients_whole_draft")
    for file in (name, *blocks):
        text = source if file == name else sources[file]
        if library.is_override(file) and _reads_recipients(text):
            return _office_copy(library, file, "tpl.recipients_whole")
    return None


def _office_copy(library: TemplateLibrary, file: str, key: str) -> Found:
    """`key` said of the office's copy of template file `file` as a whole: its name, the path
    a maintainer opens ('mau/khoi/ky-ten.docx')."""
    folder = office_folder(library, file)
    params = {"block": file, "file": f"{folder}/{file}.docx"}
    return Found(file, key, params, Place(None, f"{file}.docx", folder))


def whole_list_warning(
    library: TemplateLibrary, name: str, source: str, context: Mapping[str, Any]
) -> str | None:
    """The warning of one document of type `name` whose Nơi nhận is too long to move whole
    with the signature (the context breaks it: list_goes_on) but is printed whole in the
    signature's row by an office's copy made before a long list could go on under it
    (printed_whole): the list, and the closing paragraph kept with it, may move to the next
    page and leave much of a page blank. `templates check` says it of the copy
    (tpl.dropped_continued); the documents it costs are said here, each once."""
    count = list_goes_on(context)
    if not count:
        return None
    found = printed_whole(library, name, source)
    return None if found is None else t(found.key, count=count, **found.params)


# A probe Nơi nhận: short (all beside the signature), long (its last lines go on under it:
# more of them than the built-in block keeps together with "- Lưu", so that a copy losing the
# lines printed before those loses probe lines too).
LIST_LENGTHS = (False, True)
_SHORT_LIST, _LONG_LIST, _CONTINUED_LINES = 2, 6, 4


def _probe_lines(long: bool) -> list[str]:
    return [_probe(f"{RECIPIENTS_FIELD}.{n}")
            for n in range(1, (_LONG_LIST if long else _SHORT_LIST) + 1)]  # fmt: skip


def _signature_context(case: str, long: bool) -> dict[str, Any]:
    """The data of the signature block for `case`, each part a probe value, Nơi nhận `long`
    (its last lines printed under the signature) or not, as the context builders give it."""

    def signer(prefix: str) -> dict[str, Any]:
        lines = [_probe(f"{prefix}.tham_quyen")]
        return {"ho_ten": _probe(f"{prefix}.ho_ten"), "tham_quyen": lines}

    lines = _probe_lines(long)
    return {
        "chu_ky": signer("chu_ky"),
        "chu_ky_trai": signer("chu_ky_trai") if case == "two" else None,
        RECIPIENTS_FIELD: lines,
        CONTINUED_FIELD: lines[-_CONTINUED_LINES:] if long else [],
        ARCHIVE_FIELD: _probe(ARCHIVE_FIELD),
    }


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(eq=False, repr=False)
class _Printing:
    """What a signature block prints in one case (one signer, or two), rendered with a short
    Nơi nhận and with a long one."""

    short: set[str] = field(default_factory=set)  # the parts printed with a short list
    long: set[str] = field(default_factory=set)  # and with a long one
    cut: bool = False  # a Nơi nhận printed in part: lines lost, with a long list
    twice: bool = False  # a Nơi nhận line, or the Lưu line, printed more than once
    merged: bool = False  # a cell holding the signature or Nơi nhận spans columns or rows
    beside: bool = False  # a long list's last lines printed in the signature's own row

    @property
    def fields(self) -> set[str]:
        """The parts printed whatever the list's length."""
        return self.short & self.long


_cell = lazy(r"<w:tc\b.*?</w:tc>", re.DOTALL)
_row = lazy(r"<w:tr\b.*?</w:tr>", re.DOTALL)
_merge = lazy(r'<w:gridSpan w:val="(?!1")\d+"|<w:hMerge\b|<w:vMerge\b')


def _read_probe(printing: _Printing, text: str, long: bool) -> None:
    """What the block rendered as `text` for a `long` list or a short one prints, added to
    `printing`."""
    lines = _probe_lines(long)
    counts = [text.count(line) for line in lines]
    parts = {path for path, _ in SIGNATURE_FIELDS
             if path != RECIPIENTS_FIELD and _probe(path) in text}  # fmt: skip
    if any(counts):
        parts.add(RECIPIENTS_FIELD)
    (printing.long if long else printing.short).update(parts)
    printing.cut |= long and any(counts) and not all(counts)
    printing.twice |= any(n > 1 for n in counts) or text.count(_probe(ARCHIVE_FIELD)) > 1
    probes = [*lines, _probe("chu_ky.ho_ten"), _probe("chu_ky_trai.ho_ten")]
    printing.merged |= any(
        _merge().search(cell) for cell in _cell().findall(text) if any(p in cell for p in probes)
    )
    if long:
        tail = lines[-_CONTINUED_LINES:]
        printing.beside |= any(
            _probe("chu_ky.ho_ten") in row and any(line in row for line in tail)
            for row in _row().findall(text)
        )


def _printed_fields(library: TemplateLibrary, source: str) -> dict[str, _Printing] | None:
    """For each case, what the block `source` prints (None: it does not render, which the tag
    checks and Jinja's say), each Nơi nhận line handed to it once (recipients_as_printed)."""
    from jinja2 import ChainableUndefined, DictLoader

    from pipeline.render.compose import DataSandbox

    env = DataSandbox(
        loader=DictLoader(library.block_sources), autoescape=True, undefined=ChainableUndefined
    )
    continued = reads_continued([source])
    out = {}
    try:
        template = env.from_string(source)
        for case in SIGNATURE_CASES:
            printing = _Printing()
            for long in LIST_LENGTHS:
                context = recipients_as_printed(_signature_context(case, long), continued)
                _read_probe(printing, template.render(context), long)
            out[case] = printing
    except Exception:  # noqa: BLE001 - a block that does not render is said by Jinja's checks
        return None
    return out


def signature_block_fault(library: TemplateLibrary, block: str) -> Found | None:
    """The office's copy of shared block `block` no longer printing, in one of the cases, a
    signature or Nơi nhận field its built-in copy prints there (the signer's name typed over
    {{ chu_ky.ho_ten }}, the Nơi nhận cell emptied, the row holding a long list's last lines
    deleted), printing a Nơi nhận line twice, or with the signature's or Nơi nhận's cells
    merged: every document loses a part, prints one name for every signer, or a recipient
    twice. One fault, at the block. Found once per library (both copies rendered for each
    case): every type including the block asks."""
    return library.remember(
        "signature_block_fault", block, lambda: _signature_block_fault(library, block)
    )


def _block_printing(
    library: TemplateLibrary, block: str
) -> tuple[dict[str, _Printing], dict[str, _Printing]] | None:
    """What the built-in copy of `block` and the office's print, case by case; None when the
    block is not the office's, or not a signature block (the office's copy of khoi/doan-van)."""
    builtin = library.builtin / f"{block}.docx"
    if not library.is_override(block) or not builtin.is_file():
        return None
    if block not in library.block_sources:
        return None  # unreadable: said where it is read
    try:
        shipped_body = library.builtin_body(block)
    except Exception:  # noqa: BLE001 - vanthu's own file: its tests read it
        return None
    shipped = _printed_fields(library, preprocess(strip_comments(shipped_body)))
    if not shipped or not any(p.fields for p in shipped.values()):
        return None
    own = _printed_fields(library, library.block_sources[block])
    return None if own is None else (shipped, own)


def _remembered_printing(
    library: TemplateLibrary, block: str
) -> tuple[dict[str, _Printing], dict[str, _Printing]] | None:
    """_block_printing, rendered once per library for both questions asked of it
    (signature_block_fault, continued_beside_signature)."""
    return library.remember(
        "signature_block_printing", block, lambda: _block_printing(library, block)
    )


def _signature_block_fault(library: TemplateLibrary, block: str) -> Found | None:
    """signature_block_fault, found."""
    printing = _remembered_printing(library, block)
    if printing is None:
        return None
    shipped, own = printing
    place = Place(None, f"{block}.docx", office_folder(library, block))
    if any(p.merged for p in own.values()):
        return Found(block, "tpl.signature_cells_merged", {"name": block}, place)
    names = dict(SIGNATURE_FIELDS)
    order = [p for p, _ in SIGNATURE_FIELDS].index
    lost: dict[str, list[str]] = {}
    cut: dict[str, list[str]] = {}  # what a long list loses: its last lines, its Lưu line
    for case in SIGNATURE_CASES:
        # With a long list, the lines and the Lưu line a short one prints are said apart.
        ends = {RECIPIENTS_FIELD, ARCHIVE_FIELD} & own[case].short
        gone = shipped[case].short - own[case].short
        gone |= (shipped[case].long - own[case].long) - ends
        for path in sorted(gone, key=order):
            lost.setdefault(path, []).append(case)
        if RECIPIENTS_FIELD not in shipped[case].long:
            continue
        if own[case].cut or RECIPIENTS_FIELD in ends - own[case].long:
            cut.setdefault(RECIPIENTS_FIELD, []).append(case)
        if ARCHIVE_FIELD in ends - own[case].long:
            cut.setdefault(ARCHIVE_FIELD, []).append(case)
    parts = [
        Phrase("tpl.sign.lost", part=Phrase(names[path]), field=path, case=_case(cases))
        for path, cases in lost.items()
    ]
    parts += _cut_parts(library.block_sources[block], cut)
    if parts:
        params = {"parts": _Joined(parts), "name": block}
        return Found(block, "tpl.signature_missing", params, place)
    twice = [case for case in SIGNATURE_CASES if own[case].twice]
    if twice:
        params = {"name": block, "case": _case(twice), "field": CONTINUED_FIELD}
        return Found(block, "tpl.recipients_twice", params, place)
    return None


# The first row of khoi/ky-ten as vanthu shipped it on the day the row under the signature
# came: its loop over `noi_nhan` skipped the lines `noi_nhan_tiep` held, the whole list then.
_OLD_FILTER = f"loop.revindex>{CONTINUED_FIELD}|length"


def _cut_parts(source: str, cut: dict[str, list[str]]) -> list[Phrase]:
    """The parts of a long Nơi nhận an office's copy `source` loses (`cut`: its lines, its Lưu
    line, by case), each said with what to change: a copy of the first row under the signature
    still skipping the lines printed under it (_OLD_FILTER) loses them beside it now."""
    parts = []
    lines = list(cut.get(RECIPIENTS_FIELD, []))
    if "one" in lines and _OLD_FILTER in "".join(source.split()):
        # Such a copy prints under two signatures the lines of `noi_nhan` only: said with it.
        below = "two" in lines
        lines = []
        parts.append(Phrase("tpl.sign.cut_filter", field=CONTINUED_FIELD,
                            below=Phrase("tpl.sign.cut_below", field=CONTINUED_FIELD)
                            if below else ""))  # fmt: skip
    if lines:
        parts.append(Phrase("tpl.sign.cut", field=CONTINUED_FIELD, case=_case(lines)))
    if cut.get(ARCHIVE_FIELD):
        cases = cut[ARCHIVE_FIELD]
        parts.append(Phrase("tpl.sign.cut_archive", field=CONTINUED_FIELD, case=_case(cases)))
    return parts


def _case(cases: list[str]) -> Phrase | str:
    """' on a document with one signer': said when a part is lost in one case only."""
    return Phrase(f"tpl.sign.case.{cases[0]}") if len(cases) == 1 else ""


def continued_beside_signature(library: TemplateLibrary, block: str) -> bool:
    """Whether the office's copy of signature block `block` prints a long Nơi nhận's last lines
    (`noi_nhan_tiep`) in the signature's own row, which never splits, where the built-in copy
    prints them in a row under it: nothing is lost, but the list cannot go on onto the next
    page, and a long one still leaves the closing paragraph alone on a page."""
    printing = _remembered_printing(library, block)
    if printing is None or not reads_continued([library.block_sources[block]]):
        return False  # a copy without the lines apart: tpl.dropped_continued says it
    shipped, own = printing
    return own["one"].beside and not shipped["one"].beside


def signature_faults(library: TemplateLibrary, name: str) -> list[Found]:
    """Type template `name` including an office's signature block that lost a part, prints a
    Nơi nhận line twice or merged its cells (signature_block_fault): said of the type, at the
    block."""
    if not _plain_type(library, name):
        return []
    found = []
    for block in library.included_blocks(name):
        fault = signature_block_fault(library, block)
        if fault is not None:
            found.append(replace(fault, name=name))
    return found


class _Joined(Phrase):
    """Phrases said one after another ("; "), in any language."""

    parts: list[Phrase]

    def __new__(cls, parts: list[Phrase]) -> _Joined:
        joined = str.__new__(cls, "; ".join(parts))
        joined.key, joined.params, joined.parts = "tpl.layout", {}, parts
        return joined

    def describe(self, lang: str | None = None) -> str:
        return "; ".join(part.describe(lang) for part in self.parts)


def _tag_faults(library: TemplateLibrary, name: str, named: bool) -> list[Found]:
    """template_faults' tag mistakes: delimiters, marked tags not alone, unknown includes,
    blocks opened and closed at different levels."""
    document_xml = library.stored_document_xml(name)
    if document_xml is None or "{" not in document_xml:
        return []  # not a readable .docx: preparing it says so
    blocks = library.block_sources  # read once per library, as the engine compiles them
    faults = paragraph_faults(document_xml, blocks.keys())
    if not faults:  # nesting is only meaningful once every tag is whole and alone
        source = blocks.get(name)
        if source is None:
            source = preprocess(split_body(document_xml, f"{name}.docx")[1])
        faults = nesting_faults(source)
    if not faults:
        return []
    block = named and name.startswith(f"{BLOCKS_DIR}/")
    paragraphs: list[Paragraph] | None = None
    found = []
    for fault in faults:
        if "open_nth" in fault.params:  # the tags as the maintainer typed them ({%tr if %})
            paragraphs = paragraphs if paragraphs is not None else paragraphs_of(library.file(name))
            params = dict(fault.params)
            params["open"] = _typed(paragraphs, params["open"], params.pop("open_nth"))
            params["close"] = _typed(paragraphs, params["close"], fault.nth)
            fault = replace(fault, params=params)
        if fault.tag:

            def find(ps: list[Paragraph], f: Fault = fault) -> Paragraph | None:
                return paragraph_with_tag(ps, f.tag, f.nth) or paragraph_with_tag(ps, f.tag)
        else:

            def find(ps: list[Paragraph], f: Fault = fault) -> Paragraph | None:
                return paragraph_with_text(ps, f.text, f.nth, f.params.get("tag", ""))

        where = place_of_paragraph(library, name, find, block)
        found.append(Found(name, fault.key, _phrased(fault.params), where))
    return found


def _typed(paragraphs: list[Paragraph], tag: str, nth: int) -> str:
    """`tag` of the cleaned-up source as it stands in the template, marker and all."""
    paragraph = paragraph_with_tag(paragraphs, tag, nth) or paragraph_with_tag(paragraphs, tag)
    if paragraph is None:
        return tag
    wanted = tag_key(tag)
    typed = next((t for t in ANY_TAG.findall(paragraph.text) if tag_key(t) == wanted), tag)
    return " ".join(typed.split())


def _phrased(params: dict[str, Any]) -> dict[str, Any]:
    out = dict(params)
    for key in ("open_level", "close_level"):
        if key in out:
            out[key] = Phrase(out[key])
    if "hint" in out:
        out["hint"] = Phrase("data.did_you_mean", name=out["hint"]) if out["hint"] else ""
    if "what" in out:
        out["what"] = Phrase(out["what"])
    return out


_pstyle = lazy(r'<w:pStyle w:val="([^"]+)"')
_paragraph_style = lazy(r'<w:style\b[^>]*w:type="paragraph"[^>]*>')
_style_id = lazy(r'w:styleId="([^"]+)"')
_STYLES_PART = "word/styles.xml"


def paragraph_style_ids(styles_xml: bytes | None) -> set[str]:
    """The ids of the paragraph styles a styles.xml defines."""
    if not styles_xml:
        return set()
    text = styles_xml.decode("utf-8", "replace")
    return {m[1] for tag in _paragraph_style().findall(text) if (m := _style_id().search(tag))}


def style_faults(library: TemplateLibrary, name: str, named: bool = True) -> list[Found]:
    """Paragraph styles template file `name` uses that the styles it renders with do not define
    (the frame's; a phôi's own): Word renamed one (TenLoai → TenLoai1) or the frame lost it. The
    output would print those paragraphs in the default style. One per style, at its first
    paragraph, with the closest existing style as a hint."""
    document_xml = library.stored_document_xml(name)
    if document_xml is None:
        return []
    used = list(dict.fromkeys(_pstyle().findall(document_xml)))
    if not used:
        return []
    form = not name.startswith(f"{BLOCKS_DIR}/") and _is_form(library, name)
    try:
        package = library.package(name) if form else library.frame
    except Exception:  # noqa: BLE001 - an unreadable frame is reported when it is read
        return []
    defined = paragraph_style_ids(package.parts.get(_STYLES_PART))
    if not defined:
        return []
    frame = f"{name}.docx" if form else f"{library.relative_name(library.file('khung'))}"
    block = named and name.startswith(f"{BLOCKS_DIR}/")
    found = []
    for style in used:
        if style in defined:
            continue
        close = difflib.get_close_matches(style, sorted(defined), n=1)

        def find(ps: list[Paragraph], s: str = style) -> Paragraph | None:
            return next((p for p in ps if p.style_id == s), None)

        params: dict[str, Any] = {"style": style, "frame": frame, "hint": close[0] if close else ""}
        found.append(
            Found(name, "tpl.style_missing", _phrased(params),
                  place_of_paragraph(library, name, find, block))
        )  # fmt: skip
    return found


def _is_form(library: TemplateLibrary, name: str) -> bool:
    try:
        return library.is_form(name)
    except Exception:  # noqa: BLE001 - a broken template is reported where it is read
        return False


# --- property values that are no number ------------------------------------------------------

NOT_A_NUMBER = "tpl.not_a_number"
NOT_A_CHOICE = "tpl.not_a_choice"  # a value off the list Word takes it from (w:jc "middle")
_NUMBERING_PART = "word/numbering.xml"
_running_part = lazy(r"word/(?:header|footer)\d*\.xml")
_OWN_PARTS = (_STYLES_PART, _NUMBERING_PART, DOCUMENT_PART)


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class ValuePlace:
    """Where a property value stands in a template file: its style, paragraph, section or part
    (`spot`: a Phrase or verify's Location, each says itself), after the file as Place names
    it."""

    spot: Any
    file: Place

    def describe(self, lang: str | None = None) -> str:
        return ", ".join(p for p in (self.file.describe(lang), self.spot.describe(lang)) if p)

    def __str__(self) -> str:
        return self.describe(current_language())


def number_faults(
    library: TemplateLibrary, name: str, named: bool = True, whole: bool = False
) -> list[Found]:
    """The first property value of template file `name` that Word writes as a number and that
    is none (<w:sz w:val="x"/>, <w:ind w:left="1.5cm"/>: a hand edit, another tool's), at its
    style, paragraph or section: every reader of it fails (verify calls the file damaged) and
    an output would carry it; or that Word takes from a list and is none of it (<w:jc
    w:val="middle"/>), which Word refuses to open or repairs. Read in the parts documents are
    made of (a type's or a block's body; every part of the frame and of a phôi); `whole`: in
    every part of any file, as templates check reads them (through verify)."""
    block = name.startswith(f"{BLOCKS_DIR}/")
    own = whole or name == FRAME_NAME or (not block and _is_form(library, name))
    shown = f"{name}.docx" if named and (block or name == FRAME_NAME) else ""
    where = Place(None, shown, office_folder(library, name))
    for part, xml in _number_parts(library, name, own):
        try:
            root = etree.fromstring(xml)
        except etree.XMLSyntaxError:
            continue  # a damaged part: said where it is read
        found = value_fault(name, part, root, where)
        if found is not None:
            return [found]
    return []


def _number_parts(library: TemplateLibrary, name: str, own: bool) -> Iterator[tuple[str, bytes]]:
    """(part, XML) of template file `name` whose values are read: its body, or with `own` its
    styles, numbering, body, headers and footers."""
    if not own:
        xml = library.stored_document_xml(name)
        if xml is not None:
            yield DOCUMENT_PART, xml.encode("utf-8")
        return
    package = library.frame if name == FRAME_NAME else library.package(name)
    for part in sorted(package.parts):
        if part in _OWN_PARTS or _running_part().fullmatch(part):
            yield part, package.parts[part]


def value_fault(name: str, part: str, root: etree._Element, where: Place) -> Found | None:
    """The Found of number_faults in part `part` (its parsed `root`) of template file `name`,
    said at `where` (the file) and the value's place in the part; None when every value is a
    number, and every value Word takes from a list one of it (styles.bad_value: w:jc "middle"
    is refused as w:sz "x" is)."""
    bad = bad_value(root)
    if bad is None:
        return None
    kind = "choice" if bad.choices else "number"
    params = {
        "element": bad.tag, "attribute": f"w:{bad.attribute}", "value": _shown(bad.value),
        "what": Phrase(f"tpl.{kind}.{etree.QName(bad.element).localname}"),
    }  # fmt: skip
    if bad.choices:
        params["allowed"] = ", ".join(bad.choices)
    key = NOT_A_CHOICE if bad.choices else NOT_A_NUMBER
    return Found(name, key, params, ValuePlace(_value_spot(part, root, bad.element), where))


def _value_spot(part: str, root: etree._Element, element: etree._Element) -> Any:
    """Where `element` stands in its part, as a maintainer finds it in Word: the style (or the
    file's defaults) of styles.xml, the paragraph or section of the body, the paragraph of a
    header or footer; else the part."""
    if part == _STYLES_PART:
        style = next(element.iterancestors(f"{W_CLARK}style"), None)
        if style is not None:
            return Phrase("tpl.style_where", style=style.get(f"{W_CLARK}styleId") or "")
        if next(element.iterancestors(f"{W_CLARK}docDefaults"), None) is not None:
            return Phrase("tpl.number_defaults")
    spot = None
    if part == DOCUMENT_PART:
        spot = _body_spot(root, element)
    elif _running_part().fullmatch(part):
        spot = _running_spot(part, root, element)
    return spot if spot is not None else Phrase("tpl.number_part", part=part)


def _body_spot(root: etree._Element, element: etree._Element) -> Any:
    """The section (a page size or margin) or the paragraph of a body holding `element`,
    numbered as verify numbers them; None when neither."""
    from pipeline.verify.report import Location  # only for a value refused

    sect = f"{W_CLARK}sectPr"
    sections = list(root.iter(sect))
    section = element if element.tag == sect else next(element.iterancestors(sect), None)
    if section is not None:
        return Location("section", section=sections.index(section) + 1)
    body = root.find(f"{W_CLARK}body")
    places = _paragraph_places(body) if body is not None else {}
    return next((places[e] for e in (element, *element.iterancestors()) if e in places), None)


def _paragraph_places(body: etree._Element) -> dict[Any, Any]:
    """Each paragraph of a body at its verify Location (its number, or its table, row, cell and
    number in the cell) with its first words (the keys keep lxml's proxies alive)."""
    from pipeline.ooxml_blocks import block_elements, children
    from pipeline.verify.report import Location

    places: dict[Any, Any] = {}
    tables = 0

    def walk(container: etree._Element, cell: tuple[int, int, int] | None) -> None:
        """The paragraphs of `container` (the body, or the cell at (table, row, column)), a
        table's cells walked where the table stands, numbered as verify numbers them."""
        nonlocal tables
        paragraphs = 0
        for child in block_elements(container):
            if child.tag == f"{W_CLARK}tbl":
                tables += 1
                number = tables
                for row, tr in enumerate(children(child, "w:tr"), start=1):
                    for column, tc in enumerate(children(tr, "w:tc"), start=1):
                        walk(tc, (number, row, column))
                continue
            paragraphs += 1
            if cell is None:
                where = Location("paragraph", paragraph=paragraphs)
            else:
                where = Location("cell", table=cell[0], row=cell[1], column=cell[2],
                                 paragraph=paragraphs)  # fmt: skip
            places[child] = where.with_excerpt(paragraph_text(child))

    walk(body, None)
    return places


def _running_spot(part: str, root: etree._Element, element: etree._Element) -> Any:
    """The paragraph of header or footer `part` holding `element`, numbered as verify numbers
    it (a text box's is the paragraph anchoring it); None when none does."""
    from pipeline.verify.report import Location  # only for a value refused

    number = 0
    for paragraph in root.iter(f"{W_CLARK}p"):
        if any(a.tag in _IN_TEXT_BOX for a in paragraph.iterancestors()):
            continue
        number += 1
        if paragraph is element or paragraph in element.iterancestors():
            where = Location("part", part=part.rsplit("/", 1)[-1], paragraph=number)
            return where.with_excerpt(paragraph_text(paragraph))
    return None


# Rules of a phôi that make its printed batch unusable (a field off the paper): render refuses the
# template, as templates check reports it (pipeline.verify.rules_certificate).
FORM_FATAL_RULES = ("giay_khen.trong_trang",)


# The phôi's fields whose text vanthu fits to the field's width (pipeline.context.giay_khen):
# the name, shrunk to stay on one line; the unit line and the thành tích, shrunk to end before
# the field below them. A frame without a width gives none of them a width to fit.
SIZED_FIELDS = (NAME_STYLE, UNIT_STYLE, ACHIEVEMENT_STYLE)
_page_width = lazy(r'<w:pgSz\b[^>]*?w:w="(\d+)"')
# A refusal of an example batch that says the phôi leaves a field too little room, and the
# field it names (the key's `style` param, else this one).
_ROOM_REFUSALS = {
    "data.field_too_long": None,
    "render.form_field_no_room": None,
    "data.unit_too_long": UNIT_STYLE,
    "data.name_too_long": NAME_STYLE,
}
_EXAMPLE_YEAR = 2026  # any year: the starter batch is dated in it


def form_faults(library: TemplateLibrary, name: str) -> list[Found]:
    """The faults of phôi template `name` that make its printed batch unusable: a field whose
    text is fitted to its width without a width, and those verify's rules for a printed batch
    find in the template itself that would print a field off the paper."""
    if name.startswith(f"{BLOCKS_DIR}/") or not _is_form(library, name):
        return []
    found = unsized_field_faults(library, name)
    from pipeline.verify import verify_file

    report = verify_file(library.file(name), template=True)
    office = office_folder(library, name)
    return found + [
        Found(name, "tpl.layout", {"rule": v.rule, "line": ViolationLine(v)},
              Place(v.where, "", office))
        for v in report.violations
        if v.rule in FORM_FATAL_RULES
    ]  # fmt: skip


def form_width_faults(library: TemplateLibrary, name: str) -> list[Found]:
    """What `vanthu templates check` says of a phôi's fields (template_tools.check.form_widths):
    a sized field without a width, which render refuses alike, and a field too small for the
    text of an example batch (form_room_faults), which render refuses only for a batch that
    does not fit it; not looked for in a phôi with a field of no width (every batch refused)."""
    return unsized_field_faults(library, name) or form_room_faults(library, name)


def unsized_field_faults(library: TemplateLibrary, name: str) -> list[Found]:
    """A sized field (SIZED_FIELDS) whose frame has no width: Word writes none for Format ▸
    Frame ▸ Width: Auto (the frame takes its text's width), so no text is fitted to it and
    every batch would be refused for it. Said of the template, at the field's paragraph, with
    the width of a frame centred on the paper as it stands (the shipped phôi's name field is)."""
    if name.startswith(f"{BLOCKS_DIR}/") or not _is_form(library, name):
        return []
    from pipeline.render.form import FormSheet

    try:
        package = library.package(name)
        sheet = FormSheet(package, name)
    except Exception:  # noqa: BLE001 - a phôi that cannot be read is reported where it is read
        return []
    page = _page_width().search(package.text(DOCUMENT_PART))
    paper = int(page[1]) if page else 0
    found = []
    for style in SIZED_FIELDS:
        frame = sheet.frames.get(style)
        if frame is None or frame.width > 0:
            continue  # a missing field is render.form_field_missing
        centred = paper - 2 * frame.x if frame.h_anchor == "page" and 0 < frame.x else 0
        mm = round(centred * MM_PER_TWIP)
        width = Phrase("tpl.form_width_centred", mm=mm) if centred > 0 else ""
        found.append(
            Found(name, "tpl.form_field_no_width", {"style": style, "width": width},
                  place_of_paragraph(library, name, _styled(style)))
        )  # fmt: skip
    return found


def _styled(style: str) -> Callable[[list[Paragraph]], Paragraph | None]:
    """A finder of the first paragraph in `style` (a phôi's field; in a text box: the
    paragraph holding the box)."""

    def find(paragraphs: list[Paragraph]) -> Paragraph | None:
        from pipeline.verify.shapes import with_text_boxes  # verify's reading, when one is read

        return next((p for p in with_text_boxes(paragraphs) if p.style_id == style), None)

    return find


def form_room_faults(library: TemplateLibrary, name: str) -> list[Found]:
    """The fields of phôi `name` too small for the text of an example batch: vanthu's own (the
    giay-khen starter, as `vanthu new giay-khen` writes it) and, for the office's copy, each of
    the office's batches printed on it. Each is fitted to the phôi as render fits it
    (pipeline.context.giay_khen); a field the render would refuse it for is said once, at the
    field's paragraph, with the first refusal. (Render refuses only the batch it prints:
    another may fit.) For templates check only: it writes and loads a scratch workspace."""
    if name.startswith(f"{BLOCKS_DIR}/") or not _is_form(library, name):
        return []
    from pipeline.errors import VanthuError
    from pipeline.render.form import FormSheet

    try:
        sheet = FormSheet(library.package(name), name)
    except Exception:  # noqa: BLE001 - a phôi that cannot be read is reported where it is read
        return []
    found, said = [], set()
    for example, document, located in _example_batches(library, name):
        try:
            document.kind.build_context(document.info, sheet)
        except VanthuError as exc:
            if exc.key not in _ROOM_REFUSALS:
                continue  # not the phôi's room: the batch's own business (vanthu check)
            style = str(_ROOM_REFUSALS[exc.key] or exc.params.get("style", ""))
            if style in said:
                continue
            said.add(style)
            params = {"style": style, "example": example, "reason": _Refusal(exc, located)}
            found.append(Found(name, "tpl.form_example_no_room", params,
                               place_of_paragraph(library, name, _styled(style))))  # fmt: skip
    return found


class _Refusal(Phrase):
    """The words of a render's refusal (with its place when `located`), as a str in the current
    language, said again in any (a check's params print as str or describe themselves)."""

    error: Any
    located: bool

    def __new__(cls, error: Any, located: bool) -> _Refusal:
        from pipeline.errors import Said

        words = str.__new__(cls, Said(error, located).describe(None))
        words.key, words.params, words.error, words.located = "tpl.layout", {}, error, located
        return words

    def describe(self, lang: str | None = None) -> str:
        from pipeline.errors import Said

        return Said(self.error, self.located).describe(lang)


def _example_batches(library: TemplateLibrary, name: str) -> Iterator[tuple[Phrase, Any, bool]]:
    """(what it is, the loaded batch, whether its refusal's place means something) of every
    example batch printed on phôi `name`: vanthu's starter, written in a scratch workspace
    (its place is a scratch file: not said); the office's own batches naming the phôi (mau:),
    when it is the office's copy. A batch that does not load is left out (vanthu check's)."""
    import tempfile
    from datetime import date
    from pathlib import Path

    from pipeline.errors import VanthuError
    from pipeline.load.yaml_source import load_yaml
    from pipeline.model.giay_khen import DEFAULT_FORM
    from pipeline.starters import write_starter
    from pipeline.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="vanthu-phoi-") as scratch:
        folder = Path(scratch) / "inputs" / str(_EXAMPLE_YEAR)
        folder.mkdir(parents=True)
        (Path(scratch) / "vanthu.yaml").write_text("du_lieu: inputs\n", encoding="utf-8")
        target = folder / "giay-khen.yaml"
        try:
            write_starter("giay-khen", target, today=date(_EXAMPLE_YEAR, 1, 1))
            starter = Workspace.containing(target).load(target)
        except VanthuError:
            starter = None
        if starter is not None:  # any phôi prints a batch like it
            yield Phrase("tpl.example_starter"), starter, False
    if not library.is_override(name):
        return
    workspace = Workspace.containing(library.origin(name))
    for path in workspace.documents():
        try:
            data = load_yaml(path).data
            if not isinstance(data, dict) or data.get("loai") != "giay_khen":
                continue
            if (data.get("mau") or DEFAULT_FORM) != name:
                continue
            batch = workspace.load(path)
        except VanthuError:
            continue
        yield Phrase("tpl.example_batch", file=workspace.name_of(path)), batch, True


def violation_line(violation: Any, lang: str | None = None) -> str:
    """verify's line for `violation` without the place it starts with."""
    where = violation.where.describe(lang)
    text = str(violation.line(lang))
    return text.removeprefix(f"{where}: ") if where else text


class ViolationLine(Phrase):
    """A verify violation's text, said again in any language: without the place it starts with
    (the problem prints the place), or `whole` (an example document's violation, whose place is
    the document's, not the template's); `key` is the problem's (tpl.layout, tpl.example_fault)."""

    violation: Any
    whole: bool

    def __new__(cls, violation: Any, key: str = "tpl.layout", whole: bool = False) -> ViolationLine:
        line = str.__new__(cls, str(violation.line()) if whole else violation_line(violation, None))
        line.key, line.params, line.violation, line.whole = key, {}, violation, whole
        return line

    def describe(self, lang: str | None = None) -> str:
        if self.whole:
            return str(self.violation.line(lang))
        return violation_line(self.violation, lang)


# Revisions Word records with Track Changes on: inserted, deleted and moved text, changed
# formatting of a run, paragraph, section, table, row or cell, inserted and deleted cells.
_REVISIONS = frozenset(
    f"{W_CLARK}{name}"
    for name in (
        "ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart",
        "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
        "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellDel", "cellMerge",
        "customXmlInsRangeStart", "customXmlDelRangeStart", "customXmlMoveFromRangeStart",
        "customXmlMoveToRangeStart",
    )
)  # fmt: skip
_OBJECTS = {"hyperlink": "tpl.what.link", "blip": "tpl.what.picture",
            "imagedata": "tpl.what.picture", "OLEObject": "tpl.what.object",
            "object": "tpl.what.object"}  # fmt: skip


def package_faults(library: TemplateLibrary, name: str, named: bool = True) -> list[Found]:
    """What the body of type template or shared block `name` holds that an output cannot carry:
    tracked changes not yet accepted or rejected (both versions would print, the deleted one
    with its tags filled in), and content pointing at parts of the template that are not copied
    (an embedded object, a chart, SmartArt; pictures and links are carried). One per paragraph
    and kind, at the paragraph."""
    # A phôi renders with its own parts: its pictures and objects are in the output already.
    own_parts = not name.startswith(f"{BLOCKS_DIR}/") and _is_form(library, name)
    document_xml = library.stored_document_xml(name)
    if document_xml is None:
        return []
    has_revisions = any(f"<w:{etree.QName(tag).localname}" in document_xml for tag in _REVISIONS)
    if not has_revisions and (own_parts or not relationship_reference().search(document_xml)):
        return []
    root = etree.fromstring(document_xml.encode("utf-8"))
    body = root.find(f"{W_CLARK}body")
    if body is None:
        return []
    package: Package | None = None
    rels: dict[str, Relationship] = {}
    faults: list[Fault] = []
    seen: set[tuple[Any, str]] = set()
    texts = _numbered_paragraphs(body)
    for element in body.iter():
        if not isinstance(element.tag, str) or _in_section(element):
            continue
        key, params = "", {}
        if element.tag in _REVISIONS:
            key = "tpl.tracked_changes"
        elif not own_parts:
            for attribute, value in element.attrib.items():
                if not attribute.startswith(R_CLARK):
                    continue
                if package is None:
                    package = Package.read(library.file(name))
                    rels = relationships(package)
                if not carriable(package, rels.get(value)):
                    local = etree.QName(element).localname
                    what = _OBJECTS.get(local, "tpl.what.other")
                    key, params = "tpl.unsupported_object", {"what": what, "element": local}
                    break
        if not key:
            continue
        paragraph = _paragraph_around(element)
        text, nth = texts.get(paragraph, ("", 0)) if paragraph is not None else ("", 0)
        if (paragraph, key) in seen:
            continue
        seen.add((paragraph, key))
        faults.append(Fault(key, params, text=text, nth=nth))
    return _found_by_text(library, name, faults, named)


def _found_by_text(
    library: TemplateLibrary, name: str, faults: list[Fault], named: bool
) -> list[Found]:
    """`faults` of template file `name`, each at the `nth` paragraph reading its `text`."""
    block = named and name.startswith(f"{BLOCKS_DIR}/")
    found = []
    for fault in faults:

        def find(ps: list[Paragraph], f: Fault = fault) -> Paragraph | None:
            return paragraph_with_text(ps, f.text, f.nth)

        where = place_of_paragraph(library, name, find, block)
        found.append(Found(name, fault.key, _phrased(fault.params), where))
    return found


def _numbered_paragraphs(body: Any) -> dict[Any, tuple[str, int]]:
    """Each body paragraph: its text and how many before it read alike (the keys keep lxml's
    proxies alive, so the same element is the same key while the dict lives)."""
    out: dict[Any, tuple[str, int]] = {}
    seen: dict[str, int] = {}
    for paragraph in body.iter(f"{W_CLARK}p"):
        text = paragraph_text(paragraph)
        nth = seen.get(text, 0)
        seen[text] = nth + 1
        out[paragraph] = (text, nth)
    return out


def _in_section(element: Any) -> bool:
    """Whether `element` is part of section properties (the frame's replace them)."""
    return element.tag == f"{W_CLARK}sectPr" or any(
        a.tag == f"{W_CLARK}sectPr" for a in element.iterancestors()
    )


def _paragraph_around(element: Any) -> Any:
    """The paragraph holding `element`, else the first one inside it (a row's or cell's)."""
    if element.tag == f"{W_CLARK}p":
        return element
    around = next(element.iterancestors(f"{W_CLARK}p"), None)
    return around if around is not None else next(element.iter(f"{W_CLARK}p"), None)


def section_faults(library: TemplateLibrary, name: str, named: bool = True) -> list[Found]:
    """Section breaks (a paragraph's sectPr: new page, orientation, page numbers from 1) in a
    paragraph that also holds a `{%p %}` tag: docxtpl replaces that paragraph by the tag, so
    the break vanishes from every output (LibreOffice merges an empty break paragraph into the
    tag paragraph before it when it saves). One per paragraph, at it."""
    document_xml = library.stored_document_xml(name)
    if document_xml is None or "{" not in document_xml or "<w:sectPr" not in document_xml:
        return []
    body = etree.fromstring(document_xml.encode("utf-8")).find(f"{W_CLARK}body")
    if body is None:
        return []
    faults = []
    for paragraph, (text, nth) in _numbered_paragraphs(body).items():
        control = _control().search(text)
        if control is not None and paragraph.find(f"{W_CLARK}pPr/{W_CLARK}sectPr") is not None:
            faults.append(Fault("tpl.section_in_tag", {"tag": _shown(control[0])}, text, nth=nth))
    return _found_by_text(library, name, faults, named)


# Header and footer parts: where a section names them (w:headerReference) and by which
# relationship of document.xml.
_MC_FALLBACK = f"{MC_CLARK}Fallback"
_IN_TEXT_BOX = (f"{W_CLARK}txbxContent", _MC_FALLBACK)
_RELATIONSHIPS = "word/_rels/document.xml.rels"


def running_faults(library: TemplateLibrary, name: str, named: bool = True) -> list[Found]:
    """Template tags in the headers and footers of template file `name`: vanthu renders the
    body only (docxtpl would render them, vanthu copies every other part as it is), so a tag
    there prints as typed on every page of every document (the frame's, a phôi's), or is
    dropped with the rest of a type template's or block's headers (the frame's print). One per
    paragraph, naming its tags; Word's page number fields (PAGE, instrText) are no tags.
    Free for a file without a brace in its headers and footers (read once per library)."""
    running = library.running_parts(name)
    if running is None:
        return []
    parts = running.names
    # The parts read with the file's body, else the whole file (reading it says what is wrong).
    package = running.package or library.package(name)
    labels = _running_labels(package)
    block = name.startswith(f"{BLOCKS_DIR}/")
    printed = name == FRAME_NAME or (not block and _is_form(library, name))
    key = "tpl.running_tag" if printed else "tpl.running_tag_unused"
    shown_file = f"{name}.docx" if named and (block or name == FRAME_NAME) else ""
    office = office_folder(library, name)
    found = []
    for part in [p for p in labels if p in parts]:  # a part no section uses never prints
        _, kind, variant, section = labels[part]
        try:
            root = etree.fromstring(package.parts[part])
        except etree.XMLSyntaxError:
            continue  # a damaged header: Word and verify say so; it holds no tag we can read
        for number, text in _running_paragraphs(root):
            tags = ANY_TAG.findall(text)
            if not tags:  # a brace pair cut short ('{{ so_ky_hieu }') is said as it stands
                loose = _delimiters(text)
                tags = [loose[1]] if loose is not None else []
            if not tags:
                continue
            shown = [_shown(tag) for tag in tags]
            spot = RunningSpot(kind, variant, number, section, _shown(text))
            params = {"tags": ", ".join(f"«{tag}»" for tag in shown),
                      "part": Phrase(f"tpl.part.{kind}.{variant}")}  # fmt: skip
            found.append(Found(name, key, params, Place(spot, shown_file, office)))
    return found


def _running_labels(package: Package) -> dict[str, tuple[int, str, str, int]]:
    """Each header and footer part a section uses: (order, 'header'/'footer', variant, section
    number, 0 when the file has one section), by the first section that names it."""
    xml = package.parts.get(DOCUMENT_PART, b"")
    rels_xml = package.parts.get(_RELATIONSHIPS, b"")
    if not xml or not rels_xml:
        return {}
    try:
        rels = etree.fromstring(rels_xml).iter(f"{PACKAGE_RELS_CLARK}Relationship")
        targets = {rel.get("Id"): part_of(rel.get("Target") or "") for rel in rels}
        sections = list(etree.fromstring(xml).iter(f"{W_CLARK}sectPr"))
    except etree.XMLSyntaxError:
        return {}  # a damaged body is reported where it is read first
    labels: dict[str, tuple[int, str, str, int]] = {}
    for number, sect in enumerate(sections, start=1):
        for kind in ("header", "footer"):
            for ref in sect.iter(f"{W_CLARK}{kind}Reference"):
                target = targets.get(ref.get(f"{R_CLARK}id"))
                variant = ref.get(f"{W_CLARK}type") or "default"
                if target and target not in labels and variant in ("default", "first", "even"):
                    order = len(labels)
                    labels[target] = (order, kind, variant, number if len(sections) > 1 else 0)
    return labels


def _running_paragraphs(root: Any) -> list[tuple[int, str]]:
    """(number, text) of a header's or footer's paragraphs, numbered as verify numbers them (a
    text box's paragraphs are read with the paragraph anchoring it)."""
    out = []
    number = 0
    for paragraph in root.iter(f"{W_CLARK}p"):
        if any(a.tag in _IN_TEXT_BOX for a in paragraph.iterancestors()):
            continue
        number += 1
        texts = (t.text or "" for t in paragraph.iter(f"{W_CLARK}t")
                 if not any(a.tag == _MC_FALLBACK for a in t.iterancestors()))  # fmt: skip
        out.append((number, "".join(texts)))
    return out


# The parts of a document (pipeline.rules.part_order, which knows their order), each known by
# the frame's paragraph styles that print it (the built-in templates and blocks use them;
# templates check's STYLE_ELEMENTS maps the same styles to verify's elements).
PART_STYLES = {
    **dict.fromkeys(("QuocHieu", "TieuNgu", "CoQuanChuQuan", "CoQuanBanHanh", "SoKyHieu",
                     "TrichYeuCongVan", "DiaDanhNgay"), HEADER),
    **dict.fromkeys(("TenLoai", "TrichYeu"), TITLE),
    **dict.fromkeys(("KinhGui", "KinhGuiDanhSach", "KinhGuiCuoi", "KinhGuiDong"), ADDRESSED),
    **dict.fromkeys(("ThamQuyenBanHanh", "CanCu", "TieuDeGiua", "NoiDung", "NoiDungCuoi", "Muc",
                     "KhoanTieuDe"), BODY),
    **dict.fromkeys(("NoiNhanTieuDe", "NoiNhan", "ChuKyThamQuyen", "ChuKyHoTen"), SIGNATURE),
    **dict.fromkeys(("PhuLucSo", "PhuLucTieuDe", "PhuLucKemTheo"), ATTACHED),
}  # fmt: skip
_comment_tag = lazy(r"\{#.*?#\}", re.DOTALL)
# The shared block each part is printed from in the built-in templates (said with the part).
PART_BLOCKS = {HEADER: "khoi/dau-trang", ADDRESSED: "khoi/kinh-gui", SIGNATURE: "khoi/ky-ten"}


def _part(part: str) -> Phrase:
    return Phrase(f"tpl.doc_part.{part}", block=PART_BLOCKS.get(part, ""))


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class _Printed:
    """A paragraph a type template prints, with its part and the paragraph of the type template
    that brings it (itself, or the include of the block holding it)."""

    part: str
    paragraph: Paragraph
    anchor: Paragraph
    section: int


def printed_parts(library: TemplateLibrary, name: str) -> list[_Printed]:
    """The paragraphs of template `name` that print a part, in order, each shared block's in
    place of its `{%p include %}` paragraph (as Jinja includes it when rendering)."""
    cache: dict[str, list[Paragraph]] = {}

    def paragraphs(file: str) -> list[Paragraph]:
        if file not in cache:
            cache[file] = [p for p in paragraphs_of(library.file(file))
                           if p.where.kind in ("paragraph", "cell")]  # fmt: skip
        return cache[file]

    out: list[_Printed] = []

    def walk(file: str, anchor: Paragraph | None, seen: tuple[str, ...]) -> None:
        for paragraph in paragraphs(file):
            include = _include().search(paragraph.text)
            if include is not None:
                block = include[1].strip()
                if block in library.block_sources and block not in seen:
                    walk(block, anchor or paragraph, (*seen, block))
                continue
            part = PART_STYLES.get(paragraph.style_id or "")
            if part is None or paragraph.is_control:
                continue
            if not _comment_tag().sub("", paragraph.text).strip():
                continue  # an empty line or a section break's hidden comment prints nothing
            at = anchor or paragraph
            out.append(_Printed(part, paragraph, at, at.section))

    walk(name, None, (name,))
    return out


def part_order_faults(library: TemplateLibrary, name: str) -> list[Found]:
    """Type template `name` printing the parts of its document out of Phụ lục I's order, or
    without its header or signature: a signature above the body, Kính gửi after it, the header
    block deleted or moved. Each said at the paragraph of the type template that brings the
    misplaced part (an include), naming the parts."""
    if not _plain_type(library, name):
        return []
    printed = printed_parts(library, name)
    office = office_folder(library, name)
    found: list[Found] = []

    def fault(key: str, part: str, at: _Printed | None, other: _Printed | None = None) -> None:
        params: dict[str, Any] = {"part": _part(part), "name": name}
        if other is not None:
            params["other"] = _part(other.part)
            params["text"] = _shown(other.paragraph.text, 40)
        place = Place(at.anchor.where if at is not None else None, "", office)
        found.append(Found(name, key, params, place))

    signed = next((i for i, p in enumerate(printed) if p.part == SIGNATURE), None)
    if signed is None:
        fault("tpl.part_missing", SIGNATURE, None)
        return found
    main, after = printed[:signed], _signature_and_after(printed[signed:])
    header = next((p for p in main if p.part == HEADER), None)
    if header is None:
        later = next((p for p in printed[signed:] if p.part == HEADER), None)
        if later is None:
            fault("tpl.part_missing", HEADER, None)
        else:
            fault("tpl.part_after", HEADER, later, main[0] if main else printed[signed])
    elif main[0] is not header:
        fault("tpl.part_after", HEADER, header, main[0])
    for at, before in middle_out_of_order([p.part for p in main]):
        fault("tpl.part_after", main[at].part, main[at], main[before[0]])
    for p in after:
        if p.part in MIDDLE:
            fault("tpl.part_before", SIGNATURE, printed[signed], p)
            break
    return found


def _signature_and_after(printed: list[_Printed]) -> list[_Printed]:
    """What the document prints after its signature and before the first attached part (a
    header, a title, a Phụ lục heading, another section): that is still the document's."""
    end = attached_start([(p.part, p.section) for p in printed])
    return [p for p in printed[1:end] if p.part != SIGNATURE]
