"""What vanthu cannot read, s39's leftovers (s40).

1. A year's manifest.json there but refused (no permission; on Windows, held open) is not said
   to be damaged or cut short: build and render say it could not be read, and why.
2. A file vanthu has just written itself, then cannot read back (another program took hold of
   it at once): no traceback, and no hash it could not compute recorded. render says so of the
   document and goes on with the others; a build records the new PDF without a hash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import pipeline.api
from tests.new_office import new_office
from tests.test_stale_pdf_s38 import SIGNED, changed, ke_hoach, one_line, soffice
from tests.test_unreadable_outputs_s39 import (
    UNREADABLE,
    built,
    no_crash,
    second_document,
    unreadable,
    vanthu,
)

DAMAGED_VI = "tệp hỏng hoặc bị cắt"
DAMAGED_EN = "damaged or cut short"


def pdf_record(office: Path, data: Path) -> dict[str, Any] | None:
    """What the manifest records of the document's PDF."""
    manifest = office / "outputs" / data.parent.name / "manifest.json"
    entry = json.loads(manifest.read_text("utf-8"))["documents"][str(data.relative_to(office))]
    found: dict[str, Any] | None = entry.get("pdf")
    return found


# 1. an unreadable manifest ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_build_says_an_unreadable_manifest_could_not_be_read_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
) -> None:
    _, data, output, _ = built(tmp_path, monkeypatch)
    unreadable(monkeypatch, output.parent / "manifest.json")

    result = vanthu("--lang", lang, "build")

    no_crash(result)
    assert result.exit_code == 0, result.output
    said = one_line(result)
    manifest = f"outputs/{data.parent.name}/manifest.json"
    words = {
        "vi": f"không đọc được {manifest} ({UNREADABLE}): vanthu không biết tệp kết quả nào",
        "en": f"{manifest} could not be read (permission denied, or another program holds the "
              "file open): vanthu did not know which outputs",
    }[lang]
    assert words in said, said
    assert DAMAGED_VI not in said and DAMAGED_EN not in said, said


def test_render_says_an_unreadable_manifest_could_not_be_read_and_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    office, data, output, _ = built(tmp_path, monkeypatch)
    manifest = output.parent / "manifest.json"
    before = manifest.read_bytes()
    unreadable(monkeypatch, manifest)

    result = vanthu("render", str(data.relative_to(office)))

    no_crash(result)
    assert result.exit_code == 0, result.output
    said = one_line(result)
    assert (f"không đọc được outputs/{data.parent.name}/manifest.json ({UNREADABLE}): vanthu "
            "không biết tệp kết quả nào") in said, said
    assert "Manifest được để nguyên" in said and DAMAGED_VI not in said, said
    monkeypatch.undo()
    assert manifest.read_bytes() == before


def test_a_damaged_manifest_is_still_said_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, data, output, _ = built(tmp_path, monkeypatch)
    (output.parent / "manifest.json").write_text('{"documents": {', "utf-8")  # cut short

    result = vanthu("build")

    assert result.exit_code == 0, result.output
    assert f"không đọc được outputs/{data.parent.name}/manifest.json ({DAMAGED_VI})" \
        in one_line(result)


# 2. a file just written, then not readable ----------------------------------------------------


def test_a_build_whose_new_pdf_cannot_be_read_back_records_no_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    other = second_document(data)
    soffice(tmp_path, monkeypatch, 0)
    unreadable(monkeypatch, pdf)  # taken by another program as soon as it is in place

    result = vanthu("build", "--pdf")

    no_crash(result)
    assert result.exit_code == 0, result.output
    said = one_line(result)
    assert (f"outputs/{data.parent.name}/ke-hoach.pdf đã xuất xong nhưng không đọc lại được "
            f"({UNREADABLE}), nên manifest không ghi được mã băm của nó") in said, said
    monkeypatch.undo()
    assert pdf.is_file() and output.is_file() and other.with_suffix(".pdf").is_file()
    assert (pdf_record(office, data) or {}).get("sha256") is None
    assert pdf_record(office, data.with_name("ke-hoach-2.yaml")) is not None


def test_render_whose_new_pdf_cannot_be_read_back_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    other = second_document(data)
    soffice(tmp_path, monkeypatch, 0)
    unreadable(monkeypatch, pdf)

    result = vanthu("render", str(data.relative_to(office)),
                    str(data.with_name("ke-hoach-2.yaml").relative_to(office)), "--pdf")

    no_crash(result)
    assert result.exit_code == 0, result.output
    said = one_line(result)
    assert (f"outputs/{data.parent.name}/ke-hoach.pdf đã xuất xong nhưng không đọc lại được "
            f"({UNREADABLE}), nên manifest không ghi được mã băm của nó") in said, said
    monkeypatch.undo()
    assert pdf.is_file() and other.with_suffix(".pdf").is_file()
    assert (pdf_record(office, data) or {}).get("sha256") is None


def test_render_whose_new_docx_cannot_be_read_back_keeps_the_pdf_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
) -> None:
    """Without --pdf, the PDF an earlier run left is settled against the new .docx, read back:
    refused, the PDF is kept as it is, said, and stays recorded; the next document is made."""
    office, data, output, pdf = built(tmp_path, monkeypatch, "--pdf")
    pdf.write_bytes(SIGNED)  # signed since
    recorded = pdf_record(office, data)
    other = second_document(data)
    changed(data)
    real = pipeline.api.write_atomic

    def taken(target: Path, data: bytes) -> None:
        real(target, data)
        if target == output:
            unreadable(monkeypatch, output)  # taken by another program as soon as written

    monkeypatch.setattr(pipeline.api, "write_atomic", taken)

    result = vanthu("render", "--force", str(data.relative_to(office)),
                    str(data.with_name("ke-hoach-2.yaml").relative_to(office)))

    no_crash(result)
    assert result.exit_code == 0, result.output
    said = one_line(result)
    assert (f"outputs/{data.parent.name}/ke-hoach.docx vừa ghi xong nhưng không đọc lại được "
            f"({UNREADABLE}), nên không biết outputs/{data.parent.name}/ke-hoach.pdf có sẵn có "
            "còn khớp với nó hay không: PDF ấy được giữ nguyên") in said, said
    monkeypatch.undo()
    assert pdf.read_bytes() == SIGNED
    assert other.is_file()
    assert pdf_record(office, data) == recorded
