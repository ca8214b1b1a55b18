"""A place, a name typed as punctuation alone is empty (r13b F5): the tester's Giấy mời with
dia_diem: "." (the room not yet known) passed check and printed "Địa điểm:."; "" and "   " were
refused. Now ".", "...", "-", "…" are refused as an empty value is, at their line and field, in
a Giấy mời and in a Biên bản (its place, its people's names and titles)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from pipeline.api import load_document
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.model.base import not_punctuation_only
from tests.typed_docs import REPO, example_data

INVITATION = REPO / "inputs" / "2024" / "giay-moi-hoi-nghi-tong-ket.yaml"
MINUTES = REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml"


def written(inputs: Path, example: Path, change: Any) -> tuple[Path, list[str]]:
    """`example`'s data changed by `change(data)`, as a file of the workspace copy."""
    data = example_data(example)
    change(data)
    stream = io.StringIO()
    YAML().dump(data, stream)
    path = inputs / "2024" / f"thu-{example.name}"
    path.write_text(stream.getvalue(), "utf-8")
    return path, stream.getvalue().splitlines()


def line_of(lines: list[str], start: str) -> int:
    return next(n for n, line in enumerate(lines, 1) if line.strip().startswith(start))


@pytest.mark.parametrize("typed", [".", "...", "-", "…", " . . . ", "(...)"])
def test_an_invitation_s_place_of_dots_is_refused(inputs_copy: Path, typed: str) -> None:
    path, lines = written(inputs_copy, INVITATION, lambda data: data.update(dia_diem=typed))
    shown = typed.strip()
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Lỗi: {path}, dòng {line_of(lines, 'dia_diem:')}, trường 'dia_diem': không được để "
        f"trống: “{shown}” chỉ có dấu câu, không ghi gì; ghi nội dung thật (chưa biết thì chờ "
        "biết rồi mới ban hành)"
    )
    english = CliRunner().invoke(main, ["--lang", "en", "check", str(path)])
    assert english.output.strip() == (
        f"Error: {path}, line {line_of(lines, 'dia_diem:')}, field 'dia_diem': must not be "
        f"empty: “{shown}” is punctuation only and says nothing; write the real value (if it is "
        "not known yet, wait until it is before issuing)"
    )


def test_render_refuses_it_too(inputs_copy: Path, tmp_path: Path) -> None:
    path, _ = written(inputs_copy, INVITATION, lambda data: data.update(dia_diem="."))
    out = tmp_path / "gm.docx"
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 1 and "trường 'dia_diem'" in result.output and not out.exists()


def test_an_invitation_s_content_of_dots_is_refused(inputs_copy: Path) -> None:
    path, lines = written(inputs_copy, INVITATION, lambda data: data.update(noi_dung="…"))
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert (caught.value.field, caught.value.line) == ("noi_dung", line_of(lines, "noi_dung:"))


@pytest.mark.parametrize(
    ("change", "field", "typed"),
    [
        (lambda data: data.update(dia_diem="..."), "dia_diem", "dia_diem: '...'"),
        (lambda data: data["thu_ky"].update(chuc_vu="-"), "thu_ky.chuc_vu", "chuc_vu: '-'"),
        (lambda data: data["thanh_phan"]["co_mat"][2].update(ho_ten="…"),
         "thanh_phan.co_mat[3].ho_ten", "- ho_ten: …"),
    ],
)  # fmt: skip
def test_a_minutes_place_or_name_of_dots_is_refused(
    inputs_copy: Path, change: Any, field: str, typed: str
) -> None:
    path, lines = written(inputs_copy, MINUTES, change)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert (caught.value.field, caught.value.line) == (field, line_of(lines, typed))
    assert "chỉ có dấu câu" in caught.value.message("vi")


@pytest.mark.parametrize(
    ("value", "kept"),
    [("P.1", True), ("Hội trường", True), ("3", True), ("", True), (None, True),
     (".", False), ("…", False), ("- -", False), ("?!", False)],
)  # fmt: skip
def test_not_punctuation_only(value: str | None, kept: bool) -> None:
    """A letter or a digit makes a value; an empty one is min_length's to refuse."""
    if kept:
        assert not_punctuation_only(value) == value
    else:
        with pytest.raises(ValueError):
            not_punctuation_only(value)
