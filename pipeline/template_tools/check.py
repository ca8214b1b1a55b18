"""vanthu templates check: what would break or surprise, located where a maintainer can find it.

Jinja reports errors by line of the flattened XML; here every problem is located to the paragraph
or table cell of the .docx that holds the tag, as Word shows it.
"""

from __future__ import annotations

import copy
import difflib
import html
import re
import string
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from lxml import etree
from markupsafe import Markup

from pipeline.errors import InputError, TemplateError, VanthuError
from pipeline.i18n import t
from pipeline.ooxml_names import DOCUMENT_LANGUAGE, TABLE_PROPERTIES
from pipeline.render.compose import (
    BLOCKS_DIR,
    FRAME,
    FRAME_NAME,
    STYLES_PART,
    TemplateLibrary,
    mark_lines,
    preprocess,
    split_body,
)
from pipeline.render.header_texts import quoc_hieu_lines
from pipeline.render.jinja_errors import jinja_reason
from pipeline.render.libreoffice import restored_header_widths, restored_widths
from pipeline.render.locate import (
    ANY_TAG,
    Place,
    office_folder,
    paragraph_with_tag,
    paragraphs_of,
    place_of_expression,
    place_of_field,
    place_of_line,
    place_of_paragraph,
    tag_on_line,
)
from pipeline.render.package import DOCUMENT_PART, Package
from pipeline.render.phrase import Phrase
from pipeline.render.structure import (
    CONTINUED_FIELD,
    RECIPIENTS_FIELD,
    Found,
    ViolationLine,
    binds_recipients_only,
    continued_beside_signature,
    form_width_faults,
    number_faults,
    package_faults,
    paragraph_style_ids,
    part_order_faults,
    running_faults,
    section_faults,
    signature_block_fault,
    style_faults,
    template_faults,
)
from pipeline.render.styles import StyleSheet
from pipeline.render.zipwriter import replace_members, write_zip
from pipeline.rules.font_widths import advances, is_times
from pipeline.rules.metrics import widest_twips
from pipeline.template_tools.fields import (
    GAP_INDEX,
    GAP_TEXT_ITEM,
    ContextShape,
    FieldCollector,
    FieldPath,
    Gap,
    shown,
    written_prefix,
)
from pipeline.text.listing import first_named
from pipeline.verify import resolve_type, type_choices, verify_file
from pipeline.verify.document import Document, Paragraph, read_document
from pipeline.verify.layout import Layout, find_layout, is_recipients_heading
from pipeline.verify.ooxml import q
from pipeline.verify.report import DOCUMENT, Location, Report, msg
from pipeline.verify.rules_body import check_preamble, check_running_text
from pipeline.verify.rules_header import RULE_EXPECTED
from pipeline.verify.rules_page import page_field_paragraphs
from pipeline.verify.rules_recipients import check_group_items
from pipeline.verify.rules_signature import check_recipients, check_signature
from pipeline.verify.rules_text import check_fonts
from pipeline.verify.shapes import with_text_boxes
from pipeline.verify.specs import check_format

OPENERS = {"for", "if", "with", "macro", "call", "filter", "block", "raw"}
CLOSERS = {f"end{word}": word for word in OPENERS}
TAG = re.compile(r"\{%-?\s*(?:[prc]\s+|tr\s+|tc\s+)?(\w+)(.*?)-?%\}", re.DOTALL)
SHARED_TEXT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:")
# The frame's paragraph styles and the Phụ lục I element each prints (pipeline.verify.specs), as
# the built-in templates use them (tests/test_template_check_frame.py pins it against them).
STYLE_ELEMENTS = {
    "QuocHieu": "quoc_hieu",
    "TieuNgu": "tieu_ngu",
    "CoQuanChuQuan": "co_quan_chu_quan",
    "CoQuanBanHanh": "co_quan",
    "SoKyHieu": "so_ky_hieu",
    "TrichYeuCongVan": "trich_yeu_cong_van",
    "DiaDanhNgay": "dia_danh_ngay",
    "TenLoai": "ten_loai",
    "TrichYeu": "trich_yeu",
    "ThamQuyenBanHanh": "tham_quyen_ban_hanh",
    "KinhGui": "kinh_gui",
    "NoiNhanTieuDe": "noi_nhan_tieu_de",
    "NoiNhan": "noi_nhan",
    "ChuKyThamQuyen": "chu_ky_tham_quyen",
    "ChuKyHoTen": "chu_ky_ho_ten",
    "PhuLucSo": "phu_luc",
    "PhuLucTieuDe": "phu_luc_tieu_de",
    "PhuLucKemTheo": "phu_luc_kem_theo",
    "SoTrang": "so_trang",
}
PROBE_TEXT = "Thực hiện nội dung văn bản"
# The frame's styles of the body's lines that verify judges by their words, each probed with a
# line it recognises (rules_body, specs): a căn cứ line (can_cu.italic), a Mục heading
# (muc.bold, muc.case), an article's number and title (dieu.bold), the label above the
# articles (QUYẾT ĐỊNH:, as specs' quyet_dinh). Printed with PROBE_TEXT, verify would not know
# them for what they are, and a frame making them upright or regular would pass the check.
PREAMBLE_STYLE = "CanCu"
PROBE_LINES = {
    PREAMBLE_STYLE: "Căn cứ Luật Tổ chức chính quyền địa phương.",
    "Muc": "I. MỤC ĐÍCH, YÊU CẦU",
    "KhoanTieuDe": "Điều 1. Phạm vi điều chỉnh",
    "TieuDeGiua": "QUYẾT ĐỊNH:",
}
# Running text as verify reads it: the căn cứ lines open the body, headings among its lines.
RUNNING_STYLES = (PREAMBLE_STYLE, "NoiDung", "Muc", "KhoanTieuDe", "NoiDung")
# Centred labels judged by an element's spec (verify.specs), not as running text.
LABEL_ELEMENTS = {"TieuDeGiua": "quyet_dinh"}
# Rules about the page (paper, margins, page numbers): a type template's own sections and
# headers are not used (the frame's are), so they are checked at khung.docx only.
FRAME_RULES = ("page.size", "page.margin", "so_trang.")
# How many of the differing style names a style-drift warning shows.
DRIFT_SHOWN = 5
SIGNATURE_BLOCK = "khoi/ky-ten"
RECIPIENTS_MISSING = "tpl.recipients_missing"  # render.structure.recipients_faults
SIGNATURE_MISSING = "tpl.signature_missing"  # render.structure.signature_faults
CELLS_MERGED = "tpl.signature_cells_merged"  # and the other faults of an office's signature block
SIGNATURE_FAULTS = (SIGNATURE_MISSING, "tpl.recipients_twice", CELLS_MERGED)
# Faults of whole tags (a part the template no longer prints): Jinja's checks still apply.
WHOLE_TAG_FAULTS = (RECIPIENTS_MISSING, *SIGNATURE_FAULTS)
# Faults of a template Jinja cannot read (a tag or block left open, a stray closing one, a
# syntax error). verify reads a template's layout by its tags (a paragraph holding one is an
# element's slot): a tag without its '}}' is text to it, and the elements after it are taken for
# others (the trích yếu's rule for a body paragraph, 6 pt and centred), so its layout faults are
# not the template's. Only the fault itself is said; the layout is checked once it is fixed.
UNPARSED = ("tpl.syntax", "tpl.unclosed_tag", "tpl.stray_close", "tpl.unclosed", "tpl.stray_end")
HEADER_WIDTHS = "dau_trang"  # the header table's column widths vanthu computes (khoi/dau-trang)
_GRID_COL = re.compile(r'<w:gridCol\b[^>]*\bw:w="(\d+)"')


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


# The Lưu line's tag and what a line must hold before it: vanthu's phrase (rules/data/cau-chu.yaml
# `luu`) prints "Lưu: VT, ...", never its dash, which is the template's fixed text.
ARCHIVE_TAG = re.compile(r"\{\{-?\s*luu\s*-?\}\}")
ARCHIVE_DASH = re.compile(r"\s*-\s+")


def archive_dash(name: str, paragraphs: list[Paragraph]) -> list[Problem]:
    """A Lưu line ({{ luu }}) without its "- ": every document prints "Lưu: VT, ..." without
    the dash Phụ lục I puts before each Nơi nhận line (verify's noi_nhan.dash, noi_nhan.last).
    Unlike a recipient's line starting with a tag (whose dash may be the data's), decidable in
    the template."""
    problems = []
    for paragraph in paragraphs:
        for line in paragraph.text.split("\n"):
            found = ARCHIVE_TAG.search(line)
            if found is None or ARCHIVE_DASH.fullmatch(line[: found.start()]):
                continue
            text = " ".join(line.split())
            problems.append(Problem(name, _where(paragraph), "tpl.archive_dash", {"text": text}))
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


# The methods of a text that format their fields ('{0.ten}'.format(x)): a field reads attributes
# of the arguments, through the sandbox as a tag's do (jinja2.sandbox's SandboxedFormatter).
_FORMAT_METHODS = ("format", "format_map")


def unsafe_reads(name: str, source: str, library: TemplateLibrary) -> list[Problem]:
    """Attributes the sandbox refuses to read, in the marked source of template file `name`:
    a name starting with '_' (''.__class__, Python's internals), in a tag or in the fields of a
    text's format() ('{0.__class__}'.format(x)). Every render stops there (render.unsafe): said
    at the tag's paragraph, in render's words, before any document is made."""
    try:
        tree = library.environment().parse(source)
    except TemplateSyntaxError:
        return []  # reported by syntax()
    found = [*_unsafe_attributes(tree)]
    if not found:
        return []
    paragraphs = paragraphs_of(library.file(name))
    problems = []
    for attribute, kind, line in found:

        def reading(_: int, text: str, attribute: str = attribute) -> bool:
            return attribute in text  # the tag of the line reading it (several may stand there)

        tag = tag_on_line(source, line, reading)
        paragraph = None
        if tag is not None:
            paragraph = paragraph_with_tag(paragraphs, *tag)
            paragraph = paragraph or paragraph_with_tag(paragraphs, tag[0])
        where = Place(paragraph.where, "", office_folder(library, name)) if paragraph else ""
        reason = (Phrase("jinja.unsafe_attribute", name=attribute, kind=kind) if kind
                  else Phrase("tpl.unsafe_attribute", name=attribute))  # fmt: skip
        problems.append(Problem(name, str(where), "tpl.unsafe", {"reason": reason}))
    return problems


def _unsafe_attributes(tree: nodes.Node) -> Iterator[tuple[str, str, int]]:
    """(attribute, the Python type it is read of when the template says it, line) of every
    attribute starting with '_' that `tree` reads: the sandbox refuses each (is_safe_attribute)."""
    for node in tree.find_all((nodes.Getattr, nodes.Call)):
        if isinstance(node, nodes.Getattr) and _unsafe(node):
            inner = [node.node, *node.node.find_all(nodes.Getattr)]
            if not any(isinstance(n, nodes.Getattr) and _unsafe(n) for n in inner):
                # the first of a chain (''.__class__.__mro__): where a render stops
                yield node.attr, _literal_kind(node.node), node.lineno
        elif (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr)
              and node.node.attr in _FORMAT_METHODS
              and isinstance(node.node.node, nodes.Const)
              and isinstance(node.node.node.value, str)):  # fmt: skip
            for attribute, owner in _format_reads(node.node.node.value):
                argument = _format_argument(node, owner)
                yield attribute, _literal_kind(argument), node.lineno


def _unsafe(node: nodes.Getattr) -> bool:
    return node.attr.startswith("_")


def _format_reads(text: str) -> Iterator[tuple[str, str]]:
    """(attribute, the field's argument: '0', 'x') of each attribute starting with '_' that the
    fields of format string `text` read ('{0.__class__}'), nested fields too ('{0:{1._x}}')."""
    try:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name]
    except ValueError:
        return  # not a format string: format() itself refuses it, as Python says
    for name, spec in fields:
        owner, rest = _field_parts(name)
        unsafe = (str(part) for is_attribute, part in rest
                  if is_attribute and str(part).startswith("_"))  # fmt: skip
        first = next(unsafe, None)
        if first is not None:  # the first of the field's: where format() stops
            yield first, owner
        if spec and "{" in spec:
            yield from _format_reads(spec)


def _field_parts(name: str) -> tuple[str, list[tuple[bool, Any]]]:
    """A format field's argument and its attribute and index parts (str.format's own split)."""
    from _string import formatter_field_name_split  # what str.format and the sandbox use

    first, rest = formatter_field_name_split(name)
    return str(first), list(rest)


def _format_argument(call: nodes.Call, owner: str) -> nodes.Node | None:
    """The argument of `call` that format field `owner` ('0', 'x', '' for the next) reads."""
    if owner.isdigit() or owner == "":
        index = int(owner or 0)
        return call.args[index] if index < len(call.args) else None
    return next((k.value for k in call.kwargs if k.key == owner), None)


def _literal_kind(node: nodes.Node | None) -> str:
    """The Python type name of the value `node` is when it is a literal ('str'), as the
    sandbox names it; '' when only a render knows (a field of the data)."""
    if isinstance(node, nodes.Const):
        return type(node.value).__name__
    if isinstance(node, nodes.List | nodes.Tuple | nodes.Dict):
        return {nodes.List: "list", nodes.Tuple: "tuple", nodes.Dict: "dict"}[type(node)]
    return ""


def _problems(name: str, found: Iterable[Found]) -> list[Problem]:
    """The faults render refuses, as the check lists them."""
    return [Problem(name, str(f.where or ""), f.key, f.params) for f in found]


def structure(name: str, library: TemplateLibrary) -> list[Problem]:
    """Tags that would break or empty the output (pipeline.render.structure): render refuses
    them with the same message."""
    found = package_faults(library, name, named=False)
    tags = template_faults(library, name, named=False)
    if not [f for f in tags if f.key not in WHOLE_TAG_FAULTS]:  # styles are read from whole tags
        tags += style_faults(library, name, named=False)
    return _problems(name, found + tags)


def _signature_once(
    name: str, faults: list[Problem], wanted: list[str], library: TemplateLibrary
) -> list[Problem]:
    """`faults` with an office's signature block that lost a part said once, at the block,
    when the block is checked too (render says it of every type it refuses), not again at
    every type including it."""
    out = [p for p in faults
           if p.key not in SIGNATURE_FAULTS or p.params.get("name") not in wanted]  # fmt: skip
    if name.startswith(BLOCKS_DIR) and not faults:  # parts are read from whole tags
        found = signature_block_fault(library, name)
        if found is not None:  # the file is named by the problem already
            here = Place(None, "", office_folder(library, name))
            out += _problems(name, [replace(found, where=here)])
    return out


def running_tags(name: str, library: TemplateLibrary) -> list[Problem]:
    """Tags in the file's headers and footers, never filled in: render refuses them with the
    same message (pipeline.render.structure.running_faults)."""
    found = running_faults(library, name, named=False)
    return _problems(name, found)


def form_widths(name: str, library: TemplateLibrary) -> list[Problem]:
    """A phôi's name field without a width (Word's Width: Auto): render refuses it with the same
    message, before it reads a row (pipeline.render.structure.form_width_faults); a field with
    no place on the paper (form_places), for which the render refuses the phôi alike."""
    found = form_width_faults(library, name)
    return form_places(name, library) + _problems(name, found) + form_fonts(name, library)


# A phôi field styled in a font not installed: fitted as Times New Roman (form_fonts).
FONT_MISSING = "tpl.form_font_missing"


def form_fonts(name: str, library: TemplateLibrary) -> list[Problem]:
    """A warning for each phôi field styled in a font not installed here: its text is fitted
    as Times New Roman (rules.metrics.widths_table), and printed in a wider font may overflow
    its field with no word from vanthu."""
    if name.startswith(f"{BLOCKS_DIR}/") or not library.is_form(name):
        return []
    from pipeline.render.form import BORDER_STYLE, FormSheet

    try:
        sheet = FormSheet(library.package(name), name)
    except TemplateError:  # said by form_places, or where the phôi is read
        return []
    found = []
    for style in sheet.frames:
        face = sheet.face(style)
        if style == BORDER_STYLE or face.font is None or is_times(face.font):
            continue
        if advances(face.font, face.bold) is None:
            found.append(Problem(name, _field_place(library, name, style), FONT_MISSING,
                                 {"style": style, "font": face.font}, warning=True))  # fmt: skip
    return found


# A phôi field too small for an example batch's text (form_room_faults' refusal), and the
# verify rule that finds the template's own tag overrunning the same field.
EXAMPLE_NO_ROOM, FIELD_ROOM_RULE = "tpl.form_example_no_room", "giay_khen.du_cho"


def _room_said_once(name: str, said: list[Problem], problems: list[Problem]) -> list[Problem]:
    """verify's giay_khen.du_cho of phôi `name` (`said`) less those at a field already said
    too small for an example batch (in `problems`, at the same paragraph, with the render's
    refusal): one fault of the field's room, said once."""
    fields = [p.where for p in problems if p.template == name and p.key == EXAMPLE_NO_ROOM]
    return [
        p for p in said
        if p.params.get("rule") != FIELD_ROOM_RULE
        or not any(p.where and field.endswith(p.where) for field in fields)
    ]  # fmt: skip


# The render's refusal of a phôi field placed down from its own paragraph (render.form), and of
# one typed in a text box with no place on the paper (placed so, aligned, or in the line).
PARAGRAPH_ANCHOR = "tpl.form_field_paragraph_anchor"
NO_PLACE = (PARAGRAPH_ANCHOR, "render.form_box_no_place")


def form_places(name: str, library: TemplateLibrary) -> list[Problem]:
    """A phôi's field placed down from its paragraph (Word's Vertical relative to Paragraph), or
    typed in a text box with no place on the paper: render refuses the phôi with these words,
    found as the render finds it (it reads the phôi's fields with render.form.FormSheet, which
    refuses it), at the field's paragraph."""
    if name.startswith(f"{BLOCKS_DIR}/") or not library.is_form(name):
        return []
    from pipeline.render.form import FormSheet

    try:
        FormSheet(library.package(name), name)
    except TemplateError as error:
        if error.key not in NO_PLACE:
            return []  # the phôi's other faults are said where they are read
        style = str(error.params["style"])
        return [Problem(name, _field_place(library, name, style), error.key, {"style": style})]
    return []


def _field_place(library: TemplateLibrary, name: str, style: str) -> str:
    """Where phôi `name`'s field `style` is: its first paragraph in that style (in a text box:
    the paragraph holding the box)."""
    place = place_of_paragraph(library, name, lambda found: next(
        (p for p in with_text_boxes(found) if p.style_id == style), None))  # fmt: skip
    return str(place or "")


def lost_sections(name: str, library: TemplateLibrary) -> list[Problem]:
    """Section breaks standing in a {%p %} tag's paragraph: lost when it renders
    (pipeline.render.structure.section_faults); the pages after them keep the main part's
    numbering and orientation, as verify's so_trang.restart then says of every output."""
    found = section_faults(library, name, named=False)
    return _problems(name, found)


def text_after_content(name: str, paragraphs: list[Paragraph]) -> list[Problem]:
    """Fixed text between the content's last tag and the signature block's include: vanthu
    writes the closing "./." at the end of the content's last paragraph (from the data), so such
    text prints after the "./.", which then stands mid-document. A warning: one paragraph each."""
    body = [p for p in paragraphs if p.where.kind == "paragraph"]
    signature = next(
        (i for i, p in enumerate(body) if "include" in p.text and SIGNATURE_BLOCK in p.text), None
    )
    if signature is None:
        return []
    problems = []
    for paragraph in reversed(body[:signature]):
        if "{" in paragraph.text:
            break  # the content's last tag
        if paragraph.text.strip():
            text = " ".join(paragraph.text.split())
            shown_text = text if len(text) <= 60 else text[:59] + "…"
            problems.append(
                Problem(name, _where(paragraph), "tpl.text_after_closing", {"text": shown_text},
                        warning=True)
            )  # fmt: skip
    return problems[::-1]


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
    """Fields the template reads that its context does not provide, nested ones too, said as
    the maintainer typed them. One read in a shared block is said at the block (its paragraph,
    whose copy it is, the types using it), not at every type and data path reaching it: check
    lists the same problem from every type once (check_templates)."""
    collector = FieldCollector(library.environment(), library.block_sources)
    try:
        paths = collector.collect(source)
    except TemplateSyntaxError:
        return []  # reported by syntax()
    samples = list(samples)
    if not samples:
        return []  # no context of this template known: nothing to compare with
    shape = ContextShape.of(samples, declared_fields(name, builtin))
    problems, reported = [], set()
    for path in sorted(paths):
        if any(part.startswith("_") for part in path):
            continue  # not a field the data could have: the sandbox refuses it (unsafe_reads)
        gap = shape.gap(path)
        if gap is None:
            continue
        for file, typed in sorted(collector.written.get(path, {("", shown(path))})):
            shown_name = written_prefix(typed, len(path) - len(gap.path)) or shown(gap.path)
            if (file, shown_name) in reported:
                continue
            reported.add((file, shown_name))
            problems.append(_unknown_field(name, library, file, shown_name, gap))
    return problems


def _unknown_field(
    name: str, library: TemplateLibrary, file: str, typed: str, gap: Gap
) -> Problem:
    """The problem of `typed` (as written in `file`: a shared block, or '' for template `name`)
    reading what the context lacks (`gap`): at the block itself when it is in one."""
    where = place_of_expression(library, file or name, typed, gap.path[-1])
    template = file or name
    field_name = gap.path[-1]
    params: dict[str, Any] = {"name": typed}
    if gap.kind == GAP_TEXT_ITEM:
        key = "tpl.text_item_field"
        params.update(list=shown(gap.path[:-2]) or typed,
                      field=field_name, use=written_prefix(typed, 1) or typed)  # fmt: skip
    elif gap.kind == GAP_INDEX:
        key = "tpl.index_past_end"
        params.update(list=written_prefix(typed, 1) or typed, n=int(field_name) + 1,
                      longest=gap.longest)  # fmt: skip
    else:
        key = "tpl.unknown_field"
        close = difflib.get_close_matches(field_name, gap.known, n=1)
        suggestion = written_prefix(typed, 1)
        suggestion = f"{suggestion}.{close[0]}" if close and suggestion else (close or [""])[0]
        params["hint"] = t("data.did_you_mean", name=suggestion) if suggestion else ""
        if not file:
            params["type"] = name
    if file:
        users = [n for n in library.type_names() if file in library.included_blocks(n)]
        params["users"] = Phrase("tpl.block_users", n=len(users),
                                 names=", ".join(f"{n}.docx" for n in users))  # fmt: skip
        key += "_block"
    return Problem(template, str(where or ""), key, params)


def _once(problems: list[Problem]) -> list[Problem]:
    """`problems` with each said once: a shared block's unknown field is found through every
    type including it, alike."""
    seen, out = set(), []
    for problem in problems:
        params = tuple(sorted((k, str(v)) for k, v in problem.params.items()))
        mark = (problem.template, problem.where, problem.key, problem.warning, params)
        if mark not in seen:
            seen.add(mark)
            out.append(problem)
    return out


def block_fields(
    library: TemplateLibrary, wanted: list[str], samples: Mapping[str, list[Mapping[str, Any]]],
    builtin: TemplateLibrary,
) -> list[Problem]:  # fmt: skip
    """Unknown fields of the checked shared blocks read through the types including them that
    are not checked (`templates check khoi/doan-van`): a block has no data of its own, it reads
    the data of each type it is in."""
    problems: list[Problem] = []
    for block in (n for n in wanted if n in library.block_sources):
        for name in library.type_names():
            if name in wanted or block not in library.included_blocks(name):
                continue
            try:
                source = preprocess(library.document_xml(name), marked=True)
            except VanthuError:
                continue  # the type's own faults are its check's
            found = unknown_fields(name, source, library, samples.get(name, []), builtin)
            problems += [p for p in found if p.template == block]
    return problems


# Fields vanthu added to its shared blocks after offices could copy them, each with what it
# does: an office's copy made before lacks them, and the warning says what the copy therefore
# prints and what to change ('tpl.dropped_field': said without more). A field of a block not
# named here always was in it: a copy without it lost it (deleted, renamed).
ADDED_FIELDS: dict[str, dict[FieldPath, str]] = {
    "khoi/dau-trang": {("trich_yeu_cong_van",): "tpl.dropped_field"},
    SIGNATURE_BLOCK: {(CONTINUED_FIELD,): "tpl.dropped_continued"},
    "khoi/doan-van": {("doan", "dong", "[]", "cau_dan"): "tpl.dropped_lead_in"},
    # The paragraphs after an Điều's khoản (dieu.doan_sau), added after offices copied it.
    "khoi/dieu": {("dieu", "doan_sau"): "tpl.dropped_field"},
}


def dropped_fields(name: str, library: TemplateLibrary) -> list[Problem]:
    """Fields the built-in block prints that the office's copy of it does not: a copy made before
    vanthu added them (the V/v slot of khoi/dau-trang, for a Công văn; the row of a long Nơi
    nhận in khoi/ky-ten; the keep of a line ending ':' in khoi/doan-van, a field its lines read
    in a condition; an Điều's doan_sau in khoi/dieu) leaves them out, each said with what it
    does (ADDED_FIELDS); another field was deleted or renamed. A warning: leaving a field out
    may be meant."""
    builtin = library.builtin / f"{name}.docx"
    if not name.startswith(BLOCKS_DIR) or not library.is_override(name) or not builtin.is_file():
        return []

    def paths(inner: str) -> set[FieldPath]:
        collector = FieldCollector(library.environment(), library.block_sources)
        return collector.collect(preprocess(inner))

    own = library.file(name)
    try:
        shipped = paths(library.builtin_body(name))
        kept = paths(split_body(Package.read(own).text(DOCUMENT_PART), str(own))[1])
    except TemplateSyntaxError:
        return []  # reported by syntax()
    added = ADDED_FIELDS.get(name, {})
    problems = []
    for path, key in added.items():
        if path in shipped and path not in kept:
            shown_path = ".".join(part for part in path[-3:] if part != "[]")  # dong.cau_dan
            # The plain message of a field said without more names the field only.
            params = {"name": shown_path} | ({} if key == "tpl.dropped_field" else {"block": name})
            problems.append(Problem(name, "", key, params, warning=True))
    missing = {path[0] for path in shipped} - {path[0] for path in kept}
    widths = {path for path in shipped if path[0] == HEADER_WIDTHS}
    if not widths <= kept:  # a width typed over, another left ({{ dau_trang.tong }})
        missing.add(HEADER_WIDTHS)
    for field_name in sorted(missing - {path[0] for path in added if len(path) == 1}):
        if field_name == HEADER_WIDTHS:
            problems.append(_fixed_header_widths(name, library))
        else:
            params = {"name": field_name, "block": name}
            problems.append(Problem(name, "", "tpl.field_not_printed", params, warning=True))
    if name == SIGNATURE_BLOCK and continued_beside_signature(library, name):
        params = {"name": CONTINUED_FIELD, "block": name}
        problems.append(Problem(name, "", "tpl.continued_beside_signature", params, True))
    return problems


def draft_recipients_bound(name: str, source: str, library: TemplateLibrary) -> list[Problem]:
    """An office's copy of a type (to-trinh) that gives its draft decision `noi_nhan` but not
    `noi_nhan_tiep`: made before a long Nơi nhận went on under the signature. Rendering hands
    it each list whole, beside the signature (structure.reads_continued), which keeps every
    recipient where it belongs; the warning says what that costs and the tag to change."""
    if not library.is_override(name) or not binds_recipients_only([source]):
        return []
    params = {"name": CONTINUED_FIELD, "bound": RECIPIENTS_FIELD, "template": name}
    return [Problem(name, "", "tpl.draft_continued_unbound", params, warning=True)]


# An office's copy made by an older vanthu keeps python-docx's en-US and tblBorders/tblLayout
# after tblLook (ooxml_names: DOCUMENT_LANGUAGE, TABLE_PROPERTIES).


def old_copy_marks(name: str, library: TemplateLibrary) -> list[Problem]:
    """Warnings for an office's copy made by an older vanthu: marked in another language than
    Vietnamese (Word proofs every word as English, the PDF's /Lang says en-US), or with a
    table's properties out of the schema's order (Word may call the file damaged). The
    template still prints its documents: the cure is copying it again."""
    if not library.is_override(name):
        return []
    try:
        package = Package.read(library.file(name))
        parts = {part: etree.fromstring(xml) for part, xml in package.parts.items()
                 if part.startswith("word/") and part.endswith(".xml")}  # fmt: skip
    except (VanthuError, OSError, etree.XMLSyntaxError):
        return []  # said where the file is read
    problems = []
    language = _default_language(parts.get(STYLES_PART))
    if language is not None and language != DOCUMENT_LANGUAGE:
        said = {"language": language, "name": name}
        problems.append(Problem(name, "", "tpl.copy_language", said, warning=True))
    misordered = [(part, order) for part, root in parts.items() for order in _table_orders(root)
                  if not _schema_ordered(order)]  # fmt: skip
    if misordered:
        part, order = misordered[0]
        params = {"count": len(misordered), "part": part, "found": ", ".join(order),
                  "name": name}  # fmt: skip
        problems.append(Problem(name, "", "tpl.copy_table_order", params, warning=True))
    return problems


def _default_language(styles: Any) -> str | None:
    """The language a template's text is marked in unless a run says otherwise: its default
    paragraph style's (Normal), else the document defaults'; None when neither sets one."""
    if styles is None:
        return None
    for place in (f"{q('w:style')}[@{q('w:default')}='1'][@{q('w:type')}='paragraph']",
                  f"{q('w:docDefaults')}/{q('w:rPrDefault')}"):  # fmt: skip
        lang = styles.find(f"{place}/{q('w:rPr')}/{q('w:lang')}")
        if lang is not None and lang.get(q("w:val")):
            return str(lang.get(q("w:val")))
    return None


def _table_orders(root: Any) -> Iterator[list[str]]:
    """The names of each w:tblPr's children in a part, in the order written."""
    for properties in root.iter(q("w:tblPr")):
        yield [etree.QName(child).localname for child in properties
               if isinstance(child.tag, str)]  # fmt: skip


def _schema_ordered(order: list[str]) -> bool:
    """Whether table properties come in the schema's order, each once (an unknown one, never
    written by Word, is left alone)."""
    ranks = [TABLE_PROPERTIES.index(name) for name in order if name in TABLE_PROPERTIES]
    return ranks == sorted(set(ranks))


def restored_header(name: str, library: TemplateLibrary) -> list[Problem]:
    """The office's copy whose header table's two equal columns halve the text width: vanthu
    takes them for LibreOffice's save and puts its own widths back (render.libreoffice), so a
    maintainer who set them on purpose is told they do not print. A warning."""
    if not library.is_override(name):
        return []
    stored = library.stored_document_xml(name)
    widths = restored_widths(stored.encode("utf-8")) if stored is not None else None
    if not widths:
        return []
    params = {"widths": " + ".join(map(str, widths)), "text": sum(widths)}
    return [Problem(name, "", "tpl.header_widths_restored", params, warning=True)]


def _fixed_header_widths(name: str, library: TemplateLibrary) -> Problem:
    """The header table's widths typed as numbers (Word's Table Properties, a LibreOffice save)
    instead of vanthu's {{ dau_trang.* }}: an error when the right column is narrower than the
    Quốc hiệu and Tiêu ngữ need in the frame's styles (they would print on two lines)."""
    _, inner, _, _ = split_body(Package.read(library.file(name)).text(DOCUMENT_PART), name)
    table = inner[inner.find("<w:tbl>") :] if "<w:tbl>" in inner else inner
    columns = [int(width) for width in _GRID_COL.findall(table.split("</w:tblGrid>")[0])]
    styles = StyleSheet(library.frame.parts.get(STYLES_PART, b"<w:styles/>"))
    need = widest_twips(quoc_hieu_lines(styles))
    shown_widths = " + ".join(str(width) for width in columns) or "?"
    params = {"widths": shown_widths, "need": need, "right": columns[-1] if columns else 0}
    if len(columns) >= 2 and columns[-1] < need:
        return Problem(name, "", "tpl.header_widths_narrow", params)
    return Problem(name, "", "tpl.header_widths_fixed", params, warning=True)


# The data's texts printed_data compares: long enough to be told apart where they print (not a
# number, a year or "Sơn La", which other fields print too).
DATA_MIN_CHARS = 8
DATA_NOT_PRINTED = "tpl.data_not_printed"
RICH_NOT_PRINTED = "tpl.rich_not_printed"  # the same, of a field a {{r }} tag prints
NOT_PRINTED = (DATA_NOT_PRINTED, RICH_NOT_PRINTED)
_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_TEXT_OR_BREAK = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:(?:br|tab|cr)\b[^>]*/>")
# The verify rules on an appendix's lines, read in order (number, title, "(Kèm theo ...)"): once
# printed_data has said which line the copy no longer prints, the lines after it are read one
# place up and these rules blame the wrong one (the "Kèm theo" line for not being bold).
APPENDIX_LINE_RULES = ("phu_luc.", "phu_luc_tieu_de.", "phu_luc_kem_theo.")


def _appendix_line(problem: Problem) -> bool:
    """Whether `problem` is verify's, on a line of an appendix's heading."""
    return str(problem.params.get("rule", "")).startswith(APPENDIX_LINE_RULES)


class _Renders:
    """The office's templates and the built-in ones, each compiled once for the check."""

    def __init__(self, library: TemplateLibrary, builtin: TemplateLibrary) -> None:
        from pipeline.render.engine import Engine  # the check of a template that renders

        self.own, self.shipped = Engine(library), Engine(builtin)

    def lines(self, engine: Any, name: str, context: Mapping[str, Any]) -> list[str] | None:
        """The text lines template `name` prints for `context` (a line break starts a line);
        None when it does not render (the other checks say why)."""
        try:
            xml = engine.prepare(name).render_xml(context)
        except Exception:  # noqa: BLE001 - a template that does not render is said elsewhere
            return None
        return _printed_lines(_PARAGRAPH.findall(xml))


def _printed_lines(paragraphs: Iterable[str]) -> list[str]:
    """The text lines the XML of `paragraphs` prints (a line break starts a line), spaces as
    a reader sees them."""
    out = []
    for paragraph in paragraphs:
        text = "".join(m[1] if m[1] is not None else "\n"
                       for m in _TEXT_OR_BREAK.finditer(paragraph))  # fmt: skip
        text = html.unescape(text)  # the XML's &amp; and &lt; as printed
        out += [" ".join(line.split()) for line in text.split("\n")]
    return [line for line in out if line]


# Where a rich value's runs (Markup: {{r trich_yeu }}, {{r ket_thuc }}) start a paragraph of
# their own (render.richtext's paragraph_runs closes one and opens the next).
_PARAGRAPH_EDGE = re.compile(r"</w:p>|<w:p(?:\s[^>]*)?>")


def _data_texts(value: Any, path: str = "") -> Iterator[tuple[str, str, bool]]:
    """(field path, one line of its text, whether a {{r }} tag prints it) for every text of a
    context, lists' items under the list's path ('can_cu'), lines of a several-line text one
    by one. A rich value (Markup, the
    runs a {{r }} tag prints) by the text its runs print: compared as its XML, it would be
    found nowhere, and a copy that deleted or replaced its tag never said."""
    if isinstance(value, Markup):
        for line in _printed_lines(_PARAGRAPH_EDGE.split(str(value))):
            if len(line) >= DATA_MIN_CHARS and any(c.isalpha() for c in line):
                yield path, line, True
    elif isinstance(value, str):
        for line in value.splitlines():
            line = " ".join(line.split())
            if len(line) >= DATA_MIN_CHARS and any(c.isalpha() for c in line):
                yield path, line, False
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and not key.startswith("_"):
                yield from _data_texts(item, f"{path}.{key}" if path else key)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _data_texts(item, path)


def printed_data(
    name: str, library: TemplateLibrary, samples: Iterable[Mapping[str, Any]],
    renders: _Renders,
) -> list[Problem]:  # fmt: skip
    """The data a type's built-in template prints that the office's copy (or a block of the
    office's it includes) no longer prints as it is, found by rendering both with the type's
    example data: a paragraph deleted ({{ theo_de_nghi }}: the "Xét đề nghị ..." line the data
    gives is lost), a tag replaced by fixed text (the Danh sách's "(Kèm theo Quyết định số ...
    ngày ...)"), a filter changing its case ({{ tham_quyen|lower }}). Errors: every document
    of the type would print it so. Each field said once, with the first example showing it."""
    own_files = [name, *library.included_blocks(name)]
    if library.is_form(name) or not any(library.is_override(f) for f in own_files):
        return []
    lost: dict[str, str] = {}
    rich: set[str] = set()  # printed by a {{r }} tag: the message names that tag
    recased: dict[str, tuple[str, str]] = {}
    for context in samples:
        shipped = renders.lines(renders.shipped, name, context)
        own = renders.lines(renders.own, name, context) if shipped is not None else None
        if shipped is None or own is None:
            continue
        own_text = "\n".join(own)
        folded = {line.casefold(): line for line in own}
        for path, text, runs in _data_texts(context):
            if path in lost or path in recased or text in own_text:
                continue
            printed = [line for line in shipped if text in line]
            if not printed:
                continue  # the built-in does not print it as it is: nothing to compare
            other = next((folded[p.casefold()] for p in printed if p.casefold() in folded), None)
            if other is not None:
                recased[path] = (text, other)
            else:
                lost[path] = text
                if runs:
                    rich.add(path)
    problems = []
    for path, text in lost.items():
        params = {"field": path, "text": _short(text)}
        key = RICH_NOT_PRINTED if path in rich else DATA_NOT_PRINTED
        problems.append(Problem(name, "", key, params))
    for path, (text, other) in recased.items():
        where = place_of_field(library, name, path.split(".")[-1])
        params = {"field": path, "text": _short(text), "printed": _short(other)}
        problems.append(Problem(name, str(where or ""), "tpl.data_recased", params))
    return problems


EXAMPLE_FAULT = "tpl.example_fault"
# verify's rules only a document rendered with a template shows, each with the shared block
# whose office copy sets what it judges (None: the type template itself): the căn cứ lines'
# punctuation, which the data sets for the order the built-in prints them in ({{ theo_de_nghi }}
# last); the agency's lines measured against a header column whose width the office fixed.
EXAMPLE_RULES: dict[str, str | None] = {
    "can_cu.punctuation": None,
    "co_quan.wraps": "khoi/dau-trang",
}
# Examples rendered and verified twice each (the office's files, the built-in ones): what a
# template's edit breaks shows in the first; a workspace's hundred documents would not tell more.
EXAMPLES_RENDERED = 3


def example_faults(
    name: str, library: TemplateLibrary, samples: Iterable[Mapping[str, Any]],
    renders: _Renders,
) -> list[Problem]:  # fmt: skip
    """verify's EXAMPLE_RULES on type `name` rendered with the office's files for each example
    context, where the built-in files' render passes them (the example's own faults are not the
    office's): every document of the type would break them so. Each rule said once, at the
    office's file that sets it."""
    own_files = [name, *library.included_blocks(name)]
    if not any(library.is_override(f) for f in own_files):
        return []
    problems: dict[str, Problem] = {}
    for context in list(samples)[:EXAMPLES_RENDERED]:
        shipped = _example_violations(renders.shipped, name, context)
        if shipped is None:
            continue
        broken = {v.rule for v in shipped}
        for v in _example_violations(renders.own, name, context) or []:
            if v.rule in broken or v.rule in problems:
                continue
            block = EXAMPLE_RULES[v.rule]
            owner = block if block in own_files and library.is_override(block) else name
            params = {"rule": v.rule, "line": ViolationLine(v, EXAMPLE_FAULT, whole=True)}
            problems[v.rule] = Problem(owner, "", EXAMPLE_FAULT, params)
    return list(problems.values())


def _example_violations(engine: Any, name: str, context: Mapping[str, Any]) -> list[Any] | None:
    """verify's violations of EXAMPLE_RULES in template `name` rendered by `engine` for
    `context`; None when it does not render (the other checks say why)."""
    try:
        data = engine.prepare(name).render(context)
    except Exception:  # noqa: BLE001 - a template that does not render is said elsewhere
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.docx"
        path.write_bytes(data)
        report = verify_file(path, name if name in type_choices() else None)
    return [v for v in report.violations if v.rule in EXAMPLE_RULES]


def block_examples(
    library: TemplateLibrary, wanted: list[str], samples: Mapping[str, list[Mapping[str, Any]]],
    renders: _Renders | None, builtin: TemplateLibrary,
) -> list[Problem]:  # fmt: skip
    """example_faults of each checked shared block of the office's, found through the first
    type including it that has examples, when no such type is checked itself (`templates check
    khoi/dau-trang`): a block prints only in the types it is in."""
    problems: list[Problem] = []
    for block in (n for n in wanted if n in library.block_sources):
        if not library.is_override(block) or block not in EXAMPLE_RULES.values():
            continue
        users = [n for n in library.type_names() if samples.get(n) and not library.is_form(n)
                 and block in library.included_blocks(n)]  # fmt: skip
        if users and not any(n in wanted for n in users):
            renders = renders or _Renders(library, builtin)
            found = example_faults(users[0], library, samples[users[0]], renders)
            problems += [p for p in found if p.template == block]
    return problems


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def drift(
    name: str, path: Path, frame: Package, builtin_frame: Package | None = None,
    own_styles: bool = False,
) -> list[Problem]:  # fmt: skip
    """Shared definitions copied into a template: styles, page set-up, header or signature text.
    Not the styles of a template that prints with `own_styles` (a phôi, render.compose.is_form:
    a Giấy khen keeps its own, and an edited style of it prints)."""
    problems = []
    package = Package.read(path)
    frame_styles = _styles_by_id(frame.parts["word/styles.xml"])
    own = {} if own_styles else _styles_by_id(package.parts.get("word/styles.xml", b"<x/>"))
    # A style the office changed in its frame differs from every unchanged template's copy:
    # the template is not at fault (the frame's styles are checked at khung.docx).
    shipped = _styles_by_id(builtin_frame.parts["word/styles.xml"]) if builtin_frame else {}
    changed = sorted(
        i for i in own.keys() & frame_styles.keys()
        if own[i] != frame_styles[i] and own[i] != shipped.get(i)
    )  # fmt: skip
    if changed:
        params = {"count": len(changed), "styles": first_named(changed, DRIFT_SHOWN)}
        problems.append(Problem(name, "styles.xml", "tpl.style_drift", params, True))
    if not name.startswith(BLOCKS_DIR):
        body = split_body(package.text(DOCUMENT_PART), name)[1]
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body))
        for shared in SHARED_TEXT:
            if shared in text:
                problems.append(Problem(name, "", "tpl.copied_block", {"text": shared}))
    return problems


def _styles_by_id(xml: bytes) -> dict[str, bytes]:
    root = etree.fromstring(xml)
    return {
        s.get(q("w:styleId")): etree.tostring(s, method="c14n") for s in root.iter(q("w:style"))
    }


# A type template's page margins (Word's Layout ▸ Margins saved in its sections) are not what
# its documents print with: a type template is content laid on the frame's pages, and
# render.compose gives every section the frame's page set-up (khung.docx: paper, margins, the
# header holding the page numbers), changing only orientation and numbering. That is kept, not
# changed to follow the template: the frame is the one place an office sets its margins, where
# templates check holds them to the decree's ranges and every type prints alike (a Quyết định
# and the Tờ trình attaching its draft on the same margins). A maintainer who sets margins in
# their copy of a type template expects them to print, though, so the check says they are
# replaced, with both sets and where to set them instead (tpl.own_margins, a warning: nothing is
# lost but the margins, which the frame's follow the decree).
# Only margins the maintainer set count: those of the office's copy that differ from the
# built-in template's, section by section. A built-in template nobody copied is never named,
# whatever the office's frame says; a section the built-in template gives no w:pgMar (its
# inner section breaks) has the word processor's default margins, 1 inch each, which
# LibreOffice writes out on every save (an unchanged template saved by it is not warned of).
_PAGE_MARGINS = re.compile(r"<w:pgMar\b[^>]*>")
_SECTION = re.compile(r"<w:sectPr[ >].*?</w:sectPr>", re.DOTALL)
_MARGIN_SIDES = ("top", "bottom", "left", "right")
_DEFAULT_MARGINS = dict.fromkeys(_MARGIN_SIDES, 1440)  # no w:pgMar: Word's and LibreOffice's
# Two margins closer than this are the same (a save in another program rounds through mm).
_MARGIN_SLACK_TWIPS = 10


def _margins(tag: str) -> dict[str, int] | None:
    """The top, bottom, left (gutter included, as verify reads it) and right margins of a
    w:pgMar, in twips; None when one is missing."""
    values = dict(re.findall(r'w:(\w+)="(-?\d+)"', tag))
    if any(side not in values for side in _MARGIN_SIDES):
        return None
    margins = {side: abs(int(values[side])) for side in _MARGIN_SIDES}
    margins["left"] += abs(int(values.get("gutter", "0")))
    return margins


def _section_margins(document_xml: str) -> list[dict[str, int] | None]:
    """Each section's margins, in order (the default ones where a section sets none)."""
    out = []
    for section in _SECTION.findall(document_xml):
        tag = _PAGE_MARGINS.search(section)
        out.append(_margins(tag[0]) if tag else dict(_DEFAULT_MARGINS))
    return out


def _same_margins(one: dict[str, int] | None, other: dict[str, int] | None) -> bool:
    if one is None or other is None:
        return True  # a w:pgMar without all four sides: nothing to compare
    return all(abs(one[s] - other[s]) <= _MARGIN_SLACK_TWIPS for s in _MARGIN_SIDES)


def _margins_phrase(margins: dict[str, int]) -> Phrase:
    mm = {side: f"{twips * 25.4 / 1440:.1f}".rstrip("0").rstrip(".")
          for side, twips in margins.items()}  # fmt: skip
    return Phrase("tpl.margins", **mm)


def own_margins(name: str, library: TemplateLibrary) -> list[Problem]:
    """The office's copy of a type template whose sections set page margins other than the
    built-in template's (and the frame's): replaced by the frame's in every document (why: the
    comment above _PAGE_MARGINS). One warning, with the first section that differs, its
    margins and the frame's."""
    builtin = library.builtin / f"{name}.docx"
    if not library.is_override(name) or not builtin.is_file():
        return []
    document_xml = library.stored_document_xml(name)
    frame = _PAGE_MARGINS.search(split_body(library.frame.text(DOCUMENT_PART), FRAME)[2])
    used = _margins(frame[0]) if frame else None
    if document_xml is None or used is None:
        return []
    shipped = _section_margins(library.builtin_document_xml(name))
    sections = _section_margins(document_xml)
    for number, own in enumerate(sections, start=1):
        # the built-in's section of that number; an added one is compared with its last
        reference = shipped[min(number, len(shipped)) - 1] if shipped else None
        if own is None or _same_margins(own, reference) or _same_margins(own, used):
            continue
        section = Phrase("tpl.margins_section", n=number) if len(sections) > 1 else ""
        params = {
            "margins": _margins_phrase(own), "used": _margins_phrase(used), "section": section,
            "frame": library.relative_name(library.file(FRAME_NAME)),
            "office": Phrase("tpl.office_copy", folder=office_folder(library, FRAME_NAME))
            if library.is_override(FRAME_NAME) else Phrase("tpl.builtin_frame"),
        }  # fmt: skip
        return [Problem(name, "", "tpl.own_margins", params, warning=True)]
    return []


# verify's rules on the space for the seal, which its fragment checks apply to a block already,
# and those reading what tags stand for: a line's width is the text's, not the tag's. The Lưu
# line that is a tag (`- {{ luu }}` prints "- Lưu: VT, …."): rules_signature leaves it to the
# rendered document in every template, a block or a type's own Nơi nhận alike.
SKIPPED_SIGNATURE_RULES = ("chu_ky.seal", "chu_ky_tham_quyen.wraps", "chu_ky_ho_ten.wraps")


# verify's warnings that every document printed with a template gets from what the template
# itself sets (the seal space khoi/ky-ten leaves): said once, at the template, as warnings.
TEMPLATE_WARNINGS = ("chu_ky.seal_space",)


# What verify says of a header whose fixed right column is too narrow (tpl.header_widths_narrow).
NARROW_HEADER_RULES = ("quoc_hieu.one_line", "tieu_ngu.one_line")


def printed_styles(
    library: TemplateLibrary, builtin: TemplateLibrary, faulty: Iterable[str] = ()
) -> bytes | None:
    """The style definitions the paragraphs of a type template or a shared block print with:
    the frame's (render.compose writes every document with khung.docx's parts: a style the
    office changed in its copy of a block never reaches a document, as tpl.style_drift says,
    and an error of it would be false, the render warning made of it with it). The `faulty`
    styles, the frame's own faults (frame_styles says them once, at khung.docx), as the
    built-in frame defines them: the templates are judged as they print once the frame is
    mended, not blamed for it paragraph by paragraph (a title left unbolded in the frame is not
    found as the title at all, and verify then reads every line after it for another)."""
    styles = library.frame.parts.get(STYLES_PART)
    faulty = set(faulty)
    if styles is None or not faulty:
        return styles
    root = etree.fromstring(styles)
    shipped = _style_elements(etree.fromstring(builtin.frame.parts[STYLES_PART]))
    for style_id, element in _style_elements(root).items():
        if style_id in faulty and style_id in shipped:
            element.getparent().replace(element, copy.deepcopy(shipped[style_id]))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _style_elements(root: Any) -> dict[str, Any]:
    """The w:style elements of a styles part's root, by style id."""
    return {s.get(q("w:styleId")): s for s in root.iter(q("w:style"))}


def _judged_with(name: str, library: TemplateLibrary, styles: bytes | None) -> bytes | None:
    """`styles` (printed_styles) for a type template or a shared block; None, its own, for the
    frame and a phôi (a page of its own, with its own styles: render.compose.is_form)."""
    if name == FRAME_NAME or library.is_form(name):
        return None
    return styles


def layout(
    name: str, path: Path, page_from_frame: bool = False, styles: bytes | None = None
) -> list[Problem]:
    """The verify rules that apply to a template; `page_from_frame`: not those on paper,
    margins and page numbers (a type template prints on the frame's pages). `styles`: the
    style definitions its documents print it with (printed_styles), judged in place of its
    own: an error of a style that never prints would be false, and the render warning made
    of it (template_tools.verdict) with it."""
    with _as_read(path, styles) as read:
        report = verify_file(read, template=True)
    problems = []
    for v in report.violations:
        if page_from_frame and v.rule.startswith(FRAME_RULES):
            continue
        # verify's line starts with the place, which the check prints before it already
        line = ViolationLine(v)
        problems.append(
            Problem(name, v.where.describe(), "tpl.layout", {"rule": v.rule, "line": line})
        )
    for w in report.warnings:
        if w.rule in TEMPLATE_WARNINGS:
            params = {"rule": w.rule, "line": ViolationLine(w)}
            problems.append(Problem(name, w.where.describe(), "tpl.layout", params, True))
    return problems


# The tags that print the rule under the trích yếu (render.context's duong_ke_trich_yeu).
SUMMARY_RULE_TAG = re.compile(r"^\{\{-?\s*r\s+duong_ke_trich_yeu\b")


def summary_rule(
    name: str, path: Path, said: list[Problem], styles: bytes | None = None
) -> list[Problem]:
    """verify's trich_yeu.rule for a type template whose trích yếu has no rule under it (its
    {{r duong_ke_trich_yeu }} deleted): verify reads any paragraph of a {{r }} tag after it as
    the rule (the {{r ket_thuc }} pages down), which in a document prints text, not a rule.
    Not when `said` says it already; `styles` as layout reads them."""
    if any(p.params.get("rule") == "trich_yeu.rule" for p in said):
        return []
    with _as_read(path, styles) as read:
        doc = read_document(read)
    stem = path.stem
    doc_type = resolve_type(stem) if stem in type_choices() else None
    found = find_layout(doc, doc_type, template=True)
    mark = found.trich_yeu_rule
    if not found.trich_yeu or mark is None or mark.kind != "tag":
        return []  # no trích yếu (a Công văn), or a rule drawn or absent: verify judges it
    if SUMMARY_RULE_TAG.match(mark.carrier.text.strip()):
        return []
    report = Report(path, None, True)
    report.add("trich_yeu.rule", found.trich_yeu[-1].where, msg("absent"),
               msg(RULE_EXPECTED["trich_yeu"]))  # fmt: skip
    v = report.violations[0]
    line = ViolationLine(v)
    return [Problem(name, v.where.describe(), "tpl.layout", {"rule": v.rule, "line": line})]


def missing_title(name: str, path: Path, styles: bytes | None = None) -> list[Problem]:
    """verify's ten_loai.missing for a type template whose {{ ten_loai }} paragraph was
    deleted: verify asks it of a document only, and every document the template prints lacks
    its type name. `styles` as layout reads them."""
    with _as_read(path, styles) as read:
        doc = read_document(read)
    stem = path.stem
    doc_type = resolve_type(stem) if stem in type_choices() else None
    found = find_layout(doc, doc_type, template=True)
    if found.ten_loai is not None or not found.trich_yeu:
        return []  # a type name, or no title at all (a Công văn): nothing is missing
    report = Report(path, None, True)
    report.add("ten_loai.missing", DOCUMENT, msg("absent"), msg("type_name"))
    v = report.violations[0]
    params = {"rule": v.rule, "line": ViolationLine(v)}
    return [Problem(name, v.where.describe(), "tpl.layout", params)]


# The elements of Nơi nhận and the signature (verify.specs), as a block's styles print them.
SIGNATURE_ELEMENTS = ("noi_nhan_tieu_de", "noi_nhan", "chu_ky_tham_quyen", "chu_ky_ho_ten")


def signature_layout(
    name: str, path: Path, said: list[Problem], styles: bytes | None = None
) -> list[Problem]:
    """verify's rules on Nơi nhận and the signature (size, weight, italic of the heading, the
    items, the authority lines and the name; the signature in the right column), applied to a
    shared block holding them (khoi/ky-ten) as they are to every rendered document: what the
    block sets reaches every document. verify applies only the run rules to a fragment; these
    are its own functions (pipeline.verify.rules_signature, specs.check_format), run on the
    block's layout, and on every paragraph of a signature or Nơi nhận style (a Biên bản's two
    signatures, the Nơi nhận under them). Not what `said` says already; `styles` as layout
    reads them."""
    with _as_read(path, styles) as read:
        doc = read_document(read)
    styled = [
        (STYLE_ELEMENTS[p.style_id or ""], p) for p in doc.paragraphs
        if STYLE_ELEMENTS.get(p.style_id or "") in SIGNATURE_ELEMENTS
        and not p.is_control and not p.is_empty
    ]  # fmt: skip
    layout = find_layout(doc, None, template=True)
    if not styled and layout.noi_nhan_tieu_de is None:
        return []
    report = Report(path, None, True)
    check_recipients(doc, layout, report)
    for lines in other_recipients(doc, layout):
        check_group_items(lines, report)
    check_signature(doc, layout, report)
    for element, paragraph in styled:
        check_format(report, element, paragraph)
    known = {(p.where, p.params.get("rule")) for p in said}
    problems = []
    for v in report.violations:
        where = v.where.describe()
        if (where, v.rule) in known or v.rule.startswith(SKIPPED_SIGNATURE_RULES):
            continue
        known.add((where, v.rule))
        problems.append(
            Problem(name, where, "tpl.layout", {"rule": v.rule, "line": ViolationLine(v)})
        )
    return problems


def other_recipients(doc: Document, layout: Layout) -> list[list[Paragraph]]:
    """The paragraphs under each Nơi nhận heading of a block other than the one verify's layout
    reads (khoi/ky-ten's second, under a Biên bản's two signatures, printed in place of the
    first): its lines of the Nơi nhận style, with the control paragraphs among them, which
    rules_recipients reads a template's lines by."""
    found = []
    for heading in doc.paragraphs:
        if heading is layout.noi_nhan_tieu_de or not is_recipients_heading(heading.text):
            continue
        container = (heading.cell.paragraphs if heading.cell is not None
                     else [p for p in doc.paragraphs if p.cell is None])  # fmt: skip
        start = next(n for n, p in enumerate(container) if p is heading)
        lines: list[Paragraph] = []
        for before, p in zip(container[start:], container[start + 1 :], strict=False):
            if p.index != before.index + 1:
                break  # a table stands between
            printed = not (p.is_control or p.is_empty)
            if printed and STYLE_ELEMENTS.get(p.style_id or "") != "noi_nhan":
                break
            lines.append(p)
        if any(not (p.is_control or p.is_empty) for p in lines):
            found.append(lines)
    return found


@contextmanager
def _as_read(path: Path, styles: bytes | None = None) -> Iterator[Path]:
    """The template at `path` as vanthu reads it: where a LibreOffice save lost the header's
    width tags (render.libreoffice), a copy with them put back, so that verify judges the widths
    documents get, not the equal split LibreOffice saved; where a tag is split over runs, a
    copy with them made one (_tags_merged), and a {{r }} tag's run without the format it never
    prints (_rich_runs_unformatted); with `styles` other than its own, a copy with
    those style definitions (the frame's: printed_styles); else `path` itself. The archive is
    opened, and the body parsed, once: the copy is the package Package.read would give."""
    with zipfile.ZipFile(path) as archive:
        members = archive.namelist()
        stored = archive.read(DOCUMENT_PART) if DOCUMENT_PART in members else b""
        restored = _rich_runs_unformatted(_tags_merged(restored_header_widths(stored)))
        own_styles = archive.read(STYLES_PART) if STYLES_PART in members else None
        restyled = styles is not None and styles != own_styles
        if restored is stored and not restyled:
            parts = None
        else:
            parts = _all_parts(archive, path)
    if parts is None:
        yield path
        return
    parts[DOCUMENT_PART] = restored
    if styles is not None and restyled:
        parts[STYLES_PART] = styles
    data = write_zip(Package(str(path), parts).members())
    with tempfile.TemporaryDirectory() as folder:
        # In a folder of the same name: verify reads a file of khoi/ as a block, a fragment
        # of a page (verify_file), not as a document lacking its header and signature.
        kept = Path(folder) / path.parent.name / path.name
        kept.parent.mkdir()
        kept.write_bytes(data)
        yield kept


# docxtpl's first clean-up of a template (DocxTemplate.patch_xml): the runs a tag's characters
# are spread over (Word or LibreOffice formatting inside a tag) made one, the first's. What a
# split tag prints has the formatting of its first run: judged so, a tag whose second half is
# italic is not a Nơi nhận printed in italics (tpl.split_tag says the split itself).
# Copied from docxtpl 0.20.2: its patch_xml writes them inline (no module or class attribute to
# reuse), and calling patch_xml on the XML would go on to remove the {%p %}/{%tr %} paragraphs
# and rows, and rewrite cells, that check must still see as the maintainer made them.
_TAG_BRACES = re.compile(rb"(?<={)(<[^>]*>)+(?=[{%#])|(?<=[%}#])(<[^>]*>)+(?=})", re.S)
_TAG_TEXT = re.compile(rb"{%(?:(?!%}).)*|{#(?:(?!#}).)*|{{(?:(?!}}).)*", re.S)
_RUN_BOUNDARY = re.compile(rb"</w:t>.*?(<w:t>|<w:t [^>]*>)", re.S)


def _tags_merged(xml: bytes) -> bytes:
    """`xml` with each tag's runs made one as docxtpl makes them, within a paragraph (a tag left
    open, which render refuses, would take paragraphs with it); `xml` itself when no tag is
    split."""

    def merge(match: re.Match[bytes]) -> bytes:
        return match[0] if b"</w:p>" in match[0] else _RUN_BOUNDARY.sub(b"", match[0])

    merged = _TAG_TEXT.sub(merge, _TAG_BRACES.sub(b"", xml))
    return xml if merged == xml else merged


# A run (not its w:rPr), and the text of a run that holds {{r }} tags and nothing else.
_RUN = re.compile(rb"<w:r(?=[\s>])(?:(?!</w:r>).)*</w:r>", re.S)
_RUN_FORMAT = re.compile(rb"<w:rPr>.*?</w:rPr>|<w:rPr/>", re.S)
_RUN_TEXT = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_RICH_ONLY = re.compile(rb"\s*(?:\{\{-?\s*r\s(?:(?!\}\}).)*\}\}\s*)+", re.S)


def _rich_runs_unformatted(xml: bytes) -> bytes:
    """`xml` with the format of each run holding {{r }} tags only taken off: docxtpl prints
    the rich text in runs of its own, in the paragraph's style, leaving the tag's run empty
    (Arial 10 pt set on {{r trich_yeu }} prints Times 14 pt): that format has no effect, and
    an error of it would be false. `xml` itself when no such run has a format."""

    def plain(match: re.Match[bytes]) -> bytes:
        text = b"".join(_RUN_TEXT.findall(match[0]))
        if not _RICH_ONLY.fullmatch(text):
            return match[0]
        return _RUN_FORMAT.sub(b"", match[0], count=1)

    unformatted = _RUN.sub(plain, xml)
    return xml if unformatted == xml else unformatted


def _all_parts(archive: zipfile.ZipFile, path: Path) -> dict[str, bytes]:
    """Every part of the open `archive` of `path`, in order; a damaged one said as Package.read
    says it."""
    try:
        return {info.filename: archive.read(info) for info in archive.infolist()}
    except (zipfile.BadZipFile, OSError) as exc:
        raise TemplateError(
            "render.template_not_docx", template=str(path), reason=str(exc)
        ) from None


def _probe(frame: Package, styles: list[str]) -> Report:
    """verify's rules on one paragraph of each of `styles`, printed with `frame`'s styles:
    the element's format (STYLE_ELEMENTS, LABEL_ELEMENTS), running text's rules for the
    body's styles (RUNNING_STYLES), the căn cứ line's own (rules_body.check_preamble)."""
    head, _, sect, tail = split_body(frame.text(DOCUMENT_PART), FRAME)
    paragraph = '<w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'
    body = "".join(paragraph.format(style, html.escape(PROBE_LINES.get(style, PROBE_TEXT)))
                   for style in styles)  # fmt: skip
    xml = (head + body + sect + tail).encode("utf-8")
    data = write_zip(replace_members(frame.members(), {DOCUMENT_PART: xml}))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / FRAME
        path.write_bytes(data)
        doc = read_document(path)
    report = Report(path, None, True)
    elements = {**STYLE_ELEMENTS, **LABEL_ELEMENTS}
    for p in doc.paragraphs:
        element = elements.get(p.style_id or "")
        if element is not None:
            check_format(report, element, p, skip=("case",))
    running = [p for p in doc.paragraphs if p.style_id in RUNNING_STYLES]
    check_running_text(doc, running, report)
    check_preamble([p for p in running if p.style_id == PREAMBLE_STYLE], report)
    check_fonts(doc, Layout(template=True), report)
    return report


def frame_styles(
    library: TemplateLibrary, builtin: TemplateLibrary,
    findings: Mapping[tuple[str, str], Any] | None = None,
) -> list[Problem]:  # fmt: skip
    """The office frame's styles against Phụ lục I, once at khung.docx: what the build prints
    every document with. Only what the office changed (a rule the shipped frame leaves to the
    paragraph is not the style's). `findings`: frame_findings, when worked out already."""
    if findings is None:
        findings = frame_findings(library, builtin)
    return [
        Problem(FRAME_NAME, t("tpl.style_where", style=style), "tpl.layout",
                {"rule": rule, "line": ViolationLine(v)})
        for (style, rule), v in findings.items()
    ]  # fmt: skip


def frame_findings(
    library: TemplateLibrary, builtin: TemplateLibrary
) -> dict[tuple[str, str], Any]:
    """(style, rule) → verify's violation, of each rule the office frame's styles break and the
    shipped frame's do not (frame_styles); empty for the built-in frame."""
    if not library.is_override(FRAME_NAME):
        return {}
    defined = paragraph_style_ids(library.frame.parts.get(STYLES_PART))
    probed = (*STYLE_ELEMENTS, *LABEL_ELEMENTS, *RUNNING_STYLES)
    styles = [s for s in probed if s in defined]
    by_index = dict(enumerate(styles, start=1))

    def found(report: Report) -> dict[tuple[str, str], Any]:
        out: dict[tuple[str, str], Any] = {}
        for v in report.violations:
            style = by_index.get(v.where.paragraph or 0)
            if style is not None and v.where.kind == "paragraph":
                out.setdefault((style, v.rule), v)
        return out

    shipped = found(_probe(builtin.frame, styles))
    own = found(_probe(library.frame, styles))
    return {key: v for key, v in own.items() if key not in shipped}


def frame_blamed(
    name: str, path: Path, said: list[Problem], styles: bytes | None
) -> list[Problem]:
    """`said`, verify's faults of built-in file `name` printed with the office's frame, as the
    frame's: a built-in template passes with the built-in frame (tests pin it), so what it
    breaks with the office's is the office's khung.docx, at the style of the paragraph
    (SoKyHieu made bold: verify's so_ky_hieu.bold, a rule of the element that the frame's
    probe does not apply). Blamed on a built-in block the office never edited, render and
    build would not warn of it (template_tools.verdict counts the office's files only)."""
    if name == FRAME_NAME or styles is None:
        return said  # the frame's own, or a phôi's: printed with its own styles
    with _as_read(path, styles) as read:
        doc = read_document(read)
    style_at = {p.where.describe(): p.style_id for p in doc.paragraphs}
    out = []
    for problem in said:
        style = style_at.get(problem.where)
        where = t("tpl.style_where", style=style) if style else ""
        out.append(replace(problem, template=FRAME_NAME, where=where))
    return out


def frame_page_numbers(library: TemplateLibrary) -> list[Problem]:
    """The frame's header prints the page numbers of every document: verify's so_trang.missing
    for a frame whose header has no PAGE field (verify sees it only in a long document)."""
    doc = read_document(library.file(FRAME_NAME))
    if not doc.sections:
        return []
    first = doc.sections[0]
    if page_field_paragraphs(first.headers.get("default")):
        return []
    report = Report(library.file(FRAME_NAME), None, True)
    where = Location("section", section=1)
    report.add("so_trang.missing", where, msg("absent"), msg("page_field"))
    v = report.violations[0]
    line = ViolationLine(v)
    return [Problem(FRAME_NAME, where.describe(), "tpl.layout", {"rule": v.rule, "line": line})]


def frame_lost_styles(
    library: TemplateLibrary, builtin: TemplateLibrary, problems: list[Problem]
) -> list[Problem]:
    """Styles missing from the frame that the shipped frame has (the office's frame lost or
    renamed them): said once at khung.docx instead of at every template using them."""
    if not library.is_override(FRAME_NAME):
        return problems
    shipped = paragraph_style_ids(builtin.frame.parts.get(STYLES_PART))
    defined = paragraph_style_ids(library.frame.parts.get(STYLES_PART))
    lost: dict[str, list[str]] = {}
    kept = []
    for problem in problems:
        style = problem.params.get("style", "")
        if problem.key == "tpl.style_missing" and style in shipped:
            lost.setdefault(style, []).append(f"{problem.template}.docx")
        else:
            kept.append(problem)
    for style, users in lost.items():
        close = difflib.get_close_matches(style, sorted(defined - shipped), n=1)
        hint = t("data.did_you_mean", name=close[0]) if close else ""
        kept.append(
            Problem(FRAME_NAME, "", "tpl.frame_style_missing",
                    {"style": style, "users": ", ".join(sorted(set(users))), "hint": hint})
        )  # fmt: skip
    return kept


def check_templates(
    library: TemplateLibrary,
    names: list[str] | None = None,
    samples: Mapping[str, list[Mapping[str, Any]]] | None = None,
) -> TemplateReport:
    """Check the named templates (default: all) — types, shared blocks and the frame."""
    samples = samples or {}
    builtin = TemplateLibrary(library.builtin)  # its blocks read once, for every template
    report = TemplateReport()
    renders: _Renders | None = None  # compiled when a type is compared with the built-in
    blocks = sorted(library.block_sources)  # reading them finds the unreadable ones
    wanted = names or [*library.type_names(), *blocks, *sorted(library.unreadable), FRAME_NAME]
    unused = {library.relative_name(path)[:-5]: close for path, close in library.unmatched()}
    broken = not_numbers(library, [n for n in wanted if n not in unused])
    if any(name == FRAME_NAME or name.startswith(BLOCKS_DIR) for name in broken):
        # Every template prints with the frame and its blocks: none is judged with a value
        # that every reader fails on (verify would call each file damaged).
        report.checked = list(wanted)
        report.problems = list(broken.values())
        return report
    # The frame's styles, judged once at khung.docx, are those every other template's
    # paragraphs print with (printed_styles), its faults mended there.
    try:
        findings = frame_findings(library, builtin)
        styles = printed_styles(library, builtin, {style for style, _ in findings})
    except (VanthuError, etree.XMLSyntaxError):  # a frame that cannot be read: said at it
        findings, styles = {}, None
    for name in wanted:
        path = library.file(name)
        report.checked.append(name)
        if name in unused and name not in library.unreadable:
            hint = t("data.did_you_mean", name=unused[name]) if unused[name] else ""
            report.problems.append(Problem(name, "", "tpl.unused_override", {"hint": hint}, True))
            continue
        if name in library.unreadable:
            reason = library.unreadable[name].params.get("reason", "")
            report.problems.append(Problem(name, "", "tpl.unreadable", {"reason": reason}))
            continue
        if name in broken:  # its other checks read the value too
            report.problems.append(broken[name])
            continue
        try:
            paragraphs = paragraphs_of(path)
        except InputError as exc:  # damaged XML (verify.not_docx): said, and the next checked
            reason = exc.params.get("reason", "")
            report.problems.append(Problem(name, "", "tpl.unreadable", {"reason": reason}))
            continue
        report.problems += block_structure(name, paragraphs)
        report.problems += split_tags(name, paragraphs)
        report.problems += archive_dash(name, paragraphs)
        if name in library.type_names():
            source = preprocess(library.document_xml(name), marked=True)
        elif name.startswith(BLOCKS_DIR):
            source = mark_lines(library.block_sources[name])
        else:
            source = ""
        faults = structure(name, library) if source else []
        report.problems += _signature_once(name, faults, wanted, library)
        report.problems += running_tags(name, library)
        if source:
            report.problems += lost_sections(name, library)
        if name in library.type_names() and not library.is_form(name):
            report.problems += text_after_content(name, paragraphs)
            if not faults:  # the parts are read from whole tags
                report.problems += _problems(name, part_order_faults(library, name))
        report.problems += form_widths(name, library)
        # Jinja's view of a broken tag only repeats it, less clearly (a template without its
        # Nơi nhận has whole tags: Jinja's checks still apply)
        printed: list[Problem] = []
        if source and not [p for p in faults if p.key not in WHOLE_TAG_FAULTS]:
            found = syntax(name, source, path, library)
            found += unsafe_reads(name, source, library) if not found else []
            found += unknown_fields(name, source, library, samples.get(name, []), builtin)
            report.problems += found
            if not found and name in library.type_names() and samples.get(name):
                renders = renders or _Renders(library, builtin)
                printed = printed_data(name, library, samples[name], renders)
                report.problems += printed
                if not any(p.key in NOT_PRINTED for p in printed):  # a lost line: said so
                    report.problems += example_faults(name, library, samples[name], renders)
        report.problems += dropped_fields(name, library)
        if name in library.type_names():
            report.problems += draft_recipients_bound(name, source, library)
        report.problems += restored_header(name, library)
        report.problems += old_copy_marks(name, library)
        if name == FRAME_NAME:
            report.problems += frame_styles(library, builtin, findings)
            report.problems += frame_page_numbers(library)
        else:
            own_styles = library.is_form(name)
            report.problems += drift(name, path, library.frame, builtin.frame, own_styles)
        if any(p.key == "tpl.style_missing" for p in faults):
            continue  # its paragraphs' layout follows from the missing style: not said again
        if any(p.template == name and p.key in UNPARSED for p in report.problems):
            continue  # its layout cannot be read (UNPARSED): the syntax error alone is said
        page_from_frame = name in library.type_names() and not library.is_form(name)
        if page_from_frame:
            report.problems += own_margins(name, library)
        printed_with = _judged_with(name, library, styles)
        said = layout(name, path, page_from_frame, printed_with)
        merged = any(p.key == CELLS_MERGED and p.template == name for p in report.problems)
        if name.startswith(BLOCKS_DIR) and not merged:
            # Merged cells put the signer's lines among Nơi nhận's: said once, as such.
            said += signature_layout(name, path, said, printed_with)
        if any(p.key == "tpl.header_widths_narrow" and p.template == name
               for p in report.problems):  # fmt: skip
            # Too narrow a right column is why the Quốc hiệu wraps: said once, with the widths.
            said = [p for p in said if p.params.get("rule") not in NARROW_HEADER_RULES]
        if page_from_frame:
            said += summary_rule(name, path, said, printed_with)
            said += missing_title(name, path, printed_with)
        said = _room_said_once(name, said, report.problems)
        lost = tuple(f"{str(p.params.get('field', '')).split('.')[0]}."
                     for p in printed if p.key in NOT_PRINTED)  # fmt: skip
        if lost:
            # A line the copy no longer prints: said by printed_data, not as the faults of
            # the line verify then takes for it (the rule under a deleted trích yếu).
            said = [p for p in said if not str(p.params.get("rule", "")).startswith(lost)]
        if any(p.key in NOT_PRINTED for p in printed):
            # A line of an appendix no longer printed: said by printed_data, not as the next
            # line's fault.
            said = [p for p in said if not _appendix_line(p)]
        if said and library.is_override(FRAME_NAME) and not library.is_override(name):
            said = frame_blamed(name, path, said, printed_with)
        report.problems += said
    report.problems += block_fields(library, wanted, samples, builtin)
    report.problems += block_examples(library, wanted, samples, renders, builtin)
    report.problems = _once(report.problems)
    report.problems = frame_lost_styles(library, builtin, report.problems)
    if not names:
        report.problems += not_docx(library)
    return report


def not_numbers(library: TemplateLibrary, wanted: list[str]) -> dict[str, Problem]:
    """The first property value that is no number (render.structure.number_faults: render
    refuses it with the same message) of each of the `wanted` files, the frame and the blocks
    the wanted types include, read in every part (verify reads them all), by file."""
    files = [*wanted, FRAME_NAME]
    for name in wanted:
        if name in library.type_names():
            files += _included(library, name)
    found: dict[str, Problem] = {}
    for name in dict.fromkeys(files):
        if name in library.unreadable:
            continue  # said as such
        try:
            faults = number_faults(library, name, named=False, whole=True)
        except VanthuError:
            continue  # a file that cannot be read: said where it is read
        for problem in _problems(name, faults):
            found[name] = problem
    return found


def _included(library: TemplateLibrary, name: str) -> list[str]:
    """The blocks type `name` includes; none when it cannot be read (said where it is read)."""
    try:
        return library.included_blocks(name)
    except VanthuError:
        return []


def not_docx(library: TemplateLibrary) -> list[Problem]:
    """Files of the office's folders in another format than .docx (.odt, .doc): never read, so
    the edits they hold are not in any document. Named with their extension."""
    problems = []
    for path, name in library.not_docx():
        hint = t("tpl.not_docx_for", name=name) if name else ""
        problems.append(
            Problem(library.relative_name(path), "", "tpl.not_docx", {"hint": hint}, True)
        )
    return problems
