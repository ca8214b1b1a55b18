"""`vanthu templates list|check|fields`: thin commands over pipeline.template_tools."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import click

from pipeline.cli_paths import command_line_path
from pipeline.errors import VanthuError
from pipeline.i18n import t
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.fields import FieldPath
from pipeline.template_tools.inventory import unknown_template
from pipeline.workspace import Workspace


def _workspace(ctx: click.Context) -> Workspace:
    """The workspace of the current folder, with --templates searched first."""
    templates = (ctx.find_root().obj or {}).get("templates")
    return Workspace.containing(Path.cwd()).with_templates(templates)


def _library(ctx: click.Context) -> TemplateLibrary:
    return _workspace(ctx).templates


def sample_contexts(
    workspace: Workspace, inputs: Path | None
) -> dict[str, list[Mapping[str, Any]]]:
    """Contexts of the example documents under `inputs`, by template: the data model in use."""
    from pipeline.api import Renderer
    from pipeline.template_tools.examples import starter_contexts

    renderer = Renderer(workspace)
    folder = inputs or workspace.data_dir
    found: dict[str, list[Mapping[str, Any]]] = {}
    for path in workspace.documents(folder) if folder.is_dir() else []:
        try:
            document = workspace.load(path)
            context = renderer.context(document)
        except VanthuError:
            # Bad data is `vanthu check`'s business; a template that cannot serve it (a phôi's
            # name field without a width) is reported below, at the template.
            continue
        found.setdefault(document.kind.template, []).append(context)
    # The starters show every kind's context even where the office has no example of it:
    # its own, printing its agency's lines (a header column it narrowed is measured by them).
    for template, contexts in starter_contexts(renderer, workspace).items():
        found.setdefault(template, []).extend(contexts)
    return found


@click.group("templates")
def templates_command() -> None:
    """Công cụ cho người bảo trì mẫu .docx."""


@templates_command.command("list")
@click.pass_context
def list_command(ctx: click.Context) -> None:
    """Liệt kê các mẫu đang dùng: loại văn bản, nguồn (có sẵn hay của cơ quan), ngày sửa cuối."""
    from pipeline.template_tools.inventory import list_templates

    library = _library(ctx)
    items = list_templates(library)
    width = max(len(i.name) for i in items)
    origins = {True: t("ws.template_override"), False: t("ws.template_builtin")}
    click.echo(
        f"{t('tpl.col.name'):<{width}}  {t('tpl.col.serves'):<12}  {t('tpl.col.changed'):<10}  "
        f"{t('tpl.col.source')}"
    )
    unused = {path for path, _ in library.unmatched()}
    for item in items:
        if item.path in unused:
            continue  # said below: it replaces nothing
        origin = origins[item.override] + (f" ({item.path})" if item.override else "")
        for hidden in library.shadowed(item.name):
            origin += "; " + t("tpl.shadowed", path=hidden)
        click.echo(f"{item.name:<{width}}  {item.serves:<12}  {item.changed:<10}  {origin}")
    for path, close in library.unmatched():
        hint = t("data.did_you_mean", name=close) if close else ""
        click.echo(f"{path}: {t('tpl.warning')}: {t('tpl.unused_override', hint=hint)}")
    for path, name in library.not_docx():
        hint = t("tpl.not_docx_for", name=name) if name else ""
        click.echo(f"{path}: {t('tpl.warning')}: {t('tpl.not_docx', hint=hint)}")


@templates_command.command("copy")
@click.argument("name", metavar="TÊN")
@click.option("--force", is_flag=True, help="Ghi đè bản đã có trong thư mục mẫu của cơ quan.")
@click.pass_context
def copy_command(ctx: click.Context, name: str, force: bool) -> None:
    """Chép một mẫu có sẵn vào thư mục mẫu của cơ quan (mau/) để sửa bằng Word."""
    from pipeline.template_tools.inventory import copied_template

    workspace = _workspace(ctx)
    target, kept = copied_template(workspace.templates, name, workspace.own_templates, force=force)
    click.echo(t("ws.template_copied", name=name, path=target))
    if kept is not None:
        click.echo(t("tpl.copy_backup", name=name, path=kept))


@templates_command.command("check")
@click.argument("names", nargs=-1, metavar="[TÊN]...")
@click.option(
    # A folder that is not there is a slip, not data without documents: said (exit 2) rather
    # than every template passed against nothing. Its reading is the reader's to refuse.
    "--inputs", "inputs_dir",
    type=command_line_path(exists=True, file_okay=False),
    default=None, help="Dữ liệu mẫu để đối chiếu trường (mặc định: dữ liệu của thư mục làm việc).",
)  # fmt: skip
@click.pass_context
def check_command(ctx: click.Context, names: tuple[str, ...], inputs_dir: Path | None) -> None:
    """Kiểm tra mẫu: cú pháp thẻ, khối chưa đóng, trường lạ, thể thức, khối dùng chung."""
    from pipeline.template_tools.check import check_templates

    workspace = _workspace(ctx)
    library = workspace.templates
    known = [*library.type_names(), *library.block_sources, "khung"]
    for name in names:
        if name not in known:
            raise unknown_template(name, known)
    report = check_templates(library, list(names) or None, sample_contexts(workspace, inputs_dir))
    for problem in report.problems:
        # A file in another format (.odt) is named with its own extension.
        file = problem.template if Path(problem.template).suffix else f"{problem.template}.docx"
        where = file + (f", {problem.where}" if problem.where else "")
        label = f"{t('tpl.warning')}: " if problem.warning else ""
        click.echo(f"{where}: {label}{t(problem.key, **problem.params)}")
    errors = sum(not p.warning for p in report.problems)
    warnings = len(report.problems) - errors
    count = len(report.checked)
    if report.problems:
        click.echo(
            t("tpl.summary", count=_counted("tpl.n.templates", count),
              errors=_counted("tpl.n.errors", errors),
              warnings=_counted("tpl.n.warnings", warnings))
        )  # fmt: skip
    else:
        click.echo(t("tpl.ok.one" if count == 1 else "tpl.ok", count=count))
    if not report.ok:
        sys.exit(1)


def _counted(key: str, n: int) -> str:
    """'1 error', '2 errors': the message `key` (plural) or `key`.one for a count of 1."""
    return t(f"{key}.one" if n == 1 else key, n=n)


@templates_command.command("fields")
@click.argument("name", metavar="TÊN")
@click.pass_context
def fields_command(ctx: click.Context, name: str) -> None:
    """Các trường dữ liệu mẫu dùng, dạng cây."""
    from pipeline.render.compose import preprocess
    from pipeline.template_tools.fields import FieldCollector, as_tree, render_tree

    library = _library(ctx)
    if name in library.type_names():
        source = preprocess(library.document_xml(name))
    elif name in library.block_sources:
        source = library.block_sources[name]
    else:
        known = [*library.type_names(), *library.block_sources]
        raise unknown_template(name, known)
    paths = FieldCollector(library.environment(), library.block_sources).collect(source)
    for line in render_tree(as_tree(paths), mark=_unknown_marker(ctx, name)):
        click.echo(line)


def _unknown_marker(ctx: click.Context, name: str) -> Callable[[FieldPath], str]:
    """Words after a field the template reads that vanthu's data does not provide (an office's
    {{ so_dien_thoai }}): the tree lists what the template reads, which is not all there is."""
    from pipeline.template_tools.check import declared_fields
    from pipeline.template_tools.fields import ContextShape

    workspace = _workspace(ctx)
    samples = sample_contexts(workspace, None).get(name, [])
    if not samples:
        return lambda path: ""
    builtin = TemplateLibrary(workspace.templates.builtin)
    shape = ContextShape.of(samples, declared_fields(name, builtin))
    unknown = t("tpl.fields_unknown")
    return lambda path: f"  ← {unknown}" if shape.missing(path) == path else ""
