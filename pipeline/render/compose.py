"""Put a document type's template together with the shared frame and blocks.

templates/khung.docx (the frame) defines, once for every type: styles, paper, margins and the
page-number headers. templates/khoi/*.docx are shared blocks (header block, Nơi nhận and
signature, running text) that type templates pull in with `{%p include "khoi/dau-trang" %}`.
A type template (templates/ke-hoach.docx, ...) holds its own content; its section breaks only
choose orientation and whether page numbers restart at 1 (an appendix), everything else about a
page comes from the frame. The last section is chosen by the data (see LAST_PART).
"""

from __future__ import annotations

import difflib
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import markupsafe
from jinja2 import DictLoader, Environment, StrictUndefined, Template, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.environment import TemplateModule
from jinja2.exceptions import TemplateRuntimeError, UndefinedError
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import concat, missing
from markupsafe import Markup, escape

from pipeline.errors import TemplateError
from pipeline.paths import shown

if TYPE_CHECKING:
    from docxtpl import DocxTemplate
from pipeline.patterns import lazy
from pipeline.render.builtin import builtin_templates
from pipeline.render.jinja_errors import ItemPastEnd
from pipeline.render.package import (
    DOCUMENT_PART,
    RELATIONSHIPS_PART,
    Carried,
    Package,
    carry,
    template_bytes,
    with_carried,
)
from pipeline.render.template_cache import answer_of, bytecode_cache, cleaned
from pipeline.render.zipwriter import Member, replace_members, write_zip

FRAME = "khung.docx"
# Word processor files a maintainer may save a template as, which vanthu does not read.
OTHER_FORMATS = frozenset(
    (".odt", ".ott", ".fodt", ".doc", ".dot", ".dotx", ".docm", ".dotm", ".rtf", ".wps")
)
FRAME_NAME = "khung"
BLOCKS_DIR = "khoi"
# Context variable naming the document's last section when parts are attached after the
# signature (phụ lục, danh sách, an issued plan): "doc" (portrait) or "ngang" (landscape), both
# numbering their pages from 1; anything else means the main section is the last one. Only the
# data knows what comes last, so the final sectPr is chosen at render time.
LAST_PART = "phan_cuoi"

_BODY = re.compile(r"(<w:body[^>]*>)(.*)(</w:body>)", re.DOTALL)
_FINAL_SECTPR = re.compile(r"<w:sectPr[ >](?:(?!<w:sectPr[ >]).)*</w:sectPr>\s*$", re.DOTALL)
_ANY_SECTPR = re.compile(r"<w:sectPr(?: [^>]*)?>.*?</w:sectPr>", re.DOTALL)
_paragraph_start = lazy(r"<w:p([ >])")
# A section break standing alone: an empty paragraph whose properties end with a sectPr (the
# paragraph style before it kept, anything else of an empty paragraph's look dropped).
_BREAK_PARAGRAPH = re.compile(
    r"(<w:p(?:\s[^>]*)?>)\s*<w:pPr>((?:(?!</w:pPr>|<w:sectPr[ >]).)*)"
    r"(<w:sectPr[ >](?:(?!</w:sectPr>).)*</w:sectPr>)\s*</w:pPr>\s*</w:p>",
    re.DOTALL,
)
_paragraph_style = lazy(r"<w:pStyle\b[^>]*/>")
# How that paragraph's mark is set so that it takes no room: hidden (w:vanish on the mark; Word
# and LibreOffice give an empty paragraph with a hidden mark no line, see
# github.com/yukiyokotani/office-open-xml-viewer/pull/947 for Word's rule) and, where hidden
# text is shown (Word with formatting marks on), 1 pt on an exact 1 pt line with no space
# before or after (the usual cure, github.com/jupitern/docx/issues/5). A 14 pt break paragraph
# after the signature table went to a page of its own whenever the table ended at the foot of
# a page: an empty page numbered "2" between a decision and its Danh sách, or a plan and its
# Phụ lục. tools/make_templates.py writes the same into the shipped templates.
COLLAPSED_BREAK = (
    '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:vanish/><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
)
STYLES_PART = "word/styles.xml"
# A phôi's field: a frame placed from the paper's edge, or the name field typed in a text box
# (render.form.box_frame reads where the box stands; one placed otherwise is refused there).
_FORM_FIELD_PATTERN = (
    r'<w:framePr\b[^>]*\bw:hAnchor="page"'
    r'|<w:txbxContent\b(?:(?!</w:txbxContent>).)*?<w:pStyle w:val="GiayKhenTen"'
)
_form_field = lazy(_FORM_FIELD_PATTERN, re.DOTALL)
# TemplateLibrary.is_form's question, kept with its answers (bump when it reads otherwise).
_IS_FORM = b"is_form-2:" + _FORM_FIELD_PATTERN.encode()
# A comment's marks in the body: its range and the run holding its reference (Word's
# CommentReference style). The comments themselves (word/comments.xml) are the template's
# maintainer's notes and are not in the frame's parts an output is written with.
_comment_run = lazy(
    r"<w:r(?:\s[^>]*)?>(?:(?!</w:r>).)*?<w:commentReference\b[^>]*/>\s*</w:r>", re.DOTALL
)
_comment_mark = lazy(
    r"<w:comment(?:RangeStart|RangeEnd|Reference)\b[^>]*/>"
    r"|<w:comment(?:RangeStart|RangeEnd|Reference)\b[^>]*>.*?</w:comment\w+>",
    re.DOTALL,
)
_INCLUDE_NAME = re.compile(r"""include\s+["'“”‘’]([^"'“”‘’]*)["'“”‘’]""")
# The header and footer parts of a .docx (Word names them header1.xml, footer2.xml…).
_running_part = lazy(r"word/(?:header|footer)\d*\.xml")


_DICT_NAMES = frozenset(dir(dict))
_T = TypeVar("_T")
_ABSENT = object()
_as_markup = str.__new__  # str.__new__(Markup, text): a Markup of text, as Markup(text) is

# MarkupSafe 3's escaping core (markupsafe.escape without the Markup around it); 2.1's escape
# is all in C already.
_escape_text: Callable[[str], str] = getattr(markupsafe, "_escape_inner", None) or (
    lambda text: str(escape(text))
)


def quick_escape(value: Any) -> Markup:
    """markupsafe.escape for the values a render prints, without its slow paths.

    Autoescaping calls escape() on every printed value (hundreds per document) and markupsafe's
    spends most of its time in Markup.__new__ and, for a Markup, in copying it. Text gets the
    same escaping core; a Markup is already safe and immutable, so it is returned as it is;
    anything else goes to markupsafe.escape itself.
    """
    kind = type(value)  # as markupsafe: a proxy's __class__ may name what it proxies
    if kind is str:
        return _as_markup(Markup, _escape_text(value))
    if kind is Markup:
        return value
    if kind is int:  # a number's digits need no escaping
        return _as_markup(Markup, str(value))
    return escape(value)


def include_context(template: Template, parent: dict[str, Any], names: dict[str, Any]) -> Context:
    """template.new_context(parent, True, names): the context a block an include names renders
    in (the includer's names, `names` over them), made as Jinja makes it.

    Jinja makes it in five calls of Python (Template.new_context, runtime.new_context, the
    __init__ of Context and of its EvalContext, the comprehension of the template's blocks),
    each block of each document (ten a decision): a tenth of the template's run. Here the same
    objects are made in one call, their attributes set as those __init__ set them
    (tests/test_engine.py compares them with Jinja's); an environment with a Context of its
    own gets Jinja's, and so does every include when the Jinja installed makes its Context with
    other attributes than these (_made_alike: a newer Jinja is used as it is, not half-made).
    """
    environment = template.environment
    if environment.context_class is not Context or not _made_alike(template):
        return template.new_context(parent, True, names)
    return _made_here(template, parent, names)


def _made_here(template: Template, parent: dict[str, Any], names: dict[str, Any]) -> Context:
    """include_context's Context, its attributes set here (see include_context)."""
    environment = template.environment
    if names:  # as runtime.new_context: the shared names copied, a missing one left out
        parent = dict(parent)
        for key, value in names.items():
            if value is not missing:
                parent[key] = value
    name = template.name
    autoescape = environment.autoescape
    eval_ctx = _new_object(EvalContext)
    eval_ctx.environment = environment
    eval_ctx.autoescape = autoescape(name) if callable(autoescape) else autoescape
    eval_ctx.volatile = False
    context = _new_object(Context)
    context.parent = parent
    context.vars = {}
    context.environment = environment
    context.eval_ctx = eval_ctx
    context.exported_vars = set()
    context.name = name
    context.globals_keys = set(template.globals)
    blocks = template.blocks
    context.blocks = {k: [v] for k, v in blocks.items()} if blocks else {}
    return context


_new_object = object.__new__
# Whether the installed Jinja's Context and EvalContext have exactly the attributes _made_here
# sets: found out once, on the first include, by making one context both ways.
_ALIKE: list[bool] = []


def _made_alike(template: Template) -> bool:
    """Whether _made_here makes the Context Jinja would (the same attribute names on it and on
    its EvalContext); asked of Jinja once per process."""
    if not _ALIKE:
        ours, jinjas = _made_here(template, {}, {}), template.new_context({}, True, {})
        _ALIKE.append(
            vars(ours).keys() == vars(jinjas).keys()
            and vars(ours.eval_ctx).keys() == vars(jinjas.eval_ctx).keys()
        )
    return _ALIKE[0]


class _QuickEscapeTemplate(Template):
    """A template whose compiled code prints through quick_escape."""

    @classmethod
    def from_code(
        cls,
        environment: Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        # The compiled module imported jinja2.runtime.escape (markupsafe's) into its globals;
        # every function of the template (root, blocks, macros) looks it up there.
        namespace = template.root_render_func.__globals__
        if namespace.get("escape") is escape:
            namespace["escape"] = quick_escape
        # The escaping core its joined output calls for a text (_DataCodeGenerator.visit_Output).
        namespace["_escape_text"] = _escape_text
        # How its includes make the included block's context (_DataCodeGenerator.visit_Include).
        namespace["_include_context"] = include_context
        return template

    def make_module(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> TemplateModule:
        """The template run as a module (`{% import %}`, `{% from %}`), its body held as text:
        a document template prints UTF-8 pieces among its text ones (DocumentSandbox), which
        Jinja's module would join as text alone when printed (`{{ m }}`) and fail."""
        context = self.new_context(vars, shared, locals)
        return TemplateModule(self, context, [text_of(self.root_render_func(context))])


def _read_path(node: nodes.Node) -> tuple[str, ...] | None:
    """('dong', 'muc') for `dong.muc`: a name's attributes read in turn, nothing called."""
    attributes = []
    while isinstance(node, nodes.Getattr):
        attributes.append(node.attr)
        node = node.node
    if not attributes or not isinstance(node, nodes.Name) or node.ctx != "load":
        return None
    return (node.name, *reversed(attributes))


def _shared_reads(body: Sequence[object]) -> dict[int, tuple[bool, str]]:
    """The reads that values printed together share (a row's `dong.muc.ho_ten`, `dong.muc.
    don_vi`, ...: `dong.muc`, each time), for _DataCodeGenerator.visit_Getattr: the first value
    reading it keeps what it read in a local, the others read the local.

    Only the object a value's own last attribute is read from: each value of an output is
    evaluated, from left to right, and that object first of all in it, so the first keeps it
    before any other asks. A name's attributes only: reading them calls nothing a template
    writes (a plain dict's item, else the sandbox's getattr, whose object is the same each
    time). A row of a Danh sách read `dong.muc` five times: read once, a decision's template
    run of 30 rows takes 860 K instructions, not 932 K (callgrind, a ws50 document)."""
    found: dict[tuple[str, ...], list[nodes.Getattr]] = {}
    for item in body:
        if isinstance(item, nodes.Getattr) and isinstance(item.node, nodes.Getattr):
            path = _read_path(item.node)
            if path is not None:
                found.setdefault(path, []).append(item.node)
    reads: dict[int, tuple[bool, str]] = {}
    for number, nodes_read in enumerate(n for n in found.values() if len(n) > 1):
        local = f"_read{number}"  # Jinja's own locals are l_*, t_*, _loop_vars
        for index, read in enumerate(nodes_read):
            reads[id(read)] = (index == 0, local)
    return reads


class _DataCodeGenerator(CodeGenerator):
    """Jinja's code generator, whose compiled `row.ho_ten` reads a plain dict's item itself.

    What DataSandbox.getattr returns for a plain dict holding the name (not one of dict's own),
    read in the template's code: a call of the sandbox's getattr for each of a document's
    hundreds of lookups cost a sixth of its template's run. Anything else (another object, a
    dict without the name) is the sandbox's, as before.
    """

    # Whether the compiled code prints UTF-8 bytes (_DocumentCodeGenerator) or text.
    utf8: ClassVar[bool] = False
    # The reads one output shares (_shared_reads), while its code is written: by the node's id,
    # whether it is the first (which keeps what it reads) and the local that keeps it.
    _reads: dict[int, tuple[bool, str]] = {}  # noqa: RUF012 (never written: replaced)

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        read = self._reads.get(id(node)) if self._reads else None
        if read is not None:
            first, local = read
            if not first:  # read already by this output, from left to right: what it kept
                self.write(local)
                return
            self.write(f"({local} := ")
            self._getattr(node, frame)
            self.write(")")
            return
        self._getattr(node, frame)

    def _getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        """The code of `node`'s read (visit_Getattr)."""
        name = node.attr
        if name in _DICT_NAMES or self.environment.is_async:
            super().visit_Getattr(node, frame)
            return
        # The object is evaluated once, into a local of the template's function (Jinja's own
        # names are l_*, t_* and _loop_vars; no template name can be _data).
        self.write(f"(_data[{name!r}] if type(_data := ")
        self.visit(node.node, frame)
        self.write(f") is dict and {name!r} in _data else environment.getattr(_data, {name!r}))")

    def visit_Output(self, node: nodes.Output, frame: Frame) -> None:
        """Text and values printed together (between two tags) as one string.

        Jinja yields each piece on its own: a document's few hundred pieces each went through
        every generator between the template and the render (an include's, the template's) and
        through the budget's count, a fifth of the template's run. Joined, a paragraph is one
        piece; what is printed is the same, in the same order (the render joins them all). As
        Jinja writes a buffer's pieces (a macro's, a `set` block's): each value on a line of
        its own, so an error still names the line of its tag. Anything but a template's plain
        output (a buffer, an `extends`, async) is Jinja's, as is a single piece.
        """
        if frame.buffer is not None or frame.require_output_check or self.environment.is_async:
            super().visit_Output(node, frame)
            return
        finalize = self._make_finalize()
        # Jinja's grouping (CodeGenerator.visit_Output): constant text computed now, in lists
        # of adjacent pieces; every other node evaluated at render time.
        body: list[list[str] | nodes.Expr] = []
        for child in node.nodes:
            try:
                if not (finalize.const or isinstance(child, nodes.TemplateData)):
                    raise nodes.Impossible()
                const = self._output_child_to_const(child, frame, finalize)
            except (nodes.Impossible, Exception):
                body.append(child)
                continue
            if body and isinstance(body[-1], list):
                body[-1].append(const)
            else:
                body.append([const])
        # Autoescaped as a whole template is (no `{% autoescape %}` block), no finalize.
        plain = (
            frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None
        )
        if len(body) == 1 and not self.utf8 and (isinstance(body[0], list) or not plain):
            super().visit_Output(node, frame)  # a piece alone: Jinja's, but for a value's escaping
            return
        if len(body) == 1:
            item = body[0]
            if isinstance(item, list):
                self.writeline(f"yield {self._constant(item)}")
                return
            self.writeline("yield ", item)
            self._value(item, frame, finalize, plain)
            return
        self.writeline("yield b''.join((" if self.utf8 else "yield ''.join((")
        self.indent()
        self._reads = _shared_reads(body) if plain else {}
        try:
            for item in body:
                if isinstance(item, list):
                    self.writeline(f"{self._constant(item)},")
                    continue
                self.newline(item)
                self._value(item, frame, finalize, plain)
                self.write(",")
        finally:
            self._reads = {}
        self.outdent()
        self.writeline("))")

    def _constant(self, group: list[str]) -> str:
        """The code of a group of constant text: its UTF-8 in a document's code."""
        text = self._output_const_repr(group)
        return repr(str(concat(group)).encode("utf-8")) if self.utf8 else text

    def _value(self, node: nodes.Expr, frame: Frame, finalize: Any, plain: bool) -> None:
        """The code of a value printed: escaped (_escaped, or as Jinja writes it), as UTF-8 in a
        document's code."""
        if self.utf8:
            self.write("(")
        if plain:
            self._escaped(node, frame)
        else:
            self._output_child_pre(node, frame, finalize)
            self.visit(node, frame)
            self._output_child_post(node, frame, finalize)
        if self.utf8:
            self.write(").encode()")

    def _escaped(self, node: nodes.Expr, frame: Frame) -> None:
        """The code of `node`'s value escaped: what quick_escape gives a text or a number,
        without a call of Python (the rendered document needs the escaped characters, not a
        Markup around them); anything else through quick_escape (the compiled code's
        `escape`)."""
        self.write("(_escape_text(_value) if (_type := type(_value := ")
        self.visit(node, frame)
        self.write(")) is str else str(_value) if _type is int else escape(_value))")

    def visit_Include(self, node: nodes.Include, frame: Frame) -> None:
        """`{% include "khoi/..." %}` handing on the block's pieces with `yield from`.

        Jinja loops over the included template's pieces in the includer's code (`for event in
        gen: yield event`), one turn of Python per piece and per level of includes; `yield
        from` hands them on in C. Closing the includer closes the included template as well,
        as Jinja's `finally: gen.close()` does. The block's context is made by include_context
        (Jinja's, in one call). Only a template's plain output of a block named by its text,
        with the includer's context (how every template includes); the rest is Jinja's.
        """
        template = node.template
        if (
            frame.buffer is not None
            or self.environment.is_async
            or node.ignore_missing
            or not node.with_context
            or not (isinstance(template, nodes.Const) and isinstance(template.value, str))
        ):
            super().visit_Include(node, frame)
            return
        self.writeline("template = environment.get_template(", node)
        self.visit(template, frame)
        self.write(f", {self.name!r})")
        self.writeline(
            "yield from template.root_render_func(_include_context(template, context.get_all(),"
            f" {self.dump_local_context(frame)}))"
        )


class DataSandbox(SandboxedEnvironment):
    """Jinja's sandbox, reading the context's dicts without a failed attribute lookup first.

    Each `row.ho_ten` in a template is a dict key. The sandbox tries the attribute first and
    pays for an AttributeError every time (hundreds per document). A plain dict has no
    attribute by a name that is not one of dict's own, so its item is what Jinja would return
    anyway; every other lookup goes through the sandbox as before. Compiled templates read
    such an item without calling getattr at all (_DataCodeGenerator).
    """

    template_class = _QuickEscapeTemplate
    code_generator_class = _DataCodeGenerator

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals: its own over the environment's, in one dict. Jinja's is a
        ChainMap over both, which every context of a render (the template's, each include's)
        reads through ChainMap's Python code; this environment's globals are all set when it is
        made (budget.guard, before any template), so a template's copy never falls behind."""
        return {**self.globals, **(d or {})}

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_NAMES:
            value = obj.get(attribute, _ABSENT)
            if value is not _ABSENT:
                return value
        return super().getattr(obj, attribute)


class _DocumentCodeGenerator(_DataCodeGenerator):
    """_DataCodeGenerator whose templates print UTF-8: what a document's word/document.xml
    is written as. Its constant text is encoded once, when the template is compiled, and only
    the values printed are encoded as a document is rendered: encoding the whole document
    (Vietnamese makes it two bytes a character in Python, which the encoder goes through one
    character at a time) and joining its pieces into one text cost a fifth of a render."""

    utf8 = True


def text_of(pieces: Iterable[str | bytes]) -> str:
    """The text of pieces printed by templates, a document template's UTF-8 among them."""
    parts = list(pieces)
    try:
        return "".join(parts)  # type: ignore[arg-type]
    except TypeError:
        return "".join(p.decode("utf-8") if type(p) is bytes else p for p in parts)  # type: ignore[misc]


class DocumentSandbox(DataSandbox):
    """DataSandbox whose templates print UTF-8 bytes (_DocumentCodeGenerator): the rendering
    engine's. What Jinja joins into a text (a template's render(), a macro's, `set` or `filter`
    block's output, an include among them) is text as in DataSandbox (text_of)."""

    code_generator_class = _DocumentCodeGenerator
    concat = staticmethod(text_of)  # type: ignore[assignment]
    # The blocks its templates include, by name, while its loader is the one they came from.
    _included: tuple[Any, dict[str, Template]] = (_ABSENT, {})

    def get_template(
        self, name: str | Template, parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> Template:  # fmt: skip
        """Jinja's get_template, a block an include names (a template's every include, every
        document) found in a dict: where the loader's sources never change (auto_reload off,
        as the engine sets it), what Jinja's cache gives for a name and that loader is the
        template it gave the first time, which Jinja looks up under a new weak reference to
        the loader, in a cache taking a lock and moving the name to its front."""
        if type(name) is not str or globals or self.auto_reload:
            return super().get_template(name, parent, globals)
        if parent is not None:  # an include in a block (Jinja's first step)
            name = self.join_path(name, parent)
        loader, templates = self._included
        if loader is not self.loader:
            loader, templates = self._included = (self.loader, {})
        template = templates.get(name)
        if template is None:
            template = templates[name] = super().get_template(name)
        return template


class DataUndefined(StrictUndefined):
    """Jinja's StrictUndefined, whose error for an index past a list's end ({{ noi_nhan[5] }})
    also says how many items the list has (ItemPastEnd): Jinja's words name neither, and only
    the undefined value still holds the list. Every other error is Jinja's own."""

    __slots__ = ()

    def __init__(
        self, hint: str | None = None, obj: Any = missing, name: Any = None,
        exc: type[TemplateRuntimeError] = UndefinedError,
    ) -> None:  # fmt: skip
        if exc is UndefinedError and type(obj) in (list, tuple) and type(name) is int and name >= 0:
            past: Any = partial(ItemPastEnd, index=name, count=len(obj))
            exc = past  # called with Jinja's message, as the class it stands for
        super().__init__(hint, obj, name, exc)


def _patcher() -> DocxTemplate:
    # docxtpl's tag clean-up (patch_xml) is an instance method that uses no instance state.
    # Imported here: docxtpl (and python-docx behind it) is needed to prepare templates, not to
    # find or hash them.
    from docxtpl import DocxTemplate

    return DocxTemplate.__new__(DocxTemplate)


# Inside a tag, what docxtpl's clean-up leaves XML-escaped although Jinja needs the character:
# LibreOffice writes every quote of a text as &quot; (or &apos;), docxtpl unescapes only
# &lt; and &gt;.
_tag_body = lazy(r"(?<=\{[\{%])(.*?)(?=[\}%]\})")
_QUOTES = (("&quot;", '"'), ("&apos;", "'"))


def unescape_quotes(xml: str) -> str:
    """`xml` with &quot; and &apos; inside Jinja tags as the quotes they stand for."""
    if "&quot;" not in xml and "&apos;" not in xml:
        return xml

    def quotes(match: re.Match[str]) -> str:
        text = match[0]
        for escaped, char in _QUOTES:
            text = text.replace(escaped, char)
        return text

    return _tag_body().sub(quotes, xml)


def strip_comments(xml: str) -> str:
    """Body XML without comment ranges and references: a maintainer's notes in a template are
    not the document's, and marks without word/comments.xml make a file LibreOffice refuses."""
    if "<w:comment" not in xml:
        return xml
    return _comment_mark().sub("", _comment_run().sub("", xml))


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class RunningParts:
    """The header and footer parts of a template file holding '{' or '}' (a tag may be split over
    runs, so a brace alone counts), by name, and what render.structure.running_faults reads of
    them: those parts with the body and its relationships (which say where each prints), kept
    from the one opening of the archive (stored_parts). `package` is None where the body could
    not be read with them: reading the whole file then says why, as it did before."""

    names: tuple[str, ...]
    package: Package | None


def stored_parts(path: Path) -> tuple[str | None, RunningParts | None]:
    """word/document.xml of the .docx at `path` (None: not a readable .docx) and its header
    and footer parts holding a brace (None: none does), read in one opening of the archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            braced: dict[str, bytes] = {}
            for name in names:
                if _running_part().fullmatch(name):
                    data = archive.read(name)
                    if _has_brace(data):
                        braced[name] = data
            running = _running_parts(archive, names, braced, path) if braced else None
            try:
                return archive.read(DOCUMENT_PART).decode("utf-8"), running
            except (KeyError, UnicodeDecodeError):
                return None, running
    except (OSError, zipfile.BadZipFile):
        return None, None


def _running_parts(
    archive: zipfile.ZipFile, names: list[str], braced: dict[str, bytes], path: Path
) -> RunningParts:
    """`braced` with the body and its relationships of the open `archive`, as RunningParts."""
    parts = dict(braced)
    try:
        for part in (DOCUMENT_PART, RELATIONSHIPS_PART):
            if part in names:
                parts[part] = archive.read(part)
    except (OSError, zipfile.BadZipFile):
        return RunningParts(tuple(braced), None)
    package = Package(str(path), parts) if DOCUMENT_PART in parts else None
    return RunningParts(tuple(braced), package)


def _has_brace(data: bytes) -> bool:
    """Whether a part's bytes hold a brace of a tag (the UTF-8 of '{' and '}' is one byte)."""
    return b"{" in data or b"}" in data


def carry_prefix(name: str) -> str:
    """How the relationships carried from template file `name` are named ('khoi-dau-trang')."""
    return name.replace("/", "-")


def preprocess(xml: str, *, marked: bool = False) -> str:
    """docxtpl's tag clean-up; `marked`: one paragraph per line, to locate errors by line."""
    patched = cleaned(xml, lambda text: unescape_quotes(_patcher().patch_xml(text)))
    return mark_lines(patched) if marked else patched


def mark_lines(source: str) -> str:
    """The source with each paragraph on a line of its own (Jinja reports errors by line).

    Only for locating errors: rendering uses the unmarked source, which spares removing the
    marks from every output (docxtpl inserts and removes them around each render).
    """
    return _paragraph_start().sub(r"\n<w:p\1", source)


def collapse_breaks(body: str) -> str:
    """Body XML with every empty section-break paragraph taking no room (COLLAPSED_BREAK),
    whichever template it comes from (a workspace's own, saved from Word, included)."""
    if "<w:sectPr" not in body:
        return body

    def collapsed(found: re.Match[str]) -> str:
        style = _paragraph_style().search(found[2])
        kept = style[0] if style else ""
        return f"{found[1]}<w:pPr>{kept}{COLLAPSED_BREAK}{found[3]}</w:pPr></w:p>"

    return _BREAK_PARAGRAPH.sub(collapsed, body)


def split_body(document_xml: str, source: str) -> tuple[str, str, str, str]:
    """(text before the body content, body content, final sectPr, text after)."""
    match = _BODY.search(document_xml)
    if not match:
        raise TemplateError("render.template_not_docx", template=source, reason="w:body")
    content = match[2]
    final = _FINAL_SECTPR.search(content)
    sect = final[0].strip() if final else ""
    inner = content[: final.start()] if final else content
    return document_xml[: match.end(1)], inner, sect, document_xml[match.start(3) :]


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class SectionKind:
    """What a template's section may choose: landscape or not, page numbers restarting or not."""

    landscape: bool
    restart: bool

    @classmethod
    def of(cls, sect_pr: str) -> SectionKind:
        return cls(
            landscape='w:orient="landscape"' in sect_pr,
            restart=bool(re.search(r"<w:pgNumType[^>]*w:start=", sect_pr)),
        )


def frame_section(frame_sect: str, kind: SectionKind, break_type: str | None) -> str:
    """The frame's section properties turned to `kind` (orientation, numbering restart)."""
    sect = frame_sect
    size = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"[^>]*/>', sect)
    if size is None:
        raise TemplateError("render.template_not_docx", template=FRAME, reason="w:pgSz")
    width, height = sorted((int(size[1]), int(size[2])))
    if kind.landscape:
        new_size = f'<w:pgSz w:w="{height}" w:h="{width}" w:orient="landscape"/>'
    else:
        new_size = f'<w:pgSz w:w="{width}" w:h="{height}"/>'
    sect = sect.replace(size[0], new_size)
    sect = re.sub(r"<w:pgNumType[^>]*/>", "", sect)
    sect = re.sub(r"<w:type [^>]*/>", "", sect)
    additions = ""
    if break_type:
        additions += f'<w:type w:val="{break_type}"/>'
    sect = sect.replace(new_size, additions + new_size) if additions else sect
    if kind.restart:
        # pgNumType stands after pgMar/pgBorders/lnNumType and before cols (or, in a frame saved
        # without cols as LibreOffice may, the next element there is) in CT_SectPr's sequence.
        found = _AFTER_PAGE_NUMBERS.search(sect)
        at = found.start() if found else sect.rindex("</w:sectPr>")
        sect = f'{sect[:at]}<w:pgNumType w:start="1"/>{sect[at:]}'
    return sect


_AFTER_PAGE_NUMBERS = re.compile(
    r"<w:(?:cols|formProt|vAlign|noEndnote|titlePg|textDirection|bidi|rtlGutter|docGrid"
    r"|printerSettings|sectPrChange)[ />]"
)


def _looked(path: Path, kind: Callable[[Path], bool]) -> bool:
    """`kind(path)` (Path.is_file, Path.is_dir); below a folder of templates that may not be
    looked into (Python 3.11 raises PermissionError there), a TemplateError naming that folder:
    which templates it holds cannot be told."""
    try:
        return kind(path)
    except PermissionError as exc:
        raise _unreadable_folder(path.parent, exc) from None


def _is_file(path: Path) -> bool:
    return _looked(path, Path.is_file)


def _listed(folder: Path) -> None:
    """Refuse a folder of templates that cannot be listed (no permission to read it), naming
    it: pathlib's glob takes one for empty, so the office's templates in it would silently give
    way to the built-in ones."""
    try:
        with os.scandir(folder):
            pass
    except (FileNotFoundError, NotADirectoryError):  # none (mau/khoi): nothing to list
        return
    except OSError as exc:
        raise _unreadable_folder(folder, exc) from None


def _unreadable_folder(folder: Path, exc: OSError) -> TemplateError:
    from pipeline.render.output import folder_reason  # for a folder that could not be read

    return TemplateError("tpl.folder_unreadable", path=shown(folder), reason=folder_reason(exc))


def _openable(path: Path) -> None:
    """Refuse an office's template the OS will not let be opened, saying why in the user's
    language (ReadReason: no permission, or held open by another program on Windows)."""
    try:
        os.close(os.open(path, os.O_RDONLY))
    except OSError as exc:
        from pipeline.render.output import ReadReason  # for a file that could not be read

        raise TemplateError(
            "tpl.template_unreadable", template=shown(path), reason=ReadReason(exc)
        ) from None


class TemplateLibrary:
    """The templates in force: frame, shared blocks and one template per document type.

    `layers` are folders searched in order for each file by its name ("khung", "khoi/dau-trang",
    "ke-hoach"): a workspace's own folder first, so that it overrides any built-in template or
    shared block by name, then the built-in templates.
    """

    def __init__(self, layers: Path | Sequence[Path] | None = None) -> None:
        folders = [layers] if isinstance(layers, Path) else list(layers or [])
        for folder in folders:
            if _is_file(folder):
                raise TemplateError("tpl.templates_not_dir", path=str(folder))
            if not _looked(folder, Path.is_dir):
                raise TemplateError("render.templates_dir_missing", path=str(folder))
            _listed(folder)
            _listed(folder / BLOCKS_DIR)
        builtin = builtin_templates()
        if all(f.resolve() != builtin.resolve() for f in folders):
            folders.append(builtin)
        self.layers: tuple[Path, ...] = tuple(folders)
        self._forms: dict[str, bool] = {}  # read once, like the frame and the blocks
        self._bodies: dict[str, tuple[str, str, Carried]] = {}  # a type's head, body, media
        self._stored: dict[str, str | None] = {}  # each file's own word/document.xml
        self._includes: dict[str, list[str]] = {}  # each type's blocks (included_blocks)
        self._running: dict[str, RunningParts | None] = {}  # headers/footers holding a brace
        self._builtin_xml: dict[str, str] = {}  # each built-in file's word/document.xml
        self._builtin_bodies: dict[str, str] = {}  # and its body content
        self._remembered: dict[tuple[str, str], Any] = {}  # results of one file's checks
        self._block_media: dict[str, Carried] = {}  # each block's pictures and links
        self.unreadable: dict[str, TemplateError] = {}  # office blocks block_sources skipped
        self._opened: set[Path] = set()  # office files found readable (file)

    @property
    def builtin(self) -> Path:
        return self.layers[-1]

    def _names(self, pattern: str) -> list[str]:
        """Template names matching `pattern` in any layer ('khoi/*.docx' → 'khoi/dau-trang')."""
        found = set()
        for layer in self.layers:
            for path in layer.glob(pattern):
                if not path.name.startswith(("~$", ".")) and _is_file(path):
                    found.add(path.relative_to(layer).with_suffix("").as_posix())
        return sorted(found)

    def file(self, name: str) -> Path:
        """The file in force for template `name` ('khoi/dau-trang', 'ke-hoach'). An office's
        file the OS will not let be read is a TemplateError saying so, naming it: every reader
        of a template would take it for a damaged .docx (render.template_not_docx)."""
        for layer in self.layers:
            candidate = layer / f"{name}.docx"
            if _is_file(candidate):
                if layer != self.builtin and candidate not in self._opened:
                    _openable(candidate)
                    self._opened.add(candidate)
                return candidate
        return self.builtin / f"{name}.docx"  # missing everywhere: callers report this path

    def origin(self, name: str) -> Path:
        """The layer (folder) template `name` comes from."""
        path = self.file(name)
        return next((layer for layer in self.layers if path.parent in (layer, layer / BLOCKS_DIR)),
                    self.builtin)  # fmt: skip

    def is_override(self, name: str) -> bool:
        """Whether template `name` comes from a layer other than the built-in templates."""
        return self.origin(name) != self.builtin

    @cached_property
    def frame(self) -> Package:
        return Package.read(self.file(FRAME_NAME))

    @cached_property
    def _frame_parts(self) -> tuple[str, str, str, str]:
        return split_body(self.frame.text(DOCUMENT_PART), FRAME)

    def block_names(self) -> list[str]:
        """Include names of the shared blocks ('khoi/dau-trang', ...)."""
        return self._names(f"{BLOCKS_DIR}/*.docx")

    @cached_property
    def block_sources(self) -> dict[str, str]:
        """Preprocessed body of every shared block, by include name ('khoi/dau-trang')."""
        sources = {}
        for name in self.block_names():
            try:
                path = self.file(name)
                package = Package.read_body(path)
                _, inner, _, _ = split_body(package.text(DOCUMENT_PART), str(path))
            except TemplateError as exc:
                if not self.is_override(name) or (self.builtin / f"{name}.docx").is_file():
                    raise  # a block templates rely on: every render needs it
                # A stray file of the office's (empty, half-copied) that no built-in template
                # includes: only a template that includes it fails (unknown block), and templates
                # check says why.
                self.unreadable[name] = exc
                continue
            inner, media = carry(package, strip_comments(inner), carry_prefix(name))
            self._block_media[name] = media
            sources[name] = preprocess(inner)
        return sources

    def _included(self, source: str) -> list[str]:
        """The shared blocks `source` includes, and the blocks they include, in order."""
        found: list[str] = []
        pending = [source]
        while pending:
            for name in _INCLUDE_NAME.findall(pending.pop()):
                name = name.strip()
                if name in self.block_sources and name not in found:
                    found.append(name)
                    pending.append(self.block_sources[name])
        return found

    def included_blocks(self, name: str) -> list[str]:
        """The shared blocks template `name` includes, directly or through another block (once
        per library: the checks ask for every type, for every block and problem)."""
        known = self._includes.get(name)
        if known is None:
            known = self._includes[name] = self._included(preprocess(self._type_body(name)[1]))
        return list(known)

    def carried(self, name: str) -> Carried:
        """The pictures and links of type template `name` and of the blocks it includes."""
        _, inner, own = self._type_body(name)
        out = own
        self.block_sources  # noqa: B018 - reading the blocks finds their media
        if not any(media.relationships for media in self._block_media.values()):
            return out  # the blocks (read with block_sources) have no pictures or links
        for block in self._included(preprocess(inner)):
            out = out + self._block_media.get(block, Carried())
        return out

    def unmatched(self) -> list[tuple[Path, str]]:
        """Files of the office's folders that replace no template (quyet_dinh.docx, 'quyet-dinh
        (1).docx'): never used. Each with the closest template name ('' when none is close)."""
        from pipeline.kinds import TEMPLATES  # the names only: no kind imported

        known = set(TEMPLATES.values())
        known |= {*self._layer_names(self.builtin, "*.docx"), FRAME_NAME}
        known |= set(self._layer_names(self.builtin, f"{BLOCKS_DIR}/*.docx"))
        out = []
        for layer in self.layers[:-1]:
            names = self._layer_names(layer, "*.docx")
            names += self._layer_names(layer, f"{BLOCKS_DIR}/*.docx")
            for name in names:
                if name not in known and name not in self.block_sources:
                    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
                    out.append((layer / f"{name}.docx", close[0] if close else ""))
        return out

    def not_docx(self) -> list[tuple[Path, str]]:
        """Files of the office's folders saved in another format (.odt, .doc, .dotx…): never
        read. Each with the template it would replace as a .docx ('' when none)."""
        from pipeline.kinds import TEMPLATES  # the names only: no kind imported

        known = {*TEMPLATES.values(), FRAME_NAME}
        known |= {*self._layer_names(self.builtin, "*.docx")}
        known |= set(self._layer_names(self.builtin, f"{BLOCKS_DIR}/*.docx"))
        out = []
        for layer in self.layers[:-1]:
            for folder in (layer, layer / BLOCKS_DIR):
                if not folder.is_dir():
                    continue
                for path in sorted(folder.iterdir()):
                    if (path.suffix.lower() in OTHER_FORMATS and _is_file(path)
                            and not path.name.startswith(("~$", "."))):  # fmt: skip
                        name = path.relative_to(layer).with_suffix("").as_posix()
                        out.append((path, name if name in known else ""))
        return out

    def shadowed(self, name: str) -> list[Path]:
        """Copies of template `name` in later office layers, hidden by the one in force."""
        in_force = self.file(name)
        return [
            layer / f"{name}.docx" for layer in self.layers[:-1]
            if _is_file(layer / f"{name}.docx") and layer / f"{name}.docx" != in_force
        ]  # fmt: skip

    @staticmethod
    def _layer_names(layer: Path, pattern: str) -> list[str]:
        return sorted(
            path.relative_to(layer).with_suffix("").as_posix() for path in layer.glob(pattern)
            if not path.name.startswith(("~$", ".")) and _is_file(path)
        )  # fmt: skip

    def type_names(self) -> list[str]:
        """Names of the document-type templates (ke-hoach, quyet-dinh, ...)."""
        return [name for name in self._names("*.docx") if name != FRAME_NAME]

    def stored_document_xml(self, name: str) -> str | None:
        """word/document.xml of template file `name` as stored (None: not a readable .docx),
        read once: each check of render.structure reads it."""
        if name not in self._stored:
            self._read_stored(name)
        return self._stored[name]

    def _read_stored(self, name: str) -> None:
        """Read template file `name`'s body and its headers and footers holding a brace."""
        self._stored[name], self._running[name] = stored_parts(self.file(name))

    def running_parts(self, name: str) -> RunningParts | None:
        """The header and footer parts of template file `name` that hold a brace (None: none
        does), read once: a tag there is never rendered (render.structure.running_faults says
        where it is)."""
        if name not in self._running:
            self._read_stored(name)
        return self._running[name]

    def builtin_document_xml(self, name: str) -> str:
        """word/document.xml of the built-in template file `name` (as Package.read gives it),
        read once per library: the checks comparing an office's copy with the built-in one
        (render.structure, templates check) ask for it for every type and block. A file missing
        or unreadable raises Package.read's TemplateError each time (nothing is kept)."""
        known = self._builtin_xml.get(name)
        if known is None:
            path = self.builtin / f"{name}.docx"
            known = self._builtin_xml[name] = Package.read(path).text(DOCUMENT_PART)
        return known

    def builtin_body(self, name: str) -> str:
        """The body content of the built-in template file `name` (split_body), read once."""
        known = self._builtin_bodies.get(name)
        if known is None:
            path = self.builtin / f"{name}.docx"
            known = split_body(self.builtin_document_xml(name), str(path))[1]
            self._builtin_bodies[name] = known
        return known

    def remember(self, check: str, name: str, judge: Callable[[], _T]) -> _T:
        """`judge()` for template file `name`, once per library: a check (`check` names it)
        whose result depends on that file only, that every type including it asks for
        (render.structure's signature block check). What raises is not kept."""
        key = (check, name)
        if key not in self._remembered:
            self._remembered[key] = judge()
        return self._remembered[key]  # type: ignore[no-any-return]

    def package(self, name: str) -> Package:
        """Template `name`'s own package (a phôi renders with its own parts, not the frame's)."""
        return Package.read(self.file(name))

    def is_form(self, name: str) -> bool:
        """Whether template `name` is a phôi: a page of its own whose fields stand in frames
        positioned from the paper's edge (Giấy khen). It keeps its own paper, styles and parts:
        the frame's margins and page numbers would move every field of a pre-printed form."""
        known = self._forms.get(name)
        if known is None:  # a missing template: render.template_missing, naming it
            path = self.file(name)
            raw = template_bytes(path)

            def searched() -> str:
                package = Package.read(path, raw)
                # The frame may be set on the paragraph or on its style (Word offers both).
                texts = (package.parts[part] for part in (DOCUMENT_PART, STYLES_PART)
                         if part in package.parts)  # fmt: skip
                found = any(_form_field().search(text.decode("utf-8")) for text in texts)
                return "true" if found else "false"

            # The same bytes answered before (template_cache.answer_of): the answer is kept,
            # not the package read whole and its styles (366 kB) searched again (2 ms).
            known = answer_of(_IS_FORM, raw, searched) == "true"
            self._forms[name] = known
        return known

    def members(self, name: str) -> list[Member]:
        """The parts a document of template `name` is written with, compressed once: a phôi's
        own, else the frame's with the pictures and links of the type's body and blocks."""
        if self.is_form(name):
            package = self.package(name)
            return with_carried(package.members(), package, Carried())
        return with_carried(self.frame.members(), self.frame, self.carried(name))

    def path_of(self, name: str) -> Path:
        return self.file(name)

    def source_files(self, name: str) -> list[Path]:
        """Every file template `name`'s output depends on: itself, the frame, the shared blocks."""
        return [self.file(name), self.file(FRAME_NAME), *map(self.file, self.block_names())]

    def relative_name(self, path: Path) -> str:
        """How a template file is named whatever its layer: 'khoi/dau-trang.docx'."""
        for layer in self.layers:
            if path.is_relative_to(layer):
                return path.relative_to(layer).as_posix()
        return path.name

    def environment(self, document: bool = False) -> SandboxedEnvironment:
        """The Jinja environment every template renders in: sandboxed, autoescaping XML;
        `document`: the rendering engine's, whose templates print UTF-8 (DocumentSandbox),
        its compiled code kept apart from the other's."""
        sandbox = DocumentSandbox if document else DataSandbox
        return sandbox(
            loader=DictLoader(self.block_sources),
            autoescape=True,
            undefined=DataUndefined,
            bytecode_cache=bytecode_cache("document" if document else ""),
        )

    def document_xml(self, name: str) -> str:
        """word/document.xml of the composed template: frame around the type's content, tags raw
        (a phôi's own, as it is)."""
        if self.is_form(name):
            return strip_comments(self.package(name).text(DOCUMENT_PART))
        head, _, frame_sect, tail = self._frame_parts
        type_head, inner, _ = self._type_body(name)
        inner = _ANY_SECTPR.sub(
            lambda m: frame_section(frame_sect, SectionKind.of(m[0]), "nextPage"),
            collapse_breaks(inner),
        )
        portrait = frame_section(frame_sect, SectionKind(landscape=False, restart=True), "nextPage")
        landscape = frame_section(frame_sect, SectionKind(landscape=True, restart=True), "nextPage")
        main_sect = frame_section(frame_sect, SectionKind(landscape=False, restart=False), None)
        final = (
            f'{{% if {LAST_PART} == "ngang" %}}{landscape}'
            f'{{% elif {LAST_PART} == "doc" %}}{portrait}'
            f"{{% else %}}{main_sect}{{% endif %}}"
        )
        # The type template's root element carries its namespace declarations (w14, wps...).
        root_open = re.search(r"<w:document[^>]*>", type_head)
        frame_head = head
        if root_open:
            frame_head = re.sub(r"<w:document[^>]*>", lambda _: root_open[0], head, count=1)
        return frame_head + inner + final + tail

    def _type_body(self, name: str) -> tuple[str, str, Carried]:
        """Type template `name`'s text before its body, its body content (comments removed,
        relationships renamed) and what its pictures and links need in an output."""
        known = self._bodies.get(name)
        if known is None:
            path = self.path_of(name)
            package = Package.read_body(path)
            type_head, inner, _, _ = split_body(package.text(DOCUMENT_PART), str(path))
            inner, media = carry(package, strip_comments(inner), carry_prefix(name))
            known = self._bodies[name] = (type_head, inner, media)
        return known

    def docx_bytes(self, name: str) -> bytes:
        """The composed template as a .docx, as docxtpl itself would load it."""
        composed = self.document_xml(name).encode("utf-8")
        return write_zip(replace_members(self.members(name), {DOCUMENT_PART: composed}))
