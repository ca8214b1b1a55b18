"""The awards of a list come in the order the sheet first names them, whatever the rows' order.

`sap_xep` (ten, don_vi) sorts the rows inside each award; it used to sort them before they
were grouped, so that the award of whichever tập thể sorted first came first: the 2022 example
printed Tập thể lao động xuất sắc before Tập thể lao động tiên tiến, the 2021 one (whose sheet
names them in the same order) after it. Điều 2's amount lines and the Danh sách's headings
follow the one order; the office's split by kind (danh_sach.nhom) still goes first.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from pipeline.awards import read_award_list
from tests.docx_text import paragraph_texts
from tests.test_award_named import MONEY, article_one, office, render
from tests.test_award_order import _lines

REPO = Path(__file__).resolve().parents[1]

LDTT = "Lao động tiên tiến"
TTLDTT = "Tập thể lao động tiên tiến"
TTLDXS = "Tập thể lao động xuất sắc"
# The sheet names LĐTT, then TTLĐTT (Tư pháp before Nội vụ), then TTLĐXS, whose Phòng Kinh tế
# sorts before every other tập thể by name and by unit.
ROWS = [
    f"Lò Văn An,Chuyên viên,Phòng Nội vụ,{LDTT},Cá nhân",
    f"Cầm Thị Bình,Kế toán,Phòng Tư pháp,{LDTT},Cá nhân",
    f"Hà Văn Em,Chuyên viên,Phòng Y tế,{LDTT},Cá nhân",
    f"Phòng Tư pháp,,UBND huyện,{TTLDTT},Tập thể",
    f"Phòng Nội vụ,,UBND huyện,{TTLDTT},Tập thể",
    f"Phòng Kinh tế,,UBND huyện,{TTLDXS},Tập thể",
]
_HEADING = re.compile(r"^[IVX]+\. ")


def _headings(text: list[str]) -> list[str]:
    """The award headings of the Danh sách ("I. LAO ĐỘNG TIÊN TIẾN (3)"), in order."""
    start = text.index("DANH SÁCH")
    return [line for line in text[start:] if _HEADING.match(line)]


def _rates(text: list[str]) -> list[str]:
    """The awards Điều 2 prices, in order."""
    return [line.split(":")[0] for line in _lines(text, "Điều 2.")]


def _group_rows(text: list[str], heading: str) -> list[str]:
    """The names under a heading of the Danh sách, up to the next one."""
    start = text.index(heading) + 1
    names = [row.split(",")[0] for row in ROWS]
    rows = []
    for line in text[start:]:
        if _HEADING.match(line) or line.startswith("Tổng cộng"):
            break
        if line in names:
            rows.append(line)
    return rows


@pytest.mark.parametrize("sap_xep", [None, "ten", "don_vi"])
def test_the_awards_keep_the_sheet_order_whatever_the_rows_order(
    renderer, tmp_path: Path, sap_xep: str | None
) -> None:
    extra = f"\n  sap_xep: {sap_xep}" if sap_xep else ""
    text = render(renderer, office(tmp_path, ROWS, khen_thuong=MONEY + extra))
    assert article_one(text).endswith("cho 03 cá nhân và 03 tập thể (có danh sách kèm theo).")
    assert _rates(text) == [LDTT, TTLDTT, TTLDXS]
    assert _headings(text) == [
        "I. LAO ĐỘNG TIÊN TIẾN (3)",
        "II. TẬP THỂ LAO ĐỘNG TIÊN TIẾN (2)",
        "III. TẬP THỂ LAO ĐỘNG XUẤT SẮC (1)",
    ]
    # The rows inside an award in the order sap_xep asks (the sheet's without it).
    sheet_order = ["Phòng Tư pháp", "Phòng Nội vụ"]
    expected = sheet_order if sap_xep is None else sorted(sheet_order)
    assert _group_rows(text, "II. TẬP THỂ LAO ĐỘNG TIÊN TIẾN (2)") == expected


@pytest.mark.parametrize(
    ("nhom", "rates"),
    [
        # Awards given to tập thể only first, in the sheet's order among them.
        ("tap_the_truoc", [TTLDTT, TTLDXS, LDTT]),
        ("ca_nhan_truoc", [LDTT, TTLDTT, TTLDXS]),
    ],
)
def test_the_split_by_kind_keeps_the_sheet_order_within_each_kind(
    renderer, tmp_path: Path, nhom: str, rates: list[str]
) -> None:
    extra = f"\n  sap_xep: don_vi\n  trinh_bay: {{nhom: {nhom}}}"
    text = render(renderer, office(tmp_path, ROWS, khen_thuong=MONEY + extra))
    assert _rates(text) == rates
    awards = [line.split(". ", 1)[1].rsplit(" (", 1)[0] for line in _headings(text)]
    assert [a for a in awards if a not in ("TẬP THỂ", "CÁ NHÂN")] == [r.upper() for r in rates]


def test_read_award_list_groups_in_sheet_order_and_sorts_inside(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại\n" + "\n".join(ROWS) + "\n", "utf-8")
    day = date(2024, 12, 20)
    for order in (None, "ten", "don_vi"):
        awards = read_award_list(path, day, order=order)  # type: ignore[arg-type]
        assert [g.award for g in awards.groups] == [LDTT, TTLDTT, TTLDXS], order
        # Every entry in one group, each once.
        assert sorted(e.row for g in awards.groups for e in g.entries) == sorted(
            e.row for e in awards.entries
        )
    by_unit = read_award_list(path, day, order="don_vi")
    assert [e.name for e in by_unit.groups[0].entries] == ["Lò Văn An", "Cầm Thị Bình", "Hà Văn Em"]
    assert [e.name for e in by_unit.groups[1].entries] == ["Phòng Nội vụ", "Phòng Tư pháp"]
    # The entries themselves sorted as before (tập thể after cá nhân, then unit and name).
    collectives = ["Phòng Kinh tế", "Phòng Nội vụ", "Phòng Tư pháp"]
    assert [e.name for e in by_unit.entries][3:] == collectives


@pytest.mark.parametrize(("year", "counts"), [(2021, (3, 1)), (2022, (4, 2))])
def test_the_example_decisions_print_the_collective_titles_in_one_order(
    renderer, tmp_path: Path, year: int, counts: tuple[int, int]
) -> None:
    """Both example sheets name TTLĐTT before TTLĐXS: both decisions print them so."""
    out = renderer.render_file(
        REPO / "inputs" / str(year) / "qd-lao-dong-tien-tien.yaml", tmp_path / "qd.docx"
    )
    text = paragraph_texts(out)
    assert _rates(text) == [LDTT, "Chiến sĩ thi đua cơ sở", TTLDTT, TTLDXS]
    assert _headings(text)[2:] == [
        f"III. TẬP THỂ LAO ĐỘNG TIÊN TIẾN ({counts[0]})",
        f"IV. TẬP THỂ LAO ĐỘNG XUẤT SẮC ({counts[1]})",
    ]
