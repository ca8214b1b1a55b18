"""A Giấy khen batch's date warning names the decision's file and line (r13b F6): the tester's
06-giay-khen.yaml is four lines (loai, quyet_dinh, in_thu, so_vao_so), yet check, render and
build said "06-giay-khen.yaml: dòng 1, trường 'ngay': văn bản ghi ngày 16/12/2026, sau hôm nay";
the date is the decision's (05-qd-giay-khen.yaml, dòng 4), where it is written and corrected."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.rules.dates import day_off
from tests.xa_workspace import xa_workspace

LIST = """\
Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại
Bản Nà Si,,xã Chiềng Mung,Giấy khen của Chủ tịch Ủy ban nhân dân xã,Tập thể
Lường Văn Tiến,Chuyên viên,Phòng Kinh tế,Giấy khen của Chủ tịch Ủy ban nhân dân xã,Cá nhân
Cà Thị Lan,Chuyên viên,Phòng Văn hóa - Xã hội,Giấy khen của Chủ tịch Ủy ban nhân dân xã,Cá nhân
"""
DECISION = """\
loai: quyet_dinh
co_quan: uy-ban-nhan-dan-xa-chieng-mung
so:
ngay: {ngay}
trich_yeu: Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc
tham_quyen: Chủ tịch Ủy ban nhân dân xã Chiềng Mung
can_cu:
  - Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025
  - Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022
  - Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng
theo_de_nghi: Chánh Văn phòng HĐND và UBND xã
khen_thuong:
  danh_sach: ds-giay-khen.csv
  hanh_dong: Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã
  thanh_tich: đã có thành tích xuất sắc trong phong trào thi đua
  nguon_kinh_phi: Quỹ thi đua, khen thưởng của xã
dieu:
  - noi_dung: Chánh Văn phòng HĐND và UBND xã và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.
noi_nhan:
  - Sở Nội vụ tỉnh Sơn La
don_vi_soan_thao: VP
nguoi_ky: chu-tich-ca-nhan
"""  # noqa: E501
BATCH = """\
loai: giay_khen
quyet_dinh: 05-qd-giay-khen.yaml
in_thu: co
so_vao_so: 101
"""


def ahead() -> date:
    """A working day some weeks after today: only the date-after-today warning applies."""
    day = date.today() + timedelta(days=11)
    while day_off(day) is not None or day.weekday() == 5:
        day += timedelta(days=1)
    return day


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path, date]:
    """The xã's decision dated ahead of today and its batch of Giấy khen, in its year folder."""
    xa_workspace(tmp_path)
    day = ahead()
    folder = tmp_path / "inputs" / str(day.year)
    folder.mkdir()
    (folder / "ds-giay-khen.csv").write_text(LIST, "utf-8")
    decision = folder / "05-qd-giay-khen.yaml"
    decision.write_text(DECISION.format(ngay=f"{day:%d/%m/%Y}"), "utf-8")
    batch = folder / "06-giay-khen.yaml"
    batch.write_text(BATCH, "utf-8")
    return decision, batch, day


def future(output: str) -> list[str]:
    return [line for line in output.splitlines() if "sau hôm nay" in line or "after today" in line]


def test_check_and_render_name_the_decision_s_file_and_line(
    files: tuple[Path, Path, date], tmp_path: Path
) -> None:
    decision, batch, day = files
    runner = CliRunner()
    expected = [
        f"Cảnh báo: {batch}: {decision}, dòng 4, trường 'ngay': văn bản ghi ngày {day:%d/%m/%Y}, "
        f"sau hôm nay ({date.today():%d/%m/%Y}): nếu gõ nhầm, hãy sửa ngày (số văn bản lấy "
        f"trong sổ năm {day.year}, theo ngày này)"
    ]
    checked = runner.invoke(main, ["check", str(batch)])
    assert checked.exit_code == 0, checked.output
    assert future(checked.output) == expected
    rendered = runner.invoke(main, ["render", str(batch), "-o", str(tmp_path / "gk.docx")])
    assert rendered.exit_code == 0, rendered.output
    assert future(rendered.output) == expected
    english = runner.invoke(main, ["--lang", "en", "check", str(batch)])
    assert future(english.output) == [
        f"Warning: {batch}: {decision}, line 4, field 'ngay': the document is dated "
        f"{day:%d/%m/%Y}, after today ({date.today():%d/%m/%Y}): if it was typed wrong, correct "
        f"it (its number is taken from the {day.year} register, by this date)"
    ]
    # The decision itself says it at its own line, as before.
    alone = runner.invoke(main, ["check", str(decision)])
    assert future(alone.output) == [
        f"Cảnh báo: {decision}: dòng 4, trường 'ngay': văn bản ghi ngày {day:%d/%m/%Y}, sau hôm "
        f"nay ({date.today():%d/%m/%Y}): nếu gõ nhầm, hãy sửa ngày (số văn bản lấy trong sổ năm "
        f"{day.year}, theo ngày này)"
    ]


def test_build_never_names_a_line_the_batch_does_not_have(
    files: tuple[Path, Path, date], tmp_path: Path
) -> None:
    decision, batch, _ = files
    built = CliRunner().invoke(
        main, ["build", "-j", "1", str(batch.parent), "-o", str(tmp_path / "out")]
    )
    assert built.exit_code == 0, built.output
    said = future(built.output)
    assert len(said) == 2, built.output
    assert all(f"{decision.name}, dòng 4, trường 'ngay'" in line or
               f"{decision.name}: dòng 4, trường 'ngay'" in line for line in said), said
    assert not any("dòng 1" in line for line in built.output.splitlines()), built.output
