"""`vanthu verify ws`, naming the workspace folder `vanthu init ws` made, checks its outputs
(as `vanthu build ws` builds them), not the office's templates kept in ws/mau/."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.new_office import new_office


def test_verify_of_a_workspace_folder_checks_its_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = new_office(tmp_path, monkeypatch)
    runner = CliRunner()
    copied = runner.invoke(main, ["templates", "copy", "khung"])
    assert copied.exit_code == 0, copied.output
    assert (root / "mau" / "khung.docx").is_file()
    monkeypatch.chdir(tmp_path)
    built = runner.invoke(main, ["build", "ws"])
    assert built.exit_code == 0, built.output
    result = runner.invoke(main, ["verify", "ws"])
    assert result.exit_code == 0, result.output
    assert "khung" not in result.output
    outputs = sorted((root / "outputs").rglob("*.docx"))
    assert outputs and all(p.name in result.output for p in outputs), result.output
