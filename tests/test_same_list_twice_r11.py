"""One award list given twice (r11b F5): a decision copied with only số and ngày changed, still
naming the same list file, gives every award of the list again and the year's Báo cáo counted
and paid each twice, unseen. Two award decisions of one office naming one list (file and
sheet) for one year are now warned of (a list of hình thức: Giấy khen may truly be given twice)
or refused (a list holding a danh hiệu thi đua, given once a year), at each decision's
danh_sach line, naming the other file and its line, by check, render and build; and the report
says which decisions and how many awards it counts twice, also for a decision copied with its
list under a new name (the same rows, the same trích yếu)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from pipeline.api import load_document
from pipeline.cli import main
from tests.new_office import new_office

YEAR = Path("inputs") / "2026"
HEADER = "Họ và tên,Chức vụ,Đơn vị,Danh hiệu,Loại\n"
GIVEN = [
    "Nguyễn Văn An,Chuyên viên,Văn phòng,Giấy khen,Cá nhân",
    "Trần Thị Bình,Kế toán viên,Văn phòng,Giấy khen,Cá nhân",
    "Lò Văn Cường,Chuyên viên,Phòng Tổ chức,Giấy khen,Cá nhân",
]
LIST_LINE = 23  # the starter's danh_sach line
LISTED = "danh-sach-khen-thuong.csv"  # the starter's list: Lao động tiên tiến, Chiến sĩ thi đua

REPORT = """loai: bao_cao
co_quan: so-noi-vu
so: 50
ngay: 28/11/2026
nam: 2026
trich_yeu: Tổng kết công tác thi đua, khen thưởng năm 2026
mo_dau:
  - Sở Nội vụ báo cáo kết quả công tác thi đua, khen thưởng năm 2026 như sau.
muc:
  - tieu_de: Kết quả thực hiện
    khoan:
      - tieu_de: Công tác khen thưởng
        doan:
          - >-
            Năm {{ nam }}, Giám đốc Sở đã ban hành {{ so_quyet_dinh }} quyết định khen thưởng
            với {{ tong.luot }} lượt khen thưởng.
        bang: [khen_thuong]
ket_thuc: Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2026 của Sở Nội vụ
noi_nhan:
  - Lãnh đạo Sở
don_vi_soan_thao: VP
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: giam-doc
"""


def run(*args: str, lang: str = "vi") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def decision(
    name: str, number: int, day: str, listed: str, *, title: str | None = None,
    action: str = "Tặng Giấy khen của Giám đốc Sở Nội vụ", sheet: str | None = None,
) -> Path:
    """The starter decision (vanthu new quyet-dinh) saved as `name`: number, date, list and
    Điều 1's action changed, the trích yếu too when given."""
    path = YEAR / name
    code, out = run("new", "quyet-dinh", "-o", str(path), "--force")
    assert code == 0, out
    starter = YEAR / "danh-sach-khen-thuong.csv"
    text = path.read_text("utf-8")
    text = text.replace("so:                          #", f"so: {number}  #", 1)
    text = text.replace("ngay: 15/01/2026", f"ngay: {day}", 1)
    text = text.replace("danh_sach: danh-sach-khen-thuong.csv", f"danh_sach: {listed}", 1)
    if sheet is not None:
        text = text.replace("  sap_xep: ten", f"  trang_tinh: {sheet}\n  sap_xep: ten", 1)
    text = text.replace("hanh_dong: Công nhận danh hiệu thi đua năm 2025", f"hanh_dong: {action}")
    if title is not None:
        text = text.replace("trich_yeu: Về việc công nhận danh hiệu thi đua năm 2025",
                            f"trich_yeu: {title}")  # fmt: skip
    path.write_text(text, "utf-8")
    assert text.splitlines()[LIST_LINE - 1].strip().startswith(f"danh_sach: {listed}")
    if listed != starter.name:
        starter.unlink(missing_ok=True)  # `new` wrote its example list beside the decision
    return path


def giay_khen_list(name: str = "gk.csv", rows: list[str] = GIVEN) -> Path:
    path = YEAR / name
    path.write_text(HEADER + "".join(row + "\n" for row in rows), "utf-8")
    return path


@pytest.fixture()
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new Sở Nội vụ with a Giấy khen decision (số 11, 20/01/2026) and its copy (số 12,
    20/03/2026), only số and ngày changed: both name gk.csv."""
    ws = new_office(tmp_path, monkeypatch)
    giay_khen_list()
    decision("qd-b.yaml", 11, "20/01/2026", "gk.csv")
    decision("qd-c.yaml", 12, "20/03/2026", "gk.csv")
    return ws


def warnings_of(path: Path, key: str) -> list:
    return [w for w in load_document(path).warnings if w.key == key]


# --- A list of hình thức: a warning at each decision ------------------------------------------


def test_check_warns_at_both_decisions_naming_the_other_and_its_line(office: Path) -> None:
    code, out = run("check")
    assert code == 0, out
    said = [line for line in out.splitlines() if "cũng là danh sách của" in line]
    assert len(said) == 2, out
    b, c = sorted(said)
    assert b.startswith("Cảnh báo: inputs/2026/qd-b.yaml: dòng 23, trường 'khen_thuong.danh_sach'")
    assert "danh sách 'gk.csv' cũng là danh sách của inputs/2026/qd-c.yaml (dòng 23, " in b
    assert c.startswith("Cảnh báo: inputs/2026/qd-c.yaml: dòng 23, trường 'khen_thuong.danh_sach'")
    assert "cũng là danh sách của inputs/2026/qd-b.yaml (dòng 23, danh_sach)" in c
    assert "năm 2025: cả 3 lượt khen thưởng của danh sách được trao hai lần" in c
    code, out = run("check", str(YEAR / "qd-c.yaml"), lang="en")
    assert code == 0, out
    assert "the list 'gk.csv' is also the list of inputs/2026/qd-b.yaml (line 23, danh_sach)" in out
    assert "all 3 awards of the list are given twice" in out


def test_render_and_build_warn_too(office: Path) -> None:
    code, out = run("render", str(YEAR / "qd-c.yaml"))
    assert code == 0, out
    assert "cũng là danh sách của inputs/2026/qd-b.yaml (dòng 23" in out, out
    (office / "outputs" / "2026" / "qd-c.docx").unlink()
    code, out = run("build")
    assert code == 0, out
    assert "cũng là danh sách của inputs/2026/qd-b.yaml (dòng 23" in out, out


def test_the_library_gives_the_warning_at_the_list_line(office: Path) -> None:
    (warning,) = warnings_of(YEAR / "qd-b.yaml", "data.list_given_twice")
    assert (warning.line, warning.field) == (LIST_LINE, "khen_thuong.danh_sach")
    assert warning.params["other"] == "inputs/2026/qd-c.yaml"
    assert warning.params["other_line"] == LIST_LINE


def test_a_list_of_its_own_is_not_warned(office: Path) -> None:
    giay_khen_list("gk-2.csv", GIVEN[:2])
    decision("qd-c.yaml", 12, "20/03/2026", "gk-2.csv")
    code, out = run("check")
    assert code == 0 and "cũng là danh sách của" not in out, out


def test_the_same_list_for_another_year_is_not_warned(office: Path) -> None:
    """Giấy khen of 2025 (20/01/2026) and of 2026 (said so in the trích yếu)."""
    decision("qd-c.yaml", 12, "20/03/2026", "gk.csv", title="Về việc tặng Giấy khen năm 2026")
    assert warnings_of(YEAR / "qd-c.yaml", "data.list_given_twice") == []


def test_two_sheets_of_one_workbook_are_two_lists(office: Path) -> None:
    book = Workbook()
    for index, sheet in enumerate(("Đợt 1", "Đợt 2")):
        ws = book.active if index == 0 else book.create_sheet()
        ws.title = sheet
        ws.append(HEADER.strip().split(","))
        for row in GIVEN[index:]:
            ws.append(row.split(","))
    book.save(YEAR / "gk.xlsx")
    decision("qd-b.yaml", 11, "20/01/2026", "gk.xlsx", sheet="Đợt 1")
    decision("qd-c.yaml", 12, "20/03/2026", "gk.xlsx", sheet="Đợt 2")
    assert warnings_of(YEAR / "qd-c.yaml", "data.list_given_twice") == []
    decision("qd-c.yaml", 12, "20/03/2026", "gk.xlsx", sheet="đợt 1")  # the same sheet
    assert len(warnings_of(YEAR / "qd-c.yaml", "data.list_given_twice")) == 1


# --- A list holding a danh hiệu thi đua: refused ---------------------------------------------


def test_a_list_of_titles_named_twice_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The starter's list (Lao động tiên tiến, Chiến sĩ thi đua cơ sở) named by the decision and
    by its copy: its titles would be recognised twice in a year."""
    new_office(tmp_path, monkeypatch)
    title = "Công nhận danh hiệu thi đua năm 2025"
    decision("qd-a.yaml", 10, "15/01/2026", "danh-sach-khen-thuong.csv", action=title)
    decision("qd-d.yaml", 13, "16/03/2026", "danh-sach-khen-thuong.csv", action=title)
    code, out = run("check")
    assert code == 1, out
    assert (
        "Lỗi: inputs/2026/qd-d.yaml, dòng 23, trường 'khen_thuong.danh_sach': danh sách "
        "'danh-sach-khen-thuong.csv' cũng là danh sách của inputs/2026/qd-a.yaml (dòng 23, "
        "danh_sach), cùng cơ quan, khen thưởng năm 2025: 3 lượt danh hiệu thi đua" in out
    ), out
    assert "danh hiệu thi đua chỉ xét một lần mỗi năm" in out
    code, out = run("render", str(YEAR / "qd-a.yaml"), lang="en")
    assert code == 1, out
    assert "is also the list of inputs/2026/qd-d.yaml (line 23, danh_sach)" in out
    assert "its 3 danh hiệu thi đua (such as " in out and "given once a year" in out


def test_a_tờ_trình_s_draft_naming_the_list_is_not_a_second_decision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Tờ trình proposes the decision its draft (du_thao, written in it) is: the draft's list of
    titles is the decision's, not given twice."""
    new_office(tmp_path, monkeypatch)
    title = "Công nhận danh hiệu thi đua năm 2025"
    path = decision("qd-a.yaml", 10, "15/01/2026", LISTED, action=title)
    draft = path.read_text("utf-8").replace("so: 10", "so:")
    draft = "".join(f"  {line}\n" if line.strip() else "\n" for line in draft.splitlines()
                    if not line.startswith("loai:"))  # fmt: skip
    code, out = run("new", "to-trinh", "-o", str(YEAR / "tt.yaml"))
    assert code == 0, out
    text = (YEAR / "tt.yaml").read_text("utf-8")
    (YEAR / "tt.yaml").write_text(text + "\ndu_thao:\n" + draft, "utf-8")
    document = load_document(YEAR / "tt.yaml")
    assert document.info.attachments.draft.data.khen_thuong.danh_sach == LISTED
    code, out = run("check")
    assert code == 0 and "cũng là danh sách của" not in out, out


# --- The report says what it counts twice ---------------------------------------------------


def report_warning(lang: str = "vi") -> str:
    (YEAR / "bao-cao.yaml").write_text(REPORT, "utf-8")
    code, out = run("check", str(YEAR / "bao-cao.yaml"), lang=lang)
    assert code == 0, out
    said = [line for line in out.splitlines() if line.startswith(("Cảnh báo: inputs/2026/bao",
                                                                   "Warning: inputs/2026/bao"))]
    joined = "\n".join(said)
    return joined


def test_the_report_says_which_decisions_and_how_many_awards_it_counts_twice(
    office: Path,
) -> None:
    said = report_warning()
    assert (
        "inputs/2026/qd-b.yaml (dòng 23) và inputs/2026/qd-c.yaml (dòng 23) khen thưởng cùng "
        "một danh sách năm 2026 (cùng tệp gk.csv): báo cáo tính cả hai, nên 3 lượt khen thưởng "
        in said
    ), said
    assert "được tính hai lần" in said
    said = report_warning("en")
    assert "give the same list in 2026 (the same file gk.csv): the report counts both, so 3 " in (
        said
    )
    # The figures are the decisions' (both counted), and the warning is with the report's.
    report = load_document(YEAR / "bao-cao.yaml")
    (warning,) = [w for w in report.warnings if w.key == "data.list_counted_twice"]
    assert warning.params["count"] == 3 and warning.field == "nam"


def test_the_report_names_the_money_counted_twice(office: Path) -> None:
    """Both decisions are counted (the report cannot tell which is the copy): the money of one
    of them is said to be counted twice."""
    (YEAR / "bao-cao.yaml").write_text(REPORT, "utf-8")
    report = load_document(YEAR / "bao-cao.yaml")
    (warning,) = [w for w in report.warnings if w.key == "data.list_counted_twice"]
    figures = report.info.attachments.figures
    assert len(figures.decisions) == 2 and figures.awarded().total == 6
    once = figures.overall.amount // 2
    assert once > 0
    assert f"(tiền thưởng {once:,} đồng)".replace(",", ".") in warning.message("vi")
    assert f"(reward money {once:,} đồng)".replace(",", ".") in warning.message("en")


def test_a_copy_with_its_list_renamed_is_said_by_the_report(office: Path) -> None:
    """The decision copied with its list (gk-copy.csv: the same rows), only số and ngày changed:
    no decision names the other's file, the report knows the rows."""
    giay_khen_list("gk-copy.csv", list(reversed(GIVEN)))
    decision("qd-c.yaml", 12, "20/03/2026", "gk-copy.csv")
    assert warnings_of(YEAR / "qd-c.yaml", "data.list_given_twice") == []
    said = report_warning()
    assert (
        "inputs/2026/qd-b.yaml (dòng 23) và inputs/2026/qd-c.yaml (dòng 23) khen thưởng cùng "
        "một danh sách năm 2026 (inputs/2026/gk.csv và inputs/2026/gk-copy.csv ghi cùng những "
        "người, cùng khen thưởng, dưới cùng trích yếu)" in said
    ), said


def test_the_same_people_under_another_trích_yếu_are_counted_without_a_word(office: Path) -> None:
    """A second Giấy khen for another achievement, to the same people, is a real second award."""
    giay_khen_list("gk-2.csv", GIVEN)
    title = "Về việc tặng Giấy khen cho cá nhân có thành tích đột xuất năm 2025"
    decision("qd-c.yaml", 12, "20/03/2026", "gk-2.csv", title=title)
    assert "cùng một danh sách" not in report_warning()


def test_one_person_in_two_lists_is_not_taken_for_a_copy(office: Path) -> None:
    giay_khen_list("gk.csv", GIVEN[:1])
    giay_khen_list("gk-2.csv", GIVEN[:1])
    decision("qd-c.yaml", 12, "20/03/2026", "gk-2.csv")
    assert "cùng một danh sách" not in report_warning()
