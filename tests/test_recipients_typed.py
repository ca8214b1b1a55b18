"""A Nơi nhận copied from an old document: the lines vanthu writes itself are not doubled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.docx_text import paragraph_texts

REPO = Path(__file__).resolve().parents[1]


def _example(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the examples with `old` replaced by `new` in inputs/`name`; its path."""
    inputs = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", inputs)
    path = inputs / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    return path


def _decision(tmp_path: Path, recipients: list[str]) -> Path:
    typed = "".join(f'  - "{line}"\n' for line in recipients)
    old = "noi_nhan:\n  - Lãnh đạo Văn phòng\n"
    return _example(tmp_path, "2024/qd-dieu-dong-cong-chuc.yaml", old, f"noi_nhan:\n{typed}")


def _recipients(lines: list[str]) -> list[str]:
    start = lines.index("Nơi nhận:")
    return [line for line in lines[start + 1 :] if line.startswith("- ")]


@pytest.mark.parametrize("typed", ["Như Điều 4;", "- Như Điều 3;", "như điều 4", "Như Điều 4."])
def test_a_typed_nhu_dieu_is_not_printed_twice(tmp_path: Path, renderer, typed: str) -> None:
    path = _decision(tmp_path, [typed, "Lãnh đạo Văn phòng"])
    recipients = _recipients(paragraph_texts(renderer.render_file(path, tmp_path / "qd.docx")))
    # Four articles: the line says Điều 4 whatever the old document said.
    assert recipients[:2] == ["- Như Điều 4;", "- Lãnh đạo Văn phòng;"]
    assert sum("Như Điều" in line for line in recipients) == 1


def test_the_executors_line_typed_with_a_purpose_is_printed_once(tmp_path: Path, renderer) -> None:
    path = _decision(tmp_path, ["Như Điều 4 (để thực hiện)", "Lãnh đạo Văn phòng"])
    recipients = _recipients(paragraph_texts(renderer.render_file(path, tmp_path / "qd.docx")))
    assert recipients[:2] == ["- Như Điều 4 (để thực hiện);", "- Lãnh đạo Văn phòng;"]
    assert not any(line == "- Như Điều 4;" for line in recipients)


@pytest.mark.parametrize(
    ("addressees", "sentence"),
    [
        (["Ủy ban nhân dân tỉnh Sơn La"], "Kính trình Ủy ban nhân dân tỉnh Sơn La xem xét"),
        (["Ủy ban nhân dân tỉnh Sơn La", "Hội đồng Thi đua - Khen thưởng tỉnh"],
         "Kính trình Ủy ban nhân dân tỉnh Sơn La và Hội đồng Thi đua - Khen thưởng tỉnh xem xét"),
        (["Sở Nội vụ", "Sở Tài chính", "Kho bạc Nhà nước tỉnh"],
         "Kính trình Sở Nội vụ, Sở Tài chính và Kho bạc Nhà nước tỉnh xem xét"),
    ],
)  # fmt: skip
def test_a_submission_to_several_names_them_joined_with_va(
    tmp_path: Path, renderer, addressees: list[str], sentence: str
) -> None:
    old = "kinh_gui: Ủy ban nhân dân tỉnh Sơn La\nkinh_trinh: Ủy ban nhân dân tỉnh\n"
    listed = "".join(f"  - {name}\n" for name in addressees)
    path = _example(tmp_path, "2024/to-trinh-khen-thuong.yaml", old, f"kinh_gui:\n{listed}")
    lines = paragraph_texts(renderer.render_file(path, tmp_path / "tt.docx"))
    assert any(line.startswith(f"{sentence}, quyết định./.") for line in lines), lines[-30:]


@pytest.mark.parametrize("typed", ["Lưu: VT, TH.", "- Lưu: VT, TCHCQT, H01b.", "LƯU : VT"])
def test_a_typed_filing_line_is_refused_at_its_line(tmp_path: Path, typed: str) -> None:
    from pipeline.api import load_document
    from pipeline.errors import InputError

    path = _decision(tmp_path, ["Lãnh đạo Văn phòng", typed])
    with pytest.raises(InputError) as caught:
        load_document(path)
    error = caught.value
    assert error.field == "noi_nhan[2]"
    assert error.line == next(
        n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if typed in line
    )
    assert "don_vi_soan_thao" in error.message() and "dòng Lưu" in error.message()


def test_a_recipient_named_luu_something_is_a_recipient(tmp_path: Path, renderer) -> None:
    path = _decision(tmp_path, ["Lưu trữ lịch sử tỉnh", "Lãnh đạo Văn phòng"])
    recipients = _recipients(paragraph_texts(renderer.render_file(path, tmp_path / "qd.docx")))
    assert "- Lưu trữ lịch sử tỉnh;" in recipients


@pytest.mark.parametrize(
    ("typed", "hint"), [("cong-van", "cong_van"), ("quyet dinh", "quyet_dinh")]
)
def test_a_type_spelt_as_the_command_spells_it_gets_a_suggestion(
    tmp_path: Path, typed: str, hint: str
) -> None:
    from pipeline.api import load_document
    from pipeline.errors import InputError

    letter = "2024/cv-don-doc-bao-cao-tdkt.yaml"
    path = _example(tmp_path, letter, "loai: cong_van", f"loai: {typed}")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.field == "loai"
    assert f"(có phải '{hint}'?)" in caught.value.message()


def test_an_unknown_key_beside_the_one_missing_is_named_at_its_line(tmp_path: Path) -> None:
    from pipeline.api import load_document
    from pipeline.errors import InputError

    path = _example(tmp_path, "2024/cv-don-doc-bao-cao-tdkt.yaml", "\nnoi_dung:", "\nmo_dau:")
    with pytest.raises(InputError) as caught:
        load_document(path)
    error = caught.value
    assert error.field == "mo_dau"
    assert error.line == next(
        n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if line.startswith("mo_dau:")
    )
    assert "'noi_dung'" in error.message()
