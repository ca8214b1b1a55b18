"""Checks comparing two fields (s50b) name the field to correct, at its line, not its parent.

A Giấy mời whose thoi_gian.ngay (line 19 of the starter) is before the document's date was
refused at "dòng 16, trường 'thoi_gian'"; a Biên bản whose tan_thanh (line 52) counts more votes
than members present at "dòng 44, trường 'noi_dung'".
"""

from __future__ import annotations

import re
from itertools import count
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

_NAMES = count(1)  # each test's own data file


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.cli import main

    folder = tmp_path_factory.mktemp("s50b") / "ws"
    result = CliRunner().invoke(main, ["--lang", "vi", "init", str(folder), "--kieu",
                                       "hoi-dong-tdkt", "--chu-quan",
                                       "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "--nguoi-ky",
                                       "Nguyễn Thành Công"])  # fmt: skip
    assert result.exit_code == 0, result.output
    return folder


def _refused(cli: click.Group, office: Path, kind: str, edits: dict[str, str]) -> tuple[str, str]:
    """The starter of `kind` with each line matching a key of `edits` replaced by its value,
    rendered: the error message, and the file's text."""
    data = office / "inputs" / "2026" / f"{kind}-{next(_NAMES)}.yaml"
    result = CliRunner().invoke(cli, ["--lang", "vi", "new", kind, "-o", str(data)])
    assert result.exit_code == 0, result.output
    text = data.read_text("utf-8")
    for pattern, line in edits.items():
        text, count = re.subn(pattern, line, text, count=1, flags=re.M)
        assert count == 1, pattern
    data.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["--lang", "vi", "render", str(data)])
    assert result.exit_code == 1, result.output
    return result.output, text


def _line(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_invitation_meeting_day_before_its_date(cli: click.Group, office: Path) -> None:
    output, text = _refused(
        cli, office, "giay-moi", {r"^  ngay: 15/01/2026.*$": "  ngay: 05/01/2025"}
    )
    assert _line(text, "  ngay: 05/01/2025") == 19
    assert "dòng 19, trường 'thoi_gian.ngay'" in output, output
    assert "05/01/2025" in output


def test_minutes_votes_over_those_present(cli: click.Group, office: Path) -> None:
    output, text = _refused(
        cli, office, "bien-ban", {r"^      tan_thanh: 3$": "      tan_thanh: 5"}
    )
    line = _line(text, "      tan_thanh: 5")
    assert f"dòng {line}, trường 'noi_dung[2].bieu_quyet.tan_thanh'" in output, output


def test_minutes_votes_against_taking_the_sum_over(cli: click.Group, office: Path) -> None:
    output, text = _refused(
        cli, office, "bien-ban", {r"^      khong_tan_thanh: 0$": "      khong_tan_thanh: 1"}
    )
    line = _line(text, "      khong_tan_thanh: 1")
    assert f"dòng {line}, trường 'noi_dung[2].bieu_quyet.khong_tan_thanh'" in output, output


def test_minutes_meeting_day_after_the_minutes(cli: click.Group, office: Path) -> None:
    output, text = _refused(
        cli, office, "bien-ban", {r"^  # ngay: 15/01/2026 .*$": "  ngay: 16/01/2026"}
    )
    line = _line(text, "  ngay: 16/01/2026")
    assert f"dòng {line}, trường 'thoi_gian.ngay'" in output, output


def test_minutes_end_day_before_the_day_it_began(cli: click.Group, office: Path) -> None:
    output, text = _refused(cli, office, "bien-ban", {
        r"^  # ngay: 15/01/2026 .*$": "  ngay: 14/01/2026",
        r"^  # den_ngay: .*$": "  den_ngay: 13/01/2026",
    })  # fmt: skip
    line = _line(text, "  den_ngay: 13/01/2026")
    assert f"dòng {line}, trường 'thoi_gian.den_ngay'" in output, output
    assert "ngày kết thúc 13/01/2026 trước ngày bắt đầu 14/01/2026" in output, output


def test_reply_to_a_letter_dated_after_it(cli: click.Group, office: Path) -> None:
    """A Công văn answering a letter dated after the reply: said at tra_loi.ngay, not tra_loi."""
    output, text = _refused(
        cli, office, "cong-van",
        {r"^# tra_loi:.*$": "tra_loi:", r"^#   so: 125.*$": "  so: 125/SNV-VTLT",
         r"^#   ngay: 02/01/.*$": "  ngay: 20/01/2026", r"^#   cua: .*$": "  cua: Sở Nội vụ",
         r"^#   ve_viec: .*$": "  ve_viec: tập huấn công tác văn thư"},
    )  # fmt: skip
    line = _line(text, "  ngay: 20/01/2026")
    assert f"dòng {line}, trường 'tra_loi.ngay'" in output, output
    assert "20/01/2026" in output
