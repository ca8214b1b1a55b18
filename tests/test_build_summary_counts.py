"""The line that closes `vanthu build` counts every document once: outputs kept because they
were edited by hand ("giữ lại (đã sửa)") are counted with the built, unchanged, failed and
removed ones, in both languages, so that the counts add up to the documents of the build."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline.batch import BuildResult, Status
from pipeline.batch.progress import summary
from pipeline.batch.result import DocumentResult
from pipeline.i18n import set_language
from tests.test_build_hand_edits import EDIT, JOBS, LETTER, run_build


def result_of(*statuses: Status) -> BuildResult:
    """A build whose documents ended with `statuses`, one each."""
    documents = [
        DocumentResult(Path(f"inputs/2026/{n}.yaml"), f"inputs/2026/{n}.yaml", status)
        for n, status in enumerate(statuses)
    ]
    return BuildResult(documents=documents, seconds=1.25)


def counted(line: str) -> int:
    """The sum of the counts a summary line states (the seconds in brackets left out)."""
    counts = re.sub(r" \([\d.]+ s\)$", "", line)
    return sum(int(n) for n in re.findall(r"\d+", counts))


ALL = (Status.BUILT, Status.UNCHANGED, Status.UNCHANGED, Status.KEPT, Status.FAILED,
       Status.REMOVED)  # fmt: skip


@pytest.mark.parametrize(
    "statuses",
    [
        ALL,
        (Status.BUILT, Status.KEPT),
        (Status.UNCHANGED, Status.KEPT, Status.KEPT),
        (Status.BUILT, Status.REMOVED),
        (Status.BUILT, Status.UNCHANGED),
    ],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_counts_add_up_to_the_documents(statuses: tuple[Status, ...], lang: str) -> None:
    set_language(lang)  # conftest sets Vietnamese again after each test
    line = summary(result_of(*statuses))
    assert counted(line) == len(statuses), line
    assert line.endswith("(1.2 s)"), line


def test_kept_is_said_in_both_languages() -> None:
    result = result_of(*ALL)
    assert summary(result) == "1 đã dựng, 2 không đổi, 1 giữ lại (đã sửa), 1 lỗi, 1 đã xóa (1.2 s)"
    set_language("en")
    assert summary(result) == "1 built, 2 unchanged, 1 kept (edited), 1 failed, 1 removed (1.2 s)"


def test_without_kept_outputs_the_line_is_as_before() -> None:
    assert summary(result_of(Status.BUILT, Status.UNCHANGED)) == (
        "1 đã dựng, 1 không đổi, 0 lỗi (1.2 s)"
    )
    assert summary(result_of(Status.BUILT, Status.REMOVED)) == (
        "1 đã dựng, 0 không đổi, 0 lỗi, 1 đã xóa (1.2 s)"
    )


def test_cli_counts_the_output_kept_as_edited(
    cli: click.Group, inputs_copy: Path, tmp_path: Path
) -> None:
    """The tester's case: a build with one output edited by hand printed "0 đã dựng, N-1 không
    đổi, 0 lỗi" for N documents."""
    year, out = inputs_copy / "2024", tmp_path / "out"
    first = run_build(year, out)
    assert first.ok
    output = out / f"{LETTER}.docx"
    output.write_bytes(output.read_bytes() + EDIT)
    documents = len(first.documents)
    for lang, kept in (("vi", "1 giữ lại (đã sửa)"), ("en", "1 kept (edited)")):
        result = CliRunner().invoke(
            cli, ["--lang", lang, "build", str(year), "-o", str(out), "-j", str(JOBS)]
        )
        assert result.exit_code == 0, result.output
        line = result.stdout.splitlines()[-1]
        assert kept in line and counted(line) == documents, line
