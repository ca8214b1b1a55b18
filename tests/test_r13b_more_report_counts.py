"""A Báo cáo's counts in running text follow the Quyết định's convention (r13b F8).

The tester's dossier printed "cho 03 tập thể và 07 cá nhân" in the decision and "đã ban hành 1
quyết định ..., khen thưởng cho 7 cá nhân và 3 tập thể" in the report summing it up. A count
from 1 to 9 now takes a leading zero in the report's text as in Điều 1 (quyet_dinh.two_digits);
0 and the tables' figures stay plain, as the Danh sách's group counts and columns are.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from pipeline.context.bao_cao import in_running_text


def test_counts_below_ten_take_a_leading_zero_in_the_text() -> None:
    values = {
        "nam": "2026", "nam_truoc": "2025", "so_quyet_dinh": "1", "tong.ca_nhan": "7",
        "tong.tap_the": "3", "tong.tong": "10", "tong.tien": "9.200.000",
        "tong.tien_bang_chu": "Chín triệu hai trăm nghìn đồng.", "tong.nam_truoc": "0",
        "tong.tang_giam": "mới", "tong.luot": "1.002", "tong.luot_nam_truoc": "5",
        "giay_khen.ca_nhan": "7", "giay_khen.tien": "5", "giay_khen.luot": "9",
    }  # fmt: skip
    assert in_running_text(values) == {
        **values, "so_quyet_dinh": "01", "tong.ca_nhan": "07", "tong.tap_the": "03",
        "tong.luot_nam_truoc": "05", "giay_khen.ca_nhan": "07", "giay_khen.luot": "09",
    }  # fmt: skip


def test_the_report_prints_them_padded_and_its_tables_plain(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    out = tmp_path / "bc.docx"
    renderer.render_file(inputs_copy / "2022" / "bao-cao-tong-ket.yaml", out)
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        "Năm 2022, Chánh Văn phòng đã ban hành 02 quyết định khen thưởng, khen thưởng cho 50 cá "
        "nhân và 07 tập thể với tổng số tiền thưởng 43.140.000 đồng (70 lượt khen thưởng, tăng "
        "89,2% so với năm 2021). Trong đó: công nhận danh hiệu Lao động tiên tiến cho 50 cá "
        "nhân, Chiến sĩ thi đua cơ sở cho 04 cá nhân; tặng Giấy khen cho 08 cá nhân và 02 tập "
        "thể."
    ) in text
    awards = {row.cells[1].text: [c.text for c in row.cells] for row in document.tables[1].rows}
    assert awards["Giấy khen"][2:4] == ["8", "2"]
    units = [[c.text for c in row.cells] for row in document.tables[2].rows]
    assert units[-1][2:4] == ["50", "7"]
