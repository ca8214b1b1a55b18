"""LibreOffice renders the plan: Quốc hiệu on one line, no number on page 1, each page its own."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.typed_docs import page_lines, to_pdf


@pytest.fixture(scope="module")
def plan_pdf(plan_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return to_pdf([plan_docx], tmp_path_factory.mktemp("pdf"))[0]


def landscape_pages(pdf: Path) -> list[bool]:
    """For each page, whether it is wider than tall (from pdfinfo's page sizes)."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    return [float(w) > float(h) for w, h in sizes]


def test_quoc_hieu_on_one_line(plan_pdf: Path) -> None:
    first = page_lines(plan_pdf)[0]
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in first)
    assert not any(line.endswith(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT")) for line in first)


def test_page_numbers(plan_pdf: Path) -> None:
    pages = page_lines(plan_pdf)
    landscape = landscape_pages(plan_pdf)
    main_pages = landscape.index(True)
    assert main_pages >= 2 and all(landscape[main_pages:])
    # Page 1 starts with the header block, not a number; each later page starts with its number.
    assert not pages[0][0].isdigit()
    for number in range(2, main_pages + 1):
        assert pages[number - 1][0] == str(number)
    # The appendix numbers its pages on its own: none on its first page, 2 on the next.
    assert pages[main_pages][0] == "Phụ lục"
    for offset, page in enumerate(pages[main_pages + 1 :], start=2):
        assert page[0] == str(offset)


def test_pdf_embeds_only_the_times_metric_face(plan_pdf: Path) -> None:
    """Every letter, Vietnamese ones included, comes from Liberation Serif (Times metrics): with
    Debian's old fonts-liberation (1.07) LibreOffice fills ơ, ư, ạ ... from DejaVu Serif."""
    listing = subprocess.run(
        ["pdffonts", str(plan_pdf)], check=True, capture_output=True, text=True
    ).stdout
    faces = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}
    assert faces, listing
    assert {face.split("-")[0] for face in faces} == {"LiberationSerif"}, listing
