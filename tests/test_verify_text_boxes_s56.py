"""verify holds the text of a phôi's text boxes to the text rules, as the body's: a leftover
tag, text not in NFC, TCVN3 (before: a text box's paragraphs were read for the phôi's rules
alone, and none of these was said)."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

from lxml import etree

from pipeline.ooxml_names import NS, q
from pipeline.verify import verify_file
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace
from tests.test_s55_t4_phoi_textbox import (
    NAME,
    into_text_box,
    office_phoi,
    rendered,
    text_box_run,
)
from tests.typed_docs import TEMPLATES, open_docx

# "Nguyễn" typed in TCVN3 (ABC), as a legacy font shows it.
TCVN3_NAME = "NguyÔn V¨n An"


def boxed_certificate(tmp_path: Path) -> Path:
    """A batch rendered from the office's phôi, every name printed in a text box."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    into_text_box(office_phoi(tmp_path), NAME, ("page", "page"), (0, 0))
    return rendered(source, tmp_path)


def with_box_text(docx: Path, text: str, font: str | None = None) -> Path:
    """A copy of `docx` whose first text box prints `text`, in `font` when given."""
    with zipfile.ZipFile(docx) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    paragraph = root.xpath("//mc:Choice//w:txbxContent/w:p[.//w:t]", namespaces=NS)[0]
    run, *others = paragraph.findall(".//" + q("w:r"))
    for other in others:
        other.getparent().remove(other)
    run.find(q("w:t")).text = text
    if font is not None:
        props = run.find(q("w:rPr"))
        if props is None:
            props = etree.Element(q("w:rPr"))
            run.insert(0, props)
        for old in props.findall(q("w:rFonts")):
            props.remove(old)
        fonts = etree.Element(q("w:rFonts"))
        for side in ("ascii", "hAnsi", "cs"):
            fonts.set(q(f"w:{side}"), font)
        props.insert(0, fonts)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, standalone=True)
    changed = docx.with_name("sua-" + docx.name)
    with zipfile.ZipFile(changed, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return changed


def rules_of(docx: Path) -> set[str]:
    return {v.rule for v in verify_file(docx).violations}


def test_a_leftover_tag_in_a_text_box_is_a_violation(tmp_path: Path) -> None:
    docx = with_box_text(boxed_certificate(tmp_path), "{{ ho_ten }}")
    assert "text.template_tag" in rules_of(docx)


def test_text_not_in_nfc_in_a_text_box_is_a_violation(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn An")
    docx = with_box_text(boxed_certificate(tmp_path), decomposed)
    assert "text.nfc" in rules_of(docx)


def test_tcvn3_text_in_a_text_box_is_a_violation(tmp_path: Path) -> None:
    docx = with_box_text(boxed_certificate(tmp_path), TCVN3_NAME)
    assert "text.legacy" in rules_of(docx)


def test_a_text_box_in_the_phois_own_font_is_no_violation(tmp_path: Path) -> None:
    """A phôi may print its fields in its own font (verify_document): read in its boxes too,
    the text is held to the text rules, not to Phụ lục I's Times New Roman."""
    docx = with_box_text(boxed_certificate(tmp_path), "Nguyễn Văn An", font="Arial")
    assert rules_of(docx) == set()


def test_the_boxed_batch_as_rendered_passes(tmp_path: Path) -> None:
    """The same batch untouched: none of these rules fires on what vanthu printed."""
    assert verify_file(boxed_certificate(tmp_path)).violations == []


def test_a_tag_left_open_in_a_templates_text_box_is_said(tmp_path: Path) -> None:
    """verify --template reads a template's text boxes for tags left open, as its paragraphs
    (before: the box's '{{ so' was not read, and the template passed)."""
    doc = open_docx(TEMPLATES / "quyet-dinh.docx")
    run = text_box_run((1000, 2000, 5000, 800), ("page", "page"), 1, grows=False)
    content = next(run.iter(q("w:txbxContent")))
    content.append(etree.fromstring(
        f'<w:p xmlns:w="{NS["w"]}"><w:r><w:t>{{{{ so</w:t></w:r></w:p>'))  # fmt: skip
    doc.paragraphs[0]._p.append(run)
    template = tmp_path / "quyet-dinh.docx"
    doc.save(str(template))
    rules = [v.rule for v in verify_file(template, template=True).violations]
    assert rules == ["template.unclosed_tag"]
