"""LibreOffice stopping partway through many documents and not starting again (its executable
gone, the disk full): each document left without its PDF is failed by name, saying the next
`vanthu build --pdf` makes it; the PDFs made stay (r15). Real LibreOffice: only what stops it
is made up (a `soffice` on PATH that converts the first document, then dies and is gone; a
private folder that cannot be made)."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import tempfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.batch import pdf as pdf_module
from pipeline.batch import pdf_soffice
from pipeline.batch.pdf_limits import signal_group
from pipeline.errors import ConversionError
from tests.test_libreoffice_roundtrip import SOFFICE, needs_soffice
from tests.test_pdf_without_unoserver import office_of_three

AGAIN = "chạy lại vanthu build --pdf"


def dying_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `soffice` first on PATH: LibreOffice itself, except that a conversion converts only
    the first document it is given, then removes this `soffice` and exits 1, as a LibreOffice
    that died and cannot be started again: the PDF it finished is kept (pdf_soffice.complete_pdf;
    one it left half-written is not: tests/test_render_pdf_s37.py)."""
    assert SOFFICE is not None
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'case " $* " in *" --convert-to "*) ;; *) exec "$REAL_SOFFICE" "$@" ;; esac\n'
        "first=''; keep=''\n"
        'for a in "$@"; do\n'
        '  case "$a" in *.docx) [ -z "$first" ] && first="$a" ;; *) keep="$keep|$a" ;; esac\n'
        "done\n"
        "IFS='|'; set -- ${keep#|}; unset IFS\n"
        '"$REAL_SOFFICE" "$@" "$first"\n'
        'rm -f "$0"\n'
        "exit 1\n",
        "utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("REAL_SOFFICE", SOFFICE)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return script


def built(cli: click.Group, office: Path, year: str) -> list[Path]:
    """The office's documents built as .docx (no PDF yet)."""
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    return sorted((office / "outputs" / year).glob("*.docx"))


@needs_soffice
def test_build_pdf_when_libreoffice_dies_and_is_gone_fails_the_documents_left(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    scratch: Path,
) -> None:
    office, year = office_of_three(cli, tmp_path, monkeypatch)
    dying_soffice(tmp_path, monkeypatch)
    result = CliRunner().invoke(cli, ["build", "--pdf"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    outputs = office / "outputs" / year
    # The first one (cong-van) got its PDF before LibreOffice died: kept.
    assert (outputs / "cong-van.pdf").read_bytes().startswith(b"%PDF")
    said = result.output.replace("\n", " ")
    for kind in ("giay-moi", "ke-hoach"):
        assert (outputs / f"{kind}.docx").is_file()
        assert not (outputs / f"{kind}.pdf").exists()
        assert f"{kind}.docx: đã dựng .docx, chưa có PDF: LibreOffice dừng giữa chừng" in said
    assert said.count(AGAIN) == 2, result.output
    assert not list(scratch.iterdir())  # the private folders removed all the same

    # LibreOffice back: the next build --pdf makes the two PDFs left.
    monkeypatch.setenv("PATH", os.environ["PATH"].split(os.pathsep, 1)[1])
    again = CliRunner().invoke(cli, ["build", "--pdf"])
    assert again.exit_code == 0, again.output
    for kind in ("cong-van", "giay-moi", "ke-hoach"):
        assert (outputs / f"{kind}.pdf").read_bytes().startswith(b"%PDF")


@needs_soffice
def test_render_pdf_names_each_document_left_without_its_pdf(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    scratch: Path,
) -> None:
    office, year = office_of_three(cli, tmp_path, monkeypatch)
    dying_soffice(tmp_path, monkeypatch)
    inputs = [f"inputs/{year}/{kind}.yaml" for kind in ("ke-hoach", "cong-van", "giay-moi")]
    result = CliRunner().invoke(cli, ["render", *inputs, "--pdf"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    said = result.output.replace("\n", " ")
    assert "không xuất được PDF của 2 văn bản (các PDF khác đã ghi xong)" in said, said
    assert "cong-van.docx: đã dựng .docx, chưa có PDF: LibreOffice dừng giữa chừng" in said
    assert "giay-moi.docx: đã dựng .docx, chưa có PDF: LibreOffice dừng giữa chừng" in said
    assert AGAIN in said
    outputs = office / "outputs" / year
    assert (outputs / "ke-hoach.pdf").read_bytes().startswith(b"%PDF")
    assert not (outputs / "cong-van.pdf").exists() and not (outputs / "giay-moi.pdf").exists()


@needs_soffice
def test_a_private_folder_that_cannot_be_made_partway_fails_the_documents_left(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_unoserver: None,
    scratch: Path,
) -> None:
    """The disk fills after the first run: its folder for the next run cannot be made. The
    documents of that run fail at once, by name; none is waited for, none raises."""
    office, year = office_of_three(cli, tmp_path, monkeypatch)
    docx = built(cli, office, year)
    # Two runs: a .docx of the same name as the first goes in a run of its own.
    other = tmp_path / "other"
    other.mkdir()
    twin = other / docx[0].name
    shutil.copy(docx[0], twin)
    sources = [*docx, twin]
    pairs = [(source, source.with_suffix(".pdf")) for source in sources]
    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp(*args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("prefix") == "pdf-" and any(
            p.suffix == ".pdf" for p in (pairs[0][1].parent).iterdir()
        ):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_mkdtemp(*args, **kwargs)

    monkeypatch.setattr(pdf_soffice.tempfile, "mkdtemp", mkdtemp)
    settled: list[int] = []
    with pdf_module.PdfConverter() as converter:
        failures = converter.convert_many(pairs, lambda index, *_: settled.append(index))
    assert sorted(settled) == [0, 1, 2, 3]
    assert failures[:3] == [None, None, None]
    failure = failures[3]
    assert isinstance(failure, ConversionError)
    words = failure.message()
    assert words.startswith("cong-van.docx: đã dựng .docx, chưa có PDF: LibreOffice dừng")
    assert "No space left on device" in words and AGAIN in words
    assert not twin.with_suffix(".pdf").exists()
    assert all(source.with_suffix(".pdf").is_file() for source in docx)
    assert not list(scratch.iterdir())


@needs_soffice
@pytest.mark.usefixtures("pdf_build_ready")
def test_unoserver_that_dies_and_cannot_start_again_fails_the_documents_left(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scratch: Path,
) -> None:
    """unoserver's LibreOffice killed after the first PDF, and its private folder for a new
    one cannot be made (disk full): the two documents after it fail by name, the first kept."""
    office, year = office_of_three(cli, tmp_path, monkeypatch)
    docx = built(cli, office, year)
    pairs = [(source, source.with_suffix(".pdf")) for source in docx]
    real_mkdtemp = tempfile.mkdtemp

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pdf_module.PdfConverter() as converter:

        def done(index: int, error: ConversionError | None, seconds: float) -> None:
            if index == 0:
                assert converter._process is not None and converter.command_line is None
                signal_group(converter._process, signal.SIGKILL)
                converter._process.wait()
                monkeypatch.setattr(pdf_module.tempfile, "mkdtemp", full)

        failures = converter.convert_many(pairs, done)
    monkeypatch.setattr(pdf_module.tempfile, "mkdtemp", real_mkdtemp)
    assert failures[0] is None
    assert docx[0].with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    for source, failure in zip(docx[1:], failures[1:], strict=True):
        assert isinstance(failure, ConversionError)
        words = failure.message()
        assert f"{source.name}: đã dựng .docx, chưa có PDF: LibreOffice dừng giữa chừng" in words
        assert "No space left on device" in words and AGAIN in words
        assert not source.with_suffix(".pdf").exists()
