"""The fast engine makes the document docxtpl makes, well-formed and byte-for-byte repeatable."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from markupsafe import Markup, escape

from pipeline.api import load_document
from pipeline.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
# Every document of the repository's workspace (not agency profiles, not kem-theo/ parts).
EXAMPLES = Workspace.containing(REPO / "inputs").documents()


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def docxtpl_document_xml(renderer, name: str, context: dict) -> bytes:
    library = renderer.engine.library
    template = DocxTemplate(io.BytesIO(library.docx_bytes(name)))
    template.render(context, jinja_env=library.environment())
    out = io.BytesIO()
    template.save(out)
    with zipfile.ZipFile(out) as archive:
        return archive.read("word/document.xml")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_fast_path_equals_docxtpl(renderer, example: Path) -> None:
    document = load_document(example)
    context = renderer.context(document)
    fast = renderer.render(document)
    with zipfile.ZipFile(io.BytesIO(fast)) as archive:
        assert archive.testzip() is None
        ours = archive.read("word/document.xml")
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # every part well-formed
    reference = docxtpl_document_xml(renderer, document.kind.template, context)
    assert canonical(ours) == canonical(reference)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_deterministic(renderer, example: Path) -> None:
    from pipeline.api import Renderer

    document = load_document(example)
    again = Renderer(renderer.engine.library.layers[0])  # a fresh engine: nothing cached
    assert renderer.render(document) == again.render(document)


def test_template_prepared_once(renderer) -> None:
    document = load_document(EXAMPLES[0])
    renderer.render(document)
    prepared = renderer.engine.prepare(document.kind.template)
    renderer.render(document)
    assert renderer.engine.prepare(document.kind.template) is prepared


def test_shared_blocks_are_defined_once(renderer) -> None:
    library = renderer.engine.library
    for name in library.type_names():
        if library.is_form(name):
            continue  # a phôi (Giấy khen) prints no header block: the paper has it printed
        source = library.file(name).read_bytes()
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in body, name
        assert "Nơi nhận" not in body, name
        assert 'include "khoi/dau-trang"' in body.replace("&quot;", '"'), name


@pytest.mark.parametrize(
    ("template", "old", "new", "where"),
    [
        ("ke-hoach", "{{ ten_loai }}", "{{ ten_loai | }}", "ten_loai |"),
        ("khoi/ky-ten", "{{ chu_ky.ho_ten }}", "{{ chu_ky.ho_ten | }}", "khoi/ky-ten"),
    ],
)
def test_syntax_error_names_the_paragraph(
    tmp_path: Path, template: str, old: str, new: str, where: str
) -> None:
    import shutil

    from pipeline.errors import TemplateError
    from pipeline.render.engine import Engine

    root = tmp_path / "templates"
    shutil.copytree(REPO / "templates", root)
    path = root / f"{template}.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(old.encode(), new.encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(TemplateError) as caught:
        Engine(root).prepare("ke-hoach")
    assert caught.value.key == "render.syntax"
    assert where in caught.value.message("vi") and "ke-hoach.docx" in caught.value.message("vi")


_DRAWINGS = [
    "",
    "<w:p/>",
    '<wp:docPr id="1" name="a"/><wp:docPr id="7" name="b"/>',
    '<wp:docPrX id="1"/><wp:docPr name="no id"/><wp:docPr descr="x" id="12"/>',
    '<wp:docPr id="1"/>head<wp:docPr id="2"/>',
    '<wp:docPr id=""/><wp:docPr id="3"',
]


@pytest.mark.parametrize("xml", _DRAWINGS)
@pytest.mark.parametrize("start, end", [(0, None), (3, -3), (5, 40)])
def test_number_drawings_matches_the_regex(xml: str, start: int, end: int | None) -> None:
    from pipeline.render.engine import _DOCPR_ID, number_drawings

    stop = len(xml) if end is None else max(len(xml) + end, 0) if end < 0 else min(end, len(xml))
    start = min(start, stop)
    counter = iter(range(1001, 1 << 31))
    body = _DOCPR_ID.sub(lambda m: f"{m[1]}{next(counter)}{m[2]}", xml[start:stop])
    assert number_drawings(xml, start, stop) == xml[:start] + body + xml[stop:]


_DRAWINGS_UTF8 = [
    *_DRAWINGS,
    '<wp:docPr id="1" name="Đường kẻ 1"/>ế<wp:docPr name="kẻ" id="2"/>',
    '<wp:docPrĐ id="1"/><wp:docPr name="x" ếid="2"/><wp:docPr id="٣"/><wp:docPr id="4"',
    # What the match spans ASCII, the rest of its tag not (its characters are its bytes).
    'ế<wp:docPr id="5" name="Đường kẻ"/>ờ<wp:docPr id="6" descr="ế" name="ư"/><wp:docPr id="٣ế"/>',
]


@pytest.mark.parametrize("xml", _DRAWINGS_UTF8)
@pytest.mark.parametrize("start, end", [(0, None), (3, -3), (5, 40)])
def test_number_drawings_utf8_numbers_as_the_text_does(
    xml: str, start: int, end: int | None
) -> None:
    from pipeline.render.engine import (
        drawings_numbered_utf8,
        number_drawings,
        number_drawings_joined,
    )

    stop = len(xml) if end is None else max(len(xml) + end, 0) if end < 0 else min(end, len(xml))
    start = min(start, stop)
    at = len(xml[:start].encode()), len(xml[:stop].encode())
    pieces = drawings_numbered_utf8(xml.encode(), *at)
    assert number_drawings_joined(pieces) == number_drawings(xml, start, stop).encode()
    assert b"".join(pieces) == number_drawings(xml, start, stop).encode()
    assert pieces == [xml.encode()] or len(pieces) % 2 == 1  # views between the new ids


class _Html:
    def __html__(self) -> str:
        return "<w:br/>"


@given(st.one_of(
    st.text(), st.text().map(Markup), st.integers(), st.none(), st.just(_Html()),
    st.text().map(lambda text: type("Sub", (str,), {})(text)),
))  # fmt: skip
def test_quick_escape_is_markupsafe_escape(value: object) -> None:
    from pipeline.render.compose import quick_escape

    escaped = quick_escape(value)
    assert type(escaped) is Markup
    assert escaped == escape(value)


def test_templates_print_through_quick_escape(renderer) -> None:
    from pipeline.render.compose import quick_escape

    template = renderer.engine.prepare("quyet-dinh").template
    assert template.root_render_func.__globals__["escape"] is quick_escape
    block = renderer.engine._env.get_template("khoi/ky-ten")
    assert block.root_render_func.__globals__["escape"] is quick_escape
    printed = renderer.engine._env.from_string("{{ a }}|{{ b }}|{{ c }}").render(
        a="A & <b> {{ x }}", b=Markup("<w:br/>"), c=3
    )
    assert printed == "A &amp; &lt;b&gt; {{ x }}|<w:br/>|3"


@pytest.mark.parametrize(
    ("old", "new", "field", "paragraph"),
    [
        ("{{ danh_sach.tieu_de }}", "{{ danh_sach.tieu_dee }}", "danh_sach.tieu_dee", 18),
        ("{{ theo_de_nghi }}", "{{ theo_de_nghi_sai }}", "theo_de_nghi_sai", 9),
    ],
)
def test_unknown_field_at_render_is_named_and_located(
    tmp_path: Path, old: str, new: str, field: str, paragraph: int
) -> None:
    """Jinja's "'dict object' has no attribute 'tieu_dee'" said as check says it: the field's
    path and the paragraph of the template, in Vietnamese or English."""
    import shutil

    from pipeline.errors import TemplateError
    from pipeline.render.compose import TemplateLibrary
    from pipeline.render.engine import Engine
    from pipeline.template_tools.check import check_templates
    from pipeline.template_tools.command import sample_contexts

    root = tmp_path / "templates"
    shutil.copytree(REPO / "templates", root)
    path = root / "quyet-dinh.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(old.encode(), new.encode(), 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    example = REPO / "inputs" / "2021" / "qd-lao-dong-tien-tien.yaml"  # with a Danh sách
    document = load_document(example)
    workspace = Workspace.containing(example).with_templates(root)
    from pipeline.api import Renderer

    context = Renderer(workspace).context(document)
    assert context["danh_sach"] is not None
    with pytest.raises(TemplateError) as caught:
        Engine(TemplateLibrary(root)).render("quyet-dinh", context)
    error = caught.value
    assert error.key == "render.undefined_field"
    assert error.message("vi") == (
        f"quyet-dinh.docx, bản riêng của cơ quan trong templates/, đoạn {paragraph} «{new}»: "
        f"mẫu dùng '{field}' nhưng dữ liệu không có trường này (các trường dùng được: vanthu "
        "templates fields quyet-dinh)"
    )
    assert error.message("en") == (
        f"quyet-dinh.docx, the office's copy in templates/, paragraph {paragraph} «{new}»: "
        f"the template uses '{field}', which the data does not provide (the fields it can use: "
        "vanthu templates fields quyet-dinh)"
    )
    report = check_templates(
        TemplateLibrary(root), ["quyet-dinh"], sample_contexts(workspace, REPO / "inputs")
    )
    found = [p for p in report.problems if p.key == "tpl.unknown_field"]
    assert [(p.where, p.params["name"]) for p in found] == [(error.location("vi")[17:], field)]


def test_a_document_utf8_cannot_hold_fails_as_its_text_did(renderer) -> None:
    # A lone surrogate in the data (a YAML "\uD800"): the text is rendered as before, and
    # writing it fails with the encoder's words about the whole document.
    document = load_document(REPO / "inputs" / "2022" / "qd-giay-khen.yaml")
    context = renderer.context(document)
    context["trich_yeu"] = "a\ud800b"
    prepared = renderer.engine.prepare(document.template)
    xml = prepared.render_xml(context)
    assert "a\ud800b" in xml
    with pytest.raises(UnicodeEncodeError) as caught:
        prepared.render(context)
    assert caught.value.start == xml.index("\ud800")


def test_document_templates_print_utf8_and_render_as_text(renderer) -> None:
    from pipeline.render.budget import Budget

    # What Jinja's own code prints (a filter block, a `set` block's value) stays text among
    # the UTF-8 pieces; the whole is what the template compiled to print text gives.
    source = (
        "{{ a }}<x/>{{ b }}{% filter upper %}ế{{ a }}{% endfilter %}{% set s %}{{ c }}{% endset %}"
        "{{ s }}|{{ c }}"
    )
    data = {"a": "ế & <", "b": Markup("<w:br/>"), "c": 3}
    template = renderer.engine._env.from_string(source)
    pieces = list(template.generate(**data))
    assert any(type(p) is bytes for p in pieces) and any(isinstance(p, str) for p in pieces)
    text = renderer.engine._environment(document=False).from_string(source).render(**data)
    assert text == "ế &amp; &lt;<x/><w:br/>ẾẾ &AMP; &LT;3|3"
    assert b"".join(p if type(p) is bytes else p.encode() for p in pieces) == text.encode()
    with Budget() as budget:
        assert budget.collect_utf8(iter(pieces)) == text.encode()
    assert template.render(**data) == text


def test_an_imported_template_prints_its_body_in_a_document() -> None:
    # A document template prints UTF-8 pieces; a module of one ({% import %}) printed whole is
    # its body as text, as in a template that prints text, and its macros work as before.
    from jinja2 import DictLoader

    from pipeline.render.compose import DataSandbox, DataUndefined, DocumentSandbox

    source = '{% import "x" as m %}[{{ m }}]{{ m.f() }}{% from "x" import f %}{{ f() }}'
    printed = []
    for sandbox in (DataSandbox, DocumentSandbox):
        env = sandbox(loader=DictLoader({"x": "{% macro f() %}hi ế{% endmacro %}body ế &"}),
                      autoescape=True, undefined=DataUndefined)  # fmt: skip
        printed.append(env.from_string(source).render())
    assert printed == ["[body ế &]hi ếhi ế"] * 2


@pytest.mark.parametrize("names", [{}, {"dong": 2, "gone": "missing"}])
def test_an_included_blocks_context_is_the_one_jinja_makes(names: dict[str, object]) -> None:
    # compose.include_context sets the attributes Jinja's Context and EvalContext __init__ set,
    # to the same values (a Jinja that sets another, or another way, fails here).
    from jinja2 import DictLoader
    from jinja2.utils import missing

    from pipeline.render.compose import DataUndefined, DocumentSandbox, include_context

    names = {k: missing if v == "missing" else v for k, v in names.items()}
    env = DocumentSandbox(loader=DictLoader({"b": "{% block x %}{{ a }}{% endblock %}"}),
                          autoescape=True, undefined=DataUndefined)  # fmt: skip
    block = env.get_template("b")
    parent = {"a": 1, "dong": 1}
    ours, jinjas = include_context(block, parent, names), block.new_context(parent, True, names)
    assert type(ours) is type(jinjas) and type(ours.eval_ctx) is type(jinjas.eval_ctx)
    assert vars(ours.eval_ctx) == vars(jinjas.eval_ctx)
    shown = {k: v for k, v in vars(ours).items() if k not in ("eval_ctx", "blocks")}
    assert shown == {k: v for k, v in vars(jinjas).items() if k not in ("eval_ctx", "blocks")}
    assert {k: [f.__name__ for f in v] for k, v in ours.blocks.items()} == {"x": ["block_x"]}
    assert ours.blocks.keys() == jinjas.blocks.keys() and ours.blocks["x"] is not jinjas.blocks["x"]
    assert (ours.parent is parent) == (not names) and parent == {"a": 1, "dong": 1}


def test_an_included_block_sees_the_includers_names_and_its_loop() -> None:
    # Each include of a document template gets the includer's names and the loop's variable,
    # sets its own without the includer seeing them, and prints as Jinja's own include does.
    from jinja2 import DictLoader
    from jinja2.sandbox import SandboxedEnvironment

    from pipeline.render.compose import DataSandbox, DataUndefined, DocumentSandbox

    blocks = {"b": "{% set own = x * 2 %}{{ a }}:{{ x }}:{{ own }}{% include 'c' %};",
              "c": "<{{ own }}|{{ x }}>"}  # fmt: skip
    source = "{% for x in xs %}{% include 'b' %}{% endfor %}{{ own is defined }}"
    printed = []
    for sandbox in (SandboxedEnvironment, DataSandbox, DocumentSandbox):  # Jinja's, ours
        env = sandbox(loader=DictLoader(blocks), autoescape=True, undefined=DataUndefined)
        printed.append(env.from_string(source).render(a="ế&", xs=[1, 2]))
    assert printed == ["ế&amp;:1:2<2|1>;ế&amp;:2:4<4|2>;False"] * 3


def test_a_failing_render_keeps_the_templates_line_in_its_traceback(renderer) -> None:
    # PreparedTemplate._collected runs the template without Jinja's generate, handing a failure
    # to Jinja as generate does: the traceback says the template's line, as generate's says.
    from pipeline.render.budget import Budget
    from pipeline.render.engine import PreparedTemplate, _template_line

    env = renderer.engine._env
    source = "<a/>\n{% for x in xs %}\n{{ x }}{{ 1 // x }}\n{% endfor %}"
    prepared = PreparedTemplate(
        name="t", head="<h>", tail="</h>", template=env.from_string(source), package=None,  # type: ignore[arg-type]
    )  # fmt: skip
    assert prepared._collected(Budget(), {"xs": [1]}) == b"<h><a/>\n\n11\n</h>"
    failures = []
    for run in (
        lambda: prepared._collected(Budget(), {"xs": [2, 0]}),
        lambda: b"".join(env.from_string(source).generate(xs=[2, 0])),
    ):
        with pytest.raises(ZeroDivisionError) as caught:
            run()
        failures.append(_template_line(caught.value, set()))
    assert failures[0] == failures[1] and failures[0] is not None
    assert failures[0][:2] == ("", 3) and failures[0][2]["x"] == 0


def test_a_jinja_whose_context_has_other_attributes_makes_every_include_context(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A Jinja that sets another attribute on its Context (a newer one) is asked for each
    # include's context: compose.include_context never hands the template a half-made one.
    from jinja2 import DictLoader
    from jinja2.runtime import Context

    from pipeline.render import compose
    from pipeline.render.compose import DataUndefined, DocumentSandbox, include_context

    made = Context.__init__

    def with_more(self: Context, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        self.newer = True  # type: ignore[attr-defined]

    env = DocumentSandbox(loader=DictLoader({"b": "{{ a }}"}), autoescape=True,
                          undefined=DataUndefined)  # fmt: skip
    block = env.get_template("b")
    monkeypatch.setattr(compose, "_ALIKE", [])
    assert not hasattr(include_context(block, {"a": 1}, {}), "newer")  # Jinja's as installed
    monkeypatch.setattr(Context, "__init__", with_more)
    monkeypatch.setattr(compose, "_ALIKE", [])
    context = include_context(block, {"a": 1}, {})
    assert context.newer and context.parent == {"a": 1}  # type: ignore[attr-defined]
    assert compose._ALIKE == [False]
