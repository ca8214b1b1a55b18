"""The commands' help (`vanthu ... --help`) in the user's language.

The help texts are written in Vietnamese in the command modules, where Click reads them, and
Click adds a few words of its own in English ("Show this message and exit.", "Options:"). Rather
than touch each command, vanthu gives every command (use_help_language, called as vanthu's group
hands a command out) a Context whose formatter says each text it is given in the current
language: in English, a Vietnamese text by its entry of the help area of the catalogue
(pipeline/messages/help.py, found by its "vi" text, whitespace collapsed as Click rewraps it);
in Vietnamese, Click's own words by theirs (help.click.*), the "[required]", "[default: ...]"
Click puts after an option's help included (help.click.extra.*). A text without an entry shows
as written; tests/test_help_language.py makes sure every help text has one.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Sequence
from functools import cache

import click

from pipeline.i18n import SUPPORTED, current_language, t
from pipeline.messages import CATALOGUE

HELP_AREA = "help."
CLICK_AREA = "help.click."  # Click's English → Vietnamese
METAVAR_PART = ".metavar."  # a word of a usage line or an option's name column


def normal(text: str) -> str:
    """A help text as a lookup key: Click rewraps help, so its whitespace does not count."""
    return " ".join(text.split())


def _index(keys_wanted: str, source: str, target: str, *, metavars: bool) -> dict[str, str]:
    return {
        normal(entry[source]): entry[target]
        for key, entry in CATALOGUE.items()
        if key.startswith(keys_wanted)
        and not (keys_wanted == HELP_AREA and key.startswith(CLICK_AREA))
        and (METAVAR_PART in key) == metavars
    }


# The tables are made from the catalogue when help is first said (a command's help, a usage
# error), each once (functools.cache), not at import: ~10 M instructions of every command's
# start, which a command that says no help never needs.
@cache
def to_english() -> dict[str, str]:
    """vanthu's help texts in English, by their Vietnamese (help.* entries)."""
    return _index(HELP_AREA, "vi", "en", metavars=False)


@cache
def metavars_to_english() -> dict[str, str]:
    """vanthu's metavars (TỆP|URL) in English, by their Vietnamese."""
    return _index(HELP_AREA, "vi", "en", metavars=True)


@cache
def click_to_vietnamese() -> dict[str, str]:
    """Click's own words (headings, its options' help) in Vietnamese, by their English."""
    return _index(CLICK_AREA, "en", "vi", metavars=False)


def translated(text: str, lang: str) -> str | None:
    """`text`, a help text or heading, in `lang`; None when the table has no entry for it."""
    table = to_english() if lang == "en" else click_to_vietnamese()
    found = table.get(normal(text))
    if found is not None:
        return found
    # An option's help with Click's extras after it: "Lý do hủy số.  [required]", or the
    # extras alone ("[required]") for an option without help.
    head, separator, extras = text.rpartition("  [")
    if not (separator and head):
        head, separator, extras = "", "[", text[1:]
    if not (text.startswith("[") or head) or not extras.endswith("]"):
        return None
    said_head = table.get(normal(head)) if head else ""
    said_extras = clicks_extras(extras[:-1], lang)
    if said_head is None and said_extras == extras[:-1]:
        return None
    return f"{head if said_head is None else said_head}{separator}{said_extras}]"


@cache
def extras_to_vietnamese() -> dict[str, str]:
    """The words of Click's extras after an option's help (Option.get_help_record): "required",
    "default: X", "env var: X", a range ("x>=1"), joined by "; "; each word by its
    help.click.extra.* entry."""
    return _index(CLICK_AREA + "extra.", "en", "vi", metavars=False)


def clicks_extras(extras: str, lang: str) -> str:
    """The inside of Click's "[...]" after an option's help in `lang`: Click writes it in
    English, so in English as it is; in Vietnamese its words ("required", "default") by their
    entries, values ("default: 1", "x>=1") as they are."""
    if lang == "en":
        return extras
    said = []
    table = extras_to_vietnamese()
    for item in extras.split("; "):
        word, colon, value = item.partition(": ")
        found = table.get(word)
        said.append(item if found is None else f"{found}{colon}{value}")
    return "; ".join(said)


def say(text: str, lang: str) -> str:
    """`text` in `lang` when the table knows it, else as given."""
    found = translated(text, lang)
    return text if found is None else found


@cache
def metavars_to_vietnamese() -> dict[str, str]:
    """Click's own metavars (TEXT, INTEGER RANGE, DIRECTORY, [OPTIONS], COMMAND [ARGS]...) in
    Vietnamese, by their help.click.metavar.* entries."""
    return _index(CLICK_AREA, "en", "vi", metavars=True)


@cache
def _clicks_metavar() -> re.Pattern[str]:
    """One of Click's metavars: a whole word in capitals, not a choice's value ([text|json])
    nor part of an argument's name (INPUT_DIR)."""
    words = sorted(metavars_to_vietnamese(), key=len, reverse=True)
    return re.compile(r"(?<![\w|{-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w|}-])")


def say_words(text: str, lang: str) -> str:
    """A usage line's arguments or an option's name column, its metavars in `lang`: vanthu's
    own (TỆP|URL) in English by their entries, Click's (TEXT, PATH) in Vietnamese by theirs."""
    if lang != "en":
        table = metavars_to_vietnamese()
        return _clicks_metavar().sub(lambda word: table[word[1]], text)
    table = metavars_to_english()
    return " ".join(table.get(word, word) for word in text.split(" "))


class HelpFormatter(click.HelpFormatter):
    """Click's formatter, saying the texts it is given in `lang` (None: as Click does)."""

    def __init__(
        self, ctx: click.Context, lang: str | None, width: int | None = None,
        max_width: int | None = None,
    ) -> None:  # fmt: skip
        super().__init__(width=width, max_width=max_width)
        self.ctx = ctx
        self.lang = lang
        self.heading = ""  # Click's own word for the section being written

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if self.lang == "vi" and prefix is None:
            prefix = f"{t('cli.usage_usage', lang='vi')} "
        if self.lang is not None:
            args = say_words(args, self.lang)
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        self.heading = heading
        super().write_heading(heading if self.lang is None else say(heading, self.lang))

    def write_text(self, text: str) -> None:
        super().write_text(text if self.lang is None else say(text, self.lang))

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        lang = self.lang
        if lang is not None:
            rows = list(rows)
            if lang == "en" and self.heading == "Commands" and rows:
                rows = self._commands_in_english(rows)
            rows = [(say_words(term, lang), say(text, lang)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)

    def _commands_in_english(self, rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """A group's commands with their short help made from the English help: Click cuts a
        command's docstring to fit (Group.format_commands), and a cut text has no entry."""
        group = self.ctx.command
        if not isinstance(group, click.Group):
            return rows
        limit = self.width - 6 - max(len(name) for name, _ in rows)  # as Group.format_commands
        shown = []
        for name, text in rows:
            command = group.get_command(self.ctx, name)
            if command is not None and command.get_short_help_str(limit) == text:
                if command.short_help:
                    text = say(inspect.cleandoc(command.short_help), "en")
                elif command.help:
                    english = translated(inspect.cleandoc(command.help), "en")
                    if english is not None:
                        # Cut as Click cuts (make_default_short_help is deprecated in 8.4).
                        text = click.Command(name, help=english).get_short_help_str(limit)
            shown.append((name, text))
        return shown


class HelpContext(click.Context):
    """A command's context whose help is said in vanthu's language, when run under vanthu."""

    def make_formatter(self) -> click.HelpFormatter:
        speaks = isinstance(self.find_root(), VanthuContext)
        return HelpFormatter(
            self, current_language() if speaks else None, width=self.terminal_width,
            max_width=self.max_content_width,
        )  # fmt: skip


class VanthuContext(HelpContext):
    """The context of `vanthu` itself: a command run below it speaks the user's language (run
    alone, as tests do, it keeps Click's words)."""


def use_help_language(command: click.Command) -> None:
    """Give `command` and its subcommands contexts that say their help in the user's language;
    a command with a context class of its own keeps it."""
    if command.context_class is click.Context:
        command.context_class = HelpContext
    if isinstance(command, click.Group):
        for subcommand in command.commands.values():
            use_help_language(subcommand)


def requested_language(group: click.Command, args: Sequence[str]) -> str | None:
    """The language asked for by `--lang` among the group's own arguments (before the command's
    name), None when none is or it is not one vanthu speaks. --help is eager: Click shows it
    before the other options (--lang) have their values."""
    lang_options: set[str] = set()
    with_value: set[str] = set()
    for param in group.params:
        if isinstance(param, click.Option) and not (param.is_flag or param.count):
            with_value.update(param.opts)
            if param.name == "lang":
                lang_options.update(param.opts)
    chosen: str | None = None
    index = 0
    while index < len(args):
        arg = args[index]
        name, equals, value = arg.partition("=")
        if arg == "--" or not arg.startswith("-"):
            break  # the command's name: what follows is the command's
        if name in with_value and not equals:
            value = args[index + 1] if index + 1 < len(args) else ""
            index += 1
        if name in lang_options:
            chosen = value
        index += 1
    return chosen if chosen in SUPPORTED else None
