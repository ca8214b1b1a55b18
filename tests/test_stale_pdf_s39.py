"""What a PDF not made leaves behind, further (s39; s38 began it).

1. `vanthu render --pdf` whose conversion fails beside a PDF edited or signed by hand since
   vanthu made it (kept, warned of) still records that PDF as vanthu made it, as the build
   does: the next build knows it for edited by hand, keeps it as it is while the document is
   current, and keeps a .sua-tay copy of it before a real LibreOffice converts over it.
2. A year's manifest damaged: the PDF already there, copied aside before a conversion that
   then fails, was not written over; its copy is dropped, and the warning no longer says it
   was written over (as for a PDF edited by hand: freshness.drop_unneeded_copy).
3. The build's PDF of the old .docx, vanthu's own, that cannot be removed when the new one's
   fails is said once, not a second time as an orphan.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import Result

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

KEPT_BESIDE = "được giữ lại bên cạnh trước khi ghi đè"


# 1. render's failed PDF beside a signed one: still recorded, the next build keeps a copy ----


@needs_soffice
@pytest.mark.parametrize("data_changed", [True, False])
def test_a_signed_pdf_render_could_not_replace_is_copied_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    data_changed: bool,
) -> None:
    """The PDF signed, then render --force --pdf failing (the data changed, or the same .docx
    made again): the signed PDF stays recorded with the hash vanthu made it with. A build
    with --pdf keeps it as edited by hand; the data then changed, a build with a real
    LibreOffice keeps its bytes in a .sua-tay copy before writing the new PDF."""
    path = os.environ["PATH"]  # a real LibreOffice, once the fake ones are out of the way
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    name = str(data.relative_to(office))
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu("render", name, "--pdf").exit_code == 0
    made = recorded_pdf(office, data)
    assert made == hashlib.sha256(pdf.read_bytes()).hexdigest()
    pdf.write_bytes(SIGNED)
    if data_changed:
        changed(data)
    soffice(tmp_path, monkeypatch, 1)

    failed = vanthu("render", "--force", name, "--pdf")

    assert failed.exit_code == 1, failed.output
    assert pdf.read_bytes() == SIGNED and copies(output.parent) == []
    assert recorded_pdf(office, data) == made  # vanthu's, as it made it: edited since
    if data_changed:  # the .docx differs from the PDF's: what to run for a new one
        assert "chạy lại với --pdf --force (PDF đã sửa được chép sang tệp .sua-tay" in one_line(
            failed), failed.output
    soffice(tmp_path, monkeypatch, 0)
    kept = vanthu("build", "--pdf")
    assert kept.exit_code == 0, kept.output
    assert pdf.read_bytes() == SIGNED and copies(output.parent) == []
    assert "ke-hoach.pdf: tệp đã bị sửa sau khi vanthu ghi nó" in one_line(kept)

    monkeypatch.setenv("PATH", path)
    if data_changed:  # changed again
        text = data.read_text("utf-8")
        data.write_text(text.replace("(bổ sung)", "(bổ sung lần hai)", 1), "utf-8")
        built = vanthu("build", "--pdf")
    else:  # as the warning says: --force makes it anew, the signed PDF copied aside first
        built = vanthu("build", "--pdf", "--force")

    assert built.exit_code == 0, built.output
    copy = pdf.with_name("ke-hoach.sua-tay.pdf")
    assert copies(output.parent) == [copy.name]
    assert copy.read_bytes() == SIGNED
    assert b"%%EOF" in pdf.read_bytes() and len(pdf.read_bytes()) > 5000  # LibreOffice's
    assert f"outputs/{data.parent.name}/{copy.name}" in one_line(built)


# 2. a damaged manifest: the PDF copied aside, then not written over ------------------------


def damaged_manifest(office: Path, data: Path) -> None:
    (office / "outputs" / data.parent.name / "manifest.json").write_text("{ hỏng", "utf-8")


@pytest.mark.parametrize("command", ["build", "render"])
@pytest.mark.parametrize("data_changed", [False, True])
def test_a_pdf_copied_for_a_damaged_manifest_is_dropped_when_not_written_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    command: str, data_changed: bool,
) -> None:
    """No manifest vouching for the PDF there, it is copied before the conversion, which then
    fails: the PDF is as it was, so its copy goes and is said no more. A .docx that differed
    keeps its copy, said as before."""
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    args = command_args(command, office, data)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu(*args, "--pdf").exit_code == 0
    made = pdf.read_bytes()
    damaged_manifest(office, data)
    if data_changed:
        changed(data)
    soffice(tmp_path, monkeypatch, 1)

    result = vanthu(*args, "--pdf")

    assert result.exit_code == 1, result.output
    said = one_line(result)
    assert pdf.read_bytes() == made
    assert "ke-hoach.sua-tay.pdf" not in said
    assert "không đọc được" in said and "manifest.json" in said  # the manifest still said
    if data_changed:
        assert copies(output.parent) == ["ke-hoach.sua-tay.docx"]
        assert (f"1 tệp có thể đã sửa tay (tệp .docx khác bản vừa dựng, hoặc tệp PDF có sẵn, "
                f"vốn không so được) {KEPT_BESIDE}: "
                f"outputs/{data.parent.name}/ke-hoach.sua-tay.docx;") in said
    else:
        assert copies(output.parent) == []
        assert KEPT_BESIDE not in said
        assert ("Không tệp nào có thể đã sửa tay bị ghi đè: tệp .docx có sẵn giống hệt bản "
                f"vừa dựng, còn PDF có sẵn (outputs/{data.parent.name}/ke-hoach.pdf) được để "
                "nguyên vì không xuất được PDF mới") in said


# 3. vanthu's old PDF that cannot be removed: said once -------------------------------------


def test_an_old_pdf_that_cannot_be_removed_is_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
) -> None:
    """The new .docx's PDF not made, the PDF vanthu made of the old one cannot be deleted:
    said kept, with why, once; the orphan step does not say it again."""
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu("build", "--pdf").exit_code == 0
    changed(data)
    soffice(tmp_path, monkeypatch, 1)
    unlink = Path.unlink

    def held(self: Path, missing_ok: bool = False) -> None:
        if self == pdf:  # as a PDF open in a reader on Windows
            raise PermissionError(13, "Permission denied", str(self))
        unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", held)

    result: Result = vanthu("build", "--pdf")

    assert result.exit_code == 1, result.output
    said = one_line(result)
    assert pdf.is_file()
    assert said.count(f"outputs/{data.parent.name}/ke-hoach.pdf") == 1, said
    assert (f"outputs/{data.parent.name}/ke-hoach.pdf được giữ nguyên (không xóa được: "
            in said)
    assert "không còn tạo ra tệp này" not in said
