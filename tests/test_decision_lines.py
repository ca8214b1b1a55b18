"""Award and council decisions as a drafter writes them: a list of '- ...;' lines ends with '.',
large counts are grouped (1.002), and a decree cited in Điều 2 carries its 'số'."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.context.quyet_dinh import two_digits, with_number_word
from tests.docx_text import paragraph_texts
from tests.test_award_named import MONEY, NO_MONEY, article_one, office, one_award, render

REPO = Path(__file__).resolve().parents[1]


def _lines_after(text: list[str], start: str) -> list[str]:
    first = next(i for i, line in enumerate(text) if line.startswith(start))
    lines = []
    for line in text[first + 1 :]:
        if not line.startswith("- "):
            break
        lines.append(line)
    return lines


def test_the_rates_of_article_two_end_with_a_full_stop(tmp_path: Path, renderer) -> None:
    out = renderer.render_file(
        REPO / "inputs" / "2022" / "qd-lao-dong-tien-tien.yaml", tmp_path / "qd.docx"
    )
    rates = _lines_after(paragraph_texts(out), "Điều 2.")
    assert len(rates) == 4
    assert [line[-1] for line in rates] == [";", ";", ";", "."]
    # The awards as the sheet first names them (TTLĐXS last), whatever sap_xep: don_vi does
    # to the rows (s50h).
    assert rates[-1] == "- Tập thể lao động xuất sắc: 2.240.000 đồng/tập thể."


def test_the_council_members_end_with_a_full_stop(tmp_path: Path, renderer) -> None:
    out = renderer.render_file(
        REPO / "inputs" / "2022" / "qd-thanh-lap-hoi-dong.yaml", tmp_path / "hd.docx"
    )
    members = _lines_after(paragraph_texts(out), "Điều 1.")
    assert len(members) == 7
    assert all(line.endswith(";") for line in members[:-1])
    assert members[-1].endswith("Bí thư Chi đoàn cơ quan - Ủy viên.")


def test_an_office_line_without_a_semicolon_is_left_as_written(tmp_path: Path, renderer) -> None:
    wording = "cau_chu:\n  dong_co_ten_mot_loai: '{{ ho_ten }} ({{ don_vi }})'\n"
    text = render(renderer, office(tmp_path, one_award(2), profile_extra=wording))
    assert _lines_after(text, "Điều 1.") == [
        "- Lò Văn An (Phòng Nội vụ)",
        "- Cầm Thị Bình (Phòng Tài chính - Kế hoạch)",
    ]


def test_article_two_cites_the_decree_with_its_number_word(tmp_path: Path, renderer) -> None:
    text = render(renderer, office(tmp_path, one_award(2), khen_thuong=MONEY))
    article = next(line for line in text if line.startswith("Điều 2."))
    assert " Nghị định số " in article and " Nghị định số số " not in article


@pytest.mark.parametrize(
    ("cited", "written"),
    [
        ("Nghị định 91/2017/NĐ-CP", "Nghị định số 91/2017/NĐ-CP"),
        ("Nghị định số 91/2017/NĐ-CP", "Nghị định số 91/2017/NĐ-CP"),
        ("Thông tư 12/2019/TT-BNV", "Thông tư số 12/2019/TT-BNV"),
        ("Luật Thi đua, khen thưởng 2003", "Luật Thi đua, khen thưởng 2003"),
        ("Luật Thi đua, khen thưởng số 06/2022/QH15", "Luật Thi đua, khen thưởng số 06/2022/QH15"),
    ],
)
def test_with_number_word(cited: str, written: str) -> None:
    assert with_number_word(cited) == written


@pytest.mark.parametrize(
    ("count", "printed"), [(1, "01"), (9, "09"), (10, "10"), (999, "999"), (1002, "1.002")]
)
def test_counts_as_decisions_print_them(count: int, printed: str) -> None:
    assert two_digits(count) == printed


def test_a_list_of_over_a_thousand_is_counted_in_groups(tmp_path: Path, renderer) -> None:
    row = "Người số {},Chuyên viên,Phòng {},Lao động tiên tiến,Cá nhân"
    rows = [row.format(n, n % 7) for n in range(1002)]
    text = render(renderer, office(tmp_path, rows))
    assert article_one(text).endswith(" cho 1.002 cá nhân (có danh sách kèm theo).")
    assert "I. LAO ĐỘNG TIÊN TIẾN (1.002)" in text


@pytest.mark.parametrize(
    ("nhom", "order"),
    [
        ("tap_the_truoc", ["GIẤY KHEN", "BẰNG KHEN", "LAO ĐỘNG TIÊN TIẾN"]),
        ("ca_nhan_truoc", ["LAO ĐỘNG TIÊN TIẾN", "BẰNG KHEN", "GIẤY KHEN"]),
        ("khong", ["LAO ĐỘNG TIÊN TIẾN", "BẰNG KHEN", "GIẤY KHEN"]),  # as they first appear
    ],
)
def test_the_first_kind_comes_first_across_awards(
    tmp_path: Path, renderer, nhom: str, order: list[str]
) -> None:
    rows = [
        *one_award(5),
        "Quàng Văn Dũng,Văn thư,Văn phòng,Bằng khen,Cá nhân",
        "Phòng Nội vụ,,UBND huyện,Bằng khen,Tập thể",
        "Phòng Tài chính - Kế hoạch,,UBND huyện,Giấy khen,Tập thể",
    ]
    layout = f"{NO_MONEY}\n  trinh_bay: {{nhom: {nhom}}}"
    text = render(renderer, office(tmp_path, rows, khen_thuong=layout))
    headings = [m[1] for line in text if (m := re.fullmatch(r"[IV]+\. (.+) \(\d+\)", line))]
    assert headings == order
