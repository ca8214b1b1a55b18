"""An office's own wording reaches every sentence vanthu writes (r9a findings F4, F6, F7, F8).

F4: a Báo cáo's table captions, column headings and total, and a Kế hoạch's "Phụ lục" label are
phrases (defaults: today's text). F6: a fixed-sum decision falling back to vanthu's Điều 2
opening beside the office's own is warned, naming the phrase to set. F7: {{ khen_thuong_chung }}
on a list of several awards says so, and does not stop the year's Báo cáo. F8:
tieu_de_danh_sach is asked for only when a Danh sách is printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.errors import InputError
from pipeline.workspace.core import Workspace
from tests.docx_text import paragraph_texts
from tests.test_dieu_2_fixed_sums import FIXED_SHEET
from tests.test_office_awards import PROFILE, SHEET, line_of, school

OFFICE = "co-quan/van-phong-ubnd-son-la.yaml"
REPORT = "2022/bao-cao-tong-ket.yaml"
PLAN = "2022/ke-hoach-tdkt.yaml"


def with_phrases(inputs: Path, phrases: str) -> Path:
    """The office's profile in `inputs` with `phrases` (YAML lines) under cau_chu:."""
    profile = inputs / OFFICE
    profile.write_text(profile.read_text("utf-8") + "cau_chu:\n" + phrases, "utf-8")
    return profile


def rendered(renderer, path: Path, out: Path) -> list[str]:
    renderer.render_file(path, out)
    return paragraph_texts(out)


# --- F4: report tables and the appendix label --------------------------------------------------


def test_report_tables_print_the_office_s_wording(inputs_copy: Path, tmp_path: Path, renderer):
    with_phrases(inputs_copy, (
        '  bao_cao_tong_cong: "Cộng"\n'
        '  bao_cao_cot_don_vi: "Đơn vị công tác"\n'
        '  bao_cao_cot_nam_truoc: "{{ nam_truoc }}"\n'
        '  bao_cao_bang_khen_thuong: "Bảng {{ so }}. Khen thưởng năm {{ nam }} so với'
        ' {{ nam_truoc }}"\n'
        '  bao_cao_bang_don_vi: "Biểu {{ so }}: theo đơn vị ({{ nam }})"\n'
    ))  # fmt: skip
    texts = rendered(renderer, inputs_copy / REPORT, tmp_path / "bc.docx")
    assert "Bảng 1. Khen thưởng năm 2022 so với 2021" in texts
    assert "Biểu 2: theo đơn vị (2022)" in texts
    assert "Đơn vị công tác" in texts and "2021" in texts
    assert texts.count("Cộng") == 2 and "Tổng cộng" not in texts
    assert "Năm 2021" not in texts


def test_report_tables_keep_today_s_wording_by_default(inputs_copy: Path, tmp_path: Path, renderer):
    texts = rendered(renderer, inputs_copy / REPORT, tmp_path / "bc.docx")
    first = texts.index("Bảng 1. Kết quả khen thưởng năm 2022")
    assert texts[first + 1 : first + 8] == [
        "STT", "Danh hiệu, hình thức", "Lượt cá nhân", "Lượt tập thể", "Số tiền (đồng)",
        "Năm 2021", "Tăng, giảm",
    ]  # fmt: skip
    second = texts.index("Bảng 2. Khen thưởng theo đơn vị năm 2022")
    assert texts[second + 1 : second + 6] == [
        "STT", "Đơn vị", "Cá nhân", "Tập thể", "Số tiền (đồng)"
    ]
    assert texts.count("Tổng cộng") == 2


def test_the_figure_tables_block_takes_its_words_from_the_context() -> None:
    """templates/khoi/bang-so-lieu.docx (tools/make_templates.py) holds no fixed heading."""
    texts = paragraph_texts(Path(__file__).parents[1] / "templates/khoi/bang-so-lieu.docx")
    assert "Tổng cộng" not in texts and "Danh hiệu, hình thức" not in texts
    assert texts.count("{{ bang.tong_cong }}") == 2
    assert "{{ bang.cot.nam_truoc }}" in texts


def test_the_plan_s_appendix_label_is_a_phrase(inputs_copy: Path, tmp_path: Path, renderer):
    assert "Phụ lục" in rendered(renderer, inputs_copy / PLAN, tmp_path / "kh.docx")
    with_phrases(inputs_copy, '  phu_luc_ten: "PHỤ LỤC {{ so }}"\n')
    texts = rendered(renderer, inputs_copy / PLAN, tmp_path / "kh2.docx")
    assert "PHỤ LỤC" in texts and "Phụ lục" not in texts


def test_an_empty_caption_is_refused_at_the_profile_s_line(inputs_copy: Path) -> None:
    profile = with_phrases(inputs_copy, '  bao_cao_bang_don_vi: ""\n')
    with pytest.raises(InputError) as caught:
        load_document(inputs_copy / REPORT)
    assert caught.value.line == line_of(profile, "bao_cao_bang_don_vi")
    assert "bảng số liệu" in caught.value.message("vi")


# --- F6: a fixed-sum decision beside the office's own Điều 2 opening ---------------------------

SALARY_OPENING = (
    "cau_chu:\n"
    '  dieu_2_mo_dau: "Mỗi em được thưởng theo {{ dieu_khoan }}, mức lương cơ sở'
    ' {{ luong_co_so }} đồng/tháng, cụ thể:"\n'
)


def fixed_sum_warnings(tmp_path: Path, *, sheet: str = FIXED_SHEET, extra: str = "") -> list:
    path = school(tmp_path, sheet=sheet, profile=PROFILE + SALARY_OPENING + extra)
    document = load_document(path)
    return [w for w in document.warnings if w.key.startswith("wording.fixed_sum_default")]


def test_a_fixed_sum_decision_warns_of_the_default_opening(tmp_path: Path) -> None:
    (warning,) = fixed_sum_warnings(tmp_path)
    assert warning.line == line_of(tmp_path / "co-quan" / "truong.yaml", "dieu_2_mo_dau")
    message = warning.message("vi")
    assert "dieu_2_mo_dau_muc_co_dinh" in message
    assert "Tặng kèm tiền thưởng theo quy định tại {{ dieu_khoan }}:" in message
    # The office's own sentence less its base-salary clause, as an example.
    assert '"Mỗi em được thưởng theo {{ dieu_khoan }}, cụ thể:"' in message


def test_no_warning_when_the_office_wrote_both_or_the_salary_is_used(tmp_path: Path) -> None:
    both = '  dieu_2_mo_dau_muc_co_dinh: "Mỗi em được thưởng theo {{ dieu_khoan }}:"\n'
    assert fixed_sum_warnings(tmp_path, extra=both) == []
    assert fixed_sum_warnings(tmp_path, sheet=SHEET) == []


# --- F7: {{ khen_thuong_chung }} on a list of several awards -----------------------------------


def test_several_awards_are_named_as_the_reason(tmp_path: Path) -> None:
    extra = 'cau_chu:\n  dieu_1_co_ten: "Tặng {{ khen_thuong_chung }} cho {{ tong_so }}:"\n'
    path = school(tmp_path, profile=PROFILE + extra)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.key == "wording.no_value.several_awards"
    message = caught.value.message("vi")
    assert "3 loại khen thưởng" in message and "«Học sinh Xuất sắc»" in message
    assert "nhiều mức tiền" not in message


def test_a_list_without_money_is_named_as_the_reason(tmp_path: Path) -> None:
    extra = 'cau_chu:\n  dieu_1_co_ten: "Thưởng {{ tong_tien }} đồng cho {{ tong_so }}:"\n'
    path = school(tmp_path, profile=PROFILE + extra)
    path.write_text(path.read_text("utf-8").replace(
        "  nguon_kinh_phi:", "  tien_thuong: khong\n  nguon_kinh_phi:"), "utf-8")  # fmt: skip
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.key == "wording.no_value.no_money"


def break_one_decision(inputs: Path) -> Path:
    """The 2022 Lao động tiên tiến decision (four awards) with Điều 1 naming one award."""
    path = inputs / "2022/qd-lao-dong-tien-tien.yaml"
    path.write_text(path.read_text("utf-8") + (
        "cau_chu:\n"
        '  dieu_1_danh_sach: "Tặng {{ khen_thuong_chung }} cho {{ so_luong }}."\n'
    ), "utf-8")  # fmt: skip
    return path


@pytest.mark.parametrize("report_first", [True, False])
def test_one_decision_s_wording_does_not_stop_the_report(
    inputs_copy: Path, report_first: bool
) -> None:
    before = Workspace.containing(inputs_copy / REPORT).load(inputs_copy / REPORT)
    decision = break_one_decision(inputs_copy)
    workspace = Workspace.containing(decision)  # one loader, as a build has
    if report_first:
        report = workspace.load(inputs_copy / REPORT)
    with pytest.raises(InputError) as caught:
        workspace.load(decision)
    assert caught.value.key == "wording.no_value.several_awards"
    if not report_first:
        report = workspace.load(inputs_copy / REPORT)
    # The decision is counted all the same: its list, not its wording, gives the figures.
    assert report.info.attachments.values == before.info.attachments.values
    with pytest.raises(InputError):  # and stays refused after the report counted it
        workspace.load(decision)


# --- F8: the Danh sách's title only when a Danh sách is printed --------------------------------


def without_list_title(path: Path) -> Path:
    text = path.read_text("utf-8")
    path.write_text("\n".join(
        line for line in text.splitlines() if "tieu_de_danh_sach" not in line) + "\n", "utf-8")
    return path  # fmt: skip


def test_a_list_named_in_article_1_needs_no_title(tmp_path: Path) -> None:
    load_document(without_list_title(school(tmp_path)))  # 4 names: no Danh sách


def test_an_attached_list_asks_for_its_title_saying_why(tmp_path: Path) -> None:
    sheet = SHEET + "Lò Thị Dung,Giáo viên,Tổ Văn,Giấy khen của Hiệu trưởng,Cá nhân\n" + (
        "Cầm Văn Én,Giáo viên,Tổ Sử,Giấy khen của Hiệu trưởng,Cá nhân\n"
    )
    path = without_list_title(school(tmp_path, sheet=sheet))
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.key == "data.list_title_missing"
    assert caught.value.field == "khen_thuong.tieu_de_danh_sach"
    assert caught.value.line == line_of(path, "khen_thuong:")
    assert "6 người" in caught.value.message("vi")
