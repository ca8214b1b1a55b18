"""vanthu templates list: each template, what it serves, when it last changed."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pipeline.kinds import KINDS
from pipeline.render.compose import FRAME, TemplateLibrary


@dataclass(frozen=True)
class TemplateInfo:
    """A template file: its name, the document type it serves (or its shared role), last change."""

    name: str
    path: Path
    serves: str  # a kind code (ke_hoach), "khoi" for a shared block, "khung" for the frame
    changed: str  # YYYY-MM-DD


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
    """Every template of the library: types first, then shared blocks, then the frame."""
    by_template = {kind.template: kind.code for kind in KINDS.values()}
    items = [
        TemplateInfo(name, library.path_of(name), by_template.get(name, "?"), "")
        for name in library.type_names()
    ]
    items += [
        TemplateInfo(name, library.root / f"{name}.docx", "khoi", "")
        for name in sorted(library.block_sources)
    ]
    items.append(TemplateInfo(FRAME[:-5], library.root / FRAME, "khung", ""))
    return [TemplateInfo(i.name, i.path, i.serves, last_change(i.path)) for i in items]
