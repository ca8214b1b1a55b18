"""Finding r13b F1: a weekday typed beside a date in the forms clerks write besides Phụ lục I's.

"thứ Năm, ngày 18/12/2026" (18/12/2026 is a Friday), "thứ Năm ngày 18-12-2026", "thứ 5, ngày 18
tháng 12 năm 2026", "ngày 18/12/2026 (thứ Năm)" were accepted by check and passed verify, where
"thứ Năm, ngày 18 tháng 12 năm 2026" was refused. An ordinal ("Kỳ họp thứ năm, ngày ...", "lần
thứ 2, ngày ...") is not a weekday and is not read as one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.rules.dates import any_weekday_date, wrong_weekdays
from pipeline.verify import verify_file
from tests.test_giay_moi import EXAMPLE
from tests.test_meeting_dates_r11 import INVITATION, edited, line_of
from tests.typed_docs import open_docx, render_mapping

FRIDAY = date(2026, 12, 18)

WRONG = [
    ("Hội nghị họp vào thứ Năm, ngày 18/12/2026.", "thứ Năm"),
    ("Hội nghị họp thứ Năm ngày 18-12-2026.", "thứ Năm"),
    ("Bắt đầu 14 giờ 00 thứ Năm, ngày 18.12.2026.", "thứ Năm"),
    ("Hội nghị họp thứ 5, ngày 18 tháng 12 năm 2026.", "thứ 5"),
    ("Hội nghị họp thứ 5, 18/12/2026.", "thứ 5"),
    ("Hội nghị họp ngày 18/12/2026 (thứ Năm).", "thứ Năm"),
    ("Hội nghị họp ngày 18 tháng 12 năm 2026 (Thứ Năm).", "Thứ Năm"),
    ("Hội nghị họp Chủ nhật, ngày 18/12/2026.", "Chủ nhật"),
]

RIGHT = [
    "Hội nghị họp vào thứ Sáu, ngày 18/12/2026.",
    "Hội nghị họp thứ 6, ngày 18-12-2026.",
    "Hội nghị họp ngày 18/12/2026 (thứ Sáu).",
    "Tại Kỳ họp thứ năm, ngày 18 tháng 12 năm 2026.",  # an ordinal: the fifth session
    "Đại hội lần thứ 2, ngày 18/12/2026.",
    "Cuộc họp thứ 2, ngày 18/12/2026.",
    "Hội nghị họp thứ Năm, ngày 18/12-2026.",  # not one date: separators differ
    "Hội nghị họp thứ Năm, ngày 31/02/2026.",  # no such date: the date rules say so
]


@pytest.mark.parametrize(("text", "typed"), WRONG)
def test_each_form_is_read(text: str, typed: str) -> None:
    (wrong,) = wrong_weekdays(text)
    assert (wrong.typed, wrong.day, wrong.wanted) == (typed, FRIDAY, "thứ Sáu")
    assert any_weekday_date(["Kính gửi các đồng chí.", text])


@pytest.mark.parametrize("text", RIGHT)
def test_a_right_weekday_or_an_ordinal_says_nothing(text: str) -> None:
    assert list(wrong_weekdays(text)) == []


def test_the_search_over_all_texts_finds_a_form_in_any_of_them() -> None:
    """The gate that spares a document's texts one search each must not miss any form."""
    assert not any_weekday_date(["Kính gửi các đồng chí.", "Ngày 18/12/2026 họp."])
    for text, _ in WRONG:
        assert any_weekday_date(["Một.", "Hai.", text, "Ba."])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_check_refuses_the_numeric_form_at_its_line(inputs_copy: Path, lang: str) -> None:
    path = inputs_copy / INVITATION
    lines = edited(path, "ket_thuc: Đề nghị các đồng chí",
                   "ket_thuc: Họp thứ 4, ngày 06/02/2024. Đề nghị các đồng chí")  # fmt: skip
    result = CliRunner().invoke(main, ["--lang", lang, "check", str(path)])
    assert result.exit_code != 0, result.output
    line = line_of(lines, "ket_thuc:")
    said = [x for x in result.output.splitlines() if x.startswith(("Lỗi", "Error"))]
    if lang == "vi":
        assert said == [
            f"Lỗi: {path}, dòng {line}, trường 'ket_thuc': 'thứ 4' ghi cạnh ngày 06/02/2024, "
            "nhưng ngày này là thứ Ba: hãy sửa thành 'thứ Ba' (vanthu verify cũng báo lỗi này "
            "trên văn bản đã in)"
        ], result.output
    else:
        expected = f"Error: {path}, line {line}, field 'ket_thuc': 'thứ 4' is written beside "
        assert said[0].startswith(expected), said


def test_verify_fails_a_printed_numeric_form(tmp_path: Path) -> None:
    """verify reads the printed document as loading reads the data (rule noi_dung.thu)."""
    doc = open_docx(render_mapping(EXAMPLE, {}))
    closing = next(p for p in doc.paragraphs if p.text.startswith("Đề nghị các đồng chí"))
    closing.add_run(" Họp lại vào thứ Năm, ngày 18/12/2026.")
    bad = tmp_path / "bad.docx"
    doc.save(str(bad))
    assert "noi_dung.thu" in verify_file(bad).rules
    good = tmp_path / "good.docx"
    open_docx(render_mapping(EXAMPLE, {})).save(str(good))
    assert "noi_dung.thu" not in verify_file(good).rules
