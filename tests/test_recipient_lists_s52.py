"""Nơi nhận and Kính gửi as a clerk types them (s52): a bullet pasted from Word prints as the
list's own "- ", not after it; "Như trên (để thực hiện)" typed anywhere replaces vanthu's own
"- Như trên;" instead of printing a second; a recipient group (nhom:) under Kính gửi is refused
instead of printing "Kính gửi: nhom: cap-tren"; verify fails an output that doubles a mark or
prints "Như trên" twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.api import load_document
from pipeline.context.addressing import with_own_line
from pipeline.context.common import clean_list_line
from pipeline.errors import InputError
from pipeline.verify import verify_file
from pipeline.verify.rules_recipients import doubled_mark, item_key
from tests.docx_text import paragraph_texts
from tests.test_recipients_typed import _example
from tests.test_verify_r15_recipients import copy_after, recipient_lines, saved, set_text

LETTER = "2024/cv-don-doc-bao-cao-tdkt.yaml"
ADDRESSEES = "kinh_gui:\n  - Các phòng, ban, đơn vị thuộc Văn phòng\n  - Nhà khách Bình Minh\n"
RECIPIENTS = "noi_nhan:\n  - Lãnh đạo Văn phòng\n"
INVITATION = "2024/giay-moi-hoi-nghi-tong-ket.yaml"
GUESTS = "kinh_moi: Đồng chí Trưởng các phòng, ban, đơn vị thuộc Văn phòng\n"


def _items(lines: list[str]) -> str:
    """YAML list items, each as typed (quoted where YAML needs it)."""
    return "".join(f"  - {line}\n" for line in lines)


def _letter(tmp_path: Path, addressees: list[str] | None = None,
            recipients: list[str] | None = None) -> Path:  # fmt: skip
    """The example Công văn with these Kính gửi and Nơi nhận items (the example's when None)."""
    path = _example(tmp_path, LETTER, RECIPIENTS, f"noi_nhan:\n{_items(recipients or [])}"
                    if recipients is not None else RECIPIENTS)  # fmt: skip
    if addressees is not None:
        text = path.read_text("utf-8")
        path.write_text(text.replace(ADDRESSEES, f"kinh_gui:\n{_items(addressees)}"), "utf-8")
    return path


def _printed(renderer, path: Path, tmp_path: Path) -> tuple[list[str], Path]:
    """The rendered letter's paragraphs, and the .docx."""
    out = tmp_path / "cv.docx"
    return paragraph_texts(renderer.render_file(path, out)), out


def _recipients(lines: list[str]) -> list[str]:
    start = lines.index("Nơi nhận:")
    return [line for line in lines[start + 1 :] if line.startswith(("- ", "+ "))]


# --- Bullets pasted from Word (bug 5) -----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("– UBND tỉnh (b/c)", "UBND tỉnh (b/c)"),
        ("• Thường trực Đảng ủy xã;", "Thường trực Đảng ủy xã"),
        ("* Thường trực HĐND xã", "Thường trực HĐND xã"),
        ("+ Bản Ít;", "Bản Ít"),
        ("—Sở Nội vụ.", "Sở Nội vụ"),
        ("- Sở Tài chính;", "Sở Tài chính"),
        ("-Sở Tài chính", "Sở Tài chính"),
    ],
)
def test_a_pasted_bullet_is_dropped_from_a_list_line(typed: str, cleaned: str) -> None:
    assert clean_list_line(typed) == cleaned


def test_a_sign_of_the_text_is_not_a_bullet() -> None:
    assert clean_list_line("+84 Tổng đài") == "+84 Tổng đài"


def test_pasted_bullets_print_as_the_lists_own_dash(tmp_path: Path, renderer) -> None:
    path = _letter(
        tmp_path,
        addressees=["– Trưởng các thôn, bản", "• Bí thư Đoàn Thanh niên xã"],
        recipients=["– UBND tỉnh (b/c)", "• Thường trực Đảng ủy xã", '"* Thường trực HĐND xã"'],
    )
    lines, out = _printed(renderer, path, tmp_path)
    assert "Kính gửi:\t- Trưởng các thôn, bản;" in lines, lines[:20]
    assert "- Bí thư Đoàn Thanh niên xã." in lines
    assert _recipients(lines)[:4] == [
        "- Như trên;", "- UBND tỉnh (b/c);", "- Thường trực Đảng ủy xã;",
        "- Thường trực HĐND xã;",
    ]  # fmt: skip
    assert verify_file(out).ok


def test_a_pasted_bullet_in_the_single_kinh_gui_is_dropped(tmp_path: Path, renderer) -> None:
    path = _letter(tmp_path, addressees=["• Sở Nội vụ"])
    lines, _ = _printed(renderer, path, tmp_path)
    assert "Kính gửi: Sở Nội vụ" in lines, lines[:20]


@pytest.mark.parametrize(
    ("line", "doubled"),
    [
        ("- – UBND tỉnh (b/c);", True),
        ("- • Thường trực Đảng ủy xã;", True),
        ("- * Thường trực HĐND xã;", True),
        ("- + Bản Ít;", True),
        ("- UBND tỉnh (b/c);", False),
        ("+ Bản Ít;", False),
        ("- -5 độ C;", False),
        ("- *Sở* Nội vụ;", False),
    ],
)
def test_doubled_mark(line: str, doubled: bool) -> None:
    assert doubled_mark(line) is doubled


def test_verify_fails_a_bullet_printed_after_the_dash(tmp_path: Path, renderer) -> None:
    from docx import Document

    _, out = _printed(renderer, _letter(tmp_path), tmp_path)
    doc = Document(str(out))
    lines = recipient_lines(doc)
    set_text(lines[1], "- – Lãnh đạo Văn phòng;")
    report = verify_file(saved(doc, tmp_path))
    found = [v for v in report.violations if v.rule == "noi_nhan.dash"]
    assert len(found) == 1, report.format_text("vi")
    assert "dấu đầu dòng dán từ Word" in found[0].line("vi")


# --- "Như trên" typed by the clerk (bug 3) ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["Như trên (để thực hiện)", "Thường trực Đảng ủy xã"],
         ["- Như trên (để thực hiện);", "- Thường trực Đảng ủy xã;"]),
        (["Chủ tịch UBND xã (b/c)", "Như trên", "Thường trực Đảng ủy xã"],
         ["- Như trên;", "- Chủ tịch UBND xã (b/c);", "- Thường trực Đảng ủy xã;"]),
        (["Chủ tịch UBND xã (b/c)", "\"- như trên (để biết);\""],
         ["- Như trên (để biết);", "- Chủ tịch UBND xã (b/c);"]),
    ],
)  # fmt: skip
def test_a_typed_nhu_tren_is_printed_once_first(
    tmp_path: Path, renderer, typed: list[str], expected: list[str]
) -> None:
    lines, out = _printed(renderer, _letter(tmp_path, recipients=typed), tmp_path)
    assert _recipients(lines)[:-1] == expected
    assert verify_file(out).ok, verify_file(out).format_text("vi")


def test_the_offices_own_wording_stays_for_a_plain_typed_line() -> None:
    own = "Như trên (để thực hiện)"
    assert with_own_line(own, ["Sở Y", "Như trên"]) == [own, "Sở Y"]
    assert with_own_line(own, ["Sở Y"]) == [own, "Sở Y"]
    assert with_own_line(own, ["Như trên (b/c)"]) == ["Như trên (b/c)"]
    assert with_own_line("Như trên", ["Sở Y", "như  trên (để biết)"]) == [
        "Như trên (để biết)", "Sở Y",
    ]  # fmt: skip


def test_a_recipient_starting_like_nhu_tren_stays() -> None:
    assert with_own_line("Như trên", ["Như trên và Sở Y"]) == ["Như trên", "Như trên và Sở Y"]


@pytest.mark.parametrize("second", ["- Như trên (để thực hiện);", "- như trên(b/c);"])
def test_item_key_reads_a_purpose_as_the_same_line(second: str) -> None:
    assert item_key("- Như trên;") == item_key(second)


def test_item_key_keeps_other_brackets() -> None:
    assert item_key("- Sở Nội vụ (Ban Thi đua);") != item_key("- Sở Nội vụ;")


def test_verify_fails_nhu_tren_printed_twice(tmp_path: Path, renderer) -> None:
    from docx import Document

    _, out = _printed(renderer, _letter(tmp_path), tmp_path)
    doc = Document(str(out))
    first = recipient_lines(doc)[0]
    assert first.text == "- Như trên;"
    copy_after(first, first, "- Như trên (để thực hiện);")
    report = verify_file(saved(doc, tmp_path))
    assert [v.rule for v in report.violations] == ["noi_nhan.repeated"], report.format_text("vi")


# --- A recipient group under Kính gửi (bug 4) ---------------------------------------------


def _refused_at(path: Path, item: str) -> InputError:
    """The error loading `path`, checked to be at the line of `item`."""
    line = path.read_text("utf-8").splitlines().index(item) + 1
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.line == line, caught.value.message("vi")
    return caught.value


@pytest.mark.parametrize("item", ["nhom: noi-bo", '"nhom: noi-bo"', "nhom:noi-bo", "Nhóm: noi-bo"])
def test_a_group_under_kinh_gui_is_refused(tmp_path: Path, item: str) -> None:
    path = _letter(tmp_path, addressees=["Sở Nội vụ", item])
    error = _refused_at(path, f"  - {item}")
    said = error.message("vi")
    assert "chỉ dùng trong noi_nhan" in said and "noi-bo" in said, said
    assert "nháy kép" not in said


def test_a_group_as_the_whole_kinh_gui_is_refused(tmp_path: Path) -> None:
    path = _letter(tmp_path)
    text = path.read_text("utf-8").replace(ADDRESSEES, "kinh_gui:\n  nhom: noi-bo\n")
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "chỉ dùng trong noi_nhan" in caught.value.message("vi")


def test_a_group_under_kinh_moi_is_refused(tmp_path: Path) -> None:
    path = _example(tmp_path, INVITATION, GUESTS, 'kinh_moi: "nhom: noi-bo"\n')
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "chỉ dùng trong noi_nhan" in caught.value.message("vi")


def test_a_recipient_named_nhom_stays(tmp_path: Path, renderer) -> None:
    path = _letter(tmp_path, addressees=['"Nhóm: Tổ công tác liên ngành"', "Sở Nội vụ"])
    lines, _ = _printed(renderer, path, tmp_path)
    assert "Kính gửi:\t- Nhóm: Tổ công tác liên ngành;" in lines, lines[:20]
