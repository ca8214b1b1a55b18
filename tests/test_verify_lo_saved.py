"""vanthu verify on outputs opened and saved again by LibreOffice: page numbers.

LibreOffice saves a section of one page (a decision before its Danh sách) with only the header
that page shows, the one without the page number (no w:titlePg, a default header without a
PAGE field): the printed pages are the same, and verify passes it. A section of several pages
whose later pages print no number still fails, wherever it is in the document.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.verify import verify_file
from pipeline.verify.document import read_document
from pipeline.verify.rules_page import page_field_paragraphs
from tests.test_libreoffice_roundtrip import SOFFICE, needs_soffice

# Every test reads a decision LibreOffice saved: without LibreOffice there is none to read.
pytestmark = needs_soffice

REPO = Path(__file__).resolve().parents[1]
# A decision of one page and its Danh sách of one; a decision of two pages and its list of four;
# a decision of one page and the Quy chế of two it issues.
ONE_PAGE = REPO / "inputs" / "2022" / "qd-giay-khen.yaml"
TWO_PAGES = REPO / "inputs" / "2022" / "qd-lao-dong-tien-tien.yaml"
ISSUING = REPO / "inputs" / "2024" / "qd-ban-hanh-quy-che-hoi-dong.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory, renderer) -> dict[str, Path]:
    """The decisions rendered by vanthu, then opened and saved as .docx by one headless
    LibreOffice, as an office does."""
    soffice = SOFFICE
    assert soffice is not None  # needs_soffice fails the module otherwise
    work = tmp_path_factory.mktemp("lo-saved")
    built = [renderer.render_file(source, work / f"{source.stem}.docx") for source in
             (ONE_PAGE, TWO_PAGES, ISSUING)]  # fmt: skip
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work / "lo"), *map(str, built)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return {docx.stem: work / "lo" / docx.name for docx in built}


def edited(docx: Path, out: Path, part: str, edit) -> Path:
    """A copy of `docx` with `edit` applied to the XML of its part word/`part`."""
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == f"word/{part}":
                root = etree.fromstring(data)
                edit(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(info, data)
    return out


def drop_runs(root: etree._Element) -> None:
    """Every run of a header removed: the PAGE field with them."""
    for run in root.findall(".//w:r", NS):
        run.getparent().remove(run)


def continue_numbering(root: etree._Element) -> None:
    """The later sections' numbering continues the first's (no w:pgNumType w:start)."""
    for numbering in root.findall(".//w:sectPr/w:pgNumType", NS):
        numbering.attrib.pop(f"{{{W}}}start", None)


def test_libreoffice_keeps_only_the_unnumbered_header_of_a_one_page_section(
    saved: dict[str, Path],
) -> None:
    """What the other tests stand on: the first section of the LibreOffice save prints, on its
    one page, a default header without a number, and no first-page header."""
    first = read_document(saved[ONE_PAGE.stem]).sections[0]
    assert len(read_document(saved[ONE_PAGE.stem]).sections) == 2
    assert not first.title_page and not page_field_paragraphs(first.headers["default"])


@pytest.mark.parametrize("source", [ONE_PAGE, TWO_PAGES, ISSUING], ids=lambda p: p.stem)
def test_a_decision_saved_by_libreoffice_passes(saved: dict[str, Path], source: Path) -> None:
    report = verify_file(saved[source.stem])
    assert report.violations == [], "\n".join(v.line("en") for v in report.violations)


@pytest.mark.parametrize("section", [1, 2])
def test_a_section_of_several_pages_without_numbers_fails(
    saved: dict[str, Path], tmp_path: Path, section: int
) -> None:
    """The decision's two pages, or its list's four, with a header that prints no number on
    their later pages: so_trang.missing, at that section."""
    source = saved[TWO_PAGES.stem]
    header = read_document(source).sections[section - 1].headers["default"]
    assert header is not None and page_field_paragraphs(header)
    broken = edited(source, tmp_path / "broken.docx", header.name, drop_runs)
    report = verify_file(broken)
    lines = "\n".join(v.line("en") for v in report.violations)
    assert report.rules == {"so_trang.missing"}, lines
    assert [v.where.section for v in report.violations] == [section], lines


def test_a_page_that_continues_the_numbering_needs_its_number(
    saved: dict[str, Path], tmp_path: Path
) -> None:
    """The one-page decision whose Quy chế continues its numbering: the Quy chế's first page
    is page 2 of the document and prints its first-page header, without a number."""
    broken = edited(saved[ISSUING.stem], tmp_path / "broken.docx", "document.xml",
                    continue_numbering)  # fmt: skip
    report = verify_file(broken)
    lines = "\n".join(v.line("en") for v in report.violations)
    assert report.rules == {"so_trang.missing"}, lines
    assert [v.where.section for v in report.violations] == [2], lines


def test_an_appendix_that_continues_the_numbering_is_told_once(
    saved: dict[str, Path], tmp_path: Path
) -> None:
    """A Danh sách that continues the decision's numbering: so_trang.restart says what is wrong;
    its first page's missing number, which numbering it from 1 gives back, is not said again."""
    broken = edited(saved[ONE_PAGE.stem], tmp_path / "broken.docx", "document.xml",
                    continue_numbering)  # fmt: skip
    report = verify_file(broken)
    assert report.rules == {"so_trang.restart"}, [v.line("en") for v in report.violations]


def test_a_continuous_section_runs_on_from_where_the_previous_one_ends(
    saved: dict[str, Path], tmp_path: Path
) -> None:
    """The Danh sách, shorter than a page, made to follow the decision on its page (a
    continuous section break): it starts near the foot of page 1 and runs onto page 2, which
    prints its default header: without a number, so_trang.missing at the list's section."""
    source = saved[ONE_PAGE.stem]
    header = read_document(source).sections[1].headers["default"]
    assert header is not None
    numberless = edited(source, tmp_path / "numberless.docx", header.name, drop_runs)
    assert verify_file(numberless).violations == []  # one page each: no number needed

    def continuous(root: etree._Element) -> None:
        kind = root.find("w:body/w:sectPr/w:type", NS)
        kind.set(f"{{{W}}}val", "continuous")

    broken = edited(numberless, tmp_path / "broken.docx", "document.xml", continuous)
    report = verify_file(broken)
    missing = [v for v in report.violations if v.rule == "so_trang.missing"]
    assert [v.where.section for v in missing] == [2], [v.line("en") for v in report.violations]
