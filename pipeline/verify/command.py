"""`vanthu verify FILE.docx...`: a thin layer over pipeline.verify.verify_file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from pipeline.cli_paths import command_line_path
from pipeline.errors import InputError
from pipeline.i18n import current_language, t
from pipeline.paths import folder_entries, named_folder
from pipeline.verify import type_choices, verify_files
from pipeline.verify.report import Report

VIOLATIONS_EXIT = 1  # every file read, at least one breaks a rule
UNREADABLE_EXIT = 2  # at least one file could not be read at all (not found, not a .docx)
# What a folder's files are checked by: verify_file's suffixes, in any case (BAOCAO.DOCX).
CHECKED_SUFFIXES = (".docx", ".docm", ".dotx")
# A folder below those named that could not be listed, by the path it is reported at.
Unlisted = dict[Path, InputError]


def check_registered(paths: list[Path], reports: list[Report]) -> None:
    """verify --so-dang-ky: each document's number and date against the workspace's register."""
    from pipeline.register import open_register
    from pipeline.verify.register_check import check_register
    from pipeline.workspace import Workspace

    workspace = Workspace.containing(Path.cwd())
    with open_register(workspace.register_location, root=workspace.root) as register:
        for path, report in zip(paths, reports, strict=True):
            if report.error is None:
                check_register(path, report, register)


def docx_under(folder: Path, unlisted: Unlisted | None = None) -> list[Path]:
    """Every .docx under `folder` (.DOCX, .docm, .dotx too: what verify_file reads), sorted;
    Word's lock files (~$...), hidden files and the copies of hand-edited outputs vanthu kept
    before writing them again (.sua-tay) skipped: those print an old number and are the
    clerk's, not vanthu's outputs. A folder that cannot be listed (no permission) stands in
    its place, its error in `unlisted`: reported as a file that could not be read, never
    passed over as if it held nothing."""
    from pipeline.render.output import is_edited_copy

    found: list[Path] = []
    folders = [folder]
    while folders:
        current = folders.pop()
        try:
            entries = folder_entries(current)
        except OSError as exc:
            found.append(current)
            if unlisted is not None:
                unlisted[current] = _unlisted(current, exc)
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir() and not entry.is_symlink():  # as rglob: links to folders not followed
                folders.append(path)
            elif (
                path.suffix.lower() in CHECKED_SUFFIXES
                and not entry.name.startswith((".", "~$"))
                and not is_edited_copy(path)
            ):
                found.append(path)
    return sorted(found)


def _unlisted(folder: Path, exc: OSError) -> InputError:
    from pipeline.render.output import folder_reason

    return InputError("verify.unreadable_folder", file=folder, reason=folder_reason(exc))


def workspace_outputs(unlisted: Unlisted | None = None) -> list[Path]:
    """Every .docx the workspace of the working folder has produced (docx_under)."""
    from pipeline.workspace import Workspace, shown

    outputs = Workspace.containing(Path.cwd()).output_dir
    below: Unlisted = {}
    found = [Path(shown(p)) for p in docx_under(outputs, below)]
    if unlisted is not None:
        unlisted.update({Path(shown(folder)): error for folder, error in below.items()})
    return found


def named_files(files: tuple[Path, ...], unlisted: Unlisted | None = None) -> list[Path]:
    """The files given, a folder standing for every .docx under it; a workspace's own folder
    (the one `vanthu init` made) for its outputs, as `vanthu build ws3` builds them: not the
    office's templates in its mau/ folder, which are no documents. Folders below that cannot
    be listed as docx_under says."""
    return [
        found for path in files
        for found in (_docx_of(path, unlisted) if named_folder(path) else [path])
    ]  # fmt: skip


def _refused(path: Path) -> bool:
    """Whether looking at `path` is refused (a folder above it this user may not enter), so
    that nothing can be told of it, not even whether it is there."""
    try:
        path.stat()
    except PermissionError:
        return True
    except (OSError, ValueError):  # not there, and the like: verify_file says it
        return False
    return False


def verified(
    paths: list[Path], doc_type: str | None, template: bool, unlisted: Unlisted | None = None
) -> list[Report]:
    """verify_files, each path that may not be looked at reported in its place as a file that
    could not be read (README: exit 2, named in an error line), the others still checked:
    verify_file asks such a path whether it exists, and Path.exists raises for it. So is each
    folder of `unlisted` (docx_under), with its own error."""
    unlisted = unlisted or {}
    refused = {
        path: Report.unreadable(path, unlisted.get(path)
                                or InputError("verify.unreadable_file", file=path),
                                template=template)
        for path in paths if path in unlisted or _refused(path)
    }  # fmt: skip
    checked = iter(verify_files([p for p in paths if p not in refused], doc_type,
                                template=template))  # fmt: skip
    return [refused[path] if path in refused else next(checked) for path in paths]


def _docx_of(folder: Path, unlisted: Unlisted | None) -> list[Path]:
    from pipeline.load.locations import resolved_path
    from pipeline.workspace import Workspace

    workspace = Workspace.containing(folder)
    if resolved_path(folder) == workspace.root and not workspace.is_bare:
        return docx_under(workspace.output_dir, unlisted)
    return docx_under(folder, unlisted)


@click.command("verify")
# A file or folder that cannot be read is reported in its place, exit 2, the others still
# checked (README), not refused as a usage error (command_line_path).
@click.argument("files", nargs=-1, type=command_line_path(), metavar="[TỆP]...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="Kết quả dạng văn bản hay JSON / text or JSON output.",
)
@click.option(
    "--type",
    "doc_type",
    type=click.Choice(type_choices()),
    default=None,
    metavar="LOẠI",
    help="Loại văn bản: ke-hoach, quyet-dinh, cong-van, ... (mặc định: đọc từ tên loại) / "
    "document type (default: from the title).",
)
@click.option(
    "--template",
    is_flag=True,
    help="Kiểm tra mẫu .docx: chỉ các quy tắc trình bày / check a template: layout rules only.",
)
@click.option(
    "--so-dang-ky",
    "against_register",
    is_flag=True,
    help="Đối chiếu số, ký hiệu và ngày với sổ văn bản đi của thư mục làm việc / check the "
    "number and date against the workspace's register.",
)
@click.pass_context
def verify_command(
    ctx: click.Context,
    files: tuple[Path, ...],
    output_format: str,
    doc_type: str | None,
    template: bool,
    against_register: bool,
) -> None:
    """Kiểm tra .docx theo Nghị định 30/2020/NĐ-CP (thể thức, kỹ thuật trình bày); nêu thư mục:
    mọi .docx trong đó; không nêu tệp: mọi .docx trong outputs/ của thư mục làm việc. Mã thoát:
    0 đạt, 1 có vi phạm, 2 có tệp không đọc được."""
    unlisted: Unlisted = {}
    paths = named_files(files, unlisted) if files else workspace_outputs(unlisted)
    if not paths:
        raise click.UsageError(t("verify.no_files"))
    reports = verified(paths, doc_type, template, unlisted)
    if against_register:
        check_registered(paths, reports)
    lang = current_language()
    if output_format == "json":
        data = {"ok": all(r.ok for r in reports), "files": [r.to_dict(lang) for r in reports]}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            click.echo(report.format_text(lang), err=report.error is not None)
        if len(reports) > 1:
            click.echo(summary(reports, lang))
    if any(r.error is not None for r in reports):
        ctx.exit(UNREADABLE_EXIT)
    if not all(r.ok for r in reports):
        ctx.exit(VIOLATIONS_EXIT)


def summary(reports: list[Report], lang: str) -> str:
    """'3 tệp, 1 tệp có vi phạm' (and how many could not be read, when any)."""
    unreadable = sum(r.error is not None for r in reports)
    failed = sum(not r.ok for r in reports) - unreadable
    if unreadable:
        return t(
            "verify.total_unreadable",
            lang=lang,
            files=len(reports),
            failed=failed,
            unreadable=unreadable,
        )
    return t("verify.total", lang=lang, files=len(reports), failed=failed)
