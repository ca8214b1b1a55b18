"""Hand-edited outputs and PDFs left behind when a document fails (s38).

1. `vanthu render --force` of a document whose output was edited by hand copies that output
   aside (.sua-tay) only once the document has rendered, just before writing over it: the same
   document then failing (its data, its template) leaves its output as it was, with no copy and
   no word of a file "made again from the data".
2. A build or render with --pdf whose new .docx gets no PDF (LibreOffice fails: a real failing
   process, a `soffice` first on PATH exiting 1, unoserver out of the way) leaves no PDF beside
   it that a clerk could take for the new one: the PDF vanthu recorded making from the old
   .docx is removed, and said so; one edited or signed since, or that no manifest records, is
   kept with a warning that it no longer (or may not) match the new .docx. A PDF still made
   from the very .docx there stays, without a word.
"""

from __future__ import annotations

import csv
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from tests.new_office import new_office
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace
from tests.test_render_pdf_s37 import EDIT, LIST, TOO_LONG, edit_by_hand, failing_soffice, texts

REMADE = "tệp được dựng lại từ dữ liệu"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SIGNED = b"%PDF-1.7 signed by the director"


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.sua-tay*"))


# 1. render --force of a hand-edited output whose document then fails ------------------------


def write_list(root: Path, rows: list[dict[str, str]]) -> None:
    with (root / LIST).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def edited_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    """A Giấy khen batch rendered, then its output edited by hand: its data file, its output."""
    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    monkeypatch.chdir(tmp_path)
    name = f"inputs/2024/{batch.name}"
    assert vanthu("render", name).exit_code == 0
    output = tmp_path / "outputs/2024" / batch.with_suffix(".docx").name
    edit_by_hand(output)
    return name, output


def test_a_forced_render_failing_on_the_edited_document_keeps_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The batch's output edited by hand, then a name too long for the phôi: render --force of
    that batch fails as it renders, its edited output as it was, no copy made or said."""
    name, output = edited_batch(tmp_path, monkeypatch)
    before = output.read_bytes()
    rows = example_rows()
    rows[2] = {**rows[2], "Họ và tên": TOO_LONG}
    write_list(tmp_path, rows)

    result = vanthu("render", "--force", name)

    assert result.exit_code == 1, result.output
    assert "dài quá ô tên của phôi" in result.stderr
    assert REMADE not in result.output and ".sua-tay" not in result.output
    assert copies(output.parent) == []
    assert output.read_bytes() == before


def test_a_forced_render_of_the_edited_document_still_keeps_its_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    name, output = edited_batch(tmp_path, monkeypatch)
    rows = example_rows()
    rows[2] = {**rows[2], "Họ và tên": "Nguyễn Thị Mới"}
    write_list(tmp_path, rows)

    result = vanthu("render", "--force", name)

    assert result.exit_code == 0, result.output
    copy = output.with_name(f"{output.stem}.sua-tay.docx")
    assert EDIT in texts(copy) and EDIT not in texts(output)
    assert (f"Cảnh báo: outputs/2024/{output.name} đã bị sửa sau khi vanthu ghi nó; bản đã sửa "
            f"được giữ lại ở outputs/2024/{copy.name}, {REMADE}") in result.stderr
    assert copies(output.parent) == [copy.name]


def broken_template(office: Path) -> None:
    """The office's own ke-hoach.docx (mau/), one of its tags calling a filter that does not
    exist: every Kế hoạch fails as it renders, after it is loaded (and numbered)."""
    with zipfile.ZipFile(TEMPLATES / "ke-hoach.docx") as source, \
            zipfile.ZipFile(office / "mau/ke-hoach.docx", "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                tag = b"<w:p><w:r><w:t>{{ trich_yeu | khong_co }}</w:t></w:r></w:p></w:body>"
                data = data.replace(b"</w:body>", tag, 1)
            copy.writestr(info, data)


@pytest.mark.parametrize("numbered", [False, True])
def test_a_forced_render_failing_in_its_template_keeps_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, numbered: bool,
) -> None:
    """Both of render's ways: a document typing its number (or none), and one numbered by the
    register (so: tu_dong), whose render fails inside its numbering."""
    office = new_office(tmp_path, monkeypatch)
    (data,) = office.glob("inputs/20*/ke-hoach.yaml")
    if numbered:
        text = re.sub(r"^so:.*$", "so: tu_dong", data.read_text("utf-8"), count=1, flags=re.M)
        data.write_text(text, "utf-8")
    name = str(data.relative_to(office))
    assert vanthu("render", name).exit_code == 0
    output = office / "outputs" / data.parent.name / "ke-hoach.docx"
    edit_by_hand(output)
    before = output.read_bytes()
    broken_template(office)

    result = vanthu("render", "--force", name)

    assert result.exit_code == 1, result.output
    assert "khong_co" in result.stderr
    assert REMADE not in result.output and ".sua-tay" not in result.output
    assert copies(output.parent) == []
    assert output.read_bytes() == before


# 2. a new .docx without its PDF: the PDF left beside it ------------------------------------


def soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """s37's fake LibreOffice, exiting `code`, first on PATH (a later one before an earlier)."""
    home = tmp_path / f"soffice-{len(list(tmp_path.glob('soffice-*')))}"
    home.mkdir()
    failing_soffice(home, monkeypatch, code)


def ke_hoach(office: Path) -> tuple[Path, Path, Path]:
    """The office's Kế hoạch: its data file, its .docx and its PDF."""
    (data,) = office.glob("inputs/20*/ke-hoach.yaml")
    output = office / "outputs" / data.parent.name / "ke-hoach.docx"
    return data, output, output.with_suffix(".pdf")


def command_args(command: str, office: Path, data: Path, *, force: bool = False) -> list[str]:
    """`vanthu build`, or `vanthu render` of the document `data` (with `force`, --force)."""
    if command == "build":
        return ["build"]
    return ["render", *(["--force"] if force else []), str(data.relative_to(office))]


def changed(data: Path) -> None:
    """New content for the document: its .docx comes out otherwise."""
    text = data.read_text("utf-8")
    data.write_text(text.replace("khen thưởng năm 2026\n", "khen thưởng năm 2026 (bổ sung)\n",
                                 1), "utf-8")
    assert data.read_text("utf-8") != text


def recorded_pdf(office: Path, data: Path) -> str | None:
    manifest = office / "outputs" / data.parent.name / "manifest.json"
    entry = json.loads(manifest.read_text("utf-8"))["documents"][
        str(data.relative_to(office))]
    return (entry.get("pdf") or {}).get("sha256")


def one_line(result: Result) -> str:
    return " ".join(result.output.split())


@pytest.mark.parametrize("command", ["build", "render"])
def test_the_pdf_vanthu_made_of_the_old_docx_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    command: str,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    args = command_args(command, office, data)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu(*args, "--pdf").exit_code == 0
    assert pdf.is_file() and recorded_pdf(office, data) is not None
    changed(data)
    soffice(tmp_path, monkeypatch, 1)

    result = vanthu(*args, "--pdf")

    assert result.exit_code == 1, result.output
    assert "(bổ sung)" in texts(output)  # the new .docx in place
    assert not pdf.exists()
    said = (f"đã xóa outputs/{data.parent.name}/ke-hoach.pdf, bản PDF vanthu xuất lần trước: "
            "nó in nội dung cũ, không còn khớp với "
            f"outputs/{data.parent.name}/ke-hoach.docx vừa dựng lại")
    assert said in one_line(result)
    assert "không xuất được PDF (LibreOffice dừng đột ngột)" in one_line(result)
    assert copies(output.parent) == []


@pytest.mark.parametrize("command", ["build", "render"])
def test_a_pdf_signed_since_is_kept_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    command: str,
) -> None:
    """A PDF edited (signed) after vanthu made it: kept as it is, no copy of it left (nothing
    wrote over it), and said to match the new .docx no more."""
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    args = command_args(command, office, data, force=True)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu(*args, "--pdf").exit_code == 0
    pdf.write_bytes(SIGNED)
    changed(data)
    soffice(tmp_path, monkeypatch, 1)

    result = vanthu("--lang", "en", *args, "--pdf")

    assert result.exit_code == 1, result.output
    assert pdf.read_bytes() == SIGNED
    assert copies(output.parent) == []
    assert "made again from the data" not in result.output
    said = (f"outputs/{data.parent.name}/ke-hoach.pdf is kept as it is (it was edited or signed "
            "after vanthu made it) but no longer matches the "
            f"outputs/{data.parent.name}/ke-hoach.docx just made again: do not print or sign "
            "that PDF")
    assert said in one_line(result)
    assert "no longer produces it" not in one_line(result)  # never taken for an orphan
    if command == "build":  # still recorded as vanthu made it: the next build keeps it
        soffice(tmp_path, monkeypatch, 0)
        again = vanthu("build", "--pdf")
        assert again.exit_code == 0, again.output
        assert pdf.read_bytes() == SIGNED and copies(output.parent) == []
        assert "ke-hoach.pdf: tệp đã bị sửa sau khi vanthu ghi nó" in one_line(again)


def test_a_pdf_no_manifest_records_is_kept_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
) -> None:
    """render -o elsewhere: no manifest records what is there, so nothing is vanthu's to
    remove; without --force nothing is written over it, with it the PDF there is kept (its
    new one not made), said perhaps not to match."""
    office = new_office(tmp_path, monkeypatch)
    data, _, _ = ke_hoach(office)
    elsewhere = tmp_path / "ban-in"
    elsewhere.mkdir()
    output = elsewhere / "ke-hoach.docx"
    output.with_suffix(".pdf").write_bytes(SIGNED)
    soffice(tmp_path, monkeypatch, 1)

    # A file already at -o that vanthu cannot vouch for: refused, nothing written (s48) ...
    refused = vanthu("render", str(data.relative_to(office)), "-o", str(output), "--pdf")
    assert refused.exit_code == 1 and "ke-hoach.pdf đã có" in refused.output, refused.output
    assert not output.exists() and output.with_suffix(".pdf").read_bytes() == SIGNED
    # ... unless forced, when its PDF not made, the PDF there is kept, as is.
    result = vanthu("render", str(data.relative_to(office)), "-o", str(output), "--pdf", "--force")

    assert result.exit_code == 1, result.output
    assert output.is_file() and output.with_suffix(".pdf").read_bytes() == SIGNED
    lines = result.stderr.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == ["Cảnh báo", "Lỗi"], result.stderr
    assert ("ke-hoach.pdf có sẵn được giữ nguyên (vanthu không ghi nhận đã xuất nó) nhưng có "
            "thể không khớp với") in lines[0]


@pytest.mark.parametrize("command", ["build", "render"])
def test_a_pdf_still_made_from_the_docx_there_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    command: str,
) -> None:
    """--force with the data unchanged: the .docx comes out the same, so the PDF vanthu made of
    it still matches it; the conversion failing again removes nothing."""
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    args = command_args(command, office, data)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu(*args, "--pdf").exit_code == 0
    made = pdf.read_bytes()
    soffice(tmp_path, monkeypatch, 1)

    result = vanthu(*args, "--pdf", "--force")

    assert result.exit_code == 1, result.output
    assert pdf.read_bytes() == made
    assert "khớp" not in result.output
    assert recorded_pdf(office, data) is not None  # recorded still: the next build keeps it


def broken_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `soffice` first on PATH that never starts (exit 1 at once): no PDF made at all."""
    home = tmp_path / f"soffice-{len(list(tmp_path.glob('soffice-*')))}"
    (home / "bin").mkdir(parents=True)
    script = home / "bin/soffice"
    script.write_text("#!/bin/sh\nexit 1\n", "utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{home / 'bin'}{os.pathsep}{os.environ['PATH']}")


@pytest.mark.parametrize("command", ["build", "render"])
def test_libreoffice_not_starting_leaves_no_stale_pdf_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    command: str,
) -> None:
    """LibreOffice does not start once the new .docx is in place: the PDF vanthu made of the
    old one goes as when its conversion fails, said with the error."""
    office = new_office(tmp_path, monkeypatch)
    data, output, pdf = ke_hoach(office)
    args = command_args(command, office, data)
    soffice(tmp_path, monkeypatch, 0)
    assert vanthu(*args, "--pdf").exit_code == 0
    changed(data)
    broken_soffice(tmp_path, monkeypatch)

    result = vanthu(*args, "--pdf")

    assert result.exit_code == 1, result.output
    assert "(bổ sung)" in texts(output) and not pdf.exists()
    assert "không khởi động được LibreOffice (soffice)" in one_line(result)
    assert (f"đã xóa outputs/{data.parent.name}/ke-hoach.pdf, bản PDF vanthu xuất lần trước"
            in one_line(result))
