"""Data is text, never template: what a clerk types prints exactly as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from ruamel.yaml import YAML

from pipeline.errors import TemplateError
from pipeline.render.fragments import rich_runs, styled_runs

HOSTILE = [
    "Công ty A & B <b>đậm</b>",
    "{{ 7*7 }} và {% for x in y %}",
    "{%p if 1 %} {{r x }} {#",
    "]]></w:t></w:r><w:r><w:t>",
    "&amp; &lt; &#65; x",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_prints_as_typed(text: str, inputs_copy: Path, tmp_path: Path, renderer):
    plan = inputs_copy / "2022" / "ke-hoach-tdkt.yaml"
    yaml = YAML()
    data = yaml.load(plan.read_text("utf-8"))
    data["noi_nhan"][0] = text
    data["ket_thuc"] = text
    with plan.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    out = tmp_path / "x.docx"
    renderer.render_file(plan, out)
    document = Document(str(out))
    recipients = [p.text for p in document.tables[1].cell(0, 0).paragraphs]
    assert f"- {text};" in recipients
    closing = [p.text for p in document.paragraphs if p.text.endswith("./.")][-1]
    assert closing == f"{text}./."


# Text without markup characters comes out as typed, whatever else it holds.
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="*_\\"),
        max_size=60,
    )
)
@settings(max_examples=200, deadline=None)
def test_text_round_trips_through_runs(text: str) -> None:
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.fromstring(f'<w:p xmlns:w="{w}">{rich_runs(text)}</w:p>')
    assert "".join(t.text or "" for t in root.iter(f"{{{w}}}t")) == text


@given(st.text(alphabet=st.sampled_from("aĐ &<>\"'{}_ \t\r*\\\n\x00"), max_size=12))
def test_plain_text_takes_the_short_path_to_the_same_runs(text: str) -> None:
    assert rich_runs(text) == styled_runs(text)
    assert type(rich_runs(text)) is Markup


def test_inline_markup() -> None:
    runs = rich_runs("**3.** Đẩy *mạnh* & <x>")
    assert 'w:val="Strong"' in runs and 'w:val="Emphasis"' in runs
    assert "&amp; &lt;x&gt;" in runs


def test_templates_run_sandboxed(tmp_path: Path, repo: Path, renderer) -> None:
    import shutil

    from pipeline.api import load_document
    from pipeline.render.engine import Engine

    templates = tmp_path / "templates"
    shutil.copytree(repo / "templates", templates)
    import zipfile

    source = templates / "ke-hoach.docx"
    with zipfile.ZipFile(source) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"{{ ten_loai }}", b"{{ ten_loai.__class__.__mro__[1].__subclasses__() }}"
    )
    with zipfile.ZipFile(source, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    # A whole, valid context: the only thing that can stop the render is the sandbox.
    context = renderer.context(load_document(repo / "inputs" / "2022" / "ke-hoach-tdkt.yaml"))
    with pytest.raises(TemplateError) as caught:
        Engine(templates).render("ke-hoach", context)
    assert caught.value.key == "render.unsafe"
