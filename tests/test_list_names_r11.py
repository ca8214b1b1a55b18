"""Names in an award list as printed (r11b F3, F6, F9): an emoji in a cell or a YAML text is
refused at its place; a "." or "," typed after a name, chức vụ or unit is dropped; a person's
name typed in lower case is capitalised like one typed in capitals, and collectives' names,
chức vụ and units typed in capitals are warned of once per list."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from docx import Document

from pipeline.api import load_document, render_documents
from pipeline.awards import person_name, read_award_list
from pipeline.context.giay_khen import unit_line
from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml
from pipeline.text.gate import BadCharacter, emoji_at, gate, refused_character
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace
from tests.test_list_warnings import AWARDS, COUNCIL, DAY, office
from tests.test_total_rows import workbook
from tests.typed_docs import open_docx

GK = "Lao động tiên tiến"


def person(name: str, position: str | None, unit: str, kind: str = "Cá nhân") -> list[object]:
    return [1, name, position, unit, GK if kind == "Cá nhân" else "Tập thể lao động tiên tiến",
            kind, None]  # fmt: skip


# --- F3: the gate refuses emoji, and only them -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "char"),
    [
        ("Hoàng Thị Hà 🌸", "\U0001f338"),  # a pictograph
        ("Chúc mừng ❤️", "\ufe0f"),  # ❤ is a text symbol; U+FE0F makes it an emoji
        ("Tổ 1️⃣", "\ufe0f"),  # a keycap sequence
        ("Tổ 1\u20e3", "\u20e3"),  # the keycap mark alone
        ("Xuất sắc ⭐", "\u2b50"),  # an emoji by default, in the BMP
        ("Hoàn thành ✅", "\u2705"),
        ("Việt Nam 🇻🇳", "\U0001f1fb"),  # a flag: regional indicators
        ("👍🏽", "\U0001f44d"),  # a skin tone
        ("🏴\U000e0067\U000e0062\U000e007f", "\U0001f3f4"),  # a subdivision flag (tags)
        ("Lan\U000e0067", "\U000e0067"),  # a tag alone
        ("Lan \U0001fa75", "\U0001fa75"),  # newer than Python 3.11's Unicode tables
        ("Lan\U000e0100", "\U000e0100"),  # a variation selector of the supplement
    ],
)
def test_emoji_are_refused(text: str, char: str) -> None:
    with pytest.raises(BadCharacter) as caught:
        gate(text)
    assert caught.value.char == char and text[caught.value.index] == char
    assert caught.value.pictograph


LEGITIMATE = (
    "Nhiệt độ 25°C, 25 ℃; № 5; § 3; ± 5%; 3 × 4 ÷ 2 ≤ 7 ≥ 1 ≠ 0 − 1; 2020–2025 — nay… "
    "“trích” «dẫn» ‘đơn’; ® © ™; ☐ ✓ ✔ ☑ ■ □ ● ○ ◆ ► ➢ ❖ ★ ☆ ❤ ☎ → ← ↑ ↓; 5‰; 1.000 ₫ €; "
    "𡨸 Nôm 𠀧; 𝐀"  # Hán Nôm (CJK Extension B) and a mathematical letter: not pictographs
)


def test_symbols_a_document_uses_pass() -> None:
    assert refused_character(LEGITIMATE) is None
    assert gate(LEGITIMATE) == LEGITIMATE


def test_the_control_characters_are_not_pictographs() -> None:
    bad = refused_character("a\x07")
    assert bad is not None and not bad.pictograph


@pytest.mark.parametrize(
    ("text", "index", "emoji"),
    [
        ("Chúc mừng ❤️!", 11, "❤️"),
        ("Tổ 1️⃣ giỏi", 4, "1️⃣"),
        ("Gia đình 👨‍👩‍👧 vui", 9, "👨‍👩‍👧"),
        ("Gia đình 👨‍👩‍👧 vui", 11, "👨‍👩‍👧"),
        ("Hà 🌸", 3, "🌸"),
    ],
)
def test_the_emoji_is_shown_as_the_clerk_sees_it(text: str, index: int, emoji: str) -> None:
    assert emoji_at(text, index) == emoji


def test_an_emoji_in_a_name_cell_is_refused_at_its_row_and_field(tmp_path: Path) -> None:
    path = workbook(tmp_path, [person("Nguyễn Văn An", "Giáo viên", "Trường A"),
                               person("Hoàng Thị Hà 🌸", "Giáo viên", "Trường A")])  # fmt: skip
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    error = caught.value
    assert (error.key, error.file, error.sheet, error.row, error.field) == (
        "sheet.pictograph", str(path), "DS", 4, "Họ và tên"
    )
    assert error.message("vi") == (
        f"{path}, trang tính 'DS', dòng 4, trường 'Họ và tên': ô B4 có biểu tượng cảm xúc "
        "(emoji) «🌸» (U+1F338): văn bản hành chính không in hình, phông chữ của văn bản cũng "
        "không có; hãy xóa nó khỏi ô."
    )
    assert "contains an emoji «🌸» (U+1F338)" in error.message("en")


def test_an_emoji_in_a_csv_unit_is_refused_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên,Chức vụ,Đơn vị,Danh hiệu\n"
                    f"Lò Văn An,Giáo viên,Trường A ❤️,{GK}\n", "utf-8")  # fmt: skip
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY, priced=False)
    error = caught.value
    assert (error.key, error.row, error.field) == ("sheet.pictograph", 2, "Đơn vị")
    assert error.params["symbol"] == "❤️" and error.params["char"] == "U+2764 U+FE0F"
    assert "ô C2" in error.message("vi")


def test_symbols_in_cells_are_printed(tmp_path: Path) -> None:
    unit = "Phòng № 5 – Khu ° ± ® © ✓"
    path = workbook(tmp_path, [person("Nguyễn Văn An", "Giáo viên", unit)])
    assert read_award_list(path, DAY).entries[0].unit == unit


def test_an_emoji_in_a_yaml_text_is_refused_at_its_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "qd.yaml"
    path.write_text("loai: quyet_dinh\ntrich_yeu: Về việc khen thưởng 🎉\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.pictograph", 2, "trich_yeu")
    assert "emoji" in error.message("vi") and "U+1F389 (PARTY POPPER)" in error.message("vi")


def test_an_escaped_emoji_in_a_yaml_text_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "qd.yaml"
    path.write_text('loai: quyet_dinh\nnoi_nhan:\n  - "Như trên \\u2b50"\n', "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    assert (caught.value.line, caught.value.field) == (3, "noi_nhan[1]")  # items count from 1
    assert "U+2B50" in caught.value.message("vi")


def test_symbols_in_a_yaml_text_pass(tmp_path: Path) -> None:
    path = tmp_path / "qd.yaml"
    path.write_text(f"loai: quyet_dinh\ntrich_yeu: '{LEGITIMATE}'\n", "utf-8")
    assert load_yaml(path).data["trich_yeu"] == LEGITIMATE


# --- F6: a "." or "," typed after a name, chức vụ or unit -----------------------------------------


def test_trailing_punctuation_is_dropped_from_names_positions_and_units(tmp_path: Path) -> None:
    path = workbook(tmp_path, [
        person("Nguyễn Văn An", "Giáo viên", "Trường A"),
        person("Cầm Thị Lan.", "Chuyên viên,", "Văn phòng."),
        person("Lò Văn Bình ;", "Giáo viên", "Trường A,"),
        person("Tổ Toán.", None, "Trường A.", "Tập thể"),
    ])  # fmt: skip
    entries = read_award_list(path, DAY).entries
    assert [(e.name, e.position, e.unit) for e in entries] == [
        ("Nguyễn Văn An", "Giáo viên", "Trường A"),
        ("Cầm Thị Lan", "Chuyên viên", "Văn phòng"),
        ("Lò Văn Bình", "Giáo viên", "Trường A"),
        ("Tổ Toán", "", "Trường A"),
    ]
    assert unit_line(entries[1]) == "Chuyên viên, Văn phòng"


def test_a_trailing_dot_is_one_person_with_the_name_without(tmp_path: Path) -> None:
    """The duplicate check sees the name as printed."""
    path = workbook(tmp_path, [person("Cầm Thị Lan", "Giáo viên", "Trường A"),
                               person("Cầm Thị Lan.", "Giáo viên", "Trường A")])  # fmt: skip
    with pytest.raises(InputError) as caught:
        read_award_list(path, DAY)
    assert (caught.value.key, caught.value.row) == ("sheet.duplicate_entry", 4)


def test_a_cell_of_punctuation_alone_stays_as_typed() -> None:
    assert person_name(".") == "."


# --- F9: a person's name typed in lower case -----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("nguyễn thị mai", "Nguyễn Thị Mai"),
        ("nguyễn Thị Mai", "Nguyễn Thị Mai"),
        ("đặng văn ánh", "Đặng Văn Ánh"),
        ("NGUYỄN VĂN NAM", "Nguyễn Văn Nam"),
        ("ksor h'hen", "Ksor H'Hen"),  # as the capitals KSOR H'HEN read
        ("y-bih niê", "Y-Bih Niê"),
        ("ksor h'Hen", "Ksor H'Hen"),
        ("Ksor H'Hen", "Ksor H'Hen"),  # each word with its capital: as typed
        ("Nguyễn Văn A (GVCN)", "Nguyễn Văn A (GVCN)"),
        ("nguyễn văn a (gvcn)", "Nguyễn Văn A (gvcn)"),  # a note in brackets is no name
        ("Nguye\u0302\u0303n thi\u0323 mai", "Nguyễn Thị Mai"),  # NFD: composed first
    ],
)
def test_a_persons_name_has_each_word_capitalised(typed: str, printed: str) -> None:
    assert person_name(typed) == printed


LOWER_LIST = """\
Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại
nguyễn thị mai,Giáo viên,Trường Mầm non Hoa Sen,Lao động tiên tiến,Cá nhân
Cầm Thị Lan.,Giáo viên,Trường Mầm non Hoa Sen.,Lao động tiên tiến,Cá nhân
"""


def test_the_decision_prints_the_names_capitalised_and_without_the_dot(
    tmp_path: Path, renderer
) -> None:
    path = office(tmp_path, AWARDS, sheet="ds.csv", text=LOWER_LIST)
    document = load_document(path)
    assert document.warnings == ()
    text = "\n".join(p.text for p in Document(io.BytesIO(renderer.render(document))).paragraphs)
    assert "- Nguyễn Thị Mai, Giáo viên, Trường Mầm non Hoa Sen;" in text
    assert "- Cầm Thị Lan, Giáo viên, Trường Mầm non Hoa Sen." in text
    assert "nguyễn thị mai" not in text and "Lan." not in text


def test_the_giay_khen_prints_the_name_capitalised_and_the_unit_without_the_dot(
    tmp_path: Path,
) -> None:
    rows = example_rows()
    rows[0]["Họ và tên"] = rows[0]["Họ và tên"].lower() + "."
    rows[0]["Đơn vị"] += "."
    batch = workspace(tmp_path, rows, CERTIFICATE)
    render_documents([batch])
    paragraphs = open_docx(tmp_path / "outputs" / "2024" / f"{batch.stem}.docx").paragraphs
    names = [p.text for p in paragraphs if p.style.name == "GiayKhenTen"]
    units = [p.text for p in paragraphs if p.style.name == "GiayKhenDonVi"]
    first = example_rows()[0]
    assert first["Họ và tên"] in names
    assert f"{first['Chức vụ']}, {first['Đơn vị']}" in units
    assert not any(text.endswith(".") for text in names + units)


MEMBERS = """\
Họ và tên,Chức vụ,Vai trò
đặng văn hải thắng,Chủ tịch UBND huyện,Chủ tịch Hội đồng
Lò Thị Hoa.,Trưởng phòng Nội vụ,Phó Chủ tịch Hội đồng
"""


def test_council_members_are_capitalised_as_an_award_list_is(tmp_path: Path) -> None:
    path = office(tmp_path, COUNCIL, sheet="hd.csv", text=MEMBERS)
    members = load_document(path).info.attachments.members
    assert [row.values["ho_ten"] for row in members] == ["Đặng Văn Hải Thắng", "Lò Thị Hoa"]


# --- F9: collectives' names, chức vụ and units in capitals: one warning per list ------------------


def test_capitals_in_collectives_and_units_are_warned_of_once_naming_the_rows(
    tmp_path: Path,
) -> None:
    path = workbook(tmp_path, [
        person("NGUYỄN VĂN NAM", "Chuyên viên", "VĂN PHÒNG SỞ"),
        person("PHÒNG TỔ CHỨC CÁN BỘ", None, "SỞ NỘI VỤ TỈNH SƠN LA", "Tập thể"),
        person("Lò Thị Mai", "Chuyên viên", "Văn phòng"),
        person("Cầm Văn An", "CHUYÊN VIÊN", "UBND xã Chiềng Sinh"),
    ])  # fmt: skip
    awards = read_award_list(path, DAY)
    assert [e.name for e in awards.entries][:2] == ["Nguyễn Văn Nam", "PHÒNG TỔ CHỨC CÁN BỘ"]
    assert awards.entries[1].unit == "SỞ NỘI VỤ TỈNH SƠN LA"  # printed as typed
    [warning] = awards.warnings
    assert (warning.key, warning.file, warning.sheet, warning.row) == (
        "sheet.capitals_kept", str(path), "DS", None
    )
    assert warning.message("vi") == (
        f"{path}, trang tính 'DS': tên tập thể, chức vụ hoặc đơn vị gõ toàn chữ in hoa ở dòng "
        "3, 4, 6 (ô D3, B4, D4, C6; ví dụ «VĂN PHÒNG SỞ») được in đúng như đã gõ: vanthu không "
        "đoán được chữ nào cần viết hoa (như «Phòng Tổ chức cán bộ»); nếu cần, hãy gõ lại bằng "
        "chữ thường, chỉ viết hoa chữ cái đầu và tên riêng"
    )
    assert "typed all in capitals on rows 3, 4, 6" in warning.message("en")


def test_the_warning_names_ten_cells_at_most(tmp_path: Path) -> None:
    path = workbook(tmp_path, [person(f"Lò Văn {name}", "Giáo viên", "TRƯỜNG MẦM NON HOA SEN")
                               for name in "An Bình Cường Dũng Giang Hà Khánh Lâm Minh Nam Oanh"
                               .split()])  # fmt: skip
    [warning] = read_award_list(path, DAY).warnings
    assert warning.params["cells"] == "D3, D4, D5, D6, D7, D8, D9, D10, D11, D12, …"


@pytest.mark.parametrize(
    "unit", ["UBND", "Trường THCS Chiềng Sinh", "BCH ĐTN", "Phòng GD&ĐT", "Sở Nội vụ"]
)
def test_abbreviations_and_ordinary_units_are_no_capitals(tmp_path: Path, unit: str) -> None:
    path = workbook(tmp_path, [person("Lò Văn An", "Giáo viên", unit)])
    assert read_award_list(path, DAY).warnings == ()


def test_the_decision_says_the_capitals_warning(tmp_path: Path) -> None:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại"])
    writer.writerow(["Lò Văn An", "Giáo viên", "TRƯỜNG MẦM NON HOA SEN", GK, "Cá nhân"])
    path = office(tmp_path, AWARDS, sheet="ds.csv", text=text.getvalue())
    [warning] = load_document(path).warnings
    assert warning.key == "sheet.capitals_kept" and warning.params["cells"] == "C2"


@pytest.mark.parametrize(
    "typed", ["Trường Phổ thông Dân tộc nội trú xã Mường Bú", "tổ toán", "Phòng Tư pháp"]
)
def test_a_collectives_name_on_a_persons_row_keeps_its_case(typed: str) -> None:
    """A unit word first and no surname: a collective's name whatever the Loại says."""
    assert person_name(typed) == typed


def test_a_surname_that_is_a_unit_word_is_a_persons(tmp_path: Path) -> None:
    assert person_name("đoàn văn hậu") == "Đoàn Văn Hậu"
    assert person_name("văn thị lan") == "Văn Thị Lan"

