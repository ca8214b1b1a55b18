"""vanthu templates check: what would break or surprise, located where a maintainer can find it.

Jinja reports errors by line of the flattened XML; here every problem is located to the paragraph
or table cell of the .docx that holds the tag, as Word shows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from lxml import etree

from pipeline.errors import VanthuError
from pipeline.render.compose import (
    BLOCKS_DIR,
    FRAME,
    TemplateLibrary,
    mark_lines,
    preprocess,
    split_body,
)
from pipeline.render.jinja_errors import jinja_reason
from pipeline.render.locate import ANY_TAG, paragraphs_of, place_of_field, place_of_line
from pipeline.render.package import DOCUMENT_PART, Package
from pipeline.render.structure import template_faults
from pipeline.template_tools.fields import ContextShape, FieldCollector, FieldPath, shown
from pipeline.verify import verify_file
from pipeline.verify.document import Paragraph

OPENERS = {"for", "if", "with", "macro", "call", "filter", "block", "raw"}
CLOSERS = {f"end{word}": word for word in OPENERS}
TAG = re.compile(r"\{%-?\s*(?:[prc]\s+|tr\s+|tc\s+)?(\w+)(.*?)-?%\}", re.DOTALL)
SHARED_TEXT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:")


@dataclass(frozen=True)
class Problem:
    """One finding: template, place in it, what is wrong; warnings do not fail the check."""

    template: str
    where: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    warning: bool = False


@dataclass
class TemplateReport:
    """Problems of the templates checked."""

    checked: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(not p.warning for p in self.problems)


def _where(paragraph: Paragraph | None, lang: str | None = None) -> str:
    return paragraph.where.describe(lang) if paragraph is not None else ""


def block_structure(name: str, paragraphs: list[Paragraph]) -> list[Problem]:
    """Unclosed or stray {%p %}/{%tr %} blocks, each at the paragraph holding its tag."""
    problems: list[Problem] = []
    stack: list[tuple[str, Paragraph]] = []
    for paragraph in paragraphs:
        for match in TAG.finditer(paragraph.text):
            word = match[1]
            if word in OPENERS:
                stack.append((word, paragraph))
            elif word in CLOSERS:
                if stack and stack[-1][0] == CLOSERS[word]:
                    stack.pop()
                else:
                    problems.append(
                        Problem(name, _where(paragraph), "tpl.stray_end", {"tag": match[0]})
                    )
    for word, paragraph in stack:
        problems.append(Problem(name, _where(paragraph), "tpl.unclosed", {"tag": word}))
    return problems


def split_tags(name: str, paragraphs: list[Paragraph]) -> list[Problem]:
    """Tags whose characters are spread over several runs (Word formatting inside a tag)."""
    problems = []
    for paragraph in paragraphs:
        bounds, position = [], 0
        for run in paragraph.runs:
            position += len(run.text)
            bounds.append(position)
        for match in ANY_TAG.finditer(paragraph.text):
            if any(match.start() < b < match.end() for b in bounds):
                problems.append(
                    Problem(name, _where(paragraph), "tpl.split_tag", {"tag": match[0]}, True)
                )
    return problems


def syntax(name: str, source: str, path: Path, library: TemplateLibrary) -> list[Problem]:
    """Jinja syntax errors of a marked source, at the paragraph holding the bad tag (said as a
    render says it: pipeline.render.locate)."""
    try:
        library.environment().from_string(source)
    except TemplateSyntaxError as exc:
        if exc.name and exc.name != name:  # inside an included block: reported with the block
            return []
        where = place_of_line(path, source, exc, library.environment())
        return [
            Problem(name, str(where or ""), "tpl.syntax", {"reason": jinja_reason(exc.message)})
        ]
    return []


def structure(name: str, library: TemplateLibrary) -> list[Problem]:
    """Tags that would break or empty the output (pipeline.render.structure): render refuses
    them with the same message."""
    return [
        Problem(name, str(found.where or ""), found.key, found.params)
        for found in template_faults(library, name, named=False)
    ]


def declared_fields(name: str, builtin: TemplateLibrary) -> set[FieldPath]:
    """The fields the built-in template `name` reads, with the built-in blocks (`builtin` holds
    only those): fields the context builder provides (the built-in templates render every
    example)."""
    if name not in builtin.type_names():
        return set()
    try:
        source = preprocess(builtin.document_xml(name))
        return FieldCollector(builtin.environment(), builtin.block_sources).collect(source)
    except (TemplateSyntaxError, VanthuError):
        return set()


def unknown_fields(
    name: str, source: str, library: TemplateLibrary, samples: Iterable[Mapping[str, Any]],
    builtin: TemplateLibrary,
) -> list[Problem]:  # fmt: skip
    """Fields the template reads that its context does not provide, nested ones too."""
    try:
        paths = FieldCollector(library.environment(), library.block_sources).collect(source)
    except TemplateSyntaxError:
        return []  # reported by syntax()
    samples = list(samples)
    if not samples:
        return []  # no context of this template known: nothing to compare with
    shape = ContextShape.of(samples, declared_fields(name, builtin))
    problems, reported = [], set()
    for path in sorted(paths):
        gap = shape.missing(path)
        if gap is None or gap in reported:
            continue
        reported.add(gap)
        where = place_of_field(library, name, gap[-1])
        problems.append(Problem(name, str(where or ""), "tpl.unknown_field", {"name": shown(gap)}))
    return problems


def dropped_fields(name: str, library: TemplateLibrary) -> list[Problem]:
    """Fields the built-in block prints that the office's copy of it does not: a copy made before
    vanthu added them (the V/v slot of khoi/dau-trang, for a Công văn) leaves them out. A warning:
    leaving a field out may be meant."""
    builtin = library.builtin / f"{name}.docx"
    if not name.startswith(BLOCKS_DIR) or not library.is_override(name) or not builtin.is_file():
        return []

    def names(path: Path) -> set[str]:
        _, inner, _, _ = split_body(Package.read(path).text(DOCUMENT_PART), str(path))
        collector = FieldCollector(library.environment(), library.block_sources)
        return {field_path[0] for field_path in collector.collect(preprocess(inner))}

    try:
        missing = names(builtin) - names(library.file(name))
    except TemplateSyntaxError:
        return []  # reported by syntax()
    return [
        Problem(name, "", "tpl.dropped_field", {"name": field_name}, warning=True)
        for field_name in sorted(missing)
    ]


def drift(name: str, path: Path, frame: Package) -> list[Problem]:
    """Shared definitions copied into a template: styles, page set-up, header or signature text."""
    problems = []
    package = Package.read(path)
    frame_styles = _styles_by_id(frame.parts["word/styles.xml"])
    own = _styles_by_id(package.parts.get("word/styles.xml", b"<x/>"))
    changed = sorted(i for i in own.keys() & frame_styles.keys() if own[i] != frame_styles[i])
    if changed:
        problems.append(
            Problem(name, "styles.xml", "tpl.style_drift", {"styles": ", ".join(changed)}, True)
        )
    if not name.startswith(BLOCKS_DIR):
        body = split_body(package.text(DOCUMENT_PART), name)[1]
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body))
        for shared in SHARED_TEXT:
            if shared in text:
                problems.append(Problem(name, "", "tpl.copied_block", {"text": shared}))
    return problems


def _styles_by_id(xml: bytes) -> dict[str, bytes]:
    root = etree.fromstring(xml)
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return {
        s.get(f"{ns}styleId"): etree.tostring(s, method="c14n") for s in root.iter(f"{ns}style")
    }


def layout(name: str, path: Path) -> list[Problem]:
    """The verify rules that apply to a template."""
    report = verify_file(path, template=True)
    problems = []
    for v in report.violations:
        where, line = v.where.describe(), v.line()
        # verify's line starts with the place, which the check prints before it already
        line = line.removeprefix(f"{where}: ") if where else line
        problems.append(Problem(name, where, "tpl.layout", {"rule": v.rule, "line": line}))
    return problems


def check_templates(
    library: TemplateLibrary,
    names: list[str] | None = None,
    samples: Mapping[str, list[Mapping[str, Any]]] | None = None,
) -> TemplateReport:
    """Check the named templates (default: all) — types, shared blocks and the frame."""
    samples = samples or {}
    builtin = TemplateLibrary(library.builtin)  # its blocks read once, for every template
    report = TemplateReport()
    wanted = names or [*library.type_names(), *sorted(library.block_sources), FRAME[:-5]]
    for name in wanted:
        path = library.file(name)
        report.checked.append(name)
        paragraphs = paragraphs_of(path)
        report.problems += block_structure(name, paragraphs)
        report.problems += split_tags(name, paragraphs)
        if name in library.type_names():
            source = preprocess(library.document_xml(name), marked=True)
        elif name.startswith(BLOCKS_DIR):
            source = mark_lines(library.block_sources[name])
        else:
            source = ""
        faults = structure(name, library) if source else []
        report.problems += faults
        if source and not faults:  # Jinja's view of a broken tag only repeats it, less clearly
            report.problems += syntax(name, source, path, library)
            report.problems += unknown_fields(name, source, library, samples.get(name, []), builtin)
        report.problems += dropped_fields(name, library)
        if name != FRAME[:-5]:
            report.problems += drift(name, path, library.frame)
        report.problems += layout(name, path)
    return report
