"""render -o onto another document's output, and reading errors in the user's words (s50f).

5. render -o to a file of the workspace's own outputs folder that another document's output
   is: refused, as it was, but said to be "outside the workspace's outputs folder", which it is
   not. Now it names whose output it is; a file there no manifest records is said to be in the
   outputs folder, and one elsewhere as before.
6. A name too long for the system (ENAMETOOLONG) read or written was said in the OS's English
   ("File name too long") inside a Vietnamese sentence; so were a folder read as a file
   (EISDIR) and a disk failing under a read (EIO, ESTALE).
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.messages import CATALOGUE
from pipeline.render import output
from pipeline.render.output import ReadReason, os_words
from tests.cli_lines import said

REPO = Path(__file__).resolve().parents[1]
DECISION = "inputs/2022/qd-giay-khen.yaml"
OTHER = "inputs/2022/qd-lao-dong-tien-tien.yaml"
OTHER_OUTPUT = "outputs/2022/qd-lao-dong-tien-tien.docx"


@pytest.fixture
def workspace(example_here: Path) -> Path:
    """A copy of the example workspace, as the current folder (conftest.example_here)."""
    return example_here


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# 5. -o onto a file of the workspace's outputs folder -------------------------------------------


def test_another_documents_output_is_named_as_such(workspace: Path) -> None:
    assert vanthu("render", OTHER).exit_code == 0  # its output, recorded in the manifest
    before = (workspace / OTHER_OUTPUT).read_bytes()
    result = vanthu("render", DECISION, "-o", OTHER_OUTPUT)
    assert result.exit_code == 1
    text = said(result)
    assert (f"{OTHER_OUTPUT} là tệp kết quả của {OTHER} trong thư mục kết quả của thư mục làm "
            f"việc, không phải của {DECISION}") in text, text  # fmt: skip
    assert "ở ngoài thư mục kết quả" not in text
    english = said(vanthu("--lang", "en", "render", DECISION, "-o", OTHER_OUTPUT))
    assert f"is the output of {OTHER} in the workspace's outputs folder" in english, english
    assert "outside" not in english
    assert (workspace / OTHER_OUTPUT).read_bytes() == before


def test_a_file_no_manifest_records_in_the_outputs_folder(workspace: Path) -> None:
    stray = workspace / "outputs" / "2022" / "ban-nhap.docx"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"the clerk's own")
    result = vanthu("render", DECISION, "-o", "outputs/2022/ban-nhap.docx")
    assert result.exit_code == 1
    text = said(result)
    assert ("outputs/2022/ban-nhap.docx đã có trong thư mục kết quả của thư mục làm việc, nhưng "
            f"không phải chỗ vanthu ghi kết quả của {DECISION}") in text, text  # fmt: skip
    assert stray.read_bytes() == b"the clerk's own"


def test_a_file_outside_the_outputs_folder_is_said_as_before(workspace: Path) -> None:
    (workspace / "ban-nhap.docx").write_bytes(b"the clerk's own")
    text = said(vanthu("render", DECISION, "-o", "ban-nhap.docx"))
    assert "ban-nhap.docx đã có; tệp ở ngoài thư mục kết quả của thư mục làm việc" in text, text


# 6. the OS's reasons in the user's words ------------------------------------------------------


@pytest.mark.parametrize(
    "code", [errno.ENAMETOOLONG, errno.EISDIR, errno.EIO, getattr(errno, "ESTALE", errno.EIO)]
)
def test_common_read_errors_are_said_in_the_users_words(code: int) -> None:
    reason = ReadReason(OSError(code, "the OS's English", "x"))
    assert "the OS's English" not in reason.describe("vi")
    assert "the OS's English" not in reason.describe("en")


def test_every_reason_mapped_is_in_the_catalogue() -> None:
    for key in (*output._READ_REASONS.values(), *output._OS_REASONS.values()):
        assert set(CATALOGUE[key]) >= {"vi", "en"}, key


def test_a_list_name_too_long_is_said_in_vietnamese(workspace: Path) -> None:
    path = workspace / DECISION
    long_name = "a" * 300 + ".csv"
    path.write_text(path.read_text("utf-8").replace("danh-sach-giay-khen-2022.csv", long_name))
    result = vanthu("render", DECISION, "-o", "out.docx")
    assert result.exit_code == 1
    text = said(result)
    assert "tên tệp hoặc thư mục quá dài" in text and "File name too long" not in text, text


def test_an_output_name_too_long_is_said_in_vietnamese(workspace: Path) -> None:
    result = vanthu("render", DECISION, "-o", "b" * 300 + ".docx")
    assert result.exit_code == 1
    text = said(result)
    assert "tên tệp hoặc thư mục quá dài" in text and "File name too long" not in text, text
    assert "File name too long" not in os_words(OSError(errno.ENAMETOOLONG, "File name too long"))
