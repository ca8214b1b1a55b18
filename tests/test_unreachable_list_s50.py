"""A danh sách (or another file a document names) that the system will not let be looked at
(s50): below a folder this user may not enter (EACCES), behind a part of its path that is a
file (ENOTDIR), in a loop of symlinks (ELOOP), under a name too long (ENAMETOOLONG).

DocumentLoader.referenced_file looks at the file before any reader does: EACCES and a name too
long stopped `vanthu check` with vanthu's internal error, and the other two were said as a
list not found ("đặt tệp cạnh tệp YAML"), which it may well be beside. Now each is said at the
line and field that name the file, with the reason in the user's words (render.output's
ReadReason), in both languages. As root, a mode does not stop anyone: the folder refuses every
look as the kernel would (tests/test_unreachable_s49.py's unenterable).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.yaml_source import load_yaml
from pipeline.workspace import Workspace
from tests.new_office import new_office
from tests.test_unreachable_s49 import READ_EN, READ_VI, said, unenterable

NOT_DIR_VI = "một phần của đường dẫn là tệp chứ không phải thư mục; hãy xem lại đường dẫn"
NOT_DIR_EN = "part of the path is a file, not a folder; check the path"
LOOP_VI = "đường dẫn có liên kết (symlink) vòng quanh, trỏ về chính nó"
LOOP_EN = "the path has symbolic links that loop back on themselves"


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def decision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new office's Quyết định (vanthu new quyet-dinh), its danh sách beside it."""
    office = new_office(tmp_path, monkeypatch)
    made = vanthu("--lang", "vi", "new", "quyet-dinh", "-o", "inputs/qd.yaml")
    assert made.exit_code == 0, made.output
    return office / "inputs" / "qd.yaml"


def naming(decision: Path, name: str) -> int:
    """The decision's danh_sach set to `name`; the line it is on."""
    lines = decision.read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith("danh_sach:"))
    lines[line - 1] = re.sub(r"danh_sach:\s*\S+", f"danh_sach: {name}", lines[line - 1])
    decision.write_text("\n".join(lines) + "\n", "utf-8")
    return line


def checked(decision: Path) -> tuple[str, str]:
    """`vanthu check` of the decision in Vietnamese and English, each exit 1, no internal error."""
    vi = vanthu("--lang", "vi", "check", str(decision))
    en = vanthu("--lang", "en", "check", str(decision))
    assert vi.exit_code == 1 and en.exit_code == 1, vi.output
    return said(vi), said(en)


def where(line: int, lang: str) -> str:
    if lang == "vi":
        return f"qd.yaml, dòng {line}, trường 'khen_thuong.danh_sach':"
    return f"qd.yaml, line {line}, field 'khen_thuong.danh_sach':"


def test_a_list_below_a_folder_that_may_not_be_entered(decision: Path) -> None:
    locked = decision.parent / "khoa"
    locked.mkdir()
    (decision.parent / "danh-sach-khen-thuong.csv").rename(locked / "ds.csv")
    line = naming(decision, "khoa/ds.csv")
    with unenterable(locked):
        vi, en = checked(decision)
    assert f"{where(line, 'vi')} không đọc được danh sách 'khoa/ds.csv' ({READ_VI})" in vi, vi
    assert f"{where(line, 'en')} cannot read the list 'khoa/ds.csv' ({READ_EN})" in en, en
    assert "Permission denied" not in vi + en


def test_a_list_behind_a_file_named_as_a_folder(decision: Path) -> None:
    line = naming(decision, "qd.yaml/ds.csv")  # ENOTDIR, whoever runs it
    vi, en = checked(decision)
    assert f"{where(line, 'vi')} không đọc được danh sách 'qd.yaml/ds.csv' ({NOT_DIR_VI})" in vi
    assert f"{where(line, 'en')} cannot read the list 'qd.yaml/ds.csv' ({NOT_DIR_EN})" in en
    assert "không tìm thấy" not in vi, vi


def test_a_list_in_a_loop_of_links(decision: Path) -> None:
    (decision.parent / "vong").symlink_to("vong")  # ELOOP
    line = naming(decision, "vong/ds.csv")
    vi, en = checked(decision)
    assert f"{where(line, 'vi')} không đọc được danh sách 'vong/ds.csv' ({LOOP_VI})" in vi, vi
    assert f"{where(line, 'en')} cannot read the list 'vong/ds.csv' ({LOOP_EN})" in en, en


def test_a_list_named_too_long_for_the_system(decision: Path) -> None:
    name = "d" * 300 + ".csv"  # ENAMETOOLONG: no reason of the catalogue, the system's then
    line = naming(decision, name)
    vi, en = checked(decision)
    assert f"{where(line, 'vi')} không đọc được danh sách '{name}' (" in vi, vi
    assert f"{where(line, 'en')} cannot read the list '{name}' (" in en, en


def test_a_list_not_there_is_still_said_missing(decision: Path) -> None:
    line = naming(decision, "khong-co/ds.csv")
    vi, en = checked(decision)
    assert f"{where(line, 'vi')} không tìm thấy danh sách 'khong-co/ds.csv'" in vi, vi
    assert f"{where(line, 'en')} list 'khong-co/ds.csv' not found" in en, en


def test_a_draft_behind_a_file_is_said_by_its_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a list: the file a Tờ trình attaches (du_thao), said as the field's file."""
    office = new_office(tmp_path, monkeypatch)
    assert vanthu("new", "to-trinh", "-o", "inputs/tt.yaml").exit_code == 0
    submission = office / "inputs" / "tt.yaml"
    with submission.open("a", encoding="utf-8") as out:
        out.write("du_thao: tt.yaml/du-thao.yaml\n")
    line = len(submission.read_text("utf-8").splitlines())
    with pytest.raises(InputError) as caught:
        Workspace.containing(submission).load(submission)
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.file_unreadable_named", line, "du_thao")
    assert error.message("vi").endswith(
        f"không đọc được tệp 'tt.yaml/du-thao.yaml' mà trường này nêu ({NOT_DIR_VI})"
    )
    assert error.message("en").endswith(
        f"cannot read the file 'tt.yaml/du-thao.yaml' this field names ({NOT_DIR_EN})"
    )


def test_a_form_naming_a_list_below_a_folder_that_may_not_be_entered(decision: Path) -> None:
    """Data given as a mapping (a form) is told the same, at its field."""
    locked = decision.parent / "khoa"
    locked.mkdir()
    (decision.parent / "danh-sach-khen-thuong.csv").rename(locked / "ds.csv")
    naming(decision, "khoa/ds.csv")
    workspace = Workspace.containing(decision)
    data = load_yaml(decision).data
    with unenterable(locked), pytest.raises(InputError) as caught:
        workspace.load_mapping(data, decision)
    error = caught.value
    assert (error.key, error.field) == ("data.list_unreadable", "khen_thuong.danh_sach")
    assert error.message("vi").endswith(f"không đọc được danh sách 'khoa/ds.csv' ({READ_VI})")
