"""r9b F6: a long trích yếu (any document type) breaks between the phrases a reader keeps together:
never "Hội đồng" | "Thi đua - Khen thưởng" when a better break exists, never "năm" | "2026", a
number never alone on the last line nor apart from the word it counts, never around a dash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.context.title_lines import BAD, GOOD, INSIDE_NAME, NAME, break_costs, title_lines
from pipeline.rules.metrics import PORTRAIT_TEXT_WIDTH_PT, text_width_pt
from tests.test_title_lines import printed_lines
from tests.typed_docs import REPO, example_data, open_docx, render_mapping

MINUTES = REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml"
COUNCIL = "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng phong trào đô thị văn minh"


def summary(typed: str) -> list[str]:
    """The trích yếu's lines as printed (bold 14 pt, in the case typed)."""
    return list(title_lines(typed, 14, PORTRAIT_TEXT_WIDTH_PT, bold=True, upper=False))


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        # Was "Họp Hội đồng" / "Thi đua - Khen thưởng … văn minh" (the council's name split).
        (COUNCIL,
         ["Họp Hội đồng Thi đua - Khen thưởng", "xét khen thưởng phong trào đô thị văn minh"]),
        # Was "Họp Hội đồng" / "… văn minh năm 2026", which LibreOffice wraps "năm" / "2026".
        (f"{COUNCIL} năm 2026",
         ["Họp Hội đồng Thi đua - Khen thưởng",
          "xét khen thưởng phong trào đô thị văn minh năm 2026"]),
        # Was "… cuộc họp Hội đồng" / "Thi đua - Khen thưởng Văn phòng …" (tb-ket-luan-...).
        ("Kết luận của Chánh Văn phòng tại cuộc họp Hội đồng Thi đua - Khen thưởng Văn phòng ngày "
         "06 tháng 02 năm 2024",
         ["Kết luận của Chánh Văn phòng tại cuộc họp",
          "Hội đồng Thi đua - Khen thưởng Văn phòng ngày 06 tháng 02 năm 2024"]),
    ],
)  # fmt: skip
def test_a_long_trich_yeu_keeps_a_name_and_its_year(typed: str, printed: list[str]) -> None:
    assert summary(typed) == printed
    for line in printed:
        assert text_width_pt(line, 14, bold=True) <= PORTRAIT_TEXT_WIDTH_PT


def test_break_costs_inside_a_name_around_a_dash_and_before_a_number() -> None:
    words = "Họp Hội đồng Thi đua - Khen thưởng xét theo Quyết định số 12 đợt 2 năm 2026".split()
    costs = break_costs(words)
    assert costs[words.index("Thi")] == INSIDE_NAME  # "Hội đồng" | "Thi đua"
    assert costs[words.index("-")] == BAD  # "Thi đua" | "- Khen thưởng"
    assert costs[words.index("Khen")] == BAD  # "Thi đua -" | "Khen thưởng"
    assert costs[words.index("xét")] == GOOD  # a phrase opens
    assert costs[words.index("12")] == BAD  # "số" | "12"
    assert costs[words.index("2")] == BAD  # "đợt" | "2"
    assert costs[words.index("2026")] == BAD
    # The title's first word is capital as a sentence's: what follows may start a name.
    words = "Triển khai Kế hoạch".split()
    assert break_costs(words)[2] == NAME


def test_a_number_is_never_alone_on_the_last_line() -> None:
    words = "Kỷ niệm ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam 2/9".split()
    assert break_costs(words)[-1] == BAD
    words = "Tổng kết phong trào thi đua giai đoạn 2021 - 2025".split()
    assert break_costs(words)[words.index("2021")] == BAD


def test_the_minutes_print_the_council_whole(renderer, tmp_path: Path) -> None:
    """The Biên bản of r9b (its trích yếu with " năm 2026"): two lines, the name whole, the
    year with "năm"; LibreOffice prints them as they are broken."""
    typed = f"{COUNCIL} năm 2026"
    docx = tmp_path / "bb.docx"
    docx.write_bytes(render_mapping(MINUTES, {"trich_yeu": typed}))
    title = next(p for p in open_docx(docx).paragraphs if p.style.style_id == "TrichYeu")
    assert title.text.split("\n") == [
        "Họp Hội đồng Thi đua - Khen thưởng",
        "xét khen thưởng phong trào đô thị văn minh năm 2026",
    ]
    text, lines = printed_lines(docx, tmp_path)
    assert "Họp Hội đồng Thi đua - Khen thưởng" in lines, text
    assert "xét khen thưởng phong trào đô thị văn minh năm 2026" in lines, text
    assert "2026" not in lines, text


# r9b F7: a list title typed "Danh sách …" printed "DANH SÁCH" twice.
GIAY_KHEN = REPO / "inputs" / "2022" / "qd-giay-khen.yaml"
LIST_TITLE = "Cá nhân, tập thể được tặng Giấy khen của Chánh Văn phòng UBND tỉnh"


def list_heading(changes: dict[str, Any]) -> tuple[str, str]:
    """The Danh sách's name line and its title (as printed) of qd-giay-khen with `changes`."""
    document = open_docx(render_mapping(GIAY_KHEN, changes))
    styled = {p.style.style_id: p.text for p in document.paragraphs}
    return styled["PhuLucSo"], styled["PhuLucTieuDe"]


def khen_thuong(title: str) -> dict[str, Any]:
    section = dict(example_data(GIAY_KHEN)["khen_thuong"])
    section["tieu_de_danh_sach"] = title
    return {"khen_thuong": section}


@pytest.mark.parametrize(
    "typed",
    [f"Danh sách {LIST_TITLE[0].lower()}{LIST_TITLE[1:]}", f"DANH SÁCH: {LIST_TITLE}",
     f"Danh sách\n{LIST_TITLE}"],
)
def test_danh_sach_typed_in_the_title_prints_once(typed: str) -> None:
    name, title = list_heading(khen_thuong(typed))
    assert name == "DANH SÁCH"
    assert title == "CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG GIẤY KHEN\nCỦA CHÁNH VĂN PHÒNG UBND TỈNH"


def test_a_list_title_is_kept_under_an_office_s_own_name() -> None:
    """Only the name the list prints is left out: under "BẢNG KÊ" the typed title is whole."""
    changes = {**khen_thuong(f"Danh sách {LIST_TITLE}"), "cau_chu": {"danh_sach_ten": "BẢNG KÊ"}}
    name, title = list_heading(changes)
    assert name == "BẢNG KÊ"
    assert title.replace("\n", " ") == f"DANH SÁCH {LIST_TITLE}".upper()


@pytest.mark.parametrize("starter", ["quyet-dinh.yaml", "quyet-dinh-giay-khen.yaml"])
def test_the_starters_say_the_list_title_is_needed_only_for_a_printed_list(starter: str) -> None:
    lines = (REPO / "pipeline" / "starters" / starter).read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("tieu_de_danh_sach:"))
    comment = " ".join(line.strip().lstrip("# ") for line in lines[at - 3 : at])
    assert "quá 5 người" in comment and "DANH SÁCH" in comment
