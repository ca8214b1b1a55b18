"""pipeline.load.yaml_source: numbers read as typed, or refused at their line (s50f).

1. A plain scalar that YAML 1.2's number patterns take but that holds no number ("-_", "+_",
   "0x_", "0b_", "0o_", "._") stopped render with an internal error (ruamel's IndexError), or
   a syntax error with no line and the parser's English: it is the text as typed, in both
   readers, and a text field judges it as any text.
2. A number typed otherwise than in decimal digits (so: 1e2, 0o10, 1_53, -0x1) printed as
   another ("Số: 100", "08", "153") with exit 0: refused at its line and field, saying what
   was typed, the number YAML reads and what to write for either meaning, in both readers. A
   number typed in decimal digits that Python writes otherwise (08, +5, .5) is kept as the
   number, and its text as typed is kept beside it (Source.typed), for messages to quote.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.yaml_source import _FastBuilder, _slow_load, load_yaml
from tests.cli_lines import said

REPO = Path(__file__).resolve().parents[1]
PATH = Path("x.yaml")
NO_NUMBER = ["-_", "+_", "0x_", "0b_", "0o_", "._", "-0x_", "+._"]
OTHER_FORMS = [("1e2", "100"), ("0o10", "8"), ("1_53", "153"), ("-0x1", "-1"),
               ("0x1F", "31"), ("0b101", "5"), ("1.5e3", "1500"), ("1_000.5", "1000.5"),
               ("2E-3", "0.002"), ("!!int 0x10", "16")]  # fmt: skip


def _both(text: str) -> tuple[Any, Any]:
    """What the fast reader and the slow one make of `text`: (data, typed) or the error's
    (key, line, field, value)."""

    def fast() -> Any:
        builder = _FastBuilder(PATH, text)
        return builder.build(), builder.typed

    def slow() -> Any:
        typed: dict[Any, str] = {}
        return _slow_load(PATH, text, typed)[0], typed

    out = []
    for read in (fast, slow):
        try:
            out.append(read())
        except InputError as exc:
            out.append((exc.key, exc.line, exc.field, exc.params.get("value")))
    return out[0], out[1]


# 1. no number in it: text ---------------------------------------------------------------------


@pytest.mark.parametrize("typed", NO_NUMBER)
def test_a_scalar_holding_no_number_is_its_text_in_both_readers(typed: str) -> None:
    fast, slow = _both(f"loai: x\nk: {typed}\nds:\n  - {typed}\n")
    assert fast == slow == ({"loai": "x", "k": typed, "ds": [typed]}, {})


@pytest.fixture
def workspace(example_here: Path) -> Path:
    """A copy of the example workspace, as the current folder (conftest.example_here)."""
    return example_here


DECISION = "inputs/2022/qd-giay-khen.yaml"


def _retyped(folder: Path, key: str, value: str) -> int:
    """The decision with `key: value` in place of its own line; the line's number."""
    path = folder / DECISION
    lines = path.read_text("utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:"))
    lines[number - 1] = f"{key}: {value}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return number


def _render(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "render", DECISION, "-o", "out.docx"])


@pytest.mark.parametrize("typed", ["-_", "0b_", "._"])
def test_render_judges_it_as_the_text_typed(workspace: Path, typed: str) -> None:
    line = _retyped(workspace, "nguoi_soan_thao", typed)
    result = _render()
    assert result.exit_code == 1
    text = said(result)
    assert f"dòng {line}, trường 'nguoi_soan_thao'" in text, text
    assert f"(nhận được: '{typed}')" in text, text
    assert "could not convert" not in text
    assert not (workspace / "out.docx").exists()


def test_a_recipient_holding_no_number_is_a_recipient(workspace: Path) -> None:
    """Once an internal error; now a recipient like any text (its typed "-" is dropped as the
    dash of a typed Nơi nhận line is)."""
    path = workspace / DECISION
    text = path.read_text("utf-8")
    path.write_text(text.replace("  - Lãnh đạo Văn phòng\n", "  - Lãnh đạo Văn phòng\n  - 0x_\n"))
    result = _render()
    said(result)
    assert result.exit_code == 0, result.output
    assert (workspace / "out.docx").is_file()


@pytest.mark.parametrize("typed", ["08", "-08", "+5"])
def test_a_number_where_text_belongs_is_quoted_as_typed(workspace: Path, typed: str) -> None:
    """A recipient typed 08 is refused quoting 08, not the 8 YAML read."""
    path = workspace / DECISION
    text = path.read_text("utf-8")
    recipients = f"  - Lãnh đạo Văn phòng\n  - {typed}\n"
    path.write_text(text.replace("  - Lãnh đạo Văn phòng\n", recipients))
    result = _render()
    assert result.exit_code == 1
    assert f"(nhận được: {typed})" in said(result)


# 2. a number typed otherwise than in decimal digits: refused -----------------------------------


@pytest.mark.parametrize(("typed", "number"), OTHER_FORMS)
def test_a_number_in_another_form_is_refused_in_both_readers(typed: str, number: str) -> None:
    shown = typed.removeprefix("!!int ")
    fast, slow = _both(f"loai: x\nso: {typed}\n")
    assert fast == slow == ("data.number_form", 2, "so", shown)
    fast, slow = _both(f"loai: x\nnoi_nhan:\n  - a\n  - {typed}\n")
    assert fast == slow == ("data.number_form", 4, "noi_nhan[2]", shown)


@pytest.mark.parametrize(("typed", "number"), OTHER_FORMS[:4])
def test_its_message_says_what_to_write(tmp_path: Path, typed: str, number: str) -> None:
    path = tmp_path / "qd.yaml"
    path.write_text(f"loai: quyet_dinh\nso: {typed}\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_yaml(path)
    error = caught.value
    assert (error.line, error.field) == (2, "so")
    vi, en = error.message("vi"), error.message("en")
    assert f"YAML đọc '{typed}' thành số {number}" in vi, vi
    assert f"(so: {number})" in vi and f'(so: "{typed}")' in vi, vi
    assert f"YAML reads '{typed}' as the number {number}" in en, en
    assert f"(so: {number})" in en and f'(so: "{typed}")' in en, en


@pytest.mark.parametrize(("typed", "number"), [("1e2", "100"), ("0o10", "8"), ("1_53", "153")])
def test_render_refuses_the_number_at_its_line(workspace: Path, typed: str, number: str) -> None:
    line = _retyped(workspace, "so", typed)
    result = _render()
    assert result.exit_code == 1
    text = said(result)
    assert f"dòng {line}, trường 'so': YAML đọc '{typed}' thành số {number}" in text, text
    assert f"(so: {number})" in text, text
    assert not (workspace / "out.docx").exists()
    english = said(_render("--lang", "en"))
    assert f"line {line}, field 'so': YAML reads '{typed}' as the number {number}" in english


@pytest.mark.parametrize(
    ("typed", "value"),
    [("12", 12), ("08", 8), ("-08", -8), ("+5", 5), ("-5", -5), ("1.5", 1.5), (".5", 0.5),
     ("1.50", 1.5), ("3.", 3.0), ("!!float 1", 1.0), ("'1e2'", "1e2"), ('"0x1F"', "0x1F")],
)  # fmt: skip
def test_numbers_in_decimal_digits_are_read_as_numbers(typed: str, value: object) -> None:
    fast, slow = _both(f"loai: x\nk: {typed}\n")
    assert fast == slow
    data, _ = fast
    assert data["k"] == value and type(data["k"]) is type(value)


@pytest.mark.parametrize("typed", ["08", "+5", ".5", "1.50", "-08"])
def test_the_text_a_number_was_typed_as_is_kept(tmp_path: Path, typed: str) -> None:
    fast, slow = _both(f"loai: x\nso: {typed}\nnoi_nhan:\n  - {typed}\n")
    assert fast == slow
    assert fast[1] == {("so",): typed, ("noi_nhan", 0): typed}
    path = tmp_path / "x.yaml"
    path.write_text(f"loai: x\nso: {typed}\n", "utf-8")
    assert load_yaml(path).typed == {("so",): typed}


def test_numbers_written_as_python_writes_them_keep_nothing() -> None:
    fast, slow = _both("loai: x\nso: 12\nhe_so: 1.5\nn: -3\n")
    assert fast == slow and fast[1] == {}
