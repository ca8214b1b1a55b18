"""A document the register numbered whose data file is deleted: the build removes its output and
says that its number stays in the sổ, with the command that voids it; a renamed file, which
takes the number over in the same build, says nothing (finding r7b F5)."""

from __future__ import annotations

from pathlib import Path

from tests.test_register_order import numbers, office, plan, vanthu

__all__ = ["office"]  # the fixture, used by name


def test_a_deleted_numbered_document_names_its_number(office: Path) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026")
    copy = plan(office, "gm-ban-sao.yaml", "12/01/2026")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert [n for n, _, _ in numbers(office)] == [1, 2]
    copy.unlink()
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert (
        "Cảnh báo: inputs/2026/gm-ban-sao.yaml: đã xóa văn bản, nhưng số 02/KH-VPUBND sổ văn bản "
        "đi cấp cho nó vẫn ghi trong sổ; nếu văn bản đã bỏ, hãy hủy số: vanthu so huy 02 --nam "
        '2026 --ly-do "..." (tệp đổi tên chỉ giữ số khi loại, ngày và trích yếu không đổi; '
        "tệp mới sửa ngày hay loại văn bản thì được cấp số mới)"
    ) in " ".join(result.output.split()), result.output


def test_a_renamed_document_keeps_its_number_without_a_word(office: Path) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026")
    old = plan(office, "kh-cu.yaml", "12/01/2026")
    assert vanthu("build").exit_code == 0
    old.rename(old.with_name("kh-moi.yaml"))
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert "vẫn ghi trong sổ" not in result.output, result.output
    assert [(n, source) for n, _, source in numbers(office)] == [
        (1, "inputs/2026/ke-hoach.yaml"), (2, "inputs/2026/kh-moi.yaml")
    ]


def test_a_date_edited_past_later_numbers_is_warned(office: Path) -> None:
    """The tester's Công văn 02 of 30/11 re-dated 03/12 after 03–08 were given: its row moves
    with the date, now after the numbers given after it (finding r7b F3)."""
    first = plan(office, "ke-hoach.yaml", "02/11/2026")
    plan(office, "kh-b.yaml", "10/11/2026")
    assert vanthu("build").exit_code == 0
    first.write_text(first.read_text("utf-8").replace("ngay: 02/11/2026", "ngay: 20/11/2026"),
                     "utf-8")  # fmt: skip
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert (
        "Cảnh báo: inputs/2026/ke-hoach.yaml: số 01/KH-VPUBND đổi ngày từ 02/11/2026 sang "
        "20/11/2026, sau số cấp sau nó trong sổ, 02/KH-VPUBND 10/11/2026"
    ) in " ".join(result.output.split()), result.output
    assert vanthu("build").output.count("Cảnh báo") == 0  # said when the date changed


def test_a_new_number_for_a_copy_not_yet_edited_is_warned(office: Path) -> None:
    """Last week's document copied and built before it was edited: a second number for the same
    document (finding r7b F5)."""
    first = plan(office, "ke-hoach.yaml", "05/11/2026")
    assert vanthu("build").exit_code == 0
    copy = first.with_name("kh-ban-sao.yaml")
    copy.write_text(first.read_text("utf-8"), "utf-8")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (
        "Cảnh báo: inputs/2026/kh-ban-sao.yaml: số 02/KH-VPUBND vừa cấp cho văn bản giống hệt số "
        "01/KH-VPUBND 05/11/2026"
    ) in said, result.output
    assert "(inputs/2026/ke-hoach.yaml: cùng loại, ngày và trích yếu)" in said
    # Edited, it is a document of its own: nothing more is said.
    copy.write_text(copy.read_text("utf-8").replace("ngay: 05/11/2026", "ngay: 06/11/2026"),
                    "utf-8")  # fmt: skip
    assert "giống hệt" not in vanthu("build").output
