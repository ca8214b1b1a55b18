"""The register's polish of round r6a: the sổ's 'Tên loại và trích yếu' continues the kind's name
in lower case (F5), Click's "[required]" in Vietnamese help (F6), a ký hiệu naming another office
and `so huy` of last year's number (F8), and a year before the office numbered with vanthu (F7)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.help_language import normal, translated
from pipeline.register import Details, open_register
from pipeline.register.documents import named_summary
from pipeline.register.location import data_file_exists
from pipeline.register.model import Origin
from pipeline.register.xlsx_export import export_xlsx
from tests.test_help_language import IDS, PATHS
from tests.test_register_order import office  # noqa: F401

THIS = date.today().year
LAST = THIS - 1
OFFICE = "van-phong-ubnd-tinh-son-la"  # the office `vanthu init --kieu van-phong` makes


def vanthu(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def plan(root: Path, name: str, day: str, number: str = "tu_dong",
         subject: str | None = None) -> Path:
    """The starter Kế hoạch as `name` in its year's folder, dated `day` (dd/mm/yyyy), so:
    `number`, the starter's year in its text made the document's."""
    year = day[-4:]
    text = (root / f"inputs/{THIS}/ke-hoach.yaml").read_text("utf-8").replace(str(THIS), year)
    text = re.sub(r"^so:.*$", f"so: {number}", text, count=1, flags=re.M)
    text = re.sub(r"^ngay:.*$", f"ngay: {day}", text, count=1, flags=re.M)
    if subject is not None:
        text = re.sub(r"^trich_yeu:.*\n  .*$", f"trich_yeu: {subject}", text, count=1,
                      flags=re.M)
    folder = root / "inputs" / year
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


# -- F5: Tên loại và trích yếu -------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "subject", "row"), [
    ("Báo cáo", "Tổng kết công tác thi đua, khen thưởng năm 2023",
     "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2023"),
    ("Quyết định", "Về việc  khen thưởng", "Quyết định về việc khen thưởng"),
    ("Kế hoạch", "Triển khai công tác năm 2026", "Kế hoạch triển khai công tác năm 2026"),
    ("Công văn", "Đề nghị cử cán bộ", "Công văn đề nghị cử cán bộ"),
    ("Công văn", "Công văn Đề nghị cử cán bộ", "Công văn đề nghị cử cán bộ"),
    # Names keep their capital: abbreviations and words in capitals, an organ's name, a name
    # of several capitalised words, a quoted title.
    ("Báo cáo", "UBND huyện về công tác năm 2023", "Báo cáo UBND huyện về công tác năm 2023"),
    ("Tờ trình", "HĐND huyện khóa XX", "Tờ trình HĐND huyện khóa XX"),
    ("Báo cáo", "COVID-19 năm 2021", "Báo cáo COVID-19 năm 2021"),
    ("Báo cáo", "Ủy ban nhân dân huyện Mai Sơn năm 2023",
     "Báo cáo Ủy ban nhân dân huyện Mai Sơn năm 2023"),
    ("Kế hoạch", "Sở Tư pháp năm 2026", "Kế hoạch Sở Tư pháp năm 2026"),
    ("Kế hoạch", "Hà Nội mở rộng", "Kế hoạch Hà Nội mở rộng"),
    ("Kế hoạch", "“Tháng hành động vì trẻ em” năm 2026",
     "Kế hoạch “Tháng hành động vì trẻ em” năm 2026"),
    ("Kế hoạch", "tổ chức hội nghị", "Kế hoạch tổ chức hội nghị"),
    # A word that never begins a name, before the name of an event (r13b F7).
    ("Giấy mời", "Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2026",
     "Giấy mời dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2026"),
    ("Công văn", "Về Hội nghị tổng kết", "Công văn về Hội nghị tổng kết"),
])
def test_the_rows_trich_yeu_continues_the_kinds_name(kind: str, subject: str, row: str) -> None:
    assert named_summary(kind, subject) == row


def test_the_printed_register_reads_the_trich_yeu_in_lower_case(
    office: Path,  # noqa: F811
) -> None:
    plan(office, "ke-hoach.yaml", f"05/01/{THIS}")
    assert vanthu("build").exit_code == 0
    row = f"Kế hoạch triển khai công tác thi đua, khen thưởng năm {THIS}"
    assert vanthu("so", "xuat", str(THIS), "-o", "so.docx").exit_code == 0
    cells = {c.text for t in Document("so.docx").tables for r in t.rows for c in r.cells}
    assert row in cells
    assert vanthu("so", "xuat", str(THIS), "-o", "so.xlsx").exit_code == 0
    sheet = load_workbook("so.xlsx").active
    assert sheet is not None
    assert row in {c.value for r in sheet.iter_rows() for c in r}


def test_a_row_written_in_the_old_case_is_still_its_documents(tmp_path: Path) -> None:
    """A row from before the trích yếu was lower-cased ('Kế hoạch Triển khai ...') is the same
    document's: a renamed data file keeps its number."""
    location = tmp_path / "so.sqlite3"
    old = Details(doc_date=date(THIS, 1, 5), symbol="KH-VPUBND",
                  summary="Kế hoạch Triển khai công tác")
    with open_register(location) as register:
        register.confirm(register.allocate("vp", old, source="inputs/a.yaml"))
    now = Details(doc_date=date(THIS, 1, 5), symbol="KH-VPUBND",
                  summary="Kế hoạch triển khai công tác")
    with open_register(location, source_exists=data_file_exists(tmp_path)) as register:
        adopted = register.allocate("vp", now, source="inputs/b.yaml")
    assert (adopted.number, adopted.fresh) == (1, False)


# -- F6: Click's words in Vietnamese help ----------------------------------------------------------


# Click's "[...]" after an option's help, with a word of its own in either language.
CLICKS_ENGLISH = re.compile(r"\[[^\]]*\b(?:required|default:|env var:)")
CLICKS_VIETNAMESE = re.compile(r"\[[^\]]*(?:bắt buộc|mặc định:|biến môi trường:)")


def _help(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], prog_name="vanthu")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_vietnamese_help_has_no_english_extras(path: list[str]) -> None:
    assert not CLICKS_ENGLISH.search(normal(_help("--lang", "vi", *path)))
    assert not CLICKS_VIETNAMESE.search(normal(_help("--lang", "en", *path)))


def test_required_options_say_so_in_each_language() -> None:
    assert "Lý do hủy số.  [bắt buộc]" in _help("--lang", "vi", "so", "huy")
    assert "Why the number is cancelled.  [required]" in _help("--lang", "en", "so", "huy")
    assert "Tệp .xlsx hoặc .docx.  [bắt buộc]" in _help("--lang", "vi", "so", "xuat")
    assert "[required]" in _help("--lang", "en", "so", "xuat")
    # A range says itself in either language.
    assert "Số lượng bản.  [x>=1]" in _help("--lang", "vi", "so", "cap")


def test_clicks_extras_word_by_word() -> None:
    assert translated("Lý do hủy số.  [default: 1; required]", "vi") == (
        "Lý do hủy số.  [mặc định: 1; bắt buộc]")
    assert translated("[required]", "vi") == "[bắt buộc]"
    assert translated("[env var: VANTHU_DB]", "vi") == "[biến môi trường: VANTHU_DB]"
    assert translated("Lý do hủy số.  [x>=1]", "vi") is None  # nothing of Click's to say
    assert translated("Lý do hủy số.  [required]", "en") == (
        "Why the number is cancelled.  [required]")


# -- F8: a ký hiệu naming another office; so huy of last year's number ----------------------------


def test_a_symbol_naming_another_office_is_given_with_a_warning(
    office: Path,  # noqa: F811
) -> None:
    result = vanthu("so", "cap", "--ngay", f"02/01/{THIS}", "--ky-hieu", "QĐ-VPUBDN",
                    "--trich-yeu", "Quyết định thử")
    assert result.exit_code == 0
    assert "Đã cấp số 01/QĐ-VPUBDN" in result.stdout
    assert ("Cảnh báo: ký hiệu QĐ-VPUBDN ghi 'VPUBDN' ở chỗ tên cơ quan, khác chữ viết tắt của "
            f"cơ quan {OFFICE} trong hồ sơ cơ quan (VPUBND); có phải là QĐ-VPUBND?"
            ) in result.stderr
    english = vanthu("--lang", "en", "so", "vao-so", "05", "--bo-qua-so", "--ngay",
                     f"03/01/{THIS}", "--ky-hieu", "VPUBDN-TH", "--trich-yeu", "V/v thử")
    assert english.exit_code == 0
    assert "did you mean VPUBND-TH?" in english.stderr
    right = vanthu("so", "cap", "--ngay", f"04/01/{THIS}", "--ky-hieu", "QĐ-VPUBND",
                   "--trich-yeu", "Quyết định thử")
    assert right.exit_code == 0 and "Cảnh báo" not in right.stderr


def test_voiding_last_years_number_without_nam_names_the_year(
    office: Path,  # noqa: F811
) -> None:
    for day in (1, 2):
        assert vanthu("so", "cap", "--ngay", f"1{day}/12/{LAST}", "--ky-hieu", "KH-VPUBND",
                      "--trich-yeu", "Kế hoạch thử").exit_code == 0
    result = vanthu("so", "huy", "02", "--ly-do", "ghi nhầm")
    assert result.exit_code == 1
    assert f"số 2 năm {THIS}" in result.stderr
    assert f"để hủy số của năm {LAST}, thêm --nam {LAST}" in result.stderr
    # A number last year did not give either: no year to suggest.
    result = vanthu("so", "huy", "03", "--ly-do", "ghi nhầm")
    assert result.exit_code == 1 and "--nam" not in result.stderr
    assert vanthu("so", "huy", "02", "--nam", str(LAST), "--ly-do", "ghi nhầm").exit_code == 0


# -- F7: a year before the office numbered with vanthu --------------------------------------------


def test_a_year_before_vanthu_is_not_a_failing_register(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", f"05/01/{THIS}")
    plan(office, "ke-hoach-nam-truoc.yaml", f"20/12/{LAST}", number="230")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert "vào sổ hoặc hủy" not in result.stderr
    assert (f"số 230/KH-VPUBND ghi tay trong dữ liệu đã vào sổ năm {LAST}, năm trước khi cơ quan "
            "cấp số bằng vanthu; các số 01–229") in result.stderr
    assert f"vanthu so nhap TỆP.xlsx --nam {LAST}" in result.stderr
    result = vanthu("so", "kiem-tra", str(LAST))
    assert result.exit_code == 0, result.output
    assert "thiếu số" not in result.output
    assert (f"năm {LAST} là trước khi cơ quan cấp số bằng vanthu (từ năm {THIS}), sổ của vanthu "
            "chỉ có 1 số ghi tay trong dữ liệu văn bản (230/KH-VPUBND); các số 01–229 thuộc sổ "
            "cũ") in result.stderr
    assert f"vanthu so nhap TỆP.xlsx --nam {LAST}" in result.stderr
    english = vanthu("--lang", "en", "so", "kiem-tra", str(LAST))
    assert english.exit_code == 0
    assert "numbers 01–229 belong to the old register" in english.stderr


def test_a_year_vanthu_numbers_keeps_its_gaps_failures(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", f"05/01/{THIS}")
    plan(office, "ke-hoach-05.yaml", f"06/01/{THIS}", number="05")
    # r9b F1: 05 typed ahead of a so: tu_dong document dated before it is taken only when
    # confirmed.
    assert vanthu("build", "--bo-qua-so").exit_code == 0
    result = vanthu("so", "kiem-tra", str(THIS))
    assert result.exit_code == 1 and "thiếu số 01–04" in result.stderr
    assert "trước khi cơ quan" not in result.stderr


def test_a_year_kept_by_hand_keeps_its_gaps_failures(office: Path) -> None:  # noqa: F811
    """Numbers a clerk entered in last year's sổ (vao-so) are a sổ kept in vanthu."""
    plan(office, "ke-hoach.yaml", f"05/01/{THIS}")
    assert vanthu("build").exit_code == 0
    assert vanthu("so", "vao-so", "07", "--bo-qua-so", "--ngay", f"20/12/{LAST}", "--ky-hieu",
                  "KH-VPUBND", "--trich-yeu", "Kế hoạch thử").exit_code == 0
    result = vanthu("so", "kiem-tra", str(LAST))
    assert result.exit_code == 1 and "thiếu số 01–06" in result.stderr


def test_importing_the_old_register_fills_the_year_in(
    office: Path, tmp_path: Path,  # noqa: F811
) -> None:
    """The old sổ holds the number the data typed too: one document, the import goes through."""
    plan(office, "ke-hoach.yaml", f"05/01/{THIS}")
    plan(office, "ke-hoach-nam-truoc.yaml", f"20/12/{LAST}", number="03")
    assert vanthu("build").exit_code == 0
    assert vanthu("so", "kiem-tra", str(LAST)).exit_code == 0
    old_book = tmp_path / "so-cu.xlsx"
    with open_register(tmp_path / "so-cu.sqlite3") as old:
        for number in (1, 2, 3):
            old.record(OFFICE, number, Details(doc_date=date(LAST, 12, 10 + number),
                                               symbol="KH-VPUBND", summary=f"Kế hoạch {number}"))
        export_xlsx(old.entries(LAST), LAST, old_book)
    result = vanthu("so", "nhap", str(old_book), "--nam", str(LAST))
    assert result.exit_code == 0, result.output
    result = vanthu("so", "kiem-tra", str(LAST))
    assert result.exit_code == 0 and "không thiếu số, không trùng số" in result.output
    with open_register(root=office) as register:
        typed = register.entry(OFFICE, LAST, 3)
    assert typed is not None and typed.origin is Origin.TYPED
    assert typed.source == f"inputs/{LAST}/ke-hoach-nam-truoc.yaml"
