"""The date line (ô 4) on one line of the header's right column, whatever the office's place:
"Thành phố Hồ Chí Minh, ngày 28 tháng 12 năm 2026" printed "... năm" / "2026" in every document
of the city's offices, and verify passed it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from pipeline.context.common import columns_for, printed_header, profile_warnings
from pipeline.load.yaml_source import load_yaml
from pipeline.model.agency import Agency
from pipeline.render.header_texts import quoc_hieu_lines
from pipeline.rules.metrics import (
    HEADER_LEFT_TWIPS,
    HEADER_OVERHANG_TWIPS,
    HEADER_WIDTH_TWIPS,
    date_line_fits,
    header_columns,
    widest_twips,
)
from pipeline.verify import verify_file
from pipeline.workspace.header_name import frame_styles
from tests.test_header_geometry import PLAN as GEOMETRY_PLAN
from tests.test_header_geometry import PROFILE, render
from tests.typed_docs import to_pdf

HCM = "Thành phố Hồ Chí Minh"
HCM_DATE = f"{HCM}, ngày 28 tháng 12 năm 2026"
ROOM = HEADER_WIDTH_TWIPS + 2 * HEADER_OVERHANG_TWIPS
QUOC_HIEU = (
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True),
    ("Độc lập - Tự do - Hạnh phúc", 13, True),
)

# Dated on the day whose date line is the widest (28 tháng 12).
PLAN = GEOMETRY_PLAN.replace("ngay: 05/01/2024", "ngay: 28/12/2026")


# A xã, a Sở, a UBND tỉnh, and offices of Thành phố Hồ Chí Minh, with their date line's place.
OFFICES = {
    "xa": (None, ["ỦY BAN NHÂN DÂN", "XÃ CHIỀNG MUNG"], "Chiềng Mung"),
    "so": ("UBND TỈNH BÀ RỊA - VŨNG TÀU", "SỞ TÀI CHÍNH", "Bà Rịa - Vũng Tàu"),
    "tinh": (None, ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"], "Sơn La"),
    "hcm": (None, ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"], HCM),
    "so-hcm": (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"], "SỞ NỘI VỤ", HCM),
}


def test_the_right_column_holds_the_date_line_of_the_city() -> None:
    left = (("ỦY BAN NHÂN DÂN", 12, True), ("THÀNH PHỐ HỒ CHÍ MINH", 12, True))
    date = ((HCM_DATE, 14, False),)
    trai, phai = header_columns(left, QUOC_HIEU, date)
    assert phai >= widest_twips(date) and trai >= widest_twips(left)
    assert trai + phai <= ROOM


def test_a_short_place_keeps_the_usual_columns() -> None:
    left = (("UBND TỈNH SƠN LA", 12, False), ("VĂN PHÒNG", 12, True))
    date = (("Sơn La, ngày 28 tháng 12 năm 2026", 14, False),)
    assert header_columns(left, QUOC_HIEU, date) == (
        HEADER_LEFT_TWIPS,
        HEADER_WIDTH_TWIPS - HEADER_LEFT_TWIPS,
    )


def test_the_agency_s_name_is_never_given_up_for_the_date_line() -> None:
    left = (("UBND THÀNH PHỐ HỒ CHÍ MINH", 12, False), ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", 12, True))
    date = ((HCM_DATE, 14, False),)
    trai, phai = header_columns(left, QUOC_HIEU, date)
    assert trai == widest_twips(left) and trai + phai == ROOM
    assert not date_line_fits(left, QUOC_HIEU, date)


def test_columns_for_sizes_the_right_column_for_the_office_s_place() -> None:
    styles = frame_styles()
    assert quoc_hieu_lines(styles)  # the frame's Quốc hiệu styles measure the right column
    columns = columns_for(None, "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH", styles, HCM)
    assert columns["phai"] >= widest_twips(((HCM_DATE, 14, False),))
    assert columns["tong"] == columns["trai"] + columns["phai"] <= ROOM


def test_libreoffice_prints_each_office_s_date_line_on_one_line(tmp_path: Path, renderer) -> None:
    docs = [render(tmp_path / key, renderer, *office, plan=PLAN) for key, office in OFFICES.items()]
    for docx in docs:
        report = verify_file(docx)
        assert not report.violations, "\n".join(v.line("vi") for v in report.violations)
    for (key, (_, _, place)), pdf in zip(OFFICES.items(), to_pdf(docs, tmp_path), strict=True):
        text = subprocess.run(
            ["pdftotext", "-layout", "-l", "1", str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        lines = [" ".join(line.split()) for line in text.splitlines()]
        date_line = f"{place}, ngày 28 tháng 12 năm 2026"
        assert any(line.endswith(date_line) for line in lines), (key, text[:600])
        assert "2026" not in lines, (key, text[:600])


def test_verify_flags_a_date_line_the_page_breaks(
    tmp_path: Path, renderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a document made by an older vanthu: the right column sized for Quốc hiệu alone (the
    # office's header is kept by its names and place: made anew here, and kept by no other).
    monkeypatch.setattr("pipeline.context.common.date_line_lines", lambda *_: ())
    printed_header.cache_clear()
    try:
        docx = render(tmp_path / "hcm", renderer, *OFFICES["hcm"], plan=PLAN)
    finally:
        printed_header.cache_clear()
    report = verify_file(docx)
    assert "dia_danh_ngay.wraps" in report.rules
    (wraps,) = [v for v in report.violations if v.rule == "dia_danh_ngay.wraps"]
    assert HCM_DATE in wraps.line("vi")


def _init(cli: click.Group, folder: Path, *flags: str) -> tuple[dict, str]:
    result = CliRunner().invoke(cli, ["--lang", "vi", "init", str(folder), *flags,
                                      "--nguoi-ky", "Nguyễn Văn An"])  # fmt: skip
    assert result.exit_code == 0, result.output
    (profile,) = (folder / "inputs" / "co-quan").glob("*.yaml")
    return load_yaml(profile).data, result.output


@pytest.mark.parametrize(
    "flags",
    [
        ["--kieu", "ubnd-tinh", "--dia-danh", HCM],
        ["--kieu", "van-phong", "--chu-quan", "UBND THÀNH PHỐ HỒ CHÍ MINH", "--dia-danh", HCM,
         "--viet-tat", "VP"],
        ["--kieu", "hoi-dong-tdkt", "--chu-quan", "UBND THÀNH PHỐ HỒ CHÍ MINH", "--dia-danh",
         HCM, "--viet-tat", "HĐTĐKT"],
    ],
)  # fmt: skip
def test_init_breaks_the_names_so_the_city_s_date_line_fits(
    tmp_path: Path, cli: click.Group, monkeypatch: pytest.MonkeyPatch, flags: list[str]
) -> None:
    folder = tmp_path / "office"
    profile, output = _init(cli, folder, *flags)
    assert "ngày tháng" not in output, output
    assert profile["dia_danh"] == HCM
    monkeypatch.chdir(folder)
    (data,) = (folder / "inputs").glob("20*/ke-hoach.yaml")
    result = CliRunner().invoke(cli, ["--lang", "vi", "render", str(data), "-o", "out.docx"])
    assert result.exit_code == 0, result.output
    report = verify_file(folder / "out.docx")
    assert not report.violations, "\n".join(v.line("vi") for v in report.violations)
    assert _right_column(folder / "out.docx") >= widest_twips(((HCM_DATE, 14, False),))


def _right_column(docx: Path) -> int:
    """The width in twips of the header table's right column."""
    grid = Document(str(docx)).tables[0]._tbl.tblGrid
    return int(grid.findall(qn("w:gridCol"))[-1].get(qn("w:w")))


def test_init_says_a_place_no_break_of_the_name_makes_room_for(
    tmp_path: Path, cli: click.Group
) -> None:
    place = "Bà Rịa - Vũng Tàu và Đồng Nai, Bình Dương"
    _, output = _init(cli, tmp_path / "x", "--kieu", "ubnd-tinh", "--dia-danh", place)
    said = f"Cảnh báo: dòng địa danh, ngày tháng «{place}, ngày 28 tháng 12 năm 2026»"
    assert said in output, output


def test_the_profile_check_says_a_date_line_beside_a_one_line_parent(tmp_path: Path) -> None:
    profile = tmp_path / "co-quan.yaml"
    text = PROFILE.format(chu_quan="co_quan_chu_quan: UBND THÀNH PHỐ HỒ CHÍ MINH",
                          ten="HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", place=HCM)  # fmt: skip
    profile.write_text(text, "utf-8")
    agency = Agency.model_validate(load_yaml(profile).data)
    (warning,) = profile_warnings(agency, profile, frame_styles())
    assert "'dia_danh'" in warning and "dòng 5" in warning and HCM_DATE in warning, warning
