"""`vanthu ... --help` in the user's language (pipeline/help_language.py), for every command and
subcommand of `vanthu`, the lazily imported ones included: in English (--lang en or an English
locale) no Vietnamese word is left but data; in Vietnamese the help is Click's own but for the
words Click adds (usage, headings, --help and --version); every help text has its English entry
in pipeline/messages/help.py, so a new option without one fails here."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.help_language import (
    click_to_vietnamese,
    metavars_to_english,
    normal,
    requested_language,
    say_words,
    to_english,
)
from pipeline.i18n import set_language
from pipeline.messages import CATALOGUE

VIETNAMESE_LETTER = re.compile(r"[À-ỹ]")
# Data that English help names as written: an example place, the type code of a quyết định in
# example values (QĐ-VPUBND, QĐ=quyet-dinh), the decree's number (30/2020/NĐ-CP).
DATA = ("Sơn La", "QĐ", "NĐ-CP")
# What Click adds in English, shown in Vietnamese.
CLICK_WORDS = {
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "\nOptions:\n": "\nTùy chọn:\n",
    "\nCommands:\n": "\nLệnh:\n",
    "  [required]\n": "  [bắt buộc]\n",  # Click's extras (help.click.extra.*)
}


def _walk() -> list[tuple[list[str], click.Command, click.Context]]:
    """Every command below `vanthu` with a plain Click context, through get_command as the
    command line does (which imports the package commands)."""
    found: list[tuple[list[str], click.Command, click.Context]] = []

    def walk(command: click.Command, ctx: click.Context, path: list[str]) -> None:
        found.append((path, command, ctx))
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                subcommand = command.get_command(ctx, name)
                assert subcommand is not None, name
                walk(subcommand, click.Context(subcommand, parent=ctx, info_name=name),
                     [*path, name])  # fmt: skip

    walk(main, click.Context(main, info_name="vanthu"), [])
    return found


COMMANDS = _walk()
PATHS = [path for path, _command, _ctx in COMMANDS]
IDS = [" ".join(["vanthu", *path]) for path in PATHS]


@pytest.fixture(autouse=True)
def _a_new_process() -> None:
    """The language a new process starts with: what a test asks for must come from its call."""
    set_language("vi")


def _help(args: list[str], **env: str | None) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], prog_name="vanthu", env=env)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def _without_data(text: str) -> str:
    for word in DATA:
        text = text.replace(word, "")
    return text


def test_the_walk_reaches_every_command_and_subcommand() -> None:
    names = {" ".join(path) for path in PATHS}
    assert {"", "build", "render", "check", "new", "init", "verify", "templates", "so"} <= names
    assert {"so cap", "so giu", "so huy", "so xuat", "templates list", "templates copy"} <= names


@pytest.mark.parametrize("path", PATHS, ids=IDS)
@pytest.mark.parametrize(
    ("lang", "env"),
    [(["--lang", "en"], {}), ([], {"VANTHU_LANG": None, "LC_ALL": "en_US.UTF-8"})],
    ids=["lang", "locale"],
)
def test_help_in_english(path: list[str], lang: list[str], env: dict[str, str | None]) -> None:
    output = _help([*lang, *path], **env)
    left = VIETNAMESE_LETTER.findall(_without_data(output))
    assert not left, output
    assert output.startswith("Usage: vanthu") and "\nOptions:\n" in output, output
    assert "Show this message and exit." in output


@pytest.mark.parametrize("args", [["--lang=en"], ["--help", "--lang", "en"]])
def test_vanthus_own_help_in_english_however_asked(args: list[str]) -> None:
    """--help is eager: Click shows it before --lang has its value, wherever --lang stands."""
    result = CliRunner().invoke(main, [*args, "--help"], prog_name="vanthu")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: vanthu")
    assert "Message language (default: from the locale)." in result.output


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_help_in_vietnamese_is_clicks_but_for_clicks_own_words(path: list[str]) -> None:
    """Click's help with its own words said in Vietnamese, its metavars (TEXT, PATH) too: the
    same words, the columns and lines aside (a metavar's width moves them)."""
    command, ctx = next((c, x) for p, c, x in COMMANDS if p == path)
    with CliRunner().isolation():  # the runner's terminal width
        plain_usage = command.get_usage(ctx)  # a plain click.Context: Click's own formatter
        plain = command.get_help(ctx)
        usage = ctx.make_formatter()
    assert plain.startswith(plain_usage)
    usage.write_usage(ctx.command_path, say_words(" ".join(command.collect_usage_pieces(ctx)),
                                                  "vi"), prefix="Cách dùng: ")  # fmt: skip
    rest = plain[len(plain_usage) :]
    for english, vietnamese in CLICK_WORDS.items():
        rest = rest.replace(english, vietnamese)
    rest = "\n".join(say_words(line, "vi") if line.startswith("  -") else line
                     for line in rest.split("\n"))  # fmt: skip
    expected = usage.getvalue().rstrip("\n") + rest + "\n"

    said = _help(["--lang", "vi", *path])
    assert said.startswith(usage.getvalue().rstrip("\n"))
    assert normal(said) == normal(expected)
    assert _help(path, VANTHU_LANG="vi") == said


def test_vietnamese_help_of_the_register_word_for_word() -> None:
    assert _help(["--lang", "vi", "so", "huy"]) == (
        "Cách dùng: vanthu so huy [TÙY_CHỌN] SỐ\n"
        "\n"
        "  Hủy số: giữ lại trong sổ kèm lý do, không bao giờ cấp lại.\n"
        "\n"
        "Tùy chọn:\n"
        "  --ly-do CHUỖI    Lý do hủy số.  [bắt buộc]\n"
        "  --nam SỐ_NGUYÊN  Năm (mặc định: năm nay).\n"
        "  --day CHUỖI      Dãy số (mặc định: chung).\n"
        "  --help           Hiện hướng dẫn này rồi thoát.\n"
    )


def test_english_help_of_the_register_word_for_word() -> None:
    assert _help(["--lang", "en", "so", "huy"]) == (
        "Usage: vanthu so huy [OPTIONS] NUMBER\n"
        "\n"
        "  Cancel a number: it stays in the register with the reason and is never issued\n"
        "  again.\n"
        "\n"
        "Options:\n"
        "  --ly-do TEXT   Why the number is cancelled.  [required]\n"
        "  --nam INTEGER  Year (default: this year).\n"
        "  --day TEXT     Number sequence (default: the common one).\n"
        "  --help         Show this message and exit.\n"
    )


def test_bilingual_texts_show_one_half() -> None:
    english = normal(_help(["--lang", "en"]))
    assert "Message language (default: from the locale)." in english
    assert "message language" not in english
    vietnamese = normal(_help(["--lang", "vi"]))
    assert "Ngôn ngữ thông báo / message language (mặc định theo locale)." in vietnamese


def test_metavars_in_english() -> None:
    assert "Usage: vanthu so nhap [OPTIONS] FILE.xlsx" in _help(["--lang", "en", "so", "nhap"])
    output = _help(["--lang", "en", "so"])
    for term in ("--db FILE|URL", "--co-quan ID", "--tach TYPE=SEQUENCE"):
        assert term in output
    assert "--db TỆP|URL" in _help(["--lang", "vi", "so"])


@pytest.mark.parametrize(
    "path", [p for p, c, _x in COMMANDS if isinstance(c, click.Group)],
    ids=[" ".join(["vanthu", *p]) for p, c, _x in COMMANDS if isinstance(c, click.Group)],
)  # fmt: skip
def test_a_groups_commands_are_cut_from_their_english_help(path: list[str]) -> None:
    """Click cuts each command's help to one line: the English is cut, not looked up cut."""
    output = _help(["--lang", "en", *path])
    assert "\nCommands:\n" in output, output
    listing = output.split("\nCommands:\n", 1)[1]
    group = next(c for p, c, _x in COMMANDS if p == path)
    assert isinstance(group, click.Group)
    for line in listing.splitlines():
        name, short = line.split(maxsplit=1)
        full = to_english()[normal(group.commands[name].help or "")]
        assert normal(full).startswith(short.removesuffix("...")), (name, short)


def test_commands_run_alone_keep_clicks_words() -> None:
    """A command invoked without vanthu (as the other tests do) shows Click's help as is."""
    verify = main.get_command(click.Context(main), "verify")
    assert verify is not None
    result = CliRunner().invoke(verify, ["--help"], prog_name="verify")
    assert (
        result.output.startswith("Usage: verify") and "Show this message and exit." in result.output
    )
    assert "Kiểm tra .docx theo Nghị định 30/2020/NĐ-CP" in normal(result.output)


def _params(command: click.Command, ctx: click.Context) -> list[click.Parameter]:
    """The command's parameters with Click's --help."""
    help_option = command.get_help_option(ctx)
    return [*command.params, *([help_option] if help_option is not None else [])]


def test_every_help_text_has_its_entry() -> None:
    missing: list[tuple[str, ...]] = []
    for path, command, ctx in COMMANDS:
        where = " ".join(["vanthu", *path])
        for text in (command.help, command.short_help, command.epilog):
            if text and normal(text) not in to_english():
                missing.append((where, text))
        for param in _params(command, ctx):
            name = param.name or ""
            help_text = getattr(param, "help", None)
            if help_text and normal(help_text) not in {*to_english(), *click_to_vietnamese()}:
                missing.append((where, name, help_text))
            metavar = param.metavar
            english = metavars_to_english()
            if metavar and VIETNAMESE_LETTER.search(metavar) and metavar not in english:
                missing.append((where, name, metavar))
    assert not missing, "help texts without an entry in pipeline/messages/help.py:\n" + "\n".join(
        map(repr, missing)
    )


def test_every_entry_is_used_and_english() -> None:
    """An entry no command uses is a help text changed in its command: its entry is stale."""
    used: set[str] = set()
    for _path, command, ctx in COMMANDS:
        used.update(normal(t) for t in (command.help, command.short_help, command.epilog) if t)
        for param in _params(command, ctx):
            used.update(normal(t) for t in (getattr(param, "help", None), param.metavar) if t)
    help_entries = {k: e for k, e in CATALOGUE.items() if k.startswith("help.")}
    stale = [key for key, entry in help_entries.items()
             if not key.startswith("help.click.") and normal(entry["vi"]) not in used]  # fmt: skip
    assert not stale
    for key, entry in help_entries.items():
        assert entry["vi"] and entry["en"], key
        assert not VIETNAMESE_LETTER.search(_without_data(entry["en"])), key
    vietnamese = [normal(e["vi"]) for k, e in help_entries.items() if not k.startswith("help.cl")]
    assert len(vietnamese) == len(set(vietnamese))  # one English for each text


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (["--lang", "en", "--help"], "en"),
        (["--help", "--lang", "en"], "en"),
        (["--lang=vi", "so", "--help"], "vi"),
        (["--templates", "--lang", "so"], None),  # --lang is the folder's name
        (["so", "--lang", "en"], None),  # the command's arguments
        (["--lang", "fr", "--help"], None),
        (["--lang"], None),
        ([], None),
    ],
)
def test_requested_language(args: list[str], lang: str | None) -> None:
    assert requested_language(main, args) == lang
