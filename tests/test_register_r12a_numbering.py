"""r12a F1 and F2: how an office splits its numbering is kept in the register, and an output is
current only while the register holds its number for it.

F1: `vanthu so --tach QĐ=quyet-dinh ...` used to apply to that one command; `vanthu build` then
numbered Quyết định in the shared run and a later `so --tach ... cap` gave a second 07/QĐ-UBND.
The plan is now the office's, in the register (`vanthu so day-so`), for every command and every
clerk sharing a PostgreSQL register; it never changes for a year already numbered otherwise.

F2: a document built before the Excel sổ was imported took 01; the sổ could not be imported
over it, and once the register was started over and the sổ imported, `build` kept the .docx
printing the 01 the register now gives January's decision. Now the build renumbers it (saying
so), `check` and `render` say it, `so nhap --doi-so-da-cap` imports over vanthu's own numbers,
and a register emptied is refused for documents already built.

Workspaces are made by `vanthu init` in tmp_path; the commands run through CliRunner.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook

from pipeline.cli import main
from pipeline.register import Details, DuplicateNumberError, RegisterError, Status, open_register
from pipeline.register.sequences import SequencePlan
from tests.register.conftest import pg_server, shared  # noqa: F401  (fixtures)
from tests.register.test_shared_register_r8 import printed_number

OFFICE = "uy-ban-nhan-dan-xa-chieng-mai"
INIT = ["--kieu", "ubnd-xa", "--co-quan", "ỦY BAN NHÂN DÂN XÃ CHIỀNG MAI", "--chu-quan",
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "--viet-tat", "UBND", "--nguoi-ky", "Lò Văn Thắng",
        "--pho", "Quàng Thị Hoa"]
TITLES = ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản",
          "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản",
          "Ngày chuyển", "Ký nhận", "Ghi chú"]
# The commune's Excel sổ of the first half of 2026: January's decision holds 01.
OLD_BOOK = [
    ("01/QĐ-UBND", date(2026, 1, 5), "Quyết định về việc thành lập Ban chỉ đạo chuyển đổi số xã"),
    ("02/UBND-VP", date(2026, 1, 8), "V/v báo cáo tình hình tiêm chủng"),
    ("03/KH-UBND", date(2026, 1, 20), "Kế hoạch phòng chống thiên tai năm 2026"),
    ("04/TB-UBND", date(2026, 2, 3), "Thông báo lịch tiếp công dân"),
    ("05/BC-UBND", date(2026, 3, 15), "Báo cáo quý I năm 2026"),
    ("06/UBND-VP", date(2026, 4, 1), "V/v giống cây trồng vụ mùa"),
]
# A sổ kept per type: Quyết định from 01 on a sheet of their own.
DECISIONS = [
    ("01/QĐ-UBND", date(2026, 1, 5), "Quyết định về việc thành lập Ban chỉ đạo"),
    ("02/QĐ-UBND", date(2026, 2, 2), "Quyết định về việc kiện toàn Tổ công tác"),
    ("03/QĐ-UBND", date(2026, 5, 20), "Quyết định về việc hỗ trợ hộ nghèo"),
    ("04/QĐ-UBND", date(2026, 6, 15), "Quyết định về việc khen thưởng"),
]
OTHERS = [
    ("01/KH-UBND", date(2026, 1, 6), "Kế hoạch tuyên truyền"),
    ("02/UBND-VP", date(2026, 1, 8), "V/v báo cáo số liệu"),
    ("03/TB-UBND", date(2026, 1, 12), "Thông báo lịch trực"),
]


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    monkeypatch.delenv("VANTHU_DA_CHUYEN", raising=False)


def vanthu(root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    """`vanthu --lang vi *args` in folder `root`."""
    monkeypatch.chdir(root)
    return CliRunner().invoke(main, ["--lang", "vi", *args])


def said(result: Result) -> str:
    return " ".join(result.output.split())


def office(tmp_path: Path, name: str = "ws", register: str | None = None) -> Path:
    """A commune's workspace made by `vanthu init`, without its starter documents."""
    root = tmp_path / name
    made = CliRunner().invoke(main, ["--lang", "vi", "init", str(root), *INIT])
    assert made.exit_code == 0, made.output
    for path in root.glob("inputs/20*/*.yaml"):
        path.unlink()
    if register is not None:
        config = root / "vanthu.yaml"
        config.write_text(config.read_text("utf-8") + f"so_van_ban: {register}\n", "utf-8")
    return root


def document(root: Path, monkeypatch: pytest.MonkeyPatch, name: str, day: str,
             kind: str = "quyet-dinh-chung", about: str | None = None) -> Path:
    """inputs/<year>/<name>.yaml, made by `vanthu new`, asking the register for its number."""
    path = root / "inputs" / day[-4:] / f"{name}.yaml"
    made = vanthu(root, monkeypatch, "new", kind, "-o", str(path))
    assert made.exit_code == 0, made.output
    text = re.sub(r"^so:[^\n#]*", "so: tu_dong  ", path.read_text("utf-8"), count=1, flags=re.M)
    text = re.sub(r"^ngay:[^\n#]*", f"ngay: {day}  ", text, count=1, flags=re.M)
    text = re.sub(r"^trich_yeu:[^\n#]*", f"trich_yeu: {about or name}  ", text, count=1,
                  flags=re.M)
    path.write_text(text, "utf-8")
    return path


def book(path: Path, sheets: dict[str, list[tuple[str, date, str]]]) -> Path:
    """An Excel sổ văn bản đi: per sheet a title row, the form's ten titles, then the rows."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        sheet.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026"])
        sheet.append(TITLES)
        for reference, when, summary in rows:
            sheet.append([reference, datetime(when.year, when.month, when.day), summary,
                          "Lò Văn Thắng", "Các ban ngành", "Lưu VT", 2, None, None, None])
    workbook.save(path)
    return path


def build(root: Path, monkeypatch: pytest.MonkeyPatch, code: int = 0) -> Result:
    result = vanthu(root, monkeypatch, "build")
    assert result.exit_code == code, result.output
    return result


def output(root: Path, name: str, year: str = "2026") -> Path:
    return root / "outputs" / year / f"{name}.docx"


def manifest_number(root: Path, name: str, year: str = "2026") -> str:
    data = json.loads((root / "outputs" / year / "manifest.json").read_text("utf-8"))
    return data["documents"][f"inputs/{year}/{name}.yaml"]["so_ky_hieu"]


def built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A commune that built one Quyết định (qd-07, 15/07/2026) from its register: its
    workspace and the data file."""
    root = office(tmp_path)
    path = document(root, monkeypatch, "qd-07", "15/07/2026")
    build(root, monkeypatch)
    return root, path


def two_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A commune with a Quyết định (qd-07, 15/07/2026) and a công văn (cv-07, 16/07/2026) to
    number, not built yet; its workspace."""
    root = office(tmp_path)
    document(root, monkeypatch, "qd-07", "15/07/2026")
    document(root, monkeypatch, "cv-07", "16/07/2026", kind="cong-van")
    return root


def old_book_imported(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The register started over (its file removed) and the Excel sổ of OLD_BOOK imported."""
    (root / "so-van-ban.sqlite3").unlink()
    sheet = book(tmp_path / "so-di-2026.xlsx", {"Sổ đi 2026": OLD_BOOK})
    assert vanthu(root, monkeypatch, "so", "nhap", str(sheet)).exit_code == 0


def rows(location: Path | str, year: int = 2026) -> list[tuple[str, str, str | None]]:
    """(sequence, số ký hiệu, data file) of a year's rows, in register order."""
    with open_register(location) as register:
        return [(e.sequence, e.reference, e.source) for e in register.entries(year)]


# --- F1: the office's plan, kept in the register ------------------------------------------------


def test_tach_given_once_is_kept_and_build_and_so_cap_number_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    sheet = book(tmp_path / "pertype.xlsx", {"Quyết định": DECISIONS, "Văn bản khác": OTHERS})
    imported = vanthu(root, monkeypatch, "so", "--tach", "QĐ=quyet-dinh", "nhap", str(sheet))
    assert imported.exit_code == 0, imported.output
    assert "Đã ghi vào sổ cách đánh số của cơ quan" in said(imported)
    assert "QĐ → quyet-dinh; các loại khác → chung" in said(imported)
    document(root, monkeypatch, "qd-a", "01/07/2026")
    build(root, monkeypatch)
    # in the Quyết định run, after its 04: not 04 + 1 of the shared run's 03
    assert manifest_number(root, "qd-a") == "05/QĐ-UBND"
    assert printed_number(output(root, "qd-a")).startswith("Số: 05/QĐ-UBND")
    # so cap without --tach, and with the same --tach, follow it too
    plain = vanthu(root, monkeypatch, "so", "cap", "--ngay", "02/07/2026", "--ky-hieu",
                   "QĐ-UBND", "--loai", "QĐ", "--trich-yeu", "Quyết định về việc B")
    assert plain.exit_code == 0 and "06/QĐ-UBND" in plain.output, plain.output
    same = vanthu(root, monkeypatch, "so", "--tach", "QĐ=quyet-dinh", "cap", "--ngay",
                  "03/07/2026", "--ky-hieu", "QĐ-UBND", "--loai", "QĐ", "--trich-yeu", "C")
    assert same.exit_code == 0 and "07/QĐ-UBND" in same.output, same.output
    letter = vanthu(root, monkeypatch, "so", "cap", "--ngay", "03/07/2026", "--ky-hieu",
                    "UBND-VP", "--trich-yeu", "V/v lịch họp")
    assert "04/UBND-VP" in letter.output, letter.output
    # a number with its ký hiệu is voided in the run its type is numbered in
    voided = vanthu(root, monkeypatch, "so", "huy", "07/QĐ-UBND", "--nam", "2026", "--ly-do",
                    "in hỏng")
    assert voided.exit_code == 0 and "07/QĐ-UBND" in voided.output, voided.output
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 0 and "không trùng số" in checked.output, checked.output
    shown = vanthu(root, monkeypatch, "so", "day-so")
    assert "từ năm 2026: QĐ → quyet-dinh; các loại khác → chung" in shown.output, shown.output
    # a --tach saying otherwise is refused, nothing given
    other = vanthu(root, monkeypatch, "so", "--tach", "KH=ke-hoach", "cap", "--ngay",
                   "04/07/2026", "--ky-hieu", "KH-UBND", "--trich-yeu", "Kế hoạch D")
    assert other.exit_code == 1
    assert "--tach khác cách đánh số sổ đã ghi" in said(other), other.output
    assert "vanthu so day-so KH=ke-hoach --tu-nam" in said(other)
    assert len(rows(root / "so-van-ban.sqlite3")) == 11
    # a type that is none of Phụ lục III's would be numbered in the shared run: refused
    typo = vanthu(root, monkeypatch, "so", "--tach", "QD=quyet-dinh", "xem", "2026")
    assert typo.exit_code == 2 and "'QD=quyet-dinh' không phải loại văn bản" in said(typo)


def test_check_and_render_number_by_the_kept_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    kept = vanthu(root, monkeypatch, "so", "day-so", "QĐ=quyet-dinh", "--tu-nam", "2026")
    assert kept.exit_code == 0 and "Đã ghi cách đánh số" in kept.output, kept.output
    document(root, monkeypatch, "kh", "02/03/2026", kind="ke-hoach")
    path = document(root, monkeypatch, "qd", "03/03/2026")
    build(root, monkeypatch)
    rendered = vanthu(root, monkeypatch, "render", str(document(root, monkeypatch, "qd-2",
                                                               "04/03/2026")))
    assert rendered.exit_code == 0 and "02/QĐ-UBND" in rendered.output, rendered.output
    assert manifest_number(root, "qd") == "01/QĐ-UBND"
    assert manifest_number(root, "kh") == "01/KH-UBND"
    assert vanthu(root, monkeypatch, "check", str(path)).exit_code == 0
    assert [sequence for sequence, _, _ in rows(root / "so-van-ban.sqlite3")] == [
        "chung", "quyet-dinh", "quyet-dinh"]


def test_the_plan_never_changes_within_a_year_already_numbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = office(tmp_path)
    document(root, monkeypatch, "qd", "02/03/2026")
    build(root, monkeypatch)  # no plan: 01/QĐ-UBND in the shared run
    refused = vanthu(root, monkeypatch, "so", "day-so", "QĐ=quyet-dinh", "--tu-nam", "2026")
    assert refused.exit_code == 1
    assert "01/QĐ-UBND (2026, chung)" in said(refused), refused.output
    assert "vanthu so day-so QĐ=quyet-dinh --tu-nam 2027" in said(refused)
    tach = vanthu(root, monkeypatch, "so", "--tach", "QĐ=quyet-dinh", "cap", "--ngay",
                  "03/03/2026", "--ky-hieu", "QĐ-UBND", "--loai", "QĐ", "--trich-yeu", "B")
    assert tach.exit_code == 1, tach.output  # split mid-year: refused, nothing given
    assert len(rows(root / "so-van-ban.sqlite3")) == 1
    assert vanthu(root, monkeypatch, "so", "day-so", "QĐ=quyet-dinh", "--tu-nam",
                  "2027").exit_code == 0
    # 2026 goes on in the shared run; 2027 numbers Quyết định apart
    document(root, monkeypatch, "qd-b", "04/03/2026")
    document(root, monkeypatch, "qd-c", "05/01/2027")
    document(root, monkeypatch, "kh-c", "06/01/2027", kind="ke-hoach")
    build(root, monkeypatch)
    assert manifest_number(root, "qd-b") == "02/QĐ-UBND"
    assert [r[0] for r in rows(root / "so-van-ban.sqlite3")] == ["chung", "chung"]
    assert {r[0]: r[1] for r in rows(root / "so-van-ban.sqlite3", 2027)} == {
        "quyet-dinh": "01/QĐ-UBND", "chung": "01/KH-UBND"}
    shown = vanthu(root, monkeypatch, "so", "day-so")
    assert "trước năm 2027: mọi loại văn bản một dãy số → chung" in shown.output, shown.output
    assert "từ năm 2027: QĐ → quyet-dinh" in shown.output
    # --tach agreeing with the plan of 2027 does not number 2026 apart
    late = vanthu(root, monkeypatch, "so", "--tach", "QĐ=quyet-dinh", "cap", "--ngay",
                  "05/03/2026", "--ky-hieu", "QĐ-UBND", "--loai", "QĐ", "--trich-yeu", "D")
    assert late.exit_code == 1 and "--tu-nam" in said(late), late.output
    assert len(rows(root / "so-van-ban.sqlite3")) == 2


def test_a_separate_run_the_register_does_not_keep_refuses_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older vanthu's `--tach` (or a sổ imported with --day): Quyết định of 2026 in their own
    run, no plan kept. Numbering one in the shared run would print its 01 again."""
    root = office(tmp_path)
    sheet = book(tmp_path / "qd.xlsx", {"Quyết định": DECISIONS})
    assert vanthu(root, monkeypatch, "so", "nhap", "--day", "quyet-dinh",
                  str(sheet)).exit_code == 0
    document(root, monkeypatch, "qd", "01/07/2026")
    refused = build(root, monkeypatch, code=1)
    assert "đánh số QĐ-UBND ở dãy số riêng 'quyet-dinh'" in said(refused), refused.output
    assert not output(root, "qd").exists()
    command = re.search(r"ghi vào sổ một lần: (vanthu so day-so .*?);", said(refused))
    assert command is not None
    assert command.group(1) == "vanthu so day-so QĐ=quyet-dinh --tu-nam 2026"
    assert vanthu(root, monkeypatch, *command.group(1).split()[1:]).exit_code == 0
    build(root, monkeypatch)
    assert manifest_number(root, "qd") == "05/QĐ-UBND"


def test_a_plan_kept_in_a_shared_register_numbers_every_clerk(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    one, two = office(tmp_path, "clerk1", shared), office(tmp_path, "clerk2", shared)
    kept = vanthu(one, monkeypatch, "so", "day-so", "QĐ=quyet-dinh", "--tu-nam", "2026")
    assert kept.exit_code == 0, kept.output
    document(two, monkeypatch, "qd", "02/03/2026")
    document(two, monkeypatch, "kh", "03/03/2026", kind="ke-hoach")
    build(two, monkeypatch)
    document(one, monkeypatch, "qd-1", "04/03/2026")
    build(one, monkeypatch)
    assert manifest_number(two, "qd") == "01/QĐ-UBND"
    assert manifest_number(two, "kh") == "01/KH-UBND"
    assert manifest_number(one, "qd-1") == "02/QĐ-UBND"
    other = vanthu(two, monkeypatch, "so", "--tach", "BC=bao-cao", "xem", "2026")
    assert other.exit_code == 1 and "--tach khác cách đánh số" in said(other), other.output


def test_set_plan_from_the_first_year_it_agrees_with(tmp_path: Path) -> None:
    """Without a year, a plan holds from the year after the last one numbered otherwise (every
    year when none is), refused when that is after this year."""
    split = SequencePlan.from_mapping({"QĐ": "quyet-dinh"})
    with open_register(tmp_path / "so.sqlite3") as register:
        register.allocate(OFFICE, Details(doc_date=date(2025, 5, 1), symbol="QĐ-UBND"))
        kept, changed = register.set_plan(OFFICE, split, this_year=2026)
        assert (kept.since, changed) == (2026, True)
        assert register.set_plan(OFFICE, split, this_year=2026)[1] is False
        assert register.allocate(OFFICE, Details(doc_date=date(2025, 6, 1),
                                                 symbol="QĐ-UBND")).sequence == "chung"
        assert register.allocate(OFFICE, Details(doc_date=date(2026, 6, 1),
                                                 symbol="QĐ-UBND")).sequence == "quyet-dinh"
        with pytest.raises(RegisterError) as refused:
            register.set_plan(OFFICE, SequencePlan(), this_year=2026)
        assert refused.value.key == "register.plan_conflicts_now"
        # an earlier year's plan leaves the later one as it is
        register.set_plan(OFFICE, SequencePlan(), 2024)
        assert [(kept.since, kept.plan.pairs) for kept in register.stored_plans(OFFICE)] == [
            (2024, ()), (2026, (("QĐ", "quyet-dinh"),))]
    # a caller's plan never overrides the one kept, for the year it numbers
    with open_register(tmp_path / "so.sqlite3", plans={OFFICE: SequencePlan()}) as register:
        with pytest.raises(RegisterError) as refused:
            register.allocate(OFFICE, Details(doc_date=date(2026, 7, 1), symbol="QĐ-UBND"))
        assert refused.value.key == "register.plan_contradicts"


def test_an_import_moves_the_numbers_vanthu_gave_after_its_own(tmp_path: Path) -> None:
    """so nhap --doi-so-da-cap: vanthu's numbers from the first one the file holds move after
    the file's, in their order; a void one no row of the file holds stays void at its number
    (never given again: the moved ones go after it); the counter follows the last."""
    letter = Details(doc_date=date(2026, 7, 1), symbol="UBND-VP", summary="V/v")
    with open_register(tmp_path / "so.sqlite3") as register:
        given = [register.allocate(OFFICE, letter, source=f"inputs/2026/cv-{n}.yaml")
                 for n in (1, 2, 3)]
        register.void_entry(given[2], "in hỏng")
        old = [(2026, n, "chung", Details(doc_date=date(2026, 1, n), symbol="UBND-VP",
                                          summary=f"cũ {n}"), Status.ISSUED, None, None)
               for n in (1, 2)]
        with pytest.raises(DuplicateNumberError) as refused:
            register.record_many(OFFICE, old)
        assert refused.value.key == "register.duplicate_given"
        with register.displacing() as moved:
            register.record_many(OFFICE, old)
        assert [(m.entry.number, m.number) for m in moved] == [(1, 4), (2, 5), (3, 3)]
        assert [(e.number, e.source) for e in register.entries(2026)] == [
            (1, None), (2, None), (3, "inputs/2026/cv-3.yaml"), (4, "inputs/2026/cv-1.yaml"),
            (5, "inputs/2026/cv-2.yaml")]
        assert register.counters(2026) == {(OFFICE, "chung"): 5}
        assert register.allocate(OFFICE, letter).number == 6


# --- F2: an output current only while the register holds its number --------------------------


def test_a_document_built_before_the_old_sorted_was_imported_is_renumbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register started over and the Excel sổ imported: the output's 01 is January's."""
    root, path = built_one(tmp_path, monkeypatch)
    assert manifest_number(root, "qd-07") == "01/QĐ-UBND"
    old_book_imported(root, tmp_path, monkeypatch)
    checked = vanthu(root, monkeypatch, "check", str(path))
    assert "outputs/2026/qd-07.docx in số 01/QĐ-UBND, nhưng sổ văn bản đi nay ghi số đó cho " \
           "văn bản khác: 01/QĐ-UBND 05/01/2026" in said(checked), checked.output
    result = build(root, monkeypatch)
    assert "sổ văn bản nay ghi số 01/QĐ-UBND cho văn bản khác" in said(result), result.output
    assert "đã cấp cho văn bản này số 07/QĐ-UBND" in said(result)
    assert printed_number(output(root, "qd-07")).startswith("Số: 07/QĐ-UBND")
    assert "0 đã dựng, 1 không đổi" in build(root, monkeypatch).output
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 0, checked.output
    english = vanthu(root, monkeypatch, "check", str(path))
    assert "in số 01/QĐ-UBND" not in said(english)


def test_render_says_the_number_it_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, path = built_one(tmp_path, monkeypatch)
    old_book_imported(root, tmp_path, monkeypatch)
    rendered = vanthu(root, monkeypatch, "render", str(path))
    assert rendered.exit_code == 0, rendered.output
    assert "sổ văn bản nay ghi số 01/QĐ-UBND cho văn bản khác" in said(rendered)
    assert printed_number(output(root, "qd-07")).startswith("Số: 07/QĐ-UBND")


def test_the_old_sorted_imports_over_numbers_vanthu_gave_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two_documents(tmp_path, monkeypatch)
    build(root, monkeypatch)
    assert [manifest_number(root, "qd-07"), manifest_number(root, "cv-07")] == [
        "01/QĐ-UBND", "02/UBND-VP"]
    voided = vanthu(root, monkeypatch, "so", "huy", "01", "--nam", "2026", "--ly-do", "nhầm")
    assert voided.exit_code == 0, voided.output
    sheet = book(tmp_path / "so-di-2026.xlsx", {"Sổ đi 2026": OLD_BOOK})
    refused = vanthu(root, monkeypatch, "so", "nhap", str(sheet))
    assert refused.exit_code == 1
    assert "vanthu đã cấp trong sổ" in said(refused), refused.output
    hint = re.search(r"hãy nhập lại để các dòng của tệp giữ số của chúng: (vanthu so .*?)\. ",
                     said(refused))
    assert hint is not None, refused.output
    assert hint.group(1) == f"vanthu so nhap --doi-so-da-cap {sheet}"
    imported = vanthu(root, monkeypatch, *hint.group(1).split()[1:])
    assert imported.exit_code == 0, imported.output
    assert "02/UBND-VP [inputs/2026/cv-07.yaml] → 07" in said(imported)
    assert "1 số vanthu đã hủy được bỏ" in said(imported)
    result = build(root, monkeypatch)
    assert printed_number(output(root, "cv-07")).startswith("Số: 07/UBND-VP")
    assert printed_number(output(root, "qd-07")).startswith("Số: 08/QĐ-UBND")
    assert "02/UBND-VP cho văn bản khác: 02/UBND-VP 08/01/2026" in said(result), result.output
    register = root / "so-van-ban.sqlite3"
    assert [reference for _, reference, _ in rows(register)] == [
        *(reference for reference, _, _ in OLD_BOOK), "07/UBND-VP", "08/QĐ-UBND"]
    assert vanthu(root, monkeypatch, "so", "kiem-tra", "2026").exit_code == 0


def test_a_register_emptied_is_refused_for_documents_already_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, path = built_one(tmp_path, monkeypatch)
    (root / "so-van-ban.sqlite3").unlink()
    refused = build(root, monkeypatch, code=1)
    assert "inputs/2026/qd-07.yaml" in said(refused)
    assert "sổ nay không còn số nào trong đó" in said(refused), refused.output
    checked = vanthu(root, monkeypatch, "check", str(path))
    assert "sổ nay không còn dòng nào của số đó" in said(checked), checked.output
