"""`vanthu build`: parse the options, call pipeline.batch.build, print its result."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.batch.builder import build
from pipeline.batch.discover import workspace_of
from pipeline.batch.progress import print_report
from pipeline.batch.supervise import stop_on_signals
from pipeline.cli_paths import command_line_path
from pipeline.i18n import t

if TYPE_CHECKING:
    from rich.console import Console

    from pipeline.batch.terminal import ProgressBar


@click.command("build")
@click.argument(
    "input_dir",
    required=False,
    default=None,
    type=command_line_path(file_okay=False),
    metavar="[THƯ_MỤC]",
)
@click.option(
    "-o",
    "--output",
    "output_dir",
    default=None,
    type=command_line_path(file_okay=False),
    help="Thư mục kết quả (mặc định: outputs/ của thư mục làm việc); mỗi năm một thư mục con.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Số tiến trình dựng song song (mặc định: số lõi CPU).",
)
@click.option("--pdf", is_flag=True, help="Xuất thêm PDF bên cạnh mỗi tệp .docx (LibreOffice).")
@click.option("--force", is_flag=True, help="Dựng lại mọi văn bản, kể cả văn bản không đổi.")
@click.option("--keep-going", is_flag=True, help="Vẫn dựng các văn bản hợp lệ khi có đầu vào lỗi.")
@click.option(
    "--bo-qua-so",
    "skip_numbers",
    is_flag=True,
    help="Nhận số ghi tay vượt số tiếp theo của sổ dù văn bản so: tu_dong ghi ngày trước nó "
    "sẽ nhận số sau nó.",
)
@click.pass_context
def build_command(
    ctx: click.Context,
    input_dir: Path | None,
    output_dir: Path | None,
    jobs: int | None,
    pdf: bool,
    force: bool,
    keep_going: bool,
    skip_numbers: bool,
) -> None:
    """Dựng mọi văn bản của thư mục làm việc (hoặc của INPUT_DIR: một thư mục làm việc hay một
    thư mục dữ liệu): song song, chỉ dựng lại văn bản đã thay đổi; kết quả ở outputs/<năm>/."""
    templates = ctx.obj.get("templates") if isinstance(ctx.obj, dict) else None
    # A workspace's folder named (`vanthu build ws3`) builds it as `cd ws3 && vanthu build`.
    workspace, input_dir = workspace_of(input_dir)
    workspace = workspace.with_output(output_dir).with_templates(templates)
    console = terminal_console()
    # Ctrl-C and SIGTERM stop the build cleanly, even when started with SIGINT ignored.
    with stop_on_signals(workspace.output_dir):
        result = build(
            workspace,
            input_dir,
            jobs=jobs,
            pdf=pdf,
            force=force,
            keep_going=keep_going,
            skip_numbers=skip_numbers,
            reporter=progress_bar(console) if console is not None else None,
        )
    print_report(result, console)
    for warning in result.warnings:
        click.echo(f"{t('build.warning')}: {warning}", err=True)
    for error in result.errors:
        click.echo(f"{t('common.error')}: {error}", err=True)
    if not result.ok:
        ctx.exit(1)


def terminal_console() -> Console | None:
    """rich's console when stdout is a terminal; None for a file or a pipe, where rich (and
    the time its import takes) is not needed."""
    if sys.stdout is None or not sys.stdout.isatty():
        return None
    from rich.console import Console

    console = Console()
    return console if console.is_terminal else None


def progress_bar(console: Console) -> ProgressBar:
    """The progress bar shown on the terminal while the build runs."""
    from pipeline.batch.terminal import ProgressBar

    return ProgressBar(console)
