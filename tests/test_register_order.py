"""`vanthu build` numbers so: tu_dong documents in the order of their dates, and the register
commands warn of numbers given out of date order or far past the counter (finding 1, 4, 7)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from pipeline.cli import main
from pipeline.register import open_register

NAME = "Văn phòng UBND tỉnh Sơn La"


def vanthu(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture()
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new office workspace (vanthu init), the current folder, its register its own."""
    monkeypatch.delenv("VANTHU_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init", "vp", "--kieu", "van-phong", "--dia-danh",
                                       "Sơn La", "--nguoi-ky", "Nguyễn Văn An"], input="")
    assert result.exit_code == 0, result.output
    root = tmp_path / "vp"
    # init writes its starter in the current year's folder; these tests' documents are 2026's.
    (started,) = (root / "inputs").glob("[0-9][0-9][0-9][0-9]")
    if started.name != "2026":
        started.rename(started.with_name("2026"))
    monkeypatch.chdir(root)
    return root


def plan(root: Path, name: str, day: str, number: str = "tu_dong") -> Path:
    """A copy of the starter Kế hoạch named `name`, dated `day`, with so: `number`."""
    text = (root / "inputs/2026/ke-hoach.yaml").read_text("utf-8")
    text = re.sub(r"^so:.*$", f"so: {number}", text, count=1, flags=re.M)
    text = re.sub(r"^ngay:.*$", f"ngay: {day}", text, count=1, flags=re.M)
    path = root / "inputs/2026" / name
    path.write_text(text, "utf-8")
    return path


def numbers(root: Path) -> list[tuple[int, str, str | None]]:
    with open_register(root=root) as register:
        return [(e.number, e.details.doc_date.isoformat() if e.details.doc_date else "",
                 e.source) for e in register.entries(2026)]


def test_build_numbers_documents_in_date_order_not_path_order(office: Path) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026")
    plan(office, "a-ke-hoach-cuoi-nam.yaml", "25/11/2026")
    plan(office, "b-ke-hoach-giua-nam.yaml", "20/06/2026")
    same_day = plan(office, "c-ke-hoach-cung-ngay.yaml", "20/06/2026")
    # Another plan of that day: a copy with b's trích yếu would be warned of (two copies).
    text = same_day.read_text("utf-8").replace("  Triển khai công tác", "  Sơ kết công tác", 1)
    same_day.write_text(text, "utf-8")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert numbers(office) == [
        (1, "2026-01-05", "inputs/2026/ke-hoach.yaml"),
        (2, "2026-06-20", "inputs/2026/b-ke-hoach-giua-nam.yaml"),  # a tie: path order
        (3, "2026-06-20", "inputs/2026/c-ke-hoach-cung-ngay.yaml"),
        (4, "2026-11-25", "inputs/2026/a-ke-hoach-cuoi-nam.yaml"),
    ]
    assert "Cảnh báo" not in result.output
    result = vanthu("so", "kiem-tra", "2026")
    assert result.exit_code == 0 and "ghi ngày trước" not in result.output


def test_build_warns_of_a_number_dated_before_the_last_one(office: Path) -> None:
    plan(office, "ke-hoach.yaml", "25/11/2026")
    assert vanthu("build").exit_code == 0
    plan(office, "ke-hoach-dau-nam.yaml", "05/01/2026")
    result = vanthu("build")
    assert result.exit_code == 0, result.output  # a warning, not a failure
    assert ("Cảnh báo: inputs/2026/ke-hoach-dau-nam.yaml: số 02/KH-VPUBND ngày 05/01/2026 ghi "
            "ngày trước số cấp trước nó trong sổ, 01/KH-VPUBND 25/11/2026") in result.output
    result = vanthu("--lang", "en", "so", "kiem-tra", "2026")
    assert result.exit_code == 0
    assert "number 02/KH-VPUBND 05/01/2026" in result.output
    assert "is dated before a lower number, 01/KH-VPUBND 25/11/2026" in result.output
    assert "[inputs/2026/ke-hoach.yaml]" in result.output  # both rows named, with their files
    assert vanthu("build").output.count("Cảnh báo") == 0  # said once, when the number is given


def test_so_cap_warns_when_dated_before_the_last_number(office: Path) -> None:
    assert vanthu("so", "cap", "--ngay", "01/03/2026", "--ky-hieu", "TB-VPUBND",
                  "--trich-yeu", "Thông báo lịch họp tháng 3").exit_code == 0
    result = vanthu("so", "cap", "-q", "--ngay", "01/02/2026", "--ky-hieu", "TB-VPUBND",
                    "--trich-yeu", "Thông báo lịch họp tháng 2")
    assert result.exit_code == 0
    assert result.stdout == "02/TB-VPUBND\n"  # a script still reads only the number
    assert "ghi ngày trước số cấp trước nó, 01/TB-VPUBND 01/03/2026" in result.stderr
    result = vanthu("so", "cap", "--ngay", "01/03/2026", "--ky-hieu", "TB-VPUBND",
                    "--trich-yeu", "Thông báo nghỉ lễ")
    assert result.exit_code == 0 and result.stderr == ""  # same day as 01: in order


def test_vao_so_refuses_to_skip_numbers_without_bo_qua_so(office: Path) -> None:
    for day in ("05/01/2026", "06/01/2026"):
        assert vanthu("so", "cap", "--ngay", day, "--ky-hieu", "TB-VPUBND",
                      "--trich-yeu", f"Thông báo ngày {day}").exit_code == 0
    result = vanthu("so", "vao-so", "152", "--ngay", "01/06/2026", "--ky-hieu", "QĐ-VPUBND",
                    "--trich-yeu", "QĐ ghi tay")
    assert result.exit_code == 1
    assert "là 03; vào sổ số 152 sẽ bỏ qua các số 03–151" in result.output
    assert "--bo-qua-so" in result.output
    assert [n for n, _, _ in numbers(office)] == [1, 2]
    assert vanthu("so", "vao-so", "03", "--ngay", "07/01/2026", "--ky-hieu", "TB-VPUBND",
                  "--trich-yeu", "Thông báo ghi tay").exit_code == 0  # the next one
    result = vanthu("--lang", "en", "so", "vao-so", "5", "--ngay", "08/01/2026",
                    "--ky-hieu", "TB-VPUBND", "--trich-yeu", "Thông báo ghi tay")
    assert result.exit_code == 1 and "would skip 04" in result.output
    result = vanthu("so", "vao-so", "152", "--ngay", "01/06/2026", "--ky-hieu", "QĐ-VPUBND",
                    "--trich-yeu", "QĐ ghi tay", "--bo-qua-so")
    assert result.exit_code == 0 and "152/QĐ-VPUBND" in result.output
    assert [n for n, _, _ in numbers(office)] == [1, 2, 3, 152]


def test_export_names_the_office_by_its_profile(office: Path) -> None:
    assert vanthu("so", "cap", "--ngay", "05/01/2026", "--ky-hieu", "TB-VPUBND",
                  "--trich-yeu", "Thông báo lịch họp").exit_code == 0
    assert vanthu("so", "xuat", "2026", "-o", "so.xlsx").exit_code == 0
    assert vanthu("so", "xuat", "2026", "-o", "so.docx").exit_code == 0
    sheet = load_workbook(office / "so.xlsx").active
    assert sheet is not None
    assert sheet["A3"].value == f"Cơ quan: {NAME} — dãy số: chung"
    lines = [p.text for p in Document(str(office / "so.docx")).paragraphs]
    assert f"{NAME} — dãy số: chung" in lines
    assert not any("van-phong-ubnd" in line for line in lines)
