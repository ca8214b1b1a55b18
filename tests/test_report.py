"""Báo cáo tổng kết: figures computed from the year's decisions, equal in text and tables."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.api import load_document
from pipeline.awards import Entry, read_award_list
from pipeline.cli import main
from pipeline.context.bao_cao import awards_table, fill_text, units_table
from pipeline.figures import Count, YearFigures, figure_values, unit_key
from pipeline.rules.money import format_money

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "inputs" / "2022" / "bao-cao-tong-ket.yaml"


def year_entries(year: int, inputs: Path = REPO / "inputs") -> Iterator[Entry]:
    """Every row of the award lists of the decisions kept in `inputs`/`year`."""
    for path in sorted((inputs / str(year)).glob("qd-*.yaml")):
        data = load_document(path).info.data
        if getattr(data, "khen_thuong", None) is None:
            continue
        yield from read_award_list(
            path.parent / data.khen_thuong.danh_sach, data.ngay, sheet=data.khen_thuong.trang_tinh
        ).entries


def year_sums(year: int) -> dict[str, tuple[int, int, int]]:
    """Per award: (individuals, collectives, money), summed straight from the spreadsheets."""
    sums: dict[str, list[int]] = {}
    for entry in year_entries(year):
        item = sums.setdefault(entry.award, [0, 0, 0])
        item[1 if entry.collective else 0] += 1
        item[2] += entry.amount
    return {k: (v[0], v[1], v[2]) for k, v in sums.items()}


def same(text: str) -> str:
    """A name or unit as compared for "the same person": NFC, spaces collapsed, no case."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def year_recipients(year: int, inputs: Path = REPO / "inputs") -> tuple[int, int]:
    """(individuals, collectives) commended in the year, each once however many awards."""
    keys = {(e.collective, same(e.name), same(e.unit)) for e in year_entries(year, inputs)}
    collectives = sum(1 for key in keys if key[0])
    return len(keys) - collectives, collectives


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, renderer):
    out = tmp_path_factory.mktemp("bc") / "bc.docx"
    renderer.render_file(REPORT, out)
    return Document(str(out))


def test_awards_table_equals_the_decisions(report) -> None:
    """Rows count the awards of a title or form, and Tổng cộng is their sum (lượt), in both
    years; the text counts people (see test_text_and_tables_agree)."""
    now, before = year_sums(2022), year_sums(2021)
    commended = year_recipients(2022)
    assert commended[0] < sum(v[0] for v in now.values())  # the data has people with two awards
    table = report.tables[1]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:-1]}
    assert set(rows) == set(now)
    for award, (people, groups, money) in now.items():
        row = rows[award]
        assert (int(row[2]), int(row[3]), row[4]) == (people, groups, format_money(money))
        previous = sum(before.get(award, (0, 0, 0))[:2])
        assert row[5] == str(previous)
        current = people + groups
        if previous and current != previous:
            percent = abs(current - previous) * 100 / previous
            word = "tăng" if current > previous else "giảm"
            assert row[6] == f"{word} {percent:.1f}%".replace(".", ",").replace(",0%", "%")
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "Tổng cộng"
    awarded = (sum(v[0] for v in now.values()), sum(v[1] for v in now.values()))
    assert (int(total[2]), int(total[3])) == awarded != commended
    assert total[4] == format_money(sum(v[2] for v in now.values()))
    last = sum(v[0] + v[1] for v in before.values())
    assert int(total[5]) == last > sum(year_recipients(2021))
    percent = abs(sum(awarded) - last) * 100 / last
    word = "tăng" if sum(awarded) > last else "giảm"
    assert total[6] == f"{word} {percent:.1f}%".replace(".", ",").replace(",0%", "%")
    assert table.rows[0]._tr.trPr is not None  # header row repeats (tblHeader)


def test_text_and_tables_agree(report) -> None:
    now = year_sums(2022)
    text = "\n".join(p.text for p in report.paragraphs)
    people, groups = year_recipients(2022)
    money = format_money(sum(v[2] for v in now.values()))
    # Counts below 10 take a leading zero in the text, as in a decision's Điều 1 (r13b F8).
    assert f"khen thưởng cho {people:02d} cá nhân và {groups:02d} tập thể" in text
    assert f"tổng số tiền thưởng {money} đồng" in text
    assert f"Lao động tiên tiến cho {now['Lao động tiên tiến'][0]} cá nhân" in text
    assert "{{" not in text


def test_units_table(report) -> None:
    table = report.tables[2]
    body = table.rows[1:-1]
    assert sum(int(r.cells[2].text) for r in body) == int(table.rows[-1].cells[2].text)
    assert sum(int(r.cells[3].text) for r in body) == int(table.rows[-1].cells[3].text)


def test_units_are_counted_as_units(inputs_copy: Path, tmp_path: Path, renderer) -> None:
    """A tập thể counts as the unit it is, not under the office its row names; a unit typed
    once as 'Phòng tổng hợp' is the same 'Phòng Tổng hợp' (the tester's split rows)."""
    before = {r[1]: r for r in table_cells(
        render_report(renderer, inputs_copy, tmp_path / "before.docx"), 2)}  # fmt: skip
    # Its 5 people (7 awards: Nguyễn Đức Thọ and Phạm Văn Thắng have two each) and itself.
    assert before["Phòng Tổng hợp"][2:4] == ["5", "1"]
    assert "văn phòng ubnd tỉnh sơn la" not in {k.casefold() for k in before if before[k][3] != "0"}
    listed = inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv"
    text = listed.read_text("utf-8-sig")
    assert "Nguyễn Đức Thọ,Chuyên viên,Phòng Tổng hợp," in text
    row = "Nguyễn Đức Thọ,Chuyên viên,Phòng {}ổng hợp,"
    listed.write_text(text.replace(row.format("T"), row.format(" t")), "utf-8")
    after = {r[1]: r for r in table_cells(
        render_report(renderer, inputs_copy, tmp_path / "after.docx"), 2)}  # fmt: skip
    assert after == before


def test_report_parts(report) -> None:
    lines = [p.text for p in report.paragraphs if p.text]
    assert lines[0] == "BÁO CÁO"
    sections = [t for t in lines if t[:3] in ("I. ", "II.", "III", "IV.")]
    assert sections == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert lines[-1].endswith("./.")
    assert report.tables[0].cell(1, 0).text == "Số: 160/BC-VPUBND"


def test_unknown_figure_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    shutil.copytree(REPO / "inputs", folder)
    report = folder / "2022" / "bao-cao-tong-ket.yaml"
    text = report.read_text("utf-8").replace("{{ tong.ca_nhan }}", "{{ tong.canhan }}")
    report.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["--lang", "vi", "check", str(report)])
    assert result.exit_code == 1
    assert "tong.canhan" in result.output and "tong.ca_nhan" in result.output
    assert "dòng " in result.output


def test_report_depends_on_the_decisions() -> None:
    files = {p.name for p in load_document(REPORT).files}
    assert {"danh-sach-ldtt-2022.xlsx", "danh-sach-giay-khen-2022.csv"} <= files
    assert "danh-sach-ldtt-2021.xlsx" in files


# --- which decisions a report counts: those dated in its year, wherever they are kept --------


def render_report(renderer, inputs: Path, out: Path) -> Document:
    renderer.render_file(inputs / "2022" / "bao-cao-tong-ket.yaml", out)
    return Document(str(out))


def table_cells(document: Document, index: int) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in document.tables[index].rows]


def body_text(document: Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_a_decision_counts_in_the_year_of_its_date_not_of_its_folder(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    before = render_report(renderer, inputs_copy, tmp_path / "before.docx")
    # The 2021 decision (the comparison year) moved into the 2022 folder, under a subfolder.
    moved = inputs_copy / "2022" / "cu"
    shutil.move(inputs_copy / "2021", moved)
    # A 2022 decision kept in the 2024 folder (another number, the same list).
    late = inputs_copy / "2024" / "bo-sung"
    late.mkdir()
    shutil.copy(inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv", late)
    text = (inputs_copy / "2022" / "qd-giay-khen.yaml").read_text("utf-8")
    (late / "qd-giay-khen-bo-sung.yaml").write_text(text.replace("so: 153", "so: 154"), "utf-8")

    after = render_report(renderer, inputs_copy, tmp_path / "after.docx")
    assert "ban hành 03 quyết định" in body_text(after)
    assert "ban hành 02 quyết định" in body_text(before)
    was, now = table_cells(before, 1), table_cells(after, 1)
    giay_khen = {r[1]: r for r in was[1:-1]}["Giấy khen"]
    doubled = {r[1]: r for r in now[1:-1]}["Giấy khen"]
    assert int(doubled[2]) == 2 * int(giay_khen[2]) and int(doubled[3]) == 2 * int(giay_khen[3])
    # Tổng cộng is the rows' sum: the Giấy khen given again count as awards.
    assert int(now[-1][2]) == int(was[-1][2]) + int(giay_khen[2])
    assert "khen thưởng cho 50 cá nhân và 07 tập thể" in body_text(before)
    # The same people given the same Giấy khen again are no new cá nhân or tập thể in the text.
    assert "khen thưởng cho 50 cá nhân và 07 tập thể" in body_text(after)
    assert [r[5] for r in now] == [r[5] for r in was]  # 2021 still counted, from its new folder
    files = {p.name for p in load_document(inputs_copy / "2022" / "bao-cao-tong-ket.yaml").files}
    assert {"danh-sach-ldtt-2021.xlsx", "qd-giay-khen-bo-sung.yaml"} <= files


def test_a_decision_of_another_year_kept_in_the_report_folder_is_not_counted(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    before = render_report(renderer, inputs_copy, tmp_path / "before.docx")
    # The tester's case: a 2024 decision (dated 29/02/2024 here) copied into another year.
    text = (inputs_copy / "2022" / "qd-giay-khen.yaml").read_text("utf-8")
    text = text.replace("so: 153", "so: 12").replace("ngay: 22/12/2022", "ngay: 29/02/2024")
    (inputs_copy / "2022" / "qd-giay-khen-2024.yaml").write_text(text, "utf-8")
    after = render_report(renderer, inputs_copy, tmp_path / "after.docx")
    assert "ban hành 02 quyết định" in body_text(after)
    assert table_cells(after, 1) == table_cells(before, 1)
    assert table_cells(after, 2) == table_cells(before, 2)


def test_a_decision_of_another_office_is_not_counted(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    """The tester's case: the UBND tỉnh's Bằng khen decision kept in the Văn phòng's workspace
    is not one the Văn phòng issued; its names, units and money are not the report's."""
    before = render_report(renderer, inputs_copy, tmp_path / "before.docx")
    text = (inputs_copy / "2022" / "qd-giay-khen.yaml").read_text("utf-8")
    office = next(line for line in text.splitlines() if line.startswith("co_quan:"))
    assert office != "co_quan: ubnd-tinh-son-la"
    other = text.replace(office, "co_quan: ubnd-tinh-son-la").replace("so: 153", "so: 2150")
    (inputs_copy / "2022" / "qd-bang-khen-tinh.yaml").write_text(other, "utf-8")
    after = render_report(renderer, inputs_copy, tmp_path / "after.docx")
    assert "ban hành 02 quyết định" in body_text(after)
    assert table_cells(after, 1) == table_cells(before, 1)
    assert table_cells(after, 2) == table_cells(before, 2)
    # Still a file the report depends on: were its co_quan corrected, the report is rebuilt.
    files = {p.name for p in load_document(inputs_copy / "2022" / "bao-cao-tong-ket.yaml").files}
    assert "qd-bang-khen-tinh.yaml" in files


def test_an_award_given_only_last_year_keeps_its_row_and_figures(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    """The tester's case: no Giấy khen this year. Its row stays (0 now), so the column of last
    year adds up to last year's awards, and {{ giay_khen.ca_nhan }} prints 0 instead of
    stopping the build."""
    decision = inputs_copy / "2022" / "qd-giay-khen.yaml"
    text = decision.read_text("utf-8").replace("ngay: 22/12/2022", "ngay: 22/12/2021")
    decision.unlink()
    (inputs_copy / "2021" / "qd-giay-khen.yaml").write_text(text, "utf-8")
    shutil.move(inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv", inputs_copy / "2021")
    report = inputs_copy / "2022" / "bao-cao-tong-ket.yaml"
    report.write_text(report.read_text("utf-8").replace(
        "  - >-\n    Thực hiện Kế hoạch",
        "  - \"Giấy khen: {{ giay_khen.ca_nhan }} cá nhân, {{ giay_khen.tap_the }} tập thể"
        " ({{ giay_khen.tang_giam }}).\"\n  - >-\n    Thực hiện Kế hoạch", 1), "utf-8")  # fmt: skip
    after = render_report(renderer, inputs_copy, tmp_path / "after.docx")
    assert "Giấy khen: 0 cá nhân, 0 tập thể (giảm 100%)." in body_text(after)
    rows = table_cells(after, 1)
    giay_khen = {r[1]: r for r in rows[1:-1]}["Giấy khen"]
    assert giay_khen[2:] == ["0", "0", "0", "10", "giảm 100%"]
    assert sum(int(r[5]) for r in rows[1:-1]) == len(list(year_entries(2021, inputs_copy)))
    # Tổng cộng is the rows' sum in last year's column too.
    assert int(rows[-1][5]) == len(list(year_entries(2021, inputs_copy)))


def test_the_decree_s_name_counts_the_office_s_own_name_for_it(inputs_copy: Path) -> None:
    """The tester's school: its "Giấy khen của Hiệu trưởng" rows are Giấy khen, so
    {{ giay_khen.* }} counts them (it printed 0) as {{ giay_khen_cua_hieu_truong.* }} does."""
    profile = inputs_copy / "co-quan" / "van-phong-ubnd-son-la.yaml"
    profile.write_text(
        profile.read_text("utf-8") + "\nten_khen_thuong:\n  Giấy khen của Văn phòng: Giấy khen\n",
        "utf-8",
    )
    listed = inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv"
    text = listed.read_text("utf-8-sig").replace(
        "Giấy khen của Chánh Văn phòng", "Giấy khen của Văn phòng"
    )
    listed.write_text(text, "utf-8")
    values = load_document(inputs_copy / "2022" / "bao-cao-tong-ket.yaml").info.attachments.values
    assert values["giay_khen_cua_van_phong.ca_nhan"] == values["giay_khen.ca_nhan"] == "8"
    assert values["giay_khen.tien"] == "5.400.000"


def refused(report: Path) -> str:
    """The message of `vanthu check` refusing `report`, its lines joined."""
    result = CliRunner().invoke(main, ["--lang", "vi", "check", str(report)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    return " ".join(result.output.split())


def test_a_decision_dated_after_the_report_is_not_in_it(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    """Signed on 30/12, after the report of 28/12: not counted, and no error (a report sent
    cannot be re-dated, and decisions of the last days of December are usual)."""
    before = render_report(renderer, inputs_copy, tmp_path / "before.docx")
    decision = inputs_copy / "2022" / "qd-giay-khen.yaml"
    text = decision.read_text("utf-8").replace("ngay: 22/12/2022", "ngay: 30/12/2022")
    (inputs_copy / "2022" / "qd-giay-khen-cuoi-nam.yaml").write_text(
        text.replace("so: 153", "so: 160"), "utf-8"
    )
    after = render_report(renderer, inputs_copy, tmp_path / "after.docx")
    assert "ban hành 02 quyết định" in body_text(after)
    assert body_text(after) == body_text(before)
    assert table_cells(after, 1) == table_cells(before, 1)


def test_a_report_dated_before_its_year_ends_cannot_count_later_decisions(
    inputs_copy: Path,
) -> None:
    # The tester's case: a report on 2022 dated 02/01/2022 (meant 02/01/2023).
    report = inputs_copy / "2022" / "bao-cao-tong-ket.yaml"
    report.write_text(
        report.read_text("utf-8").replace("ngay: 28/12/2022", "ngay: 02/01/2022"), "utf-8"
    )
    out = refused(report)
    assert "02/01/2022" in out and "quyết định" in out
    english = CliRunner().invoke(main, ["--lang", "en", "check", str(report)])
    assert english.exit_code == 1 and "after the report" in " ".join(english.output.split())


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        # Last year's report copied, its nam left: the title speaks of 2022 and 2023 only.
        ("nam: 2022", "nam: 2021", "năm 2022, năm 2023"),
        # nam and title changed, the date left from two years before.
        ("ngay: 28/12/2022", "ngay: 28/12/2024", "28/12/2024"),
    ],
)
def test_a_report_of_another_year_than_its_title_or_date_is_refused(
    inputs_copy: Path, old: str, new: str, said: str
) -> None:
    report = inputs_copy / "2022" / "bao-cao-tong-ket.yaml"
    text = report.read_text("utf-8")
    line = text.splitlines().index("nam: 2022") + 1
    report.write_text(text.replace(old, new), "utf-8")
    out = refused(report)
    assert said in out and "'nam'" in out and f"dòng {line}," in out, out
    english = CliRunner().invoke(main, ["--lang", "en", "check", str(report)])
    assert english.exit_code == 1 and "correct nam" in " ".join(english.output.split())


def test_a_report_signed_the_next_year_is_usual(inputs_copy: Path, tmp_path: Path, renderer):
    report = inputs_copy / "2022" / "bao-cao-tong-ket.yaml"
    report.write_text(
        report.read_text("utf-8").replace("ngay: 28/12/2022", "ngay: 05/01/2023"), "utf-8"
    )
    assert "ban hành 02 quyết định" in body_text(
        render_report(renderer, inputs_copy, tmp_path / "b.docx")
    )


def test_a_decision_kept_twice_is_refused(inputs_copy: Path) -> None:
    copy = inputs_copy / "2024" / "ban-sao"
    copy.mkdir()
    for name in ("qd-giay-khen.yaml", "danh-sach-giay-khen-2022.csv"):
        shutil.copy(inputs_copy / "2022" / name, copy)
    report = inputs_copy / "2022" / "bao-cao-tong-ket.yaml"
    out = refused(report)
    assert "153" in out and "22/12/2022" in out
    assert "2022/qd-giay-khen.yaml" in out and "ban-sao/qd-giay-khen.yaml" in out


# --- nothing to compare with -----------------------------------------------------------------


def test_without_decisions_the_year_before_the_comparison_is_left_out(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    shutil.rmtree(inputs_copy / "2021")
    document = render_report(renderer, inputs_copy, tmp_path / "bc.docx")
    text = body_text(document)
    money = format_money(sum(v[2] for v in year_sums(2022).values()))
    assert f"tổng số tiền thưởng {money} đồng. Trong đó:" in " ".join(text.split())
    assert "( " not in text and "()" not in text and "so với năm 2021" not in text
    table = table_cells(document, 1)
    assert table[0][5] == "Năm 2021"
    assert all(row[5] == "—" and row[6] == "—" for row in table[1:])


def test_the_mark_for_nothing_to_compare_is_a_phrase(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    shutil.rmtree(inputs_copy / "2021")
    report = inputs_copy / "2022" / "bao-cao-tong-ket.yaml"
    report.write_text(report.read_text("utf-8") + 'cau_chu:\n  bao_cao_khong_so_sanh: "-"\n')
    table = table_cells(render_report(renderer, inputs_copy, tmp_path / "bc.docx"), 1)
    assert all(row[5] == "-" and row[6] == "-" for row in table[1:])


def test_a_comparison_clause_of_the_clerks_own_words_is_left_out_whole() -> None:
    values = {"tong.tien": "3.760.000", "tong.tang_giam": "", "nam_truoc": "2026"}
    text = "tiền thưởng {{ tong.tien }} đồng ({{ tong.tang_giam }} so với năm {{ nam_truoc }})."
    assert fill_text(text, values) == "tiền thưởng 3.760.000 đồng."
    kept = {**values, "tong.tang_giam": "tăng 5%"}
    assert fill_text(text, kept) == "tiền thưởng 3.760.000 đồng (tăng 5% so với năm 2026)."
    plain = "Ghi chú (theo Kế hoạch số 05/KH-VPUBND) năm {{ nam_truoc }}."
    assert fill_text(plain, values) == "Ghi chú (theo Kế hoạch số 05/KH-VPUBND) năm 2026."


# --- counts of a thousand and more are grouped as money is -----------------------------------


def test_counts_are_grouped_as_money_is() -> None:
    figures = YearFigures(2025)
    figures.overall = Count(individuals=1002, collectives=5, amount=716_560_000)
    figures.by_award = {"Giấy khen": Count(individuals=1002, collectives=5, amount=716_560_000)}
    previous = YearFigures(2024)
    previous.overall = Count(individuals=998, collectives=4)
    previous.by_award = {"Giấy khen": Count(individuals=998, collectives=4)}
    values = figure_values(figures, previous)
    assert values["tong.ca_nhan"] == "1.002" and values["tong.tap_the"] == "5"
    assert values["tong.tong"] == "1.007" and values["tong.nam_truoc"] == "1.002"
    assert values["tong.tien"] == "716.560.000"
    table = awards_table(figures, previous, 1, "—")
    assert table["dong"][0]["ca_nhan"] == "1.002" and table["tong"]["ca_nhan"] == "1.002"
    assert table["tong"]["nam_truoc"] == "1.002"
    assert units_table(figures, 2)["tong"]["ca_nhan"] == "1.002"


# --- cá nhân and tập thể counted as people, awards by title or form --------------------------

DECIDED = date(2024, 12, 20)  # Nghị định 73/2024, lương cơ sở 2.340.000
LIST_HEADER = "Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại\n"


def award_list(folder: Path, name: str, rows: list[str]):
    """The priced list of `rows` (CSV lines), as a decision of DECIDED reads it."""
    path = folder / name
    path.write_text(LIST_HEADER + "\n".join(rows) + "\n", "utf-8")
    return read_award_list(path, DECIDED)


def test_one_person_given_two_awards_is_one_ca_nhan(tmp_path: Path) -> None:
    """As a decision's Điều 1 counts: one person given Lao động tiên tiến in one decision and
    Chiến sĩ thi đua cơ sở in another (her unit typed in another case, her name in NFD) is one
    cá nhân overall and in her unit; each award counts her; the money is both awards'. The same
    name in another unit is another person; a tập thể given two forms is one tập thể."""
    first = award_list(tmp_path, "ldtt.csv", [
        "Lò Thị Cúc,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân",
        "Lò Văn An,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân",
        "Lò Văn An,Kế toán,Phòng Tư pháp,Lao động tiên tiến,Cá nhân",
        "Phòng Tư pháp,,UBND huyện,Tập thể lao động tiên tiến,Tập thể",
    ])  # fmt: skip
    second = award_list(tmp_path, "cstd.csv", [
        unicodedata.normalize("NFD", "Lò Thị Cúc,Chuyên viên,Phòng nội vụ,")
        + "Chiến sĩ thi đua cơ sở,Cá nhân",
        "Phòng Tư pháp,,UBND huyện,Giấy khen,Tập thể",
    ])  # fmt: skip
    figures = YearFigures(2024)
    figures.add(first)
    figures.add(second)
    assert figures.by_award["Lao động tiên tiến"].individuals == 3
    assert figures.by_award["Chiến sĩ thi đua cơ sở"].individuals == 1
    assert (figures.overall.individuals, figures.overall.collectives) == (3, 1)
    assert figures.overall.amount == first.total + second.total
    home = figures.by_unit[unit_key("Phòng Nội vụ")]
    given = [e for e in (*first.entries, *second.entries) if same(e.unit) == "phòng nội vụ"]
    assert (home.individuals, home.amount) == (2, sum(e.amount for e in given)) and len(given) == 3
    assert figures.by_unit[unit_key("Phòng Tư pháp")].total == 2  # Lò Văn An, the Phòng itself

    values = figure_values(figures, None)
    assert (values["tong.ca_nhan"], values["tong.tap_the"], values["tong.tong"]) == ("3", "1", "4")
    assert values["lao_dong_tien_tien.ca_nhan"] == "3"
    assert values["chien_si_thi_dua_co_so.ca_nhan"] == "1"
    assert values["tong.tien"] == format_money(first.total + second.total)
    assert (values["tong.luot"], values["tong.luot_tang_giam"]) == ("6", "")
    table = awards_table(figures, None, 1, "—")
    assert (table["tong"]["ca_nhan"], table["tong"]["tap_the"]) == ("4", "2")  # the awards
    assert sum(int(row["ca_nhan"]) for row in table["dong"]) == 4
    units = units_table(figures, 2)
    assert [row["ca_nhan"] for row in units["dong"]] == ["2", "1"]
    assert units["tong"]["ca_nhan"] == "3" and units["tong"]["tien"] == values["tong.tien"]


def test_last_year_is_compared_in_people_too(tmp_path: Path) -> None:
    """Two people either year, one of them given two titles last year: no change, though last
    year counted three awards."""
    previous = YearFigures(2023)
    previous.add(award_list(tmp_path, "2023.csv", [
        "Lò Văn An,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân",
        "Lò Văn An,Chuyên viên,Phòng Nội vụ,Chiến sĩ thi đua cơ sở,Cá nhân",
        "Lò Văn Bình,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân",
    ]))  # fmt: skip
    current = YearFigures(2024)
    current.add(award_list(tmp_path, "2024.csv", [
        "Lò Văn An,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân",
        "Lò Văn Bình,Chuyên viên,Phòng Nội vụ,Lao động tiên tiến,Cá nhân",
    ]))  # fmt: skip
    values = figure_values(current, previous)
    assert (values["tong.nam_truoc"], values["tong.tang_giam"]) == ("2", "không đổi")
    assert values["chien_si_thi_dua_co_so.tang_giam"] == "giảm 100%"
    assert (values["tong.luot"], values["tong.luot_nam_truoc"]) == ("2", "3")
    assert values["tong.luot_tang_giam"] == "giảm 33,3%"
    table = awards_table(current, previous, 1, "—")  # its Tổng cộng: the awards, as its rows
    assert (table["tong"]["nam_truoc"], table["tong"]["tang_giam"]) == ("3", "giảm 33,3%")


def test_the_report_counts_a_person_of_two_decisions_once(
    inputs_copy: Path, tmp_path: Path, renderer
) -> None:
    """Giấy khen to Phạm Văn Thắng (already Lao động tiên tiến and Chiến sĩ thi đua cơ sở in
    the other decision) and to a namesake of his in another unit: the Giấy khen row and the
    awards' Tổng cộng count both, the text and the units' Tổng cộng one more cá nhân, the money
    both awards more."""
    before = render_report(renderer, inputs_copy, tmp_path / "before.docx")
    listed = inputs_copy / "2022" / "danh-sach-giay-khen-2022.csv"
    listed.write_text(listed.read_text("utf-8-sig")
        + "Phạm Văn Thắng,Trưởng phòng,Phòng Tổng hợp,Giấy khen của Chánh Văn phòng,Cá nhân,\n"
        + "Phạm Văn Thắng,Lái xe,Phòng Quản trị - Tài vụ,Giấy khen của Chánh Văn phòng,Cá nhân,\n",
        "utf-8")  # fmt: skip
    after = render_report(renderer, inputs_copy, tmp_path / "after.docx")
    was, now = table_cells(before, 1), table_cells(after, 1)
    row = {r[1]: r for r in was[1:-1]}["Giấy khen"]
    grown = {r[1]: r for r in now[1:-1]}["Giấy khen"]
    assert int(grown[2]) == int(row[2]) + 2
    assert int(now[-1][2]) == int(was[-1][2]) + 2 and now[-1][3] == was[-1][3]  # awards
    award = money(grown[4]) - money(row[4])
    assert award > 0 and money(now[-1][4]) == money(was[-1][4]) + award
    people = int(table_cells(before, 2)[-1][2])  # the units table's Tổng cộng: people
    assert f"khen thưởng cho {people} cá nhân" in body_text(before)
    assert f"khen thưởng cho {people + 1} cá nhân" in body_text(after)
    units = {r[1]: r for r in table_cells(after, 2)}
    assert units["Phòng Tổng hợp"][2] == {r[1]: r for r in table_cells(before, 2)}[
        "Phòng Tổng hợp"][2]  # fmt: skip


def money(text: str) -> int:
    """An amount as printed (3.760.000) read back."""
    return int(text.replace(".", ""))


def test_an_award_s_figures_count_its_people_once_and_its_luot_each(tmp_path: Path) -> None:
    """The tester's case: Nguyễn Thị Lan given a Giấy khen in June and another in December is
    one of the people 'tặng Giấy khen cho {{ giay_khen.ca_nhan }} cá nhân' counts, and two of
    {{ giay_khen.luot }}; the awards table (Bảng 1) still counts both awards."""
    june = award_list(tmp_path, "june.csv", [
        "Nguyễn Thị Lan,Chuyên viên,Phòng Nội vụ,Giấy khen,Cá nhân",
        "Lò Văn An,Chuyên viên,Phòng Nội vụ,Giấy khen,Cá nhân",
    ])  # fmt: skip
    december = award_list(tmp_path, "december.csv", [
        "Nguyễn Thị Lan,Chuyên viên,Phòng Nội vụ,Giấy khen,Cá nhân",
        "Phòng Tư pháp,,UBND huyện,Giấy khen,Tập thể",
    ])  # fmt: skip
    previous = YearFigures(2023)
    for name in ("2023-a.csv", "2023-b.csv"):  # one person, two Giấy khen
        previous.add(award_list(tmp_path, name, [
            "Lò Văn An,Chuyên viên,Phòng Nội vụ,Giấy khen,Cá nhân",
        ]))  # fmt: skip
    current = YearFigures(2024)
    current.add(june)
    current.add(december)
    values = figure_values(current, previous)
    assert (values["giay_khen.ca_nhan"], values["giay_khen.tap_the"]) == ("2", "1")
    assert (values["giay_khen.tong"], values["giay_khen.nam_truoc"]) == ("3", "1")
    assert values["giay_khen.tang_giam"] == "tăng 200%"
    assert (values["giay_khen.luot"], values["giay_khen.luot_nam_truoc"]) == ("4", "2")
    assert values["giay_khen.luot_tang_giam"] == "tăng 100%"
    assert values["giay_khen.tien"] == format_money(june.total + december.total)
    table = awards_table(current, previous, 1, "—")
    assert [(row["ca_nhan"], row["tap_the"]) for row in table["dong"]] == [("3", "1")]


def test_a_unit_typed_with_either_tone_placement_is_one_unit_row(tmp_path: Path) -> None:
    """Entry.recipient takes 'Trường Hoà Bình' and 'Trường Hòa Bình' for one unit: so does the
    units table, else the person's second row counted nobody (0 cá nhân)."""
    figures = YearFigures(2024)
    figures.add(award_list(tmp_path, "a.csv", [
        "Lò Văn An,Giáo viên,Trường Hoà Bình,Giấy khen,Cá nhân",
    ]))  # fmt: skip
    figures.add(award_list(tmp_path, "b.csv", [
        "Lò Văn An,Giáo viên,Trường Hòa Bình,Lao động tiên tiến,Cá nhân",
    ]))  # fmt: skip
    rows = units_table(figures, 2)["dong"]
    assert [(row["ca_nhan"], row["tap_the"]) for row in rows] == [("1", "0")]
