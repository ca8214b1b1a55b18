"""The bad-input corpus (tests/bad_inputs/generate.py) through the CLI.

Each case: exit 1, one message naming the file and (unless the fault is the whole file) its
line, row or field; no traceback, no internal error; the previous output untouched and no
temporary file left; and all of it within a time budget, so a hang fails the case instead of the
suite.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from bad_inputs.generate import LOCATED, Case, cases, materialize
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.render.engine import PreparedTemplate

CASES = cases()
BUDGET_SECONDS = 20  # far above any case (the slowest, 20,001 rows, takes about 2 s)
PREVIOUS = b"previous output"


class OverBudget(Exception):
    """The case ran past its budget: a hang."""


@pytest.fixture()
def budget() -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise OverBudget(f"no answer within {BUDGET_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 150


def _leftovers(folder: Path) -> list[str]:
    return [
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.name.endswith((".tmp", ".partial.pdf")) or p.name.startswith(".~lock")
    ]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_refused(
    case: Case, tmp_path: Path, budget: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A runaway template is stopped by the engine's own budget; 2 s keeps the case short.
    monkeypatch.setattr(PreparedTemplate, "seconds", 2.0)
    inputs = materialize(case, tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    output = out_dir / "van-ban.docx"
    output.write_bytes(PREVIOUS)
    args = ["--lang", "vi"]
    if case.templates:
        args += ["--templates", str(tmp_path / "templates")]
    # --force: a file already at -o is refused before anything renders (api.foreign_outputs);
    # forced, it is kept (a copy beside it) only once the document has rendered, so a bad
    # input leaves it, and its folder, as they were.
    result = CliRunner().invoke(main, [*args, "render", str(inputs / case.document), "-o",
                                       str(output), "--force"])  # fmt: skip
    message = result.output
    assert not isinstance(result.exception, OverBudget), message
    assert result.exit_code == 1, message
    assert "Traceback" not in message and "Lỗi nội bộ" not in message, message
    assert message.count("Lỗi:") == 1, message
    assert Path(case.blamed).name in message, message
    if case.located:
        assert any(marker in message for marker in LOCATED), message
    assert case.words in message, message
    assert output.read_bytes() == PREVIOUS
    assert sorted(p.name for p in out_dir.iterdir()) == [output.name]
    assert _leftovers(tmp_path) == []


YAML_CASES = [c for c in CASES if c.name.startswith(("yaml", "agency"))]


@pytest.mark.parametrize("case", YAML_CASES[::4], ids=[c.name for c in YAML_CASES[::4]])
def test_check_refuses_too(case: Case, tmp_path: Path, budget: None) -> None:
    inputs = materialize(case, tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = CliRunner().invoke(main, ["--lang", "vi", "check", str(inputs / case.document)])
    assert not isinstance(result.exception, OverBudget), result.output
    assert result.exit_code == 1, result.output
    assert "Lỗi nội bộ" not in result.output and Path(case.blamed).name in result.output
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
