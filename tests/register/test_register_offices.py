"""Which office `vanthu so` numbers for, the import's error output, and the rows documents give.

Workspaces are made by the library's own `init_workspace`, as `vanthu init` makes them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from pipeline.cli import main
from pipeline.register import RegisterError, open_register
from pipeline.register.documents import (
    named_summary,
    register_details,
    register_recipients,
    unique_names,
)
from pipeline.register.errors import UnknownOfficeError
from pipeline.register.offices import check_listed_office, check_office, choose_office, closest
from pipeline.register.xlsx_import import import_xlsx
from pipeline.starters import write_starter
from pipeline.workspace import Workspace
from pipeline.workspace.init import OfficeAnswers, init_workspace

TODAY = date(2026, 3, 2)
ANSWERS = OfficeAnswers(
    kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A", viet_tat="VPUBND"
)


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A fresh workspace of one office (its folder, its agency id), the current folder."""
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    monkeypatch.chdir(made.root)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    return made.root, made.agency


def so(*args: str, lang: str | None = None):  # noqa: ANN201 - click's Result
    prefix = ["--lang", lang] if lang else []
    return CliRunner().invoke(main, [*prefix, "so", *args], catch_exceptions=False)


def _entries(root: Path, year: int = 2026):
    with open_register(root / "so-van-ban.sqlite3") as register:
        return register.entries(year)


# -- choosing the office ------------------------------------------------------------------------


def test_choose_office_rules() -> None:
    assert choose_office("c", ["a", "b"], ["c"], profile_dir="inputs/co-quan") == "c"
    assert choose_office("b", ["a", "b"], ["c"], profile_dir="inputs/co-quan") == "b"
    assert choose_office(None, ["a"], ["b", "c"], profile_dir="inputs/co-quan") == "a"
    assert choose_office(None, [], ["c"], profile_dir="inputs/co-quan") == "c"
    with pytest.raises(RegisterError) as several:
        choose_office(None, ["a", "b"], ["a"], profile_dir="inputs/co-quan", command="giu")
    assert several.value.key == "register.agency_choose_profile"
    assert "a, b" in several.value.message() and "--co-quan a giu" in several.value.message()
    with pytest.raises(RegisterError) as in_register:
        choose_office(None, [], ["c", "d"], profile_dir="inputs/co-quan")
    assert in_register.value.key == "register.agency_choose_register"
    assert "c, d" in in_register.value.message()
    with pytest.raises(RegisterError) as none:
        choose_office(None, [], [], profile_dir="inputs/co-quan")
    assert none.value.key == "register.agency_unknown"
    assert "vanthu init" in none.value.message() and "—" not in none.value.message()


def test_one_agency_workspace_needs_no_office(workspace: tuple[Path, str]) -> None:
    root, agency = workspace
    result = so("giu")
    assert result.exit_code == 0, result.output
    assert "Đã giữ số 01" in result.output
    result = so("cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
                "--trich-yeu", "Khen thưởng năm 2025", "-q")
    assert result.exit_code == 0, result.output
    assert result.output == "02/QĐ-VPUBND\n"
    assert [(e.agency, e.number) for e in _entries(root)] == [(agency, 1), (agency, 2)]


def test_every_office_command_uses_the_workspace_agency(workspace: tuple[Path, str]) -> None:
    root, agency = workspace
    assert so("vao-so", "5", "--ngay", "04/02/2026", "--ky-hieu", "KH-VPUBND",
              "--trich-yeu", "Kế hoạch công tác năm 2026", "--bo-qua-so").exit_code == 0
    assert so("huy", "03", "--nam", "2026", "--ly-do", "bỏ trống").exit_code == 0
    assert so("xuat", "2026", "-o", "so-2026.xlsx").exit_code == 0
    result = so("--db", "khac.sqlite3", "nhap", "so-2026.xlsx")
    assert result.exit_code == 0, result.output
    with open_register(root / "khac.sqlite3") as other:
        assert {e.agency for e in other.entries(2026)} == {agency}
    assert {e.agency for e in _entries(root)} == {agency}


def test_workspace_agency_wins_over_other_offices_in_register(
    workspace: tuple[Path, str],
) -> None:
    root, agency = workspace
    with open_register(root / "so-van-ban.sqlite3") as register:  # an office imported earlier
        register.reserve("khac", year=2026)
    assert so("giu", "--nam", "2026").exit_code == 0
    assert sorted(e.agency for e in _entries(root)) == sorted([agency, "khac"])


def test_two_agencies_message_lists_both(workspace: tuple[Path, str]) -> None:
    root, agency = workspace
    profiles = root / "inputs" / "co-quan"
    (profiles / "so-noi-vu.yaml").write_text(
        (profiles / f"{agency}.yaml").read_text("utf-8"), "utf-8"
    )
    for command in ("giu", "cap"):
        result = so(command)
        assert result.exit_code == 1
        assert f"có 2 hồ sơ cơ quan (inputs/co-quan): so-noi-vu, {agency}" in result.output
        assert f"vanthu so --co-quan so-noi-vu {command}" in result.output
        assert "Traceback" not in result.output
    english = so("giu", lang="en")
    assert english.exit_code == 1
    assert f"the workspace has 2 agency profiles (inputs/co-quan): so-noi-vu, {agency}" in (
        english.output
    )
    assert not (root / "so-van-ban.sqlite3").exists() or _entries(root) == []
    assert so("--co-quan", "so-noi-vu", "giu").exit_code == 0


def test_no_office_anywhere_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    result = so("giu")
    assert result.exit_code == 1
    assert "(—)" not in result.output
    assert "vanthu so --co-quan van-phong giu" in result.output
    assert "vanthu init" in result.output


# -- an office named with --co-quan must be known ----------------------------------------------

TYPO = "van-phong-ubnd-son-lam"  # the workspace's agency is van-phong-ubnd-tinh-son-la


def test_check_office_rules() -> None:
    folder = "inputs/co-quan"
    assert check_office("a", ["a"], [], profile_dir=folder) == "a"
    assert check_office("cu", ["a"], ["cu"], profile_dir=folder) == "cu"  # imported, no profile
    assert check_office("vp", [], [], profile_dir=folder) == "vp"  # nothing known: a first office
    with pytest.raises(UnknownOfficeError) as typo:
        check_office("van-phong-ubnd-son-lam", ["van-phong-ubnd-tinh-son-la"], ["cu"],
                     profile_dir=folder)  # fmt: skip
    assert typo.value.key == "register.office_unknown"
    assert typo.value.suggestion == "van-phong-ubnd-tinh-son-la"
    assert typo.value.known == ["cu", "van-phong-ubnd-tinh-son-la"]
    message = typo.value.message("vi")
    assert "'van-phong-ubnd-son-lam'" in message
    assert "(có phải 'van-phong-ubnd-tinh-son-la'?)" in message
    assert "các mã đã biết: cu, van-phong-ubnd-tinh-son-la" in message
    assert "inputs/co-quan/van-phong-ubnd-son-lam.yaml" in message
    with pytest.raises(UnknownOfficeError) as far:
        check_office("zzz", ["a"], [], profile_dir=folder)
    assert far.value.suggestion is None and "có phải" not in far.value.message("vi")
    assert closest("VP", ["vp", "khac"]) == "vp"


def test_check_listed_office_rules() -> None:
    assert check_listed_office(None, ["a"], ["b"]) is None
    assert check_listed_office("a", ["a"], []) == "a"  # a profile without numbers: no rows
    assert check_listed_office("b", ["a"], ["b"]) == "b"
    with pytest.raises(UnknownOfficeError) as unknown:
        check_listed_office("bb", ["a"], ["b"])
    assert unknown.value.key == "register.office_not_in_register"
    assert unknown.value.message("en") == (
        "the register has no office 'bb' (did you mean 'b'?); known ids: a, b"
    )
    with pytest.raises(UnknownOfficeError) as empty:
        check_listed_office("b", [], [])
    assert empty.value.message("vi") == (
        "sổ văn bản không có cơ quan 'b'; sổ chưa có số của cơ quan nào"
    )


def _snapshot(location: Path) -> tuple[list[str], list[tuple[str, int, str]], dict]:
    with open_register(location) as register:
        rows = [(e.agency, e.number, e.status.value) for e in register.entries(2026)]
        return register.agencies(), rows, register.counters(2026)


def _old_register(root: Path) -> Path:
    """An office's register kept before vanthu: two numbers of 2026, to import."""
    return _sheet(
        root / "so-cu.xlsx",
        ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung"],
        ["01/QĐ-SNV", "05/01/2026", "Quyết định về việc A"],
        ["02/KH-SNV", "06/01/2026", "Kế hoạch B"],
    )


@pytest.mark.parametrize(
    "command",
    [
        ["cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
         "--trich-yeu", "Khen thưởng năm 2025"],
        ["giu", "--nam", "2026"],
        ["vao-so", "9", "--ngay", "03/02/2026", "--ky-hieu", "KH-VPUBND",
         "--trich-yeu", "Kế hoạch công tác năm 2026"],
        ["huy", "01", "--nam", "2026", "--ly-do", "nhầm"],
        ["nhap", "so-cu.xlsx"],
    ],
    ids=lambda command: command[0],
)
def test_typo_office_refused_nothing_written(
    workspace: tuple[Path, str], command: list[str]
) -> None:
    root, agency = workspace
    _old_register(root)
    assert so("giu", "--nam", "2026").exit_code == 0  # the workspace agency's 01
    before = _snapshot(root / "so-van-ban.sqlite3")
    result = so("--co-quan", TYPO, *command)
    assert result.exit_code == 1, result.output
    assert result.output.count("Lỗi:") == 1 and "Traceback" not in result.output
    assert f"mã cơ quan '{TYPO}' không có hồ sơ cơ quan (inputs/co-quan)" in result.output
    assert f"(có phải '{agency}'?)" in result.output
    assert f"các mã đã biết: {agency}" in result.output
    assert "Chưa ghi gì vào sổ" in result.output
    assert _snapshot(root / "so-van-ban.sqlite3") == before
    assert TYPO not in before[0]


def test_typo_office_refused_in_english(workspace: tuple[Path, str]) -> None:
    root, agency = workspace
    result = so("--co-quan", TYPO, "cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-VPUBND",
                "--trich-yeu", "Khen thưởng năm 2025", lang="en")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: office id '{TYPO}' is neither an agency profile (inputs/co-quan) nor in the "
        f"register (did you mean '{agency}'?); known ids: {agency}. Nothing was written to the "
        f"register. To number for a new office, create its agency profile "
        f"inputs/co-quan/{TYPO}.yaml first\n"
    )
    assert _entries(root) == []


def test_typo_office_refused_on_import_to_another_register(workspace: tuple[Path, str]) -> None:
    root, agency = workspace
    _old_register(root)
    result = so("--db", "khac.sqlite3", "--co-quan", TYPO, "nhap", "so-cu.xlsx")
    assert result.exit_code == 1 and f"(có phải '{agency}'?)" in result.output
    assert _snapshot(root / "khac.sqlite3") == ([], [], {})


def test_office_imported_earlier_is_accepted(workspace: tuple[Path, str]) -> None:
    root, agency = workspace
    with open_register(root / "so-van-ban.sqlite3") as register:
        import_xlsx(register, "so-noi-vu", _old_register(root))
    assert not (root / "inputs" / "co-quan" / "so-noi-vu.yaml").exists()
    result = so("--co-quan", "so-noi-vu", "cap", "--ngay", "03/02/2026", "--ky-hieu", "QĐ-SNV",
                "--trich-yeu", "Quyết định về việc C")
    assert result.exit_code == 0, result.output
    assert "03/QĐ-SNV" in result.output
    assert so("--co-quan", "so-noi-vu", "giu", "--nam", "2026").exit_code == 0
    assert so("--co-quan", "so-noi-vu", "vao-so", "9", "--ngay", "04/02/2026",
              "--ky-hieu", "KH-SNV", "--trich-yeu", "Kế hoạch D", "--bo-qua-so").exit_code == 0
    assert so("--co-quan", "so-noi-vu", "huy", "04", "--nam", "2026", "--ly-do", "x").exit_code == 0
    assert so("--co-quan", "so-noi-vu", "xem", "2026").exit_code == 0
    rows = [(e.agency, e.number) for e in _entries(root)]
    assert rows == [("so-noi-vu", n) for n in (1, 2, 3, 4, 9)]
    # and a typo of it is refused, pointing at it
    result = so("--co-quan", "so-noi-v", "giu", "--nam", "2026")
    assert result.exit_code == 1 and "(có phải 'so-noi-vu'?)" in result.output
    assert f"các mã đã biết: so-noi-vu, {agency}" in result.output
    assert len(_entries(root)) == 5


@pytest.mark.parametrize(
    "command",
    [["xem", "2026"], ["xuat", "2026", "-o", "so-2026.xlsx"], ["kiem-tra", "2026"]],
    ids=lambda command: command[0],
)
def test_reading_an_unknown_office_says_so(workspace: tuple[Path, str], command: list[str]) -> None:
    root, agency = workspace
    assert so("giu", "--nam", "2026").exit_code == 0
    result = so("--co-quan", TYPO, *command)
    assert result.exit_code == 1
    assert result.output == (
        f"Lỗi: sổ văn bản không có cơ quan '{TYPO}' (có phải '{agency}'?); "
        f"các mã đã biết: {agency}\n"
    )
    assert not (root / "so-2026.xlsx").exists()
    english = so("--co-quan", TYPO, *command, lang="en")
    assert f"the register has no office '{TYPO}' (did you mean '{agency}'?)" in english.output


def test_reading_a_profile_without_numbers_is_no_error(workspace: tuple[Path, str]) -> None:
    _, agency = workspace
    result = so("--co-quan", agency, "xem", "2026")
    assert result.exit_code == 0 and result.output == "sổ năm 2026 chưa có dòng nào\n"
    assert so("--co-quan", agency, "kiem-tra", "2026").exit_code == 0


def test_folder_without_profiles_knows_the_register_offices(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    assert so("--co-quan", "vp", "giu", "--nam", "2026").exit_code == 0  # the first office
    result = so("--co-quan", "vpp", "giu", "--nam", "2026")
    assert result.exit_code == 1
    assert "(có phải 'vp'?)" in result.output and "các mã đã biết: vp" in result.output
    assert [(e.agency, e.number) for e in _entries(tmp_path)] == [("vp", 1)]


# -- import: each problem once --------------------------------------------------------------------


def _sheet(path: Path, *rows: list[object]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_import_prints_each_problem_once(workspace: tuple[Path, str]) -> None:
    root, _ = workspace
    _sheet(
        root / "cu.xlsx",
        ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Trích yếu"],
        ["abc", "01/02/2026", "Khen thưởng"],
    )
    result = so("nhap", "cu.xlsx")
    assert result.exit_code == 1
    problem = "không đọc được số văn bản từ 'abc'"
    assert result.output.count(problem) == 1, result.output
    assert "cu.xlsx, trang tính 'Sheet', dòng 2, trường 'Số, ký hiệu văn bản'" in result.output
    assert "1 lỗi trong cu.xlsx, chưa nhập dòng nào" in result.output
    assert _entries(root) == []


def test_import_several_problems_each_once(workspace: tuple[Path, str]) -> None:
    root, _ = workspace
    _sheet(
        root / "cu.xlsx",
        ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Trích yếu"],
        ["abc", "01/02/2026", "a"],
        ["7", "41/02/2026", "b"],
    )
    result = so("nhap", "cu.xlsx", lang="en")
    assert result.exit_code == 1
    assert result.output.count("cannot read a document number from 'abc'") == 1
    assert result.output.count("'41/02/2026' is not a valid date") == 1
    assert "2 problem(s) in cu.xlsx, nothing was imported" in result.output


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("khong-co.xlsx", None, "khong-co.xlsx: không tìm thấy tệp sổ cần nhập"),
        ("so.csv", "Số, ký hiệu văn bản;Ngày\n01/QĐ;01/02/2026\n", "so.csv: tệp không phải"),
        ("cot-sai.xlsx", "sheet", "không tìm thấy dòng tiêu đề của sổ"),
    ],
)
def test_import_bad_file_one_message(
    workspace: tuple[Path, str], name: str, content: str | None, expected: str
) -> None:
    root, _ = workspace
    if content == "sheet":
        _sheet(root / name, ["Họ và tên", "Chức vụ", "Đơn vị"], ["A", "B", "C"])
    elif content is not None:
        (root / name).write_text(content, "utf-8")
    result = so("nhap", name)
    assert result.exit_code == 1
    assert result.output.count(expected) == 1, result.output
    assert result.output.count("Lỗi:") == 1, result.output
    assert "Traceback" not in result.output


# -- rows from documents --------------------------------------------------------------------------


def test_named_summary_lowercases_the_first_word_only() -> None:
    # Any first word continues the kind's name (tests/test_register_polish.py: names aside).
    assert named_summary("Quyết định", "Về việc  khen thưởng") == ("Quyết định về việc khen thưởng")
    assert named_summary("Kế hoạch", "Về đích năm 2026") == "Kế hoạch về đích năm 2026"
    assert named_summary("Công văn", "Đề nghị cử cán bộ") == "Công văn đề nghị cử cán bộ"
    assert named_summary("Quyết định", "Về việc Về việc") == "Quyết định về việc Về việc"


def test_unique_names_keeps_first_in_order() -> None:
    names = ["Các phòng, ban", "Lãnh đạo cơ quan", "Sở Nội vụ", "lãnh đạo  cơ quan.", "Sở Nội vụ"]
    assert unique_names(names) == ["Các phòng, ban", "Lãnh đạo cơ quan", "Sở Nội vụ"]


def test_typed_nhu_tren_stands_for_the_addressees() -> None:
    """'Như trên' copied into Nơi nhận is those named in Kính gửi, not a recipient of its own."""
    assert register_recipients(["Sở Nội vụ"], ["Như trên;", "Lãnh đạo cơ quan"]) == [
        "Sở Nội vụ", "Lãnh đạo cơ quan"]
    assert register_recipients(["Sở Nội vụ"], ["như  trên.", "Lưu trữ Sở"]) == [
        "Sở Nội vụ", "Lưu trữ Sở"]
    # Without a Kính gửi there is nothing it stands for: it stays as typed.
    assert register_recipients([], ["Như trên", "Sở Tài chính"]) == ["Như trên", "Sở Tài chính"]


def _starter(root: Path, kind: str):  # noqa: ANN202 - a LoadedDocument
    path = root / "inputs" / "2026" / f"{kind}.yaml"
    write_starter(kind, path, force=True, today=TODAY)
    return Workspace.open(root).load(path)


def test_cong_van_row_names_each_recipient_once(workspace: tuple[Path, str]) -> None:
    root, _ = workspace
    details = register_details(_starter(root, "cong-van"))
    assert details.recipients == "Các phòng, ban, đơn vị; Công đoàn cơ quan; Lãnh đạo cơ quan"


def test_quyet_dinh_row_reads_ve_viec(workspace: tuple[Path, str]) -> None:
    root, _ = workspace
    details = register_details(_starter(root, "quyet-dinh-chung"))
    assert details.summary is not None
    assert details.summary.startswith("Quyết định về việc phê duyệt kế hoạch")


def test_rendered_cong_van_row_in_register(workspace: tuple[Path, str]) -> None:
    root, agency = workspace
    path = root / "inputs" / "2026" / "cong-van.yaml"
    write_starter("cong-van", path, force=True, today=TODAY)
    text = path.read_text("utf-8").replace("\nso:  ", "\nso: tu_dong  ", 1)
    assert "so: tu_dong" in text
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["render", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    [entry] = _entries(root)
    assert entry.agency == agency
    assert entry.details.recipients == "Các phòng, ban, đơn vị; Công đoàn cơ quan; Lãnh đạo cơ quan"
