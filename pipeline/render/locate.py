"""Where in a template's .docx a tag stands, said the same way by `vanthu templates check` and by
render errors: the paragraph or table cell as Word shows it ('bảng 1, hàng 6, ô 2, đoạn 1 «…»'),
numbered by the .docx the maintainer edits, not by the composed XML Jinja compiled.

Only error paths come here: reading a template's paragraphs costs a parse of its XML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, TemplateSyntaxError

from pipeline.i18n import current_language, t
from pipeline.patterns import lazy
from pipeline.render.jinja_errors import unclosed_block

if TYPE_CHECKING:
    from pipeline.render.compose import TemplateLibrary
    from pipeline.verify.document import Paragraph
    from pipeline.verify.report import Location

ANY_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
# docxtpl's paragraph, row, cell and run markers ({%p if %}, {%tr for %}, {{r x }}), which its
# clean-up removes: the tag Jinja sees is the same tag without them.
_marker = lazy(r"^(?:[prc]|tr|tc)\s+")


@dataclass(frozen=True)
class RunningSpot:
    """A paragraph of a header or footer of a template file, named as Word's Header & Footer
    tools name the part ('chân trang trang đầu, đoạn 1 «…»'), numbered as verify numbers it."""

    part: str  # "header" | "footer"
    variant: str  # "default" | "first" | "even"
    paragraph: int
    section: int = 0  # the section using the part, said when the file has several (0: not)
    excerpt: str = ""

    def describe(self, lang: str | None = None) -> str:
        part = t(f"tpl.part.{self.part}.{self.variant}", lang=lang)
        if self.section:
            part = t("tpl.part.in_section", lang=lang, section=self.section, part=part)
        place = t("tpl.part.paragraph", lang=lang, part=part, paragraph=self.paragraph)
        return f"{place} «{self.excerpt}»" if self.excerpt else place


@dataclass(frozen=True)
class Place:
    """A paragraph of a template file: `file` is '' for the template itself, or the shared block
    that holds it ('khoi/ky-ten.docx')."""

    location: Location | RunningSpot | None  # None: the file as a whole
    file: str = ""
    office: str = ""  # the office's folder ('mau') when the file is its copy, not the built-in

    def describe(self, lang: str | None = None) -> str:
        copy = t("tpl.office_copy", lang=lang, folder=self.office) if self.office else ""
        where = self.location.describe(lang) if self.location is not None else ""
        return ", ".join(p for p in (self.file, copy, where) if p)

    def __str__(self) -> str:
        return self.describe(current_language())


def paragraphs_of(path: Path) -> list[Paragraph]:
    """The paragraphs of a template file as `verify` reads them (body, tables, headers)."""
    from pipeline.verify.document import read_document

    return read_document(path).paragraphs


def tag_key(tag: str) -> str:
    """A tag reduced to what Jinja reads of it: no delimiters, markers or spacing differences."""
    inner = tag[2:-2].strip("-").strip()
    return " ".join(_marker().sub("", inner).split())


def paragraph_with_tag(paragraphs: list[Paragraph], tag: str, nth: int = 0) -> Paragraph | None:
    """The `nth` paragraph (from 0) holding a tag that reads as `tag`."""
    wanted = tag_key(tag)
    seen = 0
    for paragraph in paragraphs:
        if any(tag_key(found) == wanted for found in ANY_TAG.findall(paragraph.text)):
            if seen == nth:
                return paragraph
            seen += 1
    return None


def paragraph_reading(paragraphs: list[Paragraph], field_name: str) -> Paragraph | None:
    """The first paragraph with a tag that reads `field_name` (x.field_name or field_name)."""
    pattern = re.compile(rf"(?:\.|\b){re.escape(field_name)}\b")
    if field_name.isdigit():  # an index: noi_nhan[5] or noi_nhan.5, not a 5 anywhere
        pattern = re.compile(rf"(?:\[\s*|\.){field_name}\b")
    for paragraph in paragraphs:
        if any(pattern.search(tag) for tag in ANY_TAG.findall(paragraph.text)):
            return paragraph
    return None


# Lines as Jinja counts them (its lexer's newlines), in a source marked one paragraph a line.
_newline = lazy(r"\r\n|\r|\n")
_statement = lazy(r"\{%-?\s*(\w+)(.*?)-?%\}", re.DOTALL)
# Statements that open a block Jinja expects an end… tag for ({% set x %} without '=' too).
_BLOCK_OPENERS = frozenset(
    ("for", "if", "with", "macro", "call", "filter", "block", "autoescape", "raw")
)


def _text_of(xml: str) -> str:
    """What the maintainer reads of a stretch of cleaned-up source: no XML, entities resolved."""
    import html  # here: only a template's error comes here (html.entities: ~6 M instructions)

    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def _line_tags(line: str) -> list[re.Match[str]]:
    """The tags of a line of cleaned-up source that stand in text (docxtpl's clean-up leaves no
    markup inside a tag), not in an attribute (a width tag Word does not show)."""
    return [m for m in ANY_TAG.finditer(line) if line.rfind("<", 0, m.start()) <=
            line.rfind(">", 0, m.start())]  # fmt: skip


def _pick_on_line(
    marked: str, line: int | None, pick: Callable[[list[str]], int | None]
) -> tuple[str, int] | None:
    """The tag `pick` chooses (by its index) among the tags on `line` of a source with one
    paragraph per line (compose.mark_lines), and how many tags reading the same stand before
    it; None when the line is not in the source or `pick` chooses none."""
    lines = _newline().split(marked)
    if not line or not 0 < line <= len(lines):
        return None
    tags = [_text_of(m[0]) for m in _line_tags(lines[line - 1])]
    index = pick(tags)
    if index is None:
        return None
    return tags[index], _earlier(_text_of("\n".join(lines[: line - 1])), tags[:index], tags[index])


def tag_on_line(
    marked: str, line: int | None, culprit: Callable[[int, str], bool] | None = None
) -> tuple[str, int] | None:
    """The bad tag on `line` of a source with one paragraph per line (compose.mark_lines), and
    how many tags reading the same stand before it. docxtpl's clean-up joins a {%p %} tag to a
    neighbour's line, so a line may hold the tags of several paragraphs: the first that
    `culprit` accepts (given its index on the line and its text), else the last."""

    def pick(tags: list[str]) -> int | None:
        if not tags:
            return None
        return next((i for i, tag in enumerate(tags) if culprit and culprit(i, tag)), len(tags) - 1)

    return _pick_on_line(marked, line, pick)


def _earlier(before: str, same_line: list[str], tag: str) -> int:
    """How many tags reading as `tag` stand in `before` and `same_line` (its nth, from 0)."""
    wanted = tag_key(tag)
    return sum(tag_key(found) == wanted for found in [*ANY_TAG.findall(before), *same_line])


def failing_prefix(
    marked: str, exc: TemplateSyntaxError, env: Environment
) -> Callable[[int, str], bool]:
    """Whether the source up to and including a tag of `exc`'s line fails as the whole source
    did (same message, same line): the first such tag is the one Jinja stopped at. A tag
    compiled alone says less (a stray {% endif %} is an error only inside a for)."""
    starts = [0, *(m.end() for m in _newline().finditer(marked))]
    line = exc.lineno or 0
    if not 0 < line <= len(starts):
        return lambda index, tag: False
    end = starts[line] if line < len(starts) else len(marked)
    ends = [starts[line - 1] + m.end() for m in _line_tags(marked[starts[line - 1] : end])]

    def culprit(index: int, tag: str) -> bool:
        if index >= len(ends):
            return False
        try:
            env.compile(marked[: ends[index]])
        except TemplateSyntaxError as shorter:
            return shorter.message == exc.message and shorter.lineno == exc.lineno
        return False

    return culprit


# The expression a tag computes: a print tag's, an if/elif's condition, a for's sequence, a
# set's value (the tags of cleaned-up source, docxtpl's markers gone).
_EXPRESSIONS = (
    lazy(r"^\{\{-?(.*?)-?\}\}$", re.DOTALL),
    lazy(r"^\{%-?\s*(?:if|elif)\s(.*?)-?%\}$", re.DOTALL),
    lazy(r"^\{%-?\s*for\s.*?\sin\s(.*?)(?:\sif\s.*?)?(?:\srecursive\s*)?-?%\}$", re.DOTALL),
    lazy(r"^\{%-?\s*set\s[^=]*=(.*?)-?%\}$", re.DOTALL),
)


def tag_expression(tag: str) -> str | None:
    """The expression tag `tag` computes, None for a tag computing none ({% else %})."""
    for pattern in _EXPRESSIONS:
        found = pattern().match(tag)
        if found is not None and found[1].strip():
            return found[1].strip()
    return None


def failing_tag(
    marked: str, line: int | None, fails: Callable[[str], bool]
) -> tuple[str, int] | None:
    """The tag on `line` of a marked source whose expression failed rendering, and how many
    tags reading the same stand before it: the first whose expression `fails` alone, else the
    line's only tag computing something; None when the line cannot tell which."""

    def pick(tags: list[str]) -> int | None:
        computing = [i for i, tag in enumerate(tags) if tag_expression(tag) is not None]
        index = next((i for i in computing if fails(str(tag_expression(tags[i])))), None)
        if index is None and len(computing) == 1:
            return computing[0]
        return index

    return _pick_on_line(marked, line, pick)


def innermost_unclosed(marked: str, block: str) -> tuple[str, int] | None:
    """The opening tag of the innermost block still open at the end of `marked` when it is a
    `block` ('for'), and how many tags reading the same stand before it: Jinja says where the
    template ends, the maintainer needs where the block began."""
    stack: list[tuple[str, int]] = []  # word, position
    raw = False
    for match in _statement().finditer(marked):
        word, rest = match[1], match[2]
        if raw:
            raw = word != "endraw"
            if not raw:
                stack.pop()
            continue
        if word in _BLOCK_OPENERS or (word == "set" and "=" not in rest):
            stack.append((word, match.start()))
            raw = word == "raw"
        elif word.startswith("end") and stack and stack[-1][0] == word[3:]:
            stack.pop()
    if not stack or stack[-1][0] != block:
        return None
    position = stack[-1][1]
    tag = ANY_TAG.match(marked, position)
    if tag is None:
        return None
    typed = _text_of(tag[0])
    return typed, _earlier(_text_of(marked[:position]), [], typed)


def place_of_line(
    path: Path, marked: str, exc: TemplateSyntaxError, env: Environment, file: str = ""
) -> Place | None:
    """The paragraph of template file `path` holding the tag that `exc` (raised compiling the
    marked source, its line numbers those of paragraphs) is about: the opening tag of a block
    left open, else the tag on the error's line at which Jinja stopped."""
    block = unclosed_block(exc.message)
    found = innermost_unclosed(marked, block) if block else None
    if found is None:
        found = tag_on_line(marked, exc.lineno, failing_prefix(marked, exc, env))
    if found is None:
        return None
    paragraphs = paragraphs_of(path)
    paragraph = paragraph_with_tag(paragraphs, *found) or paragraph_with_tag(paragraphs, found[0])
    return Place(paragraph.where, file) if paragraph is not None else None


def paragraph_with_text(
    paragraphs: list[Paragraph], text: str, nth: int = 0, fallback: str = ""
) -> Paragraph | None:
    """The `nth` paragraph (from 0) whose text is `text`; else the first holding `fallback`."""
    wanted = " ".join(text.split())
    matching = [p for p in paragraphs if " ".join(p.text.split()) == wanted]
    if matching:
        return matching[min(nth, len(matching) - 1)]
    if fallback:
        return next((p for p in paragraphs if fallback in p.text), None)
    return None


def office_folder(library: TemplateLibrary, name: str) -> str:
    """'mau' when template `name` is the office's copy, '' for a built-in."""
    return library.origin(name).name if library.is_override(name) else ""


def place_of_paragraph(
    library: TemplateLibrary, name: str, find: Callable[[list[Paragraph]], Paragraph | None],
    block: bool = False,
) -> Place | None:  # fmt: skip
    """The paragraph `find` picks in template file `name`, said with the block's file name (a
    shared block) and whether it is the office's copy."""
    paragraph = find(paragraphs_of(library.file(name)))
    if paragraph is None:
        return None
    return Place(paragraph.where, f"{name}.docx" if block else "", office_folder(library, name))


def _expression_pattern(typed: str) -> re.Pattern[str]:
    """A tag's text reading `typed` ('nn.ten', 'noi_nhan[5]'), spaced any way, an index typed
    as [5] or .5 (Jinja reads both alike)."""
    out = []
    for part in re.findall(r"^\w+|\.\w+|\[[^\]]*\]", typed):
        if part.startswith("."):
            out.append(rf"\s*\.\s*{re.escape(part[1:])}\b")
        elif part.startswith("[") and part[1:-1].strip().isdigit():
            index = part[1:-1].strip()
            out.append(rf"\s*(?:\[\s*{index}\s*\]|\.\s*{index}\b)")
        elif part.startswith("["):
            out.append(rf"\s*\[\s*{re.escape(part[1:-1].strip())}\s*\]")
        else:
            # the whole name, not the start of another ('k' in "khoi/...") nor one in quotes
            out.append(rf"(?<![\w.'\"/]){re.escape(part)}(?![\w'\"/])")
    return re.compile("".join(out))


def place_of_expression(
    library: TemplateLibrary, name: str, typed: str, field_name: str
) -> Place | None:
    """The first paragraph of template file `name` (a type template or a shared block) with a
    tag reading `typed` as written ('dong.noi_dugn'), said with whose copy the file is (the
    office's in mau/, as the README promises: the maintainer edits that file, not the
    built-in); else where place_of_field finds `field_name`."""
    pattern = _expression_pattern(typed)
    for paragraph in paragraphs_of(library.file(name)):
        if any(pattern.search(tag) for tag in ANY_TAG.findall(paragraph.text)):
            return Place(paragraph.where, "", office_folder(library, name))
    return place_of_field(library, name, field_name)


def place_of_field(library: TemplateLibrary, name: str, field_name: str) -> Place | None:
    """The first paragraph reading `field_name`: in template `name`, else in a shared block."""
    paragraph = paragraph_reading(paragraphs_of(library.file(name)), field_name)
    if paragraph is not None:
        return Place(paragraph.where, "", office_folder(library, name))
    for block in sorted(library.block_sources):
        paragraph = paragraph_reading(paragraphs_of(library.file(block)), field_name)
        if paragraph is not None:
            return Place(paragraph.where, f"{block}.docx", office_folder(library, block))
    for file in (name, *sorted(library.block_sources)):
        place = place_in_attributes(library, file, field_name, file != name)
        if place is not None:
            return place
    return None


def place_in_attributes(
    library: TemplateLibrary, name: str, field_name: str, block: bool
) -> Place | None:
    """The table whose properties (an attribute Word does not show: a width) read `field_name`
    in template file `name`; the file itself when the attribute is outside any table."""
    from pipeline.verify.report import Location

    xml = library.stored_document_xml(name)
    if xml is None:
        return None
    pattern = re.compile(
        rf'="[^"<>]*\{{\{{[^"<>]*?(?:\.|\b){re.escape(field_name)}\b[^"<>]*\}}\}}[^"<>]*"'
    )
    found = pattern.search(xml)
    if found is None:
        return None
    tables = len(re.findall(r"<w:tbl[ >]", xml[: found.start()]))
    where = Location("table", table=tables) if tables else Location("document")
    return Place(where, f"{name}.docx" if block else "", office_folder(library, name))


def unknown_path(
    library: TemplateLibrary, source: str, context: Mapping[str, Any], field_name: str
) -> str:
    """'danh_sach.tieu_dee': the path of a field the template reads and `context` lacks, ending
    in `field_name` (Jinja names only the last part); `field_name` itself when none is found."""
    from pipeline.template_tools.fields import FieldCollector, missing_in, shown

    try:
        paths = FieldCollector(library.environment(), library.block_sources).collect(source)
    except TemplateSyntaxError:
        return field_name
    for path in sorted(paths):
        if field_name in path:
            gap = missing_in(context, path)
            if gap is not None and gap[-1] == field_name:
                return shown(gap)
    return field_name
