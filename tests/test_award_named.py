"""An award decision always names the award it gives: in Điều 1, on each line, or in the list.

One award named nowhere by the clerk's hanh_dong / thanh_tich ("Công nhận danh hiệu thi đua
năm 2024") is named in Điều 1 by phrase hanh_dong_kem_khen_thuong; documents that already name
it (the 2022 office data) print as before.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.api import load_document
from pipeline.errors import InputError
from tests.docx_text import paragraph_texts
from tests.test_wording import PROFILE  # the same UBND huyện

REPO = Path(__file__).resolve().parents[1]


HEADER = "Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại\n"
PEOPLE = [
    "Lò Văn An,Chuyên viên,Phòng Nội vụ",
    "Cầm Thị Bình,Kế toán,Phòng Tài chính - Kế hoạch",
    "Lò Thị Cúc,Chuyên viên,Phòng Nội vụ",
    "Quàng Văn Dũng,Văn thư,Văn phòng",
    "Hà Văn Em,Chuyên viên,Phòng Kinh tế",
    "Tòng Thị Phương,Chuyên viên,Phòng Tư pháp",
]
COLLECTIVE = "Phòng Tài chính - Kế hoạch,,UBND huyện,Giấy khen,Tập thể"
AWARD = "Lao động tiên tiến"



def decision(tham_quyen: str, body: str) -> str:
    """The huyện's decision 7 of 20/12/2024 recognising the year's titles, issued by
    `tham_quyen`, with `body` (its list block) between its grounds and its articles."""
    return f"""\
loai: quyet_dinh
co_quan: huyen
so: 7
ngay: 20/12/2024
trich_yeu: Về việc công nhận danh hiệu thi đua năm 2024
tham_quyen: {tham_quyen}
can_cu: [Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022]
theo_de_nghi: Trưởng phòng Nội vụ
{body}
dieu:
  - noi_dung: Trưởng phòng Nội vụ huyện chịu trách nhiệm thi hành Quyết định này.
noi_nhan: [Như trên]
don_vi_soan_thao: NV
nguoi_ky: ct
"""


DECISION = decision("Chủ tịch Ủy ban nhân dân huyện Mai Sơn", """\
khen_thuong:
  danh_sach: ds.csv
  hanh_dong: {hanh_dong}
  tieu_de_danh_sach: Cá nhân được công nhận danh hiệu thi đua năm 2024
{khen_thuong}""") + "{extra}"

GENERIC = "Công nhận danh hiệu thi đua năm 2024"
NO_MONEY = "  tien_thuong: khong"
MONEY = "  nguon_kinh_phi: Quỹ thi đua, khen thưởng huyện"


def office(
    tmp_path: Path,
    rows: list[str],
    *,
    hanh_dong: str = GENERIC,
    khen_thuong: str = NO_MONEY,
    extra: str = "",
    profile_extra: str = "",
) -> Path:
    """An office (profile, sheet of `rows`, decision) in tmp_path; the decision's path."""
    (tmp_path / "co-quan").mkdir(exist_ok=True)
    (tmp_path / "co-quan" / "huyen.yaml").write_text(PROFILE + profile_extra, "utf-8")
    (tmp_path / "ds.csv").write_text(HEADER + "".join(f"{r}\n" for r in rows), "utf-8")
    path = tmp_path / "qd.yaml"
    text = DECISION.format(hanh_dong=hanh_dong, khen_thuong=khen_thuong, extra=extra)
    path.write_text(text, "utf-8")
    return path


def one_award(count: int, award: str = AWARD) -> list[str]:
    return [f"{person},{award},Cá nhân" for person in PEOPLE[:count]]


def article_one(text: list[str]) -> str:
    return next(line for line in text if line.startswith("Điều 1."))


def named_lines(text: list[str]) -> list[str]:
    start = text.index(article_one(text)) + 1
    return [line for line in text[start:] if line.startswith("- ")][: len(PEOPLE)]


def render(renderer, path: Path) -> list[str]:
    return paragraph_texts(renderer.render_file(path, path.with_suffix(".docx")))


# --- one award, named nowhere by the clerk: Điều 1 names it -----------------------------------


@pytest.mark.parametrize("money", [False, True])
def test_one_award_named_in_article_one(tmp_path: Path, renderer, money: bool) -> None:
    """The tester's case: two people, both Lao động tiên tiến, a generic hanh_dong."""
    path = office(tmp_path, one_award(2), khen_thuong=MONEY if money else NO_MONEY)
    text = render(renderer, path)
    assert article_one(text) == (
        f"Điều 1. {GENERIC} (Lao động tiên tiến) cho 02 cá nhân có tên sau:"
    )
    # Named once, in Điều 1: the lines stay names only; the last one closes the list.
    assert named_lines(text)[:2] == [
        "- Lò Văn An, Chuyên viên, Phòng Nội vụ;",
        "- Cầm Thị Bình, Kế toán, Phòng Tài chính - Kế hoạch.",
    ]


@pytest.mark.parametrize(
    ("rows", "thanh_tich", "opening"),
    [
        # thành tích not naming the award: Điều 1 names it
        (3, "đã hoàn thành tốt nhiệm vụ năm 2024", f"{GENERIC} (Lao động tiên tiến)"),
        # thành tích naming it: left alone
        (2, "đạt danh hiệu Lao động tiên tiến năm 2024", GENERIC),
    ],
)
def test_one_award_with_thanh_tich(
    tmp_path: Path, renderer, rows: int, thanh_tich: str, opening: str
) -> None:
    path = office(tmp_path, one_award(rows), khen_thuong=f"{NO_MONEY}\n  thanh_tich: {thanh_tich}")
    assert article_one(render(renderer, path)) == (
        f"Điều 1. {opening} cho {rows:02d} cá nhân {thanh_tich}, gồm:"
    )


def test_one_award_in_a_list_split_by_kind_named_in_article_one(tmp_path: Path, renderer) -> None:
    """Split by tập thể / cá nhân, one award's list has no award heading: Điều 1 names it."""
    path = office(
        tmp_path, one_award(6), khen_thuong=f"{MONEY}\n  trinh_bay: {{nhom: tap_the_truoc}}"
    )
    text = render(renderer, path)
    assert article_one(text) == (
        f"Điều 1. {GENERIC} (Lao động tiên tiến) cho 06 cá nhân (có danh sách kèm theo)."
    )
    assert "I. CÁ NHÂN (6)" in text and "I. LAO ĐỘNG TIÊN TIẾN (6)" not in text


def test_one_award_in_a_list_with_its_heading_is_as_before(tmp_path: Path, renderer) -> None:
    """The list's group heading already names the one award: Điều 1 is left as it was."""
    text = render(renderer, office(tmp_path, one_award(6)))
    assert article_one(text) == f"Điều 1. {GENERIC} cho 06 cá nhân (có danh sách kèm theo)."
    assert "I. LAO ĐỘNG TIÊN TIẾN (6)" in text


# --- several awards: each line or each group names its own ------------------------------------


def test_several_awards_named_on_each_line(tmp_path: Path, renderer) -> None:
    rows = [*one_award(2), COLLECTIVE]
    text = render(renderer, office(tmp_path, rows))
    # Counted in the order the lines name them, only the kinds there are.
    assert article_one(text) == f"Điều 1. {GENERIC} cho 02 cá nhân và 01 tập thể có tên sau:"
    assert named_lines(text)[:3] == [
        "- Lò Văn An, Chuyên viên, Phòng Nội vụ: Lao động tiên tiến;",
        "- Cầm Thị Bình, Kế toán, Phòng Tài chính - Kế hoạch: Lao động tiên tiến;",
        "- Phòng Tài chính - Kế hoạch, UBND huyện: Giấy khen.",
    ]


def test_collective_named_first_is_counted_after_the_people(tmp_path: Path, renderer) -> None:
    """Without an office order the count says cá nhân first whichever line comes first, as
    Điều 2's amounts do (s48)."""
    text = render(renderer, office(tmp_path, [COLLECTIVE, *one_award(1)]))
    assert article_one(text) == f"Điều 1. {GENERIC} cho 01 cá nhân và 01 tập thể có tên sau:"


@pytest.mark.parametrize("split", [False, True])
def test_several_awards_in_a_list_named_by_their_headings(
    tmp_path: Path, renderer, split: bool
) -> None:
    layout = "\n  trinh_bay: {nhom: tap_the_truoc}" if split else ""
    path = office(tmp_path, [*one_award(6), COLLECTIVE], khen_thuong=NO_MONEY + layout)
    text = render(renderer, path)
    counts = "01 tập thể và 06 cá nhân" if split else "06 cá nhân và 01 tập thể"  # list's order
    assert article_one(text) == f"Điều 1. {GENERIC} cho {counts} (có danh sách kèm theo)."
    if split:  # tập thể trước: the award given to tập thể only comes first
        assert "I. GIẤY KHEN (1)" in text and "II. LAO ĐỘNG TIÊN TIẾN (6)" in text
    else:
        assert "I. LAO ĐỘNG TIÊN TIẾN (6)" in text and "II. GIẤY KHEN (1)" in text


# --- documents that already name the award print as before -----------------------------------


@pytest.mark.parametrize(
    "hanh_dong",
    [
        "Công nhận danh hiệu Lao động tiên tiến năm 2024",
        "Công nhận danh hiệu LAO ĐỘNG TIÊN TIẾN năm 2024",  # case does not matter
        unicodedata.normalize("NFD", "Công nhận danh hiệu lao động tiên tiến năm 2024"),
    ],
)
@pytest.mark.parametrize("count", [2, 6])
def test_hanh_dong_naming_the_award_is_left_alone(
    tmp_path: Path, renderer, hanh_dong: str, count: int
) -> None:
    layout = "\n  trinh_bay: {nhom: ca_nhan_truoc}"
    path = office(tmp_path, one_award(count), hanh_dong=hanh_dong, khen_thuong=NO_MONEY + layout)
    article = unicodedata.normalize("NFC", article_one(render(renderer, path)))
    assert "(Lao động tiên tiến)" not in article
    assert article.startswith(f"Điều 1. {unicodedata.normalize('NFC', hanh_dong)} cho ")




def test_the_2022_giay_khen_decision_with_three_rows_is_as_before(tmp_path: Path, renderer) -> None:
    folder = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    sheet = folder / "2022" / "danh-sach-giay-khen-2022.csv"
    sheet.write_text("\n".join(sheet.read_text("utf-8-sig").splitlines()[:4]) + "\n", "utf-8-sig")
    text = render(renderer, folder / "2022" / "qd-giay-khen.yaml")
    assert article_one(text) == (
        "Điều 1. Tặng Giấy khen của Chánh Văn phòng UBND tỉnh cho 03 cá nhân đã có "
        "thành tích xuất sắc trong thực hiện nhiệm vụ năm 2022, gồm:"
    )
    assert named_lines(text)[:3] == [
        "- Lê Thị Mỹ Hạnh, Kỹ thuật viên, Trung tâm Thông tin;",
        "- Quàng Thị Ngân, Chuyên viên, Phòng Nội chính;",
        "- Nguyễn Đức Thọ, Chuyên viên, Phòng Tổng hợp.",
    ]


def test_the_2022_decisions_print_article_one_as_before(renderer, tmp_path: Path) -> None:
    expected = {
        # 54 titles to cá nhân, 50 persons: four hold both LĐTT and CSTĐCS (persons counted).
        "qd-lao-dong-tien-tien": "Điều 1. Công nhận danh hiệu thi đua năm 2022 cho 50 cá nhân "
        "và 06 tập thể (có danh sách kèm theo).",
        "qd-giay-khen": "Điều 1. Tặng Giấy khen của Chánh Văn phòng UBND tỉnh cho 08 cá nhân "
        "và 02 tập thể đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2022 (có danh "
        "sách kèm theo).",
    }
    for name, article in expected.items():
        out = renderer.render_file(
            REPO / "inputs" / "2022" / f"{name}.yaml", tmp_path / f"{name}.docx"
        )
        assert article_one(paragraph_texts(out)) == article


# --- the phrase is the office's to word --------------------------------------------------------


def test_office_words_the_award_in_article_one(tmp_path: Path, renderer) -> None:
    wording = (
        "cau_chu:\n  hanh_dong_kem_khen_thuong: "
        "'Công nhận danh hiệu \"{{ khen_thuong_chung }}\" năm 2024'\n"
    )
    path = office(tmp_path, one_award(2), profile_extra=wording)
    assert article_one(render(renderer, path)) == (
        'Điều 1. Công nhận danh hiệu "Lao động tiên tiến" năm 2024 cho 02 cá nhân có tên sau:'
    )


def test_office_article_naming_the_award_is_not_doubled(tmp_path: Path, renderer) -> None:
    wording = (
        "cau_chu:\n  dieu_1_co_ten_khong_thanh_tich: "
        "'{{ hanh_dong }}, danh hiệu {{ khen_thuong_chung }}, cho:'\n"
    )
    path = office(tmp_path, one_award(2), profile_extra=wording)
    assert article_one(render(renderer, path)) == (
        f"Điều 1. {GENERIC}, danh hiệu Lao động tiên tiến, cho:"
    )


def test_money_field_in_the_award_phrase_without_money_is_an_error_at_its_line(
    tmp_path: Path,
) -> None:
    extra = "cau_chu:\n  hanh_dong_kem_khen_thuong: '{{ hanh_dong }} ({{ tong_tien }} đồng)'\n"
    path = office(tmp_path, one_award(2), extra=extra)
    with pytest.raises(InputError) as caught:
        load_document(path)
    number = next(
        n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if "hanh_dong_kem_khen_thuong" in line
    )  # fmt: skip
    assert caught.value.line == number
    assert "tong_tien" in caught.value.message()


# --- the tester's reproduction: a new workspace's starter -------------------------------------


def test_new_workspace_starter_with_one_award_names_it(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run(*args: str):
        result = CliRunner().invoke(cli, ["--lang", "vi", *args])
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
        return result

    folder = tmp_path / "so"
    run("init", str(folder), "--kieu", "so-nganh", "--dia-danh", "Sơn La", "--co-quan",
        "SỞ NỘI VỤ", "--ten-day-du", "Sở Nội vụ tỉnh Sơn La", "--viet-tat", "SNV",
        "--nguoi-ky", "Nguyễn Văn A")  # fmt: skip
    monkeypatch.chdir(folder)
    run("new", "quyet-dinh", "-o", "qd.yaml")
    sheet = folder / "danh-sach-khen-thuong.csv"
    sheet.write_text(
        "Họ và tên,Chức vụ,Đơn vị,Danh hiệu\nNguyễn A,CV,VP,Lao động tiên tiến\n"
        "Trần B,KT,VP,Lao động tiên tiến\n",
        "utf-8",
    )
    decision = folder / "qd.yaml"
    text = decision.read_text("utf-8")
    if "tien_thuong:" not in text.replace("# tien_thuong:", ""):
        text = text.replace("khen_thuong:\n", "khen_thuong:\n  tien_thuong: khong\n", 1)
    decision.write_text(text, "utf-8")
    run("render", "qd.yaml", "-o", "qd.docx")
    lines = paragraph_texts(folder / "qd.docx")
    article = article_one(lines)
    assert AWARD.casefold() in article.casefold(), article
    assert "- Nguyễn A, CV, VP;" in lines or "- Nguyễn A, CV, VP: Lao động tiên tiến;" in lines
