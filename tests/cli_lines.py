"""`vanthu` run in the test's process as a clerk types it, and the lines of what it printed that
name some words: for tests that read a warning's line from check, render or build."""

from __future__ import annotations

from click.testing import CliRunner, Result

from pipeline.cli import main


def run(*args: str, lang: str = "vi") -> tuple[int, str]:
    """`vanthu --lang LANG *args`: its exit code and output. A bug in vanthu (any exception but
    the exit a refusal makes) fails the test with the output."""
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def lines_of(out: str, words: str) -> list[str]:
    """The lines of `out` holding `words`."""
    return [line for line in out.splitlines() if words in line]


# What vanthu prints for a bug of its own, in either language: never for a user's input.
INTERNAL = ("Lỗi nội bộ", "internal error")


def said(result: Result) -> str:
    """The command's output on one line, checked to hold no internal error (nor an exception
    but the exit a refusal makes)."""
    text = " ".join(result.output.split())
    assert not any(words in text for words in INTERNAL), text
    assert result.exception is None or isinstance(result.exception, SystemExit), text
    return text
