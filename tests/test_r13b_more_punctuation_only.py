"""A value of punctuation alone is empty in more places (after r13b F5): a Thông báo's lịch row
place (lich[].dia_diem), a profile signer's name (nguoi_ky.<key>.ho_ten) and the Kính mời /
Kính gửi names of a Giấy mời, a Công văn and a Tờ trình, as it already is in a Giấy mời's and a
Biên bản's fields: "...", "-" typed while not yet known would print as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

EMPTY = "chỉ có dấu câu, không ghi gì"


def checked(path: Path, old: str, new: str) -> tuple[str, int]:
    """`vanthu check` of the workspace file `path` with `old` replaced by `new` (once); its
    output and the line (from 1) the new text is on."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if new.strip() in row)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1, result.output
    return result.output, line


@pytest.mark.parametrize("typed", ["...", "-", "…"])
def test_a_schedule_row_s_place(inputs_copy: Path, typed: str) -> None:
    path = inputs_copy / "2024" / "tb-lich-cong-tac-tuan.yaml"
    output, line = checked(path, "dia_diem: Phòng họp số 2", f'dia_diem: "{typed}"')
    assert output.strip() == (
        f"Lỗi: {path}, dòng {line}, trường 'lich[2].dia_diem': không được để trống: “{typed}” "
        f"{EMPTY}; ghi nội dung thật (chưa biết thì chờ biết rồi mới ban hành)"
    )


def test_a_profile_signer_s_name(inputs_copy: Path) -> None:
    profile = inputs_copy / "co-quan" / "van-phong-ubnd-son-la.yaml"
    text = profile.read_text("utf-8").replace("ho_ten: Lò Văn Mạnh", 'ho_ten: "..."')
    profile.write_text(text, "utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if 'ho_ten: "..."' in row)
    document = inputs_copy / "2024" / "to-trinh-khen-thuong.yaml"
    result = CliRunner().invoke(main, ["check", str(document)])
    assert result.exit_code == 1
    assert (
        f"{profile}, dòng {line}, trường 'nguoi_ky.pho-chanh-van-phong.ho_ten': không được để "
        f"trống: “...” {EMPTY}"
    ) in result.output


@pytest.mark.parametrize(
    ("name", "old", "new", "field"),
    [
        ("giay-moi-hoi-nghi-tong-ket.yaml",
         "kinh_moi: Đồng chí Trưởng các phòng, ban, đơn vị thuộc Văn phòng", 'kinh_moi: "..."',
         "kinh_moi"),
        ("to-trinh-khen-thuong.yaml", "kinh_gui: Ủy ban nhân dân tỉnh Sơn La", "kinh_gui: '-'",
         "kinh_gui"),
        ("cv-don-doc-bao-cao-tdkt.yaml", "  - Nhà khách Bình Minh", '  - "…"', "kinh_gui[2]"),
    ],
)  # fmt: skip
def test_the_addressees(inputs_copy: Path, name: str, old: str, new: str, field: str) -> None:
    path = inputs_copy / "2024" / name
    output, line = checked(path, old, new)
    assert f"Lỗi: {path}, dòng {line}, trường '{field}': không được để trống: “" in output
    assert EMPTY in output


def test_real_values_with_punctuation_pass(inputs_copy: Path) -> None:
    path = inputs_copy / "2024" / "tb-lich-cong-tac-tuan.yaml"
    text = path.read_text("utf-8").replace("dia_diem: Phòng họp số 2", 'dia_diem: "P.2"')
    path.write_text(text, "utf-8")
    assert CliRunner().invoke(main, ["check", str(path)]).exit_code == 0
