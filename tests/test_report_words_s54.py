"""The yearly report's change words as phrases, and four leftovers of session 54's fixes.

1: the report's "Tăng, giảm" cells and {{ tong.tang_giam }} printed "tăng 50%", "giảm …", "không
   đổi", "mới" fixed in the code; they are câu chữ now (bao_cao_tang, bao_cao_giam,
   bao_cao_khong_doi, bao_cao_moi, with {{ ty_le }} and {{ chenh_lech }}), today's words the
   default, an office's or the report's own printed, an unknown field refused at its line.
2: a danh hiệu given to one of two namesakes a list tells apart by their chức vụ, and to the same
   person by another decision of the year, was not refused as given twice; it is, the person
   being who the year's figures count (YearNamesakes).
3: a list on several sheets (or on another sheet than the one read) was refused at the list's
   file by `render`, `check` alone naming the decision; both say it at the decision's
   khen_thuong.danh_sach line, where its trang_tinh is to be written.
4: a Giấy khen's unit too long, in a workbook named .csv, named no sheet (".csv means no sheet"
   by the name); the file's kind is told by its first bytes, as its reader tells it.
5: a unit given by a group heading typed in capitals was named "ô 3" (the row has no Đơn vị
   cell); the heading's row and cell are named.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result
from docx import Document

from pipeline.api import Renderer
from pipeline.cli import main
from pipeline.context.giay_khen import ListPlace
from pipeline.errors import InputError
from pipeline.figures import change
from pipeline.model.quyet_dinh import SheetRef
from pipeline.rules.phrases import Phrases
from tests.new_office import new_office
from tests.test_certificate_unit_fit_r11 import TOO_LONG_UNIT, rows_with
from tests.test_giay_khen import CERTIFICATE, LIST, workspace
from tests.test_list_layouts_s54 import LDTT, NO_UNIT, WITH_UNIT, awards, workbook
from tests.test_report_copies import MANH, second_title_decision
from tests.test_sheets_s54 import YEAR, decision_reading, form_then_list, two_years
from tests.typed_docs import TEMPLATES

REPORT = Path("2022") / "bao-cao-tong-ket.yaml"


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "vi", *args])


def said(result: Result) -> str:
    assert "Traceback" not in result.output
    return " ".join(result.output.split())


# --- 1: the change words are câu chữ ------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "before", "words"),
    [(3, 2, "tăng 50%"), (2, 4, "giảm 50%"), (17, 16, "tăng 6,3%"), (2, 2, "không đổi"),
     (0, 0, "không đổi"), (2, 0, "mới"), (2, None, "")],
)  # fmt: skip
def test_today_s_words_are_the_default(now: int, before: int | None, words: str) -> None:
    assert change(now, before) == words


OWN_WORDS = {
    "bao_cao_tang": "tăng {{ chenh_lech }} ({{ ty_le }}%)",
    "bao_cao_giam": "giảm {{ chenh_lech }} ({{ ty_le }}%)",
    "bao_cao_khong_doi": "bằng năm trước",
    "bao_cao_moi": "mới có {{ chenh_lech }}",
}


@pytest.mark.parametrize(
    ("now", "before", "words"),
    [(3, 2, "tăng 1 (50%)"), (2, 4, "giảm 2 (50%)"), (1_200, 1_000, "tăng 200 (20%)"),
     (2, 2, "bằng năm trước"), (2, 0, "mới có 2")],
)  # fmt: skip
def test_an_office_s_words_are_filled_with_the_per_cent_and_the_difference(
    now: int, before: int, words: str
) -> None:
    phrases = Phrases.layered(OWN_WORDS, common={})
    assert change(now, before, phrases.write) == words


def own_words_yaml(words: dict[str, str]) -> str:
    return "cau_chu:\n" + "".join(f'  {key}: "{text}"\n' for key, text in words.items())


def test_the_report_prints_its_own_words_in_its_table_and_its_text(
    inputs_copy: Path, tmp_path: Path, renderer: Renderer
) -> None:
    report = inputs_copy / REPORT
    report.write_text(report.read_text("utf-8") + own_words_yaml(OWN_WORDS), "utf-8")
    out = tmp_path / "bc.docx"
    renderer.render_file(report, out)
    document = Document(str(out))
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows[1:]]
    assert rows, "no awards table"
    for row in rows:
        now, before = int(row[2]) + int(row[3]), int(row[5])
        assert row[6].startswith(("tăng ", "giảm ", "bằng năm trước", "mới có ")), row
        assert "%" not in row[6] or f" {abs(now - before)} (" in row[6], row
    assert ["5", "Giấy khen", "8", "2", "5.400.000", "0", "mới có 10"] in rows
    assert rows[-1][5:] == ["37", "tăng 33 (89,2%)"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "(70 lượt khen thưởng, tăng 33 (89,2%) so với năm 2021)" in text, text


def test_the_office_s_words_are_printed_when_the_report_has_none(
    inputs_copy: Path, tmp_path: Path, renderer: Renderer
) -> None:
    profile = inputs_copy / "co-quan" / "van-phong-ubnd-son-la.yaml"
    profile.write_text(profile.read_text("utf-8") + own_words_yaml(
        {"bao_cao_tang": "tăng {{ ty_le }} phần trăm"}), "utf-8")  # fmt: skip
    out = tmp_path / "bc.docx"
    renderer.render_file(inputs_copy / REPORT, out)
    document = Document(str(out))
    assert document.tables[1].rows[-1].cells[6].text == "tăng 89,2 phần trăm"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "lượt khen thưởng, tăng 89,2 phần trăm so với năm 2021)" in text, text


@pytest.mark.parametrize(
    ("key", "text", "unknown"),
    [("bao_cao_tang", "tăng {{ phan_tram }}%", "phan_tram"),
     ("bao_cao_moi", "mới, tăng {{ ty_le }}%", "ty_le")],
)  # fmt: skip
def test_an_unknown_field_is_refused_at_its_line(
    inputs_copy: Path, key: str, text: str, unknown: str
) -> None:
    report = inputs_copy / REPORT
    typed = report.read_text("utf-8") + own_words_yaml({key: text})
    report.write_text(typed, "utf-8")
    line = typed.splitlines().index(f'  {key}: "{text}"') + 1
    result = vanthu("check", str(report))
    assert result.exit_code == 1
    out = said(result)
    assert f"dòng {line}, trường 'cau_chu.{key}'" in out, out
    assert unknown in out, out


def test_the_change_phrases_are_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    for key in ("bao_cao_tang", "bao_cao_giam", "bao_cao_khong_doi", "bao_cao_moi",
                "{{ ty_le }}", "{{ chenh_lech }}"):  # fmt: skip
        assert f"`{key}`" in readme, key


# --- 2: a title given twice to one of two namesakes told apart ----------------------------------

# Lò Văn Mạnh, Phó Chánh Văn phòng, has Lao động tiên tiến in the 2022 decision (row 4 of its
# list); the supplementary decision names him and a namesake of his unit told apart by chức vụ.
NAMESAKE = "Lò Văn Mạnh,{position},Văn phòng UBND tỉnh Sơn La,{{award}},Cá nhân,\n"


def test_a_title_given_again_to_one_of_namesakes_told_apart_is_refused(
    inputs_copy: Path,
) -> None:
    second_title_decision(inputs_copy, "Lao động tiên tiến",
                          row=MANH + NAMESAKE.format(position="Chuyên viên"))  # fmt: skip
    result = vanthu("check", str(inputs_copy / REPORT))
    out = said(result)
    assert result.exit_code == 1, out
    assert (
        "Lò Văn Mạnh được công nhận danh hiệu 'Lao động tiên tiến' năm 2022 hai lần: " in out
        and "2022/qd-bo-sung.yaml (dòng 2 của danh sách) và " in out
        and "2022/qd-lao-dong-tien-tien.yaml (dòng 4);" in out
    ), out


def test_the_other_namesake_s_title_is_no_repeat(inputs_copy: Path) -> None:
    """Neither namesake told apart is the Phó Chánh Văn phòng of the 2022 decision: three
    people of one name, each given the title once."""
    rows = NAMESAKE.format(position="Chuyên viên") + NAMESAKE.format(position="Kế toán")
    second_title_decision(inputs_copy, "Lao động tiên tiến", row=rows)
    result = vanthu("check", str(inputs_copy / REPORT))
    assert result.exit_code == 0, said(result)


# --- 3: a list's sheet to name, said at the decision's danh_sach line ---------------------------


@pytest.mark.parametrize("command", ["render", "check"])
@pytest.mark.parametrize(
    ("make", "words"),
    [(two_years, "tệp có danh sách trên 2 trang tính ('2024', '2025')"),
     (form_then_list, "trang tính 'Mẫu': danh sách trống: dưới dòng tiêu đề (dòng 1)")],
    ids=["several-lists", "rows-on-other-sheet"],
)  # fmt: skip
def test_a_sheet_to_name_is_said_at_the_danh_sach_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str,
    make: Callable[[Path], Path], words: str,
) -> None:  # fmt: skip
    new_office(tmp_path, monkeypatch)
    make(YEAR / "ds.xlsx")
    path = decision_reading("ds.xlsx", None)
    line = path.read_text("utf-8").splitlines().index("  danh_sach: ds.xlsx") + 1
    result = vanthu(command, str(path))
    assert result.exit_code == 1
    out = said(result)
    place = f"Lỗi: inputs/2026/qd.yaml, dòng {line}, trường 'khen_thuong.danh_sach': "
    assert out.startswith(f"{place}inputs/2026/ds.xlsx"), out
    assert words in out and 'trang_tinh: "2025"' in out, out
    assert "qd.yaml: inputs/2026/qd.yaml" not in out, out  # check names the decision once


def test_the_english_message_is_said_there_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_office(tmp_path, monkeypatch)
    two_years(YEAR / "ds.xlsx")
    path = decision_reading("ds.xlsx", None)
    result = CliRunner().invoke(main, ["--lang", "en", "render", str(path)])
    out = said(result)
    assert "inputs/2026/qd.yaml, line " in out and "field 'khen_thuong.danh_sach': " in out, out
    assert "inputs/2026/ds.xlsx: the file holds a list on 2 sheets" in out, out


# --- 4: a workbook named .csv has its sheet -----------------------------------------------------


def workbook_named_csv(path: Path, rows: list[dict[str, str]], sheet: str) -> Path:
    """`rows` (the header first) saved as an .xlsx under `path` (named .csv), on `sheet`."""
    book = openpyxl.Workbook()
    book.active.title = sheet
    book.active.append(list(rows[0]))
    for row in rows:
        book.active.append(list(row.values()))
    book.save(str(path))
    return path


def test_a_workbook_named_csv_has_the_sheet_it_was_read_from(tmp_path: Path) -> None:
    listed = workbook_named_csv(tmp_path / "ds.csv", rows_with("Phòng Tổng hợp"), "Khen thưởng")
    assert ListPlace(listed, SheetRef(danh_sach="ds.csv")).sheet() == "Khen thưởng"
    assert ListPlace(listed, SheetRef(danh_sach="ds.csv", trang_tinh="Khác")).sheet() == "Khác"


def test_a_real_csv_has_none(tmp_path: Path) -> None:
    listed = tmp_path / "ds.csv"
    listed.write_text("Họ và tên,Danh hiệu\nNguyễn Văn An,Lao động tiên tiến\n", "utf-8")
    assert ListPlace(listed, SheetRef(danh_sach="ds.csv")).sheet() is None


def test_a_unit_too_long_in_a_workbook_named_csv_names_its_sheet(tmp_path: Path) -> None:
    rows = rows_with(TOO_LONG_UNIT)
    source = workspace(tmp_path, rows, CERTIFICATE)
    workbook_named_csv(source.parent / LIST.name, rows, "Khen thưởng")
    with pytest.raises(InputError) as caught:
        Renderer(TEMPLATES).render_file(source, tmp_path / "x.docx")
    error = caught.value
    assert error.key == "data.unit_too_long"
    assert (Path(error.file or "").name, error.sheet, error.row) == (
        LIST.name, "Khen thưởng", len(rows) + 1)  # fmt: skip
    assert f"trang tính 'Khen thưởng', dòng {len(rows) + 1}" in error.message("vi")


# --- 5: capitals in a unit a group heading gives ------------------------------------------------


def capitals(path: Path) -> InputError:
    [warning] = [w for w in awards(path).warnings if w.key == "sheet.capitals_kept"]
    assert isinstance(warning, InputError)
    return warning


def test_capitals_in_a_unit_heading_name_the_heading_s_cell(tmp_path: Path) -> None:
    rows = [
        NO_UNIT,
        ["I", "PHÒNG TỔNG HỢP"],
        [1, "Nguyễn Văn An", "Chuyên viên", LDTT],
        [2, "Trần Thị Bình", "Kế toán viên", LDTT],
    ]
    warning = capitals(workbook(tmp_path, rows))
    assert (warning.params["rows"], warning.params["cells"]) == ("2", "B2")
    assert "ở dòng 2 (ô B2; ví dụ «PHÒNG TỔNG HỢP»)" in warning.message("vi")


@pytest.mark.parametrize(
    ("heading", "merge", "cell"),
    [(["I. PHÒNG TỔNG HỢP:"], (), "A2"), ([None, "PHÒNG TỔNG HỢP"], ("B2:D2",), "B2")],
)
def test_a_heading_typed_otherwise_is_named_at_its_own_cell(
    tmp_path: Path, heading: list[object], merge: tuple[str, ...], cell: str
) -> None:
    rows = [NO_UNIT, heading, [1, "Nguyễn Văn An", "Chuyên viên", LDTT]]
    assert capitals(workbook(tmp_path, rows, merge)).params["cells"] == cell


def test_a_chuc_vu_in_capitals_beside_it_keeps_its_own_cell(tmp_path: Path) -> None:
    rows = [
        NO_UNIT,
        ["I", "PHÒNG TỔNG HỢP"],
        [1, "Nguyễn Văn An", "TRƯỞNG PHÒNG", LDTT],
        [2, "Trần Thị Bình", "Kế toán viên", LDTT],
    ]
    warning = capitals(workbook(tmp_path, rows))
    assert (warning.params["rows"], warning.params["cells"]) == ("2, 3", "C3, B2")


def test_a_unit_column_in_capitals_is_named_as_before(tmp_path: Path) -> None:
    rows = [WITH_UNIT, [1, "Nguyễn Văn An", "Chuyên viên", "PHÒNG TỔNG HỢP", LDTT]]
    warning = capitals(workbook(tmp_path, rows))
    assert (warning.params["rows"], warning.params["cells"]) == ("2", "D2")


def test_a_council_s_member_list_on_two_sheets_is_said_at_its_danh_sach_line(
    inputs_copy: Path,
) -> None:
    folder = inputs_copy / "2022"
    members = [["Họ và tên", "Chức vụ", "Vai trò"],
               ["Nguyễn Huy Anh", "Chánh Văn phòng", "Chủ tịch Hội đồng"]]  # fmt: skip
    book = openpyxl.Workbook()
    book.active.title = "2021"
    for row in members:
        book.active.append(row)
    book.create_sheet("2022")
    for row in members:
        book["2022"].append(row)
    book.save(str(folder / "hoi-dong.xlsx"))
    decision = folder / "qd-thanh-lap-hoi-dong.yaml"
    text = decision.read_text("utf-8").replace("hoi-dong-tdkt-2022.csv", "hoi-dong.xlsx")
    decision.write_text(text, "utf-8")
    line = text.splitlines().index("  danh_sach: hoi-dong.xlsx") + 1
    result = vanthu("render", str(decision))
    assert result.exit_code == 1
    out = said(result)
    assert f"qd-thanh-lap-hoi-dong.yaml, dòng {line}, trường 'hoi_dong.danh_sach': " in out, out
    assert "hoi-dong.xlsx: tệp có danh sách trên 2 trang tính ('2021', '2022')" in out, out
