"""An office's own awards (khen_thuong_rieng) and extra mức lương cơ sở rows (luong_co_so).

A school pays "Học sinh Xuất sắc" under its own Quy chế: a fixed sum or a coefficient × mức lương
cơ sở, cited in Điều 2. A new base salary is a row of the profile, not an edit of the package.
Mistakes are named at the profile's line and key; suggestions offer only awards of the row's
kind, and none for a number.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

import pipeline.awards as awards_module
from pipeline.api import load_document
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.i18n import current_language, set_language
from pipeline.rules.money import (
    Award,
    AwardKind,
    BaseSalary,
    OfficeRules,
    Recipient,
    base_salary_on,
    find_award,
    reward_amount,
)
from tests.docx_text import paragraph_texts

RULE = "Quy chế thi đua, khen thưởng của Trường THPT Chu Văn An"

PROFILE = f"""\
co_quan_chu_quan: SỞ GIÁO DỤC VÀ ĐÀO TẠO SƠN LA
ten_co_quan: [TRƯỜNG TRUNG HỌC PHỔ THÔNG, CHU VĂN AN]
ten_day_du: Trường Trung học phổ thông Chu Văn An
viet_tat: THPTCVA
dia_danh: Sơn La
don_vi:
  VP: {{ten: Văn phòng}}
nguoi_ky:
  hieu-truong:
    ho_ten: Nguyễn Thị Hạnh
    chuc_vu: Hiệu trưởng
ten_khen_thuong:
  Giấy khen của Hiệu trưởng: Giấy khen
khen_thuong_rieng:
  Học sinh Xuất sắc:
    ca_nhan: "200.000"
    nguon: {RULE}
    dieu: Điều 12
    loai: danh_hieu
  Tập thể lớp Tiên tiến xuất sắc:
    tap_the: {{he_so: "0,5"}}
    nguon: {RULE}
    dieu: Điều 13
luong_co_so:
  - {{tu_ngay: 2026-07-01, muc_luong: 2.530.000, nguon: Nghị định 1/2026/NĐ-CP}}
"""

SHEET = """\
Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại
Hà Minh Anh,Học sinh,Lớp 12A1,Học sinh Xuất sắc,Cá nhân
Vì Thị Bích,Học sinh,Lớp 11A2,Học sinh Xuất sắc,Cá nhân
Lớp 12A1,,Khối 12,Tập thể lớp Tiên tiến xuất sắc,Tập thể
Lò Văn Cường,Giáo viên,Tổ Toán,Giấy khen của Hiệu trưởng,Cá nhân
"""

DECISION = """\
loai: quyet_dinh
co_quan: truong
so: 50
ngay: {ngay}
trich_yeu: Về việc khen thưởng năm học 2025 - 2026
tham_quyen: Hiệu trưởng Trường Trung học phổ thông Chu Văn An
can_cu: [Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022]
theo_de_nghi: Hội đồng Thi đua - Khen thưởng nhà trường
khen_thuong:
  danh_sach: ds.csv
  hanh_dong: Khen thưởng
  thanh_tich: đạt thành tích xuất sắc năm học 2025 - 2026
  tieu_de_danh_sach: Học sinh, giáo viên, tập thể được khen thưởng
  nguon_kinh_phi: Quỹ thi đua, khen thưởng của nhà trường
dieu:
  - noi_dung: Văn phòng và những người có tên tại Điều 1 thi hành Quyết định này.
noi_nhan: [Ban Giám hiệu]
don_vi_soan_thao: VP
nguoi_ky: hieu-truong
"""


def school(
    tmp_path: Path, *, ngay: str = "26/05/2026", sheet: str = SHEET, profile: str = PROFILE
) -> Path:
    """A school (profile, list, decision) in tmp_path; the decision's path."""
    (tmp_path / "co-quan").mkdir(exist_ok=True)
    (tmp_path / "co-quan" / "truong.yaml").write_text(profile, "utf-8")
    (tmp_path / "ds.csv").write_text(sheet, "utf-8")
    path = tmp_path / "qd.yaml"
    path.write_text(DECISION.format(ngay=ngay), "utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """The last line holding `needle` (an own award's key comes after ten_khen_thuong's)."""
    lines = path.read_text("utf-8").splitlines()
    return max(n for n, line in enumerate(lines, 1) if needle in line)


def amounts(path: Path) -> dict[tuple[str, bool], int]:
    listed = load_document(path).info.attachments.awards
    return {(e.award, e.collective): e.amount for e in listed.entries}


# --- pricing -------------------------------------------------------------------------------


def test_own_awards_are_priced_by_the_office_s_rule(tmp_path: Path) -> None:
    listed = load_document(school(tmp_path)).info.attachments.awards
    by_award = {(e.award, e.collective): e for e in listed.entries}
    pupil = by_award["Học sinh Xuất sắc", False]
    assert pupil.amount == 200_000  # the fixed sum, not rounded, not × lương cơ sở
    assert pupil.reward.award.citation == f"{RULE}, Điều 12"
    assert pupil.reward.award.kind is AwardKind.TITLE
    # 0,5 × 2.340.000 = 1.170.000 (already a multiple of 10.000)
    assert by_award["Tập thể lớp Tiên tiến xuất sắc", True].amount == 1_170_000
    # The decree's award beside them is paid as before: 0,3 × 2.340.000 → 710.000.
    assert by_award["Giấy khen của Hiệu trưởng", False].amount == 710_000
    assert listed.total == 2 * 200_000 + 1_170_000 + 710_000
    assert listed.total_in_words == "Hai triệu hai trăm tám mươi nghìn đồng."


def test_an_extra_base_salary_applies_from_its_date(tmp_path: Path) -> None:
    before = amounts(school(tmp_path, ngay="30/06/2026"))
    after = amounts(school(tmp_path, ngay="01/07/2026"))
    # 0,5 × 2.530.000 = 1.265.000 → rounded up as the decree rounds: 1.270.000
    assert before["Tập thể lớp Tiên tiến xuất sắc", True] == 1_170_000
    assert after["Tập thể lớp Tiên tiến xuất sắc", True] == 1_270_000
    # The decree's awards use the office's row too: 0,3 × 2.530.000 = 759.000 → 760.000
    assert before["Giấy khen của Hiệu trưởng", False] == 710_000
    assert after["Giấy khen của Hiệu trưởng", False] == 760_000
    # A fixed sum does not follow the base salary.
    assert after["Học sinh Xuất sắc", False] == 200_000


def test_extra_rows_extend_the_built_in_table_without_changing_it() -> None:
    row = BaseSalary(2_530_000, date(2026, 7, 1), "Nghị định 1/2026/NĐ-CP")
    assert base_salary_on(date(2026, 7, 2), (row,)) == row
    assert base_salary_on(date(2026, 6, 30), (row,)).amount == 2_340_000
    assert base_salary_on(date(2026, 7, 2)).amount == 2_340_000  # no office: the built-in table


def test_an_own_award_takes_the_office_s_amount_before_the_decree_s() -> None:
    own = Award(
        name="Giấy khen của Ban Chấp hành Đoàn trường",
        kind=AwardKind.FORM,
        recipients=frozenset({Recipient.INDIVIDUAL}),
        coefficient=Decimal(0),
        source="Quy chế khen thưởng của Đoàn trường",
        fixed_amount=150_000,
        office=True,
    )
    office = OfficeRules(awards=(own,))
    name = "giấy khen của ban chấp hành đoàn trường"
    assert reward_amount(name, date(2026, 1, 1), collective=False, office=office).amount == 150_000
    # Without the office's rule the name is the decree's Giấy khen (tiền tố "Giấy khen của").
    assert reward_amount(name, date(2026, 1, 1), collective=False).amount == 710_000


def test_article_2_cites_the_rule_and_totals_once(tmp_path: Path, monkeypatch) -> None:
    calls: list[int] = []
    real = awards_module.money_in_words
    monkeypatch.setattr(awards_module, "money_in_words", lambda n: calls.append(n) or real(n))
    path = school(tmp_path)
    out = tmp_path / "qd.docx"
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(paragraph_texts(out))
    assert (
        "Điều 2. Tặng kèm tiền thưởng theo quy định tại Điều 12 và Điều 13 " + RULE + "; khoản 1 "
        "Điều 54 Nghị định số 152/2025/NĐ-CP, mức lương cơ sở 2.340.000 đồng/tháng:"
    ) in text
    assert "Học sinh Xuất sắc: 200.000 đồng/người" in text
    assert "Tập thể lớp Tiên tiến xuất sắc: 1.170.000 đồng/tập thể" in text
    assert "Hai triệu hai trăm tám mươi nghìn đồng" in text
    assert calls == [2_280_000]


# --- the profile's mistakes, at their line and key ------------------------------------------

PROFILE_ERRORS = [
    # (replace, with, the line's text, field, Vietnamese words, English words)
    (
        "  Giấy khen của Hiệu trưởng: Giấy khen\n",
        '  Giấy khen của Hiệu trưởng: Giấy khen\n  Học sinh Giỏi: "200000"\n',
        "Học sinh Giỏi",
        "ten_khen_thuong.Học sinh Giỏi",
        "“200000” không phải tên danh hiệu hay hình thức khen thưởng",
        "goes under khen_thuong_rieng",
    ),
    (
        'ca_nhan: "200.000"',
        "ca_nhan: 0.3",
        "ca_nhan: 0.3",
        "khen_thuong_rieng.Học sinh Xuất sắc.ca_nhan.so_tien",
        "hệ số thì ghi {he_so: 0.3}",
        "for a coefficient write {he_so: 0.3}",
    ),
    (
        'ca_nhan: "200.000"',
        "ca_nhan: {so_tien: 200000, he_so: 0.3}",
        "ca_nhan:",
        "khen_thuong_rieng.Học sinh Xuất sắc.ca_nhan",
        "ghi một trong hai: so_tien",
        "give one of so_tien",
    ),
    (
        'tap_the: {he_so: "0,5"}',
        "tap_the: {he_so: không}",
        "tap_the:",
        "khen_thuong_rieng.Tập thể lớp Tiên tiến xuất sắc.tap_the.he_so",
        "“không” không phải hệ số",
        "“không” is not a coefficient",
    ),
    (
        '    ca_nhan: "200.000"\n',
        "",
        "Học sinh Xuất sắc:",
        "khen_thuong_rieng.Học sinh Xuất sắc",
        "ghi mức thưởng cho ca_nhan, cho tap_the",
        "give the amount for ca_nhan, for tap_the",
    ),
    (
        "  Tập thể lớp Tiên tiến xuất sắc:\n",
        "  Giấy khen của Hiệu trưởng:\n",
        "Giấy khen của Hiệu trưởng:",
        "khen_thuong_rieng.Giấy khen của Hiệu trưởng",
        "đã có trong ten_khen_thuong",
        "already in ten_khen_thuong",
    ),
    (
        "  Tập thể lớp Tiên tiến xuất sắc:\n",
        "  lao động  tiên tiến:\n",
        "lao động  tiên tiến:",
        "khen_thuong_rieng.lao động  tiên tiến",
        "là khen thưởng của nghị định",
        "is a decree's award",
    ),
    (
        "tu_ngay: 2026-07-01",
        "tu_ngay: 2024-07-01",
        "tu_ngay: 2024-07-01",
        "luong_co_so[1]",
        "bảng có sẵn đã có mức lương cơ sở 2.340.000 đồng (Nghị định 73/2024/NĐ-CP)",
        "already has a base salary of 2.340.000 đồng from 01/07/2024",
    ),
    (
        "muc_luong: 2.530.000",
        "muc_luong: 2530000.5",
        "muc_luong",
        "luong_co_so[1].muc_luong",
        "YAML đọc số tiền này thành số thập phân 2530000.5",
        "YAML reads this sum as the decimal number 2530000.5",
    ),
    (
        "muc_luong: 2.530.000",
        'muc_luong: "2.530"',
        "muc_luong",
        "luong_co_so[1]",
        "thấp hơn nhiều mức 2.340.000 đồng từ ngày 01/07/2024",
        "far below the 2.340.000 đồng in force from 01/07/2024",
    ),
    (
        "luong_co_so:\n",
        "luong_co_so:\n  - {tu_ngay: 01/07/2026, muc_luong: 2530000, nguon: X}\n",
        "luong_co_so:",
        "luong_co_so",
        "hai dòng mức lương cơ sở cùng từ ngày 01/07/2026",
        "two base salary rows from the same date 01/07/2026",
    ),
]


@pytest.mark.parametrize(("old", "new", "needle", "field", "vi", "en"), PROFILE_ERRORS)
def test_profile_mistakes_are_named_at_their_line(
    tmp_path: Path, old: str, new: str, needle: str, field: str, vi: str, en: str
) -> None:
    assert old in PROFILE
    path = school(tmp_path, profile=PROFILE.replace(old, new, 1))
    profile = tmp_path / "co-quan" / "truong.yaml"
    messages = []
    for lang in ("vi", "en"):  # a profile's message is worded when the profile is read
        before = current_language()
        set_language(lang)
        try:
            with pytest.raises(InputError) as caught:
                load_document(path)
        finally:
            set_language(before)
        error = caught.value
        assert error.file == str(profile)
        assert error.field == field
        assert error.line == line_of(profile, needle)
        messages.append(error.message(lang))
    assert vi in messages[0] and "Có phải là" not in messages[0]
    assert en in messages[1] and "Did you mean" not in messages[1]


def test_the_cli_names_the_profile_line_in_english(tmp_path: Path) -> None:
    path = school(tmp_path, profile=PROFILE.replace('ca_nhan: "200.000"', "ca_nhan: 0.3"))
    result = CliRunner().invoke(main, ["--lang", "en", "check", str(path)])
    assert result.exit_code != 0
    line = line_of(tmp_path / "co-quan" / "truong.yaml", "ca_nhan: 0.3")
    assert f"truong.yaml, line {line}, field 'khen_thuong_rieng.Học sinh Xuất sắc." in result.output
    assert "Traceback" not in result.output


# --- rows and suggestions -------------------------------------------------------------------


def test_an_own_award_for_the_other_kind_is_refused_citing_the_rule(tmp_path: Path) -> None:
    sheet = SHEET + "Lò Thị Dung,Học sinh,Lớp 10A1,Tập thể lớp Tiên tiến xuất sắc,Cá nhân\n"
    with pytest.raises(InputError) as caught:
        load_document(school(tmp_path, sheet=sheet))
    assert caught.value.row == 6
    assert caught.value.message("vi").endswith(
        "“Tập thể lớp Tiên tiến xuất sắc” không dành cho cá nhân (theo " + RULE + ")."
    )


def test_a_close_miss_suggests_an_own_award_of_the_row_s_kind(tmp_path: Path) -> None:
    sheet = SHEET + "Lò Thị Dung,Học sinh,Lớp 10A1,Học sinh Xuất xắc,Cá nhân\n"
    with pytest.raises(InputError) as caught:
        load_document(school(tmp_path, sheet=sheet))
    message = caught.value.message("vi")
    assert "Có phải là “Học sinh Xuất sắc”?" in message
    assert "khen_thuong_rieng" in message
    assert caught.value.row == 6 and caught.value.field == "Danh hiệu"


def test_an_unknown_pupil_award_points_to_khen_thuong_rieng(tmp_path: Path) -> None:
    # The tester's school without khen_thuong_rieng: no far-fetched title is offered.
    profile = PROFILE[: PROFILE.index("khen_thuong_rieng:")]
    with pytest.raises(InputError) as caught:
        load_document(school(tmp_path, profile=profile))
    message = caught.value.message("vi")
    assert caught.value.row == 2
    assert "Có phải" not in message
    assert "ghi mức thưởng trong khen_thuong_rieng" in message
    assert "khen_thuong_rieng in the profile" in caught.value.message("en")


def test_a_collective_row_is_not_offered_an_individual_s_award(tmp_path: Path) -> None:
    sheet = SHEET + "Lớp 10A1,,Khối 10,Học sinh Xuất xắc,Tập thể\n"
    with pytest.raises(InputError) as caught:
        load_document(school(tmp_path, sheet=sheet))
    assert "Học sinh Xuất sắc" not in caught.value.message("vi")
    sheet = SHEET + "Lớp 10A1,,Khối 10,Tập thể lớp tiên tiến xuất xắc,Tập thể\n"
    with pytest.raises(InputError) as caught:
        load_document(school(tmp_path, sheet=sheet))
    assert caught.value.params["suggestion"] == "Tập thể lớp Tiên tiến xuất sắc"


def test_an_individual_is_never_offered_a_collective_title() -> None:
    # The tester's "Học sinh Xuất sắc" was answered "Tập thể lao động xuất sắc".
    with pytest.raises(InputError) as caught:
        find_award("Học sinh Xuất sắc", date(2026, 5, 26), collective=False)
    suggested = caught.value.params["suggestion"]
    assert find_award(suggested, date(2026, 5, 26)).applies_to(collective=False)
    assert suggested != "Tập thể lao động xuất sắc"


def test_a_number_gets_no_suggestion() -> None:
    with pytest.raises(InputError) as caught:
        find_award("200000", date(2026, 5, 26), collective=False)
    assert caught.value.key == "money.unknown_award_plain"
    assert "Có phải" not in caught.value.message("vi")
    assert "Did you mean" not in caught.value.message("en")
    assert "“200000”" in caught.value.message("vi")


def test_a_list_without_money_still_reads_own_awards(tmp_path: Path) -> None:
    path = school(tmp_path)
    path.write_text(
        path.read_text("utf-8").replace(
            "  nguon_kinh_phi: Quỹ thi đua, khen thưởng của nhà trường", "  tien_thuong: khong"
        ),
        "utf-8",
    )
    listed = load_document(path).info.attachments.awards
    assert not listed.priced
    assert listed.groups[0].award in {"Học sinh Xuất sắc", "Tập thể lớp Tiên tiến xuất sắc"}


def test_a_school_prints_giay_khen_for_its_own_pupil_titles(tmp_path: Path) -> None:
    """An office's own danh hiệu ("Học sinh Xuất sắc", khen_thuong_rieng) is printed on its
    Giấy khen; only the decree's titles (Lao động tiên tiến ...) are refused (round 4, no. 5)."""
    school(tmp_path)
    batch = tmp_path / "gk.yaml"
    batch.write_text(
        "loai: giay_khen\nquyet_dinh: qd.yaml\nchon: {khen_thuong: Học sinh Xuất sắc}\n", "utf-8"
    )
    out = tmp_path / "gk.docx"
    result = CliRunner().invoke(main, ["render", str(batch), "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = [p.text for p in Document(str(out)).paragraphs if p.style.name == "GiayKhenTen"]
    assert names == ["Hà Minh Anh", "Vì Thị Bích"]
