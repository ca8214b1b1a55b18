"""One order of tập thể and cá nhân for the whole award decision.

The office's `danh_sach: {nhom: ...}` (or the decision's `khen_thuong.trinh_bay`) orders the
Danh sách; the same order holds in Điều 1 (its count and the names it lists itself) and in
Điều 2's amount lines, which name each award once, with its amounts in that order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.context.quyet_dinh as quyet_dinh
from pipeline.context.quyet_dinh import per_kind_span
from tests.test_award_named import MONEY, NO_MONEY, article_one, office, render

HANH_DONG = "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện"
AN = "Lò Văn An,Chuyên viên,Phòng Nội vụ,Giấy khen,Cá nhân"
BINH = "Cầm Thị Bình,Kế toán,Phòng Tư pháp,Giấy khen,Cá nhân"
KINH_TE = "Phòng Kinh tế,,UBND huyện,Giấy khen,Tập thể"
EM = "Hà Văn Em,Chuyên viên,Phòng Y tế,Lao động tiên tiến,Cá nhân"
TAI_NGUYEN = "Phòng Tài nguyên,,UBND huyện,Tập thể lao động tiên tiến,Tập thể"
# As Điều 1 names them (dong_co_ten_mot_loai / dong_co_ten, without the closing mark).
LINE = {
    AN: "Lò Văn An, Chuyên viên, Phòng Nội vụ",
    BINH: "Cầm Thị Bình, Kế toán, Phòng Tư pháp",
    KINH_TE: "Phòng Kinh tế, UBND huyện",
    EM: "Hà Văn Em, Chuyên viên, Phòng Y tế",
    TAI_NGUYEN: "Phòng Tài nguyên, UBND huyện",
}
TAP_THE = "1.410.000 đồng/tập thể"  # Giấy khen, Nghị định 98/2023, lương cơ sở 2.340.000
CA_NHAN = "710.000 đồng/người"


def _lines(text: list[str], start: str) -> list[str]:
    """The '- ...' lines after the paragraph starting with `start`, closing mark removed."""
    first = next(i for i, line in enumerate(text) if line.startswith(start))
    lines = []
    for line in text[first + 1 :]:
        if not line.startswith("- "):
            break
        lines.append(line[2:].rstrip(";."))
    return lines


def _decision(
    renderer,
    tmp_path: Path,
    rows: list[str],
    nhom: str | None,
    *,
    money: bool = True,
    extra: str = "",
    wording: str = "",
) -> list[str]:
    """The text of a decision on `rows` by an office whose profile sets danh_sach.nhom (None:
    no setting) and the phrases `wording`; `extra`: more of the decision's khen_thuong."""
    profile = f"danh_sach: {{nhom: {nhom}, so_thu_tu: theo_nhom}}\n" if nhom else ""
    khen_thuong = (MONEY if money else NO_MONEY) + extra
    path = office(tmp_path, rows, hanh_dong=HANH_DONG, khen_thuong=khen_thuong,
                  profile_extra=profile + wording)  # fmt: skip
    return render(renderer, path)


# --- the tester's case: one award, 2 cá nhân and 1 tập thể, named in Điều 1 --------------------


@pytest.mark.parametrize(
    ("nhom", "count", "names", "amounts"),
    [
        ("tap_the_truoc", "01 tập thể và 02 cá nhân", [KINH_TE, AN, BINH], f"{TAP_THE}, {CA_NHAN}"),
        ("ca_nhan_truoc", "02 cá nhân và 01 tập thể", [AN, BINH, KINH_TE], f"{CA_NHAN}, {TAP_THE}"),
        # No order of its own: as the sheet has them (cá nhân first here).
        ("khong", "02 cá nhân và 01 tập thể", [AN, BINH, KINH_TE], f"{CA_NHAN}, {TAP_THE}"),
        (None, "02 cá nhân và 01 tập thể", [AN, BINH, KINH_TE], f"{CA_NHAN}, {TAP_THE}"),
    ],
)
def test_a_short_list_follows_the_office_order(
    renderer, tmp_path: Path, nhom: str | None, count: str, names: list[str], amounts: str
) -> None:
    text = _decision(renderer, tmp_path, [AN, BINH, KINH_TE], nhom)
    assert article_one(text) == f"Điều 1. {HANH_DONG} cho {count} có tên sau:"
    assert _lines(text, "Điều 1.") == [LINE[row] for row in names]
    # The award named once, its amounts in the same order, the line closing the list.
    assert _lines(text, "Điều 2.") == [f"Giấy khen: {amounts}"]
    assert f"- Giấy khen: {amounts}." in text


def test_without_an_order_a_collective_first_in_the_sheet_keeps_its_line_only(
    renderer, tmp_path: Path
) -> None:
    """The names stay in the sheet's order; the count and the amounts say cá nhân first, as
    every decision without an office order does, whichever row comes first (s48)."""
    text = _decision(renderer, tmp_path, [KINH_TE, AN, BINH], "khong")
    assert article_one(text) == f"Điều 1. {HANH_DONG} cho 02 cá nhân và 01 tập thể có tên sau:"
    assert _lines(text, "Điều 1.") == [LINE[KINH_TE], LINE[AN], LINE[BINH]]
    assert _lines(text, "Điều 2.") == [f"Giấy khen: {CA_NHAN}, {TAP_THE}"]


def test_the_tap_the_first_office_without_money(renderer, tmp_path: Path) -> None:
    """qd-hoc-sinh: no money, the class after the pupils in the sheet."""
    text = _decision(renderer, tmp_path, [AN, BINH, KINH_TE], "tap_the_truoc", money=False)
    assert article_one(text) == f"Điều 1. {HANH_DONG} cho 01 tập thể và 02 cá nhân có tên sau:"
    assert _lines(text, "Điều 1.") == [LINE[KINH_TE], LINE[AN], LINE[BINH]]
    assert not any(line.startswith("Điều 2. Tặng kèm tiền thưởng") for line in text)


def test_the_decision_overrides_the_office_order(renderer, tmp_path: Path) -> None:
    extra = "\n  trinh_bay: {nhom: ca_nhan_truoc}"
    text = _decision(renderer, tmp_path, [KINH_TE, AN, BINH], "tap_the_truoc", extra=extra)
    assert article_one(text) == f"Điều 1. {HANH_DONG} cho 02 cá nhân và 01 tập thể có tên sau:"
    assert _lines(text, "Điều 1.") == [LINE[AN], LINE[BINH], LINE[KINH_TE]]
    assert _lines(text, "Điều 2.") == [f"Giấy khen: {CA_NHAN}, {TAP_THE}"]


# --- several awards: the Danh sách's order, award after award ----------------------------------

SEVERAL = [AN, EM, KINH_TE, BINH, TAI_NGUYEN]


@pytest.mark.parametrize(
    ("nhom", "count", "names", "rates"),
    [
        # Awards given to tập thể only first, then those to both (tập thể first), then the rest.
        (
            "tap_the_truoc",
            "02 tập thể và 03 cá nhân",
            [TAI_NGUYEN, KINH_TE, AN, BINH, EM],
            [
                "Tập thể lao động tiên tiến: 1.880.000 đồng/tập thể",
                f"Giấy khen: {TAP_THE}, {CA_NHAN}",
                f"Lao động tiên tiến: {CA_NHAN}",
            ],
        ),
        (
            "ca_nhan_truoc",
            "03 cá nhân và 02 tập thể",
            [EM, AN, BINH, KINH_TE, TAI_NGUYEN],
            [
                f"Lao động tiên tiến: {CA_NHAN}",
                f"Giấy khen: {CA_NHAN}, {TAP_THE}",
                "Tập thể lao động tiên tiến: 1.880.000 đồng/tập thể",
            ],
        ),
        # As the awards first appear, each award's entries together, as the sheet has them.
        (
            "khong",
            "03 cá nhân và 02 tập thể",
            [AN, KINH_TE, BINH, EM, TAI_NGUYEN],
            [
                f"Giấy khen: {CA_NHAN}, {TAP_THE}",
                f"Lao động tiên tiến: {CA_NHAN}",
                "Tập thể lao động tiên tiến: 1.880.000 đồng/tập thể",
            ],
        ),
    ],
)
def test_several_awards_follow_the_office_order(
    renderer, tmp_path: Path, nhom: str, count: str, names: list[str], rates: list[str]
) -> None:
    text = _decision(renderer, tmp_path, SEVERAL, nhom)
    assert article_one(text) == f"Điều 1. {HANH_DONG} cho {count} có tên sau:"
    award = {row: row.split(",")[3] for row in SEVERAL}
    assert _lines(text, "Điều 1.") == [f"{LINE[row]}: {award[row]}" for row in names]
    assert _lines(text, "Điều 2.") == rates


@pytest.mark.parametrize("nhom", ["tap_the_truoc", "ca_nhan_truoc", "khong"])
def test_article_one_names_them_as_the_danh_sach_lists_them(
    renderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nhom: str
) -> None:
    """The same five rows named in Điều 1 and, when none are named there, in the Danh sách."""
    (tmp_path / "named").mkdir()
    (tmp_path / "listed").mkdir()
    named = _lines(_decision(renderer, tmp_path / "named", SEVERAL, nhom), "Điều 1.")
    monkeypatch.setattr(quyet_dinh, "NAMED_IN_ARTICLE", 0)
    listed = _decision(renderer, tmp_path / "listed", SEVERAL, nhom)
    assert article_one(listed).endswith("(có danh sách kèm theo).")
    names = [row.split(",")[0] for row in SEVERAL]
    in_list = [cell for cell in listed[listed.index("DANH SÁCH") :] if cell in names]
    assert in_list == [line.split(",")[0] for line in named]
    # And the count in the same order as the names.
    first_kind = "tập thể" if nhom == "tap_the_truoc" else "cá nhân"
    assert article_one(listed).split(" cho ")[1].split(" và ")[0].endswith(first_kind)


def test_a_long_list_counts_and_prices_in_the_order_of_its_headings(
    renderer, tmp_path: Path
) -> None:
    rows = [
        AN,
        BINH,
        KINH_TE,
        *(f"Người {n},Chuyên viên,Phòng {n},Giấy khen,Cá nhân" for n in "AB"),
    ]
    rows.append("Phòng Xây dựng,,UBND huyện,Giấy khen,Tập thể")
    text = _decision(renderer, tmp_path, rows, "tap_the_truoc")
    assert article_one(text) == (
        f"Điều 1. {HANH_DONG} cho 02 tập thể và 04 cá nhân (có danh sách kèm theo)."
    )
    assert text.index("I. TẬP THỂ (2)") < text.index("II. CÁ NHÂN (4)")
    assert _lines(text, "Điều 2.") == [f"Giấy khen: {TAP_THE}, {CA_NHAN}"]


# --- the office's own dieu_2_muc ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "lines"),
    [
        # Amount and kind together: repeated after the award, named once.
        (
            "{{ so_tien }} đồng cho mỗi {{ doi_tuong }} được tặng {{ khen_thuong }};",
            ["1.410.000 đồng cho mỗi tập thể, 710.000 đồng cho mỗi người được tặng Giấy khen"],
        ),
        # The award between the amount fields: a line per kind, in the office's order.
        (
            "Mỗi {{ doi_tuong }} được tặng {{ khen_thuong }}: {{ so_tien }} đồng;",
            [
                "Mỗi tập thể được tặng Giấy khen: 1.410.000 đồng",
                "Mỗi người được tặng Giấy khen: 710.000 đồng",
            ],
        ),  # fmt: skip
        # Not saying whom an amount is for: two amounts on one line could not be told apart.
        (
            "{{ khen_thuong }}: {{ so_tien }} đồng;",
            ["Giấy khen: 1.410.000 đồng", "Giấy khen: 710.000 đồng"],
        ),
        # No amount at all: the award once.
        ("{{ khen_thuong }} theo quy định;", ["Giấy khen theo quy định"]),
    ],
)
def test_an_office_amount_line(renderer, tmp_path: Path, phrase: str, lines: list[str]) -> None:
    wording = f'cau_chu:\n  dieu_2_muc: "{phrase}"\n'
    text = _decision(renderer, tmp_path, [AN, BINH, KINH_TE], "tap_the_truoc", wording=wording)
    assert _lines(text, "Điều 2.") == lines


@pytest.mark.parametrize(
    ("phrase", "span"),
    [
        (
            "{{ khen_thuong }}: {{ so_tien }} đồng/{{ doi_tuong }};",
            "{{ so_tien }} đồng/{{ doi_tuong }}",
        ),
        ("{{ doi_tuong }}: {{ so_tien }} đồng", "{{ doi_tuong }}: {{ so_tien }}"),
        ("{{ khen_thuong }}: {{ so_tien }} đồng;", None),
        ("{{ doi_tuong }} được tặng {{ khen_thuong }}: {{ so_tien }}", None),
        ("", None),
    ],
)
def test_per_kind_span(phrase: str, span: str | None) -> None:
    found = per_kind_span(phrase)
    assert (phrase[found[0] : found[1]] if found else None) == span
