"""Điều 2 of an award decision names mức lương cơ sở only when an award is priced from it.

An office's own award paid as a fixed sum (khen_thuong_rieng: `ca_nhan: "200.000"`) owes nothing
to the base salary: a decision giving only such awards opens Điều 2 with phrase
dieu_2_mo_dau_muc_co_dinh, without "mức lương cơ sở ... đồng/tháng". One decree award (a
coefficient × mức lương cơ sở) beside them keeps dieu_2_mo_dau. An office's own dieu_2_mo_dau
that does not name {{ luong_co_so }} is its sentence for both cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.rules.phrases import FIELDS, default_phrases
from tests.docx_text import paragraph_texts
from tests.test_office_awards import PROFILE, RULE, SHEET, line_of, school

# Only the school's fixed-sum award (200.000 đồng each).
FIXED_SHEET = """\
Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại
Hà Minh Anh,Học sinh,Lớp 12A1,Học sinh Xuất sắc,Cá nhân
Vì Thị Bích,Học sinh,Lớp 11A2,Học sinh Xuất sắc,Cá nhân
"""
FIXED_OPENING = f"Điều 2. Tặng kèm tiền thưởng theo quy định tại Điều 12 {RULE}:"


def decision_texts(
    tmp_path: Path, *, sheet: str = FIXED_SHEET, profile_extra: str = "", document_extra: str = ""
) -> list[str]:
    """The paragraphs of the school's decision as the rendered .docx reads them."""
    path = school(tmp_path, sheet=sheet, profile=PROFILE + profile_extra)
    if document_extra:
        path.write_text(path.read_text("utf-8") + document_extra, "utf-8")
    out = tmp_path / "qd.docx"
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return paragraph_texts(out)


def article_2(tmp_path: Path, **changes: str) -> str:
    """The first paragraph of Điều 2 as the rendered .docx reads."""
    return next(p for p in decision_texts(tmp_path, **changes) if p.startswith("Điều 2."))


def test_fixed_sums_only_leave_out_the_base_salary(tmp_path: Path) -> None:
    texts = decision_texts(tmp_path)
    start = texts.index(FIXED_OPENING)
    # The award's line and the total say the fixed sum: nowhere is the salary named.
    assert texts[start + 1 : start + 3] == [
        "- Học sinh Xuất sắc: 200.000 đồng/người.",
        "Tổng số tiền thưởng: 400.000 đồng.",
    ]
    assert [text for text in texts if "lương cơ sở" in text] == []


def test_a_decree_award_keeps_the_base_salary(tmp_path: Path) -> None:
    text = article_2(tmp_path, sheet=SHEET)
    assert text.endswith("mức lương cơ sở 2.340.000 đồng/tháng:")


def test_a_coefficient_award_of_the_office_keeps_the_base_salary(tmp_path: Path) -> None:
    sheet = FIXED_SHEET + "Lớp 12A1,,Khối 12,Tập thể lớp Tiên tiến xuất sắc,Tập thể\n"
    assert "mức lương cơ sở 2.340.000 đồng/tháng" in article_2(tmp_path, sheet=sheet)


def test_the_office_s_fixed_sum_opening_is_printed(tmp_path: Path) -> None:
    extra = (
        "cau_chu:\n"
        '  dieu_2_mo_dau_muc_co_dinh: "Thưởng theo {{ dieu_khoan }}, mỗi em {{ tien_ca_nhan }}'
        ' đồng:"\n'
    )
    assert article_2(tmp_path, profile_extra=extra) == (
        f"Điều 2. Thưởng theo Điều 12 {RULE}, mỗi em 200.000 đồng:"
    )
    # A decree award beside them: the office's phrase for fixed sums gives way.
    assert "mức lương cơ sở" in article_2(tmp_path, sheet=SHEET, profile_extra=extra)


def test_the_document_s_fixed_sum_opening_is_printed(tmp_path: Path) -> None:
    extra = 'cau_chu:\n  dieu_2_mo_dau_muc_co_dinh: "Tiền thưởng theo {{ dieu_khoan }}:"\n'
    assert article_2(tmp_path, document_extra=extra) == (
        f"Điều 2. Tiền thưởng theo Điều 12 {RULE}:"
    )


def test_the_office_s_own_opening_without_the_salary_serves_both(tmp_path: Path) -> None:
    extra = 'cau_chu:\n  dieu_2_mo_dau: "Thưởng kèm theo {{ dieu_khoan }}:"\n'
    assert article_2(tmp_path, profile_extra=extra) == f"Điều 2. Thưởng kèm theo Điều 12 {RULE}:"


def test_the_office_s_opening_naming_the_salary_gives_way_to_the_default(tmp_path: Path) -> None:
    extra = (
        "cau_chu:\n"
        '  dieu_2_mo_dau: "Thưởng theo {{ dieu_khoan }} (lương cơ sở {{ luong_co_so }} đồng):"\n'
    )
    assert article_2(tmp_path, profile_extra=extra) == FIXED_OPENING
    assert article_2(tmp_path, sheet=SHEET, profile_extra=extra).startswith("Điều 2. Thưởng theo")


def test_the_document_s_own_opening_comes_before_the_office_s_fixed_sum_one(
    tmp_path: Path,
) -> None:
    office = 'cau_chu:\n  dieu_2_mo_dau_muc_co_dinh: "Của cơ quan {{ dieu_khoan }}:"\n'
    document = 'cau_chu:\n  dieu_2_mo_dau: "Của văn bản này:"\n'
    text = article_2(tmp_path, profile_extra=office, document_extra=document)
    assert text == "Điều 2. Của văn bản này:"


def test_a_field_the_list_lacks_is_named_at_the_fixed_sum_phrase(tmp_path: Path) -> None:
    """{{ tien_tap_the }} in a list of cá nhân only: the error names the phrase in force."""
    extra = 'cau_chu:\n  dieu_2_mo_dau_muc_co_dinh: "Mỗi tập thể {{ tien_tap_the }} đồng:"\n'
    path = school(tmp_path, sheet=FIXED_SHEET, profile=PROFILE + extra)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "dieu_2_mo_dau_muc_co_dinh" in str(caught.value)
    assert caught.value.line == line_of(path.parent / "co-quan" / "truong.yaml", "tien_tap_the")
    # With a decree award the phrase is not used, so the list is fine.
    load_document(school(tmp_path, sheet=SHEET, profile=PROFILE + extra))


def test_the_fixed_sum_phrase_is_a_phrase_like_the_others(tmp_path: Path) -> None:
    assert FIELDS["dieu_2_mo_dau_muc_co_dinh"] == FIELDS["dieu_2_mo_dau"]
    assert "luong_co_so" not in default_phrases()["dieu_2_mo_dau_muc_co_dinh"]
    # A field it does not have, and an empty sentence, are refused at the profile's line.
    for bad in ('"{{ so_tien }}"', '""'):
        extra = f"cau_chu:\n  dieu_2_mo_dau_muc_co_dinh: {bad}\n"
        with pytest.raises(InputError) as caught:
            load_document(school(tmp_path, profile=PROFILE + extra))
        assert "dieu_2_mo_dau_muc_co_dinh" in str(caught.value)
