"""An office's template folder (mau/) in a test's folder, holding unedited built-in templates."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.render.builtin import builtin_templates


def office_folder(tmp_path: Path, *names: str) -> Path:
    """tmp_path/mau with unedited copies of the built-in templates `names` ("khoi/dau-trang")."""
    folder = tmp_path / "mau"
    for name in names:
        target = folder / f"{name}.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(builtin_templates() / f"{name}.docx", target)
    folder.mkdir(exist_ok=True)
    return folder
