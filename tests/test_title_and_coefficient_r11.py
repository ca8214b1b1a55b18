"""Findings r11b F7, r11a F8, r11b F8: a trích yếu typed with a final full stop prints without
it; a Công văn's V/v block is broken in even lines with no word alone on the last, and a block
of more than four lines is warned of; a Hệ số column in an award list is checked against the
coefficient vanthu prices the row by, at its cell, as a Số tiền column is."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.api import check, load_document
from pipeline.awards import read_award_list, typed_coefficient
from pipeline.context.cong_van import MOST_ABOUT_LINES, about_lines, letter_attachments
from pipeline.context.title_lines import BAD, break_costs, title_lines
from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml
from pipeline.model.agency import Agency
from pipeline.model.document import without_full_stop
from pipeline.render.compose import TemplateLibrary
from pipeline.render.styles import StyleSheet
from pipeline.rules.metrics import CELL_PADDING_TWIPS, HEADER_LEFT_TWIPS, text_width_pt
from tests.test_total_rows import workbook
from tests.typed_docs import REPO, cell_texts, open_docx, render_mapping

PLAN = REPO / "inputs" / "2022" / "ke-hoach-tdkt.yaml"
LETTER = REPO / "inputs" / "2024" / "cv-don-doc-bao-cao-tdkt.yaml"
# r11a F8: Word wrapped it in 7 lines under Số, the last the word "Sơn" alone.
LONG_ABOUT = (
    "triển khai ôn tập, tổ chức kiểm tra giữa học kỳ II, tổng hợp kết quả và báo cáo chất "
    "lượng giáo dục đại trà các môn học bắt buộc, môn học tự chọn của học sinh trung học cơ "
    "sở năm học 2024 - 2025 trên địa bàn huyện Mai Sơn"
)
SHORT_ABOUT = "Đôn đốc gửi báo cáo tổng kết công tác thi đua, khen thưởng năm 2023"


# --- r11b F7: a trích yếu is a title, without a full stop ----------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Triển khai công tác thi đua, khen thưởng năm 2026.",
         "Triển khai công tác thi đua, khen thưởng năm 2026"),
        ("Triển khai công tác thi đua năm 2026 .", "Triển khai công tác thi đua năm 2026"),
        # The text's end mark copied after the trích yếu.
        ("Triển khai công tác thi đua năm 2026./.", "Triển khai công tác thi đua năm 2026"),
        ("Triển khai công tác thi đua năm 2026", "Triển khai công tác thi đua năm 2026"),
        # An ellipsis and "v.v." keep their dots.
        ("Mua sắm bàn, ghế...", "Mua sắm bàn, ghế..."),
        ("Mua sắm bàn, ghế, v.v.", "Mua sắm bàn, ghế, v.v."),
        (".", "."),
    ],
)  # fmt: skip
def test_a_final_full_stop_is_dropped(typed: str, kept: str) -> None:
    assert without_full_stop(typed) == kept


def test_a_plan_typed_with_a_full_stop_prints_its_title_without_it() -> None:
    subject = "Triển khai công tác thi đua, khen thưởng năm 2026"
    doc = open_docx(render_mapping(PLAN, {"trich_yeu": f"{subject}."}))
    printed = [p.text for p in doc.paragraphs if p.text.startswith("Triển khai công tác")]
    assert printed == [subject]


def test_a_letter_typed_with_v_v_and_a_full_stop_prints_neither_twice() -> None:
    doc = open_docx(render_mapping(LETTER, {"trich_yeu": "V/v báo cáo tổng kết năm 2023."}))
    assert cell_texts(doc, 0, 1, 0)[1] == "V/v báo cáo tổng kết năm 2023"


# --- r11a F8: the V/v block balanced, a long one warned of ---------------------------------


@pytest.fixture(scope="module")
def styles() -> StyleSheet:
    return StyleSheet(TemplateLibrary([]).frame.parts["word/styles.xml"])


def test_a_long_v_v_block_has_no_word_alone_on_its_last_line(styles: StyleSheet) -> None:
    lines = about_lines(LONG_ABOUT, styles, HEADER_LEFT_TWIPS)
    assert lines[0].startswith("V/v triển khai")
    assert " ".join(lines) == f"V/v {LONG_ABOUT}"
    assert all(len(line.split()) > 1 for line in lines), lines
    assert lines[-1] == "địa bàn huyện Mai Sơn"
    room = (HEADER_LEFT_TWIPS - CELL_PADDING_TWIPS) / 20
    assert all(text_width_pt(line, 12) < room for line in lines)
    assert len(lines) > MOST_ABOUT_LINES


def test_a_v_v_block_is_broken_between_phrases_in_even_lines(styles: StyleSheet) -> None:
    lines = about_lines(SHORT_ABOUT, styles, HEADER_LEFT_TWIPS)
    assert lines == ("V/v Đôn đốc gửi báo cáo", "tổng kết công tác thi đua,",
                     "khen thưởng năm 2023")  # fmt: skip
    # "V/v" never stands alone on the first line.
    assert break_costs(["V/v", "báo", "cáo", "tháng"])[1] == BAD


def test_a_v_v_block_leaves_no_abbreviation_alone_on_its_last_line(styles: StyleSheet) -> None:
    """A capital after a word in lower case may start a name: the break before "THCS" was the
    one a line could end at without a poor break, and it stood alone."""
    lines = about_lines("đăng ký tham gia hội thi giáo viên dạy giỏi cấp huyện bậc THCS", styles,
                        HEADER_LEFT_TWIPS)  # fmt: skip
    assert lines == ("V/v đăng ký tham gia", "hội thi giáo viên dạy giỏi", "cấp huyện bậc THCS")


def test_a_title_keeps_no_word_alone_on_its_last_line() -> None:
    typed = "V/v tổ chức tập huấn nghiệp vụ thi đua, khen thưởng cho giáo viên các trường THCS"
    lines = title_lines(typed, 12, 138, bold=False, upper=False)
    assert len(lines[-1].split()) > 1, lines


def test_the_letter_prints_its_v_v_block_in_the_lines_measured(styles: StyleSheet) -> None:
    doc = open_docx(render_mapping(LETTER, {"trich_yeu": LONG_ABOUT}))
    printed = cell_texts(doc, 0, 1, 0)[1]
    assert tuple(printed.split("\n")) == about_lines(LONG_ABOUT, styles, HEADER_LEFT_TWIPS)


def letter_in(folder: Path, subject: str) -> Path:
    shutil.copytree(REPO / "inputs" / "co-quan", folder / "co-quan", dirs_exist_ok=True)
    text = LETTER.read_text("utf-8").replace(
        f"trich_yeu: {SHORT_ABOUT}", f"trich_yeu: {subject}"
    )
    path = folder / "2024" / "cv.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_check_warns_of_a_v_v_block_over_four_lines(tmp_path: Path) -> None:
    report = check([letter_in(tmp_path, LONG_ABOUT)])
    assert not report.errors
    (warning,) = [w for w in report.warnings if "trích yếu" in w]
    assert "8 dòng" in warning and "4 dòng" in warning and "rút gọn" in warning
    assert "trich_yeu" in warning and "cv.yaml" in warning
    assert warning.count("cv.yaml") == 1, warning  # the file named once, as for other warnings


def test_check_says_nothing_of_a_short_v_v_block(tmp_path: Path) -> None:
    report = check([letter_in(tmp_path, SHORT_ABOUT)])
    assert not report.errors and not [w for w in report.warnings if "trích yếu" in w]


def test_the_attacher_warns_at_the_trich_yeu_line(tmp_path: Path) -> None:
    path = letter_in(tmp_path, LONG_ABOUT)
    loaded = load_document(path)

    class Profiles:
        def agency(self, ref: str, document: object) -> tuple[Agency, Path]:
            return loaded.info.agency, path

    attached = letter_attachments(loaded.info.data, load_yaml(path), Profiles())  # type: ignore
    (warning,) = attached.warnings
    line = path.read_text("utf-8").splitlines().index(f"trich_yeu: {LONG_ABOUT}") + 1
    assert (warning.key, warning.line, warning.field) == ("data.about_too_long", line,
                                                          "trich_yeu")  # fmt: skip
    assert "59 mm" in warning.message("vi")


# --- r11b F8: a Hệ số column is checked against the award's coefficient --------------------

DAY = dt.date(2026, 1, 8)  # Nghị định 152/2025, lương cơ sở 2.340.000: LĐTT 0,3, 710.000
LDTT = "Lao động tiên tiến"
COLUMNS = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", "Hệ số", "Số tiền"]


def award_list(tmp_path: Path, rows: list[list[object]], header: str = "Hệ số") -> Path:
    columns = [header if name == "Hệ số" else name for name in COLUMNS]
    return workbook(tmp_path, rows, header=[columns])


def person(n: int, coefficient: object, amount: object = None, *, title: str = LDTT,
           kind: str = "Cá nhân", name: str | None = None) -> list[object]:  # fmt: skip
    return [n, name or f"Lò Văn An {n}", "Giáo viên", "Trường Mầm non Hoa Sen", title, kind,
            coefficient, amount]  # fmt: skip


@pytest.mark.parametrize("header", ["Hệ số", "Hệ số thưởng", "Hệ số khen thưởng"])
def test_a_coefficient_that_differs_is_refused_at_its_cell(tmp_path: Path, header: str) -> None:
    """The tester's list: 0,5 typed for a Lao động tiên tiến (0,3), its Số tiền left empty."""
    path = award_list(tmp_path, [person(1, "0,5"), person(2, 0.3, 710000)], header)
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.row, error.field) == ("sheet.coefficient_differs", 3, header)
    text = error.message("vi")
    assert "G3" in text and "hệ số 0,5" in text and "hệ số 0,3" in text and LDTT in text
    assert "710.000" in text and "Nghị định 152/2025" in text
    assert "coefficient 0,5" in error.message("en") and "coefficient 0,3" in error.message("en")


@pytest.mark.parametrize("typed", ["0,3", "0.3", 0.3, "0,30", None, ""])
def test_the_right_coefficient_or_none_is_accepted(tmp_path: Path, typed: object) -> None:
    path = award_list(tmp_path, [person(1, typed), person(2, "0,3", 710000)])
    awards = read_award_list(path, DAY)
    assert [e.amount for e in awards.entries] == [710000, 710000]


def test_an_unreadable_coefficient_is_refused_at_its_cell(tmp_path: Path) -> None:
    path = award_list(tmp_path, [person(1, "0,3"), person(2, "ba phần mười")])
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    assert (caught.value.key, caught.value.row) == ("sheet.bad_coefficient", 4)
    assert "G4" in caught.value.message("vi") and "ba phần mười" in caught.value.message("vi")


def test_a_collective_form_is_checked_against_its_multiple(tmp_path: Path) -> None:
    """Giấy khen: 0,3 for a cá nhân, twice that for a tập thể (khoản 1 Điều 54)."""
    unit = dict(title="Giấy khen", kind="Tập thể", name="Tổ Mẫu giáo lớn")
    ok = award_list(tmp_path, [person(1, "0,6", "1.410.000", **unit)])
    assert read_award_list(ok, DAY).entries[0].amount == 1410000
    wrong = award_list(tmp_path, [person(1, "0,3", **unit)])
    with pytest.raises(InputError) as caught:
        read_award_list(wrong, DAY)
    text = caught.value.message("vi")
    assert caught.value.key == "sheet.coefficient_differs"
    assert "hệ số 0,6 (hệ số 0,3 của hình thức, nhân 2 cho tập thể)" in text


def test_the_coefficient_is_checked_before_the_amount_beside_it(tmp_path: Path) -> None:
    path = award_list(tmp_path, [person(1, "0,5", "1.170.000")])
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    assert caught.value.key == "sheet.coefficient_differs"


def test_a_list_without_money_reads_no_coefficient(tmp_path: Path) -> None:
    path = award_list(tmp_path, [person(1, "0,5")])
    assert len(read_award_list(path, DAY, priced=False).entries) == 1


def test_a_summed_coefficient_column_on_the_total_row_is_no_count(tmp_path: Path) -> None:
    """"Tổng cộng" with the hệ số summed (0,6, or 3 for ten rows): no count of people."""
    rows = [person(1, "0,3", 710000), person(2, 0.3, 710000),
            [None, "Tổng cộng", None, None, None, None, 3, 1420000]]  # fmt: skip
    assert len(read_award_list(award_list(tmp_path, rows), DAY).entries) == 2


def test_a_salary_grade_column_is_left_alone(tmp_path: Path) -> None:
    """"Hệ số lương" is the person's salary grade, no column of the award."""
    path = award_list(tmp_path, [person(1, "2,34"), person(2, "4,98")], "Hệ số lương")
    assert len(read_award_list(path, DAY).entries) == 2


def test_an_own_award_paid_a_fixed_sum_takes_no_coefficient(tmp_path: Path) -> None:
    from pipeline.model.agency import OwnAward
    from pipeline.rules.money import OfficeRules

    own = OwnAward(ca_nhan="200.000", nguon="Quy chế thi đua của Trường", dieu="Điều 12")
    office = OfficeRules(awards=own.awards("Học sinh Xuất sắc"))
    row = person(1, "0,1", title="Học sinh Xuất sắc", name="Lò Thị Mai")
    path = award_list(tmp_path, [row])
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY, office=office)
    assert caught.value.key == "sheet.coefficient_fixed_sum"
    assert "200.000 đồng" in caught.value.message("vi")
    row[6] = None
    awards = read_award_list(award_list(tmp_path, [row]), DAY, office=office)
    assert awards.entries[0].amount == 200000


def test_typed_coefficient() -> None:
    assert typed_coefficient("0,3") == Decimal("0.3") == typed_coefficient(" 0.30 ")
    assert typed_coefficient("1") == 1 and typed_coefficient("30%") is None
    assert typed_coefficient("1.000,5") is None
