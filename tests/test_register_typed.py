"""Typed numbers take their place in the register (finding 1), an edited numbered document's
row follows it (finding 2), render warns as the build does (finding 7), kiem-tra names only the
numbers out of place (finding 8), and the summary does not repeat the type's name (finding 10)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.register import Details, open_register
from pipeline.register.checks import check_year
from pipeline.register.documents import named_summary
from tests.test_register_integrity import printed_number
from tests.test_register_order import numbers, office, plan, vanthu  # noqa: F401


def test_a_typed_number_and_so_tu_dong_in_one_build_differ(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "05/01/2026")
    assert vanthu("build").exit_code == 0
    plan(office, "kh-go-tay.yaml", "10/02/2026", number="02")
    plan(office, "kh-tu-dong.yaml", "20/02/2026")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert printed_number(office / "outputs/2026/kh-go-tay.docx") == "02/KH-VPUBND"
    assert printed_number(office / "outputs/2026/kh-tu-dong.docx") == "03/KH-VPUBND"
    assert [(n, s) for n, _, s in numbers(office)] == [
        (1, "inputs/2026/ke-hoach.yaml"), (2, "inputs/2026/kh-go-tay.yaml"),
        (3, "inputs/2026/kh-tu-dong.yaml")]
    # Ahead of the counter: recorded with a warning; later automatic numbers go past it.
    plan(office, "kh-05.yaml", "01/03/2026", number="05")
    result = vanthu("build")
    assert result.exit_code == 0 and "04" in result.stderr
    plan(office, "kh-sau.yaml", "02/03/2026")
    assert vanthu("build").exit_code == 0
    assert printed_number(office / "outputs/2026/kh-sau.docx") == "06/KH-VPUBND"


def test_an_edited_numbered_document_updates_its_row_and_warns(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "05/01/2026")
    plan(office, "kh-06.yaml", "20/06/2026")
    assert vanthu("build").exit_code == 0
    plan(office, "kh-06.yaml", "03/01/2026")
    result = vanthu("build")
    assert result.exit_code == 0
    assert "ghi ngày trước số cấp trước nó" in result.stderr and "02/KH-VPUBND" in result.stderr
    assert (2, "2026-01-03", "inputs/2026/kh-06.yaml") in numbers(office)


def test_render_warns_of_a_number_dated_before_the_one_before(office: Path) -> None:  # noqa: F811
    assert vanthu("render", str(plan(office, "kh-2003.yaml", "20/03/2026"))).exit_code == 0
    result = vanthu("render", str(plan(office, "kh-1003.yaml", "10/03/2026")))
    assert result.exit_code == 0
    assert "Cảnh báo" in result.stderr and "02/KH-VPUBND" in result.stderr


def test_check_names_one_early_number_dated_at_the_year_end_once(tmp_path: Path) -> None:
    with open_register(tmp_path / "so.sqlite3") as register:
        days = [date(2026, 1, 5), date(2026, 12, 30)] + [date(2026, 2, d) for d in range(1, 9)]
        for day in days:
            register.allocate("vp", Details(doc_date=day, type_code="TB", symbol="TB-VP"))
        [found] = check_year(register, 2026).out_of_order
        assert (found.entry.number, found.other.number, found.other_higher) == (2, 3, True)
        assert found.count == 8


def test_summary_does_not_repeat_the_type_name() -> None:
    assert named_summary("Công văn", "Công văn đề nghị cử cán bộ") == "Công văn đề nghị cử cán bộ"
    assert named_summary("Công văn", "công văn đề nghị") == "Công văn đề nghị"
    assert named_summary("Công văn", "Công vănx") == "Công văn công vănx"
