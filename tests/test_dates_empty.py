"""An empty date is said to be empty, in the user's language, never as Python's "None"
(finding 8). A draft decision (du_thao) still needs its date."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pydantic_core import PydanticCustomError

from pipeline.api import load_document
from pipeline.errors import InputError
from pipeline.model.base import parse_date
from pipeline.model.bien_ban import MinutesTime


def _set_line(path: Path, key: str, value: str | None) -> int:
    """Rewrite the top-level `key:` line of `path` (None: delete it); its line number."""
    lines = path.read_text("utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if line.startswith(f"{key}:"))
    if value is None:
        del lines[number]
    else:
        lines[number] = f"{key}:{value}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return number + 1


@pytest.mark.parametrize("value", [None, "", "   "])
def test_parse_date_says_empty(value: Any) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        parse_date(value)
    assert caught.value.type == "date_empty"


def test_parse_date_still_reads_dates_and_refuses_bad_ones() -> None:
    assert parse_date("05/02/2024") == datetime.date(2024, 2, 5)
    with pytest.raises(PydanticCustomError) as caught:
        parse_date("31/02/2024")
    assert caught.value.type == "bad_date"


def test_an_optional_date_may_stay_empty() -> None:
    assert MinutesTime(gio="8:00", den="9:00", ngay=None).ngay is None


@pytest.mark.parametrize(
    ("lang", "words"),
    [("vi", "trường 'ngay': ngày đang để trống: ghi ngày dạng 22/12/2021"),
     ("en", "field 'ngay': the date is empty: write it as 22/12/2021")],
)  # fmt: skip
@pytest.mark.parametrize("value", ["", " ''"])
def test_an_empty_date_of_a_letter(
    cli: Any, inputs_copy: Path, lang: str, words: str, value: str
) -> None:
    path = inputs_copy / "2024" / "cv-don-doc-bao-cao-tdkt.yaml"
    line = _set_line(path, "ngay", value)
    result = CliRunner().invoke(cli, ["--lang", lang, "check", str(path)])
    assert result.exit_code == 1
    where = f"dòng {line}" if lang == "vi" else f"line {line}"
    assert f"{where}, {words}" in result.output, result.output
    assert "None" not in result.output and "Traceback" not in result.output


def test_a_missing_date_is_a_missing_field(cli: Any, inputs_copy: Path) -> None:
    path = inputs_copy / "2024" / "cv-don-doc-bao-cao-tdkt.yaml"
    _set_line(path, "ngay", None)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert "trường 'ngay': thiếu trường bắt buộc" in result.output
    assert "None" not in result.output


def test_a_draft_decision_still_needs_its_date(cli: Any, inputs_copy: Path) -> None:
    draft = inputs_copy / "2024" / "kem-theo" / "du-thao-qd-bang-khen.yaml"
    line = _set_line(draft, "ngay", "")
    submission = inputs_copy / "2024" / "to-trinh-kem-du-thao.yaml"
    result = CliRunner().invoke(cli, ["check", str(submission)])
    assert result.exit_code == 1
    assert f"du-thao-qd-bang-khen.yaml, dòng {line}, trường 'ngay': ngày đang để trống" in (
        result.output
    ), result.output


def test_an_empty_text_field_says_it_is_empty(tmp_path: Path) -> None:
    inputs = Path(__file__).resolve().parents[1] / "inputs"
    source = inputs / "2024" / "tb-ket-luan-hop-hoi-dong.yaml"
    text = source.read_text("utf-8")
    typed = (
        "ket_thuc: >-\n  Văn phòng UBND tỉnh thông báo để các phòng, ban, đơn vị biết, thực hiện\n"
    )
    assert typed in text
    shutil.copytree(inputs, tmp_path / "inputs")
    path = tmp_path / "inputs" / "2024" / source.name
    path.write_text(text.replace(typed, "ket_thuc:\n"), "utf-8")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert (caught.value.key, caught.value.field) == ("data.empty_value", "ket_thuc")
    assert "None" not in caught.value.message()


@pytest.mark.parametrize("value", ["10/01/0026", "0026-01-10", "10/01/1899", "10/01/2206"])
def test_parse_date_refuses_a_year_typed_short_or_out_of_range(value: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        parse_date(value)
    assert caught.value.type == "date_year"


def test_parse_date_takes_the_first_and_last_years() -> None:
    assert parse_date("01/01/1900") == datetime.date(1900, 1, 1)
    assert parse_date("31/12/2100") == datetime.date(2100, 12, 31)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("vi", "trường 'ngay': năm của ngày '10/01/0026' không hợp lý: ghi đủ bốn chữ số của "
            "năm, từ 1900 đến 2100"),
     ("en", "field 'ngay': the year of the date '10/01/0026' is not plausible: write all four "
            "digits of a year from 1900 to 2100")],
)  # fmt: skip
def test_a_year_typed_short_is_refused_at_its_line(
    cli: Any, inputs_copy: Path, lang: str, words: str
) -> None:
    # Read as the year 26, it printed "năm 26" in the date line, which verify then refused.
    path = inputs_copy / "2024" / "cv-don-doc-bao-cao-tdkt.yaml"
    line = _set_line(path, "ngay", " 10/01/0026")
    for command in ("check", "render"):
        result = CliRunner().invoke(cli, ["--lang", lang, command, str(path)])
        assert result.exit_code == 1
        where = f"dòng {line}" if lang == "vi" else f"line {line}"
        assert f"{where}, {words}" in result.output, result.output
