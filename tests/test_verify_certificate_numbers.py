"""vanthu verify on a Giấy khen batch: each page prints the số vào sổ its batch gives the person
it names, as the manifest beside the output records it (Entry.so_vao_so_cap); a batch with no
such manifest beside it cannot be told and is not checked."""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch import build
from pipeline.cli import main
from pipeline.workspace import Workspace
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace

YEAR = "2024"


@pytest.fixture(autouse=True)
def _own_register(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each workspace's own register, whatever the machine's VANTHU_DB says."""
    monkeypatch.delenv("VANTHU_DB", raising=False)


def built(root: Path) -> Path:
    """The workspace at `root` built; the batch's output (numbers 1201–1207 in list order)."""
    assert build(Workspace.containing(root / "vanthu.yaml"), jobs=1).ok
    return root / "outputs" / YEAR / "giay-khen.docx"


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """The example list's batch built from so_vao_so: 1201: its output."""
    workspace(tmp_path, example_rows(), CERTIFICATE)
    return built(tmp_path)


def replaced(docx: Path, *changes: tuple[str, str]) -> None:
    """The batch's text edited in place, as by hand in Word: each (old, new) once."""
    with zipfile.ZipFile(docx) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    for old, new in changes:
        assert xml.count(old) == 1, old
        xml = xml.replace(old, new)
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def verify(docx: Path, *options: str):
    return CliRunner().invoke(main, ["--lang", "vi", "verify", *options, str(docx)])


def test_a_built_batch_passes(batch: Path) -> None:
    result = verify(batch)
    assert result.exit_code == 0, result.output


def test_a_page_printing_another_number_fails_naming_page_name_and_both_numbers(
    batch: Path,
) -> None:
    replaced(batch, ("Số vào sổ: 1203", "Số vào sổ: 1230"))
    result = verify(batch)
    assert result.exit_code == 1, result.output
    problems = [line for line in result.output.splitlines() if "[giay_khen.so_vao_so]" in line]
    assert len(problems) == 1, result.output
    assert "trang 3" in problems[0] and "Hoàng Văn Minh" in problems[0]
    assert "số vào sổ 1230" in problems[0] and "cần số vào sổ 1203" in problems[0]
    assert "manifest.json" in problems[0]


def test_two_pages_with_their_numbers_swapped_both_fail(batch: Path) -> None:
    replaced(batch, ("Số vào sổ: 1201", "Số vào sổ: X"), ("Số vào sổ: 1202", "Số vào sổ: 1201"),
             ("Số vào sổ: X", "Số vào sổ: 1202"))  # fmt: skip
    result = verify(batch, "--format", "json")
    assert result.exit_code == 1, result.output
    found = [v["found"] for v in _violations(result.output)]
    assert found == ["trang 1, «Nguyễn Văn Hùng»: số vào sổ 1202",
                     "trang 2, «Lò Thị Thanh»: số vào sổ 1201"]  # fmt: skip


def test_a_name_the_batch_does_not_hold_fails(batch: Path) -> None:
    replaced(batch, ("Cầm Thị Mai", "Cầm Thị Mây"))
    result = verify(batch)
    assert result.exit_code == 1, result.output
    assert "trang 5, «Cầm Thị Mây»: số vào sổ 1205" in result.output
    assert "tên có trong sổ của đợt khen" in result.output


def test_numbers_follow_the_person_not_the_page(tmp_path: Path) -> None:
    """A row added at the top of the list after the batch was built takes the next number
    (1208) on page 1, every other person keeping theirs: verify passes it, and a page 1
    printing the first number of the batch fails."""
    rows = example_rows()
    source = workspace(tmp_path, rows, CERTIFICATE)
    built(tmp_path)
    added = dict(rows[0], **{"Họ và tên": "Lò Thị Mai"})
    with (source.parent / "danh-sach-bang-khen-ubnd-tinh.csv").open(
        "w", encoding="utf-8", newline=""
    ) as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([added, *rows])
    docx = built(tmp_path)
    assert verify(docx).exit_code == 0, verify(docx).output
    replaced(docx, ("Số vào sổ: 1208", "Số vào sổ: 1200"))
    result = verify(docx)
    assert result.exit_code == 1 and "«Lò Thị Mai»: số vào sổ 1200" in result.output
    assert "cần số vào sổ 1208" in result.output, result.output


def test_a_batch_away_from_its_manifest_is_not_checked(batch: Path, tmp_path: Path) -> None:
    """Copied out of the output folder, nothing says which number each person has."""
    replaced(batch, ("Số vào sổ: 1203", "Số vào sổ: 1230"))
    away = tmp_path / "ban-sao" / "giay-khen.docx"
    away.parent.mkdir()
    shutil.copy(batch, away)
    result = verify(away)
    assert result.exit_code == 0, result.output


def _violations(output: str) -> list[dict]:
    """Every violation of verify's JSON output."""
    return [v for f in json.loads(output)["files"] for v in f["violations"]]
