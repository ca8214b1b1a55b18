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


def test_missing_unoserver_or_uno_is_a_conversion_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    find_spec = office_module.importlib.util.find_spec
    monkeypatch.setattr(office_module, "find_soffice", lambda: "/opt/libreoffice/program/soffice")
    monkeypatch.setattr(
        office_module.importlib.util,
        "find_spec",
        lambda name, *args: None if name == "unoserver" else find_spec(name, *args),
    )
    with pytest.raises(ConversionError) as missing_package:
        pdf_module.PdfConverter().start()
    assert missing_package.value.key == "build.pdf_no_unoserver"
    assert "pip install" in missing_package.value.message()
    monkeypatch.undo()

    monkeypatch.setattr(office_module, "find_soffice", lambda: "/opt/libreoffice/program/soffice")
    monkeypatch.setattr(office_module, "_imports_uno", lambda python: False)
    starts = pdf_module.server_starts()
    with pytest.raises(ConversionError) as no_uno:
        pdf_module.PdfConverter().start()
    assert no_uno.value.key == "build.pdf_no_uno"
    assert pdf_module.server_starts() == starts
