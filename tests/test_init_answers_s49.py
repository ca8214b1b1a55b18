"""`vanthu init` refuses an answer with a character no document may print, as every later
command would refuse the profile it writes (s49): a control character pasted with a name, a
mark typed twice that no letter takes. Nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main


def init(tmp_path: Path, *flags: str, lang: str = "vi"):
    result = CliRunner().invoke(main, ["--lang", lang, "init", str(tmp_path / "ws"),
                                       "--kieu", "ubnd-xa", *flags])  # fmt: skip
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("lang, said", [
    ("vi", "Lỗi: --nguoi-ky ... có ký tự không in được U+0001"),
    ("en", "Error: --nguoi-ky ... contains the unprintable character U+0001"),
])  # fmt: skip
def test_a_control_character_in_the_signer_is_refused(
    tmp_path: Path, lang: str, said: str
) -> None:
    result = init(tmp_path, "--dia-danh", "Chiềng Mung", "--nguoi-ky", "Nguy\x01ễn Văn A",
                  lang=lang)  # fmt: skip
    assert result.exit_code == 1 and said in result.output, result.output
    assert not (tmp_path / "ws").exists()


def test_a_mark_no_letter_takes_in_the_place_is_refused(tmp_path: Path) -> None:
    result = init(tmp_path, "--dia-danh", "Chie\u0300\u0302ng Mung", "--nguoi-ky", "Nguyễn Văn A")
    assert result.exit_code == 1, result.output
    assert "--dia-danh ... có dấu thừa U+0302 trên chữ «è\u0302»" in result.output, result.output
    assert not (tmp_path / "ws").exists()


def test_decomposed_answers_still_read_as_typed(tmp_path: Path) -> None:
    """NFD text (marks after their letters, in order) is Vietnamese as typed: accepted."""
    import unicodedata

    place = unicodedata.normalize("NFD", "Chiềng Mung")
    result = init(tmp_path, "--dia-danh", place, "--nguoi-ky", "Nguyễn Văn A")
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(main, ["--lang", "vi", "check", str(tmp_path / "ws")])
    assert check.exit_code == 0, check.output
