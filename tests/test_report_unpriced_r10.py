"""r10b F1: an award of a list without money (tien_thuong: khong) is the decree's award it names,
as in a list with money: "Giấy khen của Giám đốc Sở" is Giấy khen in both, so the year's report
counts one award, and both decisions print one group heading for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.errors import InputError
from tests.docx_text import paragraph_texts
from tests.new_office import new_office

HEADER = "Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại\n"
GIVEN = "Giấy khen của Giám đốc Sở"
PEOPLE = ["Lê Văn An", "Lò Thị Bình", "Cầm Văn Cường", "Vì Thị Dung", "Hà Văn Em", "Quàng Thị Gấm",
          "Tòng Văn Hải", "Điêu Thị Hoa", "Lường Văn Khánh", "Bạc Thị Lan", "Sầm Văn Minh",
          "Nông Thị Nga"]
# Enough names for an attached Danh sách (a few are named in Điều 1 itself).
PAID = HEADER + "".join(f"{n},Chuyên viên,Văn phòng Sở,{GIVEN},Cá nhân\n" for n in PEOPLE[:6])
UNPAID = HEADER + "".join(f"{n},Chuyên viên,Thanh tra Sở,{GIVEN},Cá nhân\n" for n in PEOPLE[6:])


def decision(profile: str, number: int, day: str, sheet: str, money: str) -> str:
    return f"""\
loai: quyet_dinh
co_quan: {profile}
so: {number}
ngay: {day}
trich_yeu: Về việc tặng Giấy khen {number}
tham_quyen: Giám đốc Sở Nội vụ tỉnh Sơn La
can_cu: ["Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"]
theo_de_nghi: Chánh Văn phòng Sở
khen_thuong:
  danh_sach: {sheet}
  tieu_de_danh_sach: Cá nhân được tặng Giấy khen
  hanh_dong: Tặng Giấy khen của Giám đốc Sở Nội vụ
  {money}
dieu: [{{noi_dung: Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này.}}]
noi_nhan: [Ban Giám đốc]
don_vi_soan_thao: VP
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: giam-doc
"""


REPORT = """\
loai: bao_cao
co_quan: {profile}
so: 12
ngay: 04/12/2026
nam: 2026
trich_yeu: Tổng kết công tác thi đua, khen thưởng năm 2026
mo_dau: ["Sở Nội vụ báo cáo như sau:"]
muc:
  - tieu_de: Kết quả
    khoan:
    - tieu_de: Khen thưởng
      doan:
      - "Giấy khen: {{{{ giay_khen.ca_nhan }}}} cá nhân ({{{{ giay_khen.luot }}}} lượt)."
      bang: [khen_thuong]
ket_thuc: Trên đây là báo cáo
noi_nhan: [UBND tỉnh]
don_vi_soan_thao: VP
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: giam-doc
"""


@pytest.fixture
def year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The office's 2026 folder: one decision paying money, one (later) without."""
    ws = new_office(tmp_path, monkeypatch)
    profile = next((ws / "inputs" / "co-quan").glob("*.yaml")).stem
    folder = ws / "inputs" / "2026"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.csv").write_text(PAID, "utf-8")
    (folder / "b.csv").write_text(UNPAID, "utf-8")
    (folder / "qd-a.yaml").write_text(decision(
        profile, 10, "10/11/2026", "a.csv", "nguon_kinh_phi: Quỹ thi đua, khen thưởng của Sở"
    ), "utf-8")  # fmt: skip
    (folder / "qd-b.yaml").write_text(
        decision(profile, 11, "20/11/2026", "b.csv", "tien_thuong: khong"), "utf-8"
    )
    (folder / "bc.yaml").write_text(REPORT.format(profile=profile), "utf-8")
    return folder


def render(*paths: Path) -> None:
    result = CliRunner().invoke(main, ["--lang", "vi", "render", *map(str, paths)])
    assert result.exit_code == 0, result.output


def output(folder: Path, name: str) -> Path:
    return folder.parent.parent / "outputs" / "2026" / name


def awards_rows(document: Document) -> list[list[str]]:
    """The cells of Bảng 1 (the table with a Lượt cá nhân column)."""
    for table in document.tables:
        rows = [[c.text.strip() for c in row.cells] for row in table.rows]
        if "Lượt cá nhân" in rows[0]:
            return rows
    raise AssertionError("no Bảng 1")


def test_the_report_counts_an_unpaid_award_under_the_decree_s_award(year: Path) -> None:
    render(year / "bc.yaml")
    document = Document(str(output(year, "bc.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Giấy khen: 12 cá nhân (12 lượt)." in text
    rows = awards_rows(document)
    named = [row[1] for row in rows[1:-1]]
    assert named == ["Giấy khen"], rows  # one award, not a second "mới" row
    assert rows[1][2] == "12"


def test_both_decisions_print_one_heading_for_the_same_typed_award(year: Path) -> None:
    render(year / "qd-a.yaml", year / "qd-b.yaml")
    paid = paragraph_texts(output(year, "qd-a.docx"))
    unpaid = paragraph_texts(output(year, "qd-b.docx"))
    assert "I. GIẤY KHEN (6)" in paid
    assert "I. GIẤY KHEN (6)" in unpaid


def test_an_office_name_for_the_award_is_printed_paid_or_not(year: Path) -> None:
    """ten_khen_thuong: the office's name prints in both, and both count as Giấy khen."""
    profile = next((year.parent / "co-quan").glob("*.yaml"))
    profile.write_text(
        profile.read_text("utf-8") + f"\nten_khen_thuong:\n  {GIVEN}: Giấy khen\n", "utf-8"
    )
    render(year / "qd-a.yaml", year / "qd-b.yaml", year / "bc.yaml")
    for name, count in (("qd-a.docx", 6), ("qd-b.docx", 6)):
        assert f"I. GIẤY KHEN CỦA GIÁM ĐỐC SỞ ({count})" in paragraph_texts(output(year, name))
    document = Document(str(output(year, "bc.docx")))
    assert "Giấy khen: 12 cá nhân (12 lượt)." in "\n".join(p.text for p in document.paragraphs)
    rows = awards_rows(document)
    assert [row[1] for row in rows[1:-1]] == [GIVEN]


# --- r10b F4: bang written under a Mục (or at the top) says it goes in a khoản -----------------


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  - tieu_de: Kết quả\n", "  - tieu_de: Kết quả\n    bang: [khen_thuong, don_vi]\n",
         "muc[1].bang"),
        ("ket_thuc:", "bang: khen_thuong\nket_thuc:", "bang"),
    ],
)  # fmt: skip
def test_a_table_outside_a_khoan_is_told_where_it_goes(
    year: Path, old: str, new: str, field: str
) -> None:
    report = year / "bc.yaml"
    text = report.read_text("utf-8").replace("      bang: [khen_thuong]\n", "")
    report.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(InputError) as caught:
        load_document(report)
    error = caught.value
    assert error.field == field
    assert error.line == next(n for n, line in enumerate(
        report.read_text("utf-8").splitlines(), 1) if line.strip().startswith("bang:"))  # fmt: skip
    assert "muc[…].khoan[…].bang" in error.message("vi")
    english = CliRunner().invoke(main, ["--lang", "en", "check", str(report)])
    assert english.exit_code == 1 and "goes in a khoản" in " ".join(english.output.split())
