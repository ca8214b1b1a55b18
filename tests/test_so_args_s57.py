"""The `so` commands' arguments: `so cap --nguon` typed from a subfolder of the workspace names
the data file the build numbered (command._source_name), and the arguments' names in the help,
the usage errors and the messages are NĂM / SỐ in Vietnamese, YEAR / NUMBER in English.

A clerk in inputs/2026/ typing `vanthu so cap --nguon ke-hoach.yaml ...` used to be matched
literally against the register's sources (inputs/2026/ke-hoach.yaml): the built Kế hoạch was
not recognised, and a second number was given to it. `vanthu so xem --help` used to show its
argument as NAM, `so huy --help` as SO: Vietnamese without its diacritics.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.i18n import set_language
from pipeline.messages import CATALOGUE
from pipeline.register import Entry, open_register
from pipeline.starters import write_starter
from pipeline.workspace.init import OfficeAnswers, init_workspace

TODAY = date(2026, 3, 2)
ANSWERS = OfficeAnswers(
    kieu="van-phong", dia_danh="Sơn La", nguoi_ky="Nguyễn Văn A", viet_tat="VPUBND"
)
PLAN = "inputs/2026/ke-hoach.yaml"
# NAM or SO written as a word of its own: an argument's name without its diacritics (not
# SO-DI-2026.xlsx, a file's name, nor VIỆT NAM, which no register message says).
UNDIACRITISED = re.compile(r"(?<![\w-])(NAM|SO)(?![\w-])")


@pytest.fixture(autouse=True)
def _a_new_process() -> None:
    set_language("vi")


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def said(result: Result) -> str:
    return " ".join(result.output.split())


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace whose build numbered its Kế hoạch 01/KH-VPUBND, in its own register file."""
    made = init_workspace(tmp_path / "ws", ANSWERS, today=TODAY)
    monkeypatch.chdir(made.root)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    path = made.root / PLAN
    write_starter("ke-hoach", path, force=True, today=TODAY)
    text = re.sub(r"^so:[^\n#]*", "so: tu_dong  ", path.read_text("utf-8"), count=1, flags=re.M)
    path.write_text(text, "utf-8")
    built = vanthu("build")
    assert built.exit_code == 0, built.output
    assert [e.reference for e in rows(made.root)] == ["01/KH-VPUBND"]
    return made.root


def rows(root: Path) -> list[Entry]:
    with open_register(root / "so-van-ban.sqlite3") as register:
        return register.entries(2026)


def cap_columns(entry: Entry) -> list[str]:
    """The columns of `entry` as `so cap` types them: the same document."""
    details = entry.details
    assert details.doc_date is not None and details.symbol and details.summary
    return ["--ngay", details.doc_date.strftime("%d/%m/%Y"), "--ky-hieu", details.symbol,
            "--trich-yeu", details.summary]


# -- so cap --nguon from a subfolder -----------------------------------------------------------


@pytest.mark.parametrize("typed", ["ke-hoach.yaml", "./ke-hoach.yaml", "../2026/ke-hoach.yaml"])
def test_the_built_file_typed_from_its_folder_keeps_its_number(
    root: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    before = rows(root)
    monkeypatch.chdir(root / "inputs" / "2026")
    result = vanthu("so", "cap", "--nguon", typed, *cap_columns(before[0]))
    assert result.exit_code == 0, result.output
    assert f"{PLAN} đã có số 01/KH-VPUBND (cấp khi dựng văn bản từ tệp này" in said(result)
    assert rows(root) == before  # no second number for the built Kế hoạch


def test_the_built_file_typed_absolute_keeps_its_number(root: Path) -> None:
    before = rows(root)
    result = vanthu("so", "cap", "--nguon", str(root / PLAN), "-q", *cap_columns(before[0]))
    assert result.exit_code == 0 and result.output == "01/KH-VPUBND\n", result.output
    assert rows(root) == before


def test_other_columns_typed_from_the_subfolder_are_refused_as_from_the_root(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = rows(root)
    columns = cap_columns(before[0])
    columns[-1] = "Nội dung khác hẳn"
    monkeypatch.chdir(root / "inputs")
    result = vanthu("so", "cap", "--nguon", "2026/ke-hoach.yaml", *columns)
    assert result.exit_code == 1, result.output
    assert f"chưa ghi gì vào sổ: {PLAN} là tệp dữ liệu của văn bản vanthu đã dựng" in said(
        result)
    assert rows(root) == before


def test_a_paper_letter_is_one_source_wherever_it_is_typed_from(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name no file has is a path from the current folder too: typed in inputs/2026/, and
    then with that folder from the workspace's, it is the same source, given one number."""
    letter = ["--ngay", "02/03/2026", "--ky-hieu", "VPUBND-VP", "--trich-yeu", "Thư mời"]
    monkeypatch.chdir(root / "inputs" / "2026")
    assert vanthu("so", "cap", "--nguon", "thu.docx", *letter).exit_code == 0
    assert rows(root)[-1].source == "inputs/2026/thu.docx"
    monkeypatch.chdir(root)
    again = vanthu("so", "cap", "--nguon", "inputs/2026/thu.docx", *letter)
    assert again.exit_code == 0, again.output
    assert "inputs/2026/thu.docx đã có số 02/VPUBND-VP (cấp trước đây" in said(again)
    assert [(e.reference, e.source) for e in rows(root)] == [
        ("01/KH-VPUBND", PLAN), ("02/VPUBND-VP", "inputs/2026/thu.docx")]
    # Typed in the workspace's folder, a name stays as typed (README: `--nguon FILE`).
    assert vanthu("so", "cap", "--nguon", "cv.docx", *letter).exit_code == 0
    assert rows(root)[-1].source == "cv.docx"


def test_the_other_paths_of_so_are_from_the_current_folder(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-o of so xuat, the file of so nhap and --db: typed from the subfolder, found there (as
    they were before --nguon was: each is a path Click gives as typed, opened from here)."""
    here = root / "inputs" / "2026"
    monkeypatch.chdir(here)
    exported = vanthu("so", "xuat", "2026", "-o", "so-2026.xlsx")
    assert exported.exit_code == 0, exported.output
    assert (here / "so-2026.xlsx").is_file()
    imported = vanthu("so", "--db", "../../khac.sqlite3", "nhap", "so-2026.xlsx")
    assert imported.exit_code == 0, imported.output
    with open_register(root / "khac.sqlite3") as register:
        assert [(e.reference, e.source) for e in register.entries(2026)] == [
            ("01/KH-VPUBND", PLAN)]


# -- the arguments' names ----------------------------------------------------------------------


def _help(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], prog_name="vanthu")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(("command", "vietnamese", "english"), [
    ("xem", "NĂM", "YEAR"),
    ("kiem-tra", "NĂM", "YEAR"),
    ("khoi-phuc", "NĂM", "YEAR"),
    ("xuat", "NĂM", "YEAR"),
    ("huy", "SỐ", "NUMBER"),
    ("vao-so", "SỐ", "NUMBER"),
])  # fmt: skip
def test_the_arguments_are_named_with_their_diacritics_and_in_english(
    command: str, vietnamese: str, english: str
) -> None:
    said_vi = _help("--lang", "vi", "so", command)
    said_en = _help("--lang", "en", "so", command)
    assert said_vi.startswith(f"Cách dùng: vanthu so {command} [TÙY_CHỌN] {vietnamese}\n")
    assert said_en.startswith(f"Usage: vanthu so {command} [OPTIONS] {english}\n")
    for output in (said_vi, said_en):
        assert not UNDIACRITISED.search(output), output


def test_no_so_command_names_an_argument_without_diacritics() -> None:
    group = main.commands["so"]
    assert isinstance(group, click.Group)
    for name in [None, *group.commands]:
        for lang in ("vi", "en"):
            output = _help("--lang", lang, "so", *([name] if name else []))
            assert not UNDIACRITISED.search(output), output


@pytest.mark.parametrize(("args", "vietnamese", "english"), [
    (["so", "xem"], "'NĂM'", "'YEAR'"),
    (["so", "huy", "--ly-do", "x"], "'SỐ'", "'NUMBER'"),
])  # fmt: skip
def test_a_missing_argument_is_named_as_the_help_names_it(
    args: list[str], vietnamese: str, english: str
) -> None:
    for lang, words in (("vi", f"Lỗi: thiếu tham số {vietnamese}."),
                        ("en", f"Error: missing argument {english}.")):
        result = CliRunner().invoke(main, ["--lang", lang, *args])
        assert result.exit_code == 2 and words in result.output, result.output


def test_no_message_names_an_argument_without_diacritics() -> None:
    """The lines a message gives to run (vanthu so vao-so SỐ --ngay NGÀY ...) name the
    arguments as the help does."""
    found = [(key, lang) for key, entry in CATALOGUE.items()
             if key.startswith(("register.", "help.", "cli."))
             for lang, text in entry.items() if UNDIACRITISED.search(text)]  # fmt: skip
    assert not found


def test_a_message_naming_the_number_argument(root: Path) -> None:
    args = ("so", "cap", "--ngay", "02/03/2026", "--ky-hieu", "05/VPUBND-VP", "--trich-yeu", "x")
    vietnamese = vanthu(*args)
    assert vietnamese.exit_code == 1 and "(hoặc ghi ở SỐ của vao-so)" in said(vietnamese)
    english = vanthu("--lang", "en", *args)
    assert english.exit_code == 1 and "(or vao-so takes it as NUMBER)" in said(english)
