"""A built-in template opened in LibreOffice and saved again as .docx, unchanged: it passes
`templates check` and renders the documents the built-in one renders (sections, header widths,
the Quốc hiệu on one line). LibreOffice used to move each section break onto the {%p %} tag
paragraph before it (tools/make_templates.py, SECTION_BREAK_TEXT) and to save the header
block's width tags as an equal split (pipeline.render.libreoffice)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.api import Renderer, load_document
from pipeline.render.compose import TemplateLibrary
from pipeline.render.libreoffice import restored_header_widths
from pipeline.template_tools.check import check_templates
from tests.typed_docs import QUOC_HIEU, page_lines

REPO = Path(__file__).resolve().parents[1]
BUILTIN = REPO / "templates"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# The tests converting with LibreOffice: they fail, never skip, without it (conftest).
needs_soffice = pytest.mark.usefixtures("libreoffice")
# Documents with section breaks after the signature (Danh sách, issued plan and its Phụ lục,
# Quy chế, the draft decision of a Tờ trình) and the plan whose header is wider than usual.
DOCUMENTS = [
    "2022/ke-hoach-tdkt.yaml",
    "2022/qd-ban-hanh-ke-hoach.yaml",
    "2024/qd-bang-khen-ubnd-tinh.yaml",
    "2024/qd-ban-hanh-quy-che-hoi-dong.yaml",
    "2024/ke-hoach-hoi-dong-tdkt-huyen.yaml",
    "2024/to-trinh-kem-du-thao.yaml",
]


def soffice(out: Path, *args: str) -> None:
    """One headless LibreOffice run with a profile of its own under `out`."""
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{out / 'profile'}", "--headless", *args],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every built-in template saved by LibreOffice (one run), as an office folder mau/."""
    work = tmp_path_factory.mktemp("libreoffice")
    sources = sorted(BUILTIN.glob("*.docx")) + sorted(BUILTIN.glob("khoi/*.docx"))
    # The blocks' names differ from the types': one output folder, sorted out afterwards.
    soffice(work, "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "out"),
            *map(str, sources))  # fmt: skip
    folder = work / "mau"
    for source in sources:
        target = folder / source.relative_to(BUILTIN)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(work / "out" / source.name, target)
    return folder


def sections(docx: bytes) -> list[tuple[str | None, ...]]:
    """Each section's paper (width, height, orientation) and page-number restart, in order."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    out = []
    for sect in root.iter(f"{W}sectPr"):
        size, numbering = sect.find(f"{W}pgSz"), sect.find(f"{W}pgNumType")
        start = numbering.get(f"{W}start") if numbering is not None else None
        out.append((size.get(f"{W}w"), size.get(f"{W}h"), size.get(f"{W}orient"), start))
    return out


def header_widths(docx: bytes) -> list[tuple[str | None, ...]]:
    """Table width and column widths of each header table (the one holding the Quốc hiệu)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    out = []
    for table in root.iter(f"{W}tbl"):
        if QUOC_HIEU in "".join(t.text or "" for t in table.iter(f"{W}t")):
            width = table.find(f"{W}tblPr/{W}tblW")
            cells = [c.get(f"{W}w") for c in table.iter(f"{W}tcW")]
            grid = [g.get(f"{W}w") for g in table.iter(f"{W}gridCol")]
            out.append((width.get(f"{W}w"), width.get(f"{W}type"), *grid, *cells))
    return out


@pytest.fixture(scope="module")
def rendered(saved: Path) -> dict[str, tuple[bytes, bytes]]:
    """Each of DOCUMENTS rendered with the built-in templates and with LibreOffice's saves."""
    builtin, office = Renderer(TemplateLibrary([BUILTIN])), Renderer(TemplateLibrary([saved]))
    out = {}
    for name in DOCUMENTS:
        document = load_document(REPO / "inputs" / name)
        out[name] = (builtin.render(document), office.render(document))
    return out


@needs_soffice
def test_saved_templates_pass_templates_check(saved: Path) -> None:
    report = check_templates(TemplateLibrary([saved]))
    errors = [(p.template, p.key, p.where) for p in report.problems if not p.warning]
    assert report.ok, errors
    assert len(report.checked) >= 19


@needs_soffice
@pytest.mark.parametrize("name", DOCUMENTS)
def test_saved_templates_render_the_same_sections_and_header(
    rendered: dict[str, tuple[bytes, bytes]], name: str
) -> None:
    original, saved = rendered[name]
    assert len(sections(original)) > 1 or name.startswith("2024/ke-hoach")
    assert sections(saved) == sections(original)
    assert header_widths(saved) == header_widths(original)
    assert header_widths(original) and all(w[1] == "dxa" for w in header_widths(original))


@needs_soffice
def test_plan_from_saved_templates_prints_quoc_hieu_on_one_line(
    rendered: dict[str, tuple[bytes, bytes]], tmp_path: Path
) -> None:
    """The Kế hoạch's first page as LibreOffice prints it: Quốc hiệu on one line, portrait
    (its text lines as long as the built-in template's), the Phụ lục landscape."""
    pdfs = []
    for kind, data in zip(("goc", "luu-lai"), rendered["2022/ke-hoach-tdkt.yaml"], strict=True):
        path = tmp_path / f"{kind}.docx"
        path.write_bytes(data)
        pdfs.append(path)
    soffice(tmp_path, "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, pdfs))
    original, saved = (page_lines(tmp_path / f"{kind}.pdf") for kind in ("goc", "luu-lai"))
    assert any(line.endswith(QUOC_HIEU) for line in saved[0]), saved[0][:3]
    assert saved == original


def _header_block(left: str, right: str) -> bytes:
    """khoi/dau-trang's document.xml with its widths typed as numbers."""
    with zipfile.ZipFile(BUILTIN / "khoi" / "dau-trang.docx") as package:
        xml = package.read("word/document.xml")
    xml = xml.replace(b"{{ dau_trang.trai }}", left.encode())
    xml = xml.replace(b"{{ dau_trang.phai }}", right.encode())
    return xml.replace(b"{{ dau_trang.tong }}", str(int(left) + int(right)).encode())


def test_equal_split_header_gets_its_width_tags_back() -> None:
    """LibreOffice's save of the header block (two equal columns): the tags come back on the
    grid, every cell and the table, as tools/make_templates.py wrote them."""
    restored = restored_header_widths(_header_block("4676", "4677"))
    root = etree.fromstring(restored)
    assert [g.get(f"{W}w") for g in root.iter(f"{W}gridCol")] == [
        "{{ dau_trang.trai }}", "{{ dau_trang.phai }}"
    ]  # fmt: skip
    assert [c.get(f"{W}w") for c in root.iter(f"{W}tcW")] == [
        "{{ dau_trang.trai }}", "{{ dau_trang.phai }}"
    ] * 2  # fmt: skip
    assert root.find(f".//{W}tblW").get(f"{W}w") == "{{ dau_trang.tong }}"


def test_widths_a_maintainer_chose_are_kept() -> None:
    """Unequal columns were set on purpose (templates check warns of them); the built-in
    template, with its tags, is not touched either."""
    chosen = _header_block("3000", "6354")
    assert restored_header_widths(chosen) is chosen
    with zipfile.ZipFile(BUILTIN / "khoi" / "dau-trang.docx") as package:
        shipped = package.read("word/document.xml")
    assert restored_header_widths(shipped) is shipped


@pytest.mark.parametrize("name", ["quyet-dinh.docx", "ke-hoach.docx", "to-trinh.docx"])
def test_section_breaks_hold_text_libreoffice_keeps(name: str) -> None:
    """Each section break's paragraph holds a hidden Jinja comment: LibreOffice drops an empty
    one and puts its break on the tag paragraph before it, which rendering removes."""
    with zipfile.ZipFile(BUILTIN / name) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
    breaks = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}sectPr") is not None]
    assert breaks
    for paragraph in breaks:
        runs = paragraph.findall(f"{W}r")
        assert "".join(t.text or "" for t in paragraph.iter(f"{W}t")) == "{# ngắt phần #}"
        assert all(r.find(f"{W}rPr/{W}vanish") is not None for r in runs)
