"""A report refuses what would count a decision twice: a copied decision numbered by the
register, and a danh hiệu thi đua given twice in one year (the tester's case: last year's
folder copied for the next one, its dates not yet changed, doubled every figure of the issued
report)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main

REPORT = Path("2022") / "bao-cao-tong-ket.yaml"
HEADER = "Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại,Ghi chú\n"
MANH = "Lò Văn Mạnh,Phó Chánh Văn phòng,Văn phòng UBND tỉnh Sơn La,{award},Cá nhân,\n"
HOA = "Nguyễn Thị Hoa,Chuyên viên,Phòng Quản trị - Tài vụ,{award},Cá nhân,\n"  # not in 2021's


def check(report: Path, lang: str = "vi") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, "check", str(report)])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def test_a_copied_decision_numbered_by_the_register_is_refused(inputs_copy: Path) -> None:
    """The copy says `so: tu_dong` (the register numbers it), so there is no number to compare:
    the same date, trích yếu and list make it the same decision."""
    copy = inputs_copy / "2023"
    copy.mkdir()
    shutil.copy(inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv", copy)
    text = (inputs_copy / "2022" / "qd-giay-khen.yaml").read_text("utf-8")
    (copy / "qd-giay-khen-2023.yaml").write_text(text.replace("so: 153", "so: tu_dong"), "utf-8")
    code, out = check(inputs_copy / REPORT)
    assert code == 1
    assert (
        "2022/qd-giay-khen.yaml và " in out and "2023/qd-giay-khen-2023.yaml là cùng một quyết "
        "định khen thưởng (cùng ngày 22/12/2022, trích yếu và danh sách)" in out
    ), out
    code, out = check(inputs_copy / REPORT, "en")
    assert code == 1 and "are the same award decision (same date 22/12/2022" in out, out


def test_two_typed_numbers_are_two_decisions(inputs_copy: Path) -> None:
    """Alike as they are, 153 and 154 are two decisions the clerk issued: counted, no error."""
    extra = inputs_copy / "2022" / "bo-sung"
    extra.mkdir()
    shutil.copy(inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv", extra)
    text = (inputs_copy / "2022" / "qd-giay-khen.yaml").read_text("utf-8")
    (extra / "qd-154.yaml").write_text(text.replace("so: 153", "so: 154"), "utf-8")
    code, out = check(inputs_copy / REPORT)
    assert code == 0, out


def second_title_decision(
    inputs: Path, award: str, *, money: bool = True, row: str = MANH
) -> Path:
    """Another 2022 decision (its own number and trích yếu) giving Lò Văn Mạnh (or `row`)
    `award`."""
    folder = inputs / "2022"
    (folder / "bo-sung.csv").write_text(HEADER + row.format(award=award), "utf-8")
    text = (folder / "qd-lao-dong-tien-tien.yaml").read_text("utf-8")
    text = text.replace("so: 152", "so: 170").replace(
        "trich_yeu: Về việc công nhận danh hiệu thi đua năm 2022",
        "trich_yeu: Về việc công nhận bổ sung danh hiệu thi đua năm 2022",
    ).replace("danh_sach: danh-sach-ldtt-2022.xlsx", "danh_sach: bo-sung.csv")
    text = text.replace("  trang_tinh: Danh sách\n", "")
    if not money:
        text = text.replace("khen_thuong:\n", "khen_thuong:\n  tien_thuong: khong\n", 1)
        funds = "  nguon_kinh_phi: Quỹ thi đua, khen thưởng của Văn phòng UBND tỉnh\n"
        text = text.replace(funds, "")
    path = folder / "qd-bo-sung.yaml"
    path.write_text(text, "utf-8")
    return path


def test_a_title_given_twice_in_one_year_is_refused(inputs_copy: Path) -> None:
    second_title_decision(inputs_copy, "Lao động tiên tiến")
    code, out = check(inputs_copy / REPORT)
    assert code == 1
    assert (
        "Lò Văn Mạnh được công nhận danh hiệu 'Lao động tiên tiến' năm 2022 hai lần: " in out
        and "2022/qd-bo-sung.yaml (dòng 2 của danh sách) và " in out
        and "2022/qd-lao-dong-tien-tien.yaml (dòng 4);" in out
    ), out
    code, out = check(inputs_copy / REPORT, "en")
    assert code == 1 and "Lò Văn Mạnh is recognised 'Lao động tiên tiến' twice in 2022" in out


def test_a_title_in_a_list_without_money_is_known_by_its_name(inputs_copy: Path) -> None:
    second_title_decision(inputs_copy, "Lao động tiên tiến", money=False)
    code, out = check(inputs_copy / REPORT)
    assert code == 1 and "hai lần" in out and "2022/qd-bo-sung.yaml (dòng 2 " in out, out


def test_a_form_may_be_given_again(inputs_copy: Path) -> None:
    """A Giấy khen (a hình thức, not a danh hiệu) to someone already recognised is usual."""
    second_title_decision(inputs_copy, "Giấy khen của Chánh Văn phòng")
    code, out = check(inputs_copy / REPORT)
    assert code == 0, out


def test_titles_for_last_year_signed_in_january_are_last_year_s(inputs_copy: Path) -> None:
    """The 2021 titles decided on 10/01/2022 ("... năm 2021") and the 2022 titles on 20/12/2022
    give Nguyễn Thị Hoa Lao động tiên tiến for two years, not twice in one."""
    path = second_title_decision(inputs_copy, "Lao động tiên tiến", row=HOA)
    text = path.read_text("utf-8").replace("ngay: 20/12/2022", "ngay: 10/01/2022")
    path.write_text(text.replace("bổ sung danh hiệu thi đua năm 2022",
                                 "bổ sung danh hiệu thi đua năm 2021"), "utf-8")  # fmt: skip
    code, out = check(inputs_copy / REPORT)
    assert code == 0, out
