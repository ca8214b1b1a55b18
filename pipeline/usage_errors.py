"""Click's usage errors (a missing argument, a value of the wrong form, an unknown option) said
in the user's language, like every other message of vanthu.

Click words these in English through gettext, which would need a compiled catalogue per
language and the process's locale set to pick it; vanthu's language is chosen by --lang.
So the few forms a user meets are recognised here by Click's own wording (pinned by
tests/test_usage_errors.py against the installed Click) and said through the message
catalogue; any other keeps Click's words.
"""

from __future__ import annotations

import re
from typing import IO, Any

import click

from pipeline.help_language import say_words
from pipeline.i18n import current_language, library_wording, t

_NAME = r"(?P<name>'[^']*'(?: / '[^']*')*)"
# What click.Path names and quotes (its repr: "'a.yaml'", or '"it's.yaml"'), the path alone kept.
_PATH = r"(?:File|Directory|Path) (?P<q>['\"])(?P<value>.*)(?P=q)"
# Click's English (click.exceptions, click.types, click.parser) → catalogue key.
_FORMS = [
    (re.compile(rf"^Missing argument {_NAME}\.$"), "cli.usage_missing_argument"),
    # A choice argument's name is its choices ('{ke-hoach|quyet-dinh|...}'), listed after it.
    (re.compile(rf"^Missing argument {_NAME}\. Choose from:\s*(?P<choices>.*?)\.?$", re.S),
     "cli.usage_missing_choice"),  # fmt: skip
    # click.Path's checks: "File '/tmp' is a directory.", "Directory 'x.yaml' is a file."
    *((re.compile(rf"^Invalid value for {_NAME}: {_PATH} {words}\.$", re.S), key)
      for words, key in (("is a directory", "cli.usage_is_directory"),
                         ("is a file", "cli.usage_is_file"),
                         ("does not exist", "cli.usage_does_not_exist"),
                         ("is not readable", "cli.usage_not_readable"),
                         ("is not writable", "cli.usage_not_writable"))),  # fmt: skip
    (re.compile(rf"^Missing option {_NAME}\.$"), "cli.usage_missing_option"),
    (
        re.compile(rf"^Invalid value for {_NAME}: '(?P<value>.*)' does not match the formats? ",
                   re.S),  # fmt: skip
        "cli.usage_bad_date",
    ),
    (
        re.compile(rf"^Invalid value for {_NAME}: '(?P<value>.*)' is not one of (?P<choices>.*)\.$",
                   re.S),  # fmt: skip
        "cli.usage_not_a_choice",
    ),
    (
        re.compile(rf"^Invalid value for {_NAME}: '(?P<value>.*)' is not a valid integer"),
        "cli.usage_not_integer",
    ),
    (
        re.compile(rf"^Invalid value for {_NAME}: (?P<value>.+) is not in the range "
                   r"x>=(?P<low>-?\d+)\.$"),  # fmt: skip
        "cli.usage_too_small",
    ),
    (re.compile(r"^No such command '(?P<name>.*)'\.$"), "cli.usage_no_command"),
    (
        re.compile(r"^No such option '(?P<name>[^']*)'\. Did you mean '(?P<close>[^']*)'\?$"),
        "cli.usage_no_option_close",
    ),
    # Several options close to it (Click 8.2+): "(Did you mean one of: '--jobs', '--pdf'?)".
    (
        re.compile(r"^No such option '(?P<name>[^']*)'\. \(Did you mean one of: "
                   r"(?P<close>'[^']*'(?:, '[^']*')*)\?\)$"),  # fmt: skip
        "cli.usage_no_option_several",
    ),
    (re.compile(r"^No such option '(?P<name>[^']*)'\.$"), "cli.usage_no_option"),
    (re.compile(r"^Option '(?P<name>[^']*)' requires an argument\.$"), "cli.usage_needs_value"),
    (re.compile(r"^Got unexpected extra arguments? \((?P<value>.*)\)$"), "cli.usage_extra"),
    (re.compile(r"^Missing command\.$"), "cli.usage_missing_command"),
]


def usage_message(error: click.UsageError) -> str:
    """The error's message in the current language; Click's own when its form is not known."""
    original = error.format_message()
    worded = library_wording(_FORMS, original)
    if worded is None:
        return original
    key, found = worded
    fields: dict[str, Any] = found.groupdict()
    if fields.get("name", "").startswith("'"):  # 'TỆP.xlsx': 'FILE.xlsx' in English
        fields["name"] = " / ".join(
            f"'{say_words(name.strip(chr(39)), current_language())}'"
            for name in fields["name"].split(" / ")
        )
    fields.pop("q", None)
    if "choices" in fields:  # "'a', 'b'", or "\n\ta,\n\tb" after a missing argument
        fields["choices"] = ", ".join(
            c.strip().strip("'") for c in fields["choices"].split(",") if c.strip()
        )
    if fields.get("name", "").startswith("'{"):  # a choice argument: its name is its choices
        key += "_unnamed"
    return t(key, **fields)


def in_users_language(error: click.UsageError) -> click.UsageError:
    """The error to raise in its place: said in the user's language; Click's "no arguments,
    so the help" (NoArgsIsHelpError, Click 8.2+) left to print the help as it does."""
    if type(error).__name__ == "NoArgsIsHelpError":
        return error
    return UsageErrorShown(error)


class UsageErrorShown(click.UsageError):
    """A usage error shown as vanthu shows errors: usage line, where help is, one message."""

    def __init__(self, error: click.UsageError) -> None:
        super().__init__(usage_message(error), error.ctx)
        self.exit_code = error.exit_code

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            usage = ctx.get_usage()
            usage = t("cli.usage_usage") + usage.removeprefix("Usage:") if usage.startswith(
                "Usage:"
            ) else usage
            hint = t("cli.usage_help", command=f"{ctx.command_path} --help")
            click.echo(f"{usage}\n{hint}\n", file=file, err=file is None, color=ctx.color)
        click.echo(f"{t('common.error')}: {self.message}", file=file, err=file is None)
