"""Leftovers around render and PDF (s37).

1. `vanthu render` stopped partway (a later document's data refused, a PDF not made) keeps the
   .sua-tay copies of hand-edited outputs it made before writing them again, and its failure
   output says which, once each, in the words a finished render says them.
2. LibreOffice's command line (no unoserver) exiting with an error code: a PDF it left in its
   private folder is never put in place; the document is failed with the reason. A real failing
   process: a `soffice` first on PATH that writes a PDF and exits 1.
3. A so: tu_dong decision's CSV list is read once by its build: the digest its manifest records
   (and the one compared when it is loaded again to print its number) is of the bytes the
   loader read (pipeline.load.read_log), as for an .xlsx list.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import stat
from collections import OrderedDict
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from pipeline.batch import source_hashes
from pipeline.batch.pdf_soffice import complete_pdf
from pipeline.cli import main
from pipeline.load import read_log
from pipeline.workspace import Workspace
from tests.new_office import new_office
from tests.test_giay_khen import CERTIFICATE, DECISION, example_rows, workspace

EDIT = "GHI CHÚ SỬA TAY CỦA VĂN THƯ"
LIST = "inputs/2024/danh-sach-bang-khen-ubnd-tinh.csv"
# A name no phôi's name field holds even at 18 pt: the Giấy khen batch is refused as it renders.
TOO_LONG = " ".join(["Ban Chỉ đạo phong trào thi đua"] * 4)


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def edit_by_hand(path: Path) -> None:
    document = docx.Document(str(path))
    document.add_paragraph(EDIT)
    document.save(str(path))


def texts(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def stderr_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


# 1. render stopped partway says the copies it kept -----------------------------------------


def test_render_failing_on_a_later_document_says_the_copy_it_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The decision (edited by hand since vanthu wrote it) is written again with --force, its
    edit kept as a copy; then the Giấy khen batch after it is refused (a name too long for the
    phôi). The error is said, and before it the copy kept, once."""
    rows = example_rows()
    batch = workspace(tmp_path, rows, CERTIFICATE)
    monkeypatch.chdir(tmp_path)
    inputs = [f"inputs/2024/{DECISION.name}", f"inputs/2024/{batch.name}"]
    assert vanthu("render", *inputs).exit_code == 0
    output = tmp_path / "outputs/2024" / DECISION.with_suffix(".docx").name
    edit_by_hand(output)
    rows[2] = {**rows[2], "Họ và tên": TOO_LONG}
    with (tmp_path / LIST).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)

    result = vanthu("render", "--force", *inputs)

    assert result.exit_code == 1, result.output
    copy = output.with_name(f"{output.stem}.sua-tay.docx")
    assert EDIT in texts(copy) and EDIT not in texts(output)
    said = (f"Cảnh báo: outputs/2024/{output.name} đã bị sửa sau khi vanthu ghi nó; bản đã sửa "
            f"được giữ lại ở outputs/2024/{copy.name}, tệp được dựng lại từ dữ liệu")
    lines = stderr_lines(result)
    assert lines.count(said) == 1, result.stderr
    assert result.stderr.count(copy.name) == 1
    error = next(i for i, line in enumerate(lines) if line.startswith("Lỗi: "))
    assert "dài quá ô tên của phôi" in lines[error] and lines.index(said) < error
    assert len(lines) == 2, result.stderr  # the copy and the error, nothing else


def test_render_failing_before_any_copy_says_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = example_rows()
    rows[2] = {**rows[2], "Họ và tên": TOO_LONG}
    batch = workspace(tmp_path, rows, CERTIFICATE)
    monkeypatch.chdir(tmp_path)
    result = vanthu("render", f"inputs/2024/{DECISION.name}", f"inputs/2024/{batch.name}")
    assert result.exit_code == 1, result.output
    assert [line.split(":", 1)[0] for line in stderr_lines(result)] == ["Lỗi"]


# 2. LibreOffice's command line exiting with an error code ------------------------------------


# What the fake writes (printf's format): cut short (its failure's), whole (its success's).
_FAKE_PDF = {False: "%%PDF-1.7 half-written", True: "%%PDF-1.7 whole\\n%%%%EOF\\n"}


def failing_soffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, *, whole: bool | None = None
) -> Path:
    """A `soffice` first on PATH: it starts (its profile set up), and asked to convert, writes
    a PDF of each .docx into --outdir, then exits `code`: `whole`, a whole PDF (its %%EOF
    written: a working LibreOffice's), else as far as it got before failing; by default whole
    when it exits 0."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        "outdir=''; previous=''\n"
        'for a in "$@"; do\n'
        '  [ "$previous" = "--outdir" ] && outdir="$a"\n'
        f'  case "$a" in *.docx) printf "{_FAKE_PDF[code == 0 if whole is None else whole]}" > '
        '"$outdir/$(basename "$a" .docx).pdf" ;; esac\n'
        '  previous="$a"\n'
        "done\n"
        f'case " $* " in *" --convert-to "*) exit {code} ;; esac\n'
        "exit 0\n",
        "utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return script


@pytest.mark.parametrize("code", [0, 1])
def test_render_pdf_takes_no_pdf_from_libreoffice_exiting_with_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
    code: int,
) -> None:
    """Exit 0: the PDF it wrote is put in place (the fake is a working LibreOffice). Exit 1: the
    document has no PDF, the failure says why, nothing half-written is left beside the .docx."""
    office = new_office(tmp_path, monkeypatch)
    (data,) = office.glob("inputs/20*/ke-hoach.yaml")
    failing_soffice(tmp_path, monkeypatch, code)
    result = vanthu("render", str(data.relative_to(office)), "--pdf")
    outputs = office / "outputs" / data.parent.name
    assert (outputs / "ke-hoach.docx").is_file()
    if code == 0:
        assert result.exit_code == 0, result.output
        assert (outputs / "ke-hoach.pdf").read_bytes() == b"%PDF-1.7 whole\n%%EOF\n"
    else:
        assert result.exit_code == 1, result.output
        assert ("Lỗi: ke-hoach.docx: không xuất được PDF (LibreOffice dừng đột ngột), kể cả khi "
                "thử lại sau khi khởi động lại LibreOffice") in result.stderr
        assert sorted(p.name for p in outputs.iterdir()) == ["ke-hoach.docx", "manifest.json"]
    assert not list(scratch.iterdir())  # its private folders removed


def test_build_pdf_fails_the_document_libreoffice_exited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    failing_soffice(tmp_path, monkeypatch, 1)
    result = vanthu("build", "--pdf")
    assert result.exit_code == 1, result.output
    assert ("ke-hoach.docx: không xuất được PDF (LibreOffice dừng đột ngột)"
            in result.output.replace("\n", " "))
    (outputs,) = office.glob("outputs/20*")
    assert (outputs / "ke-hoach.docx").is_file()
    assert not list(outputs.glob("*.pdf")) and not list(outputs.glob(".*"))
    assert not list(scratch.iterdir())


def test_render_pdf_failing_says_the_copy_it_kept_of_a_hand_edited_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None, scratch: Path,
) -> None:
    """Both at once: the .docx written again over a hand edit (--force, the copy kept), then its
    PDF refused: the error says the copy too."""
    office = new_office(tmp_path, monkeypatch)
    (data,) = office.glob("inputs/20*/ke-hoach.yaml")
    name = str(data.relative_to(office))
    assert vanthu("render", name).exit_code == 0
    output = office / "outputs" / data.parent.name / "ke-hoach.docx"
    edit_by_hand(output)
    failing_soffice(tmp_path, monkeypatch, 1)
    result = vanthu("render", name, "--pdf", "--force")
    assert result.exit_code == 1, result.output
    copy = output.with_name("ke-hoach.sua-tay.docx")
    assert EDIT in texts(copy)
    lines = stderr_lines(result)
    assert [line.split(":", 1)[0] for line in lines] == ["Cảnh báo", "Lỗi"], result.stderr
    assert f"bản đã sửa được giữ lại ở outputs/{data.parent.name}/{copy.name}" in lines[0]
    assert "không xuất được PDF (LibreOffice dừng đột ngột)" in lines[1]
    assert not output.with_suffix(".pdf").exists()


# 3. a so: tu_dong decision's CSV list read once ---------------------------------------------

def numbered_decision(tmp_path: Path) -> tuple[Path, Path]:
    """The example decision, so: tu_dong, with its CSV list, alone in a workspace at tmp_path:
    its data file and its list."""
    workspace(tmp_path, example_rows(), CERTIFICATE).unlink()  # the decision alone
    decision = tmp_path / "inputs/2024" / DECISION.name
    text = re.sub(r"^so:.*$", "so: tu_dong", decision.read_text("utf-8"), count=1, flags=re.M)
    decision.write_text(text, "utf-8")
    return decision, tmp_path / LIST


def test_loading_a_decision_notes_its_csv_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(read_log, "_read", OrderedDict())  # nothing noted by earlier tests
    decision, listed = numbered_decision(tmp_path)
    document = Workspace.containing(decision).load(decision)
    assert listed in document.files
    assert read_log.recall(listed, os.stat(listed)) == hashlib.sha256(
        listed.read_bytes()).hexdigest()


def test_the_build_of_a_tu_dong_decision_reads_its_csv_list_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    decision, listed = numbered_decision(tmp_path)
    monkeypatch.chdir(tmp_path)
    digest = hashlib.sha256(listed.read_bytes()).hexdigest()
    reads: list[str] = []
    read_bytes, file_sha256 = Path.read_bytes, source_hashes.file_sha256

    def loader_reads(path: Path) -> bytes:
        if path.name == listed.name:
            reads.append("loaded")
        return read_bytes(path)

    def build_hashes(path: Path) -> str:
        if path.name == listed.name:
            reads.append("hashed")
        return file_sha256(path)

    def loader_reads_whole(path: Path, info: os.stat_result) -> bytes:  # unbuffered (read_log)
        if Path(path).name == listed.name:
            reads.append("loaded")
        return read_whole(path, info)

    read_whole = read_log.read_whole
    monkeypatch.setattr(Path, "read_bytes", loader_reads)
    monkeypatch.setattr(read_log, "read_whole", loader_reads_whole)
    monkeypatch.setattr(source_hashes, "file_sha256", build_hashes)
    result = vanthu("build", "-j", "1")  # in this process: its reads are seen
    assert result.exit_code == 0, result.output
    assert reads == ["loaded"]
    manifest = json.loads((tmp_path / "outputs/2024/manifest.json").read_text("utf-8"))
    entry = manifest["documents"][f"inputs/2024/{decision.name}"]
    assert entry["so_tu_dong"] is True
    assert entry["inputs"][LIST] == digest  # the same digest as read from the file


def test_a_pdf_is_whole_only_from_its_header_to_its_eof_line(tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    for data, whole in [
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", True),
        (b"%PDF-1.7\n" + b"x" * 5000 + b"\n%%EOF\r\n  ", True),
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrai", False),  # cut short while written
        (b"%PDF-1.7 half-written", False),
        (b"PK\x03\x04 %%EOF", False),  # not a PDF at all
        (b"", False),
    ]:
        pdf.write_bytes(data)
        assert complete_pdf(pdf) is whole, data[:20]
    assert complete_pdf(tmp_path / "missing.pdf") is False
