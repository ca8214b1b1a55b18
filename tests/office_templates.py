"""An office's template folder (mau/) in a test's folder, holding unedited built-in templates;
templates check of the built-in templates, made once per test process."""

from __future__ import annotations

import copy
import shutil
from functools import cache
from pathlib import Path

from pipeline.render.builtin import builtin_templates
from pipeline.render.compose import TemplateLibrary
from pipeline.template_tools.check import TemplateReport, check_templates


def office_folder(tmp_path: Path, *names: str) -> Path:
    """tmp_path/mau with unedited copies of the built-in templates `names` ("khoi/dau-trang")."""
    folder = tmp_path / "mau"
    for name in names:
        target = folder / f"{name}.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(builtin_templates() / f"{name}.docx", target)
    folder.mkdir(exist_ok=True)
    return folder


@cache
def _builtin_report() -> TemplateReport:
    return check_templates(TemplateLibrary())


def builtin_check_report() -> TemplateReport:
    """check_templates of the built-in templates alone (all of them): checked once per test
    process, a copy to each caller, so no test sees what another did to its own."""
    return copy.deepcopy(_builtin_report())
