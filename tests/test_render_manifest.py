"""`vanthu render` into the workspace's own output folder records what it wrote in that year's
manifest, as the build records it: a later build keeps the document while its inputs and
template are the same, removes the output as vanthu's when its input goes (no "edited by hand"
warning), and still keeps a file edited by hand since, with the warning."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import __version__
from pipeline.api import render_documents
from pipeline.batch import Status, build
from pipeline.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
LETTER = "cv-don-doc-bao-cao-tdkt"  # so: 125
NOTICE = "tb-lich-cong-tac-tuan"  # so: 08


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A workspace of the example office and two 2024 documents, built once."""
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    year = tmp_path / "inputs" / "2024"
    year.mkdir()
    for name in (LETTER, NOTICE):
        shutil.copy(REPO / "inputs" / "2024" / f"{name}.yaml", year / f"{name}.yaml")
    assert run_build(tmp_path).ok
    return tmp_path


def run_build(root: Path):
    return build(Workspace.containing(root / "vanthu.yaml"), jobs=1)


def statuses(result) -> dict[str, Status]:
    return {d.name: d.status for d in result.documents}


def manifest(root: Path) -> dict:
    return json.loads((root / "outputs" / "2024" / "manifest.json").read_text("utf-8"))


def renumber(root: Path, number: str) -> Path:
    data = root / "inputs" / "2024" / f"{LETTER}.yaml"
    data.write_text(data.read_text("utf-8").replace("so: 125", f"so: {number}"), "utf-8")
    return data


def test_render_records_its_output_and_build_keeps_it(root: Path) -> None:
    data = renumber(root, "126")
    output = root / "outputs" / "2024" / f"{LETTER}.docx"
    render_documents([data])
    entry = manifest(root)["documents"][f"inputs/2024/{LETTER}.yaml"]
    assert entry["output"]["sha256"] == hashlib.sha256(output.read_bytes()).hexdigest()
    assert entry["so"] == 126 and entry["so_ky_hieu"].startswith("126/")
    before = output.read_bytes()
    result = run_build(root)
    assert result.ok
    assert statuses(result)[f"inputs/2024/{LETTER}.yaml"] is Status.UNCHANGED
    assert output.read_bytes() == before


def test_rendered_output_of_a_deleted_input_is_removed_without_warning(root: Path) -> None:
    """Finding 6: build, change so:, render, delete the input, build."""
    data = renumber(root, "126")
    render_documents([data])
    data.unlink()
    result = run_build(root)
    name = f"inputs/2024/{LETTER}.yaml"
    assert statuses(result)[name] is Status.REMOVED
    assert not (root / "outputs" / "2024" / f"{LETTER}.docx").exists()
    assert not any(d.status is Status.KEPT for d in result.documents)
    assert name not in manifest(root)["documents"]


def test_a_later_change_to_the_input_is_still_rebuilt(root: Path) -> None:
    data = renumber(root, "126")
    render_documents([data])
    data.write_text(data.read_text("utf-8").replace("so: 126", "so: 127"), "utf-8")
    result = run_build(root)
    assert statuses(result)[f"inputs/2024/{LETTER}.yaml"] is Status.BUILT
    assert manifest(root)["documents"][f"inputs/2024/{LETTER}.yaml"]["so"] == 127


def test_hand_edited_after_render_is_still_kept_with_the_warning(root: Path) -> None:
    data = renumber(root, "126")
    render_documents([data])
    output = root / "outputs" / "2024" / f"{LETTER}.docx"
    output.write_bytes(output.read_bytes() + b"edited")
    data.unlink()
    result = run_build(root)
    kept = [d for d in result.documents if d.status is Status.KEPT]
    assert [d.output for d in kept] == [output] and output.is_file()
    assert "đã bị sửa" in (kept[0].error or "")


def test_render_elsewhere_records_nothing(root: Path, tmp_path: Path) -> None:
    data = renumber(root, "126")
    before = (root / "outputs" / "2024" / "manifest.json").read_bytes()
    render_documents([data], tmp_path / "elsewhere")
    assert (root / "outputs" / "2024" / "manifest.json").read_bytes() == before


def test_an_entry_without_template_hash_is_rebuilt(root: Path) -> None:
    """What `render --in-thu` records (no template hash: its pages are not the build's)."""
    data = renumber(root, "126")
    render_documents([data])
    path = root / "outputs" / "2024" / "manifest.json"
    text = json.loads(path.read_text("utf-8"))
    entry = text["documents"][f"inputs/2024/{LETTER}.yaml"]
    entry["template"]["sha256"] = ""
    output = root / "outputs" / entry["output"]["path"]
    output.write_bytes(output.read_bytes() + b"in thu")  # a test print's pages, not the build's
    entry["output"]["sha256"] = hashlib.sha256(output.read_bytes()).hexdigest()
    path.write_text(json.dumps(text), "utf-8")
    result = run_build(root)
    assert statuses(result)[f"inputs/2024/{LETTER}.yaml"] is Status.BUILT


def test_cli_render_then_build_says_removed_not_edited(root: Path) -> None:
    from pipeline.cli import main

    data = renumber(root, "126")
    runner = CliRunner()
    rendered = runner.invoke(main, ["--lang", "en", "render", str(data)])
    assert rendered.exit_code == 0, rendered.output
    data.unlink()
    built = runner.invoke(main, ["--lang", "en", "build", str(root / "inputs")])
    assert built.exit_code == 0, built.output
    assert "edited" not in built.output and "Warning" not in built.output


def test_a_render_before_any_build_is_kept_by_the_first_build(tmp_path: Path) -> None:
    """The path `init` prints: render first (no manifest yet), then build: nothing rebuilt."""
    shutil.copy(REPO / "vanthu.yaml", tmp_path / "vanthu.yaml")
    shutil.copytree(REPO / "inputs" / "co-quan", tmp_path / "inputs" / "co-quan")
    (tmp_path / "inputs" / "2024").mkdir()
    data = tmp_path / "inputs" / "2024" / f"{LETTER}.yaml"
    shutil.copy(REPO / "inputs" / "2024" / f"{LETTER}.yaml", data)
    output = tmp_path / "outputs" / "2024" / f"{LETTER}.docx"
    render_documents([data])
    assert manifest(tmp_path)["vanthu"] == __version__
    before = output.read_bytes()
    result = run_build(tmp_path)
    assert statuses(result) == {f"inputs/2024/{LETTER}.yaml": Status.UNCHANGED}
    assert output.read_bytes() == before
