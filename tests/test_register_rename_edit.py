"""A numbered data file renamed and then edited (its trích yếu) is not silently given a second
number: the build refuses it, naming the file gone and its number, until the clerk says which it
is, by typing that number (kept) or voiding it (a new one then) (finding r7b F4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pipeline.register import Details, open_register
from pipeline.register.location import data_file_exists
from tests.test_register_order import numbers, office, plan, vanthu

__all__ = ["office"]  # the fixture, used by name

SUMMARY = "Triển khai công tác thi đua, khen thưởng năm 2026"


def said(output: str) -> str:
    """The output as one line: the terminal wraps long messages."""
    return " ".join(output.split())


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, text
    path.write_text(text.replace(old, new), "utf-8")


def renamed(office: Path, old: str, new: str) -> Path:
    """kh-cu.yaml built as 02/KH-VPUBND, then renamed kh-moi.yaml and `old` in it made `new`."""
    plan(office, "ke-hoach.yaml", "05/01/2026")
    built = plan(office, "kh-cu.yaml", "12/01/2026")
    assert vanthu("build").exit_code == 0
    moved = built.with_name("kh-moi.yaml")
    built.rename(moved)
    edit(moved, old, new)
    return moved


def renamed_and_edited(office: Path) -> Path:
    """kh-cu.yaml built as 02/KH-VPUBND, then renamed kh-moi.yaml and its trích yếu edited."""
    return renamed(office, SUMMARY, SUMMARY + " của Văn phòng")


def test_a_renamed_and_edited_file_is_refused_not_numbered_anew(office: Path) -> None:
    new = renamed_and_edited(office)
    line = next(n for n, text in enumerate(new.read_text("utf-8").splitlines(), start=1)
                if text.startswith("so:"))  # said at its line
    result = vanthu("build")
    assert result.exit_code != 0, result.output
    assert (
        f"kh-moi.yaml, dòng {line}, trường 'so': chưa cấp số: số 02/KH-VPUBND ngày 12/01/2026 "
        "(cùng loại văn bản) đã cấp cho inputs/2026/kh-cu.yaml, nay tệp đó không còn. Nếu tệp này "
        "chính là tệp "
        "đó đổi tên rồi sửa, hãy ghi so: 02 (thay cho tu_dong) để giữ số đã cấp; nếu văn bản đó "
        'đã bỏ thật, hãy hủy số: vanthu so huy 02 --nam 2026 --ly-do "..." rồi dựng lại để cấp '
        "số mới"
    ) in said(result.output), result.output
    # Nothing given, nothing written: the old output is still there, 02 still the old file's.
    assert [(n, s) for n, _, s in numbers(office)] == [
        (1, "inputs/2026/ke-hoach.yaml"), (2, "inputs/2026/kh-cu.yaml")
    ]  # fmt: skip
    assert (office / "outputs/2026/kh-cu.docx").is_file()
    assert not (office / "outputs/2026/kh-moi.docx").exists()
    english = vanthu("--lang", "en", "build")
    assert (
        "no number given: number 02/KH-VPUBND dated 12/01/2026 (the same type) was given to "
        "inputs/2026/kh-cu.yaml, and that file is gone. If this file is that one renamed and "
        "edited, write so: 02 (instead of tu_dong) to keep its number"
    ) in said(english.output), english.output
    assert new.is_file()


def test_typing_the_number_keeps_it_for_the_renamed_file(office: Path) -> None:
    new = renamed_and_edited(office)
    assert vanthu("build").exit_code != 0
    edit(new, "so: tu_dong", "so: 02")
    assert vanthu("check", str(new)).exit_code == 0  # as build takes it
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert "Cảnh báo" not in result.output, result.output  # 02 has its document: nothing left
    assert [(n, s) for n, _, s in numbers(office)] == [
        (1, "inputs/2026/ke-hoach.yaml"), (2, "inputs/2026/kh-moi.yaml")
    ]  # fmt: skip
    with open_register(root=office) as register:
        assert register.entries(2026)[1].details.summary.endswith("của Văn phòng")
    check = vanthu("so", "kiem-tra", "2026")
    assert check.exit_code == 0 and "không còn" not in check.output, check.output
    # The row is the file's now: asking the register again keeps the number.
    edit(new, "so: 02", "so: tu_dong")
    assert vanthu("build").exit_code == 0
    assert [n for n, _, _ in numbers(office)] == [1, 2]


def test_voiding_the_old_number_gives_a_new_one(office: Path) -> None:
    renamed_and_edited(office)
    assert vanthu("build").exit_code != 0
    assert vanthu("so", "huy", "02", "--nam", "2026", "--ly-do", "bỏ").exit_code == 0
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert [(n, s) for n, _, s in numbers(office)][1:] == [
        (2, "inputs/2026/kh-cu.yaml"), (3, "inputs/2026/kh-moi.yaml")
    ]  # fmt: skip


def test_keep_going_builds_the_others_and_says_the_number_once(office: Path) -> None:
    renamed_and_edited(office)
    plan(office, "kh-khac.yaml", "20/01/2026")
    result = vanthu("build", "--keep-going")
    assert result.exit_code != 0, result.output
    assert said(result.output).count("02/KH-VPUBND") == 1, result.output  # not also a warning
    assert "vẫn ghi trong sổ" not in result.output
    assert [(n, s) for n, _, s in numbers(office)][1:] == [
        (2, "inputs/2026/kh-cu.yaml"), (3, "inputs/2026/kh-khac.yaml")
    ]  # fmt: skip
    # Its old output went with this build: still refused while 02 is not settled.
    assert "chưa cấp số: số 02/KH-VPUBND" in said(vanthu("build").output)


def test_a_rename_with_only_capitals_changed_keeps_its_number(office: Path) -> None:
    renamed(office, "thi đua, khen thưởng", "Thi đua, Khen thưởng")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert [(n, s) for n, _, s in numbers(office)] == [
        (1, "inputs/2026/ke-hoach.yaml"), (2, "inputs/2026/kh-moi.yaml")
    ]  # fmt: skip


def test_a_rename_with_another_date_is_numbered_and_the_warning_says_why(office: Path) -> None:
    """Another date is another day's document to the register: numbered anew, and the warning
    of the number left behind no longer promises that a renamed file keeps it."""
    new = renamed(office, "ngay: 12/01/2026", "ngay: 13/01/2026")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert [n for n, _, _ in numbers(office)] == [1, 2, 3]
    assert (
        "Cảnh báo: inputs/2026/kh-cu.yaml: đã xóa văn bản, nhưng số 02/KH-VPUBND sổ văn bản đi "
        "cấp cho nó vẫn ghi trong sổ; nếu văn bản đã bỏ, hãy hủy số: vanthu so huy 02 --nam "
        '2026 --ly-do "..." (tệp đổi tên chỉ giữ số khi loại, ngày và trích yếu không đổi; tệp '
        "mới sửa ngày hay loại văn bản thì được cấp số mới)"
    ) in said(result.output), result.output
    # Nor does a number it types take 02 over: 02 records another day's document.
    edit(new, "so: tu_dong", "so: 02")
    typed = vanthu("build")
    assert typed.exit_code != 0 and "đã có trong sổ văn bản đi cho văn bản khác" in typed.output


def test_check_says_when_a_renamed_file_keeps_its_number(office: Path) -> None:
    renamed_and_edited(office)
    result = vanthu("so", "kiem-tra", "2026")
    assert result.exit_code == 0, result.output
    assert (
        "Cảnh báo: số 02/KH-VPUBND: tệp dữ liệu inputs/2026/kh-cu.yaml không còn; nếu đã bỏ văn "
        "bản, hãy hủy số: vanthu so huy 02 --nam 2026 --ly-do ...; nếu tệp đã đổi tên, dựng lại "
        "chỉ giữ số khi loại, ngày và trích yếu không đổi (đã sửa trích yếu thì ghi so: 02 vào "
        "tệp mới để giữ số)"
    ) in said(result.output), result.output
    english = vanthu("--lang", "en", "so", "kiem-tra", "2026")
    assert "building it keeps the number only when its type, date and trích yếu are unchanged" \
        in said(english.output), english.output


def test_two_files_gone_are_both_named(office: Path) -> None:
    plan(office, "ke-hoach.yaml", "05/01/2026")
    first = plan(office, "kh-a.yaml", "12/01/2026")
    second = plan(office, "kh-b.yaml", "12/01/2026")
    edit(second, SUMMARY, SUMMARY + " (đợt 2)")
    assert vanthu("build").exit_code == 0
    first.unlink()
    second.unlink()
    plan(office, "kh-c.yaml", "12/01/2026")
    edit(office / "inputs/2026/kh-c.yaml", SUMMARY, SUMMARY + " (sửa)")
    result = vanthu("build")
    assert result.exit_code != 0, result.output
    assert (
        "chưa cấp số: 2 số cùng loại văn bản, ngày 12/01/2026 đã cấp cho các tệp nay không còn: "
        "02/KH-VPUBND (inputs/2026/kh-a.yaml), 03/KH-VPUBND (inputs/2026/kh-b.yaml)."
    ) in said(result.output), result.output
    assert "(vanthu so huy 02 --nam 2026; vanthu so huy 03 --nam 2026, thêm --ly-do" in said(
        result.output)


def test_a_number_typed_by_another_file_of_the_build_is_not_left_behind(office: Path) -> None:
    """The clerk typed 02 into the renamed file, and a new file of that day asks for a
    number: 02 is taken in this very build, the new file gets the next one."""
    new = renamed_and_edited(office)
    edit(new, "so: tu_dong", "so: 02")
    other = plan(office, "kh-them.yaml", "12/01/2026")
    edit(other, SUMMARY, "Kế hoạch khác")
    result = vanthu("build")
    assert result.exit_code == 0, result.output
    assert [(n, s) for n, _, s in numbers(office)] == [
        (1, "inputs/2026/ke-hoach.yaml"), (2, "inputs/2026/kh-moi.yaml"),
        (3, "inputs/2026/kh-them.yaml"),
    ]  # fmt: skip


def test_the_register_names_no_number_left_behind_without_the_files(tmp_path: Path) -> None:
    """A register that cannot see the data files (a shared one) never guesses; one that can
    leaves out a file still there, another day, another type, and the file's own number."""
    details = Details(doc_date=date(2026, 1, 12), symbol="KH-VPUBND", summary="Kế hoạch A")
    edited = Details(doc_date=date(2026, 1, 12), symbol="KH-VPUBND", summary="Kế hoạch B")
    location = tmp_path / "so.sqlite3"
    with open_register(location) as register:
        register.confirm(register.allocate("vp", details, source="inputs/2026/a.yaml"))
        assert register.left_behind("vp", edited, "inputs/2026/b.yaml") == []
    with open_register(location, source_exists=data_file_exists(tmp_path)) as register:
        (gone,) = register.left_behind("vp", edited, "inputs/2026/b.yaml")
        assert (gone.number, gone.source) == (1, "inputs/2026/a.yaml")
        # Unedited, it is the file renamed: allocate takes it over, nothing is left behind.
        assert register.left_behind("vp", details, "inputs/2026/b.yaml") == []
        assert register.left_behind("vp", Details(doc_date=date(2026, 1, 13),
                                                  symbol="KH-VPUBND", summary="Kế hoạch B"),
                                    "inputs/2026/b.yaml") == []
        assert register.left_behind("vp", Details(doc_date=date(2026, 1, 12),
                                                  symbol="BC-VPUBND", summary="Kế hoạch B"),
                                    "inputs/2026/b.yaml") == []
        assert register.left_behind("vp", edited, "inputs/2026/a.yaml") == []  # its own
        (tmp_path / "inputs/2026").mkdir(parents=True)
        (tmp_path / "inputs/2026/a.yaml").write_text("", "utf-8")
        assert register.left_behind("vp", edited, "inputs/2026/b.yaml") == []


def test_check_refuses_it_as_build_and_render_do(office: Path) -> None:
    new = renamed_and_edited(office)
    result = vanthu("check", str(new))
    assert result.exit_code != 0, result.output
    assert "chưa cấp số: số 02/KH-VPUBND ngày 12/01/2026" in said(result.output)
    rendered = vanthu("render", str(new))
    assert rendered.exit_code != 0 and "chưa cấp số" in said(rendered.output)
    assert not (office / "outputs/2026/kh-moi.docx").exists()
    assert [n for n, _, _ in numbers(office)] == [1, 2]  # render gave no number either
