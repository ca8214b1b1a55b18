"""`vanthu build`: parse the options, call pipeline.batch.build, print its result."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from pipeline.api import INPUTS_DIR, OUTPUTS_DIR
from pipeline.batch.builder import build
from pipeline.batch.progress import ProgressBar, print_report


@click.command("build")
@click.argument(
    "input_dir",
    required=False,
    default=Path(INPUTS_DIR),
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "-o",
    "--output",
    "output_dir",
    default=Path(OUTPUTS_DIR),
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục kết quả, cùng cấu trúc với thư mục đầu vào (mặc định: outputs/).",
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
@click.pass_context
def build_command(
    ctx: click.Context,
    input_dir: Path,
    output_dir: Path,
    jobs: int | None,
    pdf: bool,
    force: bool,
    keep_going: bool,
) -> None:
    """Dựng mọi văn bản của thư mục đầu vào: song song, chỉ dựng lại văn bản đã thay đổi."""
    templates = ctx.obj.get("templates") if isinstance(ctx.obj, dict) else None
    console = Console()
    result = build(
        input_dir,
        output_dir,
        jobs=jobs,
        pdf=pdf,
        force=force,
        keep_going=keep_going,
        templates_dir=templates,
        reporter=ProgressBar(console) if console.is_terminal else None,
    )
    print_report(result, console)
    if not result.ok:
        ctx.exit(1)
