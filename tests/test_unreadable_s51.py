"""Folders and files the user may not read, met through the command line (s51).

1. A year folder of the data that cannot be listed (chmod 000 inputs/2016) was skipped as if
   empty: `vanthu check` passed, `vanthu build` marked that year's outputs "đã xóa" and
   removed them, exit 0; a báo cáo counted a year whose folder could not be read as one
   without decisions. Now each says it cannot read that folder, naming it, exit 1, and
   nothing is removed nor made from partial figures.
2. `vanthu verify` passed over a folder below those it checks that cannot be listed and said
   every file passed, exit 0. Now the folder is reported in its place as a file that cannot be
   read (exit 2, an error line, an `error` field in JSON), the others still checked; so is a
   file named that cannot be read (Click refused the whole command for it).
3. `vanthu verify FOLDER` found only files ending in ".docx" as typed: BAOCAO.DOCX, which
   verify_file checks when named, was never looked at and the folder passed.
4. A templates folder that cannot be listed (mau/, mau/khoi/, --templates) was vanthu's
   internal error (PermissionError) in every command; a template that cannot be read was "not
   a valid .docx" with Python's English errno text. Now each is said as it is, naming it.
5. vanthu.yaml, or the agency profiles' folder (inputs/co-quan/), that cannot be read: vanthu's
   internal error. Now "không đọc được tệp …: không có quyền đọc", naming the file.

Modes bind no root: each command runs in a process of its own as tests.unprivileged runs it
(root without its capabilities, whom the mode of the files it owns then binds).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt

from tests.unprivileged import unprivileged

REPO = Path(__file__).resolve().parents[1]
CHECKED = "inputs/2022/ke-hoach-tdkt.yaml"
REPORT = "inputs/2022/bao-cao-tong-ket.yaml"
PROFILE = "inputs/co-quan/van-phong-ubnd-son-la.yaml"
INTERNAL = ("Lỗi nội bộ", "internal error", "Traceback")
NO_PERMISSION_VI = "không có quyền đọc"
NO_PERMISSION_EN = "permission denied"


@pytest.fixture(scope="module", autouse=True)
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The prepared templates' cache the module's commands share (VANTHU_CACHE_DIR)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VANTHU_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


def vanthu(office: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`vanthu ARGS` run in `office` by a user whom the files' modes bind (unprivileged), its
    output checked to hold no internal error."""
    env = {**os.environ, "HOME": str(office.parent)}
    env.pop("VANTHU_DB", None)
    command = "from pipeline.cli import main; main(prog_name='vanthu')"
    ran = subprocess.run(
        [*unprivileged(), sys.executable, "-c", command, *args],
        cwd=office, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert not any(words in ran.stdout + ran.stderr for words in INTERNAL), ran.stderr
    return ran


def one_line(text: str) -> str:
    return " ".join(text.split())


def _example_office(scratch: Path) -> Path:
    """The example office of the repository, with the years 2016, 2021 and 2022."""
    office = scratch / "office"
    (office / "inputs").mkdir(parents=True)
    shutil.copy(REPO / "vanthu.yaml", office)
    for folder in ("co-quan", "2016", "2021", "2022"):
        shutil.copytree(REPO / "inputs" / folder, office / "inputs" / folder)
    return office


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example office, built once (by the user the commands run as)."""
    office = _example_office(tmp_path_factory.mktemp("built"))
    ran = vanthu(office, "--lang", "vi", "build")
    assert ran.returncode == 0, ran.stderr
    return office


@pytest.fixture
def office(built: Path, tmp_path: Path) -> Path:
    """A copy of the built example office, this test's own."""
    copy = tmp_path / "office"
    shutil.copytree(built, copy)
    return copy


@pytest.fixture
def unbuilt(tmp_path: Path) -> Path:
    """The example office, nothing built (no manifest lists its data files)."""
    return _example_office(tmp_path)


# 1. A data folder that cannot be listed --------------------------------------------------


def test_build_and_check_refuse_a_year_folder_that_cannot_be_listed(office: Path) -> None:
    outputs = sorted(p.name for p in (office / "outputs" / "2016").iterdir())
    assert "qd-bang-khen-thu-tuong.docx" in outputs
    (office / "inputs" / "2016").chmod(0)
    ran = vanthu(office, "--lang", "en", "build")
    said = one_line(ran.stderr)
    assert ran.returncode == 1, (ran.stdout, said)
    assert f"inputs/2016: this folder could not be read ({NO_PERMISSION_EN})" in said, said
    assert "removed" not in ran.stdout, ran.stdout
    # Nothing was removed.
    assert sorted(p.name for p in (office / "outputs" / "2016").iterdir()) == outputs
    ran = vanthu(office, "--lang", "vi", "check")
    said = one_line(ran.stderr)
    assert ran.returncode == 1, (ran.stdout, said)
    assert f"inputs/2016: không đọc được thư mục này ({NO_PERMISSION_VI})" in said, said


def test_report_is_not_made_without_a_year_it_cannot_read(unbuilt: Path) -> None:
    (unbuilt / "inputs" / "2021").chmod(0)
    ran = vanthu(unbuilt, "--lang", "vi", "render", REPORT)
    said = one_line(ran.stderr)
    assert ran.returncode == 1, (ran.stdout, said)
    assert f"{REPORT}, dòng" in said and "trường 'nam'" in said, said
    assert f"không đọc được thư mục inputs/2021 ({NO_PERMISSION_VI})" in said, said
    assert "không có quyết định khen thưởng nào" not in said
    assert not (unbuilt / "outputs" / "2022" / "bao-cao-tong-ket.docx").exists()


def test_render_of_another_document_is_not_failed_by_a_year_it_cannot_read(
    unbuilt: Path,
) -> None:
    """A document that needs no other year renders (exit 0) though a year folder cannot be
    read: only whether its output is one a build makes (the render's record) is left unknown."""
    (unbuilt / "inputs" / "2021").chmod(0)
    ran = vanthu(unbuilt, "--lang", "vi", "render", CHECKED)
    assert ran.returncode == 0, (ran.stdout, ran.stderr)
    assert (unbuilt / "outputs" / "2022" / "ke-hoach-tdkt.docx").is_file()


# 2. verify: a folder below those it checks that cannot be listed -------------------------


def test_verify_reports_a_folder_it_cannot_list(office: Path) -> None:
    (office / "outputs" / "2022").chmod(0)
    ran = vanthu(office, "--lang", "vi", "verify")
    said = one_line(ran.stderr)
    assert ran.returncode == 2, (ran.stdout, said)
    assert f"outputs/2022: không đọc được thư mục ({NO_PERMISSION_VI})" in said, said
    # The others are still checked, and counted.
    assert "outputs/2016/qd-bang-khen-thu-tuong.docx: đạt" in ran.stdout, ran.stdout
    assert "3 tệp, 0 tệp có vi phạm, 1 tệp không đọc được" in ran.stdout, ran.stdout

    ran = vanthu(office, "--lang", "en", "verify", "outputs", "--format", "json")
    assert ran.returncode == 2, ran.stderr
    files = {item["path"]: item for item in json.loads(ran.stdout)["files"]}
    assert "the folder could not be read (permission denied)" in files["outputs/2022"]["error"]
    assert files["outputs/2021/qd-lao-dong-tien-tien.docx"]["ok"] is True


def test_verify_checks_the_others_beside_a_path_it_cannot_read(office: Path) -> None:
    (office / "outputs" / "2022").chmod(0)
    unreadable = office / "outputs" / "2021" / "qd-lao-dong-tien-tien.docx"
    unreadable.chmod(0)
    named = ("outputs/2022", str(unreadable.relative_to(office)),
             "outputs/2016/qd-bang-khen-thu-tuong.docx")  # fmt: skip
    ran = vanthu(office, "--lang", "vi", "verify", *named)
    said = one_line(ran.stderr)
    assert ran.returncode == 2, (ran.stdout, said)
    assert "outputs/2022: không đọc được thư mục" in said, said
    assert "outputs/2021/qd-lao-dong-tien-tien.docx: không đọc được tệp" in said, said
    assert "outputs/2016/qd-bang-khen-thu-tuong.docx: đạt" in ran.stdout, ran.stdout


# 3. verify: files found whatever the case of their suffix --------------------------------


def test_verify_folder_checks_a_docx_named_in_capitals(built: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    folder = tmp_path / "nop"
    folder.mkdir()
    good = built / "outputs" / "2022" / "ke-hoach-tdkt.docx"
    shutil.copy(good, folder / "good.docx")
    document = Document(str(good))
    document.styles["NoiDung"].font.size = Pt(12)  # body text at 12 pt: Phụ lục I asks 13-14
    document.save(str(folder / "BAOCAO.DOCX"))
    # Still skipped: Word's lock files and hidden files, whatever their case.
    for skipped in ("~$BAOCAO.DOCX", ".BAOCAO.DOCX"):
        (folder / skipped).write_bytes(b"not a docx")
    ran = CliRunner().invoke(main, ["--lang", "vi", "verify", str(folder)])
    assert ran.exit_code == 1, ran.output
    assert "nop/BAOCAO.DOCX: đoạn" in ran.output and "[noi_dung.size]" in ran.output, ran.output
    assert "2 tệp, 1 tệp có vi phạm" in ran.output, ran.output
    assert "~$" not in ran.output and ".BAOCAO" not in ran.output, ran.output


# 4. Templates that cannot be read ----------------------------------------------------------


@pytest.mark.parametrize(
    ("locked", "command"),
    [
        ("mau", ("check", CHECKED)),
        ("mau", ("templates", "list")),
        ("mau/khoi", ("render", CHECKED)),
    ],
)
def test_a_templates_folder_that_cannot_be_listed_is_named(
    unbuilt: Path, locked: str, command: tuple[str, ...]
) -> None:
    (unbuilt / locked).mkdir(parents=True)
    (unbuilt / locked).chmod(0)
    ran = vanthu(unbuilt, "--lang", "vi", *command)
    said = one_line(ran.stderr)
    assert ran.returncode == 1, said
    assert f"không đọc được thư mục mẫu {locked} ({NO_PERMISSION_VI})" in said, said
    assert not (unbuilt / "outputs").exists()
    if command[0] == "templates":
        ran = vanthu(unbuilt, "--lang", "en", *command)
        said = one_line(ran.stderr)
        assert ran.returncode == 1, said
        assert f"the templates folder {locked} could not be read ({NO_PERMISSION_EN})" in said


def test_templates_option_naming_a_folder_that_cannot_be_listed(unbuilt: Path) -> None:
    (unbuilt / "tpl").mkdir()
    (unbuilt / "tpl").chmod(0)
    ran = vanthu(unbuilt, "--lang", "vi", "--templates", "tpl", "check", CHECKED)
    said = one_line(ran.stderr)
    assert ran.returncode != 0, said
    # Said by the library (exit 1), or refused as Click refuses an option it cannot read.
    assert "tpl" in said and "không có quyền" in said, said


def test_a_template_that_cannot_be_read_is_not_called_damaged(unbuilt: Path) -> None:
    (unbuilt / "mau").mkdir(mode=0o777)
    shutil.copy(REPO / "templates" / "ke-hoach.docx", unbuilt / "mau")
    (unbuilt / "mau").chmod(0o777)
    (unbuilt / "mau" / "ke-hoach.docx").chmod(0)
    for lang, words in (("vi", "mau/ke-hoach.docx: không đọc được tệp mẫu (không có quyền đọc"),
                        ("en", "mau/ke-hoach.docx: the template file could not be read "
                               "(permission denied")):  # fmt: skip
        ran = vanthu(unbuilt, "--lang", lang, "check", CHECKED)
        said = one_line(ran.stderr)
        assert ran.returncode == 1, said
        assert words in said, said
        assert "Errno" not in said and "hợp lệ" not in said and "valid" not in said, said
        if lang == "vi":
            assert "Permission denied" not in said, said


# 5. Settings and agency profiles that cannot be read --------------------------------------


def test_a_settings_file_that_cannot_be_read_is_named(unbuilt: Path) -> None:
    (unbuilt / "vanthu.yaml").chmod(0)
    for command in (("check", CHECKED), ("build",), ("verify",)):
        ran = vanthu(unbuilt, "--lang", "vi", *command)
        said = one_line(ran.stderr)
        assert ran.returncode == 1, (command, said)
        assert f"vanthu.yaml: không đọc được tệp ({NO_PERMISSION_VI}" in said, (command, said)


def test_an_agency_folder_that_cannot_be_read_is_named(unbuilt: Path) -> None:
    (unbuilt / "inputs" / "co-quan").chmod(0)
    for lang, command in (("en", "check"), ("en", "render")):
        ran = vanthu(unbuilt, "--lang", lang, command, CHECKED)
        said = one_line(ran.stderr)
        assert ran.returncode == 1, (command, said)
        assert f"{PROFILE}: cannot read the file ({NO_PERMISSION_EN}" in said, (command, said)
    assert not (unbuilt / "outputs").exists()
