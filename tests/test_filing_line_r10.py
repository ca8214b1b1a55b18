"""r10a F1, F5: the Nơi nhận's "Lưu:" line is vanthu's own, written once and with each name
once: one typed without its colon ("Lưu VT, VP") is refused as one typed with it, and a document
drafted by the văn thư itself (unit "VT") is kept "Lưu: VT, H01b.", not "Lưu: VT, VT, H01b."."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.context.common import once_each
from pipeline.errors import InputError
from tests.docx_text import paragraph_texts
from tests.test_recipients_typed import _example, _recipients

DECISION = "2024/qd-dieu-dong-cong-chuc.yaml"


def _decision(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the examples with `old` replaced by `new` in the example decision."""
    return _example(tmp_path, DECISION, old, new)


@pytest.mark.parametrize("typed", ["Lưu VT, VP", "- Lưu VT, TCHCQT, H01b.", "Lưu văn thư"])
def test_a_filing_line_without_its_colon_is_refused_as_with_it(
    tmp_path: Path, typed: str
) -> None:
    recipients = f'noi_nhan:\n  - Lãnh đạo Văn phòng\n  - "{typed}"\n'
    path = _decision(tmp_path, "noi_nhan:\n  - Lãnh đạo Văn phòng\n", recipients)
    with pytest.raises(InputError) as caught:
        load_document(path)
    error = caught.value
    assert error.field == "noi_nhan[2]"
    assert "dòng Lưu" in error.message("vi") and "don_vi_soan_thao" in error.message("vi")


@pytest.mark.parametrize(
    "name", ["Lưu Văn Bình", "LƯU VĂN BÌNH", "Lưu Hoa", "Lưu trữ lịch sử tỉnh"]
)
def test_a_recipient_whose_name_starts_with_luu_stays(
    tmp_path: Path, renderer, name: str
) -> None:
    recipients = f'noi_nhan:\n  - Lãnh đạo Văn phòng\n  - "{name}"\n'
    path = _decision(tmp_path, "noi_nhan:\n  - Lãnh đạo Văn phòng\n", recipients)
    lines = _recipients(paragraph_texts(renderer.render_file(path, tmp_path / "qd.docx")))
    assert f"- {name};" in lines


def test_the_van_thu_drafting_is_kept_once(tmp_path: Path, renderer) -> None:
    path = _decision(tmp_path, "don_vi_soan_thao: TCHCQT", "don_vi_soan_thao: VT")
    profile = tmp_path / "inputs" / "co-quan" / "van-phong-ubnd-son-la.yaml"
    text = profile.read_text("utf-8")
    profile.write_text(text.replace("don_vi:\n", "don_vi:\n  VT:\n    ten: Bộ phận Văn thư\n", 1),
                       "utf-8")  # fmt: skip
    lines = _recipients(paragraph_texts(renderer.render_file(path, tmp_path / "qd.docx")))
    assert lines[-1] == "- Lưu: VT, H01b.", lines


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("Lưu: VT, VT, H01b.", "Lưu: VT, H01b."),
        ("Lưu: VT, VT.", "Lưu: VT."),
        ("Lưu: VT, TCHCQT, H01b.", "Lưu: VT, TCHCQT, H01b."),
        ("Lưu: VT,  TH.", "Lưu: VT,  TH."),  # nothing repeated: as the phrase wrote it
    ],
)
def test_each_name_of_the_filing_line_is_written_once(written: str, printed: str) -> None:
    assert once_each(written) == printed
