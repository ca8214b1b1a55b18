"""A ceiling award (toi_da: the Kỷ niệm chương of a bộ, ngành or tỉnh pays "không quá 0,6" ×
mức lương cơ sở, Nghị định 98/2023 điểm d khoản 1 Điều 58, Nghị định 152/2025 khoản 1 Điều 54)
paid at the rate each row of its list states.

A Hệ số (or, without one, a Số tiền) at or below the maximum is the row's rate: hệ số × the base
salary on the decision's date, rounded up as the decree rounds, or the amount as stated. A row
stating none is paid the maximum, as before. Above the maximum (or 0) is refused at its cell,
naming the maximum and its decree. Điều 2 states each rate with the number of people paid it,
the highest first; the Danh sách, the total and the amount in words, and the year's Báo cáo sum
what each row is paid. Every test reads the rendered .docx (python-docx).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.rules.money import reward_amount, reward_at
from tests.docx_text import paragraph_texts
from tests.new_office import new_office

KNC = "Kỷ niệm chương của tỉnh"
DECREE_AWARD = "Kỷ niệm chương của bộ, ban, ngành, tỉnh"
HEADER = "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại,Hệ số,Số tiền\n"
# 15/10/2024: Nghị định 98/2023, lương cơ sở 2.340.000; 0,6 × 2.340.000 = 1.404.000 → 1.410.000.
DAY = "15/10/2024"
MAXIMUM = 1_410_000
# Rows at 0,5 (1.170.000), at 0,6, with no rate (the maximum), 0,5 with its amount typed beside,
# an amount alone (1.000.000), 0,45 (1.053.000, rounded up to 1.060.000).
MIXED = (
    HEADER
    + f"""\
Lê Văn An,Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,"0,5",
Lò Thị Bình,Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,"0,6",
Cầm Văn Cường,Chuyên viên,Thanh tra Sở,{KNC},Cá nhân,,
Vì Thị Dung,Chuyên viên,Thanh tra Sở,{KNC},Cá nhân,"0,5",1.170.000
Hà Văn Em,Chuyên viên,Phòng Công chức,{KNC},Cá nhân,,1.000.000
Quàng Thị Gấm,Chuyên viên,Phòng Công chức,{KNC},Cá nhân,"0,45",
Tòng Văn Hải,Chuyên viên,Phòng Công chức,{KNC},Cá nhân,"0,5",
"""
)
MIXED_AMOUNTS = [1_170_000, MAXIMUM, MAXIMUM, 1_170_000, 1_000_000, 1_060_000, 1_170_000]
MIXED_TOTAL = sum(MIXED_AMOUNTS)  # 8.390.000
MIXED_LINE = (
    f"- {KNC}: 1.410.000 đồng/người (02 người), 1.170.000 đồng/người (03 người), "
    "1.060.000 đồng/người (01 người), 1.000.000 đồng/người (01 người)."
)


def decision(profile: str, sheet: str = "knc.csv", day: str = DAY, extra: str = "") -> str:
    return f"""\
loai: quyet_dinh
co_quan: {profile}
so: 21
ngay: {day}
trich_yeu: Về việc tặng Kỷ niệm chương của tỉnh
tham_quyen: Giám đốc Sở Nội vụ tỉnh Sơn La
can_cu: ["Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"]
theo_de_nghi: Chánh Văn phòng Sở
khen_thuong:
  danh_sach: {sheet}
  tieu_de_danh_sach: Cá nhân được tặng Kỷ niệm chương của tỉnh
  hanh_dong: Tặng Kỷ niệm chương của tỉnh
  thanh_tich: đã có nhiều đóng góp cho sự nghiệp xây dựng và phát triển tỉnh
  nguon_kinh_phi: Quỹ thi đua, khen thưởng của Sở
dieu: [{{noi_dung: Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này.}}]
noi_nhan: [Ban Giám đốc]
don_vi_soan_thao: VP
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: giam-doc
{extra}"""


REPORT = """\
loai: bao_cao
co_quan: {profile}
so: 30
ngay: 20/12/2024
nam: 2024
trich_yeu: Tổng kết công tác thi đua, khen thưởng năm 2024
mo_dau: ["Sở Nội vụ báo cáo như sau:"]
muc:
  - tieu_de: Kết quả
    khoan:
    - tieu_de: Khen thưởng
      doan:
      - "Tổng số tiền thưởng {{{{ tong.tien }}}} đồng ({{{{ tong.tien_bang_chu }}}})."
      bang: [khen_thuong]
ket_thuc: Trên đây là báo cáo
noi_nhan: [UBND tỉnh]
don_vi_soan_thao: VP
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: giam-doc
"""


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new Sở's 2024 folder (the working folder is its workspace)."""
    ws = new_office(tmp_path, monkeypatch)
    folder = ws / "inputs" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def profile_of(folder: Path) -> str:
    return next((folder.parent / "co-quan").glob("*.yaml")).stem


def write(folder: Path, sheet: str, *, day: str = DAY, extra: str = "") -> Path:
    """The list and the decision in `folder`; the decision's path."""
    (folder / "knc.csv").write_text(sheet, "utf-8")
    path = folder / "qd-knc.yaml"
    path.write_text(decision(profile_of(folder), day=day, extra=extra), "utf-8")
    return path


def render(path: Path, out: Path) -> list[str]:
    """The paragraphs of the rendered decision (tables' cells included)."""
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return paragraph_texts(out)


def refused(path: Path, lang: str = "vi") -> str:
    result = CliRunner().invoke(
        main, ["--lang", lang, "render", str(path), "-o", str(path.with_suffix(".docx"))]
    )
    assert result.exit_code == 1, result.output
    assert not path.with_suffix(".docx").exists()
    return " ".join(result.output.split())


def article_2(texts: list[str]) -> list[str]:
    """Điều 2 from its opening to the paragraph before Điều 3."""
    start = next(i for i, t in enumerate(texts) if t.startswith("Điều 2."))
    end = next(i for i, t in enumerate(texts) if t.startswith("Điều 3."))
    return texts[start:end]


def list_rows(out: Path) -> list[list[str]]:
    """The Danh sách's table: its rows' cells."""
    for table in Document(str(out)).tables:
        rows = [[c.text.strip() for c in row.cells] for row in table.rows]
        if rows and rows[0][0] == "STT":
            return rows
    raise AssertionError("no Danh sách")


# --- the decision ------------------------------------------------------------------------------


def test_rows_below_the_ceiling_are_paid_their_own_rate(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "qd.docx"
    texts = article_2(render(write(office, MIXED), out))
    assert texts == [
        "Điều 2. Tặng kèm tiền thưởng theo quy định tại điểm d khoản 1 Điều 58 Nghị định số "
        "98/2023/NĐ-CP, mức lương cơ sở 2.340.000 đồng/tháng:",
        MIXED_LINE,
        "Tổng số tiền thưởng: 8.390.000 đồng.",
        "Bằng chữ: Tám triệu ba trăm chín mươi nghìn đồng.",
        "Nguồn kinh phí: Quỹ thi đua, khen thưởng của Sở.",
    ]
    assert MIXED_TOTAL == 8_390_000
    rows = list_rows(out)
    # Each row's own amount, in the list's order (Điều 1 names 7 > 5: the Danh sách is attached).
    paid = [row[-1] for row in rows if row[0].isdigit()]
    assert paid == ["1.170.000", "1.410.000", "1.410.000", "1.170.000", "1.000.000",
                    "1.060.000", "1.170.000"]  # fmt: skip
    assert rows[-1][0] == "Tổng cộng" and rows[-1][-1] == "8.390.000"


def test_one_lower_rate_for_every_row_reads_as_a_fixed_rate(office: Path, tmp_path: Path) -> None:
    sheet = HEADER + "".join(
        f'{name},Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,"0,5",\n'
        for name in ("Lê Văn An", "Lò Thị Bình")
    )
    texts = article_2(render(write(office, sheet), tmp_path / "qd.docx"))
    assert texts[1:4] == [
        f"- {KNC}: 1.170.000 đồng/người.",
        "Tổng số tiền thưởng: 2.340.000 đồng.",
        "Bằng chữ: Hai triệu ba trăm bốn mươi nghìn đồng.",
    ]


def test_under_decree_152_the_same_ceiling_applies(office: Path, tmp_path: Path) -> None:
    """10/11/2025: Nghị định 152/2025/NĐ-CP, khoản 1 Điều 54; 0,4 × 2.340.000 = 936.000, rounded
    up to 940.000."""
    folder = office.parent / "2025"
    folder.mkdir()
    sheet = (
        HEADER
        + f'Lê Văn An,Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,"0,4",\n'
        + (f"Lò Thị Bình,Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,,\n")
    )
    texts = article_2(render(write(folder, sheet, day="10/11/2025"), tmp_path / "qd.docx"))
    assert texts[0].startswith(
        "Điều 2. Tặng kèm tiền thưởng theo quy định tại khoản 1 Điều 54 Nghị định số 152/2025/NĐ-CP"
    )
    assert texts[1] == (f"- {KNC}: 1.410.000 đồng/người (01 người), 940.000 đồng/người (01 người).")
    assert texts[2] == "Tổng số tiền thưởng: 2.350.000 đồng."


def test_an_office_line_without_its_recipient_word_counts_each_rate(
    office: Path, tmp_path: Path
) -> None:
    """A dieu_2_muc naming no {{ doi_tuong }}: a line per rate, each with its count."""
    extra = 'cau_chu:\n  dieu_2_muc: "Mức thưởng {{ khen_thuong }}: {{ so_tien }} đồng;"\n'
    texts = article_2(render(write(office, MIXED, extra=extra), tmp_path / "qd.docx"))
    assert texts[1:5] == [
        f"- Mức thưởng {KNC}: 1.410.000 đồng (02 người);",
        f"- Mức thưởng {KNC}: 1.170.000 đồng (03 người);",
        f"- Mức thưởng {KNC}: 1.060.000 đồng (01 người);",
        f"- Mức thưởng {KNC}: 1.000.000 đồng (01 người).",
    ]


def test_the_count_after_each_rate_is_the_offices_phrase(office: Path, tmp_path: Path) -> None:
    """dieu_2_so_luong: the office's words for the number paid a rate; "" says none."""
    extra = 'cau_chu:\n  dieu_2_so_luong: "(đối với {{ so_luong }} {{ doi_tuong }})"\n'
    texts = article_2(render(write(office, MIXED, extra=extra), tmp_path / "qd.docx"))
    assert texts[1] == (
        f"- {KNC}: 1.410.000 đồng/người (đối với 02 người), 1.170.000 đồng/người (đối với 03 "
        "người), 1.060.000 đồng/người (đối với 01 người), 1.000.000 đồng/người (đối với 01 người)."
    )
    extra = 'cau_chu:\n  dieu_2_so_luong: ""\n'
    texts = article_2(render(write(office, MIXED, extra=extra), tmp_path / "qd2.docx"))
    assert texts[1] == (
        f"- {KNC}: 1.410.000 đồng/người, 1.170.000 đồng/người, 1.060.000 đồng/người, "
        "1.000.000 đồng/người."
    )


def test_the_output_passes_verify(office: Path, tmp_path: Path) -> None:
    out = tmp_path / "qd.docx"
    render(write(office, MIXED), out)
    result = CliRunner().invoke(main, ["--lang", "vi", "verify", str(out)])
    assert result.exit_code == 0, result.output


# --- refused -----------------------------------------------------------------------------------


def test_a_coefficient_above_the_ceiling_is_refused_naming_it(office: Path) -> None:
    sheet = HEADER + f'Lê Văn An,Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,"0,7",\n'
    text = refused(write(office, sheet))
    assert "knc.csv, dòng 2, trường 'Hệ số'" in text
    assert (
        "ô F2 ghi hệ số 0,7, nhưng «Kỷ niệm chương của tỉnh» cho cá nhân được thưởng không quá "
        "hệ số 0,6 (theo Nghị định 98/2023/NĐ-CP, điểm d khoản 1 Điều 58), tức tối đa "
        "1.410.000 đồng với mức lương cơ sở 2.340.000 đồng"
    ) in text


def test_an_amount_above_the_ceiling_is_refused_naming_it(office: Path) -> None:
    sheet = HEADER + f"Lê Văn An,Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,,1.420.000\n"
    text = refused(write(office, sheet))
    assert "knc.csv, dòng 2, trường 'Số tiền'" in text
    assert "ô G2 ghi 1.420.000 đồng" in text
    assert (
        "không quá 1.410.000 đồng (hệ số 0,6 × mức lương cơ sở 2.340.000 đồng, theo "
        "Nghị định 98/2023/NĐ-CP, điểm d khoản 1 Điều 58)" in text
    )
    english = refused(write(office, sheet), "en")
    assert "pays at most 1.410.000 đồng" in english


def test_a_zero_rate_is_refused(office: Path) -> None:
    sheet = HEADER + f"Lê Văn An,Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,0,\n"
    assert "lớn hơn 0 và không quá 0,6" in refused(write(office, sheet))


def test_an_amount_beside_a_coefficient_must_be_its_amount(office: Path) -> None:
    """0,5 pays 1.170.000: the maximum's 1.410.000 typed beside it is the clerk's slip."""
    sheet = HEADER + f'Lê Văn An,Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,"0,5",1.410.000\n'
    text = refused(write(office, sheet))
    assert "trường 'Số tiền'" in text and "là 1.170.000 đồng" in text


def test_a_fixed_rate_award_still_refuses_a_lower_coefficient(office: Path) -> None:
    sheet = HEADER + 'Lê Văn An,Chuyên viên,Văn phòng Sở,Giấy khen,Cá nhân,"0,2",\n'
    text = refused(write(office, sheet))
    assert "có hệ số 0,3" in text and "không quá" not in text


def test_one_amount_named_by_a_phrase_is_said_to_have_several_rates(office: Path) -> None:
    """{{ tien_ca_nhan }} and {{ khen_thuong_1.ca_nhan }} name one amount: with several rates
    of the award the error names them, at the phrase's line."""
    for name in ("tien_ca_nhan", "khen_thuong_1.ca_nhan"):
        extra = f'cau_chu:\n  dieu_2_mo_dau: "Mỗi người {{{{ {name} }}}} đồng:"\n'
        path = write(office, MIXED, extra=extra)
        with pytest.raises(InputError) as caught:
            load_document(path)
        assert caught.value.key == "wording.no_value.several_rates"
        assert caught.value.params["amounts"] == "1.410.000, 1.170.000, 1.060.000, 1.000.000"
        assert (
            caught.value.line
            == path.read_text("utf-8").splitlines().index(extra.splitlines()[1]) + 1
        )


def test_one_rate_is_named_by_the_award_s_field(office: Path, tmp_path: Path) -> None:
    sheet = HEADER + f'Lê Văn An,Chuyên viên,Văn phòng Sở,{KNC},Cá nhân,"0,5",\n'
    extra = 'cau_chu:\n  dieu_2_mo_dau: "Mỗi người {{ khen_thuong_1.ca_nhan }} đồng:"\n'
    texts = article_2(render(write(office, sheet, extra=extra), tmp_path / "qd.docx"))
    assert texts[0] == "Điều 2. Mỗi người 1.170.000 đồng:"


# --- the year's report -------------------------------------------------------------------------


def test_the_report_sums_what_each_row_is_paid(office: Path) -> None:
    write(office, MIXED)
    (office / "bc.yaml").write_text(REPORT.format(profile=profile_of(office)), "utf-8")
    result = CliRunner().invoke(main, ["--lang", "vi", "render", str(office / "bc.yaml")])
    assert result.exit_code == 0, result.output
    out = office.parent.parent / "outputs" / "2024" / "bc.docx"
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tổng số tiền thưởng 8.390.000 đồng (Tám triệu ba trăm chín mươi nghìn đồng)." in text
    table = next(
        rows
        for t in document.tables
        if (rows := [[c.text.strip() for c in row.cells] for row in t.rows])[0][0] == "STT"
    )
    # Bảng 1: STT, award, lượt cá nhân, lượt tập thể, số tiền, the year before, the change.
    assert [row[:5] for row in table[1:]] == [
        ["1", KNC, "7", "0", "8.390.000"],
        ["Tổng cộng", "Tổng cộng", "7", "0", "8.390.000"],
    ], table


# --- the rule itself ---------------------------------------------------------------------------


def test_reward_at_prices_a_stated_rate_up_to_the_ceiling() -> None:
    ceiling = reward_amount(DECREE_AWARD, date(2024, 10, 15), collective=False)
    assert ceiling.is_ceiling and ceiling.amount == MAXIMUM
    half = reward_at(ceiling, coefficient=Decimal("0.5"))
    assert half is not None and half.amount == 1_170_000 and half.coefficient == Decimal("0.5")
    assert reward_at(ceiling, coefficient=Decimal("0.45")).amount == 1_060_000  # type: ignore[union-attr]
    assert reward_at(ceiling, coefficient=Decimal("0.6")) is ceiling
    assert reward_at(ceiling, amount=MAXIMUM) is ceiling
    assert reward_at(ceiling, amount=1_000_000).amount == 1_000_000  # type: ignore[union-attr]
    assert reward_at(ceiling, coefficient=Decimal("0.61")) is None
    assert reward_at(ceiling, amount=MAXIMUM + 1) is None
    assert reward_at(ceiling, amount=0) is None
