"""Copies of an example award decision for tests that need many, each with its own list: one
list given again by another decision of the year is refused (load.lists.list_shared)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path


def copy_decision(folder: Path, source: str, name: str, number: int) -> Path:
    """Decision `source` of `folder` copied as `name`, numbered `number`, naming a copy of its
    list of its own (beside it, named after it)."""
    text = (folder / source).read_text("utf-8")
    listed = re.search(r"(?m)^\s*danh_sach: *(\S+)", text)
    assert listed is not None, source
    own = f"ds-{Path(name).stem}{Path(listed[1]).suffix}"
    shutil.copyfile(folder / listed[1], folder / own)
    text = re.sub(r"(?m)^so: .*$", f"so: {number}", text)
    text = text.replace(listed[0], listed[0].replace(listed[1], own), 1)
    target = folder / name
    target.write_text(text, "utf-8")
    return target
