"""Characters Times New Roman has no glyph for (s56 F1): ℃ ✓ ★ ⇒ pass the text gate, but Word
prints them in another font and LibreOffice in DejaVu, so no PDF is made of them.

1. Which characters the font holds: a table shipped with vanthu (rules.font_coverage), made from
   Liberation Serif 2.x by tools/font_coverage.py, never read from the font files.
2. `check` (and every load) warns of each such character once a document, at the line and field
   of its first use, with its Unicode name and what to type instead.
3. The PDF's refusal names them and the face LibreOffice used, not a missing font, and LibreOffice
   is not restarted to try again (real LibreOffice: its command line, and unoserver in a build).
"""

from __future__ import annotations

import fnmatch
import shutil
import tomllib
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.api import load_document
from pipeline.batch import pdf as pdf_module
from pipeline.batch import pdf_soffice
from pipeline.batch.pdf_limits import unfit_pdf
from pipeline.ooxml_names import W
from pipeline.rules import font_coverage
from pipeline.rules.font_coverage import held, missing_glyphs, replacement
from tests.conftest import REPO
from tests.test_libreoffice_roundtrip import needs_soffice
from tests.test_pdf_s51 import _pdf_of

LETTER = "inputs/2024/cv-don-doc-bao-cao-tdkt.yaml"
PLAN = "inputs/2022/ke-hoach-tdkt.yaml"
# The characters the bug report found refused in a PDF, and those it found printed.
LACKING = "℃✓✔★⇒"
PRINTED = "■●□™©§‰≤∑√∞♦→≥№½€₫−•“–—°×±…ăâđêôơưạếỹĐƯỮ"


# 1. The table ----------------------------------------------------------------------------------


def test_the_table_holds_what_liberation_serif_prints() -> None:
    assert [char for char in LACKING if held(char)] == []
    assert [char for char in PRINTED if not held(char)] == []
    assert held("\t") and held("\n")  # laid out, no glyph
    assert missing_glyphs("Khi nhiệt độ trên 38℃; kết quả: Đạt ✓, ✓ và 40℃") == ["℃", "✓"]
    assert missing_glyphs("Nguyễn Văn An — 25°C") == []


def test_each_replacement_is_one_the_font_holds() -> None:
    for char, instead in font_coverage._REPLACEMENTS.items():
        assert not held(char) and all(held(c) for c in instead), char
    assert (replacement("℃"), replacement("Ⅳ"), replacement("✓")) == ("°C", "IV", "√")
    assert replacement("①") is None  # "1" would drop its circle
    assert replacement("😀") is None


def test_the_table_ships_in_the_wheel_and_no_font_file_is_read() -> None:
    """The table is package data of pipeline.rules (pyproject's globs), and the module names no
    font folder: a machine without the font answers alike."""
    table = Path(font_coverage.__file__).parent / font_coverage.COVERAGE_FILE
    assert table.is_file()
    globs = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["pipeline.rules"]
    assert any(fnmatch.fnmatch(font_coverage.COVERAGE_FILE, glob) for glob in globs)
    source = Path(font_coverage.__file__).read_text("utf-8")
    assert "/usr/share/fonts" not in source and "fc-" not in source


# 2. The warning at check -----------------------------------------------------------------------


def _letter_with_symbols(folder: Path) -> Path:
    """The example letter, copied to `folder`, with ✓ at line 20 (noi_dung[3].gach[1]) and
    ℃ and ✓ again in ket_thuc (line 22)."""
    path = folder / LETTER
    text = path.read_text("utf-8")
    text = text.replace(
        "theo đề cương đã gửi kèm Kế hoạch;", "theo đề cương đã gửi kèm Kế hoạch ✓;"
    )
    text = text.replace("năm 2024 để tổng hợp", "năm 2024 để tổng hợp (phòng họp dưới 38℃) ✓")
    path.write_text(text, "utf-8")
    return path


def test_check_warns_of_each_character_once_at_its_line_and_field(
    cli: click.Group, example_here: Path
) -> None:
    _letter_with_symbols(example_here)
    result = CliRunner().invoke(cli, ["check", LETTER])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert (
        f"Cảnh báo: {LETTER}: dòng 20, trường 'noi_dung[3].gach[1]': ký tự '✓' (CHECK MARK, "
        "U+2713) không có trong phông Times New Roman: Word in nó bằng phông khác, còn vanthu "
        "không xuất được PDF của văn bản khi có nó; hãy viết «√» thay cho «✓»"
    ) in said, said
    assert (f"Cảnh báo: {LETTER}: dòng 22, trường 'ket_thuc': ký tự '℃' (DEGREE CELSIUS, "
            "U+2103) không có trong phông Times New Roman") in said  # fmt: skip
    assert "hãy viết «°C» thay cho «℃»" in said
    assert said.count("'✓' (CHECK MARK") == 1 and said.count("'℃' (DEGREE") == 1


def test_check_warns_in_english_too(cli: click.Group, example_here: Path) -> None:
    _letter_with_symbols(example_here)
    result = CliRunner().invoke(cli, ["--lang", "en", "check", LETTER])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert (f"Warning: {LETTER}: line 22, field 'ket_thuc': the character '℃' (DEGREE CELSIUS, "
            "U+2103) is not in the Times New Roman font: Word prints it in another font, and "
            "vanthu cannot make the document's PDF while it is there; write «°C» instead of «℃»"
            ) in said, said  # fmt: skip


def test_the_load_gives_the_warning_to_render_and_build(example_here: Path) -> None:
    path = _letter_with_symbols(example_here)
    document = load_document(path)
    found = [(w.key, w.line, w.field, w.params["char"]) for w in document.warnings
             if w.key == "data.glyph_missing"]  # fmt: skip
    assert found == [
        ("data.glyph_missing", 20, "noi_dung[3].gach[1]", "'✓' (CHECK MARK, U+2713)"),
        ("data.glyph_missing", 22, "ket_thuc", "'℃' (DEGREE CELSIUS, U+2103)"),
    ]


# 3. The PDF's refusal --------------------------------------------------------------------------


def _docx(path: Path, text: str) -> Path:
    """A .docx in Times New Roman whose one run says `text`."""
    ns = f'xmlns:w="{W}"'
    body = (f'<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
            f"</w:rPr><w:t>{text}</w:t></w:r></w:p>")  # fmt: skip
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>"
        )
    return path


def test_the_refusal_names_the_characters_not_a_missing_font(tmp_path: Path) -> None:
    """Liberation Serif there and DejaVu beside it: the text's ℃ and ✓ are why. Without such
    characters, or without Liberation Serif at all, a font is missing, said as before."""
    pdf = _pdf_of(tmp_path / "a.pdf", "LiberationSerif", "LiberationSerif-Bold", "DejaVuSans")
    refusal = unfit_pdf(pdf, _docx(tmp_path / "a.docx", "Trên 38℃: Đạt ✓"))
    assert refusal is not None and refusal.key == "build.pdf_why_glyphs"
    assert refusal.message("en") == (
        "the Times New Roman font (Liberation Serif) lacks these characters of the document: "
        "'℃' (DEGREE CELSIUS, U+2103), '✓' (CHECK MARK, U+2713); LibreOffice set them in "
        "DejaVuSans; replace them (℃ → °C, ✓ → √) in the data (vanthu check names their lines) "
        "and convert again"
    )
    plain = unfit_pdf(pdf, _docx(tmp_path / "b.docx", "Trên 38°C"))
    assert plain is not None and plain.key == "build.pdf_why_fonts"
    no_liberation = unfit_pdf(_pdf_of(tmp_path / "c.pdf", "DejaVuSans"), tmp_path / "a.docx")
    assert no_liberation is not None and no_liberation.key == "build.pdf_why_fonts"


@needs_soffice
@pytest.mark.usefixtures("no_unoserver", "scratch")
def test_libreoffices_command_line_refuses_once_naming_the_characters(
    cli: click.Group, example_here: Path
) -> None:
    """Real LibreOffice sets ℃ and ✓ in DejaVu: the PDF is refused, naming them, after one run
    (before: "install fonts-liberation2", and a second run "after restarting LibreOffice")."""
    _letter_with_symbols(example_here)
    runs = pdf_soffice.soffice_runs()
    result = CliRunner().invoke(cli, ["render", LETTER, "-o", "cv.docx", "--pdf"])
    assert result.exit_code == 1, result.output
    said = " ".join(result.stderr.split())
    assert ("Lỗi: cv.docx: không xuất được PDF (phông Times New Roman (Liberation Serif) không có "
            "các ký tự sau của văn bản: '✓' (CHECK MARK, U+2713), '℃' (DEGREE CELSIUS, U+2103); "
            "LibreOffice đã đặt chúng bằng phông DejaVu") in said, said  # fmt: skip
    assert "hãy thay chúng (✓ → √, ℃ → °C) trong dữ liệu" in said
    assert "fonts-liberation2" not in said and "khởi động lại" not in said
    assert pdf_soffice.soffice_runs() == runs + 1
    assert not (example_here / "cv.pdf").exists()


@needs_soffice
@pytest.mark.usefixtures("pdf_build_ready")
def test_a_build_refuses_that_pdf_without_a_restart_and_makes_the_others(
    cli: click.Group, tmp_path: Path
) -> None:
    """unoserver's LibreOffice, in a build of the plan and the letter with ℃ and ✓: the letter's
    PDF refused naming them, the plan's made, one LibreOffice started for both."""
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    for name in (PLAN, LETTER):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, tmp_path / name)
    _letter_with_symbols(tmp_path)
    out = tmp_path / "out"
    starts = pdf_module.server_starts()
    result = CliRunner().invoke(cli, ["--lang", "en", "build", str(tmp_path / "inputs"), "-o",
                                      str(out), "--pdf"])  # fmt: skip
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert (
        "cv-don-doc-bao-cao-tdkt.docx: PDF conversion failed (the Times New Roman font "
        "(Liberation Serif) lacks these characters of the document: '✓' (CHECK MARK, "
        "U+2713), '℃' (DEGREE CELSIUS, U+2103); LibreOffice set them in DejaVu"
    ) in said, said
    assert "also when retried" not in said and "fonts-liberation2" not in said
    assert pdf_module.server_starts() == starts + 1
    assert (out / "2022" / "ke-hoach-tdkt.pdf").read_bytes().startswith(b"%PDF")
    assert not (out / "2024" / "cv-don-doc-bao-cao-tdkt.pdf").exists()
