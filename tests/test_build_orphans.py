"""vanthu build removes the outputs it wrote whose input no longer produces them (renamed,
deleted, moved to another year, dated into another year), keeps those edited by hand since
with a warning, and never touches a file no manifest records."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.batch import BuildResult, Status, build
from pipeline.workspace import Workspace

JOBS = 2
NOTICE = "2024/tb-lich-cong-tac-tuan"  # so: 08, ngay: 09/02/2024
LETTER = "2024/cv-don-doc-bao-cao-tdkt"


def run_build(inputs: Path, out: Path, *, force: bool = False, keep_going: bool = False):
    workspace = Workspace.containing(inputs).with_output(out)
    return build(workspace, inputs, jobs=JOBS, force=force, keep_going=keep_going)


def rows(result: BuildResult, status: Status) -> dict[str, list[Path]]:
    return {
        d.name: [p for p in (d.output, d.pdf) if p is not None]
        for d in result.documents
        if d.status is status
    }


def recorded(out: Path, year: str) -> dict:
    return json.loads((out / year / "manifest.json").read_text("utf-8"))["documents"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def invoke(cli: click.Group, inputs: Path, out: Path, *more: str):
    return CliRunner().invoke(cli, ["build", str(inputs), "-o", str(out), "-j", str(JOBS), *more])


@pytest.fixture
def out(inputs_copy: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    assert run_build(inputs_copy, folder).ok
    assert (folder / f"{NOTICE}.docx").is_file() and (folder / f"{LETTER}.docx").is_file()
    return folder


def test_renamed_input_removes_its_old_output(inputs_copy: Path, out: Path) -> None:
    (inputs_copy / f"{NOTICE}.yaml").rename(inputs_copy / "2024" / "tb-moi.yaml")
    result = run_build(inputs_copy, out)
    assert result.ok
    old = out / f"{NOTICE}.docx"
    assert not old.exists() and (out / "2024" / "tb-moi.docx").is_file()
    assert rows(result, Status.REMOVED) == {f"inputs/{NOTICE}.yaml": [old]}
    assert f"inputs/{NOTICE}.yaml" not in recorded(out, "2024")
    assert rows(run_build(inputs_copy, out), Status.REMOVED) == {}  # once only


def test_deleted_input_removes_its_output_and_says_so(
    cli: click.Group, inputs_copy: Path, out: Path
) -> None:
    (inputs_copy / f"{LETTER}.yaml").unlink()
    result = invoke(cli, inputs_copy, out)
    assert result.exit_code == 0, result.output
    assert not (out / f"{LETTER}.docx").exists()
    line = next(x for x in result.output.splitlines() if x.startswith(f"inputs/{LETTER}.yaml"))
    assert "│ đã xóa " in line and f"{LETTER}.docx" in line
    assert ", 1 đã xóa (" in result.output.splitlines()[-1]


def test_removed_is_said_in_english_too(cli: click.Group, inputs_copy: Path, out: Path) -> None:
    (inputs_copy / f"{LETTER}.yaml").unlink()
    result = CliRunner().invoke(cli, ["--lang", "en", "build", str(inputs_copy), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "│ removed " in result.output and ", 1 removed (" in result.output


def test_input_moved_to_another_year_folder(inputs_copy: Path, out: Path) -> None:
    (inputs_copy / f"{NOTICE}.yaml").rename(inputs_copy / "2022" / "tb-lich-cong-tac-tuan.yaml")
    result = run_build(inputs_copy, out)
    assert result.ok
    assert not (out / f"{NOTICE}.docx").exists()
    assert (out / "2022" / "tb-lich-cong-tac-tuan.docx").is_file()
    assert set(rows(result, Status.REMOVED)) == {f"inputs/{NOTICE}.yaml"}


def test_top_level_input_dated_into_another_year(inputs_copy: Path, out: Path) -> None:
    moved = inputs_copy / "tb-lich.yaml"
    (inputs_copy / f"{NOTICE}.yaml").rename(moved)
    assert run_build(inputs_copy, out).ok
    first = out / "2024" / "tb-lich.docx"
    assert first.is_file()
    moved.write_text(moved.read_text("utf-8").replace("09/02/2024", "09/02/2025"), "utf-8")
    result = run_build(inputs_copy, out)
    assert result.ok
    assert not first.exists() and (out / "2025" / "tb-lich.docx").is_file()
    assert rows(result, Status.REMOVED) == {"inputs/tb-lich.yaml": [first]}
    assert "inputs/tb-lich.yaml" not in recorded(out, "2024")
    assert "inputs/tb-lich.yaml" in recorded(out, "2025")


def test_force_removes_orphans_too(inputs_copy: Path, out: Path) -> None:
    (inputs_copy / f"{LETTER}.yaml").unlink()
    result = run_build(inputs_copy, out, force=True)
    assert result.ok and not (out / f"{LETTER}.docx").exists()
    assert set(rows(result, Status.REMOVED)) == {f"inputs/{LETTER}.yaml"}


def test_an_orphan_edited_by_hand_is_kept_with_a_warning(
    cli: click.Group, inputs_copy: Path, out: Path
) -> None:
    edited = out / f"{LETTER}.docx"
    edited.write_bytes(edited.read_bytes() + b"clerk's edit")
    (inputs_copy / f"{LETTER}.yaml").unlink()
    result = invoke(cli, inputs_copy, out)
    assert result.exit_code == 0, result.output
    assert edited.read_bytes().endswith(b"clerk's edit")
    warning = next(x for x in result.stderr.splitlines() if x.startswith("Cảnh báo:"))
    assert str(edited) in warning and f"inputs/{LETTER}.yaml" in warning and "đã bị sửa" in warning
    assert "giữ lại" in result.stdout
    # Warned once: no manifest records it any more, so it is the clerk's now.
    again = invoke(cli, inputs_copy, out)
    assert again.exit_code == 0 and "Cảnh báo" not in again.stderr and edited.is_file()


def test_a_failed_build_removes_nothing(inputs_copy: Path, out: Path) -> None:
    (inputs_copy / f"{LETTER}.yaml").unlink()
    broken = inputs_copy / "2024" / "tb-ket-luan-hop-hoi-dong.yaml"
    broken.write_text(broken.read_text("utf-8").replace("ngay: 12/02/2024", "ngay: 31/02/2024"))
    before = (out / "2024" / "manifest.json").read_bytes()
    result = run_build(inputs_copy, out)
    assert result.stopped and not result.ok
    assert (out / f"{LETTER}.docx").is_file()
    assert not rows(result, Status.REMOVED)
    assert (out / "2024" / "manifest.json").read_bytes() == before


def test_a_failed_document_keeps_its_last_output(inputs_copy: Path, out: Path) -> None:
    broken = inputs_copy / f"{NOTICE}.yaml"
    broken.write_text(broken.read_text("utf-8").replace("ngay: 09/02/2024", "ngay: 31/02/2024"))
    (inputs_copy / f"{LETTER}.yaml").unlink()
    result = run_build(inputs_copy, out, keep_going=True)
    assert not result.ok
    assert (out / f"{NOTICE}.docx").is_file()  # its input is still there: not an orphan
    assert not (out / f"{LETTER}.docx").exists()  # the valid part of the build still mirrors


def test_files_no_manifest_records_are_never_touched(inputs_copy: Path, out: Path) -> None:
    mine = out / "2024" / "ghi-chu-cua-van-thu.docx"
    mine.write_bytes(b"not vanthu's")
    (inputs_copy / f"{LETTER}.yaml").unlink()
    assert run_build(inputs_copy, out).ok
    assert mine.read_bytes() == b"not vanthu's"


def test_a_manifest_never_makes_orphan_removal_reach_outside_the_outputs(
    inputs_copy: Path, tmp_path: Path, out: Path
) -> None:
    secret = tmp_path / "secret.docx"
    secret.write_bytes(b"not vanthu's")
    path = out / "2024" / "manifest.json"
    data = json.loads(path.read_text("utf-8"))
    data["documents"][f"inputs/{LETTER}.yaml"]["output"] = {
        "path": "../secret.docx",
        "sha256": sha256(secret),
    }
    path.write_text(json.dumps(data), "utf-8")
    (inputs_copy / f"{LETTER}.yaml").unlink()
    assert run_build(inputs_copy, out).ok
    assert secret.read_bytes() == b"not vanthu's"


def recorded_pdf(out: Path, content: bytes, recorded_sha256: str | None = None) -> Path:
    """The letter's PDF with `content`, recorded in its manifest as `vanthu build --pdf` does
    (with the sha256 given, else the file's own); LibreOffice is not needed to test removal."""
    pdf = out / f"{LETTER}.pdf"
    pdf.write_bytes(content)
    path = out / "2024" / "manifest.json"
    data = json.loads(path.read_text("utf-8"))
    data["documents"][f"inputs/{LETTER}.yaml"]["pdf"] = {
        "path": f"{LETTER}.pdf",
        "sha256": recorded_sha256 or sha256(pdf),
    }
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return pdf


def test_the_pdf_of_an_orphan_goes_with_it(inputs_copy: Path, out: Path) -> None:
    pdf = recorded_pdf(out, b"%PDF-1.7 as written by the build")
    (inputs_copy / f"{LETTER}.yaml").unlink()
    result = run_build(inputs_copy, out)
    assert result.ok
    assert not pdf.exists() and not (out / f"{LETTER}.docx").exists()
    assert rows(result, Status.REMOVED) == {f"inputs/{LETTER}.yaml": [out / f"{LETTER}.docx", pdf]}


def test_an_edited_pdf_is_kept_while_its_docx_goes(inputs_copy: Path, out: Path) -> None:
    pdf = recorded_pdf(out, b"%PDF-1.7 signed by hand", recorded_sha256="0" * 64)
    (inputs_copy / f"{LETTER}.yaml").unlink()
    result = run_build(inputs_copy, out)
    assert result.ok and pdf.is_file() and not (out / f"{LETTER}.docx").exists()
    assert rows(result, Status.KEPT) == {f"inputs/{LETTER}.yaml": [pdf]}


def test_a_year_folder_emptied_removes_its_outputs(inputs_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    year = inputs_copy / "2016"
    assert run_build(year, out).ok
    outputs = sorted((out / "2016").glob("*.docx"))
    assert outputs
    for data in year.glob("*.yaml"):
        data.unlink()
    result = run_build(year, out)
    assert result.ok and not list((out / "2016").glob("*.docx"))
    assert recorded(out, "2016") == {}
    assert sorted(p for ps in rows(result, Status.REMOVED).values() for p in ps) == outputs


def test_a_build_of_one_year_leaves_the_other_years_orphans(inputs_copy: Path, out: Path) -> None:
    (inputs_copy / f"{LETTER}.yaml").unlink()
    assert run_build(inputs_copy / "2022", out).ok
    assert (out / f"{LETTER}.docx").is_file()  # not this build's folder: not its to remove
    assert rows(run_build(inputs_copy / "2024", out), Status.REMOVED)
    assert not (out / f"{LETTER}.docx").exists()
