"""The printable register as LibreOffice lays it out: A4 landscape, the header on every page."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from pipeline.register import Details, open_register
from pipeline.register.docx_export import export_docx
from tests.typed_docs import page_lines, to_pdf


def test_long_register_prints_landscape_with_header_on_each_page(tmp_path: Path) -> None:
    with open_register(tmp_path / "so.sqlite3") as register:
        for day in range(1, 61):
            register.allocate(
                "vp",
                Details(
                    doc_date=date(2026, 1 + day // 28, 1 + day % 28),
                    symbol="QĐ-VPUBND",
                    summary=f"Quyết định số {day} về việc khen thưởng",
                    signer="Nguyễn Văn An",
                    recipients="Như Điều 3; Sở Nội vụ",
                    archive="VT, TH",
                    copies=5,
                ),
            )
        entries = register.entries(2026)
    docx = export_docx(entries, 2026, tmp_path / "so-2026.docx")
    to_pdf([docx], tmp_path)
    pdf = tmp_path / "so-2026.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "841.89 x 595.3" in info  # A4 landscape, in points
    page_texts = page_lines(pdf)
    pages = ["\n".join(lines) for lines in page_texts]
    assert len(pages) >= 2
    for page in pages:  # the header row repeats
        assert "Số, ký hiệu văn" in page and "Ghi chú" in page
    assert "01/QĐ-VPUBND" in pages[0] and "60/QĐ-VPUBND" in pages[-1]
    lines = [line for page in page_texts for line in page]
    assert any("01/QĐ-VPUBND" in line and "02/01/2026" in line for line in lines)  # one line
    # A three-word name stays on one line of its column (the tester's "Nguyễn Văn / An").
    assert sum("Nguyễn Văn An" in line for line in lines) == 60
