"""Click's usage errors said in the user's language (pipeline/usage_errors.py): each form a
user meets, through the real commands. A Click release that words one differently falls back
to English, and the test of that form fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

THIS = __file__  # a file where a folder is asked for
HERE = str(Path(__file__).parent)  # a folder where a file is asked for
CASES = [
    (["so", "xem"], "thiếu tham số 'NĂM'.", "missing argument 'YEAR'."),
    (["so", "cap", "--ngay", "31/02/2026"], "'--ngay': ngày '31/02/2026' sai dạng",
     "'--ngay': the date '31/02/2026' is in the wrong form"),
    (["build", "-j", "0"], "'-j' / '--jobs': 0 nhỏ quá; ít nhất là 1.",
     "'-j' / '--jobs': 0 is too small; the least is 1."),
    (["build", "-j", "x"], "'-j' / '--jobs': 'x' không phải số nguyên.",
     "'-j' / '--jobs': 'x' is not a whole number."),
    (["khong-co"], "không có lệnh 'khong-co'.", "no command 'khong-co'."),
    (["build", "--outpt", "x"], "không có tùy chọn '--outpt'; có phải '--output'?",
     "no option '--outpt'; did you mean '--output'?"),
    (["build", "--zzz"], "không có tùy chọn '--zzz'.", "no option '--zzz'."),
    (["new", "quyet-dinhh"], "không có 'quyet-dinhh'; chọn một trong: ke-hoach, quyet-dinh,",
     "'quyet-dinhh' is not a choice; choose one of: ke-hoach, quyet-dinh,"),
    (["verify", "--format", "xml"], "'--format': không có 'xml'; chọn một trong: text, json.",
     "'--format': 'xml' is not a choice; choose one of: text, json."),
    (["so", "xem", "2026", "thua"], "thừa tham số (thua).", "unexpected extra argument (thua)."),
    (["so", "--co-quan", "vp"], "thiếu lệnh.", "missing command."),
    (["so", "nhap"], "thiếu tham số 'TỆP.xlsx'.", "missing argument 'FILE.xlsx'."),
    (["build", "-o"], "tùy chọn '-o' cần một giá trị đi sau.",
     "option '-o' needs a value after it."),
    (["new"], "thiếu tham số; chọn một trong: ke-hoach, quyet-dinh, quyet-dinh-chung,",
     "missing argument; choose one of: ke-hoach, quyet-dinh, quyet-dinh-chung,"),
    (["new", "cong-van", "-o", HERE], f"'-o' / '--output': '{HERE}' là một thư mục, cần tên "
     "một tệp.", f"'-o' / '--output': '{HERE}' is a folder; a file is needed."),
    (["so", "nhap", HERE], f"'TỆP.xlsx': '{HERE}' là một thư mục, cần tên một tệp.",
     f"'FILE.xlsx': '{HERE}' is a folder; a file is needed."),
    (["init", THIS, "--kieu", "ubnd-xa"], f"'[THƯ_MỤC]': '{THIS}' là một tệp, cần tên một thư "
     "mục.", f"'[FOLDER]': '{THIS}' is a file; a folder is needed."),
    (["render"], "thiếu tham số 'TỆP...'.", "missing argument 'FILE...'."),
    (["templates", "fields"], "thiếu tham số 'TÊN'.", "missing argument 'NAME'."),
    (["build", "--bogus"], "không có tùy chọn '--bogus'; có phải một trong các tùy chọn: "
     "'--bo-qua-so', '--jobs'?", "no option '--bogus'; did you mean one of: '--bo-qua-so', "
     "'--jobs'?"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "vi", "en"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_usage_errors_in_the_users_language(args: list[str], vi: str, en: str) -> None:
    for lang, words, error, english_words in (
        ("vi", vi, "Lỗi: ", ("Error", "Usage", "Try ")),
        ("en", en, "Error: ", ()),
    ):
        result = CliRunner().invoke(main, ["--lang", lang, *args])
        assert result.exit_code == 2, result.output
        assert f"{error}{words}" in result.output
        assert result.output.count(error) == 1
        assert not any(word in result.output for word in english_words), result.output
        assert "Traceback" not in result.output


def test_usage_line_and_help_hint_in_vietnamese() -> None:
    result = CliRunner().invoke(main, ["--lang", "vi", "so", "xem"])
    lines = result.output.splitlines()
    assert lines[0].startswith("Cách dùng: ") and lines[0].endswith("so xem [TÙY_CHỌN] NĂM")
    assert lines[1] == "Xem 'main so xem --help' để biết cách dùng."


def test_vanthus_own_usage_errors_keep_their_words() -> None:
    result = CliRunner().invoke(main, ["--lang", "vi", "verify"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "Lỗi: không có tệp .docx nào để kiểm tra" in result.output


def test_no_arguments_shows_the_help_not_an_error() -> None:
    runner = CliRunner(env={"VANTHU_LANG": "vi"})
    for args in ([], ["--lang", "vi", "so"]):
        result = runner.invoke(main, args)
        assert "Lỗi" not in result.output and "Tùy chọn:" in result.output, result.output
        assert result.output.startswith("Cách dùng: ")
