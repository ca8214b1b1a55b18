"""vanthu templates list: each template, what it serves, when it last changed."""

from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pipeline.errors import InputError
from pipeline.i18n import t
from pipeline.kinds import KINDS
from pipeline.render.compose import FRAME_NAME, TemplateLibrary
from pipeline.render.output import write_atomic


@dataclass(frozen=True)
class TemplateInfo:
    """A template in force: its name, the type it serves (or its shared role), its file, whether
    the workspace overrides the built-in one, and its last change."""

    name: str
    path: Path
    serves: str  # a kind code (ke_hoach), "khoi" for a shared block, "khung" for the frame
    changed: str  # YYYY-MM-DD
    override: bool = False


def last_change(path: Path) -> str:
    """The date of the last commit touching `path`, or its modification date outside git."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, timeout=10, check=False,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        out = ""
    if out:
        return out
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()


def list_templates(library: TemplateLibrary) -> list[TemplateInfo]:
    """Every template in force: types first, then shared blocks, then the frame."""
    by_template = {kind.template: kind.code for kind in KINDS.values()}
    named = [(name, by_template.get(name, "?")) for name in library.type_names()]
    named += [(name, "khoi") for name in library.block_names()]
    named.append((FRAME_NAME, "khung"))
    return [
        TemplateInfo(name, library.file(name), serves, last_change(library.file(name)),
                     library.is_override(name))
        for name, serves in named
    ]  # fmt: skip


def unknown_template(name: str, known: list[str]) -> InputError:
    """'no template NAME', with the closest template name as a hint: a typo (quyet-dinhh), a
    block named without its folder (ky-ten) or with its extension (khoi/ky-ten.docx)."""
    wanted = name.removesuffix(".docx")
    close = [k for k in known if k == wanted or k.rsplit("/", 1)[-1] == wanted]
    close = close or difflib.get_close_matches(wanted, known, n=1)
    hint = t("data.did_you_mean", name=close[0]) if close else ""
    return InputError("tpl.unknown", name=name, hint=hint, known=", ".join(known))


def copied_template(
    library: TemplateLibrary, name: str, folder: Path, *, force: bool
) -> tuple[Path, Path | None]:
    """Copy built-in template `name` into `folder` (the workspace's own), keeping its sub-folder:
    the copy, and where the copy it replaced was kept (None: none was, or it was the built-in
    one unchanged). With `force`, an office's copy already there that differs from the built-in
    one is kept first beside it (backup_copy): --force is how the upgrade warnings say to take a
    block's new version, and the copy holds the office's edits, to be made again in the new one."""
    known = [*library.type_names(), *library.block_names(), FRAME_NAME]
    if name not in known:
        raise unknown_template(name, known)
    target = folder / f"{name}.docx"
    if target.exists() and not force:
        raise InputError("cli.exists", path=target)
    data = (library.builtin / f"{name}.docx").read_bytes()
    kept = backup_copy(target) if target.is_file() and target.read_bytes() != data else None
    write_atomic(target, data)
    return target, kept


# The suffix of a kept copy: not .docx, so that vanthu never takes it for a template (nor for
# a file replacing none, nor for one in another format), and plain to see beside the copy.
BACKUP_SUFFIX = ".bak"


def backup_copy(path: Path) -> Path:
    """`path` copied to '<name>.docx.bak' beside it, or '<name>.docx.2.bak', '.3.bak' when
    earlier copies were kept already (none is overwritten); the copy's path."""
    target = path.with_name(path.name + BACKUP_SUFFIX)
    number = 2
    while target.exists():
        target = path.with_name(f"{path.name}.{number}{BACKUP_SUFFIX}")
        number += 1
    write_atomic(target, path.read_bytes())
    return target
