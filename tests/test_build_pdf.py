"""vanthu build --pdf: one LibreOffice for the whole build, a PDF beside every .docx."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.batch import Status, build
from pipeline.batch import office as office_module
from pipeline.batch import pdf as pdf_module
from pipeline.batch.hash_cache import CACHE_NAME
from pipeline.batch.manifest import file_sha256
from pipeline.errors import ConversionError
from pipeline.workspace import Workspace
from tests.test_build import AWARD_DECISION, AWARD_SHEET, documents_of, run_build


def entries(out: Path) -> dict[str, dict]:
    """Every manifest entry of the build in `out`, by input name."""
    found: dict[str, dict] = {}
    for path in out.glob("*/manifest.json"):
        found.update(json.loads(path.read_text("utf-8"))["documents"])
    return found


def test_pdf_for_every_document_with_one_libreoffice(
    cli: click.Group, inputs_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    starts = pdf_module.server_starts()
    result = CliRunner().invoke(
        cli, ["build", str(inputs_copy), "-o", str(out), "-j", "2", "--pdf"]
    )
    assert result.exit_code == 0, result.output
    assert pdf_module.server_starts() == starts + 1

    documents = documents_of(inputs_copy)
    remembered = json.loads((out / CACHE_NAME).read_text("utf-8"))["files"]
    for source in documents:
        pdf = out / source.relative_to(inputs_copy).with_suffix(".pdf")
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), pdf
        assert remembered[str(pdf)][4] == file_sha256(pdf)  # the next build need not read it
        entry = entries(out)[f"inputs/{source.relative_to(inputs_copy).as_posix()}"]
        assert entry["pdf"] == {
            "path": pdf.relative_to(out).as_posix(),
            "sha256": file_sha256(pdf),
        }
    assert not list(out.rglob("*.partial.pdf"))

    # Up to date, PDFs included: nothing to convert, so LibreOffice is not started at all.
    again = build(Workspace.containing(inputs_copy).with_output(out), jobs=2, pdf=True)
    assert {d.status for d in again.documents} == {Status.UNCHANGED}
    assert pdf_module.server_starts() == starts + 1

    # A build without --pdf keeps the PDFs that still match and removes those gone stale.
    before = entries(out)
    sheet = inputs_copy / AWARD_SHEET
    sheet.write_text(
        sheet.read_text("utf-8").replace("Quàng Thị Ngân,Chuyên viên,", "Quàng Thị Ngân,Kế toán,"),
        "utf-8",
    )
    assert run_build(inputs_copy, out).ok
    after = entries(out)
    changed = {n for n in after if after[n]["output"]["sha256"] != before[n]["output"]["sha256"]}
    assert AWARD_DECISION in changed
    for source in documents:
        name = f"inputs/{source.relative_to(inputs_copy).as_posix()}"
        pdf = out / source.relative_to(inputs_copy).with_suffix(".pdf")
        assert pdf.is_file() == (name not in changed), name
        assert after[name].get("pdf") == (None if name in changed else before[name]["pdf"])
    assert pdf_module.server_starts() == starts + 1


def test_missing_libreoffice_is_a_message(
    cli: click.Group, inputs_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(inputs_copy), "-o", str(out), "--pdf"])
    assert result.exit_code == 1
    assert "không tìm thấy LibreOffice" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()  # found out before anything was written


def test_missing_unoserver_or_uno_falls_back_to_libreoffices_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without unoserver (the wheel's [pdf] extra) or a Python with `uno`, no server is
    started: LibreOffice's command line converts (tests/test_pdf_without_unoserver.py)."""
    soffice = "/opt/libreoffice/program/soffice"
    starts = pdf_module.server_starts()
    find_spec = office_module.importlib.util.find_spec
    monkeypatch.setattr(office_module, "find_soffice", lambda: soffice)
    monkeypatch.setattr(
        office_module.importlib.util,
        "find_spec",
        lambda name, *args: None if name == "unoserver" else find_spec(name, *args),
    )
    with pytest.raises(ConversionError) as missing_package:
        office_module.unoserver_dist()
    assert missing_package.value.key == "build.pdf_no_unoserver"
    with pdf_module.PdfConverter() as converter:
        assert converter.command_line is not None and converter.command_line.soffice == soffice
    assert converter.command_line is None  # stopped with its converter
    monkeypatch.undo()

    monkeypatch.setattr(office_module, "find_soffice", lambda: soffice)
    monkeypatch.setattr(office_module, "_imports_uno", lambda python: False)
    with pytest.raises(ConversionError) as no_uno:
        office_module.uno_python(soffice)
    assert no_uno.value.key == "build.pdf_no_uno"
    with pdf_module.PdfConverter() as converter:
        assert converter.command_line is not None
    assert pdf_module.server_starts() == starts


# A PDF's deadline grows with the document (a 500-certificate batch failed at a fixed 30 s).


def test_the_deadline_grows_with_the_pages_up_to_a_ceiling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(pdf_module.TIMEOUT_ENV, raising=False)
    # A short document: a hung LibreOffice is still noticed after about half a minute.
    assert pdf_module.timeout_for_pages(0) == pdf_module.timeout_for_pages(1) == 31
    assert pdf_module.timeout_for_pages(5) == 31
    # 30 s + 0.1 s a page + pages² / 1000 (LibreOffice slows down on many framed pages).
    assert pdf_module.timeout_for_pages(60) == 40  # 30 + 6 + 3.6, rounded up
    assert pdf_module.timeout_for_pages(200) == 90
    assert pdf_module.timeout_for_pages(500) == 330  # measured: 69 s idle, 143 s under load
    assert pdf_module.timeout_for_pages(1000) == 1130
    assert pdf_module.timeout_for_pages(5000) == pdf_module.TIMEOUT_CEILING == 1800
    deadlines = [pdf_module.timeout_for_pages(p) for p in range(0, 3000, 7)]
    assert deadlines == sorted(deadlines)
    assert pdf_module.conversion_timeout() is None  # nothing fixed: each document its own


def test_the_pages_are_counted_from_the_docx(tmp_path: Path) -> None:
    import io
    import zipfile

    from pipeline.batch.pdf_limits import _count_marks  # shared with the command-line path

    def docx(name: str, body: bytes) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", body)
        return path

    page_break = b'<w:r><w:br w:type="page"/></w:r>'
    section = b'<w:sectPr w:rsidR="1"><w:pgSz w:w="16838"/></w:sectPr>'
    assert pdf_module.estimate_pages(docx("one.docx", b"<w:body><w:p/>" + section)) == 1
    certificates = b"<w:p/>" + (page_break + b"<w:p/>") * 199 + section
    assert pdf_module.estimate_pages(docx("gk.docx", certificates)) == 200
    assert pdf_module.estimate_pages(docx("ppr.docx", b"<w:pageBreakBefore/>" * 3 + section)) == 4
    two = b"<w:sectPr>" + b"</w:sectPr>" + b"<w:sectPr/>"
    assert pdf_module.estimate_pages(docx("two.docx", two)) == 2
    # Running text without breaks: its size says how long it is (20 kB of XML a page).
    text = b"<w:p><w:r><w:t>" + b"x" * 1_000_000 + b"</w:t></w:r></w:p>" + section
    assert pdf_module.estimate_pages(docx("text.docx", text)) == 51
    # Not a .docx (LibreOffice will say so): the shortest deadline.
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    assert pdf_module.estimate_pages(tmp_path / "bad.docx") == 1
    assert pdf_module.estimate_pages(tmp_path / "missing.docx") == 1
    # A mark straddling two reads is counted once.
    mark = b'w:type="page"'
    for cut in range(len(mark) + 1):
        stream = io.BytesIO(b"x" * ((1 << 20) - cut) + mark + b"x" * 10 + mark)
        assert _count_marks(stream) == 2, cut


def test_a_fixed_deadline_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    big = tmp_path / "gk.docx"
    with zipfile.ZipFile(big, "w") as archive:
        archive.writestr("word/document.xml", b'<w:br w:type="page"/>' * 499 + b"<w:sectPr/>")
    monkeypatch.delenv(pdf_module.TIMEOUT_ENV, raising=False)
    assert pdf_module.document_timeout(big) == 330
    assert pdf_module.PdfConverter().timeout_for(big) == 330
    assert pdf_module.PdfConverter(timeout=12).timeout_for(big) == 12
    monkeypatch.setenv(pdf_module.TIMEOUT_ENV, "2400")  # beyond the ceiling: the user's choice
    assert pdf_module.document_timeout(big) == 2400
    assert pdf_module.PdfConverter().timeout_for(big) == 2400
    for ignored in ("", "abc", "0", "-5", "nan", "inf"):
        monkeypatch.setenv(pdf_module.TIMEOUT_ENV, ignored)
        assert pdf_module.document_timeout(big) == 330, ignored


def test_a_pdf_of_200_certificates_gets_more_than_30_seconds(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`vanthu render --in-thu --pdf` of a 200-certificate batch, with real LibreOffice: its
    deadline is computed from its 200 pages, beyond the old fixed 30 s, and the PDF is whole."""
    import subprocess

    from tests.test_giay_khen import CERTIFICATE, batch_rows, workspace

    monkeypatch.delenv(pdf_module.TIMEOUT_ENV, raising=False)
    deadlines: list[float] = []
    timeout_for = pdf_module.PdfConverter.timeout_for

    def recorded(self: pdf_module.PdfConverter, source: Path) -> float:
        deadlines.append(timeout_for(self, source))
        return deadlines[-1]

    monkeypatch.setattr(pdf_module.PdfConverter, "timeout_for", recorded)
    source = workspace(tmp_path, batch_rows(200), CERTIFICATE)
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(
        cli, ["render", str(source), "--in-thu", "--pdf", "-o", str(out / "gk.pdf")]
    )
    assert result.exit_code == 0, result.output
    assert deadlines == [90] and deadlines[0] > 30
    info = subprocess.run(
        ["pdfinfo", str(out / "gk.pdf")], check=True, capture_output=True, text=True
    )
    assert "Pages:           200" in info.stdout.splitlines()
    assert sorted(p.name for p in out.iterdir()) == ["gk.docx", "gk.pdf"]


def test_render_pdf_without_libreoffice_writes_nothing(
    cli: click.Group, inputs_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "out"
    names = ("ke-hoach-tdkt.yaml", "qd-giay-khen.yaml")
    data = [str(inputs_copy / "2022" / name) for name in names]
    result = CliRunner().invoke(cli, ["render", *data, "-o", f"{out}/", "--pdf"])
    assert result.exit_code == 1
    assert "không tìm thấy LibreOffice" in result.output and "Traceback" not in result.output
    assert not out.exists() or not any(out.rglob("*.docx"))  # found out before writing
