"""Click's metavars (TEXT, INTEGER, PATH, FILE, DIRECTORY, [OPTIONS], COMMAND [ARGS]...) follow
the help's language, as its "[required]" does: in Vietnamese by their help.click.metavar.*
entries (pipeline/messages/help.py), said in one place (help_language.say_words); a choice's
values stay as typed. The commands' arguments are named in Vietnamese ([THƯ_MỤC], TỆP..., TÊN,
LOẠI) and in English by their help.*.metavar.* entries, not by their parameters' English names
(INPUT_DIR, INPUTS...)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.i18n import set_language

ENGLISH_METAVAR = re.compile(r"(?<![\w|{-])(TEXT|INTEGER|PATH|FILE|DIRECTORY|OPTIONS|COMMAND|ARGS)"
                             r"(?![\w|}-])")  # fmt: skip


@pytest.fixture(autouse=True)
def _a_new_process() -> None:
    set_language("vi")


def _help(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], prog_name="vanthu")
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (["build"], ["Cách dùng: vanthu build [TÙY_CHỌN] [THƯ_MỤC]", "-o, --output THƯ_MỤC",
                     "-j, --jobs SỐ_NGUYÊN"],
         ["Usage: vanthu build [OPTIONS] [FOLDER]", "-o, --output DIRECTORY",
          "-j, --jobs INTEGER RANGE"]),
        (["render"], ["-o, --output ĐƯỜNG_DẪN"], ["-o, --output PATH"]),
        (["new"], ["-o, --output TỆP"], ["-o, --output FILE"]),
        (["init"], ["--dia-danh CHUỖI", "--kieu [ubnd-tinh|ubnd-huyen|"],
         ["--dia-danh TEXT", "--kieu [ubnd-tinh|ubnd-huyen|"]),
        (["so"], ["Cách dùng: vanthu so [TÙY_CHỌN] LỆNH [THAM_SỐ]...", "--db TỆP|URL"],
         ["Usage: vanthu so [OPTIONS] COMMAND [ARGS]...", "--db FILE|URL"]),
        (["verify"], ["--format [text|json]", "--type LOẠI", "verify [TÙY_CHỌN] [TỆP]..."],
         ["--format [text|json]", "--type TYPE", "verify [OPTIONS] [FILE]..."]),
        (["render"], ["render [TÙY_CHỌN] TỆP..."], ["render [OPTIONS] FILE..."]),
        (["templates", "fields"], ["fields [TÙY_CHỌN] TÊN"], ["fields [OPTIONS] NAME"]),
        (["templates", "check"], ["check [TÙY_CHỌN] [TÊN]..."], ["check [OPTIONS] [NAME]..."]),
    ],
)  # fmt: skip
def test_metavars_follow_the_helps_language(
    args: list[str], vietnamese: list[str], english: list[str]
) -> None:
    said_vi = _help("--lang", "vi", *args)
    said_en = _help("--lang", "en", *args)
    for term in vietnamese:
        assert term in said_vi, said_vi
    for term in english:
        assert term in said_en, said_en
    assert not ENGLISH_METAVAR.search(said_vi), said_vi


def test_the_vietnamese_locale_says_them_too() -> None:
    result = CliRunner().invoke(main, ["build", "--help"], prog_name="vanthu",
                                env={"VANTHU_LANG": None, "LC_ALL": "vi_VN.UTF-8"})  # fmt: skip
    assert "--output THƯ_MỤC" in result.output and "DIRECTORY" not in result.output
