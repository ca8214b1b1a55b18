"""A document typing a number another already has is refused at the line of its `so:` and the
field, as the register's other refusals of a number (batch.repeated_numbers.
repeated_number_error): check and render used to name the file alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.batch.repeated_numbers import repeated_number_error
from pipeline.cli import main

PLAN = "ke-hoach-tdkt.yaml"  # so: 5, dated 22/12/2021


@pytest.fixture
def workspace(example_here: Path) -> Path:
    """The example workspace, with a second plan typed with the first one's number, its `so:`
    two lines further down."""
    folder = example_here / "inputs" / "2022"
    text = (folder / PLAN).read_text("utf-8")
    assert "\nso: 5 " in text
    (folder / "kh-trung-so.yaml").write_text("# bản sao\n# của kế hoạch\n" + text, "utf-8")
    return example_here


def so_line(path: Path) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("so:"))


def vanthu(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "vi", *args])


def test_check_and_render_name_the_line_and_field(workspace: Path) -> None:
    copy = workspace / "inputs" / "2022" / "kh-trung-so.yaml"
    line = so_line(copy)
    assert line == so_line(workspace / "inputs" / "2022" / PLAN) + 2
    place = f"inputs/2022/kh-trung-so.yaml, dòng {line}, trường 'so': số 05/KH-VPUBND trùng số"
    checked = vanthu("check", "inputs/2022/ke-hoach-tdkt.yaml", "inputs/2022/kh-trung-so.yaml")
    assert checked.exit_code == 1 and place in checked.output, checked.output
    rendered = vanthu("render", "inputs/2022/ke-hoach-tdkt.yaml", "inputs/2022/kh-trung-so.yaml")
    assert rendered.exit_code == 1 and place in rendered.output, rendered.output
    english = CliRunner().invoke(main, ["--lang", "en", "check", "inputs/2022"])
    assert f"inputs/2022/kh-trung-so.yaml, line {line}, field 'so': number 05/KH-VPUBND " \
        "repeats" in english.output, english.output


def test_the_error_of_a_file_that_cannot_be_read_again_names_no_line(tmp_path: Path) -> None:
    error = repeated_number_error(tmp_path / "gone.yaml", "07/VPUBND-TH", "c.yaml",
                                  "07/VPUBND-TH")
    assert error.line is None and error.field == "so"
    assert "trùng số với c.yaml (07/VPUBND-TH)" in error.message()
