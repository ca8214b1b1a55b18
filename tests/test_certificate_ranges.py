"""Two Giấy khen batches of one office and year whose sổ vàng numbers (so_vao_so, one per
certificate) overlap are refused by `vanthu build` and by a `vanthu render` of both, naming both
data files and the numbers; batches that follow one another, and a test print, pass. A date
cell where a name belongs is called a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.api import render_documents
from pipeline.batch import Status, build
from pipeline.claims import number_ranges
from pipeline.errors import InputError, RenderError
from pipeline.load.spreadsheet.cells import cell_text
from pipeline.load.spreadsheet.fields import Field
from pipeline.workspace import Workspace
from tests.test_giay_khen import CERTIFICATE, example_rows, workspace

DECISION_LINE = "quyet_dinh: qd-bang-khen-ubnd-tinh.yaml\n"


def two_batches(
    tmp_path: Path, first: int, second: int, extra: str = "", own: str = ""
) -> tuple[Path, Path]:
    """Two batches of one decision's list numbered from `first` and `second`: `own` is the
    first's own lines, `extra` the second's (its chon: picks its rows; both print every row of
    the list without one)."""
    one = workspace(tmp_path, example_rows(), CERTIFICATE.replace("1201", str(first)) + own)
    two = one.parent / "gk-dot2.yaml"
    two.write_text(f"loai: giay_khen\n{DECISION_LINE}so_vao_so: {second}\n{extra}", "utf-8")
    return one, two


def run_build(root: Path):
    return build(Workspace.containing(root / "vanthu.yaml"), jobs=1)


def test_build_refuses_overlapping_numbers_naming_both(tmp_path: Path) -> None:
    count = len(example_rows())
    one, two = two_batches(tmp_path, 101, 101)
    result = run_build(tmp_path)
    assert result.stopped and not (tmp_path / "outputs").exists()
    [(refused, message)] = result.invalid
    assert refused == two
    last = 100 + count
    assert f"số vào sổ 101–{last}" in message and one.name in message
    assert "so_vao_so" in message


def test_build_refuses_against_a_batch_kept_from_an_earlier_build(tmp_path: Path) -> None:
    one = workspace(tmp_path, example_rows(), CERTIFICATE.replace("1201", "101"))
    assert run_build(tmp_path).ok
    two = one.parent / "gk-dot2.yaml"
    two.write_text(f"loai: giay_khen\n{DECISION_LINE}so_vao_so: 102\n", "utf-8")
    result = run_build(tmp_path)
    [(refused, message)] = result.invalid
    assert refused == two and one.name in message and "số vào sổ 102" in message


def test_batches_that_follow_one_another_pass(tmp_path: Path) -> None:
    # Each prints its own rows of the decision's list (two batches printing the same rows are
    # refused however they are numbered: test_certificate_book_s52).
    people = sum(row["Loại"] == "Cá nhân" for row in example_rows())
    two_batches(tmp_path, 101, 101 + people, extra="chon:\n  doi_tuong: tap_the\n",
                own="chon:\n  doi_tuong: ca_nhan\n")  # fmt: skip
    result = run_build(tmp_path)
    assert result.ok, result.invalid
    assert all(d.status is Status.BUILT for d in result.documents)
    again = run_build(tmp_path)  # kept entries carry their numbers: still no refusal
    assert again.ok and all(d.status is Status.UNCHANGED for d in again.documents)


def test_a_test_print_may_repeat_the_numbers(tmp_path: Path) -> None:
    two_batches(tmp_path, 101, 101, extra="in_thu: co\n")
    assert run_build(tmp_path).ok


def test_render_of_both_refuses_and_writes_nothing(tmp_path: Path) -> None:
    one, two = two_batches(tmp_path, 101, 103)
    with pytest.raises(RenderError) as caught:
        render_documents([one, two])
    message = caught.value.message()
    assert str(one) in message and str(two) in message and "103–" in message
    assert not (tmp_path / "outputs").exists()


def test_render_cli_in_english(tmp_path: Path) -> None:
    from pipeline.cli import main

    one, two = two_batches(tmp_path, 101, 101)
    result = CliRunner().invoke(main, ["--lang", "en", "render", str(one), str(two)])
    assert result.exit_code == 1
    assert "register (sổ vàng) numbers 101–" in result.output and "Traceback" not in result.output


def test_number_ranges_are_written_as_runs() -> None:
    assert number_ranges([101, 102, 103, 107]) == "101–103, 107"


def test_a_date_where_a_name_belongs_is_called_a_date() -> None:
    field = Field("ho_ten", ("Họ và tên",), text_only=True)
    with pytest.raises(InputError) as caught:
        cell_text(dt.datetime(2025, 1, 1), field, "B2")
    assert caught.value.key == "sheet.date_in_text"
    assert "ô B2 ghi ngày/giờ '01/01/2025'" in caught.value.message()
    assert "ghi số" not in caught.value.message()
    assert "the date/time '01/01/2025'" in caught.value.message("en")
    with pytest.raises(InputError) as number:
        cell_text(12.0, field, "B3")
    assert number.value.key == "sheet.number_in_text"
