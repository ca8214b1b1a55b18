"""A PDF is the document's, wherever and however LibreOffice made it (s51).

1. The same .docx gives the same PDF bytes in every time zone (TZ), dated as its .docx in UTC:
   LibreOffice runs in UTC (pdf_limits.office_environment) and pipeline.batch.pdf_steady writes
   every date it finds (/CreationDate, /ModDate, XMP) as UTC, said so (Z). Real LibreOffice, in
   subprocesses each with its own TZ, through unoserver and through its command line.
2. A PDF LibreOffice writes, whatever its exit code, is put in place only when it is whole and
   set in the document's fonts or their metric-compatible substitutes (pdf_limits.unfit_pdf):
   LibreOffice that cannot use Liberation Serif exits 0 with a PDF in DejaVu, another number of
   pages. Made real by a fontconfig setup, for LibreOffice alone, that holds DejaVu only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import click
import pytest
from click.testing import CliRunner

from pipeline.batch.pdf import PdfConverter
from pipeline.batch.pdf_limits import complete_pdf, pdf_fonts, unfit_pdf
from pipeline.batch.pdf_steady import docx_date, steady
from pipeline.errors import ConversionError
from pipeline.ooxml_names import W
from tests.conftest import REPO
from tests.test_libreoffice_roundtrip import needs_soffice
from tests.test_render_pdf_s37 import failing_soffice

PLAN = "inputs/2022/ke-hoach-tdkt.yaml"
LETTER = "inputs/2024/cv-don-doc-bao-cao-tdkt.yaml"
# vanthu's CLI in a process of its own; "no unoserver": as if the [pdf] extra were missing.
_CLI = "from pipeline.cli import main; main(prog_name='vanthu')"
_CLI_NO_UNOSERVER = "import sys; sys.modules['unoserver'] = None; " + _CLI
# Each run's vanthu and its zone (TZ): LibreOffice's command line, unoserver.
RUNS = [
    (_CLI_NO_UNOSERVER, "Asia/Ho_Chi_Minh"),
    (_CLI_NO_UNOSERVER, "UTC"),
    (_CLI, "America/New_York"),
]


# 1. The same bytes in every time zone ---------------------------------------------------------


def _pdf(date: bytes, xmp: bytes = b"") -> bytes:
    """The end of a PDF as LibreOffice writes it, with its moment `date` (zone included)."""
    return (
        b"%PDF-1.6\n1 0 obj\n<</Length 19>>\nstream\nBT (Ke hoach) Tj ET\nendstream\nendobj\n"
        + xmp + b"2 0 obj\n<</Creator<FEFF0057>\n/CreationDate(D:" + date + b")>>\nendobj\n"
        b"trailer\n<</Size 3\n/Info 2 0 R\n/ID [ <" + b"A" * 32 + b">\n<" + b"A" * 32 + b"> ]\n"
        b"/DocChecksum /" + b"A" * 32 + b"\n>>\nstartxref\n0\n%%EOF\n"
    )  # fmt: skip


def test_the_machine_zone_is_not_left_in_the_pdf() -> None:
    """Two conversions in zones of the same width: the same bytes, the date in UTC, said so;
    the lengths kept (the cross-reference offsets stay true)."""
    east = _pdf(b"20261207135037+07'00'")
    west = _pdf(b"20261207015037-05'00'")
    made = steady(east, "20220101000000")
    assert made == steady(west, "20220101000000")
    assert b"/CreationDate(D:20220101000000Z')     >>" in made
    assert len(made) == len(east)
    assert steady(_pdf(b"20261207065037Z'"), "20220101000000").count(b"(D:20220101000000Z')>>") == 1


def test_the_xmp_dates_are_written_in_utc_too() -> None:
    packet = (b"<xmp:CreateDate>2026-12-07T13:50:37+07:00</xmp:CreateDate>\n"
              b"<xmp:ModifyDate>2026-12-07T06:50:37Z</xmp:ModifyDate>\n"
              b"<xmp:MetadataDate>2026-12-07T01:50:37-05:00</xmp:MetadataDate>\n")  # fmt: skip
    pdf = _pdf(b"20261207135037+07'00'", packet)
    made = steady(pdf, "20220101000000")
    assert len(made) == len(pdf)
    assert re.findall(rb"<xmp:(\w+)>([^<]*)<", made) == [
        (b"CreateDate", b"2022-01-01T00:00:00Z"),
        (b"ModifyDate", b"2022-01-01T00:00:00Z"),
        (b"MetadataDate", b"2022-01-01T00:00:00Z"),
    ]


def test_a_docx_dated_with_an_offset_is_dated_in_utc(tmp_path: Path) -> None:
    docx = tmp_path / "a.docx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("docProps/core.xml", (
            "<cp:coreProperties><dcterms:modified>2022-01-01T07:00:00+07:00</dcterms:modified>"
            "</cp:coreProperties>"))  # fmt: skip
    assert docx_date(docx) == "20220101000000"


def _render_in_zones(folder: Path) -> dict[str, bytes]:
    """The letter rendered with --pdf by vanthu in a process of its own for each of RUNS."""
    shutil.copytree(REPO / "inputs", folder / "inputs")
    shutil.copy(REPO / "vanthu.yaml", folder / "vanthu.yaml")
    (folder / "tmp").mkdir()
    made = {}
    for code, zone in RUNS:
        name = zone.replace("/", "_")
        env = {**os.environ, "TZ": zone, "TMPDIR": str(folder / "tmp")}
        result = subprocess.run(
            [sys.executable, "-c", code, "render", LETTER, "-o", f"{name}.docx", "--pdf"],
            cwd=folder, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        made[zone] = (folder / f"{name}.pdf").read_bytes()
    return made


def _iso_date(pdf: bytes, folder: Path) -> str:
    """The PDF's creation date as poppler reads it, in ISO 8601 (its zone included)."""
    path = folder / "read.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", "-isodates", str(path)], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip
    found = re.search(r"CreationDate:\s+(\S+)", info)
    assert found, info
    return found[1]


@needs_soffice
@pytest.mark.usefixtures("pdf_build_ready")
def test_the_same_pdf_in_every_time_zone(tmp_path: Path) -> None:
    """Both paths make the same PDF of the same .docx: each zone through one of them (a start
    of unoserver costs seconds), every pair of zones compared."""
    made = _render_in_zones(tmp_path)
    assert len(set(made.values())) == 1, {zone: pdf[-400:] for zone, pdf in made.items()}
    pdf = made["Asia/Ho_Chi_Minh"]
    # The template's date (docProps/core.xml: 2022-01-01T00:00:00Z), the instant itself.
    assert b"/CreationDate(D:20220101000000Z')" in pdf
    assert _iso_date(pdf, tmp_path) == "2022-01-01T00:00:00Z"


# 2. A PDF in LibreOffice's last-resort fonts is refused ---------------------------------------


def _hide_liberation(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, LibreOffice (started by vanthu with this environment) finds DejaVu only:
    FONTCONFIG_FILE names a configuration of DejaVu's folder and nothing else."""
    found = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    assert "DejaVu" in Path(found).name, found
    folder.mkdir()
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{escape(str(Path(found).parent))}</dir>"
        f"<cachedir>{escape(str(folder / 'cache'))}</cachedir></fontconfig>\n",
        "utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))


def _fonts_listed(pdf: Path) -> list[str]:
    """The faces pdffonts lists, their subset tags dropped."""
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]  # fmt: skip
    return sorted({re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in listing})


def _render_plan(
    cli: click.Group, folder: Path, monkeypatch: pytest.MonkeyPatch, *pdf: str
) -> Path:
    """The plan rendered into `folder` (ke-hoach.docx; with `pdf` "--pdf", ke-hoach.pdf)."""
    shutil.copytree(REPO / "inputs", folder / "inputs")
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, ["render", PLAN, "-o", "ke-hoach.docx", *pdf])
    assert result.exit_code == 0, result.output
    return folder / "ke-hoach.docx"


@needs_soffice
@pytest.mark.usefixtures("no_unoserver", "scratch")
def test_a_pdf_libreoffice_set_in_dejavu_is_refused_and_the_good_one_kept(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, libreoffice: str
) -> None:
    """LibreOffice without Liberation, itself: exit 0, a whole PDF (complete_pdf alone would
    take it), its text in DejaVu, whose font names read from the bytes are pdffonts' (its font
    dictionaries are uncompressed, with no object streams). vanthu refuses it, saying which
    fonts it found and what to install, exit 1, the good PDF left as it was."""
    docx = _render_plan(cli, tmp_path / "work", monkeypatch, "--pdf")
    good = docx.with_suffix(".pdf")
    assert _fonts_listed(good)[0].startswith("LiberationSerif")
    assert sorted(pdf_fonts(good.read_bytes())) == _fonts_listed(good)
    made = good.read_bytes()
    _hide_liberation(tmp_path / "fonts", monkeypatch)

    ran = subprocess.run(
        [libreoffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), str(docx)],
        capture_output=True, timeout=300,
    )  # fmt: skip
    degraded = tmp_path / "out" / "ke-hoach.pdf"
    assert ran.returncode == 0 and complete_pdf(degraded), ran.stdout
    data = degraded.read_bytes()
    assert b"/ObjStm" not in data
    assert sorted(pdf_fonts(data)) == _fonts_listed(degraded)
    assert all(face.startswith("DejaVu") for face in pdf_fonts(data)), pdf_fonts(data)

    result = CliRunner().invoke(cli, ["render", PLAN, "-o", "ke-hoach.docx", "--pdf"])
    assert result.exit_code == 1, result.output
    said = " ".join(result.stderr.split())
    assert ("Lỗi: ke-hoach.docx: không xuất được PDF (LibreOffice đặt chữ bằng phông DejaVu"
            in said), said  # fmt: skip
    assert "mà nó không tìm thấy: Times New Roman/Liberation Serif; phông trong PDF: DejaVu" in said
    assert "cài fonts-liberation2 rồi xuất lại" in said
    assert "Đã xuất PDF" not in result.output
    assert good.read_bytes() == made


@needs_soffice
@pytest.mark.usefixtures("pdf_build_ready")
def test_unoserver_refuses_a_pdf_in_dejavu_too(
    cli: click.Group, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx = _render_plan(cli, tmp_path / "work", monkeypatch)
    pdf = docx.with_suffix(".pdf")
    pdf.write_bytes(b"%PDF-1.7 the PDF already there\n%%EOF\n")
    _hide_liberation(tmp_path / "fonts", monkeypatch)
    with PdfConverter(scratch_parent=tmp_path) as converter:
        with pytest.raises(ConversionError) as failed:
            converter.convert(docx, pdf)
        assert converter.command_line is None  # unoserver's LibreOffice
    said = failed.value.message("en")
    assert said.startswith("ke-hoach.docx: PDF conversion failed (LibreOffice set the text in "
                           "DejaVu"), said  # fmt: skip
    assert "which it did not find: Times New Roman/Liberation Serif" in said
    assert "fonts in the PDF: DejaVu" in said and "install fonts-liberation2" in said
    assert pdf.read_bytes() == b"%PDF-1.7 the PDF already there\n%%EOF\n"
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["inputs", "ke-hoach.docx", pdf.name]


@pytest.mark.usefixtures("no_unoserver", "scratch")
def test_a_pdf_cut_short_is_refused_even_when_libreoffice_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: click.Group
) -> None:
    """A `soffice` that writes half a PDF and exits 0: no PDF, the reason said."""
    shutil.copytree(REPO / "inputs", tmp_path / "inputs")
    monkeypatch.chdir(tmp_path)
    failing_soffice(tmp_path, monkeypatch, 0, whole=False)
    result = CliRunner().invoke(cli, ["render", PLAN, "-o", "ke-hoach.docx", "--pdf"])
    assert result.exit_code == 1, result.output
    assert ("ke-hoach.docx: không xuất được PDF (LibreOffice ghi ra tệp PDF không trọn vẹn)"
            in " ".join(result.stderr.split()))  # fmt: skip
    assert not (tmp_path / "ke-hoach.pdf").exists()


# The rule itself, on PDFs' bytes: which faces are the document's.


def _docx(path: Path, fonts: list[str], table: tuple[str, ...] = ()) -> Path:
    """A .docx whose runs are set in `fonts`, its font table naming `table`."""
    runs = "".join(f'<w:rFonts w:ascii="{f}" w:hAnsi="{f}"/>' for f in fonts)
    named = "".join(f'<w:font w:name="{f}"/>' for f in table)
    ns = f'xmlns:w="{W}"'  # as Word writes every part
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml",
                         f"<w:document {ns}><w:body>{runs}</w:body></w:document>")
        archive.writestr("word/fontTable.xml", f"<w:fonts {ns}>{named}</w:fonts>")
    return path


def _pdf_of(path: Path, *faces: str) -> Path:
    """A whole PDF whose font dictionaries name `faces`, subset as LibreOffice does."""
    fonts = b"".join(b"<</Type/Font/Subtype/TrueType/BaseFont/BAAAAA+" + face.encode() + b">>\n"
                     for face in faces)  # fmt: skip
    path.write_bytes(b"%PDF-1.6\n" + fonts + b"trailer\n<<>>\n%%EOF\n")
    return path


@pytest.mark.parametrize(
    "fonts, faces, refused",
    [
        (["Times New Roman"], ["LiberationSerif", "LiberationSerif-Bold"], False),
        (["Times New Roman"], ["TimesNewRomanPS-BoldMT", "TimesNewRomanPSMT"], False),
        (["Times New Roman"], ["DejaVuSans"], True),
        (["Times New Roman"], ["LiberationSerif", "DejaVuSerif"], True),  # fonts-liberation 1.07
        (["DejaVu Sans"], ["DejaVuSans-Bold"], False),  # a document set in DejaVu: its own
        (["VNI-Times"], ["VNI-Times-Bold"], False),
        ([], ["LiberationSerif"], False),  # no font named: Word's default, Times New Roman
        (["Arial"], ["LiberationSerif"], True),
    ],
)  # fmt: skip
def test_which_faces_are_the_documents(
    tmp_path: Path, fonts: list[str], faces: list[str], refused: bool
) -> None:
    refusal = unfit_pdf(_pdf_of(tmp_path / "a.pdf", *faces), _docx(tmp_path / "a.docx", fonts))
    assert (refusal is not None) is refused
    if refusal is not None:
        assert refusal.key == "build.pdf_why_fonts"


def test_a_font_only_the_font_table_names_is_the_documents_too(tmp_path: Path) -> None:
    docx = _docx(tmp_path / "a.docx", ["Times New Roman"], ("Symbol", "Calibri"))
    assert unfit_pdf(_pdf_of(tmp_path / "a.pdf", "LiberationSerif", "OpenSymbol",
                             "Carlito-Bold"), docx) is None  # fmt: skip


def test_the_refusal_names_the_faces_and_what_is_missing(tmp_path: Path) -> None:
    docx = _docx(tmp_path / "a.docx", ["Times New Roman", "Calibri"])
    refusal = unfit_pdf(_pdf_of(tmp_path / "a.pdf", "DejaVuSans", "Carlito"), docx)
    assert refusal is not None
    assert refusal.message("en") == (
        "LibreOffice set the text in DejaVuSans instead of the document's fonts, which it did "
        "not find: Times New Roman/Liberation Serif; fonts in the PDF: Carlito, DejaVuSans; "
        "install fonts-liberation2 and convert again"
    )


def test_font_names_read_as_pdffonts_reads_them() -> None:
    pdf = (b"<</Type/FontDescriptor/FontName/BAAAAA+LiberationSerif>>"
           b"<</Type/Font/BaseFont /CAAAAA+Times#20New#20Roman>>")  # fmt: skip
    assert pdf_fonts(pdf) == ["LiberationSerif", "Times New Roman"]
