"""A PDF signed by hand survives builds and renders made without --pdf (s39).

`vanthu build --pdf` made outputs/<year>/ke-hoach.pdf; the clerk signed it. A build or render
WITHOUT --pdf that makes the .docx again (its data changed, or the same .docx made again)
keeps that PDF recorded with the hash vanthu made it with, as one whose PDF failed does
(freshness.settle_old_pdf): the next run with --pdf knows it for edited by hand, keeps it as it
is, and the one that writes over it (--force) keeps its bytes in a .sua-tay copy first. Before,
the PDF dropped out of the manifest, and the next --pdf run converted over it without a copy.

The PDF vanthu made of the old .docx that cannot be removed in a build without --pdf is said,
kept, with the build's exit code for a warning: no traceback.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import Result

from pipeline.batch.manifest import Entry, with_previous_pdf
from tests.new_office import new_office
from tests.test_libreoffice_roundtrip import needs_soffice
from tests.test_stale_pdf_s38 import (
    SIGNED,
    changed,
    command_args,
    copies,
    ke_hoach,
    one_line,
    recorded_pdf,
    soffice,
    vanthu,
)

EDITED_KEPT = "chạy lại với --pdf --force (PDF đã sửa được chép sang tệp .sua-tay"


@needs_soffice
@pytest.mark.parametrize("data_changed", [True, False])
@pytest.mark.parametrize("command", ["build", "render"])
def test_a_signed_pdf_outlives_a_run_without_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    command: str, data_changed: bool,
) -> None:
    """--pdf, the PDF signed, (the data changed,) the same command without --pdf: the signed
    PDF is there, still recorded as vanthu made it. The next --pdf run keeps it as edited by
    hand; the one told to write over it keeps the signed bytes in a .sua-tay copy first, and
    the new PDF is LibreOffice's."""
    path = os.environ["PATH"]  # a real LibreOffice, once the fake one is out of the way
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    args = command_args(command, office, data)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu(*args, "--pdf").exit_code == 0
    made = recorded_pdf(office, data)
    assert made == hashlib.sha256(pdf.read_bytes()).hexdigest()
    pdf.write_bytes(SIGNED)
    if data_changed:
        changed(data)

    plain = vanthu(*args)

    assert plain.exit_code == 0, plain.output
    assert pdf.read_bytes() == SIGNED and copies(output.parent) == []
    assert recorded_pdf(office, data) == made  # vanthu's, as it made it: edited since
    said = one_line(plain)
    assert "không còn tạo ra tệp này" not in said  # never taken for an orphan
    if data_changed:  # the new .docx is not the signed PDF's: said, with what to run
        assert (f"outputs/{data.parent.name}/ke-hoach.pdf được giữ nguyên (nó đã bị sửa hoặc "
                "ký sau khi vanthu xuất) nhưng không còn khớp với") in said, said
        assert EDITED_KEPT in said
    else:
        assert "ke-hoach.pdf" not in said, said

    monkeypatch.setenv("PATH", path)
    kept = vanthu(*args, "--pdf")  # edited by hand: never written over without --force
    assert pdf.read_bytes() == SIGNED and copies(output.parent) == []
    if command == "build":
        assert kept.exit_code == 0, kept.output
        assert "ke-hoach.pdf: tệp đã bị sửa sau khi vanthu ghi nó" in one_line(kept)
    else:
        assert kept.exit_code == 1, kept.output
        assert "ke-hoach.pdf đã bị sửa sau khi vanthu ghi nó" in one_line(kept)

    forced = vanthu(*args, "--pdf", "--force")

    assert forced.exit_code == 0, forced.output
    copy = pdf.with_name("ke-hoach.sua-tay.pdf")
    assert copies(output.parent) == [copy.name]
    assert copy.read_bytes() == SIGNED
    assert b"%%EOF" in pdf.read_bytes() and len(pdf.read_bytes()) > 5000  # LibreOffice's
    assert f"outputs/{data.parent.name}/{copy.name}" in one_line(forced)
    assert recorded_pdf(office, data) == hashlib.sha256(pdf.read_bytes()).hexdigest()


@needs_soffice
def test_a_signed_pdf_of_a_current_document_stays_recorded_for_the_next_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
) -> None:
    """The PDF signed, a build without --pdf that changes nothing (the document current): the
    signed PDF stays recorded. The data then changed, a build with --pdf writes over it with
    its .sua-tay copy kept first."""
    path = os.environ["PATH"]
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu("build", "--pdf").exit_code == 0
    made = recorded_pdf(office, data)
    pdf.write_bytes(SIGNED)

    plain = vanthu("build")

    assert plain.exit_code == 0, plain.output
    assert recorded_pdf(office, data) == made
    changed(data)
    monkeypatch.setenv("PATH", path)
    built = vanthu("build", "--pdf")

    assert built.exit_code == 0, built.output
    copy = pdf.with_name("ke-hoach.sua-tay.pdf")
    assert copies(output.parent) == [copy.name] and copy.read_bytes() == SIGNED
    assert b"%%EOF" in pdf.read_bytes() and len(pdf.read_bytes()) > 5000  # LibreOffice's
    assert f"outputs/{data.parent.name}/{copy.name}" in one_line(built)


@pytest.mark.parametrize("command", ["build", "render"])
def test_the_old_pdf_that_cannot_be_removed_without_pdf_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    command: str,
) -> None:
    """The data changed, a run without --pdf: the PDF vanthu made of the old .docx cannot be
    deleted (as one open in a reader on Windows). Kept, said once with why, exit code 0 (a
    warning), no traceback; still there, it is no longer vanthu's (not recorded)."""
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    args = command_args(command, office, data)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu(*args, "--pdf").exit_code == 0
    changed(data)
    unlink = Path.unlink

    def held(self: Path, missing_ok: bool = False) -> None:
        if self == pdf:
            raise PermissionError(13, "Permission denied", str(self))
        unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", held)

    result: Result = vanthu("--lang", "en", *args)

    assert result.exit_code == 0, result.output
    said = one_line(result)
    assert pdf.is_file() and copies(output.parent) == []
    assert said.count(f"outputs/{data.parent.name}/ke-hoach.pdf") == 1, said
    assert (f"outputs/{data.parent.name}/ke-hoach.pdf is kept as it is (it could not be "
            "removed: ") in said, said
    assert "run again with --pdf for a new PDF" in said
    assert "no longer produces it" not in said


@pytest.mark.parametrize("command", ["build", "render"])
def test_vanthus_own_old_pdf_still_goes_without_a_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    command: str,
) -> None:
    """As before: the data changed, a run without --pdf removes the PDF vanthu made of the old
    .docx (no PDF was asked for: nothing said), and records none."""
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    args = command_args(command, office, data)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu(*args, "--pdf").exit_code == 0
    changed(data)

    result = vanthu(*args)

    assert result.exit_code == 0, result.output
    assert not pdf.exists() and recorded_pdf(office, data) is None
    assert "ke-hoach.pdf" not in result.output


@pytest.mark.parametrize("docx_changed", [True, False])
def test_what_render_records_keeps_a_signed_pdf_recorded(
    tmp_path: Path, docx_changed: bool,
) -> None:
    """manifest.with_previous_pdf, what render's record follows when saved (render settled the
    PDF already, unless its manifest could not be read then): a signed PDF beside the .docx
    written again stays recorded with the hash vanthu made it with; vanthu's own, out of date,
    goes; one recording the very .docx stays."""
    output_dir = tmp_path / "outputs"
    (output_dir / "2026").mkdir(parents=True)
    pdf = output_dir / "2026/ke-hoach.pdf"
    made = b"%PDF-1.7 as vanthu made it"
    previous = Entry(
        inputs={"inputs/2026/ke-hoach.yaml": "a" * 64}, template="ke-hoach", template_sha256="t",
        output="2026/ke-hoach.docx", output_sha256="d" * 64, loai="ke-hoach", so=None,
        ngay="2026-01-05", so_ky_hieu="", pdf="2026/ke-hoach.pdf",
        pdf_sha256=hashlib.sha256(made).hexdigest(),
    )
    entry = replace(previous.without_pdf(), output_sha256=("e" if docx_changed else "d") * 64)

    pdf.write_bytes(SIGNED)
    kept = with_previous_pdf(entry, previous, output_dir)
    assert (kept.pdf, kept.pdf_sha256) == (previous.pdf, previous.pdf_sha256)
    assert pdf.read_bytes() == SIGNED

    pdf.write_bytes(made)
    own = with_previous_pdf(entry, previous, output_dir)
    if docx_changed:  # out of date: removed, no longer recorded
        assert own.pdf is None and not pdf.exists()
    else:  # still made from this .docx
        assert (own.pdf, own.pdf_sha256) == (previous.pdf, previous.pdf_sha256)
        assert pdf.read_bytes() == made
