"""A build's refusal of a number typed past the register's next one names the line of `so:`, as
every other refusal of a field does (before: file and field, no line)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.new_office import new_office


def so_line(data: Path) -> int:
    lines = data.read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith("so:"))


def test_a_number_typed_past_the_next_one_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VANTHU_DB", raising=False)
    ws = new_office(tmp_path, monkeypatch)
    for old in (ws / "inputs").rglob("*.yaml"):
        old.unlink()
    year = ws / "inputs" / "2026"
    year.mkdir(parents=True, exist_ok=True)
    made = CliRunner().invoke(main, ["--lang", "vi", "new", "cong-van", "-o", str(year / "a.yaml")])
    assert made.exit_code == 0, made.output
    text = (year / "a.yaml").read_text("utf-8")
    (year / "a.yaml").write_text(re.sub(r"(?m)^so:.*$", "so: tu_dong", text), "utf-8")
    typed = re.sub(r"(?m)^so:.*$", "so: 5", text)
    typed = re.sub(r"(?m)^trich_yeu:.*$", "trich_yeu: Số gõ tay", typed)
    typed = re.sub(r"(?m)^ngay:.*$", "ngay: 31/12/2026", typed)
    (year / "b.yaml").write_text(typed, "utf-8")
    built = CliRunner().invoke(main, ["--lang", "vi", "build"])
    assert built.exit_code == 1, built.output
    line = so_line(year / "b.yaml")
    assert f"b.yaml, dòng {line}, trường 'so': số 05" in built.output, built.output
