"""Helpers for the tests of each document type: render an example or a form, read the .docx
back (formatting resolved through the style chain), convert to PDF and read its pages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Length
from docx.text.paragraph import Paragraph
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "templates"


def example_data(example: Path) -> dict[str, Any]:
    """An example's data as a dict, to vary as a form would."""
    return dict(YAML(typ="safe").load(example.read_text("utf-8")))


def render_mapping(example: Path, changes: Mapping[str, Any] | None = None) -> bytes:
    """The .docx of `example`'s data with `changes` (a key set to None is removed)."""
    from pipeline.api import Renderer
    from pipeline.workspace import Workspace

    data = example_data(example)
    for key, value in (changes or {}).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    workspace = Workspace.containing(example)
    return Renderer(TEMPLATES).render(workspace.load_mapping(data, example))


def render_variants(
    example: Path, variants: Mapping[str, Mapping[str, Any]], out: Path
) -> dict[str, Path]:
    """Each variant of `example` (its data with `changes`) rendered to out/<name>.docx."""
    paths = {}
    for name, changes in variants.items():
        paths[name] = out / f"{name}.docx"
        paths[name].write_bytes(render_mapping(example, changes))
    return paths


def pdfs_of(rendered: Mapping[str, Path], out: Path) -> dict[str, Path]:
    """The PDF of each rendered document, by the same name, through one LibreOffice run."""
    names = list(rendered)
    return dict(zip(names, to_pdf([rendered[n] for n in names], out), strict=True))


def render_starter(name: str, folder: Path) -> Path:
    """`vanthu new NAME` in `folder`, rendered as it is; the .docx."""
    from click.testing import CliRunner

    from pipeline.api import Renderer
    from pipeline.cli import main

    target = folder / f"{name}.yaml"
    result = CliRunner().invoke(main, ["new", name, "-o", str(target)])
    assert result.exit_code == 0, result.output
    return Renderer(TEMPLATES).render_file(target, folder / f"{name}.docx")


def open_docx(data: bytes | Path) -> Any:
    return Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


@dataclass(frozen=True)
class Look:
    """How a paragraph prints: size (pt), bold, italic, alignment, indents (mm)."""

    text: str
    style: str
    size: float | None
    bold: bool | None
    italic: bool | None
    align: str | None
    first_mm: float
    left_mm: float


def _resolved(p: Paragraph, read: Any) -> Any:
    value = read(p)
    style = p.style
    while value is None and style is not None:
        value = read(style)
        style = style.base_style
    return value


def look(p: Paragraph) -> Look:
    """The formatting a reader sees on `p` (its own, else its style's, else the base's)."""
    size = _resolved(p, lambda o: o.font.size if not isinstance(o, Paragraph) else None)
    bold = _resolved(p, lambda o: o.font.bold if not isinstance(o, Paragraph) else None)
    italic = _resolved(p, lambda o: o.font.italic if not isinstance(o, Paragraph) else None)
    align = _resolved(p, lambda o: o.paragraph_format.alignment)
    first = _resolved(p, lambda o: o.paragraph_format.first_line_indent) or 0
    left = _resolved(p, lambda o: o.paragraph_format.left_indent) or 0
    return Look(
        text=p.text,
        style=p.style.name,
        size=size.pt if size is not None else None,
        bold=bold,
        italic=italic,
        align=str(align).split(".")[-1].split(" ")[0] if align is not None else None,
        first_mm=round(Length(first).mm, 1),
        left_mm=round(Length(left).mm, 1),
    )


def body(doc: Any) -> list[Look]:
    """The paragraphs outside tables, with text."""
    return [look(p) for p in doc.paragraphs if p.text.strip()]


def cell_looks(doc: Any, table: int, row: int, column: int) -> list[Look]:
    cell = doc.tables[table].rows[row].cells[column]
    return [look(p) for p in cell.paragraphs if p.text.strip()]


def cell_texts(doc: Any, table: int, row: int, column: int) -> list[str]:
    """The texts of a cell's paragraphs that have any (cell_texts(doc, -1, 0, 0): Nơi nhận)."""
    cell = doc.tables[table].rows[row].cells[column]
    return [p.text for p in cell.paragraphs if p.text.strip()]


def assert_verified(docx: Path, doc_type: str) -> None:
    """vanthu verify takes `docx` for a `doc_type` and finds nothing wrong with it."""
    from pipeline.verify import verify_file

    report = verify_file(docx)
    assert report.doc_type == doc_type
    assert report.ok, [v.line() for v in report.violations]


def assert_number_and_title(doc: Any, number: str, type_name: str, subject: str) -> None:
    """Số under the agency; the type name and the trích yếu under it, 14 pt bold, centred."""
    assert cell_looks(doc, 0, 1, 0)[0].text == f"Số: {number}"
    title, line = body(doc)[:2]
    assert (title.text, title.size, title.bold, title.align) == (type_name, 14, True, "CENTER")
    assert line.text == subject
    assert (line.size, line.bold, line.align) == (14, True, "CENTER")


def first(looks: Iterable[Look], start: str) -> Look:
    return next(item for item in looks if item.text.startswith(start))


def to_pdf(docs: list[Path], out: Path) -> list[Path]:
    """The PDFs of `docs` from one headless LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is required (.ci/run installs libreoffice-writer)"
    profile = out / "profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, docs)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return [out / f"{doc.stem}.pdf" for doc in docs]


def page_lines(pdf: Path) -> list[list[str]]:
    """Lines of text of each page, as poppler's pdftotext reads them (layout kept)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [
        [line.strip() for line in page.splitlines() if line.strip()]
        for page in text.split("\f")
        if page.strip()
    ]


def word_boxes(pdf: Path) -> list[tuple[str, float, float]]:
    """Every word of the PDF in reading order: (text, left x, top y) in points (pdftotext -bbox)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)
    return [(unescape(m.group(3)), float(m.group(1)), float(m.group(2))) for m in found]


QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def assert_pages(pdf: Path, pages_wanted: int | None = None) -> list[list[str]]:
    """Quốc hiệu on one line of page 1, no number on page 1, page N (from 2) headed by N."""
    pages = page_lines(pdf)
    if pages_wanted is not None:
        assert len(pages) == pages_wanted, [p[:3] for p in pages]
    assert any(QUOC_HIEU in line for line in pages[0])
    assert not any(line.endswith(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT")) for line in pages[0])
    assert not pages[0][0].isdigit()
    for number, page in enumerate(pages[1:], start=2):
        assert page[0] == str(number), page[:2]
    return pages


def uncommented_wording(text: str) -> str:
    """A starter's text with its commented `# cau_chu:` block uncommented, as a clerk would."""
    lines, inside = [], False
    for line in text.splitlines():
        inside = inside or line.startswith("# cau_chu:")
        if inside and line.startswith("#"):
            line = line[2:]
        elif inside:
            inside = False
        lines.append(line)
    return "\n".join(lines) + "\n"
