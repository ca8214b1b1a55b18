"""A report of an office's first year in vanthu (findings r8b F5, F9): a figure comparing with a
year that has no decisions is warned, with the sentence as it will print; Bảng 1 lists the
higher award of each kind first."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.context.bao_cao import awards_table
from pipeline.figures import YearFigures
from tests.test_report import award_list

REPORT = Path("2022") / "bao-cao-tong-ket.yaml"


def figure_warnings(inputs: Path) -> list:
    document = load_document(inputs / REPORT)
    return [w for w in document.warnings if w.key == "data.figure_without_value"]


def test_a_comparison_with_a_year_without_decisions_is_warned_with_the_printed_sentence(
    inputs_copy: Path,
) -> None:
    shutil.rmtree(inputs_copy / "2021")
    (warning,) = figure_warnings(inputs_copy)
    report = (inputs_copy / REPORT).read_text("utf-8").splitlines()
    # At the paragraph that names it (a folded YAML text starts on its "- >-" line).
    assert report[warning.line - 1].strip() == "- >-" and warning.field.startswith("muc[")
    assert "{{ tong.luot_tang_giam }}" in "\n".join(report[warning.line : warning.line + 5])
    vi, en = warning.message("vi"), warning.message("en")
    assert "năm 2021 không có quyết định khen thưởng nào trong" in vi
    assert "{{ tong.luot_tang_giam }} không có số liệu" in vi
    # The sentence as it prints: the clause in parentheses, with its known figure, is gone.
    assert "«Năm 2022, Chánh Văn phòng đã ban hành 03 quyết định" not in vi
    assert "đồng.»" in vi and "lượt khen thưởng" not in vi.split("in thành:")[1]
    assert "there are no award decisions dated in 2021" in en
    assert "write the sentence again (without the comparison with 2021)" in en


def test_with_last_year_s_decisions_there_is_nothing_to_warn(inputs_copy: Path) -> None:
    assert figure_warnings(inputs_copy) == []


def test_a_figure_outside_parentheses_is_shown_as_the_broken_sentence(
    inputs_copy: Path,
) -> None:
    shutil.rmtree(inputs_copy / "2021")
    report = inputs_copy / REPORT
    text = report.read_text("utf-8")
    text = text.replace(
        "đồng ({{ tong.luot }} lượt khen thưởng,\n            {{ tong.luot_tang_giam }} so với "
        "năm {{ nam_truoc }}).",
        "đồng; năm trước có {{ tong.nam_truoc }} cá nhân, tập thể.",
    )
    assert "{{ tong.nam_truoc }}" in text
    report.write_text(text, "utf-8")
    (warning,) = figure_warnings(inputs_copy)
    assert "{{ tong.nam_truoc }} không có số liệu" in warning.message("vi")
    assert "«năm trước có cá nhân, tập thể.»" in warning.message("vi")


def test_check_prints_the_warning_after_the_report_s_name(inputs_copy: Path) -> None:
    shutil.rmtree(inputs_copy / "2021")
    done = CliRunner().invoke(main, ["--lang", "vi", "check", str(inputs_copy / REPORT)])
    assert done.exit_code == 0, done.output
    line = next(x for x in done.output.splitlines() if "không có số liệu" in x)
    assert "bao-cao-tong-ket.yaml" in line and "dòng " in line


def test_bang_1_lists_the_higher_award_of_each_kind_first(tmp_path: Path) -> None:
    awards = award_list(tmp_path, "ds.csv", [
        "Lò Văn An,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân",
        "Cầm Thị Bình,Kế toán,Phòng Tư pháp,Chiến sĩ thi đua cơ sở,Cá nhân",
        "Phòng Tư pháp,,UBND huyện,Tập thể lao động tiên tiến,Tập thể",
        "Phòng Nội vụ,,UBND huyện,Tập thể lao động xuất sắc,Tập thể",
        "Hà Văn Em,Chuyên viên,Phòng Y tế,Giấy khen,Cá nhân",
        "Lò Thị Cúc,Chuyên viên,Phòng Y tế,\"Bằng khen của bộ, ban, ngành, tỉnh\",Cá nhân",
    ])  # fmt: skip
    figures = YearFigures(2024)
    figures.add(awards)
    rows = [row["ten"] for row in awards_table(figures, None, 1, "—")["dong"]]
    assert rows == [
        "Chiến sĩ thi đua cơ sở",
        "Lao động tiên tiến",
        "Tập thể lao động xuất sắc",
        "Tập thể lao động tiên tiến",
        "Bằng khen của bộ, ban, ngành, tỉnh",
        "Giấy khen",
    ]
