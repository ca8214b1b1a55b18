"""vanthu: the command line, a thin layer over pipeline.api.

Every command parses its options, calls one library function and prints the result; errors
become one message and exit code 1 here, in one place.
"""

# The imports below early_interrupt.watch() come after it on purpose (E402).
# ruff: noqa: E402
from __future__ import annotations

import importlib
import os
import sys
import traceback
from pathlib import Path
from typing import Any

from pipeline import early_interrupt

# First of all, before the imports that take the command line's first 0.1 s: a SIGINT sent to a
# build started with it ignored is noted, not lost (pipeline.early_interrupt).
early_interrupt.watch()

import click

from pipeline import __version__
from pipeline.cli_paths import command_line_path
from pipeline.errors import VanthuError
from pipeline.gc_policy import command_line, lasting_objects
from pipeline.help_language import VanthuContext, requested_language, use_help_language
from pipeline.i18n import set_language, t
from pipeline.paths import shown
from pipeline.process_exit import INTERRUPTED_EXIT, leave

# Commands whose library lives in its own package, imported only when used: `vanthu build` with
# nothing to rebuild should not pay for the renderer, the register or the verifier.
PACKAGE_COMMANDS = {
    "build": "pipeline.batch.command:build_command",
    "init": "pipeline.workspace.command:init_command",
    "so": "pipeline.register.command:register_command",
    "templates": "pipeline.template_tools.command:templates_command",
    "verify": "pipeline.verify.command:verify_command",
}


class VanthuGroup(click.Group):
    """Turns every VanthuError into one message and exit 1; never shows a traceback. Commands of
    PACKAGE_COMMANDS are imported when invoked (Click's lazy-loading group pattern). Every
    command's help is said in the user's language (pipeline.help_language)."""

    context_class = VanthuContext

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *PACKAGE_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in PACKAGE_COMMANDS and cmd_name not in self.commands:
            module_name, attribute = PACKAGE_COMMANDS[cmd_name].split(":")
            with lasting_objects():  # a package's modules live as long as the process
                command = getattr(importlib.import_module(module_name), attribute)
            self.add_command(command, cmd_name)
        found = super().get_command(ctx, cmd_name)
        if found is not None:  # every command passes here, the lazily imported ones too
            use_help_language(found)
        return found

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # `vanthu --lang en --help`: --help is eager, shown before invoke() sets the language.
        set_language(requested_language(self, args))
        return super().parse_args(ctx, args)

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:  # fmt: skip
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:  # vanthu's own options (--lang): as the subcommands'
            # Imported only for a usage error: its patterns, ~7 M instructions of every start.
            from pipeline.usage_errors import in_users_language

            raise in_users_language(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        # Now, not only in main's body: an unknown command is found before main's body runs.
        set_language(ctx.params.get("lang"))
        try:
            with command_line():
                return super().invoke(ctx)
        except VanthuError as exc:
            click.echo(f"{label(exc)}: {exc.message()}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:  # Ctrl-C outside a build's workers (inside: BuildInterrupted)
            # Nothing imported here: a Ctrl-C while a command's modules were being imported
            # leaves some half-loaded, and importing more (pipeline.batch) would meet them.
            said = t(_STOPPED.get(ctx.invoked_subcommand or "", "cli.interrupted"))
            click.echo(f"{t('cli.stopped')}: {said}", err=True)
            ctx.exit(INTERRUPTED_EXIT)
        except click.UsageError as exc:  # a subcommand's arguments: said in the user's language
            from pipeline.usage_errors import in_users_language  # only then, as in make_context

            raise in_users_language(exc) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except PermissionError as exc:  # one no reader said (a folder this user may not
            # enter, a file not to be written): the user's to mend, not a bug of vanthu's
            click.echo(f"{t('common.error')}: {_denied(exc)}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # `vanthu ... | head`: the reader stopped; so do we, quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except Exception as exc:  # a bug: say so in one line; VANTHU_DEBUG=1 shows where
            if os.environ.get("VANTHU_DEBUG"):
                traceback.print_exc()
            click.echo(t("cli.internal_error", reason=f"{type(exc).__name__}: {exc}"), err=True)
            ctx.exit(1)


# What a command stopped by Ctrl-C says of what it leaves: the build and render keep what they
# wrote (each file written whole: output.write_atomic), check and verify write nothing.
_STOPPED = {
    "build": "build.interrupted",
    "render": "render.interrupted",
    "check": "cli.interrupted_read_only",
    "verify": "cli.interrupted_read_only",
}


def label(error: VanthuError) -> str:
    """The word before an error's message: "Lỗi", or "Đã dừng" for a run the user stopped
    (Ctrl-C, SIGTERM: asked for, not an error)."""
    # A BuildInterrupted exists only once its module is imported; not importing it here keeps
    # every other error from importing pipeline.batch (the whole builder) to be said.
    interrupts = sys.modules.get("pipeline.batch.interrupts")
    stopped = interrupts is not None and isinstance(error, interrupts.BuildInterrupted)
    return t("cli.stopped") if stopped else t("common.error")


def _denied(exc: PermissionError) -> str:
    """A PermissionError as one line naming the path the system refused."""
    if exc.filename is None:
        return t("cli.permission_denied_unnamed")
    try:
        path = shown(Path(os.fsdecode(exc.filename)))  # relative to here, as readers say it
    except (OSError, TypeError):  # the working folder gone; a descriptor, not a path
        path = str(exc.filename)
    return t("cli.permission_denied", path=path)


@click.group(cls=VanthuGroup)
@click.version_option(__version__, prog_name="vanthu", message="%(prog)s %(version)s")
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default=None,
    help="Ngôn ngữ thông báo / message language (mặc định theo locale).",
)
@click.option(
    "--templates",
    "templates_dir",
    # Not Click's own check of a folder: its message is English and exits 2; the library says
    # it in the user's language (TemplateLibrary), as for a missing folder.
    type=command_line_path(),
    default=None,
    help="Thư mục mẫu .docx dùng trước mẫu của cơ quan (mau/) và mẫu có sẵn / a templates "
    "folder searched before the workspace's own (mau/) and the built-in ones.",
)
@click.pass_context
def main(ctx: click.Context, lang: str | None, templates_dir: Path | None) -> None:
    """vanthu — văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ dữ liệu YAML."""
    set_language(lang)
    ctx.obj = {"templates": templates_dir}


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=command_line_path(), metavar="TỆP...")
@click.option(
    "-o",
    "--output",
    type=command_line_path(),
    default=None,
    help="Tệp .docx kết quả (một đầu vào; .pdf với --pdf) hoặc thư mục (mặc định: "
    "outputs/<năm>/<tên>.docx của thư mục làm việc).",
)
@click.option("--pdf", is_flag=True, help="Xuất thêm PDF bên cạnh tệp .docx (LibreOffice).")
@click.option(
    "--in-thu", "test_print", is_flag=True,
    help="Giấy khen: in thử trên giấy trắng, vẽ khung của phôi để so vị trí (như in_thu: co).",
)  # fmt: skip
@click.option(
    "--force", is_flag=True,
    help="Ghi đè (tệp cũ được giữ lại bên cạnh, tên có thêm .sua-tay) cả tệp kết quả đã bị "
    "sửa tay, và tệp có sẵn ở chỗ -o chỉ tới.",
)  # fmt: skip
@click.pass_context
def render(
    ctx: click.Context,
    inputs: tuple[Path, ...],
    output: Path | None,
    pdf: bool,
    test_print: bool,
    force: bool,
) -> None:
    """Dựng văn bản .docx từ tệp dữ liệu YAML."""
    from pipeline.api import render_documents

    try:
        rendered = render_documents(
            list(inputs),
            output,
            pdf=pdf,
            templates=ctx.obj["templates"],
            test_print=test_print,
            force=force,
        )
    except (VanthuError, KeyboardInterrupt) as exc:
        # Stopped partway: the copies of hand-edited outputs it kept (.sua-tay), each said
        # once as a finished render says it, before the error VanthuGroup says.
        for warning in getattr(exc, "__notes__", ()):
            click.echo(f"{t('build.warning')}: {warning}", err=True)
        raise
    for item in rendered:
        click.echo(t("cli.rendered", input=shown(item.input), output=shown(item.docx)))
        if item.number is not None:
            click.echo(t("register.numbered", number=item.number))
        for warning in item.warnings:
            click.echo(f"{t('build.warning')}: {warning}", err=True)
        if item.pdf is not None:
            click.echo(t("ws.pdf_written", output=shown(item.pdf)))


@main.command()
@click.argument("inputs", nargs=-1, type=command_line_path(), metavar="[TỆP]...")
@click.pass_context
def check(ctx: click.Context, inputs: tuple[Path, ...]) -> None:
    """Kiểm tra dữ liệu, không ghi tệp nào: các tệp, thư mục làm việc hay thư mục dữ liệu được
    chỉ (mặc định: mọi văn bản của thư mục làm việc)."""
    from pipeline.api import check as check_inputs
    from pipeline.api import failure_lines
    from pipeline.batch.discover import named_documents

    # As `vanthu build`: a folder stands for its documents (a workspace's for its data folder's);
    # no data folder is an error, an empty one says so.
    paths = named_documents(list(inputs))
    if not paths:
        click.echo(t("cli.nothing_to_check"))
        return
    report = check_inputs(paths, templates=ctx.obj["templates"])
    for document in report.valid:
        click.echo(t("cli.valid", input=document.path))
    for line in failure_lines(report.errors):
        click.echo(f"{t('common.error')}: {line}", err=True)
    for warning in report.warnings:
        click.echo(f"{t('build.warning')}: {warning}", err=True)
    if report.errors:
        sys.exit(1)


# The starters of pipeline.starters.STARTERS, spelt out so that `vanthu --help` imports nothing
# heavy (tests/test_new_types.py pins the three lists to each other and to pipeline.kinds).
NEW_KINDS = [
    "ke-hoach", "quyet-dinh", "quyet-dinh-chung", "quyet-dinh-quy-che", "to-trinh", "cong-van",
    "giay-moi", "thong-bao", "bien-ban", "giay-khen",
]  # fmt: skip


@main.command()
@click.argument("kind", type=click.Choice(NEW_KINDS))
@click.option(
    "-o",
    "--output",
    type=command_line_path(dir_okay=False),
    default=None,
    help="Tệp YAML sẽ tạo (mặc định: <loại>.yaml trong thư mục hiện tại).",
)
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
def new(kind: str, output: Path | None, force: bool) -> None:
    """Tạo tệp dữ liệu mẫu có chú thích, dựng được ngay."""
    from pipeline.starters import STARTER_AGENCY, make_starter, outside_workspace
    from pipeline.workspace.command import note_as_flags

    made = make_starter(kind, output, force=force)
    for path in made.paths:
        click.echo(t("cli.created", path=path))
    for note in made.notes:  # dated in its folder's year, or before a level was abolished
        click.echo(f"{t('ws.note')}: {note_as_flags(note)}")  # the kinds as init's options
    if outside_workspace(made.paths[-1]):
        click.echo(t("ws.sample_office", agency=STARTER_AGENCY))


def run() -> None:
    """The `vanthu` command: `main`, then leave without the interpreter's teardown (see
    pipeline.process_exit); the exit code is main's."""
    # pydantic looks for its plugins when it first makes a validator, reading the entry points
    # of every installed distribution (importlib.metadata): ≈ 21 M instructions of a build's
    # first document with 130 installed. vanthu uses none; PYDANTIC_DISABLE_PLUGINS is
    # pydantic's documented switch. Here only, not for a library caller; a value set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _never_fail_to_say()
    try:
        main()
    except SystemExit as exc:
        leave(exc.code)
    leave(0)


def _never_fail_to_say() -> None:
    """Make what vanthu prints never raise UnicodeEncodeError: a terminal or a PYTHONIOENCODING
    whose encoding has no Vietnamese letters (latin-1, ascii), or a file name not in UTF-8
    (its undecodable bytes held as lone surrogates), would otherwise turn a help or an error
    into a traceback. "backslashreplace" writes such a character as \\uXXXX: Python's own
    choice for stderr, it keeps the exact character (for a Vietnamese letter, the very escape
    JSON uses: `--format json` stays valid), where "replace" would leave only "?" and dropping
    the accents would change the words. A character the encoding has is written as before."""
    for stream in (sys.stdout, sys.stderr):
        # None: the stream is closed (`>&-`); no reconfigure: replaced by a caller's own.
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


if __name__ == "__main__":  # pragma: no cover
    run()
