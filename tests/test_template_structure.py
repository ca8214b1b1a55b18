"""Tag mistakes that used to compile and then break or empty the output (pipeline.render.structure):
refused by `templates check` and by render/build alike, at the paragraph of the file at fault."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.cli import main
from pipeline.errors import TemplateError
from pipeline.i18n import set_language
from pipeline.render.compose import TemplateLibrary, preprocess, unescape_quotes
from pipeline.render.engine import Engine
from pipeline.render.structure import nesting_faults, paragraph_faults
from pipeline.template_tools.check import check_templates
from tests.new_office import new_office

REPO = Path(__file__).resolve().parents[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def edit_docx(path: Path, old: str, new: str, count: int = 1) -> None:
    """Text edits in a template's document.xml, in place."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml, old
    parts["word/document.xml"] = xml.replace(old, new, count).encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def office_copy(tmp_path: Path, template: str, old: str, new: str, count: int = 1) -> Path:
    """An office folder mau/ holding an edited copy of one built-in template."""
    folder = tmp_path / "mau"
    target = folder / f"{template}.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "templates" / f"{template}.docx", target)
    edit_docx(target, old, new, count)
    return folder


def refused(folder: Path, render_as: str) -> TemplateError:
    with pytest.raises(TemplateError) as caught:
        Engine(TemplateLibrary(folder)).prepare(render_as)
    return caught.value


def checked(folder: Path, template: str) -> list[str]:
    """The error lines `templates check` prints for `template` (as command.py prints them)."""
    report = check_templates(TemplateLibrary(folder), [template])
    assert not report.ok
    return [f"{p.template}.docx, {p.where}: {p.key}" for p in report.problems if not p.warning]


CASES = [
    # finding 1: a table row's {%tr endif %} typed as {%p endif %}.
    ("quyet-dinh", "{%tr endif %}", "{%p endif %}", "tpl.level_mismatch",
     "bảng 1, hàng 7, ô 1, đoạn 1 «{%p endif %}»",
     ["{%tr if dong.nhom %}", "giữa các hàng của bảng", "trong một ô bảng"]),
    # ... and its else.
    ("quyet-dinh", "{%tr else %}", "{%p else %}", "tpl.level_mismatch", "«{%p else %}»",
     ["khối 'if'"]),
    # finding 3: a print tag missing a brace, a statement missing its '%'.
    ("quyet-dinh", "{{ theo_de_nghi }}", "{{ theo_de_nghi }", "tpl.unclosed_tag",
     "đoạn 9 «{{ theo_de_nghi }»", ["{{ theo_de_nghi }", "cùng đoạn"]),
    ("quyet-dinh", '{%p include "khoi/ky-ten" %}', '{%p include "khoi/ky-ten" }',
     "tpl.unclosed_tag", "«{%p include \"khoi/ky-ten\" }»", ["cùng đoạn"]),
    ("quyet-dinh", "{{ theo_de_nghi }}", "{ theo_de_nghi }}", "tpl.stray_close",
     "đoạn 9 «{ theo_de_nghi }}»", ["thiếu '{{'"]),
    # finding 2: a paragraph mark deleted between {%p for %} and {{ dong }}.
    ("quyet-dinh", "{%p for dong in can_cu %}", "{%p for dong in can_cu %}{{ dong }}",
     "tpl.control_not_alone", "«{%p for dong in can_cu %}{{ dong }}»",
     ["phải đứng một mình", "«{{ dong }}»"]),
    # finding 13: an include of a block that does not exist.
    ("quyet-dinh", '"khoi/ky-ten"', '"khoi/ky_ten"', "tpl.unknown_block",
     '«{%p include "khoi/ky_ten" %}»', ["(có phải 'khoi/ky-ten'?)", "khoi/dau-trang"]),
]  # fmt: skip


@pytest.mark.parametrize(("template", "old", "new", "key", "place", "said"), CASES)
def test_check_and_render_refuse_with_the_paragraph(
    tmp_path: Path, template: str, old: str, new: str, key: str, place: str, said: list[str]
) -> None:
    folder = office_copy(tmp_path, template, old, new)
    lines = checked(folder, template)
    # One problem, located once, saying it is the office's copy; no cascade from Jinja.
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{template}.docx, bản riêng của cơ quan trong mau/, ")
    assert place in lines[0] and lines[0].count("đoạn") == 1 and lines[0].endswith(key)
    error = refused(folder, template)
    assert error.key == key
    location = error.location("vi")
    assert location.startswith(f"{template}.docx, bản riêng của cơ quan trong mau/, ")
    assert location.endswith(place)
    message = error.message("vi")
    assert all(s in message for s in said), message
    english = error.location("en")
    assert "the office's copy in mau/" in english and "đoạn" not in english


def test_a_fault_in_a_shared_block_names_the_block(tmp_path: Path) -> None:
    folder = office_copy(tmp_path, "khoi/ky-ten", "{{ chu_ky.ho_ten }}", "{{ chu_ky.ho_ten }")
    lines = checked(folder, "khoi/ky-ten")
    assert len(lines) == 1 and lines[0].startswith(
        "khoi/ky-ten.docx, bản riêng của cơ quan trong mau/, bảng 1, hàng 1, ô 2"
    ), lines
    error = refused(folder, "ke-hoach")
    assert error.key == "tpl.unclosed_tag"
    assert error.location("vi").startswith(
        "ke-hoach.docx, khoi/ky-ten.docx, bản riêng của cơ quan trong mau/, bảng 1, hàng 1, ô 2"
    )


def test_libreoffice_quotes_in_tags_work(tmp_path: Path) -> None:
    """LibreOffice saves every quote of a text as &quot;: the tags must read as typed."""
    folder = office_copy(tmp_path, "quyet-dinh", '"khoi/dau-trang"', "&quot;khoi/dau-trang&quot;")
    edit_docx(folder / "quyet-dinh.docx", '"khoi/ky-ten"', "&apos;khoi/ky-ten&apos;")
    report = check_templates(TemplateLibrary(folder), ["quyet-dinh"])
    assert not [p for p in report.problems if p.key in ("tpl.syntax", "tpl.unknown_block")]
    Engine(TemplateLibrary(folder)).prepare("quyet-dinh")


def test_quotes_are_unescaped_only_inside_tags() -> None:
    xml = "<w:t>&quot;a&quot; {{ x | default(&quot;b&quot;) }} &apos;c&apos;</w:t>"
    assert unescape_quotes(xml) == '<w:t>&quot;a&quot; {{ x | default("b") }} &apos;c&apos;</w:t>'
    cleaned = preprocess(xml)
    assert '{{ x | default("b") }}' in cleaned and "&quot;a&quot;" in cleaned


def _document(*paragraphs: str) -> str:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return f"<w:document {W}><w:body>{body}</w:body></w:document>"


@pytest.mark.parametrize(
    ("texts", "keys"),
    [
        (["{{ a }} and {% if b %}x{% endif %}", "{%p if c %}", "{%p endif %}"], []),
        (["{{ a }"], ["tpl.unclosed_tag"]),
        (["{{ a }} {{ b"], ["tpl.unclosed_tag"]),
        (["{{ a %}"], ["tpl.unclosed_tag"]),
        (["{% if a }}"], ["tpl.unclosed_tag"]),
        (["a }}"], ["tpl.stray_close"]),
        (["Text {%p if a %}"], ["tpl.control_not_alone"]),
        (["{%p endif %}{%p include \"khoi/a\" %}"], ["tpl.control_not_alone"]),
        (["{%tr for x in y %} {{ x }}"], ["tpl.control_not_alone"]),
        (["{%p include \"khoi/b\" %}"], ["tpl.unknown_block"]),
        (["{%p include “khoi/a” %}"], []),
        (["{_{ literal }_}"], []),
    ],
)  # fmt: skip
def test_paragraph_faults(texts: list[str], keys: list[str]) -> None:
    found = paragraph_faults(_document(*texts), {"khoi/a"})
    assert [f.key for f in found] == keys


@pytest.mark.parametrize(
    ("source", "blocks"),
    [
        ("<w:p><w:r><w:t>{% if a %}x</w:t></w:r></w:p>{% endif %}", ["if"]),
        ("{% for a in b %}<w:p></w:p><w:tbl>{% endfor %}</w:tbl>", ["for"]),
        ("{% if a %}<w:p>{% else %}</w:p><w:p><w:r>{% endif %}</w:r></w:p>", ["if", "if"]),
    ],
)
def test_nesting_faults(source: str, blocks: list[str]) -> None:
    assert [f.params["block"] for f in nesting_faults(source)] == blocks


def test_nesting_accepts_balanced_blocks() -> None:
    source = (
        "<w:tbl><w:tr/>{% for r in rows %}<w:tr><w:tc><w:p>"
        "<w:r><w:t>{% if r %}a</w:t></w:r><w:r><w:t>b{% endif %}</w:t></w:r>"
        "</w:p></w:tc></w:tr>{% else %}<w:tr/>{% endfor %}</w:tbl>"
        "{% raw %}<w:p>{% endraw %}"
    )
    assert nesting_faults(source) == []


def test_builtin_templates_have_no_faults() -> None:
    from pipeline.render.structure import template_faults

    library = TemplateLibrary(REPO / "templates")
    for name in [*library.type_names(), *library.block_names()]:
        assert template_faults(library, name) == [], name


def test_render_and_build_refuse_a_broken_copy(tmp_path: Path, monkeypatch) -> None:
    """The tester's case end to end: nothing is reported as built, nothing is written."""
    new_office(tmp_path, monkeypatch)
    runner = CliRunner()
    new = runner.invoke(main, ["--lang", "vi", "new", "quyet-dinh", "-o", "inputs/qd.yaml"])
    assert new.exit_code == 0, new.output
    assert runner.invoke(main, ["--lang", "vi", "templates", "copy", "quyet-dinh"]).exit_code == 0
    edit_docx(tmp_path / "ws" / "mau" / "quyet-dinh.docx", "{%tr endif %}", "{%p endif %}")
    outputs = tmp_path / "ws" / "outputs"
    before = sorted(outputs.rglob("*.docx")) if outputs.exists() else []
    check = runner.invoke(main, ["--lang", "vi", "templates", "check", "quyet-dinh"])
    assert check.exit_code == 1 and "tpl" not in check.output
    assert "quyet-dinh.docx, bản riêng của cơ quan trong mau/, bảng 1, hàng 7" in check.output
    render = runner.invoke(main, ["--lang", "vi", "render", "inputs/qd.yaml"])
    assert render.exit_code == 1 and "Đã dựng" not in render.output, render.output
    assert "{%p endif %}" in render.output and "Traceback" not in render.output
    build = runner.invoke(main, ["--lang", "vi", "build"])
    assert build.exit_code != 0, build.output
    assert "khối 'if'" in build.output and "Traceback" not in build.output
    after = sorted(outputs.rglob("*.docx")) if outputs.exists() else []
    # The other documents of the workspace are built; the Quyết định is not.
    assert not [p for p in after if p not in before and "qd" in p.name], after
    for path in after:  # whatever exists is well-formed
        with zipfile.ZipFile(path) as archive:
            etree.fromstring(archive.read("word/document.xml"))


def test_unknown_field_in_a_block_table_attribute_names_the_block(tmp_path: Path) -> None:
    """A width tag Word does not show (w:w="{{ dau_trang.tong }}") misspelt in the office's
    header block: the message names the block and its table, not only the type."""
    from pipeline.render.locate import place_of_field

    folder = office_copy(
        tmp_path, "khoi/dau-trang", "{{ dau_trang.tong }}", "{{ dau_trang.tongg }}", count=-1
    )
    place = place_of_field(TemplateLibrary(folder), "quyet-dinh", "tongg")
    assert place is not None
    assert place.describe("vi") == "khoi/dau-trang.docx, bản riêng của cơ quan trong mau/, bảng 1"
    assert place.describe("en") == "khoi/dau-trang.docx, the office's copy in mau/, table 1"
