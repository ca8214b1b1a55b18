"""A stale căn cứ is warned outside a stand-alone Quyết định too (r13b F3): in the draft decision
a Tờ trình sends up (kept under kem-theo/ or written inside it), in a Tờ trình's and a Kế hoạch's
own căn cứ when they are about thi đua, khen thưởng, and, in any document dated from 01/07/2025,
a căn cứ citing the Luật Tổ chức chính quyền địa phương of 2015 (replaced by that of 16/6/2025).

The workspace is the tester's UBND xã Chiềng Mung (vanthu init --kieu ubnd-xa), its lists as CSV.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.rules.basis_lines import basis_lines
from pipeline.rules.cited_decrees import (
    LAWS_FILE,
    OtherDecree,
    other_period_cited,
    replaced_law_cited,
    replaced_laws,
    stale_basis,
)
from pipeline.rules.money_data import data_text
from tests.xa_workspace import CHAIRMAN, XA_OFFICE, line_of, write, xa_workspace

# The tester's profile with the Chủ tịch signing for the Ủy ban too, and a recipient group.
XA = f"""{XA_OFFICE}nguoi_ky:
  chu-tich:
    ho_ten: Lò Văn Thắng
    chuc_vu: Chủ tịch
    tham_quyen: TM.
    thay_cho: Ủy ban nhân dân
{CHAIRMAN}nhom_noi_nhan:
  cap-tren:
  - UBND tỉnh
  - Sở Nội vụ
"""
TINH = """\
ten_co_quan:
  - ỦY BAN NHÂN DÂN
  - TỈNH SƠN LA
ten_day_du: Ủy ban nhân dân tỉnh Sơn La
viet_tat: UBND
dia_danh: Sơn La
don_vi:
  SNV:
    ten: Sở Nội vụ
nguoi_ky:
  chu-tich-ca-nhan:
    ho_ten: Nguyễn Đình Việt
    chuc_vu: Chủ tịch
ten_khen_thuong:
  Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: Bằng khen của bộ, ban, ngành, tỉnh
"""
DRAFT_LIST = """\
Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại
Văn phòng HĐND và UBND xã Chiềng Mung,,Ủy ban nhân dân xã Chiềng Mung,Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh,Tập thể
Lò Thị Mai,Chánh Văn phòng,Văn phòng HĐND và UBND xã Chiềng Mung,Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh,Cá nhân
"""  # noqa: E501
ND_98 = (
    "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết một "
    "số điều của Luật Thi đua, khen thưởng"
)
ND_152 = (
    "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một "
    "số điều của Luật Thi đua, khen thưởng"
)
LAW_2003 = "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"
LOCAL_2015 = (
    "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số "
    "điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm "
    "2019"
)
LOCAL_2025 = "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"
SAID_2015 = "Luật Tổ chức chính quyền địa phương ngày 19/6/2015 (sửa đổi 2017, 2019)"
SAID_2025 = "Luật Tổ chức chính quyền địa phương ngày 16/6/2025"
SAID_2025_02 = "Luật Tổ chức chính quyền địa phương ngày 19/02/2025"  # 65/2025/QH15, 01/03/2025


def draft(can_cu: list[str], danh_sach: str = "ds-du-thao.csv") -> dict:
    """The draft decision of UBND tỉnh the xã sends up (the tester's kem-theo file)."""
    return {
        "loai": "quyet_dinh", "co_quan": "ubnd-tinh-son-la", "so": None, "ngay": "28/12/2026",
        "trich_yeu": "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "tham_quyen": "Chủ tịch Ủy ban nhân dân tỉnh Sơn La", "can_cu": can_cu,
        "theo_de_nghi": "Giám đốc Sở Nội vụ",
        "khen_thuong": {
            "danh_sach": danh_sach,
            "hanh_dong": "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
            "thanh_tich": "đã có thành tích xuất sắc trong phong trào thi đua năm 2026",
            "nguon_kinh_phi": "Quỹ thi đua, khen thưởng của tỉnh",
        },
        "dieu": [{"noi_dung": "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và các "
                              "tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
                              "Quyết định này."}],
        "noi_nhan": ["Sở Nội vụ"], "don_vi_soan_thao": "SNV", "nguoi_ky": "chu-tich-ca-nhan",
    }  # fmt: skip


def submission(mo_dau: list[str], du_thao: object = None, trich_yeu: str | None = None) -> dict:
    """The tester's Tờ trình đề nghị tặng Bằng khen (04-to-trinh.yaml), `so:` empty."""
    data = {
        "loai": "to_trinh", "co_quan": "uy-ban-nhan-dan-xa-chieng-mung", "so": None,
        "ngay": "07/12/2026",
        "trich_yeu": trich_yeu or "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân "
                                  "tỉnh năm 2026",
        "kinh_gui": ["Chủ tịch Ủy ban nhân dân tỉnh Sơn La"],
        "kinh_trinh": "Chủ tịch Ủy ban nhân dân tỉnh",
        "mo_dau": mo_dau,
        "doan_cuoi": ["Hồ sơ kèm theo: Báo cáo thành tích của tập thể, cá nhân."],
        "noi_nhan": ["Chủ tịch, các Phó Chủ tịch UBND xã"],
        "don_vi_soan_thao": "VP", "nguoi_ky": "chu-tich",
    }  # fmt: skip
    if du_thao is not None:
        data["du_thao"] = du_thao
    return data


def plan(mo_dau: list[str], trich_yeu: str, ngay: str = "01/12/2026") -> dict:
    """The tester's Kế hoạch tổ chức Hội nghị tổng kết (01-ke-hoach-hoi-nghi.yaml)."""
    return {
        "loai": "ke_hoach", "co_quan": "uy-ban-nhan-dan-xa-chieng-mung", "so": None,
        "ngay": ngay, "trich_yeu": trich_yeu, "mo_dau": mo_dau,
        "muc": [{"tieu_de": "Mục đích, yêu cầu",
                 "doan": ["Hội nghị tổ chức trang trọng, tiết kiệm, hiệu quả."]}],
        "ket_thuc": "Yêu cầu các cơ quan, đơn vị triển khai thực hiện",
        "noi_nhan": [{"nhom": "cap-tren"}], "don_vi_soan_thao": "VP", "nguoi_ky": "chu-tich",
    }  # fmt: skip


def notice(mo_dau: list[str], ngay: str) -> dict:
    """A Thông báo of the xã on another matter than thi đua, khen thưởng."""
    return {
        "loai": "thong_bao", "co_quan": "uy-ban-nhan-dan-xa-chieng-mung", "so": None,
        "ngay": ngay, "trich_yeu": "Phân công nhiệm vụ các thành viên Ủy ban nhân dân xã",
        "mo_dau": mo_dau, "ket_thuc": "Thông báo", "noi_nhan": ["Lãnh đạo"],
        "don_vi_soan_thao": "VP", "nguoi_ky": "chu-tich",
    }  # fmt: skip


@pytest.fixture()
def year(tmp_path: Path) -> Path:
    """A workspace of the xã with the province's profile: its 2026 folder."""
    agencies = xa_workspace(tmp_path, XA)
    (agencies / "ubnd-tinh-son-la.yaml").write_text(TINH, "utf-8")
    folder = tmp_path / "inputs" / "2026"
    (folder / "kem-theo").mkdir(parents=True)
    (folder / "kem-theo" / "ds-du-thao.csv").write_text(DRAFT_LIST, "utf-8")
    return folder


def said(args: list[str]) -> list[str]:
    """The lines of `vanthu <args>` that tell of a căn cứ (exit code 0: warnings only)."""
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return [x for x in result.output.splitlines() if "căn cứ" in x]


def test_the_draft_kept_under_kem_theo_is_warned_at_its_file_and_line(
    year: Path, tmp_path: Path
) -> None:
    """The tester's tt2.yaml: check said "Hợp lệ" and render printed "Căn cứ Nghị định 98/2023"
    above an Điều 2 paying under Nghị định 152/2025."""
    kept = write(year / "kem-theo" / "du-thao.yaml", draft([LOCAL_2025, ND_98]))
    tt = write(year / "tt2.yaml", submission(
        ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", f"Căn cứ {ND_152};"],
        du_thao="kem-theo/du-thao.yaml",
    ))  # fmt: skip
    where = f"{kept}, dòng {line_of(kept, '98/2023')}, trường 'can_cu[2]'"
    expected = [
        f"Cảnh báo: {tt}: {where}: căn cứ ghi Nghị định 98/2023/NĐ-CP, nhưng quyết định ngày "
        "28/12/2026 tính tiền thưởng theo Nghị định 152/2025/NĐ-CP (Điều 2 nêu nghị định này): "
        "sửa căn cứ cho đúng nghị định đang có hiệu lực (chép từ quyết định kỳ trước?)"
    ]
    assert said(["check", str(tt)]) == expected
    assert said(["render", str(tt), "-o", str(tmp_path / "tt2.docx")]) == expected
    english = said(["--lang", "en", "check", str(tt)])
    assert english == [
        f"Warning: {tt}: {kept}, line {line_of(kept, '98/2023')}, field 'can_cu[2]': the căn "
        "cứ cites Nghị định 98/2023/NĐ-CP, but a decision dated 28/12/2026 pays its rewards "
        "under Nghị định 152/2025/NĐ-CP (which Điều 2 names): cite the decree in force (copied "
        "from an earlier decision?)"
    ]
    # The draft citing the decree in force says nothing.
    write(kept, draft([LOCAL_2025, ND_152]))
    assert said(["check", str(tt)]) == []


def test_the_draft_written_inside_the_to_trinh_is_warned_at_its_line(year: Path) -> None:
    inside = draft([LOCAL_2025, LAW_2003, ND_152], danh_sach="kem-theo/ds-du-thao.csv")
    del inside["loai"]
    tt = write(year / "tt3.yaml", submission([f"Căn cứ {ND_152};"], du_thao=inside))
    lines = said(["check", str(tt)])
    assert len(lines) == 1, lines
    assert lines[0].startswith(
        f"Cảnh báo: {tt}: dòng {line_of(tt, LAW_2003)}, trường 'du_thao.can_cu[2]': căn cứ ghi "
        "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013), nhưng quyết định ngày 28/12/2026 "
        "theo Luật Thi đua, khen thưởng số 06/2022/QH15"
    ), lines


def test_a_to_trinh_s_own_basis_is_warned(year: Path) -> None:
    """The tester's tt.yaml of 07/12/2026: "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11
    năm 2003;" and "Căn cứ Nghị định số 98/2023/NĐ-CP ..." passed without a word."""
    tt = write(year / "tt.yaml", submission([f"Căn cứ {LAW_2003};", f"Căn cứ {ND_98};",
                                             "Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã."]))
    lines = said(["check", str(tt)])
    assert lines == [
        f"Cảnh báo: {tt}: dòng {line_of(tt, LAW_2003)}, trường 'mo_dau[1]': căn cứ ghi Luật Thi "
        "đua, khen thưởng 2003 (sửa đổi 2005, 2013), nhưng ngày 07/12/2026 (ngày của văn bản) "
        "đang có hiệu lực là Luật Thi đua, khen thưởng số 06/2022/QH15: sửa căn cứ cho đúng "
        "(chép từ văn bản kỳ trước?)",
        f"Cảnh báo: {tt}: dòng {line_of(tt, '98/2023')}, trường 'mo_dau[2]': căn cứ ghi Nghị "
        "định 98/2023/NĐ-CP, nhưng ngày 07/12/2026 (ngày của văn bản) đang có hiệu lực là Nghị "
        "định 152/2025/NĐ-CP: sửa căn cứ cho đúng (chép từ văn bản kỳ trước?)",
    ]
    english = said(["--lang", "en", "check", str(tt)])
    assert any("but on 07/12/2026 (the document's date) the one in force is Nghị định "
               "152/2025/NĐ-CP" in x for x in english), english  # fmt: skip


def test_a_plan_about_awards_is_warned_and_one_about_something_else_is_not(year: Path) -> None:
    """The tester's kh.yaml (01/12/2026) cites Nghị định 98/2023 in its mở đầu; whether a plan
    is about thi đua, khen thưởng is its own trích yếu's to say."""
    opening = [
        f"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022; {ND_98}; Ủy "
        "ban nhân dân xã Chiềng Mung ban hành Kế hoạch như sau:"
    ]
    kh = write(year / "kh.yaml", plan(opening, "Tổ chức Hội nghị tổng kết công tác thi đua, khen "
                                               "thưởng năm 2026"))  # fmt: skip
    lines = said(["check", str(kh)])
    assert len(lines) == 1 and "Nghị định 98/2023/NĐ-CP" in lines[0], lines
    assert f"dòng {line_of(kh, '98/2023')}, trường 'mo_dau[1]'" in lines[0]
    # A plan's texts are its căn cứ, wherever it names a decree ("Thực hiện ...").
    elsewhere = plan(["Ủy ban nhân dân xã ban hành Kế hoạch như sau:"], "Phát động phong trào "
                     "thi đua năm 2027")  # fmt: skip
    elsewhere["muc"][0]["doan"] = [f"Thực hiện {ND_98}."]
    write(kh, elsewhere)
    lines = said(["check", str(kh)])
    assert len(lines) == 1 and "trường 'muc[1].doan[1]'" in lines[0], lines
    write(kh, plan(opening, "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026"))
    assert said(["check", str(kh)]) == []


def test_the_local_government_law_of_2015_in_a_decision_after_1_july_2025(year: Path) -> None:
    """The line a xã clerk most often copies from a 2024 decision: the tester's 16/12/2026
    decision cited it without a word."""
    qd = draft([LOCAL_2015, "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", ND_152],
               danh_sach="kem-theo/ds-du-thao.csv")  # fmt: skip
    qd.update(co_quan="uy-ban-nhan-dan-xa-chieng-mung", ngay="16/12/2026", nguoi_ky="chu-tich",
              don_vi_soan_thao="VP")  # fmt: skip
    path = write(year / "qd.yaml", qd)
    assert said(["check", str(path)]) == [
        f"Cảnh báo: {path}: dòng {line_of(path, '19 tháng 6 năm 2015')}, trường 'can_cu[1]': "
        f"căn cứ ghi {SAID_2015}, nhưng ngày 16/12/2026 (ngày của văn bản) đang có hiệu lực là "
        f"{SAID_2025}: sửa căn cứ cho đúng (chép từ văn bản kỳ trước?)"
    ]


@pytest.mark.parametrize(
    ("ngay", "cited", "in_force"),
    [
        ("01/07/2025", LOCAL_2015, SAID_2025),  # the day the law of 16/6/2025 took effect
        ("30/06/2025", LOCAL_2015, SAID_2025_02),  # the law of 19/02/2025, from 01/03/2025
        ("28/02/2025", LOCAL_2015, None),
        ("05/12/2026", LOCAL_2025, None),
        ("05/12/2026", "Luật Tổ chức chính quyền địa phương số 77/2015/QH13", SAID_2025),
    ],
)
def test_any_document_citing_the_local_government_law(
    year: Path, ngay: str, cited: str, in_force: str | None
) -> None:
    """A Thông báo on no thi đua matter: the law of 2015 is warned in its căn cứ line all the
    same, from the day the 2025 law took effect."""
    folder = year.parent / ngay[-4:]
    folder.mkdir(exist_ok=True)
    tb = write(folder / "tb.yaml", notice([f"Căn cứ {cited};", "Ủy ban nhân dân xã thông báo:"],
                                          ngay))  # fmt: skip
    lines = said(["check", str(tb)])
    assert lines == ([f"Cảnh báo: {tb}: dòng {line_of(tb, cited[:40])}, trường 'mo_dau[1]': căn "
                      f"cứ ghi {SAID_2015}, nhưng ngày {ngay} (ngày của văn bản) đang có hiệu lực "
                      f"là {in_force}: sửa căn cứ cho đúng (chép từ văn bản kỳ trước?)"]
                     if in_force else []), lines  # fmt: skip


def test_the_table_of_replaced_laws_is_one_line_of_periods_per_law() -> None:
    """rules/data/luat-thay-the.yaml: each law's periods follow one another without a gap or
    an overlap, the last still in force; the Luật Tổ chức chính quyền địa phương of 2015 is
    replaced on 01/03/2025 (65/2025/QH15), that one on 01/07/2025 (72/2025/QH15)."""
    table = yaml.safe_load(data_text(LAWS_FILE))
    assert [law["ten"] for law in table["luat"]] == ["Luật Tổ chức chính quyền địa phương"]
    for law in replaced_laws():
        periods = law.periods
        assert periods[-1].until is None
        for before, after in zip(periods, periods[1:], strict=False):
            assert before.until is not None and (after.since - before.until).days == 1
    local = replaced_laws()[0]
    # The two laws of 2025 share their year: a citation of either is not told from the other.
    assert [(p.since, p.until, sorted(p.years)) for p in local.periods] == [
        (date(2016, 1, 1), date(2025, 2, 28), ["2015", "2017", "2019"]),
        (date(2025, 3, 1), date(2025, 6, 30), ["2025"]),
        (date(2025, 7, 1), None, ["2025"]),
    ]


@pytest.mark.parametrize(
    ("lines", "day", "found"),
    [
        ([LOCAL_2015], date(2026, 12, 16), (OtherDecree(0, SAID_2015, SAID_2025),)),
        (["Luật Tổ chức Chính quyền địa phương năm 2015"], date(2025, 7, 1),
         (OtherDecree(0, SAID_2015, SAID_2025),)),
        ([f"{LOCAL_2025}; {LOCAL_2015}"], date(2026, 1, 5), ()),  # the one in force beside it
        ([LOCAL_2025], date(2025, 2, 28), (OtherDecree(0, SAID_2025_02, SAID_2015),)),
        ([LOCAL_2025], date(2025, 3, 1), ()),  # a law of 2025 in force: not told apart
        (["Luật Tổ chức chính quyền địa phương"], date(2026, 1, 5), ()),  # no year: unknown
        # The next law named ends the citation: its year is not the local government law's.
        ([f"{LOCAL_2025}, Luật Thi đua, khen thưởng ngày 26/11/2003"], date(2026, 1, 5), ()),
        ([f"Luật Thi đua, khen thưởng 2022, {LOCAL_2015[:60]}"], date(2026, 1, 5),
         (OtherDecree(0, SAID_2015, SAID_2025),)),
    ],
)  # fmt: skip
def test_replaced_law_cited(lines: list[str], day: date, found: tuple[OtherDecree, ...]) -> None:
    assert replaced_law_cited(lines, day) == found


def test_one_rule_for_the_award_law_and_the_table() -> None:
    """The Luật Thi đua, khen thưởng (from the chế độ khen thưởng) and the table's laws are read
    by one rule (other_period_cited); the award law and decree only for a document about thi
    đua, khen thưởng, a law of the table for any."""
    lines = [LAW_2003, ND_98, LOCAL_2015]
    assert [(s.what, s.other.index) for s in stale_basis(lines, date(2026, 12, 7), awards=True)] \
        == [("law", 0), ("decree", 1), ("replaced", 2)]
    assert [(s.what, s.other.index) for s in stale_basis(lines, date(2026, 12, 7), awards=False)] \
        == [("replaced", 2)]
    local = replaced_laws()[0]
    assert other_period_cited([LOCAL_2015], date(2015, 3, 1), local) is None  # before either


def test_basis_lines_are_found_where_each_type_writes_them() -> None:
    data = {
        "can_cu": ["Luật A"],
        "mo_dau": ["Căn cứ Luật B;", "Xét đề nghị ..."],
        "muc": [{"tieu_de": "Căn cứ xây dựng kế hoạch", "doan": [{"gach": ["Luật C"]}]},
                {"tieu_de": "Nội dung", "doan": ["Luật D"]}],
        "du_thao": {"can_cu": ["Luật E"]},
    }  # fmt: skip
    assert basis_lines(data) == [
        (("can_cu", 0), "Luật A"), (("mo_dau", 0), "Căn cứ Luật B;"),
        (("muc", 0, "tieu_de"), "Căn cứ xây dựng kế hoạch"),
        (("muc", 0, "doan", 0, "gach", 0), "Luật C"),
    ]  # fmt: skip
    every = [place for place, _ in basis_lines(data, every_text=True)]
    assert ("muc", 1, "doan", 0) in every and ("du_thao", "can_cu", 0) not in every
