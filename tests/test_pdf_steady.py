"""The same .docx gives the same PDF, byte for byte, whenever it is converted (pipeline.batch.
pdf_steady): LibreOffice's conversion moment (/CreationDate, /ID, /DocChecksum) replaced by the
.docx's own date and a digest of the PDF. Real LibreOffice, through unoserver and through its
command line alone."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.batch.pdf_steady import FALLBACK_DATE, docx_date, steady
from tests.conftest import REPO
from tests.test_libreoffice_roundtrip import needs_soffice

PLAN = "inputs/2022/ke-hoach-tdkt.yaml"


def _pdf(when: bytes, ident: bytes, body: bytes = b"BT (Ke hoach) Tj ET") -> bytes:
    """A PDF's shape as LibreOffice writes its end: a page's content, the Info dictionary with
    its date, the trailer with /ID and /DocChecksum."""
    return (
        b"%PDF-1.6\n1 0 obj\n<</Length 19>>\nstream\n" + body + b"\nendstream\nendobj\n"
        b"2 0 obj\n<</Creator<FEFF0057>\n/CreationDate(D:" + when + b"Z')>>\nendobj\n"
        b"trailer\n<</Size 3\n/Info 2 0 R\n/ID [ <" + ident + b">\n<" + ident + b"> ]\n"
        b"/DocChecksum /" + ident + b"\n>>\nstartxref\n0\n%%EOF\n"
    )


def test_two_conversions_moments_apart_become_one() -> None:
    first = steady(_pdf(b"20261207002514", b"200EC462465A6E410C255055E8AE2AE2"), "20220101000000")
    second = steady(_pdf(b"20261207002522", b"CC9000F35453A89634ABDC2EE143BCFA"), "20220101000000")
    assert first == second
    assert b"/CreationDate(D:20220101000000Z')" in first
    digest = re.search(rb"/ID \[ <([0-9A-F]{32})>\n<([0-9A-F]{32})> \]", first)
    assert digest and digest[1] == digest[2] != b"200EC462465A6E410C255055E8AE2AE2"
    assert b"/DocChecksum /" + digest[1] in first


def test_lengths_kept_so_the_cross_reference_offsets_stay_true() -> None:
    pdf = _pdf(b"20261207002514", b"200EC462465A6E410C255055E8AE2AE2")
    assert len(steady(pdf, "19991231235959")) == len(pdf)


def test_the_digest_is_of_the_content() -> None:
    ident = b"200EC462465A6E410C255055E8AE2AE2"
    one = steady(_pdf(b"20261207002514", ident), "20220101000000")
    other = steady(_pdf(b"20261207002514", ident, b"BT (Bao cao) Tj ET"), "20220101000000")
    assert re.search(rb"/ID \[ <(\w+)>", one)[1] != re.search(rb"/ID \[ <(\w+)>", other)[1]


def test_a_pdf_of_another_shape_is_left_as_it_is() -> None:
    pdf = b"%PDF-1.4\n1 0 obj\n<</Producer (x)>>\nendobj\ntrailer\n<</Size 2>>\n%%EOF\n"
    assert steady(pdf, "20220101000000") == pdf


def _docx_with_core(path: Path, core: str | None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        if core is not None:
            archive.writestr("docProps/core.xml", core)
    return path


@pytest.mark.parametrize(
    "core, expected",
    [
        ('<dcterms:created xsi:type="dcterms:W3CDTF">2021-03-04T05:06:07Z</dcterms:created>'
         '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-01-02T03:04:05Z</dcterms:modified>',
         "20220102030405"),
        ('<dcterms:created xsi:type="dcterms:W3CDTF">2021-03-04T05:06:07Z</dcterms:created>',
         "20210304050607"),
        ("<dcterms:modified>hôm qua</dcterms:modified>", FALLBACK_DATE),
        (None, FALLBACK_DATE),
    ],
)  # fmt: skip
def test_the_date_is_the_docx_own(tmp_path: Path, core: str | None, expected: str) -> None:
    wrapped = None if core is None else f"<cp:coreProperties>{core}</cp:coreProperties>"
    assert docx_date(_docx_with_core(tmp_path / "a.docx", wrapped)) == expected


def test_a_file_that_is_no_docx_is_dated_the_fallback(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_text("không phải docx", "utf-8")
    assert docx_date(tmp_path / "a.docx") == FALLBACK_DATE


def _render_twice(cli: click.Group, folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The plan rendered with --pdf to two files, the clock moved on between them."""
    shutil.copytree(REPO / "inputs", folder / "inputs")
    monkeypatch.chdir(folder)
    made = []
    for name in ("a", "b"):
        result = CliRunner().invoke(cli, ["render", PLAN, "-o", f"{name}.docx", "--pdf"])
        assert result.exit_code == 0, result.output
        made.append((folder / f"{name}.pdf").read_bytes())
        time.sleep(1.1)  # LibreOffice's own date is to the second
    return made


def _info(pdf: bytes, folder: Path) -> str:
    path = folder / "read.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip


@needs_soffice
@pytest.mark.usefixtures("pdf_build_ready")
def test_render_pdf_twice_gives_the_same_bytes_through_unoserver(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _render_twice(cli, tmp_path, monkeypatch)
    assert first == second
    info = _info(first, tmp_path)
    # The template's own date (docProps/core.xml), which poppler reads as the PDF's.
    assert re.search(r"CreationDate:\s+Sat Jan\s+1 00:00:00 2022", info), info
    assert re.search(r"Pages:\s+[1-9]", info), info


@needs_soffice
@pytest.mark.usefixtures("no_unoserver", "scratch")
def test_render_pdf_twice_gives_the_same_bytes_through_the_command_line(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _render_twice(cli, tmp_path, monkeypatch)
    assert first == second
    assert b"/CreationDate(D:20220101000000" in first
    text = subprocess.run(["pdftotext", "-", "-"], input=first, check=True,
                          capture_output=True).stdout.decode("utf-8")  # fmt: skip
    assert "KẾ HOẠCH" in text
