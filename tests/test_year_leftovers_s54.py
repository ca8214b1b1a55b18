"""Leftovers of a year of builds (session s54): the number of a deleted document whose output
was edited by hand, a Giấy khen batch's Số, ký hiệu in the manifest, and report count columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

from pipeline.render.compose import TemplateLibrary
from pipeline.rules.metrics import widest_twips
from pipeline.verify import verify_file
from tests.test_money_columns_r11 import (
    BUILTIN,
    REPORT,
    TEXT_WIDTH_TWIPS,
    big_year,
    grid_twips,
    render,
)
from tests.test_register_order import office, plan, vanthu
from tests.typed_docs import page_lines, to_pdf

__all__ = ["office"]  # the fixture, used by name


def test_a_deleted_document_kept_as_edited_still_names_its_number(office: Path) -> None:
    """Its output is kept (edited by hand) and its number still in the sổ: both are said."""
    plan(office, "ke-hoach.yaml", "05/01/2026")
    copy = plan(office, "gm-ban-sao.yaml", "12/01/2026")
    assert vanthu("build").exit_code == 0
    output = office / "outputs/2026/gm-ban-sao.docx"
    edited = docx.Document(str(output))
    edited.paragraphs[-1].text += " "
    edited.save(str(output))
    copy.unlink()
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "không xóa" in said and "gm-ban-sao.docx" in said, said
    assert (
        "Cảnh báo: inputs/2026/gm-ban-sao.yaml: đã xóa văn bản, nhưng số 02/KH-VPUBND sổ văn bản "
        "đi cấp cho nó vẫn ghi trong sổ; nếu văn bản đã bỏ, hãy hủy số: vanthu so huy 02 --nam "
        '2026 --ly-do "..."'
    ) in said, said
    assert output.is_file()
    again = vanthu("build")  # said once, with the build that found it gone
    assert again.exit_code == 0, again.output
    assert "vẫn ghi trong sổ" not in again.output, again.output


def certificate_batch(office: Path, number: str) -> dict[str, dict]:
    """The starter Giấy khen batch built with its decision's `so:`; the manifest's entries."""
    folder = office / "inputs/2026"
    (folder / "ke-hoach.yaml").unlink()
    with pytest.MonkeyPatch.context() as here:
        here.chdir(folder)
        assert vanthu("new", "giay-khen").exit_code == 0
    decision = folder / "quyet-dinh-giay-khen.yaml"
    text = decision.read_text("utf-8")
    decision.write_text(re.sub(r"^so:.*$", f"so: {number}", text, count=1, flags=re.M), "utf-8")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    manifest = json.loads((office / "outputs/2026/manifest.json").read_text("utf-8"))
    return manifest["documents"]


def printed_text(path: Path) -> str:
    return " ".join(p.text for p in docx.Document(str(path)).paragraphs)


@pytest.mark.parametrize(("number", "reference"), [("tu_dong", "01/QĐ-VPUBND"),
                                                   ("7", "07/QĐ-VPUBND")])
def test_a_certificate_batch_records_the_decision_number_it_prints(
    office: Path, number: str, reference: str
) -> None:
    """A clerk reading the manifest finds the batch under the Số, ký hiệu its certificates
    print (Quyết định số 01/QĐ-VPUBND), the decision's row in the sổ, not a Công văn's form."""
    entries = certificate_batch(office, number)
    batch = entries["inputs/2026/giay-khen.yaml"]
    assert entries["inputs/2026/quyet-dinh-giay-khen.yaml"]["so_ky_hieu"] == reference
    assert batch["so_ky_hieu"] == reference
    assert f"số {reference}" in printed_text(office / "outputs" / batch["output"]["path"])


# --- Báo cáo: a year's counts in Bảng 1 ------------------------------------------------------


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Báo cáo of a year's awards rendered with the built-in templates."""
    root = tmp_path_factory.mktemp("counts")
    folder = big_year(root)
    return render(TemplateLibrary([BUILTIN]), folder / REPORT, root / "outputs" / "bc.docx")


def with_totals(source: Path, target: Path, **figures: str) -> Path:
    """`source` with Bảng 1's Tổng cộng row printing `figures` (its bold runs kept) in the
    columns named: ca_nhan, tap_the, tien."""
    columns = {"ca_nhan": 2, "tap_the": 3, "tien": 4}
    document = docx.Document(str(source))
    total = document.tables[1].rows[-1]
    for column, figure in figures.items():
        (run,) = total.cells[columns[column]].paragraphs[0].runs
        run.text = figure
    document.save(str(target))
    return target


def test_bang_1_count_columns_hold_a_provinces_year_of_awards() -> None:
    """10.500 Lao động tiên tiến in a year: five digits, bold in the Tổng cộng row."""
    table = docx.Document(str(BUILTIN / "khoi" / "bang-so-lieu.docx")).tables[0]
    counts = [grid_twips(table)[i] for i in (2, 3, 5)]
    assert min(counts) >= widest_twips((("99.999", 13, True),)), counts
    assert sum(grid_twips(table)) == pytest.approx(TEXT_WIDTH_TWIPS, abs=20)


def test_a_five_digit_count_stands_on_one_line_and_verify_passes_it(
    report: Path, tmp_path: Path
) -> None:
    counted = with_totals(report, tmp_path / "bc-10500.docx", ca_nhan="10.500")
    checked = verify_file(counted)
    assert not {"bang.so_luong_mot_dong", "bang.so_tien_mot_dong"} & set(checked.rules), (
        checked.format_text())
    [pdf] = to_pdf([counted], tmp_path)
    lines = [line for page in page_lines(pdf) for line in page]
    total = next(line for line in lines if line.startswith("Tổng cộng"))
    assert total.split()[2] == "10.500", lines


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_says_a_count_too_long_for_its_column_in_a_counts_words(
    report: Path, tmp_path: Path, lang: str
) -> None:
    """A count its column cannot hold is a count (heading «Lượt cá nhân»), not a Số tiền; the money
    column's amount is still said as money."""
    changed = with_totals(report, tmp_path / "bc-dai.docx", ca_nhan="1.234.567",
                          tien="123.456.789.012")
    checked = verify_file(changed)
    counts = [v for v in checked.violations if v.rule == "bang.so_luong_mot_dong"]
    money = [v for v in checked.violations if v.rule == "bang.so_tien_mot_dong"]
    assert [v.found.render(lang) for v in counts] == ["«1.234.567»"]
    assert [v.found.render(lang) for v in money] == ["«123.456.789.012»"]
    count_line, money_line = counts[0].line(lang), money[0].line(lang)
    if lang == "vi":
        assert "Số lượng trong bảng" in count_line and "cột «Lượt cá nhân»" in count_line
        assert "tiền" not in count_line, count_line
        assert "cột số tiền" in money_line, money_line
    else:
        assert "A count in a table" in count_line and "column «Lượt cá nhân»" in count_line
        assert "money" not in count_line and "amount" not in count_line, count_line
        assert "money column" in money_line, money_line
