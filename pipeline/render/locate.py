"""Where in a template's .docx a tag stands, said the same way by `vanthu templates check` and by
render errors: the paragraph or table cell as Word shows it ('bảng 1, hàng 6, ô 2, đoạn 1 «…»'),
numbered by the .docx the maintainer edits, not by the composed XML Jinja compiled.

Only error paths come here: reading a template's paragraphs costs a parse of its XML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, TemplateSyntaxError

from pipeline.errors import said
from pipeline.i18n import current_language, t

if TYPE_CHECKING:
    from pipeline.render.compose import TemplateLibrary
    from pipeline.verify.document import Paragraph
    from pipeline.verify.report import Location

ANY_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
# docxtpl's paragraph, row, cell and run markers ({%p if %}, {%tr for %}, {{r x }}), which its
# clean-up removes: the tag Jinja sees is the same tag without them.
_MARKER = re.compile(r"^(?:[prc]|tr|tc)\s+")


class Phrase(str):
    """A catalogue message kept with its key and params, so that it can be said again in another
    language (TemplateError.location/detail ask `describe(lang)`); as a str, the current one."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, /, **params: object) -> Phrase:
        phrase = super().__new__(cls, t(key, None, **params))
        phrase.key, phrase.params = key, params
        return phrase

    def describe(self, lang: str | None = None) -> str:
        params = {k: said(v, lang) for k, v in self.params.items()}
        return t(self.key, lang=lang, **params)


@dataclass(frozen=True)
class Place:
    """A paragraph of a template file: `file` is '' for the template itself, or the shared block
    that holds it ('khoi/ky-ten.docx')."""

    location: Location
    file: str = ""
    office: str = ""  # the office's folder ('mau') when the file is its copy, not the built-in

    def describe(self, lang: str | None = None) -> str:
        copy = t("tpl.office_copy", lang=lang, folder=self.office) if self.office else ""
        return ", ".join(p for p in (self.file, copy, self.location.describe(lang)) if p)

    def __str__(self) -> str:
        return self.describe(current_language())


def paragraphs_of(path: Path) -> list[Paragraph]:
    """The paragraphs of a template file as `verify` reads them (body, tables, headers)."""
    from pipeline.verify.document import read_document

    return read_document(path).paragraphs


def tag_key(tag: str) -> str:
    """A tag reduced to what Jinja reads of it: no delimiters, markers or spacing differences."""
    inner = tag[2:-2].strip("-").strip()
    return " ".join(_MARKER.sub("", inner).split())


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
    for paragraph in paragraphs:
        if any(pattern.search(tag) for tag in ANY_TAG.findall(paragraph.text)):
            return paragraph
    return None


def tag_on_line(
    marked: str, line: int | None, culprit: Callable[[str], bool] | None = None
) -> tuple[str, int] | None:
    """The bad tag on `line` of a source with one paragraph per line (compose.mark_lines), and
    how many tags reading the same stand before it. docxtpl's clean-up joins a {%p %} tag to a
    neighbour's line, so a line may hold several: the first that `culprit` accepts (fails alone
    as the whole source did), else the last."""
    lines = marked.splitlines()
    if not line or not 0 < line <= len(lines):
        return None
    tags = ANY_TAG.findall(html.unescape(re.sub(r"<[^>]+>", "", lines[line - 1])))
    if not tags:
        return None
    index = next((i for i, tag in enumerate(tags) if culprit and culprit(tag)), len(tags) - 1)
    wanted = tag_key(tags[index])
    before = html.unescape(re.sub(r"<[^>]+>", "", "\n".join(lines[: line - 1])))
    earlier = sum(tag_key(tag) == wanted for tag in [*ANY_TAG.findall(before), *tags[:index]])
    return tags[index], earlier


def place_of_line(
    path: Path, marked: str, exc: TemplateSyntaxError, env: Environment, file: str = ""
) -> Place | None:
    """The paragraph of template file `path` holding the tag that `exc` (raised compiling the
    marked source, its line numbers those of paragraphs) is about."""

    def culprit(tag: str) -> bool:
        try:
            env.compile(tag)
        except TemplateSyntaxError as alone:
            return alone.message == exc.message
        return False

    found = tag_on_line(marked, exc.lineno, culprit)
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


def place_of_field(library: TemplateLibrary, name: str, field_name: str) -> Place | None:
    """The first paragraph reading `field_name`: in template `name`, else in a shared block."""
    paragraph = paragraph_reading(paragraphs_of(library.file(name)), field_name)
    if paragraph is not None:
        return Place(paragraph.where)
    for block in sorted(library.block_sources):
        paragraph = paragraph_reading(paragraphs_of(library.file(block)), field_name)
        if paragraph is not None:
            return Place(paragraph.where, f"{block}.docx")
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
