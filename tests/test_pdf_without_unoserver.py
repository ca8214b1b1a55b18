"""--pdf of a vanthu installed without its [pdf] extra (unoserver): LibreOffice's own command
line makes the PDFs (pipeline.batch.pdf_soffice). Real LibreOffice, no mocks: only the import
of unoserver is made to fail, as in a wheel installed without the extra (finding r11a F6)."""

from __future__ import annotations

import json
import subprocess
import time
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.batch import pdf as pdf_module
from pipeline.batch import pdf_soffice
from pipeline.batch.manifest import file_sha256
from pipeline.errors import ConversionError
from tests.new_office import new_office
from tests.processes import live_processes
from tests.test_libreoffice_roundtrip import needs_soffice

APT = "sudo apt install libreoffice-writer fonts-liberation2"


def pdf_text(path: Path) -> str:
    """What a reader of the PDF sees (poppler's pdftotext)."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def entries(outputs: Path) -> dict[str, dict]:
    """Every manifest entry below `outputs`, by input name."""
    found: dict[str, dict] = {}
    for manifest in outputs.glob("*/manifest.json"):
        found.update(json.loads(manifest.read_text("utf-8"))["documents"])
    return found


def office_left_after(scratch: Path, seconds: float) -> list[str]:
    """office_left, waiting up to `seconds` for them to end: a process group killed ends a
    moment later, later still on a loaded machine."""
    deadline = time.monotonic() + seconds
    while (left := office_left(scratch)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def office_left(scratch: Path) -> list[str]:
    """The LibreOffice processes still running with a profile under `scratch`."""
    left = []
    for process in live_processes():
        try:
            cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes()
        except OSError:
            continue
        if str(scratch).encode() in cmdline:
            left.append(process.name)
    return left


def assert_recorded_pdf(office: Path, docx: Path) -> None:
    """The PDF beside `docx` is a PDF showing the document's text, recorded in its manifest."""
    pdf = docx.with_suffix(".pdf")
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), pdf
    text = pdf_text(pdf)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Nguyễn Văn A" in text, text
    recorded = entries(office / "outputs")
    name = pdf.relative_to(office / "outputs").as_posix()  # 2026/ke-hoach.pdf
    entry = next(e for e in recorded.values() if e["output"]["path"] == name[:-4] + ".docx")
    assert entry["pdf"] == {"path": name, "sha256": file_sha256(pdf)}


def with_letter_and_invitation(cli: click.Group, year: str) -> None:
    """A Công văn and a Giấy mời (vanthu new) beside the office's starter plan in `year`."""
    for kind in ("cong-van", "giay-moi"):
        made = CliRunner().invoke(cli, ["new", kind, "-o", f"inputs/{year}/{kind}.yaml"])
        assert made.exit_code == 0, made.output


def office_of_three(cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                    ) -> tuple[Path, str]:
    """A new office with its starter plan, a Công văn and a Giấy mời: it and their year."""
    office = new_office(tmp_path, monkeypatch)
    year = next(office.glob("inputs/20*")).name
    with_letter_and_invitation(cli, year)
    return office, year


def assert_tidied(scratch: Path) -> None:
    """No LibreOffice profile left in `scratch`, and no LibreOffice still running with one."""
    assert not list(scratch.iterdir()) and not office_left_after(scratch, 10.0)


@needs_soffice
def test_build_pdf_without_unoserver_converts_with_libreoffice_alone(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    scratch: Path,
) -> None:
    office, year = office_of_three(cli, tmp_path, monkeypatch)
    servers, runs = pdf_module.server_starts(), pdf_soffice.soffice_runs()

    result = CliRunner().invoke(cli, ["build", "--pdf"])
    assert result.exit_code == 0, result.output
    assert "unoserver" not in result.output
    docx = sorted((office / "outputs" / year).glob("*.docx"))
    assert [d.stem for d in docx] == ["cong-van", "giay-moi", "ke-hoach"]
    for output in docx:
        assert_recorded_pdf(office, output)
    assert pdf_module.server_starts() == servers  # no unoserver was started
    # LibreOffice's command line made them, in one run for the three (not one run each).
    assert pdf_soffice.soffice_runs() == runs + 1
    # Written atomically and tidied up: nothing half-written, no profile, no LibreOffice left.
    assert not [p for p in (office / "outputs").rglob(".*.tmp")]
    assert not list(scratch.iterdir())
    assert not office_left_after(scratch, 10.0)


@needs_soffice
def test_render_pdf_without_unoserver(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    scratch: Path,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    data = next(office.glob("inputs/20*/ke-hoach.yaml"))
    year = data.parent.name
    with_letter_and_invitation(cli, year)
    runs = pdf_soffice.soffice_runs()
    result = CliRunner().invoke(
        cli, ["render", *(f"inputs/{year}/{k}.yaml" for k in ("ke-hoach", "cong-van", "giay-moi")),
              "--pdf"]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert pdf_soffice.soffice_runs() == runs + 1  # the three PDFs in one LibreOffice run
    for kind in ("ke-hoach", "cong-van", "giay-moi"):
        assert f"outputs/{year}/{kind}.pdf" in result.output
        assert_recorded_pdf(office, office / "outputs" / year / f"{kind}.docx")
    assert "KẾ HOẠCH" in pdf_text(office / "outputs" / year / "ke-hoach.pdf")
    assert_tidied(scratch)


def break_before_converting(monkeypatch: pytest.MonkeyPatch, names: set[str]) -> None:
    """The .docx of these names are cut (broken_copy) just before LibreOffice is given them:
    LibreOffice, real, cannot load them."""
    original = pdf_soffice.SofficeConverter.convert_many

    def convert_many(self, pairs, done=None):  # type: ignore[no-untyped-def]
        for source, _ in pairs:
            if source.name in names:
                broken = broken_copy(source, source.with_name("cut.docx"))
                broken.replace(source)
        return original(self, pairs, done)

    monkeypatch.setattr(pdf_soffice.SofficeConverter, "convert_many", convert_many)


@needs_soffice
def test_render_pdf_tries_every_document_records_those_made_and_names_those_not(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    scratch: Path,
) -> None:
    office, year = office_of_three(cli, tmp_path, monkeypatch)
    break_before_converting(monkeypatch, {"cong-van.docx", "giay-moi.docx"})
    # The broken ones first and last: the one between is converted all the same.
    inputs = [f"inputs/{year}/{kind}.yaml" for kind in ("cong-van", "ke-hoach", "giay-moi")]
    result = CliRunner().invoke(cli, ["render", *inputs, "--pdf"])
    assert result.exit_code == 1, result.output
    why = ("không xuất được PDF (LibreOffice không mở được tệp .docx), kể cả khi thử lại sau "
           "khi khởi động lại LibreOffice")  # fmt: skip
    assert result.output.replace("\n", " ").count("Lỗi:") == 1, result.output
    assert (
        f"không xuất được PDF của 2 văn bản (các PDF khác đã ghi xong): cong-van.docx: {why}; "
        f"giay-moi.docx: {why}"
    ) in result.output.replace("\n", " "), result.output
    outputs = office / "outputs" / year
    assert_recorded_pdf(office, outputs / "ke-hoach.docx")  # made, and recorded
    assert not (outputs / "cong-van.pdf").exists() and not (outputs / "giay-moi.pdf").exists()
    recorded = entries(office / "outputs")
    assert all(e.get("pdf") is None for e in recorded.values()
               if e["output"]["path"] != f"{year}/ke-hoach.docx")  # fmt: skip
    assert_tidied(scratch)


@needs_soffice
def test_build_pdf_failure_fails_its_document_alone(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    scratch: Path,
) -> None:
    office, year = office_of_three(cli, tmp_path, monkeypatch)
    break_before_converting(monkeypatch, {"cong-van.docx"})
    runs = pdf_soffice.soffice_runs()
    result = CliRunner().invoke(cli, ["build", "--pdf"])
    assert result.exit_code == 1, result.output
    # One run for the three, the broken one once more alone.
    assert pdf_soffice.soffice_runs() == runs + 2
    assert "cong-van.docx: không xuất được PDF (LibreOffice không mở được tệp .docx)" in (
        result.output.replace("\n", " ")
    ), result.output
    outputs = office / "outputs" / year
    for kind in ("giay-moi", "ke-hoach"):
        assert_recorded_pdf(office, outputs / f"{kind}.docx")
    assert not (outputs / "cong-van.pdf").exists()
    recorded = entries(office / "outputs")
    (failed,) = [e for e in recorded.values() if e["output"]["path"] == f"{year}/cong-van.docx"]
    assert failed.get("pdf") is None  # its .docx is in place and recorded, without a PDF
    assert_tidied(scratch)


def test_runs_are_grouped_by_name_and_by_their_deadlines(monkeypatch: pytest.MonkeyPatch) -> None:
    """As many documents a run as RUN_DEADLINE holds with their deadlines; one longer alone."""
    monkeypatch.setattr(pdf_soffice, "RUN_DEADLINE", pdf_soffice.START_ALLOWANCE + 100.0)
    names = ["a", "b", "c", "a", "big", "d"]
    pairs = [(Path(f"/x/{i}/{n}.docx"), Path(f"/x/{i}/{n}.pdf")) for i, n in enumerate(names)]
    seconds = {"big": 500.0}
    batches = pdf_soffice._batches(pairs, lambda source: seconds.get(source.stem, 31.0))
    # a, b, c fill the first (93 s); the second a, then d; big over the limit, alone.
    assert batches == [[0, 1, 2], [3, 5], [4]]


def broken_copy(docx: Path, target: Path) -> Path:
    """`docx` with its document.xml cut in half: LibreOffice cannot load it."""
    with zipfile.ZipFile(docx) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            copy.writestr(info, data)
    return target


@needs_soffice
def test_many_documents_in_one_libreoffice_run_and_a_bad_one_alone(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    scratch: Path,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    year = next(office.glob("inputs/20*")).name
    for kind in ("cong-van", "to-trinh"):
        made = CliRunner().invoke(cli, ["new", kind, "-o", f"inputs/{year}/{kind}.yaml"])
        assert made.exit_code == 0, made.output
    assert CliRunner().invoke(cli, ["build"]).exit_code == 0
    outputs = office / "outputs" / year
    other = tmp_path / "other"
    other.mkdir()
    same_name = other / "cong-van.docx"  # a PDF of the same name: a run of its own
    same_name.write_bytes((outputs / "to-trinh.docx").read_bytes())
    broken = broken_copy(outputs / "ke-hoach.docx", tmp_path / "hong.docx")
    sources = [outputs / "cong-van.docx", outputs / "to-trinh.docx", broken, same_name]
    pairs = [(source, source.with_suffix(".pdf")) for source in sources]
    runs = pdf_soffice.soffice_runs()

    with pdf_module.PdfConverter() as converter:
        failures = converter.convert_many(pairs)
        assert converter.command_line is not None
    # cong-van, to-trinh and hong in one run, the other cong-van in a second, hong once more.
    assert pdf_soffice.soffice_runs() == runs + 3
    assert failures[0] is None and failures[1] is None and failures[3] is None
    assert "Kính gửi" in pdf_text(outputs / "cong-van.pdf")
    assert "TỜ TRÌNH" in pdf_text(outputs / "to-trinh.pdf")
    assert "TỜ TRÌNH" in pdf_text(other / "cong-van.pdf")
    failure = failures[2]
    assert isinstance(failure, ConversionError)
    assert failure.message() == (
        "hong.docx: không xuất được PDF (LibreOffice không mở được tệp .docx), kể cả khi thử lại "
        "sau khi khởi động lại LibreOffice"
    )
    assert not broken.with_suffix(".pdf").exists()
    assert_tidied(scratch)


@needs_soffice
def test_libreoffice_past_its_deadline_is_killed_and_the_document_named(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    scratch: Path,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    assert CliRunner().invoke(cli, ["build"]).exit_code == 0
    docx = next(office.glob("outputs/20*/ke-hoach.docx"))
    monkeypatch.setattr(pdf_soffice, "START_ALLOWANCE", 0.0)
    monkeypatch.setenv(pdf_module.TIMEOUT_ENV, "0.05")  # no LibreOffice converts in 50 ms
    with pdf_module.PdfConverter() as converter:
        converter.wait_ready()  # the profile is made without the documents' deadline
        with pytest.raises(ConversionError) as failed:
            converter.convert(docx, docx.with_suffix(".pdf"))
        # killed at the deadline, not at the converter's end
        assert not office_left_after(scratch, 10.0)
    assert failed.value.message() == (
        "ke-hoach.docx: không xuất được PDF (LibreOffice không trả lời sau 0.05 giây), kể cả "
        "khi thử lại sau khi khởi động lại LibreOffice"
    )
    assert sorted(p.name for p in docx.parent.iterdir()) == ["ke-hoach.docx", "manifest.json"]
    assert not list(scratch.iterdir())


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", f"không tìm thấy LibreOffice (soffice) để xuất PDF; cài LibreOffice (Debian, "
               f"Ubuntu: {APT}) hoặc bỏ --pdf"),
        ("en", f"LibreOffice (soffice) not found, it is needed for PDF; install LibreOffice "
               f"(Debian, Ubuntu: {APT}) or leave out --pdf"),
    ],
)  # fmt: skip
def test_without_libreoffice_either_the_message_says_to_install_it(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    lang: str, words: str,
) -> None:
    office = new_office(tmp_path, monkeypatch)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no soffice, no libreoffice
    data = next(office.glob("inputs/20*/ke-hoach.yaml")).relative_to(office)
    for command in (["build", "--pdf"], ["render", str(data), "--pdf"]):
        result = CliRunner().invoke(cli, ["--lang", lang, *command])
        assert result.exit_code == 1, result.output
        assert words in result.output.replace("\n", " "), result.output
        assert "unoserver" not in result.output and "Traceback" not in result.output
        assert not (office / "outputs").exists() or not any((office / "outputs").rglob("*.*"))
