"""A decision's căn cứ citing the decree of another chế độ khen thưởng than the one its Điều 2
pays under (copied from last period's decision, the date changed) is a warning at its line in
check, render and build; citing the decree in force, alone or beside an older one, says
nothing (the tester's 10/01/2025 decision citing Nghị định 152/2025)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.rules.cited_decrees import OtherDecree, other_decree_cited, other_law_cited

LDTT_98 = "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ"


@pytest.mark.parametrize(
    ("lines", "day", "found"),
    [
        (["Luật Thi đua", "Nghị định số 152/2025/NĐ-CP của Chính phủ"], date(2025, 1, 10),
         OtherDecree(1, "Nghị định 152/2025/NĐ-CP", "Nghị định 98/2023/NĐ-CP")),
        ([LDTT_98], date(2025, 12, 13),
         OtherDecree(0, "Nghị định 98/2023/NĐ-CP", "Nghị định 152/2025/NĐ-CP")),
        (["Nghị định 91/2017/nđ-cp"], date(2024, 3, 1),
         OtherDecree(0, "Nghị định 91/2017/NĐ-CP", "Nghị định 98/2023/NĐ-CP")),
        ([LDTT_98], date(2025, 1, 10), None),  # in force
        (["Nghị định số 91/2017/NĐ-CP", LDTT_98], date(2024, 6, 1), None),  # history beside
        (["Nghị định số 130/2020/NĐ-CP về tổ chức bộ máy"], date(2024, 6, 1), None),  # no regime's
        ([LDTT_98], date(2016, 3, 1), None),  # before the reward data: refused elsewhere
    ],
)  # fmt: skip
def test_other_decree_cited(lines: list[str], day: date, found: OtherDecree | None) -> None:
    if day < date(2017, 10, 1):
        with pytest.raises(Exception, match="01/10/2017"):
            other_decree_cited(lines, day)
        return
    assert other_decree_cited(lines, day) == found


LAW_2003 = "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"
LAW_2013 = "Luật sửa đổi, bổ sung một số điều của Luật Thi đua khen thưởng ngày 16/11/2013"
LAW_2022 = "Luật Thi đua, khen thưởng số 06/2022/QH15"
OLD, NEW = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013)", LAW_2022


@pytest.mark.parametrize(
    ("lines", "day", "found"),
    [
        ([LAW_2003, LDTT_98], date(2024, 3, 1), OtherDecree(0, OLD, NEW)),
        (["Nghị định 98/2023", LAW_2013], date(2025, 9, 1), OtherDecree(1, OLD, NEW)),
        ([f"{LAW_2003}; {LAW_2013}"], date(2022, 12, 20), None),  # in force then
        ([LAW_2003, "luật thi đua, khen thưởng ngày 15 tháng 6 năm 2022"], date(2024, 3, 1),
         None),  # the law in force cited beside the old one, by its date
        ([LAW_2022], date(2024, 3, 1), None),
        ([LAW_2022], date(2023, 3, 1), OtherDecree(0, NEW, OLD)),  # before it took effect
        (["Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"], date(2024, 3, 1), None),
    ],
)  # fmt: skip
def test_other_law_cited(lines: list[str], day: date, found: OtherDecree | None) -> None:
    assert other_law_cited(lines, day) == found


def test_check_render_and_build_warn_at_the_line(inputs_copy: Path, tmp_path: Path) -> None:
    """The 2022 decision (citing 91/2017) copied and dated 2024, when 98/2023 applies."""
    source = (inputs_copy / "2022" / "qd-lao-dong-tien-tien.yaml").read_text("utf-8")
    year = inputs_copy / "2024"
    copied = year / "qd-chep-nam-truoc.yaml"
    text = re.sub(r"(?m)^ngay: .*$", "ngay: 20/03/2024", source)
    copied.write_text(re.sub(r"(?m)^so: .*$", "so: 61", text), "utf-8")
    shutil.copy(inputs_copy / "2022" / "danh-sach-ldtt-2022.xlsx", year)
    # The căn cứ's second item: "  - >-" and, on the next line, its text.
    line = text.splitlines().index("    Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của "
                                   "Chính phủ quy định chi tiết thi hành")  # fmt: skip
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(copied)])
    assert checked.exit_code == 0, checked.output
    said = [x for x in checked.output.splitlines() if "Nghị định 98/2023/NĐ-CP" in x]
    assert len(said) == 1 and "Nghị định 91/2017/NĐ-CP" in said[0], checked.output
    assert f"dòng {line}" in said[0] and "can_cu[2]" in said[0] and "20/03/2024" in said[0]
    rendered = runner.invoke(main, ["render", str(copied), "-o", str(tmp_path / "qd.docx")])
    assert rendered.exit_code == 0 and "Nghị định 98/2023/NĐ-CP" in rendered.output
    built = runner.invoke(main, ["build", "-j", "1", str(year), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert sum("căn cứ ghi Nghị định 91/2017" in x for x in built.output.splitlines()) == 1
    english = runner.invoke(main, ["--lang", "en", "check", str(copied)])
    assert "cites Nghị định 91/2017/NĐ-CP" in english.output, english.output
    # Its first căn cứ cites the Luật Thi đua, khen thưởng of 2003, replaced from 01/01/2024.
    law = [x for x in checked.output.splitlines() if "06/2022/QH15" in x]
    assert law == [
        f"Cảnh báo: {copied}: dòng {line - 3}, trường 'can_cu[1]': căn cứ ghi Luật Thi đua, khen "
        "thưởng 2003 (sửa đổi 2005, 2013), nhưng quyết định ngày 20/03/2024 theo Luật Thi đua, "
        "khen thưởng số 06/2022/QH15: sửa căn cứ cho đúng luật đang có hiệu lực (chép từ quyết "
        "định kỳ trước?)"
    ], checked.output
    # The example decisions cite the decree of their own date: nothing said.
    clean = runner.invoke(main, ["check", str(inputs_copy / "2022" / "qd-lao-dong-tien-tien.yaml")])
    assert "căn cứ ghi" not in clean.output
