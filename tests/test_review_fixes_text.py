"""Review of round ten (text, lists, reports, verify): two messages worded again, a report's own
phrases not taken for its figures, the layers looking down only (text below render, load below
context), the office's profile parsed once for its warnings and each Số tiền once per row, the
manifest named as the user reads paths."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from pipeline.api import load_document
from pipeline.awards import read_award_list
from pipeline.context import quyet_dinh
from pipeline.i18n import t
from pipeline.load import report as report_loading
from pipeline.load.spreadsheet import totals
from pipeline.load.yaml_source import Source
from tests.test_dieu_2_fixed_sums import FIXED_SHEET
from tests.test_list_rows import DAY, HEADER, PEOPLE
from tests.test_office_awards import PROFILE, school
from tests.test_office_wording_r9 import SALARY_OPENING
from tests.test_packaging import PACKAGE, imports_of, module_name
from tests.test_sheet_headers_r8 import UNNAMED, make_xlsx, refusal
from tests.test_verify_certificate_numbers import (  # noqa: F401 - the fixtures
    _own_register,
    batch,
    replaced,
    verify,
)

REPORT = Path("2022") / "bao-cao-tong-ket.yaml"


# --- messages -------------------------------------------------------------------------------


def test_an_index_past_the_end_says_how_many_items_the_list_has() -> None:
    params = {"name": "noi_nhan[5]", "list": "noi_nhan", "n": 6, "count": 3}
    assert "which has only 3 items in this document's data" in t(
        "render.index_past_end", lang="en", **params
    )
    assert "chỉ có 3 dòng" in t("render.index_past_end", lang="vi", **params)


def test_the_cot_entry_of_a_column_read_twice_is_said_with_one_space(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "ds.xlsx", UNNAMED)
    err = refusal(path, columns={"ho_ten": "Đơn vị"})
    vi, en = err.message("vi"), err.message("en")
    assert "(khóa 'cot' khai báo ho_ten: \"Đơn vị\")" in vi, vi
    assert "('cot' declares ho_ten: \"Đơn vị\")" in en, en
    assert "  " not in vi and "  " not in en


# --- verify: the manifest named as the user reads paths ----------------------------------------


def test_a_wrong_book_number_names_the_manifest_from_the_working_folder(
    batch: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    replaced(batch, ("Số vào sổ: 1203", "Số vào sổ: 1230"))
    result = verify(batch.relative_to(tmp_path))  # as typed in the working folder
    assert result.exit_code == 1, result.output
    (problem,) = [line for line in result.output.splitlines() if "[giay_khen.so_vao_so]" in line]
    assert "(outputs/2024/manifest.json)" in problem, problem
    assert str(tmp_path) not in problem


# --- layers ---------------------------------------------------------------------------------


def _imports_below(folder: str) -> dict[str, set[str]]:
    """What each module under pipeline/`folder` imports of pipeline."""
    files = {module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    return {name: imports_of(path, set(files)) for name, path in files.items()
            if name.startswith(f"pipeline.{folder}.")}  # fmt: skip


def test_text_does_not_import_the_renderer() -> None:
    imported = _imports_below("text")
    assert "pipeline.text.legacy" in imported
    assert {n: m for n, m in imported.items() if any(i.startswith("pipeline.render") for i in m)
            } == {}  # fmt: skip


def test_phrase_is_one_class_wherever_it_is_imported_from() -> None:
    from pipeline.phrase import Phrase
    from pipeline.render.phrase import Phrase as RenderPhrase
    from pipeline.text.legacy import misread_name

    assert RenderPhrase is Phrase
    said = misread_name("windows-1258")
    assert isinstance(said, Phrase)
    assert said.describe("en") == "Windows-1258 misread as Windows-1252"


def test_loading_a_report_does_not_import_a_document_s_context() -> None:
    imported = _imports_below("load")
    assert not any(i.startswith("pipeline.context") for i in imported["pipeline.load.report"])


# --- a report's own phrases are no figures (r10b F3) -----------------------------------------


def test_a_report_s_own_table_caption_names_its_number(inputs_copy: Path, renderer) -> None:
    report = inputs_copy / REPORT
    caption = "Bảng {{ so }}. Kết quả khen thưởng năm {{ nam }} của Văn phòng"
    own = f'cau_chu:\n  bao_cao_bang_khen_thuong: "{caption}"\n'
    report.write_text(report.read_text("utf-8") + own, "utf-8")
    assert load_document(report).warnings == ()
    out = renderer.render_file(report, inputs_copy.parent / "bc.docx")
    from docx import Document

    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "Bảng 1. Kết quả khen thưởng năm 2022 của Văn phòng" in texts, texts


def test_a_figure_without_value_is_not_looked_for_in_the_report_s_phrases(tmp_path: Path) -> None:
    values = {"tong.nam_truoc": "", "tong.tong": "12"}
    data = {
        "muc": ["Năm nay {{ tong.tong }} cá nhân, năm trước {{ tong.nam_truoc }}."],
        "cau_chu": {"bao_cao_cot_nam_truoc": "Năm trước ({{ tong.nam_truoc }})"},
    }
    source = Source(tmp_path / "bc.yaml", data)
    (warning,) = report_loading.figures_without_value(source, values, 2021, tmp_path)
    assert warning.field == "muc[1]"
    assert [loc for loc, _ in report_loading.clerks_text(data)] == [("muc", 0)]


# --- work done once -------------------------------------------------------------------------


def test_the_profile_is_parsed_once_for_every_fixed_sum_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quyet_dinh._parsed_profile.cache_clear()
    parsed: list[Path] = []
    real = quyet_dinh.load_yaml

    def counting(path: Path) -> Source:
        parsed.append(path)
        return real(path)

    monkeypatch.setattr(quyet_dinh, "load_yaml", counting)
    first = school(tmp_path, sheet=FIXED_SHEET, profile=PROFILE + SALARY_OPENING)
    second = tmp_path / "qd-2.yaml"
    shutil.copy(first, second)
    lines = [w.line for path in (first, second) for w in load_document(path).warnings
             if w.key.startswith("wording.fixed_sum_default")]  # fmt: skip
    assert len(lines) == 2 and lines[0] == lines[1]
    assert parsed == [tmp_path / "co-quan" / "truong.yaml"]
    # Edited, the profile is read again: the warning follows its line.
    profile = tmp_path / "co-quan" / "truong.yaml"
    profile.write_text("# Trường\n" + profile.read_text("utf-8"), "utf-8")
    (warning,) = [w for w in load_document(first).warnings
                  if w.key.startswith("wording.fixed_sum_default")]  # fmt: skip
    assert warning.line == lines[0] + 1 and len(parsed) == 2


def test_each_typed_amount_is_read_once_for_the_total_and_the_award(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = totals.typed_money

    def counting(text: str) -> int | None:
        read.append(text)
        return real(text)

    monkeypatch.setattr(totals, "typed_money", counting)
    book = Workbook()
    sheet = book.active
    sheet.append([*HEADER, "Số tiền"])
    for row in PEOPLE:
        sheet.append([*row, "710.000 đ"])
    sheet.append(["Tổng cộng: 3 người", None, None, None, None, None, "2.130.000 đồng"])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    awards = read_award_list(path, DAY)
    assert awards.total == 2_130_000
    assert read == ["710.000 đ"] * 3


# --- the total rows' units, said once ---------------------------------------------------------


@pytest.mark.parametrize("unit", sorted(totals._UNIT_KINDS))
def test_every_unit_word_counts_its_kind(unit: str) -> None:
    kind = totals._UNIT_KINDS[unit]
    after = list(totals._figures(f"tổng cộng: 1.200 {unit}", None))
    before = list(totals._figures(f"{unit}: 1.200", None))
    said_after = unit not in ("tiền", "tiền thưởng")  # those say a figure only before it
    assert (after == [(kind, 1200)]) is said_after
    assert before == [(kind, 1200)]


@pytest.mark.parametrize("unit", ["đ", "đồng", "vnđ", "vnd", "VNĐ", "Đồng"])
def test_every_money_unit_follows_an_amount(unit: str) -> None:
    assert totals.typed_money(f"710.000 {unit}") == 710_000
    assert totals.typed_money(f"710000{unit}.") == 710_000
    assert re.fullmatch(totals._UNIT, unit.casefold())
