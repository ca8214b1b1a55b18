"""Nơi nhận lines as clerks type them: a filing line in lower case is refused as the one in
capitals ("Lưu: VT, TH." is vanthu's own), a name in capitals that starts with Lưu stays a
recipient, and a recipient group YAML read as text ("- nhom:cap-tren") is refused at its line
with the way to write it, instead of printing "nhom:cap-tren" as a recipient."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.context.common import recipient_lines
from pipeline.errors import InputError
from tests.docx_text import paragraph_texts
from tests.test_recipients_typed import _example, _recipients

DECISION = "2024/qd-dieu-dong-cong-chuc.yaml"
FIRST = "noi_nhan:\n  - Lãnh đạo Văn phòng\n"


def _with_item(tmp_path: Path, item: str) -> tuple[Path, int]:
    """The example decision with `item` (a YAML list item, as typed) after its first recipient;
    the path and the line the item stands on."""
    path = _example(tmp_path, DECISION, FIRST, f"{FIRST}{item}\n")
    line = path.read_text("utf-8").splitlines().index(item) + 1
    return path, line


def _refused(tmp_path: Path, item: str) -> InputError:
    """The error loading the decision with `item` among its recipients, checked to be at the
    item's line."""
    path, line = _with_item(tmp_path, item)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.line == line, caught.value.message("vi")
    return caught.value


def _printed(tmp_path: Path, item: str) -> list[str]:
    """The Nơi nhận lines (groups expanded) of the decision with `item` among its recipients."""
    path, _ = _with_item(tmp_path, item)
    info = load_document(path).info
    return recipient_lines(info.data, info.agency)


@pytest.mark.parametrize(
    "item",
    [
        '  - "- Lưu vt, vp."',
        "  - lưu vt",
        "  - Lưu vt, th",
        "  - lưu hs",
        "  - lưu tchcqt, H01b.",
        "  - Lưu Vp",
        "  - lưu: vt",  # unquoted: a mapping to YAML, which was told to "put it in quotes"
        "  - Lưu: VT, TH.",
        "  - LƯU: VT",
    ],
)
def test_a_filing_line_in_lower_case_is_refused(tmp_path: Path, item: str) -> None:
    error = _refused(tmp_path, item)
    assert "dòng Lưu" in error.message("vi") and "don_vi_soan_thao" in error.message("vi")


@pytest.mark.parametrize(
    "item",
    [
        '  - "lưu : văn thư"',
        "  - lưu văn thư",
        "  - Lưu hồ sơ",
        '  - "LƯU: VT"',
        "  - LƯU VT",
        "  - LƯU VT, TH.",
        "  - LƯU HĐND",
        '  - "Lưu: VT, TH."',
    ],
)
def test_filing_lines_caught_before_still_are(tmp_path: Path, item: str) -> None:
    assert "dòng Lưu" in _refused(tmp_path, item).message("vi")


@pytest.mark.parametrize(
    "name",
    [
        "LƯU HOA",  # a person's name in capitals: its words are syllables, no abbreviation
        "Lưu HOA",
        "LƯU THANH",
        "Lưu Văn Thư",  # a person: Văn Thư as a name, each word with its capital
        "LƯU VĂN THƯ",
        "LƯU TRỮ LỊCH SỬ TỈNH",
        "lưu trữ lịch sử tỉnh",
    ],
)
def test_a_recipient_named_luu_stays_in_any_case(tmp_path: Path, name: str) -> None:
    assert _printed(tmp_path, f"  - {name}") == ["Lãnh đạo Văn phòng", name]


def test_a_name_in_capitals_prints_as_a_recipient(tmp_path: Path, renderer) -> None:
    path, _ = _with_item(tmp_path, "  - LƯU HOA")
    lines = _recipients(paragraph_texts(renderer.render_file(path, tmp_path / "qd.docx")))
    assert "- LƯU HOA;" in lines
    assert sum(line.startswith("- Lưu") for line in lines) == 1  # vanthu's own filing line


@pytest.mark.parametrize(
    "item",
    [
        "  - nhom:noi-bo",
        "  - Nhom:noi-bo",
        "  - nhom :noi-bo",
        '  - "nhom: noi-bo"',  # quoted: text, as "put it in quotes" may have made it
        "  - nhóm:noi-bo",
    ],
)
def test_a_group_glued_to_its_key_is_refused_with_the_fix(tmp_path: Path, item: str) -> None:
    error = _refused(tmp_path, item)
    assert "«- nhom: noi-bo»" in error.message("vi") and "dấu cách" in error.message("vi")


@pytest.mark.parametrize("key", ["nhóm", "Nhom", "NHÓM"])
def test_a_group_key_spelt_otherwise_is_named(tmp_path: Path, key: str) -> None:
    error = _refused(tmp_path, f"  - {key}: noi-bo")
    assert f"«{key}»" in error.message("vi") and "«- nhom: noi-bo»" in error.message("vi")
    assert "hai chấm và dấu cách" not in error.message("vi")  # not "put the text in quotes"


def test_a_group_key_with_no_name_is_said_so(tmp_path: Path) -> None:
    error = _refused(tmp_path, "  - nhom:")
    assert "nhom_noi_nhan" in error.message("vi") and "«nhom:»" in error.message("vi")


def test_a_group_written_right_is_expanded(tmp_path: Path) -> None:
    assert _printed(tmp_path, "  - nhom: noi-bo") == [
        "Lãnh đạo Văn phòng", "Các thành viên Hội đồng TĐKT Văn phòng", "Các phòng, ban, đơn vị",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "name", ["Nhóm công tác liên ngành", "Nhóm: Tổ công tác liên ngành", "Tổ công tác: Văn phòng"]
)
def test_a_recipient_with_a_colon_or_the_word_nhom_stays(tmp_path: Path, name: str) -> None:
    assert _printed(tmp_path, f'  - "{name}"') == ["Lãnh đạo Văn phòng", name]
