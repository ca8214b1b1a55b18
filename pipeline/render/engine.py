"""The rendering engine: prepare a template once, render many documents from it.

Preparing does what docxtpl does before Jinja (tag clean-up of the body), compiles the body once
and keeps every unchanged part of the package compressed. Rendering runs the compiled template,
applies the post-processing of docxtpl that our templates need (paragraph-line markers, escaped
braces, tab/line-break listing, drawing ids) and writes the zip, copying unchanged parts raw.
The result is the document docxtpl would produce for the same composed template and data
(tests/test_engine.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from jinja2 import (
    BaseLoader,
    DictLoader,
    Environment,
    Template,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from pipeline.errors import TemplateError, VanthuError
from pipeline.patterns import lazy
from pipeline.render import budget as budget_module
from pipeline.render.budget import OUTPUT_CHARS, RENDER_SECONDS, Budget, BudgetExceeded, guard
from pipeline.render.compose import (
    FRAME_NAME,
    TemplateLibrary,
    _patcher,
    include_context,
    mark_lines,
    preprocess,
    split_body,
)
from pipeline.render.fault_verdict import fault_key
from pipeline.render.form import FormSheet
from pipeline.render.fragments import KEEP_WITH_NEXT_MARK, kept_with_next
from pipeline.render.jinja_errors import (
    expression_reason,
    jinja_reason,
    undefined_message,
    undefined_name,
)
from pipeline.render.locate import (
    Place,
    failing_tag,
    office_folder,
    paragraph_with_tag,
    paragraphs_of,
    place_of_field,
    place_of_line,
    unknown_path,
)
from pipeline.render.package import DOCUMENT_PART
from pipeline.render.structure import (
    Found,
    form_faults,
    number_faults,
    package_faults,
    reads_continued,
    recipients_as_printed,
    running_faults,
    style_faults,
    template_faults,
)
from pipeline.render.template_cache import cache_root, fault_free, note_fault_free
from pipeline.render.zipwriter import Member, ZipAround

# The place lxml's message repeats after its words (said by the message's own line and column).
_parser_place = lazy(r",\s*line \d+, column \d+\s*$")
_DOCPR_ID = re.compile(r'(<wp:docPr\b[^>]*?\bid=")\d+(")')
_LISTING_CHARS = ("\t", "\a", "\n", "\f")
_LISTING_BYTES = tuple(char.encode() for char in _LISTING_CHARS)  # one byte each in UTF-8
# A <w:t> holding markup: a field of runs printed inside a run's text ({{ trich_yeu }} without
# docxtpl's r, or through a filter: structure.rich_field_fault), which no reader opens. The
# text vanthu prints is escaped, so a valid document has no '<' inside a <w:t>.
# (A self-closing <w:t .../> holds nothing. Compiled at import: every build renders a first.)
RUN_IN_TEXT = re.compile(rb"<w:t(?:\s[^>]*)?(?<!/)>[^<]*<(?!/w:t>)")
# docxtpl numbers drawings from 1001 on in each rendered part (fix_docpr_ids).
_FIRST_DOCPR_ID = 1001
# docxtpl's escaped braces: a template prints `{{` by writing `{_{`. docxtpl turns them back
# after rendering, over the whole output, so data typed as `{_{ x }_}` printed as `{{ x }}`;
# here they become Jinja string literals in the template source, before compilation.
_LITERAL_BRACES = {
    "{_{": "{{ '{{' }}",
    "}_}": "{{ '}}' }}",
    "{_%": "{{ '{%' }}",
    "%_}": "{{ '%}' }}",
}
_BUDGET_KEYS = {
    "time": "limit.render_time",
    "size": "limit.output_size",
    "range": "limit.range",
    "operator": "limit.operator",
}
# Deflate level for the one part that changes per document: level 1 is several times faster
# than 6 and costs a few per cent in size on document.xml.
_LEVEL = 1


def literal_braces(source: str) -> str:
    """Template source with docxtpl's escaped braces ({_{ ... }_}) as Jinja literals."""
    if "{_" not in source and "_}" not in source:
        return source
    for escaped, literal in _LITERAL_BRACES.items():
        source = source.replace(escaped, literal)
    return source


def number_drawings(xml: str, start: int = 0, end: int | None = None) -> str:
    """`xml` with the drawings between `start` and `end` numbered from 1001, as docxtpl's
    fix_docpr_ids numbers them.

    The same matches as `_DOCPR_ID.sub` over that span, found with str.find: the regex scans
    the whole document character by character, a tenth of a render for three drawings.
    """
    end = len(xml) if end is None else end
    out: list[str] = []
    done, position, number = 0, start, _FIRST_DOCPR_ID
    while (position := xml.find("<wp:docPr", position, end)) >= 0:
        match = _DOCPR_ID.match(xml, position, end)
        if match is None:
            position += 1
            continue
        out += (xml[done : match.end(1)], str(number))
        number += 1
        done, position = match.start(2), match.end()
    if not out:
        return xml
    out.append(xml[done:])
    return "".join(out)


def number_drawings_joined(pieces: list[bytes | memoryview]) -> bytes:
    """The document drawings_numbered_utf8 gave the pieces of (itself when it is one piece)."""
    if len(pieces) == 1 and isinstance(pieces[0], bytes):
        return pieces[0]
    return b"".join(pieces)


def drawings_numbered_utf8(data: bytes, start: int, end: int) -> list[bytes | memoryview]:
    """number_drawings for the UTF-8 bytes of a document (`start` and `end` at bytes), in
    pieces, in order: `data` itself when it has no drawing, else views of it between the new
    ids. A render deflates them one after another (Member.deflate_pieces): slicing a document
    around its drawings and joining the slices copied it twice, a tenth of its post-processing.

    Each `<wp:docPr` is found in the bytes (a search over bytes is several times faster than
    over the text, which Vietnamese makes two bytes a character) and matched as text by the
    same regex: a match lies within its tag (no part of the pattern takes a `>`), so only the
    tag is decoded, and whatever the regex's Unicode `\\b` and `\\d` match in it, the ids are
    the ones number_drawings gives.
    """
    out: list[bytes | memoryview] = []
    view = memoryview(data)
    done, position, number = 0, start, _FIRST_DOCPR_ID
    while (position := data.find(b"<wp:docPr", position, end)) >= 0:
        close = data.find(b">", position, end)
        tag = data[position : end if close < 0 else close].decode("utf-8")
        match = _DOCPR_ID.match(tag)
        if match is None:
            position += 1
            continue
        # The match's characters are its bytes where what it spans is ASCII (what follows it in
        # the tag, a drawing's name, need not be: "Đường kẻ 1").
        if tag[: match.end()].isascii():
            id_start, id_end, past = match.end(1), match.start(2), match.end()
        else:  # where the match's characters end, in bytes
            id_start, id_end, past = (
                len(tag[:i].encode()) for i in (match.end(1), match.start(2), match.end())
            )
        out += (view[done : position + id_start], b"%d" % number)
        number += 1
        done, position = position + id_end, position + past
    if not out:
        return [data]
    out.append(view[done:])
    return out


_PIPELINE = Path(__file__).resolve().parents[1]
# vanthu's modules a template's own operations run in (the guarded `*` and `**`, `range`).
_TEMPLATE_SIDE = frozenset({Path(budget_module.__file__).resolve()})


def _raised_by_vanthu(exc: BaseException) -> bool:
    """Whether the innermost frame of `exc` is vanthu's code (a bug to report), not a tag's
    expression (the template's frames, Jinja's, Python's own, the render's guards)."""
    tb = exc.__traceback__
    innermost = None
    while tb is not None:
        innermost = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    if innermost is None or innermost.startswith("<"):
        return False
    path = Path(innermost).resolve()
    return path.is_relative_to(_PIPELINE) and path not in _TEMPLATE_SIDE


class _NamedLoader(BaseLoader):
    """Shared blocks by include name, each compiled under its name as file name: a traceback
    then says which block a failing line is in (DictLoader's are all '<template>')."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self.sources = sources

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Any]:
        if template not in self.sources:
            raise TemplateNotFound(template)
        return self.sources[template], template, lambda: True


def _template_line(
    exc: BaseException, names: Collection[str]
) -> tuple[str, int, dict[str, Any]] | None:
    """('khoi/ky-ten' or '', line, names in scope) of the innermost template frame of a
    traceback: Jinja rewrites each template frame into one at the template's line whose locals
    are what the template saw there (loop variables included)."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename == "<template>" or filename in names:
            found = tb
        tb = tb.tb_next
    if found is None:
        return None
    filename = found.tb_frame.f_code.co_filename
    name = "" if filename == "<template>" else filename
    return name, found.tb_lineno, dict(found.tb_frame.f_locals)


def expression_place(
    library: TemplateLibrary, name: str, source: str, context: Mapping[str, Any],
    exc: BaseException,
) -> Place | str | None:  # fmt: skip
    """The paragraph of the tag whose expression raised `exc` rendering template `name`
    (`source`: its compiled source) with `context`: the template is rendered again one
    paragraph a line, blocks too, and the failing line's tag is the one whose expression fails
    alone (or the only one computing something). A block's name when only the block is known."""
    blocks = {n: literal_braces(mark_lines(s)) for n, s in library.block_sources.items()}
    env = guard(library.environment())
    env.bytecode_cache = None  # marked sources are for this error only
    env.loader = _NamedLoader(blocks)
    marked = mark_lines(source)
    try:
        with Budget(PreparedTemplate.seconds, PreparedTemplate.chars) as budget:
            budget.collect(env.from_string(marked).generate(context))
    except Exception as again:  # noqa: BLE001 - compared with the first failure below
        if type(again) is not type(exc) or str(again) != str(exc):
            return None
        found = _template_line(again, blocks)
    else:
        return None
    if found is None:
        return None
    file, line, scope = found

    def fails(expression: str) -> bool:
        try:
            env.compile_expression(expression)({**context, **scope})
        except Exception as alone:  # noqa: BLE001 - any failure but the same is another tag's
            return type(alone) is type(exc) and str(alone) == str(exc)
        return False

    tag = failing_tag(blocks[file] if file else marked, line, fails)
    shown = f"{file}.docx" if file else ""
    if tag is None:
        return shown or None
    paragraphs = paragraphs_of(library.file(file or name))
    paragraph = paragraph_with_tag(paragraphs, *tag) or paragraph_with_tag(paragraphs, tag[0])
    if paragraph is None:
        return shown or None
    return Place(paragraph.where, shown, office_folder(library, file or name))


def _template_frame(exc: BaseException, names: set[str]) -> str | None:
    """'khoi/ky-ten' or '' for the innermost template frame of a traceback (Jinja maps them)."""
    found = _template_line(exc, names)
    return found[0] if found is not None else None


@dataclass
class PreparedTemplate:
    """A template ready to render: compiled body, fixed document head and tail, packed parts."""

    name: str
    head: str
    tail: str
    template: Template
    package: ZipAround  # every part but word/document.xml, packed once

    # Budgets of one render (class-wide; tests lower them).
    seconds: ClassVar[float] = RENDER_SECONDS
    chars: ClassVar[int] = OUTPUT_CHARS
    blocks: frozenset[str] = frozenset()
    # Only read when a render fails: to say which field is unknown and where.
    library: TemplateLibrary | None = None
    source: str = ""
    # Whether it prints a long Nơi nhận's last lines apart (`noi_nhan_tiep`, khoi/ky-ten's row
    # under the signature): each line is handed to it once (structure.recipients_as_printed).
    continued: bool = True

    # The template compiled to print text, for the rare document UTF-8 cannot hold (a lone
    # surrogate in its data), which is rendered as text as it always was (_document).
    text: Callable[[], Template] | None = None

    def __post_init__(self) -> None:
        self._text_checked = False  # whether a document of it was looked at (RUN_IN_TEXT)
        # The head and tail in UTF-8, as the template prints (compose.DocumentSandbox).
        self._head_utf8 = self.head.encode("utf-8")
        self._tail_utf8 = self.tail.encode("utf-8")

    def render_xml(self, context: Mapping[str, Any]) -> str:
        """word/document.xml for `context`; TemplateError for a failing or runaway template."""
        document = self._document(context)
        return document if isinstance(document, str) else document.decode("utf-8")

    def _document(self, context: Mapping[str, Any]) -> bytes | str:
        """word/document.xml for `context` as UTF-8 (_pieces joined), or the text UTF-8 cannot
        hold."""
        document = self._pieces(context)
        if isinstance(document, list):
            return number_drawings_joined(document)
        return document

    def _pieces(self, context: Mapping[str, Any]) -> bytes | str | list[bytes | memoryview]:
        """word/document.xml for `context` as UTF-8, post-processed in the bytes: what that
        takes (a search for the listing characters, the drawings numbered) runs several times
        faster over bytes than over the text, which Vietnamese makes two bytes a character.
        Its pieces in order where its drawings are numbered (drawings_numbered_utf8). A body
        with a listing character (rare: a tab or line break in the data) is post-processed as
        text, as docxtpl does; a document UTF-8 cannot hold is the text."""
        try:
            data = self._generated(context)
        except _NotUtf8:
            xml = self._generated_text(context)
            self._refuse_run_in_text(xml.encode("utf-8", "surrogatepass"))
            start, end = len(self.head), len(xml) - len(self.tail)
            listed = self._listed(xml, start, end)
            return listed if listed is not None else number_drawings(xml, start, end)
        start, end = len(self._head_utf8), len(data) - len(self._tail_utf8)
        if not self._text_checked:
            self._refuse_run_in_text(data, start, end)
        if any(data.find(char, start, end) >= 0 for char in _LISTING_BYTES):
            xml = data.decode("utf-8")
            listed = self._listed(xml, len(self.head), len(xml) - len(self.tail))
            assert listed is not None  # the same characters, in the text
            return listed.encode("utf-8")
        return drawings_numbered_utf8(data, start, end)

    def _refuse_run_in_text(self, data: bytes, start: int = 0, end: int | None = None) -> None:
        """TemplateError when the output `data` holds markup inside a <w:t> (RUN_IN_TEXT): a
        document no reader opens is never written. Looked for in a template's first document
        only (a tenth of a millisecond a document otherwise): a tag printing a field of runs
        breaks every document that has the field, and templates check refuses such a tag
        before (structure.rich_field_fault); this catches a field it does not know."""
        found = RUN_IN_TEXT.search(data, start, len(data) if end is None else end)
        if found is None:
            self._text_checked = True
            return
        near = data[max(0, found.start() - 80) : found.end() + 40].decode("utf-8", "replace")
        near = " ".join(re.sub(r"<[^>]*>?", " ", near).split())[:60]
        raise TemplateError("render.run_in_text", template=f"{self.name}.docx", near=near)

    def _generated(self, context: Mapping[str, Any]) -> bytes:
        """The template's output for `context` between the document's head and tail, as UTF-8
        and not yet post-processed; TemplateError for a failing or runaway template, _NotUtf8
        for an output UTF-8 cannot hold (which the template compiled to print text renders)."""
        return self._run(context, text=False)  # type: ignore[return-value]

    def _generated_text(self, context: Mapping[str, Any]) -> str:
        """_generated as text, by the template compiled to print text."""
        return self._run(context, text=True)  # type: ignore[return-value]

    def _run(self, context: Mapping[str, Any], text: bool) -> bytes | str:
        template = f"{self.name}.docx"
        context = recipients_as_printed(context, self.continued)
        try:
            with Budget(self.seconds, self.chars) as budget:
                if text:
                    assert self.text is not None
                    return budget.collect(self.text().generate(context), self.head, self.tail)
                try:
                    return self._collected(budget, context)
                except UnicodeEncodeError:
                    if self.text is None:
                        raise
                    raise _NotUtf8 from None
        except _NotUtf8:
            raise
        except BudgetExceeded as exc:
            raise TemplateError(
                _BUDGET_KEYS[exc.what], template=template, limit=exc.limit
            ) from None
        except RecursionError as exc:
            where = _template_frame(exc, set(self.blocks))
            raise TemplateError("limit.recursion", template=template, where=where or None) from None
        except SecurityError as exc:
            raise TemplateError(
                "render.unsafe", template=template, where=self._place_of(exc, context),
                reason=jinja_reason(str(exc)),
            ) from None  # fmt: skip
        except UndefinedError as exc:
            raise self._undefined(exc, context) from None
        except JinjaTemplateError as exc:
            reason = jinja_reason(str(exc))
            raise TemplateError("render.failed", template=template, reason=reason) from None
        except VanthuError:
            raise
        except Exception as exc:
            if _raised_by_vanthu(exc):
                raise  # vanthu's own code failed: an internal error, reported as such
            raise self._failed_expression(exc, context) from None

    def _collected(self, budget: Budget, context: Mapping[str, Any]) -> bytes:
        """budget.collect_utf8 of `self.template.generate(context)` between the head and tail.

        As Jinja's Template.generate runs a template, without its generator around the
        template's: each of a document's pieces went through it on its way out, and its context
        is made in five calls of Python (compose.include_context makes the same in one). A
        failure is handed to Jinja's handle_exception as generate hands it, which puts the
        template's lines in its traceback (what says where a failing tag stands) and raises it
        again; the budget's own (its size, its clock) get the same treatment, which changes
        nothing of them but frames of their traceback that nothing reads.
        """
        template = self.template
        names = include_context(template, {**template.globals, **context}, {})
        try:
            return budget.collect_utf8(
                template.root_render_func(names), self._head_utf8, self._tail_utf8
            )
        except Exception:
            template.environment.handle_exception()  # raises the failure again
            raise  # not reached

    def _listed(self, xml: str, start: int, end: int) -> str | None:
        """`xml` post-processed (tabs, line and page breaks listed, drawings numbered) when its
        body, between `start` and `end`, holds a listing character; else None."""
        # The body is post-processed in place: slicing it out and joining it again would copy
        # the whole document twice.
        if not any(xml.find(char, start, end) >= 0 for char in _LISTING_CHARS):
            return None
        body = _patcher().resolve_listing(xml[start:end])
        if KEEP_WITH_NEXT_MARK in body:
            body = kept_with_next(body)
        xml = self.head + body + self.tail
        return number_drawings(xml, start, len(xml) - len(self.tail))

    def _undefined(self, exc: UndefinedError, context: Mapping[str, Any]) -> TemplateError:
        """The field a template reads that the data lacks, by its path and paragraph."""
        template = f"{self.name}.docx"
        field = undefined_name(exc.message)
        if field is None or self.library is None:
            reason = jinja_reason(exc.message)
            return TemplateError("render.failed", template=template, reason=reason)
        path = unknown_path(self.library, self.source, context, field)
        where = place_of_field(self.library, self.name, field)
        key, params = undefined_message(exc, path, self.name)
        return TemplateError(key, template=template, where=where, **params)

    def _failed_expression(self, exc: Exception, context: Mapping[str, Any]) -> TemplateError:
        """A tag's expression that raised ({{ 1/0 }}, {{ trich_yeu + 1 }}): the template's
        mistake, said with the paragraph of the tag when a second render can tell it."""
        return TemplateError(
            "render.expression", template=f"{self.name}.docx",
            where=self._place_of(exc, context), reason=expression_reason(exc),
        )  # fmt: skip

    def _place_of(self, exc: Exception, context: Mapping[str, Any]) -> Place | str | None:
        """Where the tag that raised `exc` stands (engine.expression_place), when it can tell."""
        if self.library is None:
            return None
        return expression_place(self.library, self.name, self.source, context, exc)

    def render(self, context: Mapping[str, Any]) -> bytes:
        """The .docx bytes for `context`."""
        document = self._pieces(context)
        if isinstance(document, str):  # UTF-8 cannot hold it: the encoder says why, as ever
            document = document.encode("utf-8")
        pieces = [document] if isinstance(document, bytes) else document
        return self.package.write(Member.deflate_pieces(DOCUMENT_PART, pieces, _LEVEL))


class _NotUtf8(Exception):
    """A document template's output that UTF-8 cannot hold (PreparedTemplate._run)."""


class Engine:
    """Renders documents from the templates folder; each template is prepared once."""

    def __init__(self, templates: TemplateLibrary | Path | None = None) -> None:
        self.library = (
            templates if isinstance(templates, TemplateLibrary) else TemplateLibrary(templates)
        )
        self._prepared: dict[str, PreparedTemplate] = {}
        self._forms: dict[str, FormSheet] = {}
        self._env = self._environment(document=True)
        self._text_env: SandboxedEnvironment | None = None  # made for a text render (_text)
        self._texts: dict[str, Template] = {}
        self._blocks_checked = False  # the shared blocks' faults looked for (_compile_blocks)
        self._blocks_ready = False  # and the blocks compiled
        self._frame_faults: list[Found] | None = None  # the frame's, found once per engine

    def _environment(self, document: bool) -> SandboxedEnvironment:
        """The engine's Jinja environment: its templates print UTF-8 (`document`), or text."""
        env = guard(self.library.environment(document=document))
        # Its blocks' sources are fixed for the engine's life (the loader below): each include
        # need not ask whether its block changed (Jinja's auto_reload, every include).
        env.auto_reload = False
        # Shared blocks compile through the loader: their escaped braces become literals too.
        env.loader = DictLoader(
            {name: literal_braces(source) for name, source in self.library.block_sources.items()}
        )
        return env

    def _text(self, name: str, source: str) -> Template:
        """Template `name` (its compiled `source`) compiled to print text, with its blocks: for
        the rare document UTF-8 cannot hold (PreparedTemplate.text), once per engine."""
        template = self._texts.get(name)
        if template is None:
            if self._text_env is None:
                self._text_env = self._environment(document=False)
            template = self._texts[name] = self._text_env.from_string(source)
        return template

    def prepare(self, name: str) -> PreparedTemplate:
        """Compile template `name` (once per engine)."""
        cached = self._prepared.get(name)
        if cached is not None:
            return cached
        # Its files came through the same search before (render.fault_verdict): no fault is
        # looked for again, which was most of preparing a template (17 of 25 ms; measured:
        # 145 M of the 2,470 M instructions of a build of 3 decisions).
        key = fault_key(self.library, name) if cache_root() is not None else None
        known = key is not None and fault_free(key)
        self._compile_blocks(name, checked=known)
        if not known:
            self._refuse_faults(name, name)
            self._refuse_frame_faults(name)
            if key is not None:
                note_fault_free(key)
        document_xml = self.library.document_xml(name)
        members = self.library.members(name)  # a phôi's own parts, else the frame's
        head, inner, sect, tail = split_body(document_xml, name)
        source = literal_braces(preprocess(inner + sect))
        try:
            template = self._compile(name, source)
        except TemplateSyntaxError as exc:
            raise self._located(name, source, exc) from None
        index = next(i for i, m in enumerate(members) if m.name == DOCUMENT_PART)
        prepared = PreparedTemplate(
            name=name,
            head=head,
            tail=tail,
            template=template,
            package=ZipAround(members[:index], members[index + 1 :]),
            blocks=frozenset(self.library.block_sources),
            library=self.library,
            source=source,
            continued=reads_continued([source, *self._included_sources(name)]),
            text=partial(self._text, name, source),
        )
        self._prepared[name] = prepared
        return prepared

    def _included_sources(self, name: str) -> list[str]:
        """The cleaned-up sources of the shared blocks template `name` includes."""
        sources = self.library.block_sources
        return [sources[block] for block in self.library.included_blocks(name)]

    def _compile(self, name: str, source: str) -> Template:
        """`self._env.from_string(source)`, the compiled code kept in the environment's bytecode
        cache between runs (Jinja uses it for loaded templates only; this is how its loaders
        do it, under a key of the type's name and the source's checksum)."""
        cache = self._env.bytecode_cache
        if cache is None:
            return self._env.from_string(source)
        bucket = cache.get_bucket(self._env, f"vanthu-type:{name}", None, source)
        if bucket.code is None:
            bucket.code = self._env.compile(source)  # as from_string compiles: no name, no file
            cache.set_bucket(bucket)
        return self._env.template_class.from_code(
            self._env, bucket.code, self._env.make_globals(None), None
        )

    def form_sheet(self, name: str) -> FormSheet:
        """The paper, fields and styles of phôi template `name` (read once per engine)."""
        sheet = self._forms.get(name)
        if sheet is None:
            self.prepare(name)  # the template's faults (a name field without a width) before a row
            sheet = self._forms[name] = FormSheet(self.library.package(name), name)
        return sheet

    def _compile_blocks(self, name: str, checked: bool = False) -> None:
        """Compile every shared block now (Jinja would at the first render), errors located;
        their faults looked for first unless template `name` is known to have none in its
        files (`checked`), which are every block."""
        if not checked and not self._blocks_checked:
            for block in self.library.block_sources:
                self._refuse_faults(name, block)
            self._blocks_checked = True
        if self._blocks_ready:
            return
        for block, source in self.library.block_sources.items():
            try:
                self._env.get_template(block)
            except TemplateSyntaxError as exc:
                exc.name = block
                raise self._located(name, source, exc) from None
        self._blocks_ready = True

    def _refuse_faults(self, name: str, file: str) -> None:
        """TemplateError for a property value of template file `file` (template `name` itself
        or one of its blocks) that is no number (w:sz w:val="x"), the first tag mistake that
        would break or empty the output, a paragraph style the frame lacks, a phôi field off the
        paper (render.structure; templates check says the same), tracked changes or an embedded
        object in its body."""
        try:
            faults = (
                number_faults(self.library, file)
                or package_faults(self.library, file)
                or template_faults(self.library, file)
                or style_faults(self.library, file)
                or running_faults(self.library, file)
            )
        except etree.XMLSyntaxError as exc:  # the first reading of the file's body
            raise self._damaged(name, file, exc) from None
        if not faults and file == name:
            faults = form_faults(self.library, name)  # a phôi field off the paper
        _raise_first(name, faults)

    def _damaged(self, name: str, file: str, exc: etree.XMLSyntaxError) -> TemplateError:
        """Template file `file`'s XML that does not parse (a damaged save, a hand edit), said
        of template `name` with the line and column the parser stopped at."""
        shown = f"{file}.docx" if file != name else ""
        where = Place(None, shown, office_folder(self.library, file))
        line, column = exc.position if exc.position else (exc.lineno, 0)
        return TemplateError(
            "render.xml_damaged", template=f"{name}.docx", where=where,
            part=DOCUMENT_PART, line=line, column=column, name=file,
            reason=_parser_place().sub("", exc.msg or ""),
        )  # fmt: skip

    def _refuse_frame_faults(self, name: str) -> None:
        """TemplateError for a property value of the frame that is no number, or a tag in its
        headers and footers: every document but a phôi (printed with its own parts, checked as
        its body is) is written with its parts."""
        if self.library.is_form(name):
            return
        if self._frame_faults is None:
            self._frame_faults = number_faults(self.library, FRAME_NAME) or running_faults(
                self.library, FRAME_NAME
            )
        _raise_first(name, self._frame_faults)

    def _located(self, name: str, source: str, exc: TemplateSyntaxError) -> TemplateError:
        """The syntax error again, compiled with one paragraph per line to say where it is."""
        block = self.library.block_sources.get(exc.name or "")
        marked = mark_lines(block if block is not None else source)
        file = self.library.file((exc.name or "") if block is not None else name)
        shown = f"{exc.name}.docx" if block is not None else ""
        where: Place | str | None = shown or None
        try:
            self._env.from_string(marked)
        except TemplateSyntaxError as again:
            where = place_of_line(file, marked, again, self._env, shown) or where
        return TemplateError(
            "render.syntax", template=f"{name}.docx", where=where, reason=jinja_reason(exc.message)
        )

    def render(self, name: str, context: Mapping[str, Any]) -> bytes:
        """Render one document of template `name`."""
        return self.prepare(name).render(context)


def _raise_first(name: str, faults: list[Found]) -> None:
    """The first of `faults` (of template `name` or a file it is rendered with) as the
    TemplateError render and build stop at."""
    for found in faults:
        raise TemplateError(found.key, template=f"{name}.docx", where=found.where, **found.params)
