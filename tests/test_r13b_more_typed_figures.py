"""Counts and totals typed in a Quyết định's own words are compared with its list (r13b F2).

The tester's Giấy khen decision of the Chủ tịch UBND xã Chiềng Mung (3 tập thể + 7 cá nhân,
9.200.000 đồng) printed "cho 03 tập thể và 08 cá nhân" from a copied dieu_1_danh_sach, "Tổng số
tiền thưởng: 9.100.000 đồng" from a copied dieu_2_sau (the computed total, bằng chữ and nguồn
kinh phí then printed nowhere), and "gồm 03 tập thể và 08 cá nhân ..., tổng số tiền 9.100.000
đồng" from its thành tích, without a word. Each is now warned at its file, line and field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.errors import InputError
from tests.xa_workspace import XA, line_of, write, xa_workspace

AWARD = "Giấy khen của Chủ tịch Ủy ban nhân dân xã"
GROUPS = ["Bản Nà Si", "Bản Hịa", "Trường Tiểu học Chiềng Mung"]
PEOPLE = ["Lường Văn Tiến", "Cà Thị Lan", "Đinh Văn Hùng", "Nguyễn Thị Thu Hà",
          "Hoàng Văn Dũng", "Lò Thị Ánh", "Tòng Văn Ỏn"]  # fmt: skip
LIST = "\n".join(
    ["Họ và tên,Chức vụ,Đơn vị,Hình thức,Loại"]
    + [f"{name},,xã Chiềng Mung,{AWARD},Tập thể" for name in GROUPS]
    + [f"{name},Chuyên viên,xã Chiềng Mung,{AWARD},Cá nhân" for name in PEOPLE]
)
# What the list gives, as the tester's decision printed it.
TOTAL = "9.200.000"
IN_WORDS = "Chín triệu hai trăm nghìn đồng"
SOURCE = "Quỹ thi đua, khen thưởng của xã"


def decision(**changes: Any) -> dict[str, Any]:
    """The tester's 05-qd-giay-khen.yaml (so: empty), its list as CSV."""
    data: dict[str, Any] = {
        "loai": "quyet_dinh", "co_quan": "xa", "so": None, "ngay": "16/12/2026",
        "trich_yeu": "Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong "
                     "phong trào thi đua năm 2026",
        "tham_quyen": "Chủ tịch Ủy ban nhân dân xã Chiềng Mung",
        "can_cu": ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
        "theo_de_nghi": "Chánh Văn phòng HĐND và UBND xã",
        "khen_thuong": {
            "danh_sach": "ds.csv", "hanh_dong": f"Tặng {AWARD}",
            "thanh_tich": "đã có thành tích xuất sắc trong phong trào thi đua năm 2026",
            "tieu_de_danh_sach": "Tập thể, cá nhân được tặng Giấy khen năm 2026",
            "nguon_kinh_phi": SOURCE,
        },
        "dieu": [{"noi_dung": "Chánh Văn phòng HĐND và UBND xã và các tập thể, cá nhân có tên "
                              "tại Điều 1 chịu trách nhiệm thi hành Quyết định này."}],
        "noi_nhan": ["Sở Nội vụ"], "don_vi_soan_thao": "VP", "nguoi_ky": "chu-tich-ca-nhan",
    }  # fmt: skip
    data.update(changes)
    return data


@pytest.fixture()
def year(tmp_path: Path) -> Path:
    """The xã's workspace: its 2026 folder, holding the list."""
    xa_workspace(tmp_path, name="xa")
    folder = tmp_path / "inputs" / "2026"
    folder.mkdir()
    (folder / "ds.csv").write_text(LIST, "utf-8")
    return folder


def figures(path: Path) -> list[InputError]:
    """The warnings of the decision at `path` about figures it types or lines it drops."""
    keys = ("wording.typed_figure", "wording.money_lines_dropped")
    return [w for w in load_document(path).warnings if w.key.startswith(keys)]


def test_a_copied_phrase_override_is_warned_at_each_typed_figure(year: Path) -> None:
    """The tester's (a): last year's dieu_1_danh_sach and dieu_2_sau, copied."""
    path = write(year / "qd.yaml", decision(cau_chu={
        "dieu_1_danh_sach": "{{ hanh_dong }} cho 03 tập thể và 08 cá nhân {{ thanh_tich }} (có "
                            "danh sách kèm theo).",
        "dieu_2_sau": ["Tổng số tiền thưởng: 9.100.000 đồng (Chín triệu một trăm nghìn đồng)."],
    }))  # fmt: skip
    count, total, dropped = figures(path)
    assert (count.file, count.line, count.field) == (
        None, line_of(path, "dieu_1_danh_sach"), "cau_chu.dieu_1_danh_sach"
    )
    assert count.message() == (
        f"dòng {count.line}, trường 'cau_chu.dieu_1_danh_sach': câu này ghi «08 cá nhân», mà "
        "danh sách 'ds.csv' có 07 cá nhân: số gõ tay không theo danh sách; hãy sửa, hoặc viết "
        "{{ so_ca_nhan }} để vanthu điền số của danh sách"
    )
    assert (total.line, total.field) == (line_of(path, "9.100.000"), "cau_chu.dieu_2_sau[1]")
    assert total.params["typed"] == "Tổng số tiền thưởng: 9.100.000 đồng"
    assert total.params["listed"] == f"{TOTAL} đồng" and total.params["name"] == "tong_tien"
    # Its computed lines are gone: said at dieu_2_sau, as they would have printed.
    assert (dropped.line, dropped.field) == (line_of(path, "dieu_2_sau"), "cau_chu.dieu_2_sau")
    assert dropped.message().endswith(
        f"câu dieu_2_sau này thay các dòng vanthu tính của Điều 2, nên quyết định không in ở "
        f"đâu: «Tổng số tiền thưởng: {TOTAL} đồng. Bằng chữ: {IN_WORDS}. Nguồn kinh phí: "
        f"{SOURCE}.»; nếu cần, ghi chúng trong dieu_2_sau bằng {{{{ tong_tien }}}}, "
        "{{ tong_tien_bang_chu }}, {{ nguon_kinh_phi }}"
    )


def test_counts_typed_in_the_thanh_tich_are_warned(year: Path) -> None:
    """The tester's (b): no override, the counts and total typed in khen_thuong.thanh_tich."""
    data = decision()
    data["khen_thuong"]["thanh_tich"] = (
        "gồm 03 tập thể và 08 cá nhân đã có thành tích xuất sắc, tổng số tiền 9.100.000 đồng"
    )
    path = write(year / "qd.yaml", data)
    people, money = figures(path)
    line = line_of(path, "thanh_tich:")
    assert people.message() == (
        f"dòng {line}, trường 'khen_thuong.thanh_tich': ghi «08 cá nhân», mà danh sách 'ds.csv' "
        "có 07 cá nhân: quyết định sẽ in số gõ tay này bên cạnh số vanthu đếm (tính) từ danh "
        "sách ở Điều 1, Điều 2; hãy sửa hoặc bỏ số này"
    )
    assert money.line == line and money.params["typed"] == "tổng số tiền 9.100.000 đồng"


def test_figures_the_list_gives_and_computed_fields_pass(year: Path) -> None:
    """Typed right, or written as fields: nothing to say; and "NN người" in a thành tích is
    the people it helped, not the list's."""
    data = decision(cau_chu={
        "dieu_1_danh_sach": "{{ hanh_dong }} cho 03 tập thể và 07 cá nhân {{ thanh_tich }} (có "
                            "danh sách kèm theo).",
        "dieu_2_sau": [f"Tổng số tiền thưởng: {TOTAL} đồng.",
                       "Bằng chữ: {{ tong_tien_bang_chu }}", "Nguồn: {{ nguon_kinh_phi }}."],
    })  # fmt: skip
    data["khen_thuong"]["thanh_tich"] = "đã vận động 150 người hiến máu tình nguyện năm 2026"
    assert figures(write(year / "qd.yaml", data)) == []


def test_an_emptied_dieu_2_sau_loses_only_a_nguon_printed_nowhere(year: Path) -> None:
    """dieu_2_sau: [] drops the lines on purpose (the README's office writes its Điều 2 in
    dieu_2_mo_dau): said only when the nguồn kinh phí the decision types is printed nowhere."""
    said = "Tiền thưởng kèm theo cho mỗi cá nhân, tập thể theo danh sách"
    path = write(year / "qd.yaml", decision(cau_chu={"dieu_2_mo_dau": said + ":",
                                                     "dieu_2_sau": []}))  # fmt: skip
    (dropped,) = figures(path)
    assert dropped.params["lines"] == f"Nguồn kinh phí: {SOURCE}."
    assert dropped.params["fields"] == "{{ nguon_kinh_phi }}"
    opening = said + ". Nguồn tiền thưởng lấy từ {{ nguon_kinh_phi }}:"
    path = write(year / "qd.yaml", decision(cau_chu={"dieu_2_mo_dau": opening, "dieu_2_sau": []}))
    assert figures(path) == []


def test_an_office_phrase_is_warned_at_the_profile(year: Path) -> None:
    profile = year.parent / "co-quan" / "xa.yaml"
    profile.write_text(XA + "cau_chu:\n  dieu_1_danh_sach: >-\n    {{ hanh_dong }} cho 05 tập "
                       "thể và 07 cá nhân {{ thanh_tich }} (danh sách kèm theo).\n", "utf-8")
    path = write(year / "qd.yaml", decision())
    (count,) = figures(path)
    assert (count.file, count.line, count.field) == (
        str(profile), line_of(profile, "dieu_1_danh_sach"), "cau_chu.dieu_1_danh_sach"
    )
    assert count.params["typed"] == "05 tập thể" and count.params["listed"] == "03 tập thể"


def test_check_says_it_in_english_too(year: Path) -> None:
    path = write(year / "qd.yaml", decision(cau_chu={
        "dieu_1_danh_sach": "{{ hanh_dong }} cho 10 người {{ thanh_tich }} (có danh sách kèm "
                            "theo)."
    }))  # fmt: skip
    assert not figures(path)  # 10 người: every recipient, a tập thể counted as one
    path = write(year / "qd.yaml", decision(cau_chu={
        "dieu_1_danh_sach": "{{ hanh_dong }} cho 11 người {{ thanh_tich }} (có danh sách kèm "
                            "theo)."
    }))  # fmt: skip
    result = CliRunner().invoke(main, ["--lang", "en", "check", str(path)])
    assert result.exit_code == 0, result.output
    line = line_of(path, "dieu_1_danh_sach")
    assert (
        f"Warning: {path}: line {line}, field 'cau_chu.dieu_1_danh_sach': this phrase says «11 "
        "người», but the list 'ds.csv' gives 07 cá nhân và 03 tập thể: a typed figure does not "
        "follow the list; correct it, or write {{ so_ca_nhan }} for vanthu to fill in the "
        "list's figure"
    ) in result.output.splitlines()
