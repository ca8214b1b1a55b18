"""The build's end does not look for its outputs in a folder that held no file when the build
came to it (builder.Finisher._empty_before): nothing of an earlier run can be there. A folder
that held one is looked at file by file, as before."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline.batch import Status, build
from pipeline.batch.freshness import Freshness
from pipeline.workspace import Workspace

DECISION = "2022/qd-lao-dong-tien-tien.yaml"


def test_a_build_into_a_new_folder_does_not_look_for_its_outputs_there(
    inputs_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing of an earlier run can be in a folder the build made: no output is hashed or
    stat'ed to find what writing it meets (Finisher._empty_before). In a folder that held
    outputs, each is looked at as before: one edited by hand is copied aside first."""
    hashed: list[str] = []
    real = Freshness.file_hash

    def noted(self: Freshness, path: Path | str) -> str | None:
        hashed.append(os.fspath(path))
        return real(self, path)

    monkeypatch.setattr(Freshness, "file_hash", noted)
    out = tmp_path / "out"
    workspace = Workspace.containing(inputs_copy).with_output(out)
    first = build(workspace, jobs=1)
    assert first.ok
    assert not [path for path in hashed if path.startswith(os.fspath(out))]
    edited = out / "2022" / "qd-lao-dong-tien-tien.docx"
    edited.write_bytes(b"edited by hand")
    with (inputs_copy / DECISION).open("a", encoding="utf-8") as data:
        data.write("# sửa lại\n")  # its data file changed: built again, over the edit
    again = build(workspace, jobs=1)
    assert again.ok
    assert os.fspath(edited) in hashed
    assert (out / "2022" / "qd-lao-dong-tien-tien.sua-tay.docx").read_bytes() == b"edited by hand"
    assert {d.name: d.status for d in again.documents}[f"inputs/{DECISION}"] is Status.BUILT


def test_a_folder_holding_a_file_before_the_build_is_looked_at(
    inputs_copy: Path, tmp_path: Path
) -> None:
    """A folder with no manifest that held an output before the build (a manifest deleted):
    the output there is compared, and kept aside when it differs, as before."""
    out = tmp_path / "out"
    workspace = Workspace.containing(inputs_copy).with_output(out)
    assert build(workspace, jobs=1).ok
    (out / "2022" / "manifest.json").unlink()
    edited = out / "2022" / "qd-lao-dong-tien-tien.docx"
    edited.write_bytes(b"edited by hand")
    shutil.rmtree(out / "2021", ignore_errors=True)  # a year's folder made again: empty
    again = build(workspace, jobs=1)
    assert (out / "2022" / "qd-lao-dong-tien-tien.sua-tay.docx").read_bytes() == b"edited by hand"
    assert any("manifest" in warning for warning in again.warnings)
