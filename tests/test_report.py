"""Báo cáo tổng kết: figures computed from the year's decisions, equal in text and tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import load_document
from pipeline.awards import read_award_list
from pipeline.cli import main
from pipeline.rules.money import format_money

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "inputs" / "2022" / "bao-cao-tong-ket.yaml"


def year_sums(year: int) -> dict[str, tuple[int, int, int]]:
    """Per award: (individuals, collectives, money), summed straight from the spreadsheets."""
    sums: dict[str, list[int]] = {}
    for path in sorted((REPO / "inputs" / str(year)).glob("qd-*.yaml")):
        data = load_document(path).info.data
        if getattr(data, "khen_thuong", None) is None:
            continue
        awards = read_award_list(
            path.parent / data.khen_thuong.danh_sach, data.ngay, sheet=data.khen_thuong.trang_tinh
        )
        for entry in awards.entries:
            item = sums.setdefault(entry.award, [0, 0, 0])
            item[1 if entry.collective else 0] += 1
            item[2] += entry.amount
    return {k: (v[0], v[1], v[2]) for k, v in sums.items()}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, renderer):
    out = tmp_path_factory.mktemp("bc") / "bc.docx"
    renderer.render_file(REPORT, out)
    return Document(str(out))


def test_awards_table_equals_the_decisions(report) -> None:
    now, before = year_sums(2022), year_sums(2021)
    table = report.tables[1]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:-1]}
    assert set(rows) == set(now)
    for award, (people, groups, money) in now.items():
        row = rows[award]
        assert (int(row[2]), int(row[3]), row[4]) == (people, groups, format_money(money))
        previous = sum(before.get(award, (0, 0, 0))[:2])
        assert row[5] == str(previous)
        current = people + groups
        if previous and current != previous:
            percent = abs(current - previous) * 100 / previous
            word = "tăng" if current > previous else "giảm"
            assert row[6] == f"{word} {percent:.1f}%".replace(".", ",").replace(",0%", "%")
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "Tổng cộng"
    assert int(total[2]) == sum(v[0] for v in now.values())
    assert int(total[3]) == sum(v[1] for v in now.values())
    assert total[4] == format_money(sum(v[2] for v in now.values()))
    assert int(total[5]) == sum(v[0] + v[1] for v in before.values())
    assert table.rows[0]._tr.trPr is not None  # header row repeats (tblHeader)


def test_text_and_tables_agree(report) -> None:
    now = year_sums(2022)
    text = "\n".join(p.text for p in report.paragraphs)
    people = sum(v[0] for v in now.values())
    groups = sum(v[1] for v in now.values())
    money = format_money(sum(v[2] for v in now.values()))
    assert f"khen thưởng cho {people} cá nhân và {groups} tập thể" in text
    assert f"tổng số tiền thưởng {money} đồng" in text
    assert f"Lao động tiên tiến cho {now['Lao động tiên tiến'][0]} cá nhân" in text
    assert "{{" not in text


def test_units_table(report) -> None:
    table = report.tables[2]
    body = table.rows[1:-1]
    assert sum(int(r.cells[2].text) for r in body) == int(table.rows[-1].cells[2].text)
    assert sum(int(r.cells[3].text) for r in body) == int(table.rows[-1].cells[3].text)


def test_report_parts(report) -> None:
    lines = [p.text for p in report.paragraphs if p.text]
    assert lines[0] == "BÁO CÁO"
    sections = [t for t in lines if t[:3] in ("I. ", "II.", "III", "IV.")]
    assert sections == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert lines[-1].endswith("./.")
    assert report.tables[0].cell(1, 0).text == "Số: 160/BC-VPUBND"


def test_unknown_figure_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    report = folder / "2022" / "bao-cao-tong-ket.yaml"
    text = report.read_text("utf-8").replace("{{ tong.ca_nhan }}", "{{ tong.canhan }}")
    report.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["--lang", "vi", "check", str(report)])
    assert result.exit_code == 1
    assert "tong.canhan" in result.output and "tong.ca_nhan" in result.output
    assert "dòng " in result.output


def test_report_depends_on_the_decisions() -> None:
    files = {p.name for p in load_document(REPORT).files}
    assert {"danh-sach-ldtt-2022.xlsx", "danh-sach-giay-khen-2022.csv"} <= files
    assert "danh-sach-ldtt-2021.xlsx" in files
