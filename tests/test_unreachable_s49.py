"""A folder this user may not enter, a file they may not read, a number YAML reads as infinite
(s49).

1. An output or a file to verify below a folder the user may not enter (no search permission:
   mode 700, another user's): Python 3.11's Path.is_dir and Path.exists raise PermissionError
   there instead of answering, and render -o, build -o and verify stopped with vanthu's
   internal error. Now render and build say the usual error of an output folder that cannot
   take a file, naming the folder that refused (the nearest one that can be looked at), and
   verify says the file could not be read, exit 2, as the README promises.
2. A data file or a danh sách the OS would not let be read: the reason in the user's language
   ("không có quyền đọc ..."), not the OS's English strerror ("Permission denied") inside a
   Vietnamese sentence.
3. so_ban: .inf (.nan, 1e400): said at its line as a number no field takes, not as pydantic's
   code (finite_number), in either language; by the fast reader, the slow one and a form.

The tests run as root, whom a mode does not stop: the folder (or file) refuses every look with
EACCES as the kernel would (os.stat, os.lstat, os.open, os.mkdir, os.scandir, io.open), as
tests/test_unwritable_once.py and test_unreadable_outputs_s39.py make folders and files refuse;
run by another user, the mode itself does it.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.spreadsheet import read_table
from pipeline.load.yaml_source import _slow_load, load_yaml, source_of_mapping
from pipeline.render.output import clean_stale
from tests.cli_lines import said
from tests.new_office import new_office

FOLDER_VI = "không ghi được tệp kết quả vào thư mục {folder}: không có quyền ghi"
FOLDER_EN = "cannot write output files into the folder {folder}: permission denied"
READ_VI = "không có quyền đọc, hoặc tệp đang mở trong chương trình khác"
READ_EN = "permission denied, or another program holds the file open"


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _refusing(real: Callable[..., Any], refused: Callable[[str], bool]) -> Callable[..., Any]:
    """`real` (os.stat, io.open ...), raising EACCES for a path `refused` says no to."""

    def guarded(path: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(path, (str, bytes, os.PathLike)):
            name = os.path.abspath(os.fsdecode(path))
            if refused(name):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
        return real(path, *args, **kwargs)

    return guarded


@contextmanager
def refusing(refused: Callable[[str], bool]) -> Iterator[None]:
    """Every look at a path `refused` says no to refused, as the kernel refuses it."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("stat", "lstat", "open", "mkdir", "scandir", "listdir"):
            patch.setattr(os, name, _refusing(getattr(os, name), refused))
        patch.setattr(io, "open", _refusing(io.open, refused))
        patch.setattr(builtins, "open", _refusing(builtins.open, refused))
        yield


@contextmanager
def unenterable(folder: Path) -> Iterator[None]:
    """`folder` that may not be entered (no search permission): anything below it refuses to
    be looked at, or opened, or made. Not root: its mode (0600). Root: refusing()."""
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o600)
        try:
            yield
        finally:
            folder.chmod(mode)
        return
    inside = os.path.abspath(folder) + os.sep
    with refusing(lambda name: name.startswith(inside)):
        yield


@contextmanager
def unreadable(file: Path) -> Iterator[None]:
    """`file` that may not be read (mode 000): its stat answers, opening it is refused."""
    if os.geteuid() != 0:
        mode = file.stat().st_mode
        file.chmod(0)
        try:
            yield
        finally:
            file.chmod(mode)
        return
    target = os.path.abspath(file)
    with pytest.MonkeyPatch.context() as patch:
        for module, name in ((os, "open"), (io, "open"), (builtins, "open")):
            patch.setattr(module, name, _refusing(getattr(module, name), target.__eq__))
        yield


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new office (its Kế hoạch), and a folder `locked` with `sub` in it beside it."""
    (tmp_path / "locked" / "sub").mkdir(parents=True)
    return new_office(tmp_path, monkeypatch)


def kế_hoạch(office: Path) -> str:
    (data,) = office.glob("inputs/20*/ke-hoach.yaml")
    return str(data.relative_to(office))


# 1. a folder that may not be entered -----------------------------------------------------------


@pytest.mark.parametrize("target", ["sub/ke-hoach.docx", "sub", "sub/deeper/ke-hoach.docx"])
def test_render_into_a_folder_that_may_not_be_entered_names_the_folder(
    office: Path, tmp_path: Path, target: str
) -> None:
    locked = tmp_path / "locked"
    with unenterable(locked):
        vi = vanthu("render", kế_hoạch(office), "-o", str(locked / target))
        en = vanthu("--lang", "en", "render", kế_hoạch(office), "-o", str(locked / target))
    assert vi.exit_code == 1 and en.exit_code == 1, vi.output
    assert FOLDER_VI.format(folder=locked) in said(vi), vi.output
    assert FOLDER_EN.format(folder=locked) in said(en), en.output
    assert not list(office.glob("outputs/**/*.docx"))


def test_build_into_a_folder_that_may_not_be_entered_names_the_folder(
    office: Path, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    with unenterable(locked):
        vi = vanthu("build", "-o", str(locked / "sub"))
        en = vanthu("--lang", "en", "build", "-o", str(locked / "sub"))
    assert vi.exit_code == 1 and en.exit_code == 1, vi.output
    assert FOLDER_VI.format(folder=locked) in said(vi), vi.output
    assert FOLDER_EN.format(folder=locked) in said(en), en.output
    assert not list((locked / "sub").iterdir())


@pytest.mark.parametrize("named", ["sub/x.docx", "sub", "sub/x.txt"])
def test_verify_below_a_folder_that_may_not_be_entered_says_it_could_not_be_read(
    office: Path, tmp_path: Path, named: str
) -> None:
    locked = tmp_path / "locked"
    readable = office / "ban-sao.docx"
    readable.write_bytes(b"")  # another file, still checked (and not a .docx: also exit 2)
    with unenterable(locked):
        vi = vanthu("verify", str(locked / named), readable.name)
        en = vanthu("--lang", "en", "verify", "--format", "json", str(locked / named))
    assert vi.exit_code == 2 and en.exit_code == 2, vi.output  # README: 2, named in an error line
    line = f"Lỗi: {locked / named}: không đọc được tệp (không có quyền đọc"
    assert line in said(vi), vi.output
    assert f"Lỗi: {readable.name}: không phải tệp .docx đọc được" in said(vi)
    assert "the file could not be read (permission denied" in said(en), en.output


def test_a_stale_file_a_folder_does_not_let_go_is_left_for_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "2026" / ".ke-hoach.docx.999999999-0.tmp"
    stale.parent.mkdir()
    stale.write_bytes(b"x")
    monkeypatch.setattr(os, "unlink", _refusing(os.unlink, os.path.abspath(stale).__eq__))
    assert clean_stale(tmp_path) == []
    assert stale.exists()


# 2. a file that may not be read: the reason in the user's words ------------------------------


def test_an_unreadable_profile_is_said_in_the_users_words(office: Path) -> None:
    (profile,) = office.glob("inputs/co-quan/*.yaml")
    with unreadable(profile):
        vi = vanthu("check", kế_hoạch(office))
        en = vanthu("--lang", "en", "check", kế_hoạch(office))
    assert vi.exit_code == 1 and en.exit_code == 1, vi.output
    assert f"{profile.name}: không đọc được tệp ({READ_VI})" in said(vi), vi.output
    assert f"{profile.name}: cannot read the file ({READ_EN})" in said(en), en.output
    assert "Permission denied" not in vi.output


def test_a_data_file_below_a_folder_that_may_not_be_entered(tmp_path: Path) -> None:
    data = tmp_path / "locked" / "kh.yaml"
    data.parent.mkdir()
    data.write_text("loai: ke_hoach\n", "utf-8")
    with unenterable(data.parent), pytest.raises(InputError) as caught:
        load_yaml(data)
    assert caught.value.key == "data.file_unreadable"
    assert caught.value.message("vi").endswith(f"không đọc được tệp ({READ_VI})")
    assert caught.value.message("en").endswith(f"cannot read the file ({READ_EN})")


def test_a_data_file_in_a_loop_of_links(tmp_path: Path) -> None:
    loop = tmp_path / "kh.yaml"
    loop.symlink_to(loop.name)
    with pytest.raises(InputError) as caught:
        load_yaml(loop)
    assert "liên kết (symlink) vòng quanh" in caught.value.message("vi")
    assert "symbolic links that loop" in caught.value.message("en")


CSV = "Họ và tên,Danh hiệu\nNguyễn Văn An,Lao động tiên tiến\n"


def _the_list(path: Path) -> Path:
    if path.suffix == ".csv":
        path.write_text(CSV, "utf-8")
    else:
        import openpyxl

        book = openpyxl.Workbook()
        book.active.append(["Họ và tên", "Danh hiệu"])
        book.active.append(["Nguyễn Văn An", "Lao động tiên tiến"])
        book.save(path)
    return path


@pytest.mark.parametrize("name", ["ds.csv", "ds.xlsx"])
@pytest.mark.parametrize("refused", ["file", "folder"])
def test_an_unreadable_list_is_said_in_the_users_words(
    tmp_path: Path, name: str, refused: str
) -> None:
    (tmp_path / "ds").mkdir()
    path = _the_list(tmp_path / "ds" / name)
    with (unreadable(path) if refused == "file" else unenterable(path.parent)):
        with pytest.raises(InputError) as caught:
            read_table(path, required=["ho_ten", "danh_hieu"])
    assert caught.value.key == "sheet.read_failed"
    assert caught.value.message("vi").endswith(f"không đọc được tệp: {READ_VI}")
    assert caught.value.message("en").endswith(f"cannot read the file: {READ_EN}")


# 3. a number YAML reads as infinite or not a number -------------------------------------------


@pytest.mark.parametrize("typed", [".inf", "-.inf", ".nan", ".NaN", "1e400"])
def test_an_infinite_number_is_said_at_its_line_in_the_users_words(
    office: Path, typed: str
) -> None:
    data = office / kế_hoạch(office)
    lines = data.read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("so_ban:"))
    lines[line - 1] = f"so_ban: {typed}"
    data.write_text("\n".join(lines) + "\n", "utf-8")
    vi = vanthu("check", kế_hoạch(office))
    en = vanthu("--lang", "en", "check", kế_hoạch(office))
    assert vi.exit_code == 1 and en.exit_code == 1, vi.output
    assert (f"dòng {line}, trường 'so_ban': YAML đọc '{typed}' thành một số vô hạn hoặc không "
            "xác định (NaN)") in said(vi), vi.output
    assert (f"line {line}, field 'so_ban': YAML reads '{typed}' as an infinite or undefined "
            "number (NaN)") in said(en), en.output
    assert "finite_number" not in vi.output + en.output


@pytest.mark.parametrize(("typed", "shown"), [(".inf", ".inf"), ("-.inf", "-.inf"),
                                              (".nan", ".nan"), ("1e400", ".inf")])
def test_the_slow_reader_says_it_too(typed: str, shown: str) -> None:
    with pytest.raises(InputError) as caught:
        _slow_load(Path("kh.yaml"), f"loai: ke_hoach\nso_ban: {typed}\n")
    error = caught.value
    assert (error.key, error.line, error.field) == ("data.number_not_finite", 2, "so_ban")
    assert f"'{shown}'" in error.message("vi")


def test_a_form_says_it_too(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        source_of_mapping({"loai": "ke_hoach", "lich": [{"so": float("nan")}]},
                          tmp_path / "kh.yaml")  # fmt: skip
    error = caught.value
    assert (error.key, error.field) == ("data.number_not_finite_plain", "lich[1].so")
    assert "số vô hạn hoặc không xác định (nan)" in error.message("vi")


@pytest.mark.parametrize("command", [["build"], ["check"]])
def test_outputs_that_may_not_be_entered_are_named(office: Path, command: list[str]) -> None:
    """The workspace's outputs/ this user may not enter: build and check name it, never an
    internal error (their first look is at the manifests there)."""
    (office / "outputs" / "2026").mkdir(parents=True, exist_ok=True)
    with unenterable(office / "outputs"):
        result = vanthu(*command)
    text = said(result)
    assert result.exit_code == 1, text
    assert "outputs" in text and "không có quyền" in text, text
