"""Two documents of one office and year typed with one number are refused by check, render and
every build alike (batch.repeated_numbers): check and render used to pass them, and a build
after a render found both outputs unchanged and kept them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main

PLAN = "ke-hoach-tdkt.yaml"  # so: 5, dated 22/12/2021


@pytest.fixture
def workspace(example_here: Path) -> Path:
    """The example workspace, with a second plan typed with the first one's number."""
    folder = example_here / "inputs" / "2022"
    text = (folder / PLAN).read_text("utf-8")
    assert "\nso: 5 " in text
    (folder / "kh-trung-so.yaml").write_text(text, "utf-8")
    return example_here


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "vi", *args])


SAID = ("số 05/KH-VPUBND trùng số với inputs/2022/ke-hoach-tdkt.yaml (05/KH-VPUBND); một cơ "
        "quan không cấp một số cho hai văn bản trong một năm")


def test_check_refuses_the_second_of_two_files_typed_with_one_number(workspace: Path) -> None:
    result = vanthu("check", "inputs/2022/ke-hoach-tdkt.yaml", "inputs/2022/kh-trung-so.yaml")
    assert result.exit_code == 1, result.output
    assert f"inputs/2022/kh-trung-so.yaml, dòng 10, trường 'so': {SAID}" in result.output
    assert "Hợp lệ: inputs/2022/ke-hoach-tdkt.yaml" in result.output
    english = CliRunner().invoke(main, ["--lang", "en", "check", "inputs/2022"])
    assert "number 05/KH-VPUBND repeats the number of inputs/2022/ke-hoach-tdkt.yaml" in (
        english.output)


def test_render_writes_neither_at_once_nor_one_after_the_other(workspace: Path) -> None:
    both = vanthu("render", "inputs/2022/ke-hoach-tdkt.yaml", "inputs/2022/kh-trung-so.yaml")
    assert both.exit_code == 1 and SAID in both.output, both.output
    assert not (workspace / "outputs").exists()  # refused before anything was written
    assert vanthu("render", "inputs/2022/ke-hoach-tdkt.yaml").exit_code == 0
    second = vanthu("render", "inputs/2022/kh-trung-so.yaml")  # the first's output records 05
    assert second.exit_code == 1 and SAID in second.output, second.output
    assert not (workspace / "outputs" / "2022" / "kh-trung-so.docx").exists()


def test_a_build_refuses_two_such_outputs_kept_from_before(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both written before (as render did until s48): neither changed, the later is built again
    and refused, not kept."""
    import pipeline.api as api

    assert vanthu("render", "inputs/2022/ke-hoach-tdkt.yaml").exit_code == 0
    with monkeypatch.context() as older:
        older.setattr(api, "refuse_repeated_numbers", lambda *_: None)
        assert vanthu("render", "inputs/2022/kh-trung-so.yaml").exit_code == 0
    built = vanthu("build")
    assert built.exit_code == 1, built.output
    assert f"inputs/2022/kh-trung-so.yaml, dòng 10, trường 'so': {SAID}" in built.output
