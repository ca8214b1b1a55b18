"""A number printed on a document is the register's: a typed number the register holds for
another document is refused by build and render (finding 2), and a build-given number voided
with `so huy` is replaced on the next build (finding 3), which opens the register only when it
has such documents to check."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.register import Register
from pipeline.register import location as register_location
from tests.test_register_order import numbers, office, plan, vanthu  # noqa: F401
from tests.typed_docs import open_docx


def printed_number(docx: Path) -> str:
    cells = [c.text for t in open_docx(docx).tables for r in t.rows for c in r.cells]
    return next(c for c in cells if c.startswith("Số:")).removeprefix("Số:").strip()


def test_build_and_render_refuse_a_typed_number_held_for_another_document(
    office: Path,  # noqa: F811
) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026")
    assert vanthu("build").exit_code == 0
    assert vanthu("so", "vao-so", "02", "--ngay", "01/03/2026", "--ky-hieu", "QĐ-VPUBND",
                  "--trich-yeu", "QĐ ghi tay").exit_code == 0
    typed = plan(office, "kh-so-go-tay.yaml", "02/03/2026", number="02")
    line = typed.read_text("utf-8").splitlines().index("so: 02") + 1  # said at its line
    output = office / "outputs/2026/kh-so-go-tay.docx"
    for args in (["build"], ["render", str(typed)]):
        result = vanthu(*args)
        assert result.exit_code == 1
        assert (f"kh-so-go-tay.yaml, dòng {line}, trường 'so': số 02/KH-VPUBND đã có trong sổ "
                "văn bản đi cho "
                "văn bản khác: 02/QĐ-VPUBND 01/03/2026 “QĐ ghi tay”") in result.output
        assert not output.exists()
    result = vanthu("--lang", "en", "build")
    assert result.exit_code == 1
    assert (f"kh-so-go-tay.yaml, line {line}, field 'so': number 02/KH-VPUBND is already in the "
            "register for "
            "another document: 02/QĐ-VPUBND 01/03/2026") in result.output
    assert not output.exists()


def test_a_typed_number_the_register_holds_for_this_document_is_accepted(
    office: Path,  # noqa: F811
) -> None:
    # The clerk took a number with `so cap` (same date and type), then typed it in the data.
    assert vanthu("so", "cap", "--ngay", "02/03/2026", "--ky-hieu", "KH-VPUBND",
                  "--trich-yeu", "Kế hoạch gõ số tay").exit_code == 0
    typed = plan(office, "kh-so-go-tay.yaml", "02/03/2026", number="01")
    result = vanthu("render", str(typed))
    assert result.exit_code == 0, result.output
    # A number the register does not hold is printed and recorded: the counter moves past it.
    plan(office, "kh-so-go-tay.yaml", "02/03/2026", number="07")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert printed_number(office / "outputs/2026/kh-so-go-tay.docx") == "07/KH-VPUBND"
    assert [n for n, _, _ in numbers(office)] == [1, 7]


def test_a_voided_build_number_is_replaced_on_the_next_build(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "05/01/2026")
    plan(office, "ke-hoach-2.yaml", "06/01/2026")
    assert vanthu("build").exit_code == 0
    docx = office / "outputs/2026/ke-hoach.docx"
    assert printed_number(docx) == "01/KH-VPUBND"
    assert vanthu("so", "huy", "01", "--nam", "2026", "--ly-do", "sai trích yếu").exit_code == 0
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert "1 đã dựng, 1 không đổi" in result.output
    assert printed_number(docx) == "03/KH-VPUBND"
    assert printed_number(office / "outputs/2026/ke-hoach-2.docx") == "02/KH-VPUBND"
    assert "0 đã dựng, 2 không đổi" in vanthu("build").output
    result = vanthu("verify", "--so-dang-ky", str(docx))
    assert result.exit_code == 0, result.output


def test_a_no_change_build_opens_the_register_only_for_so_tu_dong_documents(
    office: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026", number="03")  # typed: no register row
    assert vanthu("build").exit_code == 0
    assert not (office / "so-van-ban.sqlite3").exists()  # nothing to look up, nothing made
    opened: list[str] = []
    real_open = register_location.open_register

    def counting_open(*args: object, **kwargs: object) -> Register:
        opened.append("open")
        return real_open(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(register_location, "open_register", counting_open)
    assert "0 đã dựng, 1 không đổi" in vanthu("build").output
    assert opened == []
    plan(office, "ke-hoach-2.yaml", "06/01/2026")
    assert vanthu("build").exit_code == 0
    reads: list[str] = []
    real_read = Register.source_numbers

    def counting_read(self: Register):  # type: ignore[no-untyped-def]
        reads.append("read")
        return real_read(self)

    monkeypatch.setattr(Register, "source_numbers", counting_read)
    opened.clear()
    assert "0 đã dựng, 2 không đổi" in vanthu("build").output
    assert (len(opened), len(reads)) == (1, 1)
