"""Pictures and links in a type template or shared block reach the output (their relationships
and parts carried, under names that cannot collide with the frame's); what cannot be carried (an
embedded object) is refused by templates check and render; a template saved as .odt/.doc in mau/
is reported as unused."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Mm
from lxml import etree

from pipeline.api import Renderer, load_document
from pipeline.cli import main
from pipeline.errors import TemplateError
from pipeline.i18n import set_language
from pipeline.render.compose import TemplateLibrary
from pipeline.render.engine import Engine
from pipeline.render.package import quoteattr
from pipeline.template_tools.check import check_templates
from tests.new_office import new_office

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "inputs" / "2022" / "qd-lao-dong-tien-tien.yaml"  # a Quyết định
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _png(size: int = 8) -> bytes:
    """A small red PNG, made here (no binary fixture)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\0" + b"\xff\x00\x00" * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))  # fmt: skip


PNG = _png()


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def office_copy(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "mau"
    for name in names:
        target = folder / f"{name}.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "templates" / f"{name}.docx", target)
    return folder


def add_logo(path: Path, in_table: bool) -> None:
    """A logo in a new paragraph: at the top of the first table cell (the agency's side of the
    header block), or at the top of the body, as a maintainer adds one in Word."""
    doc = Document(str(path))
    if in_table:
        cell = doc.tables[0].rows[0].cells[0]
        paragraph = cell.paragraphs[0].insert_paragraph_before()
    else:
        paragraph = doc.paragraphs[0].insert_paragraph_before()
    paragraph.add_run().add_picture(io.BytesIO(PNG), width=Mm(15))
    doc.save(str(path))


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {n: archive.read(n) for n in archive.namelist()}


def relationships(parts: dict[str, bytes]) -> dict[str, etree._Element]:
    root = etree.fromstring(parts["word/_rels/document.xml.rels"])
    return {rel.get("Id"): rel for rel in root}


def referenced_ids(parts: dict[str, bytes]) -> list[str]:
    """Relationship ids the body refers to, not counting the sections' header references."""
    root = etree.fromstring(parts["word/document.xml"])
    sect = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr"
    return [
        v for e in root.iter() if not any(a.tag == sect for a in e.iterancestors())
        for k, v in e.attrib.items() if k.startswith(R)
    ]  # fmt: skip


def render(folder: Path) -> bytes:
    return Renderer(folder).render(load_document(EXAMPLE))


def test_pictures_of_a_block_and_a_type_reach_the_output(tmp_path: Path) -> None:
    folder = office_copy(tmp_path, "khoi/dau-trang", "quyet-dinh")
    add_logo(folder / "khoi" / "dau-trang.docx", in_table=True)
    add_logo(folder / "quyet-dinh.docx", in_table=False)
    assert check_templates(TemplateLibrary(folder), ["quyet-dinh", "khoi/dau-trang"]).ok
    data = render(folder)
    parts = parts_of(data)
    rels = relationships(parts)
    embeds = referenced_ids(parts)
    assert len(embeds) == 2 and len(set(embeds)) == 2
    for rel_id in embeds:  # every reference resolves to a part holding the picture
        rel = rels[rel_id]
        assert rel.get("Type").endswith("/image")
        assert parts["word/" + rel.get("Target")] == PNG
    names = sorted(n for n in parts if n.startswith("word/media/"))
    assert names == [
        "word/media/vt-khoi-dau-trang-image1.png", "word/media/vt-quyet-dinh-image1.png"
    ]  # fmt: skip
    types = parts["[Content_Types].xml"].decode()
    for name in names:
        assert f'PartName="/{name}" ContentType="image/png"' in types
    # The frame's relationships are kept as they were.
    frame = TemplateLibrary(REPO / "templates").frame
    frame_rels = relationships(frame.parts)
    assert {k: v.get("Target") for k, v in frame_rels.items()}.items() <= {
        k: v.get("Target") for k, v in rels.items()
    }.items()
    # Deterministic: a fresh library and engine give the same bytes.
    assert render(folder) == data


def test_a_picture_prints_in_libreoffice(tmp_path: Path) -> None:
    from typed_docs import to_pdf

    folder = office_copy(tmp_path, "khoi/dau-trang")
    add_logo(folder / "khoi" / "dau-trang.docx", in_table=True)
    out = tmp_path / "out"
    out.mkdir()
    docx = out / "qd.docx"
    docx.write_bytes(render(folder))
    pdf = to_pdf([docx], out)[0]
    assert pdf.is_file()
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]  # fmt: skip
    assert images, "the logo is not in the PDF"


def test_a_block_picture_reaches_only_the_types_including_it(tmp_path: Path) -> None:
    folder = office_copy(tmp_path, "khoi/dau-trang")
    add_logo(folder / "khoi" / "dau-trang.docx", in_table=True)
    library = TemplateLibrary(folder)
    members = [m.name for m in library.members("quyet-dinh")]
    assert "word/media/vt-khoi-dau-trang-image1.png" in members
    assert library.members("giay-khen") == TemplateLibrary(REPO / "templates").members(
        "giay-khen"
    )  # a phôi keeps its own parts


def test_builtin_templates_carry_nothing(tmp_path: Path) -> None:
    """Outputs of the built-in templates are written with the frame's parts, unchanged."""
    library = TemplateLibrary(REPO / "templates")
    for name in library.type_names():
        if not library.is_form(name):
            assert library.members(name) == library.frame.members(), name


def test_an_external_link_is_carried(tmp_path: Path) -> None:
    folder = office_copy(tmp_path, "quyet-dinh")
    path = folder / "quyet-dinh.docx"
    doc = Document(str(path))
    url = "https://vbpl.vn/?a=1&b=2"
    rel_id = doc.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/"
                                "relationships/hyperlink", is_external=True)  # fmt: skip
    paragraph = doc.paragraphs[0].insert_paragraph_before()
    link = etree.SubElement(paragraph._p, "{http://schemas.openxmlformats.org/wordprocessingml/"
                            "2006/main}hyperlink", {f"{R}id": rel_id})  # fmt: skip
    run = paragraph.add_run("vbpl")._r
    link.append(run)
    doc.save(str(path))
    parts = parts_of(render(folder))
    rels = relationships(parts)
    (used,) = referenced_ids(parts)
    assert used == f"vt-quyet-dinh-{rel_id}"
    assert rels[used].get("Target") == url and rels[used].get("TargetMode") == "External"


def test_a_relationships_values_are_escaped_in_their_quotes() -> None:
    # &, <, > and the double quote escaped (as html.escape did it), the apostrophe kept as typed.
    assert quoteattr("""a&b<c>d"e'f&#x27;""") == '"a&amp;b&lt;c&gt;d&quot;e\'f&amp;#x27;"'


def embed_object(path: Path) -> None:
    """An OLE object (a spreadsheet pasted as an object) in the first paragraph: its part and
    relationship added as Word writes them."""
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    rels = parts["word/_rels/document.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/oleObject" '
                        'Target="embeddings/oleObject1.bin"/></Relationships>')  # fmt: skip
    parts["word/_rels/document.xml.rels"] = rels.encode()
    parts["word/embeddings/oleObject1.bin"] = b"\0" * 16
    xml = parts["word/document.xml"].decode()
    ole = ('<w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" '
           'Type="Embed" ProgID="Excel.Sheet.12" r:id="rId99"/></w:object></w:r>')  # fmt: skip
    xml = re.sub(r"(<w:body>)", r"\1<w:p>" + ole + "</w:p>", xml, count=1)
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_an_embedded_object_is_refused_at_its_paragraph(tmp_path: Path) -> None:
    folder = office_copy(tmp_path, "khoi/ky-ten")
    embed_object(folder / "khoi" / "ky-ten.docx")
    report = check_templates(TemplateLibrary(folder), ["khoi/ky-ten"])
    (problem,) = [p for p in report.problems if p.key == "tpl.unsupported_object"]
    assert not problem.warning and "đoạn 1" in problem.where
    with pytest.raises(TemplateError) as caught:
        Engine(TemplateLibrary(folder)).prepare("quyet-dinh")
    said = str(caught.value) + caught.value.location()
    assert "khoi/ky-ten.docx" in said and "đối tượng nhúng (OLE)" in said
    assert "khung.docx" in said  # where a fixed logo can go


def test_odt_and_doc_in_mau_are_reported_as_unused(tmp_path: Path, monkeypatch) -> None:
    new_office(tmp_path, monkeypatch)
    runner = CliRunner()
    mau = tmp_path / "ws" / "mau"
    (mau / "khoi").mkdir(parents=True, exist_ok=True)
    (mau / "quyet-dinh.odt").write_bytes(b"PK odt")
    (mau / "khoi" / "ky-ten.doc").write_bytes(b"doc")
    check = runner.invoke(main, ["--lang", "vi", "templates", "check"])
    assert check.exit_code == 0, check.output
    lines = [line for line in check.output.splitlines() if "chỉ đọc mẫu dạng .docx" in line]
    assert len(lines) == 2, check.output
    assert any(line.startswith("quyet-dinh.odt: cảnh báo:") and "'quyet-dinh'" in line
               for line in lines)  # fmt: skip
    assert any(line.startswith("khoi/ky-ten.doc: ") for line in lines)
    assert "(Word 2007–365)" in lines[0] and "Traceback" not in check.output
    listed = runner.invoke(main, ["--lang", "en", "templates", "list"])
    assert listed.exit_code == 0, listed.output
    assert "quyet-dinh.odt: warning: the file is not used" in listed.output
    assert "saved as .docx it replaces template 'quyet-dinh'" in listed.output
