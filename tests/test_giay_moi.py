"""Giấy mời: title, Trân trọng kính mời, Thời gian with the weekday computed from the date,
Địa điểm, Nội dung, Thành phần, './.', '- Như trên;'."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.rules.dates import time_text, weekday, weekday_date
from pipeline.verify import verify_file
from tests.typed_docs import (
    REPO,
    assert_number_and_title,
    assert_pages,
    assert_verified,
    body,
    cell_texts,
    open_docx,
    render_mapping,
    render_starter,
    render_variants,
    to_pdf,
)

EXAMPLE = REPO / "inputs" / "2024" / "giay-moi-hoi-nghi-tong-ket.yaml"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example; one inviting a list, ending on its Thành phần, on a Sunday afternoon."""
    out = tmp_path_factory.mktemp("giay-moi")
    variants = {
        "vi_du": {},
        "danh_sach": {
            "kinh_moi": ["Ông Lê Văn Bình", "Bà Nguyễn Thị Hoa"],
            "thoi_gian": {"gio": "14h30", "ngay": "04/02/2024"},
            "ket_thuc": None,
            "mo_dau": None,
            "noi_dung": None,
        },
    }
    return render_variants(EXAMPLE, variants, out)


def test_weekday_is_computed() -> None:
    assert weekday_date(date(2024, 2, 5)) == "thứ Hai, ngày 05 tháng 02 năm 2024"
    assert weekday(date(2024, 2, 4)) == "Chủ nhật"
    assert weekday(date(2024, 2, 10)) == "thứ Bảy"
    names = [weekday(date(2024, 1, 1) + timedelta(days=n)) for n in range(7)]
    assert names == ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [("8:00", "08 giờ 00"), ("8 giờ 30", "08 giờ 30"), ("14h30", "14 giờ 30"),
     ("7g", "07 giờ 00"), ("13 giờ 15 phút", "13 giờ 15"), ("24:00", None), ("8:60", None),
     ("sáng", None)],
)  # fmt: skip
def test_time_of_day(typed: str, printed: str | None) -> None:
    assert time_text(typed) == printed


def test_a_bad_time_is_refused_with_its_field() -> None:
    with pytest.raises(InputError) as caught:
        render_mapping(EXAMPLE, {"thoi_gian": {"gio": "sáng mai", "ngay": "05/02/2024"}})
    text = caught.value.message()
    assert "thoi_gian.gio" in text and "sáng mai" in text


def test_header_and_title(rendered: dict[str, Path]) -> None:
    subject = "Dự Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023"
    assert_number_and_title(open_docx(rendered["vi_du"]), "03/GM-VPUBND", "GIẤY MỜI", subject)


def test_invitation_lines(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["vi_du"]))
    texts = [x.text for x in looks[3:]]
    assert texts == [
        "Trân trọng kính mời: Đồng chí Trưởng các phòng, ban, đơn vị thuộc Văn phòng.",
        "Thời gian: 08 giờ 00, thứ Hai, ngày 05 tháng 02 năm 2024.",
        "Địa điểm: Hội trường tầng 3, Văn phòng UBND tỉnh Sơn La.",
        "Nội dung: Tổng kết công tác thi đua, khen thưởng năm 2023; phát động phong trào thi đua "
        "năm 2024.",
        "Thành phần:",
        "- Lãnh đạo Văn phòng;",
        "- Trưởng các phòng, ban, đơn vị thuộc Văn phòng;",
        "- Các tập thể, cá nhân được khen thưởng năm 2023.",
        "Đề nghị các đồng chí sắp xếp công việc, tham dự đúng thời gian./.",
    ]
    for item in looks[2:]:
        assert (item.size, item.bold, item.align, item.first_mm) == (14, False, "JUSTIFY", 12.7)


def test_list_of_guests_and_closing_on_the_last_line(rendered: dict[str, Path]) -> None:
    texts = [x.text for x in body(open_docx(rendered["danh_sach"]))[2:]]
    assert texts[:4] == [
        "Trân trọng kính mời:",
        "- Ông Lê Văn Bình;",
        "- Bà Nguyễn Thị Hoa.",
        "Thời gian: 14 giờ 30, Chủ nhật, ngày 04 tháng 02 năm 2024.",
    ]
    assert texts[-1] == "- Các tập thể, cá nhân được khen thưởng năm 2023./."


def test_recipients_and_signature(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["vi_du"])
    assert cell_texts(doc, -1, 0, 0) == [
        "Nơi nhận:", "- Như trên;", "- Lãnh đạo Văn phòng;", "- Lưu: VT, TCHCQT, H01b.",
    ]  # fmt: skip
    assert cell_texts(doc, -1, 0, 1)[-1] == "Nguyễn Huy Anh"


def test_wording_from_the_phrase_table() -> None:
    wording = {"thoi_gian": "Thời gian: {{ gio }} phút, {{ thu_ngay }}.",
               "kinh_moi": "{{ co_quan }} trân trọng kính mời:"}  # fmt: skip
    texts = [x.text for x in body(open_docx(render_mapping(EXAMPLE, {"cau_chu": wording})))]
    assert first_text(texts, "Văn phòng UBND tỉnh Sơn La trân trọng kính mời: Đồng chí")
    assert "Thời gian: 08 giờ 00 phút, thứ Hai, ngày 05 tháng 02 năm 2024." in texts


def first_text(texts: list[str], start: str) -> str:
    return next(t for t in texts if t.startswith(start))


@pytest.mark.parametrize("variant", ["vi_du", "danh_sach"])
def test_verify_passes_and_detects_the_type(rendered: dict[str, Path], variant: str) -> None:
    assert_verified(rendered[variant], "giay_moi")


def test_pdf_pages(rendered: dict[str, Path], tmp_path: Path) -> None:
    pdfs = to_pdf([rendered["vi_du"], rendered["danh_sach"]], tmp_path)
    pages = assert_pages(pdfs[0], 1)
    assert any("thứ Hai, ngày 05 tháng 02 năm 2024" in line for line in pages[0])
    assert_pages(pdfs[1], 1)


def test_starter_gives_the_meeting_a_span(tmp_path: Path) -> None:
    out = render_starter("giay-moi", tmp_path)
    texts = [p.text for p in open_docx(out).paragraphs]
    assert any(t.startswith("Thời gian: từ 08 giờ 00 đến 11 giờ 00, ") for t in texts)


def test_a_meeting_before_the_invitation_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        render_mapping(EXAMPLE, {"thoi_gian": {"gio": "8:00", "ngay": "05/02/2023"}})
    text = caught.value.message()
    assert "thoi_gian" in text and "05/02/2023" in text and "29/01/2024" in text


@settings(max_examples=25, deadline=None)
@given(day=st.dates(min_value=date(2024, 1, 29), max_value=date(2099, 12, 31)),
       other=st.integers(min_value=1, max_value=6))  # fmt: skip
def test_verify_reads_the_weekday_the_renderer_writes(
    tmp_path_factory: pytest.TempPathFactory, day: date, other: int
) -> None:
    """Any meeting day: the rendered Thời gian passes verify; another weekday in its place fails."""
    from pipeline.rules.dates import WEEKDAYS

    out = tmp_path_factory.mktemp("thu")
    data = render_mapping(EXAMPLE, {"thoi_gian": {"gio": "8:00", "ngay": day.strftime("%d/%m/%Y")}})
    good = out / "good.docx"
    good.write_bytes(data)
    assert "noi_dung.thu" not in verify_file(good).rules
    doc = open_docx(data)
    wrong = WEEKDAYS[(day.weekday() + other) % 7]
    line = next(p for p in doc.paragraphs if p.text.startswith("Thời gian:"))
    for run in line.runs:
        run.text = run.text.replace(weekday(day), wrong)
    bad = out / "bad.docx"
    doc.save(str(bad))
    assert verify_file(bad).rules == {"noi_dung.thu"}


def test_a_span_of_hours() -> None:
    changes = {"thoi_gian": {"gio": "8:00", "den": "11h30", "ngay": "05/02/2024"}}
    texts = [x.text for x in body(open_docx(render_mapping(EXAMPLE, changes)))]
    assert "Thời gian: từ 08 giờ 00 đến 11 giờ 30, thứ Hai, ngày 05 tháng 02 năm 2024." in texts
    with pytest.raises(InputError) as caught:
        when = {"gio": "14:00", "den": "9:00", "ngay": "05/02/2024"}
        render_mapping(EXAMPLE, {"thoi_gian": when})
    assert "thoi_gian.den" in caught.value.message()
