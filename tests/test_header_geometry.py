"""Header geometry: columns follow the text, names break only where the data breaks them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document

from pipeline.rules.metrics import (
    HEADER_LEFT_TWIPS,
    HEADER_OVERHANG_TWIPS,
    HEADER_WIDTH_TWIPS,
    header_columns,
    text_width_pt,
)
from pipeline.verify import verify_file
from tests.typed_docs import to_pdf

PLAN = """\
loai: ke_hoach
co_quan: co-quan
so: 4
ngay: 05/01/2024
trich_yeu: Công tác thi đua, khen thưởng năm 2024
mo_dau: ["Để triển khai công tác thi đua, khen thưởng năm 2024."]
muc:
  - tieu_de: Mục đích, yêu cầu
    doan: ["Tổ chức phong trào thi đua thiết thực, hiệu quả."]
ket_thuc: Trên đây là Kế hoạch công tác thi đua, khen thưởng năm 2024.
noi_nhan: ["Các phòng, ban"]
don_vi_soan_thao: VP
nguoi_ky: ky
"""

PROFILE = """\
{chu_quan}
ten_co_quan: {ten}
ten_day_du: Cơ quan
viet_tat: CQ
dia_danh: {place}
don_vi: {{VP: {{ten: Văn phòng}}}}
nguoi_ky: {{ky: {{ho_ten: Nguyễn Văn An, chuc_vu: Giám đốc}}}}
"""

# Long agency names in real use, with the lines their offices break them into when one line
# cannot hold them beside Quốc hiệu.
FITS = [
    ("UBND HUYỆN MAI SƠN", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"),
    ("UBND TỈNH SƠN LA", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"),
    ("UBND TỈNH SƠN LA", "VĂN PHÒNG"),
    (None, "THỦ TƯỚNG CHÍNH PHỦ"),
    ("BỘ NỘI VỤ", ["BAN THI ĐUA - KHEN THƯỞNG", "TRUNG ƯƠNG"]),
    ("UBND TỈNH SƠN LA", ["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"]),
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"], "SỞ NỘI VỤ"),
    ("UBND TỈNH SƠN LA", ["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG TỈNH"]),
]
TOO_LONG = [
    ("BỘ NỘI VỤ", "BAN THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG"),
    ("UBND TỈNH SƠN LA", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "SỞ NỘI VỤ"),
]


def yaml_value(value: str | list[str] | None) -> str:
    return "[" + ", ".join(value) + "]" if isinstance(value, list) else str(value)


def render(
    tmp_path: Path, renderer, chu_quan, ten, place: str = "Hà Nội", plan: str = PLAN
) -> Path:
    """`plan` of an agency of these names and place, rendered to tmp_path/<its name>.docx."""
    (tmp_path / "co-quan").mkdir(parents=True)
    profile = PROFILE.format(
        chu_quan=f"co_quan_chu_quan: {yaml_value(chu_quan)}" if chu_quan else "",
        ten=yaml_value(ten), place=place,
    )  # fmt: skip
    (tmp_path / "co-quan" / "co-quan.yaml").write_text(profile, "utf-8")
    (tmp_path / "kh.yaml").write_text(plan, "utf-8")
    return renderer.render_file(tmp_path / "kh.yaml", tmp_path / f"{tmp_path.name}.docx")


def test_usual_names_keep_the_usual_columns() -> None:
    left = (("UBND TỈNH SƠN LA", 12, False), ("VĂN PHÒNG", 12, True))
    right = (("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True),)
    assert header_columns(left, right) == (
        HEADER_LEFT_TWIPS,
        HEADER_WIDTH_TWIPS - HEADER_LEFT_TWIPS,
    )


def test_columns_hold_the_longest_line_and_quoc_hieu() -> None:
    name = ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", 12, True)
    quoc_hieu = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True)
    left, right = header_columns((name,), (quoc_hieu,))
    assert left - 216 > text_width_pt(name[0], 12, bold=True) * 20
    assert right - 216 > text_width_pt(quoc_hieu[0], 12, bold=True) * 20
    assert left + right <= HEADER_WIDTH_TWIPS + 2 * HEADER_OVERHANG_TWIPS


@pytest.mark.parametrize(("chu_quan", "ten"), FITS)
def test_long_names_stay_on_their_lines_and_pass_verify(
    tmp_path: Path, renderer, chu_quan, ten
) -> None:
    docx = render(tmp_path, renderer, chu_quan, ten)
    report = verify_file(docx)
    assert not report.violations, "\n".join(v.line("vi") for v in report.violations)
    header = Document(str(docx)).tables[0]
    left_cell = header.cell(0, 0)
    lines = [line for p in left_cell.paragraphs for line in p.text.split("\n") if line]
    expected = [*(chu_quan if isinstance(chu_quan, list) else [chu_quan] if chu_quan else []),
                *(ten if isinstance(ten, list) else [ten])]  # fmt: skip
    assert lines == expected


@pytest.mark.parametrize(("chu_quan", "ten"), TOO_LONG)
def test_a_name_the_page_would_break_is_flagged(
    tmp_path: Path, renderer, chu_quan, ten, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a document made without vanthu's own break of a too-long line (by hand, by an older
    # vanthu): render now breaks such a line itself (tests/test_long_lines.py).
    monkeypatch.setattr("pipeline.context.common.agency_line_breaks", lambda *_: None)
    docx = render(tmp_path, renderer, chu_quan, ten)
    assert "co_quan.wraps" in verify_file(docx).rules


def test_libreoffice_sets_the_council_name_and_quoc_hieu_on_one_line_each(
    tmp_path: Path, renderer
) -> None:
    docx = render(tmp_path, renderer, "UBND HUYỆN MAI SƠN", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG")
    to_pdf([docx], tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(docx.with_suffix(".pdf")), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert any("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in line for line in lines), text[:800]
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in lines), text[:800]
    assert not any(line.strip() == "THƯỞNG" for line in lines)
