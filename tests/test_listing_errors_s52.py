"""Folders that cannot be listed, said once and never taken for empty (s52).

1. `vanthu check` in a workspace whose templates folder (mau/, mau/khoi/) cannot be listed said
   the same error once for every document: a thousand lines for a thousand documents. Now it
   says it once, before any document, as `vanthu build` and `vanthu render` say it, exit 1.
2. A year folder of outputs that cannot be listed (mode 333: files can be written there and
   opened by name, the folder cannot be read), its manifest gone, was taken for an empty one:
   `vanthu build` and `vanthu render` wrote over the outputs there, a clerk's edit and all,
   without the .sua-tay copy they keep of each file that differs when the manifest is missing,
   exit 0. Now each says it cannot read that folder, naming it, exit 1, and leaves every output
   as it was.
3. `vanthu render` recording its outputs in a year's missing manifest passed over a folder below
   it that cannot be listed and made a manifest of its own outputs alone: the next build took the
   files in that folder for no output of vanthu's. Now no such manifest is made (the next build
   compares each file there, as for any missing manifest).

Modes bind no root: each command runs in a process of its own as tests.unprivileged runs it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_unreadable_s51 import (
    CHECKED,
    NO_PERMISSION_EN,
    NO_PERMISSION_VI,
    REPORT,
    _example_office,
    _shared_cache,  # noqa: F401 (the module's autouse fixture: one templates' cache)
    built,  # noqa: F401 (the example office built once, a fixture)
    one_line,
    vanthu,
)

TEMPLATES_VI = "không đọc được thư mục mẫu"
YEAR = "outputs/2022"
UNLISTED_EN = f"the output folder {YEAR} could not be read ({NO_PERMISSION_EN})"
UNLISTED_VI = f"không đọc được thư mục kết quả {YEAR} ({NO_PERMISSION_VI})"
EDITED = "outputs/2022/qd-giay-khen.docx"
EDITED_DATA = "inputs/2022/qd-giay-khen.yaml"


@pytest.fixture
def unbuilt(tmp_path: Path) -> Path:
    """The example office, nothing built."""
    return _example_office(tmp_path)


@pytest.fixture
def unlisted(built: Path, tmp_path: Path) -> Path:  # noqa: F811
    """A copy of the built office whose outputs/2022 has lost its manifest and holds a Quyết
    định edited by hand since."""
    office = tmp_path / "office"
    shutil.copytree(built, office)
    (office / YEAR / "manifest.json").unlink()
    shutil.copy(office / YEAR / "ke-hoach-tdkt.docx", office / EDITED)  # the clerk's content
    return office


def contents(folder: Path) -> dict[str, bytes]:
    """Each file of `folder` by name, with its bytes."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def unlisted_run(office: Path, *args: str) -> tuple[int, str, str]:
    """`vanthu ARGS` while outputs/2022 cannot be listed (mode 333: written in and opened by
    name, never read): exit code, stdout and stderr on one line."""
    (office / YEAR).chmod(0o333)
    try:
        ran = vanthu(office, *args)
    finally:
        (office / YEAR).chmod(0o755)
    return ran.returncode, ran.stdout, one_line(ran.stderr)


# 1. A templates folder that cannot be listed, said once ------------------------------------


@pytest.mark.parametrize("locked", ["mau", "mau/khoi"])
def test_check_says_a_templates_folder_it_cannot_list_once(unbuilt: Path, locked: str) -> None:
    (unbuilt / locked).mkdir(parents=True)
    (unbuilt / locked).chmod(0)
    expected = f"Lỗi: {TEMPLATES_VI} {locked} ({NO_PERMISSION_VI})"
    for command in (("check",), ("check", "inputs"), ("check", CHECKED, REPORT),
                    ("build",), ("render", CHECKED, REPORT)):  # fmt: skip
        ran = vanthu(unbuilt, "--lang", "vi", *command)
        said = one_line(ran.stderr)
        assert ran.returncode == 1, (command, said)
        assert said.count(TEMPLATES_VI) == 1 and expected in said, (command, said)
        assert "Hợp lệ" not in ran.stdout, (command, ran.stdout)
    assert not (unbuilt / "outputs").exists()


# 2. A year folder of outputs that cannot be listed, its manifest gone ----------------------


def test_build_refuses_a_year_folder_of_outputs_it_cannot_list(unlisted: Path) -> None:
    before = contents(unlisted / YEAR)
    code, out, said = unlisted_run(unlisted, "--lang", "vi", "build")
    assert code == 1, (out, said)
    assert said.count(UNLISTED_VI) == 1, said  # once, for the year's documents
    assert "Lỗi: 6 văn bản chưa ghi (inputs/2022/" in said, said
    # Nothing written over (no copy needed), no manifest made that vouches for nothing.
    assert contents(unlisted / YEAR) == before


def test_render_refuses_a_year_folder_of_outputs_it_cannot_list(unlisted: Path) -> None:
    before = contents(unlisted / YEAR)
    code, out, said = unlisted_run(unlisted, "--lang", "en", "render", EDITED_DATA)
    assert code == 1, (out, said)
    assert f"Error: {UNLISTED_EN}" in said, said
    assert "Rendered" not in out, out
    assert contents(unlisted / YEAR) == before


# 3. A manifest made by render beside a folder it cannot list -------------------------------


def test_render_makes_no_manifest_beside_a_folder_it_cannot_list(
    built: Path, tmp_path: Path  # noqa: F811
) -> None:
    office = tmp_path / "office"
    shutil.copytree(built, office)
    year = office / "outputs" / "2016"
    (year / "manifest.json").unlink()
    below = year / "phong-a"
    below.mkdir()
    shutil.copy(office / EDITED, below / "qd-sua-tay.docx")  # a clerk's, no manifest names it
    below.chmod(0)
    try:
        ran = vanthu(office, "--lang", "en", "render", "inputs/2016/qd-bang-khen-thu-tuong.yaml")
    finally:
        below.chmod(0o755)
    said = one_line(ran.stderr)
    assert ran.returncode == 0, said
    assert (year / "qd-bang-khen-thu-tuong.docx").is_file()
    # Made of this output alone, it would tell the next build that no file of phong-a/ is
    # vanthu's; without it, the next build compares each of them, as the warning says.
    assert not (year / "manifest.json").exists()
    assert "The next vanthu build compares the other files in outputs/2016" in said, said


# 4. A year folder of outputs that cannot be read at all (with recorded.patch) --------------


def test_a_year_folder_of_outputs_that_cannot_be_read_is_said(
    built: Path, tmp_path: Path  # noqa: F811
) -> None:
    """Recorded.read's glob took outputs/2022 (mode 0) for a year without a manifest: check and
    render missed the number 153 an output there holds (exit 0, the copy rendered), and build
    said the folder could not take a file."""
    office = tmp_path / "office"
    shutil.copytree(built, office)
    copy = "inputs/2022/qd-giay-khen-ban-sao.yaml"  # typing the number 153 again
    shutil.copy(office / EDITED_DATA, office / copy)
    elsewhere = tmp_path / "ban-sao.docx"
    (office / YEAR).chmod(0)
    try:
        runs = [vanthu(office, "--lang", "en", *command) for command in (
            ("check", copy), ("render", copy, "-o", str(elsewhere)), ("build",))]  # fmt: skip
    finally:
        (office / YEAR).chmod(0o755)
    for ran in runs:
        said = one_line(ran.stderr)
        assert ran.returncode == 1, (ran.args, said)
        assert UNLISTED_EN in said, (ran.args, said)
    assert not elsewhere.exists()


# 5. A problem every document shares, said once by check ---------------------------------------


def test_check_says_a_problem_its_documents_share_once(
    built: Path, tmp_path: Path  # noqa: F811
) -> None:
    """An unreadable outputs/ (whose manifests hold the numbers check compares) failed every
    document with the same words: check said them once a document, a line for each of the
    office's eight documents. Now one line, with how many documents it failed and the first
    of them."""
    office = tmp_path / "office"
    shutil.copytree(built, office)
    (office / "outputs").chmod(0)
    try:
        ran = vanthu(office, "--lang", "vi", "check")
    finally:
        (office / "outputs").chmod(0o755)
    assert ran.returncode == 1, ran.stderr
    (line,) = ran.stderr.splitlines()
    assert line.startswith("Lỗi: 8 văn bản (inputs/2016/qd-bang-khen-thu-tuong.yaml, "), line
    assert "không đọc được thư mục kết quả outputs (" in line, line
