"""Names with a note, the yearly report's figures and a reference to a list (hunt 5: 5, 7, 8, 9).

5: a note a clerk types in brackets after a name ("(truy tặng)", "(sinh năm 1985)") keeps its
   case and is not sorted on; two namesakes of one unit told apart by their chức vụ are two.
7: a report's figure tag that is no plain figure ("{{ Giay_khen.ca_nhan }}", "{{ tong.ca_nhan |
   int }}") is refused at its line and field with the closest figure, never printed braces and all.
8: one name under two units in two of the year's decisions is warned of, saying how it is counted.
9: a batch's or a decision's reference to a list (.csv) is refused at the line that names it.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.api import load_document
from pipeline.awards import person_name, read_award_list
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.figures import YearFigures
from pipeline.rules.collation import name_and_note, name_key, vietnamese_key

REPO = Path(__file__).resolve().parents[1]
DECIDED = date(2024, 12, 20)
HEADER = "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại\n"
SCHOOL = "Trường Tiểu học Mường Bú"


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "vi", *args], catch_exceptions=False)


def award_list(folder: Path, rows: list[str], name: str = "ds.csv", **options: object):
    path = folder / name
    path.write_text(HEADER + "\n".join(rows) + "\n", "utf-8")
    return read_award_list(path, DECIDED, **options)  # type: ignore[arg-type]


# --- 5: a note after a name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Lò Văn Tám (truy tặng)", "Lò Văn Tám (truy tặng)"),
        ("Nguyễn Văn An (sinh năm 1985)", "Nguyễn Văn An (sinh năm 1985)"),
        ("lò văn tám (đã hy sinh)", "Lò Văn Tám (đã hy sinh)"),
        ("ĐẶNG VĂN HẢI (liệt sĩ)", "Đặng Văn Hải (liệt sĩ)"),
        ("Cầm Thị Lan (GVCN).", "Cầm Thị Lan (GVCN)"),
        ("nguyễn thị mai", "Nguyễn Thị Mai"),  # no note: as before
    ],
)
def test_a_note_after_a_name_keeps_the_case_typed(typed: str, printed: str) -> None:
    assert person_name(typed) == printed


def test_a_listed_name_prints_its_note_as_typed(tmp_path: Path) -> None:
    listed = award_list(tmp_path, [f"Lò Văn Tám (truy tặng),Dân quân,{SCHOOL},Giấy khen,Cá nhân"])
    assert [e.name for e in listed.entries] == ["Lò Văn Tám (truy tặng)"]


def test_the_note_is_no_part_of_the_name_sorted_on(tmp_path: Path) -> None:
    assert name_and_note("Lê Văn Bình (truy tặng)") == ("Lê Văn Bình", " (truy tặng)")
    assert name_and_note("(Không tên)") == ("(Không tên)", "")
    assert name_key("Lê Văn Bình (truy tặng)").given == vietnamese_key("Bình")
    names = ("Trần Thị Dung", "Nguyễn Văn Cường", "Lê Văn Bình (truy tặng)")
    rows = [f"{name},CV,VP,Giấy khen,Cá nhân" for name in names]
    listed = award_list(tmp_path, rows, order="ten")
    assert [e.name for e in listed.entries] == [
        "Lê Văn Bình (truy tặng)", "Nguyễn Văn Cường", "Trần Thị Dung",
    ]  # fmt: skip


def test_a_note_does_not_make_a_surname_read_as_a_unit(tmp_path: Path) -> None:
    """The surnames "Đoàn" and "Văn" are unit words too: a lower-case word after them made a
    unit's name ("Đoàn thanh niên"), so a note did too, and the row was refused for no Loại."""
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên,Chức vụ,Đơn vị,Hình thức\n"
                    f"Đoàn Văn Hậu (truy tặng),,{SCHOOL},Giấy khen\n", "utf-8")  # fmt: skip
    [entry] = read_award_list(path, DECIDED).entries
    assert (entry.name, entry.collective) == ("Đoàn Văn Hậu (truy tặng)", False)


def test_namesakes_of_one_unit_told_apart_by_their_chuc_vu_are_two(tmp_path: Path) -> None:
    listed = award_list(tmp_path, [
        f"Nguyễn Văn An,Giáo viên,{SCHOOL},Giấy khen,Cá nhân",
        f"Nguyễn Văn An,Bảo vệ,{SCHOOL},Giấy khen,Cá nhân",
        f"Lò Thị Hoa,Giáo viên,{SCHOOL},Giấy khen,Cá nhân",
    ])  # fmt: skip
    assert len(listed.entries) == 3
    assert listed.recipients(collective=False) == 3  # Điều 1's "cho 03 cá nhân"


def test_a_total_row_counts_namesakes_told_apart_as_two(tmp_path: Path) -> None:
    listed = award_list(tmp_path, [
        f"Nguyễn Văn An,Giáo viên,{SCHOOL},Giấy khen,Cá nhân",
        f"Nguyễn Văn An,Bảo vệ,{SCHOOL},Giấy khen,Cá nhân",
        "Tổng cộng: 02 người,,,,",
    ])  # fmt: skip
    assert len(listed.entries) == 2


@pytest.mark.parametrize(
    "positions",
    [("Giáo viên", "Giáo viên"), ("Giáo viên", "giáo  viên"), ("Giáo viên", ""), ("", "")],
)
def test_one_name_and_unit_with_no_chuc_vu_telling_them_apart_is_still_refused(
    tmp_path: Path, positions: tuple[str, str]
) -> None:
    rows = [f"Nguyễn Văn An,{position},{SCHOOL},Giấy khen,Cá nhân" for position in positions]
    with pytest.raises(InputError) as caught:
        award_list(tmp_path, rows)
    assert (caught.value.key, caught.value.row) == ("sheet.duplicate_entry", 3)


def test_one_person_given_two_awards_is_still_one(tmp_path: Path) -> None:
    listed = award_list(tmp_path, [
        f"Nguyễn Văn An,Giáo viên,{SCHOOL},Giấy khen,Cá nhân",
        f"Nguyễn Văn An,,{SCHOOL},Lao động tiên tiến,Cá nhân",
    ])  # fmt: skip
    assert listed.recipients(collective=False) == 1


# --- 7: a report's figure tag that is no plain figure -------------------------------------------


@pytest.mark.parametrize(
    ("typed", "tag", "hint"),
    [
        ("{{ giay_khen.ca_nhan }}", "{{ Giay_khen.ca_nhan }}", "giay_khen.ca_nhan"),
        ("{{ tong.ca_nhan }}", "{{ tong.ca_nhan | int }}", "tong.ca_nhan"),
    ],
)
def test_a_broken_figure_tag_is_refused_at_its_line_with_the_closest_figure(
    inputs_copy: Path, typed: str, tag: str, hint: str
) -> None:
    report = inputs_copy / "2022" / "bao-cao-tong-ket.yaml"
    text = report.read_text("utf-8")
    assert f"{typed} cá nhân" in text

    def refused(written: str) -> InputError:
        report.write_text(text.replace(f"{typed} cá nhân", f"{written} cá nhân", 1), "utf-8")
        with pytest.raises(InputError) as caught:
            load_document(report)
        return caught.value

    # Where a misspelt figure's name is refused: the paragraph's line and field.
    misspelt = refused("{{ tong.canhan }}")
    assert misspelt.key == "data.unknown_figure" and str(misspelt.field).startswith("muc[")
    error = refused(tag)
    assert (error.key, error.params["tag"], error.params["hint"]) == (
        "data.figure_tag_broken", tag, hint,
    )  # fmt: skip
    assert (error.line, error.field) == (misspelt.line, misspelt.field)
    result = vanthu("check", str(report))
    assert result.exit_code == 1
    assert f"dòng {error.line}, trường '{error.field}'" in result.output
    assert tag in result.output and f"'{{{{ {hint} }}}}'" in result.output


# --- 8: one name under two units in the year's decisions ----------------------------------------


def test_one_name_under_two_units_in_two_lists_is_warned_and_counted_twice(tmp_path: Path) -> None:
    first = award_list(tmp_path, [
        "Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp,Giấy khen,Cá nhân",
        "Lò Thị Hoa,Chuyên viên,Phòng Tổng hợp,Giấy khen,Cá nhân",
        "Cầm Văn Bình,Chuyên viên,Phòng Nội vụ,Giấy khen,Cá nhân",
    ], name="qd1.csv")  # fmt: skip
    second = award_list(tmp_path, [
        "Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp - Hành chính,Giấy khen,Cá nhân",
        "lò thị hoa,Chuyên viên,Phòng Tổng hợp - Hành chính,Giấy khen,Cá nhân",
        "Cầm Văn Bình,Chuyên viên,Phòng nội vụ,Giấy khen,Cá nhân",  # the same unit: one person
    ], name="qd2.csv")  # fmt: skip
    figures = YearFigures(2024)
    figures.add(first, "qd1")
    figures.add(second, "qd2")
    assert figures.overall.individuals == 5  # not merged
    [pair] = figures.names_in_two_units()
    assert (pair.first_unit, pair.unit, pair.first, pair.second) == (
        "Phòng Tổng hợp", "Phòng Tổng hợp - Hành chính", "qd1", "qd2",
    )  # fmt: skip
    assert pair.names == ["Nguyễn Văn An", "Lò Thị Hoa"]


def test_one_name_in_two_units_of_one_list_is_the_lists_to_warn_of(tmp_path: Path) -> None:
    listed = award_list(tmp_path, [
        "Nguyễn Văn An,Chuyên viên,Phòng Tổng hợp,Giấy khen,Cá nhân",
        "Nguyễn Văn An,Chuyên viên,Phòng Nội vụ,Giấy khen,Cá nhân",
    ])  # fmt: skip
    figures = YearFigures(2024)
    figures.add(listed)
    assert figures.names_in_two_units() == []
    assert [w.key for w in listed.warnings] == ["sheet.same_name_two_units"]


DECISION = """\
loai: quyet_dinh
co_quan: van-phong-ubnd-son-la
so: {number}
ngay: {day}/2023
trich_yeu: Về việc tặng Giấy khen đợt {number} năm 2023
tham_quyen: Chánh Văn phòng UBND tỉnh Sơn La
can_cu:
  - Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003
  - Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ
theo_de_nghi: Trưởng phòng Tổ chức - Hành chính - Quản trị
khen_thuong:
  danh_sach: qd{number}.csv
  hanh_dong: Tặng Giấy khen của Chánh Văn phòng UBND tỉnh
  thanh_tich: đã có thành tích xuất sắc
  nguon_kinh_phi: Quỹ thi đua, khen thưởng của Văn phòng UBND tỉnh
dieu:
  - noi_dung: Trưởng phòng Tổ chức - Hành chính - Quản trị và các cá nhân, tập thể có tên tại \
Điều 1 chịu trách nhiệm thi hành Quyết định này.
noi_nhan: [Lãnh đạo Văn phòng]
don_vi_soan_thao: TCHCQT
nguoi_ky: chanh-van-phong
"""
REPORT = """\
loai: bao_cao
co_quan: van-phong-ubnd-son-la
so: 20
ngay: 28/12/2023
nam: 2023
trich_yeu: Tổng kết công tác thi đua, khen thưởng năm 2023
mo_dau: [Văn phòng báo cáo như sau.]
muc:
  - tieu_de: Kết quả thực hiện
    doan:
      - Năm {{ nam }}, khen thưởng cho {{ tong.ca_nhan }} cá nhân.
ket_thuc: Trên đây là báo cáo
noi_nhan: [Sở Nội vụ]
don_vi_soan_thao: TCHCQT
nguoi_ky: chanh-van-phong
"""


def test_the_report_warns_of_a_unit_renamed_between_two_decisions(tmp_path: Path) -> None:
    """The hunt's case: An of "Phòng Tổng hợp" in decision 10, of "Phòng Tổng hợp - Hành
    chính" in decision 11; the report counts 02 cá nhân and says so, at its nam line."""
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    year = tmp_path / "inputs" / "2023"
    year.mkdir()
    for number, day, unit in ((10, "30/06", "Phòng Tổng hợp"),
                              (11, "03/07", "Phòng Tổng hợp - Hành chính")):  # fmt: skip
        (year / f"qd{number}.yaml").write_text(DECISION.format(number=number, day=day), "utf-8")
        (year / f"qd{number}.csv").write_text(
            f"{HEADER}Nguyễn Văn An,Chuyên viên,{unit},Giấy khen,Cá nhân\n", "utf-8"
        )
    report = year / "bc.yaml"
    report.write_text(REPORT, "utf-8")
    [warning] = [w for w in load_document(report).warnings
                 if w.key == "data.report_person_two_units"]  # fmt: skip
    assert isinstance(warning, InputError)
    assert (warning.line, warning.field) == (5, "nam")
    said = warning.message("vi")
    for words in ("'Nguyễn Văn An'", "qd10.yaml", "«Phòng Tổng hợp»", "qd11.yaml",
                  "«Phòng Tổng hợp - Hành chính»", "(2 cá nhân, không gộp)", "thừa 1"):  # fmt: skip
        assert words in said, said
    assert "Nguyễn Văn An" in warning.message("en")


# --- 9: a reference to a list, not a document ---------------------------------------------------


def test_a_batch_naming_the_list_as_its_decision_is_refused_at_its_line(tmp_path: Path) -> None:
    batch = tmp_path / "gk.yaml"
    assert vanthu("new", "giay-khen", "-o", str(batch)).exit_code == 0
    lines = batch.read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("quyet_dinh:"))
    lines[line - 1] = "quyet_dinh: danh-sach-giay-khen.csv"
    batch.write_text("\n".join(lines) + "\n", "utf-8")
    where = f"{batch}, dòng {line}, trường 'quyet_dinh': tệp 'danh-sach-giay-khen.csv'"
    for args in (["check", str(batch)], ["render", str(batch), "-o", str(tmp_path / "o.docx")],
                 ["build", str(tmp_path), "-o", str(tmp_path / "built")]):  # fmt: skip
        result = vanthu(*args)
        assert result.exit_code == 1, result.output
        assert where in result.output, result.output
        assert "dòng 1:" not in result.output


def test_a_plan_reference_naming_a_list_is_refused_at_its_field(inputs_copy: Path) -> None:
    decision = inputs_copy / "2022" / "qd-ban-hanh-ke-hoach.yaml"
    text = decision.read_text("utf-8")
    decision.write_text(
        text.replace("ke_hoach: ke-hoach-tdkt.yaml", "ke_hoach: danh-sach-giay-khen-2022.csv"),
        "utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_document(decision)
    error = caught.value
    assert (error.key, error.field, error.line) == ("data.reference_not_a_document",
                                                    "ban_hanh.ke_hoach", 17)  # fmt: skip
    assert Path(str(error.file)).name == "qd-ban-hanh-ke-hoach.yaml"
